//! The type checker: Hindley–Milner inference with let-generalisation of
//! top-level functions in dependency order (strongly connected components
//! together), annotations checked against inferred types, exhaustiveness of
//! `case` and `let`, and the warnings Gleam gives (unused variables and
//! imports, unreachable clauses, `todo`).
//!
//! The checker also resolves names and rewrites the tree for lowering:
//! pipes and labelled arguments become positional calls, every variable gets
//! a unique Erlang name, field accesses get their index.

mod expr;
mod pattern;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use eubeam_ir::Diagnostic;

use crate::ast::*;
use crate::interface::*;
use crate::types::{Printer, Type, UnifyError, Vars, PRELUDE};

/// Finds the interface of an imported module; `Err` carries a message.
/// Variables bound by one shell entry: (name, Erlang variable, type scheme).
/// What a shell entry binds: (name, unique name, type) for each new
/// binding, and the types of the earlier bindings it kept, refined by the
/// entry (name, type). The `Gen` numbers of all of them are shared: they
/// stand for the shell's not-yet-known types, not quantified ones (Gleam
/// does not generalise `let`), so `let s = process.new_subject()` then
/// `process.send(s, 1)` makes `s` a `Subject(Int)` for the entries after.
pub struct ShellBindings {
    pub new: Vec<(String, String, Type)>,
    pub kept: Vec<(String, Type)>,
}

/// Finds the interface of an imported module; `Err` carries a message.
pub type Loader<'a> = &'a dyn Fn(&str) -> Option<Result<Arc<Interface>, String>>;

pub struct Local {
    name: String,
    unique: String,
    ty: Type,
    span: Span,
    used: bool,
}

pub struct Checker<'a> {
    file: &'a str,
    pub module_name: String,
    pub erl_name: String,
    pub vars: Vars,
    pub diags: Vec<Diagnostic>,
    imports: HashMap<String, (Arc<Interface>, Span, bool)>,
    types: HashMap<String, TypeInfo>,
    pub(crate) values: HashMap<String, ValueInfo>,
    /// Pattern variables used as the size of a later segment of the same
    /// bit array pattern (`<<n, s:bytes-size(n)>>`), counted as used when
    /// the pattern's variables are bound.
    size_used: HashSet<String>,
    /// Unqualified imported values: local name → (span, used).
    unqualified_used: HashMap<String, (Span, bool)>,
    pub type_defs: HashMap<(String, String), TypeInfo>,
    locals: Vec<Local>,
    counter: usize,
    printer_quals: HashMap<String, String>,
    /// Type variables named in the annotations of the function being checked.
    ann_vars: HashMap<String, Type>,
    /// The function being checked, for error values.
    pub current_fn: String,
    /// Parameter types an anonymous function being inferred should take
    /// (from the function type its context expects).
    pending_params: Option<Vec<Type>>,
    /// Aliases of imports that failed; uses of them are not reported again.
    failed_imports: HashSet<String>,
}

fn mismatch_note(expected: &str, found: &str) -> String {
    format!("Expected type:\n\n    {expected}\n\nFound type:\n\n    {found}\n")
}

/// Levenshtein distance, for "did you mean" suggestions.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

pub fn suggest<'s>(name: &str, candidates: impl Iterator<Item = &'s str>) -> Option<String> {
    let limit = name.len().div_ceil(3);
    candidates
        .filter(|c| *c != name)
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c.to_string())
}

