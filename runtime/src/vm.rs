//! The VM: schedulers, timers, the process table, code loading, output, and
//! the public `Vm`/`Shell` API.

use std::collections::{BinaryHeap, HashMap, HashSet};
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_deque::{Injector, Steal, Stealer, Worker};

use crate::bif::{NativeFn, Trap};
use crate::code::{CodeServer, FunInfo, Instr, ModuleCode};
use crate::compile::NativeMap;
use crate::heap::{self, Fragment};
use crate::interp::{self, RunResult, MAX_X};
use crate::process::{Frame, ProcBody, Process, RUNNABLE};
use crate::term::printable::{pid_string, to_pterm};
use crate::term::{Atom, Term};
use crate::{ModuleLoader, Outcome, VmConfig};

/// Stack size for threads that compile (deeply nested IR) and schedulers
/// (which call the module loader, i.e. a frontend).
const BIG_STACK: usize = 256 << 20;
const SCHED_STACK: usize = 64 << 20;

/// Run `f` on a thread with a large stack; `None` if it panicked.
pub(crate) fn with_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> Option<T> {
    std::thread::scope(|s| {
        let h = std::thread::Builder::new()
            .stack_size(BIG_STACK)
            .spawn_scoped(s, f)
            .ok()?;
        h.join().ok()
    })
}

/// `text` as a latin1 device writes it: one byte per character below 256,
/// `\x{HEX}` for the others (what OTP's io server does under `-noshell`).
pub fn latin1_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for ch in text.chars() {
        match u8::try_from(u32::from(ch)) {
            Ok(b) => out.push(b),
            Err(_) => out.extend_from_slice(format!("\\x{{{:X}}}", u32::from(ch)).as_bytes()),
        }
    }
    out
}

/// The ordered writer all processes print through: whole writes are appended
/// under one lock, so lines never interleave mid-line.
pub struct Output {
    buf: Mutex<Vec<u8>>,
    capture: Option<Mutex<(Vec<u8>, Vec<u8>)>>,
    /// The `standard_io` device's encoding: `latin1` as under `erl -noshell`
    /// (each character below 256 is one byte, others are written `\x{3BB}`),
    /// or `unicode` (UTF-8), as Elixir and Gleam set it and `io:setopts/1`
    /// can choose.
    latin1: std::sync::atomic::AtomicBool,
}

impl Output {
    fn new(capture: bool) -> Output {
        Output {
            buf: Mutex::new(Vec::new()),
            capture: capture.then(|| Mutex::new((Vec::new(), Vec::new()))),
            latin1: std::sync::atomic::AtomicBool::new(false),
        }
    }

