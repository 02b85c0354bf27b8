//! EUnit and ltest for LFE, written for this project.
//!
//! `(include-lib "eunit/include/eunit.hrl")` gives LFE code EUnit's macros
//! as LFE translates eunit.hrl (`assert`, `assertEqual`, `_test`,
//! `_assertEqual`, ...); `(include-lib "ltest/include/ltest-macros.lfe")`
//! adds ltest's (`deftest`, `deftestgen`, `deftestskip`, `is`, `is-equal`,
//! `is-error`, ..., the starred test-object forms, `defsetup`,
//! `defteardown`). Each assertion expands to what eunit.hrl's does: an
//! immediately applied `lambda` raising OTP's error term, e.g.
//! `{assertEqual, [{module, M}, {line, L}, {expression, "(+ 2 2)"},
//! {expected, 5}, {value, 4}]}`, where the expression is the LFE text of
//! the argument and the line that of the top-level form, as LFE gives them.

use crate::sexpr::{Sexpr, Span, S};

use super::Lw;

fn sym(n: &str, span: &Span) -> Sexpr {
    Sexpr::sym(n, span.clone())
}

fn list(items: Vec<Sexpr>, span: &Span) -> Sexpr {
    Sexpr::list(items, span.clone())
}

fn quote(n: &str, span: &Span) -> Sexpr {
    list(vec![sym("quote", span), sym(n, span)], span)
}

fn string(s: &str, span: &Span) -> Sexpr {
    Sexpr::new(S::Str(s.to_string()), span.clone())
}

fn tuple(items: Vec<Sexpr>, span: &Span) -> Sexpr {
    let mut v = vec![sym("tuple", span)];
    v.extend(items);
    list(v, span)
}

fn pair(key: &str, value: Sexpr, span: &Span) -> Sexpr {
    tuple(vec![quote(key, span), value], span)
}

/// `(funcall (lambda () body))`: eunit.hrl's `((fun () -> ... end)())`.
fn applied(body: Sexpr, span: &Span) -> Sexpr {
    let lambda = list(
        vec![sym("lambda", span), Sexpr::nil(span.clone()), body],
        span,
    );
    list(vec![sym("funcall", span), lambda], span)
}

/// `(error (tuple 'Tag (list info...)))`.
fn fail(tag: &str, info: Vec<Sexpr>, span: &Span) -> Sexpr {
    let mut l = vec![sym("list", span)];
    l.extend(info);
    list(
        vec![
            sym("error", span),
            tuple(vec![quote(tag, span), list(l, span)], span),
        ],
        span,
    )
}

/// A case clause `(pattern body)` or `(pattern (when guard) body)`.
fn clause(pat: Sexpr, guard: Option<Sexpr>, body: Sexpr, span: &Span) -> Sexpr {
    let mut v = vec![pat];
    if let Some(g) = guard {
        v.push(list(vec![sym("when", span), g], span));
    }
    v.push(body);
    list(v, span)
}

fn case(expr: Sexpr, clauses: Vec<Sexpr>, span: &Span) -> Sexpr {
    let mut v = vec![sym("case", span), expr];
    v.extend(clauses);
    list(v, span)
}

fn let1(var: &str, value: Sexpr, body: Sexpr, span: &Span) -> Sexpr {
    list(
        vec![
            sym("let", span),
            list(vec![list(vec![sym(var, span), value], span)], span),
            body,
        ],
        span,
    )
}

/// The text of an expression as LFE's translation of `??Arg` gives it:
/// the datum printed, a string literal as the list of its codes.
fn text(x: &Sexpr) -> String {
    match &x.kind {
        S::Str(s) => {
            let codes: Vec<String> = s.chars().map(|c| u32::from(c).to_string()).collect();
            format!("({})", codes.join(" "))
        }
        S::List(items, tail) => {
            let mut out: Vec<String> = items.iter().map(text).collect();
            if let Some(t) = tail {
                out.push(".".to_string());
                out.push(text(t));
            }
            format!("({})", out.join(" "))
        }
        S::Tuple(items) => {
            let out: Vec<String> = items.iter().map(text).collect();
            format!("#({})", out.join(" "))
        }
        _ => x.to_string(),
    }
}

/// The name ltest gives a test function: `-` become `_`, plus the suffix.
fn test_name(name: &Sexpr, suffix: &str) -> Option<String> {
    Some(format!("{}{suffix}", name.as_sym()?.replace('-', "_")))
}

