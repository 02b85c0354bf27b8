//! Records, expanded into tuples before lowering as OTP's
//! `erl_expand_records` does (strict record tests, OTP 25 errors):
//!
//! - `#r{f = V, _ = W}` → `{r, E1, ..., En}`, each field its value, else the
//!   `_ =` value, else its default, else `undefined` (in a pattern: `_`);
//! - `R#r.f` → `case R of {r, _, .., X, .., _} -> X; Y -> error({badrecord, Y}) end`,
//!   in a guard `element(I, R)` with `is_record(R, r, N)` added to the test;
//! - `R#r{f = V}` → the values bound first, then
//!   `case R of {r, X1, .., Xn} -> {r, .., V, ..}; Y -> error({badrecord, Y}) end`;
//! - `#r.f` → the index; `record_info(fields | size, r)` → the list / size;
//!   `is_record(X, r)` → `is_record(X, r, N)`.
//!
//! The variables introduced are named `_@recN`, which no source can clash
//! with in practice and which no later expression uses (so no branch exports
//! them).

use crate::ast::{self, Expr, ExprKind, RecordDef};

use super::Lowerer;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Body,
    Pattern,
    Guard,
}

fn mk(kind: ExprKind, span: &ast::Span) -> Expr {
    Expr::new(kind, span.clone())
}

fn atom(a: &str, span: &ast::Span) -> Expr {
    mk(ExprKind::Atom(a.to_string()), span)
}

fn call(f: &str, args: Vec<Expr>, span: &ast::Span) -> Expr {
    mk(ExprKind::Call(Box::new(atom(f, span)), args), span)
}

fn erlang_error(reason: Expr, span: &ast::Span) -> Expr {
    let callee = mk(
        ExprKind::Remote(
            Box::new(atom("erlang", span)),
            Box::new(atom("error", span)),
        ),
        span,
    );
    mk(ExprKind::Call(Box::new(callee), vec![reason]), span)
}

fn clause(pattern: Expr, body: Expr) -> ast::Clause {
    let span = pattern.span.start..body.span.end;
    ast::Clause {
        pattern,
        guard: Vec::new(),
        body: vec![body],
        span,
    }
}

