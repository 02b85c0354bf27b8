//! The first-order part of the `maps` module, natively; the higher-order
//! functions (`fold`, `map`, `filter`, ...) are Erlang code in the Erlang
//! frontend's `lib/maps.erl`. Errors follow OTP 25: `{badmap, M}` for a
//! non-map, `{badkey, K}` for a missing key, `badarg` for a bad list or
//! iterator.

use super::{badarg, Ctx, NativeTable, Trap};
use crate::heap;
use crate::term::order::eq_exact;
use crate::term::{map::MapRef, Atom, Term};

/// The atom `none` (interned once; not among the fixed atoms).
fn none() -> Atom {
    static NONE: std::sync::OnceLock<Atom> = std::sync::OnceLock::new();
    *NONE.get_or_init(|| Atom::intern("none"))
}

fn badmap<T>(c: &mut Ctx, m: Term) -> Result<T, Trap> {
    let r = c.tuple(&[Term::atom(Atom::BADMAP), m]);
    Err(Trap::Error(r))
}

fn badkey<T>(c: &mut Ctx, k: Term) -> Result<T, Trap> {
    let r = c.tuple(&[Term::atom(Atom::BADKEY), k]);
    Err(Trap::Error(r))
}

fn map_of(c: &mut Ctx, m: Term) -> Result<MapRef, Trap> {
    match m.map() {
        Some(r) => Ok(r),
        None => badmap(c, m),
    }
}

fn new(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    Ok(heap::make_map(&mut c.p.heap, &mut Vec::new()))
}

fn get2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match map_of(c, a[1])?.get(a[0]) {
        Some(v) => Ok(v),
        None => badkey(c, a[0]),
    }
}

fn get3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(map_of(c, a[1])?.get(a[0]).unwrap_or(a[2]))
}

fn find(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match map_of(c, a[1])?.get(a[0]) {
        Some(v) => Ok(c.tuple(&[Term::OK, v])),
        None => Ok(Term::atom(Atom::ERROR)),
    }
}

fn is_key(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(map_of(c, a[1])?.get(a[0]).is_some()))
}

fn put(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match heap::map::put(&mut c.p.heap, a[2], a[0], a[1]) {
        Some(m) => Ok(m),
        None => badmap(c, a[2]),
    }
}

fn update(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match heap::map::update(&mut c.p.heap, a[2], a[0], a[1]) {
        Ok(m) => Ok(m),
        Err(true) => badmap(c, a[2]),
        Err(false) => badkey(c, a[0]),
    }
}

fn remove(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match heap::map::remove(&mut c.p.heap, a[1], a[0]) {
        Some(m) => Ok(m),
        None => badmap(c, a[1]),
    }
}

fn take(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match map_of(c, a[1])?.get(a[0]) {
        None => Ok(Term::atom(Atom::ERROR)),
        Some(v) => {
            let m = heap::map::remove(&mut c.p.heap, a[1], a[0]).unwrap_or(a[1]);
            Ok(c.tuple(&[v, m]))
        }
    }
}

fn size(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::small(map_of(c, a[0])?.len()))
}

fn keys(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let ks: Vec<Term> = map_of(c, a[0])?.pairs().iter().map(|p| p.0).collect();
    Ok(c.list(&ks))
}

fn values(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let vs: Vec<Term> = map_of(c, a[0])?.pairs().iter().map(|p| p.1).collect();
    Ok(c.list(&vs))
}

fn to_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let pairs = map_of(c, a[0])?.pairs();
    let ts: Vec<Term> = pairs.iter().map(|&(k, v)| c.tuple(&[k, v])).collect();
    Ok(c.list(&ts))
}

fn from_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(items) = a[0].list_to_vec() else {
        return badarg();
    };
    let mut pairs = Vec::with_capacity(items.len());
    for t in items {
        match t.tuple() {
            Some(tp) if tp.len() == 2 => pairs.push((
                tp.get(0).unwrap_or(Term::NIL),
                tp.get(1).unwrap_or(Term::NIL),
            )),
            _ => return badarg(),
        }
    }
    Ok(heap::make_map(&mut c.p.heap, &mut pairs))
}

