//! Lowering: Lua syntax tree → IR.
//!
//! Statements are lowered in continuation-passing style: a statement list
//! is lowered together with what comes after it (a [`K`]), so every
//! control transfer (the end of a branch, a loop iteration, `break`,
//! `goto`, the code after an `if`) is a tail call to a local function
//! (`letrec`) or code placed inline. Loops are `letrec` functions whose
//! parameters are the mutable locals they may change ("threaded" locals,
//! see `analyze`); `return` just produces the function's result, since
//! everything after it is in tail position.
//!
//! Values follow the runtime's conventions (`runtime/src/lua/mod.rs`): a
//! Lua function is `fun (Args)`; it returns one value or a list of
//! values. Operators call the `lua` natives' fast paths and, when those
//! answer `'lua$meta'`, the slow paths.

use std::collections::HashMap;

use eubeam_ir::{Clause, Expr as IE, ExprKind, Fun, FunName, Literal, Pattern, Span};

use crate::analyze::DeclInfo;
use crate::ast::*;

pub struct LowerError {
    pub msg: String,
    pub line: u32,
}

#[derive(Clone, Debug)]
enum Bind {
    Var(String),
    Cell(String),
    /// A `local function` never reassigned: a `letrec` function; the value
    /// variable is bound once the `letrec` is in place.
    LocalFun(FunName, Option<String>, Option<Direct>),
}

/// A `local function` with fixed parameters also has a direct version
/// taking its parameters as arguments (no argument list to build and
/// take apart); calls by name with at most that many single-valued
/// arguments use it.
#[derive(Clone, Debug)]
struct Direct {
    fun: FunName,
    /// Every `return` has exactly one single-valued expression and the
    /// body cannot fall off its end: the result is the value itself, so
    /// a caller needs no `first`.
    single: bool,
}

#[derive(Clone)]
enum K<'a> {
    /// End of the Lua function: no results.
    Return,
    /// Tail-call a join function with `extra` arguments then the current
    /// values of these locals.
    Jump(FunName, Vec<IE>, Vec<DeclId>),
    /// Go on with the rest of an enclosing block (scope truncated to depth).
    Rest {
        stats: &'a [Stat],
        depth: usize,
        /// Label groups visible where the rest of the block is (a block
        /// ended before it: its labels are not visible to the rest).
        labels: usize,
        next: Box<K<'a>>,
    },
    /// The step of a numeric `for`.
    ForStep {
        i: String,
        l: String,
        s: String,
        lp: FunName,
        thr: Vec<DeclId>,
        exit: Box<K<'a>>,
    },
    /// The end of a to-be-closed variable's scope: produce the region's
    /// `{'lua$fall', Threaded...}` (see [`Lower::tbc_region`]).
    TbcExit,
    /// The test of a `repeat ... until cond`.
    Until {
        cond: &'a Expr,
        depth: usize,
        lp: FunName,
        thr: Vec<DeclId>,
        exit: Box<K<'a>>,
    },
}

impl K<'_> {
    fn cheap(&self) -> bool {
        matches!(
            self,
            K::Return | K::Jump(..) | K::ForStep { .. } | K::TbcExit
        )
    }
}

/// Scopes and bindings, saved around branches.
type Snapshot = (Vec<Vec<(String, DeclId)>>, HashMap<DeclId, Bind>);

struct Label {
    name: String,
    line: u32,
    fun: FunName,
    params: Vec<DeclId>,
}

/// The scope of a to-be-closed variable being lowered: the code in it runs
/// inside a `try` (so the variable is closed on an error too), and every
/// way out of it (falling off its end, `break` or `goto` to outside it,
/// `return`) produces a tagged tuple instead of jumping; after the `try`
/// the variable is closed and the tuple dispatched to the real
/// continuation. Threaded locals leave in the tuple, as through a join.
struct Region {
    /// Threaded locals in scope at the start, passed out by every exit.
    thr: Vec<DeclId>,
    /// Loops and label groups outside the region.
    loops_len: usize,
    labels_len: usize,
    breaks: bool,
    gotos: Vec<String>,
    returns: bool,
}

enum Pre {
    Let(String, IE),
    Do(IE),
    LetRec(Vec<(FunName, Fun)>),
}

pub struct Lower<'a> {
    info: &'a HashMap<DeclId, DeclInfo>,
    scopes: Vec<Vec<(String, DeclId)>>,
    binds: HashMap<DeclId, Bind>,
    counter: usize,
    loops: Vec<K<'a>>,
    labels: Vec<Vec<Label>>,
    regions: Vec<Region>,
    varargs: Vec<Option<String>>,
    depth: usize,
    pub errors: Vec<LowerError>,
    env_decl: DeclId,
}

fn sp(line: u32) -> Span {
    Span {
        start: 0,
        end: 0,
        line,
    }
}

fn v(n: &str) -> IE {
    IE::var(n, Span::NONE)
}

fn lit(l: Literal) -> IE {
    IE::lit(l, Span::NONE)
}

fn atom(a: &str) -> IE {
    IE::atom(a, Span::NONE)
}

fn nil_v() -> IE {
    atom("nil")
}

fn empty() -> IE {
    lit(Literal::Nil)
}

fn bin(b: &[u8]) -> IE {
    lit(Literal::Binary(b.to_vec()))
}

fn lcall(f: &str, args: Vec<IE>, line: u32) -> IE {
    IE::call("lua", f, args, sp(line))
}

fn apply(f: IE, args: Vec<IE>, line: u32) -> IE {
    IE::new(
        ExprKind::Apply {
            fun: Box::new(f),
            args,
        },
        sp(line),
    )
}

fn funref(f: &FunName) -> IE {
    IE::new(ExprKind::FunRef(f.clone()), Span::NONE)
}

fn let1(var: &str, val: IE, body: IE) -> IE {
    IE::let_(vec![var.to_string()], val, body, Span::NONE)
}

fn case(arg: IE, clauses: Vec<(Pattern, Option<IE>, IE)>) -> IE {
    IE::new(
        ExprKind::Case {
            arg: Box::new(arg),
            clauses: clauses
                .into_iter()
                .map(|(p, g, b)| Clause {
                    pats: vec![p],
                    guard: g,
                    body: b,
                    span: Span::NONE,
                })
                .collect(),
        },
        Span::NONE,
    )
}

fn patom(a: &str) -> Pattern {
    Pattern::Lit(Literal::atom(a))
}

fn cons(h: IE, t: IE) -> IE {
    IE::cons(h, t, Span::NONE)
}

fn list_with_tail(items: Vec<IE>, tail: IE) -> IE {
    items.into_iter().rev().fold(tail, |t, h| cons(h, t))
}

fn is_simple(e: &IE) -> bool {
    matches!(e.kind, ExprKind::Var(_) | ExprKind::Lit(_))
}

fn wrap(pre: Vec<Pre>, body: IE) -> IE {
    pre.into_iter().rev().fold(body, |rest, p| match p {
        Pre::Let(var, val) => let1(&var, val, rest),
        Pre::Do(e) => IE::seq(e, rest),
        Pre::LetRec(defs) => IE::new(
            ExprKind::LetRec {
                defs,
                body: Box::new(rest),
            },
            Span::NONE,
        ),
    })
}

/// Whether a statement list ends in a way that never falls through.
fn no_fallthrough(b: &[Stat]) -> bool {
    matches!(
        b.last(),
        Some(Stat::Return(..) | Stat::Break(_) | Stat::Goto(..))
    )
}

/// Whether a function body always returns exactly one value: it ends in
/// a `return` (so it cannot fall off its end) and every `return` of the
/// function itself (not of nested functions) has one single-valued
/// expression.
fn single_valued(body: &[Stat]) -> bool {
    fn one(es: &[Expr]) -> bool {
        matches!(es, [e] if !e.is_multi())
    }
    fn all(b: &[Stat]) -> bool {
        b.iter().all(|s| match s {
            Stat::Return(es, _) => one(es),
            Stat::Do(b) | Stat::While(_, b, _) | Stat::Repeat(b, _, _) => all(b),
            Stat::NumFor(_, _, _, _, _, b, _) | Stat::GenFor(_, _, b, _) => all(b),
            Stat::If(arms, els, _) => {
                arms.iter().all(|(_, b)| all(b)) && els.as_deref().is_none_or(all)
            }
            _ => true,
        })
    }
    matches!(body.last(), Some(Stat::Return(es, _)) if one(es)) && all(body)
}

fn is_bool_expr(e: &Expr) -> bool {
    match e {
        Expr::Bin(op, ..) => matches!(
            op,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        ),
        Expr::Un(UnOp::Not, ..) | Expr::True | Expr::False => true,
        Expr::Paren(e) => is_bool_expr(e),
        _ => false,
    }
}

