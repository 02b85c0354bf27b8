;; match-lambda with several clauses, guards and arity 2, passed to
;; lists:map/foldl
;; Expected output: recorded from erl running match_lambda.erl.
(defmodule match_lambda (export (main 0)))
(defun main ()
  (let ((classify (match-lambda
                    ((0) 'zero)
                    ((n) (when (< n 0)) 'negative)
                    ((n) (when (is_integer n) (> n 100)) 'big)
                    (((tuple _ _)) 'pair)
                    ((_) 'other)))
        (add (match-lambda ((x 'undefined) x) ((x y) (+ x y)))))
    (io:format "~p~n" (list (lists:map classify (list 0 -5 500 7 #(a b) 'z))))
    (io:format "~p~n" (list (lists:foldl add 0 '(1 2 3 4))))
    (io:format "~p~n" (list (funcall add 5 'undefined)))
    (io:format "~p~n" (list (element 1 (element 1 (element 2 (catch (funcall add 1)))))))
    (io:format "~p~n" (list (is_function classify 1)))))
