//! The Gleam frontend: lexer, parser, type checker and lowering of Gleam
//! source into the core IR, plus the Gleam-written library (`lib/gleam/`)
//! and its Erlang FFI modules (`lib/*.erl`).
//!
//! Every run goes parse → check → lower; a file with type errors is never
//! lowered. Imported library modules are type-checked once per process and
//! their interfaces cached; their code is compiled by the CLI's loader on
//! first use (`library_source`). Compilation runs on a thread with a large
//! stack so that deeply nested input ends in a diagnostic.

pub mod ast;
pub mod check;
pub mod complete;
pub mod exhaustive;
pub mod interface;
pub mod lexer;
pub mod library;
pub mod lower;
pub mod parser;
pub mod shell;
pub mod types;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use eubeam_ir::{Candidate, Catalog, Compiled, Diagnostic, Frontend, ReplInput, SourceFile};

use interface::Interface;

pub struct GleamFrontend;

/// Interfaces of library modules, checked once per process.
type Cache = Mutex<HashMap<String, Result<Arc<Interface>, String>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

thread_local! {
    /// Library modules being checked on this thread, to catch import cycles.
    static LOADING: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The interface of a library module (`gleam/list`), type-checking its
/// source on first use.
pub fn load_interface(module: &str) -> Option<Result<Arc<Interface>, String>> {
    if let Ok(c) = cache().lock() {
        if let Some(r) = c.get(module) {
            return Some(r.clone());
        }
    }
    let (path, text): (String, String) = match library::gleam_source(module) {
        Some((p, t)) => (p.to_string(), t.to_string()),
        None => user_source(module)?,
    };
    let (path, text) = (path.as_str(), text.as_str());
    let cyclic = LOADING.with(|l| l.borrow().iter().any(|m| m == module));
    if cyclic {
        return Some(Err(format!("import cycle through `{module}`")));
    }
    LOADING.with(|l| l.borrow_mut().push(module.to_string()));
    let result = check_source(module, path, text)
        .map(|(_, iface, _)| Arc::new(iface))
        .map_err(|diags| {
            let first = diags
                .iter()
                .find(|d| d.is_error())
                .map(|d| d.render(text, false))
                .unwrap_or_default();
            let kind = if library::gleam_source(module).is_some() {
                "library module"
            } else {
                "module"
            };
            format!("the {kind} `{module}` failed to compile:\n{first}")
        });
    LOADING.with(|l| {
        l.borrow_mut().pop();
    });
    if let Ok(mut c) = cache().lock() {
        c.insert(module.to_string(), result.clone());
    }
    Some(result)
}

/// Makes `module`'s interface known to later imports (the shell's entries
/// of definitions, which have no source file to load it from).
pub fn register_interface(module: &str, iface: Interface) {
    if let Ok(mut c) = cache().lock() {
        c.insert(module.to_string(), Ok(Arc::new(iface)));
    }
}

/// Parses and type-checks one module. On success: the checked tree, its
/// interface and the warnings; otherwise every diagnostic.
pub fn check_source(
    module: &str,
    path: &str,
    text: &str,
) -> Result<(ast::Module, Interface, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (mut m, mut diags) = parser::parse_module(text, path);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let mut checker = check::Checker::new(path, module);
    let iface = checker.check_module(&mut m, &load_interface);
    diags.extend(checker.diags);
    diags.sort_by_key(|d| (d.span.start, !d.is_error()));
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok((m, iface, diags))
}

/// Source roots of the user's files compiled in this process: an import
/// that is not a library module is looked up as `<root>/<module>.gleam` in
/// each, so the user's own modules can import each other.
fn user_roots() -> &'static Mutex<Vec<PathBuf>> {
    static ROOTS: OnceLock<Mutex<Vec<PathBuf>>> = OnceLock::new();
    ROOTS.get_or_init(|| Mutex::new(Vec::new()))
}

/// Where a user's file sits: its source root, its module name relative to
/// it, and the project folder holding it (if any).
struct Located {
    root: PathBuf,
    module: String,
    project: Option<PathBuf>,
}

/// The source root of a user's file and its module name relative to it.
/// In a project (an ancestor folder holds `eubeam.toml` or, for a Gleam
/// project, `gleam.toml`) the root is the project's top folder that
/// contains the file (`src`, `test`), so `src/app/util.gleam` is
/// `app/util`; otherwise the file's own folder, so files given side by
/// side import each other by their stems.
fn locate(path: &str) -> Located {
    let p = Path::new(path);
    let stem = p
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("main")
        .to_string();
    let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut child: Option<&Path> = None;
    for anc in abs.ancestors().skip(1) {
        if anc.join("eubeam.toml").is_file() || anc.join("gleam.toml").is_file() {
            // `child` is the top folder under the project holding the file.
            let root = match child {
                Some(c) if c != abs.as_path() => c.to_path_buf(),
                _ => anc.to_path_buf(),
            };
            if let Ok(rel) = abs.with_extension("").strip_prefix(&root) {
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                return Located {
                    root,
                    module: parts.join("/"),
                    project: Some(anc.to_path_buf()),
                };
            }
            break;
        }
        child = Some(anc);
    }
    Located {
        root: dir,
        module: stem,
        project: None,
    }
}

