//! Lua's `string` library (natives of module `lua_string`). `gmatch` and
//! `gsub` with function or table replacements are written in Lua (the
//! prelude) on top of `match_at` here.

use super::base::{arg, argerr, argv, check_int, check_str, opt_int, tostring_raw, typeerr};
use super::number::{self, num_of, tonum, Num};
use super::pattern::{self, get_capture, Cap, MatchState};
use super::{is_nil, make_str, nil, ret, str_bytes};
use crate::bif::{Ctx, NativeFn, Trap};
use crate::term::Term;

type R = Result<Term, Trap>;

fn posrelat(pos: i64, len: usize) -> i64 {
    if pos > 0 {
        pos
    } else if pos == 0 || pos < -(len as i64) {
        1
    } else {
        len as i64 + pos + 1
    }
}

fn s_len(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "len")?;
    Ok(Term::small(s.len()))
}

fn s_sub(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "sub")?;
    let l = s.len() as i64;
    let i = posrelat(opt_int(c, &args, 2, "sub", 1)?, s.len());
    let mut j = opt_int(c, &args, 3, "sub", -1)?;
    if j < 0 {
        j = if j < -l { 0 } else { l + j + 1 };
    } else if j > l {
        j = l;
    }
    if i > j {
        return Ok(make_str(c, b""));
    }
    Ok(make_str(c, &s[(i - 1) as usize..j as usize]))
}

fn s_upper(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "upper")?;
    Ok(make_str(c, &s.to_ascii_uppercase()))
}

fn s_lower(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "lower")?;
    Ok(make_str(c, &s.to_ascii_lowercase()))
}

fn s_reverse(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let mut s = check_str(c, &args, 1, "reverse")?;
    s.reverse();
    Ok(make_str(c, &s))
}

fn s_rep(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "rep")?;
    let n = check_int(c, &args, 2, "rep")?;
    let sep = if args.len() > 2 && !is_nil(args[2]) {
        check_str(c, &args, 3, "rep")?
    } else {
        Vec::new()
    };
    if n <= 0 {
        return Ok(make_str(c, b""));
    }
    let total = (s.len() + sep.len()).saturating_mul(n as usize);
    if total >= 1 << 31 {
        return super::lua_err(c, "resulting string too large");
    }
    let mut out = Vec::with_capacity(total);
    for k in 0..n {
        if k > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&s);
    }
    Ok(make_str(c, &out))
}

fn s_byte(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "byte")?;
    let i0 = opt_int(c, &args, 2, "byte", 1)?;
    let i = posrelat(i0, s.len());
    let j = {
        // The end defaults to the start as given (lstrlib's getendpos).
        let d = opt_int(c, &args, 3, "byte", i0)?;
        let l = s.len() as i64;
        if d < 0 {
            if d < -l {
                0
            } else {
                l + d + 1
            }
        } else {
            d.min(l)
        }
    };
    if i > j {
        return Ok(Term::NIL);
    }
    let v: Vec<Term> = s[(i - 1) as usize..j as usize]
        .iter()
        .map(|&b| Term::small(b as usize))
        .collect();
    Ok(ret(c, &v))
}

fn s_char(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let mut out = Vec::with_capacity(args.len());
    for i in 0..args.len() {
        let v = check_int(c, &args, i + 1, "char")?;
        if !(0..=255).contains(&v) {
            return argerr(c, i + 1, "char", "value out of range");
        }
        out.push(v as u8);
    }
    Ok(make_str(c, &out))
}

fn push_capture(c: &mut Ctx<'_>, out: &mut Vec<Term>, cap: Cap<'_>) {
    match cap {
        Cap::Str(b) => {
            let t = make_str(c, b);
            out.push(t);
        }
        Cap::Pos(p) => out.push(Term::small(p)),
    }
}

fn captures(
    c: &mut Ctx<'_>,
    ms: &MatchState<'_>,
    s: usize,
    e: usize,
    whole_if_none: bool,
) -> Result<Vec<Term>, Trap> {
    let n = if ms.level == 0 && whole_if_none {
        1
    } else {
        ms.level
    };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        match get_capture(ms, i, s, e) {
            Ok(cap) => push_capture(c, &mut out, cap),
            Err(m) => return super::lua_err(c, &m),
        }
    }
    Ok(out)
}

