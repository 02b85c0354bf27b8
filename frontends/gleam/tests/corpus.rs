//! Parses (and, where their imports are our library modules, type-checks)
//! every `.gleam` file under `$GLEAM_CORPUS` — checkouts of gleam-lang/stdlib,
//! gleam-lang/erlang and gleam-lang/otp, read in place and never committed.
//! Ignored by default: `GLEAM_CORPUS=/path cargo test -p eubeam-gleam
//! --test corpus -- --ignored --nocapture`. spec/gleam.md records the figures.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "gleam") {
            out.push(p);
        }
    }
}

#[test]
#[ignore]
fn corpus_parses() {
    let Some(root) = std::env::var_os("GLEAM_CORPUS") else {
        eprintln!("GLEAM_CORPUS not set; skipping");
        return;
    };
    let mut files = Vec::new();
    walk(Path::new(&root), &mut files);
    files.sort();
    let mut ok = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let path = f.display().to_string();
        let (_, diags) = eubeam_gleam::parser::parse_module(&text, &path);
        let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
        if errors.is_empty() {
            ok += 1;
        } else {
            eprintln!(
                "{}",
                errors[0]
                    .render(&text, false)
                    .lines()
                    .take(12)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
    eprintln!("parsed {ok}/{} files", files.len());
}

/// Type-checks every module under `$GLEAM_CORPUS/*/src/` and then every
/// module under `*/test/`, with imports resolved among those modules (not
/// our library).
#[test]
#[ignore]
fn corpus_type_checks() {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::sync::Arc;

    use eubeam_gleam::interface::Interface;

    let Some(root) = std::env::var_os("GLEAM_CORPUS") else {
        eprintln!("GLEAM_CORPUS not set; skipping");
        return;
    };
    let root = PathBuf::from(root);
    let mut files = Vec::new();
    walk(&root, &mut files);
    // Modules under src/ and test/ by their module names; the test
    // modules import the src modules, gleeunit (stdlib's test/ has a copy)
    // and `logging` (a package outside the corpus: a stub below).
    let module_of = |p: &PathBuf, dir: &str| -> Option<(String, PathBuf)> {
        let s = p.to_str()?.to_string();
        let i = s.find(dir)?;
        let m = s[i + dir.len()..].strip_suffix(".gleam")?.to_string();
        Some((m, p.clone()))
    };
    let mut sources: HashMap<String, PathBuf> =
        files.iter().filter_map(|p| module_of(p, "/src/")).collect();
    let src_names: Vec<String> = sources.keys().cloned().collect();
    let test_names: Vec<String> = files
        .iter()
        .filter_map(|p| module_of(p, "/test/"))
        .map(|(m, p)| {
            sources.insert(m.clone(), p);
            m
        })
        .collect();
    let stub_dir = std::env::temp_dir().join("eubeam-gleam-corpus-stubs");
    let _ = std::fs::create_dir_all(&stub_dir);
    let stub = stub_dir.join("logging.gleam");
    let _ = std::fs::write(&stub, "pub fn configure() -> Nil { Nil }\n");
    sources.insert("logging".to_string(), stub);
    type Cache = RefCell<HashMap<String, Result<Arc<Interface>, String>>>;
    fn load(
        m: &str,
        sources: &HashMap<String, PathBuf>,
        cache: &Cache,
    ) -> Option<Result<Arc<Interface>, String>> {
        if let Some(r) = cache.borrow().get(m) {
            return Some(r.clone());
        }
        let path = sources.get(m)?;
        cache
            .borrow_mut()
            .insert(m.to_string(), Err(format!("import cycle through {m}")));
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let (mut ast, diags) =
            eubeam_gleam::parser::parse_module(&text, &path.display().to_string());
        let r = if diags.iter().any(|d| d.is_error()) {
            Err("parse error".to_string())
        } else {
            let p = path.display().to_string();
            let mut c = eubeam_gleam::check::Checker::new(&p, m);
            let loader = |x: &str| load(x, sources, cache);
            let iface = c.check_module(&mut ast, &loader);
            match c.diags.iter().find(|d| d.is_error()) {
                Some(d) => Err(d
                    .render(&text, false)
                    .lines()
                    .take(14)
                    .collect::<Vec<_>>()
                    .join("\n")),
                None => Ok(Arc::new(iface)),
            }
        };
        cache.borrow_mut().insert(m.to_string(), r.clone());
        Some(r)
    }
    let cache: Cache = RefCell::new(HashMap::new());
    for (what, mut names) in [("src", src_names), ("test", test_names)] {
        names.sort();
        let mut ok = 0;
        for m in &names {
            match load(m, &sources, &cache) {
                Some(Ok(_)) => ok += 1,
                Some(Err(e)) => eprintln!("{m}: {e}"),
                None => {}
            }
        }
        eprintln!("type-checked {ok}/{} {what} modules", names.len());
    }
}
