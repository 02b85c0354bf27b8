//! `eubeam completions SHELL`: a completion script for bash, zsh or fish.

use clap::{Args, CommandFactory, ValueEnum};
use clap_complete::Shell;

#[derive(Clone, Copy, ValueEnum)]
enum Target {
    Bash,
    Zsh,
    Fish,
}

#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for
    shell: Target,
}

pub fn run<C: CommandFactory>(args: CompletionsArgs) -> u8 {
    let shell = match args.shell {
        Target::Bash => Shell::Bash,
        Target::Zsh => Shell::Zsh,
        Target::Fish => Shell::Fish,
    };
    let mut cmd = C::command();
    clap_complete::generate(shell, &mut cmd, "eubeam", &mut std::io::stdout());
    0
}
