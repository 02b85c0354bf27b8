;; The module under test of calc-tests (compiled along by `eubeam test`).
(defmodule calc
  (export (add 2) (divide 2) (parse 1)))

(defun add (a b) (+ a b))

(defun divide
  ((_ 0) #(error zero_division))
  ((a b) (tuple 'ok (div a b))))

(defun parse (s) (list_to_integer s))
