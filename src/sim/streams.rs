//! Independent random streams, one per purpose and index (a class, a
//! person, a person in a given step), all fixed by one seed.
//!
//! Why not one generator for everything: with one shared stream, a draw
//! made by one person shifts every draw after it, so a change anywhere (the
//! player deletes instead of keeping, the world grows by a town) reshuffles
//! everyone's behaviour. Keyed streams keep each person's decisions their
//! own: two runs that differ in one thing differ only where that thing
//! reaches, which is what a "What if?" comparison needs, and the smaller
//! worlds are the start of the bigger ones. Built on the portable
//! [`Rng`]; owns no state of its own and must not be used for anything but
//! deriving streams.

use super::rng::Rng;

/// A family of streams for one purpose under one seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Streams {
    key: u64,
}

impl Streams {
    /// The family for `purpose` (a fixed salt per use) under `seed`.
    pub(crate) fn new(seed: u64, purpose: u64) -> Self {
        Self { key: Rng::new(seed ^ purpose).next_u64() }
    }

    /// The stream for `index`. Two SplitMix64 rounds: the first spreads
    /// neighbouring indices apart, so that two streams never start a few
    /// steps from each other on the same Weyl sequence. Inline, as the
    /// generator's own methods are: a run takes a stream for every act.
    #[inline(always)]
    pub(crate) fn of(self, index: u64) -> Rng {
        Rng::new(Rng::new(self.key ^ index).next_u64())
    }
}
