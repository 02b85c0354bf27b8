//! Expressions, Kernel macros and calls.

use eubeam_ir as ir;
use eubeam_ir::{BinSegment, Clause, Expr, ExprKind, FunName, Literal, MapOp, MapPair, Pattern};

use super::pattern::{byte_seg, fix_unit, split_tail, PatState};
use super::{alias_atom, Lw, Pre};
use crate::ast::{Ast, Kind, Span};

/// Kernel functions that are `erlang` BIFs under the same name and arity.
const ERLANG_SAME: &[(&str, u32)] = &[
    ("is_atom", 1),
    ("is_binary", 1),
    ("is_bitstring", 1),
    ("is_boolean", 1),
    ("is_float", 1),
    ("is_function", 1),
    ("is_function", 2),
    ("is_integer", 1),
    ("is_list", 1),
    ("is_map", 1),
    ("is_map_key", 2),
    ("is_number", 1),
    ("is_pid", 1),
    ("is_port", 1),
    ("is_reference", 1),
    ("is_tuple", 1),
    ("abs", 1),
    ("byte_size", 1),
    ("bit_size", 1),
    ("hd", 1),
    ("tl", 1),
    ("length", 1),
    ("map_size", 1),
    ("tuple_size", 1),
    ("self", 0),
    ("node", 0),
    ("node", 1),
    ("make_ref", 0),
    ("spawn", 1),
    ("spawn", 3),
    ("spawn_link", 1),
    ("spawn_link", 3),
    ("spawn_monitor", 1),
    ("spawn_monitor", 3),
    ("exit", 1),
    ("throw", 1),
    ("trunc", 1),
    ("round", 1),
    ("ceil", 1),
    ("floor", 1),
    ("div", 2),
    ("rem", 2),
    ("apply", 2),
    ("apply", 3),
    ("binary_part", 3),
    ("max", 2),
    ("min", 2),
    ("send", 2),
    ("not", 1),
    ("map_get", 2),
];

/// Kernel functions written in our `Kernel` library module.
const KERNEL_LIB: &[(&str, u32)] = &[
    ("inspect", 1),
    ("inspect", 2),
    ("to_charlist", 1),
    ("struct", 1),
    ("struct", 2),
    ("get_in", 2),
    ("put_in", 3),
    ("update_in", 3),
    ("function_exported?", 3),
    ("is_struct", 1),
    ("is_struct", 2),
    ("is_exception", 1),
    ("is_exception", 2),
    ("to_string", 1),
    ("elem", 2),
    ("put_elem", 3),
    ("macro_exported?", 3),
    ("struct!", 1),
    ("struct!", 2),
    ("pop_in", 2),
    ("get_and_update_in", 3),
    ("dbg", 1),
];

/// Every Kernel function a call may name without `Kernel.` (for the
/// shell's completion), as `(name, arity)`.
pub fn kernel_funs() -> impl Iterator<Item = (&'static str, u32)> {
    ERLANG_SAME
        .iter()
        .chain(KERNEL_LIB)
        .copied()
        .chain([("is_nil", 1)])
}

pub fn is_kernel_fun(name: &str, arity: u32) -> bool {
    ERLANG_SAME.contains(&(name, arity))
        || KERNEL_LIB.contains(&(name, arity))
        || name == "is_nil" && arity == 1
}

fn erlang_op(op: &str) -> Option<&'static str> {
    Some(match op {
        "+" => "+",
        "-" => "-",
        "*" => "*",
        "/" => "/",
        "==" => "==",
        "!=" => "/=",
        "===" => "=:=",
        "!==" => "=/=",
        "<" => "<",
        ">" => ">",
        "<=" => "=<",
        ">=" => ">=",
        "++" => "++",
        "--" => "--",
        // Bitwise's operators (`import Bitwise`).
        "&&&" => "band",
        "|||" => "bor",
        "^^^" => "bxor",
        "<<<" => "bsl",
        ">>>" => "bsr",
        _ => return None,
    })
}

