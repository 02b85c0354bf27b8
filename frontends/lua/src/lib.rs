//! The Lua 5.4 frontend: lexer, parser, scope analysis and lowering of Lua
//! chunks into the core IR, plus the part of the standard library written
//! in Lua (`lib/prelude.lua`). Runtime support (tables, arithmetic, the
//! rest of the library) is the runtime's `lua` module.
//!
//! A chunk `file.lua` becomes module `lua@file.lua` exporting
//! `loader/1` (given the global table, the chunk as a Lua function),
//! `main/0` and `main/1` (the script: a fresh global table, the prelude,
//! then the chunk, with `lua5.4`'s report of an uncaught error).

pub mod analyze;
pub mod ast;
pub mod complete;
pub mod lexer;
pub mod lower;
pub mod parser;
pub mod shell;

use eubeam_ir::{
    Candidate, Catalog, Compiled, Diagnostic, Expr, ExprKind, Frontend, FunDef, FunName, ReplInput,
    SourceFile, Span,
};

pub const PRELUDE_MODULE: &str = "lua_prelude";
const PRELUDE_PATH: &str = "lua_prelude.lua";
const PRELUDE_TEXT: &str = include_str!("../lib/prelude.lua");
/// Luerl's API for hosting Lua, written in Erlang (the CLI's loader
/// compiles a library source with the frontend of its file extension).
const LUERL_TEXT: &str = include_str!("../lib/luerl.erl");
/// The busted-compatible test library (`eubeam test`), written in Lua.
pub const BUSTED_MODULE: &str = "lua_busted";
const BUSTED_PATH: &str = "lua_busted.lua";
const BUSTED_TEXT: &str = include_str!("../lib/busted.lua");
/// The driver `eubeam test` calls (spec/test.md), written in Erlang.
const TEST_DRIVER: &str = "lua_test_driver";
const TEST_DRIVER_TEXT: &str = include_str!("../lib/lua_test_driver.erl");
/// The Lua shell's evaluation (see `shell.rs`).
const LUA_SHELL_TEXT: &str = include_str!("../lib/lua_shell.erl");
const COMPILER_STACK: usize = 256 << 20;

pub struct LuaFrontend;

/// The module name of a chunk compiled from `path`.
pub fn module_name(path: &str) -> String {
    if path == PRELUDE_PATH {
        return PRELUDE_MODULE.to_string();
    }
    if path == BUSTED_PATH {
        return BUSTED_MODULE.to_string();
    }
    format!("lua@{path}")
}

fn line_start(text: &str, line: u32) -> usize {
    if line <= 1 {
        return 0;
    }
    let mut n = 1;
    for (i, c) in text.bytes().enumerate() {
        if c == b'\n' {
            n += 1;
            if n == line {
                return i + 1;
            }
        }
    }
    text.len()
}

/// Parse and lower one chunk into a module named `name`.
pub fn compile_chunk(
    path: &str,
    name: &str,
    text: &[u8],
) -> Result<eubeam_ir::Module, (String, u32, usize)> {
    let toks = lexer::lex(text).map_err(|e| (e.msg, e.line, e.pos))?;
    let mut p = parser::Parser::new(toks);
    let chunk = p.chunk().map_err(|e| (e.msg, e.line, e.start))?;
    let env_decl = p.next_decl;
    let info = analyze::analyze(&chunk, env_decl);
    let mut lw = lower::Lower::new(&info, env_decl);
    let fun = lw.chunk(&chunk, "Env");
    if let Some(e) = lw.errors.first() {
        return Err((e.msg.clone(), e.line, 0));
    }
    let span = Span::NONE;
    let loader = FunDef {
        name: FunName::new("loader", 1),
        fun: eubeam_ir::Fun {
            params: vec!["Env".into()],
            body: Box::new(Expr::new(ExprKind::Fun(fun), span)),
            span,
            name: None,
        },
    };
    let call = |m: &str, f: &str, args: Vec<Expr>| Expr::call(m, f, args, span);
    let var = |v: &str| Expr::var(v, span);
    let apply = |f: Expr, args: Vec<Expr>| {
        Expr::new(
            ExprKind::Apply {
                fun: Box::new(f),
                args,
            },
            span,
        )
    };
    let list1 = |e: Expr| Expr::cons(e, Expr::lit(eubeam_ir::Literal::Nil, span), span);
    // main(Argv) -> Env = lua:new_env(), lua:set_arg(Env, Script, Argv),
    //   apply lua_prelude:loader(Env)([lua:registry()]),
    //   lua_rt:run(Mod:loader(Env)).
    let main_body = Expr::let_(
        vec!["Env".into()],
        call("lua", "new_env", vec![]),
        Expr::seq(
            call(
                "lua",
                "set_arg",
                vec![
                    var("Env"),
                    Expr::lit(eubeam_ir::Literal::Binary(path.as_bytes().to_vec()), span),
                    var("Argv"),
                ],
            ),
            Expr::seq(
                apply(
                    call(PRELUDE_MODULE, "loader", vec![var("Env")]),
                    vec![list1(call("lua", "registry", vec![]))],
                ),
                call(
                    "lua_rt",
                    "run",
                    vec![call(name, "loader", vec![var("Env")])],
                ),
            ),
        ),
        span,
    );
    let main1 = FunDef {
        name: FunName::new("main", 1),
        fun: eubeam_ir::Fun {
            params: vec!["Argv".into()],
            body: Box::new(main_body),
            span,
            name: None,
        },
    };
    let main0 = FunDef {
        name: FunName::new("main", 0),
        fun: eubeam_ir::Fun {
            params: vec![],
            body: Box::new(call(
                name,
                "main",
                vec![Expr::lit(eubeam_ir::Literal::Nil, span)],
            )),
            span,
            name: None,
        },
    };
    let mut functions = vec![loader];
    if name != PRELUDE_MODULE && name != BUSTED_MODULE {
        functions.push(main0);
        functions.push(main1);
    }
    Ok(eubeam_ir::Module {
        name: name.to_string(),
        file: path.to_string(),
        exports: functions.iter().map(|f| f.name.clone()).collect(),
        attributes: Vec::new(),
        functions,
        span,
    })
}

