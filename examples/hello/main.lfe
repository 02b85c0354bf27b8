;; Hello, world: the smallest program, printed three ways.
(defmodule hello
  (export (main 0)))

(defun main ()
  (io:format "Hello, world!~n")
  (io:format "~s from ~p~n" (list "Hello" 'erlang))
  (io:format "~p~n" (list (tuple 'hello (list 1 2 3) #"world"))))
