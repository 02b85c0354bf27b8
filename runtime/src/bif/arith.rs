//! Arithmetic, comparison, boolean operators and type tests.
//!
//! Integers are 60-bit immediates for now: a result that does not fit raises
//! `system_limit` (bignums come later; never wrap silently).

use std::cmp::Ordering;

use super::{badarg, badarith, Ctx, NativeTable, Trap};
use crate::term::{order, Atom, Sub, Term};

enum Num {
    I(i64),
    F(f64),
}

fn num(t: Term) -> Option<Num> {
    if let Some(i) = t.as_int() {
        Some(Num::I(i))
    } else {
        t.as_float().map(Num::F)
    }
}

fn int_result(i: Option<i64>) -> Result<Term, Trap> {
    match i.and_then(Term::int) {
        Some(t) => Ok(t),
        None => Err(Trap::Error(Term::atom(Atom::SYSTEM_LIMIT))),
    }
}

fn float_result(c: &mut Ctx, f: f64) -> Result<Term, Trap> {
    if f.is_finite() {
        Ok(c.float(f))
    } else {
        badarith()
    }
}

fn to_f(n: &Num) -> f64 {
    match *n {
        Num::I(i) => i as f64,
        Num::F(f) => f,
    }
}

fn arith2(
    c: &mut Ctx,
    a: &[Term],
    iop: fn(i64, i64) -> Option<i64>,
    fop: fn(f64, f64) -> f64,
) -> Result<Term, Trap> {
    let (Some(x), Some(y)) = (num(a[0]), num(a[1])) else {
        return badarith();
    };
    match (&x, &y) {
        (Num::I(i), Num::I(j)) => int_result(iop(*i, *j)),
        _ => float_result(c, fop(to_f(&x), to_f(&y))),
    }
}

fn plus(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    // Fast path: two small integers.
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        return int_result(i.checked_add(j));
    }
    arith2(c, a, i64::checked_add, |x, y| x + y)
}

fn minus(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        return int_result(i.checked_sub(j));
    }
    arith2(c, a, i64::checked_sub, |x, y| x - y)
}

fn times(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    arith2(c, a, i64::checked_mul, |x, y| x * y)
}

fn divide(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(x), Some(y)) = (num(a[0]), num(a[1])) else {
        return badarith();
    };
    let d = to_f(&y);
    if d == 0.0 {
        return badarith();
    }
    float_result(c, to_f(&x) / d)
}

fn ints(a: &[Term]) -> Result<(i64, i64), Trap> {
    match (a[0].as_int(), a[1].as_int()) {
        (Some(i), Some(j)) => Ok((i, j)),
        _ => badarith(),
    }
}

fn div(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (i, j) = ints(a)?;
    if j == 0 {
        return badarith();
    }
    int_result(i.checked_div(j))
}

fn rem(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (i, j) = ints(a)?;
    if j == 0 {
        return badarith();
    }
    int_result(i.checked_rem(j))
}

fn band(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (i, j) = ints(a)?;
    int_result(Some(i & j))
}

fn bor(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (i, j) = ints(a)?;
    int_result(Some(i | j))
}

fn bxor(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (i, j) = ints(a)?;
    int_result(Some(i ^ j))
}

fn shift(i: i64, j: i64) -> Option<i64> {
    // Positive j shifts left. Check that nothing is lost.
    if j >= 0 {
        if i == 0 {
            return Some(0);
        }
        if j >= 63 {
            return None;
        }
        let r = i.checked_shl(j as u32)?;
        if r >> j == i {
            Some(r)
        } else {
            None
        }
    } else {
        let s = j.unsigned_abs().min(63) as u32;
        Some(i >> s)
    }
}

fn bsl(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (i, j) = ints(a)?;
    int_result(shift(i, j))
}

fn bsr(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (i, j) = ints(a)?;
    int_result(shift(i, j.checked_neg().unwrap_or(i64::MAX)))
}

fn bnot(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].as_int() {
        Some(i) => int_result(Some(!i)),
        None => badarith(),
    }
}

fn neg(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match num(a[0]) {
        Some(Num::I(i)) => int_result(i.checked_neg()),
        Some(Num::F(f)) => float_result(c, -f),
        None => badarith(),
    }
}

fn pos(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if a[0].is_number() {
        Ok(a[0])
    } else {
        badarith()
    }
}

fn abs(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match num(a[0]) {
        Some(Num::I(i)) => int_result(i.checked_abs()),
        Some(Num::F(f)) => float_result(c, f.abs()),
        None => badarg(),
    }
}

fn float(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match num(a[0]) {
        Some(n) => float_result(c, to_f(&n)),
        None => badarg(),
    }
}

fn float_to_int(a: &[Term], f: fn(f64) -> f64) -> Result<Term, Trap> {
    match num(a[0]) {
        Some(Num::I(_)) => Ok(a[0]),
        Some(Num::F(x)) => {
            let r = f(x);
            if r >= -(2f64.powi(59)) && r < 2f64.powi(59) {
                int_result(Some(r as i64))
            } else {
                Err(Trap::Error(Term::atom(Atom::SYSTEM_LIMIT)))
            }
        }
        None => badarg(),
    }
}

fn trunc(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    float_to_int(a, f64::trunc)
}

fn round(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    float_to_int(a, f64::round)
}

