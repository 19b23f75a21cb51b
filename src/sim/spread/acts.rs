//! What people do with their copy, the player first: seeing it, saving,
//! deleting or reporting it, forwarding it and posting it, and sharing a
//! kept copy again long after.

use crate::sim::network::Person;
use crate::sim::rng::Rng;
use crate::sim::world::{PlaceKind, Scale, World, CLASS_SIZE};
use crate::sim::PLAYER;

use super::clock::YEAR;
use super::draws::{delay, exponential_below};
use super::params::PlayerMove;
use super::run::{Run, What};
use super::status::{has_copy, DELETED, HOLDS, REPORTED, SAVED_COPY, SEEN, UNSEEN};

/// The most public places a person can have open to them: one per scale.
const PLACES_MAX: usize = Scale::ALL.len();

/// Takes one of `list` (which must not be empty) out at random, the last
/// taking its place: `swap_remove` at a random index, written so that the
/// size-optimised build puts it inline in the loops that draw a person at
/// a time, millions of times in a run.
#[inline(always)]
fn draw(list: &mut Vec<Person>, rng: &mut Rng) -> Person {
    let i = rng.below(list.len() as u32) as usize;
    let last = list.len() - 1;
    let slice = list.as_mut_slice();
    let taken = slice[i];
    slice[i] = slice[last];
    list.truncate(last);
    taken
}

impl Run {
    pub(super) fn schedule_act(&mut self, p: Person, t: u64) {
        let wait = delay(&mut self.keys.delay.of(u64::from(p)), self.params.reply_minutes);
        self.schedule(t + wait, What::Act(p));
    }

    /// `p` sees it for the first time, at minute `t`, from `from`, down
    /// `branch`'s line, with the message on their phone (`holds`) or only
    /// in front of their eyes.
    pub(super) fn see(&mut self, p: Person, from: Person, branch: Person, holds: bool, t: u64) {
        let i = p as usize;
        debug_assert_eq!(self.state[i], UNSEEN);
        self.state[i] = if holds { HOLDS } else { SEEN };
        self.parent[i] = from.wrapping_add(1);
        self.branch[i] = branch;
        self.seen_step[i] = self.steps as u16;
        self.branch_seen[branch as usize] += 1;
        self.counts.seen += 1;
        if branch == PLAYER && p != PLAYER {
            self.counts.from_player += 1;
        }
        if holds {
            self.counts.holding += 1;
            self.schedule_resurfacing(p, t, 0);
        }
    }

    /// Someone who has just got a copy may share it again one day: the
    /// `nth` time comes after a waiting time drawn from their own stream,
    /// exponential with mean one year over the rate, counted from `after`
    /// or the end of the first weeks, whichever is later. Nothing is
    /// scheduled past the horizon, nor ever for the player, whose later
    /// life the game never decides.
    fn schedule_resurfacing(&mut self, p: Person, after: u64, nth: u32) {
        let (rate, horizon) = (self.params.resurface_per_year, self.params.horizon_minutes);
        if p == PLAYER || rate <= 0.0 {
            return;
        }
        let from = after.max(self.params.resurface_from_minutes);
        if from >= horizon {
            return;
        }
        let left = (horizon - from) as f64;
        // Most waits are far longer than the years left (a mean of a
        // century, at the default rate): the stream is this wait's alone,
        // so it is drawn only as far as it takes to know. The limit has a
        // little room over the test below, which alone decides.
        let limit = left * rate / YEAR as f64 * (1.0 + 1e-9);
        let mut rng = self.keys.resurface.of(u64::from(nth) << 32 | u64::from(p));
        let Some(drawn) = exponential_below(&mut rng, limit) else { return };
        let wait = drawn * YEAR as f64 / rate;
        if wait < left {
            self.schedule(from + wait as u64, What::Resurface { who: p, nth });
        }
    }

    /// Changes `p`'s status code and keeps every count in step with it.
    /// Returns whether `p` has just got their first copy.
    fn set_code(&mut self, p: Person, new: u8) -> bool {
        let old = std::mem::replace(&mut self.state[p as usize], new);
        let (was, is) = (has_copy(old), has_copy(new));
        self.counts.holding = self.counts.holding + u32::from(is) - u32::from(was);
        let count = |code: u8, status: u8| u32::from(code & !SAVED_COPY == status);
        self.counts.deleted = self.counts.deleted + count(new, DELETED) - count(old, DELETED);
        self.counts.reported = self.counts.reported + count(new, REPORTED) - count(old, REPORTED);
        self.counts.saved =
            self.counts.saved + u32::from(new & SAVED_COPY != 0) - u32::from(old & SAVED_COPY != 0);
        // Only a viewer's copy is new here; a message's copy is new in `see`.
        is && old == SEEN
    }

