//! The first part of the game, the first load: the title.
//! Every other door loads the rest of the game (`src/whole.rs`), which
//! stops this part (`stop`) and takes the page over.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    once_sent::ui::start();
}

/// Stops this part of the game, for the rest of the game to take over;
/// gives the story the player asked to start, if any.
#[wasm_bindgen]
pub fn stop() -> Option<String> {
    once_sent::ui::stop()
}
