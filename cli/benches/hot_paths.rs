//! Micro-benchmarks of the interpreter's hot paths, so that regressions
//! show up: call/return, small-integer arithmetic, pattern matching,
//! allocation, send/receive, message copy, a ref-tagged call behind a
//! message backlog (receive marker).
//!
//! `cargo bench -p eubeam --bench hot_paths` (optionally a name filter:
//! `cargo bench -p eubeam --bench hot_paths -- arith`). Each workload is an
//! Erlang function looping N times in one process on one scheduler; the
//! figure is the median of 7 timed runs (after one warm-up) in nanoseconds
//! per iteration. A plain `harness = false` binary: `cargo test` only builds
//! it, and it has no dependency beyond the workspace.

use std::sync::Arc;
use std::time::Instant;

use eubeam_ir::Literal;
use eubeam_runtime::{NoLoader, Outcome, Vm, VmConfig};

const SOURCE: &str = r#"
-module(hp).
-export([call_return/1, arith/1, pattern/1, alloc/1, send_receive/1, msgcopy/1,
         ref_call/1]).

%% A non-tail call and its return per iteration.
call_return(0) -> ok;
call_return(N) -> _ = id(N), call_return(N - 1).
id(X) -> X.

%% Small-integer arithmetic and a guard comparison per iteration.
arith(N) -> arith(N, 0).
arith(0, Acc) -> Acc;
arith(N, Acc) when Acc > 1000000 -> arith(N - 1, Acc - 999999);
arith(N, Acc) -> arith(N - 1, Acc + N * 3 - 1).

%% A tuple, a list and a map pattern per iteration.
pattern(N) -> pattern(N, {point, [1, 2, 3], #{k => 7}}).
pattern(0, _) -> ok;
pattern(N, T) ->
    case T of
        {line, _, _} -> error(no);
        {point, [X | _], #{k := V}} when X > 0, V =:= 7 -> pattern(N - 1, T);
        _ -> error(no)
    end.

%% A 2-tuple and a cons cell per iteration (garbage for the collector).
alloc(N) -> alloc(N, []).
alloc(0, _) -> ok;
alloc(N, L) -> alloc(N - 1, [{N, N} | case L of [_, _, _, _ | _] -> []; _ -> L end]).

%% A message to self, received with a pattern.
send_receive(0) -> ok;
send_receive(N) ->
    self() ! {msg, N},
    receive {msg, N} -> send_receive(N - 1) end.

%% A 100-integer list sent to self (deep copy) per iteration.
msgcopy(N) -> msgcopy(N, lists_seq(1, 100)).
msgcopy(0, _) -> ok;
msgcopy(N, L) ->
    self() ! L,
    receive L2 -> msgcopy(N - 1, L2) end.
%% A ref-tagged request/reply to self behind 1000 queued messages: the
%% receive marker set by make_ref/0 must skip the backlog (O(1) a call).
ref_call(N) ->
    [self() ! {junk, I} || I <- lists_seq(1, 1000)],
    ref_call(N, 0).
ref_call(0, _) -> ok;
ref_call(N, S) ->
    Ref = make_ref(),
    self() ! {Ref, N},
    receive {Ref, R} -> ref_call(N - 1, S + R) end.

lists_seq(A, B) when A > B -> [];
lists_seq(A, B) -> [A | lists_seq(A + 1, B)].
"#;

const BENCHES: &[(&str, i64)] = &[
    ("call_return", 2_000_000),
    ("arith", 2_000_000),
    ("pattern", 2_000_000),
    ("alloc", 2_000_000),
    ("send_receive", 500_000),
    ("msgcopy", 100_000),
    ("ref_call", 500_000),
];

fn main() {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let compiled = match eubeam_erlang::compile_source("hp.erl", SOURCE) {
        Ok(c) => c,
        Err(d) => {
            eprintln!("hot_paths: the benchmark module does not compile: {d:?}");
            std::process::exit(2);
        }
    };
    let vm = Vm::new(VmConfig { schedulers: 1 }, Arc::new(NoLoader));
    for m in &compiled.modules {
        if let Err(e) = vm.load_module(m) {
            eprintln!("hot_paths: cannot load {}: {e}", m.name);
            std::process::exit(2);
        }
    }
    println!(
        "{:<14} {:>12} {:>14} {:>10}",
        "bench", "iterations", "median ns/it", "min-max"
    );
    for &(name, n) in BENCHES {
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let mut times = Vec::new();
        for run in 0..8 {
            let t0 = Instant::now();
            let outcome = vm.run("hp", name, vec![Literal::Int(n)]);
            let ns = t0.elapsed().as_nanos() as f64 / n as f64;
            if !matches!(outcome, Outcome::Returned) {
                eprintln!("hot_paths: {name} crashed");
                std::process::exit(1);
            }
            if run > 0 {
                times.push(ns);
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:<14} {:>12} {:>14.1} {:>4.1}-{:.1}",
            name,
            n,
            times[times.len() / 2],
            times[0],
            times[times.len() - 1]
        );
    }
}
