;; a prime sieve and quicksort with lc, ++ and recursion; list functions on
;; the results
;; Expected output: recorded from erl running sieve.erl.
(defmodule sieve (export (main 0)))
(defun sieve
  (('()) '())
  (((cons p xs)) (cons p (sieve (lc ((<- x xs) (/= 0 (rem x p))) x)))))
(defun qsort
  (('()) '())
  (((cons p xs)) (++ (qsort (lc ((<- x xs) (< x p)) x)) (list p) (qsort (lc ((<- x xs) (>= x p)) x)))))
(defun main ()
  (let ((ps (sieve (lists:seq 2 100))))
    (io:format "~p~n" (list ps))
    (io:format "~p~n" (list (tuple (length ps) (lists:sum ps) (lists:last ps)))))
  (io:format "~p~n" (list (qsort '(3 1 4 1 5 9 2 6 5 3 5))))
  (io:format "~p~n" (list (qsort (list "pear" "apple" "fig")))))
