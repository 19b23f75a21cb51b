//! The run's engine: the per-person arrays, the counts and their history,
//! and the queue of timed events it plays step by step.

use crate::sim::network::Person;
use crate::sim::queue::Queue;
use crate::sim::world::{Scale, World, CLASS_SIZE};
use crate::sim::{PLAYER, SENDER};

use super::clock::schedule;
use super::counts::{Counts, Snapshot};
use super::draws::Keys;
use super::params::SpreadParams;
use super::status::UNSEEN;

/// Marks "no parent": the sender's copy (stored as 0, see `Run::parent`).
const NO_PARENT: Person = Person::MAX;

/// Something that will happen at a given minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum What {
    /// Someone decides what to do with their copy.
    Act(Person),
    /// Someone sees a post on a site, made by `from`.
    View { who: Person, from: Person },
    /// The school asks everyone to delete it; the adult reports it.
    SchoolAsks,
    /// Someone shares a kept copy again, for the `nth` time.
    Resurface { who: Person, nth: u32 },
}

/// Per-person arrays of a run that has ended, to start the next in.
#[derive(Default)]
struct Spare {
    state: Box<[u8]>,
    parent: Box<[u32]>,
    branch: Box<[Person]>,
    seen_step: Box<[u16]>,
}

/// `n` of `value`: in `spare` if it has that length, else in a new array.
fn filled<T: Copy>(mut spare: Box<[T]>, n: usize, value: T) -> Box<[T]> {
    if spare.len() == n {
        spare.fill(value);
        spare
    } else {
        drop(spare);
        vec![value; n].into_boxed_slice()
    }
}

/// The state of a run, apart from the world it runs in, so that its
/// methods can borrow the world and change the run at the same time.
#[derive(Clone, Debug)]
pub(super) struct Run {
    pub(super) params: SpreadParams,
    pub(super) keys: Keys,
    // Per person, fixed in length: boxed slices, whose indexing the
    // size-optimised build compiles inline (a vector's is a call).
    /// Per person: a status code ([`Status`](super::Status) plus [`SAVED_COPY`](super::SAVED_COPY)).
    pub(super) state: Box<[u8]>,
    /// Per person: who they got it from, plus one (0: nobody), so that a
    /// fresh run is all zeros, which costs the allocator nothing until a
    /// page is touched.
    pub(super) parent: Box<[u32]>,
    /// Per person: whose line from the class chat it came down.
    pub(super) branch: Box<[Person]>,
    /// Per person: the step in which they first saw it.
    pub(super) seen_step: Box<[u16]>,
    /// Per classmate in the class chat: people seen down their line.
    pub(super) branch_seen: Vec<u32>,
    /// Per public place: its members who may not have seen it yet. Members
    /// who have are dropped when a post comes across them, so each post
    /// costs what it reaches, and a place everyone has seen costs nothing.
    pub(super) unreached: Vec<Vec<Person>>,
    /// What will happen, by the minute.
    pub(super) events: Queue<What>,
    pub(super) step_ends: Vec<u64>,
    pub(super) steps: u32,
    pub(super) now: u64,
    pub(super) counts: Counts,
    pub(super) history: Vec<Snapshot>,
    pub(super) moved: bool,
    pub(super) over: bool,
    /// A step has begun and some of its events are still to play.
    pub(super) in_step: bool,
    pub(super) blocked_at: Option<u64>,
    /// The class whose chat heard the player say it is not OK.
    pub(super) upstanders: Option<u32>,
    /// The school that asked everyone to delete it.
    pub(super) asked: Option<u32>,
    /// Reused list of a forwarder's contacts still to be drawn from, so
    /// forwarding does not allocate.
    pub(super) pool: Vec<Person>,
}

impl Run {
    pub(super) fn new(world: &World, params: SpreadParams, seed: u64) -> Self {
        Self::new_in(world, params, seed, Spare::default())
    }

    /// Starts again from minute 0 with `params` and `seed`, as
    /// [`Run::new`] would, in this run's per-person arrays: one run's
    /// worth of memory at a time, never this run's and the next's.
    pub(super) fn restart(&mut self, world: &World, params: SpreadParams, seed: u64) {
        let spare = Spare {
            state: std::mem::take(&mut self.state),
            parent: std::mem::take(&mut self.parent),
            branch: std::mem::take(&mut self.branch),
            seen_step: std::mem::take(&mut self.seen_step),
        };
        *self = Self::new_in(world, params, seed, spare);
    }

