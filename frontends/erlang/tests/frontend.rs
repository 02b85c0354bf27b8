//! End-to-end tests of the Erlang frontend through its public API: the IR
//! it produces (asserted on values, as the printer is written elsewhere),
//! its diagnostics, and the shell contract.

use std::collections::HashSet;

use eubeam_erlang::{stdlib_source, ErlangFrontend};
use eubeam_ir::{
    Clause, Expr, ExprKind, Frontend, Literal, Module, Pattern, ReplInput, SourceFile,
};

fn compile(src: &str) -> Result<Module, Vec<eubeam_ir::Diagnostic>> {
    let file = SourceFile {
        path: "t.erl".into(),
        text: src.into(),
    };
    ErlangFrontend.compile(&file).map(|c| {
        assert_eq!(c.modules.len(), 1);
        let m = c
            .modules
            .into_iter()
            .next()
            .unwrap_or_else(|| unreachable!());
        check_module(&m);
        m
    })
}

fn compile_ok(src: &str) -> Module {
    match compile(src) {
        Ok(m) => m,
        Err(ds) => panic!(
            "{}",
            ds.iter().map(|d| d.render(src, false)).collect::<String>()
        ),
    }
}

fn errors(src: &str) -> Vec<String> {
    match compile(src) {
        Ok(_) => panic!("expected errors"),
        Err(ds) => ds
            .iter()
            .map(|d| format!("{}: {}", d.location(src), d.message))
            .collect(),
    }
}

/// Every sub-expression, depth first.
fn walk<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    out.push(e);
    let clauses = |cs: &'a [Clause], out: &mut Vec<&'a Expr>| {
        for c in cs {
            if let Some(g) = &c.guard {
                walk(g, out);
            }
            walk(&c.body, out);
        }
    };
    match &e.kind {
        ExprKind::Var(_) | ExprKind::Lit(_) | ExprKind::FunRef(_) => {}
        ExprKind::Cons(a, b) | ExprKind::Seq(a, b) => {
            walk(a, out);
            walk(b, out);
        }
        ExprKind::Tuple(xs) | ExprKind::Values(xs) | ExprKind::PrimOp { args: xs, .. } => {
            xs.iter().for_each(|x| walk(x, out))
        }
        ExprKind::Fun(f) => walk(&f.body, out),
        ExprKind::Let { value, body, .. } => {
            walk(value, out);
            walk(body, out);
        }
        ExprKind::LetRec { defs, body } => {
            defs.iter().for_each(|(_, f)| walk(&f.body, out));
            walk(body, out);
        }
        ExprKind::Case { arg, clauses: cs } => {
            walk(arg, out);
            clauses(cs, out);
        }
        ExprKind::Receive {
            clauses: cs,
            timeout,
            after,
        } => {
            clauses(cs, out);
            walk(timeout, out);
            walk(after, out);
        }
        ExprKind::Apply { fun, args } => {
            walk(fun, out);
            args.iter().for_each(|x| walk(x, out));
        }
        ExprKind::Call {
            module,
            function,
            args,
        } => {
            walk(module, out);
            walk(function, out);
            args.iter().for_each(|x| walk(x, out));
        }
        ExprKind::Try {
            arg, body, handler, ..
        } => {
            walk(arg, out);
            walk(body, out);
            walk(handler, out);
        }
        ExprKind::Catch(x) => walk(x, out),
        ExprKind::Map { .. } | ExprKind::Binary(_) => {}
    }
}

fn all_exprs(m: &Module) -> Vec<&Expr> {
    let mut out = Vec::new();
    for f in &m.functions {
        walk(&f.fun.body, &mut out);
    }
    out
}

