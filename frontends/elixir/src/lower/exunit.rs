//! ExUnit's compile-time half. A module that does `use ExUnit.Case` has its
//! `test`, `describe`, `setup`/`setup_all` and `@tag`/`@moduletag`/
//! `@describetag` forms rewritten here into plain `def`s (a test is
//! `def :"test name"(context)`, as ExUnit names it) plus one `__ex_unit__/0`
//! describing the tests for the runner in lib/ex_unit.ex. The assertion
//! macros (`assert`, `refute`, `assert_receive`, `catch_error`, ...) are
//! expanded here into code that raises `ExUnit.AssertionError` from the test
//! function itself, so the failure's stack frame is the test's line.
//!
//! Expansions are written as Elixir templates whose `exu_*__` variables are
//! replaced by the user's code ([`template`]).

use std::collections::HashSet;

use eubeam_ir::span::LineIndex;

use crate::ast::{Ast, Kind, Span};

/// The module the assertion functions and error live in.
pub const ASSERTIONS: &str = "Elixir.ExUnit.Assertions";

/// The names of the forms a `use ExUnit.Case` module body may hold.
pub const MARK_DESCRIBE: &str = "__exu_describe__";
pub const MARK_DESCRIBE_END: &str = "__exu_describe_end__";
pub const MARK_FINISH: &str = "__exu_finish__";

struct Describe {
    name: String,
    line: u32,
    tags: Vec<Ast>,
    setups: Vec<String>,
    /// `__ex_unit_describe_N`: runs `setups` in order.
    fun: String,
    span: Span,
}

/// What a test module's body declared so far.
pub struct CaseState {
    async_: bool,
    moduletags: Vec<Ast>,
    pending_tags: Vec<Ast>,
    describe: Option<Describe>,
    setups: Vec<String>,
    setup_all: Vec<String>,
    /// Metadata tuples per test, in definition order.
    tests: Vec<Ast>,
    /// `doctest Mod` forms.
    doctests: Vec<Ast>,
    /// `def`s of the describe blocks' setup chains.
    describe_defs: Vec<Ast>,
    names: HashSet<String>,
    /// Callbacks defined so far, by kind (`__ex_unit_setup_N`...).
    counters: std::collections::HashMap<&'static str, usize>,
    describes: usize,
}

/// Where the generated code comes from: the file and its text.
pub struct Source<'a> {
    pub file: &'a str,
    pub src: &'a str,
    pub lines: &'a LineIndex,
}

fn kw_do(body: Ast, span: Span) -> Ast {
    Ast::new(
        Kind::List(vec![Ast::new(
            Kind::Tuple(vec![Ast::atom("do", span), body]),
            span,
        )]),
        span,
    )
}

fn def(name: &str, params: Vec<Ast>, body: Ast, span: Span) -> Ast {
    Ast::call(
        "def",
        vec![Ast::call(name, params, span), kw_do(body, span)],
        span,
    )
}

fn list(items: Vec<Ast>, span: Span) -> Ast {
    Ast::new(Kind::List(items), span)
}

fn tuple(items: Vec<Ast>, span: Span) -> Ast {
    Ast::new(Kind::Tuple(items), span)
}

fn string(s: &str, span: Span) -> Ast {
    Ast::new(Kind::Str(s.to_string()), span)
}

fn int(n: u32, span: Span) -> Ast {
    Ast::new(Kind::Int(n.to_string()), span)
}

fn var(name: &str, span: Span) -> Ast {
    Ast::new(Kind::Var(name.to_string()), span)
}

/// The do-block of a trailing keyword argument.
fn do_block(kw: &Ast) -> Option<Ast> {
    kw.keyword()?
        .into_iter()
        .find(|(k, _)| *k == "do")
        .map(|(_, v)| v.clone())
}

/// `@tag :a` / `@tag a: 1, b: 2` as `{key, value}` tuples.
fn tag_pairs(v: &Ast) -> Option<Vec<Ast>> {
    match &v.kind {
        Kind::Atom(_) => Some(vec![tuple(
            vec![v.clone(), Ast::atom("true", v.span)],
            v.span,
        )]),
        Kind::List(items) => {
            let mut out = Vec::new();
            for i in items {
                match &i.kind {
                    Kind::Tuple(kv) if kv.len() == 2 => out.push(i.clone()),
                    Kind::Atom(_) => out.extend(tag_pairs(i)?),
                    _ => return None,
                }
            }
            Some(out)
        }
        _ => None,
    }
}

