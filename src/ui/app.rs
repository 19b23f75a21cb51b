//! The root component: provides the words, holds the one game reducer,
//! saves on every change, and picks the screen for where the player is.

use std::rc::Rc;

use yew::prelude::*;

use super::assembly::{card_words, AssemblyScreen};
use super::chat::ChatScreen;
use super::chats::ChatListScreen;
use super::ending::EndingScreen;
use super::explore::ExploreScreen;
use super::guides::{GuidePage, PosterPage, QuizPage};
use super::help::HelpScreen;
use super::lock::LockScreen;
use super::narration::NarrationScreen;
use super::outcome::OutcomeScreen;
use super::pick::PickScreen;
use super::settings::{self, Prefs, SettingsScreen};
use super::timer::later;
use super::title::TitleScreen;
use super::topbar::{use_escape_to_exit, use_window_event, TopBar};
use super::{
    go_to, new_seed, on_press, packs, storage, use_heading_focus, use_words, StoryRef, Voice, Words,
};
use crate::assembly::{self, Card};
use crate::content::{first_story, story_info, StoryInfo};
use crate::door::Door;
use crate::game::{At, Event, Game};
use crate::i18n::Lang;
use crate::keys::{self, STORY_KEY};
use crate::settings::{Settings, SETTINGS_KEY};
use crate::sim;
use crate::story::SceneKind;

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The words of the language shown first: the one the settings or the
    /// device ask for. Changing language in Settings loads another.
    pub words: Words,
    /// The story chosen, handed in already read (the tests), or the
    /// plain-words fault that stops it loading. None: the App reads each
    /// story from its pack when it is first needed.
    #[prop_or_default]
    pub story: Option<Result<StoryRef, String>>,
    /// The language the game is to be in, when `words` are only what was
    /// at hand (English, while another language's file is still coming):
    /// the App fetches it and switches. None: the language of `words`.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

