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

pub(super) fn register(t: &mut NativeTable) {
    t.push(("$elixir", "inspect", 2, inspect2, false));
    t.push(("$elixir", "ensure_loaded", 1, ensure_loaded1, false));
}
