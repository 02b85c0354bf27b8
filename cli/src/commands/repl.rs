//! `eubeam repl --lang LANG`: a shell with the language's prompt and printing
//! conventions. Input runs in one long-lived shell process, so `self()` and
//! the mailbox persist between inputs.

use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::rc::Rc;

use clap::Args;
use eubeam_ir::ReplInput;
use eubeam_runtime::{Vm, VmConfig};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};

use super::repl_meta;
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
    #[command(flatten)]
    node: super::run::NodeArgs,
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
    if let Err(e) = super::run::start_node(&vm, &args.node) {
        crate::diagnostics::error(&e);
        return 1;
    }
    let mut shell = vm.shell();
    // Shared with the completer, which offers the bound names too.
    let bound_names: Rc<RefCell<Vec<String>>> = Rc::default();
    let completion = ShellHelper {
        frontend,
        catalog: ShellCatalog {
            code: vm.code_catalog(),
            bound: bound_names.clone(),
        },
    };
    let mut input = match Lines::open(completion, frontend.language()) {
        Ok(input) => input,
        Err(e) => {
            crate::diagnostics::error(&format!("cannot start the line editor: {e}"));
            return 2;
        }
    };
    println!(
        "Eubeamgua {} shell ({}); Ctrl-D or Ctrl-C twice to quit",
        env!("CARGO_PKG_VERSION"),
        frontend.language()
    );
    let mut bound: Vec<String> = Vec::new();
    let mut history: Vec<repl_meta::Entry> = Vec::new();
    let mut n = 1;
    let mut pending = String::new();
    let mut interrupted = false;
    loop {
        let prompt = if pending.is_empty() {
            frontend.prompt(n)
        } else if frontend.language() == "lua" {
            // lua5.4 -i's continuation prompt.
            ">> ".to_string()
        } else {
            String::new()
        };
        let line = match input.read(&prompt) {
            Some(Ok(line)) => {
                interrupted = false;
                line
            }
            // Ctrl-C drops the input being typed; a second one in a row,
            // with nothing typed in between, leaves the shell.
            Some(Err(Interrupted)) if interrupted => break,
            Some(Err(Interrupted)) => {
                interrupted = true;
                pending.clear();
                println!("(Ctrl-C again or Ctrl-D to quit)");
                continue;
            }
            None => break,
        };
        pending.push_str(&line);
        pending.push('\n');
        let meta = if frontend.language() == "erlang" {
            repl_meta::erlang_c_command(&pending)
                .map(|file| repl_meta::Meta::Print(format!("{}\n", compile_and_load(&vm, &file))))
        } else {
            None
        };
        let cx = repl_meta::MetaCtx {
            vm: &vm,
            history: &history,
            bound: &bound,
        };
        let meta = meta.or_else(|| repl_meta::command(frontend.language(), &pending, &cx));
        let source = match meta {
            Some(repl_meta::Meta::Print(text)) => {
                print!("{text}");
                let _ = std::io::stdout().flush();
                // The command's result (its last line) is a value of the
                // history too, as in erl (`v(N)`, `h()`).
                history.push(repl_meta::Entry {
                    n,
                    input: pending.trim_end().trim_end_matches('.').to_string(),
                    value: text.trim_end().lines().last().unwrap_or("").to_string(),
                });
                n += 1;
                input.remember(pending.trim_end());
                pending.clear();
                continue;
            }
            Some(repl_meta::Meta::Quit) => break,
            Some(repl_meta::Meta::Source(src, show)) => (src, show),
            None => (pending.clone(), true),
        };
        let (source, show) = source;
        let module_name = format!("$shell{n}");
        match frontend.shell_input(&source, &bound, &module_name) {
            ReplInput::Incomplete => continue,
            ReplInput::Empty => {}
            ReplInput::Error(diags) if frontend.language() == "erlang" => {
                // As erl's shell: `* Line:Col: message`.
                for d in &diags {
                    let loc = d.location(&source);
                    let lc = loc.strip_prefix(&format!("{}:", d.file)).unwrap_or(&loc);
                    println!("* {lc}: {}", d.message);
                }
            }
            ReplInput::Error(diags) => {
                sources::emit_for_text(&diags, &source);
            }
            ReplInput::Eval {
                module,
                bound_after,
                style,
            } => {
                // Remembered before it runs: `q()` does not come back.
                input.remember(pending.trim_end());
                match shell.eval(&module, style) {
                    Ok(value) => {
                        if show {
                            history.push(repl_meta::Entry {
                                n,
                                input: pending.trim_end().trim_end_matches('.').to_string(),
                                value: value.clone(),
                            });
                        }
                        // A Lua input shows nothing when it has no results.
                        if show && !(value.is_empty() && style == eubeam_ir::ValueStyle::Lua) {
                            println!("{value}");
                        }
                        bound = bound_after;
                        bound_names.borrow_mut().clone_from(&bound);
                    }
                    Err(exception) => println!("{exception}"),
                }
                n += 1;
            }
        }
        // (an evaluated input is remembered already; the editor ignores
        // the repeat)
        input.remember(pending.trim_end());
        pending.clear();
    }
    input.close();
    0
}

