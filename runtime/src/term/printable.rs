//! Conversion of terms into the formatter's owned view ([`PTerm`]).

use crate::format::PTerm;

use super::{Sub, Term};

/// The printable view of a term (a deep copy; lists are walked iteratively).
pub fn to_pterm(t: Term) -> PTerm {
    if let Some(i) = t.as_int() {
        return PTerm::Int(i);
    }
    if let Some(a) = t.as_atom() {
        return PTerm::Atom(a.text().to_string());
    }
    if t.is_nil() {
        return PTerm::Nil;
    }
    if let Some(n) = t.as_pid() {
        return PTerm::Pid(pid_string(n));
    }
    if t.is_cons() {
        let mut items = Vec::new();
        let mut cur = t;
        while let Some((h, tl)) = cur.cons() {
            items.push(to_pterm(h));
            cur = tl;
        }
        let tail = if cur.is_nil() {
            None
        } else {
            Some(Box::new(to_pterm(cur)))
        };
        return PTerm::List(items, tail);
    }
    match t.sub() {
        Some(Sub::Tuple) => PTerm::Tuple(
            t.tuple()
                .map(|tp| tp.iter().map(to_pterm).collect())
                .unwrap_or_default(),
        ),
        Some(Sub::Float) => PTerm::Float(t.as_float().unwrap_or(0.0)),
        Some(Sub::PosBig | Sub::NegBig) => match t.big_limbs() {
            Some((negative, magnitude)) => PTerm::BigInt {
                negative,
                magnitude,
            },
            None => PTerm::Opaque("#Unknown<>".into()),
        },
        Some(Sub::Ref) => PTerm::Opaque(ref_string(t.ref_id().unwrap_or(0))),
        Some(Sub::ExtPid) => match t.ext_pid() {
            Some(x) => PTerm::Pid(format!(
                "<{}.{}.{}>",
                crate::dist::node_index(x.node),
                x.id,
                x.serial
            )),
            None => PTerm::Opaque("#Unknown<>".into()),
        },
        Some(Sub::ExtRef) => match t.ext_ref() {
            Some(x) => {
                let mut s = format!("#Ref<{}", crate::dist::node_index(x.node));
                for w in x.words().iter().rev() {
                    s.push_str(&format!(".{w}"));
                }
                s.push('>');
                PTerm::Opaque(s)
            }
            None => PTerm::Opaque("#Unknown<>".into()),
        },
        Some(Sub::ExtPort) => match t.ext_port() {
            Some(x) => PTerm::Opaque(format!(
                "#Port<{}.{}>",
                crate::dist::node_index(x.node),
                x.id
            )),
            None => PTerm::Opaque("#Unknown<>".into()),
        },
        Some(Sub::Fun) => match t.closure() {
            Some(c) => {
                let code = c.module_code();
                PTerm::Opaque(format!(
                    "#Fun<{}.{}.{}>",
                    code.name.text(),
                    c.index,
                    code.uniq
                ))
            }
            None => PTerm::Opaque("#Fun<>".into()),
        },
        Some(Sub::Export) => match t.export_fun() {
            Some((m, f, a)) => PTerm::Opaque(format!(
                "fun {}:{}/{}",
                crate::format::print_w(&PTerm::Atom(m.text().to_string())),
                crate::format::print_w(&PTerm::Atom(f.text().to_string())),
                a
            )),
            None => PTerm::Opaque("#Fun<>".into()),
        },
        Some(Sub::Map | Sub::HashMap) => match t.map() {
            // Iteration order: ascending keys (spec/runtime.md, Maps).
            Some(m) => PTerm::Map(
                m.pairs()
                    .into_iter()
                    .map(|(k, v)| (to_pterm(k), to_pterm(v)))
                    .collect(),
            ),
            None => PTerm::Map(Vec::new()),
        },
        Some(Sub::Binary | Sub::ProcBin | Sub::SubBin) => match t.bitstring() {
            Some(b) if b.is_binary() => PTerm::Binary(b.to_vec()),
            Some(b) => PTerm::Opaque(bitstring_text(&b)),
            None => PTerm::Opaque("#Unknown<>".into()),
        },
        _ => PTerm::Opaque("#Unknown<>".into()),
    }
}

pub fn pid_string(n: u64) -> String {
    format!("<0.{n}.0>")
}

pub fn ref_string(id: u64) -> String {
    format!(
        "#Ref<0.{}.{}.{}>",
        (id >> 40) & 0xff_ffff,
        (id >> 20) & 0xf_ffff,
        id & 0xf_ffff
    )
}

/// `~w`-style text, for debugging and error messages.
pub fn debug_string(t: Term) -> String {
    crate::format::print_w(&to_pterm(t))
}

/// A bitstring that is not a binary as `~w` prints it: `<<1,2,5:3>>`.
fn bitstring_text(b: &super::binary::BitSlice) -> String {
    let whole = b.bit_size() / 8;
    let mut items: Vec<String> = (0..whole).map(|i| b.content_byte(i).to_string()).collect();
    let rest = b.bit_size() % 8;
    items.push(format!("{}:{}", b.read_bits(whole * 8, rest), rest));
    format!("<<{}>>", items.join(","))
}
