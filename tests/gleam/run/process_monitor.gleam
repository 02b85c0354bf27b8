// Processes: spawn_unlinked, monitors through a selector, call with a
// reply subject, sleep. Expected output derived from gleam_erlang's
// documented behaviour (an exiting monitored process delivers a
// ProcessDown with reason Normal).
import gleam/erlang/process
import gleam/io
import gleam/string

pub type Request {
  Double(Int, reply: process.Subject(Int))
}

pub fn main() {
  let pid = process.spawn_unlinked(fn() { process.sleep(10) })
  let monitor = process.monitor(pid)
  let selector =
    process.new_selector()
    |> process.select_specific_monitor(monitor, fn(down) {
      case down {
        process.ProcessDown(reason: process.Normal, ..) -> "down: normal"
        process.ProcessDown(..) -> "down: other"
      }
    })
  io.println(string.inspect(process.selector_receive(selector, 1000)))
  let server = process.new_subject()
  let me = process.new_subject()
  process.spawn(fn() {
    process.send(me, server)
  })
  let assert Ok(_) = process.receive(me, 1000)
  let worker = process.spawn(fn() {
    let inbox = process.new_subject()
    process.send(me, inbox)
    let assert Ok(Double(n, reply)) = process.receive(inbox, 1000)
    process.send(reply, n * 2)
  })
  let _ = worker
  let assert Ok(inbox) = process.receive(me, 1000)
  let answer = process.call(inbox, 1000, fn(reply) { Double(21, reply) })
  io.println(string.inspect(answer))
}
