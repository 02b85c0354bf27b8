//! Distribution BIFs: `nodes/0,1`, `monitor_node/2`, `disconnect_node/1`,
//! `spawn/4`, and the primitives the Erlang library's `net_kernel`,
//! `net_adm` and `rpc` use (`erlang:'$dist_connect'/1`,
//! `'$dist_monitor_nodes'/1`). Sends, links, monitors and exit signals to
//! remote pids are handled where the local ones are (`erlang`, `process`),
//! through `remote_*` below.

use super::{badarg, Ctx, NativeTable, Trap};
use crate::dist::NodeWatch;
use crate::heap;
use crate::process::RemoteTarget;
use crate::signals::ExitFrom;
use crate::term::{Atom, ExtPid, Term};

fn noconnection() -> Term {
    Term::atom(Atom::intern("noconnection"))
}

fn nodes0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let nodes: Vec<Term> = match c.vm.dist.get() {
        Some(d) => d.nodes().into_iter().map(Term::atom).collect(),
        None => Vec::new(),
    };
    Ok(c.list(&nodes))
}

/// `nodes(visible | connected | this | known | [Kinds])`.
fn nodes1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let kinds = match a[0].list_to_vec() {
        Some(v) => v,
        None => vec![a[0]],
    };
    let mut out = Vec::new();
    for k in kinds {
        match k.as_atom().map(Atom::text) {
            Some("visible" | "connected") => {
                if let Some(d) = c.vm.dist.get() {
                    out.extend(d.nodes().into_iter().map(Term::atom));
                }
            }
            Some("this") => out.push(Term::atom(crate::dist::this_node().0)),
            Some("known") => {
                out.push(Term::atom(crate::dist::this_node().0));
                if let Some(d) = c.vm.dist.get() {
                    out.extend(d.nodes().into_iter().map(Term::atom));
                }
            }
            Some("hidden") => {}
            _ => return badarg(),
        }
    }
    Ok(c.list(&out))
}

/// `net_kernel:connect_node/1`: true when connected, false when not
/// reachable, `ignored` when this node is not alive (as OTP).
fn connect(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(node) = a[0].as_atom() else {
        return badarg();
    };
    let Some(d) = c.vm.dist.get() else {
        return Ok(Term::atom(Atom::intern("ignored")));
    };
    if node == d.name {
        return Ok(Term::TRUE);
    }
    Ok(Term::bool(d.connection(node).is_some()))
}

fn disconnect(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(node) = a[0].as_atom() else {
        return badarg();
    };
    match c.vm.dist.get() {
        Some(d) => Ok(Term::bool(d.disconnect(node))),
        None => Ok(Term::atom(Atom::intern("ignored"))),
    }
}

/// `net_kernel:monitor_nodes(Flag)`: `{nodeup, N}` and `{nodedown, N}`
/// messages for every node while subscribed (each `true` adds one
/// subscription, each `false` removes one, as OTP).
fn monitor_nodes(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let on = match a[0].as_atom() {
        Some(Atom::TRUE) => true,
        Some(Atom::FALSE) => false,
        _ => return badarg(),
    };
    let Some(d) = c.vm.dist.get() else {
        return Ok(Term::atom(Atom::intern("ignored")));
    };
    let mut w = d.watchers.lock().unwrap_or_else(|e| e.into_inner());
    if on {
        w.push((c.p.pid, NodeWatch::All));
    } else if let Some(i) = w
        .iter()
        .position(|&(p, k)| p == c.p.pid && k == NodeWatch::All)
    {
        w.remove(i);
    }
    Ok(Term::OK)
}

