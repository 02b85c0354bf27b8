//! Heap memory: blocks, literal areas, message fragments, term construction
//! and deep copy. The process heap and its generational collector are in
//! [`gc`].
//!
//! Message fragments (copied by a sender) become part of the heap when the
//! receiver removes the message ([`Heap::attach`]); the next collection copies
//! whatever is live in them and frees them.
//!
//! Forwarding (used by the collector): a copied boxed object's header is
//! overwritten with a boxed pointer to the copy (headers are never tagged as
//! pointers); a copied cons cell's head is overwritten with
//! [`Term::NON_VALUE`] and its tail with a list pointer to the copy.

use std::alloc::{alloc, dealloc, Layout};
use std::ptr::NonNull;

pub mod map;

pub use map::make_map;

use crate::term::{header_arity, header_sub, make_header, raw_words, Atom, Sub, Term};

pub mod binary;
pub mod gc;

pub use binary::{make_binary, make_binary_from_vec, make_bitstring, make_sub_binary};
use binary::{release_all, Mso};
pub use gc::{next_heap_size, Heap, MIN_BIN_VHEAP_SIZE, MIN_HEAP_SIZE};

/// A contiguous chunk of words with a bump pointer.
pub struct Block {
    ptr: NonNull<u64>,
    cap: usize,
    top: usize,
}

// SAFETY: a Block exclusively owns its allocation; it is moved between threads
// only together with the process (or message) that owns it.
unsafe impl Send for Block {}
// SAFETY: literal areas are shared read-only between schedulers after load;
// no `&Block` method mutates.
unsafe impl Sync for Block {}

impl Block {
    pub fn new(cap: usize) -> Block {
        let cap = cap.max(1);
        let layout = Layout::array::<u64>(cap)
            .unwrap_or_else(|_| std::alloc::handle_alloc_error(Layout::new::<u64>()));
        // SAFETY: the layout has a non-zero size (cap >= 1).
        let raw = unsafe { alloc(layout) } as *mut u64;
        let Some(ptr) = NonNull::new(raw) else {
            std::alloc::handle_alloc_error(layout)
        };
        Block { ptr, cap, top: 0 }
    }

    pub(crate) fn alloc(&mut self, n: usize) -> Option<*mut u64> {
        if self.cap - self.top >= n {
            // SAFETY: top + n <= cap, so the result stays inside the allocation.
            let p = unsafe { self.ptr.as_ptr().add(self.top) };
            self.top += n;
            Some(p)
        } else {
            None
        }
    }

    pub fn used(&self) -> usize {
        self.top
    }

    pub fn capacity(&self) -> usize {
        self.cap
    }

    fn base(&self) -> *mut u64 {
        self.ptr.as_ptr()
    }

    /// Free words.
    pub fn free(&self) -> usize {
        self.cap - self.top
    }

    /// Whether `addr` lies in this block's allocation.
    fn contains(&self, addr: usize) -> bool {
        let base = self.base() as usize;
        addr >= base && addr < base + self.cap * 8
    }

    /// The address range `[start, end)` of the words used so far.
    fn used_range(&self) -> (usize, usize) {
        let base = self.base() as usize;
        (base, base + self.top * 8)
    }
}

impl Drop for Block {
    fn drop(&mut self) {
        if let Ok(layout) = Layout::array::<u64>(self.cap) {
            // SAFETY: allocated in `Block::new` with this very layout.
            unsafe { dealloc(self.ptr.as_ptr() as *mut u8, layout) };
        }
    }
}

/// Something terms can be built in.
pub trait Alloc {
    /// `n` uninitialized words; the caller initializes all of them before
    /// the next safe point.
    fn alloc_words(&mut self, n: usize) -> *mut u64;
    /// Whether pointers into this memory carry the literal bit.
    fn is_literal(&self) -> bool {
        false
    }
    /// A `ProcBin` handle was just written at `obj` in this memory and owns
    /// one strong count of its buffer: remember it (the "MSO list"), so the
    /// count is released when the handle dies.
    fn track_off_heap(&mut self, obj: *mut u64, bytes: usize);
}

