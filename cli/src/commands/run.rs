//! `eubeam run FILE... [--eval EXPR] [-- ARGS...]`.

use std::path::PathBuf;

use clap::Args;
use eubeam_ir::{Literal, ReplInput};
use eubeam_runtime::{Outcome, Vm, VmConfig};

use crate::loader::LibraryLoader;
use crate::sources::{self, CompiledFile, COMPILE_ERROR};

#[derive(Args)]
pub struct RunArgs {
    /// Source files; the entry is main/0 (or main/1 with ARGS) of the first
    /// file's module
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Evaluate EXPR in the first file's language instead of calling main,
    /// and print its value as that language's shell would
    #[arg(long, value_name = "EXPR")]
    eval: Option<String>,
    /// Number of scheduler threads (default: one per core)
    #[arg(long, value_name = "N", default_value_t = 0)]
    schedulers: usize,
    /// Arguments passed to main/1 as a list of strings
    #[arg(last = true)]
    args: Vec<String>,
    /// Directory searched by -include and -include_lib (repeatable)
    #[arg(short = 'I', value_name = "DIR")]
    include: Vec<PathBuf>,
    #[command(flatten)]
    node: NodeArgs,
}

/// Distribution options shared by `run` and `repl`.
#[derive(clap::Args)]
pub struct NodeArgs {
    /// Start as a distributed node NAME@<this host> (as `erl -sname`)
    #[arg(long, value_name = "NAME", conflicts_with = "name")]
    sname: Option<String>,
    /// Start as a distributed node NAME@HOST (as `erl -name`)
    #[arg(long, value_name = "NAME@HOST")]
    name: Option<String>,
    /// The magic cookie (default: ~/.erlang.cookie, as the BEAM reads it)
    #[arg(long, value_name = "COOKIE")]
    cookie: Option<String>,
}

pub fn run(args: RunArgs) -> u8 {
    crate::sources::set_include_paths(&args.include);
    let files = match sources::compile_all(&args.files) {
        Ok(files) => files,
        Err(status) => return status,
    };
    let vm = Vm::new(
        VmConfig {
            schedulers: args.schedulers,
        },
        LibraryLoader::new(),
    );
    for module in files.iter().flat_map(|f| f.modules.iter()) {
        if let Err(e) = vm.load_module(module) {
            crate::diagnostics::error(&format!("cannot load module {}: {e}", module.name));
            return COMPILE_ERROR;
        }
    }
    if let Err(e) = start_node(&vm, &args.node) {
        crate::diagnostics::error(&e);
        return 1;
    }
    match &args.eval {
        Some(expr) => eval(&vm, &files, expr),
        None => run_main(&vm, &files, &args.args),
    }
}

fn run_main(vm: &Vm, files: &[CompiledFile], argv: &[String]) -> u8 {
    let first = files.first();
    let entry = first.and_then(|f| {
        let name = f.entry.as_ref()?;
        f.modules.iter().find(|m| &m.name == name)
    });
    let Some(module) = entry.or_else(|| first.and_then(|f| f.modules.first())) else {
        crate::diagnostics::error("the first file defines no module to run");
        return COMPILE_ERROR;
    };
    let (function, call_args) = if argv.is_empty() && module.function("main", 0).is_some() {
        ("main", Vec::new())
    } else if module.function("main", 1).is_some() {
        let list = Literal::list(argv.iter().map(|a| Literal::string(a)).collect());
        ("main", vec![list])
    } else {
        let wanted = if argv.is_empty() { "main/0" } else { "main/1" };
        crate::diagnostics::error(&format!(
            "module {} has no {wanted} to run; define one, or use --eval EXPR",
            module.name
        ));
        return COMPILE_ERROR;
    };
    // An Erlang or LFE program run from the command line writes through a
    // latin1 standard_io, as under `erl -noshell`; the other languages set
    // it to unicode, as their own runners do.
    if let Some(f) = first {
        vm.set_stdio_latin1(matches!(f.frontend.language(), "erlang" | "lfe"));
    }
    match vm.run(&module.name, function, call_args) {
        Outcome::Returned => 0,
        Outcome::Crashed => 1,
    }
}

fn eval(vm: &Vm, files: &[CompiledFile], expr: &str) -> u8 {
    let Some(first) = files.first() else {
        return COMPILE_ERROR;
    };
    let frontend = first.frontend;
    let mut shell = vm.shell();
    match frontend.shell_input(expr, &[], "$eval") {
        ReplInput::Empty => 0,
        ReplInput::Incomplete => {
            crate::diagnostics::error(&format!(
                "--eval: incomplete {} expression (did you forget the final '.'?)",
                frontend.language()
            ));
            COMPILE_ERROR
        }
        ReplInput::Error(diags) => {
            sources::emit_for_text(&diags, expr);
            COMPILE_ERROR
        }
        ReplInput::Eval { module, style, .. } => match shell.eval(&module, style) {
            Ok(value) => {
                // A Lua input shows nothing when it has no results.
                if !(value.is_empty() && style == eubeam_ir::ValueStyle::Lua) {
                    println!("{value}");
                }
                0
            }
            Err(exception) => {
                eprintln!("{exception}");
                1
            }
        },
    }
}

/// `--sname`/`--name`: become a distributed node (registering with the
/// host's epmd, started as `eubeam epmd` first when none runs).
pub fn start_node(vm: &Vm, args: &NodeArgs) -> Result<(), String> {
    let name = match (&args.sname, &args.name) {
        (Some(s), _) if s.contains('@') => s.clone(),
        (Some(s), _) => format!("{s}@{}", eubeam_runtime::dist::short_hostname()),
        (None, Some(n)) if n.contains('@') => n.clone(),
        (None, Some(n)) => format!("{n}@{}", eubeam_runtime::dist::short_hostname()),
        (None, None) => return Ok(()),
    };
    let cookie = match &args.cookie {
        Some(c) => c.clone(),
        None => read_cookie()?,
    };
    crate::commands::epmd::ensure_running()?;
    let cfg = eubeam_runtime::dist::NodeConfig {
        name: name.clone(),
        cookie,
        ticktime: std::env::var("EUBEAM_NET_TICKTIME")
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or(60),
    };
    vm.start_distribution(&cfg)
        .map_err(|e| format!("cannot start node {name}: {e}"))
}

/// The cookie in ~/.erlang.cookie (created with a random one if missing,
/// as the BEAM does, readable by the owner only).
fn read_cookie() -> Result<String, String> {
    let home = std::env::var_os("HOME").ok_or("HOME is not set: give --cookie")?;
    let path = std::path::Path::new(&home).join(".erlang.cookie");
    if let Ok(text) = std::fs::read_to_string(&path) {
        return Ok(text.trim().to_string());
    }
    let cookie: String = {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(std::process::id() as u64);
        let mut x = h.finish();
        (0..20)
            .map(|_| {
                let c = (b'A' + (x % 26) as u8) as char;
                x = x.rotate_left(7) ^ 0x9e37_79b9_7f4a_7c15;
                c
            })
            .collect()
    };
    std::fs::write(&path, &cookie).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400));
    }
    Ok(cookie)
}
