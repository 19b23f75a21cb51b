//! Assembly mode's shell: the presenter's view (the teacher's laptop: a
//! preview, notes, the show of hands) and the audience's (the projector:
//! large, calm, the scene or the vote), two windows of one browser kept in
//! step through a `BroadcastChannel`, with no server and no network. Either
//! window works alone, and either can be driven by keys or a clicker.
//!
//! Owns the keys, the channel, the window's kept hall and the views; the
//! rules, including who takes whose hall after a reload, are in
//! `crate::assembly` ([`Window`]). Each window keeps its hall in session
//! storage, so a reload resumes it; a cue in one is sent to the other as
//! text, read back with the same checks as a saved game.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, HtmlInputElement, KeyboardEvent, MessageEvent};
use yew::prelude::*;

use crate::assembly::{decode, encode, Answer, Card, Cue, Hall, Said, Window, CLOCK_KEY, HALL_KEY};
use crate::door::Door;
use crate::game::{At, Event as GameEvent};
use crate::keys::{AUDIENCE_WINDOW, CHANNEL};
use crate::story::{ChapterId, SceneId};
use crate::ui::effects::fullscreen::full_screen;
use crate::ui::effects::storage;
use crate::ui::effects::timer::later;
use crate::ui::effects::window::use_window_event;
use crate::ui::parts::cards::card_words;
use crate::ui::parts::help::HelpPanel;
use crate::ui::scenes::scene_screen;
use crate::ui::{go_to, new_seed, on_press_with, single, use_words, StoryRef, Voice, Words};

/// How long a window that has just opened waits for another to answer its
/// hello before it is alone. The other answers in a few milliseconds; until
/// then a joining audience does not answer hellos itself (the presenter
/// wins when both open at once), and keys work all the while.
const JOIN_MS: i32 = 1_000;

/// The hall this window kept before a reload, or a new one.
fn kept_hall(story: &StoryRef) -> Hall {
    match storage::session_read(HALL_KEY).map(|text| decode(&text, story)) {
        Some(Ok(hall)) => hall,
        Some(Err(e)) => {
            web_sys::console::warn_1(&format!("{HALL_KEY}: {e}").into());
            storage::session_remove(HALL_KEY);
            Hall::new(story, new_seed())
        }
        None => Hall::new(story, new_seed()),
    }
}

/// This window's side of the channel: the core's [`Window`], changed only
/// here, and what each change says posted at once, in the order the
/// changes were made. Not a reducer, because a change and what it says go
/// together: a reply posted later from an effect could pass a newer one.
#[derive(Clone)]
struct Link {
    story: StoryRef,
    window: Rc<RefCell<Window>>,
    channel: Rc<RefCell<Option<BroadcastChannel>>>,
    update: UseForceUpdateHandle,
}

impl Link {
    /// Applies `step` to the window, says what it says, and redraws if
    /// anything changed.
    fn apply(&self, step: impl FnOnce(&Window) -> (Window, Option<Said>)) {
        let (next, said) = step(&self.window.borrow());
        let changed = next != *self.window.borrow();
        *self.window.borrow_mut() = next;
        if let (Some(said), Some(channel)) = (said, self.channel.borrow().as_ref()) {
            let _ = channel.post_message(&said.text().into());
        }
        if changed {
            self.update.force_update();
        }
    }

    /// A cue made in this window.
    fn cue(&self, cue: Cue) {
        let story = self.story.clone();
        self.apply(|w| w.cue(&story, cue));
    }
}

/// Props of [`AssemblyScreen`].
#[derive(Properties, PartialEq)]
pub struct AssemblyScreenProps {
    /// The story.
    pub story: StoryRef,
    /// The audience's view (else the presenter's).
    pub audience: bool,
}

