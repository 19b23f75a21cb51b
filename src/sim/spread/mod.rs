//! The big spread: one picture moving through a [`World`] over minutes,
//! days and years, as copies are forwarded, saved, posted in public
//! places, deleted and reported, until platforms block it; and how saved
//! copies can come back long after.
//!
//! Owns the cascade's rules, its clock and its per-person state; must not
//! build networks (that is [`super::world`]), know the story (the player's
//! choice comes in as a [`PlayerMove`] of its own), nor read a real clock:
//! time here is simulated minutes, and how fast steps play on screen is
//! the shell's choice.
//!
//! How one run goes. At minute 0 the sender (person 1) posts the picture
//! in class 0's group chat: every classmate's phone holds a copy. The
//! player (person 0) moves first, at minute 0. Everyone else who gets a
//! copy (but the sender, who has acted) decides once, after a delay (most within the hour, a few days
//! later): report it, or keep it and perhaps screenshot it, forward it to
//! a few contacts who have not seen it, post it in a public place; someone
//! who sends it nowhere may delete it. A post in a group chat puts a copy
//! on every member's phone; a post on a site is seen by some members over
//! the following hours, and only those who save it keep a copy. The first
//! report starts the platforms' clock: after a delay the picture's hash is
//! blocked, public posts stop reaching anyone and most forwards fail, but
//! no copy already on a phone is ever removed. After the first month, a
//! kept copy can be shared again at any time, rarely, for years.
//!
//! Per-person state is flat arrays (a status byte, a parent, a branch,
//! the step they first saw it), so a region of a million costs about
//! eleven bytes a person. Work is driven by a queue of timed events, so a
//! step costs what happens in it, not the number of people. Every
//! person's decisions come from their own keyed random stream, so two
//! runs that differ in one thing (the player's move, a rate) differ only
//! where that thing reaches.

mod acts;
mod clock;
mod counts;
mod draws;
mod params;
mod run;
mod status;
#[cfg(test)]
mod tests;

use std::borrow::Borrow;

use super::network::Person;
use super::world::World;

pub use clock::{schedule, DAY, HOUR, MONTH, PHASES, WEEK, YEAR};
pub use counts::{Counts, Snapshot};
pub use params::{PlayerMove, SpreadParams};
pub use status::{Status, SAVED_COPY};

use run::Run;
use status::{has_copy, UNSEEN};

/// One run of the spread over a world. `W` is anything that lends a
/// [`World`]: `&World` natively, or an `Rc<World>` a component can keep.
#[derive(Clone, Debug)]
pub struct Spread<W: Borrow<World>> {
    world: W,
    run: Run,
}

impl<W: Borrow<World>> Spread<W> {
    /// The picture lands in class 0's group chat at minute 0: every
    /// classmate holds a copy sent by the sender. Nobody has acted yet.
    pub fn new(world: W, params: SpreadParams, seed: u64) -> Self {
        let run = Run::new(world.borrow(), params, seed);
        Self { world, run }
    }

    /// Starts again from minute 0, the picture just posted, with `params`
    /// and `seed`: the run [`Spread::new`] would start, in the same
    /// world, but in this run's arrays, so that a shell that plays a run
    /// again (to go back in time) never holds two runs at once.
    pub fn restart(&mut self, params: SpreadParams, seed: u64) {
        self.run.restart(self.world.borrow(), params, seed);
    }

    /// The player's move, at minute 0, before anyone else acts. Returns
    /// false, and changes nothing, if the player has moved already or the
    /// clock has started: the player moves once.
    pub fn player_moves(&mut self, choice: PlayerMove) -> bool {
        self.run.player_moves(self.world.borrow(), choice)
    }

    /// Plays one step of the clock: everything due up to the step's end
    /// happens, in order of time, and a snapshot joins the history.
    /// Returns whether the spread goes on; once false, further calls
    /// change nothing.
    pub fn step(&mut self) -> bool {
        while self.run.work(self.world.borrow(), u32::MAX).is_none() {}
        !self.run.over
    }

