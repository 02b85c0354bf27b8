;; function references #'f/1 and #'m:f/2 and (fun m f a) passed to
;; lists:map/foldl/filter/sort; funs returned from functions
;; Expected output: recorded from erl running funrefs.erl.
(defmodule funrefs (export (main 0)))
(defun sq (x) (* x x))
(defun small? (x) (< x 10))
(defun adder (n) (lambda (x) (+ x n)))
(defun compose (f g) (lambda (x) (funcall f (funcall g x))))
(defun main ()
  (io:format "~p~n" (list (lists:map #'sq/1 '(1 2 3))))
  (io:format "~p~n" (list (lists:filter #'small?/1 (lists:map #'sq/1 '(1 2 3 4 5)))))
  (io:format "~p~n" (list (lists:foldl #'erlang:+/2 0 '(1 2 3))))
  (io:format "~p~n" (list (lists:map (fun lists reverse 1) '((1 2) (3 4)))))
  (io:format "~p~n" (list (lists:sort #'erlang:>=/2 '(3 1 2))))
  (io:format "~p~n" (list (lists:map (adder 10) '(1 2))))
  (io:format "~p~n" (list (funcall (compose #'sq/1 (adder 1)) 4)))
  (io:format "~p~n" (list (lists:map (fun sq 1) '(5))))
  (io:format "~p~n" (list (list (is_function #'sq/1) (is_function #'sq/1 1) (is_function #'lists:map/2 2)))))
