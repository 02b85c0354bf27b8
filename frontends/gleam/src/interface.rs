//! What one module exports to the modules that import it: its types,
//! constructors, functions and constants with their type schemes.

use std::collections::HashMap;
use std::sync::Arc;

use crate::ast::ConstValue;
use crate::types::Type;

#[derive(Clone, Debug)]
pub struct Interface {
    /// `gleam/list`.
    pub name: String,
    /// `gleam@list`.
    pub erl_name: String,
    pub types: HashMap<String, TypeInfo>,
    pub values: HashMap<String, ValueInfo>,
}

#[derive(Clone, Debug)]
pub struct TypeInfo {
    pub module: String,
    pub name: String,
    pub arity: usize,
    pub public: bool,
    pub opaque: bool,
    /// Empty for external types (`pub type Pid`).
    pub constructors: Arc<Vec<CtorInfo>>,
    /// For type aliases: the aliased type, `Gen(i)` standing for parameter i.
    pub alias: Option<Type>,
}

#[derive(Clone, Debug)]
pub struct CtorInfo {
    pub name: String,
    /// The Erlang atom: `ok`, `my_variant`.
    pub tag: String,
    pub labels: Vec<Option<String>>,
    /// Field types with `Gen(i)` for the type's i-th parameter.
    pub fields: Vec<Type>,
    pub index: usize,
}

#[derive(Clone, Debug)]
pub struct ValueInfo {
    /// The type scheme (`Gen`s are quantified).
    pub scheme: Type,
    pub kind: ValueKind,
    pub public: bool,
    pub labels: Vec<Option<String>>,
    pub deprecated: Option<String>,
}

#[derive(Clone, Debug)]
pub enum ValueKind {
    Fn {
        /// Erlang module and function actually called (the external's for
        /// `@external` functions).
        module: String,
        name: String,
        arity: usize,
    },
    Constructor {
        type_module: String,
        type_name: String,
        index: usize,
        tag: String,
        arity: usize,
    },
    Const(ConstValue),
}

/// `gleam/list` → `gleam@list`, as the Gleam compiler names Erlang modules.
pub fn erlang_module_name(module: &str) -> String {
    module.replace('/', "@")
}

/// `MyVariant` → `my_variant`.
pub fn snake_case(name: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev_lower =
                i > 0 && (chars[i - 1].is_lowercase() || chars[i - 1].is_ascii_digit());
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let prev_upper = i > 0 && chars[i - 1].is_uppercase();
            if i > 0 && (prev_lower || (prev_upper && next_lower)) {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(*c);
        }
    }
    out
}

/// The prelude: types and constructors every module sees.
pub fn prelude() -> Interface {
    use crate::types::PRELUDE;
    let mut types = HashMap::new();
    let mut values = HashMap::new();
    let mut add_type = |name: &str, arity: usize, ctors: Vec<(&str, Vec<Type>)>| {
        let infos: Vec<CtorInfo> = ctors
            .iter()
            .enumerate()
            .map(|(index, (n, fields))| CtorInfo {
                name: n.to_string(),
                tag: snake_case(n),
                labels: vec![None; fields.len()],
                fields: fields.clone(),
                index,
            })
            .collect();
        let result = Type::named(PRELUDE, name, (0..arity as u32).map(Type::Gen).collect());
        for c in &infos {
            let scheme = if c.fields.is_empty() {
                result.clone()
            } else {
                Type::Fn(c.fields.clone(), Box::new(result.clone()))
            };
            values.insert(
                c.name.clone(),
                ValueInfo {
                    scheme,
                    kind: ValueKind::Constructor {
                        type_module: PRELUDE.into(),
                        type_name: name.into(),
                        index: c.index,
                        tag: c.tag.clone(),
                        arity: c.fields.len(),
                    },
                    public: true,
                    labels: c.labels.clone(),
                    deprecated: None,
                },
            );
        }
        types.insert(
            name.to_string(),
            TypeInfo {
                module: PRELUDE.into(),
                name: name.into(),
                arity,
                public: true,
                opaque: false,
                constructors: Arc::new(infos),
                alias: None,
            },
        );
    };
    add_type("Int", 0, vec![]);
    add_type("Float", 0, vec![]);
    add_type("String", 0, vec![]);
    add_type("BitArray", 0, vec![]);
    add_type("UtfCodepoint", 0, vec![]);
    add_type("List", 1, vec![]);
    add_type("Bool", 0, vec![("True", vec![]), ("False", vec![])]);
    add_type("Nil", 0, vec![("Nil", vec![])]);
    add_type(
        "Result",
        2,
        vec![("Ok", vec![Type::Gen(0)]), ("Error", vec![Type::Gen(1)])],
    );
    Interface {
        name: PRELUDE.into(),
        erl_name: PRELUDE.into(),
        types,
        values,
    }
}
