//! The browser shell: the only module that names yew, web-sys or
//! wasm-bindgen. It shows the core's state and turns the player's acts into
//! [`crate::game::Event`]s; every rule lives in the core, every word in
//! `assets/i18n`.
//!
//! Laid out by what each part is, its uses pointing one way: [`App`]
//! (`app`) picks a door's screen from `doors` (the story, Explore,
//! Assembly, the guides); the doors are made of `scenes` (the story's
//! screens, and the one match of a game to its screen) and `parts` (the
//! frame and its bar, Help, Settings, the phone, the choices); Explore and
//! the outcome show the spread's `map`; and all of them reach the browser
//! through `effects` (storage, timers, the packs, the window's events, the
//! channel between Assembly's windows). This module holds what every part
//! shares: start-up, the words, the story and the story's worlds in
//! context, the doors' addresses and a press of a button.

mod app;
mod crash;
mod doors;
mod effects;
mod handover;
mod map;
mod parts;
mod scenes;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

pub use app::{App, AppProps, Here, Screens, FIRST, WHOLE};
pub use crash::show_crash;

use self::effects::{packs, settings, timer};
use crate::door::Door;
use crate::i18n::{Catalogue, Lang, FALLBACK};
use crate::sim::Worlds;
use crate::story::Story;

/// The words of the current language, shared with every component.
pub type Words = Rc<Catalogue>;

/// A value shared by every screen that shows it, compared by address: one
/// story for the whole game, one page's worlds, one world a map plays in.
/// A deep comparison on every render would cost time and bundle size for
/// nothing.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The story, shared by every screen.
pub type StoryRef = Shared<Story>;

/// The story's worlds, one for the whole page, shared with every
/// component: the world a play-through's tally was played in is the one
/// built ahead while the player reads and the one the outcome's map shows.
pub type WorldsRef = Shared<Worlds>;

/// The story's worlds from context. Every component below [`App`] has them.
#[hook]
pub fn use_worlds() -> WorldsRef {
    use_context::<WorldsRef>().expect("App provides the worlds")
}

/// The catalogue from context. Every component below [`App`] has one.
#[hook]
pub fn use_words() -> Words {
    use_context::<Words>().expect("App provides the catalogue")
}

/// The story's words as the player reads them: `{player}` filled with the
/// name of the character they chose.
#[derive(Clone, PartialEq)]
pub struct Voice {
    words: Words,
    player: AttrValue,
}

impl Voice {
    /// A voice for the player called `player`.
    pub fn new(words: Words, player: AttrValue) -> Self {
        Self { words, player }
    }

    /// The story text under `key`.
    pub fn say(&self, key: &str) -> String {
        self.words.t_with(key, &[("player", &self.player)])
    }
}

/// The story's voice from context. Every scene below [`App`]'s game has one.
#[hook]
pub fn use_voice() -> Voice {
    use_context::<Voice>().expect("the game provides the voice")
}

/// Starts the first part of the game (the title, [`FIRST`])
/// in the page's `<main id="app">`: loads the words and the story, and
/// shows a clear message, never a blank page, if either is broken.
pub fn start() {
    // The page has the title on screen already: the game takes it over in
    // tasks of the page's own, after the one that compiled and started it
    // (one for the settings and the words, one to draw), so that none keeps
    // the page from answering a press for long, on a slow device.
    std::mem::forget(timer::later(0, || {
        if !STOPPED.get() {
            begin(FIRST, None, true);
        }
    }));
}

/// Stops the first part of the game, for the rest of the game to take the
/// page over ([`take_over`]): every screen, timer and listener of this part
/// goes, as it would at the end of a visit. A screen not yet drawn never
/// will be. Returns the story the player asked to start, for the whole
/// game to start.
pub fn stop() -> Option<String> {
    STOPPED.set(true);
    if let Some(app) = SHOWN.take() {
        app.destroy();
    }
    handover::started().map(String::from)
}

/// Starts the whole game ([`WHOLE`]) in place of the first part, once its
/// words are had: `stop` stops the first part (the page's start-up module
/// passes it), and the whole game's first screen is drawn in the same turn,
/// so the page is never blank. The single-file edition, where the whole
/// game is the only part, passes none.
pub fn take_over(stop: Option<js_sys::Function>) {
    begin(WHOLE, stop, false);
}

/// Stops the part of the game before this one (`stop`, the first part's
/// [`stop`]), and carries on from where it was: the story it was asked to
/// start, this part starts.
fn hand_over(stop: &js_sys::Function) {
    let started = stop.call0(&wasm_bindgen::JsValue::NULL).ok().and_then(|s| s.as_string());
    if let Some(info) = started.and_then(|id| crate::content::story_info(&id)) {
        handover::start(info.id);
    }
}

