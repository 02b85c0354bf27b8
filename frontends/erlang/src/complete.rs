//! Tab completion in the Erlang shell, as erl's `edlin_expand`: a word
//! `mod` completes to module names (`lists:`), `mod:fu` to the module's
//! exported functions (`foldl(`, listed as `foldl/3`), and a variable
//! `Xs` to the shell's bound variables.

use eubeam_ir::{Candidate, Catalog};

/// Completes the word that ends at `pos` in `line`.
pub fn complete(line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    let start = word_start(before);
    let word = &before[start..];
    if let Some(colon) = before[..start].strip_suffix(':') {
        let mstart = word_start(colon);
        let module = &colon[mstart..];
        if !is_plain_atom(module) {
            return (pos, Vec::new());
        }
        let candidates = catalog
            .functions(module)
            .into_iter()
            .filter(|(f, _)| f.starts_with(word) && is_plain_atom(f))
            .map(|(f, a)| Candidate {
                display: format!("{f}/{a}"),
                replacement: format!("{f}("),
            })
            .collect();
        return (start, candidates);
    }
    if word.starts_with(|c: char| c.is_ascii_uppercase() || c == '_') {
        // A variable: the shell's bindings.
        let names: Vec<String> = catalog
            .bound()
            .into_iter()
            .filter(|b| b.starts_with(word))
            .collect();
        return (start, Candidate::sorted_names(names));
    }
    if word.is_empty() || !word.starts_with(|c: char| c.is_ascii_lowercase()) {
        return (pos, Vec::new());
    }
    let candidates = catalog
        .modules()
        .into_iter()
        .filter(|m| m.starts_with(word) && is_plain_atom(m))
        .map(|m| Candidate {
            replacement: format!("{m}:"),
            display: m,
        })
        .collect();
    (start, candidates)
}

/// Where the run of atom characters that ends `text` begins.
fn word_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '_' || c == '@')
        .last()
        .map_or(text.len(), |(i, _)| i)
}

/// An atom written without quotes: a lowercase letter, then letters,
/// digits, `_` and `@` (keywords are rare enough as module names to ignore).
fn is_plain_atom(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@')
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;
    impl Catalog for Fake {
        fn modules(&self) -> Vec<String> {
            ["lists", "lib", "maps", "Elixir.Enum"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        }
        fn functions(&self, module: &str) -> Vec<(String, u32)> {
            if module != "lists" {
                return Vec::new();
            }
            [
                ("select", 3),
                ("seq", 2),
                ("seq", 3),
                ("sort", 1),
                ("-lc$^0/1-0-", 1),
            ]
            .iter()
            .map(|&(f, a)| (f.to_string(), a))
            .collect()
        }
        fn bound(&self) -> Vec<String> {
            vec!["Xs".into(), "Total".into()]
        }
    }

    fn reps(line: &str) -> (usize, Vec<String>) {
        let (s, c) = complete(line, line.len(), &Fake);
        (s, c.into_iter().map(|c| c.replacement).collect())
    }

    #[test]
    fn modules_and_functions() {
        assert_eq!(reps("X = li"), (4, vec!["lists:".into(), "lib:".into()]));
        assert_eq!(
            reps("lists:se"),
            (6, vec!["select(".into(), "seq(".into(), "seq(".into()])
        );
        let (_, c) = complete("lists:seq", 9, &Fake);
        assert_eq!(c[0].display, "seq/2");
        assert_eq!(reps("lists:").1.len(), 4);
        assert_eq!(reps("f(X"), (2, vec!["Xs".into()]));
        assert_eq!(reps("E").1, Vec::<String>::new());
        assert_eq!(reps("nope:f").1, Vec::<String>::new());
    }
}
