;; A failing ltest assertion of each kind, the starred test-object forms,
;; deftestskip, and EUnit-compatible test functions. A failing test's
;; forms stay on one line: LFE gives every frame of a top-level form that
;; form's first line (see README).
(defmodule ltest-asserts-tests
  (export (plain_test 0) (plain_generator_test_ 0)))

(include-lib "ltest/include/ltest-macros.lfe")

(deftest is-passes (is 'true) (is-not 'false))
(deftest is-fails (is (> 1 2)))
(deftest is-not-boolean (is 42))
(deftest is-not-fails (is-not 'true))
(deftest is-equal-fails (is-equal 5 (+ 2 2)))
(deftest is-not-equal-fails (is-not-equal 4 (+ 2 2)))
(deftest is-match-fails (is-match (tuple 'ok _) (tuple 'error 1)))
(deftest is-not-match-fails (is-not-match (list _ _) (list 1 2)))
(deftest is-error-fails (is-error 'badarith (+ 1 1)))
(deftest is-error-other (is-error 'badarith (error 'oops)))
(deftest is-throw-fails (is-throw 'done (error 'oops)))
(deftest is-exit-fails (is-exit 'normal (throw 'nope)))
(deftest is-exception-fails (is-exception 'exit 'kill (exit 'normal)))
(deftest exceptions-pass
  (is-error 'badarith (/ 1 0))
  (is-throw 'done (throw 'done))
  (is-exit 'bye (exit 'bye))
  (is-exception 'throw 'x (throw 'x)))
(deftestgen generated (list (is-equal* 1 1) (is* 'false) (is-not* 'true) (is-match* (tuple 'a _) (tuple 'b 1))))
(deftestgen generated-error (list (is-error* 'badarg (+ 1 1)) (is-not-match* (tuple 'a _) (tuple 'a 1))))
(deftestskip skipped (is 'false))

(defun plain_test () (assertEqual 'a (list_to_atom "b")))

(defun plain_generator_test_ ()
  (list (_assert 'true) (_assertEqual 2 (+ 1 1))))
