//! Erlang tokens, written by hand: Erlang's lexical rules (based integers,
//! `$c` characters, the `dot` that ends a form) are simpler to state directly
//! than through combinators.
//!
//! Invariant: token spans are byte ranges into the source and strictly
//! increasing; the lexer never panics and always reaches the end of input,
//! recording errors and skipping the offending characters.

use std::fmt;
use std::ops::Range;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Atom(String),
    Var(String),
    Int(i64),
    /// An integer beyond `i64`: normalised decimal text (see `ir::Literal::BigInt`).
    BigInt(String),
    Char(u32),
    Float(f64),
    Str(String),
    /// Punctuation, operators and reserved words, spelled as in the source.
    Punct(&'static str),
    /// The end of a form: `.` followed by whitespace, a comment or the end of input.
    Dot,
}

/// Reserved words; lexed as [`Tok::Punct`]. `cond` and `let` are reserved
/// but unused, as in OTP; `maybe`/`else` are plain atoms (OTP 25 default).
const RESERVED: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
    "rem", "try", "when", "xor",
];

/// Operators and punctuation, longest first so that the first match is the
/// longest one.
const PUNCT: &[&str] = &[
    "=:=", "=/=", "...", "<<", ">>", "<-", "<=", "=>", ":=", "::", "..", "->", "||", "++", "--",
    "==", "/=", "=<", ">=", "?=", "(", ")", "[", "]", "{", "}", ",", ";", "|", ":", "#", "!", "=",
    "<", ">", "+", "-", "*", "/", "?", ".",
];

impl fmt::Display for Tok {
    /// Tokens as erlc shows them in `syntax error before: ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Atom(a) => write!(f, "{}", quote_atom(a)),
            Tok::Var(v) => write!(f, "{v}"),
            Tok::Int(i) => write!(f, "{i}"),
            Tok::BigInt(d) => write!(f, "{d}"),
            Tok::Char(c) => match char::from_u32(*c) {
                Some(ch) if !ch.is_control() => write!(f, "${ch}"),
                _ => write!(f, "{c}"),
            },
            Tok::Float(x) => write!(f, "{x:?}"),
            Tok::Str(s) => write!(f, "{s:?}"),
            Tok::Punct(p) => write!(f, "'{p}'"),
            Tok::Dot => write!(f, "'.'"),
        }
    }
}

