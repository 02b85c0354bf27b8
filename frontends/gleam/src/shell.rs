//! Gleam shell input (`eubeam repl --lang gleam`): each entry is parsed,
//! type-checked against the imports and bindings of earlier entries, and
//! lowered into a module whose `eval/1` returns the value printed as Gleam
//! prints it followed by its type (`55 : Int`) and the new bindings.
//!
//! The shell's imports and the types of its bindings live in a process-wide
//! table here (the CLI keeps only names and values).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use eubeam_ir as ir;
use eubeam_ir::{BinSegment, BinType, Diagnostic, Endian, FunName, Literal, ReplInput, ValueStyle};

use crate::ast::{Import, Stmt, Unqualified};
use crate::check::{Checker, ShellBindings};
use crate::lexer::{lex, Tok};
use crate::lower::Lowerer;
use crate::parser::Parser;
use crate::types::Type;

pub const SHELL_FILE: &str = "repl";

#[derive(Default)]
struct State {
    imports: Vec<Import>,
    /// One unqualified import per earlier entry of definitions (its
    /// module), naming the definitions no later entry redefined.
    defs: Vec<Import>,
    /// Binding name → type; its `Gen` numbers are the shell's unknown
    /// types, shared by all bindings (see [`ShellBindings`]).
    types: HashMap<String, Type>,
}

fn state() -> &'static Mutex<State> {
    static STATE: OnceLock<Mutex<State>> = OnceLock::new();
    STATE.get_or_init(|| Mutex::new(State::default()))
}

/// The shell's imports, for completion: `(alias, module, unqualified
/// values)`, e.g. `("list", "gleam/list", ["map"])`.
pub fn imports() -> Vec<(String, String, Vec<String>)> {
    let Ok(st) = state().lock() else {
        return Vec::new();
    };
    st.imports
        .iter()
        .map(|i| {
            (
                i.alias.clone(),
                i.module.clone(),
                i.values
                    .iter()
                    .map(|v| v.local_name().to_string())
                    .collect(),
            )
        })
        .collect()
}

/// Whether the input still has open brackets or an open string.
fn incomplete(input: &str) -> bool {
    let (toks, diags) = lex(input, SHELL_FILE);
    if diags.iter().any(|d| d.message == "Unterminated string") {
        return true;
    }
    let mut depth: i64 = 0;
    for (t, _) in &toks {
        match t {
            Tok::LParen | Tok::LBrack | Tok::LBrace | Tok::LtLt => depth += 1,
            Tok::RParen | Tok::RBrack | Tok::RBrace | Tok::GtGt => depth -= 1,
            _ => {}
        }
    }
    // Attributes (`@external(...)`) continue until the definition they
    // belong to.
    if toks.first().is_some_and(|(t, _)| *t == Tok::At)
        && !toks
            .iter()
            .any(|(t, _)| matches!(t, Tok::Fn | Tok::Type | Tok::Const))
    {
        return true;
    }
    // A trailing operator or `=` continues on the next line.
    let trailing = toks.iter().rev().nth(1).map(|(t, _)| t.clone());
    depth > 0
        || matches!(
            trailing,
            Some(
                Tok::Eq
                    | Tok::Pipe
                    | Tok::Plus
                    | Tok::Minus
                    | Tok::Star
                    | Tok::LtGt
                    | Tok::AmpAmp
                    | Tok::BarBar
                    | Tok::RArrow
                    | Tok::Comma
            )
        )
}

