;; The article's first program in LFE: spawn one worker per number, each
;; sends its square back, and the parent sums the five replies.
(defmodule squares
  (export (main 0) (run 0)))

(defun main ()
  (io:format "~p~n" (list (run))))

(defun run ()
  (let ((self (self)))
    ;; spawn one process per number; each sends (tuple n (* n n)) back.
    (lists:foreach
      (lambda (n)
        (spawn (lambda () (! self (tuple n (* n n))))))
      (lists:seq 1 5))
    (collect 5 0)))

;; receive Count messages, summing the squares.
(defun collect
  ((0 sum) sum)
  ((count sum)
   (receive
     ((tuple _n square) (collect (- count 1) (+ sum square))))))