    /// Plays at most `events` of the things that happen in the current
    /// step, so that a shell can spread one busy step over several frames
    /// and never hold the page for long. Returns `None` if the step is not
    /// finished yet, else what [`Spread::step`] returns. Work is done in
    /// the same order however it is cut up, so a run played in pieces is
    /// the same run.
    pub fn work(&mut self, events: u32) -> Option<bool> {
        self.run.work(self.world.borrow(), events).map(|()| !self.run.over)
    }

    /// Whether a step has been started by [`Spread::work`] and not yet
    /// finished: counts read now are part way through it.
    pub fn mid_step(&self) -> bool {
        self.run.in_step
    }

    /// Steps until the spread is over: the horizon is reached, or nothing
    /// is pending, not even a kept copy's return (the last snapshot then
    /// holds to the horizon).
    pub fn run_to_end(&mut self) {
        while self.step() {}
    }

    /// Whether the spread is over.
    pub fn is_over(&self) -> bool {
        self.run.over
    }

    /// The world it spreads in.
    pub fn world(&self) -> &World {
        self.world.borrow()
    }

    /// The parameters it runs with.
    pub fn params(&self) -> &SpreadParams {
        &self.run.params
    }

    /// The counts now.
    pub fn counts(&self) -> Counts {
        self.run.counts
    }

    /// Minutes since the picture was posted: the end of the last step.
    pub fn minutes(&self) -> u64 {
        self.run.now
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u32 {
        self.run.steps
    }

    /// The end of every step of the clock, in minutes (see [`schedule`]).
    pub fn step_ends(&self) -> &[u64] {
        &self.run.step_ends
    }

    /// The minute at which platforms block the picture (in force from then
    /// on), once someone has reported it.
    pub fn blocked_at(&self) -> Option<u64> {
        self.run.blocked_at
    }

    /// The counts after the player's move (step 0) and after every step.
    pub fn history(&self) -> &[Snapshot] {
        &self.run.history
    }

    /// Where `p` stands.
    pub fn status(&self, p: Person) -> Status {
        Status::from_code(self.run.state[p as usize])
    }

    /// Whether `p`'s phone holds a copy (the message or a saved one).
    pub fn has_copy(&self, p: Person) -> bool {
        has_copy(self.run.state[p as usize])
    }

    /// Whether `p` saved a copy (a screenshot).
    pub fn saved(&self, p: Person) -> bool {
        self.run.state[p as usize] & SAVED_COPY != 0
    }

    /// Everyone's status code, one byte each, for drawing: a [`Status`]
    /// (see [`Status::from_code`]) with [`SAVED_COPY`] set if they saved a
    /// copy.
    pub fn status_codes(&self) -> &[u8] {
        &self.run.state
    }

    /// Who sent `p` their copy or made the post they saw; `None` for the
    /// sender and for people who never saw it.
    pub fn parent(&self, p: Person) -> Option<Person> {
        self.run.parent[p as usize].checked_sub(1)
    }

    /// The classmate from the class chat whose line `p`'s copy came down
    /// (the sender for their own later shares); `None` if `p` never saw it.
    pub fn branch(&self, p: Person) -> Option<Person> {
        (self.run.state[p as usize] != UNSEEN).then(|| self.run.branch[p as usize])
    }

    /// The step in which `p` first saw it (0: at minute 0); `None` if never.
    pub fn seen_step(&self, p: Person) -> Option<u32> {
        (self.run.state[p as usize] != UNSEEN).then(|| u32::from(self.run.seen_step[p as usize]))
    }

    /// How many people saw it down the line of each classmate in the class
    /// chat, indexed by that classmate (each counts themselves; the
    /// sender's line holds the sender and their own later shares). Sums to
    /// [`Counts::seen`].
    pub fn branches(&self) -> &[u32] {
        &self.run.branch_seen
    }

    /// Bytes held by the run's arrays (the per-person ones by length, the
    /// growing ones by capacity).
    pub fn memory_bytes(&self) -> u64 {
        self.run.memory_bytes()
    }
}
