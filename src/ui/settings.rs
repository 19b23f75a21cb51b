//! The browser's side of the player's settings: read and kept in
//! `localStorage`, applied to the page as attributes on `<html>` (its
//! `lang` and `dir`, and `data-text`, `data-motion`, `data-contrast`,
//! `data-spacing`, which the style sheet follows), and the Settings screen.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::{on_press, storage, use_heading_focus, use_words, Words};
use crate::i18n::{Catalogue, Lang};
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
    /// The languages fetched so far, kept for the rest of the visit.
    static FETCHED: RefCell<Vec<Words>> = const { RefCell::new(Vec::new()) };
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

/// The words of `lang`, given to `done`: at once if they are compiled in or
/// already fetched; else fetched from the file the page names for it
/// (`<meta name="once-sent-language" content="cy i18n-cy-….txt">`, written
/// by the build), read and checked. A file that cannot be fetched or read
/// gives a plain-words reason instead.
pub fn words_of(lang: Lang, done: impl FnOnce(Result<Words, String>) + 'static) {
    if let Some(words) = FETCHED.with(|f| f.borrow().iter().find(|w| w.lang() == lang).cloned()) {
        return done(Ok(words));
    }
    if let Ok(words) = Catalogue::load(lang) {
        return done(Ok(Rc::new(words)));
    }
    let url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name=once-sent-language][content^=\"{} \"]", lang.tag()))
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|c| c.split_once(' ').map(|(_, url)| url.to_string()));
    let (Some(window), Some(url)) = (web_sys::window(), url) else {
        return done(Err(format!("this page names no file for {}", lang.tag())));
    };
    // Called once, by whichever of success or failure comes.
    type Done = Rc<RefCell<Option<Box<dyn FnOnce(Result<Words, String>)>>>>;
    let done: Done = Rc::new(RefCell::new(Some(Box::new(done))));
    let give = |done: &Done, result: Result<Words, String>| {
        if let Some(f) = done.borrow_mut().take() {
            f(result);
        }
    };
    // Each callback is called at most once; they are few (one fetch per
    // language per visit), so they are left to live rather than tracked.
    let fail = |done: &Done, url: &str| {
        let (done, url) = (done.clone(), url.to_string());
        Closure::once(move |e: JsValue| give(&done, Err(format!("{url} could not be fetched: {e:?}"))))
    };
    let on_text = {
        let done = done.clone();
        Closure::once(move |text: JsValue| {
            let result = match text.as_string() {
                // Kept for the rest of the visit, so the words may live as long.
                Some(text) => Catalogue::from_blob(lang, Box::leak(text.into_boxed_str()))
                    .map(Rc::new)
                    .map_err(|e| e.to_string()),
                None => Err(String::from("the file holds no text")),
            };
            if let Ok(words) = &result {
                FETCHED.with(|f| f.borrow_mut().push(words.clone()));
            }
            give(&done, result);
        })
    };
    let on_response = {
        let (done, url, fail) = (done.clone(), url.clone(), fail(&done, &url));
        Closure::once(move |response: JsValue| match response.dyn_into::<web_sys::Response>() {
            Ok(r) if r.ok() => match r.text() {
                Ok(text) => {
                    let _ = text.then2(&on_text, &fail);
                    on_text.forget();
                    fail.forget();
                }
                Err(e) => give(&done, Err(format!("{url} could not be read: {e:?}"))),
            },
            Ok(r) => give(&done, Err(format!("{url} answered {}", r.status()))),
            Err(_) => give(&done, Err(format!("{url} gave no response"))),
        })
    };
    let on_fail = fail(&done, &url);
    let _ = window.fetch_with_str(&url).then2(&on_response, &on_fail);
    on_response.forget();
    on_fail.forget();
    // A file that never answers (a hung network) gives up in the end, so
    // that the game says so rather than waiting for ever; an answer after
    // that is still kept for the next time the language is chosen.
    let give_up = super::timer::later(LANGUAGE_TIMEOUT_MS, move || {
        give(&done, Err(format!("{url} did not answer within {} seconds", LANGUAGE_TIMEOUT_MS / 1000)))
    });
    std::mem::forget(give_up);
}

/// How long a language's file may take before the game gives up on it.
const LANGUAGE_TIMEOUT_MS: i32 = 6_000;

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
