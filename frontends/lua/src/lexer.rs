//! Lua 5.4 lexer over bytes (Lua strings are byte strings).

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Str(Vec<u8>),
    Int(i64),
    Float(f64),
    /// Keywords and symbols, spelled as in the source.
    Sym(&'static str),
    Eof,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
    pub line: u32,
}

pub struct LexError {
    pub msg: String,
    pub pos: usize,
    pub line: u32,
}

const KEYWORDS: &[&str] = &[
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
    "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
];

const SYMBOLS: &[&str] = &[
    "...", "..", "==", "~=", "<=", ">=", "<<", ">>", "//", "::", "+", "-", "*", "/", "%", "^", "#",
    "&", "~", "|", "<", ">", "=", "(", ")", "{", "}", "[", "]", ";", ":", ",", ".",
];

pub fn lex(src: &[u8]) -> Result<Vec<Token>, LexError> {
    let mut lx = Lexer {
        s: src,
        i: 0,
        line: 1,
    };
    // A first line starting with '#' (shebang) is skipped, as `lua` does.
    if src.first() == Some(&b'#') {
        while lx.i < src.len() && src[lx.i] != b'\n' {
            lx.i += 1;
        }
    }
    let mut out = Vec::new();
    loop {
        let t = lx.next()?;
        let eof = t.tok == Tok::Eof;
        out.push(t);
        if eof {
            return Ok(out);
        }
    }
}

struct Lexer<'a> {
    s: &'a [u8],
    i: usize,
    line: u32,
}

