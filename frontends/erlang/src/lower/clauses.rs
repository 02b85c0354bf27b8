//! Branching constructs: function clauses, funs, `case`, `if`, `receive`,
//! `try`, `catch` and list comprehensions.
//!
//! Variables bound in every branch of a `case`/`if`/`receive` are visible
//! after it: each branch then returns `<Value, X1, ..., Xn>` and the whole
//! construct is bound with `let <R, X1', ..., Xn'> = ...`, as v3_core does.
//! Variables bound in some branches only are unsafe afterwards.

use std::ops::Range;

use eubeam_ir as ir;
use eubeam_ir::{FunName, Literal};

use super::pattern::{is_guard, Head};
use super::scope::{Binding, Env};
use super::{reason, wrap, Lowerer, Pre};
use crate::ast::{self, ExprKind, Qualifier};

/// One lowered branch before the exports are known.
pub(crate) struct Part {
    pats: Vec<ir::Pattern>,
    guard: Option<ir::Expr>,
    pre: Vec<Pre>,
    value: ir::Expr,
    env: Env,
    span: ir::Span,
}

fn clause(
    pats: Vec<ir::Pattern>,
    guard: Option<ir::Expr>,
    body: ir::Expr,
    span: ir::Span,
) -> ir::Clause {
    ir::Clause {
        pats,
        guard,
        body,
        span,
    }
}

/// A clause with a guard of several `;` alternatives becomes one clause per
/// alternative (same head and body). Core Erlang only allows a `try` at the
/// top of a guard, so `G1 ; G2` cannot be a disjunction of protected tests;
/// separate clauses give the same semantics: an exception in one
/// alternative only makes that alternative fail.
pub(crate) trait Guarded: Clone {
    fn guard_mut(&mut self) -> &mut ast::Guard;
}

macro_rules! guarded {
    ($($t:ty),*) => {$(
        impl Guarded for $t {
            fn guard_mut(&mut self) -> &mut ast::Guard {
                &mut self.guard
            }
        }
    )*};
}
guarded!(ast::Clause, ast::IfClause, ast::CatchClause, ast::FunClause);

pub(crate) fn split_alternatives<T: Guarded>(cs: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(cs.len());
    for c in cs {
        let mut c = c.clone();
        let alts = std::mem::take(c.guard_mut());
        if alts.len() <= 1 {
            *c.guard_mut() = alts;
            out.push(c);
        } else {
            for alt in alts {
                let mut one = c.clone();
                *one.guard_mut() = vec![alt];
                out.push(one);
            }
        }
    }
    out
}

