//! IR → register bytecode.
//!
//! Model (kept simple and correct first): every IR variable and temporary of a
//! function gets its own y slot in the function's frame; y slots are written
//! once per activation (branches of one `case` write the same result slots),
//! so a variable can simply alias the slot or literal that holds its value.
//! x registers carry arguments and results only, and are never live across
//! another instruction sequence than "load arguments; call".
//!
//! Closures are lambda-lifted: a `fun` becomes a module-level function whose
//! parameters are the fun's own followed by its free variables; a `letrec`
//! group's functions all take the union of the group's free variables. A fun
//! value is a heap object naming (module code, function index) plus the
//! captured values.
//!
//! Pattern matching compiles clause by clause into tests that jump to the next
//! clause. A guard is compiled with a fail label: guard BIFs jump there
//! instead of raising.

mod peephole;

use std::collections::{HashMap, HashSet, VecDeque};

use eubeam_ir::{Clause, Expr, ExprKind, Fun, FunName, Literal, MapOp, Module, Pattern};

use crate::bif::NativeFn;
use crate::code::{
    ArithOp, BinSpec, BsGet, Class, CmpOp, CodeServer, ExportEntry, FunInfo, Instr, ModuleCode,
    Reg, Src, NO_LABEL,
};
use crate::heap::{build_literal, LiteralArea};
use crate::interp::MAX_X;
use crate::term::{Atom, Term};

/// Natives known to the compiler: (module, function, arity) → (fn, inlinable).
pub type NativeMap = HashMap<(Atom, Atom, u32), (NativeFn, bool)>;

type R<T> = Result<T, String>;

#[derive(Clone)]
struct LocalFn {
    idx: u32,
    extra: Vec<String>,
}

type Scope = HashMap<FunName, LocalFn>;

struct Job<'m> {
    idx: u32,
    fun: &'m Fun,
    extra: Vec<String>,
    scope: Scope,
    /// `name/arity` of the enclosing top-level function (for lambda names).
    parent: String,
}

struct Cx<'m> {
    natives: &'m NativeMap,
    cs: &'m CodeServer,
    code: Vec<Instr>,
    funs: Vec<FunInfo>,
    lines: Vec<(u32, u32)>,
    imports: Vec<&'static ExportEntry>,
    import_idx: HashMap<(Atom, Atom, u32), u32>,
    lits: LiteralArea,
    jobs: VecDeque<Job<'m>>,
    top: HashMap<FunName, u32>,
    labels: Vec<u32>,
    lambda_counter: u32,
    /// Shell input (`$shellN`, `$eval`): erl evaluates it with erl_eval,
    /// which calls every operator as a BIF, so its arithmetic keeps the
    /// BIF frame and its operand order (see `frameless_arith`).
    shell: bool,
}

#[derive(Clone, Copy)]
enum K {
    /// The value is the function's result: return it (or tail-call).
    Tail,
    /// The caller wants n values in stable places (y slots or literals).
    Val(usize),
}

/// Compile one IR module.
pub fn compile_module(module: &Module, natives: &NativeMap, cs: &CodeServer) -> R<ModuleCode> {
    let mut cx = Cx {
        natives,
        cs,
        code: Vec::new(),
        funs: Vec::new(),
        lines: Vec::new(),
        imports: Vec::new(),
        import_idx: HashMap::new(),
        lits: LiteralArea::default(),
        jobs: VecDeque::new(),
        top: HashMap::new(),
        labels: Vec::new(),
        lambda_counter: 0,
        shell: module.name.starts_with("$shell") || module.name == "$eval",
    };
    for (i, fd) in module.functions.iter().enumerate() {
        if fd.fun.params.len() != fd.name.arity as usize {
            return Err(format!(
                "function {}/{} has {} parameters",
                fd.name.name,
                fd.name.arity,
                fd.fun.params.len()
            ));
        }
        cx.top.insert(fd.name.clone(), i as u32);
        cx.funs.push(FunInfo {
            name: Atom::intern(&fd.name.name),
            arity: fd.name.arity,
            nfree: 0,
            entry: 0,
        });
    }
    for (i, fd) in module.functions.iter().enumerate() {
        let job = Job {
            idx: i as u32,
            fun: &fd.fun,
            extra: Vec::new(),
            scope: Scope::new(),
            parent: format!("{}/{}", fd.name.name, fd.name.arity),
        };
        cx.compile_job(job)?;
    }
    while let Some(job) = cx.jobs.pop_front() {
        cx.compile_job(job)?;
    }
    let mut labels = std::mem::take(&mut cx.labels);
    peephole::optimize(&mut cx.code, &mut labels, &mut cx.lines, &mut cx.funs);
    // Resolve label ids to instruction indexes.
    for ins in cx.code.iter_mut() {
        relabel(ins, &labels)?;
        if let Instr::Call { func, entry, .. } | Instr::CallLast { func, entry, .. } = ins {
            *entry = cx
                .funs
                .get(*func as usize)
                .ok_or("internal: call to an unknown function")?
                .entry;
        }
    }
    if std::env::var_os("EUBEAM_DUMP_CODE").is_some() {
        for (i, ins) in cx.code.iter().enumerate() {
            if let Some(f) = cx.funs.iter().find(|f| f.entry as usize == i) {
                eprintln!("{}/{}:", f.name.text(), f.arity);
            }
            eprintln!("  {i:4} {ins:?}");
        }
    }
    if cx.funs.windows(2).any(|w| w[0].entry > w[1].entry) {
        return Err("internal: functions out of order".into());
    }
    let mut exports = Vec::new();
    for e in &module.exports {
        match cx.top.get(e) {
            Some(&idx) => exports.push((Atom::intern(&e.name), e.arity, idx)),
            None => {
                return Err(format!(
                    "exported function {}/{} is not defined",
                    e.name, e.arity
                ))
            }
        }
    }
    let uniq = module.name.bytes().fold(cx.code.len() as u32, |h, b| {
        h.wrapping_mul(31).wrapping_add(u32::from(b))
    }) % 100_000_000;
    Ok(ModuleCode {
        name: Atom::intern(&module.name),
        file: module.file.clone(),
        code: cx.code,
        funs: cx.funs,
        exports,
        imports: cx.imports,
        lines: cx.lines,
        uniq,
        literals: cx.lits,
    })
}

/// The run-time spec of a segment (`native` endianness resolved here).
fn bin_spec<T>(sg: &eubeam_ir::BinSegment<T>, size: Option<Src>) -> BinSpec {
    BinSpec {
        ty: sg.ty,
        size,
        unit: sg.unit,
        signed: sg.signed,
        little: match sg.endian {
            eubeam_ir::Endian::Big => false,
            eubeam_ir::Endian::Little => true,
            eubeam_ir::Endian::Native => cfg!(target_endian = "little"),
        },
    }
}

