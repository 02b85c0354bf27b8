//! The interpreter: one loop over a process's instructions.
//!
//! Guest calls never recurse on the Rust stack: calls push frame records on
//! the process's own stack (`ProcBody::frames`), so recursion depth is bounded
//! only by memory, and a process can be suspended at any call or return.
//! Every call and return costs one reduction; at zero the process yields.

use std::sync::Arc;

use crate::bif::{Ctx, Trap};
use crate::bitsyntax::{self, BuildSeg, Got};
use crate::code::{ArithOp, BsGet, Class, CmpOp, Instr, ModuleCode, Reg, Src, NO_LABEL};
use crate::heap;
use crate::process::{CatchFrame, Frame, ProcBody, Process};
use crate::term::{order, Atom, Term};
use crate::vm::VmInner;

/// Reductions per time slice.
pub const REDUCTIONS: u32 = 4000;
/// Number of x registers.
pub const MAX_X: usize = 1024;
const _: () = assert!(MAX_X.is_power_of_two());
/// Stack trace entries kept (the BEAM's default backtrace depth).
const TRACE_DEPTH: usize = 8;

pub enum RunResult {
    /// Out of reductions; runnable again.
    Yield,
    /// Waiting (state already WAITING).
    Wait,
    /// The process ended. `report` asks for a crash report.
    Exit { reason: Term, report: bool },
}

/// What tops the stack trace of an exception raised by a call.
enum TopFrame {
    /// A BIF that failed, with its arguments.
    Bif {
        module: Atom,
        function: Atom,
        args: Vec<Term>,
    },
    /// A prebuilt entry (`undef`: the missing function and its arguments).
    Entry(Term),
    /// A prebuilt entry that stands for the current function
    /// (`function_clause`: the function with its arguments).
    Current(Term),
    /// The whole trace, given (`erlang:raise/3`).
    Given(Term),
}

