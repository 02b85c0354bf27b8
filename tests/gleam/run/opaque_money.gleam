// An opaque type with a smart constructor and accessors, used through its
// public functions only; plus a phantom-typed opaque wrapper. Expected
// output recorded from the equivalent Erlang program run by `erl`.
import gleam/int
import gleam/io

pub opaque type Money {
  Money(cents: Int)
}

pub fn from_cents(cents: Int) -> Result(Money, String) {
  case cents < 0 {
    True -> Error("negative amount")
    False -> Ok(Money(cents))
  }
}

pub fn add(a: Money, b: Money) -> Money {
  Money(a.cents + b.cents)
}

pub fn to_string(m: Money) -> String {
  let cents = m.cents % 100
  let pad = case cents < 10 {
    True -> "0"
    False -> ""
  }
  int.to_string(m.cents / 100) <> "." <> pad <> int.to_string(cents)
}

pub opaque type Id(kind) {
  Id(Int)
}

pub type User

pub type Order

fn user_id(n: Int) -> Id(User) {
  Id(n)
}

fn order_id(n: Int) -> Id(Order) {
  Id(n)
}

fn id_to_string(id: Id(kind), prefix: String) -> String {
  let Id(n) = id
  prefix <> "-" <> int.to_string(n)
}

pub fn main() {
  let assert Ok(a) = from_cents(1050)
  let assert Ok(b) = from_cents(207)
  io.println(to_string(add(a, b)))
  case from_cents(-5) {
    Ok(m) -> io.println(to_string(m))
    Error(e) -> io.println(e)
  }
  io.println(id_to_string(user_id(7), "user"))
  io.println(id_to_string(order_id(42), "order"))
}
