use super::*;
use crate::ast::*;

fn parse_ok(src: &str) -> Vec<Form> {
    let (forms, diags) = parse_file(src, "t.erl");
    assert!(diags.is_empty(), "{src}\n{diags:#?}");
    forms
}

fn parse_err(src: &str) -> Vec<Diagnostic> {
    let (_, diags) = parse_file(src, "t.erl");
    assert!(!diags.is_empty(), "expected errors for {src}");
    diags
}

/// The body of `f() -> <src>.` as one expression.
fn expr(src: &str) -> Expr {
    let forms = parse_ok(&format!("f() -> {src}."));
    match &forms[0].kind {
        FormKind::Function(f) => f.clauses[0].body[0].clone(),
        other => panic!("{other:?}"),
    }
}

/// A compact s-expression rendering for precedence assertions.
fn sx(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Var(v) => v.clone(),
        ExprKind::Atom(a) => a.clone(),
        ExprKind::Int(i) => i.to_string(),
        ExprKind::BigInt(d) => d.clone(),
        ExprKind::Char(c) => format!("${c}"),
        ExprKind::Float(x) => format!("{x:?}"),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::List(items, tail) => format!(
            "[{}{}]",
            items.iter().map(sx).collect::<Vec<_>>().join(" "),
            tail.as_ref()
                .map(|t| format!(" | {}", sx(t)))
                .unwrap_or_default()
        ),
        ExprKind::Tuple(items) => {
            format!("{{{}}}", items.iter().map(sx).collect::<Vec<_>>().join(" "))
        }
        ExprKind::BinOp(op, l, r) => format!("({} {} {})", op.bif(), sx(l), sx(r)),
        ExprKind::UnOp(op, x) => format!("({} {})", op.bif(), sx(x)),
        ExprKind::Match(l, r) => format!("(= {} {})", sx(l), sx(r)),
        ExprKind::Send(l, r) => format!("(! {} {})", sx(l), sx(r)),
        ExprKind::Call(f, args) => format!(
            "(call {}{})",
            sx(f),
            args.iter()
                .map(|a| format!(" {}", sx(a)))
                .collect::<String>()
        ),
        ExprKind::Remote(m, f) => format!("{}:{}", sx(m), sx(f)),
        ExprKind::Catch(x) => format!("(catch {})", sx(x)),
        ExprKind::FunRef(f, a) => format!("(fun {f}/{a})"),
        ExprKind::RemoteFunRef(m, f, a) => format!("(fun {}:{}/{})", sx(m), sx(f), sx(a)),
        ExprKind::Map(base, fields) => format!(
            "{}#{{{}}}",
            base.as_ref().map(|b| sx(b)).unwrap_or_default(),
            fields
                .iter()
                .map(|f| format!(
                    "{} {} {}",
                    sx(&f.key),
                    if f.exact { ":=" } else { "=>" },
                    sx(&f.value)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ExprKind::Record { base, name, fields } => format!(
            "{}#{name}{{{}}}",
            base.as_ref().map(|b| sx(b)).unwrap_or_default(),
            fields
                .iter()
                .map(|f| format!("{} = {}", f.field, sx(&f.value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ExprKind::RecordField { base, name, field } => format!("{}#{name}.{field}", sx(base)),
        ExprKind::RecordIndex { name, field } => format!("#{name}.{field}"),
        ExprKind::Unsupported(what) => format!("<unsupported {what}>"),
        other => format!("{other:?}"),
    }
}

#[test]
fn precedence_and_associativity() {
    let cases = [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("A ++ B ++ C", "(++ A (++ B C))"),
        ("A -- B ++ C", "(-- A (++ B C))"),
        ("-X * 2", "(* (- X) 2)"),
        ("- - X", "(- (- X))"),
        ("not A andalso B orelse C", "(orelse (andalso (not A) B) C)"),
        ("A orelse B orelse C", "(orelse A (orelse B C))"),
        ("A andalso B andalso C", "(andalso A (andalso B C))"),
        ("X = Y = 1 + 2", "(= X (= Y (+ 1 2)))"),
        ("P ! M = 2", "(! P (= M 2))"),
        ("catch X = 1", "(catch (= X 1))"),
        ("X = catch Y = 1", "(= X (catch (= Y 1)))"),
        ("catch catch 1", "(catch (catch 1))"),
        ("A < B + 1", "(< A (+ B 1))"),
        ("A == B andalso C =/= D", "(andalso (== A B) (=/= C D))"),
        ("X bsl 2 bor 1", "(bor (bsl X 2) 1)"),
        ("A div B rem C band D", "(band (rem (div A B) C) D)"),
        ("A or B and C", "(or A (and B C))"),
        ("lists:map(F, L)", "(call lists:map F L)"),
        ("M:F(1)", "(call M:F 1)"),
        ("F(1)", "(call F 1)"),
        ("-lists:sum(L)", "(- (call lists:sum L))"),
        ("fun foo/2", "(fun foo/2)"),
        ("fun lists:map/2", "(fun lists:map/2)"),
        ("fun M:F/A", "(fun M:F/A)"),
        ("[1, 2 | T]", "[1 2 | T]"),
        ("[]", "[]"),
        ("{a, \"b\" \"c\", $d, 1.5}", "{a \"bc\" $100 1.5}"),
        ("#{a => 1}", "#{a => 1}"),
        ("#{}", "#{}"),
        ("M#{a := 1, b => f(X)}", "M#{a := 1, b => (call f X)}"),
        ("M#{a => 1}#{b => 2}", "M#{a => 1}#{b => 2}"),
        ("m:f()#{a => 1}", "(call m:f)#{a => 1}"),
        ("#{{a, 1} => [1]} = X", "(= #{{a 1} => [1]} X)"),
        ("#r{a = 1, _ = x}", "#r{a = 1, _ = x}"),
        ("X#r.a", "X#r.a"),
        ("X#r.a#s.b", "X#r.a#s.b"),
        ("X#r{a = 1}#r.a", "X#r{a = 1}#r.a"),
        ("#r.a", "#r.a"),
        ("-X#r.a + 1", "(+ (- X#r.a) 1)"),
    ];
    for (src, want) in cases {
        assert_eq!(sx(&expr(src)), want, "{src}");
    }
}

#[test]
fn bit_syntax() {
    let e = expr("<<X:8/little-signed-unit:1, \"ab\", -1, Y/binary>>");
    let ExprKind::Binary(elems) = &e.kind else {
        panic!("not a binary: {e:?}");
    };
    assert_eq!(elems.len(), 4);
    let names: Vec<&str> = elems[0].types.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(names, ["little", "signed", "unit"]);
    assert_eq!(elems[0].types[2].1, Some(1));
    assert!(matches!(elems[1].value.kind, ExprKind::Str(_)));
    assert!(matches!(elems[2].value.kind, ExprKind::UnOp(..)));
    assert_eq!(elems[3].types[0].0, "binary");
    assert!(matches!(expr("<<>>").kind, ExprKind::Binary(ref v) if v.is_empty()));
    let c = expr("<< <<X>> || <<X>> <= B, X > 1 >>");
    assert!(
        matches!(&c.kind, ExprKind::BinComp(_, qs) if matches!(qs[0], Qualifier::BinGenerator(..)))
    );
    let l = expr("[X || <<X:8>> <= B]");
    assert!(
        matches!(&l.kind, ExprKind::ListComp(_, qs) if matches!(qs[0], Qualifier::BinGenerator(..)))
    );
}

#[test]
fn comparison_is_not_associative() {
    let ds = parse_err("f() -> 1 < 2 < 3.");
    assert!(
        ds[0].message.starts_with("syntax error before: '<'"),
        "{ds:?}"
    );
}

#[test]
fn catch_after_match_like_erlc() {
    parse_ok("f() -> X = catch 1, P ! catch 2.");
    parse_ok("f() -> X = (catch 1).");
    parse_err("f() -> 1 + catch 2.");
}

#[test]
fn module_attributes() {
    let forms = parse_ok(
        "-module(m).\n-export([f/0, g/2]).\n-import(lists, [map/2]).\n\
         -spec f() -> ok.\n-type t() :: integer() | atom().\n-behaviour(gen_server).\n\
         -vsn(\"1.0\").\n-compile([export_all]).\nf() -> ok.\n",
    );
    assert_eq!(forms[0].kind, FormKind::Module("m".into()));
    match &forms[1].kind {
        FormKind::Export(fs) => {
            assert_eq!(
                fs.iter()
                    .map(|(n, a, _)| (n.as_str(), *a))
                    .collect::<Vec<_>>(),
                vec![("f", 0), ("g", 2)]
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&forms[2].kind, FormKind::Import(m, fs) if m == "lists" && fs.len() == 1));
    assert!(matches!(&forms[3].kind, FormKind::Ignored(n) if n == "spec"));
    assert!(matches!(&forms[4].kind, FormKind::Ignored(n) if n == "type"));
    assert!(matches!(&forms[5].kind, FormKind::Attribute(n, _) if n == "behaviour"));
    assert!(matches!(&forms[8].kind, FormKind::Function(f) if f.name == "f"));
}

#[test]
fn record_definitions_and_expressions() {
    let forms = parse_ok(
        "-record(r, {a, b = 1 :: integer(), c :: fun((x) -> {y, z}) | [q], d = {1, 2}}).\n\
         f(R) -> {#r{a = 1, _ = 2}, R#r{b = 3}, R#r.a, #r.b, (R#r.d)#r{}}.",
    );
    let FormKind::Record(r) = &forms[0].kind else {
        panic!("{:?}", forms[0])
    };
    let names: Vec<&str> = r.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "c", "d"]);
    assert!(r.fields[1].default.is_some() && r.fields[2].default.is_none());
    assert!(matches!(forms[1].kind, FormKind::Function(_)));
}

#[test]
fn functions_with_clauses_and_guards() {
    let forms = parse_ok(
        "f(0, Acc) -> Acc;\nf(N, Acc) when N > 0, is_integer(N); N < -5 -> f(N - 1, Acc + N).",
    );
    let FormKind::Function(f) = &forms[0].kind else {
        panic!()
    };
    assert_eq!((f.name.as_str(), f.arity, f.clauses.len()), ("f", 2, 2));
    assert_eq!(f.clauses[1].guard.len(), 2);
    assert_eq!(f.clauses[1].guard[0].len(), 2);
}

#[test]
fn head_mismatch() {
    let ds = parse_err("f(X) -> X;\ng(X) -> X.");
    assert_eq!(ds[0].message, "head mismatch");
    let ds = parse_err("f(X) -> X;\nf(X, Y) -> X.");
    assert_eq!(ds[0].message, "head mismatch");
}

#[test]
fn control_expressions() {
    let src = "f(X) ->
        case X of {a, Y} when Y > 1 -> Y; _ -> 0 end,
        if X > 1 -> a; true -> b end,
        receive {msg, M} -> M; stop -> ok after 100 -> timeout end,
        receive after 0 -> ok end,
        receive Any -> Any end,
        begin 1, 2 end,
        try g(X) of R -> R catch throw:T -> T; error:E:S -> {E, S}; _:_ -> x after done end,
        try g(X) after done end,
        [Y * 2 || Y <- X, Y > 1, {Z, _} <- [{1, 2}]],
        F = fun (0) -> zero; (N) when N > 0 -> pos end,
        G = fun Loop(0) -> ok; Loop(N) -> Loop(N - 1) end,
        catch F(1).";
    let forms = parse_ok(src);
    let FormKind::Function(f) = &forms[0].kind else {
        panic!()
    };
    let body = &f.clauses[0].body;
    assert_eq!(body.len(), 12);
    assert!(matches!(&body[0].kind, ExprKind::Case(_, cs) if cs.len() == 2));
    assert!(matches!(&body[1].kind, ExprKind::If(cs) if cs.len() == 2));
    assert!(matches!(&body[2].kind, ExprKind::Receive(cs, Some(_)) if cs.len() == 2));
    assert!(matches!(&body[3].kind, ExprKind::Receive(cs, Some(_)) if cs.is_empty()));
    assert!(matches!(&body[4].kind, ExprKind::Receive(cs, None) if cs.len() == 1));
    assert!(matches!(&body[5].kind, ExprKind::Block(b) if b.len() == 2));
    match &body[6].kind {
        ExprKind::Try {
            body,
            of,
            catches,
            after,
        } => {
            assert_eq!(
                (body.len(), of.len(), catches.len(), after.len()),
                (1, 1, 3, 1)
            );
            assert!(catches[0].class.is_some() && catches[0].stack.is_none());
            assert!(catches[1].stack.is_some());
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(&body[7].kind, ExprKind::Try { catches, after, .. } if catches.is_empty() && after.len() == 1)
    );
    assert!(matches!(&body[8].kind, ExprKind::ListComp(_, qs) if qs.len() == 3));
    match &body[9].kind {
        ExprKind::Match(_, f) => {
            assert!(matches!(&f.kind, ExprKind::Fun(cs) if cs.len() == 2 && cs[0].name.is_none()))
        }
        other => panic!("{other:?}"),
    }
    match &body[10].kind {
        ExprKind::Match(_, f) => assert!(
            matches!(&f.kind, ExprKind::Fun(cs) if cs[0].name.as_ref().is_some_and(|n| n.0 == "Loop"))
        ),
        other => panic!("{other:?}"),
    }
    assert!(matches!(&body[11].kind, ExprKind::Catch(_)));
}

#[test]
fn syntax_errors_like_erlc() {
    let ds = parse_err(
        "-module(a).\nf(X) -> ).\ng(X) -> X + end.\nh() -> foo bar.\nk() -> \"abc\" \"def\" 1.\n",
    );
    let msgs: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        msgs,
        vec![
            "syntax error before: ')'",
            "syntax error before: 'end'",
            "syntax error before: bar",
            "syntax error before: 1",
        ]
    );
    let src = "-module(a).\nf(X) -> ).\n";
    let d = &parse_err(src)[0];
    assert_eq!(d.location(src), "t.erl:2:9");
    assert!(!d.labels.is_empty() && !d.notes.is_empty());
}

#[test]
fn several_errors_in_one_form_are_recovered() {
    let ds = parse_err("f() -> {a, b c}, [1, , 2], (3 4).");
    assert!(ds.len() >= 3, "{ds:#?}");
}

#[test]
fn missing_final_dot() {
    let src = "-module(b).\nf(X) -> X\n";
    let ds = parse_err(src);
    assert_eq!(ds[0].message, "syntax error before: ");
    assert_eq!(ds[0].location(src), "t.erl:2:9");
}

#[test]
fn deep_nesting_does_not_crash() {
    let n = 2_000;
    let src = format!("f() -> {}1{}.", "(".repeat(n), ")".repeat(n));
    let _ = parse_file(&src, "t.erl");
    let src = format!("f() -> {}1{}.", "[".repeat(n), "]".repeat(n));
    let _ = parse_file(&src, "t.erl");
}
