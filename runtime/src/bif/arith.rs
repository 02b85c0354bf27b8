//! Arithmetic, comparison, boolean operators and type tests.
//!
//! Integers are unbounded as in Erlang: small integers (60-bit immediates)
//! take the fast paths; results beyond the small range become bignums
//! (`heap::make_integer`, always normalised), and any operand that is a
//! bignum goes through `num_bigint`. Results larger than [`MAX_BITS`] raise
//! `system_limit` rather than exhausting memory.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use super::{badarg, badarith, Ctx, NativeTable, Trap};
use crate::heap;
use crate::term::{big, order, Atom, Sub, Term};

/// Largest integer result, in bits (8 MiB of limbs); beyond: `system_limit`.
const MAX_BITS: u64 = 1 << 26;

enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

fn num(t: Term) -> Option<Num> {
    if let Some(i) = t.as_int() {
        Some(Num::I(i))
    } else if let Some(f) = t.as_float() {
        Some(Num::F(f))
    } else {
        big::to_bigint(t).map(Num::B)
    }
}

fn system_limit<T>() -> Result<T, Trap> {
    Err(Trap::Error(Term::atom(Atom::SYSTEM_LIMIT)))
}

/// An integer result (small or big), refusing absurd sizes.
fn int_result(c: &mut Ctx, v: &BigInt) -> Result<Term, Trap> {
    if v.bits() > MAX_BITS {
        return system_limit();
    }
    Ok(heap::make_integer(&mut c.p.heap, v))
}

/// An `i64` result of small operands (a bignum when beyond 60 bits).
fn i64_result(c: &mut Ctx, i: i64) -> Term {
    heap::make_i64(&mut c.p.heap, i)
}

fn i128_result(c: &mut Ctx, i: i128) -> Term {
    match i64::try_from(i) {
        Ok(i) => i64_result(c, i),
        Err(_) => heap::make_integer(&mut c.p.heap, &BigInt::from(i)),
    }
}

fn float_result(c: &mut Ctx, f: f64) -> Result<Term, Trap> {
    if f.is_finite() {
        Ok(c.float(f))
    } else {
        badarith()
    }
}

/// The operand as a float; `badarith` for an integer beyond the float range.
fn to_f(n: &Num) -> Result<f64, Trap> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::F(f) => Ok(*f),
        Num::B(b) => big::to_f64(b).map_or_else(badarith, Ok),
    }
}

/// An integer operand as a `BigInt`; `None` for floats.
fn to_big(n: Num) -> Option<BigInt> {
    match n {
        Num::I(i) => Some(BigInt::from(i)),
        Num::B(b) => Some(b),
        Num::F(_) => None,
    }
}

/// The slow path of `+ - *`: bignum or float operands.
fn arith2(
    c: &mut Ctx,
    a: &[Term],
    bop: fn(&BigInt, &BigInt) -> Option<BigInt>,
    fop: fn(f64, f64) -> f64,
) -> Result<Term, Trap> {
    let (Some(x), Some(y)) = (num(a[0]), num(a[1])) else {
        return badarith();
    };
    if matches!(x, Num::F(_)) || matches!(y, Num::F(_)) {
        let (fx, fy) = (to_f(&x)?, to_f(&y)?);
        return float_result(c, fop(fx, fy));
    }
    let (Some(bx), Some(by)) = (to_big(x), to_big(y)) else {
        return badarith();
    };
    match bop(&bx, &by) {
        Some(r) => int_result(c, &r),
        None => system_limit(),
    }
}

fn plus(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    // Fast path: two small integers (their sum always fits an i64).
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        return Ok(i64_result(c, i + j));
    }
    arith2(c, a, |x, y| Some(x + y), |x, y| x + y)
}

fn minus(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        return Ok(i64_result(c, i - j));
    }
    arith2(c, a, |x, y| Some(x - y), |x, y| x - y)
}

fn times(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        return Ok(i128_result(c, i128::from(i) * i128::from(j)));
    }
    arith2(
        c,
        a,
        |x, y| {
            if x.bits() + y.bits() > MAX_BITS + 1 {
                None
            } else {
                Some(x * y)
            }
        },
        |x, y| x * y,
    )
}

