import gleam/dict.{type Dict}
import gleam/list

pub opaque type Set(member) {
  Set(dict: Dict(member, Nil))
}

pub fn new() -> Set(member) {
  Set(dict.new())
}

pub fn size(set: Set(member)) -> Int {
  dict.size(set.dict)
}

pub fn is_empty(set: Set(member)) -> Bool {
  size(set) == 0
}

pub fn insert(into set: Set(member), this member: member) -> Set(member) {
  Set(dict: dict.insert(set.dict, member, Nil))
}

pub fn contains(in set: Set(member), this member: member) -> Bool {
  dict.has_key(set.dict, member)
}

pub fn delete(from set: Set(member), this member: member) -> Set(member) {
  Set(dict: dict.delete(set.dict, member))
}

pub fn to_list(set: Set(member)) -> List(member) {
  dict.keys(set.dict)
}

pub fn from_list(members: List(member)) -> Set(member) {
  list.fold(members, new(), fn(s, m) { insert(s, m) })
}

pub fn union(of first: Set(member), and second: Set(member)) -> Set(member) {
  list.fold(to_list(second), first, fn(s, m) { insert(s, m) })
}

pub fn intersection(of first: Set(member), and second: Set(member)) -> Set(member) {
  from_list(list.filter(to_list(first), fn(m) { contains(second, m) }))
}

pub fn fold(over set: Set(member), from initial: acc, with reducer: fn(acc, member) -> acc) -> acc {
  list.fold(to_list(set), initial, reducer)
}

pub fn difference(from first: Set(member), minus second: Set(member)) -> Set(member) {
  filter(first, fn(m) { !contains(second, m) })
}

pub fn is_subset(first: Set(member), of second: Set(member)) -> Bool {
  list.all(to_list(first), fn(m) { contains(second, m) })
}

pub fn is_disjoint(first: Set(member), from second: Set(member)) -> Bool {
  !list.any(to_list(first), fn(m) { contains(second, m) })
}

pub fn symmetric_difference(of first: Set(member), and second: Set(member)) -> Set(member) {
  union(difference(first, second), difference(second, first))
}

pub fn filter(in set: Set(member), keeping predicate: fn(member) -> Bool) -> Set(member) {
  from_list(list.filter(to_list(set), predicate))
}

pub fn map(set: Set(member), with fun: fn(member) -> mapped) -> Set(mapped) {
  from_list(list.map(to_list(set), fun))
}

pub fn drop(from set: Set(member), drop disallowed: List(member)) -> Set(member) {
  list.fold(disallowed, set, delete)
}

pub fn take(from set: Set(member), keeping desired: List(member)) -> Set(member) {
  from_list(list.filter(desired, fn(m) { contains(set, m) }))
}

pub fn each(set: Set(member), fun: fn(member) -> a) -> Nil {
  list.each(to_list(set), fun)
}
