;; A ring of 1000 processes: a token travels round it 100 times, each hop
;; adding one, then every process is told to stop.
(defmodule ring
  (export (main 0)))

(defmacro SIZE () 1000)
(defmacro ROUNDS () 100)

(defun main ()
  (let* ((next (build (- (SIZE) 1) (self))))
    (! next (tuple 'token 0))
    (let ((total (relay next (ROUNDS))))
      (io:format "token after ~b rounds of ~b processes: ~b~n"
                 (list (ROUNDS) (SIZE) total)))
    (! next 'stop)
    (receive ('stop 'ok))
    (io:format "ring stopped~n")))

;; Each new process forwards to the one spawned before it; the last spawned
;; is the start of the ring, and the first forwards back to us.
(defun build
  ((0 next) next)
  ((n next) (build (- n 1) (spawn (lambda () (hop next))))))

(defun hop (next)
  (receive
    ((tuple 'token t) (! next (tuple 'token (+ t 1))) (hop next))
    ('stop (! next 'stop))))

(defun relay
  ((_next 1) (receive ((tuple 'token t) (+ t 1))))
  ((next rounds)
   (receive ((tuple 'token t) (! next (tuple 'token (+ t 1)))))
   (relay next (- rounds 1))))
