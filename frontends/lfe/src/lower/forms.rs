//! Top-level forms: `defmodule` (export, import, module-alias,
//! attributes), `defun`, `defmacro`, `defsyntax`, `defrecord`, top-level
//! `progn` and macro calls; and shell input.

use std::collections::HashMap;

use eubeam_erlang::ast::{self, Expr, ExprKind as K, Form, FormKind};
use eubeam_ir::{self as ir, Diagnostic};

use super::{atom, e, quoted, Lw, Record, Scope};
use crate::interp::Macro;
use crate::sexpr::{Sexpr, Span, S};

/// `(args) [doc] body...` or `[doc] clause...` after a defun's name, as
/// match-lambda clauses `((pats...) [(when ...)] body...)`.
pub fn defun_clauses(rest: &[Sexpr], span: &Span) -> Option<Vec<Sexpr>> {
    let first = rest.first()?;
    if let Some(params) = first.items() {
        if params.iter().all(|p| p.as_sym().is_some()) {
            // A lambda list; a leading string in a longer body is a doc.
            let mut body = &rest[1..];
            if body.len() > 1 && matches!(body[0].kind, S::Str(_)) {
                body = &body[1..];
            }
            let mut clause = vec![first.clone()];
            clause.extend(body.iter().cloned());
            return Some(vec![Sexpr::list(clause, span.clone())]);
        }
    }
    let clauses = match &first.kind {
        S::Str(_) if rest.len() > 1 => &rest[1..],
        _ => rest,
    };
    if clauses.iter().all(|c| {
        c.items()
            .is_some_and(|i| i.first().is_some_and(|p| p.as_list().is_some()))
    }) {
        Some(clauses.to_vec())
    } else {
        None
    }
}

/// A module being collected.
struct ModuleForms {
    name: String,
    span: Span,
    exports: Vec<(String, u32, Span)>,
    export_all: bool,
    attributes: Vec<(String, Expr)>,
    funs: Vec<(String, u32, Vec<Sexpr>, Span)>,
}

