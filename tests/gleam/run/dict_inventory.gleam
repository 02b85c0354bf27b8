// gleam/dict and gleam/set as an inventory: from_list, insert, delete,
// merge, filter, map_values, keys/values (sorted for a stable order),
// has_key, size; sets with union and intersection. Expected output
// recorded from the equivalent Erlang program (maps and sets modules)
// run by `erl`.
import gleam/dict
import gleam/int
import gleam/io
import gleam/list
import gleam/set
import gleam/string

fn show(d: dict.Dict(String, Int)) -> String {
  dict.to_list(d)
  |> list.sort(fn(a, b) { string.compare(a.0, b.0) })
  |> list.map(fn(p) { p.0 <> ":" <> int.to_string(p.1) })
  |> string.join(" ")
}

fn show_set(s: set.Set(Int)) -> String {
  set.to_list(s)
  |> list.sort(int.compare)
  |> list.map(int.to_string)
  |> string.join(",")
}

pub fn main() {
  let stock = dict.from_list([#("apple", 5), #("pear", 0), #("fig", 12)])
  io.println(show(stock))
  let stock = dict.insert(stock, "kiwi", 3)
  let stock = dict.delete(stock, "pear")
  io.println(show(stock))
  io.println(int.to_string(dict.size(stock)))
  let more = dict.from_list([#("apple", 50), #("lime", 1)])
  io.println(show(dict.merge(stock, more)))
  io.println(show(dict.filter(stock, fn(_k, v) { v > 4 })))
  io.println(show(dict.map_values(stock, fn(_k, v) { v * 2 })))
  io.println(string.join(list.sort(dict.keys(stock), string.compare), ","))
  io.println(show_set(set.from_list(dict.values(stock))))
  io.println(string.inspect(dict.has_key(stock, "fig")))
  io.println(string.inspect(dict.has_key(stock, "pear")))
  let total = dict.fold(stock, 0, fn(acc, _k, v) { acc + v })
  io.println(int.to_string(total))
  let a = set.from_list([1, 2, 3, 4])
  let b = set.from_list([3, 4, 5])
  io.println(show_set(set.union(a, b)))
  io.println(show_set(set.intersection(a, b)))
  io.println(show_set(set.delete(a, 1)))
  io.println(show_set(set.insert(b, 9)))
}
