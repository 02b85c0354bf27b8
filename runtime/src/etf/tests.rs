//! The ETF codec against bytes recorded from erl (`record.escript`).

use super::{decode, encode, DecodeError, DecodeOptions, EncodeOptions};
use crate::heap::{self, Heap};
use crate::term::printable::debug_string;
use crate::term::Term;

#[allow(clippy::all)]
#[rustfmt::skip]
mod cases;

fn opts(minor: u8) -> EncodeOptions {
    EncodeOptions {
        minor_version: minor,
        compressed: None,
    }
}

fn decode_all(h: &mut Heap, bytes: &[u8]) -> Result<Term, DecodeError> {
    let (t, used) = decode(h, bytes, DecodeOptions::default())?;
    assert_eq!(used, bytes.len());
    Ok(t)
}

/// Every recorded term decodes to what erl printed and encodes back to the
/// very bytes erl produced, with each minor version.
#[test]
fn recorded_terms_encode_byte_for_byte_and_round_trip() {
    assert!(cases::CASES.len() >= 200);
    let mut h = Heap::new();
    for &(text, default, minor0, minor2) in cases::CASES {
        for (bytes, minor) in [(default, 1), (minor0, 0), (minor2, 2)] {
            let t = match decode_all(&mut h, bytes) {
                Ok(t) => t,
                Err(e) => panic!("{text}: decode {e:?}"),
            };
            assert_eq!(debug_string(t), text, "decoded term of {bytes:?}");
            assert_eq!(
                encode(t, &opts(minor)).as_deref(),
                Ok(bytes),
                "{text} minor {minor}"
            );
        }
    }
}

#[test]
fn compressed_input_from_erl_decodes() {
    let mut h = Heap::new();
    for &(text, bytes) in cases::COMPRESSED {
        let t = decode_all(&mut h, bytes).unwrap_or(Term::NON_VALUE);
        assert_eq!(debug_string(t), text);
        // Ours compresses too (zlib bytes may differ from erl's) and round-trips.
        let o = EncodeOptions {
            compressed: Some(6),
            ..EncodeOptions::default()
        };
        let ours = encode(t, &o).unwrap_or_default();
        let back = decode_all(&mut h, &ours).unwrap_or(Term::NON_VALUE);
        assert_eq!(debug_string(back), text);
    }
}

#[test]
fn string_ext_stops_at_65535_elements() {
    let mut h = Heap::new();
    for (n, tag) in [(65535usize, super::tag::STRING), (65536, super::tag::LIST)] {
        let items = vec![Term::small(7); n];
        let t = heap::list(&mut h, &items);
        let bytes = encode(t, &EncodeOptions::default()).unwrap_or_default();
        assert_eq!(bytes[1], tag);
        let back = decode_all(&mut h, &bytes).unwrap_or(Term::NIL);
        assert_eq!(back.list_len(), Some(n));
    }
}

#[test]
fn garbage_never_panics() {
    // A xorshift generator: deterministic, no dependency.
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let mut h = Heap::new();
    // Pure noise, and mutations of valid encodings (which get further in).
    for i in 0..20_000 {
        let mut bytes: Vec<u8> = if i % 2 == 0 {
            let n = (next() % 64) as usize;
            let mut v = vec![131u8];
            v.extend((0..n).map(|_| next() as u8));
            v
        } else {
            let c = &cases::CASES[(next() as usize) % cases::CASES.len()];
            c.1.to_vec()
        };
        if i % 2 == 1 {
            for _ in 0..1 + next() % 4 {
                let at = (next() as usize) % bytes.len();
                bytes[at] = next() as u8;
            }
            if next() % 3 == 0 {
                let cut = (next() as usize) % bytes.len();
                bytes.truncate(cut);
            }
        }
        let _ = decode(&mut h, &bytes, DecodeOptions::default());
    }
    // Absurd lengths are refused before allocating.
    for bytes in [
        &[131, 108, 255, 255, 255, 255, 106][..],
        &[131, 105, 255, 255, 255, 255],
        &[131, 116, 255, 255, 255, 255],
        &[131, 111, 255, 255, 255, 255, 0],
        &[131, 80, 255, 255, 255, 255, 1, 2, 3],
        &[131],
        &[],
        &[130, 97, 1],
    ] {
        assert_eq!(
            decode(&mut h, bytes, DecodeOptions::default()).map(|r| r.1),
            Err(DecodeError::Bad)
        );
    }
    // Deep nesting is refused, not a stack overflow.
    let mut deep = vec![131u8];
    deep.extend(std::iter::repeat_n([104u8, 1], 100_000).flatten());
    deep.push(106);
    assert_eq!(
        decode(&mut h, &deep, DecodeOptions::default()).map(|r| r.1),
        Err(DecodeError::Bad)
    );
}