impl Lw<'_> {
    pub fn expr(&mut self, a: &Ast) -> Expr {
        self.depth += 1;
        let e = if self.depth > 5000 {
            self.error(a.span, "expression nested too deeply")
        } else {
            self.expr_inner(a)
        };
        self.depth -= 1;
        e
    }

    fn expr_inner(&mut self, a: &Ast) -> Expr {
        let span = self.sp(a.span);
        match &a.kind {
            Kind::Int(_)
            | Kind::Float(_)
            | Kind::Atom(_)
            | Kind::Str(_)
            | Kind::Charlist(_)
            | Kind::Alias(_) => match super::literal_of(self.m, a) {
                Some(l) => Expr::lit(l, span),
                None => self.error(a.span, "invalid literal"),
            },
            Kind::Var(v) => self.var(v, a.span),
            Kind::List(items) => {
                if let Some(l) = super::literal_of(self.m, a) {
                    return Expr::lit(l, span);
                }
                let (items, tail) = split_tail(items);
                let tail = match tail {
                    Some(t) => self.expr(t),
                    None => Expr::lit(Literal::Nil, span),
                };
                let es: Vec<Expr> = items.iter().map(|i| self.expr(i)).collect();
                es.into_iter()
                    .rev()
                    .fold(tail, |t, h| Expr::cons(h, t, span))
            }
            Kind::Tuple(items) => {
                if let Some(l) = super::literal_of(self.m, a) {
                    return Expr::lit(l, span);
                }
                let es = items.iter().map(|i| self.expr(i)).collect();
                Expr::tuple(es, span)
            }
            Kind::Remote {
                target,
                name,
                args,
                parens,
            } => self.remote(a, target, name, args, *parens),
            Kind::Apply { fun, args } => {
                let f = self.expr(fun);
                let args = args.iter().map(|x| self.expr(x)).collect();
                Expr::new(
                    ExprKind::Apply {
                        fun: Box::new(f),
                        args,
                    },
                    span,
                )
            }
            Kind::Call { name, args, .. } => self.call(a, name, args),
        }
    }

    fn var(&mut self, v: &str, s: Span) -> Expr {
        let span = self.sp(s);
        if let Some(iv) = self.env.get(v) {
            return Expr::var(iv.clone(), span);
        }
        match v {
            "__MODULE__" if self.m.script => return Expr::atom("nil", span),
            "__MODULE__" => return Expr::atom(&self.m.name.clone(), span),
            "__ENV__" | "__CALLER__" => return self.unsupported(s, v),
            "__STACKTRACE__" => {
                if let Some(st) = self.env.get("__STACKTRACE__") {
                    return Expr::var(st.clone(), span);
                }
                return self.error(
                    s,
                    "__STACKTRACE__ is available only inside catch and rescue",
                );
            }
            _ => {}
        }
        // A call without parentheses to a zero-arity function.
        let v = crate::quoted::unhygienic(v);
        if self.m.funs.contains(&(v.to_string(), 0)) || is_kernel_fun(v, 0) {
            return self.local_call(v, &[], s);
        }
        self.error(s, format!("undefined variable \"{v}\""))
    }

    /// The module a remote call's target names, if constant.
    fn module_of(&self, t: &Ast) -> Option<String> {
        match &t.kind {
            Kind::Alias(segs) => Some(alias_atom(self.m, segs)),
            Kind::Atom(a) => Some(a.clone()),
            Kind::Var(v) if v == "__MODULE__" && !self.env.contains_key(v) => {
                Some(self.m.name.clone())
            }
            Kind::Call { name, args, .. } if name == "__aliases__" && args.len() == 2 => {
                let base = self.module_of(&args[0])?;
                match &args[1].kind {
                    Kind::Atom(seg) => Some(format!("{base}.{seg}")),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn remote(&mut self, a: &Ast, target: &Ast, name: &str, args: &[Ast], parens: bool) -> Expr {
        let span = self.sp(a.span);
        // Integer's guard macros, usable in guards: `is_integer(x) and
        // rem(x, 2) == 0` (`!= 0` for is_odd).
        if let (Some("Elixir.Integer"), "is_even" | "is_odd", [x]) =
            (self.module_of(target).as_deref(), name, args)
        {
            let s = a.span;
            let op = if name == "is_even" { "==" } else { "!=" };
            let rem = Ast::call(
                "rem",
                vec![x.clone(), Ast::new(Kind::Int("2".into()), s)],
                s,
            );
            let test = Ast::call(op, vec![rem, Ast::new(Kind::Int("0".into()), s)], s);
            let is_int = Ast::call("is_integer", vec![x.clone()], s);
            return self.expr(&Ast::call("and", vec![is_int, test], s));
        }
        if let Some(m) = self.module_of(target) {
            if let Some(g) = self.m.guard_def(&m, name, args.len()) {
                return self.expr(&g.apply(args));
            }
            if self.m.is_macro(&m, name, args.len()) {
                return self.expand_expr(&m, name, args, a.span);
            }
        }
        let margs: Vec<Expr> = args.iter().map(|x| self.expr(x)).collect();
        match self.module_of(target) {
            Some(m) => {
                if m == "Elixir.Kernel"
                    && (is_kernel_fun(name, args.len() as u32) || erlang_op(name).is_some())
                {
                    return self.local_call(name, args, a.span);
                }
                Expr::call(&m, name, margs, span)
            }
            None => {
                let t = self.expr(target);
                if !parens && args.is_empty() && self.in_guard {
                    // `map.field` in a guard: map_get (fails the guard when
                    // the key is missing or the term is not a map).
                    return Expr::call("erlang", "map_get", vec![Expr::atom(name, span), t], span);
                }
                if !parens && args.is_empty() {
                    // `map.field`, or a zero-arity call on a module in a variable.
                    return Expr::call(
                        "Elixir.Kernel",
                        "__dot__",
                        vec![t, Expr::atom(name, span)],
                        span,
                    );
                }
                Expr::new(
                    ExprKind::Call {
                        module: Box::new(t),
                        function: Box::new(Expr::atom(name, span)),
                        args: margs,
                    },
                    span,
                )
            }
        }
    }

    /// A local call: defined in the module, a Kernel function, or an error.
    pub fn local_call(&mut self, name: &str, args: &[Ast], s: Span) -> Expr {
        let span = self.sp(s);
        let n = args.len() as u32;
        if self.m.funs.contains(&(name.to_string(), n)) {
            let margs = args.iter().map(|x| self.expr(x)).collect();
            return Expr::new(
                ExprKind::Apply {
                    fun: Box::new(Expr::new(ExprKind::FunRef(FunName::new(name, n)), span)),
                    args: margs,
                },
                span,
            );
        }
        let margs: Vec<Expr> = args.iter().map(|x| self.expr(x)).collect();
        match (name, n) {
            ("is_nil", 1) => {
                let mut it = margs.into_iter();
                let x = it.next().unwrap_or_else(|| Expr::atom("nil", span));
                return Expr::call("erlang", "=:=", vec![x, Expr::atom("nil", span)], span);
            }
            ("elem", 2) => {
                let mut it = margs.into_iter();
                let (t, i) = (it.next(), it.next());
                if let (Some(t), Some(i)) = (t, i) {
                    let i1 = Expr::call(
                        "erlang",
                        "+",
                        vec![i, Expr::lit(Literal::Int(1), span)],
                        span,
                    );
                    return Expr::call("erlang", "element", vec![i1, t], span);
                }
                return self.nil(s);
            }
            ("put_elem", 3) => {
                let mut it = margs.into_iter();
                if let (Some(t), Some(i), Some(v)) = (it.next(), it.next(), it.next()) {
                    let i1 = Expr::call(
                        "erlang",
                        "+",
                        vec![i, Expr::lit(Literal::Int(1), span)],
                        span,
                    );
                    return Expr::call("erlang", "setelement", vec![i1, t, v], span);
                }
                return self.nil(s);
            }
            ("to_string", 1) => return Expr::call("Elixir.String.Chars", "to_string", margs, span),
            ("is_struct", 1) if self.in_guard => {
                let x = margs.into_iter().next().unwrap_or_else(|| self.nil(s));
                return self.is_struct_guard(x, None, span);
            }
            ("is_struct", 2) if self.in_guard => {
                let mut it = margs.into_iter();
                let x = it.next().unwrap_or_else(|| self.nil(s));
                let m = it.next();
                return self.is_struct_guard(x, m, span);
            }
            _ => {}
        }
        if ERLANG_SAME.contains(&(name, n)) {
            return Expr::call("erlang", name, margs, span);
        }
        if KERNEL_LIB.contains(&(name, n)) {
            return Expr::call("Elixir.Kernel", name, margs, span);
        }
        for m in self.m.imports.clone() {
            if crate::stdlib::exports(&m, name, n) || self.m.user_exports(&m, name, n) {
                return Expr::call(&m, name, margs, span);
            }
        }
        self.error(
            s,
            format!("undefined function {name}/{n} (there is no such import)"),
        )
    }

    fn is_struct_guard(&mut self, x: Expr, m: Option<Expr>, span: ir::Span) -> Expr {
        let is_map = Expr::call("erlang", "is_map", vec![x.clone()], span);
        let get = Expr::call(
            "erlang",
            "map_get",
            vec![Expr::atom("__struct__", span), x],
            span,
        );
        let test = match m {
            None => Expr::call("erlang", "is_atom", vec![get], span),
            Some(m) => Expr::call("erlang", "=:=", vec![get, m], span),
        };
        Expr::call("erlang", "and", vec![is_map, test], span)
    }

    fn call(&mut self, a: &Ast, name: &str, args: &[Ast]) -> Expr {
        let span = self.sp(a.span);
        let s = a.span;
        if let Some(g) = self.m.local_guard(name, args.len()) {
            return self.expr(&g.apply(args));
        }
        if self
            .m
            .imports
            .iter()
            .any(|m| m == super::exunit::ASSERTIONS)
        {
            if let Some(src) = self.m.src.clone() {
                if let Some(ast) = super::exunit::expand_assertion(&src, name, args, s) {
                    return self.expr(&ast);
                }
            }
        }
        if let Some(m) = self.m.imported_macro(name, args.len()) {
            return self.expand_expr(&m, name, args, s);
        }
        if let ("~~~", [x]) = (name, args) {
            let x = self.expr(x);
            return Expr::call("erlang", "bnot", vec![x], span);
        }
        if let Some(op) = erlang_op(name) {
            if args.len() == 2 {
                let l = self.expr(&args[0]);
                let r = self.expr(&args[1]);
                return Expr::call("erlang", op, vec![l, r], span);
            }
            if args.len() == 1 && (name == "-" || name == "+") {
                let x = self.expr(&args[0]);
                return Expr::call("erlang", name, vec![x], span);
            }
        }
        match (name, args) {
            ("__block__", _) => {
                // A block inside an expression: its bindings stay visible.
                self.stmts(a)
            }
            ("=", [p, v]) => self.match_expr(p, v, s),
            ("|>", [l, r]) => {
                let piped = pipe_into(l, r);
                match piped {
                    Some(c) => self.expr(&c),
                    None => self.error(r.span, "the right side of |> must be a call"),
                }
            }
            ("and", [l, r]) | ("or", [l, r]) if self.in_guard => {
                let l = self.expr(l);
                let r = self.expr(r);
                let op = if name == "and" { "and" } else { "or" };
                Expr::call("erlang", op, vec![l, r], span)
            }
            ("and", [l, r]) => {
                let l = self.expr(l);
                let r = self.sub(r);
                self.bool_case(l, r, true, span)
            }
            ("or", [l, r]) => {
                let l = self.expr(l);
                let r = self.sub(r);
                self.bool_case(l, r, false, span)
            }
            ("not", [x]) => {
                let x = self.expr(x);
                Expr::call("erlang", "not", vec![x], span)
            }
            ("&&", [l, r]) => {
                let l = self.expr(l);
                let r = self.sub(r);
                let t = self.temp();
                let tv = Expr::var(t.clone(), span);
                self.truthy_case(l, r, tv, Some(t), span)
            }
            ("||", [l, r]) => {
                let l = self.expr(l);
                let r = self.sub(r);
                let t = self.temp();
                let tv = Expr::var(t.clone(), span);
                self.truthy_case(l, tv, r, Some(t), span)
            }
            ("!", [x]) => {
                let x = self.expr(x);
                self.truthy_case(
                    x,
                    Expr::atom("false", span),
                    Expr::atom("true", span),
                    None,
                    span,
                )
            }
            ("<>", [l, r]) => {
                let l = self.expr(l);
                let r = self.expr(r);
                Expr::new(
                    ExprKind::Binary(vec![bin_seg(l, span), bin_seg(r, span)]),
                    span,
                )
            }
            ("**", [l, r]) => {
                let l = self.expr(l);
                let r = self.expr(r);
                Expr::call("Elixir.Integer", "pow", vec![l, r], span)
            }
            ("in", [x, coll]) => self.in_expr(x, coll, span),
            ("..", [f, l]) => self.range(f, l, None, span),
            ("..//", [f, l, st]) => self.range(f, l, Some(st), span),
            ("=~", [l, r]) => {
                let l = self.expr(l);
                let r = self.expr(r);
                Expr::call("Elixir.Kernel", "__match__", vec![l, r], span)
            }
            ("interp", parts) => self.interp(parts, span),
            ("__atom_interp__", [x]) => {
                let b = self.expr(x);
                Expr::call(
                    "erlang",
                    "binary_to_atom",
                    vec![b, Expr::atom("utf8", span)],
                    span,
                )
            }
            ("__charlist__", [x]) => {
                let b = self.expr(x);
                Expr::call("unicode", "characters_to_list", vec![b], span)
            }
            ("__regex__", [src, mods]) => {
                let src = self.expr(src);
                let mods = self.expr(mods);
                Expr::call("Elixir.Regex", "compile!", vec![src, mods], span)
            }
            ("__unsupported__", [what]) => {
                let w = match &what.kind {
                    Kind::Str(w) => w.clone(),
                    _ => "this construct".into(),
                };
                self.unsupported(s, &w)
            }
            ("__access__", [m, k]) => {
                let m = self.expr(m);
                let k = self.expr(k);
                Expr::call("Elixir.Access", "get", vec![m, k], span)
            }
            ("__args__", _) => self.error(s, "unexpected parentheses"),
            ("{}", items) => {
                let es = items.iter().map(|i| self.expr(i)).collect();
                Expr::tuple(es, span)
            }
            ("%{}", items) => self.map_expr(items, span),
            ("%", [n, map]) => self.struct_expr(n, map, span),
            ("<<>>", items) => self.binary_expr(items, span),
            ("fn", clauses) => self.fn_expr(clauses, s),
            ("&", [x]) => self.capture(x, s),
            ("^", _) => self.error(s, "cannot use ^ outside of match clauses"),
            ("@", [attr]) => self.attr_read(attr, s),
            ("if", [c, kw]) => self.if_expr(c, kw, false, s),
            ("unless", [c, kw]) => self.if_expr(c, kw, true, s),
            ("case", [x, kw]) => self.case_expr(x, kw, s),
            ("cond", [kw]) => self.cond_expr(kw, s),
            ("receive", [kw]) => self.receive_expr(kw, s),
            ("try", [kw]) => self.try_expr(kw, s),
            ("with", _) => self.with_expr(args, s),
            ("for", _) => self.for_expr(args, s),
            ("raise", [msg]) => {
                let m = self.expr(msg);
                let ex = Expr::call("Elixir.Kernel", "__raise__", vec![m], span);
                Expr::call("erlang", "error", vec![ex], span)
            }
            ("raise", [m, attrs]) => {
                let m = self.expr(m);
                let at = self.expr(attrs);
                let ex = Expr::call("Elixir.Kernel", "__raise__", vec![m, at], span);
                Expr::call("erlang", "error", vec![ex], span)
            }
            ("reraise", [m, attrs, st]) => {
                let m = self.expr(m);
                let at = self.expr(attrs);
                let st = self.expr(st);
                let ex = Expr::call("Elixir.Kernel", "__raise__", vec![m, at], span);
                Expr::call(
                    "erlang",
                    "raise",
                    vec![Expr::atom("error", span), ex, st],
                    span,
                )
            }
            ("reraise", [e, st]) => {
                let e = self.expr(e);
                let st = self.expr(st);
                let ex = Expr::call("Elixir.Kernel", "__raise__", vec![e], span);
                Expr::call(
                    "erlang",
                    "raise",
                    vec![Expr::atom("error", span), ex, st],
                    span,
                )
            }
            ("then", [v, f]) => {
                let v = self.expr(v);
                let f = self.expr(f);
                Expr::new(
                    ExprKind::Apply {
                        fun: Box::new(f),
                        args: vec![v],
                    },
                    span,
                )
            }
            ("tap", [v, f]) => {
                let v = self.expr(v);
                let f = self.expr(f);
                let t = self.temp();
                let call = Expr::new(
                    ExprKind::Apply {
                        fun: Box::new(f),
                        args: vec![Expr::var(t.clone(), span)],
                    },
                    span,
                );
                Expr::let_(
                    vec![t.clone()],
                    v,
                    Expr::seq(call, Expr::var(t, span)),
                    span,
                )
            }
            ("alias" | "require" | "import", _) => Expr::atom("ok", span),
            ("match?", [pat, value]) => {
                // `case value do pat -> true; _ -> false end`
                let arrow = |p: Ast, v: &str| {
                    Ast::call(
                        "->",
                        vec![Ast::new(Kind::List(vec![p]), s), Ast::atom(v, s)],
                        s,
                    )
                };
                let wild = Ast::new(Kind::Var("_".into()), s);
                let kw = Ast::new(
                    Kind::List(vec![Ast::new(
                        Kind::Tuple(vec![
                            Ast::atom("do", s),
                            Ast::new(
                                Kind::List(vec![arrow(pat.clone(), "true"), arrow(wild, "false")]),
                                s,
                            ),
                        ]),
                        s,
                    )]),
                    s,
                );
                let c = Ast::call("case", vec![value.clone(), kw], s);
                self.sub(&c)
            }
            ("put_in" | "update_in", [path, v]) => match access_path(path) {
                Some((base, keys)) => {
                    let keys = Ast::new(Kind::List(keys), path.span);
                    let c = Ast::call(name, vec![base, keys, v.clone()], s);
                    self.expr(&c)
                }
                None => self.error(
                    path.span,
                    format!("{name}/2 expects a path like data.key or data[key]"),
                ),
            },
            ("defmodule" | "def" | "defp" | "defmacro" | "defstruct" | "defexception", _) => {
                self.unsupported(s, &format!("{name} here (only at the top of a module)"))
            }
            ("quote", qargs) => self.quote(qargs, s),
            ("unquote" | "unquote_splicing", _) => {
                self.error(s, format!("{name} called outside quote"))
            }
            ("defmacrop" | "defprotocol" | "defimpl", _) => {
                self.unsupported(s, &format!("{name} here (only at the top of a module)"))
            }
            ("super", _) => self.unsupported(s, "super"),
            ("binding", _) => self.unsupported(s, "binding"),
            _ => self.local_call(name, args, s),
        }
    }

    // ---- matches -------------------------------------------------------

    fn match_expr(&mut self, p: &Ast, v: &Ast, s: Span) -> Expr {
        let span = self.sp(s);
        let value = self.expr(v);
        // `x = value`: a plain let.
        if let Kind::Var(name) = &p.kind {
            if name != "_" && name != "__MODULE__" {
                let iv = self.fresh(name);
                self.pre.push(Pre::Let(iv.clone(), value, span));
                self.env.insert(name.clone(), iv.clone());
                return Expr::var(iv, span);
            }
        }
        let t = self.temp();
        self.pre.push(Pre::Let(t.clone(), value, span));
        let mut st = PatState::default();
        let pat = self.pattern(p, &mut st);
        let guard = st.guard(None, span);
        let fail_var = self.temp();
        self.pre.push(Pre::Match {
            arg: Expr::var(t.clone(), span),
            pat,
            guard,
            fail_var,
            span,
        });
        self.bind(&st);
        Expr::var(t, span)
    }

    // ---- booleans ------------------------------------------------------

    /// Strict `and`/`or`: the left side must be a boolean.
    fn bool_case(&mut self, l: Expr, r: Expr, is_and: bool, span: ir::Span) -> Expr {
        let x = self.temp();
        let (t_body, f_body) = if is_and {
            (r, Expr::atom("false", span))
        } else {
            (Expr::atom("true", span), r)
        };
        let bad = Expr::call(
            "erlang",
            "error",
            vec![Expr::tuple(
                vec![
                    Expr::atom("badbool", span),
                    Expr::atom(if is_and { "and" } else { "or" }, span),
                    Expr::var(x.clone(), span),
                ],
                span,
            )],
            span,
        );
        case(
            l,
            vec![
                clause(
                    vec![Pattern::Lit(Literal::atom("true"))],
                    None,
                    t_body,
                    span,
                ),
                clause(
                    vec![Pattern::Lit(Literal::atom("false"))],
                    None,
                    f_body,
                    span,
                ),
                clause(vec![Pattern::Var(x)], None, bad, span),
            ],
            span,
        )
    }

    /// `case V of false|nil -> Falsy; X -> Truthy` (X bound to `bind`).
    fn truthy_case(
        &mut self,
        v: Expr,
        truthy: Expr,
        falsy: Expr,
        bind: Option<String>,
        span: ir::Span,
    ) -> Expr {
        let x = bind.unwrap_or_else(|| self.temp());
        let g = falsy_guard(&x, span);
        case(
            v,
            vec![
                clause(vec![Pattern::Var(x.clone())], Some(g), falsy, span),
                clause(vec![Pattern::Var(x)], None, truthy, span),
            ],
            span,
        )
    }

    // ---- data ----------------------------------------------------------

    fn interp(&mut self, parts: &[Ast], span: ir::Span) -> Expr {
        let mut segs = Vec::new();
        for p in parts {
            match &p.kind {
                Kind::Str(s) => segs.push(bin_seg(
                    Expr::lit(Literal::Binary(s.as_bytes().to_vec()), span),
                    span,
                )),
                _ => {
                    let v = self.expr(p);
                    let s = Expr::call("Elixir.String.Chars", "to_string", vec![v], span);
                    segs.push(bin_seg(s, span));
                }
            }
        }
        Expr::new(ExprKind::Binary(segs), span)
    }

    fn kv_items(&mut self, items: &[Ast]) -> Vec<(Ast, Ast, bool)> {
        let mut out = Vec::new();
        for it in items {
            match &it.kind {
                Kind::Call { name, args: kw, .. } if name == "__kw__" => {
                    for p in kw {
                        if let Kind::Tuple(t) = &p.kind {
                            out.push((t[0].clone(), t[1].clone(), true));
                        }
                    }
                }
                Kind::List(kw) if it.keyword().is_some() => {
                    for p in kw {
                        if let Kind::Tuple(t) = &p.kind {
                            out.push((t[0].clone(), t[1].clone(), true));
                        }
                    }
                }
                Kind::Call { name, args, .. } if name == "=>" && args.len() == 2 => {
                    out.push((args[0].clone(), args[1].clone(), false));
                }
                // `{:%{}, [], [{k, v}]}` from a macro.
                Kind::Tuple(kv) if kv.len() == 2 => {
                    out.push((kv[0].clone(), kv[1].clone(), false));
                }
                _ => {
                    self.error(it.span, "expected key => value or key: value in a map");
                }
            }
        }
        out
    }

    fn map_expr(&mut self, items: &[Ast], span: ir::Span) -> Expr {
        // `%{base | k: v}`
        if let [only] = items {
            if let Some(("|", [base, rest])) = only.call_args() {
                let b = self.expr(base);
                let kvs = self.kv_items(std::slice::from_ref(rest));
                let pairs = kvs
                    .iter()
                    .map(|(k, v, _)| MapPair {
                        op: MapOp::Exact,
                        key: self.expr(k),
                        value: self.expr(v),
                    })
                    .collect();
                return Expr::new(
                    ExprKind::Map {
                        base: Some(Box::new(b)),
                        pairs,
                    },
                    span,
                );
            }
        }
        if let [.., last] = items {
            if let Some(("|", [_, _])) = last.call_args() {
                return self.unsupported(
                    Span::new(span.start as usize, span.end as usize),
                    "map update syntax here",
                );
            }
        }
        let kvs = self.kv_items(items);
        let pairs = kvs
            .iter()
            .map(|(k, v, _)| MapPair {
                op: MapOp::Assoc,
                key: self.expr(k),
                value: self.expr(v),
            })
            .collect();
        Expr::new(ExprKind::Map { base: None, pairs }, span)
    }

    fn struct_expr(&mut self, n: &Ast, map: &Ast, span: ir::Span) -> Expr {
        let module = match &n.kind {
            Kind::Alias(segs) => Expr::atom(&alias_atom(self.m, segs), span),
            Kind::Var(v) if v == "__MODULE__" => Expr::atom(&self.m.name.clone(), span),
            _ => self.expr(n),
        };
        let items = map.call_args().map(|(_, i)| i.to_vec()).unwrap_or_default();
        if let [only] = items.as_slice() {
            if let Some(("|", [base, rest])) = only.call_args() {
                let b = self.expr(base);
                let kvs = self.kv_items(std::slice::from_ref(rest));
                let kw: Vec<Expr> = kvs
                    .iter()
                    .map(|(k, v, _)| {
                        let k = self.expr(k);
                        let v = self.expr(v);
                        Expr::tuple(vec![k, v], span)
                    })
                    .collect();
                let list = list_expr(kw, span);
                return Expr::call(
                    "Elixir.Kernel",
                    "__struct_update__",
                    vec![module, b, list],
                    span,
                );
            }
        }
        let kvs = self.kv_items(&items);
        let kw: Vec<Expr> = kvs
            .iter()
            .map(|(k, v, _)| {
                let k = self.expr(k);
                let v = self.expr(v);
                Expr::tuple(vec![k, v], span)
            })
            .collect();
        let list = list_expr(kw, span);
        Expr::call("Elixir.Kernel", "struct!", vec![module, list], span)
    }

    fn binary_expr(&mut self, items: &[Ast], span: ir::Span) -> Expr {
        let mut segs = Vec::new();
        for it in items {
            let sspan = self.sp(it.span);
            let (value, spec) = match it.call_args() {
                Some(("::", [v, s])) => (v, Some(s)),
                _ => (it, None),
            };
            // `"abc"::utf8` and `"abc"::binary` are the string's bytes.
            let plain_spec = match spec.map(|x| &x.kind) {
                None => true,
                Some(Kind::Var(t)) => t == "utf8" || t == "binary",
                _ => false,
            };
            if let (Kind::Str(s), true) = (&value.kind, plain_spec) {
                for b in s.bytes() {
                    segs.push(byte_seg(
                        Expr::lit(Literal::Int(i64::from(b)), sspan),
                        sspan,
                    ));
                }
                continue;
            }
            let v = self.expr(value);
            let mut seg = BinSegment {
                value: v,
                size: None,
                unit: 1,
                ty: ir::BinType::Integer,
                signed: false,
                endian: ir::Endian::Big,
                span: sspan,
            };
            // Interpolated strings inside << >> are binaries.
            if value.is_call("interp") && spec.is_none() {
                seg.ty = ir::BinType::Binary;
            }
            if let Some(s) = spec {
                self.bin_spec(s, &mut seg);
            }
            fix_unit(&mut seg);
            segs.push(seg);
        }
        Expr::new(ExprKind::Binary(segs), span)
    }

    fn range(&mut self, f: &Ast, l: &Ast, step: Option<&Ast>, span: ir::Span) -> Expr {
        let fe = self.expr(f);
        let le = self.expr(l);
        let st = match step {
            Some(st) => self.expr(st),
            None => match (super::literal_of(self.m, f), super::literal_of(self.m, l)) {
                (Some(Literal::Int(a)), Some(Literal::Int(b))) => {
                    Expr::lit(Literal::Int(if a <= b { 1 } else { -1 }), span)
                }
                _ => return Expr::call("Elixir.Range", "new", vec![fe, le], span),
            },
        };
        Expr::new(
            ExprKind::Map {
                base: None,
                pairs: vec![
                    MapPair {
                        op: MapOp::Assoc,
                        key: Expr::atom("__struct__", span),
                        value: Expr::atom("Elixir.Range", span),
                    },
                    MapPair {
                        op: MapOp::Assoc,
                        key: Expr::atom("first", span),
                        value: fe,
                    },
                    MapPair {
                        op: MapOp::Assoc,
                        key: Expr::atom("last", span),
                        value: le,
                    },
                    MapPair {
                        op: MapOp::Assoc,
                        key: Expr::atom("step", span),
                        value: st,
                    },
                ],
            },
            span,
        )
    }

    fn in_expr(&mut self, x: &Ast, coll: &Ast, span: ir::Span) -> Expr {
        // `x in @attr`: the attribute's value written in place.
        if let Some(("@", [attr])) = coll.call_args() {
            let name = match &attr.kind {
                Kind::Var(v) => Some(v.clone()),
                Kind::Call { name, args, .. } if args.is_empty() => Some(name.clone()),
                _ => None,
            };
            if let Some(v) = name.and_then(|n| self.m.attrs.get(&n).cloned()) {
                return self.in_expr(x, &v, span);
            }
        }
        if self.in_guard {
            let xv = self.expr(x);
            match &coll.kind {
                Kind::List(items) => {
                    let mut acc: Option<Expr> = None;
                    for i in items {
                        let iv = self.expr(i);
                        let eq = Expr::call("erlang", "=:=", vec![xv.clone(), iv], span);
                        acc = Some(match acc {
                            None => eq,
                            Some(a) => Expr::call("erlang", "or", vec![a, eq], span),
                        });
                    }
                    return acc.unwrap_or_else(|| Expr::atom("false", span));
                }
                Kind::Call { name, args, .. } if name == ".." && args.len() == 2 => {
                    let a = self.expr(&args[0]);
                    let b = self.expr(&args[1]);
                    let isint = Expr::call("erlang", "is_integer", vec![xv.clone()], span);
                    let ge = Expr::call("erlang", ">=", vec![xv.clone(), a], span);
                    let le = Expr::call("erlang", "=<", vec![xv, b], span);
                    let both = Expr::call("erlang", "and", vec![ge, le], span);
                    return Expr::call("erlang", "and", vec![isint, both], span);
                }
                _ => return self.unsupported(coll.span, "this right side of `in` in a guard"),
            }
        }
        let xv = self.expr(x);
        let c = self.expr(coll);
        Expr::call("Elixir.Enum", "member?", vec![c, xv], span)
    }

    fn attr_read(&mut self, attr: &Ast, s: Span) -> Expr {
        // `@attr.field` and `@attr[key]` parse with the `@` around the
        // access: read the attribute, then access it.
        match &attr.kind {
            Kind::Remote {
                target,
                name,
                args,
                parens: false,
            } if args.is_empty() && matches!(target.kind, Kind::Var(_)) => {
                let inner = Ast::call("@", vec![(**target).clone()], s);
                let access = Ast::new(
                    Kind::Remote {
                        target: Box::new(inner),
                        name: name.clone(),
                        args: vec![],
                        parens: false,
                    },
                    s,
                );
                return self.expr(&access);
            }
            Kind::Call { name, args, .. } if name == "__access__" && args.len() == 2 => {
                let inner = Ast::call("@", vec![args[0].clone()], s);
                let access = Ast::call("__access__", vec![inner, args[1].clone()], s);
                return self.expr(&access);
            }
            _ => {}
        }
        let name = match &attr.kind {
            Kind::Var(v) => v.clone(),
            Kind::Call { name, args, .. } if args.is_empty() => name.clone(),
            _ => return self.unsupported(s, "setting a module attribute inside a function"),
        };
        match self.m.attrs.get(&name).cloned() {
            Some(v) => self.expr(&v),
            None => self.error(s, format!("undefined module attribute @{name}")),
        }
    }

    // ---- functions -----------------------------------------------------

    /// Clauses `[->(args, body)]` → IR clauses over `n` values; the env is
    /// restored after each clause.
    pub fn clauses(&mut self, clauses: &[Ast], n: usize) -> Vec<Clause> {
        let mut out = Vec::new();
        for c in clauses {
            let Some(("->", [head, body])) = c.call_args() else {
                self.error(c.span, "expected a clause `pattern -> body`");
                continue;
            };
            let Kind::List(h) = &head.kind else { continue };
            let (args, guard) = match h.as_slice() {
                [w] if w.is_call("when") => {
                    let wa = w.call_args().map(|(_, a)| a.to_vec()).unwrap_or_default();
                    let (g, a) = wa
                        .split_last()
                        .map(|(g, a)| (Some(g.clone()), a.to_vec()))
                        .unwrap_or((None, vec![]));
                    (a, g)
                }
                _ => (h.clone(), None),
            };
            if args.len() != n {
                self.error(
                    c.span,
                    format!(
                        "expected {n} pattern(s) in this clause, found {}",
                        args.len()
                    ),
                );
                continue;
            }
            let saved = self.env.clone();
            let mut st = PatState::default();
            let pats: Vec<Pattern> = args.iter().map(|p| self.pattern(p, &mut st)).collect();
            self.bind(&st);
            let span = self.sp(c.span);
            let g = guard.map(|g| self.guard(&g));
            let g = st.guard(g, span);
            let b = self.block(body);
            self.env = saved;
            out.push(Clause {
                pats,
                guard: g,
                body: b,
                span,
            });
        }
        out
    }

    pub fn guard(&mut self, g: &Ast) -> Expr {
        let saved = self.in_guard;
        self.in_guard = true;
        let saved_pre = std::mem::take(&mut self.pre);
        // `when a or b` at the top: both sides are guards.
        let e = self.expr(g);
        if !self.pre.is_empty() {
            self.error(g.span, "invalid expression in guard");
        }
        self.pre = saved_pre;
        self.in_guard = saved;
        e
    }

    fn fn_expr(&mut self, clauses: &[Ast], s: Span) -> Expr {
        let span = self.sp(s);
        let arity = clauses
            .first()
            .and_then(|c| c.call_args())
            .and_then(|(_, a)| match &a.first()?.kind {
                Kind::List(h) => Some(match h.as_slice() {
                    [w] if w.is_call("when") => w.call_args().map_or(0, |(_, a)| a.len() - 1),
                    _ => h.len(),
                }),
                _ => None,
            })
            .unwrap_or(0);
        let params: Vec<String> = (0..arity).map(|_| self.temp()).collect();
        let cls = self.clauses(clauses, arity);
        let body = self.dispatch(&params, cls, span, |ps, sp| {
            Expr::match_fail(
                Expr::tuple(
                    vec![Expr::atom("function_clause", sp)]
                        .into_iter()
                        .chain(ps.iter().map(|p| Expr::var(p.clone(), sp)))
                        .collect(),
                    sp,
                ),
                sp,
            )
        });
        let name = self.fun_name();
        Expr::new(
            ExprKind::Fun(ir::Fun {
                params,
                body: Box::new(body),
                span,
                name: Some(name),
            }),
            span,
        )
    }

    /// `case <params> of clauses; <_..> -> fail end` (single-value forms for
    /// arity 0 and 1).
    pub fn dispatch(
        &mut self,
        params: &[String],
        mut cls: Vec<Clause>,
        span: ir::Span,
        fail: impl Fn(&[String], ir::Span) -> Expr,
    ) -> Expr {
        if params.is_empty() {
            if cls.len() == 1 && cls[0].guard.is_none() {
                return cls.remove(0).body;
            }
            cls.push(Clause {
                pats: vec![],
                guard: None,
                body: fail(params, span),
                span,
            });
            return Expr::new(
                ExprKind::Case {
                    arg: Box::new(Expr::new(ExprKind::Values(vec![]), span)),
                    clauses: cls,
                },
                span,
            );
        }
        cls.push(Clause {
            pats: params.iter().map(|_| Pattern::Wildcard).collect(),
            guard: None,
            body: fail(params, span),
            span,
        });
        let arg = if params.len() == 1 {
            Expr::var(params[0].clone(), span)
        } else {
            Expr::new(
                ExprKind::Values(params.iter().map(|p| Expr::var(p.clone(), span)).collect()),
                span,
            )
        };
        Expr::new(
            ExprKind::Case {
                arg: Box::new(arg),
                clauses: cls,
            },
            span,
        )
    }

    fn capture(&mut self, x: &Ast, s: Span) -> Expr {
        let span = self.sp(s);
        // &1 outside a capture body.
        if let Kind::Int(n) = &x.kind {
            let key = format!("&{n}");
            return match self.env.get(&key) {
                Some(v) => Expr::var(v.clone(), span),
                None => self.error(
                    s,
                    format!("capture argument &{n} must be used within the capture operator &"),
                ),
            };
        }
        // &name/arity and &Mod.name/arity
        if let Some(("/", [f, ar])) = x.call_args() {
            if let Kind::Int(n) = &ar.kind {
                let n: u32 = n.parse().unwrap_or(0);
                match &f.kind {
                    Kind::Var(name)
                        if erlang_op(name).is_some()
                            || matches!(name.as_str(), "<>" | "and" | "or") =>
                    {
                        let op = erlang_op(name).unwrap_or(name.as_str());
                        if name == "<>" {
                            let (a, b) = (self.temp(), self.temp());
                            let body = Expr::new(
                                ExprKind::Binary(vec![
                                    bin_seg(Expr::var(a.clone(), span), span),
                                    bin_seg(Expr::var(b.clone(), span), span),
                                ]),
                                span,
                            );
                            let fname = self.fun_name();
                            return Expr::new(
                                ExprKind::Fun(ir::Fun {
                                    params: vec![a, b],
                                    body: Box::new(body),
                                    span,
                                    name: Some(fname),
                                }),
                                span,
                            );
                        }
                        return make_fun("erlang", op, n, span);
                    }
                    Kind::Var(name) => {
                        if self.m.funs.contains(&(name.clone(), n)) {
                            return Expr::new(
                                ExprKind::FunRef(FunName::new(name.clone(), n)),
                                span,
                            );
                        }
                        let m = if ERLANG_SAME.contains(&(name.as_str(), n)) {
                            "erlang"
                        } else {
                            "Elixir.Kernel"
                        };
                        return make_fun(m, name, n, span);
                    }
                    Kind::Remote {
                        target, name, args, ..
                    } if args.is_empty() => {
                        if let Some(m) = self.module_of(target) {
                            return make_fun(&m, name, n, span);
                        }
                        let t = self.expr(target);
                        return Expr::call(
                            "erlang",
                            "make_fun",
                            vec![
                                t,
                                Expr::atom(name, span),
                                Expr::lit(Literal::Int(i64::from(n)), span),
                            ],
                            span,
                        );
                    }
                    _ => {}
                }
            }
        }
        // &(expr with &1..&n)
        let n = max_capture(x);
        if n == 0 {
            return self.error(
                s,
                "invalid capture: expected &name/arity or an expression using &1",
            );
        }
        let saved = self.env.clone();
        let params: Vec<String> = (1..=n).map(|_| self.temp()).collect();
        for (i, p) in params.iter().enumerate() {
            self.env.insert(format!("&{}", i + 1), p.clone());
        }
        let body = self.sub(x);
        self.env = saved;
        let name = self.fun_name();
        Expr::new(
            ExprKind::Fun(ir::Fun {
                params,
                body: Box::new(body),
                span,
                name: Some(name),
            }),
            span,
        )
    }

    // ---- control flow --------------------------------------------------

    fn kw_get<'b>(&mut self, kw: &'b Ast, key: &str) -> Option<&'b Ast> {
        kw.keyword()?
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }

    fn if_expr(&mut self, c: &Ast, kw: &Ast, negate: bool, s: Span) -> Expr {
        let span = self.sp(s);
        if kw.keyword().is_none() {
            return self.error(s, "if/unless expects a do: block");
        }
        let cond = self.expr(c);
        let then_ = match self.kw_get(kw, "do") {
            Some(b) => self.block(b),
            None => self.nil(s),
        };
        let else_ = match self.kw_get(kw, "else") {
            Some(b) => self.block(b),
            None => self.nil(s),
        };
        let (t, f) = if negate {
            (else_, then_)
        } else {
            (then_, else_)
        };
        self.truthy_case(cond, t, f, None, span)
    }

    fn stab_list<'b>(&mut self, b: Option<&'b Ast>, what: &str, s: Span) -> &'b [Ast] {
        match b.map(|b| &b.kind) {
            Some(Kind::List(cls)) => cls,
            _ => {
                self.error(s, format!("{what} expects clauses `pattern -> body`"));
                &[]
            }
        }
    }

    fn case_expr(&mut self, x: &Ast, kw: &Ast, s: Span) -> Expr {
        let span = self.sp(s);
        let v = self.expr(x);
        let body = self.kw_get(kw, "do");
        let cls = self.stab_list(body, "case", s);
        let mut clauses = self.clauses(cls, 1);
        let fv = self.temp();
        clauses.push(clause(
            vec![Pattern::Var(fv.clone())],
            None,
            Expr::match_fail(
                Expr::tuple(
                    vec![Expr::atom("case_clause", span), Expr::var(fv, span)],
                    span,
                ),
                span,
            ),
            span,
        ));
        Expr::new(
            ExprKind::Case {
                arg: Box::new(v),
                clauses,
            },
            span,
        )
    }

    fn cond_expr(&mut self, kw: &Ast, s: Span) -> Expr {
        let span = self.sp(s);
        let body = self.kw_get(kw, "do");
        let cls = self.stab_list(body, "cond", s).to_vec();
        let mut acc = Expr::call(
            "erlang",
            "error",
            vec![Expr::call(
                "Elixir.CondClauseError",
                "exception",
                vec![Expr::lit(Literal::Nil, span)],
                span,
            )],
            span,
        );
        for c in cls.iter().rev() {
            let Some(("->", [head, body])) = c.call_args() else {
                continue;
            };
            let Some(cond) = (match &head.kind {
                Kind::List(h) if h.len() == 1 => Some(&h[0]),
                _ => None,
            }) else {
                self.error(c.span, "cond clauses take exactly one condition");
                continue;
            };
            let cv = self.sub(cond);
            let b = self.block(body);
            acc = self.truthy_case(cv, b, acc, None, span);
        }
        acc
    }

    fn receive_expr(&mut self, kw: &Ast, s: Span) -> Expr {
        let span = self.sp(s);
        let clauses = match self.kw_get(kw, "do") {
            Some(b) if matches!(b.kind, Kind::List(_)) => {
                let cls = self.stab_list(Some(b), "receive", s).to_vec();
                self.clauses(&cls, 1)
            }
            _ => Vec::new(),
        };
        let (timeout, after) = match self.kw_get(kw, "after") {
            Some(a) => {
                let cls = self.stab_list(Some(a), "after", s).to_vec();
                match cls.first().and_then(|c| c.call_args()) {
                    Some(("->", [head, body])) => {
                        let t = match &head.kind {
                            Kind::List(h) if h.len() == 1 => self.sub(&h[0]),
                            _ => self.error(s, "after expects one timeout"),
                        };
                        (t, self.block(body))
                    }
                    _ => (
                        self.error(s, "after expects `timeout -> body`"),
                        self.nil(s),
                    ),
                }
            }
            None => (Expr::atom("infinity", span), Expr::atom("true", span)),
        };
        Expr::new(
            ExprKind::Receive {
                clauses,
                timeout: Box::new(timeout),
                after: Box::new(after),
            },
            span,
        )
    }

    pub fn try_expr(&mut self, kw: &Ast, s: Span) -> Expr {
        let span = self.sp(s);
        let body = match self.kw_get(kw, "do") {
            Some(b) => self.block(b),
            None => self.nil(s),
        };
        let r = self.temp();
        let success = match self.kw_get(kw, "else") {
            Some(e) => {
                let cls = self.stab_list(Some(e), "else", s).to_vec();
                let mut clauses = self.clauses(&cls, 1);
                let fv = self.temp();
                clauses.push(clause(
                    vec![Pattern::Var(fv.clone())],
                    None,
                    Expr::match_fail(
                        Expr::tuple(
                            vec![Expr::atom("try_clause", span), Expr::var(fv, span)],
                            span,
                        ),
                        span,
                    ),
                    span,
                ));
                Expr::new(
                    ExprKind::Case {
                        arg: Box::new(Expr::var(r.clone(), span)),
                        clauses,
                    },
                    span,
                )
            }
            None => Expr::var(r.clone(), span),
        };
        let (c, rn, st) = (self.temp(), self.temp(), self.temp());
        let reraise = Expr::primop(
            "raise",
            vec![Expr::var(st.clone(), span), Expr::var(rn.clone(), span)],
            span,
        );
        let mut hclauses: Vec<Clause> = Vec::new();
        let has_handlers =
            self.kw_get(kw, "rescue").is_some() || self.kw_get(kw, "catch").is_some();
        if let Some(resc) = self.kw_get(kw, "rescue") {
            let cls = self.stab_list(Some(resc), "rescue", s).to_vec();
            let ex = self.temp();
            let stv = self.temp();
            let saved = self.env.clone();
            self.env.insert("__STACKTRACE__".into(), stv.clone());
            let mut inner = Vec::new();
            for cl in &cls {
                if let Some(c) = self.rescue_clause(cl) {
                    inner.push(c);
                }
            }
            self.env = saved;
            inner.push(clause(vec![Pattern::Wildcard], None, reraise.clone(), span));
            let norm = Expr::call(
                "Elixir.Exception",
                "normalize",
                vec![
                    Expr::atom("error", span),
                    Expr::var(rn.clone(), span),
                    Expr::var(stv.clone(), span),
                ],
                span,
            );
            let bt = Expr::primop("build_stacktrace", vec![Expr::var(st.clone(), span)], span);
            let hb = Expr::let_(
                vec![stv],
                bt,
                Expr::let_(
                    vec![ex.clone()],
                    norm,
                    Expr::new(
                        ExprKind::Case {
                            arg: Box::new(Expr::var(ex, span)),
                            clauses: inner,
                        },
                        span,
                    ),
                    span,
                ),
                span,
            );
            hclauses.push(clause(
                vec![
                    Pattern::Lit(Literal::atom("error")),
                    Pattern::Wildcard,
                    Pattern::Wildcard,
                ],
                None,
                hb,
                span,
            ));
        }
        if let Some(cat) = self.kw_get(kw, "catch") {
            let cls = self.stab_list(Some(cat), "catch", s).to_vec();
            for cl in &cls {
                let Some(("->", [head, body])) = cl.call_args() else {
                    continue;
                };
                let Kind::List(h) = &head.kind else { continue };
                let (args, guard) = match h.as_slice() {
                    [w] if w.is_call("when") => {
                        let wa = w.call_args().map(|(_, a)| a.to_vec()).unwrap_or_default();
                        let (g, a) = wa
                            .split_last()
                            .map(|(g, a)| (Some(g.clone()), a.to_vec()))
                            .unwrap_or((None, vec![]));
                        (a, g)
                    }
                    _ => (h.clone(), None),
                };
                let saved = self.env.clone();
                let stv = self.temp();
                self.env.insert("__STACKTRACE__".into(), stv.clone());
                let mut ps = PatState::default();
                let (kp, vp) = match args.as_slice() {
                    [v] => (
                        Pattern::Lit(Literal::atom("throw")),
                        self.pattern(v, &mut ps),
                    ),
                    [k, v] => (self.pattern(k, &mut ps), self.pattern(v, &mut ps)),
                    _ => {
                        self.error(cl.span, "catch expects `value ->` or `kind, value ->`");
                        continue;
                    }
                };
                self.bind(&ps);
                let cspan = self.sp(cl.span);
                let g = guard.map(|g| self.guard(&g));
                let g = ps.guard(g, cspan);
                let b = self.block(body);
                self.env = saved;
                let bt = Expr::primop("build_stacktrace", vec![Expr::var(st.clone(), span)], span);
                hclauses.push(Clause {
                    pats: vec![kp, vp, Pattern::Wildcard],
                    guard: g,
                    body: Expr::let_(vec![stv], bt, b, cspan),
                    span: cspan,
                });
            }
        }
        let inner = if has_handlers {
            hclauses.push(clause(
                vec![Pattern::Wildcard, Pattern::Wildcard, Pattern::Wildcard],
                None,
                reraise,
                span,
            ));
            let handler = Expr::new(
                ExprKind::Case {
                    arg: Box::new(Expr::new(
                        ExprKind::Values(vec![
                            Expr::var(c.clone(), span),
                            Expr::var(rn.clone(), span),
                            Expr::var(st.clone(), span),
                        ]),
                        span,
                    )),
                    clauses: hclauses,
                },
                span,
            );
            Expr::new(
                ExprKind::Try {
                    arg: Box::new(body),
                    vars: vec![r],
                    body: Box::new(success),
                    evars: [c, rn, st],
                    handler: Box::new(handler),
                },
                span,
            )
        } else {
            Expr::let_(vec![r], body, success, span)
        };
        match self.kw_get(kw, "after") {
            Some(a) => {
                let after = self.block(a);
                let r2 = self.temp();
                let (c2, rn2, st2) = (self.temp(), self.temp(), self.temp());
                Expr::new(
                    ExprKind::Try {
                        arg: Box::new(inner),
                        vars: vec![r2.clone()],
                        body: Box::new(Expr::seq(after.clone(), Expr::var(r2, span))),
                        evars: [c2, rn2.clone(), st2.clone()],
                        handler: Box::new(Expr::seq(
                            after,
                            Expr::primop(
                                "raise",
                                vec![Expr::var(st2, span), Expr::var(rn2, span)],
                                span,
                            ),
                        )),
                    },
                    span,
                )
            }
            None => inner,
        }
    }

    /// One `rescue` clause over the normalised exception.
    fn rescue_clause(&mut self, cl: &Ast) -> Option<Clause> {
        let Some(("->", [head, body])) = cl.call_args() else {
            return None;
        };
        let Kind::List(h) = &head.kind else {
            return None;
        };
        let span = self.sp(cl.span);
        let [pat] = h.as_slice() else {
            self.error(cl.span, "rescue expects one pattern");
            return None;
        };
        let saved = self.env.clone();
        let (var, mods): (Option<&Ast>, Vec<&Ast>) = match pat.call_args() {
            Some(("in", [v, m])) => (
                Some(v),
                match &m.kind {
                    Kind::List(ms) => ms.iter().collect(),
                    _ => vec![m],
                },
            ),
            _ => match &pat.kind {
                Kind::Var(_) => (Some(pat), vec![]),
                Kind::List(ms) => (None, ms.iter().collect()),
                _ => (None, vec![pat]),
            },
        };
        let x = self.temp();
        let mut guard: Option<Expr> = None;
        for m in mods {
            let Some(mname) = self.module_of(m) else {
                self.unsupported(m.span, "this rescue pattern");
                continue;
            };
            let t = Expr::call(
                "erlang",
                "=:=",
                vec![
                    Expr::call(
                        "erlang",
                        "map_get",
                        vec![Expr::atom("__struct__", span), Expr::var(x.clone(), span)],
                        span,
                    ),
                    Expr::atom(&mname, span),
                ],
                span,
            );
            guard = Some(match guard {
                None => t,
                Some(g) => Expr::call("erlang", "or", vec![g, t], span),
            });
        }
        let pv = match var {
            Some(Ast {
                kind: Kind::Var(v), ..
            }) if v != "_" => {
                let iv = self.fresh(v);
                self.env.insert(v.clone(), iv.clone());
                Pattern::Alias(iv, Box::new(Pattern::Var(x)))
            }
            _ => Pattern::Var(x),
        };
        let b = self.block(body);
        self.env = saved;
        Some(Clause {
            pats: vec![pv],
            guard,
            body: b,
            span,
        })
    }

    fn with_expr(&mut self, args: &[Ast], s: Span) -> Expr {
        let span = self.sp(s);
        let Some((kw, steps)) = args.split_last() else {
            return self.error(s, "with expects clauses and a do: block");
        };
        if kw.keyword().is_none() {
            return self.error(s, "with expects a do: block");
        }
        let saved = self.env.clone();
        // else clauses as a local fun applied to the unmatched value.
        let else_fun = match self.kw_get(kw, "else") {
            Some(e) => {
                let cls = self.stab_list(Some(e), "else", s).to_vec();
                let p = self.temp();
                let mut clauses = self.clauses(&cls, 1);
                let fv = self.temp();
                clauses.push(clause(
                    vec![Pattern::Var(fv.clone())],
                    None,
                    Expr::call(
                        "erlang",
                        "error",
                        vec![Expr::call(
                            "Elixir.WithClauseError",
                            "exception",
                            vec![list_expr(
                                vec![Expr::tuple(
                                    vec![Expr::atom("term", span), Expr::var(fv, span)],
                                    span,
                                )],
                                span,
                            )],
                            span,
                        )],
                        span,
                    ),
                    span,
                ));
                let body = Expr::new(
                    ExprKind::Case {
                        arg: Box::new(Expr::var(p.clone(), span)),
                        clauses,
                    },
                    span,
                );
                let fname = self.fun_name();
                let f = self.temp();
                Some((
                    f,
                    Expr::new(
                        ExprKind::Fun(ir::Fun {
                            params: vec![p],
                            body: Box::new(body),
                            span,
                            name: Some(fname),
                        }),
                        span,
                    ),
                ))
            }
            None => None,
        };
        let do_body = self.kw_get(kw, "do").cloned();
        let r = self.with_steps(
            steps,
            do_body.as_ref(),
            else_fun.as_ref().map(|(f, _)| f.clone()),
            s,
        );
        self.env = saved;
        match else_fun {
            Some((f, fun)) => Expr::let_(vec![f], fun, r, span),
            None => r,
        }
    }

    fn with_steps(
        &mut self,
        steps: &[Ast],
        body: Option<&Ast>,
        else_f: Option<String>,
        s: Span,
    ) -> Expr {
        let span = self.sp(s);
        let Some((first, rest)) = steps.split_first() else {
            return match body {
                Some(b) => self.block(b),
                None => self.nil(s),
            };
        };
        match first.call_args() {
            Some(("<-", [p, e])) => {
                let v = self.sub(e);
                let (p, g) = match p.call_args() {
                    Some(("when", [p, g])) => (p.clone(), Some(g.clone())),
                    _ => (p.clone(), None),
                };
                let saved = self.env.clone();
                let mut st = PatState::default();
                let pat = self.pattern(&p, &mut st);
                self.bind(&st);
                let g = g.map(|g| self.guard(&g));
                let g = st.guard(g, span);
                let inner = self.with_steps(rest, body, else_f.clone(), s);
                self.env = saved;
                let o = self.temp();
                let other = match else_f {
                    Some(f) => Expr::new(
                        ExprKind::Apply {
                            fun: Box::new(Expr::var(f, span)),
                            args: vec![Expr::var(o.clone(), span)],
                        },
                        span,
                    ),
                    None => Expr::var(o.clone(), span),
                };
                case(
                    v,
                    vec![
                        Clause {
                            pats: vec![pat],
                            guard: g,
                            body: inner,
                            span,
                        },
                        clause(vec![Pattern::Var(o)], None, other, span),
                    ],
                    span,
                )
            }
            _ => {
                // A bare expression (a match binds for the rest).
                let saved_pre = std::mem::take(&mut self.pre);
                let e = self.expr(first);
                self.pre.push(Pre::Do(e));
                let inner = self.with_steps(rest, body, else_f, s);
                let pres = std::mem::replace(&mut self.pre, saved_pre);
                super::wrap(pres, inner)
            }
        }
    }

    fn for_expr(&mut self, args: &[Ast], s: Span) -> Expr {
        let span = self.sp(s);
        let (quals, kw): (Vec<&Ast>, Option<&Ast>) = match args.split_last() {
            Some((last, rest)) if last.keyword().is_some() => (rest.iter().collect(), Some(last)),
            _ => (args.iter().collect(), None),
        };
        let Some(kw) = kw else {
            return self.error(s, "for expects a do: block");
        };
        let saved = self.env.clone();
        let reduce = self.kw_get(kw, "reduce").cloned();
        let into = self.kw_get(kw, "into").cloned();
        let uniq = self.kw_get(kw, "uniq").cloned();
        let body = self.kw_get(kw, "do").cloned();
        let acc0 = match &reduce {
            Some(r) => self.expr(r),
            None => Expr::lit(Literal::Nil, span),
        };
        let acc = self.temp();
        let r = self.for_quals(&quals, body.as_ref(), reduce.is_some(), &acc, s);
        self.env = saved;
        let result = Expr::let_(vec![acc.clone()], acc0, r, span);
        if reduce.is_some() {
            return result;
        }
        let mut rev = Expr::call("lists", "reverse", vec![result], span);
        if let Some(u) = uniq {
            // `uniq: true` keeps the first occurrence of each element.
            let u = self.expr(&u);
            let t = self.temp();
            rev = Expr::let_(
                vec![t.clone()],
                rev,
                case(
                    u,
                    vec![
                        clause(
                            vec![Pattern::Lit(Literal::atom("true"))],
                            None,
                            Expr::call(
                                "Elixir.Enum",
                                "uniq",
                                vec![Expr::var(t.clone(), span)],
                                span,
                            ),
                            span,
                        ),
                        clause(vec![Pattern::Wildcard], None, Expr::var(t, span), span),
                    ],
                    span,
                ),
                span,
            );
        }
        match into {
            Some(i) => {
                let iv = self.expr(&i);
                Expr::call("Elixir.Enum", "into", vec![rev, iv], span)
            }
            None => rev,
        }
    }

    /// The loops of a comprehension; `acc` names the accumulator in scope.
    fn for_quals(
        &mut self,
        quals: &[&Ast],
        body: Option<&Ast>,
        reduce: bool,
        acc: &str,
        s: Span,
    ) -> Expr {
        let span = self.sp(s);
        let Some((q, rest)) = quals.split_first() else {
            // The body: add to the list, or run the reduce clauses.
            let Some(b) = body else {
                return Expr::var(acc.to_string(), span);
            };
            if reduce {
                let cls = match &b.kind {
                    Kind::List(c) => c.clone(),
                    _ => {
                        return self
                            .error(b.span, "for with reduce: expects `acc -> body` clauses");
                    }
                };
                let mut clauses = self.clauses(&cls, 1);
                let fv = self.temp();
                clauses.push(clause(
                    vec![Pattern::Var(fv.clone())],
                    None,
                    Expr::match_fail(
                        Expr::tuple(
                            vec![Expr::atom("case_clause", span), Expr::var(fv, span)],
                            span,
                        ),
                        span,
                    ),
                    span,
                ));
                return Expr::new(
                    ExprKind::Case {
                        arg: Box::new(Expr::var(acc.to_string(), span)),
                        clauses,
                    },
                    span,
                );
            }
            let v = self.block(b);
            return Expr::cons(v, Expr::var(acc.to_string(), span), span);
        };
        // `<<segs <- bin>>`: a generator over the chunks the segments match.
        // (`<<a, b <- bin>>` parses with `<-` around the last segment only.)
        if let Some(("<<>>", [init @ .., gen])) = q.call_args() {
            if let Some(("<-", [last, bin])) = gen.call_args() {
                let mut all_segs = init.to_vec();
                all_segs.push(last.clone());
                let segs = Ast::call("<<>>", all_segs, q.span);
                let g = bin_generator(&segs, bin, q.span);
                let mut all: Vec<&Ast> = vec![&g];
                all.extend(rest.iter().copied());
                return self.for_quals(&all, body, reduce, acc, s);
            }
        }
        match q.call_args() {
            Some(("<-", [p, e])) => {
                let (p, g) = match p.call_args() {
                    Some(("when", [p, g])) => (p.clone(), Some(g.clone())),
                    _ => (p.clone(), None),
                };
                let list = self.sub(e);
                let list = Expr::call("Elixir.Enum", "to_list", vec![list], span);
                self.counter += 1;
                let loop_name = FunName::new(format!("for$^{}", self.counter), 2);
                let (lp, la) = (self.temp(), self.temp());
                let (h, t) = (self.temp(), self.temp());
                let saved = self.env.clone();
                let mut st = PatState::default();
                let pat = self.pattern(&p, &mut st);
                self.bind(&st);
                let g = g.map(|g| self.guard(&g));
                let g = st.guard(g, span);
                let inner = self.for_quals(rest, body, reduce, &la, s);
                self.env = saved;
                let recur = |acc: Expr| {
                    Expr::new(
                        ExprKind::Apply {
                            fun: Box::new(Expr::new(ExprKind::FunRef(loop_name.clone()), span)),
                            args: vec![Expr::var(t.clone(), span), acc],
                        },
                        span,
                    )
                };
                let matched = Expr::new(
                    ExprKind::Case {
                        arg: Box::new(Expr::var(h.clone(), span)),
                        clauses: vec![
                            Clause {
                                pats: vec![pat],
                                guard: g,
                                body: inner,
                                span,
                            },
                            clause(
                                vec![Pattern::Wildcard],
                                None,
                                Expr::var(la.clone(), span),
                                span,
                            ),
                        ],
                    },
                    span,
                );
                let na = self.temp();
                let step = Expr::let_(vec![na.clone()], matched, recur(Expr::var(na, span)), span);
                let body = Expr::new(
                    ExprKind::Case {
                        arg: Box::new(Expr::var(lp.clone(), span)),
                        clauses: vec![
                            clause(
                                vec![Pattern::Cons(
                                    Box::new(Pattern::Var(h)),
                                    Box::new(Pattern::Var(t)),
                                )],
                                None,
                                step,
                                span,
                            ),
                            clause(
                                vec![Pattern::Wildcard],
                                None,
                                Expr::var(la.clone(), span),
                                span,
                            ),
                        ],
                    },
                    span,
                );
                let fun = ir::Fun {
                    params: vec![lp, la],
                    body: Box::new(body),
                    span,
                    name: None,
                };
                Expr::new(
                    ExprKind::LetRec {
                        defs: vec![(loop_name.clone(), fun)],
                        body: Box::new(Expr::new(
                            ExprKind::Apply {
                                fun: Box::new(Expr::new(ExprKind::FunRef(loop_name), span)),
                                args: vec![list, Expr::var(acc.to_string(), span)],
                            },
                            span,
                        )),
                    },
                    span,
                )
            }
            _ => {
                // A filter; a match in it binds for the rest.
                let saved_pre = std::mem::take(&mut self.pre);
                let saved_env = self.env.clone();
                let f = self.expr(q);
                let pres = std::mem::replace(&mut self.pre, saved_pre);
                let inner = self.for_quals(rest, body, reduce, acc, s);
                self.env = saved_env;
                let t = self.truthy_case(f, inner, Expr::var(acc.to_string(), span), None, span);
                super::wrap(pres, t)
            }
        }
    }
}

