//! Recursive-descent parser for Lua 5.4 (the grammar of the reference
//! manual, §9). Nesting is capped at [`MAX_DEPTH`] with a diagnostic, as
//! `lua` caps it ("chunk has too many syntax levels").

use crate::ast::*;
use crate::lexer::{Tok, Token};

pub const MAX_DEPTH: u32 = 200;

pub struct ParseError {
    pub msg: String,
    pub start: usize,
    pub end: usize,
    pub line: u32,
}

pub struct Parser {
    toks: Vec<Token>,
    i: usize,
    depth: u32,
    pub next_decl: DeclId,
}

type P<T> = Result<T, ParseError>;

fn tok_text(t: &Tok) -> String {
    match t {
        Tok::Name(n) => n.clone(),
        Tok::Str(s) => String::from_utf8_lossy(s).into_owned(),
        Tok::Int(i) => i.to_string(),
        Tok::Float(f) => f.to_string(),
        Tok::Sym(s) => (*s).to_string(),
        Tok::Eof => "<eof>".to_string(),
    }
}

impl Parser {
    pub fn new(toks: Vec<Token>) -> Parser {
        Parser {
            toks,
            i: 0,
            depth: 0,
            next_decl: 0,
        }
    }

    fn peek(&self) -> &Tok {
        &self.toks[self.i.min(self.toks.len() - 1)].tok
    }

    fn peek2(&self) -> &Tok {
        &self.toks[(self.i + 1).min(self.toks.len() - 1)].tok
    }

    fn line(&self) -> u32 {
        self.toks[self.i.min(self.toks.len() - 1)].line
    }

    fn advance(&mut self) -> Tok {
        let t = self.peek().clone();
        if self.i < self.toks.len() - 1 {
            self.i += 1;
        }
        t
    }

    fn is(&self, s: &str) -> bool {
        matches!(self.peek(), Tok::Sym(x) if *x == s)
    }

