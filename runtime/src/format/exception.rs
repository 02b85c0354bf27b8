//! Exceptions as the Erlang shell prints them (OTP 25's
//! `erl_error:format_exception/4` as `shell` calls it), e.g.
//!
//! ```text
//! ** exception error: an error occurred when evaluating an arithmetic expression
//!      in operator  +/2
//!         called as 1 + a
//!      in call from st:f/1 (st.erl, line 3)
//! ```
//!
//! Frames of the shell's own modules (names starting with `$`) are left
//! out, as erl leaves out `erl_eval` and `shell`. Not done: the
//! `*** argument N: ...` lines erl adds from a BIF's `error_info`.

use super::{print_p, quote_atom, PTerm};

/// Operators `erl_error` shows as `in operator  Op/N`.
const OPERATORS: &[&str] = &[
    "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr", "bnot", "==", "/=",
    "=<", "<", ">=", ">", "=:=", "=/=", "and", "or", "xor", "not", "++", "--", "!",
];

/// One stack frame: `{M, F, ArityOrArgs, Location}`.
struct Frame<'a> {
    module: &'a str,
    function: &'a str,
    args: Option<&'a [PTerm]>,
    arity: usize,
    file: Option<String>,
    line: Option<i64>,
}

fn frames(stack: &PTerm) -> Vec<Frame<'_>> {
    let PTerm::List(items, _) = stack else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|f| {
            let PTerm::Tuple(parts) = f else {
                return None;
            };
            let [PTerm::Atom(m), PTerm::Atom(func), a, loc] = parts.as_slice() else {
                return None;
            };
            let (args, arity) = match a {
                PTerm::Int(n) => (None, usize::try_from(*n).ok()?),
                PTerm::List(xs, None) => (Some(xs.as_slice()), xs.len()),
                PTerm::Nil => (Some(&[][..]), 0),
                _ => return None,
            };
            let mut file = None;
            let mut line = None;
            if let PTerm::List(props, _) = loc {
                for p in props {
                    if let PTerm::Tuple(kv) = p {
                        match kv.as_slice() {
                            [PTerm::Atom(k), v] if k == "file" => file = string_of(v),
                            [PTerm::Atom(k), PTerm::Int(n)] if k == "line" => line = Some(*n),
                            _ => {}
                        }
                    }
                }
            }
            Some(Frame {
                module: m,
                function: func,
                args,
                arity,
                file,
                line,
            })
        })
        .filter(|f| !f.module.starts_with('$'))
        .collect()
}

fn string_of(t: &PTerm) -> Option<String> {
    match t {
        PTerm::List(xs, None) => xs
            .iter()
            .map(|c| match c {
                PTerm::Int(i) => u32::try_from(*i).ok().and_then(char::from_u32),
                _ => None,
            })
            .collect(),
        PTerm::Nil => Some(String::new()),
        _ => None,
    }
}

fn mfa(f: &Frame<'_>) -> String {
    // Auto-imported BIFs of `erlang` are shown without the module.
    if f.module == "erlang" && f.args.is_some() {
        format!("{}/{}", quote_atom(f.function), f.arity)
    } else {
        format!(
            "{}:{}/{}",
            quote_atom(f.module),
            quote_atom(f.function),
            f.arity
        )
    }
}

fn location(f: &Frame<'_>) -> String {
    match (&f.file, f.line) {
        (Some(file), Some(line)) => format!(" ({file}, line {line})"),
        (Some(file), None) => format!(" ({file})"),
        _ => String::new(),
    }
}

fn call_text(module: Option<&str>, function: &str, args: &[PTerm]) -> String {
    let args: Vec<String> = args.iter().map(print_p).collect();
    match module {
        Some(m) => format!(
            "{}:{}({})",
            quote_atom(m),
            quote_atom(function),
            args.join(",")
        ),
        None => format!("{}({})", quote_atom(function), args.join(",")),
    }
}

