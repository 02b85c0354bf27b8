//! Distribution control messages (erts "Distribution Protocol", Protocol
//! between connected nodes): building the ones we send, acting on the ones
//! we receive. Packets are pass-through: `112`, the control tuple in
//! external format, then (for sends and spawn requests) the payload term.
//!
//! Sent: `LINK`, `SEND`, `EXIT`, `REG_SEND`, `EXIT2`, `MONITOR_P`,
//! `DEMONITOR_P`, `MONITOR_P_EXIT`, `SPAWN_REQUEST`, `SPAWN_REPLY`,
//! `UNLINK_ID`, `UNLINK_ID_ACK`. Received: the same plus the old `UNLINK`;
//! others (`GROUP_LEADER`, trace-token variants) are ignored (traced with
//! `EUBEAM_DIST_TRACE`).

use std::sync::atomic::Ordering;
use std::sync::Arc;

use super::node::{Conn, Dist};
use crate::etf::{self, DecodeOptions, EncodeOptions};
use crate::heap::{self, Heap};
use crate::process::RemoteTarget;
use crate::signals::ExitFrom;
use crate::term::{Atom, ExtPid, ExtRef, Term};
use crate::vm::{SpawnOpts, VmInner};

pub const LINK: i64 = 1;
pub const SEND: i64 = 2;
pub const EXIT: i64 = 3;
pub const UNLINK: i64 = 4;
pub const REG_SEND: i64 = 6;
pub const EXIT2: i64 = 8;
pub const MONITOR_P: i64 = 19;
pub const DEMONITOR_P: i64 = 20;
pub const MONITOR_P_EXIT: i64 = 21;
pub const SPAWN_REQUEST: i64 = 29;
pub const SPAWN_REPLY: i64 = 31;
pub const UNLINK_ID: i64 = 35;
pub const UNLINK_ID_ACK: i64 = 36;

/// A pass-through packet: `112`, the control term, the payload if any.
fn packet(ctrl: Term, payload: Option<Term>) -> Option<Vec<u8>> {
    let o = EncodeOptions::default();
    let mut p = vec![112];
    p.extend(etf::encode(ctrl, &o).ok()?);
    if let Some(m) = payload {
        p.extend(etf::encode(m, &o).ok()?);
    }
    Some(p)
}

fn small(i: i64) -> Term {
    Term::int(i).unwrap_or(Term::NIL)
}

fn ext_term(h: &mut Heap, x: &ExtPid) -> Term {
    heap::make_ext_pid(h, x)
}

fn target_term(h: &mut Heap, t: &RemoteTarget) -> Term {
    match t {
        RemoteTarget::Pid(x) => ext_term(h, x),
        RemoteTarget::Name(n, _) => Term::atom(*n),
    }
}

impl Dist {
    /// Build `elems` as the control tuple and queue it (with `payload`) on
    /// the connection to `node`, dialling it if needed. False when the node
    /// cannot be reached (or a term cannot be encoded).
    fn send_ctrl(self: &Arc<Self>, node: Atom, elems: &[Term], payload: Option<Term>) -> bool {
        let Some(conn) = self.connection(node) else {
            return false;
        };
        let mut h = Heap::new();
        let ctrl = heap::make_tuple(&mut h, elems);
        self.trace(&format!("-> {ctrl:?}"));
        match packet(ctrl, payload) {
            Some(p) => {
                conn.send(p);
                true
            }
            None => false,
        }
    }

    /// `Pid ! Msg` for a pid of another node.
    pub fn send(self: &Arc<Self>, to: &ExtPid, msg: Term) -> bool {
        let mut h = Heap::new();
        let t = ext_term(&mut h, to);
        self.send_ctrl(
            to.node,
            &[small(SEND), Term::atom(Atom::intern("")), t],
            Some(msg),
        )
    }

    /// `{Name, Node} ! Msg`.
    pub fn reg_send(self: &Arc<Self>, from: u64, name: Atom, node: Atom, msg: Term) -> bool {
        let elems = [
            small(REG_SEND),
            Term::pid(from),
            Term::atom(Atom::intern("")),
            Term::atom(name),
        ];
        self.send_ctrl(node, &elems, Some(msg))
    }

