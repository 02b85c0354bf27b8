//// A supervisor that starts children on demand from one template, each
//// with its own argument (gleam_otp's factory supervisor, OTP's
//// `simple_one_for_one`): children restart one for one, and too many
//// restarts within the period stop the supervisor and its children.
//// The supervising process is Erlang code of ours (`gleam_otp_ffi.erl`,
//// shared with `static_supervisor`).

import gleam/erlang/process.{type Name, type Pid}
import gleam/option.{type Option, None, Some}
import gleam/otp/actor
import gleam/otp/supervision.{type ChildSpecification, type ChildType, type Restart}

pub opaque type Supervisor(child_argument, child_data) {
  Supervisor(pid: Pid)
  NamedSupervisor(name: Name(Message(child_argument, child_data)))
}

/// The messages a factory supervisor receives (its name's type).
pub type Message(child_argument, child_data)

/// The supervisor registered under `name`.
pub fn get_by_name(
  name: Name(Message(child_argument, child_data)),
) -> Supervisor(child_argument, child_data) {
  NamedSupervisor(name)
}

pub opaque type Builder(child_argument, child_data) {
  Builder(
    template: fn(child_argument) -> actor.StartResult(child_data),
    child_type: ChildType,
    restart_strategy: Restart,
    intensity: Int,
    period: Int,
    name: Option(Name(Message(child_argument, child_data))),
  )
}

/// Children that are workers (5 s to shut down), restarted when they exit
/// abnormally.
pub fn worker_child(
  template: fn(child_argument) -> actor.StartResult(child_data),
) -> Builder(child_argument, child_data) {
  Builder(
    template:,
    child_type: supervision.Worker(5000),
    restart_strategy: supervision.Transient,
    intensity: 2,
    period: 5,
    name: None,
  )
}

/// Children that are supervisors themselves.
pub fn supervisor_child(
  template: fn(child_argument) -> actor.StartResult(child_data),
) -> Builder(child_argument, child_data) {
  Builder(..worker_child(template), child_type: supervision.Supervisor)
}

pub fn named(
  builder: Builder(child_argument, child_data),
  name: Name(Message(child_argument, child_data)),
) -> Builder(child_argument, child_data) {
  Builder(..builder, name: Some(name))
}

/// More than `intensity` restarts within `period` seconds stop the
/// supervisor.
pub fn restart_tolerance(
  builder: Builder(child_argument, child_data),
  intensity intensity: Int,
  period period: Int,
) -> Builder(child_argument, child_data) {
  Builder(..builder, intensity:, period:)
}

/// The shutdown time of worker children.
pub fn timeout(builder: Builder(argument, data), ms ms: Int) -> Builder(argument, data) {
  case builder.child_type {
    supervision.Worker(_) -> Builder(..builder, child_type: supervision.Worker(ms))
    _ -> builder
  }
}

/// When worker children restart (supervisor children always do).
pub fn restart_strategy(
  builder: Builder(argument, data),
  restart_strategy: Restart,
) -> Builder(argument, data) {
  case builder.child_type {
    supervision.Worker(_) -> Builder(..builder, restart_strategy:)
    _ -> builder
  }
}

/// Starts the supervisor, linked to the caller, with no children.
pub fn start(
  builder: Builder(child_argument, child_data),
) -> actor.StartResult(Supervisor(child_argument, child_data)) {
  let restart = case builder.child_type {
    supervision.Worker(_) -> builder.restart_strategy
    _ -> supervision.Permanent
  }
  case
    start_factory(
      builder.template,
      restart,
      builder.child_type,
      builder.intensity,
      builder.period,
      builder.name,
    )
  {
    Ok(pid) -> {
      let data = case builder.name {
        Some(name) -> NamedSupervisor(name)
        None -> Supervisor(pid)
      }
      Ok(actor.Started(pid:, data:))
    }
    Error(error) -> Error(error)
  }
}

/// This supervisor as a child of another supervisor.
pub fn supervised(
  builder: Builder(child_argument, child_data),
) -> ChildSpecification(Supervisor(child_argument, child_data)) {
  supervision.supervisor(fn() { start(builder) })
}

/// Starts a child from the template with `argument`.
pub fn start_child(
  supervisor: Supervisor(child_argument, child_data),
  argument: child_argument,
) -> actor.StartResult(child_data) {
  factory_start_child(supervisor, argument)
}

@external(erlang, "gleam_otp_ffi", "start_factory")
fn start_factory(
  template: fn(child_argument) -> actor.StartResult(child_data),
  restart: Restart,
  child_type: ChildType,
  intensity: Int,
  period: Int,
  name: Option(Name(Message(child_argument, child_data))),
) -> Result(Pid, actor.StartError)

@external(erlang, "gleam_otp_ffi", "factory_start_child")
fn factory_start_child(
  supervisor: Supervisor(child_argument, child_data),
  argument: child_argument,
) -> actor.StartResult(child_data)
