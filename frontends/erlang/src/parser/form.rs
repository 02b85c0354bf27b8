//! Forms: attributes and function definitions.

use chumsky::prelude::*;
use eubeam_ir::Diagnostic;

use super::expr::{atom, expr_parser, exprs_of, fun_clause};
use super::{eoi_span, finish, P};
use crate::ast::*;
use crate::lexer::Tok;

/// Attributes that are accepted and dropped: type-level declarations.
const IGNORED: &[&str] = &[
    "spec",
    "type",
    "opaque",
    "callback",
    "export_type",
    "optional_callbacks",
    "nominal",
];

/// Preprocessor directives (not supported yet).
const PREPROCESSOR: &[&str] = &[
    "define",
    "undef",
    "include",
    "include_lib",
    "ifdef",
    "ifndef",
    "else",
    "endif",
    "if",
    "elif",
    "error",
    "warning",
    "feature",
];

pub(super) fn parse_form(
    tokens: &[(Tok, SimpleSpan)],
    file: &str,
) -> Result<Form, Vec<Diagnostic>> {
    let span = match (tokens.first(), tokens.last()) {
        (Some((_, a)), Some((_, b))) => a.start..b.end,
        _ => 0..0,
    };
    if let [(Tok::Punct("-"), _), (name_tok, name_span), ..] = tokens {
        let name = match name_tok {
            Tok::Atom(a) => Some(a.as_str()),
            Tok::Punct("if") => Some("if"),
            _ => None,
        };
        if let Some(name) = name {
            if IGNORED.contains(&name) {
                return Ok(Form {
                    kind: FormKind::Ignored(name.to_string()),
                    span,
                });
            }
            if PREPROCESSOR.contains(&name) {
                return Err(vec![Diagnostic::unsupported(
                    file,
                    name_span.into_range(),
                    &format!("the preprocessor (-{name})"),
                )]);
            }
            if name == "record" {
                return Err(vec![Diagnostic::unsupported(file, span, "records")]);
            }
        }
    }
    let eoi = eoi_span(tokens);
    let (out, errs) = form_parser()
        .parse(tokens.split_token_span(eoi))
        .into_output_errors();
    let raw = finish(out, errs, file, eoi)?;
    match raw {
        Raw::Attribute(name, args) => attribute(name, args, span, file),
        Raw::Function(clauses) => function(clauses, span, file),
    }
}

enum Raw {
    Attribute((String, std::ops::Range<usize>), Vec<Expr>),
    Function(Vec<FunClause>),
}

fn form_parser<'t>() -> P<'t, Raw> {
    let expr = expr_parser();
    let exprs = exprs_of(expr.clone());
    let attribute = just(Tok::Punct("-"))
        .ignore_then(atom())
        .then(
            expr.clone()
                .separated_by(just(Tok::Punct(",")))
                .collect::<Vec<Expr>>()
                .delimited_by(just(Tok::Punct("(")), just(Tok::Punct(")"))),
        )
        .map(|(name, args)| Raw::Attribute(name, args));
    let function = fun_clause(atom(), expr, exprs)
        .separated_by(just(Tok::Punct(";")))
        .at_least(1)
        .collect::<Vec<FunClause>>()
        .map(Raw::Function);
    choice((attribute, function))
        .then_ignore(just(Tok::Dot))
        .then_ignore(end())
        .boxed()
}

fn bad_attribute(file: &str, span: std::ops::Range<usize>, name: &str) -> Vec<Diagnostic> {
    vec![
        Diagnostic::error(file, span.clone(), format!("bad attribute: -{name}"))
            .with_label(span, format!("malformed -{name} attribute")),
    ]
}

/// `[f/1, g/2]` as names and arities.
fn fun_list(e: &Expr) -> Option<Vec<(String, u32, Span)>> {
    let ExprKind::List(items, None) = &e.kind else {
        return None;
    };
    items
        .iter()
        .map(|item| match &item.kind {
            ExprKind::BinOp(BinOp::Fdiv, f, a) => match (&f.kind, &a.kind) {
                (ExprKind::Atom(f), ExprKind::Int(a)) => {
                    Some((f.clone(), u32::try_from(*a).ok()?, item.span.clone()))
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn attribute(
    (name, name_span): (String, std::ops::Range<usize>),
    mut args: Vec<Expr>,
    span: Span,
    file: &str,
) -> Result<Form, Vec<Diagnostic>> {
    let kind = match (name.as_str(), args.as_slice()) {
        ("module", [m]) => match &m.kind {
            ExprKind::Atom(a) => FormKind::Module(a.clone()),
            _ => return Err(bad_attribute(file, m.span.clone(), &name)),
        },
        ("export", [list]) => match fun_list(list) {
            Some(fs) => FormKind::Export(fs),
            None => return Err(bad_attribute(file, list.span.clone(), &name)),
        },
        ("import", [m, list]) => match (&m.kind, fun_list(list)) {
            (ExprKind::Atom(m), Some(fs)) => FormKind::Import(m.clone(), fs),
            _ => return Err(bad_attribute(file, span, &name)),
        },
        (_, [_]) => match args.pop() {
            Some(v) => FormKind::Attribute(name, v),
            None => return Err(bad_attribute(file, name_span, &name)),
        },
        _ => return Err(bad_attribute(file, name_span, &name)),
    };
    Ok(Form { kind, span })
}

fn function(clauses: Vec<FunClause>, span: Span, file: &str) -> Result<Form, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut head: Option<(String, u32)> = None;
    for c in &clauses {
        let Some((name, name_span)) = &c.name else {
            errors.push(
                Diagnostic::error(file, c.span.clone(), "syntax error before: '('").with_label(
                    c.span.start..c.span.start + 1,
                    "a function clause starts with the function's name",
                ),
            );
            continue;
        };
        let arity = u32::try_from(c.params.len()).unwrap_or(u32::MAX);
        match &head {
            None => head = Some((name.clone(), arity)),
            Some((n, a)) if n == name && *a == arity => {}
            Some(_) => errors.push(
                Diagnostic::error(file, name_span.clone(), "head mismatch").with_label(
                    name_span.clone(),
                    format!("this clause defines {name}/{arity}, not the function before it"),
                ),
            ),
        }
    }
    match head {
        Some((name, arity)) if errors.is_empty() => Ok(Form {
            kind: FormKind::Function(Function {
                name,
                arity,
                clauses,
            }),
            span,
        }),
        _ => Err(errors),
    }
}
