//! Modules the runtime provides, written in IR: `timer` (sleep/1, tc/1,2,3,
//! seconds/1, minutes/1, hours/1, hms/3, now_diff/2, apply_after/4) and the
//! shell loop.

use eubeam_ir::{Expr, Module};

use crate::bif::{badarg, Ctx, NativeFn, Trap};
use crate::irb::*;
use crate::term::printable::to_pterm;
use crate::term::{Atom, Term};

pub const SHELL_MODULE: &str = "$eubeam_shell";

/// `{ok, {interval, spawn(timer, '$interval', Args)}}`.
fn interval_start(args: Expr) -> Expr {
    tuple(vec![
        atom("ok"),
        tuple(vec![
            atom("interval"),
            call(
                "erlang",
                "spawn",
                vec![atom("timer"), atom("$interval"), args],
            ),
        ]),
    ])
}

pub fn modules() -> Vec<Module> {
    // timer:sleep(T) -> receive after T -> ok end.
    // tc(Fun) / tc(Fun, Args) / tc(M, F, Args) ->
    //   T1 = erlang:monotonic_time(microsecond), V = apply(...),
    //   {erlang:monotonic_time(microsecond) - T1, V}.
    let timed = |run: Expr| {
        let_(
            "T1",
            call("erlang", "monotonic_time", vec![atom("microsecond")]),
            let_(
                "V",
                run,
                tuple(vec![
                    op(
                        "-",
                        call("erlang", "monotonic_time", vec![atom("microsecond")]),
                        var("T1"),
                    ),
                    var("V"),
                ]),
            ),
        )
    };
    let timer = module(
        "timer",
        vec![
            fundef("sleep", &["T"], receive(vec![], var("T"), atom("ok"))),
            fundef("tc", &["F"], timed(apply(var("F"), vec![]))),
            fundef(
                "tc",
                &["F", "A"],
                timed(call("erlang", "apply", vec![var("F"), var("A")])),
            ),
            fundef(
                "tc",
                &["M", "F", "A"],
                timed(call("erlang", "apply", vec![var("M"), var("F"), var("A")])),
            ),
            // seconds(S) -> 1000 * S, and so on (badarith for non-numbers,
            // as OTP's).
            fundef("seconds", &["S"], op("*", int(1000), var("S"))),
            fundef("minutes", &["M"], op("*", int(60_000), var("M"))),
            fundef("hours", &["H"], op("*", int(3_600_000), var("H"))),
            fundef(
                "hms",
                &["H", "M", "S"],
                op(
                    "+",
                    op(
                        "+",
                        op("*", int(3_600_000), var("H")),
                        op("*", int(60_000), var("M")),
                    ),
                    op("*", int(1000), var("S")),
                ),
            ),
            // now_diff({A2, B2, C2}, {A1, B1, C1}) -> microseconds.
            fundef(
                "now_diff",
                &["T2", "T1"],
                case(
                    tuple(vec![var("T2"), var("T1")]),
                    vec![clause(
                        vec![ptuple(vec![
                            ptuple(vec![pvar("A2"), pvar("B2"), pvar("C2")]),
                            ptuple(vec![pvar("A1"), pvar("B1"), pvar("C1")]),
                        ])],
                        None,
                        op(
                            "+",
                            op(
                                "*",
                                op(
                                    "+",
                                    op("*", op("-", var("A2"), var("A1")), int(1_000_000)),
                                    op("-", var("B2"), var("B1")),
                                ),
                                int(1_000_000),
                            ),
                            op("-", var("C2"), var("C1")),
                        ),
                    )],
                ),
            ),
            // apply_after(T, M, F, A): a process that waits T ms, then
            // applies; {ok, {once, Pid}} (OTP: {once, Ref}); timer:cancel/1
            // kills the process.
            fundef(
                "apply_after",
                &["T", "M", "F", "A"],
                tuple(vec![
                    atom("ok"),
                    tuple(vec![
                        atom("once"),
                        call(
                            "erlang",
                            "spawn",
                            vec![
                                atom("timer"),
                                atom("$apply_after"),
                                list(vec![var("T"), var("M"), var("F"), var("A")]),
                            ],
                        ),
                    ]),
                ]),
            ),
            // send_interval(T, [Dest,] Msg) / apply_interval(T, M, F, A):
            // a process that monitors its owner and acts every T ms until
            // the owner exits or timer:cancel/1 kills it;
            // {ok, {interval, Pid}} (OTP: {interval, Ref}).
            fundef(
                "send_interval",
                &["T", "Msg"],
                apply_local(
                    "send_interval",
                    vec![var("T"), call("erlang", "self", vec![]), var("Msg")],
                ),
            ),
            fundef(
                "send_interval",
                &["T", "Dest", "Msg"],
                // Tied to the destination when it is a pid (as OTP 25),
                // to the caller otherwise.
                interval_start(list(vec![
                    atom("send"),
                    var("T"),
                    case(
                        call("erlang", "is_pid", vec![var("Dest")]),
                        vec![
                            clause(vec![patom("true")], None, var("Dest")),
                            clause(vec![pvar("_")], None, call("erlang", "self", vec![])),
                        ],
                    ),
                    list(vec![var("Dest"), var("Msg")]),
                ])),
            ),
            fundef(
                "apply_interval",
                &["T", "M", "F", "A"],
                interval_start(list(vec![
                    atom("apply"),
                    var("T"),
                    call("erlang", "self", vec![]),
                    list(vec![var("M"), var("F"), var("A")]),
                ])),
            ),
            fundef(
                "$interval",
                &["Kind", "T", "Owner", "Args"],
                seq(
                    call("erlang", "monitor", vec![atom("process"), var("Owner")]),
                    apply_local("$interval_loop", vec![var("Kind"), var("T"), var("Args")]),
                ),
            ),
            fundef(
                "$interval_loop",
                &["Kind", "T", "Args"],
                receive(
                    vec![clause(
                        vec![ptuple(vec![
                            patom("DOWN"),
                            pvar("_R"),
                            pvar("_P"),
                            pvar("_O"),
                            pvar("_I"),
                        ])],
                        None,
                        atom("ok"),
                    )],
                    var("T"),
                    seq(
                        case(
                            var("Kind"),
                            vec![
                                clause(
                                    vec![patom("send")],
                                    None,
                                    call(
                                        "erlang",
                                        "apply",
                                        vec![atom("erlang"), atom("send"), var("Args")],
                                    ),
                                ),
                                clause(
                                    vec![pvar("_K")],
                                    None,
                                    call(
                                        "erlang",
                                        "spawn",
                                        vec![
                                            call("erlang", "hd", vec![var("Args")]),
                                            call(
                                                "erlang",
                                                "hd",
                                                vec![call("erlang", "tl", vec![var("Args")])],
                                            ),
                                            call(
                                                "erlang",
                                                "hd",
                                                vec![call(
                                                    "erlang",
                                                    "tl",
                                                    vec![call("erlang", "tl", vec![var("Args")])],
                                                )],
                                            ),
                                        ],
                                    ),
                                ),
                            ],
                        ),
                        apply_local("$interval_loop", vec![var("Kind"), var("T"), var("Args")]),
                    ),
                ),
            ),
            fundef(
                "$apply_after",
                &["T", "M", "F", "A"],
                receive(
                    vec![],
                    var("T"),
                    call("erlang", "apply", vec![var("M"), var("F"), var("A")]),
                ),
            ),
        ],
    );
    // loop(Values) ->
    //   receive {'$eval', Mod, Style} ->
    //     try Mod:eval(Values) of R ->
    //        case R of {V, New} -> reply(V, Style), loop(New);
    //                  Other -> reply(Other, Style), loop(Values) end
    //     catch C:E:T -> reply_error(C, E, T, Style), loop(Values)
    //   end.
    let eval_call = crate::irb::apply_dynamic_call(var("Mod"), atom("eval"), vec![var("Values")]);
    let handle = try_(
        eval_call,
        "R",
        case(
            var("R"),
            vec![
                clause(
                    vec![ptuple(vec![pvar("V"), pvar("New")])],
                    None,
                    seq(
                        call(SHELL_MODULE, "reply", vec![var("V"), var("Style")]),
                        apply_local("loop", vec![var("New")]),
                    ),
                ),
                clause(
                    vec![pvar("Other")],
                    None,
                    seq(
                        call(SHELL_MODULE, "reply", vec![var("Other"), var("Style")]),
                        apply_local("loop", vec![var("Values")]),
                    ),
                ),
            ],
        ),
        ["C", "E", "T"],
        seq(
            call(
                SHELL_MODULE,
                "reply_error",
                vec![
                    var("C"),
                    var("E"),
                    eubeam_ir::Expr::primop(
                        "build_stacktrace",
                        vec![var("T")],
                        eubeam_ir::Span::NONE,
                    ),
                    var("Style"),
                ],
            ),
            apply_local("loop", vec![var("Values")]),
        ),
    );
    let shell_loop = fundef(
        "loop",
        &["Values"],
        receive(
            vec![clause(
                vec![ptuple(vec![patom("$eval"), pvar("Mod"), pvar("Style")])],
                None,
                handle,
            )],
            atom("infinity"),
            atom("ok"),
        ),
    );
    vec![timer, module(SHELL_MODULE, vec![shell_loop])]
}

