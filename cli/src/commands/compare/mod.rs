//! `eubeam compare DIR|FILE...`: run the same program written in several
//! syntaxes (each `main.<ext>` of a directory, or the files given), each in
//! its own OS process, in parallel and with a time limit; print a table of
//! exit status, wall time, peak memory and an output digest, and a unified
//! diff for every output that differs from the reference: `expected.txt`
//! when the directory has one, otherwise the majority output.
//!
//! Exit status: 0 when every output agrees, 1 when some differ (or time out
//! or crash), 2 when one of ours fails to compile or the paths are unusable.
//! `--oracle` adds rows for the real implementations found on PATH.

mod oracle;
mod report;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use clap::Args;

use crate::child::{self, ChildRun};
use oracle::OracleRun;

#[derive(Args)]
pub struct CompareArgs {
    /// Directories holding main.erl, main.exs, main.lfe, main.gleam and
    /// main.lua (those present), or source files compared with each other
    #[arg(required = true, value_name = "DIR|FILE")]
    paths: Vec<PathBuf>,
    /// Seconds each program may run before it is killed
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    timeout: u64,
    /// Print the results as JSON instead of a table
    #[arg(long)]
    json: bool,
    /// Also run the real implementations found on PATH (erl, elixir, lfe,
    /// gleam, lua5.4) on the same files and add their rows
    #[arg(long)]
    oracle: bool,
}

const EXTENSIONS: [&str; 5] = ["erl", "exs", "lfe", "gleam", "lua"];

/// Exit status when one of our runs failed to compile, or nothing could run.
const COMPILE_ERROR: u8 = 2;

/// The files compared with each other, and where the reference comes from.
struct Group {
    name: String,
    files: Vec<PathBuf>,
    expected: Option<String>,
    /// From the directory's `oracle-skip` file: `runner: reason` lines for
    /// real implementations that cannot run this program (e.g. `erl` has no
    /// Luerl); their rows say why and do not count.
    oracle_skip: Vec<(String, String)>,
}

/// One row of the table: a file run by eubeam or by a real implementation.
pub struct Row {
    pub language: &'static str,
    pub runner: &'static str,
    pub file: PathBuf,
    pub outcome: Outcome,
}

pub enum Outcome {
    Ran(ChildRun),
    /// Could not run at all (missing tool, unreadable file): not counted.
    Skipped(String),
}

pub fn language_of(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("erl") => "erlang",
        Some("ex" | "exs") => "elixir",
        Some("lfe") => "lfe",
        Some("gleam") => "gleam",
        Some("lua") => "lua",
        _ => "?",
    }
}

pub fn run(args: CompareArgs) -> u8 {
    let groups = match groups(&args.paths) {
        Ok(g) => g,
        Err(e) => {
            crate::diagnostics::error(&e);
            return COMPILE_ERROR;
        }
    };
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            crate::diagnostics::error(&format!("cannot find the eubeam binary: {e}"));
            return COMPILE_ERROR;
        }
    };
    let timeout = Duration::from_secs(args.timeout);
    let progress = !args.json && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut results = Vec::new();
    for (n, group) in groups.iter().enumerate() {
        if progress {
            eprint!(
                "\rcompare: [{}/{}] running {} ...\x1b[K",
                n + 1,
                groups.len(),
                group.name
            );
        }
        let rows = run_group(&exe, group, timeout, args.oracle);
        results.push(report::judge(&group.name, group.expected.as_deref(), rows));
    }
    if progress {
        eprint!("\r\x1b[K");
    }
    if args.json {
        println!("{}", report::json(&results));
    } else {
        let style = crate::diff::Style {
            color: std::env::var_os("NO_COLOR").is_none()
                && std::io::IsTerminal::is_terminal(&std::io::stdout()),
        };
        print!("{}", report::text(&results, style));
    }
    results.iter().map(|g| g.status).max().unwrap_or(0)
}

/// Directories become one group each; loose files are compared together.
fn groups(paths: &[PathBuf]) -> Result<Vec<Group>, String> {
    let mut groups = Vec::new();
    let mut loose = Vec::new();
    for path in paths {
        if path.is_dir() {
            let files: Vec<PathBuf> = EXTENSIONS
                .iter()
                .map(|ext| path.join(format!("main.{ext}")))
                .filter(|p| p.exists())
                .collect();
            if files.is_empty() {
                return Err(format!(
                    "{}: no main.erl, main.exs, main.lfe, main.gleam or main.lua here",
                    path.display()
                ));
            }
            groups.push(Group {
                name: path.display().to_string(),
                files,
                expected: std::fs::read_to_string(path.join("expected.txt")).ok(),
                oracle_skip: std::fs::read_to_string(path.join("oracle-skip"))
                    .map(|text| parse_oracle_skip(&text))
                    .unwrap_or_default(),
            });
        } else if path.is_file() {
            loose.push(path.clone());
        } else {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    if !loose.is_empty() {
        groups.push(Group {
            name: "files".into(),
            files: loose,
            expected: None,
            oracle_skip: Vec::new(),
        });
    }
    Ok(groups)
}

/// `runner: reason` per line; blank lines and `#` comments are ignored.
fn parse_oracle_skip(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(':') {
            Some((runner, why)) => (runner.trim().to_string(), why.trim().to_string()),
            None => (l.to_string(), "excluded by oracle-skip".to_string()),
        })
        .collect()
}

/// Every file of the group through eubeam (and the oracles), all at once.
fn run_group(exe: &Path, group: &Group, timeout: Duration, with_oracle: bool) -> Vec<Row> {
    std::thread::scope(|scope| {
        let ours: Vec<_> = group
            .files
            .iter()
            .map(|file| {
                scope.spawn(move || {
                    child::run(Command::new(exe).arg("run").arg(file), timeout)
                        .map_or_else(Outcome::Skipped, Outcome::Ran)
                })
            })
            .collect();
        let oracles: Vec<_> = if with_oracle {
            group
                .files
                .iter()
                .map(|file| {
                    let skip = &group.oracle_skip;
                    scope.spawn(move || oracle::run(file, timeout, skip))
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut rows = Vec::new();
        for (h, file) in ours.into_iter().zip(&group.files) {
            let outcome = h
                .join()
                .unwrap_or_else(|_| Outcome::Skipped("internal error: runner panicked".into()));
            rows.push(Row {
                language: language_of(file),
                runner: "eubeam",
                file: file.clone(),
                outcome,
            });
        }
        for (h, file) in oracles.into_iter().zip(&group.files) {
            let (runner, outcome) = match h.join() {
                Ok(Some(OracleRun::Ran { runner, run })) => (runner, Outcome::Ran(run)),
                Ok(Some(OracleRun::Skipped { runner, why })) => (runner, Outcome::Skipped(why)),
                Ok(None) => continue,
                Err(_) => (
                    "oracle",
                    Outcome::Skipped("internal error: runner panicked".into()),
                ),
            };
            rows.push(Row {
                language: language_of(file),
                runner,
                file: file.clone(),
                outcome,
            });
        }
        rows
    })
}
