//! Making a `case` acceptable to Core Erlang, as `v3_core` does, for two
//! pattern forms the runtime runs as they are but Core Erlang does not allow:
//!
//! - Hoisting: a binary segment size or a map key that is an expression
//!   (`<<X:(N - 1)/binary>>`, `#{{tag, K} := V}`) over variables bound
//!   before the pattern is computed first: `let <T> = N - 1 in case ...`
//!   with `T` in the pattern. A size expression that fails (`N` not a
//!   number) makes the segment not match, as in Erlang: the size is
//!   computed in a `try` whose handler gives the atom `bad_size`.
//! - Splitting: a size bound earlier in the same binary pattern
//!   (`<<N:8, X:N/binary>>`) cuts the clause in two nested cases; the
//!   clauses after it move into a `letrec 'label^K'/0` that both the inner
//!   failure and the outer case's fall-through apply:
//!
//!   ```text
//!   letrec 'label^0'/0 = fun () -> case Arg of <later clauses> end
//!   in case Arg of
//!        <earlier clauses>
//!        <<N:8, T/bitstring>> -> case T of <<X:N/binary>> when G -> B;
//!                                          _ -> apply 'label^0'/0() end
//!        _ -> apply 'label^0'/0()
//!      end
//!   ```
//!
//! Splitting is only done where the `case` exports no variables (a
//! function's `case` never does): the label function returns one value.

use std::collections::HashSet;

use eubeam_ir as ir;
use eubeam_ir::{BinType, FunName};

use super::Lowerer;

/// The variables of a small guard expression, or `None` if it has a form
/// this pass does not look into (it is then left alone).
fn expr_vars(e: &ir::Expr, out: &mut HashSet<String>) -> Option<()> {
    match &e.kind {
        ir::ExprKind::Var(v) => {
            out.insert(v.clone());
        }
        ir::ExprKind::Lit(_) => {}
        ir::ExprKind::Cons(a, b) => {
            expr_vars(a, out)?;
            expr_vars(b, out)?;
        }
        ir::ExprKind::Tuple(xs) | ir::ExprKind::Values(xs) => {
            for x in xs {
                expr_vars(x, out)?;
            }
        }
        ir::ExprKind::Call {
            module,
            function,
            args,
        } => {
            expr_vars(module, out)?;
            expr_vars(function, out)?;
            for x in args {
                expr_vars(x, out)?;
            }
        }
        ir::ExprKind::Binary(segs) => {
            for s in segs {
                expr_vars(&s.value, out)?;
                if let Some(sz) = &s.size {
                    expr_vars(sz, out)?;
                }
            }
        }
        _ => return None,
    }
    Some(())
}

fn is_simple(e: &ir::Expr) -> bool {
    matches!(e.kind, ir::ExprKind::Var(_) | ir::ExprKind::Lit(_))
}

/// Where the first segment that needs a split is: the binary pattern is
/// reached through `path` (indices into tuples, cons cells 0/1, alias 0,
/// map values), and segment `at` is the first whose size uses a variable
/// bound by an earlier segment of the same binary.
fn find_split(p: &ir::Pattern, path: &mut Vec<usize>) -> Option<usize> {
    match p {
        ir::Pattern::Binary(segs) => {
            let mut bound: HashSet<&str> = HashSet::new();
            for (i, s) in segs.iter().enumerate() {
                if let Some(sz) = &s.size {
                    let mut vs = HashSet::new();
                    if expr_vars(sz, &mut vs).is_some()
                        && vs.iter().any(|v| bound.contains(v.as_str()))
                    {
                        return Some(i);
                    }
                }
                if let ir::Pattern::Var(v) = &s.value {
                    bound.insert(v);
                }
            }
            None
        }
        ir::Pattern::Tuple(xs) => xs.iter().enumerate().find_map(|(i, x)| {
            path.push(i);
            let r = find_split(x, path);
            if r.is_none() {
                path.pop();
            }
            r
        }),
        ir::Pattern::Cons(h, t) => [h, t].iter().enumerate().find_map(|(i, x)| {
            path.push(i);
            let r = find_split(x, path);
            if r.is_none() {
                path.pop();
            }
            r
        }),
        ir::Pattern::Alias(_, x) => {
            path.push(0);
            let r = find_split(x, path);
            if r.is_none() {
                path.pop();
            }
            r
        }
        ir::Pattern::Map(pairs) => pairs.iter().enumerate().find_map(|(i, (_, x))| {
            path.push(i);
            let r = find_split(x, path);
            if r.is_none() {
                path.pop();
            }
            r
        }),
        _ => None,
    }
}

