;; try catch patterns on class, reason and stacktrace, erlang:raise, error
;; with arguments, exceptions crossing function calls, try of with case
;; clauses falling through to catch
;; Expected output: recorded from erl running exception_classes.erl.
(defmodule exception_classes (export (main 0)))
(defun risky (x)
  (cond ((== x 'a) (throw (tuple 'thrown x)))
        ((== x 'b) (error (tuple 'bad x) (list x)))
        ((== x 'c) (exit 'normal))
        (else (list x))))
(defun wrap (x)
  (try (risky x)
    (case ((list y) (tuple 'ok y)))
    (catch
      ((tuple 'throw (tuple 'thrown v) _) (tuple 'throw v))
      ((tuple 'error r st) (tuple 'error r (is_list st)))
      ((tuple c r _) (tuple c r)))))
(defun main ()
  (io:format "~p~n" (list (lists:map #'wrap/1 '(a b c d))))
  (io:format "~p~n" (list (try (erlang:raise 'throw 'raised '()) (catch ((tuple c r _) (list c r))))))
  (io:format "~p~n" (list (try (try (throw 1) (catch ((tuple 'error _ _) 'wrong))) (catch ((tuple 'throw v _) (tuple 'outer v))))))
  (io:format "~p~n" (list (try 5 (case (6 'six) (n (* n 2))) (catch (_ 'never))))))
