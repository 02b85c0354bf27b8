//! Read access to binaries and bitstrings.
//!
//! Three boxed objects hold bitstring data (layouts in spec/runtime.md):
//!
//! | subtag | object | words after the header |
//! |---|---|---|
//! | `Binary` (8) | heap binary, fewer than [`OFF_HEAP_MIN`] bytes | byte length, then the bytes packed little-endian into words |
//! | `ProcBin` (10) | handle to an off-heap, reference-counted buffer | byte length, `Arc::into_raw` pointer |
//! | `SubBin` (11) | a slice of another binary, in bits | bit size, bit offset, the underlying `Binary`/`ProcBin` term |
//!
//! A sub-binary never points at another sub-binary (construction resolves
//! the chain), so the bytes of any bitstring are found in one step.
//! Every bitstring term is seen through a [`BitSlice`]: a base byte pointer,
//! a bit offset and a bit size. Bits are numbered from the most significant
//! bit of the first byte, as the bit syntax reads them.
//!
//! Validity: a `BitSlice` points into a process heap (heap binaries) or into
//! an off-heap buffer kept alive by the handle it was read from; like any
//! term pointer it is valid until the next garbage collection of the process
//! that holds the term (module access invariant in `term/mod.rs`).

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::{Sub, Term};

/// Binaries of this many bytes and more live off-heap, reference-counted.
pub const OFF_HEAP_MIN: usize = 64;

/// Off-heap buffers currently alive (all VMs in this OS process).
static OFF_HEAP_LIVE: AtomicUsize = AtomicUsize::new(0);
/// Bytes held by live off-heap buffers (`erlang:memory(binary)`).
static OFF_HEAP_BYTES: AtomicUsize = AtomicUsize::new(0);
/// Bytes of binary data copied when terms were copied between memories
/// (messages, spawn arguments, exit reasons). Off-heap data is never
/// copied there, so sending a large binary adds nothing.
static BIN_BYTES_COPIED: AtomicU64 = AtomicU64::new(0);

/// Number of live off-heap binary buffers.
pub fn off_heap_live() -> usize {
    OFF_HEAP_LIVE.load(Ordering::SeqCst)
}

/// Bytes of data in live off-heap binary buffers (all VMs in this OS
/// process): `erlang:memory(binary)`.
pub fn off_heap_bytes() -> usize {
    OFF_HEAP_BYTES.load(Ordering::Relaxed)
}

/// Bytes of binary data copied by term copies so far (see [`BIN_BYTES_COPIED`]).
pub fn bin_bytes_copied() -> u64 {
    BIN_BYTES_COPIED.load(Ordering::Relaxed)
}

pub(crate) fn count_bytes_copied(n: usize) {
    BIN_BYTES_COPIED.fetch_add(n as u64, Ordering::Relaxed);
}

/// The shared buffer of a large binary. Immutable once built; freed when the
/// last handle (`ProcBin` object) is released.
pub struct OffHeapBin {
    data: Box<[u8]>,
}

impl OffHeapBin {
    pub fn new(data: Box<[u8]>) -> OffHeapBin {
        OFF_HEAP_LIVE.fetch_add(1, Ordering::SeqCst);
        OFF_HEAP_BYTES.fetch_add(data.len(), Ordering::Relaxed);
        OffHeapBin { data }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.data
    }
}

impl Drop for OffHeapBin {
    fn drop(&mut self) {
        OFF_HEAP_LIVE.fetch_sub(1, Ordering::SeqCst);
        OFF_HEAP_BYTES.fetch_sub(self.data.len(), Ordering::Relaxed);
    }
}

/// A view of a bitstring's bits.
#[derive(Clone, Copy)]
pub struct BitSlice {
    base: *const u8,
    /// Offset of the first bit from `base`, in bits.
    offset: usize,
    /// Length in bits.
    size: usize,
}

impl BitSlice {
    pub fn bit_size(&self) -> usize {
        self.size
    }

    /// Bytes needed to hold the bits (rounded up).
    pub fn byte_size(&self) -> usize {
        self.size.div_ceil(8)
    }

