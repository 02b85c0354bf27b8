;; Patterns: aliases (=), list* and cons, nested tuples and lists, quoted
;; literals, repeated variables, _ , literal tuples #(...) and strings.
;; Expected output: recorded from erl running patterns.erl.
(defmodule patterns (export (main 0)))
(defun m
  (((= (cons h _) whole)) (when (is_integer h)) (tuple 'list-of-int whole))
  (((list* a b rest)) (tuple 'at-least-two a b rest))
  (((tuple x x)) (tuple 'twin x))
  (((tuple 'point (tuple x y))) (+ x y))
  ((#(literal tuple)) 'literal)
  (("str") 'string)
  (('atom) 'quoted-atom)
  ((_) 'nomatch))
(defun main ()
  (io:format "~p~n"
    (list (lists:map #'m/1
            (list '(1 2) '(a b c) '(a b) #(7 7) #(point #(3 4)) #(literal tuple) "str" 'atom 'other)))))
