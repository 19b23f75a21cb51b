//! Component tests: the real App rendered in headless Chromium, driven by
//! clicks, checked through the DOM a player would see. The walk through
//! the story is driven by the story's own data (which scene comes next,
//! which choice has which effect), so the tests hold whatever the writers
//! change. Run with `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use once_sent::game::{spread, At, Game};
use once_sent::i18n::{Catalogue, FALLBACK};
use once_sent::save::{decode, SAVE_KEY};
use once_sent::sim::{self, Worlds};
use once_sent::story::{Effect, Scene, SceneKind, Story, StoryError};
use once_sent::ui::{show_crash, App, AppProps, Screens, Shared, StoryRef, FIRST, WHOLE};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

#[path = "common/dom.rs"]
mod dom;
use dom::{button, buttons, text};

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

fn story() -> Story {
    Story::load().unwrap()
}

/// Renders the App with `story` into a fresh element and waits for it.
async fn render(story: Result<StoryRef, String>) -> Element {
    render_part(story, WHOLE).await
}

/// Renders one part of the game (its `screens`) with `story`.
async fn render_part(story: Result<StoryRef, String>, screens: Screens) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps { words: words(), story: Some(story), lang: None, screens },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

async fn render_game() -> Element {
    render(Ok(Shared(Rc::new(story())))).await
}

/// Clicks the button whose visible text is `label`.
async fn click(root: &Element, label: &str) {
    button(root, label).click();
    yew::scheduler::flush().await;
}

fn heading(root: &Element) -> String {
    root.query_selector("h1").unwrap().expect("every screen has a heading").text_content().unwrap()
}

/// The game as saved after the last render.
fn saved(worlds: &Worlds) -> Game {
    decode(&storage().get_item(SAVE_KEY).unwrap().expect("the game saves itself"), &story(), worlds).unwrap()
}

/// Starts a new game as the first character on offer.
async fn start(root: &Element) {
    let w = words();
    click(root, w.t("ui.start")).await;
    let story = story();
    let first = &story.players()[0];
    let card = buttons(root, ".card").into_iter().next().expect("a character to pick");
    assert!(card.text_content().unwrap().contains(w.t(&format!("person.{first}.name"))));
    card.click();
    yew::scheduler::flush().await;
}

/// Picks, in the current scene, the choice with `effect` (or the first
/// choice, where none has it).
async fn choose(root: &Element, worlds: &Worlds, effect: Effect) {
    let story = story();
    let At::Scene(id) = saved(worlds).at else { panic!("not in a scene") };
    let scene = story.scene(&id);
    let index = scene.choices.iter().position(|c| c.effect == Some(effect)).unwrap_or(0);
    buttons(root, ".choice")[index].click();
    yew::scheduler::flush().await;
}

/// Goes on from a scene without choices: unlock the lock screen, open the
/// top chat of a list of chats, or press Next.
async fn go_on(root: &Element, scene: &Scene) {
    let w = words();
    match scene.kind {
        SceneKind::Lock => click(root, w.t("ui.lock.open")).await,
        SceneKind::Chats => {
            let open = buttons(root, ".open-chat");
            assert_eq!(open.len(), 1, "one chat to open");
            let top = &scene.chats[0];
            let key = format!("chat.{}.name", top.chat);
            let name = open[0].query_selector(".row-name").unwrap().expect("the chat's name").text_content();
            assert_eq!(name.as_deref(), Some(w.t(&key)), "the top chat opens");
            open[0].click();
            yew::scheduler::flush().await;
        }
        _ => click(root, w.t("ui.next")).await,
    }
}

