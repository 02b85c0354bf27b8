//! `eubeam ir` prints Core Erlang that the real compiler accepts:
//! `erlc +from_core` is a free, strong check of the Erlang lowering.

mod common;

use common::{eubeam, have_tool, repo_root, run};

#[test]
fn ir_of_every_erlang_example_compiles_with_erlc_from_core() {
    if !have_tool(
        "erlc",
        "ir_of_every_erlang_example_compiles_with_erlc_from_core",
    ) {
        return;
    }
    let tmp = std::env::temp_dir().join(format!("eubeam-ir-core-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let mut sources: Vec<_> = std::fs::read_dir(repo_root().join("examples"))
        .expect("examples/")
        .filter_map(|e| e.ok().map(|e| e.path().join("main.erl")))
        .filter(|p| p.exists())
        .collect();
    let programs = repo_root().join("tests/programs");
    if let Ok(entries) = std::fs::read_dir(&programs) {
        sources.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    // Fixtures of compile errors (`.exit` 2) have no IR.
                    p.extension().is_some_and(|e| e == "erl")
                        && std::fs::read_to_string(p.with_extension("exit"))
                            .map_or(true, |s| s.trim() != "2")
                }),
        );
    }
    sources.sort();
    assert!(!sources.is_empty());
    for (i, src) in sources.iter().enumerate() {
        // The `-I DIR` options of a fixture's `.args` (relative to the root).
        let args = std::fs::read_to_string(src.with_extension("args")).unwrap_or_default();
        let words: Vec<&str> = args.split_whitespace().collect();
        let mut cmd = eubeam();
        cmd.current_dir(repo_root()).arg("ir");
        for w in words.windows(2).filter(|w| w[0] == "-I") {
            cmd.arg("-I").arg(w[1]);
        }
        let r = run(cmd.arg(src));
        assert_eq!(
            r.status,
            Some(0),
            "eubeam ir {}: {}",
            src.display(),
            r.stderr
        );
        // erlc insists that the file is named after the module.
        let module = r
            .stdout
            .strip_prefix("module '")
            .and_then(|rest| rest.split('\'').next())
            .expect("Core Erlang starts with the module header");
        let dir = tmp.join(i.to_string());
        std::fs::create_dir_all(&dir).expect("temp dir");
        let core = dir.join(format!("{module}.core"));
        std::fs::write(&core, &r.stdout).expect("write core");
        let out = std::process::Command::new("erlc")
            .arg("+from_core")
            .arg("-o")
            .arg(&dir)
            .arg(&core)
            .output()
            .expect("run erlc");
        assert!(
            out.status.success(),
            "erlc +from_core rejected the IR of {}:\n{}{}\n--- core ---\n{}",
            src.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            r.stdout
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
