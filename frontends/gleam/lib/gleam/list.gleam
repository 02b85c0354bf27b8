import gleam/dict.{type Dict}
import gleam/order.{type Order}

pub fn length(of list: List(a)) -> Int {
  length_loop(list, 0)
}

fn length_loop(list: List(a), count: Int) -> Int {
  case list {
    [_, ..rest] -> length_loop(rest, count + 1)
    [] -> count
  }
}

pub fn reverse(list: List(a)) -> List(a) {
  reverse_and_prepend(list, [])
}

fn reverse_and_prepend(list prefix: List(a), to suffix: List(a)) -> List(a) {
  case prefix {
    [] -> suffix
    [first, ..rest] -> reverse_and_prepend(rest, [first, ..suffix])
  }
}

pub fn is_empty(list: List(a)) -> Bool {
  list == []
}

pub fn contains(list: List(a), any elem: a) -> Bool {
  case list {
    [] -> False
    [first, ..] if first == elem -> True
    [_, ..rest] -> contains(rest, elem)
  }
}

pub fn first(list: List(a)) -> Result(a, Nil) {
  case list {
    [] -> Error(Nil)
    [x, ..] -> Ok(x)
  }
}

pub fn rest(list: List(a)) -> Result(List(a), Nil) {
  case list {
    [] -> Error(Nil)
    [_, ..rest] -> Ok(rest)
  }
}

pub fn last(list: List(a)) -> Result(a, Nil) {
  case list {
    [] -> Error(Nil)
    [x] -> Ok(x)
    [_, ..rest] -> last(rest)
  }
}

pub fn each(list: List(a), f: fn(a) -> b) -> Nil {
  case list {
    [] -> Nil
    [first, ..rest] -> {
      f(first)
      each(rest, f)
    }
  }
}

pub fn map(list: List(a), with fun: fn(a) -> b) -> List(b) {
  map_loop(list, fun, [])
}

fn map_loop(list: List(a), fun: fn(a) -> b, acc: List(b)) -> List(b) {
  case list {
    [] -> reverse(acc)
    [first, ..rest] -> map_loop(rest, fun, [fun(first), ..acc])
  }
}

pub fn index_map(list: List(a), with fun: fn(a, Int) -> b) -> List(b) {
  index_map_loop(list, fun, 0, [])
}

fn index_map_loop(list: List(a), fun: fn(a, Int) -> b, index: Int, acc: List(b)) -> List(b) {
  case list {
    [] -> reverse(acc)
    [first, ..rest] -> index_map_loop(rest, fun, index + 1, [fun(first, index), ..acc])
  }
}

pub fn filter(list: List(a), keeping predicate: fn(a) -> Bool) -> List(a) {
  filter_loop(list, predicate, [])
}

fn filter_loop(list: List(a), fun: fn(a) -> Bool, acc: List(a)) -> List(a) {
  case list {
    [] -> reverse(acc)
    [first, ..rest] ->
      case fun(first) {
        True -> filter_loop(rest, fun, [first, ..acc])
        False -> filter_loop(rest, fun, acc)
      }
  }
}

pub fn filter_map(list: List(a), with fun: fn(a) -> Result(b, e)) -> List(b) {
  filter_map_loop(list, fun, [])
}

fn filter_map_loop(list: List(a), fun: fn(a) -> Result(b, e), acc: List(b)) -> List(b) {
  case list {
    [] -> reverse(acc)
    [first, ..rest] ->
      case fun(first) {
        Ok(x) -> filter_map_loop(rest, fun, [x, ..acc])
        Error(_) -> filter_map_loop(rest, fun, acc)
      }
  }
}

pub fn fold(over list: List(a), from initial: acc, with fun: fn(acc, a) -> acc) -> acc {
  case list {
    [] -> initial
    [first, ..rest] -> fold(rest, fun(initial, first), fun)
  }
}

pub fn fold_right(over list: List(a), from initial: acc, with fun: fn(acc, a) -> acc) -> acc {
  case list {
    [] -> initial
    [first, ..rest] -> fun(fold_right(rest, initial, fun), first)
  }
}

pub fn index_fold(over list: List(a), from initial: acc, with fun: fn(acc, a, Int) -> acc) -> acc {
  index_fold_loop(list, initial, fun, 0)
}