impl Lw<'_> {
    fn head_info(&self, span: &Span) -> Vec<Sexpr> {
        vec![
            pair("module", quote(&self.module.clone(), span), span),
            pair(
                "line",
                Sexpr::new(S::Int(self.form_line), span.clone()),
                span,
            ),
        ]
    }

    /// `(assert B)` / `(assertNot B)` with an optional comment.
    fn assert_bool(&self, b: &Sexpr, comment: Option<&Sexpr>, want: bool, span: &Span) -> Sexpr {
        let (want_s, other) = if want {
            ("true", "false")
        } else {
            ("false", "true")
        };
        let mut info = self.head_info(span);
        if let Some(c) = comment {
            info.push(pair("comment", c.clone(), span));
        }
        info.push(pair("expression", string(&text(b), span), span));
        info.push(pair("expected", quote(want_s, span), span));
        info.push(case(
            sym("x__V", span),
            vec![
                clause(
                    quote(other, span),
                    None,
                    pair("value", quote(other, span), span),
                    span,
                ),
                clause(
                    sym("_", span),
                    None,
                    pair("not_boolean", sym("x__V", span), span),
                    span,
                ),
            ],
            span,
        ));
        applied(
            let1(
                "x__V",
                b.clone(),
                case(
                    sym("x__V", span),
                    vec![
                        clause(quote(want_s, span), None, quote("ok", span), span),
                        clause(sym("_", span), None, fail("assert", info, span), span),
                    ],
                    span,
                ),
                span,
            ),
            span,
        )
    }

    fn assert_equal(&self, want: &Sexpr, e: &Sexpr, comment: Option<&Sexpr>, span: &Span) -> Sexpr {
        let mut info = self.head_info(span);
        if let Some(c) = comment {
            info.push(pair("comment", c.clone(), span));
        }
        info.push(pair("expression", string(&text(e), span), span));
        info.push(pair("expected", sym("x__X", span), span));
        info.push(pair("value", sym("x__V", span), span));
        let same = list(
            vec![sym("=:=", span), sym("x__V", span), sym("x__X", span)],
            span,
        );
        applied(
            let1(
                "x__X",
                want.clone(),
                case(
                    e.clone(),
                    vec![
                        clause(sym("x__V", span), Some(same), quote("ok", span), span),
                        clause(
                            sym("x__V", span),
                            None,
                            fail("assertEqual", info, span),
                            span,
                        ),
                    ],
                    span,
                ),
                span,
            ),
            span,
        )
    }

    fn assert_not_equal(
        &self,
        bad: &Sexpr,
        e: &Sexpr,
        comment: Option<&Sexpr>,
        span: &Span,
    ) -> Sexpr {
        let mut info = self.head_info(span);
        if let Some(c) = comment {
            info.push(pair("comment", c.clone(), span));
        }
        info.push(pair("expression", string(&text(e), span), span));
        info.push(pair("value", sym("x__X", span), span));
        let same = list(
            vec![sym("=:=", span), sym("x__V", span), sym("x__X", span)],
            span,
        );
        applied(
            let1(
                "x__X",
                bad.clone(),
                case(
                    e.clone(),
                    vec![
                        clause(
                            sym("x__V", span),
                            Some(same),
                            fail("assertNotEqual", info, span),
                            span,
                        ),
                        clause(sym("_", span), None, quote("ok", span), span),
                    ],
                    span,
                ),
                span,
            ),
            span,
        )
    }

    fn assert_match(
        &self,
        pat: &Sexpr,
        e: &Sexpr,
        comment: Option<&Sexpr>,
        negate: bool,
        span: &Span,
    ) -> Sexpr {
        let mut info = self.head_info(span);
        if let Some(c) = comment {
            info.push(pair("comment", c.clone(), span));
        }
        info.push(pair("expression", string(&text(e), span), span));
        info.push(pair("pattern", string(&text(pat), span), span));
        info.push(pair("value", sym("x__V", span), span));
        let body = if negate {
            let1(
                "x__V",
                e.clone(),
                case(
                    sym("x__V", span),
                    vec![
                        clause(pat.clone(), None, fail("assertNotMatch", info, span), span),
                        clause(sym("_", span), None, quote("ok", span), span),
                    ],
                    span,
                ),
                span,
            )
        } else {
            case(
                e.clone(),
                vec![
                    clause(pat.clone(), None, quote("ok", span), span),
                    clause(
                        sym("x__V", span),
                        None,
                        fail("assertMatch", info, span),
                        span,
                    ),
                ],
                span,
            )
        };
        applied(body, span)
    }

    /// `(assertException Class Term Expr)`, and `assertNotException`.
    fn assert_exception(
        &self,
        class: &Sexpr,
        term: &Sexpr,
        e: &Sexpr,
        negate: bool,
        span: &Span,
    ) -> Sexpr {
        let pattern = format!("{{ {} , {} , [...] }}", text(class), text(term));
        let tag = if negate {
            "assertNotException"
        } else {
            "assertException"
        };
        let info = |last: Sexpr| {
            let mut v = self.head_info(span);
            v.push(pair("expression", string(&text(e), span), span));
            v.push(pair("pattern", string(&pattern, span), span));
            v.push(last);
            v
        };
        let caught = tuple(
            vec![sym("x__C", span), sym("x__T", span), sym("x__S", span)],
            span,
        );
        let unexpected = pair("unexpected_exception", caught.clone(), span);
        let catch_all = |body: Sexpr| clause(caught.clone(), None, body, span);
        let body = if negate {
            let matches = case(
                tuple(vec![sym("x__C", span), sym("x__T", span)], span),
                vec![
                    clause(
                        tuple(vec![class.clone(), term.clone()], span),
                        None,
                        fail(tag, info(unexpected.clone()), span),
                        span,
                    ),
                    clause(sym("_", span), None, quote("ok", span), span),
                ],
                span,
            );
            list(
                vec![
                    sym("try", span),
                    e.clone(),
                    list(
                        vec![
                            sym("case", span),
                            clause(sym("_", span), None, quote("ok", span), span),
                        ],
                        span,
                    ),
                    list(vec![sym("catch", span), catch_all(matches)], span),
                ],
                span,
            )
        } else {
            let success = pair("unexpected_success", sym("x__V", span), span);
            list(
                vec![
                    sym("try", span),
                    e.clone(),
                    list(
                        vec![
                            sym("case", span),
                            clause(
                                sym("x__V", span),
                                None,
                                fail(tag, info(success), span),
                                span,
                            ),
                        ],
                        span,
                    ),
                    list(
                        vec![
                            sym("catch", span),
                            clause(
                                tuple(vec![class.clone(), term.clone(), sym("_", span)], span),
                                None,
                                quote("ok", span),
                                span,
                            ),
                            catch_all(fail(tag, info(unexpected), span)),
                        ],
                        span,
                    ),
                ],
                span,
            )
        };
        applied(body, span)
    }

    /// `(_test E)`: `(tuple Line (lambda () E))`.
    fn test_object(&self, body: Sexpr, span: &Span) -> Sexpr {
        tuple(
            vec![
                Sexpr::new(S::Int(self.form_line), span.clone()),
                list(
                    vec![sym("lambda", span), Sexpr::nil(span.clone()), body],
                    span,
                ),
            ],
            span,
        )
    }

    /// An EUnit or ltest macro call, when the file included them.
    pub(crate) fn eunit_macro(&mut self, name: &str, args: &[Sexpr], span: &Span) -> Option<Sexpr> {
        if !self.eunit {
            return None;
        }
        let a = args;
        let n = a.len();
        let wild = || sym("_", span);
        let q = |c: &str| quote(c, span);
        // The plain assertion a name stands for, as (name . args).
        let x = match (name, n) {
            ("assert", 1) => self.assert_bool(&a[0], None, true, span),
            ("assert", 2) => self.assert_bool(&a[0], Some(&a[1]), true, span),
            ("assertNot", 1) => self.assert_bool(&a[0], None, false, span),
            ("assertNot", 2) => self.assert_bool(&a[0], Some(&a[1]), false, span),
            ("assertEqual", 2) => self.assert_equal(&a[0], &a[1], None, span),
            ("assertEqual", 3) => self.assert_equal(&a[0], &a[1], Some(&a[2]), span),
            ("assertNotEqual", 2) => self.assert_not_equal(&a[0], &a[1], None, span),
            ("assertNotEqual", 3) => self.assert_not_equal(&a[0], &a[1], Some(&a[2]), span),
            ("assertMatch", 2) => self.assert_match(&a[0], &a[1], None, false, span),
            ("assertMatch", 3) => self.assert_match(&a[0], &a[1], Some(&a[2]), false, span),
            ("assertNotMatch", 2) => self.assert_match(&a[0], &a[1], None, true, span),
            ("assertNotMatch", 3) => self.assert_match(&a[0], &a[1], Some(&a[2]), true, span),
            ("assertException", 3) => self.assert_exception(&a[0], &a[1], &a[2], false, span),
            ("assertNotException", 3) => self.assert_exception(&a[0], &a[1], &a[2], true, span),
            ("assertError", 2) => self.assert_exception(&q("error"), &a[0], &a[1], false, span),
            ("assertExit", 2) => self.assert_exception(&q("exit"), &a[0], &a[1], false, span),
            ("assertThrow", 2) => self.assert_exception(&q("throw"), &a[0], &a[1], false, span),
            ("_test", 1) => self.test_object(a[0].clone(), span),
            // eunit.hrl: `_assertNot(B)` is `_assert(not (B))`; ltest's
            // `is-not*` is `_assertNot`, its `is-not-match*` `_assertMatch`.
            ("_assertNot" | "is-not*", 1) => {
                let not = list(vec![sym("not", span), a[0].clone()], span);
                let inner = self.assert_bool(&not, None, true, span);
                self.test_object(inner, span)
            }
            ("is-not-match*", 2) => {
                let inner = self.assert_match(&a[0], &a[1], None, false, span);
                self.test_object(inner, span)
            }
            // ltest
            ("is", 1) => self.assert_bool(&a[0], None, true, span),
            ("is-not", 1) => self.assert_bool(&a[0], None, false, span),
            ("is-equal", 2) => self.assert_equal(&a[0], &a[1], None, span),
            ("is-not-equal", 2) => self.assert_not_equal(&a[0], &a[1], None, span),
            ("is-match", 2) => self.assert_match(&a[0], &a[1], None, false, span),
            ("is-not-match", 2) => self.assert_match(&a[0], &a[1], None, true, span),
            ("is-exception", 1) => self.assert_exception(&wild(), &wild(), &a[0], false, span),
            ("is-exception", 3) => self.assert_exception(&a[0], &a[1], &a[2], false, span),
            ("is-not-exception", 1) => self.assert_exception(&wild(), &wild(), &a[0], true, span),
            ("is-not-exception", 3) => self.assert_exception(&a[0], &a[1], &a[2], true, span),
            ("is-error", 1) => self.assert_exception(&q("error"), &wild(), &a[0], false, span),
            ("is-error", 2) => self.assert_exception(&q("error"), &a[0], &a[1], false, span),
            ("is-exit", 1) => self.assert_exception(&q("exit"), &wild(), &a[0], false, span),
            ("is-exit", 2) => self.assert_exception(&q("exit"), &a[0], &a[1], false, span),
            ("is-throw", 1) => self.assert_exception(&q("throw"), &wild(), &a[0], false, span),
            ("is-throw", 2) => self.assert_exception(&q("throw"), &a[0], &a[1], false, span),
            ("is-not-error", 1) => self.assert_exception(&q("error"), &wild(), &a[0], true, span),
            ("is-not-error", 2) => self.assert_exception(&q("error"), &a[0], &a[1], true, span),
            ("is-not-exit", 1) => self.assert_exception(&q("exit"), &wild(), &a[0], true, span),
            ("is-not-exit", 2) => self.assert_exception(&q("exit"), &a[0], &a[1], true, span),
            ("is-not-throw", 1) => self.assert_exception(&q("throw"), &wild(), &a[0], true, span),
            ("is-not-throw", 2) => self.assert_exception(&q("throw"), &a[0], &a[1], true, span),
            ("defsetup", 1) => list(
                vec![
                    sym("lambda", span),
                    Sexpr::nil(span.clone()),
                    list(vec![a[0].clone()], span),
                ],
                span,
            ),
            ("defteardown", 1) => list(
                vec![
                    sym("lambda", span),
                    list(vec![sym("x", span)], span),
                    list(vec![a[0].clone(), sym("x", span)], span),
                ],
                span,
            ),
            _ => {
                // `_assertX` and ltest's `is-x*`: a test object of the plain
                // assertion.
                let plain = if let Some(rest) = name.strip_prefix('_') {
                    rest.starts_with("assert").then(|| rest.to_string())
                } else {
                    name.strip_suffix('*')
                        .filter(|r| r.starts_with("is"))
                        .map(str::to_string)
                }?;
                let inner = self.eunit_macro(&plain, args, span)?;
                self.test_object(inner, span)
            }
        };
        Some(x)
    }

    /// `(deftest name body...)`, `(deftestgen ...)`, `(deftestskip ...)`:
    /// the function's name, clauses-ready form `(defun name () body...)`
    /// and whether it is exported.
    pub(crate) fn deftest(
        &mut self,
        head: &str,
        args: &[Sexpr],
        span: &Span,
    ) -> Option<(Sexpr, bool)> {
        if !self.eunit {
            return None;
        }
        let suffix = match head {
            "deftest" => "_test",
            "deftestgen" => "_test_",
            "deftestskip" => "_skip",
            _ => return None,
        };
        let Some(name) = args.first().and_then(|n| test_name(n, suffix)) else {
            self.error(span, format!("({head} name body...) needs a name"));
            return None;
        };
        let mut v = vec![
            sym("defun", span),
            sym(&name, span),
            Sexpr::nil(span.clone()),
        ];
        v.extend(args[1..].iter().cloned());
        Some((list(v, span), head != "deftestskip"))
    }
}
