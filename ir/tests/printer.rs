//! The printer against hand-built IR: snapshots of its output, and the real
//! Erlang compiler (`erlc +from_core`) accepting it and computing the right
//! values (skipped with a message when `erlc` is not installed).
//!
//! Snapshots live in `tests/snapshots/<name>.core`; run with
//! `UPDATE_SNAPSHOTS=1` to rewrite them after an intended change.

#![allow(clippy::approx_constant, clippy::unwrap_used)]

mod common;

use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use eubeam_ir::printer::{print_expr, print_module};
use eubeam_ir::validate::validate;
use eubeam_ir::*;

fn e_op(op: &str, a: Expr, b: Expr) -> Expr {
    erl(op, vec![a, b])
}

/// Literals of every type.
fn m_literals() -> Module {
    let l = Literal::Tuple(vec![
        Literal::Int(42),
        Literal::Int(-7),
        Literal::Int(i64::MAX),
        Literal::Float(0.1),
        Literal::Float(1e10),
        Literal::Float(3.14),
        Literal::Float(-2.5e-8),
        Literal::Float(1e300),
        Literal::atom("hello world"),
        Literal::atom("Cap"),
        Literal::atom("it's"),
        Literal::atom("a\nb\\"),
        Literal::atom(""),
        Literal::atom("été"),
        Literal::Nil,
        Literal::string("hello \"you\"\n"),
        Literal::string("αβ"),
        Literal::list(vec![Literal::Int(1), Literal::Int(2), Literal::atom("x")]),
        Literal::Cons(Box::new(Literal::Int(1)), Box::new(Literal::Int(2))),
        Literal::Tuple(vec![]),
        Literal::Tuple(vec![
            Literal::Int(1),
            Literal::Tuple(vec![Literal::Int(2), Literal::Int(3)]),
        ]),
        Literal::Map(vec![
            (Literal::atom("a"), Literal::Int(1)),
            (Literal::string("k"), Literal::list(vec![Literal::Int(1)])),
        ]),
        Literal::Binary(vec![1, 2, 255]),
        Literal::Binary(vec![]),
    ]);
    let mut m = module("ir_literals", vec![def("main", fun(&[], lit(l)))]);
    m.attributes = vec![
        ("vsn".to_string(), Literal::list(vec![Literal::Int(1)])),
        (
            "my_attr".to_string(),
            Literal::Tuple(vec![Literal::atom("a"), Literal::string("s")]),
        ),
    ];
    m
}

const LITERALS_EXPECTED: &str = "{42,-7,9223372036854775807,0.1,1.0e10,3.14,-2.5e-8,1.0e300,\
'hello world','Cap','it\\'s','a\\nb\\\\','',list_to_atom([233,116,233]),[],\"hello \\\"you\\\"\\n\",[945,946],\
[1,2,x],[1|2],{},{1,{2,3}},#{a=>1,\"k\"=>[1]},<<1,2,255>>,<<>>}";

