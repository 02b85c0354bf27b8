;; map, #m(...) literals, map-get/mref, map-set/mset, map-update/mupd,
;; map-remove, map-size, map patterns, maps module calls.
;; Expected output: recorded from erl running maps.erl.
(defmodule maptest (export (main 0)))
(defun get-a (((map 'a v)) v) ((_) 'none))
(defun main ()
  (let* ((m (map 'a 1 'b 2))
         (m2 (map-set m 'c 3))
         (m3 (map-update m2 'a 10)))
    (io:format "~p~n" (list m))
    (io:format "~p~n" (list (list (map-get m 'a) (mref m2 'c) (map-size m3) (msiz #m()))))
    (io:format "~p~n" (list m3))
    (io:format "~p~n" (list (mset m 'b 20 'd 4)))
    (io:format "~p~n" (list (map-remove m3 'a 'b)))
    (io:format "~p~n" (list (list (get-a m) (get-a #m(b 1)))))
    (io:format "~p~n" (list #m(x "y" 1 #(t))))
    (io:format "~p~n" (list (maps:to_list m2)))
    (io:format "~p~n" (list (case (catch (map-update m 'zz 1)) ((tuple 'EXIT (tuple r _)) r))))))
