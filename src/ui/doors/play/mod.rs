//! The story's door: [`Play`], which holds the one game reducer (the
//! story's state and what changes it), saves on every change, follows
//! another tab's, and shows the cards between chapters when playing
//! together; and [`TitleDoor`], the title before the story's own words are
//! had. Both choose another story through [`use_choose`]. The story's
//! state and what changes it are in [`state`].

mod state;

use yew::prelude::*;

use self::state::{Act, State};
use crate::assembly::{self, Card};
use crate::content::StoryInfo;
use crate::door::Door;
use crate::game::{At, Event, Game};
use crate::keys;
use crate::ui::effects::timer::later;
use crate::ui::effects::window::use_window_event;
use crate::ui::effects::{packs, storage};
use crate::ui::parts::cards::card_words;
use crate::ui::parts::framed::Framed;
use crate::ui::scenes::scene_screen;
use crate::ui::scenes::title::TitleScreen;
use crate::ui::{
    handover, new_seed, on_press, use_heading_focus, use_words, use_worlds, StoryRef, Voice, Words, WorldsRef,
};

/// Props of [`TitleDoor`].
#[derive(Properties, PartialEq)]
pub struct TitleDoorProps {
    /// The story chosen.
    pub info: &'static StoryInfo,
    /// Another story was chosen, and its words had.
    pub onchoose: Callback<(&'static StoryInfo, Words)>,
}

/// The title screen before the story's own words are had: Start fetches
/// them (if the background has not already) and the story begins.
#[component]
pub fn TitleDoor(props: &TitleDoorProps) -> Html {
    let choose = use_choose(&props.onchoose);
    let (pick, info) = (choose.choose.clone(), props.info);
    html! {
        <>
            { choose.notice }
            <Framed>
                <TitleScreen onstart={Callback::from(move |()| pick.emit(info))} story={info} onchoose={choose.choose} />
            </Framed>
        </>
    }
}

/// Props of [`Play`].
#[derive(Properties, PartialEq)]
pub struct PlayProps {
    /// The story.
    pub story: StoryRef,
    /// The story as the catalogue lists it.
    pub info: &'static StoryInfo,
    /// Played together at home (the address `#together`).
    #[prop_or_default]
    pub together: bool,
    /// Another story was chosen on the title screen, and its words had.
    pub onchoose: Callback<(&'static StoryInfo, Words)>,
}

/// The story's door: the game, saved as it goes, followed across tabs,
/// and (playing together) the cards between chapters.
#[component]
pub fn Play(props: &PlayProps) -> Html {
    let words = use_words();
    let save_key = keys::save_key(props.info.id);
    let (state, reset) = use_play_state(props, &save_key);
    use_kept_cards(&state.cards, props.together, keys::cards_key(props.info.id));
    // A word about the saved game, by its key: it could not be read, it
    // cannot be kept, or another tab changed it.
    let notice = use_state(|| reset.then_some("ui.notice.save_reset"));
    use_saving(&state, &notice, &props.story, save_key);
    use_world_ahead(&state.worlds, state.game.seed);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |event: Event| state.dispatch(Act::Played(event)))
    };
    use_autostart(&dispatch, props.info.id, state.game.at == At::Title);
    let onchoose = use_choose(&props.onchoose);
    let game = &state.game;
    let screen = play_screen(props, &state, &dispatch, onchoose.choose);
    let player = game.player.as_ref().map(|p| words.t(&p.name_key()).to_string());
    let voice = Voice::new(words.clone(), AttrValue::from(player.unwrap_or_default()));
    let chapter = chapter_line(&words, &props.story, &state);
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };
    let undo = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Act::Undid))
    };
    let onstartagain = (game.at != At::Title).then(|| dispatch.reform(|()| Event::PressedStartAgain));
    html! {
        <>
            { onchoose.notice }
            if let Some(key) = *notice {
                <div class="notice" role="status">
                    <p>{ words.t(key) }</p>
                    <button type="button" onclick={dismiss}>{ words.t("ui.notice.dismiss") }</button>
                </div>
            }
            if state.undo.is_some() {
                <div class="notice" role="status">
                    <p>{ words.t("ui.notice.started_again") }</p>
                    <button type="button" onclick={undo}>{ words.t("ui.notice.undo") }</button>
                </div>
            }
            <Framed {chapter} {onstartagain}>
                <ContextProvider<Voice> context={voice}>{ screen }</ContextProvider<Voice>>
            </Framed>
        </>
    }
}

