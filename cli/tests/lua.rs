//! Lua test programs (`tests/lua/*.lua`), each compared with what `lua5.4`
//! printed for it (recorded by `tests/lua/record.sh`): stdout exactly, and
//! for programs that fail the exit status and the first line of stderr.

mod common;

use common::{eubeam, repo_root, run};

#[test]
fn every_lua_program_matches_lua54() {
    let root = repo_root();
    let dir = root.join("tests/lua");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/lua exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "lua"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let rel = format!("tests/lua/{name}.lua");
        let expected =
            std::fs::read_to_string(dir.join(format!("{name}.expected"))).unwrap_or_default();
        let exit: i32 = std::fs::read_to_string(dir.join(format!("{name}.exit")))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let stderr = std::fs::read_to_string(dir.join(format!("{name}.stderr"))).ok();
        let r = run(eubeam().current_dir(&root).arg("run").arg(&rel));
        let mut problems = Vec::new();
        if r.stdout != expected {
            problems.push(format!(
                "stdout differs\n--- expected\n{expected}\n--- got\n{}",
                r.stdout
            ));
        }
        if r.status != Some(exit) {
            problems.push(format!("exit {:?}, expected {exit}", r.status));
        }
        if let Some(want) = stderr {
            let first = r.stderr.lines().next().unwrap_or("");
            if first != want.trim_end() {
                problems.push(format!(
                    "stderr first line {first:?}, expected {:?}",
                    want.trim_end()
                ));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{rel}: {}\nstderr: {}",
                problems.join("\n"),
                r.stderr
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} Lua programs differ from lua5.4:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

/// Luerl's API from Erlang (`tests/lua/hosting/*.erl`): results checked by
/// hand against what lua5.4 computes for the same chunks (erl has no
/// luerl here to record from).
#[test]
fn hosting_through_luerl_api() {
    let root = repo_root();
    let dir = root.join("tests/lua/hosting");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/lua/hosting exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "erl" || e == "exs"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for f in &files {
        let expected = std::fs::read_to_string(f.with_extension("expected")).unwrap_or_default();
        let r = run(eubeam().current_dir(&root).arg("run").arg(f));
        assert_eq!(r.status, Some(0), "{}: {}", f.display(), r.stderr);
        assert_eq!(r.stdout, expected, "{}", f.display());
    }
}
