//! `eubeam check FILE...`: diagnostics only.

use std::path::PathBuf;

use clap::Args;

use crate::sources;

#[derive(Args)]
pub struct CheckArgs {
    /// Source files (.erl)
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Directory searched by -include and -include_lib (repeatable)
    #[arg(short = 'I', value_name = "DIR")]
    include: Vec<PathBuf>,
}

pub fn run(args: CheckArgs) -> u8 {
    crate::sources::set_include_paths(&args.include);
    match sources::compile_all(&args.files) {
        Ok(_) => 0,
        Err(status) => status,
    }
}
