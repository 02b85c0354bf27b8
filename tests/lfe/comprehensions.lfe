;; lc / list-comp with generators, filters, guards, ?= ; bc / binary-comp,
;; binary generators.
;; Expected output: recorded from erl running comprehensions.erl.
(defmodule comprehensions (export (main 0)))
(defun main ()
  (io:format "~p~n" (list (lc ((<- x '(1 2 3 4 5)) (== 0 (rem x 2))) (* x x))))
  (io:format "~p~n" (list (list-comp ((<- x '(1 2)) (<- y '(a b))) (tuple x y))))
  (io:format "~p~n" (list (lc ((<- (tuple 'ok v) (list #(ok 1) 'bad #(ok 2)))) v)))
  (io:format "~p~n" (list (lc ((<- v (when (> v 2)) '(1 2 3 4))) v)))
  (io:format "~p~n" (list (lc ((<- x '((1 . 2) (3 . 4) 5)) (?= (cons a b) x)) (+ a b))))
  (io:format "~p~n" (list (bc ((<- x '(1 2 3))) (x (size 16)))))
  (io:format "~p~n" (list (lc ((<= (b (size 8)) #"abc")) (+ b 1))))
  (io:format "~p~n" (list (binary-comp ((<= (b (size 4)) #b(171 205))) ((+ b 1) (size 8))))))
