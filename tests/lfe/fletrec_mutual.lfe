;; fletrec with mutually recursive local functions, closures over outer
;; variables, and local functions passed as funs
;; Expected output: recorded from erl running fletrec_mutual.erl.
(defmodule fletrec_mutual (export (main 0)))
(defun collatz-steps (start)
  (fletrec ((step (n acc) (if (== n 1) acc (if (== 0 (rem n 2)) (even-step n acc) (odd-step n acc))))
            (even-step (n acc) (step (div n 2) (+ acc 1)))
            (odd-step (n acc) (step (+ (* 3 n) 1) (+ acc 1))))
    (step start 0)))
(defun main ()
  (io:format "~p~n" (list (lists:map #'collatz-steps/1 '(1 2 3 6 7 27))))
  (let ((k 3))
    (fletrec ((down (n) (if (=< n 0) '() (cons n (down (- n k))))))
      (io:format "~p~n" (list (down 10)))
      (io:format "~p~n" (list (lists:map #'down/1 '(1 4 7)))))))