fn relabel(ins: &mut Instr, labels: &[u32]) -> R<()> {
    let fix = |l: &mut u32| -> R<()> {
        if *l != NO_LABEL {
            *l = *labels
                .get(*l as usize)
                .filter(|&&p| p != NO_LABEL)
                .ok_or("internal: unbound label")?;
        }
        Ok(())
    };
    match ins {
        Instr::Bif { fail, .. }
        | Instr::Arith { fail, .. }
        | Instr::Cmp { fail, .. }
        | Instr::IsEqExact { fail, .. }
        | Instr::IsTuple { fail, .. }
        | Instr::IsCons { fail, .. }
        | Instr::IsNil { fail, .. }
        | Instr::IsMap { fail, .. }
        | Instr::GetMapValue { fail, .. }
        | Instr::BsCreate { fail, .. }
        | Instr::BsStart { fail, .. }
        | Instr::BsTestTail { fail, .. }
        | Instr::LoopRec { fail, .. } => fix(fail),
        Instr::BsGet(g) => fix(&mut g.fail),
        Instr::Jump(l) => fix(l),
        Instr::Try { handler } | Instr::Catch { handler } => fix(handler),
        Instr::LoopRecEnd { target } | Instr::WaitTimeout { target, .. } => fix(target),
        _ => Ok(()),
    }
}

impl<'m> Cx<'m> {
    fn new_fun(&mut self, name: String, arity: usize, nfree: usize) -> R<u32> {
        if arity > MAX_X - 2 {
            return Err(format!(
                "function {name} needs {arity} arguments (at most {})",
                MAX_X - 2
            ));
        }
        self.funs.push(FunInfo {
            name: Atom::intern(&name),
            arity: arity as u32,
            nfree: nfree as u32,
            entry: 0,
        });
        Ok(self.funs.len() as u32 - 1)
    }

    fn import(&mut self, m: Atom, f: Atom, a: u32) -> u32 {
        if let Some(&i) = self.import_idx.get(&(m, f, a)) {
            return i;
        }
        let e = self.cs.entry(m, f, a);
        self.imports.push(e);
        let i = self.imports.len() as u32 - 1;
        self.import_idx.insert((m, f, a), i);
        i
    }

    fn compile_job(&mut self, job: Job<'m>) -> R<()> {
        let entry = self.code.len() as u32;
        self.funs[job.idx as usize].entry = entry;
        let params: Vec<&String> = job.fun.params.iter().chain(job.extra.iter()).collect();
        let mut fx = Fx {
            cx: self,
            vars: HashMap::new(),
            undo: Vec::new(),
            nslots: 0,
            scope: job.scope,
            marked: HashSet::new(),
            guard_fail: None,
            parent: job.parent,
            line: job.fun.span.line,
            last_line: u32::MAX,
        };
        let alloc_at = fx.emit(Instr::Allocate {
            ys: 0,
            live: params.len() as u16,
            params: 0,
        });
        for (i, p) in params.iter().enumerate() {
            let s = fx.slot();
            fx.emit(Instr::Move {
                src: Src::X(i as u16),
                dst: Reg::Y(s),
            });
            fx.bind(p, Src::Y(s));
        }
        fx.expr(&job.fun.body, K::Tail)?;
        let n = fx.nslots;
        self.code[alloc_at] = Instr::Allocate {
            ys: n,
            live: params.len() as u16,
            params: 0,
        };
        Ok(())
    }
}

struct Fx<'c, 'm> {
    cx: &'c mut Cx<'m>,
    vars: HashMap<String, Src>,
    undo: Vec<(String, Option<Src>)>,
    nslots: u32,
    scope: Scope,
    /// Variables bound to a `make_ref()` that set the receive mark.
    marked: HashSet<String>,
    guard_fail: Option<u32>,
    parent: String,
    line: u32,
    last_line: u32,
}

impl<'c, 'm> Fx<'c, 'm> {
    fn emit(&mut self, ins: Instr) -> usize {
        let pc = self.cx.code.len();
        if self.line != self.last_line {
            self.cx.lines.push((pc as u32, self.line));
            self.last_line = self.line;
        }
        self.cx.code.push(ins);
        pc
    }

    fn label(&mut self) -> u32 {
        self.cx.labels.push(NO_LABEL);
        self.cx.labels.len() as u32 - 1
    }

    fn bind_label(&mut self, l: u32) {
        self.cx.labels[l as usize] = self.cx.code.len() as u32;
    }

    fn slot(&mut self) -> u32 {
        self.nslots += 1;
        self.nslots - 1
    }

    fn bind(&mut self, v: &str, s: Src) {
        let old = self.vars.insert(v.to_string(), s);
        self.undo.push((v.to_string(), old));
    }

    fn mark(&self) -> usize {
        self.undo.len()
    }

    fn restore(&mut self, m: usize) {
        while self.undo.len() > m {
            if let Some((v, old)) = self.undo.pop() {
                match old {
                    Some(s) => self.vars.insert(v, s),
                    None => self.vars.remove(&v),
                };
            }
        }
    }

    fn lookup(&self, v: &str) -> R<Src> {
        self.vars
            .get(v)
            .copied()
            .ok_or_else(|| format!("unbound variable {v}"))
    }

    fn ret(&mut self, srcs: Vec<Src>, k: K) -> R<Vec<Src>> {
        match k {
            K::Tail => {
                let [s] = srcs[..] else {
                    return Err(format!("{} values where one is expected", srcs.len()));
                };
                self.emit(Instr::Move {
                    src: s,
                    dst: Reg::X(0),
                });
                self.emit(Instr::Return);
                Ok(Vec::new())
            }
            K::Val(n) => {
                if srcs.len() == 1 && n != 1 {
                    // A single value where several are wanted only comes from
                    // expressions that never return (match_fail, error/1).
                    return Ok(vec![srcs[0]; n]);
                }
                if srcs.len() != n {
                    return Err(format!("{} values where {n} are expected", srcs.len()));
                }
                Ok(srcs)
            }
        }
    }

    /// Result slots for a branching construct.
    fn dests(&mut self, k: K) -> Vec<u32> {
        match k {
            K::Tail => Vec::new(),
            K::Val(n) => (0..n).map(|_| self.slot()).collect(),
        }
    }

    fn move_to(&mut self, srcs: &[Src], dests: &[u32]) {
        for (s, d) in srcs.iter().zip(dests) {
            self.emit(Instr::Move {
                src: *s,
                dst: Reg::Y(*d),
            });
        }
    }

    fn raise_now(&mut self, class: Class, reason: Term) {
        match self.guard_fail {
            Some(f) if class == Class::Error => {
                self.emit(Instr::Jump(f));
            }
            _ => {
                self.emit(Instr::Raise {
                    class,
                    reason: Src::Lit(reason),
                });
            }
        }
    }

