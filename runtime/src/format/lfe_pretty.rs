//! LFE's pretty printer with its line breaking (`lfe_io_pretty:term/4` of
//! LFE 2.x): `lfe_io:prettyprint1/1..4`, `~p`/`~P` in `lfe_io:format` and
//! the shell's values (depth 30).
//!
//! The rules, as LFE applies them (our own code, same decisions):
//! - A list or tuple is first tried on one line: its elements printed flat
//!   must end before the line length (`list_max`); if so it prints as is.
//! - Otherwise a list prints its first element after `(`, then each later
//!   element either on the same line (an atomic element — number, symbol,
//!   `()`, pid, ref, fun — that keeps the line within `width - 10`) or on a
//!   new line at the list's indentation. After any non-atomic element the
//!   next one always starts a new line.
//! - Lists headed by a known form symbol (`defun`, `let`, `case`, ...) keep
//!   that form's first N arguments after the symbol and put the rest on new
//!   lines indented 2 (`indent_type`); `defun`/`defmacro` keep name and
//!   argument list on the first line.
//! - A map puts key and value pairs on the current line while they fit
//!   (`width - 10`), else on a new line at the map's indentation, else key
//!   and value on lines of their own (the value indented 2 more).
//! - Depth (`-1` is unlimited) counts each nesting level and each element
//!   of a sequence; where it runs out, `...` is printed.
//!
//! Lengths are counted in characters. Positions and widths are `i64` as in
//! LFE, where `width - 10` may go below zero for narrow widths.

use super::lfe::{bytes_depth, printable_string, printable_utf8, string, symbol, write_depth};
use super::PTerm;

/// The line length for flat printing ("never break the line").
const FLAT: i64 = 99_999;
/// Extra indentation of a map value printed on a line of its own.
const MAP_VALUE_INDENT: i64 = 2;

fn len(s: &str) -> i64 {
    i64::try_from(s.chars().count()).unwrap_or(i64::MAX)
}

fn newline(out: &mut String, indent: i64) {
    out.push('\n');
    for _ in 0..indent.max(0) {
        out.push(' ');
    }
}

/// `lfe_io_pretty:term(T, Depth, Indentation, LineLength)`.
pub fn term(t: &PTerm, d: i64, i: i64, l: i64) -> String {
    if d == 0 {
        return "...".into();
    }
    match t {
        PTerm::List(items, tail) if !items.is_empty() => list_term(items, tail.as_deref(), d, i, l),
        PTerm::Tuple(es) if !es.is_empty() => {
            let body = match list_max(es, None, d - 1, i + 2, l - 1) {
                Some(p) => p,
                None => list(es, None, d - 1, i + 2, l),
            };
            format!("#({body})")
        }
        PTerm::Binary(b) => match printable_utf8(b) {
            Some(s) => format!("#{}", string(s.chars(), '"')),
            None => bytes_depth(b, d),
        },
        PTerm::Map(kvs) => map(kvs, d, i, l),
        _ => write_depth(t, -1),
    }
}

fn list_term(items: &[PTerm], tail: Option<&PTerm>, d: i64, i: i64, l: i64) -> String {
    if tail.is_none() {
        if let [PTerm::Atom(q), x] = items {
            let prefix = match q.as_str() {
                "quote" => Some("'"),
                "backquote" => Some("`"),
                "comma" => Some(","),
                "comma-at" => Some(",@"),
                _ => None,
            };
            if let Some(p) = prefix {
                return format!("{p}{}", term(x, d, i + len(p), l));
            }
        }
        if let Some(s) = printable_string(items) {
            return string(s.chars(), '"');
        }
    }
    if let Some(p) = list_max(items, tail, d - 1, i + 1, l - 1) {
        return format!("({p})");
    }
    let kind = match &items[0] {
        PTerm::Atom(a) => indent_type(a),
        _ => Indent::None,
    };
    match kind {
        Indent::None => format!("({})", list(items, tail, d - 1, i + 1, l - 1)),
        Indent::Defun => defun(items, tail, d, i, l),
        Indent::Args(n) => form(items, tail, d, i, l, n),
    }
}

