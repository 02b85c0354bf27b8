// Records with labelled fields: construction with labels in any order,
// field access, record update `..r` of one and several fields, records
// inside records, and pattern matching with labels. Expected output
// recorded from the equivalent Erlang program (tagged tuples and
// setelement) run by `erl`.
import gleam/int
import gleam/io

pub type Address {
  Address(street: String, city: String)
}

pub type Person {
  Person(name: String, age: Int, address: Address, tags: List(String))
}

fn describe(p: Person) -> String {
  p.name
  <> " ("
  <> int.to_string(p.age)
  <> ") lives in "
  <> p.address.city
  <> " with "
  <> int.to_string(count(p.tags))
  <> " tags"
}

fn count(l: List(a)) -> Int {
  case l {
    [] -> 0
    [_, ..r] -> 1 + count(r)
  }
}

fn birthday(p: Person) -> Person {
  Person(..p, age: p.age + 1)
}

fn move(p: Person, city: String) -> Person {
  Person(..p, address: Address(..p.address, city: city), tags: ["moved", ..p.tags])
}

pub fn main() {
  let ann =
    Person(
      age: 36,
      name: "Ann",
      tags: [],
      address: Address(city: "Lyon", street: "Rue A"),
    )
  io.println(describe(ann))
  let older = birthday(ann)
  io.println(describe(older))
  let moved = move(older, "Oslo")
  io.println(describe(moved))
  io.println(moved.address.street)
  io.println(describe(ann))
  let Person(name: n, age: a, ..) = moved
  io.println(n <> " is " <> int.to_string(a))
  case moved {
    Person(address: Address(city: "Oslo", ..), ..) -> io.println("in Oslo")
    _ -> io.println("elsewhere")
  }
}
