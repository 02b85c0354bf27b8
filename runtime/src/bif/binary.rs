//! BIFs over binaries and bitstrings (`erlang` ones and a `binary` module
//! subset). Errors follow OTP: `badarg` for wrong types or ranges.

use super::{badarg, Ctx, NativeTable, Trap};
use crate::heap;
use crate::term::binary::{BitSlice, BitWriter};
use crate::term::{Atom, Term};

impl Ctx<'_> {
    /// A binary holding `bytes` on this process's heap (or off-heap).
    pub fn binary(&mut self, bytes: &[u8]) -> Term {
        heap::make_binary(&mut self.p.heap, bytes)
    }

    /// A binary from an owned buffer (large ones are moved off-heap).
    pub fn binary_from_vec(&mut self, bytes: Vec<u8>) -> Term {
        heap::make_binary_from_vec(&mut self.p.heap, bytes)
    }

    /// A sub-binary of `t` (bytes `pos..pos+len`), sharing its data.
    pub fn sub_binary(&mut self, t: Term, pos: usize, len: usize) -> Option<Term> {
        heap::make_sub_binary(&mut self.p.heap, t, pos * 8, len * 8)
    }
}

fn bits(t: Term) -> Result<BitSlice, Trap> {
    t.bitstring().map_or_else(badarg, Ok)
}

/// The bytes of a binary (whole bytes), or badarg.
fn bytes_of(t: Term) -> Result<Vec<u8>, Trap> {
    t.binary_bytes().map_or_else(badarg, Ok)
}

fn non_neg(t: Term) -> Result<usize, Trap> {
    match t.as_int() {
        Some(i) if i >= 0 => Ok(i as usize),
        _ => badarg(),
    }
}

/// Flatten an iolist (bytes, binaries, nested lists; a binary tail is
/// allowed) into `w`. With `bitstrings`, binaries may be any bitstring
/// (`list_to_bitstring`). Iterative: nesting depth costs heap, not stack.
pub fn flatten_iolist(t: Term, w: &mut BitWriter, bitstrings: bool) -> Option<()> {
    let mut stack = vec![t];
    while let Some(mut cur) = stack.pop() {
        loop {
            if cur.is_nil() {
                break;
            }
            if let Some(b) = cur.bitstring() {
                if !bitstrings && !b.is_binary() {
                    return None;
                }
                w.push_slice(&b, b.bit_size());
                break;
            }
            let (h, tl) = cur.cons()?;
            if let Some(i) = h.as_int() {
                w.push_bits(u64::from(u8::try_from(i).ok()?), 8);
            } else if h.is_list() || h.is_bitstring() {
                stack.push(tl);
                cur = h;
                continue;
            } else {
                return None;
            }
            cur = tl;
        }
    }
    Some(())
}

/// The bytes of an iolist (or a binary), or badarg.
pub fn iolist_bytes(t: Term) -> Result<Vec<u8>, Trap> {
    let mut w = BitWriter::default();
    match flatten_iolist(t, &mut w, false) {
        Some(()) => Ok(w.finish().0),
        None => badarg(),
    }
}

fn byte_size(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::small(bits(a[0])?.byte_size()))
}

fn bit_size(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::small(bits(a[0])?.bit_size()))
}

fn byte_list(c: &mut Ctx, bytes: &[u8]) -> Term {
    let items: Vec<Term> = bytes.iter().map(|&b| Term::small(b as usize)).collect();
    c.list(&items)
}

fn binary_to_list1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let b = bytes_of(a[0])?;
    Ok(byte_list(c, &b))
}

fn binary_to_list3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let b = bytes_of(a[0])?;
    let (s, e) = (non_neg(a[1])?, non_neg(a[2])?);
    if s < 1 || e < s || e > b.len() {
        return badarg();
    }
    Ok(byte_list(c, &b[s - 1..e]))
}