    /// Whether the bit size is a multiple of 8 (a binary).
    pub fn is_binary(&self) -> bool {
        self.size.is_multiple_of(8)
    }

    /// The bytes, without copying, when the slice is byte-aligned and whole.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        if !self.offset.is_multiple_of(8) || !self.size.is_multiple_of(8) {
            return None;
        }
        // SAFETY: the slice lies within the underlying object's bytes (the
        // constructors check offset + size against the underlying length),
        // which stay live while `self` is valid (module doc).
        Some(unsafe { std::slice::from_raw_parts(self.base.add(self.offset / 8), self.size / 8) })
    }

    fn byte_at(&self, i: usize) -> u8 {
        // SAFETY: callers pass i < ceil((offset + size) / 8), inside the
        // underlying bytes (see `as_bytes`).
        unsafe { *self.base.add(i) }
    }

    /// Bit `i` (0 = first) of the slice.
    pub fn bit(&self, i: usize) -> bool {
        let b = self.offset + i;
        self.byte_at(b / 8) & (0x80 >> (b % 8)) != 0
    }

    /// `n` bits (n <= 64) from bit `pos`, as an unsigned big-endian number.
    /// Requires `pos + n <= bit_size()`.
    pub fn read_bits(&self, pos: usize, n: usize) -> u64 {
        debug_assert!(n <= 64 && pos + n <= self.size);
        let mut v: u64 = 0;
        let mut start = self.offset + pos;
        let mut left = n;
        while left > 0 {
            let byte = self.byte_at(start / 8);
            let in_byte = start % 8;
            let take = (8 - in_byte).min(left);
            let bits = (byte >> (8 - in_byte - take)) & (((1u16 << take) - 1) as u8);
            v = (v << take) | u64::from(bits);
            start += take;
            left -= take;
        }
        v
    }

    /// Byte `i` of the slice's content (bits `8i..8i+8`, zero-padded past the end).
    pub fn content_byte(&self, i: usize) -> u8 {
        let pos = i * 8;
        if pos + 8 <= self.size {
            self.read_bits(pos, 8) as u8
        } else if pos < self.size {
            let n = self.size - pos;
            (self.read_bits(pos, n) << (8 - n)) as u8
        } else {
            0
        }
    }

    /// The content as bytes; the last byte is zero-padded when the bit size
    /// is not a multiple of 8.
    pub fn to_vec(&self) -> Vec<u8> {
        if let Some(b) = self.as_bytes() {
            return b.to_vec();
        }
        (0..self.byte_size())
            .map(|i| self.content_byte(i))
            .collect()
    }
}

/// Where a bitstring's bits live: the underlying binary object (a `Binary`
/// or `ProcBin` term), the bit offset into it and the bit size.
#[derive(Clone, Copy, Debug)]
pub struct BitParts {
    pub underlying: Term,
    pub offset: usize,
    pub size: usize,
}

impl Term {
    /// Whether the term is a bitstring (any bit size).
    pub fn is_bitstring(self) -> bool {
        matches!(self.sub(), Some(Sub::Binary | Sub::ProcBin | Sub::SubBin))
    }

    /// Whether the term is a binary (a bitstring of whole bytes).
    pub fn is_binary(self) -> bool {
        self.bitstring().is_some_and(|b| b.is_binary())
    }

    /// The underlying object, offset and size of a bitstring.
    pub fn bit_parts(self) -> Option<BitParts> {
        match self.header()? {
            (Sub::Binary, n) if n >= 1 => Some(BitParts {
                underlying: self,
                offset: 0,
                size: self.word(1) as usize * 8,
            }),
            (Sub::ProcBin, 2) => Some(BitParts {
                underlying: self,
                offset: 0,
                size: self.word(1) as usize * 8,
            }),
            (Sub::SubBin, 3) => Some(BitParts {
                underlying: Term(self.word(3)),
                offset: self.word(2) as usize,
                size: self.word(1) as usize,
            }),
            _ => None,
        }
    }

