;; defun with a lambda list, with pattern clauses, guards, doc strings.
;; Expected output: recorded from erl running defun_clauses.erl.
(defmodule defun_clauses (export (main 0)))
(defun fact
  "Factorial by clauses."
  ((0) 1)
  ((n) (when (> n 0)) (* n (fact (- n 1)))))
(defun classify
  ((x) (when (is_integer x) (< x 0)) 'negative)
  ((0) 'zero)
  ((x) (when (is_integer x)) 'positive)
  ((x) (when (is_atom x)) 'atom)
  ((_) 'other))
(defun add (a b)
  "Adds."
  (+ a b))
(defun same ((x x) 'same) ((_ _) 'different))
(defun main ()
  (io:format "~p~n" (list (fact 25)))
  (io:format "~p~n" (list (lists:map (lambda (x) (classify x)) (list -3 0 7 'a "s"))))
  (io:format "~p~n" (list (add 2 3)))
  (io:format "~p~n" (list (list (same 1 1) (same 1 2))))
  (io:format "~p~n" (list (case (catch (fact -1)) ((tuple 'EXIT (tuple r _)) r)))))
