//! Runtime support for Lua (the `lua` native module and the Lua standard
//! library), see `spec/runtime.md` ("Lua objects") and `spec/lua.md`.
//!
//! Lua values are terms: `nil`, `true`, `false` are atoms; integers are
//! integers kept in the `i64` range (64-bit wrapping arithmetic); floats are
//! floats; strings are binaries (byte strings); functions are funs of arity
//! 1 taking the argument list (Lua natives are export funs of arity 1);
//! tables and upvalue cells are *Lua objects*.
//!
//! A Lua object lives in its process's [`LuaArena`] (in the process body),
//! not on the heap: it is mutable, which the copying (and generational)
//! collector must not see in heap objects. A term refers to it through a
//! two-word boxed object (subtag `LuaTable`, payload: the slot index as a
//! small integer). Each arena entry keeps its own canonical reference term,
//! so one object has exactly one reference term and identity is pointer
//! equality. The collector treats every arena entry as a root.
//!
//! Results: a Lua function returns either one value (any term that is not a
//! list) or a list of values (`[]` for none, or two and more). No Lua value
//! is a list, so the two cannot be confused; one result needs no allocation.

pub mod base;
pub mod co;
pub mod debug;
pub mod host;
pub mod natives;
pub mod number;
pub mod pattern;
pub mod rt;
pub mod strlib;
pub mod strpack;
pub mod table;
pub mod tablib;

use std::sync::LazyLock;

use crate::bif::{Ctx, NativeTable, Trap};
use crate::code::Class;
use crate::heap;
use crate::term::{Atom, Sub, Term};

pub use table::LuaTable;

pub struct LuaAtoms {
    pub nil: Term,
    /// Returned by inline natives when the operation needs the slow path
    /// (metamethods, coercions, errors); never a Lua value.
    pub meta: Term,
    pub lua_error: Term,
}

pub static ATOMS: LazyLock<LuaAtoms> = LazyLock::new(|| LuaAtoms {
    nil: Term::atom(Atom::intern("nil")),
    meta: Term::atom(Atom::intern("lua$meta")),
    lua_error: Term::atom(Atom::intern("lua_error")),
});

#[inline]
pub fn nil() -> Term {
    ATOMS.nil
}

#[inline]
pub fn is_nil(t: Term) -> bool {
    t == ATOMS.nil
}

#[inline]
pub fn truthy(t: Term) -> bool {
    t != ATOMS.nil && t != Term::FALSE
}

pub enum LuaObj {
    Free,
    Table(Box<LuaTable>),
    /// `[self reference, value]`.
    Cell([Term; 2]),
    Co(Box<co::Coroutine>),
}

/// The Lua objects of one process.
///
/// Remembered set (why a minor collection need not scan every entry): a
/// term survives at most one minor collection in the young generation (as
/// "aged", `heap/gc.rs`) and is promoted at the next one. So an entry can
/// point at young data only if it was written since the collection before
/// the last one. Every mutable access (`obj_mut`, `table_mut`, `cell`,
/// `set_obj`) records the slot in `dirty`; a minor collection takes the
/// entries of `dirty` and `dirty_prev` as roots, then `dirty` becomes
/// `dirty_prev`. After a major collection every survivor is aged, so the
/// next minor collection scans every entry (`scan_all`).
pub struct LuaArena {
    /// Read freely; mutate only through the recording accessors.
    pub objs: Vec<LuaObj>,
    free: Vec<u32>,
    /// Slots written since the last collection.
    dirty: Vec<u32>,
    /// Slots written between the two last collections.
    dirty_prev: Vec<u32>,
    /// Per slot: bit 0 = in `dirty`, bit 1 = in `dirty_prev`.
    marks: Vec<u8>,
    /// The next collection takes every entry as a root.
    scan_all: bool,
    /// Metatable of strings (`{__index = string}`), or nil before the
    /// standard library is set up; `[0]` globals table, `[1]` string
    /// metatable, `[2]` registry (helpers written in Lua).
    pub special: [Term; 3],
    pub initialized: bool,
    /// `math.random` state (xoshiro256**, as Lua 5.4); all zero = unseeded.
    pub rng: [u64; 4],
    /// Running coroutines (arena slots), innermost last.
    pub running: Vec<usize>,
    /// The main coroutine object, once `coroutine.running()` asked for it.
    pub main_co: Option<Term>,
    /// `chunk:line: ` of the last `error` call whose value got no position
    /// (level 0 or not a string), for the busted-compatible test library,
    /// which reports such an error at the place it was raised.
    pub raised_at: String,
}

