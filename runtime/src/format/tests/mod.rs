//! Table tests recorded from a real Erlang/OTP 25 (see `record.escript`,
//! which writes `cases.rs`), plus properties that need no recording (no
//! panics on arbitrary formats, the `print_p`/`print_w` shortcuts agreeing
//! with `format`).

mod cases;

pub(super) mod harness {
    pub use super::super::PTerm;

    /// One recorded call: `io_lib:format(fmt, args)` and what OTP returned
    /// (`None`: it raised, so `io:format` raises badarg).
    pub struct Case {
        pub fmt: &'static str,
        pub args: Vec<PTerm>,
        pub expected: Option<&'static str>,
    }

    pub fn case(fmt: &'static str, args: Vec<PTerm>, expected: Option<&'static str>) -> Case {
        Case {
            fmt,
            args,
            expected,
        }
    }
    pub fn ok(s: &'static str) -> Option<&'static str> {
        Some(s)
    }
    pub fn err() -> Option<&'static str> {
        None
    }
    pub fn i(n: i64) -> PTerm {
        PTerm::Int(n)
    }
    pub fn fl(f: f64) -> PTerm {
        PTerm::Float(f)
    }
    pub fn a(s: &str) -> PTerm {
        PTerm::Atom(s.to_string())
    }
    pub fn nil() -> PTerm {
        PTerm::Nil
    }
    /// A proper list of the code points of `s` (an Erlang string).
    pub fn s(s: &str) -> PTerm {
        PTerm::List(
            s.chars()
                .map(|c| PTerm::Int(i64::from(u32::from(c))))
                .collect(),
            None,
        )
    }
    pub fn l(v: Vec<PTerm>) -> PTerm {
        PTerm::List(v, None)
    }
    pub fn il(v: Vec<PTerm>, tail: PTerm) -> PTerm {
        PTerm::List(v, Some(Box::new(tail)))
    }
    pub fn t(v: Vec<PTerm>) -> PTerm {
        PTerm::Tuple(v)
    }
    pub fn b(v: &[u8]) -> PTerm {
        PTerm::Binary(v.to_vec())
    }
    pub fn m(v: Vec<(PTerm, PTerm)>) -> PTerm {
        PTerm::Map(v)
    }
    pub fn pid(s: &str) -> PTerm {
        PTerm::Pid(s.to_string())
    }
    pub fn op(s: &str) -> PTerm {
        PTerm::Opaque(s.to_string())
    }
}

use super::{format, format_str, print_p, print_w, PTerm};
use harness::Case;

fn run(cases: &[Case]) -> Vec<String> {
    let mut failures = Vec::new();
    for c in cases {
        let got = format_str(c.fmt, &c.args);
        let ok = match (&got, c.expected) {
            (Ok(g), Some(e)) => g == e,
            (Err(_), None) => true,
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "format {:?} args {:?}\n  expected: {:?}\n  got:      {:?}{}",
                c.fmt,
                c.args,
                c.expected,
                got,
                first_difference(c.expected, &got)
            ));
        }
    }
    failures
}

/// Where two outputs start to differ, for readable failure messages.
fn first_difference(expected: Option<&str>, got: &Result<String, super::FormatError>) -> String {
    let (Some(e), Ok(g)) = (expected, got) else {
        return String::new();
    };
    let e: Vec<char> = e.chars().collect();
    let g: Vec<char> = g.chars().collect();
    let at = e.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let from = at.saturating_sub(30);
    let snippet = |v: &[char]| {
        v[from.min(v.len())..(at + 30).min(v.len())]
            .iter()
            .collect::<String>()
    };
    format!(
        "\n  first difference at char {at}:\n    expected ...{:?}\n    got      ...{:?}",
        snippet(&e),
        snippet(&g)
    )
}

fn check(cases: Vec<Case>) {
    let n = cases.len();
    let failures = run(&cases);
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from OTP:\n{}",
        failures.len(),
        n,
        failures.join("\n")
    );
}

#[test]
fn recorded_fixed_cases() {
    check(cases::fixed_cases());
}

#[test]
fn recorded_random_terms() {
    check(cases::random_cases());
}

#[test]
fn recorded_random_controls() {
    check(cases::random_controls());
}

