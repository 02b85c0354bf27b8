//! `eubeam`: run, check, compare and inspect programs written in any of the
//! Eubeamgua languages, and talk to them in a REPL.
//!
//! Exit status (DESIGN.md §8): 0 when the entry returns normally, 1 when the
//! entry process crashes, 2 on compile errors or bad usage.

mod child;
mod commands;
mod ctfe;
mod diagnostics;
mod diff;
mod languages;
mod loader;
mod project;
mod sources;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "eubeam",
    version,
    about = "Erlang, Elixir, LFE, Gleam and Lua on one BEAM-like runtime",
    after_help = "Examples:\n  eubeam run examples/squares/main.erl\n  eubeam run squares.erl --eval 'squares:run().'\n  eubeam compare examples/squares\n  eubeam repl --lang erlang"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load the files (or a project folder) and run the entry point: main/0
    /// of the first file's module, or the expression given with --eval.
    #[command(
        after_help = "Examples:\n  eubeam run main.erl\n  eubeam run --schedulers 1 main.erl\n  eubeam run squares.erl --eval 'squares:run().'\n  eubeam run bench.erl -- 1000   (calls main/1 with [\"1000\"])"
    )]
    Run(commands::run::RunArgs),
    /// Parse and lower the files; print diagnostics only.
    #[command(after_help = "Example:\n  eubeam check src/*.erl")]
    Check(commands::check::CheckArgs),
    /// Print the core IR of a file in Core Erlang syntax.
    #[command(
        after_help = "Example:\n  eubeam ir examples/squares/main.erl > squares.core && erlc +from_core squares.core"
    )]
    Ir(commands::ir::IrArgs),
    /// Run the same program in every syntax present and compare the outputs.
    #[command(
        after_help = "Exit status: 0 when all outputs agree, 1 when they differ, 2 on compile errors.\n\nExamples:\n  eubeam compare examples/squares\n  eubeam compare examples/*            # every example, one table each\n  eubeam compare --oracle examples/squares   # add erl, elixir, lua5.4 rows\n  eubeam compare --json a.erl b.lua"
    )]
    Compare(commands::compare::CompareArgs),
    /// Run the anchor benchmarks side by side with erl and lua5.4.
    #[command(
        after_help = "Examples:\n  eubeam bench                 # every workload, 5 runs each\n  eubeam bench --only fib --runs 3"
    )]
    Bench(commands::bench::BenchArgs),
    /// Create a project folder: a manifest and a hello-world entry.
    #[command(
        after_help = "Examples:\n  eubeam new hello                # Erlang\n  eubeam new chat --lang elixir\n  eubeam run hello                # runs the project's entry"
    )]
    New(commands::new::NewArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  eubeam completions bash > ~/.local/share/bash-completion/completions/eubeam\n  eubeam completions zsh > ~/.zfunc/_eubeam\n  eubeam completions fish > ~/.config/fish/completions/eubeam.fish"
    )]
    Completions(commands::completions::CompletionsArgs),
    /// Find and run the tests of every language (EUnit, ExUnit, gleeunit,
    /// ltest, busted) and print one summary line.
    #[command(
        after_help = "Test files by convention: *_tests.erl and modules with *_test/0 functions, \
*_test.exs, test/**/*_test.gleam, *-tests.lfe, spec/**/*_spec.lua and *_test.lua; \
the other sources beside them (or in src/ beside test/) are compiled along.\n\n\
Exit status: 0 when no test failed, 1 when one did, 2 on compile errors.\n\n\
Examples:\n  eubeam test                       # every test under the current folder\n  \
eubeam test tests/ --lang erlang\n  eubeam test kv_server_tests.erl --filter put\n  \
eubeam test --seed 42 --json test/"
    )]
    Test(commands::test::TestArgs),
    /// An EPMD-compatible port mapper daemon (for hosts without epmd).
    #[command(
        after_help = "Examples:\n  eubeam epmd            # in the foreground, port 4369\n  eubeam epmd --daemon   # in the background"
    )]
    Epmd(commands::epmd::EpmdArgs),
    /// An interactive shell for one language.
    #[command(after_help = "Example:\n  eubeam repl --lang erlang")]
    Repl(commands::repl::ReplArgs),
}

fn main() -> ExitCode {
    die_on_closed_stdout();
    eubeam_ir::ctfe::set_compile_time_call(ctfe::call);
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Run(args) => commands::run::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Ir(args) => commands::ir::run(args),
        Command::Compare(args) => commands::compare::run(args),
        Command::Repl(args) => commands::repl::run(args),
        Command::Test(args) => commands::test::run(args),
        Command::Bench(args) => commands::bench::run(args),
        Command::New(args) => commands::new::run(args),
        Command::Epmd(args) => commands::epmd::run(args),
        Command::Completions(args) => commands::completions::run::<Cli>(args),
    };
    ExitCode::from(status)
}

/// `eubeam run prog.erl | head` must end quietly when `head` stops reading,
/// as `lua5.4` and other Unix filters do, instead of panicking in `println!`
/// on EPIPE (Rust ignores SIGPIPE by default). Sockets are unaffected: the
/// standard library sends on them with MSG_NOSIGNAL, so a distribution peer
/// that goes away is still an error on the connection, not the end of the node.
fn die_on_closed_stdout() {
    // SAFETY: called first thing in main, before any other thread exists;
    // SIG_DFL is a valid disposition for SIGPIPE and no handler is replaced
    // that anything else relies on.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