/// Write `words` at `p`.
fn write_words(p: *mut u64, words: &[u64]) {
    // SAFETY: `p` came from `Alloc::alloc_words(words.len())`.
    unsafe { std::ptr::copy_nonoverlapping(words.as_ptr(), p, words.len()) };
}

pub fn make_tuple(a: &mut impl Alloc, elems: &[Term]) -> Term {
    let p = a.alloc_words(1 + elems.len());
    write_words(p, &[make_header(Sub::Tuple, elems.len())]);
    // SAFETY: `p` has 1 + elems.len() words; Term is a transparent u64.
    unsafe { std::ptr::copy_nonoverlapping(elems.as_ptr() as *const u64, p.add(1), elems.len()) };
    Term::boxed_ptr(p, a.is_literal())
}

/// A tuple of `n` elements computed by `elem(i)` (no intermediate vector).
pub fn make_tuple_with(a: &mut impl Alloc, n: usize, mut elem: impl FnMut(usize) -> Term) -> Term {
    let p = a.alloc_words(1 + n);
    write_words(p, &[make_header(Sub::Tuple, n)]);
    for i in 0..n {
        // SAFETY: `p` has 1 + n words; index 1 + i <= n.
        unsafe { *p.add(1 + i) = elem(i).raw() };
    }
    Term::boxed_ptr(p, a.is_literal())
}

pub fn cons(a: &mut impl Alloc, head: Term, tail: Term) -> Term {
    let p = a.alloc_words(2);
    write_words(p, &[head.raw(), tail.raw()]);
    Term::list_ptr(p, a.is_literal())
}

/// A proper list of `items` followed by `tail`.
pub fn list_with_tail(a: &mut impl Alloc, items: &[Term], tail: Term) -> Term {
    let mut acc = tail;
    for &t in items.iter().rev() {
        acc = cons(a, t, acc);
    }
    acc
}

pub fn list(a: &mut impl Alloc, items: &[Term]) -> Term {
    list_with_tail(a, items, Term::NIL)
}

pub fn make_float(a: &mut impl Alloc, f: f64) -> Term {
    let p = a.alloc_words(2);
    write_words(p, &[make_header(Sub::Float, 1), f.to_bits()]);
    Term::boxed_ptr(p, a.is_literal())
}

/// An integer term for `v`: a small integer when it fits, else a bignum
/// (normalised: see `term::big`).
pub fn make_integer(a: &mut impl Alloc, v: &num_bigint::BigInt) -> Term {
    use num_traits::ToPrimitive;
    if let Some(t) = v.to_i64().and_then(Term::int) {
        return t;
    }
    let (neg, limbs) = crate::term::big::limbs_of(v);
    let sub = if neg { Sub::NegBig } else { Sub::PosBig };
    let p = a.alloc_words(1 + limbs.len());
    write_words(p, &[make_header(sub, limbs.len())]);
    // SAFETY: `p` has 1 + limbs.len() words.
    unsafe { std::ptr::copy_nonoverlapping(limbs.as_ptr(), p.add(1), limbs.len()) };
    Term::boxed_ptr(p, a.is_literal())
}

/// An integer term for an `i64` (a bignum beyond 60 bits).
pub fn make_i64(a: &mut impl Alloc, i: i64) -> Term {
    match Term::int(i) {
        Some(t) => t,
        None => make_integer(a, &num_bigint::BigInt::from(i)),
    }
}

pub fn make_ref(a: &mut impl Alloc, id: u64) -> Term {
    let p = a.alloc_words(2);
    write_words(p, &[make_header(Sub::Ref, 1), id]);
    Term::boxed_ptr(p, a.is_literal())
}

/// A pid of another node.
pub fn make_ext_pid(a: &mut impl Alloc, x: &crate::term::ExtPid) -> Term {
    let p = a.alloc_words(5);
    write_words(
        p,
        &[
            make_header(Sub::ExtPid, 4),
            Term::atom(x.node).raw(),
            u64::from(x.id),
            u64::from(x.serial),
            u64::from(x.creation),
        ],
    );
    Term::boxed_ptr(p, a.is_literal())
}

