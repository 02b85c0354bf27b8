import app/util
import gleam/list

pub opaque type Store {
  Store(items: List(#(String, Int)))
}

pub fn new() -> Store {
  Store([])
}

pub fn add(store: Store, name: String, count: Int) -> Store {
  Store([#(name, count), ..store.items])
}

pub fn total(store: Store) -> Int {
  list.fold(store.items, 0, fn(acc, item) { acc + util.double(item.1) / 2 })
}
