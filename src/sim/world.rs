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
//! browser tab.
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

    /// Builds the world of `scale` with the given tie densities.
    ///
    /// Each class draws its own ties and each person their own ties
    /// outside their class from keyed streams, innermost scale first, so a
    /// world holds every tie of the smaller worlds built from the same seed
    /// (a bigger world only adds ties).
    pub fn build_with(scale: Scale, ties: &Ties, seed: u64) -> Self {
        let n = scale.size() as usize;

        // Ties inside each class, as one bit mask per person: 30 bits say
        // which classmates they know. Counted and filled from the masks,
        // so no list of pairs is ever held.
        let mut masks = vec![0u32; n];
        let class_streams = Streams::new(seed, CLASS_TIES);
        let in_class = threshold(ties.in_class);
        for (class, masks) in masks.chunks_exact_mut(CLASS_SIZE as usize).enumerate() {
            let mut coins = Coins::new(class_streams.of(class as u64));
            for a in 0..masks.len() {
                for b in a + 1..masks.len() {
                    if coins.toss(in_class) {
                        masks[a] |= 1 << b;
                        masks[b] |= 1 << a;
                    }
                }
            }
        }

        // Degrees: classmates from the masks, then the outside ties,
        // generated once to count them and again, identically, to place
        // them: a second pass of arithmetic instead of a list of pairs
        // nearly as big as the network.
        let mut offsets = vec![0u32; n + 1];
        for (degree, mask) in offsets[1..].iter_mut().zip(&masks) {
            *degree = mask.count_ones();
        }
        {
            let degrees = &mut offsets[1..];
            outside_ties(scale, ties, seed, |a, b| {
                degrees[a as usize] += 1;
                degrees[b as usize] += 1;
            });
        }
        for p in 0..n {
            offsets[p + 1] += offsets[p];
        }

        // Fill: classmates first, in order (the masks are then no longer
        // needed and become each row's fill cursor), then the outside ties.
        // (Hot loops index slices, not vectors: the size-optimised build
        // leaves a vector's indexing as a call.)
        let mut contacts = vec![0 as Person; offsets[n] as usize];
        {
            let slots = &mut contacts[..];
            for ((p, mask), &start) in masks.iter_mut().enumerate().zip(&offsets[..n]) {
                let first = p as u32 / CLASS_SIZE * CLASS_SIZE;
                let mut at = start as usize;
                let mut bits = *mask;
                while bits != 0 {
                    slots[at] = first + bits.trailing_zeros();
                    at += 1;
                    bits &= bits - 1;
                }
                *mask = at as u32;
            }
        }
        let mut cursor = masks;
        {
            let (cursor, contacts) = (&mut cursor[..], &mut contacts[..]);
            outside_ties(scale, ties, seed, |a, b| {
                contacts[cursor[a as usize] as usize] = b;
                cursor[a as usize] += 1;
                contacts[cursor[b as usize] as usize] = a;
                cursor[b as usize] += 1;
            });
        }

        // Sort each row and drop repeats (two people can draw each other,
        // or one the same person twice; a repeat repeats in both rows, so
        // rows stay symmetric), closing the gaps. Only the outside part
        // needs sorting: classmates are in order already, and every outside
        // contact is numbered below or above the whole class, so the row is
        // the outside contacts below the class, the classmates, then the
        // outside contacts above.
        drop(cursor);
        let mut outside: Vec<Person> = Vec::new();
        let mut write = 0usize;
        let (rows, slots) = (&mut offsets[..], &mut contacts[..]);
        for p in 0..n {
            let (start, end) = (rows[p] as usize, rows[p + 1] as usize);
            let first = p as u32 / CLASS_SIZE * CLASS_SIZE;
            let row = &slots[start..end];
            let classmates = row.iter().take_while(|&&q| q.wrapping_sub(first) < CLASS_SIZE).count();
            outside.clear();
            outside.extend_from_slice(&row[classmates..]);
            outside.sort_unstable();
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
        rows[n] = write as u32;
        contacts.truncate(write);
        contacts.shrink_to_fit();

        let (places, place_offsets, place_members) = public_places(scale, seed);
        Self { scale, offsets, contacts, places, place_offsets, place_members }
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

/// Calls `tie(a, b)` for every tie outside a class, in a fixed order: each
/// person draws, from their own stream, half of their mean at each scale
/// from the year group outwards (the other half comes from the other
/// ends), each tie to someone in the same community of that scale but
/// outside the community one step in.
fn outside_ties(scale: Scale, ties: &Ties, seed: u64, mut tie: impl FnMut(Person, Person)) {
    // Per scale from the year group out: (its size, the size one step in,
    // ties for sure, the chance of one more).
    let levels: Vec<(u32, u32, u32, u32)> = [Scale::Year, Scale::School, Scale::Town, Scale::Region]
        .into_iter()
        .take_while(|&level| level <= scale)
        .map(|level| {
            let half = ties.outside(level) / 2.0;
            let sure = half as u32;
            let inner = level.inner().map_or(1, Scale::size);
            (level.size(), inner, sure, threshold(half - f64::from(sure)))
        })
        .collect();
    // The first person of `a`'s community at each scale, class first, kept
    // up as `a` counts up instead of divided out for every person.
    let mut firsts = [0u32; 5];
    let sizes = Scale::ALL.map(Scale::size);
    let streams = Streams::new(seed, OUTSIDE_TIES);
    for a in 0..scale.size() {
        for l in 0..firsts.len() {
            if a - firsts[l] == sizes[l] {
                firsts[l] = a;
            }
        }
        // One draw gives the four coins for "one more", a scale each.
        let mut coins = Coins::new(streams.of(u64::from(a)));
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