/// A port (of any node: this runtime has no local ports).
pub fn make_ext_port(a: &mut impl Alloc, x: &crate::term::ExtPort) -> Term {
    let p = a.alloc_words(4);
    write_words(
        p,
        &[
            make_header(Sub::ExtPort, 3),
            Term::atom(x.node).raw(),
            x.id,
            u64::from(x.creation),
        ],
    );
    Term::boxed_ptr(p, a.is_literal())
}

/// A reference that is not a local one (1 to 5 words).
pub fn make_ext_ref(a: &mut impl Alloc, x: &crate::term::ExtRef) -> Term {
    let n = (x.len as usize).clamp(1, 5);
    let p = a.alloc_words(3 + n);
    let mut w = vec![
        make_header(Sub::ExtRef, 2 + n),
        Term::atom(x.node).raw(),
        u64::from(x.creation),
    ];
    w.extend(x.words[..n].iter().map(|&v| u64::from(v)));
    write_words(p, &w);
    Term::boxed_ptr(p, a.is_literal())
}

/// A closure over `code`'s function `index` (user-visible `arity`).
pub fn make_closure(
    a: &mut impl Alloc,
    code: &'static crate::code::ModuleCode,
    index: u32,
    arity: u32,
    free: &[Term],
) -> Term {
    let p = a.alloc_words(3 + free.len());
    let code_addr = code as *const crate::code::ModuleCode as u64;
    write_words(
        p,
        &[
            make_header(Sub::Fun, 2 + free.len()),
            code_addr,
            ((index as u64) << 32) | arity as u64,
        ],
    );
    // SAFETY: `p` has 3 + free.len() words.
    unsafe { std::ptr::copy_nonoverlapping(free.as_ptr() as *const u64, p.add(3), free.len()) };
    Term::boxed_ptr(p, a.is_literal())
}

pub fn make_export_fun(a: &mut impl Alloc, m: Atom, f: Atom, arity: u32) -> Term {
    let p = a.alloc_words(4);
    write_words(
        p,
        &[
            make_header(Sub::Export, 3),
            Term::atom(m).raw(),
            Term::atom(f).raw(),
            Term::small(arity as usize).raw(),
        ],
    );
    Term::boxed_ptr(p, a.is_literal())
}

/// A boxed object of subtag `sub` whose payload is the terms `elems` (no
/// raw words): tuples, and the map objects built by [`map`].
pub fn make_boxed(a: &mut impl Alloc, sub: Sub, elems: &[Term]) -> Term {
    debug_assert_eq!(raw_words(sub, elems.len()), 0);
    let p = a.alloc_words(1 + elems.len());
    write_words(p, &[make_header(sub, elems.len())]);
    // SAFETY: `p` has 1 + elems.len() words; Term is a transparent u64.
    unsafe { std::ptr::copy_nonoverlapping(elems.as_ptr() as *const u64, p.add(1), elems.len()) };
    Term::boxed_ptr(p, a.is_literal())
}

/// Build a term from an IR literal. `Err` for what the runtime cannot
/// represent yet (integers beyond 60 bits).
pub fn build_literal(a: &mut impl Alloc, lit: &eubeam_ir::Literal) -> Result<Term, String> {
    use eubeam_ir::Literal as L;
    Ok(match lit {
        L::Int(i) => make_i64(a, *i),
        L::BigInt(digits) => {
            let v: num_bigint::BigInt = digits
                .parse()
                .map_err(|_| format!("malformed integer literal {digits}"))?;
            make_integer(a, &v)
        }
        L::Float(f) => make_float(a, *f),
        L::Atom(s) => Term::atom(Atom::intern(s)),
        L::Nil => Term::NIL,
        L::Cons(..) => {
            // Walk the spine iteratively: long string literals are long lists.
            let mut heads = Vec::new();
            let mut cur = lit;
            while let L::Cons(h, t) = cur {
                heads.push(build_literal(a, h)?);
                cur = t;
            }
            let tail = build_literal(a, cur)?;
            list_with_tail(a, &heads, tail)
        }
        L::Tuple(items) => {
            let elems = items
                .iter()
                .map(|i| build_literal(a, i))
                .collect::<Result<Vec<_>, _>>()?;
            make_tuple(a, &elems)
        }
        L::Map(pairs) => {
            let mut ps = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                ps.push((build_literal(a, k)?, build_literal(a, v)?));
            }
            make_map(a, &mut ps)
        }
        L::Binary(bytes) => make_binary(a, bytes),
    })
}

