//! Assembly mode's core: a teacher plays the story with a hall of pupils.
//! A [`Hall`] is the game as the hall plays it: a content note first, the
//! screen blanked or not, and at every choice a show of hands whose
//! counts decide what happens; the hall's choices are kept for the ending.
//! Between scenes come [`Card`]s: a question to talk about, a short summary
//! in place of a chapter the running order leaves out (so a short run is
//! never an incomplete one), and at the very end, where help is.
//! A [`Cue`] is what the teacher did (a key, a clicker, a button).
//!
//! Pure: no clock, no storage, no channel. The shell sends a hall between
//! the presenter's and the audience's windows as the text of [`encode`],
//! and reads it back with [`decode`], which trusts nothing it is given.
//! What a [`Window`] says to the other ([`Said`]) and does with what it
//! hears is decided here too, so that a reload of either window brings the
//! two back in step on the hall of the one that stayed open (issue 15).

use crate::game::{At, Event, Game};
use crate::save::SaveError;
use crate::sim::Worlds;
use crate::story::{ChapterId, ChoiceId, Order, PersonId, SceneId, SceneKind, Story};

mod steps;
mod text;
mod window;

use self::steps::{chapter_of, MAX_PAST};
pub use self::steps::{pass_over, step, together};
pub use self::text::{decode, decode_cards, encode, encode_cards, MAX_HANDS};
pub use self::window::{Said, Window, CLOCK_KEY, HALL_KEY};

/// A card between scenes, shown until Next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Card {
    /// A question to talk about, after a chapter.
    Prompt(ChapterId),
    /// A short summary in place of a chapter the running order left out.
    Summary(ChapterId),
    /// After the ending: where help is, left on the projector as the hall
    /// leaves. Next goes no further.
    Help,
    /// One of the knowledge check's statements, for the hall to judge by a
    /// show of hands: before the story, or again after it (see
    /// [`HallCheck`]).
    Check {
        /// After the story (else before).
        after: bool,
        /// Which of the [`HALL_ITEMS`] statements.
        item: usize,
    },
    /// What the hall said of the statements before and after, side by
    /// side, with the answers.
    Change,
}

impl Card {
    /// The card as a word in the text sent between windows.
    fn word(&self) -> String {
        match self {
            Card::Prompt(c) => format!("prompt:{c}"),
            Card::Summary(c) => format!("summary:{c}"),
            Card::Help => "help".to_string(),
            Card::Check { after, item } => format!("check:{}{item}", if *after { "a" } else { "b" }),
            Card::Change => "change".to_string(),
        }
    }

    /// A card from its word, checked against `story`.
    fn from_word(word: &str, story: &Story) -> Result<Card, SaveError> {
        let chapter = |id: &str| {
            story
                .chapters()
                .iter()
                .find(|c| c.id.as_str() == id)
                .map(|c| c.id.clone())
                .ok_or(SaveError::Stale)
        };
        match word.split_once(':') {
            None if word == "help" => Ok(Card::Help),
            None if word == "change" => Ok(Card::Change),
            Some(("check", item)) => {
                let (after, item) = match item.split_at_checked(1) {
                    Some(("b", n)) => (false, n),
                    Some(("a", n)) => (true, n),
                    _ => return Err(SaveError::Unreadable),
                };
                let item = item.parse().ok().filter(|&i| i < HALL_ITEMS).ok_or(SaveError::Unreadable)?;
                Ok(Card::Check { after, item })
            }
            Some(("prompt", id)) => chapter(id).map(Card::Prompt),
            Some(("summary", id)) => chapter(id).map(Card::Summary),
            _ => Err(SaveError::Unreadable),
        }
    }
}

/// What a show of hands is about: who the hall plays as, or one of a
/// scene's choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// One of the characters to play as.
    Player(PersonId),
    /// One of the current scene's choices.
    Choice(ChoiceId),
}

/// One choice the hall made, with its show of hands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HallChoice {
    /// Where it was made (`None`: choosing who to be).
    pub scene: Option<SceneId>,
    /// What won.
    pub option: Answer,
    /// Hands for each option, in the order of [`Hall::options`].
    pub hands: Vec<u32>,
}

/// How many of the knowledge check's statements a hall is asked: the
/// first of the form taken before playing.
pub const HALL_ITEMS: usize = 3;

/// Hands for true, false and not sure, for each statement.
pub type CheckHands = [[u32; 3]; HALL_ITEMS];

/// The knowledge check as a hall takes it, by a show of hands: a few
/// statements before the story, the same again after it, and the change
/// shown side by side (no devices, no names, nothing kept but the counts,
/// in the presenter's window).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HallCheck {
    /// The presenter asked for it, on the content note.
    pub on: bool,
    /// Hands before the story.
    pub before: CheckHands,
    /// Hands after it.
    pub after: CheckHands,
}