/// `erlang:monitor_node(Node, Flag)`: one `{nodedown, Node}` when the
/// connection goes (at once if it cannot be made).
fn monitor_node(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(node), Some(flag)) = (a[0].as_atom(), a[1].as_atom()) else {
        return badarg();
    };
    let Some(d) = c.vm.dist.get() else {
        return badarg();
    };
    if flag == Atom::FALSE {
        let mut w = d.watchers.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = w
            .iter()
            .position(|&(p, k)| p == c.p.pid && k == NodeWatch::One(node))
        {
            w.remove(i);
        }
        return Ok(Term::TRUE);
    }
    if node != d.name && d.connection(node).is_none() {
        let t = heap::make_tuple(
            &mut heap::Heap::new(),
            &[Term::atom(Atom::intern("nodedown")), Term::atom(node)],
        );
        c.vm.deliver(c.me, heap::copy_to_fragment(t));
        return Ok(Term::TRUE);
    }
    d.watchers
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((c.p.pid, NodeWatch::One(node)));
    Ok(Term::TRUE)
}

/// `spawn(Node, M, F, Args)`: local when Node is this node, else a
/// `SPAWN_REQUEST`; `erpc:'$spawn_wait'/4` waits for the reply.
fn spawn4(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    remote_spawn(c, a, "spawn", &[])
}

/// `spawn_link(Node, M, F, Args)`: the `SPAWN_REQUEST` asks for a link.
fn spawn_link4(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    remote_spawn(c, a, "spawn_link", &["link"])
}

/// `spawn_monitor(Node, M, F, Args)` -> `{Pid, Ref}`; the request's id is
/// the monitor's reference.
fn spawn_monitor4(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    remote_spawn(c, a, "spawn_monitor", &["monitor"])
}

fn remote_spawn(c: &mut Ctx, a: &[Term], local: &str, opts: &[&str]) -> Result<Term, Trap> {
    let Some(node) = a[0].as_atom() else {
        return badarg();
    };
    if !a[1].is_atom() || !a[2].is_atom() || a[3].list_len().is_none() {
        return badarg();
    }
    if node == crate::dist::this_node().0 {
        return Err(Trap::ApplyMfa {
            module: Atom::ERLANG,
            function: Atom::intern(local),
            args: vec![a[1], a[2], a[3]],
        });
    }
    let Some(d) = c.vm.dist.get() else {
        return badarg();
    };
    let r = c.vm.new_ref_id();
    let opts: Vec<Atom> = opts.iter().map(|o| Atom::intern(o)).collect();
    let sent = d.spawn_request(c.p.pid, node, r, (a[1], a[2], a[3]), &opts);
    let rt = heap::make_ref(&mut c.p.heap, r);
    Err(Trap::ApplyMfa {
        module: Atom::intern("erpc"),
        function: Atom::intern("$spawn_wait"),
        args: vec![rt, Term::bool(sent), a[0], Term::atom(Atom::intern(local))],
    })
}

fn localhost(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let h = crate::dist::short_hostname();
    Ok(c.string(&h))
}

/// `net_adm:names(Host)`: `{ok, [{Name, Port}]}` from epmd on Host.
fn epmd_names(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let host: Option<String> = match a[0].as_atom() {
        Some(h) => Some(h.text().to_string()),
        None => a[0].list_to_vec().and_then(|v| {
            v.iter()
                .map(|t| t.as_int().and_then(|i| char::from_u32(i as u32)))
                .collect()
        }),
    };
    let Some(host) = host else {
        return badarg();
    };
    match crate::dist::epmd::names(&host) {
        Ok(names) => {
            let items: Vec<Term> = names
                .iter()
                .map(|(n, p)| {
                    let s = c.string(n);
                    c.tuple(&[s, Term::small(*p as usize)])
                })
                .collect();
            let l = c.list(&items);
            Ok(c.tuple(&[Term::OK, l]))
        }
        Err(_) => Ok(c.tuple(&[
            Term::atom(Atom::intern("error")),
            Term::atom(Atom::intern("address")),
        ])),
    }
}

// ---- the remote halves of send, link, monitor, exit (called by the
// local BIFs when the target is on another node) ----

