//! The tagged term word and read access to boxed terms.
//!
//! A [`Term`] is one 64-bit word. The two low bits are the primary tag:
//!
//! | low bits | meaning |
//! |---|---|
//! | `00` | header word (only inside heap objects, never a term) |
//! | `01` | cons cell pointer (two words: head, tail; no header) |
//! | `10` | boxed pointer (to a header word) |
//! | `11` | immediate |
//!
//! For pointers, bit 2 is the *literal* flag: the pointee is in a module's
//! immutable literal area, never in a process heap, so the garbage collector
//! leaves it alone. Immediates use four low bits: `0011` small integer (60-bit
//! signed payload), `0111` atom, `1011` pid, `1111` second-level immediate
//! (six low bits: `001111` is `[]`, `011111` runtime-internal specials).
//!
//! Header word: bits 2..8 subtag, bits 8.. arity (words following the header).
//! Payload words of some subtags are raw data (floats, refs, the code pointer
//! of a fun) which the collector skips: see [`raw_words`].
//!
//! Access invariant (the reason the accessors below are safe functions): a
//! boxed or list term obtained from a process's registers, stack, or from
//! another term reachable from them, points to live memory until the next
//! garbage collection of that process; the collector rewrites every root, so
//! terms are never held outside roots across a collection point. Literal
//! pointers point into code that is never freed.

pub mod atom;
pub mod big;
pub mod binary;
pub mod hash;
pub mod map;
pub mod order;
pub mod printable;

pub use atom::Atom;

pub const TAG_MASK: u64 = 0b11;
pub const TAG_HEADER: u64 = 0b00;
pub const TAG_LIST: u64 = 0b01;
pub const TAG_BOXED: u64 = 0b10;
pub const TAG_IMMED: u64 = 0b11;
pub const LITERAL_BIT: u64 = 0b100;
const PTR_MASK: u64 = !0b111;
const IMM1_MASK: u64 = 0b1111;
const TAG_SMALL: u64 = 0b0011;
const TAG_ATOM: u64 = 0b0111;
const TAG_PID: u64 = 0b1011;
const TAG_NIL: u64 = 0b00_1111;
const TAG_SPECIAL: u64 = 0b01_1111;

/// The smallest and largest integers an immediate holds (60-bit signed).
pub const SMALL_MIN: i64 = -(1 << 59);
pub const SMALL_MAX: i64 = (1 << 59) - 1;

/// Header subtags. Room is kept for bignums, binaries, maps and Lua objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Sub {
    Tuple = 0,
    /// A closure: raw code pointer, raw (index, arity), then captured values.
    Fun = 1,
    /// `fun M:F/A`: three immediate words.
    Export = 2,
    Float = 3,
    Ref = 4,
    /// A flat map: a tuple of sorted keys, then the values in key order.
    Map = 5,
    PosBig = 6,
    NegBig = 7,
    /// A heap binary (fewer than 64 bytes): byte length, then the bytes.
    Binary = 8,
    LuaTable = 9,
    /// A handle to an off-heap, reference-counted binary (see `binary`).
    ProcBin = 10,
    /// A slice of a `Binary` or `ProcBin`, in bits (see `binary`).
    SubBin = 11,
    /// Root of a hash array mapped trie (a map of more than 32 keys):
    /// `[header, size (small), bitmap (small), children...]`. See `term::map`.
    HashMap = 12,
    /// Inner HAMT node `[header, bitmap (small), children...]`; never a
    /// value of the language, only reachable from a `HashMap`.
    HashNode = 13,
    /// A pid of another node: `[header, node atom, id, serial, creation]`
    /// (raw words; the atom is an immediate, so the collector skips it).
    ExtPid = 14,
    /// A reference of another node, or one of ours whose words do not fit a
    /// local ref: `[header, node atom, creation, word0 .. word(n-1)]`, 1 to 5
    /// 32-bit words (raw).
    ExtRef = 15,
    /// A port (this runtime has no local ports: every port term is one of
    /// these, from ETF): `[header, node atom, id, creation]` (raw).
    ExtPort = 16,
}

impl Sub {
    fn from_bits(b: u64) -> Sub {
        match b {
            0 => Sub::Tuple,
            1 => Sub::Fun,
            2 => Sub::Export,
            3 => Sub::Float,
            4 => Sub::Ref,
            5 => Sub::Map,
            6 => Sub::PosBig,
            7 => Sub::NegBig,
            8 => Sub::Binary,
            10 => Sub::ProcBin,
            11 => Sub::SubBin,
            12 => Sub::HashMap,
            13 => Sub::HashNode,
            14 => Sub::ExtPid,
            15 => Sub::ExtRef,
            16 => Sub::ExtPort,
            _ => Sub::LuaTable,
        }
    }
}

