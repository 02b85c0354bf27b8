//! Evaluation of `-if(Cond).` conditions: constant guard expressions over
//! integers, floats and atoms (`defined(M)` was replaced by `true`/`false`
//! before parsing). Anything else makes the condition badly formed.

use std::cmp::Ordering;

use crate::ast::{BinOp, Expr, ExprKind, UnOp};

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(i64),
    Float(f64),
    Atom(String),
}

fn boolean(b: bool) -> Value {
    Value::Atom(if b { "true" } else { "false" }.to_string())
}

fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Atom(a) if a == "true" => Some(true),
        Value::Atom(a) if a == "false" => Some(false),
        _ => None,
    }
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::Atom(_) => None,
    }
}

/// Erlang term order over the values this evaluator knows (numbers < atoms).
fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Atom(x), Value::Atom(y)) => x.cmp(y),
        (Value::Atom(_), _) => Ordering::Greater,
        (_, Value::Atom(_)) => Ordering::Less,
        _ => num(a)
            .zip(num(b))
            .and_then(|(x, y)| x.partial_cmp(&y))
            .unwrap_or(Ordering::Equal),
    }
}

fn exact_eq(a: &Value, b: &Value) -> bool {
    a == b
}

pub fn eval(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Int(i) => Some(Value::Int(*i)),
        ExprKind::Char(c) => Some(Value::Int(i64::from(*c))),
        ExprKind::Float(f) => Some(Value::Float(*f)),
        ExprKind::Atom(a) => Some(Value::Atom(a.clone())),
        ExprKind::UnOp(op, x) => {
            let v = eval(x)?;
            match (op, v) {
                (UnOp::Not, v) => Some(boolean(!as_bool(&v)?)),
                (UnOp::Neg, Value::Int(i)) => Some(Value::Int(i.checked_neg()?)),
                (UnOp::Neg, Value::Float(f)) => Some(Value::Float(-f)),
                (UnOp::Plus, v @ (Value::Int(_) | Value::Float(_))) => Some(v),
                (UnOp::Bnot, Value::Int(i)) => Some(Value::Int(!i)),
                _ => None,
            }
        }
        ExprKind::BinOp(op, a, b) => {
            let x = eval(a)?;
            // `andalso`/`orelse` do not evaluate their right side needlessly.
            match op {
                BinOp::AndAlso => {
                    return if as_bool(&x)? {
                        eval(b)
                    } else {
                        Some(boolean(false))
                    }
                }
                BinOp::OrElse => {
                    return if as_bool(&x)? {
                        Some(boolean(true))
                    } else {
                        eval(b)
                    }
                }
                _ => {}
            }
            let y = eval(b)?;
            binop(*op, &x, &y)
        }
        ExprKind::Call(f, args) => {
            let ExprKind::Atom(name) = &f.kind else {
                return None;
            };
            let vals: Option<Vec<Value>> = args.iter().map(eval).collect();
            let vals = vals?;
            match (name.as_str(), vals.as_slice()) {
                ("is_atom", [v]) => Some(boolean(matches!(v, Value::Atom(_)))),
                ("is_integer", [v]) => Some(boolean(matches!(v, Value::Int(_)))),
                ("is_float", [v]) => Some(boolean(matches!(v, Value::Float(_)))),
                ("is_number", [v]) => Some(boolean(!matches!(v, Value::Atom(_)))),
                ("abs", [Value::Int(i)]) => Some(Value::Int(i.checked_abs()?)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn binop(op: BinOp, x: &Value, y: &Value) -> Option<Value> {
    use Value::Int;
    let r = match (op, x, y) {
        (BinOp::Add, Int(a), Int(b)) => Int(a.checked_add(*b)?),
        (BinOp::Sub, Int(a), Int(b)) => Int(a.checked_sub(*b)?),
        (BinOp::Mul, Int(a), Int(b)) => Int(a.checked_mul(*b)?),
        (BinOp::Div, Int(a), Int(b)) => Int(a.checked_div(*b)?),
        (BinOp::Rem, Int(a), Int(b)) => Int(a.checked_rem(*b)?),
        (BinOp::Band, Int(a), Int(b)) => Int(a & b),
        (BinOp::Bor, Int(a), Int(b)) => Int(a | b),
        (BinOp::Bxor, Int(a), Int(b)) => Int(a ^ b),
        (BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Fdiv, _, _) => {
            let (a, b) = (num(x)?, num(y)?);
            Value::Float(match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                _ if b == 0.0 => return None,
                _ => a / b,
            })
        }
        (BinOp::And, _, _) => boolean(as_bool(x)? && as_bool(y)?),
        (BinOp::Or, _, _) => boolean(as_bool(x)? || as_bool(y)?),
        (BinOp::Xor, _, _) => boolean(as_bool(x)? ^ as_bool(y)?),
        (BinOp::ExactEq, _, _) => boolean(exact_eq(x, y)),
        (BinOp::ExactNe, _, _) => boolean(!exact_eq(x, y)),
        (BinOp::Eq, _, _) => boolean(compare(x, y) == Ordering::Equal),
        (BinOp::Ne, _, _) => boolean(compare(x, y) != Ordering::Equal),
        (BinOp::Lt, _, _) => boolean(compare(x, y) == Ordering::Less),
        (BinOp::Le, _, _) => boolean(compare(x, y) != Ordering::Greater),
        (BinOp::Gt, _, _) => boolean(compare(x, y) == Ordering::Greater),
        (BinOp::Ge, _, _) => boolean(compare(x, y) != Ordering::Less),
        _ => return None,
    };
    Some(r)
}