/// One line or nothing: the elements printed flat, if they end before `l`.
fn list_max(items: &[PTerm], tail: Option<&PTerm>, d: i64, i: i64, l: i64) -> Option<String> {
    let Some((first, rest)) = items.split_first() else {
        return Some(String::new());
    };
    if d == 0 {
        return Some("...".into());
    }
    let mut out = term(first, d, 0, FLAT);
    let mut cur = i + len(&out);
    let mut d = d - 1;
    for x in rest {
        if cur >= l {
            return None;
        }
        if d == 0 {
            out.push_str(" ...");
            return Some(out);
        }
        let cs = term(x, d, 0, FLAT);
        cur += len(&cs) + 1;
        out.push(' ');
        out.push_str(&cs);
        d -= 1;
    }
    if let Some(t) = tail {
        if cur >= l {
            return None;
        }
        if d == 0 {
            out.push_str(" ...");
            return Some(out);
        }
        let cs = term(t, d, 0, FLAT);
        cur += len(&cs) + 3;
        out.push_str(" . ");
        out.push_str(&cs);
    }
    (cur < l).then_some(out)
}

/// How one element of a broken list prints.
enum Element {
    /// Atomic and fits on the current line (its length).
    Join(String, i64),
    /// Atomic but starts a new line (its length).
    BreakAtomic(String, i64),
    /// Not atomic: starts a new line and forces one after it.
    Break(String),
}

fn element(e: &PTerm, cur: i64, d: i64, i: i64, l: i64) -> Element {
    let atomic = matches!(
        e,
        PTerm::Int(_)
            | PTerm::BigInt { .. }
            | PTerm::Float(_)
            | PTerm::Atom(_)
            | PTerm::Nil
            | PTerm::Pid(_)
            | PTerm::Opaque(_)
    );
    if atomic {
        let cs = write_depth(e, d);
        let n = len(&cs);
        if cur + n <= l - 10 {
            Element::Join(cs, n)
        } else {
            Element::BreakAtomic(cs, n)
        }
    } else {
        Element::Break(term(e, d, i, l))
    }
}

/// The elements of a list one per line, atomic runs sharing lines; no
/// brackets.
fn list(items: &[PTerm], tail: Option<&PTerm>, d: i64, i: i64, l: i64) -> String {
    let Some((first, rest)) = items.split_first() else {
        return String::new();
    };
    if d == 0 {
        return "...".into();
    }
    let (mut out, cur) = match element(first, i, d, i, l) {
        Element::Join(cs, n) => (cs, i + n),
        Element::BreakAtomic(cs, _) | Element::Break(cs) => (cs, l),
    };
    // LFE continues with the same depth after the first element.
    list_tail(&mut out, rest, tail, cur, d, i, l);
    out
}

/// The rest of a broken list, each element at depth one less than the one
/// before; `cur` is the current line's length (`l` forces a new line).
fn list_tail(
    out: &mut String,
    rest: &[PTerm],
    tail: Option<&PTerm>,
    mut cur: i64,
    mut d: i64,
    i: i64,
    l: i64,
) {
    for x in rest {
        if d == 0 {
            out.push_str(" ...");
            return;
        }
        match element(x, cur + 1, d, i, l) {
            Element::Join(cs, n) => {
                out.push(' ');
                out.push_str(&cs);
                cur += 1 + n;
            }
            Element::BreakAtomic(cs, n) => {
                newline(out, i);
                out.push_str(&cs);
                cur = i + n;
            }
            Element::Break(cs) => {
                newline(out, i);
                out.push_str(&cs);
                cur = l;
            }
        }
        d -= 1;
    }
    if let Some(t) = tail {
        if d == 0 {
            out.push_str(" ...");
            return;
        }
        match element(t, cur + 3, d, i, l) {
            Element::Join(cs, _) => {
                out.push_str(" . ");
                out.push_str(&cs);
            }
            Element::BreakAtomic(cs, _) | Element::Break(cs) => {
                out.push_str(" .");
                newline(out, i);
                out.push_str(&cs);
            }
        }
    }
}

