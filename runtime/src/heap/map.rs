//! Building maps: construction from pairs, put, update, remove.
//!
//! Maps are immutable: every operation builds a new map, sharing what it
//! can (a flat map's keys tuple when only values change, untouched HAMT
//! subtrees). The layout and its invariants are described in `term::map`.
//! No `unsafe` here: objects are written with [`make_boxed`] and [`cons`].

use super::{cons, make_boxed, make_tuple, Alloc};
use crate::term::hash::hash;
use crate::term::map::{node_parts, position, slot, Child, MapRef, COLLISION, FLAT_MAX, MAX_DEPTH};
use crate::term::order::{cmp_exact, eq_exact};
use crate::term::{Sub, Term};

/// A map from `pairs`; later pairs win for equal keys (exact compare).
/// `pairs` is sorted in place.
pub fn make_map(a: &mut impl Alloc, pairs: &mut [(Term, Term)]) -> Term {
    // A stable sort keeps later duplicates after earlier ones; keep the last.
    pairs.sort_by(|x, y| cmp_exact(x.0, y.0));
    let mut dedup: Vec<(Term, Term)> = Vec::with_capacity(pairs.len());
    for &(k, v) in pairs.iter() {
        match dedup.last_mut() {
            Some(last) if eq_exact(last.0, k) => last.1 = v,
            _ => dedup.push((k, v)),
        }
    }
    from_sorted(a, &dedup)
}

/// A map from pairs sorted by key without duplicates.
fn from_sorted(a: &mut impl Alloc, pairs: &[(Term, Term)]) -> Term {
    if pairs.len() <= FLAT_MAX {
        let keys: Vec<Term> = pairs.iter().map(|p| p.0).collect();
        let kt = make_tuple(a, &keys);
        return flat(a, kt, pairs.iter().map(|p| p.1));
    }
    let entries: Vec<(u64, Term, Term)> = pairs.iter().map(|&(k, v)| (hash(k), k, v)).collect();
    let (bitmap, children) = build_level(a, &entries, 0);
    root(a, pairs.len(), bitmap, &children)
}

fn flat(a: &mut impl Alloc, keys: Term, values: impl Iterator<Item = Term>) -> Term {
    let mut words = vec![keys];
    words.extend(values);
    make_boxed(a, Sub::Map, &words)
}

fn root(a: &mut impl Alloc, size: usize, bitmap: i64, children: &[Term]) -> Term {
    let mut words = Vec::with_capacity(2 + children.len());
    words.push(Term::small(size));
    words.push(small(bitmap));
    words.extend_from_slice(children);
    make_boxed(a, Sub::HashMap, &words)
}

fn inner(a: &mut impl Alloc, bitmap: i64, children: &[Term]) -> Term {
    let mut words = Vec::with_capacity(1 + children.len());
    words.push(small(bitmap));
    words.extend_from_slice(children);
    make_boxed(a, Sub::HashNode, &words)
}

/// A bitmap (16 bits) or the collision marker as a small integer.
fn small(i: i64) -> Term {
    // Invariant: bitmaps are below 2^16 and the marker is -1: both fit.
    Term::int(i).unwrap_or(Term::NIL)
}

/// The bitmap and children of the node holding `entries` (hashes with
/// equal bits below `4 * depth`) at `depth`. Recursion is bounded by
/// `MAX_DEPTH`.
fn build_level(a: &mut impl Alloc, entries: &[(u64, Term, Term)], depth: u32) -> (i64, Vec<Term>) {
    if depth >= MAX_DEPTH {
        let mut es = entries.to_vec();
        es.sort_by(|x, y| cmp_exact(x.1, y.1));
        let leaves = es.iter().map(|&(_, k, v)| cons(a, k, v)).collect();
        return (COLLISION, leaves);
    }
    let mut buckets: [Vec<(u64, Term, Term)>; 16] = Default::default();
    for &e in entries {
        buckets[slot(e.0, depth) as usize].push(e);
    }
    let mut bitmap = 0i64;
    let mut children = Vec::new();
    for (s, b) in buckets.iter().enumerate() {
        match b.len() {
            0 => continue,
            1 => children.push(cons(a, b[0].1, b[0].2)),
            _ => {
                let (bm, cs) = build_level(a, b, depth + 1);
                children.push(inner(a, bm, &cs));
            }
        }
        bitmap |= 1 << s;
    }
    (bitmap, children)
}

/// `M#{K => V}`: `None` when `m` is not a map.
pub fn put(a: &mut impl Alloc, m: Term, k: Term, v: Term) -> Option<Term> {
    Some(match m.map()? {
        MapRef::Flat(f) => {
            let n = f.len();
            let mut lo = 0;
            let mut hi = n;
            while lo < hi {
                let mid = (lo + hi) / 2;
                match cmp_exact(f.key(mid), k) {
                    std::cmp::Ordering::Less => lo = mid + 1,
                    std::cmp::Ordering::Greater => hi = mid,
                    std::cmp::Ordering::Equal => {
                        if f.value(mid) == v {
                            return Some(m);
                        }
                        // Same keys: share the keys tuple.
                        let kt = m.boxed_elem(0).unwrap_or(Term::NIL);
                        let vals = (0..n).map(|i| if i == mid { v } else { f.value(i) });
                        return Some(flat(a, kt, vals));
                    }
                }
            }
            let mut pairs = f.pairs();
            pairs.insert(lo, (k, v));
            from_sorted(a, &pairs)
        }
        MapRef::Hash { root: r, len } => {
            let (bitmap, children) = node_parts(r);
            let (bm, cs, added) = insert(a, bitmap, &children, 0, hash(k), k, v);
            root(a, len + usize::from(added), bm, &cs)
        }
    })
}

