// Records: nested records, labelled arguments in any order, shorthand
// labels (`name:`), record update of nested fields, field access chains,
// patterns with labels and `..`, records in lists sorted by a field, and
// string.inspect of records. Expected output recorded from the equivalent
// Erlang program (tagged tuples, setelement, tests/gleam/oracle/records_nested.erl)
// run by `erl`.
import gleam/int
import gleam/io
import gleam/list
import gleam/string

pub type Address {
  Address(street: String, city: String, zip: Int)
}

pub type Person {
  Person(name: String, age: Int, address: Address, tags: List(String))
}

fn birthday(p: Person) -> Person {
  Person(..p, age: p.age + 1)
}

fn move(p: Person, city: String) -> Person {
  Person(..p, address: Address(..p.address, city:, street: "Main St 1"))
}

fn describe(p: Person) -> String {
  case p {
    Person(name:, age:, address: Address(city: "Oslo", ..), ..) ->
      name <> " (" <> int.to_string(age) <> ") lives in the capital"
    Person(name:, address: Address(city:, zip:, ..), tags: [first, ..], ..) ->
      name <> " lives in " <> city <> " " <> int.to_string(zip) <> ", first tag " <> first
    Person(name:, tags: [], ..) -> name <> " has no tags"
  }
}

pub fn main() {
  let home = Address(city: "Bergen", zip: 5003, street: "Bryggen 2")
  let ann = Person(tags: ["admin"], name: "Ann", address: home, age: 37)
  let name = "Bob"
  let age = 25
  let bob = Person(name:, age:, address: Address(..home, zip: 5006), tags: [])
  io.println(describe(ann))
  io.println(describe(bob))
  let ann2 = ann |> birthday |> birthday |> move("Oslo")
  io.println(describe(ann2))
  io.println(ann2.address.street <> ", " <> ann.address.street)
  io.println(string.inspect(ann2))
  io.println(string.inspect(bob.address))
  let people = [ann, bob, Person(..bob, name: "Cat", age: 30, tags: ["x", "y"])]
  people
  |> list.sort(fn(a, b) { int.compare(a.age, b.age) })
  |> list.map(fn(p) { p.name <> ":" <> int.to_string(p.age) })
  |> string.join(" ")
  |> io.println
  let total_tags = list.fold(people, 0, fn(acc, p) { acc + list.length(p.tags) })
  io.println(int.to_string(total_tags))
  io.println(string.inspect(ann == Person(..ann2, age: 37, address: home)))
}
