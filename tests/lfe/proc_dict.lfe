;; the process dictionary (put/get/erase/get_keys) and a memoised function
;; built on it
;; Expected output: recorded from erl running proc_dict.erl.
(defmodule proc_dict (export (main 0)))
(defun fib (n)
  (case (get (tuple 'fib n))
    ('undefined (let ((v (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))) (put (tuple 'fib n) v) v))
    (v v)))
(defun main ()
  (io:format "~p~n" (list (put 'a 1)))
  (io:format "~p~n" (list (put 'a 2)))
  (io:format "~p~n" (list (get 'a)))
  (io:format "~p~n" (list (fib 90)))
  (io:format "~p~n" (list (length (get_keys))))
  (io:format "~p~n" (list (erase 'a)))
  (io:format "~p~n" (list (get 'a))))
