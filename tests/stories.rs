//! A story added as data alone: `scripts/test.sh` copies the shipped story
//! (its structure and its words in every language) under a new id into a
//! fixture folder beside `tests/fixture/` (its catalogue entry and title),
//! and builds these tests with that folder laid over `assets/` (the
//! test-only `fixture` feature). No Rust names the new story: these tests
//! find it on the title screen and play it to its ending in headless
//! Chromium, its game saved apart from the first story's.
//! Run by `scripts/test.sh` (step 2), with `--features bundled,fixture`.
#![cfg(all(target_arch = "wasm32", feature = "fixture"))]

use std::rc::Rc;

use once_sent::content::{first_story, STORIES};
use once_sent::game::{At, Game};
use once_sent::i18n::{Catalogue, FALLBACK};
use once_sent::keys::{save_key, STORY_KEY};
use once_sent::save::decode;
use once_sent::sim::Worlds;
use once_sent::story::{SceneKind, Story};
use once_sent::ui::{App, AppProps, WHOLE};
use wasm_bindgen_test::*;
use web_sys::Element;

#[path = "common/dom.rs"]
mod dom;
use dom::{button, buttons, text};

wasm_bindgen_test_configure!(run_in_browser);

const COPY: &str = "once-sent-copy";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn words() -> Catalogue {
    Catalogue::load(FALLBACK).unwrap()
}

async fn render() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps { words: Rc::new(words()), story: None, lang: None, screens: WHOLE };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Lets every render and effect run.
async fn settle() {
    for _ in 0..3 {
        yew::scheduler::flush().await;
    }
}

/// Clicks the button whose visible text is `label`.
async fn click(root: &Element, label: &str) {
    button(root, label).click();
    settle().await;
}

fn saved(story: &Story, worlds: &Worlds) -> Option<Game> {
    storage().get_item(&save_key(COPY)).unwrap().map(|t| decode(&t, story, worlds).unwrap())
}

#[wasm_bindgen_test]
async fn a_story_added_as_data_alone_is_offered_on_the_title_and_played_to_its_ending() {
    let worlds = Worlds::default();
    storage().clear().unwrap();
    let w = words();
    assert_eq!(STORIES.last().map(|s| s.id), Some(COPY), "the shipped stories, then the copy");
    let root = render().await;
    // The title offers both, each with what a teacher needs to choose it.
    assert!(text(&root).contains(w.t("ui.stories.heading")), "{}", text(&root));
    // Start plays the story chosen last: at first, the catalogue's first.
    assert!(buttons(&root, "button").iter().any(|b| b.text_content().unwrap().trim() == w.t("ui.start")));
    let cards = buttons(&root, ".story-card");
    assert_eq!(cards.len(), STORIES.len(), "a card for every story");
    assert!(cards[0].text_content().unwrap().contains(w.t("ui.stories.current")), "the first is Start's");
    let copy = cards.last().unwrap().text_content().unwrap();
    assert!(!copy.contains(w.t("ui.stories.current")), "{copy}");
    for part in [
        "A copy of Once Sent",
        "The same story, added as data alone.",
        "From Year 9",
        "About 15 minutes",
        "Sharing a picture",
    ] {
        assert!(copy.contains(part), "{part:?} in {copy:?}");
    }

    // Play it: it starts at once, saved under its own key.
    click(&root, "Play A copy of Once Sent").await;
    assert_eq!(storage().get_item(STORY_KEY).unwrap().as_deref(), Some(COPY));
    assert_eq!(root.query_selector("h1").unwrap().unwrap().text_content().unwrap(), w.t("ui.pick.heading"));
    buttons(&root, ".card")[0].click();
    settle().await;
    let story = Story::load_id(COPY).unwrap();
    for _ in 0..story.scenes().len() * 2 {
        let Some(Game { at: At::Scene(id), .. }) = saved(&story, &worlds) else {
            panic!("not in a scene: {}", text(&root))
        };
        let scene = story.scene(&id);
        if scene.kind == SceneKind::Ending {
            break;
        }
        match scene.kind {
            SceneKind::Lock => click(&root, w.t("ui.lock.open")).await,
            SceneKind::Chats => {
                buttons(&root, ".open-chat")[0].click();
                settle().await;
            }
            _ if !scene.choices.is_empty() => {
                buttons(&root, ".choice")[0].click();
                settle().await;
            }
            _ => click(&root, w.t("ui.next")).await,
        }
    }
    let Some(Game { at: At::Scene(id), .. }) = saved(&story, &worlds) else { panic!("no game") };
    assert_eq!(story.scene(&id).kind, SceneKind::Ending, "the copy plays to an ending");
    // Every ending says where help is.
    assert!(
        text(&root).contains(w.t("ui.help.heading")) && text(&root).contains("0800 1111"),
        "{}",
        text(&root)
    );
    // The first story's game is its own, untouched.
    assert_eq!(storage().get_item(&save_key(first_story().id)).unwrap(), None);
}
