//! Lua's basic library (`print`, `type`, `tostring`, ...), `math`, `os`,
//! `io` and `utf8`, and the construction of the global environment.
//!
//! Every library function is a native of arity 1 taking the Lua argument
//! list and returning Lua results (one value, or a list).

use std::io::{BufRead, Read};

use super::natives::{metafield, norm_key, raw_equal, rawget};
use super::number::{self, int_of, num_of, tonum, Num};
use super::{is_nil, make_str, nil, ret, str_bytes, type_name, ATOMS};
use crate::bif::{Ctx, NativeFn, NativeTable, Trap};
use crate::heap;
use crate::term::{Atom, Term};

type R = Result<Term, Trap>;

pub fn arg(a: &[Term], i: usize) -> Term {
    a.get(i).copied().unwrap_or_else(nil)
}

pub fn argv(a: &[Term]) -> Vec<Term> {
    a.first().and_then(|l| l.list_to_vec()).unwrap_or_default()
}

pub fn argerr<T>(c: &mut Ctx<'_>, n: usize, fname: &str, msg: &str) -> Result<T, Trap> {
    super::lua_err(c, &format!("bad argument #{n} to '{fname}' ({msg})"))
}

pub fn typeerr<T>(
    c: &mut Ctx<'_>,
    n: usize,
    fname: &str,
    expected: &str,
    got: Term,
) -> Result<T, Trap> {
    let tn = if got == Term::NON_VALUE {
        "no value"
    } else {
        type_name(&c.p.lua, got)
    };
    argerr(c, n, fname, &format!("{expected} expected, got {tn}"))
}

/// Argument `n` (1-based) as an integer (floats with integral values and
/// numeric strings convert).
pub fn check_int(c: &mut Ctx<'_>, a: &[Term], n: usize, fname: &str) -> Result<i64, Trap> {
    let v = a.get(n - 1).copied().unwrap_or(Term::NON_VALUE);
    match (v != Term::NON_VALUE).then(|| tonum(v)).flatten() {
        Some(Num::Int(i)) => Ok(i),
        Some(Num::Flt(f)) => match number::flt_to_int(f) {
            Some(i) => Ok(i),
            None => argerr(c, n, fname, "number has no integer representation"),
        },
        None => typeerr(c, n, fname, "number", v),
    }
}

pub fn opt_int(c: &mut Ctx<'_>, a: &[Term], n: usize, fname: &str, d: i64) -> Result<i64, Trap> {
    match a.get(n - 1) {
        None => Ok(d),
        Some(v) if is_nil(*v) => Ok(d),
        Some(_) => check_int(c, a, n, fname),
    }
}

pub fn check_num(c: &mut Ctx<'_>, a: &[Term], n: usize, fname: &str) -> Result<Num, Trap> {
    let v = a.get(n - 1).copied().unwrap_or(Term::NON_VALUE);
    match (v != Term::NON_VALUE).then(|| tonum(v)).flatten() {
        Some(x) => Ok(x),
        None => typeerr(c, n, fname, "number", v),
    }
}

pub fn check_str(c: &mut Ctx<'_>, a: &[Term], n: usize, fname: &str) -> Result<Vec<u8>, Trap> {
    let v = a.get(n - 1).copied().unwrap_or(Term::NON_VALUE);
    if v != Term::NON_VALUE {
        if let Some(b) = str_bytes(v) {
            return Ok(b);
        }
        if let Some(x) = num_of(v) {
            return Ok(number::num_to_string(x).into_bytes());
        }
    }
    typeerr(c, n, fname, "string", v)
}

pub fn check_table(c: &mut Ctx<'_>, a: &[Term], n: usize, fname: &str) -> Result<Term, Trap> {
    let v = a.get(n - 1).copied().unwrap_or(Term::NON_VALUE);
    if v != Term::NON_VALUE && c.p.lua.is_table(v) {
        return Ok(v);
    }
    typeerr(c, n, fname, "table", v)
}

/// `tostring` without metamethods.
pub fn tostring_raw(c: &Ctx<'_>, v: Term) -> Vec<u8> {
    if let Some(b) = str_bytes(v) {
        return b;
    }
    if let Some(n) = num_of(v) {
        return number::num_to_string(n).into_bytes();
    }
    if is_nil(v) {
        return b"nil".to_vec();
    }
    if v == Term::TRUE {
        return b"true".to_vec();
    }
    if v == Term::FALSE {
        return b"false".to_vec();
    }
    let tn = type_name(&c.p.lua, v);
    let addr = address(v);
    let name = metafield(c, v, "__name");
    match str_bytes(name) {
        Some(n) => format!("{}: 0x{addr:012x}", String::from_utf8_lossy(&n)).into_bytes(),
        None => format!("{tn}: 0x{addr:012x}").into_bytes(),
    }
}

/// The made-up address `tostring` and `%p` show for a table, function,
/// coroutine or string: arena objects by slot, others by hash.
pub fn address(v: Term) -> u64 {
    match super::obj_slot(v) {
        Some(s) => 0x5555_0000_0000u64 + (s as u64) * 64,
        None => 0x5566_0000_0000u64 + (crate::term::hash::hash(v) & 0xffff_fff0),
    }
}

fn needs_meta_tostring(c: &Ctx<'_>, v: Term) -> bool {
    c.p.lua.is_table(v) && !is_nil(metafield(c, v, "__tostring"))
}

/// A helper written in Lua (the registry, filled by the Lua prelude).
pub fn registry_fn(c: &Ctx<'_>, name: &str) -> Term {
    let reg = c.p.lua.special[2];
    match c.p.lua.table(reg) {
        Some(t) => t.get_bytes(name.as_bytes()),
        None => nil(),
    }
}

fn fallback(c: &mut Ctx<'_>, name: &str, args: Term) -> R {
    let f = registry_fn(c, name);
    if f.is_function() {
        return Err(Trap::ApplyFun {
            fun: f,
            args: vec![args],
        });
    }
    super::lua_err(c, &format!("not supported yet: {name} (no Lua prelude)"))
}

fn print(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    if args.iter().any(|v| needs_meta_tostring(c, *v)) {
        return fallback(c, "print", a[0]);
    }
    let mut out = Vec::new();
    for (i, v) in args.iter().enumerate() {
        if i > 0 {
            out.push(b'\t');
        }
        out.extend(tostring_raw(c, *v));
    }
    out.push(b'\n');
    c.vm.output.out(&out);
    Ok(Term::NIL)
}