/// The `file` field of the errors `panic`, `todo`, `assert` and
/// `let assert` raise: as the Gleam compiler writes it, the path relative
/// to the project (`test/app_test.gleam`, `src/gleam/list.gleam` for a
/// library module); a file outside any project keeps the path it was
/// given.
pub fn error_file_of(path: &str) -> String {
    if library::module_of_path(path).is_some() {
        return format!("src/{path}");
    }
    let loc = locate(path);
    if let Some(project) = loc.project {
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path));
        if let Ok(rel) = abs.strip_prefix(&project) {
            return rel.to_string_lossy().into_owned();
        }
    }
    path.to_string()
}

/// Reads a user's module (`app/util`) from the known source roots.
fn user_source(module: &str) -> Option<(String, String)> {
    let roots = user_roots().lock().ok()?.clone();
    roots.iter().find_map(|root| {
        let file = root.join(format!("{module}.gleam"));
        let text = std::fs::read_to_string(&file).ok()?;
        Some((file.display().to_string(), text))
    })
}

/// The Gleam module name of a file: `gleam/list` for library sources, the
/// path under its source root for the user's files (`main`, `app/util`).
pub fn module_name_of(path: &str) -> String {
    if let Some(m) = library::module_of_path(path) {
        return m;
    }
    locate(path).module
}

fn register_user_root(path: &str) {
    if library::module_of_path(path).is_some() || path == shell::SHELL_FILE {
        return;
    }
    let loc = locate(path);
    let mut new_roots = vec![loc.root];
    // In a Gleam project the tests in `test/` import the modules in
    // `src/` (and `dev/` may import both), whichever is compiled first.
    if let Some(project) = loc.project.filter(|p| p.join("gleam.toml").is_file()) {
        for dir in ["src", "test", "dev"] {
            let d = project.join(dir);
            if d.is_dir() {
                new_roots.push(d);
            }
        }
    }
    if let Ok(mut roots) = user_roots().lock() {
        for root in new_roots {
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
    }
}

pub fn compile_source(path: &str, text: &str) -> Result<Compiled, Vec<Diagnostic>> {
    if path.ends_with(".erl") {
        // The library's Erlang FFI modules.
        return eubeam_erlang::compile_source(path, text);
    }
    register_user_root(path);
    let module = module_name_of(path);
    if !module
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '/')
        || module.starts_with(|c: char| !c.is_ascii_lowercase())
    {
        return Err(vec![Diagnostic::error(path, 0..0, "Invalid module name").with_note(format!(
            "`{module}` is not a valid Gleam module name: use lowercase letters, digits and underscores"
        ))]);
    }
    let (m, _iface, warnings) = check_source(&module, path, text)?;
    let mut lowerer = lower::Lowerer::new(&module, path, text);
    lowerer.error_file = error_file_of(path);
    let ir_module = lowerer.module(&m);
    Ok(Compiled {
        modules: vec![ir_module],
        warnings,
        entry: None,
    })
}

impl Frontend for GleamFrontend {
    fn language(&self) -> &'static str {
        "gleam"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["gleam"]
    }

    fn compile(&self, file: &SourceFile) -> Result<Compiled, Vec<Diagnostic>> {
        eubeam_ir::compile_on_thread("Gleam", file, compile_source)
    }

    fn shell_input(&self, input: &str, bound: &[String], module_name: &str) -> ReplInput {
        eubeam_ir::shell_on_thread(
            "Gleam",
            shell::SHELL_FILE,
            input,
            bound,
            module_name,
            shell::shell_input,
        )
    }

    fn prompt(&self, _n: usize) -> String {
        "> ".into()
    }

    /// The library's modules by their Erlang names (`gleam@list`).
    fn library_modules(&self) -> Vec<String> {
        library::modules().map(|m| m.replace('/', "@")).collect()
    }

    /// gleeunit's runner (`lib/eubeam_gleeunit.erl`).
    fn test_driver(&self) -> Option<&'static str> {
        Some("eubeam_gleeunit")
    }

    fn complete(&self, line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
        complete::complete(line, pos, catalog)
    }

    fn library_source(&self, module: &str) -> Option<SourceFile> {
        if let Some((path, text)) = library::source_by_erlang_name(module) {
            return Some(SourceFile {
                path: path.to_string(),
                text: text.to_string(),
            });
        }
        // A user's module imported by a file being run but not named on
        // the command line: found next to it (or under its project's
        // source folder), as the type checker found it.
        let (path, text) = user_source(&module.replace('@', "/"))?;
        Some(SourceFile { path, text })
    }
}
