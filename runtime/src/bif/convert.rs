//! Float and identifier conversions of the `erlang` module:
//! `float_to_list/1,2`, `float_to_binary/1,2`, `list_to_float/1`,
//! `binary_to_float/1`, `pid_to_list/1`, `ref_to_list/1`, `fun_to_list/1`.

use super::{badarg, term_to_string, Ctx, NativeTable, Trap};
use crate::term::printable::to_pterm;
use crate::term::Term;

/// What `float_to_list(F, Options)` prints, or None for bad options
/// (OTP 25: `{decimals, 0..253}`, `{scientific, 0..249}`, `compact`,
/// `short`; the last of `decimals`/`scientific`/`short` wins).
fn float_text(f: f64, opts: Term) -> Option<String> {
    enum Mode {
        Default,
        Decimals(usize),
        Scientific(usize),
        Short,
    }
    let mut mode = Mode::Default;
    let mut compact = false;
    let items = opts.list_to_vec()?;
    for o in items {
        if let Some(a) = o.as_atom() {
            match a.text() {
                "compact" => compact = true,
                "short" => mode = Mode::Short,
                _ => return None,
            }
            continue;
        }
        let tup = o.tuple().filter(|t| t.len() == 2)?;
        let (tag, n) = (tup.get(0)?, tup.get(1)?);
        let n = usize::try_from(n.as_int()?).ok()?;
        match tag.as_atom()?.text() {
            "decimals" if n <= 253 => mode = Mode::Decimals(n),
            "scientific" if n <= 249 => mode = Mode::Scientific(n),
            _ => return None,
        }
    }
    Some(match mode {
        Mode::Default => scientific(f, 20),
        Mode::Scientific(d) => scientific(f, d),
        Mode::Short => crate::format::format_float_shortest(f),
        Mode::Decimals(d) => {
            let s = decimals(f, d);
            if compact && s.contains('.') {
                // Trailing zeros go, but one digit stays after the point.
                let t = s.trim_end_matches('0');
                if t.ends_with('.') {
                    format!("{t}0")
                } else {
                    t.to_string()
                }
            } else {
                s
            }
        }
    })
}

/// C's `%.{d}e`: correctly rounded (ties to even on exact halves, as C's
/// printf), exponent with a sign and at least two digits.
fn scientific(f: f64, d: usize) -> String {
    let s = format!("{:.*e}", d, f);
    match s.split_once('e') {
        Some((man, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(rest) => ('-', rest),
                None => ('+', exp),
            };
            format!("{man}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

/// `{decimals, D}`: the exact decimal value rounded half away from zero
/// (OTP rounds `0.125` to `"0.13"` and `2.5` to `"3"`).
fn decimals(f: f64, d: usize) -> String {
    // Every f64 has a finite decimal expansion with at most 1074 fraction
    // digits, so this text is exact.
    let exact = format!("{:.1100}", f.abs());
    let (int_part, frac) = exact.split_once('.').unwrap_or((&exact, ""));
    let mut digits: Vec<u8> = int_part.bytes().chain(frac.bytes().take(d)).collect();
    let round_up = frac.as_bytes().get(d).is_some_and(|&c| c >= b'5');
    if round_up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let int_len = digits.len() - d;
    let mut s = String::new();
    if f.is_sign_negative() {
        s.push('-');
    }
    s.push_str(std::str::from_utf8(&digits[..int_len]).unwrap_or("0"));
    if d > 0 {
        s.push('.');
        s.push_str(std::str::from_utf8(&digits[int_len..]).unwrap_or(""));
    }
    s
}

fn float_arg(t: Term) -> Result<f64, Trap> {
    t.as_float().map_or_else(badarg, Ok)
}

fn float_to_list1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let s = scientific(float_arg(a[0])?, 20);
    Ok(c.string(&s))
}

fn float_to_list2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let f = float_arg(a[0])?;
    let Some(s) = float_text(f, a[1]) else {
        return badarg();
    };
    Ok(c.string(&s))
}

fn float_to_binary1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let s = scientific(float_arg(a[0])?, 20);
    Ok(c.binary(s.as_bytes()))
}

fn float_to_binary2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let f = float_arg(a[0])?;
    let Some(s) = float_text(f, a[1]) else {
        return badarg();
    };
    Ok(c.binary(s.as_bytes()))
}

/// Erlang's float syntax for `list_to_float`: an optional sign, digits, a
/// point, digits, and an optional exponent (`e`/`E`, optional sign, digits).
fn parse_float(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) || b.get(i) != Some(&b'.') {
        return None;
    }
    i += 1;
    if !digits(&mut i) {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    let v: f64 = s.parse().ok()?;
    v.is_finite().then_some(v)
}

fn list_to_float(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(s) = term_to_string(a[0]).filter(|_| a[0].is_list()) else {
        return badarg();
    };
    match parse_float(&s) {
        Some(v) => Ok(c.float(v)),
        None => badarg(),
    }
}

fn binary_to_float(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(bytes) = a[0].binary_bytes() else {
        return badarg();
    };
    match std::str::from_utf8(&bytes).ok().and_then(parse_float) {
        Some(v) => Ok(c.float(v)),
        None => badarg(),
    }
}

/// `pid_to_list/1`, `ref_to_list/1`, `fun_to_list/1`: the `~w` text.
fn printed(c: &mut Ctx, t: Term) -> Result<Term, Trap> {
    let s = crate::format::print_w(&to_pterm(t));
    Ok(c.string(&s))
}

fn pid_to_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if !a[0].is_any_pid() {
        return badarg();
    }
    printed(c, a[0])
}

fn ref_to_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if !a[0].is_any_ref() {
        return badarg();
    }
    printed(c, a[0])
}

fn fun_to_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if !a[0].is_function() {
        return badarg();
    }
    printed(c, a[0])
}

/// `list_to_pid("<0.N.0>")` for local pids.
fn list_to_pid(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(s) = term_to_string(a[0]).filter(|_| a[0].is_list()) else {
        return badarg();
    };
    let parts: Option<Vec<u64>> = s
        .strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .map(|r| {
            r.split('.')
                .map(|p| p.parse::<u64>().ok())
                .collect::<Option<Vec<_>>>()
        })
        .unwrap_or(None);
    match parts.as_deref() {
        Some([0, n, 0]) => Ok(Term::pid(*n)),
        _ => badarg(),
    }
}

pub(super) fn register(t: &mut NativeTable) {
    let e = "erlang";
    t.push((e, "float_to_list", 1, float_to_list1, false));
    t.push((e, "float_to_list", 2, float_to_list2, false));
    t.push((e, "float_to_binary", 1, float_to_binary1, false));
    t.push((e, "float_to_binary", 2, float_to_binary2, false));
    t.push((e, "list_to_float", 1, list_to_float, false));
    t.push((e, "binary_to_float", 1, binary_to_float, false));
    t.push((e, "pid_to_list", 1, pid_to_list, false));
    t.push((e, "list_to_pid", 1, list_to_pid, false));
    t.push((e, "ref_to_list", 1, ref_to_list, false));
    t.push((e, "fun_to_list", 1, fun_to_list, false));
}