impl Default for LuaArena {
    fn default() -> LuaArena {
        LuaArena::EMPTY
    }
}

/// The empty arena every process without Lua objects reads through
/// [`LazyArena`].
static EMPTY_ARENA: LuaArena = LuaArena::EMPTY;

/// A process body's arena, allocated on first mutable use: most processes
/// never touch a Lua object, and an inline `LuaArena` (about 250 bytes)
/// was a fifth of an idle process (issue 4, spec/runtime.md "Processes").
/// Reads of a process without an arena see an empty one (`Deref`); the
/// first `&mut` access (`DerefMut`: allocating a slot, seeding the RNG,
/// ...) boxes a fresh arena. The collector asks [`LazyArena::get_mut`] so
/// that a collection never allocates one.
#[derive(Default)]
pub struct LazyArena(Option<Box<LuaArena>>);

impl LazyArena {
    /// The arena, if this process ever made one.
    pub fn get_mut(&mut self) -> Option<&mut LuaArena> {
        self.0.as_deref_mut()
    }

    /// Bytes of the boxed arena structure (0 before first use), for
    /// `process_info(P, memory)`.
    pub fn struct_bytes(&self) -> usize {
        self.0
            .as_ref()
            .map_or(0, |_| std::mem::size_of::<LuaArena>())
    }
}

impl std::ops::Deref for LazyArena {
    type Target = LuaArena;
    fn deref(&self) -> &LuaArena {
        self.0.as_deref().unwrap_or(&EMPTY_ARENA)
    }
}

impl std::ops::DerefMut for LazyArena {
    fn deref_mut(&mut self) -> &mut LuaArena {
        self.0.get_or_insert_with(Box::default)
    }
}

impl LuaArena {
    /// No objects, nothing initialised (a `const` so that the shared
    /// empty arena can be a `static`).
    pub const EMPTY: LuaArena = LuaArena {
        objs: Vec::new(),
        free: Vec::new(),
        dirty: Vec::new(),
        dirty_prev: Vec::new(),
        marks: Vec::new(),
        scan_all: false,
        special: [Term::NIL; 3],
        initialized: false,
        rng: [0; 4],
        running: Vec::new(),
        main_co: None,
        raised_at: String::new(),
    };
}

impl LuaArena {
    pub(crate) fn alloc_slot(&mut self) -> usize {
        if !self.initialized {
            self.special = [nil(); 3];
            self.initialized = true;
        }
        let slot = match self.free.pop() {
            Some(i) => i as usize,
            None => {
                self.objs.push(LuaObj::Free);
                self.marks.push(0);
                self.objs.len() - 1
            }
        };
        // The new entry's reference term is young.
        self.touch(slot);
        slot
    }

    /// Record that entry `slot` may now point at young data.
    #[inline]
    pub fn touch(&mut self, slot: usize) {
        if let Some(m) = self.marks.get_mut(slot) {
            if *m & 1 == 0 {
                *m |= 1;
                self.dirty.push(slot as u32);
            }
        }
    }

    /// Mutable access to an entry (recorded for the collector).
    pub fn obj_mut(&mut self, slot: usize) -> Option<&mut LuaObj> {
        self.touch(slot);
        self.objs.get_mut(slot)
    }

    /// Store a new object in a slot from `alloc_slot`.
    pub fn set_obj(&mut self, slot: usize, o: LuaObj) {
        self.touch(slot);
        if let Some(e) = self.objs.get_mut(slot) {
            *e = o;
        }
    }

