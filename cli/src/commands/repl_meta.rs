//! Shell meta commands the CLI answers itself, before an input reaches the
//! frontend: those that need the file system, the compiler or the shell's
//! history (erl's `help()`, `c(File)`, `v(N)`, `pwd()`, iex's `h()`, LFE's
//! `(help)`, Gleam's and Lua's `:help`, ...). Commands that must run inside
//! the shell process (`flush()`, `self()`) stay with the frontends.
//!
//! A command is recognised only when it is the whole input (`pwd().` but
//! not `X = pwd().`), as in the real shells a user types them.

/// What the REPL loop does with a recognised command.
pub enum Meta {
    /// Print this text (already newline-terminated, or empty) and count
    /// the input as one evaluation.
    Print(String),
    /// Leave the shell.
    Quit,
    /// Evaluate this source in the shell instead of the typed input (a
    /// command that must run in the shell process); print its value only
    /// when the flag says so (iex's `i/1` prints its block and no value).
    Source(String, bool),
}

/// One evaluated input and the value the shell printed for it (for erl's
/// `h()` and `v(N)`, iex's `v()`).
pub struct Entry {
    pub n: usize,
    pub input: String,
    pub value: String,
}

/// What a command can look at.
pub struct MetaCtx<'a> {
    pub vm: &'a eubeam_runtime::Vm,
    pub history: &'a [Entry],
    /// The names the shell has bound (Gleam's `:type` checks against them).
    pub bound: &'a [String],
}

/// `name(args)` with `args` returned (balanced brackets are the caller's
/// input; one trailing terminator such as `.` already stripped).
fn call<'a>(input: &'a str, name: &str) -> Option<&'a str> {
    let rest = input.strip_prefix(name)?.trim_start();
    let args = rest.strip_prefix('(')?.strip_suffix(')')?;
    // `f(a)(b)` is not one call.
    let mut depth = 0i32;
    for ch in args.chars() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            _ => {}
        }
    }
    Some(args.trim())
}

/// A `"double-quoted"` string without escapes, or a bare word.
fn text_arg(arg: &str) -> Option<String> {
    if let Some(s) = arg.strip_prefix('"').and_then(|a| a.strip_suffix('"')) {
        if !s.contains(['"', '\\']) {
            return Some(s.to_string());
        }
        return None;
    }
    if !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_@./-".contains(c))
    {
        return Some(arg.to_string());
    }
    None
}

fn cwd() -> String {
    std::env::current_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_else(|e| format!("cannot read the current directory: {e}"))
}

/// Changes directory and says where the shell is now (erl, iex and lfe all
/// print the new directory).
fn cd(dir: &str) -> String {
    match std::env::set_current_dir(dir) {
        Ok(()) => format!("{}\n", cwd()),
        Err(e) => format!("{dir}: {e}\n{}\n", cwd()),
    }
}

/// Names in columns as erl's `ls()` and iex's `ls()` print them: each name
/// padded to the longest plus 5 (at most 45, longer names cut), as many
/// columns as fit 80 characters.
pub fn columns(mut names: Vec<String>) -> String {
    names.sort();
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let width = (longest + 5).min(45);
    let per_row = (80 / width).max(1);
    let mut out = String::new();
    for (i, n) in names.iter().enumerate() {
        let cut: String = n.chars().take(width).collect();
        out.push_str(&format!("{cut:<width$}"));
        if (i + 1).is_multiple_of(per_row) {
            out.push('\n');
        }
    }
    if !names.len().is_multiple_of(per_row) {
        out.push('\n');
    }
    out
}

fn ls(dir: &str) -> String {
    match std::fs::read_dir(dir) {
        Ok(entries) => columns(
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect(),
        ),
        Err(e) => format!("{dir}: {e}\n"),
    }
}

// ---------------------------------------------------------------- Erlang

/// erl's `help()`: the lines of erl 25's output for the commands this shell
/// supports, in erl's order and wording.
const ERLANG_HELP: &str = "\
** shell internal commands **
b()        -- display all variable bindings
f()        -- forget all variable bindings
f(X)       -- forget the binding of variable X
h()        -- history
v(N)       -- use the value of query <N>
** commands in module c **
c(Mod)     -- compile and load module or file <Mod>
cd(Dir)    -- change working directory
flush()    -- flush any messages sent to the shell
help()     -- help info
ls()       -- list files in the current directory
ls(Dir)    -- list files in directory <Dir>
m()        -- which modules are loaded
m(Mod)     -- information about module <Mod>
pwd()      -- print working directory
q()        -- quit - shorthand for init:stop()
";

