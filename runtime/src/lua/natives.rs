//! The `lua` native module: what the Lua lowering calls for values,
//! arithmetic, comparison, indexing, calls and upvalue cells.
//!
//! Inline natives (fast paths, compiled to direct instructions) handle the
//! common cases and return the atom `'lua$meta'` when the slow path is
//! needed; the slow-path natives (`arith/5`, `compare/3`, `index/3`, ...)
//! do coercions, metamethods (by tail-calling `lua_rt` helpers) and raise
//! Lua errors with the caller's position.

use super::number::{self, arith, int_of, num_of, tonum, ArithErr, Num, Op};
use super::{is_nil, nil, str_bytes, type_name, LuaObj, ATOMS};
use crate::bif::{Ctx, NativeTable, Trap};
use crate::heap;
use crate::term::{Atom, Term};

type R = Result<Term, Trap>;

fn meta() -> Term {
    ATOMS.meta
}

/// Normalise a key: integral floats become integers. `None` for nil/NaN.
pub fn norm_key(c: &mut Ctx<'_>, k: Term) -> Option<Term> {
    if let Some(f) = k.as_float() {
        if f.is_nan() {
            return None;
        }
        if let Some(i) = number::flt_to_int(f) {
            return Some(number::make_int(c, i));
        }
        return Some(k);
    }
    if is_nil(k) {
        return None;
    }
    Some(k)
}

fn norm_key_ro(k: Term) -> Option<Result<Term, i64>> {
    if let Some(f) = k.as_float() {
        if f.is_nan() {
            return None;
        }
        if let Some(i) = number::flt_to_int(f) {
            return Some(Err(i));
        }
    }
    Some(Ok(k))
}

/// Raw get with key normalisation.
pub fn rawget(c: &Ctx<'_>, t: Term, k: Term) -> Option<Term> {
    let tab = c.p.lua.table(t)?;
    Some(match norm_key_ro(k) {
        None => nil(),
        Some(Ok(k)) => tab.get(k),
        Some(Err(i)) => tab.get_int(i),
    })
}

/// A metatable field by name (`__index`, ...); nil when absent.
pub fn metafield(c: &Ctx<'_>, v: Term, event: &str) -> Term {
    let mt = c.p.lua.metatable(v);
    match c.p.lua.table(mt) {
        Some(m) => m.get_bytes(event.as_bytes()),
        None => nil(),
    }
}

fn apply_rt(f: &str, args: Vec<Term>) -> Trap {
    Trap::ApplyMfa {
        module: Atom::intern("lua_rt"),
        function: Atom::intern(f),
        args,
    }
}

/// Tail-call `f(args...)` and take its first result.
pub fn call1(c: &mut Ctx<'_>, f: Term, args: &[Term]) -> Trap {
    let l = c.list(args);
    apply_rt("call1", vec![f, l])
}

fn first(_c: &mut Ctx<'_>, a: &[Term]) -> R {
    let r = a[0];
    if let Some((h, _)) = r.cons() {
        Ok(h)
    } else if r.is_nil() {
        Ok(nil())
    } else {
        Ok(r)
    }
}

fn all(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let r = a[0];
    if r.is_list() {
        Ok(r)
    } else {
        Ok(c.cons(r, Term::NIL))
    }
}

fn hd(_c: &mut Ctx<'_>, a: &[Term]) -> R {
    Ok(a[0].cons().map_or(nil(), |(h, _)| h))
}

fn tl(_c: &mut Ctx<'_>, a: &[Term]) -> R {
    Ok(a[0].cons().map_or(Term::NIL, |(_, t)| t))
}

fn fast2(c: &mut Ctx<'_>, op: Op, a: Term, b: Term) -> R {
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        let r = match op {
            Op::Add => x.checked_add(y),
            Op::Sub => x.checked_sub(y),
            Op::Mul => x.checked_mul(y),
            _ => None,
        };
        if let Some(v) = r.and_then(Term::int) {
            return Ok(v);
        }
    }
    let (Some(x), Some(y)) = (num_of(a), num_of(b)) else {
        return Ok(meta());
    };
    match arith(op, x, y) {
        Ok(n) => Ok(number::make_num(c, n)),
        Err(_) => Ok(meta()),
    }
}