pub fn natives() -> Vec<(&'static str, &'static str, u32, NativeFn)> {
    vec![
        (SHELL_MODULE, "reply", 2, reply as NativeFn),
        (SHELL_MODULE, "reply_error", 4, reply_error as NativeFn),
    ]
}

/// The shell's printing style, by the atom `Shell::eval` passes.
fn lfe_style(style: Term) -> bool {
    style.as_atom().is_some_and(|a| a.text() == "lfe")
}

/// The Gleam frontend's `eval/1` returns the printed value already
/// formatted (`55 : Int`, needs the types only the frontend knows) as a
/// UTF-8 binary; the shell shows it as it is.
fn gleam_text(style: Term, value: Term) -> Option<String> {
    // Lua's `eval/1` likewise returns the text to show (empty: nothing).
    let gleam = style
        .as_atom()
        .is_some_and(|a| a.text() == "gleam" || a.text() == "lua");
    if !gleam || !value.is_bitstring() {
        return None;
    }
    String::from_utf8(value.binary_bytes()?).ok()
}

/// The shell's value printer for its style (`style`, the style's atom).
fn print_value(value: Term, style: Term) -> String {
    if let Some(t) = gleam_text(style, value) {
        return t;
    }
    if style.as_atom().is_some_and(|s| s.text() == "elixir") {
        let opts = crate::format::elixir::Opts {
            width: Some(80),
            ..crate::format::elixir::Opts::default()
        };
        return crate::format::elixir::inspect(&to_pterm(value), &opts);
    }
    if lfe_style(style) {
        // LFE's shell prints values to depth 30 (`lfe_shell:eval_form`).
        return crate::format::lfe::pretty_with(&to_pterm(value), 30, 0, 80);
    }
    crate::format::print_p(&to_pterm(value))
}

