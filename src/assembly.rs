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

use std::fmt::Write as _;

use crate::game::{At, Event, Game};
use crate::save::{self, SaveError};
use crate::sim::Worlds;
use crate::story::{ChapterId, ChoiceId, Order, PersonId, SceneId, SceneKind, Story};

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
}

impl Card {
    /// The card as a word in the text sent between windows.
    fn word(&self) -> String {
        match self {
            Card::Prompt(c) => format!("prompt:{c}"),
            Card::Summary(c) => format!("summary:{c}"),
            Card::Help => "help".to_string(),
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
            past: Vec::new(),
        }
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
        match cue {
            Cue::Blank => next.blank = !self.blank,
            Cue::Ordered(order) if self.intro && order < story.orders().len() => {
                next.order = story.orders()[order].clone();
            }
            Cue::Next if self.blank => next.blank = false,
            Cue::Next if self.intro => next.intro = false,
            Cue::Next if self.cards.first() == Some(&Card::Help) => return self.clone(),
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
                    next.cards = vec![Card::Help];
                } else {
                    return self.clone();
                }
            }
            Cue::Counted { option, hands } if option < options.len() => {
                let mut counts = self.vote.clone().unwrap_or_else(|| vec![0; options.len()]);
                counts[option] = hands.min(MAX_HANDS);
                next.vote = Some(counts);
            }
            Cue::Picked(option) if option < options.len() && !self.intro => {
                let hands = self.vote.clone().unwrap_or_else(|| vec![0; options.len()]);
                next.choose(story, worlds, &options, option, hands);
            }
            Cue::Restarted { seed } if self.card() == Some(&Card::Help) => {
                // Reloading used to be the only way to start again, and it
                // threw the projector's hall away too; now a reload resumes.
                let past = std::mem::take(&mut next.past);
                next = Hall { order: self.order.clone(), past, ..Hall::new(story, worlds, seed) };
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

/// How many steps Back can go.
const MAX_PAST: usize = 200;

/// The chapter of the scene `game` is at.
fn chapter_of<'s>(story: &'s Story, game: &Game) -> Option<&'s ChapterId> {
    match &game.at {
        At::Scene(id) => story.scene(id).chapter.as_ref(),
        _ => None,
    }
}

/// `game` passed on through the scenes of chapters `order` leaves out,
/// their choices taking the first option, and the chapters passed over, in
/// order. Endings are always shown.
pub fn pass_over(story: &Story, worlds: &Worlds, order: &Order, mut game: Game) -> (Game, Vec<ChapterId>) {
    let mut passed: Vec<ChapterId> = Vec::new();
    for _ in 0..story.scenes().len() {
        let At::Scene(id) = &game.at else { break };
        let scene = story.scene(id);
        let shown = scene.chapter.as_ref().is_none_or(|c| order.shows(c.as_str()));
        if shown || scene.kind == SceneKind::Ending {
            break;
        }
        let event = match scene.choices.first() {
            Some(choice) => Event::Chose(choice.id.clone()),
            None => Event::PressedNext,
        };
        let moved = game.apply(story, worlds, event);
        if moved == game {
            break;
        }
        if let Some(chapter) = &scene.chapter {
            if !passed.contains(chapter) {
                passed.push(chapter.clone());
            }
        }
        game = moved;
    }
    (game, passed)
}

/// One step of a running order, from `before` to `moved` (what the story
/// did with the player's act): the chapters the order leaves out passed
/// over, and the cards to show first: the question about the chapter just
/// finished, if the order has one, then a summary of each chapter passed
/// over.
pub fn step(story: &Story, worlds: &Worlds, order: &Order, before: &Game, moved: Game) -> (Game, Vec<Card>) {
    let (now, passed) = pass_over(story, worlds, order, moved);
    let mut cards: Vec<Card> = finished(story, order, before, &now).map(Card::Prompt).into_iter().collect();
    cards.extend(passed.into_iter().map(Card::Summary));
    (now, cards)
}

/// One step of a game played together: `event`, then the chapters the
/// shorter run leaves out passed over; and the cards to show first.
pub fn together(story: &Story, worlds: &Worlds, game: &Game, event: Event) -> (Game, Vec<Card>) {
    step(story, worlds, story.together(), game, game.apply(story, worlds, event))
}

/// The chapter left going from `before` to `now`, if `order` has a
/// discussion prompt after it.
fn finished(story: &Story, order: &Order, before: &Game, now: &Game) -> Option<ChapterId> {
    let was = chapter_of(story, before)?;
    (chapter_of(story, now) != Some(was) && order.prompt_after(was.as_str())).then(|| was.clone())
}