fn str_find_aux(c: &mut Ctx<'_>, a: &[Term], find: bool) -> R {
    let fname = if find { "find" } else { "match" };
    let args = argv(a);
    let s = check_str(c, &args, 1, fname)?;
    let p = check_str(c, &args, 2, fname)?;
    let init = posrelat(opt_int(c, &args, 3, fname, 1)?, s.len());
    if init > s.len() as i64 + 1 {
        return Ok(nil());
    }
    let init = (init - 1) as usize;
    let plain = args.get(3).is_some_and(|v| super::truthy(*v));
    if find && (plain || pattern::no_specials(&p)) {
        return Ok(match pattern::find_plain(&s, &p, init) {
            Some(i) => c.list(&[Term::small(i + 1), Term::small(i + p.len())]),
            None => nil(),
        });
    }
    let (anchor, pstart) = if p.first() == Some(&b'^') {
        (true, 1)
    } else {
        (false, 0)
    };
    let mut ms = MatchState::new(&s, &p);
    let mut s1 = init;
    loop {
        match ms.run(s1, pstart) {
            Err(m) => return super::lua_err(c, &m),
            Ok(Some(e)) => {
                if find {
                    let mut out = vec![Term::small(s1 + 1), Term::small(e)];
                    out.extend(captures(c, &ms, s1, e, false)?);
                    return Ok(c.list(&out));
                }
                let out = captures(c, &ms, s1, e, true)?;
                return Ok(ret(c, &out));
            }
            Ok(None) => {}
        }
        s1 += 1;
        if anchor || s1 > s.len() {
            return Ok(nil());
        }
    }
}

fn s_find(c: &mut Ctx<'_>, a: &[Term]) -> R {
    str_find_aux(c, a, true)
}

fn s_match(c: &mut Ctx<'_>, a: &[Term]) -> R {
    str_find_aux(c, a, false)
}

/// `match_at(S, P, Pos)` (Pos 0-based, pattern not anchored): `[E,
/// captures...]` where E is the 0-based end, or nil. For the Lua prelude.
fn s_match_at(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "match_at")?;
    let p = check_str(c, &args, 2, "match_at")?;
    let pos = check_int(c, &args, 3, "match_at")?.max(0) as usize;
    let mut ms = MatchState::new(&s, &p);
    match ms.run(pos, 0) {
        Err(m) => super::lua_err(c, &m),
        Ok(None) => Ok(nil()),
        Ok(Some(e)) => {
            let mut out = vec![Term::small(e)];
            out.extend(captures(c, &ms, pos, e, true)?);
            Ok(c.list(&out))
        }
    }
}

fn s_gsub(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let src = check_str(c, &args, 1, "gsub")?;
    let p = check_str(c, &args, 2, "gsub")?;
    let repl = arg(&args, 2);
    let repl_str = if repl.is_bitstring() || num_of(repl).is_some() {
        check_str(c, &args, 3, "gsub")?
    } else if repl.is_function() || c.p.lua.is_table(repl) {
        let f = super::base::registry_fn(c, "gsub");
        if f.is_function() {
            return Err(Trap::ApplyFun {
                fun: f,
                args: vec![a[0]],
            });
        }
        return super::lua_err(c, "not supported yet: gsub with a function (no prelude)");
    } else {
        return typeerr(c, 3, "gsub", "string/function/table", repl);
    };
    let max_n = if args.len() > 3 && !is_nil(args[3]) {
        check_int(c, &args, 4, "gsub")?
    } else {
        i64::MAX
    };
    let (anchor, pstart) = if p.first() == Some(&b'^') {
        (true, 1)
    } else {
        (false, 0)
    };
    let mut ms = MatchState::new(&src, &p);
    let mut out = Vec::with_capacity(src.len());
    let mut s = 0usize;
    let mut last: Option<usize> = None;
    let mut n = 0i64;
    while n < max_n {
        let e = match ms.run(s, pstart) {
            Err(m) => return super::lua_err(c, &m),
            Ok(e) => e,
        };
        match e {
            Some(e) if Some(e) != last => {
                n += 1;
                // add_s: the replacement string with %0-%9 and %%
                let mut i = 0;
                while i < repl_str.len() {
                    let ch = repl_str[i];
                    if ch == b'%' {
                        i += 1;
                        let d = repl_str.get(i).copied().unwrap_or(0);
                        if d == b'%' {
                            out.push(b'%');
                        } else if d.is_ascii_digit() {
                            let cap = if d == b'0' {
                                Ok(Cap::Str(&src[s..e]))
                            } else {
                                get_capture(&ms, (d - b'1') as usize, s, e)
                            };
                            match cap {
                                Ok(Cap::Str(b)) => out.extend_from_slice(b),
                                Ok(Cap::Pos(p)) => out.extend(p.to_string().into_bytes()),
                                Err(m) => return super::lua_err(c, &m),
                            }
                        } else {
                            return super::lua_err(c, "invalid use of '%' in replacement string");
                        }
                    } else {
                        out.push(ch);
                    }
                    i += 1;
                }
                s = e;
                last = Some(e);
            }
            _ => {
                if s < src.len() {
                    out.push(src[s]);
                    s += 1;
                } else {
                    break;
                }
            }
        }
        if anchor {
            break;
        }
    }
    if s < src.len() {
        out.extend_from_slice(&src[s..]);
    }
    // nothing replaced: the subject itself (lstrlib keeps the same string)
    let r = match args.first() {
        Some(&orig) if orig.is_bitstring() && (n == 0 || out == src) => orig,
        _ => make_str(c, &out),
    };
    let cnt = number::make_int(c, n);
    Ok(c.list(&[r, cnt]))
}

