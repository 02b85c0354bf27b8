;; let-function and letrec-function, local functions shadowing module
;; functions, flet inside lambdas, closures capturing flet functions
;; Expected output: recorded from erl running let_function.erl.
(defmodule let_function (export (main 0)))
(defun helper (x) (tuple 'module x))
(defun main ()
  (io:format "~p~n" (list (helper 1)))
  (flet ((helper (x) (tuple 'local x)))
    (io:format "~p~n" (list (helper 1)))
    (io:format "~p~n" (list (lists:map (lambda (y) (helper y)) '(2 3)))))
  (letrec-function ((len (lambda (l) (if (== l '()) 0 (+ 1 (len (tl l)))))))
    (io:format "~p~n" (list (len '(a b c d)))))
  (let-function ((k (lambda () 'konst)))
    (io:format "~p~n" (list (k))))
  (let ((f (lambda (n) (flet ((twice (x) (* 2 x))) (twice (twice n))))))
    (io:format "~p~n" (list (funcall f 3))))
  (io:format "~p~n" (list (helper 4))))
