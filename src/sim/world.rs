//! The world of the big spread: people in nested communities (a class, a
//! year group, a school, a town, a region), who is in contact with whom,
//! and a handful of public places that reach many people at once.
//!
//! Owns the network and its arithmetic; must not know about copies,
//! decisions or time (that is [`super::spread`]), nor the story or the
//! browser. Everything is flat arrays: contacts in compressed sparse rows
//! (`offsets`, `contacts`), public places as member lists in the same form,
//! and communities computed from a person's index, never an object per
//! person. That is what lets a region of a million people fit in a
//! browser tab, and [`WorldBuilder`] builds it in slices, so that the tab
//! never freezes while it does.
//!
//! People are numbered community by community: class `c` is people
//! `30c..30c+30`, year group `y` is classes `7y..7y+7`, and so on outwards,
//! so a person's class, year, school and town are divisions. The world of
//! a given [`Scale`] is community 0 of that scale: the player's own class,
//! year, school, town or region. The player is person 0 and the classmate
//! who posted the picture person 1 (see [`super::PLAYER`],
//! [`super::SENDER`]), both in class 0.

use std::ops::Range;

use super::network::Person;
use super::rng::Rng;
use super::streams::Streams;

/// People in a class.
pub const CLASS_SIZE: u32 = 30;
// A class's ties are built as one 32-bit mask per person.
const _: () = assert!(CLASS_SIZE <= 32);
/// Classes in a year group (a "form entry" of seven: about 200 pupils).
pub const CLASSES_PER_YEAR: u32 = 7;
/// Year groups in a secondary school (Years 7 to 11 and a sixth form).
pub const YEARS_PER_SCHOOL: u32 = 6;
/// Schools in a town: 40 schools of 1,260 make about 50,000 young people.
pub const SCHOOLS_PER_TOWN: u32 = 40;
/// Towns in a region: 20 towns make about a million.
pub const TOWNS_PER_REGION: u32 = 20;

/// How far the world reaches, from one class to a region. Ordered from
/// the smallest to the largest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scale {
    /// One class: 30 people.
    Class,
    /// One year group: 7 classes, 210 people.
    Year,
    /// One school: 6 year groups, 1,260 people.
    School,
    /// One town: 40 schools, 50,400 people.
    Town,
    /// One region: 20 towns, 1,008,000 people.
    Region,
}

impl Scale {
    /// Every scale, smallest first.
    pub const ALL: [Scale; 5] = [Scale::Class, Scale::Year, Scale::School, Scale::Town, Scale::Region];

    /// How many people one community of this scale holds.
    pub const fn size(self) -> u32 {
        match self {
            Scale::Class => CLASS_SIZE,
            Scale::Year => CLASS_SIZE * CLASSES_PER_YEAR,
            Scale::School => CLASS_SIZE * CLASSES_PER_YEAR * YEARS_PER_SCHOOL,
            Scale::Town => CLASS_SIZE * CLASSES_PER_YEAR * YEARS_PER_SCHOOL * SCHOOLS_PER_TOWN,
            Scale::Region => {
                CLASS_SIZE * CLASSES_PER_YEAR * YEARS_PER_SCHOOL * SCHOOLS_PER_TOWN * TOWNS_PER_REGION
            }
        }
    }

    /// The scale's name in settings, addresses and i18n keys.
    pub const fn name(self) -> &'static str {
        match self {
            Scale::Class => "class",
            Scale::Year => "year",
            Scale::School => "school",
            Scale::Town => "town",
            Scale::Region => "region",
        }
    }

    /// The scale one step in: the communities this one is made of.
    pub const fn inner(self) -> Option<Scale> {
        match self {
            Scale::Class => None,
            Scale::Year => Some(Scale::Class),
            Scale::School => Some(Scale::Year),
            Scale::Town => Some(Scale::School),
            Scale::Region => Some(Scale::Town),
        }
    }

    /// The scale one step out: the communities this one is part of.
    pub const fn outer(self) -> Option<Scale> {
        match self {
            Scale::Class => Some(Scale::Year),
            Scale::Year => Some(Scale::School),
            Scale::School => Some(Scale::Town),
            Scale::Town => Some(Scale::Region),
            Scale::Region => None,
        }
    }

    /// The community of this scale that `p` belongs to: plain division,
    /// because people are numbered community by community.
    pub const fn community_of(self, p: Person) -> u32 {
        p / self.size()
    }

    /// Everyone in community `id` of this scale.
    pub const fn members(self, id: u32) -> Range<Person> {
        id * self.size()..(id + 1) * self.size()
    }
}

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

