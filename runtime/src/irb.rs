//! A small builder for IR by hand: the runtime's own modules (prelude) and
//! tests use it. Spans carry only a line.

use eubeam_ir::{Clause, Expr, ExprKind, Fun, FunDef, FunName, Literal, Module, Pattern, Span};

pub fn sp(line: u32) -> Span {
    Span {
        start: 0,
        end: 0,
        line,
    }
}

pub fn var(v: &str) -> Expr {
    Expr::var(v, Span::NONE)
}

pub fn atom(a: &str) -> Expr {
    Expr::atom(a, Span::NONE)
}

pub fn int(i: i64) -> Expr {
    Expr::lit(Literal::Int(i), Span::NONE)
}

pub fn lit(l: Literal) -> Expr {
    Expr::lit(l, Span::NONE)
}

pub fn nil() -> Expr {
    Expr::lit(Literal::Nil, Span::NONE)
}

pub fn tuple(items: Vec<Expr>) -> Expr {
    Expr::tuple(items, Span::NONE)
}

pub fn cons(h: Expr, t: Expr) -> Expr {
    Expr::cons(h, t, Span::NONE)
}

pub fn list(items: Vec<Expr>) -> Expr {
    items.into_iter().rev().fold(nil(), |t, h| cons(h, t))
}

/// `call 'm':'f'(args)` on line `line`.
pub fn call(m: &str, f: &str, args: Vec<Expr>) -> Expr {
    Expr::call(m, f, args, Span::NONE)
}

pub fn call_at(line: u32, m: &str, f: &str, args: Vec<Expr>) -> Expr {
    Expr::call(m, f, args, sp(line))
}

pub fn op(o: &str, a: Expr, b: Expr) -> Expr {
    call("erlang", o, vec![a, b])
}

pub fn apply_local(f: &str, args: Vec<Expr>) -> Expr {
    let arity = args.len() as u32;
    Expr::new(
        ExprKind::Apply {
            fun: Box::new(Expr::new(
                ExprKind::FunRef(FunName::new(f, arity)),
                Span::NONE,
            )),
            args,
        },
        Span::NONE,
    )
}

pub fn apply(fun: Expr, args: Vec<Expr>) -> Expr {
    Expr::new(
        ExprKind::Apply {
            fun: Box::new(fun),
            args,
        },
        Span::NONE,
    )
}

pub fn let_(v: &str, value: Expr, body: Expr) -> Expr {
    Expr::let_(vec![v.to_string()], value, body, Span::NONE)
}

pub fn seq(a: Expr, b: Expr) -> Expr {
    Expr::seq(a, b)
}

pub fn fun(params: &[&str], body: Expr) -> Expr {
    Expr::new(ExprKind::Fun(mk_fun(params, body)), Span::NONE)
}

pub fn mk_fun(params: &[&str], body: Expr) -> Fun {
    Fun {
        params: params.iter().map(|s| s.to_string()).collect(),
        body: Box::new(body),
        span: Span::NONE,
        name: None,
    }
}

pub fn pvar(v: &str) -> Pattern {
    Pattern::Var(v.to_string())
}

pub fn patom(a: &str) -> Pattern {
    Pattern::Lit(Literal::atom(a))
}

pub fn pint(i: i64) -> Pattern {
    Pattern::Lit(Literal::Int(i))
}

pub fn ptuple(ps: Vec<Pattern>) -> Pattern {
    Pattern::Tuple(ps)
}

pub fn pcons(h: Pattern, t: Pattern) -> Pattern {
    Pattern::Cons(Box::new(h), Box::new(t))
}

pub fn clause(pats: Vec<Pattern>, guard: Option<Expr>, body: Expr) -> Clause {
    Clause {
        pats,
        guard,
        body,
        span: Span::NONE,
    }
}

pub fn case(arg: Expr, clauses: Vec<Clause>) -> Expr {
    Expr::new(
        ExprKind::Case {
            arg: Box::new(arg),
            clauses,
        },
        Span::NONE,
    )
}

pub fn receive(clauses: Vec<Clause>, timeout: Expr, after: Expr) -> Expr {
    Expr::new(
        ExprKind::Receive {
            clauses,
            timeout: Box::new(timeout),
            after: Box::new(after),
        },
        Span::NONE,
    )
}

pub fn try_(arg: Expr, v: &str, body: Expr, evars: [&str; 3], handler: Expr) -> Expr {
    Expr::new(
        ExprKind::Try {
            arg: Box::new(arg),
            vars: vec![v.to_string()],
            body: Box::new(body),
            evars: evars.map(|s| s.to_string()),
            handler: Box::new(handler),
        },
        Span::NONE,
    )
}

pub fn letrec(defs: Vec<(&str, Fun)>, body: Expr) -> Expr {
    Expr::new(
        ExprKind::LetRec {
            defs: defs
                .into_iter()
                .map(|(n, f)| (FunName::new(n, f.params.len() as u32), f))
                .collect(),
            body: Box::new(body),
        },
        Span::NONE,
    )
}

pub fn fundef(name: &str, params: &[&str], body: Expr) -> FunDef {
    FunDef {
        name: FunName::new(name, params.len() as u32),
        fun: mk_fun(params, body),
    }
}

/// A module exporting every function.
pub fn module(name: &str, functions: Vec<FunDef>) -> Module {
    Module {
        name: name.to_string(),
        file: format!("{name}.erl"),
        exports: functions.iter().map(|f| f.name.clone()).collect(),
        attributes: Vec::new(),
        functions,
        span: Span::NONE,
    }
}

/// `call M:F(args)` with computed module/function.
pub fn apply_dynamic_call(m: Expr, f: Expr, args: Vec<Expr>) -> Expr {
    Expr::new(
        ExprKind::Call {
            module: Box::new(m),
            function: Box::new(f),
            args,
        },
        Span::NONE,
    )
}

/// `io:format("~w~n", [E])`: how runtime tests print a value (erl's
/// `erlang:display/1` has its own format, see `bif/display.rs`).
pub fn show(e: Expr) -> Expr {
    call(
        "io",
        "format",
        vec![lit(Literal::string("~w~n")), list(vec![e])],
    )
}
