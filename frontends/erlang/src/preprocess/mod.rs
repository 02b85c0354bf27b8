//! The preprocessor, as OTP's `epp` does it, on tokens: `-define` (with and
//! without arguments, overloaded by arity), `?MACRO` and `?MACRO(Args)`,
//! `??Arg`, the predefined macros, `-undef`, conditional compilation
//! (`-ifdef`, `-ifndef`, `-if`, `-elif`, `-else`, `-endif`), `-include`,
//! `-include_lib`, `-error`, `-warning`, and `-feature(maybe_expr, enable)`.
//!
//! The output is the token stream the parser sees, with every directive form
//! removed. Spans stay in the main file's coordinates: a token that came
//! from a macro body carries the span of the macro call, and a token read
//! from an included file carries the span of the `-include` string (so run-
//! time lines of code from a header are the include line; diagnostics about
//! a header say which header in a note).
//!
//! Invariant: the preprocessor never loops: macro expansion is bounded by
//! [`MAX_EXPANSION_DEPTH`] and includes by [`MAX_INCLUDE_DEPTH`].

mod cond;
mod include;
mod macros;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use chumsky::span::SimpleSpan;
use eubeam_ir::span::LineIndex;
use eubeam_ir::Diagnostic;

use crate::lexer::Tok;
use crate::parser;

pub use include::otp_lib_dir;
use macros::MacroDef;

/// Nested macro expansions deeper than this are reported as circular.
pub const MAX_EXPANSION_DEPTH: usize = 100;
/// Include files nested deeper than this are reported (epp's limit is 100 too).
pub const MAX_INCLUDE_DEPTH: usize = 100;

pub type Token = (Tok, SimpleSpan);

/// Include directories given on the command line (`eubeam run -I DIR`).
/// Global because the CLI configures the frontend once, before compiling
/// anything, and the `Frontend` trait carries only the source file.
static INCLUDE_PATHS: RwLock<Vec<PathBuf>> = RwLock::new(Vec::new());

/// Sets the `-I` include directories used by every later compilation.
pub fn set_include_paths(paths: Vec<PathBuf>) {
    match INCLUDE_PATHS.write() {
        Ok(mut g) => *g = paths,
        Err(poisoned) => *poisoned.into_inner() = paths,
    }
}