/// erl's `c/1`: compiles the file, loads its modules, and returns what erl
/// prints: `{ok,Mod}`, or `error` after the diagnostics, which are printed
/// as erl's shell prints them (`file:L:C: message`, the line, a caret).
fn compile_and_load(vm: &Vm, path: &str) -> String {
    let path = std::path::Path::new(path);
    if !path.is_file() {
        return "{error,non_existing}".to_string();
    }
    let compiled = sources::frontend_for(path).and_then(|f| {
        let source = sources::read(path)?;
        Ok((f.compile(&source), source))
    });
    let (result, source) = match compiled {
        Ok(r) => r,
        Err(e) => {
            crate::diagnostics::error(&e);
            return "error".to_string();
        }
    };
    let modules = match result {
        Ok(c) => {
            print!("{}", erl_diagnostics(&c.warnings, &source.text));
            c.modules
        }
        Err(diags) => {
            print!("{}", erl_diagnostics(&diags, &source.text));
            return "error".to_string();
        }
    };
    let mut last = String::from("error");
    for module in &modules {
        if let Err(e) = vm.load_module(module) {
            crate::diagnostics::error(&format!("cannot load module {}: {e}", module.name));
            return "error".to_string();
        }
        last = format!(
            "{{ok,{}}}",
            eubeam_runtime::format::quote_atom(&module.name)
        );
    }
    last
}

/// Diagnostics as erl's `c/1` prints them (recorded from erl 25):
/// `bad.erl:2:4: syntax error before: '->'`, then `%    2| f( -> ok.`,
/// `%     |    ^` and an empty line; warnings say `Warning: `.
fn erl_diagnostics(diags: &[eubeam_ir::Diagnostic], text: &str) -> String {
    let mut out = String::new();
    for d in diags {
        let loc = d.location(text);
        let warn = if d.is_error() { "" } else { "Warning: " };
        out.push_str(&format!("{loc}: {warn}{}\n", d.message));
        let mut parts = loc.rsplitn(3, ':');
        let col: usize = parts.next().and_then(|c| c.parse().ok()).unwrap_or(1);
        let line: usize = parts.next().and_then(|l| l.parse().ok()).unwrap_or(1);
        if let Some(src) = text.lines().nth(line.saturating_sub(1)) {
            out.push_str(&format!("%{line:>5}| {src}\n"));
            out.push_str(&format!(
                "%{:>5}| {}^\n\n",
                "",
                " ".repeat(col.saturating_sub(1))
            ));
        }
    }
    out
}

/// The code a shell's completion sees: what the VM has loaded or has natives
/// for, and every frontend's library modules (loaded when asked about).
struct ShellCatalog {
    code: eubeam_runtime::CodeCatalog,
    /// The names bound so far (the shell loop updates them).
    bound: Rc<RefCell<Vec<String>>>,
}