/// The story's state to begin with: the game saved under `save_key` (and
/// whether one there could not be read, so the game starts afresh), and,
/// playing together, the question (or summary) showing when the page was
/// closed or reloaded, which comes back with the game.
#[hook]
fn use_play_state(props: &PlayProps, save_key: &str) -> (UseReducerHandle<State>, bool) {
    let worlds = use_worlds();
    let (initial, reset) = {
        let (story, worlds, key) = (props.story.clone(), worlds.clone(), save_key.to_string());
        let loaded = use_memo((), move |_| storage::load(&key, &story, &worlds));
        (loaded.game.clone(), loaded.reset)
    };
    let cards = props
        .together
        .then(|| {
            storage::read(&keys::cards_key(props.info.id))
                .and_then(|t| assembly::decode_cards(&t, &props.story).ok())
        })
        .flatten()
        .filter(|_| matches!(initial.at, At::Scene(_)))
        .unwrap_or_default();
    let state = use_reducer(|| State {
        story: props.story.clone(),
        worlds,
        game: initial,
        together: props.together,
        cards,
        undo: None,
    });
    (state, reset)
}

/// Keeps the cards showing under `key` while playing together, and none
/// once they are read.
#[hook]
fn use_kept_cards(cards: &[Card], together: bool, key: String) {
    use_effect_with((cards.to_vec(), together), move |(cards, together)| {
        if cards.is_empty() {
            storage::remove(&key);
        } else if *together {
            storage::write(&key, &assembly::encode_cards(cards));
        }
    });
}

/// Saves every change under `key` (a game not begun is no save at all),
/// and says so in `notice` when it cannot be kept; and when another tab or
/// window of the game saved, started again or forgot everything, this one
/// follows, and says so, rather than writing its own game over what was
/// done there.
#[hook]
fn use_saving(
    state: &UseReducerHandle<State>,
    notice: &UseStateHandle<Option<&'static str>>,
    story: &StoryRef,
    key: String,
) {
    {
        let (notice, key) = (notice.clone(), key.clone());
        use_effect_with(state.game.clone(), move |game| {
            let kept = if *game == Game::new() { storage::remove(&key) } else { storage::save(&key, game) };
            if !kept {
                notice.set(Some("ui.notice.unsaved"));
            } else if *notice == Some("ui.notice.unsaved") {
                notice.set(None);
            }
        });
    }
    let (state, notice, story) = (state.clone(), notice.clone(), story.clone());
    use_window_event("storage", move |e: web_sys::StorageEvent| {
        let Some(change) = storage::save_changed(&e, &key, &story, &state.worlds) else { return };
        notice.set(Some(if change.is_some() { "ui.notice.elsewhere" } else { "ui.notice.forgotten" }));
        state.dispatch(Act::Elsewhere(change));
    });
}

/// Builds the story's world for `seed` while the player reads, in a task
/// of its own, once per play-through (not put off by every screen that
/// follows), so that the choice about the picture only has the spread to
/// run: `worlds` keeps it once built, and lends it to the tally and the
/// outcome's map.
#[hook]
fn use_world_ahead(worlds: &WorldsRef, seed: u64) {
    let worlds = worlds.clone();
    use_effect_with(seed, move |&seed| {
        let timer = (seed != 0).then(|| later(300, move || drop(worlds.story(seed))));
        move || drop(timer)
    });
}

/// A story just chosen on the title screen (`id`) starts at once, if the
/// game is `at_title` (a game of it already under way carries on instead).
#[hook]
fn use_autostart(dispatch: &Callback<Event>, id: &'static str, at_title: bool) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        if handover::take_started(id) && at_title {
            dispatch.emit(Event::PressedStart { seed: new_seed() });
        }
    });
}