/// Lowers a whole file: every `defmodule` and what follows it.
pub fn lower_file(
    forms: Vec<Sexpr>,
    file: &str,
    src: &str,
) -> Result<(Vec<ir::Module>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut lw = Lw::new(file);
    let mut modules: Vec<ModuleForms> = Vec::new();
    // A work list so that top-level progn and macro calls can add forms.
    let mut queue: std::collections::VecDeque<Sexpr> = forms.into();
    let mut expansions = 0u32;
    while let Some(f) = queue.pop_front() {
        let span = f.span.clone();
        let Some(items) = f.items().filter(|i| !i.is_empty()).map(<[Sexpr]>::to_vec) else {
            lw.error(&span, "a top-level form must be a list like (defun ...)");
            continue;
        };
        let head = items[0].as_sym().unwrap_or("");
        let args = &items[1..];
        match head {
            "defmodule" => {
                if let Some((m, imports, aliases)) = lw.defmodule(args, &span) {
                    lw.module = m.name.clone();
                    lw.imports = imports;
                    lw.aliases = aliases;
                    modules.push(m);
                }
            }
            "progn" => {
                for x in args.iter().rev() {
                    queue.push_front(x.clone());
                }
            }
            "defmacro" => lw.defmacro(args, &span),
            "defsyntax" => lw.defsyntax(args, &span),
            "defrecord" => lw.defrecord(args, &span),
            "define-record" if args.len() == 2 => {
                let mut v = vec![args[0].clone()];
                v.extend(args[1].items().map(<[Sexpr]>::to_vec).unwrap_or_default());
                lw.defrecord(&v, &span);
            }
            // scm.lfe only defines defsyntax/syntaxlet, which are built in.
            "include-lib" | "include-file"
                if args.len() == 1
                    && matches!(&args[0].kind, S::Str(p) if p.ends_with("include/scm.lfe")) => {}
            // EUnit's and ltest's macros are built in (`ltest`).
            "include-lib"
                if args.len() == 1
                    && matches!(&args[0].kind, S::Str(p)
                        if p == "eunit/include/eunit.hrl"
                            || p == "ltest/include/ltest-macros.lfe") =>
            {
                lw.eunit = true;
            }
            "include-file" | "include-lib" => {
                lw.unsupported(&span, head);
            }
            "deftest" | "deftestgen" | "deftestskip" if lw.eunit && !modules.is_empty() => {
                if let Some((defun, exported)) = lw.deftest(head, args, &span) {
                    if exported {
                        let name = defun.items().and_then(|i| i.get(1)).and_then(Sexpr::as_sym);
                        if let (Some(n), Some(m)) = (name, modules.last_mut()) {
                            m.exports.push((n.to_string(), 0, span.clone()));
                        }
                    }
                    queue.push_front(defun);
                }
            }
            _ if modules.is_empty() => {
                lw.error(
                    &span,
                    "no module definition before this form (start with defmodule)",
                );
            }
            "defun" => {
                let name = args.first().and_then(Sexpr::as_sym);
                let clauses = defun_clauses(args.get(1..).unwrap_or(&[]), &span);
                match (name, clauses) {
                    (Some(n), Some(cs)) => {
                        let arity = cs
                            .first()
                            .and_then(|c| c.items())
                            .and_then(|i| i.first())
                            .and_then(Sexpr::as_list)
                            .map_or(0, |l| l.len()) as u32;
                        if let Some(m) = modules.last_mut() {
                            m.funs.push((n.to_string(), arity, cs, span));
                        }
                    }
                    _ => {
                        lw.error(&span, "bad defun: expected (defun name (args) body...) or (defun name clauses...)");
                    }
                }
            }
            "extend-module"
            | "define-type"
            | "define-opaque-type"
            | "define-function-spec"
            | "deftype"
            | "defopaque"
            | "defspec"
            | "export-macro" => {}
            "eval-when-compile" => {
                lw.unsupported(&span, "eval-when-compile");
            }
            _ => {
                let name = head.to_string();
                match lw.expand_macro(&name, args, &f, &Scope::default()) {
                    Some(Ok(x)) => {
                        expansions += 1;
                        if expansions > 10_000 {
                            lw.error(&span, "top-level macro expansion does not terminate");
                            break;
                        }
                        queue.push_front(x);
                    }
                    Some(Err(())) => {}
                    None => {
                        lw.error(&span, format!("unknown top-level form ({name} ...)"));
                    }
                }
            }
        }
    }
    if modules.is_empty() && lw.diags.is_empty() {
        lw.error(&(0..0), "no module definition (defmodule) in this file");
    }
    // Lower each module's functions.
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for m in modules {
        lw.module = m.name.clone();
        lw.defined = m.funs.iter().map(|(n, a, _, _)| (n.clone(), *a)).collect();
        let mut forms = vec![Form {
            kind: FormKind::Module(m.name.clone()),
            span: m.span.clone(),
        }];
        let exports = if m.export_all {
            m.funs
                .iter()
                .map(|(n, a, _, s)| (n.clone(), *a, s.clone()))
                .collect()
        } else {
            m.exports.clone()
        };
        // LFE exports in name order (its module_info(exports) is sorted),
        // which is the order EUnit runs a module's tests in.
        let mut exports = exports;
        exports.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        forms.push(Form {
            kind: FormKind::Export(exports),
            span: m.span.clone(),
        });
        for (name, value) in m.attributes {
            forms.push(Form {
                kind: FormKind::Attribute(name, value),
                span: m.span.clone(),
            });
        }
        for (name, arity, clauses, span) in &m.funs {
            lw.form_line = 1 + src
                .get(..span.start)
                .map_or(0, |s| s.bytes().filter(|b| *b == b'\n').count())
                as i64;
            let mut cs = lw.fun_clauses(clauses, &Scope::default(), None, span);
            for c in &mut cs {
                c.name = Some((name.clone(), span.clone()));
            }
            forms.push(Form {
                kind: FormKind::Function(ast::Function {
                    name: name.clone(),
                    arity: *arity,
                    clauses: cs,
                }),
                span: span.clone(),
            });
        }
        if lw.diags.iter().any(Diagnostic::is_error) {
            continue;
        }
        match eubeam_erlang::lower::lower_module(&forms, file, src) {
            Ok((module, ws)) => {
                out.push(module);
                warnings.extend(ws);
            }
            Err(ds) => lw.diags.extend(ds),
        }
    }
    if lw.diags.iter().any(Diagnostic::is_error) {
        return Err(lw.diags);
    }
    warnings.extend(lw.diags);
    Ok((out, warnings))
}