fn index_fold_loop(list: List(a), acc: acc, with fun: fn(acc, a, Int) -> acc, at index: Int) -> acc {
  case list {
    [] -> acc
    [first, ..rest] -> index_fold_loop(rest, fun(acc, first, index), fun, index + 1)
  }
}

pub fn reduce(over list: List(a), with fun: fn(a, a) -> a) -> Result(a, Nil) {
  case list {
    [] -> Error(Nil)
    [first, ..rest] -> Ok(fold(rest, first, fun))
  }
}

pub fn try_map(over list: List(a), with fun: fn(a) -> Result(b, e)) -> Result(List(b), e) {
  try_map_loop(list, fun, [])
}

fn try_map_loop(list: List(a), fun: fn(a) -> Result(b, e), acc: List(b)) -> Result(List(b), e) {
  case list {
    [] -> Ok(reverse(acc))
    [first, ..rest] ->
      case fun(first) {
        Ok(x) -> try_map_loop(rest, fun, [x, ..acc])
        Error(error) -> Error(error)
      }
  }
}

pub fn find(in list: List(a), one_that is_desired: fn(a) -> Bool) -> Result(a, Nil) {
  case list {
    [] -> Error(Nil)
    [first, ..rest] ->
      case is_desired(first) {
        True -> Ok(first)
        False -> find(rest, is_desired)
      }
  }
}

pub fn find_map(in list: List(a), with fun: fn(a) -> Result(b, c)) -> Result(b, Nil) {
  case list {
    [] -> Error(Nil)
    [first, ..rest] ->
      case fun(first) {
        Ok(x) -> Ok(x)
        Error(_) -> find_map(rest, fun)
      }
  }
}

pub fn all(in list: List(a), satisfying predicate: fn(a) -> Bool) -> Bool {
  case list {
    [] -> True
    [first, ..rest] ->
      case predicate(first) {
        True -> all(rest, predicate)
        False -> False
      }
  }
}

pub fn any(in list: List(a), satisfying predicate: fn(a) -> Bool) -> Bool {
  case list {
    [] -> False
    [first, ..rest] ->
      case predicate(first) {
        True -> True
        False -> any(rest, predicate)
      }
  }
}

pub fn append(first: List(a), second: List(a)) -> List(a) {
  reverse_and_prepend(reverse(first), second)
}

pub fn prepend(to list: List(a), this item: a) -> List(a) {
  [item, ..list]
}

pub fn flatten(lists: List(List(a))) -> List(a) {
  flatten_loop(lists, [])
}

fn flatten_loop(lists: List(List(a)), acc: List(a)) -> List(a) {
  case lists {
    [] -> reverse(acc)
    [list, ..further_lists] -> flatten_loop(further_lists, reverse_and_prepend(list, acc))
  }
}

pub fn flat_map(over list: List(a), with fun: fn(a) -> List(b)) -> List(b) {
  flatten(map(list, fun))
}

pub fn concat(lists: List(List(a))) -> List(a) {
  flatten(lists)
}

pub fn take(from list: List(a), up_to n: Int) -> List(a) {
  take_loop(list, n, [])
}

fn take_loop(list: List(a), n: Int, acc: List(a)) -> List(a) {
  case n <= 0 {
    True -> reverse(acc)
    False ->
      case list {
        [] -> reverse(acc)
        [first, ..rest] -> take_loop(rest, n - 1, [first, ..acc])
      }
  }
}

pub fn drop(from list: List(a), up_to n: Int) -> List(a) {
  case n <= 0 {
    True -> list
    False ->
      case list {
        [] -> []
        [_, ..rest] -> drop(rest, n - 1)
      }
  }
}

pub fn range(from start: Int, to stop: Int) -> List(Int) {
  range_loop(start, stop, [])
}

fn range_loop(start: Int, stop: Int, acc: List(Int)) -> List(Int) {
  case int_compare(start, stop) {
    order.Eq -> [stop, ..acc]
    order.Gt -> range_loop(start, stop + 1, [stop, ..acc])
    order.Lt -> range_loop(start, stop - 1, [stop, ..acc])
  }
}

fn int_compare(a: Int, b: Int) -> Order {
  case a == b {
    True -> order.Eq
    False ->
      case a < b {
        True -> order.Lt
        False -> order.Gt
      }
  }
}

pub fn repeat(item a: a, times times: Int) -> List(a) {
  repeat_loop(a, times, [])
}

