//! Explore: the spread as a sandbox. A [`Setup`] of the few rates a pupil
//! can change, kept in the page's address so that a teacher can share or
//! bookmark it; the tipping point (how many new people each copy reaches);
//! and the guided [`Challenge`]s, each checked by the simulation's result.
//!
//! Pure: it reads and writes the address's text, never the address; it
//! knows the spread's parameters and counts, not the browser or the words
//! (faults and challenges are named by keys the shell looks up).

use crate::sim::spread::{Counts, SpreadParams};
use crate::sim::Scale;

/// What a pupil can set in Explore. Shares are whole percentages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Setup {
    /// The share of people with a copy who forward it, 0 to 100.
    pub forward: u8,
    /// How many contacts each forwards it to, 1 to 5.
    pub contacts: u8,
    /// The share of people who keep it to themselves who delete it, 0 to 100.
    pub delete: u8,
    /// The share of people who report it, 0 to 100.
    pub report: u8,
    /// Whether anyone posts it in public places (group chats, sites).
    pub public: bool,
    /// How big the world is.
    pub scale: Scale,
    /// The seed: the same seed and settings give the same run.
    pub seed: u32,
}

impl Default for Setup {
    /// The story's own rates, in a school.
    fn default() -> Self {
        let p = SpreadParams::default();
        Self {
            forward: percent(p.forward_rate),
            contacts: p.forward_contacts as u8,
            delete: percent(p.delete_rate),
            report: percent(p.report_rate),
            public: true,
            scale: Scale::School,
            seed: 1,
        }
    }
}

fn percent(share: f64) -> u8 {
    (share * 100.0).round() as u8
}

/// The address's name for each setting, in the order they are written.
pub const KEYS: [&str; 7] = ["forward", "contacts", "delete", "report", "public", "scale", "seed"];

/// A kind of fault in the address, named once however often it came: a
/// setting whose value could not be used (its name and the first text
/// found, cut short if long, replaced by the default), any name the game
/// does not know (the first one found), or an address too long to read
/// whole (empty name and text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// The setting's name, one of [`KEYS`], or the first unknown name
    /// found; empty for an address cut short.
    pub key: String,
    /// What the address said.
    pub value: String,
    /// How many more faults of the same kind came after it.
    pub more: u32,
}

/// The longest setup the game reads from an address: far more than every
/// setting written out takes; past it the rest is left unread.
pub const MAX_QUERY: usize = 1_000;