type Imports = HashMap<(String, u32), (String, String)>;

impl Lw<'_> {
    /// `(defmodule name [doc] (export ...) (import ...) (attr v...) ...)`.
    fn defmodule(
        &mut self,
        args: &[Sexpr],
        span: &Span,
    ) -> Option<(ModuleForms, Imports, HashMap<String, String>)> {
        let Some(name) = args.first().and_then(Sexpr::as_sym) else {
            self.error(span, "defmodule needs a module name");
            return None;
        };
        let mut m = ModuleForms {
            name: name.to_string(),
            span: span.clone(),
            exports: Vec::new(),
            export_all: false,
            attributes: Vec::new(),
            funs: Vec::new(),
        };
        let mut imports = Imports::new();
        let mut aliases = HashMap::new();
        for a in &args[1..] {
            if matches!(a.kind, S::Str(_)) {
                continue; // module doc
            }
            let Some(items) = a.items().filter(|i| !i.is_empty()) else {
                self.error(&a.span, "bad module attribute");
                continue;
            };
            let vals = &items[1..];
            match items[0].as_sym() {
                Some("export") => {
                    for v in vals {
                        if v.as_sym() == Some("all") {
                            m.export_all = true;
                        } else if let Some((f, n)) = fun_arity(v) {
                            m.exports.push((f, n, v.span.clone()));
                        } else {
                            self.error(&v.span, "bad export: expected (name arity)");
                        }
                    }
                }
                Some("import") => {
                    for imp in vals {
                        let ii = imp.items().unwrap_or_default();
                        match (imp.head(), ii.get(1).and_then(Sexpr::as_sym)) {
                            (Some("from"), Some(md)) => {
                                for fa in &ii[2..] {
                                    match fun_arity(fa) {
                                        Some((f, n)) => {
                                            imports.insert((f.clone(), n), (md.to_string(), f));
                                        }
                                        None => {
                                            self.error(
                                                &fa.span,
                                                "bad import: expected (name arity)",
                                            );
                                        }
                                    }
                                }
                            }
                            (Some("rename"), Some(md)) => {
                                for r in &ii[2..] {
                                    let ri = r.items().unwrap_or_default();
                                    match (
                                        ri.first().and_then(fun_arity),
                                        ri.get(1).and_then(Sexpr::as_sym),
                                    ) {
                                        (Some((f, n)), Some(local)) => {
                                            imports.insert(
                                                (local.to_string(), n),
                                                (md.to_string(), f),
                                            );
                                        }
                                        _ => {
                                            self.error(
                                                &r.span,
                                                "bad rename: expected ((name arity) local-name)",
                                            );
                                        }
                                    }
                                }
                            }
                            _ => {
                                self.error(&imp.span, "bad import: expected (from mod (f 1) ...) or (rename mod ((f 1) g) ...)");
                            }
                        }
                    }
                }
                Some("module-alias") => {
                    for al in vals {
                        let ai = al.items().unwrap_or_default();
                        match (
                            ai.first().and_then(Sexpr::as_sym),
                            ai.get(1).and_then(Sexpr::as_sym),
                        ) {
                            (Some(long), Some(short)) => {
                                aliases.insert(short.to_string(), long.to_string());
                            }
                            _ => {
                                self.error(
                                    &al.span,
                                    "bad module-alias: expected (long-name short-name)",
                                );
                            }
                        }
                    }
                }
                Some("doc" | "moduledoc" | "record" | "type" | "opaque" | "spec") => {}
                Some(attr) => {
                    let attr = if attr == "behavior" {
                        "behaviour"
                    } else {
                        attr
                    };
                    let value = e(
                        K::List(vals.iter().map(|v| quoted(v, false)).collect(), None),
                        &a.span,
                    );
                    m.attributes.push((attr.to_string(), value));
                }
                None => {
                    self.error(&a.span, "bad module attribute");
                }
            }
        }
        Some((m, imports, aliases))
    }

    /// `(defmacro name (args) body...)`, `(defmacro name args body...)`,
    /// `(defmacro name clauses...)`.
    pub(super) fn defmacro(&mut self, args: &[Sexpr], span: &Span) {
        let Some(name) = args.first().and_then(Sexpr::as_sym).map(str::to_string) else {
            self.error(span, "defmacro needs a name");
            return;
        };
        let rest = &args[1..];
        let Some(first) = rest.first() else {
            self.error(span, "defmacro needs arguments and a body");
            return;
        };
        let strip_doc = |b: &[Sexpr]| -> Vec<Sexpr> {
            if b.len() > 1 && matches!(b[0].kind, S::Str(_)) {
                b[1..].to_vec()
            } else {
                b.to_vec()
            }
        };
        let mac = match &first.kind {
            S::Sym(all) => Macro::Lambda {
                params: Vec::new(),
                rest: Some(all.clone()),
                body: strip_doc(&rest[1..]),
            },
            S::List(items, tail)
                if items.iter().all(|p| p.as_sym().is_some())
                    && tail.as_ref().is_none_or(|t| t.as_sym().is_some()) =>
            {
                Macro::Lambda {
                    params: items
                        .iter()
                        .filter_map(|p| p.as_sym().map(str::to_string))
                        .collect(),
                    rest: tail.as_ref().and_then(|t| t.as_sym().map(str::to_string)),
                    body: strip_doc(&rest[1..]),
                }
            }
            _ => {
                let clauses = match &first.kind {
                    S::Str(_) => &rest[1..],
                    _ => rest,
                };
                let mut out = Vec::new();
                for c in clauses {
                    let Some(items) = c.items().filter(|i| !i.is_empty()) else {
                        self.error(&c.span, "a macro clause is (pattern body...)");
                        return;
                    };
                    let (guard, body) = match items.get(1) {
                        Some(w) if w.head() == Some("when") => (
                            w.items().map(|i| i[1..].to_vec()).unwrap_or_default(),
                            items[2..].to_vec(),
                        ),
                        _ => (Vec::new(), items[1..].to_vec()),
                    };
                    // A clause pattern is a list of argument patterns; as
                    // a pattern over the argument list it is `(list ...)`.
                    let pat = match &items[0].kind {
                        S::List(ps, None)
                            if !matches!(
                                items[0].head(),
                                Some("list" | "list*" | "cons" | "quote" | "=" | "backquote")
                            ) =>
                        {
                            let mut v = vec![Sexpr::sym("list", items[0].span.clone())];
                            v.extend(ps.iter().cloned());
                            Sexpr::list(v, items[0].span.clone())
                        }
                        _ => items[0].clone(),
                    };
                    out.push((pat, guard, body));
                }
                Macro::Clauses(out)
            }
        };
        self.macros.insert(name, mac);
    }

    /// `(defsyntax name (pattern template) ...)`.
    pub(super) fn defsyntax(&mut self, args: &[Sexpr], span: &Span) {
        let Some(name) = args.first().and_then(Sexpr::as_sym).map(str::to_string) else {
            self.error(span, "defsyntax needs a name");
            return;
        };
        let mut rules = Vec::new();
        for r in &args[1..] {
            match r.items() {
                Some([p, t]) => rules.push((p.clone(), t.clone())),
                _ => {
                    self.error(&r.span, "a syntax rule is (pattern template)");
                    return;
                }
            }
        }
        self.macros.insert(name, Macro::Syntax(rules));
    }

    /// `(defrecord name field (field default) (field default type) ...)`.
    fn defrecord(&mut self, args: &[Sexpr], span: &Span) {
        let Some(name) = args.first().and_then(Sexpr::as_sym).map(str::to_string) else {
            self.error(span, "defrecord needs a name");
            return;
        };
        let mut fields = Vec::new();
        for f in &args[1..] {
            match &f.kind {
                S::Sym(n) => fields.push((n.clone(), None)),
                S::List(items, None) if !items.is_empty() && items.len() <= 3 => {
                    match items[0].as_sym() {
                        Some(n) => fields.push((n.to_string(), items.get(1).cloned())),
                        None => {
                            self.error(&f.span, "a record field name must be a symbol");
                            return;
                        }
                    }
                }
                _ => {
                    self.error(&f.span, "bad record field");
                    return;
                }
            }
        }
        self.records.insert(name, Record { fields });
    }
}

