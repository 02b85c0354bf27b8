//! The LFE reader: text → S-expressions with byte spans.
//!
//! It follows `lfe_scan`/`lfe_parse` (LFE's own reader) for what it accepts:
//! lists `( )` and `[ ]` with `.` tails, `#( )` tuples, `#b( )` binaries,
//! `#m( )` maps, `"..."` strings and `#"..."` binary strings with LFE's
//! escapes, quote/backquote/unquote/unquote-splicing, `#\a` characters,
//! based integers (`#x1F #b101 #o17 #d10 #*101 #36rZZ`), floats, `|quoted|`
//! symbols, `;` and `#| |#` comments, `#;` datum comments and `#'f/1`
//! function references. Recursion is capped at [`MAX_DEPTH`] levels.

use eubeam_ir::Diagnostic;

use crate::sexpr::{Sexpr, Span, S};

/// Nesting deeper than this is a diagnostic, not a stack overflow.
pub const MAX_DEPTH: u32 = 2_000;

pub struct Reader<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    file: &'a str,
    depth: u32,
    /// Set when the text ended inside a list, string or comment: the shell
    /// then asks for more input instead of reporting an error.
    pub incomplete: bool,
}

type R<T> = Result<T, Diagnostic>;

/// Reads every datum of `src`.
pub fn read_all(src: &str, file: &str) -> Result<Vec<Sexpr>, (Vec<Diagnostic>, bool)> {
    let mut r = Reader::new(src, file);
    let mut out = Vec::new();
    loop {
        match r.skip_ws() {
            Ok(()) => {}
            Err(d) => return Err((vec![d], r.incomplete)),
        }
        if r.pos >= r.bytes.len() {
            return Ok(out);
        }
        match r.datum() {
            Ok(Some(x)) => out.push(x),
            Ok(None) => {}
            Err(d) => return Err((vec![d], r.incomplete)),
        }
    }
}

fn is_delim(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | '"' | ';')
}

