//! Hosting Lua from the other languages (Luerl's API, `luerl.erl` in the
//! Lua frontend's library): compiling a chunk at run time and converting
//! between Lua values and Luerl's encodings.
//!
//! A hosted Lua state is the calling process's arena plus its globals
//! table. Luerl's encoded values are Lua values as they are here, except
//! tables, which leave and enter as `{tref, Slot}` (`luerl_out`/`luerl_in`);
//! decoding turns tables into lists of `{Key, Value}` pairs (array part
//! first, then the hash part in key order), as Luerl does.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::bif::{Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};

use super::{is_nil, nil, obj_slot, LuaObj};

type R = Result<Term, Trap>;

static CHUNKS: AtomicU64 = AtomicU64::new(0);

fn tref_atom() -> Term {
    Term::atom(Atom::intern("tref"))
}

/// Lua's name for a chunk loaded from a string (`luaO_chunkid`, 60-byte
/// ids): `[string "first line..."]`.
fn chunk_id(src: &[u8]) -> Vec<u8> {
    const ROOM: usize = 60 - 15;
    let nl = src.iter().position(|&b| b == b'\n');
    let mut out = b"[string \"".to_vec();
    if src.len() < ROOM && nl.is_none() {
        out.extend_from_slice(src);
    } else {
        let n = nl.unwrap_or(src.len()).min(ROOM);
        out.extend_from_slice(&src[..n]);
        out.extend_from_slice(b"...");
    }
    out.extend_from_slice(b"\"]");
    out
}

/// `lua:load_chunk(Text, ChunkName)`: compile `Text` as a Lua chunk (through
/// the loader's `compile_chunk`, i.e. the Lua frontend) into a fresh module.
/// `{ok, Module}` (its `loader/1` gives the chunk as a function of a global
/// table) or `{error, Line, Message}`.
fn load_chunk(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let Some(text) = super::str_bytes(a[0]) else {
        return crate::bif::badarg();
    };
    let name = super::str_bytes(a[1]).unwrap_or_else(|| chunk_id(&text));
    let name = String::from_utf8_lossy(&name).into_owned();
    let n = CHUNKS.fetch_add(1, Ordering::Relaxed);
    let module = format!("lua@{name}#{n}");
    match c.vm.compile_chunk("lua", &module, &name, &text) {
        Ok(()) => {
            let ok = Term::atom(Atom::intern("ok"));
            let m = Term::atom(Atom::intern(&module));
            Ok(c.tuple(&[ok, m]))
        }
        Err((line, msg)) => {
            let e = Term::atom(Atom::intern("error"));
            let m = super::make_str(c, msg.as_bytes());
            Ok(c.tuple(&[e, Term::small(line as usize), m]))
        }
    }
}

/// A table's `{tref, Slot}`; other values unchanged.
fn out(c: &mut Ctx<'_>, v: Term) -> Term {
    match obj_slot(v) {
        Some(slot) if c.p.lua.is_table(v) => c.tuple(&[tref_atom(), Term::small(slot)]),
        _ => v,
    }
}

/// The table named by `{tref, Slot}`; other values unchanged.
fn into(c: &mut Ctx<'_>, v: Term) -> Result<Term, Trap> {
    let Some(t) = v.tuple() else { return Ok(v) };
    if t.len() != 2 || t.get(0) != Some(tref_atom()) {
        return Ok(v);
    }
    let slot = t.get(1).and_then(|s| s.as_int()).unwrap_or(-1);
    if slot >= 0 {
        if let Some(LuaObj::Table(tab)) = c.p.lua.objs.get(slot as usize) {
            return Ok(tab.me());
        }
    }
    crate::bif::badarg()
}

/// `lua:luerl_out(Values)`: a list of Lua values in Luerl's encoding.
fn luerl_out(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let vs = a[0].list_to_vec().unwrap_or_else(|| vec![a[0]]);
    let outs: Vec<Term> = vs.into_iter().map(|v| out(c, v)).collect();
    Ok(c.list(&outs))
}