fn fun_arity(x: &Sexpr) -> Option<(String, u32)> {
    match x.items()? {
        [f, a] => match (&f.kind, &a.kind) {
            (S::Sym(f), S::Int(n)) => Some((f.clone(), u32::try_from(*n).ok()?)),
            _ => None,
        },
        _ => None,
    }
}

/// The Erlang variable a shell binding of the LFE variable `name` lives in
/// across inputs: `S_` and the name with `_` doubled and every other
/// non-alphanumeric character as `_<hex>_` (so the mapping is reversible).
pub fn shell_var(name: &str) -> String {
    let mut out = String::from("S_");
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == '_' {
            out.push_str("__");
        } else {
            out.push_str(&format!("_{:x}_", u32::from(c)));
        }
    }
    out
}

/// The LFE variable a shell binding lives in: the inverse of [`shell_var`].
pub fn shell_name(var: &str) -> Option<String> {
    let s = var.strip_prefix("S_")?;
    let mut out = String::new();
    let mut cs = s.chars().peekable();
    while let Some(c) = cs.next() {
        if c != '_' {
            out.push(c);
            continue;
        }
        if cs.peek() == Some(&'_') {
            cs.next();
            out.push('_');
            continue;
        }
        let mut hex = String::new();
        for h in cs.by_ref() {
            if h == '_' {
                break;
            }
            hex.push(h);
        }
        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
    }
    Some(out)
}