fn divide(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(x), Some(y)) = (num(a[0]), num(a[1])) else {
        return badarith();
    };
    let d = to_f(&y)?;
    if d == 0.0 {
        return badarith();
    }
    let n = to_f(&x)?;
    float_result(c, n / d)
}

/// Two integer operands for the slow paths of `div rem band bor bxor`.
fn bigs(a: &[Term]) -> Result<(BigInt, BigInt), Trap> {
    match (big::to_bigint(a[0]), big::to_bigint(a[1])) {
        (Some(x), Some(y)) => Ok((x, y)),
        _ => badarith(),
    }
}

fn div(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        if j == 0 {
            return badarith();
        }
        // 60-bit operands: no overflow (SMALL_MIN / -1 fits an i64).
        return Ok(i64_result(c, i / j));
    }
    let (x, y) = bigs(a)?;
    if y.is_zero() {
        return badarith();
    }
    // BigInt division truncates toward zero, like Erlang's div.
    int_result(c, &(x / y))
}

fn rem(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        if j == 0 {
            return badarith();
        }
        return Ok(i64_result(c, i % j));
    }
    let (x, y) = bigs(a)?;
    if y.is_zero() {
        return badarith();
    }
    // The remainder takes the dividend's sign, like Erlang's rem.
    int_result(c, &(x % y))
}

// Bitwise operations: num-bigint implements two's complement semantics on
// negative values, as Erlang does.
fn band(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        return Ok(i64_result(c, i & j));
    }
    let (x, y) = bigs(a)?;
    int_result(c, &(x & y))
}

fn bor(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        return Ok(i64_result(c, i | j));
    }
    let (x, y) = bigs(a)?;
    int_result(c, &(x | y))
}

fn bxor(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let (Some(i), Some(j)) = (a[0].as_int(), a[1].as_int()) {
        return Ok(i64_result(c, i ^ j));
    }
    let (x, y) = bigs(a)?;
    int_result(c, &(x ^ y))
}

/// `i bsl j` (a negative `j` shifts right, rounding toward minus infinity).
fn shift(c: &mut Ctx, i: Term, j: Term) -> Result<Term, Trap> {
    let Some(x) = big::to_bigint(i) else {
        return badarith();
    };
    if !j.is_integer() {
        return badarith();
    }
    let Some(j) = j.as_int() else {
        // A bignum shift: everything shifts out, or the result is absurd.
        let right = matches!(j.sub(), Some(Sub::NegBig));
        return if x.is_zero() {
            Ok(i)
        } else if right {
            Ok(Term::int(if x.is_negative() { -1 } else { 0 }).unwrap_or(Term::NIL))
        } else {
            system_limit()
        };
    };
    if j >= 0 {
        if x.is_zero() {
            return Ok(i);
        }
        if x.bits() + j.unsigned_abs() > MAX_BITS {
            return system_limit();
        }
        // Small shifts of small values stay in i128.
        if let (Some(v), true) = (i.as_int(), j < 64) {
            return Ok(i128_result(c, i128::from(v) << j));
        }
        int_result(c, &(x << j.unsigned_abs() as usize))
    } else {
        let s = j.unsigned_abs();
        if let Some(v) = i.as_int() {
            return Ok(i64_result(c, v >> s.min(63)));
        }
        if s > x.bits() {
            return Ok(Term::int(if x.is_negative() { -1 } else { 0 }).unwrap_or(Term::NIL));
        }
        // BigInt >> rounds toward minus infinity, like Erlang's bsr.
        int_result(c, &(x >> s as usize))
    }
}

fn bsl(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    shift(c, a[0], a[1])
}

fn bsr(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let neg = match num(a[1]) {
        Some(Num::I(j)) => i64_result(c, -j),
        Some(Num::B(j)) => int_result(c, &-j)?,
        _ => return badarith(),
    };
    shift(c, a[0], neg)
}

