//! Gleam tokens. Hand-written: Gleam's lexical grammar is small, and a
//! hand-written scanner gives precise spans for unterminated strings and
//! stray characters without backtracking.

use std::ops::Range;

use eubeam_ir::Diagnostic;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// `foo`, `foo_bar1`.
    Name(String),
    /// `Foo`.
    UpName(String),
    /// `_` or `_foo`.
    Discard(String),
    Int(String),
    Float(String),
    /// The decoded string contents.
    Str(String),
    // keywords
    As,
    Assert,
    Case,
    Const,
    Echo,
    Fn,
    If,
    Import,
    Let,
    Opaque,
    Panic,
    Pub,
    Todo,
    Type,
    Use,
    // punctuation
    LParen,
    RParen,
    LBrack,
    RBrack,
    LBrace,
    RBrace,
    Comma,
    Dot,
    DotDot,
    Colon,
    Hash,
    Eq,
    EqEq,
    NotEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
    LtDot,
    GtDot,
    LtEqDot,
    GtEqDot,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    PlusDot,
    MinusDot,
    StarDot,
    SlashDot,
    LtGt,
    Pipe,
    Bar,
    BarBar,
    AmpAmp,
    RArrow,
    LArrow,
    LtLt,
    GtGt,
    At,
    Bang,
    Eof,
}

impl Tok {
    /// How the token is written, for "expected X, found Y" messages.
    pub fn describe(&self) -> String {
        match self {
            Tok::Name(n) | Tok::UpName(n) | Tok::Discard(n) => format!("`{n}`"),
            Tok::Int(i) | Tok::Float(i) => format!("`{i}`"),
            Tok::Str(_) => "a string".into(),
            Tok::Eof => "the end of the file".into(),
            other => format!("`{}`", other.text()),
        }
    }

    fn text(&self) -> &'static str {
        match self {
            Tok::As => "as",
            Tok::Assert => "assert",
            Tok::Case => "case",
            Tok::Const => "const",
            Tok::Echo => "echo",
            Tok::Fn => "fn",
            Tok::If => "if",
            Tok::Import => "import",
            Tok::Let => "let",
            Tok::Opaque => "opaque",
            Tok::Panic => "panic",
            Tok::Pub => "pub",
            Tok::Todo => "todo",
            Tok::Type => "type",
            Tok::Use => "use",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBrack => "[",
            Tok::RBrack => "]",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::Comma => ",",
            Tok::Dot => ".",
            Tok::DotDot => "..",
            Tok::Colon => ":",
            Tok::Hash => "#",
            Tok::Eq => "=",
            Tok::EqEq => "==",
            Tok::NotEq => "!=",
            Tok::Lt => "<",
            Tok::Gt => ">",
            Tok::LtEq => "<=",
            Tok::GtEq => ">=",
            Tok::LtDot => "<.",
            Tok::GtDot => ">.",
            Tok::LtEqDot => "<=.",
            Tok::GtEqDot => ">=.",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::Percent => "%",
            Tok::PlusDot => "+.",
            Tok::MinusDot => "-.",
            Tok::StarDot => "*.",
            Tok::SlashDot => "/.",
            Tok::LtGt => "<>",
            Tok::Pipe => "|>",
            Tok::Bar => "|",
            Tok::BarBar => "||",
            Tok::AmpAmp => "&&",
            Tok::RArrow => "->",
            Tok::LArrow => "<-",
            Tok::LtLt => "<<",
            Tok::GtGt => ">>",
            Tok::At => "@",
            Tok::Bang => "!",
            _ => "?",
        }
    }
}

pub type Spanned = (Tok, Range<usize>);

