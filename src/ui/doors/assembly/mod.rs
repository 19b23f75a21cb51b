//! Assembly mode's shell: the presenter's view (the teacher's laptop: a
//! preview, notes, the show of hands) and the audience's (the projector:
//! large, calm, the scene or the vote), two windows of one browser kept in
//! step through a `BroadcastChannel` (`effects::channel`), with no server
//! and no network. Either window works alone, and either can be driven by
//! keys or a clicker.
//!
//! Owns the keys, the window's side of the channel, the window's kept hall
//! and the views: the hall's in [`stage`], the presenter's notes in
//! [`notes`]. The rules, including who takes whose hall after a reload,
//! are in `crate::assembly` ([`Window`]). Each window keeps its hall in
//! session storage, so a reload resumes it; a cue in one is sent to the
//! other as text, read back with the same checks as a saved game.

mod notes;
mod stage;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use self::notes::{notes, time_left};
use self::stage::audience_stage;
use crate::assembly::{decode, encode, Card, Cue, Hall, Said, Window};
use crate::door::Door;
use crate::game::At;
use crate::keys::{self, AUDIENCE_WINDOW};
use crate::ui::effects::channel::{use_channel, use_open_channel, Channel};
use crate::ui::effects::fullscreen::full_screen;
use crate::ui::effects::storage;
use crate::ui::effects::timer::later;
use crate::ui::effects::window::use_window_event;
use crate::ui::{go_to, new_seed, on_press_with, single, use_words, use_worlds, StoryRef, Words, WorldsRef};

/// How long a window that has just opened waits for another to answer its
/// hello before it is alone. The other answers in a few milliseconds; until
/// then a joining audience does not answer hellos itself (the presenter
/// wins when both open at once), and keys work all the while.
const JOIN_MS: i32 = 1_000;

/// The hall this window kept of story `id` before a reload, or a new one.
fn kept_hall(id: &str, story: &StoryRef, worlds: &WorldsRef) -> Hall {
    let key = keys::hall_key(id);
    match storage::session_read(&key).map(|text| decode(&text, story, worlds)) {
        Some(Ok(hall)) => hall,
        Some(Err(e)) => {
            web_sys::console::warn_1(&format!("{key}: {e}").into());
            storage::session_remove(&key);
            Hall::new(story, worlds, new_seed())
        }
        None => Hall::new(story, worlds, new_seed()),
    }
}

/// This window's side of the channel: the core's [`Window`], changed only
/// here, and what each change says posted at once, in the order the
/// changes were made. Not a reducer, because a change and what it says go
/// together: a reply posted later from an effect could pass a newer one.
#[derive(Clone)]
struct Link {
    story: StoryRef,
    /// The page's worlds, which the hall's spread is played in.
    worlds: WorldsRef,
    window: Rc<RefCell<Window>>,
    channel: Channel,
    update: UseForceUpdateHandle,
}

impl Link {
    /// Applies `step` to the window, says what it says, and redraws if
    /// anything changed.
    fn apply(&self, step: impl FnOnce(&Window) -> (Window, Option<Said>)) {
        let (next, said) = step(&self.window.borrow());
        let changed = next != *self.window.borrow();
        *self.window.borrow_mut() = next;
        if let Some(said) = said {
            self.channel.post(&said.text());
        }
        if changed {
            self.update.force_update();
        }
    }

    /// A cue made in this window.
    fn cue(&self, cue: Cue) {
        let (story, worlds) = (self.story.clone(), self.worlds.clone());
        self.apply(|w| w.cue(&story, &worlds, cue));
    }
}

