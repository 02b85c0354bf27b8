//! `eubeam test [PATH...]`: finds test files by each language's convention,
//! compiles them with the modules under test, runs every language's test
//! driver in one VM and prints one summary line. The contract between this
//! command and the drivers is spec/test.md.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::Args;
use eubeam_ir::{Frontend, ReplInput};
use eubeam_runtime::{Vm, VmConfig};

use crate::loader::LibraryLoader;
use crate::sources::{self, COMPILE_ERROR};
use crate::{diagnostics, languages};

#[derive(Args)]
pub struct TestArgs {
    /// Test files or folders searched for test files (default: the current
    /// folder)
    paths: Vec<PathBuf>,
    /// Run only the tests of this language (erlang, elixir, gleam, lfe, lua)
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Run only the tests whose name contains NAME
    #[arg(long, value_name = "NAME")]
    filter: Option<String>,
    /// Seed for frameworks that run tests in random order (default: random)
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Print one JSON object with the counts per language instead of the
    /// summary line; the frameworks' own output goes to stderr
    #[arg(long)]
    json: bool,
    /// Number of scheduler threads (default: one per core)
    #[arg(long, value_name = "N", default_value_t = 0)]
    schedulers: usize,
    /// Directory searched by -include and -include_lib (repeatable)
    #[arg(short = 'I', value_name = "DIR")]
    include: Vec<PathBuf>,
}

/// The languages in the order their drivers run (spec/test.md).
const ORDER: &[&str] = &["erlang", "elixir", "gleam", "lfe", "lua"];

/// Exit status when a test failed.
const TESTS_FAILED: u8 = 1;

/// What one language's driver reported.
#[derive(Clone, Copy, Default)]
struct Counts {
    passed: u64,
    failed: u64,
    skipped: u64,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.passed += o.passed;
        self.failed += o.failed;
        self.skipped += o.skipped;
    }

    fn json(&self) -> String {
        format!(
            "{{\"passed\":{},\"failed\":{},\"skipped\":{}}}",
            self.passed, self.failed, self.skipped
        )
    }
}

pub fn run(args: TestArgs) -> u8 {
    sources::set_include_paths(&args.include);
    if let Some(l) = &args.lang {
        if !ORDER.contains(&l.as_str()) {
            diagnostics::error(&format!(
                "--lang {l}: unknown language; expected one of {}",
                ORDER.join(", ")
            ));
            return COMPILE_ERROR;
        }
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let found = match discover(&paths, args.lang.as_deref()) {
        Ok(f) => f,
        Err(e) => {
            diagnostics::error(&e);
            return COMPILE_ERROR;
        }
    };
    let Some(suites) = compile(&found) else {
        return COMPILE_ERROR;
    };
    let config = VmConfig {
        schedulers: args.schedulers,
    };
    let vm = if args.json {
        Vm::new_captured(config, LibraryLoader::new())
    } else {
        Vm::new(config, LibraryLoader::new())
    };
    for module in suites.iter().flat_map(|s| s.all_modules.iter()) {
        if let Err(e) = vm.load_module(module) {
            diagnostics::error(&format!("cannot load module {}: {e}", module.name));
            return COMPILE_ERROR;
        }
    }
    let seed = args.seed.unwrap_or_else(random_seed);
    let mut per_lang: Vec<(&str, Counts)> = Vec::new();
    for suite in &suites {
        let counts = run_suite(&vm, suite, seed, args.filter.as_deref());
        if args.json {
            // The frameworks' output goes to stderr so that stdout is the
            // JSON object alone.
            let (out, err) = vm.take_output();
            eprint!("{out}{err}");
        }
        per_lang.push((suite.frontend.language(), counts));
    }
    let mut total = Counts::default();
    for (_, c) in &per_lang {
        total.add(*c);
    }
    if args.json {
        let langs: Vec<String> = per_lang
            .iter()
            .map(|(l, c)| format!("\"{l}\":{}", c.json()))
            .collect();
        println!(
            "{{\"languages\":{{{}}},\"passed\":{},\"failed\":{},\"skipped\":{},\"seed\":{seed}}}",
            langs.join(","),
            total.passed,
            total.failed,
            total.skipped
        );
    } else {
        let mut line = format!("{} passed, {} failed", total.passed, total.failed);
        if total.skipped > 0 {
            line.push_str(&format!(", {} skipped", total.skipped));
        }
        println!("{line}");
    }
    if total.failed == 0 {
        0
    } else {
        TESTS_FAILED
    }
}

/// A seed as ExUnit picks one: six decimal digits from the clock.
fn random_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as u64 ^ d.as_secs());
    nanos % 1_000_000
}

/// The files found for one language: test files and the non-test sources
/// compiled along with them.
struct Found {
    frontend: &'static dyn Frontend,
    tests: Vec<PathBuf>,
    sources: Vec<PathBuf>,
}

/// Folders never searched: version control, build output, dependencies.
fn skipped_dir(name: &str) -> bool {
    name.starts_with('.') || matches!(name, "_build" | "target" | "node_modules" | "deps")
}

