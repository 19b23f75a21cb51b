//! The story: scenes, the messages in them, the choices and what each
//! choice does. The structure comes from `assets/story/` (compiled in by the
//! build script) and is checked whole at load, naming the first fault in
//! plain words, so a broken story shows a message and never a blank page.
//!
//! Pure: no words (those are in `assets/i18n`, under keys this module
//! derives), no simulation, no browser. Ids are newtypes made only here.

mod load;
pub mod raw;

/// The shipped story, as the build script wrote it from `assets/story/`.
mod shipped {
    use super::raw::*;
    use std::borrow::Cow;
    include!(concat!(env!("OUT_DIR"), "/story.rs"));
}

use std::fmt;

pub use load::StoryError;

/// A scene's id, as written in the story file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SceneId(String);

/// A choice's id, unique within its scene.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChoiceId(String);

/// A character's id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonId(String);

macro_rules! id_str {
    ($($t:ty),*) => {$(
        impl $t {
            /// The id as written in the story file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}
id_str!(SceneId, ChoiceId, PersonId);

/// What a scene is, which decides how the shell shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SceneKind {
    /// A chat on the phone: messages, then choices or a next scene.
    Chat,
    /// What the player's choice did, with numbers from the simulation.
    Outcome,
    /// An ending: what happened, and where help is.
    Ending,
}

/// What a choice does to the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Forward the picture.
    Forward,
    /// Delete the picture.
    Delete,
    /// Tell a trusted adult.
    TellSomeone,
}

/// A character in the story (fictional, never typed in by the player).
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The character's id; their name is under `person.<id>.name`.
    pub id: PersonId,
}

/// One message in a chat.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Unique within its scene; a text message's words are under
    /// `scene.<scene>.msg.<id>`.
    pub id: String,
    /// Who sent it.
    pub from: PersonId,
    /// The message is the photo card (never an image: a closed card) and
    /// has no words of its own.
    pub photo: bool,
}

/// One choice the player can make.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Unique within its scene; its label is under
    /// `scene.<scene>.choice.<id>`.
    pub id: ChoiceId,
    /// What it does.
    pub effect: Effect,
    /// Where the story goes next.
    pub next: SceneId,
}

/// One scene.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The scene's id.
    pub id: SceneId,
    /// How it is shown.
    pub kind: SceneKind,
    /// The chat's title key (chat scenes): `chat.<id>.name`.
    pub chat: Option<String>,
    /// The messages, in order.
    pub messages: Vec<Message>,
    /// The choices; empty where the scene simply goes on.
    pub choices: Vec<Choice>,
    /// The scene after this one, where there are no choices.
    pub next: Option<SceneId>,
}

impl Scene {
    /// The i18n key of this scene's heading.
    pub fn title_key(&self) -> String {
        format!("scene.{}.title", self.id)
    }

    /// The i18n key of a message's text.
    pub fn message_key(&self, message: &Message) -> String {
        format!("scene.{}.msg.{}", self.id, message.id)
    }

    /// The i18n key of a choice's label.
    pub fn choice_key(&self, choice: &Choice) -> String {
        format!("scene.{}.choice.{}", self.id, choice.id)
    }

    /// The choice with this id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id.0 == id)
    }
}

/// A whole, checked story.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    start: SceneId,
    people: Vec<Person>,
    scenes: Vec<Scene>,
}

impl Story {
    /// The shipped story, checked.
    pub fn load() -> Result<Self, StoryError> {
        Self::from_raw(&shipped::STORY)
    }

    /// Checks a story in its raw shape.
    pub fn from_raw(raw: &raw::RawStory) -> Result<Self, StoryError> {
        load::check(raw)
    }

    /// Reads and checks a story written in the authored TOML format.
    /// Native builds only: the browser gets its story compiled in.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_toml(text: &str) -> Result<Self, StoryError> {
        let raw: raw::RawStory = toml::from_str(text).map_err(|e| StoryError(e.to_string()))?;
        Self::from_raw(&raw)
    }

    /// The first scene.
    pub fn start(&self) -> &SceneId {
        &self.start
    }

    /// Every scene, in file order.
    pub fn scenes(&self) -> &[Scene] {
        &self.scenes
    }

    /// Every character.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The scene with this id. Ids come from this story, so it exists.
    pub fn scene(&self, id: &SceneId) -> &Scene {
        self.find(id.as_str()).expect("scene ids are made only by the loader of this story")
    }

    /// The scene named `id`, if there is one: for reading saved games.
    pub fn find(&self, id: &str) -> Option<&Scene> {
        self.scenes.iter().find(|s| s.id.0 == id)
    }

    /// Whether a player at `from` reaches `to` by pressing Next alone,
    /// without making a choice (`from` reaches itself).
    pub fn goes_on_to(&self, from: &SceneId, to: &SceneId) -> bool {
        let mut here = from;
        // Each step visits a new scene, or the story has a loop (which the
        // loader refuses); either way the walk ends.
        for _ in 0..=self.scenes.len() {
            if here == to {
                return true;
            }
            match &self.scene(here).next {
                Some(next) => here = next,
                None => return false,
            }
        }
        false
    }

    /// Every i18n key the story needs, for checking the catalogues.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.people.iter().map(|p| format!("person.{}.name", p.id)).collect();
        for scene in &self.scenes {
            keys.push(scene.title_key());
            keys.extend(scene.chat.iter().map(|c| format!("chat.{c}.name")));
            keys.extend(scene.messages.iter().filter(|m| !m.photo).map(|m| scene.message_key(m)));
            keys.extend(scene.choices.iter().map(|c| scene.choice_key(c)));
        }
        keys
    }
}
