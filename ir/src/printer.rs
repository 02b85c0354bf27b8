//! Writes a [`Module`](crate::Module) as Core Erlang concrete syntax.
