;; binary construction and matching with segment specs, #"..." and #b(...).
;; Expected output: recorded from erl running binaries.erl.
(defmodule binaries (export (main 0)))
(defun parse
  (((binary (len (size 8)) (body (size len) binary) (rest binary)))
   (tuple body rest)))
(defun main ()
  (io:format "~p~n" (list (binary 1 2 (300 (size 16)) (-1 (size 8) signed))))
  (io:format "~p~n" (list (binary (1 (size 32) little-endian) (1.5 float) "hi")))
  (io:format "~p~n" (list (list #"abc" #b(1 2 3) (byte_size #"hello"))))
  (io:format "~p~n" (list (parse (binary 3 "abcde"))))
  (let (((binary (a (size 4)) (b (size 4)) (c bitstring)) #b(171 1)))
    (io:format "~p~n" (list (list a b c))))
  (io:format "~p~n" (list (binary (#"xy" binary) (#\z utf8) (65 utf-8))))
  (let (((binary (x float) (_ binary)) (binary (2.5 float) 7)))
    (io:format "~p~n" (list x))))
