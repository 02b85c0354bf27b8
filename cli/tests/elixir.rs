//! Runs every Elixir fixture in `tests/elixir/` (see its README): `<name>.exs`
//! with the stdout recorded from the real `elixir` in `<name>.expected`, and
//! optional `<name>.exit` and `<name>.stderr_contains`.

mod common;

use std::path::Path;

use common::{eubeam, repo_root, run};

fn read_opt(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

#[test]
fn every_elixir_fixture_behaves_as_recorded_from_elixir() {
    let dir = repo_root().join("tests/elixir");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/elixir exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty(), "no fixtures in {}", dir.display());
    let mut failures = Vec::new();
    for src in &sources {
        let with = |ext: &str| src.with_extension(ext);
        let r = run(eubeam().arg("run").arg(src));
        let name = src.display();
        let want_exit: i32 = read_opt(&with("exit"))
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        if r.status != Some(want_exit) {
            failures.push(format!(
                "{name}: exit {:?}, expected {want_exit}\nstdout:\n{}\nstderr:\n{}",
                r.status, r.stdout, r.stderr
            ));
            continue;
        }
        if let Some(expected) = read_opt(&with("expected")) {
            if r.stdout != expected {
                failures.push(format!(
                    "{name}: stdout differs\n--- expected ---\n{expected}--- got ---\n{}--- stderr ---\n{}",
                    r.stdout, r.stderr
                ));
                continue;
            }
        }
        if let Some(needles) = read_opt(&with("stderr_contains")) {
            for needle in needles.lines().filter(|l| !l.trim().is_empty()) {
                if !r.stderr.contains(needle) {
                    failures.push(format!(
                        "{name}: stderr lacks {needle:?}\n--- stderr ---\n{}",
                        r.stderr
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} Elixir fixtures failed:\n\n{}",
        failures.len(),
        sources.len(),
        failures.join("\n\n")
    );
}

/// `eubeam run x.exs -- a b` gives the script `System.argv()` as
/// `elixir x.exs a b` does (through the script module's main/1).
#[test]
fn system_argv_holds_the_arguments_after_the_double_dash() {
    let dir = std::env::temp_dir().join(format!("eubeam_argv_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("argv.exs");
    std::fs::write(&file, "IO.inspect(System.argv())\n").expect("write script");
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .args(["--", "one", "two words"]));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "[\"one\", \"two words\"]\n");
}

/// `tests/elixir/timed/*.exs`: fixtures whose output holds Logger's
/// timestamps (`hh:mm:ss.mmm ` at the start of a line), compared with them
/// replaced by `TIME `.
#[test]
fn logger_fixtures_print_what_elixir_printed_but_the_time() {
    fn untimed(s: &str) -> String {
        s.lines()
            .map(|l| {
                let b = l.as_bytes();
                let timed = b.len() > 13
                    && b[2] == b':'
                    && b[5] == b':'
                    && b[8] == b'.'
                    && b[12] == b' '
                    && [0, 1, 3, 4, 6, 7, 9, 10, 11]
                        .iter()
                        .all(|&i| b[i].is_ascii_digit());
                if timed {
                    format!("TIME {}", &l[13..])
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
    let dir = repo_root().join("tests/elixir/timed");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/elixir/timed exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty());
    for src in &sources {
        let r = run(eubeam().arg("run").arg(src));
        let expected = read_opt(&src.with_extension("expected")).unwrap_or_default();
        assert_eq!(r.status, Some(0), "{}: {}", src.display(), r.stderr);
        assert_eq!(
            untimed(&r.stdout),
            untimed(&expected),
            "{}: stdout differs\n--- got ---\n{}",
            src.display(),
            r.stdout
        );
    }
}

/// `eubeam repl --lang elixir` on piped `input`: its stdout.
fn iex(input: &str) -> String {
    use std::io::Write;
    let mut child = eubeam()
        .args(["repl", "--lang", "elixir"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start repl");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(input.as_bytes())
        .expect("write input");
    let out = child.wait_with_output().expect("repl output");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// iex's helpers: outputs recorded from iex 1.14 with the same input.
#[test]
fn iex_helpers_print_what_iex_prints() {
    let dir = std::env::temp_dir().join(format!("eubeam_iex_cmds_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("foo.ex"),
        "defmodule Foo do\n  def a, do: 1\n  def b(x), do: x\nend\n",
    )
    .expect("write foo.ex");
    let d = dir.display();
    let out = iex(&format!(
        "h()\ncd(\"{d}\")\npwd()\n1+1\nv()\nls()\nc(\"foo.ex\")\nexports(Foo)\nsend(self(), :hi)\nflush()\ni(\"hello\")\ni(42)\nv(4)\n"
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for want in [
        "  • c/1            - compiles a file\n",
        "  • v/1            - retrieves the nth value from the history\n",
        &format!("iex(2)> {d}\niex(3)> {d}\niex(4)> 2\niex(5)> 2\niex(6)> foo.ex     \niex(7)> [Foo]\niex(8)> a/0     b/1     \niex(9)> :hi\niex(10)> :hi\n:ok\n"),
        "iex(11)> Term\n  \"hello\"\nData type\n  BitString\nByte size\n  5\nDescription\n  This is a string: a UTF-8 encoded binary. It's printed surrounded by\n  \"double quotes\" because all UTF-8 encoded code points in it are printable.\nRaw representation\n  <<104, 101, 108, 108, 111>>\nReference modules\n  String, :binary\nImplemented protocols\n  Collectable, IEx.Info, Inspect, List.Chars, String.Chars\n",
        "iex(12)> Term\n  42\nData type\n  Integer\nReference modules\n  Integer\nImplemented protocols\n  IEx.Info, Inspect, List.Chars, String.Chars\niex(13)> 2\n",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}");
    }
}
