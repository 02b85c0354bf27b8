//! ExUnit (issue 13): every `*_test.exs` in tests/test_frameworks/exunit/
//! run with `eubeam run` prints what `elixir file_test.exs` printed
//! (recorded in `<name>.expected`) and exits with the status in
//! `<name>.exit` (0 when absent). Timings, random seeds and Logger's
//! timestamps are normalised on both sides (see the fixture README).

mod common;

use std::path::Path;

use common::{eubeam, repo_root, run};

/// `Finished in ...` and `Randomized with seed N` lines, whose numbers vary
/// from run to run, reduced to their constant part.
fn normalise(out: &str) -> String {
    out.lines()
        .map(|l| {
            if l.starts_with("Finished in ") {
                "Finished in <TIME>".to_string()
            } else if l.starts_with("Randomized with seed ") {
                "Randomized with seed <SEED>".to_string()
            } else {
                untimed(l)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Logger's `hh:mm:ss.mmm ` timestamps (in captured logs) as `<HH:MM:SS> `.
fn untimed(line: &str) -> String {
    let b = line.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let stamp = i + 13 <= b.len()
            && b[i + 2] == b':'
            && b[i + 5] == b':'
            && b[i + 8] == b'.'
            && b[i + 12] == b' '
            && [0, 1, 3, 4, 6, 7, 9, 10, 11]
                .iter()
                .all(|&k| b[i + k].is_ascii_digit());
        if stamp {
            out.push_str("<HH:MM:SS> ");
            i += 13;
        } else {
            let c = line[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn fixture_dir() -> std::path::PathBuf {
    repo_root().join("tests/test_frameworks/exunit")
}

fn read_opt(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

#[test]
fn exunit_scripts_print_what_elixir_prints() {
    let dir = fixture_dir();
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/test_frameworks/exunit exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("_test.exs"))
        .collect();
    sources.sort();
    assert!(sources.len() >= 3, "too few fixtures in {}", dir.display());
    let mut failures = Vec::new();
    for src in &sources {
        let name = src.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Run from the fixture folder with a relative path, as recorded.
        let r = run(eubeam().current_dir(&dir).arg("run").arg(name));
        let want_exit: i32 = read_opt(&src.with_extension("exit"))
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let expected = read_opt(&src.with_extension("expected")).unwrap_or_default();
        if r.status != Some(want_exit) {
            failures.push(format!(
                "{name}: exit {:?}, expected {want_exit}\nstdout:\n{}\nstderr:\n{}",
                r.status, r.stdout, r.stderr
            ));
        } else if normalise(&r.stdout) != normalise(&expected) {
            failures.push(format!(
                "{name}: stdout differs\n--- expected ---\n{expected}\n--- got ---\n{}\n--- stderr ---\n{}",
                r.stdout, r.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_script_that_raises_before_the_tests_exits_1_without_running_them() {
    let dir = std::env::temp_dir().join(format!("eubeam_exunit_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("boom_test.exs");
    std::fs::write(
        &file,
        "ExUnit.start()\n\
         defmodule BoomTest do\n  use ExUnit.Case\n  test \"t\", do: assert false\nend\n\
         raise \"boom\"\n",
    )
    .expect("write fixture");
    let r = run(eubeam().arg("run").arg(&file));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(r.status, Some(1), "stderr: {}", r.stderr);
    assert!(r.stderr.contains("** (RuntimeError) boom"), "{}", r.stderr);
    assert!(!r.stdout.contains("tests,"), "tests ran: {}", r.stdout);
}

/// Lines holding only progress marks (`.`, `*`, `?`) emptied, and the marks
/// counted: async modules run at once, so where the marks fall between the
/// failures changes from run to run (in Elixir too), not how many there are.
fn without_progress(out: &str) -> (String, [usize; 3]) {
    let mut counts = [0; 3];
    let text = normalise(out)
        .lines()
        .map(|l| {
            if !l.is_empty() && l.chars().all(|c| matches!(c, '.' | '*' | '?')) {
                for c in l.chars() {
                    counts[match c {
                        '.' => 0,
                        '*' => 1,
                        _ => 2,
                    }] += 1;
                }
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    (text, counts)
}

/// `eubeam test` over the folder: one ExUnit run of every file, as
/// `elixir -r callbacks_test.exs -r failures_test.exs -r passing_test.exs
/// -e ''` printed it (suite.expected), then the CLI's summary line.
#[test]
fn eubeam_test_runs_the_folder_as_one_exunit_suite() {
    let dir = fixture_dir();
    let r = run(eubeam().current_dir(&dir).arg("test").arg("."));
    let expected = read_opt(&dir.join("suite.expected")).unwrap_or_default();
    assert_eq!(r.status, Some(1), "stderr: {}", r.stderr);
    let (got, got_marks) = without_progress(&r.stdout);
    let (want, want_marks) = without_progress(&expected);
    assert_eq!(
        got, want,
        "stdout differs\n--- got ---\n{}\n--- stderr ---\n{}",
        r.stdout, r.stderr
    );
    assert_eq!(
        got_marks, want_marks,
        "progress marks differ:\n{}",
        r.stdout
    );
}

#[test]
fn eubeam_test_filter_keeps_the_tests_whose_name_contains_it() {
    let dir = fixture_dir();
    let r = run(eubeam()
        .current_dir(&dir)
        .args(["test", ".", "--filter", "push/2"]));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert!(r.stdout.contains("\n2 tests, 0 failures\n"), "{}", r.stdout);
    assert!(r.stdout.ends_with("2 passed, 0 failed\n"), "{}", r.stdout);
}

/// Doctests: `eubeam test . --seed 0` over a Mix-shaped project prints what
/// `mix test --seed 0` printed (tests/test_frameworks/exunit_doctest).
#[test]
fn doctests_run_as_mix_test_runs_them() {
    let dir = repo_root().join("tests/test_frameworks/exunit_doctest");
    let r = run(eubeam()
        .current_dir(&dir)
        .args(["test", ".", "--seed", "0"]));
    let expected = read_opt(&dir.join("suite.expected")).unwrap_or_default();
    assert_eq!(r.status, Some(1), "stderr: {}", r.stderr);
    assert_eq!(
        normalise(&r.stdout),
        normalise(&expected),
        "stdout differs\n--- got ---\n{}\n--- stderr ---\n{}",
        r.stdout,
        r.stderr
    );
}