impl HallCheck {
    /// The cards that ask the statements, before or after the story.
    fn cards(after: bool) -> impl Iterator<Item = Card> {
        (0..HALL_ITEMS).map(move |item| Card::Check { after, item })
    }
}

/// The hall's game.
#[derive(Clone, Debug, PartialEq)]
pub struct Hall {
    /// The story as played, by the hall's choices.
    pub game: Game,
    /// The content note is showing, before anything else.
    pub intro: bool,
    /// The audience's screen is blank.
    pub blank: bool,
    /// The show of hands under way: hands per option (`None`: no vote).
    pub vote: Option<Vec<u32>>,
    /// Every choice the hall has made, in order.
    pub choices: Vec<HallChoice>,
    /// The running order (one of the story's).
    pub order: Order,
    /// The cards to show before the scene, the first one showing now.
    pub cards: Vec<Card>,
    /// The knowledge check by a show of hands, if the presenter asked.
    pub check: HallCheck,
    /// Earlier halls, for Back (kept by each window, never sent).
    pub past: Vec<Hall>,
}

/// What the teacher did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cue {
    /// On: past the content note, unblank, open the vote at a choice, close
    /// it (the most hands win), or on to the next scene.
    Next,
    /// Back to how the hall was before the last step.
    Back,
    /// Blank the audience's screen, or bring it back.
    Blank,
    /// The hands counted for one option (its place in [`Hall::options`]).
    Counted {
        /// The option's place.
        option: usize,
        /// How many hands.
        hands: u32,
    },
    /// The teacher picked an option outright (a number key): it wins.
    Picked(usize),
    /// The teacher chose a running order (its place in the story's), on the
    /// content note, before anything is played.
    Ordered(usize),
    /// The teacher asked for the knowledge check by a show of hands, or
    /// no longer, on the content note.
    Checking,
    /// The teacher starts again for the next class, from where help is at
    /// the end: a new hall on the content note with the same running order
    /// (the seed fixes its spread). Back undoes it.
    Restarted {
        /// The new hall's seed.
        seed: u64,
    },
}

impl Hall {
    /// A hall about to play: the content note first; the seed fixes the
    /// spread, so a teacher can replay a run.
    pub fn new(story: &Story, worlds: &Worlds, seed: u64) -> Self {
        let game = Game::new().apply(story, worlds, Event::PressedStart { seed });
        Self {
            game,
            intro: true,
            blank: false,
            vote: None,
            choices: Vec::new(),
            order: story.orders()[story.default_order()].clone(),
            cards: Vec::new(),
            check: HallCheck::default(),
            past: Vec::new(),
        }
    }

    /// How many counts a show of hands has here: true, false and not sure
    /// on a statement of the knowledge check, else one per option.
    pub fn vote_size(&self, story: &Story) -> usize {
        if self.asking() {
            3
        } else {
            self.options(story).len()
        }
    }

    /// Whether a statement of the knowledge check is showing.
    pub fn asking(&self) -> bool {
        matches!(self.card(), Some(Card::Check { .. }))
    }

    /// What the hall chooses between here: the characters, or the scene's
    /// choices; empty where there is nothing to choose.
    pub fn options(&self, story: &Story) -> Vec<Answer> {
        match &self.game.at {
            At::Pick => story.players().iter().cloned().map(Answer::Player).collect(),
            At::Scene(id) => story.scene(id).choices.iter().map(|c| Answer::Choice(c.id.clone())).collect(),
            At::Title => Vec::new(),
        }
    }