/// `lua:luerl_in(Values)`: Luerl-encoded values (a list) as Lua values.
fn luerl_in(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let Some(vs) = a[0].list_to_vec() else {
        return crate::bif::badarg();
    };
    let mut ins = Vec::with_capacity(vs.len());
    for v in vs {
        ins.push(into(c, v)?);
    }
    Ok(c.list(&ins))
}

fn bad(c: &mut Ctx<'_>, what: &str, t: Term) -> Trap {
    let w = Term::atom(Atom::intern(what));
    let r = c.tuple(&[w, t]);
    Trap::Raise(crate::code::Class::Error, r)
}

fn encode(c: &mut Ctx<'_>, t: Term, depth: usize) -> R {
    if depth > 10_000 {
        return Err(bad(c, "badarg", t));
    }
    if let Some(a) = t.as_atom() {
        if matches!(a.text(), "nil" | "true" | "false") {
            return Ok(t);
        }
        return Ok(super::make_str(c, a.text().as_bytes()));
    }
    if t.is_number() || t.is_bitstring() || t.is_function() {
        if t.is_bitstring() && super::str_bytes(t).is_none() {
            return Err(bad(c, "badarg", t));
        }
        return Ok(t);
    }
    let items: Vec<Term> = if let Some(m) = t.map() {
        m.pairs()
            .into_iter()
            .map(|(k, v)| c.tuple(&[k, v]))
            .collect()
    } else if let Some(l) = t.list_to_vec() {
        l
    } else if c.p.lua.is_table(t) {
        return Ok(t);
    } else {
        return Err(bad(c, "badarg", t));
    };
    let tab = super::new_table(c);
    let mut i = 1usize;
    for it in items {
        let (k, v) = match it.tuple() {
            Some(p) if p.len() == 2 => {
                let k = encode(c, p.get(0).unwrap_or(nil()), depth + 1)?;
                (k, p.get(1).unwrap_or(nil()))
            }
            _ => {
                let k = Term::small(i);
                i += 1;
                (k, it)
            }
        };
        let v = encode(c, v, depth + 1)?;
        if is_nil(k) || k.as_float().is_some_and(f64::is_nan) {
            return Err(bad(c, "badarg", t));
        }
        if let Some(tb) = c.p.lua.table_mut(tab) {
            tb.set(k, v);
        }
    }
    Ok(tab)
}

/// `lua:luerl_encode(Term)`: an Erlang term as a Lua value (Luerl's
/// `encode/2`): atoms other than nil/true/false become strings, lists of
/// values and `{Key, Value}` pairs and maps become new tables.
fn luerl_encode(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let v = into(c, a[0])?;
    let v = encode(c, v, 0)?;
    Ok(out(c, v))
}

fn decode(c: &mut Ctx<'_>, v: Term, seen: &mut Vec<usize>) -> R {
    let Some(slot) = obj_slot(v).filter(|_| c.p.lua.is_table(v)) else {
        return Ok(v);
    };
    if seen.contains(&slot) {
        let r = out(c, v);
        return Err(bad(c, "recursive_table", r));
    }
    seen.push(slot);
    let mut arr = Vec::new();
    let mut hash = Vec::new();
    if let Some(tab) = c.p.lua.table(v) {
        let n = tab.border();
        let mut k = nil();
        while let Some(Some((k2, v2))) = tab.next(k) {
            match k2.as_int() {
                Some(i) if i >= 1 && (i as usize) <= n => arr.push((k2, v2)),
                _ => hash.push((k2, v2)),
            }
            k = k2;
        }
    }
    hash.sort_by(|a, b| crate::term::order::cmp(a.0, b.0));
    let mut pairs = Vec::with_capacity(arr.len() + hash.len());
    for (k, val) in arr.into_iter().chain(hash) {
        let k = decode(c, k, seen)?;
        let val = decode(c, val, seen)?;
        pairs.push(c.tuple(&[k, val]));
    }
    seen.pop();
    Ok(c.list(&pairs))
}

