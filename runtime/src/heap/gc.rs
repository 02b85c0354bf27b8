//! The process heap and its generational copying collector (as the BEAM's).
//!
//! Two generations:
//! - *young*: a list of [`Block`]s (allocation bumps a pointer in the last
//!   one) plus the message fragments attached since the last collection;
//! - *old*: one contiguous [`Block`], created by the first minor collection
//!   that promotes something, dropped by every major collection.
//!
//! A *minor* collection copies what is live in the young generation. Data
//! that already survived one collection (it lies in the *aged* ranges: the
//! words the previous collection copied, below its high-water mark, as in
//! ERTS) is promoted into the old block; the rest is copied into fresh young
//! blocks. Pointers into the old block are neither followed nor moved.
//! A *major* collection (full sweep) copies everything live, young and old,
//! into fresh young blocks and drops the old block; everything it copied is
//! aged, so the next minor collection promotes it.
//!
//! A major collection happens instead of a minor one when
//! `fullsweep_after` minor collections have run since the last major one
//! (default 65535, as OTP), when the old block has fewer free words than the
//! aged data (a minor collection must be able to promote all of it), when
//! the off-heap bytes owned by the old generation exceed their limit, and
//! for `erlang:garbage_collect/0,1`. Under the `gc-stress` feature every
//! safe point collects and collections alternate minor, major, minor, ...
//!
//! Invariants (what makes a minor collection correct without a write
//! barrier or a remembered set):
//! - old data never points to young data. Terms are immutable, so an object
//!   only points to objects older than itself; an aged object's referents
//!   are aged or old (they were live, hence copied, at the same collection),
//!   so promoting every live aged object keeps old → young pointers out.
//!   Mutable per-process objects (Lua tables and cells) do not live in the
//!   heap: they live in the process's arena (`ProcBody::lua`), whose
//!   every live entry is a root on every minor and major collection.
//! - message fragments merged in ([`Heap::attach`]) are young and never
//!   aged: their data is promoted only after surviving one collection.
//! - literals (pointers with the literal bit) and off-heap binary buffers
//!   are never copied; only the 3-word `ProcBin` handle moves, keeping its
//!   strong count (see `binary.rs`). Each generation has its own MSO list;
//!   a minor collection sweeps only the young one.
//!
//! Sizes follow ERTS's heap size table ([`next_heap_size`]: 233, 376, 610,
//! 987, ... Fibonacci-like up to about 1.3 M words, then 20 % steps). The
//! young generation's *size* is the number of words it may hold before the
//! next minor collection (blocks are allocated lazily up to it); after each
//! collection it grows when the live young data plus the stack need more
//! than 75 % of it and shrinks when they need less than 25 % (to the table
//! size that leaves them about half of it, never below `min_heap_size`).
//! The old block is created at the table size that holds the young
//! generation, so it fills over several minor collections.

use super::binary::{self, Mso};
use super::{shallow_copy, Alloc, Block, FragMem};
use crate::term::{header_arity, header_sub, is_header, raw_words, Term};

/// Words of the first block a process allocates (blocks are allocated
/// lazily and double up to the young generation's size).
const FIRST_BLOCK: usize = 64;
/// Largest block opened for ordinary (small) allocations.
const MAX_BLOCK: usize = 1 << 20;
/// `min_heap_size` default (ERTS's `H_DEFAULT_SIZE`).
pub const MIN_HEAP_SIZE: usize = 233;
/// `min_bin_vheap_size` default, in words (ERTS's `BIN_VH_MIN_SIZE`).
pub const MIN_BIN_VHEAP_SIZE: usize = 46422;
/// `fullsweep_after` default (OTP's).
pub const FULLSWEEP_AFTER: u32 = 65535;

