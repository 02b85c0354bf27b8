;; LFE 2.1 triple-quoted strings: """ and #""" with the closing line's
;; indentation removed, raw content (no escapes), quotes inside.
;; Expected output: recorded from erl running tq_strings.erl (OTP 25 has no
;; triple-quoted strings, so the twin spells the same strings with escapes).
(defmodule tq_strings (export (main 0)))
(defun main ()
  (io:format "~p~n" (list """
    first line
      indented "quoted" \n raw
    last
    """))
  (io:format "~p~n" (list #"""
  binary
  """))
  (io:format "~p~n" (list (list """
""" "" """
x """ y
""")))
  (io:format "~s~n" (list """
    (defun f () 'ok)
    """)))