/// The most cards a hall can have waiting: a prompt and a summary of every
/// chapter, and more than any story has.
const MAX_CARDS: usize = 64;

/// The most hands one option can have: more than any hall holds.
pub const MAX_HANDS: u32 = 9_999;

/// The first line of a hall's text.
const HEADER: &str = "once-sent hall 2";

/// The hall as text, to send to the other window: a few lines of its own,
/// then the game as a saved game.
pub fn encode(hall: &Hall) -> String {
    let mut text = format!(
        "{HEADER}\nintro {}\nblank {}\norder {}\ncards{}\n",
        u8::from(hall.intro),
        u8::from(hall.blank),
        hall.running_order().name,
        hall.cards.iter().map(|c| format!(" {}", c.word())).collect::<String>()
    );
    let numbers = |hands: &[u32]| hands.iter().map(|h| format!(" {h}")).collect::<String>();
    if let Some(hands) = &hall.vote {
        let _ = writeln!(text, "vote{}", numbers(hands));
    }
    for c in &hall.choices {
        let scene = c.scene.as_ref().map_or("-", |s| s.as_str());
        let option = match &c.option {
            Answer::Player(p) => p.as_str(),
            Answer::Choice(c) => c.as_str(),
        };
        let _ = writeln!(text, "chose {scene} {option}{}", numbers(&c.hands));
    }
    text.push_str("game\n");
    text.push_str(&save::encode(&hall.game));
    text
}

/// Reads a hall sent by the other window, checking it against `story`:
/// its game as a saved game is checked (its outcomes played in the world
/// `worlds` lends), and every vote and choice must fit the story.
pub fn decode(text: &str, story: &Story, worlds: &Worlds) -> Result<Hall, SaveError> {
    let (head, game) = text.split_once("\ngame\n").ok_or(SaveError::Unreadable)?;
    let mut game = save::decode(game, story, worlds)?;
    let mut lines = head.lines();
    let flag = |line: Option<&str>, name: &str| match line.and_then(|l| l.strip_prefix(name)) {
        Some(" 0") => Ok(false),
        Some(" 1") => Ok(true),
        _ => Err(SaveError::Unreadable),
    };
    if lines.next() != Some(HEADER) {
        return Err(SaveError::Unreadable);
    }
    let intro = flag(lines.next(), "intro")?;
    let blank = flag(lines.next(), "blank")?;
    let order = lines.next().and_then(|l| l.strip_prefix("order ")).ok_or(SaveError::Unreadable)?;
    let order = story.orders().iter().find(|o| o.name == order).ok_or(SaveError::Unreadable)?.clone();
    let cards = lines.next().and_then(|l| l.strip_prefix("cards")).ok_or(SaveError::Unreadable)?;
    if !cards.is_empty() && !cards.starts_with(' ') {
        return Err(SaveError::Unreadable);
    }
    let cards = cards.split_whitespace().map(|w| Card::from_word(w, story)).collect::<Result<Vec<_>, _>>()?;
    if cards.len() > MAX_CARDS {
        return Err(SaveError::Unreadable);
    }
    // A saved game before anyone is chosen reads as the title; the hall
    // is then choosing who to be.
    if game.at == At::Title {
        game.at = At::Pick;
    }
    let numbers = |words: std::str::SplitWhitespace| -> Result<Vec<u32>, SaveError> {
        words.map(|w| w.parse().ok().filter(|&h| h <= MAX_HANDS).ok_or(SaveError::Unreadable)).collect()
    };
    let mut hall =
        Hall { game, intro, blank, vote: None, choices: Vec::new(), order, cards, past: Vec::new() };
    for line in lines {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("vote") => {
                let hands = numbers(words)?;
                if hands.len() != hall.options(story).len() || hands.is_empty() || hall.vote.is_some() {
                    return Err(SaveError::Unreadable);
                }
                hall.vote = Some(hands);
            }
            Some("chose") => {
                let (scene, option) = (words.next(), words.next());
                let scene = match scene.ok_or(SaveError::Unreadable)? {
                    "-" => None,
                    id => Some(story.find(id).ok_or(SaveError::Stale)?),
                };
                let option = option.ok_or(SaveError::Unreadable)?;
                let option = match scene {
                    None => Answer::Player(story.player(option).ok_or(SaveError::Stale)?.clone()),
                    Some(s) => Answer::Choice(s.choice(option).ok_or(SaveError::Stale)?.id.clone()),
                };
                let hands = numbers(words)?;
                hall.choices.push(HallChoice { scene: scene.map(|s| s.id.clone()), option, hands });
            }
            _ => return Err(SaveError::Unreadable),
        }
    }
    Ok(hall)
}

