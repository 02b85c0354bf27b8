//! Files and modules: `defmodule`, `def`/`defp` with clauses, guards and
//! default arguments, attributes, `defstruct`/`defexception`, `alias`,
//! `import`, `use`, and the script top level of `.exs` files.

use std::collections::{HashMap, HashSet};

use eubeam_ir as ir;
use eubeam_ir::span::LineIndex;
use eubeam_ir::{Compiled, Diagnostic, Expr, ExprKind, FunName, Literal, MapOp, MapPair};

use super::macros::GuardDef;
use super::pattern::PatState;
use super::{alias_atom, Lw, ModCtx};
use crate::ast::{Ast, Kind, Span};

/// One `def`/`defp` clause as collected from a module body.
struct DefClause {
    name: String,
    args: Vec<Ast>,
    guard: Option<Ast>,
    body: Ast,
    public: bool,
    span: Span,
    attrs: HashMap<String, Ast>,
}

struct Out<'a> {
    file: &'a str,
    src: &'a str,
    lines: &'a LineIndex,
    modules: Vec<ir::Module>,
    diags: Vec<Diagnostic>,
    /// Modules that `use ExUnit.Case`, in definition order.
    exunit_modules: Vec<String>,
}

pub fn lower_file(
    file: &str,
    src: &str,
    forms: &[Ast],
    script: bool,
) -> Result<Compiled, Vec<Diagnostic>> {
    let lines = LineIndex::new(src);
    let mut out = Out {
        file,
        src,
        lines: &lines,
        modules: Vec::new(),
        diags: Vec::new(),
        exunit_modules: Vec::new(),
    };
    let mut top = Vec::new();
    let root = ModCtx {
        src: Some(std::rc::Rc::from(src)),
        ..ModCtx::default()
    };
    for f in forms {
        match f.call_args() {
            Some(("defmodule", [name, kw])) => {
                let before = out.exunit_modules.len();
                out.defmodule(name, kw, &root, f.span);
                // A test module registers with ExUnit where it is defined,
                // as ExUnit.Case does when the module is compiled.
                for m in &out.exunit_modules[before..] {
                    top.push(Ast::new(
                        Kind::Remote {
                            target: Box::new(Ast::new(Kind::Alias(vec!["ExUnit".into()]), f.span)),
                            name: "__register__".into(),
                            args: vec![Ast::atom(m, f.span)],
                            parens: true,
                        },
                        f.span,
                    ));
                }
            }
            Some((kind @ ("defprotocol" | "defimpl"), args)) => {
                if let Some((n, k)) = out.protocol_module(kind, args, &root, f.span) {
                    out.defmodule(&n, &k, &root, f.span);
                }
            }
            _ => top.push(f.clone()),
        }
    }
    let mut entry = None;
    if script || !top.is_empty() {
        let name = script_module_name(file);
        let mut ctx = ModCtx {
            name: name.clone(),
            script: true,
            macros: root.macros.clone(),
            src: root.src.clone(),
            ..ModCtx::default()
        };
        // `import`/`alias` at the top level of a script apply to the rest of
        // it (taken in order, before the expressions are lowered).
        for f in &top {
            match f.call_args() {
                Some(("import", [target, ..])) => match &target.kind {
                    Kind::Alias(segs) => {
                        let m = alias_atom(&ctx, segs);
                        ctx.imports.push(m);
                    }
                    Kind::Atom(a) => ctx.imports.push(a.clone()),
                    _ => {}
                },
                Some(("alias", [target, rest @ ..])) => {
                    if let Kind::Alias(segs) = &target.kind {
                        let full = alias_atom(&ctx, segs);
                        let short = match rest.first().and_then(|k| k.keyword()).and_then(|k| {
                            k.into_iter()
                                .find(|(k, _)| *k == "as")
                                .map(|(_, v)| v.clone())
                        }) {
                            Some(Ast {
                                kind: Kind::Alias(s),
                                ..
                            }) => s.join("."),
                            _ => segs.last().cloned().unwrap_or_default(),
                        };
                        ctx.aliases.insert(short, full);
                    }
                }
                _ => {}
            }
        }
        let mut lw = Lw::new(file, &lines, &ctx);
        lw.current = "main/0".into();
        let span = lines.span(0, src.len());
        let body_ast = Ast::call("__block__", top, Span::new(0, src.len()));
        let body = lw.block(&body_ast);
        let body = Expr::seq(body, at_exit(span));
        let (r, c, rn, st) = (lw.temp(), lw.temp(), lw.temp(), lw.temp());
        let bt = Expr::primop("build_stacktrace", vec![Expr::var(st.clone(), span)], span);
        let handler = Expr::call(
            "Elixir.Kernel",
            "__uncaught__",
            vec![Expr::var(c.clone(), span), Expr::var(rn.clone(), span), bt],
            span,
        );
        let main = Expr::new(
            ExprKind::Try {
                arg: Box::new(body),
                vars: vec![r.clone()],
                body: Box::new(Expr::var(r, span)),
                evars: [c, rn, st],
                handler: Box::new(handler),
            },
            span,
        );
        out.diags.append(&mut lw.diags);
        out.modules.insert(
            0,
            ir::Module {
                name: name.clone(),
                file: file.to_string(),
                exports: vec![FunName::new("main", 0), FunName::new("main", 1)],
                attributes: Vec::new(),
                functions: vec![
                    ir::FunDef {
                        name: FunName::new("main", 0),
                        fun: ir::Fun {
                            params: vec![],
                            body: Box::new(main),
                            span,
                            name: None,
                        },
                    },
                    main_with_argv(span),
                ],
                span,
            },
        );
        entry = Some(name);
    }
    if out.diags.iter().any(Diagnostic::is_error) {
        return Err(out.diags);
    }
    Ok(Compiled {
        modules: out.modules,
        warnings: out.diags,
        entry,
    })
}

