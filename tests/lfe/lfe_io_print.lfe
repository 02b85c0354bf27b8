;; LFE's own printing: lfe_io:format ~p/~w/~s, lfe_io:print, prettyprint.
;; Expected output: not from erl (these are LFE's printers); written from
;; LFE's documentation (lfe_guide: #(...) tuples, #M(...) maps, #"..."
;; binaries, (a . b)) and its sources lfe_io_write.erl/lfe_io_pretty.erl
;; (lists printed as strings only by ~p, binaries as #B(...) by ~w, symbols
;; quoted with |...| when they would not read back as symbols).
(defmodule lfe_io_print (export (main 0)))
(defun main ()
  (lfe_io:format "~p~n" (list '(1 2 3)))
  (lfe_io:format "~p ~w~n" (list "abc" "abc"))
  (lfe_io:format "~p ~w~n" (list #"bin" #"bin"))
  (lfe_io:format "~p~n" (list (tuple 'ok 1 (map 'a 1))))
  (lfe_io:format "~p~n" (list '(a . b)))
  (lfe_io:format "~p ~p ~p~n" (list '|hello world| '|123| 'foo-bar))
  (lfe_io:format "~p ~p~n" (list ''x '()))
  (lfe_io:format "~s and ~s: ~b~n" (list "str" 'atom 42))
  (lfe_io:print (tuple 1.5 "s" #(nested #(t))))
  (io:nl)
  (lfe_io:prettyprint (list #"x" "y" (binary 200)))
  (io:nl)
  (io:format "~s~n" (list (lfe_io:print1 (list 'a 'b))))
  (io:format "~s~n" (list (lfe_io:format1 "~p" (list #(a "b"))))))