impl<'a> Lower<'a> {
    pub fn new(info: &'a HashMap<DeclId, DeclInfo>, env_decl: DeclId) -> Lower<'a> {
        Lower {
            info,
            scopes: vec![Vec::new()],
            binds: HashMap::new(),
            counter: 0,
            loops: Vec::new(),
            labels: Vec::new(),
            regions: Vec::new(),
            varargs: Vec::new(),
            depth: 0,
            errors: Vec::new(),
            env_decl,
        }
    }

    fn fresh(&mut self, base: &str) -> String {
        self.counter += 1;
        format!("_{base}{}", self.counter)
    }

    fn fresh_fun(&mut self, base: &str, arity: usize) -> FunName {
        self.counter += 1;
        FunName::new(format!("{base}@{}", self.counter), arity as u32)
    }

    fn err(&mut self, msg: impl Into<String>, line: u32) {
        self.errors.push(LowerError {
            msg: msg.into(),
            line,
        });
    }

    fn info(&self, d: DeclId) -> DeclInfo {
        self.info.get(&d).cloned().unwrap_or_default()
    }

    fn lookup(&self, name: &str) -> Option<DeclId> {
        for s in self.scopes.iter().rev() {
            for (n, d) in s.iter().rev() {
                if n == name {
                    return Some(*d);
                }
            }
        }
        None
    }

    fn in_scope(&self, d: DeclId) -> bool {
        self.scopes.iter().any(|s| s.iter().any(|(_, x)| *x == d))
    }

    fn declare(&mut self, name: &str, d: DeclId, b: Bind) {
        if let Some(s) = self.scopes.last_mut() {
            s.push((name.to_string(), d));
        }
        self.binds.insert(d, b);
    }

    /// Bind a new local to a value (as a cell when it must be one).
    fn declare_value(&mut self, name: &str, d: DeclId, val: IE, pre: &mut Vec<Pre>) {
        if self.info(d).is_cell() {
            let c = self.fresh("C");
            pre.push(Pre::Let(c.clone(), lcall("cell_new", vec![val], 0)));
            self.declare(name, d, Bind::Cell(c));
        } else {
            let var = match &val.kind {
                ExprKind::Var(x) => x.clone(),
                _ => {
                    let x = self.fresh("V");
                    pre.push(Pre::Let(x.clone(), val));
                    x
                }
            };
            self.declare(name, d, Bind::Var(var));
        }
    }

    /// The current value of a local.
    fn read(&self, d: DeclId) -> IE {
        match self.binds.get(&d) {
            Some(Bind::Var(x)) => v(x),
            Some(Bind::Cell(c)) => lcall("cell_get", vec![v(c)], 0),
            Some(Bind::LocalFun(_, Some(x), _)) => v(x),
            Some(Bind::LocalFun(f, None, _)) => funref(f),
            None => nil_v(),
        }
    }

    /// What is passed for a local at a jump: the variable itself (a cell
    /// is passed as the cell).
    fn pass(&self, d: DeclId) -> IE {
        match self.binds.get(&d) {
            Some(Bind::Var(x)) | Some(Bind::Cell(x)) | Some(Bind::LocalFun(_, Some(x), _)) => v(x),
            Some(Bind::LocalFun(f, None, _)) => funref(f),
            None => nil_v(),
        }
    }

    /// Rebind a passed local to a parameter variable.
    fn rebind_param(&mut self, d: DeclId, p: &str) {
        let b = match self.binds.get(&d) {
            Some(Bind::Cell(_)) => Bind::Cell(p.to_string()),
            _ => Bind::Var(p.to_string()),
        };
        self.binds.insert(d, b);
    }

    /// Threaded locals in scope (those a join must carry).
    fn threaded(&self) -> Vec<DeclId> {
        let mut out = Vec::new();
        for s in &self.scopes {
            for (_, d) in s {
                if self.info(*d).is_threaded() && !out.contains(d) {
                    out.push(*d);
                }
            }
        }
        out
    }

    fn snapshot(&self) -> Snapshot {
        (self.scopes.clone(), self.binds.clone())
    }

    fn restore(&mut self, s: Snapshot) {
        self.scopes = s.0;
        self.binds = s.1;
    }

    // ---- continuations ---------------------------------------------------

    fn finish(&mut self, k: &K<'a>) -> IE {
        match k {
            K::Return => empty(),
            K::TbcExit => self.region_exit("lua$fall", Vec::new()),
            K::Jump(f, extra, ids) => {
                let mut args = extra.clone();
                args.extend(ids.iter().map(|d| self.pass(*d)));
                apply(funref(f), args, 0)
            }
            K::Rest {
                stats,
                depth,
                labels,
                next,
            } => {
                let saved = self.snapshot();
                self.scopes.truncate(*depth);
                let hidden = self.labels.split_off((*labels).min(self.labels.len()));
                let e = self.stats(stats, next);
                self.labels.extend(hidden);
                self.restore(saved);
                e
            }
            K::ForStep {
                i,
                l,
                s,
                lp,
                thr,
                exit,
            } => {
                let n = self.fresh("I");
                let mut args = vec![v(&n)];
                args.extend(thr.iter().map(|d| self.pass(*d)));
                let ex = self.finish(exit);
                case(
                    lcall("fornext", vec![v(i), v(l), v(s)], 0),
                    vec![
                        (patom("false"), None, ex),
                        (Pattern::Var(n.clone()), None, apply(funref(lp), args, 0)),
                    ],
                )
            }
            K::Until {
                cond,
                depth,
                lp,
                thr,
                exit,
            } => {
                let c = self.cond(cond);
                let args: Vec<IE> = thr.iter().map(|d| self.pass(*d)).collect();
                let again = apply(funref(lp), args, 0);
                let saved = self.snapshot();
                self.scopes.truncate(*depth);
                let ex = self.finish(exit);
                self.restore(saved);
                case(
                    c,
                    vec![(patom("true"), None, ex), (Pattern::Wildcard, None, again)],
                )
            }
        }
    }

    /// A continuation usable several times: cheap ones as they are, others
    /// through a join function (returned for the caller to bind).
    fn join(&mut self, k: K<'a>) -> (Option<(FunName, Fun)>, K<'a>) {
        if k.cheap() {
            return (None, k);
        }
        let thr = self.threaded();
        let name = self.fresh_fun("join", thr.len());
        let saved = self.snapshot();
        let mut params = Vec::new();
        for d in &thr {
            let p = self.fresh("P");
            self.rebind_param(*d, &p);
            params.push(p);
        }
        let body = self.finish(&k);
        self.restore(saved);
        let fun = Fun {
            params,
            body: Box::new(body),
            span: Span::NONE,
            name: None,
        };
        (Some((name.clone(), fun)), K::Jump(name, Vec::new(), thr))
    }

    fn with_join(def: Option<(FunName, Fun)>, body: IE) -> IE {
        match def {
            Some(d) => wrap(vec![Pre::LetRec(vec![d])], body),
            None => body,
        }
    }

    // ---- statements ------------------------------------------------------

    fn block(&mut self, ss: &'a [Stat], k: &K<'a>) -> IE {
        let depth = self.scopes.len();
        self.scopes.push(Vec::new());
        let e = self.stats(ss, k);
        self.scopes.truncate(depth);
        e
    }

    fn rest_k(&self, ss: &'a [Stat], i: usize, k: &K<'a>) -> K<'a> {
        if i + 1 >= ss.len() {
            k.clone()
        } else {
            K::Rest {
                stats: &ss[i + 1..],
                depth: self.scopes.len(),
                labels: self.labels.len(),
                next: Box::new(k.clone()),
            }
        }
    }

    fn stats(&mut self, ss: &'a [Stat], k: &K<'a>) -> IE {
        if ss.iter().any(|s| matches!(s, Stat::Label(..))) {
            return self.labeled(ss, k);
        }
        let mut pre = Vec::new();
        for (i, s) in ss.iter().enumerate() {
            match s {
                Stat::Local(names, _, line)
                    if names.iter().any(|(_, a, _)| *a == Attrib::Close) =>
                {
                    self.simple(s, &mut pre);
                    let Some((n, _, d)) = names.iter().find(|(_, a, _)| *a == Attrib::Close) else {
                        continue;
                    };
                    let x = self.read(*d);
                    pre.push(Pre::Do(lcall(
                        "tbc_check",
                        vec![x.clone(), bin(n.as_bytes())],
                        *line,
                    )));
                    let rest = &ss[i + 1..];
                    let end = rest.iter().rev().find_map(stat_line).unwrap_or(*line);
                    let e = self.tbc_region(x, k, (*line, end), |me, exit| me.stats(rest, exit));
                    return wrap(pre, e);
                }
                Stat::Local(..)
                | Stat::Assign(..)
                | Stat::Call(..)
                | Stat::Function(..)
                | Stat::LocalFunction(..) => self.simple(s, &mut pre),
                Stat::Return(es, line) => {
                    let r = self.ret(es, *line);
                    let r = self.ret_value(r);
                    return wrap(pre, r);
                }
                Stat::Break(line) => {
                    let e = self.break_exit(*line);
                    return wrap(pre, e);
                }
                Stat::Goto(name, line) => {
                    let e = self.goto(name, *line);
                    return wrap(pre, e);
                }
                Stat::Label(..) => {}
                _ => {
                    let rk = self.rest_k(ss, i, k);
                    let e = self.control(s, rk);
                    return wrap(pre, e);
                }
            }
        }
        let e = self.finish(k);
        wrap(pre, e)
    }

