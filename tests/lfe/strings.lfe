;; Strings are lists: escapes, #\ characters, ++ patterns, string functions,
;; binary strings, list_to_atom and friends.
;; Expected output: recorded from erl running strings.erl.
(defmodule strings (export (main 0)))
(defun strip-prefix
  (((++ "hello " rest)) rest)
  ((s) s))
(defun main ()
  (io:format "~p~n" (list "tab\there \x41;\\ \"q\""))
  (io:format "~p~n" (list (list #\a #\Z #\x41; #\$)))
  (io:format "~p~n" (list (list (strip-prefix "hello world") (strip-prefix "bye"))))
  (io:format "~p~n" (list (++ "abc" "def")))
  (io:format "~p~n" (list (list (length "four") (lists:reverse "abc") (hd "xyz"))))
  (io:format "~p~n" (list (list (list_to_atom "dyn") (atom_to_list 'at) (integer_to_list 255 16))))
  (io:format "~p~n" (list (list (binary_to_list #"bin") (list_to_binary "lst") (string:tokens "a,b,c" ","))))
  (io:format "~p~n" (list (lists:flatten (io_lib:format "~4..0B" (list 7))))))