/// Either view of Assembly.
#[component]
pub fn AssemblyScreen(props: &AssemblyScreenProps) -> Html {
    let words = use_words();
    let link = {
        let (story, audience) = (props.story.clone(), props.audience);
        let window = use_mut_ref(|| Window::open(kept_hall(&story), audience));
        let channel = use_mut_ref(|| None::<BroadcastChannel>);
        Link { story, window, channel, update: use_force_update() }
    };
    // The channel: say hello, hear the other window, and after a while
    // without an answer, be alone. Nothing of this window's own hall is
    // sent until a cue here changes it, so opening or reloading a window
    // never overwrites the other's.
    {
        let link = link.clone();
        use_effect_with((), move |_| {
            let opened = BroadcastChannel::new(CHANNEL).ok();
            let heard = link.clone();
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
                let Some(text) = e.data().as_string() else { return };
                if let Ok(said) = Said::read(&text, &heard.story) {
                    heard.apply(|w| w.hear(said));
                }
            });
            *link.channel.borrow_mut() = opened.clone();
            let timer = match &opened {
                Some(c) => {
                    c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                    let _ = c.post_message(&Said::Hello.text().into());
                    let alone = link.clone();
                    later(JOIN_MS, move || alone.apply(|w| (w.alone(), None)))
                }
                // No channel (an old browser): alone from the start.
                None => {
                    link.apply(|w| (w.alone(), None));
                    None
                }
            };
            move || {
                drop(timer);
                if let Some(c) = opened {
                    c.set_onmessage(None);
                    c.close();
                }
                drop(on_message);
            }
        });
    }
    let shown = link.window.borrow();
    let hall = &shown.hall;
    // Kept for a reload, as the hall changes.
    use_effect_with(encode(hall), |text| storage::session_write(HALL_KEY, text));
    // Keys and clickers.
    {
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
    // The clock: from the first step past the content note, kept beside
    // the hall so that a reload does not start it again; the view looks at
    // it again every fifteen seconds.
    // Kept as whole milliseconds: reading and writing decimals would cost
    // the bundle some 20 KB of float code for nothing.
    let started = use_state(|| {
        storage::session_read(CLOCK_KEY)
            .and_then(|t| t.parse::<u64>().ok())
            .filter(|_| !hall.intro)
            .map(|ms| ms as f64)
    });
    {
        let started = started.clone();
        use_effect_with(hall.intro, move |&intro| {
            if intro {
                started.set(None);
                storage::session_remove(CLOCK_KEY);
            } else if started.is_none() {
                let now = js_sys::Date::now().floor();
                storage::session_write(CLOCK_KEY, &(now as u64).to_string());
                started.set(Some(now));
            }
        });
    }
    let tick = use_force_update();
    use_effect(move || {
        let timer = later(15_000, move || tick.force_update());
        move || drop(timer)
    });
    let cue = {
        let link = link.clone();
        Callback::from(move |cue: Cue| link.cue(cue))
    };
    let story = &props.story;
    // Where the hall is, as an attribute: the two views agree on it.
    let at = match (&hall.game.at, hall.intro, hall.blank, hall.vote.is_some()) {
        (_, _, true, _) => "blank".to_string(),
        (_, true, ..) => "intro".to_string(),
        _ if hall.card().is_some() => match hall.card() {
            Some(Card::Prompt(c)) => format!("prompt {c}"),
            Some(Card::Summary(c)) => format!("summary {c}"),
            _ => "help".to_string(),
        },
        (At::Scene(id), _, _, vote) => format!("{}{id}", if vote { "vote " } else { "" }),
        (_, _, _, vote) => if vote { "vote pick" } else { "pick" }.to_string(),
    };
    let stage = html! { <div class="stage" data-at={at}>{ audience_stage(&words, story, hall) }</div> };
    if props.audience {
        return html! {
            <div class={classes!("assembly", "audience", hall.blank.then_some("blanked"))} aria-label={words.t("ui.assembly.audience_label").to_string()}>
                { stage }
            </div>
        };
    }
    html! {
        <section class="screen wide assembly presenter">
            <h1>{ words.t("ui.assembly.presenter_heading") }</h1>
            <p class="doors">
                <button type="button" class="primary" onclick={on_press_with(&cue, Cue::Next)}>{ words.t("ui.assembly.next") }</button>
                if hall.card() == Some(&Card::Help) {
                    <button type="button" onclick={{
                        let cue = cue.clone();
                        Callback::from(move |e: MouseEvent| if single(&e) { cue.emit(Cue::Restarted { seed: new_seed() }) })
                    }}>
                        { words.t("ui.assembly.next_class") }
                    </button>
                }
                <button type="button" onclick={on_press_with(&cue, Cue::Back)} disabled={hall.past.is_empty()}>{ words.t("ui.assembly.back") }</button>
                <button type="button" aria-pressed={hall.blank.to_string()} onclick={on_press_with(&cue, Cue::Blank)}>
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
                    { time_left(&words, hall, *started) }
                    { notes(&words, story, hall, &cue) }
                </section>
            </div>
            <button type="button" onclick={Callback::from(|_: MouseEvent| leave())}>{ words.t("ui.assembly.leave") }</button>
        </section>
    }
}

