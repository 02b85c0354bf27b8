//! Runs every fixture in `tests/programs/` (see its README): `<name>.erl`
//! with the stdout recorded from the real `erl` in `<name>.expected`, and
//! optional `<name>.stderr_contains` (one required substring per line),
//! `<name>.stderr_layout` (stderr recorded from erl, compared with every
//! run of digits masked: times, pids and sizes may differ, the layout may
//! not), `<name>.exit` (expected exit status, default 0), `<name>.args` (extra
//! `eubeam run` options, whitespace-separated) and `<name>.max_rss_mb`
//! (a bound on the peak resident memory of the whole run); a
//! `<name>.no_gc_stress` file skips the fixture under the `gc-stress`
//! feature (its text says why).
//!
//! One test runs them all in sequence, so timing-sensitive fixtures (the
//! fairness ticker) do not compete with the others for the CPU.

mod common;

use std::path::Path;

use common::{eubeam, repo_root, run};

/// Every run of digits replaced by `N`.
fn mask_digits(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_digits = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('N');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

fn read_opt(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

#[test]
fn every_fixture_program_behaves_as_recorded_from_erl() {
    let dir = repo_root().join("tests/programs");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/programs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "erl"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty(), "no fixtures in {}", dir.display());
    let mut failures = Vec::new();
    for src in &sources {
        let stem = src.with_extension("");
        let with = |ext: &str| {
            let mut p = stem.clone().into_os_string();
            p.push(ext);
            std::path::PathBuf::from(p)
        };
        // Under gc-stress (`cargo test -p eubeam --features gc-stress`) a
        // collection at every call makes million-deep recursions quadratic
        // (each call scans the whole stack): such fixtures name the reason
        // in `<name>.no_gc_stress` and are skipped there.
        if cfg!(feature = "gc-stress") && with(".no_gc_stress").exists() {
            continue;
        }
        let mut cmd = eubeam();
        // `.args` paths (such as `-I tests/programs/include`) are relative
        // to the repository root.
        cmd.current_dir(repo_root()).arg("run");
        if let Some(args) = read_opt(&with(".args")) {
            cmd.args(args.split_whitespace());
        }
        cmd.arg(src);
        let r = run(&mut cmd);
        let name = src.display();
        let want_exit: i32 = read_opt(&with(".exit"))
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        if r.status != Some(want_exit) {
            failures.push(format!(
                "{name}: exit {:?}, expected {want_exit}\nstderr:\n{}",
                r.status, r.stderr
            ));
            continue;
        }
        // Bytes, not text: erl writes latin1 (see the `latin1_output` fixture).
        if let Ok(expected) = std::fs::read(with(".expected")) {
            if r.stdout_bytes != expected {
                failures.push(format!(
                    "{name}: stdout differs\n--- expected ---\n{}--- got ---\n{}--- stderr ---\n{}",
                    String::from_utf8_lossy(&expected),
                    r.stdout,
                    r.stderr
                ));
                continue;
            }
        }
        if let Some(needles) = read_opt(&with(".stderr_contains")) {
            for needle in needles.lines().filter(|l| !l.trim().is_empty()) {
                if !r.stderr.contains(needle) {
                    failures.push(format!(
                        "{name}: stderr lacks {needle:?}\n--- stderr ---\n{}",
                        r.stderr
                    ));
                }
            }
        }
        if let Some(layout) = read_opt(&with(".stderr_layout")) {
            // Recorded from erl; numbers (times, pids, sizes) may differ,
            // the layout may not.
            if !mask_digits(&r.stderr).contains(&mask_digits(&layout)) {
                failures.push(format!(
                    "{name}: stderr does not have the recorded layout\n--- expected (digits masked) ---\n{}--- stderr ---\n{}",
                    mask_digits(&layout),
                    r.stderr
                ));
            }
        }
        if let Some(limit) =
            read_opt(&with(".max_rss_mb")).and_then(|s| s.trim().parse::<i64>().ok())
        {
            if r.max_rss_kib > limit * 1024 {
                failures.push(format!(
                    "{name}: peak RSS {} KiB exceeds {limit} MiB",
                    r.max_rss_kib
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n\n{}",
        failures.len(),
        sources.len(),
        failures.join("\n\n")
    );
}
