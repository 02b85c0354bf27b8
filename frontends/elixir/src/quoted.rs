//! Elixir's quoted form as terms: our AST → the literal a macro receives
//! (`{name, meta, args}`, `{name, meta, context}` for variables), and a
//! macro's result term → AST again.
//!
//! Metadata is always `[]` (no line numbers): our spans are kept by the
//! caller, which gives every node of an expansion the span of the call.
//! Forms of our parser with no Elixir counterpart keep their internal names
//! (`interp` for an interpolated string, `__access__` for `data[key]`), so a
//! macro that passes them through unchanged round-trips them.

use eubeam_ir::Literal;

use crate::ast::{Ast, Kind, Span};

/// Elixir's `:{}`-free 2-tuple or `{:{}, [], items}` for other sizes.
fn tuple_of(items: Vec<Literal>) -> Literal {
    if items.len() == 2 {
        Literal::Tuple(items)
    } else {
        node("{}", items)
    }
}

/// `{name, [], args}`.
pub fn node(name: &str, args: Vec<Literal>) -> Literal {
    Literal::Tuple(vec![Literal::atom(name), Literal::Nil, Literal::list(args)])
}

/// How aliases inside a quote are resolved: the module the quote is in
/// (its `alias`es apply) — `resolve` returns the full module atom for an
/// aliased first segment.
pub struct QuoteCtx<'a> {
    /// The context atom of variables (`nil` for the caller's own arguments,
    /// the module name inside `quote`).
    pub var_context: &'a str,
    pub resolve: &'a dyn Fn(&[String]) -> Option<String>,
}

/// The quoted term of an AST with no `unquote` in it.
pub fn to_quoted(a: &Ast, q: &QuoteCtx) -> Literal {
    match &a.kind {
        Kind::Int(t) => Literal::integer(t).unwrap_or(Literal::Int(0)),
        Kind::Float(f) => Literal::Float(*f),
        Kind::Atom(s) => Literal::atom(s.clone()),
        Kind::Str(s) => Literal::Binary(s.as_bytes().to_vec()),
        Kind::Charlist(s) => Literal::string(s),
        Kind::List(items) => list_of(items, q),
        Kind::Tuple(items) => tuple_of(items.iter().map(|i| to_quoted(i, q)).collect()),
        Kind::Var(v) => Literal::Tuple(vec![
            Literal::atom(v.clone()),
            Literal::Nil,
            Literal::atom(q.var_context),
        ]),
        Kind::Alias(segs) => match (q.resolve)(segs) {
            Some(full) => Literal::atom(full),
            None => Literal::Tuple(vec![
                Literal::atom("__aliases__"),
                Literal::list(vec![Literal::Tuple(vec![
                    Literal::atom("alias"),
                    Literal::atom("false"),
                ])]),
                Literal::list(segs.iter().map(|s| Literal::atom(s.clone())).collect()),
            ]),
        },
        Kind::Call { name, args, .. } => node(name, args.iter().map(|x| to_quoted(x, q)).collect()),
        Kind::Remote {
            target,
            name,
            args,
            parens,
        } => remote_node(
            to_quoted(target, q),
            name,
            *parens,
            args.iter().map(|x| to_quoted(x, q)).collect(),
        ),
        Kind::Apply { fun, args } => Literal::Tuple(vec![
            node(".", vec![to_quoted(fun, q)]),
            Literal::Nil,
            Literal::list(args.iter().map(|x| to_quoted(x, q)).collect()),
        ]),
    }
}

/// `{{:., [], [target, name]}, meta, args}`; `map.field` has
/// `no_parens: true` in its metadata, as in Elixir.
pub fn remote_node(target: Literal, name: &str, parens: bool, args: Vec<Literal>) -> Literal {
    let meta = if parens {
        Literal::Nil
    } else {
        Literal::list(vec![Literal::Tuple(vec![
            Literal::atom("no_parens"),
            Literal::atom("true"),
        ])])
    };
    Literal::Tuple(vec![
        node(".", vec![target, Literal::atom(name)]),
        meta,
        Literal::list(args),
    ])
}

fn list_of(items: &[Ast], q: &QuoteCtx) -> Literal {
    // `[a, b | t]` is the list `[a | [b | t]]` in quoted form.
    let (init, tail) = crate::lower::split_tail_pub(items);
    let tail = match tail {
        Some(t) => to_quoted(t, q),
        None => Literal::Nil,
    };
    init.iter().rev().fold(tail, |t, h| {
        Literal::Cons(Box::new(to_quoted(h, q)), Box::new(t))
    })
}

/// A quoted term back into our AST; every node gets `span`. Variables with a
/// context other than `nil` (from inside a macro's `quote`) are renamed so
/// that they cannot clash with the caller's (hygiene).
pub fn from_quoted(l: &Literal, span: Span) -> Result<Ast, String> {
    from_q(l, span, 0)
}