pub fn shell_input(input: &str, bound: &[String], module_name: &str) -> ReplInput {
    if input.trim().is_empty() {
        return ReplInput::Empty;
    }
    if incomplete(input) {
        return ReplInput::Incomplete;
    }
    let (toks, lex_diags) = lex(input, SHELL_FILE);
    if lex_diags.iter().any(Diagnostic::is_error) {
        return ReplInput::Error(lex_diags);
    }
    let mut p = Parser::new(toks, SHELL_FILE);
    let Ok(mut st) = state().lock() else {
        return ReplInput::Error(vec![Diagnostic::error(
            SHELL_FILE,
            0..0,
            "the shell state is unavailable",
        )]);
    };
    if p.peek_tok() == &Tok::Import {
        let imp = p.import();
        if !p.diags.is_empty() || imp.is_err() || !p.at_eof() {
            return ReplInput::Error(p.diags);
        }
        let Ok(imp) = imp else {
            return ReplInput::Error(Vec::new());
        };
        // Check that it resolves before keeping it.
        let mut c = Checker::new(SHELL_FILE, module_name);
        let _ = c.check_shell(
            std::slice::from_ref(&imp),
            &[],
            &mut [],
            &crate::load_interface,
        );
        if c.error_count() > 0 {
            return ReplInput::Error(c.diags.into_iter().filter(Diagnostic::is_error).collect());
        }
        st.imports.retain(|i| i.alias != imp.alias);
        st.imports.push(imp);
        return ReplInput::Empty;
    }
    if matches!(
        p.peek_tok(),
        Tok::Fn | Tok::Pub | Tok::Type | Tok::Const | Tok::At
    ) {
        return definitions(input, &mut st, bound, module_name);
    }
    let Ok(mut stmts) = p.shell_statements() else {
        return ReplInput::Error(p.diags);
    };
    if p.diags.iter().any(Diagnostic::is_error) {
        return ReplInput::Error(p.diags);
    }
    let prior: Vec<(String, Type, String)> = bound
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some((n.clone(), st.types.get(n)?.clone(), format!("Bound{i}"))))
        .collect();
    let mut c = Checker::new(SHELL_FILE, module_name);
    let mut imports = st.imports.clone();
    imports.extend(st.defs.iter().cloned());
    let Some((ty, ShellBindings { new, kept })) =
        c.check_shell(&imports, &prior, &mut stmts, &crate::load_interface)
    else {
        return ReplInput::Error(c.diags.into_iter().filter(Diagnostic::is_error).collect());
    };
    let type_text = format!(" : {}", c.show(&ty));
    // Names after this input: earlier ones not rebound, then the new ones.
    let mut after: Vec<(String, String)> = bound
        .iter()
        .enumerate()
        .filter(|(_, n)| !new.iter().any(|(m, ..)| m == *n))
        .map(|(i, n)| (n.clone(), format!("Bound{i}")))
        .collect();
    for (n, t) in kept {
        st.types.insert(n, t);
    }
    for (n, var, t) in &new {
        after.push((n.clone(), var.clone()));
        st.types.insert(n.clone(), t.clone());
    }
    let module = lower_shell(&stmts, input, bound.len(), &after, &type_text, module_name);
    ReplInput::Eval {
        module,
        bound_after: after.into_iter().map(|(n, _)| n).collect(),
        style: ValueStyle::Gleam,
    }
}

/// The shell's `:type EXPR`: the inferred type of `input` against the
/// shell's imports, definitions and bindings, without running it or
/// changing the shell's state.
pub fn type_of(
    input: &str,
    bound: &[String],
    module_name: &str,
) -> Result<String, Vec<Diagnostic>> {
    let (toks, lex_diags) = lex(input, SHELL_FILE);
    if lex_diags.iter().any(Diagnostic::is_error) {
        return Err(lex_diags);
    }
    let mut p = Parser::new(toks, SHELL_FILE);
    let Ok(st) = state().lock() else {
        return Err(vec![Diagnostic::error(
            SHELL_FILE,
            0..0,
            "the shell state is unavailable",
        )]);
    };
    let Ok(mut stmts) = p.shell_statements() else {
        return Err(p.diags);
    };
    if p.diags.iter().any(Diagnostic::is_error) {
        return Err(p.diags);
    }
    let prior: Vec<(String, Type, String)> = bound
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some((n.clone(), st.types.get(n)?.clone(), format!("Bound{i}"))))
        .collect();
    let mut c = Checker::new(SHELL_FILE, module_name);
    let mut imports = st.imports.clone();
    imports.extend(st.defs.iter().cloned());
    match c.check_shell(&imports, &prior, &mut stmts, &crate::load_interface) {
        Some((ty, _)) => Ok(c.show(&ty)),
        None => Err(c.diags.into_iter().filter(Diagnostic::is_error).collect()),
    }
}

