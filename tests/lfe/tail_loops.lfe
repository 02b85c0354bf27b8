;; long tail-recursive loops (a million iterations, constant stack),
;; accumulators over big lists, bignum factorial and integer powers
;; Expected output: recorded from erl running tail_loops.erl.
(defmodule tail_loops (export (main 0)))
(defun count (n acc) (if (== n 0) acc (count (- n 1) (+ acc 1))))
(defun fact (n) (fact n 1))
(defun fact ((0 acc) acc) ((n acc) (fact (- n 1) (* n acc))))
(defun pow (b e) (pow b e 1))
(defun pow ((_ 0 acc) acc) ((b e acc) (pow b (- e 1) (* b acc))))
(defun main ()
  (io:format "~p~n" (list (count 1000000 0)))
  (io:format "~p~n" (list (fact 30)))
  (io:format "~p~n" (list (pow 2 100)))
  (io:format "~p~n" (list (rem (fact 100) 1000000007)))
  (io:format "~p~n" (list (length (integer_to_list (fact 200)))))
  (io:format "~p~n" (list (lists:foldl (lambda (x acc) (+ x acc)) 0 (lists:seq 1 100000)))))
