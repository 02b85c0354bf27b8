;; A parallel map: one process per element, results collected in the
;; original order by matching on each worker's reference.
(defmodule parallel_map
  (export (main 0)))

(defun pmap (f xs)
  (let* ((parent (self))
         (refs (lc ((<- x xs))
                 (let ((ref (make_ref)))
                   (spawn (lambda () (! parent (tuple ref (funcall f x)))))
                   ref))))
    (lc ((<- ref refs))
      (receive ((tuple r y) (when (=:= r ref)) y)))))

;; Steps for the Collatz sequence from n to reach 1.
(defun collatz
  ((1) 0)
  ((n) (when (=:= (rem n 2) 0)) (+ 1 (collatz (div n 2))))
  ((n) (+ 1 (collatz (+ (* 3 n) 1)))))

(defun main ()
  (let* ((ns (lists:seq 1 2000))
         (steps (pmap #'collatz/1 ns)))
    (io:format "first ten: ~w~n" (list (lists:sublist steps 10)))
    (io:format "total steps: ~b~n" (list (lists:sum steps)))
    (let ((`#(,max ,at) (lists:max (lists:zip steps ns))))
      (io:format "longest: ~b steps from ~b~n" (list max at)))
    (let ((squares (pmap (lambda (x) (* x x)) (lists:seq 1 5))))
      (io:format "squares: ~w, sum ~b~n" (list squares (lists:sum squares))))))
