//! The expression grammar, following `erl_parse.yrl`'s precedence levels:
//! `catch` < `=` `!` (right) < `orelse` < `andalso` < comparison (non-assoc)
//! < `++` `--` (right) < additive (left) < multiplicative (left) < unary
//! < `#` < `:`.
//!
//! Operator chains are folded iteratively (`foldl`/`foldr` over repeated
//! operands), so only bracket nesting recurses, and chumsky's `recursive`
//! grows the stack on demand for that.

use chumsky::prelude::*;

use super::{In, ParseError, P};
use crate::ast::*;
use crate::lexer::Tok;

fn punct<'t, R: ParseError<'t>>(
    p: &'static str,
) -> impl Parser<'t, In<'t>, Tok, extra::Err<R>> + Clone {
    just(Tok::Punct(p))
}

fn range(s: SimpleSpan) -> Span {
    s.into_range()
}

fn join(a: &Span, b: &Span) -> Span {
    a.start..b.end
}

pub(super) fn var<'t, R: ParseError<'t>>() -> P<'t, (String, Span), R> {
    select! { Tok::Var(v) = e => (v, range(e.span())) }
        .labelled("variable")
        .boxed()
}

pub(super) fn atom<'t, R: ParseError<'t>>() -> P<'t, (String, Span), R> {
    select! { Tok::Atom(a) = e => (a, range(e.span())) }
        .labelled("atom")
        .boxed()
}

pub(super) fn integer<'t, R: ParseError<'t>>() -> P<'t, i64, R> {
    select! { Tok::Int(i) => i }.labelled("integer").boxed()
}

/// Skips a balanced token group opened by one of `( [ { <<` and returns its span.
/// Used to consume constructs that are reported as not supported yet.
pub(super) fn token_tree<'t, R: ParseError<'t>>() -> P<'t, Span, R> {
    recursive(|tt| {
        let group = |open: &'static str, close: &'static str| {
            punct(open)
                .ignore_then(tt.clone().repeated())
                .then_ignore(punct(close))
                .ignored()
        };
        let closers = [")", "]", "}", ">>"].map(Tok::Punct);
        choice((
            group("(", ")"),
            group("[", "]"),
            group("{", "}"),
            group("<<", ">>"),
            any()
                .filter(move |t: &Tok| {
                    !closers.contains(t)
                        && !matches!(t, Tok::Punct("(" | "[" | "{" | "<<") | Tok::Dot)
                })
                .ignored(),
        ))
        .map_with(|(), e| range(e.span()))
    })
    .boxed()
}

fn unsupported(what: &'static str) -> impl Fn(Span) -> Expr + Clone {
    move |span| Expr::new(ExprKind::Unsupported(what), span)
}

/// `#{K => V, K := V}` (a map; the base is filled in by the caller for an
/// update `M#{...}`), `#name{f = V, ...}` (a record; the base likewise)
/// and `#name.field` (a field index, or with a base a field access).
fn hash_construct<'t, R: ParseError<'t>>(expr: P<'t, Expr, R>) -> P<'t, Expr, R> {
    let field = expr
        .clone()
        .then(select! { Tok::Punct("=>") => false, Tok::Punct(":=") => true })
        .then(expr.clone())
        .map_with(|((key, exact), value), e| MapField {
            key,
            value,
            exact,
            span: range(e.span()),
        });
    let map = punct("#")
        .ignore_then(
            field
                .separated_by(punct(","))
                .collect::<Vec<MapField>>()
                .delimited_by(punct("{"), punct("}")),
        )
        .map_with(|fields, e| Expr::new(ExprKind::Map(None, fields), range(e.span())));
    let field_name = choice((
        atom().map(|(a, _)| a),
        select! { Tok::Var(v) if v == "_" => v },
    ));
    let init = field_name
        .then_ignore(punct("="))
        .then(expr)
        .map_with(|(field, value), e| RecordFieldInit {
            field,
            value,
            span: range(e.span()),
        });
    let record = punct("#")
        .ignore_then(atom())
        .then(choice((
            init.separated_by(punct(","))
                .collect::<Vec<RecordFieldInit>>()
                .delimited_by(punct("{"), punct("}"))
                .map(Ok),
            punct(".").ignore_then(atom()).map(|(f, _)| Err(f)),
        )))
        .map_with(|((name, _), rest), e| {
            let kind = match rest {
                Ok(fields) => ExprKind::Record {
                    base: None,
                    name,
                    fields,
                },
                Err(field) => ExprKind::RecordIndex { name, field },
            };
            Expr::new(kind, range(e.span()))
        });
    choice((map, record)).boxed()
}

/// The expression parser. Built with `recursive(|expr| ..)`, whose handle
/// inside the closure is a weak reference: with `Recursive::declare` and
/// `define`, the parser would hold strong references to itself and every
/// parse would leak the whole parser graph (found by the fuzzer).
pub(super) fn expr_parser<'t, R: ParseError<'t>>() -> P<'t, Expr, R> {
    recursive(|expr| {
        let expr = expr.boxed();
        let exprs = expr
            .clone()
            .separated_by(punct(","))
            .at_least(1)
            .collect::<Vec<Expr>>()
            .boxed();
        let prim = primary(expr.clone(), exprs);
        operators(prim, expr)
    })
    .boxed()
}