fn tostring(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let Some(&v) = args.first() else {
        return argerr(c, 1, "tostring", "value expected");
    };
    let h = metafield(c, v, "__tostring");
    if !is_nil(h) {
        return fallback(c, "tostring", a[0]);
    }
    if v.is_bitstring() && str_bytes(v).is_some() {
        return Ok(v); // the same string
    }
    let b = tostring_raw(c, v);
    Ok(make_str(c, &b))
}

fn type_(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let Some(&v) = args.first() else {
        return argerr(c, 1, "type", "value expected");
    };
    let tn = type_name(&c.p.lua, v);
    Ok(make_str(c, tn.as_bytes()))
}

fn tonumber(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let v = arg(&args, 0);
    if args.len() < 2 || is_nil(args[1]) {
        if args.is_empty() {
            return argerr(c, 1, "tonumber", "value expected");
        }
        if num_of(v).is_some() {
            return Ok(v);
        }
        return Ok(match str_bytes(v).and_then(|b| number::str2number(&b)) {
            Some(n) => number::make_num(c, n),
            None => nil(),
        });
    }
    let base = check_int(c, &args, 2, "tonumber")?;
    let Some(s) = str_bytes(v) else {
        return typeerr(c, 1, "tonumber", "string", v);
    };
    if !(2..=36).contains(&base) {
        return argerr(c, 2, "tonumber", "base out of range");
    }
    let txt = String::from_utf8_lossy(&s);
    let t = txt.trim();
    let (neg, digits) = match t.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if digits.is_empty() {
        return Ok(nil());
    }
    let mut n: i64 = 0;
    for ch in digits.chars() {
        match ch.to_digit(36) {
            Some(d) if i64::from(d) < base => {
                n = n.wrapping_mul(base).wrapping_add(i64::from(d));
            }
            _ => return Ok(nil()),
        }
    }
    Ok(number::make_int(c, if neg { n.wrapping_neg() } else { n }))
}

fn ipairs(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    if args.is_empty() {
        return argerr(c, 1, "ipairs", "table expected, got no value");
    }
    let it = heap::make_export_fun(
        &mut c.p.heap,
        Atom::intern("lua_base"),
        Atom::intern("ipairs_iter"),
        1,
    );
    Ok(c.list(&[it, args[0], Term::small(0)]))
}

fn ipairs_iter(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let (t, i) = (arg(&args, 0), int_of(arg(&args, 1)).unwrap_or(0));
    let n = i.wrapping_add(1);
    let v = match c.p.lua.table(t) {
        Some(tab) => {
            let v = tab.get_int(n);
            if is_nil(v) && !is_nil(tab.meta()) {
                return fallback(c, "ipairs_meta", a[0]);
            }
            v
        }
        None => return fallback(c, "ipairs_meta", a[0]),
    };
    if is_nil(v) {
        return Ok(nil());
    }
    let k = number::make_int(c, n);
    Ok(c.list(&[k, v]))
}

fn next(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = check_table(c, &args, 1, "next")?;
    let k = arg(&args, 1);
    let k = norm_key(c, k).unwrap_or_else(nil);
    let r = c.p.lua.table(t).and_then(|tab| tab.next(k));
    match r {
        None => super::lua_err(c, "invalid key to 'next'"),
        Some(None) => Ok(nil()),
        Some(Some((k, v))) => Ok(c.list(&[k, v])),
    }
}

fn pairs(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let Some(&t) = args.first() else {
        return argerr(c, 1, "pairs", "table expected, got no value");
    };
    let h = metafield(c, t, "__pairs");
    if !is_nil(h) {
        let l = c.list(&[t]);
        return Err(Trap::ApplyMfa {
            module: Atom::intern("lua_rt"),
            function: Atom::intern("call"),
            args: vec![h, l],
        });
    }
    if !c.p.lua.is_table(t) {
        return typeerr(c, 1, "pairs", "table", t);
    }
    let nx = heap::make_export_fun(
        &mut c.p.heap,
        Atom::intern("lua_base"),
        Atom::intern("next"),
        1,
    );
    Ok(c.list(&[nx, t, nil()]))
}

fn select(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let n = arg(&args, 0);
    let rest = args.len().saturating_sub(1);
    if str_bytes(n).as_deref() == Some(b"#") {
        return Ok(Term::small(rest));
    }
    let i = check_int(c, &args, 1, "select")?;
    if i < 0 {
        if (-i) as usize > rest {
            return argerr(c, 1, "select", "index out of range");
        }
        let start = rest - (-i) as usize;
        return Ok(c.list(&args[1 + start..]));
    }
    if i == 0 {
        return argerr(c, 1, "select", "index out of range");
    }
    let start = (i as usize).min(rest + 1);
    Ok(c.list(&args[start.min(args.len())..]))
}

fn rawget_(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = check_table(c, &args, 1, "rawget")?;
    Ok(rawget(c, t, arg(&args, 1)).unwrap_or_else(nil))
}

fn rawset_(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = check_table(c, &args, 1, "rawset")?;
    super::natives::rawset_checked(c, t, arg(&args, 1), arg(&args, 2))?;
    Ok(t)
}

fn rawequal(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    if args.len() < 2 {
        return argerr(c, args.len() + 1, "rawequal", "value expected");
    }
    Ok(Term::bool(raw_equal(args[0], args[1])))
}

fn rawlen(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let v = arg(&args, 0);
    if let Some(t) = c.p.lua.table(v) {
        return Ok(Term::small(t.border()));
    }
    if let Some(b) = str_bytes(v) {
        return Ok(Term::small(b.len()));
    }
    argerr(c, 1, "rawlen", "table or string expected")
}

fn setmetatable(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = check_table(c, &args, 1, "setmetatable")?;
    let mt = arg(&args, 1);
    if !is_nil(mt) && !c.p.lua.is_table(mt) {
        return typeerr(c, 2, "setmetatable", "nil or table", mt);
    }
    if !is_nil(metafield(c, t, "__metatable")) {
        return super::lua_err(c, "cannot change a protected metatable");
    }
    if let Some(tab) = c.p.lua.table_mut(t) {
        tab.head[1] = mt;
    }
    Ok(t)
}

fn getmetatable(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let v = arg(&args, 0);
    let mt = c.p.lua.metatable(v);
    if is_nil(mt) {
        return Ok(nil());
    }
    let protected = metafield(c, v, "__metatable");
    if !is_nil(protected) {
        return Ok(protected);
    }
    Ok(mt)
}

