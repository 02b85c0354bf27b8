//! `erlang:phash/2` and `erlang:phash2/1,2`: OTP's portable term hashes.
//!
//! Library code depends on their exact values: `dict` and version-1 `sets`
//! place elements in hash buckets with `phash/2`, so their layout and the
//! order of `to_list/1` are those of erl only if the hash is erl's. Both are
//! specified by what ERTS computes (erl_term_hashing.c), reproduced here for
//! every kind of term whose identity is portable (numbers, atoms, lists,
//! tuples, maps, binaries, `fun M:F/A`). Pids and references hash their
//! number as ERTS does, but our numbers are not erl's; local funs hash our
//! function index and module number in place of the BEAM's.
//!
//! Both walk the term with an explicit stack (no term can overflow the Rust
//! stack). Arithmetic is modulo 2^32, as ERTS's (its `make_hash` keeps a
//! 64-bit accumulator but returns the low 32 bits, which only depend on the
//! low 32 bits of every step).

use super::{badarg, Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};

// Primes just above 2^28 (ERTS's FUNNY_NUMBERs), used by `phash/2`.
const F1: u32 = 268_440_163;
const F2: u32 = 268_439_161;
const F3: u32 = 268_435_459;
const F4: u32 = 268_436_141;
const F5: u32 = 268_438_633;
const F6: u32 = 268_437_017;
const F8: u32 = 268_437_511;
const F9: u32 = 268_439_627;
const F10: u32 = 268_440_479;
const F11: u32 = 268_440_577;
const F12: u32 = 268_440_581;
const F13: u32 = 268_440_593;
const F14: u32 = 268_440_611;

// The golden ratio and its multiples mod 2^32, used by `phash2`.
const HCONST: u32 = 0x9e37_79b9;
const HCONST_2: u32 = 0x3c6e_f372;
const HCONST_3: u32 = 0xdaa6_6d2b;
const HCONST_4: u32 = 0x78dd_e6e4;
const HCONST_5: u32 = 0x1715_609d;
const HCONST_7: u32 = 0x5384_540f;
const HCONST_9: u32 = 0x8ff3_4781;
const HCONST_10: u32 = 0x2e2a_c13a;
const HCONST_11: u32 = 0xcc62_3af3;
const HCONST_12: u32 = 0x6a99_b4ac;
const HCONST_13: u32 = 0x08d1_2e65;
const HCONST_14: u32 = 0xa708_a81e;
const HCONST_15: u32 = 0x4540_21d7;
const HCONST_16: u32 = 0xe377_9b90;
const HCONST_19: u32 = 0xbe1e_08bb;

/// ERTS's tag number for `[]` (`NIL_DEF`), hashed by phash2 for a list's
/// end when something was hashed before it.
const NIL_DEF: u32 = 2;

/// The hash ERTS keeps for an atom: hashpjw over the UTF-8 name, where a
/// two-byte sequence for U+0080..U+00FF counts as its Latin-1 byte (so the
/// value is the same as when atoms were Latin-1 only).
pub fn atom_hash(name: &str) -> u32 {
    let bytes = name.as_bytes();
    let mut h: u32 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let mut v = bytes[i];
        i += 1;
        if i < bytes.len() && (v & 0xFE) == 0xC2 && (bytes[i] & 0xC0) == 0x80 {
            // Truncated to a byte, as ERTS's `byte v`.
            v = (v << 6) | (bytes[i] & 0x3F);
            i += 1;
        }
        h = (h << 4).wrapping_add(u32::from(v));
        let g = h & 0xf000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    }
    h
}

fn atom_hv(a: Atom) -> u32 {
    atom_hash(a.text())
}

/// An integer's magnitude as 32-bit words, least significant first, without
/// high zero words but at least one word; and its sign.
fn int_words(t: Term) -> Option<(bool, Vec<u32>)> {
    let (neg, limbs) = if let Some(i) = t.as_int() {
        (i < 0, vec![i.unsigned_abs()])
    } else {
        t.big_limbs()?
    };
    let mut words: Vec<u32> = limbs
        .iter()
        .flat_map(|&l| [l as u32, (l >> 32) as u32])
        .collect();
    while words.len() > 1 && words.last() == Some(&0) {
        words.pop();
    }
    Some((neg, words))
}

enum Op1 {
    Term(Term),
    /// The tail of a list cell whose head was hashed.
    Tail(Term),
    /// A list ended.
    ListEnd,
    /// A tuple's elements were hashed.
    TupleEnd(u32),
}

