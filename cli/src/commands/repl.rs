//! `eubeam repl --lang LANG`: a shell with the language's prompt and printing
//! conventions. Input runs in one long-lived shell process, so `self()` and
//! the mailbox persist between inputs.

use clap::Args;
use eubeam_ir::ReplInput;
use eubeam_runtime::{Vm, VmConfig};
use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;

use crate::loader::LibraryLoader;
use crate::{languages, sources};

#[derive(Args)]
pub struct ReplArgs {
    /// erlang (elixir, lfe, gleam and lua come with their frontends)
    #[arg(long, default_value = "erlang")]
    lang: String,
    /// Number of scheduler threads (default: one per core)
    #[arg(long, value_name = "N", default_value_t = 0)]
    schedulers: usize,
}

pub fn run(args: ReplArgs) -> u8 {
    let Some(frontend) = languages::by_name(&args.lang) else {
        crate::diagnostics::error(&format!(
            "no REPL for '{}' yet; available: {}",
            args.lang,
            languages::all()
                .iter()
                .map(|f| f.language())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return 2;
    };
    let vm = Vm::new(
        VmConfig {
            schedulers: args.schedulers,
        },
        LibraryLoader::new(),
    );
    let mut shell = vm.shell();
    let mut editor = match DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            crate::diagnostics::error(&format!("cannot start the line editor: {e}"));
            return 2;
        }
    };
    let history = std::env::var_os("HOME")
        .map(|h| std::path::PathBuf::from(h).join(".eubeam_history"));
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    println!("Eubeamgua {} shell ({}); Ctrl-D to quit", env!("CARGO_PKG_VERSION"), frontend.language());
    let mut bound: Vec<String> = Vec::new();
    let mut n = 1;
    let mut pending = String::new();
    loop {
        let prompt = if pending.is_empty() {
            frontend.prompt(n)
        } else {
            String::new()
        };
        let line = match editor.readline(&prompt) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                pending.clear();
                continue;
            }
            Err(_) => break,
        };
        pending.push_str(&line);
        pending.push('\n');
        let module_name = format!("$shell{n}");
        match frontend.shell_input(&pending, &bound, &module_name) {
            ReplInput::Incomplete => continue,
            ReplInput::Empty => {}
            ReplInput::Error(diags) => {
                sources::emit_for_text(&diags, &pending);
            }
            ReplInput::Eval {
                module,
                bound_after,
                style,
            } => {
                match shell.eval(&module, style) {
                    Ok(value) => {
                        println!("{value}");
                        bound = bound_after;
                    }
                    Err(exception) => println!("{exception}"),
                }
                n += 1;
            }
        }
        let _ = editor.add_history_entry(pending.trim_end());
        pending.clear();
    }
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    0
}
