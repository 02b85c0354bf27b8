//! The surface every language frontend implements; the CLI picks a frontend
//! by file extension and talks to it only through this trait.

use crate::diagnostic::Diagnostic;
use crate::tree::Module;

/// A source file as read by the CLI.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user gave it; diagnostics and stack traces show it.
    pub path: String,
    pub text: String,
}

/// The result of compiling one file.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    pub modules: Vec<Module>,
    pub warnings: Vec<Diagnostic>,
    /// For script languages (`.exs`, `.lua`): the module whose `main/0` runs
    /// the script's top level. `None` means `eubeam run` calls `main/0` (or
    /// `main/1`) of the first module.
    pub entry: Option<String>,
}

/// How a shell prints a value; each language prints terms its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueStyle {
    /// `io_lib:format("~p", [V])`, as `erl` and `escript` print.
    Erlang,
    Elixir,
    Lfe,
    Gleam,
    Lua,
}

/// What a frontend makes of one chunk of shell (or `--eval`) input.
///
/// Shell contract: `Eval.module` exports `eval/1`. Its argument is the list of
/// the values bound so far, in the order of the `bound` names passed to
/// [`Frontend::shell_input`]; it returns `{Value, NewValues}` where `NewValues`
/// is the list of values of `bound_after`, in that order. The shell process
/// keeps the values; the CLI keeps the names.
#[derive(Clone, Debug)]
pub enum ReplInput {
    /// Nothing but whitespace or comments.
    Empty,
    /// The input is not finished yet (e.g. no terminating `.` in Erlang).
    Incomplete,
    Eval {
        module: Module,
        bound_after: Vec<String>,
        style: ValueStyle,
    },
    Error(Vec<Diagnostic>),
}

pub trait Frontend: Send + Sync {
    /// `erlang`, `elixir`, `lfe`, `gleam`, `lua`.
    fn language(&self) -> &'static str;

    /// File extensions without the dot.
    fn extensions(&self) -> &'static [&'static str];

    /// Parse, check and lower one file into modules. Errors are returned as
    /// diagnostics (several when the parser recovers); never a panic.
    fn compile(&self, file: &SourceFile) -> Result<Compiled, Vec<Diagnostic>>;

    /// Lower shell input. `module_name` is the name to give the generated
    /// module (unique per input, chosen by the caller); `bound` the names
    /// bound by earlier inputs.
    fn shell_input(&self, input: &str, bound: &[String], module_name: &str) -> ReplInput;

    /// The shell prompt for the n-th input (`1> ` for Erlang).
    fn prompt(&self, n: usize) -> String;

    /// The source of a library module this frontend provides, written in its
    /// own language, by module name (`lists`, `Elixir.Enum`, `gleam@list`).
    /// The loader compiles it on first use.
    fn library_source(&self, _module: &str) -> Option<SourceFile> {
        None
    }

    /// The names of the library modules [`Frontend::library_source`]
    /// provides, for the shell's completion of module names.
    fn library_modules(&self) -> Vec<String> {
        Vec::new()
    }

    /// The library module whose `'$eubeam_test'(Modules, Opts)` runs this
    /// language's tests for `eubeam test` (spec/test.md); `None` when the
    /// language has no test driver.
    fn test_driver(&self) -> Option<&'static str> {
        None
    }

    /// Tab completion in the shell: `line` is the input so far and `pos` the
    /// cursor's byte offset in it. Returns where the completed word starts
    /// and the candidates, each a text to put in place of `line[start..pos]`
    /// and how to show it in a list. The default completes nothing.
    fn complete(&self, _line: &str, pos: usize, _catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
        (pos, Vec::new())
    }
}