macro_rules! binop {
    ($name:ident, $op:expr) => {
        fn $name(c: &mut Ctx<'_>, a: &[Term]) -> R {
            fast2(c, $op, a[0], a[1])
        }
    };
}
binop!(add, Op::Add);
binop!(sub, Op::Sub);
binop!(mul, Op::Mul);
binop!(div, Op::Div);
binop!(mod_, Op::Mod);
binop!(idiv, Op::Idiv);
binop!(pow, Op::Pow);
binop!(band, Op::Band);
binop!(bor, Op::Bor);
binop!(bxor, Op::Bxor);
binop!(shl, Op::Shl);
binop!(shr, Op::Shr);

fn unm(c: &mut Ctx<'_>, a: &[Term]) -> R {
    fast2(c, Op::Unm, a[0], a[0])
}

fn bnot(c: &mut Ctx<'_>, a: &[Term]) -> R {
    fast2(c, Op::Bnot, a[0], a[0])
}

/// Primitive equality (no metamethods): numbers by value, strings by
/// content, everything else by identity.
pub fn raw_equal(a: Term, b: Term) -> bool {
    if a == b {
        // The same NaN term is still not equal to itself.
        return !a.as_float().is_some_and(f64::is_nan);
    }
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        return match (x, y) {
            (Num::Int(i), Num::Int(j)) => i == j,
            (Num::Flt(f), Num::Flt(g)) => f == g,
            (Num::Int(i), Num::Flt(f)) | (Num::Flt(f), Num::Int(i)) => {
                number::flt_to_int(f) == Some(i)
            }
        };
    }
    if a.is_bitstring() && b.is_bitstring() {
        return crate::term::order::eq_exact(a, b);
    }
    // Library functions are export funs made afresh where they are
    // returned (`ipairs{} == ipairs{}` holds in lua5.4: one C function).
    // Closures stay equal only to themselves.
    if let (Some(x), Some(y)) = (a.export_fun(), b.export_fun()) {
        return x == y;
    }
    false
}

fn eq(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let (x, y) = (a[0], a[1]);
    if raw_equal(x, y) {
        return Ok(Term::TRUE);
    }
    if c.p.lua.is_table(x)
        && c.p.lua.is_table(y)
        && (!is_nil(c.p.lua.metatable(x)) || !is_nil(c.p.lua.metatable(y)))
    {
        return Ok(meta());
    }
    Ok(Term::FALSE)
}

/// `a < b` (`le`: `a <= b`) for two numbers or two strings.
pub fn prim_less(a: Term, b: Term, le: bool) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        return Some(if le { x <= y } else { x < y });
    }
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        let o = match (x, y) {
            (Num::Int(i), Num::Int(j)) => Some(i.cmp(&j)),
            (Num::Flt(f), Num::Flt(g)) => f.partial_cmp(&g),
            (Num::Int(i), Num::Flt(f)) => {
                if f.is_nan() {
                    None
                } else {
                    Some(crate::term::big::cmp_small_float(i, f))
                }
            }
            (Num::Flt(f), Num::Int(i)) => {
                if f.is_nan() {
                    None
                } else {
                    Some(crate::term::big::cmp_small_float(i, f).reverse())
                }
            }
        };
        return Some(match o {
            None => false,
            Some(o) => {
                if le {
                    o.is_le()
                } else {
                    o.is_lt()
                }
            }
        });
    }
    if a.is_bitstring() && b.is_bitstring() {
        let (x, y) = (str_bytes(a)?, str_bytes(b)?);
        return Some(if le { x <= y } else { x < y });
    }
    None
}