/// The first line's explanation of an `error` reason; `consumed` is set
/// when the explanation already shows the top frame.
fn explain(reason: &PTerm, top: Option<&Frame<'_>>, consumed: &mut bool) -> String {
    let tagged = |tag: &str| match reason {
        PTerm::Tuple(xs) if xs.len() == 2 && matches!(&xs[0], PTerm::Atom(a) if a == tag) => {
            Some(&xs[1])
        }
        _ => None,
    };
    match reason {
        PTerm::Atom(a) => match a.as_str() {
            "badarg" => return "bad argument".into(),
            "badarith" => {
                return "an error occurred when evaluating an arithmetic expression".into()
            }
            "if_clause" => return "no true branch found when evaluating an if expression".into(),
            "noproc" => return "no such process or port".into(),
            "system_limit" => return "a system limit has been reached".into(),
            "timeout_value" => return "bad receive timeout value".into(),
            "function_clause" => {
                if let Some(f) = top.filter(|f| f.args.is_some()) {
                    *consumed = true;
                    let call = call_text(Some(f.module), f.function, f.args.unwrap_or(&[]));
                    return format!("no function clause matching {call}{}", location(f));
                }
            }
            "undef" => {
                if let Some(f) = top {
                    *consumed = true;
                    return format!(
                        "undefined function {}:{}/{}",
                        quote_atom(f.module),
                        quote_atom(f.function),
                        f.arity
                    );
                }
            }
            _ => {}
        },
        _ => {
            let table: &[(&str, &str)] = &[
                ("badarg", "bad argument: "),
                ("badkey", "bad key: "),
                ("badmap", "bad map: "),
                ("badfun", "bad function "),
                ("badmatch", "no match of right hand side value "),
                ("case_clause", "no case clause matching "),
                ("try_clause", "no try clause matching "),
                ("bad_filter", "bad filter "),
                ("bad_generator", "bad generator "),
            ];
            for (tag, text) in table {
                if let Some(v) = tagged(tag) {
                    return format!("{text}{}", print_p(v));
                }
            }
            if let Some(PTerm::Tuple(fa)) = tagged("badarity") {
                if let [f, PTerm::List(args, None)] = fa.as_slice() {
                    let n = args.len();
                    let what = match n {
                        1 => "one argument".to_string(),
                        2 => "two arguments".to_string(),
                        _ => format!("{n} arguments"),
                    };
                    return format!("{} called with {what}", print_p(f));
                }
            }
        }
    }
    print_p(reason)
}

