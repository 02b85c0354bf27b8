//! Tab completion in the Lua shell, as lua5.4 with readline: a name
//! completes to the standard globals and the shell's locals (`pr` →
//! `print`), `string.` to the library table's fields (`format`, `gsub`...).
//!
//! The tables below are what this implementation's `_G` and library tables
//! hold (listed by running `pairs` over them here, which is lua5.4's list
//! less the functions not supported yet). Globals a session assigns are not
//! offered: they live in the shell process's state, out of the line
//! editor's reach.

use eubeam_ir::{Candidate, Catalog};

const GLOBALS: &[&str] = &[
    "_G",
    "_VERSION",
    "arg",
    "assert",
    "collectgarbage",
    "coroutine",
    "debug",
    "dofile",
    "error",
    "getmetatable",
    "io",
    "ipairs",
    "load",
    "loadfile",
    "math",
    "next",
    "os",
    "package",
    "pairs",
    "pcall",
    "print",
    "rawequal",
    "rawget",
    "rawlen",
    "rawset",
    "require",
    "select",
    "setmetatable",
    "string",
    "table",
    "tonumber",
    "tostring",
    "type",
    "utf8",
    "xpcall",
];

const LIBRARIES: &[(&str, &[&str])] = &[
    (
        "string",
        &[
            "byte", "char", "dump", "find", "format", "gmatch", "gsub", "len", "lower", "match",
            "pack", "packsize", "rep", "reverse", "sub", "unpack", "upper",
        ],
    ),
    (
        "table",
        &[
            "concat", "insert", "move", "pack", "remove", "sort", "unpack",
        ],
    ),
    (
        "math",
        &[
            "abs",
            "acos",
            "asin",
            "atan",
            "ceil",
            "cos",
            "deg",
            "exp",
            "floor",
            "fmod",
            "huge",
            "log",
            "max",
            "maxinteger",
            "min",
            "mininteger",
            "modf",
            "pi",
            "rad",
            "random",
            "randomseed",
            "sin",
            "sqrt",
            "tan",
            "tointeger",
            "type",
            "ult",
        ],
    ),
    ("io", &["read", "stdout", "write"]),
    (
        "os",
        &[
            "clock", "date", "execute", "exit", "getenv", "remove", "rename", "time", "tmpname",
        ],
    ),
    (
        "coroutine",
        &[
            "close",
            "create",
            "isyieldable",
            "resume",
            "running",
            "status",
            "wrap",
            "yield",
        ],
    ),
    (
        "utf8",
        &["char", "charpattern", "codepoint", "codes", "len", "offset"],
    ),
];

/// Completes the name that ends at `pos` in `line`.
pub fn complete(line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    let start = name_start(before);
    let word = &before[start..];
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return (pos, Vec::new());
    }
    if let Some((table, field)) = word.split_once('.') {
        let Some((_, fields)) = LIBRARIES.iter().find(|(t, _)| *t == table) else {
            return (pos, Vec::new());
        };
        let candidates = fields
            .iter()
            .filter(|f| f.starts_with(field))
            .map(|f| Candidate::same(f.to_string()))
            .collect();
        return (start + table.len() + 1, candidates);
    }
    if word.is_empty() || word.contains(':') {
        return (pos, Vec::new());
    }
    let names: Vec<String> = GLOBALS
        .iter()
        .map(|g| g.to_string())
        .chain(catalog.bound())
        .filter(|n| n.starts_with(word))
        .collect();
    (start, Candidate::sorted_names(names))
}

/// Where the dotted name that ends `text` begins.
fn name_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':'))
        .last()
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;
    impl Catalog for Fake {
        fn modules(&self) -> Vec<String> {
            Vec::new()
        }
        fn functions(&self, _module: &str) -> Vec<(String, u32)> {
            Vec::new()
        }
        fn bound(&self) -> Vec<String> {
            vec!["prices".into()]
        }
    }

    fn reps(line: &str) -> (usize, Vec<String>) {
        let (s, c) = complete(line, line.len(), &Fake);
        (s, c.into_iter().map(|c| c.replacement).collect())
    }

    #[test]
    fn globals_locals_and_library_fields() {
        assert_eq!(reps("x = pr"), (4, vec!["prices".into(), "print".into()]));
        assert_eq!(reps("stri"), (0, vec!["string".into()]));
        assert_eq!(reps("string.fo"), (7, vec!["format".into()]));
        assert_eq!(reps("string.g"), (7, vec!["gmatch".into(), "gsub".into()]));
        assert_eq!(reps("nope.f").1, Vec::<String>::new());
        assert_eq!(reps("s:up").1, Vec::<String>::new());
        assert_eq!(reps("1.5").1, Vec::<String>::new());
    }
}
