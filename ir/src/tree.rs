//! The IR tree: modules, functions, expressions and patterns.
//!
//! Invariants every lowering must establish (the [`crate::validate`] pass checks
//! them in debug builds):
//! - every variable is bound before use; a variable is bound by a function
//!   parameter, a `let`, a pattern, a `try`'s success or exception variables,
//!   or (for function names) a `letrec`;
//! - `case` and `receive` clauses have exactly as many patterns as their
//!   argument has values (one unless the argument is [`ExprKind::Values`]);
//! - a variable occurs at most once in one clause's patterns, except that a
//!   pattern may repeat a variable already bound *outside* the clause, which
//!   then tests for equality (Erlang's already-bound variables in patterns);
//! - clause guards use only guard-safe constructs (variables, literals, data
//!   constructors, `call 'erlang':F(...)` of guard BIFs, `try` as emitted for
//!   guards); a guard that raises is false;
//! - `case` needs no implicit failure: frontends add an explicit last clause
//!   that raises (`primop 'match_fail'(...)`), as Core Erlang does, so the
//!   runtime never has to invent an error for a fall-through.

use crate::span::Span;

/// A function's name and arity: `'collect'/2`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FunName {
    pub name: String,
    pub arity: u32,
}

impl FunName {
    pub fn new(name: impl Into<String>, arity: u32) -> FunName {
        FunName {
            name: name.into(),
            arity,
        }
    }
}

/// One compilation unit. `name` is the module's atom as the BEAM spells it:
/// `squares`, `Elixir.Enum`, `gleam@list`.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub name: String,
    /// The source file as given to the frontend; stack traces name it.
    pub file: String,
    pub exports: Vec<FunName>,
    /// Module attributes (`-vsn`, `-behaviour`, `-spec`, ...) as literals.
    pub attributes: Vec<(String, Literal)>,
    pub functions: Vec<FunDef>,
    pub span: Span,
}

impl Module {
    pub fn function(&self, name: &str, arity: u32) -> Option<&FunDef> {
        self.functions
            .iter()
            .find(|f| f.name.name == name && f.name.arity == arity)
    }
}

/// A top-level function definition: `'run'/0 = fun () -> ...`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunDef {
    pub name: FunName,
    pub fun: Fun,
}

/// `fun (P1, ..., Pn) -> Body`. Parameters are variables; pattern-matching
/// heads are lowered into a `case` over the parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Fun {
    pub params: Vec<Var>,
    pub body: Box<Expr>,
    pub span: Span,
    /// For a named fun (`fun Name(...) -> ... end`) or a lambda that the
    /// frontend wants a readable name for in stack traces.
    pub name: Option<String>,
}

/// A variable name. Frontends produce unique, Core-Erlang-legal names
/// (starting with an uppercase letter or `_`).
pub type Var = String;

/// A constant. Strings are lists of character codes, as on the BEAM;
/// [`Literal::string`] builds one.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Int(i64),
    /// An integer outside the `i64` range: decimal digits with an optional
    /// leading `-` (never in `i64` range, no leading zeros; `validate`
    /// checks). Use [`Literal::integer`] to pick between `Int` and `BigInt`.
    BigInt(String),
    Float(f64),
    Atom(String),
    Nil,
    Cons(Box<Literal>, Box<Literal>),
    Tuple(Vec<Literal>),
    /// A map literal; keys are distinct.
    Map(Vec<(Literal, Literal)>),
    /// A binary of whole bytes.
    Binary(Vec<u8>),
}

