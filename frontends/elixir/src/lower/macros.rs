//! User macros: `defmacro` bodies are compiled as `MACRO-name` functions of
//! their module; a call to one (`Mod.name(...)`, an imported `name(...)`,
//! `use Mod` → `Mod.__using__/1`) runs it at compile time on our runtime
//! (`eubeam_ir::ctfe`) with the quoted arguments, and the returned term is
//! turned back into AST and lowered in place of the call.

use std::collections::{HashMap, HashSet};

use eubeam_ir as ir;
use eubeam_ir::Literal;

use super::ModCtx;
use crate::ast::{Ast, Span};
use crate::quoted::{self, QuoteCtx};

/// Nested expansions (a macro whose expansion calls a macro...) stop here.
const MAX_DEPTH: usize = 200;

#[derive(Default)]
pub struct MacroEnv {
    /// Module atom → its macros (name, arity).
    pub macros: HashMap<String, HashSet<(String, usize)>>,
    /// Every module of the file lowered so far, loaded for each expansion
    /// (a macro may call functions of earlier modules).
    pub modules: Vec<ir::Module>,
    /// `defguard`s by module, expanded by substitution (they are pure
    /// guard expressions, so no evaluation is needed).
    pub guards: HashMap<String, HashMap<(String, usize), GuardDef>>,
    depth: usize,
}

#[derive(Clone)]
pub struct GuardDef {
    pub params: Vec<String>,
    pub body: Ast,
}

impl GuardDef {
    /// The guard's body with the arguments in place of the parameters.
    pub fn apply(&self, args: &[Ast]) -> Ast {
        fn subst(a: &Ast, g: &GuardDef, args: &[Ast]) -> Ast {
            use crate::ast::Kind;
            let k = match &a.kind {
                Kind::Var(v) => match g.params.iter().position(|p| p == v) {
                    Some(i) => return args[i].clone(),
                    None => a.kind.clone(),
                },
                Kind::List(items) => Kind::List(items.iter().map(|x| subst(x, g, args)).collect()),
                Kind::Tuple(items) => {
                    Kind::Tuple(items.iter().map(|x| subst(x, g, args)).collect())
                }
                Kind::Call {
                    name,
                    args: cargs,
                    parens,
                } => Kind::Call {
                    name: name.clone(),
                    args: cargs.iter().map(|x| subst(x, g, args)).collect(),
                    parens: *parens,
                },
                Kind::Remote {
                    target,
                    name,
                    args: rargs,
                    parens,
                } => Kind::Remote {
                    target: Box::new(subst(target, g, args)),
                    name: name.clone(),
                    args: rargs.iter().map(|x| subst(x, g, args)).collect(),
                    parens: *parens,
                },
                Kind::Apply { fun, args: fargs } => Kind::Apply {
                    fun: Box::new(subst(fun, g, args)),
                    args: fargs.iter().map(|x| subst(x, g, args)).collect(),
                },
                other => other.clone(),
            };
            Ast::new(k, a.span)
        }
        subst(&self.body, self, args)
    }
}

/// The function a macro compiles to.
pub fn macro_fun(name: &str) -> String {
    format!("MACRO-{name}")
}

impl ModCtx {
    pub fn is_macro(&self, module: &str, name: &str, arity: usize) -> bool {
        self.macros
            .borrow()
            .macros
            .get(module)
            .is_some_and(|s| s.contains(&(name.to_string(), arity)))
    }

    /// The imported module that defines macro `name/arity`, if any.
    pub fn imported_macro(&self, name: &str, arity: usize) -> Option<String> {
        self.imports
            .iter()
            .find(|m| self.is_macro(m, name, arity))
            .cloned()
    }

    /// A `defguard` of `module`.
    pub fn guard_def(&self, module: &str, name: &str, arity: usize) -> Option<GuardDef> {
        self.macros
            .borrow()
            .guards
            .get(module)?
            .get(&(name.to_string(), arity))
            .cloned()
    }

    /// A `defguard` callable unqualified: this module's or an import's.
    pub fn local_guard(&self, name: &str, arity: usize) -> Option<GuardDef> {
        std::iter::once(&self.name)
            .chain(self.imports.iter())
            .find_map(|m| self.guard_def(m, name, arity))
    }

    /// Whether a module of this file (compiled earlier) exports `name/arity`.
    pub fn user_exports(&self, module: &str, name: &str, arity: u32) -> bool {
        self.macros.borrow().modules.iter().any(|m| {
            m.name == module && m.exports.iter().any(|f| f.name == name && f.arity == arity)
        })
    }

    /// Resolves an alias's first segment through this module's `alias`es.
    pub fn resolve_alias(&self, segs: &[String]) -> Option<String> {
        let first = segs.first()?;
        if first == "Elixir" {
            return Some(segs.join("."));
        }
        self.aliases.get(first).map(|full| {
            let mut s = full.clone();
            for seg in &segs[1..] {
                s.push('.');
                s.push_str(seg);
            }
            s
        })
    }

    /// Expands `module.name(args)` by running the macro; the result is the
    /// code to lower instead (every node with the call's span).
    pub fn expand_macro(
        &self,
        module: &str,
        name: &str,
        args: &[Ast],
        span: Span,
    ) -> Result<Ast, String> {
        let resolve = |segs: &[String]| self.resolve_alias(segs);
        let q = QuoteCtx {
            var_context: "nil",
            resolve: &resolve,
        };
        let qargs: Vec<Literal> = args.iter().map(|a| quoted::to_quoted(a, &q)).collect();
        let modules = {
            let env = self.macros.borrow_mut();
            if env.depth >= MAX_DEPTH {
                return Err(format!(
                    "macro expansion of {}.{name} nested more than {MAX_DEPTH} levels deep",
                    module.trim_start_matches("Elixir.")
                ));
            }
            env.modules.clone()
        };
        let result = eubeam_ir::ctfe::compile_time_call(
            &modules,
            "Elixir.Kernel",
            "__expand__",
            vec![
                Literal::atom(module),
                Literal::atom(macro_fun(name)),
                Literal::list(qargs),
            ],
        )?;
        match result {
            Literal::Tuple(t) if t.len() == 2 && t[0] == Literal::atom("ok") => {
                quoted::from_quoted(&t[1], span)
            }
            Literal::Tuple(t) if t.len() == 2 => match &t[1] {
                Literal::Binary(b) => Err(format!(
                    "error while expanding macro {}.{name}/{}: {}",
                    module.trim_start_matches("Elixir."),
                    args.len(),
                    String::from_utf8_lossy(b)
                )),
                _ => Err("macro expansion failed".into()),
            },
            _ => Err("macro expansion returned an unexpected value".into()),
        }
    }

    /// Runs `f` one expansion level deeper (bounded by `MAX_DEPTH`).
    pub fn nested_expansion<T>(&self, f: impl FnOnce() -> T) -> T {
        self.macros.borrow_mut().depth += 1;
        let r = f();
        self.macros.borrow_mut().depth -= 1;
        r
    }
}
