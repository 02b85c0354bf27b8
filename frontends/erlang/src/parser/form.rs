//! Forms: attributes and function definitions.

use chumsky::prelude::*;
use eubeam_ir::Diagnostic;

use super::expr::{atom, expr_parser, exprs_of, fun_clause};
use super::{eoi_span, finish, ParseError, P};
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
    "feature",
];

/// Preprocessor directives: the preprocessor removes them from files, so
/// they reach the parser only from shell input.
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
];

/// The fast form parser (see [`ParseError`]), built once per file: building
/// chumsky's combinator tree costs more than parsing a typical form.
pub(super) struct FormParser<'t>(P<'t, Raw, EmptyErr>);

impl<'t> FormParser<'t> {
    pub(super) fn new() -> Self {
        FormParser(form_parser())
    }
}

pub(super) fn parse_form<'t>(
    fast_parser: &FormParser<'t>,
    tokens: &'t [(Tok, SimpleSpan)],
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
        }
    }
    let stripped;
    let (tokens, fast) = match record_types_stripped(tokens) {
        Some(t) => {
            stripped = t;
            let eoi = eoi_span(&stripped);
            let fast = form_parser::<EmptyErr>()
                .parse(stripped.split_token_span(eoi))
                .into_result();
            (&stripped[..], fast)
        }
        None => {
            let eoi = eoi_span(tokens);
            let fast = fast_parser
                .0
                .parse(tokens.split_token_span(eoi))
                .into_result();
            (tokens, fast)
        }
    };
    let eoi = eoi_span(tokens);
    let raw = match fast {
        Ok(raw) => raw,
        Err(_) => {
            let (out, errs) = form_parser::<Rich<'_, Tok, SimpleSpan>>()
                .parse(tokens.split_token_span(eoi))
                .into_output_errors();
            finish(out, errs, file, eoi)?
        }
    };
    match raw {
        Raw::Attribute(name, args) => attribute(name, args, span, file),
        Raw::Function(clauses) => function(clauses, span, file),
    }
}

/// For `-record(name, {f = D :: T, ...}).`: the tokens without the `:: T`
/// field types (they are dropped, like `-type`), so that the rest parses as
/// an ordinary attribute whose value is a tuple of `f` and `f = D`.
fn record_types_stripped(tokens: &[(Tok, SimpleSpan)]) -> Option<Vec<(Tok, SimpleSpan)>> {
    match tokens {
        [(Tok::Punct("-"), _), (Tok::Atom(r), _), (Tok::Punct("("), _), ..] if r == "record" => {}
        _ => return None,
    }
    let mut out = Vec::with_capacity(tokens.len());
    // Depth 2 is inside the field tuple: `-record(` is 1, `{` is 2.
    let mut depth = 0usize;
    let mut skipping = false;
    for (t, s) in tokens {
        let opens = matches!(t, Tok::Punct("(" | "[" | "{" | "<<"));
        let closes = matches!(t, Tok::Punct(")" | "]" | "}" | ">>"));
        if closes {
            depth = depth.saturating_sub(1);
            if depth < 2 {
                skipping = false;
            }
        }
        if depth == 2 && *t == Tok::Punct(",") {
            skipping = false;
        }
        if depth == 2 && *t == Tok::Punct("::") {
            skipping = true;
        }
        if !skipping {
            out.push((t.clone(), *s));
        }
        if opens {
            depth += 1;
        }
    }
    Some(out)
}

enum Raw {
    Attribute((String, std::ops::Range<usize>), Vec<Expr>),
    Function(Vec<FunClause>),
}

fn form_parser<'t, R: ParseError<'t>>() -> P<'t, Raw, R> {
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

/// `{a, b = Default}` as record field definitions.
fn record_fields(e: &Expr) -> Option<Vec<RecordFieldDef>> {
    let ExprKind::Tuple(items) = &e.kind else {
        return None;
    };
    items
        .iter()
        .map(|item| match &item.kind {
            ExprKind::Atom(f) => Some(RecordFieldDef {
                name: f.clone(),
                default: None,
                span: item.span.clone(),
            }),
            ExprKind::Match(f, d) => match &f.kind {
                ExprKind::Atom(f) => Some(RecordFieldDef {
                    name: f.clone(),
                    default: Some((**d).clone()),
                    span: item.span.clone(),
                }),
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
        ("record", [n, fields]) => match (&n.kind, record_fields(fields)) {
            (ExprKind::Atom(n), Some(fields)) => FormKind::Record(RecordDef {
                name: n.clone(),
                fields,
            }),
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
