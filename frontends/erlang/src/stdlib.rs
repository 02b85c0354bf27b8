//! Library modules written in Erlang, compiled by the CLI's loader on first
//! use.

const LISTS: &str = include_str!("../lib/lists.erl");
const MAPS: &str = include_str!("../lib/maps.erl");

/// The source of a library module: `(file name, text)`.
pub fn stdlib_source(module: &str) -> Option<(&'static str, &'static str)> {
    match module {
        "lists" => Some(("lists.erl", LISTS)),
        "maps" => Some(("maps.erl", MAPS)),
        _ => None,
    }
}

/// Every library module this frontend ships.
pub fn stdlib_modules() -> &'static [&'static str] {
    &["lists", "maps"]
}
