//! Writes a [`Module`](crate::Module) as Core Erlang concrete syntax.
//!
//! The output is meant to be accepted by `erlc +from_core` (OTP 25 and later)
//! for modules lowered from Erlang, and to be readable by people
//! (`eubeam ir FILE`).
//!
//! # Depth
//!
//! The printer never recurses on the shape of the IR: it runs an explicit
//! work stack ([`Task`]), so a function with 100,000 nested `let`s (or a
//! literal list of a million elements, or a deeply nested tuple) prints on any
//! thread without growing the Rust stack. Indentation grows with nesting but
//! is capped at [`MAX_INDENT`] columns, so the output stays linear in the size
//! of the IR (Core Erlang does not care about layout).
//!
//! # Where the IR says more than Core Erlang
//!
//! The IR is Core Erlang's structure, but a few of its readings have no direct
//! Core syntax; the printer rewrites them into equivalent Core:
//! - A pattern variable that is already bound outside the clause is an
//!   equality test in the IR; in Core Erlang every pattern variable is a fresh
//!   binding (it would shadow). Such an occurrence, and any repeated
//!   occurrence of a variable within one clause's patterns, is printed as a
//!   fresh variable plus a guard conjunct `call 'erlang':'=:='(Fresh, V)`
//!   (exactly what OTP's own `v3_core` emits for `{A, A}`).
//! - A literal containing a map, used as a pattern, means "equal to this
//!   map" in the IR; a Core map pattern would mean "has at least these keys".
//!   It is printed as a fresh variable plus a `=:=` guard against the literal.
//! - [`Pattern::Wildcard`] becomes a fresh variable (Core has no `_`).
//! - A map update (`ExprKind::Map` with a base) fails with `{badmap, Base}`
//!   when the base is no map; Core's `~{...|M}~` assumes a map (OTP's
//!   compiler checks its type first and its code generator crashes when it
//!   cannot prove it). The printer emits OTP's own shape:
//!   `case <> of <> when call 'erlang':'is_map'(M) -> ~{...|M}~
//!   <> when 'true' -> primop 'match_fail'({'badmap', M}) end`.
//! - Variable names that are not legal Core Erlang variables (legal: an ASCII
//!   uppercase letter or `_`, then letters, digits, `_`, `@`) are renamed
//!   consistently within the printed unit to `_@<n>`.
//! - Non-finite floats cannot exist on the BEAM; the validator rejects them
//!   and the printer writes the atoms `'$nan'`, `'$inf'`, `'$-inf'`.
//! - [`Fun::name`] has no Core equivalent and is not printed.
//!
//! Not rewritten: a binary segment whose size uses a variable bound earlier
//! in the *same* pattern (`<<N:8, X:N/binary>>`) is legal IR (the runtime
//! matches segments left to right) but OTP 25's Core Erlang rejects it
//! ("unbound variable"); OTP's `v3_core` splits such a pattern into nested
//! `case`s with a shared fall-through. The printer writes it as is, so
//! `erlc +from_core` accepts such IR only if the frontend lowered it the
//! way `v3_core` does.

use std::collections::{HashMap, HashSet};

use crate::tree::*;

/// Indentation stops growing at this column.
pub const MAX_INDENT: usize = 60;

/// The whole module as a Core Erlang source file (ends with a newline).
pub fn print_module(m: &Module) -> String {
    let mut p = Printer::new(collect_var_names_module(m));
    p.module(m);
    p.out
}

/// One expression, as it would appear inside a function body at column 0.
pub fn print_expr(e: &Expr) -> String {
    let mut used = HashSet::new();
    collect_var_names(Node::Expr(e), &mut used);
    let mut p = Printer::new(used);
    p.tasks.push(Task::Expr(e, 0));
    p.run();
    p.out
}

// ---------------------------------------------------------------------------
// Variable names

fn is_legal_var(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_uppercase() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@')
}

/// Generates fresh names that collide with nothing in the printed unit and
/// renames illegal variable names consistently.
struct Names {
    used: HashSet<String>,
    renamed: HashMap<String, String>,
    counter: u64,
}

impl Names {
    fn fresh(&mut self) -> String {
        loop {
            self.counter += 1;
            let name = format!("_@{}", self.counter);
            if !self.used.contains(&name) {
                self.used.insert(name.clone());
                return name;
            }
        }
    }

    fn var(&mut self, name: &str) -> String {
        if is_legal_var(name) {
            return name.to_string();
        }
        if let Some(r) = self.renamed.get(name) {
            return r.clone();
        }
        let r = self.fresh();
        self.renamed.insert(name.to_string(), r.clone());
        r
    }
}

#[derive(Clone, Copy)]
enum Node<'a> {
    Expr(&'a Expr),
    Pat(&'a Pattern),
}

fn collect_var_names_module(m: &Module) -> HashSet<String> {
    let mut used = HashSet::new();
    for f in &m.functions {
        used.extend(f.fun.params.iter().cloned());
        collect_var_names(Node::Expr(&f.fun.body), &mut used);
    }
    used
}

/// Every variable name in the tree (iteratively).
fn collect_var_names(root: Node<'_>, used: &mut HashSet<String>) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match node {
            Node::Expr(e) => {
                match &e.kind {
                    ExprKind::Var(v) => {
                        used.insert(v.clone());
                    }
                    ExprKind::Fun(f) => used.extend(f.params.iter().cloned()),
                    ExprKind::Let { vars, .. } => used.extend(vars.iter().cloned()),
                    ExprKind::LetRec { defs, .. } => {
                        for (_, f) in defs {
                            used.extend(f.params.iter().cloned());
                        }
                    }
                    ExprKind::Try { vars, evars, .. } => {
                        used.extend(vars.iter().cloned());
                        used.extend(evars.iter().cloned());
                    }
                    _ => {}
                }
                expr_children(e, &mut stack);
            }
            Node::Pat(p) => match p {
                Pattern::Var(v) => {
                    used.insert(v.clone());
                }
                Pattern::Alias(v, inner) => {
                    used.insert(v.clone());
                    stack.push(Node::Pat(inner));
                }
                _ => pat_children(p, &mut stack),
            },
        }
    }
}

