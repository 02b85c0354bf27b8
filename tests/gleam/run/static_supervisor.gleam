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

fn start_counter(label: String, name: Name(Message)) {
  io.println("starting " <> label)
  actor.new(0)
  |> actor.named(name)
  |> actor.on_message(handle)
  |> actor.start
}

fn get(name: Name(Message)) -> Int {
  wait_for(name, 200)
  process.call(process.named_subject(name), 1000, Get)
}

fn report(label: String, name: Name(Message)) -> Nil {
  io.println(label <> " = " <> int.to_string(get(name)))
}

fn crash(name: Name(Message)) -> Nil {
  let assert Ok(pid) = process.named(name)
  let monitor = process.monitor(pid)
  process.send(process.named_subject(name), Crash)
  let assert Ok(_) =
    process.new_selector()
    |> process.select_specific_monitor(monitor, fn(_) { Nil })
    |> process.selector_receive(1000)
  // Wait (up to a second) for the supervisor to register a restarted
  // child, so that a loaded machine does not change the output.
  wait_for(name, 200)
}

fn wait_for(name: Name(Message), tries: Int) -> Nil {
  case process.named(name), tries {
    Ok(_), _ -> Nil
    Error(_), 0 -> Nil
    Error(_), _ -> {
      process.sleep(5)
      wait_for(name, tries - 1)
    }
  }
}

fn run(strategy: supervisor.Strategy, title: String) -> Nil {
  io.println("-- " <> title)
  let a = process.new_name(prefix: "a")
  let b = process.new_name(prefix: "b")
  let c = process.new_name(prefix: "c")
  let assert Ok(started) =
    supervisor.new(strategy)
    |> supervisor.add(supervision.worker(fn() { start_counter("a", a) }))
    |> supervisor.add(supervision.worker(fn() { start_counter("b", b) }))
    |> supervisor.add(supervision.worker(fn() { start_counter("c", c) }))
    |> supervisor.start
  process.send(process.named_subject(a), Add(1))
  process.send(process.named_subject(b), Add(2))
  process.send(process.named_subject(c), Add(3))
  io.println("crash b")
  crash(b)
  report("a", a)
  report("b", b)
  report("c", c)
  process.unlink(started.pid)
  process.kill(started.pid)
}

pub fn main() {
  run(supervisor.OneForOne, "one_for_one")
  run(supervisor.OneForAll, "one_for_all")
  run(supervisor.RestForOne, "rest_for_one")
  // A temporary child is not restarted; a transient one is restarted only
  // after an abnormal exit.
  io.println("-- restart types")
  let t = process.new_name(prefix: "t")
  let assert Ok(sup) =
    supervisor.new(supervisor.OneForOne)
    |> supervisor.add(
      supervision.worker(fn() { start_counter("t", t) })
      |> supervision.restart(supervision.Temporary),
    )
    |> supervisor.start
  crash(t)
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
    |> supervisor.add(supervision.worker(fn() { start_counter("d", d) }))
    |> supervisor.start
  let m = process.monitor(sup.pid)
  crash(d)
  crash(d)
  let assert Ok(_) =
    process.new_selector()
    |> process.select_specific_monitor(m, fn(down) { down })
    |> process.selector_receive(1000)
  io.println("supervisor alive: " <> case process.is_alive(sup.pid) {
    True -> "yes"
    False -> "no"
  })
}
