//! The root component: provides the words, the settings and the story's
//! worlds, keeps the words the door at the address needs, and picks the
//! door's screen (from `doors`) for where the player is.

use std::rc::Rc;

use yew::prelude::*;

use super::doors::assembly::AssemblyScreen;
use super::doors::check::{PaperPage, QuizPage};
use super::doors::explore::ExploreScreen;
use super::doors::guides::{GuidePage, PosterPage};
use super::doors::pack::{error_screen, pack_screen};
use super::doors::play::{Play, TitleDoor};
use super::doors::rest::{self, Rest};
use super::effects::settings;
use super::effects::timer::later;
use super::effects::window::{use_hash, use_window_event};
use super::effects::{packs, storage, styles};
use super::parts::framed::Framed;
use super::parts::settings::Prefs;
use super::scenes::title::TitleScreen;
use super::{go_to, handover, Shared, StoryRef, Words, WorldsRef};
use crate::content::{first_story, story_info, StoryInfo};
use crate::door::Door;
use crate::i18n::Lang;
use crate::keys::STORY_KEY;
use crate::settings::{Settings, SETTINGS_KEY};
use crate::sim::Worlds;

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
    /// The screens this part of the game has: [`FIRST`] (the title and the
    /// story) or [`WHOLE`] (every door).
    pub screens: Screens,
}

/// How a part of the game picks the screen for where the player is. Each
/// part is a program of its own (`src/main.rs`, `src/whole.rs`), and only
/// the screens its function names are built into it.
#[derive(Clone, Copy)]
pub struct Screens(fn(Here) -> Html);