/// Words at the start of a boxed object's payload that are raw data, not
/// terms; the collector and the copier skip them.
pub fn raw_words(sub: Sub, arity: usize) -> usize {
    match sub {
        Sub::Tuple | Sub::Export | Sub::Map | Sub::LuaTable | Sub::HashMap | Sub::HashNode => 0,
        Sub::Fun => 2,
        Sub::Float | Sub::Ref | Sub::PosBig | Sub::NegBig | Sub::Binary => arity,
        Sub::ExtPid | Sub::ExtRef | Sub::ExtPort => arity,
        // Byte length and buffer pointer; bit size and offset (then a term).
        Sub::ProcBin | Sub::SubBin => 2,
    }
}

pub fn make_header(sub: Sub, arity: usize) -> u64 {
    ((arity as u64) << 8) | ((sub as u64) << 2) | TAG_HEADER
}

pub fn header_sub(h: u64) -> Sub {
    Sub::from_bits((h >> 2) & 0x3f)
}

pub fn header_arity(h: u64) -> usize {
    (h >> 8) as usize
}

pub fn is_header(w: u64) -> bool {
    w & TAG_MASK == TAG_HEADER
}

#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Term(pub(crate) u64);

impl std::fmt::Debug for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", printable::debug_string(*self))
    }
}

impl Term {
    pub const NIL: Term = Term(TAG_NIL);
    /// Never a value of the language: marks "no value" (empty register,
    /// moved cons cell during garbage collection).
    pub const NON_VALUE: Term = Term(TAG_SPECIAL);
    pub const TRUE: Term = Term::atom(Atom::TRUE);
    pub const FALSE: Term = Term::atom(Atom::FALSE);
    pub const OK: Term = Term::atom(Atom::OK);

    pub fn raw(self) -> u64 {
        self.0
    }

    pub(crate) fn from_raw(w: u64) -> Term {
        Term(w)
    }

    /// A small integer if `i` fits in 60 bits.
    pub fn int(i: i64) -> Option<Term> {
        if (SMALL_MIN..=SMALL_MAX).contains(&i) {
            Some(Term(((i as u64) << 4) | TAG_SMALL))
        } else {
            None
        }
    }

    /// A small integer known to fit (indexes, lengths, arities).
    pub fn small(i: usize) -> Term {
        let i = i.min(SMALL_MAX as usize);
        Term(((i as u64) << 4) | TAG_SMALL)
    }

    pub const fn atom(a: Atom) -> Term {
        Term(((a.0 as u64) << 4) | TAG_ATOM)
    }

    pub fn bool(b: bool) -> Term {
        Term::atom(Atom::from_bool(b))
    }

    pub fn pid(n: u64) -> Term {
        Term((n << 4) | TAG_PID)
    }

    pub fn is_small(self) -> bool {
        self.0 & IMM1_MASK == TAG_SMALL
    }

    pub fn as_int(self) -> Option<i64> {
        if self.is_small() {
            Some((self.0 as i64) >> 4)
        } else {
            None
        }
    }

    pub fn is_atom(self) -> bool {
        self.0 & IMM1_MASK == TAG_ATOM
    }

    pub fn as_atom(self) -> Option<Atom> {
        if self.is_atom() {
            Some(Atom((self.0 >> 4) as u32))
        } else {
            None
        }
    }

    /// A pid of this node (an immediate). See [`Term::is_any_pid`] for the
    /// `is_pid/1` type test, which remote pids pass too.
    pub fn is_pid(self) -> bool {
        self.0 & IMM1_MASK == TAG_PID
    }

    /// A local or remote pid (`is_pid/1`).
    pub fn is_any_pid(self) -> bool {
        self.is_pid() || matches!(self.sub(), Some(Sub::ExtPid))
    }

    /// A remote pid's node, id, serial and creation.
    pub fn ext_pid(self) -> Option<ExtPid> {
        match self.header() {
            Some((Sub::ExtPid, 4)) => Some(ExtPid {
                node: Term(self.word(1)).as_atom()?,
                id: self.word(2) as u32,
                serial: self.word(3) as u32,
                creation: self.word(4) as u32,
            }),
            _ => None,
        }
    }

