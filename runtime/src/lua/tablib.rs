//! Lua's `table` library (natives of module `lua_table`). These use raw
//! access; tables with metatables (`__index`/`__newindex`/`__len`) and
//! `sort` with a comparator go to the Lua prelude's versions.

use super::base::{arg, argerr, argv, check_int, check_table, opt_int, registry_fn};
use super::number::{self, num_of};
use super::{is_nil, make_str, nil, ret, str_bytes};
use crate::bif::{Ctx, NativeFn, Trap};
use crate::term::Term;

type R = Result<Term, Trap>;

fn has_meta(c: &Ctx<'_>, t: Term) -> bool {
    c.p.lua.table(t).is_some_and(|x| !is_nil(x.meta()))
}

fn fallback(c: &mut Ctx<'_>, name: &str, a: Term) -> R {
    let f = registry_fn(c, name);
    if f.is_function() {
        return Err(Trap::ApplyFun {
            fun: f,
            args: vec![a],
        });
    }
    super::lua_err(c, &format!("not supported yet: {name} on this table"))
}

fn border(c: &Ctx<'_>, t: Term) -> i64 {
    c.p.lua.table(t).map_or(0, |x| x.border() as i64)
}

fn geti(c: &Ctx<'_>, t: Term, i: i64) -> Term {
    c.p.lua.table(t).map_or(nil(), |x| x.get_int(i))
}

fn seti(c: &mut Ctx<'_>, t: Term, i: i64, v: Term) {
    let k = number::make_int(c, i);
    if let Some(x) = c.p.lua.table_mut(t) {
        x.set(k, v);
    }
}

fn t_insert(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = check_table(c, &args, 1, "insert")?;
    if has_meta(c, t) {
        return fallback(c, "tinsert", a[0]);
    }
    let e = border(c, t) + 1;
    match args.len() {
        2 => {
            // fast path: append
            if let Some(x) = c.p.lua.table_mut(t) {
                if !is_nil(args[1]) && x.arr.len() as i64 == e - 1 {
                    x.arr.push(args[1]);
                    return Ok(Term::NIL);
                }
            }
            seti(c, t, e, args[1]);
        }
        3 => {
            let pos = check_int(c, &args, 2, "insert")?;
            if (pos as u64).wrapping_sub(1) >= e as u64 {
                return argerr(c, 2, "insert", "position out of bounds");
            }
            let mut i = e;
            while i > pos {
                let v = geti(c, t, i - 1);
                seti(c, t, i, v);
                i -= 1;
            }
            seti(c, t, pos, args[2]);
        }
        _ => return super::lua_err(c, "wrong number of arguments to 'insert'"),
    }
    Ok(Term::NIL)
}

fn t_remove(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = check_table(c, &args, 1, "remove")?;
    if has_meta(c, t) {
        return fallback(c, "tremove", a[0]);
    }
    let size = border(c, t);
    let mut pos = opt_int(c, &args, 2, "remove", size)?;
    // as ltablib's tremove: a given position must be in [1, size + 1]
    if pos != size && (pos as u64).wrapping_sub(1) > size as u64 {
        return argerr(c, 1, "remove", "position out of bounds");
    }
    let v = geti(c, t, pos);
    while pos < size {
        let nv = geti(c, t, pos + 1);
        seti(c, t, pos, nv);
        pos += 1;
    }
    seti(c, t, pos, nil());
    Ok(v)
}

fn t_concat(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = check_table(c, &args, 1, "concat")?;
    if has_meta(c, t) {
        return fallback(c, "tconcat", a[0]);
    }
    let sep = if args.len() > 1 && !is_nil(args[1]) {
        super::base::check_str(c, &args, 2, "concat")?
    } else {
        Vec::new()
    };
    let i = opt_int(c, &args, 3, "concat", 1)?;
    let j = if args.len() > 3 && !is_nil(args[3]) {
        check_int(c, &args, 4, "concat")?
    } else {
        border(c, t)
    };
    let mut out = Vec::new();
    let mut k = i;
    while k <= j {
        let v = geti(c, t, k);
        match super::natives::concat_piece(v) {
            Some(b) => out.extend(b),
            None => {
                let ty = super::type_name(&c.p.lua, v);
                return super::lua_err(
                    c,
                    &format!("invalid value ({ty}) at index {k} in table for 'concat'"),
                );
            }
        }
        if k < j {
            out.extend_from_slice(&sep);
        }
        if k == i64::MAX {
            break;
        }
        k += 1;
    }
    Ok(make_str(c, &out))
}

