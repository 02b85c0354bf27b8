// Int and Float arithmetic: division and remainder by zero are 0 in Gleam,
// integer division truncates, float formatting. Expected output derived
// from Gleam's documented semantics (erl: 7 div 2 = 3, -7 div 2 = -3,
// -7 rem 2 = -1).
import gleam/float
import gleam/int
import gleam/io

pub fn main() {
  io.println(int.to_string(7 / 2))
  io.println(int.to_string(-7 / 2))
  io.println(int.to_string(-7 % 2))
  io.println(int.to_string(5 / 0))
  io.println(int.to_string(5 % 0))
  io.println(float.to_string(1.5 +. 2.25))
  io.println(float.to_string(1.0 /. 0.0))
  io.println(float.to_string(int.to_float(3) *. 0.5))
  io.println(int.to_string(float.round(2.5)))
  io.println(int.to_string(float.truncate(-2.7)))
  io.println(int.to_string(1_000_000 * 1_000_000 * 1_000_000))
  io.println(int.to_string(0xFF + 0b101 + 0o17))
  io.println(int.to_string(int.max(3, 9)))
  io.println(float.to_string(-1.5))
}
