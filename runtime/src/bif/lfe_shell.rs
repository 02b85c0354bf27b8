//! `lfe_shell:c/1`: the LFE shell's `(c "file.lfe")`, compiling an LFE
//! source file at run time (through the VM's loader, so by the LFE
//! frontend) and loading its modules.

use super::io::format_chars;
use super::{badarg, Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};

fn atom(name: &str) -> Term {
    Term::atom(Atom::intern(name))
}

/// Returns `({module, M} ...)` as LFE's `c/1` does, or prints the
/// diagnostics and returns `error` (LFE reports its errors and returns
/// `error` too).
fn c(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(cps) = format_chars(a[0]).or_else(|| {
        a[0].as_atom()
            .map(|x| x.text().chars().map(u32::from).collect())
    }) else {
        return badarg();
    };
    let mut path: String = cps.iter().filter_map(|&x| char::from_u32(x)).collect();
    // `lfe_comp:file/1` adds the extension when it is missing.
    if !path.ends_with(".lfe") {
        path.push_str(".lfe");
    }
    let Ok(text) = std::fs::read(&path) else {
        c.vm.output
            .out_chars(&format!("{path}:none: no such file or directory\n"));
        return Ok(atom("error"));
    };
    match c.vm.compile_file("lfe", &path, &text) {
        Ok(names) => {
            let mut list = Term::NIL;
            for n in names.iter().rev() {
                let m = atom(n);
                let module = atom("module");
                let t = c.tuple(&[module, m]);
                list = c.cons(t, list);
            }
            Ok(list)
        }
        Err(text) => {
            c.vm.output.out_chars(&text);
            Ok(atom("error"))
        }
    }
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("lfe_shell", "c", 1, c, false));
}
