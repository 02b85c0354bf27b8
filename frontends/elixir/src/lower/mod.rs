//! Lowering: the Elixir AST → `ir::Module`s. `defmodule` bodies become
//! modules (`Elixir.Foo`); a script's other top-level expressions become the
//! `main/0` of a script module ([`eubeam_ir::Compiled::entry`]).
//!
//! Kernel's macros (`if`, `case`, `cond`, `with`, `for`, `|>`, `raise`, ...)
//! are expanded here directly into the IR; they are not user-definable yet.

mod expr;
pub mod exunit;
pub use expr::kernel_funs;
mod macros;
mod module;
mod pattern;

use std::collections::HashMap;

use eubeam_ir as ir;
use eubeam_ir::span::LineIndex;
use eubeam_ir::{Diagnostic, Literal};

use crate::ast::{Ast, Span};

pub use module::lower_file;

/// What the lowering knows of the module being compiled.
#[derive(Default, Clone)]
pub struct ModCtx {
    /// `Elixir.Foo`.
    pub name: String,
    /// Functions defined in the module (def and defp), by name and arity.
    pub funs: std::collections::HashSet<(String, u32)>,
    /// `@name value`: the value's AST, inlined where `@name` is read.
    pub attrs: HashMap<String, Ast>,
    /// `alias Foo.Bar` (as: Bar): short name → module atom.
    pub aliases: HashMap<String, String>,
    /// `import Mod`: modules whose functions are callable unqualified.
    pub imports: Vec<String>,
    /// The top level of a script: `__MODULE__` is nil there.
    pub script: bool,
    /// Macros and modules of the file compiled so far (shared by every
    /// module of one file).
    pub macros: std::rc::Rc<std::cell::RefCell<macros::MacroEnv>>,
    /// The file's text (ExUnit's assertions print the code they check).
    pub src: Option<std::rc::Rc<str>>,
}

pub fn split_tail_pub(items: &[Ast]) -> (Vec<&Ast>, Option<&Ast>) {
    pattern::split_tail(items)
}

/// A binding made before the rest of a body (see `wrap`).
pub(crate) enum Pre {
    Let(String, ir::Expr, ir::Span),
    Do(ir::Expr),
    Match {
        arg: ir::Expr,
        pat: ir::Pattern,
        guard: Option<ir::Expr>,
        fail_var: String,
        span: ir::Span,
    },
}

/// Folds bindings around the rest of a body, innermost last.
pub(crate) fn wrap(pre: Vec<Pre>, body: ir::Expr) -> ir::Expr {
    pre.into_iter().rev().fold(body, |rest, p| match p {
        Pre::Let(v, value, span) => ir::Expr::let_(vec![v], value, rest, span),
        Pre::Do(e) => ir::Expr::seq(e, rest),
        Pre::Match {
            arg,
            pat,
            guard,
            fail_var,
            span,
        } => {
            let fail = ir::Expr::match_fail(
                ir::Expr::tuple(
                    vec![
                        ir::Expr::atom("badmatch", span),
                        ir::Expr::var(fail_var.clone(), span),
                    ],
                    span,
                ),
                span,
            );
            ir::Expr::new(
                ir::ExprKind::Case {
                    arg: Box::new(arg),
                    clauses: vec![
                        ir::Clause {
                            pats: vec![pat],
                            guard,
                            body: rest,
                            span,
                        },
                        ir::Clause {
                            pats: vec![ir::Pattern::Var(fail_var)],
                            guard: None,
                            body: fail,
                            span,
                        },
                    ],
                },
                span,
            )
        }
    })
}

/// Per-function lowering state.
pub struct Lw<'a> {
    pub file: &'a str,
    pub lines: &'a LineIndex,
    pub m: &'a ModCtx,
    /// Elixir variable → IR variable currently bound to it.
    pub env: HashMap<String, String>,
    counter: usize,
    pub(crate) pre: Vec<Pre>,
    pub diags: Vec<Diagnostic>,
    /// `name/arity` of the function being lowered (fun names in traces).
    pub current: String,
    fun_counter: usize,
    pub in_guard: bool,
    depth: usize,
}