enum Indent {
    None,
    Defun,
    /// This many arguments stay after the form's symbol; the rest go on
    /// new lines indented 2.
    Args(usize),
}

/// `lfe_io_pretty:indent_type/1`: LFE's table of forms.
fn indent_type(s: &str) -> Indent {
    let n = match s {
        "defun" | "defmacro" => return Indent::Defun,
        "begin" | "syntax-rules" | "macro" | "match-lambda" | "progn" | "prog1" | "prog2"
        | "maybe" | "receive" | "catch" | "eval-when-compile" | "extend-module" | "match-spec" => 0,
        "define"
        | "define-syntax"
        | "define-record"
        | "let-syntax"
        | "defmodule"
        | "defsyntax"
        | "defrecord"
        | "deftest"
        | "lambda"
        | "let"
        | "let-function"
        | "letrec-function"
        | "let-macro"
        | "if"
        | "case"
        | "try"
        | "funcall"
        | "define-function"
        | "define-macro"
        | "define-module"
        | "define-type"
        | "define-opaque-type"
        | "define-function-spec"
        | "let*"
        | "flet"
        | "flet*"
        | "fletrec"
        | "macrolet"
        | "syntaxlet"
        | "lc"
        | "list-comp"
        | "bc"
        | "binary-comp" => 1,
        "call" | ":" | "do" => 2,
        "cond" => 999,
        _ => return Indent::None,
    };
    Indent::Args(n)
}

fn atom_text(t: &PTerm) -> Option<&str> {
    match t {
        PTerm::Atom(a) => Some(a),
        _ => None,
    }
}

/// `(defun name (args) body...)` keeps name and a symbol argument list on
/// the first line; with pattern clauses only the name stays.
fn defun(items: &[PTerm], tail: Option<&PTerm>, d: i64, i: i64, l: i64) -> String {
    if let [def, name, args, rest @ ..] = items {
        if let (Some(dcs), Some(ncs)) = (atom_text(def), atom_text(name)) {
            if !(0..=3).contains(&d) {
                let symbols = match args {
                    PTerm::Nil => true,
                    PTerm::List(xs, None) => xs.iter().all(|x| matches!(x, PTerm::Atom(_))),
                    _ => false,
                };
                let mut out = format!("({dcs} {ncs}");
                if symbols {
                    let acs = term(args, d - 2, i + len(dcs) + len(ncs) + 3, l);
                    out.push(' ');
                    out.push_str(&acs);
                    list_tail(&mut out, rest, tail, l, d - 3, i + 2, l);
                } else {
                    list_tail(&mut out, &items[2..], tail, l, d - 2, i + 2, l);
                }
                out.push(')');
                return out;
            }
        }
    }
    format!("({})", list(items, tail, d - 1, i + 1, l))
}

/// A form with `n` arguments after its symbol on the first line.
fn form(items: &[PTerm], tail: Option<&PTerm>, d: i64, i: i64, l: i64, n: usize) -> String {
    let (Some(cs), true) = (atom_text(&items[0]), !(0..=2).contains(&d)) else {
        return format!("({})", list(items, tail, d - 1, i + 1, l));
    };
    let args = &items[1..];
    let (spec, rest) = args.split_at(n.min(args.len()));
    let mut out = format!("({cs} ");
    out.push_str(&list(spec, None, d - 1, i + len(cs) + 2, l));
    list_tail(&mut out, rest, tail, l, d - 2, i + 2, l);
    out.push(')');
    out
}