pub fn erlang(input: &str, cx: &MetaCtx) -> Option<Meta> {
    let input = input.trim().strip_suffix('.')?.trim_end();
    if call(input, "help").is_some_and(str::is_empty) {
        return Some(Meta::Print(format!("{ERLANG_HELP}true\n")));
    }
    if call(input, "pwd").is_some_and(str::is_empty) {
        return Some(Meta::Print(format!("{}\nok\n", cwd())));
    }
    if let Some(arg) = call(input, "cd") {
        let dir = text_arg(arg)?;
        return Some(Meta::Print(format!("{}ok\n", cd(&dir))));
    }
    if let Some(arg) = call(input, "ls") {
        let dir = if arg.is_empty() {
            ".".to_string()
        } else {
            text_arg(arg)?
        };
        return Some(Meta::Print(format!("{}ok\n", ls(&dir))));
    }
    if call(input, "h").is_some_and(str::is_empty) {
        let mut out = String::new();
        for e in cx.history {
            out.push_str(&format!("{}: {}\n-> {}\n", e.n, e.input, e.value));
        }
        out.push_str("ok\n");
        return Some(Meta::Print(out));
    }
    if let Some(arg) = call(input, "v") {
        let n: i64 = arg.parse().ok()?;
        let next = cx.history.last().map_or(1, |e| e.n as i64 + 1);
        // `v(-1)` is the previous query, as in erl.
        let want = if n < 0 { next + n } else { n };
        return Some(Meta::Print(
            match cx.history.iter().find(|e| e.n as i64 == want) {
                Some(e) => format!("{}\n", e.value),
                None => {
                    format!("** exception error: {{bad_query,{n}}}\n     in function  shell:v/1\n")
                }
            },
        ));
    }
    if call(input, "m").is_some_and(str::is_empty) {
        let mut out = String::from("Module                File\n");
        let mut names = cx.vm.code_catalog().modules();
        names.sort();
        for m in names {
            let short: String = m.chars().take(20).collect();
            out.push_str(&format!("{short:<22}loaded\n"));
        }
        out.push_str("ok\n");
        return Some(Meta::Print(out));
    }
    if let Some(arg) = call(input, "m") {
        let name = text_arg(arg)?;
        let mut fns = cx.vm.code_catalog().functions(&name);
        if fns.is_empty() {
            return Some(Meta::Print(format!(
                "** exception error: undefined function {name}:module_info/0\n"
            )));
        }
        fns.sort();
        let mut out = format!("Module: {name}\nExports: \n");
        for (f, a) in fns {
            out.push_str(&format!("         {f}/{a}\n"));
        }
        out.push_str("ok\n");
        return Some(Meta::Print(out));
    }
    None
}

/// `c(Mod)`, `c("path/mod.erl")`, `c(Mod, Opts)` alone on the input: the
/// file to compile (options are accepted and ignored: eubeam keeps no
/// `.beam` files, so `report`, `debug_info`, `{outdir, D}` change nothing).
pub fn erlang_c_command(input: &str) -> Option<String> {
    let body = call(input.trim().strip_suffix('.')?.trim_end(), "c")?;
    let first = match body.find(',') {
        Some(i) if !body.starts_with('"') || body[..i].ends_with('"') => body[..i].trim(),
        _ => body,
    };
    let name = text_arg(first)?;
    Some(if name.ends_with(".erl") {
        name
    } else {
        format!("{name}.erl")
    })
}

/// The meta command `input` is in `language`'s shell, if any.
pub fn command(language: &str, input: &str, cx: &MetaCtx) -> Option<Meta> {
    match language {
        "erlang" => erlang(input, cx),
        "elixir" => elixir(input, cx),
        "lfe" => lfe(input),
        "gleam" => colon(input, GLEAM_HELP, |cmd, arg| gleam(cmd, arg, cx)),
        "lua" => colon(input, LUA_HELP, |cmd, arg| lua(cmd, arg, cx)),
        _ => None,
    }
}