    /// A port (`is_port/1`): every port is an [`ExtPort`].
    pub fn ext_port(self) -> Option<ExtPort> {
        match self.header() {
            Some((Sub::ExtPort, 3)) => Some(ExtPort {
                node: Term(self.word(1)).as_atom()?,
                id: self.word(2),
                creation: self.word(3) as u32,
            }),
            _ => None,
        }
    }

    /// A reference that is not a local one (`is_reference/1` is
    /// `ref_id().is_some() || ext_ref().is_some()`).
    pub fn ext_ref(self) -> Option<ExtRef> {
        match self.header() {
            Some((Sub::ExtRef, n)) if (3..=7).contains(&n) => {
                let mut words = [0u32; 5];
                for (i, w) in words.iter_mut().enumerate().take(n - 2) {
                    *w = self.word(3 + i) as u32;
                }
                Some(ExtRef {
                    node: Term(self.word(1)).as_atom()?,
                    creation: self.word(2) as u32,
                    len: (n - 2) as u8,
                    words,
                })
            }
            _ => None,
        }
    }

    /// A local or remote reference (`is_reference/1`).
    pub fn is_any_ref(self) -> bool {
        matches!(self.sub(), Some(Sub::Ref | Sub::ExtRef))
    }

    pub fn as_pid(self) -> Option<u64> {
        if self.is_pid() {
            Some(self.0 >> 4)
        } else {
            None
        }
    }

    pub fn is_nil(self) -> bool {
        self.0 == TAG_NIL
    }

    pub fn is_immediate(self) -> bool {
        self.0 & TAG_MASK == TAG_IMMED
    }

    pub fn is_cons(self) -> bool {
        self.0 & TAG_MASK == TAG_LIST
    }

    pub fn is_list(self) -> bool {
        self.is_cons() || self.is_nil()
    }

    pub fn is_boxed(self) -> bool {
        self.0 & TAG_MASK == TAG_BOXED
    }

    /// A pointer into a literal area (never into a process heap).
    pub fn is_literal_ptr(self) -> bool {
        (self.is_cons() || self.is_boxed()) && self.0 & LITERAL_BIT != 0
    }

    pub(crate) fn ptr(self) -> *mut u64 {
        (self.0 & PTR_MASK) as *mut u64
    }

    pub(crate) fn list_ptr(p: *const u64, literal: bool) -> Term {
        Term(p as u64 | TAG_LIST | if literal { LITERAL_BIT } else { 0 })
    }

    pub(crate) fn boxed_ptr(p: *const u64, literal: bool) -> Term {
        Term(p as u64 | TAG_BOXED | if literal { LITERAL_BIT } else { 0 })
    }

    /// The word at `i` of the object this pointer term points to.
    fn word(self, i: usize) -> u64 {
        debug_assert!(self.is_cons() || self.is_boxed());
        // SAFETY: by the access invariant of this module the pointee is live;
        // callers only index within the object (cons: 0..2, boxed: 0..=arity,
        // checked against the header by every caller).
        unsafe { *self.ptr().add(i) }
    }

    /// Header of a boxed term.
    pub fn header(self) -> Option<(Sub, usize)> {
        if self.is_boxed() {
            let h = self.word(0);
            Some((header_sub(h), header_arity(h)))
        } else {
            None
        }
    }

    pub fn sub(self) -> Option<Sub> {
        self.header().map(|(s, _)| s)
    }

    /// Head and tail of a cons cell.
    pub fn cons(self) -> Option<(Term, Term)> {
        if self.is_cons() {
            Some((Term(self.word(0)), Term(self.word(1))))
        } else {
            None
        }
    }

    pub fn tuple(self) -> Option<Tuple> {
        match self.header() {
            Some((Sub::Tuple, n)) => Some(Tuple { t: self, len: n }),
            _ => None,
        }
    }

    pub fn is_tuple(self) -> bool {
        matches!(self.header(), Some((Sub::Tuple, _)))
    }

    pub fn as_float(self) -> Option<f64> {
        match self.header() {
            Some((Sub::Float, 1)) => Some(f64::from_bits(self.word(1))),
            _ => None,
        }
    }

    pub fn is_float(self) -> bool {
        matches!(self.header(), Some((Sub::Float, _)))
    }

    pub fn is_number(self) -> bool {
        self.is_small() || matches!(self.sub(), Some(Sub::Float | Sub::PosBig | Sub::NegBig))
    }

    /// A boxed integer (outside the small range by normalisation).
    pub fn is_bignum(self) -> bool {
        matches!(self.sub(), Some(Sub::PosBig | Sub::NegBig))
    }

    pub fn is_integer(self) -> bool {
        self.is_small() || self.is_bignum()
    }