/// ERTS's `make_hash`, the hash behind `erlang:phash/2`.
pub fn make_hash(t: Term) -> u32 {
    let mut h: u32 = 0;
    let mut stack = vec![Op1::Term(t)];
    while let Some(op) = stack.pop() {
        let t = match op {
            Op1::ListEnd => {
                h = h.wrapping_mul(F8);
                continue;
            }
            Op1::TupleEnd(n) => {
                h = h.wrapping_mul(F9).wrapping_add(n);
                continue;
            }
            Op1::Tail(t) if !t.is_cons() => {
                stack.push(Op1::ListEnd);
                stack.push(Op1::Term(t));
                continue;
            }
            Op1::Tail(t) | Op1::Term(t) => t,
        };
        if t.is_nil() {
            h = h.wrapping_mul(F3).wrapping_add(1);
        } else if let Some(a) = t.as_atom() {
            h = h.wrapping_mul(F1).wrapping_add(atom_hv(a));
        } else if let Some((neg, words)) = int_words(t) {
            for w in words {
                for k in 0..4 {
                    h = h.wrapping_mul(F2).wrapping_add((w >> (8 * k)) & 0xff);
                }
            }
            h = h.wrapping_mul(if neg { F4 } else { F3 });
        } else if t.is_cons() {
            // A run of byte heads is hashed inline (ERTS's string case).
            let mut cell = t;
            while let Some((hd, tl)) = cell.cons() {
                match hd.as_int() {
                    Some(b @ 0..=255) => {
                        h = h.wrapping_mul(F2).wrapping_add(b as u32);
                        if !tl.is_cons() {
                            stack.push(Op1::ListEnd);
                            stack.push(Op1::Term(tl));
                            break;
                        }
                        cell = tl;
                    }
                    _ => {
                        stack.push(Op1::Tail(tl));
                        stack.push(Op1::Term(hd));
                        break;
                    }
                }
            }
        } else if let Some(tp) = t.tuple() {
            stack.push(Op1::TupleEnd(tp.len() as u32));
            for e in tp.to_vec().into_iter().rev() {
                stack.push(Op1::Term(e));
            }
        } else if let Some(f) = t.as_float() {
            let f = if f == 0.0 { 0.0 } else { f };
            let bits = f.to_bits();
            h = h
                .wrapping_mul(F6)
                .wrapping_add((bits as u32) ^ ((bits >> 32) as u32));
        } else if let Some(b) = t.bitstring() {
            let sz = b.bit_size() / 8;
            let rest = b.bit_size() % 8;
            let bytes = b.to_vec();
            for &byte in &bytes[..sz] {
                h = h.wrapping_mul(F1).wrapping_add(u32::from(byte));
            }
            if rest > 0 {
                let last = u32::from(bytes[sz]) >> (8 - rest);
                h = h
                    .wrapping_mul(F1)
                    .wrapping_add(last)
                    .wrapping_mul(F12)
                    .wrapping_add(rest as u32);
            }
            h = h.wrapping_mul(F4).wrapping_add(sz as u32);
        } else if t.is_map() {
            h = h
                .wrapping_mul(F13)
                .wrapping_add(F14)
                .wrapping_add(make_hash2(t));
        } else if let Some(n) = t.as_pid() {
            h = bytes_step(h, n as u32, F5).wrapping_mul(F6);
        } else if let Some(id) = t.ref_id() {
            h = bytes_step(h, id as u32, F9).wrapping_mul(F10);
        } else if let Some(x) = t.ext_pid() {
            h = bytes_step(h, x.id, F5).wrapping_mul(F6);
        } else if let Some(x) = t.ext_ref() {
            h = bytes_step(h, x.words[0], F9).wrapping_mul(F10);
        } else if let Some((m, f, a)) = t.export_fun() {
            h = h.wrapping_mul(F11).wrapping_add(a);
            h = h.wrapping_mul(F1).wrapping_add(atom_hv(m));
            h = h.wrapping_mul(F1).wrapping_add(atom_hv(f));
        } else if let Some(c) = t.closure() {
            let module = c.module_code();
            h = h.wrapping_mul(F10).wrapping_add(c.nfree as u32);
            h = h.wrapping_mul(F1).wrapping_add(atom_hv(module.name));
            h = h.wrapping_mul(F2).wrapping_add(c.index);
            h = h.wrapping_mul(F2).wrapping_add(module.uniq);
            for i in (0..c.nfree).rev() {
                stack.push(Op1::Term(c.free(i)));
            }
        }
        // Other kinds (Lua tables) add nothing: equal terms still hash alike.
    }
    h
}