fn assert(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let Some(&v) = args.first() else {
        return argerr(c, 1, "assert", "value expected");
    };
    if super::truthy(v) {
        return Ok(a[0]);
    }
    // As lua5.4's luaB_assert: the message (default "assertion failed!")
    // goes to `error` at level 1, so a string gets the caller's position.
    let msg = if args.len() >= 2 {
        args[1]
    } else {
        make_str(c, b"assertion failed!")
    };
    match str_bytes(msg) {
        Some(b) => {
            let mut full = super::where_(c).into_bytes();
            full.extend_from_slice(&b);
            let m = make_str(c, &full);
            Err(super::raise_value(c, m))
        }
        None => Err(super::raise_value(c, msg)),
    }
}

fn error(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let v = arg(&args, 0);
    let level = opt_int(c, &args, 2, "error", 1)?;
    if level > 0 {
        if let Some(b) = str_bytes(v) {
            let pos = super::where_level(c, level);
            let mut full = pos.into_bytes();
            full.extend_from_slice(&b);
            let m = make_str(c, &full);
            return Err(super::raise_value(c, m));
        }
    }
    c.p.lua.raised_at = super::where_level(c, 1);
    Err(super::raise_value(c, v))
}

/// `raised_at()`: where the last `error` call without a position was
/// (`chunk:line: `, or empty).
fn raised_at(c: &mut Ctx<'_>, _a: &[Term]) -> R {
    let at = std::mem::take(&mut c.p.lua.raised_at);
    Ok(make_str(c, at.as_bytes()))
}

/// `where_outside([File])`: the chunk name and current line of the
/// innermost Lua code on the call stack that is not in chunk `File` (nor
/// the prelude), as two values, or nil. The busted-compatible test library
/// (`frontends/lua/lib/busted.lua`) reports an assertion at its caller in
/// the spec file this way, as luassert's `util.errorlevel` does with
/// `debug.getinfo`. Frames without line information (IR-built runtime
/// modules such as `lua_rt`) are skipped.
fn where_outside(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let skip = str_bytes(arg(&args, 0)).unwrap_or_default();
    let keep = |file: &str, line: u32| {
        line != 0 && file.as_bytes() != skip.as_slice() && !super::is_library_chunk(file)
    };
    let code = c.p.code;
    let mut found = None;
    let here = code.line_at(c.p.pc);
    if keep(&code.file, here) {
        found = Some((code.file.clone(), here));
    } else {
        for f in c.p.frames.iter().rev() {
            let line = f.code.line_at(f.ret.saturating_sub(1));
            if keep(&f.code.file, line) {
                found = Some((f.code.file.clone(), line));
                break;
            }
        }
    }
    match found {
        Some((file, line)) => {
            let f = make_str(c, file.as_bytes());
            Ok(c.list(&[f, Term::small(line as usize)]))
        }
        None => Ok(nil()),
    }
}

/// `read_file([Path])`: the bytes of a file as a string, or nil and
/// lua5.4's message (`cannot open PATH: REASON`), for the prelude's `require`,
/// `dofile` and `loadfile`.
fn read_file(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let path = str_bytes(arg(&args, 0)).unwrap_or_default();
    let path = String::from_utf8_lossy(&path).into_owned();
    match std::fs::read(&path) {
        Ok(bytes) => Ok(make_str(c, &bytes)),
        Err(e) => {
            // strerror's text, as lua5.4 appends it
            let text = e.to_string();
            let why = text.split(" (os error").next().unwrap_or_default();
            let m = make_str(c, format!("cannot open {path}: {why}").as_bytes());
            Ok(c.list(&[nil(), m]))
        }
    }
}

/// `argerror([Msg])`: raise Msg with the caller's position (for `lua_rt`).
fn argerror(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let m = str_bytes(arg(&args, 0)).unwrap_or_default();
    super::lua_err(c, &String::from_utf8_lossy(&m))
}

fn collectgarbage(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let opt = str_bytes(arg(&args, 0)).unwrap_or_else(|| b"collect".to_vec());
    match &opt[..] {
        b"count" => {
            let words = c.p.heap.size_words() + c.p.lua.words();
            let kb = (words * 8) as f64 / 1024.0;
            let f = c.float(kb);
            Ok(f)
        }
        b"isrunning" => Ok(Term::TRUE),
        b"collect" | b"step" | b"incremental" | b"generational" | b"stop" | b"restart" => {
            Ok(Term::small(0))
        }
        _ => argerr(
            c,
            1,
            "collectgarbage",
            &format!("invalid option '{}'", String::from_utf8_lossy(&opt)),
        ),
    }
}

fn unsupported(c: &mut Ctx<'_>, _a: &[Term]) -> R {
    super::lua_err(c, "not supported yet: this function (see spec/lua.md)")
}

// ---- math -------------------------------------------------------------

fn mnum(c: &mut Ctx<'_>, a: &[Term], f: &str) -> Result<f64, Trap> {
    let args = argv(a);
    Ok(check_num(c, &args, 1, f)?.to_f64())
}

macro_rules! math1 {
    ($name:ident, $lua:expr, $e:expr) => {
        fn $name(c: &mut Ctx<'_>, a: &[Term]) -> R {
            let x = mnum(c, a, $lua)?;
            let f: fn(f64) -> f64 = $e;
            Ok(c.float(f(x)))
        }
    };
}
math1!(m_sqrt, "sqrt", f64::sqrt);
math1!(m_sin, "sin", f64::sin);
math1!(m_cos, "cos", f64::cos);
math1!(m_tan, "tan", f64::tan);
math1!(m_asin, "asin", f64::asin);
math1!(m_acos, "acos", f64::acos);
math1!(m_exp, "exp", f64::exp);
// As lmathlib: one multiplication by the constant ratio.
math1!(m_deg, "deg", |x| x * (180.0 / std::f64::consts::PI));
math1!(m_rad, "rad", |x| x * (std::f64::consts::PI / 180.0));

fn m_atan(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let y = check_num(c, &args, 1, "atan")?.to_f64();
    let x = if args.len() > 1 {
        check_num(c, &args, 2, "atan")?.to_f64()
    } else {
        1.0
    };
    Ok(c.float(y.atan2(x)))
}

fn m_log(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let x = check_num(c, &args, 1, "log")?.to_f64();
    let r = if args.len() > 1 && !is_nil(args[1]) {
        let b = check_num(c, &args, 2, "log")?.to_f64();
        if b == 2.0 {
            x.log2()
        } else if b == 10.0 {
            x.log10()
        } else {
            x.ln() / b.ln()
        }
    } else {
        x.ln()
    };
    Ok(c.float(r))
}

