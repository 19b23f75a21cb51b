//! The story: chapters, scenes, the messages and notifications in them,
//! the choices and what each does to the picture, and where each leads. The
//! structure comes from `assets/story/` (compiled in by the build script)
//! and is checked whole at load, naming the first fault in plain words, so
//! a broken story shows a message and never a blank page.
//!
//! Pure: no words (those are in `assets/i18n`, under keys this module
//! derives), no simulation, no browser. Ids are newtypes made only here.

mod convert;
#[cfg(not(target_arch = "wasm32"))]
mod load;
pub mod raw;

use std::fmt;

/// The first fault found in a story file, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryError(pub String);

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "The story file has a fault: {}", self.0)
    }
}

macro_rules! ids {
    ($($(#[$doc:meta])* $t:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $t(String);

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

/// What a choice does to the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Effect {
    /// Forward it to one friend.
    ForwardFriend,
    /// Forward it to another group chat.
    ForwardGroup,
    /// React to it and say nothing.
    React,
    /// Screenshot it.
    Screenshot,
    /// Delete it.
    Delete,
    /// Reply in the chat to stop it.
    ReplyStop,
    /// Tell a trusted adult.
    TellAdult,
    /// Report it in the app.
    Report,
}

impl Effect {
    /// Every effect, in the order the story file's documentation lists them.
    pub const ALL: [Effect; 8] = [
        Effect::ForwardFriend,
        Effect::ForwardGroup,
        Effect::React,
        Effect::Screenshot,
        Effect::Delete,
        Effect::ReplyStop,
        Effect::TellAdult,
        Effect::Report,
    ];

    /// The effect's name in the story file and in i18n keys.
    pub fn name(self) -> &'static str {
        match self {
            Effect::ForwardFriend => "forward_friend",
            Effect::ForwardGroup => "forward_group",
            Effect::React => "react",
            Effect::Screenshot => "screenshot",
            Effect::Delete => "delete",
            Effect::ReplyStop => "reply_stop",
            Effect::TellAdult => "tell_adult",
            Effect::Report => "report",
        }
    }

    /// The effect with this name.
    pub fn from_name(name: &str) -> Option<Effect> {
        Effect::ALL.into_iter().find(|e| e.name() == name)
    }

    /// The i18n key of the sentence that says what this choice did.
    pub fn outcome_key(self) -> String {
        format!("ui.outcome.{}", self.name())
    }

    /// Whether the player sent the picture on.
    pub fn spreads(self) -> bool {
        matches!(self, Effect::ForwardFriend | Effect::ForwardGroup)
    }
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

/// A running order: how long it lasts, and the chapters it shows, each
/// with its minutes and whether a question to talk about follows it.
/// Chapters it leaves out are passed over (their choices take the first
/// option), and a summary card of each stands in for it; the choice about
/// the picture and the endings are always shown. Written in the story's
/// data (`[[orders]]`), not in code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order {
    /// Its id, in keys and in the text sent between windows.
    pub name: String,
    /// Minutes in all.
    pub minutes: u32,
    /// An assembly, which only introduces the topic: the follow-up lesson
    /// comes after it (CEOP: this subject is not for an assembly alone).
    pub assembly: bool,
    /// (chapter id, its minutes, a question to talk about after it).
    pub chapters: Vec<(String, u32, bool)>,
}

impl Order {
    /// The key of its label in the catalogue (the story's words).
    pub fn key(&self) -> String {
        format!("order.{}.title", self.name)
    }

    /// Whether it shows the chapter `id`.
    pub fn shows(&self, id: &str) -> bool {
        self.chapters.iter().any(|(c, ..)| c == id)
    }

    /// Minutes planned for the chapter `id` (none if not shown).
    pub fn minutes_for(&self, id: &str) -> u32 {
        self.chapters.iter().find(|(c, ..)| c == id).map_or(0, |c| c.1)
    }

    /// Whether a question to talk about follows the chapter `id`.
    pub fn prompt_after(&self, id: &str) -> bool {
        self.chapters.iter().any(|(c, _, prompt)| c == id && *prompt)
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
        let mut keys: Vec<String> = self.people.iter().map(|p| p.id.name_key()).collect();
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
