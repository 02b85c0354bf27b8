//! Macro definitions (`-define`) and expansion (`?NAME`, `?NAME(Args)`,
//! `??Arg`), following `epp`: a macro is expanded where it is used, its
//! body's own macro uses after argument substitution; a name may have one
//! definition per arity plus one without arguments.

use chumsky::span::SimpleSpan;

use super::{Preprocessor, Source, Token, MAX_EXPANSION_DEPTH};
use crate::lexer::{quote_atom, Tok};

/// `-define(Name, Body)` (`params == None`) or `-define(Name(P1, ..), Body)`.
#[derive(Clone, Debug)]
pub struct MacroDef {
    pub params: Option<Vec<String>>,
    pub body: Vec<Token>,
}

/// Macros every file has (`?MODULE` and `?MODULE_STRING` once `-module` is seen).
pub const PREDEFINED: &[&str] = &[
    "MODULE",
    "MODULE_STRING",
    "FILE",
    "LINE",
    "MACHINE",
    "FUNCTION_NAME",
    "FUNCTION_ARITY",
    "OTP_RELEASE",
];

/// The OTP release `?OTP_RELEASE` names: the reference behaviour.
const OTP_RELEASE: i64 = 25;

/// The source text of tokens as `??Arg` and `-error(...)` show them: each
/// token written as Erlang writes it, separated by single spaces (epp's
/// `stringify`).
pub fn tokens_text(toks: &[Token]) -> String {
    let parts: Vec<String> = toks.iter().map(|(t, _)| token_src(t)).collect();
    parts.join(" ")
}