impl CaseState {
    /// `use ExUnit.Case` with its options (`async: true`).
    pub fn new(opts: Option<&Ast>) -> CaseState {
        let async_ = opts
            .and_then(|o| o.keyword())
            .and_then(|kw| {
                kw.into_iter()
                    .find(|(k, _)| *k == "async")
                    .map(|(_, v)| matches!(&v.kind, Kind::Atom(a) if a == "true"))
            })
            .unwrap_or(false);
        CaseState {
            async_,
            moduletags: Vec::new(),
            pending_tags: Vec::new(),
            describe: None,
            setups: Vec::new(),
            setup_all: Vec::new(),
            tests: Vec::new(),
            doctests: Vec::new(),
            describe_defs: Vec::new(),
            names: HashSet::new(),
            counters: std::collections::HashMap::new(),
            describes: 0,
        }
    }

    /// One statement of the module body: `None` when it is not an ExUnit
    /// form, else the statements to put in its place (or an error).
    pub fn body_form(&mut self, st: &Ast, s: &Source) -> Option<Result<Vec<Ast>, String>> {
        let (kind, args) = st.call_args()?;
        let span = st.span;
        Some(match (kind, args) {
            ("@", [attr]) => {
                let (name, value) = match attr.call_args() {
                    Some((n @ ("tag" | "moduletag" | "describetag"), [v])) => (n, v),
                    _ => return None,
                };
                let Some(pairs) = tag_pairs(value) else {
                    return Some(Err(format!("@{name} expects an atom or a keyword list")));
                };
                match name {
                    "tag" => self.pending_tags.extend(pairs),
                    "moduletag" => self.moduletags.extend(pairs),
                    _ => match &mut self.describe {
                        Some(d) => d.tags.extend(pairs),
                        None => {
                            return Some(Err(
                                "@describetag must be set inside describe/2 blocks".into()
                            ))
                        }
                    },
                }
                Ok(Vec::new())
            }
            ("test", [name]) => {
                // A test without a body: not implemented yet, as ExUnit says.
                let body = Ast::call("flunk", vec![string("Not implemented", span)], span);
                self.pending_tags.push(tuple(
                    vec![Ast::atom("not_implemented", span), Ast::atom("true", span)],
                    span,
                ));
                self.test(name, None, body, span, s)
            }
            ("test", [name, kw]) if do_block(kw).is_some() => {
                let body = do_block(kw).unwrap_or_else(|| Ast::atom("nil", span));
                self.test(name, None, body, span, s)
            }
            ("test", [name, ctx, kw]) if do_block(kw).is_some() => {
                let body = do_block(kw).unwrap_or_else(|| Ast::atom("nil", span));
                self.test(name, Some(ctx.clone()), body, span, s)
            }
            ("describe", [name, kw]) => {
                let Kind::Str(n) = &name.kind else {
                    return Some(Err("describe/2 expects a string as its name".into()));
                };
                if self.describe.is_some() {
                    return Some(Err(
                        "cannot call \"describe\" inside another \"describe\". See the documentation for ExUnit.Case.describe/2 on named setups and how to handle hierarchies".into(),
                    ));
                }
                let Some(body) = do_block(kw) else {
                    return Some(Err("describe/2 expects a do block".into()));
                };
                let mut out = vec![Ast::call(
                    MARK_DESCRIBE,
                    vec![string(n, name.span), int(s.lines.line(span.start), span)],
                    span,
                )];
                match body.call_args() {
                    Some(("__block__", items)) => out.extend(items.iter().cloned()),
                    _ => out.push(body),
                }
                out.push(Ast::call(MARK_DESCRIBE_END, vec![], span));
                Ok(out)
            }
            (MARK_DESCRIBE, [name, line]) => {
                let n = match &name.kind {
                    Kind::Str(n) => n.clone(),
                    _ => String::new(),
                };
                let line = match &line.kind {
                    Kind::Int(l) => l.parse().unwrap_or(0),
                    _ => 0,
                };
                let fun = format!("__ex_unit_describe_{}", self.describes);
                self.describes += 1;
                self.describe = Some(Describe {
                    name: n,
                    line,
                    tags: Vec::new(),
                    setups: Vec::new(),
                    fun,
                    span,
                });
                Ok(Vec::new())
            }
            (MARK_DESCRIBE_END, []) => {
                if let Some(d) = self.describe.take() {
                    if !d.setups.is_empty() {
                        self.describe_defs
                            .push(chain(&d.fun, None, &d.setups, d.span));
                    }
                }
                Ok(Vec::new())
            }
            (which @ ("setup" | "setup_all"), args) => self.setup(which == "setup_all", args, span),
            ("doctest", [target, rest @ ..]) => {
                // `{module, line, import?, tests defined before}`: the
                // runner reads the module's examples (`__eubeam_docs__/0`).
                let import = rest
                    .first()
                    .and_then(|o| o.keyword())
                    .and_then(|kw| {
                        kw.into_iter()
                            .find(|(k, _)| *k == "import")
                            .map(|(_, v)| matches!(&v.kind, Kind::Atom(a) if a == "true"))
                    })
                    .unwrap_or(false);
                self.doctests.push(tuple(
                    vec![
                        target.clone(),
                        int(s.lines.line(span.start), span),
                        Ast::atom(if import { "true" } else { "false" }, span),
                        int(self.tests.len() as u32, span),
                    ],
                    span,
                ));
                Ok(Vec::new())
            }
            (MARK_FINISH, []) => Ok(vec![self.finish(span, s)]),
            _ => return None,
        })
    }

