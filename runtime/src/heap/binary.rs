//! Construction of binaries, and the ownership of off-heap buffers.
//!
//! Binaries of fewer than [`OFF_HEAP_MIN`] bytes are heap objects (copied
//! like any term). Larger ones live in an [`OffHeapBin`] behind an `Arc`;
//! the heap holds a small `ProcBin` handle (header, byte length, pointer).
//!
//! Ownership rule: every `ProcBin` object in some memory (a process heap, a
//! message fragment, a literal area) owns exactly one strong count of its
//! buffer, and that memory lists the object's address in its MSO list
//! ([`Mso`], "mark-sweep off-heap" list, as on the BEAM). Copying a handle
//! into a message increments the count (the bytes are never copied); the
//! garbage collector moves handles without touching counts and, after a
//! collection, releases the count of every listed handle that was not
//! moved (it died); dropping a heap or an unreceived fragment releases all
//! of its handles. So a buffer is freed as soon as no process, message or
//! module references it (up to the next collection of the last holder).

use std::sync::Arc;

use super::{write_words, Alloc};
use crate::term::binary::{OffHeapBin, OFF_HEAP_MIN};
use crate::term::{make_header, Sub, Term};

/// Addresses of `ProcBin` objects owned by one memory (see module doc).
#[derive(Default)]
pub struct Mso(Vec<*mut u64>);

// SAFETY: the pointers address objects inside the memory that owns this list
// (a heap, fragment or literal area); the list moves between threads only
// together with that memory, and literal areas are only read once shared.
unsafe impl Send for Mso {}
// SAFETY: as above; `&Mso` gives no way to mutate.
unsafe impl Sync for Mso {}

impl Mso {
    pub fn push(&mut self, obj: *mut u64) {
        self.0.push(obj);
    }

    pub fn take(&mut self) -> Vec<*mut u64> {
        std::mem::take(&mut self.0)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Release the strong count owned by the `ProcBin` object at `obj`.
pub(super) fn release(obj: *mut u64) {
    // SAFETY: `obj` is a ProcBin object (header, length, Arc pointer) listed
    // in an MSO list, so its word 2 came from `Arc::into_raw` and owns one
    // strong count that nothing else releases (the entry is dropped from the
    // list by the caller).
    unsafe {
        let arc = *obj.add(2) as *const OffHeapBin;
        Arc::decrement_strong_count(arc);
    }
}

/// Release every handle of a dying memory.
pub(super) fn release_all(mso: &mut Mso) {
    for obj in mso.take() {
        release(obj);
    }
}

/// A `ProcBin` object was just copied to `p` in `to` (a new handle to the
/// same buffer): take a strong count for it and track it.
pub(super) fn retain_copied_handle(to: &mut impl Alloc, p: *mut u64) {
    // SAFETY: `p` holds a copy of a live ProcBin object (3 words); the
    // original's count keeps the Arc alive while we add one for the copy.
    let (bytes, arc) = unsafe { (*p.add(1) as usize, *p.add(2) as *const OffHeapBin) };
    // SAFETY: `arc` came from `Arc::into_raw` and is alive (see above).
    unsafe { Arc::increment_strong_count(arc) };
    to.track_off_heap(p, bytes);
}

/// A `ProcBin` handle for `data` (which must be at least OFF_HEAP_MIN bytes
/// for the representation to be canonical; smaller data works too).
fn make_proc_bin(a: &mut impl Alloc, data: Box<[u8]>) -> Term {
    let len = data.len();
    let arc = Arc::into_raw(Arc::new(OffHeapBin::new(data)));
    let p = a.alloc_words(3);
    write_words(p, &[make_header(Sub::ProcBin, 2), len as u64, arc as u64]);
    a.track_off_heap(p, len);
    Term::boxed_ptr(p, a.is_literal())
}

/// A heap binary holding `bytes` (fewer than OFF_HEAP_MIN).
fn make_heap_bin(a: &mut impl Alloc, bytes: &[u8]) -> Term {
    let words = bytes.len().div_ceil(8);
    let p = a.alloc_words(2 + words);
    write_words(
        p,
        &[make_header(Sub::Binary, 1 + words), bytes.len() as u64],
    );
    // SAFETY: `p` has 2 + words words; the bytes fit in `words` words; the
    // last word is zeroed first so that no byte of it is uninitialized.
    unsafe {
        if words > 0 {
            *p.add(1 + words) = 0;
        }
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), p.add(2) as *mut u8, bytes.len());
    }
    Term::boxed_ptr(p, a.is_literal())
}

