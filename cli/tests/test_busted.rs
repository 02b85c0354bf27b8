//! The busted-compatible Lua test framework (`eubeam test`'s Lua driver,
//! `frontends/lua/lib/busted.lua`) against what busted 2.1.1 prints for
//! the same spec files (`tests/test_frameworks/busted/`, see its README),
//! and plain `*_test.lua` scripts against lua5.4.

mod common;

use std::path::PathBuf;

use common::{eubeam, repo_root, run, Run};

fn fixtures() -> PathBuf {
    repo_root().join("tests/test_frameworks/busted")
}

/// Run the Lua driver over `files` (paths relative to the fixture folder,
/// which is the current directory, as when busted was recorded).
fn run_driver(files: &[&str]) -> Run {
    run(eubeam()
        .current_dir(fixtures())
        .arg("run")
        .arg("run_driver.erl")
        .args(files)
        .arg("--")
        .args(files))
}

/// Timings and table addresses vary from run to run: `0x` + hex digits
/// becomes `0xADDR`, the summary line's seconds `T`.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let line = match line.find(" pending : ") {
            Some(i) if line.trim_end().ends_with(" seconds") => {
                let nl = if line.ends_with('\n') { "\n" } else { "" };
                format!("{} pending : T seconds{nl}", &line[..i])
            }
            _ => line.to_string(),
        };
        let mut rest = line.as_str();
        while let Some(i) = rest.find("0x") {
            out.push_str(&rest[..i + 2]);
            rest = &rest[i + 2..];
            let n = rest
                .find(|c: char| !c.is_ascii_hexdigit())
                .unwrap_or(rest.len());
            if n > 0 {
                out.push_str("ADDR");
            }
            rest = &rest[n..];
        }
        out.push_str(rest);
    }
    out
}

/// `{Passed, Failed, Skipped}` from busted's summary line:
/// successes, failures + errors, pending.
fn counts_of(summary: &str) -> String {
    let line = summary
        .lines()
        .find(|l| l.ends_with(" seconds"))
        .unwrap_or_default();
    let n: Vec<u64> = line
        .split(" / ")
        .map(|part| {
            part.split_whitespace()
                .next()
                .and_then(|w| w.parse().ok())
                .unwrap_or(0)
        })
        .collect();
    match n.as_slice() {
        [s, f, e, p] => format!("{{{s},{},{p}}}", f + e),
        _ => String::from("?"),
    }
}

fn check_spec(files: &[&str], expected_file: &str) -> Result<(), String> {
    let expected = std::fs::read_to_string(fixtures().join(expected_file))
        .map_err(|e| format!("{expected_file}: {e}"))?;
    let r = run_driver(files);
    let mut problems = Vec::new();
    if normalise(&r.stdout) != normalise(&expected) {
        problems.push(format!(
            "stdout differs\n--- expected\n{expected}\n--- got\n{}",
            r.stdout
        ));
    }
    let counts = counts_of(&expected);
    if r.stderr.trim_end() != counts {
        problems.push(format!("driver returned {}, expected {counts}", r.stderr));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{files:?}: {}", problems.join("\n")))
    }
}

#[test]
fn each_spec_file_prints_what_busted_prints() {
    let mut failures = Vec::new();
    for name in ["calc", "failing", "hooks", "toplevel"] {
        let file = format!("spec/{name}_spec.lua");
        if let Err(e) = check_spec(&[&file], &format!("spec/{name}_spec.expected")) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn all_spec_files_in_one_run() {
    let files = [
        "spec/calc_spec.lua",
        "spec/failing_spec.lua",
        "spec/hooks_spec.lua",
        "spec/toplevel_spec.lua",
    ];
    if let Err(e) = check_spec(&files, "all.expected") {
        panic!("{e}");
    }
}

#[test]
fn plain_scripts_match_lua54() {
    let mut failures = Vec::new();
    for name in ["ok", "fail", "assert"] {
        let file = format!("plain/{name}_test.lua");
        let read = |ext: &str| {
            std::fs::read_to_string(fixtures().join(format!("plain/{name}_test.{ext}")))
                .unwrap_or_default()
        };
        let (stdout, stderr, exit) = (read("stdout"), read("stderr"), read("exit"));
        let r = run_driver(&[&file]);
        // The driver's result is the last line of stderr.
        let mut lines: Vec<&str> = r.stderr.lines().collect();
        let result = lines.pop().unwrap_or_default();
        let want = if exit.trim() == "0" {
            "{1,0,0}"
        } else {
            "{0,1,0}"
        };
        if r.stdout != stdout {
            failures.push(format!(
                "{file}: stdout {:?}, expected {stdout:?}",
                r.stdout
            ));
        }
        if lines.first().copied().unwrap_or_default() != stderr.lines().next().unwrap_or_default() {
            failures.push(format!(
                "{file}: stderr {:?}, expected {stderr:?}",
                r.stderr
            ));
        }
        if result != want {
            failures.push(format!("{file}: driver returned {result}, expected {want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn filter_keeps_matching_tests() {
    // `--filter` is a substring of the test's full name (busted's is a Lua
    // pattern); the others are not run and not counted.
    let r = run(eubeam()
        .current_dir(fixtures())
        .arg("run")
        .arg("filter_driver.erl")
        .arg("spec/calc_spec.lua")
        .arg("--")
        .arg("spec/calc_spec.lua"));
    assert_eq!(r.stdout.lines().next(), Some("++"), "{}", r.stdout);
    assert_eq!(r.stderr.trim_end(), "{2,0,0}", "{}", r.stdout);
}
