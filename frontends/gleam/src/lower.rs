//! Lowering of a checked Gleam module into the core IR, with the Erlang
//! conventions of the Gleam compiler: module `gleam/list` is `gleam@list`,
//! a variant `Ok(x)` is `{ok, X}`, a field-less variant is an atom, a
//! record is a tagged tuple, `Nil` is `nil`, strings are UTF-8 binaries.

use eubeam_ir as ir;
use eubeam_ir::span::LineIndex;
use eubeam_ir::{BinSegment, BinType, Endian, FunName, Literal, MapOp, MapPair};

use crate::ast::*;

pub struct Lowerer<'a> {
    pub module: &'a str,
    pub erl_module: String,
    pub file: &'a str,
    /// The `file` field of panic/todo/assert errors: the source's path
    /// relative to its project (`test/app_test.gleam`), as the Gleam
    /// compiler writes it; gleeunit prints it and reads the code from it.
    pub error_file: String,
    lines: LineIndex,
    counter: usize,
    function: String,
    guard: bool,
}

type E = ir::Expr;

impl<'a> Lowerer<'a> {
    pub fn new(module: &'a str, file: &'a str, src: &str) -> Lowerer<'a> {
        Lowerer {
            module,
            erl_module: crate::interface::erlang_module_name(module),
            file,
            error_file: file.to_string(),
            lines: LineIndex::new(src),
            counter: 0,
            function: String::new(),
            guard: false,
        }
    }

    fn span(&self, r: &Span) -> ir::Span {
        self.lines.span(r.start, r.end)
    }

    fn tmp(&mut self, base: &str) -> String {
        self.counter += 1;
        format!("_{base}{}", self.counter)
    }

    fn param(&mut self, p: &Param) -> String {
        if p.name.starts_with('_') {
            self.tmp("D")
        } else {
            p.name.clone()
        }
    }

    pub fn module(&mut self, m: &Module) -> ir::Module {
        let mut functions = Vec::new();
        let mut exports = Vec::new();
        // A public constant naming a private function is inlined into other
        // modules as `fun mod:f/n`, so that function is exported too.
        let mut in_consts = std::collections::HashSet::new();
        for c in m.consts.iter().filter(|c| c.public) {
            const_fn_names(&c.value, &mut in_consts);
        }
        for f in &m.functions {
            self.function = f.name.clone();
            let arity = f.params.len() as u32;
            let span = self.span(&f.span);
            let params: Vec<String> = f.params.iter().map(|p| self.param(p)).collect();
            // On the Erlang target an `@external(erlang, ...)` wins over a
            // Gleam body (which is then the other targets' fallback), as in
            // the Gleam compiler.
            let body = match (&f.body, &f.external) {
                (_, Some((m, n))) => E::call(
                    m,
                    n,
                    params.iter().map(|p| E::var(p.clone(), span)).collect(),
                    span,
                ),
                (Some(body), None) => self.block(body),
                // Only an @external(javascript, ...): calling it on this
                // target is an error, as the Gleam compiler would report.
                (None, None) => self.gleam_error(
                    "unsupported_target",
                    E::lit(
                        Literal::Binary(
                            b"This function has no implementation for the Erlang target".to_vec(),
                        ),
                        span,
                    ),
                    span,
                    Vec::new(),
                ),
            };
            if f.public || in_consts.contains(&f.name) {
                exports.push(FunName::new(f.name.clone(), arity));
            }
            functions.push(ir::FunDef {
                name: FunName::new(f.name.clone(), arity),
                fun: ir::Fun {
                    params,
                    body: Box::new(body),
                    span,
                    name: None,
                },
            });
        }
        ir::Module {
            name: self.erl_module.clone(),
            file: self.file.to_string(),
            exports,
            attributes: Vec::new(),
            functions,
            span: ir::Span::NONE,
        }
    }

    pub fn block(&mut self, stmts: &[Stmt]) -> E {
        let Some((last, init)) = stmts.split_last() else {
            return E::atom("nil", ir::Span::NONE);
        };
        let mut acc = match last {
            Stmt::Expr(e) => self.expr(e),
            Stmt::Let { value, span, .. } => {
                let t = self.tmp("L");
                let sp = self.span(span);
                let inner = self.let_stmt(last, E::var(t.clone(), sp));
                let _ = value;
                // `let` as the last statement returns the matched value.
                E::let_(vec![t.clone()], self.expr(value), inner, sp)
            }
        };
        if let Stmt::Let { .. } = last {
            // The value was bound to a temporary above; re-read it.
        }
        for s in init.iter().rev() {
            acc = match s {
                Stmt::Expr(e) => E::seq(self.expr(e), acc),
                Stmt::Let { .. } => self.let_stmt_with(s, acc),
            };
        }
        acc
    }

    /// Statements whose last value is bound to a temporary and handed to
    /// `tail` (the shell's `{Printed, NewBindings}`), with every `let` of
    /// the statements still in scope there.
    pub fn block_then(&mut self, stmts: &[Stmt], tail: impl FnOnce(&mut Self, E) -> E) -> E {
        let sp = ir::Span::NONE;
        let Some((last, init)) = stmts.split_last() else {
            return tail(self, E::atom("nil", sp));
        };
        let t = self.tmp("Last");
        let mut acc = match last {
            Stmt::Expr(e) => {
                let v = self.expr(e);
                let body = tail(self, E::var(t.clone(), sp));
                E::let_(vec![t], v, body, sp)
            }
            Stmt::Let { value, .. } => {
                let v = self.expr(value);
                let body = tail(self, E::var(t.clone(), sp));
                let m = self.let_match(last, E::var(t.clone(), sp), body);
                E::let_(vec![t], v, m, sp)
            }
        };
        for s in init.iter().rev() {
            acc = match s {
                Stmt::Expr(e) => E::seq(self.expr(e), acc),
                Stmt::Let { .. } => self.let_stmt_with(s, acc),
            };
        }
        acc
    }

    /// The last-statement `let`: match the temporary already holding the
    /// value and return it.
    fn let_stmt(&mut self, s: &Stmt, value_var: E) -> E {
        let body = value_var.clone();
        self.let_match(s, value_var, body)
    }

    fn let_stmt_with(&mut self, s: &Stmt, rest: E) -> E {
        let Stmt::Let { value, .. } = s else {
            return rest;
        };
        let v = self.expr(value);
        self.let_match(s, v, rest)
    }

    fn let_match(&mut self, s: &Stmt, value: E, rest: E) -> E {
        let Stmt::Let {
            pattern,
            assert,
            message,
            span,
            value: value_expr,
            ..
        } = s
        else {
            return rest;
        };
        let value_end = value_expr.span.end;
        let sp = self.span(span);
        if let PatternKind::Var(v) = &pattern.kind {
            return E::let_(vec![v.clone()], value, rest, sp);
        }
        if let PatternKind::Discard(_) = &pattern.kind {
            return E::seq(value, rest);
        }
        let t = self.tmp("M");
        let (pat, extra) = self.pattern(pattern);
        let fail = if *assert {
            let msg = match message {
                Some(m) => self.expr(m),
                None => E::lit(
                    Literal::Binary(
                        b"Pattern match failed, no pattern matched the value.".to_vec(),
                    ),
                    sp,
                ),
            };
            // Byte offsets of the statement (from `let` to the end of the
            // value) and of the pattern, as the Gleam compiler records
            // them: gleeunit quotes that code.
            let int = |n: usize| E::lit(Literal::Int(n as i64), sp);
            let extra = vec![
                ("value", E::var(t.clone(), sp)),
                ("start", int(span.start)),
                ("end", int(value_end)),
                ("pattern_start", int(pattern.span.start)),
                ("pattern_end", int(pattern.span.end)),
            ];
            self.gleam_error("let_assert", msg, sp, extra)
        } else {
            E::match_fail(
                E::tuple(vec![E::atom("badmatch", sp), E::var(t.clone(), sp)], sp),
                sp,
            )
        };
        let case = E::new(
            ir::ExprKind::Case {
                arg: Box::new(E::var(t.clone(), sp)),
                clauses: vec![
                    ir::Clause {
                        pats: vec![pat],
                        guard: extra,
                        body: rest,
                        span: sp,
                    },
                    ir::Clause {
                        pats: vec![ir::Pattern::Wildcard],
                        guard: None,
                        body: fail,
                        span: sp,
                    },
                ],
            },
            sp,
        );
        E::let_(vec![t], value, case, sp)
    }

    /// `erlang:error(#{gleam_error => Kind, message => Msg, file => ...,
    /// module => ..., function => ..., line => ...})` plus the `extra`
    /// fields of the kind: the error value the Gleam compiler raises for
    /// panic, todo, assert and let assert.
    fn gleam_error(&mut self, kind: &str, message: E, sp: ir::Span, extra: Vec<(&str, E)>) -> E {
        let bin = |s: &str| E::lit(Literal::Binary(s.as_bytes().to_vec()), sp);
        let mut pairs = vec![
            (E::atom("gleam_error", sp), E::atom(kind, sp)),
            (E::atom("message", sp), message),
            (E::atom("file", sp), bin(&self.error_file)),
            (E::atom("module", sp), bin(self.module)),
            (E::atom("function", sp), bin(&self.function.clone())),
            (
                E::atom("line", sp),
                E::lit(Literal::Int(i64::from(sp.line)), sp),
            ),
        ];
        for (k, v) in extra {
            pairs.push((E::atom(k, sp), v));
        }
        let map = E::new(
            ir::ExprKind::Map {
                base: None,
                pairs: pairs
                    .into_iter()
                    .map(|(key, value)| MapPair {
                        op: MapOp::Assoc,
                        key,
                        value,
                    })
                    .collect(),
            },
            sp,
        );
        E::call("erlang", "error", vec![map], sp)
    }

    /// `assert value as message`, lowered as the Gleam compiler does so
    /// that the error map describes what failed: for a comparison, both
    /// operands' values; for `&&`/`||`, what each side evaluated to (the
    /// right of a short-circuited `&&` is `unevaluated`); for a call (not a
    /// pipe), each argument's value; otherwise the expression (`false`).
    /// Operands and arguments are evaluated once, left to right, before
    /// the test. Each asserted part is `#{kind => literal | expression |
    /// unevaluated, value => V, start => S, 'end' => E}` with byte offsets.
    fn assert_expr(
        &mut self,
        value: &Expr,
        message: Option<&Expr>,
        span: &Span,
        sp: ir::Span,
    ) -> E {
        let int = |n: usize| E::lit(Literal::Int(n as i64), sp);
        let bool_lit = |b: bool| E::atom(if b { "true" } else { "false" }, sp);
        let common = |kind: &str, end: usize, expression_start: usize| {
            vec![
                ("kind", E::atom(kind, sp)),
                ("start", int(span.start)),
                ("end", int(end)),
                ("expression_start", int(expression_start)),
            ]
        };
        match &value.kind {
            ExprKind::BinOp { op, left, right } if matches!(op, BinOp::And | BinOp::Or) => {
                let l = self.expr(left);
                let r = self.expr(right);
                let fail = |this: &mut Self, lv: bool, rv: Option<bool>| {
                    let mut extra = common("binary_operator", right.span.end, left.span.start);
                    extra.push(("operator", E::atom(op.text(), sp)));
                    let left_map = this.asserted(left, Some(bool_lit(lv)), sp);
                    extra.push(("left", left_map));
                    let right_map = this.asserted(right, rv.map(bool_lit), sp);
                    extra.push(("right", right_map));
                    let msg = this.assert_message(message, sp);
                    this.gleam_error("assert", msg, sp, extra)
                };
                if *op == BinOp::And {
                    let fail_right = fail(self, true, Some(false));
                    let fail_left = fail(self, false, None);
                    let inner = self.if_true(r, fail_right, sp);
                    self.if_else(l, inner, fail_left, sp)
                } else {
                    let either = self.bool_case(l, E::atom("true", sp), r, false, sp);
                    let failure = fail(self, false, Some(false));
                    self.if_true(either, failure, sp)
                }
            }
            ExprKind::BinOp { op, left, right } => {
                let lt = self.tmp("L");
                let rt = self.tmp("R");
                let l = self.expr(left);
                let r = self.expr(right);
                let test = self.binop(*op, &local_var(&lt, left), &local_var(&rt, right), sp);
                let mut extra = common("binary_operator", right.span.end, left.span.start);
                extra.push(("operator", E::atom(op.text(), sp)));
                let left_map = self.asserted(left, Some(E::var(lt.clone(), sp)), sp);
                extra.push(("left", left_map));
                let right_map = self.asserted(right, Some(E::var(rt.clone(), sp)), sp);
                extra.push(("right", right_map));
                let msg = self.assert_message(message, sp);
                let failure = self.gleam_error("assert", msg, sp, extra);
                let checked = self.if_true(test, failure, sp);
                E::let_(vec![lt], l, E::let_(vec![rt], r, checked, sp), sp)
            }
            ExprKind::Call { fun, args } if !args.iter().any(|a| a.piped) => {
                // Bind each argument, then call with the bound values.
                let mut binds = Vec::new();
                let mut new_args = Vec::new();
                let mut maps = Vec::new();
                for a in args {
                    let t = self.tmp("Arg");
                    binds.push((t.clone(), self.expr(&a.value)));
                    maps.push(self.asserted(&a.value, Some(E::var(t.clone(), sp)), sp));
                    new_args.push(Arg {
                        value: local_var(&t, &a.value),
                        ..a.clone()
                    });
                }
                let call = Expr {
                    kind: ExprKind::Call {
                        fun: fun.clone(),
                        args: new_args,
                    },
                    span: value.span.clone(),
                };
                let test = self.expr(&call);
                let mut extra = common("function_call", value.span.end, value.span.start);
                let mut list = E::lit(Literal::Nil, sp);
                for m in maps.into_iter().rev() {
                    list = E::cons(m, list, sp);
                }
                extra.push(("arguments", list));
                let msg = self.assert_message(message, sp);
                let failure = self.gleam_error("assert", msg, sp, extra);
                let mut acc = self.if_true(test, failure, sp);
                for (t, v) in binds.into_iter().rev() {
                    acc = E::let_(vec![t], v, acc, sp);
                }
                acc
            }
            _ => {
                let v = self.expr(value);
                let mut extra = common("expression", value.span.end, value.span.start);
                let map = self.asserted(value, Some(bool_lit(false)), sp);
                extra.push(("expression", map));
                let msg = self.assert_message(message, sp);
                let failure = self.gleam_error("assert", msg, sp, extra);
                self.if_true(v, failure, sp)
            }
        }
    }

    fn assert_message(&mut self, message: Option<&Expr>, sp: ir::Span) -> E {
        match message {
            Some(m) => self.expr(m),
            None => E::lit(Literal::Binary(b"Assertion failed.".to_vec()), sp),
        }
    }

    /// The map describing one asserted part (`value` is `None` when it was
    /// not evaluated).
    fn asserted(&mut self, e: &Expr, value: Option<E>, sp: ir::Span) -> E {
        let kind = match (&value, is_literal(e)) {
            (None, _) => "unevaluated",
            (Some(_), true) => "literal",
            (Some(_), false) => "expression",
        };
        let int = |n: usize| E::lit(Literal::Int(n as i64), sp);
        let mut pairs = vec![(E::atom("kind", sp), E::atom(kind, sp))];
        if let Some(v) = value {
            pairs.push((E::atom("value", sp), v));
        }
        pairs.push((E::atom("start", sp), int(e.span.start)));
        pairs.push((E::atom("end", sp), int(e.span.end)));
        E::new(
            ir::ExprKind::Map {
                base: None,
                pairs: pairs
                    .into_iter()
                    .map(|(key, value)| MapPair {
                        op: MapOp::Assoc,
                        key,
                        value,
                    })
                    .collect(),
            },
            sp,
        )
    }

    /// `case Cond of true -> nil; _ -> OnFalse end`.
    fn if_true(&mut self, cond: E, on_false: E, sp: ir::Span) -> E {
        self.if_else(cond, E::atom("nil", sp), on_false, sp)
    }

    /// `case Cond of true -> OnTrue; _ -> OnFalse end`.
    fn if_else(&mut self, cond: E, on_true: E, on_false: E, sp: ir::Span) -> E {
        E::new(
            ir::ExprKind::Case {
                arg: Box::new(cond),
                clauses: vec![
                    ir::Clause {
                        pats: vec![ir::Pattern::Lit(Literal::atom("true"))],
                        guard: None,
                        body: on_true,
                        span: sp,
                    },
                    ir::Clause {
                        pats: vec![ir::Pattern::Wildcard],
                        guard: None,
                        body: on_false,
                        span: sp,
                    },
                ],
            },
            sp,
        )
    }

    fn res_value(&mut self, res: &Res, name: &str, sp: ir::Span) -> E {
        match res {
            Res::Local(u) => E::var(u.clone(), sp),
            Res::Fn {
                module,
                name,
                arity,
                local,
            } => {
                if *local {
                    E::new(
                        ir::ExprKind::FunRef(FunName::new(name.clone(), *arity as u32)),
                        sp,
                    )
                } else {
                    E::call(
                        "erlang",
                        "make_fun",
                        vec![
                            E::atom(module, sp),
                            E::atom(name, sp),
                            E::lit(Literal::Int(*arity as i64), sp),
                        ],
                        sp,
                    )
                }
            }
            Res::Constructor { tag, arity: 0 } => E::atom(tag, sp),
            Res::Constructor { tag, arity } => {
                let params: Vec<String> = (0..*arity).map(|_| self.tmp("C")).collect();
                let mut items = vec![E::atom(tag, sp)];
                items.extend(params.iter().map(|p| E::var(p.clone(), sp)));
                E::new(
                    ir::ExprKind::Fun(ir::Fun {
                        params,
                        body: Box::new(E::tuple(items, sp)),
                        span: sp,
                        name: None,
                    }),
                    sp,
                )
            }
            Res::Const(c) => self.const_value(c, sp),
            Res::Unresolved => E::match_fail(
                E::tuple(vec![E::atom("unresolved", sp), E::atom(name, sp)], sp),
                sp,
            ),
        }
    }

    fn const_value(&mut self, c: &ConstValue, sp: ir::Span) -> E {
        match c {
            ConstValue::Int(i) => E::lit(Literal::integer(i).unwrap_or(Literal::Int(0)), sp),
            ConstValue::Float(f) => E::lit(Literal::Float(parse_float(f)), sp),
            ConstValue::Str(s) => E::lit(Literal::Binary(s.as_bytes().to_vec()), sp),
            ConstValue::BitArray(b) => E::lit(Literal::Binary(b.clone()), sp),
            ConstValue::Tuple(items) => {
                E::tuple(items.iter().map(|i| self.const_value(i, sp)).collect(), sp)
            }
            ConstValue::List(items) => {
                let mut acc = E::lit(Literal::Nil, sp);
                for i in items.iter().rev() {
                    acc = E::cons(self.const_value(i, sp), acc, sp);
                }
                acc
            }
            ConstValue::Record(tag, args) if args.is_empty() => E::atom(tag, sp),
            ConstValue::Record(tag, args) => {
                let mut items = vec![E::atom(tag, sp)];
                items.extend(args.iter().map(|a| self.const_value(a, sp)));
                E::tuple(items, sp)
            }
            ConstValue::Fn {
                module,
                name,
                arity,
            } => {
                if *module == self.erl_module {
                    E::new(
                        ir::ExprKind::FunRef(FunName::new(name.clone(), *arity as u32)),
                        sp,
                    )
                } else {
                    E::call(
                        "erlang",
                        "make_fun",
                        vec![
                            E::atom(module, sp),
                            E::atom(name, sp),
                            E::lit(Literal::Int(*arity as i64), sp),
                        ],
                        sp,
                    )
                }
            }
        }
    }

    pub fn expr(&mut self, e: &Expr) -> E {
        let sp = self.span(&e.span);
        match &e.kind {
            ExprKind::Int(i) => E::lit(Literal::integer(i).unwrap_or(Literal::Int(0)), sp),
            ExprKind::Float(f) => E::lit(Literal::Float(parse_float(f)), sp),
            ExprKind::Str(s) => E::lit(Literal::Binary(s.as_bytes().to_vec()), sp),
            ExprKind::Invalid => E::match_fail(E::atom("invalid", sp), sp),
            ExprKind::Var { name, res } => self.res_value(res, name, sp),
            ExprKind::Tuple(items) => E::tuple(items.iter().map(|i| self.expr(i)).collect(), sp),
            ExprKind::List { elems, tail } => {
                let mut acc = match tail {
                    Some(t) => self.expr(t),
                    None => E::lit(Literal::Nil, sp),
                };
                for x in elems.iter().rev() {
                    let h = self.expr(x);
                    acc = E::cons(h, acc, sp);
                }
                acc
            }
            ExprKind::Fn { params, body, .. } => {
                let params: Vec<String> = params.iter().map(|p| self.param(p)).collect();
                let body = self.block(body);
                E::new(
                    ir::ExprKind::Fun(ir::Fun {
                        params,
                        body: Box::new(body),
                        span: sp,
                        name: None,
                    }),
                    sp,
                )
            }
            ExprKind::Call { fun, args } => {
                let args: Vec<E> = args.iter().map(|a| self.expr(&a.value)).collect();
                let res = match &fun.kind {
                    ExprKind::Var { res, .. } => Some(res),
                    ExprKind::FieldAccess {
                        access: Access::Module(res),
                        ..
                    } => Some(res),
                    _ => None,
                };
                match res {
                    Some(Res::Fn {
                        module,
                        name,
                        arity,
                        local,
                    }) if *arity == args.len() => {
                        if *local {
                            E::new(
                                ir::ExprKind::Apply {
                                    fun: Box::new(E::new(
                                        ir::ExprKind::FunRef(FunName::new(
                                            name.clone(),
                                            *arity as u32,
                                        )),
                                        sp,
                                    )),
                                    args,
                                },
                                sp,
                            )
                        } else {
                            E::call(module, name, args, sp)
                        }
                    }
                    Some(Res::Constructor { tag, arity }) if *arity == args.len() => {
                        let mut items = vec![E::atom(tag, sp)];
                        items.extend(args);
                        E::tuple(items, sp)
                    }
                    _ => {
                        let f = self.expr(fun);
                        E::new(
                            ir::ExprKind::Apply {
                                fun: Box::new(f),
                                args,
                            },
                            sp,
                        )
                    }
                }
            }
            ExprKind::Pipe { .. } => E::match_fail(E::atom("unchecked_pipe", sp), sp),
            ExprKind::BinOp { op, left, right } => self.binop(*op, left, right, sp),
            ExprKind::NegateInt(x) => {
                let v = self.expr(x);
                E::call("erlang", "-", vec![v], sp)
            }
            ExprKind::NegateBool(x) => {
                let v = self.expr(x);
                E::call("erlang", "not", vec![v], sp)
            }
            ExprKind::Block(body) => self.block(body),
            ExprKind::Case { subjects, clauses } => self.case(subjects, clauses, sp),
            ExprKind::FieldAccess {
                target,
                access,
                label,
                ..
            } => match access {
                Access::Field(i) => {
                    let t = self.expr(target);
                    E::call(
                        "erlang",
                        "element",
                        vec![E::lit(Literal::Int(*i as i64 + 2), sp), t],
                        sp,
                    )
                }
                Access::Module(res) => self.res_value(res, label, sp),
                Access::Unresolved => E::match_fail(E::atom("unresolved_field", sp), sp),
            },
            ExprKind::TupleIndex { target, index } => {
                let t = self.expr(target);
                E::call(
                    "erlang",
                    "element",
                    vec![E::lit(Literal::Int(*index as i64 + 1), sp), t],
                    sp,
                )
            }
            ExprKind::RecordUpdate {
                base, fields, plan, ..
            } => {
                let Some((tag, positions)) = plan else {
                    return E::match_fail(E::atom("unresolved_update", sp), sp);
                };
                let b = self.tmp("R");
                let base_e = self.expr(base);
                let mut items = vec![E::atom(tag, sp)];
                for (i, pos) in positions.iter().enumerate() {
                    items.push(match pos {
                        Some(k) => self.expr(&fields[*k].1),
                        None => E::call(
                            "erlang",
                            "element",
                            vec![
                                E::lit(Literal::Int(i as i64 + 2), sp),
                                E::var(b.clone(), sp),
                            ],
                            sp,
                        ),
                    });
                }
                E::let_(vec![b], base_e, E::tuple(items, sp), sp)
            }
            ExprKind::Todo(m) | ExprKind::Panic(m) => {
                let is_todo = matches!(e.kind, ExprKind::Todo(_));
                let msg = match m {
                    Some(m) => self.expr(m),
                    None => E::lit(
                        Literal::Binary(
                            if is_todo { "`todo` expression evaluated. This code has not yet been implemented." } else { "`panic` expression evaluated." }
                                .as_bytes()
                                .to_vec(),
                        ),
                        sp,
                    ),
                };
                self.gleam_error(if is_todo { "todo" } else { "panic" }, msg, sp, Vec::new())
            }
            ExprKind::Assert { value, message } => {
                self.assert_expr(value, message.as_deref(), &e.span, sp)
            }
            ExprKind::Echo(x) => {
                let v = self.expr(x);
                let file = E::lit(Literal::Binary(self.error_file.as_bytes().to_vec()), sp);
                let line = E::lit(Literal::Int(i64::from(sp.line)), sp);
                E::call("gleam_stdlib", "echo", vec![v, file, line], sp)
            }
            ExprKind::BitArray(segs) => {
                let mut out = Vec::new();
                for s in segs {
                    let seg_sp = self.span(&s.span);
                    let (ty, size, unit, signed, endian) = self.seg_spec(&s.options, true);
                    let value = self.expr(&s.value);
                    out.push(BinSegment {
                        value,
                        size,
                        unit,
                        ty,
                        signed,
                        endian,
                        span: seg_sp,
                    });
                }
                E::new(ir::ExprKind::Binary(out), sp)
            }
        }
    }

    /// Segment options: (type, size, unit, signed, endianness). A `utf8`
    /// option on a String value means its bytes, i.e. a binary segment.
    /// When `construct`ing, a negative size counts as 0, as the Gleam
    /// compiler makes it (a literal becomes 0, any other size
    /// `erlang:max(0, Size)`), where Erlang would raise `badarg`.
    fn seg_spec(
        &mut self,
        opts: &[SegOpt],
        construct: bool,
    ) -> (BinType, Option<E>, u8, bool, Endian) {
        let mut ty = BinType::Integer;
        let mut size = None;
        let mut unit = None;
        let mut signed = false;
        let mut endian = Endian::Big;
        for o in opts {
            match o {
                SegOpt::Flag(f, _) => match f.as_str() {
                    "float" => ty = BinType::Float,
                    "bits" | "bit_array" => ty = BinType::Bitstring,
                    "bytes" => ty = BinType::Binary,
                    "utf8" | "utf16" | "utf32" => ty = BinType::Binary,
                    "utf8_codepoint" => ty = BinType::Utf8,
                    "utf16_codepoint" => ty = BinType::Utf16,
                    "utf32_codepoint" => ty = BinType::Utf32,
                    "signed" => signed = true,
                    "little" => endian = Endian::Little,
                    "native" => endian = Endian::Native,
                    _ => {}
                },
                SegOpt::Size(e) if construct => {
                    let sp = self.span(&e.span);
                    let literal = match &e.kind {
                        ExprKind::Int(text) => Literal::integer(text),
                        _ => None,
                    };
                    size = Some(match literal {
                        Some(Literal::Int(n)) if n < 0 => E::lit(Literal::Int(0), sp),
                        Some(lit) => E::lit(lit, sp),
                        None => {
                            let v = self.expr(e);
                            E::call("erlang", "max", vec![E::lit(Literal::Int(0), sp), v], sp)
                        }
                    });
                }
                SegOpt::Size(e) => size = Some(self.expr(e)),
                SegOpt::Unit(u, _) => unit = Some(*u),
            }
        }
        let unit = unit.unwrap_or(if ty == BinType::Binary { 8 } else { 1 });
        (ty, size, unit, signed, endian)
    }

    fn binop(&mut self, op: BinOp, left: &Expr, right: &Expr, sp: ir::Span) -> E {
        let l = self.expr(left);
        let r = self.expr(right);
        let erl = |name: &str, l: E, r: E| E::call("erlang", name, vec![l, r], sp);
        match op {
            BinOp::And | BinOp::Or if self.guard => {
                erl(if op == BinOp::And { "and" } else { "or" }, l, r)
            }
            BinOp::And => self.bool_case(l, r, E::atom("false", sp), true, sp),
            BinOp::Or => self.bool_case(l, E::atom("true", sp), r, false, sp),
            BinOp::Eq => erl("=:=", l, r),
            BinOp::NotEq => erl("=/=", l, r),
            BinOp::LtInt | BinOp::LtFloat => erl("<", l, r),
            BinOp::GtInt | BinOp::GtFloat => erl(">", l, r),
            BinOp::LtEqInt | BinOp::LtEqFloat => erl("=<", l, r),
            BinOp::GtEqInt | BinOp::GtEqFloat => erl(">=", l, r),
            BinOp::AddInt | BinOp::AddFloat => erl("+", l, r),
            BinOp::SubInt | BinOp::SubFloat => erl("-", l, r),
            BinOp::MultInt | BinOp::MultFloat => erl("*", l, r),
            BinOp::DivInt | BinOp::RemInt | BinOp::DivFloat => {
                // Gleam's division by zero is zero, not an exception.
                let (name, zero) = match op {
                    BinOp::DivInt => ("div", Literal::Int(0)),
                    BinOp::RemInt => ("rem", Literal::Int(0)),
                    _ => ("/", Literal::Float(0.0)),
                };
                if self.guard {
                    return erl(name, l, r);
                }
                let a = self.tmp("A");
                let b = self.tmp("B");
                let is_zero = erl("==", E::var(b.clone(), sp), E::lit(Literal::Int(0), sp));
                let body = E::new(
                    ir::ExprKind::Case {
                        arg: Box::new(is_zero),
                        clauses: vec![
                            ir::Clause {
                                pats: vec![ir::Pattern::Lit(Literal::atom("true"))],
                                guard: None,
                                body: E::lit(zero, sp),
                                span: sp,
                            },
                            ir::Clause {
                                pats: vec![ir::Pattern::Wildcard],
                                guard: None,
                                body: erl(name, E::var(a.clone(), sp), E::var(b.clone(), sp)),
                                span: sp,
                            },
                        ],
                    },
                    sp,
                );
                E::let_(vec![a], l, E::let_(vec![b], r, body, sp), sp)
            }
            BinOp::Concat => {
                let seg = |v: E| BinSegment {
                    value: v,
                    size: None,
                    unit: 8,
                    ty: BinType::Binary,
                    signed: false,
                    endian: Endian::Big,
                    span: sp,
                };
                E::new(ir::ExprKind::Binary(vec![seg(l), seg(r)]), sp)
            }
        }
    }

    /// `case L of true -> OnTrue; false -> OnFalse end` (short-circuit).
    fn bool_case(&mut self, l: E, on_true: E, on_false: E, _and: bool, sp: ir::Span) -> E {
        let t = self.tmp("Bool");
        E::new(
            ir::ExprKind::Case {
                arg: Box::new(l),
                clauses: vec![
                    ir::Clause {
                        pats: vec![ir::Pattern::Lit(Literal::atom("true"))],
                        guard: None,
                        body: on_true,
                        span: sp,
                    },
                    ir::Clause {
                        pats: vec![ir::Pattern::Lit(Literal::atom("false"))],
                        guard: None,
                        body: on_false,
                        span: sp,
                    },
                    ir::Clause {
                        pats: vec![ir::Pattern::Var(t.clone())],
                        guard: None,
                        body: E::call(
                            "erlang",
                            "error",
                            vec![E::tuple(vec![E::atom("badarg", sp), E::var(t, sp)], sp)],
                            sp,
                        ),
                        span: sp,
                    },
                ],
            },
            sp,
        )
    }

    fn case(&mut self, subjects: &[Expr], clauses: &[Clause], sp: ir::Span) -> E {
        let subject_vals: Vec<E> = subjects.iter().map(|s| self.expr(s)).collect();
        let n = subject_vals.len();
        let vars: Vec<String> = (0..n).map(|_| self.tmp("S")).collect();
        let mut ir_clauses = Vec::new();
        for c in clauses {
            let csp = self.span(&c.span);
            for alt in &c.alternatives {
                let mut pats = Vec::new();
                let mut extra: Vec<E> = Vec::new();
                for p in alt {
                    let (pat, g) = self.pattern(p);
                    pats.push(pat);
                    extra.extend(g);
                }
                let guard = c.guard.as_ref().map(|g| {
                    self.guard = true;
                    let e = self.expr(g);
                    self.guard = false;
                    e
                });
                extra.extend(guard);
                let guard = extra
                    .into_iter()
                    .reduce(|a, b| E::call("erlang", "and", vec![a, b], csp));
                let body = self.expr(&c.body);
                ir_clauses.push(ir::Clause {
                    pats,
                    guard,
                    body,
                    span: csp,
                });
            }
        }
        let value = if n == 1 {
            E::var(vars[0].clone(), sp)
        } else {
            E::tuple(vars.iter().map(|v| E::var(v.clone(), sp)).collect(), sp)
        };
        ir_clauses.push(ir::Clause {
            pats: vec![ir::Pattern::Wildcard; n],
            guard: None,
            body: E::match_fail(E::tuple(vec![E::atom("case_clause", sp), value], sp), sp),
            span: sp,
        });
        let arg = if n == 1 {
            E::var(vars[0].clone(), sp)
        } else {
            E::new(
                ir::ExprKind::Values(vars.iter().map(|v| E::var(v.clone(), sp)).collect()),
                sp,
            )
        };
        let mut out = E::new(
            ir::ExprKind::Case {
                arg: Box::new(arg),
                clauses: ir_clauses,
            },
            sp,
        );
        for (v, val) in vars.into_iter().zip(subject_vals).rev() {
            out = E::let_(vec![v], val, out, sp);
        }
        out
    }

    /// A pattern, plus guard conditions it needs (string prefix names).
    fn pattern(&mut self, p: &Pattern) -> (ir::Pattern, Option<E>) {
        let mut extra = Vec::new();
        let pat = self.pattern_inner(p, &mut extra);
        let sp = self.span(&p.span);
        (
            pat,
            extra
                .into_iter()
                .reduce(|a, b| E::call("erlang", "and", vec![a, b], sp)),
        )
    }

    fn pattern_inner(&mut self, p: &Pattern, extra: &mut Vec<E>) -> ir::Pattern {
        let sp = self.span(&p.span);
        match &p.kind {
            PatternKind::Var(v) => ir::Pattern::Var(v.clone()),
            PatternKind::Discard(_) | PatternKind::Invalid => ir::Pattern::Wildcard,
            PatternKind::Int(i) => ir::Pattern::Lit(Literal::integer(i).unwrap_or(Literal::Int(0))),
            PatternKind::Float(f) => ir::Pattern::Lit(Literal::Float(parse_float(f))),
            PatternKind::Str(s) => ir::Pattern::Lit(Literal::Binary(s.as_bytes().to_vec())),
            PatternKind::Prefix {
                prefix,
                prefix_name,
                rest,
            } => {
                let mut segs = Vec::new();
                let bytes = prefix.as_bytes();
                match prefix_name {
                    Some(n) => {
                        segs.push(BinSegment {
                            value: ir::Pattern::Var(n.clone()),
                            size: Some(E::lit(Literal::Int(bytes.len() as i64), sp)),
                            unit: 8,
                            ty: BinType::Binary,
                            signed: false,
                            endian: Endian::Big,
                            span: sp,
                        });
                        extra.push(E::call(
                            "erlang",
                            "=:=",
                            vec![
                                E::var(n.clone(), sp),
                                E::lit(Literal::Binary(bytes.to_vec()), sp),
                            ],
                            sp,
                        ));
                    }
                    None => {
                        for b in bytes {
                            segs.push(BinSegment {
                                value: ir::Pattern::Lit(Literal::Int(i64::from(*b))),
                                size: Some(E::lit(Literal::Int(8), sp)),
                                unit: 1,
                                ty: BinType::Integer,
                                signed: false,
                                endian: Endian::Big,
                                span: sp,
                            });
                        }
                    }
                }
                let rest_pat = if rest.starts_with('_') {
                    ir::Pattern::Wildcard
                } else {
                    ir::Pattern::Var(rest.clone())
                };
                segs.push(BinSegment {
                    value: rest_pat,
                    size: None,
                    unit: 8,
                    ty: BinType::Binary,
                    signed: false,
                    endian: Endian::Big,
                    span: sp,
                });
                ir::Pattern::Binary(segs)
            }
            PatternKind::Tuple(items) => {
                ir::Pattern::Tuple(items.iter().map(|i| self.pattern_inner(i, extra)).collect())
            }
            PatternKind::List { elems, tail } => {
                let mut acc = match tail {
                    Some(t) => self.pattern_inner(t, extra),
                    None => ir::Pattern::Lit(Literal::Nil),
                };
                for x in elems.iter().rev() {
                    let h = self.pattern_inner(x, extra);
                    acc = ir::Pattern::Cons(Box::new(h), Box::new(acc));
                }
                acc
            }
            PatternKind::Constructor { args, res, .. } => match res {
                Some((tag, 0)) => ir::Pattern::Lit(Literal::atom(tag.clone())),
                Some((tag, _)) => {
                    let mut items = vec![ir::Pattern::Lit(Literal::atom(tag.clone()))];
                    items.extend(args.iter().map(|(_, a)| self.pattern_inner(a, extra)));
                    ir::Pattern::Tuple(items)
                }
                None => ir::Pattern::Wildcard,
            },
            PatternKind::Assign(inner, name) => {
                let i = self.pattern_inner(inner, extra);
                ir::Pattern::Alias(name.clone(), Box::new(i))
            }
            PatternKind::BitArray(segs) => {
                let mut out = Vec::new();
                for s in segs {
                    let seg_sp = self.span(&s.span);
                    let (ty, size, unit, signed, endian) = self.seg_spec(&s.options, false);
                    if let PatternKind::Str(text) = &s.value.kind {
                        for b in text.as_bytes() {
                            out.push(BinSegment {
                                value: ir::Pattern::Lit(Literal::Int(i64::from(*b))),
                                size: Some(E::lit(Literal::Int(8), seg_sp)),
                                unit: 1,
                                ty: BinType::Integer,
                                signed: false,
                                endian: Endian::Big,
                                span: seg_sp,
                            });
                        }
                        continue;
                    }
                    let value = self.pattern_inner(&s.value, extra);
                    out.push(BinSegment {
                        value,
                        size,
                        unit,
                        ty,
                        signed,
                        endian,
                        span: seg_sp,
                    });
                }
                ir::Pattern::Binary(out)
            }
        }
    }
}

