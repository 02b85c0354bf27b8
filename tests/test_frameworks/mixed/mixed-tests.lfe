;; The LFE part of the mixed run: ltest, two passing tests and a failing
;; one.
(defmodule mixed-tests
  (behaviour ltest-unit))

(include-lib "ltest/include/ltest-macros.lfe")

(deftest sum (is-equal 6 (lists:sum '(1 2 3))))

(deftest reverse (is-equal '(c b a) (lists:reverse '(a b c))))

(deftest fails (is-equal 3 (length '(a b))))
