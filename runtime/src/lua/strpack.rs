//! `string.pack`, `string.unpack` and `string.packsize` (Lua 5.4 §6.4.2):
//! binary serialisation driven by a format string, with lua5.4's options,
//! sizes (a C `int` is 4 bytes, `long`, `size_t` and `lua_Integer` 8, the
//! native order little-endian, the maximum alignment 8) and its error
//! messages.

use super::base::{argerr, argv, check_int, check_num, check_str, opt_int};
use super::number::Num;
use super::{make_str, ret};
use crate::bif::{Ctx, Trap};
use crate::term::Term;

type R = Result<Term, Trap>;

/// Largest integer size (bytes) an `i`/`I` option may ask for.
const MAX_INT_SIZE: usize = 16;
/// Bytes of a `lua_Integer`.
const SZINT: usize = 8;
/// Native maximum alignment (`!` without a size).
const NATIVE_ALIGN: usize = 8;
/// lua5.4's limit on sizes read from a format (`INT_MAX`).
const MAX_SIZE: usize = i32::MAX as usize;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Int,
    Uint,
    Float,
    Double,
    Char,
    Str,
    Zstr,
    Padding,
    PadAlign,
    Nop,
}

/// The state of reading a format: position, byte order, alignment.
struct Fmt<'f> {
    s: &'f [u8],
    pos: usize,
    little: bool,
    max_align: usize,
}

/// An error raised while reading a format: `Plain` as `luaL_error`,
/// `Arg` as `luaL_argerror` on argument 1.
enum FmtErr {
    Plain(String),
    Arg(String),
}

impl<'f> Fmt<'f> {
    fn new(s: &'f [u8]) -> Fmt<'f> {
        Fmt {
            s,
            pos: 0,
            little: true,
            max_align: 1,
        }
    }

    fn done(&self) -> bool {
        self.pos >= self.s.len()
    }

    /// A size written after an option, or `default` when there is none.
    /// Digits stop being read once the number would pass `MAX_SIZE` (the
    /// next digit is then read as an option, an invalid one).
    fn num(&mut self, default: i64) -> i64 {
        if !self.s.get(self.pos).is_some_and(u8::is_ascii_digit) {
            return default;
        }
        let mut a: i64 = 0;
        loop {
            a = a * 10 + i64::from(self.s[self.pos] - b'0');
            self.pos += 1;
            let more = self.s.get(self.pos).is_some_and(u8::is_ascii_digit);
            if !(more && a <= (MAX_SIZE as i64 - 9) / 10) {
                return a;
            }
        }
    }

    fn num_limit(&mut self, default: usize) -> Result<usize, FmtErr> {
        let n = self.num(default as i64);
        if n > MAX_INT_SIZE as i64 || n <= 0 {
            return Err(FmtErr::Plain(format!(
                "integral size ({n}) out of limits [1,{MAX_INT_SIZE}]"
            )));
        }
        Ok(n as usize)
    }

    /// The next option and its size.
    fn option(&mut self) -> Result<(Kind, usize), FmtErr> {
        let opt = self.s[self.pos];
        self.pos += 1;
        Ok(match opt {
            b'b' => (Kind::Int, 1),
            b'B' => (Kind::Uint, 1),
            b'h' => (Kind::Int, 2),
            b'H' => (Kind::Uint, 2),
            b'l' | b'j' => (Kind::Int, 8),
            b'L' | b'J' | b'T' => (Kind::Uint, 8),
            b'f' => (Kind::Float, 4),
            b'n' | b'd' => (Kind::Double, 8),
            b'i' => (Kind::Int, self.num_limit(4)?),
            b'I' => (Kind::Uint, self.num_limit(4)?),
            b's' => (Kind::Str, self.num_limit(8)?),
            b'c' => {
                let n = self.num(-1);
                if n == -1 {
                    return Err(FmtErr::Plain(
                        "missing size for format option 'c'".to_string(),
                    ));
                }
                (Kind::Char, n as usize)
            }
            b'z' => (Kind::Zstr, 0),
            b'x' => (Kind::Padding, 1),
            b'X' => (Kind::PadAlign, 0),
            b' ' => (Kind::Nop, 0),
            b'<' | b'=' => {
                self.little = true;
                (Kind::Nop, 0)
            }
            b'>' => {
                self.little = false;
                (Kind::Nop, 0)
            }
            b'!' => {
                self.max_align = self.num_limit(NATIVE_ALIGN)?;
                (Kind::Nop, 0)
            }
            other => {
                return Err(FmtErr::Plain(format!(
                    "invalid format option '{}'",
                    char::from(other)
                )))
            }
        })
    }

    /// The next option, its size and the padding to put before it when
    /// `total` bytes come before.
    fn details(&mut self, total: usize) -> Result<(Kind, usize, usize), FmtErr> {
        let (kind, size) = self.option()?;
        let mut align = size;
        if kind == Kind::PadAlign {
            let bad = if self.done() {
                true
            } else {
                let (k, a) = self.option()?;
                align = a;
                k == Kind::Char || a == 0
            };
            if bad {
                return Err(FmtErr::Arg("invalid next option for option 'X'".into()));
            }
        }
        if align <= 1 || kind == Kind::Char {
            return Ok((kind, size, 0));
        }
        let align = align.min(self.max_align);
        if !align.is_power_of_two() {
            return Err(FmtErr::Arg(
                "format asks for alignment not power of 2".into(),
            ));
        }
        let pad = (align - (total & (align - 1))) & (align - 1);
        Ok((kind, size, pad))
    }
}

fn raise<T>(c: &mut Ctx<'_>, fname: &str, e: FmtErr) -> Result<T, Trap> {
    match e {
        FmtErr::Plain(m) => super::lua_err(c, &m),
        FmtErr::Arg(m) => argerr(c, 1, fname, &m),
    }
}

/// `n` as `size` bytes in the given order; bytes past 8 are the sign.
fn pack_int(out: &mut Vec<u8>, n: u64, little: bool, size: usize, neg: bool) {
    let mut bytes = vec![if neg { 0xff } else { 0 }; size];
    for (i, b) in bytes.iter_mut().enumerate().take(size.min(SZINT)) {
        *b = (n >> (8 * i)) as u8;
    }
    if !little {
        bytes.reverse();
    }
    out.extend_from_slice(&bytes);
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8], little: bool) {
    // `b` is little-endian
    if little {
        out.extend_from_slice(b);
    } else {
        out.extend(b.iter().rev());
    }
}

