//! `eubeam test` on Lua files (the driver `lua_test_driver` and the
//! busted-compatible library `frontends/lua/lib/busted.lua`) against what
//! busted 2.1.1 prints for the same spec files
//! (`tests/test_frameworks/busted/`, see its README), and plain
//! `*_test.lua` scripts against lua5.4.

mod common;

use std::path::PathBuf;

use common::{eubeam, repo_root, run, Run};

fn fixtures() -> PathBuf {
    repo_root().join("tests/test_frameworks/busted")
}

/// `eubeam test ARGS...` in the fixture folder (paths relative to it, as
/// when busted was recorded).
fn eubeam_test(args: &[&str]) -> Run {
    run(eubeam().current_dir(fixtures()).arg("test").args(args))
}

/// The last line of the output (the CLI's summary) and what comes before.
fn split_summary(stdout: &str) -> (&str, &str) {
    let body = stdout.strip_suffix('\n').unwrap_or(stdout);
    match body.rfind('\n') {
        Some(i) => (&stdout[..i + 1], &body[i + 1..]),
        None => ("", body),
    }
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

/// The CLI's summary line for busted's summary line: successes passed,
/// failures + errors failed, pending skipped.
fn summary_of(busted: &str) -> String {
    let line = busted
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
        [s, f, e, 0] => format!("{s} passed, {} failed", f + e),
        [s, f, e, p] => format!("{s} passed, {} failed, {p} skipped", f + e),
        _ => String::from("?"),
    }
}

fn check_spec(args: &[&str], expected_file: &str) -> Result<(), String> {
    let expected = std::fs::read_to_string(fixtures().join(expected_file))
        .map_err(|e| format!("{expected_file}: {e}"))?;
    let r = eubeam_test(args);
    let (output, summary) = split_summary(&r.stdout);
    let mut problems = Vec::new();
    if normalise(output) != normalise(&expected) {
        problems.push(format!(
            "stdout differs\n--- expected\n{expected}\n--- got\n{}",
            r.stdout
        ));
    }
    let want = summary_of(&expected);
    if summary != want {
        problems.push(format!("summary {summary:?}, expected {want:?}"));
    }
    let status = if want.contains(" 0 failed") { 0 } else { 1 };
    if r.status != Some(status) {
        problems.push(format!("exit {:?}, expected {status}", r.status));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{args:?}: {}\nstderr: {}",
            problems.join("\n"),
            r.stderr
        ))
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
    // busted's `busted spec`: the files in sorted order, one report
    if let Err(e) = check_spec(&["spec"], "all.expected") {
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
        let r = eubeam_test(&[&file]);
        let (output, summary) = split_summary(&r.stdout);
        let (want, status) = if exit.trim() == "0" {
            ("1 passed, 0 failed", 0)
        } else {
            ("0 passed, 1 failed", 1)
        };
        if output != stdout {
            failures.push(format!("{file}: stdout {output:?}, expected {stdout:?}"));
        }
        let first = r.stderr.lines().next().unwrap_or_default();
        if first != stderr.lines().next().unwrap_or_default() {
            failures.push(format!(
                "{file}: stderr {:?}, expected {stderr:?}",
                r.stderr
            ));
        }
        if summary != want || r.status != Some(status) {
            failures.push(format!(
                "{file}: {summary:?} exit {:?}, expected {want:?} exit {status}",
                r.status
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn filter_keeps_matching_tests() {
    // `--filter` is a substring of the test's full name (busted's is a Lua
    // pattern); the others are not run and not counted.
    let r = eubeam_test(&["spec/calc_spec.lua", "--filter", "spies spy"]);
    let (output, summary) = split_summary(&r.stdout);
    assert_eq!(output.lines().next(), Some("++"), "{}", r.stdout);
    assert_eq!(summary, "2 passed, 0 failed", "{}", r.stdout);
    assert_eq!(r.status, Some(0));
}

#[test]
fn whole_folder_plain_scripts_then_specs() {
    // Discovery finds plain/*_test.lua and spec/*_spec.lua, in path order:
    // the plain scripts' own output, then busted's report of every spec.
    let r = eubeam_test(&["--lang", "lua"]);
    let (output, summary) = split_summary(&r.stdout);
    assert!(
        output.starts_with("checking\nbefore the failure\nfib(10) =\t55\n+++++++++..---"),
        "{}",
        r.stdout
    );
    assert_eq!(summary, "13 passed, 33 failed, 2 skipped", "{}", r.stdout);
    assert_eq!(r.status, Some(1));
}
