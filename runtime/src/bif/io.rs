//! `io` natives: formatted output through the VM's ordered writer.

use super::{badarg, term_to_string, Ctx, NativeTable, Trap};
use crate::term::printable::to_pterm;
use crate::term::{Atom, Term};

/// The format string as code points: a char list, an atom (or a binary later).
pub(super) fn format_chars(t: Term) -> Option<Vec<u32>> {
    if let Some(a) = t.as_atom() {
        return Some(a.text().chars().map(u32::from).collect());
    }
    term_to_string(t).map(|s| s.chars().map(u32::from).collect())
}

fn do_format(c: &mut Ctx, fmt: Term, args: Term) -> Result<Term, Trap> {
    format_to(c, fmt, args, false)
}

/// Where `standard_io` output of the caller goes: the pid of its group
/// leader, or `None` for the VM's standard output.
fn stdio_leader(c: &Ctx) -> Option<u64> {
    (c.p.group_leader != 0).then_some(c.p.group_leader)
}

/// Writes text to `standard_io` (or to the io device `leader`): straight to
/// the VM's output, or as an io request `{put_chars, unicode, Bin}` to the
/// group leader, through `'$eubeam_io':put_chars/2` (Erlang, in the Erlang
/// frontend's lib/), which sends it and waits for the reply as `io` does.
fn write_out(c: &mut Ctx, leader: Option<u64>, s: &str) -> Result<Term, Trap> {
    match leader {
        None => {
            c.vm.output.out_chars(s);
            Ok(Term::OK)
        }
        Some(pid) => {
            let bin = crate::heap::make_binary(&mut c.p.heap, s.as_bytes());
            Err(Trap::ApplyMfa {
                module: Atom::intern("$eubeam_io"),
                function: Atom::intern("put_chars"),
                args: vec![Term::pid(pid), bin],
            })
        }
    }
}

/// The io device a `Device` argument names: `standard_io` is the group
/// leader; `user` and pid 0 the VM's output; another pid that process.
fn device_leader(c: &Ctx, dev: Term) -> Option<u64> {
    match dev.as_pid() {
        Some(0) => None,
        Some(pid) => Some(pid),
        None if dev.as_atom() == Some(Atom::USER) => None,
        None => stdio_leader(c),
    }
}

/// Formats to standard output, or to standard error for `standard_error`.
fn format_to(c: &mut Ctx, fmt: Term, args: Term, to_stderr: bool) -> Result<Term, Trap> {
    let Some(f) = format_chars(fmt) else {
        return badarg();
    };
    let Some(args) = args.list_to_vec() else {
        return badarg();
    };
    let pargs: Vec<_> = args.into_iter().map(to_pterm).collect();
    match crate::format::format(&f, &pargs) {
        Ok(s) if to_stderr => {
            c.vm.output.err(s.as_bytes());
            Ok(Term::OK)
        }
        Ok(s) => {
            let leader = stdio_leader(c);
            write_out(c, leader, &s)
        }
        Err(_) => badarg(),
    }
}

/// io_lib:format/2: the formatted text as a character list.
fn io_lib_format(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(f) = format_chars(a[0]) else {
        return badarg();
    };
    let Some(args) = a[1].list_to_vec() else {
        return badarg();
    };
    let pargs: Vec<_> = args.into_iter().map(to_pterm).collect();
    match crate::format::format(&f, &pargs) {
        Ok(s) => Ok(c.string(&s)),
        Err(_) => badarg(),
    }
}

fn is_stdio(t: Term) -> bool {
    matches!(t.as_atom(), Some(Atom::STANDARD_IO | Atom::USER)) || t.is_pid()
}

fn format1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    do_format(c, a[0], Term::NIL)
}

fn format2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    do_format(c, a[0], a[1])
}

fn is_stderr(t: Term) -> bool {
    t.as_atom().is_some_and(|d| d.text() == "standard_error")
}

fn format3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if is_stderr(a[0]) {
        return format_to(c, a[1], a[2], true);
    }
    if !is_stdio(a[0]) {
        return badarg();
    }
    let leader = device_leader(c, a[0]);
    let Some(f) = format_chars(a[1]) else {
        return badarg();
    };
    let Some(args) = a[2].list_to_vec() else {
        return badarg();
    };
    let pargs: Vec<_> = args.into_iter().map(to_pterm).collect();
    match crate::format::format(&f, &pargs) {
        Ok(s) => write_out(c, leader, &s),
        Err(_) => badarg(),
    }
}

fn put_chars1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let leader = stdio_leader(c);
    put_chars_to(c, leader, a[0])
}

fn put_chars_to(c: &mut Ctx, leader: Option<u64>, chars: Term) -> Result<Term, Trap> {
    let s = match chars.as_atom() {
        Some(at) => at.text().to_string(),
        None => match term_to_string(chars) {
            Some(s) => s,
            None => return badarg(),
        },
    };
    write_out(c, leader, &s)
}

fn put_chars2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if is_stderr(a[0]) {
        let s = match a[1].as_atom() {
            Some(at) => at.text().to_string(),
            None => match term_to_string(a[1]) {
                Some(s) => s,
                None => return badarg(),
            },
        };
        c.vm.output.err(s.as_bytes());
        return Ok(Term::OK);
    }
    if !is_stdio(a[0]) {
        return badarg();
    }
    let leader = device_leader(c, a[0]);
    put_chars_to(c, leader, a[1])
}

fn nl0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let leader = stdio_leader(c);
    write_out(c, leader, "\n")
}

/// `io:setopts/1,2` on `standard_io`: `{encoding, latin1 | unicode}` and
/// `unicode` choose how characters are written; the other options (`binary`,
/// `list`, ...) change nothing for output and are accepted.
fn setopts(c: &mut Ctx, opts: Term) -> Result<Term, Trap> {
    let Some(opts) = opts.list_to_vec() else {
        return badarg();
    };
    for opt in opts {
        if opt.as_atom().is_some_and(|a| a.text() == "unicode") {
            c.vm.output.set_latin1(false);
        } else if let Some([key, value]) = opt.tuple().map(|t| t.to_vec()).as_deref() {
            if key.as_atom().is_some_and(|a| a.text() == "encoding") {
                match value.as_atom().map(|a| a.text().to_string()).as_deref() {
                    Some("unicode" | "utf8") => c.vm.output.set_latin1(false),
                    Some("latin1") => c.vm.output.set_latin1(true),
                    _ => return badarg(),
                }
            }
        }
    }
    Ok(Term::OK)
}

fn setopts1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    setopts(c, a[0])
}

fn setopts2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if !is_stdio(a[0]) {
        return badarg();
    }
    setopts(c, a[1])
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("io", "setopts", 1, setopts1, false));
    t.push(("io", "setopts", 2, setopts2, false));
    t.push(("io", "format", 1, format1, false));
    t.push(("io", "format", 2, format2, false));
    t.push(("io", "format", 3, format3, false));
    t.push(("io", "fwrite", 1, format1, false));
    t.push(("io", "fwrite", 2, format2, false));
    t.push(("io", "fwrite", 3, format3, false));
    t.push(("io", "put_chars", 1, put_chars1, false));
    t.push(("io", "put_chars", 2, put_chars2, false));
    t.push(("io", "nl", 0, nl0, false));
    t.push(("io_lib", "format", 2, io_lib_format, false));
}