/// case (guards, Values, repeated and already-bound pattern variables),
/// let of several values, seq, local apply.
fn m_control() -> Module {
    let classify = fun(
        &["X"],
        case(
            v("X"),
            vec![
                cl(vec![pint(0)], None, atom("zero")),
                cl(
                    vec![pv("N")],
                    Some(case(
                        erl("is_integer", vec![v("N")]),
                        vec![
                            cl(vec![patom("true")], None, e_op("<", v("N"), int(0))),
                            cl(vec![Pattern::Wildcard], None, atom("false")),
                        ],
                    )),
                    atom("neg"),
                ),
                cl(
                    vec![pv("N")],
                    Some(erl("is_integer", vec![v("N")])),
                    atom("pos"),
                ),
                cl(
                    vec![pv("A")],
                    Some(erl("is_atom", vec![v("A")])),
                    atom("atom"),
                ),
                cl(vec![Pattern::Wildcard], None, atom("other")),
            ],
        ),
    );
    let swap = fun(
        &["A", "B"],
        letn(
            &["P", "Q"],
            values(vec![v("B"), v("A")]),
            case(
                values(vec![v("P"), v("Q")]),
                vec![
                    cl(vec![pv("X"), pv("Y")], None, tuple(vec![v("X"), v("Y")])),
                    fail_clause(2),
                ],
            ),
        ),
    );
    // same(A, B) -> case B of A -> same; _ -> different end.
    let same = fun(
        &["A", "B"],
        case(
            v("B"),
            vec![
                cl(vec![pv("A")], None, atom("same")),
                cl(vec![Pattern::Wildcard], None, atom("different")),
            ],
        ),
    );
    // is_elem(X, [X | _]) -> true; is_elem(X, [_ | T]) -> is_elem(X, T); ...
    let is_elem = fun(
        &["X", "L"],
        case(
            v("L"),
            vec![
                cl(
                    vec![pcons(pv("X"), Pattern::Wildcard)],
                    Some(atom("true")),
                    atom("true"),
                ),
                cl(
                    vec![pcons(Pattern::Wildcard, pv("T"))],
                    None,
                    apply(funref("is_elem", 2), vec![v("X"), v("T")]),
                ),
                cl(vec![plit(Literal::Nil)], None, atom("false")),
                fail_clause(1),
            ],
        ),
    );
    let seqtest = seq(
        erl("put", vec![atom("k"), int(1)]),
        seq(
            erl("put", vec![atom("k"), int(2)]),
            erl("get", vec![atom("k")]),
        ),
    );
    let a = |f: &str, args: Vec<Expr>| apply(funref(f, args.len() as u32), args);
    let main = fun(
        &[],
        tuple(vec![
            a("classify", vec![int(0)]),
            a("classify", vec![int(-3)]),
            a("classify", vec![int(5)]),
            a("classify", vec![atom("a")]),
            a("classify", vec![lit(Literal::string("x"))]),
            a("swap", vec![int(1), int(2)]),
            a("same", vec![int(1), int(1)]),
            a("same", vec![int(1), lit(Literal::Float(1.0))]),
            a("is_elem", vec![int(3), list(vec![int(1), int(2), int(3)])]),
            a("is_elem", vec![int(4), list(vec![int(1)])]),
            seqtest,
        ]),
    );
    module(
        "ir_control",
        vec![
            def("main", main),
            def("classify", classify),
            def("swap", swap),
            def("same", same),
            def("is_elem", is_elem),
        ],
    )
}

const CONTROL_EXPECTED: &str = "{zero,neg,pos,atom,other,{2,1},same,different,true,false,2}";

/// letrec (mutual recursion), closures, apply of FunRef / fun values /
/// applications, FunRef as a value, make_fun.
fn m_funs() -> Module {
    let even_odd = letrec(
        vec![
            (
                "even",
                fun(
                    &["N"],
                    case(
                        v("N"),
                        vec![
                            cl(vec![pint(0)], None, atom("true")),
                            cl(
                                vec![pv("M")],
                                None,
                                apply(funref("odd", 1), vec![e_op("-", v("M"), int(1))]),
                            ),
                        ],
                    ),
                ),
            ),
            (
                "odd",
                fun(
                    &["N"],
                    case(
                        v("N"),
                        vec![
                            cl(vec![pint(0)], None, atom("false")),
                            cl(
                                vec![pv("M")],
                                None,
                                apply(funref("even", 1), vec![e_op("-", v("M"), int(1))]),
                            ),
                        ],
                    ),
                ),
            ),
        ],
        apply(funref("even", 1), vec![int(10)]),
    );
    let closure = let1(
        "K",
        int(10),
        let1(
            "Add",
            lambda(&["X"], e_op("+", v("X"), v("K"))),
            apply(v("Add"), vec![int(5)]),
        ),
    );
    let adder = let1(
        "MkAdder",
        lambda(&["N"], lambda(&["X"], e_op("+", v("X"), v("N")))),
        apply(apply(v("MkAdder"), vec![int(1)]), vec![int(2)]),
    );
    let loop_sum = letrec(
        vec![(
            "loop",
            fun(
                &["I", "Acc"],
                case(
                    v("I"),
                    vec![
                        cl(vec![pint(0)], None, v("Acc")),
                        cl(
                            vec![pv("J")],
                            None,
                            apply(
                                funref("loop", 2),
                                vec![e_op("-", v("J"), int(1)), e_op("+", v("Acc"), v("J"))],
                            ),
                        ),
                    ],
                ),
            ),
        )],
        apply(funref("loop", 2), vec![int(100), int(0)]),
    );
    let main = fun(
        &[],
        tuple(vec![
            even_odd,
            closure,
            call(
                "lists",
                "map",
                vec![funref("dbl", 1), list(vec![int(1), int(2), int(3)])],
            ),
            apply(funref("dbl", 1), vec![int(21)]),
            let1(
                "Rev",
                erl("make_fun", vec![atom("lists"), atom("reverse"), int(1)]),
                apply(v("Rev"), vec![list(vec![int(1), int(2), int(3)])]),
            ),
            adder,
            loop_sum,
        ]),
    );
    let dbl = fun(&["X"], e_op("*", v("X"), int(2)));
    module("ir_funs", vec![def("main", main), def("dbl", dbl)])
}

