//! Expressions other than the branching constructs (see `clauses.rs`).

use eubeam_ir as ir;
use eubeam_ir::{FunName, Literal};

use super::pattern::{const_literal, Head};
use super::scope::Binding;
use super::{bifs, is_simple, lit_of, reason, wrap, Lowerer, Pre};
use crate::ast::{self, BinOp, ExprKind, UnOp};

/// `[A, B | T]` as nested conses, folded into a literal when constant.
pub(crate) fn cons_expr(items: Vec<ir::Expr>, tail: ir::Expr, span: ir::Span) -> ir::Expr {
    items
        .into_iter()
        .rev()
        .fold(tail, |t, h| match (lit_of(&h), lit_of(&t)) {
            (Some(hl), Some(tl)) => ir::Expr::lit(
                Literal::Cons(Box::new(hl.clone()), Box::new(tl.clone())),
                span,
            ),
            _ => ir::Expr::cons(h, t, span),
        })
}

pub(crate) fn tuple_expr(items: Vec<ir::Expr>, span: ir::Span) -> ir::Expr {
    let lits: Option<Vec<Literal>> = items.iter().map(|i| lit_of(i).cloned()).collect();
    match lits {
        Some(l) => ir::Expr::lit(Literal::Tuple(l), span),
        None => ir::Expr::tuple(items, span),
    }
}

/// Bodies longer than this export every branch variable instead of
/// scanning for later uses.
const LATER_SCAN_LIMIT: usize = 200;