fn bitstring_to_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let b = bits(a[0])?;
    let whole = b.bit_size() / 8;
    let mut items: Vec<Term> = (0..whole)
        .map(|i| Term::small(b.content_byte(i) as usize))
        .collect();
    let rest = b.bit_size() % 8;
    if rest != 0 {
        // The trailing bits are the last element: `[1, <<2:3>>]`.
        let mut w = BitWriter::default();
        w.push_bits(b.read_bits(whole * 8, rest), rest);
        let (v, n) = w.finish();
        items.push(heap::make_bitstring(&mut c.p.heap, v, n));
    }
    Ok(c.list(&items))
}

fn list_to_binary(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if !a[0].is_list() {
        return badarg();
    }
    let b = iolist_bytes(a[0])?;
    Ok(c.binary_from_vec(b))
}

fn iolist_to_binary(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if a[0].is_binary() {
        return Ok(a[0]);
    }
    list_to_binary(c, a)
}

fn iolist_size(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::small(iolist_bytes(a[0])?.len()))
}

fn list_to_bitstring(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if !a[0].is_list() {
        return badarg();
    }
    let mut w = BitWriter::default();
    if flatten_iolist(a[0], &mut w, true).is_none() {
        return badarg();
    }
    let (v, n) = w.finish();
    Ok(heap::make_bitstring(&mut c.p.heap, v, n))
}

/// `{Start, Len}` (Len may be negative: the part ends at Start) checked
/// against `size`; returns (start, len).
fn part_range(size: usize, start: Term, len: Term) -> Result<(usize, usize), Trap> {
    let (Some(s), Some(l)) = (start.as_int(), len.as_int()) else {
        return badarg();
    };
    let (s, e) = if l >= 0 { (s, s + l) } else { (s + l, s) };
    if s < 0 || e > size as i64 {
        return badarg();
    }
    Ok((s as usize, (e - s) as usize))
}

fn part(c: &mut Ctx, bin: Term, start: Term, len: Term) -> Result<Term, Trap> {
    let b = bits(bin)?;
    if !b.is_binary() {
        return badarg();
    }
    let (s, l) = part_range(b.byte_size(), start, len)?;
    c.sub_binary(bin, s, l).map_or_else(badarg, Ok)
}

fn binary_part2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[1].tuple().map(|t| t.to_vec()).as_deref() {
        Some(&[s, l]) => part(c, a[0], s, l),
        _ => badarg(),
    }
}

fn binary_part3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    part(c, a[0], a[1], a[2])
}

fn split_binary(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let b = bits(a[0])?;
    let n = non_neg(a[1])?;
    if !b.is_binary() || n > b.byte_size() {
        return badarg();
    }
    let size = b.byte_size();
    let x = c.sub_binary(a[0], 0, n).map_or_else(badarg, Ok)?;
    let y = c.sub_binary(a[0], n, size - n).map_or_else(badarg, Ok)?;
    Ok(c.tuple(&[x, y]))
}

/// `latin1 | unicode | utf8` (the encoding argument of atom conversions).
fn encoding(t: Term) -> Result<bool, Trap> {
    match t.as_atom().map(|a| a.text()) {
        Some("latin1") => Ok(false),
        Some("unicode" | "utf8") => Ok(true),
        _ => badarg(),
    }
}

fn atom_to_binary(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(at) = a[0].as_atom() else {
        return badarg();
    };
    let utf8 = match a.get(1) {
        Some(&e) => encoding(e)?,
        None => true,
    };
    let text = at.text();
    if utf8 {
        Ok(c.binary(text.as_bytes()))
    } else {
        let mut out = Vec::with_capacity(text.len());
        for ch in text.chars() {
            match u8::try_from(u32::from(ch)) {
                Ok(b) => out.push(b),
                Err(_) => return badarg(),
            }
        }
        Ok(c.binary(&out))
    }
}

fn binary_text(a: &[Term]) -> Result<String, Trap> {
    let b = bytes_of(a[0])?;
    let utf8 = match a.get(1) {
        Some(&e) => encoding(e)?,
        None => true,
    };
    if utf8 {
        String::from_utf8(b).map_or_else(|_| badarg(), Ok)
    } else {
        Ok(b.iter().map(|&x| char::from(x)).collect())
    }
}

