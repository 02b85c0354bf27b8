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

pub fn sort(list: List(a), by compare: fn(a, a) -> Order) -> List(a) {
  case list {
    [] | [_] -> list
    _ -> {
      let #(left, right) = split_half(list, [], [])
      merge(sort(left, compare), sort(right, compare), compare, [])
    }
  }
}

fn split_half(list: List(a), left: List(a), right: List(a)) -> #(List(a), List(a)) {
  case list {
    [] -> #(left, right)
    [x] -> #([x, ..left], right)
    [x, y, ..rest] -> split_half(rest, [x, ..left], [y, ..right])
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

pub fn group(list: List(v), by key: fn(v) -> k) -> List(#(k, List(v))) {
  fold(reverse(list), [], fn(groups, v) {
    let k = key(v)
    case key_find(groups, k) {
      Ok(vs) -> map(groups, fn(g) {
        case g.0 == k {
          True -> #(k, [v, ..vs])
          False -> g
        }
      })
      Error(_) -> [#(k, [v]), ..groups]
    }
  })
}
