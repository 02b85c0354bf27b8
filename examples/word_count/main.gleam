// Word frequencies of a short text: split, normalise, count in a dict, and
// rank by count (then alphabetically).
import gleam/dict
import gleam/int
import gleam/io
import gleam/list
import gleam/option.{None, Some}
import gleam/order
import gleam/string

const text = "The actor model treats actors as the universal primitives of concurrent computation. In response to a message it receives, an actor can make local decisions, create more actors, send more messages, and determine how to respond to the next message received. Actors may modify their own private state, but can only affect each other indirectly through messaging."

pub fn main() {
  let words =
    text
    |> string.lowercase
    |> string.replace(".", " ")
    |> string.replace(",", " ")
    |> string.split(" ")
    |> list.filter(fn(w) { w != "" })
  let counts =
    list.fold(words, dict.new(), fn(acc, w) {
      dict.upsert(acc, w, fn(old) {
        case old {
          Some(n) -> n + 1
          None -> 1
        }
      })
    })
  io.println(
    int.to_string(list.length(words))
    <> " words, "
    <> int.to_string(dict.size(counts))
    <> " distinct",
  )
  counts
  |> dict.to_list
  |> list.sort(fn(a, b) {
    case int.compare(b.1, a.1) {
      order.Eq -> string.compare(a.0, b.0)
      other -> other
    }
  })
  |> list.take(6)
  |> list.each(fn(p) {
    io.println(string.pad_end(p.0, 10, " ") <> " " <> int.to_string(p.1))
  })
  let longest =
    list.fold(words, "", fn(best, w) {
      case string.length(w) > string.length(best) {
        True -> w
        False -> best
      }
    })
  io.println(
    "longest: "
    <> longest
    <> " ("
    <> int.to_string(string.length(longest))
    <> " letters)",
  )
}
