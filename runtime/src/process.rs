//! Processes: the shared part senders see, and the body only the running
//! scheduler touches.
//!
//! State machine (one atomic byte; see spec/runtime.md):
//!
//! ```text
//!   WAITING --notify--> RUNNABLE --scheduler picks--> RUNNING
//!   RUNNING --notify--> NOTIFIED            (an event arrived while running)
//!   RUNNING --wait (CAS)--> WAITING         (fails if NOTIFIED: run on)
//!   RUNNING|NOTIFIED --yield--> RUNNABLE --> run queue
//!   any --exit--> EXITED
//! ```
//!
//! A sender first pushes the message into the inbox, then notifies; a process
//! about to wait first drains the inbox, then CASes RUNNING→WAITING. Either the
//! CAS fails (the sender got there first and set NOTIFIED) or the sender sees
//! WAITING and makes the process runnable, so a wake-up is never lost.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Mutex;

use crate::code::ModuleCode;
use crate::heap::{Fragment, Heap};
use crate::term::{Atom, Term};

pub const WAITING: u8 = 0;
pub const RUNNABLE: u8 = 1;
pub const RUNNING: u8 = 2;
pub const NOTIFIED: u8 = 3;
pub const EXITED: u8 = 4;

/// The part of a process other processes may touch.
pub struct Process {
    pub pid: u64,
    state: AtomicU8,
    /// Messages sent but not yet seen by the receiver (many senders).
    inbox: Mutex<VecDeque<Fragment>>,
    /// Whether `inbox` may be non-empty: set under the inbox lock by a
    /// sender before it notifies, cleared under the lock by the drain. A
    /// receiver that reads `false` skips the lock; the wait protocol still
    /// holds because the flag is written before `notify` (see `deliver`).
    has_mail: AtomicBool,
    /// Set by an exit signal (or VM stop); the process ends at its next
    /// scheduling point with `exit_reason`.
    pub killed: AtomicBool,
    /// Boxed: a `Fragment` is 56 bytes and most processes are never killed.
    pub exit_reason: Mutex<Option<Box<Fragment>>>,
    /// Id of the last timer that fired for this process.
    pub timer_fired: AtomicU64,
    /// Owned by whoever moved the state to RUNNING.
    pub body: Mutex<Option<Box<ProcBody>>>,
    /// Long-lived host processes (the shell) survive the end of `Vm::run`.
    pub system: bool,
    pub trap_exit: AtomicBool,
    /// Links and monitors (see `crate::signals`). Other processes change
    /// these sets, so they live here, under their own lock; nobody holds
    /// two processes' `signals` locks at once.
    pub signals: Mutex<Signals>,
    /// Heap, stack and queue words at the end of the last time slice, and
    /// reductions so far (for `erlang:memory/0` and `statistics/1`, which
    /// must not lock every process).
    pub words: AtomicUsize,
    pub reductions: AtomicU64,
}

/// How a monitor names its target in the `'DOWN'` message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonitorName {
    /// `monitor(process, Pid)`: the pid.
    Pid,
    /// `monitor(process, Name)`: `{Name, Node}`.
    Name(Atom),
}

/// A monitor held by a process: the target and how the target was named.
#[derive(Clone, Copy, Debug)]
pub struct HeldMonitor {
    pub target: u64,
    pub name: MonitorName,
}

/// The link and monitor state of one process. The sets are boxed and made
/// on first change: most processes never link or monitor, and seven
/// inline hash sets were about 300 bytes of every idle process (issue 4).
/// Reading through `Deref` sees empty sets when there are none; a change
/// through `DerefMut` makes them.
#[derive(Default)]
pub struct Signals {
    /// Set under this lock when the process dies: after that, links and
    /// monitors are refused (`noproc`) instead of being added.
    pub exited: bool,
    sets: Option<Box<SignalSets>>,
}

/// Hashing of the signal sets: keys are pids and reference ids the VM
/// made (no untrusted key choice), and a zero-sized hasher lets an empty
/// set be a `static` and saves 16 bytes a set.
pub type SigHash = std::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>;

/// The links and monitors of one process (see [`Signals`]).
#[derive(Default)]
pub struct SignalSets {
    pub links: HashSet<u64, SigHash>,
    /// Monitors this process holds, by reference id.
    pub monitors: HashMap<u64, HeldMonitor, SigHash>,
    /// Monitors on this process: reference id → watching pid.
    pub monitored_by: HashMap<u64, u64, SigHash>,
    /// Links to processes of other nodes (`dist`).
    pub remote_links: HashSet<crate::term::ExtPid, SigHash>,
    /// Monitors this process holds on processes of other nodes, by local
    /// reference id.
    pub remote_monitors: HashMap<u64, RemoteTarget, SigHash>,
    /// Processes of other nodes monitoring this one: their reference →
    /// (watcher, the name they monitored by, if any).
    pub remote_watchers: HashMap<crate::term::ExtRef, (crate::term::ExtPid, Option<Atom>), SigHash>,
}