fn lt(_c: &mut Ctx<'_>, a: &[Term]) -> R {
    Ok(prim_less(a[0], a[1], false).map_or(meta(), Term::bool))
}

fn le(_c: &mut Ctx<'_>, a: &[Term]) -> R {
    Ok(prim_less(a[0], a[1], true).map_or(meta(), Term::bool))
}

fn len(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let v = a[0];
    if let Some(bs) = v.bitstring() {
        return Ok(Term::small(bs.byte_size()));
    }
    if let Some(t) = c.p.lua.table(v) {
        if is_nil(t.meta()) {
            return Ok(Term::small(t.border()));
        }
    }
    Ok(meta())
}

/// The string form of a number or string for concatenation.
pub fn concat_piece(v: Term) -> Option<Vec<u8>> {
    if v.is_bitstring() {
        return str_bytes(v);
    }
    num_of(v).map(|n| number::num_to_string(n).into_bytes())
}

fn concat(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let (Some(mut x), Some(y)) = (concat_piece(a[0]), concat_piece(a[1])) else {
        return Ok(meta());
    };
    x.extend_from_slice(&y);
    Ok(heap::binary::make_binary_from_vec(&mut c.p.heap, x))
}

fn get(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let (t, k) = (a[0], a[1]);
    let Some(tab) = c.p.lua.table(t) else {
        return Ok(meta());
    };
    let v = match norm_key_ro(k) {
        None => nil(),
        Some(Ok(k)) => tab.get(k),
        Some(Err(i)) => tab.get_int(i),
    };
    if is_nil(v) && !is_nil(tab.meta()) {
        return Ok(meta());
    }
    Ok(v)
}

fn set(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let (t, k, v) = (a[0], a[1], a[2]);
    let Some(tab) = c.p.lua.table(t) else {
        return Ok(meta());
    };
    if !is_nil(tab.meta()) {
        return Ok(meta());
    }
    let Some(k) = norm_key(c, k) else {
        return Ok(meta());
    };
    if let Some(tab) = c.p.lua.table_mut(t) {
        tab.set(k, v);
    }
    Ok(Term::OK)
}

fn cell_new(c: &mut Ctx<'_>, a: &[Term]) -> R {
    Ok(super::new_cell(c, a[0]))
}

fn cell_get(c: &mut Ctx<'_>, a: &[Term]) -> R {
    Ok(c.p.lua.cell(a[0]).map_or(nil(), |cell| cell[1]))
}

fn cell_set(c: &mut Ctx<'_>, a: &[Term]) -> R {
    if let Some(cell) = c.p.lua.cell(a[0]) {
        cell[1] = a[1];
    }
    Ok(Term::OK)
}

/// `{p1, p2, ..., k1 = v1, ...}`: positional values (a list) and constant
/// keys with their values (a flat list `[K1, V1, ...]`).
fn table_from(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let t = super::new_table(c);
    let pos = a[0].list_to_vec().unwrap_or_default();
    let pairs = a[1].list_to_vec().unwrap_or_default();
    let mut keys = Vec::with_capacity(pairs.len() / 2);
    for kv in pairs.chunks(2) {
        if kv.len() == 2 {
            if let Some(k) = norm_key(c, kv[0]) {
                keys.push((k, kv[1]));
            }
        }
    }
    if let Some(tab) = c.p.lua.table_mut(t) {
        for (k, v) in keys {
            tab.set(k, v);
        }
        // Positional items win over explicit keys set earlier, as in Lua
        // (they are stored last).
        let mut all_set = true;
        for (i, v) in pos.iter().enumerate() {
            if all_set && i == tab.arr.len() {
                tab.arr.push(*v);
            } else {
                all_set = false;
                tab.set(Term::small(i + 1), *v);
            }
        }
        while tab.arr.last().is_some_and(|t| is_nil(*t)) {
            tab.arr.pop();
        }
    }
    Ok(t)
}

fn new_table(c: &mut Ctx<'_>, _a: &[Term]) -> R {
    Ok(super::new_table(c))
}

