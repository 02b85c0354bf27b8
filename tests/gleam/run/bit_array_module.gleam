// gleam/bit_array: sizes, base64/base16, slices, UTF-8 checks, inspect,
// compare, starts_with. Expected output recorded from the equivalent Erlang
// program (tests/gleam/oracle/bit_array_module.erl, OTP base64/binary) run
// by `erl`.
import gleam/bit_array
import gleam/io
import gleam/string

pub fn main() {
  let b = bit_array.from_string("hello")
  io.println(string.inspect(bit_array.byte_size(b)))
  io.println(string.inspect(bit_array.bit_size(b)))
  io.println(bit_array.base64_encode(b, True))
  io.println(bit_array.base64_encode(<<"hi":utf8>>, True))
  io.println(bit_array.base64_encode(<<"hi":utf8>>, False))
  io.println(bit_array.base64_url_encode(<<251, 255>>, True))
  io.println(string.inspect(bit_array.base64_decode("aGk")))
  io.println(string.inspect(bit_array.base64_decode("aGVsbG8=")))
  io.println(string.inspect(bit_array.base64_decode("a*")))
  io.println(string.inspect(bit_array.base64_url_decode("-_8")))
  io.println(bit_array.base16_encode(<<1, 171, 255>>))
  io.println(string.inspect(bit_array.base16_decode("01abFF")))
  io.println(string.inspect(bit_array.base16_decode("0g")))
  io.println(string.inspect(bit_array.slice(b, 1, 3)))
  io.println(string.inspect(bit_array.slice(b, 5, -2)))
  io.println(string.inspect(bit_array.slice(b, 4, 3)))
  io.println(string.inspect(bit_array.to_string(<<104, 105>>)))
  io.println(string.inspect(bit_array.to_string(<<255>>)))
  io.println(string.inspect(bit_array.is_utf8(<<"é":utf8>>)))
  io.println(bit_array.inspect(<<1, 2, 3>>))
  io.println(bit_array.inspect(<<1, 3:size(2)>>))
  io.println(bit_array.inspect(bit_array.concat([<<1>>, <<2, 3>>, <<>>])))
  io.println(bit_array.inspect(bit_array.append(<<1>>, <<2>>)))
  io.println(string.inspect(bit_array.compare(<<1, 2>>, <<1, 3>>)))
  io.println(string.inspect(bit_array.compare(<<1, 2>>, <<1>>)))
  io.println(string.inspect(bit_array.compare(<<"ab":utf8>>, <<"ab":utf8>>)))
  io.println(string.inspect(bit_array.starts_with(b, <<"he":utf8>>)))
  io.println(string.inspect(bit_array.starts_with(b, <<"lo":utf8>>)))
  io.println(bit_array.inspect(bit_array.pad_to_bytes(<<1:size(3)>>)))
}
