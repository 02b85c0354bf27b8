//! Process BIFs: spawning (with links, monitors and options), links,
//! monitors, exit signals, registered names, the process dictionary,
//! process flags, `process_info`, timers, and system statistics.

use std::sync::atomic::Ordering;

use super::{badarg, Ctx, NativeTable, Trap};
use crate::heap;
use crate::process::{MaxHeap, MonitorName, ProcBody, Process, EXITED, RUNNABLE, WAITING};
use crate::term::{order, Atom, Term};
use crate::vm::SpawnOpts;

fn atom(s: &str) -> Term {
    Term::atom(Atom::intern(s))
}

fn error<T>(reason: &str) -> Result<T, Trap> {
    Err(Trap::Error(atom(reason)))
}

// ---- spawning ----

fn spawn_fun(c: &mut Ctx, fun: Term, opts: &SpawnOpts) -> Result<u64, Trap> {
    if fun.fun_arity() != Some(0) {
        return badarg();
    }
    let opts = SpawnOpts {
        group_leader: c.p.group_leader,
        ..*opts
    };
    Ok(c.vm.spawn_fun_opts(fun, &opts, Some(c.me)))
}

fn spawn_mfa(c: &mut Ctx, m: Term, f: Term, args: Term, opts: &SpawnOpts) -> Result<u64, Trap> {
    if !m.is_atom() || !f.is_atom() || args.list_len().is_none() {
        return badarg();
    }
    let opts = SpawnOpts {
        group_leader: c.p.group_leader,
        ..*opts
    };
    Ok(c.vm.spawn_mfa_opts(m, f, args, &opts, Some(c.me)))
}

fn link_opts() -> SpawnOpts {
    SpawnOpts {
        link: true,
        ..SpawnOpts::default()
    }
}

fn spawn1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    spawn_fun(c, a[0], &SpawnOpts::default()).map(Term::pid)
}

fn spawn3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    spawn_mfa(c, a[0], a[1], a[2], &SpawnOpts::default()).map(Term::pid)
}

fn spawn_link1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    spawn_fun(c, a[0], &link_opts()).map(Term::pid)
}

fn spawn_link3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    spawn_mfa(c, a[0], a[1], a[2], &link_opts()).map(Term::pid)
}

/// `{Pid, Ref}` of a monitored spawn.
fn pid_ref(c: &mut Ctx, pid: u64, r: u64) -> Term {
    let r = heap::make_ref(&mut c.p.heap, r);
    c.tuple(&[Term::pid(pid), r])
}

fn spawn_monitor1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let r = c.vm.new_ref_id();
    let opts = SpawnOpts {
        monitor: Some(r),
        ..SpawnOpts::default()
    };
    let pid = spawn_fun(c, a[0], &opts)?;
    Ok(pid_ref(c, pid, r))
}

fn spawn_monitor3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let r = c.vm.new_ref_id();
    let opts = SpawnOpts {
        monitor: Some(r),
        ..SpawnOpts::default()
    };
    let pid = spawn_mfa(c, a[0], a[1], a[2], &opts)?;
    Ok(pid_ref(c, pid, r))
}

/// `{max_heap_size, Size | #{size => S, kill => K, error_logger => E}}`.
fn parse_max_heap(v: Term) -> Option<MaxHeap> {
    if let Some(n) = v.as_int() {
        return usize::try_from(n).ok().map(|size| MaxHeap {
            size,
            ..MaxHeap::default()
        });
    }
    let m = v.map()?;
    let mut mh = MaxHeap::default();
    for (k, val) in m.pairs() {
        match k.as_atom()?.text() {
            "size" => mh.size = usize::try_from(val.as_int()?).ok()?,
            "kill" => mh.kill = val.as_atom()? == Atom::TRUE,
            "error_logger" => mh.error_logger = val.as_atom()? == Atom::TRUE,
            "include_shared_binaries" => {}
            _ => return None,
        }
    }
    Some(mh)
}