/// `M#{K := V}`: `Err(true)` when `m` is not a map, `Err(false)` when the
/// key is absent.
pub fn update(a: &mut impl Alloc, m: Term, k: Term, v: Term) -> Result<Term, bool> {
    let r = m.map().ok_or(true)?;
    if r.get(k).is_none() {
        return Err(false);
    }
    put(a, m, k, v).ok_or(true)
}

/// Insert into the node `(bitmap, children)` at `depth`: the new node's
/// parts and whether the key is new.
fn insert(
    a: &mut impl Alloc,
    bitmap: i64,
    children: &[Term],
    depth: u32,
    h: u64,
    k: Term,
    v: Term,
) -> (i64, Vec<Term>, bool) {
    let mut cs = children.to_vec();
    if bitmap == COLLISION {
        let mut pairs: Vec<(Term, Term)> = cs.iter().filter_map(|&c| c.cons()).collect();
        let added = match pairs.iter_mut().find(|p| eq_exact(p.0, k)) {
            Some(p) => {
                p.1 = v;
                false
            }
            None => {
                pairs.push((k, v));
                pairs.sort_by(|x, y| cmp_exact(x.0, y.0));
                true
            }
        };
        let leaves = pairs.iter().map(|&(k, v)| cons(a, k, v)).collect();
        return (COLLISION, leaves, added);
    }
    let s = slot(h, depth);
    let pos = position(bitmap, s);
    if (bitmap as u64) & (1 << s) == 0 {
        cs.insert(pos, cons(a, k, v));
        return (bitmap | (1 << s), cs, true);
    }
    let added = match Child::read(cs[pos]) {
        Child::Leaf(k2, _) if eq_exact(k2, k) => {
            cs[pos] = cons(a, k, v);
            false
        }
        Child::Leaf(k2, v2) => {
            let entries = [(hash(k2), k2, v2), (h, k, v)];
            let (bm, sub) = build_level(a, &entries, depth + 1);
            cs[pos] = inner(a, bm, &sub);
            true
        }
        Child::Node(n) => {
            let (nb, nc) = node_parts(n);
            let (bm, sub, added) = insert(a, nb, &nc, depth + 1, h, k, v);
            cs[pos] = inner(a, bm, &sub);
            added
        }
    };
    (bitmap, cs, added)
}

/// `maps:remove(K, M)`: `None` when `m` is not a map.
pub fn remove(a: &mut impl Alloc, m: Term, k: Term) -> Option<Term> {
    let r = m.map()?;
    if r.get(k).is_none() {
        return Some(m);
    }
    Some(match r {
        MapRef::Hash { root: rt, len } if len - 1 > FLAT_MAX => {
            let (bitmap, children) = node_parts(rt);
            match delete(a, bitmap, &children, 0, hash(k), k) {
                Some(Removed::Node(bm, cs)) => root(a, len - 1, bm, &cs),
                // The root holds more than 32 keys; it cannot shrink to a
                // single leaf or to nothing. Fall back to a rebuild.
                _ => rebuild_without(a, r, k),
            }
        }
        _ => rebuild_without(a, r, k),
    })
}

fn rebuild_without(a: &mut impl Alloc, r: MapRef, k: Term) -> Term {
    let pairs: Vec<(Term, Term)> = r
        .pairs()
        .into_iter()
        .filter(|p| !eq_exact(p.0, k))
        .collect();
    from_sorted(a, &pairs)
}

enum Removed {
    /// The node still has these parts.
    Node(i64, Vec<Term>),
    /// The node shrank to one leaf, which moves up to the parent.
    Leaf(Term),
    Empty,
}

