//! The Gleam shell driven through a pseudo-terminal (util-linux `script`
//! allocates it, so `eubeam repl` reads through its line editor): Tab
//! completion and the per-language history file. The harness is the one of
//! `repl_elixir_pty.rs`: type, then wait for the answer, as a person.

mod common;

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long one answer may take before the test fails with the transcript.
const WAIT: Duration = Duration::from_secs(20);

struct Pty {
    child: Child,
    input: ChildStdin,
    /// Everything the terminal showed so far (raw bytes, escapes included).
    screen: Arc<Mutex<Vec<u8>>>,
    /// Position in the cleaned transcript up to which answers were consumed.
    seen: usize,
}

/// The transcript without terminal control sequences and carriage returns.
fn clean(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                // CSI: ESC [ parameters final-byte; other escapes: ESC x.
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        if d.is_ascii_alphabetic() || d == '~' {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

impl Pty {
    /// Starts the shell under `script`, or `None` when `script` is missing.
    fn start(home: &std::path::Path) -> Option<Pty> {
        let bin = env!("CARGO_BIN_EXE_eubeam");
        let mut child = Command::new("script")
            .args(["-q", "-f", "-e", "-c"])
            .arg(format!("'{bin}' repl --lang gleam"))
            .arg("/dev/null")
            .env("HOME", home)
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let input = child.stdin.take().expect("piped stdin");
        let mut output = child.stdout.take().expect("piped stdout");
        let screen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = output.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("screen lock")
                    .extend_from_slice(&buf[..n]);
            }
        });
        Some(Pty {
            child,
            input,
            screen,
            seen: 0,
        })
    }

    fn transcript(&self) -> String {
        clean(&self.screen.lock().expect("screen lock"))
    }

    /// Waits until `want` appears after what was already consumed.
    fn expect(&mut self, want: &str) {
        let start = Instant::now();
        loop {
            let t = self.transcript();
            if let Some(i) = t.get(self.seen..).and_then(|rest| rest.find(want)) {
                self.seen += i + want.len();
                return;
            }
            assert!(
                start.elapsed() < WAIT,
                "waited for {want:?}; the terminal shows:\n{t}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn type_keys(&mut self, keys: &str) {
        self.input.write_all(keys.as_bytes()).expect("type");
        self.input.flush().expect("flush");
    }
}

impl Pty {
    /// Ctrl-C (drops the line being edited), Ctrl-D at the fresh prompt,
    /// then waits for the shell to exit.
    fn quit(&mut self) {
        std::thread::sleep(Duration::from_millis(300));
        self.type_keys("\u{3}");
        self.expect("> ");
        std::thread::sleep(Duration::from_millis(300));
        self.type_keys("\u{4}");
        let start = Instant::now();
        while self.child.try_wait().expect("wait").is_none() {
            assert!(start.elapsed() < WAIT, "no exit on Ctrl-D");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// After `import gleam/list`, Tab completes the alias (`lis` → `list.`)
/// and the module's public functions (`list.rev` → `list.reverse`, a second
/// Tab on `list.ma` lists `map/2  max/2`), bindings (`num` →
/// `numbers`) and import paths (`import gleam/st` → `gleam/string`). The
/// history goes to `$HOME/.eubeam_history_gleam`.
#[test]
fn the_gleam_shell_completes_and_keeps_its_history() {
    let home = std::env::temp_dir().join(format!("eubeam-gleam-pty-tab-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("temp home");
    let Some(mut sh) = Pty::start(&home) else {
        eprintln!("NOTE: `script` not found; the pty completion test did not run");
        return;
    };
    sh.expect("shell (gleam)");
    sh.expect("> ");
    sh.type_keys("import gleam/li\t");
    sh.expect("import gleam/list");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("\n");
    sh.expect("> ");
    sh.type_keys("let numbers = [3, 1, 2]\n");
    sh.expect("[3, 1, 2]");
    sh.expect("> ");

    sh.type_keys("lis\t");
    sh.expect("list.");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("rev\t");
    sh.expect("list.reverse");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("(num\t");
    sh.expect("list.reverse(numbers");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys(")\n");
    sh.expect("[2, 1, 3]");
    sh.expect("> ");

    sh.type_keys("list.ma\t");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("\t");
    sh.expect("map/2");
    sh.expect("max/2");
    sh.quit();
    let history = std::fs::read_to_string(home.join(".eubeam_history_gleam")).unwrap_or_default();
    assert!(
        history.contains("list.reverse(numbers)"),
        "history file: {history:?}"
    );
    let _ = std::fs::remove_dir_all(&home);
}