impl Literal {
    /// An integer literal from decimal text (optional leading `-`): `Int`
    /// when it fits `i64`, `BigInt` (normalised, no leading zeros) otherwise.
    /// `None` if the text is not a decimal integer.
    pub fn integer(text: &str) -> Option<Literal> {
        let (neg, digits) = match text.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, text),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if let Ok(i) = text.parse::<i64>() {
            return Some(Literal::Int(i));
        }
        let digits = digits.trim_start_matches('0');
        Some(Literal::BigInt(if neg {
            format!("-{digits}")
        } else {
            digits.to_string()
        }))
    }

    pub fn atom(name: impl Into<String>) -> Literal {
        Literal::Atom(name.into())
    }

    /// A proper list of the given elements.
    pub fn list(items: Vec<Literal>) -> Literal {
        items.into_iter().rev().fold(Literal::Nil, |tail, head| {
            Literal::Cons(Box::new(head), Box::new(tail))
        })
    }

    /// A string as the BEAM represents it: a list of Unicode code points.
    pub fn string(s: &str) -> Literal {
        Literal::list(
            s.chars()
                .map(|c| Literal::Int(i64::from(u32::from(c))))
                .collect(),
        )
    }

    pub fn is_atom(&self, name: &str) -> bool {
        matches!(self, Literal::Atom(a) if a == name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    pub fn var(name: impl Into<String>, span: Span) -> Expr {
        Expr::new(ExprKind::Var(name.into()), span)
    }

    pub fn lit(lit: Literal, span: Span) -> Expr {
        Expr::new(ExprKind::Lit(lit), span)
    }

    pub fn atom(name: &str, span: Span) -> Expr {
        Expr::lit(Literal::atom(name), span)
    }

    /// `call 'module':'function'(args)` with constant names.
    pub fn call(module: &str, function: &str, args: Vec<Expr>, span: Span) -> Expr {
        Expr::new(
            ExprKind::Call {
                module: Box::new(Expr::atom(module, span)),
                function: Box::new(Expr::atom(function, span)),
                args,
            },
            span,
        )
    }

    pub fn primop(name: &str, args: Vec<Expr>, span: Span) -> Expr {
        Expr::new(
            ExprKind::PrimOp {
                name: name.to_string(),
                args,
            },
            span,
        )
    }

    pub fn tuple(items: Vec<Expr>, span: Span) -> Expr {
        Expr::new(ExprKind::Tuple(items), span)
    }

    pub fn cons(head: Expr, tail: Expr, span: Span) -> Expr {
        Expr::new(ExprKind::Cons(Box::new(head), Box::new(tail)), span)
    }

    pub fn seq(first: Expr, then: Expr) -> Expr {
        let span = first.span.to(then.span);
        Expr::new(ExprKind::Seq(Box::new(first), Box::new(then)), span)
    }

    pub fn let_(vars: Vec<Var>, value: Expr, body: Expr, span: Span) -> Expr {
        Expr::new(
            ExprKind::Let {
                vars,
                value: Box::new(value),
                body: Box::new(body),
            },
            span,
        )
    }

    /// `primop 'match_fail'(Reason)`: raise `error:Reason`.
    pub fn match_fail(reason: Expr, span: Span) -> Expr {
        Expr::primop("match_fail", vec![reason], span)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Var(Var),
    Lit(Literal),
    /// A local function used as a value or applied: `'collect'/2`. Refers to a
    /// top-level function of the module or to an enclosing `letrec` binding.
    FunRef(FunName),
    Cons(Box<Expr>, Box<Expr>),
    Tuple(Vec<Expr>),
    /// `<E1, ..., En>`: several values at once; only as the argument of a
    /// `case`, the value of a `let`, or a function/`try` body bound by a `let`.
    Values(Vec<Expr>),
    /// A closure; its free variables are captured by value.
    Fun(Fun),
    /// `let <V1, ..., Vn> = Value in Body`.
    Let {
        vars: Vec<Var>,
        value: Box<Expr>,
        body: Box<Expr>,
    },
    /// `letrec 'f'/1 = fun ..., 'g'/2 = fun ... in Body`: local, mutually
    /// recursive functions (Erlang's named funs, list comprehensions, loops
    /// introduced by lowerings).
    LetRec {
        defs: Vec<(FunName, Fun)>,
        body: Box<Expr>,
    },
    /// `do First Then`: evaluate and drop `First`, then `Then`.
    Seq(Box<Expr>, Box<Expr>),
    Case {
        arg: Box<Expr>,
        clauses: Vec<Clause>,
    },
    /// Selective receive. Clauses have one pattern each. `timeout` evaluates to
    /// a non-negative integer or the atom `infinity`; when it expires before a
    /// message matches, `after` runs.
    ///
    /// A receive can equally be written as a loop over the primops
    /// `recv_peek_message`, `remove_message`, `recv_next` and
    /// `recv_wait_timeout` (see `spec/ir.md`), which is how OTP's compiler
    /// lowers it; the runtime accepts both forms.
    Receive {
        clauses: Vec<Clause>,
        timeout: Box<Expr>,
        after: Box<Expr>,
    },
    /// Apply a fun value or a local function: `apply F(Args)`,
    /// `apply 'f'/2(A, B)`.
    Apply {
        fun: Box<Expr>,
        args: Vec<Expr>,
    },
    /// A remote call `call M:F(Args)`; `module` and `function` are usually atom
    /// literals but may be any expression (dynamic calls).
    Call {
        module: Box<Expr>,
        function: Box<Expr>,
        args: Vec<Expr>,
    },
    /// An operation of the runtime itself (see `spec/ir.md` for the list).
    PrimOp {
        name: String,
        args: Vec<Expr>,
    },
    /// `try Arg of <Vars> -> Body catch <Class, Reason, Trace> -> Handler`.
    /// `evars` are the three exception variables: class (`error`, `throw`,
    /// `exit`), reason, and the raw stack trace (an opaque term that
    /// `primop 'raise'(Trace, Reason)` re-raises with the same class).
    Try {
        arg: Box<Expr>,
        vars: Vec<Var>,
        body: Box<Expr>,
        evars: [Var; 3],
        handler: Box<Expr>,
    },
    /// `catch E`: the value of E, or `{'EXIT', Reason}` for errors and exits,
    /// or the thrown term for throws.
    Catch(Box<Expr>),
    /// `~{K => V, K := V}~` built from scratch (`base == None`) or as an update
    /// of an existing map.
    Map {
        base: Option<Box<Expr>>,
        pairs: Vec<MapPair>,
    },
    /// `#{#<Value>(Size, Unit, Type, Flags), ...}#`: binary construction.
    Binary(Vec<BinSegment<Expr>>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapPair {
    /// `=>` associates (inserts or replaces); `:=` requires the key to exist.
    pub op: MapOp,
    pub key: Expr,
    pub value: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapOp {
    Assoc,
    Exact,
}

/// One segment of a binary, for construction (`T = Expr`) or matching
/// (`T = Pattern`).
#[derive(Clone, Debug, PartialEq)]
pub struct BinSegment<T> {
    pub value: T,
    /// Size expression; `None` means the type's default (8 bits for integers,
    /// 64 for floats, "all the rest" for binaries).
    pub size: Option<Expr>,
    pub unit: u8,
    pub ty: BinType,
    pub signed: bool,
    pub endian: Endian,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinType {
    Integer,
    Float,
    Binary,
    Bitstring,
    Utf8,
    Utf16,
    Utf32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endian {
    Big,
    Little,
    Native,
}

/// `<P1, ..., Pn> when Guard -> Body`.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub pats: Vec<Pattern>,
    pub guard: Option<Expr>,
    pub body: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    /// Binds the variable, or, if it is already bound outside the clause,
    /// matches only an equal (`=:=`) value.
    Var(Var),
    /// Matches anything, binds nothing.
    Wildcard,
    Lit(Literal),
    Cons(Box<Pattern>, Box<Pattern>),
    Tuple(Vec<Pattern>),
    /// `V = P`: match P and bind the whole value to V.
    Alias(Var, Box<Pattern>),
    /// `~{K := P}~`: the map has every key (keys are guard expressions over
    /// bound variables and literals) and each value matches.
    Map(Vec<(Expr, Pattern)>),
    Binary(Vec<BinSegment<Pattern>>),
}

impl Pattern {
    /// Variables this pattern binds (or tests, if already bound), in order.
    pub fn variables(&self) -> Vec<&Var> {
        let mut out = Vec::new();
        self.collect_variables(&mut out);
        out
    }

    fn collect_variables<'a>(&'a self, out: &mut Vec<&'a Var>) {
        match self {
            Pattern::Var(v) => out.push(v),
            Pattern::Wildcard | Pattern::Lit(_) => {}
            Pattern::Cons(h, t) => {
                h.collect_variables(out);
                t.collect_variables(out);
            }
            Pattern::Tuple(items) => items.iter().for_each(|p| p.collect_variables(out)),
            Pattern::Alias(v, p) => {
                out.push(v);
                p.collect_variables(out);
            }
            Pattern::Map(pairs) => pairs.iter().for_each(|(_, p)| p.collect_variables(out)),
            Pattern::Binary(segs) => segs.iter().for_each(|s| s.value.collect_variables(out)),
        }
    }
}
