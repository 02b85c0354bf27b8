//! Loaded code: instructions, module code objects, the export table.
//!
//! Module code is leaked on load (`&'static ModuleCode`) and never freed in
//! this milestone: frames, closures and export entries point at it directly,
//! so a call or return needs no table lookup. Reloading a module installs a
//! new version; old closures keep running the old code, as on the BEAM.

use std::collections::HashMap;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Mutex, OnceLock, RwLock};

use crate::bif::NativeFn;
use crate::heap::LiteralArea;
use crate::term::{Atom, Term};

/// No label (a `fail` of this value means "raise instead of jumping").
pub const NO_LABEL: u32 = u32::MAX;

/// An instruction operand that is read.
#[derive(Clone, Copy, Debug)]
pub enum Src {
    X(u16),
    Y(u32),
    /// An immediate or a pointer into the module's literal area.
    Lit(Term),
}

/// A register that is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reg {
    X(u16),
    Y(u32),
}

impl From<Reg> for Src {
    fn from(r: Reg) -> Src {
        match r {
            Reg::X(i) => Src::X(i),
            Reg::Y(i) => Src::Y(i),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Error,
    Throw,
    Exit,
}

impl Class {
    pub fn atom(self) -> Atom {
        match self {
            Class::Error => Atom::ERROR,
            Class::Throw => Atom::THROW,
            Class::Exit => Atom::EXIT,
        }
    }

    pub fn from_atom(a: Atom) -> Option<Class> {
        match a {
            Atom::ERROR => Some(Class::Error),
            Atom::THROW => Some(Class::Throw),
            Atom::EXIT => Some(Class::Exit),
            _ => None,
        }
    }
}

/// Arithmetic with a small-integer fast path (`Instr::Arith`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
}

/// A comparison fused with a branch (`Instr::Cmp`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Ge,
    Gt,
    Le,
    /// `==`
    Eq,
    /// `/=`
    Ne,
    /// `=:=`
    EqExact,
    /// `=/=`
    NeExact,
}

/// The type and options of one bit syntax segment (see `bitsyntax`).
#[derive(Clone, Copy, Debug)]
pub struct BinSpec {
    pub ty: eubeam_ir::BinType,
    /// `None`: the type's default (8 / 64 bits, the whole binary or the rest).
    pub size: Option<Src>,
    pub unit: u8,
    pub signed: bool,
    /// Little-endian (`native` is resolved at compile time).
    pub little: bool,
}

/// Operands of `Instr::BsGet`: read one segment of `bin` at bit position
/// `pos`: the value into `dst`, the position after it into `next`; jump to
/// `fail` when it does not match (too short, bad size, invalid UTF-8...).
#[derive(Clone, Debug)]
pub struct BsGet {
    pub bin: Src,
    pub pos: Src,
    pub spec: BinSpec,
    pub dst: Reg,
    pub next: Reg,
    pub fail: u32,
}

