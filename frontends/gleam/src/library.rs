//! The library: Gleam modules with the names, labels and types of
//! gleam_stdlib, gleam_erlang and gleam_otp (our own code), and the Erlang
//! FFI modules their `@external`s call.

macro_rules! lib {
    ($($module:literal => $file:literal),* $(,)?) => {
        /// (Gleam module name, file name, source).
        const GLEAM: &[(&str, &str, &str)] = &[
            $(($module, concat!($module, ".gleam"), include_str!(concat!("../lib/", $file)))),*
        ];
    };
}

lib! {
    "gleam/io" => "gleam/io.gleam",
    "gleam/int" => "gleam/int.gleam",
    "gleam/float" => "gleam/float.gleam",
    "gleam/string" => "gleam/string.gleam",
    "gleam/string_tree" => "gleam/string_tree.gleam",
    "gleam/list" => "gleam/list.gleam",
    "gleam/dict" => "gleam/dict.gleam",
    "gleam/set" => "gleam/set.gleam",
    "gleam/result" => "gleam/result.gleam",
    "gleam/option" => "gleam/option.gleam",
    "gleam/order" => "gleam/order.gleam",
    "gleam/pair" => "gleam/pair.gleam",
    "gleam/bool" => "gleam/bool.gleam",
    "gleam/function" => "gleam/function.gleam",
    "gleam/dynamic" => "gleam/dynamic.gleam",
    "gleam/dynamic/decode" => "gleam/dynamic/decode.gleam",
    "gleam/bit_array" => "gleam/bit_array.gleam",
    "gleam/bytes_tree" => "gleam/bytes_tree.gleam",
    "gleam/uri" => "gleam/uri.gleam",
    "gleam/erlang/process" => "gleam/erlang/process.gleam",
    "gleam/erlang/atom" => "gleam/erlang/atom.gleam",
    "gleam/erlang/charlist" => "gleam/erlang/charlist.gleam",
    "gleam/erlang/node" => "gleam/erlang/node.gleam",
    "gleam/otp/actor" => "gleam/otp/actor.gleam",
    "gleam/otp/supervision" => "gleam/otp/supervision.gleam",
    "gleam/otp/system" => "gleam/otp/system.gleam",
    "gleam/otp/static_supervisor" => "gleam/otp/static_supervisor.gleam",
    "gleam/otp/factory_supervisor" => "gleam/otp/factory_supervisor.gleam",
    "gleeunit" => "gleeunit.gleam",
    "gleeunit/should" => "gleeunit/should.gleam",
}

/// Erlang FFI modules: (module, file name, source).
const ERLANG: &[(&str, &str, &str)] = &[
    (
        "gleam_stdlib",
        "gleam_stdlib.erl",
        include_str!("../lib/gleam_stdlib.erl"),
    ),
    (
        "gleam_otp_ffi",
        "gleam_otp_ffi.erl",
        include_str!("../lib/gleam_otp_ffi.erl"),
    ),
    (
        "gleam_erlang_ffi",
        "gleam_erlang_ffi.erl",
        include_str!("../lib/gleam_erlang_ffi.erl"),
    ),
    // The gleeunit runner, also `eubeam test`'s driver for Gleam.
    (
        "eubeam_gleeunit",
        "eubeam_gleeunit.erl",
        include_str!("../lib/eubeam_gleeunit.erl"),
    ),
];

/// The source of a Gleam library module by its Gleam name.
pub fn gleam_source(module: &str) -> Option<(&'static str, &'static str)> {
    GLEAM
        .iter()
        .find(|(m, ..)| *m == module)
        .map(|(_, p, t)| (*p, *t))
}

/// The source of a library module by its Erlang name (`gleam@list`,
/// `gleam_stdlib`).
pub fn source_by_erlang_name(module: &str) -> Option<(&'static str, &'static str)> {
    if let Some((_, p, t)) = ERLANG.iter().find(|(m, ..)| *m == module) {
        return Some((p, t));
    }
    GLEAM
        .iter()
        .find(|(m, ..)| m.replace('/', "@") == module)
        .map(|(_, p, t)| (*p, *t))
}

/// `gleam/list.gleam` → `gleam/list` for library paths.
pub fn module_of_path(path: &str) -> Option<String> {
    GLEAM
        .iter()
        .find(|(_, p, _)| *p == path)
        .map(|(m, ..)| m.to_string())
}

/// Every Gleam library module.
pub fn modules() -> impl Iterator<Item = &'static str> {
    GLEAM.iter().map(|(m, ..)| *m)
}
