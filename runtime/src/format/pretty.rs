//! The pretty printer behind `~p` and `~P` (OTP 25's `io_lib_pretty`).
//!
//! It works in two passes, as OTP does:
//!
//! 1. [`print_length`] turns the term into an intermediate tree ([`If`]) that
//!    carries, for every subterm, its one-line text length. Leaves (atoms,
//!    numbers, strings, binaries printed as strings, and elided `{...}`) are
//!    rendered text; lists, tuples, maps and byte binaries keep structure.
//! 2. If the whole term fits in `line_length - column` it is written on one
//!    line. Otherwise [`pp`] lays it out: the elements of a list or tuple are
//!    packed onto a line while they are leaves and fit; a compound element
//!    that does not fit goes on its own line(s) and forces a line break after
//!    it. Continuation lines are indented to the column just inside the
//!    opening bracket.
//!
//! Tagged tuples (`{atom, ...}` with two elements or more) put their first
//! element after the tag: `{tag,elem1,` with the rest aligned under `elem1`.
//! When the tag is long, an indentation `TInd` is used instead of aligning
//! after the tag; `TInd` is chosen once per call by [`cind`], which checks
//! whether the layout with "aligned after the tag" (-1) keeps every line
//! within bounds, else tries 4, else uses 1.
//!
//! Map pairs that do not fit on a line are printed as `Key =>` then the
//! value on the next line, indented by 4 (or `TInd` when positive).
//!
//! Lengths are counted in characters (grapheme clusters for non-Latin-1
//! text), columns are 1-based, as in OTP.

use super::atom::write_atom;
use super::chars::{printable_latin1, printable_latin1_list, quoted, str_length, Escape};
use super::term::{cons_view, int_list};
use super::write::{binary_body, write_atomic};
use super::PTerm;

/// Settings of one `~p`.
#[derive(Debug, Clone)]
pub(super) struct Options {
    /// 1-based column where the term starts.
    pub column: i64,
    /// Maximum line length (`~p` field width, 80 by default).
    pub line_length: i64,
    /// `~P` depth; -1 for unlimited.
    pub depth: i64,
    /// `~tp`: atoms and binaries are written as Unicode.
    pub unicode: bool,
    /// `false` under the `l` modifier: no list or binary is shown as a string.
    pub strings: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            column: 1,
            line_length: 80,
            depth: -1,
            unicode: false,
            strings: true,
        }
    }
}

/// The intermediate form: a node and its one-line length.
#[derive(Debug)]
pub(super) struct If {
    node: Node,
    len: i64,
}

#[derive(Debug)]
enum Node {
    /// Rendered text that is never broken (OTP: a character list, which is
    /// what makes an element "atomic" for packing several on a line).
    Leaf(String),
    /// A binary printed as bytes, which may be broken between bytes.
    Bin(Vec<String>),
    List(Seq),
    Tuple {
        tagged: bool,
        seq: Seq,
    },
    Map(Seq),
    Pair(Box<If>, Box<If>),
}

/// Elements of a list, tuple or map, and how the sequence ends.
#[derive(Debug)]
struct Seq {
    items: Vec<If>,
    end: End,
}

#[derive(Debug)]
enum End {
    /// Proper end.
    Nil,
    /// The rest was cut by the depth limit (`...`).
    Dots,
    /// Improper list tail.
    Tail(Box<If>),
}

impl If {
    fn leaf(s: String) -> If {
        let len = str_length(&s) as i64;
        If {
            node: Node::Leaf(s),
            len,
        }
    }

    fn is_atomic(&self) -> bool {
        matches!(self.node, Node::Leaf(_))
    }

    fn pair_is_atomic(&self) -> bool {
        match &self.node {
            Node::Pair(k, v) => k.is_atomic() && v.is_atomic(),
            _ => false,
        }
    }
}

