//! `compare --oracle`: running the same source files with the real
//! implementations (`erl`, `elixir`, `lfe`, `gleam`, `lua5.4`) when they are
//! on PATH, so their rows sit beside ours.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::child::{self, ChildRun};

/// An oracle's result: it ran, or why it did not.
pub enum OracleRun {
    Ran { runner: &'static str, run: ChildRun },
    Skipped { runner: &'static str, why: String },
}

/// Runs `file` with the real implementation of its language, unless `skip`
/// names that runner (with the reason to show).
pub fn run(file: &Path, timeout: Duration, skip: &[(String, String)]) -> Option<OracleRun> {
    let ext = file.extension()?.to_str()?;
    let runner = match ext {
        "erl" => "erl",
        "exs" | "ex" => "elixir",
        "lua" => "lua5.4",
        "lfe" => "lfe",
        "gleam" => "gleam",
        _ => return None,
    };
    if let Some((_, why)) = skip.iter().find(|(r, _)| r == runner) {
        return Some(OracleRun::Skipped {
            runner,
            why: why.clone(),
        });
    }
    Some(match ext {
        "erl" => erlang(file, timeout),
        "exs" | "ex" => simple("elixir", file, timeout),
        "lua" => simple("lua5.4", file, timeout),
        "lfe" => lfe(file, timeout),
        "gleam" => OracleRun::Skipped {
            runner: "gleam",
            why: if child::on_path("gleam") {
                "gleam runs projects with downloaded packages, not single files; \
                 not run by --oracle"
                    .into()
            } else {
                "gleam is not on PATH".into()
            },
        },
        _ => return None,
    })
}

fn simple(tool: &'static str, file: &Path, timeout: Duration) -> OracleRun {
    if !child::on_path(tool) {
        return OracleRun::Skipped {
            runner: tool,
            why: format!("{tool} is not on PATH"),
        };
    }
    let (dir, name) = split(file);
    match child::run(Command::new(tool).arg(name).current_dir(dir), timeout) {
        Ok(run) => OracleRun::Ran { runner: tool, run },
        Err(why) => OracleRun::Skipped { runner: tool, why },
    }
}

fn split(file: &Path) -> (PathBuf, PathBuf) {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = file
        .file_name()
        .map_or_else(|| file.to_path_buf(), PathBuf::from);
    (dir, name)
}

/// A scratch directory removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch, String> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "eubeam-oracle-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The name in `-module(Name).` (Erlang) or `(defmodule name` (LFE).
fn module_name(text: &str, opener: &str, ends: &[char]) -> Option<String> {
    let at = text.find(opener)? + opener.len();
    let rest = text[at..].trim_start();
    let name: String = rest
        .chars()
        .take_while(|c| !ends.contains(c) && !c.is_whitespace())
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Runs `Module:main()` on a fresh erl node the way an escript would: the
/// node halts when main returns, and a crash exits with status 1.
fn erl_main(beams: &Path, module: &str, timeout: Duration) -> Result<ChildRun, String> {
    let eval = format!(
        "try '{module}':main() of _ -> halt(0) \
         catch C:R:S -> io:format(standard_error, \"~p:~p~n~p~n\", [C, R, S]), halt(1) end."
    );
    child::run(
        Command::new("erl")
            .args(["-noshell", "-pa"])
            .arg(beams)
            .args(["-eval", &eval]),
        timeout,
    )
}

fn erlang(file: &Path, timeout: Duration) -> OracleRun {
    const RUNNER: &str = "erl";
    let skipped = |why: String| OracleRun::Skipped {
        runner: RUNNER,
        why,
    };
    if !child::on_path("erl") || !child::on_path("erlc") {
        return skipped("erl/erlc are not on PATH".into());
    }
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => return skipped(format!("cannot read {}: {e}", file.display())),
    };
    let Some(module) = module_name(&text, "-module(", &[')']) else {
        return skipped("no -module(...) attribute".into());
    };
    let scratch = match Scratch::new() {
        Ok(s) => s,
        Err(e) => return skipped(e),
    };
    // erlc wants the file named after its module.
    let source = scratch.0.join(format!("{module}.erl"));
    if let Err(e) = std::fs::write(&source, &text) {
        return skipped(format!("cannot write {}: {e}", source.display()));
    }
    let compiled = child::run(
        Command::new("erlc").arg("-o").arg(&scratch.0).arg(&source),
        timeout,
    );
    match compiled {
        Ok(r) if r.status == Some(0) => {}
        Ok(r) => return compile_failed(RUNNER, r),
        Err(e) => return skipped(e),
    }
    match erl_main(&scratch.0, &module, timeout) {
        Ok(run) => OracleRun::Ran {
            runner: RUNNER,
            run,
        },
        Err(e) => skipped(e),
    }
}

fn lfe(file: &Path, timeout: Duration) -> OracleRun {
    const RUNNER: &str = "lfe";
    let skipped = |why: String| OracleRun::Skipped {
        runner: RUNNER,
        why,
    };
    if !child::on_path("lfec") || !child::on_path("erl") {
        return skipped("lfe (lfec) is not on PATH".into());
    }
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => return skipped(format!("cannot read {}: {e}", file.display())),
    };
    let Some(module) = module_name(&text, "(defmodule", &[')', '(']) else {
        return skipped("no (defmodule ...) form".into());
    };
    let scratch = match Scratch::new() {
        Ok(s) => s,
        Err(e) => return skipped(e),
    };
    let compiled = child::run(
        Command::new("lfec").arg("-o").arg(&scratch.0).arg(file),
        timeout,
    );
    match compiled {
        Ok(r) if r.status == Some(0) => {}
        Ok(r) => return compile_failed(RUNNER, r),
        Err(e) => return skipped(e),
    }
    match erl_main(&scratch.0, &module, timeout) {
        Ok(run) => OracleRun::Ran {
            runner: RUNNER,
            run,
        },
        Err(e) => skipped(e),
    }
}

/// The real compiler rejected the file: shown as a failed run with its
/// diagnostics and exit status 2, as ours reports compile errors.
fn compile_failed(runner: &'static str, r: ChildRun) -> OracleRun {
    OracleRun::Ran {
        runner,
        run: ChildRun {
            status: Some(2),
            stderr: format!("{}{}", r.stdout, r.stderr),
            stdout: String::new(),
            ..r
        },
    }
}

#[cfg(test)]
mod tests {
    use super::module_name;

    #[test]
    fn finds_module_names() {
        assert_eq!(
            module_name("%% x\n-module(squares).\n", "-module(", &[')']),
            Some("squares".into())
        );
        assert_eq!(
            module_name(
                "(defmodule squares\n (export all))",
                "(defmodule",
                &[')', '(']
            ),
            Some("squares".into())
        );
        assert_eq!(module_name("main() -> ok.", "-module(", &[')']), None);
    }
}