fn from_q(l: &Literal, span: Span, depth: usize) -> Result<Ast, String> {
    if depth > 5000 {
        return Err("a macro returned code nested too deeply".into());
    }
    let mk = |k: Kind| Ast::new(k, span);
    let sub = |x: &Literal| from_q(x, span, depth + 1);
    Ok(match l {
        Literal::Int(i) => mk(Kind::Int(i.to_string())),
        Literal::BigInt(t) => mk(Kind::Int(t.clone())),
        Literal::Float(f) => mk(Kind::Float(*f)),
        Literal::Atom(a) => match a.strip_prefix("Elixir.") {
            Some(rest) => mk(Kind::Alias(
                std::iter::once("Elixir".to_string())
                    .chain(rest.split('.').map(str::to_string))
                    .collect(),
            )),
            None => mk(Kind::Atom(a.clone())),
        },
        Literal::Nil => mk(Kind::List(Vec::new())),
        Literal::Cons(..) => {
            let (items, tail) = list_items(l);
            let mut out = items
                .iter()
                .copied()
                .map(sub)
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(t) = tail {
                let last = out.pop().ok_or("a macro returned a malformed list")?;
                out.push(Ast::call("|", vec![last, sub(t)?], span));
            }
            mk(Kind::List(out))
        }
        Literal::Binary(b) => match std::str::from_utf8(b) {
            Ok(s) => mk(Kind::Str(s.to_string())),
            Err(_) => Ast::call(
                "<<>>",
                b.iter().map(|&x| mk(Kind::Int(x.to_string()))).collect(),
                span,
            ),
        },
        Literal::Map(pairs) => {
            let mut items = Vec::new();
            for (k, v) in pairs {
                items.push(Ast::call("=>", vec![sub(k)?, sub(v)?], span));
            }
            Ast::call("%{}", items, span)
        }
        Literal::Tuple(items) => match items.as_slice() {
            [Literal::Atom(name), meta, Literal::Atom(ctx)] if is_list(meta) => {
                mk(Kind::Var(hygienic(name, ctx)))
            }
            [Literal::Atom(name), meta, args] if is_list(meta) && is_list(args) => {
                let (args, _) = list_items(args);
                match name.as_str() {
                    "{}" => mk(Kind::Tuple(
                        args.iter().copied().map(sub).collect::<Result<_, _>>()?,
                    )),
                    "__aliases__" => {
                        let segs: Option<Vec<String>> = args
                            .iter()
                            .map(|s| match s {
                                Literal::Atom(a) => {
                                    Some(a.trim_start_matches("Elixir.").to_string())
                                }
                                _ => None,
                            })
                            .collect();
                        match segs {
                            Some(segs) if !segs.is_empty() => mk(Kind::Alias(segs)),
                            _ => return Err("a macro returned an invalid alias".into()),
                        }
                    }
                    "var!" => match args.as_slice() {
                        [Literal::Tuple(v)] if v.len() == 3 => match &v[0] {
                            Literal::Atom(n) => mk(Kind::Var(n.clone())),
                            _ => return Err("var! expects a variable".into()),
                        },
                        _ => return Err("var! expects a variable".into()),
                    },
                    _ => Ast::new(
                        Kind::Call {
                            name: name.clone(),
                            args: args.iter().copied().map(sub).collect::<Result<_, _>>()?,
                            parens: true,
                        },
                        span,
                    ),
                }
            }
            [Literal::Tuple(dot), meta, args] if is_list(args) && dot.len() == 3 => {
                let (args, _) = list_items(args);
                let args: Vec<Ast> = args.iter().copied().map(sub).collect::<Result<_, _>>()?;
                let (dargs, _) = list_items(&dot[2]);
                match (&dot[0], dargs.as_slice()) {
                    (Literal::Atom(d), [target, Literal::Atom(name)]) if d == "." => {
                        let no_parens = list_items(meta).0.iter().any(|m| {
                            matches!(m, Literal::Tuple(kv) if kv.len() == 2
                                && kv[0] == Literal::atom("no_parens")
                                && kv[1] == Literal::atom("true"))
                        });
                        mk(Kind::Remote {
                            target: Box::new(sub(target)?),
                            name: name.clone(),
                            args,
                            parens: !no_parens,
                        })
                    }
                    (Literal::Atom(d), [fun]) if d == "." => mk(Kind::Apply {
                        fun: Box::new(sub(fun)?),
                        args,
                    }),
                    _ => return Err(format!("a macro returned invalid code: {l:?}")),
                }
            }
            _ => mk(Kind::Tuple(
                items.iter().map(sub).collect::<Result<_, _>>()?,
            )),
        },
    })
}

fn is_list(l: &Literal) -> bool {
    matches!(l, Literal::Nil | Literal::Cons(..))
}

/// The elements of a list literal and its improper tail, if any.
fn list_items(l: &Literal) -> (Vec<&Literal>, Option<&Literal>) {
    let mut out = Vec::new();
    let mut cur = l;
    loop {
        match cur {
            Literal::Cons(h, t) => {
                out.push(&**h);
                cur = t;
            }
            Literal::Nil => return (out, None),
            other => return (out, Some(other)),
        }
    }
}

/// A variable from a macro's own `quote` gets a name the caller cannot write.
fn hygienic(name: &str, ctx: &str) -> String {
    if ctx == "nil" || name == "_" || (name.starts_with("__") && name.ends_with("__")) {
        name.to_string()
    } else {
        format!("{name}@{}", ctx.trim_start_matches("Elixir."))
    }
}

/// Whether an AST contains `unquote`/`unquote_splicing` (outside nested
/// quotes).
pub fn has_unquote(a: &Ast) -> bool {
    match &a.kind {
        Kind::Call { name, args, .. } => {
            name == "unquote"
                || name == "unquote_splicing"
                || name == "__unquote_call__"
                || name == "__unquote_remote__"
                || (name != "quote" && args.iter().any(has_unquote))
        }
        Kind::List(items) | Kind::Tuple(items) => items.iter().any(has_unquote),
        Kind::Remote { target, args, .. } => has_unquote(target) || args.iter().any(has_unquote),
        Kind::Apply { fun, args } => has_unquote(fun) || args.iter().any(has_unquote),
        _ => false,
    }
}

/// The variable name as written, without the context a macro's quote added.
pub fn unhygienic(name: &str) -> &str {
    name.split('@').next().unwrap_or(name)
}