// ------------------------------------------------------------ Gleam, Lua

/// Gleam and Lua have no REPL of their own to copy: eubeam's shells take
/// `:`-commands (as ghci and many REPLs do), which neither language's
/// syntax can start an expression with.
const GLEAM_HELP: &str = "\
:help          -- this list
:load FILE     -- compile and load a module file; `import` it afterwards
:quit          -- leave the shell (Ctrl-D does too)
:type EXPR     -- print the inferred type of EXPR without running it
";

const LUA_HELP: &str = "\
:help          -- this list
:load FILE     -- run a Lua file in the shell's state (as dofile)
:quit          -- leave the shell (Ctrl-D does too)
";

fn gleam(cmd: &str, arg: &str, cx: &MetaCtx) -> Option<Meta> {
    match cmd {
        "type" | "t" => Some(Meta::Print(
            match eubeam_gleam::shell::type_of(arg, cx.bound, "$shell_type") {
                Ok(ty) => format!("{ty}\n"),
                Err(diags) => {
                    crate::sources::emit_for_text(&diags, arg);
                    String::new()
                }
            },
        )),
        "load" | "l" => Some(Meta::Print(match compile_load(cx.vm, arg) {
            Some(names) => format!("Loaded {}\n", names.join(", ")),
            None => String::new(),
        })),
        _ => None,
    }
}

fn lua(cmd: &str, arg: &str, _cx: &MetaCtx) -> Option<Meta> {
    match cmd {
        "load" | "l" => {
            if arg.is_empty() || arg.contains(['"', '\\', '\n']) {
                return Some(Meta::Print(":load takes a file name\n".to_string()));
            }
            Some(Meta::Source(format!("dofile(\"{arg}\")\n"), true))
        }
        _ => None,
    }
}

fn colon(input: &str, help: &str, more: impl Fn(&str, &str) -> Option<Meta>) -> Option<Meta> {
    let line = input.trim().strip_prefix(':')?;
    // Lua's `::label::` is code, not a command.
    if !line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '?') {
        return None;
    }
    let (cmd, arg) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    if let Some(meta) = more(cmd, arg.trim()) {
        return Some(meta);
    }
    match cmd {
        "help" | "h" | "?" => Some(Meta::Print(help.to_string())),
        "quit" | "q" => Some(Meta::Quit),
        _ => Some(Meta::Print(format!(
            "unknown command :{cmd}; :help lists the commands\n"
        ))),
    }
}

// ---------------------------------------------------------------- Elixir

/// iex's `h()`: the summary IEx 1.14 prints, keeping the helpers this shell
/// has.
const ELIXIR_HELP: &str = "
                                  IEx.Helpers

Welcome to Interactive Elixir. You are currently seeing the documentation for
the module IEx.Helpers which provides many helpers to make Elixir's shell more
joyful to work with.

This message was triggered by invoking the helper h(), usually referred to as
h/0 (since it expects 0 arguments).

There are many other helpers available, here are some examples:

  • c/1            - compiles a file
  • cd/1           - changes the current directory
  • clear/0        - clears the screen
  • exports/1      - shows all exports (functions + macros) in a module
  • flush/0        - flushes all messages sent to the shell
  • h/0            - prints this help message
  • i/1            - prints information about the given term
  • ls/0           - lists the contents of the current directory
  • ls/1           - lists the contents of the specified directory
  • pwd/0          - prints the current working directory
  • v/0            - retrieves the last value from the history
  • v/1            - retrieves the nth value from the history

";

/// `Foo.Bar` → `Elixir.Foo.Bar`, `:lists` → `lists`.
fn elixir_module(arg: &str) -> Option<String> {
    if let Some(a) = arg.strip_prefix(':') {
        return text_arg(a);
    }
    if arg.starts_with(|c: char| c.is_ascii_uppercase())
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    {
        return Some(format!("Elixir.{arg}"));
    }
    None
}

fn elixir_module_name(m: &str) -> String {
    match m.strip_prefix("Elixir.") {
        Some(n) => n.to_string(),
        None => format!(":{m}"),
    }
}

