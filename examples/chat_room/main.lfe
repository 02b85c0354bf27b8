;; A chat room with many clients: one room process relays every line to
;; every other member. Joins and posts are acknowledged, so the story is
;; the same on every run.
(defmodule chat_room
  (export (main 0)))

(defmacro CLIENTS () 40)

(defun main ()
  (let* ((room (spawn (lambda () (room #m()))))
         (names (lc ((<- i (lists:seq 1 (CLIENTS))))
                  (lists:flatten (io_lib:format "client~b" (list i)))))
         (clients (lc ((<- name names)) (tuple name (join room name)))))
    (lc ((<- (tuple name pid) clients)) (post pid (++ "hello from " name)))
    (let ((`#(,_ ,last) (lists:last clients)))
      (post last "bye all"))
    (lc ((<- (tuple name pid) clients)
         (lists:member name '("client1" "client20" "client40")))
      (report name pid))
    (lc ((<- (tuple _ pid) clients)) (leave room pid))
    (! room (tuple 'members (self)))
    (receive
      ((tuple 'members n) (io:format "members left: ~b~n" (list n))))))

;; The room: members by pid. A line goes to everyone but its sender.
(defun room (members)
  (receive
    ((tuple 'join pid name from)
     (broadcast members pid (++ name " joined"))
     (! from (tuple 'joined pid))
     (room (maps:put pid name members)))
    ((tuple 'say pid text from)
     (let ((name (maps:get pid members)))
       (broadcast members pid (++ name ": " text)))
     (! from (tuple 'said pid))
     (room members))
    ((tuple 'leave pid from)
     (! from (tuple 'left pid))
     (room (maps:remove pid members)))
    ((tuple 'members from)
     (! from (tuple 'members (map_size members)))
     (room members))))

;; Each member's mailbox gets the line before the room goes on, so a
;; member's transcript is in the room's order.
(defun broadcast (members sender line)
  (lc ((<- pid (maps:keys members)) (=/= pid sender))
    (! pid (tuple 'line line)))
  'ok)

(defun join (room name)
  (let ((pid (spawn (lambda () (client room '())))))
    (! room (tuple 'join pid name (self)))
    (receive
      ((tuple 'joined p) (when (=:= p pid)) pid))))

(defun post (pid text)
  (! pid (tuple 'post text (self)))
  (receive
    ((tuple 'posted p) (when (=:= p pid)) 'ok)))

(defun leave (room pid)
  (! room (tuple 'leave pid (self)))
  (receive
    ((tuple 'left p) (when (=:= p pid)) (! pid 'stop))))

(defun report (name pid)
  (! pid (tuple 'transcript (self)))
  (receive
    ((tuple 'transcript p lines) (when (=:= p pid))
     (io:format "~s heard ~b lines; first: ~p; last: ~p~n"
                (list name (length lines) (hd lines) (lists:last lines))))))

;; A client keeps its transcript, newest first.
(defun client (room heard)
  (receive
    ((tuple 'line line)
     (client room (cons line heard)))
    ((tuple 'post text from)
     (! room (tuple 'say (self) text (self)))
     (receive ((tuple 'said _) 'ok))
     (! from (tuple 'posted (self)))
     (client room heard))
    ((tuple 'transcript from)
     (! from (tuple 'transcript (self) (lists:reverse heard)))
     (client room heard))
    ('stop 'ok)))