/// ERTS's heap size table (`erl_gc.c`, `erts_init_gc`): 12, 38, then each
/// the sum of the two before plus one up to index 22 (833026 words), then
/// 20 % steps.
const HEAP_SIZES: [usize; 96] = {
    let mut t = [0usize; 96];
    t[0] = 12;
    t[1] = 38;
    let mut i = 2;
    while i < 23 {
        t[i] = t[i - 1] + t[i - 2] + 1;
        i += 1;
    }
    while i < 96 {
        t[i] = t[i - 1] + t[i - 1] / 5;
        i += 1;
    }
    t
};

/// The smallest size of ERTS's table that is at least `n` words (`n`
/// itself beyond the table).
pub fn next_heap_size(n: usize) -> usize {
    HEAP_SIZES.iter().copied().find(|&s| s >= n).unwrap_or(n)
}

/// GC figures of one heap (`process_info(P, garbage_collection)` and the
/// `max_heap_size` report's `GC Info`), in words.
#[derive(Clone, Copy, Debug, Default)]
pub struct GcInfo {
    pub heap_block_size: usize,
    pub old_heap_block_size: usize,
    pub mbuf_size: usize,
    pub recent_size: usize,
    pub heap_size: usize,
    pub old_heap_size: usize,
    pub bin_vheap_size: usize,
    pub bin_old_vheap_size: usize,
    pub bin_old_vheap_block_size: usize,
    pub minor_gcs: u64,
}

/// A process heap (see the module documentation).
pub struct Heap {
    /// Young blocks; allocation bumps in the last one.
    blocks: Vec<Block>,
    /// Message fragments attached since the last collection (young).
    frags: Vec<FragMem>,
    /// Address ranges `[start, end)` of the young words the last collection
    /// copied (below the high-water mark): promoted by the next minor one.
    aged: Vec<(usize, usize)>,
    /// Words in `aged`.
    aged_words: usize,
    /// The old generation.
    old: Option<Block>,
    /// `ProcBin` handles in the young generation (blocks and fragments) and
    /// in the old one; each owns one strong count (see `binary.rs`).
    mso: Mso,
    old_mso: Mso,
    /// Off-heap bytes owned through `mso` / `old_mso`.
    bin_bytes: usize,
    old_bin_bytes: usize,
    /// A minor collection turns major when `old_bin_bytes` exceeds this.
    old_bin_limit: usize,
    /// Words allocated (or attached, or off-heap bytes / 8) since the last
    /// collection.
    since_gc: usize,
    /// Young words live after the last collection.
    young_live: usize,
    /// The young generation's size (a table size): collect once
    /// `young_live + since_gc` reaches it.
    young_size: usize,
    /// `min_heap_size` (a table size).
    min_heap: usize,
    fullsweep_after: u32,
    /// Minor collections since the last major one.
    minors_since_major: u32,
    /// The next collection must be major.
    need_major: bool,
    /// Under `gc-stress`: the next collection is major.
    #[cfg(feature = "gc-stress")]
    stress_major: bool,
    pub minor_gcs: u64,
    pub major_gcs: u64,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        binary::release_all(&mut self.mso);
        binary::release_all(&mut self.old_mso);
    }
}

impl Alloc for Heap {
    fn track_off_heap(&mut self, obj: *mut u64, bytes: usize) {
        self.mso.push(obj);
        self.bin_bytes += bytes;
        // Off-heap data counts towards the next collection (in words), so a
        // process that drops large binaries frees them soon.
        self.since_gc += bytes / 8;
    }

