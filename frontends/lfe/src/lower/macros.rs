//! Macro expansion: user macros (`defmacro`/`defsyntax`, run by
//! `crate::interp`), the macros `defrecord` generates, and LFE's
//! predefined macros (`list*`, `let*`, `flet`, `flet*`, `fletrec`, `cond`,
//! `lc`, `bc`, `fun`, `c[ad]+r`, `?`, `MODULE`, backquote). Record forms and
//! comprehensions are lowered directly; the others expand to S-expressions
//! that are lowered again.

use std::collections::HashMap;

use eubeam_erlang::ast::{self, Expr, ExprKind as K};

use super::exprs::clause;
use super::{atom, call_local, e, Lw, Scope};
use crate::sexpr::{Sexpr, Span, S};

fn sym(n: &str, span: &Span) -> Sexpr {
    Sexpr::sym(n, span.clone())
}

fn list(items: Vec<Sexpr>, span: &Span) -> Sexpr {
    Sexpr::list(items, span.clone())
}

fn quote(x: Sexpr) -> Sexpr {
    let span = x.span.clone();
    list(vec![sym("quote", &span), x], &span)
}

fn has_comma(x: &Sexpr) -> bool {
    match &x.kind {
        S::List(items, tail) => {
            matches!(x.head(), Some("comma" | "comma-at"))
                || items.iter().any(has_comma)
                || tail.as_deref().is_some_and(has_comma)
        }
        S::Tuple(items) | S::Map(items) => items.iter().any(has_comma),
        _ => false,
    }
}

/// The expansion of `` `x ``: constructor forms with the unquoted parts.
pub(crate) fn backquote(x: &Sexpr) -> Sexpr {
    let span = &x.span;
    if !has_comma(x) {
        return quote(x.clone());
    }
    match &x.kind {
        S::List(items, tail) => {
            if let (Some("comma"), 2, None) = (x.head(), items.len(), tail) {
                return items[1].clone();
            }
            if let (Some("comma-at"), 2, None) = (x.head(), items.len(), tail) {
                return items[1].clone();
            }
            let mut acc = match tail {
                Some(t) => backquote(t),
                None => quote(Sexpr::nil(span.clone())),
            };
            for item in items.iter().rev() {
                acc = match (item.head(), item.items().map(<[Sexpr]>::len)) {
                    (Some("comma-at"), Some(2)) => {
                        let inner = item
                            .items()
                            .map(|i| i[1].clone())
                            .unwrap_or_else(|| item.clone());
                        if acc.is_nil() || is_quoted_nil(&acc) {
                            inner
                        } else {
                            list(vec![sym("++", span), inner, acc], span)
                        }
                    }
                    _ => list(vec![sym("cons", span), backquote(item), acc], span),
                };
            }
            acc
        }
        S::Tuple(items) => {
            if items.iter().any(|i| i.head() == Some("comma-at")) {
                let l = Sexpr::new(S::List(items.clone(), None), span.clone());
                list(vec![sym("list_to_tuple", span), backquote(&l)], span)
            } else {
                let mut v = vec![sym("tuple", span)];
                v.extend(items.iter().map(backquote));
                list(v, span)
            }
        }
        S::Map(items) => {
            let mut v = vec![sym("map", span)];
            v.extend(items.iter().map(backquote));
            list(v, span)
        }
        _ => quote(x.clone()),
    }
}

fn is_quoted_nil(x: &Sexpr) -> bool {
    x.head() == Some("quote") && x.items().is_some_and(|i| i.len() == 2 && i[1].is_nil())
}

/// `c[ad]+r` names: the car/cdr chain, innermost last.
fn cxr(name: &str) -> Option<Vec<&'static str>> {
    let mid = name.strip_prefix('c')?.strip_suffix('r')?;
    if mid.len() < 2 || !mid.chars().all(|c| c == 'a' || c == 'd') {
        return None;
    }
    Some(
        mid.chars()
            .map(|c| if c == 'a' { "car" } else { "cdr" })
            .collect(),
    )
}

