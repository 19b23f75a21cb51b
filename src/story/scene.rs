//! A scene and what it shows: its kind, its messages, notifications and
//! rows of chats, its choices and branches, and the keys of its words.

use super::{ChapterId, ChoiceId, Effect, PersonId, SceneId};

/// What a scene is, which decides how the shell shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SceneKind {
    /// The phone's lock screen: the time, a date and notifications.
    Lock,
    /// The phone's list of chats, the newest first.
    Chats,
    /// A chat on the phone: messages, then choices or a next scene.
    Chat,
    /// A card between scenes: a time skip, or a change of whose phone it is.
    Narration,
    /// What the player's choice did, with numbers from the simulation.
    Outcome,
    /// An ending: what the player's choices did, and where help is.
    Ending,
}

/// Who sent a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sender {
    /// The player (whoever they chose to be).
    Player,
    /// A character.
    Person(PersonId),
}

/// How often a message was forwarded before it arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forwarded {
    /// "Forwarded".
    Once,
    /// "Forwarded many times".
    Many,
}

/// One message in a chat.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Unique within its scene; a text message's words are under
    /// `scene.<scene>.msg.<id>`.
    pub id: String,
    /// Who sent it.
    pub from: Sender,
    /// The message is the photo card (never an image: a closed card) and
    /// has no words of its own.
    pub photo: bool,
    /// A Forwarded label.
    pub forwarded: Option<Forwarded>,
    /// When it was sent, "HH:MM".
    pub time: Option<String>,
    /// Shows as read.
    pub read: bool,
}

/// One notification on a lock screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Notification {
    /// Unique within its scene; its words are under `scene.<scene>.note.<id>`.
    pub id: String,
    /// Who it is from.
    pub from: PersonId,
    /// The chat it comes from: `chat.<id>.name`.
    pub chat: Option<String>,
}

/// One row of the phone's list of chats.
#[derive(Clone, Debug, PartialEq)]
pub struct ChatRow {
    /// The chat: its name is `chat.<id>.name`; the preview of its newest
    /// message is under `scene.<scene>.preview.<chat>`.
    pub chat: String,
    /// Who sent its newest message.
    pub from: PersonId,
    /// When, "HH:MM".
    pub time: String,
    /// How many messages are unread.
    pub unread: u32,
}

/// One choice the player can make.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Unique within its scene; its label is under
    /// `scene.<scene>.choice.<id>`.
    pub id: ChoiceId,
    /// What it does to the picture; none for a choice that does not touch it.
    pub effect: Option<Effect>,
    /// Where the story goes next.
    pub next: SceneId,
}

/// A next scene taken when the player's choice about the picture was one
/// of `when`.
#[derive(Clone, Debug, PartialEq)]
pub struct Branch {
    /// The effects that take this branch.
    pub when: Vec<Effect>,
    /// Where it leads.
    pub next: SceneId,
}

/// One scene.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The scene's id.
    pub id: SceneId,
    /// How it is shown.
    pub kind: SceneKind,
    /// The chapter it belongs to.
    pub chapter: Option<ChapterId>,
    /// Whose phone it is, where it is not the player's.
    pub pov: Option<PersonId>,
    /// The phone's clock, "HH:MM".
    pub time: Option<String>,
    /// The chat's id (chat scenes): its name is `chat.<id>.name`.
    pub chat: Option<String>,
    /// The messages, in order (chat scenes).
    pub messages: Vec<Message>,
    /// Who is typing at the end of the chat.
    pub typing: Option<PersonId>,
    /// The notifications (lock scenes).
    pub notifications: Vec<Notification>,
    /// The rows of the list of chats (chat-list scenes).
    pub chats: Vec<ChatRow>,
    /// The choices; empty where the scene simply goes on.
    pub choices: Vec<Choice>,
    /// The scene after this one, where there are no choices.
    pub next: Option<SceneId>,
    /// Next scenes that depend on the player's choice about the picture.
    pub branches: Vec<Branch>,
}

impl Scene {
    /// The i18n key of this scene's heading.
    pub fn title_key(&self) -> String {
        format!("scene.{}.title", self.id)
    }

    /// The i18n key of this scene's body text (narration, outcome, ending).
    pub fn body_key(&self) -> String {
        format!("scene.{}.body", self.id)
    }

    /// The i18n key of a lock screen's date line.
    pub fn date_key(&self) -> String {
        format!("scene.{}.date", self.id)
    }

    /// The i18n key of a message's text.
    pub fn message_key(&self, message: &Message) -> String {
        format!("scene.{}.msg.{}", self.id, message.id)
    }

    /// The i18n key of a notification's text.
    pub fn note_key(&self, note: &Notification) -> String {
        format!("scene.{}.note.{}", self.id, note.id)
    }

    /// The i18n key of the preview of a chat's newest message.
    pub fn preview_key(&self, row: &ChatRow) -> String {
        format!("scene.{}.preview.{}", self.id, row.chat)
    }

    /// The i18n key of a choice's label.
    pub fn choice_key(&self, choice: &Choice) -> String {
        format!("scene.{}.choice.{}", self.id, choice.id)
    }

    /// The keys of the scene's own words: its title, its body or date, and
    /// every preview, message, notification and choice it shows.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = vec![self.title_key()];
        match self.kind {
            SceneKind::Narration | SceneKind::Outcome | SceneKind::Ending => keys.push(self.body_key()),
            SceneKind::Lock => keys.push(self.date_key()),
            SceneKind::Chat | SceneKind::Chats => {}
        }
        keys.extend(self.chats.iter().map(|r| self.preview_key(r)));
        keys.extend(self.messages.iter().filter(|m| !m.photo).map(|m| self.message_key(m)));
        keys.extend(self.notifications.iter().map(|n| self.note_key(n)));
        keys.extend(self.choices.iter().map(|c| self.choice_key(c)));
        keys
    }

    /// The choice with this id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id.0 == id)
    }

    /// Where Next leads, given what the player did with the picture: the
    /// first branch that holds the effect, or else `next`.
    pub fn next_for(&self, effect: Option<Effect>) -> Option<&SceneId> {
        let branch = self.branches.iter().find(|b| effect.is_some_and(|e| b.when.contains(&e)));
        branch.map(|b| &b.next).or(self.next.as_ref())
    }

    /// Every scene a player could go to from here.
    pub fn leads_to(&self) -> impl Iterator<Item = &SceneId> {
        self.next
            .iter()
            .chain(self.branches.iter().map(|b| &b.next))
            .chain(self.choices.iter().map(|c| &c.next))
    }
}