// ---- slow paths -------------------------------------------------------

fn desc_suffix(d: Term) -> String {
    match str_bytes(d) {
        Some(b) if !b.is_empty() => format!(" ({})", String::from_utf8_lossy(&b)),
        _ => String::new(),
    }
}

/// `arith(Op, A, B, DescA, DescB)`.
fn arith_slow(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let opname = a[0].as_atom().map(|x| x.text()).unwrap_or("add");
    let Some(op) = Op::from_name(opname) else {
        return super::lua_err(c, "bad arithmetic operator");
    };
    let (x, y) = (a[1], a[2]);
    if let (Some(p), Some(q)) = (tonum(x), tonum(y)) {
        return match arith(op, p, q) {
            Ok(n) => Ok(number::make_num(c, n)),
            Err(ArithErr::DivZero) => super::lua_err(c, "attempt to divide by zero"),
            Err(ArithErr::ModZero) => super::lua_err(c, "attempt to perform 'n%0'"),
            Err(ArithErr::NoIntRep) => {
                // Which operand has no integer representation?
                let bad_first = number::to_integer(p).is_none();
                let d = if bad_first { a[3] } else { a[4] };
                super::lua_err(
                    c,
                    &format!("number{} has no integer representation", desc_suffix(d)),
                )
            }
        };
    }
    let mut h = metafield(c, x, op.event());
    if is_nil(h) {
        h = metafield(c, y, op.event());
    }
    if !is_nil(h) {
        return Err(call1(c, h, &[x, y]));
    }
    let first_bad = tonum(x).is_none();
    let (v, d) = if first_bad { (x, a[3]) } else { (y, a[4]) };
    let tn = type_name(&c.p.lua, v);
    if op.is_bitwise() {
        if v.is_bitstring() || (tonum(x).is_some() && tonum(y).is_some()) {
            return super::lua_err(c, "attempt to perform bitwise operation on a string value");
        }
        if num_of(v).is_some() {
            return super::lua_err(c, "number has no integer representation");
        }
        return super::lua_err(
            c,
            &format!(
                "attempt to perform bitwise operation on a {tn} value{}",
                desc_suffix(d)
            ),
        );
    }
    if x.is_bitstring() || y.is_bitstring() {
        // Strings do arithmetic through the string metatable's
        // metamethods, which report this way (lstrlib.c `trymt`).
        let name = &op.event()[2..];
        let (t1, t2) = (type_name(&c.p.lua, x), type_name(&c.p.lua, y));
        return super::lua_err(c, &format!("attempt to {name} a '{t1}' with a '{t2}'"));
    }
    super::lua_err(
        c,
        &format!(
            "attempt to perform arithmetic on a {tn} value{}",
            desc_suffix(d)
        ),
    )
}

/// `compare(Op, A, B)` with `Op` one of `eq`, `lt`, `le`.
fn compare(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let op = a[0].as_atom().map(|x| x.text()).unwrap_or("eq");
    let (x, y) = (a[1], a[2]);
    if op == "eq" {
        if raw_equal(x, y) {
            return Ok(Term::TRUE);
        }
        if !(c.p.lua.is_table(x) && c.p.lua.is_table(y)) {
            return Ok(Term::FALSE);
        }
        let mut h = metafield(c, x, "__eq");
        if is_nil(h) {
            h = metafield(c, y, "__eq");
        }
        if is_nil(h) {
            return Ok(Term::FALSE);
        }
        let l = c.list(&[x, y]);
        return Err(apply_rt("truth", vec![h, l]));
    }
    let le = op == "le";
    if let Some(b) = prim_less(x, y, le) {
        return Ok(Term::bool(b));
    }
    let ev = if le { "__le" } else { "__lt" };
    let mut h = metafield(c, x, ev);
    if is_nil(h) {
        h = metafield(c, y, ev);
    }
    if !is_nil(h) {
        let l = c.list(&[x, y]);
        return Err(apply_rt("truth", vec![h, l]));
    }
    let (t1, t2) = (type_name(&c.p.lua, x), type_name(&c.p.lua, y));
    if t1 == t2 {
        super::lua_err(c, &format!("attempt to compare two {t1} values"))
    } else {
        super::lua_err(c, &format!("attempt to compare {t1} with {t2}"))
    }
}

