//! Patterns and guards.

use std::collections::HashMap;

use eubeam_ir as ir;
use eubeam_ir::Literal;

use super::bifs;
use super::scope::Binding;
use super::Lowerer;
use crate::ast::{self, BinOp, ExprKind, UnOp};

/// State of one clause head: the variables it binds, and equality tests for
/// variables repeated inside it (the IR allows a variable once per head).
#[derive(Default)]
pub(crate) struct Head {
    pub bound: HashMap<String, String>,
    pub equalities: Vec<ir::Expr>,
    /// Fun heads and generator patterns bind fresh variables even when the
    /// name is bound outside (Erlang's only shadowing).
    pub shadow: bool,
}

impl Head {
    pub fn shadowing() -> Head {
        Head {
            shadow: true,
            ..Head::default()
        }
    }
}

/// `P1 = P2` in a pattern: one pattern matching what both match, as
/// v3_core's `pat_alias` builds it. `None` when the two cannot be merged
/// (different literals, or shapes this merge does not know).
fn merge_patterns(a: ir::Pattern, b: ir::Pattern) -> Option<ir::Pattern> {
    use ir::Pattern as P;
    Some(match (a, b) {
        (P::Wildcard, p) | (p, P::Wildcard) => p,
        (P::Var(v), P::Var(w)) if v == w => P::Var(v),
        (P::Var(v), p) | (p, P::Var(v)) => P::Alias(v, Box::new(p)),
        (P::Alias(v, a), p) | (p, P::Alias(v, a)) => P::Alias(v, Box::new(merge_patterns(*a, p)?)),
        (P::Lit(x), P::Lit(y)) if x == y => P::Lit(x),
        (P::Tuple(xs), P::Tuple(ys)) if xs.len() == ys.len() => P::Tuple(
            xs.into_iter()
                .zip(ys)
                .map(|(x, y)| merge_patterns(x, y))
                .collect::<Option<_>>()?,
        ),
        (P::Cons(h1, t1), P::Cons(h2, t2)) => P::Cons(
            Box::new(merge_patterns(*h1, *h2)?),
            Box::new(merge_patterns(*t1, *t2)?),
        ),
        (P::Map(mut xs), P::Map(ys)) => {
            xs.extend(ys);
            P::Map(xs)
        }
        (P::Lit(l @ (Literal::Tuple(_) | Literal::Cons(..))), p)
        | (p, P::Lit(l @ (Literal::Tuple(_) | Literal::Cons(..)))) => {
            merge_patterns(literal_pattern(l), p)?
        }
        _ => return None,
    })
}

/// `<<"abc", 1, $d>>`: a binary of whole bytes built from strings and
/// integers without sizes or types, as a literal.
pub(crate) fn const_binary(e: &ast::Expr) -> Option<Literal> {
    let ExprKind::Binary(elems) = &e.kind else {
        return None;
    };
    let mut bytes = Vec::new();
    for el in elems {
        if el.size.is_some() || !el.types.is_empty() {
            return None;
        }
        match &el.value.kind {
            ExprKind::Str(s) => bytes.extend(s.chars().map(|c| u32::from(c) as u8)),
            ExprKind::Int(i) => bytes.push(*i as u8),
            ExprKind::Char(c) => bytes.push(*c as u8),
            _ => return None,
        }
    }
    Some(Literal::Binary(bytes))
}

/// A tuple or list literal as a pattern of its parts.
fn literal_pattern(l: Literal) -> ir::Pattern {
    match l {
        Literal::Tuple(xs) => ir::Pattern::Tuple(xs.into_iter().map(literal_pattern).collect()),
        Literal::Cons(h, t) => {
            ir::Pattern::Cons(Box::new(literal_pattern(*h)), Box::new(literal_pattern(*t)))
        }
        l => ir::Pattern::Lit(l),
    }
}

/// Nodes a constant integer expression in a pattern may have.
const CONST_EXPR_BUDGET: usize = 10_000;

/// A constant integer expression in a pattern (`(16#01 bsl 32)`,
/// `?BASE + 4 * N` after macro expansion), as erl_lint allows: integer
/// operands and `+ - * div rem band bor bxor bsl bsr bnot`. `None` when it
/// is not one (or leaves the 128-bit range).
pub(crate) fn const_integer(e: &ast::Expr) -> Option<Literal> {
    let mut budget = CONST_EXPR_BUDGET;
    let v = const_int(e, &mut budget)?;
    Literal::integer(&v.to_string())
}