fn reply(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let text = print_value(a[0], a[1]);
    match &c.p.host_reply {
        Some(tx) => {
            let _ = tx.send(Ok(text));
            Ok(Term::OK)
        }
        None => badarg(),
    }
}

fn reply_error(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let class = a[0].as_atom().map_or("error", Atom::text);
    // An Elixir shell input formats its own exceptions (the banner as a
    // binary in `{'$eubeam_shell_error', Banner}`).
    let banner = a[1].tuple().and_then(|t| {
        let tag = t.get(0)?.as_atom()?;
        (t.len() == 2 && tag.text() == "$eubeam_shell_error")
            .then(|| t.get(1))
            .flatten()
            .and_then(|b| b.binary_bytes())
    });
    let text = if let Some(b) = banner {
        String::from_utf8_lossy(&b).into_owned()
    } else if lfe_style(a[3]) {
        let reason = crate::format::lfe::pretty(&to_pterm(a[1]));
        format!("** exception {class}: {reason}")
    } else {
        // a[2] is the stack trace as a list (`build_stacktrace`): erl's
        // shell format, with the stack lines.
        crate::format::format_exception(class, &to_pterm(a[1]), &to_pterm(a[2]))
    };
    match &c.p.host_reply {
        Some(tx) => {
            let _ = tx.send(Err(text));
            Ok(Term::OK)
        }
        None => badarg(),
    }
}