/// Memory for module constants: pointers into it carry the literal bit.
/// Off-heap binaries referenced by literals stay alive as long as the area
/// (module code is never freed, so: forever).
#[derive(Default)]
pub struct LiteralArea {
    blocks: Vec<Block>,
    mso: Mso,
}

impl Drop for LiteralArea {
    fn drop(&mut self) {
        release_all(&mut self.mso);
    }
}

impl LiteralArea {
    pub fn words(&self) -> usize {
        self.blocks.iter().map(Block::capacity).sum()
    }
}

impl Alloc for LiteralArea {
    fn alloc_words(&mut self, n: usize) -> *mut u64 {
        if let Some(p) = self.blocks.last_mut().and_then(|b| b.alloc(n)) {
            return p;
        }
        let mut b = Block::new(n.max(256));
        let p = b.alloc(n);
        self.blocks.push(b);
        p.unwrap_or(std::ptr::null_mut())
    }
    fn is_literal(&self) -> bool {
        true
    }
    fn track_off_heap(&mut self, obj: *mut u64, _bytes: usize) {
        self.mso.push(obj);
    }
}

/// A standalone fragment being filled (a message under construction).
pub struct FragmentBuilder {
    block: Block,
    mso: Mso,
}

impl Alloc for FragmentBuilder {
    fn alloc_words(&mut self, n: usize) -> *mut u64 {
        match self.block.alloc(n) {
            Some(p) => p,
            None => {
                // Callers size the fragment exactly; running out is a bug. Grow
                // safely anyway by abandoning exactness: allocate a new block and
                // keep the old one alive by chaining is not supported, so this
                // is an invariant violation.
                panic!("heap fragment overflow: size computation and copy disagree")
            }
        }
    }
    fn track_off_heap(&mut self, obj: *mut u64, _bytes: usize) {
        self.mso.push(obj);
    }
}

/// The memory of a fragment: its words and the off-heap handles in them.
/// Dropping it (a message never received) releases those handles.
pub struct FragMem {
    block: Block,
    mso: Mso,
}

impl FragMem {
    pub fn capacity(&self) -> usize {
        self.block.capacity()
    }
}

impl Drop for FragMem {
    fn drop(&mut self) {
        release_all(&mut self.mso);
    }
}

/// A term copied into memory of its own (a message, spawn arguments).
pub struct Fragment {
    pub term: Term,
    pub block: Option<FragMem>,
}

impl Fragment {
    pub fn words(&self) -> usize {
        self.block.as_ref().map_or(0, FragMem::capacity)
    }
}

/// Deep-copy `t` into a fresh fragment (copying literals too: the copy must
/// not depend on the sender's code or heap).
pub fn copy_to_fragment(t: Term) -> Fragment {
    if t.is_immediate() {
        return Fragment {
            term: t,
            block: None,
        };
    }
    let size = crate::term::copy_size(t);
    let mut b = FragmentBuilder {
        block: Block::new(size),
        mso: Mso::default(),
    };
    let term = copy_into(&mut b, t);
    Fragment {
        term,
        block: Some(FragMem {
            block: b.block,
            mso: b.mso,
        }),
    }
}

/// Build a term from an IR literal into a fresh fragment.
pub fn literal_fragment(lit: &eubeam_ir::Literal) -> Result<Fragment, String> {
    let mut area = HeapAlloc(Heap::new());
    let t = build_literal(&mut area, lit)?;
    // Literal built in a scratch heap: copy it out compactly.
    Ok(copy_to_fragment(t))
}

/// An `Alloc` adapter over an owned heap (scratch building).
struct HeapAlloc(Heap);

