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

/// Only the entries whose key is in `desired_keys`.
pub fn take(from dict: Dict(k, v), keeping desired_keys: List(k)) -> Dict(k, v) {
  take_loop(dict, desired_keys, new())
}

fn take_loop(dict: Dict(k, v), keys: List(k), acc: Dict(k, v)) -> Dict(k, v) {
  case keys {
    [] -> acc
    [k, ..rest] ->
      case get(dict, k) {
        Ok(v) -> take_loop(dict, rest, insert(acc, k, v))
        Error(_) -> take_loop(dict, rest, acc)
      }
  }
}

/// The entries whose key is not in `disallowed_keys`.
pub fn drop(from dict: Dict(k, v), drop disallowed_keys: List(k)) -> Dict(k, v) {
  case disallowed_keys {
    [] -> dict
    [k, ..rest] -> drop(delete(dict, k), rest)
  }
}

/// Both dicts' entries; for a key in both, `fun(value in dict, value in
/// other)`.
pub fn combine(
  dict: Dict(k, v),
  other: Dict(k, v),
  with fun: fn(v, v) -> v,
) -> Dict(k, v) {
  fold(other, dict, fn(acc, k, v) {
    case get(acc, k) {
      Ok(mine) -> insert(acc, k, fun(mine, v))
      Error(_) -> insert(acc, k, v)
    }
  })
}

/// The values grouped by `key`, each group with the later values first.
@internal
pub fn group(key: fn(v) -> k, list: List(v)) -> Dict(k, List(v)) {
  group_loop(key, list, new())
}

fn group_loop(key: fn(v) -> k, list: List(v), acc: Dict(k, List(v))) -> Dict(k, List(v)) {
  case list {
    [] -> acc
    [v, ..rest] -> {
      let k = key(v)
      let acc = case get(acc, k) {
        Ok(vs) -> insert(acc, k, [v, ..vs])
        Error(_) -> insert(acc, k, [v])
      }
      group_loop(key, rest, acc)
    }
  }
}