const FUNS_EXPECTED: &str = "{true,15,[2,4,6],42,[3,2,1],3,5050}";

/// receive/after, spawn and send, try with the three classes, catch,
/// primops raise / build_stacktrace / match_fail.
fn m_proc() -> Module {
    let child = lambda(
        &[],
        receive(
            vec![cl(
                vec![ptuple(vec![pv("From"), pv("N")])],
                Some(erl("is_integer", vec![v("N")])),
                erl(
                    "!",
                    vec![
                        v("From"),
                        tuple(vec![atom("reply"), e_op("*", v("N"), int(2))]),
                    ],
                ),
            )],
            atom("infinity"),
            atom("ok"),
        ),
    );
    let ping = let1(
        "Self",
        erl("self", vec![]),
        let1(
            "Pid",
            erl("spawn", vec![child]),
            seq(
                erl("!", vec![v("Pid"), tuple(vec![v("Self"), int(21)])]),
                receive(
                    vec![cl(
                        vec![ptuple(vec![patom("reply"), pv("R")])],
                        None,
                        v("R"),
                    )],
                    int(1000),
                    atom("timeout"),
                ),
            ),
        ),
    );
    let empty = receive(
        vec![cl(vec![pv("_Any")], None, atom("got"))],
        int(0),
        atom("empty"),
    );
    let timed = receive(
        vec![cl(vec![patom("never")], None, atom("got"))],
        int(10),
        atom("timed_out"),
    );
    let try_class = |body: Expr| {
        try_(
            body,
            &["V"],
            tuple(vec![atom("ok"), v("V")]),
            ["C", "R", "T"],
            tuple(vec![v("C"), v("R")]),
        )
    };
    let catch_error = case(
        catch(erl("error", vec![atom("e")])),
        vec![
            cl(
                vec![ptuple(vec![
                    patom("EXIT"),
                    ptuple(vec![pv("E"), Pattern::Wildcard]),
                ])],
                None,
                v("E"),
            ),
            fail_clause(1),
        ],
    );
    let reraise = try_(
        try_(
            erl("error", vec![atom("inner")]),
            &["V1"],
            v("V1"),
            ["C1", "R1", "T1"],
            Expr::primop("raise", vec![v("T1"), v("R1")], sp(1)),
        ),
        &["V2"],
        v("V2"),
        ["C2", "R2", "T2"],
        tuple(vec![v("C2"), v("R2")]),
    );
    let stack = try_(
        erl("error", vec![atom("x")]),
        &["V3"],
        v("V3"),
        ["C3", "R3", "T3"],
        let1(
            "S",
            Expr::primop("build_stacktrace", vec![v("T3")], sp(1)),
            erl("is_list", vec![v("S")]),
        ),
    );
    let fail = try_class(case(
        int(5),
        vec![cl(vec![pint(0)], None, atom("a")), fail_clause(1)],
    ));
    let main = fun(
        &[],
        tuple(vec![
            ping,
            empty,
            timed,
            try_class(erl("error", vec![atom("boom")])),
            try_class(erl("throw", vec![atom("t")])),
            try_class(erl("exit", vec![atom("e")])),
            try_class(e_op("+", int(1), int(1))),
            catch(erl("throw", vec![atom("x")])),
            catch_error,
            catch(erl("exit", vec![atom("bye")])),
            reraise,
            stack,
            fail,
        ]),
    );
    module("ir_proc", vec![def("main", main)])
}

const PROC_EXPECTED: &str = "{42,empty,timed_out,{error,boom},{throw,t},{exit,e},{ok,2},x,e,\
{'EXIT',bye},{error,inner},true,{error,{case_clause,5}}}";

