//! The emitting end of `logger`: the primary level and the report text.
//!
//! `logger`, `error_logger` and the OTP behaviours are Erlang library code
//! (frontends/erlang/lib); they format a report and hand its text here.
//! Reports go to standard error, as the runtime's own crash reports do, so
//! a program's standard output stays what the program printed (erl prints
//! them on standard output; spec/runtime.md says why we differ).

use std::sync::atomic::Ordering;

use super::{badarg, term_to_string, Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};
use crate::vm::VmInner;

/// Ranks of logger's levels, most severe first; `none` drops everything and
/// `all` keeps everything.
const LEVELS: [&str; 10] = [
    "none",
    "emergency",
    "alert",
    "critical",
    "error",
    "warning",
    "notice",
    "info",
    "debug",
    "all",
];
pub const ERROR: u8 = 4;
/// OTP's default primary level is `notice`.
pub const DEFAULT_LEVEL: u8 = 6;

fn rank(level: Term) -> Option<u8> {
    let name = level.as_atom()?;
    LEVELS
        .iter()
        .position(|l| *l == name.text())
        .and_then(|i| u8::try_from(i).ok())
}

/// Whether a report at `level` passes the primary level.
pub fn enabled(vm: &VmInner, level: u8) -> bool {
    level != 0 && level <= vm.log_level.load(Ordering::Relaxed)
}

/// `'$eubeam_log'(Level, Header, Text)`: writes `=Header REPORT==== time ===`
/// and Text (chardata, printed as given) if Level passes; `ok` either way.
fn emit(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(level), Some(header), Some(text)) =
        (rank(a[0]), a[1].as_atom(), term_to_string(a[2]))
    else {
        return badarg();
    };
    if enabled(c.vm, level) {
        let out = format!(
            "={} REPORT==== {} ===\n{}\n",
            header.text(),
            crate::vm::timestamp(),
            text
        );
        c.vm.output.err(out.as_bytes());
    }
    Ok(Term::atom(Atom::intern("ok")))
}

/// Whether Level passes the primary level now.
fn allowed(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match rank(a[0]) {
        Some(l) => Ok(Term::bool(enabled(c.vm, l))),
        None => badarg(),
    }
}

fn get_level(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let i = usize::from(c.vm.log_level.load(Ordering::Relaxed));
    Ok(Term::atom(Atom::intern(
        LEVELS.get(i).copied().unwrap_or("notice"),
    )))
}

fn set_level(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match rank(a[0]) {
        Some(l) => {
            c.vm.log_level.store(l, Ordering::Relaxed);
            Ok(Term::atom(Atom::intern("ok")))
        }
        None => badarg(),
    }
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("erlang", "$eubeam_log", 3, emit, false));
    t.push(("erlang", "$eubeam_log_allowed", 1, allowed, false));
    t.push(("erlang", "$eubeam_log_level", 0, get_level, false));
    t.push(("erlang", "$eubeam_log_level", 1, set_level, false));
}
