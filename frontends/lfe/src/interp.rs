//! User macros: `defmacro` and `defsyntax`, expanded at compile time.
//!
//! LFE runs a macro's body as LFE code over the quoted arguments. This
//! first version interprets that body here, over S-expression data, for
//! the subset macros are usually written in: backquote templates, quote,
//! list/cons/car/cdr/list*/tuple/++, `let`, `let*`, `if`, `cond`, `case`,
//! `progn`, comparisons, a little arithmetic, type tests, and a few
//! `lists`/`erlang` functions. Anything else is reported as "not supported
//! yet" (running macros on the runtime itself is the full solution).

use std::collections::HashMap;

use crate::sexpr::{Sexpr, Span, S};

type Env = HashMap<String, Sexpr>;
type R<T> = Result<T, String>;

#[derive(Clone, Debug)]
pub enum Macro {
    /// `(defmacro name (a b) body...)`; `rest` takes the arguments after
    /// `params`: `(defmacro name args ...)`, `(defmacro name (a . more) ...)`.
    Lambda {
        params: Vec<String>,
        rest: Option<String>,
        body: Vec<Sexpr>,
    },
    /// `(defmacro name ((pattern...) [(when ...)] body...) ...)`: each
    /// pattern is matched against the list of arguments.
    Clauses(Vec<(Sexpr, Vec<Sexpr>, Vec<Sexpr>)>),
    /// `(defsyntax name (pattern template) ...)`.
    Syntax(Vec<(Sexpr, Sexpr)>),
}

/// Depth cap for the interpreter (macro bodies are small; a runaway
/// recursion ends in an error).
const MAX_EVAL_DEPTH: u32 = 2_000;

struct Interp<'a> {
    module: &'a str,
    depth: u32,
    /// The `lambda`s made during this expansion. A fun value is the tuple
    /// `#(CLOSURE_TAG index)`: macro values are data (`Sexpr`), and a fun
    /// must never leave the expansion (checked in `Macro::expand`).
    closures: Vec<Closure>,
}

/// A `lambda` evaluated in a macro body: parameter names, body, and the
/// environment it closed over.
struct Closure {
    params: Vec<String>,
    body: Vec<Sexpr>,
    env: Env,
}

/// The tag of a fun value inside the macro interpreter (not a name a
/// program can write: symbols cannot contain a NUL).
const CLOSURE_TAG: &str = "\0lfe-macro-fun";

/// Whether a macro's result still holds a fun value.
fn holds_fun(v: &Sexpr) -> bool {
    match &v.kind {
        S::Sym(n) => n == CLOSURE_TAG,
        S::List(items, tail) => {
            items.iter().any(holds_fun) || tail.as_deref().is_some_and(holds_fun)
        }
        S::Tuple(items) | S::Map(items) => items.iter().any(holds_fun),
        _ => false,
    }
}

fn atom(name: &str, span: &Span) -> Sexpr {
    Sexpr::sym(name, span.clone())
}

fn boolean(b: bool, span: &Span) -> Sexpr {
    atom(if b { "true" } else { "false" }, span)
}

fn int(i: i64, span: &Span) -> Sexpr {
    Sexpr::new(S::Int(i), span.clone())
}

/// Structural equality of data (a string equals its list of codes).
pub fn data_eq(a: &Sexpr, b: &Sexpr) -> bool {
    match (&a.kind, &b.kind) {
        (S::Str(x), S::Str(y)) => x == y,
        (S::Str(_), S::List(..)) | (S::List(..), S::Str(_)) => match (a.as_list(), b.as_list()) {
            (Some(x), Some(y)) => {
                x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| data_eq(p, q))
            }
            _ => false,
        },
        (S::List(x, xt), S::List(y, yt)) => {
            x.len() == y.len()
                && x.iter().zip(y).all(|(p, q)| data_eq(p, q))
                && match (xt, yt) {
                    (None, None) => true,
                    (Some(p), Some(q)) => data_eq(p, q),
                    _ => false,
                }
        }
        (S::Tuple(x), S::Tuple(y)) | (S::Map(x), S::Map(y)) | (S::BinLit(x), S::BinLit(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| data_eq(p, q))
        }
        (S::Int(x), S::Int(y)) => x == y,
        (S::Float(x), S::Float(y)) => x == y,
        (S::Sym(x), S::Sym(y)) => x == y,
        (S::BigInt(x), S::BigInt(y)) => x == y,
        (S::Bin(x), S::Bin(y)) => x == y,
        _ => false,
    }
}