    /// Collector roots for the coming collection: every entry for a major
    /// one (or the first minor one after it), else the recorded entries.
    pub fn gc_roots(&mut self, major: bool) -> Vec<&mut [Term]> {
        if major || self.scan_all {
            return self.roots();
        }
        let mut slots: Vec<u32> = Vec::with_capacity(self.dirty.len() + self.dirty_prev.len());
        slots.extend_from_slice(&self.dirty);
        slots.extend_from_slice(&self.dirty_prev);
        slots.sort_unstable();
        slots.dedup();
        let mut out: Vec<&mut [Term]> = Vec::with_capacity(slots.len() * 4 + 2);
        if self.initialized {
            out.push(self.special.as_mut_slice());
        }
        if let Some(m) = self.main_co.as_mut() {
            out.push(std::slice::from_mut(m));
        }
        // Disjoint mutable borrows of the (sorted, distinct) slots.
        let mut rest: &mut [LuaObj] = self.objs.as_mut_slice();
        let mut base = 0usize;
        for s in slots {
            let s = s as usize;
            let Some(skip) = s.checked_sub(base) else {
                continue;
            };
            let tail = std::mem::take(&mut rest);
            let Some((o, after)) = tail.get_mut(skip..).and_then(|t| t.split_first_mut()) else {
                break;
            };
            rest = after;
            base = s + 1;
            push_obj_roots(o, &mut out);
        }
        out
    }

    /// After a collection: the recorded sets move on one generation.
    pub fn after_gc(&mut self, major: bool) {
        for &s in &self.dirty_prev {
            if let Some(m) = self.marks.get_mut(s as usize) {
                *m &= !2;
            }
        }
        self.dirty_prev.clear();
        if major {
            for &s in &self.dirty {
                if let Some(m) = self.marks.get_mut(s as usize) {
                    *m = 0;
                }
            }
            self.dirty.clear();
            self.scan_all = true;
        } else {
            for &s in &self.dirty {
                if let Some(m) = self.marks.get_mut(s as usize) {
                    *m = 2;
                }
            }
            self.dirty_prev = std::mem::take(&mut self.dirty);
            self.scan_all = false;
        }
    }

    /// Collector roots: every arena entry (see the module comment).
    pub fn roots(&mut self) -> Vec<&mut [Term]> {
        let mut out: Vec<&mut [Term]> = Vec::with_capacity(self.objs.len() * 4 + 1);
        if self.initialized {
            out.push(self.special.as_mut_slice());
        }
        if let Some(m) = self.main_co.as_mut() {
            out.push(std::slice::from_mut(m));
        }
        for o in self.objs.iter_mut() {
            push_obj_roots(o, &mut out);
        }
        out
    }

    pub fn words(&self) -> usize {
        self.objs
            .iter()
            .map(|o| match o {
                LuaObj::Table(t) => t.words(),
                _ => 2,
            })
            .sum()
    }

    pub fn table(&self, t: Term) -> Option<&LuaTable> {
        match self.objs.get(obj_slot(t)?)? {
            LuaObj::Table(tab) => Some(tab),
            _ => None,
        }
    }

    pub fn table_mut(&mut self, t: Term) -> Option<&mut LuaTable> {
        match self.obj_mut(obj_slot(t)?)? {
            LuaObj::Table(tab) => Some(tab),
            _ => None,
        }
    }

    pub fn cell(&mut self, t: Term) -> Option<&mut [Term; 2]> {
        match self.obj_mut(obj_slot(t)?)? {
            LuaObj::Cell(c) => Some(c),
            _ => None,
        }
    }

    pub fn is_table(&self, t: Term) -> bool {
        self.table(t).is_some()
    }

    pub fn metatable(&self, t: Term) -> Term {
        match self.table(t) {
            Some(tab) => tab.meta(),
            None => {
                if t.is_bitstring() {
                    self.special[1]
                } else {
                    nil()
                }
            }
        }
    }
}

fn push_obj_roots<'a>(o: &'a mut LuaObj, out: &mut Vec<&'a mut [Term]>) {
    match o {
        LuaObj::Free => {}
        LuaObj::Table(t) => out.extend(t.roots()),
        LuaObj::Cell(c) => out.push(c.as_mut_slice()),
        LuaObj::Co(co) => {
            let co::Coroutine { head, ys, .. } = &mut **co;
            out.push(head.as_mut_slice());
            out.push(ys.as_mut_slice());
        }
    }
}

/// The arena slot a Lua object reference names.
pub fn obj_slot(t: Term) -> Option<usize> {
    if t.sub() != Some(Sub::LuaTable) {
        return None;
    }
    t.boxed_elem(0)?.as_int().map(|i| i as usize)
}

pub fn new_table(c: &mut Ctx<'_>) -> Term {
    let slot = c.p.lua.alloc_slot();
    let me = heap::make_boxed(&mut c.p.heap, Sub::LuaTable, &[Term::small(slot)]);
    c.p.lua
        .set_obj(slot, LuaObj::Table(Box::new(LuaTable::new(me))));
    me
}