fn token_src(t: &Tok) -> String {
    match t {
        Tok::Atom(a) => quote_atom(a),
        Tok::Var(v) => v.clone(),
        Tok::Int(i) => i.to_string(),
        Tok::BigInt(d) => d.clone(),
        Tok::Char(c) => match char::from_u32(*c) {
            Some(ch) if !ch.is_control() && ch != '\\' => format!("${ch}"),
            _ => format!("${}", escape_char(*c)),
        },
        Tok::Float(x) => format!("{x:?}"),
        Tok::Str(s) => {
            let mut out = String::from("\"");
            for ch in s.chars() {
                match ch {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        Tok::Punct(p) => (*p).to_string(),
        Tok::Dot => ".".to_string(),
    }
}

fn escape_char(c: u32) -> String {
    match c {
        10 => "\\n".into(),
        9 => "\\t".into(),
        92 => "\\\\".into(),
        c => format!("\\{c:o}"),
    }
}

/// Splits `( A1, A2 ) ...` starting just after the `(` into the argument
/// token lists; returns them and the index just after the closing `)`.
/// Commas nested in brackets or `begin`/`case`/`fun`.. `end` do not split.
pub fn split_args(toks: &[Token], start: usize) -> Option<(Vec<Vec<Token>>, usize)> {
    let mut args: Vec<Vec<Token>> = Vec::new();
    let mut cur: Vec<Token> = Vec::new();
    let mut stack: Vec<&'static str> = Vec::new();
    let mut i = start;
    while i < toks.len() {
        let t = &toks[i].0;
        let closer = match t {
            Tok::Punct("(") => Some(")"),
            Tok::Punct("[") => Some("]"),
            Tok::Punct("{") => Some("}"),
            Tok::Punct("<<") => Some(">>"),
            Tok::Punct("begin" | "if" | "case" | "receive" | "try" | "maybe" | "cond") => {
                Some("end")
            }
            // `fun (..) .. end` and `fun Name(..) .. end`, not `fun f/1`.
            Tok::Punct("fun") => match toks.get(i + 1).map(|x| &x.0) {
                Some(Tok::Punct("(")) => Some("end"),
                Some(Tok::Var(_))
                    if matches!(toks.get(i + 2).map(|x| &x.0), Some(Tok::Punct("("))) =>
                {
                    Some("end")
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(c) = closer {
            stack.push(c);
            cur.push(toks[i].clone());
        } else if stack.is_empty() && *t == Tok::Punct(")") {
            if !cur.is_empty() || !args.is_empty() {
                args.push(cur);
            }
            return Some((args, i + 1));
        } else if stack.is_empty() && *t == Tok::Punct(",") {
            args.push(std::mem::take(&mut cur));
        } else if *t == Tok::Dot {
            return None;
        } else {
            if let Tok::Punct(p) = t {
                if stack.last() == Some(p) {
                    stack.pop();
                }
            }
            cur.push(toks[i].clone());
        }
        i += 1;
    }
    None
}

impl Preprocessor {
    /// `-define(Name, Body).` and `-define(Name(P, ..), Body).`
    pub(super) fn define(&mut self, form: &[Token], src: &Source) {
        let span = Self::form_span(form);
        // form: `-` `define` `(` Name ...
        let (name, name_span) = match form.get(3) {
            Some((Tok::Atom(n) | Tok::Var(n), s))
                if matches!(form.get(2), Some((Tok::Punct("("), _))) =>
            {
                (n.clone(), *s)
            }
            _ => {
                self.error(src, span, "badly formed 'define'");
                return;
            }
        };
        let mut i = 4;
        let params = match form.get(i) {
            Some((Tok::Punct("("), _)) => {
                let Some((args, next)) = split_args(form, i + 1) else {
                    self.error(src, span, "badly formed 'define'");
                    return;
                };
                let mut params = Vec::with_capacity(args.len());
                for a in &args {
                    match a.as_slice() {
                        [(Tok::Var(v), s)] => {
                            if params.contains(v) {
                                self.error(src, *s, format!("argument '{v}' already used"));
                                return;
                            }
                            params.push(v.clone());
                        }
                        _ => {
                            self.error(src, span, "badly formed 'define'");
                            return;
                        }
                    }
                }
                i = next;
                Some(params)
            }
            _ => None,
        };
        if !matches!(form.get(i), Some((Tok::Punct(","), _))) {
            self.error(src, span, "badly formed define: missing comma");
            return;
        }
        let body = match &form[i + 1..] {
            [body @ .., (Tok::Punct(")"), _), (Tok::Dot, _)] => body.to_vec(),
            _ => {
                self.error(
                    src,
                    span,
                    "badly formed define: missing closing right parenthesis",
                );
                return;
            }
        };
        if PREDEFINED.contains(&name.as_str()) {
            self.error(
                src,
                name_span,
                format!("redefining predefined macro '{name}'"),
            );
            return;
        }
        let arity = params.as_ref().map(Vec::len);
        let defs = self.macros.entry(name.clone()).or_default();
        if defs
            .iter()
            .any(|d| d.params.as_ref().map(Vec::len) == arity)
        {
            self.error(src, name_span, format!("redefining macro '{name}'"));
            return;
        }
        defs.push(MacroDef { params, body });
    }

    /// Expands the macros in `toks` into `out`. `form` is the whole form
    /// being expanded (for `?FUNCTION_NAME`); `depth` counts nested expansions.
    pub(super) fn expand(
        &mut self,
        toks: &[Token],
        form: &[Token],
        src: &Source,
        out: &mut Vec<Token>,
        depth: usize,
    ) {
        let mut i = 0;
        while i < toks.len() {
            let (t, qspan) = &toks[i];
            if *t != Tok::Punct("?") {
                out.push(toks[i].clone());
                i += 1;
                continue;
            }
            let (name, nspan) = match toks.get(i + 1) {
                Some((Tok::Atom(n) | Tok::Var(n), s)) => (n.clone(), *s),
                Some((Tok::Punct("?"), s)) => {
                    self.error(src, *s, "'??' is only allowed in a macro body");
                    i += 2;
                    continue;
                }
                other => {
                    let s = other.map_or(*qspan, |x| x.1);
                    self.error(src, s, "syntax error before: '?'");
                    i += 1;
                    continue;
                }
            };
            let call_span = SimpleSpan::from(qspan.start..nspan.end);
            if let Some(tok) = self.predefined(&name, call_span, form, src) {
                out.push((tok, call_span));
                i += 2;
                continue;
            }
            let defs = self.macros.get(&name).cloned().unwrap_or_default();
            let with_args = matches!(toks.get(i + 2), Some((Tok::Punct("("), _)));
            let args = if with_args {
                split_args(toks, i + 3)
            } else {
                None
            };
            let chosen = match &args {
                Some((a, next)) => defs
                    .iter()
                    .find(|d| d.params.as_ref().map(Vec::len) == Some(a.len()))
                    .map(|d| (d.clone(), Some((a.clone(), *next)))),
                None => None,
            }
            .or_else(|| {
                defs.iter()
                    .find(|d| d.params.is_none())
                    .map(|d| (d.clone(), None))
            });
            let Some((def, call_args)) = chosen else {
                let msg = match (&args, defs.is_empty()) {
                    (Some((a, _)), _) => format!("undefined macro '{name}/{}'", a.len()),
                    (None, true) if with_args => {
                        format!("badly formed argument for macro '{name}'")
                    }
                    (None, true) => format!("undefined macro '{name}'"),
                    (None, false) => format!("argument mismatch for macro '{name}'"),
                };
                self.error(src, nspan, msg);
                i = args.as_ref().map_or(i + 2, |(_, next)| *next);
                continue;
            };
            if depth >= MAX_EXPANSION_DEPTH {
                self.error(src, call_span, format!("circular macro '{name}'"));
                return;
            }
            let (end, body) = match (&def.params, call_args) {
                (Some(params), Some((args, next))) => {
                    let full = SimpleSpan::from(qspan.start..toks[next - 1].1.end);
                    (next, substitute(&def.body, params, &args, full))
                }
                _ => (i + 2, respan(&def.body, call_span)),
            };
            self.expand(&body, form, src, out, depth + 1);
            i = end;
        }
    }

    /// The value of a predefined macro, or `None` if `name` is not one
    /// (or, for `?MODULE` before `-module`, not defined yet).
    fn predefined(
        &mut self,
        name: &str,
        at: SimpleSpan,
        form: &[Token],
        src: &Source,
    ) -> Option<Tok> {
        let tok = match name {
            "MODULE" => Tok::Atom(self.module.clone()?),
            "MODULE_STRING" => Tok::Str(self.module.clone()?),
            "FILE" => Tok::Str(match src.at {
                Some(_) => src.path.display().to_string(),
                None => self.file.clone(),
            }),
            "LINE" => Tok::Int(i64::from(src.lines.line(at.start))),
            "MACHINE" => Tok::Atom("BEAM".into()),
            "OTP_RELEASE" => Tok::Int(OTP_RELEASE),
            "FUNCTION_NAME" | "FUNCTION_ARITY" => match function_of(form) {
                Some((f, _)) if name == "FUNCTION_NAME" => Tok::Atom(f),
                Some((_, a)) => Tok::Int(a as i64),
                None => {
                    self.error(
                        src,
                        at,
                        format!("?{name} can only be used within a function"),
                    );
                    Tok::Atom("undefined".into())
                }
            },
            _ => return None,
        };
        Some(tok)
    }
}

/// The name and arity of the function a form defines: `name(A, ..) ...`.
fn function_of(form: &[Token]) -> Option<(String, usize)> {
    match form {
        [(Tok::Atom(f), _), (Tok::Punct("("), _), ..] => {
            let (args, _) = split_args(form, 2)?;
            Some((f.clone(), args.len()))
        }
        _ => None,
    }
}

/// A macro body with every token given the span of the macro call.
fn respan(body: &[Token], at: SimpleSpan) -> Vec<Token> {
    body.iter().map(|(t, _)| (t.clone(), at)).collect()
}

/// Substitutes the arguments for the parameters in a body (`??P` becomes
/// the string of the argument's tokens). Body tokens take the call's span;
/// argument tokens keep their own.
fn substitute(
    body: &[Token],
    params: &[String],
    args: &[Vec<Token>],
    at: SimpleSpan,
) -> Vec<Token> {
    let arg_of = |v: &str| params.iter().position(|p| p == v).map(|i| &args[i]);
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        match (
            &body[i].0,
            body.get(i + 1).map(|t| &t.0),
            body.get(i + 2).map(|t| &t.0),
        ) {
            (Tok::Punct("?"), Some(Tok::Punct("?")), Some(Tok::Var(v))) if arg_of(v).is_some() => {
                if let Some(a) = arg_of(v) {
                    out.push((Tok::Str(tokens_text(a)), at));
                }
                i += 3;
            }
            (Tok::Var(v), _, _) if arg_of(v).is_some() => {
                if let Some(a) = arg_of(v) {
                    out.extend(a.iter().cloned());
                }
                i += 1;
            }
            (t, _, _) => {
                out.push((t.clone(), at));
                i += 1;
            }
        }
    }
    out
}
