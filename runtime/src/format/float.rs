//! Float rendering.
//!
//! Two families, as in OTP:
//! - `~p`, `~w` and `float_to_list(F, [short])` print the *shortest* digits
//!   that read back to the same float, in plain notation (`123.456`,
//!   `100.0`, `0.0001`) or scientific notation (`1.0e10`, `1.234e-4`),
//!   whichever text is shorter; a tie goes to plain notation. The exponent
//!   has no `+` and no leading zeros; the mantissa always has a fraction part.
//! - `~e`, `~f` and `~g` start from `float_to_list(F)`, i.e. C's `%.20e` (21
//!   correctly rounded significant digits) and then round that digit string
//!   *again*, half up, to the requested precision (`io_lib_format:float_man`).
//!   The double rounding is OTP's behaviour and is reproduced on purpose.

/// Shortest round-trip rendering, see the module comment.
///
/// The choice between the notations is OTP's (its Ryu-based `to_chars`),
/// which is "whichever is shorter" except near the limits of exactly
/// representable integers. With the shortest digits as an integer mantissa
/// of `n` digits times `10^e`:
/// - one digit: plain for `-4 <= e <= 2` (`0.0001` .. `100.0`);
/// - scientific exponent `e + n - 1 >= 10`: plain for `-(n+2) <= e <= 2`;
/// - otherwise plain for `-(n+2) <= e <= 1`;
/// - but mantissas at or above 2^53 (with `e` 0, 1 or 2 and the mantissa
///   scaled accordingly) always use scientific notation, so
///   `9007199254740992.0` prints as `9.007199254740992e15`.
pub(super) fn shortest(f: f64) -> String {
    if f.is_nan() || f.is_infinite() {
        // Not Erlang terms; render something recognisable rather than fail.
        return format!("{f}");
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0.0");
    }
    let (digits, exp) = shortest_digits(f.abs());
    // Value is 0.d1d2d3... * 10^exp = mantissa * 10^e.
    let n = digits.len() as i64;
    let e = exp - n;
    let sci_exp = e + n - 1;
    let mantissa: u64 = digits.parse().unwrap_or(u64::MAX);
    let (lower, upper) = if n == 1 {
        (-4, 2)
    } else if sci_exp >= 10 {
        (-(n + 2), 2)
    } else {
        (-(n + 2), 1)
    };
    let near_2_53 = (mantissa >= 1 << 53 && e == 0)
        || (mantissa > (1u64 << 52) / 5 && e == 1)
        || (mantissa > (1u64 << 51) / 25 && e == 2);
    if lower <= e && e <= upper && !near_2_53 {
        let plain = if exp <= 0 {
            format!("0.{}{}", "0".repeat(exp.unsigned_abs() as usize), digits)
        } else if exp >= n {
            format!("{}{}.0", digits, "0".repeat((exp - n) as usize))
        } else {
            let (a, b) = digits.split_at(exp as usize);
            format!("{a}.{b}")
        };
        format!("{sign}{plain}")
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() { "0" } else { rest };
        format!("{sign}{first}.{frac}e{sci_exp}")
    }
}

/// Shortest round-trip digits of a non-negative finite float: `(digits,
/// exp)` with the value `0.digits * 10^exp`. Zero is `("0", 1)`.
fn shortest_digits(a: f64) -> (String, i64) {
    if a == 0.0 {
        return ("0".to_string(), 1);
    }
    // Rust's `{:e}` prints the shortest round-trip digits, but when the
    // exact value lies halfway between two shortest candidates it may pick
    // either; OTP's Ryu takes the even one (the correctly rounded one, which
    // is what Rust's fixed-precision formatting produces).
    let s = format!("{a:e}");
    let (digits, exp) = split_sci(&s);
    let n = digits.len();
    let rounded = format!("{:.*e}", n.saturating_sub(1), a);
    if rounded != s && rounded.parse::<f64>().ok() == Some(a) {
        return split_sci(&rounded);
    }
    (digits, exp)
}

/// Splits Rust's `d.ddde[-]x` into `(digits, exp)` with value `0.digits*10^exp`.
fn split_sci(s: &str) -> (String, i64) {
    let (mant, e) = s.split_once('e').unwrap_or((s, "0"));
    let e: i64 = e.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_end_matches('0');
    let digits = if trimmed.is_empty() {
        "0".to_string()
    } else {
        trimmed.to_string()
    };
    (digits, e + 1)
}

/// `io_lib_format:float_data/1`: the 21 digits of `%.20e` and the exponent
/// plus one (value `0.digits * 10^exp`), for `|f|`.
fn float_data(f: f64) -> (Vec<u8>, i64) {
    let s = format!("{:.20e}", f.abs());
    let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i64 = e.parse().unwrap_or(0);
    let digits = mant
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|d| d - b'0')
        .collect();
    (digits, e + 1)
}

