//! The one-line writer behind `~w` and `~W` (`io_lib:write/2`).
//!
//! Lists are never shown as strings and binaries are always shown as bytes
//! (`<<97,98>>`). Maps print as `#{k => v,k2 => v2}`: spaces around `=>` but
//! none after the commas.
//!
//! Depth limiting (`~W`, depth > 0) follows OTP 25 exactly, quirks included:
//! each nesting level and each list/tuple element uses one unit of depth;
//! the remainder is elided as `...` (`[1,2|...]`, `{a,...}`, `<<1,...>>`); a
//! map at depth 1 prints as `#{}`, and when a map's element budget runs out
//! `,...` is printed even if no pairs are left.

use super::atom::write_atom;
use super::float::shortest;
use super::term::cons_view;
use super::PTerm;

/// `io_lib:write(Term, [{depth, Depth}, {encoding, Enc}])`.
pub(super) fn write(t: &PTerm, depth: i64, unicode: bool) -> String {
    let mut out = String::new();
    write1(&mut out, t, depth, unicode);
    out
}

/// Leaf terms: what `io_lib:write` prints for them at any depth > 0.
pub(super) fn write_atomic(t: &PTerm, unicode: bool) -> Option<String> {
    Some(match t {
        PTerm::Int(i) => i.to_string(),
        PTerm::BigInt {
            negative,
            magnitude,
        } => super::term::big_text(*negative, magnitude, 10),
        PTerm::Float(f) => shortest(*f),
        PTerm::Atom(a) => write_atom(a, unicode),
        PTerm::Pid(s) | PTerm::Opaque(s) => s.clone(),
        _ => return None,
    })
}

fn write1(out: &mut String, t: &PTerm, d: i64, unicode: bool) {
    if d == 0 {
        out.push_str("...");
        return;
    }
    if let Some(s) = write_atomic(t, unicode) {
        out.push_str(&s);
        return;
    }
    match t {
        PTerm::Binary(b) => write_binary(out, b, d),
        PTerm::Tuple(es) if es.is_empty() => out.push_str("{}"),
        PTerm::Tuple(es) => {
            if d == 1 {
                out.push_str("{...}");
                return;
            }
            out.push('{');
            write1(out, &es[0], d - 1, unicode);
            // write_tuple: elements 2.., one unit of depth each.
            let mut dd = d - 1;
            for e in &es[1..] {
                if dd == 1 {
                    out.push_str(",...");
                    break;
                }
                out.push(',');
                write1(out, e, dd - 1, unicode);
                dd -= 1;
            }
            out.push('}');
        }
        PTerm::Map(pairs) => {
            if d == 1 {
                out.push_str("#{}");
                return;
            }
            let Some(((k, v), rest)) = pairs.split_first() else {
                out.push_str("#{}");
                return;
            };
            let d0 = d - 1;
            out.push_str("#{");
            write_assoc(out, k, v, d0, unicode);
            let mut dd = d0;
            let mut rest = rest.iter();
            loop {
                if dd == 1 {
                    out.push_str(",...");
                    break;
                }
                let Some((k, v)) = rest.next() else { break };
                out.push(',');
                write_assoc(out, k, v, d0, unicode);
                dd -= 1;
            }
            out.push('}');
        }
        PTerm::Nil | PTerm::List(..) => {
            let Some(view) = cons_view(t) else {
                out.push_str("[]");
                return;
            };
            if d == 1 {
                out.push_str("[...]");
                return;
            }
            out.push('[');
            write1(out, view.elems[0], d - 1, unicode);
            let mut dd = d - 1;
            let mut elided = false;
            for e in &view.elems[1..] {
                if dd == 1 {
                    out.push_str("|...");
                    elided = true;
                    break;
                }
                out.push(',');
                write1(out, e, dd - 1, unicode);
                dd -= 1;
            }
            if !elided {
                if let Some(tail) = view.tail {
                    if dd == 1 {
                        out.push_str("|...");
                    } else {
                        out.push('|');
                        write1(out, tail, dd - 1, unicode);
                    }
                }
            }
            out.push(']');
        }
        // Covered by write_atomic.
        PTerm::Int(_)
        | PTerm::BigInt { .. }
        | PTerm::Float(_)
        | PTerm::Atom(_)
        | PTerm::Pid(_)
        | PTerm::Opaque(_) => {}
    }
}

fn write_assoc(out: &mut String, k: &PTerm, v: &PTerm, d: i64, unicode: bool) {
    write1(out, k, d, unicode);
    out.push_str(" => ");
    write1(out, v, d, unicode);
}

/// `io_lib:write_binary/2`: `<<1,2,3>>`, elided after `depth - 1` bytes.
pub(super) fn write_binary(out: &mut String, b: &[u8], d: i64) {
    out.push_str("<<");
    out.push_str(&binary_body(b, d).join(","));
    out.push_str(">>");
}

/// The comma-separated items of a binary at depth `d`: byte values, the
/// last one possibly `...`.
pub(super) fn binary_body(b: &[u8], d: i64) -> Vec<String> {
    let mut items = Vec::new();
    let mut dd = d;
    for (i, byte) in b.iter().enumerate() {
        if dd == 1 && i < b.len() {
            items.push("...".to_string());
            break;
        }
        items.push(byte.to_string());
        dd -= 1;
    }
    items
}
