//! The article's programs, verbatim (seed/actor-model-article.txt).

mod common;

use common::{eubeam, repo_root, run};

#[test]
fn squares_run_via_eval_prints_55() {
    let file = repo_root().join("examples/squares/main.erl");
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .arg("--eval")
        .arg("squares:run()."));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "55\n");
}

#[test]
fn eval_of_a_crashing_expression_exits_1() {
    let file = repo_root().join("examples/squares/main.erl");
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .arg("--eval")
        .arg("1 / erlang:length([])."));
    assert_eq!(
        r.status,
        Some(1),
        "stdout: {} stderr: {}",
        r.stdout,
        r.stderr
    );
    assert!(r.stderr.contains("exception error"), "{}", r.stderr);
}

/// The article's LFE program, verbatim (including its flat indentation).
const SQUARES_LFE: &str = "(defmodule squares
(export (run 0)))
(defun run ()
(let ((self (self)))
;; spawn one process per number; each sends (tuple n (* n n)) back.
(lists:foreach
(lambda (n)
(spawn (lambda () (! self (tuple n (* n n))))))
(lists:seq 1 5))
(collect 5 0)))
;; receive Count messages, summing the squares.
(defun collect
((0 sum) sum)
((count sum)
(receive
((tuple _n square) (collect (- count 1) (+ sum square))))))
;; (squares:run) => 55
";

#[test]
fn lfe_squares_run_via_eval_prints_55() {
    let dir = std::env::temp_dir().join(format!("eubeam-article-lfe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("squares.lfe");
    std::fs::write(&file, SQUARES_LFE).expect("write squares.lfe");
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .arg("--eval")
        .arg("(squares:run)"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "55\n");
}

/// The article's Gleam program, verbatim (typed `Subject(Int)`, spawn,
/// `process.receive(inbox, within: 1000)`). Expected output: 55, what the
/// article states and what the Erlang version run by `erl` prints.
#[test]
fn gleam_article_program_prints_55() {
    let file = repo_root().join("tests/gleam/article.gleam");
    let r = run(eubeam().arg("run").arg(&file));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "55\n");
}

#[test]
fn lua_squares_prints_55() {
    // The article's Lua program, verbatim (examples/squares/main.lua).
    let file = repo_root().join("examples/squares/main.lua");
    let r = run(eubeam().arg("run").arg(&file));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "55\n");
}
/// The article's Elixir programs, verbatim (seed/actor-model-article.txt).
const ELIXIR_SQUARES: &str = r#"defmodule Squares do
def run do
parent = self()
# spawn one process per number; each sends {n, n*n} back.
1..5
|> Enum.each(fn n ->
spawn(fn -> send(parent, {n, n * n}) end)
end)
# collect 5 replies and sum the squares.
Enum.reduce(1..5, 0, fn _i, sum ->
receive do
{_n, square} -> sum + square
end
end)
end
end
# Squares.run() == 55
# Real code usually reaches for Task.async_stream/2 instead of raw spawn/send.
"#;

/// The article's Elixir receive loop (a `def` outside any module in the
/// article), verbatim inside a module of ours.
const ELIXIR_LOOP: &str = r#"def loop(state) do
receive do
{:set, key, value} ->
loop(Map.put(state, key, value))
{:get, key, from} ->
send(from, {:reply, Map.get(state, key)})
loop(state)
{:stop, from} ->
send(from, :stopped)
# no recursive call: the process ends, its mailbox and heap reclaimed.
end
end
"#;

/// The article's Elixir `receive ... after`, verbatim.
const ELIXIR_AFTER: &str = r#"receive do
{:reply, value} -> {:ok, value}
after
1_000 -> {:error, :timeout}
end
"#;

fn write_temp(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("eubeam-article-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

#[test]
fn elixir_squares_runs_verbatim_and_prints_55() {
    let file = write_temp("squares.exs", ELIXIR_SQUARES);
    let r = run(eubeam()
        .arg("run")
        .arg(&file)
        .arg("--eval")
        .arg("Squares.run()"));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "55\n");
}

#[test]
fn elixir_receive_loop_runs_verbatim() {
    let program = format!(
        "defmodule KV do\n{ELIXIR_LOOP}end\n\
         pid = spawn(fn -> KV.loop(%{{}}) end)\n\
         send(pid, {{:set, :a, 1}})\n\
         send(pid, {{:get, :a, self()}})\n\
         receive do\n{{:reply, v}} -> IO.inspect(v)\nend\n\
         send(pid, {{:stop, self()}})\n\
         receive do\n:stopped -> IO.puts(\"stopped\")\nend\n"
    );
    let file = write_temp("loop.exs", &program);
    let r = run(eubeam().arg("run").arg(&file));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "1\nstopped\n");
}

#[test]
fn elixir_receive_after_times_out_verbatim() {
    let program = format!(
        "IO.inspect({ELIXIR_AFTER})\nsend(self(), {{:reply, 7}})\nIO.inspect({ELIXIR_AFTER})\n"
    );
    let file = write_temp("after.exs", &program);
    let r = run(eubeam().arg("run").arg(&file));
    assert_eq!(r.status, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "{:error, :timeout}\n{:ok, 7}\n");
}