    /// A bignum's sign (`true` = negative) and magnitude limbs, least
    /// significant first.
    pub fn big_limbs(self) -> Option<(bool, Vec<u64>)> {
        let (neg, n) = match self.header() {
            Some((Sub::PosBig, n)) => (false, n),
            Some((Sub::NegBig, n)) => (true, n),
            _ => return None,
        };
        Some((neg, (1..=n).map(|i| self.word(i)).collect()))
    }

    pub fn ref_id(self) -> Option<u64> {
        match self.header() {
            Some((Sub::Ref, 1)) => Some(self.word(1)),
            _ => None,
        }
    }

    /// A closure's code, function index and captured values.
    pub fn closure(self) -> Option<Closure> {
        match self.header() {
            Some((Sub::Fun, n)) if n >= 2 => {
                let info = self.word(2);
                Some(Closure {
                    t: self,
                    code: self.word(1) as usize,
                    index: (info >> 32) as u32,
                    arity: (info & 0xffff_ffff) as u32,
                    nfree: n - 2,
                })
            }
            _ => None,
        }
    }

    /// `fun M:F/A`: module, function, arity.
    pub fn export_fun(self) -> Option<(Atom, Atom, u32)> {
        match self.header() {
            Some((Sub::Export, 3)) => {
                let m = Term(self.word(1)).as_atom()?;
                let f = Term(self.word(2)).as_atom()?;
                let a = Term(self.word(3)).as_int()?;
                Some((m, f, u32::try_from(a).ok()?))
            }
            _ => None,
        }
    }

    pub fn is_function(self) -> bool {
        matches!(self.header(), Some((Sub::Fun | Sub::Export, _)))
    }

    /// The arity of a fun value.
    pub fn fun_arity(self) -> Option<u32> {
        if let Some(c) = self.closure() {
            return Some(c.arity);
        }
        self.export_fun().map(|(_, _, a)| a)
    }

    /// A map (flat or HAMT) for reading.
    pub fn map(self) -> Option<map::MapRef> {
        map::MapRef::new(self)
    }

    /// A flat map (at most 32 keys) for reading.
    pub fn flat_map(self) -> Option<FlatMap> {
        match self.header() {
            Some((Sub::Map, n)) if n >= 1 => {
                let keys = Term(self.word(1)).tuple()?;
                Some(FlatMap {
                    t: self,
                    keys,
                    len: n - 1,
                })
            }
            _ => None,
        }
    }

    pub fn is_map(self) -> bool {
        matches!(self.header(), Some((Sub::Map | Sub::HashMap, _)))
    }

    /// Payload word `i` (0-based) of a boxed term, as a term; `None` when out
    /// of range. Used by `term::map` to read HAMT nodes.
    pub(crate) fn boxed_elem(self, i: usize) -> Option<Term> {
        match self.header() {
            Some((_, n)) if i < n => Some(Term(self.word(1 + i))),
            _ => None,
        }
    }

    /// Iterate a list's elements; the iterator's `tail()` tells whether the
    /// list was proper once exhausted.
    pub fn list_iter(self) -> ListIter {
        ListIter { cur: self }
    }

    /// The elements of a proper list, or `None` if it is improper.
    pub fn list_to_vec(self) -> Option<Vec<Term>> {
        let mut out = Vec::new();
        let mut it = self.list_iter();
        for t in it.by_ref() {
            out.push(t);
        }
        if it.cur.is_nil() {
            Some(out)
        } else {
            None
        }
    }

    /// Length of a proper list.
    pub fn list_len(self) -> Option<usize> {
        let mut n = 0usize;
        let mut cur = self;
        while let Some((_, t)) = cur.cons() {
            n += 1;
            cur = t;
        }
        if cur.is_nil() {
            Some(n)
        } else {
            None
        }
    }
}

/// The identity of a remote pid (see [`Sub::ExtPid`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExtPid {
    pub node: Atom,
    pub id: u32,
    pub serial: u32,
    pub creation: u32,
}

/// A port's identity (see [`Sub::ExtPort`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExtPort {
    pub node: Atom,
    pub id: u64,
    pub creation: u32,
}

/// A non-local reference's identity (see [`Sub::ExtRef`]): `len` words,
/// least significant first as in `NEWER_REFERENCE_EXT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExtRef {
    pub node: Atom,
    pub creation: u32,
    pub len: u8,
    pub words: [u32; 5],
}

impl ExtRef {
    pub fn words(&self) -> &[u32] {
        &self.words[..self.len as usize]
    }
}

