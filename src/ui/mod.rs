//! The browser shell: the only module that names yew, web-sys or
//! wasm-bindgen. It shows the core's state and turns the player's acts into
//! [`crate::game::Event`]s; every rule lives in the core, every word in
//! `assets/i18n`.

mod app;
mod assembly;
mod chat;
mod chats;
mod choices;
mod crash;
mod ending;
mod explore;
mod guides;
mod help;
mod lock;
mod map;
mod map_parts;
mod narration;
mod outcome;
mod phone;
mod pick;
mod settings;
mod storage;
mod timer;
mod title;
mod topbar;
mod whatif;

use std::rc::Rc;

use yew::prelude::*;

pub use app::{App, AppProps};
pub use crash::show_crash;

use crate::i18n::{Catalogue, FALLBACK};
use crate::story::Story;

/// The words of the current language, shared with every component.
pub type Words = Rc<Catalogue>;

/// The story, shared by every screen. Props compare it by address: there
/// is one story for the whole game, and a deep comparison on every render
/// would cost time and bundle size for nothing.
#[derive(Clone)]
pub struct StoryRef(pub Rc<Story>);

impl PartialEq for StoryRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for StoryRef {
    type Target = Story;

    fn deref(&self) -> &Story {
        &self.0
    }
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

/// Starts the game in the page's `<main id="app">`: loads the words and the
/// story, and shows a clear message, never a blank page, if either is broken.
pub fn start() {
    crash::install_panic_hook();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has <main id=\"app\">");
    let chosen = settings::load();
    let lang = chosen.language(settings::device_languages().iter().map(String::as_str));
    let story = Story::load().map(|s| StoryRef(Rc::new(s))).map_err(|e| e.to_string());
    // The first screen waits for its words: at once for English, compiled
    // in; for another language, until its file is fetched. If that fails
    // the game starts in English, and says why once it is on screen.
    settings::words_of(lang, move |words| {
        let words = match words.map_err(|e| web_sys::console::warn_1(&e.into())) {
            Ok(words) => words,
            Err(()) => match Catalogue::load(FALLBACK) {
                Ok(words) if chosen.lang.is_none() => {
                    // Asked for by the device, not in Settings: the App
                    // will not try again, so it is told to say why.
                    settings::missed_at_start(lang);
                    Rc::new(words)
                }
                Ok(words) => Rc::new(words),
                // Without words there is nothing to say the fault in but the
                // page's own fallback message.
                Err(e) => return show_crash(&e.to_string()),
            },
        };
        settings::apply(&chosen, words.lang());
        yew::Renderer::<App>::with_root_and_props(root, AppProps { words, story }).render();
    });
}

/// Goes to a door of the game by its address's `#…` part (`""` for the
/// story itself); the root component follows the address.
pub fn go_to(hash: &str) {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let _ = location.set_hash(hash);
    }
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
