//! Elixir tokens, written by hand: Elixir's lexical rules depend on spacing
//! (`foo -1` vs `foo - 1`, `foo [1]` vs `foo[1]`, `a: 1`), on newlines, and
//! nest (interpolation inside strings), which is simpler to state directly.
//!
//! Invariant: spans are byte ranges into the source and increasing; the
//! lexer never panics and always reaches the end of its range, recording
//! errors and skipping what it cannot read.

/// A piece of a string literal: text, or the byte range of an interpolated
/// `#{...}` expression (parsed later by the parser).
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Lit(String),
    Code(usize, usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Int(String),
    Float(f64),
    Atom(String),
    /// `:"a#{b}"`: an atom with interpolation.
    AtomInterp(Vec<Part>),
    /// `key:` (keyword list key), also `"key":`.
    KwKey(String),
    Ident(String),
    Alias(String),
    Str(Vec<Part>),
    Charlist(Vec<Part>),
    Sigil {
        letter: char,
        parts: Vec<Part>,
        mods: String,
    },
    /// Operators, punctuation and reserved words.
    Op(&'static str),
    /// A newline or `;` ending an expression.
    Eol,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
    /// Whitespace right before the token (`foo -1` is a call, `foo-1` is not).
    pub space_before: bool,
}

pub struct LexError {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

const RESERVED: &[&str] = &[
    "do", "end", "fn", "after", "else", "catch", "rescue", "when", "and", "or", "not", "in",
];

/// Operators and punctuation, longest first.
const OPS: &[&str] = &[
    "===", "!==", "<<<", ">>>", "|||", "&&&", "^^^", "~~~", "<<~", "~>>", "<~>", "...", "+++",
    "---", "|>", "++", "--", "<>", "&&", "||", "==", "!=", "<=", ">=", "=~", "->", "<-", "=>",
    "::", "..", "\\\\", "<<", ">>", "**", "//", "<~", "~>", "+", "-", "*", "/", "=", "<", ">", "!",
    "^", "&", "|", ".", ",", "(", ")", "[", "]", "{", "}", "%", "@",
];

/// Operators after which a newline does not end the expression, and
/// before which (at the start of the next line) it does not either.
pub const CONTINUE_BEFORE: &[&str] = &[
    "|>", "++", "--", "<>", "&&", "||", "==", "!=", "===", "!==", "=~", "and", "or", "when", "..",
    ".", "<-", "//", "|", "::", "\\\\", "=>",
];

fn reserved(s: &str) -> Option<&'static str> {
    RESERVED.iter().copied().find(|r| *r == s)
}

pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    end: usize,
    pub toks: Vec<Token>,
    pub errors: Vec<LexError>,
    /// True when the input ended inside a string, heredoc or sigil.
    pub unterminated: bool,
}

