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

use std::borrow::Borrow;

use super::network::Person;
use super::queue::Queue;
use super::rng::Rng;
use super::streams::Streams;
use super::world::{PlaceKind, Scale, World, CLASS_SIZE};
use super::{PLAYER, SENDER};

/// Minutes in an hour.
pub const HOUR: u64 = 60;
/// Minutes in a day.
pub const DAY: u64 = 24 * HOUR;
/// Minutes in a week.
pub const WEEK: u64 = 7 * DAY;
/// Minutes in a year of 365 days.
pub const YEAR: u64 = 365 * DAY;
/// Minutes in a month: a twelfth of a year (30.4 days).
pub const MONTH: u64 = YEAR / 12;

/// The clock's phases as (step length, the phase ends at), all in
/// minutes: five-minute steps for the first hour, then hours to the end
/// of the first day, days to a week, weeks to a month, months to a year.
/// After the last phase the steps are a year long.
pub const PHASES: [(u64, u64); 5] = [(5, HOUR), (HOUR, DAY), (DAY, WEEK), (WEEK, MONTH), (MONTH, YEAR)];

/// The end of every step, in minutes since the picture was posted, up to
/// `horizon` (see [`PHASES`]). A phase's last step is cut short where the
/// phase ends, so every phase boundary is a step boundary.
pub fn schedule(horizon: u64) -> Vec<u64> {
    let mut ends = Vec::new();
    let mut t = 0;
    for (length, until) in PHASES.into_iter().chain(std::iter::once((YEAR, u64::MAX))) {
        let until = until.min(horizon);
        while t < until {
            t = (t + length).min(until);
            ends.push(t);
        }
    }
    ends
}

/// How people behave, and how the platforms and the clock work. The
/// defaults follow the research in CONTENT.md where there is any; every
/// other figure is a model assumption, chosen so that the picture usually
/// stays near the class and sometimes goes much further. With them, in a
/// region, when the player does nothing, half of all runs reach at most
/// about 110 people, nine in ten at most about 650, the widest several
/// thousand; telling an adult halves the typical reach (300 seeds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpreadParams {
    /// The share of people with a copy who forward it. Madigan et al. 2018
    /// (JAMA Pediatrics): 12.0% had forwarded a sext without consent;
    /// Molla-Esparza et al. 2020 (PLOS ONE): 7%, 4% in probability
    /// samples. Default 8%, inside the 4-12% range.
    pub forward_rate: f64,
    /// How many contacts a forwarder sends it to (only people who have not
    /// seen it). Model assumption, as in the first chapter's network.
    pub forward_contacts: u32,
    /// The share of people with a copy who post it in a public place (a
    /// big group chat or a site). Model assumption: rare, well below the
    /// forward rate.
    pub post_rate: f64,
    /// The share of people who see it who screenshot or save it, keeping a
    /// copy that survives deleting the message. Model assumption.
    pub screenshot_rate: f64,
    /// The share of people who hold the message and neither forward nor
    /// post it who then delete it. Model assumption, as in the first
    /// chapter.
    pub delete_rate: f64,
    /// The share of people who see it who report it (on the platform, or to
    /// a trusted adult who does). Model assumption: rare. A reporter also
    /// deletes the message.
    pub report_rate: f64,
    /// The share of a site's members, among those who have not seen the
    /// picture yet, who see a post there before it sinks out of sight.
    /// Model assumption.
    pub view_rate: f64,
    /// The base of the delay before someone acts on a copy they got, in
    /// minutes: the delay is uniform over a span of this for half of
    /// people, twice it for a quarter, four times for an eighth, and so on
    /// up to 1,024 times it. With 20 minutes, two in three act within 20
    /// minutes and a few take a week or two. Model assumption.
    pub reply_minutes: u64,
    /// The same for seeing a post on a site (members scroll past it over
    /// hours or days). Model assumption.
    pub view_minutes: u64,
    /// Minutes from the first report until platforms block the picture's
    /// hash (as Report Remove and Take It Down arrange). Model assumption:
    /// two days.
    pub block_delay_minutes: u64,
    /// Once blocked, the share of in-app sends (forwards, group chats)
    /// that fail. Model assumption: "mostly" (a copy saved outside the app
    /// still goes in other ways).
    pub blocked_send_failure: f64,
    /// How often, on average per year, someone who still has a copy shares
    /// it again (posts it, or forwards it where they cannot post). Model
    /// assumption.
    pub resurface_per_year: f64,
    /// Copies come back only from this long after the picture was posted:
    /// the first weeks are the spread itself. Model assumption: a month.
    pub resurface_from_minutes: u64,
    /// How much less often the player's classmates forward or post after
    /// the player said in the chat that it is not OK. Model assumption, as
    /// in the first chapter.
    pub upstander_factor: f64,
    /// The share of people in the player's school holding the message who
    /// delete it when the school asks everyone to (after the player told a
    /// trusted adult). Model assumption, as in the first chapter.
    pub delete_when_asked: f64,
    /// Minutes from the player telling a trusted adult until the school
    /// asks everyone to delete it and the adult reports it. Model
    /// assumption: the next day.
    pub adult_minutes: u64,
    /// How long the run covers, in minutes. Default ten years: long enough
    /// to show that a picture outlasts the relationship it was sent in.
    pub horizon_minutes: u64,
}