    /// `break`: to the innermost loop's exit, or out of a to-be-closed
    /// scope the loop encloses.
    fn break_exit(&mut self, line: u32) -> IE {
        if let Some(r) = self.regions.last_mut() {
            if self.loops.len() <= r.loops_len && !self.loops.is_empty() {
                r.breaks = true;
                return self.region_exit("lua$break", Vec::new());
            }
        }
        match self.loops.last().cloned() {
            Some(exit) => self.finish(&exit),
            None => {
                self.err(
                    "break outside a loop at line ".to_string() + &line.to_string() + " near <eof>",
                    line,
                );
                empty()
            }
        }
    }

    /// Closing to-be-closed value `x` with error value `err` (nil on a
    /// normal exit): its `__close` metamethod is called, a value that
    /// cannot be called raising lua5.4's "attempt to call ... (metamethod
    /// 'close')" at `line`.
    fn close_call(&mut self, x: IE, err: IE, line: u32) -> IE {
        let (xv, ev) = (self.fresh("X"), self.fresh("Err"));
        let (m, m2) = (self.fresh("M"), self.fresh("M"));
        let args = list_with_tail(vec![v(&xv), v(&ev)], empty());
        let body = case(
            lcall("close_method", vec![v(&xv)], line),
            vec![
                (patom("false"), None, atom("ok")),
                (
                    Pattern::Var(m.clone()),
                    Some(IE::call("erlang", "is_function", vec![v(&m)], Span::NONE)),
                    apply(v(&m), vec![args.clone()], line),
                ),
                (
                    Pattern::Var(m2.clone()),
                    None,
                    lcall("call", vec![v(&m2), args, bin(b"metamethod 'close'")], line),
                ),
            ],
        );
        let_simple(&xv, x, let_simple(&ev, err, body))
    }

    /// A function's result: inside a to-be-closed scope it leaves the
    /// scope first (so a call in `return` is not a tail call there).
    fn ret_value(&mut self, r: IE) -> IE {
        match self.regions.last_mut() {
            Some(reg) => {
                reg.returns = true;
                IE::tuple(vec![atom("lua$ret"), r], Span::NONE)
            }
            None => r,
        }
    }

    /// The tuple leaving the innermost region: tag, extra items, then the
    /// region's threaded locals.
    fn region_exit(&mut self, tag: &str, extra: Vec<IE>) -> IE {
        let thr = self
            .regions
            .last()
            .map(|r| r.thr.clone())
            .unwrap_or_default();
        let mut items = vec![atom(tag)];
        items.extend(extra);
        items.extend(thr.iter().map(|d| self.pass(*d)));
        IE::tuple(items, Span::NONE)
    }