/// `Exprs` separated by `,`.
pub(super) fn exprs_of<'t, R: ParseError<'t>>(expr: P<'t, Expr, R>) -> P<'t, Vec<Expr>, R> {
    expr.separated_by(punct(","))
        .at_least(1)
        .collect::<Vec<Expr>>()
        .boxed()
}

/// `G1 ; G2`, each a `,`-separated list of tests.
pub(super) fn guard_of<'t, R: ParseError<'t>>(expr: P<'t, Expr, R>) -> P<'t, Guard, R> {
    exprs_of(expr)
        .separated_by(punct(";"))
        .at_least(1)
        .collect::<Vec<Vec<Expr>>>()
        .boxed()
}

fn when_guard<'t, R: ParseError<'t>>(expr: P<'t, Expr, R>) -> P<'t, Guard, R> {
    punct("when")
        .ignore_then(guard_of(expr))
        .or_not()
        .map(Option::unwrap_or_default)
        .boxed()
}

/// `Head (when Guard)? -> Body`, clauses separated by `;`.
fn cr_clauses<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
) -> P<'t, Vec<Clause>, R> {
    expr.clone()
        .then(when_guard(expr))
        .then_ignore(punct("->"))
        .then(exprs)
        .map_with(|((pattern, guard), body), e| Clause {
            pattern,
            guard,
            body,
            span: range(e.span()),
        })
        .separated_by(punct(";"))
        .at_least(1)
        .collect::<Vec<Clause>>()
        .boxed()
}

/// `(Params) when Guard -> Body` with an optional leading name (named funs).
pub(super) fn fun_clause<'t, R: ParseError<'t>>(
    name: P<'t, (String, Span), R>,
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
) -> P<'t, FunClause, R> {
    let params = expr
        .clone()
        .separated_by(punct(","))
        .collect::<Vec<Expr>>()
        .delimited_by(punct("("), punct(")"));
    name.or_not()
        .then(params)
        .then(when_guard(expr))
        .then_ignore(punct("->"))
        .then(exprs)
        .map_with(|(((name, params), guard), body), e| FunClause {
            name,
            params,
            guard,
            body,
            span: range(e.span()),
        })
        .boxed()
}

fn primary<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
) -> P<'t, Expr, R> {
    recursive(|prim_self| primary_of(expr, exprs, prim_self.boxed())).boxed()
}

