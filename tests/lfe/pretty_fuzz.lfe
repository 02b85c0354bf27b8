;; 400 pseudo-random terms (an LCG, so every runtime builds the same ones)
;; through lfe_io:prettyprint1/4 and print1/2 at several depths, widths
;; and indentations. Expected output recorded from the real LFE (lfe/lfe
;; 1d0de5e built from source with erlc) running this file.
(defmodule pretty_fuzz
  (export (main 0)))

(defun next (s) (rem (+ (* s 1103515245) 12345) 2147483648))

(defun gen
  ((s0 0) (leaf s0))
  ((s0 n)
   (let ((s1 (next s0)))
     (case (rem s1 9)
       (0 (gens (next s1) (- n 1) (rem (div s1 9) 14)))
       (1 (let (((tuple l s2) (gens (next s1) (- n 1) (rem (div s1 9) 8))))
            (tuple (list_to_tuple l) s2)))
       (2 (let (((tuple l s2) (gens (next s1) (- n 1) (rem (div s1 9) 6))))
            (tuple (maps:from_list (pairs l)) s2)))
       (3 (let* (((tuple l s2) (gens (next s1) (- n 1) (+ 1 (rem (div s1 9) 5))))
                 ((tuple head s3) (leaf s2)))
            (tuple (++ (cons head l) 'x) s3)))
       (4 (let (((tuple l s2) (gens (next s1) (- n 1) (+ 1 (rem (div s1 9) 6))))
                (forms '(defun let case progn cond lambda call defmodule if foo)))
            (tuple (cons (lists:nth (+ 1 (rem (div s1 7) (length forms))) forms) l) s2)))
       (_ (leaf s1))))))

(defun pairs
  (((list* k v t)) (cons (tuple k v) (pairs t)))
  ((_) ()))

(defun gens
  ((s _n 0) (tuple () s))
  ((s0 n k)
   (let* (((tuple x s1) (gen s0 n))
          ((tuple xs s2) (gens s1 n (- k 1))))
     (tuple (cons x xs) s2))))

(defun leaf (s0)
  (let* ((s (next s0))
         (v (case (rem s 8)
              (0 (rem s 1000))
              (1 (lists:nth (+ 1 (rem (div s 8) 6))
                            '(ok error a-long-symbol-name x |Quoted Atom| defun)))
              (2 (++ "str" (integer_to_list (rem s 100))))
              (3 (list_to_binary (++ "bin" (integer_to_list (rem s 10)))))
              (4 (binary 1 2 ((rem s 256))))
              (5 ())
              (6 (* s 123456789012))
              (_ (/ (rem s 1000) 8)))))
    (tuple v s)))

(defun main ()
  (lists:foldl
   (lambda (i s0)
     (let* (((tuple t s1) (gen s0 4))
            (d (lists:nth (+ 1 (rem i 5)) '(-1 -1 30 5 12)))
            (w (lists:nth (+ 1 (rem i 4)) '(80 80 40 120)))
            (ind (lists:nth (+ 1 (rem i 3)) '(0 0 7))))
       (io:put_chars (list (lfe_io:prettyprint1 t d ind w) 10))
       (io:put_chars (list (lfe_io:print1 t d) 10))
       s1))
   42 (lists:seq 1 400))
  'ok)