    fn not_supported(&mut self, what: &str) -> Src {
        let t = crate::heap::make_tuple(
            &mut self.cx.lits,
            &[
                Term::atom(Atom::NOT_SUPPORTED),
                Term::atom(Atom::intern(what)),
            ],
        );
        self.raise_now(Class::Error, t);
        Src::Lit(Term::NIL)
    }

    fn literal(&mut self, l: &Literal) -> Src {
        match build_literal(&mut self.cx.lits, l) {
            Ok(t) => Src::Lit(t),
            Err(_) if matches!(l, Literal::Binary(_)) => self.not_supported("binary"),
            Err(_) => {
                self.raise_now(Class::Error, Term::atom(Atom::SYSTEM_LIMIT));
                Src::Lit(Term::NIL)
            }
        }
    }

    fn values(&mut self, es: &'m [Expr]) -> R<Vec<Src>> {
        let mut out = Vec::with_capacity(es.len());
        for e in es {
            out.push(self.expr(e, K::Val(1))?[0]);
        }
        Ok(out)
    }

    fn one(&mut self, e: &'m Expr) -> R<Src> {
        Ok(self.expr(e, K::Val(1))?[0])
    }

    fn expr(&mut self, e: &'m Expr, k: K) -> R<Vec<Src>> {
        let saved = self.line;
        if e.span.line != 0 {
            self.line = e.span.line;
        }
        let r = self.expr_inner(e, k);
        self.line = saved;
        r
    }

    fn expr_inner(&mut self, e: &'m Expr, k: K) -> R<Vec<Src>> {
        match &e.kind {
            ExprKind::Var(v) => {
                let s = self.lookup(v)?;
                self.ret(vec![s], k)
            }
            ExprKind::Lit(l) => {
                let s = self.literal(l);
                self.ret(vec![s], k)
            }
            ExprKind::FunRef(f) => {
                let s = self.fun_value(f)?;
                self.ret(vec![s], k)
            }
            ExprKind::Cons(..) => {
                let mut heads = Vec::new();
                let mut cur = e;
                while let ExprKind::Cons(h, t) = &cur.kind {
                    heads.push(&**h);
                    cur = t;
                }
                let mut hs = Vec::with_capacity(heads.len());
                for h in heads {
                    hs.push(self.one(h)?);
                }
                let tail = self.one(cur)?;
                let d = self.slot();
                let mut acc = tail;
                for h in hs.into_iter().rev() {
                    self.emit(Instr::PutList {
                        hd: h,
                        tl: acc,
                        dst: Reg::Y(d),
                    });
                    acc = Src::Y(d);
                }
                self.ret(vec![acc], k)
            }
            ExprKind::Tuple(es) => {
                let srcs = self.values(es)?;
                let d = self.slot();
                self.emit(Instr::PutTuple {
                    elems: srcs.into_boxed_slice(),
                    dst: Reg::Y(d),
                });
                self.ret(vec![Src::Y(d)], k)
            }
            ExprKind::Values(es) => {
                let srcs = self.values(es)?;
                self.ret(srcs, k)
            }
            ExprKind::Fun(f) => {
                let s = self.lift_fun(f)?;
                self.ret(vec![s], k)
            }
            ExprKind::Let { vars, value, body } => {
                if let [v] = &vars[..] {
                    if is_make_ref(value) && body_receives_on(body, v) {
                        let d = self.slot();
                        self.emit(Instr::MakeRefMark { dst: Reg::Y(d) });
                        self.bind(v, Src::Y(d));
                        self.marked.insert(v.clone());
                        return self.expr(body, k);
                    }
                }
                let srcs = self.expr(value, K::Val(vars.len()))?;
                for (v, s) in vars.iter().zip(srcs) {
                    self.bind(v, s);
                }
                self.expr(body, k)
            }
            ExprKind::LetRec { defs, body } => self.letrec(defs, body, k),
            ExprKind::Seq(a, b) => {
                self.expr(a, K::Val(1))?;
                self.expr(b, k)
            }
            ExprKind::Case { arg, clauses } => self.case(arg, clauses, k),
            ExprKind::Receive {
                clauses,
                timeout,
                after,
            } => self.receive(clauses, timeout, after, k),
            ExprKind::Apply { fun, args } => self.apply(fun, args, k),
            ExprKind::Call {
                module,
                function,
                args,
            } => self.call(module, function, args, k),
            ExprKind::PrimOp { name, args } => self.primop(name, args, k),
            ExprKind::Try {
                arg,
                vars,
                body,
                evars,
                handler,
            } => self.try_(arg, vars, body, evars, handler, k),
            ExprKind::Catch(inner) => {
                let h = self.label();
                let end = self.label();
                let d = self.slot();
                self.emit(Instr::Catch { handler: h });
                let v = self.one(inner)?;
                self.emit(Instr::CatchEnd);
                self.emit(Instr::Move {
                    src: v,
                    dst: Reg::Y(d),
                });
                self.emit(Instr::Jump(end));
                self.bind_label(h);
                self.emit(Instr::CatchValue { dst: Reg::Y(d) });
                self.bind_label(end);
                self.ret(vec![Src::Y(d)], k)
            }
            ExprKind::Map { base, pairs } => {
                let b = match base {
                    Some(b) => Some(self.one(b)?),
                    None => None,
                };
                let mut ps = Vec::with_capacity(pairs.len());
                for p in pairs {
                    let key = self.one(&p.key)?;
                    let val = self.one(&p.value)?;
                    ps.push((p.op == MapOp::Exact, key, val));
                }
                let d = self.slot();
                self.emit(Instr::PutMap {
                    base: b,
                    pairs: ps.into_boxed_slice(),
                    dst: Reg::Y(d),
                });
                self.ret(vec![Src::Y(d)], k)
            }
            ExprKind::Binary(segs) => {
                let mut out = Vec::with_capacity(segs.len());
                for sg in segs {
                    let v = self.one(&sg.value)?;
                    let size = match &sg.size {
                        Some(e) => Some(self.one(e)?),
                        None => None,
                    };
                    out.push((v, bin_spec(sg, size)));
                }
                let d = self.slot();
                self.emit(Instr::BsCreate {
                    segs: out.into_boxed_slice(),
                    dst: Reg::Y(d),
                    fail: self.guard_fail.unwrap_or(NO_LABEL),
                });
                self.ret(vec![Src::Y(d)], k)
            }
        }
    }