/// A part of the game keeps its screens for as long as it runs: two are
/// never told apart (functions have no address to compare by).
impl PartialEq for Screens {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The first part's screens, the first load: the title of a story not yet
/// begun (at `#`, and an address that names no door). Everything else, the
/// story itself and every other door, waits for the rest of the game
/// ([`Rest`]), which then takes over.
pub const FIRST: Screens = Screens(first_screen);

/// The whole game's screens: every door.
pub const WHOLE: Screens = Screens(door_screen);

/// The whole game: the story, or Explore, Assembly or a guide when the
/// address says so, each once the words it needs are had.
#[component]
pub fn App(props: &AppProps) -> Html {
    let hash = use_hash();
    let settings = use_state(settings::load);
    // The story's worlds, one for the page, whatever door or story shows.
    let worlds = (*use_memo((), |_| Shared(Rc::new(Worlds::default())))).clone();
    // The words on screen, and a language whose file could not be had.
    let shown = use_state(|| props.words.clone());
    let failed = use_state(settings::take_missed);
    let wanted = settings.lang.or(props.lang).unwrap_or(props.words.lang());
    // The story chosen: the one played last, or the catalogue's first.
    let chosen = use_state(chosen_story);
    let door = Door::parse(&hash);
    let needs = needs(&door, &chosen);
    let (pack_failed, retry) = use_packs(&shown, &settings, &failed, wanted, &needs);
    use_preload(shown.lang(), *chosen, &door);
    if let Some(Ok(story)) = &props.story {
        packs::keep_story(chosen.id, story.clone());
    }
    let words = (*shown).clone();
    use_settings_on_page(&settings, words.lang());
    let notice = failed.map(|lang| language_notice(&words, &failed, lang));
    // An address that names no door (a mistyped link, an old bookmark):
    // the story's start, and a word of why.
    let address = (door == Door::NotFound).then(|| address_notice(&words));
    let prefs = prefs(&settings);
    let refused = match &props.story {
        Some(Err(problem)) => Some(problem.clone()),
        _ => None,
    };
    let choose = {
        let (chosen, shown) = (chosen.clone(), shown.clone());
        Callback::from(move |(info, words): (&'static StoryInfo, Words)| {
            storage::write(STORY_KEY, info.id);
            shown.set(words);
            chosen.set(info);
        })
    };
    let screen = (props.screens.0)(Here {
        words: words.clone(),
        // (Another door, the knowledge check, may have fetched the story's
        // words without the story screens'.)
        title_only: needs.is_empty() && !Door::Story.packs(&chosen).iter().all(|p| words.has_pack(p)),
        ready: needs.iter().all(|p| words.has_pack(p)),
        problem: (*pack_failed).clone(),
        retry,
        door,
        refused,
        chosen: *chosen,
        choose,
    });
    html! {
        <ContextProvider<Words> context={words}>
            <ContextProvider<Prefs> context={prefs}>
                <ContextProvider<WorldsRef> context={worlds}>{ for notice }{ for address }{ screen }</ContextProvider<WorldsRef>>
            </ContextProvider<Prefs>>
        </ContextProvider<Words>>
    }
}

/// What the App knows when it picks a door's screen.
pub struct Here {
    /// The words on screen.
    words: Words,
    /// The title before the story's own words are had: the story chosen is
    /// not begun, and its words are not yet here.
    title_only: bool,
    /// Whether the words the door needs are had.
    ready: bool,
    /// Why they could not be had (none while they are coming), and a way
    /// to try again.
    problem: Option<String>,
    retry: Callback<()>,
    /// The door at the address.
    door: Door,
    /// Why the story handed in cannot be had (the tests).
    refused: Option<String>,
    /// The story chosen, as the catalogue lists it, and a way to choose
    /// another once its words are had.
    chosen: &'static StoryInfo,
    choose: Callback<(&'static StoryInfo, Words)>,
}

impl Here {
    /// The story chosen, read from its pack when first asked for, or why it
    /// cannot be (empty: its pack is not had yet). Only the whole game's
    /// screens ask: the first part has no story to show, nor the code that
    /// reads one.
    fn story(&self) -> Result<StoryRef, String> {
        match &self.refused {
            Some(problem) => Err(problem.clone()),
            None => packs::story(self.chosen.id),
        }
    }
}

/// The first part's match of a door to its screen: the title of a story
/// not yet begun, and for everything else (Start pressed, a story begun,
/// every other door), a word that it is coming while the rest of the game
/// loads and takes over, to carry on from there.
fn first_screen(here: Here) -> Html {
    let Here { words, door, chosen, choose, ready, problem, retry, .. } = here;
    if !matches!(door, Door::Story | Door::NotFound) || storage::game_kept(chosen.id) {
        return html! { <Framed><Rest /></Framed> };
    }
    // Start, or a story chosen from the catalogue: the title stays, with a
    // word that the story is coming; its words are fetched (if the
    // background has not already), then the rest of the game, which starts
    // it as it takes over. Where either cannot be had, why, and Try again.
    let coming = handover::started().is_some().then(|| {
        if ready {
            html! { <Rest over=true /> }
        } else {
            rest::coming(&words, problem, &retry)
        }
    });
    let start = Callback::from(move |info: &'static StoryInfo| {
        handover::start(info.id);
        choose.emit((info, words.clone()));
    });
    let onstart = start.reform(move |()| chosen);
    html! {
        <>{ for coming }<Framed><TitleScreen {onstart} story={chosen} onchoose={start} /></Framed></>
    }
}

/// The whole game's match of a door to its screen.
fn door_screen(here: Here) -> Html {
    if matches!(here.door, Door::Story | Door::Together | Door::NotFound) {
        return story_screen(here);
    }
    let story = here.story();
    let Here { words, ready, problem, retry, door, chosen, .. } = here;
    match (door, story) {
        (_, Err(problem)) if !problem.is_empty() => {
            html! { <Framed>{ error_screen(&words, &problem) }</Framed> }
        }
        _ if !ready => html! { <Framed>{ pack_screen(&words, problem, &retry) }</Framed> },
        (Door::Quiz, _) => html! { <Framed><QuizPage story={chosen} /></Framed> },
        (Door::Paper, _) => html! { <Framed><PaperPage story={chosen} /></Framed> },
        (Door::Poster, _) => html! { <Framed><PosterPage /></Framed> },
        (Door::Page(page), _) => html! { <Framed><GuidePage {page} /></Framed> },
        (Door::Explore(query), Ok(story)) => html! {
            <Framed><ExploreScreen query={AttrValue::from(query)} {story} onback={Callback::from(|()| go_to(&Door::Story))} /></Framed>
        },
        // The audience's view, for the projector, has no bar.
        (Door::Assembly { audience }, Ok(story)) => html! {
            <Framed bar={!audience}><AssemblyScreen {story} id={chosen.id} {audience} /></Framed>
        },
        // Explore and Assembly with the story not read (the story's own
        // doors went to `story_screen` above).
        _ => not_read(&words),
    }
}

/// The story's doors (`#`, `#together`, an address that names no door):
/// the title, the story, or why they cannot show yet.
fn story_screen(here: Here) -> Html {
    let story = here.story();
    let Here { words, title_only, ready, problem, retry, door, chosen, choose, .. } = here;
    match story {
        Err(problem) if !problem.is_empty() => {
            html! { <Framed>{ error_screen(&words, &problem) }</Framed> }
        }
        _ if title_only && door == Door::Story => html! { <TitleDoor info={chosen} onchoose={choose} /> },
        _ if !ready => html! { <Framed>{ pack_screen(&words, problem, &retry) }</Framed> },
        Err(_) => not_read(&words),
        Ok(story) => html! {
            <Play key={chosen.id} {story} info={chosen} together={door == Door::Together} onchoose={choose} />
        },
    }
}

/// The story chosen was not read from its pack (its words are had).
fn not_read(words: &Words) -> Html {
    html! { <Framed>{ error_screen(words, "the story was not read from its pack") }</Framed> }
}

/// The doors the title's buttons and links open.
const TITLE_DOORS: [Door; 4] =
    [Door::Story, Door::Explore(String::new()), Door::Assembly { audience: false }, Door::Page("teachers")];

/// Once the first screen shows, what its buttons open is fetched in the
/// background: the packs of words its doors need with `story` chosen, in
/// `lang`, and the doors' styles. A door that needs those styles links them
/// at once (`door`).
#[hook]
fn use_preload(lang: Lang, story: &'static StoryInfo, door: &Door) {
    use_effect_with(door.styled(), |&styled| {
        if styled {
            styles::link_door_styles();
        }
    });
    use_effect_with(lang, move |&lang| {
        let mut all: Vec<String> = Vec::new();
        for pack in TITLE_DOORS.iter().flat_map(|d| d.packs(story)) {
            if !all.contains(&pack) {
                all.push(pack);
            }
        }
        // One pack a turn, then the styles: none keeps the page from
        // answering a press for long, on a slow device.
        let mut timers: Vec<_> = all
            .into_iter()
            .map(|pack| later(PRELOAD_AFTER_MS, move || packs::preload(lang, &pack)))
            .collect();
        timers.push(later(PRELOAD_AFTER_MS, styles::link_door_styles));
        move || drop(timers)
    });
}

/// Puts the settings on the page as they change (and the language `lang`
/// of the words on screen), and follows a change made in another window.
#[hook]
fn use_settings_on_page(settings: &UseStateHandle<Settings>, lang: Lang) {
    let settings = settings.clone();
    use_effect_with((*settings, lang), |(s, lang)| settings::apply(s, *lang));
    use_window_event("storage", move |e: web_sys::StorageEvent| {
        if let Some(s) = settings::from_storage_event(&e) {
            settings.set(s);
        }
    });
}

/// The settings for every screen, and the way to change them: kept on this
/// device as they change.
fn prefs(settings: &UseStateHandle<Settings>) -> Prefs {
    let set = settings.clone();
    Prefs {
        settings: **settings,
        set: Callback::from(move |s: Settings| {
            storage::write(SETTINGS_KEY, &s.encode());
            set.set(s);
        }),
    }
}

/// The language `lang` could not be had: the game stays in the one shown,
/// and says so until dismissed (`failed` back to none).
fn language_notice(words: &Words, failed: &UseStateHandle<Option<Lang>>, lang: Lang) -> Html {
    let failed = failed.clone();
    html! {
        <div class="notice" role="status">
            <p>{ words.t_with("ui.notice.language_failed", &[("language", lang.own_name())]) }</p>
            <button type="button" onclick={Callback::from(move |_: MouseEvent| failed.set(None))}>
                { words.t("ui.notice.dismiss") }
            </button>
        </div>
    }
}

/// A word of why the story's start shows where the address named no door.
fn address_notice(words: &Words) -> Html {
    html! {
        <div class="notice" role="status">
            <p>{ words.t("ui.notice.address") }</p>
            <button type="button" onclick={Callback::from(|_: MouseEvent| go_to(&Door::Story))}>{ words.t("ui.notice.dismiss") }</button>
        </div>
    }
}

/// The story chosen: the one played last, or the catalogue's first.
pub(super) fn chosen_story() -> &'static StoryInfo {
    // (One the first part was asked to start comes first: it was kept, but
    // storage may keep nothing.)
    let id = handover::started().map(String::from).or_else(|| storage::read(STORY_KEY));
    id.and_then(|id| story_info(&id)).unwrap_or(first_story())
}

/// The packs the screen at `door` needs, with `story` chosen: as the door
/// says, but the title of a story not yet begun needs none (its words come
/// when Start is pressed, or before, fetched in the background), so that
/// the first screen of a first visit waits for nothing. A story asked to
/// start (by the first part's Start) is begun.
pub(super) fn needs(door: &Door, story: &StoryInfo) -> Vec<String> {
    let begun = || handover::started().is_some() || storage::game_kept(story.id);
    match door {
        Door::Story if !begun() => Vec::new(),
        door => door.packs(story),
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