impl Default for SpreadParams {
    fn default() -> Self {
        Self {
            forward_rate: 0.08,
            forward_contacts: 2,
            post_rate: 0.005,
            screenshot_rate: 0.1,
            delete_rate: 0.3,
            report_rate: 0.02,
            view_rate: 0.15,
            reply_minutes: 20,
            view_minutes: 60,
            block_delay_minutes: 2 * DAY,
            blocked_send_failure: 0.9,
            resurface_per_year: 0.01,
            resurface_from_minutes: MONTH,
            upstander_factor: 0.5,
            delete_when_asked: 0.7,
            adult_minutes: DAY,
            horizon_minutes: 10 * YEAR,
        }
    }
}

/// What the player did with the copy on their phone: the eight choices of
/// the story, defined here so that the simulation need not know the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlayerMove {
    /// Sent it on to one friend (a contact who has not seen it).
    ForwardFriend,
    /// Sent it on to another group chat: the next class in the year
    /// group (nobody new in a world of one class).
    ForwardGroup,
    /// Reacted and said nothing: the message stays on their phone.
    React,
    /// Took a screenshot: a copy that survives deleting the message.
    Screenshot,
    /// Deleted the message.
    Delete,
    /// Said in the chat that it is not OK (classmates forward and post
    /// less) and deleted the message.
    ReplyStop,
    /// Told a trusted adult and deleted the message: the next day the
    /// school asks everyone to delete it and the adult reports it.
    TellAdult,
    /// Reported it in the app, which starts the platforms' clock, and
    /// deleted the message.
    Report,
}

impl PlayerMove {
    /// Every move, in the order of the story's effects.
    pub const ALL: [PlayerMove; 8] = [
        PlayerMove::ForwardFriend,
        PlayerMove::ForwardGroup,
        PlayerMove::React,
        PlayerMove::Screenshot,
        PlayerMove::Delete,
        PlayerMove::ReplyStop,
        PlayerMove::TellAdult,
        PlayerMove::Report,
    ];
}

/// Where one person stands with the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Never saw it.
    Unseen,
    /// Saw it in a public place; no copy of their own unless they saved it.
    Seen,
    /// The message is on their phone.
    Holds,
    /// Deleted the message (a saved copy, if any, stays).
    Deleted,
    /// Reported it (and deleted the message; a saved copy stays).
    Reported,
}

/// The bit of a status code ([`Spread::status_codes`]) that says the
/// person saved a copy (a screenshot): it survives deleting the message
/// and every block.
pub const SAVED_COPY: u8 = 0x80;

impl Status {
    /// The status in a status code: its low bits.
    pub fn from_code(code: u8) -> Status {
        match code & !SAVED_COPY {
            UNSEEN => Status::Unseen,
            SEEN => Status::Seen,
            HOLDS => Status::Holds,
            DELETED => Status::Deleted,
            _ => Status::Reported,
        }
    }
}

