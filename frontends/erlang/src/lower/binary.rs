//! Bit syntax: `<<...>>` expressions and patterns, binary comprehensions.
//!
//! Type specifiers resolve as `erl_lint` does: the type (`integer` by
//! default; `bytes` = `binary`, `bits` = `bitstring`), signedness, endianness
//! and `unit:N` (default 1, 8 for `binary`). A string literal element
//! (`<<"abc">>`, `<<"abc"/utf8>>`) is one segment per character.

use eubeam_ir as ir;
use eubeam_ir::{BinSegment, BinType, Endian, Literal};

use super::pattern::Head;
use super::{Lowerer, Pre};
use crate::ast::{self, BinElem, ExprKind};

/// Resolved specifiers of one element.
#[derive(Clone, Copy)]
struct Spec {
    ty: BinType,
    unit: u8,
    signed: bool,
    endian: Endian,
}

impl Lowerer<'_> {
    fn spec(&mut self, el: &BinElem) -> Option<Spec> {
        let mut ty = None;
        let mut unit = None;
        let mut signed = false;
        let mut endian = Endian::Big;
        for (name, n, span) in &el.types {
            match (name.as_str(), n) {
                ("integer", None) => ty = Some(BinType::Integer),
                ("float", None) => ty = Some(BinType::Float),
                ("binary" | "bytes", None) => ty = Some(BinType::Binary),
                ("bitstring" | "bits", None) => ty = Some(BinType::Bitstring),
                ("utf8", None) => ty = Some(BinType::Utf8),
                ("utf16", None) => ty = Some(BinType::Utf16),
                ("utf32", None) => ty = Some(BinType::Utf32),
                ("signed", None) => signed = true,
                ("unsigned", None) => signed = false,
                ("big", None) => endian = Endian::Big,
                ("little", None) => endian = Endian::Little,
                ("native", None) => endian = Endian::Native,
                ("unit", Some(u)) if (1..=255).contains(u) => unit = Some(*u as u8),
                _ => {
                    self.error(span, format!("undefined bit type: {name}"));
                    return None;
                }
            }
        }
        let ty = ty.unwrap_or(BinType::Integer);
        let utf = matches!(ty, BinType::Utf8 | BinType::Utf16 | BinType::Utf32);
        if utf && (el.size.is_some() || unit.is_some()) {
            self.error(&el.span, "a utf8/utf16/utf32 segment takes no size or unit");
            return None;
        }
        let unit = unit.unwrap_or(match ty {
            BinType::Binary => 8,
            _ => 1,
        });
        Some(Spec {
            ty,
            unit,
            signed,
            endian,
        })
    }

    fn segment<T>(
        &self,
        value: T,
        size: Option<ir::Expr>,
        s: Spec,
        span: ir::Span,
    ) -> BinSegment<T> {
        BinSegment {
            value,
            size,
            unit: s.unit,
            ty: s.ty,
            signed: s.signed,
            endian: s.endian,
            span,
        }
    }

    /// `<<Elements>>` as an expression.
    pub fn binary_expr(
        &mut self,
        elems: &[BinElem],
        span: ir::Span,
        pre: &mut Vec<Pre>,
    ) -> ir::Expr {
        let mut segs = Vec::new();
        for el in elems {
            let Some(spec) = self.spec(el) else {
                continue;
            };
            let sspan = self.span(&el.span);
            let size = match &el.size {
                Some(sz) => {
                    let v = self.expr(sz, pre);
                    Some(self.bind_simple(v, pre))
                }
                None => None,
            };
            if let ExprKind::Str(text) = &el.value.kind {
                for ch in text.chars() {
                    let v = ir::Expr::lit(Literal::Int(i64::from(u32::from(ch))), sspan);
                    segs.push(self.segment(v, size.clone(), spec, sspan));
                }
                continue;
            }
            let v = self.expr(&el.value, pre);
            let v = self.bind_simple(v, pre);
            segs.push(self.segment(v, size, spec, sspan));
        }
        ir::Expr::new(ir::ExprKind::Binary(segs), span)
    }

    /// `<<Elements>>` in a guard.
    pub fn binary_guard(&mut self, elems: &[BinElem], span: ir::Span) -> ir::Expr {
        let mut segs = Vec::new();
        for el in elems {
            let Some(spec) = self.spec(el) else {
                continue;
            };
            let sspan = self.span(&el.span);
            let size = el.size.as_ref().map(|sz| self.guard_expr(sz));
            if let ExprKind::Str(text) = &el.value.kind {
                for ch in text.chars() {
                    let v = ir::Expr::lit(Literal::Int(i64::from(u32::from(ch))), sspan);
                    segs.push(self.segment(v, size.clone(), spec, sspan));
                }
                continue;
            }
            let v = self.guard_expr(&el.value);
            segs.push(self.segment(v, size, spec, sspan));
        }
        ir::Expr::new(ir::ExprKind::Binary(segs), span)
    }

    /// `<<Elements>>` as a pattern. Sizes are variables (bound outside or by
    /// an earlier segment) or constant expressions.
    pub fn binary_pattern(&mut self, elems: &[BinElem], head: &mut Head) -> ir::Pattern {
        let mut segs = Vec::new();
        for el in elems {
            let Some(spec) = self.spec(el) else {
                continue;
            };
            let sspan = self.span(&el.span);
            let size = el.size.as_ref().map(|sz| self.guard_expr(sz));
            if let ExprKind::Str(text) = &el.value.kind {
                for ch in text.chars() {
                    let p = ir::Pattern::Lit(Literal::Int(i64::from(u32::from(ch))));
                    segs.push(self.segment(p, size.clone(), spec, sspan));
                }
                continue;
            }
            let p = self.pattern(&el.value, head);
            if !matches!(
                p,
                ir::Pattern::Var(_) | ir::Pattern::Wildcard | ir::Pattern::Lit(_)
            ) {
                self.error(&el.value.span, "illegal pattern in a binary segment");
                continue;
            }
            segs.push(self.segment(p, size, spec, sspan));
        }
        // A `binary` segment without a size must be last.
        if let Some(pos) = segs
            .iter()
            .position(|s| s.size.is_none() && matches!(s.ty, BinType::Binary | BinType::Bitstring))
        {
            if pos + 1 != segs.len() {
                if let Some(el) = elems.get(pos) {
                    self.error(&el.span, "a binary field without size is only allowed at the end of a binary pattern");
                }
            }
        }
        ir::Pattern::Binary(segs)
    }

    /// `<< E || Qs >>`: the list comprehension of the element bitstrings,
    /// concatenated with `erlang:list_to_bitstring/1`.
    pub fn binary_comprehension(
        &mut self,
        elem: &ast::Expr,
        quals: &[ast::Qualifier],
        span: ir::Span,
    ) -> ir::Expr {
        let saved = self.env.clone();
        let nil = ir::Expr::lit(Literal::Nil, span);
        let list = self.comprehension(elem, quals, nil, span);
        self.env = saved;
        let t = self.names.temp();
        ir::Expr::new(
            ir::ExprKind::Let {
                vars: vec![t.clone()],
                value: Box::new(list),
                body: Box::new(ir::Expr::call(
                    "erlang",
                    "list_to_bitstring",
                    vec![ir::Expr::var(t, span)],
                    span,
                )),
            },
            span,
        )
    }
}
