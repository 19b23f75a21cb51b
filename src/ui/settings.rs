//! The browser's side of the player's settings: read and kept in
//! `localStorage`, applied to the page as attributes on `<html>` (its
//! `lang` and `dir`, and `data-text`, `data-motion`, `data-contrast`,
//! `data-spacing`, which the style sheet follows), and the Settings screen.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::{on_press, storage, use_heading_focus, use_words, Words};
use crate::i18n::Lang;
use crate::settings::{Motion, Settings, SETTINGS_KEY, TEXT_SIZES};

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

/// The settings, and the way to change them, shared with every screen.
#[derive(Clone, PartialEq)]
pub struct Prefs {
    /// The settings now.
    pub settings: Settings,
    /// Changes, keeps and applies them.
    pub set: Callback<Settings>,
}

/// The settings from context. Every component below the App has them.
#[hook]
pub fn use_prefs() -> Prefs {
    use_context::<Prefs>().expect("App provides the settings")
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

/// A button that switches to the next language, named in that language
/// and marked as in it, so that a screen reader says it as its speakers do.
pub fn language_switch(words: &Words, prefs: &Prefs) -> Html {
    let all = Lang::ALL;
    let next = all[all.iter().position(|l| *l == words.lang()).map_or(0, |i| (i + 1) % all.len())];
    let Prefs { settings, set } = prefs.clone();
    let onclick = Callback::from(move |_: MouseEvent| set.emit(Settings { lang: Some(next), ..settings }));
    html! {
        <button type="button" class="quiet language" lang={next.tag()} {onclick}>{ next.own_name() }</button>
    }
}

/// Props of [`SettingsScreen`].
#[derive(Properties, PartialEq)]
pub struct SettingsScreenProps {
    /// The player closed Settings, back to where they were.
    pub onclose: Callback<()>,
}

/// Language, text size, motion, contrast and spacing, each applied at
/// once and kept on this device.
#[component]
pub fn SettingsScreen(props: &SettingsScreenProps) -> Html {
    let words = use_words();
    let Prefs { settings, set } = use_prefs();
    let heading = use_heading_focus();
    let change = |f: Rc<dyn Fn(Settings) -> Settings>| {
        let set = set.clone();
        Callback::from(move |_: Event| set.emit(f(settings)))
    };
    let radio = |name: &'static str,
                 value: String,
                 label: String,
                 lang: Option<&'static str>,
                 checked: bool,
                 onchange: Callback<Event>| {
        let id = format!("{name}-{value}");
        html! {
            <label class="option" for={id.clone()} {lang}>
                <input type="radio" {id} {name} value={value} {checked} {onchange} />
                { label }
            </label>
        }
    };
    let toggle = |id: &'static str, label: &str, hint: &str, checked: bool, onchange: Callback<Event>| {
        let hint_id = format!("{id}-hint");
        html! {
            <div class="option toggle">
                <input type="checkbox" {id} {checked} {onchange} aria-describedby={hint_id.clone()} />
                <label for={id}>{ words.t(label) }</label>
                <p class="hint" id={hint_id}>{ words.t(hint) }</p>
            </div>
        }
    };
    let motion_label = |m: Motion| match m {
        Motion::Device => words.t("ui.settings.motion_device"),
        Motion::Reduce => words.t("ui.settings.motion_reduce"),
        Motion::Play => words.t("ui.settings.motion_play"),
    };
    // The language chosen, even while its words are still on their way.
    let here = settings.lang.unwrap_or(words.lang());
    html! {
        <section class="screen settings" role="dialog" aria-modal="true" aria-labelledby="settings-heading">
            <h1 id="settings-heading" ref={heading} tabindex="-1">{ words.t("ui.settings.heading") }</h1>
            <fieldset>
                <legend>{ words.t("ui.settings.language") }</legend>
                for lang in Lang::ALL {
                    { radio("lang", lang.tag().to_string(), lang.own_name().to_string(), Some(lang.tag()), lang == here,
                        change(Rc::new(move |s| Settings { lang: Some(lang), ..s }))) }
                }
            </fieldset>
            <fieldset>
                <legend>{ words.t("ui.settings.text_size") }</legend>
                for size in TEXT_SIZES {
                    { radio("text", size.to_string(), words.t_with("ui.settings.percent", &[("n", &size.to_string())]), None,
                        settings.text_size() == size, change(Rc::new(move |s| Settings { text: Some(size), ..s }))) }
                }
            </fieldset>
            <fieldset>
                <legend>{ words.t("ui.settings.motion") }</legend>
                for m in Motion::ALL {
                    { radio("motion", m.name().to_string(), motion_label(m).to_string(), None, settings.motion == m,
                        change(Rc::new(move |s| Settings { motion: m, ..s }))) }
                }
            </fieldset>
            <fieldset>
                <legend>{ words.t("ui.settings.reading") }</legend>
                { toggle("contrast", "ui.settings.contrast", "ui.settings.contrast_hint", settings.contrast,
                    change(Rc::new(|s| Settings { contrast: !s.contrast, ..s }))) }
                { toggle("spacing", "ui.settings.spacing", "ui.settings.spacing_hint", settings.spacing,
                    change(Rc::new(|s| Settings { spacing: !s.spacing, ..s }))) }
            </fieldset>
            <p class="hint">{ words.t("ui.settings.kept") }</p>
            <button type="button" class="primary" onclick={on_press(&props.onclose)}>
                { words.t("ui.settings.done") }
            </button>
        </section>
    }
}

/// Follows changes made in another window of the game on this device (the
/// projector's view follows the presenter's settings).
pub fn from_storage_event(e: &web_sys::StorageEvent) -> Option<Settings> {
    (e.key().as_deref() == Some(SETTINGS_KEY))
        .then(|| e.new_value().and_then(|t| Settings::decode(&t).ok()).unwrap_or_default())
}
