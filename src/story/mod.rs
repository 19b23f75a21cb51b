//! The story: chapters, scenes, the messages and notifications in them,
//! the choices and what each does to the picture, and where each leads. The
//! structure comes from `assets/story/` (compiled in by the build script)
//! and is checked whole at load, naming the first fault in plain words, so
//! a broken story shows a message and never a blank page.
//!
//! Pure: no words (those are in `assets/i18n`, under keys this module
//! derives), no simulation, no browser. Ids are newtypes made only here.

mod convert;
mod effect;
mod ids;
#[cfg(not(target_arch = "wasm32"))]
mod load;
mod order;
pub mod raw;
mod scene;

use std::fmt;

pub use effect::Effect;
pub use ids::{chat_name_key, Chapter, ChapterId, ChoiceId, Person, PersonId, SceneId};
pub use order::Order;
pub use scene::{Branch, ChatRow, Choice, Forwarded, Message, Notification, Scene, SceneKind, Sender};

/// The key of a story's own help, optional in its words: shown first in
/// the help panel on its endings and on Assembly's last screen, with the
/// help that fits its harm (for blackmail: don't pay, report to CEOP).
pub const HELP_FIRST_KEY: &str = "help.first";

/// The key of a story's line of hope, on every one of its endings before
/// where help is (every story has one).
pub const HELP_HOPE_KEY: &str = "help.hope";

/// The first fault found in a story file, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryError(pub String);

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "The story file has a fault: {}", self.0)
    }
}

/// A whole, checked story.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    start: SceneId,
    players: Vec<PersonId>,
    people: Vec<Person>,
    chapters: Vec<Chapter>,
    scenes: Vec<Scene>,
    /// Assembly's running orders, at least one.
    orders: Vec<Order>,
    /// The place in `orders` of the one a hall starts with.
    default_order: usize,
    /// The run for playing together at home.
    together: Order,
}

impl Story {
    /// Checks a story in its raw shape and builds it (native builds: the
    /// build script, the tests and tools).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_raw(raw: &raw::RawStory) -> Result<Self, StoryError> {
        load::check(raw)
    }

    /// Builds a story from its raw shape without checking it: for a story
    /// that has already been checked, such as the shipped one, which the
    /// build script checks before the game is built.
    pub fn from_checked(raw: &raw::RawStory) -> Self {
        convert::convert(raw)
    }

    /// Reads and checks a story written in the authored TOML format.
    /// Native builds only: the browser gets its story compiled in.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_toml(text: &str) -> Result<Self, StoryError> {
        let raw: raw::RawStory = toml::from_str(text).map_err(|e| StoryError(e.to_string()))?;
        Self::from_raw(&raw)
    }

    /// Assembly's running orders, in the order a teacher is offered them
    /// (at least one: a story that names none has the whole story).
    pub fn orders(&self) -> &[Order] {
        &self.orders
    }

    /// The place in [`Story::orders`] of the order a hall starts with.
    pub fn default_order(&self) -> usize {
        self.default_order
    }

    /// The run for playing together at home (the whole story, with no
    /// question, if the story names none).
    pub fn together(&self) -> &Order {
        &self.together
    }

    /// The first scene, after the player has picked who they are.
    pub fn start(&self) -> &SceneId {
        &self.start
    }

    /// Who the player can be; empty where the story has no choice of
    /// character.
    pub fn players(&self) -> &[PersonId] {
        &self.players
    }

    /// The player character with this id, if the story offers it.
    pub fn player(&self, id: &str) -> Option<&PersonId> {
        self.players.iter().find(|p| p.0 == id)
    }

    /// Who first posts the picture (the first photo card from a
    /// character): the spread's first sender, whom the map's class view
    /// names beside the player.
    pub fn sender(&self) -> Option<&PersonId> {
        self.scenes.iter().flat_map(|s| &s.messages).find_map(|m| match &m.from {
            scene::Sender::Person(p) if m.photo => Some(p),
            _ => None,
        })
    }

    /// Every scene, in file order.
    pub fn scenes(&self) -> &[Scene] {
        &self.scenes
    }

    /// Every character.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The chapters, in order.
    pub fn chapters(&self) -> &[Chapter] {
        &self.chapters
    }

    /// A chapter's number, from 1.
    pub fn chapter_number(&self, id: &ChapterId) -> usize {
        self.chapters.iter().position(|c| c.id == *id).map_or(0, |i| i + 1)
    }

    /// The scene with this id. Ids come from this story, so it exists.
    pub fn scene(&self, id: &SceneId) -> &Scene {
        self.find(id.as_str()).expect("scene ids are made only by the loader of this story")
    }

    /// The scene named `id`, if there is one: for reading saved games.
    pub fn find(&self, id: &str) -> Option<&Scene> {
        self.scenes.iter().find(|s| s.id.0 == id)
    }

    /// Whether a player at `from`, whose choice about the picture was
    /// `effect`, reaches `to` by pressing Next alone, without making a
    /// choice (`from` reaches itself).
    pub fn goes_on_to(&self, from: &SceneId, to: &SceneId, effect: Option<Effect>) -> bool {
        let mut here = from;
        // Each step visits a new scene, or the story has a loop (which the
        // loader refuses); either way the walk ends.
        for _ in 0..=self.scenes.len() {
            if here == to {
                return true;
            }
            match self.scene(here).next_for(effect) {
                Some(next) => here = next,
                None => return false,
            }
        }
        false
    }

    /// Every i18n key the story needs, for checking the catalogues.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = vec![HELP_HOPE_KEY.to_string()];
        keys.extend(self.people.iter().map(|p| p.id.name_key()));
        keys.extend(self.players.iter().map(PersonId::about_key));
        keys.extend(
            self.chapters.iter().flat_map(|c| [c.id.title_key(), c.id.summary_key(), c.id.note_key()]),
        );
        // A question after each chapter that some running order stops for.
        keys.extend(
            self.chapters
                .iter()
                .filter(|c| self.orders.iter().chain([&self.together]).any(|o| o.prompt_after(c.id.as_str())))
                .map(|c| c.id.prompt_key()),
        );
        // Each of Assembly's running orders has a label; not the whole
        // story that a story naming no order is given (it has no minutes).
        keys.extend(self.orders.iter().filter(|o| o.minutes > 0).map(Order::key));
        let mut chats = std::collections::BTreeSet::new();
        for scene in &self.scenes {
            keys.extend(scene.keys());
            chats.extend(scene.chat.iter().cloned());
            chats.extend(scene.notifications.iter().filter_map(|n| n.chat.clone()));
            chats.extend(scene.chats.iter().map(|r| r.chat.clone()));
        }
        keys.extend(chats.iter().map(|c| chat_name_key(c)));
        keys
    }
}