/// Parse spawn_opt options; unknown ones are badarg, as on the BEAM.
fn spawn_options(c: &mut Ctx, opts: Term) -> Result<SpawnOpts, Trap> {
    let Some(items) = opts.list_to_vec() else {
        return badarg();
    };
    let mut o = SpawnOpts::default();
    for it in items {
        if let Some(at) = it.as_atom() {
            match at.text() {
                "link" => o.link = true,
                "monitor" => o.monitor = Some(c.vm.new_ref_id()),
                _ => return badarg(),
            }
            continue;
        }
        let Some(t) = it.tuple().filter(|t| t.len() == 2) else {
            return badarg();
        };
        let (k, v) = (t.get(0).unwrap_or(Term::NIL), t.get(1).unwrap_or(Term::NIL));
        match k.as_atom().map(Atom::text) {
            Some("max_heap_size") => match parse_max_heap(v) {
                Some(m) => o.max_heap = Some(m),
                None => return badarg(),
            },
            // Accepted and without effect here: one priority level, no
            // tunable GC.
            Some("priority")
                if matches!(
                    v.as_atom().map(Atom::text),
                    Some("low" | "normal" | "high" | "max")
                ) => {}
            Some("fullsweep_after") => match v.as_int().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => o.fullsweep_after = Some(n),
                None => return badarg(),
            },
            Some("min_heap_size") => match v.as_int().and_then(|n| usize::try_from(n).ok()) {
                Some(n) => o.min_heap_size = Some(n),
                None => return badarg(),
            },
            // Accepted without effect: off-heap data has one fixed limit.
            Some("min_bin_vheap_size") if v.as_int().is_some_and(|n| n >= 0) => {}
            Some("message_queue_data") => {}
            _ => return badarg(),
        }
    }
    Ok(o)
}

fn spawned(c: &mut Ctx, pid: u64, o: &SpawnOpts) -> Term {
    match o.monitor {
        Some(r) => pid_ref(c, pid, r),
        None => Term::pid(pid),
    }
}

fn spawn_opt2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let o = spawn_options(c, a[1])?;
    let pid = spawn_fun(c, a[0], &o)?;
    Ok(spawned(c, pid, &o))
}

fn spawn_opt4(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let o = spawn_options(c, a[3])?;
    let pid = spawn_mfa(c, a[0], a[1], a[2], &o)?;
    Ok(spawned(c, pid, &o))
}

// ---- links, monitors, exit signals ----

fn link(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let Some(x) = a[0].ext_pid() {
        return super::dist::remote_link(c, a[0], x);
    }
    let Some(pid) = a[0].as_pid() else {
        return badarg();
    };
    if c.vm.link(c.me, pid) {
        return Ok(Term::TRUE);
    }
    // The target does not exist: a trapping caller gets the exit signal as
    // a message, others an error (what OTP 25 does).
    if c.me.trap_exit.load(Ordering::SeqCst) {
        let mut scratch = heap::Heap::new();
        let t = heap::make_tuple(
            &mut scratch,
            &[Term::atom(Atom::EXIT_UPPER), Term::pid(pid), a_noproc()],
        );
        c.vm.deliver(c.me, heap::copy_to_fragment(t));
        return Ok(Term::TRUE);
    }
    error("noproc")
}

fn a_noproc() -> Term {
    atom("noproc")
}

fn unlink(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let Some(x) = a[0].ext_pid() {
        return super::dist::remote_unlink(c, x);
    }
    let Some(pid) = a[0].as_pid() else {
        return badarg();
    };
    c.vm.unlink(c.me, pid);
    Ok(Term::TRUE)
}

fn monitor(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if a[0].as_atom().map(Atom::text) != Some("process") {
        return badarg();
    }
    let (target, name) = if let Some(pid) = a[1].as_pid() {
        (Some(pid), MonitorName::Pid)
    } else if let Some(x) = a[1].ext_pid() {
        return super::dist::remote_monitor(c, crate::process::RemoteTarget::Pid(x));
    } else if let Some(n) = a[1].as_atom() {
        (c.vm.whereis(n), MonitorName::Name(n))
    } else if let Some(t) = a[1].tuple().filter(|t| t.len() == 2) {
        // {Name, Node}: here, or on another node.
        match (
            t.get(0).and_then(Term::as_atom),
            t.get(1).and_then(Term::as_atom),
        ) {
            (Some(n), Some(node)) if node == crate::dist::this_node().0 => {
                (c.vm.whereis(n), MonitorName::Name(n))
            }
            (Some(n), Some(node)) => {
                let t = crate::process::RemoteTarget::Name(n, node);
                return super::dist::remote_monitor(c, t);
            }
            _ => return badarg(),
        }
    } else {
        return badarg();
    };
    let r = c.vm.new_ref_id();
    if !c.vm.monitor(c.me, target, name, r) {
        let msg = c.vm.down_message(r, target.unwrap_or(0), name, a_noproc());
        c.vm.deliver(c.me, msg);
    }
    Ok(heap::make_ref(&mut c.p.heap, r))
}

fn demonitor1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(r) = a[0].ref_id() else {
        return badarg();
    };
    if !super::dist::remote_demonitor(c, r) {
        c.vm.demonitor(c.me, r);
    }
    Ok(Term::TRUE)
}

