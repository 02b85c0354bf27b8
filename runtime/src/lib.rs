//! The Eubeamgua runtime: terms, per-process heaps with a copying collector,
//! the IR→bytecode compiler, the interpreter, schedulers, timers and BIFs.
//!
//! See `spec/runtime.md` for the design. `unsafe` code lives only in
//! `term` (reading heap objects) and `heap` (allocation, copying, GC) and
//! `code` (export targets).

pub mod bif;
pub mod bitsyntax;
pub mod code;
pub mod compile;
pub mod dist;
pub mod etf;
pub mod format;
pub mod heap;
pub mod interp;
pub mod irb;
pub mod lua;
pub mod prelude;
pub mod process;
pub mod signals;
pub mod term;
pub mod vm;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_binaries;

pub use eubeam_ir::ValueStyle;
pub use vm::{CodeCatalog, Shell, Vm};

pub use bif::{Ctx, NativeFn, Trap};
pub use term::{Atom, Term};

/// VM settings.
#[derive(Clone, Debug, Default)]
pub struct VmConfig {
    /// Scheduler threads; 0 = one per core.
    pub schedulers: usize,
}

/// Finds modules that code calls but that are not loaded yet.
pub trait ModuleLoader: Send + Sync {
    /// Called when code calls a module that is not loaded. None = no such
    /// module (undef). Err(text) = the module exists but failed to compile
    /// (the runtime raises undef and prints the text to stderr once).
    fn load(&self, module: &str) -> Option<Result<Vec<eubeam_ir::Module>, String>>;

    /// Compile source text of language `lang` at run time into modules, the
    /// main one named `module` (`lua:load_chunk`, for hosting Lua).
    /// `chunk` names the source in messages. Err((line, message)) for a
    /// compile error; None when this loader has no such compiler.
    fn compile_chunk(
        &self,
        _lang: &str,
        _module: &str,
        _chunk: &str,
        _text: &[u8],
    ) -> Option<Result<Vec<eubeam_ir::Module>, (u32, String)>> {
        None
    }
}

/// How `Vm::run`'s entry process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Returned,
    Crashed,
}

/// A loader that knows no modules.
pub struct NoLoader;

impl ModuleLoader for NoLoader {
    fn load(&self, _module: &str) -> Option<Result<Vec<eubeam_ir::Module>, String>> {
        None
    }
}
