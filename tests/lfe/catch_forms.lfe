;; catch: values, throw, error and exit reasons as caught, nested catch,
;; catch inside a list comprehension
;; Expected output: recorded from erl running catch_forms.erl.
(defmodule catch_forms (export (main 0)))
(defun f (x)
  (case x
    (1 (throw 'one))
    (2 (exit 'two))
    (3 (error 'three))
    (4 (element 5 #(a)))
    (_ x)))
(defun main ()
  (io:format "~p~n" (list (catch (f 0))))
  (io:format "~p~n" (list (catch (f 1))))
  (io:format "~p~n" (list (catch (f 2))))
  (io:format "~p~n" (list (case (catch (f 3)) ((tuple 'EXIT (tuple r _)) r))))
  (io:format "~p~n" (list (case (catch (f 4)) ((tuple 'EXIT (tuple r _)) r))))
  (io:format "~p~n" (list (catch (catch (throw 'inner)))))
  (io:format "~p~n" (list (lc ((<- x '(0 1 3 5))) (case (catch (f x)) ((tuple 'EXIT r) (element 1 r)) (v v)))))
  (io:format "~p~n" (list (catch (throw (tuple 'deep (list 1 2)))))))