/// `<< >>`, `<< E1, E2 >>`, `<< E || Qualifiers >>`. An element is
/// `PrefixOp? Primary (':' Primary)? ('/' Type ('-' Type)*)?` where a type
/// is an atom or `unit:N` (erl_parse's `bin_element`).
fn binary_expr<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    prim: P<'t, Expr, R>,
) -> P<'t, Expr, R> {
    let prefix = select! {
        Tok::Punct("+") => UnOp::Plus,
        Tok::Punct("-") => UnOp::Neg,
        Tok::Punct("bnot") => UnOp::Bnot,
        Tok::Punct("not") => UnOp::Not,
    }
    .map_with(|op, e| (op, range(e.span())));
    let value = prefix.or_not().then(prim.clone()).map(|(op, x)| match op {
        Some((op, s)) => {
            let span = s.start..x.span.end;
            Expr::new(ExprKind::UnOp(op, Box::new(x)), span)
        }
        None => x,
    });
    let ty = atom()
        .then(punct(":").ignore_then(integer()).or_not())
        .map(|((name, span), unit)| (name, unit, span));
    let types = punct("/")
        .ignore_then(ty.separated_by(punct("-")).at_least(1).collect::<Vec<_>>())
        .or_not()
        .map(Option::unwrap_or_default);
    let elem = value
        .then(punct(":").ignore_then(prim).or_not())
        .then(types)
        .map_with(|((value, size), types), e| BinElem {
            value,
            size,
            types,
            span: range(e.span()),
        });
    let elems = elem
        .separated_by(punct(","))
        .at_least(1)
        .collect::<Vec<BinElem>>()
        .map(Ok);
    let comp = expr
        .clone()
        .then_ignore(punct("||"))
        .then(qualifiers(expr))
        .map(Err);
    punct("<<")
        .ignore_then(choice((comp, elems)).or_not())
        .then_ignore(punct(">>"))
        .map_with(|body, e| {
            let span = range(e.span());
            match body {
                None => Expr::new(ExprKind::Binary(Vec::new()), span),
                Some(Ok(elems)) => Expr::new(ExprKind::Binary(elems), span),
                Some(Err((x, quals))) => Expr::new(ExprKind::BinComp(Box::new(x), quals), span),
            }
        })
        .boxed()
}

/// Comprehension qualifiers: `P <- List`, `P <= Binary`, filters.
fn qualifiers<'t, R: ParseError<'t>>(expr: P<'t, Expr, R>) -> P<'t, Vec<Qualifier>, R> {
    expr.clone()
        .then(
            choice((
                punct("<-").ignore_then(expr.clone()).map(|x| (true, x)),
                punct("<=").ignore_then(expr.clone()).map(|x| (false, x)),
            ))
            .or_not(),
        )
        .map(|(lhs, rhs)| match rhs {
            None => Qualifier::Filter(lhs),
            Some((true, list)) => Qualifier::Generator(lhs, list),
            Some((false, bin)) => Qualifier::BinGenerator(lhs, bin),
        })
        .separated_by(punct(","))
        .at_least(1)
        .collect::<Vec<Qualifier>>()
        .boxed()
}

fn primary_of<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
    prim_self: P<'t, Expr, R>,
) -> P<'t, Expr, R> {
    let atomic = choice((
        var().map(|(v, s)| Expr::new(ExprKind::Var(v), s)),
        atom().map(|(a, s)| Expr::new(ExprKind::Atom(a), s)),
        select! { Tok::Int(i) => ExprKind::Int(i), Tok::BigInt(d) => ExprKind::BigInt(d), Tok::Char(c) => ExprKind::Char(c),
        Tok::Float(x) => ExprKind::Float(x) }
        .map_with(|k, e| Expr::new(k, range(e.span()))),
        select! { Tok::Str(s) => s }
            .repeated()
            .at_least(1)
            .collect::<Vec<String>>()
            .map_with(|parts, e| Expr::new(ExprKind::Str(parts.concat()), range(e.span()))),
    ))
    .boxed();

    let paren = expr
        .clone()
        .delimited_by(punct("("), punct(")"))
        .recover_with(via_parser(nested_delimiters(
            Tok::Punct("("),
            Tok::Punct(")"),
            [
                (Tok::Punct("["), Tok::Punct("]")),
                (Tok::Punct("{"), Tok::Punct("}")),
            ],
            |s: SimpleSpan| Expr::new(ExprKind::Error, s.into_range()),
        )))
        .boxed();

    let tuple = expr
        .clone()
        .separated_by(punct(","))
        .collect::<Vec<Expr>>()
        .delimited_by(punct("{"), punct("}"))
        .map_with(|items, e| Expr::new(ExprKind::Tuple(items), range(e.span())))
        .recover_with(via_parser(nested_delimiters(
            Tok::Punct("{"),
            Tok::Punct("}"),
            [
                (Tok::Punct("("), Tok::Punct(")")),
                (Tok::Punct("["), Tok::Punct("]")),
            ],
            |s: SimpleSpan| Expr::new(ExprKind::Error, s.into_range()),
        )))
        .boxed();

    let block = punct("begin")
        .ignore_then(exprs.clone())
        .then_ignore(punct("end"))
        .map_with(|body, e| Expr::new(ExprKind::Block(body), range(e.span())))
        .boxed();

    let binary = binary_expr(expr.clone(), prim_self.clone());

    let macro_use = punct("?")
        .then(choice((var().ignored(), atom().ignored())))
        .then(
            punct("(")
                .then(token_tree().repeated())
                .then(punct(")"))
                .or_not(),
        )
        .map_with(|_, e| unsupported("macros (the preprocessor)")(range(e.span())))
        .boxed();

    choice((
        atomic,
        list(expr.clone(), exprs.clone()),
        tuple,
        paren,
        block,
        case_expr(expr.clone(), exprs.clone()),
        if_expr(expr.clone(), exprs.clone()),
        receive_expr(expr.clone(), exprs.clone()),
        fun_expr(expr.clone(), exprs.clone()),
        try_expr(expr.clone(), exprs.clone()),
        maybe_expr(expr.clone(), exprs.clone()),
        hash_construct(expr.clone()),
        binary,
        macro_use,
    ))
    .labelled("expression")
    .boxed()
}

