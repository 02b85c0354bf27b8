// Generic types and functions: a Stack(a) and a two-list Queue(a) with
// their operations used at Int, String and tuple element types, a generic
// Tree(a) with map and fold, and functions taking functions over type
// parameters. Expected output recorded from the equivalent Erlang program
// (tests/gleam/oracle/generic_containers.erl) run by `erl`.
import gleam/int
import gleam/io
import gleam/list
import gleam/string

pub opaque type Stack(a) {
  Stack(items: List(a), size: Int)
}

pub fn empty_stack() -> Stack(a) {
  Stack([], 0)
}

pub fn push(stack: Stack(a), item: a) -> Stack(a) {
  Stack([item, ..stack.items], stack.size + 1)
}

pub fn pop(stack: Stack(a)) -> Result(#(a, Stack(a)), Nil) {
  case stack.items {
    [] -> Error(Nil)
    [top, ..rest] -> Ok(#(top, Stack(rest, stack.size - 1)))
  }
}

pub type Queue(a) {
  Queue(front: List(a), back: List(a))
}

pub fn enqueue(q: Queue(a), item: a) -> Queue(a) {
  Queue(..q, back: [item, ..q.back])
}

pub fn dequeue(q: Queue(a)) -> Result(#(a, Queue(a)), Nil) {
  case q {
    Queue([], []) -> Error(Nil)
    Queue([], back) -> dequeue(Queue(list.reverse(back), []))
    Queue([x, ..front], back) -> Ok(#(x, Queue(front, back)))
  }
}

pub type Tree(a) {
  Leaf
  Node(left: Tree(a), value: a, right: Tree(a))
}

pub fn insert(tree: Tree(a), value: a, compare: fn(a, a) -> Bool) -> Tree(a) {
  case tree {
    Leaf -> Node(Leaf, value, Leaf)
    Node(l, v, r) ->
      case compare(value, v) {
        True -> Node(insert(l, value, compare), v, r)
        False -> Node(l, v, insert(r, value, compare))
      }
  }
}

pub fn map_tree(tree: Tree(a), f: fn(a) -> b) -> Tree(b) {
  case tree {
    Leaf -> Leaf
    Node(l, v, r) -> Node(map_tree(l, f), f(v), map_tree(r, f))
  }
}

pub fn fold_tree(tree: Tree(a), acc: b, f: fn(b, a) -> b) -> b {
  case tree {
    Leaf -> acc
    Node(l, v, r) -> fold_tree(r, f(fold_tree(l, acc, f), v), f)
  }
}

fn drain_stack(stack: Stack(a), show: fn(a) -> String) -> List(String) {
  case pop(stack) {
    Error(Nil) -> []
    Ok(#(x, rest)) -> [show(x), ..drain_stack(rest, show)]
  }
}

fn drain_queue(q: Queue(a), show: fn(a) -> String) -> List(String) {
  case dequeue(q) {
    Error(Nil) -> []
    Ok(#(x, rest)) -> [show(x), ..drain_queue(rest, show)]
  }
}

fn pair_to_string(p: #(String, Int)) -> String {
  p.0 <> "=" <> int.to_string(p.1)
}

pub fn main() {
  let ints = list.fold([1, 2, 3], empty_stack(), push)
  io.println(string.join(drain_stack(ints, int.to_string), " "))
  let words = empty_stack() |> push("a") |> push("b")
  io.println(string.join(drain_stack(words, fn(s) { s }), " "))
  io.println(int.to_string(ints.size) <> " " <> int.to_string(words.size))
  let q =
    Queue([], [])
    |> enqueue(#("x", 1))
    |> enqueue(#("y", 2))
  let assert Ok(#(first, q)) = dequeue(q)
  let q = enqueue(q, #("z", 3))
  io.println(pair_to_string(first) <> "; " <> string.join(drain_queue(q, pair_to_string), ", "))
  let tree =
    [5, 3, 8, 1, 4, 9]
    |> list.fold(Leaf, fn(t, x) { insert(t, x, fn(a, b) { a < b }) })
  let in_order = fold_tree(tree, [], fn(acc, x) { [x, ..acc] }) |> list.reverse
  io.println(string.inspect(in_order))
  let labels = map_tree(tree, fn(x) { "n" <> int.to_string(x * x) })
  io.println(fold_tree(labels, "", fn(acc, s) { acc <> s <> " " }))
  io.println(int.to_string(fold_tree(tree, 0, fn(acc, x) { acc + x })))
  let by_length =
    ["pear", "fig", "banana", "kiwi"]
    |> list.fold(Leaf, fn(t, s) { insert(t, s, fn(a, b) { string.length(a) < string.length(b) }) })
  io.println(string.inspect(fold_tree(by_length, [], fn(acc, s) { [s, ..acc] })))
}