impl<'a> Lw<'a> {
    pub fn new(file: &'a str, lines: &'a LineIndex, m: &'a ModCtx) -> Lw<'a> {
        Lw {
            file,
            lines,
            m,
            env: HashMap::new(),
            counter: 0,
            pre: Vec::new(),
            diags: Vec::new(),
            current: String::new(),
            fun_counter: 0,
            in_guard: false,
            depth: 0,
        }
    }

    pub fn sp(&self, s: Span) -> ir::Span {
        self.lines.span(s.start, s.end)
    }

    /// A fresh IR variable derived from an Elixir name.
    pub fn fresh(&mut self, base: &str) -> String {
        self.counter += 1;
        let clean: String = base
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("_{clean}@{}", self.counter)
    }

    pub fn temp(&mut self) -> String {
        self.counter += 1;
        format!("_t@{}", self.counter)
    }

    pub fn fun_name(&mut self) -> String {
        self.fun_counter += 1;
        format!("-{}-fun-{}-", self.current, self.fun_counter - 1)
    }

    pub fn error(&mut self, s: Span, msg: impl Into<String>) -> ir::Expr {
        let d = Diagnostic::error(self.file, s.start..s.end, msg);
        self.diags.push(d);
        ir::Expr::atom("nil", self.sp(s))
    }

    pub fn unsupported(&mut self, s: Span, what: &str) -> ir::Expr {
        self.diags
            .push(Diagnostic::unsupported(self.file, s.start..s.end, what));
        ir::Expr::atom("nil", self.sp(s))
    }

    /// A sub-expression evaluated on its own (a branch, a lazy operand):
    /// its bindings stay inside.
    pub fn sub(&mut self, a: &Ast) -> ir::Expr {
        let saved_pre = std::mem::take(&mut self.pre);
        let saved_env = self.env.clone();
        let e = self.expr(a);
        let pres = std::mem::replace(&mut self.pre, saved_pre);
        self.env = saved_env;
        wrap(pres, e)
    }

    /// A body: expressions in order; the last one's value.
    pub fn block(&mut self, a: &Ast) -> ir::Expr {
        let saved_pre = std::mem::take(&mut self.pre);
        let saved_env = self.env.clone();
        let e = self.stmts(a);
        let pres = std::mem::replace(&mut self.pre, saved_pre);
        self.env = saved_env;
        wrap(pres, e)
    }

    /// Statements of a block into `self.pre`; returns the last value.
    pub fn stmts(&mut self, a: &Ast) -> ir::Expr {
        let items: Vec<Ast> = match a.call_args() {
            Some(("__block__", items)) => items.to_vec(),
            _ => vec![a.clone()],
        };
        let span = self.sp(a.span);
        let n = items.len();
        let mut last = ir::Expr::atom("nil", span);
        for (i, s) in items.iter().enumerate() {
            let e = self.expr(s);
            if i + 1 == n {
                last = e;
            } else if !matches!(e.kind, ir::ExprKind::Var(_) | ir::ExprKind::Lit(_)) {
                self.pre.push(Pre::Do(e));
            }
        }
        last
    }

    pub fn nil(&self, s: Span) -> ir::Expr {
        ir::Expr::atom("nil", self.sp(s))
    }
}

/// The module atom of an alias: `Foo.Bar` → `Elixir.Foo.Bar`, resolving the
/// first segment through `alias`.
pub fn alias_atom(m: &ModCtx, segs: &[String]) -> String {
    let first = segs.first().map(String::as_str).unwrap_or("");
    // `Elixir.Foo` is absolute (also what a macro's expansion holds).
    if first == "Elixir" && segs.len() > 1 {
        return segs.join(".");
    }
    if let Some(full) = m.aliases.get(first) {
        let mut s = full.clone();
        for seg in &segs[1..] {
            s.push('.');
            s.push_str(seg);
        }
        return s;
    }
    format!("Elixir.{}", segs.join("."))
}

/// A constant AST as a literal, when it is one.
pub fn literal_of(m: &ModCtx, a: &Ast) -> Option<Literal> {
    use crate::ast::Kind;
    Some(match &a.kind {
        Kind::Int(t) => Literal::integer(t)?,
        Kind::Float(f) => Literal::Float(*f),
        Kind::Atom(s) => Literal::atom(s.clone()),
        Kind::Str(s) => Literal::Binary(s.as_bytes().to_vec()),
        Kind::Charlist(s) => Literal::string(s),
        Kind::Alias(segs) => Literal::atom(alias_atom(m, segs)),
        Kind::List(items) => {
            let mut out = Vec::new();
            for i in items {
                out.push(literal_of(m, i)?);
            }
            Literal::list(out)
        }
        Kind::Tuple(items) => {
            let mut out = Vec::new();
            for i in items {
                out.push(literal_of(m, i)?);
            }
            Literal::Tuple(out)
        }
        Kind::Var(v) if v == "__MODULE__" => Literal::atom(m.name.clone()),
        _ => return None,
    })
}
