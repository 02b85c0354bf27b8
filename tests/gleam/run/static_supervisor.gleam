// gleam/otp/static_supervisor and gleam/otp/supervision: three named
// counter actors under one_for_one, one_for_all and rest_for_one (which
// ones restart, and with fresh state, after one crashes), a temporary child
// that is not restarted, and restart intensity stopping the supervisor.
// Expected output recorded from the equivalent Erlang program with OTP
// supervisor (tests/gleam/oracle/static_supervisor.erl) run by `erl`.
import gleam/erlang/process.{type Name, type Subject}
import gleam/int
import gleam/io
import gleam/otp/actor
import gleam/otp/static_supervisor as supervisor
import gleam/otp/supervision

pub type Message {
  Add(Int)
  Get(reply_to: Subject(Int))
  Crash
}

fn handle(count: Int, message: Message) -> actor.Next(Int, Message) {
  case message {
    Add(n) -> actor.continue(count + n)
    Get(reply_to) -> {
      process.send(reply_to, count)
      actor.continue(count)
    }
    Crash -> panic as "asked to crash"
  }
}

/// Each start is also reported to `starts`, so the main process can wait
/// for restarts instead of sleeping.
fn start_counter(label: String, name: Name(Message), starts: Subject(String)) {
  io.println("starting " <> label)
  let result =
    actor.new(0)
    |> actor.named(name)
    |> actor.on_message(handle)
    |> actor.start
  // Reported once the actor is registered under its name.
  process.send(starts, label)
  result
}

fn get(name: Name(Message)) -> Int {
  process.call(process.named_subject(name), 1000, Get)
}

fn report(label: String, name: Name(Message)) -> Nil {
  io.println(label <> " = " <> int.to_string(get(name)))
}

/// Crashes the named child, waits for its DOWN and then for `restarts`
/// children to report that they started again.
fn crash(name: Name(Message), starts: Subject(String), restarts: Int) -> Nil {
  let assert Ok(pid) = process.named(name)
  let monitor = process.monitor(pid)
  process.send(process.named_subject(name), Crash)
  let assert Ok(_) =
    process.new_selector()
    |> process.select_specific_monitor(monitor, fn(_) { Nil })
    |> process.selector_receive(1000)
  await_starts(starts, restarts)
}

fn await_starts(starts: Subject(String), n: Int) -> Nil {
  case n {
    0 -> Nil
    _ -> {
      let assert Ok(_) = process.receive(starts, 1000)
      await_starts(starts, n - 1)
    }
  }
}

fn run(strategy: supervisor.Strategy, title: String, restarts: Int) -> Nil {
  io.println("-- " <> title)
  let starts = process.new_subject()
  let a = process.new_name(prefix: "a")
  let b = process.new_name(prefix: "b")
  let c = process.new_name(prefix: "c")
  let assert Ok(started) =
    supervisor.new(strategy)
    |> supervisor.add(supervision.worker(fn() { start_counter("a", a, starts) }))
    |> supervisor.add(supervision.worker(fn() { start_counter("b", b, starts) }))
    |> supervisor.add(supervision.worker(fn() { start_counter("c", c, starts) }))
    |> supervisor.start
  await_starts(starts, 3)
  process.send(process.named_subject(a), Add(1))
  process.send(process.named_subject(b), Add(2))
  process.send(process.named_subject(c), Add(3))
  io.println("crash b")
  crash(b, starts, restarts)
  report("a", a)
  report("b", b)
  report("c", c)
  process.unlink(started.pid)
  process.kill(started.pid)
}

pub fn main() {
  run(supervisor.OneForOne, "one_for_one", 1)
  run(supervisor.OneForAll, "one_for_all", 3)
  run(supervisor.RestForOne, "rest_for_one", 2)
  // A temporary child is not restarted; a transient one is restarted only
  // after an abnormal exit.
  io.println("-- restart types")
  let starts = process.new_subject()
  let t = process.new_name(prefix: "t")
  let assert Ok(sup) =
    supervisor.new(supervisor.OneForOne)
    |> supervisor.add(
      supervision.worker(fn() { start_counter("t", t, starts) })
      |> supervision.restart(supervision.Temporary),
    )
    |> supervisor.start
  await_starts(starts, 1)
  crash(t, starts, 0)
  // A restart would have been reported by now.
  let assert Error(Nil) = process.receive(starts, 100)
  io.println("t after crash: " <> case process.named(t) {
    Ok(_) -> "running"
    Error(_) -> "gone"
  })
  process.unlink(sup.pid)
  process.kill(sup.pid)
  // Too many restarts: the supervisor gives up and exits with shutdown.
  io.println("-- intensity")
  let d = process.new_name(prefix: "d")
  process.trap_exits(True)
  let assert Ok(sup) =
    supervisor.new(supervisor.OneForOne)
    |> supervisor.restart_tolerance(intensity: 1, period: 10)
    |> supervisor.add(supervision.worker(fn() { start_counter("d", d, starts) }))
    |> supervisor.start
  await_starts(starts, 1)
  let m = process.monitor(sup.pid)
  crash(d, starts, 1)
  crash(d, starts, 0)
  let assert Ok(_) =
    process.new_selector()
    |> process.select_specific_monitor(m, fn(down) { down })
    |> process.selector_receive(1000)
  io.println("supervisor alive: " <> case process.is_alive(sup.pid) {
    True -> "yes"
    False -> "no"
  })
}
