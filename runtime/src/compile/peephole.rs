//! Peephole pass over a compiled module: keeps short-lived values in x
//! registers instead of y slots, then packs each function's y slots.
//!
//! The code generator gives every value its own y slot (write-once per
//! activation), so `f(N - 1)` is "`N - 1` into y5; move y5 to x0; call" and
//! `return A + B` is "`A + B` into y6; move y6 to x0; return". Two rewrites
//! remove those copies when a y slot has exactly one reader in its function:
//!
//! - *into x* (`I → yd; move yd → xk` ⇒ `I → xk`): the move is not a jump
//!   target, so it runs right after `I` every time and `I` is the only
//!   useful writer of `yd`. `xk` was overwritten at that very point anyway.
//! - *from x* (`move xk → yd; I reads yd` ⇒ `I reads xk`): `I` is not a jump
//!   target, so it runs right after the move and `xk` still holds the value.
//!   Not for `WaitTimeout`, which can suspend and run again (x registers are
//!   not kept across a wait).
//!
//! Then dead stores (`move _ → yd` with no reader) and no-op moves go, and
//! the y slots still named are renumbered densely in their original order
//! (so a `Kill` range stays a range), which shrinks `Allocate`.
//!
//! Instructions read all their operands before writing their destination,
//! which is what makes `I → xk` safe when `I` also reads `xk`.

use crate::code::{FunInfo, Instr, Reg, Src, NO_LABEL};

/// Rewrite `code` in place; `labels` (label id → pc), `lines` and the
/// functions' entries are remapped to the new positions.
pub(super) fn optimize(
    code: &mut Vec<Instr>,
    labels: &mut [u32],
    lines: &mut [(u32, u32)],
    funs: &mut [FunInfo],
) {
    for _ in 0..4 {
        let mut targets = vec![false; code.len() + 1];
        for &l in labels.iter() {
            if l != NO_LABEL {
                targets[l as usize] = true;
            }
        }
        for f in funs.iter() {
            targets[f.entry as usize] = true;
        }
        let mut deleted = vec![false; code.len()];
        let mut changed = false;
        for (start, end) in ranges(funs, code.len()) {
            changed |= pass(
                &mut code[start..end],
                &targets[start..end],
                &mut deleted[start..end],
            );
        }
        if !changed {
            break;
        }
        compact(code, &deleted, labels, lines, funs);
    }
    for (start, end) in ranges(funs, code.len()) {
        pack_slots(&mut code[start..end]);
        fold_params(&mut code[start..end]);
    }
    fuse_returns(code, labels, lines, funs);
}

/// `Allocate; move x0 → y0; move x1 → y1 ...` ⇒ `Allocate { params }`.
/// The moves follow the function entry, which nothing jumps to but calls.
fn fold_params(code: &mut [Instr]) {
    let mut n = 0u16;
    while let Some(Instr::Move {
        src: Src::X(a),
        dst: Reg::Y(b),
    }) = code.get(1 + n as usize)
    {
        if *a != n || *b != u32::from(n) {
            break;
        }
        n += 1;
    }
    if n == 0 {
        return;
    }
    if let Some(Instr::Allocate { params, .. }) = code.first_mut() {
        *params = n;
    } else {
        return;
    }
    // Turn the moves into no-ops the next step removes: a dead `move x → x`.
    for i in 0..n as usize {
        code[1 + i] = Instr::Move {
            src: Src::X(0),
            dst: Reg::X(0),
        };
    }
}

