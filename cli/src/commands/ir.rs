//! `eubeam ir FILE`: the core IR in Core Erlang syntax.

use std::path::PathBuf;

use clap::Args;

use crate::sources;

#[derive(Args)]
pub struct IrArgs {
    /// The source file to lower
    file: PathBuf,
    /// Skip the IR validator (it runs by default)
    #[arg(long)]
    no_validate: bool,
    /// Directory searched by -include and -include_lib (repeatable)
    #[arg(short = 'I', value_name = "DIR")]
    include: Vec<PathBuf>,
}

pub fn run(args: IrArgs) -> u8 {
    crate::sources::set_include_paths(&args.include);
    let files = match sources::compile_all(std::slice::from_ref(&args.file)) {
        Ok(files) => files,
        Err(status) => return status,
    };
    let mut status = 0;
    for module in files.iter().flat_map(|f| f.modules.iter()) {
        if !args.no_validate {
            if let Err(errors) = eubeam_ir::validate::validate(module) {
                for e in errors {
                    eprintln!(
                        "eubeam: internal error: invalid IR for {}: {e}",
                        module.name
                    );
                }
                status = 70;
            }
        }
        print!("{}", eubeam_ir::printer::print_module(module));
    }
    status
}
