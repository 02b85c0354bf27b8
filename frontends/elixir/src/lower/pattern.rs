//! Patterns: Elixir variables in a pattern always bind afresh (`^x` pins the
//! current value); a variable repeated in one pattern must match equal
//! values (a `=:=` guard on a fresh second name).

use std::collections::HashMap;

use eubeam_ir as ir;
use eubeam_ir::{BinSegment, Literal, Pattern};

use super::{alias_atom, Lw};
use crate::ast::{Ast, Kind};

#[derive(Default)]
pub struct PatState {
    /// Elixir name → IR name bound by the patterns of this clause.
    pub bound: HashMap<String, String>,
    /// Equalities a repeated variable adds to the guard.
    pub eqs: Vec<(String, String)>,
}

impl PatState {
    /// The guard the equalities add, combined with `guard`.
    pub fn guard(&self, guard: Option<ir::Expr>, span: ir::Span) -> Option<ir::Expr> {
        let mut g = guard;
        for (a, b) in &self.eqs {
            let eq = ir::Expr::call(
                "erlang",
                "=:=",
                vec![
                    ir::Expr::var(a.clone(), span),
                    ir::Expr::var(b.clone(), span),
                ],
                span,
            );
            g = Some(match g {
                None => eq,
                Some(g) => ir::Expr::call("erlang", "and", vec![eq, g], span),
            });
        }
        g
    }
}

