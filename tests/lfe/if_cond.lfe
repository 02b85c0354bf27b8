;; if with and without else, cond with several tests, ?= match tests binding
;; variables, else, and a cond with no true test
;; Expected output: recorded from erl running if_cond.erl.
(defmodule if_cond (export (main 0)))
(defun sign (x) (cond ((< x 0) 'neg) ((> x 0) 'pos) (else 'zero)))
(defun look (x)
  (cond ((?= (tuple 'ok v) x) (tuple 'value v))
        ((?= (list a b) (when (is_integer a)) x) (+ a b))
        ((is_atom x) 'atom)
        ('true 'other)))
(defun main ()
  (io:format "~p~n" (list (lists:map #'sign/1 '(-3 0 8))))
  (io:format "~p~n" (list (lists:map #'look/1 (list #(ok 1) '(2 3) '(a b) 'z "str"))))
  (io:format "~p~n" (list (if (> 2 1) 'yes)))
  (io:format "~p~n" (list (if (> 1 2) 'yes)))
  (io:format "~p~n" (list (if (> 1 2) 'yes 'no)))
  (io:format "~p~n" (list (cond ((> 1 2) 'a))))
  (io:format "~p~n" (list (element 1 (element 2 (catch (if 'notbool 'a 'b)))))))