    fn fun_value(&mut self, f: &FunName) -> R<Src> {
        let (idx, extra) = if let Some(lf) = self.scope.get(f) {
            (lf.idx, lf.extra.clone())
        } else if let Some(&idx) = self.cx.top.get(f) {
            (idx, Vec::new())
        } else {
            return Err(format!("unknown local function {}/{}", f.name, f.arity));
        };
        let free = extra
            .iter()
            .map(|v| self.lookup(v))
            .collect::<R<Vec<_>>>()?;
        let d = self.slot();
        self.emit(Instr::MakeFun {
            func: idx,
            free: free.into_boxed_slice(),
            dst: Reg::Y(d),
        });
        Ok(Src::Y(d))
    }

    fn lambda_name(&mut self, given: Option<&str>) -> String {
        let n = self.cx.lambda_counter;
        self.cx.lambda_counter += 1;
        match given {
            Some(g) => format!("-{}-{}-{}-", self.parent, g, n),
            None => format!("-{}-fun-{}-", self.parent, n),
        }
    }

    fn free_vars(&self, f: &Fun) -> Vec<String> {
        let mut fv = FreeVars {
            scope: &self.scope,
            outer: &self.vars,
            bound: Vec::new(),
            out: Vec::new(),
            seen: HashSet::new(),
        };
        fv.fun(f);
        fv.out
    }

    fn lift_fun(&mut self, f: &'m Fun) -> R<Src> {
        let extra = self.free_vars(f);
        let free = extra
            .iter()
            .map(|v| self.lookup(v))
            .collect::<R<Vec<_>>>()?;
        let name = match &f.name {
            // The frontend's name for stack traces, as given.
            Some(n) => {
                self.cx.lambda_counter += 1;
                n.clone()
            }
            None => self.lambda_name(None),
        };
        let idx = self
            .cx
            .new_fun(name, f.params.len() + extra.len(), extra.len())?;
        self.cx.jobs.push_back(Job {
            idx,
            fun: f,
            extra,
            scope: self.scope.clone(),
            parent: self.parent.clone(),
        });
        let d = self.slot();
        self.emit(Instr::MakeFun {
            func: idx,
            free: free.into_boxed_slice(),
            dst: Reg::Y(d),
        });
        Ok(Src::Y(d))
    }

    fn letrec(&mut self, defs: &'m [(FunName, Fun)], body: &'m Expr, k: K) -> R<Vec<Src>> {
        let mut extra: Vec<String> = Vec::new();
        for (_, f) in defs {
            for v in self.free_vars(f) {
                if !extra.contains(&v) {
                    extra.push(v);
                }
            }
        }
        let saved_scope = self.scope.clone();
        let mut idxs = Vec::new();
        for (name, f) in defs {
            let n = self.lambda_name(Some(&format!("{}/{}", name.name, name.arity)));
            let idx = self
                .cx
                .new_fun(n, f.params.len() + extra.len(), extra.len())?;
            idxs.push(idx);
            self.scope.insert(
                name.clone(),
                LocalFn {
                    idx,
                    extra: extra.clone(),
                },
            );
        }
        for ((_, f), idx) in defs.iter().zip(idxs) {
            self.cx.jobs.push_back(Job {
                idx,
                fun: f,
                extra: extra.clone(),
                scope: self.scope.clone(),
                parent: self.parent.clone(),
            });
        }
        let r = self.expr(body, k);
        self.scope = saved_scope;
        r
    }

    /// After a non-tail call: the result from x0 into a fresh slot.
    fn call_result(&mut self, k: K) -> R<Vec<Src>> {
        let d = self.slot();
        self.emit(Instr::Move {
            src: Src::X(0),
            dst: Reg::Y(d),
        });
        self.ret(vec![Src::Y(d)], k)
    }

    fn load_args(&mut self, srcs: &[Src]) -> R<()> {
        if srcs.len() > MAX_X - 2 {
            return Err(format!("call with {} arguments", srcs.len()));
        }
        for (i, s) in srcs.iter().enumerate() {
            self.emit(Instr::Move {
                src: *s,
                dst: Reg::X(i as u16),
            });
        }
        Ok(())
    }

    fn apply(&mut self, fun: &'m Expr, args: &'m [Expr], k: K) -> R<Vec<Src>> {
        if self.guard_fail.is_some() {
            return Err("function application in a guard".into());
        }
        if let ExprKind::FunRef(f) = &fun.kind {
            let target = if let Some(lf) = self.scope.get(f) {
                Some((lf.idx, lf.extra.clone()))
            } else {
                self.cx.top.get(f).map(|&i| (i, Vec::new()))
            };
            if let Some((idx, extra)) = target {
                if args.len() != f.arity as usize {
                    return Err(format!(
                        "{}/{} applied to {} arguments",
                        f.name,
                        f.arity,
                        args.len()
                    ));
                }
                let mut srcs = self.values(args)?;
                for v in &extra {
                    srcs.push(self.lookup(v)?);
                }
                self.load_args(&srcs)?;
                let arity = srcs.len() as u16;
                return match k {
                    K::Tail => {
                        self.emit(Instr::CallLast {
                            func: idx,
                            arity,
                            entry: 0,
                        });
                        Ok(Vec::new())
                    }
                    K::Val(_) => {
                        self.emit(Instr::Call {
                            func: idx,
                            arity,
                            entry: 0,
                        });
                        self.call_result(k)
                    }
                };
            }
        }
        let f = self.one(fun)?;
        let srcs = self.values(args)?;
        self.load_args(&srcs)?;
        let n = srcs.len() as u16;
        self.emit(Instr::Move {
            src: f,
            dst: Reg::X(n),
        });
        match k {
            K::Tail => {
                self.emit(Instr::CallFunLast { arity: n });
                Ok(Vec::new())
            }
            K::Val(_) => {
                self.emit(Instr::CallFun { arity: n });
                self.call_result(k)
            }
        }
    }

