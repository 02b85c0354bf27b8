//! Compile-time evaluation: a frontend that runs user code while compiling
//! (Elixir's `defmacro` and `use`) asks the runtime to call a function of
//! modules it has just lowered. The frontends cannot depend on the runtime
//! crate (the runtime loads their library modules), so the `eubeam` binary
//! installs the implementation once at start-up with [`set_compile_time_call`].

use std::sync::OnceLock;

use crate::tree::{Literal, Module};

/// Loads `modules` into a fresh VM (library modules load on demand), calls
/// `module:function(args...)` in a new process and returns its value.
/// `Err` describes why no value came back (a crash, an unrepresentable
/// value such as a pid or fun).
pub type CompileTimeCall = fn(&[Module], &str, &str, Vec<Literal>) -> Result<Literal, String>;

static HOOK: OnceLock<CompileTimeCall> = OnceLock::new();

/// Installs the evaluator; later calls are ignored (there is one runtime).
pub fn set_compile_time_call(f: CompileTimeCall) {
    let _ = HOOK.set(f);
}

/// Calls through the installed evaluator; `Err` when none is installed (a
/// frontend used as a library, e.g. in its own unit tests).
pub fn compile_time_call(
    modules: &[Module],
    module: &str,
    function: &str,
    args: Vec<Literal>,
) -> Result<Literal, String> {
    match HOOK.get() {
        Some(f) => f(modules, module, function, args),
        None => Err("compile-time evaluation needs the eubeam runtime (not available here)".into()),
    }
}
