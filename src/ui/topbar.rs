//! The bar above every screen: where the player is, Help, Quick exit, and
//! Start again. Quick exit (also the Escape key, anywhere) leaves the game
//! for a neutral page at once, replacing it in the browser's history so
//! that Back does not return to it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{on_press, use_words};

/// Leaves the game for the neutral page named in the catalogue, without
/// leaving the game in the back history.
pub fn quick_exit(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(url);
    }
}

/// Calls `f` with every `name` event the window receives (as `E`, such as
/// a `KeyboardEvent`), for as long as the calling component is on screen.
#[hook]
pub fn use_window_event<E, F>(name: &'static str, f: F)
where
    E: JsCast + 'static,
    F: Fn(E) + 'static,
{
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            if let Ok(e) = e.dyn_into::<E>() {
                f(e);
            }
        });
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = &window {
                let _ = w.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
            }
        }
    });
}

/// Quick exit on the Escape key, wherever focus is, for as long as the
/// calling component is on screen.
#[hook]
pub fn use_escape_to_exit() {
    let url = use_words().t("ui.quick_exit.url").to_string();
    use_window_event("keydown", move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            quick_exit(&url);
        }
    });
}

/// Props of [`TopBar`].
#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    /// Where the player is, such as "Chapter 2 of 4: The picture".
    #[prop_or_default]
    pub chapter: Option<String>,
    /// The player opened Help.
    pub onhelp: Callback<()>,
    /// The player opened Settings.
    pub onsettings: Callback<()>,
    /// The player pressed Start again; none on the title screen.
    #[prop_or_default]
    pub onstartagain: Option<Callback<()>>,
}

/// Game name or chapter, then Help, Quick exit and Start again.
#[component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let words = use_words();
    let exit = {
        let url = words.t("ui.quick_exit.url").to_string();
        Callback::from(move |_: MouseEvent| quick_exit(&url))
    };
    html! {
        <header class="top-bar">
            <span class="top-title">{ words.t("ui.title") }</span>
            if let Some(chapter) = &props.chapter {
                <span class="top-chapter">{ chapter }</span>
            }
            <span class="top-actions">
                <button type="button" class="quiet" onclick={on_press(&props.onhelp)}>
                    { words.t("ui.help_page.open") }
                </button>
                <button type="button" class="quiet icon" onclick={on_press(&props.onsettings)}
                    aria-label={words.t("ui.settings.open").to_string()} title={words.t("ui.settings.open").to_string()}>
                    { sliders() }
                </button>
                if let Some(again) = &props.onstartagain {
                    <button type="button" class="quiet" onclick={on_press(again)}>
                        { words.t("ui.start_again") }
                    </button>
                }
                <button type="button" class="quiet exit" onclick={exit}
                    title={words.t("ui.quick_exit.hint").to_string()}>
                    { words.t("ui.quick_exit.label") }
                </button>
            </span>
        </header>
    }
}

/// The Settings button's picture: three sliders.
fn sliders() -> Html {
    html! {
        <svg viewBox="0 0 24 24" width="22" height="22" focusable="false" aria-hidden="true">
            <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2" />
            <circle cx="8" cy="6" r="2.5" fill="currentColor" />
            <circle cx="16" cy="12" r="2.5" fill="currentColor" />
            <circle cx="10" cy="18" r="2.5" fill="currentColor" />
        </svg>
    }
}
