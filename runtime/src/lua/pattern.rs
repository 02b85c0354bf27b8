//! Lua patterns (`string.find`, `match`, `gmatch`, `gsub`): the same
//! backtracking matcher as Lua 5.4's `lstrlib.c`, over byte strings.

pub const MAXCAPTURES: usize = 32;
const MAXCCALLS: usize = 200;
const CAP_UNFINISHED: isize = -1;
pub const CAP_POSITION: isize = -2;
const L_ESC: u8 = b'%';

pub struct MatchState<'a> {
    pub src: &'a [u8],
    pub pat: &'a [u8],
    pub level: usize,
    pub capture: [(usize, isize); MAXCAPTURES],
    depth: usize,
}

pub type MResult<T> = Result<T, String>;

impl<'a> MatchState<'a> {
    pub fn new(src: &'a [u8], pat: &'a [u8]) -> MatchState<'a> {
        MatchState {
            src,
            pat,
            level: 0,
            capture: [(0, 0); MAXCAPTURES],
            depth: 0,
        }
    }

    pub fn reset(&mut self) {
        self.level = 0;
        self.depth = 0;
    }

    fn check_capture(&self, l: u8) -> MResult<usize> {
        let shown = i32::from(l) - i32::from(b'0');
        let l = l.wrapping_sub(b'1') as usize;
        if l >= self.level || self.capture[l].1 == CAP_UNFINISHED {
            return Err(format!("invalid capture index %{shown}"));
        }
        Ok(l)
    }

    fn capture_to_close(&self) -> MResult<usize> {
        let mut level = self.level;
        while level > 0 {
            level -= 1;
            if self.capture[level].1 == CAP_UNFINISHED {
                return Ok(level);
            }
        }
        Err("invalid pattern capture".into())
    }

    fn class_end(&self, mut p: usize) -> MResult<usize> {
        let c = self.pat[p];
        p += 1;
        if c == L_ESC {
            if p >= self.pat.len() {
                return Err("malformed pattern (ends with '%')".into());
            }
            return Ok(p + 1);
        }
        Ok(p)
    }

    fn match_class_end(&self, p: usize) -> MResult<usize> {
        // Lua's class_end for '[': the first ']' right after '[' or '[^' is literal.
        let c = self.pat[p];
        if c != b'[' {
            return self.class_end(p);
        }
        // (class_end handles everything but brackets)
        let mut q = p + 1;
        if q < self.pat.len() && self.pat[q] == b'^' {
            q += 1;
        }
        // do { ... } while (*p != ']')
        loop {
            if q >= self.pat.len() {
                return Err("malformed pattern (missing ']')".into());
            }
            let cc = self.pat[q];
            q += 1;
            if cc == L_ESC {
                if q >= self.pat.len() {
                    return Err("malformed pattern (missing ']')".into());
                }
                q += 1;
            }
            if q >= self.pat.len() {
                return Err("malformed pattern (missing ']')".into());
            }
            if self.pat[q] == b']' {
                return Ok(q + 1);
            }
        }
    }

    fn single_match(&self, s: usize, p: usize, ep: usize) -> bool {
        if s >= self.src.len() {
            return false;
        }
        let c = self.src[s];
        match self.pat[p] {
            b'.' => true,
            L_ESC => match_class(c, self.pat[p + 1]),
            b'[' => match_bracket_class(c, self.pat, p, ep - 1),
            pc => pc == c,
        }
    }

    fn do_match(&mut self, mut s: usize, mut p: usize) -> MResult<Option<usize>> {
        self.depth += 1;
        if self.depth > MAXCCALLS {
            return Err("pattern too complex".into());
        }
        let r = loop {
            if p >= self.pat.len() {
                break Some(s);
            }
            match self.pat[p] {
                b'(' => {
                    break if p + 1 < self.pat.len() && self.pat[p + 1] == b')' {
                        self.start_capture(s, p + 2, CAP_POSITION)?
                    } else {
                        self.start_capture(s, p + 1, CAP_UNFINISHED)?
                    };
                }
                b')' => break self.end_capture(s, p + 1)?,
                b'$' if p + 1 == self.pat.len() => {
                    break if s == self.src.len() { Some(s) } else { None };
                }
                L_ESC if p + 1 < self.pat.len() && self.pat[p + 1] == b'b' => {
                    match self.match_balance(s, p + 2)? {
                        Some(ns) => {
                            s = ns;
                            p += 4;
                            continue;
                        }
                        None => break None,
                    }
                }
                L_ESC if p + 1 < self.pat.len() && self.pat[p + 1] == b'f' => {
                    p += 2;
                    if p >= self.pat.len() || self.pat[p] != b'[' {
                        return Err("missing '[' after '%f' in pattern".into());
                    }
                    let ep = self.match_class_end(p)?;
                    let prev = if s == 0 { 0 } else { self.src[s - 1] };
                    let cur = if s < self.src.len() { self.src[s] } else { 0 };
                    if !match_bracket_class(prev, self.pat, p, ep - 1)
                        && match_bracket_class(cur, self.pat, p, ep - 1)
                    {
                        p = ep;
                        continue;
                    }
                    break None;
                }
                L_ESC if p + 1 < self.pat.len() && self.pat[p + 1].is_ascii_digit() => {
                    match self.match_capture(s, self.pat[p + 1])? {
                        Some(ns) => {
                            s = ns;
                            p += 2;
                            continue;
                        }
                        None => break None,
                    }
                }
                _ => {
                    let ep = self.match_class_end(p)?;
                    let epc = self.pat.get(ep).copied();
                    if !self.single_match(s, p, ep) {
                        if matches!(epc, Some(b'*' | b'?' | b'-')) {
                            p = ep + 1;
                            continue;
                        }
                        break None;
                    }
                    match epc {
                        Some(b'?') => {
                            if let Some(r) = self.do_match(s + 1, ep + 1)? {
                                break Some(r);
                            }
                            p = ep + 1;
                            continue;
                        }
                        Some(b'+') => break self.max_expand(s + 1, p, ep)?,
                        Some(b'*') => break self.max_expand(s, p, ep)?,
                        Some(b'-') => break self.min_expand(s, p, ep)?,
                        _ => {
                            s += 1;
                            p = ep;
                            continue;
                        }
                    }
                }
            }
        };
        self.depth -= 1;
        Ok(r)
    }

    fn max_expand(&mut self, s: usize, p: usize, ep: usize) -> MResult<Option<usize>> {
        let mut i = 0usize;
        while self.single_match(s + i, p, ep) {
            i += 1;
        }
        loop {
            if let Some(r) = self.do_match(s + i, ep + 1)? {
                return Ok(Some(r));
            }
            if i == 0 {
                return Ok(None);
            }
            i -= 1;
        }
    }

    fn min_expand(&mut self, mut s: usize, p: usize, ep: usize) -> MResult<Option<usize>> {
        loop {
            if let Some(r) = self.do_match(s, ep + 1)? {
                return Ok(Some(r));
            }
            if self.single_match(s, p, ep) {
                s += 1;
            } else {
                return Ok(None);
            }
        }
    }

    fn start_capture(&mut self, s: usize, p: usize, what: isize) -> MResult<Option<usize>> {
        if self.level >= MAXCAPTURES {
            return Err("too many captures".into());
        }
        self.capture[self.level] = (s, what);
        self.level += 1;
        let r = self.do_match(s, p)?;
        if r.is_none() {
            self.level -= 1;
        }
        Ok(r)
    }

    fn end_capture(&mut self, s: usize, p: usize) -> MResult<Option<usize>> {
        let l = self.capture_to_close()?;
        self.capture[l].1 = (s - self.capture[l].0) as isize;
        let r = self.do_match(s, p)?;
        if r.is_none() {
            self.capture[l].1 = CAP_UNFINISHED;
        }
        Ok(r)
    }

    fn match_balance(&self, s: usize, p: usize) -> MResult<Option<usize>> {
        if p + 1 >= self.pat.len() {
            return Err("malformed pattern (missing arguments to '%b')".into());
        }
        if s >= self.src.len() || self.src[s] != self.pat[p] {
            return Ok(None);
        }
        let (b, e) = (self.pat[p], self.pat[p + 1]);
        let mut cont = 1;
        let mut i = s + 1;
        while i < self.src.len() {
            let c = self.src[i];
            if c == e {
                cont -= 1;
                if cont == 0 {
                    return Ok(Some(i + 1));
                }
            } else if c == b {
                cont += 1;
            }
            i += 1;
        }
        Ok(None)
    }

    fn match_capture(&self, s: usize, l: u8) -> MResult<Option<usize>> {
        let l = self.check_capture(l)?;
        let (start, len) = self.capture[l];
        let len = len as usize;
        if self.src.len() - s >= len && self.src[start..start + len] == self.src[s..s + len] {
            Ok(Some(s + len))
        } else {
            Ok(None)
        }
    }

    /// Run the pattern anchored at `s` (the pattern without a leading `^`).
    pub fn run(&mut self, s: usize, p: usize) -> MResult<Option<usize>> {
        self.reset();
        self.do_match(s, p)
    }
}

