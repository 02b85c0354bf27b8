//! End-to-end tests of binaries: BIFs, bit syntax, sharing of off-heap
//! binaries between processes and their release.

use std::sync::{Arc, Mutex, Weak};

use eubeam_ir::{BinSegment, BinType, Endian, Expr, ExprKind, Literal, Pattern};

use crate::bif::{Ctx, Trap};
use crate::irb::*;
use crate::term::binary::{bin_bytes_copied, OffHeapBin};
use crate::term::Term;
use crate::{NoLoader, Outcome, Vm, VmConfig};

fn vm(n: usize) -> Vm {
    Vm::new_captured(VmConfig { schedulers: n }, Arc::new(NoLoader))
}

fn run_on(vm: &Vm, m: eubeam_ir::Module) -> (Outcome, String, String) {
    vm.load_module(&m).expect("module compiles");
    let o = vm.run(&m.name, "main", vec![]);
    let (out, err) = vm.take_output();
    (o, out, err)
}

/// Display the value of `e` (evaluated in main/0 with helper functions).
fn eval_with(e: Expr, mut helpers: Vec<eubeam_ir::FunDef>) -> String {
    helpers.push(fundef("main", &[], show(e)));
    let (o, out, err) = run_on(&vm(2), module("t", helpers));
    assert_eq!(o, Outcome::Returned, "stderr: {err}");
    out.trim_end().to_string()
}

fn eval(e: Expr) -> String {
    eval_with(e, vec![])
}

fn bin(b: &[u8]) -> Expr {
    lit(Literal::Binary(b.to_vec()))
}

fn send(to: Expr, msg: Expr) -> Expr {
    call("erlang", "!", vec![to, msg])
}

fn self_() -> Expr {
    call("erlang", "self", vec![])
}

#[test]
fn binary_bifs() {
    assert_eq!(eval(call("erlang", "byte_size", vec![bin(b"abc")])), "3");
    assert_eq!(eval(call("erlang", "bit_size", vec![bin(b"abc")])), "24");
    assert_eq!(eval(bin(b"abc")), "<<97,98,99>>");
    assert_eq!(
        eval(call("erlang", "binary_to_list", vec![bin(b"abc")])),
        "[97,98,99]"
    );
    let iol = list(vec![
        int(1),
        list(vec![bin(b"xy"), int(2)]),
        cons(int(3), bin(b"z")),
    ]);
    assert_eq!(
        eval(call("erlang", "iolist_to_binary", vec![iol.clone()])),
        "<<1,120,121,2,3,122>>"
    );
    assert_eq!(eval(call("erlang", "iolist_size", vec![iol])), "6");
    assert_eq!(
        eval(call("erlang", "split_binary", vec![bin(b"hello"), int(2)])),
        "{<<104,101>>,<<108,108,111>>}"
    );
    assert_eq!(
        eval(call(
            "binary",
            "split",
            vec![bin(b"a,b,,c"), bin(b","), list(vec![atom("global")])]
        )),
        "[<<97>>,<<98>>,<<>>,<<99>>]"
    );
    assert_eq!(
        eval(call("erlang", "atom_to_binary", vec![atom("ok")])),
        "<<111,107>>"
    );
    assert_eq!(
        eval(call("erlang", "binary_to_integer", vec![bin(b"-42")])),
        "-42"
    );
    assert_eq!(
        eval(call("binary", "decode_unsigned", vec![bin(&[1, 0])])),
        "256"
    );
    // Term order: bitstrings after lists; bytewise.
    assert_eq!(eval(op("<", list(vec![int(1)]), bin(b""))), "true");
    assert_eq!(eval(op("<", bin(b"ab"), bin(b"b"))), "true");
    assert_eq!(eval(op("<", bin(b"ab"), bin(b"abc"))), "true");
    assert_eq!(eval(op("=:=", bin(&[7; 100]), bin(&[7; 100]))), "true");
    let big = call("binary", "copy", vec![bin(b"ab"), int(100)]);
    assert_eq!(
        eval(call("binary", "part", vec![big, int(197), int(3)])),
        "<<98,97,98>>"
    );
}

