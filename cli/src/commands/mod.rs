//! One module per subcommand.

pub mod check;
pub mod compare;
pub mod ir;
pub mod repl;
pub mod run;
