//! The spread map: the story's spread played a step of time at a time on
//! a canvas, zooming out from the class as far as it went, with counters,
//! a timeline (play, pause, step, a slider), a key, words for screen
//! readers and a table of the same numbers.
//!
//! Owns only the playing: the spread's rules are in `crate::sim`, the
//! geometry and pixels in `crate::map`. Work is done a slice at a time
//! (a few milliseconds, then the page breathes), so a busy step never
//! holds the page; how fast steps play is this module's choice, and under
//! `prefers-reduced-motion` nothing plays until the player asks. Its
//! counters, key, close-up of the class and tables are in [`parts`], its
//! buttons and timeline in `controls`.

mod controls;
pub mod parts;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};
use yew::prelude::*;

use self::controls::{timeline, zoom_buttons, Controls, Pressed};
use self::parts::{class_view, counters, legend, snapshot_at, summary, time_words, MILESTONES};
use crate::map::{reach, Map, Palette};
use crate::sim::spread::{Snapshot, SpreadParams};
use crate::sim::{PlayerMove, Scale, Spread, World, PLAYER};
use crate::ui::effects::settings::motion_reduced;
use crate::ui::effects::timer::later;
use crate::ui::{use_words, Words};

/// How long each step of time stays on screen while playing. Slow enough
/// to read the counters, and nothing changes more than twice a second.
const STEP_MS: i32 = 600;
/// The longest slice of work between two chances for the page to respond.
const SLICE_MS: f64 = 8.0;
/// The most pixels the canvas holds (see [`paint`]).
const MAX_PIXELS: f64 = 2_000_000.0;
/// Events played between two looks at the clock.
const EVENTS_PER_LOOK: u32 = 2_000;

/// A world for the map, compared by address: comparing a million
/// people's contacts on every render would cost more than drawing them.
pub type WorldRef = crate::ui::Shared<World>;

/// Where the map has got to, for whoever shows it (Explore's chart and
/// challenges).
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// The counts after every step shown so far.
    pub history: Rc<Vec<Snapshot>>,
    /// The smallest scale holding everyone who has seen it.
    pub reach: Scale,
    /// Whether the run has reached its last step.
    pub over: bool,
}

/// The name of the one who posts the picture in `story`, for the map.
pub fn sender_name(words: &crate::i18n::Catalogue, story: &crate::story::Story) -> AttrValue {
    AttrValue::from(story.sender().map(|p| words.t(&p.name_key()).to_string()).unwrap_or_default())
}

/// Props of [`SpreadMap`].
#[derive(Properties, PartialEq)]
pub struct SpreadMapProps {
    /// The world it spreads in.
    pub world: WorldRef,
    /// How people behave.
    pub params: SpreadParams,
    /// The seed of everyone's decisions.
    pub seed: u64,
    /// What the player did with the picture.
    pub choice: PlayerMove,
    /// Told each time a new step is on screen.
    #[prop_or_default]
    pub onprogress: Callback<Progress>,
    /// Whether to show the table of numbers by milestone.
    #[prop_or(true)]
    pub table: bool,
    /// The name of the one who posted the picture, for the class close up.
    #[prop_or_default]
    pub sender: AttrValue,
}

type Run = Spread<Rc<World>>;

/// The map and pixels last painted, kept while the view and size stay.
type Painted = Option<(Map, Vec<u8>)>;

