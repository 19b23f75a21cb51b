//! The browser's side of saving: reads and writes the one saved game (and
//! the settings and the knowledge check) in `localStorage`, and what one
//! window keeps only while it is open (Assembly's hall) in
//! `sessionStorage`. Storage that is blocked, full or throwing leaves the
//! game playable, just without saving.

use crate::game::Game;
use crate::save::{decode, encode, SAVE_KEY};
use crate::story::Story;

/// What was found in storage at start-up.
pub struct Loaded {
    /// The game to continue, or a new one.
    pub game: Game,
    /// A saved game was there but could not be read, so the game starts
    /// afresh and the player is told.
    pub reset: bool,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// This window's own storage, which lasts while the window is open (and
/// through a reload of it).
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Reads the saved game, if there is one.
pub fn load(story: &Story) -> Loaded {
    match read(SAVE_KEY).map(|t| decode(&t, story)) {
        None => Loaded { game: Game::new(), reset: false },
        Some(Ok(game)) => Loaded { game, reset: false },
        Some(Err(e)) => {
            web_sys::console::warn_1(&format!("{SAVE_KEY}: {e}").into());
            remove(SAVE_KEY);
            Loaded { game: Game::new(), reset: true }
        }
    }
}

/// Keeps `game` for next time; silently does nothing where storage fails.
pub fn save(game: &Game) {
    write(SAVE_KEY, &encode(game));
}

/// The text kept under `key`, if storage works and has it.
pub fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key`; silently does nothing where storage fails.
pub fn write(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Forgets what is kept under `key`; silently does nothing where storage
/// fails.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The text this window kept under `key`, if storage works and has it.
pub fn session_read(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key` for as long as this window is open; silently
/// does nothing where storage fails.
pub fn session_write(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}

/// Forgets what this window kept under `key`.
pub fn session_remove(key: &str) {
    if let Some(s) = session() {
        let _ = s.remove_item(key);
    }
}

/// Forgets everything the game keeps (every key under
/// [`crate::save::KEY_PREFIX`], on the device and in this window); returns
/// whether the device's storage could be reached.
pub fn forget_all() -> bool {
    if let Some(s) = session() {
        forget_in(&s);
    }
    let Some(s) = storage() else { return false };
    forget_in(&s);
    true
}

/// Removes every key of the game's from `s`.
fn forget_in(s: &web_sys::Storage) {
    let keys: Vec<String> = (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|k| k.starts_with(crate::save::KEY_PREFIX)) {
        let _ = s.remove_item(key);
    }
}
