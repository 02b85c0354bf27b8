// An actor holding bank accounts in a dict: deposits and withdrawals as
// `call`s that reply with a Result, a custom error type, a balance query,
// and a Stop message whose reply comes before the actor exits. Expected
// output recorded from the equivalent Erlang program (a receive loop over
// a map, tests/gleam/oracle/actor_bank.erl) run by `erl`.
import gleam/dict.{type Dict}
import gleam/erlang/process.{type Subject}
import gleam/int
import gleam/io
import gleam/list
import gleam/otp/actor

pub type BankError {
  NoSuchAccount(String)
  InsufficientFunds(needed: Int, available: Int)
}

pub type Message {
  Deposit(account: String, amount: Int, reply_to: Subject(Result(Int, BankError)))
  Withdraw(account: String, amount: Int, reply_to: Subject(Result(Int, BankError)))
  Balance(account: String, reply_to: Subject(Result(Int, BankError)))
  Stop(reply_to: Subject(Int))
}

type State =
  Dict(String, Int)

fn handle(state: State, message: Message) -> actor.Next(State, Message) {
  case message {
    Deposit(account, amount, reply_to) -> {
      let balance = case dict.get(state, account) {
        Ok(b) -> b + amount
        Error(Nil) -> amount
      }
      process.send(reply_to, Ok(balance))
      actor.continue(dict.insert(state, account, balance))
    }
    Withdraw(account, amount, reply_to) ->
      case dict.get(state, account) {
        Error(Nil) -> {
          process.send(reply_to, Error(NoSuchAccount(account)))
          actor.continue(state)
        }
        Ok(b) if b < amount -> {
          process.send(reply_to, Error(InsufficientFunds(needed: amount, available: b)))
          actor.continue(state)
        }
        Ok(b) -> {
          process.send(reply_to, Ok(b - amount))
          actor.continue(dict.insert(state, account, b - amount))
        }
      }
    Balance(account, reply_to) -> {
      let reply = case dict.get(state, account) {
        Ok(b) -> Ok(b)
        Error(Nil) -> Error(NoSuchAccount(account))
      }
      process.send(reply_to, reply)
      actor.continue(state)
    }
    Stop(reply_to) -> {
      process.send(reply_to, dict.fold(state, 0, fn(acc, _, b) { acc + b }))
      actor.stop()
    }
  }
}

fn describe(r: Result(Int, BankError)) -> String {
  case r {
    Ok(balance) -> "ok, balance " <> int.to_string(balance)
    Error(NoSuchAccount(name)) -> "error: no account " <> name
    Error(InsufficientFunds(needed:, available:)) ->
      "error: needed "
      <> int.to_string(needed)
      <> ", available "
      <> int.to_string(available)
  }
}

pub fn main() {
  let assert Ok(bank) =
    actor.new(dict.new())
    |> actor.on_message(handle)
    |> actor.start
  let subject = bank.data
  let steps = [
    fn(r) { Deposit("ann", 100, r) },
    fn(r) { Deposit("bob", 20, r) },
    fn(r) { Withdraw("ann", 30, r) },
    fn(r) { Withdraw("bob", 50, r) },
    fn(r) { Withdraw("cat", 1, r) },
    fn(r) { Deposit("bob", 5, r) },
    fn(r) { Balance("ann", r) },
    fn(r) { Balance("dan", r) },
  ]
  list.each(steps, fn(make) { io.println(describe(actor.call(subject, 1000, make))) })
  let total = actor.call(subject, 1000, Stop)
  io.println("total " <> int.to_string(total))
  process.sleep(20)
  io.println("bank alive: " <> case process.is_alive(bank.pid) {
    True -> "yes"
    False -> "no"
  })
}