/// Maps (construction, update, patterns, literal map patterns) and binaries
/// (construction, patterns with sizes from earlier segments, signedness,
/// utf8, floats), alias and string patterns.
fn m_data() -> Module {
    use MapOp::*;
    let maps = let1(
        "M",
        map(
            None,
            vec![(Assoc, atom("a"), int(1)), (Assoc, atom("b"), int(2))],
        ),
        let1(
            "M2",
            map(
                Some(v("M")),
                vec![(Exact, atom("a"), int(10)), (Assoc, atom("c"), int(3))],
            ),
            let1(
                "K",
                atom("b"),
                tuple(vec![
                    case(
                        v("M2"),
                        vec![
                            cl(
                                vec![Pattern::Map(vec![
                                    (atom("a"), pv("A")),
                                    (atom("c"), pv("C")),
                                ])],
                                None,
                                tuple(vec![v("A"), v("C")]),
                            ),
                            fail_clause(1),
                        ],
                    ),
                    case(
                        v("M"),
                        vec![
                            cl(vec![Pattern::Map(vec![(v("K"), pv("V"))])], None, v("V")),
                            fail_clause(1),
                        ],
                    ),
                    // (5)#{a => 1} fails with badmap
                    case(
                        catch(map(
                            Some(e_op("+", int(2), int(3))),
                            vec![(Assoc, atom("a"), int(1))],
                        )),
                        vec![
                            cl(
                                vec![ptuple(vec![
                                    patom("EXIT"),
                                    ptuple(vec![
                                        ptuple(vec![patom("badmap"), pint(5)]),
                                        Pattern::Wildcard,
                                    ]),
                                ])],
                                None,
                                atom("badmap"),
                            ),
                            fail_clause(1),
                        ],
                    ),
                    case(
                        v("M"),
                        vec![
                            cl(
                                vec![plit(Literal::Map(vec![
                                    (Literal::atom("a"), Literal::Int(1)),
                                    (Literal::atom("b"), Literal::Int(2)),
                                ]))],
                                None,
                                atom("exact"),
                            ),
                            cl(vec![Pattern::Wildcard], None, atom("no")),
                        ],
                    ),
                    case(
                        v("M2"),
                        vec![
                            cl(
                                vec![plit(Literal::Map(vec![(
                                    Literal::atom("a"),
                                    Literal::Int(10),
                                )]))],
                                None,
                                atom("exact"),
                            ),
                            cl(vec![Pattern::Wildcard], None, atom("no")),
                        ],
                    ),
                    map(Some(v("M")), vec![]),
                ]),
            ),
        ),
    );
    let mut little = seg(v("X"), Some(int(16)), 1, BinType::Integer);
    little.endian = Endian::Little;
    let mut plittle = seg(pv("A"), Some(int(16)), 1, BinType::Integer);
    plittle.endian = Endian::Little;
    let bins = let1(
        "X",
        int(258),
        let1(
            "B",
            binary(vec![
                little,
                seg(lit(Literal::Float(1.5)), Some(int(64)), 1, BinType::Float),
                seg(
                    lit(Literal::Binary(b"ab".to_vec())),
                    None,
                    8,
                    BinType::Binary,
                ),
                seg(int(945), None, 1, BinType::Utf8),
            ]),
            case(
                v("B"),
                vec![
                    cl(
                        vec![Pattern::Binary(vec![
                            plittle,
                            seg(pv("F"), None, 1, BinType::Float),
                            seg(pv("Rest"), None, 8, BinType::Binary),
                        ])],
                        None,
                        tuple(vec![v("A"), v("F"), v("Rest")]),
                    ),
                    fail_clause(1),
                ],
            ),
        ),
    );
    // A size from a variable bound outside the pattern. (A size bound
    // earlier in the same pattern, `<<N:8, X:N/binary>>`, is legal IR but
    // not Core Erlang as OTP 25 reads it: see the printer's module doc.)
    let sized = let1(
        "N",
        int(3),
        case(
            lit(Literal::Binary(vec![1, 2, 3, 9])),
            vec![
                cl(
                    vec![Pattern::Binary(vec![
                        seg(pv("Part"), Some(v("N")), 8, BinType::Binary),
                        seg(pv("Tail"), None, 8, BinType::Binary),
                    ])],
                    None,
                    tuple(vec![v("N"), v("Part"), v("Tail")]),
                ),
                fail_clause(1),
            ],
        ),
    );
    let mut sneg = seg(int(-1), Some(int(8)), 1, BinType::Integer);
    sneg.signed = true;
    let mut psneg = seg(pv("S"), Some(int(8)), 1, BinType::Integer);
    psneg.signed = true;
    let signed = case(
        binary(vec![sneg]),
        vec![
            cl(vec![Pattern::Binary(vec![psneg])], None, v("S")),
            fail_clause(1),
        ],
    );
    let string = case(
        lit(Literal::string("abc")),
        vec![
            cl(vec![plit(Literal::string("abc"))], None, atom("yes")),
            cl(vec![Pattern::Wildcard], None, atom("no")),
        ],
    );
    let alias = case(
        tuple(vec![int(1), int(2)]),
        vec![
            cl(
                vec![Pattern::Alias(
                    "T".into(),
                    Box::new(ptuple(vec![pint(1), Pattern::Wildcard])),
                )],
                None,
                v("T"),
            ),
            fail_clause(1),
        ],
    );
    let cons = case(
        list(vec![int(1), int(2), int(3)]),
        vec![
            cl(
                vec![pcons(pv("H"), pcons(Pattern::Wildcard, pv("T")))],
                None,
                tuple(vec![v("H"), v("T")]),
            ),
            fail_clause(1),
        ],
    );
    let main = fun(
        &[],
        tuple(vec![maps, bins, sized, signed, string, alias, cons]),
    );
    module("ir_data", vec![def("main", main)])
}