/// Run `p` until it yields, waits or exits.
pub fn run(p: &mut ProcBody, me: &Arc<Process>, vm: &VmInner, x: &mut [Term]) -> RunResult {
    // A fixed-size register file: indexes masked to its size need no bounds
    // checks (the compiler never emits an index of MAX_X or more).
    let Some(x) = x
        .get_mut(..MAX_X)
        .and_then(|x| <&mut [Term; MAX_X]>::try_from(x).ok())
    else {
        return RunResult::Exit {
            reason: Term::atom(Atom::SYSTEM_LIMIT),
            report: true,
        };
    };
    let mut code: &'static ModuleCode = p.code;
    let mut pc = p.pc as usize;
    let n = p.saved_x.len().min(x.len());
    x[..n].copy_from_slice(&p.saved_x[..n]);
    p.saved_x.clear();
    let mut yb = p.frames.last().map_or(0, |f| f.ybase as usize);
    let mut reds = REDUCTIONS;

    macro_rules! src {
        ($s:expr) => {
            match $s {
                Src::X(i) => x[i as usize & (MAX_X - 1)],
                Src::Y(i) => p.ys[yb + i as usize],
                Src::Lit(t) => t,
            }
        };
    }
    macro_rules! set {
        ($r:expr, $v:expr) => {{
            let v = $v;
            match $r {
                Reg::X(i) => x[i as usize & (MAX_X - 1)] = v,
                Reg::Y(i) => p.ys[yb + i as usize] = v,
            }
        }};
    }
    // Suspend before the current instruction with x0..live saved.
    macro_rules! yield_here {
        ($live:expr) => {{
            p.code = code;
            p.pc = pc as u32;
            p.saved_x.extend_from_slice(&x[..$live]);
            p.reductions += u64::from(REDUCTIONS);
            return RunResult::Yield;
        }};
    }
    macro_rules! raise {
        ($class:expr, $reason:expr, $bif:expr) => {{
            let reason = $reason;
            let trace = build_trace(p, vm, code, pc as u32, $class, $bif);
            match unwind(p, $class, reason, trace) {
                Some((c, h)) => {
                    code = c;
                    pc = h as usize;
                    yb = p.frames.last().map_or(0, |f| f.ybase as usize);
                    continue;
                }
                None => return exit_with_exception(p),
            }
        }};
    }
    macro_rules! error {
        ($reason:expr) => {
            raise!(Class::Error, $reason, None)
        };
    }
    // Enter function `func` of `c`; `tail` reuses the current frame record.
    macro_rules! enter {
        ($c:expr, $func:expr, $tail:expr) => {{
            let c: &'static ModuleCode = $c;
            if $tail {
                p.ys.truncate(yb);
            } else {
                p.frames.push(Frame {
                    code,
                    ret: pc as u32 + 1,
                    ybase: p.ys.len() as u32,
                });
            }
            yb = p.ys.len();
            code = c;
            pc = c.funs[$func as usize].entry as usize;
        }};
    }
    macro_rules! do_return {
        () => {{
            match p.frames.pop() {
                Some(f) => {
                    p.ys.truncate(f.ybase as usize);
                    code = f.code;
                    pc = f.ret as usize;
                    yb = p.frames.last().map_or(0, |f| f.ybase as usize);
                }
                None => {
                    return RunResult::Exit {
                        reason: Term::atom(Atom::NORMAL),
                        report: false,
                    }
                }
            }
        }};
    }

    macro_rules! handle_dispatch {
        ($d:expr, $tail:expr, $live:expr) => {{
            match $d {
                // The native asked to be called again later: the call
                // instruction runs again with the same x registers.
                Dispatch::Yield => yield_here!($live),
                Dispatch::Enter(c, f) => enter!(c, f, $tail),
                Dispatch::Value(v) => {
                    x[0] = v;
                    if $tail {
                        do_return!();
                    } else {
                        pc += 1;
                    }
                }
                Dispatch::Raise(class, reason, top) => raise!(class, reason, top),
                Dispatch::Exit(reason) => {
                    return RunResult::Exit {
                        reason,
                        report: false,
                    }
                }
                Dispatch::CoSwitch(sw) => {
                    // Save the caller's return point as a call would,
                    // then swap stacks with the coroutine (lua/co.rs).
                    if $tail {
                        p.ys.truncate(yb);
                    } else {
                        p.frames.push(Frame {
                            code,
                            ret: pc as u32 + 1,
                            ybase: p.ys.len() as u32,
                        });
                    }
                    crate::lua::co::swap(p, sw.slot);
                    match sw.then {
                        crate::lua::co::CoThen::Start(args) => {
                            let n = args.len();
                            x[..n].copy_from_slice(&args);
                            let entry = vm.code.entry(
                                Atom::intern("lua_rt"),
                                Atom::intern("co_main"),
                                n as u32,
                            );
                            match dispatch_call(p, me, vm, x, CallTarget::Entry(entry, n)) {
                                Dispatch::Enter(c, f) => {
                                    yb = p.ys.len();
                                    code = c;
                                    pc = c.funs[f as usize].entry as usize;
                                }
                                _ => error!(Term::atom(Atom::UNDEF)),
                            }
                        }
                        crate::lua::co::CoThen::Return { value, discard } => {
                            if discard {
                                crate::lua::co::discard(p, sw.slot);
                            }
                            x[0] = value;
                            do_return!();
                        }
                        crate::lua::co::CoThen::Raise(reason) => {
                            raise!(Class::Error, reason, None)
                        }
                    }
                }
            }
        }};
    }

    // Call native `f` with `args`: the value into `dst`, or on an error a
    // jump to `fail` or an exception with the BIF on top of the trace.
    macro_rules! call_bif {
        ($f:expr, $imp:expr, $args:expr, $dst:expr, $fail:expr) => {{
            let args: &[Term] = $args;
            let r = {
                let mut ctx = Ctx { p, vm, me };
                ($f)(&mut ctx, args)
            };
            match r {
                Ok(v) => {
                    set!($dst, v);
                    pc += 1;
                }
                Err(trap) => {
                    if $fail != NO_LABEL {
                        pc = $fail as usize;
                        continue;
                    }
                    let entry = code.imports[$imp as usize];
                    match trap {
                        Trap::Error(reason)
                            if entry.module.text() == crate::compile::FRAMELESS_MODULE =>
                        {
                            raise!(Class::Error, reason, None)
                        }
                        Trap::Error(reason) => raise!(
                            Class::Error,
                            reason,
                            Some(TopFrame::Bif {
                                module: entry.module,
                                function: entry.function,
                                args: args.to_vec()
                            })
                        ),
                        Trap::Raise(class, reason) => raise!(class, reason, None),
                        Trap::RaiseWith(class, reason, stack) => {
                            raise!(class, reason, Some(TopFrame::Given(stack)))
                        }
                        _ => error!(Term::atom(Atom::BADARG)),
                    }
                }
            }
        }};
    }

    loop {
        let Some(instr) = code.code.get(pc) else {
            return RunResult::Exit {
                reason: Term::atom(Atom::intern("bad_program_counter")),
                report: true,
            };
        };
        match instr {
            Instr::Allocate { ys, live, params } => {
                if p.heap.wants_gc() {
                    p.gc(&mut x[..*live as usize]);
                    if p.heap_limit_hit.is_some() {
                        // Over max_heap_size: end the time slice now (the
                        // scheduler reports and kills), as the BEAM does
                        // at the collection that finds it.
                        yield_here!(*live as usize);
                    }
                }
                // The y stack ends at `yb` here (calls set `yb` to its
                // height). A short loop beats resize/memcpy for the few
                // slots a function has.
                let (ys, params) = (*ys as usize, *params as usize);
                p.ys.reserve(ys);
                for i in 0..ys {
                    p.ys.push(if i < params {
                        x[i & (MAX_X - 1)]
                    } else {
                        Term::NIL
                    });
                }
                pc += 1;
            }
            Instr::Move { src, dst } => {
                set!(*dst, src!(*src));
                pc += 1;
            }
            Instr::Kill { from, to } => {
                for i in *from..*to {
                    p.ys[yb + i as usize] = Term::NIL;
                }
                pc += 1;
            }
            Instr::Call { arity, entry, .. } => {
                if reds == 0 {
                    yield_here!(*arity as usize);
                }
                reds -= 1;
                p.frames.push(Frame {
                    code,
                    ret: pc as u32 + 1,
                    ybase: p.ys.len() as u32,
                });
                yb = p.ys.len();
                pc = *entry as usize;
            }
            Instr::CallLast { arity, entry, .. } => {
                if reds == 0 {
                    yield_here!(*arity as usize);
                }
                reds -= 1;
                p.ys.truncate(yb);
                pc = *entry as usize;
            }
            Instr::CallExt { imp, arity } | Instr::CallExtLast { imp, arity } => {
                if reds == 0 {
                    yield_here!(*arity as usize);
                }
                reds -= 1;
                let tail = matches!(instr, Instr::CallExtLast { .. });
                let target = CallTarget::Entry(code.imports[*imp as usize], *arity as usize);
                // Where the caller is, for natives that inspect it
                // (`process_info(self(), current_function)`).
                p.code = code;
                p.pc = pc as u32;
                let d = dispatch_call(p, me, vm, x, target);
                handle_dispatch!(d, tail, *arity as usize);
            }
            Instr::CallFun { arity } | Instr::CallFunLast { arity } => {
                if reds == 0 {
                    yield_here!(*arity as usize + 1);
                }
                reds -= 1;
                let tail = matches!(instr, Instr::CallFunLast { .. });
                // Where the caller is, for natives that report positions
                // (Lua's `error` and run-time errors).
                p.code = code;
                p.pc = pc as u32;
                let d = dispatch_call(p, me, vm, x, CallTarget::Fun(*arity as usize));
                handle_dispatch!(d, tail, *arity as usize + 1);
            }
            Instr::ApplyLast => {
                if reds == 0 {
                    yield_here!(3);
                }
                reds -= 1;
                let (m, f, args) = (x[0], x[1], x[2]);
                match prepare_apply(vm, x, m, f, args) {
                    Ok((entry, n)) => {
                        let d = dispatch_call(p, me, vm, x, CallTarget::Entry(entry, n));
                        if matches!(d, Dispatch::Yield) {
                            x[0] = m;
                            x[1] = f;
                            x[2] = args;
                        }
                        handle_dispatch!(d, true, 3);
                    }
                    Err(reason) => error!(reason),
                }
            }
            Instr::Return => {
                if reds == 0 {
                    yield_here!(1);
                }
                reds -= 1;
                do_return!();
            }
            Instr::MoveReturn { src } => {
                if reds == 0 {
                    // Runs again on resumption: keep what `src` reads.
                    let live = match src {
                        Src::X(i) => *i as usize + 1,
                        _ => 0,
                    };
                    yield_here!(live);
                }
                reds -= 1;
                x[0] = src!(*src);
                do_return!();
            }
            Instr::Bif {
                f,
                imp,
                args,
                dst,
                fail,
            } => {
                let mut buf = [Term::NIL; 8];
                let n = args.len().min(8);
                for (i, a) in args.iter().take(8).enumerate() {
                    buf[i] = src!(*a);
                }
                call_bif!(*f, *imp, &buf[..n], *dst, *fail);
            }
            Instr::Arith {
                op,
                a,
                b,
                dst,
                f,
                imp,
                fail,
            } => {
                let (va, vb) = (src!(*a), src!(*b));
                if let (Some(i), Some(j)) = (va.as_int(), vb.as_int()) {
                    // Two small integers: 60-bit operands cannot overflow an
                    // i64 sum; a product is checked. A result outside the
                    // small range takes the native's path (a bignum).
                    let r = match op {
                        ArithOp::Add => Some(i + j),
                        ArithOp::Sub => Some(i - j),
                        ArithOp::Mul => i.checked_mul(j),
                    };
                    if let Some(t) = r.and_then(Term::int) {
                        set!(*dst, t);
                        pc += 1;
                        continue;
                    }
                }
                call_bif!(*f, *imp, &[va, vb], *dst, *fail);
            }
            Instr::Cmp { op, a, b, fail } => {
                let (va, vb) = (src!(*a), src!(*b));
                let holds = if va.is_small() && vb.is_small() {
                    // Same tag bits: the words order as the integers do.
                    let (i, j) = (va.raw() as i64, vb.raw() as i64);
                    match op {
                        CmpOp::Lt => i < j,
                        CmpOp::Ge => i >= j,
                        CmpOp::Gt => i > j,
                        CmpOp::Le => i <= j,
                        CmpOp::Eq | CmpOp::EqExact => i == j,
                        CmpOp::Ne | CmpOp::NeExact => i != j,
                    }
                } else {
                    compare_slow(*op, va, vb)
                };
                if holds {
                    pc += 1;
                } else {
                    pc = *fail as usize;
                }
            }
            Instr::Jump(l) => pc = *l as usize,
            Instr::IsEqExact { a, b, fail } => {
                if order::eq_exact(src!(*a), src!(*b)) {
                    pc += 1;
                } else {
                    pc = *fail as usize;
                }
            }
            Instr::IsTuple { src, arity, fail } => match src!(*src).tuple() {
                Some(t) if t.len() == *arity as usize => pc += 1,
                _ => pc = *fail as usize,
            },
            Instr::IsCons { src, fail } => {
                if src!(*src).is_cons() {
                    pc += 1;
                } else {
                    pc = *fail as usize;
                }
            }
            Instr::IsNil { src, fail } => {
                if src!(*src).is_nil() {
                    pc += 1;
                } else {
                    pc = *fail as usize;
                }
            }
            Instr::IsMap { src, fail } => {
                if src!(*src).is_map() {
                    pc += 1;
                } else {
                    pc = *fail as usize;
                }
            }
            Instr::GetElement { src, idx, dst } => {
                let v = src!(*src)
                    .tuple()
                    .and_then(|t| t.get(*idx as usize))
                    .unwrap_or(Term::NIL);
                set!(*dst, v);
                pc += 1;
            }
            Instr::GetHd { src, dst } => {
                set!(*dst, src!(*src).cons().map_or(Term::NIL, |c| c.0));
                pc += 1;
            }
            Instr::GetTl { src, dst } => {
                set!(*dst, src!(*src).cons().map_or(Term::NIL, |c| c.1));
                pc += 1;
            }
            Instr::GetMapValue {
                src,
                key,
                dst,
                fail,
            } => match src!(*src).map().and_then(|m| m.get(src!(*key))) {
                Some(v) => {
                    set!(*dst, v);
                    pc += 1;
                }
                None => pc = *fail as usize,
            },
            Instr::PutTuple { elems, dst } => {
                let ys = &p.ys;
                let xr = &*x;
                let t = heap::make_tuple_with(&mut p.heap, elems.len(), |i| match elems[i] {
                    Src::X(r) => xr[r as usize],
                    Src::Y(r) => ys[yb + r as usize],
                    Src::Lit(t) => t,
                });
                set!(*dst, t);
                pc += 1;
            }
            Instr::PutList { hd, tl, dst } => {
                let (h, t) = (src!(*hd), src!(*tl));
                set!(*dst, heap::cons(&mut p.heap, h, t));
                pc += 1;
            }
            Instr::PutMap { base, pairs, dst } => {
                let m = match base {
                    None => {
                        // Construction: `=>` only (the validator rejects `:=`).
                        let mut kv: Vec<(Term, Term)> =
                            pairs.iter().map(|(_, k, v)| (src!(*k), src!(*v))).collect();
                        heap::make_map(&mut p.heap, &mut kv)
                    }
                    Some(b) => {
                        // Update: pairs apply left to right on the base.
                        // (`error!` continues the dispatch loop, so it is
                        // raised after the `for`, never inside it.)
                        let mut m = src!(*b);
                        if !m.is_map() {
                            error!(mk_tuple(p, &[Term::atom(Atom::BADMAP), m]));
                        }
                        let mut missing = None;
                        for (exact, k, v) in pairs.iter() {
                            let (k, v) = (src!(*k), src!(*v));
                            let next = if *exact {
                                heap::map::update(&mut p.heap, m, k, v).ok()
                            } else {
                                heap::map::put(&mut p.heap, m, k, v)
                            };
                            match next {
                                Some(n) => m = n,
                                None => {
                                    missing = Some(k);
                                    break;
                                }
                            }
                        }
                        if let Some(k) = missing {
                            error!(mk_tuple(p, &[Term::atom(Atom::BADKEY), k]));
                        }
                        m
                    }
                };
                set!(*dst, m);
                pc += 1;
            }
            Instr::BsCreate { segs, dst, fail } => {
                let mut v = Vec::with_capacity(segs.len());
                for (val, spec) in segs.iter() {
                    v.push(BuildSeg {
                        value: src!(*val),
                        size: spec.size.map(|s| src!(s)),
                        spec,
                    });
                }
                match bitsyntax::build(&mut p.heap, &v) {
                    Some(t) => {
                        set!(*dst, t);
                        pc += 1;
                    }
                    None if *fail != NO_LABEL => pc = *fail as usize,
                    None => error!(Term::atom(Atom::BADARG)),
                }
            }
            Instr::BsStart { src, fail } => {
                if src!(*src).is_bitstring() {
                    pc += 1;
                } else {
                    pc = *fail as usize;
                }
            }
            Instr::BsGet(g) => {
                let BsGet {
                    bin,
                    pos,
                    spec,
                    dst,
                    next,
                    fail,
                } = &**g;
                let at = src!(*pos).as_int().and_then(|i| usize::try_from(i).ok());
                let size = spec.size.map(|s| src!(s));
                let got = match at {
                    Some(at) => bitsyntax::get(&mut p.heap, src!(*bin), at, spec, size),
                    None => Got::NoMatch,
                };
                match got {
                    Got::Value(v, np) => {
                        set!(*dst, v);
                        set!(*next, Term::small(np));
                        pc += 1;
                    }
                    Got::NoMatch => pc = *fail as usize,
                    Got::Unsupported(what) => error!(mk_tuple(
                        p,
                        &[
                            Term::atom(Atom::NOT_SUPPORTED),
                            Term::atom(Atom::intern(what))
                        ]
                    )),
                }
            }
            Instr::BsTestTail { bin, pos, fail } => {
                let size = src!(*bin).bitstring().map(|b| b.bit_size());
                let at = src!(*pos).as_int().and_then(|i| usize::try_from(i).ok());
                if size.is_some() && size == at {
                    pc += 1;
                } else {
                    pc = *fail as usize;
                }
            }
            Instr::MakeFun { func, free, dst } => {
                let mut v = Vec::with_capacity(free.len());
                for e in free.iter() {
                    v.push(src!(*e));
                }
                let info = &code.funs[*func as usize];
                let t = heap::make_closure(&mut p.heap, code, *func, info.arity - info.nfree, &v);
                set!(*dst, t);
                pc += 1;
            }
            Instr::Raise { class, reason } => {
                let reason = src!(*reason);
                // Core Erlang's `match_fail({function_clause, A1..An})` raises
                // plain `function_clause` with the arguments in the top frame
                // of the trace, as OTP.
                if let Some(t) = reason.tuple() {
                    if t.get(0) == Some(Term::atom(Atom::FUNCTION_CLAUSE)) {
                        let args: Vec<Term> = t.iter().skip(1).collect();
                        let top = function_clause_entry(p, code, pc as u32, &args);
                        raise!(
                            *class,
                            Term::atom(Atom::FUNCTION_CLAUSE),
                            top.map(TopFrame::Current)
                        )
                    }
                }
                raise!(*class, reason, None)
            }
            Instr::ReRaise { trace, reason } => {
                let (trace, reason) = (src!(*trace), src!(*reason));
                let class = trace
                    .tuple()
                    .and_then(|t| t.get(0))
                    .and_then(Term::as_atom)
                    .and_then(Class::from_atom);
                match class {
                    Some(class) => match unwind(p, class, reason, trace) {
                        Some((c, h)) => {
                            code = c;
                            pc = h as usize;
                            yb = p.frames.last().map_or(0, |f| f.ybase as usize);
                        }
                        None => return exit_with_exception(p),
                    },
                    None => error!(Term::atom(Atom::BADARG)),
                }
            }
            Instr::BuildStacktrace { trace, dst } => {
                let st = src!(*trace)
                    .tuple()
                    .and_then(|t| t.get(1))
                    .unwrap_or(Term::NIL);
                set!(*dst, st);
                pc += 1;
            }
            Instr::Try { handler } | Instr::Catch { handler } => {
                p.catches.push(CatchFrame {
                    frames: p.frames.len() as u32,
                    ys: p.ys.len() as u32,
                    code,
                    handler: *handler,
                });
                pc += 1;
            }
            Instr::TryEnd | Instr::CatchEnd => {
                p.catches.pop();
                pc += 1;
            }
            Instr::TryCase {
                class,
                reason,
                trace,
            } => {
                let [c, r, t] = p.exc;
                p.exc = [Term::NIL; 3];
                set!(*class, c);
                set!(*reason, r);
                set!(*trace, t);
                pc += 1;
            }
            Instr::CatchValue { dst } => {
                let [c, r, t] = p.exc;
                p.exc = [Term::NIL; 3];
                let v = match c.as_atom() {
                    Some(Atom::THROW) => r,
                    Some(Atom::ERROR) => {
                        let st = t.tuple().and_then(|t| t.get(1)).unwrap_or(Term::NIL);
                        let inner = mk_tuple(p, &[r, st]);
                        mk_tuple(p, &[Term::atom(Atom::EXIT_UPPER), inner])
                    }
                    _ => mk_tuple(p, &[Term::atom(Atom::EXIT_UPPER), r]),
                };
                set!(*dst, v);
                pc += 1;
            }
            Instr::MakeRefMark { dst } => {
                let id = vm.new_ref_id();
                p.take_inbox(me);
                p.mark = Some(crate::process::Mark {
                    ref_id: id,
                    pos: p.queue.len(),
                });
                set!(*dst, heap::make_ref(&mut p.heap, id));
                pc += 1;
            }
            Instr::RecvMarkerUse { r } => {
                let r = src!(*r);
                if let (Some(m), Some(id)) = (p.mark, r.ref_id()) {
                    if m.ref_id == id && m.pos <= p.queue.len() {
                        p.save = m.pos;
                        p.mark_in_use = true;
                    }
                }
                pc += 1;
            }
            Instr::LoopRec { fail, dst } => {
                if p.save >= p.queue.len() {
                    p.take_inbox(me);
                }
                match p.queue.get(p.save) {
                    Some(m) => {
                        let t = m.term;
                        p.msgs_scanned += 1;
                        set!(*dst, t);
                        pc += 1;
                    }
                    None => pc = *fail as usize,
                }
            }
            Instr::RemoveMessage => {
                if let Some(id) = p.timer {
                    vm.cancel_timer(id);
                }
                p.remove_message();
                pc += 1;
            }
            Instr::LoopRecEnd { target } => {
                p.save += 1;
                pc = *target as usize;
            }
            Instr::WaitTimeout { target, timeout } => {
                let t = src!(*timeout);
                let ms = if t == Term::atom(Atom::INFINITY) {
                    None
                } else {
                    match t.as_int() {
                        Some(i) if i >= 0 => Some(i as u64),
                        _ => error!(Term::atom(Atom::TIMEOUT_VALUE)),
                    }
                };
                loop {
                    if me.killed.load(std::sync::atomic::Ordering::SeqCst) {
                        return RunResult::Exit {
                            reason: vm.take_exit_reason(me, p),
                            report: false,
                        };
                    }
                    p.take_inbox(me);
                    if p.save < p.queue.len() {
                        pc = *target as usize;
                        break;
                    }
                    if ms == Some(0) {
                        p.receive_timed_out();
                        pc += 1;
                        break;
                    }
                    match (p.timer, ms) {
                        (Some(id), _)
                            if me.timer_fired.load(std::sync::atomic::Ordering::SeqCst) == id =>
                        {
                            p.receive_timed_out();
                            pc += 1;
                            break;
                        }
                        (None, Some(ms)) => p.timer = Some(vm.arm_timer(ms, me)),
                        _ => {}
                    }
                    if me.try_wait() {
                        p.code = code;
                        p.pc = pc as u32;
                        return RunResult::Wait;
                    }
                }
            }
            Instr::CaseEnd { val } => {
                let v = src!(*val);
                error!(mk_tuple(p, &[Term::atom(Atom::CASE_CLAUSE), v]))
            }
            Instr::NormalExit => {
                return RunResult::Exit {
                    reason: Term::atom(Atom::NORMAL),
                    report: false,
                }
            }
        }
    }
}