    pub fn set_latin1(&self, latin1: bool) {
        self.latin1
            .store(latin1, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn is_latin1(&self) -> bool {
        self.latin1.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Characters written to `standard_io`, encoded as the device is set.
    pub fn out_chars(&self, text: &str) {
        if !self.is_latin1() || text.is_ascii() {
            return self.out(text.as_bytes());
        }
        self.out(&latin1_bytes(text));
    }

    pub fn out(&self, bytes: &[u8]) {
        if let Some(c) = &self.capture {
            c.lock()
                .unwrap_or_else(|e| e.into_inner())
                .0
                .extend_from_slice(bytes);
            return;
        }
        let mut b = self.buf.lock().unwrap_or_else(|e| e.into_inner());
        b.extend_from_slice(bytes);
        if b.len() >= 1 << 16 {
            let mut so = std::io::stdout().lock();
            let _ = so.write_all(&b);
            let _ = so.flush();
            b.clear();
        }
    }

    /// Write to stderr (after flushing what is pending on stdout).
    pub fn err(&self, bytes: &[u8]) {
        if let Some(c) = &self.capture {
            c.lock()
                .unwrap_or_else(|e| e.into_inner())
                .1
                .extend_from_slice(bytes);
            return;
        }
        self.flush();
        let mut se = std::io::stderr().lock();
        let _ = se.write_all(bytes);
        let _ = se.flush();
    }

    pub fn flush(&self) {
        let mut b = self.buf.lock().unwrap_or_else(|e| e.into_inner());
        if !b.is_empty() {
            let mut so = std::io::stdout().lock();
            let _ = so.write_all(&b);
            let _ = so.flush();
            b.clear();
        }
    }

    fn take_captured(&self) -> (String, String) {
        match &self.capture {
            Some(c) => {
                let mut c = c.lock().unwrap_or_else(|e| e.into_inner());
                let out = String::from_utf8_lossy(&std::mem::take(&mut c.0)).into_owned();
                let err = String::from_utf8_lossy(&std::mem::take(&mut c.1)).into_owned();
                (out, err)
            }
            None => (String::new(), String::new()),
        }
    }
}

thread_local! {
    /// The run queue of the scheduler running on this thread, if any.
    static LOCAL: std::cell::OnceCell<Worker<Arc<Process>>> = const { std::cell::OnceCell::new() };
    /// On a scheduler thread: processes spawned during the current time
    /// slice, queued locally when it ends. None on other threads.
    static SPAWNED: std::cell::RefCell<Option<Vec<Arc<Process>>>> =
        const { std::cell::RefCell::new(None) };
}

const SHARDS: usize = 64;
const GLOBAL_FIRST: u64 = 8;

/// pid → process, sharded to keep spawn and send from contending.
/// Hashes a pid (a sequential number) with one multiplication: SipHash
/// showed up in profiles of every send.
#[derive(Default)]
pub(crate) struct PidHasher(u64);

impl std::hash::Hasher for PidHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, i: u64) {
        // Fibonacci hashing: the high bits (which the table's control bytes
        // use) depend on every bit of the pid.
        self.0 = (self.0 ^ i).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type PidMap = HashMap<u64, Arc<Process>, std::hash::BuildHasherDefault<PidHasher>>;

pub(crate) struct ProcTable {
    shards: Vec<Mutex<PidMap>>,
}

impl ProcTable {
    fn new() -> ProcTable {
        ProcTable {
            shards: (0..SHARDS).map(|_| Mutex::new(PidMap::default())).collect(),
        }
    }
    fn shard(&self, pid: u64) -> std::sync::MutexGuard<'_, PidMap> {
        self.shards[(pid as usize) % SHARDS]
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }
    pub(crate) fn get(&self, pid: u64) -> Option<Arc<Process>> {
        self.shard(pid).get(&pid).cloned()
    }
    fn insert(&self, p: Arc<Process>) {
        self.shard(p.pid).insert(p.pid, p);
    }
    fn remove(&self, pid: u64) {
        self.shard(pid).remove(&pid);
    }
    pub(crate) fn all(&self) -> Vec<Arc<Process>> {
        self.shards
            .iter()
            .flat_map(|s| {
                s.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .values()
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct TimerKey(std::cmp::Reverse<(Instant, u64)>);

/// A timer that sends a message (`erlang:send_after`, `start_timer`).
struct MsgTimer {
    deadline: Instant,
    /// A pid or a registered name, resolved when the timer fires.
    dest: Term,
    msg: Fragment,
}

// SAFETY: `dest` is an immediate (pid or atom) and `msg` a fragment the
// timer owns alone until it is delivered; neither points into a process heap.
unsafe impl Send for MsgTimer {}

#[derive(Default)]
struct TimerState {
    /// Deadlines of receive timers (by timer id) and message timers (by
    /// reference id); ids of both kinds never collide: message timers use
    /// reference ids, tagged by the low bit of the key (see `timer_key`).
    heap: BinaryHeap<TimerKey>,
    procs: HashMap<u64, Arc<Process>>,
    msgs: HashMap<u64, MsgTimer>,
}

/// Heap key of a timer: receive timers even, message timers odd.
fn timer_key(id: u64, msg: bool) -> u64 {
    (id << 1) | u64::from(msg)
}

#[derive(Default)]
struct LoadState {
    failed: HashSet<Atom>,
    absent: HashSet<Atom>,
}

/// Shared VM state (everything schedulers and natives reach).
pub struct VmInner {
    pub code: CodeServer,
    natives: RwLock<NativeMap>,
    /// Bootstrap code new processes start in (never shown in stack traces).
    pub boot: &'static ModuleCode,
    pub start: Instant,
    pub output: Output,
    loader: Arc<dyn ModuleLoader>,
    load_state: Mutex<LoadState>,
    pub(crate) procs: ProcTable,
    pub(crate) registry: Mutex<HashMap<Atom, u64>>,
    next_pid: AtomicU64,
    next_ref: AtomicU64,
    injector: Injector<Arc<Process>>,
    stealers: RwLock<Vec<Stealer<Arc<Process>>>>,
    sleep_lock: Mutex<()>,
    sleep_cv: Condvar,
    sleepers: AtomicUsize,
    shutdown: AtomicBool,
    timers: Mutex<TimerState>,
    timer_cv: Condvar,
    next_timer: AtomicU64,
    last_runtime: AtomicU64,
    last_wall: AtomicU64,
    /// Reductions of processes that have ended.
    dead_reductions: AtomicU64,
    /// The distribution layer, once this VM is a node (`start_distribution`).
    pub dist: std::sync::OnceLock<Arc<crate::dist::Dist>>,
    /// logger's primary level as a rank (see `bif::logger`): reports less
    /// severe than this are dropped, the runtime's own crash reports too.
    pub log_level: std::sync::atomic::AtomicU8,
}

fn boot_code() -> &'static ModuleCode {
    Box::leak(Box::new(ModuleCode {
        name: Atom::intern("$boot"),
        file: String::new(),
        code: vec![
            Instr::CallFunLast { arity: 0 },
            Instr::ApplyLast,
            Instr::NormalExit,
        ],
        funs: vec![FunInfo {
            name: Atom::intern("boot"),
            arity: 0,
            nfree: 0,
            entry: 0,
        }],
        exports: Vec::new(),
        imports: Vec::new(),
        lines: Vec::new(),
        uniq: 0,
        literals: Default::default(),
    }))
}

const BOOT_FUN: u32 = 0;
const BOOT_APPLY: u32 = 1;
const BOOT_EXIT: u32 = 2;

impl VmInner {
    pub fn new_ref_id(&self) -> u64 {
        self.next_ref.fetch_add(1, Ordering::Relaxed)
    }

    pub fn lookup(&self, pid: u64) -> Option<Arc<Process>> {
        self.procs.get(pid)
    }

    pub fn is_alive(&self, pid: u64) -> bool {
        self.procs
            .get(pid)
            .is_some_and(|p| p.state() != crate::process::EXITED)
    }

    /// Make a process runnable from any thread. On a scheduler thread it
    /// goes to that scheduler's queue (locality: a spawner or sender keeps
    /// running and the new or woken process runs next there, unless stolen).
    ///
    /// A scheduler wakes a sleeping one only when its own queue holds more
    /// than the process just queued: that one process runs here as soon as
    /// the current one yields or waits (within one time slice), while waking
    /// a sleeper for it would move it to the other core, so a message
    /// exchange (ping-pong, call/reply, a yielding loop) would bounce between
    /// cores with a futex wake-up per message. A second queued process is
    /// surplus work, and a sleeper is woken to steal it (as the BEAM wakes
    /// other schedulers only when run queues grow).
    pub fn enqueue(&self, p: Arc<Process>) {
        let surplus = LOCAL.with(|l| match l.get() {
            Some(w) => {
                w.push(p);
                Ok(w.len() > 1)
            }
            None => Err(p),
        });
        match surplus {
            Ok(false) => {}
            Ok(true) => self.wake_one(),
            Err(p) => {
                self.injector.push(p);
                self.wake_one();
            }
        }
    }

    fn wake_one(&self) {
        if self.sleepers.load(Ordering::SeqCst) > 0 {
            let _g = self.sleep_lock.lock().unwrap_or_else(|e| e.into_inner());
            self.sleep_cv.notify_one();
        }
    }

    fn new_body(&self, pc: u32) -> ProcBody {
        let pid = self.next_pid.fetch_add(1, Ordering::Relaxed);
        let mut body = ProcBody::new(pid, self.boot, pc);
        body.frames.push(Frame {
            code: self.boot,
            ret: BOOT_EXIT,
            ybase: 0,
        });
        body
    }

    fn start(&self, body: ProcBody, system: bool) -> u64 {
        self.start_with(body, system, &SpawnOpts::default(), None)
    }

    /// Start a process; with `opts.link`/`opts.monitor` the link or monitor
    /// with `parent` exists before the child runs its first instruction
    /// (as `spawn_link`/`spawn_monitor` promise).
    fn start_with(
        &self,
        body: ProcBody,
        system: bool,
        opts: &SpawnOpts,
        parent: Option<&Arc<Process>>,
    ) -> u64 {
        let mut body = body;
        if opts.max_heap.is_some() {
            body.max_heap = opts.max_heap;
        }
        body.group_leader = opts.group_leader;
        if let Some(n) = opts.fullsweep_after {
            body.heap.set_fullsweep_after(n);
        }
        if let Some(n) = opts.min_heap_size {
            body.heap.set_min_heap_size(n);
        }
        let pid = body.pid;
        let p = Arc::new(Process::new(pid, body, system));
        if let Some(x) = opts.remote_link {
            p.signals().remote_links.insert(x);
        }
        if let Some((r, x)) = opts.remote_monitor {
            p.signals().remote_watchers.insert(r, (x, None));
        }
        if let Some(parent) = parent {
            if opts.link {
                parent.signals().links.insert(pid);
                p.signals().links.insert(parent.pid);
            }
            if let Some(r) = opts.monitor {
                parent.signals().monitors.insert(
                    r,
                    crate::process::HeldMonitor {
                        target: pid,
                        name: crate::process::MonitorName::Pid,
                    },
                );
                p.signals().monitored_by.insert(r, parent.pid);
            }
        }
        self.procs.insert(p.clone());
        // Spawned by a running process: the child waits in this scheduler's
        // queue until the parent's time slice ends (as on the BEAM), so the
        // parent's next operations (`monitor`, `link`, a send) come first.
        let p = SPAWNED.with(|s| match s.borrow_mut().as_mut() {
            Some(v) => {
                v.push(p);
                None
            }
            None => Some(p),
        });
        if let Some(p) = p {
            self.enqueue(p);
        }
        pid
    }

    /// spawn(Fun): the fun is copied into the new process.
    pub fn spawn_fun(&self, fun: Term) -> u64 {
        self.spawn_fun_opts(fun, &SpawnOpts::default(), None)
    }

    pub fn spawn_fun_opts(
        &self,
        fun: Term,
        opts: &SpawnOpts,
        parent: Option<&Arc<Process>>,
    ) -> u64 {
        let frag = heap::copy_to_fragment(fun);
        let mut body = self.new_body(BOOT_FUN);
        body.saved_x = vec![frag.term];
        body.heap.attach(frag.block);
        body.initial_call = initial_call_of(fun);
        self.start_with(body, false, opts, parent)
    }

    /// spawn(M, F, Args).
    pub fn spawn_mfa(&self, m: Term, f: Term, args: Term) -> u64 {
        self.spawn_mfa_opts(m, f, args, &SpawnOpts::default(), None)
    }

    pub fn spawn_mfa_opts(
        &self,
        m: Term,
        f: Term,
        args: Term,
        opts: &SpawnOpts,
        parent: Option<&Arc<Process>>,
    ) -> u64 {
        let frag = heap::copy_to_fragment(args);
        let mut body = self.new_body(BOOT_APPLY);
        body.saved_x = vec![m, f, frag.term];
        body.heap.attach(frag.block);
        if let (Some(m), Some(f), Some(n)) = (m.as_atom(), f.as_atom(), args.list_len()) {
            body.initial_call = Some((m, f, n as u32));
        }
        self.start_with(body, false, opts, parent)
    }

    /// Send `msg` to a pid or registered name. False if the name is unknown
    /// or `dest` is not a pid/atom (badarg); sending to a dead pid succeeds.
    pub fn send(&self, dest: Term, msg: Term) -> bool {
        let pid = match (dest.as_pid(), dest.as_atom()) {
            (Some(pid), _) => pid,
            (None, Some(name)) => match self.whereis(name) {
                Some(pid) => pid,
                None => return false,
            },
            _ => return false,
        };
        if let Some(p) = self.procs.get(pid) {
            self.deliver(&p, heap::copy_to_fragment(msg));
        }
        true
    }

    pub(crate) fn deliver(&self, p: &Arc<Process>, frag: Fragment) {
        if p.deliver(frag) {
            self.enqueue(p.clone());
        }
    }

    pub fn register(&self, name: Atom, pid: u64) -> bool {
        let mut r = self.registry.lock().unwrap_or_else(|e| e.into_inner());
        if r.contains_key(&name) || r.values().any(|&p| p == pid) || !self.is_alive(pid) {
            return false;
        }
        r.insert(name, pid);
        true
    }

    pub fn unregister(&self, name: Atom) -> bool {
        self.registry
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&name)
            .is_some()
    }

    pub fn whereis(&self, name: Atom) -> Option<u64> {
        self.registry
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&name)
            .copied()
    }

    pub(crate) fn kill(&self, p: &Arc<Process>) {
        p.killed.store(true, Ordering::SeqCst);
        if p.notify() {
            self.enqueue(p.clone());
        }
    }

    /// The reason a killed process exits with (moved into its heap).
    pub fn take_exit_reason(&self, me: &Process, p: &mut ProcBody) -> Term {
        match me
            .exit_reason
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            Some(f) => {
                let t = f.term;
                p.heap.attach(f.block);
                t
            }
            None => Term::atom(Atom::KILLED),
        }
    }

    /// Arm a receive timer; returns its id.
    pub fn arm_timer(&self, ms: u64, p: &Arc<Process>) -> u64 {
        let id = self.next_timer.fetch_add(1, Ordering::Relaxed);
        let deadline = Instant::now() + Duration::from_millis(ms);
        let mut t = self.timers.lock().unwrap_or_else(|e| e.into_inner());
        t.heap.push(TimerKey(std::cmp::Reverse((
            deadline,
            timer_key(id, false),
        ))));
        t.procs.insert(id, p.clone());
        self.timer_cv.notify_one();
        id
    }

    /// Forget a receive timer whose receive got a message first, so it
    /// neither wakes the process later nor keeps it alive in the table.
    pub fn cancel_timer(&self, id: u64) {
        let mut t = self.timers.lock().unwrap_or_else(|e| e.into_inner());
        t.procs.remove(&id);
    }

    /// Start a message timer with reference id `r`.
    pub fn start_msg_timer(&self, ms: u64, r: u64, dest: Term, msg: Fragment) {
        let deadline = Instant::now() + Duration::from_millis(ms);
        let mut t = self.timers.lock().unwrap_or_else(|e| e.into_inner());
        t.heap
            .push(TimerKey(std::cmp::Reverse((deadline, timer_key(r, true)))));
        t.msgs.insert(
            r,
            MsgTimer {
                deadline,
                dest,
                msg,
            },
        );
        self.timer_cv.notify_one();
    }

    /// Milliseconds left, rounded up as the BEAM does.
    fn ms_left(deadline: Instant) -> u64 {
        let left = deadline.saturating_duration_since(Instant::now());
        left.as_micros().div_ceil(1000) as u64
    }

    /// Cancel a message timer: the time it had left, or None if it fired
    /// or never existed. (Its heap entry is skipped when it comes due.)
    pub fn cancel_msg_timer(&self, r: u64) -> Option<u64> {
        let m = self
            .timers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .msgs
            .remove(&r)?;
        Some(Self::ms_left(m.deadline))
    }

    pub fn read_msg_timer(&self, r: u64) -> Option<u64> {
        let t = self.timers.lock().unwrap_or_else(|e| e.into_inner());
        t.msgs.get(&r).map(|m| Self::ms_left(m.deadline))
    }

    /// Send an already copied message to a pid or name (false: no such name).
    fn send_fragment(&self, dest: Term, msg: Fragment) -> bool {
        let pid = match (dest.as_pid(), dest.as_atom()) {
            (Some(pid), _) => pid,
            (None, Some(name)) => match self.whereis(name) {
                Some(pid) => pid,
                None => return false,
            },
            _ => return false,
        };
        if let Some(p) = self.procs.get(pid) {
            self.deliver(&p, msg);
        }
        true
    }

    pub fn registered_names(&self) -> Vec<Atom> {
        self.registry
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .keys()
            .copied()
            .collect()
    }

    pub fn name_of(&self, pid: u64) -> Option<Atom> {
        self.registry
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|(_, p)| **p == pid)
            .map(|(n, _)| *n)
    }

    /// Pids of live processes, in creation order.
    pub fn live_pids(&self) -> Vec<u64> {
        let mut v: Vec<u64> = self
            .procs
            .all()
            .iter()
            .filter(|p| p.state() != crate::process::EXITED)
            .map(|p| p.pid)
            .collect();
        v.sort_unstable();
        v
    }

    pub fn scheduler_count(&self) -> usize {
        self.stealers
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }

    /// No fixed limit: the BEAM's default, reported for compatibility.
    pub fn process_limit(&self) -> usize {
        262_144
    }

    /// `statistics(runtime | wall_clock)`: total ms since the VM started and
    /// ms since the previous call of the same kind.
    pub fn clock_sample(&self, runtime: bool) -> (u64, u64) {
        let now = self.start.elapsed().as_millis() as u64;
        let cell = if runtime {
            &self.last_runtime
        } else {
            &self.last_wall
        };
        let prev = cell.swap(now, Ordering::SeqCst);
        (now, now.saturating_sub(prev))
    }

    /// Reductions of processes that have ended plus those of live processes
    /// at their last time slice.
    pub fn total_reductions(&self) -> u64 {
        self.dead_reductions.load(Ordering::Relaxed)
            + self
                .procs
                .all()
                .iter()
                .map(|p| p.reductions.load(Ordering::Relaxed))
                .sum::<u64>()
    }

    /// Bytes in use, from the runtime's own accounting: process heaps,
    /// stacks and queues as of each process's last time slice; atoms; code.
    pub fn memory_usage(&self) -> MemoryUsage {
        let procs = self.procs.all();
        let processes: usize = procs
            .iter()
            .map(|p| {
                p.words.load(Ordering::Relaxed) * 8
                    + std::mem::size_of::<Process>()
                    + std::mem::size_of::<ProcBody>()
            })
            .sum();
        let atom = crate::term::atom::table_bytes();
        let code = self.code.bytes();
        let binary = crate::term::binary::off_heap_bytes();
        MemoryUsage {
            processes,
            system: atom + code + binary,
            atom,
            binary,
            code,
        }
    }

    fn timer_loop(&self) {
        let mut t = self.timers.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if self.shutdown.load(Ordering::SeqCst) {
                return;
            }
            let now = Instant::now();
            let next = t.heap.peek().map(|k| k.0 .0);
            match next {
                Some((deadline, key)) if deadline <= now => {
                    t.heap.pop();
                    let id = key >> 1;
                    if key & 1 == 1 {
                        if let Some(m) = t.msgs.remove(&id) {
                            // Deliver outside the timer lock.
                            drop(t);
                            let _ = self.send_fragment(m.dest, m.msg);
                            t = self.timers.lock().unwrap_or_else(|e| e.into_inner());
                        }
                    } else if let Some(p) = t.procs.remove(&id) {
                        // Ids only grow, and a process's current receive
                        // timer is its newest: a stale timer firing late
                        // (its receive got a message; see `cancel_timer`)
                        // must not overwrite the current one's firing.
                        p.timer_fired.fetch_max(id, Ordering::SeqCst);
                        if p.notify() {
                            self.enqueue(p);
                        }
                    }
                }
                Some((deadline, _)) => {
                    t = self
                        .timer_cv
                        .wait_timeout(t, deadline - now)
                        .map(|(g, _)| g)
                        .unwrap_or_else(|e| e.into_inner().0);
                }
                None => {
                    t = self.timer_cv.wait(t).unwrap_or_else(|e| e.into_inner());
                }
            }
        }
    }

