// Parsing a small binary protocol with bit array patterns: a header with
// a version byte, a 16-bit big-endian length, a flag bit and a 7-bit kind,
// then a length-prefixed UTF-8 string, a little-endian 32-bit integer, a
// 64-bit float and the rest as bytes; building the same packets with
// bit array expressions. Expected output recorded from the equivalent
// Erlang program (bit syntax, tests/gleam/oracle/binary_protocol.erl) run
// by `erl`.
import gleam/bit_array
import gleam/float
import gleam/int
import gleam/io
import gleam/list

pub type Packet {
  Text(urgent: Bool, body: String)
  Number(urgent: Bool, value: Int)
  Measure(urgent: Bool, value: Float)
  Raw(kind: Int, bytes: BitArray)
}

fn encode(p: Packet) -> BitArray {
  let #(kind, urgent, payload) = case p {
    Text(urgent, body) -> #(1, urgent, <<
      { bit_array.byte_size(<<body:utf8>>) }:8,
      body:utf8,
    >>)
    Number(urgent, value) -> #(2, urgent, <<value:32-little>>)
    Measure(urgent, value) -> #(3, urgent, <<value:float>>)
    Raw(kind, bytes) -> #(kind, False, bytes)
  }
  let flag = case urgent {
    True -> 1
    False -> 0
  }
  <<1, { bit_array.byte_size(payload) }:16, flag:1, kind:7, payload:bits>>
}

fn decode(bits: BitArray) -> Result(Packet, String) {
  case bits {
    <<1, len:16, flag:1, kind:7, payload:bytes-size(len)>> -> {
      let urgent = flag == 1
      case kind, payload {
        1, <<n:8, body:bytes-size(n)>> ->
          case bit_array.to_string(body) {
            Ok(s) -> Ok(Text(urgent, s))
            Error(Nil) -> Error("bad utf8")
          }
        2, <<value:32-little-signed>> -> Ok(Number(urgent, value))
        3, <<value:float>> -> Ok(Measure(urgent, value))
        _, _ -> Ok(Raw(kind, payload))
      }
    }
    <<version, _:bits>> if version != 1 ->
      Error("unknown version " <> int.to_string(version))
    _ -> Error("truncated")
  }
}

fn show(r: Result(Packet, String)) -> String {
  case r {
    Ok(Text(u, s)) -> "text " <> flag(u) <> " " <> s
    Ok(Number(u, n)) -> "number " <> flag(u) <> " " <> int.to_string(n)
    Ok(Measure(u, f)) -> "measure " <> flag(u) <> " " <> float.to_string(f)
    Ok(Raw(k, b)) -> "raw " <> int.to_string(k) <> " " <> bit_array.inspect(b)
    Error(e) -> "error: " <> e
  }
}

fn flag(b: Bool) -> String {
  case b {
    True -> "!"
    False -> "."
  }
}

pub fn main() {
  let packets = [
    Text(True, "héllo"),
    Number(False, -123_456),
    Measure(True, 2.5),
    Raw(9, <<1, 2, 3>>),
  ]
  list.each(packets, fn(p) {
    let bits = encode(p)
    io.println(bit_array.inspect(bits))
    io.println(show(decode(bits)))
  })
  io.println(show(decode(<<2, 0, 0, 0>>)))
  io.println(show(decode(<<1, 0, 9, 1, 2>>)))
  io.println(show(decode(<<1, 0, 2, 1, 1, 255>>)))
  let assert <<a:4, b:4, rest:bits>> = <<0xAB, 0xCD>>
  io.println(int.to_string(a) <> " " <> int.to_string(b) <> " " <> bit_array.inspect(rest))
}