/// `x |> f(a)` → `f(x, a)`.
pub fn pipe_into(l: &Ast, r: &Ast) -> Option<Ast> {
    let mut r = r.clone();
    let span = l.span.to(r.span);
    match &mut r.kind {
        Kind::Call { name, args, .. } if !matches!(name.as_str(), "&" | "fn" | "__block__") => {
            args.insert(0, l.clone());
        }
        Kind::Remote { args, parens, .. } => {
            args.insert(0, l.clone());
            *parens = true;
        }
        Kind::Apply { args, .. } => args.insert(0, l.clone()),
        Kind::Var(name) => {
            r.kind = Kind::Call {
                name: name.clone(),
                args: vec![l.clone()],
                parens: true,
            };
        }
        _ => return None,
    }
    r.span = span;
    Some(r)
}

fn max_capture(a: &Ast) -> usize {
    match &a.kind {
        Kind::Call { name, args, .. } if name == "&" && args.len() == 1 => match &args[0].kind {
            Kind::Int(n) => n.parse().unwrap_or(0),
            _ => 0, // a nested capture has its own arguments
        },
        Kind::Call { args, .. } => args.iter().map(max_capture).max().unwrap_or(0),
        Kind::Remote { target, args, .. } => args
            .iter()
            .map(max_capture)
            .max()
            .unwrap_or(0)
            .max(max_capture(target)),
        Kind::Apply { fun, args } => args
            .iter()
            .map(max_capture)
            .max()
            .unwrap_or(0)
            .max(max_capture(fun)),
        Kind::List(items) | Kind::Tuple(items) => items.iter().map(max_capture).max().unwrap_or(0),
        _ => 0,
    }
}