    /// halt/0,1: flush output and end the OS process, as `erlang:halt` does.
    pub fn halt(&self, code: i32) -> Result<Term, Trap> {
        self.output.flush();
        let _ = std::io::stderr().flush();
        std::process::exit(code)
    }

    /// Load `m` through the loader if it is not loaded. True if loaded now.
    pub fn ensure_loaded(&self, m: Atom) -> bool {
        if self.code.module(m).is_some() {
            return true;
        }
        let mut st = self.load_state.lock().unwrap_or_else(|e| e.into_inner());
        if self.code.module(m).is_some() {
            return true;
        }
        if st.failed.contains(&m) || st.absent.contains(&m) {
            return false;
        }
        let loader = self.loader.clone();
        let name = m.text();
        let r = with_big_stack(move || loader.load(name))
            .unwrap_or_else(|| Some(Err(format!("loading module {name} crashed"))));
        match r {
            None => {
                st.absent.insert(m);
                false
            }
            Some(Err(text)) => {
                self.output.err(format!("{}\n", text.trim_end()).as_bytes());
                st.failed.insert(m);
                false
            }
            Some(Ok(mods)) => {
                for md in &mods {
                    if let Err(e) = self.compile_and_install(md) {
                        self.output.err(format!("{e}\n").as_bytes());
                    }
                }
                if self.code.module(m).is_none() {
                    st.absent.insert(m);
                }
                self.code.module(m).is_some()
            }
        }
    }