/// An atom as Erlang prints it: bare when it is a valid unquoted atom, quoted
/// otherwise.
pub fn quote_atom(a: &str) -> String {
    let mut chars = a.chars();
    let bare = match chars.next() {
        Some(c) if c.is_ascii_lowercase() => {
            chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@')
                && !RESERVED.contains(&a)
        }
        _ => false,
    };
    if bare {
        a.to_string()
    } else {
        let mut out = String::from("'");
        for c in a.chars() {
            match c {
                '\'' => out.push_str("\\'"),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
        out.push('\'');
        out
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    pub span: Range<usize>,
    pub message: String,
    /// The input ended inside a token (string, quoted atom); a shell waits
    /// for more input instead of reporting it.
    pub at_eof: bool,
    /// `not supported yet: ...` rather than a plain lexical error.
    pub unsupported: bool,
}

pub struct Lexed {
    pub tokens: Vec<(Tok, Range<usize>)>,
    pub errors: Vec<LexError>,
}

pub fn lex(src: &str) -> Lexed {
    let mut lx = Lexer {
        src,
        pos: 0,
        tokens: Vec::new(),
        errors: Vec::new(),
    };
    lx.run();
    Lexed {
        tokens: lx.tokens,
        errors: lx.errors,
    }
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    tokens: Vec<(Tok, Range<usize>)>,
    errors: Vec<LexError>,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '@'
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.errors.push(LexError {
            span,
            message: message.into(),
            at_eof: false,
            unsupported: false,
        });
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            let start = self.pos;
            if c.is_whitespace() {
                self.bump();
            } else if c == '%' {
                while let Some(c) = self.peek() {
                    if c == '\n' {
                        break;
                    }
                    self.bump();
                }
            } else if c.is_ascii_digit() {
                self.number();
            } else if c.is_uppercase() || c == '_' {
                let name = self.name();
                self.tokens.push((Tok::Var(name), start..self.pos));
            } else if c.is_lowercase() {
                let name = self.name();
                let tok = match RESERVED.iter().find(|r| **r == name) {
                    Some(r) => Tok::Punct(r),
                    None => Tok::Atom(name),
                };
                self.tokens.push((tok, start..self.pos));
            } else if c == '\'' {
                self.bump();
                if let Some(text) = self.quoted('\'', start) {
                    self.tokens.push((Tok::Atom(text), start..self.pos));
                }
            } else if c == '"' {
                self.bump();
                if let Some(text) = self.quoted('"', start) {
                    self.tokens.push((Tok::Str(text), start..self.pos));
                }
            } else if c == '$' {
                self.bump();
                self.char_literal(start);
            } else if c == '.' && self.is_dot_end() {
                self.bump();
                self.tokens.push((Tok::Dot, start..self.pos));
            } else if let Some(p) = PUNCT.iter().find(|p| self.src[self.pos..].starts_with(**p)) {
                self.pos += p.len();
                self.tokens.push((Tok::Punct(p), start..self.pos));
            } else {
                self.bump();
                self.error(start..self.pos, format!("illegal character '{c}'"));
            }
        }
    }

    /// A `.` ends a form when followed by whitespace, `%` or the end of input.
    fn is_dot_end(&self) -> bool {
        match self.peek_at(1) {
            None => true,
            Some(c) => c.is_whitespace() || c == '%',
        }
    }

    fn name(&mut self) -> String {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if !is_name_char(c) {
                break;
            }
            self.bump();
        }
        self.src[start..self.pos].to_string()
    }

    /// Digits of `radix` with optional `_` separators between digits.
    fn digits(&mut self, radix: u32) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if c.is_digit(radix) {
                out.push(c);
                self.bump();
            } else if c == '_'
                && !out.is_empty()
                && self.peek_at(1).is_some_and(|d| d.is_digit(radix))
            {
                self.bump();
            } else {
                break;
            }
        }
        out
    }

    fn number(&mut self) {
        let start = self.pos;
        let int_part = self.digits(10);
        // Based integer `Base#Digits`, base 2..=36.
        if self.peek() == Some('#') {
            if let Ok(base @ 2..=36) = int_part.parse::<u32>() {
                if self.peek_at(1).is_some_and(|d| d.is_digit(base)) {
                    self.bump();
                    let digits = self.digits(base);
                    self.push_int(&digits, base, start);
                    return;
                }
            }
        }
        // A float needs a digit after the `.`: `1.` followed by a non-digit is
        // the integer 1 and a dot.
        if self.peek() == Some('.') && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
            self.bump();
            let frac = self.digits(10);
            let mut text = format!("{int_part}.{frac}");
            if matches!(self.peek(), Some('e' | 'E')) {
                let sign = self.peek_at(1);
                let has_sign = matches!(sign, Some('+' | '-'));
                let digit_at = if has_sign { 2 } else { 1 };
                if self.peek_at(digit_at).is_some_and(|d| d.is_ascii_digit()) {
                    self.bump();
                    text.push('e');
                    if has_sign {
                        if let Some(s) = self.bump() {
                            text.push(s);
                        }
                    }
                    text.push_str(&self.digits(10));
                }
            }
            match text.parse::<f64>() {
                Ok(x) if x.is_finite() => self.tokens.push((Tok::Float(x), start..self.pos)),
                _ => self.error(start..self.pos, format!("illegal float {text}")),
            }
            return;
        }
        self.push_int(&int_part, 10, start);
    }

    fn push_int(&mut self, digits: &str, radix: u32, start: usize) {
        let tok = match i64::from_str_radix(digits, radix) {
            Ok(n) => Tok::Int(n),
            // Only overflow is possible here: `digits` are digits of `radix`.
            Err(_) => match num_bigint::BigUint::parse_bytes(digits.as_bytes(), radix) {
                Some(v) => Tok::BigInt(v.to_string()),
                None => {
                    self.errors.push(LexError {
                        span: start..self.pos,
                        message: format!("malformed integer {digits}"),
                        at_eof: false,
                        unsupported: false,
                    });
                    // Keep a token so that the parser sees a well-formed form.
                    Tok::Int(0)
                }
            },
        };
        self.tokens.push((tok, start..self.pos));
    }

    /// The body of a quoted atom or string after its opening quote; `None`
    /// after reporting an error.
    fn quoted(&mut self, quote: char, start: usize) -> Option<String> {
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                let what = if quote == '"' { "string" } else { "atom" };
                self.errors.push(LexError {
                    span: start..self.pos,
                    message: format!(
                        "unterminated {what} starting with {}",
                        snippet(&self.src[start..])
                    ),
                    at_eof: true,
                    unsupported: false,
                });
                return None;
            };
            let here = self.pos;
            self.bump();
            if c == quote {
                return Some(out);
            }
            if c == '\\' {
                match self.escape(here) {
                    Some(code) => match char::from_u32(code) {
                        Some(ch) => out.push(ch),
                        None => {
                            self.error(here..self.pos, format!("illegal character code {code}"))
                        }
                    },
                    None => {
                        if self.peek().is_none() {
                            continue;
                        }
                    }
                }
            } else {
                out.push(c);
            }
        }
    }

    fn char_literal(&mut self, start: usize) {
        let Some(c) = self.bump() else {
            self.errors.push(LexError {
                span: start..self.pos,
                message: "unterminated character".into(),
                at_eof: true,
                unsupported: false,
            });
            return;
        };
        let code = if c == '\\' {
            match self.escape(start) {
                Some(code) => code,
                None => return,
            }
        } else {
            u32::from(c)
        };
        self.tokens.push((Tok::Char(code), start..self.pos));
    }

    /// An escape sequence after its backslash; the code point it denotes.
    fn escape(&mut self, start: usize) -> Option<u32> {
        let Some(c) = self.bump() else {
            self.errors.push(LexError {
                span: start..self.pos,
                message: "unterminated escape sequence".into(),
                at_eof: true,
                unsupported: false,
            });
            return None;
        };
        Some(match c {
            'b' => 8,
            'd' => 127,
            'e' => 27,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            's' => 32,
            't' => 9,
            'v' => 11,
            '0'..='7' => {
                let mut n = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            n = n * 8 + d;
                            self.bump();
                        }
                        None => break,
                    }
                }
                n
            }
            'x' => {
                if self.peek() == Some('{') {
                    self.bump();
                    let digits = self.digits(16);
                    if self.peek() != Some('}') || digits.is_empty() {
                        self.error(start..self.pos, "illegal \\x{...} escape sequence");
                        return None;
                    }
                    self.bump();
                    match u32::from_str_radix(&digits, 16) {
                        Ok(n) if n <= 0x10FFFF => n,
                        _ => {
                            self.error(start..self.pos, "illegal character code in escape");
                            return None;
                        }
                    }
                } else {
                    let mut n = 0;
                    let mut count = 0;
                    while count < 2 {
                        match self.peek().and_then(|d| d.to_digit(16)) {
                            Some(d) => {
                                n = n * 16 + d;
                                self.bump();
                                count += 1;
                            }
                            None => break,
                        }
                    }
                    if count == 0 {
                        self.error(start..self.pos, "illegal \\x escape sequence");
                        return None;
                    }
                    n
                }
            }
            '^' => match self.bump() {
                Some(c) => u32::from(c) & 31,
                None => {
                    self.error(start..self.pos, "unterminated escape sequence");
                    return None;
                }
            },
            other => u32::from(other),
        })
    }
}

