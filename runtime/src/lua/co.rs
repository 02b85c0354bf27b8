//! Lua coroutines as native continuations: a coroutine is an arena object
//! holding a call stack (frames, y slots, catch records). Resuming swaps
//! the process's current stack with the coroutine's; yielding swaps back.
//! The swap is symmetric: while a coroutine runs, its object holds the
//! stack of whoever resumed it. The interpreter performs the swap when a
//! native returns `Trap::CoSwitch` (see `interp.rs`).
//!
//! A fresh coroutine starts with `lua_rt:co_main(F, Args)` on an empty
//! stack; `co_main` catches everything and ends with `lua_co:done/1` or
//! `lua_co:fail/2`, so no exception unwinds past the coroutine's stack.

use super::base::{arg, argv};
use super::{make_str, nil, obj_slot, LuaObj};
use crate::bif::{Ctx, NativeFn, NativeTable, Trap};
use crate::heap;
use crate::process::{CatchFrame, Frame, ProcBody};
use crate::term::{Atom, Sub, Term};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoStatus {
    Fresh,
    Suspended,
    Running,
    /// Resumed another coroutine and waits for it.
    Normal,
    Dead,
}

pub struct Coroutine {
    /// `[self reference, body function, error value]` (collector roots):
    /// the error that ended the coroutine, nil once `close` reported it.
    pub head: [Term; 3],
    pub frames: Vec<Frame>,
    pub ys: Vec<Term>,
    pub catches: Vec<CatchFrame>,
    pub status: CoStatus,
    /// The main coroutine (`coroutine.running()` outside any coroutine).
    pub main: bool,
    /// `coroutine.close` is unwinding it (closing its to-be-closed
    /// variables).
    pub closing: bool,
}

/// The reason of the exception `coroutine.close` raises at the point where
/// a suspended coroutine yielded: it unwinds the coroutine's stack so each
/// to-be-closed variable's handler closes it (with error value nil);
/// `pcall` does not catch it (lua_rt) and `co_main` ends the coroutine.
pub const CLOSE_MARK: &str = "lua$co_close";

/// What the interpreter does after swapping stacks.
pub enum CoThen {
    /// Start the coroutine: call `lua_rt:co_main(args)` on its new stack.
    Start(Vec<Term>),
    /// Return this value from the call that suspended the stack now
    /// running; `discard` drops the stack swapped out (a finished
    /// coroutine's).
    Return { value: Term, discard: bool },
    /// Raise `error:Reason` from the call that suspended the stack now
    /// running (`coroutine.close`).
    Raise(Term),
}

pub struct CoSwitch {
    pub slot: usize,
    pub then: CoThen,
}

/// Swap the process's stacks with the coroutine's (interpreter only).
pub fn swap(p: &mut ProcBody, slot: usize) {
    let ProcBody {
        frames,
        ys,
        catches,
        lua,
        ..
    } = p;
    if let Some(LuaObj::Co(co)) = lua.obj_mut(slot) {
        std::mem::swap(frames, &mut co.frames);
        std::mem::swap(ys, &mut co.ys);
        std::mem::swap(catches, &mut co.catches);
    }
}

/// After a finished coroutine's stack was swapped out: free it.
pub fn discard(p: &mut ProcBody, slot: usize) {
    if let Some(LuaObj::Co(co)) = p.lua.obj_mut(slot) {
        co.frames = Vec::new();
        co.ys = Vec::new();
        co.catches = Vec::new();
    }
}

fn co_mut<'a>(c: &'a mut Ctx<'_>, t: Term) -> Option<&'a mut Coroutine> {
    match c.p.lua.obj_mut(obj_slot(t)?)? {
        LuaObj::Co(co) => Some(co),
        _ => None,
    }
}

pub fn is_coroutine(arena: &super::LuaArena, t: Term) -> bool {
    matches!(
        obj_slot(t).and_then(|s| arena.objs.get(s)),
        Some(LuaObj::Co(_))
    )
}