fn add_quoted(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    let mut i = 0;
    while i < s.len() {
        let ch = s[i];
        match ch {
            b'"' | b'\\' | b'\n' => {
                out.push(b'\\');
                out.push(ch);
            }
            b'\r' => out.extend_from_slice(b"\\r"),
            0 => {
                if s.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    out.extend_from_slice(b"\\000");
                } else {
                    out.extend_from_slice(b"\\0");
                }
            }
            c if c.is_ascii_control() => {
                if s.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    out.extend(format!("\\{:03}", c).into_bytes());
                } else {
                    out.extend(format!("\\{}", c).into_bytes());
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    out.push(b'"');
}

fn pad(out: &mut Vec<u8>, body: &[u8], width: usize, left: bool, zero: bool) {
    if body.len() >= width {
        out.extend_from_slice(body);
        return;
    }
    let n = width - body.len();
    if left {
        out.extend_from_slice(body);
        out.extend(std::iter::repeat_n(b' ', n));
    } else if zero {
        // zeros go after the sign / 0x prefix
        let mut pre = 0;
        if matches!(body.first(), Some(b'-' | b'+' | b' ')) {
            pre = 1;
        }
        if body.len() >= pre + 2 && body[pre] == b'0' && matches!(body[pre + 1], b'x' | b'X') {
            pre += 2;
        }
        out.extend_from_slice(&body[..pre]);
        out.extend(std::iter::repeat_n(b'0', n));
        out.extend_from_slice(&body[pre..]);
    } else {
        out.extend(std::iter::repeat_n(b' ', n));
        out.extend_from_slice(body);
    }
}

fn s_format(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let fmt = check_str(c, &args, 1, "format")?;
    let mut out = Vec::new();
    let mut argi = 1usize;
    let mut i = 0;
    while i < fmt.len() {
        let ch = fmt[i];
        i += 1;
        if ch != b'%' {
            out.push(ch);
            continue;
        }
        if fmt.get(i) == Some(&b'%') {
            out.push(b'%');
            i += 1;
            continue;
        }
        // As lstrlib's getformat: the spec spans flags, digits and '.',
        // then the conversion character.
        argi += 1;
        let n = argi;
        if n > args.len() {
            return argerr(c, n, "format", "no value");
        }
        let start = i;
        while i < fmt.len() && b"-+ #0123456789.".contains(&fmt[i]) {
            i += 1;
        }
        if i - start + 1 >= 22 {
            return super::lua_err(c, "invalid format (too long)");
        }
        let conv = fmt.get(i).copied().unwrap_or(0);
        i = (i + 1).min(fmt.len());
        let spec = String::from_utf8_lossy(&fmt[start - 1..i]).into_owned();
        let (flags, precision): (&[u8], bool) = match conv {
            b'c' => (b"-", false),
            b'd' | b'i' => (b"-+ 0", true),
            b'u' => (b"-0", true),
            b'o' | b'x' | b'X' => (b"-#0", true),
            b'a' | b'A' | b'f' | b'e' | b'E' | b'g' | b'G' => (b"-+ #0", true),
            b'p' => (b"-", false),
            b's' => (b"-", true),
            b'q' => {
                if i - start > 1 {
                    return super::lua_err(c, "specifier '%q' cannot have modifiers");
                }
                (b"", false)
            }
            _ => {
                return super::lua_err(c, &format!("invalid conversion '{spec}' to 'format'"));
            }
        };
        // lstrlib's checkformat (for "%s" only when it has modifiers)
        if conv != b'q' && !(conv == b's' && i - start == 1) {
            let body = &fmt[start..i - 1];
            let mut j = 0;
            while j < body.len() && flags.contains(&body[j]) {
                j += 1;
            }
            let two_digits = |j: &mut usize| {
                for _ in 0..2 {
                    if *j < body.len() && body[*j].is_ascii_digit() {
                        *j += 1;
                    }
                }
            };
            if body.get(j) != Some(&b'0') {
                two_digits(&mut j);
                if body.get(j) == Some(&b'.') && precision {
                    j += 1;
                    two_digits(&mut j);
                }
            }
            if j != body.len() {
                return super::lua_err(c, &format!("invalid conversion specification: '{spec}'"));
            }
        }
        let body = &fmt[start..i - 1];
        let (mut left, mut plus, mut space, mut alt, mut zero) =
            (false, false, false, false, false);
        let mut j = 0;
        while j < body.len() && b"-+ #0".contains(&body[j]) {
            match body[j] {
                b'-' => left = true,
                b'+' => plus = true,
                b' ' => space = true,
                b'#' => alt = true,
                _ => zero = true,
            }
            j += 1;
        }
        let mut width = 0usize;
        while j < body.len() && body[j].is_ascii_digit() {
            width = width * 10 + (body[j] - b'0') as usize;
            j += 1;
        }
        let mut prec: Option<usize> = None;
        if body.get(j) == Some(&b'.') {
            j += 1;
            let mut p = 0;
            while j < body.len() && body[j].is_ascii_digit() {
                p = p * 10 + (body[j] - b'0') as usize;
                j += 1;
            }
            prec = Some(p);
        }
        let sign = |neg: bool| -> &'static str {
            if neg {
                "-"
            } else if plus {
                "+"
            } else if space {
                " "
            } else {
                ""
            }
        };
        match conv {
            b'd' | b'i' => {
                let v = check_int(c, &args, n, "format")?;
                let mut digits = v.unsigned_abs().to_string();
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
                    }
                    if p == 0 && v == 0 {
                        digits.clear();
                    }
                }
                let body = format!("{}{}", sign(v < 0), digits);
                pad(
                    &mut out,
                    body.as_bytes(),
                    width,
                    left,
                    zero && prec.is_none(),
                );
            }
            b'u' => {
                let v = check_int(c, &args, n, "format")?;
                let mut digits = (v as u64).to_string();
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
                    }
                    if p == 0 && v == 0 {
                        digits.clear();
                    }
                }
                pad(
                    &mut out,
                    digits.as_bytes(),
                    width,
                    left,
                    zero && prec.is_none(),
                );
            }
            b'c' => {
                let v = check_int(c, &args, n, "format")?;
                pad(&mut out, &[v as u8], width, left, false);
            }
            b'x' | b'X' | b'o' => {
                let v = check_int(c, &args, n, "format")? as u64;
                let mut digits = match conv {
                    b'x' => format!("{v:x}"),
                    b'X' => format!("{v:X}"),
                    _ => format!("{v:o}"),
                };
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
                    }
                }
                if alt && v != 0 {
                    digits = match conv {
                        b'x' => format!("0x{digits}"),
                        b'X' => format!("0X{digits}"),
                        _ => format!("0{digits}"),
                    };
                }
                pad(
                    &mut out,
                    digits.as_bytes(),
                    width,
                    left,
                    zero && prec.is_none(),
                );
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'a' | b'A' => {
                let x = match tonum(arg(&args, n - 1)) {
                    Some(v) => v.to_f64(),
                    None => return typeerr(c, n, "format", "number", arg(&args, n - 1)),
                };
                let upper = conv.is_ascii_uppercase();
                let mut body = match conv {
                    b'e' | b'E' => number::fmt_e(x, prec.unwrap_or(6), upper, alt),
                    b'f' | b'F' => number::fmt_f(x, prec.unwrap_or(6), alt),
                    b'g' | b'G' => number::fmt_g(x, prec.unwrap_or(6), upper, alt),
                    _ => number::fmt_a(x, prec, upper),
                };
                if !body.starts_with('-') {
                    body = format!("{}{}", sign(false), body);
                }
                let z = zero && x.is_finite();
                pad(&mut out, body.as_bytes(), width, left, z);
            }
            b'p' => {
                // lua5.4: the value's address, "(null)" for values that
                // are not objects; strings of up to 40 bytes are interned
                // (equal strings, same address), longer ones are not.
                let v = arg(&args, n - 1);
                let text = if v.is_number() || is_nil(v) || v == Term::TRUE || v == Term::FALSE {
                    "(null)".to_string()
                } else if let Some(bs) = v.bitstring().filter(|b| b.byte_size() > 40) {
                    // the bytes' address: a long binary's data does not
                    // move (a collection moves its heap reference)
                    let at = bs.as_bytes().map_or(v.raw(), |b| b.as_ptr() as u64);
                    format!("0x{:012x}", 0x5577_0000_0000u64 + (at & 0xffff_ffff))
                } else {
                    format!("0x{:012x}", super::base::address(v))
                };
                pad(&mut out, text.as_bytes(), width, left, false);
            }
            b's' => {
                let v = arg(&args, n - 1);
                if c.p.lua.is_table(v) && !is_nil(super::natives::metafield(c, v, "__tostring")) {
                    let f = super::base::registry_fn(c, "format");
                    if f.is_function() {
                        return Err(Trap::ApplyFun {
                            fun: f,
                            args: vec![a[0]],
                        });
                    }
                }
                let mut s = tostring_raw(c, v);
                let plain = body.is_empty(); // "%s" without modifiers
                if !plain && s.contains(&0) {
                    return argerr(c, n, "format", "string contains zeros");
                }
                if let Some(p) = prec {
                    s.truncate(p);
                }
                pad(&mut out, &s, width, left, false);
            }
            b'q' => {
                let v = arg(&args, n - 1);
                if let Some(b) = str_bytes(v) {
                    add_quoted(&mut out, &b);
                } else if let Some(num) = num_of(v) {
                    match num {
                        Num::Int(i) => {
                            if i == i64::MIN {
                                out.extend_from_slice(b"0x8000000000000000");
                            } else {
                                out.extend(i.to_string().into_bytes());
                            }
                        }
                        Num::Flt(f) => {
                            let s = if f == f.floor() && f.is_finite() {
                                number::fmt_a(f, None, false)
                            } else if f.is_nan() {
                                "(0/0)".to_string()
                            } else if f.is_infinite() {
                                if f > 0.0 { "1e9999" } else { "-1e9999" }.to_string()
                            } else {
                                number::fmt_a(f, None, false)
                            };
                            out.extend(s.into_bytes());
                        }
                    }
                } else if is_nil(v) || v == Term::TRUE || v == Term::FALSE {
                    out.extend(tostring_raw(c, v));
                } else {
                    return argerr(c, n, "format", "value has no literal form");
                }
            }
            _ => {
                return super::lua_err(c, &format!("invalid conversion '{spec}' to 'format'"));
            }
        }
    }
    Ok(make_str(c, &out))
}