fn list<'t, R: ParseError<'t>>(expr: P<'t, Expr, R>, exprs: P<'t, Vec<Expr>, R>) -> P<'t, Expr, R> {
    let comprehension = punct("||").ignore_then(qualifiers(expr.clone())).map(Ok);
    let items = punct(",")
        .ignore_then(expr.clone())
        .repeated()
        .collect::<Vec<Expr>>()
        .then(punct("|").ignore_then(expr.clone()).or_not())
        .map(Err);
    let nonempty = expr
        .clone()
        .then(choice((comprehension, items)))
        .delimited_by(punct("["), punct("]"))
        .map_with(|(first, rest), e| {
            let span = range(e.span());
            match rest {
                Ok(quals) => Expr::new(ExprKind::ListComp(Box::new(first), quals), span),
                Err((more, tail)) => {
                    let mut items = vec![first];
                    items.extend(more);
                    Expr::new(ExprKind::List(items, tail.map(Box::new)), span)
                }
            }
        });
    let nil = punct("[")
        .then(punct("]"))
        .map_with(|_, e| Expr::new(ExprKind::List(Vec::new(), None), range(e.span())));
    let _ = exprs;
    choice((nil, nonempty))
        .recover_with(via_parser(nested_delimiters(
            Tok::Punct("["),
            Tok::Punct("]"),
            [
                (Tok::Punct("("), Tok::Punct(")")),
                (Tok::Punct("{"), Tok::Punct("}")),
            ],
            |s: SimpleSpan| Expr::new(ExprKind::Error, s.into_range()),
        )))
        .boxed()
}

fn case_expr<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
) -> P<'t, Expr, R> {
    punct("case")
        .ignore_then(expr.clone())
        .then_ignore(punct("of"))
        .then(cr_clauses(expr, exprs))
        .then_ignore(punct("end"))
        .map_with(|(arg, clauses), e| {
            Expr::new(ExprKind::Case(Box::new(arg), clauses), range(e.span()))
        })
        .boxed()
}

fn if_expr<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
) -> P<'t, Expr, R> {
    let clause = guard_of(expr)
        .then_ignore(punct("->"))
        .then(exprs)
        .map_with(|(guard, body), e| IfClause {
            guard,
            body,
            span: range(e.span()),
        });
    punct("if")
        .ignore_then(
            clause
                .separated_by(punct(";"))
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .then_ignore(punct("end"))
        .map_with(|clauses, e| Expr::new(ExprKind::If(clauses), range(e.span())))
        .boxed()
}

/// `maybe E, P ?= E, ... [else Clauses] end` (OTP 25 with
/// `-feature(maybe_expr, enable)`; the preprocessor makes `maybe` and
/// `else` keywords). Desugared here into nested `case`s (see
/// [`desugar_maybe`]), so nothing after the parser knows about it.
fn maybe_expr<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
) -> P<'t, Expr, R> {
    let item = expr
        .clone()
        .then(punct("?=").ignore_then(expr.clone()).or_not());
    punct("maybe")
        .ignore_then(
            item.separated_by(punct(","))
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .then(punct("else").ignore_then(cr_clauses(expr, exprs)).or_not())
        .then_ignore(punct("end"))
        .map_with(|(items, els), e| desugar_maybe(items, els, range(e.span())))
        .boxed()
}

