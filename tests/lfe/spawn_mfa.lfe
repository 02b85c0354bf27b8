;; spawn and spawn_link with module, function and arguments (exported
;; functions), (MODULE), processes replying with their own pids,
;; is_process_alive
;; Expected output: recorded from erl running spawn_mfa.erl.
(defmodule spawn_mfa (export (main 0) (echo 1) (summer 2)))
(defun echo (parent) (receive (m (! parent (tuple (self) m)))))
(defun summer (parent xs) (! parent (tuple 'sum (lists:sum xs))))
(defun main ()
  (let ((p (spawn (MODULE) 'echo (list (self)))))
    (! p 'hello)
    (receive ((tuple (= p from) m) (io:format "~p~n" (list (tuple (== from p) m))))))
  (spawn 'spawn_mfa 'summer (list (self) '(1 2 3 4)))
  (receive ((tuple 'sum s) (io:format "~p~n" (list s))))
  (let ((p (spawn_link 'spawn_mfa 'echo (list (self)))))
    (io:format "~p~n" (list (is_process_alive p)))
    (! p 'bye)
    (receive (_ 'ok))
    (timer:sleep 10)
    (io:format "~p~n" (list (is_process_alive p))))
  (io:format "~p~n" (list (MODULE))))
