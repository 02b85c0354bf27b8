//! EPMD, the Erlang Port Mapper Daemon protocol (erts/doc "Distribution
//! Protocol", EPMD section): the client a node uses to register its
//! listening port (`ALIVE2_REQ`, kept open for the node's life) and to find
//! other nodes (`PORT_PLEASE2_REQ`, `NAMES_REQ`), and a compatible daemon
//! (`eubeam epmd`) for hosts where no epmd runs; real `erl` nodes can use it.
//!
//! Requests are `Len:16, Request` on a fresh TCP connection to port 4369
//! (`ERL_EPMD_PORT` overrides it); integers are big-endian.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const ALIVE2_REQ: u8 = 120;
const ALIVE2_RESP: u8 = 121;
const ALIVE2_X_RESP: u8 = 118;
const PORT_PLEASE2_REQ: u8 = 122;
const PORT2_RESP: u8 = 119;
const NAMES_REQ: u8 = 110;

/// Highest and lowest distribution versions we speak (OTP 23+: 6; 5 only
/// for the version fields epmd stores).
const HIGHEST_VERSION: u16 = 6;
const LOWEST_VERSION: u16 = 5;

/// The port epmd listens on.
pub fn epmd_port() -> u16 {
    std::env::var("ERL_EPMD_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(4369)
}

fn connect(host: &str) -> io::Result<TcpStream> {
    let s = TcpStream::connect((host, epmd_port()))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    s.set_nodelay(true)?;
    Ok(s)
}

fn request(s: &mut TcpStream, body: &[u8]) -> io::Result<()> {
    let len = u16::try_from(body.len()).map_err(|_| io::ErrorKind::InvalidInput)?;
    let mut out = len.to_be_bytes().to_vec();
    out.extend_from_slice(body);
    s.write_all(&out)
}

/// Register `alive` (the part of the node name before `@`) listening on
/// `port`. Returns the open connection (the registration lasts as long as
/// it stays open) and the creation epmd assigned.
pub fn register(alive: &str, port: u16) -> io::Result<(TcpStream, u32)> {
    let mut s = connect("127.0.0.1")?;
    let mut b = vec![ALIVE2_REQ];
    b.extend_from_slice(&port.to_be_bytes());
    b.push(77); // normal Erlang node (72 would be hidden)
    b.push(0); // TCP/IPv4
    b.extend_from_slice(&HIGHEST_VERSION.to_be_bytes());
    b.extend_from_slice(&LOWEST_VERSION.to_be_bytes());
    b.extend_from_slice(&(alive.len() as u16).to_be_bytes());
    b.extend_from_slice(alive.as_bytes());
    b.extend_from_slice(&0u16.to_be_bytes());
    request(&mut s, &b)?;
    let mut head = [0u8; 2];
    s.read_exact(&mut head)?;
    let creation = match head {
        [ALIVE2_X_RESP, 0] => {
            let mut c = [0u8; 4];
            s.read_exact(&mut c)?;
            u32::from_be_bytes(c)
        }
        [ALIVE2_RESP, 0] => {
            let mut c = [0u8; 2];
            s.read_exact(&mut c)?;
            u32::from(u16::from_be_bytes(c))
        }
        _ => {
            return Err(io::Error::new(
                io::ErrorKind::AddrInUse,
                format!("epmd refused the name {alive} (already registered?)"),
            ))
        }
    };
    s.set_read_timeout(None)?;
    Ok((s, creation))
}

/// The distribution port of node `alive` on `host`, or None if epmd there
/// does not know it.
pub fn port_please(host: &str, alive: &str) -> io::Result<Option<u16>> {
    let mut s = connect(host)?;
    let mut b = vec![PORT_PLEASE2_REQ];
    b.extend_from_slice(alive.as_bytes());
    request(&mut s, &b)?;
    let mut head = [0u8; 2];
    s.read_exact(&mut head)?;
    if head != [PORT2_RESP, 0] {
        return Ok(None);
    }
    let mut port = [0u8; 2];
    s.read_exact(&mut port)?;
    Ok(Some(u16::from_be_bytes(port)))
}

/// The names registered with epmd on `host` and their ports.
pub fn names(host: &str) -> io::Result<Vec<(String, u16)>> {
    let mut s = connect(host)?;
    request(&mut s, &[NAMES_REQ])?;
    let mut all = Vec::new();
    s.read_to_end(&mut all)?;
    let text = String::from_utf8_lossy(all.get(4..).unwrap_or_default()).into_owned();
    Ok(text
        .lines()
        .filter_map(|l| {
            // "name NAME at port PORT"
            let rest = l.strip_prefix("name ")?;
            let (name, port) = rest.rsplit_once(" at port ")?;
            Some((name.to_string(), port.trim().parse().ok()?))
        })
        .collect())
}

/// Is an epmd answering on this host?
pub fn running() -> bool {
    names("127.0.0.1").is_ok()
}

// ---- the daemon ----

#[derive(Clone)]
struct Entry {
    port: u16,
    node_type: u8,
    protocol: u8,
    highest: u16,
    lowest: u16,
    extra: Vec<u8>,
}

type Table = Arc<Mutex<HashMap<String, Entry>>>;

/// Serve the EPMD protocol on `0.0.0.0:port` until the process ends (one
/// thread per client). Registrations last while their connection is open.
pub fn serve(port: u16) -> io::Result<()> {
    let listener = TcpListener::bind(("0.0.0.0", port))?;
    let table: Table = Arc::default();
    let creation = Arc::new(Mutex::new(
        (std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as u32)
            .unwrap_or(1)
            % 0xffff_fff0)
            + 4,
    ));
    for s in listener.incoming() {
        let Ok(s) = s else { continue };
        let table = table.clone();
        let creation = creation.clone();
        std::thread::spawn(move || {
            let _ = client(s, &table, &creation);
        });
    }
    Ok(())
}