    /// Compile source at run time through the loader and install the
    /// result (see [`ModuleLoader::compile_chunk`]).
    pub fn compile_chunk(
        &self,
        lang: &str,
        module: &str,
        chunk: &str,
        text: &[u8],
    ) -> Result<(), (u32, String)> {
        let loader = self.loader.clone();
        let (l, m, ch, tx) = (
            lang.to_string(),
            module.to_string(),
            chunk.to_string(),
            text.to_vec(),
        );
        let r = with_big_stack(move || loader.compile_chunk(&l, &m, &ch, &tx))
            .unwrap_or_else(|| Some(Err((0, "compiling the chunk crashed".into()))));
        match r {
            None => Err((
                0,
                format!("not supported yet: compiling {lang} at run time"),
            )),
            Some(Err(e)) => Err(e),
            Some(Ok(mods)) => {
                for md in &mods {
                    self.load_ir(md).map_err(|e| (0, e))?;
                }
                Ok(())
            }
        }
    }

    /// Compile a source file of language `lang` at run time through the
    /// loader (`compile_chunk` with an empty module name) and install its
    /// modules, as the LFE shell's `(c "file.lfe")` does. Returns the
    /// modules' names, or the rendered diagnostics.
    pub fn compile_file(&self, lang: &str, path: &str, text: &[u8]) -> Result<Vec<String>, String> {
        let loader = self.loader.clone();
        let (l, p, tx) = (lang.to_string(), path.to_string(), text.to_vec());
        let r = with_big_stack(move || loader.compile_chunk(&l, "", &p, &tx))
            .unwrap_or_else(|| Some(Err((0, "compiling the file crashed".into()))));
        match r {
            None => Err(format!("not supported yet: compiling {lang} at run time")),
            Some(Err((_, e))) => Err(e),
            Some(Ok(mods)) => {
                for md in &mods {
                    self.load_ir(md)?;
                }
                Ok(mods.iter().map(|m| m.name.clone()).collect())
            }
        }
    }