/// `main(Args)`: the command line's arguments (`eubeam run x.exs -- a b`)
/// kept for `System.argv/0`, then the script.
fn main_with_argv(span: ir::Span) -> ir::FunDef {
    let args = "_argv@0".to_string();
    let put = Expr::call(
        "erlang",
        "put",
        vec![
            Expr::atom("$elixir_argv", span),
            Expr::var(args.clone(), span),
        ],
        span,
    );
    let main = Expr::new(
        ExprKind::Apply {
            fun: Box::new(Expr::new(ExprKind::FunRef(FunName::new("main", 0)), span)),
            args: vec![],
        },
        span,
    );
    ir::FunDef {
        name: FunName::new("main", 1),
        fun: ir::Fun {
            params: vec![args],
            body: Box::new(Expr::seq(put, main)),
            span,
            name: None,
        },
    }
}

/// The end of a script: the functions `System.at_exit/1` registered (ExUnit's
/// autorun among them) run with status 0, as `elixir` runs them when the
/// script ends. Scripts that registered none pay one `erlang:get/1`.
fn at_exit(span: ir::Span) -> Expr {
    let key = Expr::atom("$elixir_at_exit", span);
    let got = Expr::call("erlang", "get", vec![key], span);
    let fs = "_at_exit@0".to_string();
    Expr::new(
        ExprKind::Case {
            arg: Box::new(got),
            clauses: vec![
                ir::Clause {
                    pats: vec![ir::Pattern::Lit(Literal::atom("undefined"))],
                    guard: None,
                    body: Expr::atom("nil", span),
                    span,
                },
                ir::Clause {
                    pats: vec![ir::Pattern::Var(fs.clone())],
                    guard: None,
                    body: Expr::call(
                        "Elixir.System",
                        "__run_at_exit__",
                        vec![Expr::var(fs, span), Expr::lit(Literal::Int(0), span)],
                        span,
                    ),
                    span,
                },
            ],
        },
        span,
    )
}

fn script_module_name(file: &str) -> String {
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("script");
    format!("elixir_script_{stem}")
}

/// Elixir source for generated functions (defexception, use GenServer...).
fn snippet(src: &str) -> Vec<Ast> {
    // Parse errors are impossible for these fixed texts; none are reported.
    crate::parser::parse(src).0
}

