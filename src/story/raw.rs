//! The story file's shape before it is checked: plain data, every reference
//! still a string. Shared with the build script (which includes this file),
//! so the one definition serves three readers:
//! - the build script reads `assets/story/*.toml` into it and writes it out
//!   as a Rust static, so the browser parses nothing at start-up;
//! - native builds read TOML into it directly (tests of broken stories);
//! - [`super::Story::from_raw`] checks it, in every build.

use std::borrow::Cow;

/// Text that is either compiled in or read at run time.
pub type Text = Cow<'static, str>;
/// A list that is either compiled in or read at run time.
pub type List<T> = Cow<'static, [T]>;

/// The whole story file.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawStory {
    /// The id of the first scene, after the player has picked who they are.
    pub start: Text,
    /// Who the player can be: ids of people.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub players: List<Text>,
    /// The characters.
    pub people: List<RawPerson>,
    /// The chapters, in order.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub chapters: List<RawChapter>,
    /// The scenes, in play order.
    pub scenes: List<RawScene>,
    /// The running orders: Assembly's, in the order a teacher is offered
    /// them, and the one for playing together at home.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub orders: List<RawOrder>,
}

/// An `[[orders]]` entry: a running order.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawOrder {
    /// The order's id.
    pub id: Text,
    /// Minutes in all.
    pub minutes: u32,
    /// An assembly, which only introduces the topic.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub assembly: bool,
    /// The run for playing together at home (not offered in Assembly).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub together: bool,
    /// The order a hall starts with.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub default: bool,
    /// The chapters it shows.
    pub chapters: List<RawOrderChapter>,
}

/// One chapter of a running order.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawOrderChapter {
    /// The chapter's id.
    pub id: Text,
    /// Its minutes.
    pub minutes: u32,
    /// A question to talk about follows it.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub prompt: bool,
}

/// A `[[people]]` entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawPerson {
    /// The character's id.
    pub id: Text,
}

/// A `[[chapters]]` entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawChapter {
    /// The chapter's id.
    pub id: Text,
}

/// A `[[scenes]]` entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawScene {
    /// The scene's id.
    pub id: Text,
    /// "lock", "chats", "chat", "narration", "outcome" or "ending".
    pub kind: Text,
    /// The chapter it belongs to; none only in a story without chapters.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub chapter: Option<Text>,
    /// Whose phone it is, when not the player's.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub pov: Option<Text>,
    /// The phone's clock, "HH:MM".
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub time: Option<Text>,
    /// The chat's id, for chat scenes.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub chat: Option<Text>,
    /// The messages, for chat scenes.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub messages: List<RawMessage>,
    /// Who is typing at the end of a chat.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub typing: Option<Text>,
    /// The notifications, for lock scenes.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub notifications: List<RawNotification>,
    /// The rows of the phone's list of chats, for chat-list scenes.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub chats: List<RawChatRow>,
    /// The choices.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub choices: List<RawChoice>,
    /// The next scene, where there are no choices.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub next: Option<Text>,
    /// Other next scenes, chosen by what the player did with the picture.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub branches: List<RawBranch>,
}

/// One message in a scene.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawMessage {
    /// The message's id.
    pub id: Text,
    /// Who sent it: a person's id, or "player".
    pub from: Text,
    /// Whether it is the photo card.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub photo: bool,
    /// "once" or "many": a Forwarded label.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub forwarded: Option<Text>,
    /// When it was sent, "HH:MM".
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub time: Option<Text>,
    /// Whether it shows as read (the player's own messages).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub read: bool,
}

/// One notification on a lock screen.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawNotification {
    /// The notification's id.
    pub id: Text,
    /// Who it is from.
    pub from: Text,
    /// The chat it comes from, if any.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub chat: Option<Text>,
}

/// One row of the phone's list of chats.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawChatRow {
    /// The chat.
    pub chat: Text,
    /// Who sent its newest message.
    pub from: Text,
    /// When, "HH:MM".
    pub time: Text,
    /// How many messages are unread.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub unread: u32,
}

/// One choice in a scene.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawChoice {
    /// The choice's id.
    pub id: Text,
    /// What it does to the picture: an effect's name, or "none".
    pub effect: Text,
    /// The scene it leads to.
    pub next: Text,
}

/// A conditional next scene.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawBranch {
    /// The effects of the player's choice about the picture that take this branch.
    pub when: List<Text>,
    /// The scene it leads to.
    pub next: Text,
}

