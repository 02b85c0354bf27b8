//! The `math` module (OTP 25): every function takes integers or floats and
//! returns a float; a result that is not a finite number (`math:log(0)`,
//! `math:sqrt(-1)`, `math:pow(10, 400)`) raises `badarith`, and a
//! non-number argument raises `badarg`, as in erl.

use super::{badarg, badarith, Ctx, NativeTable, Trap};
use crate::term::Term;

/// A number argument as f64 (bignums through their decimal value).
fn num(t: Term) -> Result<f64, Trap> {
    if let Some(f) = t.as_float() {
        return Ok(f);
    }
    if let Some(i) = t.as_int() {
        return Ok(i as f64);
    }
    if t.is_bignum() {
        if let Some(v) = crate::term::big::to_bigint(t) {
            if let Ok(f) = v.to_string().parse::<f64>() {
                if f.is_finite() {
                    return Ok(f);
                }
            }
            return badarith();
        }
    }
    badarg()
}

fn result(c: &mut Ctx, f: f64) -> Result<Term, Trap> {
    if f.is_finite() {
        Ok(c.float(f))
    } else {
        badarith()
    }
}

macro_rules! unary {
    ($($name:ident => $e:expr;)*) => {
        $(
            fn $name(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
                let x = num(a[0])?;
                let f: fn(f64) -> f64 = $e;
                result(c, f(x))
            }
        )*
    };
}

unary! {
    sin => f64::sin;
    cos => f64::cos;
    tan => f64::tan;
    asin => f64::asin;
    acos => f64::acos;
    atan => f64::atan;
    sinh => f64::sinh;
    cosh => f64::cosh;
    tanh => f64::tanh;
    asinh => f64::asinh;
    acosh => acosh_c;
    atanh => f64::atanh;
    exp => f64::exp;
    log => f64::ln;
    log2 => f64::log2;
    log10 => f64::log10;
    sqrt => f64::sqrt;
    ceil => f64::ceil;
    floor => f64::floor;
    erf => super::erf::erf;
    erfc => super::erf::erfc;
}

/// acosh as C's libm computes it (Rust's `f64::acosh` differs in the last
/// bit for some inputs, e.g. 2.5): `log(2x - 1/(x + sqrt(x^2 - 1)))` above
/// 2, `log1p(t + sqrt(2t + t^2))` with `t = x - 1` on (1, 2].
fn acosh_c(x: f64) -> f64 {
    if x < 1.0 || x.is_nan() {
        f64::NAN
    } else if x >= 268_435_456.0 {
        x.ln() + std::f64::consts::LN_2
    } else if x > 2.0 {
        (2.0 * x - 1.0 / (x + (x * x - 1.0).sqrt())).ln()
    } else {
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    }
}

fn atan2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (y, x) = (num(a[0])?, num(a[1])?);
    result(c, y.atan2(x))
}

fn pow(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (x, y) = (num(a[0])?, num(a[1])?);
    result(c, x.powf(y))
}

/// C's fmod: the remainder with the sign of the dividend (Rust's `%`).
fn fmod(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (x, y) = (num(a[0])?, num(a[1])?);
    result(c, x % y)
}

fn pi(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    Ok(c.float(std::f64::consts::PI))
}

pub(super) fn register(t: &mut NativeTable) {
    let one: &[(&str, super::NativeFn)] = &[
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("exp", exp),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("sqrt", sqrt),
        ("ceil", ceil),
        ("floor", floor),
        ("erf", erf),
        ("erfc", erfc),
    ];
    for &(f, nf) in one {
        t.push(("math", f, 1, nf, false));
    }
    t.push(("math", "atan2", 2, atan2, false));
    t.push(("math", "pow", 2, pow, false));
    t.push(("math", "fmod", 2, fmod, false));
    t.push(("math", "pi", 0, pi, false));
}