    fn alloc_words(&mut self, n: usize) -> *mut u64 {
        self.since_gc += n;
        if let Some(p) = self.blocks.last_mut().and_then(|b| b.alloc(n)) {
            return p;
        }
        // Double the last block, up to what the young size leaves; a large
        // request gets a block of its own size.
        let last = self.blocks.last().map_or(FIRST_BLOCK / 2, Block::capacity);
        let room = self.young_size.saturating_sub(self.young_capacity());
        let size = (last * 2).min(MAX_BLOCK).min(room).max(FIRST_BLOCK).max(n);
        let mut b = Block::new(size);
        let p = b.alloc(n);
        self.blocks.push(b);
        // A fresh block of at least n words always has room.
        p.unwrap_or(std::ptr::null_mut())
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            blocks: Vec::new(),
            frags: Vec::new(),
            aged: Vec::new(),
            aged_words: 0,
            old: None,
            mso: Mso::default(),
            old_mso: Mso::default(),
            bin_bytes: 0,
            old_bin_bytes: 0,
            old_bin_limit: MIN_BIN_VHEAP_SIZE * 8,
            since_gc: 0,
            young_live: 0,
            young_size: MIN_HEAP_SIZE,
            min_heap: MIN_HEAP_SIZE,
            fullsweep_after: FULLSWEEP_AFTER,
            minors_since_major: 0,
            need_major: false,
            #[cfg(feature = "gc-stress")]
            stress_major: false,
            minor_gcs: 0,
            major_gcs: 0,
        }
    }

    /// Make a received message's memory part of this heap (young).
    pub fn attach(&mut self, frag: Option<FragMem>) {
        if let Some(mut b) = frag {
            self.since_gc += b.capacity();
            for obj in b.mso.take() {
                // SAFETY: obj is a ProcBin object in this fragment (see Mso).
                let bytes = unsafe { *obj.add(1) } as usize;
                self.track_off_heap(obj, bytes);
            }
            self.frags.push(b);
        }
    }

    /// Off-heap handles this heap holds (live or not yet collected).
    pub fn off_heap_handles(&self) -> usize {
        self.mso.len() + self.old_mso.len()
    }

    /// Whether the next safe point should collect (checked at every
    /// function entry: kept inlinable into the interpreter loop).
    #[inline]
    pub fn wants_gc(&self) -> bool {
        cfg!(feature = "gc-stress") || self.since_gc + self.young_live >= self.young_size
    }

    fn young_capacity(&self) -> usize {
        self.blocks.iter().map(Block::capacity).sum()
    }

    fn frag_words(&self) -> usize {
        self.frags.iter().map(FragMem::capacity).sum()
    }

    /// `heap_size`: the young generation, in words (its size, or the blocks
    /// it holds when a large allocation went beyond it).
    pub fn heap_size(&self) -> usize {
        self.young_size.max(self.young_capacity())
    }

    /// `total_heap_size`: young + old + attached message fragments, in words.
    pub fn total_size(&self) -> usize {
        self.heap_size() + self.old.as_ref().map_or(0, Block::capacity) + self.frag_words()
    }

    /// Words actually reserved (blocks allocated, old block, fragments).
    pub fn reserved_words(&self) -> usize {
        self.young_capacity() + self.old.as_ref().map_or(0, Block::capacity) + self.frag_words()
    }

    /// Compatibility name for [`Heap::total_size`].
    pub fn size_words(&self) -> usize {
        self.total_size()
    }

    /// Words live after the last collection (young and old).
    pub fn live_words(&self) -> usize {
        self.young_live + self.old.as_ref().map_or(0, Block::used)
    }

    /// Words in the old generation.
    pub fn old_words(&self) -> usize {
        self.old.as_ref().map_or(0, Block::used)
    }

    pub fn collections(&self) -> u64 {
        self.minor_gcs + self.major_gcs
    }

    pub fn fullsweep_after(&self) -> u32 {
        self.fullsweep_after
    }

    /// Set `fullsweep_after`; returns the previous value.
    pub fn set_fullsweep_after(&mut self, n: u32) -> u32 {
        std::mem::replace(&mut self.fullsweep_after, n)
    }

    pub fn min_heap_size(&self) -> usize {
        self.min_heap
    }

    /// Set `min_heap_size` (rounded up to a table size); returns the
    /// previous value. The young size grows to it at once.
    pub fn set_min_heap_size(&mut self, words: usize) -> usize {
        let new = next_heap_size(words.max(MIN_HEAP_SIZE));
        self.young_size = self.young_size.max(new);
        std::mem::replace(&mut self.min_heap, new)
    }

    pub fn gc_info(&self) -> GcInfo {
        GcInfo {
            heap_block_size: self.heap_size(),
            old_heap_block_size: self.old.as_ref().map_or(0, Block::capacity),
            mbuf_size: self.frag_words(),
            recent_size: self.young_live,
            heap_size: self.blocks.iter().map(Block::used).sum(),
            old_heap_size: self.old_words(),
            bin_vheap_size: self.bin_bytes / 8,
            bin_old_vheap_size: self.old_bin_bytes / 8,
            bin_old_vheap_block_size: self.old_bin_limit / 8,
            minor_gcs: self.minors_since_major as u64,
        }
    }

    /// Collect (minor or major, see the module documentation). `roots` are
    /// rewritten in place; `stack_words` (the process stack, outside the
    /// heap here) counts in the young size, so that a deep stack is not
    /// rescanned too often.
    pub fn collect(&mut self, roots: &mut [&mut [Term]], stack_words: usize) {
        if self.next_is_major() {
            self.collect_major(roots, stack_words)
        } else {
            self.collect_minor(roots, stack_words)
        }
    }

    /// Whether the next collection must be major (see the module
    /// documentation). Under `gc-stress`, answers alternately no and yes.
    pub fn next_is_major(&mut self) -> bool {
        #[cfg(feature = "gc-stress")]
        {
            self.stress_major = !self.stress_major;
            if !self.stress_major {
                return true;
            }
        }
        let old_full = self.aged_words > 0
            && self
                .old
                .as_ref()
                .is_some_and(|o| o.free() < self.aged_words);
        self.need_major || old_full || self.minors_since_major >= self.fullsweep_after
    }

    /// A minor collection: promote the aged live data, copy the rest of
    /// the live young data into fresh young blocks.
    /// The caller checked [`Heap::next_is_major`] (a minor collection
    /// needs room in the old block for every aged word).
    pub fn collect_minor(&mut self, roots: &mut [&mut [Term]], stack_words: usize) {
        let from_blocks = std::mem::take(&mut self.blocks);
        let from_frags = std::mem::take(&mut self.frags);
        let aged = std::mem::take(&mut self.aged);
        let young_used: usize = from_blocks.iter().map(Block::used).sum::<usize>()
            + from_frags.iter().map(|f| f.block.used()).sum::<usize>();
        if self.aged_words > 0 && self.old.is_none() {
            self.old = Some(Block::new(next_heap_size(young_used.max(self.aged_words))));
        }
        let mut old_dummy = None;
        let old = match self.old.as_mut() {
            Some(o) => o,
            // Nothing is aged: nothing is promoted, an empty target will do.
            None => old_dummy.insert(Block::new(1)),
        };
        let old_scan_start = old.top;
        // Young survivors are at most the words not aged; the first block
        // also takes the allocations after the collection, so it is at most
        // the young size. To-space grows by more blocks if it is short.
        let first = young_used
            .saturating_sub(self.aged_words)
            .min(self.young_size)
            .max(FIRST_BLOCK);
        let mut c = Copier {
            young: ToSpace {
                blocks: vec![Block::new(first)],
            },
            old: OldSpace(old),
            aged: &aged,
            minor: true,
        };
        c.evacuate_roots(roots);
        c.scan(old_scan_start);
        let to = c.young.blocks;
        // Sweep the young MSO list while from-space is still readable.
        let old_block = self.old.as_ref();
        for obj in self.mso.take() {
            // SAFETY: obj points at a ProcBin object in from-space, which is
            // allocated until `from_blocks`/`from_frags` drop below.
            let (w, bytes) = unsafe { (*obj, *obj.add(1) as usize) };
            if is_header(w) {
                binary::release(obj);
                self.bin_bytes = self.bin_bytes.saturating_sub(bytes);
            } else {
                let new = Term::from_raw(w).ptr();
                if old_block.is_some_and(|o| o.contains(new as usize)) {
                    self.old_mso.push(new);
                    self.bin_bytes = self.bin_bytes.saturating_sub(bytes);
                    self.old_bin_bytes += bytes;
                } else {
                    self.mso.push(new);
                }
            }
        }
        drop(from_blocks);
        // Free the fragments but keep the vector's buffer: a process that
        // receives keeps attaching fragments between collections.
        let mut from_frags = from_frags;
        from_frags.clear();
        self.frags = from_frags;
        drop(old_dummy);
        self.finish(to, stack_words);
        self.minors_since_major = self.minors_since_major.saturating_add(1);
        self.minor_gcs += 1;
        if self.old_bin_bytes > self.old_bin_limit {
            self.need_major = true;
        }
    }

    /// A major collection (full sweep): everything live into fresh young
    /// blocks; the old block is dropped.
    pub fn collect_major(&mut self, roots: &mut [&mut [Term]], stack_words: usize) {
        self.major_pass(roots, stack_words);
        // The first to-space block was sized from the young size before the
        // collection; when most data died it is far too big. Copy the
        // (small) survivors once more into right-sized blocks, so that a
        // full sweep gives memory back (the copy costs at most a quarter of
        // what it frees).
        let cap = self.young_capacity();
        if cap > 4096 && cap > 4 * self.young_size.max(self.young_live) {
            self.major_pass(roots, stack_words);
        }
        self.major_gcs += 1;
    }

    fn major_pass(&mut self, roots: &mut [&mut [Term]], stack_words: usize) {
        let from_blocks = std::mem::take(&mut self.blocks);
        let from_frags = std::mem::take(&mut self.frags);
        let from_old = self.old.take();
        self.aged.clear();
        let from_used: usize = from_blocks.iter().map(Block::used).sum::<usize>()
            + from_frags.iter().map(|f| f.block.used()).sum::<usize>()
            + from_old.as_ref().map_or(0, Block::used);
        // The first block also takes the allocations after the collection:
        // the young size (at most what is in use). To-space grows by
        // doubling blocks if the live data need more, so an overestimate
        // never stays reserved.
        let first = self.young_size.min(from_used).max(FIRST_BLOCK);
        let mut none = Block::new(1);
        let mut c = Copier {
            young: ToSpace {
                blocks: vec![Block::new(first)],
            },
            old: OldSpace(&mut none),
            aged: &[],
            minor: false,
        };
        c.evacuate_roots(roots);
        c.scan(0);
        let to = c.young.blocks;
        let mut mso = self.mso.take();
        mso.extend(self.old_mso.take());
        self.bin_bytes = 0;
        self.old_bin_bytes = 0;
        for obj in mso {
            // SAFETY: as in `collect_minor`; `from_old` is alive too.
            let (w, bytes) = unsafe { (*obj, *obj.add(1) as usize) };
            if is_header(w) {
                binary::release(obj);
            } else {
                self.mso.push(Term::from_raw(w).ptr());
                self.bin_bytes += bytes;
            }
        }
        drop(from_blocks);
        drop(from_frags);
        drop(from_old);
        self.finish(to, stack_words);
        self.old_bin_limit = (2 * self.bin_bytes).max(MIN_BIN_VHEAP_SIZE * 8);
        self.minors_since_major = 0;
        self.need_major = false;
    }

    /// After either collection: the copied young blocks become the young
    /// generation, all of their words aged; resize the young generation.
    fn finish(&mut self, to: Vec<Block>, stack_words: usize) {
        self.aged = to
            .iter()
            .map(Block::used_range)
            .filter(|r| r.0 < r.1)
            .collect();
        self.aged.sort_unstable();
        self.young_live = to.iter().map(Block::used).sum();
        self.aged_words = self.young_live;
        self.blocks = to;
        self.since_gc = 0;
        let need = self.young_live + stack_words;
        if need * 4 > self.young_size * 3
            || (need * 4 < self.young_size && self.young_size > self.min_heap)
        {
            self.young_size = next_heap_size(need * 2).max(self.min_heap);
        }
    }
}

