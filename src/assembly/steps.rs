//! How a game moves on in a hall or when playing together: the chapters a
//! running order leaves out passed over (their choices taking the first
//! option), and the cards that follow a step: a question after a chapter,
//! a summary in place of one passed over, where help is at the very end.

use super::Card;
use crate::game::{At, Event, Game};
use crate::sim::Worlds;
use crate::story::{ChapterId, Order, SceneKind, Story};

/// How many steps Back can go.
pub(super) const MAX_PAST: usize = 200;

/// The chapter of the scene `game` is at.
pub(super) fn chapter_of<'s>(story: &'s Story, game: &Game) -> Option<&'s ChapterId> {
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
