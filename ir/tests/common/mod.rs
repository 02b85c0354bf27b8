//! Terse builders for hand-written IR in tests.
#![allow(dead_code)]

use eubeam_ir::*;

pub fn sp(line: u32) -> Span {
    Span::new(0, 0, line)
}

pub fn v(name: &str) -> Expr {
    Expr::var(name, sp(1))
}

pub fn int(n: i64) -> Expr {
    Expr::lit(Literal::Int(n), sp(1))
}

pub fn atom(a: &str) -> Expr {
    Expr::atom(a, sp(1))
}

pub fn lit(l: Literal) -> Expr {
    Expr::lit(l, sp(1))
}

pub fn nil() -> Expr {
    lit(Literal::Nil)
}

pub fn call(m: &str, f: &str, args: Vec<Expr>) -> Expr {
    Expr::call(m, f, args, sp(1))
}

pub fn erl(f: &str, args: Vec<Expr>) -> Expr {
    call("erlang", f, args)
}

pub fn tuple(items: Vec<Expr>) -> Expr {
    Expr::tuple(items, sp(1))
}

pub fn list(items: Vec<Expr>) -> Expr {
    items
        .into_iter()
        .rev()
        .fold(nil(), |t, h| Expr::cons(h, t, sp(1)))
}

pub fn values(items: Vec<Expr>) -> Expr {
    Expr::new(ExprKind::Values(items), sp(1))
}

pub fn let1(var: &str, value: Expr, body: Expr) -> Expr {
    Expr::let_(vec![var.to_string()], value, body, sp(1))
}

pub fn letn(vars: &[&str], value: Expr, body: Expr) -> Expr {
    Expr::let_(
        vars.iter().map(|s| s.to_string()).collect(),
        value,
        body,
        sp(1),
    )
}

pub fn seq(a: Expr, b: Expr) -> Expr {
    Expr::seq(a, b)
}

pub fn pv(name: &str) -> Pattern {
    Pattern::Var(name.to_string())
}

pub fn plit(l: Literal) -> Pattern {
    Pattern::Lit(l)
}

pub fn patom(a: &str) -> Pattern {
    Pattern::Lit(Literal::atom(a))
}

pub fn pint(n: i64) -> Pattern {
    Pattern::Lit(Literal::Int(n))
}

pub fn ptuple(items: Vec<Pattern>) -> Pattern {
    Pattern::Tuple(items)
}

pub fn pcons(h: Pattern, t: Pattern) -> Pattern {
    Pattern::Cons(Box::new(h), Box::new(t))
}

pub fn cl(pats: Vec<Pattern>, guard: Option<Expr>, body: Expr) -> Clause {
    Clause {
        pats,
        guard,
        body,
        span: sp(1),
    }
}

pub fn case(arg: Expr, clauses: Vec<Clause>) -> Expr {
    Expr::new(
        ExprKind::Case {
            arg: Box::new(arg),
            clauses,
        },
        sp(1),
    )
}

/// A catch-all clause raising `{case_clause, V}` (for `n` patterns).
pub fn fail_clause(n: usize) -> Clause {
    let vars: Vec<String> = (0..n).map(|i| format!("_Fail{i}")).collect();
    let value = if n == 1 {
        v(&vars[0])
    } else {
        tuple(vars.iter().map(|x| v(x)).collect())
    };
    cl(
        vars.iter().map(|x| pv(x)).collect(),
        None,
        Expr::match_fail(tuple(vec![atom("case_clause"), value]), sp(1)),
    )
}

pub fn fun(params: &[&str], body: Expr) -> Fun {
    Fun {
        params: params.iter().map(|s| s.to_string()).collect(),
        body: Box::new(body),
        span: sp(1),
        name: None,
    }
}

pub fn lambda(params: &[&str], body: Expr) -> Expr {
    Expr::new(ExprKind::Fun(fun(params, body)), sp(1))
}

pub fn funref(name: &str, arity: u32) -> Expr {
    Expr::new(ExprKind::FunRef(FunName::new(name, arity)), sp(1))
}

pub fn apply(f: Expr, args: Vec<Expr>) -> Expr {
    Expr::new(
        ExprKind::Apply {
            fun: Box::new(f),
            args,
        },
        sp(1),
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
        sp(1),
    )
}

pub fn receive(clauses: Vec<Clause>, timeout: Expr, after: Expr) -> Expr {
    Expr::new(
        ExprKind::Receive {
            clauses,
            timeout: Box::new(timeout),
            after: Box::new(after),
        },
        sp(1),
    )
}

pub fn try_(arg: Expr, vars: &[&str], body: Expr, evars: [&str; 3], handler: Expr) -> Expr {
    Expr::new(
        ExprKind::Try {
            arg: Box::new(arg),
            vars: vars.iter().map(|s| s.to_string()).collect(),
            body: Box::new(body),
            evars: evars.map(|s| s.to_string()),
            handler: Box::new(handler),
        },
        sp(1),
    )
}

pub fn catch(e: Expr) -> Expr {
    Expr::new(ExprKind::Catch(Box::new(e)), sp(1))
}

pub fn map(base: Option<Expr>, pairs: Vec<(MapOp, Expr, Expr)>) -> Expr {
    Expr::new(
        ExprKind::Map {
            base: base.map(Box::new),
            pairs: pairs
                .into_iter()
                .map(|(op, key, value)| MapPair { op, key, value })
                .collect(),
        },
        sp(1),
    )
}

pub fn seg<T>(value: T, size: Option<Expr>, unit: u8, ty: BinType) -> BinSegment<T> {
    BinSegment {
        value,
        size,
        unit,
        ty,
        signed: false,
        endian: Endian::Big,
        span: sp(1),
    }
}

pub fn binary(segs: Vec<BinSegment<Expr>>) -> Expr {
    Expr::new(ExprKind::Binary(segs), sp(1))
}

pub fn def(name: &str, f: Fun) -> FunDef {
    FunDef {
        name: FunName::new(name, f.params.len() as u32),
        fun: f,
    }
}

pub fn module(name: &str, functions: Vec<FunDef>) -> Module {
    let exports = functions.iter().map(|f| f.name.clone()).collect();
    Module {
        name: name.to_string(),
        file: format!("{name}.erl"),
        exports,
        attributes: Vec::new(),
        functions,
        span: sp(1),
    }
}
