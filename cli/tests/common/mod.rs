//! Helpers shared by the end-to-end tests: run the `eubeam` binary, locate
//! the repository's example and fixture folders, find reference tools.

#![allow(dead_code)]

pub mod dist;
pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn eubeam() -> Command {
    Command::new(env!("CARGO_BIN_EXE_eubeam"))
}

/// The repository root (the workspace directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent directory")
        .to_path_buf()
}

pub struct Run {
    pub status: Option<i32>,
    pub stdout: String,
    /// Stdout exactly as written (an Erlang program's latin1 output is not
    /// UTF-8).
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
    /// Peak resident set size of the child in KiB (from wait4's rusage).
    pub max_rss_kib: i64,
}

/// Runs a command to completion, collecting output and the child's peak RSS.
pub fn run(cmd: &mut Command) -> Run {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn eubeam");
    let pid = child.id() as libc::pid_t;
    // Read the pipes on threads so a chatty child cannot block on a full pipe
    // while we wait for it.
    let mut child = child;
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).ok();
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).ok();
        s
    });
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child, not yet reaped (we never call child.wait()).
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(rc, pid, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        Some(libc::WEXITSTATUS(status))
    } else {
        None
    };
    let stdout_bytes = out_t.join().expect("stdout reader");
    let stdout = String::from_utf8_lossy(&stdout_bytes).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().expect("stderr reader")).into_owned();
    Run {
        status: code,
        stdout,
        stdout_bytes,
        stderr,
        max_rss_kib: usage.ru_maxrss,
    }
}

pub fn output(cmd: &mut Command) -> Output {
    cmd.output().expect("run command")
}

/// True when `tool` is on PATH; otherwise prints why the caller skips.
pub fn have_tool(tool: &str, test: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !found {
        eprintln!("skipping {test}: {tool} is not installed");
    }
    found
}
