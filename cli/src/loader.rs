//! The module loader the runtime calls when code reaches a module that is not
//! loaded yet: library modules written in their own language are compiled on
//! first use, so start-up pays only for what the program calls.

use std::sync::Arc;

use eubeam_ir::{Frontend, Module, SourceFile};
use eubeam_runtime::ModuleLoader;

use crate::languages;

/// Finds library sources by module name and compiles them with their frontend.
/// The user's own files are compiled and loaded before the run starts.
pub struct LibraryLoader;

impl LibraryLoader {
    pub fn new() -> Arc<LibraryLoader> {
        Arc::new(LibraryLoader)
    }
}

/// A library module's source, from the frontend whose language it is written in.
fn library_source(module: &str) -> Option<(&'static dyn Frontend, SourceFile)> {
    languages::all()
        .iter()
        .find_map(|f| Some((*f, f.library_source(module)?)))
}

impl ModuleLoader for LibraryLoader {
    fn load(&self, module: &str) -> Option<Result<Vec<Module>, String>> {
        let (frontend, source) = library_source(module)?;
        Some(match frontend.compile(&source) {
            Ok(compiled) => Ok(compiled.modules),
            Err(diags) => Err(diags
                .iter()
                .map(|d| d.render(&source.text, false))
                .collect::<String>()),
        })
    }
}