const UNSEEN: u8 = 0;
const SEEN: u8 = 1;
const HOLDS: u8 = 2;
const DELETED: u8 = 3;
const REPORTED: u8 = 4;

/// Whether a status code means a copy is on the phone.
fn has_copy(code: u8) -> bool {
    code & !SAVED_COPY == HOLDS || code & SAVED_COPY != 0
}

/// The most public places a person can have open to them: one per scale.
const PLACES_MAX: usize = Scale::ALL.len();

/// Marks "no parent": the sender's copy (stored as 0, see `Run::parent`).
const NO_PARENT: Person = Person::MAX;

/// The counts the game shows, at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct Counts {
    /// People who have seen it, with or without a copy.
    pub seen: u32,
    /// Phones with a copy now (the message, or a saved copy).
    pub holding: u32,
    /// People who saved a copy (a screenshot).
    pub saved: u32,
    /// People who deleted the message.
    pub deleted: u32,
    /// People who reported it.
    pub reported: u32,
    /// People who saw it through the player, directly or further down the
    /// line.
    pub from_player: u32,
    /// Posts made in public places.
    pub posts: u32,
    /// People who have decided what to do with their copy (everyone but
    /// the player and the sender decides once).
    pub acted: u32,
}

/// The counts at the end of one step, for a chart or a scrubber.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Snapshot {
    /// Steps taken (0: the moment after the player's move).
    pub step: u32,
    /// Minutes since the picture was posted.
    pub minutes: u64,
    /// The counts.
    pub counts: Counts,
    /// Whether platforms had blocked the picture by then.
    pub blocked: bool,
}

/// Something that will happen at a given minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    /// Someone decides what to do with their copy.
    Act(Person),
    /// Someone sees a post on a site, made by `from`.
    View { who: Person, from: Person },
    /// The school asks everyone to delete it; the adult reports it.
    SchoolAsks,
    /// Someone shares a kept copy again, for the `nth` time.
    Resurface { who: Person, nth: u32 },
}

/// The most doublings of a delay: a delay is at most 1,024 times its base.
const MAX_DOUBLINGS: u32 = 10;

/// A waiting time with a long tail, from integer arithmetic only (no
/// logarithm, whose last bit may differ between the browser and a native
/// build): the span doubles with probability one half each time, up to
/// [`MAX_DOUBLINGS`], and the delay is uniform in the span. About two
/// in three delays fall below `base`.
fn delay(rng: &mut Rng, base: u64) -> u64 {
    let doublings = rng.next_u64().trailing_zeros().min(MAX_DOUBLINGS);
    let span = base.saturating_mul(1 << doublings);
    // Modulo bias is below one part in 2^40 for any span under 2^13 years.
    if span == 0 {
        0
    } else {
        (rng.next_u64() >> 11) % span
    }
}

/// A waiting time from the exponential distribution with mean 1, by von
/// Neumann's method (1951): only comparisons of random integers and one
/// division by a power of two, so the browser and a native build agree to
/// the last bit, where a logarithm might not. Draw `first`, then more
/// numbers while each is smaller than the one before; an odd count
/// accepts `whole + first`, an even count adds one to `whole` and starts
/// again. About four draws a time.
fn exponential(rng: &mut Rng) -> f64 {
    let mut whole = 0u32;
    loop {
        let first = rng.next_u64();
        let (mut last, mut run) = (first, 1u32);
        loop {
            let next = rng.next_u64();
            if next >= last {
                break;
            }
            last = next;
            run += 1;
        }
        if run % 2 == 1 {
            return f64::from(whole) + (first >> 11) as f64 / (1u64 << 53) as f64;
        }
        whole += 1;
    }
}

/// The random streams of a run, one family per purpose.
#[derive(Clone, Copy, Debug)]
struct Keys {
    act: Streams,
    delay: Streams,
    view: Streams,
    ask: Streams,
    resurface: Streams,
    reshare: Streams,
    player: Streams,
}