fn bnot(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match num(a[0]) {
        Some(Num::I(i)) => Ok(i64_result(c, !i)),
        Some(Num::B(b)) => int_result(c, &!b),
        _ => badarith(),
    }
}

fn neg(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match num(a[0]) {
        Some(Num::I(i)) => Ok(i64_result(c, -i)),
        Some(Num::B(b)) => int_result(c, &-b),
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
        Some(Num::I(i)) => Ok(i64_result(c, i.abs())),
        Some(Num::B(b)) => int_result(c, &b.abs()),
        Some(Num::F(f)) => float_result(c, f.abs()),
        None => badarg(),
    }
}

fn float(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match num(a[0]) {
        Some(Num::B(b)) => match big::to_f64(&b) {
            Some(f) => Ok(c.float(f)),
            None => badarg(),
        },
        Some(n) => {
            let f = to_f(&n)?;
            float_result(c, f)
        }
        None => badarg(),
    }
}

fn float_to_int(c: &mut Ctx, a: &[Term], f: fn(f64) -> f64) -> Result<Term, Trap> {
    match num(a[0]) {
        Some(Num::I(_) | Num::B(_)) => Ok(a[0]),
        Some(Num::F(x)) => {
            let r = f(x);
            if r.abs() < 2f64.powi(62) {
                return Ok(i64_result(c, r as i64));
            }
            match big::from_integral_f64(r) {
                Some(v) => int_result(c, &v),
                None => badarg(),
            }
        }
        None => badarg(),
    }
}

fn trunc(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    float_to_int(c, a, f64::trunc)
}

fn round(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    float_to_int(c, a, f64::round)
}

fn floor(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    float_to_int(c, a, f64::floor)
}

fn ceil(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    float_to_int(c, a, f64::ceil)
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

type_test!(is_integer, |t| t.is_integer());
type_test!(is_float, |t| t.is_float());
type_test!(is_number, |t| t.is_number());
type_test!(is_atom, |t| t.is_atom());
type_test!(is_list, |t| t.is_list());
type_test!(is_tuple, |t| t.is_tuple());
type_test!(is_pid, |t| t.is_any_pid());
type_test!(is_port, |t| t.ext_port().is_some());
type_test!(is_reference, |t| t.is_any_ref());
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

/// `erlang:fun_info(F, Item)` for `arity`, `module`, `name`, `env`,
/// `type` (a local fun's name is its lifted function's, `-f/1-fun-N-`).
/// `pid`, `index`, `uniq`, `new_index`, `new_uniq` (BEAM internals) raise
/// `{not_supported, Item}`; an unknown item or a non-fun is `badarg`, as
/// in OTP.
fn fun_info2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(n) = a[0].fun_arity() else {
        return badarg();
    };
    let Some(item) = a[1].as_atom() else {
        return badarg();
    };
    let external = a[0].export_fun();
    let closure = a[0].closure();
    let value = match item.text() {
        "arity" => Term::small(n as usize),
        "module" => match (external, &closure) {
            (Some((m, _, _)), _) => Term::atom(m),
            (None, Some(cl)) => Term::atom(cl.module_code().name),
            _ => return badarg(),
        },
        "name" => match (external, &closure) {
            (Some((_, f, _)), _) => Term::atom(f),
            (None, Some(cl)) => match cl.module_code().funs.get(cl.index as usize) {
                Some(info) => Term::atom(info.name),
                None => return badarg(),
            },
            _ => return badarg(),
        },
        "env" => match &closure {
            Some(cl) => {
                let env: Vec<Term> = (0..cl.nfree).map(|i| cl.free(i)).collect();
                c.list(&env)
            }
            None => Term::NIL,
        },
        "type" => Term::atom(crate::term::Atom::intern(if external.is_some() {
            "external"
        } else {
            "local"
        })),
        "pid" | "index" | "uniq" | "new_index" | "new_uniq" => {
            let r = c.tuple(&[Term::atom(crate::term::Atom::NOT_SUPPORTED), a[1]]);
            return Err(Trap::Error(r));
        }
        _ => return badarg(),
    };
    Ok(c.tuple(&[a[1], value]))
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
        ("fun_info", 2, fun_info2),
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
