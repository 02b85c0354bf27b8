//! Rendering of each control sequence, and the driver that assembles the
//! output (`io_lib_format:build/1`).
//!
//! Field rules (OTP's `term/5`, `string/6`, `char/5`):
//! - numbers and `~w` text: when a width `F` is given and the text is longer
//!   than `F` (or than the precision), the field is filled with `*`s; shorter
//!   text is padded on the left (default) or right (`-`) with the pad char;
//! - `~s`: the precision truncates the text and pads it to the precision,
//!   then the result is padded to the width; a width alone truncates too;
//! - `~c`: the width alone repeats the character (`~5c` = `xxxxx`), the
//!   precision is the repeat count and the width the field;
//! - `~p` ignores the pad character: its width is the line length and its
//!   precision the starting column; left adjustment is an error.
//!
//! `~p` needs the column it starts at: the output so far is scanned from its
//! last newline, a tab advancing to the next multiple of 8.

use super::chars::{chars_length, grapheme_prefix};
use super::directives::{Item, Spec};
use super::float::{fwrite_e, fwrite_f, g_choice, GChoice};
use super::pretty;
use super::term::{chardata_chars, code_point, deep_char_list, iolist_chars};
use super::write::write;
use super::{FormatError, PTerm};

fn bad(what: &str, spec: &Spec<'_>) -> FormatError {
    FormatError::BadArg(format!("~{}: {what}", spec.control))
}