/// Replaces the binary at `path` by its segments before `at` plus a
/// `Tmp/bitstring` rest; returns the segments from `at` on.
fn cut_at(
    p: &mut ir::Pattern,
    path: &[usize],
    at: usize,
    tmp: &str,
    span: ir::Span,
) -> Option<Vec<ir::BinSegment<ir::Pattern>>> {
    match (p, path.split_first()) {
        (ir::Pattern::Binary(segs), None) => {
            let rest = segs.split_off(at);
            segs.push(ir::BinSegment {
                value: ir::Pattern::Var(tmp.to_string()),
                // No size: all the rest.
                size: None,
                unit: 1,
                ty: BinType::Bitstring,
                signed: false,
                endian: ir::Endian::Big,
                span,
            });
            Some(rest)
        }
        (ir::Pattern::Tuple(xs), Some((i, more))) => cut_at(xs.get_mut(*i)?, more, at, tmp, span),
        (ir::Pattern::Cons(h, t), Some((i, more))) => {
            let x = if *i == 0 { h } else { t };
            cut_at(x, more, at, tmp, span)
        }
        (ir::Pattern::Alias(_, x), Some((_, more))) => cut_at(x, more, at, tmp, span),
        (ir::Pattern::Map(pairs), Some((i, more))) => {
            cut_at(&mut pairs.get_mut(*i)?.1, more, at, tmp, span)
        }
        _ => None,
    }
}