impl Alloc for HeapAlloc {
    fn alloc_words(&mut self, n: usize) -> *mut u64 {
        self.0.alloc_words(n)
    }
    fn track_off_heap(&mut self, obj: *mut u64, bytes: usize) {
        self.0.track_off_heap(obj, bytes)
    }
}

/// Shallow-copy the object `t` points to into `to`; returns the new pointer.
/// `gc`: the copy replaces the original (a collection moves it), so an
/// off-heap handle keeps its strong count and the collector re-tracks it;
/// otherwise (a message copy) the copy is a new handle with a count of its
/// own, and heap binary bytes count as copied.
fn shallow_copy(to: &mut impl Alloc, t: Term, gc: bool) -> Term {
    let src = t.ptr();
    if t.is_cons() {
        let p = to.alloc_words(2);
        // SAFETY: a cons cell is two live words (access invariant).
        unsafe { std::ptr::copy_nonoverlapping(src, p, 2) };
        Term::list_ptr(p, to.is_literal())
    } else {
        // SAFETY: boxed pointers point at a live header word.
        let h = unsafe { *src };
        let n = 1 + header_arity(h);
        let p = to.alloc_words(n);
        // SAFETY: the object has 1 + arity live words.
        unsafe { std::ptr::copy_nonoverlapping(src, p, n) };
        if !gc {
            match header_sub(h) {
                Sub::ProcBin => binary::retain_copied_handle(to, p),
                // SAFETY: word 1 of a heap binary is its byte length.
                Sub::Binary => {
                    crate::term::binary::count_bytes_copied(unsafe { *src.add(1) } as usize)
                }
                _ => {}
            }
        }
        Term::boxed_ptr(p, to.is_literal())
    }
}

/// Copy the object `t` points at into the fragment and note in `todo` the
/// words of the copy that still point at the source. A list is copied
/// spine first, in one loop, each cell linked to the next copy, so a long
/// list costs one pass with no work for its immediate heads.
fn copy_obj(to: &mut FragmentBuilder, t: Term, todo: &mut Vec<*mut u64>) -> Term {
    let needs_copy = |w: u64| {
        let e = Term::from_raw(w);
        e.is_cons() || e.is_boxed()
    };
    let root = shallow_copy(to, t, false);
    let mut obj = root.ptr();
    if !root.is_cons() {
        // SAFETY: `obj` is the header of the object just copied, followed
        // by its `arity` words.
        let h = unsafe { *obj };
        let n = header_arity(h);
        for i in raw_words(header_sub(h), n)..n {
            // SAFETY: i < n: a word of the copied object.
            let w = unsafe { obj.add(1 + i) };
            // SAFETY: as above.
            if needs_copy(unsafe { *w }) {
                todo.push(w);
            }
        }
        return root;
    }
    loop {
        // SAFETY: `obj` is a two-word cell just copied into the fragment.
        let (hd, tl) = unsafe { (*obj, *obj.add(1)) };
        if needs_copy(hd) {
            todo.push(obj);
        }
        let tl_term = Term::from_raw(tl);
        if tl_term.is_cons() {
            // `shallow_copy` of a cell, inlined: the hot loop of a list copy.
            let src = tl_term.ptr();
            let next = to.alloc_words(2);
            // SAFETY: a cons cell is two live words; `next` is two fresh
            // words of the fragment; the tail word of `obj` now points at
            // the copy.
            unsafe {
                std::ptr::copy_nonoverlapping(src, next, 2);
                *obj.add(1) = Term::list_ptr(next, to.is_literal()).raw();
            }
            obj = next;
            continue;
        }
        if tl_term.is_boxed() {
            // SAFETY: `obj` is a two-word cell: its tail word.
            todo.push(unsafe { obj.add(1) });
        }
        return root;
    }
}

