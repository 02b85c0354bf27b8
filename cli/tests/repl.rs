//! The Erlang REPL, driven through a pipe: prompts, bindings kept between
//! inputs, values printed with ~p, one shell process throughout.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::eubeam;

fn transcript(input: &str) -> (String, String) {
    let mut child = eubeam()
        .args(["repl", "--lang", "erlang"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start repl");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(input.as_bytes())
        .expect("write input");
    let out = child.wait_with_output().expect("repl output");
    assert!(out.status.success(), "repl exited {:?}", out.status);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bindings_persist_and_values_print_like_erl() {
    let (out, err) = transcript("X = 5.\nX + 1.\n[X, {ok, \"hi\"}].\n");
    assert!(
        out.contains("1> 5\n2> 6\n3> [5,{ok,\"hi\"}]\n4> "),
        "{out}\n{err}"
    );
}

#[test]
fn expressions_may_span_lines() {
    let (out, err) = transcript("Y =\n 7.\nY * 6.\n");
    assert!(out.contains("1> 7\n2> 42\n"), "{out}\n{err}");
}

#[test]
fn the_shell_is_one_process_with_a_mailbox() {
    let (out, err) = transcript("P = self().\nP ! hello.\nP =:= self().\nreceive M -> M end.\n");
    assert!(out.contains("3> true\n4> hello\n"), "{out}\n{err}");
}

#[test]
fn an_exception_keeps_the_shell_and_its_bindings() {
    let (out, err) = transcript("A = 1.\nA / 0.\nA + 1.\n");
    assert!(out.contains("** exception error"), "{out}\n{err}");
    assert!(out.contains("3> 2\n"), "{out}\n{err}");
}

/// A failed BIF names the blamed arguments as erl's shell does (the
/// expected text was recorded from erl 25 with the same input).
#[test]
fn bif_errors_name_the_bad_arguments() {
    let (out, err) = transcript("element(a, b).\nlist_to_integer(\"x\").\nmap_size(a).\n");
    for want in [
        "** exception error: bad argument\n     in function  element/2\n        called as element(a,b)\n        *** argument 1: not an integer\n        *** argument 2: not a tuple\n",
        "** exception error: bad argument\n     in function  list_to_integer/1\n        called as list_to_integer(\"x\")\n        *** argument 1: not a textual representation of an integer\n",
        "** exception error: bad map: a\n     in function  map_size/1\n        called as map_size(a)\n        *** argument 1: not a map\n",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}\n{err}");
    }
}
