;; bc binary comprehensions with segment types (integer sizes, binary,
;; float, utf8)
;; Expected output: recorded from erl running bc_segments.erl.
(defmodule bc_segments (export (main 0)))
(defun main ()
  (io:format "~p~n" (list (bc ((<- x '(1 2 3))) (x (size 8)))))
  (io:format "~p~n" (list (bc ((<- x '(1 2 3)) (> x 1)) (x (size 16) little))))
  (io:format "~p~n" (list (bc ((<= (b (size 8)) #"hello")) ((- b 32) (size 8)))))
  (io:format "~p~n" (list (bc ((<- s '(#"ab" #"cd"))) (s binary))))
  (io:format "~p~n" (list (byte_size (bc ((<- c '(955 97))) (c utf8)))))
  (io:format "~p~n" (list (bc ((<= (x (size 2)) #b(228))) (x (size 4)))))
  (io:format "~p~n" (list (lc ((<= (f float (size 32)) (binary (1.5 float (size 32)) (2.5 float (size 32))))) f)))
  (io:format "~p~n" (list (bc ((<- x '(1 2)) (<- y '(3 4))) ((* x y) (size 8))))))
