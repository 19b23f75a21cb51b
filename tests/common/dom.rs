//! Reading the rendered page as a player would, for the component tests
//! (tests/web.rs, tests/stories.rs): its text, its buttons.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Everything `root` says.
pub fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

/// The elements under `root` that match `selector`, as HTML elements.
pub fn buttons(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<HtmlElement>().ok()).collect()
}

/// The button whose visible text is `label`.
pub fn button(root: &Element, label: &str) -> HtmlElement {
    buttons(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button \"{label}\" in: {}", text(root)))
}
