;; Guards: type tests, guard BIFs, arithmetic and comparison in guards,
;; several tests in one (when ...), andalso/orelse in guards, receive guards.
;; Expected output: recorded from erl running guards.erl.
(defmodule guards (export (main 0)))
(defun kind
  ((x) (when (is_integer x) (> x 100)) 'big-int)
  ((x) (when (is_integer x)) 'int)
  ((x) (when (is_float x)) 'float)
  ((x) (when (is_list x) (> (length x) 2)) 'long-list)
  ((x) (when (is_tuple x) (=:= (tuple_size x) 2) (=:= (element 1 x) 'pair)) 'pair)
  ((x) (when (orelse (is_atom x) (is_binary x))) 'atom-or-bin)
  ((x) (when (is_map x) (is_map_key 'k x)) 'map-with-k)
  ((_) 'other))
(defun main ()
  (io:format "~p~n" (list (lists:map #'kind/1 (list 500 5 1.5 '(1 2 3) #(pair 1) 'a #"b" #m(k 1) #m() '(1))))))
