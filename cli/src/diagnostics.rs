//! Printing diagnostics and errors to stderr, with colour only on a terminal
//! and never when `NO_COLOR` is set.

use std::io::IsTerminal;

use eubeam_ir::Diagnostic;

pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// Renders each diagnostic against `source` on stderr.
pub fn emit(diagnostics: &[Diagnostic], source: &str) {
    let color = use_color();
    for d in diagnostics {
        eprint!("{}", d.render(source, color));
    }
}

/// A one-line error of the toolchain itself (not of the program).
pub fn error(message: &str) {
    eprintln!("eubeam: error: {message}");
}