fn new_co(c: &mut Ctx<'_>, f: Term, main: bool) -> Term {
    let slot = c.p.lua.alloc_slot();
    let me = heap::make_boxed(&mut c.p.heap, Sub::LuaTable, &[Term::small(slot)]);
    c.p.lua.set_obj(
        slot,
        LuaObj::Co(Box::new(Coroutine {
            head: [me, f, nil()],
            frames: Vec::new(),
            ys: Vec::new(),
            catches: Vec::new(),
            status: if main {
                CoStatus::Running
            } else {
                CoStatus::Fresh
            },
            main,
            closing: false,
        })),
    );
    me
}

type R = Result<Term, Trap>;

fn create(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let f = arg(&args, 0);
    if !f.is_function() {
        return super::base::typeerr(c, 1, "create", "function", f);
    }
    Ok(new_co(c, f, false))
}

fn check_co(c: &mut Ctx<'_>, t: Term, fname: &str) -> Result<usize, Trap> {
    if is_coroutine(&c.p.lua, t) {
        if let Some(s) = obj_slot(t) {
            return Ok(s);
        }
    }
    super::base::typeerr(c, 1, fname, "coroutine", t)
}

fn resume(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let co = arg(&args, 0);
    let slot = check_co(c, co, "resume")?;
    let rest = args.get(1..).unwrap_or(&[]).to_vec();
    let (status, f) = match co_mut(c, co) {
        Some(x) => (x.status, x.head[1]),
        None => return Ok(nil()),
    };
    let msg = match status {
        CoStatus::Dead => Some("cannot resume dead coroutine"),
        CoStatus::Running | CoStatus::Normal => Some("cannot resume non-suspended coroutine"),
        _ => None,
    };
    if let Some(m) = msg {
        let s = make_str(c, m.as_bytes());
        return Ok(c.list(&[Term::FALSE, s]));
    }
    if let Some(&cur) = c.p.lua.running.last() {
        if let Some(LuaObj::Co(x)) = c.p.lua.obj_mut(cur) {
            x.status = CoStatus::Normal;
        }
    }
    if let Some(x) = co_mut(c, co) {
        x.status = CoStatus::Running;
    }
    c.p.lua.running.push(slot);
    let then = if status == CoStatus::Fresh {
        let l = c.list(&rest);
        CoThen::Start(vec![f, l])
    } else {
        CoThen::Return {
            value: super::ret(c, &rest),
            discard: false,
        }
    };
    Err(Trap::CoSwitch(Box::new(CoSwitch { slot, then })))
}

/// Leave the running coroutine with `value` for its resumer.
fn leave(c: &mut Ctx<'_>, value: Term, status: CoStatus) -> R {
    let Some(slot) = c.p.lua.running.pop() else {
        return super::lua_err(c, "attempt to yield from outside a coroutine");
    };
    if let Some(LuaObj::Co(x)) = c.p.lua.obj_mut(slot) {
        x.status = status;
    }
    if let Some(&cur) = c.p.lua.running.last() {
        if let Some(LuaObj::Co(x)) = c.p.lua.obj_mut(cur) {
            x.status = CoStatus::Running;
        }
    }
    Err(Trap::CoSwitch(Box::new(CoSwitch {
        slot,
        then: CoThen::Return {
            value,
            discard: status == CoStatus::Dead,
        },
    })))
}

fn yield_(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    if c.p.lua.running.is_empty() {
        return super::lua_err(c, "attempt to yield from outside a coroutine");
    }
    let v = c.list(&args);
    let v = c.cons(Term::TRUE, v);
    leave(c, v, CoStatus::Suspended)
}

fn done(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let r = a[0];
    let l = if r.is_list() { r } else { c.cons(r, Term::NIL) };
    let v = c.cons(Term::TRUE, l);
    leave(c, v, CoStatus::Dead)
}

fn fail(c: &mut Ctx<'_>, a: &[Term]) -> R {
    if a[1].as_atom().is_some_and(|x| x.text() == CLOSE_MARK) {
        // closed by `coroutine.close`, every variable closed without error
        let v = c.list(&[Term::TRUE]);
        return leave(c, v, CoStatus::Dead);
    }
    let e = super::natives::error_value_of(c, a[0], a[1])?;
    // An error ending the coroutine is reported once more by `close`
    // (unless it came from closing it).
    if let Some(&slot) = c.p.lua.running.last() {
        if let Some(LuaObj::Co(x)) = c.p.lua.obj_mut(slot) {
            if !x.closing {
                x.head[2] = e;
            }
        }
    }
    let v = c.list(&[Term::FALSE, e]);
    leave(c, v, CoStatus::Dead)
}