fn t_unpack(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = arg(&args, 0);
    let i = opt_int(c, &args, 2, "unpack", 1)?;
    let j = if args.len() > 2 && !is_nil(args[2]) {
        check_int(c, &args, 3, "unpack")?
    } else {
        if !c.p.lua.is_table(t) {
            return super::base::typeerr(c, 1, "unpack", "table", t);
        }
        border(c, t)
    };
    if has_meta(c, t) || (!c.p.lua.is_table(t) && i <= j) {
        return fallback(c, "tunpack", a[0]);
    }
    if i > j {
        return Ok(Term::NIL);
    }
    // `j - i` may overflow (unpack({}, mininteger, maxinteger)).
    if (j as i128 - i as i128) >= 1_000_000 {
        return super::lua_err(c, "too many results to unpack");
    }
    let vals: Vec<Term> = (i..=j).map(|k| geti(c, t, k)).collect();
    Ok(ret(c, &vals))
}

fn t_pack(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = super::new_table(c);
    let nk = make_str(c, b"n");
    if let Some(x) = c.p.lua.table_mut(t) {
        for (i, v) in args.iter().enumerate() {
            x.set(Term::small(i + 1), *v);
        }
        x.set(nk, Term::small(args.len()));
    }
    Ok(t)
}

fn t_move(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let a1 = check_table(c, &args, 1, "move")?;
    let f = check_int(c, &args, 2, "move")?;
    let e = check_int(c, &args, 3, "move")?;
    let t = check_int(c, &args, 4, "move")?;
    let a2 = if args.len() > 4 && !is_nil(args[4]) {
        check_table(c, &args, 5, "move")?
    } else {
        a1
    };
    if has_meta(c, a1) || has_meta(c, a2) {
        return fallback(c, "tmove", a[0]);
    }
    if e >= f {
        if !(f > 0 || e < i64::MAX + f) {
            return argerr(c, 3, "move", "too many elements to move");
        }
        if t > i64::MAX - (e - f) {
            return argerr(c, 4, "move", "destination wrap around");
        }
        if t > e || t <= f || a1 != a2 {
            for i in 0..=(e - f) {
                let v = geti(c, a1, f + i);
                seti(c, a2, t + i, v);
            }
        } else {
            let mut i = e - f;
            loop {
                let v = geti(c, a1, f + i);
                seti(c, a2, t + i, v);
                if i == 0 {
                    break;
                }
                i -= 1;
            }
        }
    }
    Ok(a2)
}

/// Sort without a comparator when every element is a number or every one
/// a string; anything else goes to the prelude's sort (which calls `<`).
fn t_sort(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = check_table(c, &args, 1, "sort")?;
    let cmp = arg(&args, 1);
    if !is_nil(cmp) && !cmp.is_function() {
        return super::base::typeerr(c, 2, "sort", "function", cmp);
    }
    if !is_nil(cmp) || has_meta(c, t) {
        return fallback(c, "tsort", a[0]);
    }
    let n = border(c, t) as usize;
    let vals: Vec<Term> = match c.p.lua.table(t) {
        Some(x) => x.arr[..n.min(x.arr.len())].to_vec(),
        None => Vec::new(),
    };
    if vals.len() != n {
        return fallback(c, "tsort", a[0]);
    }
    if vals.iter().all(|v| num_of(*v).is_some()) {
        if vals
            .iter()
            .any(|v| v.as_float().is_some_and(|f| f.is_nan()))
        {
            return fallback(c, "tsort", a[0]);
        }
        let mut v = vals;
        v.sort_by(|x, y| {
            if super::natives::prim_less(*x, *y, false) == Some(true) {
                std::cmp::Ordering::Less
            } else if super::natives::prim_less(*y, *x, false) == Some(true) {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        });
        if let Some(x) = c.p.lua.table_mut(t) {
            x.arr[..n].copy_from_slice(&v);
        }
        return Ok(Term::NIL);
    }
    if vals.iter().all(|v| v.is_bitstring()) {
        let mut keyed: Vec<(Vec<u8>, Term)> = vals
            .iter()
            .map(|v| (str_bytes(*v).unwrap_or_default(), *v))
            .collect();
        keyed.sort_by(|x, y| x.0.cmp(&y.0));
        if let Some(x) = c.p.lua.table_mut(t) {
            for (i, (_, v)) in keyed.into_iter().enumerate() {
                x.arr[i] = v;
            }
        }
        return Ok(Term::NIL);
    }
    fallback(c, "tsort", a[0])
}

pub const LIB: &[(&str, NativeFn)] = &[
    ("insert", t_insert),
    ("remove", t_remove),
    ("concat", t_concat),
    ("unpack", t_unpack),
    ("pack", t_pack),
    ("move", t_move),
    ("sort", t_sort),
];

pub fn register(t: &mut crate::bif::NativeTable) {
    for &(name, f) in LIB {
        t.push(("lua_table", name, 1, f, false));
    }
}