/// `maybe` as `case`s: `P ?= E, Rest` is `case E of P -> Rest; V -> Fail(V)
/// end` (a last `P ?= E` gives E's value), where `Fail(V)` is `V` without
/// `else`, and otherwise `case V of ElseClauses; V' ->
/// erlang:error({else_clause, V'}) end`. The variables introduced are
/// named `_@maybeN` after the position of their `?=`, which no source
/// variable can be.
fn desugar_maybe(items: Vec<(Expr, Option<Expr>)>, els: Option<Vec<Clause>>, span: Span) -> Expr {
    let mk = |kind: ExprKind, span: &Span| Expr::new(kind, span.clone());
    let var =
        |tag: &str, span: &Span| mk(ExprKind::Var(format!("_@maybe{tag}{}", span.start)), span);
    let clause = |pattern: Expr, body: Vec<Expr>| Clause {
        span: pattern.span.clone(),
        pattern,
        guard: Vec::new(),
        body,
    };
    let fail = |v: Expr| -> Expr {
        let Some(cs) = &els else { return v };
        // The failure is reported at the `maybe`, as erl does.
        let sp = span.clone();
        let other = var("e", &sp);
        let remote = mk(
            ExprKind::Remote(
                Box::new(mk(ExprKind::Atom("erlang".into()), &sp)),
                Box::new(mk(ExprKind::Atom("error".into()), &sp)),
            ),
            &sp,
        );
        let reason = mk(
            ExprKind::Tuple(vec![
                mk(ExprKind::Atom("else_clause".into()), &sp),
                other.clone(),
            ]),
            &sp,
        );
        let mut clauses = cs.clone();
        clauses.push(clause(
            other,
            vec![mk(ExprKind::Call(Box::new(remote), vec![reason]), &sp)],
        ));
        mk(ExprKind::Case(Box::new(v), clauses), &sp)
    };
    let fail = &fail;
    let mut rest: Vec<Expr> = Vec::new();
    for (lhs, rhs) in items.into_iter().rev() {
        let Some(value) = rhs else {
            rest.insert(0, lhs);
            continue;
        };
        let sp = lhs.span.start..value.span.end;
        let (pattern, ok_body) = if rest.is_empty() {
            let whole = var("v", &lhs.span);
            let alias = mk(ExprKind::Match(Box::new(lhs), Box::new(whole.clone())), &sp);
            (alias, vec![whole])
        } else {
            (lhs, std::mem::take(&mut rest))
        };
        let failed = var("f", &sp);
        let case = mk(
            ExprKind::Case(
                Box::new(value),
                vec![
                    clause(pattern, ok_body),
                    clause(failed.clone(), vec![fail(failed)]),
                ],
            ),
            &sp,
        );
        rest = vec![case];
    }
    if rest.len() == 1 {
        rest.pop().unwrap_or_else(|| mk(ExprKind::Error, &span))
    } else {
        mk(ExprKind::Block(rest), &span)
    }
}

fn receive_expr<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
) -> P<'t, Expr, R> {
    let after = punct("after")
        .ignore_then(expr.clone())
        .then_ignore(punct("->"))
        .then(exprs.clone())
        .map(|(t, body)| (Box::new(t), body));
    punct("receive")
        .ignore_then(choice((
            after.clone().map(|a| (Vec::new(), Some(a))),
            cr_clauses(expr, exprs).then(after.or_not()),
        )))
        .then_ignore(punct("end"))
        .map_with(|(clauses, after), e| {
            Expr::new(ExprKind::Receive(clauses, after), range(e.span()))
        })
        .boxed()
}

