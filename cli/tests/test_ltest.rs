//! ltest on eubeam: the LFE modules in tests/test_frameworks/ltest/ (see its
//! README for how each expected file was recorded from the real LFE, ltest
//! and EUnit) run through `eubeam test` and through `eunit:test/1,2` from
//! LFE code, compared after the normalisation the README describes.

mod common;

use std::path::PathBuf;

use common::{eubeam, repo_root, run};

fn fixture() -> PathBuf {
    repo_root().join("tests/test_frameworks/ltest")
}

/// What real LFE recorded, with the eunit.hrl path it gives functions of a
/// file that includes ltest's macros replaced by the file's name.
fn expected(name: &str) -> String {
    let text = std::fs::read_to_string(fixture().join("expected").join(name))
        .expect("expected output exists");
    text.split_inclusive('\n').map(fix_hrl_path).collect()
}

fn fix_hrl_path(line: &str) -> String {
    let Some(at) = line.find("/include/eunit.hrl, line ") else {
        return line.to_string();
    };
    let Some(open) = line[..at].rfind(" (") else {
        return line.to_string();
    };
    // `in function 'calc-tests':f/0 (...)`: the module is quoted.
    let module = line.split('\'').nth(1).unwrap_or("").to_string();
    format!(
        "{} ({module}.lfe{}",
        &line[..open],
        &line[at + "/include/eunit.hrl".len()..]
    )
}

/// Timings only: `[done in 0.006 s]` lines go, `[0.003 s] ok` is `ok`.
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with("[done in ") && t.ends_with(" s]") {
            continue;
        }
        let mut l = line.to_string();
        if let Some(open) = l.rfind("...[") {
            if let Some(close) = l[open..].find(" s] ok") {
                l.replace_range(open + 3..open + close + 4, "");
            }
        }
        out.push_str(&l);
    }
    out
}

#[test]
fn eubeam_test_runs_ltest_modules_on_eunit() {
    let r = run(eubeam().current_dir(fixture()).arg("test"));
    let want = format!("{}12 passed, 18 failed\n", expected("eubeam_test.txt"));
    assert_eq!(
        normalise(&r.stdout),
        normalise(&want),
        "stderr:\n{}",
        r.stderr
    );
    assert_eq!(r.status, Some(1), "stderr:\n{}", r.stderr);
}

#[test]
fn eunit_test_from_lfe_code_prints_as_real_lfe() {
    for m in ["calc-tests", "ltest-asserts-tests"] {
        for (opts, file) in [
            ("", format!("{m}.txt")),
            (" '(verbose)", format!("{m}.verbose.txt")),
        ] {
            let r = run(eubeam().current_dir(fixture()).args([
                "run",
                &format!("{m}.lfe"),
                "calc.lfe",
                "--eval",
                &format!("(eunit:test '{m}{opts})"),
            ]));
            assert_eq!(
                normalise(&r.stdout),
                normalise(&expected(&file)),
                "{file}; stderr:\n{}",
                r.stderr
            );
        }
    }
}

#[test]
fn lang_and_filter_select_lfe_tests() {
    let r = run(eubeam()
        .current_dir(fixture())
        .args(["test", "--lang", "lfe", "--filter", "divide", "."]));
    assert_eq!(
        r.stdout, "  Test passed.\n1 passed, 0 failed\n",
        "stderr:\n{}",
        r.stderr
    );
    assert_eq!(r.status, Some(0));
    let r = run(eubeam()
        .current_dir(fixture())
        .args(["test", "--lang", "erlang", "."]));
    assert_eq!(r.stdout, "0 passed, 0 failed\n", "stderr:\n{}", r.stderr);
}
