;; Higher-order functions from the Erlang library called from LFE:
;; lists:filter/foldr/zip/zipwith/any/all/partition/sort with funs.
;; Expected output: recorded from erl running hof.erl.
(defmodule hof (export (main 0)))
(defun main ()
  (let ((xs (lists:seq 1 10)))
    (io:format "~p~n" (list (lists:filter (lambda (x) (== 0 (rem x 3))) xs)))
    (io:format "~p~n" (list (lists:foldr (lambda (x acc) (cons (* x x) acc)) '() '(1 2 3))))
    (io:format "~p~n" (list (lists:zip '(a b c) '(1 2 3))))
    (io:format "~p~n" (list (lists:zipwith (fun erlang + 2) '(1 2) '(10 20))))
    (io:format "~p~n" (list (list (lists:any #'is_atom/1 '(1 a)) (lists:all #'is_atom/1 '(1 a)))))
    (io:format "~p~n" (list (lists:partition (lambda (x) (> x 5)) xs)))
    (io:format "~p~n" (list (lists:sort (lambda (a b) (>= a b)) '(3 1 2))))
    (io:format "~p~n" (list (lists:map (lambda (f) (funcall f 3)) (list (lambda (x) (* x x)) #'integer_to_list/1))))))
