// A project whose modules import each other: src/app/util.gleam is module
// `app/util`, src/app/store.gleam (`app/store`) imports it too. Expected
// output from Gleam's documented module semantics.
import app/store
import app/util.{double}
import gleam/io

pub fn main() {
  let s = store.new() |> store.add("a", 2) |> store.add("b", 5)
  io.println(util.describe(store.total(s)))
  io.println(util.describe(double(store.total(s))))
}
