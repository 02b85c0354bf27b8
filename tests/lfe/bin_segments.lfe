;; binary construction and matching with segment specs: sizes and units,
;; signed/unsigned, big/little endian, float, binary/bytes/bits, utf8/utf16,
;; default sizes
;; Expected output: recorded from erl running bin_segments.erl.
(defmodule bin_segments (export (main 0)))
(defun main ()
  (io:format "~p~n" (list (binary (1 (size 16)) (2 (size 16) little) (-1 (size 8) signed))))
  (io:format "~p~n" (list (binary (3 (size 4)) (5 (size 4)))))
  (io:format "~p~n" (list (binary (1.5 float) (2.0 float (size 32)))))
  (io:format "~p~n" (list (binary (#"abc" binary) (955 utf8) (65 utf16))))
  (io:format "~p~n" (list (binary (5 (size 3)) (1 (size 1)))))
  (io:format "~p~n" (list (binary (7 (size 2) (unit 8)))))
  (let (((binary (a (size 16) little) (b (size 8) signed) (rest binary)) (binary 1 2 255 9 9)))
    (io:format "~p~n" (list (list a b rest))))
  (let (((binary (len (size 8)) (str binary (size len)) (tail bitstring)) #b(3 97 98 99 100 1)))
    (io:format "~p~n" (list (list len str tail))))
  (let (((binary (f float (size 64)) (c utf8) (_ binary)) (binary (3.25 float) (8364 utf8) "x")))
    (io:format "~p~n" (list (list f c))))
  (let (((binary (x (size 4)) (y bitstring)) (binary (171 (size 8)) (1 (size 2)))))
    (io:format "~p~n" (list (list x y (bit_size y)))))
  (io:format "~p~n" (list (binary ((binary 1 2) binary) ((binary 3) bytes)))))
