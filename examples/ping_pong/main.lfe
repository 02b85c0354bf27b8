;; Two processes bat a counter back and forth; the first rounds are traced,
;; then 100,000 silent round trips show the message rate is no problem.
(defmodule ping_pong
  (export (main 0) (pong 0)))

(defun main ()
  (let ((pong (spawn (fun ping_pong pong 0))))
    (ping pong 3 'true)
    (ping pong 100000 'false)
    (! pong (tuple 'stop (self)))
    (receive ('stopped (io:format "done~n")))))

(defun ping
  ((_pong 0 _trace) 'ok)
  ((pong n trace)
   (! pong (tuple 'ping (self) n))
   (receive
     ((tuple 'pong m) (when (=:= m n) (=:= trace 'true))
      (io:format "ping got pong ~b~n" (list n)))
     ((tuple 'pong m) (when (=:= m n)) 'ok))
   (ping pong (- n 1) trace)))

(defun pong ()
  (receive
    ((tuple 'ping from n)
     (! from (tuple 'pong n))
     (pong))
    ((tuple 'stop from)
     (io:format "pong stopping~n")
     (! from 'stopped))))
