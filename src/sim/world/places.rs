//! The public places: big group chats and sites that reach many people at
//! once, which of them a world has, and who their members are.

use crate::sim::network::Person;
use crate::sim::streams::Streams;

use super::{Scale, PLACE_MEMBERS, PLACE_SITES};

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
/// at once. Its members are stored in the [`World`](super::World); anyone in its scope
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

/// The public places of a world of `scale` and their members, in
/// compressed sparse rows.
pub(super) fn public_places(scale: Scale, seed: u64) -> (Vec<Place>, Vec<u32>, Vec<Person>) {
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
