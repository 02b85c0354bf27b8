//! A distributed node: listening, EPMD registration, the handshake (OTP 23+
//! version 6, both as initiator and acceptor) and the connection threads.
//!
//! Threads and safety: each connection has a reader thread (packets in,
//! loss detection) and a ticker thread (a tick when nothing was written for
//! a quarter of `net_ticktime`). Packets out are written by the sending
//! thread itself under the connection's writer lock (one `write_all` of
//! length and packet; localhost writes return at once unless the peer
//! stops reading, when the sender waits, as a BEAM sender waits on a busy
//! distribution port). The connection threads never touch a process heap
//! or a process body: an incoming
//! message is decoded into a scratch heap owned by the reader thread, copied
//! into a fresh `Fragment` and handed to the receiver through
//! `VmInner::deliver`, the very path a send from another scheduler takes
//! (inbox mutex, atomic state transition, injector when the waker is not a
//! scheduler). Links and monitors change under the target process's
//! `signals` lock, as local ones do. So the collector (which runs only on
//! the scheduler that owns a body, at its safe points) and the schedulers'
//! run queues see nothing they do not already handle. Outgoing packets are
//! encoded by the sending process inside its native call (natives never
//! collect, so the terms stay valid) before the writer lock is taken.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use super::{epmd, md5};
use crate::term::Atom;
use crate::vm::VmInner;

pub const DFLAG_PUBLISHED: u64 = 0x01;
pub const DFLAG_EXTENDED_REFERENCES: u64 = 0x04;
pub const DFLAG_DIST_MONITOR: u64 = 0x08;
pub const DFLAG_FUN_TAGS: u64 = 0x10;
pub const DFLAG_DIST_MONITOR_NAME: u64 = 0x20;
pub const DFLAG_NEW_FUN_TAGS: u64 = 0x80;
pub const DFLAG_EXTENDED_PIDS_PORTS: u64 = 0x100;
pub const DFLAG_EXPORT_PTR_TAG: u64 = 0x200;
pub const DFLAG_BIT_BINARIES: u64 = 0x400;
pub const DFLAG_NEW_FLOATS: u64 = 0x800;
pub const DFLAG_SMALL_ATOM_TAGS: u64 = 0x4000;
pub const DFLAG_UTF8_ATOMS: u64 = 0x10000;
pub const DFLAG_MAP_TAG: u64 = 0x20000;
pub const DFLAG_BIG_CREATION: u64 = 0x40000;
pub const DFLAG_HANDSHAKE_23: u64 = 0x0100_0000;
pub const DFLAG_UNLINK_ID: u64 = 0x0200_0000;
pub const DFLAG_MANDATORY_25_DIGEST: u64 = 0x0400_0000;
pub const DFLAG_SPAWN: u64 = 1 << 32;
pub const DFLAG_V4_NC: u64 = 1 << 34;

/// What OTP 25 requires of a peer (kernel's dist.hrl `DFLAG_DIST_MANDATORY`;
/// `DFLAG_MANDATORY_25_DIGEST` stands for all of them).
const MANDATORY: u64 = DFLAG_EXTENDED_REFERENCES
    | DFLAG_FUN_TAGS
    | DFLAG_EXTENDED_PIDS_PORTS
    | DFLAG_NEW_FUN_TAGS
    | DFLAG_EXPORT_PTR_TAG
    | DFLAG_BIT_BINARIES
    | DFLAG_NEW_FLOATS
    | DFLAG_UTF8_ATOMS
    | DFLAG_MAP_TAG
    | DFLAG_BIG_CREATION
    | DFLAG_HANDSHAKE_23;

/// The flags we offer. No atom cache and no dist header
/// (`DFLAG_DIST_HDR_ATOM_CACHE`), so the peer sends pass-through packets
/// (`112`, control message, message) and never fragments them
/// (`DFLAG_FRAGMENTS` needs the header); no `DFLAG_EXIT_PAYLOAD`,
/// `DFLAG_SEND_SENDER` or `DFLAG_ALIAS`, so the peer uses the plain
/// `EXIT`/`SEND` forms.
pub const OUR_FLAGS: u64 = MANDATORY
    | DFLAG_PUBLISHED
    | DFLAG_DIST_MONITOR
    | DFLAG_DIST_MONITOR_NAME
    | DFLAG_SMALL_ATOM_TAGS
    | DFLAG_UNLINK_ID
    | DFLAG_MANDATORY_25_DIGEST
    | DFLAG_SPAWN
    | DFLAG_V4_NC;

