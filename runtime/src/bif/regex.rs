//! A small backtracking regular-expression engine for Elixir's `Regex`
//! (`~r//`), native because matching is hot and byte-oriented:
//! `'$elixir':regex_run(Source, Flags, Subject, Offset)` and
//! `'$elixir':regex_compile(Source, Flags)`.
//!
//! Supported (PCRE syntax as the fixtures use it): literals and escapes
//! (`\d \w \s \D \W \S \b \B \n \t \r \f \v \e \0 \xHH \x{H..}` and escaped
//! punctuation), `.`, classes `[a-z\d_]`/`[^...]` with POSIX `[:alpha:]`-style
//! names, anchors `^ $ \A \z \Z`, groups `( )`, `(?: )`, named
//! `(?<name> )`/`(?P<name> )`, look-ahead `(?= )`/`(?! )`, alternation, the
//! quantifiers `* + ? {n} {n,} {n,m}` with lazy `?` and possessive-free
//! semantics, back-references `\1`..`\9`. Flags: `i` caseless, `m`
//! multiline, `s` dotall, `u` (the subject is always read as UTF-8 code
//! points), `x` extended (whitespace and `#` comments ignored). Anything else
//! is a compile error naming the construct.

use super::{badarg, Ctx, NativeTable, Trap};
use crate::term::{Atom, Term};

#[derive(Clone, Debug)]
enum Item {
    Char(char),
    Range(char, char),
    /// `\d`, `\w`, `\s` (negated when the bool is set).
    Digit(bool),
    Word(bool),
    Space(bool),
    /// `\p{L}`-style Unicode property (negated for `\P{..}`).
    Prop(Prop, bool),
}

#[derive(Clone, Copy, Debug)]
enum Prop {
    Letter,
    Upper,
    Lower,
    Number,
    Punct,
    Space,
}

#[derive(Clone, Debug)]
enum Node {
    Char(char),
    Any,
    Class(Vec<Item>, bool),
    Start,
    End,
    /// `\A`, `\z`, `\Z`.
    StrStart,
    StrEnd,
    StrEndNl,
    WordB(bool),
    Group(Option<usize>, Vec<Vec<Node>>),
    Look(bool, Vec<Vec<Node>>),
    Repeat(Box<Node>, u32, u32, bool),
    Backref(usize),
}

#[derive(Clone, Copy, Default)]
struct Flags {
    caseless: bool,
    multiline: bool,
    dotall: bool,
    extended: bool,
}

pub struct Regex {
    alts: Vec<Vec<Node>>,
    groups: usize,
    pub names: Vec<(String, usize)>,
    flags: Flags,
}

struct Parser<'a> {
    p: Vec<char>,
    i: usize,
    groups: usize,
    names: Vec<(String, usize)>,
    flags: Flags,
    _src: &'a str,
}

