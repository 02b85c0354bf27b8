//! Inference of expressions and blocks.

use std::sync::Arc;

use crate::ast::*;
use crate::exhaustive::{self, Pat};
use crate::interface::{ValueInfo, ValueKind};
use crate::types::Type;

use super::{suggest, Checker};

impl Checker<'_> {
    /// Infers a block; returns its type and the span of its last expression.
    pub fn infer_block(&mut self, stmts: &mut [Stmt]) -> (Type, Option<Span>) {
        let mark = self.scope_mark();
        let r = self.infer_stmts(stmts);
        self.scope_pop(mark);
        r
    }

    /// Infers statements in the current scope; their `let`s stay bound.
    pub fn infer_stmts(&mut self, stmts: &mut [Stmt]) -> (Type, Option<Span>) {
        let mut ty = Type::nil();
        let mut last = None;
        for s in stmts.iter_mut() {
            match s {
                Stmt::Expr(e) => {
                    ty = self.infer(e);
                    last = Some(e.span.clone());
                }
                Stmt::Let {
                    pattern,
                    ann,
                    value,
                    assert,
                    message,
                    span,
                } => {
                    let vt = self.infer(value);
                    if let Some(a) = ann {
                        let at = self.ann_type(a, None);
                        self.unify_at(&at, &vt, value.span.clone());
                    }
                    if let Some(m) = message {
                        let mt = self.infer(m);
                        self.unify_at(&Type::string(), &mt, m.span.clone());
                    }
                    let mut binds = Vec::new();
                    let pat = self.check_pattern(pattern, &vt, &mut binds, None);
                    for (name, unique, t, sp) in binds {
                        self.bind_local(&name, t, sp, Some(unique));
                    }
                    if !*assert {
                        let missing = exhaustive::missing(&[vec![pat]], 1);
                        if !missing.is_empty() {
                            let list: Vec<String> = missing
                                .iter()
                                .map(|w| format!("    {}", exhaustive::show(&w[0])))
                                .collect();
                            self.error(pattern.span.clone(), "Inexhaustive pattern", "This pattern does not match all possible values")
                                .notes
                                .push(format!(
                                    "This assignment uses a pattern that does not match all possible values. If one of the other values is used then the assignment will crash.\n\nThe missing patterns are:\n\n{}\n\nUse a more general pattern or use `let assert` instead.",
                                    list.join("\n")
                                ));
                        }
                    }
                    ty = vt;
                    last = Some(span.clone());
                }
            }
        }
        (ty, last)
    }

    /// Infers an expression; errors are reported and a fresh variable stands
    /// in for the broken part, so inference continues.
    pub fn infer(&mut self, e: &mut Expr) -> Type {
        let span = e.span.clone();
        match &mut e.kind {
            ExprKind::Int(_) => Type::int(),
            ExprKind::Float(_) => Type::float(),
            ExprKind::Str(_) => Type::string(),
            ExprKind::Invalid => self.vars.fresh(),
            ExprKind::Var { name, res } => {
                let (t, r) = self.infer_var(name, &span);
                *res = r;
                t
            }
            ExprKind::Tuple(items) => {
                Type::Tuple(items.iter_mut().map(|i| self.infer(i)).collect())
            }
            ExprKind::List { elems, tail } => {
                let elem = self.vars.fresh();
                for x in elems.iter_mut() {
                    let t = self.infer(x);
                    self.unify_at(&elem, &t, x.span.clone());
                }
                let lt = Type::list(elem);
                if let Some(tl) = tail {
                    let t = self.infer(tl);
                    self.unify_at(&lt, &t, tl.span.clone());
                }
                lt
            }
            ExprKind::Fn { params, ret, body } => {
                let mark = self.scope_mark();
                let mut pts = Vec::new();
                let expected = self.pending_params.take();
                for (i, p) in params.iter_mut().enumerate() {
                    let t = match &p.ann {
                        Some(a) => {
                            let t = self.ann_type(a, None);
                            if let Some(e) = expected.as_ref().and_then(|e| e.get(i)) {
                                let e = e.clone();
                                self.unify_at(&e, &t, p.span.clone());
                            }
                            t
                        }
                        None => match expected.as_ref().and_then(|e| e.get(i)) {
                            Some(e) => e.clone(),
                            None => self.vars.fresh(),
                        },
                    };
                    if !p.name.starts_with('_') {
                        p.name = self.bind_local(&p.name.clone(), t.clone(), p.span.clone(), None);
                    }
                    pts.push(t);
                }
                let (bt, last) = self.infer_block(body);
                if let Some(r) = ret {
                    let rt = self.ann_type(r, None);
                    self.unify_at(&rt, &bt, last.unwrap_or(span.clone()));
                }
                self.scope_pop(mark);
                Type::Fn(pts, Box::new(bt))
            }
            ExprKind::Call { .. } => self.infer_call(e),
            ExprKind::Pipe { .. } => self.infer_pipe(e),
            ExprKind::BinOp { op, left, right } => {
                let op = *op;
                let (operand, result) = match op {
                    BinOp::And | BinOp::Or => (Some(Type::bool()), Type::bool()),
                    BinOp::Eq | BinOp::NotEq => (None, Type::bool()),
                    BinOp::LtInt | BinOp::GtInt | BinOp::LtEqInt | BinOp::GtEqInt => {
                        (Some(Type::int()), Type::bool())
                    }
                    BinOp::LtFloat | BinOp::GtFloat | BinOp::LtEqFloat | BinOp::GtEqFloat => {
                        (Some(Type::float()), Type::bool())
                    }
                    BinOp::AddInt
                    | BinOp::SubInt
                    | BinOp::MultInt
                    | BinOp::DivInt
                    | BinOp::RemInt => (Some(Type::int()), Type::int()),
                    BinOp::AddFloat | BinOp::SubFloat | BinOp::MultFloat | BinOp::DivFloat => {
                        (Some(Type::float()), Type::float())
                    }
                    BinOp::Concat => (Some(Type::string()), Type::string()),
                };
                let lt = self.infer(left);
                let rt = self.infer(right);
                match operand {
                    Some(o) => {
                        let before = self.diags.len();
                        if !self.unify_at(&o, &lt, left.span.clone()) {
                            self.operator_hint(before, op, &o);
                        }
                        let before = self.diags.len();
                        if !self.unify_at(&o, &rt, right.span.clone()) {
                            self.operator_hint(before, op, &o);
                        }
                    }
                    None => {
                        self.unify_at(&lt, &rt, right.span.clone());
                    }
                }
                result
            }
            ExprKind::NegateInt(x) => {
                let t = self.infer(x);
                self.unify_at(&Type::int(), &t, x.span.clone());
                Type::int()
            }
            ExprKind::NegateBool(x) => {
                let t = self.infer(x);
                self.unify_at(&Type::bool(), &t, x.span.clone());
                Type::bool()
            }
            ExprKind::Block(body) => self.infer_block(body).0,
            ExprKind::Echo(x) => self.infer(x),
            ExprKind::Assert { value, message } => {
                let t = self.infer(value);
                self.unify_at(&Type::bool(), &t, value.span.clone());
                if let Some(m) = message {
                    let mt = self.infer(m);
                    self.unify_at(&Type::string(), &mt, m.span.clone());
                }
                Type::nil()
            }
            ExprKind::Todo(m) | ExprKind::Panic(m) => {
                if let Some(m) = m {
                    let t = self.infer(m);
                    self.unify_at(&Type::string(), &t, m.span.clone());
                }
                if matches!(e.kind, ExprKind::Todo(_)) {
                    self.warning(span, "Todo found", "This code is incomplete")
                        .notes
                        .push("This code will crash if it is run. Be sure to finish it before running your program.".into());
                }
                self.vars.fresh()
            }
            ExprKind::Case { .. } => self.infer_case(e),
            ExprKind::FieldAccess { .. } => self.infer_field_access(e),
            ExprKind::TupleIndex { target, index } => {
                let t = self.infer(target);
                let index = *index;
                match self.vars.shallow(&t) {
                    Type::Tuple(items) if index < items.len() => items[index].clone(),
                    Type::Tuple(items) => {
                        self.error(
                            span,
                            "Out of bounds tuple index",
                            format!(
                                "This index is too large; the tuple has {} elements",
                                items.len()
                            ),
                        );
                        self.vars.fresh()
                    }
                    Type::Var(_) => {
                        self.error(
                            span,
                            "Unknown type for tuple index",
                            "The type of this value is not known here",
                        )
                        .notes
                        .push("Add a type annotation so the tuple's size is known.".into());
                        self.vars.fresh()
                    }
                    other => {
                        let shown = self.show(&other);
                        self.error(
                            target.span.clone(),
                            "Type mismatch",
                            format!("This is not a tuple, its type is {shown}"),
                        );
                        self.vars.fresh()
                    }
                }
            }
            ExprKind::RecordUpdate { .. } => self.infer_record_update(e),
            ExprKind::BitArray(segs) => {
                for s in segs.iter_mut() {
                    self.check_segment_expr(s);
                }
                Type::bit_array()
            }
        }
    }

    /// Infers `e` where a value of type `expected` is wanted: an anonymous
    /// function takes its parameter types from the expected function type
    /// first, so `list.map(pairs, fn(p) { p.0 })` knows `p`'s type.
    pub fn infer_expecting(&mut self, e: &mut Expr, expected: &Type) -> Type {
        if let ExprKind::Fn { params, .. } = &e.kind {
            if let Type::Fn(eps, _) = self.vars.shallow(expected) {
                if eps.len() == params.len() {
                    self.pending_params = Some(eps);
                }
            }
        }
        let t = self.infer(e);
        self.pending_params = None;
        t
    }

    fn operator_hint(&mut self, before: usize, op: BinOp, operand: &Type) {
        let which = self.show(operand);
        let alt = match op {
            BinOp::AddInt => Some("+."),
            BinOp::SubInt => Some("-."),
            BinOp::MultInt => Some("*."),
            BinOp::DivInt => Some("/."),
            BinOp::LtInt => Some("<."),
            BinOp::GtInt => Some(">."),
            BinOp::LtEqInt => Some("<=."),
            BinOp::GtEqInt => Some(">=."),
            _ => None,
        };
        if let Some(d) = self.diags.get_mut(before) {
            let mut note = format!(
                "The {} operator can only be used on {which} values.",
                op.text()
            );
            if let Some(a) = alt {
                note.push_str(&format!(" Use `{a}` for Floats."));
            }
            d.notes.push(note);
        }
    }

    fn check_segment_expr(&mut self, s: &mut Segment<Expr>) {
        let vt = self.infer(&mut s.value);
        let mut want = Type::int();
        for o in s.options.iter_mut() {
            match o {
                SegOpt::Flag(f, sp) => match f.as_str() {
                    "int" | "signed" | "unsigned" | "big" | "little" | "native" => {}
                    "float" => want = Type::float(),
                    "bits" | "bytes" | "bit_array" => want = Type::bit_array(),
                    "utf8" | "utf16" | "utf32" => want = Type::string(),
                    "utf8_codepoint" | "utf16_codepoint" | "utf32_codepoint" => {
                        want = Type::prelude("UtfCodepoint", vec![])
                    }
                    other => {
                        let msg = format!("`{other}` is not a bit array segment option");
                        self.error(sp.clone(), "Invalid bit array segment", msg);
                    }
                },
                SegOpt::Size(e) => {
                    let t = self.infer(e);
                    self.unify_at(&Type::int(), &t, e.span.clone());
                }
                SegOpt::Unit(..) => {}
            }
        }
        // A string literal segment without options is UTF-8 text.
        if matches!(s.value.kind, ExprKind::Str(_)) && s.options.is_empty() {
            want = Type::string();
            s.options.push(SegOpt::Flag("utf8".into(), s.span.clone()));
        }
        self.unify_at(&want, &vt, s.value.span.clone());
    }

    pub fn res_of_value(&self, name: &str, v: &ValueInfo) -> Res {
        match &v.kind {
            ValueKind::Fn {
                module,
                name: fname,
                arity,
            } => Res::Fn {
                module: module.clone(),
                name: fname.clone(),
                arity: *arity,
                local: *module == self.erl_name && fname == name,
            },
            ValueKind::Constructor { tag, arity, .. } => Res::Constructor {
                tag: tag.clone(),
                arity: *arity,
            },
            ValueKind::Const(c) => Res::Const(c.clone()),
        }
    }

    fn infer_var(&mut self, name: &str, span: &Span) -> (Type, Res) {
        if let Some((unique, t)) = self.lookup_local(name) {
            return (t, Res::Local(unique));
        }
        if let Some(v) = self.module_value(name) {
            if let Some(msg) = &v.deprecated {
                let msg = msg.clone();
                self.warning(
                    span.clone(),
                    "Deprecated value used",
                    format!("This value has been deprecated: {msg}"),
                );
            }
            let t = self.vars.instantiate(&v.scheme);
            return (t, self.res_of_value(name, &v));
        }
        let names = self.value_names();
        let sugg = suggest(name, names.iter().map(String::as_str));
        let title = "Unknown variable";
        let what = if self.is_import(name) {
            format!("`{name}` is a module; use `{name}.something` to refer to its values")
        } else {
            format!("The name `{name}` is not in scope here.")
        };
        let d = self.error(span.clone(), title, what);
        if let Some(s) = sugg {
            d.notes.push(format!("Did you mean `{s}`?"));
        }
        (self.vars.fresh(), Res::Unresolved)
    }

    /// `module.value` when `module` is an imported module (and not shadowed by
    /// a local variable).
    fn module_access(
        &mut self,
        target: &Expr,
        label: &str,
        label_span: &Span,
    ) -> Option<Option<(Type, Res, ValueInfo)>> {
        let ExprKind::Var { name, .. } = &target.kind else {
            return None;
        };
        if self.failed_imports.contains(name.as_str()) && !self.local_names().any(|l| l == name) {
            return Some(None);
        }
        if self.local_names().any(|l| l == name) {
            // A local shadows the module, unless it has no such field and
            // the module has such a value (Gleam retries as module access).
            if !self.is_import(name) || self.local_has_field(name, label) {
                return None;
            }
            let has = self.imports_value(name, label);
            if !has {
                return None;
            }
        } else if !self.is_import(name) {
            if self.values.contains_key(name.as_str()) {
                return None;
            }
            let aliases: Vec<String> = self.import_aliases();
            let sugg = suggest(name, aliases.iter().map(String::as_str))?;
            let d = self.error(
                target.span.clone(),
                "Unknown module",
                format!("No module has been imported with the name `{name}`."),
            );
            d.notes.push(format!("Did you mean `{sugg}`?"));
            return Some(None);
        }
        let iface = self.import(name)?;
        match iface.values.get(label).filter(|v| v.public) {
            Some(v) => {
                if let Some(msg) = &v.deprecated {
                    let msg = msg.clone();
                    self.warning(
                        label_span.clone(),
                        "Deprecated value used",
                        format!("This value has been deprecated: {msg}"),
                    );
                }
                let t = self.vars.instantiate(&v.scheme);
                let res = self.res_of_value(label, v);
                Some(Some((t, res, v.clone())))
            }
            None => {
                let sugg = suggest(
                    label,
                    iface
                        .values
                        .iter()
                        .filter(|(_, v)| v.public)
                        .map(|(k, _)| k.as_str()),
                );
                let d = self.error(
                    label_span.clone(),
                    "Unknown module value",
                    format!(
                        "The module `{}` does not have a `{label}` value.",
                        iface.name
                    ),
                );
                if let Some(s) = sugg {
                    d.notes.push(format!("Did you mean `{s}`?"));
                }
                Some(None)
            }
        }
    }

    fn local_has_field(&mut self, name: &str, label: &str) -> bool {
        let Some(l) = self.local_type(name) else {
            return false;
        };
        match self.vars.shallow(&l) {
            Type::Named { module, name, .. } => self.ctor_infos(&module, &name).is_some_and(|cs| {
                cs.iter()
                    .any(|c| c.labels.iter().any(|x| x.as_deref() == Some(label)))
            }),
            _ => false,
        }
    }

    fn imports_value(&self, alias: &str, label: &str) -> bool {
        self.peek_import(alias)
            .is_some_and(|i| i.values.get(label).is_some_and(|v| v.public))
    }

    fn infer_field_access(&mut self, e: &mut Expr) -> Type {
        let ExprKind::FieldAccess {
            target,
            label,
            label_span,
            access,
        } = &mut e.kind
        else {
            return self.vars.fresh();
        };
        if let Some(found) = self.module_access(target, label, label_span) {
            return match found {
                Some((t, res, _)) => {
                    *access = Access::Module(res);
                    t
                }
                None => self.vars.fresh(),
            };
        }
        let errors_before = self.error_count();
        let tt = self.infer(target);
        let resolved = self.vars.shallow(&tt);
        if matches!(resolved, Type::Var(_)) && self.error_count() > errors_before {
            // The target is already reported; its type is unknown.
            return self.vars.fresh();
        }
        let Type::Named { module, name, args } = &resolved else {
            let shown = self.show(&resolved);
            let msg = if matches!(resolved, Type::Var(_)) {
                "The type of this value is not known here, so its fields cannot be read".to_string()
            } else {
                format!("This value has type {shown}, which has no fields")
            };
            self.error(label_span.clone(), "Unknown record field", msg);
            return self.vars.fresh();
        };
        let ctors = self.ctor_infos(module, name).unwrap_or_default();
        // The field must be at the same position in every variant.
        let mut found: Option<(usize, Type)> = None;
        let mut ok = !ctors.is_empty();
        for c in ctors.iter() {
            match c
                .labels
                .iter()
                .position(|l| l.as_deref() == Some(label.as_str()))
            {
                Some(i) if found.as_ref().is_none_or(|(j, _)| *j == i) => {
                    found = Some((i, c.fields[i].clone()))
                }
                _ => ok = false,
            }
        }
        let opaque_elsewhere = self
            .type_defs
            .get(&(module.to_string(), name.to_string()))
            .is_some_and(|t| t.opaque && *t.module != self.module_name);
        match found {
            Some((i, ft)) if ok && !opaque_elsewhere => {
                *access = Access::Field(i);
                super::substitute(&ft, args)
            }
            _ => {
                let shown = self.show(&resolved);
                let fields: Vec<String> = ctors
                    .first()
                    .map(|c| c.labels.iter().flatten().map(|l| format!(".{l}")).collect())
                    .unwrap_or_default();
                let d = self.error(
                    label_span.clone(),
                    "Unknown record field",
                    format!("The value being accessed has this type: {shown}"),
                );
                if !fields.is_empty() && !opaque_elsewhere {
                    d.notes.push(format!(
                        "It has these accessible fields:\n\n    {}",
                        fields.join("\n    ")
                    ));
                }
                self.vars.fresh()
            }
        }
    }

    fn infer_record_update(&mut self, e: &mut Expr) -> Type {
        let span = e.span.clone();
        let ExprKind::RecordUpdate {
            constructor,
            base,
            fields,
            plan,
        } = &mut e.kind
        else {
            return self.vars.fresh();
        };
        let (ct, labels) = self.infer_callee(constructor);
        let res = callee_res(constructor);
        let Some(Res::Constructor { tag, arity }) = res else {
            self.error(
                constructor.span.clone(),
                "Invalid record update",
                "This is not a record constructor",
            );
            return self.vars.fresh();
        };
        let bt = self.infer(base);
        let Type::Fn(field_tys, ret) = self.vars.shallow(&ct) else {
            self.error(
                span,
                "Invalid record update",
                "This constructor has no fields",
            );
            return self.vars.fresh();
        };
        // The result may change type parameters of the updated fields, so
        // the base gets its own instance of the constructor's type and only
        // the fields kept from it are tied to the result's.
        let base_ct = {
            let g = self
                .vars
                .generalise_all(&Type::Fn(field_tys.clone(), ret.clone()));
            self.vars.instantiate(&g)
        };
        let Type::Fn(base_fields, base_ret) = base_ct else {
            return self.vars.fresh();
        };
        self.unify_at(&base_ret, &bt, base.span.clone());
        let labels = labels.unwrap_or_default();
        let mut positions = vec![None; arity];
        for (k, (label, value, fspan)) in fields.iter_mut().enumerate() {
            let vt = self.infer(value);
            match labels
                .iter()
                .position(|l| l.as_deref() == Some(label.as_str()))
            {
                Some(i) => {
                    positions[i] = Some(k);
                    self.unify_at(&field_tys[i], &vt, value.span.clone());
                }
                None => {
                    let l = label.clone();
                    self.error(
                        fspan.clone(),
                        "Unknown label",
                        format!("This record has no field labelled `{l}`"),
                    );
                }
            }
        }
        for (i, p) in positions.iter().enumerate() {
            if p.is_none() {
                self.unify_at(&field_tys[i], &base_fields[i], base.span.clone());
            }
        }
        *plan = Some((tag, positions));
        *ret
    }

    /// Infers the function part of a call and finds its parameter labels.
    fn infer_callee(&mut self, fun: &mut Expr) -> (Type, Option<Vec<Option<String>>>) {
        let span = fun.span.clone();
        match &mut fun.kind {
            ExprKind::Var { name, res } => {
                if self.lookup_local_peek(name) {
                    let t = self.infer(fun);
                    return (t, None);
                }
                let (t, r) = self.infer_var(name, &span);
                *res = r;
                let labels = self.values.get(name.as_str()).map(|v| v.labels.clone());
                (t, labels)
            }
            ExprKind::FieldAccess {
                target,
                label,
                label_span,
                access,
            } => {
                if let Some(found) = self.module_access(target, label, label_span) {
                    return match found {
                        Some((t, res, v)) => {
                            *access = Access::Module(res);
                            (t, Some(v.labels))
                        }
                        None => (self.vars.fresh(), None),
                    };
                }
                let t = self.infer(fun);
                (t, None)
            }
            _ => {
                let t = self.infer(fun);
                (t, None)
            }
        }
    }

    fn lookup_local_peek(&self, name: &str) -> bool {
        self.local_names().any(|l| l == name)
    }

    fn infer_call(&mut self, e: &mut Expr) -> Type {
        let span = e.span.clone();
        let ExprKind::Call { fun, args } = &mut e.kind else {
            return self.vars.fresh();
        };
        let (ft, labels) = self.infer_callee(fun);
        self.check_args(ft, labels, args, None, span, &fun.span.clone())
    }

    /// Reorders labelled arguments, checks arity and argument types, and
    /// returns the result type. `first` is the type of an already inferred
    /// first argument (the left side of a pipe).
    fn check_args(
        &mut self,
        ft: Type,
        labels: Option<Vec<Option<String>>>,
        args: &mut Vec<Arg>,
        first: Option<Type>,
        span: Span,
        fun_span: &Span,
    ) -> Type {
        // Labelled arguments go to their parameter's position.
        if let Some(labels) = &labels {
            if args.iter().any(|a| a.label.is_some()) {
                let mut slots: Vec<Option<Arg>> =
                    (0..labels.len().max(args.len())).map(|_| None).collect();
                let mut positional = Vec::new();
                let mut ok = true;
                for a in args.drain(..) {
                    match &a.label {
                        None => positional.push(a),
                        Some(l) => {
                            match labels.iter().position(|x| x.as_deref() == Some(l.as_str())) {
                                Some(i) if slots[i].is_none() => slots[i] = Some(a),
                                Some(_) => {
                                    let s = a.span.clone();
                                    self.error(
                                        s,
                                        "Duplicate label",
                                        format!("The label `{l}` has already been given"),
                                    );
                                    ok = false;
                                }
                                None => {
                                    let s = a.span.clone();
                                    let sugg =
                                        suggest(l, labels.iter().flatten().map(String::as_str));
                                    let d = self.error(
                                        s,
                                        "Unknown label",
                                        format!("This function has no parameter labelled `{l}`"),
                                    );
                                    if let Some(x) = sugg {
                                        d.notes.push(format!("Did you mean `{x}`?"));
                                    } else if labels.iter().any(Option::is_some) {
                                        let all: Vec<&str> =
                                            labels.iter().flatten().map(String::as_str).collect();
                                        d.notes.push(format!(
                                            "It accepts these labels: {}",
                                            all.join(", ")
                                        ));
                                    }
                                    ok = false;
                                }
                            }
                        }
                    }
                }
                let mut pos = positional.into_iter();
                let mut out = Vec::new();
                for slot in slots {
                    match slot {
                        Some(a) => out.push(a),
                        None => {
                            if let Some(a) = pos.next() {
                                out.push(a);
                            }
                        }
                    }
                }
                out.extend(pos);
                *args = out;
                if !ok {
                    for a in args.iter_mut() {
                        self.infer(&mut a.value);
                    }
                    return self.vars.fresh();
                }
            }
        }
        let shape = self.vars.shallow(&ft);
        match shape {
            Type::Fn(params, ret) => {
                if params.len() != args.len() {
                    let d = self.error(
                        span,
                        "Incorrect arity",
                        format!(
                            "Expected {} argument{}, got {}",
                            params.len(),
                            if params.len() == 1 { "" } else { "s" },
                            args.len()
                        ),
                    );
                    if let Some(l) = &labels {
                        let ls: Vec<&str> = l.iter().flatten().map(String::as_str).collect();
                        if !ls.is_empty() && params.len() > args.len() {
                            d.notes.push(format!(
                                "This function accepts these labels: {}",
                                ls.join(", ")
                            ));
                        }
                    }
                    for a in args.iter_mut() {
                        if a.piped {
                            continue;
                        }
                        self.infer(&mut a.value);
                    }
                    return *ret;
                }
                for (i, (a, p)) in args.iter_mut().zip(&params).enumerate() {
                    let at = match (&first, i) {
                        (Some(t), _) if a.piped => t.clone(),
                        _ => self.infer_expecting(&mut a.value, p),
                    };
                    self.unify_at(p, &at, a.value.span.clone());
                }
                *ret
            }
            Type::Var(_) => {
                let mut ats = Vec::new();
                for (i, a) in args.iter_mut().enumerate() {
                    ats.push(match (&first, i) {
                        (Some(t), _) if a.piped => t.clone(),
                        _ => self.infer(&mut a.value),
                    });
                }
                let ret = self.vars.fresh();
                self.unify_at(&Type::Fn(ats, Box::new(ret.clone())), &ft, fun_span.clone());
                ret
            }
            other => {
                let shown = self.show(&other);
                self.error(
                    fun_span.clone(),
                    "Type mismatch",
                    format!("This value is being called as a function but its type is: {shown}"),
                );
                for a in args.iter_mut() {
                    if a.piped {
                        continue;
                    }
                    self.infer(&mut a.value);
                }
                self.vars.fresh()
            }
        }
    }

    /// `left |> f(args)` is `f(left, args)` when `f` takes one more argument
    /// than given, otherwise `f(args)(left)`; `left |> f` is `f(left)`.
    fn infer_pipe(&mut self, e: &mut Expr) -> Type {
        let kind = std::mem::replace(&mut e.kind, ExprKind::Invalid);
        let ExprKind::Pipe { left, right } = kind else {
            return self.vars.fresh();
        };
        let mut left = *left;
        let mut right = *right;
        let lt = self.infer(&mut left);
        let left_arg = Arg {
            piped: true,
            label: None,
            span: left.span.clone(),
            value: left,
        };
        let span = e.span.clone();
        if let ExprKind::Call { fun, args } = &mut right.kind {
            let (ft, labels) = self.infer_callee(fun);
            let arity = match self.vars.shallow(&ft) {
                Type::Fn(p, _) => Some(p.len()),
                _ => None,
            };
            let fun_span = fun.span.clone();
            if arity == Some(args.len() + 1) {
                let mut all = vec![left_arg];
                // Labelled arguments keep their labels; the piped value is the
                // first unlabelled one.
                all.append(args);
                let ret = self.check_args(ft, labels, &mut all, Some(lt), span.clone(), &fun_span);
                *args = all;
                e.kind = right.kind;
                return ret;
            }
            let inner = self.check_args(ft, labels, args, None, right.span.clone(), &fun_span);
            let ret = self.vars.fresh();
            self.unify_at(
                &Type::Fn(vec![lt], Box::new(ret.clone())),
                &inner,
                right.span.clone(),
            );
            e.kind = ExprKind::Call {
                fun: Box::new(right),
                args: vec![left_arg],
            };
            return ret;
        }
        let (ft, labels) = self.infer_callee(&mut right);
        let fun_span = right.span.clone();
        let mut args = vec![left_arg];
        let ret = match self.vars.shallow(&ft) {
            Type::Fn(p, _) if p.len() == 1 => {
                self.check_args(ft, labels, &mut args, Some(lt), span, &fun_span)
            }
            _ => {
                let ret = self.vars.fresh();
                self.unify_at(&Type::Fn(vec![lt], Box::new(ret.clone())), &ft, fun_span);
                ret
            }
        };
        e.kind = ExprKind::Call {
            fun: Box::new(right),
            args,
        };
        ret
    }

    fn infer_case(&mut self, e: &mut Expr) -> Type {
        let span = e.span.clone();
        let ExprKind::Case { subjects, clauses } = &mut e.kind else {
            return self.vars.fresh();
        };
        let subject_tys: Vec<Type> = subjects.iter_mut().map(|s| self.infer(s)).collect();
        let result = self.vars.fresh();
        let mut rows: Vec<Vec<Pat>> = Vec::new();
        let mut first_body = true;
        for clause in clauses.iter_mut() {
            let mark = self.scope_mark();
            let mut first_binds: Option<Vec<(String, String, Type, Span)>> = None;
            let mut clause_rows = Vec::new();
            for alt in clause.alternatives.iter_mut() {
                if alt.len() != subject_tys.len() {
                    let s = alt.first().map_or(clause.span.clone(), |p| p.span.clone());
                    self.error(
                        s,
                        "Incorrect number of patterns",
                        format!("Expected {} patterns, got {}", subject_tys.len(), alt.len()),
                    );
                    continue;
                }
                let mut binds = Vec::new();
                let rename: Option<std::collections::HashMap<String, String>> =
                    first_binds.as_ref().map(|fb| {
                        fb.iter()
                            .map(|(n, u, _, _)| (n.clone(), u.clone()))
                            .collect()
                    });
                let mut row = Vec::new();
                for (p, t) in alt.iter_mut().zip(&subject_tys) {
                    row.push(self.check_pattern(p, t, &mut binds, rename.as_ref()));
                }
                clause_rows.push(row);
                match &first_binds {
                    None => first_binds = Some(binds),
                    Some(fb) => {
                        for (n, _, t, sp) in &binds {
                            match fb.iter().find(|(m, ..)| m == n) {
                                Some((_, _, ft, _)) => {
                                    let ft = ft.clone();
                                    self.unify_at(&ft, t, sp.clone());
                                }
                                None => {
                                    self.error(
                                        sp.clone(),
                                        "Extra alternative pattern variable",
                                        format!("`{n}` is not bound by the first alternative"),
                                    );
                                }
                            }
                        }
                        for (n, _, _, _) in fb {
                            if !binds.iter().any(|(m, ..)| m == n) {
                                let sp =
                                    alt.first().map_or(clause.span.clone(), |p| p.span.clone());
                                self.error(
                                    sp,
                                    "Missing alternative pattern variable",
                                    format!("This alternative does not bind `{n}`"),
                                );
                            }
                        }
                    }
                }
            }
            for (n, u, t, sp) in first_binds.unwrap_or_default() {
                self.bind_local(&n, t, sp, Some(u));
            }
            if let Some(g) = &mut clause.guard {
                let gt = self.infer(g);
                self.unify_at(&Type::bool(), &gt, g.span.clone());
            }
            let bt = self.infer(&mut clause.body);
            if first_body {
                self.unify_at(&result, &bt, clause.body.span.clone());
                first_body = false;
            } else {
                self.unify_at(&result, &bt, clause.body.span.clone());
            }
            self.scope_pop(mark);
            for (k, row) in clause_rows.into_iter().enumerate() {
                if !exhaustive::useful(&rows, &row) {
                    let s = clause
                        .alternatives
                        .get(k)
                        .and_then(|a| a.first())
                        .map_or(clause.span.clone(), |p| p.span.clone());
                    self.warning(s, "Unreachable case clause", "This case clause cannot be reached as a previous clause matches the same values.");
                }
                if clause.guard.is_none() {
                    rows.push(row);
                }
            }
        }
        let missing = exhaustive::missing(&rows, subject_tys.len());
        if !missing.is_empty() {
            let list: Vec<String> = missing
                .iter()
                .map(|w| {
                    format!(
                        "    {}",
                        w.iter()
                            .map(exhaustive::show)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
                .collect();
            let head = span.start..subjects.last().map_or(span.start + 4, |s| s.span.end);
            self.error(head, "Inexhaustive patterns", "This case expression does not match all possible values")
                .notes
                .push(format!(
                    "This case expression does not have a pattern for all possible values. If it is run on one of the values without a pattern then it will crash.\n\nThe missing patterns are:\n\n{}\n",
                    list.join("\n")
                ));
        }
        result
    }
}

/// The resolution of a callee expression, if it names something.
pub fn callee_res(e: &Expr) -> Option<Res> {
    match &e.kind {
        ExprKind::Var { res, .. } => Some(res.clone()),
        ExprKind::FieldAccess {
            access: Access::Module(res),
            ..
        } => Some(res.clone()),
        _ => None,
    }
}

#[allow(dead_code)]
fn _unused(_: Arc<()>) {}
