// gleam/dynamic/decode: records from dicts with field/optional_field,
// optional, lists, nested paths, indexes, one_of, then, collapse_errors,
// dicts, recursive decoders, and the errors with their paths. The real
// gleam cannot run here; the expected output was cross-checked by running
// this same program against gleam_stdlib's own src/gleam/dynamic/decode.gleam
// (2026-06-14, compiled by eubeam with its Erlang FFI functions copied from
// gleam_stdlib.erl), which printed the same text.
import gleam/dict
import gleam/dynamic
import gleam/dynamic/decode
import gleam/int
import gleam/io
import gleam/list
import gleam/option.{type Option}
import gleam/string

pub type User {
  User(name: String, age: Int, tags: List(String), email: Option(String))
}

fn user_decoder() -> decode.Decoder(User) {
  use name <- decode.field("name", decode.string)
  use age <- decode.field("age", decode.int)
  use tags <- decode.optional_field("tags", [], decode.list(decode.string))
  use email <- decode.field("email", decode.optional(decode.string))
  decode.success(User(name:, age:, tags:, email:))
}

fn obj(entries: List(#(String, dynamic.Dynamic))) -> dynamic.Dynamic {
  entries
  |> list.map(fn(e) { #(dynamic.string(e.0), e.1) })
  |> dynamic.properties
}

fn show(r: Result(a, List(decode.DecodeError))) -> Nil {
  io.println(string.inspect(r))
}

pub fn main() {
  let ann =
    obj([
      #("name", dynamic.string("Ann")),
      #("age", dynamic.int(37)),
      #("tags", dynamic.list([dynamic.string("admin"), dynamic.string("ops")])),
      #("email", dynamic.nil()),
    ])
  show(decode.run(ann, user_decoder()))
  let bob =
    obj([
      #("name", dynamic.string("Bob")),
      #("age", dynamic.int(5)),
      #("email", dynamic.string("bob@example.com")),
    ])
  show(decode.run(bob, user_decoder()))
  let bad =
    obj([
      #("name", dynamic.int(1)),
      #("tags", dynamic.list([dynamic.string("a"), dynamic.float(2.5)])),
      #("email", dynamic.nil()),
    ])
  show(decode.run(bad, user_decoder()))
  show(decode.run(dynamic.int(3), user_decoder()))
  // Primitives and classify.
  show(decode.run(dynamic.float(1.5), decode.float))
  show(decode.run(dynamic.bool(True), decode.bool))
  show(decode.run(dynamic.string("x"), decode.int))
  io.println(dynamic.classify(dynamic.array([dynamic.int(1)])))
  io.println(dynamic.classify(dynamic.bit_array(<<1:size(3)>>)))
  io.println(dynamic.classify(dynamic.nil()))
  // Nested paths, indexes into arrays and lists.
  let nested =
    obj([#("data", obj([#("points", dynamic.list([dynamic.int(4), dynamic.int(9)]))]))])
  show(decode.run(nested, decode.at(["data", "points"], decode.list(decode.int))))
  show(decode.run(nested, decode.at(["data", "missing"], decode.int)))
  show(decode.run(nested, decode.subfield(["data", "points"], decode.at([1], decode.int), decode.success)))
  let pair = dynamic.array([dynamic.string("x"), dynamic.int(2)])
  let pair_decoder = {
    use a <- decode.field(0, decode.string)
    use b <- decode.field(1, decode.int)
    decode.success(#(a, b))
  }
  show(decode.run(pair, pair_decoder))
  show(decode.run(dynamic.int(1), decode.optionally_at(["k"], 0, decode.int)))
  // Combinators.
  let number =
    decode.one_of(decode.int, [decode.float |> decode.map(float_to_int)])
  show(decode.run(dynamic.float(2.9), number))
  show(decode.run(dynamic.string("2"), number))
  show(decode.run(dynamic.string("2"), decode.collapse_errors(number, "Number")))
  let positive =
    decode.int
    |> decode.then(fn(n) {
      case n > 0 {
        True -> decode.success(n)
        False -> decode.failure(0, "PositiveInt")
      }
    })
  show(decode.run(dynamic.int(-4), positive))
  show(decode.run(dynamic.int(4), positive))
  let d =
    dynamic.properties([
      #(dynamic.string("a"), dynamic.int(1)),
      #(dynamic.string("b"), dynamic.int(2)),
    ])
  let assert Ok(parsed) = decode.run(d, decode.dict(decode.string, decode.int))
  io.println(string.inspect(dict.to_list(parsed) |> list.sort(fn(x, y) { string.compare(x.0, y.0) })))
  show(decode.run(d, decode.dict(decode.string, decode.string)))
  show(decode.run(d, decode.dict(decode.int, decode.int)))
  let tree = obj([#("value", dynamic.int(1)), #("children", dynamic.list([obj([#("value", dynamic.int(2)), #("children", dynamic.list([]))])]))])
  show(decode.run(tree, tree_decoder()) |> map_ok(sum))
  show(decode.run(dynamic.string("5"), decode.new_primitive_decoder("Digit", fn(d) {
    case decode.run(d, decode.string) {
      Ok(s) -> int.parse(s) |> map_err(0)
      Error(_) -> Error(0)
    }
  })))
  show(decode.run(dynamic.int(7), decode.int |> decode.map_errors(fn(e) { e })))
}

pub type Tree {
  Tree(value: Int, children: List(Tree))
}

fn tree_decoder() -> decode.Decoder(Tree) {
  use value <- decode.field("value", decode.int)
  use children <- decode.field("children", decode.list(decode.recursive(tree_decoder)))
  decode.success(Tree(value:, children:))
}

fn sum(t: Tree) -> Int {
  list.fold(t.children, t.value, fn(acc, c) { acc + sum(c) })
}

fn map_ok(r: Result(a, e), f: fn(a) -> b) -> Result(b, e) {
  case r {
    Ok(x) -> Ok(f(x))
    Error(e) -> Error(e)
  }
}

fn map_err(r: Result(a, Nil), e: x) -> Result(a, x) {
  case r {
    Ok(x) -> Ok(x)
    Error(_) -> Error(e)
  }
}

fn float_to_int(f: Float) -> Int {
  case f >. 2.0 {
    True -> 2
    False -> 1
  }
}