fn from_keys(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(items) = a[0].list_to_vec() else {
        return badarg();
    };
    let mut pairs: Vec<(Term, Term)> = items.into_iter().map(|k| (k, a[1])).collect();
    Ok(heap::make_map(&mut c.p.heap, &mut pairs))
}

fn merge(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let m1 = map_of(c, a[0])?;
    let m2 = map_of(c, a[1])?;
    // Later pairs win: the second map's values override the first's.
    let mut pairs = m1.pairs();
    pairs.extend(m2.pairs());
    Ok(heap::make_map(&mut c.p.heap, &mut pairs))
}

fn with(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(ks) = a[0].list_to_vec() else {
        return badarg();
    };
    let m = map_of(c, a[1])?;
    let mut pairs: Vec<(Term, Term)> = ks
        .into_iter()
        .filter_map(|k| m.get(k).map(|v| (k, v)))
        .collect();
    Ok(heap::make_map(&mut c.p.heap, &mut pairs))
}

fn without(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(ks) = a[0].list_to_vec() else {
        return badarg();
    };
    let m = map_of(c, a[1])?;
    let mut pairs: Vec<(Term, Term)> = m
        .pairs()
        .into_iter()
        .filter(|p| !ks.iter().any(|&k| eq_exact(k, p.0)))
        .collect();
    if pairs.len() == m.len() {
        return Ok(a[1]);
    }
    Ok(heap::make_map(&mut c.p.heap, &mut pairs))
}

/// `maps:iterator(M)`: `[0 | M]` as OTP 25 makes for a small map (the
/// index of the next pair); for a large map `[Keys | M]`, the keys still
/// to visit in ascending order, so each step costs one lookup.
fn iterator(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match map_of(c, a[0])? {
        MapRef::Flat(_) => Ok(c.cons(Term::small(0), a[0])),
        r @ MapRef::Hash { .. } => {
            let ks: Vec<Term> = r.pairs().iter().map(|p| p.0).collect();
            let l = c.list(&ks);
            Ok(c.cons(l, a[0]))
        }
    }
}

/// `maps:next(I)`: `{K, V, I2}` or `none`.
fn next(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let it = a[0];
    if it.as_atom() == Some(none()) {
        return Ok(it);
    }
    if let Some(t) = it.tuple() {
        // `{K, V, I}` as returned by next/1 is accepted by OTP's next/1 too.
        if t.len() == 3 {
            return next(c, &[t.get(2).unwrap_or(Term::NIL)]);
        }
        return badarg();
    }
    let Some((pos, m)) = it.cons() else {
        return badarg();
    };
    let Some(r) = m.map() else {
        return badarg();
    };
    if let (Some(i), MapRef::Flat(f)) = (pos.as_int(), r) {
        let i = i as usize;
        if i >= f.len() {
            return Ok(Term::atom(none()));
        }
        let rest = c.cons(Term::small(i + 1), m);
        return Ok(c.tuple(&[f.key(i), f.value(i), rest]));
    }
    if pos.is_nil() {
        return Ok(Term::atom(none()));
    }
    match pos.cons() {
        Some((k, ks)) => match r.get(k) {
            Some(v) => {
                let rest = c.cons(ks, m);
                Ok(c.tuple(&[k, v, rest]))
            }
            None => badarg(),
        },
        None => badarg(),
    }
}

pub(super) fn register(t: &mut NativeTable) {
    let fs: &[(&str, u32, super::NativeFn)] = &[
        ("new", 0, new),
        ("get", 2, get2),
        ("get", 3, get3),
        ("find", 2, find),
        ("is_key", 2, is_key),
        ("put", 3, put),
        ("update", 3, update),
        ("remove", 2, remove),
        ("take", 2, take),
        ("size", 1, size),
        ("keys", 1, keys),
        ("values", 1, values),
        ("to_list", 1, to_list),
        ("from_list", 1, from_list),
        ("from_keys", 2, from_keys),
        ("merge", 2, merge),
        ("with", 2, with),
        ("without", 2, without),
        ("iterator", 1, iterator),
        ("next", 1, next),
    ];
    for &(f, a, nf) in fs {
        t.push(("maps", f, a, nf, false));
    }
}
