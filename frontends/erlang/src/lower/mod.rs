//! Lowering: Erlang forms → `ir::Module`, in the manner of OTP's `v3_core`.
//!
//! Expressions are lowered in A-normal-ish style: `expr` returns the value
//! of an expression and pushes the bindings it makes (`P = E` anywhere in an
//! expression, branches exporting variables) onto a `Pre` list; `wrap`
//! folds that list around the rest of the body, so a binding scopes over
//! everything evaluated after it, exactly as in Erlang.

mod bifs;
mod binary;
mod clauses;
mod expr;
mod fun_names;
mod pattern;
mod records;
pub(crate) mod scope;
mod split;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use eubeam_ir as ir;
use eubeam_ir::span::LineIndex;
use eubeam_ir::{Diagnostic, FunName, Literal};

use crate::ast::{self, FormKind};
use scope::{Env, Names};

pub use bifs::is_auto_imported;
pub(crate) use expr::cons_expr;

pub(crate) fn scope_binding(ir_name: &str) -> scope::Binding {
    scope::Binding::Var(ir_name.to_string())
}

/// Nesting deeper than this is reported instead of lowered; it keeps the
/// lowering (and every IR pass after it) far from the end of the stack.
pub const MAX_DEPTH: u32 = 10_000;

/// A binding made before the rest of a body: `let`, `do`, or a pattern
/// match that must succeed for the rest to run.
pub(crate) enum Pre {
    Let(Vec<String>, ir::Expr, ir::Span),
    Do(ir::Expr),
    /// `case Arg of <Pat> when Guard -> REST ; <_> -> Fail end`.
    Match {
        arg: Box<ir::Expr>,
        pat: ir::Pattern,
        guard: Option<ir::Expr>,
        fail: ir::Expr,
        span: ir::Span,
    },
}

/// Folds bindings around a final expression, innermost last. Iterative, so
/// long bodies do not recurse.
pub(crate) fn wrap(pre: Vec<Pre>, body: ir::Expr) -> ir::Expr {
    pre.into_iter().rev().fold(body, |rest, p| match p {
        Pre::Let(vars, value, span) => ir::Expr::let_(vars, value, rest, span),
        Pre::Do(e) => ir::Expr::seq(e, rest),
        Pre::Match {
            arg,
            pat,
            guard,
            fail,
            span,
        } => {
            let rest_span = rest.span;
            ir::Expr::new(
                ir::ExprKind::Case {
                    arg,
                    clauses: vec![
                        ir::Clause {
                            pats: vec![pat],
                            guard,
                            body: rest,
                            span: span.to(rest_span),
                        },
                        ir::Clause {
                            pats: vec![ir::Pattern::Wildcard],
                            guard: None,
                            body: fail,
                            span,
                        },
                    ],
                },
                span.to(rest_span),
            )
        }
    })
}

/// What the module knows about its own functions and imports.
#[derive(Default)]
pub(crate) struct ModuleInfo {
    pub name: String,
    pub defined: BTreeSet<(String, u32)>,
    pub imports: HashMap<(String, u32), String>,
    /// In the shell there are no local functions; unknown calls are
    /// "undefined shell command" errors.
    pub shell: bool,
    /// `-record` definitions by name.
    pub records: HashMap<String, ast::RecordDef>,
}

pub(crate) struct Lowerer<'a> {
    pub file: &'a str,
    pub lines: &'a LineIndex,
    pub info: &'a ModuleInfo,
    pub diags: Vec<Diagnostic>,
    pub names: Names,
    pub env: Env,
    /// `name/arity` of the top-level function being lowered (fun names).
    pub current: String,
    pub fun_counter: u32,
    pub lc_counter: u32,
    /// OTP's number of each fun of the current function, by
    /// [`fun_names::key`].
    pub fun_numbers: std::collections::HashMap<fun_names::Key, u32>,
    /// Funs enclosing the expression being lowered.
    pub fun_depth: u32,
    pub depth: u32,
    /// Local functions referenced, for the unused-function warning.
    pub referenced: BTreeSet<(String, u32)>,
    /// Erlang variable names that may be used after the expression being
    /// lowered (a syntactic over-approximation); a branching construct
    /// exports only these. `None`: assume all (the shell keeps everything).
    pub later: Option<std::collections::HashSet<String>>,
    /// Counter for the variables record expansion introduces.
    pub rec_counter: u32,
    /// `is_record/3` tests that the guard test being lowered needs (from
    /// `R#r.f` in a guard).
    pub guard_record_checks: Vec<ast::Expr>,
}