#[test]
fn shortcuts_agree_with_format() {
    for c in cases::random_cases()
        .into_iter()
        .chain(cases::fixed_cases())
    {
        if c.args.len() != 1 {
            continue;
        }
        let t = &c.args[0];
        if c.fmt == "~p" {
            assert_eq!(Ok(print_p(t)), format_str("~p", &c.args));
        }
        if c.fmt == "~w" {
            assert_eq!(Ok(print_w(t)), format_str("~w", &c.args));
        }
    }
}

#[test]
fn enough_cases() {
    assert!(cases::fixed_cases().len() >= 150);
}

/// A small deterministic generator (xorshift), to avoid dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn random_term(r: &mut Rng, depth: u32) -> PTerm {
    let pick = if depth == 0 { r.below(6) } else { r.below(11) };
    match pick {
        0 => PTerm::Int(r.next() as i64 >> r.below(64)),
        1 => PTerm::Float(f64::from_bits(r.next())),
        2 => {
            PTerm::Atom(["", "a", "B", "ok", "a b", "\u{20ac}", "case"][r.below(7) as usize].into())
        }
        3 => PTerm::Binary((0..r.below(40)).map(|_| r.next() as u8).collect()),
        4 => PTerm::Nil,
        5 => PTerm::Pid("<0.1.0>".into()),
        6 => PTerm::List(
            (0..r.below(8)).map(|_| random_term(r, depth - 1)).collect(),
            None,
        ),
        7 => PTerm::List(
            (0..r.below(4)).map(|_| random_term(r, depth - 1)).collect(),
            Some(Box::new(random_term(r, depth - 1))),
        ),
        8 => PTerm::Tuple((0..r.below(6)).map(|_| random_term(r, depth - 1)).collect()),
        9 => PTerm::Map(
            (0..r.below(5))
                .map(|_| (random_term(r, depth - 1), random_term(r, depth - 1)))
                .collect(),
        ),
        _ => PTerm::List(
            (0..r.below(30))
                .map(|_| PTerm::Int(r.below(300) as i64 - 20))
                .collect(),
            None,
        ),
    }
}

/// Arbitrary format strings and arguments must never panic (or hang).
#[test]
fn fuzz_no_panics() {
    let alphabet: Vec<u32> = "~~~~~~wpWPsefgbBxX+#cinatlk-*.0123456789 \n\t\u{20ac}"
        .chars()
        .map(u32::from)
        .chain([0xD800, 0x110000, 0])
        .collect();
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let fmt: Vec<u32> = (0..r.below(12))
            .map(|_| alphabet[r.below(alphabet.len() as u64) as usize])
            .collect();
        let args: Vec<PTerm> = (0..r.below(5)).map(|_| random_term(&mut r, 3)).collect();
        let _ = format(&fmt, &args);
    }
    for _ in 0..3_000 {
        let t = random_term(&mut r, 5);
        let _ = print_p(&t);
        let _ = print_w(&t);
        for f in ["~P", "~W", "~tP", "~30P", "~.50P"] {
            let depth = PTerm::Int(r.below(8) as i64 - 1);
            let _ = format_str(f, &[t.clone(), depth]);
        }
    }
}

/// Deeply nested and very long terms are handled (lists iteratively).
#[test]
fn long_and_nested_terms() {
    let long = PTerm::List((0..100_000).map(PTerm::Int).collect(), None);
    let out = print_p(&long);
    assert!(out.starts_with("[0,1,2,"));
    assert_eq!(out.lines().count(), print_p(&long).lines().count());
    let mut t = PTerm::Nil;
    for _ in 0..500 {
        t = PTerm::Tuple(vec![PTerm::Atom("x".into()), t]);
    }
    assert!(print_p(&t).starts_with("{x,"));
    let w = print_w(&t);
    assert!(w.contains("{x,[]}") && w.ends_with("}}}"));
}

#[test]
fn helpers() {
    use super::{atom_needs_quotes, format_float_shortest, quote_atom, quote_atom_latin1};
    assert_eq!(format_float_shortest(1.0e10), "1.0e10");
    assert_eq!(format_float_shortest(-0.0), "-0.0");
    assert!(atom_needs_quotes("end"));
    assert!(!atom_needs_quotes("ok"));
    assert_eq!(quote_atom("hello world"), "'hello world'");
    assert_eq!(quote_atom("\u{20ac}"), "'\u{20ac}'");
    assert_eq!(quote_atom_latin1("\u{20ac}"), "'\\x{20AC}'");
}