const MAX: u32 = u32::MAX;

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn skip_extended(&mut self) {
        if !self.flags.extended {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn alts(&mut self) -> Result<Vec<Vec<Node>>, String> {
        let mut alts = vec![self.seq()?];
        while self.eat('|') {
            alts.push(self.seq()?);
        }
        Ok(alts)
    }

    fn seq(&mut self) -> Result<Vec<Node>, String> {
        let mut out = Vec::new();
        loop {
            self.skip_extended();
            match self.peek() {
                None | Some('|') | Some(')') => return Ok(out),
                _ => {}
            }
            let atom = self.atom()?;
            self.skip_extended();
            let node = self.quantifier(atom)?;
            out.push(node);
        }
    }

    fn quantifier(&mut self, atom: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some('*') => (0, MAX),
            Some('+') => (1, MAX),
            Some('?') => (0, 1),
            Some('{') => match self.counted() {
                Some(mm) => mm,
                None => return Ok(atom),
            },
            _ => return Ok(atom),
        };
        // Past the quantifier character (or the counter's closing brace).
        self.i += 1;
        if matches!(
            atom,
            Node::Start | Node::End | Node::StrStart | Node::StrEnd | Node::WordB(_)
        ) {
            return Err("nothing to repeat".into());
        }
        let lazy = self.eat('?');
        if self.eat('+') {
            return Err("not supported yet: possessive quantifiers".into());
        }
        Ok(Node::Repeat(Box::new(atom), min, max, !lazy))
    }

    /// `{n}`, `{n,}`, `{n,m}` (the position is left before the `}` so the
    /// caller's single-character step consumes it); `None` if not a counter
    /// (then `{` is a literal).
    fn counted(&mut self) -> Option<(u32, u32)> {
        let start = self.i;
        let mut j = self.i + 1;
        let num = |j: &mut usize, p: &[char]| {
            let s = *j;
            while p.get(*j).is_some_and(|c| c.is_ascii_digit()) {
                *j += 1;
            }
            p[s..*j].iter().collect::<String>().parse::<u32>().ok()
        };
        let min = num(&mut j, &self.p)?;
        let max = if self.p.get(j) == Some(&',') {
            j += 1;
            if self.p.get(j) == Some(&'}') {
                MAX
            } else {
                num(&mut j, &self.p)?
            }
        } else {
            min
        };
        if self.p.get(j) != Some(&'}') {
            self.i = start;
            return None;
        }
        self.i = j;
        Some((min, max))
    }

    fn atom(&mut self) -> Result<Node, String> {
        let Some(c) = self.peek() else {
            return Err("unexpected end of pattern".into());
        };
        self.i += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '[' => self.class()?,
            '(' => self.group()?,
            '\\' => self.escape(false)?.into_node(),
            '*' | '+' | '?' => return Err("nothing to repeat".into()),
            c => Node::Char(c),
        })
    }

    fn group(&mut self) -> Result<Node, String> {
        if self.eat('?') {
            if self.eat(':') {
                let alts = self.alts()?;
                self.close()?;
                return Ok(Node::Group(None, alts));
            }
            if self.eat('=') || self.peek() == Some('!') {
                let neg = self.eat('!');
                let alts = self.alts()?;
                self.close()?;
                return Ok(Node::Look(neg, alts));
            }
            if self.peek() == Some('<') || self.peek() == Some('P') {
                self.eat('P');
                if self.eat('<') {
                    let mut name = String::new();
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '>' {
                            break;
                        }
                        name.push(c);
                    }
                    self.groups += 1;
                    let idx = self.groups;
                    self.names.push((name, idx));
                    let alts = self.alts()?;
                    self.close()?;
                    return Ok(Node::Group(Some(idx), alts));
                }
            }
            return Err(
                "not supported yet: this (? group (lookbehind, inline options, atomic)".into(),
            );
        }
        self.groups += 1;
        let idx = self.groups;
        let alts = self.alts()?;
        self.close()?;
        Ok(Node::Group(Some(idx), alts))
    }

    fn close(&mut self) -> Result<(), String> {
        if self.eat(')') {
            Ok(())
        } else {
            Err("missing )".into())
        }
    }

    fn class(&mut self) -> Result<Node, String> {
        let neg = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err("missing terminating ] for character class".into());
            };
            self.i += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = match c {
                '[' if self.peek() == Some(':') => {
                    let rest: String = self.p[self.i..].iter().collect();
                    let Some(end) = rest.find(":]") else {
                        return Err("unknown POSIX class".into());
                    };
                    let name = &rest[1..end];
                    self.i += end + 2;
                    items.extend(posix(name)?);
                    continue;
                }
                '\\' => match self.escape(true)? {
                    Esc::Char(c) => c,
                    Esc::Item(it) => {
                        items.push(it);
                        continue;
                    }
                    Esc::Node(_) => return Err("this escape inside a class".into()),
                },
                c => c,
            };
            if self.peek() == Some('-') && self.p.get(self.i + 1).is_some_and(|&n| n != ']') {
                self.i += 1;
                let hi = match self.peek() {
                    Some('\\') => {
                        self.i += 1;
                        match self.escape(true)? {
                            Esc::Char(c) => c,
                            _ => return Err("invalid range in character class".into()),
                        }
                    }
                    Some(h) => {
                        self.i += 1;
                        h
                    }
                    None => return Err("missing terminating ] for character class".into()),
                };
                if hi < lo {
                    return Err("range out of order in character class".into());
                }
                items.push(Item::Range(lo, hi));
            } else {
                items.push(Item::Char(lo));
            }
        }
        Ok(Node::Class(items, neg))
    }

    fn escape(&mut self, in_class: bool) -> Result<Esc, String> {
        let Some(c) = self.peek() else {
            return Err("\\ at end of pattern".into());
        };
        self.i += 1;
        Ok(match c {
            'd' => Esc::Item(Item::Digit(false)),
            'D' => Esc::Item(Item::Digit(true)),
            'w' => Esc::Item(Item::Word(false)),
            'W' => Esc::Item(Item::Word(true)),
            's' => Esc::Item(Item::Space(false)),
            'S' => Esc::Item(Item::Space(true)),
            'n' => Esc::Char('\n'),
            't' => Esc::Char('\t'),
            'r' => Esc::Char('\r'),
            'f' => Esc::Char('\u{c}'),
            'v' => Esc::Char('\u{b}'),
            'e' => Esc::Char('\u{1b}'),
            '0' => Esc::Char('\0'),
            'x' => {
                let hex: String = if self.eat('{') {
                    let mut h = String::new();
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '}' {
                            break;
                        }
                        h.push(c);
                    }
                    h
                } else {
                    let h: String = self.p[self.i..].iter().take(2).collect();
                    self.i += h.len();
                    h
                };
                let v = u32::from_str_radix(&hex, 16).map_err(|_| "invalid \\x escape")?;
                Esc::Char(char::from_u32(v).ok_or("invalid \\x escape")?)
            }
            'b' if in_class => Esc::Char('\u{8}'),
            'b' => Esc::Node(Node::WordB(true)),
            'B' => Esc::Node(Node::WordB(false)),
            'A' => Esc::Node(Node::StrStart),
            'z' => Esc::Node(Node::StrEnd),
            'Z' => Esc::Node(Node::StrEndNl),
            '1'..='9' if !in_class => Esc::Node(Node::Backref(c as usize - '0' as usize)),
            'p' | 'P' => {
                let name: String = if self.eat('{') {
                    let mut n = String::new();
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '}' {
                            break;
                        }
                        n.push(c);
                    }
                    n
                } else {
                    let n: String = self.p[self.i..].iter().take(1).collect();
                    self.i += 1;
                    n
                };
                let prop = match name.as_str() {
                    "L" | "Latin" => Prop::Letter,
                    "Lu" => Prop::Upper,
                    "Ll" => Prop::Lower,
                    "N" | "Nd" => Prop::Number,
                    "P" => Prop::Punct,
                    "Z" | "Zs" => Prop::Space,
                    other => return Err(format!("not supported yet: the property \\p{{{other}}}")),
                };
                Esc::Item(Item::Prop(prop, c == 'P'))
            }
            c if c.is_ascii_alphanumeric() => {
                return Err(format!("not supported yet: the escape \\{c}"));
            }
            c => Esc::Char(c),
        })
    }
}

