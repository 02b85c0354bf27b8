//! `eubeam test` over whole trees: examples/ (whose tests all pass), the
//! mixed folder tests/test_frameworks/mixed/ (tests in all five languages,
//! one summary), and every framework fixture of tests/test_frameworks/ in
//! one run.

mod common;

use common::{eubeam, repo_root, run};

#[test]
fn the_examples_tests_pass() {
    let r = run(eubeam().arg("test").arg(repo_root().join("examples")));
    assert_eq!(
        r.stdout, "  All 5 tests passed.\n5 passed, 0 failed\n",
        "stderr:\n{}",
        r.stderr
    );
    assert_eq!(r.status, Some(0), "stderr:\n{}", r.stderr);
}

#[test]
fn a_mixed_folder_runs_every_language_with_one_summary() {
    let dir = repo_root().join("tests/test_frameworks/mixed");
    let r = run(eubeam().current_dir(&dir).arg("test"));
    assert_eq!(r.status, Some(1), "stderr:\n{}", r.stderr);
    assert!(
        r.stdout.ends_with("\n10 passed, 5 failed\n"),
        "stdout:\n{}",
        r.stdout
    );
    // Each framework's own report of its failing test, in the drivers'
    // order: Erlang, Elixir, Gleam, LFE, Lua.
    let marks = [
        "erlang_tests: fails_test...*failed*",
        "  1) test fails (MixedElixirTest)",
        " test\u{1b}[39m: mixed_test.fails_test",
        "mixed-tests: fails_test...*failed*",
        "Failure -> spec/mixed_spec.lua @ 16",
    ];
    let mut at = 0;
    for m in marks {
        let found = r.stdout[at..].find(m);
        assert!(found.is_some(), "{m:?} after byte {at} in:\n{}", r.stdout);
        at += found.unwrap_or(0) + m.len();
    }

    let r = run(eubeam().current_dir(&dir).args(["test", "--json"]));
    let each = r#"{"passed":2,"failed":1,"skipped":0}"#;
    assert_eq!(
        r.stdout,
        format!(
            "{{\"languages\":{{\"erlang\":{each},\"elixir\":{each},\"gleam\":{each},\
             \"lfe\":{each},\"lua\":{each}}},\"passed\":10,\"failed\":5,\"skipped\":0,\
             \"seed\":{}}}\n",
            seed_of(&r.stdout)
        )
    );

    let r = run(eubeam().current_dir(&dir).args(["test", "--lang", "lua"]));
    assert!(
        r.stdout.ends_with("\n2 passed, 1 failed\n"),
        "stdout:\n{}",
        r.stdout
    );
    let r = run(eubeam().current_dir(&dir).args(["test", "--filter", "sum"]));
    assert!(
        r.stdout.ends_with("\n5 passed, 0 failed\n"),
        "stdout:\n{}",
        r.stderr
    );
    assert_eq!(r.status, Some(0));
}

/// The random seed in a `--json` line.
fn seed_of(json: &str) -> String {
    json.rsplit("\"seed\":")
        .next()
        .unwrap_or("")
        .trim_end()
        .trim_end_matches('}')
        .to_string()
}

#[test]
fn every_framework_fixture_runs_in_one_vm() {
    // The fixtures fail on purpose; what matters here is that every
    // language's driver runs and reports (none crashes) and the command
    // exits 1.
    let r = run(eubeam()
        .arg("test")
        .arg(repo_root().join("tests/test_frameworks"))
        .arg("--json"));
    assert_eq!(r.status, Some(1), "stderr:\n{}", r.stderr);
    for lang in ["erlang", "elixir", "gleam", "lfe", "lua"] {
        assert!(
            r.stdout.contains(&format!("\"{lang}\":{{\"passed\":")),
            "{lang}: {}",
            r.stdout
        );
    }
    assert!(
        !r.stderr.contains("test driver crashed"),
        "stderr:\n{}",
        r.stderr
    );
}
