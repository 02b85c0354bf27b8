//! `term_to_binary/1,2` and `binary_to_term/1,2` over the `etf` codec.

use super::{badarg, Ctx, NativeTable, Trap};
use crate::etf::{self, DecodeError, DecodeOptions, EncodeError, EncodeOptions};
use crate::term::{Atom, Term};

fn not_supported(c: &mut Ctx, what: &str) -> Trap {
    let what = Term::atom(Atom::intern(what));
    let r = c.tuple(&[Term::atom(Atom::NOT_SUPPORTED), what]);
    Trap::Error(r)
}

fn encode(c: &mut Ctx, t: Term, opts: &EncodeOptions) -> Result<Term, Trap> {
    match etf::encode(t, opts) {
        Ok(bytes) => Ok(c.binary_from_vec(bytes)),
        Err(EncodeError::NotSupported(what)) => Err(not_supported(c, what)),
    }
}

fn term_to_binary1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    encode(c, a[0], &EncodeOptions::default())
}

fn term_to_binary2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(items) = a[1].list_to_vec() else {
        return badarg();
    };
    let mut opts = EncodeOptions::default();
    for o in items {
        if let Some(name) = o.as_atom() {
            match name.text() {
                "compressed" => opts.compressed = Some(6),
                "deterministic" => {}
                _ => return badarg(),
            }
            continue;
        }
        let pair = o.tuple().filter(|t| t.len() == 2).map(|t| t.to_vec());
        let Some([k, v]) = pair.as_deref() else {
            return badarg();
        };
        match (k.as_atom().map(Atom::text), v.as_int()) {
            (Some("compressed"), Some(l @ 0..=9)) => {
                opts.compressed = if l == 0 { None } else { Some(l as u32) }
            }
            (Some("minor_version"), Some(m @ 0..=2)) => opts.minor_version = m as u8,
            _ => return badarg(),
        }
    }
    encode(c, a[0], &opts)
}

fn decode(c: &mut Ctx, bin: Term, opts: DecodeOptions, used: bool) -> Result<Term, Trap> {
    let Some(bytes) = bin.binary_bytes() else {
        return badarg();
    };
    match etf::decode(&mut c.p.heap, &bytes, opts) {
        Ok((t, n)) if used => {
            let n = Term::small(n);
            Ok(c.tuple(&[t, n]))
        }
        // OTP ignores bytes after the term.
        Ok((t, _)) => Ok(t),
        Err(DecodeError::Bad) => badarg(),
        Err(DecodeError::NotSupported(what)) => Err(not_supported(c, what)),
    }
}

fn binary_to_term1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    decode(c, a[0], DecodeOptions::default(), false)
}

fn binary_to_term2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(items) = a[1].list_to_vec() else {
        return badarg();
    };
    let mut opts = DecodeOptions::default();
    let mut used = false;
    for o in items {
        match o.as_atom().map(Atom::text) {
            Some("safe") => opts.safe = true,
            Some("used") => used = true,
            _ => return badarg(),
        }
    }
    decode(c, a[0], opts, used)
}

pub(super) fn register(t: &mut NativeTable) {
    let e = "erlang";
    t.push((e, "term_to_binary", 1, term_to_binary1, false));
    t.push((e, "term_to_binary", 2, term_to_binary2, false));
    t.push((e, "binary_to_term", 1, binary_to_term1, false));
    t.push((e, "binary_to_term", 2, binary_to_term2, false));
}
