//! Lua numbers: integer/float subtypes, 64-bit wrapping integer arithmetic,
//! floor division and modulo, string coercions, and Lua's number formatting.

use crate::bif::Ctx;
use crate::heap;
use crate::term::Term;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    Flt(f64),
}

impl Num {
    pub fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Flt(f) => f,
        }
    }
}

/// An integer term in the `i64` range.
pub fn int_of(t: Term) -> Option<i64> {
    if let Some(i) = t.as_int() {
        return Some(i);
    }
    if t.is_bignum() {
        let (neg, limbs) = t.big_limbs()?;
        if limbs.len() != 1 {
            return None;
        }
        let m = limbs[0];
        if neg {
            if m <= 1u64 << 63 {
                return Some((m as i64).wrapping_neg());
            }
        } else if m < 1u64 << 63 {
            return Some(m as i64);
        }
    }
    None
}

/// A number value (no string coercion).
pub fn num_of(t: Term) -> Option<Num> {
    if let Some(i) = t.as_int() {
        return Some(Num::Int(i));
    }
    if let Some(f) = t.as_float() {
        return Some(Num::Flt(f));
    }
    int_of(t).map(Num::Int)
}

/// A number, or a string that converts to one (arithmetic coercion).
pub fn tonum(t: Term) -> Option<Num> {
    if let Some(n) = num_of(t) {
        return Some(n);
    }
    let b = super::str_bytes(t)?;
    str2number(&b)
}

pub fn make_num(c: &mut Ctx<'_>, n: Num) -> Term {
    match n {
        Num::Int(i) => make_int(c, i),
        Num::Flt(f) => c.float(f),
    }
}

pub fn make_int(c: &mut Ctx<'_>, i: i64) -> Term {
    match Term::int(i) {
        Some(t) => t,
        None => heap::make_i64(&mut c.p.heap, i),
    }
}

/// A float with an exact integer value in range, as an integer.
pub fn flt_to_int(f: f64) -> Option<i64> {
    if f.floor() == f && (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
        Some(f as i64)
    } else {
        None
    }
}

/// Integer conversion for bitwise operators and integer arguments.
pub fn to_integer(n: Num) -> Option<i64> {
    match n {
        Num::Int(i) => Some(i),
        Num::Flt(f) => flt_to_int(f),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Idiv,
    Pow,
    Unm,
    Band,
    Bor,
    Bxor,
    Shl,
    Shr,
    Bnot,
}

impl Op {
    pub fn from_name(s: &str) -> Option<Op> {
        Some(match s {
            "add" => Op::Add,
            "sub" => Op::Sub,
            "mul" => Op::Mul,
            "div" => Op::Div,
            "mod" => Op::Mod,
            "idiv" => Op::Idiv,
            "pow" => Op::Pow,
            "unm" => Op::Unm,
            "band" => Op::Band,
            "bor" => Op::Bor,
            "bxor" => Op::Bxor,
            "shl" => Op::Shl,
            "shr" => Op::Shr,
            "bnot" => Op::Bnot,
            _ => return None,
        })
    }

    pub fn event(self) -> &'static str {
        match self {
            Op::Add => "__add",
            Op::Sub => "__sub",
            Op::Mul => "__mul",
            Op::Div => "__div",
            Op::Mod => "__mod",
            Op::Idiv => "__idiv",
            Op::Pow => "__pow",
            Op::Unm => "__unm",
            Op::Band => "__band",
            Op::Bor => "__bor",
            Op::Bxor => "__bxor",
            Op::Shl => "__shl",
            Op::Shr => "__shr",
            Op::Bnot => "__bnot",
        }
    }

    pub fn is_bitwise(self) -> bool {
        matches!(
            self,
            Op::Band | Op::Bor | Op::Bxor | Op::Shl | Op::Shr | Op::Bnot
        )
    }
}

pub enum ArithErr {
    DivZero,
    ModZero,
    NoIntRep,
}

pub fn shift_left(a: i64, b: i64) -> i64 {
    if b <= -64 || b >= 64 {
        0
    } else if b >= 0 {
        ((a as u64) << b) as i64
    } else {
        ((a as u64) >> (-b)) as i64
    }
}

pub fn fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if (m > 0.0 && b < 0.0) || (m < 0.0 && b > 0.0) {
        m + b
    } else {
        m
    }
}

