;; try with after: after runs on success, on exceptions and when the value
;; is matched by case; its value is discarded
;; Expected output: recorded from erl running try_after.erl.
(defmodule try_after (export (main 0)))
(defun run (label f)
  (try (funcall f)
    (case (x (tuple 'ok x)))
    (catch ((tuple c r _) (tuple 'caught c r)))
    (after (io:format "after ~p~n" (list label)))))
(defun noisy ()
  (try (progn (io:format "in body~n") 'done)
    (after (io:format "cleanup~n") 'ignored)))
(defun main ()
  (io:format "~p~n" (list (run 'one (lambda () 1))))
  (io:format "~p~n" (list (run 'two (lambda () (throw 't)))))
  (io:format "~p~n" (list (run 'three (lambda () (error 'e)))))
  (io:format "~p~n" (list (noisy)))
  (io:format "~p~n" (list (catch (try (exit 'gone) (after (io:format "still runs~n"))))))
  (io:format "~p~n" (list (try (+ 1 2) (after 'x)))))