fn read_u16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn client(mut s: TcpStream, table: &Table, creation: &Mutex<u32>) -> io::Result<()> {
    let mut len = [0u8; 2];
    s.read_exact(&mut len)?;
    let mut req = vec![0u8; u16::from_be_bytes(len) as usize];
    s.read_exact(&mut req)?;
    match req.first() {
        Some(&ALIVE2_REQ) => {
            let parse = || -> Option<(String, Entry)> {
                let nlen = read_u16(&req, 9)? as usize;
                let name = std::str::from_utf8(req.get(11..11 + nlen)?).ok()?;
                let elen = read_u16(&req, 11 + nlen)? as usize;
                let extra = req.get(13 + nlen..13 + nlen + elen)?.to_vec();
                Some((
                    name.to_string(),
                    Entry {
                        port: read_u16(&req, 1)?,
                        node_type: *req.get(3)?,
                        protocol: *req.get(4)?,
                        highest: read_u16(&req, 5)?,
                        lowest: read_u16(&req, 7)?,
                        extra,
                    },
                ))
            };
            let Some((name, entry)) = parse() else {
                return s.write_all(&[ALIVE2_X_RESP, 1, 0, 0, 0, 0]);
            };
            let c = {
                let mut t = table.lock().unwrap_or_else(|e| e.into_inner());
                if t.contains_key(&name) {
                    None
                } else {
                    t.insert(name.clone(), entry);
                    let mut c = creation.lock().unwrap_or_else(|e| e.into_inner());
                    *c = c.wrapping_add(1).max(4);
                    Some(*c)
                }
            };
            let Some(c) = c else {
                return s.write_all(&[ALIVE2_X_RESP, 1, 0, 0, 0, 0]);
            };
            let mut out = vec![ALIVE2_X_RESP, 0];
            out.extend_from_slice(&c.to_be_bytes());
            s.write_all(&out)?;
            // The registration lasts until the node closes the connection.
            let mut sink = [0u8; 64];
            while matches!(s.read(&mut sink), Ok(n) if n > 0) {}
            table
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&name);
            Ok(())
        }
        Some(&PORT_PLEASE2_REQ) => {
            let name = String::from_utf8_lossy(&req[1..]).into_owned();
            let e = table
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&name)
                .cloned();
            let Some(e) = e else {
                return s.write_all(&[PORT2_RESP, 1]);
            };
            let mut out = vec![PORT2_RESP, 0];
            out.extend_from_slice(&e.port.to_be_bytes());
            out.push(e.node_type);
            out.push(e.protocol);
            out.extend_from_slice(&e.highest.to_be_bytes());
            out.extend_from_slice(&e.lowest.to_be_bytes());
            out.extend_from_slice(&(name.len() as u16).to_be_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&(e.extra.len() as u16).to_be_bytes());
            out.extend_from_slice(&e.extra);
            s.write_all(&out)
        }
        Some(&NAMES_REQ) => {
            let mut out = u32::from(epmd_port()).to_be_bytes().to_vec();
            let t = table.lock().unwrap_or_else(|e| e.into_inner());
            let mut names: Vec<_> = t.iter().collect();
            names.sort_by(|a, b| a.0.cmp(b.0));
            for (n, e) in names {
                out.extend_from_slice(format!("name {} at port {}\n", n, e.port).as_bytes());
            }
            drop(t);
            s.write_all(&out)
        }
        _ => Ok(()),
    }
}
