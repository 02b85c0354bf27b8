//! Unified line diffs of program outputs, as `diff -u` shows them.

/// One line of the edit script from the old text to the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edit {
    Same(usize, usize),
    Removed(usize),
    Added(usize),
}

/// The middle part (after trimming the common prefix and suffix) is compared
/// with a quadratic LCS table only up to this many cells; beyond it the
/// middle is shown as wholly removed and added, which is still a correct
/// (if not minimal) diff.
const MAX_TABLE_CELLS: usize = 4_000_000;

fn edit_script(old: &[&str], new: &[&str]) -> Vec<Edit> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let mut script: Vec<Edit> = (0..prefix).map(|i| Edit::Same(i, i)).collect();
    if a.len().saturating_mul(b.len()) <= MAX_TABLE_CELLS {
        // lcs[i][j]: length of the LCS of a[i..] and b[j..].
        let w = b.len() + 1;
        let mut lcs = vec![0u32; (a.len() + 1) * w];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i * w + j] = if a[i] == b[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                script.push(Edit::Same(prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if i < a.len() && (j == b.len() || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
                // Removals before additions, as `diff -u` orders a change.
                script.push(Edit::Removed(prefix + i));
                i += 1;
            } else {
                script.push(Edit::Added(prefix + j));
                j += 1;
            }
        }
    } else {
        script.extend((0..a.len()).map(|i| Edit::Removed(prefix + i)));
        script.extend((0..b.len()).map(|j| Edit::Added(prefix + j)));
    }
    let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
    script.extend((0..suffix).map(|k| Edit::Same(old_end + k, new_end + k)));
    script
}

/// How each line of a diff is drawn; colours are ANSI escapes or nothing.
#[derive(Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, line: String) -> String {
        if self.color {
            format!("\x1b[{code}m{line}\x1b[0m")
        } else {
            line
        }
    }
}

/// A unified diff with three lines of context, or an empty string when the
/// texts are equal. A missing final newline is marked as `diff` marks it.
pub fn unified(old_name: &str, new_name: &str, old: &str, new: &str, style: Style) -> String {
    if old == new {
        return String::new();
    }
    const CONTEXT: usize = 3;
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let script = edit_script(&a, &b);
    let mut out = String::new();
    out.push_str(&style.paint("1", format!("--- {old_name}")));
    out.push('\n');
    out.push_str(&style.paint("1", format!("+++ {new_name}")));
    out.push('\n');
    let changed: Vec<usize> = script
        .iter()
        .enumerate()
        .filter(|(_, e)| !matches!(e, Edit::Same(..)))
        .map(|(k, _)| k)
        .collect();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(CONTEXT);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 2 * CONTEXT {
            end = changed[k];
            k += 1;
        }
        let end = (end + CONTEXT + 1).min(script.len());
        let hunk = &script[start..end];
        let (old_start, new_start) = hunk_starts(&script, start);
        let old_len = hunk.iter().filter(|e| !matches!(e, Edit::Added(_))).count();
        let new_len = hunk
            .iter()
            .filter(|e| !matches!(e, Edit::Removed(_)))
            .count();
        out.push_str(&style.paint(
            "36",
            format!(
                "@@ -{} +{} @@",
                range(old_start, old_len),
                range(new_start, new_len)
            ),
        ));
        out.push('\n');
        for e in hunk {
            let line = match *e {
                Edit::Same(i, _) => format!(" {}", a[i]),
                Edit::Removed(i) => style.paint("31", format!("-{}", a[i])),
                Edit::Added(j) => style.paint("32", format!("+{}", b[j])),
            };
            out.push_str(&line);
            out.push('\n');
        }
    }
    if old.ends_with('\n') != new.ends_with('\n') {
        let which = if new.ends_with('\n') { "old" } else { "new" };
        out.push_str(&format!("\\ No newline at end of the {which} output\n"));
    }
    out
}

/// The 1-based line numbers in the old and new text where a hunk starting at
/// script index `at` begins.
fn hunk_starts(script: &[Edit], at: usize) -> (usize, usize) {
    let old = script[..at]
        .iter()
        .filter(|e| !matches!(e, Edit::Added(_)))
        .count();
    let new = script[..at]
        .iter()
        .filter(|e| !matches!(e, Edit::Removed(_)))
        .count();
    (old + 1, new + 1)
}

/// `diff -u`'s range notation: `start,len`, with `start-1,0` for empty.
fn range(start: usize, len: usize) -> String {
    match len {
        0 => format!("{},0", start - 1),
        1 => format!("{start}"),
        _ => format!("{start},{len}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Style = Style { color: false };

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified("a", "b", "x\ny\n", "x\ny\n", PLAIN), "");
    }

    #[test]
    fn one_changed_line_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n";
        assert_eq!(
            unified("expected", "main.lua", old, new, PLAIN),
            "--- expected\n+++ main.lua\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn added_and_removed_at_the_ends() {
        assert_eq!(
            unified("a", "b", "x\n", "x\ny\n", PLAIN),
            "--- a\n+++ b\n@@ -1 +1,2 @@\n x\n+y\n"
        );
        assert_eq!(
            unified("a", "b", "x\n", "", PLAIN),
            "--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n\\ No newline at end of the new output\n"
        );
    }

    #[test]
    fn a_changed_line_is_removed_then_added() {
        assert_eq!(
            unified("a", "b", "1\n2\n3\n", "1\nx\n3\n", PLAIN),
            "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n-2\n+x\n 3\n"
        );
    }

    #[test]
    fn distant_changes_make_two_hunks() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new: String = (1..=20)
            .map(|i| match i {
                2 => "two\n".to_string(),
                19 => "nineteen\n".to_string(),
                _ => format!("{i}\n"),
            })
            .collect();
        let d = unified("a", "b", &old, &new, PLAIN);
        assert_eq!(d.matches("@@ -").count(), 2, "{d}");
    }
}
