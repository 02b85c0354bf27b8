// A pipe into a function expecting another type.
import gleam/int
import gleam/io

pub fn main() {
  "42"
  |> int.add(1)
  |> int.to_string
  |> io.println
}