fn demonitor2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(r) = a[0].ref_id() else {
        return badarg();
    };
    let Some(opts) = a[1].list_to_vec() else {
        return badarg();
    };
    let (mut flush, mut info) = (false, false);
    for o in opts {
        match o.as_atom().map(Atom::text) {
            Some("flush") => flush = true,
            Some("info") => info = true,
            _ => return badarg(),
        }
    }
    let active = super::dist::remote_demonitor(c, r) || c.vm.demonitor(c.me, r);
    if flush {
        // Remove a 'DOWN' for this monitor already in the queue.
        c.p.take_inbox(c.me);
        let down = Atom::intern("DOWN");
        let pos = c.p.queue.iter().position(|m| {
            m.term.tuple().is_some_and(|t| {
                t.len() == 5
                    && t.get(0) == Some(Term::atom(down))
                    && t.get(1).and_then(Term::ref_id) == Some(r)
            })
        });
        if let Some(i) = pos {
            let save = c.p.save;
            c.p.save = i;
            c.p.remove_message();
            c.p.save = if save > i { save - 1 } else { save };
        }
    }
    Ok(Term::bool(!info || active))
}

fn exit2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if let Some(x) = a[0].ext_pid() {
        return super::dist::remote_exit(c, x, a[1]);
    }
    let Some(pid) = a[0].as_pid() else {
        return badarg();
    };
    if pid != c.p.pid {
        c.vm.exit_to(c.p.pid, pid, a[1]);
        return Ok(Term::TRUE);
    }
    // A signal to oneself: `kill` is untrappable; a trapping process gets
    // the message; otherwise the process ends, even with `normal` (OTP 25).
    let kill = a[1] == Term::atom(Atom::KILL);
    if c.me.trap_exit.load(Ordering::SeqCst) && !kill {
        c.vm.exit_signal(c.p.pid, c.me, a[1], crate::signals::ExitFrom::Exit2);
        return Ok(Term::TRUE);
    }
    Err(Trap::Exit(if kill {
        Term::atom(Atom::KILLED)
    } else {
        a[1]
    }))
}

// ---- registered names ----

fn register_name(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(name), Some(pid)) = (a[0].as_atom(), a[1].as_pid()) else {
        return badarg();
    };
    if name == Atom::UNDEFINED || !c.vm.register(name, pid) {
        return badarg();
    }
    if pid == c.p.pid {
        c.p.registered = Some(name);
    }
    Ok(Term::TRUE)
}

fn unregister(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(name) = a[0].as_atom() else {
        return badarg();
    };
    if c.vm.unregister(name) {
        if c.p.registered == Some(name) {
            c.p.registered = None;
        }
        Ok(Term::TRUE)
    } else {
        badarg()
    }
}

fn whereis(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(name) = a[0].as_atom() else {
        return badarg();
    };
    Ok(c.vm
        .whereis(name)
        .map_or(Term::atom(Atom::UNDEFINED), Term::pid))
}

fn registered(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let names: Vec<Term> =
        c.vm.registered_names()
            .into_iter()
            .map(Term::atom)
            .collect();
    Ok(c.list(&names))
}

// ---- process dictionary ----

fn dict_find(c: &Ctx, k: Term) -> Option<usize> {
    (0..c.p.dict.len() / 2).find(|&i| order::eq_exact(c.p.dict[2 * i], k))
}

fn put(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match dict_find(c, a[0]) {
        Some(i) => {
            let old = c.p.dict[2 * i + 1];
            c.p.dict[2 * i + 1] = a[1];
            Ok(old)
        }
        None => {
            c.p.dict.push(a[0]);
            c.p.dict.push(a[1]);
            Ok(Term::atom(Atom::UNDEFINED))
        }
    }
}

fn get1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Ok(dict_find(c, a[0]).map_or(Term::atom(Atom::UNDEFINED), |i| c.p.dict[2 * i + 1]))
}

fn dict_list(heap: &mut heap::Heap, dict: &[Term]) -> Term {
    let mut items = Vec::with_capacity(dict.len() / 2);
    for kv in dict.chunks(2) {
        items.push(heap::make_tuple(heap, &[kv[0], kv[1]]));
    }
    heap::list(heap, &items)
}

fn get0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let dict = c.p.dict.clone();
    Ok(dict_list(&mut c.p.heap, &dict))
}

fn get_keys0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let keys: Vec<Term> = c.p.dict.chunks(2).map(|kv| kv[0]).collect();
    Ok(c.list(&keys))
}

