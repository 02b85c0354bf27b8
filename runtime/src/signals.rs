//! Links, monitors and exit signals between processes.
//!
//! Each process keeps its links and monitors in `Process::signals`, a set
//! other processes change. Invariants:
//! - Nobody holds two processes' `signals` locks at once (so no lock order
//!   is needed): an operation on both ends locks one, releases, locks the
//!   other.
//! - A process's `signals.exited` is set under its lock when it dies; after
//!   that, links and monitors to it are refused (`noproc`). So every link or
//!   monitor is either seen by the dying process (which then signals) or
//!   refused, never lost.
//! - A link exit signal or a `'DOWN'` is acted upon only when the receiving
//!   end still has the link/monitor, removed under its lock at that moment:
//!   `unlink`/`demonitor` and the death race, and exactly one side wins.
//!   Hence a `'DOWN'` arrives at most once, and never after `demonitor`
//!   returned (one already queued is removed by the `flush` option).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::heap::{self, Fragment};
use crate::process::{HeldMonitor, MonitorName, Process, RemoteTarget, SigHash};
use crate::term::{Atom, ExtPid, ExtRef, Term};
use crate::vm::VmInner;

/// Where an exit signal comes from: the rules for `kill` and `normal` differ.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExitFrom {
    /// A linked process died.
    Link,
    /// `exit(Pid, Reason)`.
    Exit2,
}

/// Build `elems` as a tuple in a fragment (a message for another process).
fn tuple_fragment(elems: &[Term]) -> Fragment {
    let mut scratch = heap::Heap::new();
    let t = heap::make_tuple(&mut scratch, elems);
    heap::copy_to_fragment(t)
}

impl VmInner {
    /// Deliver an exit signal from `from` to `target`, following the BEAM:
    /// - `exit(P, kill)` kills even a process trapping exits; it dies with
    ///   `killed`. A *link* signal with reason `kill` is an ordinary reason.
    /// - A process trapping exits gets `{'EXIT', From, Reason}` instead.
    /// - Reason `normal` is ignored (the caller handles `exit(self(), normal)`).
    /// - Otherwise the target dies with the reason.
    pub fn exit_signal(&self, from: u64, target: &Arc<Process>, reason: Term, how: ExitFrom) {
        self.exit_signal_from(Term::pid(from), target, reason, how);
    }

    /// [`VmInner::exit_signal`] from any pid term (a remote one too; it
    /// must stay valid for the call: it is copied into the message).
    pub fn exit_signal_from(&self, from: Term, target: &Arc<Process>, reason: Term, how: ExitFrom) {
        let kill = reason == Term::atom(Atom::KILL);
        if how == ExitFrom::Exit2 && kill {
            self.terminate(target, Term::atom(Atom::KILLED));
            return;
        }
        if target.trap_exit.load(Ordering::SeqCst) {
            let msg = tuple_fragment(&[Term::atom(Atom::EXIT_UPPER), from, reason]);
            self.deliver(target, msg);
            return;
        }
        if reason == Term::atom(Atom::NORMAL) {
            return;
        }
        self.terminate(target, reason);
    }

    /// `exit(Pid, Reason)` to another process (a dead one is ignored).
    pub fn exit_to(&self, from: u64, to: u64, reason: Term) {
        if let Some(t) = self.procs.get(to) {
            self.exit_signal(from, &t, reason, ExitFrom::Exit2);
        }
    }

    /// Make `target` end with `reason` at its next scheduling point. The
    /// first reason wins when several signals race.
    pub fn terminate(&self, target: &Arc<Process>, reason: Term) {
        {
            let mut r = target.exit_reason.lock().unwrap_or_else(|e| e.into_inner());
            if target.killed.load(Ordering::SeqCst) && r.is_some() {
                return;
            }
            *r = Some(Box::new(heap::copy_to_fragment(reason)));
        }
        self.kill(target);
    }

    /// `link(Other)` from `me`. False when `other` does not exist or is
    /// dead (`noproc`; the caller decides between a message and an error).
    pub fn link(&self, me: &Arc<Process>, other: u64) -> bool {
        if other == me.pid {
            return true;
        }
        me.signals().links.insert(other);
        let ok = match self.procs.get(other) {
            Some(t) => {
                let mut s = t.signals();
                if s.exited {
                    false
                } else {
                    s.links.insert(me.pid);
                    true
                }
            }
            None => false,
        };
        if !ok {
            me.signals().links.remove(&other);
        }
        ok
    }

    /// `unlink(Other)`: both ends forget the link (a no-op without one).
    pub fn unlink(&self, me: &Arc<Process>, other: u64) {
        me.signals().links.remove(&other);
        if let Some(t) = self.procs.get(other) {
            t.signals().links.remove(&me.pid);
        }
    }

