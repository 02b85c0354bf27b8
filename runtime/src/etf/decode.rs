//! `binary_to_term`: External Term Format bytes to terms.
//!
//! Accepts everything OTP 25 emits for the term kinds this runtime has, plus
//! the older encodings of the same kinds (`FLOAT_EXT`, `SMALL_ATOM_EXT`,
//! `PID_EXT`, `NEW_REFERENCE_EXT`, `NEW_PORT_EXT`, `PORT_EXT`) and
//! `compressed` input. Pids and refs of this node (`dist::is_this`) become
//! local ones; others become `ExtPid`/`ExtRef`; ports are always `ExtPort`.
//! Closures (`NEW_FUN_EXT`, `FUN_EXT`) are not supported yet.
//!
//! Nesting recurses on the Rust stack through tuple, map and list elements
//! (list tails are a loop), bounded by [`MAX_DEPTH`].

use num_bigint::{BigInt, Sign};

use super::tag;
use crate::heap::{self, Alloc};
use crate::term::{Atom, ExtPid, ExtPort, ExtRef, Term};

/// Deepest nesting accepted (beyond: `badarg`), so garbage cannot overflow
/// the scheduler's stack.
pub const MAX_DEPTH: usize = 2000;

/// Largest uncompressed size accepted for `compressed` input (1 GiB).
const MAX_INFLATED: usize = 1 << 30;

#[derive(Clone, Copy, Debug, Default)]
pub struct DecodeOptions {
    /// `safe`: refuse to create atoms (and, on OTP, funs).
    pub safe: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Malformed or truncated input (`badarg`).
    Bad,
    /// Well-formed but not representable yet (`{not_supported, What}`).
    NotSupported(&'static str),
}

type R<T> = Result<T, DecodeError>;

/// Decode one term from the start of `bytes` (version byte first). Returns
/// the term and the number of bytes used.
pub fn decode(a: &mut impl Alloc, bytes: &[u8], opts: DecodeOptions) -> R<(Term, usize)> {
    let Some((&tag::VERSION, rest)) = bytes.split_first() else {
        return Err(DecodeError::Bad);
    };
    if rest.first() == Some(&tag::COMPRESSED) {
        let inflated = inflate(&rest[1..])?;
        let mut r = Reader {
            b: &inflated.0,
            pos: 0,
            opts,
        };
        let t = r.term(a, 0)?;
        if r.pos != inflated.0.len() {
            return Err(DecodeError::Bad);
        }
        return Ok((t, 1 + 1 + inflated.1));
    }
    let mut r = Reader {
        b: rest,
        pos: 0,
        opts,
    };
    let t = r.term(a, 0)?;
    Ok((t, 1 + r.pos))
}

/// The inflated body of `COMPRESSED` input and the compressed bytes used.
fn inflate(b: &[u8]) -> R<(Vec<u8>, usize)> {
    use std::io::Read;
    if b.len() < 4 {
        return Err(DecodeError::Bad);
    }
    let size = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize;
    if size > MAX_INFLATED {
        return Err(DecodeError::Bad);
    }
    let mut z = flate2::read::ZlibDecoder::new(&b[4..]);
    let mut out = Vec::new();
    // Read at most one byte past the announced size to detect a lie.
    (&mut z)
        .take(size as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|_| DecodeError::Bad)?;
    if out.len() != size {
        return Err(DecodeError::Bad);
    }
    Ok((out, 4 + z.total_in() as usize))
}

struct Reader<'b> {
    b: &'b [u8],
    pos: usize,
    opts: DecodeOptions,
}

impl<'b> Reader<'b> {
    fn left(&self) -> usize {
        self.b.len() - self.pos
    }

