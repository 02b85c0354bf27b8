// Records: constructors with labels, field access, record update, and
// printing with string.inspect. Expected output derived from Gleam's
// documented behaviour (inspect prints constructors without labels on the
// Erlang target); the tuple layout is checked with erl's equivalent
// {person, <<"Ann">>, 36}.
import gleam/int
import gleam/io
import gleam/string

pub type Person {
  Person(name: String, age: Int)
}

pub fn main() {
  let ann = Person(name: "Ann", age: 36)
  let older = Person(..ann, age: ann.age + 1)
  io.println(ann.name <> " is " <> int.to_string(ann.age))
  io.println(string.inspect(older))
  let bob = Person(age: 5, name: "Bob")
  io.println(string.inspect(bob))
  io.println(string.inspect(#(1, "two", 3.5, [True, False], Nil)))
}
