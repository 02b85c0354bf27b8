//! Read access to maps: flat maps and HAMTs.
//!
//! A map of at most [`FLAT_MAX`] keys is *flat* (`Sub::Map`):
//! `[header, keys tuple, values...]`, keys sorted in exact term order.
//! A larger map is a hash array mapped trie, as the BEAM's `hashmap`:
//!
//! - root (`Sub::HashMap`): `[header, size, bitmap, children...]`
//! - inner node (`Sub::HashNode`): `[header, bitmap, children...]`
//!
//! `size` and `bitmap` are small integers (so the collector and the copier
//! treat every payload word as a term). Level `d` (root = 0) indexes a node
//! by bits `4d .. 4d+4` of the key's [`hash`](super::hash::hash): 16-way
//! nodes, as the BEAM's. A child is a leaf, the cons cell `[Key | Value]`,
//! or an inner node (a boxed pointer). Bit `i` of the bitmap is set when
//! slot `i` is occupied; children are stored in slot order. After 16 levels
//! the 64 hash bits are used up: keys whose hashes are all equal share a
//! *collision node*, an inner node whose bitmap is `-1` and whose children
//! are leaves in exact key order.
//!
//! Invariants kept by `heap::map`: a map has at most 32 keys exactly when
//! it is flat (removal converts back, as the BEAM does); an inner node has
//! at least two children or one inner-node child (never a single leaf,
//! which moves up to its parent).

use std::cmp::Ordering;

use super::order::cmp_exact;
use super::{FlatMap, Sub, Term};

/// The largest flat map (the BEAM's `MAP_SMALL_MAP_LIMIT`).
pub const FLAT_MAX: usize = 32;
/// Hash bits per HAMT level.
pub const BITS: u32 = 4;
/// Levels before the 64 hash bits are used up.
pub const MAX_DEPTH: u32 = 64 / BITS;
/// Bitmap value marking a collision node.
pub const COLLISION: i64 = -1;

/// A map term for reading.
#[derive(Clone, Copy)]
pub enum MapRef {
    Flat(FlatMap),
    Hash { root: Term, len: usize },
}

/// One slot of a HAMT node.
#[derive(Clone, Copy, Debug)]
pub enum Child {
    Leaf(Term, Term),
    Node(Term),
}

impl Child {
    /// Read a child word: a `[K|V]` cell or an inner node.
    pub fn read(t: Term) -> Child {
        match t.cons() {
            Some((k, v)) => Child::Leaf(k, v),
            None => Child::Node(t),
        }
    }
}

/// The bitmap and children of a HAMT node (root or inner).
pub fn node_parts(t: Term) -> (i64, Vec<Term>) {
    let (first, n) = match t.header() {
        Some((Sub::HashMap, n)) => (1, n),
        Some((Sub::HashNode, n)) => (0, n),
        _ => return (0, Vec::new()),
    };
    let bitmap = t.boxed_elem(first).and_then(Term::as_int).unwrap_or(0);
    let children = (first + 1..n).filter_map(|i| t.boxed_elem(i)).collect();
    (bitmap, children)
}

/// Slot index of `hash` at `depth`.
pub fn slot(hash: u64, depth: u32) -> u32 {
    ((hash >> (BITS * depth)) & ((1 << BITS) - 1)) as u32
}

/// Position among the children of the child in `slot`.
pub fn position(bitmap: i64, slot: u32) -> usize {
    ((bitmap as u64) & ((1u64 << slot) - 1)).count_ones() as usize
}

impl MapRef {
    pub fn new(t: Term) -> Option<MapRef> {
        match t.header() {
            Some((Sub::Map, _)) => t.flat_map().map(MapRef::Flat),
            Some((Sub::HashMap, n)) if n >= 2 => {
                let len = t.boxed_elem(0).and_then(Term::as_int).unwrap_or(0);
                Some(MapRef::Hash {
                    root: t,
                    len: len as usize,
                })
            }
            _ => None,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            MapRef::Flat(f) => f.len(),
            MapRef::Hash { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value under `key` (exact key comparison).
    pub fn get(&self, key: Term) -> Option<Term> {
        match self {
            MapRef::Flat(f) => f.get(key),
            MapRef::Hash { root, .. } => hamt_get(*root, key),
        }
    }

    /// All pairs in iteration order: ascending exact term order of keys,
    /// for flat and HAMT maps alike (see spec/runtime.md, Maps).
    pub fn pairs(&self) -> Vec<(Term, Term)> {
        match self {
            MapRef::Flat(f) => f.pairs(),
            MapRef::Hash { root, .. } => {
                let mut out = Vec::with_capacity(self.len());
                let mut stack = vec![*root];
                while let Some(n) = stack.pop() {
                    for c in node_parts(n).1 {
                        match Child::read(c) {
                            Child::Leaf(k, v) => out.push((k, v)),
                            Child::Node(t) => stack.push(t),
                        }
                    }
                }
                out.sort_by(|a, b| cmp_exact(a.0, b.0));
                out
            }
        }
    }
}

/// The bitmap of a HAMT node and the payload index of its first child.
fn node_head(t: Term) -> (i64, usize) {
    let first = match t.sub() {
        Some(Sub::HashMap) => 1,
        _ => 0,
    };
    let bitmap = t.boxed_elem(first).and_then(Term::as_int).unwrap_or(0);
    (bitmap, first + 1)
}

/// Lookup without allocating: one bitmap test and one child read per level.
fn hamt_get(root: Term, key: Term) -> Option<Term> {
    let h = super::hash::hash(key);
    let mut node = root;
    let mut depth = 0;
    loop {
        let (bitmap, first) = node_head(node);
        if bitmap == COLLISION {
            let mut i = first;
            while let Some(c) = node.boxed_elem(i) {
                if let Child::Leaf(k, v) = Child::read(c) {
                    if cmp_exact(k, key) == Ordering::Equal {
                        return Some(v);
                    }
                }
                i += 1;
            }
            return None;
        }
        let s = slot(h, depth);
        if (bitmap as u64) & (1 << s) == 0 {
            return None;
        }
        match Child::read(node.boxed_elem(first + position(bitmap, s))?) {
            Child::Leaf(k, v) => {
                return if super::order::eq_exact(k, key) {
                    Some(v)
                } else {
                    None
                }
            }
            Child::Node(t) => {
                node = t;
                depth += 1;
            }
        }
    }
}