enum Esc {
    Char(char),
    Item(Item),
    Node(Node),
}

impl Esc {
    fn into_node(self) -> Node {
        match self {
            Esc::Char(c) => Node::Char(c),
            Esc::Item(it) => Node::Class(vec![it], false),
            Esc::Node(n) => n,
        }
    }
}

fn posix(name: &str) -> Result<Vec<Item>, String> {
    Ok(match name {
        "alpha" => vec![Item::Range('a', 'z'), Item::Range('A', 'Z')],
        "digit" => vec![Item::Digit(false)],
        "alnum" => vec![
            Item::Range('a', 'z'),
            Item::Range('A', 'Z'),
            Item::Range('0', '9'),
        ],
        "upper" => vec![Item::Range('A', 'Z')],
        "lower" => vec![Item::Range('a', 'z')],
        "space" => vec![Item::Space(false)],
        "word" => vec![Item::Word(false)],
        "xdigit" => vec![
            Item::Range('0', '9'),
            Item::Range('a', 'f'),
            Item::Range('A', 'F'),
        ],
        "punct" => "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
            .chars()
            .map(Item::Char)
            .collect(),
        other => return Err(format!("unknown POSIX class name [:{other}:]")),
    })
}

impl Regex {
    /// Err: the message and the character position where parsing stopped.
    pub fn compile(src: &str, flags: &str) -> Result<Regex, (String, usize)> {
        let mut f = Flags::default();
        for c in flags.chars() {
            match c {
                'i' => f.caseless = true,
                'm' => f.multiline = true,
                's' => f.dotall = true,
                'x' => f.extended = true,
                'u' | 'U' | 'f' => {}
                other => return Err((format!("unknown regex modifier {other}"), 0)),
            }
        }
        let mut p = Parser {
            p: src.chars().collect(),
            i: 0,
            groups: 0,
            names: Vec::new(),
            flags: f,
            _src: src,
        };
        let alts = match p.alts() {
            Ok(a) => a,
            Err(e) => return Err((e, p.i)),
        };
        if p.i < p.p.len() {
            return Err(("unmatched closing parenthesis".into(), p.i));
        }
        Ok(Regex {
            alts,
            groups: p.groups,
            names: p.names,
            flags: f,
        })
    }

