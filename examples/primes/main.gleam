// Primes three ways: trial division, a quicksort of a scrambled list, and
// a sieve over a set of crossed-out numbers.
import gleam/int
import gleam/io
import gleam/list
import gleam/set.{type Set}
import gleam/string

fn isqrt(n: Int, k: Int) -> Int {
  case k * k > n {
    True -> k - 1
    False -> isqrt(n, k + 1)
  }
}

fn is_prime(n: Int) -> Bool {
  case n < 2 {
    True -> False
    False ->
      case isqrt(n, 1) < 2 {
        True -> True
        False -> list.all(list.range(2, isqrt(n, 1)), fn(d) { n % d != 0 })
      }
  }
}

fn qsort(xs: List(Int)) -> List(Int) {
  case xs {
    [] -> []
    [p, ..rest] ->
      list.flatten([
        qsort(list.filter(rest, fn(x) { x < p })),
        [p],
        qsort(list.filter(rest, fn(x) { x >= p })),
      ])
  }
}

fn cross(m: Int, p: Int, n: Int, acc: Set(Int)) -> Set(Int) {
  case m > n {
    True -> acc
    False -> cross(m + p, p, n, set.insert(acc, m))
  }
}

fn sieve(n: Int) -> List(Int) {
  let crossed =
    list.fold(list.range(2, isqrt(n, 1)), set.new(), fn(acc, p) {
      case set.contains(acc, p) {
        True -> acc
        False -> cross(p * p, p, n, acc)
      }
    })
  list.filter(list.range(2, n), fn(x) { !set.contains(crossed, x) })
}

fn ints(xs: List(Int)) -> String {
  "[" <> string.join(list.map(xs, int.to_string), ",") <> "]"
}

pub fn main() {
  let small = list.filter(list.range(1, 50), is_prime)
  io.println("primes below 50: " <> ints(small))
  let scrambled = list.map(list.range(1, 100), fn(x) { x * 37 % 101 })
  let sorted = qsort(scrambled)
  let assert Ok(last) = list.last(sorted)
  io.println(
    "sorted: first "
    <> ints(list.take(sorted, 5))
    <> ", last "
    <> int.to_string(last)
    <> ", same as lists:sort "
    <> string.lowercase(string.inspect(sorted == list.sort(scrambled, int.compare))),
  )
  let primes = sieve(20_000)
  let assert Ok(biggest) = list.last(primes)
  io.println(
    "primes up to 20000: "
    <> int.to_string(list.length(primes))
    <> ", the last "
    <> int.to_string(biggest),
  )
  let prime_set = set.from_list(primes)
  let twins =
    list.take(primes, 60)
    |> list.filter(fn(p) { set.contains(prime_set, p + 2) })
    |> list.map(fn(p) {
      "{" <> int.to_string(p) <> "," <> int.to_string(p + 2) <> "}"
    })
  io.println("twin primes: [" <> string.join(list.take(twins, 8), ",") <> "]")
}
