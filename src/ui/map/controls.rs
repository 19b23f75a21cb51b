//! What the player asks of the spread map: the step to show, play and
//! pause, and the zoom, with the buttons and the timeline that ask it.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::sim::Scale;
use crate::ui::Words;

/// What the player has asked of the map: which step to show, whether it
/// plays, and the zoom they chose (none: as far as it went).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Controls {
    /// The step to show.
    pub(super) target: u32,
    /// Whether it plays.
    pub(super) playing: bool,
    /// The zoom chosen.
    pub(super) zoom: Option<Scale>,
    /// The last step there is.
    pub(super) last: u32,
}

/// Something the player (or the clock) did to the map.
pub(super) enum Pressed {
    PlayOrPause,
    Step,
    Restart,
    Scrubbed(u32),
    Zoomed(Scale),
    /// The clock, while playing: on to the next step.
    Ticked,
    /// Playing reached the end, or nothing more can happen: show the last
    /// step and stop.
    Finished,
}

impl Reducible for Controls {
    type Action = Pressed;

    fn reduce(self: Rc<Self>, action: Pressed) -> Rc<Self> {
        let c = *self;
        let stopped = |target: u32| Controls { target: target.min(c.last), playing: false, ..c };
        Rc::new(match action {
            // Play from the start again once at the end.
            Pressed::PlayOrPause if !c.playing && c.target >= c.last => {
                Controls { target: 0, playing: true, ..c }
            }
            Pressed::PlayOrPause => Controls { playing: !c.playing, ..c },
            Pressed::Step => stopped(c.target + 1),
            Pressed::Restart => stopped(0),
            Pressed::Scrubbed(to) => stopped(to),
            Pressed::Zoomed(scale) => Controls { zoom: Some(scale), ..c },
            Pressed::Ticked if c.playing => Controls { target: (c.target + 1).min(c.last), ..c },
            Pressed::Ticked => c,
            Pressed::Finished => stopped(c.last),
        })
    }
}

/// The zoom buttons, one per scale up to `top`, `view` pressed.
pub(super) fn zoom_buttons(
    words: &Words,
    controls: &UseReducerHandle<Controls>,
    top: Scale,
    view: Scale,
) -> Html {
    let zoom_button = |scale: Scale| {
        let controls = controls.clone();
        let onclick = Callback::from(move |_: MouseEvent| controls.dispatch(Pressed::Zoomed(scale)));
        html! {
            <button type="button" class="quiet" aria-pressed={(scale == view).to_string()} {onclick}>
                { words.t(scale_key(scale)) }
            </button>
        }
    };
    html! {
        <div class="map-zoom" role="group" aria-label={words.t("ui.map.zoom").to_string()}>
            { for Scale::ALL.into_iter().filter(|&s| s <= top).map(zoom_button) }
        </div>
    }
}

/// Play or pause, step, restart, and the timeline, at the step asked for
/// (its time in words, `time`).
pub(super) fn timeline(words: &Words, controls: &UseReducerHandle<Controls>, time: &str) -> Html {
    let Controls { target, playing, last, .. } = **controls;
    let press = |action: fn() -> Pressed| {
        let controls = controls.clone();
        Callback::from(move |_: MouseEvent| controls.dispatch(action()))
    };
    let on_scrub = {
        let controls = controls.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                controls.dispatch(Pressed::Scrubbed(input.value().parse().unwrap_or(0)));
            }
        })
    };
    html! {
        <>
            <div class="map-controls">
                <button type="button" class="primary" aria-pressed={playing.to_string()} onclick={press(|| Pressed::PlayOrPause)}>
                    { words.t(if playing { "ui.map.pause" } else { "ui.map.play" }) }
                </button>
                <button type="button" onclick={press(|| Pressed::Step)} disabled={target >= last}>{ words.t("ui.map.step") }</button>
                <button type="button" onclick={press(|| Pressed::Restart)} disabled={target == 0}>{ words.t("ui.map.restart") }</button>
            </div>
            <label class="map-timeline">
                <span>{ words.t("ui.map.timeline") }</span>
                <input type="range" min="0" max={last.to_string()} step="1" value={target.to_string()}
                    aria-valuetext={time.to_string()} oninput={on_scrub} />
            </label>
        </>
    }
}

/// The key of a scale's zoom button.
fn scale_key(scale: Scale) -> &'static str {
    match scale {
        Scale::Class => "ui.map.scale_class",
        Scale::Year => "ui.map.scale_year",
        Scale::School => "ui.map.scale_school",
        Scale::Town => "ui.map.scale_town",
        Scale::Region => "ui.map.scale_region",
    }
}