/// First private-use code point standing for a raw byte (see
/// [`source_text`]).
const RAW_BYTE_BASE: u32 = 0xF700;

/// A Lua source file as text. Lua sources are byte strings (string
/// literals may hold any byte); the toolchain passes sources as `String`,
/// so each byte of an invalid UTF-8 sequence becomes the private-use
/// character U+F700 + byte, which [`source_bytes`] turns back. (A source
/// that itself contains U+F780..U+F7FF would be misread; none is known.)
pub fn source_text(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (ok, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(ok).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len()).max(1).min(bad.len());
                for &b in &bad[..n] {
                    out.extend(char::from_u32(RAW_BYTE_BASE + u32::from(b)));
                }
                rest = &bad[n..];
            }
        }
    }
}

/// The bytes of a source given by [`source_text`].
pub fn source_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let u = c as u32;
        if (RAW_BYTE_BASE + 0x80..=RAW_BYTE_BASE + 0xFF).contains(&u) {
            out.push((u - RAW_BYTE_BASE) as u8);
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

fn compile_source(path: &str, text: &str) -> Result<Compiled, Vec<Diagnostic>> {
    let name = module_name(path);
    let bytes = source_bytes(text);
    match compile_chunk(path, &name, &bytes) {
        Ok(m) => Ok(Compiled {
            modules: vec![m],
            warnings: Vec::new(),
            entry: Some(name),
        }),
        Err((msg, line, pos)) => {
            let at = if pos > 0 { pos } else { line_start(text, line) };
            let end = (at + 1).min(text.len()).max(at);
            Err(vec![Diagnostic::error(
                path,
                at..end,
                format!("{path}:{line}: {msg}"),
            )])
        }
    }
}

/// Runs `f` on a thread with a large stack; a panic becomes an error.
fn with_big_stack<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
    on_panic: impl FnOnce() -> T,
) -> T {
    match std::thread::Builder::new()
        .name("eubeam-lua".into())
        .stack_size(COMPILER_STACK)
        .spawn(f)
    {
        Ok(h) => h.join().unwrap_or_else(|_| on_panic()),
        Err(_) => on_panic(),
    }
}

impl Frontend for LuaFrontend {
    fn language(&self) -> &'static str {
        "lua"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["lua"]
    }

    fn compile(&self, file: &SourceFile) -> Result<Compiled, Vec<Diagnostic>> {
        let path = file.path.clone();
        let text = file.text.clone();
        let p2 = path.clone();
        with_big_stack(
            move || compile_source(&path, &text),
            move || {
                Err(vec![Diagnostic::error(
                    &p2,
                    0..0,
                    "internal error in the Lua frontend (please report)",
                )])
            },
        )
    }

    fn shell_input(&self, input: &str, bound: &[String], module_name: &str) -> ReplInput {
        let (input, bound, name) = (input.to_string(), bound.to_vec(), module_name.to_string());
        with_big_stack(
            move || shell::shell_input(&input, &bound, &name),
            || {
                ReplInput::Error(vec![Diagnostic::error(
                    "stdin",
                    0..0,
                    "internal error in the Lua frontend (please report)",
                )])
            },
        )
    }

    fn prompt(&self, _n: usize) -> String {
        "> ".into()
    }

    fn library_source(&self, module: &str) -> Option<SourceFile> {
        if module == "lua_shell" {
            return Some(SourceFile {
                path: "lua_shell.erl".into(),
                text: LUA_SHELL_TEXT.into(),
            });
        }
        if module == "luerl" {
            return Some(SourceFile {
                path: "luerl.erl".into(),
                text: LUERL_TEXT.into(),
            });
        }
        if module == TEST_DRIVER {
            return Some(SourceFile {
                path: "lua_test_driver.erl".into(),
                text: TEST_DRIVER_TEXT.into(),
            });
        }
        if module == BUSTED_MODULE {
            return Some(SourceFile {
                path: BUSTED_PATH.into(),
                text: BUSTED_TEXT.into(),
            });
        }
        if module == PRELUDE_MODULE {
            return Some(SourceFile {
                path: PRELUDE_PATH.into(),
                text: PRELUDE_TEXT.into(),
            });
        }
        None
    }

    /// The Erlang-side modules (`luerl` is what Erlang code hosting Lua
    /// calls); Lua's own library tables are completed by `complete`.
    fn library_modules(&self) -> Vec<String> {
        vec!["luerl".into(), "lua_shell".into()]
    }

    fn test_driver(&self) -> Option<&'static str> {
        Some(TEST_DRIVER)
    }

    fn complete(&self, line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
        complete::complete(line, pos, catalog)
    }
}