/// `len(V, Desc)`.
fn len_slow(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let v = a[0];
    if let Some(bs) = v.bitstring() {
        return Ok(Term::small(bs.byte_size()));
    }
    let h = metafield(c, v, "__len");
    if !is_nil(h) {
        return Err(call1(c, h, &[v]));
    }
    if let Some(t) = c.p.lua.table(v) {
        return Ok(Term::small(t.border()));
    }
    let tn = type_name(&c.p.lua, v);
    super::lua_err(
        c,
        &format!("attempt to get length of a {tn} value{}", desc_suffix(a[1])),
    )
}

/// `concat(A, B, DescA, DescB)`.
fn concat_slow(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let (x, y) = (a[0], a[1]);
    if let (Some(mut p), Some(q)) = (concat_piece(x), concat_piece(y)) {
        p.extend_from_slice(&q);
        return Ok(heap::binary::make_binary_from_vec(&mut c.p.heap, p));
    }
    let mut h = metafield(c, x, "__concat");
    if is_nil(h) {
        h = metafield(c, y, "__concat");
    }
    if !is_nil(h) {
        return Err(call1(c, h, &[x, y]));
    }
    let (v, d) = if concat_piece(x).is_none() {
        (x, a[2])
    } else {
        (y, a[3])
    };
    let tn = type_name(&c.p.lua, v);
    super::lua_err(
        c,
        &format!("attempt to concatenate a {tn} value{}", desc_suffix(d)),
    )
}

/// `index(T, K, Desc)`: `T[K]` with `__index`.
pub fn index_slow(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let (mut t, k) = (a[0], a[1]);
    for _ in 0..2000 {
        let h;
        if let Some(v) = rawget(c, t, k) {
            if !is_nil(v) {
                return Ok(v);
            }
            h = metafield(c, t, "__index");
            if is_nil(h) {
                return Ok(nil());
            }
        } else {
            h = metafield(c, t, "__index");
            if is_nil(h) {
                let tn = type_name(&c.p.lua, t);
                let d = if t == a[0] { a[2] } else { nil() };
                let msg = match (str_bytes(d), str_bytes(k)) {
                    (Some(db), _) if !db.is_empty() => format!(
                        "attempt to index a {tn} value ({})",
                        String::from_utf8_lossy(&db)
                    ),
                    (_, Some(kb)) if t == a[0] => format!(
                        "attempt to index a {tn} value (field '{}')",
                        String::from_utf8_lossy(&kb)
                    ),
                    _ => format!("attempt to index a {tn} value"),
                };
                let _ = k;
                return super::lua_err(c, &msg);
            }
        }
        if h.is_function() {
            return Err(call1(c, h, &[t, k]));
        }
        t = h;
    }
    super::lua_err(c, "'__index' chain too long; possibly a loop")
}

/// `setindex(T, K, V, Desc)`: `T[K] = V` with `__newindex`.
pub fn setindex_slow(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let (mut t, k, v) = (a[0], a[1], a[2]);
    for _ in 0..2000 {
        let h;
        if c.p.lua.is_table(t) {
            let present = rawget(c, t, k).is_some_and(|x| !is_nil(x));
            h = if present {
                nil()
            } else {
                metafield(c, t, "__newindex")
            };
            if is_nil(h) {
                return rawset_checked(c, t, k, v);
            }
        } else {
            h = metafield(c, t, "__newindex");
            if is_nil(h) {
                let tn = type_name(&c.p.lua, t);
                let d = if t == a[0] { a[3] } else { nil() };
                let msg = match (str_bytes(d), str_bytes(k)) {
                    (Some(db), _) if !db.is_empty() => format!(
                        "attempt to index a {tn} value ({})",
                        String::from_utf8_lossy(&db)
                    ),
                    (_, Some(kb)) if t == a[0] => format!(
                        "attempt to index a {tn} value (field '{}')",
                        String::from_utf8_lossy(&kb)
                    ),
                    _ => format!("attempt to index a {tn} value"),
                };
                return super::lua_err(c, &msg);
            }
        }
        if h.is_function() {
            let l = c.list(&[t, k, v]);
            return Err(apply_rt("call0", vec![h, l]));
        }
        t = h;
    }
    super::lua_err(c, "'__newindex' chain too long; possibly a loop")
}