/// Young to-space: blocks scanned in allocation order.
struct ToSpace {
    blocks: Vec<Block>,
}

impl Alloc for ToSpace {
    /// The sweep after the collection re-tracks moved handles.
    fn track_off_heap(&mut self, _obj: *mut u64, _bytes: usize) {}

    fn alloc_words(&mut self, n: usize) -> *mut u64 {
        if let Some(p) = self.blocks.last_mut().and_then(|b| b.alloc(n)) {
            return p;
        }
        let last = self.blocks.last().map_or(FIRST_BLOCK, Block::capacity);
        let mut b = Block::new((last * 2).min(MAX_BLOCK).max(n));
        let p = b.alloc(n);
        self.blocks.push(b);
        p.unwrap_or(std::ptr::null_mut())
    }
}

/// The old block as a promotion target.
struct OldSpace<'a>(&'a mut Block);

impl Alloc for OldSpace<'_> {
    fn track_off_heap(&mut self, _obj: *mut u64, _bytes: usize) {}

    fn alloc_words(&mut self, n: usize) -> *mut u64 {
        match self.0.alloc(n) {
            Some(p) => p,
            // Invariant: a minor collection runs only when the old block has
            // at least `aged_words` free, and it promotes each aged object
            // once, at its own size; so promotion never runs out of room.
            None => panic!("old generation overflow during a minor collection"),
        }
    }
}