pub fn arith(op: Op, a: Num, b: Num) -> Result<Num, ArithErr> {
    use Num::*;
    if op.is_bitwise() {
        let (Some(x), Some(y)) = (to_integer(a), to_integer(b)) else {
            return Err(ArithErr::NoIntRep);
        };
        return Ok(Int(match op {
            Op::Band => x & y,
            Op::Bor => x | y,
            Op::Bxor => x ^ y,
            Op::Shl => shift_left(x, y),
            Op::Shr => shift_left(x, y.wrapping_neg()),
            _ => !x,
        }));
    }
    Ok(match (op, a, b) {
        (Op::Add, Int(x), Int(y)) => Int(x.wrapping_add(y)),
        (Op::Sub, Int(x), Int(y)) => Int(x.wrapping_sub(y)),
        (Op::Mul, Int(x), Int(y)) => Int(x.wrapping_mul(y)),
        (Op::Unm, Int(x), _) => Int(x.wrapping_neg()),
        (Op::Idiv, Int(x), Int(y)) => {
            if y == 0 {
                return Err(ArithErr::DivZero);
            }
            if y == -1 {
                Int(x.wrapping_neg())
            } else {
                let q = x / y;
                Int(if (x % y != 0) && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                })
            }
        }
        (Op::Mod, Int(x), Int(y)) => {
            if y == 0 {
                return Err(ArithErr::ModZero);
            }
            if y == -1 {
                Int(0)
            } else {
                let m = x % y;
                Int(if m != 0 && ((m ^ y) < 0) { m + y } else { m })
            }
        }
        (op, a, b) => {
            let (x, y) = (a.to_f64(), b.to_f64());
            Flt(match op {
                Op::Add => x + y,
                Op::Sub => x - y,
                Op::Mul => x * y,
                Op::Div => x / y,
                Op::Pow => {
                    if y == 2.0 {
                        x * x
                    } else {
                        x.powf(y)
                    }
                }
                Op::Idiv => (x / y).floor(),
                Op::Mod => {
                    if y.is_infinite() && x.is_finite() {
                        if (x >= 0.0) == (y > 0.0) {
                            x
                        } else {
                            y
                        }
                    } else {
                        fmod(x, y)
                    }
                }
                Op::Unm => -x,
                _ => f64::NAN,
            })
        }
    })
}

fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        i += 1;
    }
    i
}

/// Lua's `lua_stringtonumber`: integers (decimal or hex, hex wrapping),
/// then floats (decimal or hex); surrounding whitespace allowed.
pub fn str2number(s: &[u8]) -> Option<Num> {
    if let Some(i) = str2int(s) {
        return Some(Num::Int(i));
    }
    str2float(s).map(Num::Flt)
}

fn str2int(s: &[u8]) -> Option<i64> {
    let mut i = skip_ws(s, 0);
    let mut neg = false;
    if i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        neg = s[i] == b'-';
        i += 1;
    }
    let mut a: u64 = 0;
    let mut empty = true;
    if i + 1 < s.len() && s[i] == b'0' && (s[i + 1] == b'x' || s[i + 1] == b'X') {
        i += 2;
        while i < s.len() && s[i].is_ascii_hexdigit() {
            a = a
                .wrapping_mul(16)
                .wrapping_add((s[i] as char).to_digit(16).unwrap_or(0) as u64);
            empty = false;
            i += 1;
        }
    } else {
        let d = 9_223_372_036_854_775_807u64 / 10;
        while i < s.len() && s[i].is_ascii_digit() {
            let v = u64::from(s[i] - b'0');
            if a >= d && (a > d || v > 7 + u64::from(neg)) {
                return None; // overflow: not an integer (read as a float)
            }
            a = a * 10 + v;
            empty = false;
            i += 1;
        }
    }
    i = skip_ws(s, i);
    if empty || i != s.len() {
        return None;
    }
    Some(if neg {
        0u64.wrapping_sub(a) as i64
    } else {
        a as i64
    })
}

fn str2float(s: &[u8]) -> Option<f64> {
    let txt = std::str::from_utf8(s).ok()?;
    let t = txt.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
    if t.is_empty() || t.contains(['n', 'N']) {
        return None; // rejects 'inf' and 'nan', as Lua does
    }
    let (neg, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let v = if body.len() > 1 && (body.starts_with("0x") || body.starts_with("0X")) {
        hex_float(&body[2..])?
    } else {
        if !body
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
            || body.starts_with(['e', 'E'])
            || !body.bytes().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        body.parse::<f64>().ok()?
    };
    Some(if neg { -v } else { v })
}

fn hex_float(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut m: f64 = 0.0;
    let mut e: i64 = 0;
    let mut any = false;
    while i < b.len() && b[i].is_ascii_hexdigit() {
        m = m * 16.0 + f64::from((b[i] as char).to_digit(16)?);
        any = true;
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            m = m * 16.0 + f64::from((b[i] as char).to_digit(16)?);
            e -= 4;
            any = true;
            i += 1;
        }
    }
    if !any {
        return None;
    }
    if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
        i += 1;
        let (neg, start) = match b.get(i) {
            Some(b'-') => (true, i + 1),
            Some(b'+') => (false, i + 1),
            _ => (false, i),
        };
        let digits = &s[start..];
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let x: i64 = digits.parse().ok()?;
        e += if neg { -x } else { x };
        i = b.len();
    }
    if i != b.len() {
        return None;
    }
    Some(m * 2f64.powi(e.clamp(-10000, 10000) as i32))
}