impl<'a> Checker<'a> {
    pub fn new(file: &'a str, module_name: &str) -> Checker<'a> {
        let prelude = prelude();
        let mut type_defs = HashMap::new();
        for t in prelude.types.values() {
            type_defs.insert((t.module.clone(), t.name.clone()), t.clone());
        }
        Checker {
            file,
            module_name: module_name.to_string(),
            erl_name: erlang_module_name(module_name),
            vars: Vars::default(),
            diags: Vec::new(),
            imports: HashMap::new(),
            types: prelude.types,
            values: prelude.values,
            unqualified_used: HashMap::new(),
            size_used: HashSet::new(),
            type_defs,
            locals: Vec::new(),
            counter: 0,
            printer_quals: HashMap::new(),
            ann_vars: HashMap::new(),
            current_fn: String::new(),
            pending_params: None,
            failed_imports: HashSet::new(),
        }
    }

    pub fn error(&mut self, span: Span, title: &str, label: impl Into<String>) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::error(self.file, span.clone(), title).with_label(span, label));
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }

    pub fn warning(
        &mut self,
        span: Span,
        title: &str,
        label: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::warning(self.file, span.clone(), title).with_label(span, label));
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }

    pub fn printer(&self) -> Printer {
        Printer {
            qualifiers: self.printer_quals.clone(),
            current_module: self.module_name.clone(),
            ..Printer::default()
        }
    }

    pub fn show(&self, t: &Type) -> String {
        self.printer().print(&self.vars, t)
    }

    /// Unifies, reporting "Type mismatch" at `span` on failure.
    pub fn unify_at(&mut self, expected: &Type, found: &Type, span: Span) -> bool {
        match self.vars.unify(expected, found) {
            Ok(()) => true,
            Err(e) => {
                let mut p = self.printer();
                let exp = p.print(&self.vars, expected);
                let fnd = p.print(&self.vars, found);
                let d = Diagnostic::error(self.file, span.clone(), "Type mismatch");
                let d = match e {
                    UnifyError::Mismatch => {
                        d.with_label(span, format!("Expected type {exp}, found {fnd}"))
                    }
                    UnifyError::Recursive => {
                        d.with_label(span, "this would make a recursive (infinite) type")
                    }
                };
                self.diags.push(d.with_note(mismatch_note(&exp, &fnd)));
                false
            }
        }
    }

    pub fn fresh_unique(&mut self, name: &str) -> String {
        self.counter += 1;
        let clean: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        format!("V{}_{}", self.counter, clean)
    }

    pub fn bind_local(
        &mut self,
        name: &str,
        ty: Type,
        span: Span,
        unique: Option<String>,
    ) -> String {
        let unique = unique.unwrap_or_else(|| self.fresh_unique(name));
        self.locals.push(Local {
            name: name.to_string(),
            unique: unique.clone(),
            ty,
            span,
            used: self.size_used.contains(&unique),
        });
        unique
    }

    pub fn scope_mark(&self) -> usize {
        self.locals.len()
    }

    /// Drops locals bound since `mark`, warning about unused ones.
    pub fn scope_pop(&mut self, mark: usize) {
        let dropped: Vec<Local> = self.locals.drain(mark..).collect();
        for l in dropped {
            if !l.used && !l.name.starts_with('_') && !l.name.contains('@') {
                let name = l.name.clone();
                self.warning(l.span, "Unused variable", "This variable is never used")
                    .notes
                    .push(format!("You can ignore it with an underscore: `_{name}`."));
            }
        }
    }

    pub fn lookup_local(&mut self, name: &str) -> Option<(String, Type)> {
        let l = self.locals.iter_mut().rev().find(|l| l.name == name)?;
        l.used = true;
        Some((l.unique.clone(), l.ty.clone()))
    }

    /// Marks every local of this name as used (alternative patterns bind
    /// the same variable several times).
    pub fn local_names(&self) -> impl Iterator<Item = &str> {
        self.locals.iter().map(|l| l.name.as_str())
    }

    pub fn import(&mut self, alias: &str) -> Option<Arc<Interface>> {
        let entry = self.imports.get_mut(alias)?;
        entry.2 = true;
        Some(entry.0.clone())
    }

    pub fn error_count(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }

    pub fn peek_import(&self, alias: &str) -> Option<Arc<Interface>> {
        self.imports.get(alias).map(|i| i.0.clone())
    }

    pub fn local_type(&self, name: &str) -> Option<Type> {
        self.locals
            .iter()
            .rev()
            .find(|l| l.name == name)
            .map(|l| l.ty.clone())
    }

    /// Every name an import brings in as a module (`list` for
    /// `import gleam/list`), including imports that failed to compile.
    fn imported_module_names(&self) -> HashSet<String> {
        self.imports
            .keys()
            .chain(self.failed_imports.iter())
            .cloned()
            .collect()
    }

    pub fn import_aliases(&self) -> Vec<String> {
        self.imports.keys().cloned().collect()
    }

    pub fn is_import(&self, alias: &str) -> bool {
        self.imports.contains_key(alias)
    }

    pub fn module_value(&mut self, name: &str) -> Option<ValueInfo> {
        if let Some(u) = self.unqualified_used.get_mut(name) {
            u.1 = true;
        }
        self.values.get(name).cloned()
    }

    pub fn value_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.values.keys().cloned().collect();
        v.extend(self.locals.iter().map(|l| l.name.clone()));
        v
    }

    pub fn ctor_infos(&self, module: &str, name: &str) -> Option<Arc<Vec<CtorInfo>>> {
        self.type_defs
            .get(&(module.to_string(), name.to_string()))
            .map(|t| t.constructors.clone())
    }

    // ------------------------------------------------------------ annotations

    /// Converts an annotation; type variables are looked up in (and added to)
    /// `ann_vars`, or `params` for type definitions.
    pub fn ann_type(&mut self, ann: &TypeAnn, params: Option<&[String]>) -> Type {
        match ann {
            TypeAnn::Hole(_) => self.vars.fresh(),
            TypeAnn::Var(n, span) => {
                if let Some(ps) = params {
                    if let Some(i) = ps.iter().position(|p| p == n) {
                        return Type::Gen(i as u32);
                    }
                    self.error(
                        span.clone(),
                        "Unknown type variable",
                        format!("`{n}` is not a parameter of this type"),
                    );
                    return self.vars.fresh();
                }
                if let Some(t) = self.ann_vars.get(n) {
                    return t.clone();
                }
                let t = self.vars.fresh();
                self.ann_vars.insert(n.clone(), t.clone());
                t
            }
            TypeAnn::Tuple(items, _) => {
                Type::Tuple(items.iter().map(|a| self.ann_type(a, params)).collect())
            }
            TypeAnn::Fn { args, ret, .. } => Type::Fn(
                args.iter().map(|a| self.ann_type(a, params)).collect(),
                Box::new(self.ann_type(ret, params)),
            ),
            TypeAnn::Named {
                module,
                name,
                args,
                span,
            } => {
                let info = match module {
                    Some(m) => match self.import(m) {
                        Some(iface) => match iface.types.get(name).filter(|t| t.public) {
                            Some(t) => Some(t.clone()),
                            None => {
                                let sugg = suggest(name, iface.types.keys().map(String::as_str));
                                let d = self.error(
                                    span.clone(),
                                    "Unknown module type",
                                    format!("The module `{m}` does not have a `{name}` type."),
                                );
                                if let Some(s) = sugg {
                                    d.notes.push(format!("Did you mean `{s}`?"));
                                }
                                None
                            }
                        },
                        None => {
                            self.error(
                                span.clone(),
                                "Unknown module",
                                format!("No module has been imported with the name `{m}`."),
                            );
                            None
                        }
                    },
                    None => {
                        match self.types.get(name) {
                            Some(t) => Some(t.clone()),
                            None => {
                                let sugg = suggest(name, self.types.keys().map(String::as_str));
                                let d = self.error(span.clone(), "Unknown type", format!("The type `{name}` is not defined or imported in this module."));
                                if let Some(s) = sugg {
                                    d.notes.push(format!("Did you mean `{s}`?"));
                                }
                                None
                            }
                        }
                    }
                };
                let arg_types: Vec<Type> = args.iter().map(|a| self.ann_type(a, params)).collect();
                let Some(info) = info else {
                    return self.vars.fresh();
                };
                if info.arity != arg_types.len() {
                    self.error(
                        span.clone(),
                        "Incorrect arity",
                        format!(
                            "The type `{name}` expects {} type argument(s) but was given {}",
                            info.arity,
                            arg_types.len()
                        ),
                    );
                    return self.vars.fresh();
                }
                if let Some(alias) = &info.alias {
                    return substitute(alias, &arg_types);
                }
                Type::named(&info.module, &info.name, arg_types)
            }
        }
    }

    // ----------------------------------------------------------------- module

    /// Checks shell input: `imports` in effect, `bound` the variables of
    /// earlier inputs (name, type scheme, Erlang variable). Returns the type
    /// of the last statement and the variables this input binds (name,
    /// Erlang variable, generalised type), or `None` after errors.
    pub fn check_shell(
        &mut self,
        imports: &[Import],
        bound: &[(String, Type, String)],
        stmts: &mut [Stmt],
        loader: Loader<'_>,
    ) -> Option<(Type, ShellBindings)> {
        let m = Module {
            imports: imports.to_vec(),
            ..Module::default()
        };
        self.register_imports(&m, loader);
        let mut inst = HashMap::new();
        let mut earlier = Vec::new();
        for (name, ty, var) in bound {
            let t = self.vars.inst_inner(ty, &mut inst);
            earlier.push((name.clone(), t.clone()));
            self.bind_local(name, t, 0..0, Some(var.clone()));
            self.lookup_local(name);
        }
        let mark = self.scope_mark();
        let (ty, _) = self.infer_stmts(stmts);
        if self.error_count() > 0 {
            return None;
        }
        let mut gen = HashMap::new();
        let mut new: Vec<(String, String, Type)> = Vec::new();
        for l in &self.locals[mark..] {
            let t = self.vars.gen_all_inner(&l.ty, &mut gen);
            new.retain(|(n, ..)| *n != l.name);
            new.push((l.name.clone(), l.unique.clone(), t));
        }
        let kept = earlier
            .into_iter()
            .filter(|(n, _)| !new.iter().any(|(m, ..)| m == n))
            .map(|(n, t)| {
                let t = self.vars.gen_all_inner(&t, &mut gen);
                (n, t)
            })
            .collect();
        Some((ty, ShellBindings { new, kept }))
    }

    pub fn check_module(&mut self, m: &mut Module, loader: Loader<'_>) -> Interface {
        self.register_imports(m, loader);
        self.register_types(m);
        // Constants that name module functions are checked after the
        // functions; the others first, so functions can use them.
        let fn_names: HashSet<String> = m.functions.iter().map(|f| f.name.clone()).collect();
        let mods = self.imported_module_names();
        let (late, early): (Vec<ConstDef>, Vec<ConstDef>) =
            std::mem::take(&mut m.consts).into_iter().partition(|c| {
                let mut refs = HashSet::new();
                collect_refs(&c.value, &mods, &mut refs);
                refs.iter().any(|r| fn_names.contains(r))
            });
        m.consts = early;
        self.check_consts(&mut m.consts);
        let arities: HashMap<String, usize> = m
            .functions
            .iter()
            .map(|f| (f.name.clone(), f.params.len()))
            .collect();
        for c in &late {
            // Functions may use these before they are checked: their
            // annotation gives the type, a syntactic reading the value.
            let (Some(ann), Some(value)) = (&c.ann, self.syntactic_const(&c.value, &arities))
            else {
                continue;
            };
            self.ann_vars.clear();
            let t = self.ann_type(ann, None);
            let scheme = self.vars.generalise_all(&t);
            self.values.insert(
                c.name.clone(),
                ValueInfo {
                    scheme,
                    kind: ValueKind::Const(value),
                    public: c.public,
                    labels: Vec::new(),
                    deprecated: None,
                },
            );
        }
        self.check_functions(m);
        let mut late = late;
        self.check_consts(&mut late);
        m.consts.extend(late);
        self.warn_unused_imports();
        self.interface(m)
    }

    fn register_imports(&mut self, m: &Module, loader: Loader<'_>) {
        for imp in &m.imports {
            let iface = match loader(&imp.module) {
                Some(Ok(i)) => i,
                Some(Err(msg)) => {
                    self.error(imp.module_span.clone(), "Imported module has errors", msg);
                    self.failed_imports.insert(imp.alias.clone());
                    continue;
                }
                None => {
                    self.failed_imports.insert(imp.alias.clone());
                    // A near miss among the library's modules, or the list
                    // of them (the user's own modules are found by path).
                    let library: Vec<&str> = crate::library::modules().collect();
                    let note = match suggest(&imp.module, library.iter().copied()) {
                        Some(s) => format!("Did you mean `{s}`?"),
                        None => format!("The library's modules are {}.", library.join(", ")),
                    };
                    self.error(
                        imp.module_span.clone(),
                        "Unknown module",
                        format!("No module has been found with the name `{}`.", imp.module),
                    )
                    .notes
                    .push(note);
                    continue;
                }
            };
            self.printer_quals
                .insert(imp.module.clone(), imp.alias.clone());
            for t in iface.types.values() {
                self.type_defs
                    .insert((t.module.clone(), t.name.clone()), t.clone());
            }
            for u in &imp.types {
                match iface.types.get(&u.name).filter(|t| t.public) {
                    Some(t) => {
                        self.types.insert(u.local_name().to_string(), t.clone());
                    }
                    None => {
                        self.error(
                            u.span.clone(),
                            "Unknown module type",
                            format!(
                                "The module `{}` does not have a `{}` type.",
                                imp.module, u.name
                            ),
                        );
                    }
                }
            }
            for u in &imp.values {
                match iface.values.get(&u.name).filter(|v| v.public) {
                    Some(v) => {
                        self.values.insert(u.local_name().to_string(), v.clone());
                        self.unqualified_used
                            .insert(u.local_name().to_string(), (u.span.clone(), false));
                    }
                    None => {
                        // `import m.{Type}` without `type` imports the constructors of that name.
                        if iface.types.get(&u.name).is_some_and(|t| t.public)
                            && u.name.starts_with(char::is_uppercase)
                        {
                            self.error(
                                u.span.clone(),
                                "Unknown module value",
                                format!(
                                    "The module `{}` has a type `{}` but no value of that name.",
                                    imp.module, u.name
                                ),
                            )
                            .notes
                            .push(format!("Import the type with `type {}`.", u.name));
                        } else {
                            let sugg = suggest(&u.name, iface.values.keys().map(String::as_str));
                            let d = self.error(
                                u.span.clone(),
                                "Unknown module value",
                                format!(
                                    "The module `{}` does not have a `{}` value.",
                                    imp.module, u.name
                                ),
                            );
                            if let Some(s) = sugg {
                                d.notes.push(format!("Did you mean `{s}`?"));
                            }
                        }
                    }
                }
            }
            let uses_unqualified = !imp.values.is_empty() || !imp.types.is_empty();
            self.imports.insert(
                imp.alias.clone(),
                (iface, imp.span.clone(), uses_unqualified),
            );
        }
    }

    fn warn_unused_imports(&mut self) {
        let mut unused: Vec<(Span, String)> = self
            .imports
            .iter()
            .filter(|(_, (_, _, used))| !used)
            .map(|(alias, (_, span, _))| (span.clone(), alias.clone()))
            .collect();
        unused.sort_by_key(|(s, _)| s.start);
        for (span, _) in unused {
            self.warning(
                span,
                "Unused imported module",
                "This imported module is never used",
            );
        }
        let mut items: Vec<(Span, String)> = self
            .unqualified_used
            .iter()
            .filter(|(_, (_, used))| !used)
            .map(|(n, (s, _))| (s.clone(), n.clone()))
            .collect();
        items.sort_by_key(|(s, _)| s.start);
        for (span, _) in items {
            self.warning(
                span,
                "Unused imported value",
                "This imported value is never used",
            );
        }
    }

    fn register_types(&mut self, m: &Module) {
        // Names first, so types can refer to each other in any order.
        for t in &m.types {
            let info = TypeInfo {
                module: self.module_name.clone(),
                name: t.name.clone(),
                arity: t.params.len(),
                public: t.public,
                opaque: t.opaque,
                constructors: Arc::new(Vec::new()),
                alias: None,
            };
            if self
                .types
                .get(&t.name)
                .is_some_and(|x| x.module == self.module_name)
            {
                self.error(
                    t.span.clone(),
                    "Duplicate type definition",
                    format!("The type `{}` has been defined multiple times.", t.name),
                );
            }
            self.types.insert(t.name.clone(), info);
        }
        for a in &m.aliases {
            let ty = self.ann_type(&a.ty, Some(&a.params));
            self.types.insert(
                a.name.clone(),
                TypeInfo {
                    module: self.module_name.clone(),
                    name: a.name.clone(),
                    arity: a.params.len(),
                    public: a.public,
                    opaque: false,
                    constructors: Arc::new(Vec::new()),
                    alias: Some(ty),
                },
            );
        }
        for t in &m.types {
            let result = Type::named(
                &self.module_name,
                &t.name,
                (0..t.params.len() as u32).map(Type::Gen).collect(),
            );
            let mut ctors = Vec::new();
            for (index, c) in t.constructors.iter().enumerate() {
                let fields: Vec<Type> = c
                    .fields
                    .iter()
                    .map(|(_, a)| self.ann_type(a, Some(&t.params)))
                    .collect();
                let labels: Vec<Option<String>> = c.fields.iter().map(|(l, _)| l.clone()).collect();
                let tag = snake_case(&c.name);
                let scheme = if fields.is_empty() {
                    result.clone()
                } else {
                    Type::Fn(fields.clone(), Box::new(result.clone()))
                };
                self.values.insert(
                    c.name.clone(),
                    ValueInfo {
                        scheme,
                        kind: ValueKind::Constructor {
                            type_module: self.module_name.clone(),
                            type_name: t.name.clone(),
                            index,
                            tag: tag.clone(),
                            arity: fields.len(),
                        },
                        public: t.public && !t.opaque,
                        labels: labels.clone(),
                        deprecated: None,
                    },
                );
                ctors.push(CtorInfo {
                    name: c.name.clone(),
                    tag,
                    labels,
                    fields,
                    index,
                });
            }
            let ctors = Arc::new(ctors);
            if let Some(info) = self.types.get_mut(&t.name) {
                info.constructors = ctors;
                let info = info.clone();
                self.type_defs
                    .insert((self.module_name.clone(), t.name.clone()), info);
            }
        }
    }

    fn check_consts(&mut self, consts: &mut [ConstDef]) {
        for c in consts.iter_mut() {
            self.ann_vars.clear();
            let ty = self.infer(&mut c.value);
            if let Some(ann) = &c.ann {
                let at = self.ann_type(ann, None);
                self.unify_at(&at, &ty, c.value.span.clone());
            }
            let value = match self.const_value(&c.value) {
                Some(v) => v,
                None => {
                    self.error(c.value.span.clone(), "Invalid constant", "This expression is not allowed in a constant")
                        .notes
                        .push("Constants can contain literals, tuples, lists, records, bit arrays and other constants.".into());
                    ConstValue::Int("0".into())
                }
            };
            let scheme = self.vars.generalise_all(&ty);
            self.values.insert(
                c.name.clone(),
                ValueInfo {
                    scheme,
                    kind: ValueKind::Const(value),
                    public: c.public,
                    labels: Vec::new(),
                    deprecated: None,
                },
            );
        }
    }

    /// The value of a constant expression whose names are already resolved.
    fn const_value(&self, e: &Expr) -> Option<ConstValue> {
        Some(match &e.kind {
            ExprKind::Int(i) => ConstValue::Int(i.clone()),
            ExprKind::Float(f) => ConstValue::Float(f.clone()),
            ExprKind::Str(s) => ConstValue::Str(s.clone()),
            ExprKind::Tuple(items) => ConstValue::Tuple(
                items
                    .iter()
                    .map(|i| self.const_value(i))
                    .collect::<Option<_>>()?,
            ),
            ExprKind::List { elems, tail: None } => ConstValue::List(
                elems
                    .iter()
                    .map(|i| self.const_value(i))
                    .collect::<Option<_>>()?,
            ),
            ExprKind::Var { res, .. } => self.const_of_res(res)?,
            ExprKind::FieldAccess {
                access: Access::Module(res),
                ..
            } => self.const_of_res(res)?,
            ExprKind::Call { fun, args } => {
                let res = match &fun.kind {
                    ExprKind::Var { res, .. } => res,
                    ExprKind::FieldAccess {
                        access: Access::Module(res),
                        ..
                    } => res,
                    _ => return None,
                };
                match res {
                    Res::Constructor { tag, .. } => ConstValue::Record(
                        tag.clone(),
                        args.iter()
                            .map(|a| self.const_value(&a.value))
                            .collect::<Option<_>>()?,
                    ),
                    _ => return None,
                }
            }
            _ => return None,
        })
    }

    /// The value of a constant read before type checking: literals,
    /// collections, constructors, constants and functions of this module.
    fn syntactic_const(&self, e: &Expr, arities: &HashMap<String, usize>) -> Option<ConstValue> {
        Some(match &e.kind {
            ExprKind::Int(i) => ConstValue::Int(i.clone()),
            ExprKind::Float(f) => ConstValue::Float(f.clone()),
            ExprKind::Str(s) => ConstValue::Str(s.clone()),
            ExprKind::Tuple(items) => ConstValue::Tuple(
                items
                    .iter()
                    .map(|i| self.syntactic_const(i, arities))
                    .collect::<Option<_>>()?,
            ),
            ExprKind::List { elems, tail: None } => ConstValue::List(
                elems
                    .iter()
                    .map(|i| self.syntactic_const(i, arities))
                    .collect::<Option<_>>()?,
            ),
            ExprKind::Var { name, .. } => match arities.get(name) {
                Some(&arity) => ConstValue::Fn {
                    module: self.erl_name.clone(),
                    name: name.clone(),
                    arity,
                },
                None => match &self.values.get(name)?.kind {
                    ValueKind::Const(c) => c.clone(),
                    ValueKind::Constructor { tag, arity: 0, .. } => {
                        ConstValue::Record(tag.clone(), Vec::new())
                    }
                    _ => return None,
                },
            },
            ExprKind::Call { fun, args } => {
                let ExprKind::Var { name, .. } = &fun.kind else {
                    return None;
                };
                let ValueKind::Constructor { tag, .. } = &self.values.get(name)?.kind else {
                    return None;
                };
                ConstValue::Record(
                    tag.clone(),
                    args.iter()
                        .map(|a| self.syntactic_const(&a.value, arities))
                        .collect::<Option<_>>()?,
                )
            }
            _ => return None,
        })
    }

    fn const_of_res(&self, res: &Res) -> Option<ConstValue> {
        Some(match res {
            Res::Const(c) => c.clone(),
            Res::Constructor { tag, arity: 0 } => ConstValue::Record(tag.clone(), Vec::new()),
            Res::Fn {
                module,
                name,
                arity,
                ..
            } => ConstValue::Fn {
                module: module.clone(),
                name: name.clone(),
                arity: *arity,
            },
            _ => return None,
        })
    }

    fn fn_type_from_annotations(&mut self, f: &FnDef) -> Type {
        let params = f
            .params
            .iter()
            .map(|p| match &p.ann {
                Some(a) => self.ann_type(a, None),
                None => self.vars.fresh(),
            })
            .collect();
        let ret = match &f.ret {
            Some(a) => self.ann_type(a, None),
            None => self.vars.fresh(),
        };
        Type::Fn(params, Box::new(ret))
    }

    fn fn_value(&self, f: &FnDef, scheme: Type) -> ValueInfo {
        let (module, name) = match &f.external {
            Some((m, n)) if f.body.is_none() => (m.clone(), n.clone()),
            _ => (self.erl_name.clone(), f.name.clone()),
        };
        ValueInfo {
            scheme,
            kind: ValueKind::Fn {
                module,
                name,
                arity: f.params.len(),
            },
            public: f.public,
            labels: f.params.iter().map(|p| p.label.clone()).collect(),
            deprecated: f.deprecated.clone(),
        }
    }

    fn check_functions(&mut self, m: &mut Module) {
        let names: HashMap<String, usize> = m
            .functions
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.clone(), i))
            .collect();
        let mut seen = HashSet::new();
        for f in &m.functions {
            if !seen.insert(f.name.clone()) {
                self.error(
                    f.name_span.clone(),
                    "Duplicate definition",
                    format!("`{}` has been defined multiple times.", f.name),
                );
            }
        }
        // Body-less externals: their annotations are their types.
        for f in m.functions.iter().filter(|f| f.body.is_none()) {
            self.ann_vars.clear();
            if f.external.is_none() && !f.js_external {
                self.error(
                    f.name_span.clone(),
                    "Function without a body",
                    "this function has no body and no @external(erlang, ...)",
                );
            }
            if f.params.iter().any(|p| p.ann.is_none()) || f.ret.is_none() {
                self.error(
                    f.name_span.clone(),
                    "Missing type annotation",
                    "external functions need every parameter and the return type annotated",
                );
            }
            let t = self.fn_type_from_annotations(f);
            let scheme = self.vars.generalise_all(&t);
            let v = self.fn_value(f, scheme);
            self.values.insert(f.name.clone(), v);
        }
        let mods = self.imported_module_names();
        let deps: Vec<Vec<usize>> = m
            .functions
            .iter()
            .map(|f| {
                let mut refs = HashSet::new();
                if let Some(body) = &f.body {
                    for s in body {
                        collect_refs_stmt(s, &mods, &mut refs);
                    }
                }
                let mut v: Vec<usize> = refs.iter().filter_map(|r| names.get(r).copied()).collect();
                v.sort_unstable();
                v
            })
            .collect();
        for scc in sccs(&deps) {
            let group: Vec<usize> = scc
                .into_iter()
                .filter(|i| m.functions[*i].body.is_some())
                .collect();
            if group.is_empty() {
                continue;
            }
            self.vars.level += 1;
            let mut types = Vec::new();
            let mut ann_maps = Vec::new();
            for &i in &group {
                self.ann_vars.clear();
                let t = self.fn_type_from_annotations(&m.functions[i]);
                ann_maps.push(self.ann_vars.clone());
                let v = self.fn_value(&m.functions[i], t.clone());
                self.values.insert(m.functions[i].name.clone(), v);
                types.push(t);
            }
            for (k, &i) in group.iter().enumerate() {
                self.ann_vars = ann_maps[k].clone();
                let f = &mut m.functions[i];
                self.current_fn = f.name.clone();
                let Type::Fn(param_tys, ret) = types[k].clone() else {
                    continue;
                };
                let mark = self.scope_mark();
                for (p, t) in f.params.iter_mut().zip(&param_tys) {
                    if !p.name.starts_with('_') {
                        p.name = self.bind_local(&p.name.clone(), t.clone(), p.span.clone(), None);
                    }
                }
                if let Some(body) = &mut f.body {
                    let (bt, last_span) = self.infer_block(body);
                    let span = last_span.unwrap_or(f.span.clone());
                    self.unify_at(&ret, &bt, span);
                }
                self.scope_pop(mark);
            }
            self.vars.level -= 1;
            for (k, &i) in group.iter().enumerate() {
                let scheme = self.vars.generalise(&types[k]);
                let v = self.fn_value(&m.functions[i], scheme);
                self.values.insert(m.functions[i].name.clone(), v);
            }
        }
    }

    fn interface(&self, m: &Module) -> Interface {
        let mut types = HashMap::new();
        for t in m
            .types
            .iter()
            .map(|t| &t.name)
            .chain(m.aliases.iter().map(|a| &a.name))
        {
            if let Some(info) = self.types.get(t) {
                let mut info = info.clone();
                if let Some(a) = &info.alias {
                    info.alias = Some(self.vars.resolve(a));
                }
                types.insert(t.clone(), info);
            }
        }
        let mut values = HashMap::new();
        let own: HashSet<&str> = m
            .functions
            .iter()
            .map(|f| f.name.as_str())
            .chain(m.consts.iter().map(|c| c.name.as_str()))
            .chain(
                m.types
                    .iter()
                    .flat_map(|t| t.constructors.iter().map(|c| c.name.as_str())),
            )
            .collect();
        for (name, v) in &self.values {
            if own.contains(name.as_str()) {
                let mut v = v.clone();
                v.scheme = self.vars.generalise_all(&v.scheme);
                values.insert(name.clone(), v);
            }
        }
        Interface {
            name: self.module_name.clone(),
            erl_name: self.erl_name.clone(),
            types,
            values,
        }
    }
}