fn expr_children<'a>(e: &'a Expr, out: &mut Vec<Node<'a>>) {
    let clause = |c: &'a Clause, out: &mut Vec<Node<'a>>| {
        out.extend(c.pats.iter().map(Node::Pat));
        if let Some(g) = &c.guard {
            out.push(Node::Expr(g));
        }
        out.push(Node::Expr(&c.body));
    };
    match &e.kind {
        ExprKind::Var(_) | ExprKind::Lit(_) | ExprKind::FunRef(_) => {}
        ExprKind::Cons(h, t) => {
            out.push(Node::Expr(h));
            out.push(Node::Expr(t));
        }
        ExprKind::Tuple(items) | ExprKind::Values(items) => {
            out.extend(items.iter().map(Node::Expr));
        }
        ExprKind::Fun(f) => out.push(Node::Expr(&f.body)),
        ExprKind::Let { value, body, .. } => {
            out.push(Node::Expr(value));
            out.push(Node::Expr(body));
        }
        ExprKind::LetRec { defs, body } => {
            out.extend(defs.iter().map(|(_, f)| Node::Expr(&f.body)));
            out.push(Node::Expr(body));
        }
        ExprKind::Seq(a, b) => {
            out.push(Node::Expr(a));
            out.push(Node::Expr(b));
        }
        ExprKind::Case { arg, clauses } => {
            out.push(Node::Expr(arg));
            for c in clauses {
                clause(c, out);
            }
        }
        ExprKind::Receive {
            clauses,
            timeout,
            after,
        } => {
            for c in clauses {
                clause(c, out);
            }
            out.push(Node::Expr(timeout));
            out.push(Node::Expr(after));
        }
        ExprKind::Apply { fun, args } => {
            out.push(Node::Expr(fun));
            out.extend(args.iter().map(Node::Expr));
        }
        ExprKind::Call {
            module,
            function,
            args,
        } => {
            out.push(Node::Expr(module));
            out.push(Node::Expr(function));
            out.extend(args.iter().map(Node::Expr));
        }
        ExprKind::PrimOp { args, .. } => out.extend(args.iter().map(Node::Expr)),
        ExprKind::Try {
            arg, body, handler, ..
        } => {
            out.push(Node::Expr(arg));
            out.push(Node::Expr(body));
            out.push(Node::Expr(handler));
        }
        ExprKind::Catch(inner) => out.push(Node::Expr(inner)),
        ExprKind::Map { base, pairs } => {
            if let Some(b) = base {
                out.push(Node::Expr(b));
            }
            for pair in pairs {
                out.push(Node::Expr(&pair.key));
                out.push(Node::Expr(&pair.value));
            }
        }
        ExprKind::Binary(segs) => {
            for s in segs {
                out.push(Node::Expr(&s.value));
                if let Some(size) = &s.size {
                    out.push(Node::Expr(size));
                }
            }
        }
    }
}

