;; list* building and matching: one argument, proper and improper tails, in
;; patterns and with backquote
;; Expected output: recorded from erl running list_star.erl.
(defmodule list_star (export (main 0)))
(defun split (((list* a b rest)) (tuple a b rest)) ((_) 'short))
(defun main ()
  (io:format "~p~n" (list (list* 1 2 '(3 4))))
  (io:format "~p~n" (list (list* 'a)))
  (io:format "~p~n" (list (list* 1 2 3)))
  (io:format "~p~n" (list (list* '())))
  (io:format "~p~n" (list (lists:map #'split/1 '((1 2 3 4) (1 2) (1)))))
  (let (((list* h t) '(x y z)))
    (io:format "~p~n" (list (tuple h t))))
  (io:format "~p~n" (list (length (list* 1 2 (lists:seq 3 10))))))
