;; lfe_io:format with control sequences other than ~p/~w (handed to the
;; Erlang formatter): ~s ~b ~x ~c ~f ~e ~g ~i ~n ~~, widths, precision,
;; padding and ~p of plain data whose LFE and Erlang forms agree
;; Expected output: recorded from erl running lfe_format.erl.
(defmodule lfe_format (export (main 0)))
(defun main ()
  (lfe_io:format "~s and ~s~n" (list "str" #"bin"))
  (lfe_io:format "~b ~.16b ~8.2.0b ~.16x ~.8X~n" (list 42 255 5 255 "0x" 64 "0o"))
  (lfe_io:format "~c~c~3c~n" (list 104 105 33))
  (lfe_io:format "~f ~.2f ~10.3f ~e ~g~n" (list 3.14159 2.5 1.0 12345.678 0.5))
  (lfe_io:format "~i~s~n" (list 'ignored "shown"))
  (lfe_io:format "~10s|~-8s|~.3s~n" (list "right" "left" "truncate"))
  (lfe_io:format "~~ ~n")
  (lfe_io:format "~p ~p ~w~n" (list 42 'atom 1.5))
  (lfe_io:format "~ts~n" (list "tx"))
  (io:format "~s~n" (list (lfe_io:format1 "~b-~s" (list 7 "x")))))
