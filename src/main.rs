//! The first part of the game, the first load: the title and the story.
//! Every other door loads the rest of the game (`src/whole.rs`), which
//! stops this part (`stop`) and takes the page over.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    once_sent::ui::start();
}

/// Stops this part of the game, for the rest of the game to take over.
#[wasm_bindgen]
pub fn stop() {
    once_sent::ui::stop();
}
