;; Word frequencies of a short text: split, normalise, count in a map, and
;; rank by count (then alphabetically).
(defmodule word_count
  (export (main 0)))

(defun text ()
  (++ "The actor model treats actors as the universal primitives of concurrent "
      "computation. In response to a message it receives, an actor can make "
      "local decisions, create more actors, send more messages, and determine "
      "how to respond to the next message received. Actors may modify their "
      "own private state, but can only affect each other indirectly through "
      "messaging."))

(defun main ()
  (let* ((words (string:lexemes (string:lowercase (text)) " .,"))
         (counts (lists:foldl
                   (lambda (w m) (maps:update_with w (lambda (c) (+ c 1)) 1 m))
                   #m() words))
         (ranked (lists:sort
                   (match-lambda
                     (((tuple w1 c1) (tuple w2 c2))
                      (=< (tuple (- c1) w1) (tuple (- c2) w2))))
                   (maps:to_list counts)))
         (longest (lists:foldl
                    (lambda (w best) (if (> (length w) (length best)) w best))
                    "" words)))
    (io:format "~b words, ~b distinct~n" (list (length words) (map_size counts)))
    (lists:foreach
      (match-lambda (((tuple w c)) (io:format "~-10s ~b~n" (list w c))))
      (lists:sublist ranked 6))
    (io:format "longest: ~s (~b letters)~n" (list longest (length longest)))))