    /// `p` gives up the message for `status` (deleted, reported); a saved
    /// copy stays.
    fn give_up(&mut self, p: Person, status: u8) {
        let code = self.state[p as usize];
        self.set_code(p, code & SAVED_COPY | status);
    }

    /// `p` saves a copy at minute `t`.
    fn save(&mut self, p: Person, t: u64) {
        let code = self.state[p as usize];
        if self.set_code(p, code | SAVED_COPY) {
            self.schedule_resurfacing(p, t, 0);
        }
    }

    /// The first report starts the platforms' clock; later ones change
    /// nothing.
    fn report(&mut self, p: Person, t: u64) {
        self.give_up(p, REPORTED);
        self.first_report(t);
    }

    fn first_report(&mut self, t: u64) {
        if self.blocked_at.is_none() {
            self.blocked_at = Some(t + self.params.block_delay_minutes);
        }
    }

    /// `from` sends the message to `to` in the app; once blocked, most
    /// sends fail. Returns whether `to` got it.
    fn send(&mut self, to: Person, from: Person, t: u64, rng: &mut Rng) -> bool {
        if self.state[to as usize] != UNSEEN
            || (self.blocked(t) && rng.chance(self.params.blocked_send_failure))
        {
            return false;
        }
        self.see(to, from, self.branch[from as usize], true, t);
        if to != PLAYER {
            self.schedule_act(to, t);
        }
        true
    }

    /// `p` forwards it to up to `count` contacts who have not seen it.
    ///
    /// Draws contacts at random without replacement and skips those who
    /// have seen it: the same choice as picking among the unseen ones, but
    /// it looks at two or three phones instead of every contact's.
    ///
    /// `drawn_after`: whether `rng` is drawn from again after this. If it
    /// is not, and every contact has seen it already, nothing is drawn:
    /// nobody would get it whatever the draws, and nothing later depends on
    /// them, so the run is the same without going through every contact in
    /// random order (which, late in a spread that reaches everyone, is
    /// what nearly every forward comes to).
    fn forward(&mut self, world: &World, p: Person, count: u32, t: u64, rng: &mut Rng, drawn_after: bool) {
        let contacts = world.contacts(p);
        if !drawn_after && contacts.iter().all(|&c| self.state[c as usize] != UNSEEN) {
            return;
        }
        let mut pool = std::mem::take(&mut self.pool);
        pool.clear();
        pool.extend_from_slice(contacts);
        let mut left = count;
        while left > 0 && !pool.is_empty() {
            let to = draw(&mut pool, rng);
            if self.state[to as usize] == UNSEEN {
                // A send that fails on a blocked picture still uses a pick.
                self.send(to, p, t, rng);
                left -= 1;
            }
        }
        self.pool = pool;
    }

    /// `p` posts it in one of the public places open to them, nearer ones
    /// likelier: the nearest with chance 1/2, the next 1/4, and so on, the
    /// widest taking what is left. (A model assumption: pupils post where
    /// their friends are.) Returns false if no place is open to them.
    fn post(&mut self, world: &World, p: Person, t: u64, rng: &mut Rng) -> bool {
        // A person has at most one place per scale (no two places share a
        // community), so the scale orders them from nearest to widest.
        let mut open = [(Scale::Class, 0usize); PLACES_MAX];
        let mut count = 0;
        for place in world.places_open_to(p).take(PLACES_MAX) {
            open[count] = (world.places()[place].scope, place);
            count += 1;
        }
        if count == 0 {
            return false;
        }
        crate::sim::sort_short(&mut open[..count]);
        let nearest_first = (rng.next_u64().trailing_zeros() as usize).min(count - 1);
        let place = open[nearest_first].1;
        self.counts.posts += 1;
        let mut unreached = std::mem::take(&mut self.unreached[place]);
        match world.places()[place].kind {
            // Every member's phone gets the message (most sends fail once
            // the picture is blocked); those it reached leave the list.
            PlaceKind::GroupChat => {
                unreached.retain(|&m| self.state[m as usize] == UNSEEN && !self.send(m, p, t, rng));
            }
            // A blocked picture cannot be uploaded.
            PlaceKind::Site if self.blocked(t) => {}
            // Before the block, a share of the members who have not seen it
            // see it over the following hours: drawn from the list, which
            // loses whoever is drawn (and whoever turns out to have seen it
            // already).
            PlaceKind::Site => {
                let wanted = unreached.len() as f64 * self.params.view_rate;
                let mut viewers = wanted as u32 + u32::from(rng.chance(wanted.fract()));
                while viewers > 0 && !unreached.is_empty() {
                    let m = draw(&mut unreached, rng);
                    if self.state[m as usize] == UNSEEN {
                        let at = t + delay(rng, self.params.view_minutes);
                        self.schedule(at, What::View { who: m, from: p });
                        viewers -= 1;
                    }
                }
            }
        }
        self.unreached[place] = unreached;
        true
    }

