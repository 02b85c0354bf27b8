;; a registered server process with call/reply, state in the loop arguments,
;; a timeout, and stop with a monitor
;; Expected output: recorded from erl running counter_server.erl.
(defmodule counter_server (export (main 0)))
(defun start () (register 'counter (spawn (lambda () (loop 0)))) 'ok)
(defun loop (n)
  (receive
    ((tuple 'call from ref 'get) (! from (tuple ref n)) (loop n))
    ((tuple 'call from ref (tuple 'add k)) (! from (tuple ref 'ok)) (loop (+ n k)))
    ((tuple 'call from ref 'stop) (! from (tuple ref 'stopping)))))
(defun rpc (msg)
  (let ((ref (make_ref)))
    (! 'counter (tuple 'call (self) ref msg))
    (receive ((tuple ref reply) reply) (after 1000 'timeout))))
(defun main ()
  (io:format "~p~n" (list (start)))
  (io:format "~p~n" (list (rpc 'get)))
  (lists:foreach (lambda (k) (rpc (tuple 'add k))) (lists:seq 1 10))
  (io:format "~p~n" (list (rpc 'get)))
  (let ((ref (monitor 'process (whereis 'counter))))
    (io:format "~p~n" (list (rpc 'stop)))
    (receive ((tuple 'DOWN ref _ _ r) (io:format "~p~n" (list r)))))
  (io:format "~p~n" (list (whereis 'counter))))