/// Plays a new game, choosing `effect` about the picture (and the first
/// choice elsewhere), until a scene satisfies `stop`.
async fn play_until(worlds: &Worlds, effect: Effect, stop: impl Fn(&Scene) -> bool) -> Element {
    storage().clear().unwrap();
    let story = story();
    let root = render_game().await;
    start(&root).await;
    for _ in 0..story.scenes().len() * 2 {
        assert!(!text(&root).contains("{player}"), "an unfilled placeholder in: {}", text(&root));
        let At::Scene(id) = saved(worlds).at else { panic!("not in a scene") };
        let scene = story.scene(&id);
        if stop(scene) {
            return root;
        }
        if !scene.choices.is_empty() {
            choose(&root, worlds, effect).await;
        } else {
            go_on(&root, scene).await;
        }
    }
    panic!("the story never got there");
}

/// The scene where the picture arrives and the player chooses what to do.
fn is_the_picture(scene: &Scene) -> bool {
    scene.messages.iter().any(|m| m.photo) && scene.choices.iter().any(|c| c.effect.is_some())
}

/// Plays a whole game choosing `effect` about the picture, to its ending.
async fn play_to_ending(worlds: &Worlds, effect: Effect) -> Element {
    play_until(worlds, effect, |s| s.kind == SceneKind::Ending).await
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
async fn the_player_picks_from_the_story_s_characters_and_their_name_is_used() {
    let worlds = Worlds::default();
    storage().clear().unwrap();
    let (w, story) = (words(), story());
    let root = render_game().await;
    click(&root, w.t("ui.start")).await;
    assert_eq!(heading(&root), w.t("ui.pick.heading"));
    let names: Vec<String> =
        buttons(&root, ".card .card-name").iter().map(|b| b.text_content().unwrap()).collect();
    let want: Vec<String> =
        story.players().iter().map(|p| w.t(&format!("person.{p}.name")).to_string()).collect();
    assert_eq!(names, want);
    assert!(root.query_selector("input, textarea, [contenteditable]").unwrap().is_none(), "nothing is typed");
    buttons(&root, ".card")[1].click();
    yew::scheduler::flush().await;
    assert_eq!(saved(&worlds).player.as_ref(), Some(&story.players()[1]));
    assert_eq!(saved(&worlds).at, At::Scene(story.start().clone()));
}

#[wasm_bindgen_test]
async fn the_picture_arrives_as_a_closed_card_with_every_choice() {
    let worlds = Worlds::default();
    storage().clear().unwrap();
    let (w, story) = (words(), story());
    let root = play_until(&worlds, Effect::Delete, is_the_picture).await;
    let card = root.query_selector("[role=img]").unwrap().expect("the photo card");
    assert_eq!(card.get_attribute("aria-label").unwrap(), w.t("ui.photo.description"));
    assert!(root.query_selector("img, video, canvas").unwrap().is_none(), "no picture is ever drawn");
    let At::Scene(id) = saved(&worlds).at else { unreachable!() };
    let effects: Vec<Effect> = story.scene(&id).choices.iter().filter_map(|c| c.effect).collect();
    assert_eq!(effects.len(), Effect::ALL.len(), "every choice about the picture is offered");
    assert_eq!(buttons(&root, ".choice").len(), story.scene(&id).choices.len());
}

#[wasm_bindgen_test]
async fn every_choice_shows_the_simulation_s_count_for_the_saved_seed() {
    let worlds = Worlds::default();
    let w = words();
    for effect in Effect::ALL {
        let root = play_until(&worlds, effect, is_the_picture).await;
        choose(&root, &worlds, effect).await;
        advance_to_numbers(&root).await;
        let shown: u32 = root
            .query_selector(".big-number strong")
            .unwrap()
            .expect("the numbers")
            .text_content()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(shown, spread(&worlds, effect, saved(&worlds).seed).holding, "{effect:?}");
        assert!(text(&root).contains(w.t(&effect.outcome_key())), "{effect:?}");
    }
}

/// Presses Next until the numbers are on screen.
async fn advance_to_numbers(root: &Element) {
    let w = words();
    for _ in 0..story().scenes().len() {
        if root.query_selector(".big-number").unwrap().is_some() {
            return;
        }
        click(root, w.t("ui.next")).await;
    }
    panic!("no numbers after the choice");
}

#[wasm_bindgen_test]
async fn every_ending_shows_childline_and_start_again_returns_to_the_title() {
    let worlds = Worlds::default();
    let w = words();
    for effect in Effect::ALL {
        let root = play_to_ending(&worlds, effect).await;
        let link = root.query_selector("a[href^='tel:']").unwrap().expect("a number to call");
        assert_eq!(link.get_attribute("href").unwrap(), "tel:08001111", "{effect:?}");
        assert!(text(&root).contains(w.t(&effect.outcome_key())), "{effect:?}: the ending says what it did");
        click(&root, w.t("ui.start_again")).await;
        assert_eq!(heading(&root), w.t("ui.title"));
    }
}

#[wasm_bindgen_test]
async fn someone_else_s_phone_says_whose_it_is() {
    let worlds = Worlds::default();
    let w = words();
    let root = play_until(&worlds, Effect::TellAdult, |s| {
        s.pov.is_some() && matches!(s.kind, SceneKind::Chat | SceneKind::Lock)
    })
    .await;
    let At::Scene(id) = saved(&worlds).at else { unreachable!() };
    let owner = story().scene(&id).pov.clone().unwrap();
    let label = root.query_selector(".phone-owner").unwrap().expect("a label saying whose phone");
    let key = format!("person.{owner}.name");
    assert_eq!(label.text_content().unwrap(), w.t_with("ui.phone.owner", &[("name", w.t(&key))]));
}

#[wasm_bindgen_test]
async fn a_corrupt_save_starts_afresh_with_a_notice_and_is_cleared() {
    let w = words();
    storage().set_item(SAVE_KEY, "once-sent save 1\nseed").unwrap();
    let root = render_game().await;
    assert_eq!(heading(&root), w.t("ui.title"));
    // (The test runner's own address names no door, so that notice shows too.)
    let saying = |root: &Element| {
        buttons(root, "[role=status]")
            .into_iter()
            .find(|n| n.text_content().unwrap_or_default().contains(w.t("ui.notice.save_reset")))
    };
    let notice = saying(&root).expect("a notice that the save was unreadable");
    assert!(
        storage().get_item(SAVE_KEY).unwrap().is_none(),
        "the corrupt save is cleared, and nothing new is saved at the title"
    );
    notice.query_selector("button").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert!(saying(&root).is_none());
}

#[wasm_bindgen_test]
async fn a_saved_game_resumes_where_it_was() {
    let worlds = Worlds::default();
    let root = play_to_ending(&worlds, Effect::Delete).await;
    let before = (heading(&root), saved(&worlds));
    let again = render_game().await;
    assert_eq!((heading(&again), saved(&worlds)), before);
}

#[wasm_bindgen_test]
async fn a_broken_story_shows_what_is_wrong_instead_of_a_blank_page() {
    let w = words();
    // The shipped story is checked when the game is built; a story handed
    // to the app broken shows what is wrong.
    let problem = StoryError("the story starts at \"nowhere\", which does not exist".into()).to_string();
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
fn a_seed_gives_the_same_story_spread_in_the_browser_as_natively() {
    let worlds = Worlds::default();
    // The same table is asserted natively in tests/sim.rs.
    for (seed, choice, want) in story_golden() {
        let got = sim::play_out(&worlds, choice, seed);
        assert_eq!((got.seen, got.holding, got.from_player), want, "seed {seed} {choice:?}");
    }
}

include!("common/story_golden.rs");

#[wasm_bindgen_test]
async fn what_if_goes_back_and_the_next_ending_sets_both_runs_side_by_side() {
    let worlds = Worlds::default();
    let root = play_to_ending(&worlds, Effect::ForwardGroup).await;
    let first = saved(&worlds);
    assert!(root.query_selector("table.compare").unwrap().is_none(), "nothing to compare yet");
    assert!(first.made.len() > 1, "small talk was made too");
    // Only the choice that changed what happened is offered again.
    let again = buttons(&root, ".again");
    assert_eq!(again.len(), 1);
    again[0].click();
    yew::scheduler::flush().await;
    assert!(saved(&worlds).before.is_some(), "the run before is kept, and saved");
    // Choose to report this time, then play on to the ending.
    choose(&root, &worlds, Effect::Report).await;
    for _ in 0..story().scenes().len() {
        let At::Scene(id) = saved(&worlds).at else { unreachable!() };
        let scene = story().scene(&id).clone();
        if scene.kind == SceneKind::Ending {
            break;
        }
        match scene.choices.first() {
            Some(_) => choose(&root, &worlds, Effect::Report).await,
            None => go_on(&root, &scene).await,
        }
    }
    let table = root.query_selector("table.compare").unwrap().expect("the two runs side by side");
    let cells: Vec<String> = (0..)
        .map_while(|i| table.query_selector_all("td").unwrap().item(i))
        .map(|n| n.text_content().unwrap())
        .collect();
    let now = saved(&worlds);
    let before = now.before.clone().unwrap();
    let holding = |t: Option<once_sent::sim::Tally>| FALLBACK.number(t.unwrap().holding.into());
    assert!(
        cells.windows(2).any(|c| c[0] == holding(before.outcome) && c[1] == holding(now.outcome)),
        "{cells:?}"
    );
    assert_eq!(before.outcome, first.outcome);
}

#[wasm_bindgen_test]
fn a_seed_gives_the_same_big_spread_in_the_browser_as_natively() {
    // The same table is asserted natively in tests/spread.rs.
    for (scale, seed, choice, want) in spread_golden() {
        assert_eq!(spread_run(scale, seed, choice), want, "{scale:?} seed {seed} {choice:?}");
    }
}

include!("common/spread_golden.rs");

/// Sets the page's way to load the rest of the game to `body` (a function
/// body), counting its calls in `window.restAsked`.
fn rest_loader(body: &str) {
    let window = web_sys::window().unwrap();
    let counted = format!("window.restAsked = (window.restAsked || 0) + 1; {body}");
    let loader = js_sys::Function::new_no_args(&counted);
    js_sys::Reflect::set(&window, &"onceSentRest".into(), &loader).unwrap();
    js_sys::Reflect::set(&window, &"restAsked".into(), &0.into()).unwrap();
}

fn rest_asked() -> f64 {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"restAsked".into()).unwrap().as_f64().unwrap()
}

#[wasm_bindgen_test]
async fn the_first_part_shows_the_title_and_asks_for_the_rest_of_the_game_for_all_else_which_starts_the_story(
) {
    let w = words();
    let location = web_sys::window().unwrap().location();
    let game = || Ok(Shared(Rc::new(story())));
    // The story's title (no game kept): the first part has it, and asks
    // for nothing.
    storage().clear().unwrap();
    rest_loader("return new Promise(() => {});");
    location.set_hash("").unwrap();
    let root = render_part(game(), FIRST).await;
    assert_eq!(heading(&root), "Once Sent");
    assert_eq!(rest_asked(), 0.0);
    // Start: the title stays, with a word that the story is coming under
    // the bar, and the rest of the game asked for once, however often the
    // screen is drawn.
    click(&root, w.t("ui.start")).await;
    yew::scheduler::flush().await;
    assert!(text(&root).contains(w.t("ui.pack.loading")), "{}", text(&root));
    assert_eq!(heading(&root), "Once Sent");
    assert_eq!(root.query_selector_all(".top-bar .exit").unwrap().length(), 1, "Quick exit while it comes");
    assert_eq!(rest_asked(), 1.0);
    assert!(root.query_selector(".card, .chat-name").unwrap().is_none(), "{}", text(&root));
    root.remove();
    // The whole game, as it takes over, starts the story Start asked for
    // (here, in the same page, the part it would take over from is gone).
    let root = render(game()).await;
    yew::scheduler::flush().await;
    assert_eq!(heading(&root), w.t("ui.pick.heading"), "the whole game starts the story");
    assert_eq!(rest_asked(), 1.0, "the whole game asks for nothing");
    root.remove();
    // Once: the next whole game shows the title.
    storage().clear().unwrap();
    let root = render(game()).await;
    assert_eq!(heading(&root), "Once Sent");
    root.remove();
    // Start, and the rest of the game cannot be had: the title stays, with
    // why, and Try again asks again.
    rest_loader("throw new Error('no rest of the game here');");
    let root = render_part(game(), FIRST).await;
    click(&root, w.t("ui.start")).await;
    yew::scheduler::flush().await;
    assert_eq!(heading(&root), "Once Sent");
    let alert = root.query_selector(".notice[role=status]").unwrap().expect("a notice of why");
    assert!(alert.text_content().unwrap().contains(w.t("ui.pack.failed")), "{}", text(&root));
    assert!(alert.text_content().unwrap().contains("no rest of the game here"), "{}", text(&root));
    assert_eq!(rest_asked(), 1.0);
    click(&root, w.t("ui.pack.retry")).await;
    yew::scheduler::flush().await;
    assert_eq!(rest_asked(), 2.0);
    root.remove();
    assert!(once_sent::ui::stop().is_some(), "the story asked to start is handed over");
    let root = render(game()).await;
    root.remove();
    storage().clear().unwrap();
    // A story begun on this device: the first part has no story to show,
    // and asks for the rest of the game at once.
    storage().set_item(SAVE_KEY, "anything kept").unwrap();
    rest_loader("return new Promise(() => {});");
    let root = render_part(game(), FIRST).await;
    yew::scheduler::flush().await;
    assert!(text(&root).contains(w.t("ui.pack.loading")), "{}", text(&root));
    assert_eq!(rest_asked(), 1.0);
    root.remove();
    storage().clear().unwrap();
    // Every other door, playing together among them: the same.
    for door in ["#explore", "#together", "#teachers"] {
        location.set_hash(door).unwrap();
        rest_loader("return new Promise(() => {});");
        let root = render_part(game(), FIRST).await;
        yew::scheduler::flush().await;
        assert!(text(&root).contains(w.t("ui.pack.loading")), "{door}: {}", text(&root));
        assert_eq!(
            root.query_selector_all(".top-bar .exit").unwrap().length(),
            1,
            "{door}: Quick exit while it comes"
        );
        assert_eq!(rest_asked(), 1.0, "{door}");
        assert!(root.query_selector(".explore-building, .explore-seed").unwrap().is_none());
        root.remove();
    }
    // The rest of the game cannot be had: why, and Try again asks again.
    location.set_hash("#explore").unwrap();
    rest_loader("throw new Error('no rest of the game here');");
    let root = render_part(game(), FIRST).await;
    assert!(text(&root).contains(w.t("ui.pack.failed")), "{}", text(&root));
    assert!(text(&root).contains("no rest of the game here"), "{}", text(&root));
    assert_eq!(rest_asked(), 1.0);
    click(&root, w.t("ui.pack.retry")).await;
    yew::scheduler::flush().await;
    assert_eq!(rest_asked(), 2.0);
    assert!(text(&root).contains(w.t("ui.pack.failed")), "{}", text(&root));
    root.remove();
    // The whole game has the door itself, and asks for nothing.
    rest_loader("return new Promise(() => {});");
    let root = render(game()).await;
    yew::scheduler::flush().await;
    assert_eq!(heading(&root), w.t("ui.explore.heading"));
    assert_eq!(rest_asked(), 0.0);
    root.remove();
    location.set_hash("").unwrap();
}
