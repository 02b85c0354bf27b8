//! The core IR of Eubeamgua.
//!
//! Every frontend lowers into [`Module`]; the runtime compiles [`Module`] into
//! bytecode. The shape follows Core Erlang (the language Erlang, Elixir and LFE
//! already compile through), so the [`printer`] can write Core Erlang concrete
//! syntax that `erlc +from_core` accepts for Erlang-only programs.
//!
//! Boundaries: this crate knows no surface language and no runtime. Names
//! (atoms, variables, functions) are plain strings here; the runtime interns
//! them when it loads a module.

pub mod ctfe;
pub mod diagnostic;
pub mod frontend;
pub mod printer;
pub mod span;
pub mod validate;

mod tree;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use frontend::{
    compile_on_thread, on_compiler_thread, shell_on_thread, Candidate, Catalog, Compiled, Frontend,
    ReplInput, SourceFile, ValueStyle, COMPILER_STACK,
};
pub use span::Span;
pub use tree::*;
