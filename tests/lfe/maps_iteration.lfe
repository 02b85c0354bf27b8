;; maps module with funs from LFE: fold, map, filter, keys/values,
;; from_list, merge, find, iteration order of small maps, nested map update
;; Expected output: recorded from erl running maps_iteration.erl.
(defmodule maps_iteration (export (main 0)))
(defun main ()
  (let ((m (maps:from_list (lc ((<- k '(c a b))) (tuple k (length (atom_to_list k)))))))
    (io:format "~p~n" (list m))
    (io:format "~p~n" (list (maps:fold (lambda (k v acc) (cons (tuple v k) acc)) '() m)))
    (io:format "~p~n" (list (maps:map (lambda (_ v) (* v 10)) m)))
    (io:format "~p~n" (list (maps:filter (lambda (k _) (=/= k 'b)) m)))
    (io:format "~p~n" (list (tuple (maps:keys m) (maps:values m))))
    (io:format "~p~n" (list (maps:merge m #m(a 100 d 4))))
    (io:format "~p~n" (list (list (maps:find 'a m) (maps:find 'z m) (maps:get 'z m 'default))))
    (let ((nested #m(inner #m(count 1))))
      (io:format "~p~n" (list (map-update nested 'inner (map-update (map-get nested 'inner) 'count 2)))))
    (io:format "~p~n" (list (maps:size (maps:from_list (lc ((<- i (lists:seq 1 100))) (tuple i i))))))))