/// A binary with these bytes (heap or off-heap by size).
pub fn make_binary(a: &mut impl Alloc, bytes: &[u8]) -> Term {
    if bytes.len() < OFF_HEAP_MIN {
        make_heap_bin(a, bytes)
    } else {
        make_proc_bin(a, bytes.into())
    }
}

/// A binary from an owned buffer (large buffers are moved, not copied).
pub fn make_binary_from_vec(a: &mut impl Alloc, bytes: Vec<u8>) -> Term {
    if bytes.len() < OFF_HEAP_MIN {
        make_heap_bin(a, &bytes)
    } else {
        make_proc_bin(a, bytes.into_boxed_slice())
    }
}

/// A bitstring of `bits` bits taken from the start of `bytes` (bits past
/// `bits` in the last byte are ignored).
pub fn make_bitstring(a: &mut impl Alloc, bytes: Vec<u8>, bits: usize) -> Term {
    debug_assert!(bits <= bytes.len() * 8);
    if bits.is_multiple_of(8) && bits / 8 == bytes.len() {
        return make_binary_from_vec(a, bytes);
    }
    let whole = make_binary_from_vec(a, bytes);
    sub_object(a, whole, 0, bits)
}

fn sub_object(a: &mut impl Alloc, underlying: Term, offset: usize, size: usize) -> Term {
    let p = a.alloc_words(4);
    write_words(
        p,
        &[
            make_header(Sub::SubBin, 3),
            size as u64,
            offset as u64,
            underlying.raw(),
        ],
    );
    Term::boxed_ptr(p, a.is_literal())
}

