//! `lua_rt`: the part of Lua's runtime that calls guest code, written in IR
//! (natives cannot call Lua functions and continue; they tail-call these).

use eubeam_ir::Module;

use crate::irb::*;

fn call_value(f: &str, args: &str) -> eubeam_ir::Expr {
    // case F of F when is_function(F) -> apply F(Args); _ -> lua:call(F, Args, nil)
    case(
        var(f),
        vec![
            clause(
                vec![pvar("Fv")],
                Some(call("erlang", "is_function", vec![var("Fv")])),
                apply(var("Fv"), vec![var(args)]),
            ),
            clause(
                vec![eubeam_ir::Pattern::Wildcard],
                None,
                call("lua", "call", vec![var(f), var(args), atom("nil")]),
            ),
        ],
    )
}

pub fn modules() -> Vec<Module> {
    let pcall_body = |f: &str, rest: &str, handler: Option<&str>| {
        let caught = match handler {
            None => list(vec![
                atom("false"),
                call("lua", "error_value", vec![var("C"), var("E")]),
            ]),
            Some(h) => cons(
                atom("false"),
                call(
                    "lua",
                    "all",
                    vec![apply_local(
                        "call",
                        vec![
                            var(h),
                            list(vec![call("lua", "error_value", vec![var("C"), var("E")])]),
                        ],
                    )],
                ),
            ),
        };
        // `coroutine.close`'s unwinding (lua/co.rs, CLOSE_MARK) is not an
        // error pcall can catch.
        let caught = case(
            var("E"),
            vec![
                clause(
                    vec![patom(crate::lua::co::CLOSE_MARK)],
                    None,
                    eubeam_ir::Expr::primop(
                        "raise",
                        vec![var("T"), var("E")],
                        eubeam_ir::Span::NONE,
                    ),
                ),
                clause(vec![eubeam_ir::Pattern::Wildcard], None, caught),
            ],
        );
        try_(
            apply_local("call", vec![var(f), var(rest)]),
            "R",
            cons(atom("true"), call("lua", "all", vec![var("R")])),
            ["C", "E", "T"],
            caught,
        )
    };
    let badarg = |fname: &str| {
        call(
            "lua_base",
            "argerror",
            vec![list(vec![lit(eubeam_ir::Literal::Binary(
                format!("bad argument #1 to '{fname}' (value expected)").into_bytes(),
            ))])],
        )
    };
    vec![module(
        "lua_rt",
        vec![
            fundef("call", &["F", "Args"], call_value("F", "Args")),
            fundef(
                "call1",
                &["F", "Args"],
                call(
                    "lua",
                    "first",
                    vec![apply_local("call", vec![var("F"), var("Args")])],
                ),
            ),
            fundef(
                "call0",
                &["F", "Args"],
                seq(apply_local("call", vec![var("F"), var("Args")]), atom("ok")),
            ),
            fundef(
                "truth",
                &["F", "Args"],
                call(
                    "lua",
                    "truthy",
                    vec![call(
                        "lua",
                        "first",
                        vec![apply_local("call", vec![var("F"), var("Args")])],
                    )],
                ),
            ),
            fundef(
                "pcall",
                &["Args"],
                case(
                    var("Args"),
                    vec![
                        clause(
                            vec![pcons(pvar("F"), pvar("Rest"))],
                            None,
                            pcall_body("F", "Rest", None),
                        ),
                        clause(vec![eubeam_ir::Pattern::Wildcard], None, badarg("pcall")),
                    ],
                ),
            ),
            fundef(
                "xpcall",
                &["Args"],
                case(
                    var("Args"),
                    vec![
                        clause(
                            vec![pcons(pvar("F"), pcons(pvar("H"), pvar("Rest")))],
                            None,
                            pcall_body("F", "Rest", Some("H")),
                        ),
                        clause(vec![eubeam_ir::Pattern::Wildcard], None, badarg("xpcall")),
                    ],
                ),
            ),
            // co_main(F, Args): the bottom of a coroutine's stack.
            fundef(
                "co_main",
                &["F", "Args"],
                try_(
                    apply_local("call", vec![var("F"), var("Args")]),
                    "R",
                    call("lua_co", "done", vec![var("R")]),
                    ["C", "E", "T"],
                    call("lua_co", "fail", vec![var("C"), var("E")]),
                ),
            ),
            // tbc_close(X, Err): a to-be-closed variable leaves its scope
            // (Err nil on a normal exit, else the error value): call its
            // `__close` metamethod as lua5.4 does, `metamethod 'close'`
            // naming it in a "cannot call" error.
            fundef(
                "tbc_close",
                &["X", "Err"],
                case(
                    call("lua", "close_method", vec![var("X")]),
                    vec![
                        clause(vec![patom("false")], None, atom("ok")),
                        clause(
                            vec![pvar("M")],
                            Some(call("erlang", "is_function", vec![var("M")])),
                            seq(
                                apply(var("M"), vec![list(vec![var("X"), var("Err")])]),
                                atom("ok"),
                            ),
                        ),
                        clause(
                            vec![pvar("M")],
                            None,
                            seq(
                                call(
                                    "lua",
                                    "call",
                                    vec![
                                        var("M"),
                                        list(vec![var("X"), var("Err")]),
                                        lit(eubeam_ir::Literal::Binary(
                                            b"metamethod 'close'".to_vec(),
                                        )),
                                    ],
                                ),
                                atom("ok"),
                            ),
                        ),
                    ],
                ),
            ),
            // run(Fun): the script's top level; an uncaught error prints
            // `lua5.4: msg` and ends the process with exit(lua_error).
            fundef(
                "run",
                &["Fun"],
                try_(
                    apply(var("Fun"), vec![nil()]),
                    "R",
                    atom("ok"),
                    ["C", "E", "T"],
                    seq(
                        call("lua", "uncaught", vec![var("C"), var("E")]),
                        call("erlang", "exit", vec![atom("lua_error")]),
                    ),
                ),
            ),
        ],
    )]
}
