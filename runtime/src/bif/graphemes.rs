//! `unicode_util:gc/1`: the first extended grapheme cluster of a string
//! (Unicode's UAX #29, through the `unicode-segmentation` tables), the
//! step OTP's `string` functions and gleam_stdlib's grapheme functions
//! are built on.

use unicode_segmentation::UnicodeSegmentation;

use super::{badarg, term_to_string, Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};

/// The first cluster of `s` (non-empty) in code points, and its byte length.
fn first_cluster(s: &str) -> (Vec<u32>, usize) {
    let g = s.graphemes(true).next().unwrap_or(s);
    (g.chars().map(|c| c as u32).collect(), g.len())
}

/// The first cluster of UTF-8 `bytes` (non-empty), or `None` when they do
/// not start with valid UTF-8. Only a window of the bytes is validated,
/// doubled while the cluster reaches the window's end, so that stepping
/// through a long binary cluster by cluster stays linear.
fn first_cluster_of_bytes(bytes: &[u8]) -> Option<(Vec<u32>, usize)> {
    let mut window = 64usize;
    loop {
        let end = window.min(bytes.len());
        let whole = end == bytes.len();
        // The valid text in the window, and whether it stops at an invalid
        // byte (then no later byte can extend the cluster).
        let (valid, stops_at_invalid) = match std::str::from_utf8(&bytes[..end]) {
            Ok(s) => (s, false),
            Err(e) => {
                let invalid = e.error_len().is_some() || whole;
                if e.valid_up_to() == 0 {
                    if invalid {
                        return None;
                    }
                    // A character cut by the window's end.
                    window *= 2;
                    continue;
                }
                (
                    std::str::from_utf8(&bytes[..e.valid_up_to()]).ok()?,
                    invalid,
                )
            }
        };
        let (cps, len) = first_cluster(valid);
        if len < valid.len() || whole || stops_at_invalid {
            return Some((cps, len));
        }
        window *= 2;
    }
}

/// `[GC | Rest]`, `[]` for an empty string, `{error, Bin}` for a binary that
/// is not UTF-8. GC is a code point, or a list of them for a cluster of
/// several; Rest is a sub-binary for a binary argument, otherwise a list of
/// code points (OTP keeps more of a deep list's shape; the characters are
/// the same).
fn gc(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let t = a[0];
    let cluster_term = |c: &mut Ctx, cps: &[u32]| match cps {
        [one] => Term::small(*one as usize),
        many => {
            let items: Vec<Term> = many.iter().map(|&cp| Term::small(cp as usize)).collect();
            c.list(&items)
        }
    };
    if t.is_bitstring() {
        let Some(slice) = t.bitstring() else {
            return badarg();
        };
        if !slice.is_binary() {
            return badarg();
        }
        // The borrow of the binary's bytes ends before anything is allocated.
        let found = match slice.as_bytes() {
            Some([]) => return Ok(Term::NIL),
            Some(bytes) => first_cluster_of_bytes(bytes).map(|r| (r, bytes.len())),
            None => {
                let bytes = slice.to_vec();
                if bytes.is_empty() {
                    return Ok(Term::NIL);
                }
                first_cluster_of_bytes(&bytes).map(|r| (r, bytes.len()))
            }
        };
        let Some(((cps, len), total)) = found else {
            return Ok(c.tuple(&[Term::atom(Atom::intern("error")), t]));
        };
        let head = cluster_term(c, &cps);
        let Some(rest) = c.sub_binary(t, len, total - len) else {
            return badarg();
        };
        return Ok(c.cons(head, rest));
    }
    if !t.is_list() && !t.is_nil() {
        return badarg();
    }
    let Some(s) = term_to_string(t) else {
        return badarg();
    };
    if s.is_empty() {
        return Ok(Term::NIL);
    }
    let (cps, len) = first_cluster(&s);
    let head = cluster_term(c, &cps);
    let rest: Vec<Term> = s[len..]
        .chars()
        .map(|ch| Term::small(ch as usize))
        .collect();
    let rest = c.list(&rest);
    Ok(c.cons(head, rest))
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("unicode_util", "gc", 1, gc, false));
}
