//! The Erlang frontend: lexer, parser and lowering of Erlang source into the
//! core IR, plus the Erlang-written standard library (`lib/*.erl`).

pub mod ast;
pub mod lexer;
pub mod parser;