/// How to start a node (`eubeam run --sname/--name --cookie`).
#[derive(Clone, Debug)]
pub struct NodeConfig {
    /// The full node name, `alive@host`.
    pub name: String,
    pub cookie: String,
    /// `net_ticktime` in seconds (OTP's default is 60).
    pub ticktime: u64,
}

/// One established connection to another node.
pub struct Conn {
    pub node: Atom,
    pub creation: u32,
    pub flags: u64,
    /// The write half; whoever holds it writes whole packets.
    pub(crate) writer: Mutex<Option<TcpStream>>,
    stream: TcpStream,
    /// Milliseconds (since `epoch`) of the last write, for ticks.
    last_write: AtomicU64,
    epoch: std::time::Instant,
    closed: AtomicBool,
}

impl Conn {
    /// Write a packet (without its length prefix).
    pub fn send(&self, packet: Vec<u8>) {
        let mut w = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        self.write_locked(&mut w, &packet);
    }

    /// Write a packet with the writer lock held by the caller.
    pub(crate) fn write_locked(&self, w: &mut Option<TcpStream>, packet: &[u8]) {
        let Some(s) = w.as_mut() else { return };
        let mut out = Vec::with_capacity(4 + packet.len());
        out.extend_from_slice(&(packet.len() as u32).to_be_bytes());
        out.extend_from_slice(packet);
        if s.write_all(&out).is_err() {
            // The reader thread sees the broken connection and reports it.
            let _ = self.stream.shutdown(std::net::Shutdown::Both);
            *w = None;
            return;
        }
        let now = self.epoch.elapsed().as_millis() as u64;
        self.last_write.store(now, Ordering::Relaxed);
    }
}

/// Who gets `{nodeup, N}` / `{nodedown, N}` messages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum NodeWatch {
    /// `net_kernel:monitor_nodes(true)`: every node, up and down.
    All,
    /// `erlang:monitor_node(Node, true)`: that node going down, once.
    One(Atom),
}

/// The distribution state of this node (one per OS process, held by the VM).
pub struct Dist {
    pub name: Atom,
    pub creation: u32,
    cookie: String,
    ticktime: u64,
    pub(crate) vm: Weak<VmInner>,
    conns: Mutex<HashMap<Atom, Arc<Conn>>>,
    /// Serialises outgoing connection attempts (a node is dialled once).
    connecting: Mutex<()>,
    pub(crate) watchers: Mutex<Vec<(u64, NodeWatch)>>,
    pub(crate) next_id: AtomicU64,
    /// The epmd registration, alive as long as this connection is open.
    _epmd: Mutex<Option<TcpStream>>,
}

fn err(msg: impl Into<String>) -> io::Error {
    io::Error::other(msg.into())
}

/// A 32-bit challenge, from the standard library's per-process random keys.
fn random_u32() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.finish() as u32
}

fn digest(cookie: &str, challenge: u32) -> [u8; 16] {
    md5::digest(format!("{cookie}{challenge}").as_bytes())
}

/// Handshake messages are framed with a 2-byte length.
fn write_msg(s: &mut TcpStream, body: &[u8]) -> io::Result<()> {
    let len = u16::try_from(body.len()).map_err(|_| err("handshake message too long"))?;
    let mut out = len.to_be_bytes().to_vec();
    out.extend_from_slice(body);
    s.write_all(&out)
}

fn read_msg(s: &mut TcpStream) -> io::Result<Vec<u8>> {
    let mut len = [0u8; 2];
    s.read_exact(&mut len)?;
    let mut b = vec![0u8; u16::from_be_bytes(len) as usize];
    s.read_exact(&mut b)?;
    Ok(b)
}

fn be_u64(b: &[u8], at: usize) -> io::Result<u64> {
    let s = b
        .get(at..at + 8)
        .ok_or_else(|| err("short handshake message"))?;
    let mut w = [0u8; 8];
    w.copy_from_slice(s);
    Ok(u64::from_be_bytes(w))
}