pub fn falsy_guard(x: &str, span: ir::Span) -> Expr {
    Expr::call(
        "erlang",
        "or",
        vec![
            Expr::call(
                "erlang",
                "=:=",
                vec![Expr::var(x.to_string(), span), Expr::atom("false", span)],
                span,
            ),
            Expr::call(
                "erlang",
                "=:=",
                vec![Expr::var(x.to_string(), span), Expr::atom("nil", span)],
                span,
            ),
        ],
        span,
    )
}

pub fn make_fun(m: &str, f: &str, n: u32, span: ir::Span) -> Expr {
    Expr::call(
        "erlang",
        "make_fun",
        vec![
            Expr::atom(m, span),
            Expr::atom(f, span),
            Expr::lit(Literal::Int(i64::from(n)), span),
        ],
        span,
    )
}

pub fn bin_seg(v: Expr, span: ir::Span) -> BinSegment<Expr> {
    BinSegment {
        value: v,
        size: None,
        unit: 8,
        ty: ir::BinType::Binary,
        signed: false,
        endian: ir::Endian::Big,
        span,
    }
}

pub fn list_expr(items: Vec<Expr>, span: ir::Span) -> Expr {
    items
        .into_iter()
        .rev()
        .fold(Expr::lit(Literal::Nil, span), |t, h| Expr::cons(h, t, span))
}

