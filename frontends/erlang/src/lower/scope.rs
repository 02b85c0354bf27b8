//! Variable scopes: which Erlang variable names are bound to which IR
//! variables, and which are unsafe after a branching construct.
//!
//! Invariant: every IR variable name is unique within one top-level
//! function (the IR has no shadowing); `Names` hands them out.

use std::collections::{HashMap, HashSet};

use eubeam_ir::FunName;

#[derive(Clone, Debug, PartialEq)]
pub enum Binding {
    Var(String),
    /// The name of a named fun inside its own body: a `letrec` function.
    LocalFun(FunName),
}

#[derive(Clone, Debug, Default)]
pub struct Env {
    pub vars: HashMap<String, Binding>,
    /// Variables bound in some branches of a construct only, with the
    /// construct's name (`case`, `try`, ...).
    pub unsafe_vars: HashMap<String, &'static str>,
    /// Erlang names in the order they were first bound (the shell reports
    /// new bindings in this order).
    pub order: Vec<String>,
}

impl Env {
    pub fn bind(&mut self, name: &str, b: Binding) {
        if self.vars.insert(name.to_string(), b).is_none() {
            self.order.push(name.to_string());
        }
    }

    pub fn var(&self, name: &str) -> Option<&String> {
        match self.vars.get(name) {
            Some(Binding::Var(v)) => Some(v),
            _ => None,
        }
    }

    /// Names bound here but not in `before`, in binding order.
    pub fn new_since(&self, before: &Env) -> Vec<String> {
        self.order
            .iter()
            .filter(|n| {
                !before.vars.contains_key(*n) && matches!(self.vars.get(*n), Some(Binding::Var(_)))
            })
            .cloned()
            .collect()
    }
}

#[derive(Default)]
pub struct Names {
    used: HashSet<String>,
    counter: u32,
}

impl Names {
    /// An IR name for a binding of the Erlang variable `name`: the name
    /// itself the first time, `Name@N` afterwards.
    pub fn fresh_for(&mut self, name: &str) -> String {
        if self.used.insert(name.to_string()) {
            return name.to_string();
        }
        loop {
            self.counter += 1;
            let candidate = format!("{name}@{}", self.counter);
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    /// Marks a name as taken (variables bound by an earlier shell input).
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_string());
    }

    /// A compiler temporary.
    pub fn temp(&mut self) -> String {
        loop {
            self.counter += 1;
            let candidate = format!("_cor{}", self.counter);
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}
