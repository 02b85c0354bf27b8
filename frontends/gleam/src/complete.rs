//! Tab completion in the Gleam shell: after `import gleam/list`, `li`
//! completes to the module alias (`list.`) and `list.ma` to the module's
//! public functions (`map`, listed as `map/2`); a lowercase name also
//! completes to the shell's bindings and unqualified imports, and the path
//! after `import ` to the library's modules (`gleam/li` → `gleam/list`).
//!
//! The public functions are the module's exports as the VM loads it (the
//! CLI's catalog), so what completes is exactly what can be called.

use eubeam_ir::{Candidate, Catalog};

/// Completes the name that ends at `pos` in `line`.
pub fn complete(line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
    complete_with(line, pos, catalog, &crate::shell::imports())
}

/// [`complete`] given the shell's imports `(alias, module, values)`.
fn complete_with(
    line: &str,
    pos: usize,
    catalog: &dyn Catalog,
    imports: &[(String, String, Vec<String>)],
) -> (usize, Vec<Candidate>) {
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    if let Some(path) = before.trim_start().strip_prefix("import ") {
        let path = path.trim_start();
        if path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '/')
        {
            let mut names: Vec<&str> = crate::library::modules()
                .filter(|m| m.starts_with(path))
                .collect();
            names.sort_unstable();
            let start = pos - path.len();
            return (
                start,
                names
                    .into_iter()
                    .map(|m| Candidate::same(m.to_string()))
                    .collect(),
            );
        }
    }
    let start = name_start(before);
    let word = &before[start..];
    if !word.starts_with(|c: char| c.is_ascii_lowercase()) {
        return (pos, Vec::new());
    }
    if let Some((alias, fun)) = word.split_once('.') {
        let Some((_, module, _)) = imports.iter().find(|(a, ..)| a == alias) else {
            return (pos, Vec::new());
        };
        let candidates = catalog
            .functions(&module.replace('/', "@"))
            .into_iter()
            .filter(|(f, _)| f.starts_with(fun) && is_name(f))
            .map(|(f, a)| Candidate {
                display: format!("{f}/{a}"),
                replacement: f,
            })
            .collect();
        return (start + alias.len() + 1, candidates);
    }
    let names: Vec<(String, String)> = imports
        .iter()
        .map(|(a, ..)| (a.clone(), format!("{a}.")))
        .chain(
            imports
                .iter()
                .flat_map(|(_, _, vs)| vs.iter().map(|v| (v.clone(), v.clone()))),
        )
        .chain(catalog.bound().into_iter().map(|b| (b.clone(), b)))
        .filter(|(n, _)| n.starts_with(word))
        .collect();
    (start, Candidate::sorted_pairs(names))
}

/// Where the (possibly module-qualified) name that ends `text` begins.
fn name_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        .last()
        .map_or(text.len(), |(i, _)| i)
}

/// A Gleam function name (no compiler-generated names).
fn is_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;
    impl Catalog for Fake {
        fn modules(&self) -> Vec<String> {
            Vec::new()
        }
        fn functions(&self, module: &str) -> Vec<(String, u32)> {
            if module != "gleam@list" {
                return Vec::new();
            }
            [("map", 2), ("map_fold", 3), ("length", 1), ("-anon-1", 0)]
                .iter()
                .map(|&(f, a)| (f.to_string(), a))
                .collect()
        }
        fn bound(&self) -> Vec<String> {
            vec!["lengths".into()]
        }
    }

    fn reps(line: &str) -> (usize, Vec<String>) {
        let imports = vec![(
            "list".to_string(),
            "gleam/list".to_string(),
            vec!["length".to_string()],
        )];
        let (s, c) = complete_with(line, line.len(), &Fake, &imports);
        (s, c.into_iter().map(|c| c.replacement).collect())
    }

    #[test]
    fn aliases_functions_bindings_and_import_paths() {
        assert_eq!(reps("let x = li"), (8, vec!["list.".into()]));
        assert_eq!(reps("list.ma"), (5, vec!["map".into(), "map_fold".into()]));
        assert_eq!(reps("list.").1.len(), 3);
        assert_eq!(reps("le"), (0, vec!["length".into(), "lengths".into()]));
        assert_eq!(reps("import gleam/li"), (7, vec!["gleam/list".into()]));
        assert_eq!(reps("nope.f").1, Vec::<String>::new());
        assert_eq!(reps("Ok").1, Vec::<String>::new());
    }
}