    /// Compile and install an IR module (from outside the loader).
    pub fn load_ir(&self, module: &eubeam_ir::Module) -> Result<(), String> {
        self.compile_and_install(module)?;
        let name = Atom::intern(&module.name);
        self.load_state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .absent
            .remove(&name);
        Ok(())
    }

    fn compile_and_install(&self, module: &eubeam_ir::Module) -> Result<(), String> {
        let natives = self.natives.read().unwrap_or_else(|e| e.into_inner());
        let code = with_big_stack(|| crate::compile::compile_module(module, &natives, &self.code))
            .unwrap_or_else(|| Err("internal compiler error".into()))
            .map_err(|e| format!("{}: cannot load module {}: {e}", module.file, module.name))?;
        drop(natives);
        self.code.install(code);
        Ok(())
    }

    pub fn register_native(&self, m: &str, f: &str, arity: u32, nf: NativeFn, inline: bool) {
        let (m, f) = (Atom::intern(m), Atom::intern(f));
        self.natives
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert((m, f, arity), (nf, inline));
        let _ = self.code.entry(m, f, arity).native.set(nf);
    }

    /// Steal work: the global queue first, then the other schedulers.
    /// Every `GLOBAL_FIRST`-th pick looks at the global queue before the
    /// local one, so processes woken or spawned there are not starved by
    /// busy processes that keep yielding to the local queue (and vice versa).
    fn find_work(&self, local: &Worker<Arc<Process>>, tick: u64) -> Option<Arc<Process>> {
        if !tick.is_multiple_of(GLOBAL_FIRST) {
            if let Some(p) = local.pop() {
                return Some(p);
            }
        }
        loop {
            match self.injector.steal_batch_and_pop(local) {
                Steal::Success(p) => return Some(p),
                Steal::Retry => continue,
                Steal::Empty => break,
            }
        }
        if let Some(p) = local.pop() {
            return Some(p);
        }
        let stealers = self.stealers.read().unwrap_or_else(|e| e.into_inner());
        for s in stealers.iter() {
            loop {
                match s.steal() {
                    Steal::Success(p) => return Some(p),
                    Steal::Retry => continue,
                    Steal::Empty => break,
                }
            }
        }
        None
    }

    fn has_work(&self) -> bool {
        if !self.injector.is_empty() {
            return true;
        }
        let stealers = self.stealers.read().unwrap_or_else(|e| e.into_inner());
        stealers.iter().any(|s| !s.is_empty())
    }

    /// Sleep until work may be available. The sleeper count is raised before
    /// the final check and wakers notify under the same lock, so a wake-up
    /// between the check and the wait cannot be lost.
    fn park(&self) {
        self.output.flush();
        let g = self.sleep_lock.lock().unwrap_or_else(|e| e.into_inner());
        self.sleepers.fetch_add(1, Ordering::SeqCst);
        if self.has_work() || self.shutdown.load(Ordering::SeqCst) {
            self.sleepers.fetch_sub(1, Ordering::SeqCst);
            return;
        }
        let _ = self.sleep_cv.wait_timeout(g, Duration::from_millis(500));
        self.sleepers.fetch_sub(1, Ordering::SeqCst);
    }

    fn scheduler_loop(&self, local: Worker<Arc<Process>>) {
        LOCAL.with(|l| {
            let _ = l.set(local);
        });
        SPAWNED.with(|s| *s.borrow_mut() = Some(Vec::new()));
        let mut x = vec![Term::NIL; MAX_X];
        let mut tick = 0u64;
        while !self.shutdown.load(Ordering::SeqCst) {
            tick = tick.wrapping_add(1);
            let next = LOCAL.with(|l| l.get().and_then(|w| self.find_work(w, tick)));
            match next {
                Some(p) => {
                    self.run_process(p, &mut x);
                    let spawned = SPAWNED.with(|s| s.borrow_mut().as_mut().map(std::mem::take));
                    if let Some(v) = spawned {
                        if !v.is_empty() {
                            for c in v {
                                self.enqueue(c);
                            }
                        }
                    }
                }
                None => self.park(),
            }
        }
    }