impl Lw<'_> {
    /// Expands `(name args...)` if `name` is a macro: `None` if it is not,
    /// `Some(Err(()))` after reporting an error.
    pub fn expand_macro(
        &mut self,
        name: &str,
        args: &[Sexpr],
        whole: &Sexpr,
        _sc: &Scope,
    ) -> Option<Result<Sexpr, ()>> {
        let span = &whole.span;
        if let Some(m) = self.macros.get(name).cloned() {
            return Some(match m.expand(args, &self.module) {
                Ok(mut x) => {
                    x.respan(span);
                    Ok(x)
                }
                Err(msg) => {
                    self.error(span, format!("in macro {name}: {msg}"));
                    Err(())
                }
            });
        }
        if let Some(x) = self.record_macro(name, args, span) {
            return Some(Ok(x));
        }
        if let Some(x) = self.eunit_macro(name, args, span) {
            return Some(Ok(x));
        }
        let n = args.len();
        let x = match name {
            "list*" if n >= 1 => {
                let mut acc = args[n - 1].clone();
                for a in args[..n - 1].iter().rev() {
                    acc = list(vec![sym("cons", span), a.clone(), acc], span);
                }
                acc
            }
            "let*" if n >= 1 => {
                let binds = args[0].items().map(<[Sexpr]>::to_vec);
                let Some(binds) = binds else {
                    self.error(span, "let* needs a list of bindings");
                    return Some(Err(()));
                };
                let mut body = list(
                    std::iter::once(sym("progn", span))
                        .chain(args[1..].iter().cloned())
                        .collect(),
                    span,
                );
                for b in binds.into_iter().rev() {
                    body = list(vec![sym("let", span), list(vec![b], span), body], span);
                }
                body
            }
            "flet" | "fletrec" if n >= 1 => {
                let Some(defs) = args[0].items() else {
                    self.error(span, format!("{name} needs a list of definitions"));
                    return Some(Err(()));
                };
                let mut out = Vec::new();
                for d in defs {
                    let items = d.items().unwrap_or_default();
                    let clauses = items
                        .first()
                        .and_then(Sexpr::as_sym)
                        .and_then(|_| super::forms::defun_clauses(&items[1..], &d.span));
                    let Some(clauses) = clauses else {
                        self.error(&d.span, "bad local function definition");
                        return Some(Err(()));
                    };
                    let mut ml = vec![sym("match-lambda", &d.span)];
                    ml.extend(clauses);
                    out.push(list(vec![items[0].clone(), list(ml, &d.span)], &d.span));
                }
                let form = if name == "flet" {
                    "let-function"
                } else {
                    "letrec-function"
                };
                let mut v = vec![sym(form, span), list(out, span)];
                v.extend(args[1..].iter().cloned());
                list(v, span)
            }
            "flet*" if n >= 1 => {
                let defs = args[0].items().map(<[Sexpr]>::to_vec).unwrap_or_default();
                let mut body = list(
                    std::iter::once(sym("progn", span))
                        .chain(args[1..].iter().cloned())
                        .collect(),
                    span,
                );
                for d in defs.into_iter().rev() {
                    body = list(vec![sym("flet", span), list(vec![d], span), body], span);
                }
                body
            }
            "cond" => self.cond(args, span),
            "fun" if n == 2 || n == 3 => {
                let mut v = vec![sym("function", span)];
                v.extend(args.iter().cloned());
                list(v, span)
            }
            "?" => {
                let x = sym("|-msg-|", span);
                let mut v = vec![sym("receive", span), list(vec![x.clone(), x], span)];
                if n >= 1 {
                    let mut a = vec![sym("after", span), args[0].clone()];
                    a.push(
                        args.get(1)
                            .cloned()
                            .unwrap_or_else(|| quote(sym("timeout", span))),
                    );
                    v.push(list(a, span));
                }
                list(v, span)
            }
            "MODULE" if n == 0 => quote(sym(&self.module.clone(), span)),
            _ => match cxr(name) {
                Some(ops) if n == 1 => {
                    let mut acc = args[0].clone();
                    for op in ops.into_iter().rev() {
                        acc = list(vec![sym(op, span), acc], span);
                    }
                    acc
                }
                _ => return None,
            },
        };
        Some(Ok(x))
    }

    /// `(cond (test body...) ... ((?= pat [guard] expr) body...) (else ...))`.
    fn cond(&mut self, clauses: &[Sexpr], span: &Span) -> Sexpr {
        let Some((first, rest)) = clauses.split_first() else {
            return quote(sym("false", span));
        };
        let rest_form = {
            let mut v = vec![sym("cond", span)];
            v.extend(rest.iter().cloned());
            list(v, span)
        };
        let Some(items) = first.items().filter(|i| !i.is_empty()) else {
            self.error(&first.span, "a cond clause is (test body...)");
            return quote(sym("false", span));
        };
        let body = list(
            std::iter::once(sym("progn", span))
                .chain(items[1..].iter().cloned())
                .collect(),
            span,
        );
        let test = &items[0];
        if test.as_sym() == Some("else") {
            return body;
        }
        if test.head() == Some("?=") {
            let t = test.items().unwrap_or_default();
            if t.len() == 3 || t.len() == 4 {
                let mut cl = vec![t[1].clone()];
                if t.len() == 4 {
                    cl.push(t[2].clone());
                }
                cl.push(body);
                return list(
                    vec![
                        sym("case", span),
                        t[t.len() - 1].clone(),
                        list(cl, span),
                        list(vec![sym("_", span), rest_form], span),
                    ],
                    span,
                );
            }
        }
        if items.len() == 1 {
            // (cond (test)) returns the test's value when it is true.
            return list(
                vec![
                    sym("if", span),
                    test.clone(),
                    quote(sym("true", span)),
                    rest_form,
                ],
                span,
            );
        }
        list(vec![sym("if", span), test.clone(), body, rest_form], span)
    }

    /// `(lc (qual...) expr)` and `(bc (qual...) segment)`.
    pub fn comprehension(&mut self, binary: bool, args: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        if args.len() != 2 {
            return self.error(span, "a comprehension is (lc (qualifiers...) expr)");
        }
        let Some(quals) = args[0].items() else {
            return self.error(&args[0].span, "comprehension qualifiers must be a list");
        };
        let mut inner = sc.clone();
        let mut qs = Vec::new();
        for q in quals {
            match q.head() {
                Some(op @ ("<-" | "<=")) => {
                    let items = q.items().unwrap_or_default();
                    if items.len() != 3 && items.len() != 4 {
                        self.error(
                            &q.span,
                            format!("bad generator ({op} pattern [guard] expr)"),
                        );
                        continue;
                    }
                    let src = self.expr(&items[items.len() - 1], &inner);
                    let mut binds = HashMap::new();
                    let pat = if op == "<-" {
                        self.pattern(&items[1], &mut binds, &inner)
                    } else if items[1].head() == Some("binary") {
                        let segs = items[1]
                            .items()
                            .map(|i| i[1..].to_vec())
                            .unwrap_or_default();
                        self.binary_pattern(&segs, &mut binds, &inner, &items[1].span)
                    } else {
                        self.binary_pattern(
                            std::slice::from_ref(&items[1]),
                            &mut binds,
                            &inner,
                            &items[1].span,
                        )
                    };
                    inner.vars.extend(binds);
                    qs.push(if op == "<-" {
                        ast::Qualifier::Generator(pat, src)
                    } else {
                        ast::Qualifier::BinGenerator(pat, src)
                    });
                    if items.len() == 4 {
                        let (g, _) = self.guard_and_body(&items[2..3], &inner);
                        for t in g.into_iter().flatten() {
                            qs.push(ast::Qualifier::Filter(t));
                        }
                    }
                }
                Some("?=") => {
                    let items = q.items().unwrap_or_default();
                    if items.len() != 3 {
                        self.error(&q.span, "bad (?= pattern expr) qualifier");
                        continue;
                    }
                    let src = self.expr(&items[2], &inner);
                    let mut binds = HashMap::new();
                    let pat = self.pattern(&items[1], &mut binds, &inner);
                    inner.vars.extend(binds);
                    qs.push(ast::Qualifier::Generator(
                        pat,
                        e(K::List(vec![src], None), &q.span),
                    ));
                }
                _ => qs.push(ast::Qualifier::Filter(self.expr(q, &inner))),
            }
        }
        if binary {
            let body = &args[1];
            let elem = if body.head() == Some("binary") {
                self.expr(body, &inner)
            } else {
                let segs = std::slice::from_ref(body);
                self.binary(segs, &inner, &body.span)
            };
            e(K::BinComp(Box::new(elem), qs), span)
        } else {
            let elem = self.expr(&args[1], &inner);
            e(K::ListComp(Box::new(elem), qs), span)
        }
    }

    /// The macros `defrecord` generates, as core record forms.
    fn record_macro(&mut self, name: &str, args: &[Sexpr], span: &Span) -> Option<Sexpr> {
        let n = args.len();
        let form = |head: &str, rec: &str, rest: &[Sexpr]| {
            let mut v = vec![sym(head, span)];
            v.push(sym(rec, span));
            v.extend(rest.iter().cloned());
            list(v, span)
        };
        for (rname, rec) in &self.records {
            if let Some(r) = name
                .strip_prefix("make-")
                .or_else(|| name.strip_prefix("match-"))
            {
                if r == rname {
                    return Some(form("record", rname, args));
                }
            }
            if name.strip_prefix("is-") == Some(rname) && n == 1 {
                return Some(list(
                    vec![sym("is-record", span), args[0].clone(), sym(rname, span)],
                    span,
                ));
            }
            if name.strip_prefix("fields-") == Some(rname) && n == 0 {
                let fs = rec.fields.iter().map(|(f, _)| sym(f, span)).collect();
                return Some(quote(list(fs, span)));
            }
            if name.strip_prefix("size-") == Some(rname) && n == 0 {
                return Some(Sexpr::new(
                    S::Int(rec.fields.len() as i64 + 1),
                    span.clone(),
                ));
            }
            for prefix in ["update-", "set-"] {
                if let Some(rest) = name.strip_prefix(prefix) {
                    if rest == rname && n >= 1 {
                        let mut v = vec![
                            sym("record-update", span),
                            args[0].clone(),
                            sym(rname, span),
                        ];
                        v.extend(args[1..].iter().cloned());
                        return Some(list(v, span));
                    }
                    if let Some(field) = rest
                        .strip_prefix(rname.as_str())
                        .and_then(|r| r.strip_prefix('-'))
                    {
                        if rec.fields.iter().any(|(f, _)| f == field) && n == 2 {
                            return Some(list(
                                vec![
                                    sym("record-update", span),
                                    args[0].clone(),
                                    sym(rname, span),
                                    sym(field, span),
                                    args[1].clone(),
                                ],
                                span,
                            ));
                        }
                    }
                }
            }
            if let Some(field) = name
                .strip_prefix(rname.as_str())
                .and_then(|r| r.strip_prefix('-'))
            {
                if rec.fields.iter().any(|(f, _)| f == field) {
                    return match n {
                        0 => Some(list(
                            vec![
                                sym("record-index", span),
                                sym(rname, span),
                                sym(field, span),
                            ],
                            span,
                        )),
                        1 => Some(list(
                            vec![
                                sym("record-field", span),
                                args[0].clone(),
                                sym(rname, span),
                                sym(field, span),
                            ],
                            span,
                        )),
                        _ => None,
                    };
                }
            }
        }
        None
    }

    fn record_def(&mut self, name: &Sexpr, span: &Span) -> Option<(String, super::Record)> {
        let Some(n) = name.as_sym() else {
            self.error(span, "a record name must be a symbol");
            return None;
        };
        match self.records.get(n) {
            Some(r) => Some((n.to_string(), r.clone())),
            None => {
                self.error(span, format!("record {n} undefined"));
                None
            }
        }
    }

    /// Field/value pairs of make/update forms, checked against the record.
    fn record_pairs<'s>(
        &mut self,
        rname: &str,
        rec: &super::Record,
        pairs: &'s [Sexpr],
        span: &Span,
    ) -> Option<HashMap<usize, &'s Sexpr>> {
        if !pairs.len().is_multiple_of(2) {
            self.error(span, "record fields and values must come in pairs");
            return None;
        }
        let mut out = HashMap::new();
        for kv in pairs.chunks(2) {
            let Some(f) = kv[0].as_sym() else {
                self.error(&kv[0].span, "a record field name must be a symbol");
                return None;
            };
            match rec.fields.iter().position(|(x, _)| x == f) {
                Some(i) => {
                    out.insert(i, &kv[1]);
                }
                None => {
                    self.error(
                        &kv[0].span,
                        format!("field {f} undefined in record {rname}"),
                    );
                    return None;
                }
            }
        }
        Some(out)
    }

    pub fn record_make(&mut self, name: &Sexpr, pairs: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        let Some((rname, rec)) = self.record_def(name, span) else {
            return e(K::Error, span);
        };
        let Some(given) = self.record_pairs(&rname, &rec, pairs, span) else {
            return e(K::Error, span);
        };
        let mut items = vec![atom(&rname, span)];
        for (i, (_, default)) in rec.fields.iter().enumerate() {
            items.push(match (given.get(&i), default) {
                (Some(v), _) => self.expr(v, sc),
                (None, Some(d)) => self.expr(d, &Scope::default()),
                (None, None) => atom("undefined", span),
            });
        }
        e(K::Tuple(items), span)
    }

    pub fn record_pattern(
        &mut self,
        name: &Sexpr,
        pairs: &[Sexpr],
        binds: &mut HashMap<String, String>,
        sc: &Scope,
        span: &Span,
    ) -> Expr {
        let Some((rname, rec)) = self.record_def(name, span) else {
            return e(K::Error, span);
        };
        let Some(given) = self.record_pairs(&rname, &rec, pairs, span) else {
            return e(K::Error, span);
        };
        let mut items = vec![atom(&rname, span)];
        for i in 0..rec.fields.len() {
            items.push(match given.get(&i) {
                Some(p) => self.pattern(p, binds, sc),
                None => e(K::Var("_".into()), span),
            });
        }
        e(K::Tuple(items), span)
    }

    pub fn record_test(&mut self, name: &Sexpr, x: Expr, span: &Span) -> Expr {
        let Some((rname, rec)) = self.record_def(name, span) else {
            return e(K::Error, span);
        };
        call_local(
            "is_record",
            vec![
                x,
                atom(&rname, span),
                e(K::Int(rec.fields.len() as i64 + 1), span),
            ],
            span,
        )
    }

    fn field_index(
        &mut self,
        rname: &str,
        rec: &super::Record,
        field: &Sexpr,
        span: &Span,
    ) -> Option<usize> {
        let f = field.as_sym()?;
        match rec.fields.iter().position(|(x, _)| x == f) {
            Some(i) => Some(i),
            None => {
                self.error(span, format!("field {f} undefined in record {rname}"));
                None
            }
        }
    }

    pub fn record_index(&mut self, name: &Sexpr, field: &Sexpr, span: &Span) -> Expr {
        let Some((rname, rec)) = self.record_def(name, span) else {
            return e(K::Error, span);
        };
        match self.field_index(&rname, &rec, field, span) {
            Some(i) => e(K::Int(i as i64 + 2), span),
            None => e(K::Error, span),
        }
    }

    fn badrecord(rname: &str, span: &Span) -> Expr {
        call_local(
            "error",
            vec![e(
                K::Tuple(vec![atom("badrecord", span), atom(rname, span)]),
                span,
            )],
            span,
        )
    }

    /// `(record-field x rec field)`: `element/2` in guards, else a match
    /// that raises `{badrecord, Rec}` for anything but a `rec` record.
    pub fn record_get(&mut self, name: &Sexpr, field: &Sexpr, x: Expr, span: &Span) -> Expr {
        let Some((rname, rec)) = self.record_def(name, span) else {
            return e(K::Error, span);
        };
        let Some(i) = self.field_index(&rname, &rec, field, span) else {
            return e(K::Error, span);
        };
        if self.in_guard {
            return call_local("element", vec![e(K::Int(i as i64 + 2), span), x], span);
        }
        let v = self.fresh("field");
        let mut items = vec![atom(&rname, span)];
        for j in 0..rec.fields.len() {
            items.push(e(K::Var(if i == j { v.clone() } else { "_".into() }), span));
        }
        e(
            K::Case(
                Box::new(x),
                vec![
                    clause(
                        e(K::Tuple(items), span),
                        vec![],
                        vec![e(K::Var(v), span)],
                        span,
                    ),
                    clause(
                        e(K::Var("_".into()), span),
                        vec![],
                        vec![Self::badrecord(&rname, span)],
                        span,
                    ),
                ],
            ),
            span,
        )
    }

    pub fn record_update(
        &mut self,
        name: &Sexpr,
        x: Expr,
        pairs: &[Sexpr],
        sc: &Scope,
        span: &Span,
    ) -> Expr {
        let Some((rname, rec)) = self.record_def(name, span) else {
            return e(K::Error, span);
        };
        let Some(given) = self.record_pairs(&rname, &rec, pairs, span) else {
            return e(K::Error, span);
        };
        let vars: Vec<String> = rec.fields.iter().map(|(f, _)| self.fresh(f)).collect();
        let mut pat = vec![atom(&rname, span)];
        let mut out = vec![atom(&rname, span)];
        for (i, v) in vars.iter().enumerate() {
            match given.get(&i) {
                Some(val) => {
                    pat.push(e(K::Var("_".into()), span));
                    out.push(self.expr(val, sc));
                }
                None => {
                    pat.push(e(K::Var(v.clone()), span));
                    out.push(e(K::Var(v.clone()), span));
                }
            }
        }
        e(
            K::Case(
                Box::new(x),
                vec![
                    clause(
                        e(K::Tuple(pat), span),
                        vec![],
                        vec![e(K::Tuple(out), span)],
                        span,
                    ),
                    clause(
                        e(K::Var("_".into()), span),
                        vec![],
                        vec![Self::badrecord(&rname, span)],
                        span,
                    ),
                ],
            ),
            span,
        )
    }
}
