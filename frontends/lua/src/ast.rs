//! Lua syntax tree. Every declaration (local, parameter, loop variable,
//! local function) carries a [`DeclId`] given by the parser, so that the
//! analysis and the lowering agree on which declaration a name refers to.

pub type DeclId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    IDiv,
    Mod,
    Pow,
    Concat,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Not,
    Len,
    BNot,
}

#[derive(Clone, Debug)]
pub enum Expr {
    Nil,
    True,
    False,
    Int(i64),
    Float(f64),
    Str(Vec<u8>),
    Vararg(u32),
    Func(Box<FuncBody>),
    Name(String, u32),
    Index(Box<Expr>, Box<Expr>, u32),
    Call(Box<Expr>, Vec<Expr>, u32),
    Method(Box<Expr>, String, Vec<Expr>, u32),
    Bin(BinOp, Box<Expr>, Box<Expr>, u32),
    Un(UnOp, Box<Expr>, u32),
    Table(Vec<Field>, u32),
    Paren(Box<Expr>),
}

impl Expr {
    /// Calls and `...` produce several values.
    pub fn is_multi(&self) -> bool {
        matches!(self, Expr::Call(..) | Expr::Method(..) | Expr::Vararg(_))
    }
}

#[derive(Clone, Debug)]
pub enum Field {
    Pos(Expr),
    Named(Vec<u8>, Expr),
    Keyed(Expr, Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attrib {
    None,
    Const,
    Close,
}

#[derive(Clone, Debug)]
pub struct FuncBody {
    pub params: Vec<(String, DeclId)>,
    pub vararg: bool,
    pub body: Vec<Stat>,
    pub line: u32,
    pub end_line: u32,
    /// For `function a.b:m()`: an implicit `self` parameter comes first.
    pub name: String,
}

#[derive(Clone, Debug)]
pub enum Stat {
    Local(Vec<(String, Attrib, DeclId)>, Vec<Expr>, u32),
    Assign(Vec<Expr>, Vec<Expr>, u32),
    Call(Expr, u32),
    Do(Vec<Stat>),
    While(Expr, Vec<Stat>, u32),
    Repeat(Vec<Stat>, Expr, u32),
    If(Vec<(Expr, Vec<Stat>)>, Option<Vec<Stat>>, u32),
    NumFor(String, DeclId, Expr, Expr, Option<Expr>, Vec<Stat>, u32),
    GenFor(Vec<(String, DeclId)>, Vec<Expr>, Vec<Stat>, u32),
    /// `function a.b.c()` / `function a.b:m()` (target expression built
    /// by the parser) or a global/local name.
    Function(Expr, FuncBody, u32),
    LocalFunction(String, DeclId, FuncBody, u32),
    Return(Vec<Expr>, u32),
    Break(u32),
    Goto(String, u32),
    Label(String, u32),
}
