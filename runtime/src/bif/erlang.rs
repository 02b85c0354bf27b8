//! `erlang` BIFs (other than arithmetic), `lists:reverse` and friends.

use super::{badarg, term_to_string, Ctx, NativeTable, Trap};
use crate::code::Class;
use crate::heap;
use crate::term::{order, Atom, Term};

fn element(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match (a[0].as_int(), a[1].tuple()) {
        (Some(i), Some(t)) if i >= 1 => t.get(i as usize - 1).map_or_else(badarg, Ok),
        _ => badarg(),
    }
}

fn setelement(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match (a[0].as_int(), a[1].tuple()) {
        (Some(i), Some(t)) if i >= 1 && (i as usize) <= t.len() => {
            let mut v = t.to_vec();
            v[i as usize - 1] = a[2];
            Ok(c.tuple(&v))
        }
        _ => badarg(),
    }
}

fn tuple_size(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    a[0].tuple()
        .map_or_else(badarg, |t| Ok(Term::small(t.len())))
}

fn length(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    a[0].list_len().map_or_else(badarg, |n| Ok(Term::small(n)))
}

fn hd(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    a[0].cons().map_or_else(badarg, |(h, _)| Ok(h))
}

fn tl(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    a[0].cons().map_or_else(badarg, |(_, t)| Ok(t))
}

fn map_size(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].map() {
        Some(m) => Ok(Term::small(m.len())),
        None => {
            let r = c.tuple(&[Term::atom(Atom::BADMAP), a[0]]);
            Err(Trap::Error(r))
        }
    }
}

fn map_get(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[1].map() {
        Some(m) => match m.get(a[0]) {
            Some(v) => Ok(v),
            None => {
                let r = c.tuple(&[Term::atom(Atom::BADKEY), a[0]]);
                Err(Trap::Error(r))
            }
        },
        None => {
            let r = c.tuple(&[Term::atom(Atom::BADMAP), a[1]]);
            Err(Trap::Error(r))
        }
    }
}

fn is_map_key(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[1].map() {
        Some(m) => Ok(Term::bool(m.get(a[0]).is_some())),
        None => {
            let r = c.tuple(&[Term::atom(Atom::BADMAP), a[1]]);
            Err(Trap::Error(r))
        }
    }
}

fn self_(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::pid(c.p.pid))
}

fn node(_c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::atom(crate::dist::this_node().0))
}

/// `node(Pid | Ref | Port)`: the node the identifier belongs to.
fn node1(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let t = a[0];
    let node = if t.is_pid() || t.ref_id().is_some() {
        crate::dist::this_node().0
    } else if let Some(x) = t.ext_pid() {
        x.node
    } else if let Some(x) = t.ext_ref() {
        x.node
    } else if let Some(x) = t.ext_port() {
        x.node
    } else {
        return badarg();
    };
    Ok(Term::atom(node))
}

fn is_alive(_c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    Ok(Term::bool(crate::dist::is_alive()))
}

fn make_ref(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let id = c.vm.new_ref_id();
    Ok(heap::make_ref(&mut c.p.heap, id))
}

fn send(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if !a[0].is_pid() && !a[0].is_atom() {
        if let Some(r) = super::dist::remote_send(c, a[0], a[1]) {
            return r;
        }
    }
    if c.vm.send(a[0], a[1]) {
        Ok(a[1])
    } else {
        badarg()
    }
}

/// Convert microseconds to `unit`.
fn convert_us(us: i128, unit: Term) -> Result<Term, Trap> {
    let v = match unit.as_atom() {
        Some(Atom::NATIVE | Atom::MICROSECOND | Atom::MICRO_SECONDS) => us,
        Some(Atom::NANOSECOND | Atom::NANO_SECONDS) => us * 1000,
        Some(Atom::MILLISECOND | Atom::MILLI_SECONDS) => us.div_euclid(1000),
        Some(Atom::SECOND | Atom::SECONDS) => us.div_euclid(1_000_000),
        _ => match unit.as_int() {
            Some(per_sec) if per_sec > 0 => (us * per_sec as i128).div_euclid(1_000_000),
            _ => return badarg(),
        },
    };
    match i64::try_from(v).ok().and_then(Term::int) {
        Some(t) => Ok(t),
        None => Err(Trap::Error(Term::atom(Atom::SYSTEM_LIMIT))),
    }
}

fn monotonic_us(c: &Ctx) -> i128 {
    c.vm.start.elapsed().as_micros() as i128
}

fn system_us() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as i128)
}

fn monotonic_time0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    convert_us(monotonic_us(c), Term::atom(Atom::NATIVE))
}
fn monotonic_time1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    convert_us(monotonic_us(c), a[0])
}
fn system_time0(_c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    convert_us(system_us(), Term::atom(Atom::NATIVE))
}
fn system_time1(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    convert_us(system_us(), a[0])
}

