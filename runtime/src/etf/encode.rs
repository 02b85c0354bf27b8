//! `term_to_binary`: terms to External Term Format bytes, as OTP 25 emits
//! them (see the module doc of `etf` for the tags).
//!
//! The walk is iterative (a stack of pending terms): ETF is a pre-order
//! encoding, so a container's header is written, then its elements are
//! pushed in reverse. Deep terms never recurse on the Rust stack.

use super::tag;
use crate::term::{big, Sub, Term};

/// `term_to_binary/2` options that change the bytes.
#[derive(Clone, Copy, Debug)]
pub struct EncodeOptions {
    /// 0: floats as `FLOAT_EXT` text; 1 (default): `NEW_FLOAT_EXT`;
    /// 2: also every atom as UTF-8 (`SMALL_ATOM_UTF8_EXT`).
    pub minor_version: u8,
    /// zlib level when compressing (`None`: not compressed).
    pub compressed: Option<u32>,
}

impl Default for EncodeOptions {
    fn default() -> Self {
        EncodeOptions {
            minor_version: 1,
            compressed: None,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// A term kind ETF cannot carry here (Lua tables).
    NotSupported(&'static str),
}

/// The node name every local pid and ref carries when the runtime is not
/// a distributed node (`crate::dist::this_node` gives the current one).
pub const NODE: &str = "nonode@nohost";

/// The external format of `t` (with the leading version byte).
pub fn encode(t: Term, opts: &EncodeOptions) -> Result<Vec<u8>, EncodeError> {
    let mut out = vec![tag::VERSION];
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        term(&mut out, t, opts, &mut stack)?;
    }
    match opts.compressed {
        Some(level) => Ok(compress(out, level)),
        None => Ok(out),
    }
}

/// OTP compresses the body (after the version byte) with zlib and keeps the
/// result only when it is smaller.
fn compress(plain: Vec<u8>, level: u32) -> Vec<u8> {
    use std::io::Write;
    let body = &plain[1..];
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
    if z.write_all(body).is_err() {
        return plain;
    }
    let Ok(packed) = z.finish() else {
        return plain;
    };
    let Ok(len) = u32::try_from(body.len()) else {
        return plain;
    };
    if packed.len() + 5 >= body.len() {
        return plain;
    }
    let mut out = Vec::with_capacity(6 + packed.len());
    out.push(tag::VERSION);
    out.push(tag::COMPRESSED);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&packed);
    out
}

fn u16_be(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u16).to_be_bytes());
}

fn u32_be(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_be_bytes());
}