/// Whether `path` is a test file by its language's convention (spec/test.md).
/// An `.erl` file is a candidate when its name ends in `_tests.erl` or its
/// text mentions EUnit or test functions; after compiling it is a test
/// module only if it has `*_test/0` or `*_test_/0` functions.
fn is_test_file(path: &Path, lang: &str) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let under = |dir: &str| {
        path.parent()
            .is_some_and(|p| p.components().any(|c| c.as_os_str() == dir))
    };
    match lang {
        "erlang" => {
            name.ends_with("_tests.erl")
                || std::fs::read_to_string(path).is_ok_and(|t| {
                    t.contains("eunit.hrl") || t.contains("_test/0") || t.contains("_test_/0")
                })
        }
        "elixir" => name.ends_with("_test.exs"),
        "gleam" => name.ends_with("_test.gleam") && under("test"),
        "lfe" => name.ends_with("-tests.lfe"),
        "lua" => (name.ends_with("_spec.lua") && under("spec")) || name.ends_with("_test.lua"),
        _ => false,
    }
}

fn frontend_of(path: &Path) -> Option<&'static dyn Frontend> {
    languages::for_path(path)
}

/// Every file under `dir` (recursively, sorted), skipping [`skipped_dir`]s.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        let p = clean(p);
        if p.is_dir() {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !skipped_dir(name) {
                walk(&p, out)?;
            }
        } else {
            out.push(p);
        }
    }
    Ok(())
}

/// `./x.erl` as `x.erl`: diagnostics and stack traces name a file of the
/// current folder as erlc does.
fn clean(p: PathBuf) -> PathBuf {
    match p.strip_prefix(".") {
        Ok(rest) if !rest.as_os_str().is_empty() => rest.to_path_buf(),
        _ => p,
    }
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The source files of `dir` itself (not its subfolders), sorted.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| clean(e.path()))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The folders whose sources are compiled along with a test file in `dir`:
/// `dir` itself and, for each enclosing `test/` or `spec/` folder, the
/// `src/` (and `lib/`, Elixir's) folders beside it, recursively.
fn source_files_for(dir: &Path) -> Vec<PathBuf> {
    let mut out = files_in(dir);
    let mut at = Some(dir);
    while let Some(d) = at {
        if d.file_name().is_some_and(|n| n == "test" || n == "spec") {
            if let Some(parent) = d.parent() {
                for side in ["src", "lib"] {
                    let s = parent.join(side);
                    if s.is_dir() {
                        let _ = walk(&s, &mut out);
                    }
                }
            }
        }
        at = d.parent();
    }
    out
}

fn discover(paths: &[PathBuf], only: Option<&str>) -> Result<Vec<Found>, String> {
    let mut tests: Vec<PathBuf> = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut all = Vec::new();
            walk(p, &mut all)?;
            for f in all {
                if let Some(fe) = frontend_of(&f) {
                    if is_test_file(&f, fe.language()) {
                        tests.push(f);
                    }
                }
            }
        } else if p.is_file() {
            // A file named on the command line is a test file whatever its
            // name.
            sources::frontend_for(p)?;
            tests.push(clean(p.clone()));
        } else {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    let mut seen = BTreeSet::new();
    tests.retain(|t| seen.insert(t.clone()));
    let mut found = Vec::new();
    for lang in ORDER {
        if only.is_some_and(|o| o != *lang) {
            continue;
        }
        let Some(frontend) = languages::by_name(lang) else {
            continue;
        };
        let mine: Vec<PathBuf> = tests
            .iter()
            .filter(|t| frontend_of(t).is_some_and(|f| f.language() == *lang))
            .cloned()
            .collect();
        if mine.is_empty() {
            continue;
        }
        let mut srcs: Vec<PathBuf> = Vec::new();
        let mut dirs = BTreeSet::new();
        for t in &mine {
            dirs.insert(folder_of(t));
        }
        for d in &dirs {
            for s in source_files_for(d) {
                let Some(fe) = frontend_of(&s) else { continue };
                // Same-language sources, plus Erlang files (the FFI of
                // Gleam, Elixir and LFE projects) beside other languages.
                let lang_ok = fe.language() == *lang || fe.language() == "erlang";
                let in_test_dir = dirs.contains(&folder_of(&s));
                if !lang_ok || (fe.language() != *lang && in_test_dir) {
                    continue;
                }
                if !mine.contains(&s) && !tests.contains(&s) && !srcs.contains(&s) {
                    srcs.push(s);
                }
            }
        }
        found.push(Found {
            frontend,
            tests: mine,
            sources: srcs,
        });
    }
    Ok(found)
}

/// One language's compiled test files, ready to run.
struct Suite {
    frontend: &'static dyn Frontend,
    /// The modules of the test files, in file order.
    test_modules: Vec<String>,
    /// The script entry modules among `test_modules`.
    entries: Vec<String>,
    /// Every module to load: tests and the sources under test.
    all_modules: Vec<eubeam_ir::Module>,
}