pub fn clause(pats: Vec<Pattern>, guard: Option<Expr>, body: Expr, span: ir::Span) -> Clause {
    Clause {
        pats,
        guard,
        body,
        span,
    }
}

pub fn case(arg: Expr, clauses: Vec<Clause>, span: ir::Span) -> Expr {
    Expr::new(
        ExprKind::Case {
            arg: Box::new(arg),
            clauses,
        },
        span,
    )
}

// ---- quote and macro calls ----------------------------------------------

impl Lw<'_> {
    /// Runs a user macro and lowers its expansion in place of the call.
    pub fn expand_expr(&mut self, module: &str, name: &str, args: &[Ast], s: Span) -> Expr {
        let m = self.m;
        match m.expand_macro(module, name, args, s) {
            Ok(ast) => m.nested_expansion(|| self.expr(&ast)),
            Err(e) => self.error(s, e),
        }
    }

    /// `quote do ... end` (options: `bind_quoted:`, `unquote: false`).
    fn quote(&mut self, qargs: &[Ast], s: Span) -> Expr {
        let span = self.sp(s);
        let mut body = None;
        let mut bind = None;
        let mut unquote = true;
        for a in qargs {
            match a.keyword() {
                Some(kw) => {
                    for (k, v) in kw {
                        match k {
                            "do" => body = Some(v.clone()),
                            "bind_quoted" => bind = Some(v.clone()),
                            "unquote" => {
                                unquote = !matches!(&v.kind, Kind::Atom(f) if f == "false")
                            }
                            "location" | "context" | "line" | "file" | "generated" => {}
                            other => {
                                return self.unsupported(a.span, &format!("quote option {other}:"))
                            }
                        }
                    }
                }
                None => return self.error(a.span, "quote expects a do block"),
            }
        }
        let Some(body) = body else {
            return self.error(s, "quote expects a do block");
        };
        let ctx = if self.m.script {
            "Elixir".to_string()
        } else {
            self.m.name.clone()
        };
        let Some(bind) = bind else {
            return self.quote_ast(&body, &ctx, unquote);
        };
        // bind_quoted: `name = unquote(value)` before the body, which is
        // quoted with unquote disabled.
        let Some(pairs) = bind.keyword() else {
            return self.error(bind.span, "bind_quoted expects a keyword list");
        };
        let mut items = Vec::new();
        for (k, v) in pairs {
            let var = Ast::new(Kind::Var(k.to_string()), v.span);
            let value = Ast::call("unquote", vec![v.clone()], v.span);
            items.push(Ast::call("=", vec![var, value], v.span));
        }
        let mut stmts: Vec<Expr> = items
            .iter()
            .map(|i| self.quote_ast(i, &ctx, true))
            .collect();
        let b = self.quote_ast(&body, &ctx, false);
        match &body.kind {
            Kind::Call { name, .. } if name == "__block__" => {
                // Splice the body's statements.
                let inner = Expr::call(
                    "erlang",
                    "element",
                    vec![Expr::lit(Literal::Int(3), span), b],
                    span,
                );
                let init = stmts
                    .drain(..)
                    .rev()
                    .fold(inner, |t, h| Expr::cons(h, t, span));
                block_node(init, span)
            }
            _ => {
                let list = stmts.drain(..).rev().fold(
                    Expr::cons(b, Expr::lit(Literal::Nil, span), span),
                    |t, h| Expr::cons(h, t, span),
                );
                block_node(list, span)
            }
        }
    }

    /// The quoted form of `a` as an expression: constant where no
    /// `unquote` occurs, built at run time around the unquoted values.
    fn quote_ast(&mut self, a: &Ast, ctx: &str, unquote: bool) -> Expr {
        let span = self.sp(a.span);
        if !unquote || !crate::quoted::has_unquote(a) {
            let m = self.m;
            let resolve = |segs: &[String]| m.resolve_alias(segs);
            let q = crate::quoted::QuoteCtx {
                var_context: ctx,
                resolve: &resolve,
            };
            return Expr::lit(crate::quoted::to_quoted(a, &q), span);
        }
        let nil = || Expr::lit(Literal::Nil, span);
        match &a.kind {
            Kind::Call { name, args, .. } if name == "unquote" && args.len() == 1 => {
                self.expr(&args[0])
            }
            Kind::Call { name, args, .. } if name == "__unquote_remote__" && args.len() >= 2 => {
                let t = self.quote_ast(&args[0], ctx, true);
                let f = self.expr(&args[1]);
                let dot = Expr::tuple(
                    vec![
                        Expr::atom(".", span),
                        nil(),
                        Expr::cons(t, Expr::cons(f, nil(), span), span),
                    ],
                    span,
                );
                let rest = self.quote_list(&args[2..], ctx);
                Expr::tuple(vec![dot, nil(), rest], span)
            }
            Kind::Call { name, args, .. } if name == "__unquote_call__" && !args.is_empty() => {
                let head = self.quote_ast(&args[0], ctx, true);
                let rest = self.quote_list(&args[1..], ctx);
                Expr::tuple(vec![head, nil(), rest], span)
            }
            Kind::Call { name, args, .. } => {
                let rest = self.quote_list(args, ctx);
                Expr::tuple(vec![Expr::atom(name, span), nil(), rest], span)
            }
            Kind::List(items) => self.quote_list(items, ctx),
            Kind::Tuple(items) if items.len() == 2 => {
                let x = self.quote_ast(&items[0], ctx, true);
                let y = self.quote_ast(&items[1], ctx, true);
                Expr::tuple(vec![x, y], span)
            }
            Kind::Tuple(items) => {
                let rest = self.quote_list(items, ctx);
                Expr::tuple(vec![Expr::atom("{}", span), nil(), rest], span)
            }
            Kind::Remote {
                target,
                name,
                args,
                parens,
            } => {
                let t = self.quote_ast(target, ctx, true);
                let dot = Expr::tuple(
                    vec![
                        Expr::atom(".", span),
                        nil(),
                        Expr::cons(t, Expr::cons(Expr::atom(name, span), nil(), span), span),
                    ],
                    span,
                );
                let meta = if *parens {
                    nil()
                } else {
                    Expr::lit(
                        Literal::list(vec![Literal::Tuple(vec![
                            Literal::atom("no_parens"),
                            Literal::atom("true"),
                        ])]),
                        span,
                    )
                };
                let rest = self.quote_list(args, ctx);
                Expr::tuple(vec![dot, meta, rest], span)
            }
            Kind::Apply { fun, args } => {
                let f = self.quote_ast(fun, ctx, true);
                let dot = Expr::tuple(
                    vec![Expr::atom(".", span), nil(), Expr::cons(f, nil(), span)],
                    span,
                );
                let rest = self.quote_list(args, ctx);
                Expr::tuple(vec![dot, nil(), rest], span)
            }
            _ => {
                let m = self.m;
                let resolve = |segs: &[String]| m.resolve_alias(segs);
                let q = crate::quoted::QuoteCtx {
                    var_context: ctx,
                    resolve: &resolve,
                };
                Expr::lit(crate::quoted::to_quoted(a, &q), span)
            }
        }
    }

    /// A quoted list; `unquote_splicing(x)` items are appended in place.
    fn quote_list(&mut self, items: &[Ast], ctx: &str) -> Expr {
        let (init, tail) = split_tail(items);
        let span = items
            .first()
            .map(|i| self.sp(i.span))
            .unwrap_or(ir::Span::NONE);
        let mut acc = match tail {
            Some(t) => self.quote_ast(t, ctx, true),
            None => Expr::lit(Literal::Nil, span),
        };
        // Evaluate left to right: quote every item first, then fold.
        let mut parts = Vec::new();
        for it in init {
            match it.call_args() {
                Some(("unquote_splicing", [x])) => parts.push((true, self.expr(x))),
                _ => parts.push((false, self.quote_ast(it, ctx, true))),
            }
        }
        for (splice, e) in parts.into_iter().rev() {
            acc = if splice {
                Expr::call("erlang", "++", vec![e, acc], span)
            } else {
                Expr::cons(e, acc, span)
            };
        }
        acc
    }
}

