//! The run's random draws: waiting times from integer arithmetic alone,
//! so that the browser and a native build agree to the last bit, and the
//! keyed streams each purpose draws from.

use crate::sim::rng::Rng;
use crate::sim::streams::Streams;

/// The most doublings of a delay: a delay is at most 1,024 times its base.
pub(super) const MAX_DOUBLINGS: u32 = 10;

/// A waiting time with a long tail, from integer arithmetic only (no
/// logarithm, whose last bit may differ between the browser and a native
/// build): the span doubles with probability one half each time, up to
/// [`MAX_DOUBLINGS`], and the delay is uniform in the span. About two
/// in three delays fall below `base`.
pub(super) fn delay(rng: &mut Rng, base: u64) -> u64 {
    let doublings = rng.next_u64().trailing_zeros().min(MAX_DOUBLINGS);
    let span = base.saturating_mul(1 << doublings);
    // Modulo bias is below one part in 2^40 for any span under 2^13 years.
    if span == 0 {
        0
    } else {
        (rng.next_u64() >> 11) % span
    }
}

/// A waiting time from the exponential distribution with mean 1, whole:
/// [`exponential_below`] with no limit (for the tests of its shape).
#[cfg(test)]
pub(super) fn exponential(rng: &mut Rng) -> f64 {
    exponential_below(rng, f64::INFINITY).expect("every waiting time is below infinity")
}

/// A waiting time from the exponential distribution with mean 1, if it is
/// below `limit`; `None` if it is not. By von Neumann's method (1951): only
/// comparisons of random integers and one division by a power of two, so
/// the browser and a native build agree to the last bit, where a logarithm
/// might not. Draw `first`, then more numbers while each is smaller than
/// the one before; an odd count accepts `whole + first`, an even count adds
/// one to `whole` and starts again. About four draws a time, but `None`
/// comes as soon as the draws so far settle it (a value is at least
/// `whole` plus its first number's share, which often exceeds the limit at
/// the first draw): a caller that wants only short waits, and draws
/// nothing else from `rng` after, does not pay for long ones.
pub(super) fn exponential_below(rng: &mut Rng, limit: f64) -> Option<f64> {
    let mut whole = 0u32;
    loop {
        let first = rng.next_u64();
        // Accepted, the value is this; turned down, it is over `whole + 1`,
        // more again.
        let value = f64::from(whole) + (first >> 11) as f64 / (1u64 << 53) as f64;
        if value >= limit {
            return None;
        }
        let (mut last, mut run) = (first, 1u32);
        loop {
            let next = rng.next_u64();
            if next >= last {
                break;
            }
            last = next;
            run += 1;
        }
        if run % 2 == 1 {
            return Some(value);
        }
        whole += 1;
    }
}

/// The random streams of a run, one family per purpose.
#[derive(Clone, Copy, Debug)]
pub(super) struct Keys {
    pub(super) act: Streams,
    pub(super) delay: Streams,
    pub(super) view: Streams,
    pub(super) ask: Streams,
    pub(super) resurface: Streams,
    pub(super) reshare: Streams,
    pub(super) player: Streams,
}

impl Keys {
    pub(super) fn new(seed: u64) -> Self {
        let family = |salt| Streams::new(seed, salt);
        Self {
            act: family(0xAC70_0000_0000_0001),
            delay: family(0xDE1A_0000_0000_0002),
            view: family(0x5EE5_0000_0000_0003),
            ask: family(0xA5C5_0000_0000_0004),
            resurface: family(0xBAC4_0000_0000_0005),
            reshare: family(0x5A4E_0000_0000_0006),
            player: family(0x91A7_0000_0000_0007),
        }
    }
}