fn binary_to_atom(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let s = binary_text(a)?;
    if s.chars().count() > 255 {
        return Err(Trap::Error(Term::atom(Atom::SYSTEM_LIMIT)));
    }
    Ok(Term::atom(Atom::intern(&s)))
}

fn binary_to_existing_atom(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let s = binary_text(a)?;
    Atom::lookup(&s).map_or_else(badarg, |at| Ok(Term::atom(at)))
}

fn integer_to_binary(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    // Through integer_to_list, so both agree on every integer it supports.
    let l = super::erlang::integer_to_list(c, a)?;
    let b = iolist_bytes(l)?;
    Ok(c.binary_from_vec(b))
}

fn binary_to_integer(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let b = bytes_of(a[0])?;
    let l = byte_list(c, &b);
    let mut args = vec![l];
    args.extend_from_slice(&a[1..]);
    super::erlang::list_to_integer(c, &args)
}

// ---- the `binary` module ----

fn bin_copy(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let b = bytes_of(a[0])?;
    let n = match a.get(1) {
        Some(&t) => non_neg(t)?,
        None => 1,
    };
    let Some(total) = b.len().checked_mul(n) else {
        return Err(Trap::Error(Term::atom(Atom::SYSTEM_LIMIT)));
    };
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(&b);
    }
    Ok(c.binary_from_vec(out))
}

fn bin_at(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let b = bits(a[0])?;
    let i = non_neg(a[1])?;
    if !b.is_binary() || i >= b.byte_size() {
        return badarg();
    }
    Ok(Term::small(b.content_byte(i) as usize))
}

fn bin_first(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let b = bits(a[0])?;
    if !b.is_binary() || b.byte_size() == 0 {
        return badarg();
    }
    Ok(Term::small(b.content_byte(0) as usize))
}

fn bin_last(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let b = bits(a[0])?;
    if !b.is_binary() || b.byte_size() == 0 {
        return badarg();
    }
    Ok(Term::small(b.content_byte(b.byte_size() - 1) as usize))
}

fn bin_part3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    part(c, a[0], a[1], a[2])
}

fn bin_part2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    binary_part2(c, a)
}

/// Search patterns: one binary or a non-empty list of non-empty binaries.
fn patterns(t: Term) -> Result<Vec<Vec<u8>>, Trap> {
    let pats = if t.is_bitstring() {
        vec![bytes_of(t)?]
    } else {
        let Some(items) = t.list_to_vec() else {
            return badarg();
        };
        items
            .into_iter()
            .map(bytes_of)
            .collect::<Result<Vec<_>, _>>()?
    };
    if pats.is_empty() || pats.iter().any(Vec::is_empty) {
        return badarg();
    }
    Ok(pats)
}

/// The first (leftmost, then longest) match of any pattern at or after `from`.
fn find(hay: &[u8], pats: &[Vec<u8>], from: usize) -> Option<(usize, usize)> {
    (from..hay.len()).find_map(|i| {
        pats.iter()
            .filter(|p| hay[i..].starts_with(p))
            .map(Vec::len)
            .max()
            .map(|l| (i, l))
    })
}

/// Options of split/3 and replace/4 that this subset supports.
struct Opts {
    global: bool,
    trim: bool,
    trim_all: bool,
    insert: Option<Vec<usize>>,
}