/// Replaces `Gen(i)` with `args[i]`.
pub fn substitute(t: &Type, args: &[Type]) -> Type {
    match t {
        Type::Gen(i) => args.get(*i as usize).cloned().unwrap_or(Type::Gen(*i)),
        Type::Named {
            module,
            name,
            args: a,
        } => Type::Named {
            module: module.clone(),
            name: name.clone(),
            args: a.iter().map(|x| substitute(x, args)).collect(),
        },
        Type::Fn(a, r) => Type::Fn(
            a.iter().map(|x| substitute(x, args)).collect(),
            Box::new(substitute(r, args)),
        ),
        Type::Tuple(items) => Type::Tuple(items.iter().map(|x| substitute(x, args)).collect()),
        Type::Var(v) => Type::Var(*v),
    }
}

/// Names an expression may refer to (over-approximate: shadowing ignored),
/// for the dependency order of top-level functions. `mods` are the
/// imported modules' names.
fn collect_refs_stmt(s: &Stmt, mods: &HashSet<String>, out: &mut HashSet<String>) {
    match s {
        Stmt::Expr(e) => collect_refs(e, mods, out),
        Stmt::Let { value, message, .. } => {
            collect_refs(value, mods, out);
            if let Some(m) = message {
                collect_refs(m, mods, out);
            }
        }
    }
}