/// `lua:luerl_decode(Value)`: a Luerl-encoded value as an Erlang term
/// (Luerl's `decode/2`): tables become lists of `{Key, Value}` pairs.
fn luerl_decode(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let v = into(c, a[0])?;
    decode(c, v, &mut Vec::new())
}

/// Lua's chunk name for `load`'s `chunkname` argument (`=name` and `@file`
/// as given, other names as `[string "name"]`).
fn chunk_name(given: &[u8]) -> Vec<u8> {
    match given.first() {
        Some(b'=') | Some(b'@') => given[1..].to_vec(),
        _ => chunk_id(given),
    }
}

/// Lua's `load(chunk [, chunkname [, mode [, env]]])` for string chunks:
/// compile with the Lua frontend (as `lua:load_chunk`) and return the
/// chunk as a function of `env` (default: the globals), or `nil, message`.
fn lua_load(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = super::args_vec(a[0]);
    let arg = |i: usize| args.get(i).copied().unwrap_or(nil());
    let Some(text) = super::str_bytes(arg(0)) else {
        let tn = super::type_name(&c.p.lua, arg(0));
        return super::lua_err(
            c,
            &format!("bad argument #1 to 'load' (string expected, got {tn})"),
        );
    };
    // `mode` ("b", "t" or "bt"), checked as lua5.4 checks it
    let binary = text.first() == Some(&0x1b);
    let mode = super::str_bytes(arg(2)).unwrap_or_else(|| b"bt".to_vec());
    let (kind, letter) = if binary {
        ("binary", b'b')
    } else {
        ("text", b't')
    };
    if !mode.contains(&letter) {
        let m = format!(
            "attempt to load a {kind} chunk (mode is '{}')",
            String::from_utf8_lossy(&mode)
        );
        let m = super::make_str(c, m.as_bytes());
        return Ok(c.list(&[nil(), m]));
    }
    if binary {
        return super::lua_err(c, "not supported yet: load of binary chunks");
    }
    let name = match super::str_bytes(arg(1)) {
        Some(n) => chunk_name(&n),
        None => chunk_id(&text),
    };
    let name = String::from_utf8_lossy(&name).into_owned();
    let env = if args.len() >= 4 {
        arg(3)
    } else {
        c.p.lua.special[0]
    };
    let n = CHUNKS.fetch_add(1, Ordering::Relaxed);
    let module = format!("lua@{name}#{n}");
    match c.vm.compile_chunk("lua", &module, &name, &text) {
        Ok(()) => Err(Trap::ApplyMfa {
            module: Atom::intern(&module),
            function: Atom::intern("loader"),
            args: vec![env],
        }),
        Err((_, msg)) => {
            let m = super::make_str(c, msg.as_bytes());
            Ok(c.list(&[nil(), m]))
        }
    }
}

/// `lua:error_text(Value)`: how `lua5.4` shows an error value (lua.c's
/// `msghandler`): strings and numbers as text, else `(error object is a
/// T value)`.
fn error_text(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let v = a[0];
    let text = if v.is_bitstring() || v.is_number() {
        super::base::tostring_raw(c, v)
    } else {
        let tn = super::type_name(&c.p.lua, v);
        format!("(error object is a {tn} value)").into_bytes()
    };
    Ok(super::make_str(c, &text))
}

pub fn register(t: &mut NativeTable) {
    t.push(("lua_base", "load", 1, lua_load, false));
    t.push(("lua", "error_text", 1, error_text, false));
    t.push(("lua", "load_chunk", 2, load_chunk, false));
    t.push(("lua", "luerl_out", 1, luerl_out, false));
    t.push(("lua", "luerl_in", 1, luerl_in, false));
    t.push(("lua", "luerl_encode", 1, luerl_encode, false));
    t.push(("lua", "luerl_decode", 1, luerl_decode, false));
}