pub(crate) fn pack(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let fmt = check_str(c, &args, 1, "pack")?;
    let mut f = Fmt::new(&fmt);
    let mut out = Vec::new();
    let mut argn = 1;
    while !f.done() {
        let (kind, size, pad) = match f.details(out.len()) {
            Ok(d) => d,
            Err(e) => return raise(c, "pack", e),
        };
        out.extend(std::iter::repeat_n(0u8, pad));
        argn += 1;
        match kind {
            Kind::Int => {
                let n = check_int(c, &args, argn, "pack")?;
                if size < SZINT {
                    let lim = 1i64 << (size * 8 - 1);
                    if !(-lim <= n && n < lim) {
                        return argerr(c, argn, "pack", "integer overflow");
                    }
                }
                pack_int(&mut out, n as u64, f.little, size, n < 0);
            }
            Kind::Uint => {
                let n = check_int(c, &args, argn, "pack")?;
                if size < SZINT && (n as u64) >= (1u64 << (size * 8)) {
                    return argerr(c, argn, "pack", "unsigned overflow");
                }
                pack_int(&mut out, n as u64, f.little, size, false);
            }
            Kind::Float => {
                let x = num_f64(check_num(c, &args, argn, "pack")?);
                put_bytes(&mut out, &(x as f32).to_le_bytes(), f.little);
            }
            Kind::Double => {
                let x = num_f64(check_num(c, &args, argn, "pack")?);
                put_bytes(&mut out, &x.to_le_bytes(), f.little);
            }
            Kind::Char => {
                let s = check_str(c, &args, argn, "pack")?;
                if s.len() > size {
                    return argerr(c, argn, "pack", "string longer than given size");
                }
                out.extend_from_slice(&s);
                out.extend(std::iter::repeat_n(0u8, size - s.len()));
            }
            Kind::Str => {
                let s = check_str(c, &args, argn, "pack")?;
                if size < 8 && (s.len() as u64) >= (1u64 << (size * 8)) {
                    return argerr(c, argn, "pack", "string length does not fit in given size");
                }
                pack_int(&mut out, s.len() as u64, f.little, size, false);
                out.extend_from_slice(&s);
            }
            Kind::Zstr => {
                let s = check_str(c, &args, argn, "pack")?;
                if s.contains(&0) {
                    return argerr(c, argn, "pack", "string contains zeros");
                }
                out.extend_from_slice(&s);
                out.push(0);
            }
            Kind::Padding => {
                out.push(0);
                argn -= 1;
            }
            Kind::PadAlign | Kind::Nop => argn -= 1,
        }
    }
    Ok(make_str(c, &out))
}

