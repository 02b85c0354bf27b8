//! Types, type variables with levels (for let-generalisation), unification
//! and printing in Gleam's syntax.

use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum Type {
    /// A named type: `Int`, `List(a)`, `gleam/option.Option(Int)`.
    /// `module` is the Gleam module that defines it (`gleam` for the prelude).
    Named {
        module: Arc<str>,
        name: Arc<str>,
        args: Vec<Type>,
    },
    Fn(Vec<Type>, Box<Type>),
    Tuple(Vec<Type>),
    /// A unification variable (index into [`Vars`]).
    Var(u32),
    /// A quantified variable of a type scheme.
    Gen(u32),
}

pub const PRELUDE: &str = "gleam";

impl Type {
    pub fn named(module: &str, name: &str, args: Vec<Type>) -> Type {
        Type::Named {
            module: module.into(),
            name: name.into(),
            args,
        }
    }
    pub fn prelude(name: &str, args: Vec<Type>) -> Type {
        Type::named(PRELUDE, name, args)
    }
    pub fn int() -> Type {
        Type::prelude("Int", vec![])
    }
    pub fn float() -> Type {
        Type::prelude("Float", vec![])
    }
    pub fn string() -> Type {
        Type::prelude("String", vec![])
    }
    pub fn bool() -> Type {
        Type::prelude("Bool", vec![])
    }
    pub fn nil() -> Type {
        Type::prelude("Nil", vec![])
    }
    pub fn bit_array() -> Type {
        Type::prelude("BitArray", vec![])
    }
    pub fn list(t: Type) -> Type {
        Type::prelude("List", vec![t])
    }
    pub fn result(a: Type, e: Type) -> Type {
        Type::prelude("Result", vec![a, e])
    }
}

#[derive(Clone, Debug)]
enum VarState {
    Unbound { level: u32 },
    Link(Type),
}

/// The unification variables of one type-checking run.
#[derive(Debug, Default)]
pub struct Vars {
    vars: Vec<VarState>,
    pub level: u32,
}

pub enum UnifyError {
    Mismatch,
    Recursive,
}

impl Vars {
    pub fn fresh(&mut self) -> Type {
        self.vars.push(VarState::Unbound { level: self.level });
        Type::Var(u32::try_from(self.vars.len() - 1).unwrap_or(u32::MAX))
    }

    /// Follows links at the top of the type.
    pub fn shallow(&self, t: &Type) -> Type {
        let mut cur = t.clone();
        while let Type::Var(v) = cur {
            match &self.vars[v as usize] {
                VarState::Link(t) => cur = t.clone(),
                VarState::Unbound { .. } => return cur,
            }
        }
        cur
    }

    /// Follows links everywhere.
    pub fn resolve(&self, t: &Type) -> Type {
        match self.shallow(t) {
            Type::Named { module, name, args } => Type::Named {
                module,
                name,
                args: args.iter().map(|a| self.resolve(a)).collect(),
            },
            Type::Fn(a, r) => Type::Fn(
                a.iter().map(|a| self.resolve(a)).collect(),
                Box::new(self.resolve(&r)),
            ),
            Type::Tuple(items) => Type::Tuple(items.iter().map(|a| self.resolve(a)).collect()),
            other => other,
        }
    }