pub enum Cap<'a> {
    Str(&'a [u8]),
    Pos(usize),
}

/// Capture `i` (or the whole match when there are no captures and i == 0).
pub fn get_capture<'a>(ms: &MatchState<'a>, i: usize, s: usize, e: usize) -> MResult<Cap<'a>> {
    if i >= ms.level {
        if i == 0 {
            return Ok(Cap::Str(&ms.src[s..e]));
        }
        return Err(format!("invalid capture index %{}", i + 1));
    }
    let (start, l) = ms.capture[i];
    if l == CAP_UNFINISHED {
        return Err("unfinished capture".into());
    }
    if l == CAP_POSITION {
        return Ok(Cap::Pos(start + 1));
    }
    Ok(Cap::Str(&ms.src[start..start + l as usize]))
}

fn match_class(c: u8, cl: u8) -> bool {
    let res = match cl.to_ascii_lowercase() {
        b'a' => c.is_ascii_alphabetic(),
        b'c' => c.is_ascii_control(),
        b'd' => c.is_ascii_digit(),
        b'g' => c.is_ascii_graphic(),
        b'l' => c.is_ascii_lowercase(),
        b'p' => c.is_ascii_punctuation(),
        b's' => matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
        b'u' => c.is_ascii_uppercase(),
        b'w' => c.is_ascii_alphanumeric(),
        b'x' => c.is_ascii_hexdigit(),
        // Deprecated in 5.2 but still in lstrlib: the zero byte.
        b'z' => c == 0,
        _ => return cl == c,
    };
    if cl.is_ascii_uppercase() {
        !res
    } else {
        res
    }
}

/// `[...]` class from `p` (at '[') to `ec` (at the closing ']').
fn match_bracket_class(c: u8, pat: &[u8], p: usize, ec: usize) -> bool {
    let mut sig = true;
    let mut p = p + 1;
    if pat.get(p) == Some(&b'^') {
        sig = false;
        p += 1;
    }
    while p < ec {
        if pat[p] == L_ESC {
            p += 1;
            if p < pat.len() && match_class(c, pat[p]) {
                return sig;
            }
            p += 1;
        } else if p + 2 < ec && pat[p + 1] == b'-' {
            if pat[p] <= c && c <= pat[p + 2] {
                return sig;
            }
            p += 3;
        } else {
            if pat[p] == c {
                return sig;
            }
            p += 1;
        }
    }
    !sig
}

/// Whether a pattern has no special characters (plain find).
pub fn no_specials(p: &[u8]) -> bool {
    !p.iter().any(|c| b"^$*+?.([%-".contains(c))
}

pub fn find_plain(s: &[u8], p: &[u8], init: usize) -> Option<usize> {
    if p.is_empty() {
        return Some(init);
    }
    if p.len() > s.len() {
        return None;
    }
    (init..=s.len() - p.len()).find(|&i| &s[i..i + p.len()] == p)
}