pub fn new_cell(c: &mut Ctx<'_>, v: Term) -> Term {
    let slot = c.p.lua.alloc_slot();
    let me = heap::make_boxed(&mut c.p.heap, Sub::LuaTable, &[Term::small(slot)]);
    c.p.lua.set_obj(slot, LuaObj::Cell([me, v]));
    me
}

/// Lua's type name of a value.
pub fn type_name(arena: &LuaArena, t: Term) -> &'static str {
    if is_nil(t) {
        "nil"
    } else if t == Term::TRUE || t == Term::FALSE {
        "boolean"
    } else if t.is_number() {
        "number"
    } else if t.is_bitstring() {
        "string"
    } else if t.is_function() {
        "function"
    } else if arena.is_table(t) {
        "table"
    } else if co::is_coroutine(arena, t) {
        "thread"
    } else {
        "userdata"
    }
}

/// A Lua string value's bytes.
pub fn str_bytes(t: Term) -> Option<Vec<u8>> {
    let bs = t.bitstring()?;
    if !bs.is_binary() {
        return None;
    }
    Some(match bs.as_bytes() {
        Some(b) => b.to_vec(),
        None => bs.to_vec(),
    })
}

pub fn make_str(c: &mut Ctx<'_>, b: &[u8]) -> Term {
    heap::binary::make_binary(&mut c.p.heap, b)
}

/// The chunk names of the library parts written in Lua: the prelude
/// (`frontends/lua/lib/prelude.lua`) and the busted-compatible test
/// library (`frontends/lua/lib/busted.lua`). They stand for lua5.4's C
/// functions, which have no position of their own.
pub(crate) fn is_library_chunk(file: &str) -> bool {
    file == "lua_prelude.lua" || file == "lua_busted.lua"
}

/// `chunk:line:` of the code that called the current native.
pub fn where_(c: &Ctx<'_>) -> String {
    let code = c.p.code;
    if is_library_chunk(&code.file) {
        // Library functions written in Lua stand for lua5.4's C
        // functions, which have no position: the message names the
        // position of their caller (as luaL_error's level 1).
        return where_level(c, 2);
    }
    let line = code.line_at(c.p.pc);
    if line == 0 {
        return String::new();
    }
    format!("{}:{}: ", code.file, line)
}

/// Position of a caller further up (`level` 1 = the code calling the native).
pub fn where_level(c: &Ctx<'_>, level: i64) -> String {
    if level <= 1 {
        return where_(c);
    }
    let n = c.p.frames.len();
    let idx = (level - 2) as usize;
    if idx >= n {
        return String::new();
    }
    let f = &c.p.frames[n - 1 - idx];
    let line = f.code.line_at(f.ret.saturating_sub(1));
    if line == 0 || is_library_chunk(&f.code.file) {
        return String::new();
    }
    format!("{}:{}: ", f.code.file, line)
}

/// Raise a Lua error with this value: `error:{lua_error, Value}`.
pub fn raise_value(c: &mut Ctx<'_>, v: Term) -> Trap {
    let r = heap::make_tuple(&mut c.p.heap, &[ATOMS.lua_error, v]);
    Trap::Raise(Class::Error, r)
}

/// Raise a Lua error with a message, prefixed by the caller's position.
pub fn raise_msg(c: &mut Ctx<'_>, msg: &str) -> Trap {
    let full = format!("{}{}", where_(c), msg);
    let s = make_str(c, full.as_bytes());
    raise_value(c, s)
}

pub fn lua_err<T>(c: &mut Ctx<'_>, msg: &str) -> Result<T, Trap> {
    Err(raise_msg(c, msg))
}

/// Results as a Lua function returns them (one value alone, else a list).
pub fn ret(c: &mut Ctx<'_>, vals: &[Term]) -> Term {
    if vals.len() == 1 && !vals[0].is_list() {
        vals[0]
    } else {
        c.list(vals)
    }
}

/// The argument list of a Lua native as a vector.
pub fn args_vec(a: Term) -> Vec<Term> {
    a.list_to_vec().unwrap_or_default()
}

pub fn register(t: &mut NativeTable) {
    natives::register(t);
    base::register(t);
    strlib::register(t);
    tablib::register(t);
    co::register(t);
    host::register(t);
}