fn term(
    out: &mut Vec<u8>,
    t: Term,
    opts: &EncodeOptions,
    stack: &mut Vec<Term>,
) -> Result<(), EncodeError> {
    if let Some(i) = t.as_int() {
        integer(out, i);
        return Ok(());
    }
    if let Some(a) = t.as_atom() {
        atom(out, a.text(), opts);
        return Ok(());
    }
    if t.is_nil() {
        out.push(tag::NIL);
        return Ok(());
    }
    if let Some(n) = t.as_pid() {
        pid(out, n, opts);
        return Ok(());
    }
    if t.is_cons() {
        list(out, t, stack);
        return Ok(());
    }
    match t.sub() {
        Some(Sub::Tuple) => {
            let items = t.tuple().map(|tp| tp.to_vec()).unwrap_or_default();
            if items.len() < 256 {
                out.push(tag::SMALL_TUPLE);
                out.push(items.len() as u8);
            } else {
                out.push(tag::LARGE_TUPLE);
                u32_be(out, items.len());
            }
            stack.extend(items.into_iter().rev());
        }
        Some(Sub::Float) => float(out, t.as_float().unwrap_or(0.0), opts),
        Some(Sub::PosBig | Sub::NegBig) => {
            if let Some(v) = big::to_bigint(t) {
                bignum(out, &v);
            }
        }
        Some(Sub::Ref) => {
            let id = t.ref_id().unwrap_or(0);
            let (node, creation) = crate::dist::this_node();
            out.push(tag::NEWER_REFERENCE);
            u16_be(out, 3);
            atom(out, node.text(), opts);
            u32_be(out, creation as usize);
            // The words as `#Ref<0.W2.W1.W0>` prints them (see printable.rs).
            for w in [id & 0xf_ffff, (id >> 20) & 0xf_ffff, (id >> 40) & 0xff_ffff] {
                u32_be(out, w as usize);
            }
        }
        Some(Sub::ExtPid) => {
            if let Some(x) = t.ext_pid() {
                out.push(tag::NEW_PID);
                atom(out, x.node.text(), opts);
                for w in [x.id, x.serial, x.creation] {
                    u32_be(out, w as usize);
                }
            }
        }
        Some(Sub::ExtRef) => {
            if let Some(x) = t.ext_ref() {
                out.push(tag::NEWER_REFERENCE);
                u16_be(out, x.words().len());
                atom(out, x.node.text(), opts);
                u32_be(out, x.creation as usize);
                for &w in x.words() {
                    u32_be(out, w as usize);
                }
            }
        }
        Some(Sub::ExtPort) => {
            if let Some(x) = t.ext_port() {
                // As OTP 25: NEW_PORT_EXT when the id fits 32 bits.
                match u32::try_from(x.id) {
                    Ok(id) => {
                        out.push(tag::NEW_PORT);
                        atom(out, x.node.text(), opts);
                        u32_be(out, id as usize);
                    }
                    Err(_) => {
                        out.push(tag::V4_PORT);
                        atom(out, x.node.text(), opts);
                        out.extend_from_slice(&x.id.to_be_bytes());
                    }
                }
                u32_be(out, x.creation as usize);
            }
        }
        Some(Sub::Export) => {
            if let Some((m, f, a)) = t.export_fun() {
                out.push(tag::EXPORT);
                atom(out, m.text(), opts);
                atom(out, f.text(), opts);
                out.push(tag::SMALL_INTEGER);
                out.push(a as u8);
            }
        }
        Some(Sub::Fun) => closure(out, t, opts)?,
        // Pairs in iteration order: OTP's for up to 32 keys (spec/runtime.md, Maps).
        Some(Sub::Map | Sub::HashMap) => {
            let pairs = t.map().map(|m| m.pairs()).unwrap_or_default();
            out.push(tag::MAP);
            u32_be(out, pairs.len());
            for (k, v) in pairs.into_iter().rev() {
                stack.push(v);
                stack.push(k);
            }
        }
        Some(Sub::LuaTable) => return Err(EncodeError::NotSupported("Lua table")),
        _ => match t.bitstring() {
            Some(bits) => {
                let bytes = bits.to_vec();
                if bits.is_binary() {
                    out.push(tag::BINARY);
                    u32_be(out, bytes.len());
                } else {
                    out.push(tag::BIT_BINARY);
                    u32_be(out, bytes.len());
                    out.push((bits.bit_size() % 8) as u8);
                }
                out.extend_from_slice(&bytes);
            }
            None => return Err(EncodeError::NotSupported("this term")),
        },
    }
    Ok(())
}

fn integer(out: &mut Vec<u8>, i: i64) {
    if (0..=255).contains(&i) {
        out.push(tag::SMALL_INTEGER);
        out.push(i as u8);
    } else if let Ok(v) = i32::try_from(i) {
        out.push(tag::INTEGER);
        out.extend_from_slice(&v.to_be_bytes());
    } else {
        bignum(out, &num_bigint::BigInt::from(i));
    }
}

fn bignum(out: &mut Vec<u8>, v: &num_bigint::BigInt) {
    let (sign, mag) = v.to_bytes_le();
    if mag.len() < 256 {
        out.push(tag::SMALL_BIG);
        out.push(mag.len() as u8);
    } else {
        out.push(tag::LARGE_BIG);
        u32_be(out, mag.len());
    }
    out.push(u8::from(sign == num_bigint::Sign::Minus));
    out.extend_from_slice(&mag);
}

fn float(out: &mut Vec<u8>, f: f64, opts: &EncodeOptions) {
    if opts.minor_version == 0 {
        // FLOAT_EXT: C's "%.20e", NUL-padded to 31 bytes.
        out.push(tag::FLOAT);
        let text = c_exp20(f);
        let mut field = [0u8; 31];
        let n = text.len().min(31);
        field[..n].copy_from_slice(&text.as_bytes()[..n]);
        out.extend_from_slice(&field);
    } else {
        out.push(tag::NEW_FLOAT);
        out.extend_from_slice(&f.to_bits().to_be_bytes());
    }
}