    fn accept(&mut self, s: &str) -> bool {
        if self.is(s) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn error<T>(&self, msg: impl Into<String>) -> P<T> {
        let t = &self.toks[self.i.min(self.toks.len() - 1)];
        // lua5.4 quotes the token, except `<eof>`.
        let near = match &t.tok {
            Tok::Eof => {
                return Err(ParseError {
                    msg: format!("{} near <eof>", msg.into()),
                    start: t.start,
                    end: t.end,
                    line: t.line,
                })
            }
            Tok::Str(_) | Tok::Int(_) | Tok::Float(_) => {
                // Lua shows the source text of the token.
                tok_text(&t.tok)
            }
            other => tok_text(other),
        };
        Err(ParseError {
            msg: format!("{} near '{}'", msg.into(), near),
            start: t.start,
            end: t.end,
            line: t.line,
        })
    }

    fn expect(&mut self, s: &str) -> P<()> {
        if self.accept(s) {
            Ok(())
        } else {
            self.error(format!("'{s}' expected"))
        }
    }

    fn expect_match(&mut self, what: &str, who: &str, line: u32) -> P<()> {
        if self.accept(what) {
            return Ok(());
        }
        if line == self.line() {
            self.error(format!("'{what}' expected"))
        } else {
            self.error(format!(
                "'{what}' expected (to close '{who}' at line {line})"
            ))
        }
    }

    fn name(&mut self) -> P<String> {
        match self.peek().clone() {
            Tok::Name(n) => {
                self.advance();
                Ok(n)
            }
            _ => self.error("<name> expected"),
        }
    }

    fn decl(&mut self) -> DeclId {
        self.next_decl += 1;
        self.next_decl - 1
    }

    fn enter(&mut self) -> P<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error("chunk has too many syntax levels");
        }
        Ok(())
    }

    pub fn chunk(&mut self) -> P<Vec<Stat>> {
        let b = self.block()?;
        if !matches!(self.peek(), Tok::Eof) {
            return self.error("'<eof>' expected");
        }
        Ok(b)
    }

    fn block_follow(&self, with_until: bool) -> bool {
        match self.peek() {
            Tok::Eof => true,
            Tok::Sym(s) => matches!(*s, "else" | "elseif" | "end") || (with_until && *s == "until"),
            _ => false,
        }
    }

    fn block(&mut self) -> P<Vec<Stat>> {
        self.enter()?;
        let mut out = Vec::new();
        while !self.block_follow(true) {
            if self.is("return") {
                let line = self.line();
                self.advance();
                let mut es = Vec::new();
                if !self.block_follow(true) && !self.is(";") {
                    es = self.exprlist()?;
                }
                self.accept(";");
                out.push(Stat::Return(es, line));
                if !self.block_follow(true) {
                    return self.error("'<eof>' expected");
                }
                break;
            }
            if let Some(s) = self.statement()? {
                out.push(s);
            }
        }
        self.depth -= 1;
        Ok(out)
    }

    fn statement(&mut self) -> P<Option<Stat>> {
        let line = self.line();
        let Tok::Sym(s) = self.peek().clone() else {
            return self.exprstat().map(Some);
        };
        Ok(Some(match s {
            ";" => {
                self.advance();
                return Ok(None);
            }
            "if" => {
                self.advance();
                let mut arms = Vec::new();
                let c = self.expr()?;
                self.expect("then")?;
                let b = self.block()?;
                arms.push((c, b));
                let mut els = None;
                loop {
                    if self.accept("elseif") {
                        let c = self.expr()?;
                        self.expect("then")?;
                        let b = self.block()?;
                        arms.push((c, b));
                    } else if self.accept("else") {
                        els = Some(self.block()?);
                        self.expect_match("end", "if", line)?;
                        break;
                    } else {
                        self.expect_match("end", "if", line)?;
                        break;
                    }
                }
                Stat::If(arms, els, line)
            }
            "while" => {
                self.advance();
                let c = self.expr()?;
                self.expect("do")?;
                let b = self.block()?;
                self.expect_match("end", "while", line)?;
                Stat::While(c, b, line)
            }
            "do" => {
                self.advance();
                let b = self.block()?;
                self.expect_match("end", "do", line)?;
                Stat::Do(b)
            }
            "for" => {
                self.advance();
                let n1 = self.name()?;
                if self.accept("=") {
                    let a = self.expr()?;
                    self.expect(",")?;
                    let b = self.expr()?;
                    let c = if self.accept(",") {
                        Some(self.expr()?)
                    } else {
                        None
                    };
                    self.expect("do")?;
                    let d = self.decl();
                    let body = self.block()?;
                    self.expect_match("end", "for", line)?;
                    Stat::NumFor(n1, d, a, b, c, body, line)
                } else if self.is(",") || self.is("in") {
                    let mut names = vec![n1];
                    while self.accept(",") {
                        names.push(self.name()?);
                    }
                    self.expect("in")?;
                    let es = self.exprlist()?;
                    self.expect("do")?;
                    let decls = names.into_iter().map(|n| (n, self.decl())).collect();
                    let body = self.block()?;
                    self.expect_match("end", "for", line)?;
                    Stat::GenFor(decls, es, body, line)
                } else {
                    return self.error("'=' or 'in' expected");
                }
            }
            "repeat" => {
                self.advance();
                let b = self.block()?;
                self.expect_match("until", "repeat", line)?;
                let c = self.expr()?;
                Stat::Repeat(b, c, line)
            }
            "function" => {
                self.advance();
                let n = self.name()?;
                let mut target = Expr::Name(n.clone(), line);
                let mut full = n;
                let mut method = false;
                while self.is(".") || self.is(":") {
                    let colon = self.is(":");
                    self.advance();
                    let k = self.name()?;
                    full = format!("{full}{}{k}", if colon { ":" } else { "." });
                    target =
                        Expr::Index(Box::new(target), Box::new(Expr::Str(k.into_bytes())), line);
                    if colon {
                        method = true;
                        break;
                    }
                }
                let body = self.funcbody(method, full, line)?;
                Stat::Function(target, body, line)
            }
            "local" => {
                self.advance();
                if self.accept("function") {
                    let n = self.name()?;
                    let d = self.decl();
                    let body = self.funcbody(false, n.clone(), line)?;
                    Stat::LocalFunction(n, d, body, line)
                } else {
                    let mut names = Vec::new();
                    loop {
                        let n = self.name()?;
                        let mut at = Attrib::None;
                        if self.accept("<") {
                            let a = self.name()?;
                            at = match a.as_str() {
                                "const" => Attrib::Const,
                                "close" => Attrib::Close,
                                _ => {
                                    return self.error(format!("unknown attribute '{a}'"));
                                }
                            };
                            self.expect(">")?;
                        }
                        names.push((n, at));
                        if !self.accept(",") {
                            break;
                        }
                    }
                    if names.iter().filter(|(_, a)| *a == Attrib::Close).count() > 1 {
                        return self.error("multiple to-be-closed variables in local list");
                    }
                    let es = if self.accept("=") {
                        self.exprlist()?
                    } else {
                        Vec::new()
                    };
                    let names = names
                        .into_iter()
                        .map(|(n, a)| (n, a, self.decl()))
                        .collect();
                    Stat::Local(names, es, line)
                }
            }
            "::" => {
                self.advance();
                let n = self.name()?;
                self.expect("::")?;
                Stat::Label(n, line)
            }
            "return" => unreachable_return(),
            "break" => {
                self.advance();
                Stat::Break(line)
            }
            "goto" => {
                self.advance();
                let n = self.name()?;
                Stat::Goto(n, line)
            }
            _ => return self.exprstat().map(Some),
        }))
    }

    fn exprstat(&mut self) -> P<Stat> {
        let line = self.line();
        let e = self.suffixedexp()?;
        if self.is("=") || self.is(",") {
            let mut targets = vec![e];
            while self.accept(",") {
                targets.push(self.suffixedexp()?);
            }
            for t in &targets {
                if !matches!(t, Expr::Name(..) | Expr::Index(..)) {
                    return self.error("syntax error");
                }
            }
            self.expect("=")?;
            let es = self.exprlist()?;
            return Ok(Stat::Assign(targets, es, line));
        }
        if !matches!(e, Expr::Call(..) | Expr::Method(..)) {
            return self.error("syntax error");
        }
        Ok(Stat::Call(e, line))
    }

    fn exprlist(&mut self) -> P<Vec<Expr>> {
        let mut v = vec![self.expr()?];
        while self.accept(",") {
            v.push(self.expr()?);
        }
        Ok(v)
    }

    fn funcbody(&mut self, method: bool, name: String, line: u32) -> P<FuncBody> {
        self.enter()?;
        let mut params = Vec::new();
        if method {
            let d = self.decl();
            params.push(("self".to_string(), d));
        }
        self.expect("(")?;
        let mut vararg = false;
        if !self.is(")") {
            loop {
                if self.accept("...") {
                    vararg = true;
                    break;
                }
                let n = match self.peek().clone() {
                    Tok::Name(n) => {
                        self.advance();
                        n
                    }
                    _ => return self.error("<name> expected"),
                };
                let d = self.decl();
                params.push((n, d));
                if !self.accept(",") {
                    break;
                }
            }
        }
        self.expect(")")?;
        let body = self.block()?;
        let end_line = self.line();
        self.expect_match("end", "function", line)?;
        self.depth -= 1;
        Ok(FuncBody {
            params,
            vararg,
            body,
            line,
            end_line,
            name,
        })
    }

    fn primaryexp(&mut self) -> P<Expr> {
        let line = self.line();
        match self.peek().clone() {
            Tok::Name(n) => {
                self.advance();
                Ok(Expr::Name(n, line))
            }
            Tok::Sym("(") => {
                self.advance();
                let e = self.expr()?;
                self.expect_match(")", "(", line)?;
                Ok(Expr::Paren(Box::new(e)))
            }
            _ => self.error("unexpected symbol"),
        }
    }

    fn suffixedexp(&mut self) -> P<Expr> {
        self.enter()?;
        let mut e = self.primaryexp()?;
        loop {
            let line = self.line();
            match self.peek().clone() {
                Tok::Sym(".") => {
                    self.advance();
                    let n = self.name()?;
                    e = Expr::Index(Box::new(e), Box::new(Expr::Str(n.into_bytes())), line);
                }
                Tok::Sym("[") => {
                    self.advance();
                    let k = self.expr()?;
                    self.expect("]")?;
                    e = Expr::Index(Box::new(e), Box::new(k), line);
                }
                Tok::Sym(":") => {
                    self.advance();
                    let n = self.name()?;
                    let args = self.callargs()?;
                    e = Expr::Method(Box::new(e), n, args, line);
                }
                Tok::Sym("(") | Tok::Sym("{") | Tok::Str(_) => {
                    let args = self.callargs()?;
                    e = Expr::Call(Box::new(e), args, line);
                }
                _ => {
                    self.depth -= 1;
                    return Ok(e);
                }
            }
        }
    }

    fn callargs(&mut self) -> P<Vec<Expr>> {
        let line = self.line();
        match self.peek().clone() {
            Tok::Str(s) => {
                self.advance();
                Ok(vec![Expr::Str(s)])
            }
            Tok::Sym("{") => Ok(vec![self.table()?]),
            Tok::Sym("(") => {
                self.advance();
                if self.accept(")") {
                    return Ok(Vec::new());
                }
                let es = self.exprlist()?;
                self.expect_match(")", "(", line)?;
                Ok(es)
            }
            _ => self.error("function arguments expected"),
        }
    }

    fn table(&mut self) -> P<Expr> {
        let line = self.line();
        self.expect("{")?;
        let mut fields = Vec::new();
        while !self.is("}") {
            if self.is("[") {
                self.advance();
                let k = self.expr()?;
                self.expect("]")?;
                self.expect("=")?;
                let v = self.expr()?;
                fields.push(Field::Keyed(k, v));
            } else if matches!(self.peek(), Tok::Name(_)) && matches!(self.peek2(), Tok::Sym("=")) {
                let n = self.name()?;
                self.advance();
                let v = self.expr()?;
                fields.push(Field::Named(n.into_bytes(), v));
            } else {
                fields.push(Field::Pos(self.expr()?));
            }
            if !self.accept(",") && !self.accept(";") {
                break;
            }
        }
        self.expect_match("}", "{", line)?;
        Ok(Expr::Table(fields, line))
    }

    fn simpleexp(&mut self) -> P<Expr> {
        let line = self.line();
        let e = match self.peek().clone() {
            Tok::Int(i) => Expr::Int(i),
            Tok::Float(f) => Expr::Float(f),
            Tok::Str(s) => Expr::Str(s),
            Tok::Sym("nil") => Expr::Nil,
            Tok::Sym("true") => Expr::True,
            Tok::Sym("false") => Expr::False,
            Tok::Sym("...") => Expr::Vararg(line),
            Tok::Sym("{") => return self.table(),
            Tok::Sym("function") => {
                self.advance();
                let b = self.funcbody(false, "anonymous".into(), line)?;
                return Ok(Expr::Func(Box::new(b)));
            }
            _ => return self.suffixedexp(),
        };
        self.advance();
        Ok(e)
    }

    pub fn expr(&mut self) -> P<Expr> {
        self.subexpr(0)
    }

    fn subexpr(&mut self, limit: u8) -> P<Expr> {
        self.enter()?;
        let line = self.line();
        let unop = match self.peek() {
            Tok::Sym("not") => Some(UnOp::Not),
            Tok::Sym("-") => Some(UnOp::Neg),
            Tok::Sym("#") => Some(UnOp::Len),
            Tok::Sym("~") => Some(UnOp::BNot),
            _ => None,
        };
        let mut e = if let Some(op) = unop {
            self.advance();
            let x = self.subexpr(12)?;
            match (op, &x) {
                (UnOp::Neg, Expr::Int(i)) => Expr::Int(i.wrapping_neg()),
                (UnOp::Neg, Expr::Float(f)) => Expr::Float(-f),
                _ => Expr::Un(op, Box::new(x), line),
            }
        } else {
            self.simpleexp()?
        };
        loop {
            let line = self.line();
            let Some((op, lp, rp)) = binop(self.peek()) else {
                break;
            };
            if lp <= limit {
                break;
            }
            self.advance();
            let r = self.subexpr(rp)?;
            e = Expr::Bin(op, Box::new(e), Box::new(r), line);
        }
        self.depth -= 1;
        Ok(e)
    }
}