/// `Dest ! Msg` where Dest is a remote pid or `{Name, Node}`; None when
/// `dest` is neither.
pub(super) fn remote_send(c: &mut Ctx, dest: Term, msg: Term) -> Option<Result<Term, Trap>> {
    if let Some(x) = dest.ext_pid() {
        if let Some(d) = c.vm.dist.get() {
            d.send(&x, msg);
        }
        return Some(Ok(msg));
    }
    let t = dest.tuple().filter(|t| t.len() == 2)?;
    let (Some(name), Some(node)) = (
        t.get(0).and_then(Term::as_atom),
        t.get(1).and_then(Term::as_atom),
    ) else {
        return Some(badarg());
    };
    if node == crate::dist::this_node().0 {
        return Some(if c.vm.send(Term::atom(name), msg) {
            Ok(msg)
        } else {
            badarg()
        });
    }
    if let Some(d) = c.vm.dist.get() {
        d.reg_send(c.p.pid, name, node, msg);
    }
    Some(Ok(msg))
}

pub(super) fn remote_link(c: &mut Ctx, pid: Term, x: ExtPid) -> Result<Term, Trap> {
    let linked = match c.vm.dist.get() {
        Some(d) => {
            c.me.signals().remote_links.insert(x);
            d.link(c.p.pid, &x)
        }
        None => false,
    };
    if !linked {
        c.me.signals().remote_links.remove(&x);
        c.vm.exit_signal_from(pid, c.me, noconnection(), ExitFrom::Link);
    }
    Ok(Term::TRUE)
}

pub(super) fn remote_unlink(c: &mut Ctx, x: ExtPid) -> Result<Term, Trap> {
    if c.me.signals().remote_links.remove(&x) {
        if let Some(d) = c.vm.dist.get() {
            d.unlink(c.p.pid, &x);
        }
    }
    Ok(Term::TRUE)
}

/// `monitor(process, RemotePid | {Name, Node})`.
pub(super) fn remote_monitor(c: &mut Ctx, target: RemoteTarget) -> Result<Term, Trap> {
    let r = c.vm.new_ref_id();
    c.me.signals().remote_monitors.insert(r, target);
    let ok =
        c.vm.dist
            .get()
            .is_some_and(|d| d.monitor(c.p.pid, &target, r));
    if !ok && c.me.signals().remote_monitors.remove(&r).is_some() {
        let msg = c.vm.remote_down_message(r, &target, noconnection());
        c.vm.deliver(c.me, msg);
    }
    Ok(heap::make_ref(&mut c.p.heap, r))
}

/// `demonitor` of a monitor on a remote process: true if it was active.
pub(super) fn remote_demonitor(c: &mut Ctx, r: u64) -> bool {
    let held = c.me.signals().remote_monitors.remove(&r);
    match held {
        Some(t) => {
            if let Some(d) = c.vm.dist.get() {
                d.demonitor(c.p.pid, &t, r);
            }
            true
        }
        None => false,
    }
}

pub(super) fn remote_exit(c: &mut Ctx, x: ExtPid, reason: Term) -> Result<Term, Trap> {
    if let Some(d) = c.vm.dist.get() {
        d.exit2(c.p.pid, &x, reason);
    }
    Ok(Term::TRUE)
}

pub(super) fn register(t: &mut NativeTable) {
    let erlang: &[(&str, u32, super::NativeFn)] = &[
        ("nodes", 0, nodes0),
        ("nodes", 1, nodes1),
        ("monitor_node", 2, monitor_node),
        ("disconnect_node", 1, disconnect),
        ("spawn", 4, spawn4),
        ("spawn_link", 4, spawn_link4),
        ("spawn_monitor", 4, spawn_monitor4),
        ("$dist_connect", 1, connect),
        ("$dist_monitor_nodes", 1, monitor_nodes),
        ("$localhost", 0, localhost),
        ("$epmd_names", 1, epmd_names),
    ];
    for &(f, a, nf) in erlang {
        t.push(("erlang", f, a, nf, false));
    }
}