impl<'a> Lowerer<'a> {
    pub fn new(file: &'a str, lines: &'a LineIndex, info: &'a ModuleInfo) -> Lowerer<'a> {
        Lowerer {
            file,
            lines,
            info,
            diags: Vec::new(),
            names: Names::default(),
            env: Env::default(),
            current: String::new(),
            fun_counter: 0,
            lc_counter: 0,
            fun_numbers: std::collections::HashMap::new(),
            fun_depth: 0,
            depth: 0,
            referenced: BTreeSet::new(),
            later: None,
            rec_counter: 0,
            guard_record_checks: Vec::new(),
        }
    }

    pub fn span(&self, r: &Range<usize>) -> ir::Span {
        self.lines.span(r.start, r.end)
    }

    pub fn error(&mut self, r: &Range<usize>, msg: impl Into<String>) {
        let msg = msg.into();
        self.diags
            .push(Diagnostic::error(self.file, r.clone(), msg.clone()).with_label(r.clone(), msg));
    }

    pub fn unsupported(&mut self, r: &Range<usize>, what: &str) {
        self.diags
            .push(Diagnostic::unsupported(self.file, r.clone(), what));
    }

    /// Enters one level of nesting; `false` (after reporting) when too deep.
    pub fn enter(&mut self, r: &Range<usize>) -> bool {
        self.depth += 1;
        if self.depth == MAX_DEPTH + 1 {
            self.diags.push(
                Diagnostic::error(
                    self.file,
                    r.clone(),
                    format!("expression nested too deeply (more than {MAX_DEPTH} levels)"),
                )
                .with_label(r.clone(), "nesting limit reached here"),
            );
        }
        self.depth <= MAX_DEPTH
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// The name of a fun of the current function: numbered as OTP numbers
    /// it ([`fun_names`]), or in lowering order for funs the numbering did
    /// not see.
    pub fn lambda_name(&mut self, key: fun_names::Key) -> String {
        let n = match self.fun_numbers.get(&key) {
            Some(n) => *n,
            None => {
                let n = self.fun_counter;
                self.fun_counter += 1;
                n
            }
        };
        format!("-{}-fun-{n}-", self.current)
    }

    /// Lowers one top-level function: a `fun` over fresh parameters whose
    /// body is a `case` of the clauses plus an explicit `function_clause`
    /// failure.
    pub fn function(&mut self, f: &ast::Function, span: &Range<usize>) -> ir::FunDef {
        self.names = Names::default();
        self.env = Env::default();
        self.current = format!("{}/{}", f.name, f.arity);
        self.fun_counter = 0;
        self.fun_numbers = fun_names::number(&f.clauses);
        self.fun_depth = 0;
        // Funs the numbering did not see are numbered after OTP's.
        self.fun_counter = u32::try_from(self.fun_numbers.len()).unwrap_or(u32::MAX);
        self.lc_counter = 0;
        self.later = Some(std::collections::HashSet::new());
        let fun = self.fun_clauses(&f.clauses, span, false, None);
        ir::FunDef {
            name: FunName::new(f.name.clone(), f.arity),
            fun,
        }
    }
}

/// Lowers a parsed file. Syntax errors must have been reported already;
/// `forms` holds only the forms that parsed.
pub fn lower_module(
    forms: &[ast::Form],
    file: &str,
    src: &str,
) -> Result<(ir::Module, Vec<Diagnostic>), Vec<Diagnostic>> {
    let lines = LineIndex::new(src);
    let mut diags = Vec::new();
    let mut info = ModuleInfo::default();
    let mut module_span = 0..0;
    let mut exports: Vec<(String, u32, Range<usize>)> = Vec::new();
    let mut attributes = Vec::new();
    let mut functions: BTreeMap<(String, u32), (&ast::Function, Range<usize>)> = BTreeMap::new();
    let mut order = Vec::new();
    let err = |diags: &mut Vec<Diagnostic>, r: &Range<usize>, msg: String| {
        diags.push(Diagnostic::error(file, r.clone(), msg.clone()).with_label(r.clone(), msg));
    };
    for form in forms {
        match &form.kind {
            FormKind::Module(m) => {
                if info.name.is_empty() {
                    info.name = m.clone();
                    module_span = form.span.clone();
                } else {
                    err(&mut diags, &form.span, "redefining module".into());
                }
            }
            _ if info.name.is_empty() => {
                err(&mut diags, &form.span, "no module definition".into());
                return Err(diags);
            }
            FormKind::Export(fs) => exports.extend(fs.iter().cloned()),
            FormKind::Import(m, fs) => {
                for (f, a, _) in fs {
                    info.imports.insert((f.clone(), *a), m.clone());
                }
            }
            FormKind::Attribute(name, value) => match pattern::attribute_literal(value) {
                Some(lit) => attributes.push((name.clone(), lit)),
                None => err(&mut diags, &value.span, format!("bad attribute: -{name}")),
            },
            FormKind::Ignored(_) => {}
            FormKind::Record(r) => {
                if info.records.contains_key(&r.name) {
                    err(
                        &mut diags,
                        &form.span,
                        format!(
                            "record {} already defined",
                            crate::lexer::quote_atom(&r.name)
                        ),
                    );
                } else {
                    info.records.insert(r.name.clone(), r.clone());
                }
            }
            FormKind::Unsupported(what) => {
                diags.push(Diagnostic::unsupported(file, form.span.clone(), what))
            }
            FormKind::Function(f) => {
                let key = (f.name.clone(), f.arity);
                if functions.contains_key(&key) {
                    err(
                        &mut diags,
                        &form.span,
                        format!("function {}/{} already defined", f.name, f.arity),
                    );
                } else {
                    functions.insert(key.clone(), (f, form.span.clone()));
                    order.push(key);
                }
            }
        }
    }
    if info.name.is_empty() {
        diags.push(Diagnostic::error(file, 0..0, "no module definition"));
        return Err(diags);
    }
    let eunit = eunit_autoexport(&attributes);
    if eunit {
        // `-include_lib("eunit/include/eunit.hrl")` asks for OTP's
        // eunit_autoexport parse transform: the test and generator
        // functions are exported, and `test/0` runs them.
        for key in &order {
            let (name, arity) = key;
            if *arity == 0 && (name.ends_with("_test") || name.ends_with("_test_")) {
                exports.push((name.clone(), 0, functions[key].1.clone()));
            }
        }
    }
    info.defined = functions.keys().cloned().collect();
    for (f, a, r) in &exports {
        if !info.defined.contains(&(f.clone(), *a)) {
            err(&mut diags, r, format!("function {f}/{a} undefined"));
        }
    }
    let mut lw = Lowerer::new(file, &lines, &info);
    let mut defs = Vec::new();
    let mut refs: HashMap<(String, u32), BTreeSet<(String, u32)>> = HashMap::new();
    for key in &order {
        let (f, span) = &functions[key];
        lw.referenced = BTreeSet::new();
        defs.push(lw.function(f, span));
        refs.insert(key.clone(), std::mem::take(&mut lw.referenced));
    }
    diags.extend(lw.diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    // Functions not reachable from the exports are unused, as erl_lint says.
    let mut reachable: BTreeSet<(String, u32)> = BTreeSet::new();
    let mut stack: Vec<(String, u32)> = exports.iter().map(|(f, a, _)| (f.clone(), *a)).collect();
    while let Some(k) = stack.pop() {
        if reachable.insert(k.clone()) {
            if let Some(rs) = refs.get(&k) {
                stack.extend(rs.iter().cloned());
            }
        }
    }
    let mut warnings = Vec::new();
    for key in &order {
        if !reachable.contains(key) {
            let span = functions[key].1.clone();
            warnings.push(
                Diagnostic::warning(
                    file,
                    span.clone(),
                    format!("function {}/{} is unused", key.0, key.1),
                )
                .with_label(span, "never called"),
            );
        }
    }
    if eunit && !functions.contains_key(&("test".to_string(), 0)) {
        let span = lines.span(module_span.start, module_span.end);
        let body = ir::Expr::call(
            "eunit",
            "test",
            vec![ir::Expr::atom(&info.name, span)],
            span,
        );
        defs.push(ir::FunDef {
            name: FunName::new("test", 0),
            fun: ir::Fun {
                params: Vec::new(),
                body: Box::new(body),
                span,
                name: None,
            },
        });
        exports.push(("test".to_string(), 0, module_span.clone()));
    }
    let mut seen = BTreeSet::new();
    let exports = exports
        .into_iter()
        .filter(|(f, a, _)| seen.insert((f.clone(), *a)))
        .map(|(f, a, _)| FunName::new(f, a))
        .collect();
    let module = ir::Module {
        name: info.name.clone(),
        file: file.to_string(),
        exports,
        attributes,
        functions: defs,
        span: lines.span(module_span.start, module_span.end),
    };
    Ok((module, warnings))
}

/// Whether a `-compile` attribute names the `eunit_autoexport` parse
/// transform (as eunit.hrl does), alone or in a list of options.
fn eunit_autoexport(attributes: &[(String, ir::Literal)]) -> bool {
    fn names_it(l: &ir::Literal) -> bool {
        match l {
            ir::Literal::Tuple(t) => {
                matches!(&t[..], [a, b] if a.is_atom("parse_transform") && b.is_atom("eunit_autoexport"))
            }
            ir::Literal::Cons(h, t) => names_it(h) || names_it(t),
            _ => false,
        }
    }
    attributes
        .iter()
        .any(|(name, value)| name == "compile" && names_it(value))
}

/// `{'function_clause', A1, ..., An}` style reason tuples.
pub(crate) fn reason(tag: &str, args: Vec<ir::Expr>, span: ir::Span) -> ir::Expr {
    let mut items = vec![ir::Expr::atom(tag, span)];
    items.extend(args);
    ir::Expr::tuple(items, span)
}

/// Adds every variable name occurring in `e` to `out`.
pub(crate) fn collect_vars(e: &ast::Expr, out: &mut std::collections::HashSet<String>) {
    use ast::ExprKind as K;
    let many = |es: &[ast::Expr], out: &mut std::collections::HashSet<String>| {
        es.iter().for_each(|x| collect_vars(x, out))
    };
    let guard = |g: &ast::Guard, out: &mut std::collections::HashSet<String>| {
        g.iter()
            .for_each(|alt| alt.iter().for_each(|x| collect_vars(x, out)))
    };
    match &e.kind {
        K::Var(v) => {
            out.insert(v.clone());
        }
        K::Atom(_)
        | K::Int(_)
        | K::BigInt(_)
        | K::Char(_)
        | K::Float(_)
        | K::Str(_)
        | K::FunRef(..)
        | K::RecordIndex { .. }
        | K::Unsupported(_)
        | K::Error => {}
        K::List(items, tail) => {
            many(items, out);
            if let Some(t) = tail {
                collect_vars(t, out);
            }
        }
        K::Tuple(items) | K::Block(items) => many(items, out),
        K::Map(base, fields) => {
            if let Some(b) = base {
                collect_vars(b, out);
            }
            for f in fields {
                collect_vars(&f.key, out);
                collect_vars(&f.value, out);
            }
        }
        K::BinOp(_, a, b) | K::Match(a, b) | K::Send(a, b) | K::Remote(a, b) => {
            collect_vars(a, out);
            collect_vars(b, out);
        }
        K::UnOp(_, x) | K::Catch(x) | K::RecordField { base: x, .. } => collect_vars(x, out),
        K::Record { base, fields, .. } => {
            if let Some(b) = base {
                collect_vars(b, out);
            }
            for f in fields {
                collect_vars(&f.value, out);
            }
        }
        K::Call(f, args) => {
            collect_vars(f, out);
            many(args, out);
        }
        K::Fun(cs) => {
            for c in cs {
                if let Some((n, _)) = &c.name {
                    out.insert(n.clone());
                }
                many(&c.params, out);
                guard(&c.guard, out);
                many(&c.body, out);
            }
        }
        K::RemoteFunRef(m, f, a) => {
            collect_vars(m, out);
            collect_vars(f, out);
            collect_vars(a, out);
        }
        K::Case(arg, cs) => {
            collect_vars(arg, out);
            for c in cs {
                collect_vars(&c.pattern, out);
                guard(&c.guard, out);
                many(&c.body, out);
            }
        }
        K::If(cs) => {
            for c in cs {
                guard(&c.guard, out);
                many(&c.body, out);
            }
        }
        K::Receive(cs, after) => {
            for c in cs {
                collect_vars(&c.pattern, out);
                guard(&c.guard, out);
                many(&c.body, out);
            }
            if let Some((t, b)) = after {
                collect_vars(t, out);
                many(b, out);
            }
        }
        K::Try {
            body,
            of,
            catches,
            after,
        } => {
            many(body, out);
            for c in of {
                collect_vars(&c.pattern, out);
                guard(&c.guard, out);
                many(&c.body, out);
            }
            for c in catches {
                if let Some(x) = &c.class {
                    collect_vars(x, out);
                }
                collect_vars(&c.reason, out);
                if let Some(x) = &c.stack {
                    collect_vars(x, out);
                }
                guard(&c.guard, out);
                many(&c.body, out);
            }
            many(after, out);
        }
        K::Binary(elems) => {
            for el in elems {
                collect_vars(&el.value, out);
                if let Some(sz) = &el.size {
                    collect_vars(sz, out);
                }
            }
        }
        K::ListComp(x, qs) | K::BinComp(x, qs) => {
            collect_vars(x, out);
            for q in qs {
                match q {
                    ast::Qualifier::Generator(p, l) | ast::Qualifier::BinGenerator(p, l) => {
                        collect_vars(p, out);
                        collect_vars(l, out);
                    }
                    ast::Qualifier::Filter(f) => collect_vars(f, out),
                }
            }
        }
    }
}

pub(crate) fn is_simple(e: &ir::Expr) -> bool {
    matches!(
        e.kind,
        ir::ExprKind::Var(_) | ir::ExprKind::Lit(_) | ir::ExprKind::FunRef(_)
    )
}

pub(crate) fn lit_of(e: &ir::Expr) -> Option<&Literal> {
    match &e.kind {
        ir::ExprKind::Lit(l) => Some(l),
        _ => None,
    }
}
