//! `unicode:characters_to_list/1,2` and `characters_to_binary/1,2,3`, and
//! the case-mapping helpers of the `string` module (`string:uppercase/1`,
//! `lowercase/1`, `casefold/1`, `to_upper/1`, `to_lower/1`), which need
//! Unicode tables (Rust's char case mappings).

use super::{badarg, Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};

#[derive(Clone, Copy, PartialEq)]
enum Enc {
    Utf8,
    Latin1,
}

fn encoding(t: Term) -> Option<Enc> {
    match t.as_atom()?.text() {
        "unicode" | "utf8" => Some(Enc::Utf8),
        "latin1" => Some(Enc::Latin1),
        _ => None,
    }
}

/// Why a walk over chardata stopped early.
enum Stop {
    /// `error` or `incomplete`, and what was left.
    Bad(&'static str, Term),
    /// Not chardata at all: badarg.
    NotChardata,
}

/// Collects the code points of chardata. `pending` holds the tails of the
/// enclosing lists still to walk, innermost last, so the unconverted rest
/// can be rebuilt when a bad element is met.
fn collect(c: &mut Ctx, t: Term, enc: Enc, out: &mut Vec<u32>) -> Result<(), Stop> {
    let mut pending: Vec<Term> = Vec::new();
    let mut cur = t;
    loop {
        if cur.is_nil() {
            match pending.pop() {
                Some(next) => {
                    cur = next;
                    continue;
                }
                None => return Ok(()),
            }
        }
        if cur.is_bitstring() {
            let Some(bytes) = cur.binary_bytes() else {
                return Err(Stop::NotChardata);
            };
            match enc {
                Enc::Latin1 => out.extend(bytes.iter().map(|&b| b as u32)),
                Enc::Utf8 => {
                    let valid = match std::str::from_utf8(&bytes) {
                        Ok(s) => s.len(),
                        Err(e) => e.valid_up_to(),
                    };
                    let s = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
                    out.extend(s.chars().map(|ch| ch as u32));
                    if valid < bytes.len() {
                        let incomplete = std::str::from_utf8(&bytes[valid..])
                            .err()
                            .is_some_and(|e| e.error_len().is_none());
                        let rest_bin = c.binary(&bytes[valid..]);
                        let rest = rebuild_rest(c, rest_bin, &pending);
                        let kind = if incomplete { "incomplete" } else { "error" };
                        return Err(Stop::Bad(kind, rest));
                    }
                }
            }
            cur = Term::NIL;
            continue;
        }
        let Some((h, tl)) = cur.cons() else {
            return Err(Stop::NotChardata);
        };
        if let Some(cp) = h.as_int() {
            let ok = u32::try_from(cp).ok().and_then(char::from_u32).is_some();
            if !ok {
                let rest = rebuild_rest(c, cur, &pending);
                return Err(Stop::Bad("error", rest));
            }
            out.push(cp as u32);
            cur = tl;
        } else if h.is_list() || h.is_bitstring() {
            pending.push(tl);
            cur = h;
        } else {
            return Err(Stop::NotChardata);
        }
    }
}

/// `first` followed by the pending tails (outermost last), as one list;
/// just `first` when nothing is pending.
fn rebuild_rest(c: &mut Ctx, first: Term, pending: &[Term]) -> Term {
    let tails: Vec<Term> = pending
        .iter()
        .rev()
        .copied()
        .filter(|t| !t.is_nil())
        .collect();
    if tails.is_empty() {
        return first;
    }
    let mut items = vec![first];
    items.extend(tails.iter().rev());
    c.list(&items)
}

fn to_list(c: &mut Ctx, data: Term, enc: Enc) -> Result<Term, Trap> {
    let mut cps = Vec::new();
    match collect(c, data, enc, &mut cps) {
        Ok(()) => Ok(cp_list(c, &cps)),
        Err(Stop::NotChardata) => badarg(),
        Err(Stop::Bad(kind, rest)) => {
            let done = cp_list(c, &cps);
            Ok(c.tuple(&[Term::atom(Atom::intern(kind)), done, rest]))
        }
    }
}

fn cp_list(c: &mut Ctx, cps: &[u32]) -> Term {
    let items: Vec<Term> = cps.iter().map(|&cp| Term::small(cp as usize)).collect();
    c.list(&items)
}

fn encode(cps: &[u32], enc: Enc) -> Result<Vec<u8>, usize> {
    let mut out = Vec::with_capacity(cps.len());
    for (i, &cp) in cps.iter().enumerate() {
        match enc {
            Enc::Latin1 if cp > 255 => return Err(i),
            Enc::Latin1 => out.push(cp as u8),
            Enc::Utf8 => {
                let ch = char::from_u32(cp).ok_or(i)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    Ok(out)
}

fn to_binary(c: &mut Ctx, data: Term, inenc: Enc, outenc: Enc) -> Result<Term, Trap> {
    let mut cps = Vec::new();
    let stop = match collect(c, data, inenc, &mut cps) {
        Ok(()) => None,
        Err(Stop::NotChardata) => return badarg(),
        Err(Stop::Bad(kind, rest)) => Some((kind, rest)),
    };
    match encode(&cps, outenc) {
        Ok(bytes) => {
            let bin = c.binary(&bytes);
            match stop {
                None => Ok(bin),
                Some((kind, rest)) => Ok(c.tuple(&[Term::atom(Atom::intern(kind)), bin, rest])),
            }
        }
        Err(i) => {
            // A code point latin1 cannot hold: the rest starts there.
            let done = encode(&cps[..i], outenc).unwrap_or_default();
            let bin = c.binary(&done);
            // erl's shape: the bad code point in a list of its own, then
            // the code points after it.
            let bad = cp_list(c, &cps[i..=i]);
            let after = cp_list(c, &cps[i + 1..]);
            let rest = c.cons(bad, after);
            Ok(c.tuple(&[Term::atom(Atom::intern("error")), bin, rest]))
        }
    }
}

fn characters_to_list1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    to_list(c, a[0], Enc::Utf8)
}

fn characters_to_list2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(enc) = encoding(a[1]) else {
        return badarg();
    };
    to_list(c, a[0], enc)
}

fn characters_to_binary1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    to_binary(c, a[0], Enc::Utf8, Enc::Utf8)
}

fn characters_to_binary2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(enc) = encoding(a[1]) else {
        return badarg();
    };
    to_binary(c, a[0], enc, Enc::Utf8)
}

