//! The styles the title never shows (Explore's, Assembly's, the guides',
//! the knowledge check's and the poster's), which the build takes out of
//! the page and names in it instead (`<meta name="once-sent-styles"
//! content="./doors-….css">`): linked once, when one of those doors opens
//! or once the title has shown. The single-file edition
//! carries them inside its page and names no file, so there is nothing to
//! link.

/// Links the doors' styles to the page, once; nothing if the page names
/// none (the single-file edition) or they are linked already.
pub fn link_door_styles() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.query_selector("link[data-door-styles]").ok().flatten().is_some() {
        return;
    }
    let Some(href) = document
        .query_selector("meta[name=once-sent-styles]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
    else {
        return;
    };
    let (Ok(link), Some(head)) =
        (document.create_element("link"), document.query_selector("head").ok().flatten())
    else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("data-door-styles", "");
    let _ = head.append_child(&link);
}
