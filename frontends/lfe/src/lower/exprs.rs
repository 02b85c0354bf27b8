//! LFE expressions → Erlang AST: variables, literals, calls and the core
//! forms. Predefined and user macros are expanded here too (the
//! expansion is lowered again).

use eubeam_erlang::ast::{self, BinOp, Expr, ExprKind as K, UnOp};

use super::{atom, call_local, call_remote, e, quoted, LocalFun, Lw, Scope};
use crate::sexpr::{Sexpr, Span, S};

/// Forms that are never macros or function calls.
const CORE: &[&str] = &[
    "quote",
    "cons",
    "car",
    "cdr",
    "list",
    "tuple",
    "tref",
    "tset",
    "binary",
    "map",
    "map-size",
    "msiz",
    "map-get",
    "mref",
    "map-set",
    "mset",
    "map-update",
    "mupd",
    "map-remove",
    "mrem",
    "lambda",
    "match-lambda",
    "let",
    "let-function",
    "letrec-function",
    "progn",
    "prog1",
    "prog2",
    "if",
    "case",
    "receive",
    "catch",
    "try",
    "funcall",
    "call",
    "function",
    "andalso",
    "orelse",
    "!",
    "backquote",
    "comma",
    "comma-at",
    "record",
    "is-record",
    "record-index",
    "record-field",
    "record-update",
    "make-record",
];

fn binop(name: &str) -> Option<BinOp> {
    Some(match name {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Fdiv,
        "div" => BinOp::Div,
        "rem" => BinOp::Rem,
        "band" => BinOp::Band,
        "bor" => BinOp::Bor,
        "bxor" => BinOp::Bxor,
        "bsl" => BinOp::Bsl,
        "bsr" => BinOp::Bsr,
        "and" => BinOp::And,
        "or" => BinOp::Or,
        "xor" => BinOp::Xor,
        "++" => BinOp::Append,
        "--" => BinOp::Subtract,
        "==" => BinOp::Eq,
        "/=" => BinOp::Ne,
        "=:=" => BinOp::ExactEq,
        "=/=" => BinOp::ExactNe,
        "<" => BinOp::Lt,
        "=<" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        _ => return None,
    })
}

fn is_comparison(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq
            | BinOp::Ne
            | BinOp::ExactEq
            | BinOp::ExactNe
            | BinOp::Lt
            | BinOp::Le
            | BinOp::Gt
            | BinOp::Ge
    )
}

pub(crate) fn bin(op: BinOp, a: Expr, b: Expr, span: &Span) -> Expr {
    e(K::BinOp(op, Box::new(a), Box::new(b)), span)
}