fn get_keys1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let keys: Vec<Term> =
        c.p.dict
            .chunks(2)
            .filter(|kv| order::eq_exact(kv[1], a[0]))
            .map(|kv| kv[0])
            .collect();
    Ok(c.list(&keys))
}

fn erase1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match dict_find(c, a[0]) {
        Some(i) => {
            let old = c.p.dict[2 * i + 1];
            c.p.dict.drain(2 * i..2 * i + 2);
            Ok(old)
        }
        None => Ok(Term::atom(Atom::UNDEFINED)),
    }
}

fn erase0(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let all = get0(c, a)?;
    c.p.dict.clear();
    Ok(all)
}

// ---- flags and liveness ----

fn max_heap_term(c: &mut Ctx, m: Option<MaxHeap>) -> Term {
    let m = m.unwrap_or_default();
    let mut kv = vec![
        (atom("error_logger"), Term::bool(m.error_logger)),
        (atom("kill"), Term::bool(m.kill)),
        (atom("size"), Term::small(m.size)),
    ];
    heap::make_map(&mut c.p.heap, &mut kv)
}

fn process_flag(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].as_atom().map(Atom::text) {
        Some("trap_exit") => {
            let new = match a[1].as_atom() {
                Some(Atom::TRUE) => true,
                Some(Atom::FALSE) => false,
                _ => return badarg(),
            };
            Ok(Term::bool(c.me.trap_exit.swap(new, Ordering::SeqCst)))
        }
        Some("priority") => match a[1].as_atom().map(Atom::text) {
            Some(p @ ("low" | "normal" | "high" | "max")) => {
                // One run queue: the level is remembered and reported only.
                let old = std::mem::replace(&mut c.p.priority, Atom::intern(p));
                Ok(Term::atom(old))
            }
            _ => badarg(),
        },
        Some("fullsweep_after") => match a[1].as_int().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Ok(Term::small(c.p.heap.set_fullsweep_after(n) as usize)),
            None => badarg(),
        },
        Some("min_heap_size") => match a[1].as_int().and_then(|n| usize::try_from(n).ok()) {
            Some(n) => Ok(Term::small(c.p.heap.set_min_heap_size(n))),
            None => badarg(),
        },
        Some("max_heap_size") => match parse_max_heap(a[1]) {
            Some(m) => {
                let old = c.p.max_heap;
                c.p.max_heap = Some(m);
                Ok(max_heap_term(c, old))
            }
            None => badarg(),
        },
        _ => badarg(),
    }
}

fn is_process_alive(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].as_pid() {
        Some(pid) => Ok(Term::bool(pid == c.p.pid || c.vm.is_alive(pid))),
        None => badarg(),
    }
}

fn processes(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let pids: Vec<Term> = c.vm.live_pids().into_iter().map(Term::pid).collect();
    Ok(c.list(&pids))
}

fn garbage_collect0(_c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    Err(Trap::Gc)
}

fn garbage_collect1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].as_pid() {
        Some(pid) if pid == c.p.pid => Err(Trap::Gc),
        // Another process collects at its own next safe point; a dead one
        // answers false.
        Some(pid) => Ok(Term::bool(c.vm.is_alive(pid))),
        None => badarg(),
    }
}

// ---- process_info ----

const ALL_ITEMS: &[&str] = &[
    "current_function",
    "initial_call",
    "status",
    "message_queue_len",
    "links",
    "dictionary",
    "trap_exit",
    "priority",
    "total_heap_size",
    "heap_size",
    "stack_size",
    "reductions",
];

