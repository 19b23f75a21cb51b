//! When something breaks beyond repair: the page's own fallback message
//! (in index.html, so it shows even when the game cannot start) is revealed
//! with the technical detail, instead of a frozen or blank page.

use wasm_bindgen::JsCast;

/// Shows the page's "something went wrong" panel with `detail` in it.
pub fn show_crash(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(app) = doc.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        app.set_hidden(true);
    }
    if let Some(el) = doc.get_element_by_id("crash-detail") {
        el.set_text_content(Some(detail));
    }
    if let Some(el) = doc.get_element_by_id("crash").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.set_hidden(false);
        let _ = el.focus();
    }
}

/// A panic shows the crash panel (and is logged for whoever debugs it).
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_crash(&info.to_string());
    }));
}