/// The letters that name a vote's options, from the words.
fn letters(words: &Words) -> Vec<String> {
    words.t("ui.assembly.letters").split_whitespace().map(str::to_string).collect()
}

/// What an option says: a character's name, or the words of a choice in
/// `scene`.
fn answer_words(
    words: &Words,
    voice: &Voice,
    story: &StoryRef,
    scene: Option<&SceneId>,
    answer: &Answer,
) -> String {
    match (answer, scene) {
        (Answer::Player(who), _) => words.t(&who.name_key()).to_string(),
        (Answer::Choice(id), Some(scene)) => {
            let scene = story.scene(scene);
            scene.choice(id.as_str()).map(|c| voice.say(&scene.choice_key(c))).unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// The scene the hall is at, if any.
fn scene_of(hall: &Hall) -> Option<&SceneId> {
    match &hall.game.at {
        At::Scene(id) => Some(id),
        _ => None,
    }
}

fn voice(words: &Words, hall: &Hall) -> Voice {
    let player = hall.game.player.as_ref().map(|p| words.t(&p.name_key()).to_string()).unwrap_or_default();
    Voice::new(words.clone(), AttrValue::from(player))
}

/// What the hall sees: the content note, a blank screen, the show of
/// hands, or the scene (and at the ending, what the hall chose).
fn audience_stage(words: &Words, story: &StoryRef, hall: &Hall) -> Html {
    let voice = voice(words, hall);
    if hall.blank {
        return html! { <p class="sr-only">{ words.t("ui.assembly.blanked") }</p> };
    }
    if hall.intro {
        return html! {
            <section class="content-note big" aria-labelledby="hall-note-heading">
                <h1 id="hall-note-heading">{ words.t("ui.content_note.heading") }</h1>
                <p>{ words.t("ui.content_note.body") }</p>
                <p>{ words.t("ui.content_note.help") }</p>
            </section>
        };
    }
    if let Some(Card::Help) = hall.card() {
        return html! {
            <section class="closing">
                <HelpPanel top=true />
                <p class="closing-line">{ words.t("ui.assembly.closing") }</p>
            </section>
        };
    }
    if let Some(card) = hall.card() {
        let (heading, text) = card_words(words, card);
        return html! {
            <section class="vote prompt" aria-labelledby="prompt-heading">
                <h1 id="prompt-heading">{ heading }</h1>
                <p class={classes!("prompt-text", matches!(card, Card::Summary(_)).then_some("summary-text"))}>{ text }</p>
            </section>
        };
    }
    if hall.vote.is_some() {
        let letters = letters(words);
        let options = hall.options(story);
        return html! {
            <section class="vote" aria-labelledby="vote-heading">
                <h1 id="vote-heading">{ words.t("ui.assembly.vote_heading") }</h1>
                <p>{ words.t("ui.assembly.vote_intro") }</p>
                <ol class="vote-options">
                    { for options.iter().enumerate().map(|(i, a)| html! {
                        <li>
                            <span class="letter" aria-hidden="true">{ letters.get(i).cloned().unwrap_or_default() }</span>
                            <span>{ answer_words(words, &voice, story, scene_of(hall), a) }</span>
                        </li>
                    }) }
                </ol>
            </section>
        };
    }
    // The scene as the story shows it; its buttons do nothing here: the
    // teacher drives.
    let ignore = Callback::from(|_: GameEvent| ());
    html! {
        <ContextProvider<Voice> context={voice.clone()}>
            if hall.at_ending(story) { { hall_choices(words, &voice, story, hall) } }
            { scene_screen(story, &hall.game, &ignore) }
        </ContextProvider<Voice>>
    }
}

/// The hall's choices and their hands, for the ending.
fn hall_choices(words: &Words, voice: &Voice, story: &StoryRef, hall: &Hall) -> Html {
    let rows = hall.choices.iter().map(|c| {
        let option = answer_words(words, voice, story, c.scene.as_ref(), &c.option);
        let total = c.hands.iter().sum::<u32>();
        let winner = c.hands.iter().copied().max().unwrap_or(0).to_string();
        let line = if total == 0 {
            words.t_with("ui.assembly.hall_picked", &[("option", &option)])
        } else {
            words.t_with(
                "ui.assembly.hall_choice",
                &[("option", &option), ("hands", &winner), ("total", &total.to_string())],
            )
        };
        html! { <li>{ line }</li> }
    });
    html! {
        <section class="hall-choices screen" aria-labelledby="hall-heading">
            <h2 id="hall-heading">{ words.t("ui.assembly.hall_heading") }</h2>
            <ol>{ for rows }</ol>
        </section>
    }
}

/// The presenter's notes for where the hall is, and the counting of hands.
fn notes(words: &Words, story: &StoryRef, hall: &Hall, cue: &Callback<Cue>) -> Html {
    let voice = voice(words, hall);
    let note = match hall.card() {
        _ if hall.intro => "ui.assembly.note_intro",
        Some(Card::Prompt(_)) => "ui.assembly.note_prompt",
        Some(Card::Summary(_)) => "ui.assembly.note_summary",
        Some(Card::Help) if hall.running_order().assembly => "ui.assembly.note_closing_assembly",
        Some(Card::Help) => "ui.assembly.note_closing_lesson",
        None => scene_note(story, hall),
    };
    let letters = letters(words);
    let counting = hall.vote.as_ref().map(|hands| {
        let options = hall.options(story);
        html! {
            <ol class="counts">
                { for options.iter().enumerate().map(|(i, a)| {
                    let letter = letters.get(i).cloned().unwrap_or_default();
                    let id = format!("hands-{i}");
                    let oninput = cue.reform(move |e: InputEvent| {
                        let hands = e.target_dyn_into::<HtmlInputElement>().and_then(|x| x.value().parse().ok()).unwrap_or(0);
                        Cue::Counted { option: i, hands }
                    });
                    html! {
                        <li>
                            <label for={id.clone()}>
                                { words.t_with("ui.assembly.hands", &[("letter", &letter)]) }{ ": " }
                                { answer_words(words, &voice, story, scene_of(hall), a) }
                            </label>
                            <input type="number" {id} min="0" max="9999" inputmode="numeric" value={hands[i].to_string()} {oninput} />
                            <button type="button" onclick={on_press_with(cue, Cue::Picked(i))}>
                                { words.t_with("ui.assembly.pick", &[("letter", &letter)]) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        }
    });
    let order = hall.running_order();
    let chapter = hall.chapter(story).filter(|_| !hall.intro && hall.cards.is_empty());
    html! {
        <>
            if hall.intro {
                <Checklist />
                <p class="safeguarding"><strong>{ words.t("ui.assembly.safeguarding") }</strong></p>
                { orders(words, story, hall, cue) }
            }
            if let Some(chapter) = chapter {
                <p class="chapter-note">{ words.t(&chapter.note_key()) }</p>
                <p class="plan-now">{ plan_line(words, chapter, order.minutes_for(chapter.as_str())) }</p>
            }
            <p>{ words.t(note) }</p>
            { counting.unwrap_or_default() }
        </>
    }
}

/// The note for a scene with no card over it: the vote, the ending,
/// choosing who to be, or reading together.
fn scene_note(story: &StoryRef, hall: &Hall) -> &'static str {
    if hall.vote.is_some() {
        "ui.assembly.note_vote"
    } else if hall.at_ending(story) {
        "ui.assembly.note_ending"
    } else if hall.game.at == At::Pick {
        "ui.assembly.note_pick"
    } else {
        "ui.assembly.note_scene"
    }
}

/// What to make sure of before an assembly or a lesson starts (CEOP: the
/// safeguarding lead told and named to the hall, a lesson to follow, help
/// left on screen), each ticked by the presenter; kept only while the
/// content note shows.
#[component]
fn Checklist() -> Html {
    let words = use_words();
    let ticked = use_state(|| [false; 3]);
    let items = ["ui.assembly.check_dsl", "ui.assembly.check_lesson", "ui.assembly.check_help"];
    html! {
        <fieldset class="checklist">
            <legend>{ words.t("ui.assembly.checklist") }</legend>
            { for items.iter().enumerate().map(|(i, key)| {
                let onchange = {
                    let ticked = ticked.clone();
                    Callback::from(move |_: Event| {
                        let mut now = *ticked;
                        now[i] = !now[i];
                        ticked.set(now);
                    })
                };
                html! {
                    <label class="option">
                        <input type="checkbox" checked={ticked[i]} {onchange} />
                        { words.t(key) }
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// "The picture: 6 minutes": a chapter's line of the plan.
fn plan_line(words: &Words, chapter: &ChapterId, minutes: u32) -> String {
    let title = words.t(&chapter.title_key()).to_string();
    words.t_n("ui.assembly.plan", u64::from(minutes), &[("chapter", &title)])
}

/// The running orders to choose from, and the chosen one's plan.
fn orders(words: &Words, story: &StoryRef, hall: &Hall, cue: &Callback<Cue>) -> Html {
    let order = hall.running_order();
    let planned: u32 = order.chapters.iter().map(|c| c.1).sum();
    let plan = story.chapters().iter().filter(|c| order.shows(c.id.as_str())).map(|c| {
        html! { <li>{ plan_line(words, &c.id, order.minutes_for(c.id.as_str())) }</li> }
    });
    html! {
        <section class="orders" aria-labelledby="orders-heading">
            <h3 id="orders-heading">{ words.t("ui.assembly.order") }</h3>
            <ul class="order-choices">
                { for story.orders().iter().enumerate().map(|(i, o)| html! {
                    <li>
                        <button type="button" aria-pressed={(o.name == hall.order.name).to_string()} onclick={cue.reform(move |_: MouseEvent| Cue::Ordered(i))}>
                            { words.t(&o.key()) }
                        </button>
                    </li>
                }) }
            </ul>
            <ol class="plan">
                { for plan }
                <li>{ words.t_n("ui.assembly.plan_ending", u64::from(order.minutes - planned), &[]) }</li>
            </ol>
        </section>
    }
}

/// The time left of the running order, from when play began.
fn time_left(words: &Words, hall: &Hall, started: Option<f64>) -> Html {
    let Some(started) = started else { return html! {} };
    let used = ((js_sys::Date::now() - started) / 60_000.0).floor() as i64;
    let left = i64::from(hall.running_order().minutes) - used;
    let text = if left >= 0 {
        words.t_n("ui.assembly.time_left", left as u64, &[])
    } else {
        words.t_n("ui.assembly.time_over", left.unsigned_abs(), &[])
    };
    html! { <p class={classes!("time-left", (left < 0).then_some("over"))}>{ text }</p> }
}

/// Opens the audience's view in a new window (for the projector).
fn open_audience() {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target(&Door::Assembly { audience: true }.href(), AUDIENCE_WINDOW);
    }
}

/// Leaves Assembly for the title, forgetting this window's hall: coming
/// back starts afresh, unless the other window is still open with its own.
fn leave() {
    storage::session_remove(HALL_KEY);
    storage::session_remove(CLOCK_KEY);
    go_to(&Door::Story);
}
