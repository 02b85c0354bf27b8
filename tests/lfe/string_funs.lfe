;; strings as lists: the string and lists modules, ++ patterns,
;; io_lib:format to build strings, binaries <-> lists, unicode
;; Expected output: recorded from erl running string_funs.erl.
(defmodule string_funs (export (main 0)))
(defun greet (((++ "hello " name)) (++ "hi, " name)) ((other) other))
(defun main ()
  (io:format "~p~n" (list (greet "hello world")))
  (io:format "~p~n" (list (greet "bye")))
  (io:format "~p~n" (list (string:tokens "a,b,,c" ",")))
  (io:format "~p~n" (list (string:split "k=v=w" "=")))
  (io:format "~p~n" (list (list (string:to_upper "abc") (string:trim "  x  ") (string:length "h\x3bb;llo"))))
  (io:format "~p~n" (list (lists:flatten (io_lib:format "~p-~s" (list 'a "b")))))
  (io:format "~p~n" (list (list (list_to_binary "abc") (binary_to_list #"xyz") (byte_size (unicode:characters_to_binary "\x3bb;")))))
  (io:format "~p~n" (list (list (lists:prefix "ab" "abc") (string:find "hello" "ll") (lists:reverse "abc"))))
  (io:format "~s~n" (list (string:join (list "x" "y" "z") ", "))))