/// `move s → x0; return` ⇒ `MoveReturn s` (when the return is not a jump
/// target), and the no-op moves `fold_params` left are removed.
fn fuse_returns(
    code: &mut Vec<Instr>,
    labels: &mut [u32],
    lines: &mut [(u32, u32)],
    funs: &mut [FunInfo],
) {
    let mut targets = vec![false; code.len() + 1];
    for &l in labels.iter() {
        if l != NO_LABEL {
            targets[l as usize] = true;
        }
    }
    for f in funs.iter() {
        targets[f.entry as usize] = true;
    }
    let mut deleted = vec![false; code.len()];
    for pc in 0..code.len() {
        match code[pc] {
            Instr::Move {
                src: Src::X(0),
                dst: Reg::X(0),
            } if !targets[pc] => deleted[pc] = true,
            Instr::Move {
                src,
                dst: Reg::X(0),
            } if matches!(code.get(pc + 1), Some(Instr::Return)) && !targets[pc + 1] => {
                code[pc] = Instr::MoveReturn { src };
                deleted[pc + 1] = true;
            }
            _ => {}
        }
    }
    if deleted.iter().any(|&d| d) {
        compact(code, &deleted, labels, lines, funs);
    }
}

/// [entry, next entry) of every function, in code order.
fn ranges(funs: &[FunInfo], len: usize) -> Vec<(usize, usize)> {
    let mut entries: Vec<usize> = funs.iter().map(|f| f.entry as usize).collect();
    entries.sort_unstable();
    entries.dedup();
    let mut out = Vec::with_capacity(entries.len());
    for (i, &s) in entries.iter().enumerate() {
        let e = entries.get(i + 1).copied().unwrap_or(len);
        if s < e {
            out.push((s, e));
        }
    }
    out
}

/// Reads of each y slot in one function.
fn read_counts(code: &mut [Instr]) -> Vec<u32> {
    let mut reads: Vec<u32> = Vec::new();
    for ins in code.iter_mut() {
        for_each_src(ins, &mut |s| {
            if let Src::Y(y) = *s {
                let y = y as usize;
                if reads.len() <= y {
                    reads.resize(y + 1, 0);
                }
                reads[y] += 1;
            }
        });
    }
    reads
}

fn reads_of(reads: &[u32], y: u32) -> u32 {
    reads.get(y as usize).copied().unwrap_or(0)
}

/// One forward scan over a function; returns whether anything changed.
fn pass(code: &mut [Instr], targets: &[bool], deleted: &mut [bool]) -> bool {
    let mut reads = read_counts(code);
    let mut changed = false;
    let mut prev: Option<usize> = None;
    for pc in 0..code.len() {
        if let (Some(i), false) = (prev, targets[pc]) {
            // into x: `I → yd; move yd → xk`.
            if let Instr::Move {
                src: Src::Y(d),
                dst: Reg::X(k),
            } = code[pc]
            {
                if reads_of(&reads, d) == 1 && writes_only(&mut code[i], Reg::Y(d)) {
                    if let Some(dst) = dst_mut(&mut code[i]) {
                        *dst = Reg::X(k);
                        reads[d as usize] = 0;
                        deleted[pc] = true;
                        changed = true;
                        continue;
                    }
                }
            }
            // from x: `move xk → yd; I reads yd`.
            if let Instr::Move {
                src: Src::X(k),
                dst: Reg::Y(d),
            } = code[i]
            {
                if reads_of(&reads, d) == 1 && !matches!(code[pc], Instr::WaitTimeout { .. }) {
                    let mut found = false;
                    for_each_src(&mut code[pc], &mut |s| {
                        if matches!(*s, Src::Y(y) if y == d) {
                            *s = Src::X(k);
                            found = true;
                        }
                    });
                    if found {
                        reads[d as usize] = 0;
                        deleted[i] = true;
                        changed = true;
                    }
                }
            }
        }
        // Dead stores and no-op moves.
        match code[pc] {
            Instr::Move { dst: Reg::Y(d), .. } if reads_of(&reads, d) == 0 => {
                if let Instr::Move { src: Src::Y(s), .. } = code[pc] {
                    reads[s as usize] = reads[s as usize].saturating_sub(1);
                }
                deleted[pc] = true;
                changed = true;
                // Jumps here will land on the next instruction: it must
                // not be paired with the one before.
                if targets[pc] {
                    prev = None;
                }
                continue;
            }
            Instr::Move {
                src: Src::X(a),
                dst: Reg::X(b),
            } if a == b => {
                deleted[pc] = true;
                changed = true;
                if targets[pc] {
                    prev = None;
                }
                continue;
            }
            _ => {}
        }
        prev = Some(pc);
    }
    changed
}

