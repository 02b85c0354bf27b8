;; Naive doubly recursive Fibonacci: the sequential-speed workload.
(defmodule fib
  (export (main 0)))

(defun fib
  ((n) (when (< n 2)) n)
  ((n) (+ (fib (- n 1)) (fib (- n 2)))))

;; Big integers come for free: fib(300) by iteration.
(defun fast-fib
  ((0 a _) a)
  ((n a b) (fast-fib (- n 1) b (+ a b))))

(defun main ()
  (lists:foreach
    (lambda (n) (io:format "fib(~b) = ~b~n" (list n (fib n))))
    '(0 1 2 10 20 25))
  (io:format "fib(300) = ~b~n" (list (fast-fib 300 0 1))))