/// One `{Item, Value}` of `p` (the body of the process asked about, which
/// may be the caller). None: not a known item (badarg).
fn info_item(c: &mut Ctx, proc_: &Process, body: Option<&ProcBody>, item: Atom) -> Option<Term> {
    // `body` None means the caller itself (c.p).
    let me = body.is_none();
    let b: &ProcBody = match body {
        Some(b) => b,
        None => &*c.p,
    };
    let pid = proc_.pid;
    let v = match item.text() {
        "registered_name" => c.vm.name_of(pid).map_or(Term::NIL, Term::atom),
        "status" => atom(if me {
            "running"
        } else {
            match proc_.state() {
                WAITING => "waiting",
                RUNNABLE => "runnable",
                EXITED => "exiting",
                _ => "running",
            }
        }),
        "message_queue_len" => Term::small(b.queue.len() + proc_.inbox_len()),
        "messages" => {
            let msgs: Vec<Term> = b.queue.iter().map(|m| m.term).collect();
            let inbox = proc_.inbox_snapshot();
            let mut all = msgs;
            all.extend(inbox);
            // Copies: another process's terms must not leak into ours.
            let copied: Vec<Term> = all.iter().map(|t| copy_into(c, *t)).collect();
            c.list(&copied)
        }
        "links" => {
            let mut v: Vec<u64> = proc_.signals().links.iter().copied().collect();
            v.sort_unstable();
            let pids: Vec<Term> = v.into_iter().map(Term::pid).collect();
            c.list(&pids)
        }
        "monitors" => {
            let mut v: Vec<(u64, crate::process::HeldMonitor)> = proc_
                .signals()
                .monitors
                .iter()
                .map(|(r, m)| (*r, *m))
                .collect();
            v.sort_by_key(|(r, _)| *r);
            let mut items = Vec::new();
            for (_, m) in v {
                let obj = match m.name {
                    MonitorName::Pid => Term::pid(m.target),
                    MonitorName::Name(n) => c.tuple(&[Term::atom(n), Term::atom(Atom::NONODE)]),
                };
                items.push(c.tuple(&[atom("process"), obj]));
            }
            c.list(&items)
        }
        "monitored_by" => {
            let mut v: Vec<(u64, u64)> = proc_
                .signals()
                .monitored_by
                .iter()
                .map(|(r, w)| (*r, *w))
                .collect();
            v.sort_unstable();
            let pids: Vec<Term> = v.into_iter().map(|(_, w)| Term::pid(w)).collect();
            c.list(&pids)
        }
        "trap_exit" => Term::bool(proc_.trap_exit.load(Ordering::SeqCst)),
        "dictionary" => {
            let dict: Vec<Term> = b.dict.to_vec();
            let dict: Vec<Term> = if me {
                dict
            } else {
                dict.into_iter().map(|t| copy_into(c, t)).collect()
            };
            dict_list(&mut c.p.heap, &dict)
        }
        "priority" => Term::atom(b.priority),
        "reductions" => Term::int(b.reductions as i64).unwrap_or(Term::small(0)),
        "heap_size" => Term::small(b.heap.heap_size()),
        "total_heap_size" => Term::small(b.heap.total_size()),
        "stack_size" => Term::small(b.stack_words()),
        "memory" => Term::small(b.memory_bytes()),
        "garbage_collection" => {
            let (m, fs, mh, minors) = (
                b.max_heap,
                b.heap.fullsweep_after(),
                b.heap.min_heap_size(),
                b.heap.gc_info().minor_gcs,
            );
            let mht = max_heap_term(c, m);
            let items = [
                (atom("max_heap_size"), mht),
                (
                    atom("min_bin_vheap_size"),
                    Term::small(heap::MIN_BIN_VHEAP_SIZE),
                ),
                (atom("min_heap_size"), Term::small(mh)),
                (atom("fullsweep_after"), Term::small(fs as usize)),
                (atom("minor_gcs"), Term::small(minors as usize)),
            ];
            let ts: Vec<Term> = items.iter().map(|&(k, v)| c.tuple(&[k, v])).collect();
            c.list(&ts)
        }
        "max_heap_size" => {
            let m = b.max_heap;
            max_heap_term(c, m)
        }
        "current_function" => {
            let (code, pc) = (b.code, b.pc);
            match code.fun_at(pc) {
                Some(f) if !std::ptr::eq(code, c.vm.boot) => {
                    let ar = Term::small((f.arity - f.nfree) as usize);
                    c.tuple(&[Term::atom(code.name), Term::atom(f.name), ar])
                }
                _ => match b.initial_call {
                    Some((m, f, n)) => {
                        c.tuple(&[Term::atom(m), Term::atom(f), Term::small(n as usize)])
                    }
                    None => Term::atom(Atom::UNDEFINED),
                },
            }
        }
        "initial_call" => match b.initial_call {
            Some((m, f, n)) => c.tuple(&[Term::atom(m), Term::atom(f), Term::small(n as usize)]),
            None => Term::atom(Atom::UNDEFINED),
        },
        "group_leader" => Term::pid(b.group_leader),
        _ => return None,
    };
    Some(c.tuple(&[Term::atom(item), v]))
}

/// Copy a term of another process into the caller's heap.
fn copy_into(c: &mut Ctx, t: Term) -> Term {
    let f = heap::copy_to_fragment(t);
    c.p.heap.attach(f.block);
    f.term
}

/// What `with_process` runs: the caller's context, the process asked
/// about and its body (None: the caller itself).
type InfoFn<'a> = dyn FnMut(&mut Ctx, &Process, Option<&ProcBody>) -> Result<Term, Trap> + 'a;

