//! The `lists` functions that are BIFs in OTP (hot in real programs):
//! `member/2` (exact match, `=:=`), `keyfind/3`, `keymember/3` (key
//! compared with `==`). Bad arguments are `badarg`, as
//! in OTP 25. The rest of `lists` is Erlang in the Erlang frontend's
//! `lib/lists.erl`.

use super::{badarg, Ctx, NativeTable, Trap};
use crate::term::{order, Term};

fn member(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let mut cur = a[1];
    while let Some((h, t)) = cur.cons() {
        if order::eq_exact(h, a[0]) {
            return Ok(Term::TRUE);
        }
        cur = t;
    }
    if cur.is_nil() {
        Ok(Term::FALSE)
    } else {
        badarg()
    }
}

/// The first tuple whose element N (1-based) equals the key, or None.
fn find(key: Term, n: Term, list: Term) -> Result<Option<Term>, Trap> {
    let Some(n) = n.as_int().filter(|&n| n >= 1) else {
        return badarg();
    };
    let idx = (n - 1) as usize;
    let mut cur = list;
    while let Some((h, t)) = cur.cons() {
        if let Some(tu) = h.tuple() {
            if tu.get(idx).is_some_and(|e| order::eq(e, key)) {
                return Ok(Some(h));
            }
        }
        cur = t;
    }
    if cur.is_nil() {
        Ok(None)
    } else {
        badarg()
    }
}

fn keyfind(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(find(a[0], a[1], a[2])?.unwrap_or(Term::FALSE))
}

fn keymember(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(if find(a[0], a[1], a[2])?.is_some() {
        Term::TRUE
    } else {
        Term::FALSE
    })
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("lists", "member", 2, member, false));
    t.push(("lists", "keyfind", 3, keyfind, false));
    t.push(("lists", "keymember", 3, keymember, false));
}
