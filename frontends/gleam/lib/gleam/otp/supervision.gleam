//// Child specifications for supervisors: the names, labels and types of
//// gleam_otp's gleam/otp/supervision, written for this toolchain.

import gleam/otp/actor

/// When a terminated child is restarted: always (`Permanent`), only after
/// an abnormal exit (`Transient`), or never (`Temporary`).
pub type Restart {
  Permanent
  Transient
  Temporary
}

pub type ChildType {
  /// A worker gets `shutdown_ms` to stop before it is killed.
  Worker(shutdown_ms: Int)
  Supervisor
}

pub type ChildSpecification(data) {
  ChildSpecification(
    start: fn() -> Result(actor.Started(data), actor.StartError),
    restart: Restart,
    significant: Bool,
    child_type: ChildType,
  )
}

/// A permanent worker with a 5 second shutdown timeout.
pub fn worker(
  run start: fn() -> Result(actor.Started(data), actor.StartError),
) -> ChildSpecification(data) {
  ChildSpecification(start:, restart: Permanent, significant: False, child_type: Worker(5000))
}

/// A permanent child that is itself a supervisor.
pub fn supervisor(
  run start: fn() -> Result(actor.Started(data), actor.StartError),
) -> ChildSpecification(data) {
  ChildSpecification(start:, restart: Permanent, significant: False, child_type: Supervisor)
}

pub fn significant(
  child: ChildSpecification(data),
  significant: Bool,
) -> ChildSpecification(data) {
  ChildSpecification(..child, significant:)
}

/// The shutdown timeout of a worker (a supervisor child has none).
pub fn timeout(
  child: ChildSpecification(data),
  ms ms: Int,
) -> ChildSpecification(data) {
  case child.child_type {
    Worker(_) -> ChildSpecification(..child, child_type: Worker(ms))
    Supervisor -> child
  }
}

pub fn restart(
  child: ChildSpecification(data),
  restart: Restart,
) -> ChildSpecification(data) {
  ChildSpecification(..child, restart:)
}

pub fn map_data(
  child: ChildSpecification(a),
  transform: fn(a) -> b,
) -> ChildSpecification(b) {
  let start = child.start
  ChildSpecification(..child, start: fn() {
    case start() {
      Ok(actor.Started(pid:, data:)) -> Ok(actor.Started(pid:, data: transform(data)))
      Error(error) -> Error(error)
    }
  })
}