/// Run `f` with the body of `pid` (None for the caller itself). A running
/// process's body is locked by its scheduler: then the caller yields and
/// retries (`Trap::Yield`), so two processes asking about each other
/// cannot deadlock.
fn with_process(c: &mut Ctx, pid: u64, f: &mut InfoFn<'_>) -> Result<Term, Trap> {
    if pid == c.p.pid {
        let me = c.me.clone();
        return f(c, &me, None);
    }
    let Some(p) = c.vm.lookup(pid) else {
        return Ok(Term::atom(Atom::UNDEFINED));
    };
    let guard = match p.body.try_lock() {
        Ok(g) => g,
        Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => return Err(Trap::Yield),
    };
    match guard.as_deref() {
        Some(b) if p.state() != EXITED => f(c, &p, Some(b)),
        _ => Ok(Term::atom(Atom::UNDEFINED)),
    }
}

fn process_info1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(pid) = a[0].as_pid() else {
        return badarg();
    };
    with_process(c, pid, &mut |c, p, b| {
        let mut items = Vec::new();
        for it in ALL_ITEMS {
            if let Some(t) = info_item(c, p, b, Atom::intern(it)) {
                items.push(t);
            }
        }
        Ok(c.list(&items))
    })
}

fn process_info2(c: &mut Ctx, args: &[Term]) -> Result<Term, Trap> {
    let Some(pid) = args[0].as_pid() else {
        return badarg();
    };
    let spec = args[1];
    // Check the items before looking at the process: badarg wins over
    // `undefined`.
    let (list, items) = if let Some(at) = spec.as_atom() {
        (false, vec![at])
    } else if let Some(v) = spec.list_to_vec() {
        let mut out = Vec::new();
        for t in v {
            match t.as_atom() {
                Some(at) => out.push(at),
                None => return badarg(),
            }
        }
        (true, out)
    } else {
        return badarg();
    };
    for it in &items {
        if !KNOWN_ITEMS.contains(&it.text()) {
            return badarg();
        }
    }
    with_process(c, pid, &mut |c, p, b| {
        let mut out = Vec::new();
        for it in &items {
            match info_item(c, p, b, *it) {
                Some(t) => out.push(t),
                None => return badarg(),
            }
        }
        if list {
            Ok(c.list(&out))
        } else {
            // registered_name of an unnamed process alone: [] (in a list:
            // {registered_name, []}).
            let t = out.first().copied().unwrap_or(Term::NIL);
            let unnamed = items[0].text() == "registered_name"
                && t.tuple().and_then(|t| t.get(1)) == Some(Term::NIL);
            Ok(if unnamed { Term::NIL } else { t })
        }
    })
}

const KNOWN_ITEMS: &[&str] = &[
    "registered_name",
    "status",
    "message_queue_len",
    "messages",
    "links",
    "monitors",
    "monitored_by",
    "trap_exit",
    "dictionary",
    "priority",
    "reductions",
    "heap_size",
    "total_heap_size",
    "stack_size",
    "memory",
    "max_heap_size",
    "garbage_collection",
    "current_function",
    "initial_call",
    "group_leader",
];

// ---- timers ----

fn timer_dest(t: Term) -> Option<Term> {
    (t.is_pid() || t.is_atom()).then_some(t)
}

fn time_ms(t: Term) -> Option<u64> {
    t.as_int().and_then(|i| u64::try_from(i).ok())
}

fn send_after3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(ms), Some(dest)) = (time_ms(a[0]), timer_dest(a[1])) else {
        return badarg();
    };
    let r = c.vm.new_ref_id();
    c.vm.start_msg_timer(ms, r, dest, heap::copy_to_fragment(a[2]));
    Ok(heap::make_ref(&mut c.p.heap, r))
}

fn start_timer3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(ms), Some(dest)) = (time_ms(a[0]), timer_dest(a[1])) else {
        return badarg();
    };
    let r = c.vm.new_ref_id();
    let rt = heap::make_ref(&mut c.p.heap, r);
    let msg = c.tuple(&[a_timeout(), rt, a[2]]);
    c.vm.start_msg_timer(ms, r, dest, heap::copy_to_fragment(msg));
    Ok(rt)
}