/// Register bytecode. Labels are absolute instruction indexes in the module.
///
/// Calling convention: arguments in x0..x(n-1); a fun being called in x(n);
/// the result in x0. A non-tail call pushes a frame record (return address and
/// the stack height); the callee's `Allocate` reserves its y slots above it.
/// A tail call drops the caller's y slots and keeps its frame record, so the
/// callee returns straight to the caller's caller.
#[derive(Clone, Debug)]
// An explicit u16 tag: without it rustc stores the variant in a niche of a
// field (Arith's destination register), and dispatch must decode it; with
// it the `match` in the interpreter is one load and a jump table (fib(25)
// under callgrind: 95.5 M instructions before, 89.4 M after).
#[repr(u16)]
pub enum Instr {
    /// Function entry: safe point (garbage collection with x0..live live),
    /// then reserve `ys` y slots initialized to `[]`, then copy x0..params
    /// into y0..params (the peephole folds the parameter moves in here).
    Allocate {
        ys: u32,
        live: u16,
        params: u16,
    },
    Move {
        src: Src,
        dst: Reg,
    },
    /// Set y slots `from..to` to `[]` (drops pointers into messages not received).
    Kill {
        from: u32,
        to: u32,
    },
    /// A local call; `entry` is the callee's first instruction (filled in
    /// once the module's layout is final).
    Call {
        func: u32,
        arity: u16,
        entry: u32,
    },
    CallLast {
        func: u32,
        arity: u16,
        entry: u32,
    },
    CallExt {
        imp: u32,
        arity: u16,
    },
    CallExtLast {
        imp: u32,
        arity: u16,
    },
    CallFun {
        arity: u16,
    },
    CallFunLast {
        arity: u16,
    },
    /// `erlang:apply(M, F, Args)` with M, F, Args in x0..x2 (spawn/3, dynamic calls).
    ApplyLast,
    Return,
    /// `move src → x0; return` in one instruction.
    MoveReturn {
        src: Src,
    },
    /// A native function inlined as an instruction; on error jump to `fail`
    /// or, without a label, raise with the BIF in the stack trace.
    Bif {
        f: NativeFn,
        imp: u32,
        args: Box<[Src]>,
        dst: Reg,
        fail: u32,
    },
    /// `a op b` for the arithmetic BIFs: two small integers whose result
    /// fits are computed in place; anything else calls the native `f`
    /// exactly as `Bif` does (same errors, `fail` label and stack trace).
    Arith {
        op: ArithOp,
        a: Src,
        b: Src,
        dst: Reg,
        f: NativeFn,
        imp: u32,
        fail: u32,
    },
    /// Continue if `a op b` holds, else jump to `fail` (a guard comparison;
    /// comparisons never raise).
    Cmp {
        op: CmpOp,
        a: Src,
        b: Src,
        fail: u32,
    },
    Jump(u32),
    IsEqExact {
        a: Src,
        b: Src,
        fail: u32,
    },
    IsTuple {
        src: Src,
        arity: u32,
        fail: u32,
    },
    IsCons {
        src: Src,
        fail: u32,
    },
    IsNil {
        src: Src,
        fail: u32,
    },
    IsMap {
        src: Src,
        fail: u32,
    },
    GetElement {
        src: Src,
        idx: u32,
        dst: Reg,
    },
    GetHd {
        src: Src,
        dst: Reg,
    },
    GetTl {
        src: Src,
        dst: Reg,
    },
    /// Look up `key` in the map `src`; jump to `fail` when absent.
    GetMapValue {
        src: Src,
        key: Src,
        dst: Reg,
        fail: u32,
    },
    PutTuple {
        elems: Box<[Src]>,
        dst: Reg,
    },
    PutList {
        hd: Src,
        tl: Src,
        dst: Reg,
    },
    /// Build a map (from `base`, if any); `exact` pairs require the key.
    PutMap {
        base: Option<Src>,
        pairs: Box<[(bool, Src, Src)]>,
        dst: Reg,
    },
    MakeFun {
        func: u32,
        free: Box<[Src]>,
        dst: Reg,
    },
    /// Raise `class:reason` with a fresh stack trace.
    Raise {
        class: Class,
        reason: Src,
    },
    /// `primop raise(Trace, Reason)`: re-raise with the class and stack in `trace`.
    ReRaise {
        trace: Src,
        reason: Src,
    },
    BuildStacktrace {
        trace: Src,
        dst: Reg,
    },
    Try {
        handler: u32,
    },
    TryEnd,
    /// At a try handler: the caught exception into three registers.
    TryCase {
        class: Reg,
        reason: Reg,
        trace: Reg,
    },
    Catch {
        handler: u32,
    },
    CatchEnd,
    /// At a catch handler: the value of `catch E` for the caught exception.
    CatchValue {
        dst: Reg,
    },
    /// `make_ref()` that also records the mailbox position (receive mark).
    MakeRefMark {
        dst: Reg,
    },
    /// Start the scan at the mark if it belongs to `r`.
    RecvMarkerUse {
        r: Src,
    },
    /// Message at the save pointer into `dst`, or jump to `fail` if none.
    LoopRec {
        fail: u32,
        dst: Reg,
    },
    RemoveMessage,
    /// Advance the save pointer and jump to `target`.
    LoopRecEnd {
        target: u32,
    },
    /// Wait for a message (then jump to `target`) or for `timeout` (fall
    /// through). `timeout` is milliseconds or `infinity`.
    WaitTimeout {
        target: u32,
        timeout: Src,
    },
    /// Build a bitstring from segments; on a bad value or size jump to
    /// `fail` or, without a label, raise `badarg`.
    BsCreate {
        segs: Box<[(Src, BinSpec)]>,
        dst: Reg,
        fail: u32,
    },
    /// Start matching `src` as a bitstring (the position register is then
    /// the literal 0); jump to `fail` if it is none.
    BsStart {
        src: Src,
        fail: u32,
    },
    /// Read one segment of a bitstring (boxed: rare, and the largest
    /// instruction, which would otherwise set the size of every `Instr`).
    BsGet(Box<BsGet>),
    /// Jump to `fail` unless `pos` is the end of `bin`.
    BsTestTail {
        bin: Src,
        pos: Src,
        fail: u32,
    },
    /// Raise `{case_clause, V}` (a case without a matching clause).
    CaseEnd {
        val: Src,
    },
    /// End of the process (bottom frame's return address).
    NormalExit,
}

/// A function of a module (top-level, or lifted from a `fun`/`letrec`).
#[derive(Clone, Debug)]
pub struct FunInfo {
    pub name: Atom,
    /// Arity including appended free variables.
    pub arity: u32,
    /// Number of free variables appended to the arguments.
    pub nfree: u32,
    pub entry: u32,
}