    fn test(
        &mut self,
        name: &Ast,
        ctx: Option<Ast>,
        body: Ast,
        span: Span,
        s: &Source,
    ) -> Result<Vec<Ast>, String> {
        let Kind::Str(n) = &name.kind else {
            return Err("not supported yet: a test name that is not a string literal".into());
        };
        let full = match &self.describe {
            Some(d) => format!("test {} {n}", d.name),
            None => format!("test {n}"),
        };
        if !self.names.insert(full.clone()) {
            return Err(format!("\"{full}\" is already defined in this module"));
        }
        let line = s.lines.line(span.start);
        let mut tags = Vec::new();
        if let Some(d) = &self.describe {
            tags.extend(d.tags.iter().cloned());
        }
        tags.append(&mut self.pending_tags);
        let (describe, describe_line) = match &self.describe {
            Some(d) => (string(&d.name, span), int(d.line, span)),
            None => (Ast::atom("nil", span), Ast::atom("nil", span)),
        };
        // A describe's setups run after the module's, through one function.
        let dsetup = match &self.describe {
            Some(d) if !d.setups.is_empty() => Ast::atom(&d.fun, span),
            _ => Ast::atom("nil", span),
        };
        // The test's source lines, for the `code:` of a failure that is
        // not an assertion (ExUnit reads them from the file).
        let first = line;
        let text = s.src.get(span.start..span.end).unwrap_or("");
        let start_of_line = s.src[..span.start.min(s.src.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let prefix = s.src.get(start_of_line..span.start).unwrap_or("");
        let code_lines: Vec<Ast> = format!("{prefix}{text}")
            .lines()
            .map(|l| string(l.trim(), span))
            .collect();
        let meta = tuple(
            vec![
                Ast::atom(&full, span),
                int(line, span),
                describe,
                describe_line,
                list(tags, span),
                int(first, span),
                list(code_lines, span),
                dsetup,
            ],
            span,
        );
        self.tests.push(meta);
        let param = ctx.unwrap_or_else(|| var("_", span));
        let body = Ast::call("__block__", vec![body, Ast::atom("ok", span)], span);
        Ok(vec![def(&full, vec![param], body, span)])
    }

    fn setup(&mut self, all: bool, args: &[Ast], span: Span) -> Result<Vec<Ast>, String> {
        let which = if all { "setup_all" } else { "setup" };
        let mut out = Vec::new();
        let mut names = Vec::new();
        match args {
            [kw] if do_block(kw).is_some() => {
                let body = do_block(kw).unwrap_or_else(|| Ast::atom("nil", span));
                let n = self.fresh(which);
                out.push(def(&n, vec![var("_", span)], body, span));
                names.push(n);
            }
            [ctx, kw] if do_block(kw).is_some() => {
                let body = do_block(kw).unwrap_or_else(|| Ast::atom("nil", span));
                let n = self.fresh(which);
                out.push(def(&n, vec![ctx.clone()], body, span));
                names.push(n);
            }
            [Ast {
                kind: Kind::Atom(a),
                ..
            }] => names.push(a.clone()),
            [Ast {
                kind: Kind::List(items),
                ..
            }] => {
                for i in items {
                    match &i.kind {
                        Kind::Atom(a) => names.push(a.clone()),
                        _ => {
                            return Err(format!(
                            "not supported yet: {which} with something other than function names"
                        ))
                        }
                    }
                }
            }
            _ => return Err(format!("not supported yet: this form of {which}")),
        }

        if all {
            if self.describe.is_some() {
                return Err("cannot invoke setup_all/1-2 inside describe as setup_all always applies to all tests in a module".into());
            }
            self.setup_all.extend(names);
        } else {
            match &mut self.describe {
                Some(d) => d.setups.extend(names),
                None => self.setups.extend(names),
            }
        }
        Ok(out)
    }

    fn fresh(&mut self, which: &'static str) -> String {
        let n = self.counters.entry(which).or_insert(0);
        *n += 1;
        format!("__ex_unit_{which}_{}", *n - 1)
    }

    /// `def __ex_unit__()`: the module's tests for lib/ex_unit.ex, and
    /// `__ex_unit__(:setup_all | :setup, context)` running the callbacks
    /// (ExUnit's own names, so stack traces read the same).
    fn finish(&mut self, span: Span, s: &Source) -> Ast {
        let pair = |k: &str, v: Ast| tuple(vec![Ast::atom(k, span), v], span);
        let info = list(
            vec![
                pair(
                    "async",
                    Ast::atom(if self.async_ { "true" } else { "false" }, span),
                ),
                pair("file", string(s.file, span)),
                pair("moduletags", list(self.moduletags.clone(), span)),
                pair("tests", list(self.tests.clone(), span)),
                pair("doctests", list(self.doctests.clone(), span)),
            ],
            span,
        );
        let mut defs = vec![
            def("__ex_unit__", vec![], info, span),
            chain("__ex_unit__", Some("setup_all"), &self.setup_all, span),
            chain("__ex_unit__", Some("setup"), &self.setups, span),
        ];
        defs.append(&mut self.describe_defs);
        Ast::call("__block__", defs, span)
    }
}

/// `def name([:kind,] context)` calling each callback with the context and
/// merging what it returns.
fn chain(name: &str, kind: Option<&str>, callbacks: &[String], span: Span) -> Ast {
    let ctx = || var("exu_ctx__", span);
    let mut body = Vec::new();
    for c in callbacks {
        let merged = Ast::new(
            Kind::Remote {
                target: Box::new(Ast::new(
                    Kind::Alias(vec!["ExUnit".into(), "Callbacks".into()]),
                    span,
                )),
                name: "__merge__".into(),
                args: vec![
                    var("__MODULE__", span),
                    ctx(),
                    Ast::call(c, vec![ctx()], span),
                ],
                parens: true,
            },
            span,
        );
        body.push(Ast::call("=", vec![ctx(), merged], span));
    }
    body.push(ctx());
    let mut params = Vec::new();
    if let Some(k) = kind {
        params.push(Ast::atom(k, span));
    }
    params.push(ctx());
    def(name, params, Ast::call("__block__", body, span), span)
}

// ---- assertion macros ------------------------------------------------------

/// The Elixir source of one expansion, parsed once per use.
fn parse_template(src: &str) -> Ast {
    let forms = crate::parser::parse(src).0;
    Ast::call("__block__", forms, Span::default())
}

/// The template with its `exu_*__` variables replaced by `subst`'s code and
/// every node of its own carrying `span` (the assertion's line).
pub fn template(src: &str, subst: &[(&str, Ast)], span: Span) -> Ast {
    fn walk(a: &Ast, subst: &[(&str, Ast)], span: Span) -> Ast {
        let k = match &a.kind {
            Kind::Var(v) => {
                if let Some((_, r)) = subst.iter().find(|(n, _)| n == v) {
                    return r.clone();
                }
                a.kind.clone()
            }
            Kind::List(items) => Kind::List(items.iter().map(|x| walk(x, subst, span)).collect()),
            Kind::Tuple(items) => Kind::Tuple(items.iter().map(|x| walk(x, subst, span)).collect()),
            Kind::Call { name, args, parens } => Kind::Call {
                name: name.clone(),
                args: args.iter().map(|x| walk(x, subst, span)).collect(),
                parens: *parens,
            },
            Kind::Remote {
                target,
                name,
                args,
                parens,
            } => Kind::Remote {
                target: Box::new(walk(target, subst, span)),
                name: name.clone(),
                args: args.iter().map(|x| walk(x, subst, span)).collect(),
                parens: *parens,
            },
            Kind::Apply { fun, args } => Kind::Apply {
                fun: Box::new(walk(fun, subst, span)),
                args: args.iter().map(|x| walk(x, subst, span)).collect(),
            },
            other => other.clone(),
        };
        Ast::new(k, span)
    }
    walk(&parse_template(src), subst, span)
}

/// The operators `assert`/`refute` report with `left:` and `right:`.
const OPERATORS: &[&str] = &["==", "<", ">", "<=", ">=", "===", "=~", "!==", "!=", "in"];

/// The source text of an expression, on one line as ExUnit prints it
/// (`Macro.to_string`; continuation lines keep their relative indent).
pub fn code_of(src: &str, a: &Ast) -> String {
    let text = sigils_as_printed(src.get(a.span.start..a.span.end).unwrap_or("").trim());
    let text = text.as_str();
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("").to_string();
    let rest: Vec<&str> = lines.collect();
    if rest.is_empty() {
        return first;
    }
    // Dedent continuation lines to the indentation of the last one (the
    // `end` or closing bracket lines up with the start of the expression).
    let indent = rest.last().map_or(0, |l| l.len() - l.trim_start().len());
    let mut out = first;
    for l in rest {
        out.push('\n');
        let cut = (l.len() - l.trim_start().len()).min(indent);
        out.push_str(&l[cut..]);
    }
    out
}

/// Sigils outside string literals with `"` delimiters, as `Macro.to_string`
/// prints them (the quoted code ExUnit keeps has lost the delimiter the
/// source used): `~r/a+/i` → `~r"a+"i`. A sigil whose text holds a `"`
/// stays as written.
fn sigils_as_printed(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut in_string = false;
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                    i += 1;
                }
            } else if c == '"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        if c == '"' {
            in_string = true;
            out.push(c);
            i += 1;
            continue;
        }
        let sigil = c == '~'
            && chars.get(i + 1).is_some_and(|l| l.is_ascii_alphabetic())
            && chars.get(i + 2).is_some_and(|d| "/|'([{<".contains(*d));
        if sigil {
            let open = chars[i + 2];
            let close = match open {
                '(' => ')',
                '[' => ']',
                '{' => '}',
                '<' => '>',
                d => d,
            };
            let mut j = i + 3;
            while j < chars.len() && chars[j] != close {
                if chars[j] == '\\' {
                    j += 1;
                }
                j += 1;
            }
            if j < chars.len() {
                let body: String = chars[i + 3..j].iter().collect();
                if !body.contains('"') {
                    out.push('~');
                    out.push(chars[i + 1]);
                    out.push('"');
                    out.push_str(&body);
                    out.push('"');
                    i = j + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// An assertion macro call (`assert x == y`, `assert_receive ...`,
/// `catch_error(...)`) as the code to lower instead, or `None` for the
/// function forms (`assert(value, message)`, `flunk`, `assert_raise`...),
/// which are plain calls to ExUnit.Assertions.
pub fn expand_assertion(src: &str, name: &str, args: &[Ast], span: Span) -> Option<Ast> {
    let code = |a: &Ast| string(&code_of(src, a), span);
    Some(match (name, args) {
        ("assert" | "refute", [e]) => {
            let assert = name == "assert";
            let expr = string(&format!("{name} {}", code_of(src, e)), span);
            match e.call_args() {
                Some(("=", [l, r])) if assert => {
                    // Match, then bind the pattern's variables for the code after.
                    template(
                        "exu_r__ = exu_right__\n\
                         case exu_r__ do\n\
                           exu_left__ -> :ok\n\
                           _ -> :erlang.error(ExUnit.AssertionError.exception(left: {:__exu_code__, exu_lcode__}, right: exu_r__, expr: exu_expr__, message: \"match (=) failed\", context: :match))\n\
                         end\n\
                         exu_left__ = exu_r__\n\
                         if exu_r__, do: exu_r__, else: :erlang.error(ExUnit.AssertionError.exception(expr: exu_expr__, message: \"Expected truthy, got \" <> inspect(exu_r__)))",
                        &[
                            ("exu_right__", r.clone()),
                            ("exu_left__", l.clone()),
                            ("exu_lcode__", code(l)),
                            ("exu_expr__", expr),
                        ],
                        span,
                    )
                }
                Some(("match?", [l, r])) => {
                    let (check, msg) = if assert {
                        ("exu_ok__", "match (match?) failed")
                    } else {
                        (
                            "!exu_ok__",
                            "match (match?) succeeded, but should have failed",
                        )
                    };
                    template(
                        &format!(
                            "exu_r__ = exu_right__\n\
                             exu_ok__ = match?(exu_left__, exu_r__)\n\
                             if {check}, do: {assert}, else: :erlang.error(ExUnit.AssertionError.exception(left: {{:__exu_code__, exu_lcode__}}, right: exu_r__, expr: exu_expr__, message: \"{msg}\", context: :match))"
                        ),
                        &[
                            ("exu_right__", r.clone()),
                            ("exu_left__", l.clone()),
                            ("exu_lcode__", code(l)),
                            ("exu_expr__", expr),
                        ],
                        span,
                    )
                }
                Some((op, [l, r])) if OPERATORS.contains(&op) => {
                    let test = if assert {
                        format!("exu_l__ {op} exu_r__")
                    } else {
                        format!("!(exu_l__ {op} exu_r__)")
                    };
                    template(
                        &format!(
                            "exu_l__ = exu_left__\n\
                             exu_r__ = exu_right__\n\
                             if {test}, do: {assert}, else: :erlang.error(ExUnit.Assertions.__operator_error__(:{name}, :\"{op}\", exu_l__, exu_r__, exu_expr__))"
                        ),
                        &[
                            ("exu_left__", l.clone()),
                            ("exu_right__", r.clone()),
                            ("exu_expr__", expr),
                        ],
                        span,
                    )
                }
                _ => {
                    let (yes, no, msg) = if assert {
                        ("exu_v__", "exu_fail__", "Expected truthy, got ")
                    } else {
                        ("exu_fail__", "exu_v__", "Expected false or nil, got ")
                    };
                    let src = format!(
                        "exu_v__ = exu_value__\n\
                         if exu_v__, do: {yes}, else: {no}"
                    );
                    let fail = template(
                        &format!(
                            ":erlang.error(ExUnit.AssertionError.exception(expr: exu_expr__, message: \"{msg}\" <> inspect(exu_v__)))"
                        ),
                        &[("exu_expr__", expr)],
                        span,
                    );
                    template(
                        &src,
                        &[("exu_value__", e.clone()), ("exu_fail__", fail)],
                        span,
                    )
                }
            }
        }
        ("assert_receive" | "assert_received", [pat, rest @ ..]) => {
            let received = name == "assert_received";
            if received && rest.len() > 1 || rest.len() > 2 {
                return None;
            }
            let (timeout, message) = if received {
                (int(0, span), rest.first().cloned())
            } else {
                (
                    rest.first().cloned().unwrap_or_else(|| {
                        template(
                            "ExUnit.Assertions.__timeout__(:assert_receive_timeout)",
                            &[],
                            span,
                        )
                    }),
                    rest.get(1).cloned(),
                )
            };
            let (bare, _) = match pat.call_args() {
                Some(("when", [p, g])) => (p.clone(), Some(g.clone())),
                _ => (pat.clone(), None),
            };
            let fail = match message {
                Some(m) => template(
                    ":erlang.error(ExUnit.AssertionError.exception(message: exu_msg__))",
                    &[("exu_msg__", m)],
                    span,
                ),
                None => template(
                    ":erlang.error(ExUnit.Assertions.__receive_error__(exu_t__, exu_pcode__, exu_expr__))",
                    &[
                        ("exu_pcode__", code(&bare)),
                        (
                            "exu_expr__",
                            string(&format!("{name} {}", code_of(src, &bare)), span),
                        ),
                    ],
                    span,
                ),
            };
            // The clause `pattern -> received` with the pattern's guard.
            let clause_head = match pat.call_args() {
                Some(("when", [p, g])) => Ast::call(
                    "when",
                    vec![
                        Ast::call("=", vec![p.clone(), var("exu_m__", span)], span),
                        g.clone(),
                    ],
                    span,
                ),
                _ => Ast::call("=", vec![pat.clone(), var("exu_m__", span)], span),
            };
            template(
                "exu_t__ = exu_timeout__\n\
                 exu_got__ = receive do\n\
                   exu_head__ -> exu_m__\n\
                 after\n\
                   exu_t__ -> exu_fail__\n\
                 end\n\
                 exu_bare__ = exu_got__",
                &[
                    ("exu_timeout__", timeout),
                    ("exu_head__", clause_head),
                    ("exu_fail__", fail),
                    ("exu_bare__", bare),
                ],
                span,
            )
        }
        ("refute_receive" | "refute_received", [pat, rest @ ..]) => {
            let received = name == "refute_received";
            if received && rest.len() > 1 || rest.len() > 2 {
                return None;
            }
            let (timeout, message) = if received {
                (int(0, span), rest.first().cloned())
            } else {
                (
                    rest.first().cloned().unwrap_or_else(|| {
                        template(
                            "ExUnit.Assertions.__timeout__(:refute_receive_timeout)",
                            &[],
                            span,
                        )
                    }),
                    rest.get(1).cloned(),
                )
            };
            let fail = match message {
                Some(m) => template(
                    ":erlang.error(ExUnit.AssertionError.exception(message: exu_msg__))",
                    &[("exu_msg__", m)],
                    span,
                ),
                None => template(
                    ":erlang.error(ExUnit.AssertionError.exception(expr: exu_expr__, message: \"Unexpectedly received message \" <> inspect(exu_m__) <> \" (which matched \" <> exu_pcode__ <> \")\"))",
                    &[
                        ("exu_pcode__", code(pat)),
                        (
                            "exu_expr__",
                            string(&format!("{name} {}", code_of(src, pat)), span),
                        ),
                    ],
                    span,
                ),
            };
            let clause_head = match pat.call_args() {
                Some(("when", [p, g])) => Ast::call(
                    "when",
                    vec![
                        Ast::call("=", vec![p.clone(), var("exu_m__", span)], span),
                        g.clone(),
                    ],
                    span,
                ),
                _ => Ast::call("=", vec![pat.clone(), var("exu_m__", span)], span),
            };
            template(
                "receive do\n\
                   exu_head__ -> exu_fail__\n\
                 after\n\
                   exu_timeout__ -> false\n\
                 end",
                &[
                    ("exu_timeout__", timeout),
                    ("exu_head__", clause_head),
                    ("exu_fail__", fail),
                ],
                span,
            )
        }
        (kind @ ("catch_error" | "catch_throw" | "catch_exit"), [e]) => {
            let k = &kind["catch_".len()..];
            template(
                &format!(
                    "exu_c__ = try do\n\
                       _ = exu_expr__\n\
                       :__exu_nothing__\n\
                     catch\n\
                       :{k}, exu_v__ -> {{:__exu_caught__, exu_v__}}\n\
                     end\n\
                     case exu_c__ do\n\
                       {{:__exu_caught__, exu_v__}} -> exu_v__\n\
                       _ -> :erlang.error(ExUnit.AssertionError.exception(message: \"Expected to catch {k}, got nothing\"))\n\
                     end"
                ),
                &[("exu_expr__", e.clone())],
                span,
            )
        }
        _ => return None,
    })
}