/// An entry of definitions (`fn`, `type`, `const`, with attributes such
/// as `@external`): checked as a module that sees the shell's imports and
/// earlier definitions (not its `let` bindings, as a module's functions do
/// not see a function's variables). Every definition is public. The
/// entry's module (named `module_name`) holds the code and an `eval/1`
/// that prints what was defined and keeps the bindings; its interface is
/// cached so later entries import its names unqualified. A later
/// definition of the same name shadows this one for later entries;
/// functions already defined keep calling the one they were checked with.
fn definitions(input: &str, st: &mut State, bound: &[String], module_name: &str) -> ReplInput {
    let (mut m, diags) = crate::parser::parse_module(input, SHELL_FILE);
    if diags.iter().any(Diagnostic::is_error) {
        return ReplInput::Error(diags);
    }
    if let Some(imp) = m.imports.first() {
        return ReplInput::Error(vec![Diagnostic::error(
            SHELL_FILE,
            imp.span.clone(),
            "An import must be an entry of its own in the shell",
        )]);
    }
    for f in &mut m.functions {
        f.public = true;
    }
    for t in &mut m.types {
        t.public = true;
    }
    for a in &mut m.aliases {
        a.public = true;
    }
    for c in &mut m.consts {
        c.public = true;
    }
    m.imports = st.imports.iter().chain(st.defs.iter()).cloned().collect();
    let mut c = Checker::new(SHELL_FILE, module_name);
    let iface = c.check_module(&mut m, &crate::load_interface);
    if c.error_count() > 0 {
        return ReplInput::Error(c.diags.into_iter().filter(Diagnostic::is_error).collect());
    }
    // What to print, one line per definition, in the order written.
    let mut shown: Vec<(usize, String)> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    let mut types: Vec<String> = Vec::new();
    let mut printer = c.printer();
    for t in &m.types {
        shown.push((t.span.start, format!("type {}", t.name)));
        types.push(t.name.clone());
        values.extend(t.constructors.iter().map(|k| k.name.clone()));
    }
    for a in &m.aliases {
        shown.push((a.span.start, format!("type {}", a.name)));
        types.push(a.name.clone());
    }
    for k in &m.consts {
        if let Some(v) = iface.values.get(&k.name) {
            let ty = printer.print(&c.vars, &v.scheme);
            shown.push((k.span.start, format!("const {} : {ty}", k.name)));
        }
        values.push(k.name.clone());
    }
    for f in &m.functions {
        if let Some(v) = iface.values.get(&f.name) {
            let ty = printer.print(&c.vars, &v.scheme);
            shown.push((f.span.start, format!("fn {} : {ty}", f.name)));
        }
        values.push(f.name.clone());
    }
    shown.sort_by_key(|(at, _)| *at);
    let text: Vec<String> = shown.into_iter().map(|(_, t)| t).collect();
    crate::register_interface(module_name, iface);
    for imp in &mut st.defs {
        imp.values.retain(|u| !values.contains(&u.name));
        imp.types.retain(|u| !types.contains(&u.name));
    }
    st.defs
        .retain(|imp| !imp.values.is_empty() || !imp.types.is_empty());
    let unqualified = |names: Vec<String>| {
        names
            .into_iter()
            .map(|name| Unqualified {
                name,
                alias: None,
                span: 0..0,
            })
            .collect()
    };
    st.defs.push(Import {
        module: module_name.to_string(),
        module_span: 0..0,
        alias: module_name.to_string(),
        values: unqualified(values),
        types: unqualified(types),
        span: 0..0,
    });
    let mut lowerer = Lowerer::new(module_name, SHELL_FILE, input);
    let mut module = lowerer.module(&m);
    // eval(Bindings) -> {<<"fn double : fn(Int) -> Int">>, Bindings}.
    let sp = ir::Span::NONE;
    let body = ir::Expr::tuple(
        vec![
            ir::Expr::lit(Literal::Binary(text.join("\n").into_bytes()), sp),
            ir::Expr::var("Bindings", sp),
        ],
        sp,
    );
    module.exports.push(FunName::new("eval", 1));
    module.functions.push(ir::FunDef {
        name: FunName::new("eval", 1),
        fun: ir::Fun {
            params: vec!["Bindings".to_string()],
            body: Box::new(body),
            span: sp,
            name: None,
        },
    });
    ReplInput::Eval {
        module,
        bound_after: bound.to_vec(),
        style: ValueStyle::Gleam,
    }
}

/// `eval([Bound0, ...]) -> ..., {<<inspect(Last)/binary, " : Type">>, [New...]}`.
fn lower_shell(
    stmts: &[Stmt],
    src: &str,
    n_bound: usize,
    after: &[(String, String)],
    type_text: &str,
    module_name: &str,
) -> ir::Module {
    let sp = ir::Span::NONE;
    let mut lowerer = Lowerer::new(module_name, SHELL_FILE, src);
    let body = lowerer.block_then(stmts, |_, last| {
        let printed = ir::Expr::call("gleam_stdlib", "inspect", vec![last], sp);
        let seg = |value: ir::Expr| BinSegment {
            value,
            size: None,
            unit: 8,
            ty: BinType::Binary,
            signed: false,
            endian: Endian::Big,
            span: sp,
        };
        let text = ir::Expr::new(
            ir::ExprKind::Binary(vec![
                seg(printed),
                seg(ir::Expr::lit(
                    Literal::Binary(type_text.as_bytes().to_vec()),
                    sp,
                )),
            ]),
            sp,
        );
        let mut list = ir::Expr::lit(Literal::Nil, sp);
        for (_, var) in after.iter().rev() {
            list = ir::Expr::cons(ir::Expr::var(var.clone(), sp), list, sp);
        }
        ir::Expr::tuple(vec![text, list], sp)
    });
    let mut pat = ir::Pattern::Lit(Literal::Nil);
    for i in (0..n_bound).rev() {
        pat = ir::Pattern::Cons(
            Box::new(ir::Pattern::Var(format!("Bound{i}"))),
            Box::new(pat),
        );
    }
    let case = ir::Expr::new(
        ir::ExprKind::Case {
            arg: Box::new(ir::Expr::var("Bindings", sp)),
            clauses: vec![
                ir::Clause {
                    pats: vec![pat],
                    guard: None,
                    body,
                    span: sp,
                },
                ir::Clause {
                    pats: vec![ir::Pattern::Wildcard],
                    guard: None,
                    body: ir::Expr::match_fail(ir::Expr::atom("badarg", sp), sp),
                    span: sp,
                },
            ],
        },
        sp,
    );
    ir::Module {
        name: module_name.to_string(),
        file: SHELL_FILE.to_string(),
        exports: vec![FunName::new("eval", 1)],
        attributes: Vec::new(),
        functions: vec![ir::FunDef {
            name: FunName::new("eval", 1),
            fun: ir::Fun {
                params: vec!["Bindings".to_string()],
                body: Box::new(case),
                span: sp,
                name: None,
            },
        }],
        span: sp,
    }
}