    /// The first match at or after byte `from`: the spans of the whole match
    /// and each group (byte offsets), `None` for a group that did not take
    /// part.
    pub fn run(&self, s: &str, from: usize) -> Option<Vec<Option<(usize, usize)>>> {
        let m = Matcher { re: self, s };
        let mut start = from;
        loop {
            if start > s.len() {
                return None;
            }
            if s.is_char_boundary(start) {
                let mut caps = vec![None; self.groups + 1];
                let mut end = None;
                let top = Node::Group(None, self.alts.clone());
                if m.seq(std::slice::from_ref(&top), start, &mut caps, &mut |p, _| {
                    end = Some(p);
                    true
                }) {
                    caps[0] = end.map(|e| (start, e));
                    return Some(caps);
                }
            }
            start += 1;
        }
    }
}

struct Matcher<'a> {
    re: &'a Regex,
    s: &'a str,
}

type Caps = Vec<Option<(usize, usize)>>;

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Matcher<'_> {
    fn char_at(&self, pos: usize) -> Option<char> {
        self.s.get(pos..)?.chars().next()
    }
    fn char_before(&self, pos: usize) -> Option<char> {
        self.s.get(..pos)?.chars().next_back()
    }
    fn eq(&self, a: char, b: char) -> bool {
        a == b || (self.re.flags.caseless && a.to_lowercase().eq(b.to_lowercase()))
    }
    fn item(&self, it: &Item, c: char) -> bool {
        match it {
            Item::Char(x) => self.eq(*x, c),
            Item::Range(lo, hi) => {
                (*lo..=*hi).contains(&c)
                    || (self.re.flags.caseless
                        && (c.to_lowercase().any(|l| (*lo..=*hi).contains(&l))
                            || c.to_uppercase().any(|u| (*lo..=*hi).contains(&u))))
            }
            Item::Digit(neg) => c.is_ascii_digit() != *neg,
            Item::Word(neg) => (c.is_ascii_alphanumeric() || c == '_') != *neg,
            Item::Space(neg) => matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}') != *neg,
            Item::Prop(p, neg) => {
                let hit = match p {
                    Prop::Letter => c.is_alphabetic(),
                    Prop::Upper => c.is_uppercase(),
                    Prop::Lower => c.is_lowercase(),
                    Prop::Number => c.is_numeric(),
                    Prop::Punct => c.is_ascii_punctuation(),
                    Prop::Space => c.is_whitespace(),
                };
                hit != *neg
            }
        }
    }

    /// Matches one single-width node at `pos`: the position after it.
    fn one(&self, n: &Node, pos: usize, caps: &Caps) -> Option<usize> {
        let len = self.s.len();
        match n {
            Node::Char(c) => {
                let x = self.char_at(pos)?;
                self.eq(*c, x).then(|| pos + x.len_utf8())
            }
            Node::Any => {
                let x = self.char_at(pos)?;
                (self.re.flags.dotall || x != '\n').then(|| pos + x.len_utf8())
            }
            Node::Class(items, neg) => {
                let x = self.char_at(pos)?;
                (items.iter().any(|it| self.item(it, x)) != *neg).then(|| pos + x.len_utf8())
            }
            Node::Start => (pos == 0
                || (self.re.flags.multiline && self.char_before(pos) == Some('\n')))
            .then_some(pos),
            Node::End => (pos == len
                || (pos + 1 == len && self.char_at(pos) == Some('\n'))
                || (self.re.flags.multiline && self.char_at(pos) == Some('\n')))
            .then_some(pos),
            Node::StrStart => (pos == 0).then_some(pos),
            Node::StrEnd => (pos == len).then_some(pos),
            Node::StrEndNl => {
                (pos == len || (pos + 1 == len && self.char_at(pos) == Some('\n'))).then_some(pos)
            }
            Node::WordB(want) => {
                let a = self.char_before(pos).is_some_and(is_word);
                let b = self.char_at(pos).is_some_and(is_word);
                ((a != b) == *want).then_some(pos)
            }
            Node::Backref(i) => match caps.get(*i).copied().flatten() {
                Some((a, b)) => {
                    let sub = &self.s[a..b];
                    let here = self.s.get(pos..)?;
                    if self.re.flags.caseless {
                        let n = sub.chars().count();
                        let got: String = here.chars().take(n).collect();
                        (got.to_lowercase() == sub.to_lowercase()).then(|| pos + got.len())
                    } else {
                        here.starts_with(sub).then(|| pos + sub.len())
                    }
                }
                None => Some(pos),
            },
            Node::Group(..) | Node::Look(..) | Node::Repeat(..) => None,
        }
    }

    fn seq(
        &self,
        seq: &[Node],
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(usize, &mut Caps) -> bool,
    ) -> bool {
        let Some((first, rest)) = seq.split_first() else {
            return k(pos, caps);
        };
        match first {
            Node::Group(idx, alts) => {
                for alt in alts {
                    let hit = self.seq(alt, pos, caps, &mut |p, caps: &mut Caps| {
                        let old = idx.map(|i| caps[i]);
                        if let Some(i) = idx {
                            caps[*i] = Some((pos, p));
                        }
                        if self.seq(rest, p, caps, k) {
                            return true;
                        }
                        if let (Some(i), Some(o)) = (idx, old) {
                            caps[*i] = o;
                        }
                        false
                    });
                    if hit {
                        return true;
                    }
                }
                false
            }
            Node::Look(neg, alts) => {
                let mut found = false;
                for alt in alts {
                    let mut probe = caps.clone();
                    if self.seq(alt, pos, &mut probe, &mut |_, _| true) {
                        found = true;
                        if !*neg {
                            *caps = probe;
                        }
                        break;
                    }
                }
                if found != *neg {
                    self.seq(rest, pos, caps, k)
                } else {
                    false
                }
            }
            Node::Repeat(node, min, max, greedy) => {
                self.repeat(node, *min, *max, *greedy, 0, pos, rest, caps, k)
            }
            n => match self.one(n, pos, caps) {
                Some(p) => self.seq(rest, p, caps, k),
                None => false,
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn repeat(
        &self,
        node: &Node,
        min: u32,
        max: u32,
        greedy: bool,
        count: u32,
        pos: usize,
        rest: &[Node],
        caps: &mut Caps,
        k: &mut dyn FnMut(usize, &mut Caps) -> bool,
    ) -> bool {
        // A simple node repeated greedily: walk forward, then back off
        // (no recursion per iteration).
        if greedy && !matches!(node, Node::Group(..) | Node::Look(..) | Node::Repeat(..)) {
            let mut ends = vec![pos];
            let mut p = pos;
            let mut n = count;
            while n < max {
                match self.one(node, p, caps) {
                    Some(np) if np != p => {
                        p = np;
                        n += 1;
                        ends.push(p);
                    }
                    _ => break,
                }
            }
            for (i, &e) in ends.iter().enumerate().rev() {
                if count + i as u32 >= min && self.seq(rest, e, caps, k) {
                    return true;
                }
            }
            return false;
        }
        let more = |caps: &mut Caps, k: &mut dyn FnMut(usize, &mut Caps) -> bool| {
            count < max
                && self.seq(
                    std::slice::from_ref(node),
                    pos,
                    caps,
                    &mut |p, caps: &mut Caps| {
                        p != pos && self.repeat(node, min, max, greedy, count + 1, p, rest, caps, k)
                    },
                )
        };
        if greedy {
            if more(caps, k) {
                return true;
            }
            count >= min && self.seq(rest, pos, caps, k)
        } else {
            if count >= min && self.seq(rest, pos, caps, k) {
                return true;
            }
            more(caps, k)
        }
    }
}

fn text(t: Term) -> Option<String> {
    String::from_utf8(t.binary_bytes()?).ok()
}

/// `regex_compile(Source, Flags)` → `{ok, {GroupCount, Names}}` (the group
/// names in group order) or `{error, {Message, Position}}`.
fn compile2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(src), Some(flags)) = (text(a[0]), text(a[1])) else {
        return badarg();
    };
    match Regex::compile(&src, &flags) {
        Ok(re) => {
            let mut names = re.names.clone();
            names.sort_by_key(|(_, i)| *i);
            let items: Vec<Term> = names.iter().map(|(n, _)| c.binary(n.as_bytes())).collect();
            let list = c.list(&items);
            let groups = Term::small(re.groups);
            let r = c.tuple(&[groups, list]);
            Ok(c.tuple(&[Term::atom(Atom::intern("ok")), r]))
        }
        Err((e, at)) => {
            let m = c.binary(e.as_bytes());
            let r = c.tuple(&[m, Term::small(at)]);
            Ok(c.tuple(&[Term::atom(Atom::intern("error")), r]))
        }
    }
}