/// The whole game: the story, or Explore, Assembly or a guide when the
/// address says so, each once the words it needs are had.
#[component]
pub fn App(props: &AppProps) -> Html {
    let hash = use_hash();
    let settings = use_state(settings::load);
    // The words on screen, and a language whose file could not be had.
    let shown = use_state(|| props.words.clone());
    let failed = use_state(settings::take_missed);
    let wanted = settings.lang.or(props.lang).unwrap_or(props.words.lang());
    // The story chosen: the one played last, or the catalogue's first.
    let chosen =
        use_state(|| storage::read(STORY_KEY).and_then(|id| story_info(&id)).unwrap_or(first_story()));
    let door = Door::parse(&hash);
    let needs = needs(&door, &chosen);
    let (pack_failed, retry) = use_packs(&shown, &settings, &failed, wanted, &needs);
    {
        // Once the first screen shows, what its buttons open is fetched in
        // the background: the story chosen, and the other doors' words.
        let (lang, story) = (shown.lang(), chosen.pack());
        use_effect_with(lang, move |&lang| {
            let all = [story, "guides".into(), "explore".into(), "assembly".into()];
            let timer = later(PRELOAD_AFTER_MS, move || packs::preload(lang, &all));
            move || drop(timer)
        });
    }
    if let Some(Ok(story)) = &props.story {
        packs::keep_story(chosen.id, story.clone());
    }
    let words = (*shown).clone();
    {
        let settings = settings.clone();
        use_effect_with((*settings, words.lang()), |(s, lang)| settings::apply(s, *lang));
        use_window_event("storage", move |e: web_sys::StorageEvent| {
            if let Some(s) = settings::from_storage_event(&e) {
                settings.set(s);
            }
        });
    }
    let notice = failed.map(|lang| {
        let failed = failed.clone();
        html! {
            <div class="notice" role="status">
                <p>{ words.t_with("ui.notice.language_failed", &[("language", lang.own_name())]) }</p>
                <button type="button" onclick={Callback::from(move |_: MouseEvent| failed.set(None))}>
                    { words.t("ui.notice.dismiss") }
                </button>
            </div>
        }
    });
    // An address that names no door (a mistyped link, an old bookmark):
    // the story's start, and a word of why.
    let address = (door == Door::NotFound).then(|| {
        html! {
            <div class="notice" role="status">
                <p>{ words.t("ui.notice.address") }</p>
                <button type="button" onclick={Callback::from(|_: MouseEvent| go_to(&Door::Story))}>{ words.t("ui.notice.dismiss") }</button>
            </div>
        }
    });
    let prefs = {
        let settings = settings.clone();
        Prefs {
            settings: *settings,
            set: Callback::from(move |s: Settings| {
                storage::write(SETTINGS_KEY, &s.encode());
                settings.set(s);
            }),
        }
    };
    let ready = needs.iter().all(|p| words.has_pack(p));
    let story = match &props.story {
        Some(Err(problem)) => Err(problem.clone()),
        _ => packs::story(chosen.id).ok_or_else(String::new),
    };
    let choose = {
        let (chosen, shown) = (chosen.clone(), shown.clone());
        Callback::from(move |(info, words): (&'static StoryInfo, Words)| {
            storage::write(STORY_KEY, info.id);
            shown.set(words);
            chosen.set(info);
        })
    };
    let screen = match (story, door) {
        (Err(problem), _) if !problem.is_empty() => html! { <ErrorScreen {problem} /> },
        (_, Door::Story) if !words.has_pack(&chosen.pack()) && needs.is_empty() => html! {
            <TitleDoor info={*chosen} onchoose={choose} />
        },
        _ if !ready => {
            html! { <Framed><PackScreen problem={(*pack_failed).clone()} onretry={retry} /></Framed> }
        }
        (_, Door::Quiz) => html! { <Framed><QuizPage /></Framed> },
        (_, Door::Poster) => html! { <Framed><PosterPage /></Framed> },
        (_, Door::Page(page)) => html! { <Framed><GuidePage {page} /></Framed> },
        (Err(_), _) => {
            html! { <ErrorScreen problem={String::from("the story was not read from its pack")} /> }
        }
        (Ok(_), Door::Explore(query)) => html! {
            <Framed><ExploreScreen query={AttrValue::from(query)} onback={Callback::from(|()| go_to(&Door::Story))} /></Framed>
        },
        (Ok(story), Door::Assembly { audience: true }) => html! {
            <Framed bar=false><AssemblyScreen {story} audience=true /></Framed>
        },
        (Ok(story), Door::Assembly { audience: false }) => {
            html! { <Framed><AssemblyScreen {story} audience=false /></Framed> }
        }
        (Ok(story), door @ (Door::Story | Door::Together | Door::NotFound)) => html! {
            <Play key={chosen.id} {story} info={*chosen} together={door == Door::Together} onchoose={choose} />
        },
    };
    html! {
        <ContextProvider<Words> context={words}>
            <ContextProvider<Prefs> context={prefs}>{ for notice }{ for address }{ screen }</ContextProvider<Prefs>>
        </ContextProvider<Words>>
    }
}

/// The packs the screen at `door` needs, with `story` chosen: as the door
/// says, but the title of a story not yet begun needs none (its words come
/// when Start is pressed, or before, fetched in the background), so that
/// the first screen of a first visit waits for nothing.
pub(super) fn needs(door: &Door, story: &StoryInfo) -> Vec<String> {
    let begun = || storage::read(&keys::save_key(story.id)).is_some();
    match door {
        Door::Story if !begun() => Vec::new(),
        door => door.packs(story),
    }
}

