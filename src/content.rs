//! The content shipped with the game: the catalogue of stories (compiled in
//! by the build script from `assets/stories/catalogue.toml`), and each
//! story's structure as it travels in its pack (a file the game fetches
//! when the story is first played). It lives outside `story` so that the
//! build script can include the story module to check every story before
//! packing it.
//!
//! Pure: no browser; the shell fetches the packs.

use crate::i18n::STRUCTURE_KEY;
use crate::story::raw::RawStory;
use crate::story::{Story, StoryError};

/// A story as the catalogue lists it: what a teacher needs to choose it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoryInfo {
    /// Its id: its folder in `assets/stories/`, its words' file name.
    pub id: &'static str,
    /// The youngest year group it is for.
    pub year: u32,
    /// About how long one play-through takes, in minutes.
    pub minutes: u32,
    /// What it teaches: each is `topic.<name>` in the words.
    pub topics: &'static [&'static str],
}

impl StoryInfo {
    /// The key of its title.
    pub fn title_key(&self) -> String {
        format!("stories.{}.title", self.id)
    }

    /// The key of its one-line summary.
    pub fn summary_key(&self) -> String {
        format!("stories.{}.summary", self.id)
    }

    /// The name of its pack: its structure and its words, per language.
    pub fn pack(&self) -> String {
        story_pack(self.id)
    }
}

/// Every story, in the order the title screen offers them; at least one.
pub const STORIES: &[StoryInfo] = include!(concat!(env!("OUT_DIR"), "/stories.rs"));

/// The story the game opens with, and the one a save from before there
/// were others belongs to.
pub fn first_story() -> &'static StoryInfo {
    &STORIES[0]
}

/// The story with this id, if the catalogue lists it.
pub fn story_info(id: &str) -> Option<&'static StoryInfo> {
    STORIES.iter().find(|s| s.id == id)
}

/// The name of the pack of story `id` (the build script names it so).
pub fn story_pack(id: &str) -> String {
    format!("story-{id}")
}

impl Story {
    /// The story in a story's pack (its structure, packed by the build
    /// script, is the pack's last entry). Native builds check it again
    /// here (the tests rely on that); the browser trusts the build's check
    /// and carries no checking code, and refuses only a pack that is not
    /// whole.
    pub fn from_pack(pack: &'static str) -> Result<Self, StoryError> {
        let marker = format!("{STRUCTURE_KEY}\u{1f}");
        let at =
            pack.rfind(&marker).ok_or_else(|| StoryError(String::from("the story's pack holds no story")))?;
        let packed = pack[at + marker.len()..].strip_suffix('\u{1e}').unwrap_or_default();
        let raw = RawStory::unpack(packed)
            .ok_or_else(|| StoryError(String::from("the story's pack is cut short or damaged")))?;
        #[cfg(not(target_arch = "wasm32"))]
        return Self::from_raw(&raw);
        #[cfg(target_arch = "wasm32")]
        Ok(Self::from_checked(&raw))
    }

    /// The first story, from the packs compiled into this build (natively,
    /// and in the test-only bundled build).
    #[cfg(any(not(target_arch = "wasm32"), feature = "bundled"))]
    pub fn load() -> Result<Self, StoryError> {
        Self::load_id(first_story().id)
    }

    /// The story `id`, from the packs compiled into this build.
    #[cfg(any(not(target_arch = "wasm32"), feature = "bundled"))]
    pub fn load_id(id: &str) -> Result<Self, StoryError> {
        let pack = story_pack(id);
        let (_, _, text) = crate::i18n::BUNDLE
            .iter()
            .find(|(tag, p, _)| *tag == crate::i18n::FALLBACK.tag() && *p == pack)
            .ok_or_else(|| StoryError(format!("no story is called \"{id}\"")))?;
        Self::from_pack(text)
    }
}
