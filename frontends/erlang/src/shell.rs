//! Erlang shell input: `Expr, ..., Expr.` lowered into a module exporting
//! `eval/1` (the contract is in `eubeam_ir::frontend`).

use eubeam_ir as ir;
use eubeam_ir::span::LineIndex;
use eubeam_ir::{Diagnostic, FunName, Literal, ReplInput, ValueStyle};

use crate::ast::{Clause, Expr, ExprKind, FunClause, Span};
use crate::lexer::Tok;
use crate::lower::{wrap, Lowerer, ModuleInfo};
use crate::parser;

/// The file name diagnostics of shell input carry.
pub const SHELL_FILE: &str = "shell";

pub fn shell_input(input: &str, bound: &[String], module_name: &str) -> ReplInput {
    let toks = parser::tokenize(input, SHELL_FILE);
    if toks.unterminated {
        return ReplInput::Incomplete;
    }
    if !toks.diagnostics.is_empty() {
        return ReplInput::Error(toks.diagnostics);
    }
    match toks.tokens.last() {
        None => return ReplInput::Empty,
        Some((Tok::Dot, _)) => {}
        Some(_) => return ReplInput::Incomplete,
    }
    let mut exprs = Vec::new();
    let mut errors = Vec::new();
    for form in parser::split_forms(&toks.tokens) {
        match parser::parse_exprs(form, SHELL_FILE) {
            Ok(es) => exprs.extend(es),
            Err(ds) => errors.extend(ds),
        }
    }
    if !errors.is_empty() {
        return ReplInput::Error(errors);
    }
    let mut forget = Forget::None;
    let exprs: Vec<Expr> = exprs
        .into_iter()
        .map(|e| shell_command(e, bound, &mut forget))
        .collect();
    match lower_shell(&exprs, input, bound, module_name, &forget) {
        Ok((module, bound_after)) => ReplInput::Eval {
            module,
            bound_after,
            style: ValueStyle::Erlang,
        },
        Err(ds) => ReplInput::Error(ds),
    }
}

/// Variables `f()` / `f(X)` make the shell forget.
enum Forget {
    None,
    All,
    Some(Vec<String>),
}

fn mk(kind: ExprKind, span: &Span) -> Expr {
    Expr::new(kind, span.clone())
}

fn atom(a: &str, span: &Span) -> Expr {
    mk(ExprKind::Atom(a.to_string()), span)
}

fn remote_call(m: &str, f: &str, args: Vec<Expr>, span: &Span) -> Expr {
    let callee = mk(
        ExprKind::Remote(Box::new(atom(m, span)), Box::new(atom(f, span))),
        span,
    );
    mk(ExprKind::Call(Box::new(callee), args), span)
}

/// erl's shell commands, as expressions: `f()`, `f(X)` (forget bindings),
/// `b()` (print them, sorted by name, as `X = Value`), `flush()` (print and
/// drop every message as `Shell got Msg`), `q()` (halt). `c/1` is handled
/// by the CLI, which can compile files.
fn shell_command(e: Expr, bound: &[String], forget: &mut Forget) -> Expr {
    let ExprKind::Call(f, args) = &e.kind else {
        return e;
    };
    let ExprKind::Atom(name) = &f.kind else {
        return e;
    };
    let span = e.span.clone();
    match (name.as_str(), args.as_slice()) {
        ("f", []) => {
            *forget = Forget::All;
            atom("ok", &span)
        }
        ("f", [v]) => match &v.kind {
            ExprKind::Var(x) => {
                match forget {
                    Forget::Some(names) => names.push(x.clone()),
                    Forget::None => *forget = Forget::Some(vec![x.clone()]),
                    Forget::All => {}
                }
                atom("ok", &span)
            }
            _ => e,
        },
        ("b", []) => {
            let mut names: Vec<&String> = bound.iter().collect();
            names.sort();
            let mut body: Vec<Expr> = names
                .into_iter()
                .map(|n| {
                    remote_call(
                        "io",
                        "format",
                        vec![
                            mk(ExprKind::Str(format!("{n} = ~p~n")), &span),
                            mk(
                                ExprKind::List(vec![mk(ExprKind::Var(n.clone()), &span)], None),
                                &span,
                            ),
                        ],
                        &span,
                    )
                })
                .collect();
            body.push(atom("ok", &span));
            mk(ExprKind::Block(body), &span)
        }
        ("flush", []) => {
            // (fun Flush() -> receive M -> io:format("Shell got ~p~n", [M]),
            //  Flush() after 0 -> ok end end)()
            let m = mk(ExprKind::Var("Shell@Msg".into()), &span);
            let me = mk(ExprKind::Var("Shell@Flush".into()), &span);
            let print = remote_call(
                "io",
                "format",
                vec![
                    mk(ExprKind::Str("Shell got ~p~n".into()), &span),
                    mk(ExprKind::List(vec![m.clone()], None), &span),
                ],
                &span,
            );
            let again = mk(ExprKind::Call(Box::new(me), Vec::new()), &span);
            let recv = mk(
                ExprKind::Receive(
                    vec![Clause {
                        pattern: m,
                        guard: Vec::new(),
                        body: vec![print, again],
                        span: span.clone(),
                    }],
                    Some((
                        Box::new(mk(ExprKind::Int(0), &span)),
                        vec![atom("ok", &span)],
                    )),
                ),
                &span,
            );
            let fun = mk(
                ExprKind::Fun(vec![FunClause {
                    name: Some(("Shell@Flush".into(), span.clone())),
                    params: Vec::new(),
                    guard: Vec::new(),
                    body: vec![recv],
                    span: span.clone(),
                }]),
                &span,
            );
            mk(ExprKind::Call(Box::new(fun), Vec::new()), &span)
        }
        ("q", []) => remote_call("erlang", "halt", Vec::new(), &span),
        _ => e,
    }
}

