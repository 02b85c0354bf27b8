;; macros built from nested backquote templates: unquote inside nested lists
;; and tuples, unquote-splicing, ',x inside a template, recursive pattern-clause macros, macros expanding to
;; defun-local code and to other macro calls
;; Expected output: recorded from erl running backquote_macros.erl.
(defmodule backquote_macros (export (main 0)))
(defmacro swap-pair (p) `(let (((tuple a b) ,p)) (tuple b a)))
(defmacro with-log (tag . body) `(progn (io:format "~p~n" (list '(begin ,tag))) ,@body))
(defmacro sum-of
  (() 0)
  ((cons a as) `(+ (* 1 ,a) (sum-of ,@as))))
(defmacro make-pairs
  ((list _) `(list))
  ((list* k v vs) `(cons (tuple ',k ,v) (make-pairs ,k ,@vs))))
(defmacro nested (x) `(list (list ,x (tuple ,x (list ,@(list x x)))) '(lit ,x)))
(defmacro inc2 (x) `(swap-pair (tuple ,x (+ ,x 2))))
(defun main ()
  (io:format "~p~n" (list (swap-pair #(1 2))))
  (io:format "~p~n" (list (with-log step1 (+ 1 1))))
  (io:format "~p~n" (list (sum-of 1 2 3 4)))
  (io:format "~p~n" (list (make-pairs key 1 (+ 1 1) 3)))
  (io:format "~p~n" (list (nested 5)))
  (io:format "~p~n" (list (inc2 10)))
  (let ((v 3)) (io:format "~p~n" (list `(a (b ,v) #(c ,(+ v 1)) (,@(list v v) d))))))
