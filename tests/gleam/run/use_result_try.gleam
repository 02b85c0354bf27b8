// `use` with result.try and result.map: parsing and validating a small
// order; the first error short-circuits. Expected output recorded from the
// equivalent Erlang program (nested case over {ok, _}/{error, _}) run by
// `erl`.
import gleam/int
import gleam/io
import gleam/result

pub type Order {
  Order(item: String, quantity: Int, price: Int)
}

fn parse_quantity(s: String) -> Result(Int, String) {
  int.parse(s)
  |> result.replace_error("bad quantity: " <> s)
}

fn positive(n: Int) -> Result(Int, String) {
  case n > 0 {
    True -> Ok(n)
    False -> Error("not positive: " <> int.to_string(n))
  }
}

fn make_order(item: String, q: String, p: String) -> Result(Order, String) {
  use quantity <- result.try(parse_quantity(q))
  use quantity <- result.try(positive(quantity))
  use price <- result.try(int.parse(p) |> result.replace_error("bad price"))
  Ok(Order(item, quantity, price))
}

fn total(o: Result(Order, String)) -> String {
  o
  |> result.map(fn(o) { o.item <> " costs " <> int.to_string(o.quantity * o.price) })
  |> result.unwrap_both
}

pub fn main() {
  io.println(total(make_order("apple", "3", "20")))
  io.println(total(make_order("pear", "x", "20")))
  io.println(total(make_order("plum", "-2", "20")))
  io.println(total(make_order("fig", "2", "?")))
  let sum = {
    use a <- result.try(int.parse("10"))
    use b <- result.map(int.parse("32"))
    a + b
  }
  io.println(int.to_string(result.unwrap(sum, 0)))
}
