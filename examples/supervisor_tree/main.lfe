;; A supervision tree: a top supervisor over a counter server and a
;; sub-supervisor of two workers. Crashing a child restarts it with fresh
;; state; the rest of the tree is untouched.
(defmodule supervisor_tree
  (behaviour supervisor)
  (export (main 0) (init 1) (start_counter 0) (start_worker 1)
          (counter_init 0) (worker_loop 1)))

(defun main ()
  ;; Restarts write supervisor reports; this example prints its own story.
  (logger:set_primary_config 'level 'none)
  (let ((`#(ok ,top) (supervisor:start_link #(local top) 'supervisor_tree 'top)))
    (! 'counter (tuple 'bump (self)))
    (! 'counter (tuple 'bump (self)))
    (io:format "counter says ~p~n" (list (ask 'counter)))
    (io:format "top has ~p~n" (list (ids top)))
    (io:format "workers has ~p~n" (list (ids 'workers)))
    (let ((alpha (whereis 'alpha))
          (counter (whereis 'counter)))
      (exit counter 'kill)
      (wait-restart 'counter counter)
      (io:format "after the crash the counter says ~p~n" (list (ask 'counter)))
      (io:format "alpha untouched: ~p~n" (list (=:= (whereis 'alpha) alpha)))
      (exit alpha 'kill)
      (wait-restart 'alpha alpha)
      (io:format "alpha restarted: ~p~n" (list (=/= (whereis 'alpha) alpha))))
    (io:format "~p~n" (list (supervisor:count_children 'top)))
    (unlink top)
    (let ((ref (monitor 'process top)))
      (exit top 'shutdown)
      (receive ((tuple 'DOWN r 'process _ 'shutdown) (when (=:= r ref)) 'ok)))
    (io:format "all gone: ~p~n"
               (list (lists:map #'whereis/1 '(top workers counter alpha beta))))))

;; Restarts are asynchronous: wait until name is registered to a new pid.
(defun wait-restart (name old)
  (let ((new (whereis name)))
    (if (andalso (is_pid new) (=/= new old))
      new
      (progn (timer:sleep 5) (wait-restart name old)))))

(defun ask (name)
  (! name (tuple 'get (self)))
  (receive
    ((tuple n v) (when (=:= n name)) v)
    (after 1000 'timeout)))

(defun ids (sup)
  (lists:map (lambda (child) (element 1 child))
             (lists:reverse (supervisor:which_children sup))))

(defun init
  (('top)
   (tuple 'ok
          (tuple #m(strategy one_for_one intensity 5 period 10)
                 (list #m(id counter start #(supervisor_tree start_counter ()))
                       (map 'id 'workers
                            'type 'supervisor
                            'start (tuple 'supervisor 'start_link
                                          (list #(local workers) 'supervisor_tree 'workers)))))))
  (('workers)
   (tuple 'ok
          (tuple #m(strategy one_for_one)
                 (lc ((<- name '(alpha beta)))
                   (map 'id name 'start (tuple 'supervisor_tree 'start_worker (list name))))))))

;; Prints here, in the supervisor, so the order of the lines is fixed.
(defun start_counter ()
  (io:format "counter starting~n")
  (let ((pid (spawn_link 'supervisor_tree 'counter_init '())))
    (register 'counter pid)
    (tuple 'ok pid)))

(defun counter_init ()
  (counter-loop 0))

(defun counter-loop (n)
  (receive
    ((tuple 'bump _) (counter-loop (+ n 1)))
    ((tuple 'get from) (! from (tuple 'counter n)) (counter-loop n))))

(defun start_worker (name)
  (let ((pid (spawn_link 'supervisor_tree 'worker_loop (list name))))
    (register name pid)
    (io:format "~p starting~n" (list name))
    (tuple 'ok pid)))

(defun worker_loop (name)
  (receive (_ (worker_loop name))))
