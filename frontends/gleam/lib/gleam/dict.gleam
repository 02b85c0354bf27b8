//// Dictionaries are Erlang maps.

import gleam/option.{type Option, None, Some}

pub type Dict(key, value)

@external(erlang, "gleam_stdlib", "new_map")
pub fn new() -> Dict(k, v)

@external(erlang, "gleam_stdlib", "map_size")
pub fn size(dict: Dict(k, v)) -> Int

@external(erlang, "gleam_stdlib", "map_to_list")
pub fn to_list(dict: Dict(k, v)) -> List(#(k, v))

@external(erlang, "gleam_stdlib", "map_from_list")
pub fn from_list(list: List(#(k, v))) -> Dict(k, v)

@external(erlang, "gleam_stdlib", "map_get")
pub fn get(from: Dict(k, v), get: k) -> Result(v, Nil)

@external(erlang, "gleam_stdlib", "map_keys")
pub fn keys(dict: Dict(k, v)) -> List(k)

@external(erlang, "gleam_stdlib", "map_values")
pub fn values(dict: Dict(k, v)) -> List(v)

pub fn insert(into dict: Dict(k, v), for key: k, insert value: v) -> Dict(k, v) {
  do_insert(key, value, dict)
}

@external(erlang, "gleam_stdlib", "map_insert")
fn do_insert(key: k, value: v, dict: Dict(k, v)) -> Dict(k, v)

pub fn delete(from dict: Dict(k, v), delete key: k) -> Dict(k, v) {
  do_delete(key, dict)
}

@external(erlang, "gleam_stdlib", "map_delete")
fn do_delete(key: k, dict: Dict(k, v)) -> Dict(k, v)

pub fn is_empty(dict: Dict(k, v)) -> Bool {
  size(dict) == 0
}

pub fn has_key(dict: Dict(k, v), key: k) -> Bool {
  case get(dict, key) {
    Ok(_) -> True
    Error(_) -> False
  }
}

pub fn upsert(in dict: Dict(k, v), update key: k, with fun: fn(Option(v)) -> v) -> Dict(k, v) {
  case get(dict, key) {
    Ok(value) -> insert(dict, key, fun(Some(value)))
    Error(_) -> insert(dict, key, fun(None))
  }
}

pub fn fold(over dict: Dict(k, v), from initial: acc, with fun: fn(acc, k, v) -> acc) -> acc {
  fold_list(to_list(dict), initial, fun)
}

fn fold_list(list: List(#(k, v)), acc: acc, fun: fn(acc, k, v) -> acc) -> acc {
  case list {
    [] -> acc
    [#(k, v), ..rest] -> fold_list(rest, fun(acc, k, v), fun)
  }
}

pub fn map_values(in dict: Dict(k, v), with fun: fn(k, v) -> a) -> Dict(k, a) {
  fold(dict, new(), fn(acc, k, v) { insert(acc, k, fun(k, v)) })
}

pub fn filter(in dict: Dict(k, v), keeping predicate: fn(k, v) -> Bool) -> Dict(k, v) {
  fold(dict, new(), fn(acc, k, v) {
    case predicate(k, v) {
      True -> insert(acc, k, v)
      False -> acc
    }
  })
}

pub fn merge(into dict: Dict(k, v), from new_entries: Dict(k, v)) -> Dict(k, v) {
  fold(new_entries, dict, fn(acc, k, v) { insert(acc, k, v) })
}

pub fn each(dict: Dict(k, v), fun: fn(k, v) -> a) -> Nil {
  fold(dict, Nil, fn(nil, k, v) {
    fun(k, v)
    nil
  })
}