/// `~p`/`~P` of a term.
pub(super) fn print(t: &PTerm, o: &Options) -> String {
    if o.depth == 0 {
        return "...".to_string();
    }
    let col = o.column.max(1);
    let ll = o.line_length;
    match t {
        PTerm::Atom(a) => write_atom(a, o.unicode),
        PTerm::Int(_)
        | PTerm::BigInt { .. }
        | PTerm::Float(_)
        | PTerm::Pid(_)
        | PTerm::Opaque(_) => {
            // io_lib:write/1: Latin-1 encoding, whatever the modifier.
            write_atomic(t, false).unwrap_or_default()
        }
        _ => {
            let iff = print_length(t, o.depth, o);
            let len = iff.len;
            let m = len; // line_max_chars is -1: use Len
            let mut out = String::new();
            if ll == 0 || (len < ll - col && len <= m) {
                write(&mut out, &iff);
            } else {
                let tind = [-1, 4]
                    .into_iter()
                    .find(|&i| cind(&iff, col, ll, m, i, 0, 0).is_ok())
                    .unwrap_or(1);
                let pp = Pp { ll, m, tind };
                pp.pp(&mut out, &iff, col, (col - 1).max(0) as usize, 0, 0);
            }
            out
        }
    }
}

// ---------------------------------------------------------------------------
// Pass 1: the intermediate form.

/// `io_lib_pretty:print_length/6` (no chars limit).
fn print_length(t: &PTerm, d: i64, o: &Options) -> If {
    match t {
        PTerm::Nil => If::leaf("[]".into()),
        PTerm::Tuple(es) if es.is_empty() => If::leaf("{}".into()),
        PTerm::Map(ps) if ps.is_empty() => If::leaf("#{}".into()),
        PTerm::Atom(a) => If::leaf(write_atom(a, o.unicode)),
        PTerm::Int(_)
        | PTerm::BigInt { .. }
        | PTerm::Float(_)
        | PTerm::Pid(_)
        | PTerm::Opaque(_) => If::leaf(write_atomic(t, false).unwrap_or_default()),
        PTerm::List(..) => print_length_list(t, d, o),
        PTerm::Tuple(es) => {
            if d == 1 {
                return If::leaf("{...}".into());
            }
            let tagged = matches!(es[0], PTerm::Atom(_)) && es.len() > 1;
            let seq = seq_of(es.iter(), None, d, o);
            let len = seq_length(&seq, 2);
            If {
                node: Node::Tuple { tagged, seq },
                len,
            }
        }
        PTerm::Map(pairs) => {
            if d == 1 {
                return If::leaf("#{...}".into());
            }
            let d0 = d - 1;
            let mut items = Vec::new();
            let mut end = End::Nil;
            let mut dd = d;
            for (k, v) in pairs {
                if dd == 1 {
                    end = End::Dots;
                    break;
                }
                let k = print_length(k, d0, o);
                let v = print_length(v, d0, o);
                let len = k.len + 4 + v.len;
                items.push(If {
                    node: Node::Pair(Box::new(k), Box::new(v)),
                    len,
                });
                dd -= 1;
            }
            let seq = Seq { items, end };
            let len = seq_length(&seq, 3);
            If {
                node: Node::Map(seq),
                len,
            }
        }
        PTerm::Binary(b) => print_length_binary(b, d, o),
    }
}

/// Elements of a list or tuple: each one uses a unit of depth, and the rest
/// (elements or improper tail) is elided once the depth reaches 1.
fn seq_of<'a>(
    elems: impl Iterator<Item = &'a PTerm>,
    tail: Option<&PTerm>,
    d: i64,
    o: &Options,
) -> Seq {
    let mut items = Vec::new();
    let mut dd = d;
    for e in elems {
        if dd == 1 {
            return Seq {
                items,
                end: End::Dots,
            };
        }
        items.push(print_length(e, dd - 1, o));
        dd -= 1;
    }
    let end = match tail {
        None => End::Nil,
        Some(_) if dd == 1 => End::Dots,
        Some(t) => End::Tail(Box::new(print_length(t, dd - 1, o))),
    };
    Seq { items, end }
}

/// One-line length of a sequence with `open_close` bracket characters.
fn seq_length(seq: &Seq, open_close: i64) -> i64 {
    let mut n = 0i64;
    let mut len = open_close;
    for it in &seq.items {
        len += it.len;
        n += 1;
    }
    match &seq.end {
        End::Nil => {}
        End::Dots => {
            len += 3;
            n += 1;
        }
        End::Tail(t) => {
            len += t.len;
            n += 1;
        }
    }
    if n > 1 {
        len += n - 1;
    }
    len
}

