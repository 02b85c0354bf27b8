;; map-update/mupd vs map-set, badkey errors, map patterns in function heads
;; and case
;; Expected output: recorded from erl running map_update.erl.
(defmodule map_update (export (main 0)))
(defun bump (((= m (map 'n n))) (map-update m 'n (+ n 1))))
(defun kind (((map 'type 'circle 'r r)) (tuple 'circle r))
            (((map 'type 'square)) 'square)
            ((_) 'unknown))
(defun main ()
  (let ((m #m(n 1 name "x")))
    (io:format "~p~n" (list (bump (bump m))))
    (io:format "~p~n" (list (mupd m 'name "y")))
    (io:format "~p~n" (list (map-set m 'extra 'yes)))
    (io:format "~p~n" (list (map-update m 'n 10 'name 'z)))
    (io:format "~p~n" (list (element 1 (element 2 (catch (map-update m 'missing 1))))))
    (io:format "~p~n" (list (lists:map #'kind/1 (list #m(type circle r 2) #m(type square side 1) #m()))))
    (io:format "~p~n" (list (case m ((map 'name nm) nm))))
    (io:format "~p~n" (list (maps:to_list (map-remove (map-set m 'a 1) 'n))))))