/// `(cons h t)` on data.
fn cons(h: Sexpr, t: Sexpr, span: &Span) -> Sexpr {
    match t.kind {
        S::List(mut items, tail) => {
            items.insert(0, h);
            Sexpr::new(S::List(items, tail), span.clone())
        }
        S::Str(_) => {
            let mut items = t.as_list().unwrap_or_default();
            items.insert(0, h);
            Sexpr::list(items, span.clone())
        }
        _ => Sexpr::new(S::List(vec![h], Some(Box::new(t))), span.clone()),
    }
}

/// Head and tail of a non-empty list datum.
fn uncons(v: &Sexpr) -> Option<(Sexpr, Sexpr)> {
    match &v.kind {
        S::List(items, tail) if !items.is_empty() => {
            let rest = if items.len() == 1 {
                match tail {
                    Some(t) => (**t).clone(),
                    None => Sexpr::nil(v.span.clone()),
                }
            } else {
                Sexpr::new(S::List(items[1..].to_vec(), tail.clone()), v.span.clone())
            };
            Some((items[0].clone(), rest))
        }
        S::Str(s) if !s.is_empty() => {
            let mut cs = s.chars();
            let c = cs.next()?;
            Some((
                int(i64::from(u32::from(c)), &v.span),
                Sexpr::new(S::Str(cs.collect()), v.span.clone()),
            ))
        }
        _ => None,
    }
}

impl Macro {
    /// Expands a call with these (unevaluated) arguments.
    pub fn expand(&self, args: &[Sexpr], module: &str) -> R<Sexpr> {
        let mut it = Interp {
            module,
            depth: 0,
            closures: Vec::new(),
        };
        let out = it.expand(self, args)?;
        if holds_fun(&out) {
            return Err("not supported yet: a fun in a macro's expansion (funs may only be used inside the macro body)".into());
        }
        Ok(out)
    }
}

impl Interp<'_> {
    fn expand(&mut self, mac: &Macro, args: &[Sexpr]) -> R<Sexpr> {
        let it = self;
        let span = args.first().map(|a| a.span.clone()).unwrap_or(0..0);
        let arglist = Sexpr::list(args.to_vec(), span.clone());
        match mac {
            Macro::Lambda { params, rest, body } => {
                let mut env = Env::new();
                env.insert("$ENV".into(), Sexpr::nil(span.clone()));
                let fixed = params.len();
                let arity_ok = match rest {
                    Some(_) => args.len() >= fixed,
                    None => args.len() == fixed,
                };
                if !arity_ok {
                    return Err(format!(
                        "called with {} arguments, takes {fixed}",
                        args.len()
                    ));
                }
                for (p, a) in params.iter().zip(args) {
                    env.insert(p.clone(), a.clone());
                }
                if let Some(r) = rest {
                    env.insert(r.clone(), Sexpr::list(args[fixed..].to_vec(), span.clone()));
                }
                it.body(body, &env)
            }
            Macro::Clauses(clauses) => {
                for (pat, guard, body) in clauses {
                    let mut env = Env::new();
                    env.insert("$ENV".into(), Sexpr::nil(span.clone()));
                    if it.matches(pat, &arglist, &mut env)? && it.guard(guard, &env)? {
                        return it.body(body, &env);
                    }
                }
                Err("no macro clause matches the call".into())
            }
            Macro::Syntax(rules) => {
                for (pat, template) in rules {
                    let mut env = Env::new();
                    if syntax_match(pat, &arglist, &mut env) {
                        return Ok(substitute(template, &env));
                    }
                }
                Err("no syntax rule matches the call".into())
            }
        }
    }
}