/// Remove `k` (known to be present) from the node `(bitmap, children)`.
fn delete(
    a: &mut impl Alloc,
    bitmap: i64,
    children: &[Term],
    depth: u32,
    h: u64,
    k: Term,
) -> Option<Removed> {
    let mut cs = children.to_vec();
    let mut bm = bitmap;
    if bitmap == COLLISION {
        cs.retain(|c| !c.cons().is_some_and(|(ck, _)| eq_exact(ck, k)));
    } else {
        let s = slot(h, depth);
        if (bitmap as u64) & (1 << s) == 0 {
            return None;
        }
        let pos = position(bitmap, s);
        match Child::read(*cs.get(pos)?) {
            Child::Leaf(..) => {
                cs.remove(pos);
                bm &= !(1 << s);
            }
            Child::Node(n) => {
                let (nb, nc) = node_parts(n);
                match delete(a, nb, &nc, depth + 1, h, k)? {
                    Removed::Node(b, c) => cs[pos] = inner(a, b, &c),
                    Removed::Leaf(l) => cs[pos] = l,
                    Removed::Empty => {
                        cs.remove(pos);
                        bm &= !(1 << s);
                    }
                }
            }
        }
    }
    Some(match cs.len() {
        0 => Removed::Empty,
        1 if cs[0].is_cons() => Removed::Leaf(cs[0]),
        _ => Removed::Node(bm, cs),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::LiteralArea;

    fn int(i: usize) -> Term {
        Term::small(i)
    }

    #[test]
    fn grows_into_a_hamt_and_shrinks_back() {
        let mut a = LiteralArea::default();
        let mut m = make_map(&mut a, &mut Vec::new());
        for i in 0..1000 {
            m = put(&mut a, m, int(i), int(i * 2)).unwrap_or(Term::NIL);
            let r = m.map().unwrap_or_else(|| panic!("not a map"));
            assert_eq!(r.len(), i + 1);
            assert_eq!(m.sub(), Some(if i < 32 { Sub::Map } else { Sub::HashMap }));
        }
        let r = m.map().unwrap_or_else(|| panic!("not a map"));
        for i in 0..1000 {
            assert_eq!(r.get(int(i)), Some(int(i * 2)));
        }
        assert_eq!(r.get(int(1000)), None);
        let pairs = r.pairs();
        assert!(pairs.iter().enumerate().all(|(i, p)| p.0 == int(i)));
        // Overwrite keeps the size.
        let m2 = put(&mut a, m, int(5), int(0)).unwrap_or(Term::NIL);
        assert_eq!(m2.map().map(|r| r.len()), Some(1000));
        assert_eq!(m2.map().and_then(|r| r.get(int(5))), Some(int(0)));
        for i in (0..1000).rev() {
            m = remove(&mut a, m, int(i)).unwrap_or(Term::NIL);
            let r = m.map().unwrap_or_else(|| panic!("not a map"));
            assert_eq!(r.len(), i);
            assert_eq!(m.sub(), Some(if i <= 32 { Sub::Map } else { Sub::HashMap }));
            assert_eq!(r.get(int(i)), None);
            if i > 0 {
                assert_eq!(r.get(int(i - 1)), Some(int((i - 1) * 2)));
            }
        }
    }

    #[test]
    fn equal_hashes_share_a_collision_node() {
        let mut a = LiteralArea::default();
        // Three keys forced onto one hash: the trie runs down to MAX_DEPTH.
        let h = 0x0123_4567_89ab_cdef;
        let es: Vec<(u64, Term, Term)> = (0..3).map(|i| (h, int(i), int(i))).collect();
        let (bm, cs) = build_level(&mut a, &es, 0);
        assert_eq!(cs.len(), 1);
        let mut node = inner(&mut a, bm, &cs);
        for _ in 0..MAX_DEPTH {
            let (b, c) = node_parts(node);
            assert_ne!(b, COLLISION);
            assert_eq!(c.len(), 1);
            node = c[0];
        }
        let (b, c) = node_parts(node);
        assert_eq!(b, COLLISION);
        let keys: Vec<Term> = c.iter().filter_map(|l| l.cons()).map(|p| p.0).collect();
        assert_eq!(keys, vec![int(0), int(1), int(2)]);
        // Insert into and delete from the collision node.
        let (b2, c2, added) = insert(&mut a, b, &c, MAX_DEPTH, h, int(7), int(7));
        assert!(added && b2 == COLLISION && c2.len() == 4);
        let (_, _, added) = insert(&mut a, b2, &c2, MAX_DEPTH, h, int(7), int(8));
        assert!(!added);
        match delete(&mut a, b2, &c2, MAX_DEPTH, h, int(1)) {
            Some(Removed::Node(b3, c3)) => assert!(b3 == COLLISION && c3.len() == 3),
            _ => panic!("expected a smaller collision node"),
        }
    }

    #[test]
    fn update_requires_the_key() {
        let mut a = LiteralArea::default();
        let m = make_map(&mut a, &mut [(int(1), int(2))]);
        assert!(matches!(update(&mut a, m, int(3), int(0)), Err(false)));
        assert!(matches!(
            update(&mut a, Term::NIL, int(3), int(0)),
            Err(true)
        ));
        let m2 = update(&mut a, m, int(1), int(9)).unwrap_or(Term::NIL);
        assert_eq!(m2.map().and_then(|r| r.get(int(1))), Some(int(9)));
    }

    #[test]
    fn from_pairs_matches_puts() {
        let mut a = LiteralArea::default();
        let mut pairs: Vec<(Term, Term)> = (0..100).map(|i| (int(i), int(i))).collect();
        let m = make_map(&mut a, &mut pairs);
        let mut m2 = make_map(&mut a, &mut Vec::new());
        for i in (0..100).rev() {
            m2 = put(&mut a, m2, int(i), int(i)).unwrap_or(Term::NIL);
        }
        assert_eq!(
            crate::term::order::cmp_exact(m, m2),
            std::cmp::Ordering::Equal
        );
    }
}