pub fn rawset_checked(c: &mut Ctx<'_>, t: Term, k: Term, v: Term) -> R {
    let Some(nk) = norm_key(c, k) else {
        if is_nil(k) {
            return super::lua_err(c, "table index is nil");
        }
        return super::lua_err(c, "table index is NaN");
    };
    if let Some(tab) = c.p.lua.table_mut(t) {
        tab.set(nk, v);
    }
    Ok(Term::OK)
}

fn ctor_set(c: &mut Ctx<'_>, a: &[Term]) -> R {
    rawset_checked(c, a[0], a[1], a[2])?;
    Ok(a[0])
}

/// `call(F, Args, Desc)`: call a value that is not a function.
fn call_slow(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let (f, args) = (a[0], a[1]);
    if f.is_function() {
        return Err(Trap::ApplyFun {
            fun: f,
            args: vec![args],
        });
    }
    // A chain of `__call` metamethods (a table whose `__call` is a
    // callable table...): each level passes itself as the first argument.
    let (mut obj, mut args) = (f, args);
    for _ in 0..200 {
        let h = metafield(c, obj, "__call");
        if is_nil(h) {
            break;
        }
        args = c.cons(obj, args);
        if h.is_function() {
            return Err(Trap::ApplyFun {
                fun: h,
                args: vec![args],
            });
        }
        obj = h;
    }
    // lua5.4 names the type of the last value tried.
    let tn = type_name(&c.p.lua, obj);
    let desc = if obj == f {
        desc_suffix(a[2])
    } else {
        String::new()
    };
    super::lua_err(c, &format!("attempt to call a {tn} value{desc}"))
}

/// `forprep(Init, Limit, Step)` → `{Init, Limit, Step}` normalised as Lua
/// 5.4's numeric `for` does, or `false` when the loop does not run.
fn forprep(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let conv = |t: Term| match num_of(t) {
        Some(n) => Some(n),
        // A numeric string makes a float loop, as in Lua 5.4.
        None => tonum(t).map(|n| Num::Flt(n.to_f64())),
    };
    for (k, what) in [(0, "initial value"), (1, "limit"), (2, "step")] {
        if conv(a[k]).is_none() {
            let tn = type_name(&c.p.lua, a[k]);
            return super::lua_err(c, &format!("bad 'for' {what} (number expected, got {tn})"));
        }
    }
    let (Some(i), Some(l), Some(s)) = (conv(a[0]), conv(a[1]), conv(a[2])) else {
        return Ok(Term::FALSE);
    };
    match (i, s) {
        (Num::Int(i0), Num::Int(st)) => {
            if st == 0 {
                return super::lua_err(c, "'for' step is zero");
            }
            // Clip a float limit to an integer (floor for ascending loops).
            let lim: i64 = match l {
                Num::Int(x) => x,
                Num::Flt(f) => {
                    if f.is_nan() {
                        return Ok(Term::FALSE);
                    }
                    // As lvm.c's forlimit: a limit beyond the integers
                    // on the side the loop moves away from skips it.
                    let g = if st > 0 { f.floor() } else { f.ceil() };
                    if g >= 9.223_372_036_854_776e18 {
                        if st < 0 {
                            return Ok(Term::FALSE);
                        }
                        i64::MAX
                    } else if g < -9.223_372_036_854_776e18 {
                        if st > 0 {
                            return Ok(Term::FALSE);
                        }
                        i64::MIN
                    } else {
                        g as i64
                    }
                }
            };
            if (st > 0 && i0 > lim) || (st < 0 && i0 < lim) {
                return Ok(Term::FALSE);
            }
            let (ti, tl, ts) = (
                number::make_int(c, i0),
                number::make_int(c, lim),
                number::make_int(c, st),
            );
            Ok(c.tuple(&[ti, tl, ts]))
        }
        _ => {
            let (fi, fl, fs) = (i.to_f64(), l.to_f64(), s.to_f64());
            if fs == 0.0 {
                return super::lua_err(c, "'for' step is zero");
            }
            let runs = if fs > 0.0 { fi <= fl } else { fi >= fl };
            if !runs {
                return Ok(Term::FALSE);
            }
            let (ti, tl, ts) = (c.float(fi), c.float(fl), c.float(fs));
            Ok(c.tuple(&[ti, tl, ts]))
        }
    }
}