pub fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_lowercase() || (c.is_alphabetic() && !c.is_uppercase())
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str, start: usize, end: usize) -> Lexer<'a> {
        Lexer {
            src,
            pos: start,
            end,
            toks: Vec::new(),
            errors: Vec::new(),
            unterminated: false,
        }
    }

    fn peek(&self) -> Option<char> {
        if self.pos >= self.end {
            return None;
        }
        self.src[self.pos..self.end].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        if self.pos >= self.end {
            return None;
        }
        self.src[self.pos..self.end].chars().nth(n)
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos.min(self.end)..self.end]
    }

    fn err(&mut self, start: usize, end: usize, msg: impl Into<String>) {
        self.errors.push(LexError {
            start,
            end,
            message: msg.into(),
        });
    }

    fn push(&mut self, tok: Tok, start: usize, space: bool) {
        // A newline before a continuing operator does not end the expression.
        if let Tok::Op(op) = &tok {
            if CONTINUE_BEFORE.contains(op) {
                while matches!(self.toks.last(), Some(Token { tok: Tok::Eol, .. })) {
                    self.toks.pop();
                }
            }
        }
        if tok == Tok::Eol && matches!(self.toks.last(), None | Some(Token { tok: Tok::Eol, .. })) {
            return;
        }
        self.toks.push(Token {
            tok,
            start,
            end: self.pos,
            space_before: space,
        });
    }

    pub fn run(mut self) -> Self {
        let mut space = true;
        while let Some(c) = self.peek() {
            let start = self.pos;
            if c == '\n' || c == ';' {
                self.pos += 1;
                self.push(Tok::Eol, start, space);
                space = true;
                continue;
            }
            if c == '\\' && self.peek_at(1) == Some('\n') {
                self.pos += 2;
                space = true;
                continue;
            }
            if c.is_whitespace() {
                self.pos += c.len_utf8();
                space = true;
                continue;
            }
            if c == '#' {
                while let Some(c) = self.peek() {
                    if c == '\n' {
                        break;
                    }
                    self.pos += c.len_utf8();
                }
                space = true;
                continue;
            }
            self.token(c, start, space);
            space = false;
        }
        self
    }

    fn token(&mut self, c: char, start: usize, space: bool) {
        if c.is_ascii_digit() {
            return self.number(start, space);
        }
        if is_ident_start(c) || c.is_uppercase() {
            let mut s = String::new();
            while let Some(ch) = self.peek() {
                if is_ident_char(ch) {
                    s.push(ch);
                    self.pos += ch.len_utf8();
                } else {
                    break;
                }
            }
            if matches!(self.peek(), Some('?' | '!')) && self.peek_at(1) != Some('=') {
                if let Some(ch) = self.peek() {
                    s.push(ch);
                    self.pos += 1;
                }
            }
            // `key: value`
            if self.peek() == Some(':')
                && self.peek_at(1) != Some(':')
                && self.peek_at(1).is_none_or(|n| n.is_whitespace())
            {
                self.pos += 1;
                return self.push(Tok::KwKey(s), start, space);
            }
            let tok = if c.is_uppercase() {
                Tok::Alias(s)
            } else if let Some(r) = reserved(&s) {
                // `foo.end`/`x.do` are field names, not keywords.
                if matches!(
                    self.toks.last(),
                    Some(Token {
                        tok: Tok::Op("."),
                        ..
                    })
                ) {
                    Tok::Ident(s)
                } else {
                    Tok::Op(r)
                }
            } else if (s == "true" || s == "false" || s == "nil")
                && !matches!(
                    self.toks.last(),
                    Some(Token {
                        tok: Tok::Op("."),
                        ..
                    })
                )
            {
                Tok::Atom(s)
            } else {
                Tok::Ident(s)
            };
            return self.push(tok, start, space);
        }
        match c {
            '"' => {
                let tok = if self.rest().starts_with("\"\"\"") {
                    Tok::Str(self.heredoc('"', true))
                } else {
                    self.pos += 1;
                    Tok::Str(self.delimited('"', true))
                };
                // `"quoted key": value`
                if self.peek() == Some(':') && self.peek_at(1).is_none_or(|n| n.is_whitespace()) {
                    if let Tok::Str(parts) = &tok {
                        if let [Part::Lit(s)] = parts.as_slice() {
                            let s = s.clone();
                            self.pos += 1;
                            return self.push(Tok::KwKey(s), start, space);
                        }
                    }
                }
                self.push(tok, start, space)
            }
            '\'' => {
                let tok = if self.rest().starts_with("'''") {
                    Tok::Charlist(self.heredoc('\'', true))
                } else {
                    self.pos += 1;
                    Tok::Charlist(self.delimited('\'', true))
                };
                self.push(tok, start, space)
            }
            '?' => {
                self.pos += 1;
                let code = match self.peek() {
                    Some('\\') => {
                        self.pos += 1;
                        let mut s = String::new();
                        self.escape(&mut s);
                        s.chars().next().map_or(0, u32::from)
                    }
                    Some(ch) => {
                        self.pos += ch.len_utf8();
                        u32::from(ch)
                    }
                    None => {
                        self.err(start, self.pos, "missing character after ?");
                        0
                    }
                };
                self.push(Tok::Int(code.to_string()), start, space)
            }
            '~' if self.peek_at(1).is_some_and(|l| l.is_ascii_alphabetic()) => {
                self.sigil(start, space)
            }
            ':' if self.peek_at(1) != Some(':') => self.atom(start, space),
            _ => {
                let rest = self.rest();
                match OPS.iter().find(|op| rest.starts_with(**op)) {
                    Some(op) => {
                        self.pos += op.len();
                        // An operator as a keyword key: `[&&&: 2, @: 1]`.
                        if !matches!(*op, "(" | ")" | "[" | "]" | "{" | "}" | "," | "%" | ":")
                            && self.peek() == Some(':')
                            && self.peek_at(1).is_some_and(|n| n.is_whitespace())
                        {
                            self.pos += 1;
                            return self.push(Tok::KwKey((*op).to_string()), start, space);
                        }
                        self.push(Tok::Op(op), start, space)
                    }
                    None => {
                        self.pos += c.len_utf8();
                        self.err(start, self.pos, format!("unexpected character {c:?}"));
                    }
                }
            }
        }
    }

    fn atom(&mut self, start: usize, space: bool) {
        self.pos += 1; // ':'
        match self.peek() {
            Some('"') => {
                self.pos += 1;
                let parts = self.delimited('"', true);
                let tok = match parts.as_slice() {
                    [] => Tok::Atom(String::new()),
                    [Part::Lit(s)] => Tok::Atom(s.clone()),
                    _ => Tok::AtomInterp(parts),
                };
                self.push(tok, start, space)
            }
            Some(c) if is_ident_start(c) || c.is_uppercase() => {
                let mut s = String::new();
                while let Some(ch) = self.peek() {
                    if is_ident_char(ch)
                        || (ch == '.'
                            && self.peek_at(1).is_some_and(char::is_uppercase)
                            && s.chars().next().is_some_and(char::is_uppercase))
                    {
                        s.push(ch);
                        self.pos += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                if matches!(self.peek(), Some('?' | '!')) {
                    if let Some(ch) = self.peek() {
                        s.push(ch);
                        self.pos += 1;
                    }
                }
                self.push(Tok::Atom(s), start, space)
            }
            _ => {
                let rest = self.rest();
                // The names of special forms: `:%{}`, `:{}`, `:<<>>`, `:%`.
                if let Some(special) = ["<<>>", "%{}", "{}", "..//", "%"]
                    .into_iter()
                    .find(|sp| rest.starts_with(*sp))
                {
                    self.pos += special.len();
                    return self.push(Tok::Atom(special.to_string()), start, space);
                }
                match OPS.iter().find(|op| {
                    rest.starts_with(**op)
                        && !matches!(**op, "(" | ")" | "[" | "]" | "{" | "}" | "," | "%" | "=>")
                }) {
                    Some(op) => {
                        self.pos += op.len();
                        self.push(Tok::Atom((*op).to_string()), start, space)
                    }
                    None => {
                        self.err(start, self.pos, "unexpected ':'");
                    }
                }
            }
        }
    }

    fn number(&mut self, start: usize, space: bool) {
        let rest = self.rest();
        let radix = if rest.starts_with("0x") {
            16
        } else if rest.starts_with("0b") {
            2
        } else if rest.starts_with("0o") {
            8
        } else {
            10
        };
        if radix != 10 {
            self.pos += 2;
            let mut digits = String::new();
            while let Some(c) = self.peek() {
                if c.is_digit(radix) {
                    digits.push(c);
                } else if c != '_' {
                    break;
                }
                self.pos += 1;
            }
            let value = parse_radix(&digits, radix);
            return self.push(Tok::Int(value), start, space);
        }
        let mut text = String::new();
        let mut float = false;
        while let Some(c) = self.peek() {
            if c.is_ascii_digit() {
                text.push(c);
            } else if c == '_' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
            } else if c == '.' && !float && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
                float = true;
                text.push('.');
            } else if (c == 'e' || c == 'E')
                && float
                && (self.peek_at(1).is_some_and(|d| d.is_ascii_digit())
                    || (matches!(self.peek_at(1), Some('-' | '+'))
                        && self.peek_at(2).is_some_and(|d| d.is_ascii_digit())))
            {
                text.push('e');
                if let Some(s @ ('-' | '+')) = self.peek_at(1) {
                    text.push(s);
                    self.pos += 1;
                }
            } else {
                break;
            }
            self.pos += 1;
        }
        if float {
            match text.parse::<f64>() {
                Ok(f) => self.push(Tok::Float(f), start, space),
                Err(_) => self.err(start, self.pos, "invalid float"),
            }
        } else {
            let t = text.trim_start_matches('0');
            let t = if t.is_empty() { "0" } else { t };
            self.push(Tok::Int(t.to_string()), start, space)
        }
    }

    /// An escape after `\` (the backslash consumed), appended to `out`.
    fn escape(&mut self, out: &mut String) {
        let Some(c) = self.peek() else {
            return;
        };
        self.pos += c.len_utf8();
        let ch = match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            's' => ' ',
            'e' => '\u{1b}',
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'd' => '\u{7f}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            '\n' => return,
            'x' | 'u' => {
                let mut hex = String::new();
                if self.peek() == Some('{') {
                    self.pos += 1;
                    while let Some(h) = self.peek() {
                        self.pos += 1;
                        if h == '}' {
                            break;
                        }
                        hex.push(h);
                    }
                } else {
                    let n = if c == 'x' { 2 } else { 4 };
                    for _ in 0..n {
                        match self.peek() {
                            Some(h) if h.is_ascii_hexdigit() => {
                                hex.push(h);
                                self.pos += 1;
                            }
                            _ => break,
                        }
                    }
                }
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) => ch,
                    None => {
                        self.err(self.pos - 1, self.pos, "invalid escape");
                        return;
                    }
                }
            }
            other => other,
        };
        out.push(ch);
    }

    /// The body of a string up to `close` (the opening delimiter consumed).
    fn delimited(&mut self, close: char, interp: bool) -> Vec<Part> {
        self.delimited2(None, close, interp, true)
    }

    /// With `open` set, nested `open`/`close` pairs are kept (sigils).
    fn delimited2(
        &mut self,
        open: Option<char>,
        close: char,
        interp: bool,
        escapes: bool,
    ) -> Vec<Part> {
        let start = self.pos;
        let mut parts = Vec::new();
        let mut cur = String::new();
        let mut depth = 0;
        loop {
            let Some(c) = self.peek() else {
                self.unterminated = true;
                self.err(
                    start.saturating_sub(1),
                    self.pos,
                    format!("missing terminator: {close}"),
                );
                break;
            };
            if c == close && depth == 0 {
                self.pos += c.len_utf8();
                break;
            }
            if Some(c) == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
            }
            if c == '\\' {
                self.pos += 1;
                if escapes {
                    self.escape(&mut cur);
                } else {
                    // Uppercase sigils: only the delimiter can be escaped.
                    match self.peek() {
                        Some(n) if n == close => {
                            cur.push(n);
                            self.pos += n.len_utf8();
                        }
                        _ => cur.push('\\'),
                    }
                }
                continue;
            }
            if interp && c == '#' && self.peek_at(1) == Some('{') {
                self.pos += 2;
                let code_start = self.pos;
                if let Some(code_end) = self.skip_interpolation() {
                    if !cur.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut cur)));
                    }
                    parts.push(Part::Code(code_start, code_end));
                }
                continue;
            }
            cur.push(c);
            self.pos += c.len_utf8();
        }
        if !cur.is_empty() {
            parts.push(Part::Lit(cur));
        }
        parts
    }

    /// Skips to the `}` closing an interpolation; returns its offset.
    fn skip_interpolation(&mut self) -> Option<usize> {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    let end = self.pos;
                    self.pos += 1;
                    return Some(end);
                }
                '}' => depth -= 1,
                '"' | '\'' => {
                    self.pos += 1;
                    let _ = self.delimited(c, true);
                    continue;
                }
                _ => {}
            }
            self.pos += c.len_utf8();
        }
        self.unterminated = true;
        self.err(self.pos, self.pos, "missing terminator: } (interpolation)");
        None
    }

    /// `"""` heredoc: the content lines with the closing delimiter's
    /// indentation removed.
    fn heredoc(&mut self, q: char, interp: bool) -> Vec<Part> {
        let start = self.pos;
        self.pos += 3;
        // Rest of the opening line is ignored (must be blank).
        while let Some(c) = self.peek() {
            self.pos += c.len_utf8();
            if c == '\n' {
                break;
            }
        }
        let body_start = self.pos;
        let close: String = std::iter::repeat_n(q, 3).collect();
        // Find the closing line: optional spaces then the delimiter.
        let mut line_start = self.pos;
        let (body_end, indent) = loop {
            if line_start >= self.end {
                self.unterminated = true;
                self.err(
                    start,
                    self.end,
                    format!("missing terminator: {close} (heredoc)"),
                );
                self.pos = self.end;
                return Vec::new();
            }
            let line_end = self.src[line_start..self.end]
                .find('\n')
                .map_or(self.end, |i| line_start + i);
            let line = &self.src[line_start..line_end];
            let trimmed = line.trim_start();
            if trimmed.starts_with(&close) {
                let indent = line.len() - trimmed.len();
                self.pos = line_start + indent + 3;
                break (line_start, indent);
            }
            line_start = line_end + 1;
        };
        // Re-read the body as a delimited string with the indentation removed:
        // lex the raw body, then strip `indent` leading spaces from each line
        // of literal text.
        let saved_end = self.end;
        let after = self.pos;
        self.pos = body_start;
        self.end = body_end;
        // `~S"""` (no interpolation) keeps its backslashes too.
        let parts = self.delimited2(None, '\u{0}', interp, interp);
        self.unterminated = false;
        self.errors
            .retain(|e| !e.message.starts_with("missing terminator: \u{0}"));
        self.end = saved_end;
        self.pos = after;
        strip_indent(parts, indent)
    }

    fn sigil(&mut self, start: usize, space: bool) {
        self.pos += 1;
        let letter = self.peek().unwrap_or('s');
        self.pos += 1;
        let interp = letter.is_ascii_lowercase();
        let rest = self.rest();
        let parts = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
            let q = rest.chars().next().unwrap_or('"');
            self.heredoc(q, interp)
        } else {
            let Some(open) = self.peek() else {
                self.err(start, self.pos, "sigil without delimiter");
                return;
            };
            self.pos += open.len_utf8();
            let (o, close) = match open {
                '(' => (Some('('), ')'),
                '[' => (Some('['), ']'),
                '{' => (Some('{'), '}'),
                '<' => (Some('<'), '>'),
                c @ ('"' | '\'' | '|' | '/') => (None, c),
                _ => {
                    self.err(start, self.pos, "invalid sigil delimiter");
                    return;
                }
            };
            // ~r keeps backslashes for the regex engine.
            let escapes = interp && letter != 'r';
            self.delimited2(o, close, interp, escapes)
        };
        let mut mods = String::new();
        while let Some(c) = self.peek() {
            if c.is_ascii_alphabetic() {
                mods.push(c);
                self.pos += 1;
            } else {
                break;
            }
        }
        self.push(
            Tok::Sigil {
                letter,
                parts,
                mods,
            },
            start,
            space,
        )
    }
}

