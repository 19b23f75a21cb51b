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

mod builder;
mod places;
mod scale;
mod ties;

use std::ops::Range;

use super::network::Person;

pub use builder::WorldBuilder;
pub use places::{Place, PlaceKind};
pub use scale::{Scale, CLASSES_PER_YEAR, CLASS_SIZE, SCHOOLS_PER_TOWN, TOWNS_PER_REGION, YEARS_PER_SCHOOL};
pub use ties::Ties;

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
    #[inline(always)]
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
