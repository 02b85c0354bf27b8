;; Macro bodies that compute with funs: lambda, funcall, lists:map,
;; lists:filter, lists:foldl/foldr over the macro's arguments (run by the
;; frontend's macro interpreter at compile time).
;; Expected output: recorded from erl running macro_funs.erl.
(defmodule macro_funs (export (main 0)))
(defmacro sum-of args `(+ 0 ,@(lists:map (lambda (a) `(* 1 ,a)) args)))
(defmacro make-pairs (k . vs) `(list ,@(lists:map (lambda (v) `(tuple ',k ,v)) vs)))
(defmacro only-ints args `(list ,@(lists:filter (lambda (a) (is_integer a)) args)))
(defmacro count-args args (lists:foldl (lambda (_ n) (+ n 1)) 0 args))
(defmacro rev-list args `(list ,@(lists:foldr (lambda (a acc) (cons a acc)) '() (lists:reverse args))))
(defmacro adder (n) (let ((add (lambda (x) (+ x n)))) (funcall add 100)))
(defmacro defconsts pairs
  `(progn ,@(lists:map (lambda (p) `(defun ,(car p) () ,(cadr p))) pairs)))
(defconsts (one 1) (two 2))
(defun main ()
  (io:format "~p~n" (list (sum-of 1 2 3 4)))
  (io:format "~p~n" (list (make-pairs key 1 (+ 1 1) 3)))
  (io:format "~p~n" (list (only-ints 1 a 2 "s" 3)))
  (io:format "~p~n" (list (count-args a b c d e)))
  (io:format "~p~n" (list (list 'rev (rev-list 1 2 3))))
  (io:format "~p~n" (list (adder 5)))
  (io:format "~p~n" (list (list (one) (two)))))
