//! Helpers over [`PTerm`]: a canonical view of lists, and the flattening of
//! iolists / chardata that `~s` and `~ts` accept.

use super::PTerm;

/// A list seen as its elements and its improper tail, whatever way the
/// runtime nested it: `List([1], Some(List([2], None)))` is `[1,2]`, a tail of
/// `Nil` is a proper end, and `List([], None)` is `[]`.
pub(super) struct ListView<'a> {
    pub elems: Vec<&'a PTerm>,
    /// The non-list tail of an improper list (`2` in `[1|2]`).
    pub tail: Option<&'a PTerm>,
}

/// Returns the list view of `t` if it is a non-empty list (`[_|_]`).
pub(super) fn cons_view(t: &PTerm) -> Option<ListView<'_>> {
    let PTerm::List(first, first_tail) = t else {
        return None;
    };
    let mut elems: Vec<&PTerm> = first.iter().collect();
    let mut tail = first_tail.as_deref();
    while let Some(PTerm::List(more, next)) = tail {
        elems.extend(more.iter());
        tail = next.as_deref();
    }
    if matches!(tail, Some(PTerm::Nil)) {
        tail = None;
    }
    if elems.is_empty() {
        // `List([], Some(x))` is not a real term; the best reading is `x`.
        return match tail {
            Some(x) => cons_view(x),
            None => None,
        };
    }
    Some(ListView { elems, tail })
}

/// Whether `t` is the empty list, in any of its encodings.
pub(super) fn is_nil(t: &PTerm) -> bool {
    match t {
        PTerm::Nil => true,
        PTerm::List(..) => cons_view(t).is_none() && list_is_empty_chain(t),
        _ => false,
    }
}

fn list_is_empty_chain(t: &PTerm) -> bool {
    match t {
        PTerm::Nil => true,
        PTerm::List(e, tail) => {
            e.is_empty()
                && match tail {
                    None => true,
                    Some(t) => list_is_empty_chain(t),
                }
        }
        _ => false,
    }
}

/// If `t` is a proper list of integers, returns them (empty for `[]`).
pub(super) fn int_list(t: &PTerm) -> Option<Vec<i64>> {
    if is_nil(t) {
        return Some(Vec::new());
    }
    let v = cons_view(t)?;
    if v.tail.is_some() {
        return None;
    }
    v.elems
        .iter()
        .map(|e| match e {
            PTerm::Int(i) => Some(*i),
            _ => None,
        })
        .collect()
}

/// Flattens an iolist for `~s` (`io_lib_format:iolist_to_chars/1`): integers
/// 0..=255, binaries (bytes taken as Latin-1) and nested lists; a binary may
/// also stand as the tail of a list. Anything else is `None` (badarg).
pub(super) fn iolist_chars(t: &PTerm, out: &mut Vec<char>) -> Option<()> {
    match t {
        PTerm::Binary(b) => {
            out.extend(b.iter().map(|&c| char::from(c)));
            Some(())
        }
        PTerm::Nil => Some(()),
        PTerm::List(..) => {
            if is_nil(t) {
                return Some(());
            }
            let v = cons_view(t)?;
            for e in v.elems {
                match e {
                    PTerm::Int(c) if (0..=255).contains(c) => {
                        out.push(char::from(u8::try_from(*c).ok()?));
                    }
                    PTerm::Int(_) => return None,
                    PTerm::List(..) | PTerm::Nil | PTerm::Binary(_) => iolist_chars(e, out)?,
                    _ => return None,
                }
            }
            match v.tail {
                None => Some(()),
                Some(b @ PTerm::Binary(_)) => iolist_chars(b, out),
                Some(_) => None,
            }
        }
        _ => None,
    }
}

