// Generic types and functions with type aliases: a Pair alias, a generic
// Tree with map and fold, and a generic Stack. Expected output recorded
// from the equivalent Erlang program run by `erl`.
import gleam/int
import gleam/io
import gleam/string

pub type Pair(a, b) =
  #(a, b)

pub type Tree(a) {
  Leaf
  Node(left: Tree(a), value: a, right: Tree(a))
}

pub type Scores =
  List(Pair(String, Int))

fn insert(tree: Tree(Int), x: Int) -> Tree(Int) {
  case tree {
    Leaf -> Node(Leaf, x, Leaf)
    Node(l, v, r) if x < v -> Node(insert(l, x), v, r)
    Node(l, v, r) -> Node(l, v, insert(r, x))
  }
}

fn map_tree(tree: Tree(a), f: fn(a) -> b) -> Tree(b) {
  case tree {
    Leaf -> Leaf
    Node(l, v, r) -> Node(map_tree(l, f), f(v), map_tree(r, f))
  }
}

fn fold_tree(tree: Tree(a), acc: b, f: fn(b, a) -> b) -> b {
  case tree {
    Leaf -> acc
    Node(l, v, r) -> fold_tree(r, f(fold_tree(l, acc, f), v), f)
  }
}

fn swap(p: Pair(a, b)) -> Pair(b, a) {
  #(p.1, p.0)
}

fn best(scores: Scores, current: Pair(String, Int)) -> Pair(String, Int) {
  case scores {
    [] -> current
    [#(_, s) as p, ..rest] if s > current.1 -> best(rest, p)
    [_, ..rest] -> best(rest, current)
  }
}

fn identity(x: a) -> a {
  x
}

pub fn main() {
  let tree = insert(insert(insert(insert(Leaf, 5), 2), 8), 3)
  let in_order = fold_tree(tree, [], fn(acc, x) { [x, ..acc] })
  io.println(string.join(reverse_map(in_order, int.to_string), ","))
  let doubled = map_tree(tree, fn(x) { x * 2 })
  io.println(int.to_string(fold_tree(doubled, 0, fn(a, b) { a + b })))
  let strings = map_tree(tree, fn(x) { "<" <> int.to_string(x) <> ">" })
  io.println(fold_tree(strings, "", fn(a, b) { a <> b }))
  let #(n, s) = swap(#("one", 1))
  io.println(int.to_string(n) <> " " <> s)
  let scores: Scores = [#("ann", 3), #("bob", 9), #("cy", 4)]
  let #(who, score) = best(scores, #("nobody", 0))
  io.println(who <> " " <> int.to_string(score))
  io.println(identity("same") <> int.to_string(identity(7)))
}

fn reverse_map(l: List(a), f: fn(a) -> String) -> List(String) {
  case l {
    [] -> []
    [x, ..rest] -> list_append(reverse_map(rest, f), [f(x)])
  }
}

fn list_append(a: List(a), b: List(a)) -> List(a) {
  case a {
    [] -> b
    [x, ..rest] -> [x, ..list_append(rest, b)]
  }
}
