//! The settings on screen: the settings and the way to change them, shared
//! with every screen ([`Prefs`]), the language switch, and the Settings
//! screen. Reading, keeping and applying them is `effects::settings`.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::settings::{Motion, Settings, TEXT_SIZES};
use crate::ui::{on_press, use_heading_focus, use_words, Words};

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
                { toggle(&words, "contrast", "ui.settings.contrast", "ui.settings.contrast_hint", settings.contrast,
                    change(Rc::new(|s| Settings { contrast: !s.contrast, ..s }))) }
                { toggle(&words, "spacing", "ui.settings.spacing", "ui.settings.spacing_hint", settings.spacing,
                    change(Rc::new(|s| Settings { spacing: !s.spacing, ..s }))) }
            </fieldset>
            <p class="hint">{ words.t("ui.settings.kept") }</p>
            <button type="button" class="primary" onclick={on_press(&props.onclose)}>
                { words.t("ui.settings.done") }
            </button>
        </section>
    }
}

/// One of a setting's choices: a radio button named `name`, its `label`
/// (in the language `lang`, if it is a language's own name).
fn radio(
    name: &'static str,
    value: String,
    label: String,
    lang: Option<&'static str>,
    checked: bool,
    onchange: Callback<Event>,
) -> Html {
    let id = format!("{name}-{value}");
    html! {
        <label class="option" for={id.clone()} {lang}>
            <input type="radio" {id} {name} value={value} {checked} {onchange} />
            { label }
        </label>
    }
}

/// A setting that is on or off: a checkbox with its label and a hint.
fn toggle(
    words: &Words,
    id: &'static str,
    label: &str,
    hint: &str,
    checked: bool,
    onchange: Callback<Event>,
) -> Html {
    let hint_id = format!("{id}-hint");
    html! {
        <div class="option toggle">
            <input type="checkbox" {id} {checked} {onchange} aria-describedby={hint_id.clone()} />
            <label for={id}>{ words.t(label) }</label>
            <p class="hint" id={hint_id}>{ words.t(hint) }</p>
        </div>
    }
}