    fn run_process(&self, p: Arc<Process>, x: &mut [Term]) {
        if p.state() != RUNNABLE {
            return;
        }
        p.set_running();
        let mut guard = p.body.lock().unwrap_or_else(|e| e.into_inner());
        let Some(body) = guard.as_mut() else {
            return;
        };
        let result = if p.killed.load(Ordering::SeqCst) {
            RunResult::Exit {
                reason: self.take_exit_reason(&p, body),
                report: false,
            }
        } else {
            interp::run(body, &p, self, x)
        };
        let result = match body.heap_limit_hit.take() {
            Some(total) if !matches!(result, RunResult::Exit { .. }) => {
                match self.heap_limit_reached(&p, body, total) {
                    Some(reason) => RunResult::Exit {
                        reason,
                        report: false,
                    },
                    None => result,
                }
            }
            _ => result,
        };
        p.words.store(
            body.heap.reserved_words() + body.stack_words() + body.queue_words,
            Ordering::Relaxed,
        );
        p.reductions.store(body.reductions, Ordering::Relaxed);
        match result {
            RunResult::Yield => {
                if p.killed.load(Ordering::SeqCst) {
                    let reason = self.take_exit_reason(&p, body);
                    self.finish(&p, &mut guard, reason, false);
                    return;
                }
                drop(guard);
                p.set_runnable();
                self.enqueue(p);
            }
            RunResult::Wait => {}
            RunResult::Exit { reason, report } => self.finish(&p, &mut guard, reason, report),
        }
    }

    /// A process ended: report, notify, unregister, free its memory.
    fn finish(
        &self,
        p: &Arc<Process>,
        guard: &mut Option<Box<ProcBody>>,
        reason: Term,
        report: bool,
    ) {
        let Some(body) = guard.take() else {
            return;
        };
        if report {
            self.crash_report(p.pid, reason);
        }
        // The name goes first, as on the BEAM: whoever sees the 'DOWN' or
        // 'EXIT' may register it again. Any process may have registered
        // this one, so look by pid (the registry is small).
        {
            let pid = p.pid;
            let mut r = self.registry.lock().unwrap_or_else(|e| e.into_inner());
            if !r.is_empty() {
                r.retain(|_, v| *v != pid);
            }
        }
        // Links and monitors (the reason still lives in the body's heap).
        self.signal_exit(p, reason);
        p.set_exited();
        self.procs.remove(p.pid);
        if let Some(tx) = &body.exit_notify {
            let _ = tx.send(reason == Term::atom(Atom::NORMAL));
        }
        self.dead_reductions
            .fetch_add(body.reductions, Ordering::Relaxed);
        drop(body);
    }

    /// A collection left the heap above `max_heap_size`: report as OTP does
    /// and end the process with `killed` when the limit says so.
    fn heap_limit_reached(&self, p: &Arc<Process>, body: &ProcBody, total: usize) -> Option<Term> {
        let m = body.max_heap?;
        if m.error_logger {
            let text = format!(
                "=ERROR REPORT==== {} ===\n{}\n",
                timestamp(),
                max_heap_report(p, body, m, total)
            );
            self.output.err(text.as_bytes());
        }
        m.kill.then_some(Term::atom(Atom::KILLED))
    }

    fn crash_report(&self, pid: u64, reason: Term) {
        if !crate::bif::logger::enabled(self, crate::bif::logger::ERROR) {
            return;
        }
        let text = format!(
            "=ERROR REPORT==== {} ===\nError in process {} with exit value:\n{}\n\n",
            timestamp(),
            pid_string(pid),
            crate::format::print_p(&to_pterm(reason))
        );
        self.output.err(text.as_bytes());
    }

    /// Stop every non-system process (the end of `Vm::run`).
    fn stop_others(&self) {
        for p in self.procs.all() {
            if !p.system {
                *p.exit_reason.lock().unwrap_or_else(|e| e.into_inner()) =
                    Some(Box::new(Fragment {
                        term: Term::atom(Atom::KILLED),
                        block: None,
                    }));
                self.kill(&p);
                // Already gone from the caller's point of view.
                self.procs.remove(p.pid);
            }
        }
        self.registry
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|_, pid| self.procs.get(*pid).is_some());
    }
}

/// `erlang:memory()` figures, in bytes.
pub struct MemoryUsage {
    pub processes: usize,
    pub system: usize,
    pub atom: usize,
    pub binary: usize,
    pub code: usize,
}

/// Options of `spawn_opt` (and what `spawn_link`/`spawn_monitor` mean).
#[derive(Default, Clone, Copy)]
pub struct SpawnOpts {
    pub link: bool,
    /// The monitor reference id, when the parent monitors the child.
    pub monitor: Option<u64>,
    pub max_heap: Option<crate::process::MaxHeap>,
    pub fullsweep_after: Option<u32>,
    pub min_heap_size: Option<usize>,
    /// The child's group leader (the parent's; 0: standard output).
    pub group_leader: u64,
    /// A spawn requested by another node (`SPAWN_REQUEST`): link to this
    /// remote pid before the child runs.
    pub remote_link: Option<crate::term::ExtPid>,
    /// ... and/or be monitored by it with this reference.
    pub remote_monitor: Option<(crate::term::ExtRef, crate::term::ExtPid)>,
}

/// `initial_call` of a process spawned with a fun: `{erlang, apply, 2}`, as
/// on the BEAM (`proc_lib` would show the fun; plain spawn does not).
fn initial_call_of(_fun: Term) -> Option<(Atom, Atom, u32)> {
    Some((Atom::ERLANG, Atom::APPLY, 2))
}

