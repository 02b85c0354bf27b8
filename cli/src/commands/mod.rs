//! One module per subcommand.

pub mod bench;
pub mod check;
pub mod compare;
pub mod ir;
pub mod repl;
pub mod run;
