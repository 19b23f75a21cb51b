//! The content shipped with the game: the story, compiled in by the build
//! script from `assets/story/`. It lives outside `story` so that the build
//! script can include the story module to check the story before writing it.

use crate::story::{Story, StoryError};

/// The shipped story, as the build script wrote it.
mod shipped {
    use crate::story::raw::*;
    use std::borrow::Cow;
    include!(concat!(env!("OUT_DIR"), "/story.rs"));
}

impl Story {
    /// The shipped story. Native builds check it again here (the tests
    /// rely on that); the browser trusts the build script's check and
    /// carries no checking code.
    pub fn load() -> Result<Self, StoryError> {
        #[cfg(not(target_arch = "wasm32"))]
        return Self::from_raw(&shipped::STORY);
        #[cfg(target_arch = "wasm32")]
        Ok(Self::from_checked(&shipped::STORY))
    }
}
