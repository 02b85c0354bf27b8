//! Checking patterns against the type of the value they match, and reducing
//! them to [`Pat`]s for the exhaustiveness check.

use std::collections::HashMap;
use std::sync::Arc;

use crate::ast::*;
use crate::exhaustive::{Ctor, Pat};
use crate::interface::ValueKind;
use crate::types::Type;

use super::{suggest, Checker};

/// (source name, unique name, type, span) of each variable a pattern binds.
pub type Binds = Vec<(String, String, Type, Span)>;

impl Checker<'_> {
    fn pattern_bind(
        &mut self,
        name: &str,
        t: Type,
        span: &Span,
        binds: &mut Binds,
        rename: Option<&HashMap<String, String>>,
    ) -> String {
        if let Some((_, u, ..)) = binds.iter().find(|(n, ..)| n == name) {
            let u = u.clone();
            self.error(
                span.clone(),
                "Duplicate variable in pattern",
                format!("`{name}` has already been used in this pattern"),
            );
            return u;
        }
        let unique = rename
            .and_then(|r| r.get(name).cloned())
            .unwrap_or_else(|| self.fresh_unique(name));
        binds.push((name.to_string(), unique.clone(), t, span.clone()));
        unique
    }

    pub fn check_pattern(
        &mut self,
        p: &mut Pattern,
        expected: &Type,
        binds: &mut Binds,
        rename: Option<&HashMap<String, String>>,
    ) -> Pat {
        let span = p.span.clone();
        match &mut p.kind {
            PatternKind::Var(name) => {
                let u = self.pattern_bind(&name.clone(), expected.clone(), &span, binds, rename);
                *name = u;
                Pat::Wild
            }
            PatternKind::Discard(_) | PatternKind::Invalid => Pat::Wild,
            PatternKind::Int(i) => {
                self.unify_at(expected, &Type::int(), span);
                Pat::Ctor(Ctor::Lit(i.clone()), vec![])
            }
            PatternKind::Float(f) => {
                self.unify_at(expected, &Type::float(), span);
                Pat::Ctor(Ctor::Lit(f.clone()), vec![])
            }
            PatternKind::Str(s) => {
                self.unify_at(expected, &Type::string(), span);
                Pat::Ctor(Ctor::Lit(format!("{s:?}")), vec![])
            }
            PatternKind::Prefix {
                prefix,
                prefix_name,
                rest,
            } => {
                self.unify_at(expected, &Type::string(), span.clone());
                if let Some(n) = prefix_name {
                    *n = self.pattern_bind(&n.clone(), Type::string(), &span, binds, rename);
                }
                if !rest.starts_with('_') {
                    *rest = self.pattern_bind(&rest.clone(), Type::string(), &span, binds, rename);
                }
                Pat::Ctor(Ctor::Lit(format!("{prefix:?} <> _")), vec![])
            }
            PatternKind::Tuple(items) => {
                let tys: Vec<Type> = items.iter().map(|_| self.vars.fresh()).collect();
                self.unify_at(expected, &Type::Tuple(tys.clone()), span);
                let n = items.len();
                let args = items
                    .iter_mut()
                    .zip(&tys)
                    .map(|(i, t)| self.check_pattern(i, t, binds, rename))
                    .collect();
                Pat::Ctor(Ctor::Tuple(n), args)
            }
            PatternKind::List { elems, tail } => {
                let elem = self.vars.fresh();
                let lt = Type::list(elem.clone());
                self.unify_at(expected, &lt, span);
                let pats: Vec<Pat> = elems
                    .iter_mut()
                    .map(|e| self.check_pattern(e, &elem, binds, rename))
                    .collect();
                let mut acc = match tail {
                    Some(t) => self.check_pattern(t, &lt, binds, rename),
                    None => Pat::Ctor(Ctor::Empty, vec![]),
                };
                for p in pats.into_iter().rev() {
                    acc = Pat::Ctor(Ctor::Cons, vec![p, acc]);
                }
                acc
            }
            PatternKind::Assign(inner, name) => {
                let pat = self.check_pattern(inner, expected, binds, rename);
                *name = self.pattern_bind(&name.clone(), expected.clone(), &span, binds, rename);
                pat
            }
            PatternKind::BitArray(segs) => {
                self.unify_at(expected, &Type::bit_array(), span.clone());
                for s in segs.iter_mut() {
                    let mut want = Type::int();
                    for o in s.options.iter_mut() {
                        match o {
                            SegOpt::Flag(f, fs) => match f.as_str() {
                                "int" | "signed" | "unsigned" | "big" | "little" | "native" => {}
                                "float" => want = Type::float(),
                                "bits" | "bytes" | "bit_array" => want = Type::bit_array(),
                                "utf8" | "utf16" | "utf32" => want = Type::string(),
                                "utf8_codepoint" | "utf16_codepoint" | "utf32_codepoint" => {
                                    want = Type::prelude("UtfCodepoint", vec![])
                                }
                                other => {
                                    let msg =
                                        format!("`{other}` is not a bit array segment option");
                                    self.error(fs.clone(), "Invalid bit array segment", msg);
                                }
                            },
                            SegOpt::Size(e) => {
                                // A size may name a variable bound by an
                                // earlier segment of this pattern.
                                let mark = self.scope_mark();
                                for (n, u, t, sp) in binds.iter() {
                                    self.locals.push(super::Local {
                                        name: n.clone(),
                                        unique: u.clone(),
                                        ty: t.clone(),
                                        span: sp.clone(),
                                        used: false,
                                    });
                                }
                                let t = self.infer(e);
                                let seen: Vec<super::Local> = self.locals.drain(mark..).collect();
                                for l in seen.into_iter().filter(|l| l.used) {
                                    self.size_used.insert(l.unique);
                                }
                                self.unify_at(&Type::int(), &t, e.span.clone());
                            }
                            SegOpt::Unit(..) => {}
                        }
                    }
                    if matches!(s.value.kind, PatternKind::Str(_)) && s.options.is_empty() {
                        want = Type::string();
                        s.options.push(SegOpt::Flag("utf8".into(), s.span.clone()));
                    }
                    self.check_pattern(&mut s.value, &want, binds, rename);
                }
                Pat::Ctor(Ctor::Lit(format!("<<{}>>", span.start)), vec![])
            }
            PatternKind::Constructor { .. } => {
                self.check_constructor_pattern(p, expected, binds, rename)
            }
        }
    }

    fn check_constructor_pattern(
        &mut self,
        p: &mut Pattern,
        expected: &Type,
        binds: &mut Binds,
        rename: Option<&HashMap<String, String>>,
    ) -> Pat {
        let span = p.span.clone();
        let PatternKind::Constructor {
            module,
            name,
            args,
            spread,
            res,
        } = &mut p.kind
        else {
            return Pat::Wild;
        };
        let info = match module {
            Some(m) => match self.import(m) {
                Some(iface) => iface
                    .values
                    .get(name.as_str())
                    .filter(|v| v.public)
                    .cloned(),
                None => {
                    self.error(
                        span.clone(),
                        "Unknown module",
                        format!("No module has been imported with the name `{m}`."),
                    );
                    return Pat::Wild;
                }
            },
            None => self.module_value(name),
        };
        let Some(info) = info else {
            let names = self.value_names();
            let sugg = suggest(
                name,
                names
                    .iter()
                    .filter(|n| n.starts_with(char::is_uppercase))
                    .map(String::as_str),
            );
            let d = self.error(
                span.clone(),
                "Unknown variable",
                format!("The constructor `{name}` is not in scope here."),
            );
            if let Some(s) = sugg {
                d.notes.push(format!("Did you mean `{s}`?"));
            }
            for (_, a) in args.iter_mut() {
                let t = self.vars.fresh();
                self.check_pattern(a, &t, binds, rename);
            }
            return Pat::Wild;
        };
        let ValueKind::Constructor {
            type_module,
            type_name,
            index,
            tag,
            arity,
        } = &info.kind
        else {
            self.error(
                span.clone(),
                "Invalid pattern",
                format!("`{name}` is not a record constructor"),
            );
            return Pat::Wild;
        };
        let ty = self.vars.instantiate(&info.scheme);
        let (field_tys, result) = match ty {
            Type::Fn(f, r) => (f, *r),
            other => (Vec::new(), other),
        };
        self.unify_at(expected, &result, span.clone());
        // Put the arguments in field order; missing ones (with `..`) are discards.
        let mut slots: Vec<Option<Pattern>> = (0..*arity).map(|_| None).collect();
        let mut positional = 0;
        let mut bad = false;
        for (label, a) in args.drain(..) {
            let i = match &label {
                Some(l) => match info
                    .labels
                    .iter()
                    .position(|x| x.as_deref() == Some(l.as_str()))
                {
                    Some(i) => i,
                    None => {
                        self.error(
                            a.span.clone(),
                            "Unknown label",
                            format!("`{name}` has no field labelled `{l}`"),
                        );
                        bad = true;
                        continue;
                    }
                },
                None => {
                    while positional < slots.len() && slots[positional].is_some() {
                        positional += 1;
                    }
                    positional
                }
            };
            if i >= slots.len() {
                bad = true;
                continue;
            }
            slots[i] = Some(a);
        }
        let given = slots.iter().filter(|s| s.is_some()).count();
        if bad || (!*spread && given != *arity) {
            if !bad {
                self.error(
                    span.clone(),
                    "Incorrect arity",
                    format!(
                        "Expected {arity} argument{}, got {given}",
                        if *arity == 1 { "" } else { "s" }
                    ),
                );
            }
            *res = Some((tag.clone(), *arity));
            return Pat::Wild;
        }
        let siblings: Arc<Vec<(String, usize)>> = Arc::new(
            self.ctor_infos(type_module, type_name)
                .map(|cs| {
                    cs.iter()
                        .map(|c| (c.name.clone(), c.fields.len()))
                        .collect()
                })
                .unwrap_or_default(),
        );
        let mut pats = Vec::new();
        for (i, slot) in slots.into_iter().enumerate() {
            let mut pat = slot.unwrap_or(Pattern {
                kind: PatternKind::Discard("_".into()),
                span: span.clone(),
            });
            pats.push(self.check_pattern(&mut pat, &field_tys[i], binds, rename));
            args.push((None, pat));
        }
        *res = Some((tag.clone(), *arity));
        *spread = false;
        if siblings.is_empty() {
            return Pat::Wild;
        }
        Pat::Ctor(
            Ctor::Variant {
                index: *index,
                siblings,
            },
            pats,
        )
    }
}
