//! Tab completion in the LFE shell: right after an open paren, `(li`
//! completes to module names (`(lists:`) and `(lists:se` to the module's
//! exported functions (`seq`, listed as `seq/2`); elsewhere a symbol
//! completes to the shell's bound variables.

use eubeam_ir::{Candidate, Catalog};

/// Completes the symbol that ends at `pos` in `line`.
pub fn complete(line: &str, pos: usize, catalog: &dyn Catalog) -> (usize, Vec<Candidate>) {
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    let start = symbol_start(before);
    let word = &before[start..];
    let in_call = before[..start].ends_with('(');
    if let Some((module, fun)) = word.split_once(':') {
        if !in_call || module.is_empty() {
            return (pos, Vec::new());
        }
        let candidates = catalog
            .functions(module)
            .into_iter()
            .filter(|(f, _)| f.starts_with(fun) && is_symbol(f))
            .map(|(f, a)| Candidate {
                display: format!("{f}/{a}"),
                replacement: f,
            })
            .collect();
        return (start + module.len() + 1, candidates);
    }
    if word.is_empty() {
        return (pos, Vec::new());
    }
    let names: Vec<(String, String)> = if in_call {
        catalog
            .modules()
            .into_iter()
            .filter(|m| m.starts_with(word) && is_symbol(m))
            .map(|m| (m.clone(), format!("{m}:")))
            .collect()
    } else {
        // Bindings live in Erlang variables (`S_xs`); shown by LFE name.
        catalog
            .bound()
            .iter()
            .filter_map(|b| crate::lower::shell_name(b))
            .filter(|b| b.starts_with(word) && is_symbol(b))
            .map(|b| (b.clone(), b))
            .collect()
    };
    (start, Candidate::sorted_pairs(names))
}

/// Characters that end a symbol: brackets, quotes, whitespace.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || "()[]{}'\"`,;|#".contains(c)
}

/// Where the symbol that ends `text` begins.
fn symbol_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .take_while(|&(_, c)| !is_delimiter(c))
        .last()
        .map_or(text.len(), |(i, _)| i)
}

/// A name that reads back as one symbol without quoting (and is no
/// compiler-generated name such as `-lc$^0/1-0-`).
fn is_symbol(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && s.chars()
            .all(|c| !is_delimiter(c) && c != ':' && c != '$' && c != '/')
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
            [("seq", 2), ("seq", 3), ("sort", 1), ("-lc$^0/1-0-", 1)]
                .iter()
                .map(|&(f, a)| (f.to_string(), a))
                .collect()
        }
        fn bound(&self) -> Vec<String> {
            vec!["S_xs".into(), crate::lower::shell_var("x-total")]
        }
    }

    fn reps(line: &str) -> (usize, Vec<String>) {
        let (s, c) = complete(line, line.len(), &Fake);
        (s, c.into_iter().map(|c| c.replacement).collect())
    }

    #[test]
    fn modules_functions_and_bindings() {
        assert_eq!(
            reps("(set x (li"),
            (8, vec!["lib:".into(), "lists:".into()])
        );
        assert_eq!(reps("(lists:se"), (7, vec!["seq".into(), "seq".into()]));
        assert_eq!(complete("(lists:s", 8, &Fake).1[0].display, "seq/2");
        assert_eq!(reps("(lists:").1.len(), 3);
        assert_eq!(reps("(+ 1 x"), (5, vec!["x-total".into(), "xs".into()]));
        assert_eq!(reps("'li").1, Vec::<String>::new());
        assert_eq!(reps("(nope:f").1, Vec::<String>::new());
    }
}
