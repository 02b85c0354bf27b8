//! `eubeam compare`: verdicts, diffs, exit statuses, JSON and `--oracle`.

mod common;

use common::{eubeam, have_tool, repo_root, run};

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("eubeam-compare-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

const ONE_TWO_THREE: &str =
    "-module(a).\n-export([main/0]).\nmain() -> io:format(\"1~n2~n3~n\").\n";

#[test]
fn differing_outputs_exit_1_with_a_unified_diff() {
    let dir = scratch("differ");
    let a = write(&dir, "a.erl", ONE_TWO_THREE);
    let b = write(
        &dir,
        "b.erl",
        "-module(b).\n-export([main/0]).\nmain() -> io:format(\"1~nx~n3~n\").\n",
    );
    let c = write(&dir, "c.erl", &ONE_TWO_THREE.replace("(a)", "(c)"));
    let r = run(eubeam()
        .arg("compare")
        .arg(&a)
        .arg(&b)
        .arg(&c)
        .env("NO_COLOR", "1"));
    assert_eq!(r.status, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("b.erl (eubeam): DIFFERS"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("--- majority\n+++ b.erl (eubeam)\n@@ -1,3 +1,3 @@\n 1\n-2\n+x\n 3\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("1 of 3 outputs differ from majority"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains('\x1b'),
        "no colour when not on a terminal"
    );
}

#[test]
fn agreeing_outputs_exit_0() {
    let dir = scratch("agree");
    let a = write(&dir, "a.erl", ONE_TWO_THREE);
    let c = write(&dir, "c.erl", &ONE_TWO_THREE.replace("(a)", "(c)"));
    let r = run(eubeam().arg("compare").arg(&a).arg(&c));
    assert_eq!(r.status, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("all 2 outputs agree"), "{}", r.stdout);
}

#[test]
fn a_compile_error_exits_2() {
    let dir = scratch("broken");
    let a = write(&dir, "a.erl", ONE_TWO_THREE);
    let b = write(&dir, "b.erl", "-module(b).\nmain( -> ok.\n");
    let r = run(eubeam().arg("compare").arg(&a).arg(&b));
    assert_eq!(r.status, Some(2), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("COMPILE ERROR"), "{}", r.stdout);
    assert!(r.stdout.contains("syntax error"), "{}", r.stdout);
}

#[test]
fn a_program_that_never_ends_is_killed_at_the_timeout() {
    let dir = scratch("timeout");
    let a = write(
        &dir,
        "a.erl",
        "-module(a).\n-export([main/0]).\nmain() -> receive never -> ok end.\n",
    );
    let r = run(eubeam().args(["compare", "--timeout", "1"]).arg(&a));
    assert_eq!(r.status, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("TIMED OUT"), "{}", r.stdout);
}

#[test]
fn json_reports_every_row() {
    let r = run(eubeam()
        .args(["compare", "--json"])
        .arg(repo_root().join("examples/squares")));
    assert_eq!(r.status, Some(0), "{}{}", r.stdout, r.stderr);
    let out = r.stdout.trim();
    assert!(out.starts_with("{\"groups\":[{\"path\":"), "{out}");
    assert!(out.contains("\"reference\":\"expected.txt\""), "{out}");
    assert!(out.contains("\"runner\":\"eubeam\""), "{out}");
    assert!(out.contains("\"stdout\":\"55\\n\""), "{out}");
    assert!(out.ends_with("\"status\":0}"), "{out}");
}

#[test]
fn missing_paths_are_reported() {
    let r = run(eubeam().args(["compare", "/nonexistent/eubeam/dir"]));
    assert_eq!(r.status, Some(2));
    assert!(
        r.stderr.contains("no such file or directory"),
        "{}",
        r.stderr
    );
}

/// `--oracle` agrees with every real implementation installed, on every
/// example (rows for tools that are not installed say so and do not count).
#[test]
fn oracle_agrees_on_every_example() {
    if !have_tool("erl", "oracle_agrees_on_every_example") {
        return;
    }
    let mut dirs: Vec<_> = std::fs::read_dir(repo_root().join("examples"))
        .expect("examples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.txt").exists())
        .collect();
    dirs.sort();
    let r = run(eubeam().args(["compare", "--oracle"]).args(&dirs));
    assert_eq!(r.status, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains(" erl "), "{}", r.stdout);
}
