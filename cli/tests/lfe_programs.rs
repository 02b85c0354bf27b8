//! Runs every LFE test program in `tests/lfe/` (see its README):
//! `<name>.lfe` must print `<name>.expected`. The expected output was
//! recorded from the real Erlang/OTP running `<name>.erl`, the same program
//! written in Erlang, or, where a file has no `.erl` twin, from the real
//! LFE built from source (`record-lfe.sh`) or LFE's documented output (the
//! program's header comment says which).

mod common;

use common::{eubeam, repo_root, run};

#[test]
fn every_lfe_program_prints_what_was_recorded() {
    let dir = repo_root().join("tests/lfe");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/lfe exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "lfe"))
        .collect();
    sources.sort();
    assert!(sources.len() >= 10, "too few programs in {}", dir.display());
    let mut failures = Vec::new();
    for src in &sources {
        let expected = std::fs::read_to_string(src.with_extension("expected"))
            .unwrap_or_else(|_| panic!("{} has no .expected", src.display()));
        let r = run(eubeam().arg("run").arg(src));
        if r.status != Some(0) || r.stdout != expected {
            failures.push(format!(
                "{}: exit {:?}\n--- expected ---\n{expected}--- got ---\n{}--- stderr ---\n{}",
                src.display(),
                r.status,
                r.stdout,
                r.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The `.erl` twins are Erlang programs too: they must print the same
/// through eubeam's Erlang frontend (a check of the recording itself).
#[test]
fn the_erlang_twins_agree() {
    let dir = repo_root().join("tests/lfe");
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/lfe exists").flatten() {
        let p = entry.path();
        if p.extension().is_none_or(|e| e != "erl") {
            continue;
        }
        let expected = std::fs::read_to_string(p.with_extension("expected")).unwrap_or_default();
        let r = run(eubeam().arg("run").arg(&p));
        if r.stdout != expected {
            failures.push(format!("{}:\n{}{}", p.display(), r.stdout, r.stderr));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Errors are diagnostics with the source position, never a panic.
#[test]
fn errors_are_diagnostics() {
    let dir = std::env::temp_dir().join(format!("eubeam-lfe-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases = [
        ("unbound.lfe", "(defmodule unbound (export (f 0)))\n(defun f () x)\n", "unbound symbol x"),
        ("unclosed.lfe", "(defmodule unclosed (export (f 0)))\n(defun f () (list 1 2)\n", "end of input inside a list"),
        ("undef.lfe", "(defmodule undef (export (f 0)))\n(defun f () (g 1))\n", "undefined function g/1"),
        ("deep.lfe", &format!("(defmodule deep)\n(defun f () {}1{})\n", "(list ".repeat(3000), ")".repeat(3000)), "nested too deeply"),
        ("nyi.lfe", "(defmodule nyi (export (f 0)))\n(defun f () (let-macro ((m (lambda () 1))) (m)))\n", "not supported yet"),
        ("tq.lfe", "(defmodule tq)\n(defun f () \"\"\"abc\n  \"\"\")\n", "tq.lfe:2:16: error: bad format of triple-quoted string"),
        ("macrofun.lfe", "(defmodule macrofun (export (f 0)))\n(defmacro m () (lambda (x) x))\n(defun f () (m))\n", "not supported yet: a fun in a macro's expansion"),
        ("macro.lfe", "(defmodule macro (export (f 0)))\n(defmacro m (x) (io:format \"~p\" x))\n(defun f () (m 1))\n", "not supported yet"),
    ];
    for (name, src, want) in cases {
        let file = dir.join(name);
        std::fs::write(&file, src).expect("write");
        let r = run(eubeam().arg("check").arg(&file));
        assert_eq!(r.status, Some(2), "{name}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr.contains(want),
            "{name}: wanted {want:?} in\n{}",
            r.stderr
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