/// `eval([B1, ..., Bn]) -> Body, {Last, [B1, ..., Bm]}`.
fn lower_shell(
    exprs: &[crate::ast::Expr],
    src: &str,
    bound: &[String],
    module_name: &str,
    forget: &Forget,
) -> Result<(ir::Module, Vec<String>), Vec<Diagnostic>> {
    let lines = LineIndex::new(src);
    let info = ModuleInfo {
        name: module_name.to_string(),
        shell: true,
        ..ModuleInfo::default()
    };
    let mut lw = Lowerer::new(SHELL_FILE, &lines, &info);
    lw.current = "eval/1".to_string();
    for b in bound {
        lw.names.reserve(b);
        lw.env.bind(b, crate::lower::scope_binding(b));
    }
    let before = lw.env.clone();
    let param = lw.names.temp();
    let (pre, value) = lw.body_parts(exprs);
    let new: Vec<String> = lw
        .env
        .new_since(&before)
        .into_iter()
        .filter(|n| !lw.env.unsafe_vars.contains_key(n))
        .collect();
    if !lw.diags.is_empty() {
        return Err(lw.diags);
    }
    let span = lines.span(0, src.len());
    let mut bound_after: Vec<String> = bound.to_vec();
    bound_after.extend(new);
    match forget {
        Forget::None => {}
        Forget::All => bound_after.retain(|n| !bound.contains(n)),
        Forget::Some(names) => bound_after.retain(|n| !names.contains(n)),
    }
    let values: Vec<ir::Expr> = bound_after
        .iter()
        .map(|n| ir::Expr::var(lw.env.var(n).cloned().unwrap_or_else(|| n.clone()), span))
        .collect();
    let list = crate::lower::cons_expr(values, ir::Expr::lit(Literal::Nil, span), span);
    let body = wrap(pre, ir::Expr::tuple(vec![value, list], span));
    let pat = bound
        .iter()
        .rev()
        .fold(ir::Pattern::Lit(Literal::Nil), |t, b| {
            ir::Pattern::Cons(Box::new(ir::Pattern::Var(b.clone())), Box::new(t))
        });
    let other = lw.names.temp();
    let case = ir::Expr::new(
        ir::ExprKind::Case {
            arg: Box::new(ir::Expr::var(param.clone(), span)),
            clauses: vec![
                ir::Clause {
                    pats: vec![pat],
                    guard: None,
                    body,
                    span,
                },
                ir::Clause {
                    pats: vec![ir::Pattern::Var(other.clone())],
                    guard: None,
                    body: ir::Expr::match_fail(
                        ir::Expr::tuple(
                            vec![ir::Expr::atom("badarg", span), ir::Expr::var(other, span)],
                            span,
                        ),
                        span,
                    ),
                    span,
                },
            ],
        },
        span,
    );
    let module = ir::Module {
        name: module_name.to_string(),
        file: SHELL_FILE.to_string(),
        exports: vec![FunName::new("eval", 1)],
        attributes: Vec::new(),
        functions: vec![ir::FunDef {
            name: FunName::new("eval", 1),
            fun: ir::Fun {
                params: vec![param],
                body: Box::new(case),
                span,
                name: None,
            },
        }],
        span,
    };
    Ok((module, bound_after))
}
