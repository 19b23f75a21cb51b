//! The whole game, every door: loaded when the first part (`src/main.rs`)
//! comes to a door it does not have (Start pressed, say), and then the game for the rest of
//! the visit. The single-file edition is this part alone.

use wasm_bindgen::prelude::wasm_bindgen;

/// Nothing at load: the page's start-up module calls [`take_over`] once
/// this part has arrived.
fn main() {}

/// Takes the page over from the first part of the game, which `stop`
/// stops; with none, starts in an empty page (the single-file edition).
#[wasm_bindgen]
pub fn take_over(stop: Option<js_sys::Function>) {
    once_sent::ui::take_over(stop);
}