impl Keys {
    fn new(seed: u64) -> Self {
        let family = |salt| Streams::new(seed, salt);
        Self {
            act: family(0xAC70_0000_0000_0001),
            delay: family(0xDE1A_0000_0000_0002),
            view: family(0x5EE5_0000_0000_0003),
            ask: family(0xA5C5_0000_0000_0004),
            resurface: family(0xBAC4_0000_0000_0005),
            reshare: family(0x5A4E_0000_0000_0006),
            player: family(0x91A7_0000_0000_0007),
        }
    }
}

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

/// The state of a run, apart from the world it runs in, so that its
/// methods can borrow the world and change the run at the same time.
#[derive(Clone, Debug)]
struct Run {
    params: SpreadParams,
    keys: Keys,
    // Per person, fixed in length: boxed slices, whose indexing the
    // size-optimised build compiles inline (a vector's is a call).
    /// Per person: a status code ([`Status`] plus [`SAVED_COPY`]).
    state: Box<[u8]>,
    /// Per person: who they got it from, plus one (0: nobody), so that a
    /// fresh run is all zeros, which costs the allocator nothing until a
    /// page is touched.
    parent: Box<[u32]>,
    /// Per person: whose line from the class chat it came down.
    branch: Box<[Person]>,
    /// Per person: the step in which they first saw it.
    seen_step: Box<[u16]>,
    /// Per classmate in the class chat: people seen down their line.
    branch_seen: Vec<u32>,
    /// Per public place: its members who may not have seen it yet. Members
    /// who have are dropped when a post comes across them, so each post
    /// costs what it reaches, and a place everyone has seen costs nothing.
    unreached: Vec<Vec<Person>>,
    /// What will happen, by the minute.
    events: Queue<What>,
    step_ends: Vec<u64>,
    steps: u32,
    now: u64,
    counts: Counts,
    history: Vec<Snapshot>,
    moved: bool,
    over: bool,
    /// A step has begun and some of its events are still to play.
    in_step: bool,
    blocked_at: Option<u64>,
    /// The class whose chat heard the player say it is not OK.
    upstanders: Option<u32>,
    /// The school that asked everyone to delete it.
    asked: Option<u32>,
    /// Reused list of a forwarder's contacts still to be drawn from, so
    /// forwarding does not allocate.
    pool: Vec<Person>,
}