fn be_u32(b: &[u8], at: usize) -> io::Result<u32> {
    let s = b
        .get(at..at + 4)
        .ok_or_else(|| err("short handshake message"))?;
    Ok(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

fn be_u16(b: &[u8], at: usize) -> io::Result<u16> {
    let s = b
        .get(at..at + 2)
        .ok_or_else(|| err("short handshake message"))?;
    Ok(u16::from_be_bytes([s[0], s[1]]))
}

/// `'N'`-style name part: flags, (challenge), creation, name.
struct Peer {
    flags: u64,
    creation: u32,
    name: String,
}

fn parse_name_tail(b: &[u8], at: usize) -> io::Result<(u32, String)> {
    let creation = be_u32(b, at)?;
    let n = be_u16(b, at + 4)? as usize;
    let name = b
        .get(at + 6..at + 6 + n)
        .ok_or_else(|| err("short handshake message"))?;
    let name = String::from_utf8(name.to_vec()).map_err(|_| err("bad node name"))?;
    Ok((creation, name))
}

/// The host part of `alive@host`.
pub fn split_name(node: &str) -> Option<(&str, &str)> {
    let (alive, host) = node.split_once('@')?;
    (!alive.is_empty() && !host.is_empty()).then_some((alive, host))
}

impl Dist {
    /// Listen, register with epmd, and become node `cfg.name` (process-wide:
    /// `dist::set_this_node`). The acceptor runs on its own thread.
    pub fn start(vm: &Arc<VmInner>, cfg: &NodeConfig) -> io::Result<Arc<Dist>> {
        let (alive, _host) =
            split_name(&cfg.name).ok_or_else(|| err(format!("bad node name {}", cfg.name)))?;
        let listener = TcpListener::bind(("0.0.0.0", 0))?;
        let port = listener.local_addr()?.port();
        let (reg, creation) = epmd::register(alive, port)?;
        let name = Atom::intern(&cfg.name);
        super::set_this_node(name, creation);
        let d = Arc::new(Dist {
            name,
            creation,
            cookie: cfg.cookie.clone(),
            ticktime: cfg.ticktime.max(4),
            vm: Arc::downgrade(vm),
            conns: Mutex::default(),
            connecting: Mutex::new(()),
            watchers: Mutex::default(),
            next_id: AtomicU64::new(1),
            _epmd: Mutex::new(Some(reg)),
        });
        let acceptor = d.clone();
        std::thread::Builder::new()
            .name("dist-accept".into())
            .spawn(move || {
                for s in listener.incoming() {
                    let Ok(s) = s else { continue };
                    let d = acceptor.clone();
                    let _ = std::thread::Builder::new()
                        .name("dist-conn".into())
                        .spawn(move || {
                            if let Err(e) = d.accept(s) {
                                d.trace(&format!("incoming connection refused: {e}"));
                            }
                        });
                }
            })?;
        Ok(d)
    }

    /// `EUBEAM_DIST_TRACE=1` prints connection events to stderr.
    pub(crate) fn trace(&self, what: &str) {
        if std::env::var_os("EUBEAM_DIST_TRACE").is_some() {
            eprintln!("[dist {}] {what}", self.name.text());
        }
    }

    /// Connected nodes (`nodes()`).
    pub fn nodes(&self) -> Vec<Atom> {
        let mut v: Vec<Atom> = self
            .conns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .keys()
            .copied()
            .collect();
        v.sort_by(|a, b| a.text().cmp(b.text()));
        v
    }

    pub fn connected(&self, node: Atom) -> Option<Arc<Conn>> {
        self.conns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&node)
            .cloned()
    }

    /// The connection to `node`, dialling it if needed (as the BEAM connects
    /// on first use). None when it cannot be reached or refuses us.
    pub fn connection(self: &Arc<Self>, node: Atom) -> Option<Arc<Conn>> {
        if node == self.name {
            return None;
        }
        if let Some(c) = self.connected(node) {
            return Some(c);
        }
        let _one = self.connecting.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = self.connected(node) {
            return Some(c);
        }
        match self.dial(node) {
            Ok(c) => Some(c),
            Err(e) => {
                self.trace(&format!("cannot connect to {}: {e}", node.text()));
                None
            }
        }
    }

    fn our_name_msg(&self, tag: u8, challenge: Option<u32>) -> Vec<u8> {
        let mut b = vec![tag];
        b.extend_from_slice(&OUR_FLAGS.to_be_bytes());
        if let Some(c) = challenge {
            b.extend_from_slice(&c.to_be_bytes());
        }
        b.extend_from_slice(&self.creation.to_be_bytes());
        let name = self.name.text();
        b.extend_from_slice(&(name.len() as u16).to_be_bytes());
        b.extend_from_slice(name.as_bytes());
        b
    }

    fn check_flags(flags: u64) -> io::Result<()> {
        if flags & DFLAG_MANDATORY_25_DIGEST != 0 || flags & MANDATORY == MANDATORY {
            Ok(())
        } else {
            Err(err(format!("peer lacks mandatory flags ({flags:#x})")))
        }
    }

    /// The initiator's side of the handshake.
    fn dial(self: &Arc<Self>, node: Atom) -> io::Result<Arc<Conn>> {
        let (alive, host) = split_name(node.text()).ok_or_else(|| err("bad node name"))?;
        let port = epmd::port_please(host, alive)?
            .ok_or_else(|| err(format!("{alive} is not registered with epmd on {host}")))?;
        let addr = (host, port)
            .to_socket_addrs()?
            .next()
            .ok_or_else(|| err(format!("cannot resolve {host}")))?;
        let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(7))?;
        s.set_nodelay(true)?;
        s.set_read_timeout(Some(Duration::from_secs(7)))?;
        write_msg(&mut s, &self.our_name_msg(b'N', None))?;
        let status = read_msg(&mut s)?;
        match &status[..] {
            b"sok" | b"sok_simultaneous" => {}
            b"salive" => write_msg(&mut s, b"strue")?,
            other => {
                return Err(err(format!(
                    "refused: {}",
                    String::from_utf8_lossy(other.get(1..).unwrap_or_default())
                )))
            }
        }
        let ch = read_msg(&mut s)?;
        if ch.first() != Some(&b'N') {
            return Err(err("peer does not speak distribution version 6"));
        }
        let flags = be_u64(&ch, 1)?;
        let their_challenge = be_u32(&ch, 9)?;
        let (creation, name) = parse_name_tail(&ch, 13)?;
        Self::check_flags(flags)?;
        if name != node.text() {
            return Err(err(format!("expected {}, got {name}", node.text())));
        }
        let ours = random_u32();
        let mut reply = vec![b'r'];
        reply.extend_from_slice(&ours.to_be_bytes());
        reply.extend_from_slice(&digest(&self.cookie, their_challenge));
        write_msg(&mut s, &reply)?;
        let ack = read_msg(&mut s)?;
        if ack.first() != Some(&b'a') || ack.get(1..17) != Some(&digest(&self.cookie, ours)[..]) {
            return Err(err("challenge ack mismatch (different cookies?)"));
        }
        let peer = Peer {
            flags,
            creation,
            name,
        };
        Ok(self.install(s, peer))
    }

    /// The acceptor's side of the handshake, then this thread reads.
    fn accept(self: &Arc<Self>, mut s: TcpStream) -> io::Result<()> {
        s.set_nodelay(true)?;
        s.set_read_timeout(Some(Duration::from_secs(7)))?;
        let m = read_msg(&mut s)?;
        if m.first() != Some(&b'N') {
            write_msg(&mut s, b"snot_allowed")?;
            return Err(err("peer does not speak distribution version 6"));
        }
        let flags = be_u64(&m, 1)?;
        let (creation, name) = parse_name_tail(&m, 9)?;
        Self::check_flags(flags)?;
        let node = Atom::intern(&name);
        if let Some(old) = self.connected(node) {
            // A connection we believe is up: the peer restarted or both
            // sides dialled. Ask the initiator, as OTP does.
            write_msg(&mut s, b"salive")?;
            let answer = read_msg(&mut s)?;
            if answer != b"strue" {
                return Err(err("simultaneous connection abandoned"));
            }
            self.lost(&old);
        } else {
            write_msg(&mut s, b"sok")?;
        }
        let ours = random_u32();
        write_msg(&mut s, &self.our_name_msg(b'N', Some(ours)))?;
        let r = read_msg(&mut s)?;
        if r.first() != Some(&b'r') || r.get(5..21) != Some(&digest(&self.cookie, ours)[..]) {
            return Err(err(format!(
                "{name}: bad challenge reply (different cookies?)"
            )));
        }
        let theirs = be_u32(&r, 1)?;
        let mut ack = vec![b'a'];
        ack.extend_from_slice(&digest(&self.cookie, theirs));
        write_msg(&mut s, &ack)?;
        self.install(
            s,
            Peer {
                flags,
                creation,
                name,
            },
        );
        Ok(())
    }

    /// A handshake succeeded: register the connection, start its threads,
    /// tell node monitors.
    fn install(self: &Arc<Self>, s: TcpStream, peer: Peer) -> Arc<Conn> {
        let node = Atom::intern(&peer.name);
        let write_half = s.try_clone().ok();
        let conn = Arc::new(Conn {
            node,
            creation: peer.creation,
            flags: peer.flags & OUR_FLAGS,
            writer: Mutex::new(write_half),
            stream: s,
            last_write: AtomicU64::new(0),
            epoch: std::time::Instant::now(),
            closed: AtomicBool::new(false),
        });
        self.conns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(node, conn.clone());
        self.trace(&format!(
            "connected to {} (flags {:#x})",
            peer.name, peer.flags
        ));
        let tick_ms = self.ticktime * 1000 / 4;
        let ticker = conn.clone();
        let _ = std::thread::Builder::new()
            .name("dist-tick".into())
            .spawn(move || {
                while !ticker.closed.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(tick_ms.min(1000)));
                    let now = ticker.epoch.elapsed().as_millis() as u64;
                    if now.saturating_sub(ticker.last_write.load(Ordering::Relaxed)) >= tick_ms {
                        ticker.send(Vec::new());
                    }
                }
            });
        let d = self.clone();
        let c = conn.clone();
        let _ = std::thread::Builder::new()
            .name("dist-read".into())
            .spawn(move || d.read_loop(&c));
        self.node_event(node, true);
        conn
    }

    fn read_loop(self: &Arc<Self>, conn: &Arc<Conn>) {
        let s = match conn.stream.try_clone() {
            Ok(s) => s,
            Err(_) => return self.lost(conn),
        };
        // Nothing at all (not even a tick) for net_ticktime: the peer is gone.
        let _ = s.set_read_timeout(Some(Duration::from_secs(self.ticktime)));
        let mut s = io::BufReader::with_capacity(1 << 16, s);
        loop {
            let mut len = [0u8; 4];
            if s.read_exact(&mut len).is_err() {
                break;
            }
            let n = u32::from_be_bytes(len) as usize;
            if n == 0 {
                continue; // a tick
            }
            let mut packet = vec![0u8; n];
            if s.read_exact(&mut packet).is_err() {
                break;
            }
            let Some(vm) = self.vm.upgrade() else { break };
            self.packet(&vm, conn, &packet);
        }
        self.lost(conn);
    }

    /// The connection ended (closed, failed, or silent for net_ticktime):
    /// links and monitors across it fire with `noconnection`, node monitors
    /// get `nodedown`. Only the registered connection for the node counts.
    pub(crate) fn lost(self: &Arc<Self>, conn: &Arc<Conn>) {
        let removed = {
            let mut t = self.conns.lock().unwrap_or_else(|e| e.into_inner());
            match t.get(&conn.node) {
                Some(c) if Arc::ptr_eq(c, conn) => t.remove(&conn.node).is_some(),
                _ => false,
            }
        };
        let _ = conn.stream.shutdown(std::net::Shutdown::Both);
        conn.closed.store(true, Ordering::Relaxed);
        if !removed {
            return;
        }
        self.trace(&format!("connection to {} lost", conn.node.text()));
        if let Some(vm) = self.vm.upgrade() {
            vm.node_down(conn.node);
        }
        self.node_event(conn.node, false);
    }

    /// `erlang:disconnect_node/1`.
    pub fn disconnect(self: &Arc<Self>, node: Atom) -> bool {
        match self.connected(node) {
            Some(c) => {
                self.lost(&c);
                true
            }
            None => false,
        }
    }

    fn node_event(&self, node: Atom, up: bool) {
        let Some(vm) = self.vm.upgrade() else { return };
        let targets: Vec<u64> = {
            let mut w = self.watchers.lock().unwrap_or_else(|e| e.into_inner());
            let t = w
                .iter()
                .filter(|(_, k)| *k == NodeWatch::All || (!up && *k == NodeWatch::One(node)))
                .map(|(p, _)| *p)
                .collect();
            if !up {
                w.retain(|(_, k)| *k != NodeWatch::One(node));
            }
            t
        };
        let tag = Atom::intern(if up { "nodeup" } else { "nodedown" });
        for pid in targets {
            if let Some(p) = vm.lookup(pid) {
                let mut h = crate::heap::Heap::new();
                let t = crate::heap::make_tuple(
                    &mut h,
                    &[crate::Term::atom(tag), crate::Term::atom(node)],
                );
                vm.deliver(&p, crate::heap::copy_to_fragment(t));
            }
        }
    }
}
