//! Terms printed as LFE prints them (`lfe_io_write`, `lfe_io_pretty`,
//! `lfe_io_format` of LFE 2.x).
//!
//! - [`write`] is `lfe_io:print1/1` (`~w` in `lfe_io:format`): lists as
//!   `(1 2 3)` (never as strings), improper tails as `(a . b)`, tuples as
//!   `#(a b)`, binaries as `#B(1 2 3)`, maps as `#M(k v)`, pids as
//!   `#Pid<0.80.0>`, symbols bare unless they need `|quoting|`.
//! - [`pretty`] is `lfe_io:prettyprint1/1` (`~p`): as `write`, but printable
//!   lists print as `"strings"`, printable UTF-8 binaries as `#"binaries"`,
//!   and `(quote x)` as `'x`; long terms are broken over lines at 80
//!   columns as LFE breaks them (`lfe_pretty.rs`).
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
pub(super) fn string(cs: impl IntoIterator<Item = char>, q: char) -> String {
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

/// The characters of a list `io_lib:printable_unicode_list/1` accepts.
pub(super) fn printable_string(items: &[PTerm]) -> Option<String> {
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

/// The text of a binary that is UTF-8 of printable characters (LFE prints
/// it as `#"text"`).
pub(super) fn printable_utf8(b: &[u8]) -> Option<&str> {
    let s = std::str::from_utf8(b).ok()?;
    s.chars()
        .all(|c| printable_unicode(i64::from(u32::from(c))))
        .then_some(s)
}

/// `lfe_io_write:bitstring/2`: `#B(1 2 3)`, the bytes after the first
/// `depth` shown as `...` (`-1` shows all).
pub(super) fn bytes_depth(b: &[u8], depth: i64) -> String {
    let mut out = String::from("#B(");
    let mut d = depth;
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if d == 0 {
            out.push_str("...");
            break;
        }
        out.push_str(&x.to_string());
        d -= 1;
    }
    out.push(')');
    out
}

/// `lfe_io_write:term/1` (`lfe_io:print1/1`).
pub fn write(t: &PTerm) -> String {
    write_depth(t, -1)
}

/// `lfe_io_write:term/2` (`lfe_io:print1/2`, `~W`): nesting levels and
/// sequence elements beyond `depth` print as `...` (`-1` is unlimited).
pub fn write_depth(t: &PTerm, d: i64) -> String {
    let mut out = String::new();
    write_term(&mut out, t, d);
    out
}

/// `lfe_io_pretty:term/1` (`lfe_io:prettyprint1/1`, `~p`): at most 80
/// columns where LFE breaks lines.
pub fn pretty(t: &PTerm) -> String {
    pretty_with(t, -1, 0, 80)
}

/// `lfe_io_pretty:term/4`: to `depth` (`-1` unlimited), starting at column
/// `indent`, in lines of `width`.
pub fn pretty_with(t: &PTerm, depth: i64, indent: i64, width: i64) -> String {
    super::lfe_pretty::term(t, depth, indent, width)
}

/// The elements of a list or tuple, each one level less deep than the one
/// before; ` ...` where the depth runs out.
fn write_seq(out: &mut String, items: &[PTerm], tail: Option<&PTerm>, d: i64) {
    let Some((first, rest)) = items.split_first() else {
        return;
    };
    if d == 0 {
        out.push_str("...");
        return;
    }
    write_term(out, first, d);
    let mut d = d - 1;
    for x in rest {
        if d == 0 {
            out.push_str(" ...");
            return;
        }
        out.push(' ');
        write_term(out, x, d);
        d -= 1;
    }
    if let Some(t) = tail {
        if d == 0 {
            out.push_str(" ...");
            return;
        }
        out.push_str(" . ");
        write_term(out, t, d);
    }
}

fn write_term(out: &mut String, t: &PTerm, d: i64) {
    if d == 0 {
        out.push_str("...");
        return;
    }
    match t {
        PTerm::Atom(a) => out.push_str(&symbol(a)),
        PTerm::Int(_) | PTerm::BigInt { .. } | PTerm::Float(_) => out.push_str(&super::print_w(t)),
        PTerm::Nil => out.push_str("()"),
        PTerm::List(items, tail) => {
            out.push('(');
            write_seq(out, items, tail.as_deref(), d - 1);
            out.push(')');
        }
        PTerm::Tuple(items) => {
            out.push_str("#(");
            write_seq(out, items, None, d - 1);
            out.push(')');
        }
        // LFE prints every byte of a binary here, whatever the depth.
        PTerm::Binary(b) => out.push_str(&bytes_depth(b, -1)),
        PTerm::Map(kvs) => {
            out.push_str("#M(");
            let mut d = d;
            for (i, (k, v)) in kvs.iter().enumerate() {
                if d == 0 || d == 1 {
                    out.push_str("...");
                    break;
                }
                write_term(out, k, d - 1);
                out.push(' ');
                write_term(out, v, d - 1);
                if i + 1 < kvs.len() {
                    out.push(' ');
                }
                d -= 1;
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

/// A field width, precision or pad character of a control sequence.
#[derive(Clone, Copy)]
enum Field {
    None,
    Num(i64),
    /// `*`: taken from the arguments.
    Star,
}

fn field(cs: &[char], i: &mut usize) -> Field {
    if cs.get(*i) == Some(&'*') {
        *i += 1;
        return Field::Star;
    }
    let mut n: Option<i64> = None;
    while let Some(d) = cs.get(*i).and_then(|c| c.to_digit(10)) {
        n = Some(
            n.unwrap_or(0)
                .saturating_mul(10)
                .saturating_add(i64::from(d)),
        );
        *i += 1;
    }
    n.map_or(Field::None, Field::Num)
}

/// The column the output has reached (tabs stop every 8), where `~p`
/// starts its indentation.
fn column(out: &str) -> i64 {
    let line = out.rsplit('\n').next().unwrap_or("");
    line.chars().fold(0, |col, c| {
        if c == '\t' {
            (col + 8) / 8 * 8
        } else {
            col + 1
        }
    })
}

/// `lfe_io_format:write/5`: cut to `precision` characters, then pad to the
/// field `width` (all `*` when it does not fit).
fn adjust(
    text: String,
    width: Option<i64>,
    left: bool,
    precision: Option<i64>,
    pad: char,
) -> String {
    let n = i64::try_from(text.chars().count()).unwrap_or(i64::MAX);
    let (text, n) = match precision {
        Some(p) if p < n => (
            text.chars().take(usize::try_from(p).unwrap_or(0)).collect(),
            p,
        ),
        _ => (text, n),
    };
    let Some(w) = width else {
        return text;
    };
    let fill = |k: i64, c: char| -> String {
        std::iter::repeat_n(c, usize::try_from(k).unwrap_or(0)).collect()
    };
    if w < n {
        fill(w, '*')
    } else if left {
        text + &fill(w - n, pad)
    } else {
        fill(w - n, pad) + &text
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
        let left = cs.get(i) == Some(&'-');
        if left {
            i += 1;
        }
        let width = field(&cs, &mut i);
        let mut precision = Field::None;
        let mut pad = Field::None;
        if cs.get(i) == Some(&'.') {
            i += 1;
            precision = field(&cs, &mut i);
            if cs.get(i) == Some(&'.') {
                i += 1;
                // After the second dot comes the pad character itself.
                pad = match cs.get(i) {
                    Some('*') => Field::Star,
                    Some(c) => Field::Num(i64::from(u32::from(*c))),
                    None => Field::None,
                };
                i += 1;
            }
        }
        let stars = [width, precision, pad]
            .iter()
            .filter(|f| matches!(f, Field::Star))
            .count();
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
                let with_depth = matches!(control, 'P' | 'W');
                let a = take(stars + 1 + usize::from(with_depth))?;
                let mut star_args = a[..stars].iter();
                let mut value = |f: Field| -> Result<Option<i64>, FormatError> {
                    match f {
                        Field::None => Ok(None),
                        Field::Num(n) => Ok(Some(n)),
                        Field::Star => match star_args.next() {
                            Some(PTerm::Int(n)) => Ok(Some(*n)),
                            _ => Err(FormatError::BadArg("field value".into())),
                        },
                    }
                };
                let (width, precision, pad) = (value(width)?, value(precision)?, value(pad)?);
                let t = &a[stars];
                let depth = if with_depth {
                    match &a[stars + 1] {
                        PTerm::Int(d) => *d,
                        _ => return Err(FormatError::BadArg("depth".into())),
                    }
                } else {
                    -1
                };
                if matches!(control, 'p' | 'P') {
                    // Field width is the line length, precision the
                    // indentation (by default the current column); LFE has
                    // no left-adjusted `~p`.
                    if left {
                        return Err(FormatError::BadArg("~-p".into()));
                    }
                    let indent = precision.unwrap_or_else(|| column(&out));
                    out.push_str(&pretty_with(t, depth, indent, width.unwrap_or(80)));
                } else {
                    let pad = pad
                        .and_then(|c| u32::try_from(c).ok())
                        .and_then(char::from_u32)
                        .unwrap_or(' ');
                    out.push_str(&adjust(write_depth(t, depth), width, left, precision, pad));
                }
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

    /// Expected text from the real LFE's `lfe_io:prettyprint1/2,4` and
    /// `print1/2` (lfe/lfe 1d0de5e built with erlc).
    #[test]
    fn pretty_breaks_lines_like_lfe() {
        let seq = |a: i64, b: i64| list((a..=b).map(PTerm::Int).collect());
        assert_eq!(
            pretty(&seq(1, 40)),
            "(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26\n \
             27 28 29 30 31 32 33 34 35 36 37 38 39 40)"
        );
        assert_eq!(
            pretty_with(&seq(1, 40), -1, 0, 40),
            "(1 2 3 4 5 6 7 8 9 10 11 12\n 13 14 15 16 17 18 19 20 21\n \
             22 23 24 25 26 27 28 29 30\n 31 32 33 34 35 36 37 38 39\n 40)"
        );
        let a = |s: &str| PTerm::Atom(s.into());
        let form = list(vec![
            a("let"),
            list(vec![list(vec![a("a"), PTerm::Int(1)])]),
            list(vec![
                a("list"),
                a("a"),
                a("a"),
                a("a-long-symbol-name"),
                a("another-long-symbol"),
            ]),
            list(vec![a("tuple"), a("ok"), a("yet-another-long-symbol-name")]),
        ]);
        assert_eq!(
            pretty(&form),
            "(let ((a 1))\n  (list a a a-long-symbol-name another-long-symbol)\n  \
             (tuple ok yet-another-long-symbol-name))"
        );
        let cut: Vec<String> = (1..=29).map(|n| n.to_string()).collect();
        assert_eq!(
            pretty_with(&seq(1, 60), 30, 0, 80),
            format!("({} ...)", cut.join(" "))
        );
        assert_eq!(
            write_depth(
                &list(vec![PTerm::Int(1), seq(2, 4), PTerm::Int(5), PTerm::Int(6)]),
                3
            ),
            "(1 (...) ...)"
        );
        let m = PTerm::Map(vec![(a("a"), PTerm::Int(1)), (a("b"), PTerm::Int(2))]);
        assert_eq!(write_depth(&m, 2), "#M(a 1 ...)");
        assert_eq!(bytes_depth(&[1, 2, 3, 4], 2), "#B(1 2 ...)");
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
