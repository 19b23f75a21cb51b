//! A small, portable, seeded random generator (SplitMix64).
//!
//! Why not `rand`'s `StdRng`: its algorithm may change between versions, and
//! the game promises that one seed gives one run, natively and in the
//! browser, today and next year, so that a teacher can replay a run on the
//! projector. Every output is a fixed-width integer; nothing depends on
//! `usize`.
//!
//! Its hot methods are inline (`next_u64` and `below` always): the release
//! build optimises for size and would otherwise call each of them, and
//! building a region and running its spread draw hundreds of millions of
//! numbers (a third of the region's building, by instruction count, was
//! these calls).

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast and well mixed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator whose whole future is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    #[inline(always)]
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)` with 53 random bits.
    #[inline]
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p` (clamped to `[0, 1]`).
    #[inline]
    pub fn chance(&mut self, p: f64) -> bool {
        self.next_f64() < p
    }

    /// A number in `[0, n)`, without modulo bias (Lemire's method). `n` must
    /// not be zero.
    #[inline(always)]
    pub fn below(&mut self, n: u32) -> u32 {
        assert!(n > 0, "below(0) has no answer");
        let n = u64::from(n);
        let mut m = (self.next_u64() >> 32) * n;
        if (m as u32 as u64) < n {
            let threshold = (u32::MAX as u64 + 1 - n) % n;
            while (m & 0xFFFF_FFFF) < threshold {
                m = (self.next_u64() >> 32) * n;
            }
        }
        (m >> 32) as u32
    }
}