/// The `len` bits of bitstring `t` starting at bit `pos`, sharing its data
/// (no bytes are copied). `None` if `t` is no bitstring or the range is out
/// of bounds.
pub fn make_sub_binary(a: &mut impl Alloc, t: Term, pos: usize, len: usize) -> Option<Term> {
    let parts = t.bit_parts()?;
    if pos.checked_add(len)? > parts.size {
        return None;
    }
    if pos == 0 && len == parts.size {
        return Some(t);
    }
    Some(sub_object(a, parts.underlying, parts.offset + pos, len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::{copy_to_fragment, Heap};
    use crate::term::binary::bin_bytes_copied;
    use crate::term::order::eq_exact;

    fn weak_of(t: Term) -> std::sync::Weak<OffHeapBin> {
        let p = t
            .bit_parts()
            .and_then(|b| b.underlying.off_heap_ptr())
            .expect("an off-heap binary");
        // SAFETY (test): the handle owns a count; rebuild an Arc temporarily
        // with one extra count so dropping it leaves the count unchanged.
        unsafe {
            Arc::increment_strong_count(p);
            let arc = Arc::from_raw(p);
            Arc::downgrade(&arc)
        }
    }

    #[test]
    fn heap_and_off_heap_binaries_read_back() {
        let mut h = Heap::new();
        let small = make_binary(&mut h, b"hello");
        let data: Vec<u8> = (0..200u32).map(|i| i as u8).collect();
        let big = make_binary(&mut h, &data);
        assert_eq!(small.sub(), Some(Sub::Binary));
        assert_eq!(big.sub(), Some(Sub::ProcBin));
        assert_eq!(small.binary_bytes().as_deref(), Some(&b"hello"[..]));
        assert_eq!(big.binary_bytes(), Some(data.clone()));
        let sub = make_sub_binary(&mut h, big, 8 * 10, 8 * 5).expect("in range");
        assert_eq!(sub.binary_bytes(), Some(data[10..15].to_vec()));
        // A sub-binary of a sub-binary points at the original.
        let sub2 = make_sub_binary(&mut h, sub, 8, 16).expect("in range");
        assert_eq!(sub2.bit_parts().map(|p| p.underlying), Some(big));
        assert_eq!(sub2.binary_bytes(), Some(data[11..13].to_vec()));
        // Bit-level slices.
        let bits = make_sub_binary(&mut h, small, 3, 7).expect("in range");
        let v = bits.bitstring().expect("bitstring");
        assert_eq!(v.bit_size(), 7);
        assert!(!v.is_binary() && bits.is_bitstring() && !bits.is_binary());
        // 'h' = 0x68 = 0110_1000, 'e' = 0x65 = 0110_0101: bits 3..10 = 01000_01
        assert_eq!(v.read_bits(0, 7), 0b010_0001);
        assert!(make_sub_binary(&mut h, small, 30, 11).is_none());
        let bs = make_bitstring(&mut h, vec![0b1010_0000], 3);
        assert_eq!(
            bs.bitstring().map(|b| (b.bit_size(), b.read_bits(0, 3))),
            Some((3, 5))
        );
    }

    #[test]
    fn off_heap_buffer_freed_after_gc_and_heap_drop() {
        let mut h = Heap::new();
        let big = make_binary(&mut h, &[7u8; 1000]);
        let w = weak_of(big);
        let sub = make_sub_binary(&mut h, big, 8, 8).expect("in range");
        // Only the sub-binary stays a root: the handle survives through it.
        let mut roots = [sub];
        h.collect(&mut [&mut roots], 0);
        assert!(w.upgrade().is_some());
        assert_eq!(roots[0].binary_bytes(), Some(vec![7]));
        assert_eq!(h.off_heap_handles(), 1);
        // Dropping the last reference frees the buffer at the next collection.
        let mut roots = [Term::NIL];
        h.collect(&mut [&mut roots], 0);
        assert!(w.upgrade().is_none());
        assert_eq!(h.off_heap_handles(), 0);
        // Heap death releases live handles too.
        let big2 = make_binary(&mut h, &[1u8; 100]);
        let w2 = weak_of(big2);
        drop(h);
        assert!(w2.upgrade().is_none());
    }

    #[test]
    fn messages_share_off_heap_data() {
        let mut h = Heap::new();
        let big = make_binary(&mut h, &vec![3u8; 1 << 20]);
        let w = weak_of(big);
        let before = bin_bytes_copied();
        let mut receiver = Heap::new();
        let mut received = Vec::new();
        for _ in 0..100 {
            let f = copy_to_fragment(big);
            received.push(f.term);
            receiver.attach(f.block);
        }
        // Far less than one copy of the 1 MiB buffer (other tests running
        // at the same time may copy a few small binaries).
        assert!(bin_bytes_copied() - before < 1 << 20);
        assert!(eq_exact(received[99], big));
        assert_eq!(w.strong_count(), 101);
        // Unreceived fragments release their handle when dropped.
        drop(copy_to_fragment(big));
        assert_eq!(w.strong_count(), 101);
        let mut roots = [received[0]];
        receiver.collect(&mut [&mut roots], 0);
        assert_eq!(w.strong_count(), 2);
        drop(receiver);
        drop(h);
        assert!(w.upgrade().is_none());
    }

    #[test]
    fn literal_binaries_are_built() {
        let mut h = Heap::new();
        let t = crate::heap::build_literal(&mut h, &eubeam_ir::Literal::Binary(b"abc".to_vec()))
            .expect("builds");
        assert_eq!(t.binary_bytes(), Some(b"abc".to_vec()));
        let f = crate::heap::literal_fragment(&eubeam_ir::Literal::Binary(vec![9; 70]))
            .expect("builds");
        assert_eq!(f.term.binary_bytes(), Some(vec![9; 70]));
    }
}