/// The delay of a `send_after/4` or `start_timer/4`: `Time` is relative, or
/// with `[{abs, true}]` an absolute `erlang:monotonic_time(millisecond)`
/// (a deadline already past fires at once, as on the BEAM).
fn timer_delay(c: &Ctx, time: Term, opts: Term) -> Option<u64> {
    let mut abs = false;
    for opt in opts.list_to_vec()? {
        let pair = opt.tuple()?.to_vec();
        match pair[..] {
            [key, value] if key.as_atom().is_some_and(|a| a.text() == "abs") => {
                abs = if value == Term::TRUE {
                    true
                } else if value == Term::FALSE {
                    false
                } else {
                    return None;
                };
            }
            _ => return None,
        }
    }
    if !abs {
        return time_ms(time);
    }
    let deadline = time.as_int()?;
    let now = i64::try_from(c.vm.start.elapsed().as_millis()).ok()?;
    Some(u64::try_from(deadline.saturating_sub(now)).unwrap_or(0))
}

fn send_after4(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(ms) = timer_delay(c, a[0], a[3]) else {
        return badarg();
    };
    send_after3(c, &[Term::small(ms as usize), a[1], a[2]])
}

fn start_timer4(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(ms) = timer_delay(c, a[0], a[3]) else {
        return badarg();
    };
    start_timer3(c, &[Term::small(ms as usize), a[1], a[2]])
}

/// erts_debug:flat_size/1: the words the term takes on a heap when copied
/// without sharing (what a send copies).
fn flat_size(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let words = crate::term::copy_size(a[0]);
    Ok(Term::int(words as i64).unwrap_or(Term::small(0)))
}

fn a_timeout() -> Term {
    atom("timeout")
}

fn cancel_timer(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(r) = a[0].ref_id() else {
        return badarg();
    };
    Ok(c.vm
        .cancel_msg_timer(r)
        .map_or(Term::FALSE, |ms| Term::small(ms as usize)))
}

fn read_timer(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(r) = a[0].ref_id() else {
        return badarg();
    };
    Ok(c.vm
        .read_msg_timer(r)
        .map_or(Term::FALSE, |ms| Term::small(ms as usize)))
}

/// timer:send_after(Time, Msg) / (Time, Dest, Msg): `{ok, TRef}`.
fn timer_send_after(c: &mut Ctx, args: &[Term]) -> Result<Term, Trap> {
    let (t, dest, msg) = match args.len() {
        2 => (args[0], Term::pid(c.p.pid), args[1]),
        _ => (args[0], args[1], args[2]),
    };
    let r = send_after3(c, &[t, dest, msg])?;
    Ok(c.tuple(&[Term::OK, r]))
}

fn timer_cancel(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    // {once, Pid} from timer:apply_after/4 and {interval, Pid} from
    // send_interval/apply_interval: the timer process is killed.
    if let Some(t) = a[0].tuple().filter(|t| t.len() == 2) {
        if let (Some(tag), Some(pid)) = (t.get(0), t.get(1)) {
            let tag = tag.as_atom().map(Atom::text);
            if matches!(tag, Some("once" | "interval")) && pid.is_pid() {
                exit2(c, &[pid, atom("kill")])?;
                return Ok(c.tuple(&[Term::OK, a_cancel()]));
            }
        }
    }
    match a[0].ref_id() {
        Some(r) => {
            c.vm.cancel_msg_timer(r);
            Ok(c.tuple(&[Term::OK, a_cancel()]))
        }
        None => {
            let e = c.tuple(&[Term::atom(Atom::ERROR), atom("badarg")]);
            Ok(e)
        }
    }
}

fn a_cancel() -> Term {
    atom("cancel")
}

// ---- system information ----

fn system_info(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let v = match a[0].as_atom().map(Atom::text) {
        Some("schedulers" | "schedulers_online") => Term::small(c.vm.scheduler_count()),
        Some("process_count") => Term::small(c.vm.live_pids().len()),
        Some("process_limit") => Term::small(c.vm.process_limit()),
        Some("logical_processors" | "logical_processors_available") => {
            Term::small(std::thread::available_parallelism().map_or(1, |n| n.get()))
        }
        Some("otp_release") => c.string("25"),
        Some("wordsize") => Term::small(8),
        _ => return badarg(),
    };
    Ok(v)
}

fn statistics(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].as_atom().map(Atom::text) {
        Some("runtime" | "wall_clock") => {
            // Both from the VM's own clock: milliseconds since start and
            // since the previous call (per VM, like the BEAM's counters).
            let is_rt = a[0].as_atom().map(Atom::text) == Some("runtime");
            let (total, since) = c.vm.clock_sample(is_rt);
            let (t, s) = (
                Term::int(total as i64).unwrap_or(Term::small(0)),
                Term::int(since as i64).unwrap_or(Term::small(0)),
            );
            Ok(c.tuple(&[t, s]))
        }
        Some("reductions") => {
            let total = c.vm.total_reductions() + c.p.reductions;
            let t = Term::int(total as i64).unwrap_or(Term::small(0));
            Ok(c.tuple(&[t, Term::small(0)]))
        }
        Some("run_queue") => Ok(Term::small(0)),
        _ => badarg(),
    }
}

