//! Building a world a slice of people at a time, phase by phase, so that
//! the page never freezes while a region is built.

use std::ops::Range;

use crate::sim::network::Person;
use crate::sim::streams::Streams;

use super::places::public_places;
use super::ties::{threshold, Coins, OutsideTies};
use super::{Scale, Ties, World, CLASS_SIZE, CLASS_TIES};

/// The contacts' array holds room for one contact in this many more than
/// its world has, for the next world built in it (see
/// [`WorldBuilder::reusing`]): worlds of a scale differ in size by well
/// under that from seed to seed (a region by 0.07% over twelve seeds).
const ROOM_TO_SPARE: usize = 256;

/// Builds a [`World`] a slice of people at a time, so that the browser
/// can build a region between frames: one call of
/// [`World::build_with`] takes about a third of a second for a million
/// people, and the page's main thread must never run a task for more
/// than about 50 ms, or the page stops answering.
///
/// The build is a row of phases, each but the last a pass over the
/// people in order: (1) each class's ties, as one bit mask per person;
/// (2) each person's degree, their classmates counted from the masks and
/// the ties outside their class drawn and counted at both ends; (3) the
/// degrees summed into where each row of contacts starts; (4) the
/// classmates written into the rows; (5) the ties outside classes drawn
/// again, identically, and written at both ends; (6) each row sorted, its
/// repeats dropped and the gaps closed; (7) the public places, in one
/// piece (a few milliseconds for a region). [`WorldBuilder::work`] does
/// the next slice of the current phase and returns; the builder keeps
/// what it needs to carry on (the arrays being built, where the next
/// slice starts, where the closed-up rows end).
///
/// Every random draw comes from a stream keyed by a class or a person,
/// never from one running generator, so where the slices fall changes
/// nothing: the world is the same, to the bit, whatever the slices.
///
/// ```
/// use once_sent::sim::world::{Scale, Ties, World, WorldBuilder};
///
/// let mut builder = WorldBuilder::new(Scale::School, Ties::default(), 7);
/// while !builder.work(500) {
///     // Here the browser would draw the progress bar and yield.
///     assert!(builder.progress() < 1.0);
/// }
/// assert_eq!(builder.progress(), 1.0);
/// assert_eq!(builder.finish(), Some(World::build(Scale::School, 7)));
/// ```
#[derive(Clone, Debug)]
pub struct WorldBuilder {
    scale: Scale,
    seed: u64,
    /// The chance that two classmates are in contact, as a threshold for
    /// [`Coins::toss`].
    in_class: u32,
    /// The streams each class draws its ties from.
    class_streams: Streams,
    /// How the ties outside classes are drawn.
    outside: OutsideTies,
    phase: Phase,
    /// The first person of the current phase's next slice.
    next: Person,
    /// One word per person: the class masks, then, once the classmates
    /// are in place, each row's fill cursor; dropped before the rows are
    /// closed up, as the one-go build always did.
    masks: Vec<u32>,
    /// Degrees, then where each row starts, then where each closed-up
    /// row starts: `offsets` of the [`World`].
    offsets: Vec<u32>,
    /// The rows of contacts, with gaps until they are closed up.
    contacts: Vec<Person>,
    /// Where the closed-up rows end, carried from slice to slice.
    write: usize,
    /// One row's contacts outside the class, to sort: kept, so that its
    /// memory serves every row.
    row_outside: Vec<Person>,
    /// The finished world, once the last phase is done.
    world: Option<World>,
}

/// The phases of a build, in order (see [`WorldBuilder`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// (1) Each class's ties, as bit masks: [`WorldBuilder::classes`].
    Classes,
    /// (2) Everyone's degree: [`WorldBuilder::degrees`].
    Degrees,
    /// (3) Where each row starts: [`WorldBuilder::sum_offsets`].
    Offsets,
    /// (4) Classmates into the rows: [`WorldBuilder::classmates`].
    Classmates,
    /// (5) Outside ties into the rows: [`WorldBuilder::outside`].
    Outside,
    /// (6) Rows sorted and closed up: [`WorldBuilder::rows`].
    Rows,
    /// (7) The public places: [`WorldBuilder::places`].
    Places,
    /// The world is finished.
    Done,
}

