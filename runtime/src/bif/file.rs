//! The `file` module's whole-file reads and directory listings:
//! `file:read_file/1`, `file:list_dir/1`. Test drivers find test files and
//! read sources to quote the failing code (gleeunit's report does).

use super::{term_to_string, Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};

/// OTP's POSIX error atom for an I/O error (`enoent`, `eacces`, ...).
fn posix(e: &std::io::Error) -> &'static str {
    match e.raw_os_error() {
        Some(2) => "enoent",
        Some(13) => "eacces",
        Some(20) => "enotdir",
        Some(21) => "eisdir",
        Some(12) => "enomem",
        _ => match e.kind() {
            std::io::ErrorKind::NotFound => "enoent",
            std::io::ErrorKind::PermissionDenied => "eacces",
            _ => "eio",
        },
    }
}

/// `{ok, Binary}` or `{error, Posix}`; the name is a string or a binary
/// (anything else is `{error, badarg}`, returned as OTP's does).
fn read_file(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(name) = term_to_string(a[0]) else {
        return Ok(c.tuple(&[Term::atom(Atom::intern("error")), Term::atom(Atom::BADARG)]));
    };
    match std::fs::read(&name) {
        Ok(bytes) => {
            let bin = c.binary_from_vec(bytes);
            Ok(c.tuple(&[Term::atom(Atom::intern("ok")), bin]))
        }
        Err(e) => Ok(c.tuple(&[
            Term::atom(Atom::intern("error")),
            Term::atom(Atom::intern(posix(&e))),
        ])),
    }
}

/// `{ok, Names}` (strings, in the directory's order, as OTP returns them)
/// or `{error, Posix}`; a file that is not a directory is `enotdir`.
fn list_dir(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let error = |c: &mut Ctx, reason: &str| {
        Ok(c.tuple(&[
            Term::atom(Atom::intern("error")),
            Term::atom(Atom::intern(reason)),
        ]))
    };
    let Some(name) = term_to_string(a[0]) else {
        return error(c, "badarg");
    };
    let entries = match std::fs::read_dir(&name) {
        Ok(e) => e,
        Err(e) => return error(c, posix(&e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name().to_string_lossy().into_owned()),
            Err(e) => return error(c, posix(&e)),
        }
    }
    let items: Vec<Term> = names.iter().map(|n| c.string(n)).collect();
    let list = c.list(&items);
    Ok(c.tuple(&[Term::atom(Atom::intern("ok")), list]))
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("file", "read_file", 1, read_file, false));
    t.push(("file", "list_dir", 1, list_dir, false));
}
