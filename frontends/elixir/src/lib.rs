//! The Elixir frontend: lexer, parser and lowering of Elixir source into the
//! core IR, plus the Elixir-written standard library (`lib/*.ex`).
//!
//! Parsing and lowering run on a thread with a large stack so that deeply
//! nested input ends in a diagnostic, never in a stack overflow.

pub mod ast;
pub mod complete;
pub mod lexer;
pub mod lower;
pub mod parser;
pub mod quoted;
pub mod shell;
pub mod stdlib;

use eubeam_ir::{Candidate, Catalog, Compiled, Diagnostic, Frontend, ReplInput, SourceFile};

pub struct ElixirFrontend;

pub fn parse_diagnostics(path: &str, errors: &[parser::ParseError]) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| Diagnostic::error(path, e.span.start..e.span.end, e.message.clone()))
        .collect()
}

/// Parses and lowers one Elixir source file on the current thread.
pub fn compile_source(path: &str, text: &str) -> Result<Compiled, Vec<Diagnostic>> {
    let (forms, errors, _) = parser::parse(text);
    if !errors.is_empty() {
        return Err(parse_diagnostics(path, &errors));
    }
    let script = path.ends_with(".exs");
    let compiled = lower::lower_file(path, text, &forms, script)?;
    #[cfg(debug_assertions)]
    for m in &compiled.modules {
        if let Err(errs) = eubeam_ir::validate::validate(m) {
            let msg = format!(
                "internal error: invalid IR for {}: {:?}",
                m.name,
                errs.first()
            );
            return Err(vec![Diagnostic::error(path, 0..0, msg)]);
        }
    }
    Ok(compiled)
}

impl Frontend for ElixirFrontend {
    fn language(&self) -> &'static str {
        "elixir"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["ex", "exs"]
    }

    fn compile(&self, file: &SourceFile) -> Result<Compiled, Vec<Diagnostic>> {
        eubeam_ir::compile_on_thread("Elixir", file, compile_source)
    }

    fn shell_input(&self, input: &str, bound: &[String], module_name: &str) -> ReplInput {
        eubeam_ir::shell_on_thread(
            "Elixir",
            shell::SHELL_FILE,
            input,
            bound,
            module_name,
            shell::shell_input,
        )
    }

    fn prompt(&self, n: usize) -> String {
        format!("iex({n})> ")
    }

    fn library_source(&self, module: &str) -> Option<SourceFile> {
        let (path, text) = stdlib::stdlib_source(module)?;
        Some(SourceFile {
            path: path.to_string(),
            text: text.to_string(),
        })
    }

    fn library_modules(&self) -> Vec<String> {
        stdlib::stdlib_modules()
            .iter()
            .map(|m| m.to_string())
            .collect()
    }

    /// ExUnit's runner (lib/ex_unit_driver.erl → `ExUnit.__eubeam_test__/2`).
    fn test_driver(&self) -> Option<&'static str> {
        Some("Elixir.ExUnit.Driver")
    }

    fn complete(&self, line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
        complete::complete(line, pos, catalog)
    }
}
