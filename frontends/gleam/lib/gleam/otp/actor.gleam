//// Typed actors with the API of gleam_otp 1.x: a builder (`new`,
//// `on_message`), `start` returning the started actor's subject, and a
//// handler returning `continue(state)` or `stop()`.

import gleam/dynamic.{type Dynamic}
import gleam/erlang/process.{type ExitReason, type Name, type Pid, type Selector, type Subject}
import gleam/option.{type Option, None, Some}

pub opaque type Next(state, message) {
  Continue(state: state, selector: Option(Selector(message)))
  Stop(ExitReason)
}

pub fn continue(state: state) -> Next(state, message) {
  Continue(state:, selector: None)
}

pub fn stop() -> Next(state, message) {
  Stop(process.Normal)
}

pub fn stop_abnormal(reason: String) -> Next(state, message) {
  Stop(process.Abnormal(to_dynamic(reason)))
}

@external(erlang, "gleam_stdlib", "identity")
fn to_dynamic(a: a) -> process_dynamic

pub fn with_selector(value: Next(state, message), selector: Selector(message)) -> Next(state, message) {
  case value {
    Continue(state, _) -> Continue(state, Some(selector))
    _ -> value
  }
}

pub type Started(data) {
  Started(pid: Pid, data: data)
}

pub type StartError {
  InitTimeout
  InitFailed(String)
  InitExited(ExitReason)
}

pub type StartResult(data) =
  Result(Started(data), StartError)

pub opaque type Initialised(state, message, data) {
  Initialised(state: state, selector: Option(Selector(message)), return: data)
}

pub fn initialised(state: state) -> Initialised(state, message, Nil) {
  Initialised(state, None, Nil)
}

pub fn selecting(
  initialised: Initialised(state, old_message, return),
  selector: Selector(message),
) -> Initialised(state, message, return) {
  Initialised(state: initialised.state, selector: Some(selector), return: initialised.return)
}

pub fn returning(
  initialised: Initialised(state, message, old_return),
  return: return,
) -> Initialised(state, message, return) {
  Initialised(state: initialised.state, selector: initialised.selector, return:)
}

pub opaque type Builder(state, message, return) {
  Builder(
    initialise: fn(Subject(message)) -> Result(Initialised(state, message, return), String),
    initialisation_timeout: Int,
    on_message: fn(state, message) -> Next(state, message),
    name: Option(Name(message)),
  )
}

pub fn new(state: state) -> Builder(state, message, Subject(message)) {
  let initialise = fn(subject) { Ok(initialised(state) |> returning(subject)) }
  Builder(
    initialise:,
    initialisation_timeout: 1000,
    on_message: fn(state, _) { continue(state) },
    name: None,
  )
}

pub fn new_with_initialiser(
  timeout: Int,
  initialise: fn(Subject(message)) -> Result(Initialised(state, message, return), String),
) -> Builder(state, message, return) {
  Builder(
    initialise:,
    initialisation_timeout: timeout,
    on_message: fn(state, _) { continue(state) },
    name: None,
  )
}

pub fn on_message(
  builder: Builder(state, message, return),
  handler: fn(state, message) -> Next(state, message),
) -> Builder(state, message, return) {
  Builder(..builder, on_message: handler)
}

pub fn named(builder: Builder(state, message, return), name: Name(message)) -> Builder(state, message, return) {
  Builder(..builder, name: Some(name))
}

type Ack(return) {
  Ack(Result(return, String))
}

pub fn start(builder: Builder(state, msg, return)) -> Result(Started(return), StartError) {
  let ack_subject = process.new_subject()
  let child = process.spawn(fn() { initialise_actor(builder, ack_subject) })
  case process.receive(ack_subject, builder.initialisation_timeout) {
    Ok(Ack(Ok(data))) -> Ok(Started(pid: child, data:))
    Ok(Ack(Error(reason))) -> Error(InitFailed(reason))
    Error(Nil) -> {
      process.unlink(child)
      process.kill(child)
      Error(InitTimeout)
    }
  }
}

fn initialise_actor(builder: Builder(state, msg, return), ack: Subject(Ack(return))) -> Nil {
  let subject = case builder.name {
    Some(name) -> {
      let _ = process.register(process.self(), name)
      process.named_subject(name)
    }
    None -> process.new_subject()
  }
  case builder.initialise(subject) {
    Ok(Initialised(state, selector, return)) -> {
      process.send(ack, Ack(Ok(return)))
      let selector = case selector {
        Some(s) -> s
        None -> process.new_selector() |> process.select(subject)
      }
      loop(state, selector, builder.on_message)
    }
    Error(reason) -> process.send(ack, Ack(Error(reason)))
  }
}

/// What the actor's loop receives: a message for the handler, or a
/// system message (`{system, From, Request}`, from `sys` and
/// `gleam/otp/system`).
type LoopMessage(msg) {
  User(msg)
  System(Dynamic)
}

fn loop(state: state, selector: Selector(msg), handler: fn(state, msg) -> Next(state, msg)) -> Nil {
  loop_with(state, selector, with_system(selector), handler)
}

fn with_system(selector: Selector(msg)) -> Selector(LoopMessage(msg)) {
  process.new_selector()
  |> process.select_record(system_tag(), 2, System)
  |> process.merge_selector(process.map_selector(selector, User))
}

fn loop_with(
  state: state,
  selector: Selector(msg),
  full: Selector(LoopMessage(msg)),
  handler: fn(state, msg) -> Next(state, msg),
) -> Nil {
  case process.selector_receive_forever(full) {
    System(request) -> loop_with(handle_system(request, state), selector, full, handler)
    User(message) ->
      case handler(state, message) {
        Continue(state, None) -> loop_with(state, selector, full, handler)
        Continue(state, Some(new_selector)) -> loop(state, new_selector, handler)
        Stop(process.Normal) -> Nil
        // The process exits with the reason itself: `Abnormal("wibble")`
        // is the exit reason `<<"wibble">>`, as gleam_otp exits.
        Stop(process.Abnormal(reason)) -> exit_with(reason)
        Stop(process.Killed) -> exit_with(to_dynamic(killed()))
      }
  }
}

@external(erlang, "erlang", "exit")
fn exit_with(reason: Dynamic) -> Nil

@external(erlang, "gleam_otp_ffi", "killed")
fn killed() -> Dynamic

@external(erlang, "gleam_otp_ffi", "system_tag")
fn system_tag() -> Dynamic

/// Answers a system message; the state to go on with (`replace_state`
/// changes it; `suspend` returns only after `resume`).
@external(erlang, "gleam_otp_ffi", "handle_system")
fn handle_system(request: Dynamic, state: state) -> state


pub fn send(subject: Subject(msg), msg: msg) -> Nil {
  process.send(subject, msg)
}

pub fn call(
  subject: Subject(message),
  waiting timeout: Int,
  sending make_message: fn(Subject(reply)) -> message,
) -> reply {
  process.call(subject, timeout, make_message)
}
