;; macrolet: macros local to their body, shadowing and
;; restored after it. Expected output recorded from the real LFE (lfe/lfe
;; 1d0de5e built from source with erlc, tests/lfe/record-lfe.sh).
(defmodule macrolet
  (export (main 0)))

(defmacro m (x) `(tuple 'global ,x))

(defun bigger (x y)
  (macrolet ((m (a b)
               "Poor macro definition."
               `(if (>= ,a ,b) ,a ,b)))
    (m x y)))

(defun clauses (xs)
  (macrolet ((all
               ((list) ''true)
               ((cons e es) `(andalso ,e (all ,@es))))
             (twice (x) `(list ,x ,x)))
    (tuple (all (is_list xs) (> (length xs) 1) (< (length xs) 5))
           (twice (length xs)))))

(defun nested ()
  (macrolet ((m (x) `(list 'outer ,x)))
    (list (m 1)
          (macrolet ((m (x) `(list 'inner ,x)))
            (m 2))
          (m 3))))

(defun main ()
  (lfe_io:format "~p~n" (list (bigger 3 7)))
  (lfe_io:format "~p~n" (list (bigger 9 2)))
  (lfe_io:format "~p~n" (list (clauses '(1 2 3))))
  (lfe_io:format "~p~n" (list (clauses '(1))))
  (lfe_io:format "~p~n" (list (nested)))
  (lfe_io:format "~p~n" (list (m 'after))))
