//! EUnit on eubeam: the modules in tests/test_frameworks/eunit/ (see its
//! README for how each expected file was recorded from erl) run through
//! `eubeam test` and through `eunit:test/1,2` called from user code, with
//! the output compared to OTP's EUnit 2.8.1 byte for byte once timings are
//! normalised; plus the CLI's exit status, `--filter`, `--json`, `--lang`,
//! compile errors and a test past its timeout.

mod common;

use std::path::PathBuf;

use common::{eubeam, repo_root, run};

fn fixture() -> PathBuf {
    repo_root().join("tests/test_frameworks/eunit")
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(fixture().join("expected").join(name)).expect("expected output exists")
}

/// Timings are the only thing normalised: `[done in 0.006 s]` lines go,
/// `[0.003 s] ok` becomes `ok` (EUnit prints a time only when it is at
/// least a millisecond).
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with("[done in ") && t.ends_with(" s]") {
            continue;
        }
        let mut l = line.to_string();
        if let Some(open) = l.rfind("...[") {
            if let Some(close) = l[open..].find(" s] ok") {
                l.replace_range(open + 3..open + close + 4, "");
            }
        }
        out.push_str(&l);
    }
    out
}

const MODULES: &[&str] = &[
    "asserts_tests",
    "basic_tests",
    "calc_tests",
    "fixtures_tests",
    "wrong_tests",
];

#[test]
fn eubeam_test_prints_what_eunit_prints_for_the_folder() {
    let r = run(eubeam().current_dir(fixture()).arg("test"));
    assert_eq!(
        normalise(&r.stdout),
        normalise(&expected("eubeam_test.txt")),
        "stderr:\n{}",
        r.stderr
    );
    assert_eq!(r.status, Some(1), "stderr:\n{}", r.stderr);
}

#[test]
fn eunit_test_called_from_user_code_prints_as_otp() {
    for m in MODULES {
        for (opts, file) in [
            ("", format!("{m}.txt")),
            (", [verbose]", format!("{m}.verbose.txt")),
        ] {
            let r = run(eubeam().current_dir(fixture()).args([
                "run",
                &format!("{m}.erl"),
                "calc.erl",
                "--eval",
                &format!("eunit:test({m}{opts})."),
            ]));
            assert_eq!(
                normalise(&r.stdout),
                normalise(&expected(&file)),
                "{file}; stderr:\n{}",
                r.stderr
            );
        }
    }
}

#[test]
fn a_passing_module_exits_0_and_the_filter_keeps_matching_tests() {
    let r = run(eubeam()
        .current_dir(fixture())
        .args(["test", "basic_tests.erl"]));
    assert_eq!(r.stdout, "  All 6 tests passed.\n6 passed, 0 failed\n");
    assert_eq!(r.status, Some(0), "stderr:\n{}", r.stderr);

    // Test and generator functions whose name contains the filter; the
    // module under test is still compiled along.
    let r = run(eubeam()
        .current_dir(fixture())
        .args(["test", "--filter", "divide", "--lang", "erlang", "."]));
    assert_eq!(
        r.stdout, "  All 3 tests passed.\n3 passed, 0 failed\n",
        "stderr:\n{}",
        r.stderr
    );
    assert_eq!(r.status, Some(0));
    let r = run(eubeam().current_dir(fixture()).args([
        "test",
        "--filter",
        "parse_bad",
        "calc_tests.erl",
    ]));
    assert!(
        r.stdout
            .starts_with("calc_tests: parse_bad_test (module 'calc_tests')...*failed*\n"),
        "stdout:\n{}\nstderr:\n{}",
        r.stdout,
        r.stderr
    );
    assert!(r
        .stdout
        .ends_with("  Failed: 1.  Skipped: 0.  Passed: 0.\n0 passed, 1 failed\n"));
    assert_eq!(r.status, Some(1));
}

#[test]
fn json_counts_per_language_and_eunit_output_on_stderr() {
    let r = run(eubeam().current_dir(fixture()).args([
        "test",
        "--json",
        "--seed",
        "7",
        "calc_tests.erl",
        "basic_tests.erl",
    ]));
    assert_eq!(
        r.stdout,
        "{\"languages\":{\"erlang\":{\"passed\":11,\"failed\":1,\"skipped\":0}},\
         \"passed\":11,\"failed\":1,\"skipped\":0,\"seed\":7}\n"
    );
    assert!(r.stderr.contains("calc_tests: parse_bad_test...*failed*"));
    assert_eq!(r.status, Some(1));
}

#[test]
fn a_compile_error_exits_2_without_running_tests() {
    let dir = std::env::temp_dir().join(format!("eubeam_eunit_bad_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("broken_tests.erl"),
        "-module(broken_tests).\n-include_lib(\"eunit/include/eunit.hrl\").\nx_test() -> ?assertEqual(1.\n",
    )
    .expect("write");
    let r = run(eubeam().arg("test").arg(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.status, Some(2), "stderr:\n{}", r.stderr);
    assert!(
        r.stderr.contains("broken_tests.erl"),
        "stderr:\n{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
}

#[test]
fn a_test_past_its_timeout_cancels_the_run() {
    let dir = repo_root().join("tests/test_frameworks/eunit_timeout");
    let r = run(eubeam().current_dir(&dir).arg("test"));
    // OTP prints the killed process's stack after `*timed out*`; eubeam
    // cannot read it (see the fixture's README).
    let recorded = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let want: String = recorded
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("in function ") && !l.starts_with("in call from "))
        .collect();
    assert_eq!(
        r.stdout,
        format!("{want}1 passed, 1 failed\n"),
        "stderr:\n{}",
        r.stderr
    );
    assert_eq!(r.status, Some(1));
}

#[test]
fn tests_run_in_their_groups_process() {
    let dir = repo_root().join("tests/test_frameworks/eunit_process");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("expected file");
    let r = run(eubeam().current_dir(&dir).arg("test"));
    assert_eq!(
        r.stdout,
        format!("{}3 passed, 1 failed\n", read("expected.txt")),
        "stderr:\n{}",
        r.stderr
    );
    assert_eq!(r.status, Some(1));
    let r = run(eubeam().current_dir(&dir).args([
        "run",
        "process_tests.erl",
        "--eval",
        "eunit:test(process_tests, [verbose]).",
    ]));
    assert_eq!(
        normalise(&r.stdout),
        normalise(&format!("{}error\n", read("expected.verbose.txt"))),
        "stderr:\n{}",
        r.stderr
    );
}