impl Lw<'_> {
    /// A body: the forms in order; `()` when empty. A string followed by
    /// more forms is kept (it is a value, not a doc string, here).
    pub fn body(&mut self, forms: &[Sexpr], sc: &Scope, span: &Span) -> Vec<Expr> {
        if forms.is_empty() {
            return vec![e(K::List(Vec::new(), None), span)];
        }
        forms.iter().map(|f| self.expr(f, sc)).collect()
    }

    /// `(macrolet ((name (args) body...) ...) body...)` and `(syntaxlet
    /// ((name (pat exp) ...) ...) body...)`: macros defined as `defmacro`
    /// and `defsyntax` define them, visible only in the body (the table is
    /// restored after it).
    fn local_macros(&mut self, name: &str, args: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        let Some((defs, body)) = args.split_first() else {
            return self.error(span, format!("({name} ...) needs a list of definitions"));
        };
        let Some(defs) = defs.items() else {
            return self.error(
                &defs.span,
                format!("({name} ...) needs a list of definitions"),
            );
        };
        let saved = self.macros.clone();
        for d in defs {
            match d.items() {
                Some(items) if !items.is_empty() => {
                    if name == "macrolet" {
                        self.defmacro(items, &d.span);
                    } else {
                        self.defsyntax(items, &d.span);
                    }
                }
                _ => {
                    self.error(&d.span, format!("a {name} definition is (name ...)"));
                }
            }
        }
        let x = self.block(body, sc, span);
        self.macros = saved;
        x
    }

    pub fn block(&mut self, forms: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        let mut b = self.body(forms, sc, span);
        if b.len() == 1 {
            return b.remove(0);
        }
        e(K::Block(b), span)
    }

    pub fn expr(&mut self, s: &Sexpr, sc: &Scope) -> Expr {
        if !self.enter(&s.span) {
            return e(K::Error, &s.span);
        }
        let r = self.expr_inner(s, sc);
        self.leave();
        r
    }

    fn expr_inner(&mut self, s: &Sexpr, sc: &Scope) -> Expr {
        let span = &s.span;
        match &s.kind {
            S::Sym(name) => match sc.vars.get(name) {
                Some(v) => e(K::Var(v.clone()), span),
                None => self.error(span, format!("unbound symbol {name}")),
            },
            S::Int(_)
            | S::BigInt(_)
            | S::Float(_)
            | S::Str(_)
            | S::Bin(_)
            | S::Tuple(_)
            | S::Map(_) => quoted(s, false),
            S::BinLit(segs) => self.binary(segs, sc, span),
            S::List(items, tail) => {
                if tail.is_some() {
                    return self.error(span, "an improper list cannot be evaluated");
                }
                if items.is_empty() {
                    return e(K::List(Vec::new(), None), span);
                }
                match &items[0].kind {
                    S::Sym(name) => self.form(name, &items[1..], s, sc),
                    S::List(..) => {
                        // ((lambda (x) ...) arg ...)
                        let f = self.expr(&items[0], sc);
                        let args = items[1..].iter().map(|a| self.expr(a, sc)).collect();
                        e(K::Call(Box::new(f), args), span)
                    }
                    _ => self.error(
                        &items[0].span,
                        format!("illegal function head: {}", items[0]),
                    ),
                }
            }
        }
    }

    fn exprs(&mut self, xs: &[Sexpr], sc: &Scope) -> Vec<Expr> {
        xs.iter().map(|x| self.expr(x, sc)).collect()
    }

    fn arity_error(&mut self, name: &str, span: &Span) -> Expr {
        self.error(span, format!("bad {name} form"))
    }

    /// `(name args...)`.
    fn form(&mut self, name: &str, args: &[Sexpr], whole: &Sexpr, sc: &Scope) -> Expr {
        let span = &whole.span;
        if CORE.contains(&name) {
            return self.core(name, args, whole, sc);
        }
        // User macros come first, as in LFE; then the predefined forms
        // that lower directly.
        if !self.macros.contains_key(name) {
            match name {
                "lc" | "list-comp" => return self.comprehension(false, args, sc, span),
                "bc" | "binary-comp" => return self.comprehension(true, args, sc, span),
                "defun" | "defmacro" | "defrecord" | "defsyntax" | "defmodule" => {
                    return self.error(
                        span,
                        format!("({name} ...) is only allowed at the top level"),
                    )
                }
                "macrolet" | "syntaxlet" => return self.local_macros(name, args, sc, span),
                "let-macro" | "maybe" | "struct" | "define-struct" | "defstruct" | "match-spec"
                | "ets-ms" | "trace-ms" | "qlc" | "eval-when-compile" => {
                    return self.unsupported(span, &format!("({name} ...)"))
                }
                _ => {}
            }
        }
        if let Some(exp) = self.expand_macro(name, args, whole, sc) {
            return match exp {
                Ok(x) => self.expr(&x, sc),
                Err(()) => e(K::Error, span),
            };
        }
        let arity = args.len() as u32;
        if let Some(lf) = sc.funs.get(&(name.to_string(), arity)).cloned() {
            let args = self.exprs(args, sc);
            return local_call(&lf, args, span);
        }
        if let Some(op) = binop(name) {
            if !self.defined.contains(&(name.to_string(), arity)) {
                return self.operator(name, op, args, sc, span);
            }
        }
        match name {
            "not" | "bnot" if args.len() == 1 => {
                let x = self.expr(&args[0], sc);
                let op = if name == "not" { UnOp::Not } else { UnOp::Neg };
                let op = if name == "bnot" { UnOp::Bnot } else { op };
                return e(K::UnOp(op, Box::new(x)), span);
            }
            ":" => {
                if args.len() < 2 {
                    return self.arity_error(":", span);
                }
                let (Some(m), Some(f)) = (args[0].as_sym(), args[1].as_sym()) else {
                    return self.error(span, "(: mod func ...) needs symbols");
                };
                let m = self
                    .aliases
                    .get(m)
                    .cloned()
                    .unwrap_or_else(|| m.to_string());
                let a = self.exprs(&args[2..], sc);
                return call_remote(&m, f, a, span);
            }
            _ => {}
        }
        if let Some((m, f)) = name.split_once(':') {
            if !m.is_empty() && !f.is_empty() {
                let m = self
                    .aliases
                    .get(m)
                    .cloned()
                    .unwrap_or_else(|| m.to_string());
                let a = self.exprs(args, sc);
                return call_remote(&m, f, a, span);
            }
        }
        let a = self.exprs(args, sc);
        if self.defined.contains(&(name.to_string(), arity)) {
            return call_local(name, a, span);
        }
        if let Some((m, f)) = self.imports.get(&(name.to_string(), arity)).cloned() {
            return call_remote(&m, &f, a, span);
        }
        if eubeam_erlang::lower::is_auto_imported(name, arity) {
            return call_local(name, a, span);
        }
        if self.late_calls {
            let fa = e(
                K::Tuple(vec![atom(name, span), e(K::Int(i64::from(arity)), span)]),
                span,
            );
            let reason = e(K::Tuple(vec![atom("undefined_function", span), fa]), span);
            return call_remote("erlang", "error", vec![reason], span);
        }
        self.error(span, format!("undefined function {name}/{arity}"))
    }

    /// Arithmetic, comparison and boolean operators, variadic as in LFE.
    fn operator(&mut self, name: &str, op: BinOp, args: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        let mut xs = self.exprs(args, sc);
        if is_comparison(op) {
            if xs.len() < 2 {
                return self.arity_error(name, span);
            }
            if xs.len() == 2 {
                let b = xs.pop().unwrap_or_else(|| e(K::Error, span));
                let a = xs.pop().unwrap_or_else(|| e(K::Error, span));
                return bin(op, a, b, span);
            }
            // (< a b c) is (andalso (< a b) (< b c)).
            let tests: Vec<Expr> = xs
                .windows(2)
                .map(|w| bin(op, w[0].clone(), w[1].clone(), span))
                .collect();
            return fold_right(BinOp::AndAlso, tests, span);
        }
        match (op, xs.len()) {
            (BinOp::Add, 0) => return e(K::Int(0), span),
            (BinOp::Mul, 0) => return e(K::Int(1), span),
            (BinOp::And, 0) => return atom("true", span),
            (BinOp::Or | BinOp::Xor, 0) => return atom("false", span),
            (BinOp::Append, 0) => return e(K::List(Vec::new(), None), span),
            (BinOp::Sub, 1) => return e(K::UnOp(UnOp::Neg, Box::new(xs.remove(0))), span),
            (BinOp::Add, 1) => return e(K::UnOp(UnOp::Plus, Box::new(xs.remove(0))), span),
            (BinOp::Fdiv, 1) => return bin(BinOp::Fdiv, e(K::Int(1), span), xs.remove(0), span),
            (BinOp::And | BinOp::Or | BinOp::Mul | BinOp::Append, 1) => return xs.remove(0),
            (_, n) if n < 2 => return self.arity_error(name, span),
            _ => {}
        }
        if op == BinOp::Append {
            return fold_right(op, xs, span);
        }
        let mut it = xs.into_iter();
        let first = it.next().unwrap_or_else(|| e(K::Error, span));
        it.fold(first, |acc, x| bin(op, acc, x, span))
    }

    /// The core forms (never shadowed by functions or macros).
    fn core(&mut self, name: &str, args: &[Sexpr], whole: &Sexpr, sc: &Scope) -> Expr {
        let span = &whole.span;
        let n = args.len();
        match name {
            "quote" if n == 1 => quoted(&args[0], false),
            "cons" if n == 2 => {
                let h = self.expr(&args[0], sc);
                let t = self.expr(&args[1], sc);
                e(K::List(vec![h], Some(Box::new(t))), span)
            }
            "car" if n == 1 => {
                let x = self.expr(&args[0], sc);
                call_local("hd", vec![x], span)
            }
            "cdr" if n == 1 => {
                let x = self.expr(&args[0], sc);
                call_local("tl", vec![x], span)
            }
            "list" => e(K::List(self.exprs(args, sc), None), span),
            "tuple" => e(K::Tuple(self.exprs(args, sc)), span),
            "tref" if n == 2 => {
                let a = self.exprs(args, sc);
                call_local("element", vec![a[1].clone(), a[0].clone()], span)
            }
            "tset" if n == 3 => {
                let a = self.exprs(args, sc);
                call_local(
                    "setelement",
                    vec![a[1].clone(), a[0].clone(), a[2].clone()],
                    span,
                )
            }
            "binary" => self.binary(args, sc, span),
            "map" if n.is_multiple_of(2) => {
                let fields = self.map_fields(args, sc, false, span);
                e(K::Map(None, fields), span)
            }
            "map-size" | "msiz" if n == 1 => {
                let x = self.expr(&args[0], sc);
                call_local("map_size", vec![x], span)
            }
            "map-get" | "mref" if n == 2 => {
                let a = self.exprs(args, sc);
                call_local("map_get", vec![a[1].clone(), a[0].clone()], span)
            }
            "map-set" | "mset" | "map-update" | "mupd" if n % 2 == 1 => {
                let base = self.expr(&args[0], sc);
                let exact = matches!(name, "map-update" | "mupd");
                let fields = self.map_fields(&args[1..], sc, exact, span);
                e(K::Map(Some(Box::new(base)), fields), span)
            }
            "map-remove" | "mrem" if n >= 1 => {
                let mut m = self.expr(&args[0], sc);
                for k in &args[1..] {
                    let k = self.expr(k, sc);
                    m = call_remote("maps", "remove", vec![k, m], span);
                }
                m
            }
            "lambda" if n >= 1 => self.lambda(&args[0], &args[1..], sc, span),
            "match-lambda" => {
                let clauses = self.fun_clauses(args, sc, None, span);
                e(K::Fun(clauses), span)
            }
            "let" if n >= 1 => self.let_form(&args[0], &args[1..], sc, span),
            "let-function" | "letrec-function" if n >= 1 => {
                let rec = name == "letrec-function";
                self.let_function(&args[0], &args[1..], sc, span, rec, true)
            }
            "progn" => self.block(args, sc, span),
            "prog1" | "prog2" if !args.is_empty() => {
                let k = if name == "prog1" { 0 } else { 1 };
                if k >= n {
                    return self.arity_error(name, span);
                }
                let mut pre = self.exprs(&args[..k], sc);
                let v = self.fresh("prog");
                let val = self.expr(&args[k], sc);
                pre.push(e(
                    K::Match(Box::new(e(K::Var(v.clone()), span)), Box::new(val)),
                    span,
                ));
                pre.extend(self.exprs(&args[k + 1..], sc));
                pre.push(e(K::Var(v), span));
                e(K::Block(pre), span)
            }
            "if" if (2..=3).contains(&n) => {
                let test = self.expr(&args[0], sc);
                let then = self.expr(&args[1], sc);
                let els = match args.get(2) {
                    Some(x) => self.expr(x, sc),
                    None => atom("false", span),
                };
                // LFE translates `if` to an Erlang `case` on `true` and
                // `false` (lfe_translate:to_if), so a non-boolean test is
                // a `{case_clause, Value}` error, not `if_clause`.
                e(
                    K::Case(
                        Box::new(test),
                        vec![
                            clause(atom("true", span), vec![], vec![then], span),
                            clause(atom("false", span), vec![], vec![els], span),
                        ],
                    ),
                    span,
                )
            }
            "case" if n >= 1 => {
                let arg = self.expr(&args[0], sc);
                let cs = self.clauses(&args[1..], sc);
                e(K::Case(Box::new(arg), cs), span)
            }
            "receive" => self.receive(args, sc, span),
            "catch" => {
                let b = self.block(args, sc, span);
                e(K::Catch(Box::new(b)), span)
            }
            "try" if n >= 1 => self.try_form(args, sc, span),
            "funcall" if n >= 1 => {
                let f = self.expr(&args[0], sc);
                let a = self.exprs(&args[1..], sc);
                e(K::Call(Box::new(f), a), span)
            }
            "call" if n >= 2 => {
                let m = self.expr(&args[0], sc);
                let f = self.expr(&args[1], sc);
                let a = self.exprs(&args[2..], sc);
                e(
                    K::Call(Box::new(e(K::Remote(Box::new(m), Box::new(f)), span)), a),
                    span,
                )
            }
            "function" => self.function_ref(args, sc, span),
            "andalso" | "orelse" => {
                let xs = self.exprs(args, sc);
                let (op, unit) = if name == "andalso" {
                    (BinOp::AndAlso, "true")
                } else {
                    (BinOp::OrElse, "false")
                };
                if xs.is_empty() {
                    return atom(unit, span);
                }
                fold_right(op, xs, span)
            }
            "!" if n == 2 => {
                let a = self.expr(&args[0], sc);
                let b = self.expr(&args[1], sc);
                e(K::Send(Box::new(a), Box::new(b)), span)
            }
            "backquote" if n == 1 => {
                let x = super::macros::backquote(&args[0]);
                self.expr(&x, sc)
            }
            "comma" | "comma-at" => self.error(span, format!("{name} outside a backquote")),
            "record" | "make-record" if n >= 1 => self.record_make(&args[0], &args[1..], sc, span),
            "is-record" if n == 2 => {
                let x = self.expr(&args[0], sc);
                self.record_test(&args[1], x, span)
            }
            "record-index" if n == 2 => self.record_index(&args[0], &args[1], span),
            "record-field" if n == 3 => {
                let x = self.expr(&args[0], sc);
                self.record_get(&args[1], &args[2], x, span)
            }
            "record-update" if n >= 2 => {
                let x = self.expr(&args[0], sc);
                self.record_update(&args[1], x, &args[2..], sc, span)
            }
            _ => self.arity_error(name, span),
        }
    }

    pub fn map_fields(
        &mut self,
        kvs: &[Sexpr],
        sc: &Scope,
        exact: bool,
        span: &Span,
    ) -> Vec<ast::MapField> {
        if !kvs.len().is_multiple_of(2) {
            self.error(span, "a map needs keys and values in pairs");
            return Vec::new();
        }
        kvs.chunks(2)
            .map(|kv| ast::MapField {
                key: self.expr(&kv[0], sc),
                value: self.expr(&kv[1], sc),
                exact,
                span: kv[0].span.start..kv[1].span.end,
            })
            .collect()
    }

    /// `(function f 1)`, `(function m f 1)`.
    fn function_ref(&mut self, args: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        match args {
            [f, a] => {
                let (Some(f), S::Int(arity)) = (f.as_sym(), &a.kind) else {
                    return self.error(span, "bad function reference");
                };
                let arity = *arity as u32;
                if let Some(lf) = sc.funs.get(&(f.to_string(), arity)).cloned() {
                    return match lf {
                        LocalFun::Var(v) => e(K::Var(v), span),
                        LocalFun::Dispatch(..) => {
                            let params: Vec<String> =
                                (0..arity).map(|i| self.fresh(&format!("a{i}"))).collect();
                            let args = params.iter().map(|p| e(K::Var(p.clone()), span)).collect();
                            let body = local_call(&lf, args, span);
                            e(
                                K::Fun(vec![fun_clause(
                                    params.into_iter().map(|p| e(K::Var(p), span)).collect(),
                                    vec![],
                                    vec![body],
                                    span,
                                )]),
                                span,
                            )
                        }
                    };
                }
                if self.defined.contains(&(f.to_string(), arity)) {
                    return e(K::FunRef(f.to_string(), arity), span);
                }
                if let Some((m, g)) = self.imports.get(&(f.to_string(), arity)).cloned() {
                    return remote_ref(&m, &g, arity, span);
                }
                if eubeam_erlang::lower::is_auto_imported(f, arity) {
                    return remote_ref("erlang", f, arity, span);
                }
                self.error(span, format!("undefined function {f}/{arity}"))
            }
            [m, f, a] => match (m.as_sym(), f.as_sym(), &a.kind) {
                (Some(m), Some(f), S::Int(arity)) => {
                    let m = self
                        .aliases
                        .get(m)
                        .cloned()
                        .unwrap_or_else(|| m.to_string());
                    remote_ref(&m, f, *arity as u32, span)
                }
                _ => {
                    let m = self.expr(m, sc);
                    let f = self.expr(f, sc);
                    let a = self.expr(a, sc);
                    e(K::RemoteFunRef(Box::new(m), Box::new(f), Box::new(a)), span)
                }
            },
            _ => self.error(span, "bad function reference"),
        }
    }

    /// `(lambda (a b) body...)`.
    fn lambda(&mut self, params: &Sexpr, body: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        let Some(ps) = params.items() else {
            return self.error(&params.span, "lambda needs a list of argument names");
        };
        let mut inner = sc.clone();
        let mut vars = Vec::new();
        for p in ps {
            match p.as_sym() {
                Some("_") => vars.push(e(K::Var("_".into()), &p.span)),
                Some(n) => {
                    let v = self.fresh(n);
                    inner.vars.insert(n.to_string(), v.clone());
                    vars.push(e(K::Var(v), &p.span));
                }
                None => {
                    return self.error(&p.span, "lambda arguments must be symbols");
                }
            }
        }
        let body = self.body(body, &inner, span);
        e(K::Fun(vec![fun_clause(vars, vec![], body, span)]), span)
    }

    /// Clauses `((p1 ... pn) [(when g...)] body...)` of a match-lambda or a
    /// defun; `name` for a named fun (fletrec).
    pub fn fun_clauses(
        &mut self,
        clauses: &[Sexpr],
        sc: &Scope,
        name: Option<(String, Span)>,
        span: &Span,
    ) -> Vec<ast::FunClause> {
        let mut out = Vec::new();
        let mut arity = None;
        for c in clauses {
            let Some(items) = c.items().filter(|i| !i.is_empty()) else {
                self.error(
                    &c.span,
                    "a function clause is a list: ((patterns...) body...)",
                );
                continue;
            };
            let Some(pats) = items[0].as_list() else {
                self.error(
                    &items[0].span,
                    "a function clause starts with a list of patterns",
                );
                continue;
            };
            match arity {
                None => arity = Some(pats.len()),
                Some(a) if a != pats.len() => {
                    self.error(
                        &c.span,
                        "function clauses have different numbers of arguments",
                    );
                    continue;
                }
                _ => {}
            }
            let mut inner = sc.clone();
            let mut binds = std::collections::HashMap::new();
            let params: Vec<Expr> = pats
                .iter()
                .map(|p| self.pattern(p, &mut binds, sc))
                .collect();
            inner.vars.extend(binds);
            let (guard, body) = self.guard_and_body(&items[1..], &inner);
            let body = self.body(body, &inner, &c.span);
            let mut fc = fun_clause(params, guard, body, &c.span);
            fc.name = name.clone();
            out.push(fc);
        }
        if out.is_empty() && clauses.is_empty() {
            self.error(span, "no clauses");
        }
        out
    }

    /// Splits `[(when g...)] body...`, lowering the guard.
    pub fn guard_and_body<'s>(
        &mut self,
        rest: &'s [Sexpr],
        sc: &Scope,
    ) -> (ast::Guard, &'s [Sexpr]) {
        match rest.first() {
            Some(w) if w.head() == Some("when") => {
                let tests = w.items().map(|i| i[1..].to_vec()).unwrap_or_default();
                let was = self.in_guard;
                self.in_guard = true;
                let g: Vec<Expr> = tests.iter().map(|t| self.expr(t, sc)).collect();
                self.in_guard = was;
                let guard = if g.is_empty() { vec![] } else { vec![g] };
                (guard, &rest[1..])
            }
            _ => (vec![], rest),
        }
    }

    /// `(pat [(when ...)] body...)` clauses of case/receive/try.
    pub fn clauses(&mut self, cs: &[Sexpr], sc: &Scope) -> Vec<ast::Clause> {
        let mut out = Vec::new();
        for c in cs {
            let Some(items) = c.items().filter(|i| !i.is_empty()) else {
                self.error(&c.span, "a clause is a list: (pattern body...)");
                continue;
            };
            let mut binds = std::collections::HashMap::new();
            let pat = self.pattern(&items[0], &mut binds, sc);
            let mut inner = sc.clone();
            inner.vars.extend(binds);
            let (guard, body) = self.guard_and_body(&items[1..], &inner);
            let body = self.body(body, &inner, &c.span);
            out.push(clause(pat, guard, body, &c.span));
        }
        out
    }

    /// `(let ((pat [(when g)] expr) ...) body...)`: every expression is
    /// evaluated in the outer scope, then matched.
    fn let_form(&mut self, binds: &Sexpr, body: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        let Some(bs) = binds.items() else {
            return self.error(&binds.span, "let needs a list of bindings");
        };
        let mut inner = sc.clone();
        let mut steps: Vec<(Expr, ast::Guard, Expr, Span)> = Vec::new();
        for b in bs {
            let Some(items) = b.items().filter(|i| i.len() == 2 || i.len() == 3) else {
                self.error(&b.span, "a let binding is (pattern expression)");
                continue;
            };
            let value = self.expr(&items[items.len() - 1], sc);
            let mut vars = std::collections::HashMap::new();
            let pat = self.pattern(&items[0], &mut vars, sc);
            let mut with = sc.clone();
            with.vars.extend(vars.clone());
            let guard = if items.len() == 3 {
                self.guard_and_body(&items[1..2], &with).0
            } else {
                vec![]
            };
            inner.vars.extend(vars);
            steps.push((pat, guard, value, b.span.clone()));
        }
        let mut out = Vec::new();
        let rest = self.body(body, &inner, span);
        // Guarded bindings need a case; build from the innermost out.
        let mut tail: Vec<Expr> = rest;
        for (pat, guard, value, bspan) in steps.into_iter().rev() {
            if guard.is_empty() {
                let mut v = vec![e(K::Match(Box::new(pat), Box::new(value)), &bspan)];
                v.extend(tail);
                tail = v;
            } else {
                let other = self.fresh("other");
                let fail = call_local(
                    "error",
                    vec![e(
                        K::Tuple(vec![
                            atom("badmatch", &bspan),
                            e(K::Var(other.clone()), &bspan),
                        ]),
                        &bspan,
                    )],
                    &bspan,
                );
                let case = e(
                    K::Case(
                        Box::new(value),
                        vec![
                            clause(pat, guard, tail, &bspan),
                            clause(e(K::Var(other), &bspan), vec![], vec![fail], &bspan),
                        ],
                    ),
                    &bspan,
                );
                tail = vec![case];
            }
        }
        out.extend(tail);
        if out.len() == 1 {
            return out.remove(0);
        }
        e(K::Block(out), span)
    }

    /// `flet`/`fletrec`/`let-function`: local functions as variables
    /// holding funs. `lambdas`: definitions are `(name lambda-form)`
    /// (let-function) rather than `(name (args) body...)` (flet).
    pub fn let_function(
        &mut self,
        defs: &Sexpr,
        body: &[Sexpr],
        sc: &Scope,
        span: &Span,
        rec: bool,
        lambdas: bool,
    ) -> Expr {
        let Some(ds) = defs.items() else {
            return self.error(&defs.span, "expected a list of function definitions");
        };
        // (name arity clauses) for each definition.
        let mut parsed: Vec<(String, u32, Vec<Sexpr>, Span)> = Vec::new();
        for d in ds {
            match self.local_def(d, lambdas) {
                Some(x) => parsed.push(x),
                None => {
                    self.error(&d.span, "bad local function definition");
                }
            }
        }
        let mut inner = sc.clone();
        let mut steps = Vec::new();
        if !rec {
            for (name, arity, clauses, dspan) in &parsed {
                let v = self.fresh(name);
                let cs = self.fun_clauses(clauses, sc, None, dspan);
                steps.push(e(
                    K::Match(
                        Box::new(e(K::Var(v.clone()), dspan)),
                        Box::new(e(K::Fun(cs), dspan)),
                    ),
                    dspan,
                ));
                inner.funs.insert((name.clone(), *arity), LocalFun::Var(v));
            }
        } else if parsed.len() == 1 {
            let (name, arity, clauses, dspan) = &parsed[0];
            let self_name = self.fresh(name);
            let mut within = sc.clone();
            within
                .funs
                .insert((name.clone(), *arity), LocalFun::Var(self_name.clone()));
            let cs = self.fun_clauses(clauses, &within, Some((self_name, dspan.clone())), dspan);
            let v = self.fresh(name);
            steps.push(e(
                K::Match(
                    Box::new(e(K::Var(v.clone()), dspan)),
                    Box::new(e(K::Fun(cs), dspan)),
                ),
                dspan,
            ));
            inner.funs.insert((name.clone(), *arity), LocalFun::Var(v));
        } else if !parsed.is_empty() {
            // Mutually recursive: one named fun Dispatch(Tag, {Args...}).
            let self_name = self.fresh("letrec");
            let mut within = sc.clone();
            for (name, arity, _, _) in &parsed {
                within.funs.insert(
                    (name.clone(), *arity),
                    LocalFun::Dispatch(self_name.clone(), format!("{name}/{arity}")),
                );
            }
            let mut all = Vec::new();
            for (name, arity, clauses, dspan) in &parsed {
                let cs = self.fun_clauses(clauses, &within, None, dspan);
                for mut c in cs {
                    let params = std::mem::take(&mut c.params);
                    c.params = vec![
                        atom(&format!("{name}/{arity}"), dspan),
                        e(K::Tuple(params), dspan),
                    ];
                    c.name = Some((self_name.clone(), dspan.clone()));
                    all.push(c);
                }
            }
            let v = self.fresh("letrec");
            steps.push(e(
                K::Match(
                    Box::new(e(K::Var(v.clone()), span)),
                    Box::new(e(K::Fun(all), span)),
                ),
                span,
            ));
            for (name, arity, _, _) in &parsed {
                inner.funs.insert(
                    (name.clone(), *arity),
                    LocalFun::Dispatch(v.clone(), format!("{name}/{arity}")),
                );
            }
        }
        steps.extend(self.body(body, &inner, span));
        if steps.len() == 1 {
            return steps.remove(0);
        }
        e(K::Block(steps), span)
    }

    /// One local function definition as (name, arity, match-lambda clauses).
    fn local_def(&mut self, d: &Sexpr, lambdas: bool) -> Option<(String, u32, Vec<Sexpr>, Span)> {
        let items = d.items()?;
        let name = items.first()?.as_sym()?.to_string();
        let clauses: Vec<Sexpr> = if lambdas {
            let f = items.get(1)?;
            let fi = f.items()?;
            match f.head()? {
                "lambda" => vec![Sexpr::list(fi[1..].to_vec(), f.span.clone())],
                "match-lambda" => fi[1..].to_vec(),
                _ => return None,
            }
        } else {
            super::forms::defun_clauses(&items[1..], &d.span)?
        };
        let arity = clauses.first()?.items()?.first()?.as_list()?.len() as u32;
        Some((name, arity, clauses, d.span.clone()))
    }

    fn receive(&mut self, args: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        let (cs, after) = match args.last() {
            Some(a) if a.head() == Some("after") => (&args[..args.len() - 1], Some(a)),
            _ => (args, None),
        };
        let clauses = self.clauses(cs, sc);
        let after = match after {
            Some(a) => {
                let items = a.items().unwrap_or_default();
                if items.len() < 2 {
                    return self.error(&a.span, "after needs a timeout");
                }
                let t = self.expr(&items[1], sc);
                let b = self.body(&items[2..], sc, &a.span);
                Some((Box::new(t), b))
            }
            None => None,
        };
        e(K::Receive(clauses, after), span)
    }

    /// `(try e [(case ...)] [(catch ...)] [(after ...)])`.
    fn try_form(&mut self, args: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        let body = vec![self.expr(&args[0], sc)];
        let mut of = Vec::new();
        let mut catches = Vec::new();
        let mut after = Vec::new();
        for part in &args[1..] {
            let items = part.items().unwrap_or_default();
            match part.head() {
                Some("case") => of = self.clauses(&items[1..], sc),
                Some("catch") => {
                    for c in &items[1..] {
                        if let Some(cc) = self.catch_clause(c, sc) {
                            catches.push(cc);
                        }
                    }
                }
                Some("after") => after = self.body(&items[1..], sc, &part.span),
                _ => {
                    self.error(
                        &part.span,
                        "expected (case ...), (catch ...) or (after ...) in try",
                    );
                }
            }
        }
        if of.is_empty() && catches.is_empty() && after.is_empty() {
            return self.error(span, "try needs a case, catch or after part");
        }
        e(
            K::Try {
                body,
                of,
                catches,
                after,
            },
            span,
        )
    }

    /// `((tuple class reason stack) [(when ...)] body...)` or `(_ body...)`.
    fn catch_clause(&mut self, c: &Sexpr, sc: &Scope) -> Option<ast::CatchClause> {
        let Some(items) = c.items().filter(|i| !i.is_empty()) else {
            self.error(
                &c.span,
                "a catch clause is ((tuple class reason stack) body...)",
            );
            return None;
        };
        let pat = &items[0];
        let mut binds = std::collections::HashMap::new();
        let three: Option<Vec<Sexpr>> = match &pat.kind {
            S::Tuple(xs) if xs.len() == 3 => Some(
                xs.iter()
                    .map(|x| {
                        Sexpr::list(
                            vec![Sexpr::sym("quote", x.span.clone()), x.clone()],
                            x.span.clone(),
                        )
                    })
                    .collect(),
            ),
            S::List(xs, None) if xs.len() == 4 && xs[0].as_sym() == Some("tuple") => {
                Some(xs[1..].to_vec())
            }
            _ => None,
        };
        let mut pre = Vec::new();
        let (class, reason, stack) = match three {
            Some(t) => {
                let class = self.pattern(&t[0], &mut binds, sc);
                let reason = self.pattern(&t[1], &mut binds, sc);
                let stack = match t[2].as_sym() {
                    Some("_") => None,
                    Some(n) => {
                        let v = self.fresh(n);
                        binds.insert(n.to_string(), v.clone());
                        Some(e(K::Var(v), &t[2].span))
                    }
                    None => {
                        self.error(
                            &t[2].span,
                            "the stack trace in a catch clause must be a variable",
                        );
                        return None;
                    }
                };
                (class, reason, stack)
            }
            None => {
                // `_` or a variable for the whole {Class, Reason, Stack}.
                let cv = self.fresh("class");
                let rv = self.fresh("reason");
                let sv = self.fresh("stack");
                if let Some(n) = pat.as_sym().filter(|n| *n != "_") {
                    let v = self.fresh(n);
                    binds.insert(n.to_string(), v.clone());
                    let whole = e(
                        K::Tuple(vec![
                            e(K::Var(cv.clone()), &pat.span),
                            e(K::Var(rv.clone()), &pat.span),
                            e(K::Var(sv.clone()), &pat.span),
                        ]),
                        &pat.span,
                    );
                    pre.push(e(
                        K::Match(Box::new(e(K::Var(v), &pat.span)), Box::new(whole)),
                        &pat.span,
                    ));
                } else if pat.as_sym().is_none() {
                    self.error(
                        &pat.span,
                        "a catch pattern is (tuple class reason stack) or _",
                    );
                    return None;
                }
                (
                    e(K::Var(cv), &pat.span),
                    e(K::Var(rv), &pat.span),
                    Some(e(K::Var(sv), &pat.span)),
                )
            }
        };
        let mut inner = sc.clone();
        inner.vars.extend(binds);
        let (guard, body) = self.guard_and_body(&items[1..], &inner);
        pre.extend(self.body(body, &inner, &c.span));
        Some(ast::CatchClause {
            class: Some(class),
            reason,
            stack,
            guard,
            body: pre,
            span: c.span.clone(),
        })
    }

    /// `(binary seg ...)` as an expression.
    pub fn binary(&mut self, segs: &[Sexpr], sc: &Scope, span: &Span) -> Expr {
        let mut elems = Vec::new();
        for seg in segs {
            match self.segment(seg, &mut |lw, x| lw.expr(x, sc)) {
                Some(el) => elems.extend(el),
                None => return e(K::Error, span),
            }
        }
        e(K::Binary(elems), span)
    }

    /// One segment: `val` or `(val spec...)`; `value` lowers the value (an
    /// expression or a pattern). A binary string segment gives its bytes.
    pub fn segment(
        &mut self,
        seg: &Sexpr,
        value: &mut dyn FnMut(&mut Self, &Sexpr) -> Expr,
    ) -> Option<Vec<ast::BinElem>> {
        let (v, specs): (&Sexpr, &[Sexpr]) = match &seg.kind {
            S::List(items, None) if !items.is_empty() => (&items[0], &items[1..]),
            S::Bin(bytes) => {
                return Some(
                    bytes
                        .iter()
                        .map(|b| {
                            super::bin_elem(e(K::Int(i64::from(*b)), &seg.span), seg.span.clone())
                        })
                        .collect(),
                )
            }
            _ => (seg, &[]),
        };
        let mut el = super::bin_elem(value(self, v), seg.span.clone());
        for sp in specs {
            match &sp.kind {
                S::Sym(n) => {
                    let n = match n.as_str() {
                        "utf-8" => "utf8",
                        "utf-16" => "utf16",
                        "utf-32" => "utf32",
                        "big-endian" => "big",
                        "little-endian" => "little",
                        "native-endian" => "native",
                        other => other,
                    };
                    el.types.push((n.to_string(), None, sp.span.clone()));
                }
                S::List(xs, None) if xs.len() == 2 && xs[0].as_sym() == Some("size") => {
                    el.size = Some(value(self, &xs[1]));
                    // A size is always an expression over bound variables.
                }
                S::List(xs, None) if xs.len() == 2 && xs[0].as_sym() == Some("unit") => {
                    match &xs[1].kind {
                        S::Int(u) => el.types.push(("unit".into(), Some(*u), sp.span.clone())),
                        _ => {
                            self.error(&sp.span, "unit must be an integer");
                            return None;
                        }
                    }
                }
                _ => {
                    self.error(&sp.span, format!("bad binary segment specifier {sp}"));
                    return None;
                }
            }
        }
        Some(vec![el])
    }
}