/// `fornext(I, Limit, Step)`: the next control value or `false`.
/// Integer loops stop instead of wrapping around.
fn fornext(c: &mut Ctx<'_>, a: &[Term]) -> R {
    if let (Some(i), Some(l), Some(s)) = (int_of(a[0]), int_of(a[1]), int_of(a[2])) {
        let Some(n) = i.checked_add(s) else {
            return Ok(Term::FALSE);
        };
        if (s > 0 && n > l) || (s < 0 && n < l) {
            return Ok(Term::FALSE);
        }
        return Ok(number::make_int(c, n));
    }
    let (Some(i), Some(l), Some(s)) = (a[0].as_float(), a[1].as_float(), a[2].as_float()) else {
        return Ok(Term::FALSE);
    };
    let n = i + s;
    if (s > 0.0 && n > l) || (s < 0.0 && n < l) {
        return Ok(Term::FALSE);
    }
    Ok(c.float(n))
}

/// `truthy(V)`: Lua truth as a boolean.
fn truthy(_c: &mut Ctx<'_>, a: &[Term]) -> R {
    Ok(Term::bool(super::truthy(a[0])))
}

/// `error_value(Reason)`: the Lua value of a caught exception reason.
fn error_value(c: &mut Ctx<'_>, a: &[Term]) -> R {
    error_value_of(c, a[0], a[1])
}

/// The Lua value of an exception `Class:Reason`.
pub fn error_value_of(c: &mut Ctx<'_>, class: Term, r: Term) -> R {
    let a = [class, r];
    if r.as_atom()
        .is_some_and(|x| x.text() == super::co::CLOSE_MARK)
    {
        // closing a coroutine: to-be-closed variables get no error
        return Ok(nil());
    }
    if let Some(t) = r.tuple() {
        if t.len() == 2 && t.get(0) == Some(ATOMS.lua_error) {
            return Ok(t.get(1).unwrap_or(nil()));
        }
    }
    // An error of the runtime itself (not raised by Lua code).
    let class = a[0].as_atom().map(|x| x.text()).unwrap_or("error");
    let text = match r.as_atom().map(|x| x.text()) {
        Some("system_limit") => "stack overflow".to_string(),
        _ => format!(
            "{class}: {}",
            crate::format::format(
                &"~p".chars().map(u32::from).collect::<Vec<_>>(),
                &[crate::term::printable::to_pterm(r)]
            )
            .unwrap_or_default()
        ),
    };
    Ok(super::make_str(c, text.as_bytes()))
}

/// `tbc_check(Value, Name)`: a to-be-closed variable's value must be nil,
/// false or have a `__close` metamethod (lua5.4's message otherwise).
fn tbc_check(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let v = a[0];
    if !super::truthy(v) || !is_nil(metafield(c, v, "__close")) {
        return Ok(Term::OK);
    }
    let name = str_bytes(a[1]).unwrap_or_default();
    super::lua_err(
        c,
        &format!(
            "variable '{}' got a non-closable value",
            String::from_utf8_lossy(&name)
        ),
    )
}

