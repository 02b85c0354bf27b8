//! Lua tables: an array part (`t[1..n]`) and an open-addressing hash part.
//!
//! Invariants:
//! - `arr[i]` holds `t[i + 1]`; the last element of `arr` is never nil (a
//!   nil stored there pops it and every nil before it), so `arr.len()` is a
//!   border and `#t` is O(1);
//! - the hash part never holds a non-nil value for the key `arr.len() + 1`
//!   (such a key migrates into `arr` when `arr` grows to reach it);
//! - keys are normalised: a float with an integral value in the `i64` range
//!   is stored as the integer; nil and NaN are never keys;
//! - a key assigned nil keeps its slot (a "dead" key, as in Lua) until the
//!   next rehash, so `next` keeps working when a traversal clears fields;
//! - `hashes[i]` caches the content hash of `keys[i]`: keys move when the
//!   collector copies them, but their hash (by content, or by slot index for
//!   tables) does not change.

use crate::term::{hash, order, Sub, Term};

pub(crate) const EMPTY: Term = Term::NON_VALUE;

pub struct LuaTable {
    /// `[self reference, metatable or nil]` (both collector roots).
    pub head: [Term; 2],
    pub arr: Vec<Term>,
    pub keys: Vec<Term>,
    pub vals: Vec<Term>,
    hashes: Vec<u64>,
    /// Occupied slots in `keys` (live and dead).
    used: usize,
}

fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Content hash of a (normalised) key, stable across collections.
pub fn key_hash(k: Term) -> u64 {
    if let Some(i) = k.as_int() {
        return mix(i as u64);
    }
    // Integers beyond the small range (bignum terms) hash as their value,
    // so `get_big` finds them without building a term.
    if k.is_bignum() {
        if let Some(i) = super::number::int_of(k) {
            return mix(i as u64);
        }
    }
    if k.is_atom() {
        return mix(k.raw());
    }
    if let Some(Sub::LuaTable) = k.sub() {
        return mix(super::obj_slot(k).unwrap_or(0) as u64 ^ 0x5555);
    }
    if let Some(bs) = k.bitstring() {
        return match bs.as_bytes() {
            Some(b) => bytes_hash(b),
            None => bytes_hash(&bs.to_vec()),
        };
    }
    hash::hash(k)
}

/// Hash of a string key from its bytes (as `key_hash` of the binary).
pub fn bytes_hash(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h = (h ^ u64::from(c)).wrapping_mul(0x100_0000_01b3);
    }
    mix(h)
}

pub fn key_eq(a: Term, b: Term) -> bool {
    if a == b {
        return true;
    }
    if a.is_immediate() || b.is_immediate() {
        return false;
    }
    if a.sub() == Some(Sub::LuaTable) || b.sub() == Some(Sub::LuaTable) {
        return super::obj_slot(a).is_some() && super::obj_slot(a) == super::obj_slot(b);
    }
    order::eq_exact(a, b)
}

impl LuaTable {
    pub fn new(me: Term) -> LuaTable {
        LuaTable {
            head: [me, super::nil()],
            arr: Vec::new(),
            keys: Vec::new(),
            vals: Vec::new(),
            hashes: Vec::new(),
            used: 0,
        }
    }

    pub fn meta(&self) -> Term {
        self.head[1]
    }

    /// The table's own reference term.
    pub fn me(&self) -> Term {
        self.head[0]
    }

    pub fn border(&self) -> usize {
        self.arr.len()
    }

