;; The article's selective receive: a {high, _} message is taken before
;; earlier {low, _} ones, with (after 0) falling back to anything.
;; Expected output: recorded from erl running priority.erl.
(defmodule priority (export (main 0)))
(defun handle (prio msg) (io:format "~p ~p~n" (list prio msg)))
(defun priority-loop (n)
  (if (== n 0)
    'done
    (receive
      ((tuple 'high msg) (handle 'high msg) (priority-loop (- n 1)))
      (after 0
        (receive
          ((tuple _prio msg) (handle 'normal msg) (priority-loop (- n 1))))))))
(defun main ()
  (! (self) #(low 1))
  (! (self) #(low 2))
  (! (self) #(high 3))
  (! (self) #(low 4))
  (! (self) #(high 5))
  (io:format "~p~n" (list (priority-loop 5))))
