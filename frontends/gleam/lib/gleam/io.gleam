//// Printing to standard output and standard error.

@external(erlang, "gleam_stdlib", "print")
pub fn print(string: String) -> Nil

@external(erlang, "gleam_stdlib", "print_error")
pub fn print_error(string: String) -> Nil

@external(erlang, "gleam_stdlib", "println")
pub fn println(string: String) -> Nil

@external(erlang, "gleam_stdlib", "println_error")
pub fn println_error(string: String) -> Nil

/// Prints the value as Gleam source to standard error and returns it.
@deprecated("Use `echo` instead")
@external(erlang, "gleam_stdlib", "debug")
pub fn debug(term: anything) -> anything