const DATA_EXPECTED: &str =
    "{{{10,3},2,badmap,exact,no,#{a=>1,b=>2}},{258,1.5,<<\"ab\",206,177>>},\
{3,<<1,2,3>>,<<9>>},-1,yes,{1,2},{1,[3]}}";

/// Variable names that are not legal in Core Erlang.
fn m_names() -> Module {
    let main = fun(
        &["x"],
        let1(
            "my-var",
            e_op("+", v("x"), int(1)),
            case(
                v("my-var"),
                vec![
                    cl(vec![pv("x")], None, atom("same")),
                    cl(vec![pv("_@1")], None, v("_@1")),
                ],
            ),
        ),
    );
    module("ir_names", vec![def("main", main)])
}

fn all_modules() -> Vec<(Module, &'static str)> {
    vec![
        (m_literals(), LITERALS_EXPECTED),
        (m_control(), CONTROL_EXPECTED),
        (m_funs(), FUNS_EXPECTED),
        (m_proc(), PROC_EXPECTED),
        (m_data(), DATA_EXPECTED),
    ]
}

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

fn assert_snapshot(name: &str, actual: &str) {
    let path = snapshot_dir().join(format!("{name}.core"));
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    match std::fs::read_to_string(&path) {
        Ok(expected) if !update => {
            assert!(
                expected == actual,
                "snapshot {name} differs (UPDATE_SNAPSHOTS=1 to accept)\n--- expected\n{expected}\n--- actual\n{actual}"
            );
        }
        _ => {
            std::fs::write(&path, actual).unwrap();
            eprintln!("wrote snapshot {}", path.display());
        }
    }
}

#[test]
fn hand_built_modules_are_valid() {
    for (m, _) in all_modules() {
        if let Err(errors) = validate(&m) {
            panic!("{}: {errors:?}", m.name);
        }
    }
}

#[test]
fn snapshots() {
    for (m, _) in all_modules() {
        assert_snapshot(&m.name, &print_module(&m));
    }
    assert_snapshot("ir_names", &print_module(&m_names()));
}

#[test]
fn print_expr_of_small_terms() {
    assert_eq!(print_expr(&int(-3)), "-3");
    assert_eq!(print_expr(&lit(Literal::string("a\"b"))), "\"a\\\"b\"");
    assert_eq!(print_expr(&list(vec![int(1), v("X")])), "[1, X]");
    assert_eq!(print_expr(&Expr::cons(int(1), v("T"), sp(1))), "[1 | T]");
    assert_eq!(
        print_expr(&erl("+", vec![v("A"), int(1)])),
        "call 'erlang':'+'(A, 1)"
    );
    assert_eq!(print_expr(&funref("f", 2)), "'f'/2");
    assert_eq!(print_expr(&let1("X", int(1), v("X"))), "let <X> = 1\nin X");
    assert_eq!(
        print_expr(&case(v("X"), vec![cl(vec![pv("Y")], None, v("Y"))])),
        "case X of\n  <Y> when 'true' ->\n      Y\nend"
    );
    // A pattern variable bound outside is an equality test.
    let e = let1(
        "X",
        int(1),
        case(v("Y"), vec![cl(vec![pv("X")], None, atom("eq"))]),
    );
    assert_eq!(
        print_expr(&e),
        "let <X> = 1\nin case Y of\n  <_@1> when call 'erlang':'=:='(_@1, X) ->\n      'eq'\nend"
    );
    assert_eq!(
        print_expr(&lit(Literal::Binary(vec![7]))),
        "#{#<7>(8,1,'integer',['unsigned'|['big']])}#"
    );
}

