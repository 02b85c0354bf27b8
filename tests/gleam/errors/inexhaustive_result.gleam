// A case that forgets a variant; a plain let with a refutable pattern.
pub fn main() {
  let r: Result(Int, String) = Ok(1)
  case r {
    Ok(n) -> n
  }
  let [first, ..] = [1, 2]
  first
}