/// The map, its controls and its words.
#[component]
pub fn SpreadMap(props: &SpreadMapProps) -> Html {
    let words = use_words();
    let (seed, choice, params) = (props.seed, props.choice, props.params);
    let world = props.world.0.clone();
    let spread = use_memo((props.world.clone(), params, seed, choice), |(world, ..)| {
        RefCell::new(fresh(&world.0, params, seed, choice))
    });
    let told = use_mut_ref(|| None::<(u32, bool)>);
    let controls = {
        let last = spread.borrow().step_ends().len() as u32;
        use_reducer(move || Controls { target: 0, playing: !motion_reduced(), zoom: None, last })
    };
    let redraw = use_force_update();
    let canvas = use_node_ref();
    let painted = use_mut_ref(|| Painted::None);
    let asked = *controls;
    let shown = caught_up(&spread.borrow(), asked.target);

    let run = spread.borrow();
    // What is on screen: the step asked for once caught up, else the last
    // step finished (so the time and the numbers always agree).
    let at = if shown { asked.target } else { run.history().last().map_or(0, |s| s.step) };
    let codes = run.status_codes();
    let reached = reach(codes).min(world.scale());
    let view = asked.zoom.unwrap_or(reached);
    // Who of the class got it through the player, for the close-up.
    let yours: Vec<bool> = (0..30).map(|p| p != PLAYER && run.branch(p) == Some(PLAYER)).collect();
    {
        let work = Work {
            spread: spread.clone(),
            redraw,
            controls: controls.clone(),
            canvas: canvas.clone(),
            onprogress: props.onprogress.clone(),
            told,
            painted,
            asked,
            shown,
            at,
            view,
            params,
            seed,
            choice,
        };
        use_effect(move || after_render(work));
    }

    let counts = run.history().last().map(|s| s.counts).unwrap_or_default();
    let minutes = if at == 0 { 0 } else { run.step_ends()[at as usize - 1] };
    let time = time_words(&words, minutes);
    html! {
        <section class="spread-map" aria-labelledby="map-heading" aria-busy={(!shown).to_string()}>
            <h2 id="map-heading">{ words.t("ui.map.heading") }</h2>
            { counters(&words, counts, &time) }
            { zoom_buttons(&words, &controls, world.scale(), view) }
            if view == Scale::Class {
                { class_view(&words, &codes[..30], &yours, &props.sender) }
            } else {
                <canvas ref={canvas} class={classes!("map-canvas", view.name())} role="img"
                    aria-label={words.t("ui.map.label").to_string()} />
            }
            { timeline(&words, &controls, &time) }
            { legend(&words) }
            <p class="sr-only" aria-live="polite">{ live_words(&words, &run, at, reached) }</p>
            if props.table {
                { summary(&words, run.history(), minutes) }
            }
        </section>
    }
}

/// What the work after a render needs: the run and the map's handles, and
/// what that render asked for and put on screen.
struct Work {
    spread: Rc<RefCell<Run>>,
    redraw: UseForceUpdateHandle,
    controls: UseReducerHandle<Controls>,
    canvas: NodeRef,
    onprogress: Callback<Progress>,
    /// The last step told to `onprogress`, and whether it was the end.
    told: Rc<RefCell<Option<(u32, bool)>>>,
    painted: Rc<RefCell<Painted>>,
    asked: Controls,
    /// Whether the step asked for is on screen, which step is, and at what
    /// zoom.
    shown: bool,
    at: u32,
    view: Scale,
    params: SpreadParams,
    seed: u64,
    choice: PlayerMove,
}

/// After each render: draw, then either catch up with the step asked for
/// (a slice at a time) or, while playing, ask for the next step after a
/// pause; at the end (or once nothing more can happen), stop. Returns what
/// cancels the work still to come.
fn after_render(work: Work) -> impl FnOnce() {
    let Work {
        spread,
        redraw,
        controls,
        canvas,
        onprogress,
        told,
        painted,
        asked,
        shown,
        at,
        view,
        params,
        seed,
        choice,
    } = work;
    let Controls { target, playing, last, .. } = asked;
    // Tell whoever shows the map each new step on screen, once.
    if shown {
        let run = spread.borrow();
        let now = (at, run.is_over() || target >= last);
        if told.replace(Some(now)) != Some(now) {
            let history = Rc::new(run.history().to_vec());
            onprogress.emit(Progress { history, reach: reach(run.status_codes()), over: now.1 });
        }
    }
    // Drawn in a task of its own, apart from the render's.
    let paint = canvas.cast::<HtmlCanvasElement>().and_then(|canvas| {
        let spread = spread.clone();
        later(0, move || {
            let run = spread.borrow();
            let yours = |p| p != PLAYER && run.branch(p) == Some(PLAYER);
            paint(&canvas, &mut painted.borrow_mut(), view, run.status_codes(), yours);
        })
    });
    let timer = if !shown {
        later(0, move || {
            work_towards(&spread, params, seed, choice, target);
            redraw.force_update();
        })
    } else if playing {
        let run = spread.borrow();
        if target >= last || run.is_over() && target >= run.steps() {
            controls.dispatch(Pressed::Finished);
            None
        } else {
            later(STEP_MS, move || controls.dispatch(Pressed::Ticked))
        }
    } else {
        None
    };
    move || drop((paint, timer))
}

