//! Integers beyond the small range: conversions between terms and
//! `num_bigint::BigInt`, and exact comparisons between integers and floats.
//!
//! A bignum is a boxed object `[header(PosBig|NegBig, n), limb0, ...,
//! limb(n-1)]`: the magnitude in 64-bit limbs, least significant first, the
//! sign in the subtag. Invariant (normalisation): a bignum's value never fits
//! a small integer and its top limb is non-zero, so every integer has exactly
//! one representation and `=:=` on integers can compare words. Bignums are
//! built only by `heap::make_integer`, which enforces this.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{FromPrimitive, ToPrimitive, Zero};

use super::Term;

/// The value of an integer term (small or big); `None` for anything else.
pub fn to_bigint(t: Term) -> Option<BigInt> {
    if let Some(i) = t.as_int() {
        return Some(BigInt::from(i));
    }
    let (neg, limbs) = t.big_limbs()?;
    let mag = BigUint::from_slice(&limbs_to_u32(&limbs));
    Some(BigInt::from_biguint(
        if neg { Sign::Minus } else { Sign::Plus },
        mag,
    ))
}

fn limbs_to_u32(limbs: &[u64]) -> Vec<u32> {
    let mut out = Vec::with_capacity(limbs.len() * 2);
    for &l in limbs {
        out.push(l as u32);
        out.push((l >> 32) as u32);
    }
    out
}

/// Sign and magnitude limbs (least significant first, no leading zero) of a
/// value, for storing as a bignum.
pub fn limbs_of(v: &BigInt) -> (bool, Vec<u64>) {
    (v.sign() == Sign::Minus, v.magnitude().to_u64_digits())
}

/// The nearest float, or `None` when the value is beyond the float range
/// (Erlang raises `badarith` there).
pub fn to_f64(v: &BigInt) -> Option<f64> {
    v.to_f64().filter(|f| f.is_finite())
}

/// The value of a finite float with no fractional part, as an integer.
pub fn from_integral_f64(f: f64) -> Option<BigInt> {
    BigInt::from_f64(f)
}

/// Exact comparison of an integer with a finite float (no rounding of the
/// integer to a float, so `(1 bsl 64) + 1 > 18446744073709551616.0`).
pub fn cmp_int_float(i: &BigInt, f: f64) -> Ordering {
    if f.is_nan() {
        return Ordering::Equal;
    }
    if f == f64::INFINITY {
        return Ordering::Less;
    }
    if f == f64::NEG_INFINITY {
        return Ordering::Greater;
    }
    let fl = f.floor();
    let Some(fi) = BigInt::from_f64(fl) else {
        return Ordering::Equal;
    };
    match i.cmp(&fi) {
        // i == floor(f): equal if f is integral, else i < f.
        Ordering::Equal if fl == f => Ordering::Equal,
        Ordering::Equal => Ordering::Less,
        o => o,
    }
}

/// Exact comparison of a small integer with a float: exact in `f64` when
/// the integer has at most 53 significant bits, via `BigInt` otherwise.
pub fn cmp_small_float(i: i64, f: f64) -> Ordering {
    if i.unsigned_abs() < (1u64 << 53) {
        (i as f64).partial_cmp(&f).unwrap_or(Ordering::Equal)
    } else {
        cmp_int_float(&BigInt::from(i), f)
    }
}

/// Whether `v` is zero (for division checks without building terms).
pub fn is_zero(v: &BigInt) -> bool {
    v.is_zero()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_float_comparison_is_exact() {
        let two64 = BigInt::from(1u128 << 64);
        assert_eq!(
            cmp_int_float(&two64, 18446744073709551616.0),
            Ordering::Equal
        );
        assert_eq!(
            cmp_int_float(&(&two64 + 1), 18446744073709551616.0),
            Ordering::Greater
        );
        assert_eq!(
            cmp_int_float(&(&two64 - 1), 18446744073709551616.0),
            Ordering::Less
        );
        assert_eq!(cmp_int_float(&BigInt::from(3), 2.5), Ordering::Greater);
        assert_eq!(cmp_int_float(&BigInt::from(-3), -2.5), Ordering::Less);
        assert_eq!(cmp_int_float(&BigInt::from(2), 2.5), Ordering::Less);
        assert_eq!(
            cmp_small_float((1 << 58) + 1, (1u64 << 58) as f64),
            Ordering::Greater
        );
        assert_eq!(cmp_small_float(-5, -5.0), Ordering::Equal);
    }

    #[test]
    fn float_conversions() {
        assert_eq!(
            to_f64(&BigInt::from(1u128 << 80)),
            Some(1.2089258196146292e24)
        );
        assert_eq!(to_f64(&(BigInt::from(1) << 1100usize)), None);
        assert_eq!(
            from_integral_f64(1.0e20),
            Some("100000000000000000000".parse().unwrap_or_default())
        );
        let (neg, limbs) = limbs_of(&-(BigInt::from(1) << 70usize));
        assert!(neg);
        assert_eq!(limbs, vec![0, 64]);
    }
}
