//! The `os` module's environment and identity (`os:getenv/0,1`,
//! `os:putenv/2`, `os:unsetenv/1`, `os:getpid/0`, `os:type/0`) and
//! `file:get_cwd/0`, for Elixir's `System`.
//!
//! `putenv`/`unsetenv` change an overlay of this OS process, not the real
//! environment: `std::env::set_var` races with other threads reading the
//! environment, and the VM never starts OS processes that would inherit it.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use super::{badarg, term_to_string, Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};

/// Name → `Some(value)` (put) or `None` (unset), over `std::env`.
fn overlay() -> &'static Mutex<HashMap<String, Option<String>>> {
    static OVERLAY: OnceLock<Mutex<HashMap<String, Option<String>>>> = OnceLock::new();
    OVERLAY.get_or_init(|| Mutex::new(HashMap::new()))
}

fn lookup(name: &str) -> Option<String> {
    let over = overlay().lock().unwrap_or_else(|e| e.into_inner());
    match over.get(name) {
        Some(v) => v.clone(),
        None => std::env::var(name).ok(),
    }
}

/// `os:getenv()`: every variable as a `"NAME=VALUE"` string.
fn getenv0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let mut vars: HashMap<String, String> = std::env::vars().collect();
    {
        let over = overlay().lock().unwrap_or_else(|e| e.into_inner());
        for (k, v) in over.iter() {
            match v {
                Some(v) => vars.insert(k.clone(), v.clone()),
                None => vars.remove(k),
            };
        }
    }
    let mut pairs: Vec<(String, String)> = vars.into_iter().collect();
    pairs.sort();
    let items: Vec<Term> = pairs
        .iter()
        .map(|(k, v)| c.string(&format!("{k}={v}")))
        .collect();
    Ok(c.list(&items))
}

/// `os:getenv(Name)`: the value as a string, or `false`.
fn getenv1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(name) = term_to_string(a[0]) else {
        return badarg();
    };
    Ok(match lookup(&name) {
        Some(v) => c.string(&v),
        None => Term::atom(Atom::FALSE),
    })
}

fn putenv(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(name), Some(value)) = (term_to_string(a[0]), term_to_string(a[1])) else {
        return badarg();
    };
    if name.is_empty() || name.contains('=') || name.contains('\0') || value.contains('\0') {
        return badarg();
    }
    let mut over = overlay().lock().unwrap_or_else(|e| e.into_inner());
    over.insert(name, Some(value));
    Ok(Term::atom(Atom::TRUE))
}

fn unsetenv(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(name) = term_to_string(a[0]) else {
        return badarg();
    };
    let mut over = overlay().lock().unwrap_or_else(|e| e.into_inner());
    over.insert(name, None);
    Ok(Term::atom(Atom::TRUE))
}

fn getpid(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    Ok(c.string(&std::process::id().to_string()))
}

/// `{unix, linux}` (or `{unix, darwin}`, `{win32, nt}`), as OTP names them.
fn os_type(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let (family, name) = match std::env::consts::OS {
        "windows" => ("win32", "nt"),
        "macos" => ("unix", "darwin"),
        other => ("unix", other),
    };
    Ok(c.tuple(&[
        Term::atom(Atom::intern(family)),
        Term::atom(Atom::intern(name)),
    ]))
}

/// `{ok, Dir}` or `{error, Posix}`.
fn get_cwd(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    match std::env::current_dir() {
        Ok(d) => {
            let s = c.string(&d.to_string_lossy());
            Ok(c.tuple(&[Term::atom(Atom::intern("ok")), s]))
        }
        Err(_) => Ok(c.tuple(&[
            Term::atom(Atom::intern("error")),
            Term::atom(Atom::intern("enoent")),
        ])),
    }
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("os", "getenv", 0, getenv0, false));
    t.push(("os", "getenv", 1, getenv1, false));
    t.push(("os", "putenv", 2, putenv, false));
    t.push(("os", "unsetenv", 1, unsetenv, false));
    t.push(("os", "getpid", 0, getpid, false));
    t.push(("os", "type", 0, os_type, false));
    t.push(("file", "get_cwd", 0, get_cwd, false));
}