/// `io_lib_format:float_man/3`: `int_digits` digits, a point, `decimals`
/// digits, rounding half up on the next digit. Returns the text and whether
/// a carry came out of the top digit.
fn float_man(ds: &[u8], int_digits: usize, decimals: usize) -> (Vec<u8>, bool) {
    // Take int_digits + decimals digits (padding with zeros) and look at the
    // next one for rounding.
    let total = int_digits + decimals;
    let mut kept: Vec<u8> = (0..total)
        .map(|i| ds.get(i).copied().unwrap_or(0))
        .collect();
    let round_up = ds.len() > total && ds[total] >= 5;
    let mut carry = round_up;
    for d in kept.iter_mut().rev() {
        if !carry {
            break;
        }
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            carry = false;
        }
    }
    let mut out: Vec<u8> = Vec::with_capacity(total + 1);
    for (i, d) in kept.iter().enumerate() {
        if i == int_digits {
            out.push(b'.');
        }
        out.push(b'0' + d);
    }
    if int_digits == total {
        out.push(b'.');
    }
    (out, carry)
}

fn sign(f: f64) -> &'static str {
    if f.is_sign_negative() {
        "-"
    } else {
        ""
    }
}

/// `~.Pe` text (P >= 2): `d.ddde+X` / `d.ddde-X`.
pub(super) fn fwrite_e(f: f64, precision: usize) -> String {
    let (ds, e) = float_data(f);
    let (man, carry) = float_man(&ds, 1, precision.saturating_sub(1));
    let (man, exp) = if carry {
        // 9.99.. rounded to 10.0..: float_man produced "0.00..", make it "1.00.."
        let mut m = man;
        if let Some(first) = m.first_mut() {
            *first = b'1';
        }
        (m, e)
    } else {
        (man, e - 1)
    };
    let exp = if exp >= 0 {
        format!("e+{exp}")
    } else {
        format!("e{exp}")
    };
    format!("{}{}{}", sign(f), String::from_utf8_lossy(&man), exp)
}

/// `~.Pf` text (P >= 1).
pub(super) fn fwrite_f(f: f64, precision: usize) -> String {
    let (mut ds, mut e) = float_data(f);
    if e <= 0 {
        let mut z = vec![0u8; (1 - e) as usize];
        z.extend_from_slice(&ds);
        ds = z;
        e = 1;
    }
    let (man, carry) = float_man(&ds, e as usize, precision);
    let body = String::from_utf8_lossy(&man);
    if carry {
        format!("{}1{}", sign(f), body)
    } else {
        format!("{}{}", sign(f), body)
    }
}

/// What `~g` decides to print: `~f` with some decimals or `~e` with some
/// precision (`io_lib_format:fwrite_g/5`; P >= 1).
pub(super) enum GChoice {
    F(usize),
    E(usize),
}

/// `~g` uses `~f` for 0.1 <= |F| < 10000 when the precision leaves at least
/// one decimal, `~e` otherwise. Precision counts significant digits.
pub(super) fn g_choice(f: f64, p: i64) -> GChoice {
    let a = f.abs();
    // None stands for OTP's atom `fwrite_f`, which compares greater than
    // every number.
    let e: Option<i64> = if a < 0.1 {
        Some(-2)
    } else if a < 1.0 {
        Some(-1)
    } else if a < 10.0 {
        Some(0)
    } else if a < 100.0 {
        Some(1)
    } else if a < 1.0e3 {
        Some(2)
    } else if a < 1.0e4 {
        Some(3)
    } else {
        None
    };
    match e {
        Some(-1) if p <= 1 => GChoice::F((p - 1 + 1).max(0) as usize),
        Some(e) if p - 1 > e && e >= -1 => GChoice::F((p - 1 - e).max(0) as usize),
        _ if p <= 1 => GChoice::E(2),
        _ => GChoice::E(p.max(0) as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_forms() {
        let cases = [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (100.0, "100.0"),
            (1000.0, "1.0e3"),
            (1234.0, "1234.0"),
            (12340.0, "12340.0"),
            (123400.0, "1.234e5"),
            (1.0e10, "1.0e10"),
            (0.0001, "0.0001"),
            (0.00012, "1.2e-4"),
            (1.0e-5, "1.0e-5"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (5.0e-324, "5.0e-324"),
            (0.1 + 0.2, "0.30000000000000004"),
            (4.820687224536521e16, "4.820687224536521e16"),
            (9007199254740992.0, "9.007199254740992e15"),
            (1.1099206734261091e-4, "1.1099206734261091e-4"),
            (123456789012.0, "123456789012.0"),
            (-2102569918201492.2, "-2102569918201492.2"),
            (1.7976931348623157e308, "1.7976931348623157e308"),
        ];
        for (f, s) in cases {
            assert_eq!(shortest(f), s, "{f:e}");
        }
    }

    #[test]
    fn fixed_and_exp() {
        assert_eq!(fwrite_f(1.23456, 2), "1.23");
        assert_eq!(fwrite_f(0.005, 2), "0.01");
        assert_eq!(fwrite_f(9.999, 2), "10.00");
        assert_eq!(fwrite_e(9.9999999, 3), "1.00e+1");
        assert_eq!(fwrite_e(0.0, 6), "0.00000e+0");
        assert_eq!(fwrite_e(-1.5e-10, 2), "-1.5e-10");
    }
}
