//! Component tests: the real App rendered in headless Chromium, driven by
//! clicks, checked through the DOM a player would see. Run with
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use once_sent::game::spread;
use once_sent::i18n::{Catalogue, FALLBACK};
use once_sent::save::{decode, SAVE_KEY};
use once_sent::sim::{self, Params};
use once_sent::story::raw::RawStory;
use once_sent::story::{Effect, Story};
use once_sent::ui::{show_crash, App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn words() -> Rc<Catalogue> {
    Rc::new(Catalogue::load(FALLBACK).unwrap())
}

/// Renders the App with `story` into a fresh element and waits for it.
async fn render(story: Result<Rc<Story>, String>) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { words: words(), story }).render();
    yew::scheduler::flush().await;
    root
}

async fn render_game() -> Element {
    render(Ok(Rc::new(Story::load().unwrap()))).await
}

fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

/// Clicks the button whose visible text is `label`.
async fn click(root: &Element, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button \"{label}\" in: {}", text(root)));
    button.click();
    yew::scheduler::flush().await;
}

fn heading(root: &Element) -> String {
    root.query_selector("h1").unwrap().expect("every screen has a heading").text_content().unwrap()
}

#[wasm_bindgen_test]
async fn the_title_screen_shows_the_name_and_the_content_note() {
    storage().clear().unwrap();
    let w = words();
    let root = render_game().await;
    assert_eq!(heading(&root), w.t("ui.title"));
    assert!(text(&root).contains(w.t("ui.content_note.body")));
    assert!(text(&root).contains(w.t("ui.content_note.help")));
}

#[wasm_bindgen_test]
async fn start_opens_the_chat_with_a_closed_photo_card_and_three_choices() {
    storage().clear().unwrap();
    let w = words();
    let root = render_game().await;
    click(&root, w.t("ui.start")).await;
    let card = root.query_selector("[role=img]").unwrap().expect("the photo card");
    assert_eq!(card.get_attribute("aria-label").unwrap(), w.t("ui.photo.description"));
    assert!(root.query_selector("img, video, canvas").unwrap().is_none(), "no picture is ever drawn");
    let choices = root.query_selector_all(".choice-sheet button").unwrap();
    let labels: Vec<String> =
        (0..choices.length()).map(|i| choices.item(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(
        labels,
        ["class_chat.choice.forward", "class_chat.choice.delete", "class_chat.choice.tell"]
            .map(|k| w.t(&format!("scene.{k}")).to_string())
    );
}

/// Plays one choice to the outcome and returns the number on screen and the
/// saved game's own outcome.
async fn play_choice(choice: &str) -> (Element, u32, u32) {
    storage().clear().unwrap();
    let w = words();
    let root = render_game().await;
    click(&root, w.t("ui.start")).await;
    click(&root, w.t(&format!("scene.class_chat.choice.{choice}"))).await;
    let shown: u32 =
        root.query_selector(".big-number strong").unwrap().unwrap().text_content().unwrap().parse().unwrap();
    let saved = storage().get_item(SAVE_KEY).unwrap().expect("the game saves itself");
    let game = decode(&saved, &Story::load().unwrap()).unwrap();
    (root, shown, game.outcome.unwrap().holding)
}

#[wasm_bindgen_test]
async fn the_outcome_shows_the_simulation_s_count_for_the_saved_seed() {
    for (choice, effect) in
        [("forward", Effect::Forward), ("delete", Effect::Delete), ("tell", Effect::TellSomeone)]
    {
        let (root, shown, saved) = play_choice(choice).await;
        assert_eq!(shown, saved, "{choice}");
        let seed =
            decode(&storage().get_item(SAVE_KEY).unwrap().unwrap(), &Story::load().unwrap()).unwrap().seed;
        assert_eq!(shown, spread(effect, seed).holding, "{choice}");
        assert_eq!(heading(&root), words().t("scene.what_happened.title"));
    }
}

#[wasm_bindgen_test]
async fn the_ending_shows_childline_and_start_again_returns_to_the_title() {
    let w = words();
    let (root, _, _) = play_choice("tell").await;
    click(&root, w.t("ui.next")).await;
    assert!(text(&root).contains(w.t("ui.help.childline_number")));
    let link = root.query_selector("a[href^='tel:']").unwrap().expect("a number to call");
    assert_eq!(link.get_attribute("href").unwrap(), "tel:08001111");
    click(&root, w.t("ui.start_again")).await;
    assert_eq!(heading(&root), w.t("ui.title"));
}

#[wasm_bindgen_test]
async fn a_corrupt_save_starts_afresh_with_a_notice_and_is_cleared() {
    let w = words();
    storage().set_item(SAVE_KEY, "{\"version\":1,\"scene\":").unwrap();
    let root = render_game().await;
    assert_eq!(heading(&root), w.t("ui.title"));
    let notice = root.query_selector("[role=status]").unwrap().expect("a notice");
    assert!(notice.text_content().unwrap().contains(w.t("ui.notice.save_reset")));
    assert!(decode(&storage().get_item(SAVE_KEY).unwrap().unwrap(), &Story::load().unwrap()).is_ok());
    click(&root, w.t("ui.notice.dismiss")).await;
    assert!(root.query_selector("[role=status]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_saved_game_resumes_where_it_was() {
    let w = words();
    let (_, shown, _) = play_choice("forward").await;
    let root = render_game().await;
    assert_eq!(heading(&root), w.t("scene.what_happened.title"));
    let again: u32 =
        root.query_selector(".big-number strong").unwrap().unwrap().text_content().unwrap().parse().unwrap();
    assert_eq!(again, shown);
}

#[wasm_bindgen_test]
async fn a_broken_story_shows_what_is_wrong_instead_of_a_blank_page() {
    let w = words();
    let broken = RawStory { start: "nowhere".into(), people: Vec::new().into(), scenes: Vec::new().into() };
    let problem = Story::from_raw(&broken).unwrap_err().to_string();
    let root = render(Err(problem.clone())).await;
    assert_eq!(heading(&root), w.t("ui.error.heading"));
    assert!(text(&root).contains(&problem), "{}", text(&root));
}

#[wasm_bindgen_test]
fn a_crash_reveals_the_page_s_own_message() {
    let doc = document();
    for (id, tag) in [("app", "main"), ("crash", "section"), ("crash-detail", "pre")] {
        let el = doc.create_element(tag).unwrap();
        el.set_id(id);
        if id == "crash" {
            el.set_attribute("hidden", "").unwrap();
        }
        doc.body().unwrap().append_child(&el).unwrap();
    }
    show_crash("the detail");
    let crash = doc.get_element_by_id("crash").unwrap().dyn_into::<HtmlElement>().unwrap();
    assert!(!crash.hidden());
    assert!(doc.get_element_by_id("app").unwrap().dyn_into::<HtmlElement>().unwrap().hidden());
    assert_eq!(doc.get_element_by_id("crash-detail").unwrap().text_content().unwrap(), "the detail");
}

#[wasm_bindgen_test]
fn a_seed_gives_the_same_spread_in_the_browser_as_natively() {
    // The same table is asserted natively in tests/sim.rs.
    for (seed, act, want) in sim_golden() {
        let got = sim::play_out(act, &Params::default(), seed);
        assert_eq!((got.seen, got.holding, got.from_player), want, "seed {seed} {act:?}");
    }
}

include!("common/golden.rs");