static NO_SIGNALS: SignalSets = SignalSets {
    links: HashSet::with_hasher(SigHash::new()),
    monitors: HashMap::with_hasher(SigHash::new()),
    monitored_by: HashMap::with_hasher(SigHash::new()),
    remote_links: HashSet::with_hasher(SigHash::new()),
    remote_monitors: HashMap::with_hasher(SigHash::new()),
    remote_watchers: HashMap::with_hasher(SigHash::new()),
};

impl Signals {
    /// The sets, if any were ever made (changes without allocating).
    pub fn sets_mut(&mut self) -> Option<&mut SignalSets> {
        self.sets.as_deref_mut()
    }

    /// Take every set (the process is dying); `None` when it never linked
    /// or monitored.
    pub fn take_sets(&mut self) -> Option<Box<SignalSets>> {
        self.sets.take()
    }
}

impl std::ops::Deref for Signals {
    type Target = SignalSets;
    fn deref(&self) -> &SignalSets {
        self.sets.as_deref().unwrap_or(&NO_SIGNALS)
    }
}

impl std::ops::DerefMut for Signals {
    fn deref_mut(&mut self) -> &mut SignalSets {
        self.sets.get_or_insert_with(Box::default)
    }
}

/// The target of a monitor on another node's process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemoteTarget {
    Pid(crate::term::ExtPid),
    /// `monitor(process, {Name, Node})`.
    Name(Atom, Atom),
}

impl RemoteTarget {
    pub fn node(&self) -> Atom {
        match self {
            RemoteTarget::Pid(p) => p.node,
            RemoteTarget::Name(_, n) => *n,
        }
    }
}

impl Process {
    pub fn new(pid: u64, body: ProcBody, system: bool) -> Process {
        Process {
            pid,
            state: AtomicU8::new(RUNNABLE),
            inbox: Mutex::new(VecDeque::new()),
            has_mail: AtomicBool::new(false),
            killed: AtomicBool::new(false),
            exit_reason: Mutex::new(None),
            timer_fired: AtomicU64::new(0),
            body: Mutex::new(Some(Box::new(body))),
            system,
            trap_exit: AtomicBool::new(false),
            signals: Mutex::new(Signals::default()),
            words: AtomicUsize::new(0),
            reductions: AtomicU64::new(0),
        }
    }

    pub fn state(&self) -> u8 {
        self.state.load(Ordering::SeqCst)
    }

    /// Append a message. Returns true when the caller must enqueue the process.
    pub fn deliver(&self, msg: Fragment) -> bool {
        if self.state() == EXITED {
            return false;
        }
        {
            let mut inbox = self.inbox.lock().unwrap_or_else(|e| e.into_inner());
            inbox.push_back(msg);
            self.has_mail.store(true, Ordering::SeqCst);
        }
        self.notify()
    }

    /// Something happened (message, timer, exit signal). Returns true when
    /// the caller must put the process in a run queue.
    pub fn notify(&self) -> bool {
        loop {
            match self.state.load(Ordering::SeqCst) {
                WAITING => {
                    if self
                        .state
                        .compare_exchange(WAITING, RUNNABLE, Ordering::SeqCst, Ordering::SeqCst)
                        .is_ok()
                    {
                        return true;
                    }
                }
                RUNNING => {
                    if self
                        .state
                        .compare_exchange(RUNNING, NOTIFIED, Ordering::SeqCst, Ordering::SeqCst)
                        .is_ok()
                    {
                        return false;
                    }
                }
                _ => return false,
            }
        }
    }

    /// Scheduler took the process from a run queue.
    pub fn set_running(&self) {
        self.state.store(RUNNING, Ordering::SeqCst);
    }

    /// Out of reductions: back to a run queue.
    pub fn set_runnable(&self) {
        self.state.store(RUNNABLE, Ordering::SeqCst);
    }

    pub fn set_exited(&self) {
        self.state.store(EXITED, Ordering::SeqCst);
    }

    /// Go to sleep unless notified since running. True if now WAITING.
    pub fn try_wait(&self) -> bool {
        match self
            .state
            .compare_exchange(RUNNING, WAITING, Ordering::SeqCst, Ordering::SeqCst)
        {
            Ok(_) => true,
            Err(_) => {
                self.state.store(RUNNING, Ordering::SeqCst);
                false
            }
        }
    }

