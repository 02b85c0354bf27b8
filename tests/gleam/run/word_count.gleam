// Counting words with a dict: splitting and normalising text, dict.upsert
// with an Option, sorting the counts by count then word, folding a dict,
// and set operations on the vocabulary of two texts. Expected output
// recorded from the equivalent Erlang program (maps and lists,
// tests/gleam/oracle/word_count.erl) run by `erl`.
import gleam/dict
import gleam/int
import gleam/io
import gleam/list
import gleam/option.{None, Some}
import gleam/order
import gleam/set
import gleam/string

fn words(text: String) -> List(String) {
  text
  |> string.lowercase
  |> string.replace(",", " ")
  |> string.replace(".", " ")
  |> string.split(" ")
  |> list.filter(fn(w) { w != "" })
}

fn count(ws: List(String)) -> dict.Dict(String, Int) {
  list.fold(ws, dict.new(), fn(d, w) {
    dict.upsert(d, w, fn(existing) {
      case existing {
        Some(n) -> n + 1
        None -> 1
      }
    })
  })
}

pub fn main() {
  let text = "The cat sat. The cat ran, and the dog sat on the mat."
  let counts = count(words(text))
  counts
  |> dict.to_list
  |> list.sort(fn(a, b) {
    case int.compare(b.1, a.1) {
      order.Eq -> string.compare(a.0, b.0)
      other -> other
    }
  })
  |> list.each(fn(pair) { io.println(pair.0 <> " " <> int.to_string(pair.1)) })
  io.println("total " <> int.to_string(dict.fold(counts, 0, fn(acc, _, n) { acc + n })))
  io.println("distinct " <> int.to_string(dict.size(counts)))
  let other = set.from_list(words("A dog and a cat played on the grass."))
  let mine = set.from_list(dict.keys(counts))
  let show = fn(s) { s |> set.to_list |> list.sort(string.compare) |> string.join(",") }
  io.println("both: " <> show(set.intersection(mine, other)))
  io.println("either: " <> int.to_string(set.size(set.union(mine, other))))
  io.println("only mine: " <> show(set.difference(mine, other)))
  case dict.get(counts, "cat"), dict.get(counts, "bird") {
    Ok(n), Error(Nil) -> io.println("cat " <> int.to_string(n) <> ", no bird")
    _, _ -> io.println("unexpected")
  }
}