/// How a key and value of a map are placed.
enum Assoc {
    /// Both on the current line.
    CurrLine(String, i64),
    /// Both on a new line.
    OneLine(String, i64),
    /// Key and value on lines of their own.
    SepLines(String, String),
}

fn assoc(k: &PTerm, v: &PTerm, cur: i64, d: i64, i: i64, l: i64) -> Assoc {
    let kcs = term(k, d, 0, FLAT);
    let vcs = term(v, d, 0, FLAT);
    let (kl, vl) = (len(&kcs), len(&vcs));
    if cur + kl + vl < l - 10 {
        Assoc::CurrLine(format!("{kcs} {vcs}"), kl + 1 + vl)
    } else if i + kl + vl < l - 10 {
        Assoc::OneLine(format!("{kcs} {vcs}"), kl + 1 + vl)
    } else {
        let ks = if i + kl < l - 10 {
            kcs
        } else {
            term(k, d, i, l)
        };
        let vs = if i + vl < l - 10 {
            vcs
        } else {
            term(v, d, i + MAP_VALUE_INDENT, l)
        };
        Assoc::SepLines(ks, vs)
    }
}

fn map(kvs: &[(PTerm, PTerm)], d: i64, i: i64, l: i64) -> String {
    // A map with an atom `__struct__` prints as `#S(name k v ...)`. (LFE
    // would fail to print one whose `__struct__` is not an atom; we print
    // that as a plain map.)
    let name = kvs.iter().find_map(|(k, v)| match (k, v) {
        (PTerm::Atom(k), PTerm::Atom(v)) if k == "__struct__" => Some(v),
        _ => None,
    });
    if let Some(name) = name {
        let fields: Vec<&(PTerm, PTerm)> = kvs
            .iter()
            .filter(|(k, _)| !matches!(k, PTerm::Atom(a) if a == "__struct__"))
            .collect();
        let ncs = symbol(name);
        let mut out = format!("#S({ncs}");
        map_rest(&mut out, &fields, i + 3 + len(&ncs), d - 1, i + 3, l);
        out.push(')');
        return out;
    }
    let fields: Vec<&(PTerm, PTerm)> = kvs.iter().collect();
    let (i, l) = (i + 3, l - 1);
    let mut out = String::from("#M(");
    if let Some(((k, v), rest)) = fields.split_first() {
        let cur = match assoc(k, v, i, d, i, l) {
            Assoc::CurrLine(cs, n) => {
                out.push_str(&cs);
                i + n
            }
            Assoc::OneLine(cs, n) => {
                out.push_str(&cs);
                i + n
            }
            Assoc::SepLines(ks, vs) => {
                out.push_str(&ks);
                newline(&mut out, i + MAP_VALUE_INDENT);
                out.push_str(&vs);
                l
            }
        };
        map_rest(&mut out, rest, cur, d - 1, i, l);
    }
    out.push(')');
    out
}

/// The pairs after the first; where the depth runs out (even after the
/// last pair) LFE prints ` ...`.
fn map_rest(out: &mut String, kvs: &[&(PTerm, PTerm)], mut cur: i64, mut d: i64, i: i64, l: i64) {
    let mut kvs = kvs.iter();
    loop {
        if d == 0 {
            out.push_str(" ...");
            return;
        }
        let Some((k, v)) = kvs.next() else {
            return;
        };
        match assoc(k, v, cur + 1, d, i, l) {
            Assoc::CurrLine(cs, n) => {
                out.push(' ');
                out.push_str(&cs);
                cur += n + 1;
            }
            Assoc::OneLine(cs, n) => {
                newline(out, i);
                out.push_str(&cs);
                cur = i + n;
            }
            Assoc::SepLines(ks, vs) => {
                newline(out, i);
                out.push_str(&ks);
                newline(out, i + MAP_VALUE_INDENT);
                out.push_str(&vs);
                cur = l;
            }
        }
        d -= 1;
    }
}
