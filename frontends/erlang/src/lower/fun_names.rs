//! The numbers in the names of a function's funs (`'-f/1-fun-N-'`), as
//! OTP's compiler gives them, so that stack traces and EUnit's test
//! descriptions (`m:6: -gen_test_/0-fun-2-...`) read as under OTP.
//!
//! OTP numbers a fun after the funs inside it; the elements of tuples and
//! lists and the arguments of calls (operators included) from the last to
//! the first; bodies, clauses, map fields and the rest in source order.
//! Each generator of a list or binary comprehension takes a number for
//! its generated function before the funs of its body. Recorded from erlc 25 (see the tests).

use std::collections::HashMap;

use crate::ast::{BinOp, Clause, Expr, ExprKind, FunClause, Guard, Qualifier};

/// The key of a `fun` expression: its source span and how many funs
/// enclose it. (The lowering works on copies of clauses, so addresses
/// cannot be keys; the tokens of a macro expansion share the span of the
/// macro call, so the nesting depth tells apart `?_assert`'s two funs.)
pub type Key = (usize, usize, u32);

/// The number of every fun in a function's clauses, by [`Key`].
pub fn number(clauses: &[FunClause]) -> HashMap<Key, u32> {
    let mut n = Numbering {
        next: 0,
        depth: 0,
        names: HashMap::new(),
    };
    for c in clauses {
        n.fun_clause(c);
    }
    n.names
}

struct Numbering {
    next: u32,
    /// Funs enclosing the expression being numbered.
    depth: u32,
    names: HashMap<Key, u32>,
}

impl Numbering {
    fn take(&mut self) -> u32 {
        let k = self.next;
        self.next += 1;
        k
    }

    fn fun_clause(&mut self, c: &FunClause) {
        self.guard(&c.guard);
        self.body(&c.body);
    }

    fn guard(&mut self, g: &Guard) {
        for alt in g {
            self.body(alt);
        }
    }

    fn body(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    /// Elements evaluated as call arguments: last first.
    fn args(&mut self, es: &[Expr]) {
        for e in es.iter().rev() {
            self.expr(e);
        }
    }

    fn clauses(&mut self, cs: &[Clause]) {
        for c in cs {
            self.guard(&c.guard);
            self.body(&c.body);
        }
    }

    fn quals(&mut self, elem: &Expr, quals: &[Qualifier]) {
        for q in quals {
            match q {
                Qualifier::Generator(_, e) | Qualifier::BinGenerator(_, e) => {
                    self.take();
                    self.expr(e);
                }
                Qualifier::Filter(e) => self.expr(e),
            }
        }
        self.expr(elem);
    }

    fn expr(&mut self, e: &Expr) {
        use ExprKind as K;
        match &e.kind {
            K::Var(_)
            | K::Atom(_)
            | K::Int(_)
            | K::BigInt(_)
            | K::Char(_)
            | K::Float(_)
            | K::Str(_)
            | K::FunRef(..)
            | K::RecordIndex { .. }
            | K::Unsupported(_)
            | K::Error => {}
            K::List(items, tail) => {
                if let Some(t) = tail {
                    self.expr(t);
                }
                self.args(items);
            }
            K::Tuple(items) => self.args(items),
            K::BinOp(BinOp::AndAlso | BinOp::OrElse, a, b) => {
                self.expr(a);
                self.expr(b);
            }
            K::BinOp(_, a, b) | K::Send(a, b) => {
                self.expr(b);
                self.expr(a);
            }
            K::UnOp(_, a) | K::Catch(a) => self.expr(a),
            K::Match(p, v) => {
                self.expr(v);
                self.expr(p);
            }
            K::Call(f, args) => {
                self.args(args);
                self.expr(f);
            }
            K::Remote(m, f) => {
                self.expr(f);
                self.expr(m);
            }
            K::Fun(cls) => {
                self.depth += 1;
                for c in cls {
                    self.fun_clause(c);
                }
                self.depth -= 1;
                let k = self.take();
                // Two funs of one macro expansion at one depth: the first
                // in source order keeps its number.
                self.names.insert((e.span.start, e.span.end, self.depth), k);
            }
            K::RemoteFunRef(m, f, a) => {
                self.expr(a);
                self.expr(f);
                self.expr(m);
            }
            K::Case(v, cs) => {
                self.expr(v);
                self.clauses(cs);
            }
            K::If(cs) => {
                for c in cs {
                    self.guard(&c.guard);
                    self.body(&c.body);
                }
            }
            K::Receive(cs, after) => {
                self.clauses(cs);
                if let Some((t, body)) = after {
                    self.expr(t);
                    self.body(body);
                }
            }
            K::Block(es) => self.body(es),
            K::Try {
                body,
                of,
                catches,
                after,
            } => {
                self.body(body);
                self.clauses(of);
                for c in catches {
                    self.guard(&c.guard);
                    self.body(&c.body);
                }
                self.body(after);
            }
            K::ListComp(elem, quals) | K::BinComp(elem, quals) => self.quals(elem, quals),
            K::Binary(elems) => {
                for el in elems.iter().rev() {
                    if let Some(s) = &el.size {
                        self.expr(s);
                    }
                    self.expr(&el.value);
                }
            }
            K::Map(base, fields) => {
                if let Some(b) = base {
                    self.expr(b);
                }
                for f in fields {
                    self.expr(&f.key);
                    self.expr(&f.value);
                }
            }
            K::Record { base, fields, .. } => {
                if let Some(b) = base {
                    self.expr(b);
                }
                for f in fields.iter().rev() {
                    self.expr(&f.value);
                }
            }
            K::RecordField { base, .. } => self.expr(base),
        }
    }
}