/// This window's [`Link`], its hall the one kept before a reload (or a new
/// one), and the channel open: say hello, hear the other window, and after
/// a while without an answer, be alone. Nothing of this window's own hall
/// is sent until a cue here changes it, so opening or reloading a window
/// never overwrites the other's.
#[hook]
fn use_link(id: &'static str, story: &StoryRef, audience: bool) -> Link {
    let link = {
        let (story, worlds) = (story.clone(), use_worlds());
        let window = use_mut_ref(|| Window::open(kept_hall(id, &story, &worlds), audience));
        Link { story, worlds, window, channel: use_channel(), update: use_force_update() }
    };
    let (heard, alone) = (link.clone(), link.clone());
    use_open_channel(
        &link.channel,
        keys::channel(id),
        Said::Hello.text(),
        JOIN_MS,
        move |text: String| {
            if let Ok(said) = Said::read(&text, &heard.story, &heard.worlds) {
                heard.apply(|w| w.hear(said));
            }
        },
        move || alone.apply(|w| (w.alone(), None)),
    );
    link
}

/// Keys and clickers: each key's cue, made in this window.
#[hook]
fn use_cue_keys(link: &Link) {
    let link = link.clone();
    use_window_event("keydown", move |e: KeyboardEvent| {
        // Typing a count is not a cue.
        if e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some() {
            return;
        }
        let cue = match e.key().as_str() {
            "ArrowRight" | "PageDown" | " " => Cue::Next,
            "ArrowLeft" | "PageUp" => Cue::Back,
            "b" | "B" | "." => Cue::Blank,
            "f" | "F" => {
                full_screen();
                return;
            }
            key => match key.parse::<usize>() {
                Ok(n @ 1..=9) => Cue::Picked(n - 1),
                _ => return,
            },
        };
        e.prevent_default();
        link.cue(cue);
    });
}

/// The clock: when play began, from the first step past the content note
/// (`intro`), kept beside the hall so that a reload does not start it
/// again; the view looks at it again every fifteen seconds.
#[hook]
fn use_clock(id: &'static str, intro: bool) -> Option<f64> {
    // Kept as whole milliseconds: reading and writing decimals would cost
    // the bundle some 20 KB of float code for nothing.
    let started = use_state(|| {
        storage::session_read(&keys::clock_key(id))
            .and_then(|t| t.parse::<u64>().ok())
            .filter(|_| !intro)
            .map(|ms| ms as f64)
    });
    {
        let started = started.clone();
        use_effect_with(intro, move |&intro| {
            if intro {
                started.set(None);
                storage::session_remove(&keys::clock_key(id));
            } else if started.is_none() {
                let now = js_sys::Date::now().floor();
                storage::session_write(&keys::clock_key(id), &(now as u64).to_string());
                started.set(Some(now));
            }
        });
    }
    let tick = use_force_update();
    use_effect(move || {
        let timer = later(15_000, move || tick.force_update());
        move || drop(timer)
    });
    *started
}

/// Props of [`AssemblyScreen`].
#[derive(Properties, PartialEq)]
pub struct AssemblyScreenProps {
    /// The story.
    pub story: StoryRef,
    /// Its id in the catalogue: each story's hall is kept apart.
    pub id: &'static str,
    /// The audience's view (else the presenter's).
    pub audience: bool,
}

/// Either view of Assembly.
#[component]
pub fn AssemblyScreen(props: &AssemblyScreenProps) -> Html {
    let words = use_words();
    let id = props.id;
    let link = use_link(id, &props.story, props.audience);
    let shown = link.window.borrow();
    let hall = &shown.hall;
    // Kept for a reload, as the hall changes.
    use_effect_with(encode(hall), move |text| storage::session_write(&keys::hall_key(id), text));
    use_cue_keys(&link);
    let started = use_clock(id, hall.intro);
    let cue = {
        let link = link.clone();
        Callback::from(move |cue: Cue| link.cue(cue))
    };
    let story = &props.story;
    let stage = html! { <div class="stage" data-at={stage_at(hall)}>{ audience_stage(&words, id, story, hall) }</div> };
    if props.audience {
        return html! {
            <div class={classes!("assembly", "audience", hall.blank.then_some("blanked"))} aria-label={words.t("ui.assembly.audience_label").to_string()}>
                { stage }
            </div>
        };
    }
    presenter(&words, id, story, hall, &cue, stage, started)
}

