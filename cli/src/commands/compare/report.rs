//! Judging the runs of one group against its reference output, and printing
//! the verdicts as a table (with diffs) or as JSON.

use std::collections::HashMap;
use std::fmt::Write;

use super::{Outcome, Row};
use crate::diff::{self, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Same,
    Differs,
    TimedOut,
    CompileError,
    NotRun,
}

impl Verdict {
    fn as_str(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Differs => "DIFFERS",
            Verdict::TimedOut => "TIMED OUT",
            Verdict::CompileError => "COMPILE ERROR",
            Verdict::NotRun => "not run",
        }
    }
}

pub struct GroupResult {
    pub name: String,
    /// `expected.txt` or `majority`.
    pub reference_name: &'static str,
    pub reference: Option<String>,
    pub rows: Vec<(Row, Verdict)>,
    /// This group's exit status (see the module docs of `compare`).
    pub status: u8,
}

/// The reference is `expected` when given, else the output most rows printed
/// (ties go to the earlier row, so eubeam's Erlang row wins a tie). A row
/// agrees when it printed the reference and exited as most rows did.
pub fn judge(name: &str, expected: Option<&str>, rows: Vec<Row>) -> GroupResult {
    let ran: Vec<&crate::child::ChildRun> = rows
        .iter()
        .filter_map(|r| match &r.outcome {
            Outcome::Ran(run) if !run.timed_out => Some(run),
            _ => None,
        })
        .collect();
    let (reference_name, reference) = match expected {
        Some(e) => ("expected.txt", Some(e.to_string())),
        None => ("majority", majority(ran.iter().map(|r| &r.stdout)).cloned()),
    };
    let usual_status = majority(ran.iter().map(|r| &r.status)).copied().flatten();
    let mut status = 0;
    let judged = rows
        .into_iter()
        .map(|row| {
            let ours = row.runner == "eubeam";
            let verdict = match &row.outcome {
                Outcome::Skipped(_) => Verdict::NotRun,
                Outcome::Ran(r) if r.timed_out => Verdict::TimedOut,
                Outcome::Ran(r) if ours && r.status == Some(2) => Verdict::CompileError,
                Outcome::Ran(r)
                    if reference.as_deref() == Some(r.stdout.as_str())
                        && r.status == usual_status =>
                {
                    Verdict::Same
                }
                Outcome::Ran(_) => Verdict::Differs,
            };
            let row_status = match verdict {
                Verdict::Same => 0,
                Verdict::NotRun if !ours => 0,
                Verdict::NotRun | Verdict::CompileError => 2,
                Verdict::Differs | Verdict::TimedOut => 1,
            };
            status = status.max(row_status);
            (row, verdict)
        })
        .collect();
    GroupResult {
        name: name.to_string(),
        reference_name,
        reference,
        rows: judged,
        status,
    }
}

