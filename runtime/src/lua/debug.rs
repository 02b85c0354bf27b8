//! The part of Lua's `debug` library that the runtime can answer from its
//! own call stack and code: `debug.getinfo` (source, line and kind of a
//! function or of a stack level) and `debug.traceback`. Names of called
//! functions, locals, upvalues and hooks are not known here; the prelude
//! makes the other `debug` functions raise "not supported yet".

use super::base::{arg, argv};
use super::{is_nil, make_str, nil};
use crate::bif::{Ctx, NativeFn, Trap};
use crate::code::ModuleCode;
use crate::term::Term;

type R = Result<Term, Trap>;

/// What `getinfo` reports about one function or stack level.
struct Info {
    /// The chunk name (`file.lua`, `[string "..."]`), None for a native.
    chunk: Option<String>,
    currentline: i64,
    linedefined: i64,
    func: Term,
}

/// Code that is not a Lua chunk: the Lua-written library (standing for C
/// functions) and Erlang modules (hosts, drivers).
fn is_library(code: &ModuleCode) -> bool {
    super::is_library_chunk(&code.file) || code.file.ends_with(".erl")
}

/// The Lua frames on the stack, innermost first: the code running the
/// native, then each return point; runtime-internal frames (no line, or
/// library chunks standing for C functions) are left out.
fn lua_frames(c: &Ctx<'_>) -> Vec<(&'static ModuleCode, u32)> {
    let mut out = Vec::new();
    let here = c.p.code;
    let line = here.line_at(c.p.pc);
    if line != 0 && !is_library(here) {
        out.push((here, line));
    }
    for f in c.p.frames.iter().rev() {
        let line = f.code.line_at(f.ret.saturating_sub(1));
        if line != 0 && !is_library(f.code) {
            out.push((f.code, line));
        }
    }
    out
}

fn set(c: &mut Ctx<'_>, t: Term, k: &str, v: Term) {
    let kt = make_str(c, k.as_bytes());
    if let Some(tab) = c.p.lua.table_mut(t) {
        tab.set(kt, v);
    }
}

fn info_table(c: &mut Ctx<'_>, info: Info) -> Term {
    let t = super::new_table(c);
    let (source, short, what) = match &info.chunk {
        Some(ch) if ch.starts_with('[') => (ch.clone(), ch.clone(), "Lua"),
        Some(ch) => (format!("@{ch}"), ch.clone(), "Lua"),
        None => ("=[C]".to_string(), "[C]".to_string(), "C"),
    };
    let what = if info.chunk.is_some() && info.linedefined == 0 {
        "main"
    } else {
        what
    };
    let v = make_str(c, source.as_bytes());
    set(c, t, "source", v);
    let v = make_str(c, short.as_bytes());
    set(c, t, "short_src", v);
    let v = make_str(c, what.as_bytes());
    set(c, t, "what", v);
    let n = |x: i64| super::number::Num::Int(x);
    let v = super::number::make_num(c, n(info.currentline));
    set(c, t, "currentline", v);
    let v = super::number::make_num(c, n(info.linedefined));
    set(c, t, "linedefined", v);
    let last = if info.chunk.is_some() {
        info.linedefined
    } else {
        -1
    };
    let v = super::number::make_num(c, n(last));
    set(c, t, "lastlinedefined", v);
    let v = make_str(c, b"");
    set(c, t, "namewhat", v);
    set(c, t, "istailcall", Term::FALSE);
    set(c, t, "nups", Term::small(0));
    if !is_nil(info.func) {
        set(c, t, "func", info.func);
    }
    t
}

/// `debug.getinfo([thread,] f | level [, what])`.
fn getinfo(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let mut args = argv(a);
    if super::co::is_coroutine(&c.p.lua, arg(&args, 0)) {
        args.remove(0);
    }
    let target = arg(&args, 0);
    if target.is_function() {
        let info = match target.closure() {
            Some(cl) => {
                let code = cl.module_code();
                let entry = code.funs.get(cl.index as usize).map_or(0, |f| f.entry);
                Info {
                    chunk: (!is_library(code)).then(|| code.file.clone()),
                    currentline: -1,
                    linedefined: i64::from(code.line_at(entry)),
                    func: target,
                }
            }
            None => Info {
                chunk: None,
                currentline: -1,
                linedefined: -1,
                func: target,
            },
        };
        return Ok(info_table(c, info));
    }
    let Some(level) = super::number::num_of(target).and_then(|n| match n {
        super::number::Num::Int(i) => Some(i),
        super::number::Num::Flt(f) => super::number::flt_to_int(f),
    }) else {
        return super::base::argerr(c, 1, "getinfo", "function or level expected");
    };
    if level < 0 {
        return Ok(nil());
    }
    if level == 0 {
        // getinfo itself, a C function
        let info = Info {
            chunk: None,
            currentline: -1,
            linedefined: -1,
            func: nil(),
        };
        return Ok(info_table(c, info));
    }
    let frames = lua_frames(c);
    match frames.get(level as usize - 1) {
        Some(&(code, line)) => {
            let info = Info {
                chunk: Some(code.file.clone()),
                currentline: i64::from(line),
                linedefined: -1,
                func: nil(),
            };
            Ok(info_table(c, info))
        }
        None => Ok(nil()),
    }
}

/// `debug.traceback([thread,] [msg [, level]])`: the message and the Lua
/// frames on the stack, as lua5.4 lays them out (without function names).
fn traceback(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let mut args = argv(a);
    if super::co::is_coroutine(&c.p.lua, arg(&args, 0)) {
        args.remove(0);
    }
    let msg = arg(&args, 0);
    if !is_nil(msg) && !msg.is_bitstring() && super::number::num_of(msg).is_none() {
        return Ok(msg);
    }
    let mut out = if is_nil(msg) {
        Vec::new()
    } else {
        let mut m = super::base::tostring_raw(c, msg);
        m.push(b'\n');
        m
    };
    out.extend_from_slice(b"stack traceback:");
    for (code, line) in lua_frames(c) {
        out.extend_from_slice(format!("\n\t{}:{line}: in ?", code.file).as_bytes());
    }
    out.extend_from_slice(b"\n\t[C]: in ?");
    Ok(make_str(c, &out))
}

pub const LIB: &[(&str, NativeFn)] = &[("getinfo", getinfo), ("traceback", traceback)];
