;; A key-value store behind a gen_server: calls that answer, a cast that
;; does not, and a stop.
(defmodule kv_server
  (behaviour gen_server)
  (export (main 0))
  (export (init 1) (handle_call 3) (handle_cast 2) (terminate 2)))

(defun main ()
  (let ((`#(ok ,pid) (gen_server:start_link 'kv_server #m() '())))
    (gen_server:call pid #(put apples 3))
    (gen_server:call pid #(put pears 5))
    (gen_server:cast pid #(add apples 4))
    (io:format "apples: ~p~n" (list (gen_server:call pid #(get apples))))
    (io:format "pears: ~p~n" (list (gen_server:call pid #(get pears))))
    (io:format "plums: ~p~n" (list (gen_server:call pid #(get plums))))
    (io:format "keys: ~p~n" (list (gen_server:call pid 'keys)))
    (gen_server:stop pid)
    (io:format "alive after stop: ~p~n" (list (is_process_alive pid)))))

(defun init (store) (tuple 'ok store))

(defun handle_call
  (((tuple 'put k v) _from store) (tuple 'reply 'ok (maps:put k v store)))
  (((tuple 'get k) _from store)
   (tuple 'reply
          (case (maps:find k store)
            ((tuple 'ok v) (tuple 'ok v))
            ('error 'not_found))
          store))
  (('keys _from store) (tuple 'reply (lists:sort (maps:keys store)) store)))

(defun handle_cast
  (((tuple 'add k n) store)
   (tuple 'noreply (maps:update_with k (lambda (v) (+ v n)) n store))))

(defun terminate (_reason store)
  (io:format "stopping with ~b keys~n" (list (map_size store))))
