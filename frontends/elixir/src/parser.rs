//! Elixir parser: precedence climbing over the tokens of [`crate::lexer`],
//! written by hand because Elixir's grammar hinges on spacing and layout
//! (calls without parentheses, `do` blocks binding to the outermost call,
//! newlines ending expressions except after or before an operator).
//!
//! Recovery: an error inside a top-level expression is recorded and parsing
//! resumes at the next line, so one run reports several errors. Nesting is
//! capped at [`MAX_DEPTH`] with a diagnostic; the parser never panics.

use crate::ast::{Ast, Kind, Span};
use crate::lexer::{tokenize, Part, Tok, Token};

pub const MAX_DEPTH: usize = 1500;

#[derive(Debug, Clone)]
pub struct ParseError {
    pub span: Span,
    pub message: String,
}

type PResult<T> = Result<T, ParseError>;

pub struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    i: usize,
    /// Inside the arguments of a call without parentheses: a `do` belongs
    /// to the outer call.
    no_do: bool,
    depth: usize,
    pub errors: Vec<ParseError>,
    pub unterminated: bool,
}

/// Binary operators: (spelling, precedence, right associative).
const BINOPS: &[(&str, u8, bool)] = &[
    ("<-", 20, false),
    ("\\\\", 20, false),
    ("when", 30, true),
    ("::", 40, true),
    ("|", 50, true),
    ("=>", 60, true),
    ("=", 80, true),
    ("||", 90, false),
    ("|||", 90, false),
    ("or", 90, false),
    ("&&", 100, false),
    ("&&&", 100, false),
    ("and", 100, false),
    ("==", 110, false),
    ("!=", 110, false),
    ("=~", 110, false),
    ("===", 110, false),
    ("!==", 110, false),
    ("<", 120, false),
    (">", 120, false),
    ("<=", 120, false),
    (">=", 120, false),
    ("|>", 130, false),
    ("<<<", 130, false),
    (">>>", 130, false),
    ("<<~", 130, false),
    ("~>>", 130, false),
    ("<~", 130, false),
    ("~>", 130, false),
    ("<~>", 130, false),
    ("in", 140, false),
    ("^^^", 150, false),
    ("++", 160, true),
    ("--", 160, true),
    ("..", 160, true),
    ("<>", 160, true),
    ("//", 160, true),
    ("+", 170, false),
    ("-", 170, false),
    ("*", 180, false),
    ("/", 180, false),
    ("**", 190, false),
];

const UNARY_PREC: u8 = 200;
const CAPTURE_PREC: u8 = 70;

fn binop(op: &str) -> Option<(u8, bool)> {
    BINOPS
        .iter()
        .find(|(o, _, _)| *o == op)
        .map(|(_, p, r)| (*p, *r))
}

