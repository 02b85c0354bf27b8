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

/// The next message sent to the subject, waiting up to `timeout` ms. Only
/// the process that owns the subject can receive from it.
pub fn receive(from subject: Subject(message), within timeout: Int) -> Result(message, Nil) {
  check_owner(subject)
  receive_subject(subject, timeout)
}

pub fn receive_forever(from subject: Subject(message)) -> message {
  check_owner(subject)
  receive_subject_forever(subject)
}

fn check_owner(subject: Subject(message)) -> Nil {
  case subject {
    Subject(owner, _) ->
      case owner == self() {
        True -> Nil
        False -> panic as "Cannot receive with a subject owned by another process"
      }
    NamedSubject(_) -> Nil
  }
}

@external(erlang, "gleam_erlang_ffi", "receive_subject")
fn receive_subject(subject: Subject(message), timeout: Int) -> Result(message, Nil)

@external(erlang, "gleam_erlang_ffi", "receive_subject_forever")
fn receive_subject_forever(subject: Subject(message)) -> message

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

/// Links to `pid`; `False` when it could not be linked.
@external(erlang, "gleam_erlang_ffi", "link")
pub fn link(pid pid: Pid) -> Bool

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

/// A selector key for records: tuples with this tag and size.
type RecordKey(tag) {
  RecordKey(tag: tag, size: Int)
}

/// Selects messages that are records (tuples) with the tag `tag` and
/// `arity` fields after it, whole, as `Dynamic`.
pub fn select_record(
  selector: Selector(payload),
  tag tag: tag,
  fields arity: Int,
  mapping transform: fn(Dynamic) -> payload,
) -> Selector(payload) {
  insert_handler(selector, RecordKey(tag, arity + 1), transform)
}

/// Selects the exit messages a process trapping exits receives.
pub fn select_trapped_exits(
  selector: Selector(a),
  handler: fn(ExitMessage) -> a,
) -> Selector(a) {
  insert_handler(selector, RecordKey(atom_create("EXIT"), 3), fn(message) {
    handler(to_exit_message(message))
  })
}

/// Selects the `Down` message of every monitor.
pub fn select_monitors(
  selector: Selector(payload),
  mapping: fn(Down) -> payload,
) -> Selector(payload) {
  insert_handler(selector, RecordKey(atom_create("DOWN"), 5), fn(message) {
    mapping(to_down(message))
  })
}

/// Undoes `select_specific_monitor`.
pub fn deselect_specific_monitor(
  selector: Selector(payload),
  monitor: Monitor,
) -> Selector(payload) {
  remove_handler(selector, Down(monitor))
}

@external(erlang, "erlang", "binary_to_atom")
fn atom_create(name: String) -> Dynamic

@external(erlang, "gleam_erlang_ffi", "to_exit_message")
fn to_exit_message(message: Dynamic) -> ExitMessage

@external(erlang, "gleam_erlang_ffi", "to_down")
fn to_down(message: Dynamic) -> Down

/// `call` without a time limit.
pub fn call_forever(
  subject: Subject(message),
  make_request: fn(Subject(reply)) -> message,
) -> reply {
  let reply_subject = new_subject()
  send(subject, make_request(reply_subject))
  receive_forever(reply_subject)
}

/// A message to be sent later, as `erlang:send_after` makes it.
pub type Timer

pub type Cancelled {
  /// The timer could not be found. It likely has already triggered.
  TimerNotFound
  /// The timer was found and cancelled before it triggered.
  Cancelled(time_remaining: Int)
}

/// Sends `message` to `subject` after `delay` milliseconds.
@external(erlang, "gleam_erlang_ffi", "send_after")
pub fn send_after(subject: Subject(msg), delay: Int, message: msg) -> Timer

@external(erlang, "gleam_erlang_ffi", "cancel_timer")
pub fn cancel_timer(timer: Timer) -> Cancelled