fn print_length_list(t: &PTerm, d: i64, o: &Options) -> If {
    let Some(view) = cons_view(t) else {
        return If::leaf("[]".into());
    };
    // Only flat, proper lists of printable Latin-1 codes are strings (the
    // default printable range is latin1 even for ~tp).
    if o.strings && d != 1 {
        if let Some(cs) = int_list(t) {
            if printable_latin1_list(&cs) {
                let chars = cs
                    .iter()
                    .filter_map(|&c| u32::try_from(c).ok().and_then(char::from_u32));
                let esc = if o.unicode {
                    Escape::Unicode
                } else {
                    Escape::Latin1
                };
                return If::leaf(quoted(chars, '"', esc));
            }
        }
    }
    let seq = seq_of(view.elems.into_iter(), view.tail, d, o);
    let len = seq_length(&seq, 2);
    If {
        node: Node::List(seq),
        len,
    }
}

/// What the printable check decided for a binary.
enum BinText {
    /// All of it, as a plain string (`<<"abc">>`).
    Plain(Vec<char>),
    /// All of it, Unicode (`<<"é"/utf8>>`, only under `~tp`).
    Utf8(Vec<char>),
    /// A printable prefix, the rest elided by the depth limit.
    PlainPrefix(Vec<char>),
    Utf8Prefix(Vec<char>),
}

fn print_length_binary(b: &[u8], d: i64, o: &Options) -> If {
    if b.is_empty() {
        return If::leaf("<<>>".into());
    }
    if d == 1 {
        return If::leaf("<<...>>".into());
    }
    let text = if o.strings {
        printable_bin(b, d - 1, o.unicode)
    } else {
        None
    };
    let esc = Escape::Unicode; // io_lib:write_string/2
    match text {
        Some(BinText::Plain(cs)) => If::leaf(format!("<<{}>>", quoted(cs, '"', esc))),
        Some(BinText::Utf8(cs)) => If::leaf(format!("<<{}/utf8>>", quoted(cs, '"', esc))),
        Some(BinText::PlainPrefix(cs)) => If::leaf(format!("<<{}...>>", quoted(cs, '"', esc))),
        Some(BinText::Utf8Prefix(cs)) => If::leaf(format!("<<{}/utf8...>>", quoted(cs, '"', esc))),
        None => {
            let items = binary_body(b, d);
            let len =
                4 + items.iter().map(|s| s.len() as i64).sum::<i64>() + items.len() as i64 - 1;
            If {
                node: Node::Bin(items),
                len,
            }
        }
    }
}

/// Number of leading printable Latin-1 bytes.
fn printable_prefix_len(b: &[u8]) -> usize {
    b.iter()
        .take_while(|&&c| printable_latin1(i64::from(c)))
        .count()
}

/// `io_lib_pretty:printable_bin0/4` without chars limit. `d` is the depth
/// left for the contents (-2 and below: unlimited). With a depth, only the
/// first `4 * d` bytes are examined and a printable prefix of at least `d`
/// characters is shown followed by `...`.
fn printable_bin(b: &[u8], d: i64, unicode: bool) -> Option<BinText> {
    let len = if d >= 0 {
        (4 * d).min(b.len() as i64) as usize
    } else {
        b.len()
    };
    if len == 0 {
        return None;
    }
    if unicode {
        if let Some(r) = printable_bin_utf8(b, len, d) {
            return r;
        }
    }
    printable_bin_latin1(b, len, d)
}

fn latin1_chars(b: &[u8]) -> Vec<char> {
    b.iter().map(|&c| char::from(c)).collect()
}

fn printable_bin_latin1(b: &[u8], len: usize, d: i64) -> Option<BinText> {
    // OTP checks the first min(20, Len) bytes, then the rest up to Len.
    let n = len.min(20);
    let ok = printable_prefix_len(&b[..n]);
    if ok == n {
        if n == b.len() {
            return Some(BinText::Plain(latin1_chars(b)));
        }
        if n == len {
            return Some(BinText::PlainPrefix(latin1_chars(&b[..n])));
        }
        let ok_rest = printable_prefix_len(&b[n..len]);
        let nc = len - n - ok_rest; // bytes from the first bad one to Len
        if nc == 0 && b.len() == len {
            return Some(BinText::Plain(latin1_chars(b)));
        }
        if d > 0 && (len - nc) as i64 >= d {
            return Some(BinText::PlainPrefix(latin1_chars(&b[..len - nc])));
        }
        return None;
    }
    let nc = n - ok;
    if d > 0 && (n - nc) as i64 >= d {
        return Some(BinText::PlainPrefix(latin1_chars(&b[..n - nc])));
    }
    None
}

