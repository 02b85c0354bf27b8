//! Erlang distribution: this node's identity, remote pids/refs/ports, and
//! (in the submodules) EPMD, the handshake and the connections to other
//! nodes. See spec/runtime.md, Distribution.
//!
//! One node per OS process, as on the BEAM: the node name and creation are
//! process-wide (`set_this_node`), so the term codec, the printer and every
//! VM in the process agree on which pids are local. A runtime that is not
//! alive is `nonode@nohost` with creation 0.

use std::sync::{Mutex, RwLock};

use crate::term::Atom;

static THIS: RwLock<(Atom, u32)> = RwLock::new((Atom::NONODE, 0));

/// Indexes shown as `N` in `<N.I.S>` for pids of other nodes (0 is local).
static NODE_INDEX: Mutex<Vec<Atom>> = Mutex::new(Vec::new());

/// This node's name and creation (`nonode@nohost`, 0 when not alive).
pub fn this_node() -> (Atom, u32) {
    *THIS.read().unwrap_or_else(|e| e.into_inner())
}

/// Make this OS process the node `name` with `creation` (`eubeam run
/// --sname`), or not alive again with `nonode@nohost`, 0.
pub fn set_this_node(name: Atom, creation: u32) {
    *THIS.write().unwrap_or_else(|e| e.into_inner()) = (name, creation);
}

/// Is this runtime a distributed node (`is_alive/0`)?
pub fn is_alive() -> bool {
    this_node().0 != Atom::NONODE
}

/// Whether `node`/`creation` name this node (a pid or ref decoded from ETF
/// is local then). Creation 0 is a wildcard, as OTP's old `PID_EXT` allows.
pub fn is_this(node: Atom, creation: u32) -> bool {
    let (me, c) = this_node();
    node == me && (creation == c || creation == 0 || c == 0)
}

/// The number printed for `node` in `<N.I.S>`, `#Ref<N...>`, `#Port<N.I>`:
/// 0 for this node, else a stable index per node name for this OS process
/// (the BEAM's numbers come from its node table and cannot be reproduced).
pub fn node_index(node: Atom) -> usize {
    if node == this_node().0 {
        return 0;
    }
    let mut t = NODE_INDEX.lock().unwrap_or_else(|e| e.into_inner());
    match t.iter().position(|&n| n == node) {
        Some(i) => i + 1,
        None => {
            t.push(node);
            t.len()
        }
    }
}

pub mod control;
pub mod epmd;
pub mod md5;
pub mod node;

pub use node::{Dist, NodeConfig, NodeWatch};

/// This host's name as `erl -sname` uses it (the part before the first dot).
pub fn short_hostname() -> String {
    let full = ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|f| std::fs::read_to_string(f).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".to_string());
    full.split('.').next().unwrap_or("localhost").to_string()
}