impl Lowerer<'_> {
    /// Builds `case Arg of Clauses end` in a form Core Erlang accepts (see
    /// the module comment). `can_split`: the clauses' bodies return one
    /// value (no exported variables).
    pub(crate) fn core_case(
        &mut self,
        arg: ir::Expr,
        mut clauses: Vec<ir::Clause>,
        span: ir::Span,
        can_split: bool,
    ) -> ir::Expr {
        let mut lets: Vec<(String, ir::Expr)> = Vec::new();
        for c in &mut clauses {
            let mut inside: HashSet<String> = HashSet::new();
            for p in &c.pats {
                inside.extend(p.variables().into_iter().cloned());
            }
            for p in &mut c.pats {
                self.hoist(p, &inside, &mut lets, span);
            }
        }
        let mut out = if can_split {
            self.split_case(arg, clauses, span)
        } else {
            ir::Expr::new(
                ir::ExprKind::Case {
                    arg: Box::new(arg),
                    clauses,
                },
                span,
            )
        };
        for (v, e) in lets.into_iter().rev() {
            out = ir::Expr::let_(vec![v], e, out, span);
        }
        out
    }

    /// The bindings for `Pat = Value` (a match expression): hoisted sizes
    /// and keys first, then one `Pre::Match` per part of a split pattern,
    /// each failing with the same `fail` (`{badmatch, Value}`).
    pub(crate) fn core_match(
        &mut self,
        value: ir::Expr,
        mut pat: ir::Pattern,
        guard: Option<ir::Expr>,
        fail: ir::Expr,
        span: ir::Span,
    ) -> Vec<super::Pre> {
        let inside: HashSet<String> = pat.variables().into_iter().cloned().collect();
        let mut lets = Vec::new();
        self.hoist(&mut pat, &inside, &mut lets, span);
        let mut out: Vec<super::Pre> = lets
            .into_iter()
            .map(|(v, e)| super::Pre::Let(vec![v], e, span))
            .collect();
        let mut arg = value;
        loop {
            let mut path = Vec::new();
            let Some(at) = find_split(&pat, &mut path) else {
                break;
            };
            let tmp = self.names.temp();
            let Some(rest) = cut_at(&mut pat, &path, at, &tmp, span) else {
                break;
            };
            out.push(super::Pre::Match {
                arg: Box::new(arg),
                pat,
                guard: None,
                fail: fail.clone(),
                span,
            });
            arg = ir::Expr::var(tmp, span);
            pat = ir::Pattern::Binary(rest);
            // Sizes of the rest may now be expressions over bound variables.
            let mut lets = Vec::new();
            let inside: HashSet<String> = pat.variables().into_iter().cloned().collect();
            self.hoist(&mut pat, &inside, &mut lets, span);
            out.extend(
                lets.into_iter()
                    .map(|(v, e)| super::Pre::Let(vec![v], e, span)),
            );
        }
        out.push(super::Pre::Match {
            arg: Box::new(arg),
            pat,
            guard,
            fail,
            span,
        });
        out
    }

    /// Hoists the sizes and map keys of `p` that are expressions over
    /// variables not bound inside the clause's patterns.
    fn hoist(
        &mut self,
        p: &mut ir::Pattern,
        inside: &HashSet<String>,
        lets: &mut Vec<(String, ir::Expr)>,
        span: ir::Span,
    ) {
        let outside_only = |e: &ir::Expr| {
            let mut vs = HashSet::new();
            expr_vars(e, &mut vs).is_some() && vs.iter().all(|v| !inside.contains(v))
        };
        match p {
            ir::Pattern::Binary(segs) => {
                for s in segs {
                    if let Some(sz) = &mut s.size {
                        if !is_simple(sz) && outside_only(sz) {
                            let t = self.names.temp();
                            let e = std::mem::replace(sz, ir::Expr::var(t.clone(), span));
                            lets.push((t, self.size_or_bad(e, span)));
                        }
                    }
                }
            }
            ir::Pattern::Map(pairs) => {
                for (k, v) in pairs {
                    if !is_simple(k) && outside_only(k) {
                        let t = self.names.temp();
                        let e = std::mem::replace(k, ir::Expr::var(t.clone(), span));
                        lets.push((t, e));
                    }
                    self.hoist(v, inside, lets, span);
                }
            }
            ir::Pattern::Tuple(xs) => {
                for x in xs {
                    self.hoist(x, inside, lets, span);
                }
            }
            ir::Pattern::Cons(h, t) => {
                self.hoist(h, inside, lets, span);
                self.hoist(t, inside, lets, span);
            }
            ir::Pattern::Alias(_, x) => self.hoist(x, inside, lets, span),
            ir::Pattern::Var(_) | ir::Pattern::Wildcard | ir::Pattern::Lit(_) => {}
        }
    }

    /// `try E of V -> V catch _ -> 'bad_size'`: a size that cannot be
    /// computed makes its segment fail to match instead of raising.
    fn size_or_bad(&mut self, e: ir::Expr, span: ir::Span) -> ir::Expr {
        let v = self.names.temp();
        let evars = [self.names.temp(), self.names.temp(), self.names.temp()];
        ir::Expr::new(
            ir::ExprKind::Try {
                arg: Box::new(e),
                vars: vec![v.clone()],
                body: Box::new(ir::Expr::var(v, span)),
                evars,
                handler: Box::new(ir::Expr::atom("bad_size", span)),
            },
            span,
        )
    }

    fn split_case(&mut self, arg: ir::Expr, clauses: Vec<ir::Clause>, span: ir::Span) -> ir::Expr {
        let mut found = None;
        for (k, c) in clauses.iter().enumerate() {
            for (j, p) in c.pats.iter().enumerate() {
                let mut path = Vec::new();
                if let Some(at) = find_split(p, &mut path) {
                    found = Some((k, j, path, at));
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        let Some((k, j, path, at)) = found else {
            return ir::Expr::new(
                ir::ExprKind::Case {
                    arg: Box::new(arg),
                    clauses,
                },
                span,
            );
        };
        // The argument is matched twice (here and in the label): it must
        // be variables.
        let simple = match &arg.kind {
            ir::ExprKind::Var(_) => true,
            ir::ExprKind::Values(xs) => xs.iter().all(|x| matches!(x.kind, ir::ExprKind::Var(_))),
            _ => false,
        };
        if !simple {
            let v = self.names.temp();
            let inner = self.split_case(ir::Expr::var(v.clone(), span), clauses, span);
            return ir::Expr::let_(vec![v], arg, inner, span);
        }
        let arity = clauses[k].pats.len();
        self.fun_counter += 1;
        let label = FunName::new(format!("label^{}", self.fun_counter), 0);
        let goto = ir::Expr::new(
            ir::ExprKind::Apply {
                fun: Box::new(ir::Expr::new(ir::ExprKind::FunRef(label.clone()), span)),
                args: Vec::new(),
            },
            span,
        );
        let mut clauses = clauses;
        let later: Vec<ir::Clause> = clauses.split_off(k + 1);
        let tmp = self.names.temp();
        let cut = match clauses.last_mut() {
            Some(c) => c
                .pats
                .get_mut(j)
                .and_then(|p| cut_at(p, &path, at, &tmp, span)),
            None => None,
        };
        let (Some(rest), Some(mut c)) = (cut, clauses.pop()) else {
            // Cannot happen: clause `k` and `path` were found above.
            clauses.extend(later);
            return ir::Expr::new(
                ir::ExprKind::Case {
                    arg: Box::new(arg),
                    clauses,
                },
                span,
            );
        };
        let inner_clauses = vec![
            ir::Clause {
                pats: vec![ir::Pattern::Binary(rest)],
                guard: c.guard.take(),
                body: c.body,
                span: c.span,
            },
            ir::Clause {
                pats: vec![ir::Pattern::Wildcard],
                guard: None,
                body: goto.clone(),
                span,
            },
        ];
        let inner = self.core_case(ir::Expr::var(tmp, span), inner_clauses, span, true);
        clauses.push(ir::Clause {
            pats: c.pats,
            guard: None,
            body: inner,
            span: c.span,
        });
        clauses.push(ir::Clause {
            pats: vec![ir::Pattern::Wildcard; arity],
            guard: None,
            body: goto,
            span,
        });
        let rest_case = self.split_case(arg.clone(), later, span);
        let outer = ir::Expr::new(
            ir::ExprKind::Case {
                arg: Box::new(arg),
                clauses,
            },
            span,
        );
        ir::Expr::new(
            ir::ExprKind::LetRec {
                defs: vec![(
                    label,
                    ir::Fun {
                        params: Vec::new(),
                        body: Box::new(rest_case),
                        span,
                        name: None,
                    },
                )],
                body: Box::new(outer),
            },
            span,
        )
    }
}