    pub fn link(self: &Arc<Self>, from: u64, to: &ExtPid) -> bool {
        let mut h = Heap::new();
        let t = ext_term(&mut h, to);
        self.send_ctrl(to.node, &[small(LINK), Term::pid(from), t], None)
    }

    pub fn unlink(self: &Arc<Self>, from: u64, to: &ExtPid) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut h = Heap::new();
        let t = ext_term(&mut h, to);
        let id = heap::make_i64(&mut h, id as i64);
        self.send_ctrl(to.node, &[small(UNLINK_ID), id, Term::pid(from), t], None);
    }

    /// The exit signal of a dying linked process (`EXIT`).
    pub fn exit_link(self: &Arc<Self>, from: u64, to: &ExtPid, reason: Term) {
        let mut h = Heap::new();
        let t = ext_term(&mut h, to);
        self.send_ctrl(to.node, &[small(EXIT), Term::pid(from), t, reason], None);
    }

    /// `exit(RemotePid, Reason)` (`EXIT2`).
    pub fn exit2(self: &Arc<Self>, from: u64, to: &ExtPid, reason: Term) -> bool {
        let mut h = Heap::new();
        let t = ext_term(&mut h, to);
        self.send_ctrl(to.node, &[small(EXIT2), Term::pid(from), t, reason], None)
    }

    /// `monitor(process, RemotePid | {Name, Node})` with our ref `ref_id`.
    pub fn monitor(self: &Arc<Self>, from: u64, target: &RemoteTarget, ref_id: u64) -> bool {
        let mut h = Heap::new();
        let t = target_term(&mut h, target);
        let r = heap::make_ref(&mut h, ref_id);
        self.send_ctrl(
            target.node(),
            &[small(MONITOR_P), Term::pid(from), t, r],
            None,
        )
    }

    pub fn demonitor(self: &Arc<Self>, from: u64, target: &RemoteTarget, ref_id: u64) {
        if self.connected(target.node()).is_none() {
            return;
        }
        let mut h = Heap::new();
        let t = target_term(&mut h, target);
        let r = heap::make_ref(&mut h, ref_id);
        self.send_ctrl(
            target.node(),
            &[small(DEMONITOR_P), Term::pid(from), t, r],
            None,
        );
    }

    /// A monitored process died: `MONITOR_P_EXIT` to the remote watcher.
    pub fn monitor_exit(
        self: &Arc<Self>,
        from: u64,
        name: Option<Atom>,
        to: &ExtPid,
        r: &ExtRef,
        reason: Term,
    ) {
        if self.connected(to.node).is_none() {
            return;
        }
        let mut h = Heap::new();
        let t = ext_term(&mut h, to);
        let rt = heap::make_ext_ref(&mut h, r);
        let who = name.map_or(Term::pid(from), Term::atom);
        self.send_ctrl(to.node, &[small(MONITOR_P_EXIT), who, t, rt, reason], None);
    }

    /// `SPAWN_REQUEST` for `M:F(Args)` on `node`; the reply comes back as
    /// the message `{spawn_reply, Ref, ok | error, Pid | Reason}`.
    pub fn spawn_request(
        self: &Arc<Self>,
        from: u64,
        node: Atom,
        req: u64,
        mfa: (Term, Term, Term),
        opts: &[Atom],
    ) -> bool {
        let (m, f, args) = mfa;
        let Some(arity) = args.list_len() else {
            return false;
        };
        let mut h = Heap::new();
        let r = heap::make_ref(&mut h, req);
        let mfa = heap::make_tuple(&mut h, &[m, f, Term::small(arity)]);
        let opts: Vec<Term> = opts.iter().map(|&o| Term::atom(o)).collect();
        let opts = heap::list(&mut h, &opts);
        let elems = [
            small(SPAWN_REQUEST),
            r,
            Term::pid(from),
            Term::pid(from),
            mfa,
            opts,
        ];
        self.send_ctrl(node, &elems, Some(args))
    }

    /// One packet from `conn`'s peer.
    pub(crate) fn packet(self: &Arc<Self>, vm: &Arc<VmInner>, conn: &Arc<Conn>, p: &[u8]) {
        if p.first() != Some(&112) {
            self.trace(&format!(
                "packet with tag {:?} ignored: not supported yet (we offer no dist header)",
                p.first()
            ));
            return;
        }
        let mut h = Heap::new();
        let Ok((ctrl, used)) = etf::decode(&mut h, &p[1..], DecodeOptions::default()) else {
            self.trace("undecodable control message");
            return;
        };
        let rest = &p[1 + used..];
        let payload = if rest.is_empty() {
            None
        } else {
            match etf::decode(&mut h, rest, DecodeOptions::default()) {
                Ok((t, _)) => Some(t),
                Err(e) => {
                    self.trace(&format!("undecodable message ({e:?}) dropped"));
                    return;
                }
            }
        };
        let Some(c) = ctrl.tuple() else { return };
        let e = |i: usize| c.get(i).unwrap_or(Term::NIL);
        self.trace(&format!("<- {ctrl:?}"));
        match e(0).as_int() {
            Some(SEND) => {
                if let (Some(to), Some(m)) = (e(2).as_pid(), payload) {
                    if let Some(pr) = vm.lookup(to) {
                        vm.deliver(&pr, heap::copy_to_fragment(m));
                    }
                }
            }
            Some(REG_SEND) => {
                if let (Some(name), Some(m)) = (e(3).as_atom(), payload) {
                    if let Some(pr) = vm.whereis(name).and_then(|p| vm.lookup(p)) {
                        vm.deliver(&pr, heap::copy_to_fragment(m));
                    }
                }
            }
            Some(LINK) => {
                let (Some(from), Some(to)) = (e(1).ext_pid(), e(2).as_pid()) else {
                    return;
                };
                let ok = vm.lookup(to).is_some_and(|pr| {
                    let mut s = pr.signals();
                    if s.exited {
                        false
                    } else {
                        s.remote_links.insert(from);
                        true
                    }
                });
                if !ok {
                    let mut h2 = Heap::new();
                    let f = ext_term(&mut h2, &from);
                    let elems = [
                        small(EXIT),
                        Term::pid(to),
                        f,
                        Term::atom(Atom::intern("noproc")),
                    ];
                    self.reply(conn, &elems, None);
                }
            }
            Some(UNLINK | UNLINK_ID) => {
                let (id, fi) = if e(0).as_int() == Some(UNLINK) {
                    (None, 1)
                } else {
                    (Some(e(1)), 2)
                };
                let (Some(from), Some(to)) = (e(fi).ext_pid(), e(fi + 1).as_pid()) else {
                    return;
                };
                if let Some(pr) = vm.lookup(to) {
                    pr.signals().remote_links.remove(&from);
                }
                if let Some(id) = id {
                    let elems = [small(UNLINK_ID_ACK), id, e(3), e(2)];
                    self.reply(conn, &elems, None);
                }
            }
            Some(UNLINK_ID_ACK) => {}
            Some(EXIT | EXIT2) => {
                let (Some(from), Some(to)) = (e(1).ext_pid(), e(2).as_pid()) else {
                    return;
                };
                let Some(pr) = vm.lookup(to) else { return };
                if e(0).as_int() == Some(EXIT) {
                    if pr.signals().remote_links.remove(&from) {
                        vm.exit_signal_from(e(1), &pr, e(3), ExitFrom::Link);
                    }
                } else {
                    vm.exit_signal_from(e(1), &pr, e(3), ExitFrom::Exit2);
                }
            }
            Some(MONITOR_P) => {
                let (Some(from), Some(r)) = (e(1).ext_pid(), e(3).ext_ref()) else {
                    return;
                };
                let (target, name) = match (e(2).as_pid(), e(2).as_atom()) {
                    (Some(p), _) => (Some(p), None),
                    (None, Some(n)) => (vm.whereis(n), Some(n)),
                    _ => return,
                };
                let ok = target.and_then(|t| vm.lookup(t)).is_some_and(|pr| {
                    let mut s = pr.signals();
                    if s.exited {
                        false
                    } else {
                        s.remote_watchers.insert(r, (from, name));
                        true
                    }
                });
                if !ok {
                    let elems = [
                        small(MONITOR_P_EXIT),
                        e(2),
                        e(1),
                        e(3),
                        Term::atom(Atom::intern("noproc")),
                    ];
                    self.reply(conn, &elems, None);
                }
            }
            Some(DEMONITOR_P) => {
                let Some(r) = e(3).ext_ref() else { return };
                let target = match (e(2).as_pid(), e(2).as_atom()) {
                    (Some(p), _) => Some(p),
                    (None, Some(n)) => vm.whereis(n),
                    _ => None,
                };
                if let Some(pr) = target.and_then(|t| vm.lookup(t)) {
                    pr.signals().remote_watchers.remove(&r);
                }
            }
            Some(MONITOR_P_EXIT) => {
                let (Some(to), Some(r)) = (e(2).as_pid(), e(3).ref_id()) else {
                    return;
                };
                let Some(pr) = vm.lookup(to) else { return };
                let held = pr.signals().remote_monitors.remove(&r);
                if let Some(t) = held {
                    let msg = vm.remote_down_message(r, &t, e(4));
                    vm.deliver(&pr, msg);
                }
            }
            Some(SPAWN_REQUEST) => self.spawn_requested(vm, conn, &c.to_vec(), payload),
            Some(SPAWN_REPLY) => {
                // {31, ReqId, To, Flags, Result}; flag 1: the child is
                // linked to To, flag 2: monitored by To with ReqId. Set up
                // here before the reply is delivered (and before anything
                // the child sends, which follows the reply on this
                // connection).
                let Some(to) = e(2).as_pid() else { return };
                let Some(pr) = vm.lookup(to) else { return };
                let ok = e(4).is_any_pid();
                if let (Some(child), Some(flags)) = (e(4).ext_pid(), e(3).as_int()) {
                    let mut s = pr.signals();
                    if flags & 1 != 0 {
                        s.remote_links.insert(child);
                    }
                    if let (true, Some(r)) = (flags & 2 != 0, e(1).ref_id()) {
                        s.remote_monitors.insert(r, RemoteTarget::Pid(child));
                    }
                }
                let mut h2 = Heap::new();
                let status = Term::atom(if ok { Atom::OK } else { Atom::intern("error") });
                let m = heap::make_tuple(
                    &mut h2,
                    &[Term::atom(Atom::intern("spawn_reply")), e(1), status, e(4)],
                );
                vm.deliver(&pr, heap::copy_to_fragment(m));
            }
            _ => self.trace(&format!(
                "control message not supported yet, ignored: {ctrl:?}"
            )),
        }
    }

    /// Queue a control message on `conn` (an answer to its peer).
    fn reply(&self, conn: &Conn, elems: &[Term], payload: Option<Term>) {
        let mut h = Heap::new();
        let ctrl = heap::make_tuple(&mut h, elems);
        self.trace(&format!("-> {ctrl:?}"));
        if let Some(p) = packet(ctrl, payload) {
            conn.send(p);
        }
    }

    /// `{29, ReqId, From, GroupLeader, {M, F, Arity}, Opts}` + Args: spawn
    /// `M:F(Args)` here, linked to/monitored by `From` when `Opts` says so,
    /// and answer `{31, ReqId, From, Flags, Pid}` (flag 1: linked, 2:
    /// monitored).
    fn spawn_requested(
        self: &Arc<Self>,
        vm: &Arc<VmInner>,
        conn: &Arc<Conn>,
        c: &[Term],
        args: Option<Term>,
    ) {
        let (Some(&req), Some(&from_t), Some(&mfa), Some(&opts)) =
            (c.get(1), c.get(2), c.get(4), c.get(5))
        else {
            return;
        };
        let Some(from) = from_t.ext_pid() else { return };
        let mfa = mfa.tuple();
        let (m, f) = match mfa {
            Some(t) if t.len() == 3 => {
                (t.get(0).unwrap_or(Term::NIL), t.get(1).unwrap_or(Term::NIL))
            }
            _ => return,
        };
        let args = args.unwrap_or(Term::NIL);
        let mut o = SpawnOpts::default();
        let mut flags = 0;
        for opt in opts.list_iter() {
            match opt.as_atom().map(Atom::text) {
                Some("link") => {
                    o.remote_link = Some(from);
                    flags |= 1;
                }
                Some("monitor") => {
                    if let Some(r) = req.ext_ref() {
                        o.remote_monitor = Some((r, from));
                        flags |= 2;
                    }
                }
                _ => {}
            }
        }
        // The reply must reach the peer before anything the new process
        // sends it (its exit, a monitor's MONITOR_P_EXIT): OTP drops the
        // connection otherwise. Holding the writer lock while spawning
        // makes every packet of the child wait behind the reply.
        let mut w = conn.writer.lock().unwrap_or_else(|e| e.into_inner());
        let result = if m.is_atom() && f.is_atom() && args.list_len().is_some() {
            Term::pid(vm.spawn_mfa_opts(m, f, args, &o, None))
        } else {
            Term::atom(Atom::BADARG)
        };
        let mut h = Heap::new();
        let elems = [small(SPAWN_REPLY), req, from_t, small(flags), result];
        let ctrl = heap::make_tuple(&mut h, &elems);
        self.trace(&format!("-> {ctrl:?}"));
        if let Some(p) = packet(ctrl, None) {
            conn.write_locked(&mut w, &p);
        }
    }
}

