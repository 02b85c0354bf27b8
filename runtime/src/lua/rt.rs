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