fn strip_indent(parts: Vec<Part>, indent: usize) -> Vec<Part> {
    let mut out = Vec::new();
    let mut at_line_start = true;
    for p in parts {
        match p {
            Part::Lit(s) => {
                let mut r = String::new();
                for (i, line) in s.split('\n').enumerate() {
                    if i > 0 {
                        r.push('\n');
                        at_line_start = true;
                    }
                    if at_line_start {
                        let n = line.len() - line.trim_start_matches(' ').len();
                        r.push_str(&line[n.min(indent)..]);
                    } else {
                        r.push_str(line);
                    }
                    if !line.is_empty() {
                        at_line_start = false;
                    }
                }
                out.push(Part::Lit(r));
            }
            code => {
                at_line_start = false;
                out.push(code)
            }
        }
    }
    out
}

fn parse_radix(digits: &str, radix: u32) -> String {
    // Decimal text of any size: multiply-add on a little decimal bignum.
    let mut dec: Vec<u32> = vec![0]; // base 1e9 limbs, least significant first
    for c in digits.chars() {
        let mut carry = u64::from(c.to_digit(radix).unwrap_or(0));
        for limb in dec.iter_mut() {
            let v = u64::from(*limb) * u64::from(radix) + carry;
            *limb = (v % 1_000_000_000) as u32;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            dec.push((carry % 1_000_000_000) as u32);
            carry /= 1_000_000_000;
        }
    }
    let mut s = String::new();
    for (i, limb) in dec.iter().rev().enumerate() {
        if i == 0 {
            s.push_str(&limb.to_string());
        } else {
            s.push_str(&format!("{limb:09}"));
        }
    }
    s
}

pub fn tokenize(src: &str, start: usize, end: usize) -> Lexer<'_> {
    Lexer::new(src, start, end).run()
}