/// Shell input: expressions and `(set pattern expr)` bindings, lowered into
/// a module exporting `eval/1` (contract in `eubeam_ir::frontend`).
/// The shell command `(flush)`: LFE's shell runs `c:flush()`, which
/// prints every message in the shell's mailbox as `Shell got ~p` (Erlang
/// syntax, as `c:flush` does) and returns `ok`. Rewritten to that loop in
/// LFE; only at the top level of a shell input, like `set`.
fn shell_flush(f: &Sexpr) -> Option<Sexpr> {
    if f.items().is_none_or(|i| i.len() != 1) || f.head() != Some("flush") {
        return None;
    }
    const FLUSH: &str = "(fletrec ((shell-flush () (receive (m (io:format \"Shell got ~p~n\" (list m)) (shell-flush)) (after 0 'ok)))) (shell-flush))";
    // The text above is a fixed, well-formed form; a failure to read it
    // would be a bug here, reported as "no rewrite" (then `flush/0` is
    // an undefined-function diagnostic, never a crash).
    let mut forms = crate::reader::read_all(FLUSH, "shell").ok()?;
    (forms.len() == 1).then(|| forms.remove(0))
}

pub fn lower_shell(
    forms: &[Sexpr],
    src: &str,
    file: &str,
    bound: &[String],
    module_name: &str,
) -> Result<(ir::Module, Vec<String>), Vec<Diagnostic>> {
    let mut lw = Lw::new(file);
    lw.module = module_name.to_string();
    let span = 0..src.len();
    let mut sc = Scope::default();
    for b in bound {
        if let Some(n) = shell_name(b) {
            sc.vars.insert(n, b.clone());
        }
    }
    let mut body = Vec::new();
    let mut last = e(K::Atom("ok".into()), &span);
    let mut new_names: Vec<String> = Vec::new();
    // Functions and macros defined by earlier inputs, replayed (they
    // lowered before, so they lower again); this input's are added after.
    // The shell's `(c "file.lfe")` compiles and loads a file.
    lw.imports
        .insert(("c".into(), 1), ("lfe_shell".into(), "c".into()));
    let earlier: Vec<Sexpr> = SHELL_DEFS.lock().map(|d| d.clone()).unwrap_or_default();
    let mut funs: Vec<(String, u32, Vec<Sexpr>, Span)> = Vec::new();
    for d in &earlier {
        shell_def(&mut lw, &mut funs, d);
    }
    let mut new_defs: Vec<Sexpr> = Vec::new();
    // A top-level `progn` is flattened, as LFE's shell does, so that it
    // can hold definitions.
    let mut flat: Vec<&Sexpr> = Vec::new();
    let mut stack: Vec<&Sexpr> = forms.iter().rev().collect();
    while let Some(f) = stack.pop() {
        match f.items() {
            Some([h, rest @ ..]) if h.as_sym() == Some("progn") => {
                stack.extend(rest.iter().rev());
            }
            _ => flat.push(f),
        }
    }
    for f in flat {
        let flushing;
        let f = match shell_flush(f) {
            Some(x) => {
                flushing = x;
                &flushing
            }
            None => f,
        };
        match f.head() {
            Some("set") => {
                let items = f.items().unwrap_or_default();
                if items.len() != 3 && items.len() != 4 {
                    lw.error(&f.span, "set is (set pattern [(when ...)] expression)");
                    continue;
                }
                let value = lw.expr(&items[items.len() - 1], &sc);
                let mut binds = HashMap::new();
                let pat = lw.pattern(&items[1], &mut binds, &sc);
                let v = lw.fresh("value");
                body.push(e(
                    K::Match(Box::new(e(K::Var(v.clone()), &f.span)), Box::new(value)),
                    &f.span,
                ));
                body.push(e(
                    K::Match(Box::new(pat), Box::new(e(K::Var(v.clone()), &f.span))),
                    &f.span,
                ));
                let mut names: Vec<_> = binds.into_iter().collect();
                names.sort();
                for (n, var) in names {
                    let sv = shell_var(&n);
                    if !bound.contains(&sv) && !new_names.contains(&sv) {
                        new_names.push(sv);
                    }
                    sc.vars.insert(n, var);
                }
                last = e(K::Var(v), &f.span);
            }
            Some("defun" | "defmacro") => {
                if let Some(name) = shell_def(&mut lw, &mut funs, f) {
                    new_defs.push(f.clone());
                    last = atom(&name, &f.span);
                }
            }
            Some(h @ ("defmodule" | "defrecord" | "defsyntax")) => {
                lw.unsupported(&f.span, &format!("({h} ...) in the shell"));
            }
            _ => {
                let v = lw.fresh("value");
                let x = lw.expr(f, &sc);
                body.push(e(
                    K::Match(Box::new(e(K::Var(v.clone()), &f.span)), Box::new(x)),
                    &f.span,
                ));
                last = e(K::Var(v), &f.span);
            }
        }
    }
    let mut bound_after: Vec<String> = bound.to_vec();
    bound_after.extend(new_names);
    let values: Vec<Expr> = bound_after
        .iter()
        .map(|b| {
            let var = shell_name(b)
                .and_then(|n| sc.vars.get(&n).cloned())
                .unwrap_or_else(|| b.clone());
            e(K::Var(var), &span)
        })
        .collect();
    body.push(e(
        K::Tuple(vec![last, e(K::List(values, None), &span)]),
        &span,
    ));
    let mut fun_forms = Vec::new();
    lw.late_calls = true;
    for (name, arity, clauses, fspan) in &funs {
        let mut cs = lw.fun_clauses(clauses, &Scope::default(), None, fspan);
        for c in &mut cs {
            c.name = Some((name.clone(), fspan.clone()));
        }
        fun_forms.push(Form {
            kind: FormKind::Function(ast::Function {
                name: name.clone(),
                arity: *arity,
                clauses: cs,
            }),
            span: fspan.clone(),
        });
    }
    if lw.diags.iter().any(Diagnostic::is_error) {
        return Err(lw.diags);
    }
    let params = vec![e(
        K::List(
            bound.iter().map(|b| e(K::Var(b.clone()), &span)).collect(),
            None,
        ),
        &span,
    )];
    let forms = vec![
        Form {
            kind: FormKind::Module(module_name.to_string()),
            span: span.clone(),
        },
        Form {
            kind: FormKind::Export(vec![("eval".into(), 1, span.clone())]),
            span: span.clone(),
        },
        Form {
            kind: FormKind::Function(ast::Function {
                name: "eval".into(),
                arity: 1,
                clauses: vec![ast::FunClause {
                    name: Some(("eval".into(), span.clone())),
                    params,
                    guard: vec![],
                    body,
                    span: span.clone(),
                }],
            }),
            span: span.clone(),
        },
    ];
    let mut forms = forms;
    forms.extend(fun_forms);
    let (module, _warnings) = eubeam_erlang::lower::lower_module(&forms, file, src)?;
    if !new_defs.is_empty() {
        if let Ok(mut d) = SHELL_DEFS.lock() {
            d.extend(new_defs);
        }
    }
    Ok((module, bound_after))
}

