//! Parsing of the format string (`io_lib_format:collect/2`).
//!
//! A control sequence is `~F.P.PadModC`:
//! - `F`, the field width: digits, or `*` taking an integer argument; a `-`
//!   before it (or a negative `*` argument) means left adjustment. A `-`
//!   with no value after it is an error.
//! - `.P`, the precision: digits or `*`. A `.` with no value leaves it unset,
//!   which allows `~..0w` (pad char without precision).
//! - `.Pad`, the pad character: any character, or `*` taking it from the
//!   arguments. Default is space.
//! - modifiers `t` (Unicode) and `l` (no string detection in `~p`), in any
//!   order, repeated or not.
//! - the control character `C`: `~ c s w p W P e f g b B x X + # n i`.
//!   `~W`/`~P` take two arguments (term, depth), `~x`/`~X` two (integer,
//!   prefix), `~n`/`~~` none.
//!
//! Every argument must be consumed: too few or too many is an error. An
//! argument that is not an integer where `*` wants one is an error too.

use super::{FormatError, PTerm};

/// One parsed control sequence with its arguments.
#[derive(Debug, Clone)]
pub(super) struct Spec<'a> {
    pub control: char,
    pub width: Option<i64>,
    pub left: bool,
    pub precision: Option<i64>,
    /// The pad character; taken from the arguments for `.*`, so it may be any
    /// term until it is used.
    pub pad: Pad<'a>,
    pub unicode: bool,
    pub strings: bool,
    pub args: Vec<&'a PTerm>,
}

#[derive(Debug, Clone)]
pub(super) enum Pad<'a> {
    Char(char),
    Term(&'a PTerm),
}

impl Pad<'_> {
    /// The pad as a character, or a badarg when an argument-supplied pad is
    /// not a character.
    pub fn char(&self) -> Result<char, FormatError> {
        match self {
            Pad::Char(c) => Ok(*c),
            Pad::Term(PTerm::Int(i)) => super::term::code_point(*i)
                .ok_or_else(|| FormatError::BadArg(format!("pad character {i}"))),
            Pad::Term(t) => Err(FormatError::BadArg(format!("pad character {t:?}"))),
        }
    }
}

/// A piece of the parsed format: literal text or a control sequence.
#[derive(Debug, Clone)]
pub(super) enum Item<'a> {
    Char(char),
    Control(Spec<'a>),
}

struct Cursor<'a, 'f> {
    fmt: &'f [char],
    pos: usize,
    args: &'a [PTerm],
    next_arg: usize,
}

impl<'a> Cursor<'a, '_> {
    fn peek(&self) -> Option<char> {
        self.fmt.get(self.pos).copied()
    }

    fn peek2(&self) -> Option<char> {
        self.fmt.get(self.pos + 1).copied()
    }

    fn arg(&mut self) -> Result<&'a PTerm, FormatError> {
        let a = self
            .args
            .get(self.next_arg)
            .ok_or_else(|| FormatError::BadFormat("too few arguments".into()))?;
        self.next_arg += 1;
        Ok(a)
    }

    /// `field_value`: digits, `*` with an integer argument, or nothing.
    fn value(&mut self) -> Result<Option<i64>, FormatError> {
        match self.peek() {
            Some('*') => match self.args.get(self.next_arg) {
                Some(PTerm::Int(i)) => {
                    self.pos += 1;
                    self.next_arg += 1;
                    Ok(Some(*i))
                }
                // OTP leaves the `*` in place, then fails on it as a control
                // character.
                _ => Err(FormatError::BadArg("`*` needs an integer argument".into())),
            },
            Some(c) if c.is_ascii_digit() => {
                let mut v: i64 = 0;
                while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
                    v = v
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(i64::from(d)))
                        .ok_or_else(|| FormatError::BadFormat("field value too large".into()))?;
                    self.pos += 1;
                }
                Ok(Some(v))
            }
            _ => Ok(None),
        }
    }

    fn control(&mut self) -> Result<Spec<'a>, FormatError> {
        // Field width.
        let minus = self.peek() == Some('-');
        if minus {
            self.pos += 1;
        }
        let mut width = self.value()?;
        if minus {
            match width {
                // `-none` is a badarith in OTP.
                None => return Err(FormatError::BadFormat("`-` without a field width".into())),
                Some(w) => width = Some(w.checked_neg().unwrap_or(i64::MAX)),
            }
        }
        let mut left = false;
        if let Some(w) = width {
            if w < 0 {
                left = true;
                width = Some(w.checked_neg().unwrap_or(i64::MAX));
            }
        }
        // Precision.
        let mut precision = None;
        if self.peek() == Some('.') {
            self.pos += 1;
            precision = self.value()?;
        }
        // Pad character.
        let mut pad = Pad::Char(' ');
        if self.peek() == Some('.') {
            match self.peek2() {
                Some('*') => {
                    self.pos += 2;
                    pad = Pad::Term(self.arg()?);
                }
                Some(c) => {
                    self.pos += 2;
                    pad = Pad::Char(c);
                }
                None => return Err(FormatError::BadFormat("truncated control sequence".into())),
            }
        }
        // Modifiers.
        let mut unicode = false;
        let mut strings = true;
        loop {
            match self.peek() {
                Some('t') => unicode = true,
                Some('l') => strings = false,
                _ => break,
            }
            self.pos += 1;
        }
        let control = self
            .peek()
            .ok_or_else(|| FormatError::BadFormat("truncated control sequence".into()))?;
        self.pos += 1;
        let nargs = match control {
            'w' | 'p' | 's' | 'e' | 'f' | 'g' | 'b' | 'B' | '+' | '#' | 'c' | 'i' => 1,
            'W' | 'P' | 'x' | 'X' => 2,
            '~' | 'n' => 0,
            other => {
                return Err(FormatError::BadFormat(format!("unknown control ~{other}")));
            }
        };
        let mut args = Vec::with_capacity(nargs);
        for _ in 0..nargs {
            args.push(self.arg()?);
        }
        Ok(Spec {
            control,
            width,
            left,
            precision,
            pad,
            unicode,
            strings,
            args,
        })
    }
}

/// Parses `fmt` and distributes `args` over its control sequences.
pub(super) fn parse<'a>(fmt: &[u32], args: &'a [PTerm]) -> Result<Vec<Item<'a>>, FormatError> {
    let fmt: Vec<char> = fmt
        .iter()
        .map(|&c| {
            char::from_u32(c)
                .ok_or_else(|| FormatError::BadFormat(format!("invalid code point {c}")))
        })
        .collect::<Result<_, _>>()?;
    let mut cur = Cursor {
        fmt: &fmt,
        pos: 0,
        args,
        next_arg: 0,
    };
    let mut items = Vec::new();
    while let Some(c) = cur.peek() {
        cur.pos += 1;
        if c == '~' {
            items.push(Item::Control(cur.control()?));
        } else {
            items.push(Item::Char(c));
        }
    }
    if cur.next_arg != args.len() {
        return Err(FormatError::BadFormat("too many arguments".into()));
    }
    Ok(items)
}
