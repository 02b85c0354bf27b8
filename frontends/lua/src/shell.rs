//! Shell input (`eubeam repl --lang lua`, `--eval`), as `lua5.4 -i` reads
//! a line: `= expr` is `return expr`; the line is first tried as
//! `return <line>` (an expression: its values are printed with the global
//! `print`), else as statements (a chunk ending in `return` prints its
//! results too); a syntax error ending in `<eof>` means "more input".
//!
//! Unlike lua5.4 (where each line is its own chunk), locals are kept across
//! lines: the shell's bound names are the locals declared so far; a chunk
//! starts with `local b1, b2 = ...` (on its first line, so line numbers
//! stay) and a statement chunk ends with `return b1, b2, new1, ...`, the
//! new values of the bound locals. The generated module's `eval/1` calls
//! `lua_shell:eval/3` (`lib/lua_shell.erl`) with its `loader/1`.

use eubeam_ir::{Expr, ExprKind, FunDef, FunName, Literal, ReplInput, Span, ValueStyle};

use crate::ast::Stat;

enum Mode {
    /// Print the chunk's results.
    Expr,
    /// The chunk's results are the new values of the bound locals.
    Stmt,
}

/// Top-level local names a statement chunk declares, in order.
fn declared_locals(text: &str) -> Option<(Vec<String>, bool)> {
    let toks = crate::lexer::lex(text.as_bytes()).ok()?;
    let chunk = crate::parser::Parser::new(toks).chunk().ok()?;
    let mut names = Vec::new();
    for s in &chunk {
        match s {
            Stat::Local(vars, _, _) => names.extend(vars.iter().map(|v| v.0.clone())),
            Stat::LocalFunction(n, _, _, _) => names.push(n.clone()),
            _ => {}
        }
    }
    let returns = matches!(chunk.last(), Some(Stat::Return(..)));
    Some((names, returns))
}

fn eval_module(
    module_name: &str,
    src: &str,
    mode: Mode,
) -> Result<eubeam_ir::Module, (String, u32)> {
    let mut m = crate::compile_chunk("stdin", module_name, src.as_bytes())
        .map_err(|(msg, line, _)| (msg, line))?;
    let span = Span::NONE;
    let mode = match mode {
        Mode::Expr => "expr",
        Mode::Stmt => "stmt",
    };
    let body = Expr::call(
        "lua_shell",
        "eval",
        vec![
            Expr::atom(mode, span),
            Expr::new(ExprKind::FunRef(FunName::new("loader", 1)), span),
            Expr::var("Values", span),
        ],
        span,
    );
    push_eval(&mut m, body);
    Ok(m)
}

fn push_eval(m: &mut eubeam_ir::Module, body: Expr) {
    let span = Span::NONE;
    let name = FunName::new("eval", 1);
    m.functions.push(FunDef {
        name: name.clone(),
        fun: eubeam_ir::Fun {
            params: vec!["Values".into()],
            body: Box::new(body),
            span,
            name: None,
        },
    });
    m.exports.push(name);
}

/// A module whose `eval/1` fails with `text` as the shell's error (a
/// syntax error is shown as lua5.4 shows it, then the shell goes on).
fn error_module(module_name: &str, text: String) -> eubeam_ir::Module {
    let span = Span::NONE;
    let mut m = eubeam_ir::Module {
        name: module_name.to_string(),
        file: "stdin".into(),
        exports: Vec::new(),
        attributes: Vec::new(),
        functions: Vec::new(),
        span,
    };
    // error({'$eubeam_shell_error', Text}): the shell shows Text as the
    // error and keeps its bound values.
    let reason = Expr::tuple(
        vec![
            Expr::atom("$eubeam_shell_error", span),
            Expr::lit(Literal::Binary(text.into_bytes()), span),
        ],
        span,
    );
    let body = Expr::seq(
        Expr::var("Values", span),
        Expr::call("erlang", "error", vec![reason], span),
    );
    push_eval(&mut m, body);
    m
}

pub fn shell_input(input: &str, bound: &[String], module_name: &str) -> ReplInput {
    if input.trim().is_empty() {
        return ReplInput::Empty;
    }
    let body = match input.trim_start().strip_prefix('=') {
        Some(rest) => format!("return {rest}"),
        None => input.to_string(),
    };
    let prefix = if bound.is_empty() {
        String::new()
    } else {
        format!("local {} = ... ", bound.join(", "))
    };
    let eval = |module, bound_after: Vec<String>| ReplInput::Eval {
        module,
        bound_after,
        style: ValueStyle::Lua,
    };
    // An expression?
    if let Ok(m) = eval_module(module_name, &format!("{prefix}return {body}"), Mode::Expr) {
        return eval(m, bound.to_vec());
    }
    // Statements: check them alone first (errors, incomplete input).
    if let Err((msg, line, _)) = crate::compile_chunk("stdin", module_name, body.as_bytes()) {
        if msg.ends_with("<eof>") {
            return ReplInput::Incomplete;
        }
        return eval(
            error_module(module_name, format!("stdin:{line}: {msg}")),
            bound.to_vec(),
        );
    }
    let (names, returns) = declared_locals(&body).unwrap_or_default();
    let result = if returns {
        eval_module(module_name, &format!("{prefix}{body}"), Mode::Expr)
            .map(|m| (m, bound.to_vec()))
    } else {
        let mut after = bound.to_vec();
        for n in names {
            if !after.contains(&n) {
                after.push(n);
            }
        }
        let ret = if after.is_empty() {
            String::new()
        } else {
            format!("\n;return {}", after.join(", "))
        };
        eval_module(module_name, &format!("{prefix}{body}{ret}"), Mode::Stmt).map(|m| (m, after))
    };
    match result {
        Ok((m, after)) => eval(m, after),
        Err((msg, line)) => eval(
            error_module(module_name, format!("stdin:{line}: {msg}")),
            bound.to_vec(),
        ),
    }
}
