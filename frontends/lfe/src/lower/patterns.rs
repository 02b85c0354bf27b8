//! LFE patterns → Erlang AST patterns.
//!
//! Symbols are variables (always fresh: an LFE pattern never tests an
//! outer variable, it shadows it); a symbol repeated inside one pattern
//! maps to the same Erlang variable, which Erlang then checks for
//! equality. `_` matches anything.

use std::collections::HashMap;

use eubeam_erlang::ast::{BinOp, Expr, ExprKind as K};

use super::{e, quoted, Lw, Scope};
use crate::sexpr::{Sexpr, S};

impl Lw<'_> {
    pub fn pattern(&mut self, s: &Sexpr, binds: &mut HashMap<String, String>, sc: &Scope) -> Expr {
        if !self.enter(&s.span) {
            return e(K::Error, &s.span);
        }
        let r = self.pattern_inner(s, binds, sc);
        self.leave();
        r
    }

    fn pattern_inner(
        &mut self,
        s: &Sexpr,
        binds: &mut HashMap<String, String>,
        sc: &Scope,
    ) -> Expr {
        let span = &s.span;
        match &s.kind {
            S::Sym(n) if n == "_" => e(K::Var("_".into()), span),
            S::Sym(n) => {
                let v = match binds.get(n) {
                    Some(v) => v.clone(),
                    None => {
                        let v = self.fresh(n);
                        binds.insert(n.clone(), v.clone());
                        v
                    }
                };
                e(K::Var(v), span)
            }
            S::Int(_)
            | S::BigInt(_)
            | S::Float(_)
            | S::Str(_)
            | S::Bin(_)
            | S::Tuple(_)
            | S::Map(_) => quoted(s, true),
            S::BinLit(segs) => self.binary_pattern(segs, binds, sc, span),
            S::List(items, tail) => {
                if tail.is_some() || items.is_empty() {
                    if items.is_empty() {
                        return e(K::List(Vec::new(), None), span);
                    }
                    return self.error(span, "an improper list is not a pattern; use (cons h t)");
                }
                let Some(head) = items[0].as_sym() else {
                    return self.error(span, format!("illegal pattern {s}"));
                };
                let args = &items[1..];
                let n = args.len();
                match head {
                    "quote" if n == 1 => quoted(&args[0], true),
                    "cons" if n == 2 => {
                        let h = self.pattern(&args[0], binds, sc);
                        let t = self.pattern(&args[1], binds, sc);
                        e(K::List(vec![h], Some(Box::new(t))), span)
                    }
                    "list" => {
                        let xs = args.iter().map(|x| self.pattern(x, binds, sc)).collect();
                        e(K::List(xs, None), span)
                    }
                    "list*" if n >= 1 => {
                        let mut xs: Vec<Expr> =
                            args.iter().map(|x| self.pattern(x, binds, sc)).collect();
                        let tail = xs.pop().unwrap_or_else(|| e(K::Error, span));
                        if xs.is_empty() {
                            return tail;
                        }
                        e(K::List(xs, Some(Box::new(tail))), span)
                    }
                    "tuple" => {
                        let xs = args.iter().map(|x| self.pattern(x, binds, sc)).collect();
                        e(K::Tuple(xs), span)
                    }
                    "binary" => self.binary_pattern(args, binds, sc, span),
                    "map" if n % 2 == 0 => {
                        let fields = args
                            .chunks(2)
                            .map(|kv| eubeam_erlang::ast::MapField {
                                key: self.expr(&kv[0], sc),
                                value: self.pattern(&kv[1], binds, sc),
                                exact: true,
                                span: kv[0].span.start..kv[1].span.end,
                            })
                            .collect();
                        e(K::Map(None, fields), span)
                    }
                    "=" if n == 2 => {
                        let a = self.pattern(&args[0], binds, sc);
                        let b = self.pattern(&args[1], binds, sc);
                        e(K::Match(Box::new(a), Box::new(b)), span)
                    }
                    "++" if n == 2 => {
                        // "abc" ++ rest: only a literal string prefix.
                        let a = match &args[0].kind {
                            S::Str(_) => quoted(&args[0], true),
                            _ => self.pattern(&args[0], binds, sc),
                        };
                        let b = self.pattern(&args[1], binds, sc);
                        e(K::BinOp(BinOp::Append, Box::new(a), Box::new(b)), span)
                    }
                    "backquote" if n == 1 => {
                        let x = super::macros::backquote(&args[0]);
                        self.pattern(&x, binds, sc)
                    }
                    "record" | "make-record" if n >= 1 => {
                        self.record_pattern(&args[0], &args[1..], binds, sc, span)
                    }
                    _ => {
                        if let Some(exp) = self.expand_macro(head, args, s, sc) {
                            return match exp {
                                Ok(x) => self.pattern(&x, binds, sc),
                                Err(()) => e(K::Error, span),
                            };
                        }
                        self.error(span, format!("illegal pattern {s}"))
                    }
                }
            }
        }
    }

    pub fn binary_pattern(
        &mut self,
        segs: &[Sexpr],
        binds: &mut HashMap<String, String>,
        sc: &Scope,
        span: &crate::sexpr::Span,
    ) -> Expr {
        let mut elems = Vec::new();
        for seg in segs {
            // Segment values are patterns; sizes are expressions over
            // variables bound outside or earlier in this pattern.
            let mut first = true;
            let r = self.segment(seg, &mut |lw, x| {
                if first {
                    first = false;
                    lw.pattern(x, binds, sc)
                } else {
                    let mut inner = sc.clone();
                    inner
                        .vars
                        .extend(binds.iter().map(|(k, v)| (k.clone(), v.clone())));
                    lw.expr(x, &inner)
                }
            });
            match r {
                Some(el) => elems.extend(el),
                None => return e(K::Error, span),
            }
        }
        e(K::Binary(elems), span)
    }
}
