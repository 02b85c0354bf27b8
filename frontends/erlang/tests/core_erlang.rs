//! The lowering checked by the IR validator and, where `erlc` is installed,
//! by the real compiler: the printed Core Erlang must compile with
//! `erlc +from_core` and behave like the Erlang source.

use std::process::Command;

use eubeam_erlang::{stdlib_source, ErlangFrontend};
use eubeam_ir::{Frontend, SourceFile};

fn lower(path: &str, text: &str) -> eubeam_ir::Module {
    let file = SourceFile {
        path: path.into(),
        text: text.into(),
    };
    match ErlangFrontend.compile(&file) {
        Ok(c) => c
            .modules
            .into_iter()
            .next()
            .unwrap_or_else(|| unreachable!()),
        Err(ds) => panic!("{ds:?}"),
    }
}

fn sources() -> Vec<(&'static str, &'static str)> {
    vec![
        ("squares.erl", include_str!("programs/squares.erl")),
        ("priority.erl", include_str!("programs/priority.erl")),
        ("constructs.erl", include_str!("programs/constructs.erl")),
        (
            "records.erl",
            include_str!("../../../tests/programs/records.erl"),
        ),
        stdlib_source("lists").unwrap_or_else(|| unreachable!()),
    ]
}

#[test]
fn lowered_modules_validate() {
    for (path, text) in sources() {
        let m = lower(path, text);
        if let Err(errs) = eubeam_ir::validate::validate(&m) {
            panic!("{path}: {errs:?}");
        }
    }
}

#[test]
fn printed_core_compiles_with_erlc_and_runs() {
    if Command::new("erlc").arg("-h").output().is_err() {
        eprintln!("erlc not installed; skipping");
        return;
    }
    let dir = std::env::temp_dir().join(format!("eubeam-erlang-core-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    for (path, text) in sources() {
        let mut m = lower(path, text);
        // Do not shadow OTP's own lists module in the check.
        if m.name == "lists" {
            continue;
        }
        m.name = format!("core_{}", m.name);
        let core = dir.join(format!("{}.core", m.name));
        std::fs::write(&core, eubeam_ir::printer::print_module(&m))
            .unwrap_or_else(|e| panic!("{e}"));
        let out = Command::new("erlc")
            .arg("+from_core")
            .arg("-o")
            .arg(&dir)
            .arg(&core)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "{path}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let run = Command::new("erl")
        .arg("-noshell")
        .arg("-pa")
        .arg(&dir)
        .arg("-eval")
        .arg("io:format(\"~w~n\", [{core_squares:run(), core_constructs:run()}]), halt().")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        stdout.trim(),
        include_str!("programs/constructs.expected").trim(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