impl Setup {
    /// Reads a setup from the part of the address after `#explore?`
    /// (`forward=8&contacts=2&…`). Settings left out take their defaults;
    /// a bad value or an unknown name is a [`Fault`] and changes nothing.
    pub fn from_query(query: &str) -> (Setup, Vec<Fault>) {
        let mut setup = Setup::default();
        let mut faults: Vec<Fault> = Vec::new();
        let cut_short = query.len() > MAX_QUERY;
        let end = (0..=MAX_QUERY.min(query.len())).rev().find(|&i| query.is_char_boundary(i)).unwrap_or(0);
        for pair in query[..end].split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if setup.set(key, value) {
                continue;
            }
            // One kind per setting, and one for every unknown name.
            let known = KEYS.contains(&key);
            let same = |f: &&mut Fault| if known { f.key == key } else { !KEYS.contains(&f.key.as_str()) };
            match faults.iter_mut().find(|f| !f.key.is_empty() && same(f)) {
                Some(f) => f.more += 1,
                None => {
                    let cut = |s: &str| s.chars().take(40).collect::<String>();
                    faults.push(Fault { key: cut(key), value: cut(value), more: 0 });
                }
            }
        }
        if cut_short {
            faults.push(Fault { key: String::new(), value: String::new(), more: 0 });
        }
        (setup, faults)
    }

    /// Sets `key` from `value` if both make sense; returns whether it did.
    pub fn set(&mut self, key: &str, value: &str) -> bool {
        let share = |v: &str| v.parse::<u8>().ok().filter(|&n| n <= 100);
        match key {
            "forward" => share(value).map(|n| self.forward = n).is_some(),
            "contacts" => {
                value.parse().ok().filter(|n| (1..=5).contains(n)).map(|n| self.contacts = n).is_some()
            }
            "delete" => share(value).map(|n| self.delete = n).is_some(),
            "report" => share(value).map(|n| self.report = n).is_some(),
            "public" if value == "yes" || value == "no" => {
                self.public = value == "yes";
                true
            }
            "scale" => Scale::ALL.into_iter().find(|s| s.name() == value).map(|s| self.scale = s).is_some(),
            "seed" => value.parse().ok().map(|n| self.seed = n).is_some(),
            _ => false,
        }
    }

    /// The setup as the address writes it, every setting named, so that a
    /// shared address says exactly what it runs.
    pub fn to_query(&self) -> String {
        format!(
            "forward={}&contacts={}&delete={}&report={}&public={}&scale={}&seed={}",
            self.forward,
            self.contacts,
            self.delete,
            self.report,
            if self.public { "yes" } else { "no" },
            self.scale.name(),
            self.seed
        )
    }

    /// The spread's parameters: the story's, with this setup's rates.
    pub fn params(&self) -> SpreadParams {
        let d = SpreadParams::default();
        SpreadParams {
            forward_rate: f64::from(self.forward) / 100.0,
            forward_contacts: u32::from(self.contacts),
            delete_rate: f64::from(self.delete) / 100.0,
            report_rate: f64::from(self.report) / 100.0,
            post_rate: if self.public { d.post_rate } else { 0.0 },
            resurface_per_year: if self.public { d.resurface_per_year } else { 0.0 },
            ..d
        }
    }

    /// The tipping point's number from the settings alone: how many new
    /// people, on average, each person who has it sends it to (the share
    /// who forward times how many each sends it to). Above one it grows;
    /// below one it dies out. Public posts come on top.
    pub fn expected_reach(&self) -> f64 {
        f64::from(self.forward) / 100.0 * f64::from(self.contacts)
    }
}

/// The same number as the run shows it so far: new people reached (beyond
/// the class that got it in the chat) for each person who has decided
/// what to do with their copy. `None` before anyone has decided.
pub fn observed_reach(counts: &Counts, class_size: u32) -> Option<f64> {
    (counts.acted > 0).then(|| f64::from(counts.seen.saturating_sub(class_size)) / f64::from(counts.acted))
}

/// A guided challenge: a question the simulation answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Challenge {
    /// Keep the picture inside the class that got it.
    StopInClass,
    /// With one in twenty forwarding, how far does it get?
    OneInTwenty,
    /// Once it is public, can reporting alone stop it?
    ReportingAlone,
    /// Find the forwarding share where each copy makes one new copy.
    TippingPoint,
}

impl Challenge {
    /// Every challenge, in order.
    pub const ALL: [Challenge; 4] =
        [Challenge::StopInClass, Challenge::OneInTwenty, Challenge::ReportingAlone, Challenge::TippingPoint];

    /// Its name in keys and in the address.
    pub fn name(self) -> &'static str {
        match self {
            Challenge::StopInClass => "stop_in_class",
            Challenge::OneInTwenty => "one_in_twenty",
            Challenge::ReportingAlone => "reporting_alone",
            Challenge::TippingPoint => "tipping_point",
        }
    }

    /// The parts of a challenge's words: its title, its task, and the
    /// lesson said once it is met.
    pub const PARTS: [&'static str; 3] = ["title", "task", "lesson"];

    /// The key of one of its [`Challenge::PARTS`] in the catalogue.
    pub fn key(self, part: &str) -> String {
        format!("ui.explore.{}.{part}", self.name())
    }

    /// Whether a finished run with `setup`, which reached as far as
    /// `reach` (the smallest scale holding everyone who saw it), meets
    /// the challenge.
    pub fn met(self, setup: &Setup, reach: Scale) -> bool {
        match self {
            Challenge::StopInClass => reach == Scale::Class,
            Challenge::OneInTwenty => setup.forward == 5,
            Challenge::ReportingAlone => setup.public && setup.forward > 0 && setup.report >= 50,
            Challenge::TippingPoint => (0.9..=1.1).contains(&setup.expected_reach()),
        }
    }
}
