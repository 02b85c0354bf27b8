//! Native functions ("BIFs"), keyed by (module, function, arity).
//!
//! A native runs inside the calling process: [`Ctx`] gives it the process
//! body (heap, dictionary, mailbox) and the VM. It returns a value or a
//! [`Trap`]: an exception, or a request to the interpreter (apply a function,
//! collect garbage, end the process). Natives never collect garbage
//! themselves, so the terms they hold stay valid while they run.

use std::sync::Arc;

use crate::code::Class;
use crate::heap;
use crate::process::{ProcBody, Process};
use crate::term::{Atom, Term};
use crate::vm::VmInner;

mod arith;
pub mod binary;
mod code;
mod convert;
mod display;
mod dist;
mod elixir;
mod erf;
mod erlang;
mod etf;
mod file;
mod graphemes;
mod io;
mod lfe_io;
mod lfe_shell;
mod lists;
pub(crate) mod logger;
mod maps;
mod math;
mod os;
mod phash;
mod process;
mod rand;
mod regex;
mod unicode;

pub type NativeFn = fn(&mut Ctx<'_>, &[Term]) -> Result<Term, Trap>;

pub struct Ctx<'a> {
    pub p: &'a mut ProcBody,
    pub vm: &'a VmInner,
    pub me: &'a Arc<Process>,
}

pub enum Trap {
    /// `error:Reason`, with the native and its arguments atop the trace.
    Error(Term),
    /// Raise `class:Reason` as if from the caller (`throw/1`, `exit/1`, `error/1`).
    Raise(Class, Term),
    /// `erlang:raise/3`: raise `class:Reason` with the given stack trace
    /// (a list) instead of one built from the current frames.
    RaiseWith(Class, Term, Term),
    /// Tail-call the fun with these arguments in place of the native.
    ApplyFun { fun: Term, args: Vec<Term> },
    /// Tail-call `module:function(args)` in place of the native.
    ApplyMfa {
        module: Atom,
        function: Atom,
        args: Vec<Term>,
    },
    /// Collect garbage now, then return `true`.
    Gc,
    /// End the process with this reason (no crash report).
    Exit(Term),
    /// Not possible now (another process's state is busy): suspend and
    /// call the native again with the same arguments when rescheduled.
    Yield,
    /// Switch to or from a Lua coroutine's stack (`lua::co`).
    CoSwitch(Box<crate::lua::co::CoSwitch>),
}

impl Ctx<'_> {
    pub fn tuple(&mut self, elems: &[Term]) -> Term {
        heap::make_tuple(&mut self.p.heap, elems)
    }

    pub fn list(&mut self, items: &[Term]) -> Term {
        heap::list(&mut self.p.heap, items)
    }

    pub fn cons(&mut self, h: Term, t: Term) -> Term {
        heap::cons(&mut self.p.heap, h, t)
    }

    pub fn float(&mut self, f: f64) -> Term {
        heap::make_float(&mut self.p.heap, f)
    }

    /// A string as a list of code points.
    pub fn string(&mut self, s: &str) -> Term {
        let chars: Vec<Term> = s.chars().map(|c| Term::small(c as usize)).collect();
        self.list(&chars)
    }
}

pub fn badarg<T>() -> Result<T, Trap> {
    Err(Trap::Error(Term::atom(Atom::BADARG)))
}

pub fn badarith<T>() -> Result<T, Trap> {
    Err(Trap::Error(Term::atom(Atom::BADARITH)))
}

/// A character list (flat, or an iolist of code points and binaries later)
/// as a Rust string.
pub fn term_to_string(t: Term) -> Option<String> {
    let mut s = String::new();
    append_chars(t, &mut s)?;
    Some(s)
}

/// Chardata: code points, nested lists, and UTF-8 binaries (also as a tail).
fn append_chars(t: Term, out: &mut String) -> Option<()> {
    let mut cur = t;
    loop {
        if cur.is_nil() {
            return Some(());
        }
        if cur.is_bitstring() {
            let b = cur.binary_bytes()?;
            out.push_str(std::str::from_utf8(&b).ok()?);
            return Some(());
        }
        let (h, tl) = cur.cons()?;
        if let Some(c) = h.as_int() {
            out.push(char::from_u32(u32::try_from(c).ok()?)?);
        } else if h.is_list() || h.is_bitstring() {
            append_chars(h, out)?;
        } else {
            return None;
        }
        cur = tl;
    }
}

/// A registry of natives: (module, function, arity, function, inlinable).
pub type NativeTable = Vec<(&'static str, &'static str, u32, NativeFn, bool)>;

/// Every native the runtime provides.
pub fn all() -> NativeTable {
    let mut t = NativeTable::new();
    arith::register(&mut t);
    binary::register(&mut t);
    code::register(&mut t);
    convert::register(&mut t);
    dist::register(&mut t);
    erlang::register(&mut t);
    etf::register(&mut t);
    file::register(&mut t);
    graphemes::register(&mut t);
    os::register(&mut t);
    io::register(&mut t);
    lists::register(&mut t);
    logger::register(&mut t);
    lfe_io::register(&mut t);
    lfe_shell::register(&mut t);
    elixir::register(&mut t);
    regex::register(&mut t);
    maps::register(&mut t);
    math::register(&mut t);
    phash::register(&mut t);
    process::register(&mut t);
    rand::register(&mut t);
    unicode::register(&mut t);
    crate::lua::register(&mut t);
    t
}
