;; calls written (: mod fun args), (mod:fun args), (call mod fun args) with
;; computed module and function names, and apply
;; Expected output: recorded from erl running colon_calls.erl.
(defmodule colon_calls (export (main 0)))
(defun main ()
  (io:format "~p~n" (list (: lists reverse '(1 2 3))))
  (io:format "~p~n" (list (: erlang length '(a b))))
  (io:format "~p~n" (list (lists:sum '(1 2 3))))
  (let ((m 'lists) (f 'max))
    (io:format "~p~n" (list (call m f '(3 9 2))))
    (io:format "~p~n" (list (call 'string 'uppercase "abc")))
    (io:format "~p~n" (list (apply m 'min (list '(3 9 2)))))
    (io:format "~p~n" (list (apply #'lists:append/2 (list '(1) '(2)))))
    (io:format "~p~n" (list (element 1 (element 2 (catch (call m 'no_such_fun 1))))))))