    fn call(
        &mut self,
        module: &'m Expr,
        function: &'m Expr,
        args: &'m [Expr],
        k: K,
    ) -> R<Vec<Src>> {
        let names = match (&module.kind, &function.kind) {
            (ExprKind::Lit(Literal::Atom(m)), ExprKind::Lit(Literal::Atom(f))) => {
                Some((Atom::intern(m), Atom::intern(f)))
            }
            _ => None,
        };
        let Some((m, f)) = names else {
            // Dynamic call: erlang:apply(M, F, Args).
            let ms = self.one(module)?;
            let fs = self.one(function)?;
            let srcs = self.values(args)?;
            let d = self.slot();
            let mut acc = Src::Lit(Term::NIL);
            for s in srcs.into_iter().rev() {
                self.emit(Instr::PutList {
                    hd: s,
                    tl: acc,
                    dst: Reg::Y(d),
                });
                acc = Src::Y(d);
            }
            self.load_args(&[ms, fs, acc])?;
            let imp = self.cx.import(Atom::ERLANG, Atom::APPLY, 3);
            return self.emit_call_ext(imp, 3, k);
        };
        let arity = args.len() as u32;
        let native = self.cx.natives.get(&(m, f, arity)).copied();
        let inline = match native {
            Some((nf, inl))
                if (inl || (self.guard_fail.is_some() && m == Atom::ERLANG)) && args.len() <= 8 =>
            {
                Some(nf)
            }
            _ => None,
        };
        if let Some(nf) = inline {
            let mut srcs = self.values(args)?;
            if m == Atom::ERLANG && !self.cx.shell && commutative(f) {
                if let [a @ Src::Lit(_), b] = &mut srcs[..] {
                    if !matches!(b, Src::Lit(_)) {
                        std::mem::swap(a, b);
                    }
                }
            }
            let imp = if m == Atom::ERLANG && !self.cx.shell && frameless_arith(f, &srcs) {
                self.cx.import(Atom::intern(FRAMELESS_MODULE), f, arity)
            } else {
                self.cx.import(m, f, arity)
            };
            let d = self.slot();
            if let (Some(op), [a, b]) = (arith_op(m, f), &srcs[..]) {
                self.emit(Instr::Arith {
                    op,
                    a: *a,
                    b: *b,
                    dst: Reg::Y(d),
                    f: nf,
                    imp,
                    fail: self.guard_fail.unwrap_or(NO_LABEL),
                });
                return self.ret(vec![Src::Y(d)], k);
            }
            self.emit(Instr::Bif {
                f: nf,
                imp,
                args: srcs.into_boxed_slice(),
                dst: Reg::Y(d),
                fail: self.guard_fail.unwrap_or(NO_LABEL),
            });
            return self.ret(vec![Src::Y(d)], k);
        }
        if let Some(fail) = self.guard_fail {
            // Not a guard BIF: the guard fails.
            self.emit(Instr::Jump(fail));
            return self.ret(vec![Src::Lit(Term::FALSE)], k);
        }
        let srcs = self.values(args)?;
        self.load_args(&srcs)?;
        let imp = self.cx.import(m, f, arity);
        self.emit_call_ext(imp, arity as u16, k)
    }

    fn emit_call_ext(&mut self, imp: u32, arity: u16, k: K) -> R<Vec<Src>> {
        match k {
            K::Tail => {
                self.emit(Instr::CallExtLast { imp, arity });
                Ok(Vec::new())
            }
            K::Val(_) => {
                self.emit(Instr::CallExt { imp, arity });
                self.call_result(k)
            }
        }
    }

    fn primop(&mut self, name: &str, args: &'m [Expr], k: K) -> R<Vec<Src>> {
        let srcs = self.values(args)?;
        let ok = Src::Lit(Term::OK);
        match (name, &srcs[..]) {
            ("match_fail", [r]) => {
                match self.guard_fail {
                    Some(f) => self.emit(Instr::Jump(f)),
                    None => self.emit(Instr::Raise {
                        class: Class::Error,
                        reason: *r,
                    }),
                };
                self.ret(vec![Src::Lit(Term::NIL)], k)
            }
            ("raise", [t, r]) => {
                self.emit(Instr::ReRaise {
                    trace: *t,
                    reason: *r,
                });
                self.ret(vec![Src::Lit(Term::NIL)], k)
            }
            ("build_stacktrace", [t]) => {
                let d = self.slot();
                self.emit(Instr::BuildStacktrace {
                    trace: *t,
                    dst: Reg::Y(d),
                });
                self.ret(vec![Src::Y(d)], k)
            }
            ("recv_peek_message", []) => {
                let (found, msg) = (self.slot(), self.slot());
                let (none, done) = (self.label(), self.label());
                self.emit(Instr::LoopRec {
                    fail: none,
                    dst: Reg::Y(msg),
                });
                self.emit(Instr::Move {
                    src: Src::Lit(Term::TRUE),
                    dst: Reg::Y(found),
                });
                self.emit(Instr::Jump(done));
                self.bind_label(none);
                self.emit(Instr::Move {
                    src: Src::Lit(Term::FALSE),
                    dst: Reg::Y(found),
                });
                self.emit(Instr::Move {
                    src: Src::Lit(Term::NIL),
                    dst: Reg::Y(msg),
                });
                self.bind_label(done);
                self.ret(vec![Src::Y(found), Src::Y(msg)], k)
            }
            ("remove_message", []) => {
                self.emit(Instr::RemoveMessage);
                self.ret(vec![ok], k)
            }
            ("recv_next", []) => {
                let next = self.label();
                self.emit(Instr::LoopRecEnd { target: next });
                self.bind_label(next);
                self.ret(vec![ok], k)
            }
            ("recv_wait_timeout", [t]) => {
                let d = self.slot();
                let (msg, done) = (self.label(), self.label());
                self.emit(Instr::WaitTimeout {
                    target: msg,
                    timeout: *t,
                });
                self.emit(Instr::Move {
                    src: Src::Lit(Term::TRUE),
                    dst: Reg::Y(d),
                });
                self.emit(Instr::Jump(done));
                self.bind_label(msg);
                self.emit(Instr::Move {
                    src: Src::Lit(Term::FALSE),
                    dst: Reg::Y(d),
                });
                self.bind_label(done);
                self.ret(vec![Src::Y(d)], k)
            }
            _ => {
                let s = self.not_supported(&format!("primop {name}/{}", srcs.len()));
                self.ret(vec![s], k)
            }
        }
    }

    fn guard(&mut self, g: &'m Option<Expr>, fail: u32) -> R<()> {
        let Some(g) = g else {
            return Ok(());
        };
        if let ExprKind::Lit(Literal::Atom(a)) = &g.kind {
            if a == "true" {
                return Ok(());
            }
        }
        self.guard_test(g, fail)
    }

    /// Continue when guard expression `g` is `true`, else jump to `fail`.
    /// `and` becomes two tests and a comparison a compare-and-branch
    /// (guards have no side effects, so skipping the rest is invisible).
    fn guard_test(&mut self, g: &'m Expr, fail: u32) -> R<()> {
        if let ExprKind::Call {
            module,
            function,
            args,
        } = &g.kind
        {
            if let (ExprKind::Lit(Literal::Atom(m)), ExprKind::Lit(Literal::Atom(f)), [a, b]) =
                (&module.kind, &function.kind, &args[..])
            {
                if m == "erlang" {
                    if f == "and" {
                        self.guard_test(a, fail)?;
                        return self.guard_test(b, fail);
                    }
                    if let Some(op) = cmp_op(f) {
                        let saved = self.guard_fail.replace(fail);
                        let r = self.one(a).and_then(|a| Ok((a, self.one(b)?)));
                        self.guard_fail = saved;
                        let (a, b) = r?;
                        self.emit(Instr::Cmp { op, a, b, fail });
                        return Ok(());
                    }
                }
            }
        }
        let saved = self.guard_fail.replace(fail);
        let r = self.one(g);
        self.guard_fail = saved;
        let v = r?;
        self.emit(Instr::IsEqExact {
            a: v,
            b: Src::Lit(Term::TRUE),
            fail,
        });
        Ok(())
    }

