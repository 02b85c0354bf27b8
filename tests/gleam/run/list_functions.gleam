// gleam/list functions: range, map, filter, fold, fold_right, reduce,
// sort, zip, unzip, take, drop, append, flatten, flat_map, reverse, find,
// any, all, partition, unique, intersperse, index_map, key_find,
// sized_chunk, filter_map, count, contains, first, last. Expected output
// recorded from the equivalent Erlang program (lists module) run by `erl`.
import gleam/int
import gleam/io
import gleam/list
import gleam/string

fn show(l: List(Int)) -> String {
  "[" <> string.join(list.map(l, int.to_string), ",") <> "]"
}

pub fn main() {
  let xs = list.range(1, 10)
  io.println(show(xs))
  io.println(show(list.range(5, 1)))
  io.println(show(list.map(xs, fn(x) { x * x })))
  io.println(show(list.filter(xs, int.is_even)))
  io.println(int.to_string(list.fold(xs, 0, int.add)))
  io.println(show(list.fold_right(xs, [], fn(acc, x) { [x * 10, ..acc] })))
  let assert Ok(m) = list.reduce(xs, int.max)
  io.println(int.to_string(m))
  io.println(show(list.sort([5, 3, 9, 1, 3], int.compare)))
  let pairs = list.zip([1, 2, 3], ["a", "b", "c"])
  io.println(string.join(list.map(pairs, fn(p) { int.to_string(p.0) <> p.1 }), " "))
  let #(nums, strs) = list.unzip(pairs)
  io.println(show(nums) <> string.concat(strs))
  io.println(show(list.take(xs, 3)) <> show(list.drop(xs, 7)))
  io.println(show(list.append([1, 2], [3])))
  io.println(show(list.flatten([[1], [], [2, 3]])))
  io.println(show(list.flat_map([1, 2, 3], fn(x) { [x, x] })))
  io.println(show(list.reverse(xs)))
  case list.find(xs, fn(x) { x > 4 }) {
    Ok(x) -> io.println("found " <> int.to_string(x))
    Error(Nil) -> io.println("none")
  }
  io.println(string.inspect(list.any(xs, fn(x) { x > 9 })))
  io.println(string.inspect(list.all(xs, fn(x) { x > 1 })))
  let #(small, big) = list.partition(xs, fn(x) { x < 4 })
  io.println(show(small) <> show(big))
  io.println(show(list.unique([1, 2, 1, 3, 2])))
  io.println(show(list.intersperse([1, 2, 3], 0)))
  io.println(show(list.index_map([10, 20, 30], fn(x, i) { x + i })))
  case list.key_find([#("a", 1), #("b", 2)], "b") {
    Ok(v) -> io.println("b=" <> int.to_string(v))
    Error(Nil) -> io.println("missing")
  }
  io.println(string.join(list.map(list.sized_chunk(xs, 4), show), ";"))
  io.println(
    show(
      list.filter_map(["1", "x", "3"], fn(s) { int.parse(s) }),
    ),
  )
  io.println(int.to_string(list.count(xs, int.is_odd)))
  io.println(string.inspect(list.contains(xs, 7)))
  let assert Ok(f) = list.first(xs)
  let assert Ok(l) = list.last(xs)
  io.println(int.to_string(f) <> ".." <> int.to_string(l))
  io.println(int.to_string(list.length(list.repeat("x", 4))))
}