fn fun_expr<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
) -> P<'t, Expr, R> {
    let local_ref =
        atom()
            .then_ignore(punct("/"))
            .then(integer())
            .map_with(|((name, _), arity), e| {
                let span = range(e.span());
                match u32::try_from(arity) {
                    Ok(a) => Expr::new(ExprKind::FunRef(name, a), span),
                    Err(_) => Expr::new(ExprKind::Error, span),
                }
            });
    let part = choice((
        var().map(|(v, s)| Expr::new(ExprKind::Var(v), s)),
        atom().map(|(a, s)| Expr::new(ExprKind::Atom(a), s)),
    ));
    let arity = choice((
        var().map(|(v, s)| Expr::new(ExprKind::Var(v), s)),
        select! { Tok::Int(i) = e => Expr::new(ExprKind::Int(i), range(e.span())) },
    ));
    let remote_ref = part
        .clone()
        .then_ignore(punct(":"))
        .then(part)
        .then_ignore(punct("/"))
        .then(arity)
        .map_with(|((m, f), a), e| {
            Expr::new(
                ExprKind::RemoteFunRef(Box::new(m), Box::new(f), Box::new(a)),
                range(e.span()),
            )
        });
    let clauses = fun_clause(var(), expr, exprs)
        .separated_by(punct(";"))
        .at_least(1)
        .collect::<Vec<FunClause>>()
        .then_ignore(punct("end"))
        .map_with(|clauses, e| Expr::new(ExprKind::Fun(clauses), range(e.span())));
    punct("fun")
        .ignore_then(choice((remote_ref, local_ref, clauses)))
        .map_with(|mut f, e| {
            // The span of a fun includes its `fun` keyword.
            f.span = range(e.span());
            f
        })
        .boxed()
}

/// Takes `Class:Reason:Stack` apart. The head parses as an expression in
/// which `C:R` is a remote name and `=` binds loosest: `C:P = V` is
/// `(C:P) = V`, and `C:P = V:S` is `(C:P) = (V:S)`.
fn split_catch_head(
    head: Expr,
    stack: Option<(String, Span)>,
) -> (Option<Expr>, Expr, Option<Expr>) {
    let mut stack = stack.map(|(v, s)| Expr::new(ExprKind::Var(v), s));
    match head.kind {
        ExprKind::Remote(c, r) => (Some(*c), *r, stack),
        ExprKind::Match(l, rhs) => {
            let (class, lhs) = match l.kind {
                ExprKind::Remote(c, r) => (Some(*c), *r),
                kind => (None, Expr::new(kind, l.span)),
            };
            let rhs = match rhs.kind {
                ExprKind::Remote(v, st) if stack.is_none() && class.is_some() => {
                    stack = Some(*st);
                    *v
                }
                kind => Expr::new(kind, rhs.span),
            };
            let span = lhs.span.start..rhs.span.end;
            (
                class,
                Expr::new(ExprKind::Match(Box::new(lhs), Box::new(rhs)), span),
                stack,
            )
        }
        kind => (None, Expr::new(kind, head.span), stack),
    }
}

fn try_expr<'t, R: ParseError<'t>>(
    expr: P<'t, Expr, R>,
    exprs: P<'t, Vec<Expr>, R>,
) -> P<'t, Expr, R> {
    // `Class:Reason:Stack`: the head parses as an expression, in which
    // `Class:Reason` reads as a remote name; it is taken apart here.
    let catch_clause = expr
        .clone()
        .then(punct(":").ignore_then(var()).or_not())
        .then(when_guard(expr.clone()))
        .then_ignore(punct("->"))
        .then(exprs.clone())
        .map_with(|(((head, stack), guard), body), e| {
            let (class, reason, stack) = split_catch_head(head, stack);
            CatchClause {
                class,
                reason,
                stack,
                guard,
                body,
                span: range(e.span()),
            }
        });
    let catches = punct("catch")
        .ignore_then(
            catch_clause
                .separated_by(punct(";"))
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .or_not()
        .map(Option::unwrap_or_default);
    let after = punct("after")
        .ignore_then(exprs.clone())
        .or_not()
        .map(Option::unwrap_or_default);
    punct("try")
        .ignore_then(exprs.clone())
        .then(
            punct("of")
                .ignore_then(cr_clauses(expr, exprs))
                .or_not()
                .map(Option::unwrap_or_default),
        )
        .then(catches)
        .then(after)
        .then_ignore(punct("end"))
        .try_map(|(((body, of), catches), after), span: SimpleSpan| {
            if catches.is_empty() && after.is_empty() {
                Err(R::custom(
                    span,
                    "syntax error: 'try' needs a 'catch' or an 'after' section",
                ))
            } else {
                Ok(Expr::new(
                    ExprKind::Try {
                        body,
                        of,
                        catches,
                        after,
                    },
                    span.into_range(),
                ))
            }
        })
        .boxed()
}

