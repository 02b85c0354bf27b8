// gleam/dict and gleam/set: insert, get, upsert, fold, membership. Dict
// keys are printed sorted so the output does not depend on map order.
// Expected output derived from gleam_stdlib's documented behaviour.
import gleam/dict
import gleam/int
import gleam/io
import gleam/list
import gleam/option.{None, Some}
import gleam/set
import gleam/string

pub fn main() {
  let words = ["a", "b", "a", "c", "b", "a"]
  let counts =
    list.fold(words, dict.new(), fn(d, w) {
      dict.upsert(d, w, fn(x) {
        case x {
          Some(n) -> n + 1
          None -> 1
        }
      })
    })
  dict.to_list(counts)
  |> list.sort(fn(a, b) { string.compare(a.0, b.0) })
  |> list.each(fn(p) { io.println(p.0 <> "=" <> int.to_string(p.1)) })
  io.println(string.inspect(dict.get(counts, "a")))
  io.println(string.inspect(dict.get(counts, "z")))
  let s = set.from_list([3, 1, 3, 2])
  io.println(int.to_string(set.size(s)))
  io.println(string.inspect(set.contains(s, 2)))
  io.println(string.inspect(set.contains(s, 5)))
}
