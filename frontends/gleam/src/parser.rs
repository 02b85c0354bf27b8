//! Recursive-descent parser for Gleam 1.x with recovery at top-level
//! definitions: after a syntax error the parser skips to the next `pub`,
//! `fn`, `type`, `const`, `import` or `@` at nesting depth zero, so one run
//! reports an error per broken definition.
//!
//! Desugarings done here (they need no types): `use` becomes a call with a
//! trailing anonymous function, a capture `f(_, 1)` becomes `fn(x) { f(x, 1) }`.

use eubeam_ir::Diagnostic;

use crate::ast::*;
use crate::lexer::{lex, Spanned, Tok};

/// Nesting limit for expressions, patterns and types; deeper input gets a
/// diagnostic instead of overflowing the stack.
pub const MAX_DEPTH: usize = 1000;

pub struct Parser<'a> {
    toks: Vec<Spanned>,
    pos: usize,
    file: &'a str,
    pub diags: Vec<Diagnostic>,
    depth: usize,
    fresh: usize,
}

type PResult<T> = Result<T, ()>;

pub fn parse_module(src: &str, file: &str) -> (Module, Vec<Diagnostic>) {
    let (toks, lex_diags) = lex(src, file);
    let mut p = Parser::new(toks, file);
    p.diags = lex_diags;
    let module = p.module();
    (module, p.diags)
}

