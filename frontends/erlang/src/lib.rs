//! The Erlang frontend: lexer, parser and lowering of Erlang source into the
//! core IR, plus the Erlang-written standard library (`lib/*.erl`).
//!
//! Parsing and lowering run on a thread with a large stack so that deeply
//! nested input ends in a diagnostic, never in a stack overflow.

pub mod ast;
pub mod complete;
pub mod lexer;
pub mod lower;
pub mod parser;
pub mod preprocess;
pub mod shell;
pub mod stdlib;

use eubeam_ir::{Candidate, Catalog, Compiled, Diagnostic, Frontend, ReplInput, SourceFile};

pub use stdlib::{stdlib_modules, stdlib_source};

pub struct ErlangFrontend;

/// Parses and lowers one Erlang source file on the current thread.
pub fn compile_source(path: &str, text: &str) -> Result<Compiled, Vec<Diagnostic>> {
    let (forms, diags) = parser::parse_file(text, path);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let (module, mut warnings) = lower::lower_module(&forms, path, text)?;
    warnings.extend(diags);
    Ok(Compiled {
        modules: vec![module],
        warnings,
        entry: None,
    })
}

impl Frontend for ErlangFrontend {
    fn language(&self) -> &'static str {
        "erlang"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["erl"]
    }

    fn compile(&self, file: &SourceFile) -> Result<Compiled, Vec<Diagnostic>> {
        eubeam_ir::compile_on_thread("Erlang", file, compile_source)
    }

    fn shell_input(&self, input: &str, bound: &[String], module_name: &str) -> ReplInput {
        eubeam_ir::shell_on_thread(
            "Erlang",
            shell::SHELL_FILE,
            input,
            bound,
            module_name,
            shell::shell_input,
        )
    }

    fn prompt(&self, n: usize) -> String {
        format!("{n}> ")
    }

    fn library_source(&self, module: &str) -> Option<SourceFile> {
        let (path, text) = stdlib_source(module)?;
        Some(SourceFile {
            path: path.to_string(),
            text: text.to_string(),
        })
    }

    fn test_driver(&self) -> Option<&'static str> {
        Some("eubeam_test_eunit")
    }

    fn library_modules(&self) -> Vec<String> {
        // `$eubeam_io` is the runtime's, not a module to offer.
        stdlib_modules()
            .into_iter()
            .filter(|m| !m.starts_with('$'))
            .map(str::to_string)
            .collect()
    }

    fn complete(&self, line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
        complete::complete(line, pos, catalog)
    }
}