impl Phase {
    /// The phases that take time, in order, each with its share of the
    /// whole build, so that [`WorldBuilder::progress`] moves at about an
    /// even pace: milliseconds for a region, natively (placing the outside
    /// ties writes all over the rows, which costs most). Only the bar
    /// depends on these.
    const COSTS: [(Phase, u32); 7] = [
        (Phase::Classes, 59),
        (Phase::Degrees, 45),
        (Phase::Offsets, 1),
        (Phase::Classmates, 34),
        (Phase::Outside, 95),
        (Phase::Rows, 74),
        (Phase::Places, 3),
    ];

    /// The phase after this one.
    fn after(self) -> Phase {
        match self {
            Phase::Classes => Phase::Degrees,
            Phase::Degrees => Phase::Offsets,
            Phase::Offsets => Phase::Classmates,
            Phase::Classmates => Phase::Outside,
            Phase::Outside => Phase::Rows,
            Phase::Rows => Phase::Places,
            Phase::Places | Phase::Done => Phase::Done,
        }
    }
}

impl WorldBuilder {
    /// A builder of the world of `scale` with the tie densities `ties`
    /// and the seed `seed`: the world [`World::build_with`] builds from
    /// them. Holds two words per person from the start; nothing is drawn
    /// yet.
    pub fn new(scale: Scale, ties: Ties, seed: u64) -> Self {
        Self::into_arrays(scale, ties, seed, Vec::new(), Vec::new())
    }

    /// A builder of the same world as [`WorldBuilder::new`] would build,
    /// built into the arrays of `old`, a world no longer wanted. A page
    /// that builds one world after another then asks for no new memory
    /// for them: memory a page has taken is never given back, and a new
    /// array that does not fit the old one's room would grow the page by
    /// a world each time.
    pub fn reusing(scale: Scale, ties: Ties, seed: u64, old: World) -> Self {
        Self::into_arrays(scale, ties, seed, old.offsets, old.contacts)
    }

    /// A builder whose `offsets` and `contacts` are built in the given
    /// vectors (their contents do not matter, only their room).
    fn into_arrays(
        scale: Scale,
        ties: Ties,
        seed: u64,
        mut offsets: Vec<u32>,
        mut contacts: Vec<Person>,
    ) -> Self {
        let n = scale.size() as usize;
        offsets.clear();
        offsets.resize(n + 1, 0);
        contacts.clear();
        Self {
            scale,
            seed,
            in_class: threshold(ties.in_class),
            class_streams: Streams::new(seed, CLASS_TIES),
            outside: OutsideTies::new(scale, &ties, seed),
            phase: Phase::Classes,
            next: 0,
            masks: vec![0; n],
            offsets,
            contacts,
            write: 0,
            row_outside: Vec::new(),
            world: None,
        }
    }

    /// Does the next slice of the current phase: at most `people` people
    /// (at least one; in the first phase, whole classes of
    /// [`CLASS_SIZE`], at least one), never running into the next phase.
    /// The public places are one piece whatever `people` says. Returns
    /// true once the world is finished; after that, does nothing and
    /// returns true again.
    ///
    /// The time a slice takes is about proportional to its people, so a
    /// caller can fit a slice to a budget: in a region, the slowest phase
    /// (placing the outside ties) takes about a millisecond per 10,000
    /// people natively, and somewhat more in wasm. The last slice of a
    /// phase also closes it: after the offsets it makes room for every
    /// contact, after the rows it gives back the room the repeats took.
    pub fn work(&mut self, people: u32) -> bool {
        let n = self.scale.size();
        let start = self.next;
        let end = match self.phase {
            Phase::Classes => start.saturating_add((people / CLASS_SIZE).max(1) * CLASS_SIZE),
            // One piece, whatever was asked.
            Phase::Places | Phase::Done => n,
            _ => start.saturating_add(people.max(1)),
        }
        .min(n);
        match self.phase {
            Phase::Classes => self.classes(start..end),
            Phase::Degrees => self.degrees(start..end),
            Phase::Offsets => self.sum_offsets(start..end),
            Phase::Classmates => self.classmates(start..end),
            Phase::Outside => self.outside(start..end),
            Phase::Rows => self.rows(start..end),
            Phase::Places => self.places(),
            Phase::Done => {}
        }
        self.next = end;
        if self.next == n && self.phase != Phase::Done {
            self.end_phase();
        }
        self.world.is_some()
    }