/// `24-Nov-2026::23:31:07.262367` in UTC (the local time of this machine).
/// The body of the `max_heap_size` error report, laid out as OTP 25's
/// (`erl_gc.c`, `reached_max_heap_size`): the same format string, so `~p`
/// lays out the `GC Info` list from its column as `io_lib:format` does.
/// The figures are this runtime's (words; see `heap::gc::GcInfo`).
fn max_heap_report(
    p: &Process,
    body: &ProcBody,
    m: crate::process::MaxHeap,
    total: usize,
) -> String {
    use crate::format::PTerm;
    let g = body.heap.gc_info();
    let int = |n: usize| PTerm::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let kv = |k: &str, n: usize| PTerm::Tuple(vec![PTerm::Atom(k.to_string()), int(n)]);
    let info = PTerm::List(
        vec![
            kv("old_heap_block_size", g.old_heap_block_size),
            kv("heap_block_size", g.heap_block_size),
            kv("mbuf_size", g.mbuf_size),
            kv("recent_size", g.recent_size),
            kv("stack_size", body.stack_words()),
            kv("old_heap_size", g.old_heap_size),
            kv("heap_size", g.heap_size),
            kv("bin_vheap_size", g.bin_vheap_size),
            kv("bin_vheap_block_size", crate::heap::MIN_BIN_VHEAP_SIZE),
            kv("bin_old_vheap_size", g.bin_old_vheap_size),
            kv("bin_old_vheap_block_size", g.bin_old_vheap_block_size),
        ],
        None,
    );
    let atom = |b: bool| PTerm::Atom(b.to_string());
    let args = [
        PTerm::Pid(pid_string(p.pid)),
        int(m.size),
        int(total),
        atom(m.kill),
        atom(m.error_logger),
        int(body.queue.len() + p.inbox_len()),
        info,
    ];
    crate::format::format_str(
        "     Process:            ~p ~n     Context:            maximum heap size reached~n     Max Heap Size:      ~p~n     Total Heap Size:    ~p~n     Kill:               ~p~n     Error Logger:       ~p~n     Message Queue Len:  ~p~n     GC Info:            ~p~n",
        &args,
    )
    .unwrap_or_default()
}

pub(crate) fn timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs() as i64;
    let micros = now.subsec_micros();
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let (h, mi, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    // Civil date from days since the epoch (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}-{}-{}::{:02}:{:02}:{:02}.{:06}",
        d,
        MONTHS[(m - 1) as usize],
        y,
        h,
        mi,
        s,
        micros
    )
}

/// The runtime.
/// The modules and exported functions of a VM, for the shell's completion:
/// loaded modules and natives; `functions` loads a module on first ask.
#[derive(Clone)]
pub struct CodeCatalog {
    inner: Arc<VmInner>,
}

impl CodeCatalog {
    /// Every loaded module and every module with a native function.
    pub fn modules(&self) -> Vec<String> {
        let mut names: Vec<String> = {
            let natives = self.inner.natives.read().unwrap_or_else(|e| e.into_inner());
            natives
                .keys()
                .map(|(m, _, _)| m.text().to_string())
                .collect()
        };
        names.extend(
            self.inner
                .code
                .module_names()
                .iter()
                .map(|m| m.text().to_string()),
        );
        names.sort();
        names.dedup();
        names
    }

    /// `module`'s exported functions and natives, sorted; loads the module
    /// through the loader if it is not loaded (a library module).
    pub fn functions(&self, module: &str) -> Vec<(String, u32)> {
        let m = Atom::intern(module);
        self.inner.ensure_loaded(m);
        let mut funs: Vec<(String, u32)> = {
            let natives = self.inner.natives.read().unwrap_or_else(|e| e.into_inner());
            natives
                .keys()
                .filter(|(nm, _, _)| *nm == m)
                .map(|(_, f, a)| (f.text().to_string(), *a))
                .collect()
        };
        if let Some(code) = self.inner.code.module(m) {
            funs.extend(
                code.exports
                    .iter()
                    .map(|(f, a, _)| (f.text().to_string(), *a)),
            );
        }
        funs.sort();
        funs.dedup();
        funs
    }
}

pub struct Vm {
    pub(crate) inner: Arc<VmInner>,
    threads: Vec<JoinHandle<()>>,
}

impl Vm {
    /// Sets `standard_io` to write latin1 (`true`, as `erl -noshell` does)
    /// or UTF-8 (`false`, the default; Elixir's and Gleam's setting).
    pub fn set_stdio_latin1(&self, latin1: bool) {
        self.inner.output.set_latin1(latin1);
    }

    pub fn new(config: VmConfig, loader: Arc<dyn ModuleLoader>) -> Vm {
        Vm::build(config, loader, false)
    }

    /// A VM whose output is captured instead of written (tests, tools):
    /// read it with [`Vm::take_output`].
    pub fn new_captured(config: VmConfig, loader: Arc<dyn ModuleLoader>) -> Vm {
        Vm::build(config, loader, true)
    }

