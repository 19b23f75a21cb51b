//! The nested communities, from a class to a region: their sizes, and
//! which community a person's number puts them in.

use std::ops::Range;

use crate::sim::network::Person;

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