/// The screen for where the story is: a card between chapters, the title,
/// or the scene; the player's acts sent to `dispatch`, another story chosen
/// on the title to `choose`.
fn play_screen(
    props: &PlayProps,
    state: &State,
    dispatch: &Callback<Event>,
    choose: Callback<&'static StoryInfo>,
) -> Html {
    let next = dispatch.reform(|()| Event::PressedNext);
    match (&state.game.at, state.cards.first()) {
        (_, Some(card)) => html! {
            <TalkCard key={assembly::encode_cards(std::slice::from_ref(card))} card={card.clone()} onnext={next.clone()} />
        },
        (At::Title, _) => {
            let onstart = dispatch.reform(|()| Event::PressedStart { seed: new_seed() });
            html! {
                <TitleScreen {onstart} story={props.info} onchoose={choose} />
            }
        }
        _ => scene_screen(&props.story, &state.game, dispatch),
    }
}

/// Which chapter this is, so that a class can see where a stop falls.
/// While the question about a chapter (or a chapter's summary) shows, the
/// bar names that chapter, not the one the story has moved on to.
fn chapter_line(words: &Words, story: &StoryRef, state: &State) -> Option<String> {
    match (state.cards.first(), &state.game.at) {
        (Some(Card::Prompt(c) | Card::Summary(c)), _) => Some(c),
        (_, At::Scene(id)) => story.scene(id).chapter.as_ref(),
        _ => None,
    }
    .map(|c| {
        let (n, total) = (story.chapter_number(c).to_string(), story.chapters().len().to_string());
        let title = words.t(&c.title_key()).to_string();
        words.t_with("ui.chapter", &[("n", &n), ("total", &total), ("title", &title)])
    })
}

/// Choosing another story on the title screen: its words are fetched
/// first, so that the player stays on the title until they are had (a line
/// says they are coming), and if they cannot be, a notice says so with a
/// way to try again.
struct Choose {
    choose: Callback<&'static StoryInfo>,
    notice: Html,
}

#[hook]
fn use_choose(onchosen: &Callback<(&'static StoryInfo, Words)>) -> Choose {
    let words = use_words();
    // The story being fetched, and whether its fetch failed.
    let pending = use_state(|| None::<(&'static StoryInfo, bool)>);
    let choose = {
        let (pending, onchosen, lang) = (pending.clone(), onchosen.clone(), words.lang());
        Callback::from(move |info: &'static StoryInfo| {
            pending.set(Some((info, false)));
            let (pending, onchosen) = (pending.clone(), onchosen.clone());
            packs::words_with(lang, Door::Story.packs(info), move |result| match result {
                Ok(words) => {
                    pending.set(None);
                    handover::start(info.id);
                    onchosen.emit((info, words));
                }
                Err(why) => {
                    web_sys::console::warn_1(&why.into());
                    pending.set(Some((info, true)));
                }
            });
        })
    };
    let notice = match *pending {
        None => html! {},
        Some((_, false)) => {
            html! { <div class="notice" role="status"><p>{ words.t("ui.pack.loading") }</p></div> }
        }
        Some((info, true)) => {
            let (retry, dismiss) = (choose.clone(), pending.clone());
            html! {
                <div class="notice" role="status">
                    <p>{ words.t("ui.pack.failed") }</p>
                    <button type="button" onclick={Callback::from(move |_: MouseEvent| retry.emit(info))}>{ words.t("ui.pack.retry") }</button>
                    <button type="button" onclick={Callback::from(move |_: MouseEvent| dismiss.set(None))}>{ words.t("ui.notice.dismiss") }</button>
                </div>
            }
        }
    };
    Choose { choose, notice }
}

#[derive(Properties, PartialEq)]
struct TalkCardProps {
    card: Card,
    onnext: Callback<()>,
}

/// Between chapters when playing together: a question to talk about, or a
/// summary of a chapter the shorter run leaves out.
#[component]
fn TalkCard(props: &TalkCardProps) -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    let (title, text) = card_words(&words, &props.card);
    html! {
        <section class="screen narration talk">
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            <p class={classes!("prompt-text", matches!(props.card, Card::Summary(_)).then_some("summary-text"))}>{ text }</p>
            <button type="button" class="primary" onclick={on_press(&props.onnext)}>{ words.t("ui.next") }</button>
        </section>
    }
}