fn float_or_int(c: &mut Ctx<'_>, f: f64) -> Term {
    match number::flt_to_int(f) {
        Some(i) => number::make_int(c, i),
        None => c.float(f),
    }
}

fn m_floor(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    match check_num(c, &args, 1, "floor")? {
        Num::Int(i) => Ok(number::make_int(c, i)),
        Num::Flt(f) => Ok(float_or_int(c, f.floor())),
    }
}

fn m_ceil(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    match check_num(c, &args, 1, "ceil")? {
        Num::Int(i) => Ok(number::make_int(c, i)),
        Num::Flt(f) => Ok(float_or_int(c, f.ceil())),
    }
}

fn m_abs(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    match check_num(c, &args, 1, "abs")? {
        Num::Int(i) => Ok(number::make_int(c, i.wrapping_abs())),
        Num::Flt(f) => Ok(c.float(f.abs())),
    }
}

fn m_fmod(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let x = check_num(c, &args, 1, "fmod")?;
    let y = check_num(c, &args, 2, "fmod")?;
    match (x, y) {
        (Num::Int(i), Num::Int(j)) => {
            if j == 0 {
                return argerr(c, 2, "fmod", "zero");
            }
            if j == -1 {
                return Ok(Term::small(0));
            }
            Ok(number::make_int(c, i % j))
        }
        _ => Ok(c.float(x.to_f64() % y.to_f64())),
    }
}

fn m_modf(c: &mut Ctx<'_>, a: &[Term]) -> R {
    // As lmathlib: an integer is its own integer part; a float's integer
    // part is an integer when it fits (`pushnumint`).
    let args = argv(a);
    if let Num::Int(i) = check_num(c, &args, 1, "modf")? {
        let i = number::make_int(c, i);
        let f = c.float(0.0);
        return Ok(c.list(&[i, f]));
    }
    let x = mnum(c, a, "modf")?;
    let ip = if x < 0.0 { x.ceil() } else { x.floor() };
    let fp = if x == ip { 0.0 } else { x - ip };
    let i = float_or_int(c, ip);
    let f = c.float(fp);
    Ok(c.list(&[i, f]))
}

fn m_tointeger(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let v = arg(&args, 0);
    if let Some(i) = int_of(v) {
        return Ok(number::make_int(c, i));
    }
    if let Some(f) = v.as_float() {
        if let Some(i) = number::flt_to_int(f) {
            return Ok(number::make_int(c, i));
        }
    }
    // 5.4.4's lua_tointegerx converts numeric strings too.
    if v.is_bitstring() {
        match number::tonum(v) {
            Some(Num::Int(i)) => return Ok(number::make_int(c, i)),
            Some(Num::Flt(f)) => {
                if let Some(i) = number::flt_to_int(f) {
                    return Ok(number::make_int(c, i));
                }
            }
            None => {}
        }
    }
    if args.is_empty() {
        return argerr(c, 1, "tointeger", "value expected");
    }
    Ok(nil())
}

fn m_type(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    if args.is_empty() {
        return argerr(c, 1, "type", "value expected");
    }
    Ok(match num_of(args[0]) {
        Some(Num::Int(_)) => make_str(c, b"integer"),
        Some(Num::Flt(_)) => make_str(c, b"float"),
        None => nil(),
    })
}

fn minmax(c: &mut Ctx<'_>, a: &[Term], max: bool) -> R {
    let args = argv(a);
    let name = if max { "max" } else { "min" };
    if args.is_empty() {
        return argerr(c, 1, name, "value expected");
    }
    let mut best = check_num(c, &args, 1, name)?;
    let mut bt = args[0];
    for i in 1..args.len() {
        let v = check_num(c, &args, i + 1, name)?;
        let better = if max {
            super::natives::prim_less(bt, args[i], false)
        } else {
            super::natives::prim_less(args[i], bt, false)
        };
        if better == Some(true) {
            best = v;
            bt = args[i];
        }
    }
    let _ = best;
    if bt.is_bitstring() {
        return Ok(number::make_num(c, best));
    }
    Ok(bt)
}

fn m_max(c: &mut Ctx<'_>, a: &[Term]) -> R {
    minmax(c, a, true)
}

fn m_min(c: &mut Ctx<'_>, a: &[Term]) -> R {
    minmax(c, a, false)
}

fn m_ult(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let x = check_int(c, &args, 1, "ult")?;
    let y = check_int(c, &args, 2, "ult")?;
    Ok(Term::bool((x as u64) < (y as u64)))
}

fn rotl(x: u64, n: u32) -> u64 {
    x.rotate_left(n)
}

fn next_rand(s: &mut [u64; 4]) -> u64 {
    let (s0, s1, s2, s3) = (s[0], s[1], s[2] ^ s[0], s[3] ^ s[1]);
    let res = rotl(s1.wrapping_mul(5), 7).wrapping_mul(9);
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 17);
    s[3] = rotl(s3, 45);
    res
}

fn seed(s: &mut [u64; 4], n1: u64, n2: u64) {
    *s = [n1, 0xff, n2, 0];
    for _ in 0..16 {
        next_rand(s);
    }
}

fn rng<'a>(c: &'a mut Ctx<'_>) -> &'a mut [u64; 4] {
    if c.p.lua.rng == [0; 4] {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
        seed(&mut c.p.lua.rng, t, c.p.pid);
    }
    &mut c.p.lua.rng
}

fn m_random(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let rv = next_rand(rng(c));
    let (low, up) = match args.len() {
        0 => {
            let f = (rv >> 11) as f64 * (0.5f64).powi(53);
            return Ok(c.float(f));
        }
        1 => {
            let up = check_int(c, &args, 1, "random")?;
            if up == 0 {
                // math.random(0): a random integer (all bits)
                return Ok(number::make_int(c, rv as i64));
            }
            (1, up)
        }
        2 => (
            check_int(c, &args, 1, "random")?,
            check_int(c, &args, 2, "random")?,
        ),
        _ => return super::lua_err(c, "wrong number of arguments"),
    };
    if low > up {
        return argerr(c, 1, "random", "interval is empty");
    }
    let n = (up as u64).wrapping_sub(low as u64);
    let mut ran = rv;
    if n & n.wrapping_add(1) == 0 {
        ran &= n;
    } else {
        let mut lim = n;
        lim |= lim >> 1;
        lim |= lim >> 2;
        lim |= lim >> 4;
        lim |= lim >> 8;
        lim |= lim >> 16;
        lim |= lim >> 32;
        loop {
            ran &= lim;
            if ran <= n {
                break;
            }
            ran = next_rand(rng(c));
        }
    }
    Ok(number::make_int(c, (low as u64).wrapping_add(ran) as i64))
}

