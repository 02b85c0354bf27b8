;; A ring of N processes passing a token M times around (spawn, !, receive,
;; closures over pids), then every process stops.
;; Expected output: recorded from erl running ring.erl.
(defmodule ring (export (main 0)))
(defun ring-node (next)
  (receive
    ((tuple 'token 0 from) (! from 'done) (! next 'stop) (node-stop))
    ((tuple 'token k from) (! next (tuple 'token (- k 1) from)) (ring-node next))
    ('stop (! next 'stop) 'ok)))
(defun node-stop () 'ok)
(defun start (n first)
  (if (== n 0)
    first
    (let ((next (start (- n 1) first)))
      (spawn (lambda () (ring-node next))))))
(defun main ()
  (let* ((self (self))
         (last (spawn (lambda () (receive ((tuple 'next p) (ring-node p))))))
         (first (start 9 last)))
    (! last (tuple 'next first))
    (! first (tuple 'token 100 self))
    (receive ('done (io:format "token went around~n")))
    (io:format "~p~n" (list (is_pid first)))))
