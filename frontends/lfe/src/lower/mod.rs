//! Lowering: LFE forms → the Erlang frontend's AST → `ir::Module`.
//!
//! LFE has Erlang's semantics exactly, so instead of a second lowering to the
//! IR this module translates LFE forms into `eubeam_erlang::ast` and hands
//! them to `eubeam_erlang::lower::lower_module` (the one place that knows
//! how clauses, receive, try, comprehensions and bit syntax become IR).
//!
//! What differs from Erlang is scoping, and it is settled here: every LFE
//! variable binding (`let`, `lambda`, patterns) gets a fresh, unique Erlang
//! variable name, so LFE's shadowing and "no variable leaves its form" rules
//! hold even though Erlang would export or match already-bound names.
//! Local functions (`flet`, `fletrec`) become variables holding funs.
//!
//! Macros are expanded as they are met: core forms first (they cannot be
//! shadowed), then user macros (`defmacro`, `defsyntax`), record macros,
//! and the predefined macros (`lower/macros.rs`).

mod exprs;
mod forms;
mod ltest;
mod macros;
mod patterns;

use std::collections::{HashMap, HashSet};

use eubeam_erlang::ast::{self, Expr, ExprKind as K};
use eubeam_ir::Diagnostic;

use crate::interp::Macro;
use crate::sexpr::{Sexpr, Span, S};

pub use forms::{lower_file, lower_shell, shell_name, shell_var};

/// Nesting deeper than this (after macro expansion) is a diagnostic. The
/// reader already caps source nesting at 2,000; a macro that recurses
/// without end reaches this cap, and expansion costs grow with the square
/// of the depth (the fuzzer found a 2 s expansion at 5,000).
pub const MAX_DEPTH: u32 = 2_500;

/// A record defined with `defrecord`: field names and default values.
#[derive(Clone, Debug)]
pub struct Record {
    pub fields: Vec<(String, Option<Sexpr>)>,
}

/// A function bound by `flet`/`fletrec`: a variable holding a fun, or one
/// entry of a mutually recursive group's dispatch fun (called with the tag
/// and a tuple of the arguments).
#[derive(Clone, Debug)]
pub enum LocalFun {
    Var(String),
    Dispatch(String, String),
}

/// What is in scope while lowering an expression.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    /// LFE variable → Erlang variable.
    pub vars: HashMap<String, String>,
    pub funs: HashMap<(String, u32), LocalFun>,
}

pub struct Lw<'a> {
    pub file: &'a str,
    pub diags: Vec<Diagnostic>,
    counter: u32,
    pub module: String,
    /// Top-level functions of the module being lowered.
    pub defined: HashSet<(String, u32)>,
    /// Lowering a function defined in the shell: a call to a function not
    /// (yet) defined raises `{undefined_function, {F, A}}` when it runs,
    /// as in LFE's shell, since a later input may define it.
    pub late_calls: bool,
    /// `(import (from m (f 1)))` / `(rename m ((f 1) g))`: local → remote.
    pub imports: HashMap<(String, u32), (String, String)>,
    pub aliases: HashMap<String, String>,
    pub macros: HashMap<String, Macro>,
    pub records: HashMap<String, Record>,
    depth: u32,
    in_guard: bool,
    /// The file included EUnit's or ltest's macros (`ltest`).
    pub eunit: bool,
    /// The line of the top-level form being lowered (EUnit's `{line, L}`).
    pub form_line: i64,
}

pub(crate) fn e(kind: K, span: &Span) -> Expr {
    Expr::new(kind, span.clone())
}

pub(crate) fn atom(name: &str, span: &Span) -> Expr {
    e(K::Atom(name.to_string()), span)
}

pub(crate) fn call_remote(m: &str, f: &str, args: Vec<Expr>, span: &Span) -> Expr {
    e(
        K::Call(
            Box::new(e(
                K::Remote(Box::new(atom(m, span)), Box::new(atom(f, span))),
                span,
            )),
            args,
        ),
        span,
    )
}

pub(crate) fn call_local(f: &str, args: Vec<Expr>, span: &Span) -> Expr {
    e(K::Call(Box::new(atom(f, span)), args), span)
}

