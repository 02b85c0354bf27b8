//! Parsing: tokens → forms.
//!
//! The token stream is first cut into forms at each `dot` token, as
//! `erl_parse` does; each form is then parsed on its own with chumsky. A
//! syntax error therefore never hides errors in later forms, and chumsky's
//! recovery inside a form (around bracketed groups) can report more than one
//! per form.

mod expr;
mod form;

use std::ops::Range;

use chumsky::input::MappedInput;
use chumsky::prelude::*;
use eubeam_ir::Diagnostic;

use crate::ast::{Expr, Form};
use crate::lexer::{self, Tok};

pub(crate) type In<'t> = MappedInput<'t, Tok, SimpleSpan, &'t [(Tok, SimpleSpan)]>;
pub(crate) type P<'t, O, R> = Boxed<'t, 't, In<'t>, O, extra::Err<R>>;

/// The error type a parser is built with. Parsing runs twice at most: first
/// with [`EmptyErr`], which records nothing (chumsky's bookkeeping of what
/// each failed alternative expected is most of the cost of parsing with
/// [`Rich`]), and only for a form that fails, again with [`Rich`] to report
/// what was expected. The grammar is the same code for both.
pub(crate) trait ParseError<'t>:
    chumsky::error::Error<'t, In<'t>>
    + chumsky::label::LabelError<'t, In<'t>, &'static str>
    + chumsky::label::LabelError<'t, In<'t>, chumsky::DefaultExpected<'t, Tok>>
    + 't
{
    fn custom(span: SimpleSpan, msg: &'static str) -> Self;
}

impl<'t> ParseError<'t> for Rich<'t, Tok, SimpleSpan> {
    fn custom(span: SimpleSpan, msg: &'static str) -> Self {
        Rich::custom(span, msg)
    }
}

impl<'t> ParseError<'t> for EmptyErr {
    fn custom(_span: SimpleSpan, _msg: &'static str) -> Self {
        EmptyErr::default()
    }
}

/// The outcome of lexing: tokens with chumsky spans, and lexer diagnostics.
pub struct Tokens {
    pub tokens: Vec<(Tok, SimpleSpan)>,
    pub diagnostics: Vec<Diagnostic>,
    /// The input ended inside a string, quoted atom or character literal.
    pub unterminated: bool,
}

pub fn tokenize(src: &str, file: &str) -> Tokens {
    let lexed = lexer::lex(src);
    let mut unterminated = false;
    let diagnostics = lexed
        .errors
        .into_iter()
        .map(|e| {
            unterminated |= e.at_eof;
            match e.message.strip_prefix("not supported yet: ") {
                Some(what) if e.unsupported => Diagnostic::unsupported(file, e.span, what),
                _ => {
                    let label = e.message.clone();
                    Diagnostic::error(file, e.span.clone(), e.message).with_label(e.span, label)
                }
            }
        })
        .collect();
    Tokens {
        tokens: lexed
            .tokens
            .into_iter()
            .map(|(t, r)| (t, SimpleSpan::from(r)))
            .collect(),
        diagnostics,
        unterminated,
    }
}

/// Cuts a token stream into forms, each ending with its `dot` (the last one
/// may lack it when the input ends early).
pub fn split_forms(tokens: &[(Tok, SimpleSpan)]) -> Vec<&[(Tok, SimpleSpan)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, (t, _)) in tokens.iter().enumerate() {
        if *t == Tok::Dot {
            out.push(&tokens[start..=i]);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(&tokens[start..]);
    }
    out
}

/// Brackets and blocks nested deeper than this are reported before parsing:
/// the parser's recursion (which grows the stack on demand) would otherwise
/// spend gigabytes on pathological input.
pub const MAX_NESTING: usize = 1_000;

/// The nesting check over one form's tokens.
fn check_nesting(tokens: &[(Tok, SimpleSpan)], file: &str) -> Result<(), Diagnostic> {
    let mut depth = 0usize;
    for (i, (t, span)) in tokens.iter().enumerate() {
        let opens = match t {
            Tok::Punct(
                "(" | "[" | "{" | "<<" | "begin" | "case" | "if" | "receive" | "try" | "maybe",
            ) => true,
            // `fun (...) -> ... end` and `fun Name(...)` have an `end`;
            // `fun f/1` does not.
            Tok::Punct("fun") => {
                matches!(
                    tokens.get(i + 1).map(|x| &x.0),
                    Some(Tok::Punct("(")) | Some(Tok::Var(_))
                ) && !matches!(tokens.get(i + 2).map(|x| &x.0), Some(Tok::Punct(":")))
            }
            _ => false,
        };
        if opens {
            depth += 1;
            if depth > MAX_NESTING {
                let r = span.into_range();
                return Err(Diagnostic::error(
                    file,
                    r.clone(),
                    format!("expression nested too deeply (more than {MAX_NESTING} levels)"),
                )
                .with_label(r, "nesting limit reached here"));
            }
        } else if matches!(t, Tok::Punct(")" | "]" | "}" | ">>" | "end")) {
            depth = depth.saturating_sub(1);
        }
    }
    Ok(())
}