fn snippet(s: &str) -> String {
    let short: String = s.chars().take(16).collect();
    short.replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let l = lex(src);
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        l.tokens.into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn atoms_vars_and_reserved_words() {
        assert_eq!(
            toks("foo 'a b' X _Y case 'case'"),
            vec![
                Tok::Atom("foo".into()),
                Tok::Atom("a b".into()),
                Tok::Var("X".into()),
                Tok::Var("_Y".into()),
                Tok::Punct("case"),
                Tok::Atom("case".into()),
            ]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("16#FF 2#101 1_000 1.5e3 2.0E-1 36#z"),
            vec![
                Tok::Int(255),
                Tok::Int(5),
                Tok::Int(1000),
                Tok::Float(1500.0),
                Tok::Float(0.2),
                Tok::Int(35),
            ]
        );
        assert_eq!(toks("1."), vec![Tok::Int(1), Tok::Dot]);
        assert_eq!(
            toks("X.Y"),
            vec![Tok::Var("X".into()), Tok::Punct("."), Tok::Var("Y".into())]
        );
    }

    #[test]
    fn big_integers() {
        assert_eq!(
            toks("123456789012345678901234567890 16#FFFFFFFFFFFFFFFFFFFF 9223372036854775807"),
            vec![
                Tok::BigInt("123456789012345678901234567890".into()),
                Tok::BigInt("1208925819614629174706175".into()),
                Tok::Int(i64::MAX),
            ]
        );
    }

    #[test]
    fn chars_and_escapes() {
        assert_eq!(
            toks(r"$a $\n $\\ $\x41 $\x{1F600} $\101 $\^A $ "),
            vec![
                Tok::Char(97),
                Tok::Char(10),
                Tok::Char(92),
                Tok::Char(65),
                Tok::Char(0x1F600),
                Tok::Char(65),
                Tok::Char(1),
                Tok::Char(32),
            ]
        );
        assert_eq!(toks(r#""a\tb\"c""#), vec![Tok::Str("a\tb\"c".into())]);
        assert_eq!(toks(r"'it\'s'"), vec![Tok::Atom("it's".into())]);
    }

    #[test]
    fn operators_longest_match() {
        assert_eq!(
            toks("=:= =/= == =< <- <= => -> || ++ -- << >> := :: /= !"),
            [
                "=:=", "=/=", "==", "=<", "<-", "<=", "=>", "->", "||", "++", "--", "<<", ">>",
                ":=", "::", "/=", "!"
            ]
            .iter()
            .map(|p| Tok::Punct(PUNCT.iter().find(|q| *q == p).copied().unwrap_or("?")))
            .collect::<Vec<_>>()
        );
    }

    #[test]
    fn comments_and_spans() {
        let l = lex("foo. % comment\nbar");
        assert_eq!(
            l.tokens,
            vec![
                (Tok::Atom("foo".into()), 0..3),
                (Tok::Dot, 3..4),
                (Tok::Atom("bar".into()), 15..18)
            ]
        );
    }

    #[test]
    fn errors_do_not_stop_the_lexer() {
        let l = lex("a \u{7} b \"open");
        assert_eq!(l.tokens.len(), 2);
        assert_eq!(l.errors.len(), 2);
        assert!(l.errors[1].at_eof);
        assert!(l.errors[1].message.contains("unterminated string"));
    }

    #[test]
    fn atom_quoting() {
        assert_eq!(quote_atom("foo"), "foo");
        assert_eq!(quote_atom("a b"), "'a b'");
        assert_eq!(quote_atom("end"), "'end'");
        assert_eq!(quote_atom("Foo"), "'Foo'");
    }
}