pub fn parse_float(f: &str) -> f64 {
    let t = if f.ends_with('.') {
        format!("{f}0")
    } else {
        f.replace(".e", ".0e")
    };
    t.parse().unwrap_or(0.0)
}

/// Names used in a constant expression (constants are literals, tuples,
/// lists, records, bit arrays and function names).
fn const_fn_names(e: &Expr, out: &mut std::collections::HashSet<String>) {
    match &e.kind {
        ExprKind::Var { name, .. } => {
            out.insert(name.clone());
        }
        ExprKind::Tuple(items) => items.iter().for_each(|i| const_fn_names(i, out)),
        ExprKind::List { elems, tail } => {
            elems.iter().for_each(|i| const_fn_names(i, out));
            if let Some(t) = tail {
                const_fn_names(t, out);
            }
        }
        ExprKind::Call { args, .. } => args.iter().for_each(|a| const_fn_names(&a.value, out)),
        ExprKind::BitArray(segs) => segs.iter().for_each(|s| const_fn_names(&s.value, out)),
        _ => {}
    }
}

/// A reference to a lowering temporary, in the AST, standing where `like`
/// stood (same span).
fn local_var(name: &str, like: &Expr) -> Expr {
    Expr {
        kind: ExprKind::Var {
            name: name.to_string(),
            res: Res::Local(name.to_string()),
        },
        span: like.span.clone(),
    }
}

/// A literal in the Gleam compiler's sense (`is_literal`): numbers,
/// strings, lists, tuples and bit arrays of literals, field-less
/// constructors, and constructors applied to literals.
fn is_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => true,
        ExprKind::List { elems, tail } => tail.is_none() && elems.iter().all(is_literal),
        ExprKind::Tuple(elems) => elems.iter().all(is_literal),
        ExprKind::BitArray(segs) => segs.iter().all(|s| is_literal(&s.value)),
        ExprKind::Var {
            res: Res::Constructor { arity: 0, .. },
            ..
        } => true,
        ExprKind::FieldAccess {
            access: Access::Module(Res::Constructor { arity: 0, .. }),
            ..
        } => true,
        ExprKind::Call { fun, args } => {
            matches!(
                &fun.kind,
                ExprKind::Var {
                    res: Res::Constructor { .. },
                    ..
                } | ExprKind::FieldAccess {
                    access: Access::Module(Res::Constructor { .. }),
                    ..
                }
            ) && args.iter().all(|a| is_literal(&a.value))
        }
        _ => false,
    }
}