impl eubeam_ir::Catalog for ShellCatalog {
    fn modules(&self) -> Vec<String> {
        let mut names = self.code.modules();
        for f in languages::all() {
            names.extend(f.library_modules());
        }
        names.sort();
        names.dedup();
        names
    }

    fn functions(&self, module: &str) -> Vec<(String, u32)> {
        self.code.functions(module)
    }

    fn bound(&self) -> Vec<String> {
        self.bound.borrow().clone()
    }
}

/// The line editor's hooks: Tab asks the frontend to complete (the same
/// editor serves every language; each frontend knows its own syntax).
struct ShellHelper {
    frontend: &'static dyn eubeam_ir::Frontend,
    catalog: ShellCatalog,
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, candidates) = self.frontend.complete(line, pos, &self.catalog);
        Ok((
            start,
            candidates
                .into_iter()
                .map(|c| Pair {
                    display: c.display,
                    replacement: c.replacement,
                })
                .collect(),
        ))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}
impl Highlighter for ShellHelper {}
impl Validator for ShellHelper {}
impl Helper for ShellHelper {}

/// Ctrl-C at the prompt: drop the pending input.
struct Interrupted;

/// Where shell input comes from: a line editor with history on a terminal,
/// or plain lines from a pipe. Like `erl`, a piped shell still prints its
/// prompts, so a transcript reads the same either way.
enum Lines {
    Editor {
        editor: Box<Editor<ShellHelper, DefaultHistory>>,
        history: Option<std::path::PathBuf>,
    },
    Piped(std::io::StdinLock<'static>),
}

impl Lines {
    /// `language` names the history file: one per language
    /// (`$HOME/.eubeam_history_elixir`), so Up recalls that language's
    /// inputs only.
    fn open(helper: ShellHelper, language: &str) -> Result<Lines, ReadlineError> {
        if !std::io::stdin().is_terminal() {
            return Ok(Lines::Piped(std::io::stdin().lock()));
        }
        // List completion as erl and bash: Tab inserts the candidates'
        // common prefix, a second Tab lists them.
        let config = Config::builder()
            .completion_type(CompletionType::List)
            .build();
        let mut editor = Editor::with_config(config)?;
        editor.set_helper(Some(helper));
        let history = std::env::var_os("HOME")
            .map(|h| std::path::PathBuf::from(h).join(format!(".eubeam_history_{language}")));
        if let Some(path) = &history {
            let _ = editor.load_history(path);
        }
        Ok(Lines::Editor {
            editor: Box::new(editor),
            history,
        })
    }

    /// The next line, `None` at end of input.
    fn read(&mut self, prompt: &str) -> Option<Result<String, Interrupted>> {
        match self {
            Lines::Editor { editor, .. } => match editor.readline(prompt) {
                Ok(line) => Some(Ok(line)),
                Err(ReadlineError::Interrupted) => Some(Err(Interrupted)),
                Err(_) => None,
            },
            Lines::Piped(stdin) => {
                print!("{prompt}");
                let _ = std::io::stdout().flush();
                let mut line = String::new();
                match stdin.read_line(&mut line) {
                    Ok(0) | Err(_) => None,
                    Ok(_) => Some(Ok(line.trim_end_matches(['\n', '\r']).to_string())),
                }
            }
        }
    }

    /// Adds `entry` to the history and saves it at once: `q()` halts the VM
    /// without returning here, and history must survive that.
    fn remember(&mut self, entry: &str) {
        if let Lines::Editor { editor, history } = self {
            let _ = editor.add_history_entry(entry);
            if let Some(path) = history {
                let _ = editor.save_history(path);
            }
        }
    }

    fn close(self) {
        if let Lines::Editor {
            mut editor,
            history: Some(path),
        } = self
        {
            let _ = editor.save_history(&path);
        }
    }
}
