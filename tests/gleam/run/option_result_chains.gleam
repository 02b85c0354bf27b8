// gleam/option and gleam/result chains: map, then/try, unwrap, or,
// lazy_unwrap, flatten, values, all, to_result/from_result, map_error,
// is_ok. Expected output recorded from the equivalent Erlang program
// ({ok,_}/{error,_} and {some,_}/none tuples) run by `erl`.
import gleam/int
import gleam/io
import gleam/option.{type Option, None, Some}
import gleam/result

fn half(n: Int) -> Result(Int, String) {
  case n % 2 {
    0 -> Ok(n / 2)
    _ -> Error(int.to_string(n) <> " is odd")
  }
}

fn lookup(name: String) -> Option(Int) {
  case name {
    "ann" -> Some(30)
    "bob" -> Some(41)
    _ -> None
  }
}

fn show_r(r: Result(Int, String)) -> String {
  case r {
    Ok(n) -> "Ok " <> int.to_string(n)
    Error(e) -> "Error " <> e
  }
}

fn show_o(o: Option(Int)) -> String {
  case o {
    Some(n) -> "Some " <> int.to_string(n)
    None -> "None"
  }
}

pub fn main() {
  io.println(show_r(half(40) |> result.try(half) |> result.try(half)))
  io.println(show_r(half(12) |> result.try(half) |> result.try(half)))
  io.println(show_r(half(8) |> result.map(fn(x) { x + 1 })))
  io.println(show_r(half(7) |> result.map_error(fn(e) { "oops: " <> e })))
  io.println(int.to_string(result.unwrap(half(9), -1)))
  io.println(show_r(result.or(half(3), Ok(100))))
  io.println(show_r(result.flatten(Ok(half(6)))))
  io.println(
    case result.all([half(2), half(4), half(6)]) {
      Ok(l) -> "all " <> int.to_string(list_sum(l))
      Error(e) -> e
    },
  )
  io.println(
    case result.all([half(2), half(5), half(7)]) {
      Ok(_) -> "all ok"
      Error(e) -> "first error: " <> e
    },
  )
  io.println(int.to_string(list_sum(result.values([half(2), half(3), half(10)]))))
  io.println(show_o(lookup("ann") |> option.map(fn(a) { a + 1 })))
  io.println(show_o(lookup("zed") |> option.map(fn(a) { a + 1 })))
  io.println(show_o(lookup("bob") |> option.then(fn(a) {
    case a > 40 {
      True -> Some(a - 40)
      False -> None
    }
  })))
  io.println(int.to_string(option.unwrap(lookup("zed"), 0)))
  io.println(int.to_string(option.lazy_unwrap(lookup("zed"), fn() { 7 })))
  io.println(show_o(option.or(lookup("zed"), lookup("bob"))))
  io.println(show_o(option.flatten(Some(Some(3)))))
  io.println(int.to_string(list_sum(option.values([Some(1), None, Some(5)]))))
  io.println(show_r(option.to_result(lookup("x"), "no x")))
  io.println(show_o(option.from_result(half(10))))
  io.println(case result.is_ok(half(1)), option.is_some(lookup("ann")) {
    True, True -> "both"
    False, True -> "only option"
    _, _ -> "other"
  })
}

fn list_sum(l: List(Int)) -> Int {
  case l {
    [] -> 0
    [x, ..r] -> x + list_sum(r)
  }
}
