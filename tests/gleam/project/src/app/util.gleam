import gleam/int

pub fn describe(n: Int) -> String {
  "total " <> int.to_string(n)
}

pub fn double(n: Int) -> Int {
  n * 2
}
