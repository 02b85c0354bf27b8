//! The data the reader produces: LFE's S-expressions with byte spans.
//!
//! Quote forms are read as lists (`'x` is `(quote x)`, `` `x `` is
//! `(backquote x)`, `,x` is `(comma x)`, `,@x` is `(comma-at x)`), as LFE's
//! reader does, so macros see the same data LFE's macros see.

use std::ops::Range;

pub type Span = Range<usize>;

#[derive(Clone, Debug, PartialEq)]
pub struct Sexpr {
    pub kind: S,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum S {
    Sym(String),
    Int(i64),
    /// An integer beyond `i64`, as normalised decimal text.
    BigInt(String),
    Float(f64),
    /// `"..."`: a list of code points.
    Str(String),
    /// `#"..."`: a binary (the bytes of the UTF-8 text).
    Bin(Vec<u8>),
    /// `(a b c)`, or `(a b . c)` with a tail.
    List(Vec<Sexpr>, Option<Box<Sexpr>>),
    /// `#(a b)`: a literal tuple.
    Tuple(Vec<Sexpr>),
    /// `#m(k v ...)`: a literal map, keys and values alternating.
    Map(Vec<Sexpr>),
    /// `#b(seg ...)`: a literal binary, read as its segments.
    BinLit(Vec<Sexpr>),
}

impl Sexpr {
    pub fn new(kind: S, span: Span) -> Sexpr {
        Sexpr { kind, span }
    }

    pub fn sym(name: &str, span: Span) -> Sexpr {
        Sexpr::new(S::Sym(name.to_string()), span)
    }

    pub fn list(items: Vec<Sexpr>, span: Span) -> Sexpr {
        Sexpr::new(S::List(items, None), span)
    }

    pub fn nil(span: Span) -> Sexpr {
        Sexpr::list(Vec::new(), span)
    }

    pub fn as_sym(&self) -> Option<&str> {
        match &self.kind {
            S::Sym(s) => Some(s),
            _ => None,
        }
    }

    /// The elements of a proper list (a `Str` is a list too).
    pub fn as_list(&self) -> Option<Vec<Sexpr>> {
        match &self.kind {
            S::List(items, None) => Some(items.clone()),
            S::Str(s) => Some(
                s.chars()
                    .map(|c| Sexpr::new(S::Int(i64::from(u32::from(c))), self.span.clone()))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// The elements of a proper list, borrowed (strings are not lists here).
    pub fn items(&self) -> Option<&[Sexpr]> {
        match &self.kind {
            S::List(items, None) => Some(items),
            _ => None,
        }
    }

    /// `(head ...)` with a symbol head: the head's name.
    pub fn head(&self) -> Option<&str> {
        self.items()?.first()?.as_sym()
    }

    pub fn is_nil(&self) -> bool {
        matches!(&self.kind, S::List(items, None) if items.is_empty())
            || matches!(&self.kind, S::Str(s) if s.is_empty())
    }

    /// Gives this expression and everything in it the span `span` (macro
    /// expansions report the call site).
    pub fn respan(&mut self, span: &Span) {
        self.span = span.clone();
        match &mut self.kind {
            S::List(items, tail) => {
                items.iter_mut().for_each(|x| x.respan(span));
                if let Some(t) = tail {
                    t.respan(span);
                }
            }
            S::Tuple(items) | S::Map(items) | S::BinLit(items) => {
                items.iter_mut().for_each(|x| x.respan(span))
            }
            _ => {}
        }
    }
}

/// Writes a datum back as LFE text (diagnostics, the `ir` of macros).
impl std::fmt::Display for Sexpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            S::Sym(s) => write!(f, "{s}"),
            S::Int(i) => write!(f, "{i}"),
            S::BigInt(s) => write!(f, "{s}"),
            S::Float(x) => write!(f, "{x:?}"),
            S::Str(s) => write!(f, "{s:?}"),
            S::Bin(b) => write!(f, "#\"{}\"", String::from_utf8_lossy(b)),
            S::List(items, tail) => {
                write!(f, "(")?;
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, " ")?;
                    }
                    write!(f, "{x}")?;
                }
                if let Some(t) = tail {
                    write!(f, " . {t}")?;
                }
                write!(f, ")")
            }
            S::Tuple(items) | S::Map(items) | S::BinLit(items) => {
                let tag = match &self.kind {
                    S::Tuple(_) => "#(",
                    S::Map(_) => "#M(",
                    _ => "#B(",
                };
                write!(f, "{tag}")?;
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, " ")?;
                    }
                    write!(f, "{x}")?;
                }
                write!(f, ")")
            }
        }
    }
}
