;; A bank account as a process: deposits, withdrawals that may be refused,
;; a statement, and an idle timeout that closes the account.
(defmodule bank_account
  (export (main 0)))

(defun main ()
  (let ((account (spawn (lambda () (account 0 '())))))
    (io:format "~p~n" (list (request account #(deposit 100))))
    (io:format "~p~n" (list (request account #(withdraw 30))))
    (io:format "~p~n" (list (request account #(withdraw 500))))
    (io:format "~p~n" (list (request account #(deposit -5))))
    (io:format "~p~n" (list (request account 'balance)))
    (io:format "statement: ~p~n" (list (request account 'statement)))
    (let ((ref (monitor 'process account)))
      (receive
        ((tuple 'DOWN r 'process _ reason) (when (=:= r ref))
         (io:format "account closed: ~p~n" (list reason)))
        (after 2000 (io:format "still open~n"))))
    (io:format "after closing: ~p~n" (list (request account 'balance)))))

;; Sends a request and waits for the answer, or gives up after 500 ms.
(defun request (account req)
  (let ((ref (make_ref)))
    (! account (tuple (self) ref req))
    (receive
      ((tuple r reply) (when (=:= r ref)) reply)
      (after 500 'no_answer))))

(defun account (balance history)
  (receive
    ((tuple from ref (tuple 'deposit n)) (when (is_integer n) (> n 0))
     (! from (tuple ref (tuple 'ok (+ balance n))))
     (account (+ balance n) (cons (tuple 'deposit n) history)))
    ((tuple from ref (tuple 'withdraw n)) (when (is_integer n) (> n 0) (=< n balance))
     (! from (tuple ref (tuple 'ok (- balance n))))
     (account (- balance n) (cons (tuple 'withdraw n) history)))
    ((tuple from ref (tuple 'withdraw n)) (when (is_integer n) (> n 0))
     (! from (tuple ref (tuple 'error (tuple 'insufficient_funds balance))))
     (account balance history))
    ((tuple from ref 'balance)
     (! from (tuple ref balance))
     (account balance history))
    ((tuple from ref 'statement)
     (! from (tuple ref (lists:reverse history)))
     (account balance history))
    ((tuple from ref other)
     (! from (tuple ref (tuple 'error (tuple 'bad_request other))))
     (account balance history))
    (after 500 (exit (tuple 'idle balance)))))
