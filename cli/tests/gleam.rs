//! Gleam programs under tests/gleam/: every `run/NAME.gleam` prints
//! `run/NAME.expected` and exits 0; every `errors/NAME.gleam` fails
//! `eubeam check` with exit 2 and the diagnostics in `errors/NAME.expected`
//! (snapshots: run with `GLEAM_BLESS=1` to rewrite them after an intended
//! change, then review the diff). Each program says where its expected
//! output comes from (Gleam's documented behaviour or the equivalent Erlang
//! program run by `erl`); the real `gleam` is not installed here.

mod common;

use std::path::{Path, PathBuf};

use common::{eubeam, repo_root, run};

fn files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo_root().join("tests/gleam").join(dir))
        .expect("tests/gleam exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "gleam"))
        .collect();
    v.sort();
    v
}

fn expected(p: &Path) -> String {
    std::fs::read_to_string(p.with_extension("expected")).unwrap_or_default()
}

#[test]
fn programs_print_their_expected_output() {
    let mut failures = Vec::new();
    let progs = files("run");
    assert!(!progs.is_empty());
    for p in &progs {
        let r = run(eubeam().arg("run").arg(p));
        let want = expected(p);
        if r.status != Some(0) || r.stdout != want {
            failures.push(format!(
                "{}: exit {:?}\n--- stdout\n{}--- expected\n{}--- stderr\n{}",
                p.display(),
                r.status,
                r.stdout,
                want,
                r.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn type_errors_match_their_snapshots() {
    let bless = std::env::var_os("GLEAM_BLESS").is_some();
    let mut failures = Vec::new();
    let root = repo_root();
    for p in files("errors") {
        // Run from the repository root with a relative path so the file
        // names in the diagnostics do not depend on where the tree lives.
        let rel = p.strip_prefix(&root).unwrap_or(&p).to_path_buf();
        let r = run(eubeam().current_dir(&root).arg("check").arg(&rel));
        if bless {
            std::fs::write(p.with_extension("expected"), &r.stderr).expect("write snapshot");
        }
        let want = expected(&p);
        if r.status != Some(2) || r.stderr != want {
            failures.push(format!(
                "{}: exit {:?}\n--- stderr\n{}--- snapshot\n{}",
                p.display(),
                r.status,
                r.stderr,
                want
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The typed shell: each entry is checked against earlier bindings and
/// imports and printed as `value : Type`.
#[test]
fn repl_prints_values_with_their_types() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = eubeam()
        .args(["repl", "--lang", "gleam"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn eubeam repl");
    let input = "import gleam/list\nlet x = 5\nx * 11\nlist.map([1, 2], fn(n) {\n  n * x\n})\n\"a\" <> 1\nOk(Nil)\n";
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for want in [
        "5 : Int",
        "55 : Int",
        "[5, 10] : List(Int)",
        "Ok(Nil) : Result(Nil, a)",
    ] {
        assert!(
            stdout.contains(want),
            "missing {want:?} in:\n{stdout}\n{stderr}"
        );
    }
    assert!(
        format!("{stdout}{stderr}").contains("Type mismatch"),
        "{stdout}{stderr}"
    );
}

/// Runs `eubeam repl --lang gleam` on `input`; (stdout, stderr).
fn repl(input: &str) -> (String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = eubeam()
        .args(["repl", "--lang", "gleam"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn eubeam repl");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A `let` in the shell is not generalised (Gleam generalises no `let`):
/// the unknown message type of `process.new_subject()` becomes `Int` with
/// the first `send`, and sending a `String` afterwards is a type error, in
/// later entries as it would be later in one function body. Two bindings
/// sharing an unknown type (`ys = xs`) are refined together.
#[test]
fn repl_let_bound_subject_keeps_its_message_type() {
    let (out, err) = repl(
        "import gleam/erlang/process\nlet s = process.new_subject()\nprocess.send(s, 1)\nprocess.send(s, \"x\")\ns\nprocess.receive(s, 10)\nlet xs = []\nlet ys = xs\n[\"a\", ..ys]\nxs\n[1, ..xs]\n",
    );
    for want in [
        " : process.Subject(a)\n",
        " : process.Subject(Int)\n",
        "Ok(1) : Result(Int, Nil)",
        "[\"a\"] : List(String)",
        "[] : List(String)",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}\n{err}");
    }
    let all = format!("{out}{err}");
    assert_eq!(all.matches("Error: Type mismatch").count(), 2, "{all}");
    assert!(all.contains("Expected type Int, found String"), "{all}");
    assert!(
        all.contains("Expected type List(Int), found List(String)"),
        "{all}"
    );
}

/// Definitions in the shell: functions (generalised like a module's),
/// custom types with constructors, constants and `@external`s, each
/// printed with its type; later entries use them; a later definition of a
/// name shadows the earlier one; a definition that does not type-check is
/// reported and not kept.
#[test]
fn repl_takes_fn_type_and_const_definitions() {
    let (out, err) = repl(concat!(
        "fn double(x) { x * 2 }\n",
        "double(21)\n",
        "pub type Shape {\n  Circle(r: Float)\n  Square(s: Float)\n}\n",
        "fn area(s: Shape) -> Float {\n  case s {\n    Circle(r) -> 3.0 *. r *. r\n    Square(s) -> s *. s\n  }\n}\n",
        "let c = Circle(2.0)\n",
        "area(c)\n",
        "const limit = 10\n",
        "limit + double(1)\n",
        "fn id(x) { x }\n",
        "#(id(1), id(\"a\"))\n",
        "fn bad() { double(\"x\") }\n",
        "bad()\n",
        "fn double(x) { x * 3 }\n",
        "double(1)\n",
        "@external(erlang, \"erlang\", \"abs\")\n",
        "fn abs(x: Int) -> Int\n",
        "abs(-5)\n",
    ));
    for want in [
        "fn double : fn(Int) -> Int\n",
        "42 : Int\n",
        "type Shape\n",
        "fn area : fn(Shape) -> Float\n",
        "Circle(2.0) : Shape\n",
        "12.0 : Float\n",
        "const limit : Int\n",
        "12 : Int\n",
        "fn id : fn(a) -> a\n",
        "#(1, \"a\") : #(Int, String)\n",
        "3 : Int\n",
        "fn abs : fn(Int) -> Int\n",
        "5 : Int\n",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}\n{err}");
    }
    let all = format!("{out}{err}");
    assert!(all.contains("Expected type Int, found String"), "{all}");
    assert!(
        all.contains("The name `bad` is not in scope here."),
        "{all}"
    );
}

#[test]
fn failing_let_assert_exits_1_with_gleams_error_value() {
    let file = repo_root().join("tests/gleam/misc/let_assert_crash.gleam");
    let r = run(eubeam().arg("run").arg(&file));
    assert_eq!(r.status, Some(1), "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "before\n");
    // Outside a project `file` is the path as given.
    assert!(
        r.stderr
            .contains(&format!("file => <<\"{}\">>", file.display())),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("gleam_error => let_assert"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("value => {error,<<\"boom\">>}"),
        "{}",
        r.stderr
    );
}

/// In a Gleam project (`gleam.toml`), `echo` and the error values name
/// the file relative to the project, as the Gleam compiler does, wherever
/// eubeam runs from.
#[test]
fn files_are_named_relative_to_the_gleam_project() {
    let dir = std::env::temp_dir().join(format!("eubeam-gleam-proj-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).expect("temp project");
    std::fs::write(dir.join("gleam.toml"), "name = \"demo\"\n").expect("gleam.toml");
    std::fs::write(
        dir.join("src/demo.gleam"),
        "pub fn main() {\n  echo 1 + 1\n  panic as \"stop\"\n}\n",
    )
    .expect("demo.gleam");
    let r = run(eubeam().arg("run").arg(dir.join("src/demo.gleam")));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.status, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.starts_with("src/demo.gleam:2\n2\n"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("file => <<\"src/demo.gleam\">>"),
        "{}",
        r.stderr
    );
}

#[test]
fn warnings_alone_do_not_fail_check_or_run() {
    let file = repo_root().join("tests/gleam/misc/warnings_only.gleam");
    let r = run(eubeam().arg("check").arg(&file));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("Unused variable"), "{}", r.stderr);
    let r = run(eubeam().arg("run").arg(&file));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "ran\n");
}

/// The user's own modules import each other: files side by side (found
/// next to the importing file even when not named), and a project folder
/// where `src/app/util.gleam` is module `app/util`.
#[test]
fn users_modules_import_each_other() {
    let multi = repo_root().join("tests/gleam/multi");
    let want = "hello, world\nHELLO!\n9\n12\n";
    let r = run(eubeam().current_dir(&multi).arg("run").arg("main.gleam"));
    assert_eq!(
        (r.status, r.stdout.as_str()),
        (Some(0), want),
        "{}",
        r.stderr
    );
    let r =
        run(eubeam()
            .current_dir(&multi)
            .args(["run", "main.gleam", "util.gleam", "shapes.gleam"]));
    assert_eq!(
        (r.status, r.stdout.as_str()),
        (Some(0), want),
        "{}",
        r.stderr
    );
    let r = run(eubeam()
        .arg("run")
        .arg(repo_root().join("tests/gleam/project")));
    assert_eq!(
        (r.status, r.stdout.as_str()),
        (Some(0), "total 7\ntotal 14\n"),
        "{}",
        r.stderr
    );
    // A type error across modules is reported at the call.
    let dir = std::env::temp_dir().join(format!("eubeam-gleam-multi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("helper.gleam"),
        "pub fn twice(n: Int) -> Int { n * 2 }\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("main.gleam"),
        "import helper\npub fn main() { helper.twice(\"x\") }\n",
    )
    .expect("write");
    let r = run(eubeam().current_dir(&dir).args(["check", "main.gleam"]));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.status, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("Type mismatch"), "{}", r.stderr);
    assert!(r.stderr.contains("main.gleam:2:"), "{}", r.stderr);
}

/// Gleam has no REPL; eubeam's takes `:help` and `:quit`.
#[test]
fn repl_shell_commands_help_and_quit() {
    let (out, err) = repl(":help\n1 + 1\n:quit\n3\n");
    assert!(out.contains(":help "), "{out}\n{err}");
    assert!(out.contains(":quit "), "{out}\n{err}");
    assert!(out.contains("2 : Int"), "{out}\n{err}");
    assert!(!out.contains("3 : Int"), "{out}\n{err}");
}

/// `:type EXPR` prints the inferred type without running EXPR; `:load
/// FILE` compiles a module file so that the shell can import it.
#[test]
fn repl_type_and_load_commands() {
    let dir = std::env::temp_dir().join(format!("eubeam_gleam_cmds_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("util.gleam");
    std::fs::write(&file, "pub fn double(x: Int) -> Int { x * 2 }\n").expect("write util.gleam");
    let (out, err) = repl(&format!(
        "let xs = [1, 2]\n:type xs\n:type fn(x) {{ x + 1 }}\n:type xs == panic\n:load {}\nimport util\nutil.double(21)\n",
        file.display()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.contains("> List(Int)\n> fn(Int) -> Int\n> Bool\n> Loaded util\n> > 42 : Int\n"),
        "{out}\n{err}"
    );
}