/// `{:__block__, [], items}`.
fn block_node(items: Expr, span: ir::Span) -> Expr {
    Expr::tuple(
        vec![
            Expr::atom("__block__", span),
            Expr::lit(Literal::Nil, span),
            items,
        ],
        span,
    )
}

/// `data.a[:b].c` → (data, [:a, :b, :c]) for `put_in/2` and `update_in/2`.
fn access_path(a: &Ast) -> Option<(Ast, Vec<Ast>)> {
    match &a.kind {
        Kind::Remote {
            target,
            name,
            args,
            parens: false,
        } if args.is_empty() => {
            let (base, mut keys) = access_path(target).unwrap_or(((**target).clone(), Vec::new()));
            keys.push(Ast::atom(name, a.span));
            Some((base, keys))
        }
        Kind::Call { name, args, .. } if name == "__access__" && args.len() == 2 => {
            let (base, mut keys) = access_path(&args[0]).unwrap_or((args[0].clone(), Vec::new()));
            keys.push(args[1].clone());
            Some((base, keys))
        }
        _ => None,
    }
}

/// `<<segs <- bin>>` as the list generator
/// `{v1, ...} <- Kernel.__bin_chunks__(bin, fn <<segs, rest::bitstring>> -> {{v1, ...}, rest}; _ -> :done end)`.
fn bin_generator(segs: &Ast, bin: &Ast, s: Span) -> Ast {
    let seg_list: Vec<Ast> = match segs.call_args() {
        Some(("<<>>", items)) => items.to_vec(),
        _ => vec![segs.clone()],
    };
    let mut vars = Vec::new();
    for seg in &seg_list {
        let value = match seg.call_args() {
            Some(("::", [v, _])) => v,
            _ => seg,
        };
        if let Kind::Var(v) = &value.kind {
            if !v.starts_with('_') && !vars.contains(v) {
                vars.push(v.clone());
            }
        }
    }
    let tuple = || {
        Ast::new(
            Kind::Tuple(
                vars.iter()
                    .map(|v| Ast::new(Kind::Var(v.clone()), s))
                    .collect(),
            ),
            s,
        )
    };
    let rest = Ast::new(Kind::Var("rest@bin_gen".into()), s);
    let mut pat_segs = seg_list.clone();
    pat_segs.push(Ast::call(
        "::",
        vec![rest.clone(), Ast::new(Kind::Var("bitstring".into()), s)],
        s,
    ));
    let clause =
        |p: Ast, body: Ast| Ast::call("->", vec![Ast::new(Kind::List(vec![p]), s), body], s);
    let f = Ast::call(
        "fn",
        vec![
            clause(
                Ast::call("<<>>", pat_segs, s),
                Ast::new(Kind::Tuple(vec![tuple(), rest]), s),
            ),
            clause(Ast::new(Kind::Var("_".into()), s), Ast::atom("done", s)),
        ],
        s,
    );
    let call = Ast::new(
        Kind::Remote {
            target: Box::new(Ast::new(Kind::Alias(vec!["Kernel".into()]), s)),
            name: "__bin_chunks__".into(),
            args: vec![bin.clone(), f],
            parens: true,
        },
        s,
    );
    Ast::call("<-", vec![tuple(), call], s)
}