/// `printf("%.20e", f)`: Rust's `{:.20e}` with C's exponent (`e+00`).
fn c_exp20(f: f64) -> String {
    let s = format!("{f:.20e}");
    match s.split_once('e') {
        Some((mant, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            format!("{mant}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

/// An atom: Latin-1 `ATOM_EXT` when every character fits (OTP 25's default),
/// UTF-8 otherwise or with `{minor_version, 2}`.
pub(super) fn atom(out: &mut Vec<u8>, text: &str, opts: &EncodeOptions) {
    let latin1 = text.chars().all(|c| (c as u32) < 256);
    if latin1 && opts.minor_version < 2 {
        out.push(tag::ATOM);
        u16_be(out, text.chars().count());
        out.extend(text.chars().map(|c| c as u8));
    } else if text.len() < 256 {
        out.push(tag::SMALL_ATOM_UTF8);
        out.push(text.len() as u8);
        out.extend_from_slice(text.as_bytes());
    } else {
        out.push(tag::ATOM_UTF8);
        u16_be(out, text.len());
        out.extend_from_slice(text.as_bytes());
    }
}

fn pid(out: &mut Vec<u8>, n: u64, opts: &EncodeOptions) {
    let (node, creation) = crate::dist::this_node();
    out.push(tag::NEW_PID);
    atom(out, node.text(), opts);
    // ID, serial (the high bits; 0 for every pid printed as <0.N.0>), creation.
    u32_be(out, (n & 0xffff_ffff) as usize);
    u32_be(out, (n >> 32) as usize);
    u32_be(out, creation as usize);
}

/// A list: `STRING_EXT` for a proper list of bytes shorter than 65536,
/// else `LIST_EXT` (elements, then the tail, `[]` when proper).
fn list(out: &mut Vec<u8>, t: Term, stack: &mut Vec<Term>) {
    let mut items = Vec::new();
    let mut it = t.list_iter();
    for x in it.by_ref() {
        items.push(x);
    }
    let tail = it.tail();
    let bytes: Option<Vec<u8>> = if tail.is_nil() && items.len() < 65536 {
        items
            .iter()
            .map(|x| x.as_int().and_then(|i| u8::try_from(i).ok()))
            .collect()
    } else {
        None
    };
    if let Some(bytes) = bytes {
        out.push(tag::STRING);
        u16_be(out, bytes.len());
        out.extend_from_slice(&bytes);
        return;
    }
    out.push(tag::LIST);
    u32_be(out, items.len());
    stack.push(tail);
    stack.extend(items.into_iter().rev());
}

/// `NEW_FUN_EXT`. The fields OTP derives from the BEAM file (the module's
/// MD5, the old index/uniq) come from this runtime's own module identity,
/// so the bytes differ from OTP's; `binary_to_term` does not read them back
/// yet. The creator pid is `<0.0.0>`.
fn closure(out: &mut Vec<u8>, t: Term, opts: &EncodeOptions) -> Result<(), EncodeError> {
    let Some(c) = t.closure() else {
        return Ok(());
    };
    let code = c.module_code();
    // The free variables follow the fixed part; their encoding is part of
    // Size, so encode them here rather than through the stack.
    let start = out.len();
    out.push(tag::NEW_FUN);
    u32_be(out, 0); // Size, patched below.
    out.push(c.arity as u8);
    let mut uniq = [0u8; 16];
    uniq[..4].copy_from_slice(&code.uniq.to_be_bytes());
    out.extend_from_slice(&uniq);
    u32_be(out, c.index as usize);
    u32_be(out, c.nfree);
    atom(out, code.name.text(), opts);
    integer(out, i64::from(c.index));
    integer(out, i64::from(code.uniq));
    pid(out, 0, opts);
    // Free variables are encoded in place, each with its own stack.
    for i in 0..c.nfree {
        let mut sub = vec![c.free(i)];
        while let Some(y) = sub.pop() {
            term(out, y, opts, &mut sub)?;
        }
    }
    let size = out.len() - start;
    out[start + 1..start + 5].copy_from_slice(&(size as u32).to_be_bytes());
    Ok(())
}