    /// Move every pending message into the receiver's private queue and
    /// return the words of the messages moved. Call it through
    /// [`ProcBody::take_inbox`], which keeps the queue's word count.
    fn drain_inbox(&self, into: &mut VecDeque<Fragment>) -> usize {
        if !self.has_mail.load(Ordering::SeqCst) {
            return 0;
        }
        let mut inbox = self.inbox.lock().unwrap_or_else(|e| e.into_inner());
        self.has_mail.store(false, Ordering::SeqCst);
        let words = inbox.iter().map(Fragment::words).sum();
        if into.is_empty() {
            std::mem::swap(&mut *inbox, into);
        } else {
            into.extend(inbox.drain(..));
        }
        words
    }

    pub fn signals(&self) -> std::sync::MutexGuard<'_, Signals> {
        self.signals.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The messages not yet moved to the receiver's queue (terms stay
    /// valid while the receiver's body is locked by the caller).
    pub fn inbox_snapshot(&self) -> Vec<Term> {
        self.inbox
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|m| m.term)
            .collect()
    }

    pub fn inbox_len(&self) -> usize {
        self.inbox.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

/// A frame record: where to return and where the caller's y slots start.
#[derive(Clone, Copy)]
pub struct Frame {
    pub code: &'static ModuleCode,
    pub ret: u32,
    /// Height of the y stack when the call was made (the callee's y base).
    pub ybase: u32,
}

/// An active `try` or `catch`.
#[derive(Clone, Copy)]
pub struct CatchFrame {
    pub frames: u32,
    pub ys: u32,
    pub code: &'static ModuleCode,
    pub handler: u32,
}

/// The receive mark: the queue position when a marked `make_ref()` ran.
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    pub ref_id: u64,
    pub pos: usize,
}

/// `max_heap_size` of a process (sizes in words, as on the BEAM).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxHeap {
    /// 0 = no limit.
    pub size: usize,
    pub kill: bool,
    pub error_logger: bool,
}

impl Default for MaxHeap {
    fn default() -> MaxHeap {
        MaxHeap {
            size: 0,
            kill: true,
            error_logger: true,
        }
    }
}

/// Everything only the running process touches.
pub struct ProcBody {
    pub pid: u64,
    pub heap: Heap,
    /// y slots of all frames.
    pub ys: Vec<Term>,
    pub frames: Vec<Frame>,
    pub catches: Vec<CatchFrame>,
    /// Where to resume.
    pub code: &'static ModuleCode,
    pub pc: u32,
    /// x registers live at the resume point (arguments of a pending call).
    pub saved_x: Vec<Term>,
    /// Received messages not yet removed, in arrival order.
    pub queue: VecDeque<Fragment>,
    /// Words of the fragments in `queue`. Invariant: equal to the sum of
    /// their `words()`; kept by `take_inbox` and `remove_message`, the only
    /// ways messages enter and leave the queue, so that accounting at the
    /// end of each time slice is O(1) even with a long backlog.
    pub queue_words: usize,
    /// Save pointer: index into `queue` of the next message to look at.
    pub save: usize,
    pub mark: Option<Mark>,
    /// The current receive started at the mark (clear it on remove/timeout).
    pub mark_in_use: bool,
    /// Id of the armed receive timer, if any.
    pub timer: Option<u64>,
    /// Process dictionary as key, value pairs.
    pub dict: Vec<Term>,
    /// The last exception raised: class atom, reason, raw trace.
    pub exc: [Term; 3],
    pub registered: Option<Atom>,
    /// Messages looked at by receive loops (for tests and statistics).
    pub msgs_scanned: u64,
    pub reductions: u64,
    /// Told the outcome when the process ends (`Vm::run`'s entry process).
    pub exit_notify: Option<Sender<bool>>,
    /// Where the shell process sends evaluation results.
    pub host_reply: Option<Sender<Result<String, String>>>,
    /// `{M, F, Arity}` the process was spawned with.
    pub initial_call: Option<(Atom, Atom, u32)>,
    pub max_heap: Option<MaxHeap>,
    /// Set by a collection that left the heap above `max_heap`: the
    /// process is killed at its next scheduling point. Holds the total
    /// heap size in words for the report.
    pub heap_limit_hit: Option<usize>,
    /// `process_flag(priority, P)`: remembered and reported (one run queue).
    pub priority: Atom,
    /// `group_leader/2`: the pid of the process that takes this process's
    /// `standard_io` output as io requests; 0 is the VM's own standard
    /// output. Inherited by spawned processes.
    pub group_leader: u64,
    /// Lua tables and upvalue cells of this process (see `lua`): the
    /// per-process arena of mutable objects, outside the heap. Contract
    /// with the generational collector (`heap/gc.rs`): every live arena
    /// entry is a root on a major collection; a minor one takes the
    /// entries written since the collection before the last (the arena
    /// records every mutable access: `LuaArena::gc_roots`), which are the
    /// only ones that can point at young data; the collector's invariant
    /// "old data never points to young data" concerns the heap only. A
    /// major collection may also drop entries no term refers to: the place
    /// is right after `collect_major` in `ProcBody::collect`.
    pub lua: crate::lua::LazyArena,
}