/// One loaded version of a module.
pub struct ModuleCode {
    pub name: Atom,
    pub file: String,
    pub code: Vec<Instr>,
    pub funs: Vec<FunInfo>,
    /// Exported functions: (name, arity) → function index.
    pub exports: Vec<(Atom, u32, u32)>,
    /// Remote functions this module calls, resolved to export entries.
    pub imports: Vec<&'static ExportEntry>,
    /// (first pc, line), sorted by pc.
    pub lines: Vec<(u32, u32)>,
    /// A number printed in `#Fun<m.I.Uniq>`.
    pub uniq: u32,
    pub literals: LiteralArea,
}

impl ModuleCode {
    /// The function whose code contains `pc`.
    pub fn fun_at(&self, pc: u32) -> Option<&FunInfo> {
        // Functions are laid out in index order with increasing entries.
        let i = self.funs.partition_point(|f| f.entry <= pc);
        if i == 0 {
            None
        } else {
            self.funs.get(i - 1)
        }
    }

    pub fn line_at(&self, pc: u32) -> u32 {
        let i = self.lines.partition_point(|&(p, _)| p <= pc);
        if i == 0 {
            0
        } else {
            self.lines[i - 1].1
        }
    }
}

/// Where a call to an exported function goes.
pub struct FunTarget {
    pub code: &'static ModuleCode,
    pub func: u32,
}

/// One `Module:Function/Arity`, stable for the life of the VM. Loading a
/// module points its entries at the new code.
pub struct ExportEntry {
    pub module: Atom,
    pub function: Atom,
    pub arity: u32,
    target: AtomicPtr<FunTarget>,
    pub native: OnceLock<NativeFn>,
}

impl ExportEntry {
    pub fn target(&self) -> Option<&'static FunTarget> {
        let p = self.target.load(Ordering::Acquire);
        // SAFETY: only pointers from `Box::leak` (never freed) are stored.
        unsafe { p.as_ref() }
    }

    fn set_target(&self, t: &'static FunTarget) {
        self.target
            .store(t as *const FunTarget as *mut FunTarget, Ordering::Release);
    }
}

/// The code server: export table and loaded modules.
#[derive(Default)]
pub struct CodeServer {
    exports: Mutex<HashMap<(Atom, Atom, u32), &'static ExportEntry>>,
    modules: RwLock<HashMap<Atom, &'static ModuleCode>>,
}

impl CodeServer {
    /// The export entry for M:F/A, created if new.
    pub fn entry(&self, m: Atom, f: Atom, a: u32) -> &'static ExportEntry {
        let mut ex = self.exports.lock().unwrap_or_else(|e| e.into_inner());
        ex.entry((m, f, a)).or_insert_with(|| {
            Box::leak(Box::new(ExportEntry {
                module: m,
                function: f,
                arity: a,
                target: AtomicPtr::new(std::ptr::null_mut()),
                native: OnceLock::new(),
            }))
        })
    }

    pub fn find_entry(&self, m: Atom, f: Atom, a: u32) -> Option<&'static ExportEntry> {
        let ex = self.exports.lock().unwrap_or_else(|e| e.into_inner());
        ex.get(&(m, f, a)).copied()
    }

    pub fn module(&self, m: Atom) -> Option<&'static ModuleCode> {
        let mods = self.modules.read().unwrap_or_else(|e| e.into_inner());
        mods.get(&m).copied()
    }

    /// The names of the loaded modules.
    pub fn module_names(&self) -> Vec<Atom> {
        let mods = self.modules.read().unwrap_or_else(|e| e.into_inner());
        mods.keys().copied().collect()
    }

    /// Bytes of the current versions of all modules (instructions, function
    /// and line tables, literals), for `erlang:memory(code)`.
    pub fn bytes(&self) -> usize {
        let mods = self.modules.read().unwrap_or_else(|e| e.into_inner());
        mods.values()
            .map(|m| {
                std::mem::size_of::<ModuleCode>()
                    + m.code.len() * std::mem::size_of::<Instr>()
                    + m.funs.len() * std::mem::size_of::<FunInfo>()
                    + m.lines.len() * 8
                    + m.imports.len() * 8
                    + m.literals.words() * 8
            })
            .sum()
    }

    /// Install a compiled module: it becomes current and its exports point at it.
    pub fn install(&self, code: ModuleCode) -> &'static ModuleCode {
        let code: &'static ModuleCode = Box::leak(Box::new(code));
        for &(f, a, idx) in &code.exports {
            let e = self.entry(code.name, f, a);
            e.set_target(Box::leak(Box::new(FunTarget { code, func: idx })));
        }
        let mut mods = self.modules.write().unwrap_or_else(|e| e.into_inner());
        mods.insert(code.name, code);
        code
    }
}

// Every instruction costs this much cache: keep rare, large operands boxed
// (`Bif`'s arguments, `BsGet`, `BsCreate`'s segments, `PutMap`'s pairs).
const _: () = assert!(std::mem::size_of::<Instr>() <= 64);
