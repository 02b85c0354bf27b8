//! Well-formedness checks for lowered IR.
//!
//! [`validate`] checks the invariants documented at the top of `tree.rs`:
//! - every variable is bound before use (function parameters, `let`,
//!   patterns, `try` variables); a binary size in a pattern may also use a
//!   variable bound earlier in the same clause's patterns;
//! - a `FunRef` names a top-level function or an enclosing `letrec` binding
//!   of that arity, and `apply` of a `FunRef` passes that many arguments;
//! - exports exist; no function (top-level or in one `letrec`) is defined
//!   twice; no variable is bound twice by one `fun`, `let` or `try`;
//! - clauses have as many patterns as the `case` argument has values (one
//!   unless it is `Values`); `receive` clauses have one pattern;
//! - a variable occurs at most once in one clause's patterns, unless it is
//!   bound outside the clause (then every occurrence is an equality test);
//! - `Values` appears only as a `case` argument or where a `let` or `try`
//!   binds several variables (directly, or in the tail of a `let`, `letrec`,
//!   `do`, `case`, `receive` or `try` in that position), with as many values
//!   as variables;
//! - `:=` only in a map update; floats are finite;
//! - binary segments: unit not zero, no size on `utf8/16/32`, float sizes
//!   16/32/64, literal sizes non-negative integers, a `binary`/`bitstring`
//!   segment without a size only last in a pattern, segment patterns are
//!   variables, `_` or literals.
//!
//! The walk uses an explicit work stack, never the Rust stack, so it runs on
//! any thread whatever the depth of the IR (100,000 nested `let`s are fine).

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::span::Span;
use crate::tree::*;

/// One broken invariant: where (function and span) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// The module's source file.
    pub file: String,
    /// The top-level function the error is in (`None` for module-level
    /// errors such as a missing export).
    pub function: Option<FunName>,
    pub span: Span,
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.span.line)?;
        if let Some(func) = &self.function {
            write!(f, "in {}/{}: ", func.name, func.arity)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValidationError {}

/// Checks `m`; all errors found, in walk order.
pub fn validate(m: &Module) -> Result<(), Vec<ValidationError>> {
    let mut v = Validator {
        file: &m.file,
        function: None,
        errors: Vec::new(),
        top: HashSet::new(),
        local: HashMap::new(),
        scope: HashMap::new(),
    };
    v.module(m);
    if v.errors.is_empty() {
        Ok(())
    } else {
        Err(v.errors)
    }
}

/// How many values the context of an expression expects.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// One value; `Values` is not allowed.
    Single,
    /// The value of a `let`/`try` binding this many variables.
    Multi(usize),
}

