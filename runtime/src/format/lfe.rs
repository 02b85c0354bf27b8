//! Terms printed as LFE prints them (`lfe_io_write`, `lfe_io_pretty`,
//! `lfe_io_format` of LFE 2.x).
//!
//! - [`write`] is `lfe_io:print1/1` (`~w` in `lfe_io:format`): lists as
//!   `(1 2 3)` (never as strings), improper tails as `(a . b)`, tuples as
//!   `#(a b)`, binaries as `#B(1 2 3)`, maps as `#M(k v)`, pids as
//!   `#Pid<0.80.0>`, symbols bare unless they need `|quoting|`.
//! - [`pretty`] is `lfe_io:prettyprint1/1` (`~p`): as `write`, but printable
//!   lists print as `"strings"`, printable UTF-8 binaries as `#"binaries"`,
//!   and `(quote x)` as `'x`. LFE breaks long terms over lines at 80
//!   columns; this printer keeps every term on one line (not yet done).
//! - [`format`] is `lfe_io:format/2`: `~p`/`~P`/`~w`/`~W` use the printers
//!   above; every other control sequence is Erlang's (`super::format`).

use super::{FormatError, PTerm};

/// `lfe_scan:symbol_char/1`.
fn symbol_char(c: char) -> bool {
    !matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | '"' | ';')
        && ((c > ' ' && c <= '~') || u32::from(c) > 0xA0)
}

/// `lfe_scan:start_symbol_char/1`.
fn start_symbol_char(c: char) -> bool {
    !matches!(c, '#' | '`' | '\'' | ',' | '|') && symbol_char(c)
}

/// Whether a symbol prints as `|name|` (`lfe_io_write:quote_symbol/2`):
/// `.`, the empty name, anything that reads as a number, or characters a
/// bare symbol cannot have.
fn needs_quoting(name: &str) -> bool {
    let mut cs = name.chars();
    let Some(first) = cs.next() else {
        return true;
    };
    if name == "." || reads_as_number(name) {
        return true;
    }
    !(start_symbol_char(first) && cs.all(symbol_char))
}

/// `list_to_integer/1` or `list_to_float/1` would accept it.
fn reads_as_number(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if digits(body) {
        return true;
    }
    let Some((int, rest)) = body.split_once('.') else {
        return false;
    };
    if !digits(int) {
        return false;
    }
    match rest.split_once(['e', 'E']) {
        None => digits(rest),
        Some((frac, exp)) => digits(frac) && digits(exp.strip_prefix(['+', '-']).unwrap_or(exp)),
    }
}

/// `lfe_io_write:string/2`: the characters between `q`s with LFE's escapes.
fn string(cs: impl IntoIterator<Item = char>, q: char) -> String {
    let mut out = String::new();
    out.push(q);
    for c in cs {
        match c {
            _ if c == q => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{7f}' => out.push_str("\\d"),
            _ => out.push(c),
        }
    }
    out.push(q);
    out
}

/// A symbol as LFE writes it.
pub fn symbol(name: &str) -> String {
    if needs_quoting(name) {
        string(name.chars(), '|')
    } else {
        name.to_string()
    }
}

/// `io_lib:printable_unicode_list/1` on one code point.
fn printable_unicode(c: i64) -> bool {
    matches!(c, 32..=126 | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF | 8..=13 | 27)
}

fn printable_string(items: &[PTerm]) -> Option<String> {
    let mut s = String::new();
    for x in items {
        match x {
            PTerm::Int(c) if printable_unicode(*c) => {
                s.push(char::from_u32(u32::try_from(*c).ok()?)?)
            }
            _ => return None,
        }
    }
    Some(s)
}

fn bytes(out: &mut String, b: &[u8]) {
    out.push_str("#B(");
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&x.to_string());
    }
    out.push(')');
}

/// `lfe_io_write:term/1`.
pub fn write(t: &PTerm) -> String {
    let mut out = String::new();
    term(&mut out, t, false);
    out
}

/// `lfe_io_pretty:term/1`, on one line.
pub fn pretty(t: &PTerm) -> String {
    let mut out = String::new();
    term(&mut out, t, true);
    out
}

fn seq(out: &mut String, items: &[PTerm], pretty: bool) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        term(out, x, pretty);
    }
}

fn term(out: &mut String, t: &PTerm, pretty: bool) {
    match t {
        PTerm::Atom(a) => out.push_str(&symbol(a)),
        PTerm::Int(_) | PTerm::BigInt { .. } | PTerm::Float(_) => out.push_str(&super::print_w(t)),
        PTerm::Nil => out.push_str("()"),
        PTerm::List(items, tail) => {
            if pretty && tail.is_none() {
                if let [PTerm::Atom(q), x] = items.as_slice() {
                    let prefix = match q.as_str() {
                        "quote" => Some("'"),
                        "backquote" => Some("`"),
                        "comma" => Some(","),
                        "comma-at" => Some(",@"),
                        _ => None,
                    };
                    if let Some(p) = prefix {
                        out.push_str(p);
                        term(out, x, pretty);
                        return;
                    }
                }
                if let Some(s) = printable_string(items) {
                    out.push_str(&string(s.chars(), '"'));
                    return;
                }
            }
            out.push('(');
            seq(out, items, pretty);
            if let Some(tl) = tail {
                out.push_str(" . ");
                term(out, tl, pretty);
            }
            out.push(')');
        }
        PTerm::Tuple(items) => {
            out.push_str("#(");
            seq(out, items, pretty);
            out.push(')');
        }
        PTerm::Binary(b) => {
            if pretty {
                if let Ok(s) = std::str::from_utf8(b) {
                    if s.chars()
                        .all(|c| printable_unicode(i64::from(u32::from(c))))
                    {
                        out.push('#');
                        out.push_str(&string(s.chars(), '"'));
                        return;
                    }
                }
            }
            bytes(out, b);
        }
        PTerm::Map(kvs) => {
            out.push_str("#M(");
            for (i, (k, v)) in kvs.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                term(out, k, pretty);
                out.push(' ');
                term(out, v, pretty);
            }
            out.push(')');
        }
        PTerm::Pid(p) => {
            out.push_str("#Pid");
            out.push_str(p);
        }
        PTerm::Opaque(s) => out.push_str(s),
    }
}

