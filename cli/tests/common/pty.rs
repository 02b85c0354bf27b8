//! A shell driven through a pseudo-terminal, as a user at a terminal drives
//! it: `script` (util-linux) allocates the pty, so `eubeam repl` sees a
//! terminal on stdin and reads through its line editor (rustyline), with
//! terminal echo, escape sequences and history. Tests type one line at a
//! time and wait for the shell's answer before the next, like a person (the
//! editor drops type-ahead that arrives before it starts).

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long one answer may take before the test fails with the transcript.
pub const WAIT: Duration = Duration::from_secs(20);

pub struct Pty {
    child: Child,
    input: ChildStdin,
    /// Everything the terminal showed so far (raw bytes, escapes included).
    screen: Arc<Mutex<Vec<u8>>>,
    /// Position in the cleaned transcript up to which answers were consumed.
    seen: usize,
}

/// The transcript without terminal control sequences and carriage returns.
pub fn clean(raw: &[u8]) -> String {
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
    pub fn start(home: &std::path::Path, lang: &str) -> Option<Pty> {
        let bin = env!("CARGO_BIN_EXE_eubeam");
        let mut child = Command::new("script")
            .args(["-q", "-f", "-e", "-c"])
            .arg(format!("'{bin}' repl --lang {lang}"))
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

    pub fn transcript(&self) -> String {
        clean(&self.screen.lock().expect("screen lock"))
    }

    /// Waits until `want` appears after what was already consumed.
    pub fn expect(&mut self, want: &str) {
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

    pub fn type_keys(&mut self, keys: &str) {
        self.input.write_all(keys.as_bytes()).expect("type");
        self.input.flush().expect("flush");
    }

    /// Ctrl-C (drops the line being edited), Ctrl-D at a fresh `> ` prompt,
    /// then waits for the shell to exit.
    pub fn quit(&mut self) {
        std::thread::sleep(Duration::from_millis(300));
        self.type_keys("\u{3}");
        self.expect("> ");
        std::thread::sleep(Duration::from_millis(300));
        self.type_keys("\u{4}");
        self.wait_exit();
    }

    /// Waits for the shell to exit, which must be a success.
    pub fn wait_exit(&mut self) {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                break s;
            }
            assert!(
                start.elapsed() < WAIT,
                "the shell did not exit:\n{}",
                self.transcript()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "exit {status:?}:\n{}", self.transcript());
    }
}
