//! Shell input (`iex` and `--eval`): expressions lowered into a module
//! exporting `eval/1` (the contract is in `eubeam_ir::frontend`).

use eubeam_ir as ir;
use eubeam_ir::span::LineIndex;
use eubeam_ir::{Diagnostic, FunName, Literal, ReplInput, ValueStyle};

use crate::ast::{Ast, Span};
use crate::lower::{Lw, ModCtx};
use crate::parser;

pub const SHELL_FILE: &str = "iex";

pub fn shell_input(input: &str, bound: &[String], module_name: &str) -> ReplInput {
    let (forms, errors, unterminated) = parser::parse(input);
    if unterminated {
        return ReplInput::Incomplete;
    }
    if !errors.is_empty() {
        return ReplInput::Error(crate::parse_diagnostics(SHELL_FILE, &errors));
    }
    if forms.is_empty() {
        return ReplInput::Empty;
    }
    let lines = LineIndex::new(input);
    let ctx = ModCtx {
        name: module_name.to_string(),
        ..ModCtx::default()
    };
    let mut lw = Lw::new(SHELL_FILE, &lines, &ctx);
    lw.current = "eval/1".into();
    let span = lines.span(0, input.len());
    let mut pats = Vec::new();
    for b in bound {
        let v = lw.fresh(b);
        lw.env.insert(b.clone(), v.clone());
        pats.push(v);
    }
    let body_ast = Ast::call("__block__", forms, Span::new(0, input.len()));
    let saved_pre = std::mem::take(&mut lw.pre);
    let value = lw.stmts(&body_ast);
    let pres = std::mem::replace(&mut lw.pre, saved_pre);
    if !lw.diags.is_empty() {
        return ReplInput::Error(lw.diags);
    }
    let mut names: Vec<String> = lw
        .env
        .keys()
        .filter(|k| !k.starts_with('&') && !k.starts_with("__"))
        .cloned()
        .collect();
    names.sort();
    let mut bound_after: Vec<String> = bound.to_vec();
    for n in names {
        if !bound_after.contains(&n) {
            bound_after.push(n);
        }
    }
    let values: Vec<ir::Expr> = bound_after
        .iter()
        .map(|n| ir::Expr::var(lw.env[n].clone(), span))
        .collect();
    let list = values
        .into_iter()
        .rev()
        .fold(ir::Expr::lit(Literal::Nil, span), |t, h| {
            ir::Expr::cons(h, t, span)
        });
    // The value as the printer wants it (structs in definition order).
    let shown = ir::Expr::call("Elixir.Kernel", "__prepare__", vec![value], span);
    let inner = crate::lower::wrap(pres, ir::Expr::tuple(vec![shown, list], span));
    // Exceptions are formatted here, in Elixir's words, for the shell to print.
    let (r, c, rn, st) = (lw.temp(), lw.temp(), lw.temp(), lw.temp());
    let banner = ir::Expr::call(
        "Elixir.Exception",
        "format_banner",
        vec![
            ir::Expr::var(c.clone(), span),
            ir::Expr::var(rn.clone(), span),
            ir::Expr::primop(
                "build_stacktrace",
                vec![ir::Expr::var(st.clone(), span)],
                span,
            ),
        ],
        span,
    );
    let body = ir::Expr::new(
        ir::ExprKind::Try {
            arg: Box::new(inner),
            vars: vec![r.clone()],
            body: Box::new(ir::Expr::var(r, span)),
            evars: [c, rn, st],
            handler: Box::new(ir::Expr::call(
                "erlang",
                "error",
                vec![ir::Expr::tuple(
                    vec![ir::Expr::atom("$eubeam_shell_error", span), banner],
                    span,
                )],
                span,
            )),
        },
        span,
    );
    let param = lw.temp();
    let pat = pats
        .iter()
        .rev()
        .fold(ir::Pattern::Lit(Literal::Nil), |t, v| {
            ir::Pattern::Cons(Box::new(ir::Pattern::Var(v.clone())), Box::new(t))
        });
    let other = lw.temp();
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
    let _ = Diagnostic::is_error;
    ReplInput::Eval {
        module,
        bound_after,
        style: ValueStyle::Elixir,
    }
}