/// ERTS's `UINT32_HASH_STEP`: the four bytes of `x`, least significant
/// first, each as `h * prime + byte`.
fn bytes_step(mut h: u32, x: u32, prime: u32) -> u32 {
    for k in 0..4 {
        h = h.wrapping_mul(prime).wrapping_add((x >> (8 * k)) & 0xff);
    }
    h
}

/// Bob Jenkins' mix of three 32-bit values; the hash is the new `c`.
fn mix(a: u32, b: u32, c: u32) -> u32 {
    mix3(a, b, c).2
}

/// `UINT32_HASH_2(x, y, k)`: mixes two words into the hash.
fn hash2(h: u32, x: u32, y: u32, k: u32) -> u32 {
    mix(k.wrapping_add(x), k.wrapping_add(y), h)
}

/// `UINT32_HASH(x, k)`.
fn hash1(h: u32, x: u32, k: u32) -> u32 {
    hash2(h, x, 0, k)
}

/// Jenkins' block hash of `bytes` started from `init` (ERTS `block_hash`).
fn block_hash(bytes: &[u8], init: u32) -> u32 {
    let word = |k: &[u8]| u32::from_le_bytes([k[0], k[1], k[2], k[3]]);
    let (mut a, mut b, mut c) = (HCONST, HCONST, init);
    let mut chunks = bytes.chunks_exact(12);
    for k in &mut chunks {
        a = a.wrapping_add(word(&k[0..4]));
        b = b.wrapping_add(word(&k[4..8]));
        c = c.wrapping_add(word(&k[8..12]));
        (a, b, c) = mix3(a, b, c);
    }
    let k = chunks.remainder();
    c = c.wrapping_add(bytes.len() as u32);
    // The first byte of c is reserved for the length.
    for (i, &byte) in k.iter().enumerate() {
        let v = u32::from(byte);
        match i {
            0..=3 => a = a.wrapping_add(v << (8 * i)),
            4..=7 => b = b.wrapping_add(v << (8 * (i - 4))),
            _ => c = c.wrapping_add(v << (8 * (i - 7))),
        }
    }
    mix3(a, b, c).2
}

/// [`mix`] returning all three words (the block hash carries them on).
fn mix3(mut a: u32, mut b: u32, mut c: u32) -> (u32, u32, u32) {
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 13);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 8);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 13);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 12);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 16);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 5);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 3);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 10);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 15);
    (a, b, c)
}

enum Op2 {
    Term(Term),
    /// One key-value pair of a map is hashed: fold it into the pairs' xor.
    MapPair,
    /// A map's pairs are hashed: restore the outer state and mix the xor.
    MapTail {
        hash: u32,
        xor: u32,
    },
}