fn pat_children<'a>(p: &'a Pattern, out: &mut Vec<Node<'a>>) {
    match p {
        Pattern::Var(_) | Pattern::Wildcard | Pattern::Lit(_) => {}
        Pattern::Cons(h, t) => {
            out.push(Node::Pat(h));
            out.push(Node::Pat(t));
        }
        Pattern::Tuple(items) => out.extend(items.iter().map(Node::Pat)),
        Pattern::Alias(_, inner) => out.push(Node::Pat(inner)),
        Pattern::Map(pairs) => {
            for (k, v) in pairs {
                out.push(Node::Expr(k));
                out.push(Node::Pat(v));
            }
        }
        Pattern::Binary(segs) => {
            for s in segs {
                out.push(Node::Pat(&s.value));
                if let Some(size) = &s.size {
                    out.push(Node::Expr(size));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Lexical pieces

fn push_escaped_char(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        '\u{8}' => out.push_str("\\b"),
        '\u{b}' => out.push_str("\\v"),
        '\u{c}' => out.push_str("\\f"),
        '\u{1b}' => out.push_str("\\e"),
        '\u{7f}' => out.push_str("\\d"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x20 => out.push_str(&format!("\\{:03o}", c as u32)),
        // Core files are read as UTF-8: other characters are written as is.
        c => out.push(c),
    }
}

/// `'name'` with Core Erlang escapes.
pub fn quote_atom(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    out.push('\'');
    for c in name.chars() {
        push_escaped_char(&mut out, c, '\'');
    }
    out.push('\'');
    out
}

/// A float in Core Erlang syntax: digits, a dot, digits, optional exponent.
pub fn format_float(f: f64) -> String {
    if f.is_nan() {
        return "'$nan'".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "'$inf'" } else { "'$-inf'" }.to_string();
    }
    // `{:?}` is the shortest representation that reads back exactly:
    // `0.1`, `1.0`, `1e300`, `1.5e-7`, `10000000000.0`.
    let s = format!("{f:?}");
    match s.split_once('e') {
        Some((mantissa, exp)) if !mantissa.contains('.') => format!("{mantissa}.0e{exp}"),
        Some(_) => s,
        None if s.contains('.') => s,
        None => format!("{s}.0"),
    }
}

fn fun_name(f: &FunName) -> String {
    format!("{}/{}", quote_atom(&f.name), f.arity)
}

/// The elements of a literal list and its tail (`Nil` for a proper list).
fn literal_list(l: &Literal) -> (Vec<&Literal>, &Literal) {
    let mut items = Vec::new();
    let mut cur = l;
    while let Literal::Cons(h, t) = cur {
        items.push(&**h);
        cur = t;
    }
    (items, cur)
}

fn as_string(items: &[&Literal], tail: &Literal) -> Option<String> {
    if items.is_empty() || !matches!(tail, Literal::Nil) {
        return None;
    }
    let mut out = String::from("\"");
    for item in items {
        match item {
            Literal::Int(n) if (32..=126).contains(n) || matches!(n, 9 | 10 | 13) => {
                // In range: a char.
                let c = char::from(u8::try_from(*n).ok()?);
                push_escaped_char(&mut out, c, '"');
            }
            _ => return None,
        }
    }
    out.push('"');
    Some(out)
}

fn literal_has_map(l: &Literal) -> bool {
    let mut stack = vec![l];
    while let Some(l) = stack.pop() {
        match l {
            Literal::Map(_) => return true,
            Literal::Cons(h, t) => {
                stack.push(h);
                stack.push(t);
            }
            Literal::Tuple(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
    false
}

fn bin_type(t: BinType) -> &'static str {
    match t {
        BinType::Integer => "'integer'",
        BinType::Float => "'float'",
        // Core Erlang has no `bitstring` type: a bitstring segment is a
        // `binary` one whose unit is 1 (as `v3_core` writes it).
        BinType::Binary | BinType::Bitstring => "'binary'",
        BinType::Utf8 => "'utf8'",
        BinType::Utf16 => "'utf16'",
        BinType::Utf32 => "'utf32'",
    }
}

fn bin_flags(signed: bool, endian: Endian) -> &'static str {
    match (signed, endian) {
        (false, Endian::Big) => "['unsigned'|['big']]",
        (false, Endian::Little) => "['unsigned'|['little']]",
        (false, Endian::Native) => "['unsigned'|['native']]",
        (true, Endian::Big) => "['signed'|['big']]",
        (true, Endian::Little) => "['signed'|['little']]",
        (true, Endian::Native) => "['signed'|['native']]",
    }
}

fn is_utf(t: BinType) -> bool {
    matches!(t, BinType::Utf8 | BinType::Utf16 | BinType::Utf32)
}

/// The default size of a segment without one, as Core Erlang spells it.
fn default_size(t: BinType) -> &'static str {
    match t {
        BinType::Integer => "8",
        BinType::Float => "64",
        BinType::Binary | BinType::Bitstring => "'all'",
        BinType::Utf8 | BinType::Utf16 | BinType::Utf32 => "'undefined'",
    }
}

/// Short enough to print on the line of its `let`.
fn is_simple(e: &Expr) -> bool {
    fn go(e: &Expr, budget: &mut i32) -> bool {
        *budget -= 1;
        if *budget < 0 {
            return false;
        }
        match &e.kind {
            ExprKind::Var(_) | ExprKind::FunRef(_) => true,
            ExprKind::Lit(l) => match l {
                Literal::Int(_)
                | Literal::BigInt(_)
                | Literal::Float(_)
                | Literal::Atom(_)
                | Literal::Nil => true,
                Literal::Binary(b) => b.len() <= 2,
                _ => {
                    let (items, tail) = literal_list(l);
                    as_string(&items, tail).is_some_and(|s| s.len() < 40)
                }
            },
            ExprKind::Cons(h, t) => go(h, budget) && go(t, budget),
            ExprKind::Tuple(items) | ExprKind::Values(items) => items.iter().all(|i| go(i, budget)),
            ExprKind::Call {
                module,
                function,
                args,
            } => go(module, budget) && go(function, budget) && args.iter().all(|a| go(a, budget)),
            ExprKind::Apply { fun, args } => go(fun, budget) && args.iter().all(|a| go(a, budget)),
            ExprKind::PrimOp { args, .. } => args.iter().all(|a| go(a, budget)),
            _ => false,
        }
    }
    let mut budget = 8;
    go(e, &mut budget)
}

// ---------------------------------------------------------------------------
// The printer proper

enum Task<'a> {
    Expr(&'a Expr, usize),
    Lit(&'a Literal),
    Pat(&'a Pattern, usize),
    Text(&'static str),
    Owned(String),
    /// Newline, then indentation.
    Nl(usize),
    Bind(Vec<&'a str>),
    Unbind(Vec<&'a str>),
    Clause(&'a Clause, usize),
    /// `'f'/1 =` newline `fun ...`, for `letrec` and the module.
    Def(&'a FunName, &'a Fun, usize, u32),
}

enum EqTarget<'a> {
    Var(&'a str),
    Lit(&'a Literal),
}

struct Printer<'a> {
    out: String,
    names: Names,
    tasks: Vec<Task<'a>>,
    /// Variables in scope (counts: shadowing is legal).
    scope: HashMap<&'a str, u32>,
    /// Pattern variable occurrences (by address) printed under another name.
    var_renames: HashMap<*const Var, String>,
    /// Literal patterns (by address) printed as a variable.
    lit_renames: HashMap<*const Pattern, String>,
}

impl<'a> Printer<'a> {
    fn new(used: HashSet<String>) -> Printer<'a> {
        Printer {
            out: String::new(),
            names: Names {
                used,
                renamed: HashMap::new(),
                counter: 0,
            },
            tasks: Vec::new(),
            scope: HashMap::new(),
            var_renames: HashMap::new(),
            lit_renames: HashMap::new(),
        }
    }

    fn push_all(&mut self, tasks: Vec<Task<'a>>) {
        self.tasks.extend(tasks.into_iter().rev());
    }

    fn newline(&mut self, indent: usize) {
        self.out.push('\n');
        for _ in 0..indent.min(MAX_INDENT) {
            self.out.push(' ');
        }
    }

    fn module(&mut self, m: &'a Module) {
        self.out.push_str("module ");
        self.out.push_str(&quote_atom(&m.name));
        self.out.push_str(" [");
        for (i, e) in m.exports.iter().enumerate() {
            if i > 0 {
                self.out.push_str(",\n    ");
            }
            self.out.push_str(&fun_name(e));
        }
        self.out.push_str("]\n    attributes [");
        for (i, (name, value)) in m.attributes.iter().enumerate() {
            if i > 0 {
                self.out.push_str(",\n                ");
            }
            self.out.push_str(&quote_atom(name));
            self.out.push_str(" = ");
            self.tasks.push(Task::Lit(value));
            self.run();
        }
        self.out.push(']');
        for f in &m.functions {
            self.scope.clear();
            self.tasks
                .push(Task::Def(&f.name, &f.fun, 0, f.fun.span.line));
            self.run();
        }
        self.out.push_str("\nend\n");
    }

    fn run(&mut self) {
        while let Some(task) = self.tasks.pop() {
            match task {
                Task::Text(s) => self.out.push_str(s),
                Task::Owned(s) => self.out.push_str(&s),
                Task::Nl(i) => self.newline(i),
                Task::Bind(vars) => {
                    for v in vars {
                        *self.scope.entry(v).or_insert(0) += 1;
                    }
                }
                Task::Unbind(vars) => {
                    for v in vars {
                        if let Some(n) = self.scope.get_mut(v) {
                            *n -= 1;
                            if *n == 0 {
                                self.scope.remove(v);
                            }
                        }
                    }
                }
                Task::Expr(e, i) => self.expr(e, i),
                Task::Lit(l) => self.literal(l),
                Task::Pat(p, i) => self.pattern(p, i),
                Task::Clause(c, i) => self.clause(c, i),
                Task::Def(name, f, i, line) => {
                    self.newline(i);
                    self.out.push_str(&fun_name(name));
                    self.out.push_str(" =");
                    if line > 0 {
                        self.newline(i + 4);
                        self.out.push_str(&format!("%% Line {line}"));
                    }
                    self.newline(i + 4);
                    self.fun(f, i + 4);
                }
            }
        }
    }

    fn var(&mut self, v: &str) -> String {
        self.names.var(v)
    }

    fn vars_list(&mut self, vars: &[Var]) -> String {
        let names: Vec<String> = vars.iter().map(|v| self.var(v)).collect();
        names.join(", ")
    }

    /// Comma-separated expressions.
    fn comma_exprs(items: &'a [Expr], i: usize, tasks: &mut Vec<Task<'a>>) {
        for (k, e) in items.iter().enumerate() {
            if k > 0 {
                tasks.push(Task::Text(", "));
            }
            tasks.push(Task::Expr(e, i));
        }
    }

    fn fun(&mut self, f: &'a Fun, i: usize) {
        let params = self.vars_list(&f.params);
        self.out.push_str(&format!("fun ({params}) ->"));
        let bound: Vec<&str> = f.params.iter().map(String::as_str).collect();
        self.push_all(vec![
            Task::Bind(bound.clone()),
            Task::Nl(i + 4),
            Task::Expr(&f.body, i + 4),
            Task::Unbind(bound),
        ]);
    }

    fn expr(&mut self, e: &'a Expr, i: usize) {
        match &e.kind {
            ExprKind::Var(v) => {
                let name = self.var(v);
                self.out.push_str(&name);
            }
            ExprKind::Lit(l) => self.literal(l),
            ExprKind::FunRef(f) => self.out.push_str(&fun_name(f)),
            ExprKind::Cons(..) => {
                // Print a chain of conses as one list: `[A, B | T]`.
                let mut items = Vec::new();
                let mut cur = e;
                while let ExprKind::Cons(h, t) = &cur.kind {
                    items.push(&**h);
                    cur = t;
                }
                let mut tasks = vec![Task::Text("[")];
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        tasks.push(Task::Text(", "));
                    }
                    tasks.push(Task::Expr(item, i + 4));
                }
                if !matches!(cur.kind, ExprKind::Lit(Literal::Nil)) {
                    tasks.push(Task::Text(" | "));
                    tasks.push(Task::Expr(cur, i + 4));
                }
                tasks.push(Task::Text("]"));
                self.push_all(tasks);
            }
            ExprKind::Tuple(items) => {
                let mut tasks = vec![Task::Text("{")];
                Self::comma_exprs(items, i + 4, &mut tasks);
                tasks.push(Task::Text("}"));
                self.push_all(tasks);
            }
            ExprKind::Values(items) => {
                let mut tasks = vec![Task::Text("<")];
                Self::comma_exprs(items, i + 4, &mut tasks);
                tasks.push(Task::Text(">"));
                self.push_all(tasks);
            }
            ExprKind::Fun(f) => self.fun(f, i),
            ExprKind::Let { vars, value, body } => {
                let names = self.vars_list(vars);
                self.out.push_str(&format!("let <{names}> ="));
                let bound: Vec<&str> = vars.iter().map(String::as_str).collect();
                let mut tasks = Vec::new();
                if is_simple(value) {
                    tasks.push(Task::Text(" "));
                    tasks.push(Task::Expr(value, i + 4));
                } else {
                    tasks.push(Task::Nl(i + 4));
                    tasks.push(Task::Expr(value, i + 4));
                }
                tasks.extend([
                    Task::Nl(i),
                    Task::Text("in "),
                    Task::Bind(bound.clone()),
                    Task::Expr(body, i),
                    Task::Unbind(bound),
                ]);
                self.push_all(tasks);
            }
            ExprKind::LetRec { defs, body } => {
                self.out.push_str("letrec");
                let mut tasks = Vec::new();
                for (name, f) in defs {
                    tasks.push(Task::Def(name, f, i + 4, 0));
                }
                tasks.push(Task::Nl(i));
                tasks.push(Task::Text("in "));
                tasks.push(Task::Expr(body, i));
                self.push_all(tasks);
            }
            ExprKind::Seq(first, then) => {
                self.out.push_str("do  ");
                self.push_all(vec![
                    Task::Expr(first, i + 4),
                    Task::Nl(i + 4),
                    Task::Expr(then, i + 4),
                ]);
            }
            ExprKind::Case { arg, clauses } => {
                self.out.push_str("case ");
                let mut tasks = vec![Task::Expr(arg, i + 4), Task::Text(" of")];
                for c in clauses {
                    tasks.push(Task::Clause(c, i + 2));
                }
                tasks.push(Task::Nl(i));
                tasks.push(Task::Text("end"));
                self.push_all(tasks);
            }
            ExprKind::Receive {
                clauses,
                timeout,
                after,
            } => {
                self.out.push_str("receive");
                let mut tasks = Vec::new();
                for c in clauses {
                    tasks.push(Task::Clause(c, i + 2));
                }
                tasks.extend([
                    Task::Nl(i),
                    Task::Text("after "),
                    Task::Expr(timeout, i + 4),
                    Task::Text(" ->"),
                    Task::Nl(i + 4),
                    Task::Expr(after, i + 4),
                ]);
                self.push_all(tasks);
            }
            ExprKind::Apply { fun, args } => {
                self.out.push_str("apply ");
                let mut tasks = vec![Task::Expr(fun, i + 4), Task::Text("(")];
                Self::comma_exprs(args, i + 4, &mut tasks);
                tasks.push(Task::Text(")"));
                self.push_all(tasks);
            }
            ExprKind::Call {
                module,
                function,
                args,
            } => {
                self.out.push_str("call ");
                let mut tasks = vec![
                    Task::Expr(module, i + 4),
                    Task::Text(":"),
                    Task::Expr(function, i + 4),
                    Task::Text("("),
                ];
                Self::comma_exprs(args, i + 4, &mut tasks);
                tasks.push(Task::Text(")"));
                self.push_all(tasks);
            }
            ExprKind::PrimOp { name, args } => {
                self.out.push_str("primop ");
                self.out.push_str(&quote_atom(name));
                let mut tasks = vec![Task::Text("(")];
                Self::comma_exprs(args, i + 4, &mut tasks);
                tasks.push(Task::Text(")"));
                self.push_all(tasks);
            }
            ExprKind::Try {
                arg,
                vars,
                body,
                evars,
                handler,
            } => {
                self.out.push_str("try");
                let names = self.vars_list(vars);
                let enames = self.vars_list(evars);
                let bound: Vec<&str> = vars.iter().map(String::as_str).collect();
                let ebound: Vec<&str> = evars.iter().map(String::as_str).collect();
                self.push_all(vec![
                    Task::Nl(i + 4),
                    Task::Expr(arg, i + 4),
                    Task::Nl(i),
                    Task::Owned(format!("of <{names}> ->")),
                    Task::Bind(bound.clone()),
                    Task::Nl(i + 4),
                    Task::Expr(body, i + 4),
                    Task::Unbind(bound),
                    Task::Nl(i),
                    Task::Owned(format!("catch <{enames}> ->")),
                    Task::Bind(ebound.clone()),
                    Task::Nl(i + 4),
                    Task::Expr(handler, i + 4),
                    Task::Unbind(ebound),
                ]);
            }
            ExprKind::Catch(inner) => {
                self.out.push_str("catch ");
                self.tasks.push(Task::Expr(inner, i + 4));
            }
            ExprKind::Map { base, pairs } => {
                let mut map = vec![Task::Text("~{")];
                for (k, pair) in pairs.iter().enumerate() {
                    if k > 0 {
                        map.push(Task::Text(", "));
                    }
                    map.push(Task::Expr(&pair.key, i + 4));
                    map.push(Task::Text(match pair.op {
                        MapOp::Assoc => " => ",
                        MapOp::Exact => " := ",
                    }));
                    map.push(Task::Expr(&pair.value, i + 4));
                }
                match base {
                    None => {
                        map.push(Task::Text("}~"));
                        self.push_all(map);
                    }
                    Some(base) => {
                        // OTP's shape: check the base is a map, else badmap.
                        let (mut tasks, name) = match &base.kind {
                            ExprKind::Var(v) => (Vec::new(), self.var(v)),
                            _ => {
                                let name = self.names.fresh();
                                let tasks = vec![
                                    Task::Owned(format!("let <{name}> =")),
                                    Task::Nl(i + 4),
                                    Task::Expr(base, i + 4),
                                    Task::Nl(i),
                                    Task::Text("in "),
                                ];
                                (tasks, name)
                            }
                        };
                        tasks.push(Task::Text("case <> of"));
                        tasks.push(Task::Nl(i + 2));
                        tasks.push(Task::Owned(format!(
                            "<> when call 'erlang':'is_map'({name}) ->"
                        )));
                        tasks.push(Task::Nl(i + 6));
                        if pairs.is_empty() {
                            tasks.push(Task::Owned(name.clone()));
                        } else {
                            tasks.extend(map);
                            tasks.push(Task::Owned(format!(" | {name}}}~")));
                        }
                        tasks.push(Task::Nl(i + 2));
                        tasks.push(Task::Text("<> when 'true' ->"));
                        tasks.push(Task::Nl(i + 6));
                        tasks.push(Task::Owned(format!(
                            "primop 'match_fail'({{'badmap', {name}}})"
                        )));
                        tasks.push(Task::Nl(i));
                        tasks.push(Task::Text("end"));
                        self.push_all(tasks);
                    }
                }
            }
            ExprKind::Binary(segs) => {
                let mut tasks = vec![Task::Text("#{")];
                for (k, s) in segs.iter().enumerate() {
                    if k > 0 {
                        tasks.push(Task::Text(", "));
                    }
                    tasks.push(Task::Text("#<"));
                    tasks.push(Task::Expr(&s.value, i + 4));
                    tasks.push(Task::Text(">("));
                    Self::segment_tail(s, i, &mut tasks);
                }
                tasks.push(Task::Text("}#"));
                self.push_all(tasks);
            }
        }
    }

    /// `Size, Unit, 'type', Flags)` of a segment.
    fn segment_tail<T>(s: &'a BinSegment<T>, i: usize, tasks: &mut Vec<Task<'a>>) {
        match &s.size {
            Some(size) if !is_utf(s.ty) => tasks.push(Task::Expr(size, i + 4)),
            _ => tasks.push(Task::Text(default_size(s.ty))),
        }
        if is_utf(s.ty) {
            tasks.push(Task::Text(", 'undefined', "));
        } else {
            tasks.push(Task::Owned(format!(", {}, ", s.unit)));
        }
        tasks.push(Task::Text(bin_type(s.ty)));
        tasks.push(Task::Text(", "));
        tasks.push(Task::Text(bin_flags(s.signed, s.endian)));
        tasks.push(Task::Text(")"));
    }

    fn literal(&mut self, l: &'a Literal) {
        match l {
            Literal::Int(n) => self.out.push_str(&n.to_string()),
            Literal::BigInt(digits) => self.out.push_str(digits),
            Literal::Float(f) => self.out.push_str(&format_float(*f)),
            Literal::Atom(a) => self.out.push_str(&quote_atom(a)),
            Literal::Nil => self.out.push_str("[]"),
            Literal::Cons(..) => {
                let (items, tail) = literal_list(l);
                if let Some(s) = as_string(&items, tail) {
                    self.out.push_str(&s);
                    return;
                }
                let mut tasks = vec![Task::Text("[")];
                for (k, item) in items.into_iter().enumerate() {
                    if k > 0 {
                        tasks.push(Task::Text(","));
                    }
                    tasks.push(Task::Lit(item));
                }
                if !matches!(tail, Literal::Nil) {
                    tasks.push(Task::Text("|"));
                    tasks.push(Task::Lit(tail));
                }
                tasks.push(Task::Text("]"));
                self.push_all(tasks);
            }
            Literal::Tuple(items) => {
                let mut tasks = vec![Task::Text("{")];
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        tasks.push(Task::Text(","));
                    }
                    tasks.push(Task::Lit(item));
                }
                tasks.push(Task::Text("}"));
                self.push_all(tasks);
            }
            Literal::Map(pairs) => {
                let mut tasks = vec![Task::Text("~{")];
                for (k, (key, value)) in pairs.iter().enumerate() {
                    if k > 0 {
                        tasks.push(Task::Text(","));
                    }
                    tasks.push(Task::Lit(key));
                    tasks.push(Task::Text("=>"));
                    tasks.push(Task::Lit(value));
                }
                tasks.push(Task::Text("}~"));
                self.push_all(tasks);
            }
            Literal::Binary(bytes) => {
                self.out.push_str("#{");
                for (k, b) in bytes.iter().enumerate() {
                    if k > 0 {
                        self.out.push(',');
                    }
                    self.out
                        .push_str(&format!("#<{b}>(8,1,'integer',['unsigned'|['big']])"));
                }
                self.out.push_str("}#");
            }
        }
    }

    /// Decides, for one clause, which pattern occurrences become fresh
    /// variables with an equality guard. Returns the guard conjuncts.
    /// Also returns the variables the clause binds.
    #[allow(clippy::type_complexity)]
    fn plan_clause(&mut self, c: &'a Clause) -> (Vec<(String, EqTarget<'a>)>, Vec<&'a str>) {
        let mut seen: HashSet<&'a str> = HashSet::new();
        let mut tests = Vec::new();
        // Left to right: a stack with children pushed in reverse.
        let mut stack: Vec<&'a Pattern> = c.pats.iter().rev().collect();
        while let Some(p) = stack.pop() {
            let mut check_var = |this: &mut Self, v: &'a Var| {
                if this.scope.contains_key(v.as_str()) || !seen.insert(v.as_str()) {
                    let fresh = this.names.fresh();
                    this.var_renames.insert(v as *const Var, fresh.clone());
                    tests.push((fresh, EqTarget::Var(v.as_str())));
                }
            };
            match p {
                Pattern::Var(v) => check_var(self, v),
                Pattern::Alias(v, inner) => {
                    check_var(self, v);
                    stack.push(inner);
                }
                Pattern::Lit(l) if literal_has_map(l) => {
                    let fresh = self.names.fresh();
                    self.lit_renames.insert(p as *const Pattern, fresh.clone());
                    tests.push((fresh, EqTarget::Lit(l)));
                }
                Pattern::Wildcard | Pattern::Lit(_) => {}
                Pattern::Cons(h, t) => {
                    stack.push(t);
                    stack.push(h);
                }
                Pattern::Tuple(items) => stack.extend(items.iter().rev()),
                Pattern::Map(pairs) => stack.extend(pairs.iter().rev().map(|(_, p)| p)),
                Pattern::Binary(segs) => stack.extend(segs.iter().rev().map(|s| &s.value)),
            }
        }
        let mut bound: Vec<&'a str> = seen.into_iter().collect();
        bound.sort_unstable();
        (tests, bound)
    }

    fn clause(&mut self, c: &'a Clause, i: usize) {
        let (tests, bound) = self.plan_clause(c);
        self.newline(i);
        let mut tasks = vec![Task::Text("<")];
        for (k, p) in c.pats.iter().enumerate() {
            if k > 0 {
                tasks.push(Task::Text(", "));
            }
            tasks.push(Task::Pat(p, i + 4));
        }
        tasks.push(Task::Text("> when "));
        tasks.push(Task::Bind(bound.clone()));
        let n = tests.len();
        let mut conjuncts = 0;
        for (k, (fresh, target)) in tests.into_iter().enumerate() {
            let last = k + 1 == n && c.guard.is_none();
            if !last {
                tasks.push(Task::Text("call 'erlang':'and'("));
                conjuncts += 1;
            }
            tasks.push(Task::Owned(format!("call 'erlang':'=:='({fresh}, ")));
            match target {
                EqTarget::Var(v) => tasks.push(Task::Owned(self.var(v))),
                EqTarget::Lit(l) => tasks.push(Task::Lit(l)),
            }
            tasks.push(Task::Text(")"));
            if !last {
                tasks.push(Task::Text(", "));
            }
        }
        match &c.guard {
            // As v3_core: a guard that computes a value to test it
            // (`element(1, X) =:= a`) is wrapped in a `try` whose failure is
            // 'false'. OTP's passes assume that (its receive optimisation
            // asserts it); the meaning is the same.
            Some(g) if nested_guard_call(g) => {
                let t = self.names.fresh();
                // A guard's `try` has two exception variables (core_lint).
                let (c1, c2) = (self.names.fresh(), self.names.fresh());
                tasks.push(Task::Text("try "));
                let unnested = self.unnested_guard(g, i + 8);
                tasks.extend(unnested);
                tasks.push(Task::Owned(format!(
                    " of <{t}> -> {t} catch <{c1}, {c2}> -> 'false'"
                )));
            }
            Some(g) => tasks.push(Task::Expr(g, i + 8)),
            None if n == 0 => tasks.push(Task::Text("'true'")),
            None => {}
        }
        for _ in 0..conjuncts {
            tasks.push(Task::Text(")"));
        }
        tasks.extend([
            Task::Text(" ->"),
            Task::Nl(i + 4),
            Task::Expr(&c.body, i + 4),
            Task::Unbind(bound),
        ]);
        self.push_all(tasks);
    }

    /// A guard expression with each call's call arguments bound by `let`
    /// first, as v3_core writes guards (Core forbids a call as an argument
    /// of a call inside a guard's `try`).
    fn unnested_guard(&mut self, e: &'a Expr, i: usize) -> Vec<Task<'a>> {
        let ExprKind::Call {
            module,
            function,
            args,
        } = &e.kind
        else {
            return vec![Task::Expr(e, i)];
        };
        let mut out = Vec::new();
        let mut arg_tasks = Vec::new();
        for a in args {
            if matches!(a.kind, ExprKind::Call { .. }) {
                let v = self.names.fresh();
                out.push(Task::Owned(format!("let <{v}> = ")));
                let inner = self.unnested_guard(a, i);
                out.extend(inner);
                out.push(Task::Text(" in "));
                arg_tasks.push(Task::Owned(v));
            } else {
                arg_tasks.push(Task::Expr(a, i));
            }
        }
        out.push(Task::Text("call "));
        out.push(Task::Expr(module, i));
        out.push(Task::Text(":"));
        out.push(Task::Expr(function, i));
        out.push(Task::Text("("));
        for (k, t) in arg_tasks.into_iter().enumerate() {
            if k > 0 {
                out.push(Task::Text(", "));
            }
            out.push(t);
        }
        out.push(Task::Text(")"));
        out
    }

    fn pattern(&mut self, p: &'a Pattern, i: usize) {
        match p {
            Pattern::Var(v) => {
                let name = match self.var_renames.get(&(v as *const Var)) {
                    Some(r) => r.clone(),
                    None => self.var(v),
                };
                self.out.push_str(&name);
            }
            Pattern::Wildcard => {
                let name = self.names.fresh();
                self.out.push_str(&name);
            }
            Pattern::Lit(l) => match self.lit_renames.get(&(p as *const Pattern)) {
                Some(r) => {
                    let r = r.clone();
                    self.out.push_str(&r);
                }
                None => self.literal(l),
            },
            Pattern::Cons(..) => {
                let mut items = Vec::new();
                let mut cur = p;
                while let Pattern::Cons(h, t) = cur {
                    items.push(&**h);
                    cur = t;
                }
                let mut tasks = vec![Task::Text("[")];
                for (k, item) in items.into_iter().enumerate() {
                    if k > 0 {
                        tasks.push(Task::Text(", "));
                    }
                    tasks.push(Task::Pat(item, i));
                }
                if !matches!(cur, Pattern::Lit(Literal::Nil)) {
                    tasks.push(Task::Text(" | "));
                    tasks.push(Task::Pat(cur, i));
                }
                tasks.push(Task::Text("]"));
                self.push_all(tasks);
            }
            Pattern::Tuple(items) => {
                let mut tasks = vec![Task::Text("{")];
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        tasks.push(Task::Text(", "));
                    }
                    tasks.push(Task::Pat(item, i));
                }
                tasks.push(Task::Text("}"));
                self.push_all(tasks);
            }
            Pattern::Alias(v, inner) => {
                let name = match self.var_renames.get(&(v as *const Var)) {
                    Some(r) => r.clone(),
                    None => self.var(v),
                };
                self.out.push_str(&name);
                self.out.push_str(" = ");
                self.tasks.push(Task::Pat(inner, i));
            }
            Pattern::Map(pairs) => {
                let mut tasks = vec![Task::Text("~{")];
                for (k, (key, value)) in pairs.iter().enumerate() {
                    if k > 0 {
                        tasks.push(Task::Text(", "));
                    }
                    tasks.push(Task::Expr(key, i));
                    tasks.push(Task::Text(" := "));
                    tasks.push(Task::Pat(value, i));
                }
                tasks.push(Task::Text("}~"));
                self.push_all(tasks);
            }
            Pattern::Binary(segs) => {
                let mut tasks = vec![Task::Text("#{")];
                for (k, s) in segs.iter().enumerate() {
                    if k > 0 {
                        tasks.push(Task::Text(", "));
                    }
                    tasks.push(Task::Text("#<"));
                    tasks.push(Task::Pat(&s.value, i));
                    tasks.push(Task::Text(">("));
                    Self::segment_tail(s, i, &mut tasks);
                }
                tasks.push(Task::Text("}#"));
                self.push_all(tasks);
            }
        }
    }
}

/// Whether a guard calls a function on the result of another call (below
/// the `and`/`or`/`not` that combine guard tests).
fn nested_guard_call(e: &Expr) -> bool {
    let ExprKind::Call { function, args, .. } = &e.kind else {
        return false;
    };
    let combinator = matches!(&function.kind, ExprKind::Lit(Literal::Atom(f))
        if matches!(f.as_str(), "and" | "or" | "not" | "xor"));
    if combinator {
        args.iter().any(nested_guard_call)
    } else {
        args.iter().any(|a| {
            matches!(
                a.kind,
                ExprKind::Call { .. } | ExprKind::Let { .. } | ExprKind::Case { .. }
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoms_are_quoted_and_escaped() {
        assert_eq!(quote_atom("ok"), "'ok'");
        assert_eq!(quote_atom("hello world"), "'hello world'");
        assert_eq!(quote_atom("it's"), "'it\\'s'");
        assert_eq!(quote_atom("a\\b"), "'a\\\\b'");
        assert_eq!(quote_atom("\n\t\u{1}\u{7f}"), "'\\n\\t\\001\\d'");
        assert_eq!(quote_atom("é"), "'é'");
        assert_eq!(quote_atom(""), "''");
    }

    #[test]
    fn floats_always_have_a_dot() {
        assert_eq!(format_float(0.1), "0.1");
        assert_eq!(format_float(1.0), "1.0");
        assert_eq!(format_float(1e10), "10000000000.0");
        assert_eq!(format_float(1e300), "1.0e300");
        assert_eq!(format_float(-1.5e-7), "-1.5e-7");
        assert_eq!(format_float(2.71), "2.71");
        assert_eq!(format_float(f64::NAN), "'$nan'");
    }

    #[test]
    fn variable_legality() {
        assert!(is_legal_var("X"));
        assert!(is_legal_var("_"));
        assert!(is_legal_var("X@1"));
        assert!(is_legal_var("_cor3"));
        assert!(!is_legal_var("x"));
        assert!(!is_legal_var("X-1"));
        assert!(!is_legal_var(""));
        assert!(!is_legal_var("Ärger"));
    }
}