fn memory_items(c: &Ctx) -> Vec<(&'static str, usize)> {
    let m = c.vm.memory_usage();
    let total = m.processes + m.system;
    vec![
        ("total", total),
        ("processes", m.processes),
        ("processes_used", m.processes),
        ("system", m.system),
        ("atom", m.atom),
        ("atom_used", m.atom),
        ("binary", m.binary),
        ("code", m.code),
        ("ets", 0),
    ]
}

fn memory0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let items = memory_items(c);
    let mut out = Vec::new();
    for (k, v) in items {
        let v = Term::int(v as i64).unwrap_or(Term::small(0));
        out.push(c.tuple(&[atom(k), v]));
    }
    Ok(c.list(&out))
}

fn memory1(c: &mut Ctx, args: &[Term]) -> Result<Term, Trap> {
    let items = memory_items(c);
    let get = |t: Term| -> Option<usize> {
        let name = t.as_atom()?.text();
        items.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    };
    if let Some(v) = get(args[0]) {
        return Ok(Term::int(v as i64).unwrap_or(Term::small(0)));
    }
    let Some(list) = args[0].list_to_vec() else {
        return badarg();
    };
    let mut out = Vec::new();
    for t in list {
        let Some(v) = get(t) else {
            return badarg();
        };
        let v = Term::int(v as i64).unwrap_or(Term::small(0));
        out.push(c.tuple(&[t, v]));
    }
    Ok(c.list(&out))
}

// ---- group leaders ----

/// `group_leader()`: the process that takes this process's output (pid 0
/// stands for the VM's standard output).
fn group_leader0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::pid(c.p.group_leader))
}

/// `group_leader(Leader, Pid)`: only for the calling process itself (what
/// test frameworks do to capture a test's output); another process's group
/// leader cannot be changed yet.
fn group_leader2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(leader), Some(pid)) = (a[0].as_pid(), a[1].as_pid()) else {
        return badarg();
    };
    if pid != c.p.pid {
        return error("notsup");
    }
    c.p.group_leader = leader;
    Ok(Term::TRUE)
}

pub(super) fn register(t: &mut NativeTable) {
    let erlang: &[(&str, u32, super::NativeFn)] = &[
        ("group_leader", 0, group_leader0),
        ("group_leader", 2, group_leader2),
        ("spawn", 1, spawn1),
        ("spawn", 3, spawn3),
        ("spawn_link", 1, spawn_link1),
        ("spawn_link", 3, spawn_link3),
        ("spawn_monitor", 1, spawn_monitor1),
        ("spawn_monitor", 3, spawn_monitor3),
        ("spawn_opt", 2, spawn_opt2),
        ("spawn_opt", 4, spawn_opt4),
        ("link", 1, link),
        ("unlink", 1, unlink),
        ("monitor", 2, monitor),
        ("demonitor", 1, demonitor1),
        ("demonitor", 2, demonitor2),
        ("exit", 2, exit2),
        ("register", 2, register_name),
        ("unregister", 1, unregister),
        ("whereis", 1, whereis),
        ("registered", 0, registered),
        ("put", 2, put),
        ("get", 1, get1),
        ("get", 0, get0),
        ("get_keys", 0, get_keys0),
        ("get_keys", 1, get_keys1),
        ("erase", 1, erase1),
        ("erase", 0, erase0),
        ("process_flag", 2, process_flag),
        ("is_process_alive", 1, is_process_alive),
        ("processes", 0, processes),
        ("garbage_collect", 0, garbage_collect0),
        ("garbage_collect", 1, garbage_collect1),
        ("process_info", 1, process_info1),
        ("process_info", 2, process_info2),
        ("send_after", 3, send_after3),
        ("start_timer", 3, start_timer3),
        ("start_timer", 4, start_timer4),
        ("send_after", 4, send_after4),
        ("cancel_timer", 1, cancel_timer),
        ("read_timer", 1, read_timer),
        ("system_info", 1, system_info),
        ("statistics", 1, statistics),
        ("memory", 0, memory0),
        ("memory", 1, memory1),
    ];
    for &(f, a, nf) in erlang {
        t.push(("erlang", f, a, nf, false));
    }
    t.push(("timer", "send_after", 2, timer_send_after, false));
    t.push(("timer", "send_after", 3, timer_send_after, false));
    t.push(("timer", "cancel", 1, timer_cancel, false));
    t.push(("erts_debug", "flat_size", 1, flat_size, false));
}
