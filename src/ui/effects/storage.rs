//! The browser's side of saving: reads and writes the one saved game (and
//! the settings and the knowledge check) in `localStorage`, and what one
//! window keeps only while it is open (Assembly's hall) in
//! `sessionStorage`. Storage that is blocked, full or throwing leaves the
//! game playable, just without saving, and the game says so; our own
//! spoiled keys are cleared when they are what blocks the save.

use crate::check::{Record, CHECK_KEY};
use crate::game::Game;
use crate::guides::{decode_before, QUIZ_KEY};
use crate::keys::{is_story_key, save_key, STORY_KEY};
use crate::save::{decode, encode, KEY_PREFIX};
use crate::settings::{Settings, SETTINGS_KEY};
use crate::sim::Worlds;
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

/// Reads the saved game of `story`, kept under `key`, if there is one (its
/// outcomes played again in the world `worlds` lends).
pub fn load(key: &str, story: &Story, worlds: &Worlds) -> Loaded {
    match read(key).map(|t| decode(&t, story, worlds)) {
        None => Loaded { game: Game::new(), reset: false },
        Some(Ok(game)) => Loaded { game, reset: false },
        Some(Err(e)) => {
            web_sys::console::warn_1(&format!("{key}: {e}").into());
            remove(key);
            Loaded { game: Game::new(), reset: true }
        }
    }
}

/// Keeps `game` under `key` for next time; whether it could be kept.
/// Where storage is full, the game's own spoiled or unknown keys are
/// cleared and it tries once more.
pub fn save(key: &str, game: &Game) -> bool {
    let text = encode(game);
    write(key, &text) || (clear_spoiled() && write(key, &text))
}

/// Clears the game's own keys that are no use to it (a spoiled setting or
/// score, an older version's key, one it does not know); whether it
/// cleared any. Keys of other sites' pages on this origin are never
/// touched.
fn clear_spoiled() -> bool {
    let Some(s) = storage() else { return false };
    let keys = ours(&s);
    let useless = |key: &str| {
        let value = s.get_item(key).ok().flatten().unwrap_or_default();
        match key {
            _ if is_story_key(key) => false,
            STORY_KEY => crate::content::story_info(&value).is_none(),
            SETTINGS_KEY => Settings::decode(&value).is_err(),
            QUIZ_KEY => decode_before(&value).is_none(),
            CHECK_KEY => Record::decode(&value).is_err(),
            _ => true,
        }
    };
    let spoiled: Vec<&String> = keys.iter().filter(|k| useless(k)).collect();
    for key in &spoiled {
        web_sys::console::warn_1(&format!("{key}: spoiled, cleared to make room for the saved game").into());
        let _ = s.remove_item(key);
    }
    !spoiled.is_empty()
}

/// What another tab or window did to the saved game, from a `storage`
/// event: `Some(Some(game))` it saved this game, `Some(None)` it started
/// again or forgot everything; `None` for any other key, or a value this
/// version cannot read. Its outcomes are played in the world `worlds`
/// lends.
pub fn save_changed(
    e: &web_sys::StorageEvent,
    key: &str,
    story: &Story,
    worlds: &Worlds,
) -> Option<Option<Game>> {
    if e.key().as_deref().is_some_and(|k| k != key) {
        return None;
    }
    match e.new_value() {
        None => Some(None),
        Some(text) => decode(&text, story, worlds).ok().map(Some),
    }
}

/// Every go at the knowledge check kept on this device (none yet: an empty
/// record), or why the one kept cannot be read.
pub fn check_record() -> Result<Record, String> {
    read(CHECK_KEY).map_or_else(|| Ok(Record::default()), |text| Record::decode(&text))
}

/// Today, as the knowledge check counts days: from 1 January 1970, by the
/// device's clock.
pub fn today() -> u32 {
    (js_sys::Date::now() / 86_400_000.0) as u32
}

/// The text kept under `key`, if storage works and has it.
pub fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Whether a game of story `id` is kept on this device: one begun (a game
/// back at its title is not kept).
pub fn game_kept(id: &str) -> bool {
    read(&save_key(id)).is_some()
}

/// Keeps `value` under `key`; whether it could (storage may be blocked,
/// full or throwing).
pub fn write(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Forgets what is kept under `key`; whether storage could be reached.
pub fn remove(key: &str) -> bool {
    storage().is_some_and(|s| s.remove_item(key).is_ok())
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
    for key in ours(s) {
        let _ = s.remove_item(&key);
    }
}

/// Every key in `s` that is the game's (under [`KEY_PREFIX`]); other pages
/// of this origin keep theirs.
fn ours(s: &web_sys::Storage) -> Vec<String> {
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(KEY_PREFIX))
        .collect()
}