/// The UTF-8 branch of `printable_bin/4`; `None` when the first `len` code
/// points are not valid UTF-8 (the Latin-1 rules apply then).
fn printable_bin_utf8(b: &[u8], len: usize, d: i64) -> Option<Option<BinText>> {
    // valid_utf8(Bin, Len): the first Len code points decode (or the binary
    // ends first).
    let valid = match std::str::from_utf8(b) {
        Ok(_) => true,
        Err(e) => {
            let good = std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or("");
            good.chars().count() >= len
        }
    };
    if !valid {
        return None;
    }
    let good_len = match std::str::from_utf8(b) {
        Ok(_) => b.len(),
        Err(e) => e.valid_up_to(),
    };
    let s = std::str::from_utf8(&b[..good_len]).unwrap_or("");
    // printable_unicode: take up to `len` printable code points.
    let mut taken: Vec<char> = Vec::new();
    let mut bytes = 0usize;
    let mut left = len;
    for c in s.chars() {
        if left == 0 || !printable_latin1(i64::from(u32::from(c))) {
            break;
        }
        taken.push(c);
        bytes += c.len_utf8();
        left -= 1;
    }
    let all_ascii_bytes = |n_bytes: usize| n_bytes == taken.len();
    if bytes == b.len() {
        return Some(Some(if all_ascii_bytes(b.len()) {
            BinText::Plain(taken)
        } else {
            BinText::Utf8(taken)
        }));
    }
    if d > 0 && (len - left) as i64 >= d {
        return Some(Some(if all_ascii_bytes(bytes) {
            BinText::PlainPrefix(taken)
        } else {
            BinText::Utf8Prefix(taken)
        }));
    }
    Some(None)
}

// ---------------------------------------------------------------------------
// Writing on one line.

fn write(out: &mut String, iff: &If) {
    match &iff.node {
        Node::Leaf(s) => out.push_str(s),
        Node::Bin(items) => {
            out.push_str("<<");
            out.push_str(&items.join(","));
            out.push_str(">>");
        }
        Node::List(seq) => {
            out.push('[');
            write_seq(out, seq, '|');
            out.push(']');
        }
        Node::Tuple { seq, .. } => {
            out.push('{');
            write_seq(out, seq, ',');
            out.push('}');
        }
        Node::Map(seq) => {
            out.push_str("#{");
            write_seq(out, seq, ',');
            out.push('}');
        }
        Node::Pair(k, v) => {
            write(out, k);
            out.push_str(" => ");
            write(out, v);
        }
    }
}

fn write_seq(out: &mut String, seq: &Seq, sep: char) {
    for (i, it) in seq.items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, it);
    }
    let first = seq.items.is_empty();
    match &seq.end {
        End::Nil => {}
        End::Dots => {
            if !first {
                out.push(sep);
            }
            out.push_str("...");
        }
        End::Tail(t) => {
            if !first {
                out.push(sep);
            }
            write(out, t);
        }
    }
}

// ---------------------------------------------------------------------------
// Pass 2: layout.

/// `last_depth/2`: the number of closing brackets that follow an element
/// when it is the last of its sequence (0 if more elements follow).
fn last_depth(more_follow: bool, ld: i64) -> i64 {
    if more_follow {
        0
    } else {
        ld + 1
    }
}

/// Whether an element of length `len` still fits after `col` where `w`
/// characters are already on the line (the test of `pp_tail`). Written as
/// in OTP, `+ 1` being the comma.
#[allow(clippy::int_plus_one)]
fn tail_fits(elen: i64, ld1: i64, col: i64, ll: i64, w: i64, m: i64) -> bool {
    if ld1 == 0 {
        elen + 1 < ll - col && w + elen + 1 <= m
    } else {
        elen < ll - col - ld1 && w + elen + ld1 <= m
    }
}

struct Pp {
    ll: i64,
    m: i64,
    tind: i64,
}

fn push_indent(out: &mut String, ind: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', ind));
}

impl Pp {
    fn fits(&self, len: i64, col: i64, ld: i64, w: i64) -> bool {
        len < self.ll - col - ld && len + w + ld <= self.m
    }

