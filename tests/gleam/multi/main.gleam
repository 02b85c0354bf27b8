// A user's files importing each other: `eubeam run main.gleam` (or with
// util.gleam and shapes.gleam named too). Expected output: Gleam's
// documented module semantics (each line computed by hand: "hello, " <>
// "world", uppercase, 3*3, 3*2*2).
import gleam/io
import shapes.{type Shape, Circle, Square}
import util

pub fn main() {
  io.println(util.greet("world"))
  io.println(util.shout(util.greeting))
  let s: Shape = Square(3)
  io.println(util.int_str(shapes.area(s)))
  io.println(util.int_str(shapes.area(Circle(2))))
}
