//! Parser completeness against real code: every `.ex` file under the
//! directory named by `EUBEAM_ELIXIR_CORPUS` (Elixir 1.14's `lib/elixir/lib`,
//! read in place, never committed) must parse. Without the variable the test
//! does nothing. Prints the figure recorded in spec/elixir.md:
//!
//! `EUBEAM_ELIXIR_CORPUS=/path/to/elixir/lib/elixir/lib cargo test -p eubeam-elixir --test parse_corpus -- --nocapture`

use std::path::{Path, PathBuf};

fn ex_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            ex_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "ex") {
            out.push(p);
        }
    }
}

#[test]
fn every_file_of_the_corpus_parses() {
    let Ok(dir) = std::env::var("EUBEAM_ELIXIR_CORPUS") else {
        eprintln!("EUBEAM_ELIXIR_CORPUS not set: skipped");
        return;
    };
    let mut files = Vec::new();
    ex_files(Path::new(&dir), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no .ex files under {dir}");
    let (mut parsed, mut lowered) = (0, 0);
    let mut parse_failures = Vec::new();
    let mut lower_failures = Vec::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let name = f.strip_prefix(&dir).unwrap_or(f).display().to_string();
        // Parse and lower on a big stack, as the frontend does.
        let path = f.display().to_string();
        let shown = path.clone();
        let (perrs, lres) = eubeam_ir::on_compiler_thread(
            "Elixir",
            &shown,
            move || {
                let (_, errors, _) = eubeam_elixir::parser::parse(&text);
                let first = errors.first().map(|e| {
                    let line = text[..e.span.start.min(text.len())].lines().count();
                    format!("line {line}: {}", e.message)
                });
                let lowered = if errors.is_empty() {
                    eubeam_elixir::compile_source(&path, &text)
                        .map(|_| ())
                        .map_err(|d| d.first().map(|d| d.message.clone()).unwrap_or_default())
                } else {
                    Err(String::new())
                };
                (first, lowered)
            },
            |d| (Some(d.message.clone()), Err(String::new())),
        );
        match perrs {
            None => {
                parsed += 1;
                match lres {
                    Ok(()) => lowered += 1,
                    Err(m) => lower_failures.push(format!("{name}: {m}")),
                }
            }
            Some(m) => parse_failures.push(format!("{name}: {m}")),
        }
    }
    println!(
        "parsed {parsed}/{} files; lowered {lowered}/{}",
        files.len(),
        files.len()
    );
    for f in &parse_failures {
        println!("parse failure: {f}");
    }
    for f in &lower_failures {
        println!("lowering failure: {f}");
    }
    assert!(
        parse_failures.is_empty(),
        "{} files do not parse",
        parse_failures.len()
    );
}
