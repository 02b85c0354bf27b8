;; Recursion: tail-recursive loops with accumulators, deep non-tail
;; recursion, mutual recursion between top-level functions, sorting.
;; Expected output: recorded from erl running recursion.erl.
(defmodule recursion (export (main 0)))
(defun sum-to
  ((0 acc) acc)
  ((n acc) (sum-to (- n 1) (+ acc n))))
(defun len
  (('()) 0)
  (((cons _ t)) (+ 1 (len t))))
(defun qsort
  (('()) '())
  (((cons p xs))
   (++ (qsort (lc ((<- x xs) (< x p)) x))
       (list p)
       (qsort (lc ((<- x xs) (>= x p)) x)))))
(defun is-even ((0) 'true) ((n) (is-odd (- n 1))))
(defun is-odd ((0) 'false) ((n) (is-even (- n 1))))
(defun main ()
  (io:format "~p~n" (list (sum-to 1000000 0)))
  (io:format "~p~n" (list (len (lists:seq 1 100000))))
  (io:format "~p~n" (list (qsort '(3 1 4 1 5 9 2 6 5 3 5))))
  (io:format "~p~n" (list (list (is-even 1000) (is-odd 7)))))