/// Calls a flet/fletrec-bound function.
pub(crate) fn local_call(lf: &LocalFun, args: Vec<Expr>, span: &Span) -> Expr {
    match lf {
        LocalFun::Var(v) => e(K::Call(Box::new(e(K::Var(v.clone()), span)), args), span),
        LocalFun::Dispatch(v, tag) => e(
            K::Call(
                Box::new(e(K::Var(v.clone()), span)),
                vec![atom(tag, span), e(K::Tuple(args), span)],
            ),
            span,
        ),
    }
}

fn remote_ref(m: &str, f: &str, arity: u32, span: &Span) -> Expr {
    e(
        K::RemoteFunRef(
            Box::new(atom(m, span)),
            Box::new(atom(f, span)),
            Box::new(e(K::Int(i64::from(arity)), span)),
        ),
        span,
    )
}

fn fold_right(op: BinOp, mut xs: Vec<Expr>, span: &Span) -> Expr {
    let mut acc = xs.pop().unwrap_or_else(|| e(K::Error, span));
    while let Some(x) = xs.pop() {
        acc = bin(op, x, acc, span);
    }
    acc
}

pub(crate) fn clause(
    pattern: Expr,
    guard: ast::Guard,
    body: Vec<Expr>,
    span: &Span,
) -> ast::Clause {
    ast::Clause {
        pattern,
        guard,
        body,
        span: span.clone(),
    }
}

pub(crate) fn fun_clause(
    params: Vec<Expr>,
    guard: ast::Guard,
    body: Vec<Expr>,
    span: &Span,
) -> ast::FunClause {
    ast::FunClause {
        name: None,
        params,
        guard,
        body,
        span: span.clone(),
    }
}