    /// How far along the build is, from 0.0 before the first
    /// [`WorldBuilder::work`] to 1.0 once the world is finished, never
    /// going back: for a progress bar.
    pub fn progress(&self) -> f64 {
        let (mut done, mut all) = (0.0, 0.0);
        for (phase, cost) in Phase::COSTS {
            let cost = f64::from(cost);
            all += cost;
            if (phase as u8) < (self.phase as u8) {
                done += cost;
            } else if phase == self.phase {
                done += cost * f64::from(self.next) / f64::from(self.scale.size());
            }
        }
        done / all
    }

    /// The finished world, or `None` if [`WorldBuilder::work`] has not
    /// yet returned true (the work done so far is then dropped).
    pub fn finish(self) -> Option<World> {
        self.world
    }

    /// What follows the last slice of a phase: the next phase starts at
    /// the first person, with the arrays it needs.
    fn end_phase(&mut self) {
        let n = self.scale.size() as usize;
        match self.phase {
            // Every row's length is known: room for all of them, and a
            // little more, so that the next world of this scale, built in
            // these arrays (see `reusing`), most likely fits in them too.
            Phase::Offsets => {
                let all = self.offsets[n] as usize;
                if self.contacts.capacity() < all {
                    self.contacts.reserve_exact(all + all / ROOM_TO_SPARE);
                }
                self.contacts.resize(all, 0);
            }
            // The fill cursors are not needed to close up the rows.
            Phase::Outside => self.masks = Vec::new(),
            Phase::Rows => {
                self.offsets[n] = self.write as u32;
                // The repeats' room is kept, not given back: a copy into a
                // smaller array would leave a hole the next world's
                // contacts could not fit.
                self.contacts.truncate(self.write);
                self.row_outside = Vec::new();
            }
            _ => {}
        }
        self.phase = self.phase.after();
        self.next = 0;
    }

    /// Phase 1: the ties inside each class of `people` (whole classes),
    /// as one bit mask per person: 30 bits say which classmates they
    /// know. Counted and filled from the masks, so no list of pairs is
    /// ever held.
    fn classes(&mut self, people: Range<Person>) {
        let (streams, in_class) = (self.class_streams, self.in_class);
        let first_class = people.start / CLASS_SIZE;
        let masks = &mut self.masks[people.start as usize..people.end as usize];
        for (class, masks) in (first_class..).zip(masks.chunks_exact_mut(CLASS_SIZE as usize)) {
            let mut coins = Coins::new(streams.of(u64::from(class)));
            for a in 0..masks.len() {
                for b in a + 1..masks.len() {
                    if coins.toss(in_class) {
                        masks[a] |= 1 << b;
                        masks[b] |= 1 << a;
                    }
                }
            }
        }
    }

    /// Phase 2: the degrees, in `offsets[p + 1]`: the classmates of each
    /// of `people` from the masks, then the ties outside their class that
    /// they draw, counted at both ends (the other end may be anyone, so a
    /// degree is final only when the phase is). The ties are generated
    /// once to count them and again, identically, to place them: a second
    /// pass of arithmetic instead of a list of pairs nearly as big as the
    /// network.
    fn degrees(&mut self, people: Range<Person>) {
        let (start, end) = (people.start as usize, people.end as usize);
        for (degree, mask) in self.offsets[start + 1..end + 1].iter_mut().zip(&self.masks[start..end]) {
            *degree += mask.count_ones();
        }
        let degrees = &mut self.offsets[1..];
        self.outside.each(people, |a, b| {
            degrees[a as usize] += 1;
            degrees[b as usize] += 1;
        });
    }