fn floor(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    float_to_int(a, f64::floor)
}

fn ceil(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    float_to_int(a, f64::ceil)
}

fn eq(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(order::eq(a[0], a[1])))
}
fn ne(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(!order::eq(a[0], a[1])))
}
fn eq_exact(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(order::eq_exact(a[0], a[1])))
}
fn ne_exact(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(!order::eq_exact(a[0], a[1])))
}
fn lt(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(order::cmp(a[0], a[1]) == Ordering::Less))
}
fn gt(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(order::cmp(a[0], a[1]) == Ordering::Greater))
}
fn le(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(order::cmp(a[0], a[1]) != Ordering::Greater))
}
fn ge(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(order::cmp(a[0], a[1]) != Ordering::Less))
}
fn max(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(if order::cmp(a[0], a[1]) == Ordering::Less {
        a[1]
    } else {
        a[0]
    })
}
fn min(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(if order::cmp(a[0], a[1]) == Ordering::Greater {
        a[1]
    } else {
        a[0]
    })
}

fn boolean(t: Term) -> Result<bool, Trap> {
    match t.as_atom() {
        Some(Atom::TRUE) => Ok(true),
        Some(Atom::FALSE) => Ok(false),
        _ => badarg(),
    }
}
fn and(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (x, y) = (boolean(a[0])?, boolean(a[1])?);
    Ok(Term::bool(x && y))
}
fn or(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (x, y) = (boolean(a[0])?, boolean(a[1])?);
    Ok(Term::bool(x || y))
}
fn xor(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (x, y) = (boolean(a[0])?, boolean(a[1])?);
    Ok(Term::bool(x ^ y))
}
fn not(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(!boolean(a[0])?))
}

macro_rules! type_test {
    ($name:ident, $test:expr) => {
        fn $name(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
            let f: fn(Term) -> bool = $test;
            Ok(Term::bool(f(a[0])))
        }
    };
}

type_test!(is_integer, |t| t.is_small()
    || matches!(t.sub(), Some(Sub::PosBig | Sub::NegBig)));
type_test!(is_float, |t| t.is_float());
type_test!(is_number, |t| t.is_number());
type_test!(is_atom, |t| t.is_atom());
type_test!(is_list, |t| t.is_list());
type_test!(is_tuple, |t| t.is_tuple());
type_test!(is_pid, |t| t.is_pid());
type_test!(is_port, |_t| false);
type_test!(is_reference, |t| t.ref_id().is_some());
type_test!(is_function, |t| t.is_function());
type_test!(is_map, |t| t.is_map());
type_test!(is_binary, |t| t.is_binary());
type_test!(is_bitstring, |t| t.is_bitstring());
type_test!(is_boolean, |t| t == Term::TRUE || t == Term::FALSE);

fn is_function2(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(n) = a[1].as_int().filter(|n| *n >= 0) else {
        return badarg();
    };
    Ok(Term::bool(a[0].fun_arity() == u32::try_from(n).ok()))
}

fn is_record(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(t) = a[0].tuple() else {
        return Ok(Term::FALSE);
    };
    let size_ok = match a.get(2) {
        Some(s) => s.as_int() == Some(t.len() as i64),
        None => true,
    };
    Ok(Term::bool(
        size_ok && !t.is_empty() && t.get(0) == Some(a[1]),
    ))
}

pub(super) fn register(t: &mut NativeTable) {
    let e = "erlang";
    let inl: &[(&str, u32, super::NativeFn)] = &[
        ("+", 2, plus),
        ("-", 2, minus),
        ("*", 2, times),
        ("/", 2, divide),
        ("div", 2, div),
        ("rem", 2, rem),
        ("band", 2, band),
        ("bor", 2, bor),
        ("bxor", 2, bxor),
        ("bsl", 2, bsl),
        ("bsr", 2, bsr),
        ("bnot", 1, bnot),
        ("-", 1, neg),
        ("+", 1, pos),
        ("abs", 1, abs),
        ("float", 1, float),
        ("trunc", 1, trunc),
        ("round", 1, round),
        ("floor", 1, floor),
        ("ceil", 1, ceil),
        ("==", 2, eq),
        ("/=", 2, ne),
        ("=:=", 2, eq_exact),
        ("=/=", 2, ne_exact),
        ("<", 2, lt),
        (">", 2, gt),
        ("=<", 2, le),
        (">=", 2, ge),
        ("max", 2, max),
        ("min", 2, min),
        ("and", 2, and),
        ("or", 2, or),
        ("xor", 2, xor),
        ("not", 1, not),
        ("is_integer", 1, is_integer),
        ("is_float", 1, is_float),
        ("is_number", 1, is_number),
        ("is_atom", 1, is_atom),
        ("is_list", 1, is_list),
        ("is_tuple", 1, is_tuple),
        ("is_pid", 1, is_pid),
        ("is_port", 1, is_port),
        ("is_reference", 1, is_reference),
        ("is_function", 1, is_function),
        ("is_function", 2, is_function2),
        ("is_map", 1, is_map),
        ("is_binary", 1, is_binary),
        ("is_bitstring", 1, is_bitstring),
        ("is_boolean", 1, is_boolean),
        ("is_record", 2, is_record),
        ("is_record", 3, is_record),
    ];
    for &(f, a, nf) in inl {
        t.push((e, f, a, nf, true));
    }
}
