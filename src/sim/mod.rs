//! The spread: how copies of one picture move from phone to phone.
//!
//! Pure and deterministic: a seed fixes the network and every decision in
//! it, with a portable generator ([`rng::Rng`]), so the same seed gives the
//! same run natively and in the browser. The simulation counts steps; how
//! fast they play on screen is the shell's choice. Knows nothing of the
//! story, the words or the browser.

use std::cell::RefCell;
use std::rc::Rc;

pub mod network;
mod queue;
pub mod rng;
pub mod spread;
mod streams;
pub mod world;

pub use network::Person;
pub use rng::Rng;
pub use spread::{Counts, PlayerMove, Spread, SpreadParams};
pub use world::{Scale, World};

/// The player's place in the world: the first person of the first class.
pub const PLAYER: Person = 0;
/// The classmate who posted the picture to the class group chat.
pub const SENDER: Person = 1;

/// The size of the world the story's picture spreads in: a town of forty
/// schools, 50,400 young people. Big enough that a spread which escapes
/// the school has somewhere to go, small enough to build in a few
/// milliseconds on a school laptop, in one piece, between two frames.
pub const STORY_SCALE: Scale = Scale::Town;

/// What the spread did, at its end: the numbers the story shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tally {
    /// Everyone in the world.
    pub people: u32,
    /// People who saw it.
    pub seen: u32,
    /// Phones still holding a copy (the message or a saved one).
    pub holding: u32,
    /// People who deleted the message.
    pub deleted: u32,
    /// People who saw it through the player, directly or further down the
    /// line.
    pub from_player: u32,
}

impl Tally {
    /// The tally of a spread's counts in a world of `people`.
    pub fn of(counts: Counts, people: u32) -> Self {
        Self {
            people,
            seen: counts.seen,
            holding: counts.holding,
            deleted: counts.deleted,
            from_player: counts.from_player,
        }
    }
}

/// The story's worlds, one seed at a time: the last one built is kept and
/// lent again. The story's tally and its map need the same world, often
/// one moment after the other, and a town takes a few milliseconds to
/// build. Whoever plays the story holds one of these and hands it to
/// everything that plays the spread, so that they all share the world.
#[derive(Default)]
pub struct Worlds {
    /// The last world built, and its seed.
    last: RefCell<Option<(u64, Rc<World>)>>,
}

impl Worlds {
    /// The story's world for `seed`: the one kept, if it was built from
    /// `seed`, else a new one (kept in its place).
    pub fn story(&self, seed: u64) -> Rc<World> {
        let mut held = self.last.borrow_mut();
        let last = &mut *held;
        match last {
            Some((kept, world)) if *kept == seed => world.clone(),
            _ => last.insert((seed, Rc::new(World::build(STORY_SCALE, seed)))).1.clone(),
        }
    }
}

/// The story's spread over `world` (built by [`Worlds::story`] from the
/// same seed) after the player's `choice`, not yet played: the map plays it
/// step by step.
pub fn story_spread<W: std::borrow::Borrow<World>>(world: W, choice: PlayerMove, seed: u64) -> Spread<W> {
    let mut spread = Spread::new(world, SpreadParams::default(), seed);
    spread.player_moves(choice);
    spread
}

/// Plays the story's spread to its end after the player's `choice`: the
/// picture lands in the class group chat, the player moves, and everyone
/// else behaves by the default [`SpreadParams`] for ten years, in the
/// world for `seed` that `worlds` builds or lends.
pub fn play_out(worlds: &Worlds, choice: PlayerMove, seed: u64) -> Tally {
    let world = worlds.story(seed);
    let mut spread = story_spread(&*world, choice, seed);
    spread.run_to_end();
    Tally::of(spread.counts(), world.people())
}

/// Sorts a short list in place by insertion. The lists sorted here (a
/// person's few contacts outside their class, their few public places)
/// hold a handful of items, where this is as quick as the standard sort
/// and a few hundred bytes of wasm instead of several thousand.
pub(crate) fn sort_short<T: Ord + Copy>(items: &mut [T]) {
    for i in 1..items.len() {
        let item = items[i];
        let mut j = i;
        while j > 0 && items[j - 1] > item {
            items[j] = items[j - 1];
            j -= 1;
        }
        items[j] = item;
    }
}
