// A syntax error in one definition does not hide the next one's.
pub fn broken( {
  1
}

pub fn also_broken() {
  let = 2
}