    /// Phase 3: the degrees summed into where each row of `people` starts.
    fn sum_offsets(&mut self, people: Range<Person>) {
        let rows = &mut self.offsets[..];
        for p in people.start as usize..people.end as usize {
            rows[p + 1] += rows[p];
        }
    }

    /// Phase 4: the classmates of `people` at the start of their rows, in
    /// order; each mask is then no longer needed and becomes its row's
    /// fill cursor. (Hot loops index slices, not vectors: the
    /// size-optimised build leaves a vector's indexing as a call.)
    fn classmates(&mut self, people: Range<Person>) {
        let (start, end) = (people.start as usize, people.end as usize);
        let slots = &mut self.contacts[..];
        let rows = self.masks[start..end].iter_mut().zip(&self.offsets[start..end]);
        for (p, (mask, &row)) in (people.start..).zip(rows) {
            let first = p / CLASS_SIZE * CLASS_SIZE;
            let mut at = row as usize;
            let mut bits = *mask;
            while bits != 0 {
                slots[at] = first + bits.trailing_zeros();
                at += 1;
                bits &= bits - 1;
            }
            *mask = at as u32;
        }
    }

    /// Phase 5: the ties outside their class that `people` draw, written
    /// at both ends, each at its row's fill cursor.
    fn outside(&mut self, people: Range<Person>) {
        let (cursor, contacts) = (&mut self.masks[..], &mut self.contacts[..]);
        self.outside.each(people, |a, b| {
            contacts[cursor[a as usize] as usize] = b;
            cursor[a as usize] += 1;
            contacts[cursor[b as usize] as usize] = a;
            cursor[b as usize] += 1;
        });
    }

    /// Phase 6: the rows of `people` sorted, without repeats (two people
    /// can draw each other, or one the same person twice; a repeat
    /// repeats in both rows, so rows stay symmetric), and moved down to
    /// close the gaps. Only the outside part needs sorting: classmates
    /// are in order already, and every outside contact is numbered below
    /// or above the whole class, so the row is the outside contacts below
    /// the class, the classmates, then the outside contacts above.
    fn rows(&mut self, people: Range<Person>) {
        let (rows, slots) = (&mut self.offsets[..], &mut self.contacts[..]);
        let outside = &mut self.row_outside;
        let mut write = self.write;
        for p in people.start as usize..people.end as usize {
            // Where a row ends is where the next starts: not yet moved,
            // because a row's start is rewritten only after it is read.
            let (start, end) = (rows[p] as usize, rows[p + 1] as usize);
            let first = p as u32 / CLASS_SIZE * CLASS_SIZE;
            let row = &slots[start..end];
            let classmates = row.iter().take_while(|&&q| q.wrapping_sub(first) < CLASS_SIZE).count();
            outside.clear();
            outside.extend_from_slice(&row[classmates..]);
            crate::sim::sort_short(outside);
            outside.dedup();
            let below = outside.partition_point(|&q| q < first);
            // `write` never passes `start`: move the classmates first, then
            // write the outside parts around them from the copy.
            slots.copy_within(start..start + classmates, write + below);
            slots[write..write + below].copy_from_slice(&outside[..below]);
            let above = write + below + classmates;
            slots[above..above + outside.len() - below].copy_from_slice(&outside[below..]);
            rows[p] = write as u32;
            write = above + outside.len() - below;
        }
        self.write = write;
    }

    /// Phase 7: the public places, and with them the finished world.
    fn places(&mut self) {
        let (places, place_offsets, place_members) = public_places(self.scale, self.seed);
        self.world = Some(World {
            scale: self.scale,
            offsets: std::mem::take(&mut self.offsets),
            contacts: std::mem::take(&mut self.contacts),
            places,
            place_offsets,
            place_members,
        });
    }
}
