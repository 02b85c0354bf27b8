//! Running a child program to completion with a time limit, collecting its
//! output, exit status, wall time and peak memory (for `compare`).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one finished (or killed) child did.
#[derive(Clone, Debug, Default)]
pub struct ChildRun {
    /// Exit code when the child exited; `None` when a signal ended it.
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub wall: Duration,
    /// Peak resident set size in KiB (0 where the OS does not say).
    pub max_rss_kib: i64,
    pub timed_out: bool,
}

/// Runs `cmd` with stdin closed. Stdout and stderr are drained on their own
/// threads so that a chatty child never blocks on a full pipe while we wait.
/// A child still running after `timeout` is killed.
pub fn run(cmd: &mut Command, timeout: Duration) -> Result<ChildRun, String> {
    let start = Instant::now();
    // The child stays in our process group so that Ctrl-C stops it with us;
    // a time-out kills the child alone, so what it started itself may keep
    // its pipes open a little longer.
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    let out = child.stdout.take().map(drain);
    let err = child.stderr.take().map(drain);
    let (status, max_rss_kib, timed_out) = wait(&mut child, start, timeout);
    let collect = |h: Option<std::thread::JoinHandle<Vec<u8>>>| {
        h.and_then(|h| h.join().ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    };
    Ok(ChildRun {
        status,
        stdout: collect(out),
        stderr: collect(err),
        wall: start.elapsed(),
        max_rss_kib,
        timed_out,
    })
}

fn drain<R: Read + Send + 'static>(mut r: R) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

/// Polls the child until it ends or the time is up; returns its exit code,
/// peak RSS and whether it was killed for taking too long.
#[cfg(unix)]
fn wait(
    child: &mut std::process::Child,
    start: Instant,
    timeout: Duration,
) -> (Option<i32>, i64, bool) {
    let Ok(pid) = libc::pid_t::try_from(child.id()) else {
        return (child.wait().ok().and_then(|s| s.code()), 0, false);
    };
    let mut timed_out = false;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: rusage is plain old data that wait4 overwrites.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `pid` is our own child and has not been reaped (Child::wait
        // is never called on it), so wait4 reaps exactly this process.
        let rc = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if rc == pid {
            let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
            return (code, usage.ru_maxrss, timed_out);
        }
        if rc < 0 {
            return (None, 0, timed_out);
        }
        if !timed_out && start.elapsed() > timeout {
            // Killing a child that just exited is harmless: it is not reaped
            // yet, so its pid cannot have been reused.
            let _ = child.kill();
            timed_out = true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[cfg(not(unix))]
fn wait(
    child: &mut std::process::Child,
    start: Instant,
    timeout: Duration,
) -> (Option<i32>, i64, bool) {
    loop {
        match child.try_wait() {
            Ok(Some(s)) => return (s.code(), 0, false),
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                return (child.wait().ok().and_then(|s| s.code()), 0, true);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => return (None, 0, false),
        }
    }
}

/// Whether `tool` can be found on PATH.
pub fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let p = dir.join(tool);
            p.is_file()
        })
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn collects_output_and_status() {
        let r = run(
            Command::new("sh").args(["-c", "echo out; echo err >&2; exit 3"]),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(r.status, Some(3));
        assert_eq!(r.stdout, "out\n");
        assert_eq!(r.stderr, "err\n");
        assert!(!r.timed_out);
    }

    #[test]
    fn kills_a_child_that_runs_too_long() {
        let r = run(
            Command::new("sh").args(["-c", "exec sleep 5"]),
            Duration::from_millis(50),
        )
        .unwrap();
        assert!(r.timed_out);
        assert_eq!(r.status, None);
    }

    #[test]
    fn large_output_does_not_block() {
        let r = run(
            Command::new("sh").args(["-c", "head -c 1000000 /dev/zero | tr '\\0' x"]),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(r.stdout.len(), 1_000_000);
    }
}
