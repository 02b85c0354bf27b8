//// Decoding Dynamic values into typed ones: the names, labels and types of
//// gleam_stdlib's gleam/dynamic/decode, written for this toolchain.
////
//// A decoder always produces a value (a placeholder when decoding failed)
//// together with the errors found, so that `field` can keep going and
//// report every failing field of a record in one run.

import gleam/dict.{type Dict}
import gleam/dynamic
import gleam/float
import gleam/int
import gleam/list
import gleam/option.{type Option, None, Some}

pub type Dynamic =
  dynamic.Dynamic

pub type DecodeError {
  DecodeError(expected: String, found: String, path: List(String))
}

pub opaque type Decoder(t) {
  Decoder(function: fn(Dynamic) -> #(t, List(DecodeError)))
}

pub fn run(data: Dynamic, decoder: Decoder(t)) -> Result(t, List(DecodeError)) {
  case decoder.function(data) {
    #(value, []) -> Ok(value)
    #(_, errors) -> Error(errors)
  }
}

pub fn success(data: t) -> Decoder(t) {
  Decoder(fn(_) { #(data, []) })
}

pub fn failure(placeholder: a, expected name: String) -> Decoder(a) {
  Decoder(fn(data) { #(placeholder, decode_error(name, data)) })
}

pub fn decode_error(
  expected expected: String,
  found found: Dynamic,
) -> List(DecodeError) {
  [DecodeError(expected:, found: dynamic.classify(found), path: [])]
}

pub fn new_primitive_decoder(
  name: String,
  decoding_function: fn(Dynamic) -> Result(t, t),
) -> Decoder(t) {
  Decoder(fn(data) { primitive(data, name, decoding_function) })
}

fn primitive(
  data: Dynamic,
  name: String,
  attempt: fn(Dynamic) -> Result(t, t),
) -> #(t, List(DecodeError)) {
  case attempt(data) {
    Ok(value) -> #(value, [])
    Error(placeholder) -> #(placeholder, decode_error(name, data))
  }
}

// ---------------------------------------------------------------- primitives

pub const string: Decoder(String) = Decoder(decode_string)

fn decode_string(data: Dynamic) -> #(String, List(DecodeError)) {
  primitive(data, "String", ffi_string)
}

@external(erlang, "gleam_stdlib", "decode_string")
fn ffi_string(data: Dynamic) -> Result(String, String)

pub const int: Decoder(Int) = Decoder(decode_int)

fn decode_int(data: Dynamic) -> #(Int, List(DecodeError)) {
  primitive(data, "Int", ffi_int)
}

@external(erlang, "gleam_stdlib", "decode_int")
fn ffi_int(data: Dynamic) -> Result(Int, Int)

pub const float: Decoder(Float) = Decoder(decode_float)

fn decode_float(data: Dynamic) -> #(Float, List(DecodeError)) {
  primitive(data, "Float", ffi_float)
}

@external(erlang, "gleam_stdlib", "decode_float")
fn ffi_float(data: Dynamic) -> Result(Float, Float)

pub const bool: Decoder(Bool) = Decoder(decode_bool)

fn decode_bool(data: Dynamic) -> #(Bool, List(DecodeError)) {
  primitive(data, "Bool", ffi_bool)
}

@external(erlang, "gleam_stdlib", "decode_bool")
fn ffi_bool(data: Dynamic) -> Result(Bool, Bool)

pub const bit_array: Decoder(BitArray) = Decoder(decode_bit_array)

fn decode_bit_array(data: Dynamic) -> #(BitArray, List(DecodeError)) {
  primitive(data, "BitArray", ffi_bit_array)
}

@external(erlang, "gleam_stdlib", "decode_bit_array")
fn ffi_bit_array(data: Dynamic) -> Result(BitArray, BitArray)

pub const dynamic: Decoder(Dynamic) = Decoder(decode_dynamic)

fn decode_dynamic(data: Dynamic) -> #(Dynamic, List(DecodeError)) {
  #(data, [])
}

// ----------------------------------------------------------------- fields

/// Decodes the value at `field_name` (a map key, or an index into a tuple
/// or list) and passes it to `next`; errors of both are kept.
pub fn field(
  field_name: name,
  field_decoder: Decoder(t),
  next: fn(t) -> Decoder(final),
) -> Decoder(final) {
  subfield([field_name], field_decoder, next)
}