    fn case(&mut self, arg: &'m Expr, clauses: &'m [Clause], k: K) -> R<Vec<Src>> {
        let n = clauses.first().map_or(1, |c| c.pats.len());
        let srcs = self.expr(arg, K::Val(n))?;
        let dests = self.dests(k);
        let end = self.label();
        let mut exhaustive = false;
        for c in clauses {
            if c.pats.len() != n {
                return Err(format!(
                    "case clause with {} patterns for {n} values",
                    c.pats.len()
                ));
            }
            let next = self.label();
            let catch_all = c.guard.as_ref().is_none_or(is_true)
                && c.pats.iter().all(|p| match p {
                    Pattern::Wildcard => true,
                    Pattern::Var(v) => !self.vars.contains_key(v),
                    _ => false,
                });
            let m = self.mark();
            let saved_line = self.line;
            if c.span.line != 0 {
                self.line = c.span.line;
            }
            for (p, s) in c.pats.iter().zip(&srcs) {
                self.pattern(p, *s, next)?;
            }
            self.guard(&c.guard, next)?;
            let r = self.expr(&c.body, k)?;
            self.move_to(&r, &dests);
            if !dests.is_empty() || matches!(k, K::Val(_)) {
                self.emit(Instr::Jump(end));
            }
            self.line = saved_line;
            self.restore(m);
            self.bind_label(next);
            if catch_all {
                exhaustive = true;
                break;
            }
        }
        if !exhaustive {
            match self.guard_fail {
                Some(f) => {
                    self.emit(Instr::Jump(f));
                }
                None => {
                    let v = if srcs.len() == 1 {
                        srcs[0]
                    } else {
                        let d = self.slot();
                        self.emit(Instr::PutTuple {
                            elems: srcs.clone().into_boxed_slice(),
                            dst: Reg::Y(d),
                        });
                        Src::Y(d)
                    };
                    self.emit(Instr::CaseEnd { val: v });
                }
            }
        }
        self.bind_label(end);
        Ok(dests.into_iter().map(Src::Y).collect())
    }

    /// Match `p` against `s`; jump to `fail` on mismatch; bind variables.
    fn pattern(&mut self, p: &'m Pattern, s: Src, fail: u32) -> R<()> {
        match p {
            Pattern::Wildcard => {}
            Pattern::Var(v) => match self.vars.get(v) {
                Some(&bound) => {
                    self.emit(Instr::IsEqExact {
                        a: s,
                        b: bound,
                        fail,
                    });
                }
                None => self.bind(v, s),
            },
            Pattern::Lit(l) => {
                let lit = self.literal(l);
                self.emit(Instr::IsEqExact { a: s, b: lit, fail });
            }
            Pattern::Alias(v, inner) => {
                match self.vars.get(v) {
                    Some(&bound) => {
                        self.emit(Instr::IsEqExact {
                            a: s,
                            b: bound,
                            fail,
                        });
                    }
                    None => self.bind(v, s),
                }
                self.pattern(inner, s, fail)?;
            }
            Pattern::Cons(h, t) => {
                if let Pattern::Lit(Literal::Nil) = &**t {
                    // [H]: common enough to test both at once.
                }
                self.emit(Instr::IsCons { src: s, fail });
                if !matches!(**h, Pattern::Wildcard) {
                    let d = self.slot();
                    self.emit(Instr::GetHd {
                        src: s,
                        dst: Reg::Y(d),
                    });
                    self.pattern(h, Src::Y(d), fail)?;
                }
                match &**t {
                    Pattern::Wildcard => {}
                    Pattern::Lit(Literal::Nil) => {
                        let d = self.slot();
                        self.emit(Instr::GetTl {
                            src: s,
                            dst: Reg::Y(d),
                        });
                        self.emit(Instr::IsNil {
                            src: Src::Y(d),
                            fail,
                        });
                    }
                    t => {
                        let d = self.slot();
                        self.emit(Instr::GetTl {
                            src: s,
                            dst: Reg::Y(d),
                        });
                        self.pattern(t, Src::Y(d), fail)?;
                    }
                }
            }
            Pattern::Tuple(ps) => {
                self.emit(Instr::IsTuple {
                    src: s,
                    arity: ps.len() as u32,
                    fail,
                });
                for (i, ep) in ps.iter().enumerate() {
                    if matches!(ep, Pattern::Wildcard) {
                        continue;
                    }
                    let d = self.slot();
                    self.emit(Instr::GetElement {
                        src: s,
                        idx: i as u32,
                        dst: Reg::Y(d),
                    });
                    self.pattern(ep, Src::Y(d), fail)?;
                }
            }
            Pattern::Map(pairs) => {
                self.emit(Instr::IsMap { src: s, fail });
                for (kexpr, vp) in pairs {
                    let key = self.one(kexpr)?;
                    let d = self.slot();
                    self.emit(Instr::GetMapValue {
                        src: s,
                        key,
                        dst: Reg::Y(d),
                        fail,
                    });
                    self.pattern(vp, Src::Y(d), fail)?;
                }
            }
            Pattern::Binary(segs) => {
                // A position register threads through the segments (a fresh
                // slot per segment, keeping slots write-once); sizes may use
                // variables bound by earlier segments.
                self.emit(Instr::BsStart { src: s, fail });
                let mut pos = Src::Lit(Term::small(0));
                for sg in segs {
                    let size = match &sg.size {
                        Some(e) => {
                            // A size that raises makes the match fail.
                            let saved = self.guard_fail.replace(fail);
                            let r = self.one(e);
                            self.guard_fail = saved;
                            Some(r?)
                        }
                        None => None,
                    };
                    let (d, np) = (self.slot(), self.slot());
                    self.emit(Instr::BsGet(Box::new(BsGet {
                        bin: s,
                        pos,
                        spec: bin_spec(sg, size),
                        dst: Reg::Y(d),
                        next: Reg::Y(np),
                        fail,
                    })));
                    pos = Src::Y(np);
                    self.pattern(&sg.value, Src::Y(d), fail)?;
                }
                self.emit(Instr::BsTestTail { bin: s, pos, fail });
            }
        }
        Ok(())
    }

