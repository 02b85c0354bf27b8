;; tuple, #(literal tuples), tref/tset, element/setelement, tuple patterns.
;; Expected output: recorded from erl running tuples.erl.
(defmodule tuples (export (main 0)))
(defun swap ((`#(,a ,b)) (tuple b a)))
(defun main ()
  (let ((t (tuple 'ok 1 "two")))
    (io:format "~p~n" (list t))
    (io:format "~p~n" (list #(a b (c d) "e")))
    (io:format "~p~n" (list (list (tref t 2) (element 3 t) (tuple_size t))))
    (io:format "~p~n" (list (tset t 2 'one)))
    (io:format "~p~n" (list (swap #(1 2))))
    (let (((tuple 'ok n _) t))
      (io:format "~p~n" (list n)))
    (io:format "~p~n" (list (tuple)))))
