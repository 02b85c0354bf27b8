;; records: match- patterns in defun heads, let and case, set- with several
;; fields, nested records, accessors and is- in guards
;; Expected output: recorded from erl running record_match.erl.
(defmodule record_match (export (main 0)))
(defrecord point (x 0) (y 0))
(defrecord line (from (make-point)) (to (make-point)) (label 'none))
(defun len2 (((match-line from (match-point x x1 y y1) to (match-point x x2 y y2)))
  (+ (* (- x2 x1) (- x2 x1)) (* (- y2 y1) (- y2 y1)))))
(defun quadrant
  ((p) (when (is-point p) (> (point-x p) 0) (> (point-y p) 0)) 1)
  ((p) (when (is-point p)) 'other)
  ((_) 'not-a-point))
(defun main ()
  (let* ((a (make-point x 1 y 2))
         (b (set-point a x 4 y 6))
         (l (make-line from a to b label 'ab)))
    (io:format "~p~n" (list l))
    (io:format "~p~n" (list (len2 l)))
    (let (((match-point x px) b)) (io:format "~p~n" (list px)))
    (io:format "~p~n" (list (case l ((match-line label 'ab to t) (point-y t)) (_ 'no))))
    (io:format "~p~n" (list (list (quadrant a) (quadrant (make-point x -1)) (quadrant 'p))))
    (io:format "~p~n" (list (line-label (set-line-label l 'renamed))))
    (io:format "~p~n" (list (point-x (line-to l))))
    (io:format "~p~n" (list (make-line)))))
