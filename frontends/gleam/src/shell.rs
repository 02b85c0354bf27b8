//! Gleam shell input (`eubeam repl --lang gleam`). Not supported yet: every
//! entry gets a clear diagnostic.

use eubeam_ir::{Diagnostic, ReplInput};

pub const SHELL_FILE: &str = "repl";

pub fn shell_input(input: &str, _bound: &[String], _module_name: &str) -> ReplInput {
    if input.trim().is_empty() {
        return ReplInput::Empty;
    }
    ReplInput::Error(vec![Diagnostic::unsupported(
        SHELL_FILE,
        0..input.len(),
        "the Gleam shell",
    )])
}
