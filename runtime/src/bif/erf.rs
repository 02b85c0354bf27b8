//! `erf`/`erfc` for `math:erf/1` and `math:erfc/1`: Sun's fdlibm algorithm
//! with glibc's polynomial evaluation order (erl calls glibc's erf, so the
//! results match erl's to the bit on the tested table): a rational approximation on each of |x| < 0.84375,
//! [0.84375, 1.25), [1.25, 1/0.35) and [1/0.35, 28), and the limits beyond.
//! The coefficients are fdlibm's (s_erf.c, "Copyright (C) 1993 by Sun
//! Microsystems, Inc. ... Permission to use, copy, modify, and distribute
//! this software is freely granted, provided that this notice is preserved").

// fdlibm's published digits, kept as printed.
#![allow(clippy::excessive_precision)]

/// Polynomial with coefficients `c[0] + c[1] z + ...`, evaluated as
/// glibc's erf does (so the rounding is the same): pairs `c[2i] + z c[2i+1]`
/// summed left to right with weights 1, z^2, z^4 = (z^2)^2, z^6 = z^4 z^2,
/// z^8 = z^4 z^4.
fn poly(c: &[f64], z: f64) -> f64 {
    let z2 = z * z;
    let z4 = z2 * z2;
    let weights = [1.0, z2, z4, z4 * z2, z4 * z4];
    let mut sum = 0.0;
    for (i, pair) in c.chunks(2).enumerate() {
        let term = match pair {
            [a, b] => a + z * b,
            [a] => *a,
            _ => 0.0,
        };
        sum = if i == 0 {
            term
        } else {
            sum + weights[i] * term
        };
    }
    sum
}

/// |x| < 0.84375: erf(x) = x + x * P(x^2)/Q(x^2).
const PP: [f64; 5] = [
    1.28379167095512558561e-01,
    -3.25042107247001499370e-01,
    -2.84817495755985104766e-02,
    -5.77027029648944159157e-03,
    -2.37630166566501626084e-05,
];
const QQ: [f64; 6] = [
    1.0,
    3.97917223959155352819e-01,
    6.50222499887672944485e-02,
    5.08130628187576562776e-03,
    1.32494738004321644526e-04,
    -3.96022827877536812320e-06,
];
/// erf(1) rounded to single precision: the base of the [0.84375, 1.25) range.
const ERX: f64 = 8.45062911510467529297e-01;
const PA: [f64; 7] = [
    -2.36211856075265944077e-03,
    4.14856118683748331666e-01,
    -3.72207876035701323847e-01,
    3.18346619901161753674e-01,
    -1.10894694282396677476e-01,
    3.54783043256182359371e-02,
    -2.16637559486879084300e-03,
];
const QA: [f64; 7] = [
    1.0,
    1.06420880400844228286e-01,
    5.40397917702171048937e-01,
    7.18286544141962662868e-02,
    1.26171219808761642112e-01,
    1.36370839120290507362e-02,
    1.19844998467991074170e-02,
];
const RA: [f64; 8] = [
    -9.86494403484714822705e-03,
    -6.93858572707181764372e-01,
    -1.05586262253232909814e+01,
    -6.23753324503260060396e+01,
    -1.62396669462573470355e+02,
    -1.84605092906711035994e+02,
    -8.12874355063065934246e+01,
    -9.81432934416914548592e+00,
];
const SA: [f64; 9] = [
    1.0,
    1.96512716674392571292e+01,
    1.37657754143519042600e+02,
    4.34565877475229228821e+02,
    6.45387271733267880336e+02,
    4.29008140027567833386e+02,
    1.08635005541779435134e+02,
    6.57024977031928170135e+00,
    -6.04244152148580987438e-02,
];
const RB: [f64; 7] = [
    -9.86494292470009928597e-03,
    -7.99283237680523006574e-01,
    -1.77579549177547519889e+01,
    -1.60636384855821916062e+02,
    -6.37566443368389627722e+02,
    -1.02509513161107724954e+03,
    -4.83519191608651397019e+02,
];
const SB: [f64; 8] = [
    1.0,
    3.03380607434824582924e+01,
    3.25792512996573918826e+02,
    1.53672958608443695994e+03,
    3.19985821950859553908e+03,
    2.55305040643316442583e+03,
    4.74528541206955367215e+02,
    -2.24409524465858183362e+01,
];

/// The high 32 bits of |x|: fdlibm's range tests compare this word.
fn high(x: f64) -> u32 {
    ((x.to_bits() >> 32) as u32) & 0x7fff_ffff
}

/// x * P(x^2)/Q(x^2) for |x| < 0.84375.
fn small_ratio(x: f64) -> f64 {
    let z = x * x;
    poly(&PP, z) / poly(&QQ, z)
}

/// P/Q(|x| - 1) for |x| in [0.84375, 1.25).
fn near_one(a: f64) -> f64 {
    let s = a - 1.0;
    poly(&PA, s) / poly(&QA, s)
}

/// erfc(a) for a = |x| in [1.25, 28): exp(-a^2 - 0.5625 + R/S(1/a^2)) / a,
/// with a^2 split through `z` (a with its low word cleared) so that the
/// exponent keeps full precision.
fn tail(a: f64) -> f64 {
    let s = 1.0 / (a * a);
    let rs = if high(a) < 0x4006_db6e {
        poly(&RA, s) / poly(&SA, s)
    } else {
        poly(&RB, s) / poly(&SB, s)
    };
    let z = f64::from_bits(a.to_bits() & 0xffff_ffff_0000_0000);
    (-z * z - 0.5625).exp() * ((z - a) * (z + a) + rs).exp() / a
}

pub fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let h = high(x);
    let a = x.abs();
    let y = if h < 0x3feb_0000 {
        if h < 0x3e30_0000 {
            // |x| < 2^-28: erf(x) ~ 2x/sqrt(pi), scaled to avoid underflow.
            return 0.125 * (8.0 * x + 1.02703333676410069053 * x);
        }
        return x + x * small_ratio(x);
    } else if h < 0x3ff4_0000 {
        ERX + near_one(a)
    } else if h < 0x4018_0000 {
        1.0 - tail(a)
    } else {
        1.0 - f64::MIN_POSITIVE
    };
    if x < 0.0 {
        -y
    } else {
        y
    }
}

pub fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let h = high(x);
    let a = x.abs();
    let neg = x < 0.0;
    if h < 0x3feb_0000 {
        if h < 0x3c70_0000 {
            return 1.0 - x;
        }
        let r = x * small_ratio(x);
        return if neg || h < 0x3fd0_0000 {
            1.0 - (x + r)
        } else {
            0.5 - (x - 0.5 + r)
        };
    }
    if h < 0x3ff4_0000 {
        let r = near_one(a);
        return if neg { 1.0 + (ERX + r) } else { 1.0 - ERX - r };
    }
    if h < 0x403c_0000 {
        if neg && h >= 0x4018_0000 {
            // x <= -6: erfc is 2 to double precision.
            return 2.0 - f64::MIN_POSITIVE;
        }
        let t = tail(a);
        return if neg { 2.0 - t } else { t };
    }
    if neg {
        2.0 - f64::MIN_POSITIVE
    } else {
        0.0
    }
}