impl Lw<'_> {
    /// Binds the variables of a finished pattern in the environment.
    pub fn bind(&mut self, st: &PatState) {
        for (k, v) in &st.bound {
            self.env.insert(k.clone(), v.clone());
        }
    }

    pub fn pattern(&mut self, a: &Ast, st: &mut PatState) -> Pattern {
        let span = self.sp(a.span);
        match &a.kind {
            Kind::Var(v) if v == "_" => Pattern::Wildcard,
            Kind::Var(v) if v == "__MODULE__" => Pattern::Lit(Literal::atom(self.m.name.clone())),
            Kind::Var(v) => {
                let name = self.fresh(v);
                if let Some(first) = st.bound.get(v) {
                    st.eqs.push((first.clone(), name.clone()));
                } else {
                    st.bound.insert(v.clone(), name.clone());
                }
                Pattern::Var(name)
            }
            Kind::Int(_)
            | Kind::Float(_)
            | Kind::Atom(_)
            | Kind::Str(_)
            | Kind::Charlist(_)
            | Kind::Alias(_) => match super::literal_of(self.m, a) {
                Some(l) => Pattern::Lit(l),
                None => self.bad_pattern(a),
            },
            Kind::List(items) => {
                let (items, tail) = split_tail(items);
                let tail = match tail {
                    Some(t) => self.pattern(t, st),
                    None => Pattern::Lit(Literal::Nil),
                };
                let mut ps = Vec::new();
                for i in items {
                    ps.push(self.pattern(i, st));
                }
                ps.into_iter()
                    .rev()
                    .fold(tail, |t, h| Pattern::Cons(Box::new(h), Box::new(t)))
            }
            Kind::Tuple(items) => {
                let mut ps = Vec::new();
                for i in items {
                    ps.push(self.pattern(i, st));
                }
                Pattern::Tuple(ps)
            }
            Kind::Call { name, args, .. } => match (name.as_str(), args.as_slice()) {
                (
                    "^",
                    [Ast {
                        kind: Kind::Var(v), ..
                    }],
                ) => match self.env.get(v) {
                    Some(ir_name) => Pattern::Var(ir_name.clone()),
                    None => {
                        self.error(a.span, format!("undefined variable ^{v}"));
                        Pattern::Wildcard
                    }
                },
                ("=", [l, r]) => {
                    let lp = self.pattern(l, st);
                    let rp = self.pattern(r, st);
                    match (lp, rp) {
                        (Pattern::Var(v), p) | (p, Pattern::Var(v)) => {
                            Pattern::Alias(v, Box::new(p))
                        }
                        (Pattern::Wildcard, p) | (p, Pattern::Wildcard) => p,
                        _ => {
                            self.unsupported(a.span, "a match of two non-variable patterns");
                            Pattern::Wildcard
                        }
                    }
                }
                ("%{}", items) => self.map_pattern(items, None, st),
                // `first..last` and `first..last//step`: a Range struct.
                ("..", [f, l]) | ("..//", [f, l, _]) => {
                    let s = a.span;
                    let kv = |k: &str, v: &Ast| {
                        Ast::new(Kind::Tuple(vec![Ast::atom(k, s), v.clone()]), s)
                    };
                    let mut kw = vec![
                        kv("__struct__", &Ast::atom("Elixir.Range", s)),
                        kv("first", f),
                        kv("last", l),
                    ];
                    if let Some(("..//", [_, _, step])) = a.call_args() {
                        kw.push(kv("step", step));
                    }
                    self.map_pattern(&[Ast::new(Kind::List(kw), s)], None, st)
                }
                ("%", [name, map]) => {
                    let items = map.call_args().map(|(_, i)| i.to_vec()).unwrap_or_default();
                    let sname = match &name.kind {
                        Kind::Alias(segs) => Some(alias_atom(self.m, segs)),
                        Kind::Var(v) if v == "__MODULE__" => Some(self.m.name.clone()),
                        Kind::Var(v) if v == "_" => None,
                        _ => {
                            self.unsupported(name.span, "this struct name in a pattern");
                            None
                        }
                    };
                    let mut p = self.map_pattern(&items, None, st);
                    match (&mut p, sname) {
                        (Pattern::Map(pairs), Some(s)) => pairs.insert(
                            0,
                            (
                                ir::Expr::atom("__struct__", span),
                                Pattern::Lit(Literal::atom(s)),
                            ),
                        ),
                        (Pattern::Map(pairs), None) => {
                            pairs.insert(0, (ir::Expr::atom("__struct__", span), Pattern::Wildcard))
                        }
                        _ => {}
                    }
                    p
                }
                ("<<>>", items) => self.binary_pattern(items, st),
                ("<>", [l, r]) => {
                    let Kind::Str(prefix) = &l.kind else {
                        self.unsupported(l.span, "a non-literal left side of <> in a pattern");
                        return Pattern::Wildcard;
                    };
                    let mut segs: Vec<BinSegment<Pattern>> = prefix
                        .bytes()
                        .map(|b| byte_seg(Pattern::Lit(Literal::Int(i64::from(b))), span))
                        .collect();
                    let rest = self.pattern(r, st);
                    segs.push(BinSegment {
                        value: rest,
                        size: None,
                        unit: 8,
                        ty: ir::BinType::Binary,
                        signed: false,
                        endian: ir::Endian::Big,
                        span,
                    });
                    Pattern::Binary(segs)
                }
                ("@", [attr]) => match attr.call_args().map(|(n, _)| n.to_string()).or(match &attr
                    .kind
                {
                    Kind::Var(v) => Some(v.clone()),
                    _ => None,
                }) {
                    Some(n) => match self.m.attrs.get(&n).cloned() {
                        Some(v) => self.pattern(&v, st),
                        None => {
                            self.error(a.span, format!("undefined module attribute @{n}"));
                            Pattern::Wildcard
                        }
                    },
                    None => self.bad_pattern(a),
                },
                ("-", [x]) => match super::literal_of(self.m, x) {
                    Some(Literal::Int(i)) => Pattern::Lit(Literal::Int(-i)),
                    Some(Literal::Float(f)) => Pattern::Lit(Literal::Float(-f)),
                    _ => self.bad_pattern(a),
                },
                ("when", _) => {
                    self.error(a.span, "unexpected guard in a pattern");
                    Pattern::Wildcard
                }
                _ => self.bad_pattern(a),
            },
            _ => self.bad_pattern(a),
        }
    }

    fn bad_pattern(&mut self, a: &Ast) -> Pattern {
        self.unsupported(a.span, "this expression in a pattern");
        Pattern::Wildcard
    }

    fn map_pattern(&mut self, items: &[Ast], _base: Option<()>, st: &mut PatState) -> Pattern {
        let mut pairs = Vec::new();
        for it in items {
            let kv: Vec<(Ast, Ast)> = match &it.kind {
                Kind::List(kw) => kw
                    .iter()
                    .filter_map(|p| match &p.kind {
                        Kind::Tuple(t) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
                        _ => None,
                    })
                    .collect(),
                Kind::Call { name, args, .. } if name == "=>" && args.len() == 2 => {
                    vec![(args[0].clone(), args[1].clone())]
                }
                _ => {
                    self.unsupported(it.span, "this map pattern entry");
                    continue;
                }
            };
            for (k, v) in kv {
                let key = match (&k.kind, super::literal_of(self.m, &k)) {
                    (_, Some(l)) => ir::Expr::lit(l, self.sp(k.span)),
                    (Kind::Call { name, args, .. }, _) if name == "^" && args.len() == 1 => {
                        match &args[0].kind {
                            Kind::Var(v) if self.env.contains_key(v) => {
                                ir::Expr::var(self.env[v].clone(), self.sp(k.span))
                            }
                            _ => self.error(k.span, "undefined variable in ^"),
                        }
                    }
                    _ => self.unsupported(k.span, "a non-literal map key in a pattern"),
                };
                let vp = self.pattern(&v, st);
                pairs.push((key, vp));
            }
        }
        Pattern::Map(pairs)
    }

    fn binary_pattern(&mut self, items: &[Ast], st: &mut PatState) -> Pattern {
        let mut segs = Vec::new();
        for it in items {
            let span = self.sp(it.span);
            let (value, spec) = match it.call_args() {
                Some(("::", [v, s])) => (v, Some(s)),
                _ => (it, None),
            };
            if let Kind::Str(s) = &value.kind {
                if spec.is_none() {
                    for b in s.bytes() {
                        segs.push(byte_seg(Pattern::Lit(Literal::Int(i64::from(b))), span));
                    }
                    continue;
                }
            }
            let mut seg = BinSegment {
                value: Pattern::Wildcard,
                size: None,
                unit: 1,
                ty: ir::BinType::Integer,
                signed: false,
                endian: ir::Endian::Big,
                span,
            };
            if let Some(s) = spec {
                self.bin_spec(s, &mut seg);
            }
            // A size naming a variable bound earlier in this pattern.
            if let Some(v) = spec.and_then(size_var) {
                if let (Some(b), Some(sz)) = (st.bound.get(v), &mut seg.size) {
                    sz.kind = ir::ExprKind::Var(b.clone());
                }
            }
            seg.value = self.pattern(value, st);
            fix_unit(&mut seg);
            segs.push(seg);
        }
        Pattern::Binary(segs)
    }

    /// Reads `binary-size(4)`, `8`, `little-signed-integer-size(16)`, ...
    pub fn bin_spec<T>(&mut self, s: &Ast, seg: &mut BinSegment<T>) {
        match &s.kind {
            Kind::Int(n) => {
                seg.size = Some(ir::Expr::lit(
                    Literal::integer(n).unwrap_or(Literal::Int(8)),
                    self.sp(s.span),
                ))
            }
            Kind::Call { name, args, .. } if name == "-" && args.len() == 2 => {
                self.bin_spec(&args[0], seg);
                self.bin_spec(&args[1], seg);
            }
            Kind::Call { name, args, .. } if name == "*" && args.len() == 2 => {
                self.bin_spec(&args[0], seg);
                if let Kind::Int(u) = &args[1].kind {
                    seg.unit = u.parse().unwrap_or(1);
                }
            }
            Kind::Call { name, args, .. } if name == "size" && args.len() == 1 => {
                let e = match &args[0].kind {
                    Kind::Var(v) => match self.env.get(v) {
                        Some(iv) => ir::Expr::var(iv.clone(), self.sp(args[0].span)),
                        None => ir::Expr::var(v.clone(), self.sp(args[0].span)),
                    },
                    _ => self.sub(&args[0]),
                };
                seg.size = Some(e);
            }
            Kind::Call { name, args, .. } if name == "unit" && args.len() == 1 => {
                if let Kind::Int(u) = &args[0].kind {
                    seg.unit = u.parse().unwrap_or(1);
                }
            }
            Kind::Var(t) | Kind::Call { name: t, .. } => match t.as_str() {
                "integer" => seg.ty = ir::BinType::Integer,
                "float" => seg.ty = ir::BinType::Float,
                "binary" | "bytes" => seg.ty = ir::BinType::Binary,
                "bitstring" | "bits" => seg.ty = ir::BinType::Bitstring,
                "utf8" => seg.ty = ir::BinType::Utf8,
                "utf16" => seg.ty = ir::BinType::Utf16,
                "utf32" => seg.ty = ir::BinType::Utf32,
                "signed" => seg.signed = true,
                "unsigned" => seg.signed = false,
                "big" => seg.endian = ir::Endian::Big,
                "little" => seg.endian = ir::Endian::Little,
                "native" => seg.endian = ir::Endian::Native,
                other => {
                    self.unsupported(s.span, &format!("binary modifier {other}"));
                }
            },
            _ => {
                self.unsupported(s.span, "this binary modifier");
            }
        }
    }
}