/// `close_method(Value)`: the `__close` metamethod to call when a
/// to-be-closed variable goes out of scope, or `false` when there is
/// nothing to close (nil or false).
fn close_method(c: &mut Ctx<'_>, a: &[Term]) -> R {
    if !super::truthy(a[0]) {
        return Ok(Term::FALSE);
    }
    Ok(metafield(c, a[0], "__close"))
}

/// `uncaught(Class, Reason)`: print `lua5.4: msg` and a traceback line to
/// stderr, as the `lua` command does for an uncaught error.
fn uncaught(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let v = error_value(c, a)?;
    let msg =
        match str_bytes(v).or_else(|| num_of(v).map(|n| number::num_to_string(n).into_bytes())) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                let h = metafield(c, v, "__tostring");
                if !is_nil(h) {
                    "(error object is a table value)".to_string()
                } else {
                    format!("(error object is a {} value)", type_name(&c.p.lua, v))
                }
            }
        };
    c.vm.output.flush();
    c.vm.output
        .err(format!("lua5.4: {msg}\nstack traceback:\n\t[C]: in ?\n").as_bytes());
    Ok(Term::OK)
}

fn is_table(c: &mut Ctx<'_>, a: &[Term]) -> R {
    Ok(Term::bool(c.p.lua.is_table(a[0])))
}

/// `arena_free(T)`: drop a table no longer referenced (unused hook).
fn _free(c: &mut Ctx<'_>, a: &[Term]) -> R {
    if let Some(s) = super::obj_slot(a[0]) {
        if let Some(o) = c.p.lua.obj_mut(s) {
            *o = LuaObj::Free;
        }
    }
    Ok(Term::OK)
}

pub fn register(t: &mut NativeTable) {
    let inline: &[(&str, u32, crate::bif::NativeFn)] = &[
        ("first", 1, first),
        ("all", 1, all),
        ("hd", 1, hd),
        ("tl", 1, tl),
        ("add", 2, add),
        ("sub", 2, sub),
        ("mul", 2, mul),
        ("div", 2, div),
        ("mod", 2, mod_),
        ("idiv", 2, idiv),
        ("pow", 2, pow),
        ("band", 2, band),
        ("bor", 2, bor),
        ("bxor", 2, bxor),
        ("shl", 2, shl),
        ("shr", 2, shr),
        ("unm", 1, unm),
        ("bnot", 1, bnot),
        ("eq", 2, eq),
        ("lt", 2, lt),
        ("le", 2, le),
        ("len", 1, len),
        ("concat", 2, concat),
        ("get", 2, get),
        ("set", 3, set),
        ("cell_new", 1, cell_new),
        ("cell_get", 1, cell_get),
        ("cell_set", 2, cell_set),
        ("table_from", 2, table_from),
        ("new_table", 0, new_table),
        ("truthy", 1, truthy),
        ("is_table", 1, is_table),
        ("fornext", 3, fornext),
    ];
    for &(n, a, f) in inline {
        t.push(("lua", n, a, f, true));
    }
    let slow: &[(&str, u32, crate::bif::NativeFn)] = &[
        ("arith", 5, arith_slow),
        ("compare", 3, compare),
        ("len", 2, len_slow),
        ("concat", 4, concat_slow),
        ("index", 3, index_slow),
        ("setindex", 4, setindex_slow),
        ("ctor_set", 3, ctor_set),
        ("call", 3, call_slow),
        ("forprep", 3, forprep),
        ("error_value", 2, error_value),
        ("uncaught", 2, uncaught),
        ("tbc_check", 2, tbc_check),
        ("close_method", 1, close_method),
    ];
    for &(n, a, f) in slow {
        t.push(("lua", n, a, f, false));
    }
}
