// Hello, world: the smallest program, printed three ways.
import gleam/io
import gleam/string

pub fn main() {
  io.println("Hello, world!")
  io.println("Hello" <> " from " <> string.lowercase(string.inspect(Erlang)))
  io.println("{hello,[1,2,3],<<\"world\">>}")
}

type Language {
  Erlang
}