fn majority<'a, T: Eq + std::hash::Hash + 'a>(items: impl Iterator<Item = &'a T>) -> Option<&'a T> {
    let items: Vec<&T> = items.collect();
    let mut counts: HashMap<&T, usize> = HashMap::new();
    for item in &items {
        *counts.entry(*item).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    items.into_iter().find(|i| counts.get(i) == Some(&best))
}

/// FNV-1a over the output: a short fingerprint to spot equal outputs by eye.
fn digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", h >> 32)
}

fn file_name(row: &Row) -> String {
    row.file.file_name().map_or_else(
        || row.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

pub fn text(groups: &[GroupResult], style: Style) -> String {
    let mut out = String::new();
    for (n, g) in groups.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{}  (reference: {})", g.name, g.reference_name);
        let _ = writeln!(
            out,
            "  {:<8} {:<12} {:<7} {:>5} {:>10} {:>10}  {:<8}  verdict",
            "language", "file", "runner", "exit", "wall", "peak mem", "digest"
        );
        for (row, verdict) in &g.rows {
            let (exit, wall, mem, dig) = match &row.outcome {
                Outcome::Ran(r) => (
                    r.status.map_or_else(|| "-".into(), |s| s.to_string()),
                    format!("{:.1} ms", r.wall.as_secs_f64() * 1000.0),
                    format!("{:.1} MiB", r.max_rss_kib as f64 / 1024.0),
                    digest(&r.stdout),
                ),
                Outcome::Skipped(_) => ("-".into(), "-".into(), "-".into(), "-".into()),
            };
            let why = match &row.outcome {
                Outcome::Skipped(why) => format!(": {why}"),
                Outcome::Ran(_) => String::new(),
            };
            let _ = writeln!(
                out,
                "  {:<8} {:<12} {:<7} {:>5} {:>10} {:>10}  {:<8}  {}{}",
                row.language,
                file_name(row),
                row.runner,
                exit,
                wall,
                mem,
                dig,
                verdict.as_str(),
                why
            );
        }
        for (row, verdict) in &g.rows {
            let Outcome::Ran(r) = &row.outcome else {
                continue;
            };
            if *verdict == Verdict::Same {
                continue;
            }
            let _ = writeln!(
                out,
                "\n{} ({}): {}",
                file_name(row),
                row.runner,
                verdict.as_str()
            );
            if let Some(reference) = &g.reference {
                out.push_str(&diff::unified(
                    g.reference_name,
                    &format!("{} ({})", file_name(row), row.runner),
                    reference,
                    &r.stdout,
                    style,
                ));
            }
            let stderr = r.stderr.trim_end();
            if !stderr.is_empty() {
                let lines: Vec<&str> = stderr.lines().collect();
                let shown = lines.len().min(20);
                let _ = writeln!(out, "stderr:");
                for line in &lines[..shown] {
                    let _ = writeln!(out, "  {line}");
                }
                if lines.len() > shown {
                    let _ = writeln!(out, "  ... ({} more lines)", lines.len() - shown);
                }
            }
        }
        let counted: Vec<_> = g
            .rows
            .iter()
            .filter(|(_, v)| *v != Verdict::NotRun)
            .collect();
        let agreeing = counted.iter().filter(|(_, v)| *v == Verdict::Same).count();
        if agreeing == counted.len() && g.status == 0 {
            let _ = writeln!(out, "all {} outputs agree", counted.len());
        } else {
            let _ = writeln!(
                out,
                "{} of {} outputs differ from {}",
                counted.len() - agreeing,
                counted.len(),
                g.reference_name
            );
        }
    }
    out
}

pub fn json(groups: &[GroupResult]) -> String {
    let mut out = String::from("{\"groups\":[");
    for (n, g) in groups.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"path\":{},\"reference\":{},\"status\":{},\"rows\":[",
            quote(&g.name),
            quote(g.reference_name),
            g.status
        );
        for (k, (row, verdict)) in g.rows.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            let _ = write!(
                out,
                "{{\"language\":{},\"runner\":{},\"file\":{},\"verdict\":{}",
                quote(row.language),
                quote(row.runner),
                quote(&row.file.display().to_string()),
                quote(verdict.as_str())
            );
            match &row.outcome {
                Outcome::Ran(r) => {
                    let _ = write!(
                        out,
                        ",\"exit\":{},\"wall_ms\":{:.3},\"peak_rss_kib\":{},\"digest\":{},\"timed_out\":{},\"stdout\":{},\"stderr\":{}}}",
                        r.status.map_or_else(|| "null".into(), |s| s.to_string()),
                        r.wall.as_secs_f64() * 1000.0,
                        r.max_rss_kib,
                        quote(&digest(&r.stdout)),
                        r.timed_out,
                        quote(&r.stdout),
                        quote(&r.stderr)
                    );
                }
                Outcome::Skipped(why) => {
                    let _ = write!(out, ",\"skipped\":{}}}", quote(why));
                }
            }
        }
        out.push_str("]}");
    }
    let status = groups.iter().map(|g| g.status).max().unwrap_or(0);
    let _ = write!(out, "],\"status\":{status}}}");
    out
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::child::ChildRun;
    use std::path::PathBuf;

    fn row(ext: &str, runner: &'static str, status: i32, stdout: &str) -> Row {
        Row {
            language: super::super::language_of(&PathBuf::from(format!("main.{ext}"))),
            runner,
            file: PathBuf::from(format!("main.{ext}")),
            outcome: Outcome::Ran(ChildRun {
                status: Some(status),
                stdout: stdout.into(),
                ..ChildRun::default()
            }),
        }
    }

    #[test]
    fn majority_output_is_the_reference() {
        let g = judge(
            "g",
            None,
            vec![
                row("erl", "eubeam", 0, "55\n"),
                row("exs", "eubeam", 0, "56\n"),
                row("lua", "eubeam", 0, "55\n"),
            ],
        );
        let verdicts: Vec<_> = g.rows.iter().map(|(_, v)| *v).collect();
        assert_eq!(verdicts, [Verdict::Same, Verdict::Differs, Verdict::Same]);
        assert_eq!(g.status, 1);
    }

    #[test]
    fn a_compile_error_of_ours_is_status_2_and_a_missing_oracle_is_not_counted() {
        let mut rows = vec![row("erl", "eubeam", 0, "55\n"), row("lfe", "eubeam", 2, "")];
        rows.push(Row {
            language: "lua",
            runner: "lua5.4",
            file: PathBuf::from("main.lua"),
            outcome: Outcome::Skipped("lua5.4 is not on PATH".into()),
        });
        let g = judge("g", Some("55\n"), rows);
        assert_eq!(g.rows[1].1, Verdict::CompileError);
        assert_eq!(g.rows[2].1, Verdict::NotRun);
        assert_eq!(g.status, 2);
    }

    #[test]
    fn json_escapes_output() {
        let g = judge("g", None, vec![row("erl", "eubeam", 0, "a\"b\n")]);
        let j = json(&[g]);
        assert!(j.contains("\"stdout\":\"a\\\"b\\n\""), "{j}");
        assert!(j.ends_with(",\"status\":0}"), "{j}");
    }
}
