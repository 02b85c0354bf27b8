//! The article's Erlang programs, verbatim (seed/actor-model-article.txt).

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