/// `regex_run(Source, Flags, Subject, Offset)` → `nil` or the list of
/// `{Start, Length}` per group (`{-1, 0}` for one that did not take part),
/// byte offsets as `:re` reports them.
fn run4(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(src), Some(flags), Some(subject), Some(from)) =
        (text(a[0]), text(a[1]), text(a[2]), a[3].as_int())
    else {
        return badarg();
    };
    let Ok(re) = Regex::compile(&src, &flags) else {
        return badarg();
    };
    let from = usize::try_from(from).unwrap_or(0);
    match re.run(&subject, from) {
        None => Ok(Term::atom(Atom::intern("nil"))),
        Some(caps) => {
            let mut items = Vec::new();
            for cap in caps {
                let t = match cap {
                    Some((s, e)) => {
                        let (s, l) = (Term::small(s), Term::small(e - s));
                        c.tuple(&[s, l])
                    }
                    None => {
                        let m = Term::int(-1).unwrap_or(Term::NIL);
                        c.tuple(&[m, Term::small(0)])
                    }
                };
                items.push(t);
            }
            Ok(c.list(&items))
        }
    }
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("$elixir", "regex_compile", 2, compile2, false));
    t.push(("$elixir", "regex_run", 4, run4, false));
}

#[cfg(test)]
mod tests {
    use super::Regex;