/// A literal datum (quoted data) as an Erlang expression or pattern.
pub(crate) fn quoted(s: &Sexpr, pattern: bool) -> Expr {
    let span = &s.span;
    match &s.kind {
        S::Sym(a) => atom(a, span),
        S::Int(i) => e(K::Int(*i), span),
        S::BigInt(d) => e(K::BigInt(d.clone()), span),
        S::Float(f) => e(K::Float(*f), span),
        S::Str(t) => e(K::Str(t.clone()), span),
        S::Bin(bytes) => bin_of_bytes(bytes, span),
        S::List(items, tail) => e(
            K::List(
                items.iter().map(|x| quoted(x, pattern)).collect(),
                tail.as_ref().map(|t| Box::new(quoted(t, pattern))),
            ),
            span,
        ),
        S::Tuple(items) => e(
            K::Tuple(items.iter().map(|x| quoted(x, pattern)).collect()),
            span,
        ),
        S::Map(items) => e(
            K::Map(
                None,
                items
                    .chunks(2)
                    .map(|kv| ast::MapField {
                        key: quoted(&kv[0], pattern),
                        value: quoted(&kv[1], pattern),
                        exact: pattern,
                        span: span.clone(),
                    })
                    .collect(),
            ),
            span,
        ),
        S::BinLit(segs) => {
            // A literal binary's segments are constants: quote each value.
            let elems = segs
                .iter()
                .map(|seg| match &seg.kind {
                    S::List(items, None) if !items.is_empty() => {
                        let mut el = bin_elem(quoted(&items[0], pattern), seg.span.clone());
                        el.types = items[1..]
                            .iter()
                            .filter_map(|x| {
                                x.as_sym().map(|n| (n.to_string(), None, x.span.clone()))
                            })
                            .collect();
                        el
                    }
                    _ => bin_elem(quoted(seg, pattern), seg.span.clone()),
                })
                .collect();
            e(K::Binary(elems), span)
        }
    }
}

pub(crate) fn bin_elem(value: Expr, span: Span) -> ast::BinElem {
    ast::BinElem {
        value,
        size: None,
        types: Vec::new(),
        span,
    }
}

/// `<<B1, B2, ...>>` for the bytes of a binary string.
pub(crate) fn bin_of_bytes(bytes: &[u8], span: &Span) -> Expr {
    e(
        K::Binary(
            bytes
                .iter()
                .map(|b| bin_elem(e(K::Int(i64::from(*b)), span), span.clone()))
                .collect(),
        ),
        span,
    )
}

impl<'a> Lw<'a> {
    pub fn new(file: &'a str) -> Lw<'a> {
        Lw {
            file,
            diags: Vec::new(),
            counter: 0,
            module: String::new(),
            defined: HashSet::new(),
            late_calls: false,
            imports: HashMap::new(),
            aliases: HashMap::new(),
            macros: HashMap::new(),
            records: HashMap::new(),
            depth: 0,
            in_guard: false,
            eunit: false,
            form_line: 0,
        }
    }

    pub fn error(&mut self, span: &Span, msg: impl Into<String>) -> Expr {
        let msg = msg.into();
        self.diags.push(
            Diagnostic::error(self.file, span.clone(), msg.clone()).with_label(span.clone(), msg),
        );
        e(K::Error, span)
    }

    pub fn unsupported(&mut self, span: &Span, what: &str) -> Expr {
        self.diags
            .push(Diagnostic::unsupported(self.file, span.clone(), what));
        e(K::Error, span)
    }

    /// A fresh Erlang variable name for the LFE variable `name`: the name
    /// capitalised, non-alphanumerics as `_`, and a counter for uniqueness.
    pub fn fresh(&mut self, name: &str) -> String {
        self.counter += 1;
        let mut out = String::new();
        for (i, c) in name.chars().enumerate() {
            if c.is_ascii_alphanumeric() || c == '_' {
                out.push(if i == 0 { c.to_ascii_uppercase() } else { c });
            } else {
                out.push('_');
            }
        }
        if !out.starts_with(|c: char| c.is_ascii_uppercase() || c == '_') {
            out.insert(0, 'V');
        }
        format!("{out}@{}", self.counter)
    }

    /// Enters one level of nesting; false (after reporting) when too deep.
    fn enter(&mut self, span: &Span) -> bool {
        self.depth += 1;
        if self.depth == MAX_DEPTH + 1 {
            self.error(
                span,
                format!("expression nested too deeply (more than {MAX_DEPTH} levels)"),
            );
        }
        self.depth <= MAX_DEPTH
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }
}

pub(crate) use macros::backquote as backquote_form;
