//! The Gleam syntax tree. The type checker fills in the `Res`/`Access`
//! slots (what a name refers to, which field an access reads) and rewrites
//! pipes and labelled arguments into positional calls, so lowering needs no
//! type information of its own.

use std::ops::Range;

pub type Span = Range<usize>;

#[derive(Clone, Debug, Default)]
pub struct Module {
    pub imports: Vec<Import>,
    pub types: Vec<TypeDef>,
    pub aliases: Vec<TypeAlias>,
    pub consts: Vec<ConstDef>,
    pub functions: Vec<FnDef>,
}

#[derive(Clone, Debug)]
pub struct Import {
    /// `gleam/list`.
    pub module: String,
    pub module_span: Span,
    /// The name the module is referred to by: `list`, or the `as` alias.
    pub alias: String,
    pub values: Vec<Unqualified>,
    pub types: Vec<Unqualified>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Unqualified {
    pub name: String,
    pub alias: Option<String>,
    pub span: Span,
}

impl Unqualified {
    pub fn local_name(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Clone, Debug)]
pub enum TypeAnn {
    Named {
        module: Option<String>,
        name: String,
        args: Vec<TypeAnn>,
        span: Span,
    },
    Fn {
        args: Vec<TypeAnn>,
        ret: Box<TypeAnn>,
        span: Span,
    },
    Tuple(Vec<TypeAnn>, Span),
    Var(String, Span),
    Hole(Span),
}

impl TypeAnn {
    pub fn span(&self) -> Span {
        match self {
            TypeAnn::Named { span, .. } | TypeAnn::Fn { span, .. } => span.clone(),
            TypeAnn::Tuple(_, s) | TypeAnn::Var(_, s) | TypeAnn::Hole(s) => s.clone(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct TypeDef {
    pub name: String,
    pub public: bool,
    pub opaque: bool,
    pub params: Vec<String>,
    /// Empty for an external type (`pub type Pid`).
    pub constructors: Vec<ConstructorDef>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ConstructorDef {
    pub name: String,
    pub fields: Vec<(Option<String>, TypeAnn)>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeAlias {
    pub name: String,
    pub public: bool,
    pub params: Vec<String>,
    pub ty: TypeAnn,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ConstDef {
    pub name: String,
    pub public: bool,
    pub ann: Option<TypeAnn>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct FnDef {
    pub name: String,
    pub name_span: Span,
    pub public: bool,
    pub params: Vec<Param>,
    pub ret: Option<TypeAnn>,
    /// `None` for a body-less `@external` function.
    pub body: Option<Vec<Stmt>>,
    /// `@external(erlang, "module", "function")`.
    pub external: Option<(String, String)>,
    /// Has an `@external(javascript, ...)`: a body-less function that only
    /// exists on the JavaScript target.
    pub js_external: bool,
    pub deprecated: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Param {
    pub label: Option<String>,
    /// The variable name; starts with `_` for a discarded parameter.
    pub name: String,
    pub ann: Option<TypeAnn>,
    pub span: Span,
}

#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // statements live in Vecs, boxing buys nothing
pub enum Stmt {
    Expr(Expr),
    Let {
        pattern: Pattern,
        ann: Option<TypeAnn>,
        value: Expr,
        assert: bool,
        message: Option<Expr>,
        span: Span,
    },
}

/// What a name in expression position refers to.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Res {
    #[default]
    Unresolved,
    Local(String),
    /// A function: `module` is the Erlang module, `local` when it is defined
    /// in the module being compiled (and is not external).
    Fn {
        module: String,
        name: String,
        arity: usize,
        local: bool,
    },
    /// A record constructor: a tagged tuple, or the bare atom for arity 0.
    Constructor {
        tag: String,
        arity: usize,
    },
    Const(ConstValue),
}

/// The value of a module constant, kept in the interface so other modules can
/// inline it.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Int(String),
    Float(String),
    Str(String),
    Tuple(Vec<ConstValue>),
    List(Vec<ConstValue>),
    /// A constructor applied to constants: `{tag, ...}` or the atom.
    Record(String, Vec<ConstValue>),
    BitArray(Vec<u8>),
    Fn {
        module: String,
        name: String,
        arity: usize,
    },
}

#[derive(Clone, Debug)]
pub struct Arg {
    /// Set by the checker on the left side of a pipe, whose type is already
    /// inferred when the call is checked.
    pub piped: bool,
    pub label: Option<String>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    And,
    Or,
    Eq,
    NotEq,
    LtInt,
    GtInt,
    LtEqInt,
    GtEqInt,
    LtFloat,
    GtFloat,
    LtEqFloat,
    GtEqFloat,
    AddInt,
    SubInt,
    MultInt,
    DivInt,
    RemInt,
    AddFloat,
    SubFloat,
    MultFloat,
    DivFloat,
    Concat,
}

impl BinOp {
    pub fn text(self) -> &'static str {
        match self {
            BinOp::And => "&&",
            BinOp::Or => "||",
            BinOp::Eq => "==",
            BinOp::NotEq => "!=",
            BinOp::LtInt => "<",
            BinOp::GtInt => ">",
            BinOp::LtEqInt => "<=",
            BinOp::GtEqInt => ">=",
            BinOp::LtFloat => "<.",
            BinOp::GtFloat => ">.",
            BinOp::LtEqFloat => "<=.",
            BinOp::GtEqFloat => ">=.",
            BinOp::AddInt => "+",
            BinOp::SubInt => "-",
            BinOp::MultInt => "*",
            BinOp::DivInt => "/",
            BinOp::RemInt => "%",
            BinOp::AddFloat => "+.",
            BinOp::SubFloat => "-.",
            BinOp::MultFloat => "*.",
            BinOp::DivFloat => "/.",
            BinOp::Concat => "<>",
        }
    }
}

/// How a `.label` access was resolved.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Access {
    #[default]
    Unresolved,
    /// A record field: the 0-based position among the constructor's fields.
    Field(usize),
    /// `module.value`.
    Module(Res),
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Int(String),
    Float(String),
    Str(String),
    Var {
        name: String,
        res: Res,
    },
    Tuple(Vec<Expr>),
    List {
        elems: Vec<Expr>,
        tail: Option<Box<Expr>>,
    },
    Fn {
        params: Vec<Param>,
        ret: Option<TypeAnn>,
        body: Vec<Stmt>,
    },
    Call {
        fun: Box<Expr>,
        args: Vec<Arg>,
    },
    BinOp {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    NegateInt(Box<Expr>),
    NegateBool(Box<Expr>),
    Case {
        subjects: Vec<Expr>,
        clauses: Vec<Clause>,
    },
    Block(Vec<Stmt>),
    Pipe {
        left: Box<Expr>,
        right: Box<Expr>,
    },
    FieldAccess {
        target: Box<Expr>,
        label: String,
        label_span: Span,
        access: Access,
    },
    TupleIndex {
        target: Box<Expr>,
        index: usize,
    },
    RecordUpdate {
        constructor: Box<Expr>,
        base: Box<Expr>,
        fields: Vec<(String, Expr, Span)>,
        /// Filled in by the checker: the constructor's tag and, for each
        /// field position, the index into `fields` that replaces it.
        plan: Option<(String, Vec<Option<usize>>)>,
    },
    Todo(Option<Box<Expr>>),
    Panic(Option<Box<Expr>>),
    Echo(Box<Expr>),
    /// `assert condition as message` (a statement; evaluates to Nil).
    Assert {
        value: Box<Expr>,
        message: Option<Box<Expr>>,
    },
    BitArray(Vec<Segment<Expr>>),
    /// Produced by the checker only: apply the value of `fun` (not a
    /// named function) to the arguments.
    Invalid,
}

#[derive(Clone, Debug)]
pub struct Clause {
    /// Alternatives (`A | B ->`), each with one pattern per subject.
    pub alternatives: Vec<Vec<Pattern>>,
    pub guard: Option<Expr>,
    pub body: Expr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Segment<T> {
    pub value: T,
    pub options: Vec<SegOpt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum SegOpt {
    /// `int`, `float`, `bits`, `bytes`, `utf8`, `signed`, `little`, ...
    Flag(String, Span),
    Size(Expr),
    Unit(u8, Span),
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum PatternKind {
    Var(String),
    Discard(String),
    Int(String),
    Float(String),
    Str(String),
    /// `"prefix" as p <> rest`.
    Prefix {
        prefix: String,
        prefix_name: Option<String>,
        rest: String,
    },
    Tuple(Vec<Pattern>),
    List {
        elems: Vec<Pattern>,
        tail: Option<Box<Pattern>>,
    },
    Constructor {
        module: Option<String>,
        name: String,
        args: Vec<(Option<String>, Pattern)>,
        /// `Foo(a, ..)`: remaining fields ignored.
        spread: bool,
        /// Filled in by the checker.
        res: Option<(String, usize)>,
    },
    Assign(Box<Pattern>, String),
    BitArray(Vec<Segment<Pattern>>),
    /// A module constant used as a pattern, filled in by the checker.
    Invalid,
}