fn characters_to_binary3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(i), Some(o)) = (encoding(a[1]), encoding(a[2])) else {
        return badarg();
    };
    to_binary(c, a[0], i, o)
}

/// Applies a per-string mapping to chardata: a binary gives a binary, any
/// other chardata a flat list (OTP keeps some deep structure; see
/// spec/erlang.md).
fn map_chardata(c: &mut Ctx, t: Term, f: fn(&str) -> String) -> Result<Term, Trap> {
    let mut cps = Vec::new();
    if collect(c, t, Enc::Utf8, &mut cps).is_err() {
        return badarg();
    }
    let s: String = cps.iter().filter_map(|&cp| char::from_u32(cp)).collect();
    let mapped = f(&s);
    if t.is_bitstring() {
        Ok(c.binary(mapped.as_bytes()))
    } else {
        Ok(c.string(&mapped))
    }
}

fn upper_str(s: &str) -> String {
    s.to_uppercase()
}

fn lower_str(s: &str) -> String {
    s.to_lowercase()
}

/// Full case folding for the common cases: lowercase, with `ß` as `ss`.
fn fold_str(s: &str) -> String {
    s.chars()
        .flat_map(|ch| match ch {
            'ß' => "ss".chars().collect::<Vec<_>>(),
            'ς' => vec!['σ'],
            _ => ch.to_lowercase().collect(),
        })
        .collect()
}

fn uppercase(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    map_chardata(c, a[0], upper_str)
}

fn lowercase(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    map_chardata(c, a[0], lower_str)
}

fn casefold(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    map_chardata(c, a[0], fold_str)
}

/// The old API's one-to-one mapping of a character (a mapping to several
/// characters, such as `ß` to `SS`, leaves it unchanged).
fn simple_map(cp: i64, upper: bool) -> i64 {
    let Some(ch) = u32::try_from(cp).ok().and_then(char::from_u32) else {
        return cp;
    };
    let mut m: Vec<char> = if upper {
        ch.to_uppercase().collect()
    } else {
        ch.to_lowercase().collect()
    };
    if m.len() == 1 {
        m.pop().map_or(cp, |x| x as i64)
    } else {
        cp
    }
}

fn old_case(c: &mut Ctx, t: Term, upper: bool) -> Result<Term, Trap> {
    if let Some(cp) = t.as_int() {
        return Ok(Term::small(simple_map(cp, upper) as usize));
    }
    let Some(items) = t.list_to_vec() else {
        return badarg();
    };
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        let Some(cp) = i.as_int().filter(|&x| x >= 0) else {
            return badarg();
        };
        out.push(Term::small(simple_map(cp, upper) as usize));
    }
    Ok(c.list(&out))
}

fn to_upper(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    old_case(c, a[0], true)
}

fn to_lower(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    old_case(c, a[0], false)
}

pub(super) fn register(t: &mut NativeTable) {
    let u = "unicode";
    t.push((u, "characters_to_list", 1, characters_to_list1, false));
    t.push((u, "characters_to_list", 2, characters_to_list2, false));
    t.push((u, "characters_to_binary", 1, characters_to_binary1, false));
    t.push((u, "characters_to_binary", 2, characters_to_binary2, false));
    t.push((u, "characters_to_binary", 3, characters_to_binary3, false));
    t.push(("string", "uppercase", 1, uppercase, false));
    t.push(("string", "lowercase", 1, lowercase, false));
    t.push(("string", "casefold", 1, casefold, false));
    t.push(("string", "to_upper", 1, to_upper, false));
    t.push(("string", "to_lower", 1, to_lower, false));
}
