//! Atom quoting (`io_lib:write_atom/1`, `io_lib:quote_atom/2`).
//!
//! An atom is written bare when it is not a reserved word, starts with a
//! lowercase letter (`a..z`, or Latin-1 `ß..ÿ` except `÷`) and continues with
//! letters (`a..z`, `A..Z`, Latin-1 `À..ÿ` except `×` and `÷`), digits, `_` or
//! `@`. Everything else (`''`, `'Cap'`, `'a-b'`, `'hello world'`, `'case'`)
//! is written between single quotes with `io_lib:write_string/2` escapes.

use super::chars::{quoted, Escape};

/// The words `erl_scan:reserved_word/1` knows in OTP 25 with no feature
/// enabled (`maybe`/`else` only become keywords with the `maybe_expr`
/// feature, so they print bare).
const RESERVED: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
    "rem", "try", "when", "xor",
];

fn is_lower_start(c: char) -> bool {
    c.is_ascii_lowercase() || (('\u{df}'..='\u{ff}').contains(&c) && c != '\u{f7}')
}

fn is_name_char(c: char) -> bool {
    is_lower_start(c)
        || c.is_ascii_uppercase()
        || (('\u{c0}'..='\u{de}').contains(&c) && c != '\u{d7}')
        || c.is_ascii_digit()
        || c == '_'
        || c == '@'
}

/// Whether the atom named `name` must be quoted.
pub(super) fn needs_quotes(name: &str) -> bool {
    if RESERVED.contains(&name) {
        return true;
    }
    let mut cs = name.chars();
    match cs.next() {
        Some(c) if is_lower_start(c) => !cs.all(is_name_char),
        _ => true,
    }
}

/// The atom as written by `~w`/`~p` (`unicode == false`, code points above
/// 255 escaped as `\x{...}`) or by `~tw`/`~tp` (`unicode == true`).
pub(super) fn write_atom(name: &str, unicode: bool) -> String {
    if needs_quotes(name) {
        let esc = if unicode {
            Escape::Unicode
        } else {
            Escape::UnicodeAsLatin1
        };
        quoted(name.chars(), '\'', esc)
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        for a in ["ok", "a_b@c", "x9", "élan", "ßA", "maybe", "else"] {
            assert!(!needs_quotes(a), "{a}");
        }
        for a in [
            "",
            "Cap",
            "a-b",
            "hello world",
            "case",
            "end",
            "fun",
            "9x",
            "_x",
            "a÷",
            "÷",
        ] {
            assert!(needs_quotes(a), "{a}");
        }
        assert_eq!(write_atom("it's", false), "'it\\'s'");
        assert_eq!(write_atom("€", false), "'\\x{20AC}'");
        assert_eq!(write_atom("€", true), "'€'");
    }
}
