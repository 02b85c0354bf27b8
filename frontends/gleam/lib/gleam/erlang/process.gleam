//// Processes and typed messaging, with the API of gleam_erlang 1.x.
//// A `Subject(message)` is `{subject, Owner, Tag}`; a message sent to it is
//// `{Tag, Message}` in the owner's mailbox.

import gleam/dynamic.{type Dynamic}

pub type Pid

pub type Reference

pub type Monitor

pub type Name(message)

pub opaque type Subject(message) {
  Subject(owner: Pid, tag: Reference)
  NamedSubject(name: Name(message))
}

pub type Selector(payload)

pub type ExitReason {
  Normal
  Killed
  Abnormal(reason: Dynamic)
}

pub type ExitMessage {
  ExitMessage(pid: Pid, reason: ExitReason)
}

pub type Down {
  ProcessDown(monitor: Monitor, pid: Pid, reason: ExitReason)
}

@external(erlang, "erlang", "self")
pub fn self() -> Pid

@external(erlang, "gleam_erlang_ffi", "spawn_link")
pub fn spawn(running: fn() -> anything) -> Pid

@external(erlang, "erlang", "spawn")
pub fn spawn_unlinked(a: fn() -> anything) -> Pid

@external(erlang, "erlang", "make_ref")
fn make_ref() -> Reference

pub fn new_subject() -> Subject(message) {
  Subject(owner: self(), tag: make_ref())
}

pub fn unsafely_create_subject(owner: Pid, tag: Reference) -> Subject(message) {
  Subject(owner, tag)
}

@external(erlang, "gleam_erlang_ffi", "new_name")
pub fn new_name(prefix prefix: String) -> Name(message)

pub fn named_subject(name: Name(message)) -> Subject(message) {
  NamedSubject(name)
}

pub fn subject_name(subject: Subject(message)) -> Result(Name(message), Nil) {
  case subject {
    NamedSubject(name:) -> Ok(name)
    Subject(..) -> Error(Nil)
  }
}

pub fn subject_owner(subject: Subject(message)) -> Result(Pid, Nil) {
  case subject {
    NamedSubject(name) -> named(name)
    Subject(pid, _) -> Ok(pid)
  }
}

@external(erlang, "gleam_erlang_ffi", "named")
pub fn named(name: Name(message)) -> Result(Pid, Nil)

@external(erlang, "gleam_erlang_ffi", "register_name")
pub fn register(pid: Pid, name: Name(message)) -> Result(Nil, Nil)

@external(erlang, "gleam_erlang_ffi", "unregister_name")
pub fn unregister(name: Name(message)) -> Result(Nil, Nil)

@external(erlang, "gleam_erlang_ffi", "send")
fn raw_send(to: a, message: b) -> Nil

pub fn send(subject: Subject(message), message: message) -> Nil {
  case subject {
    Subject(pid, tag) -> raw_send(pid, #(tag, message))
    NamedSubject(name) -> raw_send(name, #(name, message))
  }
}

@external(erlang, "gleam_erlang_ffi", "receive_subject")
pub fn receive(from subject: Subject(message), within timeout: Int) -> Result(message, Nil)

@external(erlang, "gleam_erlang_ffi", "receive_subject_forever")
pub fn receive_forever(from subject: Subject(message)) -> message

@external(erlang, "gleam_erlang_ffi", "new_selector")
pub fn new_selector() -> Selector(payload)

@external(erlang, "gleam_erlang_ffi", "selector_receive")
pub fn selector_receive(from from: Selector(payload), within within: Int) -> Result(payload, Nil)

@external(erlang, "gleam_erlang_ffi", "selector_receive_forever")
pub fn selector_receive_forever(from from: Selector(payload)) -> payload

@external(erlang, "gleam_erlang_ffi", "map_selector")
pub fn map_selector(a: Selector(a), b: fn(a) -> b) -> Selector(b)

@external(erlang, "gleam_erlang_ffi", "merge_selector")
pub fn merge_selector(a: Selector(a), b: Selector(a)) -> Selector(a)

@external(erlang, "gleam_erlang_ffi", "insert_handler")
fn insert_handler(selector: Selector(p), key: key, handler: fn(m) -> p) -> Selector(p)

@external(erlang, "gleam_erlang_ffi", "remove_handler")
fn remove_handler(selector: Selector(p), key: key) -> Selector(p)

pub fn select(selector: Selector(payload), for subject: Subject(payload)) -> Selector(payload) {
  select_map(selector, subject, fn(x) { x })
}

pub fn select_map(
  selector: Selector(payload),
  for subject: Subject(message),
  mapping transform: fn(message) -> payload,
) -> Selector(payload) {
  case subject {
    Subject(_, tag) -> insert_handler(selector, tag, transform)
    NamedSubject(name) -> insert_handler(selector, name, transform)
  }
}

pub fn deselect(selector: Selector(payload), for subject: Subject(message)) -> Selector(payload) {
  case subject {
    Subject(_, tag) -> remove_handler(selector, tag)
    NamedSubject(name) -> remove_handler(selector, name)
  }
}

pub fn select_other(selector: Selector(payload), mapping handler: fn(Dynamic) -> payload) -> Selector(payload) {
  insert_handler(selector, Anything, handler)
}

type AnythingKey {
  Anything
}

type DownKey {
  Down(Monitor)
}

pub fn select_specific_monitor(
  selector: Selector(payload),
  monitor: Monitor,
  mapping: fn(Down) -> payload,
) -> Selector(payload) {
  insert_handler(selector, Down(monitor), mapping)
}

@external(erlang, "gleam_erlang_ffi", "sleep")
pub fn sleep(a: Int) -> Nil

@external(erlang, "gleam_erlang_ffi", "sleep_forever")
pub fn sleep_forever() -> Nil

@external(erlang, "gleam_erlang_ffi", "is_alive")
pub fn is_alive(a: Pid) -> Bool

@external(erlang, "gleam_erlang_ffi", "monitor")
pub fn monitor(pid: Pid) -> Monitor

@external(erlang, "gleam_erlang_ffi", "demonitor")
pub fn demonitor_process(monitor monitor: Monitor) -> Nil

@external(erlang, "gleam_erlang_ffi", "link")
pub fn link(pid pid: Pid) -> Nil

@external(erlang, "gleam_erlang_ffi", "unlink")
pub fn unlink(pid: Pid) -> Nil

@external(erlang, "gleam_erlang_ffi", "kill")
pub fn kill(pid: Pid) -> Nil

@external(erlang, "gleam_erlang_ffi", "send_exit")
pub fn send_exit(to pid: Pid) -> Nil

@external(erlang, "gleam_erlang_ffi", "send_abnormal_exit")
pub fn send_abnormal_exit(pid: Pid, reason: String) -> Nil

@external(erlang, "gleam_erlang_ffi", "trap_exits")
pub fn trap_exits(a: Bool) -> Nil

@external(erlang, "gleam_erlang_ffi", "flush_messages")
pub fn flush_messages() -> Nil

/// Sends a request made with a fresh reply subject and waits for the reply;
/// panics if none arrives in time.
pub fn call(
  subject: Subject(message),
  waiting timeout: Int,
  sending make_request: fn(Subject(reply)) -> message,
) -> reply {
  let reply_subject = new_subject()
  send(subject, make_request(reply_subject))
  case receive(reply_subject, timeout) {
    Ok(reply) -> reply
    Error(Nil) -> panic as "callee did not send reply before timeout"
  }
}
