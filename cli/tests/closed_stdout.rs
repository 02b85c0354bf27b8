//! A reader that stops early (`eubeam run prog.erl | head`): eubeam ends
//! quietly, killed by SIGPIPE as Unix filters are, never with a panic.

mod common;

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;

use common::{eubeam, repo_root};

/// Starts eubeam with `args`, reads a few bytes of its output, closes the
/// pipe and returns how the process ended and what it wrote to stderr.
fn read_a_little_then_close(args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = eubeam()
        .args(args)
        .current_dir(repo_root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start eubeam");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut first = [0u8; 16];
    stdout
        .read_exact(&mut first)
        .expect("eubeam printed something");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("piped stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    (child.wait().expect("wait for eubeam"), stderr)
}

#[test]
fn a_printed_value_stops_at_a_closed_pipe() {
    let (status, stderr) = read_a_little_then_close(&[
        "run",
        "examples/squares/main.erl",
        "--eval",
        "lists:seq(1, 300000).",
    ]);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert_eq!(status.signal(), Some(libc_sigpipe()), "status: {status:?}");
}

#[test]
fn program_output_stops_at_a_closed_pipe() {
    let dir = std::env::temp_dir().join(format!("eubeam-closed-stdout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let prog = dir.join("forever.erl");
    std::fs::write(
        &prog,
        "-module(forever).\n-export([main/0]).\n\
         main() -> io:format(\"line~n\"), main().\n",
    )
    .expect("write program");
    let path = prog.to_string_lossy().into_owned();
    let (status, stderr) = read_a_little_then_close(&["run", &path]);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert_eq!(status.signal(), Some(libc_sigpipe()), "status: {status:?}");
}

/// SIGPIPE is 13 on every Linux architecture.
fn libc_sigpipe() -> i32 {
    13
}
