;; Arithmetic and comparison operators, variadic forms, bignums, floats.
;; Expected output: recorded from erl running arith.erl (the same program in Erlang).
(defmodule arith (export (main 0)))
(defun main ()
  (io:format "~p~n" (list (list (+ 1 2 3) (- 10 1 2) (* 2 3 4) (/ 10 4) (div 7 2) (rem 7 2))))
  (io:format "~p~n" (list (list (- 5) (+ 1.5 2) (band 12 10) (bor 12 10) (bxor 12 10) (bsl 1 10) (bsr 1024 3) (bnot 0))))
  (io:format "~p~n" (list (list (< 1 2) (> 1 2) (=< 2 2) (>= 1 2) (== 1 1.0) (=:= 1 1.0) (/= 1 2) (=/= 1 1.0))))
  (io:format "~p~n" (list (* 99999999999 99999999999 99999999999)))
  (io:format "~p~n" (list (list (and 'true 'false) (or 'false 'true) (xor 'true 'true) (not 'false))))
  (io:format "~p~n" (list (list (< 1 2 3) (< 1 3 2) #x1F #b101 #o17 #36rZZ #\a 1.0e3))))
