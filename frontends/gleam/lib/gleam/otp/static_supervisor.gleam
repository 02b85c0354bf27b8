//// A supervisor with a fixed list of children and a restart strategy: the
//// names, labels and types of gleam_otp's gleam/otp/static_supervisor,
//// written for this toolchain. gleam_otp wraps OTP's `supervisor`; our
//// runtime has no OTP supervisor, so the supervising process is Erlang
//// code of ours (gleam_otp_ffi.erl) with the same behaviour: children
//// started in order, restarted by strategy and restart type, at most
//// `intensity` restarts in `period` seconds, children stopped in reverse
//// order on shutdown.

import gleam/erlang/process.{type Pid}
import gleam/list
import gleam/otp/actor
import gleam/otp/supervision.{type ChildSpecification}

pub opaque type Supervisor {
  Supervisor(pid: Pid)
}

/// Which children are restarted when one terminates: only that one, all of
/// them, or it and the ones started after it.
pub type Strategy {
  OneForOne
  OneForAll
  RestForOne
}

/// Whether the supervisor stops itself when significant children
/// terminate: never, when any does, or when all have.
pub type AutoShutdown {
  Never
  AnySignificant
  AllSignificant
}

pub opaque type Builder {
  Builder(
    strategy: Strategy,
    intensity: Int,
    period: Int,
    auto_shutdown: AutoShutdown,
    children: List(ChildSpecification(Nil)),
  )
}

/// Intensity 2 restarts per 5 seconds, no auto shutdown, no children.
pub fn new(strategy strategy: Strategy) -> Builder {
  Builder(strategy:, intensity: 2, period: 5, auto_shutdown: Never, children: [])
}

/// More than `intensity` restarts within `period` seconds stops the
/// supervisor and its children.
pub fn restart_tolerance(
  builder: Builder,
  intensity intensity: Int,
  period period: Int,
) -> Builder {
  Builder(..builder, intensity:, period:)
}

pub fn auto_shutdown(builder: Builder, value: AutoShutdown) -> Builder {
  Builder(..builder, auto_shutdown: value)
}

/// Children start in the order they were added.
pub fn add(builder: Builder, child: ChildSpecification(data)) -> Builder {
  Builder(..builder, children: [
    supervision.map_data(child, fn(_) { Nil }),
    ..builder.children
  ])
}

/// Starts the supervisor linked to the caller, and its children; an error
/// when a child fails to start.
pub fn start(builder: Builder) -> Result(actor.Started(Supervisor), actor.StartError) {
  case
    start_supervisor(
      builder.strategy,
      builder.intensity,
      builder.period,
      builder.auto_shutdown,
      list.reverse(builder.children),
    )
  {
    Ok(pid) -> Ok(actor.Started(pid:, data: Supervisor(pid)))
    Error(error) -> Error(error)
  }
}

/// This supervisor as a child of another supervisor.
pub fn supervised(builder: Builder) -> ChildSpecification(Supervisor) {
  supervision.supervisor(fn() { start(builder) })
}

@external(erlang, "gleam_otp_ffi", "start_supervisor")
fn start_supervisor(
  strategy: Strategy,
  intensity: Int,
  period: Int,
  auto_shutdown: AutoShutdown,
  children: List(ChildSpecification(Nil)),
) -> Result(Pid, actor.StartError)
