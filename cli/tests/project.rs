//! `eubeam new`, projects run as folders, and `eubeam completions`.

mod common;

use common::{eubeam, run};

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("eubeam-proj-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn new_then_run_prints_hello() {
    let dir = scratch("new");
    let r = run(eubeam().args(["new", "hello"]).current_dir(&dir));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("eubeam run hello"), "{}", r.stdout);
    let r = run(eubeam().args(["run", "hello"]).current_dir(&dir));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "Hello from hello!\n");
    let again = run(eubeam().args(["new", "hello"]).current_dir(&dir));
    assert_eq!(again.status, Some(2));
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    let bad = run(eubeam().args(["new", "Hello"]).current_dir(&dir));
    assert_eq!(bad.status, Some(2));
    assert!(
        bad.stderr.contains("cannot be a project name"),
        "{}",
        bad.stderr
    );
    let lang = run(eubeam()
        .args(["new", "x", "--lang", "cobol"])
        .current_dir(&dir));
    assert_eq!(lang.status, Some(2));
    assert!(
        lang.stderr.contains("unknown language 'cobol'"),
        "{}",
        lang.stderr
    );
}

#[test]
fn new_scaffolds_and_runs_every_language() {
    let dir = scratch("langs");
    for lang in ["erlang", "elixir", "lfe", "gleam", "lua"] {
        let name = format!("p_{lang}");
        let r = run(eubeam()
            .args(["new", &name, "--lang", lang])
            .current_dir(&dir));
        assert_eq!(r.status, Some(0), "{lang}: {}", r.stderr);
        assert!(dir.join(&name).join("eubeam.toml").is_file(), "{lang}");
        let r = run(eubeam().args(["run", &name]).current_dir(&dir));
        assert_eq!(r.status, Some(0), "{lang}: {}", r.stderr);
        assert_eq!(r.stdout, format!("Hello from {name}!\n"), "{lang}");
    }
}

#[test]
fn a_project_loads_every_module_of_its_source_folders() {
    let dir = scratch("multi");
    std::fs::create_dir_all(dir.join("src/util")).unwrap();
    std::fs::write(
        dir.join("eubeam.toml"),
        "[project]\nname = \"multi\"\nentry = \"src/app.erl\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/app.erl"),
        "-module(app).\n-export([main/0]).\nmain() -> io:format(\"~p~n\", [helper:double(21)]).\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/util/helper.erl"),
        "-module(helper).\n-export([double/1]).\ndouble(X) -> 2 * X.\n",
    )
    .unwrap();
    let r = run(eubeam().arg("run").arg(&dir));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "42\n");
    let r = run(eubeam().arg("check").arg(&dir));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
}

#[test]
fn a_folder_without_a_manifest_says_what_to_do() {
    let dir = scratch("plain");
    let r = run(eubeam().arg("run").arg(&dir));
    assert_eq!(r.status, Some(2));
    assert!(r.stderr.contains("eubeam new NAME"), "{}", r.stderr);
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let r = run(eubeam().args(["completions", shell]));
        assert_eq!(r.status, Some(0), "{shell}: {}", r.stderr);
        assert!(r.stdout.contains("compare"), "{shell}");
        assert!(r.stdout.contains("repl"), "{shell}");
    }
}

/// Issue 10's mixed-language project: an Elixir script calling an Erlang
/// module and an Elixir module, and a Gleam entry calling the Elixir module
/// through `@external`, all in one project.
#[test]
fn a_mixed_language_project_calls_across_languages() {
    let dir = scratch("mixed");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let files = [
        (
            "src/helper.erl",
            "-module(helper).\n-export([double/1]).\ndouble(X) -> 2 * X.\n",
        ),
        (
            "src/greeter.ex",
            "defmodule Greeter do\n  def greet(name), do: \"Hello, \" <> name\nend\n",
        ),
        (
            "src/main.exs",
            "IO.puts(:helper.double(21))\nIO.puts(Greeter.greet(\"elixir\"))\n",
        ),
        (
            "src/app.gleam",
            "import gleam/io\n\n@external(erlang, \"Elixir.Greeter\", \"greet\")\nfn greet(name: String) -> String\n\npub fn main() {\n  io.println(greet(\"gleam\"))\n}\n",
        ),
    ];
    for (path, text) in files {
        std::fs::write(dir.join(path), text).unwrap();
    }
    let manifest = |entry: &str| format!("[project]\nname = \"mixed\"\nentry = \"{entry}\"\n");
    std::fs::write(dir.join("eubeam.toml"), manifest("src/main.exs")).unwrap();
    let r = run(eubeam().arg("run").arg(&dir));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "42\nHello, elixir\n");
    std::fs::write(dir.join("eubeam.toml"), manifest("src/app.gleam")).unwrap();
    let r = run(eubeam().arg("run").arg(&dir));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "Hello, gleam\n");
}