/// C's `%.<prec>e` body: mantissa digits and exponent.
fn exp_parts(x: f64, prec: usize) -> (String, i32) {
    let s = format!("{:.*e}", prec, x.abs());
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    (m.to_string(), e.parse().unwrap_or(0))
}

/// C printf `%e` / `%E`.
pub fn fmt_e(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    if !x.is_finite() {
        return non_finite(x, upper);
    }
    let (mut m, e) = exp_parts(x, prec);
    if alt && prec == 0 {
        m.push('.');
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let ec = if upper { 'E' } else { 'e' };
    format!(
        "{sign}{m}{ec}{}{:02}",
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    )
}

/// C printf `%f`.
pub fn fmt_f(x: f64, prec: usize, alt: bool) -> String {
    if !x.is_finite() {
        return non_finite(x, false);
    }
    let mut s = format!("{:.*}", prec, x);
    if alt && prec == 0 {
        s.push('.');
    }
    s
}

pub fn non_finite(x: f64, upper: bool) -> String {
    let s = if x.is_nan() {
        if x.is_sign_negative() {
            "-nan"
        } else {
            "nan"
        }
    } else if x < 0.0 {
        "-inf"
    } else {
        "inf"
    };
    if upper {
        s.to_uppercase()
    } else {
        s.to_string()
    }
}

/// C printf `%g` / `%G` with precision `prec` (`alt` = `#` flag).
pub fn fmt_g(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    if !x.is_finite() {
        return non_finite(x, upper);
    }
    let p = if prec == 0 { 1 } else { prec };
    if x == 0.0 {
        let mut s = String::from(if x.is_sign_negative() { "-0" } else { "0" });
        if alt && p > 1 {
            s.push('.');
            s.push_str(&"0".repeat(p - 1));
        }
        return s;
    }
    let (_, e) = exp_parts(x, p - 1);
    let mut s = if e < -4 || e >= p as i32 {
        let full = fmt_e(x, p - 1, upper, alt);
        if alt {
            full
        } else {
            let (m, ex) = full.split_at(full.find(['e', 'E']).unwrap_or(full.len()));
            format!("{}{}", strip_zeros(m), ex)
        }
    } else {
        let f = fmt_f(x, (p as i32 - 1 - e).max(0) as usize, alt);
        if alt {
            f
        } else {
            strip_zeros(&f)
        }
    };
    if upper {
        s = s.to_uppercase();
    }
    s
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// `tostring` of a float: `%.14g`, plus `.0` when it looks like an integer.
pub fn float_to_string(f: f64) -> String {
    let s = fmt_g(f, 14, false, false);
    if s.bytes().all(|c| c.is_ascii_digit() || c == b'-') {
        format!("{s}.0")
    } else {
        s
    }
}

pub fn num_to_string(n: Num) -> String {
    match n {
        Num::Int(i) => i.to_string(),
        Num::Flt(f) => float_to_string(f),
    }
}

/// C printf `%a`.
pub fn fmt_a(x: f64, prec: Option<usize>, upper: bool) -> String {
    if !x.is_finite() {
        return non_finite(x, upper);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let s = if x == 0.0 {
        match prec {
            Some(p) if p > 0 => format!("{sign}0x0.{}p+0", "0".repeat(p)),
            _ => format!("{sign}0x0p+0"),
        }
    } else {
        let bits = x.abs().to_bits();
        let mut exp = ((bits >> 52) & 0x7ff) as i64;
        let mut mant = bits & ((1u64 << 52) - 1);
        let lead = if exp == 0 {
            // subnormal: normalise as glibc does (leading digit 0? glibc prints 0x0.xxxp-1022)
            exp = -1022;
            0
        } else {
            exp -= 1023;
            1
        };
        let mut digits = format!("{:013x}", mant);
        if let Some(p) = prec {
            if p < 13 {
                // round to p hex digits
                let shift = (13 - p) * 4;
                let half = 1u64 << (shift - 1);
                let full = (lead << 52) | mant;
                let rounded = (full + half) >> shift << shift;
                let lead2 = rounded >> 52;
                mant = rounded & ((1u64 << 52) - 1);
                digits = format!("{:013x}", mant)[..p].to_string();
                let l = if lead2 > 1 { 2 } else { lead2 };
                let e = if l == 2 { exp + 1 } else { exp };
                let l = if l == 2 { 1 } else { l };
                let dot = if p > 0 { "." } else { "" };
                let r = format!(
                    "{sign}0x{l}{dot}{digits}p{}{}",
                    if e < 0 { '-' } else { '+' },
                    e.abs()
                );
                return if upper { r.to_uppercase() } else { r };
            }
            digits.push_str(&"0".repeat(p - 13));
        } else {
            digits = digits.trim_end_matches('0').to_string();
        }
        let dot = if digits.is_empty() { "" } else { "." };
        format!(
            "{sign}0x{lead}{dot}{digits}p{}{}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    };
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}
