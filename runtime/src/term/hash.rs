//! The internal term hash used by HAMT maps.
//!
//! Invariant: `eq_exact(a, b)` implies `hash(a) == hash(b)`. The hash is a
//! fold of a pre-order token stream over the term (a type tag, then the
//! contents), walked with an explicit stack so that no term can overflow
//! the Rust stack. Map contents are visited in sorted key order, so a map's
//! hash does not depend on its representation.
//!
//! It is not OTP's internal hash (that one depends on the BEAM's word layout
//! and atom table indexes), so HAMT layout differs from the BEAM's; iteration
//! of large maps is in sorted key order instead (spec/runtime.md, Maps).
//!
//! Kinds without a case here (Lua tables, added later)
//! hash to their kind only: correct, but every such key of one kind then
//! collides. Whoever adds a boxed kind that can be a map key should add a
//! case that agrees with `eq_exact`.

use super::{Sub, Term};

const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// One mixing step (a multiply-xorshift in the style of splitmix64).
fn mix(h: u64, x: u64) -> u64 {
    let mut z = (h ^ x)
        .wrapping_add(SEED)
        .wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 31)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 29)
}

/// Hash of a term, consistent with exact equality.
pub fn hash(t: Term) -> u64 {
    let mut h = 0u64;
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        if let Some(i) = t.as_int() {
            h = mix(mix(h, 1), i as u64);
        } else if let Some(a) = t.as_atom() {
            // Atoms are interned once for the VM's life: the index is stable.
            h = mix(mix(h, 2), a.0 as u64);
        } else if let Some(n) = t.as_pid() {
            h = mix(mix(h, 3), n);
        } else if t.is_nil() {
            h = mix(h, 4);
        } else if let Some((hd, tl)) = t.cons() {
            h = mix(h, 5);
            // Tail first so the head is hashed next (pre-order).
            stack.push(tl);
            stack.push(hd);
        } else if let Some(tp) = t.tuple() {
            h = mix(mix(h, 6), tp.len() as u64);
            for i in (0..tp.len()).rev() {
                stack.push(tp.get(i).unwrap_or(Term::NIL));
            }
        } else if let Some(f) = t.as_float() {
            // -0.0 =:= 0.0 in OTP 25: hash them alike.
            let f = if f == 0.0 { 0.0 } else { f };
            h = mix(mix(h, 7), f.to_bits());
        } else if let Some(id) = t.ref_id() {
            h = mix(mix(h, 8), id);
        } else if let Some(m) = t.map() {
            h = mix(mix(h, 9), m.len() as u64);
            let pairs = m.pairs();
            for &(k, v) in pairs.iter().rev() {
                stack.push(v);
                stack.push(k);
            }
        } else if let Some(c) = t.closure() {
            h = mix(
                mix(mix(mix(h, 10), c.code as u64), c.index as u64),
                c.nfree as u64,
            );
            for i in (0..c.nfree).rev() {
                stack.push(c.free(i));
            }
        } else if let Some((m, f, a)) = t.export_fun() {
            h = mix(mix(mix(mix(h, 11), m.0 as u64), f.0 as u64), a as u64);
        } else if let Some((neg, limbs)) = t.big_limbs() {
            // Normalised: one representation per integer (`term::big`).
            h = mix(mix(mix(h, 12), u64::from(neg)), limbs.len() as u64);
            for l in limbs {
                h = mix(h, l);
            }
        } else if let Some(b) = t.bitstring() {
            // Heap, off-heap and sub-binaries with equal bits are equal:
            // hash the bit size and the (zero-padded) content bytes.
            h = mix(mix(h, 13), b.bit_size() as u64);
            for chunk in b.to_vec().chunks(8) {
                let mut w = [0u8; 8];
                w[..chunk.len()].copy_from_slice(chunk);
                h = mix(h, u64::from_le_bytes(w));
            }
        } else if let Some(x) = t.ext_pid() {
            h = mix(
                mix(mix(mix(h, 16), u64::from(x.node.0)), u64::from(x.id)),
                u64::from(x.serial),
            );
            h = mix(h, u64::from(x.creation));
        } else if let Some(x) = t.ext_ref() {
            h = mix(mix(mix(h, 17), u64::from(x.node.0)), u64::from(x.creation));
            for &w in x.words() {
                h = mix(h, u64::from(w));
            }
        } else if let Some(x) = t.ext_port() {
            h = mix(mix(mix(h, 18), u64::from(x.node.0)), x.id);
        } else {
            let kind = match t.sub() {
                Some(Sub::LuaTable) => 14,
                _ => 15,
            };
            h = mix(h, kind);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::{self, LiteralArea};
    use crate::term::Atom;

    #[test]
    fn equal_terms_hash_alike_and_int_float_differ() {
        let mut a = LiteralArea::default();
        let t1 = heap::make_tuple(&mut a, &[Term::small(1), Term::atom(Atom::OK)]);
        let t2 = heap::make_tuple(&mut a, &[Term::small(1), Term::atom(Atom::OK)]);
        assert_eq!(hash(t1), hash(t2));
        let f = heap::make_float(&mut a, 1.0);
        assert_ne!(hash(Term::small(1)), hash(f));
        let z = heap::make_float(&mut a, 0.0);
        let nz = heap::make_float(&mut a, -0.0);
        assert_eq!(hash(z), hash(nz));
        let l1 = heap::list(&mut a, &[Term::small(1), Term::small(2)]);
        let l2 = heap::list(&mut a, &[Term::small(2), Term::small(1)]);
        assert_ne!(hash(l1), hash(l2));
    }
}
