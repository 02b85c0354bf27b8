//! Source positions carried by IR nodes.

/// A byte range in one source file plus the 1-based line of its start.
///
/// The file itself is named once, on [`crate::Module::file`]; spans inside a
/// module always refer to that file. `line == 0` means "no source position"
/// (compiler-generated code).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub line: u32,
}

impl Span {
    pub const NONE: Span = Span {
        start: 0,
        end: 0,
        line: 0,
    };

    pub fn new(start: usize, end: usize, line: u32) -> Span {
        Span {
            start: clamp_u32(start),
            end: clamp_u32(end),
            line,
        }
    }

    /// The smallest span covering both; the line is the earlier one's.
    pub fn to(self, other: Span) -> Span {
        if self == Span::NONE {
            return other;
        }
        if other == Span::NONE {
            return self;
        }
        let (first, _) = if self.start <= other.start {
            (self, other)
        } else {
            (other, self)
        };
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            line: first.line,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Maps byte offsets to 1-based line and column numbers.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        u32::try_from(idx + 1).unwrap_or(u32::MAX)
    }

    /// 1-based (line, column) of a byte offset; the column counts chars.
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_starts[(line - 1) as usize];
        let end = offset.min(text.len());
        let col = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line, u32::try_from(col + 1).unwrap_or(u32::MAX))
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(start, end, self.line(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let text = "ab\ncd\n\nef";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 4), (2, 2));
        assert_eq!(idx.line_col(text, 6), (3, 1));
        assert_eq!(idx.line_col(text, 7), (4, 1));
    }
}