    pub(super) fn player_moves(&mut self, world: &World, choice: PlayerMove) -> bool {
        if self.moved || self.steps > 0 {
            return false;
        }
        self.moved = true;
        let mut rng = self.keys.player.of(0);
        match choice {
            PlayerMove::ForwardFriend => self.forward(world, PLAYER, 1, 0, &mut rng, false),
            PlayerMove::ForwardGroup => {
                // The next class, if it is in the player's year group and
                // in the world.
                let next = Scale::Class.community_of(PLAYER) + 1;
                if Scale::Year.community_of(next * CLASS_SIZE) == Scale::Year.community_of(PLAYER) {
                    for q in world.members(Scale::Class, next) {
                        self.send(q, PLAYER, 0, &mut rng);
                    }
                }
            }
            PlayerMove::React => {}
            PlayerMove::Screenshot => self.save(PLAYER, 0),
            PlayerMove::Delete => self.give_up(PLAYER, DELETED),
            PlayerMove::ReplyStop => {
                self.give_up(PLAYER, DELETED);
                self.upstanders = Some(Scale::Class.community_of(PLAYER));
            }
            PlayerMove::TellAdult => {
                self.give_up(PLAYER, DELETED);
                self.schedule(self.params.adult_minutes, What::SchoolAsks);
            }
            PlayerMove::Report => self.report(PLAYER, 0),
        }
        self.history[0] = self.snapshot();
        true
    }

    /// `p` decides, once, what to do with their copy.
    pub(super) fn act(&mut self, world: &World, p: Person, t: u64) {
        if !has_copy(self.state[p as usize]) {
            // Deleted when the school asked, before they got round to it.
            return;
        }
        self.counts.acted += 1;
        let params = self.params;
        let mut rng = self.keys.act.of(u64::from(p));
        if rng.chance(params.report_rate) {
            self.report(p, t);
            return;
        }
        let calmer =
            if self.upstanders == Some(Scale::Class.community_of(p)) { params.upstander_factor } else { 1.0 };
        let saves = rng.chance(params.screenshot_rate);
        let forwards = rng.chance(params.forward_rate * calmer);
        let posts = rng.chance(params.post_rate * calmer);
        if saves {
            self.save(p, t);
        }
        if forwards {
            self.forward(world, p, params.forward_contacts, t, &mut rng, posts);
        }
        if posts {
            self.post(world, p, t, &mut rng);
        }
        let asked = self.asked == Some(Scale::School.community_of(p));
        let delete_rate = if asked { params.delete_when_asked } else { params.delete_rate };
        if !forwards && !posts && self.state[p as usize] & !SAVED_COPY == HOLDS && rng.chance(delete_rate) {
            self.give_up(p, DELETED);
        }
    }

    /// `who` sees `from`'s post on a site, unless the picture is blocked by
    /// now or they have seen it already.
    pub(super) fn view(&mut self, who: Person, from: Person, t: u64) {
        if self.blocked(t) || self.state[who as usize] != UNSEEN {
            return;
        }
        self.see(who, from, self.branch[from as usize], false, t);
        let mut rng = self.keys.view.of(u64::from(who));
        if rng.chance(self.params.report_rate) {
            self.report(who, t);
        } else if rng.chance(self.params.screenshot_rate) {
            self.save(who, t);
            self.schedule_act(who, t);
        }
    }

    /// The player's school asks everyone to delete it, and the trusted
    /// adult reports it.
    pub(super) fn school_asks(&mut self, world: &World, t: u64) {
        let school = Scale::School.community_of(PLAYER);
        self.asked = Some(school);
        for p in world.members(Scale::School, school) {
            if p != PLAYER
                && self.state[p as usize] & !SAVED_COPY == HOLDS
                && self.keys.ask.of(u64::from(p)).chance(self.params.delete_when_asked)
            {
                self.give_up(p, DELETED);
            }
        }
        self.first_report(t);
    }

    /// `p` shares a kept copy again, for the `nth` time: posts it where
    /// they can, or else forwards it; and may do so again later. A copy
    /// deleted meanwhile never comes back.
    pub(super) fn resurface(&mut self, world: &World, p: Person, nth: u32, t: u64) {
        if !has_copy(self.state[p as usize]) {
            return;
        }
        let mut rng = self.keys.reshare.of(u64::from(nth) << 32 | u64::from(p));
        if !self.post(world, p, t, &mut rng) {
            self.forward(world, p, self.params.forward_contacts, t, &mut rng, false);
        }
        self.schedule_resurfacing(p, t, nth + 1);
    }
}