/// `lfe_io:format/2`: `~p ~P ~w ~W` print the LFE way; the other control
/// sequences are passed to Erlang's formatter one at a time.
pub fn format(fmt: &[u32], args: &[PTerm]) -> Result<String, FormatError> {
    let cs: Vec<char> = fmt.iter().filter_map(|c| char::from_u32(*c)).collect();
    let mut out = String::new();
    let mut args = args.iter();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] != '~' {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        // ~[-]Field[.Precision[.Pad]][modifiers]Control
        let start = i;
        i += 1;
        let mut stars = 0;
        let mut dots = 0;
        while i < cs.len() {
            match cs[i] {
                '-' | '0'..='9' => i += 1,
                '*' => {
                    stars += 1;
                    i += 1;
                }
                '.' if dots < 2 => {
                    dots += 1;
                    i += 1;
                    // After the second dot comes the pad character itself.
                    if dots == 2 && i < cs.len() {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        while i < cs.len() && matches!(cs[i], 't' | 'l' | 'k') {
            i += 1;
        }
        let Some(&control) = cs.get(i) else {
            return Err(FormatError::BadFormat("truncated control sequence".into()));
        };
        i += 1;
        let mut take = |n: usize| -> Result<Vec<PTerm>, FormatError> {
            (0..n)
                .map(|_| {
                    args.next()
                        .cloned()
                        .ok_or_else(|| FormatError::BadFormat("too few arguments".into()))
                })
                .collect()
        };
        match control {
            'p' | 'w' | 'P' | 'W' => {
                let extra = usize::from(matches!(control, 'P' | 'W'));
                let a = take(stars + 1 + extra)?;
                let t = &a[stars];
                out.push_str(&if matches!(control, 'p' | 'P') {
                    pretty(t)
                } else {
                    write(t)
                });
            }
            _ => {
                let n = match control {
                    'n' | '~' => 0,
                    'x' | 'X' => 2,
                    _ => 1,
                };
                let a = take(stars + n)?;
                let dir: Vec<u32> = cs[start..i].iter().map(|c| u32::from(*c)).collect();
                out.push_str(&super::format(&dir, &a)?);
            }
        }
    }
    if args.next().is_some() {
        return Err(FormatError::BadFormat("too many arguments".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: Vec<PTerm>) -> PTerm {
        PTerm::List(items, None)
    }

    #[test]
    fn prints_like_lfe() {
        let l = list(vec![PTerm::Int(1), PTerm::Int(2), PTerm::Int(3)]);
        assert_eq!(write(&l), "(1 2 3)");
        let t = PTerm::Tuple(vec![PTerm::Atom("ok".into()), PTerm::Int(1)]);
        assert_eq!(pretty(&t), "#(ok 1)");
        assert_eq!(pretty(&PTerm::Binary(b"bin".to_vec())), "#\"bin\"");
        assert_eq!(write(&PTerm::Binary(b"bin".to_vec())), "#B(98 105 110)");
        let m = PTerm::Map(vec![(PTerm::Atom("a".into()), PTerm::Int(1))]);
        assert_eq!(pretty(&m), "#M(a 1)");
        let s = list("abc".chars().map(|c| PTerm::Int(c as i64)).collect());
        assert_eq!(pretty(&s), "\"abc\"");
        assert_eq!(write(&s), "(97 98 99)");
        assert_eq!(pretty(&PTerm::Nil), "()");
        let imp = PTerm::List(
            vec![PTerm::Atom("a".into())],
            Some(Box::new(PTerm::Atom("b".into()))),
        );
        assert_eq!(pretty(&imp), "(a . b)");
        assert_eq!(symbol("foo-bar"), "foo-bar");
        assert_eq!(symbol("a b"), "|a b|");
        assert_eq!(symbol("123"), "|123|");
        assert_eq!(symbol(""), "||");
        let q = list(vec![PTerm::Atom("quote".into()), PTerm::Atom("x".into())]);
        assert_eq!(pretty(&q), "'x");
        assert_eq!(pretty(&PTerm::Tuple(vec![])), "#()");
    }

    #[test]
    fn format_mixes_lfe_and_erlang_directives() {
        let cps = |s: &str| s.chars().map(u32::from).collect::<Vec<_>>();
        let args = [
            PTerm::Tuple(vec![PTerm::Atom("ok".into()), PTerm::Int(1)]),
            list("hi".chars().map(|c| PTerm::Int(c as i64)).collect()),
            PTerm::Int(42),
        ];
        assert_eq!(
            format(
                &cps("~p ~s ~6.2f~n"),
                &[args[0].clone(), args[1].clone(), PTerm::Float(1.5)]
            ),
            Ok("#(ok 1) hi   1.50\n".into())
        );
        assert_eq!(
            format(&cps("~w ~b~~"), &[args[1].clone(), args[2].clone()]),
            Ok("(104 105) 42~".into())
        );
    }
}