fn binop<'t, R: ParseError<'t>>(table: &'static [(&'static str, BinOp)]) -> P<'t, BinOp, R> {
    choice(
        table
            .iter()
            .map(|(s, op)| just(Tok::Punct(s)).to(*op))
            .collect::<Vec<_>>(),
    )
    .boxed()
}

const MULT: &[(&str, BinOp)] = &[
    ("*", BinOp::Mul),
    ("/", BinOp::Fdiv),
    ("div", BinOp::Div),
    ("rem", BinOp::Rem),
    ("band", BinOp::Band),
    ("and", BinOp::And),
];
const ADD: &[(&str, BinOp)] = &[
    ("+", BinOp::Add),
    ("-", BinOp::Sub),
    ("bor", BinOp::Bor),
    ("bxor", BinOp::Bxor),
    ("bsl", BinOp::Bsl),
    ("bsr", BinOp::Bsr),
    ("or", BinOp::Or),
    ("xor", BinOp::Xor),
];
const LIST: &[(&str, BinOp)] = &[("++", BinOp::Append), ("--", BinOp::Subtract)];
const COMP: &[(&str, BinOp)] = &[
    ("==", BinOp::Eq),
    ("/=", BinOp::Ne),
    ("=:=", BinOp::ExactEq),
    ("=/=", BinOp::ExactNe),
    ("<", BinOp::Lt),
    ("=<", BinOp::Le),
    (">", BinOp::Gt),
    (">=", BinOp::Ge),
];

fn bin(op: BinOp, l: Expr, r: Expr) -> Expr {
    let span = join(&l.span, &r.span);
    Expr::new(ExprKind::BinOp(op, Box::new(l), Box::new(r)), span)
}

/// Left-associative level: `operand (op operand)*`.
fn left<'t, R: ParseError<'t>>(
    operand: P<'t, Expr, R>,
    ops: &'static [(&'static str, BinOp)],
) -> P<'t, Expr, R> {
    operand
        .clone()
        .foldl(binop(ops).then(operand).repeated(), |l, (op, r)| {
            bin(op, l, r)
        })
        .boxed()
}

/// Right-associative level: `operand (op operand)*`, folded from the right.
/// Each operand is parsed once: re-parsing the last operand after a failed
/// operator would make nesting exponential.
fn right<'t, R: ParseError<'t>>(operand: P<'t, Expr, R>, ops: P<'t, BinOp, R>) -> P<'t, Expr, R> {
    operand
        .clone()
        .then(ops.then(operand).repeated().collect::<Vec<(BinOp, Expr)>>())
        .map(|(first, rest)| fold_right(first, rest, bin))
        .boxed()
}

/// `a op1 b op2 c` → `a op1 (b op2 c)`, iteratively.
fn fold_right<O>(first: Expr, rest: Vec<(O, Expr)>, f: impl Fn(O, Expr, Expr) -> Expr) -> Expr {
    let mut operands = vec![first];
    let mut ops = Vec::with_capacity(rest.len());
    for (op, e) in rest {
        ops.push(op);
        operands.push(e);
    }
    let mut acc = match operands.pop() {
        Some(last) => last,
        None => return Expr::new(ExprKind::Error, 0..0),
    };
    while let (Some(op), Some(l)) = (ops.pop(), operands.pop()) {
        acc = f(op, l, acc);
    }
    acc
}