/// A syntax-rules pattern: symbols bind, everything else must be equal.
fn syntax_match(p: &Sexpr, v: &Sexpr, env: &mut Env) -> bool {
    match &p.kind {
        S::Sym(n) if n == "_" => true,
        S::Sym(n) => match env.get(n) {
            Some(old) => data_eq(old, v),
            None => {
                env.insert(n.clone(), v.clone());
                true
            }
        },
        S::List(items, tail) => {
            let mut cur = v.clone();
            for it in items {
                let Some((h, t)) = uncons(&cur) else {
                    return false;
                };
                if !syntax_match(it, &h, env) {
                    return false;
                }
                cur = t;
            }
            match tail {
                Some(t) => syntax_match(t, &cur, env),
                None => cur.is_nil(),
            }
        }
        _ => data_eq(p, v),
    }
}

fn substitute(t: &Sexpr, env: &Env) -> Sexpr {
    match &t.kind {
        S::Sym(n) => env.get(n).cloned().unwrap_or_else(|| t.clone()),
        S::List(items, tail) => {
            let items: Vec<Sexpr> = items.iter().map(|x| substitute(x, env)).collect();
            match tail {
                Some(tl) => {
                    // (a . rest) with rest bound to a list splices it.
                    let tl = substitute(tl, env);
                    items
                        .into_iter()
                        .rev()
                        .fold(tl, |acc, h| cons(h, acc, &t.span))
                }
                None => Sexpr::list(items, t.span.clone()),
            }
        }
        S::Tuple(items) => Sexpr::new(
            S::Tuple(items.iter().map(|x| substitute(x, env)).collect()),
            t.span.clone(),
        ),
        _ => t.clone(),
    }
}