/// Builds the whole output.
pub(super) fn build(items: &[Item<'_>]) -> Result<String, FormatError> {
    let mut out = String::new();
    // Column (0-based) at the end of `out`, maintained incrementally.
    let mut col: i64 = 0;
    for item in items {
        let piece = match item {
            Item::Char(c) => {
                out.push(*c);
                col = advance(col, *c);
                continue;
            }
            Item::Control(spec) => control(spec, col)?,
        };
        for c in piece.chars() {
            col = advance(col, c);
        }
        out.push_str(&piece);
    }
    Ok(out)
}

/// `io_lib_format:indentation/2` for one character.
fn advance(col: i64, c: char) -> i64 {
    match c {
        '\n' => 0,
        '\t' => (col + 8) / 8 * 8,
        _ => col + 1,
    }
}

fn control(spec: &Spec<'_>, col: i64) -> Result<String, FormatError> {
    if spec.precision.is_some_and(|p| p < 0) {
        // OTP 25 loops forever or fails on a negative precision.
        return Err(bad("negative precision", spec));
    }
    let arg = |i: usize| {
        spec.args
            .get(i)
            .copied()
            .ok_or_else(|| bad("missing argument", spec))
    };
    match spec.control {
        'w' => {
            let text = write(arg(0)?, -1, spec.unicode);
            term(&text, spec)
        }
        'W' => {
            let PTerm::Int(depth) = arg(1)? else {
                return Err(bad("depth must be an integer", spec));
            };
            let text = write(arg(0)?, *depth, spec.unicode);
            term(&text, spec)
        }
        'p' => print(arg(0)?, -1, spec, col),
        'P' => {
            let PTerm::Int(depth) = arg(1)? else {
                return Err(bad("depth must be an integer", spec));
            };
            print(arg(0)?, *depth, spec, col)
        }
        's' => string_control(arg(0)?, spec),
        'e' | 'f' | 'g' => {
            let PTerm::Float(f) = arg(0)? else {
                return Err(bad("not a float", spec));
            };
            float_control(*f, spec)
        }
        'b' | 'B' | '+' | '#' => {
            let i = int_arg(arg(0)?).ok_or_else(|| bad("not an integer", spec))?;
            let base = base(spec)?;
            let lower = matches!(spec.control, 'b' | '+');
            let prefix = if matches!(spec.control, '+' | '#') {
                format!("{base}#")
            } else {
                String::new()
            };
            integer(i, base, lower, &prefix, spec)
        }
        'x' | 'X' => {
            let i = int_arg(arg(0)?).ok_or_else(|| bad("not an integer", spec))?;
            let prefix = match arg(1)? {
                PTerm::Atom(a) => a.clone(),
                p => {
                    let mut cs = Vec::new();
                    deep_char_list(p, &mut cs)
                        .ok_or_else(|| bad("prefix is not a string", spec))?;
                    cs.into_iter().collect()
                }
            };
            integer(i, base(spec)?, spec.control == 'x', &prefix, spec)
        }
        'c' => {
            let PTerm::Int(i) = arg(0)? else {
                return Err(bad("not an integer", spec));
            };
            let c = if spec.unicode { *i } else { *i & 255 };
            let c = code_point(c).ok_or_else(|| bad("not a character", spec))?;
            char_field(c, spec)
        }
        '~' => char_field('~', spec),
        'n' => match (spec.width, spec.left) {
            (None, _) => Ok("\n".to_string()),
            (Some(w), false) => Ok("\n".repeat(count(w)?)),
            (Some(_), true) => Err(bad("left-adjusted ~n", spec)),
        },
        'i' => Ok(String::new()),
        other => Err(FormatError::BadFormat(format!("unknown control ~{other}"))),
    }
}

/// A repeat count or field size as `usize`; absurd sizes are refused rather
/// than allocated.
fn count(n: i64) -> Result<usize, FormatError> {
    const MAX_FIELD: i64 = 1 << 24;
    if (0..=MAX_FIELD).contains(&n) {
        Ok(n as usize)
    } else {
        Err(FormatError::BadArg(format!("field size {n}")))
    }
}

fn pad_chars(c: char, n: i64) -> Result<String, FormatError> {
    Ok(std::iter::repeat_n(c, count(n)?).collect())
}

/// `n` copies of the spec's pad character. The pad is only checked when it
/// is used, as OTP only fails when a non-character reaches the output.
fn pad_with(spec: &Spec<'_>, n: i64) -> Result<String, FormatError> {
    if n == 0 {
        return Ok(String::new());
    }
    pad_chars(spec.pad.char()?, n)
}

fn adjust(data: String, pad: String, left: bool) -> String {
    if left {
        data + &pad
    } else {
        pad + &data
    }
}

/// `io_lib_format:term/5`: fit rendered text in the field, or fill it with
/// `*` when it is too long.
fn term(text: &str, spec: &Spec<'_>) -> Result<String, FormatError> {
    let (f, p0) = match (spec.width, spec.precision) {
        (None, None) => return Ok(text.to_string()),
        (None, Some(p)) => (p, Some(p)),
        (Some(f), p) => (f, p),
    };
    let chars: Vec<char> = text.chars().collect();
    let l = chars_length(&chars) as i64;
    let p = l.min(match p0 {
        None => f,
        Some(p0) => p0.min(f),
    });
    if l > p {
        Ok(adjust(
            pad_chars('*', p)?,
            pad_with(spec, f - p)?,
            spec.left,
        ))
    } else {
        Ok(adjust(text.to_string(), pad_with(spec, f - l)?, spec.left))
    }
}

/// `~p`/`~P`: width is the line length, precision the column.
fn print(t: &PTerm, depth: i64, spec: &Spec<'_>, col: i64) -> Result<String, FormatError> {
    if spec.left && spec.width.is_some() {
        return Err(bad("left-adjusted ~p", spec));
    }
    let opts = pretty::Options {
        column: spec.precision.unwrap_or(col + 1),
        line_length: spec.width.unwrap_or(80),
        depth,
        unicode: spec.unicode,
        strings: spec.strings,
    };
    Ok(pretty::print(t, &opts))
}

fn string_control(t: &PTerm, spec: &Spec<'_>) -> Result<String, FormatError> {
    let mut cs: Vec<char> = Vec::new();
    match t {
        PTerm::Atom(a) => {
            if !spec.unicode && a.chars().any(|c| u32::from(c) > 255) {
                return Err(bad("atom is not Latin-1", spec));
            }
            cs.extend(a.chars());
        }
        _ if spec.unicode => {
            chardata_chars(t, &mut cs).ok_or_else(|| bad("not chardata", spec))?;
        }
        _ => {
            iolist_chars(t, &mut cs).ok_or_else(|| bad("not an iolist", spec))?;
        }
    }
    string(&cs, spec)
}

/// `io_lib_format:string/6`.
fn string(s: &[char], spec: &Spec<'_>) -> Result<String, FormatError> {
    let n = chars_length(s) as i64;
    match (spec.width, spec.precision) {
        (None, None) => Ok(s.iter().collect()),
        (Some(f), None) => string_field(s, f, spec.left, n, spec),
        (None, Some(p)) => string_field(s, p, true, n, spec),
        (Some(f), Some(p)) if f > p => {
            let body = if n > p {
                truncate(s, p, spec)?
            } else {
                let mut b: String = s.iter().collect();
                b.push_str(&pad_with(spec, p - n)?);
                b
            };
            Ok(adjust(body, pad_with(spec, f - p)?, spec.left))
        }
        (Some(f), Some(p)) if f == p => string_field(s, f, spec.left, n, spec),
        (Some(_), Some(_)) => Err(bad("field width smaller than precision", spec)),
    }
}

fn string_field(
    s: &[char],
    f: i64,
    left: bool,
    n: i64,
    spec: &Spec<'_>,
) -> Result<String, FormatError> {
    if n > f {
        truncate(s, f, spec)
    } else if n < f {
        Ok(adjust(s.iter().collect(), pad_with(spec, f - n)?, left))
    } else {
        Ok(s.iter().collect())
    }
}

/// `flat_trunc/3`: the first `n` characters (`~s`) or grapheme clusters (`~ts`).
fn truncate(s: &[char], n: i64, spec: &Spec<'_>) -> Result<String, FormatError> {
    let n = count(n)?;
    if spec.unicode {
        Ok(grapheme_prefix(s, n).iter().collect())
    } else {
        Ok(s.iter().take(n).collect())
    }
}

fn float_control(f: f64, spec: &Spec<'_>) -> Result<String, FormatError> {
    if !f.is_finite() {
        return Err(bad("not a finite float", spec));
    }
    let p = spec.precision;
    let text = match spec.control {
        'e' => {
            let p = p.unwrap_or(6);
            if p < 2 {
                return Err(bad("precision below 2", spec));
            }
            fwrite_e(f, count(p)?)
        }
        'f' => {
            let p = p.unwrap_or(6);
            if p < 1 {
                return Err(bad("precision below 1", spec));
            }
            fwrite_f(f, count(p)?)
        }
        _ => {
            let p = p.unwrap_or(6);
            if p < 1 {
                return Err(bad("precision below 1", spec));
            }
            match g_choice(f, p) {
                GChoice::F(d) => {
                    if d < 1 {
                        return Err(bad("precision", spec));
                    }
                    fwrite_f(f, d)
                }
                GChoice::E(d) => fwrite_e(f, d),
            }
        }
    };
    match spec.width {
        None => Ok(text),
        // The precision was consumed by the float; the field is the width.
        Some(w) => {
            let s = Spec {
                precision: Some(w),
                ..spec.clone()
            };
            term(&text, &s)
        }
    }
}

/// `~b ~B ~x ~X ~+ ~#`: precision is the base (2..36, default 10).
fn base(spec: &Spec<'_>) -> Result<u32, FormatError> {
    match spec.precision {
        None => Ok(10),
        Some(b @ 2..=36) => Ok(b as u32),
        Some(_) => Err(bad("base must be in 2..36", spec)),
    }
}

/// An integer argument of `~b ~x ...`: sign and magnitude limbs.
fn int_arg(t: &PTerm) -> Option<(bool, Vec<u64>)> {
    match t {
        PTerm::Int(i) => Some((*i < 0, vec![i.unsigned_abs()])),
        PTerm::BigInt {
            negative,
            magnitude,
        } => Some((*negative, magnitude.clone())),
        _ => None,
    }
}

fn integer(
    (negative, magnitude): (bool, Vec<u64>),
    base: u32,
    lower: bool,
    prefix: &str,
    spec: &Spec<'_>,
) -> Result<String, FormatError> {
    let digits = super::term::big_text(false, &magnitude, base);
    let body: String = if lower {
        digits.to_ascii_lowercase()
    } else {
        digits
    };
    let sign = if negative && magnitude.iter().any(|&l| l != 0) {
        "-"
    } else {
        ""
    };
    let text = format!("{sign}{prefix}{body}");
    // Integers ignore the precision for the field (it is the base).
    let s = Spec {
        precision: None,
        ..spec.clone()
    };
    term(&text, &s)
}

/// `io_lib_format:char/5`.
fn char_field(c: char, spec: &Spec<'_>) -> Result<String, FormatError> {
    match (spec.width, spec.precision) {
        (None, None) => Ok(c.to_string()),
        (Some(f), None) => pad_chars(c, f),
        (None, Some(p)) => pad_chars(c, p),
        (Some(f), Some(p)) if f >= p => {
            Ok(adjust(pad_chars(c, p)?, pad_with(spec, f - p)?, spec.left))
        }
        (Some(_), Some(_)) => Err(bad("field width smaller than precision", spec)),
    }
}