/// `math.randomseed([n1 [, n2]])`: as lua5.4, seeds the generator (from
/// the time and the process when no argument) and returns the two seeds.
fn m_randomseed(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let (n1, n2) = if args.is_empty() {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(1);
        (t as i64, c.p.pid as i64)
    } else {
        (
            check_int(c, &args, 1, "randomseed")?,
            opt_int(c, &args, 2, "randomseed", 0)?,
        )
    };
    seed(&mut c.p.lua.rng, n1 as u64, n2 as u64);
    let (x, y) = (number::make_int(c, n1), number::make_int(c, n2));
    Ok(c.list(&[x, y]))
}

// ---- os / io ------------------------------------------------------------

fn os_time(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let t = arg(&args, 0);
    if c.p.lua.is_table(t) {
        let get = |c: &Ctx<'_>, k: &str| -> Option<i64> {
            c.p.lua
                .table(t)
                .and_then(|tab| int_of(tab.get_bytes(k.as_bytes())))
        };
        let (Some(y), Some(m), Some(d)) = (get(c, "year"), get(c, "month"), get(c, "day")) else {
            return super::lua_err(c, "field 'day' missing in date table");
        };
        let h = get(c, "hour").unwrap_or(12);
        let mi = get(c, "min").unwrap_or(0);
        let s = get(c, "sec").unwrap_or(0);
        let days = days_from_civil(y, m, d);
        return Ok(number::make_int(c, days * 86400 + h * 3600 + mi * 60 + s));
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Ok(number::make_int(c, now))
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    // Normalise the month first (os.time accepts out-of-range fields).
    let y = y + (m - 1).div_euclid(12);
    let m = (m - 1).rem_euclid(12) + 1;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

static START: std::sync::LazyLock<std::time::Instant> =
    std::sync::LazyLock::new(std::time::Instant::now);

/// CPU time of the OS process in seconds (Linux: /proc/self/stat), or the
/// time since the runtime started where that is not available.
fn cpu_seconds() -> f64 {
    if let Ok(s) = std::fs::read_to_string("/proc/self/stat") {
        if let Some(rest) = s.rsplit_once(')').map(|(_, r)| r) {
            let f: Vec<&str> = rest.split_whitespace().collect();
            if f.len() > 13 {
                if let (Ok(u), Ok(st)) = (f[11].parse::<f64>(), f[12].parse::<f64>()) {
                    return (u + st) / 100.0;
                }
            }
        }
    }
    START.elapsed().as_secs_f64()
}

fn os_clock(c: &mut Ctx<'_>, _a: &[Term]) -> R {
    let _ = *START;
    Ok(c.float(cpu_seconds()))
}

fn os_date(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let fmt = if args.is_empty() || is_nil(args[0]) {
        b"%c".to_vec()
    } else {
        check_str(c, &args, 1, "date")?
    };
    let t = if args.len() > 1 && !is_nil(args[1]) {
        check_int(c, &args, 2, "date")?
    } else {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    };
    let fmt = fmt.strip_prefix(b"!").unwrap_or(&fmt).to_vec();
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let (hh, mm, ss) = (secs / 3600, secs % 3600 / 60, secs % 60);
    let wday = (days + 4).rem_euclid(7); // 0 = Sunday
    let yday = days - days_from_civil(y, 1, 1) + 1;
    if fmt.starts_with(b"*t") {
        let tab = super::new_table(c);
        let fields: [(&str, i64); 8] = [
            ("year", y),
            ("month", m),
            ("day", d),
            ("hour", hh),
            ("min", mm),
            ("sec", ss),
            ("wday", wday + 1),
            ("yday", yday),
        ];
        for (k, v) in fields {
            let kt = make_str(c, k.as_bytes());
            if let Some(tb) = c.p.lua.table_mut(tab) {
                tb.set(kt, Term::small(v as usize));
            }
        }
        let kt = make_str(c, b"isdst");
        if let Some(tb) = c.p.lua.table_mut(tab) {
            tb.set(kt, Term::FALSE);
        }
        return Ok(tab);
    }
    const DAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut out = String::new();
    let mut i = 0;
    while i < fmt.len() {
        let ch = fmt[i];
        if ch != b'%' || i + 1 >= fmt.len() {
            out.push(ch as char);
            i += 1;
            continue;
        }
        let sp = fmt[i + 1];
        i += 2;
        let dn = DAYS[wday as usize];
        let mn = MONTHS[(m - 1) as usize];
        match sp {
            b'Y' => out.push_str(&y.to_string()),
            b'y' => out.push_str(&format!("{:02}", y % 100)),
            b'm' => out.push_str(&format!("{m:02}")),
            b'd' => out.push_str(&format!("{d:02}")),
            b'e' => out.push_str(&format!("{d:2}")),
            b'H' => out.push_str(&format!("{hh:02}")),
            b'I' => out.push_str(&format!("{:02}", if hh % 12 == 0 { 12 } else { hh % 12 })),
            b'M' => out.push_str(&format!("{mm:02}")),
            b'S' => out.push_str(&format!("{ss:02}")),
            b'p' => out.push_str(if hh < 12 { "AM" } else { "PM" }),
            b'A' => out.push_str(dn),
            b'a' => out.push_str(&dn[..3]),
            b'B' => out.push_str(mn),
            b'b' | b'h' => out.push_str(&mn[..3]),
            b'j' => out.push_str(&format!("{yday:03}")),
            b'w' => out.push_str(&wday.to_string()),
            b'c' => out.push_str(&format!(
                "{} {} {d:2} {hh:02}:{mm:02}:{ss:02} {y}",
                &dn[..3],
                &mn[..3]
            )),
            b'x' => out.push_str(&format!("{m:02}/{d:02}/{:02}", y % 100)),
            b'X' | b'T' => out.push_str(&format!("{hh:02}:{mm:02}:{ss:02}")),
            b'D' => out.push_str(&format!("{m:02}/{d:02}/{:02}", y % 100)),
            b'F' => out.push_str(&format!("{y}-{m:02}-{d:02}")),
            b'R' => out.push_str(&format!("{hh:02}:{mm:02}")),
            b'Z' => out.push_str("UTC"),
            b'z' => out.push_str("+0000"),
            b'%' => out.push('%'),
            b'n' => out.push('\n'),
            b't' => out.push('\t'),
            other => {
                return argerr(
                    c,
                    1,
                    "date",
                    &format!("invalid conversion specifier '%{}'", char::from(other)),
                )
            }
        }
    }
    Ok(make_str(c, out.as_bytes()))
}

fn os_getenv(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let k = check_str(c, &args, 1, "getenv")?;
    match std::env::var_os(String::from_utf8_lossy(&k).as_ref()) {
        Some(v) => Ok(make_str(c, v.to_string_lossy().as_bytes())),
        None => Ok(nil()),
    }
}

fn os_exit(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let v = arg(&args, 0);
    let code = if is_nil(v) || v == Term::TRUE {
        0
    } else if v == Term::FALSE {
        1
    } else {
        int_of(v).unwrap_or(0) as i32
    };
    c.vm.output.flush();
    c.vm.halt(code)
}

fn io_write(c: &mut Ctx<'_>, a: &[Term]) -> R {
    write_to(c, a, false)
}

/// `io.stderr:write` (the prelude takes it out of the `io` table).
fn io_ewrite(c: &mut Ctx<'_>, a: &[Term]) -> R {
    write_to(c, a, true)
}

fn write_to(c: &mut Ctx<'_>, a: &[Term], to_err: bool) -> R {
    let args = argv(a);
    let mut out = Vec::new();
    for (i, v) in args.iter().enumerate() {
        if let Some(b) = str_bytes(*v) {
            out.extend(b);
        } else if let Some(n) = num_of(*v) {
            // io.write formats floats with "%.14g" (no ".0" added).
            match n {
                Num::Int(i) => out.extend(i.to_string().into_bytes()),
                Num::Flt(f) => out.extend(number::fmt_g(f, 14, false, false).into_bytes()),
            }
        } else {
            return typeerr(c, i + 1, "write", "string", *v);
        }
    }
    if to_err {
        c.vm.output.flush();
        c.vm.output.err(&out);
        return Ok(registry_fn(c, "stderr"));
    }
    c.vm.output.out(&out);
    let io = registry_fn(c, "stdout");
    Ok(io)
}

fn io_read(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let fmt = args.first().copied().unwrap_or(Term::NON_VALUE);
    c.vm.output.flush();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    if fmt != Term::NON_VALUE {
        if let Some(n) = int_of(fmt) {
            let mut buf = vec![0u8; n.max(0) as usize];
            let got = lock.read(&mut buf).unwrap_or(0);
            if got == 0 && n > 0 {
                return Ok(nil());
            }
            buf.truncate(got);
            return Ok(make_str(c, &buf));
        }
    }
    let f = if fmt == Term::NON_VALUE {
        b"l".to_vec()
    } else {
        str_bytes(fmt).unwrap_or_default()
    };
    let f = f.strip_prefix(b"*").unwrap_or(&f).to_vec();
    match f.first() {
        Some(b'a') => {
            let mut buf = Vec::new();
            let _ = lock.read_to_end(&mut buf);
            Ok(make_str(c, &buf))
        }
        Some(b'n') => {
            let mut line = String::new();
            if lock.read_line(&mut line).unwrap_or(0) == 0 {
                return Ok(nil());
            }
            match number::str2number(line.trim().as_bytes()) {
                Some(n) => Ok(number::make_num(c, n)),
                None => Ok(nil()),
            }
        }
        Some(b'l') | Some(b'L') => {
            let mut buf = Vec::new();
            if lock.read_until(b'\n', &mut buf).unwrap_or(0) == 0 {
                return Ok(nil());
            }
            if f[0] == b'l' && buf.last() == Some(&b'\n') {
                buf.pop();
            }
            Ok(make_str(c, &buf))
        }
        _ => argerr(c, 1, "read", "invalid format"),
    }
}

// ---- utf8 ---------------------------------------------------------------

fn utf8_encode(cp: u32) -> Vec<u8> {
    let mut out = Vec::new();
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.push(0xC0 | (cp >> 6) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x10000 {
        out.push(0xE0 | (cp >> 12) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x200000 {
        out.push(0xF0 | (cp >> 18) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x4000000 {
        out.push(0xF8 | (cp >> 24) as u8);
        out.push(0x80 | ((cp >> 18) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else {
        out.push(0xFC | (cp >> 30) as u8);
        out.push(0x80 | ((cp >> 24) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 18) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    }
    out
}

/// Decode one UTF-8 sequence at `i`: (code point, length).
fn utf8_decode(s: &[u8], i: usize, strict: bool) -> Option<(u32, usize)> {
    let c0 = *s.get(i)?;
    if c0 < 0x80 {
        return Some((u32::from(c0), 1));
    }
    let (n, init) = match c0 {
        0xC0..=0xDF => (2, u32::from(c0 & 0x1F)),
        0xE0..=0xEF => (3, u32::from(c0 & 0x0F)),
        0xF0..=0xF7 => (4, u32::from(c0 & 0x07)),
        0xF8..=0xFB => (5, u32::from(c0 & 0x03)),
        0xFC..=0xFD => (6, u32::from(c0 & 0x01)),
        _ => return None,
    };
    let mut cp = init;
    for k in 1..n {
        let b = *s.get(i + k)?;
        if b & 0xC0 != 0x80 {
            return None;
        }
        cp = (cp << 6) | u32::from(b & 0x3F);
    }
    let min = [0, 0, 0x80, 0x800, 0x10000, 0x200000, 0x4000000][n];
    if cp < min {
        return None;
    }
    if strict && (cp > 0x10FFFF || (0xD800..=0xDFFF).contains(&cp)) {
        return None;
    }
    Some((cp, n))
}

fn utf8_char(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let mut out = Vec::new();
    for i in 0..args.len() {
        let cp = check_int(c, &args, i + 1, "char")?;
        if !(0..=0x7FFF_FFFF).contains(&cp) {
            return argerr(c, i + 1, "char", "value out of range");
        }
        out.extend(utf8_encode(cp as u32));
    }
    Ok(make_str(c, &out))
}

fn posrelat(pos: i64, len: usize) -> i64 {
    if pos >= 0 {
        pos
    } else if (-pos) as usize > len {
        0
    } else {
        len as i64 + pos + 1
    }
}

fn utf8_len(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "len")?;
    let mut i = posrelat(opt_int(c, &args, 2, "len", 1)?, s.len());
    let j = posrelat(opt_int(c, &args, 3, "len", -1)?, s.len());
    let lax = args.get(3).is_some_and(|v| super::truthy(*v));
    if i < 1 || i > s.len() as i64 + 1 {
        return argerr(c, 2, "len", "initial position out of bounds");
    }
    if j > s.len() as i64 {
        return argerr(c, 3, "len", "final position out of bounds");
    }
    let mut n = 0;
    while i <= j {
        match utf8_decode(&s, (i - 1) as usize, !lax) {
            Some((_, l)) => {
                i += l as i64;
                n += 1;
            }
            None => {
                let p = number::make_int(c, i);
                return Ok(c.list(&[nil(), p]));
            }
        }
    }
    Ok(Term::small(n))
}

fn utf8_codepoint(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "codepoint")?;
    let i = posrelat(opt_int(c, &args, 2, "codepoint", 1)?, s.len());
    let j = posrelat(opt_int(c, &args, 3, "codepoint", i)?, s.len());
    let lax = args.get(3).is_some_and(|v| super::truthy(*v));
    if i < 1 {
        return argerr(c, 2, "codepoint", "out of bounds");
    }
    if j > s.len() as i64 {
        return argerr(c, 3, "codepoint", "out of bounds");
    }
    let mut out = Vec::new();
    let mut p = i;
    while p <= j {
        match utf8_decode(&s, (p - 1) as usize, !lax) {
            Some((cp, l)) => {
                out.push(Term::small(cp as usize));
                p += l as i64;
            }
            None => return super::lua_err(c, "invalid UTF-8 code"),
        }
    }
    Ok(ret(c, &out))
}

fn utf8_offset(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "offset")?;
    let n = check_int(c, &args, 2, "offset")?;
    let len = s.len() as i64;
    let default_i = if n >= 0 { 1 } else { len + 1 };
    let mut posi = posrelat(opt_int(c, &args, 3, "offset", default_i)?, s.len()) - 1;
    if posi < 0 || posi > len {
        return argerr(c, 3, "offset", "position out of bounds");
    }
    let iscont = |p: i64| p < len && p >= 0 && (s[p as usize] & 0xC0) == 0x80;
    let mut n = n;
    if n == 0 {
        while posi > 0 && iscont(posi) {
            posi -= 1;
        }
        return Ok(number::make_int(c, posi + 1));
    }
    if iscont(posi) {
        return super::lua_err(c, "initial position is a continuation byte");
    }
    if n < 0 {
        while n < 0 && posi > 0 {
            posi -= 1;
            while posi > 0 && iscont(posi) {
                posi -= 1;
            }
            n += 1;
        }
    } else {
        n -= 1;
        while n > 0 && posi < len {
            posi += 1;
            while iscont(posi) {
                posi += 1;
            }
            n -= 1;
        }
    }
    if n == 0 {
        Ok(number::make_int(c, posi + 1))
    } else {
        Ok(nil())
    }
}

fn utf8_codes(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let args = argv(a);
    let s = check_str(c, &args, 1, "codes")?;
    let _ = s;
    // `utf8.codes(s, lax)`: the lax iterator accepts code points up to
    // 2^31 and surrogates, as lua5.4's `iter_auxlax`.
    let lax = args.get(1).is_some_and(|v| super::truthy(*v));
    let it = heap::make_export_fun(
        &mut c.p.heap,
        Atom::intern("lua_base"),
        Atom::intern(if lax {
            "utf8_codes_lax"
        } else {
            "utf8_codes_iter"
        }),
        1,
    );
    Ok(c.list(&[it, args[0], Term::small(0)]))
}

fn utf8_codes_iter(c: &mut Ctx<'_>, a: &[Term]) -> R {
    codes_step(c, a, true)
}

fn utf8_codes_lax(c: &mut Ctx<'_>, a: &[Term]) -> R {
    codes_step(c, a, false)
}

fn codes_step(c: &mut Ctx<'_>, a: &[Term], strict: bool) -> R {
    let args = argv(a);
    let s = str_bytes(arg(&args, 0)).unwrap_or_default();
    let mut i = int_of(arg(&args, 1)).unwrap_or(0) as usize;
    // Skip the current character's continuation bytes.
    if i > 0 {
        while i < s.len() && (s[i] & 0xC0) == 0x80 {
            i += 1;
        }
    }
    if i >= s.len() {
        return Ok(nil());
    }
    match utf8_decode(&s, i, strict) {
        Some((cp, l)) => {
            if s.get(i + l).is_some_and(|b| b & 0xC0 == 0x80) {
                return super::lua_err(c, "invalid UTF-8 code");
            }
            Ok(c.list(&[Term::small(i + 1), Term::small(cp as usize)]))
        }
        None => super::lua_err(c, "invalid UTF-8 code"),
    }
}

// ---- environment ---------------------------------------------------------

type Lib = &'static [(&'static str, NativeFn)];

const BASE: Lib = &[
    ("print", print),
    ("type", type_),
    ("tostring", tostring),
    ("tonumber", tonumber),
    ("ipairs", ipairs),
    ("ipairs_iter", ipairs_iter),
    ("pairs", pairs),
    ("next", next),
    ("select", select),
    ("rawget", rawget_),
    ("rawset", rawset_),
    ("rawequal", rawequal),
    ("rawlen", rawlen),
    ("setmetatable", setmetatable),
    ("getmetatable", getmetatable),
    ("assert", assert),
    ("error", error),
    ("argerror", argerror),
    ("where_outside", where_outside),
    ("read_file", read_file),
    ("raised_at", raised_at),
    ("collectgarbage", collectgarbage),
    ("unsupported", unsupported),
    ("utf8_codes_iter", utf8_codes_iter),
    ("utf8_codes_lax", utf8_codes_lax),
];

const MATH: Lib = &[
    ("sqrt", m_sqrt),
    ("sin", m_sin),
    ("cos", m_cos),
    ("tan", m_tan),
    ("asin", m_asin),
    ("acos", m_acos),
    ("atan", m_atan),
    ("exp", m_exp),
    ("deg", m_deg),
    ("rad", m_rad),
    ("log", m_log),
    ("floor", m_floor),
    ("ceil", m_ceil),
    ("abs", m_abs),
    ("fmod", m_fmod),
    ("modf", m_modf),
    ("tointeger", m_tointeger),
    ("type", m_type),
    ("max", m_max),
    ("min", m_min),
    ("ult", m_ult),
    ("random", m_random),
    ("randomseed", m_randomseed),
];

const OS: Lib = &[
    ("time", os_time),
    ("clock", os_clock),
    ("date", os_date),
    ("getenv", os_getenv),
    ("exit", os_exit),
    ("remove", unsupported),
    ("rename", unsupported),
    ("tmpname", unsupported),
    ("execute", unsupported),
];

const IO: Lib = &[
    ("write", io_write),
    ("read", io_read),
    ("ewrite", io_ewrite),
];

const UTF8: Lib = &[
    ("char", utf8_char),
    ("len", utf8_len),
    ("codepoint", utf8_codepoint),
    ("offset", utf8_offset),
    ("codes", utf8_codes),
];

fn native_module(lib: &str) -> &'static str {
    match lib {
        "math" => "lua_math",
        "os" => "lua_os",
        "io" => "lua_io",
        "utf8" => "lua_utf8",
        "string" => "lua_string",
        "table" => "lua_table",
        "coroutine" => "lua_co",
        "debug" => "lua_debug",
        _ => "lua_base",
    }
}

pub fn libs() -> Vec<(&'static str, Lib)> {
    vec![
        ("_G", BASE),
        ("math", MATH),
        ("os", OS),
        ("io", IO),
        ("utf8", UTF8),
        ("string", super::strlib::LIB),
        ("table", super::tablib::LIB),
        ("coroutine", super::co::LIB),
        ("debug", super::debug::LIB),
    ]
}

fn set_str(c: &mut Ctx<'_>, t: Term, k: &str, v: Term) {
    let kt = make_str(c, k.as_bytes());
    if let Some(tab) = c.p.lua.table_mut(t) {
        tab.set(kt, v);
    }
}

/// `lua:new_env()`: the global table with the standard library.
fn new_env(c: &mut Ctx<'_>, _a: &[Term]) -> R {
    let g = super::new_table(c);
    for (lib, funs) in libs() {
        let target = if lib == "_G" {
            g
        } else {
            let t = super::new_table(c);
            set_str(c, g, lib, t);
            t
        };
        let m = Atom::intern(native_module(lib));
        for (name, _) in funs.iter() {
            if lib == "_G"
                && matches!(
                    *name,
                    "ipairs_iter"
                        | "argerror"
                        | "where_outside"
                        | "read_file"
                        | "raised_at"
                        | "unsupported"
                        | "utf8_codes_iter"
                        | "utf8_codes_lax"
                )
            {
                continue;
            }
            let f = heap::make_export_fun(&mut c.p.heap, m, Atom::intern(name), 1);
            set_str(c, target, name, f);
        }
    }
    set_str(c, g, "_G", g);
    let v = make_str(c, b"Lua 5.4");
    set_str(c, g, "_VERSION", v);
    let rt = Atom::intern("lua_rt");
    for name in ["pcall", "xpcall"] {
        let f = heap::make_export_fun(&mut c.p.heap, rt, Atom::intern(name), 1);
        set_str(c, g, name, f);
    }
    for name in ["load", "dofile", "loadfile", "require"] {
        let f = heap::make_export_fun(
            &mut c.p.heap,
            Atom::intern("lua_base"),
            Atom::intern(if name == "load" {
                "load"
            } else {
                "unsupported"
            }),
            1,
        );
        set_str(c, g, name, f);
    }
    // math constants
    let math = c.p.lua.table(g).map_or(nil(), |t| t.get_bytes(b"math"));
    let pi = c.float(std::f64::consts::PI);
    set_str(c, math, "pi", pi);
    let huge = c.float(f64::INFINITY);
    set_str(c, math, "huge", huge);
    let mx = number::make_int(c, i64::MAX);
    set_str(c, math, "maxinteger", mx);
    let mn = number::make_int(c, i64::MIN);
    set_str(c, math, "mininteger", mn);
    let utf8 = c.p.lua.table(g).map_or(nil(), |t| t.get_bytes(b"utf8"));
    let pat = make_str(c, b"[\x00-\x7F\xC2-\xFD][\x80-\xBF]*");
    set_str(c, utf8, "charpattern", pat);
    // string metatable: {__index = string}
    let string = c.p.lua.table(g).map_or(nil(), |t| t.get_bytes(b"string"));
    let smt = super::new_table(c);
    set_str(c, smt, "__index", string);
    let reg = super::new_table(c);
    let ma = heap::make_export_fun(
        &mut c.p.heap,
        Atom::intern("lua_string"),
        Atom::intern("match_at"),
        1,
    );
    set_str(c, reg, "match_at", ma);
    let wo = heap::make_export_fun(
        &mut c.p.heap,
        Atom::intern("lua_base"),
        Atom::intern("where_outside"),
        1,
    );
    set_str(c, reg, "where_outside", wo);
    let rf = heap::make_export_fun(
        &mut c.p.heap,
        Atom::intern("lua_base"),
        Atom::intern("read_file"),
        1,
    );
    set_str(c, reg, "read_file", rf);
    let ra = heap::make_export_fun(
        &mut c.p.heap,
        Atom::intern("lua_base"),
        Atom::intern("raised_at"),
        1,
    );
    set_str(c, reg, "raised_at", ra);
    c.p.lua.special = [g, smt, reg];
    let _ = ATOMS.nil;
    Ok(g)
}

/// `lua:set_arg(Env, Script, Argv)`: the global `arg` table (`arg[0]` the
/// script, then the command-line arguments as strings).
fn set_arg(c: &mut Ctx<'_>, a: &[Term]) -> R {
    let (g, script) = (a[0], a[1]);
    let argv = a[2].list_to_vec().unwrap_or_default();
    let t = super::new_table(c);
    if let Some(tab) = c.p.lua.table_mut(t) {
        tab.set(Term::small(0), script);
    }
    for (i, s) in argv.iter().enumerate() {
        let text = crate::bif::term_to_string(*s).unwrap_or_default();
        let v = make_str(c, text.as_bytes());
        if let Some(tab) = c.p.lua.table_mut(t) {
            tab.set(Term::small(i + 1), v);
        }
    }
    set_str(c, g, "arg", t);
    Ok(Term::OK)
}

/// `lua:registry()`: the table where the Lua prelude puts its helpers.
fn registry(c: &mut Ctx<'_>, _a: &[Term]) -> R {
    Ok(c.p.lua.special[2])
}

pub fn register(t: &mut NativeTable) {
    for (lib, funs) in libs() {
        let m = native_module(lib);
        if m == "lua_string" || m == "lua_table" || m == "lua_co" {
            continue; // registered by their own modules
        }
        for &(name, f) in funs.iter() {
            t.push((m, name, 1, f, false));
        }
    }
    t.push(("lua", "new_env", 0, new_env, false));
    t.push(("lua", "registry", 0, registry, false));
    t.push(("lua", "set_arg", 3, set_arg, false));
}