    fn find(&self, k: Term, h: u64) -> Option<usize> {
        let cap = self.keys.len();
        if cap == 0 {
            return None;
        }
        let mask = cap - 1;
        let mut i = (h as usize) & mask;
        loop {
            let kk = self.keys[i];
            if kk == EMPTY {
                return None;
            }
            if self.hashes[i] == h && key_eq(kk, k) {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// Raw get of a normalised key.
    pub fn get(&self, k: Term) -> Term {
        if let Some(i) = k.as_int() {
            if i >= 1 && (i as usize) <= self.arr.len() {
                return self.arr[i as usize - 1];
            }
        }
        match self.find(k, key_hash(k)) {
            Some(i) => self.vals[i],
            None => super::nil(),
        }
    }

    /// Raw get of a string key given by its bytes (no term needed).
    pub fn get_bytes(&self, b: &[u8]) -> Term {
        let cap = self.keys.len();
        if cap == 0 {
            return super::nil();
        }
        let h = bytes_hash(b);
        let mask = cap - 1;
        let mut i = (h as usize) & mask;
        loop {
            let kk = self.keys[i];
            if kk == EMPTY {
                return super::nil();
            }
            if self.hashes[i] == h {
                if let Some(bs) = kk.bitstring() {
                    if bs.as_bytes() == Some(b) {
                        return self.vals[i];
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    pub fn get_int(&self, i: i64) -> Term {
        if i >= 1 && (i as usize) <= self.arr.len() {
            return self.arr[i as usize - 1];
        }
        match Term::int(i) {
            Some(k) => self.get(k),
            None => self.get_big(i),
        }
    }

    /// Raw get of an integer key outside the small range (stored as a
    /// bignum term; no term needed to look it up).
    fn get_big(&self, i: i64) -> Term {
        let cap = self.keys.len();
        if cap == 0 {
            return super::nil();
        }
        let h = mix(i as u64);
        let mask = cap - 1;
        let mut s = (h as usize) & mask;
        loop {
            let kk = self.keys[s];
            if kk == EMPTY {
                return super::nil();
            }
            if self.hashes[s] == h && super::number::int_of(kk) == Some(i) {
                return self.vals[s];
            }
            s = (s + 1) & mask;
        }
    }

    /// Whether `k` has a non-nil value (for `__newindex`).
    pub fn has(&self, k: Term) -> bool {
        !super::is_nil(self.get(k))
    }

    /// Raw set of a normalised key (never nil or NaN: callers check).
    pub fn set(&mut self, k: Term, v: Term) {
        if let Some(i) = k.as_int() {
            let n = self.arr.len();
            if i >= 1 && (i as usize) <= n {
                self.arr[i as usize - 1] = v;
                if i as usize == n && super::is_nil(v) {
                    while self.arr.last().is_some_and(|t| super::is_nil(*t)) {
                        self.arr.pop();
                    }
                }
                return;
            }
            if i >= 1 && i as usize == n + 1 {
                if super::is_nil(v) {
                    // Not present (invariant): nothing to delete.
                    return;
                }
                self.arr.push(v);
                self.migrate();
                return;
            }
        }
        let h = key_hash(k);
        if let Some(i) = self.find(k, h) {
            self.vals[i] = v;
            return;
        }
        if super::is_nil(v) {
            return;
        }
        if (self.used + 1) * 4 > self.keys.len() * 3 {
            self.rehash();
        }
        self.insert_new(k, v, h);
    }

    fn insert_new(&mut self, k: Term, v: Term, h: u64) {
        let mask = self.keys.len() - 1;
        let mut i = (h as usize) & mask;
        while self.keys[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.keys[i] = k;
        self.vals[i] = v;
        self.hashes[i] = h;
        self.used += 1;
    }

    fn rehash(&mut self) {
        let live: Vec<(Term, Term, u64)> = (0..self.keys.len())
            .filter(|&i| self.keys[i] != EMPTY && !super::is_nil(self.vals[i]))
            .map(|i| (self.keys[i], self.vals[i], self.hashes[i]))
            .collect();
        let cap = ((live.len() + 1) * 2).next_power_of_two().max(4);
        self.keys = vec![EMPTY; cap];
        self.vals = vec![super::nil(); cap];
        self.hashes = vec![0; cap];
        self.used = 0;
        for (k, v, h) in live {
            self.insert_new(k, v, h);
        }
    }

    /// Move keys `n+1, n+2, ...` from the hash part into the array part.
    fn migrate(&mut self) {
        if self.used == 0 {
            return;
        }
        loop {
            let Some(k) = Term::int(self.arr.len() as i64 + 1) else {
                return;
            };
            match self.find(k, key_hash(k)) {
                Some(i) if !super::is_nil(self.vals[i]) => {
                    let v = self.vals[i];
                    self.vals[i] = super::nil();
                    self.arr.push(v);
                }
                _ => return,
            }
        }
    }

    /// The entry after `k` (nil = the first), for `next`. `None` when `k`
    /// is not a key of the table; `Some(None)` at the end.
    pub fn next(&self, k: Term) -> Option<Option<(Term, Term)>> {
        let mut ai = 0usize;
        let mut hi = 0usize;
        if !super::is_nil(k) {
            match k.as_int() {
                Some(i) if i >= 1 && (i as usize) <= self.arr.len() => ai = i as usize,
                _ => {
                    ai = self.arr.len();
                    hi = self.find(k, key_hash(k))? + 1;
                }
            }
        }
        while ai < self.arr.len() {
            if !super::is_nil(self.arr[ai]) {
                return Some(Some((Term::small(ai + 1), self.arr[ai])));
            }
            ai += 1;
        }
        while hi < self.keys.len() {
            if self.keys[hi] != EMPTY && !super::is_nil(self.vals[hi]) {
                return Some(Some((self.keys[hi], self.vals[hi])));
            }
            hi += 1;
        }
        Some(None)
    }

    /// Collector roots of this table.
    pub fn roots(&mut self) -> [&mut [Term]; 4] {
        let LuaTable {
            head,
            arr,
            keys,
            vals,
            ..
        } = self;
        [
            head.as_mut_slice(),
            arr.as_mut_slice(),
            keys.as_mut_slice(),
            vals.as_mut_slice(),
        ]
    }

    pub fn words(&self) -> usize {
        self.arr.len() + self.keys.len() * 3 + 8
    }
}