fn repeat_loop(item: a, times: Int, acc: List(a)) -> List(a) {
  case times <= 0 {
    True -> acc
    False -> repeat_loop(item, times - 1, [item, ..acc])
  }
}

pub fn zip(list: List(a), with other: List(b)) -> List(#(a, b)) {
  zip_loop(list, other, [])
}

fn zip_loop(one: List(a), other: List(b), acc: List(#(a, b))) -> List(#(a, b)) {
  case one, other {
    [first_one, ..rest_one], [first_other, ..rest_other] ->
      zip_loop(rest_one, rest_other, [#(first_one, first_other), ..acc])
    _, _ -> reverse(acc)
  }
}

pub fn unzip(input: List(#(a, b))) -> #(List(a), List(b)) {
  unzip_loop(input, [], [])
}

fn unzip_loop(input: List(#(a, b)), one: List(a), other: List(b)) -> #(List(a), List(b)) {
  case input {
    [] -> #(reverse(one), reverse(other))
    [#(first_one, first_other), ..rest] -> unzip_loop(rest, [first_one, ..one], [first_other, ..other])
  }
}

pub fn intersperse(list: List(a), with elem: a) -> List(a) {
  case list {
    [] | [_] -> list
    [first, ..rest] -> intersperse_loop(rest, elem, [first])
  }
}

fn intersperse_loop(list: List(a), separator: a, acc: List(a)) -> List(a) {
  case list {
    [] -> reverse(acc)
    [first, ..rest] -> intersperse_loop(rest, separator, [first, separator, ..acc])
  }
}

pub fn unique(list: List(a)) -> List(a) {
  unique_loop(list, [])
}

fn unique_loop(list: List(a), seen: List(a)) -> List(a) {
  case list {
    [] -> reverse(seen)
    [first, ..rest] ->
      case contains(seen, first) {
        True -> unique_loop(rest, seen)
        False -> unique_loop(rest, [first, ..seen])
      }
  }
}

/// A stable merge sort: equal elements keep their order.
pub fn sort(list: List(a), by compare: fn(a, a) -> Order) -> List(a) {
  sort_n(list, length(list), compare)
}

fn sort_n(list: List(a), n: Int, compare: fn(a, a) -> Order) -> List(a) {
  case n < 2 {
    True -> list
    False -> {
      // The halves stay contiguous, the first half first, for stability.
      let half = n / 2
      let #(left, right) = split(list, half)
      merge(sort_n(left, half, compare), sort_n(right, n - half, compare), compare, [])
    }
  }
}

fn merge(a: List(a), b: List(a), compare: fn(a, a) -> Order, acc: List(a)) -> List(a) {
  case a, b {
    [], _ -> reverse_and_prepend(acc, b)
    _, [] -> reverse_and_prepend(acc, a)
    [x, ..xs], [y, ..ys] ->
      case compare(x, y) {
        order.Gt -> merge(a, ys, compare, [y, ..acc])
        _ -> merge(xs, b, compare, [x, ..acc])
      }
  }
}

pub fn partition(list: List(a), with categorise: fn(a) -> Bool) -> #(List(a), List(a)) {
  partition_loop(list, categorise, [], [])
}

fn partition_loop(list: List(a), categorise: fn(a) -> Bool, trues: List(a), falses: List(a)) -> #(List(a), List(a)) {
  case list {
    [] -> #(reverse(trues), reverse(falses))
    [first, ..rest] ->
      case categorise(first) {
        True -> partition_loop(rest, categorise, [first, ..trues], falses)
        False -> partition_loop(rest, categorise, trues, [first, ..falses])
      }
  }
}

pub fn key_find(in keyword_list: List(#(k, v)), find desired_key: k) -> Result(v, Nil) {
  find_map(keyword_list, fn(keyword) {
    let #(key, value) = keyword
    case key == desired_key {
      True -> Ok(value)
      False -> Error(Nil)
    }
  })
}

pub fn count(list: List(a), where predicate: fn(a) -> Bool) -> Int {
  fold(list, 0, fn(acc, value) {
    case predicate(value) {
      True -> acc + 1
      False -> acc
    }
  })
}

pub fn max(over list: List(a), with compare: fn(a, a) -> Order) -> Result(a, Nil) {
  reduce(list, fn(acc, other) {
    case compare(acc, other) {
      order.Lt -> other
      _ -> acc
    }
  })
}

pub fn sized_chunk(in list: List(a), into count: Int) -> List(List(a)) {
  case list {
    [] -> []
    _ -> [take(list, count), ..sized_chunk(drop(list, count), count)]
  }
}

pub fn window_by_2(list: List(a)) -> List(#(a, a)) {
  zip(list, drop(list, 1))
}

pub fn split(list list: List(a), at index: Int) -> #(List(a), List(a)) {
  #(take(list, index), drop(list, index))
}

pub fn each_index(list: List(a), f: fn(a, Int) -> b) -> Nil {
  index_fold(list, Nil, fn(_, x, i) {
    f(x, i)
    Nil
  })
}

/// The elements grouped by `key`, each group with the later elements
/// first (as gleam_stdlib builds them).
pub fn group(list: List(v), by key: fn(v) -> k) -> Dict(k, List(v)) {
  dict.group(key, list)
}

/// What a `fold_until` callback returns: go on with the accumulator, or
/// stop with it.
pub type ContinueOrStop(a) {
  Continue(a)
  Stop(a)
}

pub fn new() -> List(a) {
  []
}

pub fn wrap(item: a) -> List(a) {
  [item]
}

/// `fun` applied to the elements of both lists pairwise, as far as the
/// shorter goes.
pub fn map2(list1: List(a), list2: List(b), with fun: fn(a, b) -> c) -> List(c) {
  map2_loop(list1, list2, fun, [])
}

fn map2_loop(list1: List(a), list2: List(b), fun: fn(a, b) -> c, acc: List(c)) -> List(c) {
  case list1, list2 {
    [a, ..as_], [b, ..bs] -> map2_loop(as_, bs, fun, [fun(a, b), ..acc])
    _, _ -> reverse(acc)
  }
}

/// `map` and `fold` in one pass: the final accumulator and the mapped list.
pub fn map_fold(
  over list: List(a),
  from initial: acc,
  with fun: fn(acc, a) -> #(acc, b),
) -> #(acc, List(b)) {
  map_fold_loop(list, initial, fun, [])
}

fn map_fold_loop(
  list: List(a),
  acc: acc,
  fun: fn(acc, a) -> #(acc, b),
  mapped: List(b),
) -> #(acc, List(b)) {
  case list {
    [] -> #(acc, reverse(mapped))
    [x, ..rest] -> {
      let #(acc, y) = fun(acc, x)
      map_fold_loop(rest, acc, fun, [y, ..mapped])
    }
  }
}

/// A fold that stops at the first `Error`.
pub fn try_fold(
  over list: List(a),
  from initial: acc,
  with fun: fn(acc, a) -> Result(acc, e),
) -> Result(acc, e) {
  case list {
    [] -> Ok(initial)
    [x, ..rest] ->
      case fun(initial, x) {
        Ok(acc) -> try_fold(rest, acc, fun)
        Error(e) -> Error(e)
      }
  }
}

/// A fold that ends early when the callback returns `Stop`.
pub fn fold_until(
  over list: List(a),
  from initial: acc,
  with fun: fn(acc, a) -> ContinueOrStop(acc),
) -> acc {
  case list {
    [] -> initial
    [x, ..rest] ->
      case fun(initial, x) {
        Continue(acc) -> fold_until(rest, acc, fun)
        Stop(acc) -> acc
      }
  }
}

/// `zip`, or `Error(Nil)` when the lists' lengths differ.
pub fn strict_zip(list: List(a), with other: List(b)) -> Result(List(#(a, b)), Nil) {
  strict_zip_loop(list, other, [])
}

fn strict_zip_loop(
  list: List(a),
  other: List(b),
  acc: List(#(a, b)),
) -> Result(List(#(a, b)), Nil) {
  case list, other {
    [], [] -> Ok(reverse(acc))
    [a, ..as_], [b, ..bs] -> strict_zip_loop(as_, bs, [#(a, b), ..acc])
    _, _ -> Error(Nil)
  }
}

/// The longest prefix satisfying `predicate`, and the rest.
pub fn split_while(
  list list: List(a),
  satisfying predicate: fn(a) -> Bool,
) -> #(List(a), List(a)) {
  split_while_loop(list, predicate, [])
}

fn split_while_loop(
  list: List(a),
  predicate: fn(a) -> Bool,
  acc: List(a),
) -> #(List(a), List(a)) {
  case list {
    [x, ..rest] ->
      case predicate(x) {
        True -> split_while_loop(rest, predicate, [x, ..acc])
        False -> #(reverse(acc), list)
      }
    [] -> #(reverse(acc), [])
  }
}

/// Every value paired with `desired_key`, in order.
pub fn key_filter(in keyword_list: List(#(k, v)), find desired_key: k) -> List(v) {
  filter_map(keyword_list, fn(pair) {
    case pair.0 == desired_key {
      True -> Ok(pair.1)
      False -> Error(Nil)
    }
  })
}

/// The first value under `key` and the list without that pair.
pub fn key_pop(list: List(#(k, v)), key: k) -> Result(#(v, List(#(k, v))), Nil) {
  key_pop_loop(list, key, [])
}

fn key_pop_loop(
  list: List(#(k, v)),
  key: k,
  checked: List(#(k, v)),
) -> Result(#(v, List(#(k, v))), Nil) {
  case list {
    [] -> Error(Nil)
    [#(k, v), ..rest] if k == key -> Ok(#(v, append(reverse(checked), rest)))
    [pair, ..rest] -> key_pop_loop(rest, key, [pair, ..checked])
  }
}

/// The list with the first pair under `key` given `value`, or the pair
/// added at the end.
pub fn key_set(list: List(#(k, v)), key: k, value: v) -> List(#(k, v)) {
  key_set_loop(list, key, value, [])
}

fn key_set_loop(
  list: List(#(k, v)),
  key: k,
  value: v,
  checked: List(#(k, v)),
) -> List(#(k, v)) {
  case list {
    [] -> reverse([#(key, value), ..checked])
    [#(k, _), ..rest] if k == key -> append(reverse(checked), [#(k, value), ..rest])
    [pair, ..rest] -> key_set_loop(rest, key, value, [pair, ..checked])
  }
}

/// Calls `fun` on each element until one returns an `Error`.
pub fn try_each(over list: List(a), with fun: fn(a) -> Result(b, e)) -> Result(Nil, e) {
  case list {
    [] -> Ok(Nil)
    [x, ..rest] ->
      case fun(x) {
        Ok(_) -> try_each(rest, fun)
        Error(e) -> Error(e)
      }
  }
}

/// Every ordering of the elements (equal elements at different positions
/// count as different).
pub fn permutations(list: List(a)) -> List(List(a)) {
  case list {
    [] -> [[]]
    _ ->
      index_map(list, fn(x, i) {
        let rest = without_index(list, i, 0, [])
        map(permutations(rest), fn(perm) { [x, ..perm] })
      })
      |> flatten
  }
}

fn without_index(list: List(a), index: Int, at: Int, acc: List(a)) -> List(a) {
  case list {
    [] -> reverse(acc)
    [x, ..rest] ->
      case at == index {
        True -> append(reverse(acc), rest)
        False -> without_index(rest, index, at + 1, [x, ..acc])
      }
  }
}

/// Every run of `n` consecutive elements.
pub fn window(list: List(a), by n: Int) -> List(List(a)) {
  case n <= 0 {
    True -> []
    False -> window_loop(list, n, length(list), [])
  }
}

fn window_loop(list: List(a), n: Int, len: Int, acc: List(List(a))) -> List(List(a)) {
  case len < n {
    True -> reverse(acc)
    False ->
      case list {
        [] -> reverse(acc)
        [_, ..rest] -> window_loop(rest, n, len - 1, [take(list, n), ..acc])
      }
  }
}

/// The list after its longest prefix satisfying `predicate`.
pub fn drop_while(in list: List(a), satisfying predicate: fn(a) -> Bool) -> List(a) {
  case list {
    [] -> []
    [x, ..rest] ->
      case predicate(x) {
        True -> drop_while(rest, predicate)
        False -> list
      }
  }
}

/// The longest prefix satisfying `predicate`.
pub fn take_while(in list: List(a), satisfying predicate: fn(a) -> Bool) -> List(a) {
  split_while(list, predicate).0
}

/// Runs of consecutive elements with the same key.
pub fn chunk(in list: List(a), by f: fn(a) -> k) -> List(List(a)) {
  case list {
    [] -> []
    [first, ..rest] -> chunk_loop(rest, f, f(first), [first], [])
  }
}

fn chunk_loop(
  list: List(a),
  f: fn(a) -> k,
  key: k,
  current: List(a),
  acc: List(List(a)),
) -> List(List(a)) {
  case list {
    [] -> reverse([reverse(current), ..acc])
    [x, ..rest] -> {
      let k = f(x)
      case k == key {
        True -> chunk_loop(rest, f, key, [x, ..current], acc)
        False -> chunk_loop(rest, f, k, [x], [reverse(current), ..acc])
      }
    }
  }
}

/// Every intermediate accumulator of a fold.
pub fn scan(over list: List(a), from initial: acc, with fun: fn(acc, a) -> acc) -> List(acc) {
  scan_loop(list, initial, fun, [])
}

fn scan_loop(list: List(a), acc: acc, fun: fn(acc, a) -> acc, out: List(acc)) -> List(acc) {
  case list {
    [] -> reverse(out)
    [x, ..rest] -> {
      let acc = fun(acc, x)
      scan_loop(rest, acc, fun, [acc, ..out])
    }
  }
}

/// Every choice of `n` elements, in the list's order.
pub fn combinations(items: List(a), by n: Int) -> List(List(a)) {
  case n, items {
    0, _ -> [[]]
    _, [] -> []
    _, [first, ..rest] ->
      append(
        map(combinations(rest, n - 1), fn(c) { [first, ..c] }),
        combinations(rest, n),
      )
  }
}

/// Every pair of elements, in the list's order.
pub fn combination_pairs(items: List(a)) -> List(#(a, a)) {
  case items {
    [] -> []
    [first, ..rest] -> append(map(rest, fn(x) { #(first, x) }), combination_pairs(rest))
  }
}

/// The first elements of each list, then the second ones, and so on.
pub fn interleave(list: List(List(a))) -> List(a) {
  flatten(transpose(list))
}

/// Rows become columns; shorter rows are skipped where they end.
pub fn transpose(list_of_lists: List(List(a))) -> List(List(a)) {
  let rows = filter(list_of_lists, fn(row) { row != [] })
  case rows {
    [] -> []
    _ -> {
      let heads = filter_map(rows, first)
      let tails = map(rows, fn(row) { drop(row, 1) })
      [heads, ..transpose(tails)]
    }
  }
}

/// The elements in a random order.
pub fn shuffle(list: List(a)) -> List(a) {
  list
  |> map(fn(x) { #(random_float(), x) })
  |> sort(fn(a, b) { float_compare(a.0, b.0) })
  |> map(fn(pair) { pair.1 })
}

/// Up to `n` elements chosen at random (reservoir sampling), in the
/// list's order.
pub fn sample(from list: List(a), up_to n: Int) -> List(a) {
  case n <= 0 {
    True -> []
    False -> {
      let indexed = index_map(list, fn(x, i) { #(i, x) })
      let #(reservoir, rest) = split(indexed, n)
      let reservoir = sample_loop(rest, n, n, reservoir)
      reservoir
      |> sort(fn(a, b) { int_compare(a.0, b.0) })
      |> map(fn(pair) { pair.1 })
    }
  }
}

fn sample_loop(
  list: List(#(Int, a)),
  n: Int,
  seen: Int,
  reservoir: List(#(Int, a)),
) -> List(#(Int, a)) {
  case list {
    [] -> reservoir
    [x, ..rest] -> {
      let j = random_int(seen + 1)
      let reservoir = case j < n {
        True -> replace_at(reservoir, j, x)
        False -> reservoir
      }
      sample_loop(rest, n, seen + 1, reservoir)
    }
  }
}

fn replace_at(list: List(a), index: Int, item: a) -> List(a) {
  index_map(list, fn(x, i) {
    case i == index {
      True -> item
      False -> x
    }
  })
}

@external(erlang, "rand", "uniform")
fn random_float() -> Float

/// A random integer in 0..max-1.
fn random_int(max: Int) -> Int {
  uniform_int(max) - 1
}

@external(erlang, "rand", "uniform")
fn uniform_int(max: Int) -> Int

fn float_compare(a: Float, b: Float) -> Order {
  case a <. b {
    True -> order.Lt
    False ->
      case a == b {
        True -> order.Eq
        False -> order.Gt
      }
  }
}