impl Lowerer<'_> {
    fn rec_var(&mut self, span: &ast::Span) -> Expr {
        self.rec_counter += 1;
        mk(ExprKind::Var(format!("_@rec{}", self.rec_counter)), span)
    }

    fn record_def(&mut self, name: &str, span: &ast::Span) -> Option<&'_ RecordDef> {
        let info = self.info;
        match info.records.get(name) {
            Some(d) => Some(d),
            None => {
                self.error(
                    span,
                    format!("record {} undefined", crate::lexer::quote_atom(name)),
                );
                None
            }
        }
    }

    /// The 1-based tuple index of `field` (the name is element 1).
    fn field_index(&mut self, def: &RecordDef, field: &str, span: &ast::Span) -> Option<usize> {
        match def.fields.iter().position(|f| f.name == field) {
            Some(i) => Some(i + 2),
            None => {
                self.error(
                    span,
                    format!(
                        "field {} undefined in record {}",
                        crate::lexer::quote_atom(field),
                        crate::lexer::quote_atom(&def.name)
                    ),
                );
                None
            }
        }
    }

    /// Checks the fields named in `#r{...}`; returns them by index.
    fn field_inits<'e>(
        &mut self,
        def: &RecordDef,
        fields: &'e [ast::RecordFieldInit],
    ) -> Option<(Vec<Option<&'e Expr>>, Option<&'e Expr>)> {
        let mut by_index: Vec<Option<&Expr>> = vec![None; def.fields.len()];
        let mut rest = None;
        let mut ok = true;
        for f in fields {
            if f.field == "_" {
                rest = Some(&f.value);
                continue;
            }
            match self.field_index(def, &f.field, &f.span) {
                Some(i) if by_index[i - 2].is_some() => {
                    self.error(
                        &f.span,
                        format!(
                            "field {} already defined in record {}",
                            crate::lexer::quote_atom(&f.field),
                            crate::lexer::quote_atom(&def.name)
                        ),
                    );
                    ok = false;
                }
                Some(i) => by_index[i - 2] = Some(&f.value),
                None => ok = false,
            }
        }
        ok.then_some((by_index, rest))
    }

    /// The expansion of a record construct (or `record_info/2`,
    /// `is_record/2`) in the given context; `None` when `e` is none.
    pub(crate) fn expand_record(&mut self, e: &Expr, ctx: Ctx) -> Option<Expr> {
        let span = &e.span;
        let bad = || Some(mk(ExprKind::Atom("undefined".into()), span));
        match &e.kind {
            ExprKind::RecordIndex { name, field } => {
                let Some(def) = self.record_def(name, span).cloned() else {
                    return bad();
                };
                match self.field_index(&def, field, span) {
                    Some(i) => Some(mk(ExprKind::Int(i as i64), span)),
                    None => bad(),
                }
            }
            ExprKind::Record {
                base: None,
                name,
                fields,
            } => {
                let Some(def) = self.record_def(name, span).cloned() else {
                    return bad();
                };
                let Some((given, rest)) = self.field_inits(&def, fields) else {
                    return bad();
                };
                let mut items = vec![atom(name, span)];
                for (fd, v) in def.fields.iter().zip(given) {
                    items.push(match (v.or(rest), &fd.default, ctx) {
                        (Some(v), _, _) => v.clone(),
                        (None, _, Ctx::Pattern) => mk(ExprKind::Var("_".into()), span),
                        (None, Some(d), _) => Expr::new(d.kind.clone(), span.clone()),
                        (None, None, _) => atom("undefined", span),
                    });
                }
                Some(mk(ExprKind::Tuple(items), span))
            }
            ExprKind::Record {
                base: Some(base),
                name,
                fields,
            } if ctx == Ctx::Body => self.record_update(base, name, fields, span),
            ExprKind::RecordField { base, name, field } if ctx != Ctx::Pattern => {
                let Some(def) = self.record_def(name, span).cloned() else {
                    return bad();
                };
                // erl_lint points at the field name, the last token.
                let flen = crate::lexer::quote_atom(field).len();
                let fspan = span.end.saturating_sub(flen).max(span.start)..span.end;
                let Some(i) = self.field_index(&def, field, &fspan) else {
                    return bad();
                };
                let size = def.fields.len() + 1;
                if ctx == Ctx::Guard {
                    self.guard_record_checks.push(call(
                        "is_record",
                        vec![
                            (**base).clone(),
                            atom(name, span),
                            mk(ExprKind::Int(size as i64), span),
                        ],
                        span,
                    ));
                    return Some(call(
                        "element",
                        vec![mk(ExprKind::Int(i as i64), span), (**base).clone()],
                        span,
                    ));
                }
                let x = self.rec_var(span);
                let y = self.rec_var(span);
                let mut items = vec![atom(name, span)];
                for j in 2..=size {
                    items.push(if j == i {
                        x.clone()
                    } else {
                        mk(ExprKind::Var("_".into()), span)
                    });
                }
                let badrecord = mk(
                    ExprKind::Tuple(vec![atom("badrecord", span), y.clone()]),
                    span,
                );
                Some(mk(
                    ExprKind::Case(
                        base.clone(),
                        vec![
                            clause(mk(ExprKind::Tuple(items), span), x),
                            clause(y, erlang_error(badrecord, span)),
                        ],
                    ),
                    span,
                ))
            }
            ExprKind::Call(f, args) if ctx != Ctx::Pattern => {
                let ExprKind::Atom(fname) = &f.kind else {
                    return None;
                };
                let arity = u32::try_from(args.len()).unwrap_or(u32::MAX);
                if self.info.defined.contains(&(fname.clone(), arity)) {
                    return None;
                }
                match (fname.as_str(), args.as_slice()) {
                    ("record_info", [what, r]) => {
                        let (ExprKind::Atom(what), ExprKind::Atom(r)) = (&what.kind, &r.kind)
                        else {
                            self.error(span, "illegal record info");
                            return bad();
                        };
                        let Some(def) = self.record_def(r, span).cloned() else {
                            return bad();
                        };
                        match what.as_str() {
                            "fields" => Some(mk(
                                ExprKind::List(
                                    def.fields.iter().map(|f| atom(&f.name, span)).collect(),
                                    None,
                                ),
                                span,
                            )),
                            "size" => Some(mk(ExprKind::Int(def.fields.len() as i64 + 1), span)),
                            _ => {
                                self.error(span, "illegal record info");
                                bad()
                            }
                        }
                    }
                    ("is_record", [x, r]) => {
                        let ExprKind::Atom(r) = &r.kind else {
                            return None;
                        };
                        let Some(def) = self.record_def(r, span).cloned() else {
                            return bad();
                        };
                        Some(call(
                            "is_record",
                            vec![
                                x.clone(),
                                atom(r, span),
                                mk(ExprKind::Int(def.fields.len() as i64 + 1), span),
                            ],
                            span,
                        ))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `Base#r{f = V, ...}`: the values (when not simple) and the base are
    /// bound first, then the record is taken apart and rebuilt.
    fn record_update(
        &mut self,
        base: &Expr,
        name: &str,
        fields: &[ast::RecordFieldInit],
        span: &ast::Span,
    ) -> Option<Expr> {
        let bad = || Some(mk(ExprKind::Atom("undefined".into()), span));
        let Some(def) = self.record_def(name, span).cloned() else {
            return bad();
        };
        if let Some(f) = fields.iter().find(|f| f.field == "_") {
            self.error(&f.span, "pattern '_' is not allowed in a record update");
            return bad();
        }
        let Some((given, _)) = self.field_inits(&def, fields) else {
            return bad();
        };
        let mut block = Vec::new();
        let mut values: Vec<Option<Expr>> = Vec::with_capacity(given.len());
        for v in given {
            values.push(match v {
                Some(v) if is_simple(v) => Some(v.clone()),
                Some(v) => {
                    let t = self.rec_var(span);
                    block.push(mk(
                        ExprKind::Match(Box::new(t.clone()), Box::new(v.clone())),
                        span,
                    ));
                    Some(t)
                }
                None => None,
            });
        }
        let r = self.rec_var(span);
        block.push(mk(
            ExprKind::Match(Box::new(r.clone()), Box::new(base.clone())),
            span,
        ));
        let mut pat = vec![atom(name, span)];
        let mut out = vec![atom(name, span)];
        for v in values {
            match v {
                Some(v) => {
                    pat.push(mk(ExprKind::Var("_".into()), span));
                    out.push(v);
                }
                None => {
                    let x = self.rec_var(span);
                    pat.push(x.clone());
                    out.push(x);
                }
            }
        }
        let y = self.rec_var(span);
        let badrecord = mk(
            ExprKind::Tuple(vec![atom("badrecord", span), y.clone()]),
            span,
        );
        block.push(mk(
            ExprKind::Case(
                Box::new(r),
                vec![
                    clause(
                        mk(ExprKind::Tuple(pat), span),
                        mk(ExprKind::Tuple(out), span),
                    ),
                    clause(y, erlang_error(badrecord, span)),
                ],
            ),
            span,
        ));
        Some(mk(ExprKind::Block(block), span))
    }
}

fn is_simple(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Var(_)
            | ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::Char(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
    )
}