#[derive(Properties, PartialEq)]
struct TitleDoorProps {
    info: &'static StoryInfo,
    onchoose: Callback<(&'static StoryInfo, Words)>,
}

/// The title screen before the story's own words are had: Start fetches
/// them (if the background has not already) and the story begins.
#[component]
fn TitleDoor(props: &TitleDoorProps) -> Html {
    let choose = use_choose(&props.onchoose);
    let (pick, info) = (choose.choose.clone(), props.info);
    html! {
        <>
            { choose.notice }
            <Framed>
                <TitleScreen onstart={Callback::from(move |()| pick.emit(info))} story={info} onchoose={choose.choose}
                    onexplore={Callback::from(|()| go_to(&Door::Explore(String::new())))}
                    onassembly={Callback::from(|()| go_to(&Door::Assembly { audience: false }))} />
            </Framed>
        </>
    }
}

/// How long after the first screen the likely next packs are fetched.
const PRELOAD_AFTER_MS: i32 = 1_500;

/// Keeps `shown` the words of the language `wanted` with the packs the
/// door `needs`: fetches what is missing, and, where a language cannot be
/// had, stays in the one shown and says so (`failed`). Returns why a pack
/// the door needs could not be had (none while it is coming), and a way
/// to try again.
#[hook]
fn use_packs(
    shown: &UseStateHandle<Words>,
    settings: &UseStateHandle<Settings>,
    failed: &UseStateHandle<Option<Lang>>,
    wanted: Lang,
    needs: &[String],
) -> (UseStateHandle<Option<String>>, Callback<()>) {
    let problem = use_state(|| None::<String>);
    let attempt = use_state(|| 0u32);
    // What is wanted now, and the settings now, for a fetch that answers
    // after something else was asked for (which is then dropped).
    let now = use_mut_ref(|| (wanted, needs.to_vec(), **settings));
    *now.borrow_mut() = (wanted, needs.to_vec(), **settings);
    {
        let (shown, failed, settings, problem) =
            (shown.clone(), failed.clone(), settings.clone(), problem.clone());
        use_effect_with((wanted, needs.to_vec(), *attempt), move |(wanted, needs, _)| {
            let (was, wanted, needs) = (shown.lang(), *wanted, needs.clone());
            if was == wanted && needs.iter().all(|p| shown.has_pack(p)) {
                return;
            }
            problem.set(None);
            let asked = needs.clone();
            packs::words_with(wanted, needs, move |words| {
                let (lang, needs, kept) = now.borrow().clone();
                if lang != wanted || needs != asked {
                    return;
                }
                match words {
                    Ok(words) => shown.set(words),
                    Err(why) if was != wanted => {
                        web_sys::console::warn_1(&why.into());
                        failed.set(Some(wanted));
                        // The setting stays as kept, to try again next
                        // visit; on screen it shows the language in use.
                        settings.set(Settings { lang: Some(was), ..kept });
                    }
                    Err(why) => {
                        web_sys::console::warn_1(&why.clone().into());
                        problem.set(Some(why));
                    }
                }
            });
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    (problem, retry)
}

#[derive(Properties, PartialEq)]
struct PackScreenProps {
    /// Why the words could not be had; none while they are coming.
    problem: Option<String>,
    onretry: Callback<()>,
}

/// While the words a screen needs are on their way: a line saying so, and
/// if they cannot be had, why in plain words, with Try again and the way
/// back to the start. The bar (Help, Quick exit) is above it all along.
#[component]
fn PackScreen(props: &PackScreenProps) -> Html {
    let words = use_words();
    let Some(problem) = &props.problem else {
        return html! {
            <section class="screen pack" aria-busy="true">
                <p class="pack-loading" role="status">{ words.t("ui.pack.loading") }</p>
            </section>
        };
    };
    let home = Callback::from(|()| go_to(&Door::Story));
    html! {
        <section class="screen pack" role="alert">
            <h1>{ words.t("ui.error.heading") }</h1>
            <p>{ words.t("ui.pack.failed") }</p>
            <p class="pack-problem">{ problem.clone() }</p>
            <p class="doors">
                <button type="button" class="primary" onclick={on_press(&props.onretry)}>{ words.t("ui.pack.retry") }</button>
                <button type="button" onclick={on_press(&home)}>{ words.t("ui.pack.back") }</button>
            </p>
        </section>
    }
}

/// The address's `#…` part, kept up to date as it changes.
#[hook]
fn use_hash() -> String {
    let read = || web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let hash = use_state(read);
    {
        let hash = hash.clone();
        use_window_event("hashchange", move |_: web_sys::Event| hash.set(read()));
    }
    (*hash).clone()
}

#[derive(Properties, PartialEq)]
struct FramedProps {
    children: Html,
    /// With the bar (Help, Quick exit); without it, only Escape's quick
    /// exit (the projector's view).
    #[prop_or(true)]
    bar: bool,
    /// Which chapter of the story this is, for the bar.
    #[prop_or_default]
    chapter: Option<String>,
    /// Start again, where there is a game to start again.
    #[prop_or_default]
    onstartagain: Option<Callback<()>>,
}

/// A screen of any door of the game (the story, Explore, Assembly, the
/// guides) with the bar above it: where it is, Help (a view over the
/// screen, not a place in the game) and Quick exit (also Escape).
#[component]
fn Framed(props: &FramedProps) -> Html {
    let over = use_state(|| Over::Nothing);
    use_escape_to_exit();
    // Opening or closing Help or Settings starts at the top, with the bar
    // (Help, Quick exit) on screen: Settings is long, and a page left
    // scrolled to where its Done button was hides the bar.
    use_effect_with(*over, |_| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let toggle = |which: Over| {
        let over = over.clone();
        Callback::from(move |()| over.set(if *over == which { Over::Nothing } else { which }))
    };
    if !props.bar {
        return props.children.clone();
    }
    html! {
        <>
            <TopBar chapter={props.chapter.clone()} onhelp={toggle(Over::Help)} onsettings={toggle(Over::Settings)}
                onstartagain={props.onstartagain.clone()} />
            {
                match *over {
                    Over::Help => html! { <HelpScreen onclose={toggle(Over::Help)} /> },
                    Over::Settings => html! { <SettingsScreen onclose={toggle(Over::Settings)} /> },
                    Over::Nothing => props.children.clone(),
                }
            }
        </>
    }
}

/// What is open over the screen, from the bar.
#[derive(Clone, Copy, PartialEq)]
enum Over {
    Nothing,
    Help,
    Settings,
}

struct State {
    story: StoryRef,
    game: Game,
    /// Played together at home: the shorter run, with a question to talk
    /// about after each chapter and a summary of each chapter left out.
    together: bool,
    /// The cards to show before the scene (playing together), the first
    /// one showing now.
    cards: Vec<Card>,
    /// The game before Start again, until the player moves on: Start again
    /// throws nothing away without a way back.
    undo: Option<Game>,
}

/// What changes the story's state.
enum Act {
    /// The player did something in the game.
    Played(Event),
    /// The player undid Start again.
    Undid,
    /// Another tab or window of the game changed the saved game: to this
    /// game, or to none (started again or forgotten there).
    Elsewhere(Option<Game>),
}

impl Reducible for State {
    type Action = Act;

    fn reduce(self: Rc<Self>, act: Act) -> Rc<Self> {
        let event = match act {
            Act::Played(event) => event,
            Act::Undid => {
                let Some(game) = self.undo.clone() else { return self };
                return Rc::new(State { game, ..self.fresh() });
            }
            Act::Elsewhere(game) => return Rc::new(State { game: game.unwrap_or_default(), ..self.fresh() }),
        };
        let undo =
            (event == Event::PressedStartAgain && self.game.at != At::Title).then(|| self.game.clone());
        let (game, cards) = match (self.cards.is_empty(), self.together) {
            // Next after a card goes on to the next card, or to where the
            // story already is.
            (false, _) if event == Event::PressedNext => (self.game.clone(), self.cards[1..].to_vec()),
            (false, _) if event != Event::PressedStartAgain => return self,
            (_, true) => assembly::together(&self.story, &self.game, event),
            (_, false) => (self.game.apply(&self.story, event), Vec::new()),
        };
        Rc::new(State { game, cards, undo, ..self.fresh() })
    }
}

impl State {
    /// This state's story and mode, with a new game to fill in, no card
    /// and nothing to undo.
    fn fresh(&self) -> State {
        State {
            story: self.story.clone(),
            game: Game::new(),
            together: self.together,
            cards: Vec::new(),
            undo: None,
        }
    }
}

#[derive(Properties, PartialEq)]
struct PlayProps {
    story: StoryRef,
    /// The story as the catalogue lists it.
    info: &'static StoryInfo,
    /// Played together at home (the address `#together`).
    #[prop_or_default]
    together: bool,
    /// Another story was chosen on the title screen, and its words had.
    onchoose: Callback<(&'static StoryInfo, Words)>,
}

thread_local! {
    /// A story chosen on the title screen, to start as soon as it shows.
    static AUTOSTART: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

#[component]
fn Play(props: &PlayProps) -> Html {
    let words = use_words();
    let (save_key, cards_key) = (keys::save_key(props.info.id), keys::cards_key(props.info.id));
    let (initial, reset) = {
        let (story, key) = (props.story.clone(), save_key.clone());
        let loaded = use_memo((), move |_| storage::load(&key, &story));
        (loaded.game.clone(), loaded.reset)
    };
    // Playing together, the question (or summary) showing when the page
    // was closed or reloaded comes back with the game.
    let cards = props
        .together
        .then(|| storage::read(&cards_key).and_then(|t| assembly::decode_cards(&t, &props.story).ok()))
        .flatten()
        .filter(|_| matches!(initial.at, At::Scene(_)))
        .unwrap_or_default();
    let state = use_reducer(|| State {
        story: props.story.clone(),
        game: initial,
        together: props.together,
        cards,
        undo: None,
    });
    use_effect_with((state.cards.clone(), props.together), move |(cards, together)| {
        if cards.is_empty() {
            storage::remove(&cards_key);
        } else if *together {
            storage::write(&cards_key, &assembly::encode_cards(cards));
        }
    });
    // A word about the saved game, by its key: it could not be read, it
    // cannot be kept, or another tab changed it.
    let notice = use_state(|| reset.then_some("ui.notice.save_reset"));
    // Save every change (a game not begun is no save at all), and say so
    // when it cannot be kept.
    {
        let (notice, key) = (notice.clone(), save_key.clone());
        use_effect_with(state.game.clone(), move |game| {
            let kept = if *game == Game::new() { storage::remove(&key) } else { storage::save(&key, game) };
            if !kept {
                notice.set(Some("ui.notice.unsaved"));
            } else if *notice == Some("ui.notice.unsaved") {
                notice.set(None);
            }
        });
    }
    // Another tab or window of the game saved, started again or forgot
    // everything: this one follows, and says so, rather than writing its
    // own game over what was done there.
    {
        let (state, notice, story) = (state.clone(), notice.clone(), props.story.clone());
        use_window_event("storage", move |e: web_sys::StorageEvent| {
            let Some(change) = storage::save_changed(&e, &save_key, &story) else { return };
            notice.set(Some(if change.is_some() { "ui.notice.elsewhere" } else { "ui.notice.forgotten" }));
            state.dispatch(Act::Elsewhere(change));
        });
    }
    // Build the story's world while the player reads, in a task of its own,
    // once per play-through (not put off by every screen that follows), so
    // that the choice about the picture only has the spread to run (the
    // world is kept once built).
    use_effect_with(state.game.seed, |&seed| {
        let timer = (seed != 0).then(|| later(300, move || drop(sim::story_world(seed))));
        move || drop(timer)
    });

    let dispatch = {
        let state = state.clone();
        Callback::from(move |event: Event| state.dispatch(Act::Played(event)))
    };
    // A story just chosen on the title screen starts at once (a game of
    // it already under way carries on instead).
    {
        let (dispatch, id, at_title) = (dispatch.clone(), props.info.id, state.game.at == At::Title);
        use_effect_with((), move |_| {
            if AUTOSTART.with(|a| a.take()) == Some(id) && at_title {
                dispatch.emit(Event::PressedStart { seed: new_seed() });
            }
        });
    }
    let onchoose = use_choose(&props.onchoose);
    let story = &props.story;
    let game = &state.game;
    let next = dispatch.reform(|()| Event::PressedNext);
    let screen = match (&game.at, state.cards.first()) {
        (_, Some(card)) => html! {
            <TalkCard key={assembly::encode_cards(std::slice::from_ref(card))} card={card.clone()} onnext={next.clone()} />
        },
        (At::Title, _) => {
            let onstart = dispatch.reform(|()| Event::PressedStart { seed: new_seed() });
            html! {
                <TitleScreen {onstart} onexplore={Callback::from(|()| go_to(&Door::Explore(String::new())))}
                    onassembly={Callback::from(|()| go_to(&Door::Assembly { audience: false }))}
                    story={props.info} onchoose={onchoose.choose} />
            }
        }
        _ => scene_screen(story, game, &dispatch),
    };
    let player = game.player.as_ref().map(|p| words.t(&p.name_key()).to_string());
    let voice = Voice::new(words.clone(), AttrValue::from(player.unwrap_or_default()));
    // Which chapter this is, so that a class can see where a stop falls.
    // While the question about a chapter (or a chapter's summary) shows,
    // the bar names that chapter, not the one the story has moved on to.
    let chapter = match (state.cards.first(), &game.at) {
        (Some(Card::Prompt(c) | Card::Summary(c)), _) => Some(c),
        (_, At::Scene(id)) => story.scene(id).chapter.as_ref(),
        _ => None,
    }
    .map(|c| {
        let (n, total) = (story.chapter_number(c).to_string(), story.chapters().len().to_string());
        let title = words.t(&c.title_key()).to_string();
        words.t_with("ui.chapter", &[("n", &n), ("total", &total), ("title", &title)])
    });
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
            packs::words_with(lang, vec![info.pack()], move |result| match result {
                Ok(words) => {
                    pending.set(None);
                    AUTOSTART.with(|a| a.set(Some(info.id)));
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

/// The screen for where `game` is (choosing who to be, or a scene), its
/// player's acts sent to `dispatch`. Shared by the story and Assembly.
pub fn scene_screen(story: &StoryRef, game: &Game, dispatch: &Callback<Event>) -> Html {
    let next = dispatch.reform(|()| Event::PressedNext);
    match &game.at {
        At::Title => html! {},
        At::Pick => html! {
            <PickScreen players={story.players().to_vec()} onpick={dispatch.reform(Event::PickedPlayer)} />
        },
        At::Scene(id) => {
            let (story, scene, key) = (story.clone(), id.clone(), id.to_string());
            match story.scene(id).kind {
                SceneKind::Lock => html! { <LockScreen {key} {story} {scene} onnext={next} /> },
                SceneKind::Chats => html! { <ChatListScreen {key} {story} {scene} onnext={next} /> },
                SceneKind::Chat => html! {
                    <ChatScreen {key} {story} {scene} onchoose={dispatch.reform(Event::Chose)} onnext={next} />
                },
                SceneKind::Narration => html! { <NarrationScreen {key} {story} {scene} onnext={next} /> },
                SceneKind::Outcome => html! {
                    <OutcomeScreen {key} {story} {scene} game={game.clone()} onnext={next} />
                },
                SceneKind::Ending => html! {
                    <EndingScreen {key} {story} {scene} game={game.clone()}
                        onwhatif={dispatch.reform(Event::PressedWhatIf)}
                        onexplore={Callback::from(|()| go_to(&Door::Explore(String::new())))}
                        onstartagain={dispatch.reform(|()| Event::PressedStartAgain)} />
                },
            }
        }
    }
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

#[derive(Properties, PartialEq)]
struct ErrorScreenProps {
    problem: String,
}

/// Shown when the story file is broken: what is wrong, and what to do.
#[component]
fn ErrorScreen(props: &ErrorScreenProps) -> Html {
    let words = use_words();
    html! {
        <section class="screen error" role="alert">
            <h1>{ words.t("ui.error.heading") }</h1>
            <p>{ words.t_with("ui.error.content", &[("problem", &props.problem)]) }</p>
        </section>
    }
}