    fn build(config: VmConfig, loader: Arc<dyn ModuleLoader>, capture: bool) -> Vm {
        let n = if config.schedulers == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            config.schedulers
        };
        let mut natives = NativeMap::new();
        let code = CodeServer::default();
        for (m, f, a, nf, inline) in crate::bif::all() {
            let (m, f) = (Atom::intern(m), Atom::intern(f));
            natives.insert((m, f, a), (nf, inline));
            let _ = code.entry(m, f, a).native.set(nf);
        }
        for (name, f, a, nf) in crate::prelude::natives() {
            let (m, f) = (Atom::intern(name), Atom::intern(f));
            natives.insert((m, f, a), (nf, false));
            let _ = code.entry(m, f, a).native.set(nf);
        }
        let inner = Arc::new(VmInner {
            code,
            natives: RwLock::new(natives),
            boot: boot_code(),
            start: Instant::now(),
            output: Output::new(capture),
            loader,
            load_state: Mutex::new(LoadState::default()),
            procs: ProcTable::new(),
            registry: Mutex::new(HashMap::new()),
            next_pid: AtomicU64::new(80),
            next_ref: AtomicU64::new(1),
            injector: Injector::new(),
            stealers: RwLock::new(Vec::new()),
            sleep_lock: Mutex::new(()),
            sleep_cv: Condvar::new(),
            sleepers: AtomicUsize::new(0),
            shutdown: AtomicBool::new(false),
            timers: Mutex::new(TimerState::default()),
            timer_cv: Condvar::new(),
            next_timer: AtomicU64::new(1),
            last_runtime: AtomicU64::new(0),
            last_wall: AtomicU64::new(0),
            dead_reductions: AtomicU64::new(0),
            dist: std::sync::OnceLock::new(),
            log_level: std::sync::atomic::AtomicU8::new(crate::bif::logger::DEFAULT_LEVEL),
        });
        for m in crate::prelude::modules()
            .into_iter()
            .chain(crate::lua::rt::modules())
        {
            if let Err(e) = inner.load_ir(&m) {
                inner.output.err(format!("{e}\n").as_bytes());
            }
        }
        let workers: Vec<Worker<Arc<Process>>> = (0..n).map(|_| Worker::new_fifo()).collect();
        *inner.stealers.write().unwrap_or_else(|e| e.into_inner()) =
            workers.iter().map(Worker::stealer).collect();
        let mut threads = Vec::new();
        for (i, w) in workers.into_iter().enumerate() {
            let vm = inner.clone();
            if let Ok(h) = std::thread::Builder::new()
                .name(format!("eubeam-sched-{}", i + 1))
                .stack_size(SCHED_STACK)
                .spawn(move || vm.scheduler_loop(w))
            {
                threads.push(h);
            }
        }
        let vm = inner.clone();
        if let Ok(h) = std::thread::Builder::new()
            .name("eubeam-timers".into())
            .spawn(move || vm.timer_loop())
        {
            threads.push(h);
        }
        Vm { inner, threads }
    }

    /// Compile and install a module (replacing an older version).
    /// Make this VM (and OS process) the distributed node `cfg.name`:
    /// listen, register with epmd, accept connections, and start the
    /// library's `net_kernel` and `rex` servers (`net_kernel:'$init'/0`,
    /// `rpc:'$rex'/0`, found through the loader). See `dist`.
    pub fn start_distribution(&self, cfg: &crate::dist::NodeConfig) -> std::io::Result<()> {
        let d = crate::dist::Dist::start(&self.inner, cfg)?;
        if self.inner.dist.set(d).is_err() {
            return Err(std::io::Error::other("distribution already started"));
        }
        // Registered here, before any connection can ask for them.
        for (name, m, f) in [
            ("net_kernel", "net_kernel", "$init"),
            ("rex", "rpc", "$rex"),
        ] {
            let pid = self.inner.spawn_mfa(
                Term::atom(Atom::intern(m)),
                Term::atom(Atom::intern(f)),
                Term::NIL,
            );
            self.inner.register(Atom::intern(name), pid);
        }
        Ok(())
    }

    pub fn load_module(&self, module: &eubeam_ir::Module) -> Result<(), String> {
        self.inner.load_ir(module)
    }

    /// Register a native function `module:function/arity`. Call before the
    /// modules that use it are loaded. `inline` natives (pure, no traps) may
    /// be compiled to direct instructions and used in guards.
    pub fn register_native(
        &self,
        module: &str,
        function: &str,
        arity: u32,
        f: NativeFn,
        inline: bool,
    ) {
        self.inner
            .register_native(module, function, arity, f, inline);
    }

    /// Run module:function(args) in a fresh entry process and wait for it.
    pub fn run(&self, module: &str, function: &str, args: Vec<eubeam_ir::Literal>) -> Outcome {
        let list = eubeam_ir::Literal::list(args);
        let frag = match heap::literal_fragment(&list) {
            Ok(f) => f,
            Err(e) => {
                self.inner
                    .output
                    .err(format!("cannot pass the arguments: {e}\n").as_bytes());
                return Outcome::Crashed;
            }
        };
        let (tx, rx) = mpsc::channel();
        let mut body = self.inner.new_body(BOOT_APPLY);
        body.saved_x = vec![
            Term::atom(Atom::intern(module)),
            Term::atom(Atom::intern(function)),
            frag.term,
        ];
        body.heap.attach(frag.block);
        body.exit_notify = Some(tx);
        self.inner.start(body, false);
        let ok = rx.recv().unwrap_or(false);
        self.inner.stop_others();
        self.inner.output.flush();
        if ok {
            Outcome::Returned
        } else {
            Outcome::Crashed
        }
    }

    /// What the shell's tab completion can see (see [`CodeCatalog`]).
    pub fn code_catalog(&self) -> CodeCatalog {
        CodeCatalog {
            inner: self.inner.clone(),
        }
    }

    /// A long-lived shell process.
    pub fn shell(&self) -> Shell {
        Shell::start(self.inner.clone())
    }

    /// Captured (stdout, stderr) so far, for a VM made with [`Vm::new_captured`].
    pub fn take_output(&self) -> (String, String) {
        self.inner.output.take_captured()
    }

    /// Number of live processes.
    pub fn process_count(&self) -> usize {
        self.inner.procs.all().len()
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        self.inner.output.flush();
        self.inner.shutdown.store(true, Ordering::SeqCst);
        {
            let _g = self
                .inner
                .sleep_lock
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            self.inner.sleep_cv.notify_all();
        }
        {
            let _t = self.inner.timers.lock().unwrap_or_else(|e| e.into_inner());
            self.inner.timer_cv.notify_all();
        }
        for h in self.threads.drain(..) {
            let _ = h.join();
        }
    }
}

/// A REPL's process: the same process evaluates every input.
pub struct Shell {
    vm: Arc<VmInner>,
    pid: u64,
    rx: mpsc::Receiver<Result<String, String>>,
}

impl Shell {
    fn start(vm: Arc<VmInner>) -> Shell {
        let (tx, rx) = mpsc::channel();
        let mut body = vm.new_body(BOOT_APPLY);
        let list = heap::list(&mut body.heap, &[Term::NIL]);
        body.saved_x = vec![
            Term::atom(Atom::intern(crate::prelude::SHELL_MODULE)),
            Term::atom(Atom::intern("loop")),
            list,
        ];
        body.host_reply = Some(tx);
        let pid = vm.start(body, true);
        Shell { vm, pid, rx }
    }

    pub fn pid(&self) -> u64 {
        self.pid
    }

    /// Evaluate one shell input in the shell's process.
    pub fn eval(
        &mut self,
        module: &eubeam_ir::Module,
        style: eubeam_ir::ValueStyle,
    ) -> Result<String, String> {
        self.vm.load_ir(module)?;
        let style_name = match style {
            eubeam_ir::ValueStyle::Erlang => "erlang",
            eubeam_ir::ValueStyle::Elixir => "elixir",
            eubeam_ir::ValueStyle::Lfe => "lfe",
            eubeam_ir::ValueStyle::Gleam => "gleam",
            eubeam_ir::ValueStyle::Lua => "lua",
        };
        let msg = eubeam_ir::Literal::Tuple(vec![
            eubeam_ir::Literal::atom("$eval"),
            eubeam_ir::Literal::atom(module.name.clone()),
            eubeam_ir::Literal::atom(style_name),
        ]);
        let frag = heap::literal_fragment(&msg)?;
        match self.vm.lookup(self.pid) {
            Some(p) => self.vm.deliver(&p, frag),
            None => {
                *self = Shell::start(self.vm.clone());
                return Err("** the shell process had died; a new one was started".into());
            }
        }
        let r = self.rx.recv();
        self.vm.output.flush();
        match r {
            Ok(r) => r,
            Err(_) => {
                *self = Shell::start(self.vm.clone());
                Err("** the shell process died; a new one was started".into())
            }
        }
    }
}