thread_local! {
    /// The part of the game on screen, kept so that [`stop`] can end it.
    static SHOWN: RefCell<Option<yew::AppHandle<App>>> = const { RefCell::new(None) };
    /// Whether [`stop`] was called: then nothing is drawn.
    static STOPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Draws `screens` in the page's `<main id="app">` once the words are had
/// (or in English, if they are slow); first calls `stop`, and draws in a
/// fresh element of its own, if another part of the game is there. Draws
/// in a task of its own (`apart`), or in the one that has the words.
fn begin(screens: Screens, stop: Option<js_sys::Function>, apart: bool) {
    crash::install_panic_hook();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has <main id=\"app\">");
    let chosen = settings::load();
    let lang = chosen.language(settings::device_languages().iter().map(String::as_str));
    // Without the compiled-in words there is nothing to say a fault in but
    // the page's own fallback message.
    let english = match Catalogue::load(FALLBACK) {
        Ok(words) => Rc::new(words),
        Err(e) => return show_crash(&e.to_string()),
    };
    // The first screen is drawn at once when its words come quickly (the
    // words of another language, and the packs its door needs, such as
    // the story's); if they are slow, in the compiled-in English until
    // they come (the App fetches them and switches), so that the page is
    // never blank and Quick exit always works. If they fail, the App says
    // why once it is on screen.
    let render = {
        let root = Rc::new(RefCell::new(Some(root)));
        move |words: Words, lang: Lang| {
            let Some(mut root) = root.borrow_mut().take() else { return };
            if STOPPED.get() {
                return;
            }
            if let Some(stop) = &stop {
                hand_over(stop);
                // An element of its own, with none of the first part's
                // listeners on it.
                let fresh = root.owner_document().and_then(|d| d.create_element("main").ok());
                if let Some(fresh) = fresh {
                    fresh.set_id("app");
                    if root.replace_with_with_node_1(&fresh).is_ok() {
                        root = fresh;
                    }
                }
            }
            settings::apply(&chosen, words.lang());
            // The title screen that index.html shows until now: the App
            // draws its own in the same turn, before the page is painted
            // again, so one copy is ever there.
            if let Some(first) = root.owner_document().and_then(|d| d.get_element_by_id("first")) {
                first.remove();
            }
            let app = yew::Renderer::<App>::with_root_and_props(
                root,
                AppProps { words, story: None, lang: Some(lang), screens },
            )
            .render();
            SHOWN.set(Some(app));
        }
    };
    let render = Rc::new(render);
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let needs = app::needs(&Door::parse(&hash), app::chosen_story());
    {
        let (render, english) = (render.clone(), english.clone());
        packs::words_with(lang, needs, move |words| match words {
            Ok(words) => draw(&render, apart, words, lang),
            Err(problem) => {
                web_sys::console::warn_1(&problem.into());
                // Asked for by the device, not in Settings: the App will
                // not try again, so it is told to say why.
                if chosen.lang.is_none() && lang != FALLBACK {
                    settings::missed_at_start(lang);
                }
                draw(&render, apart, english, FALLBACK);
            }
        });
    }
    // Drawn once, whichever comes first; the timer lives for the visit.
    std::mem::forget(timer::later(FIRST_WORDS_MS, move || render(english, lang)));
}

/// Draws the first screen with `words` in `lang` by `render`: in a task of
/// its own (`apart`), or in this one.
fn draw<F: Fn(Words, Lang) + 'static>(render: &Rc<F>, apart: bool, words: Words, lang: Lang) {
    if apart {
        let render = render.clone();
        std::mem::forget(timer::later(0, move || render(words, lang)));
    } else {
        render(words, lang);
    }
}

/// How long the first screen waits for another language's words before it
/// is drawn in English (a file kept offline or on a good network comes in
/// far less).
const FIRST_WORDS_MS: i32 = 400;

/// Goes through a door of the game; the root component follows the
/// address. The door
/// replaces the address rather than adding to the browser's history: the
/// game keeps one entry there, whatever door a pupil went through, so
/// that Quick exit (which replaces that entry) leaves nothing of the game
/// one Back away.
pub fn go_to(door: &Door) {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        // (The story's address is "#", not "": an address with no
        // fragment at all would load the page again.)
        let _ = location.replace(&door.href());
    }
}

/// A link to a door of the game (the teachers' guide, say): a real link for the
/// keyboard, screen readers and print, that goes there as [`go_to`] does.
pub fn door_link(door: Door, text: &str) -> Html {
    let href = door.href();
    let onclick = Callback::from(move |e: MouseEvent| {
        // A new tab or window (Ctrl, Shift or the middle button) is the
        // browser's to open; a plain click stays in this entry.
        if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0) {
            e.prevent_default();
            go_to(&door);
        }
    });
    html! { <a {href} {onclick}>{ text.to_string() }</a> }
}

/// Whether a click is a press of its own, not the second or third click of
/// a double or triple click. Those would land on whatever the next screen
/// has in the same place (a reply the pupil never saw, say): a press acts
/// on the screen it was made on, once. Keys and taps click once each.
pub fn single(e: &MouseEvent) -> bool {
    e.detail() <= 1
}

/// A button's click as `cb`, once per press (see [`single`]).
pub fn on_press(cb: &Callback<()>) -> Callback<MouseEvent> {
    on_press_with(cb, ())
}

/// A button's click as `cb` with `value`, once per press (see [`single`]).
pub fn on_press_with<T: Clone + 'static>(cb: &Callback<T>, value: T) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |e: MouseEvent| {
        if single(&e) {
            cb.emit(value.clone());
        }
    })
}

/// A fresh seed for a play-through's spread: the shell's job, so that the
/// core stays deterministic.
pub fn new_seed() -> u64 {
    (js_sys::Math::random() * (1u64 << 53) as f64) as u64
}

/// A ref for a screen's heading, focused when the screen appears, so that
/// keyboard and screen-reader users start at the top of each new scene.
#[hook]
pub fn use_heading_focus() -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    heading
}

/// "Ellie's phone", for a scene seen from someone else's phone; none for
/// the player's own.
pub fn owner_name(words: &Catalogue, scene: &crate::story::Scene) -> Option<AttrValue> {
    let who = scene.pov.as_ref()?;
    let key = who.name_key();
    Some(words.t_with("ui.phone.owner", &[("name", words.t(&key))]).into())
}