fn erlc() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("erlc"))
        .find(|p| p.is_file())
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("eubeam-ir-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn compile_core(dir: &Path, m: &Module) {
    let text = print_module(m);
    let file = dir.join(format!("{}.core", m.name));
    std::fs::write(&file, &text).unwrap();
    let out = Command::new("erlc")
        .arg("+from_core")
        .arg("-o")
        .arg(dir)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "erlc +from_core rejected {}:\n{}{}\n--- source ---\n{text}",
        m.name,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn erlc_accepts_the_printed_modules_and_they_compute_the_right_values() {
    if erlc().is_none() {
        println!("skipping: erlc not installed");
        return;
    }
    let dir = temp_dir("erlc");
    let mut checks = String::new();
    for (m, expected) in all_modules() {
        compile_core(&dir, &m);
        checks.push_str(&format!(
            "R{name} = (catch {name}:main()), \
             case R{name} =:= ({expected}) of true -> io:format(\"ok ~s~n\", [{name}]); \
             false -> io:format(\"MISMATCH ~s ~p~n\", [{name}, R{name}]) end, ",
            name = m.name
        ));
    }
    compile_core(&dir, &m_names());
    checks.push_str("io:format(\"~p~n\", [{ir_names:main(1), ir_names:main(2)}]), halt().");
    let out = Command::new("erl")
        .arg("-noshell")
        .arg("-pa")
        .arg(&dir)
        .arg("-eval")
        .arg(&checks)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains("MISMATCH") && stdout.matches("ok ").count() == 5,
        "erl output:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("{2,3}"), "ir_names: {stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `f` on a thread with a big stack: building and dropping a
/// 100,000-deep tree recurses in the derived `Drop`, which is not the
/// printer's business.
fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

fn deep_lets(n: usize) -> Module {
    // let X0 = 0 in let X1 = X0 + 1 in ... in Xn
    let mut body = v(&format!("X{n}"));
    for i in (1..=n).rev() {
        body = let1(
            &format!("X{i}"),
            e_op("+", v(&format!("X{}", i - 1)), int(1)),
            body,
        );
    }
    let body = let1("X0", int(0), body);
    module("ir_deep", vec![def("main", fun(&[], body))])
}

fn deep_values(n: usize) -> Module {
    // {{{...{0}...}}} built with nested case/tuple in value position.
    let mut e = int(0);
    for _ in 0..n {
        e = case(tuple(vec![e]), vec![cl(vec![pv("T")], None, v("T"))]);
    }
    module("ir_deep2", vec![def("main", fun(&[], e))])
}

#[test]
fn deep_ir_prints_without_overflowing_the_stack() {
    let n = 100_000;
    // ManuallyDrop: if an assertion fails, unwinding must not drop the
    // deep trees on this small stack (it would abort instead of failing).
    let (deep, deep2) = big_stack(move || (deep_lets(n), deep_values(n)));
    let (deep, deep2) = (ManuallyDrop::new(deep), ManuallyDrop::new(deep2));
    // Printed on this (small-stack) test thread.
    let text = print_module(&deep);
    assert!(text.contains("let <X100000> ="));
    // Indentation is capped, so the output stays linear.
    assert!(text.len() < 60 * n, "{} bytes", text.len());
    let text2 = print_module(&deep2);
    assert!(text2.len() < 400 * n, "{} bytes", text2.len());
    assert!(validate(&deep).is_ok());
    assert!(validate(&deep2).is_ok());
    // A million-element literal list.
    let long = ManuallyDrop::new(big_stack(|| {
        lit(Literal::list(
            (0..1_000_000).map(|i| Literal::Int(i % 7 - 3)).collect(),
        ))
    }));
    let text3 = print_expr(&long);
    assert!(
        text3.starts_with("[-3,-2,-1,0,1,2,3,-3,"),
        "{}",
        &text3[..40]
    );
    let all = (
        ManuallyDrop::into_inner(deep),
        ManuallyDrop::into_inner(deep2),
        ManuallyDrop::into_inner(long),
    );
    big_stack(move || drop(all));
    if erlc().is_some() {
        // erlc itself copes with a 2,000-deep let chain; check ours is valid.
        let small = big_stack(|| deep_lets(2_000));
        let dir = temp_dir("deep");
        compile_core(&dir, &small);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