impl<'a> Parser<'a> {
    pub fn new(toks: Vec<Spanned>, file: &'a str) -> Parser<'a> {
        Parser {
            toks,
            pos: 0,
            file,
            diags: Vec::new(),
            depth: 0,
            fresh: 0,
        }
    }

    fn peek(&self) -> &Tok {
        &self.toks[self.pos.min(self.toks.len() - 1)].0
    }

    fn peek_at(&self, n: usize) -> &Tok {
        &self.toks[(self.pos + n).min(self.toks.len() - 1)].0
    }

    fn span(&self) -> Span {
        self.toks[self.pos.min(self.toks.len() - 1)].1.clone()
    }

    fn prev_end(&self) -> usize {
        if self.pos == 0 {
            0
        } else {
            self.toks[(self.pos - 1).min(self.toks.len() - 1)].1.end
        }
    }

    fn bump(&mut self) -> Spanned {
        let t = self.toks[self.pos.min(self.toks.len() - 1)].clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == t {
            self.bump();
            true
        } else {
            false
        }
    }

    fn error<T>(&mut self, expected: &str) -> PResult<T> {
        let span = self.span();
        let found = self.peek().describe();
        self.diags.push(
            Diagnostic::error(self.file, span.clone(), "Syntax error")
                .with_label(span, "I was not expecting this")
                .with_note(format!("Found {found}, expected {expected}")),
        );
        Err(())
    }

    /// Clause guards are a small language in Gleam: variables, constants
    /// (module constants, literals, records and tuples of them), field and
    /// tuple access, operators. A function call there is Gleam's syntax
    /// error "Unsupported expression"; other non-guard forms get the same
    /// title so nothing outside the guard language reaches the lowering
    /// (where an Erlang guard would silently fail instead).
    fn check_guard(&mut self, e: &Expr) -> PResult<()> {
        let bad = |p: &mut Self, sp: &Span, note: &str| -> PResult<()> {
            p.diags.push(
                Diagnostic::error(p.file, sp.clone(), "Syntax error")
                    .with_label(sp.clone(), "Unsupported expression")
                    .with_note(note.to_string()),
            );
            Err(())
        };
        match &e.kind {
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Var { .. } => {
                Ok(())
            }
            ExprKind::Tuple(items) => items.iter().try_for_each(|i| self.check_guard(i)),
            ExprKind::List { elems, tail } => {
                elems.iter().try_for_each(|i| self.check_guard(i))?;
                tail.as_deref().map_or(Ok(()), |t| self.check_guard(t))
            }
            ExprKind::Call { fun, args } => {
                // A record constructor applied to constant arguments is a
                // constant; anything else is a function call.
                let is_ctor = match &fun.kind {
                    ExprKind::Var { name, .. } => name.starts_with(|c: char| c.is_uppercase()),
                    ExprKind::FieldAccess { label, .. } => {
                        label.starts_with(|c: char| c.is_uppercase())
                    }
                    _ => false,
                };
                if !is_ctor {
                    return bad(
                        self,
                        &e.span,
                        "Functions cannot be called in clause guards.",
                    );
                }
                args.iter().try_for_each(|a| self.check_guard(&a.value))
            }
            ExprKind::BinOp { left, right, .. } => {
                self.check_guard(left)?;
                self.check_guard(right)
            }
            ExprKind::NegateInt(x) | ExprKind::NegateBool(x) => self.check_guard(x),
            ExprKind::Block(stmts) => match stmts.as_slice() {
                [Stmt::Expr(x)] => self.check_guard(x),
                _ => bad(
                    self,
                    &e.span,
                    "Only expressions can appear in a clause guard's braces.",
                ),
            },
            ExprKind::FieldAccess { target, .. } | ExprKind::TupleIndex { target, .. } => {
                self.check_guard(target)
            }
            _ => bad(
                self,
                &e.span,
                "This expression cannot be used in a clause guard.",
            ),
        }
    }

    fn expect(&mut self, t: Tok) -> PResult<Span> {
        if self.peek() == &t {
            Ok(self.bump().1)
        } else {
            let want = t.describe();
            self.error(&want)
        }
    }

    fn name(&mut self) -> PResult<(String, Span)> {
        match self.peek().clone() {
            Tok::Name(n) => {
                let s = self.bump().1;
                Ok((n, s))
            }
            _ => self.error("a name"),
        }
    }

    fn up_name(&mut self) -> PResult<(String, Span)> {
        match self.peek().clone() {
            Tok::UpName(n) => {
                let s = self.bump().1;
                Ok((n, s))
            }
            _ => self.error("an upper case name"),
        }
    }

    fn string(&mut self) -> PResult<String> {
        match self.peek().clone() {
            Tok::Str(s) => {
                self.bump();
                Ok(s)
            }
            _ => self.error("a string"),
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let span = self.span();
            self.diags.push(
                Diagnostic::error(self.file, span.clone(), "Expression nested too deeply")
                    .with_label(span, format!("more than {MAX_DEPTH} levels of nesting")),
            );
            return Err(());
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn fresh_name(&mut self, base: &str) -> String {
        self.fresh += 1;
        format!("{base}@{}", self.fresh)
    }

    // ---------------------------------------------------------------- module

    pub fn module(&mut self) -> Module {
        let mut m = Module::default();
        while self.peek() != &Tok::Eof {
            let start = self.pos;
            if self.definition(&mut m).is_err() {
                self.depth = 0;
                self.recover(start);
            }
        }
        m
    }

    /// Skips to the next token that can start a definition.
    fn recover(&mut self, start: usize) {
        if self.pos == start {
            self.bump();
        }
        let mut depth: i64 = 0;
        loop {
            match self.peek() {
                Tok::Eof => return,
                Tok::LBrace | Tok::LParen | Tok::LBrack => depth += 1,
                Tok::RBrace | Tok::RParen | Tok::RBrack => depth -= 1,
                Tok::Pub | Tok::Fn | Tok::Type | Tok::Const | Tok::Import | Tok::At
                    if depth <= 0 =>
                {
                    return;
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// Gleam's error for a target other than `erlang` or `javascript`.
    fn unknown_target(&mut self, span: Span) {
        self.diags.push(
            Diagnostic::error(self.file, span.clone(), "Syntax error")
                .with_label(span, "I don't recognise this target")
                .with_note("Try `erlang`, `javascript`."),
        );
    }

    fn definition(&mut self, m: &mut Module) -> PResult<()> {
        let mut external = None;
        let mut js_external = false;
        let mut deprecated = None;
        let mut skip = false;
        let mut target_given = false;
        while self.peek() == &Tok::At {
            let at = self.bump().1;
            let (attr, _) = self.name()?;
            match attr.as_str() {
                "external" => {
                    self.expect(Tok::LParen)?;
                    let (target, target_span) = self.name()?;
                    self.expect(Tok::Comma)?;
                    let module = self.string()?;
                    self.expect(Tok::Comma)?;
                    let function = self.string()?;
                    self.eat(&Tok::Comma);
                    self.expect(Tok::RParen)?;
                    match target.as_str() {
                        "erlang" => external = Some((module, function)),
                        "javascript" => js_external = true,
                        _ => {
                            self.unknown_target(at.start..target_span.end);
                            return Err(());
                        }
                    }
                }
                "deprecated" => {
                    self.expect(Tok::LParen)?;
                    deprecated = Some(self.string()?);
                    self.expect(Tok::RParen)?;
                }
                "target" => {
                    self.expect(Tok::LParen)?;
                    let (target, target_span) = self.name()?;
                    self.expect(Tok::RParen)?;
                    if target_given {
                        let span = at.start..self.prev_end();
                        self.diags.push(
                            Diagnostic::error(self.file, span.clone(), "Syntax error")
                                .with_label(span, "Duplicate attribute")
                                .with_note("This attribute has already been given."),
                        );
                        return Err(());
                    }
                    target_given = true;
                    // `erl` and `js` are the deprecated shorthands.
                    let full = match target.as_str() {
                        "erlang" | "erl" => "erlang",
                        "javascript" | "js" => "javascript",
                        _ => {
                            self.unknown_target(target_span);
                            return Err(());
                        }
                    };
                    if full != target {
                        self.diags.push(
                            Diagnostic::warning(
                                self.file,
                                target_span.clone(),
                                "Deprecated target shorthand syntax",
                            )
                            .with_label(
                                target_span,
                                format!("This should be replaced with `{full}`"),
                            )
                            .with_note(format!(
                                "This shorthand target name is deprecated. Use the full name: `{full}` instead."
                            )),
                        );
                    }
                    // Definitions for the JavaScript target are left out,
                    // as the Gleam compiler leaves them out of Erlang code.
                    skip = full == "javascript";
                }
                "internal" => {}
                other => {
                    let span = at.start..self.prev_end();
                    self.diags.push(
                        Diagnostic::error(self.file, span.clone(), "Unknown attribute")
                            .with_label(span, format!("`@{other}` is not a Gleam attribute"))
                            .with_note("Gleam has @external, @deprecated, @target and @internal"),
                    );
                    return Err(());
                }
            }
        }
        let start = self.span().start;
        let public = self.eat(&Tok::Pub);
        match self.peek().clone() {
            Tok::Import => {
                let i = self.import()?;
                m.imports.push(i);
            }
            Tok::Fn => {
                let mut f = self.function(public, start)?;
                f.external = external;
                f.js_external = js_external;
                f.deprecated = deprecated;
                if !skip {
                    m.functions.push(f);
                }
            }
            Tok::Const => {
                self.bump();
                let (name, _) = self.name()?;
                let ann = if self.eat(&Tok::Colon) {
                    Some(self.type_ann()?)
                } else {
                    None
                };
                self.expect(Tok::Eq)?;
                let value = self.expr()?;
                if !skip {
                    m.consts.push(ConstDef {
                        name,
                        public,
                        ann,
                        value,
                        span: start..self.prev_end(),
                    });
                }
            }
            Tok::Type | Tok::Opaque => {
                let opaque = self.eat(&Tok::Opaque);
                self.expect(Tok::Type)?;
                if skip {
                    // Parsed for syntax errors, then dropped: JavaScript only.
                    let mut scratch = Module::default();
                    self.type_definition(&mut scratch, public, opaque, start)?;
                } else {
                    self.type_definition(m, public, opaque, start)?;
                }
            }
            _ => return self.error("a definition (fn, type, const or import)"),
        }
        Ok(())
    }

    pub(crate) fn import(&mut self) -> PResult<Import> {
        let start = self.expect(Tok::Import)?.start;
        let (first, s0) = self.name()?;
        let mut module = first;
        let mut mspan = s0;
        while self.peek() == &Tok::Slash {
            self.bump();
            let (n, s) = self.name()?;
            module.push('/');
            module.push_str(&n);
            mspan.end = s.end;
        }
        let mut values = Vec::new();
        let mut types = Vec::new();
        if self.peek() == &Tok::Dot && self.peek_at(1) == &Tok::LBrace {
            self.bump();
            self.bump();
            while self.peek() != &Tok::RBrace {
                let is_type = self.eat(&Tok::Type);
                let s = self.span();
                let name = match self.peek().clone() {
                    Tok::Name(n) | Tok::UpName(n) => {
                        self.bump();
                        n
                    }
                    _ => return self.error("a name to import"),
                };
                let alias = if self.eat(&Tok::As) {
                    match self.peek().clone() {
                        Tok::Name(n) | Tok::UpName(n) => {
                            self.bump();
                            Some(n)
                        }
                        _ => return self.error("a name"),
                    }
                } else {
                    None
                };
                let u = Unqualified {
                    name,
                    alias,
                    span: s.start..self.prev_end(),
                };
                if is_type {
                    types.push(u);
                } else {
                    values.push(u);
                }
                if !self.eat(&Tok::Comma) {
                    break;
                }
            }
            self.expect(Tok::RBrace)?;
        }
        let alias = if self.eat(&Tok::As) {
            match self.peek().clone() {
                Tok::Name(n) | Tok::Discard(n) => {
                    self.bump();
                    n
                }
                _ => return self.error("a module alias"),
            }
        } else {
            module.rsplit('/').next().unwrap_or(&module).to_string()
        };
        Ok(Import {
            module,
            module_span: mspan,
            alias,
            values,
            types,
            span: start..self.prev_end(),
        })
    }

    fn type_definition(
        &mut self,
        m: &mut Module,
        public: bool,
        opaque: bool,
        start: usize,
    ) -> PResult<()> {
        let (name, _) = self.up_name()?;
        let mut params = Vec::new();
        if self.eat(&Tok::LParen) {
            while self.peek() != &Tok::RParen {
                params.push(self.name()?.0);
                if !self.eat(&Tok::Comma) {
                    break;
                }
            }
            self.expect(Tok::RParen)?;
        }
        if self.eat(&Tok::Eq) {
            let ty = self.type_ann()?;
            m.aliases.push(TypeAlias {
                name,
                public,
                params,
                ty,
                span: start..self.prev_end(),
            });
            return Ok(());
        }
        let mut constructors = Vec::new();
        if self.eat(&Tok::LBrace) {
            while self.peek() != &Tok::RBrace {
                let (cname, cspan) = self.up_name()?;
                let mut fields = Vec::new();
                if self.eat(&Tok::LParen) {
                    while self.peek() != &Tok::RParen {
                        let label = if matches!(self.peek(), Tok::Name(_))
                            && self.peek_at(1) == &Tok::Colon
                        {
                            let (l, _) = self.name()?;
                            self.bump();
                            Some(l)
                        } else {
                            None
                        };
                        fields.push((label, self.type_ann()?));
                        if !self.eat(&Tok::Comma) {
                            break;
                        }
                    }
                    self.expect(Tok::RParen)?;
                }
                constructors.push(ConstructorDef {
                    name: cname,
                    fields,
                    span: cspan.start..self.prev_end(),
                });
            }
            self.expect(Tok::RBrace)?;
        }
        m.types.push(TypeDef {
            name,
            public,
            opaque,
            params,
            constructors,
            span: start..self.prev_end(),
        });
        Ok(())
    }

    fn function(&mut self, public: bool, start: usize) -> PResult<FnDef> {
        self.expect(Tok::Fn)?;
        let (name, name_span) = self.name()?;
        let params = self.params(true)?;
        let ret = if self.eat(&Tok::RArrow) {
            Some(self.type_ann()?)
        } else {
            None
        };
        let body = if self.peek() == &Tok::LBrace {
            self.bump();
            Some(self.block_body()?)
        } else {
            None
        };
        Ok(FnDef {
            name,
            name_span,
            public,
            params,
            ret,
            body,
            external: None,
            js_external: false,
            deprecated: None,
            span: start..self.prev_end(),
        })
    }

    /// `(label name: Type, name, _)`; labels only on top-level functions.
    fn params(&mut self, labels: bool) -> PResult<Vec<Param>> {
        self.expect(Tok::LParen)?;
        let mut params = Vec::new();
        while self.peek() != &Tok::RParen {
            let s = self.span();
            let mut label = None;
            let name = match (self.peek().clone(), self.peek_at(1).clone()) {
                (Tok::Name(l), Tok::Name(n) | Tok::Discard(n)) if labels => {
                    self.bump();
                    self.bump();
                    label = Some(l);
                    n
                }
                (Tok::Name(n) | Tok::Discard(n), _) => {
                    self.bump();
                    n
                }
                _ => return self.error("a parameter name"),
            };
            let ann = if self.eat(&Tok::Colon) {
                Some(self.type_ann()?)
            } else {
                None
            };
            params.push(Param {
                label,
                name,
                ann,
                span: s.start..self.prev_end(),
            });
            if !self.eat(&Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RParen)?;
        Ok(params)
    }

    // ----------------------------------------------------------------- types

    pub(crate) fn type_ann(&mut self) -> PResult<TypeAnn> {
        self.enter()?;
        let r = self.type_ann_inner();
        self.leave();
        r
    }

    fn type_ann_inner(&mut self) -> PResult<TypeAnn> {
        let s = self.span();
        match self.peek().clone() {
            Tok::Fn => {
                self.bump();
                self.expect(Tok::LParen)?;
                let mut args = Vec::new();
                while self.peek() != &Tok::RParen {
                    args.push(self.type_ann()?);
                    if !self.eat(&Tok::Comma) {
                        break;
                    }
                }
                self.expect(Tok::RParen)?;
                self.expect(Tok::RArrow)?;
                let ret = self.type_ann()?;
                Ok(TypeAnn::Fn {
                    args,
                    ret: Box::new(ret),
                    span: s.start..self.prev_end(),
                })
            }
            Tok::Hash => {
                self.bump();
                let items = self.type_args()?;
                Ok(TypeAnn::Tuple(items, s.start..self.prev_end()))
            }
            Tok::Discard(_) => {
                self.bump();
                Ok(TypeAnn::Hole(s))
            }
            Tok::Name(n) => {
                self.bump();
                if self.peek() == &Tok::Dot {
                    self.bump();
                    let (name, _) = self.up_name()?;
                    let args = if self.peek() == &Tok::LParen {
                        self.type_args()?
                    } else {
                        Vec::new()
                    };
                    return Ok(TypeAnn::Named {
                        module: Some(n),
                        name,
                        args,
                        span: s.start..self.prev_end(),
                    });
                }
                Ok(TypeAnn::Var(n, s))
            }
            Tok::UpName(name) => {
                self.bump();
                let args = if self.peek() == &Tok::LParen {
                    self.type_args()?
                } else {
                    Vec::new()
                };
                Ok(TypeAnn::Named {
                    module: None,
                    name,
                    args,
                    span: s.start..self.prev_end(),
                })
            }
            _ => self.error("a type"),
        }
    }

    fn type_args(&mut self) -> PResult<Vec<TypeAnn>> {
        self.expect(Tok::LParen)?;
        let mut args = Vec::new();
        while self.peek() != &Tok::RParen {
            args.push(self.type_ann()?);
            if !self.eat(&Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RParen)?;
        Ok(args)
    }

    // ------------------------------------------------------------ statements

    /// Statements up to and including the closing `}`.
    fn block_body(&mut self) -> PResult<Vec<Stmt>> {
        let open = self.prev_end();
        let mut stmts = Vec::new();
        while self.peek() != &Tok::RBrace {
            if self.peek() == &Tok::Eof {
                return self.error("`}`");
            }
            if self.peek() == &Tok::Use {
                let use_stmt = self.use_stmt(open)?;
                stmts.push(use_stmt);
                return Ok(stmts);
            }
            stmts.push(self.statement()?);
        }
        self.bump();
        if stmts.is_empty() {
            let span = open.saturating_sub(1)..self.prev_end();
            self.diags.push(
                Diagnostic::error(self.file, span.clone(), "Empty block")
                    .with_label(span, "a block must contain at least one expression"),
            );
        }
        Ok(stmts)
    }

    /// `use a, b <- f(x)` followed by the rest of the block, which becomes the
    /// body of the callback: `f(x, fn(a, b) { rest })`.
    fn use_stmt(&mut self, _open: usize) -> PResult<Stmt> {
        let start = self.bump().1.start;
        let mut pats = Vec::new();
        while self.peek() != &Tok::LArrow {
            let p = self.pattern()?;
            let ann = if self.eat(&Tok::Colon) {
                Some(self.type_ann()?)
            } else {
                None
            };
            pats.push((p, ann));
            if !self.eat(&Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::LArrow)?;
        let call = self.expr()?;
        let use_span = start..self.prev_end();
        let mut rest = Vec::new();
        while self.peek() != &Tok::RBrace {
            if self.peek() == &Tok::Eof {
                return self.error("`}`");
            }
            if self.peek() == &Tok::Use {
                rest.push(self.use_stmt(start)?);
                break;
            }
            rest.push(self.statement()?);
        }
        if self.peek() == &Tok::RBrace {
            self.bump();
        }
        let mut params = Vec::new();
        let mut lets = Vec::new();
        for (p, ann) in pats {
            match &p.kind {
                PatternKind::Var(n) | PatternKind::Discard(n) => params.push(Param {
                    label: None,
                    name: n.clone(),
                    ann,
                    span: p.span.clone(),
                }),
                _ => {
                    let v = self.fresh_name("use");
                    params.push(Param {
                        label: None,
                        name: v.clone(),
                        ann: None,
                        span: p.span.clone(),
                    });
                    let span = p.span.clone();
                    lets.push(Stmt::Let {
                        pattern: p,
                        ann,
                        value: Expr {
                            kind: ExprKind::Var {
                                name: v,
                                res: Res::Unresolved,
                            },
                            span: span.clone(),
                        },
                        assert: false,
                        message: None,
                        span,
                    });
                }
            }
        }
        if rest.is_empty() {
            self.diags.push(
                Diagnostic::error(
                    self.file,
                    use_span.clone(),
                    "Use must be followed by other expressions",
                )
                .with_label(use_span.clone(), "nothing follows this `use`"),
            );
            return Err(());
        }
        lets.extend(rest);
        let body_span = use_span.end..self.prev_end();
        let callback = Expr {
            kind: ExprKind::Fn {
                params,
                ret: None,
                body: lets,
            },
            span: body_span,
        };
        let cb_arg = Arg {
            piped: false,
            label: None,
            span: callback.span.clone(),
            value: callback,
        };
        let kind = match call.kind {
            ExprKind::Call { fun, mut args } => {
                args.push(cb_arg);
                ExprKind::Call { fun, args }
            }
            other => ExprKind::Call {
                fun: Box::new(Expr {
                    kind: other,
                    span: call.span.clone(),
                }),
                args: vec![cb_arg],
            },
        };
        Ok(Stmt::Expr(Expr {
            kind,
            span: use_span,
        }))
    }

    /// Shell input: statements up to the end of the input.
    pub(crate) fn shell_statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmts = Vec::new();
        while self.peek() != &Tok::Eof {
            if self.peek() == &Tok::Use {
                let span = self.span();
                self.diags.push(Diagnostic::unsupported(
                    self.file,
                    span,
                    "`use` at the top level of the shell",
                ));
                return Err(());
            }
            stmts.push(self.statement()?);
        }
        Ok(stmts)
    }

    pub(crate) fn at_eof(&self) -> bool {
        self.peek() == &Tok::Eof
    }

    pub(crate) fn peek_tok(&self) -> &Tok {
        self.peek()
    }

    fn statement(&mut self) -> PResult<Stmt> {
        if self.peek() == &Tok::Let {
            let start = self.bump().1.start;
            let assert = self.eat(&Tok::Assert);
            let pattern = self.pattern()?;
            let ann = if self.eat(&Tok::Colon) {
                Some(self.type_ann()?)
            } else {
                None
            };
            self.expect(Tok::Eq)?;
            let value = self.expr()?;
            let message = if assert && self.eat(&Tok::As) {
                Some(self.expr_unit()?)
            } else {
                None
            };
            return Ok(Stmt::Let {
                pattern,
                ann,
                value,
                assert,
                message,
                span: start..self.prev_end(),
            });
        }
        if self.peek() == &Tok::Assert {
            let start = self.bump().1.start;
            let value = self.expr()?;
            let message = if self.eat(&Tok::As) {
                Some(Box::new(self.expr_unit()?))
            } else {
                None
            };
            return Ok(Stmt::Expr(self.mk(
                ExprKind::Assert {
                    value: Box::new(value),
                    message,
                },
                start,
            )));
        }
        Ok(Stmt::Expr(self.expr()?))
    }

    // ----------------------------------------------------------- expressions

    pub(crate) fn expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.binary(0);
        self.leave();
        r
    }

    fn binop(&self) -> Option<(u8, Option<BinOp>)> {
        let op = match self.peek() {
            Tok::BarBar => (1, Some(BinOp::Or)),
            Tok::AmpAmp => (2, Some(BinOp::And)),
            Tok::EqEq => (3, Some(BinOp::Eq)),
            Tok::NotEq => (3, Some(BinOp::NotEq)),
            Tok::Lt => (4, Some(BinOp::LtInt)),
            Tok::Gt => (4, Some(BinOp::GtInt)),
            Tok::LtEq => (4, Some(BinOp::LtEqInt)),
            Tok::GtEq => (4, Some(BinOp::GtEqInt)),
            Tok::LtDot => (4, Some(BinOp::LtFloat)),
            Tok::GtDot => (4, Some(BinOp::GtFloat)),
            Tok::LtEqDot => (4, Some(BinOp::LtEqFloat)),
            Tok::GtEqDot => (4, Some(BinOp::GtEqFloat)),
            Tok::LtGt => (5, Some(BinOp::Concat)),
            Tok::Pipe => (6, None),
            Tok::Plus => (7, Some(BinOp::AddInt)),
            Tok::Minus => (7, Some(BinOp::SubInt)),
            Tok::PlusDot => (7, Some(BinOp::AddFloat)),
            Tok::MinusDot => (7, Some(BinOp::SubFloat)),
            Tok::Star => (8, Some(BinOp::MultInt)),
            Tok::Slash => (8, Some(BinOp::DivInt)),
            Tok::Percent => (8, Some(BinOp::RemInt)),
            Tok::StarDot => (8, Some(BinOp::MultFloat)),
            Tok::SlashDot => (8, Some(BinOp::DivFloat)),
            _ => return None,
        };
        Some(op)
    }

    /// Precedence climbing; every operator is left-associative.
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let mut left = self.expr_unit()?;
        // A chain of left-associative operators nests as deeply as it is
        // long; it counts against the nesting limit like brackets do.
        let mut chain = 0;
        while let Some((prec, op)) = self.binop() {
            if prec <= min {
                break;
            }
            chain += 1;
            if self.depth + chain > MAX_DEPTH {
                let span = self.span();
                self.diags.push(
                    Diagnostic::error(self.file, span.clone(), "Expression nested too deeply")
                        .with_label(
                            span,
                            format!("more than {MAX_DEPTH} operators in one chain"),
                        ),
                );
                return Err(());
            }
            self.bump();
            let right = self.binary(prec)?;
            let span = left.span.start..right.span.end;
            let kind = match op {
                Some(op) => ExprKind::BinOp {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                },
                None => ExprKind::Pipe {
                    left: Box::new(left),
                    right: Box::new(right),
                },
            };
            left = Expr { kind, span };
        }
        Ok(left)
    }

    fn expr_unit(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expr_unit_inner();
        self.leave();
        r
    }

    fn expr_unit_inner(&mut self) -> PResult<Expr> {
        let s = self.span();
        match self.peek().clone() {
            Tok::Minus => {
                self.bump();
                match self.peek().clone() {
                    Tok::Int(i) if self.span().start == s.end => {
                        self.bump();
                        let e = self.mk(ExprKind::Int(format!("-{i}")), s.start);
                        return self.postfix(e);
                    }
                    Tok::Float(f) if self.span().start == s.end => {
                        self.bump();
                        let e = self.mk(ExprKind::Float(format!("-{f}")), s.start);
                        return self.postfix(e);
                    }
                    _ => {}
                }
                let e = self.expr_unit()?;
                Ok(self.mk(ExprKind::NegateInt(Box::new(e)), s.start))
            }
            Tok::Bang => {
                self.bump();
                let e = self.expr_unit()?;
                Ok(self.mk(ExprKind::NegateBool(Box::new(e)), s.start))
            }
            _ => {
                let e = self.primary()?;
                self.postfix(e)
            }
        }
    }

    fn mk(&self, kind: ExprKind, start: usize) -> Expr {
        Expr {
            kind,
            span: start..self.prev_end(),
        }
    }

    fn postfix(&mut self, mut e: Expr) -> PResult<Expr> {
        let mut chain = 0;
        loop {
            chain += 1;
            if self.depth + chain > MAX_DEPTH {
                let span = self.span();
                self.diags.push(
                    Diagnostic::error(self.file, span.clone(), "Expression nested too deeply")
                        .with_label(
                            span,
                            format!("more than {MAX_DEPTH} calls or accesses in one chain"),
                        ),
                );
                return Err(());
            }
            match self.peek().clone() {
                Tok::LParen => {
                    let start = e.span.start;
                    e = self.call(e, start)?;
                }
                Tok::Dot => {
                    self.bump();
                    let start = e.span.start;
                    match self.peek().clone() {
                        Tok::Name(label) | Tok::UpName(label) => {
                            let label_span = self.bump().1;
                            e = self.mk(
                                ExprKind::FieldAccess {
                                    target: Box::new(e),
                                    label,
                                    label_span,
                                    access: Access::Unresolved,
                                },
                                start,
                            );
                        }
                        Tok::Int(i) => {
                            self.bump();
                            let index = i.parse().unwrap_or(usize::MAX);
                            e = self.mk(
                                ExprKind::TupleIndex {
                                    target: Box::new(e),
                                    index,
                                },
                                start,
                            );
                        }
                        Tok::Float(f) => {
                            // `t.0.1` lexes `0.1` as a float: two indexes.
                            self.bump();
                            for part in f.split('.').filter(|p| !p.is_empty()) {
                                let index = part.parse().unwrap_or(usize::MAX);
                                e = self.mk(
                                    ExprKind::TupleIndex {
                                        target: Box::new(e),
                                        index,
                                    },
                                    start,
                                );
                            }
                        }
                        _ => return self.error("a field name or tuple index"),
                    }
                }
                _ => return Ok(e),
            }
        }
    }

    /// A call's argument list. `_` arguments make the call a capture; a
    /// constructor call beginning `..base` is a record update.
    fn call(&mut self, fun: Expr, start: usize) -> PResult<Expr> {
        self.expect(Tok::LParen)?;
        if self.peek() == &Tok::DotDot {
            self.bump();
            let base = self.expr()?;
            let mut fields = Vec::new();
            while self.eat(&Tok::Comma) {
                if self.peek() == &Tok::RParen {
                    break;
                }
                let (label, ls) = self.name()?;
                self.expect(Tok::Colon)?;
                let value = if matches!(self.peek(), Tok::Comma | Tok::RParen) {
                    Expr {
                        kind: ExprKind::Var {
                            name: label.clone(),
                            res: Res::Unresolved,
                        },
                        span: ls.clone(),
                    }
                } else {
                    self.expr()?
                };
                fields.push((label, value, ls.start..self.prev_end()));
            }
            self.expect(Tok::RParen)?;
            return Ok(self.mk(
                ExprKind::RecordUpdate {
                    constructor: Box::new(fun),
                    base: Box::new(base),
                    fields,
                    plan: None,
                },
                start,
            ));
        }
        let mut args = Vec::new();
        let mut capture: Option<String> = None;
        while self.peek() != &Tok::RParen {
            let s = self.span();
            let label = if matches!(self.peek(), Tok::Name(_)) && self.peek_at(1) == &Tok::Colon {
                let (l, ls) = self.name()?;
                self.bump();
                if matches!(self.peek(), Tok::Comma | Tok::RParen) {
                    // Shorthand `label:` passes the variable of that name.
                    args.push(Arg {
                        piped: false,
                        label: Some(l.clone()),
                        value: Expr {
                            kind: ExprKind::Var {
                                name: l,
                                res: Res::Unresolved,
                            },
                            span: ls,
                        },
                        span: s.start..self.prev_end(),
                    });
                    if !self.eat(&Tok::Comma) {
                        break;
                    }
                    continue;
                }
                Some(l)
            } else {
                None
            };
            let value = if self.peek() == &Tok::Discard("_".into())
                && matches!(self.peek_at(1), Tok::Comma | Tok::RParen)
            {
                let sp = self.bump().1;
                if capture.is_some() {
                    self.diags.push(
                        Diagnostic::error(self.file, sp.clone(), "Invalid capture")
                            .with_label(sp.clone(), "a function capture can have only one `_`"),
                    );
                    return Err(());
                }
                let v = self.fresh_name("capture");
                capture = Some(v.clone());
                Expr {
                    kind: ExprKind::Var {
                        name: v,
                        res: Res::Unresolved,
                    },
                    span: sp,
                }
            } else {
                self.expr()?
            };
            args.push(Arg {
                piped: false,
                label,
                value,
                span: s.start..self.prev_end(),
            });
            if !self.eat(&Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RParen)?;
        let call = self.mk(
            ExprKind::Call {
                fun: Box::new(fun),
                args,
            },
            start,
        );
        Ok(match capture {
            None => call,
            Some(v) => {
                let span = call.span.clone();
                Expr {
                    kind: ExprKind::Fn {
                        params: vec![Param {
                            label: None,
                            name: v,
                            ann: None,
                            span: span.clone(),
                        }],
                        ret: None,
                        body: vec![Stmt::Expr(call)],
                    },
                    span,
                }
            }
        })
    }

    fn primary(&mut self) -> PResult<Expr> {
        let s = self.span();
        let start = s.start;
        match self.peek().clone() {
            Tok::Int(i) => {
                self.bump();
                Ok(self.mk(ExprKind::Int(i), start))
            }
            Tok::Float(f) => {
                self.bump();
                Ok(self.mk(ExprKind::Float(f), start))
            }
            Tok::Str(st) => {
                self.bump();
                Ok(self.mk(ExprKind::Str(st), start))
            }
            Tok::Name(n) | Tok::UpName(n) => {
                self.bump();
                Ok(self.mk(
                    ExprKind::Var {
                        name: n,
                        res: Res::Unresolved,
                    },
                    start,
                ))
            }
            Tok::Discard(n) => {
                let sp = self.bump().1;
                self.diags.push(
                    Diagnostic::error(self.file, sp.clone(), "Invalid use of a discarded name")
                        .with_label(sp, format!("`{n}` is discarded and cannot be used"))
                        .with_note("names starting with `_` are not bound, so they cannot be read"),
                );
                Err(())
            }
            Tok::Hash => {
                self.bump();
                self.expect(Tok::LParen)?;
                let items = self.expr_list(&Tok::RParen)?;
                self.expect(Tok::RParen)?;
                Ok(self.mk(ExprKind::Tuple(items), start))
            }
            Tok::LBrack => {
                self.bump();
                let mut elems = Vec::new();
                let mut tail = None;
                while self.peek() != &Tok::RBrack {
                    if self.eat(&Tok::DotDot) {
                        tail = Some(Box::new(self.expr()?));
                        self.eat(&Tok::Comma);
                        break;
                    }
                    elems.push(self.expr()?);
                    if !self.eat(&Tok::Comma) {
                        break;
                    }
                }
                self.expect(Tok::RBrack)?;
                Ok(self.mk(ExprKind::List { elems, tail }, start))
            }
            Tok::Fn => {
                self.bump();
                let params = self.params(false)?;
                let ret = if self.eat(&Tok::RArrow) {
                    Some(self.type_ann()?)
                } else {
                    None
                };
                self.expect(Tok::LBrace)?;
                let body = self.block_body()?;
                Ok(self.mk(ExprKind::Fn { params, ret, body }, start))
            }
            Tok::LBrace => {
                self.bump();
                let body = self.block_body()?;
                Ok(self.mk(ExprKind::Block(body), start))
            }
            Tok::Case => self.case(start),
            Tok::Todo | Tok::Panic => {
                let is_todo = self.bump().0 == Tok::Todo;
                let msg = if self.eat(&Tok::As) {
                    Some(Box::new(self.expr_unit()?))
                } else {
                    None
                };
                let kind = if is_todo {
                    ExprKind::Todo(msg)
                } else {
                    ExprKind::Panic(msg)
                };
                Ok(self.mk(kind, start))
            }
            Tok::Echo => {
                self.bump();
                let e = self.expr()?;
                Ok(self.mk(ExprKind::Echo(Box::new(e)), start))
            }
            Tok::LtLt => {
                self.bump();
                let mut segs = Vec::new();
                while self.peek() != &Tok::GtGt {
                    let ss = self.span().start;
                    let value = self.expr_unit()?;
                    let options = self.segment_options()?;
                    segs.push(Segment {
                        value,
                        options,
                        span: ss..self.prev_end(),
                    });
                    if !self.eat(&Tok::Comma) {
                        break;
                    }
                }
                self.expect(Tok::GtGt)?;
                Ok(self.mk(ExprKind::BitArray(segs), start))
            }
            _ => self.error("an expression"),
        }
    }

    fn segment_options(&mut self) -> PResult<Vec<SegOpt>> {
        let mut opts = Vec::new();
        if !self.eat(&Tok::Colon) {
            return Ok(opts);
        }
        loop {
            let s = self.span();
            match self.peek().clone() {
                Tok::Name(n) if n == "size" || n == "unit" => {
                    self.bump();
                    self.expect(Tok::LParen)?;
                    if n == "size" {
                        opts.push(SegOpt::Size(self.expr()?));
                    } else {
                        let u = match self.peek().clone() {
                            Tok::Int(i) => {
                                self.bump();
                                i.parse::<u8>().unwrap_or(0)
                            }
                            _ => return self.error("an integer unit"),
                        };
                        opts.push(SegOpt::Unit(u, s.clone()));
                    }
                    self.expect(Tok::RParen)?;
                }
                Tok::Name(n) => {
                    self.bump();
                    opts.push(SegOpt::Flag(n, s));
                }
                Tok::Minus if matches!(self.peek_at(1), Tok::Int(_)) => {
                    self.bump();
                    if let Tok::Int(i) = self.bump().0 {
                        opts.push(SegOpt::Size(Expr {
                            kind: ExprKind::Int(format!("-{i}")),
                            span: s.start..self.prev_end(),
                        }));
                    }
                }
                Tok::Int(i) => {
                    // `x:8` is short for `x:size(8)`.
                    self.bump();
                    opts.push(SegOpt::Size(Expr {
                        kind: ExprKind::Int(i),
                        span: s,
                    }));
                }
                _ => return self.error("a bit array segment option"),
            }
            if !self.eat(&Tok::Minus) {
                break;
            }
        }
        Ok(opts)
    }

    fn expr_list(&mut self, close: &Tok) -> PResult<Vec<Expr>> {
        let mut items = Vec::new();
        while self.peek() != close {
            items.push(self.expr()?);
            if !self.eat(&Tok::Comma) {
                break;
            }
        }
        Ok(items)
    }

    fn case(&mut self, start: usize) -> PResult<Expr> {
        self.expect(Tok::Case)?;
        let mut subjects = vec![self.expr()?];
        while self.eat(&Tok::Comma) {
            subjects.push(self.expr()?);
        }
        self.expect(Tok::LBrace)?;
        let mut clauses = Vec::new();
        while self.peek() != &Tok::RBrace {
            let cs = self.span().start;
            let mut alternatives = Vec::new();
            loop {
                let mut pats = vec![self.pattern()?];
                while self.eat(&Tok::Comma) {
                    pats.push(self.pattern()?);
                }
                alternatives.push(pats);
                if !self.eat(&Tok::Bar) {
                    break;
                }
            }
            let guard = if self.eat(&Tok::If) {
                let g = self.expr()?;
                self.check_guard(&g)?;
                Some(g)
            } else {
                None
            };
            self.expect(Tok::RArrow)?;
            let body = self.expr()?;
            clauses.push(Clause {
                alternatives,
                guard,
                body,
                span: cs..self.prev_end(),
            });
        }
        self.expect(Tok::RBrace)?;
        Ok(self.mk(ExprKind::Case { subjects, clauses }, start))
    }

    // -------------------------------------------------------------- patterns

    pub(crate) fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.span().start;
        let mut p = self.pattern_unit()?;
        while self.eat(&Tok::As) {
            let (n, _) = self.name()?;
            p = Pattern {
                kind: PatternKind::Assign(Box::new(p), n),
                span: start..self.prev_end(),
            };
        }
        Ok(p)
    }

    fn pmk(&self, kind: PatternKind, start: usize) -> Pattern {
        Pattern {
            kind,
            span: start..self.prev_end(),
        }
    }

    fn pattern_unit(&mut self) -> PResult<Pattern> {
        let s = self.span();
        let start = s.start;
        match self.peek().clone() {
            Tok::Name(n) => {
                self.bump();
                if self.peek() == &Tok::Dot {
                    self.bump();
                    let (name, _) = self.up_name()?;
                    return self.constructor_pattern(Some(n), name, start);
                }
                Ok(self.pmk(PatternKind::Var(n), start))
            }
            Tok::Discard(n) => {
                self.bump();
                Ok(self.pmk(PatternKind::Discard(n), start))
            }
            Tok::Int(i) => {
                self.bump();
                Ok(self.pmk(PatternKind::Int(i), start))
            }
            Tok::Float(f) => {
                self.bump();
                Ok(self.pmk(PatternKind::Float(f), start))
            }
            Tok::Minus => {
                self.bump();
                match self.peek().clone() {
                    Tok::Int(i) => {
                        self.bump();
                        Ok(self.pmk(PatternKind::Int(format!("-{i}")), start))
                    }
                    Tok::Float(f) => {
                        self.bump();
                        Ok(self.pmk(PatternKind::Float(format!("-{f}")), start))
                    }
                    _ => self.error("a number"),
                }
            }
            Tok::Str(st) => {
                self.bump();
                let mut prefix_name = None;
                if self.peek() == &Tok::As
                    && matches!(self.peek_at(1), Tok::Name(_))
                    && self.peek_at(2) == &Tok::LtGt
                {
                    self.bump();
                    prefix_name = Some(self.name()?.0);
                }
                if self.eat(&Tok::LtGt) {
                    let rest = match self.peek().clone() {
                        Tok::Name(n) | Tok::Discard(n) => {
                            self.bump();
                            n
                        }
                        _ => return self.error("a name for the rest of the string"),
                    };
                    return Ok(self.pmk(
                        PatternKind::Prefix {
                            prefix: st,
                            prefix_name,
                            rest,
                        },
                        start,
                    ));
                }
                Ok(self.pmk(PatternKind::Str(st), start))
            }
            Tok::Hash => {
                self.bump();
                self.expect(Tok::LParen)?;
                let mut items = Vec::new();
                while self.peek() != &Tok::RParen {
                    items.push(self.pattern()?);
                    if !self.eat(&Tok::Comma) {
                        break;
                    }
                }
                self.expect(Tok::RParen)?;
                Ok(self.pmk(PatternKind::Tuple(items), start))
            }
            Tok::LBrack => {
                self.bump();
                let mut elems = Vec::new();
                let mut tail = None;
                while self.peek() != &Tok::RBrack {
                    if self.peek() == &Tok::DotDot {
                        let ds = self.bump().1;
                        let t = if matches!(self.peek(), Tok::RBrack | Tok::Comma) {
                            Pattern {
                                kind: PatternKind::Discard("_".into()),
                                span: ds,
                            }
                        } else {
                            self.pattern()?
                        };
                        tail = Some(Box::new(t));
                        self.eat(&Tok::Comma);
                        break;
                    }
                    elems.push(self.pattern()?);
                    if !self.eat(&Tok::Comma) {
                        break;
                    }
                }
                self.expect(Tok::RBrack)?;
                Ok(self.pmk(PatternKind::List { elems, tail }, start))
            }
            Tok::UpName(n) => {
                self.bump();
                self.constructor_pattern(None, n, start)
            }
            Tok::LtLt => {
                self.bump();
                let mut segs = Vec::new();
                while self.peek() != &Tok::GtGt {
                    let ss = self.span().start;
                    let value = self.pattern_unit()?;
                    let options = self.segment_options()?;
                    segs.push(Segment {
                        value,
                        options,
                        span: ss..self.prev_end(),
                    });
                    if !self.eat(&Tok::Comma) {
                        break;
                    }
                }
                self.expect(Tok::GtGt)?;
                Ok(self.pmk(PatternKind::BitArray(segs), start))
            }
            _ => self.error("a pattern"),
        }
    }

    fn constructor_pattern(
        &mut self,
        module: Option<String>,
        name: String,
        start: usize,
    ) -> PResult<Pattern> {
        let mut args = Vec::new();
        let mut spread = false;
        if self.eat(&Tok::LParen) {
            while self.peek() != &Tok::RParen {
                if self.eat(&Tok::DotDot) {
                    spread = true;
                    self.eat(&Tok::Comma);
                    break;
                }
                let label = if matches!(self.peek(), Tok::Name(_)) && self.peek_at(1) == &Tok::Colon
                {
                    let (l, ls) = self.name()?;
                    self.bump();
                    if matches!(self.peek(), Tok::Comma | Tok::RParen) {
                        args.push((
                            Some(l.clone()),
                            Pattern {
                                kind: PatternKind::Var(l),
                                span: ls,
                            },
                        ));
                        if !self.eat(&Tok::Comma) {
                            break;
                        }
                        continue;
                    }
                    Some(l)
                } else {
                    None
                };
                args.push((label, self.pattern()?));
                if !self.eat(&Tok::Comma) {
                    break;
                }
            }
            self.expect(Tok::RParen)?;
        }
        Ok(self.pmk(
            PatternKind::Constructor {
                module,
                name,
                args,
                spread,
                res: None,
            },
            start,
        ))
    }
}
