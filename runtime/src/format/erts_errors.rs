//! The `*** argument N: ...` lines erl's shell prints under a failed
//! `erlang` BIF (OTP's `erl_erts_errors`, reached through the BIF frame's
//! `error_info`): which arguments are wrong, and why. The messages and the
//! cases are those erl gives (recorded from OTP 25 with
//! `erl_erts_errors:format_error/2`; see the table test below). BIFs not
//! covered here get no such lines, as before.

use super::PTerm;

fn is_int(t: &PTerm) -> bool {
    matches!(t, PTerm::Int(_) | PTerm::BigInt { .. })
}

fn is_atom(t: &PTerm) -> bool {
    matches!(t, PTerm::Atom(_))
}

fn is_tuple(t: &PTerm) -> bool {
    matches!(t, PTerm::Tuple(_))
}

fn is_number(t: &PTerm) -> bool {
    is_int(t) || matches!(t, PTerm::Float(_))
}

fn is_binary(t: &PTerm) -> bool {
    matches!(t, PTerm::Binary(_))
}

fn is_pid(t: &PTerm) -> bool {
    matches!(t, PTerm::Pid(_))
}

/// A proper list (`[]` included).
fn is_list(t: &PTerm) -> bool {
    matches!(t, PTerm::Nil | PTerm::List(_, None))
}

fn items(t: &PTerm) -> &[PTerm] {
    match t {
        PTerm::List(xs, None) => xs,
        _ => &[],
    }
}

fn is_char_list(t: &PTerm) -> bool {
    is_list(t)
        && items(t)
            .iter()
            .all(|c| matches!(c, PTerm::Int(i) if (0..=0x10FFFF).contains(i)))
}

fn base_ok(t: &PTerm) -> bool {
    matches!(t, PTerm::Int(b) if (2..=36).contains(b))
}

const NOT_INT: &str = "not an integer";
const NOT_TUPLE: &str = "not a tuple";
const NOT_ATOM: &str = "not an atom";
const NOT_LIST: &str = "not a list";
const NOT_BINARY: &str = "not a binary";
const NOT_NUMBER: &str = "not a number";
const NOT_PID: &str = "not a pid";
const OUT_OF_RANGE: &str = "out of range";
const BAD_BASE: &str = "not an integer in the range 2 through 36";
const NOT_INT_TEXT: &str = "not a textual representation of an integer";
const NOT_FLOAT_TEXT: &str = "not a textual representation of a float";

