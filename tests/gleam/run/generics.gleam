// Generic functions and types: a user-defined Tree(a) with map and fold,
// Option/Result helpers, let-generalised top-level functions used at
// several types. Expected output derived from Gleam's documented semantics.
import gleam/int
import gleam/io
import gleam/option.{type Option, None, Some}
import gleam/result
import gleam/string

pub type Tree(a) {
  Leaf
  Node(left: Tree(a), value: a, right: Tree(a))
}

fn insert(tree: Tree(Int), x: Int) -> Tree(Int) {
  case tree {
    Leaf -> Node(Leaf, x, Leaf)
    Node(l, v, r) if x < v -> Node(insert(l, x), v, r)
    Node(l, v, r) -> Node(l, v, insert(r, x))
  }
}

fn map(tree: Tree(a), f: fn(a) -> b) -> Tree(b) {
  case tree {
    Leaf -> Leaf
    Node(l, v, r) -> Node(map(l, f), f(v), map(r, f))
  }
}

fn to_list(tree: Tree(a)) -> List(a) {
  case tree {
    Leaf -> []
    Node(l, v, r) -> flatten([to_list(l), [v], to_list(r)])
  }
}

fn flatten(lists: List(List(a))) -> List(a) {
  case lists {
    [] -> []
    [[], ..rest] -> flatten(rest)
    [[x, ..xs], ..rest] -> [x, ..flatten([xs, ..rest])]
  }
}

fn identity(x) {
  x
}

fn first_some(options: List(Option(a))) -> Option(a) {
  case options {
    [] -> None
    [Some(x), ..] -> Some(x)
    [None, ..rest] -> first_some(rest)
  }
}

pub fn main() {
  let tree = [5, 3, 8, 1, 4] |> list_fold(Leaf, insert)
  io.println(string.inspect(to_list(tree)))
  io.println(string.inspect(to_list(map(tree, fn(x) { int.to_string(x * 10) }))))
  io.println(identity("id") <> int.to_string(identity(7)))
  io.println(string.inspect(first_some([None, Some(2), Some(3)])))
  let parsed = int.parse("42") |> result.map(fn(x) { x + 1 }) |> result.unwrap(0)
  io.println(int.to_string(parsed))
  io.println(string.inspect(int.parse("nope")))
}

fn list_fold(list: List(a), acc: b, f: fn(b, a) -> b) -> b {
  case list {
    [] -> acc
    [x, ..rest] -> list_fold(rest, f(acc, x), f)
  }
}