/// Units as the BEAM defaults them: 1 for integers/floats/bitstrings, 8 for
/// binaries; a size given as a plain number of bits for integers.
pub fn fix_unit<T>(seg: &mut BinSegment<T>) {
    if seg.unit == 1 && seg.ty == ir::BinType::Binary {
        seg.unit = 8;
    }
    if seg.ty == ir::BinType::Float && seg.size.is_none() {
        seg.size = Some(ir::Expr::lit(Literal::Int(64), seg.span));
    }
}

pub fn byte_seg<T>(value: T, span: ir::Span) -> BinSegment<T> {
    BinSegment {
        value,
        size: Some(ir::Expr::lit(Literal::Int(8), span)),
        unit: 1,
        ty: ir::BinType::Integer,
        signed: false,
        endian: ir::Endian::Big,
        span,
    }
}

/// `[a, b | t]` arrives as `[a, |(b, t)]`: the items and the tail.
pub fn split_tail(items: &[Ast]) -> (Vec<&Ast>, Option<&Ast>) {
    let mut out: Vec<&Ast> = items.iter().collect();
    if let Some(last) = out.pop() {
        if let Some(("|", [h, t])) = last.call_args() {
            out.push(h);
            return (out, Some(t));
        }
        out.push(last);
    }
    (out, None)
}

/// The variable in a segment spec's `size(v)`, if any.
fn size_var(spec: &Ast) -> Option<&str> {
    match &spec.kind {
        Kind::Call { name, args, .. } if name == "size" && args.len() == 1 => match &args[0].kind {
            Kind::Var(v) => Some(v),
            _ => None,
        },
        Kind::Call { name, args, .. } if name == "-" || name == "*" => {
            args.iter().find_map(size_var)
        }
        _ => None,
    }
}
