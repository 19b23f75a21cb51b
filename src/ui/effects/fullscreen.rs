//! Full screen for the projector's view, or back from it, asked of the
//! browser in a way that a refusal (a headless browser, a school laptop's
//! policy) is never a fault of the game.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Calls the method `name` of `this`, returning what it returns: a thrown
/// error, or a method the browser lacks, is an `Err`, never raised.
fn call(this: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    let method: js_sys::Function = js_sys::Reflect::get(this, &name.into())?.dyn_into()?;
    method.call0(this)
}

thread_local! {
    /// What a refused full screen does: nothing. One closure for the life
    /// of the page, so that each press leaks nothing.
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| ());
}

/// Full screen, or back from it. A refusal is no fault of the game: left
/// unhandled, the rejected promise reached boot.js's `unhandledrejection`
/// and showed the crash panel over a game still running (issue 15).
pub fn full_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    // web-sys declares both as returning nothing, but browsers now return
    // a promise, rejected where full screen is refused (some headless
    // browsers, a school laptop's policy): called by name, to have it.
    let asked = if document.fullscreen_element().is_some() {
        call(&document, "exitFullscreen")
    } else if let Some(root) = document.document_element() {
        call(&root, "requestFullscreen")
    } else {
        return;
    };
    // A browser that returns no promise has nothing to refuse later.
    if let Ok(promise) = asked.and_then(|p| p.dyn_into::<js_sys::Promise>()) {
        IGNORE.with(|ignore| {
            let _ = promise.catch(ignore);
        });
    }
}
