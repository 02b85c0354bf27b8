//// Sequences of bits (BitArray): the names, labels and types of
//// gleam_stdlib's gleam/bit_array, written for this toolchain. On Erlang a
//// BitArray is a bitstring, so most functions are Erlang BIFs or
//// gleam_stdlib FFI functions of ours.

import gleam/int
import gleam/order
import gleam/string

@external(erlang, "gleam_stdlib", "identity")
pub fn from_string(x: String) -> BitArray

@external(erlang, "erlang", "bit_size")
pub fn bit_size(x: BitArray) -> Int

@external(erlang, "erlang", "byte_size")
pub fn byte_size(x: BitArray) -> Int

@external(erlang, "gleam_stdlib", "bit_array_pad_to_bytes")
pub fn pad_to_bytes(x: BitArray) -> BitArray

pub fn append(to first: BitArray, suffix second: BitArray) -> BitArray {
  concat([first, second])
}

@external(erlang, "gleam_stdlib", "bit_array_slice")
pub fn slice(
  from string: BitArray,
  at position: Int,
  take length: Int,
) -> Result(BitArray, Nil)

pub fn is_utf8(bits: BitArray) -> Bool {
  case to_string(bits) {
    Ok(_) -> True
    Error(_) -> False
  }
}

@external(erlang, "gleam_stdlib", "string_from_bit_array")
pub fn to_string(bits: BitArray) -> Result(String, Nil)

@external(erlang, "gleam_stdlib", "bit_array_concat")
pub fn concat(bit_arrays: List(BitArray)) -> BitArray

@external(erlang, "gleam_stdlib", "base64_encode")
pub fn base64_encode(input: BitArray, padding: Bool) -> String

/// Padding is optional on input: missing `=` are added before decoding.
pub fn base64_decode(encoded: String) -> Result(BitArray, Nil) {
  let missing = byte_size(from_string(encoded)) % 4
  let padded = case missing {
    0 -> encoded
    n -> encoded <> string.repeat("=", 4 - n)
  }
  base64_decode_padded(padded)
}

@external(erlang, "gleam_stdlib", "base64_decode")
fn base64_decode_padded(encoded: String) -> Result(BitArray, Nil)

pub fn base64_url_encode(input: BitArray, padding: Bool) -> String {
  base64_encode(input, padding)
  |> string.replace("+", "-")
  |> string.replace("/", "_")
}

pub fn base64_url_decode(encoded: String) -> Result(BitArray, Nil) {
  encoded
  |> string.replace("-", "+")
  |> string.replace("_", "/")
  |> base64_decode
}

@external(erlang, "gleam_stdlib", "base16_encode")
pub fn base16_encode(input: BitArray) -> String

@external(erlang, "gleam_stdlib", "base16_decode")
pub fn base16_decode(input: String) -> Result(BitArray, Nil)

/// `<<1, 2, 3>>`; a trailing partial byte is shown with its size
/// (`<<1, 3:size(2)>>`).
pub fn inspect(input: BitArray) -> String {
  "<<" <> string.join(inspect_parts(input, []), ", ") <> ">>"
}

fn inspect_parts(input: BitArray, acc: List(String)) -> List(String) {
  case input {
    <<byte, rest:bits>> -> inspect_parts(rest, [int.to_string(byte), ..acc])
    <<>> -> reverse(acc, [])
    _ -> {
      let #(value, size) = bit_array_to_int_and_size(input)
      reverse(
        [int.to_string(value) <> ":size(" <> int.to_string(size) <> ")", ..acc],
        [],
      )
    }
  }
}

fn reverse(items: List(a), acc: List(a)) -> List(a) {
  case items {
    [] -> acc
    [x, ..rest] -> reverse(rest, [x, ..acc])
  }
}

/// Byte by byte; a bit array that is a prefix of the other is smaller.
pub fn compare(a: BitArray, with b: BitArray) -> order.Order {
  case a, b {
    <<x, a_rest:bits>>, <<y, b_rest:bits>> if x == y -> compare(a_rest, b_rest)
    <<x, _:bits>>, <<y, _:bits>> if x < y -> order.Lt
    <<_, _:bits>>, <<_, _:bits>> -> order.Gt
    <<>>, <<>> -> order.Eq
    _, <<>> -> order.Gt
    <<>>, _ -> order.Lt
    _, _ -> {
      let #(x, x_size) = bit_array_to_int_and_size(a)
      let #(y, y_size) = bit_array_to_int_and_size(b)
      case int.compare(x, y) {
        order.Eq -> int.compare(x_size, y_size)
        other -> other
      }
    }
  }
}

@external(erlang, "gleam_stdlib", "bit_array_to_int_and_size")
fn bit_array_to_int_and_size(a: BitArray) -> #(Int, Int)

@external(erlang, "gleam_stdlib", "bit_array_starts_with")
pub fn starts_with(bits: BitArray, prefix: BitArray) -> Bool