fn status(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let co = arg(&args, 0);
    check_co(c, co, "status")?;
    let s = match co_mut(c, co).map(|x| x.status) {
        Some(CoStatus::Fresh | CoStatus::Suspended) => "suspended",
        Some(CoStatus::Running) => "running",
        Some(CoStatus::Normal) => "normal",
        _ => "dead",
    };
    Ok(make_str(c, s.as_bytes()))
}

fn running(c: &mut Ctx<'_>, _a: &[Term]) -> R {
    if let Some(&s) = c.p.lua.running.last() {
        if let Some(LuaObj::Co(x)) = c.p.lua.objs.get(s) {
            let me = x.head[0];
            return Ok(c.list(&[me, Term::FALSE]));
        }
    }
    let main = match c.p.lua.main_co {
        Some(m) => m,
        None => {
            let m = new_co(c, nil(), true);
            c.p.lua.main_co = Some(m);
            m
        }
    };
    Ok(c.list(&[main, Term::TRUE]))
}

/// `isyieldable([co])`: whether `co` (default: the running coroutine) can
/// yield, i.e. is not the main one.
fn isyieldable(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    if let Some(&co) = args.first() {
        if is_coroutine(&c.p.lua, co) {
            return Ok(Term::bool(c.p.lua.main_co != Some(co)));
        }
    }
    Ok(Term::bool(!c.p.lua.running.is_empty()))
}

fn close(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let co = arg(&args, 0);
    check_co(c, co, "close")?;
    let running_inside = !c.p.lua.running.is_empty();
    let st = co_mut(c, co).map(|x| {
        if x.main {
            // the main coroutine's status is not tracked in its object
            if running_inside {
                CoStatus::Normal
            } else {
                CoStatus::Running
            }
        } else {
            x.status
        }
    });
    match st {
        Some(CoStatus::Running | CoStatus::Normal) => {
            let what = if st == Some(CoStatus::Running) {
                "running"
            } else {
                "normal"
            };
            // lua5.4's luaL_error: no "bad argument" prefix
            super::lua_err(c, &format!("cannot close a {what} coroutine"))
        }
        Some(CoStatus::Suspended) => {
            // Resume it with an exception at its yield: the to-be-closed
            // variables' handlers run as it unwinds; `co_main` ends it and
            // `fail` gives `true` or `false, err` back to this call.
            let slot = check_co(c, co, "close")?;
            if let Some(&cur) = c.p.lua.running.last() {
                if let Some(LuaObj::Co(x)) = c.p.lua.obj_mut(cur) {
                    x.status = CoStatus::Normal;
                }
            }
            if let Some(x) = co_mut(c, co) {
                x.status = CoStatus::Running;
                x.closing = true;
            }
            c.p.lua.running.push(slot);
            let mark = Term::atom(Atom::intern(CLOSE_MARK));
            Err(Trap::CoSwitch(Box::new(CoSwitch {
                slot,
                then: CoThen::Raise(mark),
            })))
        }
        _ => {
            let mut err = nil();
            if let Some(x) = co_mut(c, co) {
                x.status = CoStatus::Dead;
                x.frames = Vec::new();
                x.ys = Vec::new();
                x.catches = Vec::new();
                err = std::mem::replace(&mut x.head[2], nil());
            }
            if super::is_nil(err) {
                Ok(Term::TRUE)
            } else {
                Ok(c.list(&[Term::FALSE, err]))
            }
        }
    }
}

pub const LIB: &[(&str, NativeFn)] = &[
    ("create", create),
    ("resume", resume),
    ("yield", yield_),
    ("status", status),
    ("running", running),
    ("isyieldable", isyieldable),
    ("close", close),
];

pub fn register(t: &mut NativeTable) {
    for &(name, f) in LIB {
        t.push(("lua_co", name, 1, f, false));
    }
    t.push(("lua_co", "done", 1, done as NativeFn, false));
    t.push(("lua_co", "fail", 2, fail as NativeFn, false));
}

#[allow(dead_code)]
fn _atom() -> Atom {
    Atom::OK
}
