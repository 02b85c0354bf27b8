//! Reading source files and compiling them with the right frontend.

use std::path::{Path, PathBuf};

use eubeam_ir::{Diagnostic, Frontend, Module, SourceFile};

use crate::{diagnostics, languages, project};

/// One source file and what its frontend made of it.
pub struct CompiledFile {
    pub frontend: &'static dyn Frontend,
    pub modules: Vec<Module>,
    /// The script entry module, for `.exs`/`.lua` files (see `Compiled::entry`).
    pub entry: Option<String>,
}

/// The `-I` directories for Erlang's `-include`/`-include_lib`.
pub fn set_include_paths(dirs: &[PathBuf]) {
    eubeam_erlang::preprocess::set_include_paths(dirs.to_vec());
}

/// Exit status for compile errors and for files that cannot be used.
pub const COMPILE_ERROR: u8 = 2;

pub fn frontend_for(path: &Path) -> Result<&'static dyn Frontend, String> {
    if let Some(f) = languages::for_path(path) {
        return Ok(f);
    }
    if let Some(lang) = languages::planned_language(path) {
        return Err(format!(
            "{}: not supported yet: {lang} (this build runs Erlang .erl files)",
            path.display()
        ));
    }
    Err(format!(
        "{}: unknown file type; expected .erl, .ex, .exs, .lfe, .gleam or .lua",
        path.display()
    ))
}

pub fn read(path: &Path) -> Result<SourceFile, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = if path.extension().is_some_and(|e| e == "lua") {
        // Lua sources are byte strings: invalid UTF-8 is kept losslessly.
        eubeam_lua::source_text(&bytes)
    } else {
        String::from_utf8(bytes)
            .map_err(|e| format!("cannot read {}: {}", path.display(), e.utf8_error()))?
    };
    Ok(SourceFile {
        path: path.display().to_string(),
        text,
    })
}

/// Compiles every file, printing all diagnostics (warnings too). Returns the
/// exit status to use when any file failed.
pub fn compile_all(paths: &[PathBuf]) -> Result<Vec<CompiledFile>, u8> {
    let paths = expand_projects(paths).map_err(|e| {
        diagnostics::error(&e);
        COMPILE_ERROR
    })?;
    let paths = &paths[..];
    let mut out = Vec::new();
    let mut failed = false;
    for path in paths {
        match compile_one(path) {
            Ok(file) => out.push(file),
            Err(()) => failed = true,
        }
    }
    if failed {
        Err(COMPILE_ERROR)
    } else {
        Ok(out)
    }
}

/// A project folder (one with `eubeam.toml`) stands for its files, entry
/// first; plain files stay as they are.
fn expand_projects(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
        } else if project::is_project(path) {
            out.extend(project::load(path)?.files);
        } else {
            return Err(format!(
                "{}: a folder without {}; name the source files, or create a project \
                 with `eubeam new NAME`",
                path.display(),
                project::MANIFEST
            ));
        }
    }
    Ok(out)
}

fn compile_one(path: &Path) -> Result<CompiledFile, ()> {
    let frontend = frontend_for(path).map_err(|e| diagnostics::error(&e))?;
    let source = read(path).map_err(|e| diagnostics::error(&e))?;
    match frontend.compile(&source) {
        Ok(compiled) => {
            diagnostics::emit(&compiled.warnings, &source.text);
            Ok(CompiledFile {
                frontend,
                modules: compiled.modules,
                entry: compiled.entry,
            })
        }
        Err(diags) => {
            diagnostics::emit(&diags, &source.text);
            Err(())
        }
    }
}

/// Prints diagnostics for source that did not come from a file on disk
/// (`--eval` text, REPL input).
pub fn emit_for_text(diags: &[Diagnostic], text: &str) {
    diagnostics::emit(diags, text);
}