    /// `monitor(process, Target)` with reference `ref_id`. `target` is None
    /// for a name that is not registered. False when the target does not
    /// exist: the caller sends itself the `noproc` 'DOWN'.
    pub fn monitor(
        &self,
        me: &Arc<Process>,
        target: Option<u64>,
        name: MonitorName,
        ref_id: u64,
    ) -> bool {
        let Some(target) = target else {
            return false;
        };
        me.signals()
            .monitors
            .insert(ref_id, HeldMonitor { target, name });
        let ok = match self.procs.get(target) {
            Some(t) => {
                let mut s = t.signals();
                if s.exited {
                    false
                } else {
                    s.monitored_by.insert(ref_id, me.pid);
                    true
                }
            }
            None => false,
        };
        if !ok {
            me.signals().monitors.remove(&ref_id);
        }
        ok
    }

    /// `demonitor(Ref)`: true when the monitor was still active.
    pub fn demonitor(&self, me: &Arc<Process>, ref_id: u64) -> bool {
        let held = me.signals().monitors.remove(&ref_id);
        match held {
            Some(m) => {
                if let Some(t) = self.procs.get(m.target) {
                    t.signals().monitored_by.remove(&ref_id);
                }
                true
            }
            None => false,
        }
    }

    /// The `'DOWN'` message for monitor `ref_id` on `target` (named `name`).
    pub fn down_message(
        &self,
        ref_id: u64,
        target: u64,
        name: MonitorName,
        reason: Term,
    ) -> Fragment {
        let mut scratch = heap::Heap::new();
        let r = heap::make_ref(&mut scratch, ref_id);
        let obj = match name {
            MonitorName::Pid => Term::pid(target),
            MonitorName::Name(n) => {
                let node = crate::dist::this_node().0;
                heap::make_tuple(&mut scratch, &[Term::atom(n), Term::atom(node)])
            }
        };
        let t = heap::make_tuple(
            &mut scratch,
            &[
                Term::atom(Atom::intern("DOWN")),
                r,
                Term::atom(Atom::intern("process")),
                obj,
                reason,
            ],
        );
        heap::copy_to_fragment(t)
    }

    /// A process is dying with `reason`: refuse new links and monitors, then
    /// signal linked processes and watchers, and drop the monitors it held.
    pub(crate) fn signal_exit(&self, p: &Arc<Process>, reason: Term) {
        let sets = {
            let mut s = p.signals();
            s.exited = true;
            s.take_sets()
        };
        // Most processes never linked or monitored: nothing to signal.
        let Some(sets) = sets else { return };
        let crate::process::SignalSets {
            links,
            monitors,
            monitored_by,
            remote_links,
            remote_monitors,
            remote_watchers,
        } = *sets;
        self.signal_exit_remote(p, reason, remote_links, remote_watchers, remote_monitors);
        for pid in links {
            if let Some(t) = self.procs.get(pid) {
                let still_linked = t.signals().links.remove(&p.pid);
                if still_linked {
                    self.exit_signal(p.pid, &t, reason, ExitFrom::Link);
                }
            }
        }
        for (r, watcher) in monitored_by {
            if let Some(w) = self.procs.get(watcher) {
                let held = w.signals().monitors.remove(&r);
                if let Some(m) = held {
                    let msg = self.down_message(r, p.pid, m.name, reason);
                    self.deliver(&w, msg);
                }
            }
        }
        for (r, m) in monitors {
            if m.target == p.pid {
                continue;
            }
            if let Some(t) = self.procs.get(m.target) {
                t.signals().monitored_by.remove(&r);
            }
        }
    }
}

impl VmInner {
    /// The other-node half of a process's death: `EXIT` to linked remote
    /// processes, `MONITOR_P_EXIT` to remote watchers, `DEMONITOR_P` for
    /// the monitors it held (`dist`). The sets were taken under the lock
    /// after `exited` was set, so none is added later.
    fn signal_exit_remote(
        &self,
        p: &Arc<Process>,
        reason: Term,
        links: HashSet<ExtPid, SigHash>,
        watchers: HashMap<ExtRef, (ExtPid, Option<Atom>), SigHash>,
        held: HashMap<u64, RemoteTarget, SigHash>,
    ) {
        if links.is_empty() && watchers.is_empty() && held.is_empty() {
            return;
        }
        let Some(d) = self.dist.get() else { return };
        for l in links {
            d.exit_link(p.pid, &l, reason);
        }
        for (r, (w, name)) in watchers {
            d.monitor_exit(p.pid, name, &w, &r, reason);
        }
        for (r, t) in held {
            d.demonitor(p.pid, &t, r);
        }
    }
}
