;; A receive loop carrying state (the article's GenServer in miniature):
;; set/get/stop messages, call/reply tagged with make_ref.
;; Expected output: recorded from erl running kvstore.erl.
(defmodule kvstore (export (main 0)))
(defun loop (state)
  (receive
    ((tuple 'set key value) (loop (maps:put key value state)))
    ((tuple 'get key from ref) (! from (tuple ref (maps:get key state 'undefined))) (loop state))
    ((tuple 'stop from) (! from 'stopped))))
(defun rpc (pid key)
  (let ((ref (make_ref)))
    (! pid (tuple 'get key (self) ref))
    (receive ((tuple r v) (when (=:= r ref)) v) (after 1000 'timeout))))
(defun main ()
  (let ((pid (spawn (lambda () (loop (map))))))
    (! pid #(set a 1))
    (! pid #(set b 2))
    (io:format "~p~n" (list (list (rpc pid 'a) (rpc pid 'b) (rpc pid 'c))))
    (! pid (tuple 'stop (self)))
    (receive (m (io:format "~p~n" (list m))))))
