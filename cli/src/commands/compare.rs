//! `eubeam compare DIR`: run every `main.<ext>` in DIR through `eubeam run`
//! (each in its own OS process, in parallel), show the outputs side by side
//! with timings, and fail when they differ from each other or from
//! `expected.txt`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use clap::Args;

use crate::languages;

#[derive(Args)]
pub struct CompareArgs {
    /// A directory holding main.erl, main.exs, main.lfe, main.gleam, main.lua
    /// (those present) and optionally expected.txt
    dir: PathBuf,
    /// Seconds each program may run
    #[arg(long, default_value_t = 60)]
    timeout: u64,
}

const EXTENSIONS: [&str; 5] = ["erl", "exs", "lfe", "gleam", "lua"];

struct RunResult {
    file: PathBuf,
    status: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

pub fn run(args: CompareArgs) -> u8 {
    let files: Vec<PathBuf> = EXTENSIONS
        .iter()
        .map(|ext| args.dir.join(format!("main.{ext}")))
        .filter(|p| p.exists())
        .collect();
    if files.is_empty() {
        crate::diagnostics::error(&format!(
            "{}: no main.erl, main.exs, main.lfe, main.gleam or main.lua here",
            args.dir.display()
        ));
        return 2;
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            crate::diagnostics::error(&format!("cannot find the eubeam binary: {e}"));
            return 2;
        }
    };
    let timeout = Duration::from_secs(args.timeout);
    let results: Vec<RunResult> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .iter()
            .map(|file| scope.spawn(|| run_one(&exe, file, timeout)))
            .collect();
        handles
            .into_iter()
            .zip(&files)
            .map(|(h, file)| {
                h.join().unwrap_or_else(|_| RunResult {
                    file: file.clone(),
                    status: None,
                    stdout: String::new(),
                    stderr: "internal error: runner thread panicked".into(),
                    elapsed: Duration::ZERO,
                })
            })
            .collect()
    });
    let expected = std::fs::read_to_string(args.dir.join("expected.txt")).ok();
    report(&results, expected.as_deref())
}

fn run_one(exe: &Path, file: &Path, timeout: Duration) -> RunResult {
    let start = Instant::now();
    let supported = languages::for_path(file).is_some();
    let child = Command::new(exe)
        .arg("run")
        .arg(file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut result = RunResult {
        file: file.to_path_buf(),
        status: None,
        stdout: String::new(),
        stderr: String::new(),
        elapsed: Duration::ZERO,
    };
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            result.stderr = format!("cannot start: {e}");
            return result;
        }
    };
    // Poll rather than block so that a program that never ends is killed.
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                result.stderr = format!("timed out after {} s", timeout.as_secs());
                break;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => {
                result.stderr = format!("wait failed: {e}");
                break;
            }
        }
    }
    if let Ok(output) = child.wait_with_output() {
        result.status = output.status.code();
        result.stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        if result.stderr.is_empty() {
            result.stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        }
    }
    if !supported && result.stderr.is_empty() {
        result.stderr = "language not supported yet".into();
    }
    result.elapsed = start.elapsed();
    result
}

fn report(results: &[RunResult], expected: Option<&str>) -> u8 {
    println!("{:<16} {:>6} {:>10}  output", "file", "exit", "wall");
    let reference = expected.map(str::to_string).or_else(|| {
        results
            .iter()
            .find(|r| r.status == Some(0))
            .map(|r| r.stdout.clone())
    });
    let mut all_agree = true;
    for r in results {
        let name = r.file.file_name().map_or_else(
            || r.file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let status = r.status.map_or_else(|| "-".to_string(), |s| s.to_string());
        let verdict = match &reference {
            Some(exp) if *exp == r.stdout && r.status == Some(0) => "same",
            Some(_) => {
                all_agree = false;
                "DIFFERS"
            }
            None => {
                all_agree = false;
                "FAILED"
            }
        };
        println!(
            "{:<16} {:>6} {:>8.1}ms  {} ({} lines)",
            name,
            status,
            r.elapsed.as_secs_f64() * 1000.0,
            verdict,
            r.stdout.lines().count()
        );
    }
    for r in results {
        let same = reference.as_deref() == Some(r.stdout.as_str()) && r.status == Some(0);
        if same {
            continue;
        }
        println!("\n--- {} ---", r.file.display());
        if let Some(exp) = &reference {
            print_diff(exp, &r.stdout);
        } else {
            print!("{}", r.stdout);
        }
        if !r.stderr.is_empty() {
            println!("stderr:\n{}", r.stderr.trim_end());
        }
    }
    if all_agree {
        println!("\nall {} outputs agree", results.len());
        0
    } else {
        1
    }
}

/// A line diff: `-` lines expected but missing, `+` lines printed instead.
fn print_diff(expected: &str, actual: &str) {
    let exp: Vec<&str> = expected.lines().collect();
    let act: Vec<&str> = actual.lines().collect();
    let common = exp.iter().zip(&act).take_while(|(a, b)| a == b).count();
    for line in &exp[common..] {
        println!("-{line}");
    }
    for line in &act[common..] {
        println!("+{line}");
    }
}
