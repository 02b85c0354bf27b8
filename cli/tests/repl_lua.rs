//! The Lua REPL (`eubeam repl --lang lua`) through a pipe, and `--eval` for
//! Lua: what lua5.4 -i prints for the same lines (expressions, `= expr`,
//! `return`, errors), plus locals kept across lines (lua5.4 forgets them).

mod common;

use std::io::Write;
use std::process::Stdio;

use common::{eubeam, repo_root, run};

fn transcript(input: &str) -> String {
    let mut child = eubeam()
        .args(["repl", "--lang", "lua"])
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
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn expressions_statements_and_globals() {
    let out = transcript("x = 1 + 2\nx\n= x * 2\nreturn 5, 6\nprint('a', nil)\nnil\n2^53\n");
    assert!(
        out.contains("> > 3\n> 6\n> 5\t6\n> a\tnil\n> nil\n> 9.007199254741e+15\n> "),
        "{out}"
    );
}

#[test]
fn continuation_lines_and_locals() {
    let out = transcript("function f(a)\n  return a * 2\nend\nf(21)\nlocal y = 10\ny + f(1)\n");
    assert!(out.contains("> >> >> > 42\n> > 12\n"), "{out}");
}

#[test]
fn errors_are_shown_and_the_shell_goes_on() {
    let out = transcript("local k = 4\nerror('oops')\nerror({})\nfoo bar\nk\n");
    assert!(
        out.contains(
            "> stdin:1: oops\n> (error object is a table value)\n> stdin:1: syntax error near 'bar'\n> 4\n"
        ),
        "{out}"
    );
}

#[test]
fn eval_prints_results_and_fails_on_error() {
    let root = repo_root();
    let file = root.join("examples/squares/main.lua");
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .args(["--eval", "1 + 1, 'a' .. 2, 7 // 2.0"]));
    assert_eq!(r.stdout, "2\ta2\t3.0\n");
    assert_eq!(r.status, Some(0));
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .args(["--eval", "error('x')"]));
    assert_eq!(r.status, Some(1));
    assert!(r.stderr.contains("stdin:1: x"), "{}", r.stderr);
}

/// lua5.4 has no shell commands; eubeam's Lua shell takes `:help` and
/// `:quit` (which leaves before the input after it).
#[test]
fn shell_commands_help_and_quit() {
    let out = transcript(":help\n1 + 1\n:quit\n3\n");
    assert!(out.contains("> :help "), "{out}");
    assert!(out.contains(":quit "), "{out}");
    assert!(out.contains("> 2\n> "), "{out}");
    assert!(!out.contains("> 3"), "{out}");
}

/// `:load FILE` runs a file in the shell's state: its globals stay.
#[test]
fn load_runs_a_file_in_the_shell_state() {
    let dir = std::env::temp_dir().join(format!("eubeam_lua_cmds_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("s.lua");
    std::fs::write(&file, "x = 41\nfunction inc(n) return n + 1 end\n").expect("write s.lua");
    let out = transcript(&format!(":load {}\nprint(inc(x))\n", file.display()));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.contains("> > 42\n"), "{out}");
}
