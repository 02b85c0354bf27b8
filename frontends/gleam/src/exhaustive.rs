//! Exhaustiveness and redundancy of patterns (Maranget, "Warnings for
//! pattern matching", with witnesses): a pattern matrix is checked for the
//! values no row matches, and each row for whether any earlier row already
//! covers it.

use std::sync::Arc;

/// A pattern reduced to what matching depends on.
#[derive(Clone, Debug, PartialEq)]
pub enum Pat {
    Wild,
    Ctor(Ctor, Vec<Pat>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Ctor {
    /// A variant of a custom type; `siblings` lists every variant of the
    /// type as (name, arity), so a column can be checked for completeness.
    Variant {
        index: usize,
        siblings: Arc<Vec<(String, usize)>>,
    },
    Tuple(usize),
    Empty,
    Cons,
    /// A literal (or string prefix, or bit array): types with such values
    /// are never complete without a catch-all.
    Lit(String),
}

impl Ctor {
    fn arity(&self) -> usize {
        match self {
            Ctor::Variant { index, siblings } => siblings.get(*index).map_or(0, |s| s.1),
            Ctor::Tuple(n) => *n,
            Ctor::Empty | Ctor::Lit(_) => 0,
            Ctor::Cons => 2,
        }
    }

    /// Every constructor of the type, if the type has finitely many.
    fn signature(&self) -> Option<Vec<Ctor>> {
        match self {
            Ctor::Variant { siblings, .. } => Some(
                (0..siblings.len())
                    .map(|index| Ctor::Variant {
                        index,
                        siblings: siblings.clone(),
                    })
                    .collect(),
            ),
            Ctor::Tuple(n) => Some(vec![Ctor::Tuple(*n)]),
            Ctor::Empty | Ctor::Cons => Some(vec![Ctor::Empty, Ctor::Cons]),
            Ctor::Lit(_) => None,
        }
    }

    fn same(&self, other: &Ctor) -> bool {
        match (self, other) {
            (Ctor::Variant { index: a, .. }, Ctor::Variant { index: b, .. }) => a == b,
            (Ctor::Tuple(a), Ctor::Tuple(b)) => a == b,
            (Ctor::Empty, Ctor::Empty) | (Ctor::Cons, Ctor::Cons) => true,
            (Ctor::Lit(a), Ctor::Lit(b)) => a == b,
            _ => false,
        }
    }
}

/// Stop listing missing patterns after this many.
const MAX_WITNESSES: usize = 12;

fn specialize(rows: &[Vec<Pat>], c: &Ctor) -> Vec<Vec<Pat>> {
    let arity = c.arity();
    rows.iter()
        .filter_map(|row| {
            let (head, tail) = row.split_first()?;
            match head {
                Pat::Wild => {
                    let mut r = vec![Pat::Wild; arity];
                    r.extend_from_slice(tail);
                    Some(r)
                }
                Pat::Ctor(hc, args) if hc.same(c) => {
                    let mut r = args.clone();
                    r.extend_from_slice(tail);
                    Some(r)
                }
                Pat::Ctor(..) => None,
            }
        })
        .collect()
}

fn default_rows(rows: &[Vec<Pat>]) -> Vec<Vec<Pat>> {
    rows.iter()
        .filter_map(|row| match row.split_first()? {
            (Pat::Wild, tail) => Some(tail.to_vec()),
            _ => None,
        })
        .collect()
}

fn head_ctors(rows: &[Vec<Pat>]) -> Vec<Ctor> {
    let mut out: Vec<Ctor> = Vec::new();
    for row in rows {
        if let Some(Pat::Ctor(c, _)) = row.first() {
            if !out.iter().any(|o| o.same(c)) {
                out.push(c.clone());
            }
        }
    }
    out
}

/// Value vectors of width `n` that no row matches (up to a limit).
pub fn missing(rows: &[Vec<Pat>], n: usize) -> Vec<Vec<Pat>> {
    let mut out = Vec::new();
    missing_into(rows, n, &mut out);
    out
}

fn missing_into(rows: &[Vec<Pat>], n: usize, out: &mut Vec<Vec<Pat>>) {
    if out.len() >= MAX_WITNESSES {
        return;
    }
    if n == 0 {
        if rows.is_empty() {
            out.push(Vec::new());
        }
        return;
    }
    let heads = head_ctors(rows);
    let signature = heads.first().and_then(Ctor::signature);
    if let Some(sig) = &signature {
        if sig.iter().all(|c| heads.iter().any(|h| h.same(c))) {
            for c in sig {
                let arity = c.arity();
                let mut sub = Vec::new();
                missing_into(&specialize(rows, c), arity + n - 1, &mut sub);
                for w in sub {
                    let (args, rest) = w.split_at(arity.min(w.len()));
                    let mut v = vec![Pat::Ctor(c.clone(), args.to_vec())];
                    v.extend_from_slice(rest);
                    out.push(v);
                    if out.len() >= MAX_WITNESSES {
                        return;
                    }
                }
            }
            return;
        }
    }
    let mut sub = Vec::new();
    missing_into(&default_rows(rows), n - 1, &mut sub);
    for w in sub {
        match &signature {
            Some(sig) if !heads.is_empty() => {
                for c in sig.iter().filter(|c| !heads.iter().any(|h| h.same(c))) {
                    let mut v = vec![Pat::Ctor(c.clone(), vec![Pat::Wild; c.arity()])];
                    v.extend_from_slice(&w);
                    out.push(v);
                    if out.len() >= MAX_WITNESSES {
                        return;
                    }
                }
            }
            _ => {
                let mut v = vec![Pat::Wild];
                v.extend_from_slice(&w);
                out.push(v);
                if out.len() >= MAX_WITNESSES {
                    return;
                }
            }
        }
    }
}

/// Whether some value matches `row` but none of `rows`.
pub fn useful(rows: &[Vec<Pat>], row: &[Pat]) -> bool {
    let Some((head, tail)) = row.split_first() else {
        return rows.is_empty();
    };
    match head {
        Pat::Ctor(c, args) => {
            let mut q = args.clone();
            q.extend_from_slice(tail);
            useful(&specialize(rows, c), &q)
        }
        Pat::Wild => {
            let heads = head_ctors(rows);
            let complete = heads
                .first()
                .and_then(Ctor::signature)
                .filter(|sig| sig.iter().all(|c| heads.iter().any(|h| h.same(c))));
            match complete {
                Some(sig) => sig.iter().any(|c| {
                    let mut q = vec![Pat::Wild; c.arity()];
                    q.extend_from_slice(tail);
                    useful(&specialize(rows, c), &q)
                }),
                None => useful(&default_rows(rows), tail),
            }
        }
    }
}

/// Prints a missing pattern as Gleam source.
pub fn show(p: &Pat) -> String {
    match p {
        Pat::Wild => "_".into(),
        Pat::Ctor(Ctor::Variant { index, siblings }, args) => {
            let name = siblings.get(*index).map_or("?", |s| s.0.as_str());
            if args.is_empty() {
                name.to_string()
            } else {
                let a: Vec<String> = args.iter().map(show).collect();
                format!("{name}({})", a.join(", "))
            }
        }
        Pat::Ctor(Ctor::Tuple(_), args) => {
            let a: Vec<String> = args.iter().map(show).collect();
            format!("#({})", a.join(", "))
        }
        Pat::Ctor(Ctor::Empty, _) => "[]".into(),
        Pat::Ctor(Ctor::Cons, _) => {
            // Flatten `[a, ..[b, ..]]` into `[a, b, ..]`.
            let mut items = Vec::new();
            let mut cur = p;
            loop {
                match cur {
                    Pat::Ctor(Ctor::Cons, a) if a.len() == 2 => {
                        items.push(show(&a[0]));
                        cur = &a[1];
                    }
                    Pat::Ctor(Ctor::Empty, _) => return format!("[{}]", items.join(", ")),
                    _ => return format!("[{}, ..]", items.join(", ")),
                }
            }
        }
        Pat::Ctor(Ctor::Lit(l), _) => l.clone(),
    }
}