/// What kind of public place: whether posting there puts a copy on every
/// member's phone or only in front of their eyes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A big group chat: every member's phone receives a copy.
    GroupChat,
    /// A page, an account or a site: members see the post; only those who
    /// save it keep a copy.
    Site,
}

/// A public place: a big group chat or a site that reaches many people
/// at once. Its members are stored in the [`World`]; anyone in its scope
/// can post there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    /// A group chat or a site.
    pub kind: PlaceKind,
    /// The scale of the community it belongs to.
    pub scope: Scale,
    /// Which community of that scale.
    pub community: u32,
}

impl Place {
    /// Whether `p` can post here: they belong to its community.
    pub fn open_to(&self, p: Person) -> bool {
        self.scope.community_of(p) == self.community
    }
}

/// The public places of a world, each switched on from a scale upwards:
/// (from scale, kind, scope, which community, share of the scope who are
/// members). All model assumptions: a year group chat that most are in,
/// a school gossip account followed by about four in ten pupils, town
/// pages followed by one in twenty, one site for the region followed by
/// one in a hundred. `None` for the community means "one other than the
/// player's", drawn from the seed, so that a spread that escapes elsewhere
/// can meet a place there too.
const PLACES: [(Scale, PlaceKind, Scale, Option<u32>, f64); 8] = [
    (Scale::Year, PlaceKind::GroupChat, Scale::Year, Some(0), 0.7),
    (Scale::School, PlaceKind::Site, Scale::School, Some(0), 0.4),
    (Scale::Town, PlaceKind::Site, Scale::Town, Some(0), 0.05),
    (Scale::Town, PlaceKind::Site, Scale::School, None, 0.4),
    (Scale::Town, PlaceKind::Site, Scale::School, None, 0.4),
    (Scale::Region, PlaceKind::Site, Scale::Region, Some(0), 0.01),
    (Scale::Region, PlaceKind::Site, Scale::Town, None, 0.05),
    (Scale::Region, PlaceKind::Site, Scale::Town, None, 0.05),
];

// Salts that keep the world's random streams apart from each other.
const CLASS_TIES: u64 = 0xC1A5_5000_0000_0001;
const OUTSIDE_TIES: u64 = 0x0075_1DE0_0000_0002;
const PLACE_SITES: u64 = 0x91AC_E500_0000_0003;
const PLACE_MEMBERS: u64 = 0x3E3B_E250_0000_0004;

/// A world of people in nested communities, who knows whom, and its
/// public places.
#[derive(Clone, Debug, PartialEq)]
pub struct World {
    scale: Scale,
    /// `contacts[offsets[p]..offsets[p + 1]]` are the contacts of `p`,
    /// sorted, without repeats.
    offsets: Vec<u32>,
    contacts: Vec<Person>,
    places: Vec<Place>,
    /// `place_members[place_offsets[i]..place_offsets[i + 1]]` are the
    /// members of place `i`, sorted.
    place_offsets: Vec<u32>,
    place_members: Vec<Person>,
}

impl World {
    /// Builds the world of `scale` with the default [`Ties`]. The same
    /// seed gives the same world.
    pub fn build(scale: Scale, seed: u64) -> Self {
        Self::build_with(scale, &Ties::default(), seed)
    }

    /// Builds the world of `scale` with the given tie densities, in one
    /// go. This is a [`WorldBuilder`] run with no limit on its slices:
    /// one implementation, so a world built in slices is this world.
    ///
    /// Each class draws its own ties and each person their own ties
    /// outside their class from keyed streams, innermost scale first, so a
    /// world holds every tie of the smaller worlds built from the same seed
    /// (a bigger world only adds ties).
    pub fn build_with(scale: Scale, ties: &Ties, seed: u64) -> Self {
        let mut builder = WorldBuilder::new(scale, *ties, seed);
        while !builder.work(u32::MAX) {}
        builder.finish().expect("a builder whose work is done holds its world")
    }

    /// The scale this world was built at.
    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// How many people.
    pub fn people(&self) -> u32 {
        (self.offsets.len() - 1) as u32
    }

    /// The contacts of `p`, sorted, without repeats.
    pub fn contacts(&self, p: Person) -> &[Person] {
        let p = p as usize;
        &self.contacts[self.offsets[p] as usize..self.offsets[p + 1] as usize]
    }

    /// How many ties (each counted once, not from both ends).
    pub fn ties(&self) -> u64 {
        self.contacts.len() as u64 / 2
    }

    /// Everyone in community `id` of `level` who is in this world (a
    /// community bigger than the world is cut to the world).
    pub fn members(&self, level: Scale, id: u32) -> Range<Person> {
        let all = level.members(id);
        all.start.min(self.people())..all.end.min(self.people())
    }

