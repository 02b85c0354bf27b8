//! Every `examples/<name>/main.<ext>` prints its `expected.txt`, and
//! `eubeam compare` agrees.

mod common;

use common::{eubeam, repo_root, run};

/// Extensions the current build runs; the others are checked by their
/// frontends' own suites once they exist.
const RUNNABLE: [&str; 5] = ["erl", "exs", "lfe", "gleam", "lua"];

/// Under gc-stress (a collection at every allocation check) an example
/// whose live data is large becomes quadratic; such an example says why in
/// a `no_gc_stress` file and is skipped there.
fn examples() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(repo_root().join("examples"))
        .expect("examples/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !(cfg!(feature = "gc-stress") && p.join("no_gc_stress").exists()))
        .filter(|p| p.join("expected.txt").exists())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_example_prints_its_expected_output() {
    let dirs = examples();
    assert!(!dirs.is_empty(), "no examples found");
    let mut checked = 0;
    for dir in dirs {
        let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
        for ext in RUNNABLE {
            let main = dir.join(format!("main.{ext}"));
            if !main.exists() {
                continue;
            }
            let r = run(eubeam().arg("run").arg(&main));
            assert_eq!(
                r.status,
                Some(0),
                "{} exited {:?}\nstderr:\n{}",
                main.display(),
                r.status,
                r.stderr
            );
            assert_eq!(r.stdout, expected, "{}", main.display());
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn compare_agrees_on_every_example() {
    // Under gc-stress the test above already ran every program; compare
    // would run them all again.
    if cfg!(feature = "gc-stress") {
        return;
    }
    for dir in examples() {
        let r = run(eubeam().arg("compare").arg(&dir));
        assert_eq!(
            r.status,
            Some(0),
            "{}\n{}{}",
            dir.display(),
            r.stdout,
            r.stderr
        );
        assert!(r.stdout.contains("agree"), "{}", r.stdout);
    }
}