    /// The scope of to-be-closed value `x` (an IR variable or literal):
    /// `inner` lowers the code in it with the continuation to use at its
    /// end. Lowered as
    /// `R = try Inner of R -> R catch C:E:T -> tbc_close(X, Err), raise`,
    /// then `tbc_close(X, nil)` and a `case R` going on with `k`, the loop
    /// exit, a label or the function's result.
    fn tbc_region(
        &mut self,
        x: IE,
        k: &K<'a>,
        (line, end_line): (u32, u32),
        inner: impl FnOnce(&mut Self, &K<'a>) -> IE,
    ) -> IE {
        let thr = self.threaded();
        self.regions.push(Region {
            thr: thr.clone(),
            loops_len: self.loops.len(),
            labels_len: self.labels.len(),
            breaks: false,
            gotos: Vec::new(),
            returns: false,
        });
        let saved = self.snapshot();
        let body = inner(self, &K::TbcExit);
        self.restore(saved);
        let Some(region) = self.regions.pop() else {
            return body;
        };
        let (r, c, e, t) = (
            self.fresh("R"),
            self.fresh("C"),
            self.fresh("E"),
            self.fresh("T"),
        );
        let err_val = IE::call("lua", "error_value", vec![v(&c), v(&e)], Span::NONE);
        let close_err = self.close_call(x.clone(), err_val, end_line);
        let handler = IE::seq(
            close_err,
            IE::primop("raise", vec![v(&t), v(&e)], Span::NONE),
        );
        let guarded = IE::new(
            ExprKind::Try {
                arg: Box::new(body),
                vars: vec![r.clone()],
                body: Box::new(v(&r)),
                evars: [c, e, t],
                handler: Box::new(handler),
            },
            Span::NONE,
        );
        // The ways out, each rebinding the threaded locals it carries.
        let mut clauses = Vec::new();
        let mut exits: Vec<(String, Option<String>)> = vec![("lua$fall".into(), None)];
        if region.breaks {
            exits.push(("lua$break".into(), None));
        }
        for g in &region.gotos {
            exits.push(("lua$goto".into(), Some(g.clone())));
        }
        let goto_index = |gotos: &[String], l: &str| gotos.iter().position(|g| g == l).unwrap_or(0);
        for (tag, label) in exits {
            let saved = self.snapshot();
            let mut pats = vec![patom(&tag)];
            if let Some(l) = &label {
                let i = goto_index(&region.gotos, l) as i64;
                pats.push(Pattern::Lit(Literal::Int(i)));
            }
            for d in &thr {
                let p = self.fresh("P");
                self.rebind_param(*d, &p);
                pats.push(Pattern::Var(p));
            }
            let then = match (tag.as_str(), &label) {
                ("lua$break", _) => self.break_exit(line),
                (_, Some(l)) => self.goto(l, line),
                _ => self.finish(k),
            };
            self.restore(saved);
            clauses.push((Pattern::Tuple(pats), None, then));
        }
        if region.returns {
            let rv = self.fresh("V");
            let back = self.ret_value(v(&rv));
            clauses.push((
                Pattern::Tuple(vec![patom("lua$ret"), Pattern::Var(rv)]),
                None,
                back,
            ));
        }
        let after = IE::seq(self.close_call(x, nil_v(), end_line), case(v(&r), clauses));
        let_simple(&r, guarded, after)
    }

    fn goto(&mut self, name: &str, line: u32) -> IE {
        let found = self
            .labels
            .iter()
            .rev()
            .flat_map(|ls| ls.iter())
            .find(|l| l.name == name)
            .map(|l| (l.fun.clone(), l.params.clone()));
        let Some((f, params)) = found else {
            self.err(
                format!("no visible label '{name}' for <goto> at line {line}"),
                line,
            );
            return empty();
        };
        // A label outside the innermost to-be-closed scope: leave it first.
        if let Some(r) = self.regions.last() {
            let group = self
                .labels
                .iter()
                .rposition(|ls| ls.iter().any(|l| l.name == name))
                .unwrap_or(0);
            if group < r.labels_len {
                let mut index = 0;
                if let Some(r) = self.regions.last_mut() {
                    index = match r.gotos.iter().position(|g| g == name) {
                        Some(i) => i,
                        None => {
                            r.gotos.push(name.to_string());
                            r.gotos.len() - 1
                        }
                    };
                }
                return self.region_exit("lua$goto", vec![lit(Literal::Int(index as i64))]);
            }
        }
        for d in &params {
            if !self.in_scope(*d) {
                let n = self.info(*d).name;
                self.err(
                    format!("<goto {name}> at line {line} jumps into the scope of local '{n}'"),
                    line,
                );
                return empty();
            }
        }
        let args = params.iter().map(|d| self.pass(*d)).collect();
        apply(funref(&f), args, line)
    }

    /// A block with labels: each label starts a `letrec` function holding
    /// the rest of the block; all are defined at the start of the block.
    fn labeled(&mut self, ss: &'a [Stat], k: &K<'a>) -> IE {
        // Segments: [start, end) between labels.
        let mut cuts = Vec::new();
        for (i, s) in ss.iter().enumerate() {
            if let Stat::Label(n, line) = s {
                // A label of the same block, or of an enclosing block
                // declared on an earlier line (lua5.4 compares positions;
                // we have lines), is "already defined".
                let same = cuts
                    .iter()
                    .find(|(_, m, _): &&(usize, String, u32)| m == n)
                    .map(|c| c.2);
                let outer = self
                    .labels
                    .iter()
                    .flat_map(|g| g.iter())
                    .find(|l| l.name == *n && l.line <= *line)
                    .map(|l| l.line);
                if let Some(prev) = same.or(outer) {
                    self.err(format!("label '{n}' already defined on line {prev}"), *line);
                }
                cuts.push((i, n.clone(), *line));
            }
        }
        // A to-be-closed scope ends at the end of its block; here a
        // segment ends at the next label, so a label after one is refused
        // unless only labels follow it (then it is outside the scope).
        let inner_end = ss
            .iter()
            .rposition(|st| !matches!(st, Stat::Label(..)))
            .unwrap_or(0);
        let last_inner_label = cuts.iter().map(|c| c.0).filter(|&i| i < inner_end).max();
        if let Some(last) = last_inner_label {
            for st in &ss[..last] {
                if let Stat::Local(names, _, line) = st {
                    if names.iter().any(|(_, a, _)| *a == Attrib::Close) {
                        self.err(
                            "not supported yet: a label after a <close> variable in the same block",
                            *line,
                        );
                    }
                }
            }
        }
        let outer_thr = self.threaded();
        let mut labels = Vec::new();
        let mut declared: Vec<(String, DeclId)> = Vec::new();
        let mut prev = 0;
        // In `repeat ... until cond` the condition is in the body's scope,
        // so a label ending the body is not outside it.
        let in_repeat = matches!(k, K::Until { .. });
        for (i, n, lline) in &cuts {
            for s in &ss[prev..*i] {
                match s {
                    Stat::Local(names, _, _) => {
                        declared.extend(names.iter().map(|(n, _, d)| (n.clone(), *d)))
                    }
                    Stat::LocalFunction(n, d, _, _) => declared.push((n.clone(), *d)),
                    _ => {}
                }
            }
            prev = i + 1;
            // A label at the end of the block (only labels and nothing
            // else after it) is outside the scope of the block's locals.
            let at_end = !in_repeat && ss[i + 1..].iter().all(|s| matches!(s, Stat::Label(..)));
            let mut params = outer_thr.clone();
            let visible: Vec<(String, DeclId)> = if at_end { Vec::new() } else { declared.clone() };
            for (_, d) in &visible {
                if !params.contains(d) {
                    params.push(*d);
                }
            }
            let f = self.fresh_fun(&format!("label_{n}"), params.len());
            labels.push((
                Label {
                    name: n.clone(),
                    line: *lline,
                    fun: f,
                    params,
                },
                visible,
                *i,
            ));
        }
        self.labels.push(
            labels
                .iter()
                .map(|(l, _, _)| Label {
                    name: l.name.clone(),
                    line: l.line,
                    fun: l.fun.clone(),
                    params: l.params.clone(),
                })
                .collect(),
        );
        // The label functions' bodies.
        let mut defs = Vec::new();
        for j in 0..labels.len() {
            let (lab, visible, i) = (&labels[j].0, labels[j].1.clone(), labels[j].2);
            let end = labels.get(j + 1).map_or(ss.len(), |x| x.2);
            let next_k = match labels.get(j + 1) {
                Some((nl, _, _)) => K::Jump(nl.fun.clone(), Vec::new(), nl.params.clone()),
                None => k.clone(),
            };
            let saved = self.snapshot();
            let mut params = Vec::new();
            for d in &lab.params {
                let p = self.fresh("P");
                if visible.iter().any(|(_, x)| x == d) {
                    // a block local: bound as a plain variable or cell
                    let b = if self.info(*d).is_cell() {
                        Bind::Cell(p.clone())
                    } else {
                        Bind::Var(p.clone())
                    };
                    self.binds.insert(*d, b);
                } else {
                    self.rebind_param(*d, &p);
                }
                params.push(p);
            }
            if let Some(top) = self.scopes.last_mut() {
                top.extend(visible.iter().cloned());
            }
            let body = self.stats(&ss[i + 1..end], &next_k);
            self.restore(saved);
            defs.push((
                lab.fun.clone(),
                Fun {
                    params,
                    body: Box::new(body),
                    span: Span::NONE,
                    name: None,
                },
            ));
        }
        let first_k = match labels.first() {
            Some((l, _, _)) => K::Jump(l.fun.clone(), Vec::new(), l.params.clone()),
            None => k.clone(),
        };
        let first_end = labels.first().map_or(ss.len(), |x| x.2);
        let body = self.stats(&ss[..first_end], &first_k);
        self.labels.pop();
        wrap(vec![Pre::LetRec(defs)], body)
    }

    fn ret(&mut self, es: &'a [Expr], line: u32) -> IE {
        match es {
            [] => empty(),
            [e] => match e {
                Expr::Call(..) | Expr::Method(..) => self.call_raw(e),
                Expr::Vararg(l) => self.vararg_list(*l),
                _ => self.expr(e),
            },
            _ => {
                let (items, tail) = self.explist_multi(es);
                let _ = line;
                list_with_tail(items, tail)
            }
        }
    }

    /// Expressions as list items: singles, and the last one expanded.
    fn explist_multi(&mut self, es: &'a [Expr]) -> (Vec<IE>, IE) {
        let mut items = Vec::new();
        let mut tail = empty();
        for (i, e) in es.iter().enumerate() {
            if i + 1 == es.len() && e.is_multi() {
                tail = self.expr_multi(e);
            } else {
                items.push(self.expr(e));
            }
        }
        (items, tail)
    }

    /// Evaluate `es` adjusted to `n` values, bound to variables.
    fn explist_n(&mut self, es: &'a [Expr], n: usize, pre: &mut Vec<Pre>) -> Vec<IE> {
        let mut out = Vec::new();
        for (i, e) in es.iter().enumerate() {
            let last = i + 1 == es.len();
            if last && e.is_multi() && out.len() < n {
                let l = self.expr_multi(e);
                let mut lv = self.fresh("L");
                pre.push(Pre::Let(lv.clone(), l));
                while out.len() < n {
                    let x = self.fresh("V");
                    pre.push(Pre::Let(x.clone(), lcall("hd", vec![v(&lv)], 0)));
                    out.push(v(&x));
                    if out.len() < n {
                        let nl = self.fresh("L");
                        pre.push(Pre::Let(nl.clone(), lcall("tl", vec![v(&lv)], 0)));
                        lv = nl;
                    }
                }
                return out;
            }
            if out.len() < n {
                let x = self.expr(e);
                if is_simple(&x) {
                    out.push(x);
                } else {
                    let t = self.fresh("V");
                    pre.push(Pre::Let(t.clone(), x));
                    out.push(v(&t));
                }
            } else {
                // Extra expressions are evaluated for their effects.
                let x = if e.is_multi() {
                    self.call_raw(e)
                } else {
                    self.expr(e)
                };
                pre.push(Pre::Do(x));
            }
        }
        while out.len() < n {
            out.push(nil_v());
        }
        out
    }

    fn simple(&mut self, s: &'a Stat, pre: &mut Vec<Pre>) {
        match s {
            Stat::Local(names, es, line) => {
                if names.iter().filter(|(_, a, _)| *a == Attrib::Close).count() > 1 {
                    self.err("multiple to-be-closed variables in local list", *line);
                }
                let vals = self.explist_n(es, names.len(), pre);
                for ((n, _, d), val) in names.iter().zip(vals) {
                    self.declare_value(n, *d, val, pre);
                }
            }
            Stat::LocalFunction(n, d, fb, line) => {
                if self.info(*d).assigned {
                    let c = self.fresh("C");
                    pre.push(Pre::Let(c.clone(), lcall("cell_new", vec![nil_v()], *line)));
                    self.declare(n, *d, Bind::Cell(c.clone()));
                    let f = self.func(fb);
                    pre.push(Pre::Do(lcall(
                        "cell_set",
                        vec![v(&c), IE::new(ExprKind::Fun(f), sp(*line))],
                        *line,
                    )));
                } else {
                    let fname = FunName::new(
                        format!("{n}@{}", {
                            self.counter += 1;
                            self.counter
                        }),
                        1,
                    );
                    let direct = (!fb.vararg).then(|| Direct {
                        fun: FunName::new(format!("{}$d", fname.name), fb.params.len() as u32),
                        single: single_valued(&fb.body),
                    });
                    self.declare(n, *d, Bind::LocalFun(fname.clone(), None, direct.clone()));
                    let defs = match &direct {
                        Some(dr) => {
                            let body = self.func_direct(fb);
                            let wrapper = self.direct_wrapper(&dr.fun, fb.params.len(), fb.line);
                            vec![(dr.fun.clone(), body), (fname.clone(), wrapper)]
                        }
                        None => vec![(fname.clone(), self.func(fb))],
                    };
                    pre.push(Pre::LetRec(defs));
                    let x = self.fresh("F");
                    pre.push(Pre::Let(x.clone(), funref(&fname)));
                    self.binds
                        .insert(*d, Bind::LocalFun(fname, Some(x), direct));
                }
            }
            Stat::Call(e, _) => {
                let c = self.call_raw(e);
                pre.push(Pre::Do(c));
            }
            Stat::Function(target, fb, line) => {
                let f = self.func(fb);
                let fe = IE::new(ExprKind::Fun(f), sp(*line));
                let fv = self.fresh("F");
                pre.push(Pre::Let(fv.clone(), fe));
                self.assign_to(target, v(&fv), pre, *line);
            }
            Stat::Assign(ts, es, line) => {
                // Targets' table and key expressions first, then values.
                let mut places = Vec::new();
                for t in ts {
                    match t {
                        Expr::Index(te, ke, l) => {
                            let tv = self.expr(te);
                            let tvar = self.fresh("T");
                            pre.push(Pre::Let(tvar.clone(), tv));
                            let kv = self.expr(ke);
                            let kvar = self.fresh("K");
                            pre.push(Pre::Let(kvar.clone(), kv));
                            let desc = self.desc(te);
                            places.push(Some((v(&tvar), v(&kvar), desc, *l)));
                        }
                        _ => places.push(None),
                    }
                }
                let vals = self.explist_n(es, ts.len(), pre);
                for ((t, place), val) in ts.iter().zip(places).zip(vals) {
                    match place {
                        Some((tv, kv, desc, l)) => {
                            pre.push(Pre::Do(self.set_index(tv, kv, val, desc, l)));
                        }
                        None => self.assign_to(t, val, pre, *line),
                    }
                }
            }
            _ => {}
        }
    }

    fn assign_to(&mut self, target: &'a Expr, val: IE, pre: &mut Vec<Pre>, line: u32) {
        match target {
            Expr::Name(n, l) => match self.lookup(n) {
                Some(d) => {
                    let inf = self.info(d);
                    if inf.is_const {
                        self.err(format!("attempt to assign to const variable '{n}'"), *l);
                        return;
                    }
                    match self.binds.get(&d).cloned() {
                        Some(Bind::Cell(c)) => {
                            pre.push(Pre::Do(lcall("cell_set", vec![v(&c), val], *l)))
                        }
                        _ => {
                            let x = match &val.kind {
                                ExprKind::Var(x) => x.clone(),
                                _ => {
                                    let x = self.fresh("V");
                                    pre.push(Pre::Let(x.clone(), val));
                                    x
                                }
                            };
                            self.binds.insert(d, Bind::Var(x));
                        }
                    }
                }
                None => {
                    let env = self.env();
                    let e = self.set_index(env, bin(n.as_bytes()), val, nil_v(), *l);
                    pre.push(Pre::Do(e));
                }
            },
            Expr::Index(te, ke, l) => {
                let tv = self.expr(te);
                let kv = self.expr(ke);
                let desc = self.desc(te);
                let e = self.set_index(tv, kv, val, desc, *l);
                pre.push(Pre::Do(e));
            }
            _ => self.err("syntax error", line),
        }
    }

    fn env(&self) -> IE {
        match self.lookup("_ENV") {
            Some(d) => self.read(d),
            None => self.read(self.env_decl),
        }
    }

    fn set_index(&mut self, t: IE, k: IE, val: IE, desc: IE, line: u32) -> IE {
        let (tv, kv, vv) = (self.fresh("T"), self.fresh("K"), self.fresh("V"));
        let body = case(
            lcall("set", vec![v(&tv), v(&kv), v(&vv)], line),
            vec![
                (
                    patom("lua$meta"),
                    None,
                    lcall("setindex", vec![v(&tv), v(&kv), v(&vv), desc], line),
                ),
                (Pattern::Wildcard, None, atom("ok")),
            ],
        );
        let_simple(&tv, t, let_simple(&kv, k, let_simple(&vv, val, body)))
    }

    fn control(&mut self, s: &'a Stat, k: K<'a>) -> IE {
        match s {
            Stat::Do(b) => self.block(b, &k),
            Stat::If(arms, els, _) => {
                let falls = arms.iter().filter(|(_, b)| !no_fallthrough(b)).count()
                    + match els {
                        Some(b) => usize::from(!no_fallthrough(b)),
                        None => 1,
                    };
                let (def, k) = if falls <= 1 { (None, k) } else { self.join(k) };
                let e = self.if_chain(arms, els.as_deref(), &k);
                Self::with_join(def, e)
            }
            Stat::While(c, body, line) => {
                let (def, exit) = self.join(k);
                let thr = self.threaded();
                let lp = self.fresh_fun("while", thr.len());
                let saved = self.snapshot();
                let params = self.params_for(&thr);
                let cond = self.cond(c);
                let ex = self.finish(&exit);
                self.loops.push(exit.clone());
                let again = K::Jump(lp.clone(), Vec::new(), thr.clone());
                let b = self.block(body, &again);
                self.loops.pop();
                self.restore(saved);
                let lbody = case(
                    cond,
                    vec![(patom("true"), None, b), (Pattern::Wildcard, None, ex)],
                );
                let start = apply(
                    funref(&lp),
                    thr.iter().map(|d| self.pass(*d)).collect(),
                    *line,
                );
                let e = wrap(vec![Pre::LetRec(vec![(lp, mkfun(params, lbody))])], start);
                Self::with_join(def, e)
            }
            Stat::Repeat(body, c, line) => {
                let (def, exit) = self.join(k);
                let thr = self.threaded();
                let lp = self.fresh_fun("repeat", thr.len());
                let saved = self.snapshot();
                let params = self.params_for(&thr);
                self.loops.push(exit.clone());
                let until = K::Until {
                    cond: c,
                    depth: self.scopes.len(),
                    lp: lp.clone(),
                    thr: thr.clone(),
                    exit: Box::new(exit),
                };
                let b = self.block(body, &until);
                self.loops.pop();
                self.restore(saved);
                let start = apply(
                    funref(&lp),
                    thr.iter().map(|d| self.pass(*d)).collect(),
                    *line,
                );
                let e = wrap(vec![Pre::LetRec(vec![(lp, mkfun(params, b))])], start);
                Self::with_join(def, e)
            }
            Stat::NumFor(name, d, a, b, c, body, line) => {
                let (ea, eb) = (self.expr(a), self.expr(b));
                let ec = match c {
                    Some(c) => self.expr(c),
                    None => lit(Literal::Int(1)),
                };
                let (def, exit) = self.join(k);
                let thr = self.threaded();
                let lp = self.fresh_fun("for", thr.len() + 1);
                let (i0, l, s, i) = (
                    self.fresh("I"),
                    self.fresh("Lim"),
                    self.fresh("St"),
                    self.fresh("I"),
                );
                let saved = self.snapshot();
                let params = self.params_for(&thr);
                self.scopes.push(Vec::new());
                let mut pre = Vec::new();
                self.declare_value(name, *d, v(&i), &mut pre);
                self.loops.push(exit.clone());
                let step = K::ForStep {
                    i: i.clone(),
                    l: l.clone(),
                    s: s.clone(),
                    lp: lp.clone(),
                    thr: thr.clone(),
                    exit: Box::new(exit.clone()),
                };
                let bexp = self.block(body, &step);
                self.loops.pop();
                self.restore(saved);
                let ex = self.finish(&exit);
                let mut lparams = vec![i.clone()];
                lparams.extend(params);
                let lbody = wrap(pre, bexp);
                let mut args = vec![v(&i0)];
                args.extend(thr.iter().map(|d| self.pass(*d)));
                let start = wrap(
                    vec![Pre::LetRec(vec![(lp.clone(), mkfun(lparams, lbody))])],
                    apply(funref(&lp), args, *line),
                );
                let e = case(
                    IE::call("lua", "forprep", vec![ea, eb, ec], sp(*line)),
                    vec![
                        (patom("false"), None, ex),
                        (
                            Pattern::Tuple(vec![
                                Pattern::Var(i0.clone()),
                                Pattern::Var(l.clone()),
                                Pattern::Var(s.clone()),
                            ]),
                            None,
                            start,
                        ),
                    ],
                );
                Self::with_join(def, e)
            }
            Stat::GenFor(names, es, body, line) => {
                // A fourth value is a to-be-closed value (Lua 5.4): when the
                // list can give one, the loop runs in its scope.
                let four =
                    es.len() >= 4 || (es.len() < 4 && es.last().is_some_and(|e| e.is_multi()));
                let mut pre = Vec::new();
                let vals = self.explist_n(es, if four { 4 } else { 3 }, &mut pre);
                let (fv, sv, cv) = (self.fresh("F"), self.fresh("S"), self.fresh("C"));
                pre.push(Pre::Let(fv.clone(), vals[0].clone()));
                pre.push(Pre::Let(sv.clone(), vals[1].clone()));
                pre.push(Pre::Let(cv.clone(), vals[2].clone()));
                let e = if four {
                    let xv = self.fresh("X");
                    pre.push(Pre::Let(xv.clone(), vals[3].clone()));
                    pre.push(Pre::Do(lcall(
                        "tbc_check",
                        vec![v(&xv), bin(b"(for state)")],
                        *line,
                    )));
                    let (f, s2, c) = (fv.clone(), sv.clone(), cv.clone());
                    let end = body.iter().rev().find_map(stat_line).unwrap_or(*line);
                    self.tbc_region(v(&xv), &k, (*line, end), |me, exit| {
                        me.gen_for(names, body, *line, (&f, &s2, &c), exit.clone())
                    })
                } else {
                    self.gen_for(names, body, *line, (&fv, &sv, &cv), k)
                };
                wrap(pre, e)
            }
            _ => empty(),
        }
    }

    /// A generic `for` loop over iterator `F`, state `S`, control `C`
    /// (IR variables), going on with `k`.
    fn gen_for(
        &mut self,
        names: &'a [(String, DeclId)],
        body: &'a [Stat],
        line: u32,
        (fv, sv, cv): (&str, &str, &str),
        k: K<'a>,
    ) -> IE {
        let (def, exit) = self.join(k);
        let thr = self.threaded();
        let lp = self.fresh_fun("gfor", thr.len() + 1);
        let ctl = self.fresh("Ctl");
        let saved = self.snapshot();
        let params = self.params_for(&thr);
        let ex = self.finish(&exit);
        // r = f(s, ctl)
        let args = list_with_tail(vec![v(sv), v(&ctl)], empty());
        let r = self.call_value(v(fv), args, nil_v(), line);
        let rv = self.fresh("R");
        let mut inner = vec![Pre::Let(rv.clone(), r)];
        let first = self.fresh("V");
        let mut vars = vec![first.clone()];
        if names.len() == 1 {
            inner.push(Pre::Let(first.clone(), lcall("first", vec![v(&rv)], 0)));
        } else {
            let mut lv = self.fresh("L");
            inner.push(Pre::Let(lv.clone(), lcall("all", vec![v(&rv)], 0)));
            inner.push(Pre::Let(first.clone(), lcall("hd", vec![v(&lv)], 0)));
            for _ in 1..names.len() {
                let nl = self.fresh("L");
                inner.push(Pre::Let(nl.clone(), lcall("tl", vec![v(&lv)], 0)));
                lv = nl;
                let x = self.fresh("V");
                inner.push(Pre::Let(x.clone(), lcall("hd", vec![v(&lv)], 0)));
                vars.push(x);
            }
        }
        self.scopes.push(Vec::new());
        let mut decl_pre = Vec::new();
        for ((n, d), x) in names.iter().zip(&vars) {
            self.declare_value(n, *d, v(x), &mut decl_pre);
        }
        self.loops.push(exit.clone());
        let again = K::Jump(lp.clone(), vec![v(&first)], thr.clone());
        let bexp = self.block(body, &again);
        self.loops.pop();
        self.restore(saved);
        let test = case(
            v(&first),
            vec![
                (patom("nil"), None, ex),
                (Pattern::Wildcard, None, wrap(decl_pre, bexp)),
            ],
        );
        let mut lparams = vec![ctl];
        lparams.extend(params);
        let lbody = wrap(inner, test);
        let mut args = vec![v(cv)];
        args.extend(thr.iter().map(|d| self.pass(*d)));
        let e = wrap(
            vec![Pre::LetRec(vec![(lp.clone(), mkfun(lparams, lbody))])],
            apply(funref(&lp), args, line),
        );
        Self::with_join(def, e)
    }

    /// Fresh parameters for threaded locals (rebinding them).
    fn params_for(&mut self, thr: &[DeclId]) -> Vec<String> {
        let mut params = Vec::new();
        for d in thr {
            let p = self.fresh("P");
            self.rebind_param(*d, &p);
            params.push(p);
        }
        params
    }

    fn if_chain(
        &mut self,
        arms: &'a [(Expr, Vec<Stat>)],
        els: Option<&'a [Stat]>,
        k: &K<'a>,
    ) -> IE {
        let Some(((c, b), rest)) = arms.split_first() else {
            return match els {
                Some(b) => {
                    let saved = self.snapshot();
                    let e = self.block(b, k);
                    self.restore(saved);
                    e
                }
                None => self.finish(k),
            };
        };
        let cond = self.cond(c);
        let saved = self.snapshot();
        let then = self.block(b, k);
        self.restore(saved);
        let saved = self.snapshot();
        let other = self.if_chain(rest, els, k);
        self.restore(saved);
        case(
            cond,
            vec![
                (patom("true"), None, then),
                (Pattern::Wildcard, None, other),
            ],
        )
    }

    // ---- functions -------------------------------------------------------

    fn func(&mut self, fb: &'a FuncBody) -> Fun {
        let saved_loops = std::mem::take(&mut self.loops);
        let saved_labels = std::mem::take(&mut self.labels);
        let saved_regions = std::mem::take(&mut self.regions);
        self.depth += 1;
        let args = self.fresh("Args");
        self.varargs.push(None);
        let depth = self.scopes.len();
        self.scopes.push(Vec::new());
        let mut pre = Vec::new();
        let mut cur = args.clone();
        let n = fb.params.len();
        for (i, (name, d)) in fb.params.iter().enumerate() {
            let p = self.fresh("A");
            pre.push(Pre::Let(p.clone(), lcall("hd", vec![v(&cur)], 0)));
            if i + 1 < n || fb.vararg {
                let nl = self.fresh("Rest");
                pre.push(Pre::Let(nl.clone(), lcall("tl", vec![v(&cur)], 0)));
                cur = nl;
            }
            self.declare_value(name, *d, v(&p), &mut pre);
        }
        if fb.vararg {
            if let Some(top) = self.varargs.last_mut() {
                *top = Some(cur.clone());
            }
        }
        let body = self.stats(&fb.body, &K::Return);
        self.scopes.truncate(depth);
        self.varargs.pop();
        self.depth -= 1;
        self.loops = saved_loops;
        self.labels = saved_labels;
        self.regions = saved_regions;
        Fun {
            params: vec![args],
            body: Box::new(wrap(pre, body)),
            span: sp(fb.line),
            name: None,
        }
    }

    /// A fixed-parameter function's direct version: the parameters are
    /// the IR function's parameters.
    fn func_direct(&mut self, fb: &'a FuncBody) -> Fun {
        let saved_loops = std::mem::take(&mut self.loops);
        let saved_labels = std::mem::take(&mut self.labels);
        let saved_regions = std::mem::take(&mut self.regions);
        self.depth += 1;
        self.varargs.push(None);
        let depth = self.scopes.len();
        self.scopes.push(Vec::new());
        let mut pre = Vec::new();
        let mut params = Vec::new();
        for (name, d) in &fb.params {
            let p = self.fresh("A");
            params.push(p.clone());
            self.declare_value(name, *d, v(&p), &mut pre);
        }
        let body = self.stats(&fb.body, &K::Return);
        self.scopes.truncate(depth);
        self.varargs.pop();
        self.depth -= 1;
        self.loops = saved_loops;
        self.labels = saved_labels;
        self.regions = saved_regions;
        Fun {
            params,
            body: Box::new(wrap(pre, body)),
            span: sp(fb.line),
            name: None,
        }
    }

    /// The function value of a direct function: takes the argument list
    /// apart and calls the direct version.
    fn direct_wrapper(&mut self, direct: &FunName, n: usize, line: u32) -> Fun {
        let args = self.fresh("Args");
        let mut pre = Vec::new();
        let mut cur = args.clone();
        let mut vals = Vec::new();
        for i in 0..n {
            let p = self.fresh("A");
            pre.push(Pre::Let(p.clone(), lcall("hd", vec![v(&cur)], 0)));
            if i + 1 < n {
                let nl = self.fresh("Rest");
                pre.push(Pre::Let(nl.clone(), lcall("tl", vec![v(&cur)], 0)));
                cur = nl;
            }
            vals.push(v(&p));
        }
        Fun {
            params: vec![args],
            body: Box::new(wrap(pre, apply(funref(direct), vals, line))),
            span: sp(line),
            name: None,
        }
    }

    /// The main chunk as a function (a vararg function of its arguments).
    pub fn chunk(&mut self, stats: &'a [Stat], env_var: &str) -> Fun {
        self.scopes.push(vec![("_ENV".to_string(), self.env_decl)]);
        self.binds
            .insert(self.env_decl, Bind::Var(env_var.to_string()));
        let fb = FuncBody {
            params: Vec::new(),
            vararg: true,
            body: Vec::new(),
            line: 0,
            end_line: 0,
            name: "main chunk".into(),
        };
        // Same as `func`, with the statements given separately.
        let args = self.fresh("Args");
        self.varargs.push(Some(args.clone()));
        self.depth += 1;
        let body = self.block(stats, &K::Return);
        self.depth -= 1;
        self.varargs.pop();
        let _ = fb;
        Fun {
            params: vec![args],
            body: Box::new(body),
            span: Span::NONE,
            name: None,
        }
    }

    // ---- expressions -----------------------------------------------------

    fn vararg_list(&mut self, line: u32) -> IE {
        match self.varargs.last().cloned().flatten() {
            Some(x) => v(&x),
            None => {
                self.err(
                    "cannot use '...' outside a vararg function near '...'",
                    line,
                );
                empty()
            }
        }
    }

    /// All values of a multi-value expression, as a list.
    fn expr_multi(&mut self, e: &'a Expr) -> IE {
        match e {
            Expr::Call(..) | Expr::Method(..) => {
                let r = self.call_raw(e);
                lcall("all", vec![r], 0)
            }
            Expr::Vararg(l) => self.vararg_list(*l),
            _ => {
                let x = self.expr(e);
                cons(x, empty())
            }
        }
    }

    /// A condition as `'true'`/`'false'`.
    fn cond(&mut self, e: &'a Expr) -> IE {
        let x = self.expr(e);
        if is_bool_expr(e) {
            x
        } else {
            lcall("truthy", vec![x], 0)
        }
    }

    /// How an error message names the value of `e`.
    fn desc(&self, e: &Expr) -> IE {
        match e {
            Expr::Name(n, _) => match self.lookup(n) {
                Some(d) => {
                    let i = self.info(d);
                    if i.is_const {
                        bin(format!("constant '{n}'").as_bytes())
                    } else if i.depth < self.depth {
                        bin(format!("upvalue '{n}'").as_bytes())
                    } else {
                        bin(format!("local '{n}'").as_bytes())
                    }
                }
                None => bin(format!("global '{n}'").as_bytes()),
            },
            Expr::Index(_, k, _) => match &**k {
                Expr::Str(s) => {
                    let mut b = b"field '".to_vec();
                    b.extend_from_slice(s);
                    b.push(b'\'');
                    bin(&b)
                }
                _ => nil_v(),
            },
            Expr::Method(_, m, _, _) => bin(format!("method '{m}'").as_bytes()),
            _ => nil_v(),
        }
    }

    fn index(&mut self, t: IE, k: IE, desc: IE, line: u32) -> IE {
        let (tv, kv, r) = (self.fresh("T"), self.fresh("K"), self.fresh("R"));
        let body = case(
            lcall("get", vec![v(&tv), v(&kv)], line),
            vec![
                (
                    patom("lua$meta"),
                    None,
                    lcall("index", vec![v(&tv), v(&kv), desc], line),
                ),
                (Pattern::Var(r.clone()), None, v(&r)),
            ],
        );
        let_simple(&tv, t, let_simple(&kv, k, body))
    }

    /// Call a value with an argument list: the raw result.
    fn call_value(&mut self, f: IE, args: IE, desc: IE, line: u32) -> IE {
        let (fv, av, x) = (self.fresh("F"), self.fresh("Args"), self.fresh("X"));
        let body = case(
            v(&fv),
            vec![
                (
                    Pattern::Var(x.clone()),
                    Some(IE::call("erlang", "is_function", vec![v(&x)], Span::NONE)),
                    apply(v(&x), vec![v(&av)], line),
                ),
                (
                    Pattern::Wildcard,
                    None,
                    lcall("call", vec![v(&fv), v(&av), desc], line),
                ),
            ],
        );
        let_simple(&fv, f, let_simple(&av, args, body))
    }

    /// A call expression's raw result (one value or a list).
    fn call_raw(&mut self, e: &'a Expr) -> IE {
        match e {
            Expr::Call(f, args, line) => {
                if let Expr::Name(n, _) = &**f {
                    if let Some(d) = self.lookup(n) {
                        if let Some(Bind::LocalFun(fname, _, direct)) = self.binds.get(&d).cloned()
                        {
                            if let Some(dr) = direct {
                                let n = dr.fun.arity as usize;
                                if args.len() <= n && !args.last().is_some_and(|a| a.is_multi()) {
                                    let mut vals: Vec<IE> =
                                        args.iter().map(|a| self.expr(a)).collect();
                                    vals.resize_with(n, nil_v);
                                    return apply(funref(&dr.fun), vals, *line);
                                }
                            }
                            let (items, tail) = self.explist_multi(args);
                            return apply(funref(&fname), vec![list_with_tail(items, tail)], *line);
                        }
                    }
                }
                let fe = self.expr(f);
                let desc = self.desc(f);
                let fv = self.fresh("F");
                let (items, tail) = self.explist_multi(args);
                let call = self.call_value(v(&fv), list_with_tail(items, tail), desc, *line);
                let_simple(&fv, fe, call)
            }
            Expr::Method(o, m, args, line) => {
                let oe = self.expr(o);
                let ov = self.fresh("O");
                let fe = self.index(v(&ov), bin(m.as_bytes()), self.desc(o), *line);
                let fv = self.fresh("F");
                let (mut items, tail) = self.explist_multi(args);
                items.insert(0, v(&ov));
                let desc = bin(format!("method '{m}'").as_bytes());
                let call = self.call_value(v(&fv), list_with_tail(items, tail), desc, *line);
                let_simple(&ov, oe, let_simple(&fv, fe, call))
            }
            other => self.expr(other),
        }
    }

    /// A call of a direct, single-valued local function (its raw result
    /// is the value).
    fn is_single_call(&self, e: &Expr) -> bool {
        let Expr::Call(f, args, _) = e else {
            return false;
        };
        let Expr::Name(n, _) = &**f else {
            return false;
        };
        let Some(d) = self.lookup(n) else {
            return false;
        };
        match self.binds.get(&d) {
            Some(Bind::LocalFun(_, _, Some(dr))) => {
                dr.single
                    && args.len() <= dr.fun.arity as usize
                    && !args.last().is_some_and(|a| a.is_multi())
            }
            _ => false,
        }
    }

    fn arith(&mut self, op: &str, a: IE, b: IE, da: IE, db: IE, line: u32) -> IE {
        let (av, bv, r) = (self.fresh("A"), self.fresh("B"), self.fresh("R"));
        let body = case(
            lcall(op, vec![v(&av), v(&bv)], line),
            vec![
                (
                    patom("lua$meta"),
                    None,
                    lcall("arith", vec![atom(op), v(&av), v(&bv), da, db], line),
                ),
                (Pattern::Var(r.clone()), None, v(&r)),
            ],
        );
        let_simple(&av, a, let_simple(&bv, b, body))
    }

    fn compare(&mut self, op: &str, a: IE, b: IE, swap: bool, line: u32) -> IE {
        let (av, bv, r) = (self.fresh("A"), self.fresh("B"), self.fresh("R"));
        let (x, y) = if swap {
            (v(&bv), v(&av))
        } else {
            (v(&av), v(&bv))
        };
        let body = case(
            lcall(op, vec![x.clone(), y.clone()], line),
            vec![
                (
                    patom("lua$meta"),
                    None,
                    lcall("compare", vec![atom(op), x, y], line),
                ),
                (Pattern::Var(r.clone()), None, v(&r)),
            ],
        );
        let_simple(&av, a, let_simple(&bv, b, body))
    }

    fn not(e: IE) -> IE {
        case(
            e,
            vec![
                (patom("true"), None, atom("false")),
                (Pattern::Wildcard, None, atom("true")),
            ],
        )
    }

    pub fn expr(&mut self, e: &'a Expr) -> IE {
        match e {
            Expr::Nil => nil_v(),
            Expr::True => atom("true"),
            Expr::False => atom("false"),
            Expr::Int(i) => lit(Literal::Int(*i)),
            Expr::Float(f) => lit(Literal::Float(*f)),
            Expr::Str(s) => bin(s),
            Expr::Vararg(l) => {
                let l = self.vararg_list(*l);
                lcall("hd", vec![l], 0)
            }
            Expr::Func(fb) => {
                let f = self.func(fb);
                IE::new(ExprKind::Fun(f), sp(fb.line))
            }
            Expr::Name(n, l) => match self.lookup(n) {
                Some(d) => self.read(d),
                None => {
                    let env = self.env();
                    self.index(env, bin(n.as_bytes()), nil_v(), *l)
                }
            },
            Expr::Index(t, k, l) => {
                let te = self.expr(t);
                let ke = self.expr(k);
                let desc = self.desc(t);
                self.index(te, ke, desc, *l)
            }
            Expr::Call(..) | Expr::Method(..) => {
                let single = self.is_single_call(e);
                let r = self.call_raw(e);
                if single {
                    r
                } else {
                    lcall("first", vec![r], 0)
                }
            }
            Expr::Paren(inner) => self.expr(inner),
            Expr::Table(fields, line) => self.table(fields, *line),
            Expr::Un(op, a, l) => {
                let x = self.expr(a);
                let d = self.desc(a);
                match op {
                    UnOp::Not => {
                        if is_bool_expr(a) {
                            Self::not(x)
                        } else {
                            Self::not(lcall("truthy", vec![x], 0))
                        }
                    }
                    UnOp::Neg => {
                        let av = self.fresh("A");
                        let r = self.fresh("R");
                        let body = case(
                            lcall("unm", vec![v(&av)], *l),
                            vec![
                                (
                                    patom("lua$meta"),
                                    None,
                                    lcall(
                                        "arith",
                                        vec![atom("unm"), v(&av), v(&av), d.clone(), d],
                                        *l,
                                    ),
                                ),
                                (Pattern::Var(r.clone()), None, v(&r)),
                            ],
                        );
                        let_simple(&av, x, body)
                    }
                    UnOp::BNot => {
                        let av = self.fresh("A");
                        let r = self.fresh("R");
                        let body = case(
                            lcall("bnot", vec![v(&av)], *l),
                            vec![
                                (
                                    patom("lua$meta"),
                                    None,
                                    lcall(
                                        "arith",
                                        vec![atom("bnot"), v(&av), v(&av), d.clone(), d],
                                        *l,
                                    ),
                                ),
                                (Pattern::Var(r.clone()), None, v(&r)),
                            ],
                        );
                        let_simple(&av, x, body)
                    }
                    UnOp::Len => {
                        let av = self.fresh("A");
                        let r = self.fresh("R");
                        let body = case(
                            lcall("len", vec![v(&av)], *l),
                            vec![
                                (patom("lua$meta"), None, lcall("len", vec![v(&av), d], *l)),
                                (Pattern::Var(r.clone()), None, v(&r)),
                            ],
                        );
                        let_simple(&av, x, body)
                    }
                }
            }
            Expr::Bin(op, a, b, l) => {
                let l = *l;
                match op {
                    BinOp::And | BinOp::Or => {
                        let x = self.expr(a);
                        let av = self.fresh("A");
                        let y = self.expr(b);
                        let test = if is_bool_expr(a) {
                            v(&av)
                        } else {
                            lcall("truthy", vec![v(&av)], 0)
                        };
                        let (t, f) = if *op == BinOp::And {
                            (y, v(&av))
                        } else {
                            (v(&av), y)
                        };
                        let_simple(
                            &av,
                            x,
                            case(
                                test,
                                vec![(patom("true"), None, t), (Pattern::Wildcard, None, f)],
                            ),
                        )
                    }
                    _ => {
                        let (da, db) = (self.desc(a), self.desc(b));
                        let x = self.expr(a);
                        let y = self.expr(b);
                        let name = match op {
                            BinOp::Add => "add",
                            BinOp::Sub => "sub",
                            BinOp::Mul => "mul",
                            BinOp::Div => "div",
                            BinOp::IDiv => "idiv",
                            BinOp::Mod => "mod",
                            BinOp::Pow => "pow",
                            BinOp::BAnd => "band",
                            BinOp::BOr => "bor",
                            BinOp::BXor => "bxor",
                            BinOp::Shl => "shl",
                            BinOp::Shr => "shr",
                            BinOp::Eq => return self.compare("eq", x, y, false, l),
                            BinOp::Ne => {
                                let c = self.compare("eq", x, y, false, l);
                                return Self::not(c);
                            }
                            BinOp::Lt => return self.compare("lt", x, y, false, l),
                            BinOp::Le => return self.compare("le", x, y, false, l),
                            BinOp::Gt => return self.compare("lt", x, y, true, l),
                            BinOp::Ge => return self.compare("le", x, y, true, l),
                            BinOp::Concat => {
                                let (av, bv, r) =
                                    (self.fresh("A"), self.fresh("B"), self.fresh("R"));
                                let body = case(
                                    lcall("concat", vec![v(&av), v(&bv)], l),
                                    vec![
                                        (
                                            patom("lua$meta"),
                                            None,
                                            lcall("concat", vec![v(&av), v(&bv), da, db], l),
                                        ),
                                        (Pattern::Var(r.clone()), None, v(&r)),
                                    ],
                                );
                                return let_simple(&av, x, let_simple(&bv, y, body));
                            }
                            BinOp::And | BinOp::Or => "add",
                        };
                        self.arith(name, x, y, da, db, l)
                    }
                }
            }
        }
    }

    fn table(&mut self, fields: &'a [Field], line: u32) -> IE {
        let mut pos = Vec::new();
        let mut pos_tail = empty();
        let mut pairs = Vec::new();
        let mut keyed = Vec::new();
        let npos = fields.iter().filter(|f| matches!(f, Field::Pos(_))).count();
        let mut seen_pos = 0;
        for f in fields {
            match f {
                Field::Pos(e) => {
                    seen_pos += 1;
                    let last_field = std::ptr::eq(f, fields.last().unwrap_or(f));
                    if seen_pos == npos && last_field && e.is_multi() {
                        pos_tail = self.expr_multi(e);
                    } else {
                        pos.push(self.expr(e));
                    }
                }
                Field::Named(k, e) => {
                    pairs.push(bin(k));
                    pairs.push(self.expr(e));
                }
                Field::Keyed(k, e) => {
                    let const_key = match k {
                        Expr::Str(s) => Some(bin(s)),
                        Expr::Int(i) => Some(lit(Literal::Int(*i))),
                        Expr::True => Some(atom("true")),
                        Expr::False => Some(atom("false")),
                        Expr::Float(f) if !f.is_nan() => Some(lit(Literal::Float(*f))),
                        _ => None,
                    };
                    match const_key {
                        Some(kk) => {
                            pairs.push(kk);
                            pairs.push(self.expr(e));
                        }
                        None => {
                            let ke = self.expr(k);
                            let ve = self.expr(e);
                            keyed.push((ke, ve));
                        }
                    }
                }
            }
        }
        // Positional fields win over keyed ones for the same index (Lua
        // stores them last, with SETLIST): with computed keys, the
        // positional values are stored again after the keyed fields.
        let mut pre = Vec::new();
        let mut again = Vec::new();
        if !keyed.is_empty() {
            for (i, p) in pos.iter_mut().enumerate() {
                let x = self.fresh("P");
                let val = std::mem::replace(p, v(&x));
                pre.push(Pre::Let(x.clone(), val));
                again.push((lit(Literal::Int(i as i64 + 1)), v(&x)));
            }
        }
        let mut t = IE::call(
            "lua",
            "table_from",
            vec![
                list_with_tail(pos, pos_tail),
                list_with_tail(pairs, empty()),
            ],
            sp(line),
        );
        for (k, val) in keyed.into_iter().chain(again) {
            t = IE::call("lua", "ctor_set", vec![t, k, val], sp(line));
        }
        wrap(pre, t)
    }
}

/// The line of a statement, where it has one of its own.
fn stat_line(s: &Stat) -> Option<u32> {
    match s {
        Stat::Local(_, _, l)
        | Stat::Assign(_, _, l)
        | Stat::Call(_, l)
        | Stat::While(_, _, l)
        | Stat::Repeat(_, _, l)
        | Stat::If(_, _, l)
        | Stat::NumFor(_, _, _, _, _, _, l)
        | Stat::GenFor(_, _, _, l)
        | Stat::Function(_, _, l)
        | Stat::LocalFunction(_, _, _, l)
        | Stat::Return(_, l)
        | Stat::Break(l)
        | Stat::Goto(_, l)
        | Stat::Label(_, l) => Some(*l),
        Stat::Do(b) => b.iter().rev().find_map(stat_line),
    }
}

fn let_simple(var: &str, val: IE, body: IE) -> IE {
    let1(var, val, body)
}

fn mkfun(params: Vec<String>, body: IE) -> Fun {
    Fun {
        params,
        body: Box::new(body),
        span: Span::NONE,
        name: None,
    }
}
