//! Diagnostics as data, rendered with ariadne.
//!
//! Frontends build [`Diagnostic`]s; only the CLI decides how to show them.
//! Offsets are byte offsets into the source text (chumsky's spans are byte
//! offsets, so ariadne is configured with `IndexType::Byte`).

use std::ops::Range;

use ariadne::{Config, IndexType, Label as AriadneLabel, Report, ReportKind, Source};

use crate::span::LineIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Range<usize>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file the spans refer to, as the user named it.
    pub file: String,
    pub message: String,
    /// The primary location; the first label, if any, should cover it.
    pub span: Range<usize>,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(file: &str, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            message: message.into(),
            span,
            labels: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn warning(file: &str, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, span, message)
        }
    }

    /// A diagnostic for a construct the toolchain does not support yet; the
    /// message reads `not supported yet: <what>`.
    pub fn unsupported(file: &str, span: Range<usize>, what: &str) -> Diagnostic {
        Diagnostic::error(file, span.clone(), format!("not supported yet: {what}"))
            .with_label(span, "not supported yet")
    }

    pub fn with_label(mut self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` of the primary span.
    pub fn location(&self, source: &str) -> String {
        let (line, col) = LineIndex::new(source).line_col(source, self.span.start);
        format!("{}:{}:{}", self.file, line, col)
    }

    /// Renders the diagnostic against its source text. The first line is
    /// always `file:line:col: error: message`, which editors and tests can
    /// rely on; ariadne's snippet with labels follows.
    pub fn render(&self, source: &str, color: bool) -> String {
        let kind = match self.severity {
            Severity::Error => ReportKind::Error,
            Severity::Warning => ReportKind::Warning,
        };
        let word = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let clamp = |r: &Range<usize>| {
            let start = r.start.min(source.len());
            let end = r.end.clamp(start, source.len());
            start..end
        };
        let file = self.file.as_str();
        let mut report = Report::build(kind, (file, clamp(&self.span)))
            .with_config(
                Config::default()
                    .with_index_type(IndexType::Byte)
                    .with_color(color),
            )
            .with_message(&self.message);
        for label in &self.labels {
            report = report.with_label(
                AriadneLabel::new((file, clamp(&label.span))).with_message(&label.message),
            );
        }
        for note in &self.notes {
            report = report.with_note(note);
        }
        let mut out = Vec::new();
        let header = format!("{}: {}: {}\n", self.location(source), word, self.message);
        if report
            .finish()
            .write((file, Source::from(source)), &mut out)
            .is_err()
        {
            return header;
        }
        header + &String::from_utf8_lossy(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_names_file_line_col_and_label() {
        let src = "-module(a).\nf() -> ).\n";
        let d = Diagnostic::error("a.erl", 19..20, "syntax error before: ')'")
            .with_label(19..20, "unexpected ')'");
        let text = d.render(src, false);
        assert!(
            text.starts_with("a.erl:2:8: error: syntax error before: ')'"),
            "{text}"
        );
        assert!(text.contains("unexpected ')'"), "{text}");
    }

    #[test]
    fn render_survives_out_of_range_spans() {
        let d = Diagnostic::error("a.erl", 100..200, "eof");
        let text = d.render("abc", false);
        assert!(text.contains("eof"));
    }
}
