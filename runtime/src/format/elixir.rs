//! `inspect/2` as Elixir 1.14 prints terms: `Inspect` implementations for
//! the built-in types rendered through a port of `Inspect.Algebra` (Wadler
//! style documents with strict and flex breaks, `format/2` and `fits?/4`
//! following `lib/elixir/lib/inspect/algebra.ex` of v1.14.0).
//!
//! Structs arrive pre-processed by the Elixir library (`Kernel.inspect`):
//! `{'$eubeam_struct', Name, [{Field, Value}]}` with the fields in definition
//! order, since a map alone does not remember it.

use super::PTerm;

/// Inspect options the printer honours.
#[derive(Clone, Copy, Debug)]
pub struct Opts {
    /// Items shown per container before `...` (`:infinity` is `None`).
    pub limit: Option<usize>,
    /// Line width; `None` prints on one line (`pretty: false`).
    pub width: Option<usize>,
    /// `charlists: :as_lists`.
    pub charlists_as_lists: bool,
}

impl Default for Opts {
    fn default() -> Opts {
        Opts {
            limit: Some(50),
            width: None,
            charlists_as_lists: false,
        }
    }
}

pub const STRUCT_MARKER: &str = "$eubeam_struct";

#[derive(Clone, Debug)]
enum Doc {
    Nil,
    Text(String),
    Cons(Box<Doc>, Box<Doc>),
    /// A break: its text when flat, a newline when broken; `flex` breaks
    /// decide one at a time.
    Break(&'static str, bool),
    Nest(Box<Doc>, usize),
    Group(Box<Doc>),
}

fn text(s: impl Into<String>) -> Doc {
    Doc::Text(s.into())
}

fn concat(a: Doc, b: Doc) -> Doc {
    match (&a, &b) {
        (Doc::Nil, _) => b,
        (_, Doc::Nil) => a,
        _ => Doc::Cons(Box::new(a), Box::new(b)),
    }
}

fn nest(d: Doc, i: usize) -> Doc {
    Doc::Nest(Box::new(d), i)
}

fn group(d: Doc) -> Doc {
    Doc::Group(Box::new(d))
}

fn glue(a: Doc, s: &'static str, b: Doc) -> Doc {
    concat(a, concat(Doc::Break(s, false), b))
}

fn flex_glue(a: Doc, b: Doc) -> Doc {
    concat(a, concat(Doc::Break(" ", true), b))
}

fn is_simple(d: &Doc) -> bool {
    match d {
        Doc::Cons(a, b) => is_simple(a) && is_simple(b),
        Doc::Text(_) | Doc::Nil => true,
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

enum Entry<'a> {
    D(usize, Mode, &'a Doc),
    Tail(bool),
}

/// `fits?/4`: `local` first (top at the end), then `rest` from its top down.
fn fits<'a>(
    w: usize,
    mut k: usize,
    mut b: bool,
    mut local: Vec<Entry<'a>>,
    rest: &[(usize, Mode, &'a Doc)],
) -> bool {
    let mut ri = rest.len();
    loop {
        if k > w && b {
            return false;
        }
        let e = match local.pop() {
            Some(e) => e,
            None => {
                if ri == 0 {
                    return true;
                }
                ri -= 1;
                let (i, m, d) = rest[ri];
                Entry::D(i, m, d)
            }
        };
        match e {
            Entry::Tail(bb) => b = bb,
            Entry::D(i, m, d) => match d {
                Doc::Nil => {}
                Doc::Text(s) => k += s.len(),
                Doc::Break(s, _) => {
                    if m == Mode::Break {
                        return true;
                    }
                    k += s.len();
                    b = true;
                }
                Doc::Nest(x, j) => local.push(Entry::D(i + j, m, x)),
                Doc::Cons(x, y) => {
                    local.push(Entry::D(i, m, y));
                    local.push(Entry::D(i, m, x));
                }
                Doc::Group(x) => {
                    local.push(Entry::Tail(b));
                    let m2 = if m == Mode::Break { Mode::Flat } else { m };
                    local.push(Entry::D(i, m2, x));
                }
            },
        }
    }
}

fn render(doc: &Doc, width: Option<usize>) -> String {
    let mut out = String::new();
    let mut k = 0usize;
    let mut stack: Vec<(usize, Mode, &Doc)> = vec![(0, Mode::Flat, doc)];
    while let Some((i, m, d)) = stack.pop() {
        match d {
            Doc::Nil => {}
            Doc::Text(s) => {
                out.push_str(s);
                k += s.len();
            }
            Doc::Cons(x, y) => {
                stack.push((i, m, y));
                stack.push((i, m, x));
            }
            Doc::Nest(x, j) => stack.push((i + j, m, x)),
            Doc::Break(s, true) => {
                let k2 = k + s.len();
                let fit = match width {
                    None => true,
                    Some(w) => m == Mode::Flat || fits(w, k2, true, Vec::new(), &stack),
                };
                if fit {
                    out.push_str(s);
                    k = k2;
                } else {
                    newline(&mut out, i);
                    k = i;
                }
            }
            Doc::Break(s, false) => {
                if m == Mode::Break {
                    newline(&mut out, i);
                    k = i;
                } else {
                    out.push_str(s);
                    k += s.len();
                }
            }
            Doc::Group(x) => {
                let flat = match width {
                    None => true,
                    Some(w) => fits(w, k, false, vec![Entry::D(i, Mode::Flat, x)], &[]),
                };
                stack.push((i, if flat { Mode::Flat } else { Mode::Break }, x));
            }
        }
    }
    out
}

fn newline(out: &mut String, i: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', i));
}

/// `inspect(term, opts)` as Elixir prints it.
pub fn inspect(t: &PTerm, opts: &Opts) -> String {
    let d = to_doc(t, opts, opts.limit);
    render(&d, opts.width)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    Maybe,
    Strict,
    Flex,
}

/// `container_doc/6`.
#[allow(clippy::too_many_arguments)] // mirrors container_doc's own arguments
fn container<T>(
    left: &str,
    items: &[T],
    tail: Option<&PTerm>,
    right: &str,
    limit: Option<usize>,
    brk: Break,
    mut f: impl FnMut(&T, Option<usize>) -> Doc,
    opts: &Opts,
) -> Doc {
    if items.is_empty() && tail.is_none() {
        return text(format!("{left}{right}"));
    }
    let mut docs = Vec::new();
    let mut simple = brk == Break::Maybe;
    let mut lim = limit;
    let mut cut = false;
    for it in items {
        if lim == Some(0) {
            docs.push(text("..."));
            cut = true;
            break;
        }
        lim = lim.map(|l| l - 1);
        let d = f(it, lim);
        simple = simple && is_simple(&d);
        docs.push(d);
    }
    if let (Some(t), false) = (tail, cut) {
        // `[1 | 2]`: the last element and the tail joined by " |".
        let td = to_doc(t, opts, lim);
        simple = simple && is_simple(&td);
        if let Some(last) = docs.pop() {
            let joined = if simple {
                flex_glue(concat(last, text(" |")), td)
            } else {
                glue(concat(last, text(" |")), " ", td)
            };
            docs.push(joined);
        }
    }
    let flex = simple || brk == Break::Flex;
    let mut it = docs.into_iter();
    let first = it.next().unwrap_or(Doc::Nil);
    let body = it.fold(first, |acc, d| {
        if flex {
            flex_glue(concat(acc, text(",")), d)
        } else {
            glue(concat(acc, text(",")), " ", d)
        }
    });
    if flex {
        group(concat(concat(text(left), nest(body, 1)), text(right)))
    } else {
        group(glue(nest(glue(text(left), "", body), 2), "", text(right)))
    }
}

fn to_doc(t: &PTerm, opts: &Opts, limit: Option<usize>) -> Doc {
    match t {
        PTerm::Int(i) => text(i.to_string()),
        PTerm::BigInt {
            negative,
            magnitude,
        } => text(super::term::big_text(*negative, magnitude, 10)),
        PTerm::Float(f) => text(float(*f)),
        PTerm::Atom(a) => text(atom(a)),
        PTerm::Nil => text("[]"),
        PTerm::Pid(p) => text(format!("#PID{p}")),
        PTerm::Opaque(o) => text(opaque(o)),
        PTerm::Binary(b) => binary(b, limit, opts),
        PTerm::Tuple(items) => {
            if let [PTerm::Atom(m), PTerm::Atom(name), fields] = items.as_slice() {
                if m == STRUCT_MARKER {
                    return struct_doc(name, fields, opts, limit);
                }
            }
            container(
                "{",
                items,
                None,
                "}",
                limit,
                Break::Flex,
                |x, l| to_doc(x, opts, l),
                opts,
            )
        }
        PTerm::List(items, tail) => list(items, tail.as_deref(), opts, limit),
        PTerm::Map(pairs) => map(pairs, "", opts, limit),
    }
}

fn list(items: &[PTerm], tail: Option<&PTerm>, opts: &Opts, limit: Option<usize>) -> Doc {
    if tail.is_none() && !opts.charlists_as_lists {
        if let Some(s) = printable_charlist(items) {
            return text(format!("'{}'", escape(&s, '\'')));
        }
    }
    if tail.is_none() && is_keyword(items) {
        return container(
            "[",
            items,
            None,
            "]",
            limit,
            Break::Strict,
            |kv, l| keyword_pair(kv, opts, l),
            opts,
        );
    }
    container(
        "[",
        items,
        tail,
        "]",
        limit,
        Break::Maybe,
        |x, l| to_doc(x, opts, l),
        opts,
    )
}

fn is_keyword(items: &[PTerm]) -> bool {
    items.iter().all(|i| match i {
        PTerm::Tuple(kv) if kv.len() == 2 => {
            matches!(&kv[0], PTerm::Atom(a) if !a.starts_with("Elixir."))
        }
        _ => false,
    })
}

fn keyword_pair(kv: &PTerm, opts: &Opts, limit: Option<usize>) -> Doc {
    match kv {
        PTerm::Tuple(items) if items.len() == 2 => match &items[0] {
            PTerm::Atom(k) => concat(
                text(format!("{} ", key_atom(k))),
                to_doc(&items[1], opts, limit),
            ),
            _ => to_doc(kv, opts, limit),
        },
        _ => to_doc(kv, opts, limit),
    }
}

fn map(pairs: &[(PTerm, PTerm)], name: &str, opts: &Opts, limit: Option<usize>) -> Doc {
    // A struct map (one the library did not pre-process): `%Name{...}`.
    let strukt = pairs.iter().find_map(|(k, v)| match (k, v) {
        (PTerm::Atom(k), PTerm::Atom(v)) if k == "__struct__" => Some(v.clone()),
        _ => None,
    });
    if let Some(s) = strukt {
        let fields: Vec<PTerm> = pairs
            .iter()
            .filter(
                |(k, _)| !matches!(k, PTerm::Atom(a) if a == "__struct__" || a == "__exception__"),
            )
            .map(|(k, v)| PTerm::Tuple(vec![k.clone(), v.clone()]))
            .collect();
        return struct_doc(&s, &PTerm::List(fields, None), opts, limit);
    }
    let open = format!("%{name}{{");
    let all_atoms = pairs
        .iter()
        .all(|(k, _)| matches!(k, PTerm::Atom(a) if !a.starts_with("Elixir.")));
    if all_atoms {
        container(
            &open,
            pairs,
            None,
            "}",
            limit,
            Break::Strict,
            |(k, v), l| {
                let PTerm::Atom(k) = k else { return Doc::Nil };
                concat(text(format!("{} ", key_atom(k))), to_doc(v, opts, l))
            },
            opts,
        )
    } else {
        container(
            &open,
            pairs,
            None,
            "}",
            limit,
            Break::Strict,
            |(k, v), l| concat(concat(to_doc(k, opts, l), text(" => ")), to_doc(v, opts, l)),
            opts,
        )
    }
}

fn struct_doc(name: &str, fields: &PTerm, opts: &Opts, limit: Option<usize>) -> Doc {
    let items: Vec<PTerm> = match fields {
        PTerm::List(items, None) => items.clone(),
        _ => Vec::new(),
    };
    let get = |f: &str| {
        items.iter().find_map(|i| match i {
            PTerm::Tuple(kv) if kv.len() == 2 && matches!(&kv[0], PTerm::Atom(a) if a == f) => {
                Some(kv[1].clone())
            }
            _ => None,
        })
    };
    if name == "Elixir.Range" {
        if let (Some(first), Some(last), Some(step)) = (get("first"), get("last"), get("step")) {
            let f = to_doc(&first, opts, limit);
            let l = to_doc(&last, opts, limit);
            let mut d = concat(concat(f, text("..")), l);
            if !matches!(step, PTerm::Int(1)) {
                d = concat(concat(d, text("//")), to_doc(&step, opts, limit));
            }
            return d;
        }
    }
    // A user `Inspect` implementation's result, printed as it is.
    if name == "$raw" {
        if let Some(PTerm::Binary(b)) = get("text") {
            return text(String::from_utf8_lossy(&b).into_owned());
        }
    }
    // Kernel.__prepare__ hands a MapSet over as its element list.
    if name == "Elixir.MapSet" {
        if let Some(list) = get("list") {
            // Inspect for MapSet prints its elements with `charlists:
            // :as_lists` (`MapSet.new([97])`, not `MapSet.new('a')`).
            let as_lists = Opts {
                charlists_as_lists: true,
                ..*opts
            };
            let d = concat(text("MapSet.new("), to_doc(&list, &as_lists, limit));
            return concat(d, text(")"));
        }
    }
    let alias = atom(name);
    let alias = alias.trim_start_matches(':');
    container(
        &format!("%{alias}{{"),
        &items,
        None,
        "}",
        limit,
        Break::Strict,
        |kv, l| keyword_pair(kv, opts, l),
        opts,
    )
}

fn binary(b: &[u8], limit: Option<usize>, opts: &Opts) -> Doc {
    if let Ok(s) = std::str::from_utf8(b) {
        if s.chars().all(printable_char) {
            return text(format!("\"{}\"", escape(s, '"')));
        }
    }
    if b.is_empty() {
        return text("<<>>");
    }
    let items: Vec<PTerm> = b.iter().map(|x| PTerm::Int(i64::from(*x))).collect();
    let _ = opts;
    container(
        "<<",
        &items,
        None,
        ">>",
        limit,
        Break::Flex,
        |x, _| match x {
            PTerm::Int(i) => text(i.to_string()),
            _ => Doc::Nil,
        },
        opts,
    )
}

/// `String.printable?/1`.
fn printable_char(c: char) -> bool {
    let u = u32::from(c);
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{b}' | '\u{8}' | '\u{c}' | '\u{1b}' | '\u{7}'
    ) || (0x20..=0x7e).contains(&u)
        || (0xa0..=0xd7ff).contains(&u)
        || (0xe000..=0xfffd).contains(&u)
        || (0x10000..=0x10ffff).contains(&u)
}

/// `List.ascii_printable?/1`: the charlist as text.
fn printable_charlist(items: &[PTerm]) -> Option<String> {
    let mut s = String::new();
    for i in items {
        let PTerm::Int(c) = i else { return None };
        let c = u32::try_from(*c).ok()?;
        let ok = (32..=126).contains(&c) || matches!(c, 7..=13 | 27);
        if !ok {
            return None;
        }
        s.push(char::from_u32(c)?);
    }
    Some(s)
}

fn escape(s: &str, q: char) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{b}' => out.push_str("\\v"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{7}' => out.push_str("\\a"),
            '#' => out.push('#'),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    // `#{` would read back as interpolation.
    out.replace("#{", "\\#{")
}

fn float(f: f64) -> String {
    let a = f.abs();
    if (1.0..1.0e16).contains(&a) && f.trunc() == f {
        return format!("{}.0", f.trunc() as i64);
    }
    super::format_float_shortest(f)
}

const OPERATORS: &[&str] = &[
    "+", "-", "*", "/", "++", "--", "<>", "==", "!=", "===", "!==", "<", ">", "<=", ">=", "=~",
    "&&", "||", "&&&", "|||", "<<<", ">>>", "<<~", "~>>", "<~", "~>", "<~>", "|>", "..", "...",
    "!", "^", "^^^", "~~~", "=", "&", "@", "\\\\", "::", "<-", "|", "->", "//", "..//", "**", "in",
    "not", "and", "or", "when", ".", "%", "{}", "%{}", "<<>>", "..//",
];

fn is_identifier(a: &str) -> bool {
    let mut cs = a.chars();
    let Some(first) = cs.next() else { return false };
    if !(first == '_' || first.is_alphabetic() && !first.is_uppercase()) {
        return false;
    }
    let body: Vec<char> = cs.collect();
    let (last, init) = match body.split_last() {
        Some((l, i)) => (Some(*l), i),
        None => (None, &[][..]),
    };
    let ok_body = |c: &char| c.is_alphanumeric() || *c == '_' || *c == '@';
    match last {
        None => true,
        Some(l) => init.iter().all(ok_body) && (ok_body(&l) || l == '?' || l == '!'),
    }
}

/// `Elixir.Foo.Bar` → `Foo.Bar` when every segment is an alias.
fn alias_name(a: &str) -> Option<&str> {
    let rest = a.strip_prefix("Elixir.")?;
    let ok = rest.split('.').all(|seg| {
        let mut cs = seg.chars();
        cs.next().is_some_and(|c| c.is_ascii_uppercase())
            && cs.all(|c| c.is_alphanumeric() || c == '_')
    });
    ok.then_some(rest)
}

/// An atom as Elixir writes it: `:ok`, `nil`, `Foo.Bar`, `:"with space"`.
pub fn atom(a: &str) -> String {
    match a {
        "nil" | "true" | "false" => return a.to_string(),
        "Elixir" => return "Elixir".to_string(),
        _ => {}
    }
    if let Some(al) = alias_name(a) {
        return al.to_string();
    }
    if is_identifier(a) || OPERATORS.contains(&a) {
        return format!(":{a}");
    }
    format!(":\"{}\"", escape(a, '"'))
}

/// A keyword key: `a:` or `"with space":`.
fn key_atom(a: &str) -> String {
    if is_identifier(a)
        || alias_name(a).is_none()
            && a.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && a.chars().all(|c| c.is_alphanumeric() || c == '_')
    {
        return format!("{a}:");
    }
    format!("\"{}\":", escape(a, '"'))
}

fn opaque(o: &str) -> String {
    if let Some(r) = o.strip_prefix("#Ref") {
        return format!("#Reference{r}");
    }
    if let Some(f) = o.strip_prefix("#Fun<") {
        return format!("#Function<{}", f);
    }
    if let Some(f) = o.strip_prefix("fun ") {
        // fun m:f/a → &:m.f/a (Elixir writes &Mod.fun/arity)
        if let Some((m, fa)) = f.split_once(':') {
            let m = m.trim_matches('\'');
            let shown = atom(m);
            return format!("&{}.{}", shown, fa.trim_matches('\''));
        }
    }
    // A bitstring that is not a binary arrives as `~w` prints it,
    // `<<1,2,5:3>>`; Elixir writes `<<1, 2, 5::size(3)>>`.
    if let Some(inner) = o.strip_prefix("<<").and_then(|r| r.strip_suffix(">>")) {
        let parts: Vec<String> = inner
            .split(',')
            .map(|p| match p.split_once(':') {
                Some((v, n)) => format!("{v}::size({n})"),
                None => p.to_string(),
            })
            .collect();
        return format!("<<{}>>", parts.join(", "));
    }
    o.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &PTerm) -> String {
        inspect(
            t,
            &Opts {
                width: Some(80),
                ..Opts::default()
            },
        )
    }

    #[test]
    fn long_list_flexes_with_limit() {
        let items: Vec<PTerm> = (1..=60).map(PTerm::Int).collect();
        let s = p(&PTerm::List(items, None));
        assert_eq!(
            s,
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,\n 43, 44, 45, 46, 47, 48, 49, 50, ...]"
        );
    }

    #[test]
    fn atoms() {
        assert_eq!(atom("ok"), ":ok");
        assert_eq!(atom("Elixir.Foo.Bar"), "Foo.Bar");
        assert_eq!(atom("foo bar"), ":\"foo bar\"");
        assert_eq!(atom("ok?"), ":ok?");
        assert_eq!(atom("+"), ":+");
        assert_eq!(atom("9a"), ":\"9a\"");
        assert_eq!(atom("Elixir.foo"), ":\"Elixir.foo\"");
    }
}