fn const_int(e: &ast::Expr, budget: &mut usize) -> Option<i128> {
    *budget = budget.checked_sub(1)?;
    match &e.kind {
        ExprKind::Int(i) => Some(i128::from(*i)),
        ExprKind::Char(c) => Some(i128::from(*c)),
        ExprKind::BigInt(d) => d.parse().ok(),
        ExprKind::UnOp(op, x) => {
            let x = const_int(x, budget)?;
            match op {
                UnOp::Neg => x.checked_neg(),
                UnOp::Plus => Some(x),
                UnOp::Bnot => Some(!x),
                UnOp::Not => None,
            }
        }
        ExprKind::BinOp(op, a, b) => {
            let (a, b) = (const_int(a, budget)?, const_int(b, budget)?);
            match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mul => a.checked_mul(b),
                // Erlang's `div` and `rem` truncate, as Rust's do.
                BinOp::Div => a.checked_div(b),
                BinOp::Rem => a.checked_rem(b),
                BinOp::Band => Some(a & b),
                BinOp::Bor => Some(a | b),
                BinOp::Bxor => Some(a ^ b),
                BinOp::Bsl => shift(a, b),
                BinOp::Bsr => shift(a, b.checked_neg()?),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `a bsl n` (a right shift for negative `n`), `None` on overflow.
fn shift(a: i128, n: i128) -> Option<i128> {
    if n >= 0 {
        let n = u32::try_from(n).ok().filter(|n| *n < 127)?;
        let r = a.checked_shl(n)?;
        (r >> n == a).then_some(r)
    } else {
        let n = u32::try_from(-n).ok()?.min(127);
        Some(a >> n)
    }
}

/// An attribute value: a constant term in which `f/1` stands for the tuple
/// `{f, 1}` (`-compile({inline, [f/1]})`, `-dialyzer({nowarn_function, f/1})`),
/// as `erl_parse` normalises it.
pub(crate) fn attribute_literal(e: &ast::Expr) -> Option<Literal> {
    match &e.kind {
        ExprKind::BinOp(BinOp::Fdiv, f, a) => match (&f.kind, &a.kind) {
            (ExprKind::Atom(f), ExprKind::Int(a)) => Some(Literal::Tuple(vec![
                Literal::Atom(f.clone()),
                Literal::Int(*a),
            ])),
            _ => None,
        },
        ExprKind::Tuple(items) => Some(Literal::Tuple(
            items.iter().map(attribute_literal).collect::<Option<_>>()?,
        )),
        ExprKind::List(items, tail) => {
            let tail = match tail {
                Some(t) => attribute_literal(t)?,
                None => Literal::Nil,
            };
            let items: Vec<Literal> = items.iter().map(attribute_literal).collect::<Option<_>>()?;
            Some(
                items
                    .into_iter()
                    .rev()
                    .fold(tail, |t, h| Literal::Cons(Box::new(h), Box::new(t))),
            )
        }
        _ => const_literal(e).or_else(|| const_integer(e)),
    }
}

/// A constant term, for attributes and literal folding in patterns.
pub(crate) fn const_literal(e: &ast::Expr) -> Option<Literal> {
    Some(match &e.kind {
        ExprKind::Atom(a) => Literal::Atom(a.clone()),
        ExprKind::Int(i) => Literal::Int(*i),
        ExprKind::BigInt(d) => Literal::integer(d)?,
        ExprKind::Char(c) => Literal::Int(i64::from(*c)),
        ExprKind::Float(x) => Literal::Float(*x),
        ExprKind::Str(s) => Literal::string(s),
        ExprKind::Tuple(items) => {
            Literal::Tuple(items.iter().map(const_literal).collect::<Option<_>>()?)
        }
        ExprKind::List(items, tail) => {
            let tail = match tail {
                Some(t) => const_literal(t)?,
                None => Literal::Nil,
            };
            let items: Vec<Literal> = items.iter().map(const_literal).collect::<Option<_>>()?;
            items
                .into_iter()
                .rev()
                .fold(tail, |t, h| Literal::Cons(Box::new(h), Box::new(t)))
        }
        // Only a literal operand: folding nested operators would make long
        // prefix chains quadratic.
        ExprKind::UnOp(_, x)
            if !matches!(
                x.kind,
                ExprKind::Int(_) | ExprKind::BigInt(_) | ExprKind::Float(_) | ExprKind::Char(_)
            ) =>
        {
            return None
        }
        ExprKind::UnOp(UnOp::Neg, x) => match const_literal(x)? {
            Literal::Int(i) => match i.checked_neg() {
                Some(n) => Literal::Int(n),
                None => Literal::integer(&format!("{}", -i128::from(i)))?,
            },
            Literal::BigInt(d) => match d.strip_prefix('-') {
                Some(pos) => Literal::integer(pos)?,
                None => Literal::integer(&format!("-{d}"))?,
            },
            Literal::Float(f) => Literal::Float(-f),
            _ => return None,
        },
        ExprKind::UnOp(UnOp::Plus, x) => match const_literal(x)? {
            l @ (Literal::Int(_) | Literal::BigInt(_) | Literal::Float(_)) => l,
            _ => return None,
        },
        ExprKind::BinOp(op @ (BinOp::Add | BinOp::Sub | BinOp::Mul), a, b)
            if matches!(
                a.kind,
                ExprKind::Int(_) | ExprKind::BigInt(_) | ExprKind::Char(_) | ExprKind::UnOp(..)
            ) && matches!(
                b.kind,
                ExprKind::Int(_) | ExprKind::BigInt(_) | ExprKind::Char(_) | ExprKind::UnOp(..)
            ) =>
        {
            match (const_literal(a)?, const_literal(b)?) {
                // i64 operands cannot overflow i128.
                (Literal::Int(a), Literal::Int(b)) => {
                    let (a, b) = (i128::from(a), i128::from(b));
                    let r = match op {
                        BinOp::Add => a + b,
                        BinOp::Sub => a - b,
                        _ => a * b,
                    };
                    Literal::integer(&r.to_string())?
                }
                _ => return None,
            }
        }
        _ => return None,
    })
}

impl Lowerer<'_> {
    /// Lowers a pattern, binding its new variables in `self.env`.
    pub fn pattern(&mut self, e: &ast::Expr, head: &mut Head) -> ir::Pattern {
        if !self.enter(&e.span) {
            return ir::Pattern::Wildcard;
        }
        let p = match self.expand_record(e, super::records::Ctx::Pattern) {
            Some(x) => self.pattern(&x, head),
            None => self.pattern_inner(e, head),
        };
        self.leave();
        p
    }

    fn pattern_var(
        &mut self,
        name: &str,
        r: &std::ops::Range<usize>,
        head: &mut Head,
    ) -> ir::Pattern {
        if name == "_" {
            return ir::Pattern::Wildcard;
        }
        if let Some(first) = head.bound.get(name).cloned() {
            let again = self.names.fresh_for(name);
            let span = self.span(r);
            head.equalities.push(ir::Expr::call(
                "erlang",
                "=:=",
                vec![
                    ir::Expr::var(first, span),
                    ir::Expr::var(again.clone(), span),
                ],
                span,
            ));
            return ir::Pattern::Var(again);
        }
        if !head.shadow {
            if let Some(what) = self.env.unsafe_vars.get(name) {
                let what = *what;
                self.error(r, format!("variable '{name}' unsafe in '{what}'"));
                return ir::Pattern::Wildcard;
            }
            if let Some(v) = self.env.var(name) {
                return ir::Pattern::Var(v.clone());
            }
        }
        let v = self.names.fresh_for(name);
        head.bound.insert(name.to_string(), v.clone());
        self.env.unsafe_vars.remove(name);
        self.env.bind(name, Binding::Var(v.clone()));
        ir::Pattern::Var(v)
    }

    fn pattern_inner(&mut self, e: &ast::Expr, head: &mut Head) -> ir::Pattern {
        match &e.kind {
            ExprKind::Var(v) => self.pattern_var(v, &e.span, head),
            ExprKind::List(items, tail) => {
                let items: Vec<ir::Pattern> = items.iter().map(|i| self.pattern(i, head)).collect();
                let tail = match tail {
                    Some(t) => self.pattern(t, head),
                    None => ir::Pattern::Lit(Literal::Nil),
                };
                cons_pattern(items, tail)
            }
            ExprKind::Tuple(items) => {
                ir::Pattern::Tuple(items.iter().map(|i| self.pattern(i, head)).collect())
            }
            ExprKind::Match(a, b) => {
                let pa = self.pattern(a, head);
                let pb = self.pattern(b, head);
                match merge_patterns(pa, pb) {
                    Some(p) => p,
                    None => {
                        self.unsupported(
                            &e.span,
                            "patterns with two sides of '=' that cannot be merged",
                        );
                        ir::Pattern::Wildcard
                    }
                }
            }
            // `"abc" ++ Rest` and `[1, 2] ++ Rest`: a fixed prefix.
            ExprKind::BinOp(BinOp::Append, prefix, rest) => {
                let items: Option<Vec<Literal>> = match &prefix.kind {
                    ExprKind::Str(s) => Some(
                        s.chars()
                            .map(|c| Literal::Int(i64::from(u32::from(c))))
                            .collect(),
                    ),
                    ExprKind::List(items, None) => items.iter().map(const_literal).collect(),
                    _ => None,
                };
                match items {
                    Some(items) => {
                        let tail = self.pattern(rest, head);
                        cons_pattern(items.into_iter().map(ir::Pattern::Lit).collect(), tail)
                    }
                    None => {
                        self.error(&e.span, "illegal pattern");
                        ir::Pattern::Wildcard
                    }
                }
            }
            ExprKind::Binary(elems) => self.binary_pattern(elems, head),
            ExprKind::Map(None, fields) => {
                let mut pairs = Vec::with_capacity(fields.len());
                for f in fields {
                    if !f.exact {
                        // Reported, then lowered as `:=` so that the value's
                        // variables are bound (no follow-up errors).
                        self.error(&f.span, "illegal pattern: use ':=' in map patterns");
                    }
                    // Keys are guard expressions over literals and variables
                    // bound before the pattern; constant ones are folded.
                    let folded = const_literal(&f.key).or_else(|| const_binary(&f.key));
                    let key = match (&f.key.kind, folded) {
                        (_, Some(l)) => Some(ir::Expr::lit(l, self.span(&f.key.span))),
                        (ExprKind::Var(_), None) => Some(self.var_use(&f.key)),
                        // Any other key must be a guard expression; the guard
                        // lowering reports what is not, as erl_lint does.
                        _ => Some(self.guard_expr(&f.key)),
                    };
                    // Lowered even after an error, so its variables are bound.
                    let value = self.pattern(&f.value, head);
                    if let Some(key) = key {
                        pairs.push((key, value));
                    }
                }
                ir::Pattern::Map(pairs)
            }
            ExprKind::Unsupported(what) => {
                self.unsupported(&e.span, what);
                ir::Pattern::Wildcard
            }
            _ => match const_literal(e).or_else(|| const_integer(e)) {
                Some(l) => ir::Pattern::Lit(l),
                None => {
                    self.error(&e.span, "illegal pattern");
                    ir::Pattern::Wildcard
                }
            },
        }
    }

    /// Lowers a guard (`;`-separated alternatives of `,`-separated tests).
    /// One alternative is a conjunction with `and`; with several, each is
    /// wrapped in a `try` so that an exception in one only makes that
    /// alternative false.
    pub fn guard(
        &mut self,
        g: &ast::Guard,
        extra: Vec<ir::Expr>,
        span: ir::Span,
    ) -> Option<ir::Expr> {
        let mut alts: Vec<ir::Expr> = Vec::new();
        for alt in g {
            let tests: Vec<ir::Expr> = alt.iter().map(|t| self.guard_test(t)).collect();
            if let Some(c) = conj(tests, span) {
                alts.push(c);
            }
        }
        let main = match alts.len() {
            0 => None,
            1 => alts.pop(),
            _ => {
                let wrapped: Vec<ir::Expr> =
                    alts.into_iter().map(|a| self.guard_try(a, span)).collect();
                wrapped
                    .into_iter()
                    .rev()
                    .reduce(|acc, a| ir::Expr::call("erlang", "or", vec![a, acc], span))
            }
        };
        let mut all = extra;
        all.extend(main);
        conj(all, span)
    }

    fn guard_try(&mut self, e: ir::Expr, span: ir::Span) -> ir::Expr {
        let v = self.names.temp();
        let evars = [self.names.temp(), self.names.temp(), self.names.temp()];
        ir::Expr::new(
            ir::ExprKind::Try {
                arg: Box::new(e),
                vars: vec![v.clone()],
                body: Box::new(ir::Expr::var(v, span)),
                evars,
                handler: Box::new(ir::Expr::atom("false", span)),
            },
            span,
        )
    }

    /// One guard test; non-boolean results are compared with `'true'`.
    fn guard_test(&mut self, t: &ast::Expr) -> ir::Expr {
        let outer_checks = std::mem::take(&mut self.guard_record_checks);
        let e = self.guard_test_inner(t);
        // `R#r.f` in the test: `is_record(R, r, N)` must hold as well.
        let checks = std::mem::replace(&mut self.guard_record_checks, outer_checks);
        let span = e.span;
        let mut tests: Vec<ir::Expr> = checks.iter().map(|c| self.guard_expr(c)).collect();
        tests.push(e);
        conj(tests, span).unwrap_or_else(|| ir::Expr::atom("true", span))
    }

    fn guard_test_inner(&mut self, t: &ast::Expr) -> ir::Expr {
        let e = self.guard_expr(t);
        let boolean = match &e.kind {
            ir::ExprKind::Call {
                module,
                function,
                args,
            } => {
                module.kind == ir::ExprKind::Lit(Literal::atom("erlang"))
                    && matches!(&function.kind, ir::ExprKind::Lit(Literal::Atom(f))
                        if bifs::returns_boolean(f, u32::try_from(args.len()).unwrap_or(0)))
            }
            ir::ExprKind::Lit(Literal::Atom(a)) => a == "true" || a == "false",
            _ => false,
        };
        if boolean {
            e
        } else {
            let span = e.span;
            ir::Expr::call("erlang", "=:=", vec![e, ir::Expr::atom("true", span)], span)
        }
    }

    /// A guard expression: no bindings, only guard BIFs and operators.
    pub fn guard_expr(&mut self, e: &ast::Expr) -> ir::Expr {
        let span = self.span(&e.span);
        if !self.enter(&e.span) {
            return ir::Expr::atom("false", span);
        }
        let out = match self.expand_record(e, super::records::Ctx::Guard) {
            Some(x) => self.guard_expr(&x),
            None => self.guard_expr_inner(e, span),
        };
        self.leave();
        out
    }

    fn guard_expr_inner(&mut self, e: &ast::Expr, span: ir::Span) -> ir::Expr {
        match &e.kind {
            ExprKind::Var(_) => self.var_use(e),
            ExprKind::List(items, tail) => {
                let items: Vec<ir::Expr> = items.iter().map(|i| self.guard_expr(i)).collect();
                let tail = match tail {
                    Some(t) => self.guard_expr(t),
                    None => ir::Expr::lit(Literal::Nil, span),
                };
                super::expr::cons_expr(items, tail, span)
            }
            ExprKind::Tuple(items) => {
                let items = items.iter().map(|i| self.guard_expr(i)).collect();
                super::expr::tuple_expr(items, span)
            }
            ExprKind::BinOp(op, a, b) => {
                let a = self.guard_expr(a);
                let b = self.guard_expr(b);
                let name = match op {
                    BinOp::AndAlso => "and",
                    BinOp::OrElse => "or",
                    op => op.bif(),
                };
                ir::Expr::call("erlang", name, vec![a, b], span)
            }
            ExprKind::UnOp(op, x) => match const_literal(e) {
                Some(l) => ir::Expr::lit(l, span),
                None => {
                    let x = self.guard_expr(x);
                    ir::Expr::call("erlang", op.bif(), vec![x], span)
                }
            },
            ExprKind::Call(f, args) => {
                let arity = u32::try_from(args.len()).unwrap_or(u32::MAX);
                let name = match &f.kind {
                    ExprKind::Atom(n) if !self.info.defined.contains(&(n.clone(), arity)) => {
                        Some(n)
                    }
                    ExprKind::Remote(m, n) => match (&m.kind, &n.kind) {
                        (ExprKind::Atom(m), ExprKind::Atom(n)) if m == "erlang" => Some(n),
                        _ => None,
                    },
                    _ => None,
                };
                match name {
                    Some(n) if bifs::is_guard_bif(n, arity) => {
                        let args = args.iter().map(|a| self.guard_expr(a)).collect();
                        ir::Expr::call("erlang", n, args, span)
                    }
                    _ => {
                        let what = match &f.kind {
                            ExprKind::Atom(n) => format!(
                                "call to local/imported function {n}/{arity} is illegal in guard"
                            ),
                            _ => "illegal guard expression".to_string(),
                        };
                        self.error(&e.span, what);
                        ir::Expr::atom("false", span)
                    }
                }
            }
            ExprKind::Binary(elems) => self.binary_guard(elems, span),
            ExprKind::Map(base, fields) => {
                let mut vals = Vec::with_capacity(1 + 2 * fields.len());
                if let Some(b) = base {
                    vals.push(self.guard_expr(b));
                }
                for f in fields {
                    vals.push(self.guard_expr(&f.key));
                    vals.push(self.guard_expr(&f.value));
                }
                self.map_expr(base.is_some(), fields, vals, span)
            }
            ExprKind::Unsupported(what) => {
                self.unsupported(&e.span, what);
                ir::Expr::atom("false", span)
            }
            _ => match const_literal(e) {
                Some(l) => ir::Expr::lit(l, span),
                None => {
                    self.error(&e.span, "illegal guard expression");
                    ir::Expr::atom("false", span)
                }
            },
        }
    }
}

/// Whether an expression is a guard expression (used to decide how a
/// comprehension filter is compiled).
pub(crate) fn is_guard(e: &ast::Expr, defined: &std::collections::BTreeSet<(String, u32)>) -> bool {
    match &e.kind {
        ExprKind::Var(_)
        | ExprKind::Atom(_)
        | ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Char(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_) => true,
        ExprKind::List(items, tail) => {
            items.iter().all(|i| is_guard(i, defined))
                && tail.as_ref().is_none_or(|t| is_guard(t, defined))
        }
        ExprKind::Tuple(items) => items.iter().all(|i| is_guard(i, defined)),
        ExprKind::Map(base, fields) => {
            base.as_ref().is_none_or(|b| is_guard(b, defined))
                && fields
                    .iter()
                    .all(|f| is_guard(&f.key, defined) && is_guard(&f.value, defined))
        }
        ExprKind::BinOp(_, a, b) => is_guard(a, defined) && is_guard(b, defined),
        ExprKind::UnOp(_, x) | ExprKind::RecordField { base: x, .. } => is_guard(x, defined),
        ExprKind::RecordIndex { .. } => true,
        ExprKind::Binary(elems) => elems.iter().all(|el| {
            is_guard(&el.value, defined) && el.size.as_ref().is_none_or(|s| is_guard(s, defined))
        }),
        ExprKind::Record {
            base: None, fields, ..
        } => fields.iter().all(|f| is_guard(&f.value, defined)),
        ExprKind::Call(f, args) => {
            let arity = u32::try_from(args.len()).unwrap_or(u32::MAX);
            let ok = match &f.kind {
                ExprKind::Atom(n) => {
                    !defined.contains(&(n.clone(), arity)) && bifs::is_guard_bif(n, arity)
                }
                ExprKind::Remote(m, n) => matches!((&m.kind, &n.kind),
                    (ExprKind::Atom(m), ExprKind::Atom(n)) if m == "erlang" && bifs::is_guard_bif(n, arity)),
                _ => false,
            };
            ok && args.iter().all(|a| is_guard(a, defined))
        }
        _ => false,
    }
}

fn conj(tests: Vec<ir::Expr>, span: ir::Span) -> Option<ir::Expr> {
    tests
        .into_iter()
        .rev()
        .reduce(|acc, t| ir::Expr::call("erlang", "and", vec![t, acc], span))
}

pub(crate) fn cons_pattern(items: Vec<ir::Pattern>, tail: ir::Pattern) -> ir::Pattern {
    let all_lit = items.iter().all(|p| matches!(p, ir::Pattern::Lit(_)))
        && matches!(tail, ir::Pattern::Lit(_));
    if all_lit {
        let lits: Vec<Literal> = items
            .into_iter()
            .filter_map(|p| match p {
                ir::Pattern::Lit(l) => Some(l),
                _ => None,
            })
            .collect();
        let tail = match tail {
            ir::Pattern::Lit(l) => l,
            _ => Literal::Nil,
        };
        return ir::Pattern::Lit(
            lits.into_iter()
                .rev()
                .fold(tail, |t, h| Literal::Cons(Box::new(h), Box::new(t))),
        );
    }
    items
        .into_iter()
        .rev()
        .fold(tail, |t, h| ir::Pattern::Cons(Box::new(h), Box::new(t)))
}
