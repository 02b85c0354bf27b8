//! The Erlang abstract syntax produced by the parser.
//!
//! Patterns are parsed as expressions (as `erl_parse` does) and checked when
//! they are lowered, so the AST has one expression type for both.

use std::ops::Range;

pub type Span = Range<usize>;

#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FormKind {
    Module(String),
    Export(Vec<(String, u32, Span)>),
    Import(String, Vec<(String, u32, Span)>),
    /// Any other `-name(Value).` attribute; the value is checked to be a
    /// constant when lowered.
    Attribute(String, Expr),
    /// `-spec`, `-type`, ...: accepted and dropped.
    Ignored(String),
    /// A construct that parses but is not supported yet.
    Unsupported(String),
    /// `-record(name, {field = Default :: Type, ...})` (types dropped).
    Record(RecordDef),
    Function(Function),
}

#[derive(Clone, Debug, PartialEq)]
pub struct RecordDef {
    pub name: String,
    pub fields: Vec<RecordFieldDef>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RecordFieldDef {
    pub name: String,
    pub default: Option<Expr>,
    pub span: Span,
}

/// `field = Value` in `#r{...}`; `field` is `_` for `_ = Value` (every
/// field not named).
#[derive(Clone, Debug, PartialEq)]
pub struct RecordFieldInit {
    pub field: String,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    pub name: String,
    pub arity: u32,
    pub clauses: Vec<FunClause>,
}

/// One clause of a named function or a fun: `name(Params) when Guard -> Body`.
/// `name` is the function name for top-level functions, the variable name
/// for a named fun, and `None` for an anonymous fun.
#[derive(Clone, Debug, PartialEq)]
pub struct FunClause {
    pub name: Option<(String, Span)>,
    pub params: Vec<Expr>,
    pub guard: Guard,
    pub body: Vec<Expr>,
    pub span: Span,
}

/// `G1 ; G2` alternatives, each a `,`-separated conjunction of tests; empty
/// when there is no `when`.
pub type Guard = Vec<Vec<Expr>>;

#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub pattern: Expr,
    pub guard: Guard,
    pub body: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IfClause {
    pub guard: Guard,
    pub body: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CatchClause {
    /// `Class:` when given; the class defaults to `throw`.
    pub class: Option<Expr>,
    pub reason: Expr,
    /// `:Stack` when given; must be a variable.
    pub stack: Option<Expr>,
    pub guard: Guard,
    pub body: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Qualifier {
    Generator(Expr, Expr),
    /// `<<Pattern>> <= Binary`.
    BinGenerator(Expr, Expr),
    Filter(Expr),
}

/// One element of `<<...>>`: `Value:Size/Type-Specifiers`.
#[derive(Clone, Debug, PartialEq)]
pub struct BinElem {
    pub value: Expr,
    pub size: Option<Expr>,
    /// Type specifiers in order: name, and the integer of `unit:N`.
    pub types: Vec<(String, Option<i64>, Span)>,
    pub span: Span,
}

/// `Key => Value` (`exact == false`) or `Key := Value`.
#[derive(Clone, Debug, PartialEq)]
pub struct MapField {
    pub key: Expr,
    pub value: Expr,
    pub exact: bool,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Fdiv,
    Div,
    Rem,
    Band,
    Bor,
    Bxor,
    Bsl,
    Bsr,
    And,
    Or,
    Xor,
    Append,
    Subtract,
    Eq,
    Ne,
    ExactEq,
    ExactNe,
    Lt,
    Le,
    Gt,
    Ge,
    AndAlso,
    OrElse,
}

impl BinOp {
    /// The `erlang` BIF implementing the operator (`andalso`/`orelse` have none).
    pub fn bif(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Fdiv => "/",
            BinOp::Div => "div",
            BinOp::Rem => "rem",
            BinOp::Band => "band",
            BinOp::Bor => "bor",
            BinOp::Bxor => "bxor",
            BinOp::Bsl => "bsl",
            BinOp::Bsr => "bsr",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Xor => "xor",
            BinOp::Append => "++",
            BinOp::Subtract => "--",
            BinOp::Eq => "==",
            BinOp::Ne => "/=",
            BinOp::ExactEq => "=:=",
            BinOp::ExactNe => "=/=",
            BinOp::Lt => "<",
            BinOp::Le => "=<",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::AndAlso => "andalso",
            BinOp::OrElse => "orelse",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Plus,
    Neg,
    Bnot,
    Not,
}

impl UnOp {
    pub fn bif(self) -> &'static str {
        match self {
            UnOp::Plus => "+",
            UnOp::Neg => "-",
            UnOp::Bnot => "bnot",
            UnOp::Not => "not",
        }
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
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Var(String),
    Atom(String),
    Int(i64),
    /// An integer beyond `i64`, as normalised decimal text.
    BigInt(String),
    Char(u32),
    Float(f64),
    /// Adjacent string literals, already concatenated.
    Str(String),
    /// `[A, B | Tail]`; `[]` is `List(vec![], None)`.
    List(Vec<Expr>, Option<Box<Expr>>),
    Tuple(Vec<Expr>),
    BinOp(BinOp, Box<Expr>, Box<Expr>),
    UnOp(UnOp, Box<Expr>),
    /// `Pattern = Expr`.
    Match(Box<Expr>, Box<Expr>),
    /// `Pid ! Msg`.
    Send(Box<Expr>, Box<Expr>),
    /// `F(Args)`, `m:f(Args)` (the callee is then [`ExprKind::Remote`]).
    Call(Box<Expr>, Vec<Expr>),
    /// `M:F`; only meaningful as a callee.
    Remote(Box<Expr>, Box<Expr>),
    /// `fun (...) -> ... end` or `fun Name(...) -> ... end`.
    Fun(Vec<FunClause>),
    /// `fun f/1`.
    FunRef(String, u32),
    /// `fun M:F/A`; the parts may be variables.
    RemoteFunRef(Box<Expr>, Box<Expr>, Box<Expr>),
    Case(Box<Expr>, Vec<Clause>),
    If(Vec<IfClause>),
    Receive(Vec<Clause>, Option<(Box<Expr>, Vec<Expr>)>),
    Block(Vec<Expr>),
    Catch(Box<Expr>),
    Try {
        body: Vec<Expr>,
        of: Vec<Clause>,
        catches: Vec<CatchClause>,
        after: Vec<Expr>,
    },
    ListComp(Box<Expr>, Vec<Qualifier>),
    /// `<<Elements>>` (bit syntax construction or pattern).
    Binary(Vec<BinElem>),
    /// `<< Expr || Qualifiers >>` (the expression must be a bitstring).
    BinComp(Box<Expr>, Vec<Qualifier>),
    /// `#{K => V, K := V}` (no base) or the update `Base#{...}`; in a
    /// pattern, only `:=` fields.
    Map(Option<Box<Expr>>, Vec<MapField>),
    /// `#r{f = V, ...}` (no base) or the update `Base#r{...}`; a record
    /// pattern when in a pattern.
    Record {
        base: Option<Box<Expr>>,
        name: String,
        fields: Vec<RecordFieldInit>,
    },
    /// `Base#r.f`.
    RecordField {
        base: Box<Expr>,
        name: String,
        field: String,
    },
    /// `#r.f`: the field's tuple index.
    RecordIndex {
        name: String,
        field: String,
    },
    /// A construct that parsed but is not supported yet. The string names
    /// it for the diagnostic.
    Unsupported(&'static str),
    /// Placeholder left by the parser's error recovery; never lowered.
    Error,
}
