//! The story's state as the door holds it, and what changes it: the
//! player's acts (through the core's rules, or playing together through
//! `crate::assembly`'s shorter run with its cards), Undo of Start again,
//! and another tab's change of the saved game.

use std::rc::Rc;

use yew::prelude::*;

use crate::assembly::{self, Card};
use crate::game::{At, Event, Game};
use crate::ui::{StoryRef, WorldsRef};

/// The story's state: the game, and what playing together shows over it.
pub(super) struct State {
    pub(super) story: StoryRef,
    /// The page's worlds, which the spread is played in.
    pub(super) worlds: WorldsRef,
    pub(super) game: Game,
    /// Played together at home: the shorter run, with a question to talk
    /// about after each chapter and a summary of each chapter left out.
    pub(super) together: bool,
    /// The cards to show before the scene (playing together), the first
    /// one showing now.
    pub(super) cards: Vec<Card>,
    /// The game before Start again, until the player moves on: Start again
    /// throws nothing away without a way back.
    pub(super) undo: Option<Game>,
}

/// What changes the story's state.
pub(super) enum Act {
    /// The player did something in the game.
    Played(Event),
    /// The player undid Start again.
    Undid,
    /// Another tab or window of the game changed the saved game: to this
    /// game, or to none (started again or forgotten there).
    Elsewhere(Option<Game>),
}

impl Reducible for State {
    type Action = Act;

    fn reduce(self: Rc<Self>, act: Act) -> Rc<Self> {
        let event = match act {
            Act::Played(event) => event,
            Act::Undid => {
                let Some(game) = self.undo.clone() else { return self };
                return Rc::new(State { game, ..self.fresh() });
            }
            Act::Elsewhere(game) => return Rc::new(State { game: game.unwrap_or_default(), ..self.fresh() }),
        };
        let undo =
            (event == Event::PressedStartAgain && self.game.at != At::Title).then(|| self.game.clone());
        let (game, cards) = match (self.cards.is_empty(), self.together) {
            // Next after a card goes on to the next card, or to where the
            // story already is.
            (false, _) if event == Event::PressedNext => (self.game.clone(), self.cards[1..].to_vec()),
            (false, _) if event != Event::PressedStartAgain => return self,
            (_, true) => assembly::together(&self.story, &self.worlds, &self.game, event),
            (_, false) => (self.game.apply(&self.story, &self.worlds, event), Vec::new()),
        };
        Rc::new(State { game, cards, undo, ..self.fresh() })
    }
}

impl State {
    /// This state's story, worlds and mode, with a new game to fill in, no
    /// card and nothing to undo.
    fn fresh(&self) -> State {
        State {
            story: self.story.clone(),
            worlds: self.worlds.clone(),
            game: Game::new(),
            together: self.together,
            cards: Vec::new(),
            undo: None,
        }
    }
}