static WATCHED: Mutex<Vec<Weak<OffHeapBin>>> = Mutex::new(Vec::new());

/// `t_native:watch(Bin)`: remember a weak reference to Bin's buffer.
fn watch(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let p = a[0]
        .bit_parts()
        .and_then(|b| b.underlying.off_heap_ptr())
        .ok_or(Trap::Error(Term::NIL))?;
    // SAFETY (test): the handle owns a strong count; take one more for the
    // temporary Arc so that dropping it leaves the count unchanged.
    let w = unsafe {
        Arc::increment_strong_count(p);
        Arc::downgrade(&Arc::from_raw(p))
    };
    WATCHED.lock().unwrap_or_else(|e| e.into_inner()).push(w);
    Ok(Term::OK)
}

/// A 1 MiB binary goes back and forth 10,000 times between two processes:
/// its bytes are never copied, and it is freed once both processes end.
#[test]
fn large_binary_sent_10000_times_is_shared_then_freed() {
    // pong() -> receive {From, B} -> From ! B, pong(); stop -> ok end.
    let pong = fundef(
        "pong",
        &[],
        receive(
            vec![
                clause(
                    vec![ptuple(vec![pvar("From"), pvar("B")])],
                    None,
                    seq(send(var("From"), var("B")), apply_local("pong", vec![])),
                ),
                clause(vec![patom("stop")], None, atom("ok")),
            ],
            atom("infinity"),
            atom("ok"),
        ),
    );
    // ping(P, B, 0) -> P ! stop, byte_size(B);
    // ping(P, B, K) -> P ! {self(), B}, receive B2 -> ping(P, B2, K - 1) end.
    let ping = fundef(
        "ping",
        &["P", "B", "K"],
        case(
            var("K"),
            vec![
                clause(
                    vec![pint(0)],
                    None,
                    seq(
                        send(var("P"), atom("stop")),
                        call("erlang", "byte_size", vec![var("B")]),
                    ),
                ),
                clause(
                    vec![pvar("K1")],
                    None,
                    seq(
                        send(var("P"), tuple(vec![self_(), var("B")])),
                        receive(
                            vec![clause(
                                vec![pvar("B2")],
                                None,
                                apply_local(
                                    "ping",
                                    vec![var("P"), var("B2"), op("-", var("K1"), int(1))],
                                ),
                            )],
                            atom("infinity"),
                            atom("ok"),
                        ),
                    ),
                ),
            ],
        ),
    );
    let main = fundef(
        "main",
        &[],
        let_(
            "Bin",
            call("binary", "copy", vec![bin(&[0]), int(1 << 20)]),
            seq(
                call("t_native", "watch", vec![var("Bin")]),
                let_(
                    "P",
                    call(
                        "erlang",
                        "spawn",
                        vec![fun(&[], apply_local("pong", vec![]))],
                    ),
                    show(apply_local("ping", vec![var("P"), var("Bin"), int(5000)])),
                ),
            ),
        ),
    );
    let v = vm(2);
    v.register_native("t_native", "watch", 1, watch, false);
    let before = bin_bytes_copied();
    let (o, out, err) = run_on(&v, module("tbin", vec![pong, ping, main]));
    assert_eq!(o, Outcome::Returned, "stderr: {err}");
    assert_eq!(out.trim_end(), "1048576");
    // 10,000 sends of 1 MiB; not even one copy of the data happened (other
    // tests running at the same time copy only small binaries).
    assert!(bin_bytes_copied() - before < 1 << 20);
    let w = WATCHED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .pop()
        .expect("watched");
    // Both processes have ended: their heaps released the buffer.
    for _ in 0..200 {
        if w.upgrade().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(w.upgrade().is_none(), "the 1 MiB buffer is still alive");
}

fn seg<T>(value: T, size: Option<Expr>, unit: u8, ty: BinType) -> BinSegment<T> {
    BinSegment {
        value,
        size,
        unit,
        ty,
        signed: false,
        endian: Endian::Big,
        span: eubeam_ir::Span::NONE,
    }
}

fn bin_expr(segs: Vec<BinSegment<Expr>>) -> Expr {
    Expr::new(ExprKind::Binary(segs), eubeam_ir::Span::NONE)
}

#[test]
fn bit_syntax_construction_and_matching() {
    // <<1, 300:16, "hi"/binary, 5:3>>
    let b = bin_expr(vec![
        seg(int(1), None, 1, BinType::Integer),
        seg(int(300), Some(int(16)), 1, BinType::Integer),
        seg(bin(b"hi"), None, 8, BinType::Binary),
        seg(int(5), Some(int(3)), 1, BinType::Integer),
    ]);
    assert_eq!(eval(b.clone()), "<<1,1,44,104,105,5:3>>");
    assert_eq!(eval(call("erlang", "bit_size", vec![b])), "43");
    // case <<3, "abcde">> of <<N:8, X:N/binary, Rest/binary>> -> {N, X, Rest} end
    let subject = bin_expr(vec![
        seg(int(3), None, 1, BinType::Integer),
        seg(bin(b"abcde"), None, 8, BinType::Binary),
    ]);
    let pat = Pattern::Binary(vec![
        seg(pvar("N"), Some(int(8)), 1, BinType::Integer),
        seg(pvar("X"), Some(var("N")), 8, BinType::Binary),
        seg(pvar("Rest"), None, 8, BinType::Binary),
    ]);
    let e = case(
        subject,
        vec![clause(
            vec![pat],
            None,
            tuple(vec![var("N"), var("X"), var("Rest")]),
        )],
    );
    assert_eq!(eval(e), "{3,<<97,98,99>>,<<100,101>>}");
    // A clause that needs more bits fails and the next one matches.
    let e = case(
        bin(b"ab"),
        vec![
            clause(
                vec![Pattern::Binary(vec![seg(
                    pvar("X"),
                    Some(int(24)),
                    1,
                    BinType::Integer,
                )])],
                None,
                var("X"),
            ),
            clause(
                vec![Pattern::Binary(vec![
                    seg(Pattern::Lit(Literal::Int(97)), None, 1, BinType::Integer),
                    seg(pvar("Y"), None, 1, BinType::Bitstring),
                ])],
                None,
                var("Y"),
            ),
        ],
    );
    assert_eq!(eval(e), "<<98>>");
    // Bad construction raises badarg.
    let bad = bin_expr(vec![seg(atom("x"), None, 1, BinType::Integer)]);
    let caught = try_(
        bad,
        "V",
        var("V"),
        ["C", "R", "T"],
        tuple(vec![var("C"), var("R")]),
    );
    assert_eq!(eval(caught), "{error,badarg}");
}

/// A loop that matches `<<H:8, Rest/binary>>` over a 100 KB binary: the
/// sub-binaries share the data (nothing is copied), and the sum is right.
#[test]
fn matching_loop_over_large_binary() {
    // sum(<<H:8, Rest/binary>>, Acc) -> sum(Rest, Acc + H); sum(<<>>, Acc) -> Acc.
    let sum = fundef(
        "sum",
        &["B", "Acc"],
        case(
            var("B"),
            vec![
                clause(
                    vec![Pattern::Binary(vec![
                        seg(pvar("H"), None, 1, BinType::Integer),
                        seg(pvar("Rest"), None, 8, BinType::Binary),
                    ])],
                    None,
                    apply_local("sum", vec![var("Rest"), op("+", var("Acc"), var("H"))]),
                ),
                clause(vec![pvar("_")], None, var("Acc")),
            ],
        ),
    );
    let before = bin_bytes_copied();
    let e = apply_local(
        "sum",
        vec![
            call("binary", "copy", vec![bin(&[1, 2, 3, 4]), int(25_000)]),
            int(0),
        ],
    );
    assert_eq!(eval_with(e, vec![sum]), "250000");
    assert!(bin_bytes_copied() - before < 100_000);
}
