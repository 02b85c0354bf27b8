//! Erlang term order and equality.
//!
//! number < atom < reference < fun < port < pid < tuple < map < [] < list <
//! bitstring. `==` compares integers and floats by value; `=:=` does not
//! (there, and in map key order, every integer sorts before every float).

use std::cmp::Ordering;

use super::{big, Sub, Term};

fn class_rank(t: Term) -> u8 {
    if t.is_small() {
        return 0;
    }
    if t.is_atom() {
        return 2;
    }
    if t.is_pid() {
        return 6;
    }
    if t.is_nil() {
        return 9;
    }
    if t.is_cons() {
        return 10;
    }
    match t.sub() {
        Some(Sub::Float | Sub::PosBig | Sub::NegBig) => 0,
        Some(Sub::Ref | Sub::ExtRef) => 3,
        Some(Sub::ExtPid) => 6,
        Some(Sub::ExtPort) => 5,
        Some(Sub::Fun | Sub::Export) => 4,
        Some(Sub::Tuple) => 7,
        Some(Sub::Map | Sub::HashMap) => 8,
        Some(Sub::Binary | Sub::ProcBin | Sub::SubBin) => 11,
        Some(Sub::LuaTable) => 12,
        // Never a value; ranked apart so a stray node cannot compare equal.
        Some(Sub::HashNode) => 13,
        None => 13,
    }
}

/// Pids order by node name, creation, then number and serial.
fn pid_key(t: Term) -> (&'static str, u32, u64, u32) {
    if let Some(n) = t.as_pid() {
        let (node, creation) = crate::dist::this_node();
        return (node.text(), creation, n & 0xffff_ffff, (n >> 32) as u32);
    }
    match t.ext_pid() {
        Some(x) => (x.node.text(), x.creation, u64::from(x.id), x.serial),
        None => ("", 0, 0, 0),
    }
}

/// References order by node name, creation, then their words from the most
/// significant one.
fn ref_key(t: Term) -> (&'static str, u32, Vec<u32>) {
    if let Some(id) = t.ref_id() {
        let (node, creation) = crate::dist::this_node();
        let w = vec![
            ((id >> 40) & 0xff_ffff) as u32,
            ((id >> 20) & 0xf_ffff) as u32,
            (id & 0xf_ffff) as u32,
        ];
        return (node.text(), creation, w);
    }
    match t.ext_ref() {
        Some(x) => (
            x.node.text(),
            x.creation,
            x.words().iter().rev().copied().collect(),
        ),
        None => ("", 0, Vec::new()),
    }
}