/// One collection's copying state.
struct Copier<'a> {
    young: ToSpace,
    old: OldSpace<'a>,
    /// Objects in these ranges are promoted (empty for a major collection).
    aged: &'a [(usize, usize)],
    /// A minor collection: pointers into the old block stay as they are.
    minor: bool,
}

impl Copier<'_> {
    fn evacuate_roots(&mut self, roots: &mut [&mut [Term]]) {
        for slice in roots.iter_mut() {
            for t in slice.iter_mut() {
                *t = self.evacuate(*t);
            }
        }
    }

    /// Cheney scan of the young to-space and of the old block's words from
    /// `old_from` (what this collection promoted), until both are done.
    fn scan(&mut self, old_from: usize) {
        let (mut bi, mut yscan, mut oscan) = (0usize, 0usize, old_from);
        loop {
            let mut progressed = false;
            // Young to-space, block by block; `blocks` may grow meanwhile.
            while bi < self.young.blocks.len() {
                let (base, top) = (self.young.blocks[bi].base(), self.young.blocks[bi].top);
                if yscan >= top {
                    if bi + 1 < self.young.blocks.len() {
                        bi += 1;
                        yscan = 0;
                        continue;
                    }
                    break;
                }
                yscan = self.scan_word(base, yscan);
                progressed = true;
            }
            while oscan < self.old.0.top {
                let base = self.old.0.base();
                oscan = self.scan_word(base, oscan);
                progressed = true;
            }
            if !progressed {
                break;
            }
        }
    }

    /// Scan the word at `base[i]`: skip an object's raw words, evacuate a
    /// pointer. Returns the next index.
    fn scan_word(&mut self, base: *mut u64, i: usize) -> usize {
        // SAFETY: the caller keeps `i` below the block's top: an initialized
        // word. Block memory does not move when block lists grow.
        let w = unsafe { *base.add(i) };
        if is_header(w) {
            return i + 1 + raw_words(header_sub(w), header_arity(w));
        }
        let nt = self.evacuate(Term::from_raw(w));
        // SAFETY: as above.
        unsafe { *base.add(i) = nt.raw() };
        i + 1
    }

    /// Move the object `t` points to (once), returning its new address;
    /// immediates, literal pointers and pointers into the old block are
    /// returned unchanged.
    fn evacuate(&mut self, t: Term) -> Term {
        if t.is_immediate() || t.is_literal_ptr() {
            return t;
        }
        let src = t.ptr();
        let addr = src as usize;
        if self.minor && self.old.0.contains(addr) {
            return t;
        }
        // `aged` is sorted by address (blocks do not overlap): the range
        // that could hold `addr` is the last one starting at or below it.
        let i = self.aged.partition_point(|&(s, _)| s <= addr);
        let promote = i > 0 && addr < self.aged[i - 1].1;
        if t.is_cons() {
            // SAFETY: a non-literal list pointer reachable from the roots
            // points at a live cons cell in from-space (module invariant) or
            // at one this collection forwarded.
            let (h, tl) = unsafe { (*src, *src.add(1)) };
            if h == Term::NON_VALUE.raw() {
                return Term::from_raw(tl);
            }
            let new = if promote {
                shallow_copy(&mut self.old, t, true)
            } else {
                shallow_copy(&mut self.young, t, true)
            };
            // SAFETY: as above; from-space words may be overwritten once copied.
            unsafe {
                *src = Term::NON_VALUE.raw();
                *src.add(1) = new.raw();
            }
            new
        } else if t.is_boxed() {
            // SAFETY: a non-literal boxed pointer points at a live header
            // (or at a forwarding pointer left by this collection).
            let h = unsafe { *src };
            if !is_header(h) {
                return Term::from_raw(h);
            }
            let new = if promote {
                shallow_copy(&mut self.old, t, true)
            } else {
                shallow_copy(&mut self.young, t, true)
            };
            // SAFETY: as above.
            unsafe { *src = new.raw() };
            new
        } else {
            t
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::{cons, copy_to_fragment, make_binary, make_float, make_tuple};
    use crate::term::order::eq_exact;

    /// A list of `n` `{I, float}` tuples.
    fn build(h: &mut Heap, n: usize) -> Term {
        let mut l = Term::NIL;
        for i in 0..n {
            let f = make_float(h, i as f64);
            let t = make_tuple(h, &[Term::small(i), f]);
            l = cons(h, t, l);
        }
        l
    }

    #[test]
    fn size_table_is_erts() {
        assert_eq!(&HEAP_SIZES[..8], &[12, 38, 51, 90, 142, 233, 376, 610]);
        assert_eq!(HEAP_SIZES[22], 833026);
        assert_eq!(HEAP_SIZES[23], 833026 + 833026 / 5);
        assert_eq!(next_heap_size(0), 12);
        assert_eq!(next_heap_size(234), 376);
        assert_eq!(next_heap_size(46422), 46422);
        assert_eq!(Heap::new().heap_size(), 233);
    }

    #[test]
    fn survivors_of_one_minor_gc_are_promoted_by_the_next() {
        let mut h = Heap::new();
        let l = build(&mut h, 500);
        let keep = copy_to_fragment(l);
        let mut roots = [l];
        h.collect_minor(&mut [&mut roots], 0);
        // First collection: survivors stay young (aged).
        assert_eq!(h.old_words(), 0);
        assert_eq!(h.young_live, 500 * 7);
        assert!(eq_exact(roots[0], keep.term));
        // Young data made after it is not aged: it is copied, not promoted.
        let fresh = make_tuple(&mut h, &[roots[0], Term::small(1)]);
        let mut roots = [roots[0], fresh];
        assert!(!h.next_is_major() || cfg!(feature = "gc-stress"));
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(h.old_words(), 500 * 7);
        assert_eq!(h.young_live, 3);
        assert!(eq_exact(roots[0], keep.term));
        let t = roots[1].tuple().map(|t| t.to_vec()).unwrap_or_default();
        assert_eq!(t[0], roots[0], "sharing kept across generations");
        // Old data is left in place by later minor collections.
        let before = roots[0];
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(roots[0], before);
        assert_eq!(h.minor_gcs, 3);
        // A major collection gathers everything into the young generation
        // and drops the old one; the next minor promotes it all again.
        h.collect_major(&mut [&mut roots], 0);
        assert_eq!(h.old_words(), 0);
        assert_eq!(h.live_words(), 500 * 7 + 3);
        assert!(eq_exact(roots[0], keep.term));
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(h.old_words(), 500 * 7 + 3);
        assert!(eq_exact(roots[0], keep.term));
    }

    #[test]
    fn old_garbage_is_freed_by_major_gc_only() {
        let mut h = Heap::new();
        let l = build(&mut h, 100);
        let mut roots = [l];
        h.collect_minor(&mut [&mut roots], 0);
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(h.old_words(), 700);
        roots[0] = Term::NIL;
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(
            h.old_words(),
            700,
            "a minor collection leaves old data alone"
        );
        h.collect_major(&mut [&mut roots], 0);
        assert_eq!(h.live_words(), 0);
        assert_eq!(h.total_size(), h.heap_size());
    }

    #[test]
    fn fullsweep_after_turns_collections_major() {
        if cfg!(feature = "gc-stress") {
            return; // gc-stress alternates on its own
        }
        let mut h = Heap::new();
        h.set_fullsweep_after(2);
        let mut roots = [Term::NIL];
        for _ in 0..6 {
            h.collect(&mut [&mut roots], 0);
        }
        assert_eq!((h.minor_gcs, h.major_gcs), (4, 2));
        let mut h = Heap::new();
        h.set_fullsweep_after(0);
        h.collect(&mut [&mut roots], 0);
        assert_eq!((h.minor_gcs, h.major_gcs), (0, 1));
    }

    #[test]
    fn young_size_grows_and_shrinks_along_the_table() {
        let mut h = Heap::new();
        let l = build(&mut h, 2000); // 14000 words live
        let mut roots = [l];
        h.collect_major(&mut [&mut roots], 0);
        let grown = h.heap_size();
        assert!(grown >= 2 * 14000 && HEAP_SIZES.contains(&grown), "{grown}");
        // Promoted: the young generation shrinks back.
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(h.heap_size(), MIN_HEAP_SIZE);
        assert!(h.total_size() >= 14000 + MIN_HEAP_SIZE);
        roots[0] = Term::NIL;
        h.collect_major(&mut [&mut roots], 0);
        assert_eq!(h.total_size(), MIN_HEAP_SIZE);
        // min_heap_size rounds up to the table and bounds shrinking.
        assert_eq!(h.set_min_heap_size(1000), MIN_HEAP_SIZE);
        h.collect_major(&mut [&mut roots], 0);
        assert_eq!(h.heap_size(), 1598);
    }

    #[test]
    fn off_heap_binaries_follow_their_handles_across_generations() {
        let live0 = crate::term::binary::off_heap_live();
        let mut h = Heap::new();
        let b = make_binary(&mut h, &[7u8; 1000]);
        let mut roots = [b];
        h.collect_minor(&mut [&mut roots], 0);
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(h.old_mso.len(), 1);
        assert_eq!(h.mso.len(), 0);
        assert_eq!(h.gc_info().bin_old_vheap_size, 125);
        assert_eq!(roots[0].bitstring().map(|s| s.byte_size()), Some(1000));
        roots[0] = Term::NIL;
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(
            h.off_heap_handles(),
            1,
            "old handles die at a major collection"
        );
        h.collect_major(&mut [&mut roots], 0);
        assert_eq!(h.off_heap_handles(), 0);
        // Other tests run concurrently: only check this one's buffer is not leaked
        // by looking at our own heap's handles (the global count is shared).
        let _ = live0;
    }

    #[test]
    fn attached_fragments_are_young() {
        let mut src = Heap::new();
        let l = build(&mut src, 50);
        let f = copy_to_fragment(l);
        let mut h = Heap::new();
        let mut roots = [f.term];
        h.attach(f.block);
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(
            h.old_words(),
            0,
            "a fragment's data is not promoted at once"
        );
        h.collect_minor(&mut [&mut roots], 0);
        assert_eq!(h.old_words(), 350);
        assert!(eq_exact(roots[0], l));
    }
}