pub fn elixir(input: &str, cx: &MetaCtx) -> Option<Meta> {
    let input = input.trim();
    if call(input, "h").is_some_and(str::is_empty) {
        return Some(Meta::Print(ELIXIR_HELP.to_string()));
    }
    if let Some(arg) = call(input, "h") {
        return Some(Meta::Print(format!(
            "No documentation for {arg} was found\n"
        )));
    }
    if call(input, "pwd").is_some_and(str::is_empty) {
        return Some(Meta::Print(format!("{}\n", cwd())));
    }
    if let Some(arg) = call(input, "cd") {
        return Some(Meta::Print(cd(&text_arg(arg)?)));
    }
    if let Some(arg) = call(input, "ls") {
        let dir = if arg.is_empty() {
            ".".to_string()
        } else {
            text_arg(arg)?
        };
        return Some(Meta::Print(ls(&dir)));
    }
    if call(input, "clear").is_some_and(str::is_empty) {
        return Some(Meta::Print("\x1b[H\x1b[2J".to_string()));
    }
    if let Some(arg) = call(input, "v") {
        let value = if arg.is_empty() {
            cx.history.last().map(|e| e.value.clone())
        } else {
            let n: i64 = arg.parse().ok()?;
            let next = cx.history.last().map_or(1, |e| e.n as i64 + 1);
            let want = if n < 0 { next + n } else { n };
            cx.history
                .iter()
                .find(|e| e.n as i64 == want)
                .map(|e| e.value.clone())
        };
        return Some(Meta::Print(match value {
            Some(v) => format!("{v}\n"),
            None => format!("** (RuntimeError) v({arg}) is out of bounds\n"),
        }));
    }
    if let Some(arg) = call(input, "exports") {
        let module = elixir_module(arg)?;
        let fns = cx.vm.code_catalog().functions(&module);
        if fns.is_empty() {
            return Some(Meta::Print(format!(
                "** (ArgumentError) {arg} is not a module or it is not loaded\n"
            )));
        }
        return Some(Meta::Print(columns(
            fns.into_iter()
                .filter(|(f, _)| !f.starts_with("__") && f != "module_info")
                .map(|(f, a)| format!("{f}/{a}"))
                .collect(),
        )));
    }
    if let Some(arg) = call(input, "c") {
        let path = text_arg(arg)?;
        return Some(Meta::Print(match compile_load(cx.vm, &path) {
            Some(names) => format!(
                "[{}]\n",
                names
                    .iter()
                    .map(|n| elixir_module_name(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => format!("** (CompileError) {path}: could not compile\n"),
        }));
    }
    if call(input, "flush").is_some_and(str::is_empty) {
        return Some(Meta::Source(
            "(fn f -> f.(f) end).(fn f -> receive do m -> IO.inspect(m); f.(f) \
             after 0 -> :ok end end)\n"
                .to_string(),
            true,
        ));
    }
    if let Some(arg) = call(input, "i") {
        if arg.is_empty() {
            return None;
        }
        return Some(Meta::Source(format!("{ELIXIR_I}.({arg})\n"), false));
    }
    None
}

/// iex's `i/1` block for the common types (texts recorded from iex 1.14).
const ELIXIR_I: &str = r#"(fn t ->
  {type, extra, refs, protos} =
    cond do
      is_binary(t) and String.printable?(t) ->
        {"BitString", "Byte size\n  #{byte_size(t)}\nDescription\n  This is a string: a UTF-8 encoded binary. It's printed surrounded by\n  \"double quotes\" because all UTF-8 encoded code points in it are printable.\nRaw representation\n  <<#{Enum.join(:binary.bin_to_list(t), ", ")}>>\n", "String, :binary", "Collectable, IEx.Info, Inspect, List.Chars, String.Chars"}
      is_integer(t) -> {"Integer", "", "Integer", "IEx.Info, Inspect, List.Chars, String.Chars"}
      is_float(t) -> {"Float", "", "Float", "IEx.Info, Inspect, List.Chars, String.Chars"}
      is_atom(t) -> {"Atom", "", "Atom", "IEx.Info, Inspect, List.Chars, String.Chars"}
      is_list(t) -> {"List", "", "List", "Collectable, Enumerable, IEx.Info, Inspect, List.Chars, String.Chars"}
      is_tuple(t) -> {"Tuple", "", "Tuple", "IEx.Info, Inspect"}
      is_map(t) -> {"Map", "", "Map", "Collectable, Enumerable, IEx.Info, Inspect"}
      is_pid(t) -> {"PID", "", "Process", "IEx.Info, Inspect"}
      is_function(t) -> {"Function", "", "Function", "IEx.Info, Inspect"}
      true -> {"Term", "", "Kernel", "IEx.Info, Inspect"}
    end
  IO.write("Term\n  #{inspect(t)}\nData type\n  #{type}\n#{extra}Reference modules\n  #{refs}\nImplemented protocols\n  #{protos}\n")
  :ok
end)"#;

/// Compiles `path` (any language eubeam knows by its extension) and loads
/// its modules; their names, or `None` after the diagnostics were printed.
pub fn compile_load(vm: &eubeam_runtime::Vm, path: &str) -> Option<Vec<String>> {
    let p = std::path::Path::new(path);
    if !p.is_file() {
        crate::diagnostics::error(&format!("no such file: {path}"));
        return None;
    }
    let files = crate::sources::compile_all(&[p.to_path_buf()]).ok()?;
    let mut names = Vec::new();
    for module in files.iter().flat_map(|f| f.modules.iter()) {
        if let Err(e) = vm.load_module(module) {
            crate::diagnostics::error(&format!("cannot load module {}: {e}", module.name));
            return None;
        }
        names.push(module.name.clone());
    }
    Some(names)
}

// ------------------------------------------------------------------- LFE

/// LFE's `(help)`: lfe_shell's text (LFE 2.1), keeping the functions and
/// forms this shell has.
const LFE_HELP: &str = "
LFE shell built-in functions

(c file)       -- compile and load code in <file>
(cd dir)       -- change working directory to <dir>
(clear)        -- clear the REPL output
(exit)         -- quit - an alias for (q)
(flush)        -- flush any messages sent to the shell
(h)            -- an alias for (help)
(help)         -- help info
(ls)           -- list files in the current directory
(ls dir)       -- list files in directory <dir>
(pwd)          -- print working directory
(q)            -- quit - shorthand for init:stop/0

LFE shell built-in forms

(set pattern expr)
(set pattern (when guard) expr) -- evaluate <expr> and match the result with
                                   pattern binding

";

/// `(name args...)`: the arguments, split on whitespace (commands take
/// words and strings without spaces).
fn sexpr_call<'a>(input: &'a str, name: &str) -> Option<Vec<&'a str>> {
    let inner = input.trim().strip_prefix('(')?.strip_suffix(')')?.trim();
    let mut words = inner.split_whitespace();
    if words.next()? != name {
        return None;
    }
    let args: Vec<&str> = words.collect();
    if args.iter().any(|a| a.contains(['(', ')'])) {
        return None;
    }
    Some(args)
}