impl VmInner {
    /// The `'DOWN'` for a monitor on another node's process.
    pub fn remote_down_message(
        &self,
        ref_id: u64,
        target: &RemoteTarget,
        reason: Term,
    ) -> heap::Fragment {
        let mut h = Heap::new();
        let r = heap::make_ref(&mut h, ref_id);
        let obj = match target {
            RemoteTarget::Pid(x) => heap::make_ext_pid(&mut h, x),
            RemoteTarget::Name(n, node) => {
                heap::make_tuple(&mut h, &[Term::atom(*n), Term::atom(*node)])
            }
        };
        let t = heap::make_tuple(
            &mut h,
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

    /// The connection to `node` is gone: every link to a process there
    /// delivers `noconnection`, every monitor on one a `'DOWN'` with
    /// `noconnection`; monitors from there are dropped.
    pub(crate) fn node_down(&self, node: Atom) {
        let reason = Term::atom(Atom::intern("noconnection"));
        for p in self.procs.all() {
            let (links, mons) = {
                let mut g = p.signals();
                // Without sets there is nothing to drop (and no need to
                // make them).
                let Some(s) = g.sets_mut() else { continue };
                let links: Vec<ExtPid> = s
                    .remote_links
                    .iter()
                    .filter(|x| x.node == node)
                    .copied()
                    .collect();
                for l in &links {
                    s.remote_links.remove(l);
                }
                let mons: Vec<(u64, RemoteTarget)> = s
                    .remote_monitors
                    .iter()
                    .filter(|(_, t)| t.node() == node)
                    .map(|(r, t)| (*r, *t))
                    .collect();
                for (r, _) in &mons {
                    s.remote_monitors.remove(r);
                }
                s.remote_watchers.retain(|_, (w, _)| w.node != node);
                (links, mons)
            };
            for l in links {
                let mut h = Heap::new();
                let from = heap::make_ext_pid(&mut h, &l);
                self.exit_signal_from(from, &p, reason, ExitFrom::Link);
            }
            for (r, t) in mons {
                let msg = self.remote_down_message(r, &t, reason);
                self.deliver(&p, msg);
            }
        }
    }
}
