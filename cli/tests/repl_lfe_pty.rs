//! The LFE shell driven through a pseudo-terminal, as a user at a terminal
//! drives it: `script` (util-linux) allocates the pty, so `eubeam repl`
//! sees a terminal on stdin and reads through its line editor (rustyline),
//! with terminal echo, escape sequences and history. The test types one
//! line at a time and waits for the shell's answer before the next, like a
//! person (the editor drops type-ahead that arrives before it starts).

mod common;

use std::time::Duration;

use common::pty::Pty;

#[test]
fn the_lfe_shell_at_a_terminal() {
    let home = std::env::temp_dir().join(format!("eubeam-lfe-pty-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("temp home");
    let Some(mut sh) = Pty::start(&home, "lfe") else {
        // Without util-linux's `script` there is no pty to drive the shell
        // through; say so loudly rather than pass quietly.
        eprintln!("NOTE: `script` not found; the pty shell test did not run");
        return;
    };
    sh.expect("shell (lfe)");
    sh.expect("lfe> ");

    // A multi-line input: read on until the brackets balance.
    sh.type_keys("(set x (+ 1\n");
    std::thread::sleep(Duration::from_millis(200));
    sh.type_keys("   2))\n");
    sh.expect("   2))\n3\n");
    sh.expect("lfe> ");

    // The binding is kept and reused; values print in LFE syntax.
    sh.type_keys("(list x (tuple 'ok (* x 10)) #\"bin\" (map 'k x))\n");
    sh.expect("(3 #(ok 30) #\"bin\" #M(k 3))\n");
    sh.expect("lfe> ");

    // An error is shown and the shell (with its bindings) carries on.
    sh.type_keys("(car 'notalist)\n");
    sh.expect("** exception error: badarg");
    sh.expect("lfe> ");
    sh.type_keys("(+ x 1)\n");
    sh.expect("\n4\n");
    sh.expect("lfe> ");

    // History: the up arrow brings back the last input.
    sh.type_keys("\u{1b}[A\n");
    sh.expect("(+ x 1)\n4\n");
    sh.expect("lfe> ");

    // The shell is a process: spawn a child that messages it, receive.
    sh.type_keys("(set me (self))\n");
    sh.expect("lfe> ");
    sh.type_keys("(spawn (lambda () (! me (tuple 'hi (* x 14)))))\n");
    sh.expect("lfe> ");
    sh.type_keys("(receive ((tuple 'hi n) n))\n");
    sh.expect("\n42\n");
    sh.expect("lfe> ");

    // Ctrl-D at the prompt leaves the shell, which exits 0.
    sh.type_keys("\u{4}");
    sh.wait_exit();
    let _ = std::fs::remove_dir_all(&home);
}

/// Tab inside an open paren completes module names (`(lis` → `(lists:`)
/// and their functions (`(lists:so` → `(lists:sort`, a second Tab lists
/// `sort/1 sort/2`); elsewhere it completes bound variables (`my-l` →
/// `my-list`). The history goes to `$HOME/.eubeam_history_lfe`.
#[test]
fn the_lfe_shell_completes_and_keeps_its_history() {
    let home = std::env::temp_dir().join(format!("eubeam-lfe-pty-tab-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("temp home");
    let Some(mut sh) = Pty::start(&home, "lfe") else {
        eprintln!("NOTE: `script` not found; the pty completion test did not run");
        return;
    };
    sh.expect("lfe> ");
    sh.type_keys("(set my-list (list 3 1))\n");
    sh.expect("(3 1)\n");
    sh.expect("lfe> ");

    sh.type_keys("(lis\t");
    sh.expect("(lists:");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("so\t");
    sh.expect("(lists:sort");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("\t");
    sh.expect("sort/1");
    sh.expect("sort/2");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys(" my-l\t");
    sh.expect("(lists:sort my-list");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys(")\n");
    sh.expect("(1 3)\n");
    sh.expect("lfe> ");

    sh.type_keys("\u{4}");
    sh.wait_exit();
    let history = std::fs::read_to_string(home.join(".eubeam_history_lfe")).unwrap_or_default();
    assert!(
        history.contains("(lists:sort my-list)"),
        "history file: {history:?}"
    );
    let _ = std::fs::remove_dir_all(&home);
}