fn collect_refs(e: &Expr, mods: &HashSet<String>, out: &mut HashSet<String>) {
    match &e.kind {
        ExprKind::Var { name, .. } => {
            out.insert(name.clone());
        }
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Invalid => {}
        ExprKind::Tuple(items) => items.iter().for_each(|i| collect_refs(i, mods, out)),
        ExprKind::List { elems, tail } => {
            elems.iter().for_each(|i| collect_refs(i, mods, out));
            if let Some(t) = tail {
                collect_refs(t, mods, out);
            }
        }
        ExprKind::Fn { body, .. } | ExprKind::Block(body) => {
            body.iter().for_each(|s| collect_refs_stmt(s, mods, out))
        }
        ExprKind::Call { fun, args } => {
            collect_refs(fun, mods, out);
            args.iter().for_each(|a| collect_refs(&a.value, mods, out));
        }
        ExprKind::BinOp { left, right, .. } | ExprKind::Pipe { left, right } => {
            collect_refs(left, mods, out);
            collect_refs(right, mods, out);
        }
        ExprKind::Assert { value, message } => {
            collect_refs(value, mods, out);
            if let Some(m) = message {
                collect_refs(m, mods, out);
            }
        }
        ExprKind::NegateInt(x) | ExprKind::NegateBool(x) | ExprKind::Echo(x) => {
            collect_refs(x, mods, out)
        }
        ExprKind::Case { subjects, clauses } => {
            subjects.iter().for_each(|i| collect_refs(i, mods, out));
            for c in clauses {
                if let Some(g) = &c.guard {
                    collect_refs(g, mods, out);
                }
                collect_refs(&c.body, mods, out);
            }
        }
        // `list.map` names module `list`, not a top-level function `list`
        // of this module (gleam/dynamic/decode has both): counting it would
        // put unrelated functions in one recursive group and stop them
        // being generalised.
        ExprKind::FieldAccess { target, .. } if matches!(&target.kind, ExprKind::Var { name, .. } if mods.contains(name)) =>
            {}
        ExprKind::FieldAccess { target, .. } | ExprKind::TupleIndex { target, .. } => {
            collect_refs(target, mods, out)
        }
        ExprKind::RecordUpdate {
            constructor,
            base,
            fields,
            ..
        } => {
            collect_refs(constructor, mods, out);
            collect_refs(base, mods, out);
            fields
                .iter()
                .for_each(|(_, v, _)| collect_refs(v, mods, out));
        }
        ExprKind::Todo(m) | ExprKind::Panic(m) => {
            if let Some(m) = m {
                collect_refs(m, mods, out);
            }
        }
        ExprKind::BitArray(segs) => segs.iter().for_each(|s| collect_refs(&s.value, mods, out)),
    }
}

/// Tarjan's strongly connected components, dependencies first.
fn sccs(deps: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct St<'d> {
        deps: &'d [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(s: &mut St<'_>, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on[v] = true;
        for &w in &s.deps[v] {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(iw) if s.on[w] => s.low[v] = s.low[v].min(iw),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on[w] = false;
                comp.push(w);
                if w == v {
                    break;
                }
            }
            comp.sort_unstable();
            s.out.push(comp);
        }
    }
    let n = deps.len();
    let mut s = St {
        deps,
        index: vec![None; n],
        low: vec![0; n],
        on: vec![false; n],
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            visit(&mut s, v);
        }
    }
    s.out
}

pub fn prelude_module() -> &'static str {
    PRELUDE
}
