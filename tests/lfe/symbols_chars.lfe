;; quoted symbols |...|, symbols with punctuation, character literals #\\a,
;; based integers, atom conversions and comparisons
;; Expected output: recorded from erl running symbols_chars.erl.
; (#\space would read as #\s then the symbol pace, as lfe_scan does.)
(defmodule symbols_chars (export (main 0)))
(defun main ()
  (io:format "~p~n" (list (list '|hello world| 'foo-bar 'a/b '|X| 'ok? '|'q'|)))
  (io:format "~p~n" (list (list #\a #\Z #\x41; #\( #\ )))
  (io:format "~p~n" (list (list #x1F #b1010 #o777 #36rLFE #d99 #x-ff)))
  (io:format "~p~n" (list (list (atom_to_list 'foo-bar) (list_to_atom "with space") (atom_to_binary '|a b| 'utf8))))
  (io:format "~p~n" (list (list (< 'a 'b) (< 1 'a) (< 'z #(a)) (== '|abc| 'abc))))
  (io:format "~p~n" (list (lists:sort '(b |B| a |a b| A1)))))
