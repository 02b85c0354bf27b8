//! The module loader the runtime calls when code reaches a module that is not
//! loaded yet: library modules written in their own language are compiled on
//! first use, so start-up pays only for what the program calls. It also
//! compiles Lua chunks at run time for hosted Lua (`luerl:do`).

use std::path::Path;
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

/// A library module's source and the frontend of the language it is written
/// in (by its file extension: the Lua frontend ships `luerl.erl`).
fn library_source(module: &str) -> Option<(&'static dyn Frontend, SourceFile)> {
    languages::all().iter().find_map(|f| {
        let src = f.library_source(module)?;
        let by_ext = languages::for_path(Path::new(&src.path)).unwrap_or(*f);
        Some((by_ext, src))
    })
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

    fn compile_chunk(
        &self,
        lang: &str,
        module: &str,
        chunk: &str,
        text: &[u8],
    ) -> Option<Result<Vec<Module>, (u32, String)>> {
        if lang != "lua" {
            // A whole source file (`Vm::compile_file`, the LFE shell's
            // `c`): compiled by the frontend of that language.
            let frontend = languages::all().iter().find(|f| f.language() == lang)?;
            let source = SourceFile {
                path: chunk.to_string(),
                text: String::from_utf8_lossy(text).into_owned(),
            };
            return Some(
                frontend
                    .compile(&source)
                    .map(|c| c.modules)
                    .map_err(|diags| {
                        let text = diags
                            .iter()
                            .map(|d| d.render(&source.text, false))
                            .collect::<String>();
                        (0, text)
                    }),
            );
        }
        Some(
            eubeam_lua::compile_chunk(chunk, module, text)
                .map(|m| vec![m])
                .map_err(|(msg, line, _)| (line, format!("{chunk}:{line}: {msg}"))),
        )
    }
}
