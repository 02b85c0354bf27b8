;; Primes three ways: trial division with a comprehension, a quicksort of
;; a scrambled list, and a sieve over a map of crossed-out numbers.
(defmodule primes
  (export (main 0)))

(defun prime?
  ((n) (when (< n 2)) 'false)
  ((n) (lists:all (lambda (d) (=/= (rem n d) 0)) (lists:seq 2 (isqrt n)))))

(defun isqrt (n) (isqrt n 1))
(defun isqrt
  ((n k) (when (> (* k k) n)) (- k 1))
  ((n k) (isqrt n (+ k 1))))

(defun qsort
  (('()) '())
  (((cons p xs))
   (++ (qsort (lc ((<- x xs) (< x p)) x))
       (list p)
       (qsort (lc ((<- x xs) (>= x p)) x)))))

(defun sieve (n)
  (let ((crossed (lists:foldl
                   (lambda (p acc)
                     (if (maps:is_key p acc) acc (cross (* p p) p n acc)))
                   #m() (lists:seq 2 (isqrt n)))))
    (lc ((<- x (lists:seq 2 n)) (not (maps:is_key x crossed))) x)))

(defun cross
  ((m _p n acc) (when (> m n)) acc)
  ((m p n acc) (cross (+ m p) p n (maps:put m 'true acc))))

(defun main ()
  (let ((small (lc ((<- x (lists:seq 1 50)) (prime? x)) x)))
    (io:format "primes below 50: ~w~n" (list small)))
  (let* ((scrambled (lc ((<- x (lists:seq 1 100))) (rem (* x 37) 101)))
         (sorted (qsort scrambled)))
    (io:format "sorted: first ~w, last ~w, same as lists:sort ~w~n"
               (list (lists:sublist sorted 5) (lists:last sorted)
                     (=:= sorted (lists:sort scrambled)))))
  (let ((primes (sieve 20000)))
    (io:format "primes up to 20000: ~b, the last ~b~n"
               (list (length primes) (lists:last primes)))
    (let ((twins (lc ((<- p (lists:sublist primes 60)) (lists:member (+ p 2) primes))
                   (tuple p (+ p 2)))))
      (io:format "twin primes: ~w~n" (list (lists:sublist twins 8))))))
