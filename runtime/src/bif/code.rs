//! What the code server knows, asked from Erlang: `erlang:function_exported/3`,
//! `erlang:module_loaded/1`, `erlang:get_module_info/2` and the `code`
//! module's loading calls.
//!
//! Library modules are compiled on first use, so "loaded" means what it
//! means in an interactive-mode `erl`: a module is loaded once something
//! has called it or `code:ensure_loaded/1` asked for it.

use super::{badarg, Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};

/// True if `M:F/A` is a native or an export of a loaded module. Like OTP's,
/// it never loads the module.
fn function_exported(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(m), Some(f), Some(n)) = (a[0].as_atom(), a[1].as_atom(), a[2].as_int()) else {
        return badarg();
    };
    let Ok(arity) = u32::try_from(n) else {
        return badarg();
    };
    let found =
        c.vm.code
            .find_entry(m, f, arity)
            .is_some_and(|e| e.native.get().is_some() || e.target().is_some());
    Ok(Term::bool(found))
}

fn module_loaded(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(m) = a[0].as_atom() else {
        return badarg();
    };
    Ok(Term::bool(c.vm.code.module(m).is_some()))
}

/// `{module, M}` once loaded (compiling a library module if need be), or
/// `{error, nofile}`.
fn ensure_loaded(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(m) = a[0].as_atom() else {
        return badarg();
    };
    if c.vm.ensure_loaded(m) {
        Ok(c.tuple(&[Term::atom(Atom::intern("module")), a[0]]))
    } else {
        Ok(c.tuple(&[
            Term::atom(Atom::intern("error")),
            Term::atom(Atom::intern("nofile")),
        ]))
    }
}

/// `{file, Path}` for a loaded module, `false` otherwise.
fn is_loaded(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(m) = a[0].as_atom() else {
        return badarg();
    };
    match c.vm.code.module(m) {
        Some(code) => {
            let file = c.string(&code.file);
            Ok(c.tuple(&[Term::atom(Atom::intern("file")), file]))
        }
        None => Ok(Term::atom(Atom::FALSE)),
    }
}

/// `erlang:get_module_info(M, Key)`, what erlc's generated `M:module_info/1`
/// calls: `module` and `exports` (in the module's export order, as erl
/// lists them; our modules have no generated `module_info/0,1`, so those
/// are not listed). Loads `M` if need be; an unknown
/// module or another key is `badarg`.
fn get_module_info(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(m), Some(key)) = (a[0].as_atom(), a[1].as_atom()) else {
        return badarg();
    };
    if !c.vm.ensure_loaded(m) {
        return badarg();
    }
    let Some(code) = c.vm.code.module(m) else {
        return badarg();
    };
    match key.text() {
        "module" => Ok(a[0]),
        "exports" => {
            let mut items = Vec::with_capacity(code.exports.len() + 2);
            for &(f, arity, _) in &code.exports {
                items.push(c.tuple(&[Term::atom(f), Term::small(arity as usize)]));
            }
            Ok(c.list(&items))
        }
        _ => badarg(),
    }
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("erlang", "get_module_info", 2, get_module_info, false));
    t.push(("erlang", "function_exported", 3, function_exported, false));
    t.push(("erlang", "module_loaded", 1, module_loaded, false));
    t.push(("code", "ensure_loaded", 1, ensure_loaded, false));
    t.push(("code", "is_loaded", 1, is_loaded, false));
}
