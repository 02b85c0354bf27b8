;; case clauses with guards: several tests, andalso/orelse, type tests,
;; arithmetic, guard BIFs and failing guard expressions
;; Expected output: recorded from erl running case_guards.erl.
(defmodule case_guards (export (main 0)))
(defun classify (x)
  (case x
    (n (when (is_integer n) (> n 0) (== 0 (rem n 2))) 'pos-even)
    (n (when (is_integer n) (> n 0)) 'pos-odd)
    (n (when (orelse (is_float n) (== n 0))) 'float-or-zero)
    (l (when (is_list l) (> (length l) 2)) 'long-list)
    ((tuple a b) (when (andalso (is_atom a) (=:= a b))) 'same-pair)
    (t (when (is_tuple t) (== (tuple_size t) 3)) 'triple)
    (b (when (is_binary b) (>= (byte_size b) 2)) 'bin)
    (a (when (is_atom (hd a))) 'bad-guard-is-false)
    (_ 'other)))
(defun main ()
  (io:format "~p~n" (list (lists:map #'classify/1 (list 4 3 1.5 0 '(1 2 3) '(1) #(a a) #(a b) #(1 2 3) #"ab" 'x -2)))))
