//// The `sys` side door into an actor: read its state, suspend and
//// resume it. Actors of `gleam/otp/actor` answer these messages.

import gleam/dynamic.{type Dynamic}
import gleam/erlang/atom.{type Atom}
import gleam/erlang/process.{type Pid}

pub type Mode {
  Running
  Suspended
}

pub type DebugOption {
  NoDebug
}

pub type DebugState

/// Debug options as `sys` keeps them (none are supported here).
@external(erlang, "gleam_erlang_ffi", "identity")
pub fn debug_state(a: List(DebugOption)) -> DebugState

pub type StatusInfo {
  StatusInfo(
    module: Atom,
    parent: Pid,
    mode: Mode,
    debug_state: DebugState,
    state: Dynamic,
  )
}

pub type SystemMessage {
  Resume(fn() -> Nil)
  Suspend(fn() -> Nil)
  GetState(fn(Dynamic) -> Nil)
  GetStatus(fn(StatusInfo) -> Nil)
}

/// The state of the process.
@external(erlang, "sys", "get_state")
pub fn get_state(from from: Pid) -> Dynamic

/// Stops the process handling messages other than system ones until
/// `resume`.
pub fn suspend(pid: Pid) -> Nil {
  erl_suspend(pid)
  Nil
}

pub fn resume(pid: Pid) -> Nil {
  erl_resume(pid)
  Nil
}

type DoNotLeak

@external(erlang, "sys", "suspend")
fn erl_suspend(a: Pid) -> DoNotLeak

@external(erlang, "sys", "resume")
fn erl_resume(from from: Pid) -> DoNotLeak
