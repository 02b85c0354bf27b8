;; Links and monitors: a crash travels along links (and kills the linked
;; process unless it traps exits); a monitor only reports it.
(defmodule links_monitors
  (export (main 0)))

(defun main ()
  ;; A monitor sees a worker's crash reason without being hurt by it.
  (let ((`#(,pid ,ref) (spawn_monitor (lambda () (exit #(bad_input 42))))))
    (receive
      ((tuple 'DOWN r 'process _ why) (when (=:= r ref))
       (io:format "monitor: ~p~n" (list why))))
    ;; A monitor on a process that is already gone says noproc.
    (let ((ref2 (monitor 'process pid)))
      (receive
        ((tuple 'DOWN r 'process _ why) (when (=:= r ref2))
         (io:format "late monitor: ~p~n" (list why))))))
  ;; Trapping exits turns a linked crash into a message.
  (process_flag 'trap_exit 'true)
  (let ((linked (spawn_link (lambda () (exit 'boom)))))
    (receive
      ((tuple 'EXIT p r) (when (=:= p linked)) (io:format "trapped: ~p~n" (list r)))))
  ;; A normal exit is a message too when trapping, and harmless otherwise.
  (let ((normal (spawn_link (lambda () 'ok))))
    (receive
      ((tuple 'EXIT p r) (when (=:= p normal)) (io:format "normal exit: ~p~n" (list r)))))
  ;; A chain: middle is linked to us and to a worker; the worker crashes,
  ;; middle (not trapping) dies with the same reason, and we hear of it.
  (let ((middle (spawn_link
                  (lambda ()
                    (let ((worker (spawn_link
                                    (lambda () (receive ('go (exit 'chain_reaction)))))))
                      (! worker 'go)
                      (receive (after 'infinity 'ok)))))))
    (receive
      ((tuple 'EXIT p r) (when (=:= p middle)) (io:format "middle died: ~p~n" (list r)))))
  ;; kill cannot be trapped; the linked process dies with reason killed.
  (let ((victim (spawn_link
                  (lambda ()
                    (process_flag 'trap_exit 'true)
                    (receive (after 'infinity 'ok))))))
    (exit victim 'kill)
    (receive
      ((tuple 'EXIT p r) (when (=:= p victim)) (io:format "killed: ~p~n" (list r)))))
  ;; Demonitor with flush: no 'DOWN' arrives after it.
  (let ((`#(,p5 ,ref5) (spawn_monitor (lambda () (receive ('stop 'ok))))))
    (demonitor ref5 '(flush))
    (! p5 'stop)
    (receive
      ((tuple 'DOWN r _ _ _) (when (=:= r ref5)) (io:format "unexpected DOWN~n"))
      (after 50 (io:format "demonitored: no DOWN~n")))))