impl Run {
    fn new(world: &World, params: SpreadParams, seed: u64) -> Self {
        let n = world.people() as usize;
        assert!(params.horizon_minutes <= u64::from(u32::MAX), "a horizon of over 8,000 years");
        let step_ends = schedule(params.horizon_minutes);
        assert!(step_ends.len() < usize::from(u16::MAX), "too many steps for the horizon");
        let mut run = Self {
            params,
            keys: Keys::new(seed),
            state: vec![UNSEEN; n].into_boxed_slice(),
            parent: vec![0; n].into_boxed_slice(),
            branch: vec![0; n].into_boxed_slice(),
            seen_step: vec![0; n].into_boxed_slice(),
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

    fn snapshot(&self) -> Snapshot {
        Snapshot { step: self.steps, minutes: self.now, counts: self.counts, blocked: self.blocked(self.now) }
    }

    fn blocked(&self, t: u64) -> bool {
        self.blocked_at.is_some_and(|at| t >= at)
    }

    /// Queues `what` for minute `minutes`, unless that is past the
    /// horizon, where nothing happens.
    fn schedule(&mut self, minutes: u64, what: What) {
        if minutes <= self.params.horizon_minutes {
            self.events.push(minutes, what);
        }
    }

    fn schedule_act(&mut self, p: Person, t: u64) {
        let wait = delay(&mut self.keys.delay.of(u64::from(p)), self.params.reply_minutes);
        self.schedule(t + wait, What::Act(p));
    }

    /// `p` sees it for the first time, at minute `t`, from `from`, down
    /// `branch`'s line, with the message on their phone (`holds`) or only
    /// in front of their eyes.
    fn see(&mut self, p: Person, from: Person, branch: Person, holds: bool, t: u64) {
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
        let mut rng = self.keys.resurface.of(u64::from(nth) << 32 | u64::from(p));
        let wait = exponential(&mut rng) * YEAR as f64 / rate;
        if from < horizon && wait < (horizon - from) as f64 {
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
    fn forward(&mut self, world: &World, p: Person, count: u32, t: u64, rng: &mut Rng) {
        let mut pool = std::mem::take(&mut self.pool);
        pool.clear();
        pool.extend_from_slice(world.contacts(p));
        let mut left = count;
        while left > 0 && !pool.is_empty() {
            let to = pool.swap_remove(rng.below(pool.len() as u32) as usize);
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
        super::sort_short(&mut open[..count]);
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
                    let m = unreached.swap_remove(rng.below(unreached.len() as u32) as usize);
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

    fn player_moves(&mut self, world: &World, choice: PlayerMove) -> bool {
        if self.moved || self.steps > 0 {
            return false;
        }
        self.moved = true;
        let mut rng = self.keys.player.of(0);
        match choice {
            PlayerMove::ForwardFriend => self.forward(world, PLAYER, 1, 0, &mut rng),
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

    /// Plays up to `budget` events of the current step (starting one if
    /// none is under way); `Some(())` once the step is finished (or the
    /// run was over already), `None` if events of it remain.
    fn work(&mut self, world: &World, budget: u32) -> Option<()> {
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

    /// `p` decides, once, what to do with their copy.
    fn act(&mut self, world: &World, p: Person, t: u64) {
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
            self.forward(world, p, params.forward_contacts, t, &mut rng);
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
    fn view(&mut self, who: Person, from: Person, t: u64) {
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
    fn school_asks(&mut self, world: &World, t: u64) {
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
    fn resurface(&mut self, world: &World, p: Person, nth: u32, t: u64) {
        if !has_copy(self.state[p as usize]) {
            return;
        }
        let mut rng = self.keys.reshare.of(u64::from(nth) << 32 | u64::from(p));
        if !self.post(world, p, t, &mut rng) {
            self.forward(world, p, self.params.forward_contacts, t, &mut rng);
        }
        self.schedule_resurfacing(p, t, nth + 1);
    }

    fn memory_bytes(&self) -> u64 {
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

#[cfg(test)]
mod tests {
    //! The two private waiting-time draws, whose shape the spread's
    //! timing rests on. Fixed seeds: nothing here can fail by chance.
    use super::{delay, exponential, MAX_DOUBLINGS};
    use crate::sim::rng::Rng;

    #[test]
    fn exponential_has_mean_and_variance_one() {
        let mut rng = Rng::new(11);
        let draws: Vec<f64> = (0..200_000).map(|_| exponential(&mut rng)).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let var = draws.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / draws.len() as f64;
        assert!((mean - 1.0).abs() < 0.01, "mean {mean}");
        assert!((var - 1.0).abs() < 0.03, "variance {var}");
        // P(X > 1) = 1/e.
        let above = draws.iter().filter(|&&x| x > 1.0).count() as f64 / draws.len() as f64;
        assert!((above - (-1.0f64).exp()).abs() < 0.005, "P(X > 1) = {above}");
        assert!(draws.iter().all(|&x| x >= 0.0));
    }

    #[test]
    fn delays_have_half_below_their_base_and_a_capped_tail() {
        let mut rng = Rng::new(12);
        let base = 20;
        let draws: Vec<u64> = (0..100_000).map(|_| delay(&mut rng, base)).collect();
        let below = draws.iter().filter(|&&d| d < base).count() as f64 / draws.len() as f64;
        // Half fall in the first span for sure; later spans add a little.
        assert!((0.5..0.75).contains(&below), "{below} below the base");
        assert!(draws.iter().all(|&d| d < base << MAX_DOUBLINGS));
        assert!(draws.iter().any(|&d| d >= base << (MAX_DOUBLINGS - 1)), "no long tail");
        assert_eq!(delay(&mut rng, 0), 0);
    }
}
