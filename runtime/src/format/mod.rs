//! `io:format` / `io_lib:format` compatible text formatting.
//!
//! Everything here reproduces what Erlang/OTP 25 (stdlib 4.2) prints, byte for
//! byte: the control sequences of `io_lib_format`, the one-line writer of
//! `io_lib:write` (`~w`), the pretty printer of `io_lib_pretty` (`~p`, with its
//! line breaking), and the float rendering of `float_to_list/2`.
//!
//! The module depends only on `std` and refers to itself with `self::`/`super::`
//! paths, so the whole directory can be dropped into any crate.
//!
//! Layout, one concern per file:
//! - [`term`]: helpers over [`PTerm`] (list normalisation, chardata flattening);
//! - [`chars`]: code point classes (printability, graphemes, string escapes);
//! - [`atom`]: atom quoting;
//! - [`float`]: shortest round-trip floats and the `~e`/`~f`/`~g` renderings;
//! - [`directives`]: parsing of the format string into control sequences;
//! - [`write`]: the one-line writer behind `~w`/`~W`;
//! - [`pretty`]: the line-breaking printer behind `~p`/`~P`;
//! - [`control`]: rendering of each control sequence (fields, padding) and the
//!   driver that tracks the output column for `~p`.

mod atom;
mod chars;
mod control;
mod directives;
pub mod elixir;
mod erts_errors;
mod exception;
mod float;
pub mod lfe;
mod lfe_pretty;
mod pretty;
mod term;
mod write;

#[cfg(test)]
mod tests;

/// An owned, printable view of a BEAM term (the runtime converts its tagged terms into this).
pub use exception::format_exception;

#[derive(Clone, Debug, PartialEq)]
pub enum PTerm {
    Int(i64),
    /// An integer outside `i64`: sign and magnitude limbs (least significant
    /// first). A value that fits `i64` may also come this way; it prints the same.
    BigInt {
        negative: bool,
        magnitude: Vec<u64>,
    },
    Float(f64),
    Atom(String),
    Nil,
    /// Elements, and the tail if the list is improper (`[1|2]`).
    List(Vec<PTerm>, Option<Box<PTerm>>),
    Tuple(Vec<PTerm>),
    /// Already rendered, e.g. "<0.79.0>".
    Pid(String),
    /// Printed verbatim: refs "#Ref<0.1.2.3>", funs "#Fun<m.0.1234>", ports.
    Opaque(String),
    Binary(Vec<u8>),
    /// In the runtime's key order (the runtime sorts keys in term order for small maps as OTP prints them).
    Map(Vec<(PTerm, PTerm)>),
}

/// Why a format call failed. `io:format` raises `badarg` for either.
#[derive(Debug, Clone, PartialEq)]
pub enum FormatError {
    /// The format string itself is wrong: unknown control character, a
    /// modifier combination OTP rejects, too few or too many arguments.
    BadFormat(String),
    /// An argument has the wrong type or value for its control sequence.
    BadArg(String),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::BadFormat(m) => write!(f, "bad format: {m}"),
            FormatError::BadArg(m) => write!(f, "bad argument: {m}"),
        }
    }
}

impl std::error::Error for FormatError {}

/// `io_lib:format(Format, Args)` semantics: Format is a string of Unicode code
/// points, Args the argument list. The output starts at column 0, as it does
/// for `io:format` (the io server does not know the terminal's cursor).
pub fn format(fmt: &[u32], args: &[PTerm]) -> Result<String, FormatError> {
    let items = directives::parse(fmt, args)?;
    control::build(&items)
}

/// Convenience wrapper around [`format`] for a Rust string format.
pub fn format_str(fmt: &str, args: &[PTerm]) -> Result<String, FormatError> {
    let cps: Vec<u32> = fmt.chars().map(u32::from).collect();
    format(&cps, args)
}

/// `~p` of one term at column 1 with line length 80, as `io:format("~p", [T])` prints it.
pub fn print_p(t: &PTerm) -> String {
    pretty::print(t, &pretty::Options::default())
}

/// `~p` with explicit settings: `column` is 1-based (what `~p` uses when it
/// starts after `column - 1` characters), `line_length` is the `~p` field
/// width (80 by default), `depth` is `-1` for unlimited (as `~P`), `unicode`
/// selects `~tp`.
pub fn print_p_with(t: &PTerm, column: i64, line_length: i64, depth: i64, unicode: bool) -> String {
    let opts = pretty::Options {
        column,
        line_length,
        depth,
        unicode,
        strings: true,
    };
    pretty::print(t, &opts)
}

/// `~w` of one term.
pub fn print_w(t: &PTerm) -> String {
    write::write(t, -1, false)
}

/// `~W` of one term (`depth` -1 is unlimited); `unicode` selects `~tw`.
pub fn print_w_depth(t: &PTerm, depth: i64, unicode: bool) -> String {
    write::write(t, depth, unicode)
}

/// `float_to_list(F, [short])`, which is also how `~p` and `~w` print floats:
/// the shortest digits that read back to the same float, in plain or
/// scientific notation, whichever is shorter (plain on a tie):
/// `0.1`, `100.0`, `1.0e3`, `1.0e10`, `1.0e-5`, `0.0001`, `-0.0`.
pub fn format_float_shortest(f: f64) -> String {
    float::shortest(f)
}

/// Whether an atom must be written inside single quotes (`'hello world'`,
/// `'Cap'`, `''`, `'a-b'`, reserved words such as `'case'`).
pub fn atom_needs_quotes(name: &str) -> bool {
    atom::needs_quotes(name)
}

/// The atom as `~tp`/`~tw` write it (`io_lib:write_atom/1`): quoted and
/// escaped when needed, code points above 255 kept as they are.
pub fn quote_atom(name: &str) -> String {
    atom::write_atom(name, true)
}

/// The atom as `~p`/`~w` write it (`io_lib:write_atom_as_latin1/1`): like
/// [`quote_atom`] but code points above 255 are written as `\x{...}`.
pub fn quote_atom_latin1(name: &str) -> String {
    atom::write_atom(name, false)
}
