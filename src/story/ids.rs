//! The story's ids, newtypes made only in this module and its parts, the
//! characters and chapters they name, and the i18n keys derived from them.

use std::fmt;

macro_rules! ids {
    ($($(#[$doc:meta])* $t:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $t(pub(super) String);

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

ids! {
    /// A scene's id, as written in the story file.
    SceneId;
    /// A choice's id, unique within its scene.
    ChoiceId;
    /// A character's id.
    PersonId;
    /// A chapter's id.
    ChapterId;
}

impl PersonId {
    /// The i18n key of the character's name.
    pub fn name_key(&self) -> String {
        format!("person.{self}.name")
    }

    /// The i18n key of the one-line description of a player character.
    pub fn about_key(&self) -> String {
        format!("person.{self}.about")
    }
}

impl ChapterId {
    /// The i18n key of the chapter's title.
    pub fn title_key(&self) -> String {
        format!("chapter.{self}.title")
    }

    /// The i18n key of the chapter's summary: a short card in its place
    /// where a shorter run leaves it out.
    pub fn summary_key(&self) -> String {
        format!("chapter.{self}.summary")
    }

    /// The i18n key of the question to talk about after the chapter, where
    /// a running order stops for one.
    pub fn prompt_key(&self) -> String {
        format!("assembly.prompt.{self}")
    }

    /// The i18n key of the presenter's note on the chapter, in Assembly.
    pub fn note_key(&self) -> String {
        format!("assembly.chapter_note.{self}")
    }
}

/// The i18n key of a chat's name (chat ids are plain strings in scenes).
pub fn chat_name_key(chat: &str) -> String {
    format!("chat.{chat}.name")
}

/// A character in the story (fictional, never typed in by the player).
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The character's id; their name is under `person.<id>.name`.
    pub id: PersonId,
}

/// A chapter: a part of the story a teacher can stop after.
#[derive(Clone, Debug, PartialEq)]
pub struct Chapter {
    /// The chapter's id; its title is under `chapter.<id>.title`.
    pub id: ChapterId,
}