/// Compiles every file, printing diagnostics; `None` when any failed.
fn compile(found: &[Found]) -> Option<Vec<Suite>> {
    let mut failed = false;
    let mut suites = Vec::new();
    for f in found {
        let mut suite = Suite {
            frontend: f.frontend,
            test_modules: Vec::new(),
            entries: Vec::new(),
            all_modules: Vec::new(),
        };
        for path in f.tests.iter().chain(f.sources.iter()) {
            let is_test = f.tests.contains(path);
            let Some(compiled) = compile_file(path) else {
                failed = true;
                continue;
            };
            if is_test {
                for m in &compiled.modules {
                    let entry = compiled.entry.as_deref() == Some(m.name.as_str());
                    let erlang_test = f.frontend.language() != "erlang" || has_test_functions(m);
                    if entry || erlang_test {
                        suite.test_modules.push(m.name.clone());
                    }
                    if entry {
                        suite.entries.push(m.name.clone());
                    }
                }
            }
            suite.all_modules.extend(compiled.modules);
        }
        if !suite.test_modules.is_empty() {
            suites.push(suite);
        }
    }
    (!failed).then_some(suites)
}

/// An Erlang module is a test module when it exports (or, with eunit.hrl,
/// defines) `*_test/0` or `*_test_/0` functions.
fn has_test_functions(m: &eubeam_ir::Module) -> bool {
    m.functions
        .iter()
        .map(|f| &f.name)
        .any(|f| f.arity == 0 && (f.name.ends_with("_test") || f.name.ends_with("_test_")))
}

fn compile_file(path: &Path) -> Option<eubeam_ir::Compiled> {
    let frontend = sources::frontend_for(path)
        .map_err(|e| diagnostics::error(&e))
        .ok()?;
    let source = sources::read(path)
        .map_err(|e| diagnostics::error(&e))
        .ok()?;
    match frontend.compile(&source) {
        Ok(compiled) => {
            diagnostics::emit(&compiled.warnings, &source.text);
            Some(compiled)
        }
        Err(diags) => {
            diagnostics::emit(&diags, &source.text);
            None
        }
    }
}

/// An Erlang atom literal.
fn atom(name: &str) -> String {
    let mut s = String::from("'");
    for c in name.chars() {
        match c {
            '\'' => s.push_str("\\'"),
            '\\' => s.push_str("\\\\"),
            c => s.push(c),
        }
    }
    s.push('\'');
    s
}

/// An Erlang binary literal of `text`'s UTF-8 bytes.
fn binary(text: &str) -> String {
    let bytes: Vec<String> = text.bytes().map(|b| b.to_string()).collect();
    format!("<<{}>>", bytes.join(","))
}

/// Calls the language's driver in the VM's shell process and reads the
/// counts it returns. A driver that raises, returns something else or does
/// not exist counts as one failure, reported on stderr.
fn run_suite(vm: &Vm, suite: &Suite, seed: u64, filter: Option<&str>) -> Counts {
    let lang = suite.frontend.language();
    let one_failure = Counts {
        failed: 1,
        ..Counts::default()
    };
    let Some(driver) = suite.frontend.test_driver() else {
        diagnostics::error(&format!(
            "not supported yet: running {lang} tests (no test driver for {lang})"
        ));
        return one_failure;
    };
    let list = |v: &[String]| v.iter().map(|m| atom(m)).collect::<Vec<_>>().join(",");
    let expr = format!(
        "{}:'$eubeam_test'([{}], #{{seed => {seed}, filter => {}, entries => [{}]}}).",
        atom(driver),
        list(&suite.test_modules),
        filter.map_or("undefined".to_string(), binary),
        list(&suite.entries),
    );
    // Erlang and LFE write through a latin1 standard_io, as under
    // `erl -noshell`; the other languages' runners use unicode.
    vm.set_stdio_latin1(matches!(lang, "erlang" | "lfe"));
    let erlang = languages::by_name("erlang");
    let Some(erlang) = erlang else {
        return one_failure;
    };
    let mut shell = vm.shell();
    let module = match erlang.shell_input(&expr, &[], "$eubeam_test_call") {
        ReplInput::Eval { module, .. } => module,
        _ => {
            diagnostics::error(&format!("internal error: cannot build the call {expr}"));
            return one_failure;
        }
    };
    match shell.eval(&module, eubeam_ir::ValueStyle::Erlang) {
        Ok(value) => parse_counts(&value).unwrap_or_else(|| {
            eprintln!("eubeam test: the {lang} test driver returned {value}, not {{Passed, Failed, Skipped}}");
            one_failure
        }),
        Err(exception) => {
            eprintln!("=CRASH REPORT==== the {lang} test driver crashed:\n{exception}");
            one_failure
        }
    }
}

/// `{P,F,S}` as the Erlang shell prints it.
fn parse_counts(value: &str) -> Option<Counts> {
    let inner = value.trim().strip_prefix('{')?.strip_suffix('}')?;
    let nums: Vec<u64> = inner
        .split(',')
        .map(|n| n.trim().parse::<u64>())
        .collect::<Result<_, _>>()
        .ok()?;
    match nums[..] {
        [passed, failed, skipped] => Some(Counts {
            passed,
            failed,
            skipped,
        }),
        _ => None,
    }
}
