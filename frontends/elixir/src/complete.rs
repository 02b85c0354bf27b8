//! Tab completion in the Elixir shell, as iex's: `En` completes to module
//! aliases (`Enum.`), `Enum.ma` to the module's public functions (`map`,
//! listed as `map/2`), `:li` to Erlang modules (`:lists.`) and `:lists.se`
//! to theirs; a plain lowercase word completes to the shell's bound names
//! and `Kernel`'s functions (`is_at` → `is_atom`).

use eubeam_ir::{Candidate, Catalog};

/// Completes the word that ends at `pos` in `line`.
pub fn complete(line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    let start = word_start(before);
    let word = &before[start..];
    // `:lists.` / `:li`: an Erlang module, by its atom.
    if let Some(atom_start) = start.checked_sub(1).filter(|&i| &before[i..start] == ":") {
        if atom_start > 0 && before[..atom_start].ends_with(|c: char| c.is_alphanumeric()) {
            return (pos, Vec::new()); // `key: value`
        }
        return erlang(word, start, catalog);
    }
    if word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return alias(word, start, catalog);
    }
    if word.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') && !word.contains('.') {
        let names: Vec<String> = catalog
            .bound()
            .into_iter()
            .filter(|b| b.starts_with(word) && is_name(b))
            .collect();
        let mut candidates = Candidate::sorted_names(names);
        // Kernel's functions are imported everywhere, as in iex.
        let mut kernel: Vec<(&str, u32)> = crate::lower::kernel_funs()
            .filter(|(f, _)| f.starts_with(word) && is_name(f))
            .collect();
        kernel.sort_unstable();
        kernel.dedup();
        candidates.extend(kernel.into_iter().map(|(f, a)| Candidate {
            display: format!("{f}/{a}"),
            replacement: f.to_string(),
        }));
        return (start, candidates);
    }
    (pos, Vec::new())
}

/// `:mod` or `:mod.fun` (the word after the colon).
fn erlang(word: &str, start: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
    if let Some((module, fun)) = word.split_once('.') {
        let fstart = start + module.len() + 1;
        return (fstart, functions(catalog, module, fun));
    }
    let candidates = catalog
        .modules()
        .into_iter()
        .filter(|m| m.starts_with(word) && is_name(m))
        .map(|m| Candidate {
            replacement: format!("{m}."),
            display: m,
        })
        .collect();
    (start, candidates)
}

/// `Enu`, `String.Ch` or `Enum.ma`.
fn alias(word: &str, start: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
    let (prefix, last) = match word.rfind('.') {
        Some(dot) => (&word[..dot], &word[dot + 1..]),
        None => ("", word),
    };
    let lstart = start + word.len() - last.len();
    let mut candidates = Vec::new();
    if !prefix.is_empty() && !last.starts_with(|c: char| c.is_ascii_uppercase()) {
        candidates = functions(catalog, &format!("Elixir.{prefix}"), last);
    }
    if !last.starts_with(|c: char| c.is_ascii_lowercase()) {
        // Module aliases one segment below `prefix`.
        let under = if prefix.is_empty() {
            "Elixir.".to_string()
        } else {
            format!("Elixir.{prefix}.")
        };
        let mut segments: Vec<String> = catalog
            .modules()
            .iter()
            .filter_map(|m| m.strip_prefix(&under))
            .map(|rest| rest.split('.').next().unwrap_or(rest).to_string())
            .filter(|s| s.starts_with(last))
            .collect();
        segments.sort();
        segments.dedup();
        candidates.extend(segments.into_iter().map(|s| Candidate {
            replacement: format!("{s}."),
            display: s,
        }));
    }
    (lstart, candidates)
}

/// The public functions of `module` whose names start with `prefix`,
/// as `map` listed `map/2` (compiler-generated names left out).
fn functions(catalog: &dyn Catalog, module: &str, prefix: &str) -> Vec<Candidate> {
    catalog
        .functions(module)
        .into_iter()
        .filter(|(f, _)| f.starts_with(prefix) && is_name(f) && !f.starts_with("__"))
        .map(|(f, a)| Candidate {
            display: format!("{f}/{a}"),
            replacement: f,
        })
        .collect()
}

/// Where the run of name characters (and `.` between aliases) that ends
/// `text` begins.
fn word_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '_' | '.' | '?' | '!' | '@'))
        .last()
        .map_or(text.len(), |(i, _)| i)
}

/// A function, variable or Erlang module name written without quotes.
fn is_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '?' | '!' | '@'))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;
    impl Catalog for Fake {
        fn modules(&self) -> Vec<String> {
            [
                "lists",
                "maps",
                "Elixir.Enum",
                "Elixir.String",
                "Elixir.String.Chars",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect()
        }
        fn functions(&self, module: &str) -> Vec<(String, u32)> {
            let funs: &[(&str, u32)] = match module {
                "Elixir.Enum" => &[("map", 2), ("map_join", 3), ("max", 1), ("__info__", 1)],
                "lists" => &[("seq", 2), ("seq", 3), ("sort", 1)],
                _ => &[],
            };
            funs.iter().map(|&(f, a)| (f.to_string(), a)).collect()
        }
        fn bound(&self) -> Vec<String> {
            vec!["xs".into(), "total".into()]
        }
    }

    fn reps(line: &str) -> (usize, Vec<String>) {
        let (s, c) = complete(line, line.len(), &Fake);
        (s, c.into_iter().map(|c| c.replacement).collect())
    }

    #[test]
    fn aliases_functions_erlang_modules_and_bindings() {
        assert_eq!(reps("x = En"), (4, vec!["Enum.".into()]));
        assert_eq!(reps("Str"), (0, vec!["String.".into()]));
        assert_eq!(reps("String.C"), (7, vec!["Chars.".into()]));
        assert_eq!(
            reps("Enum.ma"),
            (5, vec!["map".into(), "map_join".into(), "max".into()])
        );
        assert_eq!(reps("Enum.").1.len(), 3);
        assert_eq!(reps(":li"), (1, vec!["lists.".into()]));
        assert_eq!(reps(":lists.se"), (7, vec!["seq".into(), "seq".into()]));
        assert_eq!(reps("IO.puts(x"), (8, vec!["xs".into()]));
        assert_eq!(reps("tot"), (0, vec!["total".into()]));
        assert!(reps("is_at").1.contains(&"is_atom".to_string()));
        assert!(reps("to_st").1.contains(&"to_string".to_string()));
        assert_eq!(reps("[a: li"), (4, Vec::<String>::new()));
        assert_eq!(reps("Nope.f").1, Vec::<String>::new());
    }
}