impl<'a> Reader<'a> {
    pub fn new(src: &'a str, file: &'a str) -> Reader<'a> {
        Reader {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            file,
            depth: 0,
            incomplete: false,
        }
    }

    fn err(&self, span: Span, msg: impl Into<String>) -> Diagnostic {
        let msg = msg.into();
        Diagnostic::error(self.file, span.clone(), msg.clone()).with_label(span, msg)
    }

    fn eof(&mut self, start: usize, what: &str) -> Diagnostic {
        self.incomplete = true;
        self.err(start..self.src.len(), format!("end of input inside {what}"))
    }

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

    /// Skips whitespace and comments (`;`, `#| |#`, `#;datum`).
    fn skip_ws(&mut self) -> R<()> {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some(';') => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                Some('#') if self.peek_at(1) == Some('|') => {
                    let start = self.pos;
                    match self.src[self.pos + 2..].find("|#") {
                        Some(i) => self.pos += 2 + i + 2,
                        None => return Err(self.eof(start, "a block comment")),
                    }
                }
                Some('#') if self.peek_at(1) == Some(';') => {
                    self.pos += 2;
                    self.skip_ws()?;
                    let start = self.pos;
                    if self.datum()?.is_none() {
                        return Err(self.err(start..self.pos, "nothing to comment out after #;"));
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// One datum; `None` only for a stray closing bracket (an error is
    /// returned instead) — kept as an Option for the list reader.
    fn datum(&mut self) -> R<Option<Sexpr>> {
        self.skip_ws()?;
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.eof(start, "an expression"));
        };
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(self.err(
                start..start + 1,
                format!("expression nested too deeply (more than {MAX_DEPTH} levels)"),
            ));
        }
        let r = self.datum_at(c, start);
        self.depth -= 1;
        r.map(Some)
    }

    fn datum_at(&mut self, c: char, start: usize) -> R<Sexpr> {
        match c {
            '(' | '[' => {
                self.bump();
                self.list_rest(start, if c == '(' { ')' } else { ']' })
            }
            ')' | ']' | '}' => {
                self.bump();
                Err(self.err(start..self.pos, format!("unexpected '{c}'")))
            }
            '{' => {
                self.bump();
                Err(self.err(start..self.pos, "'{' is not LFE syntax"))
            }
            '\'' | '`' | ',' => {
                self.bump();
                let name = match c {
                    '\'' => "quote",
                    '`' => "backquote",
                    _ if self.peek() == Some('@') => {
                        self.bump();
                        "comma-at"
                    }
                    _ => "comma",
                };
                let inner = self.required(start, name)?;
                let span = start..inner.span.end;
                Ok(Sexpr::list(
                    vec![Sexpr::sym(name, start..start + 1), inner],
                    span,
                ))
            }
            '"' => {
                self.bump();
                let s = self.string_or_tq(start)?;
                Ok(Sexpr::new(S::Str(s), start..self.pos))
            }
            '|' => {
                self.bump();
                let s = self.string_body(start, '|')?;
                Ok(Sexpr::new(S::Sym(s), start..self.pos))
            }
            '#' => self.hash(start),
            _ => self.token(start),
        }
    }

    fn required(&mut self, start: usize, what: &str) -> R<Sexpr> {
        self.skip_ws()?;
        if self.pos >= self.bytes.len() {
            return Err(self.eof(start, what));
        }
        if matches!(self.peek(), Some(')' | ']')) {
            return Err(self.err(start..self.pos, format!("{what} needs an expression")));
        }
        match self.datum()? {
            Some(x) => Ok(x),
            None => Err(self.err(start..self.pos, format!("{what} needs an expression"))),
        }
    }

    /// After an opening bracket: elements up to `close`, with an optional
    /// `. tail`.
    fn list_rest(&mut self, start: usize, close: char) -> R<Sexpr> {
        let mut items = Vec::new();
        let mut tail = None;
        loop {
            self.skip_ws()?;
            match self.peek() {
                None => return Err(self.eof(start, "a list")),
                Some(c) if c == close => {
                    self.bump();
                    break;
                }
                Some(c @ (')' | ']')) => {
                    self.bump();
                    return Err(self
                        .err(
                            self.pos - 1..self.pos,
                            format!("'{c}' does not close the list opened here"),
                        )
                        .with_label(start..start + 1, "opened here"));
                }
                Some('.') if self.peek_at(1).is_none_or(is_delim) => {
                    let dot = self.pos;
                    self.bump();
                    if items.is_empty() {
                        return Err(self.err(dot..dot + 1, "'.' needs elements before it"));
                    }
                    tail = Some(Box::new(self.required(dot, "an improper list tail")?));
                    self.skip_ws()?;
                    match self.peek() {
                        Some(c) if c == close => {
                            self.bump();
                            break;
                        }
                        None => return Err(self.eof(start, "a list")),
                        _ => {
                            return Err(self.err(
                                self.pos..self.pos + 1,
                                "only one expression may follow '.' in a list",
                            ))
                        }
                    }
                }
                Some(_) => {
                    if let Some(x) = self.datum()? {
                        items.push(x);
                    }
                }
            }
        }
        Ok(Sexpr::new(S::List(items, tail), start..self.pos))
    }

    /// Elements of `#(...)`, `#b(...)`, `#m(...)` after the opening bracket.
    fn seq_rest(&mut self, start: usize) -> R<Vec<Sexpr>> {
        let l = self.list_rest(start, ')')?;
        match l.kind {
            S::List(items, None) => Ok(items),
            _ => Err(self.err(start..self.pos, "'.' is not allowed here")),
        }
    }

    /// A string after its opening `"`: `""` followed by a third `"` starts
    /// a triple-quoted string, anything else is an ordinary one (so `""`
    /// is the empty string).
    fn string_or_tq(&mut self, start: usize) -> R<String> {
        if self.peek() == Some('"') && self.peek_at(1) == Some('"') {
            self.pos += 2;
            return self.tq_string_body(start);
        }
        self.string_body(start, '"')
    }

    /// A triple-quoted string (LFE 2.1, `lfe_scan:scan_tq_string`) after its
    /// opening `"""`: only spaces may follow on that line; the content is
    /// the following lines, read raw (no escapes), up to a line holding
    /// only spaces and then `"""`. Those spaces are the indentation prefix
    /// every content line must start with; it is removed, and the lines are
    /// joined with newlines (no trailing newline). A `"""` after other text
    /// on a line is content. One difference from LFE 2.1's scanner: `""`
    /// followed by another character inside the content keeps both quotes
    /// (LFE's drops one, which reads as a scanner slip).
    fn tq_string_body(&mut self, start: usize) -> R<String> {
        const WHAT: &str = "a triple-quoted string";
        while self.peek() == Some(' ') {
            self.bump();
        }
        match self.peek() {
            None => return Err(self.eof(start, WHAT)),
            Some('\n') => {
                self.bump();
            }
            Some(_) => {
                let at = self.pos;
                return Err(self.err(
                    at..at + 1,
                    "bad format of triple-quoted string: only spaces may follow the opening \"\"\"",
                ));
            }
        }
        let mut lines: Vec<&str> = Vec::new();
        let mut line_start = self.pos;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.eof(start, WHAT));
            };
            if c == '\n' {
                lines.push(&self.src[line_start..self.pos]);
                self.bump();
                line_start = self.pos;
                continue;
            }
            let before = &self.src[line_start..self.pos];
            if self.src[self.pos..].starts_with("\"\"\"") && before.bytes().all(|b| b == b' ') {
                self.pos += 3;
                let mut out = String::new();
                for (i, l) in lines.iter().enumerate() {
                    let Some(rest) = l.strip_prefix(before) else {
                        return Err(self.err(
                            start..self.pos,
                            format!(
                                "bad format of triple-quoted string: content line {} is not indented by the {} space(s) before the closing \"\"\"",
                                i + 1,
                                before.len()
                            ),
                        ));
                    };
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str(rest);
                }
                return Ok(out);
            }
            self.bump();
        }
    }

    /// The body of a `"` string or `|` symbol after the opening quote.
    fn string_body(&mut self, start: usize, q: char) -> R<String> {
        let what = if q == '"' {
            "a string"
        } else {
            "a quoted symbol"
        };
        let mut out = String::new();
        loop {
            let Some(c) = self.bump() else {
                return Err(self.eof(start, what));
            };
            if c == q {
                return Ok(out);
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            let esc_start = self.pos - 1;
            let Some(e) = self.bump() else {
                return Err(self.eof(start, what));
            };
            let ch = match e {
                'b' => '\u{8}',
                't' => '\t',
                'n' => '\n',
                'v' => '\u{b}',
                'f' => '\u{c}',
                'r' => '\r',
                'e' => '\u{1b}',
                's' => ' ',
                'd' => '\u{7f}',
                'x' => {
                    let hs = self.pos;
                    while self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                        self.bump();
                    }
                    let hex = &self.src[hs..self.pos];
                    if self.peek() == Some(';') {
                        self.bump();
                    }
                    match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                        Some(c) => c,
                        None => {
                            return Err(self.err(esc_start..self.pos, "bad \\x escape"));
                        }
                    }
                }
                other => other,
            };
            out.push(ch);
        }
    }

    /// `#...` syntax.
    fn hash(&mut self, start: usize) -> R<Sexpr> {
        self.bump();
        let Some(c) = self.peek() else {
            return Err(self.eof(start, "a # form"));
        };
        match c {
            '(' => {
                self.bump();
                let items = self.seq_rest(start)?;
                Ok(Sexpr::new(S::Tuple(items), start..self.pos))
            }
            'b' | 'B' if self.peek_at(1) == Some('(') => {
                self.pos += 2;
                let items = self.seq_rest(start)?;
                Ok(Sexpr::new(S::BinLit(items), start..self.pos))
            }
            'm' | 'M' if self.peek_at(1) == Some('(') => {
                self.pos += 2;
                let items = self.seq_rest(start)?;
                if items.len() % 2 != 0 {
                    return Err(self.err(start..self.pos, "a map needs an even number of elements"));
                }
                Ok(Sexpr::new(S::Map(items), start..self.pos))
            }
            '"' => {
                self.bump();
                let s = self.string_or_tq(start)?;
                Ok(Sexpr::new(S::Bin(s.into_bytes()), start..self.pos))
            }
            '\\' => {
                self.bump();
                self.char_lit(start)
            }
            '\'' => {
                self.bump();
                self.fun_ref(start)
            }
            '.' => Err(self.err(
                start..self.pos + 1,
                "not supported yet: #. (read-time evaluation)",
            )),
            's' | 'S' if self.peek_at(1) == Some('(') => Err(self.err(
                start..self.pos + 1,
                "not supported yet: #S(...) struct literals",
            )),
            _ => self.based_int(start),
        }
    }

    fn char_lit(&mut self, start: usize) -> R<Sexpr> {
        let Some(c) = self.bump() else {
            return Err(self.eof(start, "a character"));
        };
        // `#\x1f42d;` is a character in hex; `#\x` alone is the letter x.
        if c == 'x' && self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
            let hs = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                self.bump();
            }
            let hex = &self.src[hs..self.pos];
            if self.peek() == Some(';') {
                self.bump();
                return match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) => Ok(Sexpr::new(
                        S::Int(i64::from(u32::from(ch))),
                        start..self.pos,
                    )),
                    None => Err(self.err(start..self.pos, "bad character code")),
                };
            }
            self.pos = hs;
        }
        Ok(Sexpr::new(S::Int(i64::from(u32::from(c))), start..self.pos))
    }

    /// `#'f/1` or `#'m:f/1` → `(function f 1)` / `(function m f 1)`.
    fn fun_ref(&mut self, start: usize) -> R<Sexpr> {
        let ts = self.pos;
        while self.peek().is_some_and(|c| !is_delim(c)) {
            self.bump();
        }
        let text = &self.src[ts..self.pos];
        let span = start..self.pos;
        let bad = || format!("bad function reference #'{text}");
        let (name, arity) = text
            .rsplit_once('/')
            .ok_or_else(|| self.err(span.clone(), bad()))?;
        let arity: i64 = arity.parse().map_err(|_| self.err(span.clone(), bad()))?;
        let mut items = vec![Sexpr::sym("function", span.clone())];
        match name.split_once(':') {
            Some((m, f)) if !m.is_empty() && !f.is_empty() => {
                items.push(Sexpr::sym(m, span.clone()));
                items.push(Sexpr::sym(f, span.clone()));
            }
            _ => items.push(Sexpr::sym(name, span.clone())),
        }
        items.push(Sexpr::new(S::Int(arity), span.clone()));
        Ok(Sexpr::list(items, span))
    }

    /// `#x1F`, `#b101`, `#o17`, `#d10`, `#*101`, `#36rZZ`.
    fn based_int(&mut self, start: usize) -> R<Sexpr> {
        let ts = self.pos;
        while self.peek().is_some_and(|c| !is_delim(c)) {
            self.bump();
        }
        let text = &self.src[ts..self.pos];
        let span = start..self.pos;
        let (radix, digits) = match text.chars().next() {
            Some('x' | 'X') => (16, &text[1..]),
            Some('b' | 'B' | '*') => (2, &text[1..]),
            Some('o' | 'O') => (8, &text[1..]),
            Some('d' | 'D') => (10, &text[1..]),
            Some(c) if c.is_ascii_digit() => match text.find(['r', 'R']) {
                Some(i) => match text[..i].parse::<u32>() {
                    Ok(r) if (2..=36).contains(&r) => (r, &text[i + 1..]),
                    _ => return Err(self.err(span, format!("bad number base in #{text}"))),
                },
                None => return Err(self.err(span, format!("bad # syntax: #{text}"))),
            },
            _ => return Err(self.err(span, format!("bad # syntax: #{text}"))),
        };
        let (neg, digits) = match digits.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, digits.strip_prefix('+').unwrap_or(digits)),
        };
        match num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix) {
            Some(n) if !digits.is_empty() => {
                let n = if neg { -n } else { n };
                Ok(Sexpr::new(int_kind(&n.to_string()), span))
            }
            _ => Err(self.err(span, format!("bad digits for base {radix} in #{text}"))),
        }
    }

    /// A symbol or a number.
    fn token(&mut self, start: usize) -> R<Sexpr> {
        while self.peek().is_some_and(|c| !is_delim(c)) {
            self.bump();
        }
        let text = &self.src[start..self.pos];
        let span = start..self.pos;
        if text == "." {
            return Err(self.err(span, "unexpected '.'"));
        }
        Ok(Sexpr::new(classify(text), span))
    }
}