    fn receive(
        &mut self,
        clauses: &'m [Clause],
        timeout: &'m Expr,
        after: &'m Expr,
        k: K,
    ) -> R<Vec<Src>> {
        let t = self.one(timeout)?;
        let dests = self.dests(k);
        let (lp, wait, end) = (self.label(), self.label(), self.label());
        // Receive mark: every clause tests a ref made by a marked make_ref().
        let marked = self
            .marked
            .iter()
            .find(|v| {
                !clauses.is_empty()
                    && clauses
                        .iter()
                        .all(|c| c.pats.iter().any(|p| pattern_mentions(p, v)))
            })
            .cloned();
        if let Some(v) = marked {
            let r = self.lookup(&v)?;
            self.emit(Instr::RecvMarkerUse { r });
        }
        self.bind_label(lp);
        let msg = self.slot();
        self.emit(Instr::LoopRec {
            fail: wait,
            dst: Reg::Y(msg),
        });
        for c in clauses {
            let [p] = &c.pats[..] else {
                return Err("receive clause with several patterns".into());
            };
            let next = self.label();
            let m = self.mark();
            let first = self.nslots;
            self.pattern(p, Src::Y(msg), next)?;
            self.guard(&c.guard, next)?;
            let last = self.nslots;
            self.emit(Instr::RemoveMessage);
            let r = self.expr(&c.body, k)?;
            self.move_to(&r, &dests);
            if matches!(k, K::Val(_)) {
                self.emit(Instr::Jump(end));
            }
            self.restore(m);
            self.bind_label(next);
            // Slots of a failed clause may point into a message that stays
            // in the queue: clear them before any safe point.
            if last > first {
                self.emit(Instr::Kill {
                    from: first,
                    to: last,
                });
            }
        }
        self.emit(Instr::Kill {
            from: msg,
            to: msg + 1,
        });
        self.emit(Instr::LoopRecEnd { target: lp });
        self.bind_label(wait);
        self.emit(Instr::WaitTimeout {
            target: lp,
            timeout: t,
        });
        let r = self.expr(after, k)?;
        self.move_to(&r, &dests);
        self.bind_label(end);
        Ok(dests.into_iter().map(Src::Y).collect())
    }

    #[allow(clippy::too_many_arguments)]
    fn try_(
        &mut self,
        arg: &'m Expr,
        vars: &'m [String],
        body: &'m Expr,
        evars: &'m [String; 3],
        handler: &'m Expr,
        k: K,
    ) -> R<Vec<Src>> {
        let dests = self.dests(k);
        let (h, end) = (self.label(), self.label());
        let in_guard = self.guard_fail.is_some();
        let srcs = if in_guard {
            // In a guard nothing can raise past the guard: errors of guard
            // BIFs jump straight to the handler.
            let saved = self.guard_fail.replace(h);
            let r = self.expr(arg, K::Val(vars.len()));
            self.guard_fail = saved;
            r?
        } else {
            self.emit(Instr::Try { handler: h });
            let r = self.expr(arg, K::Val(vars.len()))?;
            self.emit(Instr::TryEnd);
            r
        };
        let m = self.mark();
        for (v, s) in vars.iter().zip(srcs) {
            self.bind(v, s);
        }
        let r = self.expr(body, k)?;
        self.move_to(&r, &dests);
        if matches!(k, K::Val(_)) {
            self.emit(Instr::Jump(end));
        }
        self.restore(m);
        self.bind_label(h);
        let (c, r_, t) = (self.slot(), self.slot(), self.slot());
        if in_guard {
            self.emit(Instr::Move {
                src: Src::Lit(Term::atom(Atom::ERROR)),
                dst: Reg::Y(c),
            });
            self.emit(Instr::Move {
                src: Src::Lit(Term::atom(Atom::BADARG)),
                dst: Reg::Y(r_),
            });
            self.emit(Instr::Move {
                src: Src::Lit(Term::NIL),
                dst: Reg::Y(t),
            });
        } else {
            self.emit(Instr::TryCase {
                class: Reg::Y(c),
                reason: Reg::Y(r_),
                trace: Reg::Y(t),
            });
        }
        let m = self.mark();
        self.bind(&evars[0], Src::Y(c));
        self.bind(&evars[1], Src::Y(r_));
        self.bind(&evars[2], Src::Y(t));
        let r = self.expr(handler, k)?;
        self.move_to(&r, &dests);
        self.restore(m);
        self.bind_label(end);
        Ok(dests.into_iter().map(Src::Y).collect())
    }
}

/// The pseudo-module of import entries whose failure adds no
/// `{erlang, Op, Args, _}` frame to the stack trace (see `frameless_arith`).
pub const FRAMELESS_MODULE: &str = "$erlang_frameless";

/// erlc puts a literal operand of these second (`2 * X` fails with
/// `{erlang,'*',[X,2],_}`), so the failing call's arguments read that way.
fn commutative(f: Atom) -> bool {
    matches!(f.text(), "*" | "+" | "band" | "bor" | "bxor")
}

/// Arithmetic that OTP 25's compiler and JIT turn into instructions whose
/// failure names no BIF, so the stack trace starts at the calling function
/// (recorded from erl; fixture `arith_frames`): float arithmetic (`/`
/// always, and any operation with a float literal), `+` with a small-integer
/// literal, `-` with a non-negative small-integer literal second, and
/// unary `+`.
fn frameless_arith(f: Atom, srcs: &[Src]) -> bool {
    // With every operand a literal erlc emits a plain call of the BIF
    // (it cannot fold a failing operation), whose failure has the frame;
    // `/` is a float instruction even then.
    if f.text() != "/" && srcs.iter().all(|s| matches!(s, Src::Lit(_))) {
        return false;
    }
    let small_lit = |s: &Src| matches!(s, Src::Lit(t) if t.is_small());
    let float_lit = |s: &Src| matches!(s, Src::Lit(t) if t.as_float().is_some());
    match (f.text(), srcs) {
        ("/", [_, _]) | ("+", [_]) => true,
        ("+" | "-" | "*", [a, b]) if float_lit(a) || float_lit(b) => true,
        ("+", [a, b]) => small_lit(a) || small_lit(b),
        ("-", [_, Src::Lit(t)]) => t.as_int().is_some_and(|i| i >= 0) && t.is_small(),
        _ => false,
    }
}

/// The arithmetic BIFs with a small-integer fast path.
/// Lua's `lua:add/sub/mul` natives qualify too: on two small integers
/// whose result is small, Lua's wrapping arithmetic gives the same value;
/// everything else (floats, wrapping, strings, metamethods) goes to the
/// native, whose `'lua$meta'` result the lowering handles.
fn arith_op(m: Atom, f: Atom) -> Option<ArithOp> {
    match (m.text(), f.text()) {
        ("erlang", "+") | ("lua", "add") => Some(ArithOp::Add),
        ("erlang", "-") | ("lua", "sub") => Some(ArithOp::Sub),
        ("erlang", "*") | ("lua", "mul") => Some(ArithOp::Mul),
        _ => None,
    }
}