fn options(c: &mut Ctx, t: Term) -> Result<Opts, Trap> {
    let Some(items) = t.list_to_vec() else {
        return badarg();
    };
    let mut o = Opts {
        global: false,
        trim: false,
        trim_all: false,
        insert: None,
    };
    for it in items {
        match it.as_atom().map(|a| a.text()) {
            Some("global") => o.global = true,
            Some("trim") => o.trim = true,
            Some("trim_all") => o.trim_all = true,
            _ => {
                let tv = it.tuple().map(|t| t.to_vec());
                match tv.as_deref() {
                    Some(&[k, v]) if k.as_atom().map(|a| a.text()) == Some("insert_replaced") => {
                        let ps = if let Some(i) = v.as_int() {
                            vec![usize::try_from(i).map_or_else(|_| badarg(), Ok)?]
                        } else {
                            v.list_to_vec()
                                .map_or_else(badarg, Ok)?
                                .into_iter()
                                .map(non_neg)
                                .collect::<Result<Vec<_>, _>>()?
                        };
                        o.insert = Some(ps);
                    }
                    _ => {
                        // e.g. {scope, _}: raise {not_supported, Option}.
                        let r = c.tuple(&[Term::atom(Atom::NOT_SUPPORTED), it]);
                        return Err(Trap::Error(r));
                    }
                }
            }
        }
    }
    Ok(o)
}

fn bin_split(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let hay = bytes_of(a[0])?;
    let pats = patterns(a[1])?;
    let o = match a.get(2) {
        Some(&t) => options(c, t)?,
        None => options(c, Term::NIL)?,
    };
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while let Some((i, l)) = find(&hay, &pats, start) {
        parts.push((start, i - start));
        start = i + l;
        if !o.global {
            break;
        }
    }
    parts.push((start, hay.len() - start));
    if o.trim_all {
        parts.retain(|&(_, l)| l > 0);
    } else if o.trim {
        while parts.last().is_some_and(|&(_, l)| l == 0) {
            parts.pop();
        }
    }
    let mut out = Vec::with_capacity(parts.len());
    for (s, l) in parts {
        out.push(c.sub_binary(a[0], s, l).map_or_else(badarg, Ok)?);
    }
    Ok(c.list(&out))
}

fn bin_match(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let hay = bytes_of(a[0])?;
    let pats = patterns(a[1])?;
    match find(&hay, &pats, 0) {
        Some((i, l)) => Ok(c.tuple(&[Term::small(i), Term::small(l)])),
        None => Ok(Term::atom(Atom::intern("nomatch"))),
    }
}

fn bin_matches(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let hay = bytes_of(a[0])?;
    let pats = patterns(a[1])?;
    let mut out = Vec::new();
    let mut start = 0;
    while let Some((i, l)) = find(&hay, &pats, start) {
        out.push(c.tuple(&[Term::small(i), Term::small(l)]));
        start = i + l;
    }
    Ok(c.list(&out))
}

fn bin_replace(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let hay = bytes_of(a[0])?;
    let pats = patterns(a[1])?;
    let rep = bytes_of(a[2])?;
    let o = match a.get(3) {
        Some(&t) => options(c, t)?,
        None => options(c, Term::NIL)?,
    };
    let mut out = Vec::with_capacity(hay.len());
    let mut start = 0;
    while let Some((i, l)) = find(&hay, &pats, start) {
        out.extend_from_slice(&hay[start..i]);
        match &o.insert {
            None => out.extend_from_slice(&rep),
            Some(points) => {
                // Insert the matched part at each position of the replacement.
                if points.iter().any(|&p| p > rep.len()) {
                    return badarg();
                }
                let mut sorted = points.clone();
                sorted.sort_unstable();
                let mut prev = 0;
                for p in sorted {
                    out.extend_from_slice(&rep[prev..p]);
                    out.extend_from_slice(&hay[i..i + l]);
                    prev = p;
                }
                out.extend_from_slice(&rep[prev..]);
            }
        }
        start = i + l;
        if !o.global {
            break;
        }
    }
    out.extend_from_slice(&hay[start..]);
    Ok(c.binary_from_vec(out))
}

fn big_endian(t: Option<&Term>) -> Result<bool, Trap> {
    match t.map(|t| t.as_atom().map(|a| a.text())) {
        None | Some(Some("big")) => Ok(true),
        Some(Some("little")) => Ok(false),
        _ => badarg(),
    }
}