/// Whether `ins` has the single destination `r` (and may be redirected).
fn writes_only(ins: &mut Instr, r: Reg) -> bool {
    dst_mut(ins).is_some_and(|d| *d == r)
}

/// The destination of an instruction with exactly one written register that
/// may live in an x register (not `LoopRec`: a message still in the queue
/// must only be reachable from y slots that the receive loop clears).
fn dst_mut(ins: &mut Instr) -> Option<&mut Reg> {
    match ins {
        Instr::Move { dst, .. }
        | Instr::Bif { dst, .. }
        | Instr::Arith { dst, .. }
        | Instr::GetElement { dst, .. }
        | Instr::GetHd { dst, .. }
        | Instr::GetTl { dst, .. }
        | Instr::GetMapValue { dst, .. }
        | Instr::PutTuple { dst, .. }
        | Instr::PutList { dst, .. }
        | Instr::PutMap { dst, .. }
        | Instr::MakeFun { dst, .. }
        | Instr::BuildStacktrace { dst, .. }
        | Instr::BsCreate { dst, .. } => Some(dst),
        _ => None,
    }
}

/// Every operand an instruction reads.
pub(super) fn for_each_src(ins: &mut Instr, f: &mut dyn FnMut(&mut Src)) {
    match ins {
        Instr::Move { src, .. }
        | Instr::IsTuple { src, .. }
        | Instr::IsCons { src, .. }
        | Instr::IsNil { src, .. }
        | Instr::IsMap { src, .. }
        | Instr::GetElement { src, .. }
        | Instr::GetHd { src, .. }
        | Instr::GetTl { src, .. }
        | Instr::BsStart { src, .. } => f(src),
        Instr::Bif { args, .. } => args.iter_mut().for_each(f),
        Instr::Arith { a, b, .. } | Instr::Cmp { a, b, .. } | Instr::IsEqExact { a, b, .. } => {
            f(a);
            f(b);
        }
        Instr::GetMapValue { src, key, .. } => {
            f(src);
            f(key);
        }
        Instr::PutTuple { elems, .. } => elems.iter_mut().for_each(f),
        Instr::PutList { hd, tl, .. } => {
            f(hd);
            f(tl);
        }
        Instr::PutMap { base, pairs, .. } => {
            if let Some(b) = base {
                f(b);
            }
            for (_, k, v) in pairs.iter_mut() {
                f(k);
                f(v);
            }
        }
        Instr::MakeFun { free, .. } => free.iter_mut().for_each(f),
        Instr::Raise { reason, .. } => f(reason),
        Instr::ReRaise { trace, reason } => {
            f(trace);
            f(reason);
        }
        Instr::BuildStacktrace { trace, .. } => f(trace),
        Instr::RecvMarkerUse { r } => f(r),
        Instr::WaitTimeout { timeout, .. } => f(timeout),
        Instr::BsCreate { segs, .. } => {
            for (v, spec) in segs.iter_mut() {
                f(v);
                if let Some(s) = &mut spec.size {
                    f(s);
                }
            }
        }
        Instr::BsGet(g) => {
            f(&mut g.bin);
            f(&mut g.pos);
            if let Some(s) = &mut g.spec.size {
                f(s);
            }
        }
        Instr::BsTestTail { bin, pos, .. } => {
            f(bin);
            f(pos);
        }
        Instr::CaseEnd { val } | Instr::MoveReturn { src: val } => f(val),
        Instr::Allocate { .. }
        | Instr::Kill { .. }
        | Instr::Call { .. }
        | Instr::CallLast { .. }
        | Instr::CallExt { .. }
        | Instr::CallExtLast { .. }
        | Instr::CallFun { .. }
        | Instr::CallFunLast { .. }
        | Instr::ApplyLast
        | Instr::Return
        | Instr::Jump(_)
        | Instr::Try { .. }
        | Instr::TryEnd
        | Instr::TryCase { .. }
        | Instr::Catch { .. }
        | Instr::CatchEnd
        | Instr::CatchValue { .. }
        | Instr::MakeRefMark { .. }
        | Instr::LoopRec { .. }
        | Instr::RemoveMessage
        | Instr::LoopRecEnd { .. }
        | Instr::NormalExit => {}
    }
}