impl ProcBody {
    pub fn new(pid: u64, code: &'static ModuleCode, pc: u32) -> ProcBody {
        ProcBody {
            pid,
            heap: Heap::new(),
            ys: Vec::new(),
            frames: Vec::new(),
            catches: Vec::new(),
            code,
            pc,
            saved_x: Vec::new(),
            queue: VecDeque::new(),
            queue_words: 0,
            save: 0,
            mark: None,
            mark_in_use: false,
            timer: None,
            dict: Vec::new(),
            exc: [Term::NIL; 3],
            registered: None,
            msgs_scanned: 0,
            reductions: 0,
            exit_notify: None,
            host_reply: None,
            initial_call: None,
            max_heap: None,
            heap_limit_hit: None,
            priority: Atom::NORMAL,
            group_leader: 0,
            lua: crate::lua::LazyArena::default(),
        }
    }

    /// Collect garbage (minor or major, as the heap decides) with `x` as
    /// the live argument registers.
    pub fn gc(&mut self, x: &mut [Term]) {
        self.collect(x, false);
    }

    /// A major collection (`erlang:garbage_collect/0,1`).
    pub fn gc_major(&mut self, x: &mut [Term]) {
        self.collect(x, true);
    }

    fn collect(&mut self, x: &mut [Term], major: bool) {
        let stack_words = self.stack_words();
        let ProcBody {
            heap,
            ys,
            saved_x,
            dict,
            exc,
            lua,
            ..
        } = self;
        let mut roots: Vec<&mut [Term]> = vec![
            x,
            ys.as_mut_slice(),
            saved_x.as_mut_slice(),
            dict.as_mut_slice(),
            exc.as_mut_slice(),
        ];
        // Lua objects are mutable and live outside the heap, in the arena:
        // every entry is a root on a major collection; a minor one takes
        // the entries written recently (the arena's remembered set,
        // spec/runtime.md "Lua objects").
        let major = major || heap.next_is_major();
        // A process that never made a Lua object has no arena (and a
        // collection must not make one).
        let mut lua = lua.get_mut();
        let lua_roots = match lua.as_deref_mut() {
            Some(arena) => arena.gc_roots(major),
            None => Vec::new(),
        };
        // Arena roots are scanned at every collection, as the stack is:
        // counted with it when the young generation is sized, so a big
        // table written often widens the gap between minor collections
        // instead of making each one scan it (amortised linear cost).
        let scanned = stack_words + lua_roots.iter().map(|r| r.len()).sum::<usize>();
        roots.extend(lua_roots);
        if major {
            heap.collect_major(&mut roots, scanned);
        } else {
            heap.collect_minor(&mut roots, scanned);
        }
        drop(roots);
        if let Some(arena) = lua {
            arena.after_gc(major);
        }
        if let Some(m) = self.max_heap {
            let total = self.total_heap_words();
            if m.size > 0 && total > m.size {
                self.heap_limit_hit = Some(total);
            }
        }
    }

    /// `total_heap_size` plus the stack, in words: what `max_heap_size`
    /// limits (on the BEAM the stack lives inside the heap; here it is
    /// separate, so it is added).
    pub fn total_heap_words(&self) -> usize {
        self.heap.total_size() + self.stack_words()
    }

    /// Bytes the process holds (`process_info(P, memory)`): heap blocks
    /// actually allocated, stack, queued messages and the process
    /// structures.
    pub fn memory_bytes(&self) -> usize {
        (self.heap.reserved_words() + self.stack_words() + self.queue_words) * 8
            + std::mem::size_of::<Process>()
            + std::mem::size_of::<ProcBody>()
            + self.lua.struct_bytes()
    }

    /// Words of the process's stack (y slots and frame records).
    pub fn stack_words(&self) -> usize {
        self.ys.len() + self.frames.len() * 2
    }

    /// Move the messages sent so far into the private queue.
    pub fn take_inbox(&mut self, me: &Process) {
        self.queue_words += me.drain_inbox(&mut self.queue);
    }

    /// Take the message at the save pointer out of the queue and make its
    /// memory part of the heap.
    pub fn remove_message(&mut self) {
        if let Some(m) = self.queue.remove(self.save) {
            self.queue_words -= m.words();
            self.heap.attach(m.block);
        }
        if self.mark_in_use {
            self.mark = None;
            self.mark_in_use = false;
        } else if let Some(mark) = &mut self.mark {
            if self.save < mark.pos {
                mark.pos -= 1;
            }
        }
        self.save = 0;
        self.timer = None;
    }

    /// A receive timed out: reset the scan state.
    pub fn receive_timed_out(&mut self) {
        if self.mark_in_use {
            self.mark = None;
            self.mark_in_use = false;
        }
        self.save = 0;
        self.timer = None;
    }
}