    /// A view of a bitstring's bits.
    pub fn bitstring(self) -> Option<BitSlice> {
        let parts = self.bit_parts()?;
        let base = parts.underlying.binary_base()?;
        Some(BitSlice {
            base,
            offset: parts.offset,
            size: parts.size,
        })
    }

    /// The bytes of a binary (whole bytes), copied out.
    pub fn binary_bytes(self) -> Option<Vec<u8>> {
        let b = self.bitstring()?;
        if b.is_binary() {
            Some(b.to_vec())
        } else {
            None
        }
    }

    /// First byte of a `Binary` or `ProcBin` object's data.
    fn binary_base(self) -> Option<*const u8> {
        match self.header()? {
            // SAFETY: the bytes start after the header and the length word.
            (Sub::Binary, _) => Some(unsafe { self.ptr().add(2) } as *const u8),
            (Sub::ProcBin, 2) => {
                let arc = self.word(2) as *const OffHeapBin;
                // SAFETY: a ProcBin holds a strong count of this Arc (see
                // heap::binary), so the buffer is alive while the handle is.
                Some(unsafe { (*arc).bytes().as_ptr() })
            }
            _ => None,
        }
    }

    /// The off-heap buffer behind a `ProcBin` handle.
    pub fn off_heap_ptr(self) -> Option<*const OffHeapBin> {
        match self.header()? {
            (Sub::ProcBin, 2) => Some(self.word(2) as *const OffHeapBin),
            _ => None,
        }
    }
}

/// Bytewise comparison of two bitstrings (term order: content first, then a
/// shorter bitstring that is a prefix sorts first).
pub fn cmp_bits(a: &BitSlice, b: &BitSlice) -> std::cmp::Ordering {
    if let (Some(x), Some(y)) = (a.as_bytes(), b.as_bytes()) {
        return x.cmp(y);
    }
    let common = a.bit_size().min(b.bit_size());
    let mut pos = 0;
    while pos < common {
        let n = (common - pos).min(64);
        let (x, y) = (a.read_bits(pos, n), b.read_bits(pos, n));
        if x != y {
            return x.cmp(&y);
        }
        pos += n;
    }
    a.bit_size().cmp(&b.bit_size())
}

/// Builds a bitstring's content bit by bit (construction, `list_to_binary`).
#[derive(Default)]
pub struct BitWriter {
    bytes: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    pub fn with_capacity(bytes: usize) -> BitWriter {
        BitWriter {
            bytes: Vec::with_capacity(bytes),
            bits: 0,
        }
    }

    pub fn bit_len(&self) -> usize {
        self.bits
    }

    /// The low `n` bits of `v` (n <= 64), most significant first.
    pub fn push_bits(&mut self, v: u64, n: usize) {
        debug_assert!(n <= 64);
        if self.bits.is_multiple_of(8) && n.is_multiple_of(8) {
            for i in (0..n / 8).rev() {
                self.bytes.push((v >> (i * 8)) as u8);
            }
            self.bits += n;
            return;
        }
        for i in (0..n).rev() {
            let bit = (v >> i) & 1;
            if self.bits.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if bit != 0 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.bits % 8);
            }
            self.bits += 1;
        }
    }

    pub fn push_bytes(&mut self, b: &[u8]) {
        if self.bits.is_multiple_of(8) {
            self.bytes.extend_from_slice(b);
            self.bits += b.len() * 8;
        } else {
            for &x in b {
                self.push_bits(u64::from(x), 8);
            }
        }
    }

    /// The first `n` bits of `s`.
    pub fn push_slice(&mut self, s: &BitSlice, n: usize) {
        debug_assert!(n <= s.bit_size());
        if n.is_multiple_of(8) {
            if let Some(b) = s.as_bytes() {
                self.push_bytes(&b[..n / 8]);
                return;
            }
        }
        let mut pos = 0;
        while pos < n {
            let k = (n - pos).min(64);
            self.push_bits(s.read_bits(pos, k), k);
            pos += k;
        }
    }

    /// The content and its bit length.
    pub fn finish(self) -> (Vec<u8>, usize) {
        (self.bytes, self.bits)
    }
}