/// `** exception Class: ...` and the stack lines, each ending in `\n`
/// except the last.
pub fn format_exception(class: &str, reason: &PTerm, stack: &PTerm) -> String {
    let frames = frames(stack);
    let mut consumed = false;
    let head = if class == "error" {
        explain(reason, frames.first(), &mut consumed)
    } else {
        print_p(reason)
    };
    let mut out = format!("** exception {class}: {head}");
    if class != "error" {
        return out;
    }
    let rest = if consumed { &frames[1..] } else { &frames[..] };
    for (i, f) in rest.iter().enumerate() {
        if i == 0 && !consumed {
            match f.args {
                Some(args) if f.module == "erlang" && OPERATORS.contains(&f.function) => {
                    out.push_str(&format!("\n     in operator  {}/{}", f.function, f.arity));
                    let called = match args {
                        [x] => format!("{} {}", f.function, print_p(x)),
                        [a, b] => format!("{} {} {}", print_p(a), f.function, print_p(b)),
                        _ => call_text(None, f.function, args),
                    };
                    out.push_str(&format!("\n        called as {called}"));
                }
                Some(args) => {
                    out.push_str(&format!("\n     in function  {}{}", mfa(f), location(f)));
                    let module = (f.module != "erlang").then_some(f.module);
                    out.push_str(&format!(
                        "\n        called as {}",
                        call_text(module, f.function, args)
                    ));
                    if f.module == "erlang" {
                        for (n, why) in super::erts_errors::arg_errors(f.function, args) {
                            out.push_str(&format!("\n        *** argument {n}: {why}"));
                        }
                    }
                }
                None => out.push_str(&format!("\n     in function  {}{}", mfa(f), location(f))),
            }
        } else {
            out.push_str(&format!("\n     in call from {}{}", mfa(f), location(f)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(a: &str) -> PTerm {
        PTerm::Atom(a.into())
    }
    fn tuple(xs: Vec<PTerm>) -> PTerm {
        PTerm::Tuple(xs)
    }
    fn list(xs: Vec<PTerm>) -> PTerm {
        PTerm::List(xs, None)
    }
    fn string(s: &str) -> PTerm {
        list(s.chars().map(|c| PTerm::Int(c as i64)).collect())
    }
    fn loc(file: &str, line: i64) -> PTerm {
        list(vec![
            tuple(vec![atom("file"), string(file)]),
            tuple(vec![atom("line"), PTerm::Int(line)]),
        ])
    }

    /// Expected texts recorded from `erl` (OTP 25) shell sessions.
    #[test]
    fn as_the_erl_shell_prints_them() {
        let shell = tuple(vec![
            atom("$shell1"),
            atom("eval"),
            PTerm::Int(1),
            PTerm::Nil,
        ]);
        let plus = tuple(vec![
            atom("erlang"),
            atom("+"),
            list(vec![PTerm::Int(1), atom("a")]),
            PTerm::Nil,
        ]);
        let f = tuple(vec![atom("st"), atom("f"), PTerm::Int(1), loc("st.erl", 3)]);
        assert_eq!(
            format_exception("error", &atom("badarith"), &list(vec![plus, f, shell.clone()])),
            "** exception error: an error occurred when evaluating an arithmetic expression\n     in operator  +/2\n        called as 1 + a\n     in call from st:f/1 (st.erl, line 3)"
        );
        let h = tuple(vec![
            atom("st2"),
            atom("h"),
            PTerm::Int(1),
            loc("st2.erl", 4),
        ]);
        assert_eq!(
            format_exception(
                "error",
                &tuple(vec![atom("bad"), PTerm::Int(3)]),
                &list(vec![h, shell.clone()])
            ),
            "** exception error: {bad,3}\n     in function  st2:h/1 (st2.erl, line 4)"
        );
        let undef = tuple(vec![
            atom("lists"),
            atom("foo"),
            list(vec![PTerm::Int(1)]),
            PTerm::Nil,
        ]);
        assert_eq!(
            format_exception("error", &atom("undef"), &list(vec![undef, shell.clone()])),
            "** exception error: undefined function lists:foo/1"
        );
        let element = tuple(vec![
            atom("erlang"),
            atom("element"),
            list(vec![PTerm::Int(5), tuple(vec![PTerm::Int(1)])]),
            PTerm::Nil,
        ]);
        assert_eq!(
            format_exception("error", &atom("badarg"), &list(vec![element, shell.clone()])),
            "** exception error: bad argument\n     in function  element/2\n        called as element(5,{1})\n        *** argument 1: out of range"
        );
        let only_shell = list(vec![shell]);
        assert_eq!(
            format_exception(
                "error",
                &tuple(vec![atom("badmatch"), PTerm::Int(2)]),
                &only_shell
            ),
            "** exception error: no match of right hand side value 2"
        );
        assert_eq!(
            format_exception(
                "error",
                &tuple(vec![atom("case_clause"), PTerm::Int(3)]),
                &only_shell
            ),
            "** exception error: no case clause matching 3"
        );
        assert_eq!(
            format_exception("error", &atom("if_clause"), &only_shell),
            "** exception error: no true branch found when evaluating an if expression"
        );
        assert_eq!(
            format_exception(
                "throw",
                &tuple(vec![atom("a"), list(vec![PTerm::Int(1), PTerm::Int(2)])]),
                &only_shell
            ),
            "** exception throw: {a,[1,2]}"
        );
        assert_eq!(
            format_exception("exit", &atom("bye"), &only_shell),
            "** exception exit: bye"
        );
    }
}
