//! gleeunit on eubeam: the project in tests/test_frameworks/gleeunit/ (see
//! its README for where each expected line comes from) run through
//! `gleeunit.main()` and through `eubeam test`, with its output and exit status compared to what
//! gleeunit 1.9.0 prints on the Erlang target; and the `should` functions
//! type-checked with their real signatures.

mod common;

use std::path::PathBuf;

use common::{eubeam, repo_root, run};

fn project() -> PathBuf {
    repo_root().join("tests/test_frameworks/gleeunit")
}

/// An expected-output file, whose escape characters are written `\e` so
/// that the file stays readable.
fn expected(name: &str) -> String {
    let text = std::fs::read_to_string(project().join(name)).expect("expected output exists");
    text.replace("\\e", "\u{1b}")
}

#[test]
fn gleeunit_main_runs_the_tests_under_test_and_reports_as_gleeunit() {
    let r = run(eubeam()
        .current_dir(project())
        .arg("run")
        .arg("test/shapes_test.gleam"));
    assert_eq!(
        r.stdout,
        expected("expected_run.txt"),
        "stderr:\n{}",
        r.stderr
    );
    // gleeunit halts with 1 when a test failed.
    assert_eq!(r.status, Some(1), "stderr:\n{}", r.stderr);
}

#[test]
fn eubeam_test_runs_the_project_through_the_gleeunit_driver() {
    let r = run(eubeam().arg("test").arg(project()));
    let want = format!("{}9 passed, 20 failed\n", expected("expected_run.txt"));
    assert_eq!(r.stdout, want, "stderr:\n{}", r.stderr);
    assert_eq!(r.status, Some(1), "stderr:\n{}", r.stderr);
}

#[test]
fn eubeam_test_filter_and_json() {
    let r = run(eubeam()
        .arg("test")
        .arg(project())
        .args(["--filter", "area", "--json"]));
    // The three `area` tests pass and one fails; the frameworks' output
    // goes to stderr under --json.
    assert_eq!(r.status, Some(1), "stderr:\n{}", r.stderr);
    assert!(
        r.stdout
            .contains(r#""gleam":{"passed":2,"failed":1,"skipped":0}"#),
        "stdout:\n{}\nstderr:\n{}",
        r.stdout,
        r.stderr
    );
    assert!(r
        .stderr
        .contains("nested@geometry_test.square_area_fails_test"));
    assert!(r.stderr.contains("2 passed, 1 failures"));

    let r = run(eubeam()
        .arg("test")
        .arg(project())
        .args(["--filter", "passes"]));
    // assert_passes_test and returning_a_value_passes_test.
    assert_eq!(r.status, Some(0), "stderr:\n{}", r.stderr);
    let plain = r.stdout.replace("\u{1b}[32m", "").replace("\u{1b}[39m", "");
    assert_eq!(plain, "..\n2 passed, no failures\n2 passed, 0 failed\n");
}

#[test]
fn should_functions_have_their_real_types() {
    let dir = std::env::temp_dir().join(format!("eubeam-gleeunit-types-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("types_test.gleam");
    std::fs::write(
        &file,
        "import gleeunit/should\n\npub fn mixed_test() {\n  1 |> should.equal(\"one\")\n}\n\npub fn be_ok_test() {\n  let x: Int = should.be_ok(Error(1))\n  x + 1\n}\n",
    )
    .expect("write test file");
    let r = run(eubeam().arg("check").arg(&file));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        r.status,
        Some(2),
        "stdout:\n{}\nstderr:\n{}",
        r.stdout,
        r.stderr
    );
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(all.contains("Type mismatch"), "{all}");
    assert!(all.contains("Expected type:"), "{all}");
    assert!(all.contains("String"), "{all}");
    // be_ok(Error(1)) with an Int annotation is fine: `be_ok` returns the
    // Ok type, which is unconstrained; only the first test is an error.
    assert!(all.contains(":4:"), "{all}");
    assert!(!all.contains(":8:"), "{all}");
}