pub fn lfe(input: &str) -> Option<Meta> {
    for name in ["help", "h"] {
        if sexpr_call(input, name).is_some_and(|a| a.is_empty()) {
            return Some(Meta::Print(format!("{LFE_HELP}ok\n")));
        }
    }
    for name in ["q", "exit"] {
        if sexpr_call(input, name).is_some_and(|a| a.is_empty()) {
            return Some(Meta::Quit);
        }
    }
    if sexpr_call(input, "pwd").is_some_and(|a| a.is_empty()) {
        return Some(Meta::Print(format!("{}\nok\n", cwd())));
    }
    if sexpr_call(input, "clear").is_some_and(|a| a.is_empty()) {
        return Some(Meta::Print("\x1b[H\x1b[2J".to_string()));
    }
    if let Some(args) = sexpr_call(input, "cd") {
        let [dir] = args.as_slice() else { return None };
        return Some(Meta::Print(format!(
            "{}ok\n",
            cd(&text_arg(dir.trim_start_matches('\''))?)
        )));
    }
    if let Some(args) = sexpr_call(input, "ls") {
        let dir = match args.as_slice() {
            [] => ".".to_string(),
            [dir] => text_arg(dir.trim_start_matches('\''))?,
            _ => return None,
        };
        return Some(Meta::Print(format!("{}ok\n", ls(&dir))));
    }
    None
}