fn cmp_numbers(a: Term, b: Term, exact: bool) -> Ordering {
    // Fast path: two small integers.
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        return x.cmp(&y);
    }
    let (fa, fb) = (a.as_float(), b.as_float());
    // `=:=` and map keys (OTP's map key order): every integer sorts before
    // every float, whatever their values (`#{1.0 => a, 2 => b}` lists 2 first).
    if exact && fa.is_some() != fb.is_some() {
        return if fa.is_none() {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    match (fa, fb) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        // Integer against float: exact, never by rounding the integer.
        (None, Some(y)) => match a.as_int() {
            Some(x) => big::cmp_small_float(x, y),
            None => big::to_bigint(a).map_or(Ordering::Equal, |x| big::cmp_int_float(&x, y)),
        },
        (Some(x), None) => match b.as_int() {
            Some(y) => big::cmp_small_float(y, x).reverse(),
            None => {
                big::to_bigint(b).map_or(Ordering::Equal, |y| big::cmp_int_float(&y, x).reverse())
            }
        },
        // Two integers, at least one big (a bignum is never in the small range).
        (None, None) => match (big::to_bigint(a), big::to_bigint(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => Ordering::Equal,
        },
    }
}

/// Term order as `<`/`==` see it (`1 == 1.0`).
pub fn cmp(a: Term, b: Term) -> Ordering {
    compare(a, b, false)
}

/// Term order where `1` and `1.0` differ (`=:=`, map keys).
pub fn cmp_exact(a: Term, b: Term) -> Ordering {
    compare(a, b, true)
}

pub fn eq(a: Term, b: Term) -> bool {
    if a.is_immediate() && b.is_immediate() {
        // Immediates are unique: equal exactly when the words are.
        return a == b;
    }
    a == b || compare(a, b, false) == Ordering::Equal
}

pub fn eq_exact(a: Term, b: Term) -> bool {
    if a.is_immediate() || b.is_immediate() {
        // An immediate equals only the identical word (floats are boxed).
        return a == b;
    }
    a == b || compare(a, b, true) == Ordering::Equal
}

fn compare(a: Term, b: Term, exact: bool) -> Ordering {
    // Iterative over list tails; recursion only into heads and tuple elements.
    let mut a = a;
    let mut b = b;
    loop {
        if a == b {
            return Ordering::Equal;
        }
        let (ra, rb) = (class_rank(a), class_rank(b));
        if ra != rb {
            return ra.cmp(&rb);
        }
        match ra {
            0 => return cmp_numbers(a, b, exact),
            2 => {
                let (x, y) = (a.as_atom(), b.as_atom());
                return match (x, y) {
                    (Some(x), Some(y)) => x.text().cmp(y.text()),
                    _ => Ordering::Equal,
                };
            }
            6 => return pid_key(a).cmp(&pid_key(b)),
            3 => return ref_key(a).cmp(&ref_key(b)),
            5 => {
                let (x, y) = (a.ext_port(), b.ext_port());
                let kx = x.map(|x| (x.node.text(), x.creation, x.id));
                let ky = y.map(|y| (y.node.text(), y.creation, y.id));
                return kx.cmp(&ky);
            }
            4 => return cmp_funs(a, b, exact),
            7 => {
                let (Some(x), Some(y)) = (a.tuple(), b.tuple()) else {
                    return Ordering::Equal;
                };
                if x.len() != y.len() {
                    return x.len().cmp(&y.len());
                }
                for i in 0..x.len() {
                    let o = compare(
                        x.get(i).unwrap_or(Term::NIL),
                        y.get(i).unwrap_or(Term::NIL),
                        exact,
                    );
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                return Ordering::Equal;
            }
            8 => {
                // Size, then keys in ascending exact order, then values in
                // key order (OTP's map order, whatever the representation).
                let (Some(x), Some(y)) = (a.map(), b.map()) else {
                    return Ordering::Equal;
                };
                if x.len() != y.len() {
                    return x.len().cmp(&y.len());
                }
                let (px, py) = (x.pairs(), y.pairs());
                for (p, q) in px.iter().zip(py.iter()) {
                    let o = compare(p.0, q.0, true);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                for (p, q) in px.iter().zip(py.iter()) {
                    let o = compare(p.1, q.1, exact);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                return Ordering::Equal;
            }
            9 => return Ordering::Equal,
            // Lua objects: by arena slot (one reference term per object).
            12 => {
                return a
                    .boxed_elem(0)
                    .map(|t| t.raw())
                    .cmp(&b.boxed_elem(0).map(|t| t.raw()))
            }
            11 => {
                return match (a.bitstring(), b.bitstring()) {
                    (Some(x), Some(y)) => super::binary::cmp_bits(&x, &y),
                    _ => Ordering::Equal,
                };
            }
            10 => {
                let (Some((ha, ta)), Some((hb, tb))) = (a.cons(), b.cons()) else {
                    return Ordering::Equal;
                };
                let o = compare(ha, hb, exact);
                if o != Ordering::Equal {
                    return o;
                }
                a = ta;
                b = tb;
            }
            _ => return a.raw().cmp(&b.raw()),
        }
    }
}

fn cmp_funs(a: Term, b: Term, exact: bool) -> Ordering {
    match (a.closure(), b.closure()) {
        (Some(x), Some(y)) => {
            let o = (x.code, x.index).cmp(&(y.code, y.index));
            if o != Ordering::Equal {
                return o;
            }
            if x.nfree != y.nfree {
                return x.nfree.cmp(&y.nfree);
            }
            for i in 0..x.nfree {
                let o = compare(x.free(i), y.free(i), exact);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => match (a.export_fun(), b.export_fun()) {
            (Some((m1, f1, a1)), Some((m2, f2, a2))) => m1
                .text()
                .cmp(m2.text())
                .then_with(|| f1.text().cmp(f2.text()))
                .then(a1.cmp(&a2)),
            _ => Ordering::Equal,
        },
    }
}
