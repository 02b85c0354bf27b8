//! The Erlang frontend.