#[test]
fn safe_refuses_new_atoms_and_closures_are_not_supported() {
    let mut h = Heap::new();
    let fresh = [
        131, 119, 12, b'n', b'o', b'_', b's', b'u', b'c', b'h', b'_', b'a', b't', b'o', b'm',
    ];
    let safe = DecodeOptions { safe: true };
    assert_eq!(
        decode(&mut h, &fresh, safe).map(|r| r.1),
        Err(DecodeError::Bad)
    );
    assert!(decode(&mut h, &fresh, DecodeOptions::default()).is_ok());
    assert!(decode(&mut h, &fresh, safe).is_ok());
    assert_eq!(
        decode(&mut h, &[131, 112, 0, 0, 0, 0], DecodeOptions::default()).map(|r| r.1),
        Err(DecodeError::NotSupported("closure"))
    );
}

/// Pids, refs and ports of another node, recorded from erl 25 (`<8362.42.1>`
/// there: the node index is the BEAM's own and differs here).
#[test]
fn remote_identifiers_round_trip_and_print_like_erl() {
    let mut h = Heap::new();
    let node: &[u8] = &[
        100, 0, 10, b'o', b't', b'h', b'e', b'r', b'@', b'h', b'o', b's', b't',
    ];
    let with = |tag: &[u8], rest: &[u8]| [&[131][..], tag, node, rest].concat();
    let pid = with(&[88], &[0, 0, 0, 42, 0, 0, 0, 1, 0, 0, 0, 7]);
    let r3 = with(
        &[90, 0, 3],
        &[0, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3],
    );
    let r5 = with(
        &[90, 0, 5],
        &[
            0, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5,
        ],
    );
    let port = with(&[89], &[0, 0, 0, 9, 0, 0, 0, 7]);
    let big_port = with(&[120], &[0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0, 7]);
    for (bytes, shape) in [
        (&pid, "<N.42.1>"),
        (&r3, "#Ref<N.3.2.1>"),
        (&r5, "#Ref<N.5.4.3.2.1>"),
        (&port, "#Port<N.9>"),
        (&big_port, "#Port<N.4294967305>"),
    ] {
        let t = decode_all(&mut h, bytes).unwrap_or(Term::NON_VALUE);
        let printed = debug_string(t);
        let n = crate::dist::node_index(crate::term::Atom::intern("other@host"));
        assert_ne!(n, 0);
        assert_eq!(printed, shape.replace('N', &n.to_string()));
        assert_eq!(encode(t, &opts(1)).as_deref(), Ok(&bytes[..]), "{printed}");
    }
    let p = decode_all(&mut h, &pid).unwrap_or(Term::NON_VALUE);
    assert!(p.is_any_pid() && !p.is_pid());
    assert!(decode_all(&mut h, &r5).is_ok_and(Term::is_any_ref));
    // A local pid when not alive, as erl writes self() (`<0.9.0>`).
    let local = [
        131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0,
        0, 9, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
    assert_eq!(decode_all(&mut h, &local), Ok(Term::pid(9)));
    // Term order (erl: [#Ref<0...>, #Ref<8362.3.2.1>, #Port<8362.9>, <0.9.0>,
    // <8362.42.1>] when not alive: nodes compare by name).
    let mut v = [
        p,
        Term::pid(9),
        decode_all(&mut h, &r3).unwrap_or(Term::NIL),
        heap::make_ref(&mut h, 5),
        decode_all(&mut h, &port).unwrap_or(Term::NIL),
    ];
    v.sort_by(|a, b| crate::term::order::cmp(*a, *b));
    let shown: Vec<String> = v.iter().map(|t| debug_string(*t)).collect();
    let n = crate::dist::node_index(crate::term::Atom::intern("other@host"));
    assert_eq!(
        shown,
        [
            "#Ref<0.0.0.5>".to_string(),
            format!("#Ref<{n}.3.2.1>"),
            format!("#Port<{n}.9>"),
            "<0.9.0>".to_string(),
            format!("<{n}.42.1>"),
        ]
    );
}