/// Flattens chardata for `~ts` (`io_lib_format:cdata_to_chars/1`): code
/// points, nested lists, and binaries decoded as UTF-8 (a binary that is not
/// valid UTF-8 is taken as Latin-1 bytes instead, as OTP does).
pub(super) fn chardata_chars(t: &PTerm, out: &mut Vec<char>) -> Option<()> {
    match t {
        PTerm::Binary(b) => {
            match std::str::from_utf8(b) {
                Ok(s) => out.extend(s.chars()),
                Err(_) => out.extend(b.iter().map(|&c| char::from(c))),
            }
            Some(())
        }
        PTerm::Nil => Some(()),
        PTerm::List(..) => {
            if is_nil(t) {
                return Some(());
            }
            let v = cons_view(t)?;
            for e in v.elems {
                match e {
                    // OTP accepts any integer >= 0 here, but one that is not
                    // a code point makes the io server fail afterwards.
                    PTerm::Int(c) => out.push(code_point(*c)?),
                    PTerm::List(..) | PTerm::Nil | PTerm::Binary(_) => chardata_chars(e, out)?,
                    _ => return None,
                }
            }
            match v.tail {
                None => Some(()),
                Some(b @ PTerm::Binary(_)) => chardata_chars(b, out),
                Some(_) => None,
            }
        }
        _ => None,
    }
}

/// Flattens a deep list of code points (`io_lib:deep_char_list/1`), used for
/// the prefix argument of `~x`/`~X`. No binaries allowed.
pub(super) fn deep_char_list(t: &PTerm, out: &mut Vec<char>) -> Option<()> {
    if is_nil(t) {
        return Some(());
    }
    let v = cons_view(t)?;
    if v.tail.is_some() {
        return None;
    }
    for e in v.elems {
        match e {
            PTerm::Int(c) => {
                // deep_char_list excludes surrogates and 16#FFFE/16#FFFF.
                if (0xFFFE..=0xFFFF).contains(c) {
                    return None;
                }
                out.push(code_point(*c)?);
            }
            PTerm::List(..) | PTerm::Nil => deep_char_list(e, out)?,
            _ => return None,
        }
    }
    Some(())
}

/// An integer as a Unicode scalar value, if it is one.
pub(super) fn code_point(c: i64) -> Option<char> {
    u32::try_from(c).ok().and_then(char::from_u32)
}

/// The digits of a big integer in `base` (2..=36, upper case), with a `-`
/// for negative values. Schoolbook: divides the magnitude by the largest
/// power of `base` that fits a `u32`, yielding several digits per pass.
pub(super) fn big_text(negative: bool, magnitude: &[u64], base: u32) -> String {
    let base = base.clamp(2, 36);
    let mut chunk = u64::from(base);
    let mut per_chunk = 1usize;
    while chunk * u64::from(base) <= u64::from(u32::MAX) {
        chunk *= u64::from(base);
        per_chunk += 1;
    }
    // 32-bit limbs, most significant first, so each step divides a u64.
    let mut limbs: Vec<u32> = magnitude
        .iter()
        .rev()
        .flat_map(|&l| [(l >> 32) as u32, l as u32])
        .skip_while(|&l| l == 0)
        .collect();
    let mut digits: Vec<u8> = Vec::new();
    while !limbs.is_empty() {
        let mut rem = 0u64;
        for l in limbs.iter_mut() {
            let cur = (rem << 32) | u64::from(*l);
            *l = (cur / chunk) as u32;
            rem = cur % chunk;
        }
        let first_nonzero = limbs.iter().position(|&l| l != 0).unwrap_or(limbs.len());
        limbs.drain(..first_nonzero);
        for _ in 0..per_chunk {
            digits.push(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(rem % u64::from(base)) as usize]);
            rem /= u64::from(base);
            if limbs.is_empty() && rem == 0 {
                break;
            }
        }
    }
    if digits.is_empty() {
        digits.push(b'0');
    }
    if negative {
        digits.push(b'-');
    }
    digits.iter().rev().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod big_tests {
    use super::big_text;

    #[test]
    fn big_text_in_any_base() {
        // 2^100 and -(2^70 + 12345), checked against erl.
        assert_eq!(
            big_text(false, &[0, 1 << 36], 10),
            "1267650600228229401496703205376"
        );
        assert_eq!(
            big_text(false, &[0, 1 << 36], 16),
            "10000000000000000000000000"
        );
        assert_eq!(big_text(true, &[12345, 64], 10), "-1180591620717411315769");
        assert_eq!(big_text(true, &[12345, 64], 16), "-400000000000003039");
        assert_eq!(big_text(false, &[], 10), "0");
        assert_eq!(big_text(false, &[7], 2), "111");
    }
}
