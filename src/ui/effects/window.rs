//! The window's side of the shell: its events, for as long as a component
//! is on screen (and Escape's Quick exit among them), the address's `#…`
//! part as it changes, and Quick exit itself, which leaves the game for a
//! neutral page at once, replacing it in the browser's history so that
//! Back does not return to it.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::use_words;

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
    let f: Rc<dyn Fn(web_sys::Event)> = Rc::new(move |e: web_sys::Event| {
        if let Ok(e) = e.dyn_into::<E>() {
            f(e);
        }
    });
    use_window_listener(name, f);
}

/// [`use_window_event`] for any listener: one copy in the bundle, not one
/// per caller.
#[hook]
fn use_window_listener(name: &'static str, f: Rc<dyn Fn(web_sys::Event)>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| f(e));
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

/// The address's `#…` part, kept up to date as it changes.
#[hook]
pub fn use_hash() -> String {
    let read = || web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let hash = use_state(read);
    {
        let hash = hash.clone();
        use_window_event("hashchange", move |_: web_sys::Event| hash.set(read()));
    }
    (*hash).clone()
}
