;; ltest tests of calc: deftest, deftestgen with a setup fixture,
;; defsetup/defteardown, and one failing test.
(defmodule calc-tests
  (behaviour ltest-unit))

(include-lib "ltest/include/ltest-macros.lfe")

(deftest add
  (is-equal 5 (calc:add 2 3))
  (is-not-equal 6 (calc:add 2 3)))

(deftest divide
  (is-match (tuple 'ok _) (calc:divide 7 2))
  (is-equal #(error zero_division) (calc:divide 1 0)))

(deftest parse
  (is-equal 42 (calc:parse "42"))
  (is-error 'badarg (calc:parse "x")))

(deftest parse-fails (is-equal 42 (calc:parse "4x2")))

(defun set-up () (list 1 2 3))

(defun tear-down (_) 'ok)

(deftestgen with-setup
  (tuple 'setup
         (defsetup set-up)
         (defteardown tear-down)
         (lambda (xs)
           (list (is-equal* 3 (length xs))
                 (is* (lists:member 2 xs))
                 (tuple "described" (is-equal* '(1 2 3) xs))))))