impl Lexer<'_> {
    fn err<T>(&self, msg: impl Into<String>) -> Result<T, LexError> {
        Err(LexError {
            msg: msg.into(),
            pos: self.i,
            line: self.line,
        })
    }

    fn peek(&self, k: usize) -> u8 {
        self.s.get(self.i + k).copied().unwrap_or(0)
    }

    fn newline(&mut self) {
        // \n, \r, \n\r, \r\n each count as one line break
        let c = self.s[self.i];
        self.i += 1;
        let d = self.peek(0);
        if (d == b'\n' || d == b'\r') && d != c {
            self.i += 1;
        }
        self.line += 1;
    }

    /// `[` followed by `=`* and `[`: the level, or None.
    fn long_bracket_level(&self) -> Option<usize> {
        let mut k = 1;
        while self.peek(k) == b'=' {
            k += 1;
        }
        if self.peek(k) == b'[' {
            Some(k - 1)
        } else {
            None
        }
    }

    fn long_string(&mut self, level: usize, what: &str) -> Result<Vec<u8>, LexError> {
        let start_line = self.line;
        self.i += level + 2;
        // A newline right after the opening bracket is skipped.
        if self.i < self.s.len() && (self.s[self.i] == b'\n' || self.s[self.i] == b'\r') {
            self.newline();
        }
        let mut out = Vec::new();
        loop {
            if self.i >= self.s.len() {
                return self.err(format!(
                    "unfinished long {what} (starting at line {start_line}) near <eof>"
                ));
            }
            let c = self.s[self.i];
            if c == b']' {
                let mut k = 1;
                while self.peek(k) == b'=' {
                    k += 1;
                }
                if k - 1 == level && self.peek(k) == b']' {
                    self.i += k + 1;
                    return Ok(out);
                }
                out.push(c);
                self.i += 1;
            } else if c == b'\n' || c == b'\r' {
                out.push(b'\n');
                self.newline();
            } else {
                out.push(c);
                self.i += 1;
            }
        }
    }

    fn skip_space(&mut self) -> Result<(), LexError> {
        loop {
            if self.i >= self.s.len() {
                return Ok(());
            }
            let c = self.s[self.i];
            match c {
                b'\n' | b'\r' => self.newline(),
                b' ' | b'\t' | 0x0b | 0x0c => self.i += 1,
                b'-' if self.peek(1) == b'-' => {
                    self.i += 2;
                    if self.peek(0) == b'[' {
                        if let Some(level) = self.long_bracket_level() {
                            self.long_string(level, "comment")?;
                            continue;
                        }
                    }
                    while self.i < self.s.len()
                        && self.s[self.i] != b'\n'
                        && self.s[self.i] != b'\r'
                    {
                        self.i += 1;
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    fn next(&mut self) -> Result<Token, LexError> {
        self.skip_space()?;
        let start = self.i;
        let line = self.line;
        let mk = |tok, end| Token {
            tok,
            start,
            end,
            line,
        };
        if self.i >= self.s.len() {
            return Ok(mk(Tok::Eof, start));
        }
        let c = self.s[self.i];
        if c.is_ascii_alphabetic() || c == b'_' {
            while self.i < self.s.len()
                && (self.s[self.i].is_ascii_alphanumeric() || self.s[self.i] == b'_')
            {
                self.i += 1;
            }
            let w = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
            let tok = match KEYWORDS.iter().find(|k| **k == w) {
                Some(k) => Tok::Sym(k),
                None => Tok::Name(w),
            };
            return Ok(mk(tok, self.i));
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek(1).is_ascii_digit()) {
            let tok = self.number()?;
            return Ok(mk(tok, self.i));
        }
        if c == b'"' || c == b'\'' {
            let s = self.short_string(c)?;
            return Ok(mk(Tok::Str(s), self.i));
        }
        if c == b'[' {
            if let Some(level) = self.long_bracket_level() {
                let s = self.long_string(level, "string")?;
                return Ok(mk(Tok::Str(s), self.i));
            }
        }
        for sym in SYMBOLS {
            if self.s[self.i..].starts_with(sym.as_bytes()) {
                self.i += sym.len();
                return Ok(mk(Tok::Sym(sym), self.i));
            }
        }
        self.i += 1;
        let shown = if c.is_ascii_graphic() {
            format!("'{}'", c as char)
        } else {
            format!("'<\\{c}>'")
        };
        self.err(format!("unexpected symbol near {shown}"))
    }

    fn number(&mut self) -> Result<Tok, LexError> {
        let start = self.i;
        let hex = self.peek(0) == b'0' && (self.peek(1) == b'x' || self.peek(1) == b'X');
        let (expo_a, expo_b) = if hex { (b'p', b'P') } else { (b'e', b'E') };
        if hex {
            self.i += 2;
        }
        loop {
            let c = self.peek(0);
            if c == expo_a || c == expo_b {
                self.i += 1;
                if self.peek(0) == b'+' || self.peek(0) == b'-' {
                    self.i += 1;
                }
            } else if c.is_ascii_hexdigit() || c == b'.' {
                self.i += 1;
            } else {
                break;
            }
        }
        // Lua reads alphanumerics glued to a number as part of it (then fails).
        while self.peek(0).is_ascii_alphanumeric() || self.peek(0) == b'_' {
            self.i += 1;
        }
        let text = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
        match parse_number(&text) {
            Some(t) => Ok(t),
            None => self.err(format!("malformed number near '{text}'")),
        }
    }

    /// An error in an escape sequence, as llex.c reports it: the string
    /// read so far, the escape's text up to the offending character
    /// (`bad`, included unless at the end), "near '...'".
    fn esc_err<T>(
        &self,
        msg: &str,
        q: u8,
        out: &[u8],
        esc: usize,
        bad: usize,
    ) -> Result<T, LexError> {
        let end = (bad + 1).min(self.s.len());
        let mut near = vec![q];
        near.extend_from_slice(out);
        near.extend_from_slice(&self.s[esc..end]);
        self.err(format!("{msg} near '{}'", String::from_utf8_lossy(&near)))
    }

    fn short_string(&mut self, q: u8) -> Result<Vec<u8>, LexError> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            if self.i >= self.s.len() {
                // As llex.c: at the end of input the token is `<eof>`.
                return self.err("unfinished string near <eof>".to_string());
            }
            let c = self.s[self.i];
            if c == q {
                self.i += 1;
                return Ok(out);
            }
            match c {
                b'\n' | b'\r' => {
                    return self.err(format!(
                        "unfinished string near '{}{}'",
                        q as char,
                        String::from_utf8_lossy(&out)
                    ))
                }
                b'\\' => {
                    let esc = self.i;
                    self.i += 1;
                    let e = self.peek(0);
                    match e {
                        b'n' => {
                            out.push(b'\n');
                            self.i += 1;
                        }
                        b't' => {
                            out.push(b'\t');
                            self.i += 1;
                        }
                        b'r' => {
                            out.push(b'\r');
                            self.i += 1;
                        }
                        b'a' => {
                            out.push(7);
                            self.i += 1;
                        }
                        b'b' => {
                            out.push(8);
                            self.i += 1;
                        }
                        b'f' => {
                            out.push(12);
                            self.i += 1;
                        }
                        b'v' => {
                            out.push(11);
                            self.i += 1;
                        }
                        b'\\' | b'"' | b'\'' => {
                            out.push(e);
                            self.i += 1;
                        }
                        b'\n' | b'\r' => {
                            out.push(b'\n');
                            self.newline();
                        }
                        b'x' => {
                            let h = |c: u8| (c as char).to_digit(16);
                            match (h(self.peek(1)), h(self.peek(2))) {
                                (Some(a), Some(b)) => {
                                    out.push((a * 16 + b) as u8);
                                    self.i += 3;
                                }
                                (Some(_), None) => {
                                    let bad = self.i + 2;
                                    return self.esc_err(
                                        "hexadecimal digit expected",
                                        q,
                                        &out,
                                        esc,
                                        bad,
                                    );
                                }
                                _ => {
                                    let bad = self.i + 1;
                                    return self.esc_err(
                                        "hexadecimal digit expected",
                                        q,
                                        &out,
                                        esc,
                                        bad,
                                    );
                                }
                            }
                        }
                        b'z' => {
                            self.i += 1;
                            // lua's isspace: also \v, which Rust's
                            // is_ascii_whitespace leaves out
                            while self.i < self.s.len()
                                && (self.s[self.i].is_ascii_whitespace() || self.s[self.i] == 0x0b)
                            {
                                if self.s[self.i] == b'\n' || self.s[self.i] == b'\r' {
                                    self.newline();
                                } else {
                                    self.i += 1;
                                }
                            }
                        }
                        b'u' => {
                            if self.peek(1) != b'{' {
                                let bad = self.i + 1;
                                return self.esc_err("missing '{'", q, &out, esc, bad);
                            }
                            self.i += 2;
                            let mut v: u64 = 0;
                            let mut any = false;
                            while let Some(d) = (self.peek(0) as char).to_digit(16) {
                                v = v * 16 + u64::from(d);
                                if v > 0x7FFF_FFFF {
                                    let bad = self.i;
                                    return self.esc_err(
                                        "UTF-8 value too large",
                                        q,
                                        &out,
                                        esc,
                                        bad,
                                    );
                                }
                                any = true;
                                self.i += 1;
                            }
                            if !any {
                                let bad = self.i;
                                return self.esc_err(
                                    "hexadecimal digit expected",
                                    q,
                                    &out,
                                    esc,
                                    bad,
                                );
                            }
                            if self.peek(0) != b'}' {
                                let bad = self.i;
                                return self.esc_err("missing '}'", q, &out, esc, bad);
                            }
                            self.i += 1;
                            out.extend(utf8_encode(v as u32));
                        }
                        d if d.is_ascii_digit() => {
                            let mut v: u32 = 0;
                            let mut k = 0;
                            while k < 3 && self.peek(0).is_ascii_digit() {
                                v = v * 10 + u32::from(self.peek(0) - b'0');
                                self.i += 1;
                                k += 1;
                            }
                            if v > 255 {
                                let bad = self.i;
                                return self.esc_err("decimal escape too large", q, &out, esc, bad);
                            }
                            out.push(v as u8);
                        }
                        _ => {
                            let bad = self.i;
                            return self.esc_err("invalid escape sequence", q, &out, esc, bad);
                        }
                    }
                }
                _ => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
    }
}

pub fn utf8_encode(cp: u32) -> Vec<u8> {
    let mut out = Vec::new();
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.push(0xC0 | (cp >> 6) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x10000 {
        out.push(0xE0 | (cp >> 12) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x200000 {
        out.push(0xF0 | (cp >> 18) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x4000000 {
        out.push(0xF8 | (cp >> 24) as u8);
        out.push(0x80 | ((cp >> 18) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else {
        out.push(0xFC | (cp >> 30) as u8);
        out.push(0x80 | ((cp >> 24) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 18) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    }
    out
}

/// A numeral as Lua reads it: decimal or hex integers (hex wraps around,
/// decimal overflow becomes a float), decimal or hex floats.
pub fn parse_number(t: &str) -> Option<Tok> {
    let lower = t.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        if !h.contains(['.', 'p']) {
            if h.is_empty() || !h.bytes().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            let mut v: u64 = 0;
            for c in h.bytes() {
                v = v
                    .wrapping_mul(16)
                    .wrapping_add(u64::from((c as char).to_digit(16)?));
            }
            return Some(Tok::Int(v as i64));
        }
        return hex_float(h).map(Tok::Float);
    }
    if lower.bytes().all(|c| c.is_ascii_digit()) {
        return Some(match lower.parse::<i64>() {
            Ok(i) => Tok::Int(i),
            Err(_) => Tok::Float(lower.parse::<f64>().ok()?),
        });
    }
    if !lower
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-'))
    {
        return None;
    }
    lower.parse::<f64>().ok().map(Tok::Float)
}

fn hex_float(s: &str) -> Option<f64> {
    let (mant, exp) = match s.split_once('p') {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (s, 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    if ip.is_empty() && fp.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in ip.chars() {
        v = v * 16.0 + f64::from(c.to_digit(16)?);
    }
    let mut scale = 1.0 / 16.0;
    for c in fp.chars() {
        v += f64::from(c.to_digit(16)?) * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}