/// Deep copy without recursion: words of the copy that still point at the
/// source wait in a stack until their object is copied (a list of
/// immediates never uses the stack, so it allocates nothing).
fn copy_into(to: &mut FragmentBuilder, t: Term) -> Term {
    let mut todo = Vec::new();
    let root = copy_obj(to, t, &mut todo);
    while let Some(w) = todo.pop() {
        // SAFETY: `w` is a word of this fragment holding a source pointer
        // (pushed by `copy_obj`), written once here.
        let src = Term::from_raw(unsafe { *w });
        let copy = copy_obj(to, src, &mut todo);
        // SAFETY: as above.
        unsafe { *w = copy.raw() };
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::order::eq_exact;

    #[test]
    fn bignums_are_normalised_and_survive_gc_copy_and_literals() {
        use crate::term::big::to_bigint;
        use num_bigint::BigInt;
        let mut h = Heap::new();
        // A value that fits a small integer is always a small integer.
        let small = make_integer(&mut h, &BigInt::from(crate::term::SMALL_MAX));
        assert!(small.is_small());
        let edge = make_integer(&mut h, &(BigInt::from(crate::term::SMALL_MAX) + 1));
        assert!(edge.is_bignum());
        let v: BigInt = "-123456789012345678901234567890123456789"
            .parse()
            .unwrap_or_default();
        let big = make_integer(&mut h, &v);
        assert_eq!(big.sub(), Some(Sub::NegBig));
        let t = make_tuple(&mut h, &[big, edge]);
        let mut roots = [t];
        h.collect(&mut [&mut roots], 0);
        let elems = roots[0].tuple().map(|t| t.to_vec()).unwrap_or_default();
        assert_eq!(to_bigint(elems[0]), Some(v.clone()));
        assert_eq!(
            to_bigint(elems[1]),
            Some(BigInt::from(crate::term::SMALL_MAX) + 1)
        );
        let frag = copy_to_fragment(roots[0]);
        assert!(eq_exact(frag.term, roots[0]));
        let lit = eubeam_ir::Literal::BigInt("-123456789012345678901234567890123456789".into());
        // The fragment owns the memory: keep it alive while reading.
        let lf = literal_fragment(&lit);
        assert_eq!(lf.as_ref().ok().and_then(|f| to_bigint(f.term)), Some(v));
    }

    #[test]
    fn gc_keeps_live_data_and_drops_garbage() {
        let mut h = Heap::new();
        let mut keep = Term::NIL;
        for i in 0..1000 {
            let fl = make_float(&mut h, i as f64);
            let tup = make_tuple(&mut h, &[Term::small(i), fl]);
            keep = cons(&mut h, tup, keep);
            // garbage
            let _ = make_tuple(&mut h, &[Term::small(1), Term::small(2), Term::small(3)]);
        }
        let shared = make_tuple(&mut h, &[Term::OK]);
        let mut roots = [keep, shared, shared, Term::small(7)];
        h.collect(&mut [&mut roots], 0);
        assert_eq!(roots[0].list_len(), Some(1000));
        // Sharing is preserved by the collector.
        assert_eq!(roots[1], roots[2]);
        let first = roots[0]
            .cons()
            .map(|(hd, _)| hd)
            .and_then(Term::tuple)
            .map(|t| t.to_vec());
        assert_eq!(first.map(|v| v[0]), Some(Term::small(999)));
        assert_eq!(h.live_words(), 1000 * (2 + 3 + 2) + 2);
        // A second collection moves everything again and keeps it equal.
        let before = copy_to_fragment(roots[0]);
        h.collect(&mut [&mut roots], 0);
        assert!(eq_exact(before.term, roots[0]));
    }

    #[test]
    fn fragments_are_deep_copies() {
        let mut h = Heap::new();
        let inner = list(&mut h, &[Term::small(1), Term::small(2)]);
        let fl = make_float(&mut h, 2.5);
        let t = make_tuple(&mut h, &[inner, inner, fl]);
        let f = copy_to_fragment(t);
        assert!(eq_exact(f.term, t));
        assert_eq!(f.words(), crate::term::copy_size(t));
        // Attach and collect: the fragment's data survives in the heap.
        let mut h2 = Heap::new();
        let mut root = [f.term];
        h2.attach(f.block);
        h2.collect(&mut [&mut root], 0);
        assert!(eq_exact(root[0], t));
    }
}