    fn new_in(world: &World, params: SpreadParams, seed: u64, spare: Spare) -> Self {
        let n = world.people() as usize;
        assert!(params.horizon_minutes <= u64::from(u32::MAX), "a horizon of over 8,000 years");
        let step_ends = schedule(params.horizon_minutes);
        assert!(step_ends.len() < usize::from(u16::MAX), "too many steps for the horizon");
        let mut run = Self {
            params,
            keys: Keys::new(seed),
            state: filled(spare.state, n, UNSEEN),
            parent: filled(spare.parent, n, 0),
            branch: filled(spare.branch, n, 0),
            seen_step: filled(spare.seen_step, n, 0),
            branch_seen: vec![0; CLASS_SIZE as usize],
            unreached: (0..world.places().len()).map(|i| world.place_members(i).to_vec()).collect(),
            events: Queue::new(),
            over: step_ends.is_empty(),
            step_ends,
            steps: 0,
            now: 0,
            counts: Counts::default(),
            history: Vec::new(),
            moved: false,
            in_step: false,
            blocked_at: None,
            upstanders: None,
            asked: None,
            pool: Vec::new(),
        };
        // Everyone in the class chat heads their own branch.
        run.see(SENDER, NO_PARENT, SENDER, true, 0);
        for p in world.members(Scale::Class, Scale::Class.community_of(SENDER)) {
            if p != SENDER {
                run.see(p, SENDER, p, true, 0);
                if p != PLAYER {
                    run.schedule_act(p, 0);
                }
            }
        }
        run.history.push(run.snapshot());
        run
    }

    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot { step: self.steps, minutes: self.now, counts: self.counts, blocked: self.blocked(self.now) }
    }

    pub(super) fn blocked(&self, t: u64) -> bool {
        self.blocked_at.is_some_and(|at| t >= at)
    }

    /// Queues `what` for minute `minutes`, unless that is past the
    /// horizon, where nothing happens.
    pub(super) fn schedule(&mut self, minutes: u64, what: What) {
        if minutes <= self.params.horizon_minutes {
            self.events.push(minutes, what);
        }
    }

    /// Plays up to `budget` events of the current step (starting one if
    /// none is under way); `Some(())` once the step is finished (or the
    /// run was over already), `None` if events of it remain.
    pub(super) fn work(&mut self, world: &World, budget: u32) -> Option<()> {
        if self.over {
            return Some(());
        }
        if !self.in_step {
            self.in_step = true;
            self.steps += 1;
        }
        let end = self.step_ends[self.steps as usize - 1];
        for _ in 0..budget {
            let Some((t, what)) = self.events.pop_until(end) else {
                self.in_step = false;
                self.now = end;
                self.history.push(self.snapshot());
                // With nothing pending, nothing can ever happen again (a copy
                // that will come back has its return in the queue): the last
                // snapshot holds from here to the horizon.
                self.over = self.steps as usize == self.step_ends.len() || self.events.is_empty();
                return Some(());
            };
            self.happen(world, t, what);
        }
        None
    }

    fn happen(&mut self, world: &World, t: u64, what: What) {
        match what {
            What::Act(p) => self.act(world, p, t),
            What::View { who, from } => self.view(who, from, t),
            What::SchoolAsks => self.school_asks(world, t),
            What::Resurface { who, nth } => self.resurface(world, who, nth, t),
        }
    }

    pub(super) fn memory_bytes(&self) -> u64 {
        let bytes = self.state.len()
            + 4 * (self.parent.len() + self.branch.len())
            + 2 * self.seen_step.len()
            + 4 * (self.branch_seen.capacity() + self.pool.capacity())
            + 4 * self.unreached.iter().map(Vec::capacity).sum::<usize>()
            + self.events.memory_bytes() as usize
            + 8 * self.step_ends.capacity()
            + std::mem::size_of::<Snapshot>() * self.history.capacity();
        bytes as u64
    }
}
