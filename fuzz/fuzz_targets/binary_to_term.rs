//! `binary_to_term` on arbitrary bytes: an error (`badarg`) or a term, never
//! a panic; and a decoded term encodes to bytes that decode to the same
//! encoding again.
#![no_main]

use eubeam_runtime::etf::{decode, encode, DecodeOptions, EncodeOptions};
use eubeam_runtime::heap::Heap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut heap = Heap::new();
    let Ok((term, _used)) = decode(&mut heap, data, DecodeOptions::default()) else {
        return;
    };
    let opts = EncodeOptions {
        minor_version: 2,
        compressed: None,
    };
    let Ok(bytes) = encode(term, &opts) else {
        return;
    };
    let (again, used) = decode(&mut heap, &bytes, DecodeOptions::default())
        .unwrap_or_else(|e| panic!("our own encoding does not decode: {e:?}"));
    assert_eq!(used, bytes.len());
    assert_eq!(encode(again, &opts).ok(), Some(bytes), "round trip changed the term");
});
