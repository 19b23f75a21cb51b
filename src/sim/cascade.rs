//! The spread of one picture through a [`Network`], step by step.
//!
//! The picture starts in a group chat, where every member's phone now holds
//! a copy. The player acts first; then, each step, everyone who received a
//! copy in the step before decides once: forward it to a few contacts, or
//! delete it, or keep it. Every copy remembers who sent it (its parent), so
//! the game can say how many copies came from the player's forward.
//!
//! The rates are parameters. Their defaults follow the research cited in
//! `assets/i18n` (most people who receive a nude do not forward it: about
//! 4-12% do), never "everyone".

use super::network::{Network, Person};
use super::rng::Rng;

/// How the people in the network behave.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// The share of receivers who forward (Madigan et al. 2018: 12%;
    /// Molla-Esparza et al. 2020: 7%, 4% in probability samples).
    pub forward_rate: f64,
    /// How many contacts a forwarder sends it to.
    pub forward_contacts: u32,
    /// The share of receivers who do not forward and delete their copy.
    pub delete_rate: f64,
    /// The share of receivers who delete their copy once a trusted adult
    /// has been told: the school asks everyone to delete it. A model
    /// assumption, not a measured figure.
    pub delete_rate_after_report: f64,
    /// How much less often people forward once someone in the chat has
    /// said it is not OK. A model assumption, not a measured figure.
    pub upstander_factor: f64,
    /// How much less often people manage to forward once the picture is
    /// reported in the app, which blocks it from being sent on there (a
    /// copy saved or screenshotted still goes). A model assumption.
    pub app_report_factor: f64,
    /// The most steps a run takes.
    pub max_steps: u32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            forward_rate: 0.08,
            forward_contacts: 2,
            delete_rate: 0.3,
            delete_rate_after_report: 0.7,
            upstander_factor: 0.5,
            app_report_factor: 0.3,
            max_steps: 50,
        }
    }
}

/// What the player did with the copy on their phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayerAct {
    /// Sent it on to one friend.
    ForwardFriend,
    /// Sent it on to a group: everyone in another class.
    ForwardGroup,
    /// Kept their copy (reacted, or took a screenshot) and sent nothing.
    Keep,
    /// Deleted their own copy.
    Delete,
    /// Said in the chat that it is not OK, and deleted their copy.
    ReplyStop,
    /// Told a trusted adult, who had the school ask everyone to delete it;
    /// deleted their copy.
    TellAdult,
    /// Reported it in the app, which blocks it there; deleted their copy.
    Report,
}

/// Where one person stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Never received it.
    Unseen,
    /// Received it and a copy is on their phone.
    Holds,
    /// Received it and deleted their copy.
    Deleted,
}

/// Marks "no parent": the copy that started it all.
const NO_PARENT: Person = Person::MAX;

/// The counts the game tells the player.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Tally {
    /// Everyone in the network.
    pub people: u32,
    /// People who received it (a copy reached their phone).
    pub seen: u32,
    /// Phones that still hold a copy.
    pub holding: u32,
    /// Copies deleted.
    pub deleted: u32,
    /// People who received it through the player's forward, directly or
    /// further down the line.
    pub from_player: u32,
    /// Steps the spread ran before it stopped.
    pub steps: u32,
}

/// One run of the spread.
#[derive(Clone, Debug)]
pub struct Cascade {
    status: Vec<Status>,
    parent: Vec<Person>,
    /// People in the order they received it; a parent always comes first.
    order: Vec<Person>,
    frontier: Vec<Person>,
    player: Person,
    steps: u32,
    reported: bool,
    /// Scales everyone's forward rate after the player's act.
    forward_factor: f64,
}

impl Cascade {
    /// The picture lands in the group chat of `sender`'s class: every member
    /// now holds a copy sent by `sender`.
    pub fn start(net: &Network, sender: Person, player: Person) -> Self {
        let n = net.people() as usize;
        let mut run = Self {
            status: vec![Status::Unseen; n],
            parent: vec![NO_PARENT; n],
            order: Vec::new(),
            frontier: Vec::new(),
            player,
            steps: 0,
            reported: false,
            forward_factor: 1.0,
        };
        run.receive(sender, NO_PARENT);
        run.frontier.clear();
        for p in net.class_members(net.class_of(sender)) {
            if p != sender {
                run.receive(p, sender);
            }
        }
        run
    }