fn convert_time_unit(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(v) = a[0].as_int() else {
        return badarg();
    };
    let per_sec = |u: Term| -> Option<i128> {
        match u.as_atom() {
            Some(Atom::NATIVE | Atom::MICROSECOND | Atom::MICRO_SECONDS) => Some(1_000_000),
            Some(Atom::NANOSECOND | Atom::NANO_SECONDS) => Some(1_000_000_000),
            Some(Atom::MILLISECOND | Atom::MILLI_SECONDS) => Some(1000),
            Some(Atom::SECOND | Atom::SECONDS) => Some(1),
            _ => u.as_int().filter(|i| *i > 0).map(i128::from),
        }
    };
    let (Some(from), Some(to)) = (per_sec(a[1]), per_sec(a[2])) else {
        return badarg();
    };
    let r = (v as i128 * to).div_euclid(from);
    i64::try_from(r)
        .ok()
        .and_then(Term::int)
        .ok_or(Trap::Error(Term::atom(Atom::SYSTEM_LIMIT)))
}

fn exit1(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Err(Trap::Raise(Class::Exit, a[0]))
}

fn error1(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Err(Trap::Raise(Class::Error, a[0]))
}

fn throw1(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    Err(Trap::Raise(Class::Throw, a[0]))
}

fn raise3(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].as_atom().and_then(Class::from_atom) {
        Some(class) if a[2].is_list() => Err(Trap::RaiseWith(class, a[1], a[2])),
        _ => badarg(),
    }
}

/// `erlang:unique_integer/0,1`: one counter for the whole VM, so every
/// value is unique, positive and strictly increasing (what `[positive,
/// monotonic]` promises; OTP may also return negative ones without them).
fn unique_integer(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    use std::sync::atomic::{AtomicI64, Ordering};
    static NEXT: AtomicI64 = AtomicI64::new(1);
    if let Some(opts) = a.first() {
        if !opts.is_list() {
            return badarg();
        }
    }
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    Ok(Term::int(n).unwrap_or(Term::small(0)))
}

fn halt0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    c.vm.halt(0)
}

fn halt1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].as_int() {
        Some(n) => c.vm.halt(n as i32),
        None => c.vm.halt(1),
    }
}

fn atom_to_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].as_atom() {
        Some(at) => Ok(c.string(at.text())),
        None => badarg(),
    }
}

fn list_to_atom(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match term_to_string(a[0]) {
        Some(s) if a[0].list_len().is_some() => Ok(Term::atom(Atom::intern(&s))),
        _ => badarg(),
    }
}

fn list_to_existing_atom(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if !a[0].is_list() {
        return badarg();
    }
    match term_to_string(a[0]).and_then(|s| Atom::lookup(&s)) {
        Some(at) => Ok(Term::atom(at)),
        None => badarg(),
    }
}

pub(super) fn integer_to_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(v) = crate::term::big::to_bigint(a[0]) else {
        return badarg();
    };
    let base = match a.get(1) {
        Some(b) => match b.as_int() {
            Some(b) if (2..=36).contains(&b) => b as u32,
            _ => return badarg(),
        },
        None => 10,
    };
    let s = v.to_str_radix(base).to_ascii_uppercase();
    Ok(c.string(&s))
}

pub(super) fn list_to_integer(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(s) = term_to_string(a[0]).filter(|_| a[0].is_list()) else {
        return badarg();
    };
    let base = match a.get(1) {
        Some(b) => match b.as_int() {
            Some(b) if (2..=36).contains(&b) => b as u32,
            _ => return badarg(),
        },
        None => 10,
    };
    // An optional sign, then at least one digit of `base`, nothing else.
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, &s[..]),
    };
    if digits.is_empty() || !digits.chars().all(|ch| ch.is_digit(base)) {
        return badarg();
    }
    let Some(mut v) = num_bigint::BigInt::parse_bytes(digits.as_bytes(), base) else {
        return badarg();
    };
    if neg {
        v = -v;
    }
    Ok(heap::make_integer(&mut c.p.heap, &v))
}

fn tuple_to_list(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].tuple() {
        Some(t) => {
            let v = t.to_vec();
            Ok(c.list(&v))
        }
        None => badarg(),
    }
}

/// `erlang:make_tuple(N, Default)`.
fn make_tuple2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].as_int() {
        Some(n) if (0..=1 << 24).contains(&n) => Ok(c.tuple(&vec![a[1]; n as usize])),
        _ => badarg(),
    }
}

/// `erlang:make_tuple(N, Default, [{Pos, Value}])`: later pairs win.
fn make_tuple3(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(n), Some(inits)) = (a[0].as_int(), a[2].list_to_vec()) else {
        return badarg();
    };
    if !(0..=1 << 24).contains(&n) {
        return badarg();
    }
    let mut v = vec![a[1]; n as usize];
    for init in inits {
        let pair = init.tuple().filter(|t| t.len() == 2);
        let pos = pair.as_ref().and_then(|t| t.get(0)).and_then(Term::as_int);
        match (pos, pair.as_ref().and_then(|t| t.get(1))) {
            (Some(i), Some(val)) if i >= 1 && i <= n => v[i as usize - 1] = val,
            _ => return badarg(),
        }
    }
    Ok(c.tuple(&v))
}

/// `erlang:append_element(Tuple, E)`: the tuple with `E` added at the end.
fn append_element(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].tuple() {
        Some(t) => {
            let mut v = t.to_vec();
            v.push(a[1]);
            Ok(c.tuple(&v))
        }
        None => badarg(),
    }
}

