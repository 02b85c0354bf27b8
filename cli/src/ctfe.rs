//! The compile-time evaluator installed into `eubeam_ir::ctfe`: Elixir's
//! macros run on our own runtime while their caller is being compiled.
//!
//! A fresh captured VM (one scheduler) loads the modules, and a shell process
//! evaluates `term_to_binary(apply(M, F, Args))`; the printed binary is
//! decoded back into a literal. Going through ETF keeps this independent of
//! the runtime's heap layout.

use eubeam_ir::{Expr, Fun, FunDef, FunName, Literal, Module, Span, ValueStyle};
use eubeam_runtime::{Vm, VmConfig};

use crate::loader::LibraryLoader;

const EVAL_MODULE: &str = "eubeam_ctfe_eval";

pub fn call(
    modules: &[Module],
    module: &str,
    function: &str,
    args: Vec<Literal>,
) -> Result<Literal, String> {
    let vm = Vm::new_captured(VmConfig { schedulers: 1 }, LibraryLoader::new());
    vm.set_stdio_latin1(false);
    for m in modules {
        vm.load_module(m)
            .map_err(|e| format!("cannot load module {}: {e}", m.name))?;
    }
    let sp = Span::NONE;
    let apply = Expr::call(
        "erlang",
        "apply",
        vec![
            Expr::atom(module, sp),
            Expr::atom(function, sp),
            Expr::lit(Literal::list(args), sp),
        ],
        sp,
    );
    let bin = Expr::call("erlang", "term_to_binary", vec![apply], sp);
    let body = Expr::tuple(vec![bin, Expr::lit(Literal::Nil, sp)], sp);
    let eval = Module {
        name: EVAL_MODULE.into(),
        file: "compile-time".into(),
        exports: vec![FunName::new("eval", 1)],
        attributes: Vec::new(),
        functions: vec![FunDef {
            name: FunName::new("eval", 1),
            fun: Fun {
                params: vec!["_Bound".into()],
                body: Box::new(body),
                span: sp,
                name: None,
            },
        }],
        span: sp,
    };
    let mut shell = vm.shell();
    let printed = shell.eval(&eval, ValueStyle::Erlang)?;
    let bytes = parse_printed_binary(&printed)
        .ok_or_else(|| format!("unexpected compile-time result: {printed}"))?;
    let mut d = Decoder { b: &bytes, i: 1 };
    if bytes.first() != Some(&131) {
        return Err("compile-time result is not in the external term format".into());
    }
    d.term()
}

/// `<<131,104,...>>` as `~p` prints it (possibly over several lines).
fn parse_printed_binary(s: &str) -> Option<Vec<u8>> {
    let start = s.find("<<")? + 2;
    let end = s.rfind(">>")?;
    s.get(start..end)?
        .split(',')
        .map(|n| n.trim().parse::<u8>().ok())
        .collect()
}

struct Decoder<'a> {
    b: &'a [u8],
    i: usize,
}

impl Decoder<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let s = self
            .b
            .get(self.i..self.i + n)
            .ok_or("truncated compile-time result")?;
        self.i += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<usize, String> {
        let s = self.take(2)?;
        Ok(u16::from_be_bytes([s[0], s[1]]) as usize)
    }
    fn u32(&mut self) -> Result<usize, String> {
        let s = self.take(4)?;
        Ok(u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize)
    }
    fn atom(&mut self, n: usize) -> Result<Literal, String> {
        let s = self.take(n)?;
        Ok(match std::str::from_utf8(s) {
            Ok("nil") => Literal::atom("nil"),
            Ok(a) => Literal::atom(a),
            Err(_) => Literal::atom(s.iter().map(|&c| c as char).collect::<String>()),
        })
    }
    fn big(&mut self, n: usize) -> Result<Literal, String> {
        let sign = self.u8()?;
        let digits = self.take(n)?.to_vec();
        // Little-endian base-256 digits to decimal text.
        let mut dec: Vec<u8> = vec![0];
        for &byte in digits.iter().rev() {
            let mut carry = byte as u32;
            for d in dec.iter_mut() {
                let v = *d as u32 * 256 + carry;
                *d = (v % 10) as u8;
                carry = v / 10;
            }
            while carry > 0 {
                dec.push((carry % 10) as u8);
                carry /= 10;
            }
        }
        let mut text: String = dec.iter().rev().map(|d| (b'0' + d) as char).collect();
        if sign != 0 {
            text.insert(0, '-');
        }
        Literal::integer(&text).ok_or_else(|| "bad integer in compile-time result".into())
    }
    fn term(&mut self) -> Result<Literal, String> {
        match self.u8()? {
            97 => Ok(Literal::Int(self.u8()? as i64)),
            98 => {
                let s = self.take(4)?;
                Ok(Literal::Int(i32::from_be_bytes([s[0], s[1], s[2], s[3]]) as i64))
            }
            70 => {
                let s = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(s);
                Ok(Literal::Float(f64::from_be_bytes(a)))
            }
            100 | 118 => {
                let n = self.u16()?;
                self.atom(n)
            }
            115 | 119 => {
                let n = self.u8()? as usize;
                self.atom(n)
            }
            104 => {
                let n = self.u8()? as usize;
                self.tuple(n)
            }
            105 => {
                let n = self.u32()?;
                self.tuple(n)
            }
            106 => Ok(Literal::Nil),
            107 => {
                let n = self.u16()?;
                let s = self.take(n)?;
                Ok(Literal::list(
                    s.iter().map(|&c| Literal::Int(c as i64)).collect(),
                ))
            }
            108 => {
                let n = self.u32()?;
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.term()?);
                }
                let tail = self.term()?;
                Ok(items
                    .into_iter()
                    .rev()
                    .fold(tail, |t, h| Literal::Cons(Box::new(h), Box::new(t))))
            }
            109 => {
                let n = self.u32()?;
                Ok(Literal::Binary(self.take(n)?.to_vec()))
            }
            110 => {
                let n = self.u8()? as usize;
                self.big(n)
            }
            111 => {
                let n = self.u32()?;
                self.big(n)
            }
            116 => {
                let n = self.u32()?;
                let mut pairs = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    let k = self.term()?;
                    let v = self.term()?;
                    pairs.push((k, v));
                }
                Ok(Literal::Map(pairs))
            }
            t => Err(format!(
                "a compile-time result holds a term that cannot be code (external tag {t}: a pid, reference, fun or bitstring)"
            )),
        }
    }
    fn tuple(&mut self, n: usize) -> Result<Literal, String> {
        let mut items = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            items.push(self.term()?);
        }
        Ok(Literal::Tuple(items))
    }
}
