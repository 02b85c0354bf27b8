//! `eubeam new NAME --lang LANG`: scaffold a project that `eubeam run NAME`
//! runs.

use std::path::PathBuf;

use clap::Args;

use crate::project;

#[derive(Args)]
pub struct NewArgs {
    /// The project's name; also the folder created and (where the language
    /// has modules) the entry module's name
    name: String,
    /// The entry file's language: erlang, elixir, lfe, gleam or lua
    #[arg(long, default_value = "erlang")]
    lang: String,
}

pub fn run(args: NewArgs) -> u8 {
    if !project::valid_name(&args.name) {
        crate::diagnostics::error(&format!(
            "'{}' cannot be a project name: use lower-case letters, digits and '_', \
             starting with a letter (it becomes a module name)",
            args.name
        ));
        return 2;
    }
    let dir = PathBuf::from(&args.name);
    if dir.exists() {
        crate::diagnostics::error(&format!(
            "{} already exists; choose another name or remove it first",
            dir.display()
        ));
        return 2;
    }
    let files = match project::scaffold(&args.name, &args.lang) {
        Ok(f) => f,
        Err(e) => {
            crate::diagnostics::error(&e);
            return 2;
        }
    };
    for (path, text) in files {
        let path = dir.join(path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            crate::diagnostics::error(&format!("cannot write {}: {e}", path.display()));
            return 2;
        }
    }
    println!(
        "created {} ({} project); run it with: eubeam run {}",
        args.name, args.lang, args.name
    );
    0
}