/// Scans the whole text. Lexical errors are reported and skipped, so the
/// parser still sees the rest of the file. The last token is always `Eof`.
pub fn lex(src: &str, file: &str) -> (Vec<Spanned>, Vec<Diagnostic>) {
    let bytes = src.as_bytes();
    let mut toks = Vec::new();
    let mut diags = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c.is_ascii_lowercase() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let word = &src[start..i];
            let tok = match word {
                "as" => Tok::As,
                "assert" => Tok::Assert,
                "case" => Tok::Case,
                "const" => Tok::Const,
                "echo" => Tok::Echo,
                "fn" => Tok::Fn,
                "if" => Tok::If,
                "import" => Tok::Import,
                "let" => Tok::Let,
                "opaque" => Tok::Opaque,
                "panic" => Tok::Panic,
                "pub" => Tok::Pub,
                "todo" => Tok::Todo,
                "type" => Tok::Type,
                "use" => Tok::Use,
                w if w.starts_with('_') => Tok::Discard(w.to_string()),
                w => Tok::Name(w.to_string()),
            };
            toks.push((tok, start..i));
            continue;
        }
        if c.is_ascii_uppercase() {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            toks.push((Tok::UpName(src[start..i].to_string()), start..i));
            continue;
        }
        if c.is_ascii_digit() {
            let (tok, end) = lex_number(src, i);
            i = end;
            toks.push((tok, start..i));
            continue;
        }
        if c == b'"' {
            i += 1;
            let mut s = String::new();
            let mut closed = false;
            while i < bytes.len() {
                let ch = bytes[i];
                if ch == b'"' {
                    i += 1;
                    closed = true;
                    break;
                }
                if ch == b'\\' {
                    let esc_start = i;
                    i += 1;
                    match bytes.get(i) {
                        Some(b'n') => s.push('\n'),
                        Some(b't') => s.push('\t'),
                        Some(b'r') => s.push('\r'),
                        Some(b'f') => s.push('\u{c}'),
                        Some(b'"') => s.push('"'),
                        Some(b'\\') => s.push('\\'),
                        Some(b'u') => {
                            // \u{XXXX}
                            let rest = &src[i + 1..];
                            let ok = rest.starts_with('{').then(|| rest.find('}')).flatten();
                            match ok.and_then(|close| {
                                u32::from_str_radix(&rest[1..close], 16)
                                    .ok()
                                    .and_then(char::from_u32)
                                    .map(|c| (c, close))
                            }) {
                                Some((ch, close)) => {
                                    s.push(ch);
                                    i += close + 1;
                                }
                                None => diags.push(
                                    Diagnostic::error(
                                        file,
                                        esc_start..i + 1,
                                        "Invalid unicode escape sequence",
                                    )
                                    .with_label(
                                        esc_start..i + 1,
                                        "expected \\u{...} with 1 to 6 hex digits",
                                    ),
                                ),
                            }
                        }
                        _ => diags.push(
                            Diagnostic::error(file, esc_start..i + 1, "Unknown escape sequence")
                                .with_label(
                                    esc_start..i + 1,
                                    "this escape is not valid in a Gleam string",
                                )
                                .with_note(
                                    "the valid escapes are \\n \\r \\t \\f \\\" \\\\ and \\u{...}",
                                ),
                        ),
                    }
                    i += 1;
                    continue;
                }
                // Copy one whole UTF-8 character.
                let len = utf8_len(ch);
                s.push_str(src.get(i..i + len).unwrap_or(""));
                i += len;
            }
            if !closed {
                diags.push(
                    Diagnostic::error(file, start..i, "Unterminated string")
                        .with_label(start..start + 1, "this string is never closed"),
                );
            }
            toks.push((Tok::Str(s), start..i));
            continue;
        }
        let two = src.get(i..i + 2).unwrap_or("");
        let three = src.get(i..i + 3).unwrap_or("");
        let (tok, len) = match three {
            "<=." => (Tok::LtEqDot, 3),
            ">=." => (Tok::GtEqDot, 3),
            _ => match two {
                ".." => (Tok::DotDot, 2),
                "==" => (Tok::EqEq, 2),
                "!=" => (Tok::NotEq, 2),
                "<=" => (Tok::LtEq, 2),
                ">=" => (Tok::GtEq, 2),
                "<." => (Tok::LtDot, 2),
                ">." => (Tok::GtDot, 2),
                "+." => (Tok::PlusDot, 2),
                "-." => (Tok::MinusDot, 2),
                "*." => (Tok::StarDot, 2),
                "/." => (Tok::SlashDot, 2),
                "<>" => (Tok::LtGt, 2),
                "|>" => (Tok::Pipe, 2),
                "||" => (Tok::BarBar, 2),
                "&&" => (Tok::AmpAmp, 2),
                "->" => (Tok::RArrow, 2),
                "<-" => (Tok::LArrow, 2),
                "<<" => (Tok::LtLt, 2),
                ">>" => (Tok::GtGt, 2),
                _ => {
                    let t = match c {
                        b'(' => Tok::LParen,
                        b')' => Tok::RParen,
                        b'[' => Tok::LBrack,
                        b']' => Tok::RBrack,
                        b'{' => Tok::LBrace,
                        b'}' => Tok::RBrace,
                        b',' => Tok::Comma,
                        b'.' => Tok::Dot,
                        b':' => Tok::Colon,
                        b'#' => Tok::Hash,
                        b'=' => Tok::Eq,
                        b'<' => Tok::Lt,
                        b'>' => Tok::Gt,
                        b'+' => Tok::Plus,
                        b'-' => Tok::Minus,
                        b'*' => Tok::Star,
                        b'/' => Tok::Slash,
                        b'%' => Tok::Percent,
                        b'|' => Tok::Bar,
                        b'@' => Tok::At,
                        b'!' => Tok::Bang,
                        _ => {
                            let len = utf8_len(c);
                            let end = (i + len).min(src.len());
                            diags.push(
                                Diagnostic::error(file, i..end, "Unexpected character")
                                    .with_label(i..end, "I don't know what this character means"),
                            );
                            i = end;
                            continue;
                        }
                    };
                    (t, 1)
                }
            },
        };
        toks.push((tok, i..i + len));
        i += len;
    }
    toks.push((Tok::Eof, src.len()..src.len()));
    (toks, diags)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Integers (`1_000`, `0x1F`, `0b101`, `0o17`) and floats (`1.5`, `1.0e10`,
/// `1.`). Underscores are dropped from the token text.
fn lex_number(src: &str, start: usize) -> (Tok, usize) {
    let bytes = src.as_bytes();
    let mut i = start;
    if bytes[i] == b'0'
        && matches!(
            bytes.get(i + 1),
            Some(b'x' | b'X' | b'b' | b'B' | b'o' | b'O')
        )
    {
        let radix = match bytes[i + 1] {
            b'x' | b'X' => 16,
            b'b' | b'B' => 2,
            _ => 8,
        };
        i += 2;
        let digits_start = i;
        while i < bytes.len() && (bytes[i].is_ascii_hexdigit() || bytes[i] == b'_') {
            i += 1;
        }
        let digits: String = src[digits_start..i].chars().filter(|c| *c != '_').collect();
        let value = i128::from_str_radix(&digits, radix)
            .map_or_else(|_| "0".to_string(), |v| v.to_string());
        return (Tok::Int(value), i);
    }
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'_') {
        i += 1;
    }
    let mut is_float = false;
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1) != Some(&b'.') {
        // `1.` is a float; `t.0` never reaches here (it starts with a name).
        is_float = true;
        i += 1;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'_') {
            i += 1;
        }
        if bytes.get(i) == Some(&b'e') {
            let mut j = i + 1;
            if bytes.get(j) == Some(&b'-') {
                j += 1;
            }
            if bytes.get(j).is_some_and(u8::is_ascii_digit) {
                i = j;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
    }
    let text: String = src[start..i].chars().filter(|c| *c != '_').collect();
    if is_float {
        (Tok::Float(text), i)
    } else {
        (Tok::Int(text), i)
    }
}
