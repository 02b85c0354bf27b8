//! The Elixir shell (`iex`-like) driven through a pseudo-terminal, as a user at a terminal
//! drives it: `script` (util-linux) allocates the pty, so `eubeam repl`
//! sees a terminal on stdin and reads through its line editor (rustyline),
//! with terminal echo, escape sequences and history. The test types one
//! line at a time and waits for the shell's answer before the next, like a
//! person (the editor drops type-ahead that arrives before it starts).

mod common;

use std::time::Duration;

use common::pty::Pty;

#[test]
fn the_elixir_shell_at_a_terminal() {
    let home = std::env::temp_dir().join(format!("eubeam-ex-pty-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("temp home");
    let Some(mut sh) = Pty::start(&home, "elixir") else {
        // Without util-linux's `script` there is no pty to drive the shell
        // through; say so loudly rather than pass quietly.
        eprintln!("NOTE: `script` not found; the pty shell test did not run");
        return;
    };
    sh.expect("shell (elixir)");
    sh.expect("iex(1)> ");

    // A binding, printed with inspect.
    sh.type_keys("x = 1 + 2\n");
    sh.expect("\n3\n");
    sh.expect("iex(2)> ");

    // A multi-line input: read on until the brackets balance.
    sh.type_keys("list = [x,\n");
    std::thread::sleep(Duration::from_millis(200));
    sh.type_keys("  x * 10]\n");
    sh.expect("[3, 30]\n");
    sh.expect("iex(3)> ");

    // A do-block over several lines, output and value.
    sh.type_keys("if x > 2 do\n");
    std::thread::sleep(Duration::from_millis(200));
    sh.type_keys("  IO.puts(\"big\")\n");
    std::thread::sleep(Duration::from_millis(200));
    sh.type_keys("end\n");
    sh.expect("big\n:ok\n");
    sh.expect("iex(4)> ");

    // Nested data is inspected as Elixir does.
    sh.type_keys("%{list: list, kw: [a: 1], s: \"hi\", t: {:ok, 'abc'}}\n");
    sh.expect("%{kw: [a: 1], list: [3, 30], s: \"hi\", t: {:ok, 'abc'}}\n");
    sh.expect("iex(5)> ");

    // An exception is shown and the shell (with its bindings) carries on.
    sh.type_keys("Enum.map(list, fn y -> y / 0 end)\n");
    sh.expect("** (ArithmeticError) bad argument in arithmetic expression");
    sh.expect("iex(6)> ");
    sh.type_keys("Enum.sum(list) + x\n");
    sh.expect("\n36\n");
    sh.expect("iex(7)> ");

    // History: the up arrow brings back the last input.
    sh.type_keys("\u{1b}[A\n");
    sh.expect("Enum.sum(list) + x\n36\n");
    sh.expect("iex(8)> ");

    // The shell is a process: spawn a child that messages it, receive.
    sh.type_keys("me = self()\n");
    sh.expect("iex(9)> ");
    sh.type_keys("spawn(fn -> send(me, {:hi, x * 14}) end)\n");
    sh.expect("#PID<");
    sh.expect("iex(10)> ");
    sh.type_keys("receive do {:hi, n} -> n end\n");
    sh.expect("\n42\n");
    sh.expect("iex(11)> ");

    // Ctrl-D at the prompt leaves the shell, which exits 0.
    sh.type_keys("\u{4}");
    sh.wait_exit();
    let _ = std::fs::remove_dir_all(&home);
}

/// Tab completes module aliases (`Enu` → `Enum.`), their functions
/// (`Enum.so` → `sort`, a second Tab lists `sort/1 sort/2 sort_by/2 ...`),
/// Erlang modules and functions (`:lists.rev` → `:lists.reverse`) and bound
/// names (`total_co` → `total_count`) and Kernel's functions (`is_ato` →
/// `is_atom`); the history goes to
/// `$HOME/.eubeam_history_elixir`, the Elixir shell's own file.
#[test]
fn the_elixir_shell_completes_and_keeps_its_history() {
    let home = std::env::temp_dir().join(format!("eubeam-ex-pty-tab-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("temp home");
    let Some(mut sh) = Pty::start(&home, "elixir") else {
        eprintln!("NOTE: `script` not found; the pty completion test did not run");
        return;
    };
    sh.expect("iex(1)> ");
    sh.type_keys("total_count = [3, 1]\n");
    sh.expect("[3, 1]\n");
    sh.expect("iex(2)> ");

    sh.type_keys("Enu\t");
    sh.expect("Enum.");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("so\t");
    sh.expect("Enum.sort");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("\t");
    sh.expect("sort/1");
    sh.expect("sort_by/2");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("(total_co\t");
    sh.expect("Enum.sort(total_count");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys(")\n");
    sh.expect("[1, 3]\n");
    sh.expect("iex(3)> ");

    sh.type_keys(":lists.rev\t");
    sh.expect(":lists.reverse");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("(total_count)\n");
    sh.expect("[1, 3]\n");
    sh.expect("iex(4)> ");

    // Kernel's functions complete without `Kernel.`.
    sh.type_keys("is_ato\t");
    sh.expect("is_atom");
    std::thread::sleep(Duration::from_millis(300));
    sh.type_keys("(:a)\n");
    sh.expect("true\n");
    sh.expect("iex(5)> ");

    sh.type_keys("\u{4}");
    sh.wait_exit();
    let history = std::fs::read_to_string(home.join(".eubeam_history_elixir")).unwrap_or_default();
    assert!(
        history.contains("Enum.sort(total_count)"),
        "history file: {history:?}"
    );
    let _ = std::fs::remove_dir_all(&home);
}