/// The story's shape as the build script packs it, to travel in a story's
/// pack (a file fetched when the story is first played) and be unpacked in
/// the browser without a parser: every value in a fixed order, each ended
/// by [`END`]; a list is its length and then its items; no value is
/// [`NONE`]. No text in a story may hold either character (the build checks).
pub trait Packed: Sized {
    /// Writes the value.
    fn put(&self, out: &mut String);
    /// Reads a value. Where the text is not one, a default stands in and
    /// the reader is marked broken: reading never stops half way, so there
    /// is no half-built value to take apart (a smaller bundle).
    fn take(from: &mut Reader) -> Self;
}

/// Ends every value in a packed story (the ASCII group separator).
pub const END: char = '\u{1d}';
/// Stands for no value (the ASCII file separator).
pub const NONE: &str = "\u{1c}";

/// The values of a packed story, read one after another.
pub struct Reader {
    rest: &'static str,
    broken: bool,
}

impl Reader {
    /// A reader of `text`, as [`RawStory::pack`] writes it.
    pub fn new(text: &'static str) -> Self {
        Self { rest: text, broken: false }
    }

    /// The next value; "" and broken at the end of the text.
    fn next(&mut self) -> &'static str {
        match self.rest.split_once(END) {
            Some((value, rest)) => {
                self.rest = rest;
                value
            }
            None => {
                self.broken = true;
                ""
            }
        }
    }

    /// The next value, `None` where it stands for none.
    fn next_some(&mut self) -> Option<&'static str> {
        Some(self.next()).filter(|v| *v != NONE)
    }

    /// Marks the text as not a story.
    fn fail(&mut self) {
        self.broken = true;
    }
}

impl RawStory {
    /// The story, packed.
    pub fn pack(&self) -> String {
        let mut out = String::new();
        self.put(&mut out);
        out
    }

    /// A packed story, read back; None unless `text` is one whole story
    /// and nothing more (a file cut short or of another kind).
    pub fn unpack(text: &'static str) -> Option<Self> {
        let mut reader = Reader::new(text);
        let story = Self::take(&mut reader);
        (!reader.broken && reader.rest.is_empty()).then_some(story)
    }
}

impl Packed for Text {
    fn put(&self, out: &mut String) {
        out.push_str(self);
        out.push(END);
    }
    fn take(from: &mut Reader) -> Self {
        let value = from.next_some();
        if value.is_none() {
            from.fail();
        }
        Text::Borrowed(value.unwrap_or_default())
    }
}

impl Packed for u32 {
    fn put(&self, out: &mut String) {
        out.push_str(&self.to_string());
        out.push(END);
    }
    fn take(from: &mut Reader) -> Self {
        let value = from.next().parse();
        if value.is_err() {
            from.fail();
        }
        value.unwrap_or_default()
    }
}

impl Packed for bool {
    fn put(&self, out: &mut String) {
        out.push(if *self { '1' } else { '0' });
        out.push(END);
    }
    fn take(from: &mut Reader) -> Self {
        match from.next() {
            "1" => true,
            "0" => false,
            _ => {
                from.fail();
                false
            }
        }
    }
}

impl Packed for Option<Text> {
    fn put(&self, out: &mut String) {
        match self {
            Some(v) => v.put(out),
            None => {
                out.push_str(NONE);
                out.push(END);
            }
        }
    }
    fn take(from: &mut Reader) -> Self {
        from.next_some().map(Text::Borrowed)
    }
}

impl<T: Packed + Clone> Packed for List<T> {
    fn put(&self, out: &mut String) {
        (self.len() as u32).put(out);
        for item in self.iter() {
            item.put(out);
        }
    }
    fn take(from: &mut Reader) -> Self {
        let n = u32::take(from) as usize;
        // No more items than the text has values left: a corrupt length
        // cannot ask for a vast list.
        if n > from.rest.len() {
            from.fail();
        }
        List::Owned((0..n.min(from.rest.len())).map(|_| T::take(from)).collect())
    }
}

/// `packed!(Type { field, ... })`: one list of fields, so that writing and
/// reading a type can never disagree on their order.
macro_rules! packed {
    ($($t:ident { $($f:ident),* })*) => {$(
        impl Packed for $t {
            fn put(&self, out: &mut String) {
                $( self.$f.put(out); )*
            }
            fn take(from: &mut Reader) -> Self {
                Self { $( $f: Packed::take(from), )* }
            }
        }
    )*};
}

packed! {
    RawStory { start, players, people, chapters, scenes, orders }
    RawOrder { id, minutes, assembly, together, default, chapters }
    RawOrderChapter { id, minutes, prompt }
    RawPerson { id }
    RawChapter { id }
    RawScene { id, kind, chapter, pov, time, chat, messages, typing, notifications, chats, choices, next, branches }
    RawChatRow { chat, from, time, unread }
    RawMessage { id, from, photo, forwarded, time, read }
    RawNotification { id, from, chat }
    RawChoice { id, effect, next }
    RawBranch { when, next }
}