pub fn subfield(
  field_path: List(name),
  field_decoder: Decoder(t),
  next: fn(t) -> Decoder(final),
) -> Decoder(final) {
  Decoder(fn(data) {
    let #(value, errors) = at(field_path, field_decoder).function(data)
    let #(out, more) = next(value).function(data)
    #(out, list.append(errors, more))
  })
}

/// A missing key gives `default`; a present one must decode.
pub fn optional_field(
  key: name,
  default: t,
  field_decoder: Decoder(t),
  next: fn(t) -> Decoder(final),
) -> Decoder(final) {
  Decoder(fn(data) {
    let #(value, errors) = case ffi_index(data, key) {
      Ok(Some(inner)) -> field_decoder.function(inner)
      Ok(None) -> #(default, [])
      Error(kind) -> #(default, [
        DecodeError(kind, dynamic.classify(data), []),
      ])
    }
    let errors = prefix_path(errors, [key])
    let #(out, more) = next(value).function(data)
    #(out, list.append(errors, more))
  })
}

pub fn at(path: List(segment), inner: Decoder(a)) -> Decoder(a) {
  Decoder(fn(data) { walk(path, [], inner, data, missing_field(inner)) })
}

pub fn optionally_at(
  path: List(segment),
  default: a,
  inner: Decoder(a),
) -> Decoder(a) {
  Decoder(fn(data) { walk(path, [], inner, data, fn(_, _) { #(default, []) }) })
}

fn missing_field(
  inner: Decoder(a),
) -> fn(Dynamic, List(segment)) -> #(a, List(DecodeError)) {
  fn(data, walked) {
    let #(placeholder, _) = inner.function(data)
    #(placeholder, prefix_path([DecodeError("Field", "Nothing", [])], walked))
  }
}

/// Follows `path` into `data`; `walked` is the path taken so far, most
/// recent first.
fn walk(
  path: List(segment),
  walked: List(segment),
  inner: Decoder(a),
  data: Dynamic,
  on_missing: fn(Dynamic, List(segment)) -> #(a, List(DecodeError)),
) -> #(a, List(DecodeError)) {
  case path {
    [] -> {
      let #(value, errors) = inner.function(data)
      #(value, prefix_path(errors, list.reverse(walked)))
    }
    [key, ..rest] ->
      case ffi_index(data, key) {
        Ok(Some(inner_data)) ->
          walk(rest, [key, ..walked], inner, inner_data, on_missing)
        Ok(None) -> on_missing(data, list.reverse([key, ..walked]))
        Error(kind) -> {
          let #(placeholder, _) = inner.function(data)
          let error = DecodeError(kind, dynamic.classify(data), [])
          #(placeholder, prefix_path([error], list.reverse(walked)))
        }
      }
  }
}

/// `Ok(Some(v))` when `key` is present, `Ok(None)` when the value can be
/// indexed but has no such key, `Error(kind)` when it cannot be indexed.
@external(erlang, "gleam_stdlib", "decode_index")
fn ffi_index(data: Dynamic, key: anything) -> Result(Option(Dynamic), String)

fn prefix_path(errors: List(DecodeError), path: List(key)) -> List(DecodeError) {
  let segments = list.map(path, fn(key) { segment_name(to_dynamic(key)) })
  list.map(errors, fn(error) {
    DecodeError(..error, path: list.append(segments, error.path))
  })
}

fn segment_name(key: Dynamic) -> String {
  case ffi_string(key), ffi_int(key), ffi_float(key) {
    Ok(s), _, _ -> s
    _, Ok(i), _ -> int.to_string(i)
    _, _, Ok(f) -> float.to_string(f)
    _, _, _ -> "<" <> dynamic.classify(key) <> ">"
  }
}

@external(erlang, "gleam_stdlib", "identity")
fn to_dynamic(a: anything) -> Dynamic

// ------------------------------------------------------------ collections

/// A list (or, on Erlang, a tuple); the first failing element stops the
/// decoding and its index is added to the error's path.
pub fn list(of inner: Decoder(a)) -> Decoder(List(a)) {
  Decoder(fn(data) {
    case ffi_list(data) {
      Ok(items) -> decode_items(items, inner, 0, [])
      Error(Nil) -> #([], decode_error("List", data))
    }
  })
}

fn decode_items(
  items: List(Dynamic),
  inner: Decoder(a),
  index: Int,
  acc: List(a),
) -> #(List(a), List(DecodeError)) {
  case items {
    [] -> #(list.reverse(acc), [])
    [item, ..rest] ->
      case inner.function(item) {
        #(value, []) -> decode_items(rest, inner, index + 1, [value, ..acc])
        #(_, errors) -> #([], prefix_path(errors, [index]))
      }
  }
}

@external(erlang, "gleam_stdlib", "decode_list")
fn ffi_list(data: Dynamic) -> Result(List(Dynamic), Nil)

/// A dict (an Erlang map); a failing key adds "keys" to the path, a
/// failing value adds its key.
pub fn dict(
  key: Decoder(key),
  value: Decoder(value),
) -> Decoder(Dict(key, value)) {
  Decoder(fn(data) {
    case ffi_dict(data) {
      Error(Nil) -> #(dict.new(), decode_error("Dict", data))
      Ok(entries) -> decode_entries(entries, key, value, dict.new())
    }
  })
}

fn decode_entries(
  entries: List(#(Dynamic, Dynamic)),
  key: Decoder(k),
  value: Decoder(v),
  acc: Dict(k, v),
) -> #(Dict(k, v), List(DecodeError)) {
  case entries {
    [] -> #(acc, [])
    [#(k, v), ..rest] ->
      case key.function(k) {
        #(_, [_, ..] as errors) -> #(dict.new(), prefix_path(errors, ["keys"]))
        #(decoded_key, []) ->
          case value.function(v) {
            #(_, [_, ..] as errors) -> #(
              dict.new(),
              prefix_path(errors, [segment_name(k)]),
            )
            #(decoded, []) ->
              decode_entries(rest, key, value, dict.insert(acc, decoded_key, decoded))
          }
      }
  }
}

@external(erlang, "gleam_stdlib", "decode_dict")
fn ffi_dict(data: Dynamic) -> Result(List(#(Dynamic, Dynamic)), Nil)

/// `Nil` (also Erlang's `undefined` and `null`) is `None`.
pub fn optional(inner: Decoder(a)) -> Decoder(Option(a)) {
  Decoder(fn(data) {
    case ffi_is_null(data) {
      True -> #(None, [])
      False -> {
        let #(value, errors) = inner.function(data)
        #(Some(value), errors)
      }
    }
  })
}

@external(erlang, "gleam_stdlib", "decode_is_null")
fn ffi_is_null(data: Dynamic) -> Bool

// ------------------------------------------------------------- combinators

pub fn map(decoder: Decoder(a), transformer: fn(a) -> b) -> Decoder(b) {
  Decoder(fn(data) {
    let #(value, errors) = decoder.function(data)
    #(transformer(value), errors)
  })
}

pub fn map_errors(
  decoder: Decoder(a),
  transformer: fn(List(DecodeError)) -> List(DecodeError),
) -> Decoder(a) {
  Decoder(fn(data) {
    let #(value, errors) = decoder.function(data)
    #(value, transformer(errors))
  })
}

/// Replaces every error with one naming `name` as expected.
pub fn collapse_errors(decoder: Decoder(a), name: String) -> Decoder(a) {
  Decoder(fn(data) {
    case decoder.function(data) {
      #(value, [_, ..]) -> #(value, decode_error(name, data))
      ok -> ok
    }
  })
}

/// Runs `next` on the decoded value; when the first decoder failed its
/// errors are the result's.
pub fn then(decoder: Decoder(a), next: fn(a) -> Decoder(b)) -> Decoder(b) {
  Decoder(fn(data) {
    let #(value, errors) = decoder.function(data)
    let #(out, more) = next(value).function(data)
    case errors {
      [] -> #(out, more)
      _ -> #(out, errors)
    }
  })
}

/// The first decoder that succeeds; when none does, the first one's errors.
pub fn one_of(
  first: Decoder(a),
  or alternatives: List(Decoder(a)),
) -> Decoder(a) {
  Decoder(fn(data) {
    case first.function(data) {
      #(_, []) as ok -> ok
      failed -> try_each(alternatives, data, failed)
    }
  })
}

fn try_each(
  decoders: List(Decoder(a)),
  data: Dynamic,
  failed: #(a, List(DecodeError)),
) -> #(a, List(DecodeError)) {
  case decoders {
    [] -> failed
    [decoder, ..rest] ->
      case decoder.function(data) {
        #(_, []) as ok -> ok
        _ -> try_each(rest, data, failed)
      }
  }
}

/// For recursive data: the decoder is built when first used.
pub fn recursive(inner: fn() -> Decoder(a)) -> Decoder(a) {
  Decoder(fn(data) { inner().function(data) })
}