impl Interp<'_> {
    fn body(&mut self, body: &[Sexpr], env: &Env) -> R<Sexpr> {
        let mut last = Sexpr::nil(0..0);
        for x in body {
            last = self.eval(x, env)?;
        }
        Ok(last)
    }

    fn guard(&mut self, tests: &[Sexpr], env: &Env) -> R<bool> {
        for t in tests {
            if self.eval(t, env)?.as_sym() != Some("true") {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Matches an LFE pattern against data, binding into `env`.
    fn matches(&mut self, p: &Sexpr, v: &Sexpr, env: &mut Env) -> R<bool> {
        Ok(match &p.kind {
            S::Sym(n) if n == "_" => true,
            S::Sym(n) => match env.get(n) {
                Some(old) => data_eq(old, v),
                None => {
                    env.insert(n.clone(), v.clone());
                    true
                }
            },
            S::List(items, None) if items.is_empty() => v.is_nil(),
            S::List(items, None) => {
                let args = &items[1..];
                match items[0].as_sym() {
                    Some("quote") if args.len() == 1 => data_eq(&args[0], v),
                    Some("list") => {
                        let Some(vs) = v.as_list() else {
                            return Ok(false);
                        };
                        if vs.len() != args.len() {
                            return Ok(false);
                        }
                        for (a, x) in args.iter().zip(&vs) {
                            if !self.matches(a, x, env)? {
                                return Ok(false);
                            }
                        }
                        true
                    }
                    Some("cons") if args.len() == 2 => match uncons(v) {
                        Some((h, t)) => {
                            self.matches(&args[0], &h, env)? && self.matches(&args[1], &t, env)?
                        }
                        None => false,
                    },
                    Some("list*") if !args.is_empty() => {
                        // `(list* p1 ... pn tail)`: n heads, then the tail.
                        let (heads, tail) = args.split_at(args.len() - 1);
                        let mut rest = v.clone();
                        for h in heads {
                            let Some((x, t)) = uncons(&rest) else {
                                return Ok(false);
                            };
                            if !self.matches(h, &x, env)? {
                                return Ok(false);
                            }
                            rest = t;
                        }
                        self.matches(&tail[0], &rest, env)?
                    }
                    Some("tuple") => match &v.kind {
                        S::Tuple(xs) if xs.len() == args.len() => {
                            for (a, x) in args.iter().zip(xs) {
                                if !self.matches(a, x, env)? {
                                    return Ok(false);
                                }
                            }
                            true
                        }
                        _ => false,
                    },
                    Some("=") if args.len() == 2 => {
                        self.matches(&args[0], v, env)? && self.matches(&args[1], v, env)?
                    }
                    Some("backquote") if args.len() == 1 => {
                        let x = crate::lower::backquote_form(&args[0]);
                        self.matches(&x, v, env)?
                    }
                    _ => return Err(format!("not supported yet: the macro pattern {p}")),
                }
            }
            _ => data_eq(p, v),
        })
    }

    fn eval(&mut self, x: &Sexpr, env: &Env) -> R<Sexpr> {
        self.depth += 1;
        if self.depth > MAX_EVAL_DEPTH {
            return Err("macro expansion nested too deeply".into());
        }
        let r = self.eval_inner(x, env);
        self.depth -= 1;
        r
    }

    fn eval_all(&mut self, xs: &[Sexpr], env: &Env) -> R<Vec<Sexpr>> {
        xs.iter().map(|x| self.eval(x, env)).collect()
    }

    fn eval_inner(&mut self, x: &Sexpr, env: &Env) -> R<Sexpr> {
        let span = &x.span;
        match &x.kind {
            S::Sym(n) => env
                .get(n)
                .cloned()
                .ok_or_else(|| format!("unbound symbol {n}")),
            S::List(items, None) if !items.is_empty() => {
                let Some(head) = items[0].as_sym() else {
                    return Err(format!("not supported yet: {x} in a macro body"));
                };
                self.form(head, &items[1..], x, env)
            }
            S::List(items, None) if items.is_empty() => Ok(x.clone()),
            S::List(..) => Err(format!("cannot evaluate {x}")),
            _ => Ok(x.clone()),
        }
        .map(|mut v| {
            if v.span == (0..0) {
                v.span = span.clone();
            }
            v
        })
    }

    fn quasi(&mut self, t: &Sexpr, env: &Env) -> R<Sexpr> {
        match &t.kind {
            S::List(items, tail) => {
                if let (Some("comma"), 2) = (t.head(), items.len()) {
                    return self.eval(&items[1], env);
                }
                let mut out: Vec<Sexpr> = Vec::new();
                let mut out_tail: Option<Box<Sexpr>> = None;
                for it in items {
                    if it.head() == Some("comma-at") && it.items().is_some_and(|i| i.len() == 2) {
                        let inner = it
                            .items()
                            .map(|i| i[1].clone())
                            .unwrap_or_else(|| it.clone());
                        let v = self.eval(&inner, env)?;
                        match v.as_list() {
                            Some(vs) => out.extend(vs),
                            None => return Err(format!(",@ of a non-list: {v}")),
                        }
                    } else {
                        out.push(self.quasi(it, env)?);
                    }
                }
                if let Some(tl) = tail {
                    let v = self.quasi(tl, env)?;
                    match v.kind {
                        S::List(more, more_tail) => {
                            out.extend(more);
                            out_tail = more_tail;
                        }
                        _ => out_tail = Some(Box::new(v)),
                    }
                }
                Ok(Sexpr::new(S::List(out, out_tail), t.span.clone()))
            }
            S::Tuple(items) => {
                let l = Sexpr::list(items.clone(), t.span.clone());
                let v = self.quasi(&l, env)?;
                Ok(Sexpr::new(
                    S::Tuple(v.as_list().unwrap_or_default()),
                    t.span.clone(),
                ))
            }
            S::Map(items) => {
                let l = Sexpr::list(items.clone(), t.span.clone());
                let v = self.quasi(&l, env)?;
                Ok(Sexpr::new(
                    S::Map(v.as_list().unwrap_or_default()),
                    t.span.clone(),
                ))
            }
            _ => Ok(t.clone()),
        }
    }

    /// Calls a fun value made by `lambda` in this expansion.
    fn apply(&mut self, f: &Sexpr, args: Vec<Sexpr>) -> R<Sexpr> {
        let index = match &f.kind {
            S::Tuple(t) if t.len() == 2 && t[0].as_sym() == Some(CLOSURE_TAG) => match t[1].kind {
                S::Int(i) => usize::try_from(i).ok(),
                _ => None,
            },
            _ => None,
        };
        let Some(c) = index.and_then(|i| self.closures.get(i)) else {
            return Err(format!("bad function {f} in a macro body"));
        };
        if c.params.len() != args.len() {
            return Err(format!(
                "badarity: a fun of {} arguments called with {} in a macro body",
                c.params.len(),
                args.len()
            ));
        }
        let mut env = c.env.clone();
        for (p, a) in c.params.iter().zip(args) {
            env.insert(p.clone(), a);
        }
        let body = c.body.clone();
        self.body(&body, &env)
    }

    fn list_of(&self, v: &Sexpr) -> R<Vec<Sexpr>> {
        v.as_list().ok_or_else(|| format!("not a list: {v}"))
    }

    fn num(&self, v: &Sexpr) -> R<i64> {
        match v.kind {
            S::Int(i) => Ok(i),
            _ => Err(format!(
                "not supported yet: arithmetic on {v} in a macro body"
            )),
        }
    }

    fn form(&mut self, head: &str, args: &[Sexpr], whole: &Sexpr, env: &Env) -> R<Sexpr> {
        let span = &whole.span;
        let n = args.len();
        match head {
            "quote" if n == 1 => return Ok(args[0].clone()),
            "backquote" if n == 1 => return self.quasi(&args[0], env),
            "progn" => return self.body(args, env),
            "if" if n == 2 || n == 3 => {
                let t = self.eval(&args[0], env)?;
                return match t.as_sym() {
                    Some("true") => self.eval(&args[1], env),
                    Some("false") => match args.get(2) {
                        Some(e) => self.eval(e, env),
                        None => Ok(atom("false", span)),
                    },
                    _ => Err("if_clause in a macro body".into()),
                };
            }
            "cond" => {
                for c in args {
                    let items = c.items().ok_or("bad cond clause")?;
                    let (test, body) = items.split_first().ok_or("bad cond clause")?;
                    if test.as_sym() == Some("else")
                        || self.eval(test, env)?.as_sym() == Some("true")
                    {
                        return self.body(body, env);
                    }
                }
                return Ok(atom("false", span));
            }
            "case" if n >= 1 => {
                let v = self.eval(&args[0], env)?;
                for c in &args[1..] {
                    let items = c.items().ok_or("bad case clause")?;
                    let (pat, rest) = items.split_first().ok_or("bad case clause")?;
                    let mut e2 = env.clone();
                    let (guard, body) = match rest.first() {
                        Some(w) if w.head() == Some("when") => (
                            w.items().map(|i| i[1..].to_vec()).unwrap_or_default(),
                            &rest[1..],
                        ),
                        _ => (Vec::new(), rest),
                    };
                    if self.matches(pat, &v, &mut e2)? && self.guard(&guard, &e2)? {
                        return self.body(body, &e2);
                    }
                }
                return Err(format!("case_clause {v} in a macro body"));
            }
            "let" | "let*" if n >= 1 => {
                let binds = args[0].items().ok_or("bad let")?;
                let mut e2 = env.clone();
                for b in binds {
                    let bi = b
                        .items()
                        .filter(|i| i.len() == 2)
                        .ok_or("bad let binding")?;
                    let from = if head == "let*" {
                        e2.clone()
                    } else {
                        env.clone()
                    };
                    let v = self.eval(&bi[1], &from)?;
                    if !self.matches(&bi[0], &v, &mut e2)? {
                        return Err(format!("badmatch {v} in a macro body"));
                    }
                }
                return self.body(&args[1..], &e2);
            }
            "andalso" => {
                for a in args {
                    if self.eval(a, env)?.as_sym() != Some("true") {
                        return Ok(atom("false", span));
                    }
                }
                return Ok(atom("true", span));
            }
            "orelse" => {
                for a in args {
                    if self.eval(a, env)?.as_sym() == Some("true") {
                        return Ok(atom("true", span));
                    }
                }
                return Ok(atom("false", span));
            }
            "MODULE" if n == 0 => return Ok(atom(self.module, span)),
            "lambda" if n >= 1 => {
                let params = args[0]
                    .items()
                    .and_then(|ps| {
                        ps.iter()
                            .map(|p| p.as_sym().map(str::to_string))
                            .collect::<Option<Vec<_>>>()
                    })
                    .ok_or_else(|| {
                        format!(
                            "not supported yet: the lambda list {} in a macro body",
                            args[0]
                        )
                    })?;
                self.closures.push(Closure {
                    params,
                    body: args[1..].to_vec(),
                    env: env.clone(),
                });
                return Ok(Sexpr::new(
                    S::Tuple(vec![
                        atom(CLOSURE_TAG, span),
                        int(self.closures.len() as i64 - 1, span),
                    ]),
                    span.clone(),
                ));
            }
            _ => {}
        }
        let vs = self.eval_all(args, env)?;
        let name = head.strip_prefix("erlang:").unwrap_or(head);
        match (name, vs.as_slice()) {
            ("list", _) => Ok(Sexpr::list(vs.clone(), span.clone())),
            ("funcall", [f, xs @ ..]) => self.apply(f, xs.to_vec()),
            ("lists:map", [f, l]) => {
                let out = self
                    .list_of(l)?
                    .into_iter()
                    .map(|x| self.apply(f, vec![x]))
                    .collect::<R<Vec<_>>>()?;
                Ok(Sexpr::list(out, span.clone()))
            }
            ("lists:filter", [f, l]) => {
                let mut out = Vec::new();
                for x in self.list_of(l)? {
                    if self.apply(f, vec![x.clone()])?.as_sym() == Some("true") {
                        out.push(x);
                    }
                }
                Ok(Sexpr::list(out, span.clone()))
            }
            ("lists:foldl" | "lists:foldr", [f, acc, l]) => {
                let mut xs = self.list_of(l)?;
                if name == "lists:foldr" {
                    xs.reverse();
                }
                let mut acc = acc.clone();
                for x in xs {
                    acc = self.apply(f, vec![x, acc])?;
                }
                Ok(acc)
            }
            ("tuple", _) => Ok(Sexpr::new(S::Tuple(vs.clone()), span.clone())),
            ("cons", [h, t]) => Ok(cons(h.clone(), t.clone(), span)),
            ("car" | "hd", [l]) => uncons(l).map(|p| p.0).ok_or_else(|| format!("car of {l}")),
            ("cdr" | "tl", [l]) => uncons(l).map(|p| p.1).ok_or_else(|| format!("cdr of {l}")),
            ("cadr", [l]) => uncons(l)
                .and_then(|p| uncons(&p.1))
                .map(|p| p.0)
                .ok_or_else(|| format!("cadr of {l}")),
            ("cddr", [l]) => uncons(l)
                .and_then(|p| uncons(&p.1))
                .map(|p| p.1)
                .ok_or_else(|| format!("cddr of {l}")),
            ("list*", [.., _]) => {
                let mut acc = vs[vs.len() - 1].clone();
                for h in vs[..vs.len() - 1].iter().rev() {
                    acc = cons(h.clone(), acc, span);
                }
                Ok(acc)
            }
            ("++" | "lists:append", [a, b]) => {
                let mut acc = b.clone();
                for h in self.list_of(a)?.into_iter().rev() {
                    acc = cons(h, acc, span);
                }
                Ok(acc)
            }
            ("length", [l]) => Ok(int(self.list_of(l)?.len() as i64, span)),
            ("lists:reverse", [l]) => {
                let mut xs = self.list_of(l)?;
                xs.reverse();
                Ok(Sexpr::list(xs, span.clone()))
            }
            ("lists:nth", [i, l]) => {
                let i = self.num(i)?;
                let xs = self.list_of(l)?;
                usize::try_from(i - 1)
                    .ok()
                    .and_then(|k| xs.get(k).cloned())
                    .ok_or_else(|| "lists:nth out of range".to_string())
            }
            ("lists:last", [l]) => self.list_of(l)?.last().cloned().ok_or_else(|| "lists:last of []".into()),
            ("element", [i, t]) => match &t.kind {
                S::Tuple(xs) => usize::try_from(self.num(i)? - 1)
                    .ok()
                    .and_then(|k| xs.get(k).cloned())
                    .ok_or_else(|| "element out of range".to_string()),
                _ => Err(format!("element of {t}")),
            },
            ("tuple_to_list", [t]) => match &t.kind {
                S::Tuple(xs) => Ok(Sexpr::list(xs.clone(), span.clone())),
                _ => Err(format!("tuple_to_list of {t}")),
            },
            ("list_to_tuple", [l]) => Ok(Sexpr::new(S::Tuple(self.list_of(l)?), span.clone())),
            ("atom_to_list", [a]) => match a.as_sym() {
                Some(s) => Ok(Sexpr::new(S::Str(s.to_string()), span.clone())),
                None => Err(format!("atom_to_list of {a}")),
            },
            ("list_to_atom", [l]) => {
                let cs = self.list_of(l)?;
                let mut s = String::new();
                for c in cs {
                    let code = u32::try_from(self.num(&c)?).ok().and_then(char::from_u32).ok_or("bad character")?;
                    s.push(code);
                }
                Ok(atom(&s, span))
            }
            ("integer_to_list", [i]) => Ok(Sexpr::new(S::Str(self.num(i)?.to_string()), span.clone())),
            ("+", _) => Ok(int(vs.iter().map(|v| self.num(v)).sum::<R<i64>>()?, span)),
            ("-", [a, b]) => Ok(int(self.num(a)? - self.num(b)?, span)),
            ("-", [a]) => Ok(int(-self.num(a)?, span)),
            ("*", [a, b]) => Ok(int(self.num(a)? * self.num(b)?, span)),
            ("==" | "=:=", [a, b]) => Ok(boolean(data_eq(a, b), span)),
            ("/=" | "=/=", [a, b]) => Ok(boolean(!data_eq(a, b), span)),
            ("<", [a, b]) => Ok(boolean(self.num(a)? < self.num(b)?, span)),
            (">", [a, b]) => Ok(boolean(self.num(a)? > self.num(b)?, span)),
            ("=<", [a, b]) => Ok(boolean(self.num(a)? <= self.num(b)?, span)),
            (">=", [a, b]) => Ok(boolean(self.num(a)? >= self.num(b)?, span)),
            ("not", [a]) => Ok(boolean(a.as_sym() == Some("false"), span)),
            ("is_atom", [a]) => Ok(boolean(matches!(a.kind, S::Sym(_)), span)),
            ("is_list", [a]) => Ok(boolean(matches!(a.kind, S::List(..) | S::Str(_)), span)),
            ("is_integer", [a]) => Ok(boolean(matches!(a.kind, S::Int(_) | S::BigInt(_)), span)),
            ("is_number", [a]) => Ok(boolean(matches!(a.kind, S::Int(_) | S::BigInt(_) | S::Float(_)), span)),
            ("is_tuple", [a]) => Ok(boolean(matches!(a.kind, S::Tuple(_)), span)),
            ("is_binary", [a]) => Ok(boolean(matches!(a.kind, S::Bin(_)), span)),
            ("error", [a]) => Err(format!("the macro raised an error: {a}")),
            _ => Err(format!(
                "not supported yet: calling {head}/{n} in a macro body (macros are interpreted by the frontend)"
            )),
        }
    }
}
