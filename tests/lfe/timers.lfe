;; erlang:send_after and timer:sleep ordering, cancel_timer, receive after
;; with timers in flight
;; Expected output: recorded from erl running timers.erl.
(defmodule timers (export (main 0)))
(defun main ()
  (erlang:send_after 30 (self) 'late)
  (erlang:send_after 10 (self) 'early)
  (let ((t (erlang:send_after 20 (self) 'cancelled)))
    (io:format "~p~n" (list (is_integer (erlang:cancel_timer t)))))
  (io:format "~p~n" (list (receive (m m))))
  (io:format "~p~n" (list (receive (m m))))
  (io:format "~p~n" (list (receive (m m) (after 50 'nothing-else))))
  (timer:sleep 5)
  (io:format "~p~n" (list (erlang:cancel_timer (make_ref)))))