fn num_f64(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Flt(f) => f,
    }
}

pub(crate) fn packsize(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let fmt = check_str(c, &args, 1, "packsize")?;
    let mut f = Fmt::new(&fmt);
    let mut total: usize = 0;
    while !f.done() {
        let (kind, size, pad) = match f.details(total) {
            Ok(d) => d,
            Err(e) => return raise(c, "packsize", e),
        };
        if kind == Kind::Str || kind == Kind::Zstr {
            return argerr(c, 1, "packsize", "variable-length format");
        }
        let size = size + pad;
        if total > MAX_SIZE.saturating_sub(size) {
            return argerr(c, 1, "packsize", "format result too large");
        }
        total += size;
    }
    Ok(Term::small(total))
}

/// `size` bytes of `data` as an integer (sign-extended when `signed`);
/// bytes past 8 must be the sign, else the value does not fit.
fn unpack_int(data: &[u8], little: bool, size: usize, signed: bool) -> Result<i64, String> {
    let at = |i: usize| if little { data[i] } else { data[size - 1 - i] };
    let limit = size.min(SZINT);
    let mut res: u64 = 0;
    for i in (0..limit).rev() {
        res = (res << 8) | u64::from(at(i));
    }
    if size < SZINT {
        if signed {
            let mask = 1u64 << (size * 8 - 1);
            res = (res ^ mask).wrapping_sub(mask);
        }
    } else if size > SZINT {
        let fill = if !signed || (res as i64) >= 0 {
            0
        } else {
            0xff
        };
        for i in limit..size {
            if at(i) != fill {
                return Err(format!("{size}-byte integer does not fit into Lua Integer"));
            }
        }
    }
    Ok(res as i64)
}

fn take_le<const N: usize>(data: &[u8], little: bool) -> [u8; N] {
    let mut b = [0u8; N];
    b.copy_from_slice(&data[..N]);
    if !little {
        b.reverse();
    }
    b
}

pub(crate) fn unpack(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let fmt = check_str(c, &args, 1, "unpack")?;
    let data = check_str(c, &args, 2, "unpack")?;
    let ld = data.len();
    let init = opt_int(c, &args, 3, "unpack", 1)?;
    let start = if init > 0 {
        init as u64
    } else if init == 0 || init < -(ld as i64) {
        1
    } else {
        (ld as i64 + init + 1) as u64
    };
    let mut pos = (start - 1) as usize;
    if start - 1 > ld as u64 {
        return argerr(c, 3, "unpack", "initial position out of string");
    }
    let mut f = Fmt::new(&fmt);
    let mut vals = Vec::new();
    while !f.done() {
        let (kind, size, pad) = match f.details(pos) {
            Ok(d) => d,
            Err(e) => return raise(c, "unpack", e),
        };
        if pad.saturating_add(size) > ld - pos {
            return argerr(c, 2, "unpack", "data string too short");
        }
        pos += pad;
        let here = &data[pos..];
        match kind {
            Kind::Int | Kind::Uint => match unpack_int(here, f.little, size, kind == Kind::Int) {
                Ok(n) => vals.push(super::number::make_int(c, n)),
                Err(m) => return super::lua_err(c, &m),
            },
            Kind::Float => {
                let x = f32::from_le_bytes(take_le::<4>(here, f.little));
                vals.push(c.float(f64::from(x)));
            }
            Kind::Double => {
                let x = f64::from_le_bytes(take_le::<8>(here, f.little));
                vals.push(c.float(x));
            }
            Kind::Char => vals.push(make_str(c, &here[..size])),
            Kind::Str => {
                let len = match unpack_int(here, f.little, size, false) {
                    Ok(n) => n as u64,
                    Err(m) => return super::lua_err(c, &m),
                };
                if len > (ld - pos - size) as u64 {
                    return argerr(c, 2, "unpack", "data string too short");
                }
                let len = len as usize;
                vals.push(make_str(c, &here[size..size + len]));
                pos += len;
            }
            Kind::Zstr => {
                let len = here.iter().position(|&b| b == 0).unwrap_or(here.len());
                if pos + len >= ld {
                    return argerr(c, 2, "unpack", "unfinished string for format 'z'");
                }
                vals.push(make_str(c, &here[..len]));
                pos += len + 1;
            }
            Kind::PadAlign | Kind::Padding | Kind::Nop => {}
        }
        pos += size;
    }
    vals.push(Term::small(pos + 1));
    Ok(ret(c, &vals))
}