/// ERTS's `make_hash2`, the hash behind `erlang:phash2/1,2`.
pub fn make_hash2(t: Term) -> u32 {
    let mut h: u32 = 0;
    let mut xor: u32 = 0;
    let mut stack = vec![Op2::Term(t)];
    while let Some(op) = stack.pop() {
        let t = match op {
            Op2::MapPair => {
                xor ^= h;
                h = 0;
                continue;
            }
            Op2::MapTail { hash, xor: outer } => {
                h = hash1(hash, xor, HCONST_19);
                xor = outer;
                continue;
            }
            Op2::Term(t) => t,
        };
        if let Some(a) = t.as_atom() {
            h = if h == 0 {
                atom_hv(a)
            } else {
                hash1(h, atom_hv(a), HCONST_3)
            };
        } else if t.is_nil() {
            h = if h == 0 {
                3_468_870_702
            } else {
                hash1(h, NIL_DEF, HCONST_2)
            };
        } else if let Some(i) = t.as_int().filter(|i| (-(1 << 27)..(1 << 27)).contains(i)) {
            let y = i as i32;
            if y < 0 {
                // Negative numbers are mixed twice, as ERTS does.
                h = hash1(h, y.wrapping_neg() as u32, HCONST);
            }
            h = hash1(h, y as u32, HCONST);
        } else if let Some((neg, words)) = int_words(t) {
            let con = if neg { HCONST_10 } else { HCONST_11 };
            for pair in words.chunks(2) {
                h = hash2(h, pair[0], pair.get(1).copied().unwrap_or(0), con);
            }
        } else if t.is_cons() {
            // Runs of byte heads go four to a word (ERTS's string case).
            let mut cell = t;
            let (mut c, mut sh) = (0u32, 0u32);
            while let Some((hd, tl)) = cell.cons() {
                match hd.as_int() {
                    Some(b @ 0..=255) => {
                        sh = (sh << 8).wrapping_add(b as u32);
                        if c == 3 {
                            h = hash1(h, sh, HCONST_4);
                            c = 0;
                            sh = 0;
                        } else {
                            c += 1;
                        }
                        cell = tl;
                    }
                    _ => break,
                }
            }
            if c > 0 {
                h = hash1(h, sh, HCONST_4);
            }
            match cell.cons() {
                Some((hd, tl)) => {
                    stack.push(Op2::Term(tl));
                    stack.push(Op2::Term(hd));
                }
                None => stack.push(Op2::Term(cell)),
            }
        } else if let Some(tp) = t.tuple() {
            h = hash1(h, tp.len() as u32, HCONST_9);
            for e in tp.to_vec().into_iter().rev() {
                stack.push(Op2::Term(e));
            }
        } else if let Some(m) = t.map() {
            h = hash1(h, m.len() as u32, HCONST_16);
            if !m.is_empty() {
                stack.push(Op2::MapTail { hash: h, xor });
                h = 0;
                xor = 0;
                for (k, v) in m.pairs() {
                    stack.push(Op2::MapPair);
                    stack.push(Op2::Term(v));
                    stack.push(Op2::Term(k));
                }
            }
        } else if let Some(f) = t.as_float() {
            let f = if f == 0.0 { 0.0 } else { f };
            let bits = f.to_bits();
            h = hash2(h, (bits >> 32) as u32, bits as u32, HCONST_12);
        } else if let Some(b) = t.bitstring() {
            let sz = b.bit_size() / 8;
            let rest = b.bit_size() % 8;
            let con = HCONST_13.wrapping_add(h);
            if sz == 0 && rest == 0 {
                h = con;
            } else {
                let bytes = b.to_vec();
                h = block_hash(&bytes[..sz], con);
                if rest > 0 {
                    let last = u32::from(bytes[sz]) >> (8 - rest);
                    h = hash2(h, rest as u32, last, HCONST_15);
                }
            }
        } else if let Some(n) = t.as_pid() {
            h = hash1(h, n as u32, HCONST_5);
        } else if let Some(id) = t.ref_id() {
            h = hash1(h, id as u32, HCONST_7);
        } else if let Some(x) = t.ext_pid() {
            h = hash1(h, x.id, HCONST_5);
        } else if let Some(x) = t.ext_ref() {
            h = hash1(h, x.words[0], HCONST_7);
        } else if let Some((m, f, a)) = t.export_fun() {
            h = hash2(h, a, atom_hv(m), HCONST);
            h = hash1(h, atom_hv(f), HCONST_14);
        } else if let Some(c) = t.closure() {
            let module = c.module_code();
            h = hash2(h, c.nfree as u32, atom_hv(module.name), HCONST);
            h = hash2(h, c.index, module.uniq, HCONST);
            for i in (0..c.nfree).rev() {
                stack.push(Op2::Term(c.free(i)));
            }
        }
    }
    h
}

/// The range argument of phash/2 and phash2/2: 1..2^32.
fn range(t: Term) -> Result<u64, Trap> {
    match t.as_int() {
        Some(r) if (1..=1 << 32).contains(&r) => Ok(r as u64),
        _ => badarg(),
    }
}

fn phash_2(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let r = range(a[1])?;
    let h = u64::from(make_hash(a[0]));
    Ok(Term::small((h % r + 1) as usize))
}

fn phash2_1(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::small((make_hash2(a[0]) & ((1 << 27) - 1)) as usize))
}

fn phash2_2(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let r = range(a[1])?;
    Ok(Term::small((u64::from(make_hash2(a[0])) % r) as usize))
}

pub(super) fn register(t: &mut NativeTable) {
    let e = "erlang";
    t.push((e, "phash", 2, phash_2, false));
    t.push((e, "phash2", 1, phash2_1, false));
    t.push((e, "phash2", 2, phash2_2, false));
}