/// Where the hall is, as an attribute: the two views agree on it.
fn stage_at(hall: &Hall) -> String {
    match (&hall.game.at, hall.intro, hall.blank, hall.vote.is_some()) {
        (_, _, true, _) => "blank".to_string(),
        (_, true, ..) => "intro".to_string(),
        _ if hall.card().is_some() => match hall.card() {
            Some(Card::Prompt(c)) => format!("prompt {c}"),
            Some(Card::Summary(c)) => format!("summary {c}"),
            Some(Card::Check { after, item }) => {
                format!(
                    "{}check {}{item}",
                    if hall.vote.is_some() { "vote " } else { "" },
                    if *after { "a" } else { "b" }
                )
            }
            Some(Card::Change) => "change".to_string(),
            _ => "help".to_string(),
        },
        (At::Scene(id), _, _, vote) => format!("{}{id}", if vote { "vote " } else { "" }),
        (_, _, _, vote) => if vote { "vote pick" } else { "pick" }.to_string(),
    }
}

/// The presenter's view: the cues, a preview of the hall's `stage`, and the
/// notes, with the time left since play `started`, for story `id`.
fn presenter(
    words: &Words,
    id: &'static str,
    story: &StoryRef,
    hall: &Hall,
    cue: &Callback<Cue>,
    stage: Html,
    started: Option<f64>,
) -> Html {
    html! {
        <section class="screen wide assembly presenter">
            <h1>{ words.t("ui.assembly.presenter_heading") }</h1>
            <p class="doors">
                <button type="button" class="primary" onclick={on_press_with(cue, Cue::Next)}>{ words.t("ui.assembly.next") }</button>
                if hall.card() == Some(&Card::Help) {
                    <button type="button" onclick={{
                        let cue = cue.clone();
                        Callback::from(move |e: MouseEvent| if single(&e) { cue.emit(Cue::Restarted { seed: new_seed() }) })
                    }}>
                        { words.t("ui.assembly.next_class") }
                    </button>
                }
                <button type="button" onclick={on_press_with(cue, Cue::Back)} disabled={hall.past.is_empty()}>{ words.t("ui.assembly.back") }</button>
                <button type="button" aria-pressed={hall.blank.to_string()} onclick={on_press_with(cue, Cue::Blank)}>
                    { words.t("ui.assembly.blank") }
                </button>
                <button type="button" onclick={Callback::from(|_: MouseEvent| open_audience())}>{ words.t("ui.assembly.open_audience") }</button>
            </p>
            <p class="keys">{ words.t("ui.assembly.keys") }</p>
            <div class="presenter-panes">
                <section class="preview" aria-labelledby="preview-heading">
                    <h2 id="preview-heading">{ words.t("ui.assembly.preview") }</h2>
                    <div class="preview-frame" inert=true>{ stage }</div>
                </section>
                <section class="notes" aria-labelledby="notes-heading">
                    <h2 id="notes-heading">{ words.t("ui.assembly.notes") }</h2>
                    { time_left(words, hall, started) }
                    { notes(words, story, hall, cue) }
                </section>
            </div>
            <button type="button" onclick={Callback::from(move |_: MouseEvent| leave(id))}>{ words.t("ui.assembly.leave") }</button>
        </section>
    }
}

/// Opens the audience's view in a new window (for the projector).
fn open_audience() {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target(&Door::Assembly { audience: true }.href(), AUDIENCE_WINDOW);
    }
}

/// Leaves Assembly for the title, forgetting this window's hall: coming
/// back starts afresh, unless the other window is still open with its own.
fn leave(id: &str) {
    storage::session_remove(&keys::hall_key(id));
    storage::session_remove(&keys::clock_key(id));
    go_to(&Door::Story);
}