/// What the shell's completion can see: the code the VM can run, by the
/// runtime's module names (`lists`, `Elixir.Enum`, `gleam@list`).
pub trait Catalog {
    /// Every module that is loaded, native or available from a library.
    fn modules(&self) -> Vec<String>;
    /// The exported functions of `module` (loading it if need be), each
    /// `(name, arity)`; empty for an unknown module.
    fn functions(&self, module: &str) -> Vec<(String, u32)>;
    /// The names bound by earlier shell inputs (as passed to
    /// [`Frontend::shell_input`]), for completing local names.
    fn bound(&self) -> Vec<String> {
        Vec::new()
    }
}

/// One completion: `replacement` goes in place of the word, `display` is
/// shown when several candidates are listed (`seq/2` for `seq(`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub display: String,
    pub replacement: String,
}

impl Candidate {
    /// A name that is shown as it is inserted.
    pub fn same(name: String) -> Candidate {
        Candidate {
            display: name.clone(),
            replacement: name,
        }
    }

    /// Names completed as themselves, sorted, each once.
    pub fn sorted_names(mut names: Vec<String>) -> Vec<Candidate> {
        names.sort();
        names.dedup();
        names.into_iter().map(Candidate::same).collect()
    }

    /// `(display, replacement)` pairs, sorted, each once.
    pub fn sorted_pairs(mut pairs: Vec<(String, String)>) -> Vec<Candidate> {
        pairs.sort();
        pairs.dedup();
        pairs
            .into_iter()
            .map(|(display, replacement)| Candidate {
                display,
                replacement,
            })
            .collect()
    }
}

/// Stack for compiler threads. Parsing, lowering, type checking and printing
/// recurse over the input's nesting, which each frontend caps; 256 MiB holds
/// the deepest input any cap lets through.
pub const COMPILER_STACK: usize = 256 << 20;

/// Runs `f` on a thread with [`COMPILER_STACK`] so that deeply nested input
/// ends in a diagnostic, never in a stack overflow of the caller's thread. A
/// panic in `f` becomes an "internal error in the `language` frontend"
/// diagnostic passed to `on_error`, as does a failure to start the thread.
pub fn on_compiler_thread<T: Send + 'static>(
    language: &str,
    file: &str,
    f: impl FnOnce() -> T + Send + 'static,
    on_error: impl FnOnce(Diagnostic) -> T,
) -> T {
    let handle = std::thread::Builder::new()
        .name(format!("eubeam-{}", language.to_lowercase()))
        .stack_size(COMPILER_STACK)
        .spawn(f);
    match handle {
        Ok(h) => match h.join() {
            Ok(v) => v,
            Err(_) => on_error(Diagnostic::error(
                file,
                0..0,
                format!("internal error in the {language} frontend (please report)"),
            )),
        },
        Err(_) => on_error(Diagnostic::error(
            file,
            0..0,
            "could not start the compiler thread",
        )),
    }
}

/// [`Frontend::compile`] for a frontend whose compiler is a plain function of
/// the path and text: runs it with [`on_compiler_thread`].
pub fn compile_on_thread(
    language: &str,
    file: &SourceFile,
    compile: fn(&str, &str) -> Result<Compiled, Vec<Diagnostic>>,
) -> Result<Compiled, Vec<Diagnostic>> {
    let path = file.path.clone();
    let text = file.text.clone();
    on_compiler_thread(
        language,
        &file.path,
        move || compile(&path, &text),
        |d| Err(vec![d]),
    )
}

/// [`Frontend::shell_input`] for a frontend whose shell lowering is a plain
/// function: runs it with [`on_compiler_thread`]; `shell_file` names the
/// input in diagnostics.
pub fn shell_on_thread(
    language: &str,
    shell_file: &str,
    input: &str,
    bound: &[String],
    module_name: &str,
    lower: fn(&str, &[String], &str) -> ReplInput,
) -> ReplInput {
    let input = input.to_string();
    let bound = bound.to_vec();
    let name = module_name.to_string();
    on_compiler_thread(
        language,
        shell_file,
        move || lower(&input, &bound, &name),
        |d| ReplInput::Error(vec![d]),
    )
}
