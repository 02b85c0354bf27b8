//! The Gleam shell driven through a pseudo-terminal (util-linux `script`
//! allocates it, so `eubeam repl` reads through its line editor): Tab
//! completion and the per-language history file. The harness is the one of
//! `repl_elixir_pty.rs`: type, then wait for the answer, as a person.

mod common;

use std::time::Duration;

use common::pty::Pty;

/// After `import gleam/list`, Tab completes the alias (`lis` → `list.`)
/// and the module's public functions (`list.rev` → `list.reverse`, a second
/// Tab on `list.ma` lists `map/2  max/2`), bindings (`num` →
/// `numbers`) and import paths (`import gleam/st` → `gleam/string`). The
/// history goes to `$HOME/.eubeam_history_gleam`.
#[test]
fn the_gleam_shell_completes_and_keeps_its_history() {
    let home = std::env::temp_dir().join(format!("eubeam-gleam-pty-tab-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("temp home");
    let Some(mut sh) = Pty::start(&home, "gleam") else {
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

    // The shell is a process: spawn a child that sends on a Subject the
    // shell made, then receive from it.
    sh.type_keys("import gleam/erlang/process\n");
    sh.expect("> ");
    sh.type_keys("let s = process.new_subject()\n");
    sh.expect("process.Subject");
    sh.expect("> ");
    sh.type_keys("process.spawn(fn() { process.send(s, 42) })\n");
    sh.expect("process.Pid");
    sh.expect("> ");
    sh.type_keys("process.receive(s, 1000)\n");
    sh.expect("Ok(42)");
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
