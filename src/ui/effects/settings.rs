//! The browser's side of the player's settings: read and kept in
//! `localStorage`, applied to the page as attributes on `<html>` (its
//! `lang` and `dir`, and `data-text`, `data-motion`, `data-contrast`,
//! `data-spacing`, which the style sheet follows), followed from another
//! window, and a language the game could not start in. The Settings screen
//! is in `parts::settings`.

use std::cell::RefCell;

use super::storage;
use crate::i18n::Lang;
use crate::settings::{Settings, SETTINGS_KEY, TEXT_SIZES};

/// The settings from storage; the defaults where there are none, or where
/// what is there cannot be read (then it is cleared).
pub fn load() -> Settings {
    match storage::read(SETTINGS_KEY).map(|text| Settings::decode(&text)) {
        Some(Ok(settings)) => settings,
        Some(Err(_)) => {
            web_sys::console::warn_1(&format!("{SETTINGS_KEY}: not readable; the defaults are used").into());
            storage::remove(SETTINGS_KEY);
            Settings::default()
        }
        None => Settings::default(),
    }
}

/// The device's languages, most preferred first.
pub fn device_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let mut all: Vec<String> = nav.languages().iter().filter_map(|l| l.as_string()).collect();
    all.extend(nav.language());
    all
}

fn device_reduces_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Puts the settings on the page: `<html lang dir data-…>`.
pub fn apply(settings: &Settings, lang: Lang) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let set = |name: &str, value: Option<&str>| {
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    };
    set("lang", Some(lang.tag()));
    set("dir", Some(lang.dir()));
    let text = settings.text_size().to_string();
    set("data-text", (settings.text_size() != TEXT_SIZES[0]).then_some(&text));
    set("data-motion", settings.motion.reduced(device_reduces_motion()).then_some("reduce"));
    set("data-contrast", settings.contrast.then_some("high"));
    set("data-spacing", settings.spacing.then_some("wide"));
}

/// Whether motion is reduced now, by the setting or by the device.
pub fn motion_reduced() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.get_attribute("data-motion").as_deref() == Some("reduce"))
}

thread_local! {
    /// A language the game was to start in but could not fetch.
    static MISSED: RefCell<Option<Lang>> = const { RefCell::new(None) };
}

/// Notes that the game starts in the fallback because `lang` could not be
/// fetched, for the first screen to say so.
pub fn missed_at_start(lang: Lang) {
    MISSED.with(|m| *m.borrow_mut() = Some(lang));
}

/// The language the game could not start in, once.
pub fn take_missed() -> Option<Lang> {
    MISSED.with(|m| m.borrow_mut().take())
}

/// Follows changes made in another window of the game on this device (the
/// projector's view follows the presenter's settings).
pub fn from_storage_event(e: &web_sys::StorageEvent) -> Option<Settings> {
    (e.key().as_deref() == Some(SETTINGS_KEY))
        .then(|| e.new_value().and_then(|t| Settings::decode(&t).ok()).unwrap_or_default())
}
