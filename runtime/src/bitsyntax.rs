//! Bit syntax at run time: building a bitstring from segments
//! (`BsCreate`) and reading one segment during a match (`BsGet`).
//!
//! Semantics follow the BEAM:
//! - sizes are `Size * Unit` bits; a missing size is 8 for integers, 64 for
//!   floats, the whole value (construction) or the rest (matching) for
//!   binaries and bitstrings;
//! - integers are written as the low bits of their two's complement;
//!   little-endian writes whole bytes low first, then the remaining high
//!   bits (`<<16#123:12/little>>` is `<<16#23, 1:4>>`), and reads invert it;
//! - floats are 64, 32 or 16 bits; matching a NaN or infinity fails;
//! - `binary` values must have a whole number of bytes (and a `binary`
//!   segment matched without a size, a rest that is a multiple of its unit);
//! - `utf8/16/32` encode one code point (not a surrogate, at most 16#10FFFF).
//!
//! Integers of any size are read and written: values beyond an `i64` go
//! through `num_bigint` (two's complement of the low `n` bits).

use eubeam_ir::BinType;

use crate::code::BinSpec;
use crate::heap::{self, Alloc};
use crate::term::binary::{BitSlice, BitWriter};
use crate::term::Term;

/// One segment to build: the value, its size (already evaluated), the spec.
pub struct BuildSeg<'a> {
    pub value: Term,
    pub size: Option<Term>,
    pub spec: &'a BinSpec,
}

/// Build a bitstring; `None` on a bad value or size (the caller raises
/// `badarg` or fails the guard).
pub fn build(a: &mut impl Alloc, segs: &[BuildSeg]) -> Option<Term> {
    let mut w = BitWriter::default();
    for s in segs {
        put(&mut w, s)?;
    }
    let (bytes, bits) = w.finish();
    Some(heap::make_bitstring(a, bytes, bits))
}

/// The size in bits `size * unit`, or `None` when the size is not a
/// non-negative integer.
fn bits_of(size: Term, unit: u8) -> Option<usize> {
    let n = usize::try_from(size.as_int()?).ok()?;
    n.checked_mul(usize::from(unit))
}

fn put(w: &mut BitWriter, s: &BuildSeg) -> Option<()> {
    let spec = s.spec;
    match spec.ty {
        BinType::Integer => {
            let n = match s.size {
                Some(sz) => bits_of(sz, spec.unit)?,
                None => 8,
            };
            match s.value.as_int() {
                Some(v) => put_integer(w, v, n, spec.little),
                None => put_big_integer(w, &crate::term::big::to_bigint(s.value)?, n, spec.little),
            }
        }
        BinType::Float => {
            let n = match s.size {
                Some(sz) => bits_of(sz, spec.unit)?,
                None => 64,
            };
            let f = match s.value.as_int() {
                Some(i) => i as f64,
                None => match s.value.as_float() {
                    Some(f) => f,
                    None => crate::term::big::to_f64(&crate::term::big::to_bigint(s.value)?)?,
                },
            };
            let (v, n) = match n {
                64 => (f.to_bits(), 64),
                32 => {
                    let x = f as f32;
                    if x.is_infinite() && f.is_finite() {
                        return None;
                    }
                    (u64::from(x.to_bits()), 32)
                }
                16 => (u64::from(f64_to_f16(f)?), 16),
                _ => return None,
            };
            put_integer(w, v as i64, n, spec.little);
        }
        BinType::Binary | BinType::Bitstring => {
            let b = s.value.bitstring()?;
            let n = match s.size {
                Some(sz) => bits_of(sz, spec.unit)?,
                None => b.bit_size(),
            };
            if n > b.bit_size() {
                return None;
            }
            if spec.ty == BinType::Binary && s.size.is_none() && !b.is_binary() {
                return None;
            }
            if s.size.is_none() && !n.is_multiple_of(usize::from(spec.unit.max(1))) {
                return None;
            }
            w.push_slice(&b, n);
        }
        BinType::Utf8 | BinType::Utf16 | BinType::Utf32 => {
            let c = s.value.as_int()?;
            let ch = char::from_u32(u32::try_from(c).ok()?)?;
            match spec.ty {
                BinType::Utf8 => {
                    let mut buf = [0u8; 4];
                    w.push_bytes(ch.encode_utf8(&mut buf).as_bytes());
                }
                BinType::Utf16 => {
                    let mut buf = [0u16; 2];
                    for &u in ch.encode_utf16(&mut buf).iter() {
                        put_integer(w, i64::from(u), 16, spec.little);
                    }
                }
                _ => put_integer(w, i64::from(u32::from(ch)), 32, spec.little),
            }
        }
    }
    Some(())
}

