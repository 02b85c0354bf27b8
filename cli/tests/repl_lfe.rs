//! The LFE REPL, driven through a pipe: the `lfe> ` prompt, input read
//! until the brackets balance, `(set ...)` bindings kept (and rebindable)
//! between inputs, values printed in LFE syntax, one shell process.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::eubeam;

fn transcript(input: &str) -> (String, String) {
    let mut child = eubeam()
        .args(["repl", "--lang", "lfe"])
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
fn bindings_persist_and_values_print_like_lfe() {
    let (out, err) = transcript(
        "(set x 5)\n(+ x 1)\n(list x (tuple 'ok \"hi\") #\"bin\" (map 'a 1) '(a . b))\n",
    );
    assert!(
        out.contains("lfe> 5\nlfe> 6\nlfe> (5 #(ok \"hi\") #\"bin\" #M(a 1) (a . b))\nlfe> "),
        "{out}\n{err}"
    );
}

#[test]
fn input_is_read_until_the_brackets_balance_and_set_rebinds() {
    let (out, err) =
        transcript("(set (tuple a b)\n  (tuple 1\n 2))\n(+ a b)\n(set a 10)\n(* a b)\n");
    assert!(
        out.contains("lfe> #(1 2)\nlfe> 3\nlfe> 10\nlfe> 20\n"),
        "{out}\n{err}"
    );
}

#[test]
fn the_shell_is_one_process_with_a_mailbox() {
    let (out, err) = transcript("(set p (self))\n(! p 'hello)\n(=:= p (self))\n(receive (m m))\n");
    assert!(
        out.contains("lfe> hello\nlfe> true\nlfe> hello\n"),
        "{out}\n{err}"
    );
}

#[test]
fn an_exception_keeps_the_shell_and_its_bindings() {
    let (out, err) = transcript("(set a 1)\n(/ a 0)\n(+ a 1)\n");
    assert!(out.contains("** exception error"), "{out}\n{err}");
    assert!(out.contains("lfe> 2\n"), "{out}\n{err}");
}

/// `(flush)` prints the shell's messages as LFE's shell does (it runs
/// `c:flush()`: Erlang syntax) and returns `ok`; the output below is what
/// `erl` prints for `c:flush()` with the same mailbox.
#[test]
fn flush_prints_and_empties_the_mailbox() {
    let (out, err) = transcript("(! (self) 'a)\n(! (self) #(b 1))\n(flush)\n(flush)\n");
    assert!(
        out.contains("lfe> Shell got a\nShell got {b,1}\nok\nlfe> ok\n"),
        "{out}\n{err}"
    );
}

/// Values print as LFE's shell prints them: `lfe_io:prettyprint1(V, 30)`,
/// broken at 80 columns and cut at depth 30. Expected text recorded from
/// the real LFE's `lfe_io` (lfe/lfe 1d0de5e built with erlc).
#[test]
fn values_break_at_80_columns_and_stop_at_depth_30() {
    let (out, err) =
        transcript("(lists:seq 1 40)\n(tuple 'a (lists:seq 1 30) (map 'k (lists:seq 1 25)))\n");
    let expected =
        "lfe> (1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 ...)
lfe> #(a
  (1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 ...)
  #M(k
       (1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25)))
lfe> ";
    assert!(out.contains(expected), "{out}\n{err}");
}

/// `defun` and `defmacro` entered in the shell stay defined for later
/// inputs (a top-level `progn` may hold them); a definition prints its
/// name. Expected transcript recorded from the real LFE shell
/// (`lfe_shell:server()` of lfe/lfe 1d0de5e built with erlc).
#[test]
fn functions_and_macros_defined_in_the_shell_persist() {
    let (out, err) = transcript(
        "(defun fact (n) (if (== n 0) 1 (* n (fact (- n 1)))))\n(fact 20)\n\
         (defmacro twice (x) `(list ,x ,x))\n(twice (fact 3))\n\
         (progn (defun g () 1) (g))\n(g)\n",
    );
    let expected =
        "lfe> fact\nlfe> 2432902008176640000\nlfe> twice\nlfe> (6 6)\nlfe> 1\nlfe> 1\nlfe> ";
    assert!(out.contains(expected), "{out}\n{err}");
    // Pattern-clause defuns, redefinition, and a fun of a shell function.
    let (out, err) = transcript(
        "(defun f ((0) 'zero) ((n) (tuple n (h n))))\n(defun h (n) (* n 2))\n\
         (list (f 0) (f 5))\n(defun h (n) 'new)\n(f 1)\n(lists:map #'h/1 '(1 2))\n",
    );
    let expected =
        "lfe> f\nlfe> h\nlfe> (zero #(5 10))\nlfe> h\nlfe> #(1 new)\nlfe> (new new)\nlfe> ";
    assert!(out.contains(expected), "{out}\n{err}");
}

/// `(c "file.lfe")` compiles and loads an LFE file from the shell (the
/// extension may be left out); a missing file is reported and gives
/// `error`. Transcript recorded from the real LFE shell (`lfe_shell:server()`
/// of lfe/lfe 1d0de5e built with erlc), with the same file.
#[test]
fn c_compiles_and_loads_a_file() {
    let dir = std::env::temp_dir().join(format!("eubeam-lfe-c-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("cfact.lfe");
    std::fs::write(
        &file,
        "(defmodule cfact (export (fact 1)))\n(defun fact (n) (if (== n 0) 1 (* n (fact (- n 1)))))\n",
    )
    .expect("write cfact.lfe");
    let base = file.with_extension("");
    let missing = dir.join("nope.lfe");
    let (out, err) = transcript(&format!(
        "(c \"{}\")\n(cfact:fact 10)\n(c \"{}\")\n(c \"{}\")\n",
        file.display(),
        base.display(),
        missing.display()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let expected = format!(
        "lfe> (#(module cfact))\nlfe> 3628800\nlfe> (#(module cfact))\n\
         lfe> {}:none: no such file or directory\nerror\nlfe> ",
        missing.display()
    );
    assert!(out.contains(&expected), "{out}\n{err}");
}

/// LFE's shell functions: `(help)` keeps lfe_shell's lines for what this
/// shell has; `(pwd)`, `(cd dir)`, `(ls)` print as c:pwd/cd/ls and return
/// `ok`; `(q)` leaves.
#[test]
fn shell_functions_help_pwd_cd_ls_q() {
    let dir = std::env::temp_dir().join(format!("eubeam_lfe_cmds_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("a.lfe"),
        "(defmodule a (export (f 0)))\n(defun f () 'ok)\n",
    )
    .expect("write a.lfe");
    let d = dir.display();
    let (out, err) = transcript(&format!(
        "(help)\n(cd \"{d}\")\n(pwd)\n(ls)\n(c \"a\")\n(a:f)\n(exit)\n(+ 3 4)\n"
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for want in [
        "lfe> \nLFE shell built-in functions\n\n(c file)       -- compile and load code in <file>\n",
        "(exit)         -- quit - an alias for (q)\n(flush)        -- flush any messages sent to the shell\n",
        "(q)            -- quit - shorthand for init:stop/0\n",
        &format!("\nok\nlfe> {d}\nok\nlfe> {d}\nok\nlfe> a.lfe     \nok\nlfe> (#(module a))\nlfe> ok\nlfe> "),
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}\n{err}");
    }
    assert!(!out.contains("lfe> 7"), "{out}");
}
