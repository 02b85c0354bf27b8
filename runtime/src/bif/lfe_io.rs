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

/// `lfe_io:print1/1,2`: the term as a character list, `a[1]` the depth.
fn print1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(depth) = int_arg(a, 1, -1) else {
        return badarg();
    };
    let s = lfe::write_depth(&to_pterm(a[0]), depth);
    Ok(c.string(&s))
}

/// `lfe_io:prettyprint1/1..4`: depth, indentation and line length as
/// `a[1]`, `a[2]`, `a[3]` (defaults -1, 0, 80).
fn prettyprint1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(depth), Some(indent), Some(width)) =
        (int_arg(a, 1, -1), int_arg(a, 2, 0), int_arg(a, 3, 80))
    else {
        return badarg();
    };
    let s = lfe::pretty_with(&to_pterm(a[0]), depth, indent, width);
    Ok(c.string(&s))
}

/// Argument `n` as a small integer, `default` when the call has fewer.
fn int_arg(a: &[Term], n: usize, default: i64) -> Option<i64> {
    match a.get(n) {
        None => Some(default),
        Some(t) => t.as_int(),
    }
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
    t.push(("lfe_io", "print1", 2, print1, false));
    t.push(("lfe_io", "prettyprint1", 1, prettyprint1, false));
    t.push(("lfe_io", "prettyprint1", 2, prettyprint1, false));
    t.push(("lfe_io", "prettyprint1", 3, prettyprint1, false));
    t.push(("lfe_io", "prettyprint1", 4, prettyprint1, false));
}