fn operators<'t, R: ParseError<'t>>(prim: P<'t, Expr, R>, expr: P<'t, Expr, R>) -> P<'t, Expr, R> {
    // expr_800: `M:F`.
    let remote = prim
        .clone()
        .then(punct(":").ignore_then(prim).or_not())
        .map(|(m, f)| match f {
            None => m,
            Some(f) => {
                let span = join(&m.span, &f.span);
                Expr::new(ExprKind::Remote(Box::new(m), Box::new(f)), span)
            }
        })
        .boxed();
    // expr_700: calls, map updates, record suffixes (not supported yet).
    let args = expr
        .clone()
        .separated_by(punct(","))
        .collect::<Vec<Expr>>()
        .delimited_by(punct("("), punct(")"))
        .map_with(|args, e| (args, range(e.span())));
    let suffix = choice((args.map(Ok), hash_construct(expr.clone()).map(Err)));
    let call = remote
        .foldl(suffix.repeated(), |f, s| match s {
            Ok((args, aspan)) => {
                let span = f.span.start..aspan.end;
                Expr::new(ExprKind::Call(Box::new(f), args), span)
            }
            // `Base#{...}`, `Base#r{...}`, `Base#r.f`.
            Err(Expr { kind, span: sspan }) => {
                let span = f.span.start..sspan.end;
                let kind = match kind {
                    ExprKind::Map(None, fields) => ExprKind::Map(Some(Box::new(f)), fields),
                    ExprKind::Record {
                        base: None,
                        name,
                        fields,
                    } => ExprKind::Record {
                        base: Some(Box::new(f)),
                        name,
                        fields,
                    },
                    ExprKind::RecordIndex { name, field } => ExprKind::RecordField {
                        base: Box::new(f),
                        name,
                        field,
                    },
                    other => other,
                };
                Expr::new(kind, span)
            }
        })
        .boxed();
    // expr_600: prefix operators.
    let prefix = select! {
        Tok::Punct("+") => UnOp::Plus,
        Tok::Punct("-") => UnOp::Neg,
        Tok::Punct("bnot") => UnOp::Bnot,
        Tok::Punct("not") => UnOp::Not,
    }
    .map_with(|op, e| (op, range(e.span())));
    let unary = prefix
        .repeated()
        .foldr(call, |(op, s), x| {
            let span = s.start..x.span.end;
            Expr::new(ExprKind::UnOp(op, Box::new(x)), span)
        })
        .boxed();
    let mult = left(unary, MULT);
    let add = left(mult, ADD);
    let list = right(add, binop(LIST));
    let comp = list
        .clone()
        .then(binop(COMP).then(list).or_not())
        .map(|(l, r)| match r {
            None => l,
            Some((op, r)) => bin(op, l, r),
        })
        .boxed();
    let andalso = right(comp, punct("andalso").to(BinOp::AndAlso).boxed());
    let orelse = right(andalso, punct("orelse").to(BinOp::OrElse).boxed());
    // expr_100: `=` and `!`, right-associative; `catch` prefixes an
    // operand and covers the rest of the chain (`X = catch Y = f()` is
    // `X = (catch (Y = f()))`), which is also the top level `catch Expr`.
    let catches = punct("catch")
        .map_with(|_, e| range(e.span()))
        .repeated()
        .collect::<Vec<Span>>();
    let operand = catches.then(orelse).boxed();
    operand
        .clone()
        .then(
            select! { Tok::Punct("=") => true, Tok::Punct("!") => false }
                .then(operand)
                .repeated()
                .collect::<Vec<(bool, (Vec<Span>, Expr))>>(),
        )
        .map(|(first, rest)| {
            let mut operands = vec![first];
            let mut ops = Vec::with_capacity(rest.len());
            for (op, x) in rest {
                ops.push(op);
                operands.push(x);
            }
            let wrap_catches = |catches: Vec<Span>, mut x: Expr| {
                for s in catches.into_iter().rev() {
                    let span = s.start..x.span.end;
                    x = Expr::new(ExprKind::Catch(Box::new(x)), span);
                }
                x
            };
            let mut acc = match operands.pop() {
                Some((cs, last)) => wrap_catches(cs, last),
                None => return Expr::new(ExprKind::Error, 0..0),
            };
            while let (Some(is_match), Some((cs, l))) = (ops.pop(), operands.pop()) {
                let span = join(&l.span, &acc.span);
                let kind = if is_match {
                    ExprKind::Match(Box::new(l), Box::new(acc))
                } else {
                    ExprKind::Send(Box::new(l), Box::new(acc))
                };
                acc = wrap_catches(cs, Expr::new(kind, span));
            }
            acc
        })
        .boxed()
}
