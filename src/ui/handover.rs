//! What one part of the game hands the next as it takes the page over
//! (`src/main.rs` to `src/whole.rs`, [`super::take_over`]), beyond what
//! storage keeps: the story the player asked to start, which the title
//! starts as soon as the story's screen shows. The settings, the language
//! and the game under way are kept on the device, and read again.

use std::cell::Cell;

thread_local! {
    /// A story chosen on the title screen, to start as soon as it shows.
    static START: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// The story `id` is to start as soon as its screen shows.
pub fn start(id: &'static str) {
    START.set(Some(id));
}

/// The story to start, if one is waiting to.
pub fn started() -> Option<&'static str> {
    START.get()
}

/// Whether the story to start is `id`; none waits after.
pub fn take_started(id: &str) -> bool {
    START.take() == Some(id)
}