/// Any size: bignums beyond 64 bits.
fn decode_unsigned(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let mut b = bytes_of(a[0])?;
    if !big_endian(a.get(1))? {
        b.reverse();
    }
    let v = num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &b);
    Ok(heap::make_integer(&mut c.p.heap, &v))
}

fn encode_unsigned(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let v = match crate::term::big::to_bigint(a[0]) {
        Some(v) if v.sign() != num_bigint::Sign::Minus => v,
        _ => return badarg(),
    };
    let (_, mut out) = v.to_bytes_be();
    if out.is_empty() {
        out.push(0);
    }
    if !big_endian(a.get(1))? {
        out.reverse();
    }
    Ok(c.binary(&out))
}

fn bin_list_to_bin(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    list_to_binary(c, a)
}

fn bin_to_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a.len() {
        1 => binary_to_list1(c, a),
        2 => {
            let tv = a[1].tuple().map(|t| t.to_vec());
            let Some(&[s, l]) = tv.as_deref() else {
                return badarg();
            };
            let p = part(c, a[0], s, l)?;
            binary_to_list1(c, &[p])
        }
        _ => {
            let p = part(c, a[0], a[1], a[2])?;
            binary_to_list1(c, &[p])
        }
    }
}

pub(super) fn register(t: &mut NativeTable) {
    // Guard BIFs are inlinable.
    for &(f, ar, nf) in &[
        ("byte_size", 1, byte_size as super::NativeFn),
        ("bit_size", 1, bit_size),
        ("binary_part", 2, binary_part2),
        ("binary_part", 3, binary_part3),
    ] {
        t.push(("erlang", f, ar, nf, true));
    }
    let called: &[(&str, u32, super::NativeFn)] = &[
        ("binary_to_list", 1, binary_to_list1),
        ("binary_to_list", 3, binary_to_list3),
        ("bitstring_to_list", 1, bitstring_to_list),
        ("list_to_binary", 1, list_to_binary),
        ("list_to_bitstring", 1, list_to_bitstring),
        ("iolist_to_binary", 1, iolist_to_binary),
        ("iolist_size", 1, iolist_size),
        ("split_binary", 2, split_binary),
        ("atom_to_binary", 1, atom_to_binary),
        ("atom_to_binary", 2, atom_to_binary),
        ("binary_to_atom", 1, binary_to_atom),
        ("binary_to_atom", 2, binary_to_atom),
        ("binary_to_existing_atom", 1, binary_to_existing_atom),
        ("binary_to_existing_atom", 2, binary_to_existing_atom),
        ("integer_to_binary", 1, integer_to_binary),
        ("integer_to_binary", 2, integer_to_binary),
        ("binary_to_integer", 1, binary_to_integer),
        ("binary_to_integer", 2, binary_to_integer),
    ];
    for &(f, ar, nf) in called {
        t.push(("erlang", f, ar, nf, false));
    }
    let module: &[(&str, u32, super::NativeFn)] = &[
        ("copy", 1, bin_copy),
        ("copy", 2, bin_copy),
        ("at", 2, bin_at),
        ("first", 1, bin_first),
        ("last", 1, bin_last),
        ("part", 2, bin_part2),
        ("part", 3, bin_part3),
        ("split", 2, bin_split),
        ("split", 3, bin_split),
        ("match", 2, bin_match),
        ("matches", 2, bin_matches),
        ("replace", 3, bin_replace),
        ("replace", 4, bin_replace),
        ("decode_unsigned", 1, decode_unsigned),
        ("decode_unsigned", 2, decode_unsigned),
        ("encode_unsigned", 1, encode_unsigned),
        ("encode_unsigned", 2, encode_unsigned),
        ("list_to_bin", 1, bin_list_to_bin),
        ("bin_to_list", 1, bin_to_list),
        ("bin_to_list", 2, bin_to_list),
        ("bin_to_list", 3, bin_to_list),
    ];
    for &(f, ar, nf) in module {
        t.push(("binary", f, ar, nf, false));
    }
}