fn list_to_tuple(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match a[0].list_to_vec() {
        Some(v) => Ok(c.tuple(&v)),
        None => badarg(),
    }
}

fn append(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    if a[1].is_nil() {
        return if a[0].is_list() { Ok(a[0]) } else { badarg() };
    }
    match a[0].list_to_vec() {
        Some(v) => Ok(heap::list_with_tail(&mut c.p.heap, &v, a[1])),
        None => badarg(),
    }
}

fn subtract(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(mut xs), Some(ys)) = (a[0].list_to_vec(), a[1].list_to_vec()) else {
        return badarg();
    };
    for y in ys {
        if let Some(i) = xs.iter().position(|x| order::eq_exact(*x, y)) {
            xs.remove(i);
        }
    }
    Ok(c.list(&xs))
}

/// OTP 25: lists:reverse/1 of a non-list is function_clause (it is Erlang
/// code there), reverse/2's is badarg (a BIF).
fn reverse1(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    reverse2(c, &[a[0], Term::NIL]).map_err(|_| Trap::Error(Term::atom(Atom::FUNCTION_CLAUSE)))
}

fn reverse2(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let mut acc = a[1];
    let mut cur = a[0];
    while let Some((h, t)) = cur.cons() {
        acc = c.cons(h, acc);
        cur = t;
    }
    if cur.is_nil() {
        Ok(acc)
    } else {
        badarg()
    }
}

fn apply2(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(args) = a[1].list_to_vec() else {
        return badarg();
    };
    Err(Trap::ApplyFun { fun: a[0], args })
}

fn apply3(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let (Some(m), Some(f), Some(args)) = (a[0].as_atom(), a[1].as_atom(), a[2].list_to_vec())
    else {
        return badarg();
    };
    Err(Trap::ApplyMfa {
        module: m,
        function: f,
        args,
    })
}

fn make_fun(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    match (a[0].as_atom(), a[1].as_atom(), a[2].as_int()) {
        (Some(m), Some(f), Some(n)) if (0..=255).contains(&n) => {
            Ok(heap::make_export_fun(&mut c.p.heap, m, f, n as u32))
        }
        _ => badarg(),
    }
}

fn display(c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let mut s = String::new();
    super::display::display_text(a[0], &mut s);
    // erts ends the line with "\r\n" (erl and escript alike, also when
    // stdout is a file).
    s.push_str("\r\n");
    c.vm.output.out(s.as_bytes());
    Ok(Term::TRUE)
}

pub(super) fn register(t: &mut NativeTable) {
    let inline: &[(&str, u32, super::NativeFn)] = &[
        ("element", 2, element),
        ("setelement", 3, setelement),
        ("tuple_size", 1, tuple_size),
        ("size", 1, tuple_size),
        ("length", 1, length),
        ("hd", 1, hd),
        ("tl", 1, tl),
        ("map_size", 1, map_size),
        ("map_get", 2, map_get),
        ("is_map_key", 2, is_map_key),
        ("self", 0, self_),
        ("node", 0, node),
        ("node", 1, node1),
    ];
    for &(f, a, nf) in inline {
        t.push(("erlang", f, a, nf, true));
    }
    let called: &[(&str, u32, super::NativeFn)] = &[
        ("make_ref", 0, make_ref),
        ("!", 2, send),
        ("send", 2, send),
        ("monotonic_time", 0, monotonic_time0),
        ("monotonic_time", 1, monotonic_time1),
        ("system_time", 0, system_time0),
        ("system_time", 1, system_time1),
        ("unique_integer", 0, unique_integer),
        ("unique_integer", 1, unique_integer),
        ("convert_time_unit", 3, convert_time_unit),
        ("exit", 1, exit1),
        ("error", 1, error1),
        ("error", 2, error1),
        ("throw", 1, throw1),
        ("raise", 3, raise3),
        ("halt", 0, halt0),
        ("halt", 1, halt1),
        ("atom_to_list", 1, atom_to_list),
        ("list_to_atom", 1, list_to_atom),
        ("list_to_existing_atom", 1, list_to_existing_atom),
        ("integer_to_list", 1, integer_to_list),
        ("integer_to_list", 2, integer_to_list),
        ("list_to_integer", 1, list_to_integer),
        ("list_to_integer", 2, list_to_integer),
        ("tuple_to_list", 1, tuple_to_list),
        ("append_element", 2, append_element),
        ("make_tuple", 2, make_tuple2),
        ("make_tuple", 3, make_tuple3),
        ("list_to_tuple", 1, list_to_tuple),
        ("++", 2, append),
        ("--", 2, subtract),
        ("apply", 2, apply2),
        ("apply", 3, apply3),
        ("make_fun", 3, make_fun),
        ("is_alive", 0, is_alive),
        ("display", 1, display),
    ];
    for &(f, a, nf) in called {
        t.push(("erlang", f, a, nf, false));
    }
    t.push(("lists", "reverse", 1, reverse1, false));
    t.push(("lists", "reverse", 2, reverse2, false));
}
