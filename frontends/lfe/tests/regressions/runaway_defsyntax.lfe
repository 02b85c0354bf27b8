;; defsyntax with several pattern rulessrp,e t atterns, recursion through
;; itself, and rules chosen by the shape of the arguments
;; Expected output: recorded from erl running defsyntax_rules.erl.
(defmodule defsyntax_rules (export (main 0)))
(defsyntax my-or
  (() 'false)
  ((e) e)
  ((e . es) (case e ('false (my-or = es)) (x x))))
(defsyntax while-less
  ((var limit step body) #(fletrec ((loop (var acc) (if (< var limit) (loop (+ var step) (cons body acc)) (lists:reverse acc)))) (loop 0 '()))))
(defsyntax pick
  ((a) (tuple 'one a))
  ((a b) (tuple 'two b)))
(defun main ()
  (io:format "~p~n" (list (list (my-or) (my-or 'false) (my-or 'false 7) (my-or 'false 'false 'x))))
  (io:format "~p~n" (list (while-less i 10 3 (* i i))))
  (io:format "~p~n" (list (pick 'a)))
  (io:format "~p~n" (list (pick 'a 'b))))