impl Lowerer<'_> {
    /// Joins branches: computes the exported variables, sets `self.env` to
    /// the scope after the construct, and returns the clauses plus the
    /// `let` variables (`[R, X1', ...]`) when anything is exported.
    fn join(
        &mut self,
        before: Env,
        parts: Vec<Part>,
        what: &'static str,
    ) -> (Vec<ir::Clause>, Option<Vec<String>>) {
        let news: Vec<Vec<String>> = parts.iter().map(|p| p.env.new_since(&before)).collect();
        let exported: Vec<String> = match news.first() {
            Some(first) => first
                .iter()
                .filter(|n| news.iter().all(|ns| ns.contains(n)))
                .filter(|n| self.later.as_ref().is_none_or(|l| l.contains(*n)))
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        let mut after = before;
        for p in &parts {
            for (n, w) in &p.env.unsafe_vars {
                after.unsafe_vars.entry(n.clone()).or_insert(*w);
            }
        }
        for ns in &news {
            for n in ns {
                let everywhere = news.iter().all(|other| other.contains(n));
                if !exported.contains(n) && !everywhere {
                    after.unsafe_vars.insert(n.clone(), what);
                }
            }
        }
        let mut clauses = Vec::with_capacity(parts.len());
        for p in parts {
            let value = if exported.is_empty() {
                p.value
            } else {
                let span = p.value.span;
                let mut items = vec![p.value];
                for n in &exported {
                    let v = p.env.var(n).cloned().unwrap_or_default();
                    items.push(ir::Expr::var(v, span));
                }
                ir::Expr::new(ir::ExprKind::Values(items), span)
            };
            clauses.push(clause(p.pats, p.guard, wrap(p.pre, value), p.span));
        }
        let lets = if exported.is_empty() {
            None
        } else {
            let mut vars = vec![self.names.temp()];
            for n in &exported {
                let v = self.names.fresh_for(n);
                after.unsafe_vars.remove(n);
                after.bind(n, Binding::Var(v.clone()));
                vars.push(v);
            }
            Some(vars)
        };
        self.env = after;
        (clauses, lets)
    }

    /// Binds a construct that exports variables; its value is `R`.
    fn bind_exports(
        &mut self,
        e: ir::Expr,
        lets: Option<Vec<String>>,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        match lets {
            None => e,
            Some(vars) => {
                let span = e.span;
                let r = vars[0].clone();
                pre.push(Pre::Let(vars, e, span));
                ir::Expr::var(r, span)
            }
        }
    }

    fn pattern_part(&mut self, before: &Env, c: &ast::Clause) -> Part {
        self.env = before.clone();
        let span = self.span(&c.span);
        let mut head = Head::default();
        let pat = self.pattern(&c.pattern, &mut head);
        let guard = self.guard(&c.guard, head.equalities, span);
        let (pre, value) = self.body_parts(&c.body);
        Part {
            pats: vec![pat],
            guard,
            pre,
            value,
            env: self.env.clone(),
            span,
        }
    }

    /// `case V of Clauses; X -> error({Tag, X}) end` over an evaluated value.
    fn case_on(
        &mut self,
        arg: ir::Expr,
        clauses: &[ast::Clause],
        tag: &str,
        span: ir::Span,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        let before = self.env.clone();
        let parts: Vec<Part> = split_alternatives(clauses)
            .iter()
            .map(|c| self.pattern_part(&before, c))
            .collect();
        let (mut cls, lets) = self.join(before, parts, "case");
        let other = self.names.temp();
        cls.push(clause(
            vec![ir::Pattern::Var(other.clone())],
            None,
            ir::Expr::match_fail(reason(tag, vec![ir::Expr::var(other, span)], span), span),
            span,
        ));
        let e = self.core_case(arg, cls, span, lets.is_none());
        self.bind_exports(e, lets, pre)
    }

    pub fn case_expr(
        &mut self,
        arg: &ast::Expr,
        clauses: &[ast::Clause],
        span: ir::Span,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        let arg = self.expr(arg, pre);
        self.case_on(arg, clauses, "case_clause", span, pre)
    }

    /// `if` is `case <> of <> when G -> B ... <> when 'true' -> error(if_clause) end`.
    pub fn if_expr(
        &mut self,
        clauses: &[ast::IfClause],
        span: ir::Span,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        let before = self.env.clone();
        let mut parts = Vec::new();
        for c in &split_alternatives(clauses) {
            self.env = before.clone();
            let cspan = self.span(&c.span);
            let guard = self.guard(&c.guard, Vec::new(), cspan);
            let (bpre, value) = self.body_parts(&c.body);
            parts.push(Part {
                pats: Vec::new(),
                guard,
                pre: bpre,
                value,
                env: self.env.clone(),
                span: cspan,
            });
        }
        let (mut cls, lets) = self.join(before, parts, "if");
        cls.push(clause(
            Vec::new(),
            None,
            ir::Expr::match_fail(ir::Expr::atom("if_clause", span), span),
            span,
        ));
        let e = ir::Expr::new(
            ir::ExprKind::Case {
                arg: Box::new(ir::Expr::new(ir::ExprKind::Values(Vec::new()), span)),
                clauses: cls,
            },
            span,
        );
        self.bind_exports(e, lets, pre)
    }

    pub fn receive_expr(
        &mut self,
        clauses: &[ast::Clause],
        after: Option<&(Box<ast::Expr>, Vec<ast::Expr>)>,
        span: ir::Span,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        let timeout = match after {
            Some((t, _)) => self.expr(t, pre),
            None => ir::Expr::atom("infinity", span),
        };
        let before = self.env.clone();
        let mut parts: Vec<Part> = split_alternatives(clauses)
            .iter()
            .map(|c| self.pattern_part(&before, c))
            .collect();
        if let Some((t, body)) = after {
            self.env = before.clone();
            let (bpre, value) = self.body_parts(body);
            parts.push(Part {
                pats: Vec::new(),
                guard: None,
                pre: bpre,
                value,
                env: self.env.clone(),
                span: self.span(&t.span),
            });
        }
        let (mut cls, lets) = self.join(before, parts, "receive");
        let after_body = match after {
            Some(_) => cls
                .pop()
                .map_or_else(|| ir::Expr::atom("true", span), |c| c.body),
            // No `after`: the branch never runs, but when the clauses
            // export variables it must yield as many values as they do.
            None => match &lets {
                Some(vars) if vars.len() > 1 => ir::Expr::new(
                    ir::ExprKind::Values(vec![ir::Expr::atom("true", span); vars.len()]),
                    span,
                ),
                _ => ir::Expr::atom("true", span),
            },
        };
        let e = ir::Expr::new(
            ir::ExprKind::Receive {
                clauses: cls,
                timeout: Box::new(timeout),
                after: Box::new(after_body),
            },
            span,
        );
        self.bind_exports(e, lets, pre)
    }

    pub fn catch_expr(&mut self, x: &ast::Expr, span: ir::Span) -> ir::Expr {
        let before = self.env.clone();
        let inner = self.body(std::slice::from_ref(x));
        self.restore_marking_unsafe(before, "catch");
        ir::Expr::new(ir::ExprKind::Catch(Box::new(inner)), span)
    }

    fn raise(&self, evars: &[String; 3], span: ir::Span) -> ir::Expr {
        ir::Expr::primop(
            "raise",
            vec![
                ir::Expr::var(evars[2].clone(), span),
                ir::Expr::var(evars[1].clone(), span),
            ],
            span,
        )
    }

    fn evars(&mut self) -> [String; 3] {
        [self.names.temp(), self.names.temp(), self.names.temp()]
    }

    /// `try ... of ... catch ... after ... end`. Nothing bound inside is
    /// visible after it.
    pub fn try_expr(
        &mut self,
        body: &[ast::Expr],
        of: &[ast::Clause],
        catches: &[ast::CatchClause],
        after: &[ast::Expr],
        span: ir::Span,
    ) -> ir::Expr {
        let before = self.env.clone();
        let mut new_names: Vec<String> = Vec::new();
        let inner = if of.is_empty() && catches.is_empty() {
            // `try B after A end`: no inner try needed.
            let b = self.body(body);
            new_names.extend(self.env.new_since(&before));
            b
        } else {
            self.try_core(&before, body, of, catches, span, &mut new_names)
        };
        let out = if after.is_empty() {
            inner
        } else {
            self.env = before.clone();
            let a1 = self.body(after);
            new_names.extend(self.env.new_since(&before));
            self.env = before.clone();
            let a2 = self.body(after);
            let v = self.names.temp();
            let evars = self.evars();
            let rethrow = self.raise(&evars, span);
            ir::Expr::new(
                ir::ExprKind::Try {
                    arg: Box::new(inner),
                    vars: vec![v.clone()],
                    body: Box::new(ir::Expr::seq(a1, ir::Expr::var(v, span))),
                    evars,
                    handler: Box::new(ir::Expr::seq(a2, rethrow)),
                },
                span,
            )
        };
        self.env = before;
        for n in new_names {
            self.env.unsafe_vars.insert(n, "try");
        }
        out
    }

    fn try_core(
        &mut self,
        before: &Env,
        body: &[ast::Expr],
        of: &[ast::Clause],
        catches: &[ast::CatchClause],
        span: ir::Span,
        new_names: &mut Vec<String>,
    ) -> ir::Expr {
        self.env = before.clone();
        let (bpre, bval) = self.body_parts(body);
        let body_new = self.env.new_since(before);
        new_names.extend(body_new.iter().cloned());
        let r = self.names.temp();
        let (arg, vars, tbody) = if of.is_empty() {
            (wrap(bpre, bval), vec![r.clone()], ir::Expr::var(r, span))
        } else {
            // The `of` clauses see the body's variables: pass them out of
            // the protected part as extra values.
            let mut vars = vec![r.clone()];
            let arg_value = if body_new.is_empty() {
                bval
            } else {
                let mut items = vec![bval];
                for n in &body_new {
                    items.push(ir::Expr::var(
                        self.env.var(n).cloned().unwrap_or_default(),
                        span,
                    ));
                }
                ir::Expr::new(ir::ExprKind::Values(items), span)
            };
            let arg = wrap(bpre, arg_value);
            self.env = before.clone();
            for n in &body_new {
                let v = self.names.fresh_for(n);
                self.env.bind(n, Binding::Var(v.clone()));
                vars.push(v);
            }
            let scope = self.env.clone();
            let mut p = Vec::new();
            let c = self.case_on(ir::Expr::var(r, span), of, "try_clause", span, &mut p);
            new_names.extend(self.env.new_since(&scope));
            new_names.extend(self.env.unsafe_vars.keys().cloned());
            (arg, vars, wrap(p, c))
        };
        let evars = self.evars();
        let handler = if catches.is_empty() {
            self.raise(&evars, span)
        } else {
            let mut cls = Vec::new();
            for c in &split_alternatives(catches) {
                self.env = before.clone();
                let cspan = self.span(&c.span);
                let mut head = Head::default();
                let class = match &c.class {
                    None => ir::Pattern::Lit(Literal::atom("throw")),
                    Some(e) => self.pattern(e, &mut head),
                };
                let reason_pat = self.pattern(&c.reason, &mut head);
                let mut stack_bind = None;
                if let Some(s) = &c.stack {
                    if let ExprKind::Var(name) = &s.kind {
                        if name != "_" {
                            if self.env.vars.contains_key(name) {
                                self.error(
                                    &s.span,
                                    format!(
                                        "stacktrace variable '{name}' must not be previously bound"
                                    ),
                                );
                            }
                            let v = self.names.fresh_for(name);
                            self.env.bind(name, Binding::Var(v.clone()));
                            stack_bind = Some(v);
                        }
                    }
                }
                if let Some(ExprKind::Var(name)) = c.stack.as_ref().map(|s| &s.kind) {
                    let at = c.guard.iter().flatten().find_map(|g| var_span(g, name));
                    if let Some(at) = at {
                        self.error(
                            &at,
                            format!("stacktrace variable '{name}' must not be used in a guard"),
                        );
                    }
                }
                let guard = self.guard(&c.guard, head.equalities, cspan);
                let mut b = self.body(&c.body);
                if let Some(v) = stack_bind {
                    let trace = ir::Expr::primop(
                        "build_stacktrace",
                        vec![ir::Expr::var(evars[2].clone(), cspan)],
                        cspan,
                    );
                    b = ir::Expr::let_(vec![v], trace, b, cspan);
                }
                new_names.extend(self.env.new_since(before));
                cls.push(clause(
                    vec![class, reason_pat, ir::Pattern::Wildcard],
                    guard,
                    b,
                    cspan,
                ));
            }
            cls.push(clause(
                vec![
                    ir::Pattern::Wildcard,
                    ir::Pattern::Wildcard,
                    ir::Pattern::Wildcard,
                ],
                None,
                self.raise(&evars, span),
                span,
            ));
            ir::Expr::new(
                ir::ExprKind::Case {
                    arg: Box::new(ir::Expr::new(
                        ir::ExprKind::Values(
                            evars
                                .iter()
                                .map(|v| ir::Expr::var(v.clone(), span))
                                .collect(),
                        ),
                        span,
                    )),
                    clauses: cls,
                },
                span,
            )
        };
        ir::Expr::new(
            ir::ExprKind::Try {
                arg: Box::new(arg),
                vars,
                body: Box::new(tbody),
                evars,
                handler: Box::new(handler),
            },
            span,
        )
    }

    /// Function clauses → `fun (_P1, ..., _Pn) -> case <_P1, ..., _Pn> of
    /// ... ; <_, ..., _> -> error({function_clause, _P1, ..., _Pn}) end`.
    /// `shadow` is set for funs, whose heads shadow outer variables.
    pub fn fun_clauses(
        &mut self,
        clauses: &[ast::FunClause],
        r: &Range<usize>,
        shadow: bool,
        name: Option<String>,
    ) -> ir::Fun {
        let span = self.span(r);
        let arity = clauses.first().map_or(0, |c| c.params.len());
        let params: Vec<String> = (0..arity).map(|_| self.names.temp()).collect();
        let before = self.env.clone();
        let mut cls = Vec::new();
        for c in &split_alternatives(clauses) {
            self.env = before.clone();
            let cspan = self.span(&c.span);
            if c.params.len() != arity {
                self.error(&c.span, "head mismatch");
                continue;
            }
            let mut head = if shadow {
                Head::shadowing()
            } else {
                Head::default()
            };
            let pats: Vec<ir::Pattern> = c
                .params
                .iter()
                .map(|p| self.pattern(p, &mut head))
                .collect();
            let guard = self.guard(&c.guard, head.equalities, cspan);
            let body = self.body(&c.body);
            cls.push(clause(pats, guard, body, cspan));
        }
        self.env = before;
        let pvars: Vec<ir::Expr> = params
            .iter()
            .map(|p| ir::Expr::var(p.clone(), span))
            .collect();
        let body = if arity == 0 && cls.len() == 1 && cls[0].guard.is_none() {
            cls.pop()
                .map_or_else(|| ir::Expr::atom("ok", span), |c| c.body)
        } else {
            cls.push(clause(
                vec![ir::Pattern::Wildcard; arity],
                None,
                ir::Expr::match_fail(reason("function_clause", pvars.clone(), span), span),
                span,
            ));
            let arg = if arity == 1 {
                pvars[0].clone()
            } else {
                ir::Expr::new(ir::ExprKind::Values(pvars), span)
            };
            self.core_case(arg, cls, span, true)
        };
        ir::Fun {
            params,
            body: Box::new(body),
            span,
            name,
        }
    }

    /// `fun ... end`; a named fun is a `letrec` whose body is the function
    /// itself, with the name bound to the `letrec` function inside.
    pub fn fun_expr(
        &mut self,
        clauses: &[ast::FunClause],
        r: &Range<usize>,
        span: ir::Span,
    ) -> ir::Expr {
        let name = self.lambda_name((r.start, r.end, self.fun_depth));
        self.fun_depth += 1;
        let lowered = self.fun_expr_named(clauses, r, span, name);
        self.fun_depth -= 1;
        lowered
    }

    fn fun_expr_named(
        &mut self,
        clauses: &[ast::FunClause],
        r: &Range<usize>,
        span: ir::Span,
        name: String,
    ) -> ir::Expr {
        let arity =
            u32::try_from(clauses.first().map_or(0, |c| c.params.len())).unwrap_or(u32::MAX);
        match clauses.first().and_then(|c| c.name.clone()) {
            Some((var, _)) => {
                let fname = FunName::new(name.clone(), arity);
                let before = self.env.clone();
                self.env.unsafe_vars.remove(&var);
                self.env.bind(&var, Binding::LocalFun(fname.clone()));
                let fun = self.fun_clauses(clauses, r, true, Some(name));
                self.env = before;
                ir::Expr::new(
                    ir::ExprKind::LetRec {
                        defs: vec![(fname.clone(), fun)],
                        body: Box::new(ir::Expr::new(ir::ExprKind::FunRef(fname), span)),
                    },
                    span,
                )
            }
            None => {
                let fun = self.fun_clauses(clauses, r, true, Some(name));
                ir::Expr::new(ir::ExprKind::Fun(fun), span)
            }
        }
    }

    /// `[E || Qs]` with `tail` appended: each generator is a `letrec` loop
    /// over its list; guard filters right after a generator become the
    /// clause's guard (an exception there just skips the element), other
    /// filters a `case` that raises `{bad_filter, V}` on non-booleans.
    pub fn comprehension(
        &mut self,
        elem: &ast::Expr,
        quals: &[Qualifier],
        tail: ir::Expr,
        span: ir::Span,
    ) -> ir::Expr {
        let Some((first, rest)) = quals.split_first() else {
            let mut pre = Vec::new();
            let v = self.expr(elem, &mut pre);
            return wrap(pre, ir::Expr::cons(v, tail, span));
        };
        let mut pre = Vec::new();
        let out = match first {
            Qualifier::Generator(pat, list) => {
                let list = self.expr(list, &mut pre);
                let name = FunName::new(format!("lc$^{}", self.lc_counter), 1);
                self.lc_counter += 1;
                let arg = self.names.temp();
                let t = self.names.temp();
                let before = self.env.clone();
                let mut head = Head::shadowing();
                let p = self.pattern(pat, &mut head);
                let n_guards = rest
                    .iter()
                    .take_while(
                        |q| matches!(q, Qualifier::Filter(f) if is_guard(f, &self.info.defined)),
                    )
                    .count();
                let filters: Vec<Vec<ast::Expr>> = rest[..n_guards]
                    .iter()
                    .filter_map(|q| match q {
                        Qualifier::Filter(f) => Some(vec![f.clone()]),
                        Qualifier::Generator(..) | Qualifier::BinGenerator(..) => None,
                    })
                    .collect();
                // Filters are `,`-joined: all must hold. One alternative.
                let conj: ast::Guard = if filters.is_empty() {
                    Vec::new()
                } else {
                    vec![filters.concat()]
                };
                let guard = self.guard(&conj, head.equalities, span);
                let next = self.lc_apply(&name, ir::Expr::var(t.clone(), span), span);
                let body = self.comprehension(elem, &rest[n_guards..], next, span);
                self.env = before;
                let mut cls = vec![clause(
                    vec![ir::Pattern::Cons(
                        Box::new(p.clone()),
                        Box::new(ir::Pattern::Var(t)),
                    )],
                    guard.clone(),
                    body,
                    span,
                )];
                if guard.is_some() || !matches!(p, ir::Pattern::Var(_) | ir::Pattern::Wildcard) {
                    let t2 = self.names.temp();
                    let skip = self.lc_apply(&name, ir::Expr::var(t2.clone(), span), span);
                    cls.push(clause(
                        vec![ir::Pattern::Cons(
                            Box::new(ir::Pattern::Wildcard),
                            Box::new(ir::Pattern::Var(t2)),
                        )],
                        None,
                        skip,
                        span,
                    ));
                }
                cls.push(clause(
                    vec![ir::Pattern::Lit(Literal::Nil)],
                    None,
                    tail,
                    span,
                ));
                self.generator_loop(name, arg, cls, list, span)
            }
            Qualifier::BinGenerator(pat, bin) => {
                self.bin_generator(elem, pat, bin, rest, tail, span, &mut pre)
            }
            Qualifier::Filter(f) if is_guard(f, &self.info.defined) => {
                let guard = self.guard(&vec![vec![f.clone()]], Vec::new(), span);
                let body = self.comprehension(elem, rest, tail.clone(), span);
                ir::Expr::new(
                    ir::ExprKind::Case {
                        arg: Box::new(ir::Expr::new(ir::ExprKind::Values(Vec::new()), span)),
                        clauses: vec![
                            clause(Vec::new(), guard, body, span),
                            clause(Vec::new(), None, tail, span),
                        ],
                    },
                    span,
                )
            }
            Qualifier::Filter(f) => {
                let v = self.expr(f, &mut pre);
                let body = self.comprehension(elem, rest, tail.clone(), span);
                let other = self.names.temp();
                ir::Expr::new(
                    ir::ExprKind::Case {
                        arg: Box::new(v),
                        clauses: vec![
                            clause(
                                vec![ir::Pattern::Lit(Literal::atom("true"))],
                                None,
                                body,
                                span,
                            ),
                            clause(
                                vec![ir::Pattern::Lit(Literal::atom("false"))],
                                None,
                                tail,
                                span,
                            ),
                            clause(
                                vec![ir::Pattern::Var(other.clone())],
                                None,
                                ir::Expr::match_fail(
                                    reason("bad_filter", vec![ir::Expr::var(other, span)], span),
                                    span,
                                ),
                                span,
                            ),
                        ],
                    },
                    span,
                )
            }
        };
        wrap(pre, out)
    }

    /// `<<Segs>> <= Bin`: a loop matching `<<Segs, T/bitstring>>`; a
    /// guard filter that fails skips the element, and a rest that does not
    /// match ends the generator (as on the BEAM).
    #[allow(clippy::too_many_arguments)]
    fn bin_generator(
        &mut self,
        elem: &ast::Expr,
        pat: &ast::Expr,
        bin: &ast::Expr,
        rest: &[Qualifier],
        tail: ir::Expr,
        span: ir::Span,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        let bin = self.expr(bin, pre);
        let name = FunName::new(format!("lc$^{}", self.lc_counter), 1);
        self.lc_counter += 1;
        let arg = self.names.temp();
        let t = self.names.temp();
        let before = self.env.clone();
        let mut head = Head::shadowing();
        let segs = match &pat.kind {
            ExprKind::Binary(_) => match self.pattern(pat, &mut head) {
                ir::Pattern::Binary(segs) => segs,
                _ => Vec::new(),
            },
            _ => {
                self.error(&pat.span, "a binary generator's pattern must be a binary");
                Vec::new()
            }
        };
        let n_guards = rest
            .iter()
            .take_while(|q| matches!(q, Qualifier::Filter(f) if is_guard(f, &self.info.defined)))
            .count();
        let filters: Vec<Vec<ast::Expr>> = rest[..n_guards]
            .iter()
            .filter_map(|q| match q {
                Qualifier::Filter(f) => Some(vec![f.clone()]),
                _ => None,
            })
            .collect();
        let conj: ast::Guard = if filters.is_empty() {
            Vec::new()
        } else {
            vec![filters.concat()]
        };
        let guard = self.guard(&conj, head.equalities, span);
        let next = self.lc_apply(&name, ir::Expr::var(t.clone(), span), span);
        let body = self.comprehension(elem, &rest[n_guards..], next, span);
        self.env = before;
        let with_tail = |segs: &[ir::BinSegment<ir::Pattern>], t: String| {
            let mut segs = segs.to_vec();
            segs.push(ir::BinSegment {
                value: ir::Pattern::Var(t),
                size: None,
                unit: 1,
                ty: ir::BinType::Bitstring,
                signed: false,
                endian: ir::Endian::Big,
                span,
            });
            ir::Pattern::Binary(segs)
        };
        let mut cls = vec![clause(vec![with_tail(&segs, t)], guard.clone(), body, span)];
        if guard.is_some() {
            // Same segments with fresh names: skip the element.
            let t2 = self.names.temp();
            let wild: Vec<ir::BinSegment<ir::Pattern>> = segs
                .iter()
                .map(|s| ir::BinSegment {
                    value: match &s.value {
                        ir::Pattern::Var(_) => ir::Pattern::Wildcard,
                        p => p.clone(),
                    },
                    ..s.clone()
                })
                .collect();
            // A size using a variable bound in the pattern keeps its binding.
            let uses_own_var = segs.iter().any(|s| {
                s.size
                    .as_ref()
                    .is_some_and(|e| matches!(&e.kind, ir::ExprKind::Var(_)))
            });
            let skip_pat = if uses_own_var {
                with_tail(&segs, t2.clone())
            } else {
                with_tail(&wild, t2.clone())
            };
            let skip = self.lc_apply(&name, ir::Expr::var(t2, span), span);
            cls.push(clause(vec![skip_pat], None, skip, span));
        }
        let other = self.names.temp();
        let is_bits = ir::Expr::call(
            "erlang",
            "is_bitstring",
            vec![ir::Expr::var(other.clone(), span)],
            span,
        );
        cls.push(clause(
            vec![ir::Pattern::Var(other)],
            Some(is_bits),
            tail,
            span,
        ));
        self.generator_loop(name, arg, cls, bin, span)
    }

    /// The `letrec` loop of one generator: `name(arg)` dispatches on the
    /// generator clauses `cls`, a final clause raises `{bad_generator, V}`,
    /// and the loop starts on `source`.
    fn generator_loop(
        &mut self,
        name: FunName,
        arg: ir::Var,
        mut cls: Vec<ir::Clause>,
        source: ir::Expr,
        span: ir::Span,
    ) -> ir::Expr {
        let bad = self.names.temp();
        cls.push(clause(
            vec![ir::Pattern::Var(bad.clone())],
            None,
            ir::Expr::match_fail(
                reason("bad_generator", vec![ir::Expr::var(bad, span)], span),
                span,
            ),
            span,
        ));
        let fun = ir::Fun {
            params: vec![arg.clone()],
            body: Box::new(ir::Expr::new(
                ir::ExprKind::Case {
                    arg: Box::new(ir::Expr::var(arg, span)),
                    clauses: cls,
                },
                span,
            )),
            span,
            name: Some(name.name.clone()),
        };
        let start = self.lc_apply(&name, source, span);
        ir::Expr::new(
            ir::ExprKind::LetRec {
                defs: vec![(name, fun)],
                body: Box::new(start),
            },
            span,
        )
    }

    fn lc_apply(&self, name: &FunName, arg: ir::Expr, span: ir::Span) -> ir::Expr {
        ir::Expr::new(
            ir::ExprKind::Apply {
                fun: Box::new(ir::Expr::new(ir::ExprKind::FunRef(name.clone()), span)),
                args: vec![arg],
            },
            span,
        )
    }
}

/// Where variable `name` first occurs in a guard expression.
fn var_span(e: &ast::Expr, name: &str) -> Option<ast::Span> {
    let mut todo = vec![e];
    while let Some(e) = todo.pop() {
        match &e.kind {
            ExprKind::Var(v) if v == name => return Some(e.span.clone()),
            ExprKind::Call(f, args) => {
                todo.extend(args.iter().rev());
                todo.push(f);
            }
            ExprKind::BinOp(_, a, b) | ExprKind::Remote(a, b) => {
                todo.push(b);
                todo.push(a);
            }
            ExprKind::UnOp(_, x) | ExprKind::RecordField { base: x, .. } => todo.push(x),
            ExprKind::Tuple(items) => todo.extend(items.iter().rev()),
            ExprKind::List(items, tail) => {
                if let Some(t) = tail {
                    todo.push(t);
                }
                todo.extend(items.iter().rev());
            }
            _ => {}
        }
    }
    None
}
