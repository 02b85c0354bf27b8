//! Scope analysis: which locals are assigned after their declaration and
//! which are used from a nested function. A local that is both lives in a
//! cell (shared mutable upvalue); one that is only assigned is threaded
//! through the lowering as successive IR variables; the rest are plain
//! immutable IR variables.

use std::collections::HashMap;

use crate::ast::*;

#[derive(Clone, Debug, Default)]
pub struct DeclInfo {
    pub name: String,
    pub assigned: bool,
    pub captured: bool,
    pub is_const: bool,
    /// Function nesting depth of the declaration.
    pub depth: usize,
}

impl DeclInfo {
    pub fn is_cell(&self) -> bool {
        self.assigned && self.captured
    }

    pub fn is_threaded(&self) -> bool {
        self.assigned && !self.captured
    }
}

pub struct Analysis {
    pub info: HashMap<DeclId, DeclInfo>,
    scopes: Vec<Vec<(String, DeclId)>>,
    depth: usize,
}

pub fn analyze(chunk: &[Stat], env_decl: DeclId) -> HashMap<DeclId, DeclInfo> {
    let mut a = Analysis {
        info: HashMap::new(),
        scopes: vec![Vec::new()],
        depth: 0,
    };
    a.declare("_ENV", env_decl, false);
    a.depth = 1;
    a.block(chunk);
    a.info
}

impl Analysis {
    fn declare(&mut self, name: &str, d: DeclId, is_const: bool) {
        self.info.insert(
            d,
            DeclInfo {
                name: name.to_string(),
                assigned: false,
                captured: false,
                is_const,
                depth: self.depth,
            },
        );
        if let Some(s) = self.scopes.last_mut() {
            s.push((name.to_string(), d));
        }
    }

    fn lookup(&self, name: &str) -> Option<DeclId> {
        for s in self.scopes.iter().rev() {
            for (n, d) in s.iter().rev() {
                if n == name {
                    return Some(*d);
                }
            }
        }
        None
    }

    fn use_name(&mut self, name: &str, assign: bool) {
        let d = self.lookup(name).or_else(|| {
            // A global: it goes through _ENV.
            self.lookup("_ENV")
        });
        let Some(d) = d else { return };
        let depth = self.depth;
        let global = self.lookup(name).is_none();
        if let Some(i) = self.info.get_mut(&d) {
            if i.depth < depth {
                i.captured = true;
            }
            if assign && !global {
                i.assigned = true;
            }
        }
    }

    fn block(&mut self, b: &[Stat]) {
        self.scopes.push(Vec::new());
        for s in b {
            self.stat(s);
        }
        self.scopes.pop();
    }

    fn func(&mut self, f: &FuncBody) {
        self.depth += 1;
        self.scopes.push(Vec::new());
        for (n, d) in &f.params {
            self.declare(n, *d, false);
        }
        for s in &f.body {
            self.stat(s);
        }
        self.scopes.pop();
        self.depth -= 1;
    }

    fn stat(&mut self, s: &Stat) {
        match s {
            Stat::Local(names, es, _) => {
                for e in es {
                    self.expr(e);
                }
                for (n, a, d) in names {
                    self.declare(n, *d, *a != Attrib::None);
                }
            }
            Stat::Assign(ts, es, _) => {
                for t in ts {
                    match t {
                        Expr::Name(n, _) => self.use_name(n, true),
                        other => self.expr(other),
                    }
                }
                for e in es {
                    self.expr(e);
                }
            }
            Stat::Call(e, _) => self.expr(e),
            Stat::Do(b) => self.block(b),
            Stat::While(c, b, _) => {
                self.expr(c);
                self.block(b);
            }
            Stat::Repeat(b, c, _) => {
                self.scopes.push(Vec::new());
                for s in b {
                    self.stat(s);
                }
                self.expr(c);
                self.scopes.pop();
            }
            Stat::If(arms, els, _) => {
                for (c, b) in arms {
                    self.expr(c);
                    self.block(b);
                }
                if let Some(b) = els {
                    self.block(b);
                }
            }
            Stat::NumFor(n, d, a, b, c, body, _) => {
                self.expr(a);
                self.expr(b);
                if let Some(c) = c {
                    self.expr(c);
                }
                self.scopes.push(Vec::new());
                self.declare(n, *d, false);
                self.block(body);
                self.scopes.pop();
            }
            Stat::GenFor(names, es, body, _) => {
                for e in es {
                    self.expr(e);
                }
                self.scopes.push(Vec::new());
                for (n, d) in names {
                    self.declare(n, *d, false);
                }
                self.block(body);
                self.scopes.pop();
            }
            Stat::Function(target, f, _) => {
                match target {
                    Expr::Name(n, _) => self.use_name(n, true),
                    other => self.expr(other),
                }
                self.func(f);
            }
            Stat::LocalFunction(n, d, f, _) => {
                self.declare(n, *d, false);
                self.func(f);
            }
            Stat::Return(es, _) => {
                for e in es {
                    self.expr(e);
                }
            }
            Stat::Break(_) | Stat::Goto(..) | Stat::Label(..) => {}
        }
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Name(n, _) => self.use_name(n, false),
            Expr::Index(a, b, _) | Expr::Bin(_, a, b, _) => {
                self.expr(a);
                self.expr(b);
            }
            Expr::Call(f, args, _) => {
                self.expr(f);
                for a in args {
                    self.expr(a);
                }
            }
            Expr::Method(o, _, args, _) => {
                self.expr(o);
                for a in args {
                    self.expr(a);
                }
            }
            Expr::Un(_, a, _) | Expr::Paren(a) => self.expr(a),
            Expr::Table(fields, _) => {
                for f in fields {
                    match f {
                        Field::Pos(v) | Field::Named(_, v) => self.expr(v),
                        Field::Keyed(k, v) => {
                            self.expr(k);
                            self.expr(v);
                        }
                    }
                }
            }
            Expr::Func(f) => self.func(f),
            _ => {}
        }
    }
}
