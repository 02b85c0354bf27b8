//! `eubeam check FILE...`: diagnostics only.

use std::path::PathBuf;

use clap::Args;

use crate::sources;

#[derive(Args)]
pub struct CheckArgs {
    /// Source files (.erl)
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: CheckArgs) -> u8 {
    match sources::compile_all(&args.files) {
        Ok(_) => 0,
        Err(status) => status,
    }
}
