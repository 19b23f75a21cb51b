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
    /// The id of the first scene.
    pub start: Text,
    /// The characters.
    pub people: List<RawPerson>,
    /// The scenes, in file order.
    pub scenes: List<RawScene>,
}

/// A `[[people]]` entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawPerson {
    /// The character's id.
    pub id: Text,
}

/// A `[[scenes]]` entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawScene {
    /// The scene's id.
    pub id: Text,
    /// "chat", "outcome" or "ending".
    pub kind: Text,
    /// The chat's id, for chat scenes.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub chat: Option<Text>,
    /// The messages.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub messages: List<RawMessage>,
    /// The choices.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub choices: List<RawChoice>,
    /// The next scene, where there are no choices.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub next: Option<Text>,
}

/// One message in a scene.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawMessage {
    /// The message's id.
    pub id: Text,
    /// Who sent it.
    pub from: Text,
    /// Whether it is the photo card.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub photo: bool,
}

/// One choice in a scene.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(deny_unknown_fields))]
pub struct RawChoice {
    /// The choice's id.
    pub id: Text,
    /// What it does: "forward", "delete" or "tell_someone".
    pub effect: Text,
    /// The scene it leads to.
    pub next: Text,
}
