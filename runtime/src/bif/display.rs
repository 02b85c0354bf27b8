//! `erlang:display/1`: the runtime's own term printer (erts prints with
//! C's formatting, not io_lib's): floats as `%.6e` (`1.500000e+00`),
//! printable ASCII lists as `"..."`, printable binaries as `<<"...">>`,
//! map associations without spaces (`#{a=>1}`); everything else as `~w`.

use crate::term::printable::debug_string;
use crate::term::Term;

/// Whether a code point prints as itself inside a `"..."` string.
fn printable(c: i64) -> bool {
    (32..=126).contains(&c)
}

/// A flat list of printable characters, as its text.
fn as_string(t: Term) -> Option<String> {
    let mut s = String::new();
    let mut cur = t;
    while let Some((h, tl)) = cur.cons() {
        let c = h.as_int().filter(|&c| printable(c))?;
        s.push(char::from(c as u8));
        cur = tl;
    }
    (cur.is_nil() && !s.is_empty()).then_some(s)
}

/// `"` and `\` are escaped, as erts does.
fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        if ch == '"' || ch == '\\' {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('"');
}

/// C's `%.6e`: six decimals, exponent with a sign and at least two digits.
fn float_text(f: f64) -> String {
    let s = format!("{f:.6e}");
    match s.split_once('e') {
        Some((man, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            format!("{man}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

pub(super) fn display_text(t: Term, out: &mut String) {
    if let Some(f) = t.as_float() {
        out.push_str(&float_text(f));
    } else if let Some(s) = as_string(t) {
        push_quoted(out, &s);
    } else if t.is_cons() {
        out.push('[');
        let mut cur = t;
        let mut first = true;
        while let Some((h, tl)) = cur.cons() {
            if !first {
                out.push(',');
            }
            first = false;
            display_text(h, out);
            cur = tl;
        }
        if !cur.is_nil() {
            out.push('|');
            display_text(cur, out);
        }
        out.push(']');
    } else if let Some(tu) = t.tuple() {
        out.push('{');
        for (i, e) in tu.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            display_text(e, out);
        }
        out.push('}');
    } else if let Some(m) = t.map() {
        out.push_str("#{");
        for (i, (k, v)) in m.pairs().into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            display_text(k, out);
            out.push_str("=>");
            display_text(v, out);
        }
        out.push('}');
    } else if let Some(bytes) = t
        .binary_bytes()
        .filter(|b| !b.is_empty() && b.iter().all(|&x| printable(i64::from(x))))
    {
        out.push_str("<<");
        push_quoted(out, &String::from_utf8_lossy(&bytes));
        out.push_str(">>");
    } else {
        out.push_str(&debug_string(t));
    }
}
