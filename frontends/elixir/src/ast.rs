//! The Elixir AST, close to Elixir's own quoted form: a call or special form
//! is `{name, meta, args}` ([`Kind::Call`]), so that `quote`/`unquote` and
//! user macros can later work on the same shape.

/// Byte range in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ast {
    pub kind: Kind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// Integer as decimal text (may exceed `i64`).
    Int(String),
    Float(f64),
    Atom(String),
    /// A UTF-8 string literal without interpolation (a binary).
    Str(String),
    /// `'abc'` / `~c(abc)`: a list of code points.
    Charlist(String),
    List(Vec<Ast>),
    /// Tuples of any size (Elixir's quoted form keeps 2-tuples literal and
    /// writes others as `{:{}, meta, args}`; one shape is simpler here).
    Tuple(Vec<Ast>),
    Var(String),
    /// `Foo.Bar`: the segments.
    Alias(Vec<String>),
    /// A local call, an operator or a special form: `{name, meta, args}`.
    /// Special names: `__block__`, `fn`, `->`, `%{}`, `%`, `<<>>`, `&`, `^`,
    /// `when`, `|`, `=`, `@`, `..`, `..//`, `__args__` (parenthesised stab
    /// heads), `interp` (string with interpolation: parts are `Str` or any
    /// expression).
    Call {
        name: String,
        args: Vec<Ast>,
        parens: bool,
    },
    /// `target.name(args)`: remote call or field access (`parens == false`
    /// and no args).
    Remote {
        target: Box<Ast>,
        name: String,
        args: Vec<Ast>,
        parens: bool,
    },
    /// `fun.(args)`.
    Apply {
        fun: Box<Ast>,
        args: Vec<Ast>,
    },
}

impl Ast {
    pub fn new(kind: Kind, span: Span) -> Ast {
        Ast { kind, span }
    }
    pub fn call(name: &str, args: Vec<Ast>, span: Span) -> Ast {
        Ast::new(
            Kind::Call {
                name: name.to_string(),
                args,
                parens: true,
            },
            span,
        )
    }
    pub fn atom(a: &str, span: Span) -> Ast {
        Ast::new(Kind::Atom(a.to_string()), span)
    }
    /// `name(args)` special form or operator with this name?
    pub fn is_call(&self, n: &str) -> bool {
        matches!(&self.kind, Kind::Call { name, .. } if name == n)
    }
    pub fn call_args(&self) -> Option<(&str, &[Ast])> {
        match &self.kind {
            Kind::Call { name, args, .. } => Some((name, args)),
            _ => None,
        }
    }
    /// The pairs of a keyword list (`[a: 1]`), if this is one.
    pub fn keyword(&self) -> Option<Vec<(&str, &Ast)>> {
        match &self.kind {
            Kind::List(items) if !items.is_empty() => items
                .iter()
                .map(|i| match &i.kind {
                    Kind::Tuple(kv) if kv.len() == 2 => match &kv[0].kind {
                        Kind::Atom(k) => Some((k.as_str(), &kv[1])),
                        _ => None,
                    },
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    }
}
