//! `eubeam repl` driven through a pseudo-terminal (util-linux `script`
//! allocates it, so the line editor runs as for a user): bindings,
//! multi-line input, an error printed as erl prints it, `c/1`, `q()`.
//! Expected lines were recorded from an `erl` session with the same input.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::have_tool;

#[test]
fn erlang_shell_through_a_pty() {
    if !have_tool("script", "erlang_shell_through_a_pty") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("eubeam-pty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("st2.erl"),
        "-module(st2).\n-export([h/1]).\nh(X) -> erlang:error({bad, X}).\n",
    )
    .expect("write st2.erl");
    let clean = pty_session(
        &dir,
        &[
            "X = 1 +\r",
            "2.\r",
            "X * 10.\r",
            "1 + a.\r",
            "c(st2).\r",
            "st2:h(X).\r",
            "q().\r",
        ],
    );
    // From erl (OTP 25), same input: `3`, `30`, the badarith explanation
    // with `in operator  +/2` / `called as 1 + a`, `{ok,st2}`, and
    // `** exception error: {bad,3}` / `in function  st2:h/1 (st2.erl, line 3)`.
    for want in [
        "1> X = 1 +\n2.\n3\n",
        "2> X * 10.\n30\n",
        "3> 1 + a.\n** exception error: an error occurred when evaluating an arithmetic expression\n     in operator  +/2\n        called as 1 + a\n",
        "4> c(st2).\n{ok,st2}\n",
        "5> st2:h(X).\n** exception error: {bad,3}\n     in function  st2:h/1 (st2.erl, line 3)\n",
        "6> q().",
    ] {
        assert!(clean.contains(want), "missing {want:?} in:\n{clean}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `eubeam repl` in `dir` (also its HOME, so the history file is
/// there) through a pseudo-terminal, typing each of `keys` after a pause,
/// as a user would (typed-ahead input would be echoed by the terminal
/// before the editor takes it). Returns the output without terminal control
/// sequences and carriage returns.
fn pty_session(dir: &std::path::Path, keys: &[&str]) -> String {
    let mut child = Command::new("script")
        .args([
            "-qfec",
            &format!("{} repl", env!("CARGO_BIN_EXE_eubeam")),
            "/dev/null",
        ])
        .current_dir(dir)
        .env("HOME", dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start script");
    let mut stdin = child.stdin.take().expect("stdin");
    for key in keys {
        std::thread::sleep(Duration::from_millis(700));
        let _ = stdin.write_all(key.as_bytes());
        let _ = stdin.flush();
    }
    std::thread::sleep(Duration::from_millis(1500));
    drop(stdin);
    let out = child.wait_with_output().expect("script output");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut clean = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else if c != '\r' && c != '\u{7}' {
            clean.push(c);
        }
    }
    clean
}

/// The line editor shared by every language's shell: Tab completes module
/// names (`lis` → `lists:`) and functions (`lists:seq` → `seq(`, a second
/// Tab lists `seq/2 seq/3`), Up recalls the previous input, and the
/// history is kept in `$HOME/.eubeam_history_erlang` (one file per
/// language) for the next session.
#[test]
fn erlang_shell_completion_and_history() {
    if !have_tool("script", "erlang_shell_completion_and_history") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("eubeam-pty-hist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let up = "\u{1b}[A";
    let first = pty_session(
        &dir,
        &[
            "lis\t",
            "seq\t",
            "\t",
            "1, 3).\r",
            "2 + 40.\r",
            &format!("{up}\r"),
            "q().\r",
        ],
    );
    for want in [
        "seq/2",
        "seq/3",
        "1> lists:seq(1, 3).\n[1,2,3]\n",
        "2> 2 + 40.\n42\n",
        // Up recalled `2 + 40.`
        "3> 2 + 40.\n42\n",
    ] {
        assert!(first.contains(want), "missing {want:?} in:\n{first}");
    }
    // The next session starts with the last one's history.
    let second = pty_session(&dir, &[&format!("{up}{up}\r"), "q().\r"]);
    assert!(
        second.contains("1> 2 + 40.\n42\n"),
        "history not kept between runs:\n{second}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
