//! One module per subcommand.

pub mod bench;
pub mod check;
pub mod compare;
pub mod completions;
pub mod epmd;
pub mod ir;
pub mod new;
pub mod repl;
pub mod repl_meta;
pub mod run;
pub mod test;