/// The low `n` bits of `v`'s two's complement (sign-extended beyond 64).
fn put_integer(w: &mut BitWriter, v: i64, n: usize, little: bool) {
    let byte_at = |k: usize| -> u64 {
        if k < 8 {
            ((v >> (8 * k)) & 0xff) as u64
        } else if v < 0 {
            0xff
        } else {
            0
        }
    };
    if little {
        let whole = n / 8;
        for k in 0..whole {
            w.push_bits(byte_at(k), 8);
        }
        let r = n % 8;
        if r > 0 {
            w.push_bits(byte_at(whole) & ((1 << r) - 1), r);
        }
        return;
    }
    // Big-endian: sign-extension bits above 64 first, then the low bits.
    let mut left = n;
    while left > 64 {
        let k = (left - 64).min(64);
        w.push_bits(if v < 0 { u64::MAX } else { 0 }, k);
        left -= k;
    }
    let mask = if left == 64 {
        u64::MAX
    } else {
        (1u64 << left) - 1
    };
    w.push_bits((v as u64) & mask, left);
}

/// The low `n` bits of a big value's two's complement, as `put_integer`.
fn put_big_integer(w: &mut BitWriter, v: &num_bigint::BigInt, n: usize, little: bool) {
    use num_bigint::BigInt;
    // `&` is two's complement on negative values: the low n bits, as a
    // non-negative value.
    let m: BigInt = v & ((BigInt::from(1) << n) - 1);
    let (_, mut bytes) = m.to_bytes_le();
    bytes.resize(n.div_ceil(8), 0);
    let (whole, r) = (n / 8, n % 8);
    if little {
        for &b in &bytes[..whole] {
            w.push_bits(u64::from(b), 8);
        }
        if r > 0 {
            w.push_bits(u64::from(bytes[whole]) & ((1 << r) - 1), r);
        }
    } else {
        if r > 0 {
            w.push_bits(u64::from(bytes[whole]), r);
        }
        for &b in bytes[..whole].iter().rev() {
            w.push_bits(u64::from(b), 8);
        }
    }
}

/// An `n`-bit integer at `pos` of any size (the inverse of `put_big_integer`).
fn read_big_integer(
    b: &BitSlice,
    pos: usize,
    n: usize,
    signed: bool,
    little: bool,
) -> num_bigint::BigInt {
    use num_bigint::{BigInt, BigUint};
    let (whole, r) = (n / 8, n % 8);
    // Little-endian bytes of the unsigned value.
    let mut bytes = vec![0u8; n.div_ceil(8)];
    if little {
        for (k, byte) in bytes.iter_mut().take(whole).enumerate() {
            *byte = b.read_bits(pos + 8 * k, 8) as u8;
        }
        if r > 0 {
            bytes[whole] = b.read_bits(pos + 8 * whole, r) as u8;
        }
    } else {
        let mut at = pos;
        if r > 0 {
            bytes[whole] = b.read_bits(at, r) as u8;
            at += r;
        }
        for k in (0..whole).rev() {
            bytes[k] = b.read_bits(at, 8) as u8;
            at += 8;
        }
    }
    let u = BigInt::from(BigUint::from_bytes_le(&bytes));
    if signed && n > 0 && u.bit(n as u64 - 1) {
        u - (BigInt::from(1) << n)
    } else {
        u
    }
}