/// The `defun` and `defmacro` forms entered in this process's shell, in
/// order. Every later input's module gets those functions as its own local
/// functions (a redefinition replaces the earlier one), and the macros,
/// as LFE's shell keeps them in its environment. A process runs one shell.
static SHELL_DEFS: std::sync::Mutex<Vec<Sexpr>> = std::sync::Mutex::new(Vec::new());

/// Takes one shell `defun`/`defmacro` into `lw` (macros) or `funs`;
/// returns its name, or `None` after a diagnostic.
fn shell_def(
    lw: &mut Lw,
    funs: &mut Vec<(String, u32, Vec<Sexpr>, Span)>,
    f: &Sexpr,
) -> Option<String> {
    let items = f.items()?;
    let args = &items[1..];
    let span = f.span.clone();
    let name = args.first().and_then(Sexpr::as_sym)?.to_string();
    if f.head() == Some("defmacro") {
        lw.defmacro(args, &span);
        return Some(name);
    }
    let Some(cs) = defun_clauses(args.get(1..).unwrap_or(&[]), &span) else {
        lw.error(
            &span,
            "bad defun: expected (defun name (args) body...) or (defun name clauses...)",
        );
        return None;
    };
    let arity = cs
        .first()
        .and_then(|c| c.items())
        .and_then(|i| i.first())
        .and_then(Sexpr::as_list)
        .map_or(0, |l| l.len()) as u32;
    if name == "eval" && arity == 1 {
        lw.unsupported(&span, "defining eval/1 in the shell");
        return None;
    }
    funs.retain(|(n, a, _, _)| !(n == &name && *a == arity));
    funs.push((name.clone(), arity, cs, span));
    lw.defined.insert((name.clone(), arity));
    Some(name)
}