    fn pp(&self, out: &mut String, iff: &If, col: i64, ind: usize, ld: i64, w: i64) {
        if self.fits(iff.len, col, ld, w) {
            write(out, iff);
            return;
        }
        match &iff.node {
            Node::List(seq) => {
                out.push('[');
                self.pp_list(out, seq, col + 1, ind + 1, ld, '|', w + 1);
                out.push(']');
            }
            Node::Tuple { tagged: true, seq } => {
                out.push('{');
                self.pp_tag_tuple(out, seq, col, ind, ld, w + 1);
                out.push('}');
            }
            Node::Tuple { tagged: false, seq } => {
                out.push('{');
                self.pp_list(out, seq, col + 1, ind + 1, ld, ',', w + 1);
                out.push('}');
            }
            Node::Map(seq) => {
                out.push_str("#{");
                self.pp_map(out, seq, col + 2, ind + 2, ld, w + 1);
                out.push('}');
            }
            Node::Bin(items) => self.pp_binary(out, items, col + 2, ind + 2, ld, w),
            Node::Leaf(_) | Node::Pair(..) => write(out, iff),
        }
    }

    fn pp_tag_tuple(&self, out: &mut String, seq: &Seq, col: i64, ind: usize, ld: i64, w: i64) {
        let Some((tag, rest)) = seq.items.split_first() else {
            out.push_str("...");
            return;
        };
        let tlen = tag.len;
        let tag_ind = tlen + 2;
        let tcol = col + tag_ind;
        write(out, tag);
        if self.tind > 0 && tag_ind > self.tind {
            let col1 = col + self.tind;
            let indent = ind + self.tind as usize;
            self.pp_tail(out, rest, &seq.end, col1, tcol, indent, ld, ',', w + tlen);
        } else {
            out.push(',');
            let indent = ind + tag_ind as usize;
            let rest_seq = SeqRef {
                items: rest,
                end: &seq.end,
            };
            self.pp_list_ref(out, rest_seq, tcol, indent, ld, ',', w + tlen + 1);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn pp_list(
        &self,
        out: &mut String,
        seq: &Seq,
        col0: i64,
        ind: usize,
        ld: i64,
        sep: char,
        w: i64,
    ) {
        self.pp_list_ref(
            out,
            SeqRef {
                items: &seq.items,
                end: &seq.end,
            },
            col0,
            ind,
            ld,
            sep,
            w,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn pp_list_ref(
        &self,
        out: &mut String,
        seq: SeqRef<'_>,
        col0: i64,
        ind: usize,
        ld: i64,
        sep: char,
        w: i64,
    ) {
        let Some((first, rest)) = seq.items.split_first() else {
            // `{dots,...}` alone, or (never produced) an empty sequence.
            match seq.end {
                End::Dots => out.push_str("..."),
                End::Tail(t) => self.pp(out, t, col0, ind, ld, w),
                End::Nil => {}
            }
            return;
        };
        let more = !rest.is_empty();
        let we = self.pp_element(out, first, col0, ind, last_depth(more, ld), w);
        self.pp_tail(out, rest, seq.end, col0, col0 + we, ind, ld, sep, w + we);
    }

    /// `pp_element/8`: returns the width to account for (the line length,
    /// i.e. "force a new line", when the element was not a leaf that fit).
    fn pp_element(&self, out: &mut String, e: &If, col: i64, ind: usize, ld: i64, w: i64) -> i64 {
        if self.fits(e.len, col, ld, w) && e.is_atomic() {
            write(out, e);
            e.len
        } else {
            self.pp(out, e, col, ind, ld, w);
            self.ll
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn pp_tail(
        &self,
        out: &mut String,
        items: &[If],
        end: &End,
        col0: i64,
        mut col: i64,
        ind: usize,
        ld: i64,
        sep: char,
        mut w: i64,
    ) {
        for (i, e) in items.iter().enumerate() {
            let more = i + 1 < items.len();
            let ld1 = last_depth(more, ld);
            let elen = 1 + e.len;
            if tail_fits(elen, ld1, col, self.ll, w, self.m) && e.is_atomic() {
                out.push(',');
                write(out, e);
                col += elen;
                w += elen;
            } else {
                out.push(',');
                push_indent(out, ind);
                let we = self.pp_element(out, e, col0, ind, ld1, 0);
                col = col0 + we;
                w = we;
            }
        }
        match end {
            End::Nil => {}
            End::Dots => {
                out.push(sep);
                out.push_str("...");
            }
            End::Tail(e) => {
                let len = e.len;
                if len + 1 < self.ll - col - (ld + 1)
                    && len + 1 + w + (ld + 1) <= self.m
                    && e.is_atomic()
                {
                    out.push(sep);
                    write(out, e);
                } else {
                    out.push(sep);
                    push_indent(out, ind);
                    self.pp(out, e, col0, ind, ld + 1, 0);
                }
            }
        }
    }

    fn pp_map(&self, out: &mut String, seq: &Seq, col: i64, ind: usize, ld: i64, w: i64) {
        let Some((first, rest)) = seq.items.split_first() else {
            if matches!(seq.end, End::Dots) {
                out.push_str("...");
            }
            return;
        };
        let more = !rest.is_empty();
        let pw = self.pp_pair(out, first, col, ind, last_depth(more, ld), w);
        // OTP passes the pair width, not w + width, as the line so far.
        let (col0, mut c, mut w) = (col, col + pw, pw);
        for (i, p) in rest.iter().enumerate() {
            let more = i + 1 < rest.len();
            let ld1 = last_depth(more, ld);
            let elen = 1 + p.len;
            if tail_fits(elen, ld1, c, self.ll, w, self.m) && p.pair_is_atomic() {
                out.push(',');
                write(out, p);
                c += elen;
                w += elen;
            } else {
                out.push(',');
                push_indent(out, ind);
                let pw = self.pp_pair(out, p, col0, ind, ld1, 0);
                c = col0 + pw;
                w = pw;
            }
        }
        if matches!(seq.end, End::Dots) {
            out.push_str(",...");
        }
    }

    fn pp_pair(&self, out: &mut String, p: &If, col: i64, ind: usize, ld: i64, w: i64) -> i64 {
        if self.fits(p.len, col, ld, w) {
            write(out, p);
            return if p.pair_is_atomic() { p.len } else { self.ll };
        }
        let Node::Pair(k, v) = &p.node else {
            self.pp(out, p, col, ind, ld, w);
            return self.ll;
        };
        let i = if self.tind > 0 { self.tind } else { 4 };
        self.pp(out, k, col, ind, ld, w);
        out.push_str(" =>");
        let ind2 = ind + i as usize;
        push_indent(out, ind2);
        self.pp(out, v, col + i, ind2, ld, 0);
        self.ll
    }

    /// `pp_binary/7`: bytes are packed on lines of at most `N` characters.
    fn pp_binary(&self, out: &mut String, items: &[String], col: i64, ind: usize, ld: i64, w: i64) {
        let n0 = ((self.ll - col).min(self.m - 4 - w) - ld).max(8);
        let mut n = n0;
        out.push_str("<<");
        let Some((last, init)) = items.split_last() else {
            out.push_str(">>");
            return;
        };
        for bs in init {
            let len = bs.len() as i64 + 1;
            if n - len < 0 {
                push_indent(out, ind);
                n = n0 - len;
            } else {
                n -= len;
            }
            out.push_str(bs);
            out.push(',');
        }
        if last.len() as i64 > n {
            push_indent(out, ind);
        }
        out.push_str(last);
        out.push_str(">>");
    }
}

/// A borrowed sequence (the elements after a tuple's tag).
#[derive(Clone, Copy)]
struct SeqRef<'a> {
    items: &'a [If],
    end: &'a End,
}

// ---------------------------------------------------------------------------
// Choosing the tagged-tuple indentation.

struct NoGood;

/// `cind/7`: walks the layout `pp` would produce with tag indentation `ind`
/// and fails when a tagged tuple or map value would start too far right.
fn cind(iff: &If, col: i64, ll: i64, m: i64, ind: i64, ld: i64, w: i64) -> Result<i64, NoGood> {
    if iff.len < ll - col - ld && iff.len + w + ld <= m {
        return Ok(ind);
    }
    match &iff.node {
        Node::List(seq) | Node::Tuple { tagged: false, seq } => {
            cind_list(&seq.items, &seq.end, col + 1, ll, m, ind, ld, w + 1)
        }
        Node::Tuple { tagged: true, seq } => cind_tag_tuple(seq, col, ll, m, ind, ld, w + 1),
        Node::Map(seq) => cind_map(seq, col + 2, ll, m, ind, ld, w + 2),
        Node::Bin(_) | Node::Leaf(_) | Node::Pair(..) => Ok(ind),
    }
}

fn cind_tag_tuple(
    seq: &Seq,
    col: i64,
    ll: i64,
    m: i64,
    ind: i64,
    ld: i64,
    w: i64,
) -> Result<i64, NoGood> {
    let Some((tag, rest)) = seq.items.split_first() else {
        return Ok(ind);
    };
    let tlen = tag.len;
    let tag_ind = tlen + 2;
    let tcol = col + tag_ind;
    if ind > 0 && tag_ind > ind {
        let col1 = col + ind;
        if m + col1 <= ll || col1 <= ll / 2 {
            cind_tail(rest, &seq.end, col1, tcol, ll, m, ind, ld, w + tlen)
        } else {
            Err(NoGood)
        }
    } else if m + tcol < ll || tcol < ll / 2 {
        cind_list(rest, &seq.end, tcol, ll, m, ind, ld, w + tlen + 1)
    } else {
        Err(NoGood)
    }
}

#[allow(clippy::too_many_arguments)]
fn cind_list(
    items: &[If],
    end: &End,
    col0: i64,
    ll: i64,
    m: i64,
    ind: i64,
    ld: i64,
    w: i64,
) -> Result<i64, NoGood> {
    let Some((first, rest)) = items.split_first() else {
        return Ok(ind);
    };
    let we = cind_element(first, col0, ll, m, ind, last_depth(!rest.is_empty(), ld), w)?;
    cind_tail(rest, end, col0, col0 + we, ll, m, ind, ld, w + we)
}

#[allow(clippy::too_many_arguments)]
fn cind_tail(
    items: &[If],
    end: &End,
    col0: i64,
    mut col: i64,
    ll: i64,
    m: i64,
    ind: i64,
    ld: i64,
    mut w: i64,
) -> Result<i64, NoGood> {
    for (i, e) in items.iter().enumerate() {
        let ld1 = last_depth(i + 1 < items.len(), ld);
        let elen = 1 + e.len;
        if tail_fits(elen, ld1, col, ll, w, m) && e.is_atomic() {
            col += elen;
            w += elen;
        } else {
            let we = cind_element(e, col0, ll, m, ind, ld1, 0)?;
            col = col0 + we;
            w = we;
        }
    }
    match end {
        End::Nil | End::Dots => Ok(ind),
        End::Tail(e) => {
            let len = e.len;
            if len + 1 < ll - col - (ld + 1) && len + 1 + w + (ld + 1) <= m && e.is_atomic() {
                Ok(ind)
            } else {
                cind(e, col, ll, m, ind, ld + 1, 0)
            }
        }
    }
}

fn cind_element(
    e: &If,
    col: i64,
    ll: i64,
    m: i64,
    ind: i64,
    ld: i64,
    w: i64,
) -> Result<i64, NoGood> {
    if e.len < ll - col - ld && e.len + w + ld <= m && e.is_atomic() {
        Ok(e.len)
    } else {
        cind(e, col, ll, m, ind, ld, w)?;
        Ok(ll)
    }
}

fn cind_map(
    seq: &Seq,
    col: i64,
    ll: i64,
    m: i64,
    ind: i64,
    ld: i64,
    w: i64,
) -> Result<i64, NoGood> {
    let Some((first, rest)) = seq.items.split_first() else {
        return Ok(ind);
    };
    let pw = cind_pair(first, col, ll, m, ind, last_depth(!rest.is_empty(), ld), w)?;
    let col0 = col;
    let mut c = col + pw;
    let mut w = w + pw;
    for (i, p) in rest.iter().enumerate() {
        let ld1 = last_depth(i + 1 < rest.len(), ld);
        let elen = 1 + p.len;
        if tail_fits(elen, ld1, c, ll, w, m) && p.pair_is_atomic() {
            c += elen;
            w += elen;
        } else {
            let pw = cind_pair(p, col0, ll, m, ind, ld1, 0)?;
            c = col0 + pw;
            w = pw;
        }
    }
    Ok(ind)
}

fn cind_pair(p: &If, col: i64, ll: i64, m: i64, ind: i64, ld: i64, w: i64) -> Result<i64, NoGood> {
    if p.len < ll - col - ld && p.len + w + ld <= m {
        return Ok(if p.pair_is_atomic() { p.len } else { ll });
    }
    if let Node::Pair(k, v) = &p.node {
        cind(k, col, ll, m, ind, ld, w)?;
        let i = if ind > 0 { ind } else { 4 };
        cind(v, col + i, ll, m, ind, ld, 0)?;
    }
    Ok(ll)
}