    fn bytes(&mut self, n: usize) -> R<&'b [u8]> {
        if n > self.left() {
            return Err(DecodeError::Bad);
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u8(&mut self) -> R<u8> {
        Ok(self.bytes(1)?[0])
    }

    fn u16(&mut self) -> R<usize> {
        let s = self.bytes(2)?;
        Ok(u16::from_be_bytes([s[0], s[1]]) as usize)
    }

    fn u32(&mut self) -> R<usize> {
        let s = self.bytes(4)?;
        Ok(u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize)
    }

    /// A count of items each at least `min` bytes long: checked against what
    /// is left before anyone allocates for it.
    fn count(&self, n: usize, min: usize) -> R<usize> {
        if n.saturating_mul(min) > self.left() {
            Err(DecodeError::Bad)
        } else {
            Ok(n)
        }
    }

    fn term(&mut self, a: &mut impl Alloc, depth: usize) -> R<Term> {
        if depth > MAX_DEPTH {
            return Err(DecodeError::Bad);
        }
        let t = self.u8()?;
        Ok(match t {
            tag::SMALL_INTEGER => Term::small(self.u8()? as usize),
            tag::INTEGER => {
                let s = self.bytes(4)?;
                let v = i32::from_be_bytes([s[0], s[1], s[2], s[3]]);
                heap::make_i64(a, i64::from(v))
            }
            tag::SMALL_BIG | tag::LARGE_BIG => {
                let n = if t == tag::SMALL_BIG {
                    self.u8()? as usize
                } else {
                    self.u32()?
                };
                let sign = match self.u8()? {
                    0 => Sign::Plus,
                    1 => Sign::Minus,
                    _ => return Err(DecodeError::Bad),
                };
                let mag = self.bytes(n)?;
                heap::make_integer(a, &BigInt::from_bytes_le(sign, mag))
            }
            tag::NEW_FLOAT => {
                let s = self.bytes(8)?;
                let mut w = [0u8; 8];
                w.copy_from_slice(s);
                float(a, f64::from_bits(u64::from_be_bytes(w)))?
            }
            tag::FLOAT => {
                let s = self.bytes(31)?;
                let end = s.iter().position(|&c| c == 0).unwrap_or(31);
                let text = std::str::from_utf8(&s[..end]).map_err(|_| DecodeError::Bad)?;
                let f: f64 = text.trim().parse().map_err(|_| DecodeError::Bad)?;
                float(a, f)?
            }
            tag::ATOM | tag::SMALL_ATOM | tag::ATOM_UTF8 | tag::SMALL_ATOM_UTF8 => {
                Term::atom(self.atom_body(t)?)
            }
            tag::NIL => Term::NIL,
            tag::SMALL_TUPLE | tag::LARGE_TUPLE => {
                let n = if t == tag::SMALL_TUPLE {
                    self.u8()? as usize
                } else {
                    self.u32()?
                };
                let n = self.count(n, 1)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.term(a, depth + 1)?);
                }
                heap::make_tuple(a, &items)
            }
            tag::STRING => {
                let n = self.u16()?;
                let s = self.bytes(n)?;
                let items: Vec<Term> = s.iter().map(|&c| Term::small(c as usize)).collect();
                heap::list(a, &items)
            }
            tag::LIST => {
                let n = self.u32()?;
                let n = self.count(n, 1)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.term(a, depth + 1)?);
                }
                // The tail: often `[]`, may itself be a list (`LIST_EXT`).
                let tail = self.term(a, depth + 1)?;
                heap::list_with_tail(a, &items, tail)
            }
            tag::BINARY => {
                let n = self.u32()?;
                let s = self.bytes(n)?;
                heap::make_binary(a, s)
            }
            tag::BIT_BINARY => {
                let n = self.u32()?;
                let bits = self.u8()? as usize;
                let s = self.bytes(n)?;
                if n == 0 || !(1..=8).contains(&bits) {
                    // OTP accepts <<>> only as BINARY_EXT.
                    return Err(DecodeError::Bad);
                }
                heap::make_bitstring(a, s.to_vec(), (n - 1) * 8 + bits)
            }
            tag::MAP => {
                let n = self.u32()?;
                let n = self.count(n, 2)?;
                let mut pairs = Vec::with_capacity(n);
                for _ in 0..n {
                    let k = self.term(a, depth + 1)?;
                    let v = self.term(a, depth + 1)?;
                    pairs.push((k, v));
                }
                let m = heap::make_map(a, &mut pairs);
                // Duplicate keys are malformed input.
                if m.map().map(|m| m.len()) != Some(n) {
                    return Err(DecodeError::Bad);
                }
                m
            }
            tag::NEW_PID | tag::PID => {
                let node = self.atom()?;
                let id = self.u32()? as u32;
                let serial = self.u32()? as u32;
                let creation = if t == tag::NEW_PID {
                    self.u32()? as u32
                } else {
                    u32::from(self.u8()?)
                };
                if crate::dist::is_this(node, creation) {
                    Term::pid(u64::from(id) | u64::from(serial) << 32)
                } else {
                    let x = ExtPid {
                        node,
                        id,
                        serial,
                        creation,
                    };
                    heap::make_ext_pid(a, &x)
                }
            }
            tag::NEW_PORT | tag::V4_PORT | tag::PORT => {
                let node = self.atom()?;
                let id = match t {
                    tag::V4_PORT => {
                        let b = self.bytes(8)?;
                        u64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
                    }
                    _ => self.u32()? as u64,
                };
                let creation = if t == tag::PORT {
                    u32::from(self.u8()?)
                } else {
                    self.u32()? as u32
                };
                heap::make_ext_port(a, &ExtPort { node, id, creation })
            }
            tag::NEWER_REFERENCE | tag::NEW_REFERENCE => {
                let n = self.u16()?;
                let node = self.atom()?;
                let creation = if t == tag::NEWER_REFERENCE {
                    self.u32()? as u32
                } else {
                    u32::from(self.u8()?)
                };
                let n = self.count(n, 4)?;
                if !(1..=5).contains(&n) {
                    return Err(DecodeError::Bad);
                }
                let mut w = [0u32; 5];
                for x in w.iter_mut().take(n) {
                    *x = self.u32()? as u32;
                }
                // This runtime's refs are one 64-bit id shown as
                // #Ref<0.A.B.C> with C, B < 2^20 and A < 2^24; any other
                // ref (another node's, or an odd one of ours) is an ExtRef.
                let (c, b, a2) = (u64::from(w[0]), u64::from(w[1]), u64::from(w[2]));
                if crate::dist::is_this(node, creation)
                    && n == 3
                    && c < 1 << 20
                    && b < 1 << 20
                    && a2 < 1 << 24
                {
                    heap::make_ref(a, a2 << 40 | b << 20 | c)
                } else {
                    let x = ExtRef {
                        node,
                        creation,
                        len: n as u8,
                        words: w,
                    };
                    heap::make_ext_ref(a, &x)
                }
            }
            tag::EXPORT => {
                let m = self.atom()?;
                let f = self.atom()?;
                if self.u8()? != tag::SMALL_INTEGER {
                    return Err(DecodeError::Bad);
                }
                let arity = self.u8()?;
                heap::make_export_fun(a, m, f, u32::from(arity))
            }
            tag::NEW_FUN | tag::FUN => return Err(DecodeError::NotSupported("closure")),
            _ => return Err(DecodeError::Bad),
        })
    }

    /// An atom (tag included).
    fn atom(&mut self) -> R<Atom> {
        let t = self.u8()?;
        self.atom_body(t)
    }

    fn atom_body(&mut self, t: u8) -> R<Atom> {
        let n = match t {
            tag::ATOM | tag::ATOM_UTF8 => self.u16()?,
            tag::SMALL_ATOM | tag::SMALL_ATOM_UTF8 => self.u8()? as usize,
            _ => return Err(DecodeError::Bad),
        };
        let s = self.bytes(n)?;
        let text: String = if matches!(t, tag::ATOM | tag::SMALL_ATOM) {
            s.iter().map(|&c| char::from(c)).collect()
        } else {
            std::str::from_utf8(s)
                .map_err(|_| DecodeError::Bad)?
                .to_string()
        };
        if text.chars().count() > 255 {
            return Err(DecodeError::Bad);
        }
        if self.opts.safe {
            Atom::lookup(&text).ok_or(DecodeError::Bad)
        } else {
            Ok(Atom::intern(&text))
        }
    }
}

fn float(a: &mut impl Alloc, f: f64) -> R<Term> {
    if f.is_finite() {
        Ok(heap::make_float(a, f))
    } else {
        Err(DecodeError::Bad)
    }
}