fn int_kind(decimal: &str) -> S {
    match decimal.parse::<i64>() {
        Ok(i) => S::Int(i),
        Err(_) => S::BigInt(decimal.to_string()),
    }
}

/// Integers, floats, else a symbol (LFE reads `123foo` as a symbol).
fn classify(text: &str) -> S {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        let t = text.strip_prefix('+').unwrap_or(text);
        return match num_bigint::BigInt::parse_bytes(t.as_bytes(), 10) {
            Some(n) => int_kind(&n.to_string()),
            None => S::Sym(text.to_string()),
        };
    }
    if is_float(body) {
        if let Ok(f) = text.parse::<f64>() {
            if f.is_finite() {
                return S::Float(f);
            }
        }
    }
    S::Sym(text.to_string())
}

/// `D+.D+([eE][+-]?D+)?` as LFE requires (no `1.` or `.5`).
fn is_float(s: &str) -> bool {
    let Some((int, rest)) = s.split_once('.') else {
        return false;
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) {
        return false;
    }
    match rest.split_once(['e', 'E']) {
        None => digits(rest),
        Some((frac, exp)) => digits(frac) && digits(exp.strip_prefix(['+', '-']).unwrap_or(exp)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Sexpr {
        match read_all(s, "t") {
            Ok(mut v) if v.len() == 1 => v.remove(0),
            other => panic!("{s}: {other:?}"),
        }
    }

    fn show(s: &str) -> String {
        one(s).to_string()
    }

    #[test]
    fn reads_the_syntax() {
        assert_eq!(show("(a b . c)"), "(a b . c)");
        assert_eq!(show("[1 2]"), "(1 2)");
        assert_eq!(show("#(ok 1)"), "#(ok 1)");
        assert_eq!(show("'x"), "(quote x)");
        assert_eq!(
            show("`(a ,b ,@c)"),
            "(backquote (a (comma b) (comma-at c)))"
        );
        assert_eq!(show("#\\a"), "97");
        assert_eq!(show("#\\x41;"), "65");
        assert_eq!(show("#x1F"), "31");
        assert_eq!(show("#b101"), "5");
        assert_eq!(show("#o17"), "15");
        assert_eq!(show("#36rZZ"), "1295");
        assert_eq!(show("#b-1100"), "-12");
        assert_eq!(show("1.5e3"), "1500.0");
        assert_eq!(show("123foo"), "123foo");
        assert_eq!(show("|a b|"), "a b");
        assert_eq!(show("#'foo/2"), "(function foo 2)");
        assert_eq!(show("#'lists:map/2"), "(function lists map 2)");
        assert_eq!(show("#m(a 1)"), "#M(a 1)");
        assert_eq!(show("#b(1 2)"), "#B(1 2)");
        assert_eq!(show("99999999999999999999"), "99999999999999999999");
        assert_eq!(one("\"a\\x62;\\n\"").kind, S::Str("ab\n".into()));
        assert_eq!(one("#\"hi\"").kind, S::Bin(b"hi".to_vec()));
        assert_eq!(show("; c\n#| block |# #;(skipped) x"), "x");
    }

    #[test]
    fn triple_quoted_strings() {
        let tq = |s: &str| one(s).kind;
        assert_eq!(
            tq("\"\"\"\n  ab\n   c\\n\n  \"\"\""),
            S::Str("ab\n c\\n".into())
        );
        assert_eq!(tq("\"\"\"  \n\"\"\""), S::Str(String::new()));
        assert_eq!(
            tq("\"\"\"\nx \"\"\" y\n\"\"\""),
            S::Str("x \"\"\" y".into())
        );
        assert_eq!(tq("#\"\"\"\n  hi\n  \"\"\""), S::Bin(b"hi".to_vec()));
        assert_eq!(tq("\"\""), S::Str(String::new()));
        assert!(matches!(read_all("\"\"\"\nabc\n", "t"), Err((_, true))));
        for bad in ["\"\"\"abc\n\"\"\"", "\"\"\"\nabc\n  \"\"\""] {
            match read_all(bad, "t") {
                Err((d, false)) => assert!(d[0].message.contains("triple-quoted"), "{bad}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn incomplete_and_errors() {
        assert!(matches!(read_all("(a (b", "t"), Err((_, true))));
        assert!(matches!(read_all("\"abc", "t"), Err((_, true))));
        assert!(matches!(read_all("(a))", "t"), Err((_, false))));
        // The frontend reads on a big-stack thread; so does this test.
        let deep = "(".repeat(5000);
        let r = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || read_all(&deep, "t"))
            .expect("thread")
            .join()
            .expect("no panic");
        match r {
            Err((d, _)) => assert!(d[0].message.contains("nested too deeply")),
            Ok(_) => panic!("accepted"),
        }
    }
}
