;; list, cons, car/cdr, list*, improper lists, c*r macros, ++ and --.
;; Expected output: recorded from erl running listops.erl.
(defmodule listops (export (main 0)))
(defun main ()
  (let ((l (list 1 2 3)))
    (io:format "~p~n" (list (list (car l) (cdr l) (cadr l) (cddr l) (caddr l))))
    (io:format "~p~n" (list (cons 0 l)))
    (io:format "~p~n" (list (list* 'a 'b l)))
    (io:format "~p~n" (list (cons 'a 'b)))
    (io:format "~p~n" (list '(a b . c)))
    (io:format "~p~n" (list (++ l '(4 5) '(6))))
    (io:format "~p~n" (list (-- '(1 2 3 2) '(2))))
    (io:format "~p~n" (list (list "abc" '() (length l))))))
