;; defmodule import (from, rename), module-alias, export all, attributes,
;; calls to the Erlang library as (mod:fun ...), MODULE.
;; Expected output: recorded from erl running imports.erl.
(defmodule imports
  "Module doc string."
  (export all)
  (import (from lists (reverse 1) (sum 1))
          (rename string ((to_upper 1) up)))
  (module-alias (io_lib iol))
  (vsn 1))
(defun main ()
  (io:format "~p~n" (list (reverse '(1 2 3))))
  (io:format "~p~n" (list (sum '(1 2 3))))
  (io:format "~p~n" (list (up "shout")))
  (io:format "~s~n" (list (iol:format "~p" (list 'aliased))))
  (io:format "~p~n" (list (MODULE)))
  (io:format "~p~n" (list (lists:keyfind 'b 1 '(#(a 1) #(b 2)))))
  (io:format "~p~n" (list (proplists:get_value 'k '(#(k v)))))
  (io:format "~p~n" (list (string:join '("a" "b") "-"))))
