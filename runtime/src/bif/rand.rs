//! `rand:uniform/0,1`: uniformly distributed random numbers. OTP's `rand`
//! keeps a seeded state per process and its sequences are not reproduced
//! here: this is xorshift64* per scheduler thread, seeded from the clock
//! and the thread, enough for shuffling and sampling, not for
//! cryptography or for replaying a seed.

use std::cell::Cell;

use super::{badarg, Ctx, NativeTable, Trap};
use crate::term::Term;

thread_local! {
    static STATE: Cell<u64> = Cell::new(seed());
}

fn seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    // RandomState mixes in per-process randomness and the thread's keys.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(nanos);
    h.finish() | 1
}

fn next_u64() -> u64 {
    STATE.with(|s| {
        let mut x = s.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        s.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    })
}

/// A float in [0.0, 1.0), from the top 53 bits.
fn uniform0(c: &mut Ctx, _a: &[Term]) -> Result<Term, Trap> {
    let f = (next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    Ok(c.float(f))
}

/// An integer in 1..=N for a small integer N >= 1.
fn uniform1(_c: &mut Ctx, a: &[Term]) -> Result<Term, Trap> {
    let Some(n) = a[0].as_int() else {
        return badarg();
    };
    let Ok(n) = u64::try_from(n) else {
        return badarg();
    };
    if n == 0 {
        return badarg();
    }
    // Rejection sampling keeps every value equally likely.
    let zone = u64::MAX - u64::MAX % n;
    loop {
        let r = next_u64();
        if r < zone {
            return Ok(Term::small((r % n + 1) as usize));
        }
    }
}

pub(super) fn register(t: &mut NativeTable) {
    t.push(("rand", "uniform", 0, uniform0, false));
    t.push(("rand", "uniform", 1, uniform1, false));
}