/// `(module, function, arity)` of every constant remote call.
fn calls(m: &Module) -> HashSet<String> {
    all_exprs(m)
        .into_iter()
        .filter_map(|e| match &e.kind {
            ExprKind::Call {
                module,
                function,
                args,
            } => match (&module.kind, &function.kind) {
                (ExprKind::Lit(Literal::Atom(m)), ExprKind::Lit(Literal::Atom(f))) => {
                    Some(format!("{m}:{f}/{}", args.len()))
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn primops(m: &Module) -> Vec<String> {
    all_exprs(m)
        .into_iter()
        .filter_map(|e| match &e.kind {
            ExprKind::PrimOp { name, args } => {
                Some(format!("{name}{:?}", args.first().map(|a| &a.kind)))
            }
            _ => None,
        })
        .collect()
}

// ---- A scoping checker: variables bound before use, never rebound. ----

struct Scope {
    bound: Vec<String>,
    funs: Vec<eubeam_ir::FunName>,
}

impl Scope {
    fn bind(&mut self, v: &str) {
        assert!(!self.bound.iter().any(|b| b == v), "variable {v} shadowed");
        self.bound.push(v.to_string());
    }
}

fn check_module(m: &Module) {
    for f in &m.functions {
        let mut s = Scope {
            bound: Vec::new(),
            funs: m.functions.iter().map(|f| f.name.clone()).collect(),
        };
        for p in &f.fun.params {
            s.bind(p);
        }
        check(&f.fun.body, &mut s);
    }
}

fn check_pattern(p: &Pattern, s: &mut Scope) {
    for v in p.variables() {
        if !s.bound.contains(v) {
            s.bound.push(v.clone());
        }
    }
}

fn check_clauses(cs: &[Clause], arity: Option<usize>, s: &mut Scope) {
    for c in cs {
        if let Some(n) = arity {
            assert_eq!(c.pats.len(), n, "clause arity");
        }
        let mark = s.bound.len();
        let mut seen = HashSet::new();
        for p in &c.pats {
            for v in p.variables() {
                if !s.bound.contains(v) {
                    assert!(seen.insert(v.clone()), "variable {v} twice in one clause");
                }
            }
        }
        for p in &c.pats {
            check_pattern(p, s);
        }
        if let Some(g) = &c.guard {
            check(g, s);
        }
        check(&c.body, s);
        s.bound.truncate(mark);
    }
}

fn check(e: &Expr, s: &mut Scope) {
    match &e.kind {
        ExprKind::Var(v) => assert!(s.bound.contains(v), "unbound {v}"),
        ExprKind::Lit(_) => {}
        ExprKind::FunRef(f) => assert!(s.funs.contains(f), "unknown fun {f:?}"),
        ExprKind::Cons(a, b) | ExprKind::Seq(a, b) => {
            check(a, s);
            check(b, s);
        }
        ExprKind::Tuple(xs) | ExprKind::Values(xs) | ExprKind::PrimOp { args: xs, .. } => {
            xs.iter().for_each(|x| check(x, s))
        }
        ExprKind::Fun(f) => {
            let mark = s.bound.len();
            f.params.iter().for_each(|p| s.bind(p));
            check(&f.body, s);
            s.bound.truncate(mark);
        }
        ExprKind::Let { vars, value, body } => {
            check(value, s);
            let mark = s.bound.len();
            vars.iter().for_each(|v| s.bind(v));
            check(body, s);
            s.bound.truncate(mark);
        }
        ExprKind::LetRec { defs, body } => {
            let fmark = s.funs.len();
            s.funs.extend(defs.iter().map(|(n, _)| n.clone()));
            for (_, f) in defs {
                let mark = s.bound.len();
                f.params.iter().for_each(|p| s.bind(p));
                check(&f.body, s);
                s.bound.truncate(mark);
            }
            check(body, s);
            s.funs.truncate(fmark);
        }
        ExprKind::Case { arg, clauses } => {
            check(arg, s);
            let n = match &arg.kind {
                ExprKind::Values(xs) => xs.len(),
                _ => 1,
            };
            check_clauses(clauses, Some(n), s);
        }
        ExprKind::Receive {
            clauses,
            timeout,
            after,
        } => {
            check_clauses(clauses, Some(1), s);
            check(timeout, s);
            check(after, s);
        }
        ExprKind::Apply { fun, args } => {
            check(fun, s);
            args.iter().for_each(|x| check(x, s));
        }
        ExprKind::Call {
            module,
            function,
            args,
        } => {
            check(module, s);
            check(function, s);
            args.iter().for_each(|x| check(x, s));
        }
        ExprKind::Try {
            arg,
            vars,
            body,
            evars,
            handler,
        } => {
            check(arg, s);
            let mark = s.bound.len();
            vars.iter().for_each(|v| s.bind(v));
            check(body, s);
            s.bound.truncate(mark);
            evars.iter().for_each(|v| s.bind(v));
            check(handler, s);
            s.bound.truncate(mark);
        }
        ExprKind::Catch(x) => check(x, s),
        ExprKind::Map { .. } | ExprKind::Binary(_) => {}
    }
}

// ---- The article's programs. ----

#[test]
fn article_squares_module() {
    let m = compile_ok(include_str!("programs/squares.erl"));
    assert_eq!(m.name, "squares");
    assert_eq!(m.exports, vec![eubeam_ir::FunName::new("run", 0)]);
    assert!(m.function("run", 0).is_some() && m.function("collect", 2).is_some());
    let cs = calls(&m);
    for c in [
        "erlang:self/0",
        "erlang:spawn/1",
        "erlang:send/2",
        "erlang:*/2",
        "lists:foreach/2",
        "lists:seq/2",
        "erlang:-/2",
        "erlang:+/2",
    ] {
        assert!(cs.contains(c), "{c} in {cs:?}");
    }
    // collect/2 applies itself locally and receives.
    let collect = m.function("collect", 2).unwrap_or_else(|| unreachable!());
    let mut es = Vec::new();
    walk(&collect.fun.body, &mut es);
    assert!(es.iter().any(
        |e| matches!(&e.kind, ExprKind::Receive { clauses, timeout, .. }
        if clauses.len() == 1 && timeout.kind == ExprKind::Lit(Literal::atom("infinity")))
    ));
    assert!(es
        .iter()
        .any(|e| matches!(&e.kind, ExprKind::Apply { fun, .. }
        if matches!(&fun.kind, ExprKind::FunRef(f) if f.name == "collect" && f.arity == 2))));
    // Spans carry lines: the send is on line 8.
    let send = all_exprs(&m)
        .into_iter()
        .find(|e| matches!(&e.kind, ExprKind::Call { function, .. } if function.kind == ExprKind::Lit(Literal::atom("send"))))
        .unwrap_or_else(|| unreachable!());
    assert_eq!(send.span.line, 8);
}

#[test]
fn article_priority_loop_and_call() {
    let m = compile_ok(include_str!("programs/priority.erl"));
    let pl = m
        .function("priority_loop", 0)
        .unwrap_or_else(|| unreachable!());
    match &pl.fun.body.kind {
        ExprKind::Receive {
            clauses,
            timeout,
            after,
        } => {
            assert_eq!(clauses.len(), 1);
            assert_eq!(timeout.kind, ExprKind::Lit(Literal::Int(0)));
            assert!(matches!(after.kind, ExprKind::Receive { .. }));
        }
        other => panic!("{other:?}"),
    }
    let cs = calls(&m);
    assert!(
        cs.contains("erlang:make_ref/0")
            && cs.contains("erlang:exit/1")
            && cs.contains("io:format/2")
    );
    // call/2: the receive pattern tests the already-bound Ref.
    let call = m.function("call", 2).unwrap_or_else(|| unreachable!());
    let mut es = Vec::new();
    walk(&call.fun.body, &mut es);
    let rec = es
        .iter()
        .find_map(|e| match &e.kind {
            ExprKind::Receive {
                clauses, timeout, ..
            } => Some((clauses, timeout)),
            _ => None,
        })
        .unwrap_or_else(|| unreachable!());
    assert_eq!(rec.1.kind, ExprKind::Lit(Literal::Int(5000)));
    assert!(matches!(&rec.0[0].pats[0], Pattern::Tuple(ps) if ps[0] == Pattern::Var("Ref".into())));
}

#[test]
fn stdlib_lists_compiles_cleanly() {
    let (name, text) = stdlib_source("lists").unwrap_or_else(|| unreachable!());
    assert_eq!(name, "lists.erl");
    let file = SourceFile {
        path: name.into(),
        text: text.into(),
    };
    let c = match ErlangFrontend.compile(&file) {
        Ok(c) => c,
        Err(ds) => panic!(
            "{}",
            ds.iter().map(|d| d.render(text, false)).collect::<String>()
        ),
    };
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let m = &c.modules[0];
    check_module(m);
    for (f, a) in [
        ("foreach", 2),
        ("seq", 2),
        ("seq", 3),
        ("map", 2),
        ("foldl", 3),
        ("foldr", 3),
        ("reverse", 1),
        ("reverse", 2),
        ("sum", 1),
        ("filter", 2),
        ("nth", 2),
        ("member", 2),
        ("append", 2),
        ("append", 1),
        ("last", 1),
        ("max", 1),
        ("min", 1),
        ("zip", 2),
        ("keyfind", 3),
        ("duplicate", 2),
        ("flatten", 1),
        ("sort", 1),
        ("usort", 1),
        ("any", 2),
        ("all", 2),
        ("split", 2),
        ("sublist", 2),
        ("sublist", 3),
        ("delete", 2),
        ("nthtail", 2),
    ] {
        assert!(
            m.exports.contains(&eubeam_ir::FunName::new(f, a)),
            "{f}/{a}"
        );
    }
    // max/1 calls the local max/2, not erlang:max/2.
    assert!(!calls(m).contains("erlang:max/2"));
    assert!(stdlib_source("nope").is_none());
}

// ---- Lowering structure. ----

#[test]
fn function_clauses_become_one_case_with_function_clause() {
    let m = compile_ok(
        "-module(t).\n-export([f/2]).\nf(0, X) -> X;\nf(N, X) when N > 0 -> f(N - 1, X).\n",
    );
    let f = m.function("f", 2).unwrap_or_else(|| unreachable!());
    assert_eq!(f.fun.params.len(), 2);
    match &f.fun.body.kind {
        ExprKind::Case { arg, clauses } => {
            assert!(matches!(&arg.kind, ExprKind::Values(v) if v.len() == 2));
            assert_eq!(clauses.len(), 3);
            assert_eq!(clauses[0].pats[0], Pattern::Lit(Literal::Int(0)));
            assert!(clauses[1].guard.is_some());
            assert_eq!(clauses[2].pats, vec![Pattern::Wildcard, Pattern::Wildcard]);
            match &clauses[2].body.kind {
                ExprKind::PrimOp { name, args } => {
                    assert_eq!(name, "match_fail");
                    assert!(matches!(&args[0].kind, ExprKind::Tuple(items)
                        if items.len() == 3 && items[0].kind == ExprKind::Lit(Literal::atom("function_clause"))));
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn failure_reasons() {
    let m = compile_ok(
        "-module(t).\n-export([f/1]).\nf(X) -> {A, 1} = X, case A of 1 -> a end, if A > 1 -> b end, A andalso true.\n",
    );
    let ps = primops(&m).join("\n");
    assert!(ps.contains("badmatch"), "{ps}");
    assert!(ps.contains("case_clause"), "{ps}");
    assert!(ps.contains("if_clause"), "{ps}");
    assert!(ps.contains("badarg"), "{ps}");
}

#[test]
fn variables_bound_in_all_branches_are_exported() {
    let m = compile_ok(
        "-module(t).\n-export([f/1]).\nf(X) ->\n  case X of\n    1 -> Y = a, Z = 1;\n    _ -> Y = b\n  end,\n  {Y, X}.\n",
    );
    let f = m.function("f", 1).unwrap_or_else(|| unreachable!());
    let es = {
        let mut es = Vec::new();
        walk(&f.fun.body, &mut es);
        es
    };
    // let <R, Y'> = case ... of ... -> <Value, Y> end
    assert!(es
        .iter()
        .any(|e| matches!(&e.kind, ExprKind::Let { vars, value, .. }
        if vars.len() == 2 && matches!(value.kind, ExprKind::Case { .. }))));
    // Z is bound in one branch only: unsafe after.
    let errs = errors("-module(t).\n-export([f/1]).\nf(X) ->\n  case X of\n    1 -> Z = 1;\n    _ -> ok\n  end,\n  Z.\n");
    assert_eq!(errs, vec!["t.erl:8:3: variable 'Z' unsafe in 'case'"]);
}

#[test]
fn unbound_variables_are_errors() {
    let errs = errors("-module(c).\n-export([f/1]).\nf(X) -> Y.\ng() -> Z + W.\n");
    assert_eq!(
        errs,
        vec![
            "t.erl:3:9: variable 'Y' is unbound",
            "t.erl:4:8: variable 'Z' is unbound",
            "t.erl:4:12: variable 'W' is unbound"
        ]
    );
}

#[test]
fn calls_resolve_to_locals_imports_and_bifs() {
    let m = compile_ok(
        "-module(t).\n-export([f/1]).\n-import(lists, [reverse/1]).\n\
         f(L) -> {length(L), hd(L), element(1, {L}), reverse(L), self(), abs(-1), size(L)}.\n\
         size(_) -> mine.\n",
    );
    let cs = calls(&m);
    for c in [
        "erlang:length/1",
        "erlang:hd/1",
        "erlang:element/2",
        "lists:reverse/1",
        "erlang:self/0",
    ] {
        assert!(cs.contains(c), "{c} in {cs:?}");
    }
    // The module's own size/1 wins over the auto-imported BIF.
    assert!(!cs.contains("erlang:size/1"));
    // abs(-1) folds -1 but still calls abs.
    assert!(cs.contains("erlang:abs/1"));
    let errs = errors("-module(t).\n-export([f/0]).\nf() -> nosuch(1).\n");
    assert_eq!(errs, vec!["t.erl:3:8: function nosuch/1 undefined"]);
    let errs = errors("-module(t).\n-export([f/0, g/1]).\nf() -> ok.\n");
    assert_eq!(errs, vec!["t.erl:2:15: function g/1 undefined"]);
}

#[test]
fn funs_named_funs_and_references() {
    let m = compile_ok(
        "-module(t).\n-export([f/1]).\n\
         f(X) -> A = fun (0) -> zero; (N) when N > 0 -> X end,\n\
         B = fun Loop(0) -> done; Loop(N) -> Loop(N - 1) end,\n\
         {A, B, fun g/1, fun lists:map/2, fun erlang:abs/1}.\n\
         g(X) -> X.\n",
    );
    let es = all_exprs(&m);
    let fun = es
        .iter()
        .find_map(|e| match &e.kind {
            ExprKind::Fun(f) => Some(f),
            _ => None,
        })
        .unwrap_or_else(|| unreachable!());
    assert_eq!(fun.params.len(), 1);
    assert_eq!(fun.name.as_deref(), Some("-f/1-fun-0-"));
    assert!(es
        .iter()
        .any(|e| matches!(&e.kind, ExprKind::LetRec { defs, body }
        if defs.len() == 1 && matches!(&body.kind, ExprKind::FunRef(n) if n == &defs[0].0))));
    assert!(es
        .iter()
        .any(|e| matches!(&e.kind, ExprKind::FunRef(n) if n.name == "g")));
    assert!(calls(&m).contains("erlang:make_fun/3"));
}

#[test]
fn fun_heads_shadow_outer_variables() {
    // X in the fun head is a new variable, not a match against the outer X.
    let m = compile_ok("-module(t).\n-export([f/1]).\nf(X) -> F = fun(X) -> X end, F(X).\n");
    let es = all_exprs(&m);
    let fun = es
        .iter()
        .find_map(|e| match &e.kind {
            ExprKind::Fun(f) => Some(f),
            _ => None,
        })
        .unwrap_or_else(|| unreachable!());
    match &fun.body.kind {
        ExprKind::Case { clauses, .. } => {
            assert!(matches!(&clauses[0].pats[0], Pattern::Var(v) if v.starts_with("X@")))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn list_comprehensions_are_letrec_loops() {
    let m = compile_ok(
        "-module(t).\n-export([f/2]).\nf(Xs, Ys) -> [{X, Y} || X <- Xs, X > 1, Y <- Ys, g(Y)].\ng(_) -> true.\n",
    );
    let es = all_exprs(&m);
    let loops = es
        .iter()
        .filter(|e| matches!(e.kind, ExprKind::LetRec { .. }))
        .count();
    assert_eq!(loops, 2);
    let ps = primops(&m).join("\n");
    assert!(
        ps.contains("bad_generator") && ps.contains("bad_filter"),
        "{ps}"
    );
}

#[test]
fn try_catch_after_shape() {
    let m = compile_ok(
        "-module(t).\n-export([f/0]).\n\
         f() -> try g() of R -> R catch throw:T -> T; error:E:S -> {E, S} after h() end.\n\
         g() -> 1.\nh() -> ok.\n",
    );
    let f = m.function("f", 0).unwrap_or_else(|| unreachable!());
    match &f.fun.body.kind {
        ExprKind::Try { arg, handler, .. } => {
            assert!(matches!(arg.kind, ExprKind::Try { .. }), "inner try");
            assert!(
                matches!(handler.kind, ExprKind::Seq(..)),
                "after then re-raise"
            );
        }
        other => panic!("{other:?}"),
    }
    let ps = primops(&m).join("\n");
    assert!(
        ps.contains("build_stacktrace") && ps.contains("raise") && ps.contains("try_clause"),
        "{ps}"
    );
}

#[test]
fn operators_are_erlang_calls() {
    let m = compile_ok(
        "-module(t).\n-export([f/2]).\n\
         f(A, B) -> {A + B, A - B, A * B, A / B, A div B, A rem B, A band B, A bor B, A bxor B,\n\
         A bsl B, A bsr B, bnot A, not A, A and B, A or B, A xor B, A ++ B, A -- B, A == B,\n\
         A /= B, A =:= B, A =/= B, A < B, A =< B, A > B, A >= B, -A, A ! B}.\n",
    );
    let cs = calls(&m);
    for op in [
        "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr", "and", "or", "xor",
        "++", "--", "==", "/=", "=:=", "=/=", "<", "=<", ">", ">=",
        // `!` fails in `erlang:send/2` as in erl's stack traces.
        "send",
    ] {
        assert!(cs.contains(&format!("erlang:{op}/2")), "{op}");
    }
    for op in ["bnot", "not", "-"] {
        assert!(cs.contains(&format!("erlang:{op}/1")), "{op}");
    }
}

#[test]
fn patterns_aliases_strings_and_repeats() {
    let m = compile_ok(
        "-module(t).\n-export([f/1]).\n\
         f({X, X}) -> same;\nf([H | _] = L) -> {H, L};\nf(\"ab\" ++ Rest) -> Rest;\nf(-1) -> neg;\nf($a) -> a.\n",
    );
    let f = m.function("f", 1).unwrap_or_else(|| unreachable!());
    let ExprKind::Case { clauses, .. } = &f.fun.body.kind else {
        panic!()
    };
    // {X, X}: the second X becomes a fresh variable and an =:= guard.
    assert!(matches!(&clauses[0].pats[0], Pattern::Tuple(ps) if ps[0] != ps[1]));
    assert!(clauses[0].guard.is_some());
    assert!(matches!(&clauses[1].pats[0], Pattern::Alias(v, _) if v == "L"));
    assert!(
        matches!(&clauses[2].pats[0], Pattern::Cons(h, _) if **h == Pattern::Lit(Literal::Int(97)))
    );
    assert_eq!(clauses[3].pats[0], Pattern::Lit(Literal::Int(-1)));
    assert_eq!(clauses[4].pats[0], Pattern::Lit(Literal::Int(97)));
}

#[test]
fn guard_alternatives_become_separate_clauses() {
    let m = compile_ok(
        "-module(t).\n-export([f/1]).\nf(X) when is_integer(X), X > 0; X =:= a -> ok.\n",
    );
    let f = m.function("f", 1).unwrap_or_else(|| unreachable!());
    let ExprKind::Case { clauses, .. } = &f.fun.body.kind else {
        panic!()
    };
    // One clause per alternative (Core Erlang allows no disjunction of
    // protected guards), then the function_clause failure.
    assert_eq!(clauses.len(), 3);
    assert!(clauses[0].guard.is_some() && clauses[1].guard.is_some());
    let errs = errors("-module(t).\n-export([f/1]).\nf(X) when g(X) -> ok.\ng(_) -> true.\n");
    assert_eq!(
        errs,
        vec!["t.erl:3:11: call to local/imported function g/1 is illegal in guard"]
    );
}

#[test]
fn unsupported_constructs_have_located_diagnostics() {
    let errs = errors("-module(t).\n-export([f/1]).\nf(#{a => X}) -> X.\n");
    assert_eq!(
        errs,
        vec!["t.erl:3:5: illegal pattern: use ':=' in map patterns"]
    );
    let errs = errors("-module(t).\n-export([f/1]).\nf(#{g() := X}) -> X.\ng() -> a.\n");
    assert_eq!(
        errs,
        vec!["t.erl:3:5: call to local/imported function g/0 is illegal in guard"]
    );
    let errs = errors("-module(t).\n-export([f/1]).\nf(<<A/foo>>) -> A.\n");
    assert_eq!(errs[0], "t.erl:3:7: undefined bit type: foo", "{errs:?}");
}

#[test]
fn record_and_macro_errors_as_erlc_reports_them() {
    // Recorded from erlc (OTP 25).
    let errs = errors(
        "-module(t).\n-export([f/1]).\n-record(r, {a}).\nf(X) -> {#q{}, X#r.b, #r{a = 1, a = 2}}.\n",
    );
    assert_eq!(
        errs,
        vec![
            "t.erl:4:10: record q undefined",
            "t.erl:4:20: field b undefined in record r",
            "t.erl:4:33: field a already defined in record r",
        ]
    );
    let errs = errors("-module(t).\n-export([f/0]).\n-define(X, 1).\nf() -> ?Y.\n");
    assert_eq!(errs, vec!["t.erl:4:9: undefined macro 'Y'"]);
}

#[test]
fn several_syntax_errors_are_all_reported() {
    let src = "-module(a).\n-export([f/1]).\nf(X) -> ).\ng(X) -> X + end.\nh() -> foo bar.\nk() -> \"abc\" \"def\" 1.\nok() -> ok.\n";
    let errs = errors(src);
    assert_eq!(
        errs,
        vec![
            "t.erl:3:9: syntax error before: ')'",
            "t.erl:4:13: syntax error before: 'end'",
            "t.erl:5:12: syntax error before: bar",
            "t.erl:6:20: syntax error before: 1",
        ]
    );
}

#[test]
fn lexer_errors_are_diagnostics() {
    let errs = errors("-module(t).\nf() -> \"open.\n");
    assert!(
        errs[0].starts_with("t.erl:2:8: unterminated string"),
        "{errs:?}"
    );
    let errs = errors("-module(t).\nf() -> \u{1}.\n");
    assert!(errs[0].contains("illegal character"), "{errs:?}");
}

#[test]
fn deep_nesting_gives_a_diagnostic_or_works() {
    let n = 100_000;
    let parens = format!(
        "-module(t).\n-export([f/0]).\nf() -> {}1{}.\n",
        "(".repeat(n),
        ")".repeat(n)
    );
    let errs = errors(&parens);
    assert!(
        errs.iter().any(|e| e.contains("nested too deeply")),
        "{errs:?}"
    );
    // Moderate nesting works.
    let ok = format!(
        "-module(t).\n-export([f/0]).\nf() -> {}1{}.\n",
        "[".repeat(500),
        "]".repeat(500)
    );
    compile_ok(&ok);
    let lists = format!(
        "-module(t).\n-export([f/0]).\nf() -> {}1{}.\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    let errs = errors(&lists);
    assert!(
        errs.iter().any(|e| e.contains("nested too deeply")),
        "{errs:?}"
    );
    let minus = format!(
        "-module(t).\n-export([f/1]).\nf(X) -> {}X.\n",
        "- ".repeat(n)
    );
    let errs = errors(&minus);
    assert!(
        errs.iter().any(|e| e.contains("nested too deeply")),
        "{errs:?}"
    );
    let plus = format!(
        "-module(t).\n-export([f/1]).\nf(X) -> X{}.\n",
        " + 1".repeat(n)
    );
    let errs = errors(&plus);
    assert!(
        errs.iter().any(|e| e.contains("nested too deeply")),
        "{errs:?}"
    );
    let unbalanced = format!("-module(t).\nf() -> {}.\n", "(".repeat(n));
    assert!(!errors(&unbalanced).is_empty());
}

#[test]
fn unused_function_warning() {
    let file = SourceFile {
        path: "t.erl".into(),
        text: "-module(t).\n-export([f/0]).\nf() -> ok.\ng() -> ok.\n".into(),
    };
    let c = ErlangFrontend
        .compile(&file)
        .unwrap_or_else(|_| unreachable!());
    assert_eq!(c.warnings.len(), 1);
    assert_eq!(c.warnings[0].message, "function g/0 is unused");
}

// ---- Shell. ----

fn shell(input: &str, bound: &[&str]) -> ReplInput {
    let bound: Vec<String> = bound.iter().map(|s| s.to_string()).collect();
    ErlangFrontend.shell_input(input, &bound, "shell_1")
}

#[test]
fn shell_contract() {
    assert!(matches!(shell("", &[]), ReplInput::Empty));
    assert!(matches!(
        shell("  % just a comment\n", &[]),
        ReplInput::Empty
    ));
    assert!(matches!(shell("X = 1", &[]), ReplInput::Incomplete));
    assert!(matches!(shell("X = \"abc.\n", &[]), ReplInput::Incomplete));
    match shell("Y = X + 1, Z = {Y, X}.", &["X"]) {
        ReplInput::Eval {
            module,
            bound_after,
            style,
        } => {
            assert_eq!(bound_after, vec!["X", "Y", "Z"]);
            assert_eq!(style, eubeam_ir::ValueStyle::Erlang);
            assert_eq!(module.name, "shell_1");
            assert_eq!(module.exports, vec![eubeam_ir::FunName::new("eval", 1)]);
            check_module(&module);
            let f = module.function("eval", 1).unwrap_or_else(|| unreachable!());
            let ExprKind::Case { clauses, .. } = &f.fun.body.kind else {
                panic!()
            };
            // [X] pattern destructures the bound values.
            assert!(matches!(&clauses[0].pats[0], Pattern::Cons(h, t)
                if **h == Pattern::Var("X".into()) && **t == Pattern::Lit(Literal::Nil)));
        }
        other => panic!("{other:?}"),
    }
    match shell("Y + 1.", &[]) {
        ReplInput::Error(ds) => assert_eq!(ds[0].message, "variable 'Y' is unbound"),
        other => panic!("{other:?}"),
    }
    match shell("foo(1).", &[]) {
        ReplInput::Error(ds) => assert_eq!(ds[0].message, "undefined shell command foo/1"),
        other => panic!("{other:?}"),
    }
    match shell("1 + .", &[]) {
        ReplInput::Error(ds) => assert_eq!(ds[0].message, "syntax error before: '.'"),
        other => panic!("{other:?}"),
    }
    match shell(
        "Pid = self(), Pid ! hello, receive M -> M after 0 -> none end.",
        &[],
    ) {
        ReplInput::Eval {
            bound_after,
            module,
            ..
        } => {
            assert_eq!(bound_after, vec!["Pid"]);
            check_module(&module);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(ErlangFrontend.prompt(3), "3> ");
}

#[test]
fn integers_beyond_64_bits_are_big_literals() {
    let m = compile_ok(
        "-module(t).\n-export([h/0, p/1]).\nh() -> {123456789012345678901234567890, 16#FFFFFFFFFFFFFFFFFFFF}.\np(-9223372036854775808) -> min; p(-99999999999999999999) -> big.\n",
    );
    let text = eubeam_ir::printer::print_module(&m);
    assert!(text.contains("123456789012345678901234567890"), "{text}");
    assert!(text.contains("1208925819614629174706175"), "{text}");
    assert!(text.contains("-9223372036854775808"), "{text}");
    assert!(text.contains("-99999999999999999999"), "{text}");
    let debug = format!("{:?}", m.functions);
    assert!(debug.contains("BigInt(\"123456789012345678901234567890\")"));
}

#[test]
fn stacktrace_variable_in_a_guard_is_an_error() {
    // erlc: stg.erl:4:47: stacktrace variable 'S' must not be used in a guard
    let errs = errors(
        "-module(stg).\n-export([f/0]).\nf() ->\n    try error(x) catch error:E:S when is_list(S) -> {E, S} end.\n",
    );
    assert_eq!(
        errs,
        vec!["t.erl:4:47: stacktrace variable 'S' must not be used in a guard"]
    );
}