const BLOCK_ENDS: &[&str] = &["end", "else", "after", "rescue", "catch"];

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, start: usize, end: usize) -> Parser<'a> {
        let lx = tokenize(src, start, end);
        let errors = lx
            .errors
            .iter()
            .map(|e| ParseError {
                span: Span::new(e.start, e.end),
                message: e.message.clone(),
            })
            .collect();
        Parser {
            src,
            toks: lx.toks,
            i: 0,
            no_do: false,
            depth: 0,
            errors,
            unterminated: lx.unterminated,
        }
    }

    fn tok(&self) -> Option<&Tok> {
        self.toks.get(self.i).map(|t| &t.tok)
    }

    fn tok_at(&self, n: usize) -> Option<&Tok> {
        self.toks.get(self.i + n).map(|t| &t.tok)
    }

    fn token(&self) -> Option<&Token> {
        self.toks.get(self.i)
    }

    fn here(&self) -> Span {
        match self.toks.get(self.i) {
            Some(t) => Span::new(t.start, t.end),
            None => {
                let e = self.toks.last().map_or(self.src.len(), |t| t.end);
                Span::new(e, e)
            }
        }
    }

    fn prev_end(&self) -> usize {
        if self.i == 0 {
            0
        } else {
            self.toks.get(self.i - 1).map_or(0, |t| t.end)
        }
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Some(Tok::Op(o)) if *o == op)
    }

    fn is_eol(&self) -> bool {
        matches!(self.tok(), Some(Tok::Eol))
    }

    fn skip_eol(&mut self) {
        while self.is_eol() {
            self.i += 1;
        }
    }

    fn error<T>(&mut self, msg: impl Into<String>) -> PResult<T> {
        let message = msg.into();
        let at_end = self.tok().is_none();
        if at_end {
            self.unterminated = true;
        }
        let what = match self.token() {
            None => "end of input".to_string(),
            Some(t) => format!("{:?}", &self.src[t.start..t.end]),
        };
        Err(ParseError {
            span: self.here(),
            message: format!("syntax error before: {what} ({message})"),
        })
    }

    fn expect(&mut self, op: &str) -> PResult<Span> {
        if self.is_op(op) {
            let s = self.here();
            self.i += 1;
            Ok(s)
        } else {
            self.error(format!("expected {op}"))
        }
    }

    /// A whole file (or shell input): expressions separated by newlines.
    pub fn parse_all(&mut self) -> Vec<Ast> {
        let mut out = Vec::new();
        loop {
            self.skip_eol();
            if self.tok().is_none() {
                break;
            }
            match self.parse_expr(0) {
                Ok(e) => {
                    out.push(e);
                    if !(self.is_eol() || self.tok().is_none()) {
                        let r: PResult<()> = self.error("expected end of expression");
                        if let Err(e) = r {
                            self.errors.push(e);
                        }
                        self.recover();
                    }
                }
                Err(e) => {
                    self.errors.push(e);
                    self.recover();
                }
            }
            if self.errors.len() > 20 {
                break;
            }
        }
        out
    }

    /// Skip to the next newline at bracket depth 0 (relative to here).
    fn recover(&mut self) {
        let mut depth = 0i32;
        while let Some(t) = self.tok() {
            match t {
                Tok::Eol if depth <= 0 => return,
                Tok::Op("(" | "[" | "{" | "<<" | "do" | "fn") => depth += 1,
                Tok::Op(")" | "]" | "}" | ">>" | "end") => depth -= 1,
                _ => {}
            }
            self.i += 1;
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError {
                span: self.here(),
                message: "expression nested too deeply".into(),
            });
        }
        Ok(())
    }

    pub fn parse_expr(&mut self, min: u8) -> PResult<Ast> {
        self.enter()?;
        let r = self.parse_expr_inner(min);
        self.depth -= 1;
        r
    }

    fn parse_expr_inner(&mut self, min: u8) -> PResult<Ast> {
        let mut lhs = self.parse_unary()?;
        while let Some(Token {
            tok: Tok::Op(op), ..
        }) = self.token()
        {
            let op: &'static str = op;
            // `not in`
            if op == "not" && matches!(self.tok_at(1), Some(Tok::Op("in"))) {
                let (p, _) = binop("in").unwrap_or((140, false));
                if p < min {
                    break;
                }
                self.i += 2;
                self.skip_eol();
                let rhs = self.parse_expr(p + 1)?;
                let span = lhs.span.to(rhs.span);
                let inn = Ast::call("in", vec![lhs, rhs], span);
                lhs = Ast::call("not", vec![inn], span);
                continue;
            }
            let Some((p, right)) = binop(op) else { break };
            if p < min {
                break;
            }
            self.i += 1;
            self.skip_eol();
            let rhs = self.parse_expr(if right { p } else { p + 1 })?;
            let span = lhs.span.to(rhs.span);
            lhs = match (op, rhs.call_args()) {
                // `a..b//c`
                ("..", Some(("//", [b, c]))) => {
                    Ast::call("..//", vec![lhs, b.clone(), c.clone()], span)
                }
                _ => Ast::call(op, vec![lhs, rhs], span),
            };
        }
        Ok(lhs)
    }

    fn parse_unary(&mut self) -> PResult<Ast> {
        let start = self.here();
        match self.tok() {
            Some(Tok::Op(op @ ("-" | "+" | "!" | "^" | "not" | "~~~"))) => {
                let op = *op;
                self.i += 1;
                let e = self.parse_expr(UNARY_PREC)?;
                let span = start.to(e.span);
                // Negative literals are literals.
                if op == "-" {
                    match &e.kind {
                        Kind::Int(t) if !t.starts_with('-') => {
                            return Ok(Ast::new(Kind::Int(format!("-{t}")), span))
                        }
                        Kind::Float(f) => return Ok(Ast::new(Kind::Float(-f), span)),
                        _ => {}
                    }
                }
                Ok(Ast::call(op, vec![e], span))
            }
            Some(Tok::Op("&")) => {
                self.i += 1;
                // `&+/2`: an operator captured by name.
                if let (Some(Tok::Op(op)), Some(Tok::Op("/"))) =
                    (self.tok().cloned(), self.tok_at(1).cloned())
                {
                    if binop(op).is_some() && op != "/"
                        || (op == "/" && matches!(self.tok_at(2), Some(Tok::Op("/"))))
                    {
                        let os = self.here();
                        self.i += 2;
                        let ar = self.parse_primary()?;
                        let span = start.to(ar.span);
                        let f = Ast::new(Kind::Var(op.to_string()), os);
                        return Ok(Ast::call(
                            "&",
                            vec![Ast::call("/", vec![f, ar], span)],
                            span,
                        ));
                    }
                }
                if let Some(Tok::Int(n)) = self.tok() {
                    let n = n.clone();
                    let s = self.here();
                    self.i += 1;
                    let arg = Ast::call("&", vec![Ast::new(Kind::Int(n), s)], start.to(s));
                    return self.parse_postfix(arg);
                }
                let e = self.parse_expr(CAPTURE_PREC + 1)?;
                let span = start.to(e.span);
                Ok(Ast::call("&", vec![e], span))
            }
            Some(Tok::Op("@")) => {
                self.i += 1;
                let e = self.parse_expr(UNARY_PREC + 20)?;
                let span = start.to(e.span);
                Ok(Ast::call("@", vec![e], span))
            }
            _ => {
                let p = self.parse_primary()?;
                self.parse_postfix(p)
            }
        }
    }

    /// `.name`, `.Alias`, `.(args)`, `[key]` after an expression.
    fn parse_postfix(&mut self, mut e: Ast) -> PResult<Ast> {
        loop {
            match self.token() {
                Some(Token {
                    tok: Tok::Op("."), ..
                }) => {
                    self.i += 1;
                    self.skip_eol();
                    match self.tok().cloned() {
                        Some(Tok::Alias(a)) => {
                            let s = self.here();
                            self.i += 1;
                            e = match e.kind {
                                Kind::Alias(mut segs) => {
                                    segs.push(a);
                                    Ast::new(Kind::Alias(segs), e.span.to(s))
                                }
                                _ => Ast::new(
                                    Kind::Call {
                                        name: "__aliases__".into(),
                                        args: vec![e.clone(), Ast::atom(&a, s)],
                                        parens: false,
                                    },
                                    e.span.to(s),
                                ),
                            };
                        }
                        // `alias Foo.{Bar, Baz}`
                        Some(Tok::Op("{")) => {
                            self.i += 1;
                            let items = self.parse_call_args("}")?;
                            let end = Span::new(self.prev_end(), self.prev_end());
                            let span = e.span.to(end);
                            let mut all = vec![e];
                            all.extend(items);
                            e = Ast::call("__alias_multi__", all, span);
                        }
                        Some(Tok::Op("(")) => {
                            self.i += 1;
                            let args = self.parse_call_args(")")?;
                            let end = Span::new(self.prev_end(), self.prev_end());
                            e = Ast::new(
                                Kind::Apply {
                                    fun: Box::new(e.clone()),
                                    args,
                                },
                                e.span.to(end),
                            );
                        }
                        Some(Tok::Ident(name)) | Some(Tok::Atom(name)) => {
                            let s = self.here();
                            self.i += 1;
                            e = self.finish_call(Some(e), name, s)?;
                        }
                        Some(Tok::Str(parts)) => {
                            // Foo."quoted fun"()
                            let s = self.here();
                            self.i += 1;
                            let name = match parts.as_slice() {
                                [Part::Lit(n)] => n.clone(),
                                _ => String::new(),
                            };
                            e = self.finish_call(Some(e), name, s)?;
                        }
                        Some(Tok::Op(op))
                            if binop(op).is_some()
                                || matches!(op, "!" | "not" | "^" | "in" | "@") =>
                        {
                            // Kernel.+(1, 2)
                            let s = self.here();
                            self.i += 1;
                            e = self.finish_call(Some(e), op.to_string(), s)?;
                        }
                        _ => return self.error("expected a name after '.'"),
                    }
                }
                // `unquote(name)(args)` inside a quote: a call whose name
                // is computed.
                Some(Token {
                    tok: Tok::Op("("),
                    space_before: false,
                    ..
                }) if e.is_call("unquote")
                    || matches!(&e.kind, Kind::Remote { name, parens: true, args, .. }
                        if name == "unquote" && args.len() == 1) =>
                {
                    self.i += 1;
                    let args = self.parse_call_args(")")?;
                    let end = Span::new(self.prev_end(), self.prev_end());
                    let span = e.span.to(end);
                    e = match e.kind {
                        // `mod.unquote(name)(args)`
                        Kind::Remote {
                            target, args: uq, ..
                        } => {
                            let mut all = vec![*target];
                            all.extend(uq);
                            all.extend(args);
                            Ast::call("__unquote_remote__", all, span)
                        }
                        _ => {
                            let mut all = vec![e];
                            all.extend(args);
                            Ast::call("__unquote_call__", all, span)
                        }
                    };
                }
                Some(Token {
                    tok: Tok::Op("["),
                    space_before: false,
                    ..
                }) => {
                    self.i += 1;
                    self.skip_eol();
                    let key = self.nested(|p| p.parse_expr(0))?;
                    self.skip_eol();
                    let end = self.expect("]")?;
                    let span = e.span.to(end);
                    e = Ast::call("__access__", vec![e, key], span);
                }
                _ => return Ok(e),
            }
        }
    }

    /// Runs `f` with `do` blocks allowed again (inside brackets).
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let saved = self.no_do;
        self.no_do = false;
        let r = f(self);
        self.no_do = saved;
        r
    }

    /// Whether the current token can start the first argument of a call
    /// without parentheses.
    fn starts_noparens_arg(&self) -> bool {
        let Some(t) = self.token() else { return false };
        if !t.space_before {
            return false;
        }
        match &t.tok {
            Tok::Int(_)
            | Tok::Float(_)
            | Tok::Atom(_)
            | Tok::AtomInterp(_)
            | Tok::KwKey(_)
            | Tok::Ident(_)
            | Tok::Alias(_)
            | Tok::Str(_)
            | Tok::Charlist(_)
            | Tok::Sigil { .. } => true,
            // `x not in y` is an operator, not the call `x(not in y)`.
            Tok::Op("not") => !matches!(self.tok_at(1), Some(Tok::Op("in"))),
            Tok::Op("[" | "{" | "%" | "<<" | "@" | "&" | "^" | "!" | "fn" | "(" | "~~~") => true,
            Tok::Op("-" | "+") => {
                // `foo -1` is a call, `foo - 1` is not.
                self.toks
                    .get(self.i + 1)
                    .is_some_and(|n| !n.space_before && n.tok != Tok::Eol)
            }
            _ => false,
        }
    }

    /// After a name (local, or remote with `target`): parenthesised
    /// arguments, arguments without parentheses, a `do` block, or nothing.
    fn finish_call(&mut self, target: Option<Ast>, name: String, name_span: Span) -> PResult<Ast> {
        let start = target.as_ref().map_or(name_span, |t| t.span);
        let (mut args, parens) = match self.token() {
            Some(Token {
                tok: Tok::Op("("),
                space_before: false,
                ..
            }) => {
                self.i += 1;
                (self.parse_call_args(")")?, true)
            }
            _ if self.starts_noparens_arg() && !matches!(self.tok(), Some(Tok::Op("do"))) => {
                (self.parse_noparens_args()?, false)
            }
            _ => (Vec::new(), false),
        };
        let has_args = parens || !args.is_empty();
        if self.is_op("do") && !self.no_do {
            let kw = self.parse_do_block()?;
            let kw_span = kw.span;
            // `for x <- xs, reduce: 0 do ... end`: one keyword list.
            match (args.last_mut(), kw.kind) {
                (Some(Ast { kind: Kind::List(prev), .. }), Kind::List(pairs)) if !prev.is_empty() && prev.iter().all(|p| matches!(&p.kind, Kind::Tuple(t) if t.len() == 2 && matches!(t[0].kind, Kind::Atom(_)))) => {
                    prev.extend(pairs)
                }
                (_, k) => args.push(Ast::new(k, kw_span)),
            }
        } else if !has_args && target.is_none() {
            return Ok(Ast::new(Kind::Var(name), name_span));
        }
        let span = start.to(Span::new(self.prev_end(), self.prev_end()));
        Ok(match target {
            None => Ast::new(Kind::Call { name, args, parens }, span),
            Some(t) => Ast::new(
                Kind::Remote {
                    target: Box::new(t),
                    name,
                    args,
                    parens: parens || has_args,
                },
                span,
            ),
        })
    }

    fn parse_noparens_args(&mut self) -> PResult<Vec<Ast>> {
        let saved = self.no_do;
        self.no_do = true;
        let mut args = Vec::new();
        let r = (|| {
            loop {
                let e = self.parse_expr(0)?;
                args.push(e);
                if self.is_op(",") {
                    self.i += 1;
                    self.skip_eol();
                } else {
                    break;
                }
            }
            Ok(())
        })();
        self.no_do = saved;
        r?;
        Ok(flatten_kw(args))
    }

    /// Arguments up to `close` (the opener consumed).
    fn parse_call_args(&mut self, close: &str) -> PResult<Vec<Ast>> {
        self.nested(|p| {
            let mut args = Vec::new();
            p.skip_eol();
            while !p.is_op(close) {
                args.push(p.parse_expr(0)?);
                p.skip_eol();
                if p.is_op(",") {
                    p.i += 1;
                    p.skip_eol();
                } else if !p.is_op(close) {
                    return p.error(format!("expected , or {close}"));
                }
            }
            p.i += 1;
            Ok(flatten_kw(args))
        })
    }

    /// List elements up to `]`; bare `k: v` pairs are spliced in.
    fn parse_list_items(&mut self) -> PResult<Vec<Ast>> {
        self.nested(|p| {
            let mut items = Vec::new();
            p.skip_eol();
            while !p.is_op("]") {
                let e = p.parse_expr(0)?;
                match e.kind {
                    Kind::Call { name, args, .. } if name == "__kw__" => items.extend(args),
                    _ => items.push(e),
                }
                p.skip_eol();
                if p.is_op(",") {
                    p.i += 1;
                    p.skip_eol();
                } else if !p.is_op("]") {
                    return p.error("expected , or ]");
                }
            }
            p.i += 1;
            Ok(items)
        })
    }

    /// `do ... (else|after|rescue|catch ...)* end` as a keyword list.
    fn parse_do_block(&mut self) -> PResult<Ast> {
        let start = self.expect("do")?;
        self.nested(|p| {
            let mut pairs = Vec::new();
            let mut section = "do".to_string();
            let mut sec_span = start;
            loop {
                let body = p.parse_stab_or_block(BLOCK_ENDS)?;
                pairs.push(Ast::new(
                    Kind::Tuple(vec![Ast::atom(&section, sec_span), body]),
                    sec_span,
                ));
                match p.tok() {
                    Some(Tok::Op("end")) => {
                        p.i += 1;
                        break;
                    }
                    Some(Tok::Op(s @ ("else" | "after" | "rescue" | "catch"))) => {
                        section = s.to_string();
                        sec_span = p.here();
                        p.i += 1;
                    }
                    _ => return p.error("expected end"),
                }
            }
            let span = start.to(Span::new(p.prev_end(), p.prev_end()));
            Ok(Ast::new(Kind::List(pairs), span))
        })
    }

    /// A block body: plain expressions (a `__block__`) or stab clauses
    /// (a list of `->` nodes), up to one of `ends` (not consumed).
    fn parse_stab_or_block(&mut self, ends: &[&str]) -> PResult<Ast> {
        let start = self.here();
        let mut clauses: Vec<Ast> = Vec::new();
        let mut head: Option<(Vec<Ast>, Span)> = None;
        let mut body: Vec<Ast> = Vec::new();
        loop {
            self.skip_eol();
            match self.tok() {
                None => return self.error("expected end"),
                Some(Tok::Op(o)) if ends.contains(o) => break,
                _ => {}
            }
            let group_start = self.here();
            let mut group = Vec::new();
            if !self.is_op("->") {
                group.push(self.parse_expr(0)?);
                while self.is_op(",") {
                    self.i += 1;
                    self.skip_eol();
                    group.push(self.parse_expr(0)?);
                }
            }
            if self.is_op("->") {
                self.i += 1;
                if let Some((h, hs)) = head.take() {
                    clauses.push(make_clause(h, std::mem::take(&mut body), hs));
                } else if !body.is_empty() {
                    return self.error("unexpected ->");
                }
                head = Some((flatten_kw(group), group_start));
                continue;
            }
            if group.len() > 1 {
                return self.error("unexpected ,");
            }
            body.extend(group);
            if !(self.is_eol() || matches!(self.tok(), Some(Tok::Op(o)) if ends.contains(o))) {
                return self.error("expected end of expression");
            }
        }
        if let Some((h, hs)) = head {
            clauses.push(make_clause(h, body, hs));
            let span = start.to(Span::new(self.prev_end(), self.prev_end()));
            return Ok(Ast::new(Kind::List(clauses), span));
        }
        let span = start.to(Span::new(self.prev_end(), self.prev_end()));
        Ok(block(body, span))
    }

    fn parse_primary(&mut self) -> PResult<Ast> {
        let Some(t) = self.token().cloned() else {
            return self.error("expected an expression");
        };
        let span = Span::new(t.start, t.end);
        match t.tok {
            Tok::Int(n) => {
                self.i += 1;
                Ok(Ast::new(Kind::Int(n), span))
            }
            Tok::Float(f) => {
                self.i += 1;
                Ok(Ast::new(Kind::Float(f), span))
            }
            Tok::Atom(a) => {
                self.i += 1;
                Ok(Ast::new(Kind::Atom(a), span))
            }
            Tok::AtomInterp(parts) => {
                self.i += 1;
                let s = self.interp(&parts, span)?;
                Ok(Ast::call("__atom_interp__", vec![s], span))
            }
            Tok::Str(parts) => {
                self.i += 1;
                self.interp(&parts, span)
            }
            Tok::Charlist(parts) => {
                self.i += 1;
                let s = self.interp(&parts, span)?;
                Ok(match s.kind {
                    Kind::Str(t) => Ast::new(Kind::Charlist(t), span),
                    _ => Ast::call("__charlist__", vec![s], span),
                })
            }
            Tok::Sigil {
                letter,
                parts,
                mods,
            } => {
                self.i += 1;
                self.sigil(letter, &parts, &mods, span)
            }
            Tok::KwKey(_) => {
                // A keyword list without brackets (last argument, list tail).
                let mut pairs = Vec::new();
                while let Some(Tok::KwKey(k)) = self.tok().cloned() {
                    let ks = self.here();
                    self.i += 1;
                    self.skip_eol();
                    let v = self.parse_expr(0)?;
                    pairs.push(Ast::new(
                        Kind::Tuple(vec![Ast::atom(&k, ks), v.clone()]),
                        ks.to(v.span),
                    ));
                    if self.is_op(",") && matches!(self.tok_at(1), Some(Tok::KwKey(_)))
                        || (self.is_op(",")
                            && matches!(self.tok_at(1), Some(Tok::Eol))
                            && matches!(self.tok_at(2), Some(Tok::KwKey(_))))
                    {
                        self.i += 1;
                        self.skip_eol();
                    } else {
                        break;
                    }
                }
                let span = span.to(Span::new(self.prev_end(), self.prev_end()));
                Ok(Ast::call("__kw__", pairs, span))
            }
            Tok::Ident(name) => {
                self.i += 1;
                self.finish_call(None, name, span)
            }
            Tok::Alias(a) => {
                self.i += 1;
                Ok(Ast::new(Kind::Alias(vec![a]), span))
            }
            Tok::Op("(") => {
                self.i += 1;
                self.nested(|p| p.parse_paren(span))
            }
            Tok::Op("[") => {
                self.i += 1;
                // `[a, b: 1]`: keyword pairs are elements of the list itself.
                let items = self.parse_list_items()?;
                let span = span.to(Span::new(self.prev_end(), self.prev_end()));
                Ok(Ast::new(Kind::List(items), span))
            }
            Tok::Op("{") => {
                self.i += 1;
                let items = self.parse_call_args("}")?;
                let span = span.to(Span::new(self.prev_end(), self.prev_end()));
                Ok(Ast::new(Kind::Tuple(items), span))
            }
            Tok::Op("<<") => {
                self.i += 1;
                let items = self.parse_call_args(">>")?;
                let span = span.to(Span::new(self.prev_end(), self.prev_end()));
                Ok(Ast::call("<<>>", items, span))
            }
            Tok::Op("%") => {
                self.i += 1;
                let name = if self.is_op("{") {
                    None
                } else {
                    // %Struct{} / %__MODULE__{} / %mod{}
                    let t = match self.tok().cloned() {
                        Some(Tok::Alias(a)) => {
                            let s = self.here();
                            self.i += 1;
                            let mut segs = vec![a];
                            while self.is_op(".") {
                                if let Some(Tok::Alias(b)) = self.tok_at(1).cloned() {
                                    self.i += 2;
                                    segs.push(b);
                                } else {
                                    break;
                                }
                            }
                            Ast::new(Kind::Alias(segs), s)
                        }
                        Some(Tok::Ident(v)) => {
                            let s = self.here();
                            self.i += 1;
                            Ast::new(Kind::Var(v), s)
                        }
                        _ => return self.error("expected { or a struct name after %"),
                    };
                    Some(t)
                };
                self.expect("{")?;
                let items = self.parse_call_args("}")?;
                let span = span.to(Span::new(self.prev_end(), self.prev_end()));
                let map = Ast::call("%{}", items, span);
                Ok(match name {
                    None => map,
                    Some(n) => Ast::call("%", vec![n, map], span),
                })
            }
            Tok::Op("fn") => {
                self.i += 1;
                let body = self.nested(|p| p.parse_stab_or_block(&["end"]))?;
                self.expect("end")?;
                let span = span.to(Span::new(self.prev_end(), self.prev_end()));
                match body.kind {
                    Kind::List(clauses) => Ok(Ast::call("fn", clauses, span)),
                    _ => Err(ParseError {
                        span,
                        message: "syntax error: fn without -> clauses".into(),
                    }),
                }
            }
            Tok::Op("..") => {
                // `..` alone: the full-slice range.
                self.i += 1;
                Ok(Ast::call("..", vec![], span))
            }
            Tok::Op("...") => {
                // `[integer, ...]` in typespecs.
                self.i += 1;
                Ok(Ast::call("...", vec![], span))
            }
            _ => self.error("expected an expression"),
        }
    }

    /// After `(`: `()`, `(expr)`, `(a; b)` block, or `(a, b)` stab head.
    /// Stab clauses inside parentheses, the first clause's head parsed:
    /// a list of `->` clauses as a `do` block's body.
    fn paren_stab(&mut self, mut head: Vec<Ast>, start: Span) -> PResult<Ast> {
        let mut clauses = Vec::new();
        loop {
            self.expect("->")?;
            self.skip_eol();
            let body = self.parse_expr(0)?;
            // `()` as a head is no arguments.
            let head_args = match head.as_slice() {
                [only] if only.is_call("__args__") => only
                    .call_args()
                    .map(|(_, a)| a.to_vec())
                    .unwrap_or_default(),
                _ => flatten_kw(std::mem::take(&mut head)),
            };
            let span = start.to(body.span);
            clauses.push(Ast::call(
                "->",
                vec![Ast::new(Kind::List(head_args), span), body],
                span,
            ));
            self.skip_eol();
            if self.is_op(")") {
                break;
            }
            head = vec![self.parse_expr(0)?];
            while self.is_op(",") {
                self.i += 1;
                self.skip_eol();
                head.push(self.parse_expr(0)?);
            }
        }
        self.expect(")")?;
        let span = start.to(Span::new(self.prev_end(), self.prev_end()));
        Ok(Ast::new(Kind::List(clauses), span))
    }

    fn parse_paren(&mut self, start: Span) -> PResult<Ast> {
        self.skip_eol();
        if self.is_op(")") {
            self.i += 1;
            let span = start.to(Span::new(self.prev_end(), self.prev_end()));
            return Ok(Ast::call("__args__", vec![], span));
        }
        let mut exprs = vec![self.parse_expr(0)?];
        let mut comma = false;
        loop {
            if self.is_op(",") {
                comma = true;
                self.i += 1;
                self.skip_eol();
                exprs.push(self.parse_expr(0)?);
            } else if self.is_op("->") {
                // `(a, b -> c)`, `(() -> t)` in typespecs, `receive do: (x -> y)`.
                return self.paren_stab(exprs, start);
            } else if self.is_eol() {
                self.skip_eol();
                if self.is_op(")") {
                    break;
                }
                exprs.push(self.parse_expr(0)?);
            } else {
                break;
            }
        }
        self.expect(")")?;
        let span = start.to(Span::new(self.prev_end(), self.prev_end()));
        if comma {
            return Ok(Ast::call("__args__", flatten_kw(exprs), span));
        }
        if exprs.len() == 1 {
            let mut e = exprs.pop().unwrap_or_else(|| block(vec![], span));
            // `(expr)` keeps a marker so `(a -> b)` stays distinct; plain
            // parentheses are transparent.
            e.span = e.span.to(span);
            return Ok(e);
        }
        Ok(block(exprs, span))
    }

    /// A string literal with interpolation: `Str` or `interp(parts)`.
    fn interp(&mut self, parts: &[Part], span: Span) -> PResult<Ast> {
        match parts {
            [] => return Ok(Ast::new(Kind::Str(String::new()), span)),
            [Part::Lit(s)] => return Ok(Ast::new(Kind::Str(s.clone()), span)),
            _ => {}
        }
        let mut out = Vec::new();
        for p in parts {
            match p {
                Part::Lit(s) => out.push(Ast::new(Kind::Str(s.clone()), span)),
                Part::Code(a, b) => {
                    let mut sub = Parser::new(self.src, *a, *b);
                    let es = sub.parse_all();
                    self.errors.append(&mut sub.errors);
                    out.push(block(es, Span::new(*a, *b)));
                }
            }
        }
        Ok(Ast::call("interp", out, span))
    }

    fn sigil(&mut self, letter: char, parts: &[Part], mods: &str, span: Span) -> PResult<Ast> {
        let s = self.interp(parts, span)?;
        match letter {
            's' | 'S' => Ok(s),
            'c' | 'C' => Ok(match s.kind {
                Kind::Str(t) => Ast::new(Kind::Charlist(t), span),
                _ => Ast::call("__charlist__", vec![s], span),
            }),
            'w' | 'W' => match s.kind {
                Kind::Str(t) => {
                    let words = t.split_whitespace().map(|w| match mods {
                        "a" => Ast::atom(w, span),
                        "c" => Ast::new(Kind::Charlist(w.to_string()), span),
                        _ => Ast::new(Kind::Str(w.to_string()), span),
                    });
                    Ok(Ast::new(Kind::List(words.collect()), span))
                }
                _ => Ok(Ast::call(
                    "__unsupported__",
                    vec![Ast::new(Kind::Str("~w with interpolation".into()), span)],
                    span,
                )),
            },
            'r' | 'R' => Ok(Ast::call(
                "__regex__",
                vec![s, Ast::new(Kind::Str(mods.to_string()), span)],
                span,
            )),
            other => Ok(Ast::call(
                "__unsupported__",
                vec![Ast::new(Kind::Str(format!("sigil ~{other}")), span)],
                span,
            )),
        }
    }
}

