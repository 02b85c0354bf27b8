//! `lfe_io` natives: LFE's printing (`lfe_io:format/2`, `print/1`,
//! `prettyprint/1` and their string-returning forms), through the VM's
//! ordered writer. The printers are in `format/lfe.rs`.

use super::io::format_chars as io_chars;
use super::{badarg, Ctx, NativeTable, Trap};
use crate::format::lfe;
use crate::term::printable::to_pterm;
use crate::term::{Atom, Term};

fn formatted(fmt: Term, args: Term) -> Option<String> {
    let f = io_chars(fmt)?;
    let args = args.list_to_vec()?;
    let pargs: Vec<_> = args.into_iter().map(to_pterm).collect();
    lfe::format(&f, &pargs).ok()
}

fn format1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    format2(c, &[a[0], Term::NIL])
}

fn format2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match formatted(a[0], a[1]) {
        Some(s) => {
            c.vm.output.out_chars(&s);
            Ok(Term::OK)
        }
        None => badarg(),
    }
}

fn format3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let stdio = matches!(a[0].as_atom(), Some(Atom::STANDARD_IO | Atom::USER)) || a[0].is_pid();
    if !stdio {
        return badarg();
    }
    format2(c, &a[1..])
}

/// `lfe_io:format1/2`: the text as a character list.
fn format1_string(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match formatted(a[0], a[1]) {
        Some(s) => Ok(c.string(&s)),
        None => badarg(),
    }
}

fn print(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let s = lfe::write(&to_pterm(a[0]));
    c.vm.output.out_chars(&s);
    Ok(Term::OK)
}

fn prettyprint(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let s = lfe::pretty(&to_pterm(a[0]));
    c.vm.output.out_chars(&s);
    Ok(Term::OK)
}

fn print1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let s = lfe::write(&to_pterm(a[0]));
    Ok(c.string(&s))
}

fn prettyprint1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let s = lfe::pretty(&to_pterm(a[0]));
    Ok(c.string(&s))
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("lfe_io", "format", 1, format1, false));
    t.push(("lfe_io", "format", 2, format2, false));
    t.push(("lfe_io", "format", 3, format3, false));
    t.push(("lfe_io", "fwrite", 1, format1, false));
    t.push(("lfe_io", "fwrite", 2, format2, false));
    t.push(("lfe_io", "fwrite", 3, format3, false));
    t.push(("lfe_io", "format1", 2, format1_string, false));
    t.push(("lfe_io", "fwrite1", 2, format1_string, false));
    t.push(("lfe_io", "print", 1, print, false));
    t.push(("lfe_io", "prettyprint", 1, prettyprint, false));
    t.push(("lfe_io", "print1", 1, print1, false));
    t.push(("lfe_io", "prettyprint1", 1, prettyprint1, false));
}