impl Lowerer<'_> {
    /// A variable in an expression: must be bound and not unsafe.
    pub fn var_use(&mut self, e: &ast::Expr) -> ir::Expr {
        let span = self.span(&e.span);
        let ExprKind::Var(name) = &e.kind else {
            return ir::Expr::atom("false", span);
        };
        if name == "_" {
            self.error(&e.span, "variable '_' is unbound");
            return ir::Expr::atom("false", span);
        }
        if let Some(what) = self.env.unsafe_vars.get(name) {
            let what = *what;
            self.error(&e.span, format!("variable '{name}' unsafe in '{what}'"));
            return ir::Expr::atom("false", span);
        }
        match self.env.vars.get(name) {
            Some(Binding::Var(v)) => ir::Expr::var(v.clone(), span),
            Some(Binding::LocalFun(f)) => ir::Expr::new(ir::ExprKind::FunRef(f.clone()), span),
            None => {
                self.error(&e.span, format!("variable '{name}' is unbound"));
                ir::Expr::atom("false", span)
            }
        }
    }

    /// A body `E1, ..., En`; bindings stay in `self.env` for the caller to
    /// keep or discard.
    pub fn body(&mut self, es: &[ast::Expr]) -> ir::Expr {
        let (pre, value) = self.body_parts(es);
        wrap(pre, value)
    }

    /// A body's bindings and final value, not yet wrapped (branches append
    /// exported variables to the value).
    pub fn body_parts(&mut self, es: &[ast::Expr]) -> (Vec<Pre>, ir::Expr) {
        let mut pre = Vec::new();
        let mut last = None;
        let outer = self.later.clone();
        for (i, e) in es.iter().enumerate() {
            self.later = match &outer {
                // Long bodies: skip the quadratic scan, export everything.
                Some(_) if es.len() > LATER_SCAN_LIMIT => None,
                Some(o) => {
                    let mut l = o.clone();
                    es[i + 1..]
                        .iter()
                        .for_each(|x| super::collect_vars(x, &mut l));
                    match &e.kind {
                        ExprKind::Case(..) | ExprKind::If(_) | ExprKind::Receive(..) => {}
                        ExprKind::Match(p, v)
                            if matches!(
                                v.kind,
                                ExprKind::Case(..) | ExprKind::If(_) | ExprKind::Receive(..)
                            ) =>
                        {
                            super::collect_vars(p, &mut l)
                        }
                        _ => super::collect_vars(e, &mut l),
                    }
                    Some(l)
                }
                None => None,
            };
            let v = self.expr(e, &mut pre);
            if i + 1 == es.len() {
                last = Some(v);
            } else if !is_simple(&v) {
                pre.push(Pre::Do(v));
            }
        }
        self.later = outer;
        let value = last.unwrap_or_else(|| ir::Expr::atom("ok", ir::Span::NONE));
        (pre, value)
    }

    /// Binds a non-simple value to a temporary so it can be used twice.
    pub fn bind_simple(&mut self, v: ir::Expr, pre: &mut Vec<Pre>) -> ir::Expr {
        if is_simple(&v) {
            return v;
        }
        let t = self.names.temp();
        let span = v.span;
        pre.push(Pre::Let(vec![t.clone()], v, span));
        ir::Expr::var(t, span)
    }

    /// Lowers arguments left to right. When a later argument makes
    /// bindings, earlier non-simple arguments are bound first so that
    /// evaluation order is kept.
    pub fn args(&mut self, args: &[ast::Expr], pre: &mut Vec<Pre>) -> Vec<ir::Expr> {
        let refs: Vec<&ast::Expr> = args.iter().collect();
        self.args_ref(&refs, pre)
    }

    pub fn args_ref(&mut self, args: &[&ast::Expr], pre: &mut Vec<Pre>) -> Vec<ir::Expr> {
        let mut out: Vec<ir::Expr> = Vec::with_capacity(args.len());
        for a in args {
            let mut own = Vec::new();
            let v = self.expr(a, &mut own);
            if !own.is_empty() {
                for prev in out.iter_mut() {
                    let taken = std::mem::replace(prev, ir::Expr::atom("ok", ir::Span::NONE));
                    *prev = self.bind_simple(taken, pre);
                }
                pre.extend(own);
            }
            out.push(v);
        }
        out
    }

    pub fn expr(&mut self, e: &ast::Expr, pre: &mut Vec<Pre>) -> ir::Expr {
        let span = self.span(&e.span);
        if !self.enter(&e.span) {
            return ir::Expr::atom("false", span);
        }
        let out = match self.expand_record(e, super::records::Ctx::Body) {
            Some(x) => self.expr(&x, pre),
            None => self.expr_inner(e, span, pre),
        };
        self.leave();
        out
    }

    fn expr_inner(&mut self, e: &ast::Expr, span: ir::Span, pre: &mut Vec<Pre>) -> ir::Expr {
        match &e.kind {
            ExprKind::Var(_) => self.var_use(e),
            ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Char(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_) => match const_literal(e) {
                Some(l) => ir::Expr::lit(l, span),
                None => ir::Expr::atom("false", span),
            },
            ExprKind::List(items, tail) => {
                let mut all: Vec<&ast::Expr> = items.iter().collect();
                if let Some(t) = tail {
                    all.push(t);
                }
                let mut vals = self.args_ref(&all, pre);
                let tail = if tail.is_some() {
                    vals.pop()
                        .unwrap_or_else(|| ir::Expr::lit(Literal::Nil, span))
                } else {
                    ir::Expr::lit(Literal::Nil, span)
                };
                cons_expr(vals, tail, span)
            }
            ExprKind::Tuple(items) => {
                let vals = self.args(items, pre);
                tuple_expr(vals, span)
            }
            ExprKind::BinOp(BinOp::AndAlso, a, b) => self.short_circuit(true, a, b, span, pre),
            ExprKind::BinOp(BinOp::OrElse, a, b) => self.short_circuit(false, a, b, span, pre),
            ExprKind::BinOp(op, a, b) => {
                let vals = self.args_ref(&[a, b], pre);
                ir::Expr::call("erlang", op.bif(), vals, span)
            }
            ExprKind::UnOp(op, x) => {
                if let (UnOp::Neg | UnOp::Plus, Some(l)) = (op, const_literal(e)) {
                    return ir::Expr::lit(l, span);
                }
                let x = self.expr(x, pre);
                ir::Expr::call("erlang", op.bif(), vec![x], span)
            }
            ExprKind::Match(p, v) => self.match_expr(p, v, span, pre),
            ExprKind::Send(p, m) => {
                let vals = self.args_ref(&[p, m], pre);
                // Compiled code fails in `erlang:send/2` (the frame erl's
                // stack traces show); erl's shell evaluates the operator
                // `!/2`, and shows that.
                let f = if self.info.shell { "!" } else { "send" };
                ir::Expr::call("erlang", f, vals, span)
            }
            ExprKind::Call(f, args) => self.call(f, args, span, pre),
            ExprKind::Remote(..) => {
                self.error(
                    &e.span,
                    "illegal expression: a remote name 'M:F' must be called",
                );
                ir::Expr::atom("false", span)
            }
            ExprKind::FunRef(name, arity) => self.fun_ref(name, *arity, &e.span, span),
            ExprKind::RemoteFunRef(m, f, a) => {
                let vals = self.args_ref(&[m, f, a], pre);
                ir::Expr::call("erlang", "make_fun", vals, span)
            }
            ExprKind::Block(body) => {
                let mut last = ir::Expr::atom("ok", span);
                for (i, x) in body.iter().enumerate() {
                    let v = self.expr(x, pre);
                    if i + 1 == body.len() {
                        last = v;
                    } else if !is_simple(&v) {
                        pre.push(Pre::Do(v));
                    }
                }
                last
            }
            ExprKind::Case(arg, clauses) => self.case_expr(arg, clauses, span, pre),
            ExprKind::If(clauses) => self.if_expr(clauses, span, pre),
            ExprKind::Receive(clauses, after) => {
                self.receive_expr(clauses, after.as_ref(), span, pre)
            }
            ExprKind::Try {
                body,
                of,
                catches,
                after,
            } => self.try_expr(body, of, catches, after, span),
            ExprKind::Catch(x) => self.catch_expr(x, span),
            ExprKind::Fun(clauses) => self.fun_expr(clauses, &e.span, span),
            ExprKind::ListComp(elem, quals) => {
                let saved = self.env.clone();
                let nil = ir::Expr::lit(Literal::Nil, span);
                let out = self.comprehension(elem, quals, nil, span);
                self.env = saved;
                out
            }
            ExprKind::Binary(elems) => self.binary_expr(elems, span, pre),
            ExprKind::BinComp(elem, quals) => self.binary_comprehension(elem, quals, span),
            ExprKind::Map(base, fields) => {
                let mut all: Vec<&ast::Expr> = Vec::with_capacity(1 + 2 * fields.len());
                if let Some(b) = base {
                    all.push(b);
                }
                for f in fields {
                    all.push(&f.key);
                    all.push(&f.value);
                }
                let vals = self.args_ref(&all, pre);
                self.map_expr(base.is_some(), fields, vals, span)
            }
            ExprKind::Unsupported(what) => {
                self.unsupported(&e.span, what);
                ir::Expr::atom("false", span)
            }
            // `expand_record` handles every record construct in a body.
            ExprKind::Record { .. }
            | ExprKind::RecordField { .. }
            | ExprKind::RecordIndex { .. } => {
                self.error(&e.span, "illegal record expression");
                ir::Expr::atom("false", span)
            }
            ExprKind::Error => ir::Expr::atom("false", span),
        }
    }

    /// A map construction or update from lowered parts: `vals` holds the
    /// base (when `has_base`) then each field's key and value. A map built
    /// from constants is a literal.
    pub fn map_expr(
        &mut self,
        has_base: bool,
        fields: &[ast::MapField],
        vals: Vec<ir::Expr>,
        span: ir::Span,
    ) -> ir::Expr {
        let mut vals = vals.into_iter();
        let base = if has_base { vals.next() } else { None };
        let mut pairs = Vec::with_capacity(fields.len());
        for f in fields {
            let (Some(key), Some(value)) = (vals.next(), vals.next()) else {
                break;
            };
            if f.exact && base.is_none() {
                self.error(
                    &f.span,
                    "only association operators '=>' are allowed in map construction",
                );
            }
            let op = if f.exact {
                ir::MapOp::Exact
            } else {
                ir::MapOp::Assoc
            };
            pairs.push(ir::MapPair { op, key, value });
        }
        if base.is_none() {
            let lits: Option<Vec<(Literal, Literal)>> = pairs
                .iter()
                .map(|p| Some((lit_of(&p.key)?.clone(), lit_of(&p.value)?.clone())))
                .collect();
            if let Some(l) = lits {
                return ir::Expr::lit(Literal::Map(l), span);
            }
        }
        ir::Expr::new(
            ir::ExprKind::Map {
                base: base.map(Box::new),
                pairs,
            },
            span,
        )
    }

    /// `P = E`: a plain `let` for a new variable, else a match that raises
    /// `{badmatch, V}`. The value of the expression is the value of `E`.
    fn match_expr(
        &mut self,
        p: &ast::Expr,
        v: &ast::Expr,
        span: ir::Span,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        let value = self.expr(v, pre);
        if let ExprKind::Var(name) = &p.kind {
            if name != "_"
                && !self.env.vars.contains_key(name)
                && !self.env.unsafe_vars.contains_key(name)
            {
                let ir_name = self.names.fresh_for(name);
                self.env.bind(name, Binding::Var(ir_name.clone()));
                pre.push(Pre::Let(vec![ir_name.clone()], value, span));
                return ir::Expr::var(ir_name, span);
            }
        }
        let value = self.bind_simple(value, pre);
        let mut head = Head::default();
        let pat = self.pattern(p, &mut head);
        let guard = self.guard(&Vec::new(), head.equalities, span);
        let fail = ir::Expr::match_fail(reason("badmatch", vec![value.clone()], span), span);
        let parts = self.core_match(value.clone(), pat, guard, fail, span);
        pre.extend(parts);
        value
    }

    /// `A andalso B` → `case A of true -> B; false -> false; X -> error({badarg, X})`.
    fn short_circuit(
        &mut self,
        is_and: bool,
        a: &ast::Expr,
        b: &ast::Expr,
        span: ir::Span,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        let a = self.expr(a, pre);
        let before = self.env.clone();
        let b = self.body(std::slice::from_ref(b));
        let what = if is_and { "andalso" } else { "orelse" };
        self.restore_marking_unsafe(before, what);
        let other = self.names.temp();
        let (on_true, on_false) = if is_and {
            (b, ir::Expr::atom("false", span))
        } else {
            (ir::Expr::atom("true", span), b)
        };
        let clause = |pat: ir::Pattern, body: ir::Expr| ir::Clause {
            pats: vec![pat],
            guard: None,
            body,
            span,
        };
        ir::Expr::new(
            ir::ExprKind::Case {
                arg: Box::new(a),
                clauses: vec![
                    clause(ir::Pattern::Lit(Literal::atom("true")), on_true),
                    clause(ir::Pattern::Lit(Literal::atom("false")), on_false),
                    clause(
                        ir::Pattern::Var(other.clone()),
                        ir::Expr::match_fail(
                            reason("badarg", vec![ir::Expr::var(other, span)], span),
                            span,
                        ),
                    ),
                ],
            },
            span,
        )
    }

    /// Restores the scope from before a construct whose new bindings do not
    /// escape, marking them unsafe after it.
    pub fn restore_marking_unsafe(&mut self, before: super::scope::Env, what: &'static str) {
        let new = self.env.new_since(&before);
        let unsafe_inside = std::mem::take(&mut self.env.unsafe_vars);
        self.env = before;
        for (n, w) in unsafe_inside {
            self.env.unsafe_vars.entry(n).or_insert(w);
        }
        for n in new {
            self.env.unsafe_vars.insert(n, what);
        }
    }

    fn fun_ref(
        &mut self,
        name: &str,
        arity: u32,
        r: &std::ops::Range<usize>,
        span: ir::Span,
    ) -> ir::Expr {
        let key = (name.to_string(), arity);
        if self.info.defined.contains(&key) {
            self.referenced.insert(key);
            return ir::Expr::new(ir::ExprKind::FunRef(FunName::new(name, arity)), span);
        }
        if let Some(m) = self.info.imports.get(&key) {
            let m = m.clone();
            return self.make_fun(&m, name, arity, span);
        }
        if bifs::is_auto_imported(name, arity) {
            return self.make_fun("erlang", name, arity, span);
        }
        self.error(r, format!("function {name}/{arity} undefined"));
        ir::Expr::atom("false", span)
    }

    fn make_fun(&self, m: &str, f: &str, arity: u32, span: ir::Span) -> ir::Expr {
        ir::Expr::call(
            "erlang",
            "make_fun",
            vec![
                ir::Expr::atom(m, span),
                ir::Expr::atom(f, span),
                ir::Expr::lit(Literal::Int(i64::from(arity)), span),
            ],
            span,
        )
    }

    fn call(
        &mut self,
        f: &ast::Expr,
        args: &[ast::Expr],
        span: ir::Span,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        let arity = u32::try_from(args.len()).unwrap_or(u32::MAX);
        match &f.kind {
            ExprKind::Atom(name) => {
                let key = (name.clone(), arity);
                let args = self.args(args, pre);
                if self.info.defined.contains(&key) {
                    self.referenced.insert(key);
                    let fun = ir::Expr::new(
                        ir::ExprKind::FunRef(FunName::new(name.clone(), arity)),
                        span,
                    );
                    return ir::Expr::new(
                        ir::ExprKind::Apply {
                            fun: Box::new(fun),
                            args,
                        },
                        span,
                    );
                }
                if let Some(m) = self.info.imports.get(&key) {
                    let m = m.clone();
                    return ir::Expr::call(&m, name, args, span);
                }
                if bifs::is_auto_imported(name, arity) {
                    return ir::Expr::call("erlang", name, args, span);
                }
                if self.info.shell {
                    self.error(&f.span, format!("undefined shell command {name}/{arity}"));
                } else {
                    self.error(&f.span, format!("function {name}/{arity} undefined"));
                }
                ir::Expr::atom("false", span)
            }
            ExprKind::Remote(m, fname) => {
                let mut all: Vec<&ast::Expr> = vec![m, fname];
                all.extend(args.iter());
                let mut vals = self.args_ref(&all, pre);
                let rest = vals.split_off(2);
                let fv = vals.pop().unwrap_or_else(|| ir::Expr::atom("false", span));
                let mv = vals.pop().unwrap_or_else(|| ir::Expr::atom("false", span));
                ir::Expr::new(
                    ir::ExprKind::Call {
                        module: Box::new(mv),
                        function: Box::new(fv),
                        args: rest,
                    },
                    span,
                )
            }
            ExprKind::Fun(cls) if inlinable(cls, args.len()) => {
                // `(fun (X) -> Body end)(Arg)`, as the assertion macros
                // write: applied in place, as OTP's compiler does, so the
                // stack trace shows the enclosing function (the fun still
                // takes its number in the names of the others).
                let vals = self.args(args, pre);
                let lowered = self.fun_expr(cls, &f.span, span);
                match lowered.kind {
                    ir::ExprKind::Fun(fun) if fun.params.len() == vals.len() => {
                        if vals.is_empty() {
                            *fun.body
                        } else {
                            let value = if vals.len() == 1 {
                                vals.into_iter()
                                    .next()
                                    .unwrap_or_else(|| ir::Expr::atom("false", span))
                            } else {
                                ir::Expr::new(ir::ExprKind::Values(vals), span)
                            };
                            ir::Expr::let_(fun.params, value, *fun.body, span)
                        }
                    }
                    other => ir::Expr::new(
                        ir::ExprKind::Apply {
                            fun: Box::new(ir::Expr::new(other, span)),
                            args: vals,
                        },
                        span,
                    ),
                }
            }
            _ => {
                let mut all: Vec<&ast::Expr> = vec![f];
                all.extend(args.iter());
                let mut vals = self.args_ref(&all, pre);
                let rest = vals.split_off(1);
                let fun = vals.pop().unwrap_or_else(|| ir::Expr::atom("false", span));
                ir::Expr::new(
                    ir::ExprKind::Apply {
                        fun: Box::new(fun),
                        args: rest,
                    },
                    span,
                )
            }
        }
    }
}

/// Whether `(fun ... end)(Args)` can be applied in place: one unnamed
/// clause without a guard whose parameters are distinct variables, one per
/// argument (a pattern or a guard could fail with `function_clause`,
/// which must name the fun).
fn inlinable(cls: &[ast::FunClause], nargs: usize) -> bool {
    let [c] = cls else {
        return false;
    };
    let mut seen = std::collections::HashSet::new();
    c.name.is_none()
        && c.guard.is_empty()
        && c.params.len() == nargs
        && c.params.iter().all(|p| match &p.kind {
            ExprKind::Var(v) => v != "_" && seen.insert(v.clone()),
            _ => false,
        })
}
