//! Right to left: the game's own style sheet, with the test-only pseudo-
//! language (the English words, laid out right to left), mirrors every
//! part of a screen, with no copy of any screen and no rule written for
//! right to left. Each screen is laid out in English and in the
//! pseudo-language, and each part's box must be the other's reflection.
//! Run with `cargo test --target wasm32-unknown-unknown --features pseudo --test mirror`.
#![cfg(all(target_arch = "wasm32", feature = "pseudo"))]

use std::rc::Rc;

use once_sent::i18n::{Catalogue, Lang};
use once_sent::story::Story;
use once_sent::ui::{App, AppProps, Shared, WHOLE};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const STYLE: &str = include_str!("../assets/style.css");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The game's style sheet, once, as the page has it.
fn add_style() {
    if document().get_element_by_id("game-style").is_none() {
        let style = document().create_element("style").unwrap();
        style.set_id("game-style");
        style.set_text_content(Some(STYLE));
        document().head().unwrap().append_child(&style).unwrap();
    }
}

/// The parts of a screen: each one's selector and its box's left and right
/// edges; and the width of the page they are laid out in.
type Boxes = (Vec<(&'static str, f64, f64)>, f64);

/// The App in `lang`, played from the title to the first chat; the boxes
/// of `parts` on each screen on the way, in order.
async fn lay_out(lang: Lang, screens: &[(&[&'static str], Option<&str>)]) -> Vec<Boxes> {
    add_style();
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let root = document().create_element("main").unwrap();
    root.set_id("app");
    document().body().unwrap().append_child(&root).unwrap();
    let words = Rc::new(Catalogue::load(lang).unwrap());
    let story = Ok(Shared(Rc::new(Story::load().unwrap())));
    let app = yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps { words, story: Some(story), lang: None, screens: WHOLE },
    )
    .render();
    yew::scheduler::flush().await;
    let mut all = Vec::new();
    for (parts, then) in screens {
        let mut boxes = Vec::new();
        for part in *parts {
            let el = root.query_selector(part).unwrap().unwrap_or_else(|| panic!("no {part} on screen"));
            let r = el.get_bounding_client_rect();
            boxes.push((*part, r.left(), r.right()));
        }
        let width = f64::from(document().document_element().unwrap().client_width());
        all.push((boxes, width));
        if let Some(selector) = then {
            let el: HtmlElement = root.query_selector(selector).unwrap().unwrap().dyn_into().unwrap();
            el.click();
            yew::scheduler::flush().await;
        }
    }
    app.destroy();
    root.remove();
    all
}

fn dir() -> String {
    document().document_element().unwrap().get_attribute("dir").unwrap_or_default()
}

#[wasm_bindgen_test]
async fn every_part_of_every_screen_is_mirrored_right_to_left() {
    let screens: &[(&[&str], Option<&str>)] = &[
        // The title: the bar's actions, the switch, the content note, the doors.
        (
            &[".top-actions", ".language", ".title h1", ".content-note", ".doors button.primary"],
            Some(".doors button.primary"),
        ),
        // Choosing who to be.
        (&[".top-actions", "h1", ".screen button"], Some(".screen button")),
        // The lock screen.
        (&[".top-actions", ".lock-time", ".notification"], Some(".lock button")),
        // The first chat: the app's bar, others' bubbles, the choices.
        (&[".top-actions", ".app-bar", ".msg", ".choice"], None),
    ];
    let ltr = lay_out(Lang::EnGb, screens).await;
    let rtl = lay_out(Lang::Rtl, screens).await;
    assert_eq!(dir(), "rtl", "the page is laid out right to left");
    let mut wrong = Vec::new();
    for (screen, ((a, width), (b, _))) in ltr.iter().zip(&rtl).enumerate() {
        for ((part, l, r), (_, l2, r2)) in a.iter().zip(b) {
            // The reflection of [l, r] in a page `width` wide is [width - r, width - l].
            // The language switch names the other language, whose width
            // differs: only its inline-end edge is compared.
            let start_differs = *part != ".language" && (r2 - (width - l)).abs() > 1.5;
            if (l2 - (width - r)).abs() > 1.5 || start_differs {
                wrong.push(format!(
                    "screen {screen} {part}: [{l}, {r}] left to right, [{l2}, {r2}] right to left"
                ));
            }
        }
    }
    // Something on each screen must sit off the centre, or mirroring proves nothing.
    for (screen, (boxes, width)) in ltr.iter().enumerate() {
        assert!(
            boxes.iter().any(|(_, l, r)| ((l + r) / 2.0 - width / 2.0).abs() > 20.0),
            "screen {screen}: everything is centred"
        );
    }
    assert!(wrong.is_empty(), "not mirrored:\n{}", wrong.join("\n"));
}

#[wasm_bindgen_test]
fn the_style_sheet_has_no_rule_for_one_direction_only() {
    // Logical properties (inline-start, inline-end) mirror by themselves; a
    // physical one (left, right, margin-left, text-align: right...) would
    // need a second rule for right to left, which is what we never write.
    let physical = [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        "text-align: left",
        "text-align: right",
        "float:",
        "[dir",
        ":dir(",
    ];
    let found: Vec<&str> = physical.iter().copied().filter(|p| STYLE.contains(p)).collect();
    let positioned: Vec<&str> = STYLE
        .split([';', '{', '}'])
        .map(str::trim)
        .filter(|decl| decl.starts_with("left:") || decl.starts_with("right:"))
        .collect();
    assert!(found.is_empty() && positioned.is_empty(), "physical: {found:?} {positioned:?}");
}

#[wasm_bindgen_test]
fn the_pseudo_language_is_english_words_right_to_left() {
    let rtl = Catalogue::load(Lang::Rtl).unwrap();
    let en = Catalogue::load(Lang::EnGb).unwrap();
    assert_eq!(Lang::Rtl.dir(), "rtl");
    assert_eq!(rtl.t("ui.start"), en.t("ui.start"));
    assert!(!Lang::ALL.contains(&Lang::Rtl), "never offered to a player");
}