    fn receive(&mut self, p: Person, from: Person) -> bool {
        if self.status[p as usize] != Status::Unseen {
            return false;
        }
        self.status[p as usize] = Status::Holds;
        self.parent[p as usize] = from;
        self.order.push(p);
        self.frontier.push(p);
        true
    }

    /// `p` sends it to up to `contacts` of their contacts who do not have it
    /// yet (a forwarder picks people who have not seen it).
    fn forward(&mut self, net: &Network, p: Person, contacts: u32, rng: &mut Rng) {
        let mut fresh: Vec<Person> =
            net.contacts(p).iter().copied().filter(|&q| self.status[q as usize] == Status::Unseen).collect();
        for _ in 0..contacts.min(fresh.len() as u32) {
            let pick = rng.below(fresh.len() as u32) as usize;
            let to = fresh.swap_remove(pick);
            self.receive(to, p);
        }
    }

    /// The player's act, which happens before anyone else's. A player who
    /// never received it has nothing to act on.
    pub fn player_acts(&mut self, net: &Network, act: PlayerAct, params: &Params, rng: &mut Rng) {
        if self.status[self.player as usize] != Status::Holds {
            return;
        }
        self.frontier.retain(|&p| p != self.player);
        let me = self.player as usize;
        match act {
            PlayerAct::ForwardFriend => self.forward(net, self.player, 1, rng),
            PlayerAct::ForwardGroup => {
                let other = (net.class_of(self.player) + 1) % net.class_count();
                for q in net.class_members(other) {
                    self.receive(q, self.player);
                }
            }
            PlayerAct::Keep => {}
            PlayerAct::Delete => self.status[me] = Status::Deleted,
            PlayerAct::ReplyStop => {
                self.status[me] = Status::Deleted;
                self.forward_factor *= params.upstander_factor;
            }
            PlayerAct::TellAdult => {
                self.status[me] = Status::Deleted;
                self.reported = true;
            }
            PlayerAct::Report => {
                self.status[me] = Status::Deleted;
                self.forward_factor *= params.app_report_factor;
            }
        }
    }

    /// One step: everyone who received it last step decides once.
    /// Returns false when the spread has stopped.
    pub fn step(&mut self, net: &Network, params: &Params, rng: &mut Rng) -> bool {
        if self.frontier.is_empty() || self.steps >= params.max_steps {
            return false;
        }
        self.steps += 1;
        let deciding = std::mem::take(&mut self.frontier);
        for &p in &deciding {
            if rng.chance(params.forward_rate * self.forward_factor) {
                self.forward(net, p, params.forward_contacts, rng);
            } else if rng.chance(if self.reported {
                params.delete_rate_after_report
            } else {
                params.delete_rate
            }) {
                self.status[p as usize] = Status::Deleted;
            }
        }
        !self.frontier.is_empty()
    }

    /// Steps until the spread stops.
    pub fn run_to_end(&mut self, net: &Network, params: &Params, rng: &mut Rng) {
        while self.step(net, params, rng) {}
    }

    /// Where person `p` stands.
    pub fn status(&self, p: Person) -> Status {
        self.status[p as usize]
    }

    /// Who sent `p` their copy, if anyone did.
    pub fn parent(&self, p: Person) -> Option<Person> {
        Some(self.parent[p as usize]).filter(|&q| q != NO_PARENT)
    }

    /// Whether a trusted adult was told (and the school asked everyone to
    /// delete it).
    pub fn reported(&self) -> bool {
        self.reported
    }

    /// How many people received it through `root`'s forwards, directly or
    /// further down the line (not counting `root`).
    pub fn descendants_of(&self, root: Person) -> u32 {
        let mut inside = vec![false; self.status.len()];
        inside[root as usize] = true;
        let mut count = 0;
        // Parents receive before their children, so one pass in order of
        // receipt marks every descendant.
        for &p in &self.order {
            let parent = self.parent[p as usize];
            if p != root && parent != NO_PARENT && inside[parent as usize] {
                inside[p as usize] = true;
                count += 1;
            }
        }
        count
    }

    /// The counts the game tells the player.
    pub fn tally(&self) -> Tally {
        let count = |s| self.status.iter().filter(|&&x| x == s).count() as u32;
        Tally {
            people: self.status.len() as u32,
            seen: self.order.len() as u32,
            holding: count(Status::Holds),
            deleted: count(Status::Deleted),
            from_player: self.descendants_of(self.player),
            steps: self.steps,
        }
    }
}