fn unreachable_return() -> Stat {
    // `return` is handled by `block` before `statement` is called.
    Stat::Break(0)
}

fn binop(t: &Tok) -> Option<(BinOp, u8, u8)> {
    let Tok::Sym(s) = t else { return None };
    Some(match *s {
        "+" => (BinOp::Add, 10, 10),
        "-" => (BinOp::Sub, 10, 10),
        "*" => (BinOp::Mul, 11, 11),
        "%" => (BinOp::Mod, 11, 11),
        "^" => (BinOp::Pow, 14, 13),
        "/" => (BinOp::Div, 11, 11),
        "//" => (BinOp::IDiv, 11, 11),
        "&" => (BinOp::BAnd, 6, 6),
        "|" => (BinOp::BOr, 4, 4),
        "~" => (BinOp::BXor, 5, 5),
        "<<" => (BinOp::Shl, 7, 7),
        ">>" => (BinOp::Shr, 7, 7),
        ".." => (BinOp::Concat, 9, 8),
        "==" => (BinOp::Eq, 3, 3),
        "~=" => (BinOp::Ne, 3, 3),
        "<" => (BinOp::Lt, 3, 3),
        "<=" => (BinOp::Le, 3, 3),
        ">" => (BinOp::Gt, 3, 3),
        ">=" => (BinOp::Ge, 3, 3),
        "and" => (BinOp::And, 2, 2),
        "or" => (BinOp::Or, 1, 1),
        _ => return None,
    })
}