/// A guard comparison on anything but two small integers.
fn compare_slow(op: CmpOp, a: Term, b: Term) -> bool {
    use std::cmp::Ordering;
    match op {
        CmpOp::Lt => order::cmp(a, b) == Ordering::Less,
        CmpOp::Ge => order::cmp(a, b) != Ordering::Less,
        CmpOp::Gt => order::cmp(a, b) == Ordering::Greater,
        CmpOp::Le => order::cmp(a, b) != Ordering::Greater,
        CmpOp::Eq => order::eq(a, b),
        CmpOp::Ne => !order::eq(a, b),
        CmpOp::EqExact => order::eq_exact(a, b),
        CmpOp::NeExact => !order::eq_exact(a, b),
    }
}

fn mk_tuple(p: &mut ProcBody, elems: &[Term]) -> Term {
    heap::make_tuple(&mut p.heap, elems)
}

enum Dispatch {
    Enter(&'static ModuleCode, u32),
    Value(Term),
    Raise(Class, Term, Option<TopFrame>),
    Exit(Term),
    /// Suspend and run the call instruction again (`Trap::Yield`).
    Yield,
    /// Swap stacks with a Lua coroutine (`Trap::CoSwitch`).
    CoSwitch(Box<crate::lua::co::CoSwitch>),
}

enum CallTarget {
    /// An export entry with n arguments in x0...
    Entry(&'static crate::code::ExportEntry, usize),
    /// The fun in x[n] with arguments x0..x(n-1).
    Fun(usize),
}

/// Resolve a call: into code, or run a native (which may itself ask to apply
/// another function).
fn dispatch_call(
    p: &mut ProcBody,
    me: &Arc<Process>,
    vm: &VmInner,
    x: &mut [Term],
    target: CallTarget,
) -> Dispatch {
    let mut target = target;
    // Natives may trap into further calls (apply of apply...): bounded.
    for round in 0..64 {
        match target {
            CallTarget::Fun(n) => {
                let f = x[n];
                if let Some(c) = f.closure() {
                    if c.arity as usize != n {
                        let args = heap::list(&mut p.heap, &x[..n]);
                        let inner = heap::make_tuple(&mut p.heap, &[f, args]);
                        let reason =
                            heap::make_tuple(&mut p.heap, &[Term::atom(Atom::BADARITY), inner]);
                        return Dispatch::Raise(Class::Error, reason, None);
                    }
                    if n + c.nfree > MAX_X {
                        return Dispatch::Raise(Class::Error, Term::atom(Atom::SYSTEM_LIMIT), None);
                    }
                    for i in 0..c.nfree {
                        x[n + i] = c.free(i);
                    }
                    return Dispatch::Enter(c.module_code(), c.index);
                }
                if let Some((m, fname, a)) = f.export_fun() {
                    if a as usize != n {
                        let args = heap::list(&mut p.heap, &x[..n]);
                        let inner = heap::make_tuple(&mut p.heap, &[f, args]);
                        let reason =
                            heap::make_tuple(&mut p.heap, &[Term::atom(Atom::BADARITY), inner]);
                        return Dispatch::Raise(Class::Error, reason, None);
                    }
                    target = CallTarget::Entry(vm.code.entry(m, fname, a), n);
                    continue;
                }
                let reason = heap::make_tuple(&mut p.heap, &[Term::atom(Atom::BADFUN), f]);
                return Dispatch::Raise(Class::Error, reason, None);
            }
            CallTarget::Entry(entry, n) => {
                if let Some(nf) = entry.native.get() {
                    // The native reads its arguments in place (no copy:
                    // this is every send and every BIF call); the x
                    // registers are unchanged until a trap below rewrites
                    // them, so the error path copies them then.
                    let r = {
                        let mut ctx = Ctx { p, vm, me };
                        nf(&mut ctx, &x[..n])
                    };
                    match r {
                        Ok(v) => return Dispatch::Value(v),
                        Err(Trap::Error(reason)) => {
                            return Dispatch::Raise(
                                Class::Error,
                                reason,
                                Some(TopFrame::Bif {
                                    module: entry.module,
                                    function: entry.function,
                                    args: x[..n].to_vec(),
                                }),
                            )
                        }
                        Err(Trap::Raise(class, reason)) => {
                            return Dispatch::Raise(class, reason, None)
                        }
                        Err(Trap::RaiseWith(class, reason, stack)) => {
                            return Dispatch::Raise(class, reason, Some(TopFrame::Given(stack)))
                        }
                        Err(Trap::ApplyFun { fun, args }) => {
                            if args.len() + 1 > MAX_X {
                                return Dispatch::Raise(
                                    Class::Error,
                                    Term::atom(Atom::SYSTEM_LIMIT),
                                    None,
                                );
                            }
                            x[..args.len()].copy_from_slice(&args);
                            x[args.len()] = fun;
                            target = CallTarget::Fun(args.len());
                            continue;
                        }
                        Err(Trap::ApplyMfa {
                            module,
                            function,
                            args,
                        }) => {
                            if args.len() > MAX_X {
                                return Dispatch::Raise(
                                    Class::Error,
                                    Term::atom(Atom::SYSTEM_LIMIT),
                                    None,
                                );
                            }
                            x[..args.len()].copy_from_slice(&args);
                            target = CallTarget::Entry(
                                vm.code.entry(module, function, args.len() as u32),
                                args.len(),
                            );
                            continue;
                        }
                        Err(Trap::Gc) => {
                            // erlang:garbage_collect/0,1: a full sweep.
                            p.gc_major(&mut x[..0]);
                            return Dispatch::Value(Term::TRUE);
                        }
                        Err(Trap::Exit(reason)) => return Dispatch::Exit(reason),
                        Err(Trap::CoSwitch(sw)) => return Dispatch::CoSwitch(sw),
                        // Only the first native of a call may be re-run by
                        // re-executing the instruction (later ones have
                        // rewritten the x registers): those retry here.
                        Err(Trap::Yield) if round == 0 => return Dispatch::Yield,
                        Err(Trap::Yield) => {
                            std::thread::sleep(std::time::Duration::from_micros(100));
                            continue;
                        }
                    }
                }
                if let Some(t) = entry.target() {
                    return Dispatch::Enter(t.code, t.func);
                }
                if vm.ensure_loaded(entry.module) && entry.target().is_some() {
                    continue;
                }
                // undef: the missing function with its arguments tops the trace.
                let args = heap::list(&mut p.heap, &x[..n]);
                let top = heap::make_tuple(
                    &mut p.heap,
                    &[
                        Term::atom(entry.module),
                        Term::atom(entry.function),
                        args,
                        Term::NIL,
                    ],
                );
                return Dispatch::Raise(
                    Class::Error,
                    Term::atom(Atom::UNDEF),
                    Some(TopFrame::Entry(top)),
                );
            }
        }
    }
    Dispatch::Raise(Class::Error, Term::atom(Atom::SYSTEM_LIMIT), None)
}

/// apply(M, F, Args): arguments into x registers and the export entry.
fn prepare_apply(
    vm: &VmInner,
    x: &mut [Term],
    m: Term,
    f: Term,
    args: Term,
) -> Result<(&'static crate::code::ExportEntry, usize), Term> {
    let (Some(m), Some(f)) = (m.as_atom(), f.as_atom()) else {
        return Err(Term::atom(Atom::BADARG));
    };
    let Some(v) = args.list_to_vec() else {
        return Err(Term::atom(Atom::BADARG));
    };
    if v.len() > MAX_X {
        return Err(Term::atom(Atom::SYSTEM_LIMIT));
    }
    x[..v.len()].copy_from_slice(&v);
    Ok((vm.code.entry(m, f, v.len() as u32), v.len()))
}

/// `{M, F, ArityOrArgs, Location}` for one stack entry.
fn trace_entry(p: &mut ProcBody, code: &'static ModuleCode, pc: u32) -> Option<Term> {
    let f = code.fun_at(pc)?;
    let line = code.line_at(pc);
    let loc = if line > 0 {
        let file_str: Vec<Term> = code.file.chars().map(|c| Term::small(c as usize)).collect();
        let file = heap::list(&mut p.heap, &file_str);
        let ft = heap::make_tuple(&mut p.heap, &[Term::atom(Atom::FILE), file]);
        let lt = heap::make_tuple(
            &mut p.heap,
            &[Term::atom(Atom::LINE), Term::small(line as usize)],
        );
        heap::list(&mut p.heap, &[ft, lt])
    } else {
        Term::NIL
    };
    // A fun's frame counts its free variables too, as OTP's does: erlc
    // lifts a fun to a function taking its free variables after its
    // parameters, and the trace names that function.
    let arity = Term::small(f.arity as usize);
    Some(heap::make_tuple(
        &mut p.heap,
        &[Term::atom(code.name), Term::atom(f.name), arity, loc],
    ))
}

/// The trace entry of a `function_clause` raised at `code:pc`:
/// `{M, F, Args, Location}`. A clause-group function that the Erlang
/// lowering split off a function (`-f/2-label^1/0-0-`, see spec/erlang.md)
/// is reported as the function itself, as erl reports it.
fn function_clause_entry(
    p: &mut ProcBody,
    code: &'static ModuleCode,
    pc: u32,
    args: &[Term],
) -> Option<Term> {
    let entry = trace_entry(p, code, pc)?;
    let t = entry.tuple()?;
    let name = t.get(1)?.as_atom()?;
    let name = match name
        .text()
        .strip_prefix('-')
        .and_then(|n| n.split_once("-label^"))
    {
        Some((fa, _)) => fa.rsplit_once('/').map_or(name, |(f, _)| Atom::intern(f)),
        None => name,
    };
    let args = heap::list(&mut p.heap, args);
    let (m, loc) = (t.get(0)?, t.get(3)?);
    Some(heap::make_tuple(
        &mut p.heap,
        &[m, Term::atom(name), args, loc],
    ))
}

/// The raw trace `{Class, [Entry]}` of an exception raised at `code:pc`.
fn build_trace(
    p: &mut ProcBody,
    vm: &VmInner,
    code: &'static ModuleCode,
    pc: u32,
    class: Class,
    top: Option<TopFrame>,
) -> Term {
    let mut entries = Vec::new();
    let mut current_done = false;
    match top {
        Some(TopFrame::Given(stack)) => {
            return heap::make_tuple(&mut p.heap, &[Term::atom(class.atom()), stack]);
        }
        Some(TopFrame::Entry(e)) => entries.push(e),
        Some(TopFrame::Current(e)) => {
            entries.push(e);
            current_done = true;
        }
        Some(TopFrame::Bif {
            module,
            function,
            args,
        }) => {
            let args = heap::list(&mut p.heap, &args);
            let loc = if module == Atom::ERLANG {
                error_info(p)
            } else {
                Term::NIL
            };
            entries.push(heap::make_tuple(
                &mut p.heap,
                &[Term::atom(module), Term::atom(function), args, loc],
            ));
        }
        None => {}
    }
    if !current_done && !std::ptr::eq(code, vm.boot) {
        if let Some(e) = trace_entry(p, code, pc) {
            entries.push(e);
        }
    }
    let mut i = p.frames.len();
    while i > 0 && entries.len() < TRACE_DEPTH {
        i -= 1;
        let f = p.frames[i];
        if std::ptr::eq(f.code, vm.boot) {
            continue;
        }
        if let Some(e) = trace_entry(p, f.code, f.ret.saturating_sub(1)) {
            entries.push(e);
        }
    }
    let list = heap::list(&mut p.heap, &entries);
    heap::make_tuple(&mut p.heap, &[Term::atom(class.atom()), list])
}

/// `[{error_info, #{module => erl_erts_errors}}]`, as OTP adds to BIF errors.
fn error_info(p: &mut ProcBody) -> Term {
    let mut kv = vec![(Term::atom(Atom::MODULE), Term::atom(Atom::ERL_ERTS_ERRORS))];
    let m = heap::make_map(&mut p.heap, &mut kv);
    let t = heap::make_tuple(&mut p.heap, &[Term::atom(Atom::ERROR_INFO), m]);
    heap::list(&mut p.heap, &[t])
}

/// Record the exception and jump to the innermost handler, if any.
fn unwind(
    p: &mut ProcBody,
    class: Class,
    reason: Term,
    trace: Term,
) -> Option<(&'static ModuleCode, u32)> {
    p.exc = [Term::atom(class.atom()), reason, trace];
    let c = p.catches.pop()?;
    p.frames.truncate(c.frames as usize);
    p.ys.truncate(c.ys as usize);
    Some((c.code, c.handler))
}

/// No handler: the process exits. Errors and uncaught throws are reported.
fn exit_with_exception(p: &mut ProcBody) -> RunResult {
    let [c, r, t] = p.exc;
    let stack = t.tuple().and_then(|t| t.get(1)).unwrap_or(Term::NIL);
    match c.as_atom() {
        Some(Atom::ERROR) => RunResult::Exit {
            reason: heap::make_tuple(&mut p.heap, &[r, stack]),
            report: true,
        },
        Some(Atom::THROW) => {
            let inner = heap::make_tuple(&mut p.heap, &[Term::atom(Atom::NOCATCH), r]);
            RunResult::Exit {
                reason: heap::make_tuple(&mut p.heap, &[inner, stack]),
                report: true,
            }
        }
        _ => RunResult::Exit {
            reason: r,
            report: false,
        },
    }
}
