//! Natives behind Elixir's `inspect`: `'$elixir':inspect/2` renders a term
//! with [`crate::format::elixir`] (the Elixir library calls it; the runtime
//! itself knows no surface language beyond this printer).

use super::{badarg, Ctx, NativeTable, Trap};
use crate::format::elixir::{inspect, Opts};
use crate::term::printable::to_pterm;
use crate::term::Term;

/// Options: a keyword list with `limit` (integer or `infinity`), `width`
/// (integer or `infinity`; absent means one line), `charlists` (`as_lists`).
fn opts_of(t: Term) -> Option<Opts> {
    let mut o = Opts::default();
    for item in t.list_to_vec()? {
        let kv = item.tuple()?;
        if kv.len() != 2 {
            continue;
        }
        let key = kv.get(0)?.as_atom()?;
        let v = kv.get(1)?;
        match key.text() {
            "limit" => o.limit = v.as_int().and_then(|i| usize::try_from(i).ok()),
            "width" => o.width = v.as_int().and_then(|i| usize::try_from(i).ok()),
            "charlists" => {
                o.charlists_as_lists = v.as_atom().is_some_and(|a| a.text() == "as_lists")
            }
            _ => {}
        }
    }
    Some(o)
}

fn inspect2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(opts) = opts_of(a[1]) else {
        return badarg();
    };
    let s = inspect(&to_pterm(a[0]), &opts);
    Ok(c.binary(s.as_bytes()))
}

/// `'$elixir':ensure_loaded(Module)`: loads the module through the loader if
/// needed; `true` when it is loaded (protocol dispatch asks whether the
/// implementation module `Proto.Type` exists).
fn ensure_loaded1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(m) = a[0].as_atom() else {
        return badarg();
    };
    Ok(Term::atom(crate::term::Atom::from_bool(
        c.vm.ensure_loaded(m),
    )))
}

/// `'$elixir':compile_string(Path, Text)`: compiles Elixir source text at
/// run time (ExUnit's doctests) through the VM's loader and loads its
/// modules: `{ok, [Module]}` or `{error, Diagnostics}` (binaries).
fn compile_string(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(path), Some(text)) = (a[0].binary_bytes(), a[1].binary_bytes()) else {
        return badarg();
    };
    let path = String::from_utf8_lossy(&path).into_owned();
    match c.vm.compile_file("elixir", &path, &text) {
        Ok(names) => {
            let mods: Vec<Term> = names
                .iter()
                .map(|n| Term::atom(crate::term::Atom::intern(n)))
                .collect();
            let list = c.list(&mods);
            Ok(c.tuple(&[Term::atom(crate::term::Atom::intern("ok")), list]))
        }
        Err(e) => {
            let msg = c.binary_from_vec(e.into_bytes());
            Ok(c.tuple(&[Term::atom(crate::term::Atom::intern("error")), msg]))
        }
    }
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("$elixir", "compile_string", 2, compile_string, false));
    t.push(("$elixir", "inspect", 2, inspect2, false));
    t.push(("$elixir", "ensure_loaded", 1, ensure_loaded1, false));
}
