use super::*;

fn pp(src: &str) -> (String, Vec<String>) {
    let toks = parser::tokenize(src, "t.erl");
    let (out, diags) = preprocess(toks.tokens, "t.erl", src);
    (
        macros::tokens_text(&out),
        diags.into_iter().map(|d| d.message).collect(),
    )
}

#[test]
fn simple_and_parameterised_macros() {
    let (out, d) = pp("-module(m).\n-define(X, 1 + 2).\n-define(F(A, B), {A, B}).\n-define(F(A), [A]).\nf() -> ?X * ?F(a, ?X), ?F(z).\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        out,
        "- module ( m ) . f ( ) -> 1 + 2 * { a , 1 + 2 } , [ z ] ."
    );
}

#[test]
fn predefined_macros() {
    let (out, d) = pp("-module(m).\nf(A, {B, C}) ->\n {?MODULE, ?MODULE_STRING, ?LINE, ?FUNCTION_NAME, ?FUNCTION_ARITY, ?FILE}.\n");
    assert!(d.is_empty(), "{d:?}");
    assert!(
        out.ends_with("{ m , \"m\" , 3 , f , 2 , \"t.erl\" } ."),
        "{out}"
    );
}

#[test]
fn stringify_argument() {
    let (out, d) = pp("-module(m).\n-define(S(E), {??E, E}).\nf() -> ?S(foo(1, \"x\")).\n");
    assert!(d.is_empty(), "{d:?}");
    assert!(
        out.contains("{ \"foo ( 1 , \\\"x\\\" )\" , foo ( 1 , \"x\" ) }"),
        "{out}"
    );
}

#[test]
fn conditionals() {
    let src = "-module(m).\n-define(A, 1).\n-ifdef(A).\na() -> 1.\n-else.\na() -> 2.\n-endif.\n\
               -ifndef(A).\nb() -> 1.\n-endif.\n-if(?A > 0 andalso not defined(B)).\nc() -> 1.\n\
               -elif(true).\nc() -> 2.\n-else.\nc() -> 3.\n-endif.\n-undef(A).\n-ifdef(A).\nd() -> ?UNDEFINED.\n-endif.\n";
    let (out, d) = pp(src);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(out, "- module ( m ) . a ( ) -> 1 . c ( ) -> 1 .");
}

#[test]
fn errors() {
    let (_, d) = pp("-module(m).\nf() -> ?NOPE.\n");
    assert_eq!(d, ["undefined macro 'NOPE'"]);
    let (_, d) = pp("-module(m).\n-define(F(X), X).\nf() -> ?F(1, 2).\n");
    assert_eq!(d, ["undefined macro 'F/2'"]);
    let (_, d) = pp("-module(m).\n-define(X, 1).\n-define(X, 2).\n");
    assert_eq!(d, ["redefining macro 'X'"]);
    let (_, d) = pp("-module(m).\n-define(LINE, 1).\n");
    assert_eq!(d, ["redefining predefined macro 'LINE'"]);
    let (_, d) = pp("-module(m).\n-ifdef(X).\n");
    assert_eq!(d, ["unterminated '-ifdef'"]);
    let (_, d) = pp("-module(m).\n-endif.\n");
    assert_eq!(d, ["unbalanced '-endif'"]);
    let (_, d) = pp("-module(m).\n-define(L, ?L).\nf() -> ?L.\n");
    assert_eq!(d, ["circular macro 'L'"]);
    let (_, d) = pp("-module(m).\n-include(\"no_such_file.hrl\").\n");
    assert_eq!(d, ["can't find include \"no_such_file.hrl\""]);
    let (_, d) = pp("-module(m).\n-error(\"stop\").\n");
    assert_eq!(d, ["-error(\"stop\")."]);
}

#[test]
fn include_lib_of_an_otp_application() {
    if otp_lib_dir().is_none() {
        return;
    }
    let (out, d) = pp("-module(m).\n-include_lib(\"kernel/include/file.hrl\").\n");
    if d.iter().any(|m| m.starts_with("can't find")) {
        return; // no OTP headers installed here
    }
    assert!(d.is_empty(), "{d:?}");
    assert!(out.contains("- record ( file_info"), "{out}");
}