/// Whether the spread shows step `target`: not part way through a step,
/// and at that step (or over before it: the last counts hold).
fn caught_up(run: &Run, target: u32) -> bool {
    !run.mid_step() && (run.steps() == target || run.is_over() && run.steps() < target)
}

/// A fresh run: the picture just posted, the player's move made.
fn fresh(world: &Rc<World>, params: SpreadParams, seed: u64, choice: PlayerMove) -> Run {
    let mut run = Spread::new(world.clone(), params, seed);
    run.player_moves(choice);
    run
}

/// Works the spread towards step `target` for one slice: from the start
/// again if it is past it (the same seed replays the same run).
fn work_towards(spread: &RefCell<Run>, params: SpreadParams, seed: u64, choice: PlayerMove, target: u32) {
    let mut run = spread.borrow_mut();
    if run.steps() > target {
        // In the same arrays: never two runs of a region at once.
        run.restart(params, seed);
        run.player_moves(choice);
    }
    let start = js_sys::Date::now();
    while !caught_up(&run, target) && js_sys::Date::now() - start < SLICE_MS {
        let budget = if run.steps() + 1 < target { EVENTS_PER_LOOK } else { EVENTS_PER_LOOK / 2 };
        run.work(budget);
    }
}

/// What the live region says: the counts at the last milestone reached
/// (the posting, an hour, a day, a week, a month, a year, the end), so
/// that a screen reader hears a few meaningful steps, not every one.
fn live_words(words: &Words, run: &Run, target: u32, reached: Scale) -> String {
    let now = if target == 0 { 0 } else { run.step_ends()[target as usize - 1] };
    let at = MILESTONES.into_iter().rfind(|&m| m <= now).unwrap_or(0);
    let Some(snapshot) = snapshot_at(run.history(), at) else {
        return String::new();
    };
    let c = snapshot.counts;
    let place = match reached {
        Scale::Class => "ui.map.place_class",
        Scale::Year => "ui.map.place_year",
        Scale::School => "ui.map.place_school",
        Scale::Town => "ui.map.place_town",
        Scale::Region => "ui.map.place_region",
    };
    words.t_with(
        "ui.map.live",
        &[
            ("time", &time_words(words, at)),
            ("seen", &words.number(c.seen)),
            ("holding", &words.number(c.holding)),
            ("deleted", &words.number(c.deleted)),
            ("place", words.t(place)),
        ],
    )
}

/// Draws the map on `canvas`, sized to its box times the pixel ratio (at
/// most two, and at most [`MAX_PIXELS`]: sharper is not worth the time).
fn paint(
    canvas: &HtmlCanvasElement,
    cache: &mut Painted,
    view: Scale,
    codes: &[u8],
    yours: impl Fn(u32) -> bool,
) {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 2.0);
    let (css_width, css_height) = (f64::from(canvas.client_width()), f64::from(canvas.client_height()));
    // At most about two million pixels: a projector's canvas at its own
    // resolution, and a phone's at twice its.
    let ratio = ratio.min((MAX_PIXELS / (css_width * css_height).max(1.0)).sqrt().max(1.0));
    let (width, height) = ((css_width * ratio) as u32, (css_height * ratio) as u32);
    if width == 0 || height == 0 {
        return;
    }
    let fresh = cache.as_ref().is_none_or(|(map, _)| map.view() != view || map.size() != (width, height));
    if fresh {
        *cache = Some((Map::new(view, width, height), vec![0; (width * height * 4) as usize]));
    }
    let Some((map, pixels)) = cache else { return };
    map.draw(codes, yours, &Palette::default(), pixels);
    canvas.set_width(width);
    canvas.set_height(height);
    let context =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    if let (Some(context), Ok(image)) =
        (context, ImageData::new_with_u8_clamped_array_and_sh(Clamped(pixels), width, height))
    {
        let _ = context.put_image_data(&image, 0.0, 0.0);
    }
}