enum Work<'a> {
    Expr(&'a Expr, Ctx),
    Clause(&'a Clause, usize, Ctx),
    Bind(Vec<&'a str>),
    Unbind(Vec<&'a str>),
    PushFuns(Vec<(&'a str, u32)>),
    PopFuns(Vec<(&'a str, u32)>),
}

struct Validator<'a> {
    file: &'a str,
    function: Option<&'a FunName>,
    errors: Vec<ValidationError>,
    top: HashSet<(&'a str, u32)>,
    local: HashMap<(&'a str, u32), u32>,
    scope: HashMap<&'a str, u32>,
}

fn has_dup<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut seen = HashSet::new();
    names.into_iter().find(|n| !seen.insert(*n))
}

impl<'a> Validator<'a> {
    fn error(&mut self, span: Span, message: String) {
        self.errors.push(ValidationError {
            file: self.file.to_string(),
            function: self.function.cloned(),
            span,
            message,
        });
    }

    fn module(&mut self, m: &'a Module) {
        for f in &m.functions {
            if !self.top.insert((f.name.name.as_str(), f.name.arity)) {
                self.function = Some(&f.name);
                self.error(
                    f.fun.span,
                    format!(
                        "function {}/{} is defined more than once",
                        f.name.name, f.name.arity
                    ),
                );
            }
        }
        self.function = None;
        for e in &m.exports {
            if !self.top.contains(&(e.name.as_str(), e.arity)) {
                self.error(
                    m.span,
                    format!("exported function {}/{} is not defined", e.name, e.arity),
                );
            }
        }
        for (_, value) in &m.attributes {
            self.literal(value, m.span);
        }
        for f in &m.functions {
            self.function = Some(&f.name);
            self.scope.clear();
            self.local.clear();
            if f.fun.params.len() != f.name.arity as usize {
                self.error(
                    f.fun.span,
                    format!(
                        "{}/{} is defined with {} parameters",
                        f.name.name,
                        f.name.arity,
                        f.fun.params.len()
                    ),
                );
            }
            let mut work = Vec::new();
            self.fun(&f.fun, &mut work);
            self.run(work);
        }
    }

    fn fun(&mut self, f: &'a Fun, work: &mut Vec<Work<'a>>) {
        if let Some(d) = has_dup(f.params.iter().map(String::as_str)) {
            self.error(f.span, format!("parameter {d} is bound twice"));
        }
        let params: Vec<&str> = f.params.iter().map(String::as_str).collect();
        // Pushed in reverse: bind, body, unbind.
        work.push(Work::Unbind(params.clone()));
        work.push(Work::Expr(&f.body, Ctx::Single));
        work.push(Work::Bind(params));
    }

    fn bound(&self, v: &str) -> bool {
        self.scope.contains_key(v)
    }

    fn run(&mut self, mut work: Vec<Work<'a>>) {
        while let Some(item) = work.pop() {
            match item {
                Work::Bind(vars) => {
                    for v in vars {
                        *self.scope.entry(v).or_insert(0) += 1;
                    }
                }
                Work::Unbind(vars) => {
                    for v in vars {
                        if let Some(n) = self.scope.get_mut(v) {
                            *n -= 1;
                            if *n == 0 {
                                self.scope.remove(v);
                            }
                        }
                    }
                }
                Work::PushFuns(funs) => {
                    for f in funs {
                        *self.local.entry(f).or_insert(0) += 1;
                    }
                }
                Work::PopFuns(funs) => {
                    for f in funs {
                        if let Some(n) = self.local.get_mut(&f) {
                            *n -= 1;
                            if *n == 0 {
                                self.local.remove(&f);
                            }
                        }
                    }
                }
                Work::Expr(e, ctx) => self.expr(e, ctx, &mut work),
                Work::Clause(c, n, ctx) => self.clause(c, n, ctx, &mut work),
            }
        }
    }

    /// Pushes items to run in the given order.
    fn seq(work: &mut Vec<Work<'a>>, items: Vec<Work<'a>>) {
        work.extend(items.into_iter().rev());
    }

    fn expr(&mut self, e: &'a Expr, ctx: Ctx, work: &mut Vec<Work<'a>>) {
        let single = |es: &'a [Expr], work: &mut Vec<Work<'a>>| {
            work.extend(es.iter().rev().map(|x| Work::Expr(x, Ctx::Single)));
        };
        // Constructs that yield exactly one value, in a context that wants
        // several.
        let one_value = !matches!(
            e.kind,
            ExprKind::Values(_)
                | ExprKind::Let { .. }
                | ExprKind::LetRec { .. }
                | ExprKind::Seq(..)
                | ExprKind::Case { .. }
                | ExprKind::Receive { .. }
                | ExprKind::Try { .. }
                | ExprKind::Apply { .. }
                | ExprKind::Call { .. }
                | ExprKind::PrimOp { .. }
        );
        if let Ctx::Multi(n) = ctx {
            if n != 1 && one_value {
                self.error(
                    e.span,
                    format!("{n} values are bound here but the expression has one"),
                );
            }
        }
        match &e.kind {
            ExprKind::Var(v) => {
                if !self.bound(v) {
                    self.error(e.span, format!("variable {v} is unbound"));
                }
            }
            ExprKind::Lit(l) => self.literal(l, e.span),
            ExprKind::FunRef(f) => self.funref(f, e.span),
            ExprKind::Cons(h, t) => {
                work.push(Work::Expr(t, Ctx::Single));
                work.push(Work::Expr(h, Ctx::Single));
            }
            ExprKind::Tuple(items) => single(items, work),
            ExprKind::Values(items) => match ctx {
                Ctx::Single => self.error(
                    e.span,
                    "values <...> are allowed only as a case argument or a let/try value"
                        .to_string(),
                ),
                Ctx::Multi(n) => {
                    if items.len() != n {
                        self.error(
                            e.span,
                            format!("{n} values are bound here but <...> has {}", items.len()),
                        );
                    }
                    single(items, work);
                }
            },
            ExprKind::Fun(f) => self.fun(f, work),
            ExprKind::Let { vars, value, body } => {
                if let Some(d) = has_dup(vars.iter().map(String::as_str)) {
                    self.error(e.span, format!("let binds {d} twice"));
                }
                let names: Vec<&str> = vars.iter().map(String::as_str).collect();
                Self::seq(
                    work,
                    vec![
                        Work::Expr(value, Ctx::Multi(vars.len())),
                        Work::Bind(names.clone()),
                        Work::Expr(body, ctx),
                        Work::Unbind(names),
                    ],
                );
            }
            ExprKind::LetRec { defs, body } => {
                let names: Vec<(&str, u32)> = defs
                    .iter()
                    .map(|(n, _)| (n.name.as_str(), n.arity))
                    .collect();
                let mut seen = HashSet::new();
                for (name, f) in defs {
                    if !seen.insert((name.name.as_str(), name.arity)) {
                        self.error(
                            f.span,
                            format!("letrec defines {}/{} more than once", name.name, name.arity),
                        );
                    }
                    if f.params.len() != name.arity as usize {
                        self.error(
                            f.span,
                            format!(
                                "{}/{} is defined with {} parameters",
                                name.name,
                                name.arity,
                                f.params.len()
                            ),
                        );
                    }
                }
                work.push(Work::PopFuns(names.clone()));
                work.push(Work::Expr(body, ctx));
                for (_, f) in defs.iter().rev() {
                    self.fun(f, work);
                }
                work.push(Work::PushFuns(names));
            }
            ExprKind::Seq(first, then) => {
                work.push(Work::Expr(then, ctx));
                work.push(Work::Expr(first, Ctx::Single));
            }
            ExprKind::Case { arg, clauses } => {
                let mut items: Vec<Work<'a>> = Vec::new();
                let n = match &arg.kind {
                    ExprKind::Values(values) => {
                        items.extend(values.iter().map(|x| Work::Expr(x, Ctx::Single)));
                        values.len()
                    }
                    _ => {
                        items.push(Work::Expr(arg, Ctx::Single));
                        1
                    }
                };
                items.extend(clauses.iter().map(|c| Work::Clause(c, n, ctx)));
                Self::seq(work, items);
            }
            ExprKind::Receive {
                clauses,
                timeout,
                after,
            } => {
                let mut items: Vec<Work<'a>> =
                    clauses.iter().map(|c| Work::Clause(c, 1, ctx)).collect();
                items.push(Work::Expr(timeout, Ctx::Single));
                items.push(Work::Expr(after, ctx));
                Self::seq(work, items);
            }
            ExprKind::Apply { fun, args } => {
                if let ExprKind::FunRef(f) = &fun.kind {
                    if f.arity as usize != args.len() {
                        self.error(
                            e.span,
                            format!(
                                "{}/{} is applied to {} arguments",
                                f.name,
                                f.arity,
                                args.len()
                            ),
                        );
                    }
                }
                single(args, work);
                work.push(Work::Expr(fun, Ctx::Single));
            }
            ExprKind::Call {
                module,
                function,
                args,
            } => {
                single(args, work);
                work.push(Work::Expr(function, Ctx::Single));
                work.push(Work::Expr(module, Ctx::Single));
            }
            ExprKind::PrimOp { args, .. } => single(args, work),
            ExprKind::Try {
                arg,
                vars,
                body,
                evars,
                handler,
            } => {
                if let Some(d) = has_dup(vars.iter().map(String::as_str)) {
                    self.error(e.span, format!("try binds {d} twice"));
                }
                if let Some(d) = has_dup(evars.iter().map(String::as_str)) {
                    self.error(e.span, format!("try's exception variables bind {d} twice"));
                }
                let names: Vec<&str> = vars.iter().map(String::as_str).collect();
                let enames: Vec<&str> = evars.iter().map(String::as_str).collect();
                Self::seq(
                    work,
                    vec![
                        Work::Expr(arg, Ctx::Multi(vars.len())),
                        Work::Bind(names.clone()),
                        Work::Expr(body, ctx),
                        Work::Unbind(names),
                        Work::Bind(enames.clone()),
                        Work::Expr(handler, ctx),
                        Work::Unbind(enames),
                    ],
                );
            }
            ExprKind::Catch(inner) => work.push(Work::Expr(inner, Ctx::Single)),
            ExprKind::Map { base, pairs } => {
                if base.is_none() && pairs.iter().any(|p| p.op == MapOp::Exact) {
                    {
                        self.error(
                            e.span,
                            "`:=` in a map built from scratch (it needs a map to update)"
                                .to_string(),
                        );
                    }
                }
                for p in pairs.iter().rev() {
                    work.push(Work::Expr(&p.value, Ctx::Single));
                    work.push(Work::Expr(&p.key, Ctx::Single));
                }
                if let Some(b) = base {
                    work.push(Work::Expr(b, Ctx::Single));
                }
            }
            ExprKind::Binary(segs) => {
                for s in segs.iter().rev() {
                    self.segment(s, e.span);
                    if let Some(size) = &s.size {
                        work.push(Work::Expr(size, Ctx::Single));
                    }
                    work.push(Work::Expr(&s.value, Ctx::Single));
                }
            }
        }
    }

    fn funref(&mut self, f: &FunName, span: Span) {
        let key = (f.name.as_str(), f.arity);
        if !self.local.contains_key(&key) && !self.top.contains(&key) {
            self.error(
                span,
                format!(
                    "{}/{} is neither a function of the module nor an enclosing letrec binding",
                    f.name, f.arity
                ),
            );
        }
    }

    fn literal(&mut self, l: &Literal, span: Span) {
        let mut stack = vec![l];
        while let Some(l) = stack.pop() {
            match l {
                Literal::Float(f) if !f.is_finite() => {
                    self.error(span, format!("float {f} is not finite"));
                }
                Literal::BigInt(d) if !matches!(Literal::integer(d), Some(Literal::BigInt(n)) if n == *d) =>
                {
                    self.error(
                        span,
                        format!("big integer literal {d:?} is not normalised decimal outside i64"),
                    );
                }
                Literal::Cons(h, t) => {
                    stack.push(t);
                    stack.push(h);
                }
                Literal::Tuple(items) => stack.extend(items.iter().rev()),
                Literal::Map(pairs) => {
                    for (k, v) in pairs.iter().rev() {
                        stack.push(v);
                        stack.push(k);
                    }
                }
                _ => {}
            }
        }
    }

    /// Sanity of one segment's size, unit and type.
    fn segment<T>(&mut self, s: &BinSegment<T>, span: Span) {
        let span = if s.span == Span::NONE { span } else { s.span };
        let utf = matches!(s.ty, BinType::Utf8 | BinType::Utf16 | BinType::Utf32);
        if utf && s.size.is_some() {
            self.error(span, "a utf8/utf16/utf32 segment takes no size".to_string());
        }
        if !utf && s.unit == 0 {
            self.error(span, "a segment's unit must be 1..=256".to_string());
        }
        if let Some(Expr {
            kind: ExprKind::Lit(l),
            ..
        }) = &s.size
        {
            match l {
                Literal::Int(n) if *n < 0 => {
                    self.error(span, format!("segment size {n} is negative"));
                }
                Literal::Int(n) if s.ty == BinType::Float => {
                    let bits = n.saturating_mul(i64::from(s.unit));
                    if !matches!(bits, 16 | 32 | 64) {
                        self.error(
                            span,
                            format!("a float segment is 16, 32 or 64 bits, not {bits}"),
                        );
                    }
                }
                Literal::Int(_) => {}
                Literal::Atom(a) if a == "all" => {}
                _ => self.error(span, "a segment's size must be an integer".to_string()),
            }
        }
    }

    fn pattern_var(
        &mut self,
        v: &'a str,
        seen: &mut Vec<&'a str>,
        seen_set: &mut HashSet<&'a str>,
        span: Span,
    ) {
        if self.bound(v) {
            return; // an equality test with the outer binding
        }
        if seen_set.insert(v) {
            seen.push(v);
        } else {
            self.error(
                span,
                format!("variable {v} is bound twice in the clause's patterns"),
            );
        }
    }

    fn clause(&mut self, c: &'a Clause, n: usize, ctx: Ctx, work: &mut Vec<Work<'a>>) {
        if c.pats.len() != n {
            self.error(
                c.span,
                format!(
                    "the clause has {} patterns but the argument has {n} values",
                    c.pats.len()
                ),
            );
        }
        // Walk the patterns left to right.
        let mut seen: Vec<&'a str> = Vec::new();
        let mut seen_set: HashSet<&'a str> = HashSet::new();
        // Expressions inside patterns (map keys, binary sizes), each with the
        // pattern variables bound before it.
        let mut inner: Vec<(&'a Expr, usize)> = Vec::new();
        let mut stack: Vec<&'a Pattern> = c.pats.iter().rev().collect();
        while let Some(p) = stack.pop() {
            match p {
                Pattern::Var(v) => self.pattern_var(v, &mut seen, &mut seen_set, c.span),
                Pattern::Alias(v, inner_pat) => {
                    self.pattern_var(v, &mut seen, &mut seen_set, c.span);
                    stack.push(inner_pat);
                }
                Pattern::Wildcard => {}
                Pattern::Lit(l) => self.literal(l, c.span),
                Pattern::Cons(h, t) => {
                    stack.push(t);
                    stack.push(h);
                }
                Pattern::Tuple(items) => stack.extend(items.iter().rev()),
                Pattern::Map(pairs) => {
                    for (k, v) in pairs.iter().rev() {
                        inner.push((k, 0));
                        stack.push(v);
                    }
                }
                Pattern::Binary(segs) => {
                    // Segments are walked here in order (values are flat).
                    for (k, s) in segs.iter().enumerate() {
                        self.segment(s, c.span);
                        let last = k + 1 == segs.len();
                        if s.size.is_none()
                            && matches!(s.ty, BinType::Binary | BinType::Bitstring)
                            && !last
                        {
                            self.error(
                                s.span_or(c.span),
                                "a binary segment without a size must be the last one".to_string(),
                            );
                        }
                        if let Some(size) = &s.size {
                            inner.push((size, seen.len()));
                        }
                        match &s.value {
                            Pattern::Var(v) => {
                                self.pattern_var(v, &mut seen, &mut seen_set, c.span)
                            }
                            Pattern::Wildcard | Pattern::Lit(_) => {}
                            _ => self.error(
                                s.span_or(c.span),
                                "a binary segment pattern must be a variable, _ or a literal"
                                    .to_string(),
                            ),
                        }
                    }
                }
            }
        }
        let mut items = Vec::new();
        for (e, prefix) in inner {
            let vars = seen[..prefix].to_vec();
            items.push(Work::Bind(vars.clone()));
            items.push(Work::Expr(e, Ctx::Single));
            items.push(Work::Unbind(vars));
        }
        items.push(Work::Bind(seen.clone()));
        if let Some(g) = &c.guard {
            items.push(Work::Expr(g, Ctx::Single));
        }
        items.push(Work::Expr(&c.body, ctx));
        items.push(Work::Unbind(seen));
        Self::seq(work, items);
    }
}

trait SpanOr {
    fn span_or(&self, fallback: Span) -> Span;
}

impl<T> SpanOr for BinSegment<T> {
    fn span_or(&self, fallback: Span) -> Span {
        if self.span == Span::NONE {
            fallback
        } else {
            self.span
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(line: u32) -> Span {
        Span::new(0, 0, line)
    }
    fn v(n: &str) -> Expr {
        Expr::var(n, s(2))
    }
    fn int(n: i64) -> Expr {
        Expr::lit(Literal::Int(n), s(3))
    }
    fn pv(n: &str) -> Pattern {
        Pattern::Var(n.to_string())
    }
    fn fun(params: &[&str], body: Expr) -> Fun {
        Fun {
            params: params.iter().map(|p| p.to_string()).collect(),
            body: Box::new(body),
            span: s(1),
            name: None,
        }
    }
    fn module(funs: Vec<(&str, Fun)>) -> Module {
        Module {
            name: "m".into(),
            file: "m.erl".into(),
            exports: vec![],
            attributes: vec![],
            functions: funs
                .into_iter()
                .map(|(n, f)| FunDef {
                    name: FunName::new(n, f.params.len() as u32),
                    fun: f,
                })
                .collect(),
            span: s(1),
        }
    }
    fn one(body: Expr) -> Module {
        module(vec![("f", fun(&["X"], body))])
    }
    fn cl(pats: Vec<Pattern>, body: Expr) -> Clause {
        Clause {
            pats,
            guard: None,
            body,
            span: s(4),
        }
    }
    fn case(arg: Expr, clauses: Vec<Clause>) -> Expr {
        Expr::new(
            ExprKind::Case {
                arg: Box::new(arg),
                clauses,
            },
            s(4),
        )
    }
    fn values(items: Vec<Expr>) -> Expr {
        Expr::new(ExprKind::Values(items), s(5))
    }
    fn funref(n: &str, a: u32) -> Expr {
        Expr::new(ExprKind::FunRef(FunName::new(n, a)), s(6))
    }
    fn apply(f: Expr, args: Vec<Expr>) -> Expr {
        Expr::new(
            ExprKind::Apply {
                fun: Box::new(f),
                args,
            },
            s(6),
        )
    }
    fn bin_pat(segs: Vec<BinSegment<Pattern>>) -> Pattern {
        Pattern::Binary(segs)
    }
    fn seg<T>(value: T, size: Option<Expr>, unit: u8, ty: BinType) -> BinSegment<T> {
        BinSegment {
            value,
            size,
            unit,
            ty,
            signed: false,
            endian: Endian::Big,
            span: s(7),
        }
    }

    /// The messages of the errors, or an empty list.
    fn errors(m: &Module) -> Vec<String> {
        match validate(m) {
            Ok(()) => Vec::new(),
            Err(es) => es.into_iter().map(|e| e.message).collect(),
        }
    }

    fn assert_error(m: &Module, needle: &str) {
        let es = errors(m);
        assert!(
            es.iter().any(|e| e.contains(needle)),
            "expected an error containing {needle:?}, got {es:?}"
        );
    }

    #[test]
    fn a_well_formed_module_passes() {
        let body = Expr::let_(
            vec!["A".into(), "B".into()],
            values(vec![v("X"), int(1)]),
            case(
                values(vec![v("A"), v("B")]),
                vec![
                    cl(
                        vec![pv("C"), Pattern::Wildcard],
                        apply(funref("f", 1), vec![v("C")]),
                    ),
                    cl(vec![Pattern::Wildcard, pv("X")], v("X")),
                ],
            ),
            s(2),
        );
        let mut m = one(body);
        m.exports.push(FunName::new("f", 1));
        assert_eq!(errors(&m), Vec::<String>::new());
    }

    #[test]
    fn unbound_variables_are_reported_with_function_and_line() {
        let m = one(Expr::let_(vec!["Y".into()], v("Z"), v("Y"), s(2)));
        let es = validate(&m).unwrap_err();
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].to_string(), "m.erl:2: in f/1: variable Z is unbound");
        // A let's variable is not visible in its own value.
        assert_error(
            &one(Expr::let_(vec!["Y".into()], v("Y"), int(1), s(2))),
            "Y is unbound",
        );
        // Clause variables do not leak out of the case.
        let m = one(Expr::seq(
            case(v("X"), vec![cl(vec![pv("Q")], v("Q"))]),
            v("Q"),
        ));
        assert_error(&m, "Q is unbound");
    }

    #[test]
    fn try_and_closure_variables_are_bound() {
        let t = Expr::new(
            ExprKind::Try {
                arg: Box::new(v("X")),
                vars: vec!["V".into()],
                body: Box::new(v("V")),
                evars: ["C".into(), "R".into(), "T".into()],
                handler: Box::new(Expr::tuple(vec![v("C"), v("R"), v("T"), v("X")], s(2))),
            },
            s(2),
        );
        assert_eq!(errors(&one(t)), Vec::<String>::new());
        let f = Expr::new(
            ExprKind::Fun(fun(&["Y"], Expr::tuple(vec![v("X"), v("Y")], s(2)))),
            s(2),
        );
        assert_eq!(errors(&one(f)), Vec::<String>::new());
        // The handler cannot see the success variables.
        let t = Expr::new(
            ExprKind::Try {
                arg: Box::new(v("X")),
                vars: vec!["V".into()],
                body: Box::new(v("V")),
                evars: ["C".into(), "R".into(), "T".into()],
                handler: Box::new(v("V")),
            },
            s(2),
        );
        assert_error(&one(t), "V is unbound");
    }

    #[test]
    fn funrefs_name_existing_functions_or_letrec_bindings() {
        assert_error(&one(funref("g", 1)), "g/1 is neither");
        assert_error(&one(funref("f", 2)), "f/2 is neither");
        let lr = Expr::new(
            ExprKind::LetRec {
                defs: vec![(
                    FunName::new("loop", 1),
                    fun(&["N"], apply(funref("loop", 1), vec![v("N")])),
                )],
                body: Box::new(apply(funref("loop", 1), vec![v("X")])),
            },
            s(2),
        );
        assert_eq!(errors(&one(lr.clone())), Vec::<String>::new());
        // Out of the letrec's scope, the name is unknown.
        assert_error(&one(Expr::seq(lr, funref("loop", 1))), "loop/1 is neither");
        assert_error(
            &one(apply(funref("f", 1), vec![])),
            "applied to 0 arguments",
        );
    }

    #[test]
    fn exports_must_exist_and_functions_be_unique() {
        let mut m = one(int(1));
        m.exports.push(FunName::new("main", 0));
        assert_error(&m, "exported function main/0 is not defined");
        let m = module(vec![("f", fun(&["X"], int(1))), ("f", fun(&["Y"], int(2)))]);
        assert_error(&m, "f/1 is defined more than once");
    }

    #[test]
    fn clause_pattern_counts_match_the_argument() {
        let m = one(case(
            values(vec![v("X"), v("X")]),
            vec![cl(vec![pv("A")], v("A"))],
        ));
        assert_error(&m, "1 patterns but the argument has 2 values");
        let m = one(case(v("X"), vec![cl(vec![pv("A"), pv("B")], v("A"))]));
        assert_error(&m, "2 patterns but the argument has 1 values");
        let r = Expr::new(
            ExprKind::Receive {
                clauses: vec![cl(vec![pv("A"), pv("B")], v("A"))],
                timeout: Box::new(int(0)),
                after: Box::new(int(1)),
            },
            s(2),
        );
        assert_error(&one(r), "2 patterns but the argument has 1 values");
    }

    #[test]
    fn repeated_pattern_variables_only_when_bound_outside() {
        let dup = case(
            values(vec![v("X"), v("X")]),
            vec![cl(vec![pv("A"), pv("A")], v("A"))],
        );
        assert_error(&one(dup), "A is bound twice");
        // X is a parameter: both occurrences are equality tests.
        let eq = case(
            values(vec![v("X"), v("X")]),
            vec![cl(vec![pv("X"), Pattern::Tuple(vec![pv("X")])], v("X"))],
        );
        assert_eq!(errors(&one(eq)), Vec::<String>::new());
        let alias = case(
            v("X"),
            vec![cl(
                vec![Pattern::Alias("A".into(), Box::new(pv("A")))],
                v("A"),
            )],
        );
        assert_error(&one(alias), "A is bound twice");
    }

    #[test]
    fn values_only_where_allowed() {
        assert_error(&one(values(vec![v("X"), v("X")])), "allowed only");
        assert_error(
            &one(Expr::tuple(vec![values(vec![v("X")])], s(2))),
            "allowed only",
        );
        let m = one(Expr::let_(
            vec!["A".into(), "B".into()],
            values(vec![v("X")]),
            v("A"),
            s(2),
        ));
        assert_error(&m, "2 values are bound here but <...> has 1");
        let m = one(Expr::let_(
            vec!["A".into(), "B".into()],
            v("X"),
            v("A"),
            s(2),
        ));
        assert_error(&m, "2 values are bound here but the expression has one");
        // In the tail of a case in a let's value: fine.
        let m = one(Expr::let_(
            vec!["A".into(), "B".into()],
            case(
                v("X"),
                vec![cl(vec![pv("Y")], values(vec![v("Y"), v("Y")]))],
            ),
            v("A"),
            s(2),
        ));
        assert_eq!(errors(&m), Vec::<String>::new());
        // A primop may yield several values.
        let m = one(Expr::let_(
            vec!["A".into(), "B".into()],
            Expr::primop("recv_peek_message", vec![], s(2)),
            v("A"),
            s(2),
        ));
        assert_eq!(errors(&m), Vec::<String>::new());
    }

    #[test]
    fn binders_are_distinct() {
        let m = module(vec![("f", fun(&["X", "X"], int(1)))]);
        assert_error(&m, "parameter X is bound twice");
        let m = one(Expr::let_(
            vec!["A".into(), "A".into()],
            values(vec![int(1), int(2)]),
            v("A"),
            s(2),
        ));
        assert_error(&m, "let binds A twice");
    }

    #[test]
    fn binary_segments_are_sane() {
        let bin = |segs| one(Expr::new(ExprKind::Binary(segs), s(2)));
        assert_error(
            &bin(vec![seg(v("X"), Some(int(8)), 1, BinType::Utf8)]),
            "takes no size",
        );
        assert_error(
            &bin(vec![seg(v("X"), Some(int(8)), 0, BinType::Integer)]),
            "unit",
        );
        assert_error(
            &bin(vec![seg(v("X"), Some(int(8)), 1, BinType::Float)]),
            "not 8",
        );
        assert_error(
            &bin(vec![seg(v("X"), Some(int(-1)), 1, BinType::Integer)]),
            "negative",
        );
        assert_eq!(
            errors(&bin(vec![
                seg(v("X"), None, 8, BinType::Binary),
                seg(v("X"), None, 1, BinType::Utf8)
            ])),
            Vec::<String>::new()
        );
        let pat = |segs| one(case(v("X"), vec![cl(vec![bin_pat(segs)], int(1))]));
        assert_error(
            &pat(vec![
                seg(pv("A"), None, 8, BinType::Binary),
                seg(pv("B"), Some(int(8)), 1, BinType::Integer),
            ]),
            "must be the last one",
        );
        assert_error(
            &pat(vec![seg(
                Pattern::Tuple(vec![]),
                Some(int(8)),
                1,
                BinType::Integer,
            )]),
            "must be a variable",
        );
        // A size may use a variable bound earlier in the same pattern...
        assert_eq!(
            errors(&pat(vec![
                seg(pv("N"), Some(int(8)), 1, BinType::Integer),
                seg(pv("B"), Some(v("N")), 8, BinType::Binary),
            ])),
            Vec::<String>::new()
        );
        // ...but not a later one.
        assert_error(
            &pat(vec![
                seg(pv("B"), Some(v("N")), 8, BinType::Binary),
                seg(pv("N"), Some(int(8)), 1, BinType::Integer),
            ]),
            "N is unbound",
        );
    }

    #[test]
    fn exact_map_pairs_need_a_base_and_floats_are_finite() {
        let m = one(Expr::new(
            ExprKind::Map {
                base: None,
                pairs: vec![MapPair {
                    op: MapOp::Exact,
                    key: int(1),
                    value: int(2),
                }],
            },
            s(2),
        ));
        assert_error(&m, "`:=`");
        assert_error(
            &one(Expr::lit(Literal::Float(f64::INFINITY), s(2))),
            "not finite",
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Built and dropped on a big stack (the derived Drop recurses);
        // validated on this test thread's small one.
        let big = |f: Box<dyn FnOnce() -> Option<Module> + Send>| {
            std::thread::Builder::new()
                .stack_size(1 << 30)
                .spawn(f)
                .unwrap()
                .join()
                .unwrap()
        };
        let m = big(Box::new(|| {
            let mut body = v("X");
            for i in 0..100_000 {
                body = Expr::let_(vec![format!("Y{i}")], v("X"), body, s(2));
            }
            Some(one(body))
        }))
        .unwrap();
        let m = std::mem::ManuallyDrop::new(m);
        assert!(validate(&m).is_ok());
        let m = std::mem::ManuallyDrop::into_inner(m);
        big(Box::new(move || {
            drop(m);
            None
        }));
    }
}