    pub fn unify(&mut self, a: &Type, b: &Type) -> Result<(), UnifyError> {
        let a = self.shallow(a);
        let b = self.shallow(b);
        match (&a, &b) {
            (Type::Var(x), Type::Var(y)) if x == y => Ok(()),
            (Type::Var(x), other) | (other, Type::Var(x)) => {
                if self.occurs(*x, other) {
                    return Err(UnifyError::Recursive);
                }
                let level = match self.vars[*x as usize] {
                    VarState::Unbound { level } => level,
                    VarState::Link(_) => 0,
                };
                self.lower_levels(other, level);
                self.vars[*x as usize] = VarState::Link(other.clone());
                Ok(())
            }
            (
                Type::Named {
                    module: m1,
                    name: n1,
                    args: a1,
                },
                Type::Named {
                    module: m2,
                    name: n2,
                    args: a2,
                },
            ) => {
                if m1 != m2 || n1 != n2 || a1.len() != a2.len() {
                    return Err(UnifyError::Mismatch);
                }
                for (x, y) in a1.iter().zip(a2) {
                    self.unify(x, y)?;
                }
                Ok(())
            }
            (Type::Fn(a1, r1), Type::Fn(a2, r2)) => {
                if a1.len() != a2.len() {
                    return Err(UnifyError::Mismatch);
                }
                for (x, y) in a1.iter().zip(a2) {
                    self.unify(x, y)?;
                }
                self.unify(r1, r2)
            }
            (Type::Tuple(a1), Type::Tuple(a2)) => {
                if a1.len() != a2.len() {
                    return Err(UnifyError::Mismatch);
                }
                for (x, y) in a1.iter().zip(a2) {
                    self.unify(x, y)?;
                }
                Ok(())
            }
            (Type::Gen(x), Type::Gen(y)) if x == y => Ok(()),
            _ => Err(UnifyError::Mismatch),
        }
    }

    fn occurs(&self, v: u32, t: &Type) -> bool {
        match self.shallow(t) {
            Type::Var(x) => x == v,
            Type::Named { args, .. } => args.iter().any(|a| self.occurs(v, a)),
            Type::Fn(a, r) => a.iter().any(|a| self.occurs(v, a)) || self.occurs(v, &r),
            Type::Tuple(items) => items.iter().any(|a| self.occurs(v, a)),
            Type::Gen(_) => false,
        }
    }

    fn lower_levels(&mut self, t: &Type, level: u32) {
        match self.shallow(t) {
            Type::Var(x) => {
                if let VarState::Unbound { level: l } = self.vars[x as usize] {
                    if l > level {
                        self.vars[x as usize] = VarState::Unbound { level };
                    }
                }
            }
            Type::Named { args, .. } => args.iter().for_each(|a| self.lower_levels(a, level)),
            Type::Fn(a, r) => {
                a.iter().for_each(|a| self.lower_levels(a, level));
                self.lower_levels(&r, level);
            }
            Type::Tuple(items) => items.iter().for_each(|a| self.lower_levels(a, level)),
            Type::Gen(_) => {}
        }
    }

    /// Replaces unbound variables above the current level with `Gen`s.
    pub fn generalise(&self, t: &Type) -> Type {
        let mut map = HashMap::new();
        self.gen_inner(t, &mut map)
    }

    fn gen_inner(&self, t: &Type, map: &mut HashMap<u32, u32>) -> Type {
        match self.shallow(t) {
            Type::Var(x) => match self.vars[x as usize] {
                VarState::Unbound { level } if level > self.level => {
                    let n = map.len() as u32;
                    Type::Gen(*map.entry(x).or_insert(n))
                }
                _ => Type::Var(x),
            },
            Type::Named { module, name, args } => Type::Named {
                module,
                name,
                args: args.iter().map(|a| self.gen_inner(a, map)).collect(),
            },
            Type::Fn(a, r) => Type::Fn(
                a.iter().map(|a| self.gen_inner(a, map)).collect(),
                Box::new(self.gen_inner(&r, map)),
            ),
            Type::Tuple(items) => {
                Type::Tuple(items.iter().map(|a| self.gen_inner(a, map)).collect())
            }
            Type::Gen(g) => Type::Gen(g),
        }
    }

    /// Replaces every unbound variable with a `Gen` (for interfaces).
    pub fn generalise_all(&self, t: &Type) -> Type {
        let saved = self.level;
        let mut map = HashMap::new();
        // Every variable counts as "above" level 0 except level-0 ones;
        // interface types have no environment to escape into.
        let _ = saved;
        self.gen_all_inner(t, &mut map)
    }