    fn m(p: &str, f: &str, s: &str) -> Option<Vec<Option<(usize, usize)>>> {
        Regex::compile(p, f).ok()?.run(s, 0)
    }

    #[test]
    fn basics() {
        assert_eq!(m("b+", "", "aabbbc").unwrap()[0], Some((2, 5)));
        assert_eq!(m("b+?", "", "aabbbc").unwrap()[0], Some((2, 3)));
        assert_eq!(m("^a.c$", "", "abc").unwrap()[0], Some((0, 3)));
        assert!(m("^b", "", "abc").is_none());
        assert_eq!(
            m("(\\d+)-(\\d+)", "", "x 12-345 y").unwrap()[2],
            Some((5, 8))
        );
        assert_eq!(m("HELLO", "i", "say hello").unwrap()[0], Some((4, 9)));
        assert_eq!(m("(a|ab)(c|bcd)(d*)", "", "abcd").unwrap()[0], Some((0, 4)));
        assert_eq!(m("\\bfoo\\b", "", "a foo b").unwrap()[0], Some((2, 5)));
        assert_eq!(m("(?<y>\\d{4})", "", "in 2024").unwrap()[1], Some((3, 7)));
        assert_eq!(m("(\\w)\\1", "", "abccd").unwrap()[0], Some((2, 4)));
        assert_eq!(m("a(?=b)", "", "acab").unwrap()[0], Some((2, 3)));
        assert_eq!(m("[^a-c]+", "", "abcxyz").unwrap()[0], Some((3, 6)));
        assert_eq!(m("é+", "u", "caféé!").unwrap()[0], Some((3, 7)));
        assert!(Regex::compile("(a", "").is_err());
        assert!(Regex::compile("a{2,3}", "").is_ok());
        assert_eq!(m("a{2,3}", "", "aaaa").unwrap()[0], Some((0, 3)));
        assert_eq!(m("x*", "", "abc").unwrap()[0], Some((0, 0)));
    }
}