/// The cards still to show when playing together, as text to keep beside
/// the saved game (so that a reload on a question keeps the question).
pub fn encode_cards(cards: &[Card]) -> String {
    cards.iter().map(Card::word).collect::<Vec<_>>().join(" ")
}

/// Cards kept by [`encode_cards`], read back against `story`: any fault
/// (a chapter the story lacks, too many, a word it does not know) refuses
/// them all.
pub fn decode_cards(text: &str, story: &Story) -> Result<Vec<Card>, SaveError> {
    let cards = text.split_whitespace().map(|w| Card::from_word(w, story)).collect::<Result<Vec<_>, _>>()?;
    if cards.len() > MAX_CARDS {
        return Err(SaveError::Unreadable);
    }
    Ok(cards)
}

/// Where a window keeps its hall, and the presenter when play began, so
/// that a reload resumes them (named in `crate::keys`).
pub use crate::keys::{CLOCK_KEY, HALL_KEY};

/// What a window says to the others on the channel.
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    /// "I have just opened: where is the hall?"
    Hello,
    /// The hall, in answer to a hello.
    Answer(Hall),
    /// The hall, after a cue in the window that says it.
    Changed(Hall),
}

/// How an answer starts; a change is the hall's text alone, as older
/// builds sent every hall.
const ANSWER: &str = "answer\n";

impl Said {
    /// As text, to post on the channel (the halls without their past).
    pub fn text(&self) -> String {
        match self {
            Said::Hello => "hello".to_string(),
            Said::Answer(hall) => format!("{ANSWER}{}", encode(hall)),
            Said::Changed(hall) => encode(hall),
        }
    }

    /// Reads what another window said, checking any hall against `story`
    /// (as [`decode`] does, in the world `worlds` lends).
    pub fn read(text: &str, story: &Story, worlds: &Worlds) -> Result<Said, SaveError> {
        match text.strip_prefix(ANSWER) {
            _ if text == "hello" => Ok(Said::Hello),
            Some(hall) => decode(hall, story, worlds).map(Said::Answer),
            None => decode(text, story, worlds).map(Said::Changed),
        }
    }
}

/// One window of Assembly and its part in keeping the two in step.
///
/// A window that opens (or is reloaded) is *joining*: it says hello and
/// takes the hall of the first answer, because the window that stayed open
/// has the truth; it says nothing of its own hall until it has a cue of its
/// own, so it can never overwrite the other's. It stops joining at the
/// first answer, at its own first cue (an answer after that is older than
/// the cue, and is not taken), or when no answer comes in time
/// ([`Window::alone`]). If both open at once, the presenter's hall wins: a
/// joining audience does not answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    /// What this window shows.
    pub hall: Hall,
    /// The audience's window (else the presenter's).
    pub audience: bool,
    /// Still waiting for a window that stayed open to answer.
    pub joining: bool,
}

impl Window {
    /// A window just opened with `hall` (what it kept from before a reload,
    /// or a new one): joining, and to say [`Said::Hello`] once its channel
    /// is open.
    pub fn open(hall: Hall, audience: bool) -> Window {
        Window { hall, audience, joining: true }
    }

    /// The window after a cue made in it, and what to tell the others:
    /// its new hall, if the cue changed it.
    pub fn cue(&self, story: &Story, worlds: &Worlds, cue: Cue) -> (Window, Option<Said>) {
        let hall = self.hall.cue(story, worlds, cue);
        let said = (hall != self.hall).then(|| Said::Changed(Hall { past: Vec::new(), ..hall.clone() }));
        (Window { hall, joining: false, ..*self }, said)
    }

    /// The window after hearing `said` from another, and what to say back.
    pub fn hear(&self, said: Said) -> (Window, Option<Said>) {
        match said {
            Said::Hello if self.joining && self.audience => (self.clone(), None),
            Said::Hello => (self.clone(), Some(Said::Answer(Hall { past: Vec::new(), ..self.hall.clone() }))),
            // Taken whole: what this window showed before was never the
            // hall's, so Back does not go to it.
            Said::Answer(hall) if self.joining => (Window { hall, joining: false, ..*self }, None),
            Said::Answer(_) => (self.clone(), None),
            Said::Changed(hall) => (Window { hall: self.hall.heard(hall), joining: false, ..*self }, None),
        }
    }

    /// No answer came in time: this window is alone, and keeps its hall.
    pub fn alone(&self) -> Window {
        Window { joining: false, ..self.clone() }
    }
}
