// A factory supervisor starting children from one template, each with its
// own argument: a child that crashes is restarted with the same argument
// (transient, the default), one that stops normally is not, and the
// supervisor lives on. Expected output recorded from the equivalent Erlang
// program (a simple_one_for_one supervisor,
// tests/gleam/oracle/factory_supervisor.erl) run by `erl`, without the
// supervisor report OTP's logger also prints there for the crash (we
// print none).
import gleam/erlang/process
import gleam/io
import gleam/otp/actor
import gleam/otp/factory_supervisor as factory

pub type Msg {
  Crash
  Stop
  Ping(process.Subject(String))
}

fn worker(name: String) -> actor.StartResult(process.Subject(Msg)) {
  actor.new_with_initialiser(1000, fn(self) {
    io.println("start " <> name)
    actor.initialised(name) |> actor.returning(self) |> Ok
  })
  |> actor.on_message(fn(state, msg) {
    case msg {
      Crash -> actor.stop_abnormal("crash")
      Stop -> actor.stop()
      Ping(reply) -> {
        process.send(reply, "pong " <> state)
        actor.continue(state)
      }
    }
  })
  |> actor.start
}

fn yes_no(b: Bool) -> String {
  case b {
    True -> "yes"
    False -> "no"
  }
}

pub fn main() -> Nil {
  let assert Ok(sup) = factory.worker_child(worker) |> factory.start
  let assert Ok(a) = factory.start_child(sup.data, "a")
  let assert Ok(b) = factory.start_child(sup.data, "b")
  io.println(actor.call(a.data, 100, Ping))
  process.send(a.data, Crash)
  process.sleep(50)
  process.send(b.data, Stop)
  process.sleep(50)
  io.println("a alive: " <> yes_no(process.is_alive(a.pid)))
  io.println("b alive: " <> yes_no(process.is_alive(b.pid)))
  io.println("supervisor alive: " <> yes_no(process.is_alive(sup.pid)))
}
