//! The LFE frontend: the reader, macro expansion and lowering of Lisp
//! Flavoured Erlang into the core IR (through the Erlang frontend's AST,
//! since LFE's semantics are Erlang's), and the `lfe>` shell.
//!
//! Reading and lowering run on a thread with a large stack so that deeply
//! nested input ends in a diagnostic, never in a stack overflow.

pub mod complete;
pub mod interp;
pub mod lower;
pub mod reader;
pub mod sexpr;

use eubeam_ir::{
    Candidate, Catalog, Compiled, Diagnostic, Frontend, ReplInput, SourceFile, ValueStyle,
};

/// The file name diagnostics of shell input carry.
pub const SHELL_FILE: &str = "shell";

pub struct LfeFrontend;

/// Reads and lowers one LFE source file on the current thread.
pub fn compile_source(path: &str, text: &str) -> Result<Compiled, Vec<Diagnostic>> {
    let forms = reader::read_all(text, path).map_err(|(d, _)| d)?;
    let (modules, warnings) = lower::lower_file(forms, path, text)?;
    Ok(Compiled {
        modules,
        warnings,
        entry: None,
    })
}

/// One shell input (or `--eval` expression).
pub fn shell_input(input: &str, bound: &[String], module_name: &str) -> ReplInput {
    let forms = match reader::read_all(input, SHELL_FILE) {
        Ok(f) => f,
        Err((_, true)) => return ReplInput::Incomplete,
        Err((d, false)) => return ReplInput::Error(d),
    };
    if forms.is_empty() {
        return ReplInput::Empty;
    }
    match lower::lower_shell(&forms, input, SHELL_FILE, bound, module_name) {
        Ok((module, bound_after)) => ReplInput::Eval {
            module,
            bound_after,
            style: ValueStyle::Lfe,
        },
        Err(d) => ReplInput::Error(d),
    }
}

impl Frontend for LfeFrontend {
    fn language(&self) -> &'static str {
        "lfe"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["lfe"]
    }

    fn compile(&self, file: &SourceFile) -> Result<Compiled, Vec<Diagnostic>> {
        eubeam_ir::compile_on_thread("LFE", file, compile_source)
    }

    fn shell_input(&self, input: &str, bound: &[String], module_name: &str) -> ReplInput {
        eubeam_ir::shell_on_thread("LFE", SHELL_FILE, input, bound, module_name, shell_input)
    }

    fn prompt(&self, _n: usize) -> String {
        "lfe> ".to_string()
    }

    // No `library_modules`: LFE ships no library of its own; the Erlang
    // modules the shell completes come from the Erlang frontend and natives.

    /// LFE tests (ltest's and EUnit-style) run on EUnit, as `rebar3 eunit`
    /// runs them: the Erlang frontend's EUnit driver (spec/test.md).
    fn test_driver(&self) -> Option<&'static str> {
        Some("eubeam_test_eunit")
    }

    fn complete(&self, line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
        complete::complete(line, pos, catalog)
    }
}