    /// The hall after `cue`, the spread played in the world `worlds`
    /// lends. A cue that makes no sense here leaves it as it was.
    pub fn cue(&self, story: &Story, worlds: &Worlds, cue: Cue) -> Hall {
        if cue == Cue::Back {
            let Some((last, earlier)) = self.past.split_last() else { return self.clone() };
            return Hall { past: earlier.to_vec(), ..last.clone() };
        }
        let mut next = self.clone();
        if next.past.len() == MAX_PAST {
            next.past.remove(0);
        }
        next.past.push(Hall { past: Vec::new(), ..self.clone() });
        let options = self.options(story);
        let size = self.vote_size(story);
        match cue {
            Cue::Blank => next.blank = !self.blank,
            Cue::Ordered(order) if self.intro && order < story.orders().len() => {
                next.order = story.orders()[order].clone();
            }
            Cue::Checking if self.intro => next.check.on = !self.check.on,
            Cue::Next if self.blank => next.blank = false,
            Cue::Next if self.intro => {
                next.intro = false;
                if self.check.on {
                    next.cards = HallCheck::cards(false).collect();
                }
            }
            Cue::Next if self.cards.first() == Some(&Card::Help) => return self.clone(),
            // A statement: Next asks for hands, then keeps them and moves on.
            Cue::Next if self.asking() => match (&self.vote, self.card()) {
                (Some(hands), Some(&Card::Check { after, item })) => {
                    let kept = if after { &mut next.check.after } else { &mut next.check.before };
                    kept[item] = [hands[0], hands[1], hands[2]];
                    next.vote = None;
                    next.cards.remove(0);
                }
                _ => next.vote = Some(vec![0; 3]),
            },
            Cue::Next if !self.cards.is_empty() => {
                next.cards.remove(0);
            }
            Cue::Next if !options.is_empty() => match &self.vote {
                None => next.vote = Some(vec![0; options.len()]),
                Some(hands) => {
                    // The most hands win; the first of equals. No hands at
                    // all decide nothing.
                    let most = hands.iter().copied().max().unwrap_or(0);
                    if most == 0 {
                        return self.clone();
                    }
                    let winner = hands.iter().position(|&h| h == most).unwrap_or(0);
                    next.choose(story, worlds, &options, winner, hands.clone());
                }
            },
            Cue::Next => {
                let moved = self.game.apply(story, worlds, Event::PressedNext);
                if moved != self.game {
                    (next.game, next.cards) = step(story, worlds, self.running_order(), &self.game, moved);
                } else if self.at_ending(story) {
                    next.cards = if self.check.on {
                        HallCheck::cards(true).chain([Card::Change, Card::Help]).collect()
                    } else {
                        vec![Card::Help]
                    };
                } else {
                    return self.clone();
                }
            }
            Cue::Counted { option, hands } if option < size => {
                let mut counts = self.vote.clone().unwrap_or_else(|| vec![0; size]);
                counts[option] = hands.min(MAX_HANDS);
                next.vote = Some(counts);
            }
            Cue::Picked(option) if option < options.len() && !self.intro && !self.asking() => {
                let hands = self.vote.clone().unwrap_or_else(|| vec![0; options.len()]);
                next.choose(story, worlds, &options, option, hands);
            }
            Cue::Restarted { seed } if self.card() == Some(&Card::Help) => {
                // Reloading used to be the only way to start again, and it
                // threw the projector's hall away too; now a reload resumes.
                let past = std::mem::take(&mut next.past);
                let check = HallCheck { on: self.check.on, ..HallCheck::default() };
                next = Hall { order: self.order.clone(), check, past, ..Hall::new(story, worlds, seed) };
            }
            _ => return self.clone(),
        }
        next
    }

    /// Plays `options[winner]`, keeping the show of hands.
    fn choose(&mut self, story: &Story, worlds: &Worlds, options: &[Answer], winner: usize, hands: Vec<u32>) {
        let scene = match &self.game.at {
            At::Scene(id) => Some(id.clone()),
            _ => None,
        };
        let event = match &options[winner] {
            Answer::Player(who) => Event::PickedPlayer(who.clone()),
            Answer::Choice(choice) => Event::Chose(choice.clone()),
        };
        let moved = self.game.apply(story, worlds, event);
        (self.game, self.cards) = step(story, worlds, self.running_order(), &self.game, moved);
        self.vote = None;
        self.blank = false;
        self.choices.push(HallChoice { scene, option: options[winner].clone(), hands });
    }

    /// This window's hall after hearing `other`, the other window's: the
    /// other's, with what this window showed before it in the past, so that
    /// Back works here too.
    pub fn heard(&self, mut other: Hall) -> Hall {
        let shown = Hall { past: Vec::new(), ..self.clone() };
        other.past.clear();
        if shown == other {
            return self.clone();
        }
        other.past = self.past.clone();
        if other.past.len() == MAX_PAST {
            other.past.remove(0);
        }
        other.past.push(shown);
        other
    }

    /// The running order of this hall.
    pub fn running_order(&self) -> &Order {
        &self.order
    }

    /// The chapter of the scene the hall is at.
    pub fn chapter<'s>(&self, story: &'s Story) -> Option<&'s ChapterId> {
        chapter_of(story, &self.game)
    }

    /// The card showing now, if any.
    pub fn card(&self) -> Option<&Card> {
        self.cards.first()
    }

    /// Whether the hall has reached an ending.
    pub fn at_ending(&self, story: &Story) -> bool {
        matches!(&self.game.at, At::Scene(id) if story.scene(id).kind == SceneKind::Ending)
    }
}
