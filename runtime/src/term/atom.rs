//! The one global atom table.
//!
//! Atoms are interned once for the whole OS process (as on the BEAM, they are
//! never freed). An atom term carries the interner's index. The first atoms are
//! interned in a fixed order at start-up so the runtime can name them with
//! constants ([`Atom::TRUE`], ...).

use std::sync::{LazyLock, RwLock};

use string_interner::backend::BucketBackend;
use string_interner::symbol::{Symbol, SymbolU32};
use string_interner::StringInterner;

/// An interned atom: an index into the global table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Atom(pub u32);

struct Table {
    interner: StringInterner<BucketBackend<SymbolU32>>,
    /// Texts by index, leaked so that reading one needs no lock held beyond
    /// the lookup (atoms live as long as the OS process).
    texts: Vec<&'static str>,
}

/// Atoms with fixed indexes, in the order they are interned at start-up.
const FIXED: &[&str] = &[
    "false",
    "true",
    "ok",
    "error",
    "throw",
    "exit",
    "normal",
    "undefined",
    "infinity",
    "badarg",
    "badarith",
    "badmatch",
    "case_clause",
    "function_clause",
    "if_clause",
    "try_clause",
    "undef",
    "badfun",
    "badarity",
    "system_limit",
    "nocatch",
    "EXIT",
    "erlang",
    "file",
    "line",
    "nonode@nohost",
    "kill",
    "killed",
    "timeout_value",
    "trap_exit",
    "native",
    "second",
    "millisecond",
    "microsecond",
    "nanosecond",
    "error_info",
    "module",
    "erl_erts_errors",
    "standard_io",
    "user",
    "badkey",
    "badmap",
    "not_supported",
    "apply",
    "'$eval'",
    "seconds",
    "milli_seconds",
    "micro_seconds",
    "nano_seconds",
];

impl Atom {
    pub const FALSE: Atom = Atom(0);
    pub const TRUE: Atom = Atom(1);
    pub const OK: Atom = Atom(2);
    pub const ERROR: Atom = Atom(3);
    pub const THROW: Atom = Atom(4);
    pub const EXIT: Atom = Atom(5);
    pub const NORMAL: Atom = Atom(6);
    pub const UNDEFINED: Atom = Atom(7);
    pub const INFINITY: Atom = Atom(8);
    pub const BADARG: Atom = Atom(9);
    pub const BADARITH: Atom = Atom(10);
    pub const BADMATCH: Atom = Atom(11);
    pub const CASE_CLAUSE: Atom = Atom(12);
    pub const FUNCTION_CLAUSE: Atom = Atom(13);
    pub const IF_CLAUSE: Atom = Atom(14);
    pub const TRY_CLAUSE: Atom = Atom(15);
    pub const UNDEF: Atom = Atom(16);
    pub const BADFUN: Atom = Atom(17);
    pub const BADARITY: Atom = Atom(18);
    pub const SYSTEM_LIMIT: Atom = Atom(19);
    pub const NOCATCH: Atom = Atom(20);
    pub const EXIT_UPPER: Atom = Atom(21);
    pub const ERLANG: Atom = Atom(22);
    pub const FILE: Atom = Atom(23);
    pub const LINE: Atom = Atom(24);
    pub const NONODE: Atom = Atom(25);
    pub const KILL: Atom = Atom(26);
    pub const KILLED: Atom = Atom(27);
    pub const TIMEOUT_VALUE: Atom = Atom(28);
    pub const TRAP_EXIT: Atom = Atom(29);
    pub const NATIVE: Atom = Atom(30);
    pub const SECOND: Atom = Atom(31);
    pub const MILLISECOND: Atom = Atom(32);
    pub const MICROSECOND: Atom = Atom(33);
    pub const NANOSECOND: Atom = Atom(34);
    pub const ERROR_INFO: Atom = Atom(35);
    pub const MODULE: Atom = Atom(36);
    pub const ERL_ERTS_ERRORS: Atom = Atom(37);
    pub const STANDARD_IO: Atom = Atom(38);
    pub const USER: Atom = Atom(39);
    pub const BADKEY: Atom = Atom(40);
    pub const BADMAP: Atom = Atom(41);
    pub const NOT_SUPPORTED: Atom = Atom(42);
    pub const APPLY: Atom = Atom(43);
    pub const SECONDS: Atom = Atom(45);
    pub const MILLI_SECONDS: Atom = Atom(46);
    pub const MICRO_SECONDS: Atom = Atom(47);
    pub const NANO_SECONDS: Atom = Atom(48);

    /// Intern `text` (creating the atom if needed).
    pub fn intern(text: &str) -> Atom {
        if let Some(a) = Atom::lookup(text) {
            return a;
        }
        let mut t = TABLE.write().unwrap_or_else(|e| e.into_inner());
        intern_locked(&mut t, text)
    }

    /// The atom if it already exists (`list_to_existing_atom`).
    pub fn lookup(text: &str) -> Option<Atom> {
        let t = TABLE.read().unwrap_or_else(|e| e.into_inner());
        t.interner
            .get(text)
            .map(|s| Atom(u32::try_from(s.to_usize()).unwrap_or(u32::MAX)))
    }

    /// The atom's text.
    pub fn text(self) -> &'static str {
        let t = TABLE.read().unwrap_or_else(|e| e.into_inner());
        t.texts.get(self.0 as usize).copied().unwrap_or("")
    }

    pub fn from_bool(b: bool) -> Atom {
        if b {
            Atom::TRUE
        } else {
            Atom::FALSE
        }
    }
}

/// Bytes the atom table holds (texts and index), for `erlang:memory(atom)`.
pub fn table_bytes() -> usize {
    let t = TABLE.read().unwrap_or_else(|e| e.into_inner());
    t.texts
        .iter()
        .map(|s| s.len() + 2 * std::mem::size_of::<&str>() + 4)
        .sum()
}

fn intern_locked(t: &mut Table, text: &str) -> Atom {
    let sym = t.interner.get_or_intern(text);
    let idx = sym.to_usize();
    if idx == t.texts.len() {
        t.texts.push(Box::leak(text.to_string().into_boxed_str()));
    }
    Atom(u32::try_from(idx).unwrap_or(u32::MAX))
}

static TABLE: LazyLock<RwLock<Table>> = LazyLock::new(|| {
    let mut t = Table {
        interner: StringInterner::new(),
        texts: Vec::new(),
    };
    for name in FIXED {
        // '$eval' is spelled with quotes above only to keep the list readable.
        let name = name.trim_matches('\'');
        intern_locked(&mut t, name);
    }
    RwLock::new(t)
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_atoms_have_fixed_indexes() {
        assert_eq!(Atom::intern("true"), Atom::TRUE);
        assert_eq!(Atom::intern("nano_seconds"), Atom::NANO_SECONDS);
        assert_eq!(Atom::intern("erl_erts_errors"), Atom::ERL_ERTS_ERRORS);
        assert_eq!(Atom::TRUE.text(), "true");
        let a = Atom::intern("some_fresh_atom");
        assert_eq!(a.text(), "some_fresh_atom");
        assert_eq!(Atom::intern("some_fresh_atom"), a);
    }
}
