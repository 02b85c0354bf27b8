//! The article's Erlang and LFE programs, verbatim (seed/actor-model-article.txt).

mod common;

use common::{eubeam, repo_root, run};

#[test]
fn squares_run_via_eval_prints_55() {
    let file = repo_root().join("examples/squares/main.erl");
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .arg("--eval")
        .arg("squares:run()."));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "55\n");
}

#[test]
fn eval_of_a_crashing_expression_exits_1() {
    let file = repo_root().join("examples/squares/main.erl");
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .arg("--eval")
        .arg("1 / erlang:length([])."));
    assert_eq!(
        r.status,
        Some(1),
        "stdout: {} stderr: {}",
        r.stdout,
        r.stderr
    );
    assert!(r.stderr.contains("exception error"), "{}", r.stderr);
}

/// The article's LFE program, verbatim (including its flat indentation).
const SQUARES_LFE: &str = "(defmodule squares
(export (run 0)))
(defun run ()
(let ((self (self)))
;; spawn one process per number; each sends (tuple n (* n n)) back.
(lists:foreach
(lambda (n)
(spawn (lambda () (! self (tuple n (* n n))))))
(lists:seq 1 5))
(collect 5 0)))
;; receive Count messages, summing the squares.
(defun collect
((0 sum) sum)
((count sum)
(receive
((tuple _n square) (collect (- count 1) (+ sum square))))))
;; (squares:run) => 55
";

#[test]
fn lfe_squares_run_via_eval_prints_55() {
    let dir = std::env::temp_dir().join(format!("eubeam-article-lfe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("squares.lfe");
    std::fs::write(&file, SQUARES_LFE).expect("write squares.lfe");
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .arg("--eval")
        .arg("(squares:run)"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "55\n");
}

/// The article's Gleam program, verbatim (typed `Subject(Int)`, spawn,
/// `process.receive(inbox, within: 1000)`). Expected output: 55, what the
/// article states and what the Erlang version run by `erl` prints.
#[test]
fn gleam_article_program_prints_55() {
    let file = repo_root().join("tests/gleam/article.gleam");
    let r = run(eubeam().arg("run").arg(&file));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "55\n");
}

#[test]
fn lua_squares_prints_55() {
    // The article's Lua program, verbatim (examples/squares/main.lua).
    let file = repo_root().join("examples/squares/main.lua");
    let r = run(eubeam().arg("run").arg(&file));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "55\n");
}