/// Every register an instruction writes.
fn for_each_dst(ins: &mut Instr, f: &mut dyn FnMut(&mut Reg)) {
    match ins {
        Instr::BsGet(g) => {
            f(&mut g.dst);
            f(&mut g.next);
        }
        Instr::TryCase {
            class,
            reason,
            trace,
        } => {
            f(class);
            f(reason);
            f(trace);
        }
        Instr::CatchValue { dst } | Instr::MakeRefMark { dst } | Instr::LoopRec { dst, .. } => {
            f(dst)
        }
        other => {
            if let Some(d) = dst_mut(other) {
                f(d);
            }
        }
    }
}

/// Drop deleted instructions; a position that pointed at a deleted
/// instruction now points at the next kept one.
fn compact(
    code: &mut Vec<Instr>,
    deleted: &[bool],
    labels: &mut [u32],
    lines: &mut [(u32, u32)],
    funs: &mut [FunInfo],
) {
    let mut map = Vec::with_capacity(code.len() + 1);
    let mut n = 0u32;
    for &d in deleted {
        map.push(n);
        if !d {
            n += 1;
        }
    }
    map.push(n);
    let mut i = 0;
    code.retain(|_| {
        i += 1;
        !deleted[i - 1]
    });
    for l in labels.iter_mut() {
        if *l != NO_LABEL {
            *l = map[*l as usize];
        }
    }
    for (pc, _) in lines.iter_mut() {
        *pc = map[*pc as usize];
    }
    for f in funs.iter_mut() {
        f.entry = map[f.entry as usize];
    }
}

/// Renumber the y slots one function names, densely, keeping their order,
/// and size its `Allocate` (the first instruction) accordingly.
fn pack_slots(code: &mut [Instr]) {
    let mut used: Vec<bool> = Vec::new();
    let mut mark = |y: u32| {
        let y = y as usize;
        if used.len() <= y {
            used.resize(y + 1, false);
        }
        used[y] = true;
    };
    for ins in code.iter_mut() {
        for_each_src(ins, &mut |s| {
            if let Src::Y(y) = *s {
                mark(y);
            }
        });
        for_each_dst(ins, &mut |r| {
            if let Reg::Y(y) = *r {
                mark(y);
            }
        });
        if let Instr::Kill { from, to } = *ins {
            (from..to).for_each(&mut mark);
        }
    }
    let mut new = Vec::with_capacity(used.len());
    let mut n = 0u32;
    for &u in &used {
        new.push(n);
        if u {
            n += 1;
        }
    }
    for ins in code.iter_mut() {
        for_each_src(ins, &mut |s| {
            if let Src::Y(y) = s {
                *y = new[*y as usize];
            }
        });
        for_each_dst(ins, &mut |r| {
            if let Reg::Y(y) = r {
                *y = new[*y as usize];
            }
        });
        match ins {
            Instr::Kill { from, to } if *from < *to => {
                *to = new[*to as usize - 1] + 1;
                *from = new[*from as usize];
            }
            Instr::Allocate { ys, .. } => *ys = n,
            _ => {}
        }
    }
}