/// A tuple term with its arity read once.
#[derive(Clone, Copy)]
pub struct Tuple {
    t: Term,
    len: usize,
}

impl Tuple {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Element `i` (0-based); `None` when out of range.
    pub fn get(&self, i: usize) -> Option<Term> {
        if i < self.len {
            Some(Term(self.t.word(1 + i)))
        } else {
            None
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Term> + '_ {
        (0..self.len).map(move |i| Term(self.t.word(1 + i)))
    }

    pub fn to_vec(&self) -> Vec<Term> {
        self.iter().collect()
    }
}

/// A closure term.
#[derive(Clone, Copy)]
pub struct Closure {
    t: Term,
    /// Address of the `ModuleCode` the function lives in (code is never freed).
    pub code: usize,
    pub index: u32,
    pub arity: u32,
    pub nfree: usize,
}

impl Closure {
    pub fn free(&self, i: usize) -> Term {
        debug_assert!(i < self.nfree);
        Term(self.t.word(3 + i))
    }
}

/// A flat map term: keys sorted in exact term order.
#[derive(Clone, Copy)]
pub struct FlatMap {
    t: Term,
    keys: Tuple,
    len: usize,
}

impl FlatMap {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn key(&self, i: usize) -> Term {
        self.keys.get(i).unwrap_or(Term::NIL)
    }

    pub fn value(&self, i: usize) -> Term {
        Term(self.t.word(2 + i))
    }

    /// The value under `key` (exact key comparison).
    pub fn get(&self, key: Term) -> Option<Term> {
        // Keys are sorted in exact term order: binary search.
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match order::cmp_exact(self.key(mid), key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.value(mid)),
            }
        }
        None
    }

    pub fn pairs(&self) -> Vec<(Term, Term)> {
        (0..self.len)
            .map(|i| (self.key(i), self.value(i)))
            .collect()
    }
}

pub struct ListIter {
    cur: Term,
}

impl ListIter {
    /// What is left: `[]` after a proper list, the improper tail otherwise.
    pub fn tail(&self) -> Term {
        self.cur
    }
}

impl Iterator for ListIter {
    type Item = Term;
    fn next(&mut self) -> Option<Term> {
        let (h, t) = self.cur.cons()?;
        self.cur = t;
        Some(h)
    }
}

/// Number of words a deep copy of `t` takes (shared subterms are counted once
/// per occurrence, since copying does not preserve sharing, as on the BEAM).
pub fn copy_size(t: Term) -> usize {
    let mut size = 0usize;
    // Pending subterms; empty (no allocation) for the common message whose
    // only compound part is the root, such as `{tag, Integer}`.
    let mut stack = Vec::new();
    let mut next = Some(t);
    while let Some(t) = next.take().or_else(|| stack.pop()) {
        let mut cur = t;
        loop {
            if let Some((h, tl)) = cur.cons() {
                size += 2;
                if !h.is_immediate() {
                    stack.push(h);
                }
                cur = tl;
                continue;
            }
            if let Some((sub, n)) = cur.header() {
                size += 1 + n;
                let raw = raw_words(sub, n);
                for i in raw..n {
                    let e = Term(cur.word(1 + i));
                    if !e.is_immediate() {
                        stack.push(e);
                    }
                }
            }
            break;
        }
    }
    size
}

impl Closure {
    /// The module version the closure's function lives in.
    pub fn module_code(&self) -> &'static crate::code::ModuleCode {
        // SAFETY: the address was stored by `heap::make_closure` from a
        // `&'static ModuleCode`; module code is leaked on load and never freed.
        unsafe { &*(self.code as *const crate::code::ModuleCode) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for i in [0, 1, -1, 42, SMALL_MAX, SMALL_MIN, -12345678] {
            assert_eq!(Term::int(i).and_then(Term::as_int), Some(i));
        }
        assert!(Term::int(SMALL_MAX + 1).is_none());
        assert!(Term::int(SMALL_MIN - 1).is_none());
    }

    #[test]
    fn immediates_are_distinct() {
        let a = Term::atom(Atom::OK);
        assert!(a.is_atom() && !a.is_small() && !a.is_pid() && !a.is_nil());
        assert_eq!(a.as_atom(), Some(Atom::OK));
        let p = Term::pid(80);
        assert_eq!(p.as_pid(), Some(80));
        assert!(Term::NIL.is_nil() && Term::NIL.is_list() && !Term::NIL.is_cons());
        assert!(Term::NIL.is_immediate());
        assert_ne!(Term::NON_VALUE, Term::NIL);
    }
}