    /// [`Vars::generalise_all`] with a map shared across several types, so
    /// that a variable common to them gets one `Gen` number (the shell's
    /// bindings keep their unknown types shared this way).
    pub fn gen_all_inner(&self, t: &Type, map: &mut HashMap<u32, u32>) -> Type {
        match self.shallow(t) {
            Type::Var(x) => {
                let n = map.len() as u32;
                Type::Gen(*map.entry(x).or_insert(n))
            }
            Type::Named { module, name, args } => Type::Named {
                module,
                name,
                args: args.iter().map(|a| self.gen_all_inner(a, map)).collect(),
            },
            Type::Fn(a, r) => Type::Fn(
                a.iter().map(|a| self.gen_all_inner(a, map)).collect(),
                Box::new(self.gen_all_inner(&r, map)),
            ),
            Type::Tuple(items) => {
                Type::Tuple(items.iter().map(|a| self.gen_all_inner(a, map)).collect())
            }
            Type::Gen(g) => Type::Gen(g),
        }
    }

    pub fn instantiate(&mut self, t: &Type) -> Type {
        let mut map = HashMap::new();
        self.inst_inner(t, &mut map)
    }

    /// [`Vars::instantiate`] with a map shared across several types: the
    /// same `Gen` number becomes the same fresh variable in each.
    pub fn inst_inner(&mut self, t: &Type, map: &mut HashMap<u32, Type>) -> Type {
        match t {
            Type::Gen(g) => {
                if let Some(v) = map.get(g) {
                    return v.clone();
                }
                let v = self.fresh();
                map.insert(*g, v.clone());
                v
            }
            Type::Named { module, name, args } => Type::Named {
                module: module.clone(),
                name: name.clone(),
                args: args.iter().map(|a| self.inst_inner(a, map)).collect(),
            },
            Type::Fn(a, r) => Type::Fn(
                a.iter().map(|a| self.inst_inner(a, map)).collect(),
                Box::new(self.inst_inner(r, map)),
            ),
            Type::Tuple(items) => {
                Type::Tuple(items.iter().map(|a| self.inst_inner(a, map)).collect())
            }
            Type::Var(v) => Type::Var(*v),
        }
    }
}

/// Prints types as Gleam source does: `List(Int)`, `fn(a) -> b`,
/// `#(Int, String)`. Variables are named `a`, `b`, ... in order of first
/// appearance, consistently across every type printed with one printer.
#[derive(Default)]
pub struct Printer {
    pub names: HashMap<(bool, u32), String>,
    /// Module aliases as imported in the file being checked, so types print
    /// as the user would write them (`process.Subject(Int)`).
    pub qualifiers: HashMap<String, String>,
    pub current_module: String,
}

impl Printer {
    pub fn print(&mut self, vars: &Vars, t: &Type) -> String {
        let t = vars.resolve(t);
        let mut out = String::new();
        self.write(&t, &mut out);
        out
    }

    fn var_name(&mut self, key: (bool, u32)) -> String {
        let n = self.names.len();
        self.names
            .entry(key)
            .or_insert_with(|| {
                let letter = (b'a' + (n % 26) as u8) as char;
                if n < 26 {
                    letter.to_string()
                } else {
                    format!("{letter}{}", n / 26)
                }
            })
            .clone()
    }

    fn write(&mut self, t: &Type, out: &mut String) {
        match t {
            Type::Named { module, name, args } => {
                // Types defined in the shell (modules `$shellN`) print
                // unqualified, as they were written there.
                if &**module != PRELUDE
                    && **module != *self.current_module
                    && !module.starts_with('$')
                {
                    if let Some(q) = self.qualifiers.get(&**module) {
                        out.push_str(q);
                        out.push('.');
                    } else if !self.qualifiers.is_empty() {
                        let short = module.rsplit('/').next().unwrap_or(module);
                        out.push_str(short);
                        out.push('.');
                    }
                }
                out.push_str(name);
                if !args.is_empty() {
                    out.push('(');
                    for (i, a) in args.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.write(a, out);
                    }
                    out.push(')');
                }
            }
            Type::Fn(args, ret) => {
                out.push_str("fn(");
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write(a, out);
                }
                out.push_str(") -> ");
                self.write(ret, out);
            }
            Type::Tuple(items) => {
                out.push_str("#(");
                for (i, a) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write(a, out);
                }
                out.push(')');
            }
            Type::Var(v) => {
                let n = self.var_name((false, *v));
                out.push_str(&n);
            }
            Type::Gen(g) => {
                let n = self.var_name((true, *g));
                out.push_str(&n);
            }
        }
    }
}
