//! The Lua shell driven through a pseudo-terminal (util-linux `script`
//! allocates it, so `eubeam repl` reads through its line editor): Tab
//! completion and the per-language history file. The harness is the one of
//! `repl_elixir_pty.rs`: type, then wait for the answer, as a person.

mod common;

use std::time::Duration;

use common::pty::Pty;

/// Tab completes globals (`pri` → `print`), library tables' fields
/// (`string.fo` → `string.format`; `string.g` then a second Tab lists
/// `gmatch gsub`) and the shell's locals (`gree` → `greeting`). The
/// history goes to `$HOME/.eubeam_history_lua`.
#[test]
fn the_lua_shell_completes_and_keeps_its_history() {
    let home = std::env::temp_dir().join(format!("eubeam-lua-pty-tab-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("temp home");
    let Some(mut sh) = Pty::start(&home, "lua") else {
        eprintln!("NOTE: `script` not found; the pty completion test did not run");
        return;
    };
    sh.expect("shell (lua)");
    sh.expect("> ");
    sh.type_keys("local greeting = \"hi\"\n");
    sh.expect("> ");

    sh.type_keys("pri\t");
    sh.expect("print");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("(string.fo\t");
    sh.expect("print(string.format");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("(\"%s!\", gree\t");
    sh.expect("print(string.format(\"%s!\", greeting");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("))\n");
    sh.expect("hi!\n");
    sh.expect("> ");

    sh.type_keys("string.g\t");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("\t");
    sh.expect("gmatch");
    sh.expect("gsub");
    // Ctrl-C drops the half-typed line; a second Ctrl-C leaves the shell.
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("\u{3}");
    sh.expect("(Ctrl-C again or Ctrl-D to quit)");
    sh.expect("> ");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("\u{3}");
    sh.wait_exit();
    let history = std::fs::read_to_string(home.join(".eubeam_history_lua")).unwrap_or_default();
    assert!(history.contains("greeting))"), "history file: {history:?}");
    let _ = std::fs::remove_dir_all(&home);
}