fn include_paths() -> Vec<PathBuf> {
    match INCLUDE_PATHS.read() {
        Ok(g) => g.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

/// Where a token stream being preprocessed came from.
struct Source {
    /// The file's path (for `?FILE` and relative includes).
    path: PathBuf,
    /// `Some(span)` for an included file: every token is given this span
    /// (the `-include` string in the main file).
    at: Option<SimpleSpan>,
    /// Line starts of the file, for `?LINE` and header diagnostics.
    lines: LineIndex,
}

/// One open `-if`/`-ifdef`/`-ifndef` section.
struct Cond {
    /// Whether the enclosing section is being kept.
    parent_active: bool,
    /// Whether the current branch is being kept.
    active: bool,
    /// Whether some branch was kept already (later `-elif`/`-else` are skipped).
    taken: bool,
    seen_else: bool,
    span: SimpleSpan,
    what: &'static str,
}

pub struct Preprocessor {
    /// The main file's name as the user gave it (diagnostics, `?FILE`).
    file: String,
    macros: HashMap<String, Vec<MacroDef>>,
    module: Option<String>,
    conds: Vec<Cond>,
    out: Vec<Token>,
    diags: Vec<Diagnostic>,
    include_depth: usize,
    include_dirs: Vec<PathBuf>,
    /// `-feature(maybe_expr, enable)` seen: `maybe` and `else` are keywords.
    maybe_expr: bool,
}

/// Preprocesses the tokens of the main file `file` whose text is `src`.
pub fn preprocess(tokens: Vec<Token>, file: &str, src: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut pp = Preprocessor {
        file: file.to_string(),
        macros: HashMap::new(),
        module: None,
        conds: Vec::new(),
        out: Vec::with_capacity(tokens.len()),
        diags: Vec::new(),
        include_depth: 0,
        include_dirs: include_paths(),
        maybe_expr: false,
    };
    let source = Source {
        path: PathBuf::from(file),
        at: None,
        lines: LineIndex::new(src),
    };
    pp.run(&tokens, &source);
    if let Some(c) = pp.conds.last() {
        let span = c.span.into_range();
        let msg = format!("unterminated '-{}'", c.what);
        pp.diags
            .push(Diagnostic::error(file, span.clone(), msg.clone()).with_label(span, msg));
    }
    (pp.out, pp.diags)
}

/// Directives that take effect even inside a skipped section.
const CONDITIONALS: &[&str] = &["ifdef", "ifndef", "if", "elif", "else", "endif"];
const DIRECTIVES: &[&str] = &[
    "define",
    "undef",
    "include",
    "include_lib",
    "error",
    "warning",
    "file",
];

fn directive_name(form: &[Token]) -> Option<&'static str> {
    let (Tok::Punct("-"), _) = form.first()? else {
        return None;
    };
    let name = match &form.get(1)?.0 {
        Tok::Punct("if") => "if",
        Tok::Punct("else") => "else",
        Tok::Atom(a) => CONDITIONALS
            .iter()
            .chain(DIRECTIVES)
            .find(|d| **d == a.as_str())?,
        _ => return None,
    };
    Some(name)
}

impl Preprocessor {
    fn active(&self) -> bool {
        self.conds
            .last()
            .is_none_or(|c| c.parent_active && c.active)
    }

    /// Reports an error at `span` (main-file coordinates); inside an
    /// included file, the note names the header and its line.
    fn error(&mut self, src: &Source, span: SimpleSpan, msg: impl Into<String>) {
        let msg = msg.into();
        let (span, note) = match src.at {
            Some(at) => (
                at,
                Some(format!(
                    "in {} line {}",
                    src.path.display(),
                    src.lines.line(span.start)
                )),
            ),
            None => (span, None),
        };
        let r = span.into_range();
        let mut d = Diagnostic::error(&self.file, r.clone(), msg.clone()).with_label(r, msg);
        if let Some(n) = note {
            d = d.with_note(n);
        }
        self.diags.push(d);
    }

    fn warning(&mut self, src: &Source, span: SimpleSpan, msg: String) {
        let span = src.at.unwrap_or(span).into_range();
        self.diags
            .push(Diagnostic::warning(&self.file, span.clone(), msg.clone()).with_label(span, msg));
    }

    /// Processes one file's tokens form by form.
    fn run(&mut self, tokens: &[Token], src: &Source) {
        for form in parser::split_forms(tokens) {
            self.form(form, src);
        }
    }

    fn form(&mut self, form: &[Token], src: &Source) {
        match directive_name(form) {
            Some(d) if CONDITIONALS.contains(&d) => self.conditional(d, form, src),
            _ if !self.active() => {}
            Some(d) => self.directive(d, form, src),
            None => {
                let mut toks = Vec::with_capacity(form.len());
                let errors_before = self.diags.len();
                self.expand(form, form, src, &mut toks, 0);
                // As in epp, a form with a macro error is replaced by the
                // error: parsing what is left would only add follow-up errors.
                if self.diags[errors_before..].iter().any(Diagnostic::is_error) {
                    return;
                }
                self.note_attributes(&toks);
                for (mut t, s) in toks {
                    if self.maybe_expr {
                        t = match t {
                            Tok::Atom(a) if a == "maybe" => Tok::Punct("maybe"),
                            Tok::Atom(a) if a == "else" => Tok::Punct("else"),
                            t => t,
                        };
                    }
                    self.out.push((t, src.at.unwrap_or(s)));
                }
            }
        }
    }

    /// `-module(M)` names `?MODULE`; `-feature(maybe_expr, enable)` turns
    /// `maybe` into a keyword.
    fn note_attributes(&mut self, toks: &[Token]) {
        match toks {
            [(Tok::Punct("-"), _), (Tok::Atom(a), _), (Tok::Punct("("), _), (Tok::Atom(m), _), (Tok::Punct(")"), _), ..]
                if a == "module" && self.module.is_none() =>
            {
                self.module = Some(m.clone());
            }
            [(Tok::Punct("-"), _), (Tok::Atom(a), _), (Tok::Punct("("), _), (Tok::Atom(f), _), (Tok::Punct(","), _), (Tok::Atom(e), _), ..]
                if a == "feature" && f == "maybe_expr" =>
            {
                self.maybe_expr = e == "enable";
            }
            _ => {}
        }
    }

    /// The tokens between `-name(` and the final `).`, or `None` when the
    /// form does not have that shape.
    fn args_of(form: &[Token]) -> Option<&[Token]> {
        match form {
            [_, _, (Tok::Punct("("), _), inner @ .., (Tok::Punct(")"), _), (Tok::Dot, _)] => {
                Some(inner)
            }
            _ => None,
        }
    }

    fn form_span(form: &[Token]) -> SimpleSpan {
        match (form.first(), form.last()) {
            (Some((_, a)), Some((_, b))) => SimpleSpan::from(a.start..b.end),
            _ => SimpleSpan::from(0..0),
        }
    }

    fn conditional(&mut self, d: &'static str, form: &[Token], src: &Source) {
        let span = Self::form_span(form);
        let name_span = form.get(1).map_or(span, |t| t.1);
        match d {
            "ifdef" | "ifndef" => {
                let defined = match Self::args_of(form) {
                    Some([(Tok::Atom(m) | Tok::Var(m), _)]) => self.is_defined(m),
                    _ => {
                        if self.active() {
                            self.error(src, span, format!("badly formed '{d}'"));
                        }
                        false
                    }
                };
                let parent_active = self.active();
                self.conds.push(Cond {
                    parent_active,
                    active: defined == (d == "ifdef"),
                    taken: defined == (d == "ifdef"),
                    seen_else: false,
                    span: name_span,
                    what: d,
                });
            }
            "if" => {
                let parent_active = self.active();
                let value = if parent_active {
                    self.if_condition(form, src, "if")
                } else {
                    false
                };
                self.conds.push(Cond {
                    parent_active,
                    active: value,
                    taken: value,
                    seen_else: false,
                    span: name_span,
                    what: "if",
                });
            }
            "elif" => {
                let Some(c) = self.conds.last() else {
                    self.error(src, span, "unbalanced '-elif'");
                    return;
                };
                if c.seen_else {
                    self.error(src, span, "'elif' following 'else'");
                    return;
                }
                let evaluate = c.parent_active && !c.taken;
                let value = evaluate && self.if_condition(form, src, "elif");
                if let Some(c) = self.conds.last_mut() {
                    c.active = value;
                    c.taken |= value;
                }
            }
            "else" => {
                if !matches!(form, [_, _, (Tok::Dot, _)]) {
                    self.error(src, span, "badly formed 'else'");
                }
                match self.conds.last_mut() {
                    Some(c) if !c.seen_else => {
                        c.active = !c.taken;
                        c.taken = true;
                        c.seen_else = true;
                    }
                    Some(_) => self.error(src, span, "illegal '-else'"),
                    None => self.error(src, span, "unbalanced '-else'"),
                }
            }
            _ => {
                if !matches!(form, [_, _, (Tok::Dot, _)]) {
                    self.error(src, span, "badly formed 'endif'");
                }
                if self.conds.pop().is_none() {
                    self.error(src, span, "unbalanced '-endif'");
                }
            }
        }
    }

    fn is_defined(&self, name: &str) -> bool {
        self.macros.contains_key(name)
            || match name {
                "MODULE" | "MODULE_STRING" => self.module.is_some(),
                _ => macros::PREDEFINED.contains(&name),
            }
    }

    fn directive(&mut self, d: &'static str, form: &[Token], src: &Source) {
        let span = Self::form_span(form);
        match d {
            "define" => self.define(form, src),
            "undef" => match Self::args_of(form) {
                Some([(Tok::Atom(m) | Tok::Var(m), _)]) => {
                    self.macros.remove(m);
                }
                _ => self.error(src, span, "badly formed 'undef'"),
            },
            "include" | "include_lib" => {
                let Some(args) = Self::args_of(form) else {
                    self.error(src, span, format!("badly formed '{d}'"));
                    return;
                };
                let mut name = String::new();
                let mut str_span = None;
                for (t, s) in args {
                    match t {
                        Tok::Str(x) => {
                            name.push_str(x);
                            str_span = Some(
                                str_span
                                    .map_or(*s, |a: SimpleSpan| SimpleSpan::from(a.start..s.end)),
                            );
                        }
                        _ => {
                            self.error(src, *s, format!("badly formed '{d}'"));
                            return;
                        }
                    }
                }
                let Some(at) = str_span else {
                    self.error(src, span, format!("badly formed '{d}'"));
                    return;
                };
                self.include(&name, d == "include_lib", at, src);
            }
            "error" | "warning" => {
                let text = match Self::args_of(form) {
                    Some(args) => macros::tokens_text(args),
                    None => String::new(),
                };
                let msg = format!("-{d}({text}).");
                if d == "error" {
                    self.error(src, span, msg);
                } else {
                    self.warning(src, span, msg);
                }
            }
            // `-file("name", Line).`: generated parsers name their source;
            // positions stay those of the file actually read.
            _ => {}
        }
    }

    fn include(&mut self, name: &str, lib: bool, at: SimpleSpan, src: &Source) {
        if self.include_depth >= MAX_INCLUDE_DEPTH {
            self.error(src, at, "include too deep");
            return;
        }
        let what = if lib { "include_lib" } else { "include" };
        let (path, text) = if let Some(text) = include::builtin(name, lib) {
            (PathBuf::from(name), text.to_string())
        } else {
            let Some(path) = include::find(name, lib, &src.path, &self.include_dirs) else {
                self.error(src, at, format!("can't find {what} \"{name}\""));
                return;
            };
            match std::fs::read(&path) {
                Ok(bytes) => (path, String::from_utf8_lossy(&bytes).into_owned()),
                Err(e) => {
                    self.error(src, at, format!("can't read {what} \"{name}\": {e}"));
                    return;
                }
            }
        };
        let file = path.display().to_string();
        let toks = parser::tokenize(&text, &file);
        let inner = Source {
            path: path.clone(),
            at: Some(src.at.unwrap_or(at)),
            lines: LineIndex::new(&text),
        };
        for d in toks.diagnostics {
            let s = SimpleSpan::from(d.span.clone());
            self.error(&inner, s, d.message);
        }
        let depth_conds = self.conds.len();
        self.include_depth += 1;
        self.run(&toks.tokens, &inner);
        self.include_depth -= 1;
        // epp: a section opened in a header must be closed in it.
        if self.conds.len() > depth_conds {
            let what = self.conds.last().map_or("if", |c| c.what);
            self.error(
                &inner,
                SimpleSpan::from(0..0),
                format!("unterminated '-{what}'"),
            );
            self.conds.truncate(depth_conds);
        }
    }

    /// The value of the condition of `-if(Cond).` / `-elif(Cond).`.
    fn if_condition(&mut self, form: &[Token], src: &Source, what: &str) -> bool {
        let span = Self::form_span(form);
        let Some(args) = Self::args_of(form) else {
            self.error(src, span, format!("badly formed '{what}'"));
            return false;
        };
        // `defined(M)` is decided before macros are expanded.
        let mut toks: Vec<Token> = Vec::with_capacity(args.len());
        let mut i = 0;
        while i < args.len() {
            if let [(Tok::Atom(d), s), (Tok::Punct("("), _), (Tok::Atom(m) | Tok::Var(m), _), (Tok::Punct(")"), e), ..] =
                &args[i..]
            {
                if d == "defined" {
                    let v = if self.is_defined(m) { "true" } else { "false" };
                    toks.push((Tok::Atom(v.into()), SimpleSpan::from(s.start..e.end)));
                    i += 4;
                    continue;
                }
            }
            toks.push(args[i].clone());
            i += 1;
        }
        let mut expanded = Vec::with_capacity(toks.len() + 1);
        self.expand(&toks, form, src, &mut expanded, 0);
        let end = expanded.last().map_or(span, |t| t.1);
        expanded.push((Tok::Dot, SimpleSpan::from(end.end..end.end)));
        let value = match parser::parse_exprs(&expanded, &self.file) {
            Ok(es) if es.len() == 1 => cond::eval(&es[0]),
            _ => None,
        };
        match value {
            Some(cond::Value::Atom(a)) if a == "true" => true,
            Some(cond::Value::Atom(a)) if a == "false" => false,
            _ => {
                self.error(src, span, format!("badly formed '{what}'"));
                false
            }
        }
    }
}

/// The directory part of a path, `.` when there is none.
fn dir_of(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests;