/// The comparison BIFs that compile to a compare-and-branch in guards.
fn cmp_op(f: &str) -> Option<CmpOp> {
    Some(match f {
        "<" => CmpOp::Lt,
        ">=" => CmpOp::Ge,
        ">" => CmpOp::Gt,
        "=<" => CmpOp::Le,
        "==" => CmpOp::Eq,
        "/=" => CmpOp::Ne,
        "=:=" => CmpOp::EqExact,
        "=/=" => CmpOp::NeExact,
        _ => return None,
    })
}

fn is_true(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Lit(Literal::Atom(a)) if a == "true")
}

fn is_make_ref(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call {
            module,
            function,
            args,
        } => {
            args.is_empty()
                && matches!(&module.kind, ExprKind::Lit(Literal::Atom(m)) if m == "erlang")
                && matches!(&function.kind, ExprKind::Lit(Literal::Atom(f)) if f == "make_ref")
        }
        _ => false,
    }
}

fn pattern_mentions(p: &Pattern, v: &str) -> bool {
    p.variables().iter().any(|x| x.as_str() == v)
}

/// Whether `e` (not looking into nested funs) contains a receive whose every
/// clause matches on variable `v`.
fn body_receives_on(e: &Expr, v: &str) -> bool {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Receive { clauses, .. } => {
                if !clauses.is_empty()
                    && clauses
                        .iter()
                        .all(|c| c.pats.iter().any(|p| pattern_mentions(p, v)))
                {
                    return true;
                }
                clauses.iter().for_each(|c| stack.push(&c.body));
            }
            ExprKind::Let { value, body, .. } => {
                stack.push(value);
                stack.push(body);
            }
            ExprKind::Seq(a, b) => {
                stack.push(a);
                stack.push(b);
            }
            ExprKind::Case { arg, clauses } => {
                stack.push(arg);
                clauses.iter().for_each(|c| stack.push(&c.body));
            }
            ExprKind::Try {
                arg, body, handler, ..
            } => {
                stack.push(arg);
                stack.push(body);
                stack.push(handler);
            }
            ExprKind::LetRec { body, .. } => stack.push(body),
            ExprKind::Catch(x) => stack.push(x),
            _ => {}
        }
    }
    false
}

/// Free variables of a fun, in first-use order.
struct FreeVars<'a> {
    scope: &'a Scope,
    /// Variables bound where the fun is created.
    outer: &'a HashMap<String, Src>,
    /// Variables bound inside the fun (a stack; truncated on scope exit).
    bound: Vec<String>,
    out: Vec<String>,
    seen: HashSet<String>,
}

impl FreeVars<'_> {
    fn use_var(&mut self, v: &str) {
        if self.bound.iter().any(|b| b == v) {
            return;
        }
        if self.outer.contains_key(v) && self.seen.insert(v.to_string()) {
            self.out.push(v.to_string());
        }
    }

    fn fun(&mut self, f: &Fun) {
        let m = self.bound.len();
        self.bound.extend(f.params.iter().cloned());
        self.expr(&f.body);
        self.bound.truncate(m);
    }

    fn local(&mut self, f: &FunName) {
        if let Some(lf) = self.scope.get(f) {
            for v in lf.extra.clone() {
                self.use_var(&v);
            }
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        match p {
            Pattern::Var(v) | Pattern::Alias(v, _) => {
                if self.bound.iter().any(|b| b == v) || self.outer.contains_key(v) {
                    self.use_var(v);
                } else {
                    self.bound.push(v.clone());
                }
                if let Pattern::Alias(_, inner) = p {
                    self.pattern(inner);
                }
            }
            Pattern::Wildcard | Pattern::Lit(_) => {}
            Pattern::Cons(h, t) => {
                self.pattern(h);
                self.pattern(t);
            }
            Pattern::Tuple(ps) => ps.iter().for_each(|p| self.pattern(p)),
            Pattern::Map(pairs) => {
                for (k, v) in pairs {
                    self.expr(k);
                    self.pattern(v);
                }
            }
            Pattern::Binary(segs) => {
                for s in segs {
                    if let Some(e) = &s.size {
                        self.expr(e);
                    }
                    self.pattern(&s.value);
                }
            }
        }
    }

    fn clause(&mut self, c: &Clause) {
        let m = self.bound.len();
        for p in &c.pats {
            self.pattern(p);
        }
        if let Some(g) = &c.guard {
            self.expr(g);
        }
        self.expr(&c.body);
        self.bound.truncate(m);
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Var(v) => self.use_var(v),
            ExprKind::Lit(_) => {}
            ExprKind::FunRef(f) => self.local(f),
            ExprKind::Cons(..) => {
                let mut cur = e;
                while let ExprKind::Cons(h, t) = &cur.kind {
                    self.expr(h);
                    cur = t;
                }
                self.expr(cur);
            }
            ExprKind::Tuple(es) | ExprKind::Values(es) => es.iter().for_each(|x| self.expr(x)),
            ExprKind::Fun(f) => self.fun(f),
            ExprKind::Let { vars, value, body } => {
                self.expr(value);
                let m = self.bound.len();
                self.bound.extend(vars.iter().cloned());
                self.expr(body);
                self.bound.truncate(m);
            }
            ExprKind::LetRec { defs, body } => {
                for (_, f) in defs {
                    self.fun(f);
                }
                self.expr(body);
            }
            ExprKind::Seq(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Case { arg, clauses } => {
                self.expr(arg);
                clauses.iter().for_each(|c| self.clause(c));
            }
            ExprKind::Receive {
                clauses,
                timeout,
                after,
            } => {
                clauses.iter().for_each(|c| self.clause(c));
                self.expr(timeout);
                self.expr(after);
            }
            ExprKind::Apply { fun, args } => {
                self.expr(fun);
                args.iter().for_each(|x| self.expr(x));
            }
            ExprKind::Call {
                module,
                function,
                args,
            } => {
                self.expr(module);
                self.expr(function);
                args.iter().for_each(|x| self.expr(x));
            }
            ExprKind::PrimOp { args, .. } => args.iter().for_each(|x| self.expr(x)),
            ExprKind::Try {
                arg,
                vars,
                body,
                evars,
                handler,
            } => {
                self.expr(arg);
                let m = self.bound.len();
                self.bound.extend(vars.iter().cloned());
                self.expr(body);
                self.bound.truncate(m);
                self.bound.extend(evars.iter().cloned());
                self.expr(handler);
                self.bound.truncate(m);
            }
            ExprKind::Catch(x) => self.expr(x),
            ExprKind::Map { base, pairs } => {
                if let Some(b) = base {
                    self.expr(b);
                }
                for p in pairs {
                    self.expr(&p.key);
                    self.expr(&p.value);
                }
            }
            ExprKind::Binary(segs) => {
                for s in segs {
                    self.expr(&s.value);
                    if let Some(e) = &s.size {
                        self.expr(e);
                    }
                }
            }
        }
    }
}