impl Out<'_> {
    fn error(&mut self, s: Span, msg: impl Into<String>) {
        self.diags
            .push(Diagnostic::error(self.file, s.start..s.end, msg));
    }

    fn unsupported(&mut self, s: Span, what: &str) {
        self.diags
            .push(Diagnostic::unsupported(self.file, s.start..s.end, what));
    }

    /// `defprotocol P do def f(x) end` and `defimpl P, for: T do ... end` as
    /// the `defmodule` they amount to: (module name, `[do: body]`).
    /// A protocol's functions dispatch through `Protocol.__dispatch__`
    /// (lib/protocol.ex) to the module `P.Type`.
    fn protocol_module(
        &mut self,
        kind: &str,
        args: &[Ast],
        ctx: &ModCtx,
        span: Span,
    ) -> Option<(Ast, Ast)> {
        let name_of = |a: &Ast| match &a.kind {
            Kind::Alias(segs) => Some(alias_atom(ctx, segs)),
            Kind::Var(v) if v == "__MODULE__" && !ctx.name.is_empty() => Some(ctx.name.clone()),
            Kind::Atom(a) => Some(a.clone()),
            _ => None,
        };
        let Some(proto) = args.first().and_then(name_of) else {
            self.error(span, format!("{kind} expects a module name"));
            return None;
        };
        let kw: Vec<(String, Ast)> = args[1..]
            .iter()
            .filter_map(|a| a.keyword())
            .flatten()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        let get = |k: &str| kw.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let Some(body) = get("do") else {
            self.error(span, format!("{kind} expects a do block"));
            return None;
        };
        let stmts: Vec<Ast> = match body.call_args() {
            Some(("__block__", items)) => items.to_vec(),
            _ => vec![body.clone()],
        };
        let mk_kw = |stmts: Vec<Ast>| {
            Ast::new(
                Kind::List(vec![Ast::new(
                    Kind::Tuple(vec![
                        Ast::atom("do", span),
                        Ast::call("__block__", stmts, span),
                    ]),
                    span,
                )]),
                span,
            )
        };
        if kind == "defprotocol" {
            let any = stmts.iter().any(|st| {
                matches!(st.call_args(), Some(("@", [a])) if matches!(a.call_args(),
                    Some(("fallback_to_any", [v])) if matches!(&v.kind, Kind::Atom(t) if t == "true")))
            });
            let mut src = String::new();
            let mut funs = Vec::new();
            for st in &stmts {
                match st.call_args() {
                    Some(("def", [head])) => {
                        let Some((fname, fargs, _)) = def_head(head) else {
                            self.error(head.span, "invalid protocol function head");
                            continue;
                        };
                        if fargs.is_empty() {
                            self.error(head.span, "protocol functions need at least one argument");
                            continue;
                        }
                        let ps: Vec<String> = (0..fargs.len()).map(|i| format!("x{i}")).collect();
                        let ps = ps.join(", ");
                        src.push_str(&format!(
                            "def {fname}({ps}), do: Protocol.__dispatch__(__MODULE__, x0, {any}).{fname}({ps})\n"
                        ));
                        funs.push(format!("{fname}: {}", fargs.len()));
                    }
                    Some(("@", _)) => {}
                    Some(("def", _)) => {
                        self.unsupported(st.span, "a protocol function with a body")
                    }
                    _ => self.unsupported(st.span, "this in a protocol"),
                }
            }
            src.push_str(&format!(
                "def impl_for(data), do: Protocol.__impl_for__(__MODULE__, data, {any})\n\
                 def impl_for!(data), do: Protocol.__dispatch__(__MODULE__, data, {any})\n\
                 def __protocol__(:functions), do: [{}]\n\
                 def __protocol__(:module), do: __MODULE__\n\
                 def __protocol__(:impls), do: :not_consolidated\n",
                funs.join(", ")
            ));
            return Some((Ast::atom(&proto, args[0].span), mk_kw(snippet(&src))));
        }
        // defimpl: one module per target type.
        let targets: Vec<Ast> = match get("for") {
            Some(Ast {
                kind: Kind::List(items),
                ..
            }) => items,
            Some(t) => vec![t],
            None if !ctx.name.is_empty() => vec![Ast::atom(&ctx.name, span)],
            None => {
                self.error(span, "defimpl expects for: outside of a module");
                return None;
            }
        };
        if targets.len() != 1 {
            self.unsupported(span, "defimpl for several types at once");
            return None;
        }
        let Some(target) = name_of(&targets[0]) else {
            self.error(targets[0].span, "defimpl for: expects a module name");
            return None;
        };
        let module = format!("{proto}.{}", target.trim_start_matches("Elixir."));
        let attr = |n: &str, v: &str| {
            Ast::call(
                "@",
                vec![Ast::call(n, vec![Ast::atom(v, span)], span)],
                span,
            )
        };
        let mut all = vec![attr("protocol", &proto), attr("for", &target)];
        all.extend(snippet(&format!(
            "def __impl__(:for), do: :\"{target}\"\ndef __impl__(:protocol), do: :\"{proto}\"\n"
        )));
        all.extend(stmts);
        Some((Ast::atom(&module, args[0].span), mk_kw(all)))
    }

    fn defmodule(&mut self, name: &Ast, kw: &Ast, parent: &ModCtx, span: Span) {
        let mname = match &name.kind {
            Kind::Alias(segs) => {
                if parent.name.is_empty() {
                    alias_atom(parent, segs)
                } else {
                    format!("{}.{}", parent.name, segs.join("."))
                }
            }
            Kind::Atom(a) => a.clone(),
            _ => return self.unsupported(name.span, "this module name"),
        };
        let Some(body) = kw.keyword().and_then(|k| {
            k.into_iter()
                .find(|(k, _)| *k == "do")
                .map(|(_, v)| v.clone())
        }) else {
            return self.error(span, "defmodule expects a do block");
        };
        let mut ctx = ModCtx {
            name: mname.clone(),
            aliases: parent.aliases.clone(),
            macros: parent.macros.clone(),
            src: parent.src.clone(),
            ..ModCtx::default()
        };
        let mut exu: Option<super::exunit::CaseState> = None;
        // A nested module is aliased in its parent (and in itself).
        if let Kind::Alias(segs) = &name.kind {
            if !parent.name.is_empty() {
                if let Some(first) = segs.first() {
                    ctx.aliases
                        .insert(first.clone(), format!("{}.{}", parent.name, first));
                }
            }
        }
        let stmts: Vec<Ast> = match body.call_args() {
            Some(("__block__", items)) => items.to_vec(),
            _ => vec![body.clone()],
        };
        let mut defs: Vec<DefClause> = Vec::new();
        let mut struct_fields: Option<(Ast, bool)> = None;
        let mut nested: Vec<(Ast, Ast, Span)> = Vec::new();
        let mut uses: Vec<String> = Vec::new();
        let mut extra: Vec<Ast> = Vec::new();
        let mut local_macros: HashSet<(String, usize)> = HashSet::new();
        let mut overridable: HashSet<(String, usize)> = HashSet::new();
        // Docs holding `iex>` examples (ExUnit's doctests): `@doc` waits for
        // the next def.
        let mut pending_doc: Option<(String, u32)> = None;
        let mut doc_examples: Vec<Ast> = Vec::new();
        let mut pending = stmts;
        let mut i = 0;
        while i < pending.len() {
            let st = pending[i].clone();
            i += 1;
            // A call of a user macro in the module body: its expansion
            // (definitions, attributes...) takes the call's place.
            let macro_call = match &st.kind {
                Kind::Remote {
                    target, name, args, ..
                } => match &target.kind {
                    Kind::Alias(segs) => {
                        let m = alias_atom(&ctx, segs);
                        ctx.is_macro(&m, name, args.len())
                            .then(|| (m, name.clone(), args.clone()))
                    }
                    _ => None,
                },
                Kind::Call { name, args, .. } => ctx
                    .imported_macro(name, args.len())
                    .map(|m| (m, name.clone(), args.clone())),
                _ => None,
            };
            if let Some((m, name, args)) = macro_call {
                match ctx.expand_macro(&m, &name, &args, st.span) {
                    Ok(ast) => splice(&mut pending, i, ast),
                    Err(e) => self.error(st.span, e),
                }
                continue;
            }
            if let Some(case) = exu.as_mut() {
                let source = super::exunit::Source {
                    file: self.file,
                    src: self.src,
                    lines: self.lines,
                };
                match case.body_form(&st, &source) {
                    Some(Ok(forms)) => {
                        splice(&mut pending, i, Ast::call("__block__", forms, st.span));
                        continue;
                    }
                    Some(Err(e)) => {
                        self.error(st.span, e);
                        continue;
                    }
                    None => {}
                }
            }
            let Some((kind, args)) = st.call_args() else {
                self.unsupported(st.span, "expressions in a module body");
                continue;
            };
            match (kind, args) {
                ("use", [target, opts @ ..])
                    if matches!(&target.kind, Kind::Alias(segs)
                        if alias_atom(&ctx, segs) == "Elixir.ExUnit.Case") =>
                {
                    if exu.is_none() {
                        exu = Some(super::exunit::CaseState::new(opts.first()));
                        ctx.imports.push(super::exunit::ASSERTIONS.to_string());
                        ctx.imports.push("Elixir.ExUnit.Callbacks".to_string());
                        pending.push(Ast::call(super::exunit::MARK_FINISH, vec![], span));
                        self.exunit_modules.push(mname.clone());
                    }
                }
                ("def" | "defp" | "defmacro" | "defmacrop", [head, kwb]) => {
                    let is_macro = kind.starts_with("defmacro");
                    let public = kind == "def" || is_macro;
                    let Some((fname, fargs, guard)) = def_head(head) else {
                        self.error(head.span, "invalid function head");
                        continue;
                    };
                    let key = (fname.clone(), fargs.len());
                    if overridable.remove(&key) {
                        defs.retain(|d| !(d.name == key.0 && d.args.len() == key.1));
                    }
                    if let Some((text, line)) = pending_doc.take() {
                        let what = Ast::new(
                            Kind::Tuple(vec![
                                Ast::atom(&fname, st.span),
                                Ast::new(Kind::Int(fargs.len().to_string()), st.span),
                            ]),
                            st.span,
                        );
                        doc_examples.push(doc_entry(what, line, &text, st.span));
                    }
                    let fname = if is_macro {
                        local_macros.insert(key);
                        super::macros::macro_fun(&fname)
                    } else {
                        fname
                    };
                    let body = match kwb.keyword() {
                        Some(k) if k.len() == 1 && k[0].0 == "do" => k[0].1.clone(),
                        Some(k) if k.iter().any(|(n, _)| *n == "do") => {
                            // `def f do ... rescue ... end`: an implicit try.
                            Ast::call("try", vec![kwb.clone()], kwb.span)
                        }
                        _ => {
                            self.error(st.span, "def expects a do block");
                            continue;
                        }
                    };
                    defs.push(DefClause {
                        name: fname,
                        args: fargs,
                        guard,
                        body,
                        public,
                        span: st.span,
                        attrs: ctx.attrs.clone(),
                    });
                }
                ("def" | "defp", [head]) => {
                    // A bodiless head declaring defaults: `def f(a, b \\ 1)`.
                    if let Some((fname, fargs, _)) = def_head(head) {
                        defs.push(DefClause {
                            name: fname,
                            args: fargs,
                            guard: None,
                            body: Ast::call("__bodiless__", vec![], st.span),
                            public: kind == "def",
                            span: st.span,
                            attrs: ctx.attrs.clone(),
                        });
                    }
                }
                ("@", [attr]) => match &attr.kind {
                    Kind::Call { name, args, .. } if args.len() == 1 => {
                        if name == "doc" || name == "moduledoc" {
                            let example = match &args[0].kind {
                                Kind::Str(text) if text.contains("iex>") => {
                                    // A heredoc's text starts on the next line.
                                    let start = args[0].span.start;
                                    let heredoc = self.src.get(start..).is_some_and(|t| {
                                        t.starts_with("\"\"\"") || t.starts_with("~S\"\"\"")
                                    });
                                    let line = self.lines.line(start) + u32::from(heredoc);
                                    Some((text.clone(), line))
                                }
                                _ => None,
                            };
                            if name == "doc" {
                                pending_doc = example;
                            } else if let Some((text, line)) = example {
                                doc_examples.push(doc_entry(
                                    Ast::atom("moduledoc", st.span),
                                    line,
                                    &text,
                                    st.span,
                                ));
                            }
                        }
                        ctx.attrs.insert(name.clone(), args[0].clone());
                    }
                    _ => {}
                },
                ("defstruct", [fields]) => struct_fields = Some((fields.clone(), false)),
                ("defexception", [fields]) => {
                    struct_fields = Some((fields.clone(), true));
                    extra.extend(snippet(
                        "def exception(msg) when is_binary(msg), do: exception(message: msg)\n\
                         def exception(args) when is_list(args), do: __struct__(args)\n\
                         def message(exception), do: exception.message\n",
                    ));
                }
                ("alias", [target]) if target.is_call("__alias_multi__") => {
                    // `alias Foo.{Bar, Baz.Qux}`
                    let parts = target
                        .call_args()
                        .map(|(_, a)| a.to_vec())
                        .unwrap_or_default();
                    let base = match parts.first().map(|b| &b.kind) {
                        Some(Kind::Alias(segs)) => alias_atom(&ctx, segs),
                        _ => {
                            self.unsupported(target.span, "this alias");
                            continue;
                        }
                    };
                    for item in &parts[1..] {
                        if let Kind::Alias(segs) = &item.kind {
                            let full = format!("{base}.{}", segs.join("."));
                            let short = segs.last().cloned().unwrap_or_default();
                            ctx.aliases.insert(short, full);
                        }
                    }
                }
                ("alias", [target]) | ("alias", [target, _]) => {
                    let full = match &target.kind {
                        Kind::Alias(segs) => alias_atom(&ctx, segs),
                        _ => {
                            self.unsupported(target.span, "this alias");
                            continue;
                        }
                    };
                    let short = match args.get(1).and_then(|k| k.keyword()).and_then(|k| {
                        k.into_iter()
                            .find(|(k, _)| *k == "as")
                            .map(|(_, v)| v.clone())
                    }) {
                        Some(Ast {
                            kind: Kind::Alias(s),
                            ..
                        }) => s.join("."),
                        _ => full.rsplit('.').next().unwrap_or("").to_string(),
                    };
                    ctx.aliases.insert(short, full);
                }
                ("import", [target, ..]) => match &target.kind {
                    Kind::Alias(segs) => ctx.imports.push(alias_atom(&ctx, segs)),
                    Kind::Atom(a) => ctx.imports.push(a.clone()),
                    _ => self.unsupported(target.span, "this import"),
                },
                ("require", _) => {}
                ("defguard" | "defguardp", [head]) => match guard_head(head) {
                    Some((gname, params, body)) => {
                        ctx.macros
                            .borrow_mut()
                            .guards
                            .entry(mname.clone())
                            .or_default()
                            .insert((gname, params.len()), GuardDef { params, body });
                    }
                    None => self.error(head.span, "defguard expects `name(args) when guard`"),
                },
                ("defoverridable", [what]) => match what.keyword() {
                    Some(kw) => {
                        for (n, a) in kw {
                            if let Kind::Int(a) = &a.kind {
                                overridable.insert((n.to_string(), a.parse().unwrap_or(0)));
                            }
                        }
                    }
                    None => {
                        for d in &defs {
                            overridable.insert((d.name.clone(), d.args.len()));
                        }
                    }
                },
                ("use", [target, ..])
                    if matches!(&target.kind, Kind::Alias(segs)
                        if ctx.is_macro(&alias_atom(&ctx, segs), "__using__", 1)) =>
                {
                    let m = match &target.kind {
                        Kind::Alias(segs) => alias_atom(&ctx, segs),
                        _ => String::new(),
                    };
                    let opts = args
                        .get(1)
                        .cloned()
                        .unwrap_or_else(|| Ast::new(Kind::List(Vec::new()), st.span));
                    match ctx.expand_macro(&m, "__using__", &[opts], st.span) {
                        Ok(ast) => splice(&mut pending, i, ast),
                        Err(e) => self.error(st.span, e),
                    }
                }
                ("use", [target, ..]) => {
                    let m = match &target.kind {
                        Kind::Alias(segs) => alias_atom(&ctx, segs),
                        _ => String::new(),
                    };
                    let src = match m.as_str() {
                        "Elixir.GenServer" => Some(
                            "def child_spec(arg), do: %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}}\n\
                             def handle_call(msg, _from, _state), do: exit({:bad_call, msg})\n\
                             def handle_cast(msg, _state), do: exit({:bad_cast, msg})\n\
                             def handle_info(_msg, state), do: {:noreply, state}\n\
                             def terminate(_reason, _state), do: :ok\n\
                             def code_change(_old, state, _extra), do: {:ok, state}\n",
                        ),
                        "Elixir.Agent" | "Elixir.Task" => Some(
                            "def child_spec(arg), do: %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}}\n",
                        ),
                        "Elixir.DynamicSupervisor" => Some(
                            "def child_spec(arg), do: %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, type: :supervisor}\n",
                        ),
                        "Elixir.Supervisor" => Some(
                            "def child_spec(arg), do: %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, type: :supervisor}\n",
                        ),
                        _ => None,
                    };
                    match src {
                        Some(s) => {
                            uses.push(m);
                            extra.extend(snippet(s));
                        }
                        None => self.unsupported(
                            st.span,
                            &format!("use of {}", m.trim_start_matches("Elixir.")),
                        ),
                    }
                }
                ("defmodule", [n, k]) => {
                    if let Kind::Alias(segs) = &n.kind {
                        if let Some(first) = segs.first() {
                            ctx.aliases
                                .insert(first.clone(), format!("{mname}.{first}"));
                        }
                    }
                    nested.push((n.clone(), k.clone(), st.span));
                }
                ("defdelegate", [head, kwd]) => {
                    let to = kwd.keyword().and_then(|k| {
                        k.into_iter()
                            .find(|(k, _)| *k == "to")
                            .map(|(_, v)| v.clone())
                    });
                    let as_ = kwd.keyword().and_then(|k| {
                        k.into_iter()
                            .find(|(k, _)| *k == "as")
                            .map(|(_, v)| v.clone())
                    });
                    match (def_head(head), to) {
                        (Some((fname, fargs, None)), Some(to)) => {
                            let target_name = match as_.map(|a| a.kind) {
                                Some(Kind::Atom(a)) => a,
                                _ => fname.clone(),
                            };
                            let call = Ast::new(
                                Kind::Remote {
                                    target: Box::new(to),
                                    name: target_name,
                                    args: fargs.clone(),
                                    parens: true,
                                },
                                st.span,
                            );
                            defs.push(DefClause {
                                name: fname,
                                args: fargs,
                                guard: None,
                                body: call,
                                public: true,
                                span: st.span,
                                attrs: ctx.attrs.clone(),
                            });
                        }
                        _ => self.unsupported(st.span, "this defdelegate"),
                    }
                }
                ("__block__", items) => {
                    let rest: Vec<Ast> = pending.split_off(i);
                    pending.extend(items.iter().cloned());
                    pending.extend(rest);
                }
                ("defprotocol" | "defimpl", _) => {
                    if let Some((n, k)) = self.protocol_module(kind, args, &ctx, st.span) {
                        nested.push((n, k, st.span));
                    }
                }
                _ => self.unsupported(
                    st.span,
                    &format!("`{kind}` in a module body (compile-time code)"),
                ),
            }
        }
        if !doc_examples.is_empty() {
            let body = Ast::new(
                Kind::Tuple(vec![
                    Ast::new(Kind::Str(self.file.to_string()), span),
                    Ast::new(Kind::List(doc_examples), span),
                ]),
                span,
            );
            extra.push(Ast::call(
                "def",
                vec![
                    Ast::call("__eubeam_docs__", vec![], span),
                    Ast::new(
                        Kind::List(vec![Ast::new(
                            Kind::Tuple(vec![Ast::atom("do", span), body]),
                            span,
                        )]),
                        span,
                    ),
                ],
                span,
            ));
        }
        // Generated functions the user did not define.
        let user_defined: std::collections::HashSet<(String, usize)> = defs
            .iter()
            .map(|d| (d.name.clone(), d.args.len()))
            .collect();
        for e in extra {
            if let Some(("def", [head, kwb])) = e.call_args() {
                if let Some((fname, fargs, guard)) = def_head(head) {
                    if user_defined.contains(&(fname.clone(), fargs.len())) {
                        continue;
                    }
                    let body = kwb
                        .keyword()
                        .and_then(|k| k.first().map(|(_, v)| (*v).clone()))
                        .unwrap_or_else(|| Ast::atom("nil", e.span));
                    defs.push(DefClause {
                        name: fname,
                        args: fargs,
                        guard,
                        body,
                        public: true,
                        span: Span::new(span.start, span.start),
                        attrs: ctx.attrs.clone(),
                    });
                }
            }
        }
        if !uses.is_empty() {
            // Behaviours in the module's attributes, as `use` records them.
        }
        // `defmodule` inside a function body: the module is defined with
        // the file (nested in this one, as Elixir names it), the call
        // evaluates to `{:module, Name, <<>>, nil}`.
        for d in defs.iter_mut() {
            let mut found = Vec::new();
            d.body = hoist_defmodules(&d.body, &mname, &mut found);
            for (n, k, sp) in found {
                if let Kind::Alias(segs) = &n.kind {
                    if let Some(first) = segs.first() {
                        ctx.aliases
                            .insert(first.clone(), format!("{mname}.{first}"));
                    }
                }
                nested.push((n, k, sp));
            }
        }
        // Function table (with default-argument arities).
        for d in &defs {
            let n = d.args.len() as u32;
            let defaults = d.args.iter().filter(|a| a.is_call("\\\\")).count() as u32;
            for k in (n - defaults)..=n {
                ctx.funs.insert((d.name.clone(), k));
            }
        }
        if struct_fields.is_some() {
            ctx.funs.insert(("__struct__".into(), 0));
            ctx.funs.insert(("__struct__".into(), 1));
            ctx.funs.insert(("__struct_fields__".into(), 0));
        }
        let mut functions = Vec::new();
        let mut exports = Vec::new();
        // Group clauses by name/arity in first-definition order.
        let mut order: Vec<(String, usize)> = Vec::new();
        let mut groups: HashMap<(String, usize), Vec<&DefClause>> = HashMap::new();
        for d in &defs {
            let key = (d.name.clone(), d.args.len());
            if !groups.contains_key(&key) {
                order.push(key.clone());
            }
            groups.entry(key).or_default().push(d);
        }
        for key in &order {
            let clauses = &groups[key];
            let public = clauses.iter().any(|c| c.public);
            let (f, defaults) = self.lower_function(&ctx, clauses);
            if let Some(f) = f {
                if public {
                    exports.push(f.name.clone());
                }
                functions.push(f);
            }
            for d in defaults {
                if public {
                    exports.push(d.name.clone());
                }
                functions.push(d);
            }
        }
        if let Some((fields, exception)) = struct_fields {
            let (f0, f1) = self.struct_functions(&ctx, &fields, exception);
            exports.push(f0.name.clone());
            exports.push(f1.name.clone());
            functions.push(f0);
            functions.push(f1);
            // Field names in definition order, for inspect.
            let names: Vec<Literal> = match &fields.kind {
                Kind::List(items) => items
                    .iter()
                    .filter_map(|it| match &it.kind {
                        Kind::Atom(a) => Some(Literal::atom(a.clone())),
                        Kind::Tuple(kv) if kv.len() == 2 => match &kv[0].kind {
                            Kind::Atom(a) => Some(Literal::atom(a.clone())),
                            _ => None,
                        },
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let fspan = self.lines.span(fields.span.start, fields.span.end);
            exports.push(FunName::new("__struct_fields__", 0));
            functions.push(ir::FunDef {
                name: FunName::new("__struct_fields__", 0),
                fun: ir::Fun {
                    params: vec![],
                    body: Box::new(Expr::lit(Literal::list(names), fspan)),
                    span: fspan,
                    name: None,
                },
            });
        }
        exports.sort();
        exports.dedup();
        let mspan = self.lines.span(span.start, span.end);
        let attributes = uses
            .iter()
            .map(|u| {
                (
                    "behaviour".to_string(),
                    Literal::list(vec![Literal::atom(u.clone())]),
                )
            })
            .collect();
        let module = ir::Module {
            name: mname.clone(),
            file: self.file.to_string(),
            exports,
            attributes,
            functions,
            span: mspan,
        };
        {
            let mut env = ctx.macros.borrow_mut();
            env.modules.push(module.clone());
            if !local_macros.is_empty() {
                env.macros.insert(mname, local_macros);
            }
        }
        self.modules.push(module);
        for (n, k, s) in nested {
            self.defmodule(&n, &k, &ctx, s);
        }
    }

    /// One function from its clauses, plus the functions its default
    /// arguments add (`f/1` calling `f/2` with the default filled in).
    fn lower_function(
        &mut self,
        ctx: &ModCtx,
        clauses: &[&DefClause],
    ) -> (Option<ir::FunDef>, Vec<ir::FunDef>) {
        let first = clauses[0];
        let arity = first.args.len();
        let name = first.name.clone();
        let mut defaults_out = Vec::new();
        // Defaults come from the first clause that declares them.
        if let Some(dc) = clauses
            .iter()
            .find(|c| c.args.iter().any(|a| a.is_call("\\\\")))
        {
            let n_def = dc.args.iter().filter(|a| a.is_call("\\\\")).count();
            for k in (arity - n_def)..arity {
                let mut mctx = ctx.clone();
                mctx.attrs = dc.attrs.clone();
                let mut lw = Lw::new(self.file, self.lines, &mctx);
                lw.current = format!("{name}/{k}");
                let span = lw.sp(dc.span);
                let params: Vec<String> = (0..k).map(|_| lw.temp()).collect();
                // Fill: required args from params; the first (k - required)
                // defaulted args from params too, the rest from defaults.
                let mut supplied = k - (arity - n_def);
                let mut pi = 0;
                let mut args = Vec::new();
                for a in &dc.args {
                    match a.call_args() {
                        Some(("\\\\", [_, dflt])) => {
                            if supplied > 0 {
                                supplied -= 1;
                                args.push(Expr::var(params[pi].clone(), span));
                                pi += 1;
                            } else {
                                args.push(lw.sub(dflt));
                            }
                        }
                        _ => {
                            args.push(Expr::var(params[pi].clone(), span));
                            pi += 1;
                        }
                    }
                }
                let body = Expr::new(
                    ExprKind::Apply {
                        fun: Box::new(Expr::new(
                            ExprKind::FunRef(FunName::new(name.clone(), arity as u32)),
                            span,
                        )),
                        args,
                    },
                    span,
                );
                self.diags.append(&mut lw.diags);
                defaults_out.push(ir::FunDef {
                    name: FunName::new(name.clone(), k as u32),
                    fun: ir::Fun {
                        params,
                        body: Box::new(body),
                        span,
                        name: None,
                    },
                });
            }
        }
        let real: Vec<&&DefClause> = clauses
            .iter()
            .filter(|c| !c.body.is_call("__bodiless__"))
            .collect();
        if real.is_empty() {
            return (None, defaults_out);
        }
        let mut mctx = ctx.clone();
        mctx.attrs = real[0].attrs.clone();
        let mut lw = Lw::new(self.file, self.lines, &mctx);
        lw.current = format!("{name}/{arity}");
        let span = lw.sp(first.span);
        let params: Vec<String> = (0..arity).map(|_| lw.temp()).collect();
        let mut cls = Vec::new();
        for c in &real {
            // Attributes as they were when this clause was defined.
            let cspan = lw.sp(c.span);
            lw.env.clear();
            let mut st = PatState::default();
            let pats: Vec<ir::Pattern> = c
                .args
                .iter()
                .map(|a| match a.call_args() {
                    Some(("\\\\", [p, _])) => lw.pattern(p, &mut st),
                    _ => lw.pattern(a, &mut st),
                })
                .collect();
            lw.bind(&st);
            let g = c.guard.as_ref().map(|g| lw.guard(g));
            let g = st.guard(g, cspan);
            let b = lw.block(&c.body);
            cls.push(ir::Clause {
                pats,
                guard: g,
                body: b,
                span: cspan,
            });
        }
        let body = lw.dispatch(&params, cls, span, |ps, sp| {
            Expr::match_fail(
                Expr::tuple(
                    std::iter::once(Expr::atom("function_clause", sp))
                        .chain(ps.iter().map(|p| Expr::var(p.clone(), sp)))
                        .collect(),
                    sp,
                ),
                sp,
            )
        });
        self.diags.append(&mut lw.diags);
        (
            Some(ir::FunDef {
                name: FunName::new(name, arity as u32),
                fun: ir::Fun {
                    params,
                    body: Box::new(body),
                    span,
                    name: None,
                },
            }),
            defaults_out,
        )
    }

    fn struct_functions(
        &mut self,
        ctx: &ModCtx,
        fields: &Ast,
        exception: bool,
    ) -> (ir::FunDef, ir::FunDef) {
        let mut lw = Lw::new(self.file, self.lines, ctx);
        lw.current = "__struct__/0".into();
        let span = lw.sp(fields.span);
        let mut pairs = vec![MapPair {
            op: MapOp::Assoc,
            key: Expr::atom("__struct__", span),
            value: Expr::atom(&ctx.name, span),
        }];
        if exception {
            pairs.push(MapPair {
                op: MapOp::Assoc,
                key: Expr::atom("__exception__", span),
                value: Expr::atom("true", span),
            });
        }
        let items: Vec<Ast> = match &fields.kind {
            Kind::List(items) => items.clone(),
            _ => {
                self.unsupported(fields.span, "this defstruct argument");
                Vec::new()
            }
        };
        for it in &items {
            match &it.kind {
                Kind::Atom(a) => pairs.push(MapPair {
                    op: MapOp::Assoc,
                    key: Expr::atom(a, span),
                    value: Expr::atom("nil", span),
                }),
                Kind::Tuple(kv) if kv.len() == 2 => {
                    let k = lw.expr(&kv[0]);
                    let v = lw.sub(&kv[1]);
                    pairs.push(MapPair {
                        op: MapOp::Assoc,
                        key: k,
                        value: v,
                    });
                }
                _ => {
                    self.unsupported(it.span, "this struct field");
                }
            }
        }
        self.diags.append(&mut lw.diags);
        let map = Expr::new(ExprKind::Map { base: None, pairs }, span);
        let f0 = ir::FunDef {
            name: FunName::new("__struct__", 0),
            fun: ir::Fun {
                params: vec![],
                body: Box::new(map),
                span,
                name: None,
            },
        };
        let kw = "_kw@0".to_string();
        let body = Expr::call(
            "Elixir.Kernel",
            "__struct_fill__",
            vec![
                Expr::new(
                    ExprKind::Apply {
                        fun: Box::new(Expr::new(
                            ExprKind::FunRef(FunName::new("__struct__", 0)),
                            span,
                        )),
                        args: vec![],
                    },
                    span,
                ),
                Expr::var(kw.clone(), span),
            ],
            span,
        );
        let f1 = ir::FunDef {
            name: FunName::new("__struct__", 1),
            fun: ir::Fun {
                params: vec![kw],
                body: Box::new(body),
                span,
                name: None,
            },
        };
        (f0, f1)
    }
}

/// `a` with each `defmodule Name do ... end` it holds (outside `quote`)
/// replaced by `{:module, :"Parent.Name", "", nil}`; the definitions go to
/// `found`.
fn hoist_defmodules(a: &Ast, parent: &str, found: &mut Vec<(Ast, Ast, Span)>) -> Ast {
    let k = match &a.kind {
        Kind::Call { name, args, .. } if name == "defmodule" && args.len() == 2 => {
            if let Kind::Alias(segs) = &args[0].kind {
                found.push((args[0].clone(), args[1].clone(), a.span));
                let full = format!("{parent}.{}", segs.join("."));
                return Ast::new(
                    Kind::Tuple(vec![
                        Ast::atom("module", a.span),
                        Ast::atom(&full, a.span),
                        Ast::new(Kind::Str(String::new()), a.span),
                        Ast::atom("nil", a.span),
                    ]),
                    a.span,
                );
            }
            a.kind.clone()
        }
        Kind::Call { name, .. } if name == "quote" => a.kind.clone(),
        Kind::Call { name, args, parens } => Kind::Call {
            name: name.clone(),
            args: args
                .iter()
                .map(|x| hoist_defmodules(x, parent, found))
                .collect(),
            parens: *parens,
        },
        Kind::List(items) => Kind::List(
            items
                .iter()
                .map(|x| hoist_defmodules(x, parent, found))
                .collect(),
        ),
        Kind::Tuple(items) => Kind::Tuple(
            items
                .iter()
                .map(|x| hoist_defmodules(x, parent, found))
                .collect(),
        ),
        Kind::Remote {
            target,
            name,
            args,
            parens,
        } => Kind::Remote {
            target: Box::new(hoist_defmodules(target, parent, found)),
            name: name.clone(),
            args: args
                .iter()
                .map(|x| hoist_defmodules(x, parent, found))
                .collect(),
            parens: *parens,
        },
        Kind::Apply { fun, args } => Kind::Apply {
            fun: Box::new(hoist_defmodules(fun, parent, found)),
            args: args
                .iter()
                .map(|x| hoist_defmodules(x, parent, found))
                .collect(),
        },
        other => other.clone(),
    };
    Ast::new(k, a.span)
}

/// Puts a macro's expansion at `i` of a module body (a block's statements
/// one by one).
fn splice(pending: &mut Vec<Ast>, i: usize, ast: Ast) {
    let items = match ast.call_args() {
        Some(("__block__", items)) => items.to_vec(),
        _ => vec![ast],
    };
    let rest = pending.split_off(i);
    pending.extend(items);
    pending.extend(rest);
}

/// One documented item with examples for `__eubeam_docs__/0`:
/// `{what, first_line, text}` (what: `:moduledoc` or `{name, arity}`).
fn doc_entry(what: Ast, line: u32, text: &str, span: Span) -> Ast {
    Ast::new(
        Kind::Tuple(vec![
            what,
            Ast::new(Kind::Int(line.to_string()), span),
            Ast::new(Kind::Str(text.to_string()), span),
        ]),
        span,
    )
}

/// `defguard name(a, b) when expr` → (name, params, expr).
fn guard_head(head: &Ast) -> Option<(String, Vec<String>, Ast)> {
    let (name, args, guard) = def_head(head)?;
    let params = args
        .iter()
        .map(|a| match &a.kind {
            Kind::Var(v) => Some(v.clone()),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some((name, params, guard?))
}

/// `name(args) when guard` → (name, args, guard).
fn def_head(head: &Ast) -> Option<(String, Vec<Ast>, Option<Ast>)> {
    match &head.kind {
        Kind::Call { name, args, .. } if name == "when" && args.len() == 2 => {
            let (n, a, _) = def_head(&args[0])?;
            Some((n, a, Some(args[1].clone())))
        }
        Kind::Call { name, args, .. } => Some((name.clone(), args.clone(), None)),
        // A name from a macro's quote carries its hygiene context.
        Kind::Var(name) => Some((
            crate::quoted::unhygienic(name).to_string(),
            Vec::new(),
            None,
        )),
        _ => None,
    }
}