/// The arguments (1-based) of `erlang:Function(Args)` that erl's shell
/// blames, with the reason for each.
pub fn arg_errors(function: &str, args: &[PTerm]) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    let mut blame = |i: usize, why: &'static str| out.push((i, why));
    match (function, args) {
        ("element", [i, t]) | ("setelement", [i, t, _]) => {
            if !is_int(i) {
                blame(1, NOT_INT);
            }
            if !is_tuple(t) {
                blame(2, NOT_TUPLE);
            }
            if is_int(i) && is_tuple(t) {
                blame(1, OUT_OF_RANGE);
            }
        }
        ("atom_to_list" | "atom_to_binary", [a]) if !is_atom(a) => blame(1, NOT_ATOM),
        ("atom_to_binary", [a, _]) if !is_atom(a) => blame(1, NOT_ATOM),
        ("atom_to_binary", [_, _]) => blame(2, "is an invalid encoding option"),
        ("list_to_atom" | "list_to_existing_atom", [l]) if !is_list(l) => blame(1, NOT_LIST),
        ("list_to_atom", [_]) => blame(1, "not a list of characters"),
        ("list_to_existing_atom", [l]) if !is_char_list(l) => blame(1, "not a list of characters"),
        ("list_to_existing_atom", [_]) => blame(1, "not an already existing atom"),
        ("list_to_integer", [l]) if !is_list(l) => blame(1, NOT_LIST),
        ("list_to_integer", [_]) => blame(1, NOT_INT_TEXT),
        ("list_to_integer", [l, b]) => {
            if !is_list(l) {
                blame(1, NOT_LIST);
            }
            if !base_ok(b) {
                blame(2, BAD_BASE);
            }
            if is_list(l) && base_ok(b) {
                blame(1, NOT_INT_TEXT);
            }
        }
        ("integer_to_list" | "integer_to_binary", [i]) if !is_int(i) => blame(1, NOT_INT),
        ("integer_to_list" | "integer_to_binary", [i, b]) => {
            if !is_int(i) {
                blame(1, NOT_INT);
            }
            if !base_ok(b) {
                blame(2, BAD_BASE);
            }
        }
        ("binary_to_integer", [b]) if !is_binary(b) => blame(1, NOT_BINARY),
        ("binary_to_integer", [_]) => blame(1, NOT_INT_TEXT),
        ("list_to_float", [l]) if !is_list(l) => blame(1, NOT_LIST),
        ("list_to_float", [_]) => blame(1, NOT_FLOAT_TEXT),
        ("binary_to_float", [b]) if !is_binary(b) => blame(1, NOT_BINARY),
        ("binary_to_float", [_]) => blame(1, NOT_FLOAT_TEXT),
        ("float_to_list" | "float_to_binary", [f]) if !matches!(f, PTerm::Float(_)) => {
            blame(1, "not a float")
        }
        ("binary_to_list" | "binary_to_atom", [b]) if !is_binary(b) => blame(1, NOT_BINARY),
        ("binary_to_atom" | "binary_to_existing_atom", [b, _]) if !is_binary(b) => {
            blame(1, NOT_BINARY)
        }
        ("binary_to_atom" | "binary_to_existing_atom", [_, e]) if !matches!(e, PTerm::Atom(a) if matches!(a.as_str(), "latin1" | "utf8" | "unicode")) => {
            blame(2, "not one of the atoms: latin1, utf8, or unicode")
        }
        ("list_to_binary", [_]) => blame(1, "not an iolist term"),
        ("iolist_to_binary" | "iolist_size", [_]) => blame(1, "not an iodata term"),
        ("hd" | "tl", [_]) => blame(1, "not a nonempty list"),
        ("length" | "list_to_tuple", [_]) => blame(1, NOT_LIST),
        ("tuple_size" | "tuple_to_list", [_]) => blame(1, NOT_TUPLE),
        ("append_element", [t, _]) if !is_tuple(t) => blame(1, NOT_TUPLE),
        ("byte_size" | "bit_size", [_]) => blame(1, "not a bitstring"),
        ("size", [_]) => blame(1, "not tuple or binary"),
        ("abs" | "float" | "round" | "trunc" | "floor" | "ceil", [x]) if !is_number(x) => {
            blame(1, NOT_NUMBER)
        }
        ("make_tuple", [n, _]) if !is_int(n) => blame(1, NOT_INT),
        ("make_tuple", [_, _]) => blame(1, OUT_OF_RANGE),
        ("split_binary", [b, _]) if !is_binary(b) => blame(1, NOT_BINARY),
        ("split_binary", [_, n]) if !is_int(n) => blame(2, NOT_INT),
        ("split_binary", [_, _]) => blame(2, OUT_OF_RANGE),
        ("register", [name, p]) => {
            if !is_atom(name) {
                blame(1, NOT_ATOM);
            }
            if !is_pid(p) {
                blame(2, "not a pid or port");
            }
        }
        ("whereis", [n]) if !is_atom(n) => blame(1, NOT_ATOM),
        ("link" | "pid_to_list", [p]) if !is_pid(p) => blame(1, NOT_PID),
        ("exit", [p, _]) if !is_pid(p) => blame(1, NOT_PID),
        ("send", [_, _]) => blame(1, "invalid destination"),
        ("apply", [_, _, a]) if !is_list(a) => blame(3, NOT_LIST),
        ("spawn", [f]) if !matches!(f, PTerm::Opaque(s) if s.starts_with("#Fun<") || s.starts_with("fun ")) => {
            blame(1, "not a fun")
        }
        ("list_to_pid", [_]) => blame(1, "not a textual representation of a pid"),
        ("binary_to_term", [_]) => blame(1, "invalid external representation of a term"),
        ("map_size", [m]) if !matches!(m, PTerm::Map(_)) => blame(1, "not a map"),
        ("is_map_key", [_, m]) if !matches!(m, PTerm::Map(_)) => blame(2, "not a map"),
        ("map_get", [_, m]) if !matches!(m, PTerm::Map(_)) => blame(2, "not a map"),
        ("map_get", [_, _]) => blame(1, "not present in map"),
        ("demonitor", [r]) if !matches!(r, PTerm::Opaque(s) if s.starts_with("#Ref<")) => {
            blame(1, "not a reference")
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> PTerm {
        PTerm::Atom(s.into())
    }
    fn i(n: i64) -> PTerm {
        PTerm::Int(n)
    }
    fn s(t: &str) -> PTerm {
        PTerm::List(t.chars().map(|c| i(c as i64)).collect(), None)
    }
    fn b(t: &[u8]) -> PTerm {
        PTerm::Binary(t.to_vec())
    }
    fn t(xs: Vec<PTerm>) -> PTerm {
        PTerm::Tuple(xs)
    }

    /// A BIF, its arguments, and the blamed arguments.
    type Case = (&'static str, Vec<PTerm>, Vec<(usize, &'static str)>);

    /// Cases and answers recorded from erl (OTP 25):
    /// `erl_erts_errors:format_error(R, St)` after `apply(erlang, F, Args)`.
    #[test]
    fn blamed_arguments_are_erls() {
        let cases: Vec<Case> = vec![
            (
                "element",
                vec![i(5), t(vec![a("a")])],
                vec![(1, "out of range")],
            ),
            (
                "element",
                vec![a("a"), t(vec![a("a")])],
                vec![(1, "not an integer")],
            ),
            ("element", vec![i(1), a("a")], vec![(2, "not a tuple")]),
            (
                "element",
                vec![a("a"), a("b")],
                vec![(1, "not an integer"), (2, "not a tuple")],
            ),
            (
                "setelement",
                vec![i(5), t(vec![a("a")]), a("x")],
                vec![(1, "out of range")],
            ),
            ("atom_to_list", vec![i(1)], vec![(1, "not an atom")]),
            (
                "atom_to_binary",
                vec![a("a"), a("foo")],
                vec![(2, "is an invalid encoding option")],
            ),
            ("list_to_atom", vec![i(1)], vec![(1, "not a list")]),
            (
                "list_to_atom",
                vec![PTerm::List(vec![a("a")], None)],
                vec![(1, "not a list of characters")],
            ),
            (
                "list_to_existing_atom",
                vec![s("no_such_atom_xyz")],
                vec![(1, "not an already existing atom")],
            ),
            ("list_to_integer", vec![s("x")], vec![(1, NOT_INT_TEXT)]),
            ("list_to_integer", vec![a("a")], vec![(1, "not a list")]),
            ("list_to_integer", vec![s("1"), i(99)], vec![(2, BAD_BASE)]),
            (
                "list_to_integer",
                vec![s("z"), i(10)],
                vec![(1, NOT_INT_TEXT)],
            ),
            (
                "list_to_integer",
                vec![PTerm::List(vec![i(1)], Some(Box::new(i(2))))],
                vec![(1, "not a list")],
            ),
            ("integer_to_list", vec![a("a")], vec![(1, "not an integer")]),
            ("integer_to_list", vec![i(1), i(99)], vec![(2, BAD_BASE)]),
            (
                "integer_to_list",
                vec![PTerm::Float(1.5)],
                vec![(1, "not an integer")],
            ),
            ("binary_to_integer", vec![b(b"x")], vec![(1, NOT_INT_TEXT)]),
            ("binary_to_integer", vec![a("a")], vec![(1, "not a binary")]),
            ("list_to_float", vec![s("1")], vec![(1, NOT_FLOAT_TEXT)]),
            ("float_to_list", vec![a("a")], vec![(1, "not a float")]),
            ("binary_to_float", vec![b(b"1")], vec![(1, NOT_FLOAT_TEXT)]),
            ("binary_to_list", vec![a("x")], vec![(1, "not a binary")]),
            (
                "list_to_binary",
                vec![a("x")],
                vec![(1, "not an iolist term")],
            ),
            (
                "iolist_to_binary",
                vec![PTerm::List(vec![a("a")], None)],
                vec![(1, "not an iodata term")],
            ),
            ("iolist_size", vec![a("a")], vec![(1, "not an iodata term")]),
            ("hd", vec![PTerm::Nil], vec![(1, "not a nonempty list")]),
            ("tl", vec![PTerm::Nil], vec![(1, "not a nonempty list")]),
            ("length", vec![a("a")], vec![(1, "not a list")]),
            ("tuple_size", vec![PTerm::Nil], vec![(1, "not a tuple")]),
            ("byte_size", vec![a("a")], vec![(1, "not a bitstring")]),
            ("size", vec![a("a")], vec![(1, "not tuple or binary")]),
            ("list_to_tuple", vec![a("a")], vec![(1, "not a list")]),
            ("abs", vec![a("a")], vec![(1, "not a number")]),
            ("round", vec![a("a")], vec![(1, "not a number")]),
            ("binary_to_atom", vec![a("a")], vec![(1, "not a binary")]),
            (
                "binary_to_atom",
                vec![b(&[1]), a("foo")],
                vec![(2, "not one of the atoms: latin1, utf8, or unicode")],
            ),
            (
                "split_binary",
                vec![b(&[1]), i(5)],
                vec![(2, "out of range")],
            ),
            ("make_tuple", vec![i(-1), a("a")], vec![(1, "out of range")]),
            (
                "append_element",
                vec![a("a"), i(1)],
                vec![(1, "not a tuple")],
            ),
            (
                "register",
                vec![i(1), PTerm::Pid("<0.9.0>".into())],
                vec![(1, "not an atom")],
            ),
            (
                "register",
                vec![a("foo"), a("a")],
                vec![(2, "not a pid or port")],
            ),
            ("whereis", vec![i(1)], vec![(1, "not an atom")]),
            ("link", vec![a("a")], vec![(1, "not a pid")]),
            ("exit", vec![a("a"), a("b")], vec![(1, "not a pid")]),
            (
                "send",
                vec![a("nobody_xyz"), a("m")],
                vec![(1, "invalid destination")],
            ),
            (
                "apply",
                vec![a("a"), a("b"), a("c")],
                vec![(3, "not a list")],
            ),
            ("spawn", vec![a("a")], vec![(1, "not a fun")]),
            (
                "list_to_pid",
                vec![s("x")],
                vec![(1, "not a textual representation of a pid")],
            ),
            ("pid_to_list", vec![a("a")], vec![(1, "not a pid")]),
            (
                "binary_to_term",
                vec![b(&[1])],
                vec![(1, "invalid external representation of a term")],
            ),
            ("is_map_key", vec![a("a"), a("b")], vec![(2, "not a map")]),
            (
                "map_get",
                vec![a("a"), PTerm::Map(Vec::new())],
                vec![(1, "not present in map")],
            ),
            ("map_size", vec![a("a")], vec![(1, "not a map")]),
            ("demonitor", vec![a("a")], vec![(1, "not a reference")]),
        ];
        for (f, args, want) in cases {
            assert_eq!(arg_errors(f, &args), want, "{f}({args:?})");
        }
    }
}