/// `a, b: 1, c: 2` arrive as `[a, __kw__(b: 1, c: 2)]`: the keyword part
/// becomes one list argument.
fn flatten_kw(args: Vec<Ast>) -> Vec<Ast> {
    args.into_iter()
        .map(|a| match a.kind {
            Kind::Call { name, args, .. } if name == "__kw__" => Ast::new(Kind::List(args), a.span),
            _ => a,
        })
        .collect()
}

fn block(mut exprs: Vec<Ast>, span: Span) -> Ast {
    if exprs.len() == 1 {
        if let Some(e) = exprs.pop() {
            return e;
        }
    }
    Ast::call("__block__", exprs, span)
}

/// `head -> body` as Elixir quotes it: `{:->, _, [[args], body]}`, a guard
/// as `[{:when, _, args ++ [guard]}]`.
fn make_clause(mut head: Vec<Ast>, body: Vec<Ast>, span: Span) -> Ast {
    // `(a, b) -> ...` / `(a, b) when g -> ...`
    if head.len() == 1 {
        let h = head.remove(0);
        head = match h.kind {
            Kind::Call {
                ref name, ref args, ..
            } if name == "__args__" => args.clone(),
            Kind::Call {
                ref name, ref args, ..
            } if name == "when" && args.len() == 2 && args[0].is_call("__args__") => {
                let mut a = args[0]
                    .call_args()
                    .map(|(_, a)| a.to_vec())
                    .unwrap_or_default();
                a.push(args[1].clone());
                vec![Ast::call("when", a, h.span)]
            }
            _ => vec![h],
        };
    }
    // `a, b when g`: the guard sits on the last argument.
    if head.len() > 1 {
        let last = head.len() - 1;
        if let Kind::Call { name, args, .. } = &head[last].kind {
            if name == "when" && args.len() == 2 {
                let (a, g) = (args[0].clone(), args[1].clone());
                let hs = head[last].span;
                head[last] = a;
                head.push(g);
                head = vec![Ast::call("when", head, hs)];
            }
        }
    }
    let bspan = body
        .first()
        .map_or(span, |b| b.span)
        .to(body.last().map_or(span, |b| b.span));
    let b = block(body, bspan);
    Ast::call(
        "->",
        vec![Ast::new(Kind::List(head), span), b],
        span.to(bspan),
    )
}

/// Parses a whole source text.
pub fn parse(src: &str) -> (Vec<Ast>, Vec<ParseError>, bool) {
    let mut p = Parser::new(src, 0, src.len());
    let es = p.parse_all();
    (es, p.errors, p.unterminated)
}
