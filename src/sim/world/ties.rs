//! Who comes to be in contact with whom: the densities at each scale, the
//! draws of the ties outside a class, and the coin tosses they are made of.

use std::ops::Range;

use crate::sim::network::Person;
use crate::sim::rng::Rng;
use crate::sim::streams::Streams;

use super::{Scale, OUTSIDE_TIES};

/// How densely people are in contact at each scale. Every figure is a
/// model assumption: no survey counts a pupil's contacts by community; the
/// shape (dense in a class, thinning outwards) is the point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ties {
    /// The chance that two classmates are in contact (as in the first
    /// chapter's network: about 9 of 29 classmates).
    pub in_class: f64,
    /// Mean contacts in the other classes of one's year group.
    pub in_year: f64,
    /// Mean contacts in the other year groups of one's school (siblings,
    /// clubs, the bus).
    pub in_school: f64,
    /// Mean contacts in the other schools of one's town.
    pub in_town: f64,
    /// Mean contacts in the other towns of one's region.
    pub in_region: f64,
}

impl Default for Ties {
    fn default() -> Self {
        Self { in_class: 0.3, in_year: 3.0, in_school: 1.5, in_town: 0.6, in_region: 0.2 }
    }
}

impl Ties {
    /// Mean contacts a person has in the community of `level` outside the
    /// community one step in (none at [`Scale::Class`], which is
    /// [`Ties::in_class`] instead).
    pub fn outside(&self, level: Scale) -> f64 {
        match level {
            Scale::Class => 0.0,
            Scale::Year => self.in_year,
            Scale::School => self.in_school,
            Scale::Town => self.in_town,
            Scale::Region => self.in_region,
        }
    }
}

/// How the ties outside a class are drawn: each person draws, from their
/// own stream, half of their mean at each scale from the year group
/// outwards (the other half comes from the other ends), each tie to
/// someone in the same community of that scale but outside the community
/// one step in.
#[derive(Clone, Copy, Debug)]
pub(super) struct OutsideTies {
    /// Per scale from the year group out, up to the world's: (its size,
    /// the size one step in, ties for sure, the chance of one more).
    levels: [(u32, u32, u32, u32); 4],
    /// How many of `levels` the world reaches.
    count: usize,
    streams: Streams,
}

impl OutsideTies {
    pub(super) fn new(scale: Scale, ties: &Ties, seed: u64) -> Self {
        let mut levels = [(0, 0, 0, 0); 4];
        let mut count = 0;
        for level in [Scale::Year, Scale::School, Scale::Town, Scale::Region] {
            if level > scale {
                break;
            }
            let half = ties.outside(level) / 2.0;
            let sure = half as u32;
            let inner = level.inner().map_or(1, Scale::size);
            levels[count] = (level.size(), inner, sure, threshold(half - f64::from(sure)));
            count += 1;
        }
        Self { levels, count, streams: Streams::new(seed, OUTSIDE_TIES) }
    }

    /// Calls `tie(a, b)` for every tie that one of `people` draws outside
    /// their class, in a fixed order. Each person's ties come from their
    /// own stream, so any range can be drawn on its own.
    pub(super) fn each(&self, people: Range<Person>, mut tie: impl FnMut(Person, Person)) {
        // The first person of `a`'s community at each scale, class first:
        // divided out for the first of `people`, then kept up as `a`
        // counts up instead of divided out for every person.
        let sizes = Scale::ALL.map(Scale::size);
        let mut firsts = sizes.map(|size| people.start / size * size);
        let levels = &self.levels[..self.count];
        for a in people {
            for l in 0..firsts.len() {
                if a - firsts[l] == sizes[l] {
                    firsts[l] = a;
                }
            }
            // One draw gives the four coins for "one more", a scale each.
            let mut coins = Coins::new(self.streams.of(u64::from(a)));
            for (l, &(outer, inner, sure, more)) in levels.iter().enumerate() {
                let count = sure + u32::from(coins.toss(more));
                let (group_first, own_inner) = (firsts[l + 1], firsts[l] - firsts[l + 1]);
                for _ in 0..count {
                    let mut b = coins.rng.below(outer - inner);
                    if b >= own_inner {
                        b += inner;
                    }
                    tie(a, group_first + b);
                }
            }
        }
    }
}

/// A chance as a threshold for [`Coins::toss`], in steps of 1/65,536:
/// fine enough for tie densities, and four tosses from one random draw.
pub(super) fn threshold(chance: f64) -> u32 {
    (chance.clamp(0.0, 1.0) * 65_536.0).round() as u32
}

/// Coin tosses sixteen bits at a time, so that building a million
/// people's ties takes a quarter of the draws.
pub(super) struct Coins {
    rng: Rng,
    bits: u64,
    left: u32,
}

impl Coins {
    pub(super) fn new(rng: Rng) -> Self {
        Self { rng, bits: 0, left: 0 }
    }

    /// True with chance `threshold / 65,536`. Inlined: it runs fifteen
    /// million times for a region, and the size-optimised build would
    /// otherwise make each a call.
    #[inline(always)]
    pub(super) fn toss(&mut self, threshold: u32) -> bool {
        if self.left == 0 {
            self.bits = self.rng.next_u64();
            self.left = 4;
        }
        let coin = self.bits as u16;
        self.bits >>= 16;
        self.left -= 1;
        u32::from(coin) < threshold
    }
}