    /// The public places, in a fixed order (see [`World::place_members`]).
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The members of place number `i`: the people a post there reaches.
    pub fn place_members(&self, i: usize) -> &[Person] {
        &self.place_members[self.place_offsets[i] as usize..self.place_offsets[i + 1] as usize]
    }

    /// The numbers of the places where `p` can post.
    pub fn places_open_to(&self, p: Person) -> impl Iterator<Item = usize> + '_ {
        self.places.iter().enumerate().filter(move |(_, place)| place.open_to(p)).map(|(i, _)| i)
    }

    /// Bytes held by the world's arrays (by their lengths).
    pub fn memory_bytes(&self) -> u64 {
        let words =
            self.offsets.len() + self.contacts.len() + self.place_offsets.len() + self.place_members.len();
        (words * 4 + self.places.len() * std::mem::size_of::<Place>()) as u64
    }

    /// Bytes held while building, at the peak: the finished arrays plus
    /// one word per person for the class masks (later the fill cursors).
    pub fn build_peak_bytes(&self) -> u64 {
        self.memory_bytes() + u64::from(self.people()) * 4
    }
}

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
        let n = scale.size() as usize;
        Self {
            scale,
            seed,
            in_class: threshold(ties.in_class),
            class_streams: Streams::new(seed, CLASS_TIES),
            outside: OutsideTies::new(scale, &ties, seed),
            phase: Phase::Classes,
            next: 0,
            masks: vec![0; n],
            offsets: vec![0; n + 1],
            contacts: Vec::new(),
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
            // Every row's length is known: room for all of them.
            Phase::Offsets => self.contacts = vec![0 as Person; self.offsets[n] as usize],
            // The fill cursors are not needed to close up the rows.
            Phase::Outside => self.masks = Vec::new(),
            Phase::Rows => {
                self.offsets[n] = self.write as u32;
                self.contacts.truncate(self.write);
                self.contacts.shrink_to_fit();
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
            super::sort_short(outside);
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

/// How the ties outside a class are drawn: each person draws, from their
/// own stream, half of their mean at each scale from the year group
/// outwards (the other half comes from the other ends), each tie to
/// someone in the same community of that scale but outside the community
/// one step in.
#[derive(Clone, Copy, Debug)]
struct OutsideTies {
    /// Per scale from the year group out, up to the world's: (its size,
    /// the size one step in, ties for sure, the chance of one more).
    levels: [(u32, u32, u32, u32); 4],
    /// How many of `levels` the world reaches.
    count: usize,
    streams: Streams,
}

impl OutsideTies {
    fn new(scale: Scale, ties: &Ties, seed: u64) -> Self {
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
    fn each(&self, people: Range<Person>, mut tie: impl FnMut(Person, Person)) {
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
fn threshold(chance: f64) -> u32 {
    (chance.clamp(0.0, 1.0) * 65_536.0).round() as u32
}

/// Coin tosses sixteen bits at a time, so that building a million
/// people's ties takes a quarter of the draws.
struct Coins {
    rng: Rng,
    bits: u64,
    left: u32,
}

impl Coins {
    fn new(rng: Rng) -> Self {
        Self { rng, bits: 0, left: 0 }
    }

    /// True with chance `threshold / 65,536`. Inlined: it runs fifteen
    /// million times for a region, and the size-optimised build would
    /// otherwise make each a call.
    #[inline(always)]
    fn toss(&mut self, threshold: u32) -> bool {
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

/// The public places of a world of `scale` and their members, in
/// compressed sparse rows.
fn public_places(scale: Scale, seed: u64) -> (Vec<Place>, Vec<u32>, Vec<Person>) {
    let mut sites = Streams::new(seed, PLACE_SITES).of(0);
    let members = Streams::new(seed, PLACE_MEMBERS);
    let (mut places, mut offsets, mut list) = (Vec::new(), vec![0u32], Vec::new());
    for (from, kind, scope, community, share) in PLACES {
        if scale < from {
            continue;
        }
        // "One other than the player's": a neighbour of community 0 in the
        // community one step out (another school of the player's town).
        let neighbours = scope.outer().map_or(1, Scale::size) / scope.size();
        // Drawn again if that place exists already, so no two places share
        // a community.
        let community = community.unwrap_or_else(|| loop {
            let other = 1 + sites.below(neighbours - 1);
            if !places.iter().any(|p: &Place| p.scope == scope && p.community == other) {
                break other;
            }
        });
        let mut rng = members.of(places.len() as u64);
        list.extend(scope.members(community).filter(|_| share >= 1.0 || rng.chance(share)));
        places.push(Place { kind, scope, community });
        offsets.push(list.len() as u32);
    }
    (places, offsets, list)
}