/// Parses a whole file. Forms that fail to parse are left out of the result
/// and reported in the diagnostics.
pub fn parse_file(src: &str, file: &str) -> (Vec<Form>, Vec<Diagnostic>) {
    let toks = tokenize(src, file);
    let mut diagnostics = toks.diagnostics;
    let (tokens, pp_diags) = crate::preprocess::preprocess(toks.tokens, file, src);
    diagnostics.extend(pp_diags);
    let mut forms = Vec::new();
    let fast_parser = form::FormParser::new();
    for tokens in split_forms(&tokens) {
        if let Err(d) = check_nesting(tokens, file) {
            diagnostics.push(d);
            continue;
        }
        match form::parse_form(&fast_parser, tokens, file) {
            Ok(f) => forms.push(f),
            Err(ds) => diagnostics.extend(ds),
        }
    }
    (forms, diagnostics)
}

/// Parses `Expr, ..., Expr .` (shell input, one form).
pub fn parse_exprs(tokens: &[(Tok, SimpleSpan)], file: &str) -> Result<Vec<Expr>, Vec<Diagnostic>> {
    check_nesting(tokens, file).map_err(|d| vec![d])?;
    let eoi = eoi_span(tokens);
    let fast = expr::exprs_of(expr::expr_parser::<EmptyErr>())
        .then_ignore(just(Tok::Dot))
        .then_ignore(end());
    if let Ok(v) = fast.parse(tokens.split_token_span(eoi)).into_result() {
        return Ok(v);
    }
    let parser = expr::exprs_of(expr::expr_parser::<Rich<'_, Tok, SimpleSpan>>())
        .then_ignore(just(Tok::Dot))
        .then_ignore(end());
    let (out, errs) = parser
        .parse(tokens.split_token_span(eoi))
        .into_output_errors();
    finish(out, errs, file, eoi)
}

fn eoi_span(tokens: &[(Tok, SimpleSpan)]) -> SimpleSpan {
    let end = tokens.last().map_or(0, |(_, s)| s.end);
    // erlc points at the last token when the input ends too early.
    let start = tokens.last().map_or(0, |(_, s)| s.start);
    SimpleSpan::from(start..end)
}

fn finish<T>(
    out: Option<T>,
    errs: Vec<Rich<'_, Tok, SimpleSpan>>,
    file: &str,
    eoi: SimpleSpan,
) -> Result<T, Vec<Diagnostic>> {
    match out {
        Some(v) if errs.is_empty() => Ok(v),
        _ if errs.is_empty() => Err(vec![Diagnostic::error(
            file,
            eoi.into_range(),
            "syntax error",
        )]),
        _ => Err(errs
            .into_iter()
            .map(|e| to_diagnostic(e, file, eoi))
            .collect()),
    }
}

fn to_diagnostic(e: Rich<'_, Tok, SimpleSpan>, file: &str, eoi: SimpleSpan) -> Diagnostic {
    let mut span: Range<usize> = e.span().into_range();
    if e.found().is_none() && matches!(e.reason(), chumsky::error::RichReason::ExpectedFound { .. })
    {
        // At the end of the input, point at the last token, as erlc does.
        span = eoi.into_range();
    }
    match e.reason() {
        chumsky::error::RichReason::Custom(msg) => {
            Diagnostic::error(file, span.clone(), msg.clone()).with_label(span, msg.clone())
        }
        chumsky::error::RichReason::ExpectedFound { expected, found } => {
            let (what, label) = match found {
                Some(t) => (t.to_string(), format!("unexpected {}", **t)),
                None => (String::new(), "the input ends here".to_string()),
            };
            let mut expected: Vec<String> = expected
                .iter()
                .filter_map(|p| match p {
                    chumsky::error::RichPattern::Token(t) => Some((**t).to_string()),
                    chumsky::error::RichPattern::Label(l) => Some(l.to_string()),
                    chumsky::error::RichPattern::EndOfInput => Some("end of input".into()),
                    _ => None,
                })
                .collect();
            expected.sort();
            expected.dedup();
            let mut d =
                Diagnostic::error(file, span.clone(), format!("syntax error before: {what}"))
                    .with_label(span, label);
            if found.is_none() {
                d = d.with_note("every form and shell input ends with '.'");
            }
            if !expected.is_empty() {
                d = d.with_note(format!("expected {}", expected.join(", ")));
            }
            d
        }
    }
}

#[cfg(test)]
mod tests;
