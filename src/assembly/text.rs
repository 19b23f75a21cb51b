//! A hall as text, to send between the presenter's and the audience's
//! windows and to keep for a reload ([`encode`], and [`decode`], which
//! trusts nothing it is given), and the cards still to show when playing
//! together.

use std::fmt::Write as _;

use super::{Answer, Card, Hall, HallCheck, HallChoice, HALL_ITEMS};
use crate::game::At;
use crate::save::{self, SaveError};
use crate::sim::Worlds;
use crate::story::Story;

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
    if hall.check != HallCheck::default() {
        let all: Vec<u32> = hall.check.before.iter().chain(&hall.check.after).flatten().copied().collect();
        let _ = writeln!(text, "check {}{}", u8::from(hall.check.on), numbers(&all));
    }
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
    let mut hall = Hall {
        game,
        intro,
        blank,
        vote: None,
        choices: Vec::new(),
        order,
        cards,
        check: HallCheck::default(),
        past: Vec::new(),
    };
    for line in lines {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("check") => {
                let on = match words.next() {
                    Some("0") => false,
                    Some("1") => true,
                    _ => return Err(SaveError::Unreadable),
                };
                let all = numbers(words)?;
                if all.len() != 2 * 3 * HALL_ITEMS || hall.check != HallCheck::default() {
                    return Err(SaveError::Unreadable);
                }
                let mut check = HallCheck { on, ..HallCheck::default() };
                for (i, hands) in all.chunks(3).enumerate() {
                    let kept =
                        if i < HALL_ITEMS { &mut check.before[i] } else { &mut check.after[i - HALL_ITEMS] };
                    kept.copy_from_slice(hands);
                }
                hall.check = check;
            }
            Some("vote") => {
                let hands = numbers(words)?;
                if hands.len() != hall.vote_size(story) || hands.is_empty() || hall.vote.is_some() {
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
