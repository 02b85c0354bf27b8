//! Helpers for the distribution tests: start `erl` and `eubeam` nodes that
//! are always killed (a guard with `Drop`, even when the test fails), give
//! every node a name unique to this test process, and run a client node
//! that prints one line per step (`tests/dist/client.erl`), killing the
//! peers when it prints `ready_to_kill`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The cookie every test node uses (never the user's).
pub const COOKIE: &str = "eubeam_dist_tests";

/// A running node; killed and reaped when dropped.
pub struct Node {
    pub name: String,
    child: Child,
}

impl Node {
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Is `erl` installed? Prints why the test is skipped when not.
pub fn have_erl(test: &str) -> bool {
    let ok = Command::new("erl")
        .args(["-noshell", "-eval", "halt()."])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("{test}: skipped: erl is not installed");
    }
    ok
}

/// A short node name unique to this test process and call.
pub fn unique(prefix: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{prefix}{}x{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

pub fn full_name(sname: &str) -> String {
    format!("{sname}@{}", eubeam_runtime::dist::short_hostname())
}

pub fn fixture(file: &str) -> PathBuf {
    super::repo_root().join("tests/dist").join(file)
}

/// A temporary directory, removed when dropped.
pub struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh directory with `tests/dist/*.erl` compiled by erlc.
pub fn erlc_fixtures() -> TempDir {
    let dir = std::env::temp_dir().join(unique("eubeam_dist_"));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let guard = TempDir(dir.clone());
    let status = Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(fixture("distpeer.erl"))
        .arg(fixture("client.erl"))
        .arg(fixture("reconnect.erl"))
        .status()
        .expect("erlc");
    assert!(status.success(), "erlc failed");
    guard
}

/// Wait until epmd knows `sname` (the node is up and accepting).
fn wait_registered(sname: &str, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok(names) = eubeam_runtime::dist::epmd::names("127.0.0.1") {
            if names.iter().any(|(n, _)| n == sname) {
                // Registered before its servers started: give them a moment.
                std::thread::sleep(Duration::from_millis(300));
                return;
            }
        }
        if let Ok(Some(st)) = child.try_wait() {
            panic!("node {sname} exited before registering: {st}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("node {sname} did not register with epmd");
}

fn start(sname: &str, mut cmd: Command) -> Node {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start node");
    wait_registered(sname, &mut child);
    Node {
        name: full_name(sname),
        child,
    }
}

/// `erl -sname S` running `distpeer:main/0` from `dir`.
pub fn erl_peer(dir: &Path, sname: &str) -> Node {
    let mut c = Command::new("erl");
    c.args(["-sname", sname, "-setcookie", COOKIE, "-noshell", "-pa"])
        .arg(dir)
        .args(["-run", "distpeer", "main"]);
    start(sname, c)
}

/// `eubeam run --sname S tests/dist/distpeer.erl`.
pub fn eubeam_peer(sname: &str) -> Node {
    let mut c = super::eubeam();
    c.args(["run", "--sname", sname, "--cookie", COOKIE])
        .arg(fixture("distpeer.erl"));
    start(sname, c)
}

/// Run a client node to completion and return its stdout; when it prints
/// a line starting with `ready_to_kill`, every node in `kill` is killed.
pub fn run_client(cmd: Command, kill: &mut [Node]) -> String {
    run_client_then(cmd, || {
        for n in kill.iter_mut() {
            n.kill();
        }
    })
}

/// Run a client node to completion and return its stdout, calling
/// `on_ready` when it prints a line starting with `ready_to_kill`.
pub fn run_client_then(mut cmd: Command, mut on_ready: impl FnMut()) -> String {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start client");
    let out = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel::<Option<String>>();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(Some(line)).is_err() {
                return;
            }
        }
        let _ = tx.send(None);
    });
    let mut text = String::new();
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(Some(line)) => {
                if line.starts_with("ready_to_kill") {
                    on_ready();
                }
                text.push_str(&line);
                text.push('\n');
            }
            Ok(None) => break,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("client timed out; output so far:\n{text}");
            }
        }
    }
    let _ = child.wait();
    text
}

/// The client as an eubeam node.
pub fn eubeam_client(sname: &str, file: &str, args: &[String]) -> Command {
    let mut c = super::eubeam();
    c.args(["run", "--sname", sname, "--cookie", COOKIE])
        .arg(fixture(file))
        .arg("--")
        .args(args);
    c
}

/// The client as an erl node (`client:main([Peer])`).
pub fn erl_client(dir: &Path, sname: &str, peer: &str) -> Command {
    let mut c = Command::new("erl");
    c.args(["-sname", sname, "-setcookie", COOKIE, "-noshell", "-pa"])
        .arg(dir)
        .args(["-run", "client", "main", peer, "-s", "erlang", "halt"]);
    c
}

pub fn expected(file: &str) -> String {
    std::fs::read_to_string(fixture(file)).expect("expected output")
}