/// IEEE half precision, rounding to nearest; `None` if out of range.
fn f64_to_f16(f: f64) -> Option<u16> {
    let x = f as f32;
    let bits = x.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exp = ((bits >> 23) & 0xff) as i32 - 127 + 15;
    let mant = bits & 0x7f_ffff;
    if x == 0.0 {
        return Some(sign);
    }
    if exp >= 31 {
        return None;
    }
    if exp <= 0 {
        // Subnormal half.
        if exp < -10 {
            return Some(sign);
        }
        let m = (mant | 0x80_0000) >> (1 - exp);
        let r = ((m + 0x1000) >> 13) as u16;
        return Some(sign | r);
    }
    let h = ((exp as u32) << 10) | (mant >> 13);
    let round = (mant >> 12) & 1;
    let h = h + round;
    if h >= 0x7c00 {
        return None;
    }
    Some(sign | h as u16)
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = i32::from((h >> 10) & 0x1f);
    let mant = f64::from(h & 0x3ff);
    match exp {
        0 => sign * mant * 2f64.powi(-24),
        31 => f64::NAN,
        _ => sign * (1.0 + mant / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// The result of reading one segment.
pub enum Got {
    /// The value and the position after it.
    Value(Term, usize),
    NoMatch,
    /// A value the runtime cannot represent yet (none today; kept for
    /// segment types to come).
    Unsupported(&'static str),
}

/// Read the segment `spec` (with its evaluated `size`) from `bin` at bit `pos`.
pub fn get(a: &mut impl Alloc, bin: Term, pos: usize, spec: &BinSpec, size: Option<Term>) -> Got {
    let Some(b) = bin.bitstring() else {
        return Got::NoMatch;
    };
    let total = b.bit_size();
    if pos > total {
        return Got::NoMatch;
    }
    let rest = total - pos;
    let sized = |default: usize| -> Option<usize> {
        match size {
            Some(sz) => bits_of(sz, spec.unit),
            None => Some(default),
        }
    };
    match spec.ty {
        BinType::Integer => {
            let Some(n) = sized(8).filter(|&n| n <= rest) else {
                return Got::NoMatch;
            };
            let t = match read_integer(&b, pos, n, spec.signed, spec.little) {
                Some(v) => heap::make_i64(a, v),
                None => {
                    let v = read_big_integer(&b, pos, n, spec.signed, spec.little);
                    heap::make_integer(a, &v)
                }
            };
            Got::Value(t, pos + n)
        }
        BinType::Float => {
            let Some(n) = sized(64).filter(|&n| n <= rest) else {
                return Got::NoMatch;
            };
            let raw = match read_integer(&b, pos, n.min(64), false, spec.little) {
                Some(v) => v as u64,
                None => return Got::NoMatch,
            };
            let f = match n {
                64 => f64::from_bits(raw),
                32 => f64::from(f32::from_bits(raw as u32)),
                16 => f16_to_f64(raw as u16),
                _ => return Got::NoMatch,
            };
            if !f.is_finite() {
                return Got::NoMatch;
            }
            Got::Value(heap::make_float(a, f), pos + n)
        }
        BinType::Binary | BinType::Bitstring => {
            let n = match size {
                Some(sz) => match bits_of(sz, spec.unit) {
                    Some(n) if n <= rest => n,
                    _ => return Got::NoMatch,
                },
                None => {
                    if !rest.is_multiple_of(usize::from(spec.unit.max(1))) {
                        return Got::NoMatch;
                    }
                    rest
                }
            };
            if spec.ty == BinType::Binary && size.is_none() && !n.is_multiple_of(8) {
                return Got::NoMatch;
            }
            match heap::make_sub_binary(a, bin, pos, n) {
                Some(t) => Got::Value(t, pos + n),
                None => Got::NoMatch,
            }
        }
        BinType::Utf8 => match read_utf8(&b, pos) {
            Some((c, n)) => Got::Value(Term::small(c as usize), pos + n),
            None => Got::NoMatch,
        },
        BinType::Utf16 => {
            if rest < 16 {
                return Got::NoMatch;
            }
            let Some(u) = read_integer(&b, pos, 16, false, spec.little) else {
                return Got::NoMatch;
            };
            let u = u as u32;
            if (0xd800..0xdc00).contains(&u) {
                if rest < 32 {
                    return Got::NoMatch;
                }
                let Some(l) = read_integer(&b, pos + 16, 16, false, spec.little) else {
                    return Got::NoMatch;
                };
                let l = l as u32;
                if !(0xdc00..0xe000).contains(&l) {
                    return Got::NoMatch;
                }
                let c = 0x10000 + ((u - 0xd800) << 10) + (l - 0xdc00);
                Got::Value(Term::small(c as usize), pos + 32)
            } else if (0xdc00..0xe000).contains(&u) {
                Got::NoMatch
            } else {
                Got::Value(Term::small(u as usize), pos + 16)
            }
        }
        BinType::Utf32 => {
            if rest < 32 {
                return Got::NoMatch;
            }
            match read_integer(&b, pos, 32, false, spec.little)
                .and_then(|v| u32::try_from(v).ok())
                .and_then(char::from_u32)
            {
                Some(c) => Got::Value(Term::small(c as usize), pos + 32),
                None => Got::NoMatch,
            }
        }
    }
}

/// An `n`-bit integer at `pos`; `None` when it does not fit in an i64.
fn read_integer(b: &BitSlice, pos: usize, n: usize, signed: bool, little: bool) -> Option<i64> {
    if n == 0 {
        return Some(0);
    }
    // Collect the value as u128 (up to 128 bits), then sign-extend.
    if n > 128 {
        // Only representable if the high bits are all equal to the sign of
        // the low 64 bits; reading them all is simplest done big-endian.
        if little {
            return None;
        }
        let high = n - 64;
        let first = b.bit(pos);
        for i in 0..high {
            if b.bit(pos + i) != first {
                return None;
            }
        }
        if !signed && first {
            return None;
        }
        let low = b.read_bits(pos + high, 64);
        let v = low as i64;
        return if (v < 0) == first { Some(v) } else { None };
    }
    let raw: u128 = if little {
        let whole = n / 8;
        let mut v: u128 = 0;
        for k in 0..whole {
            v |= u128::from(b.read_bits(pos + 8 * k, 8)) << (8 * k);
        }
        let r = n % 8;
        if r > 0 {
            v |= u128::from(b.read_bits(pos + 8 * whole, r)) << (8 * whole);
        }
        v
    } else if n <= 64 {
        u128::from(b.read_bits(pos, n))
    } else {
        (u128::from(b.read_bits(pos, n - 64)) << 64) | u128::from(b.read_bits(pos + n - 64, 64))
    };
    let v: i128 = if signed && n < 128 && (raw >> (n - 1)) & 1 == 1 {
        (raw as i128) - (1i128 << n)
    } else {
        raw as i128
    };
    i64::try_from(v).ok()
}

/// One UTF-8 encoded code point at `pos`: (code point, bits used).
fn read_utf8(b: &BitSlice, pos: usize) -> Option<(u32, usize)> {
    let rest = b.bit_size() - pos;
    if rest < 8 {
        return None;
    }
    let b0 = b.read_bits(pos, 8) as u8;
    let len = match b0 {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    if rest < len * 8 {
        return None;
    }
    let mut buf = [0u8; 4];
    for (i, slot) in buf.iter_mut().enumerate().take(len) {
        *slot = b.read_bits(pos + 8 * i, 8) as u8;
    }
    let s = std::str::from_utf8(&buf[..len]).ok()?;
    let c = s.chars().next()?;
    Some((u32::from(c), len * 8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;

    fn spec(ty: BinType, unit: u8, signed: bool, little: bool) -> BinSpec {
        BinSpec {
            ty,
            size: None,
            unit,
            signed,
            little,
        }
    }

    fn build_one(h: &mut Heap, v: Term, size: Option<i64>, s: &BinSpec) -> Vec<u8> {
        let t = build(
            h,
            &[BuildSeg {
                value: v,
                size: size.map(|n| Term::int(n).expect("small")),
                spec: s,
            }],
        )
        .expect("builds");
        t.bitstring().expect("bits").to_vec()
    }

    #[test]
    fn integers_round_trip_in_both_endians() {
        let mut h = Heap::new();
        let big = spec(BinType::Integer, 1, false, false);
        let little = spec(BinType::Integer, 1, false, true);
        assert_eq!(
            build_one(&mut h, Term::small(0x123), Some(16), &big),
            vec![1, 0x23]
        );
        assert_eq!(
            build_one(&mut h, Term::small(0x123), Some(16), &little),
            vec![0x23, 1]
        );
        // <<16#123:12/little>> = <<16#23, 1:4>> (recorded from erl).
        let t = build(
            &mut h,
            &[BuildSeg {
                value: Term::small(0x123),
                size: Term::int(12),
                spec: &little,
            }],
        )
        .expect("builds");
        let b = t.bitstring().expect("bits");
        assert_eq!(
            (b.bit_size(), b.read_bits(0, 8), b.read_bits(8, 4)),
            (12, 0x23, 1)
        );
        match get(&mut h, t, 0, &little, Term::int(12)) {
            Got::Value(v, 12) => assert_eq!(v.as_int(), Some(0x123)),
            _ => panic!("no match"),
        }
        // Signed, negative, wide.
        let signed = spec(BinType::Integer, 1, true, false);
        let bytes = build_one(&mut h, Term::int(-2).expect("small"), Some(72), &signed);
        assert_eq!(
            bytes,
            vec![0xff; 8].into_iter().chain([0xfe]).collect::<Vec<_>>()
        );
        let t = heap::make_binary(&mut h, &bytes);
        match get(&mut h, t, 0, &signed, Term::int(72)) {
            Got::Value(v, 72) => assert_eq!(v.as_int(), Some(-2)),
            _ => panic!("no match"),
        }
        // Unsigned 64-bit with the top bit set is a bignum.
        let t = heap::make_binary(&mut h, &[0xff; 8]);
        match get(&mut h, t, 0, &big, Term::int(64)) {
            Got::Value(v, 64) => assert_eq!(
                crate::term::big::to_bigint(v),
                Some(num_bigint::BigInt::from(u64::MAX))
            ),
            _ => panic!("no match"),
        }
    }

    #[test]
    fn floats_and_utf() {
        let mut h = Heap::new();
        let f = spec(BinType::Float, 1, false, false);
        let x = heap::make_float(&mut h, 1.5);
        assert_eq!(
            build_one(&mut h, x, Some(32), &f),
            1.5f32.to_bits().to_be_bytes().to_vec()
        );
        assert_eq!(build_one(&mut h, x, Some(16), &f), vec![0x3e, 0]);
        let t = heap::make_binary(&mut h, &[0x3e, 0]);
        match get(&mut h, t, 0, &f, Term::int(16)) {
            Got::Value(v, 16) => assert_eq!(v.as_float(), Some(1.5)),
            _ => panic!("no match"),
        }
        let u8s = spec(BinType::Utf8, 1, false, false);
        assert_eq!(
            build_one(&mut h, Term::small(0x20ac), None, &u8s),
            "€".as_bytes().to_vec()
        );
        let t = heap::make_binary(&mut h, "€".as_bytes());
        assert!(matches!(get(&mut h, t, 0, &u8s, None), Got::Value(_, 24)));
        let u16s = spec(BinType::Utf16, 1, false, false);
        assert_eq!(
            build_one(&mut h, Term::small(0x1f600), None, &u16s),
            vec![0xd8, 0x3d, 0xde, 0x00]
        );
        // Surrogates are no code points.
        let seg = BuildSeg {
            value: Term::small(0xd800),
            size: None,
            spec: &u8s,
        };
        assert!(build(&mut h, &[seg]).is_none());
    }
}