fn s_gmatch(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let f = super::base::registry_fn(c, "gmatch");
    if f.is_function() {
        return Err(Trap::ApplyFun {
            fun: f,
            args: vec![a[0]],
        });
    }
    super::lua_err(c, "not supported yet: gmatch (no prelude)")
}

fn s_dump(c: &mut Ctx<'_>, _a: &[Term]) -> R {
    super::lua_err(c, "not supported yet: string.dump (see spec/lua.md)")
}

pub const LIB: &[(&str, NativeFn)] = &[
    ("len", s_len),
    ("sub", s_sub),
    ("upper", s_upper),
    ("lower", s_lower),
    ("reverse", s_reverse),
    ("rep", s_rep),
    ("byte", s_byte),
    ("char", s_char),
    ("find", s_find),
    ("match", s_match),
    ("gmatch", s_gmatch),
    ("gsub", s_gsub),
    ("format", s_format),
    ("pack", super::strpack::pack),
    ("unpack", super::strpack::unpack),
    ("packsize", super::strpack::packsize),
    ("dump", s_dump),
];

pub fn register(t: &mut crate::bif::NativeTable) {
    for &(name, f) in LIB {
        t.push(("lua_string", name, 1, f, false));
    }
    t.push(("lua_string", "match_at", 1, s_match_at as NativeFn, false));
}

#[allow(dead_code)]
fn _unused(_: Num) {}
