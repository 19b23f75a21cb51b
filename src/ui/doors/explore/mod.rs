//! Explore: the spread map with its rates in the pupil's hands, the
//! tipping point, a chart of reach over time (with a run kept to compare)
//! and guided challenges. The setup lives in the address
//! (`#explore?forward=8&…`), so a teacher can share or bookmark it.
//!
//! Owns the controls and the address; the rules are in `crate::explore`
//! and `crate::sim`, the map in `ui::map`. A region of a million is
//! built a slice at a time, with a progress bar, so the page never stalls.
//! The chart and the challenges are in [`chart`].

mod chart;

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use self::chart::{challenges, chart};
use crate::door::Door;
use crate::explore::{observed_reach, Challenge, Fault, Setup};
use crate::sim::spread::Snapshot;
use crate::sim::world::WorldBuilder;
use crate::sim::{PlayerMove, Scale, World};
use crate::ui::effects::timer::later;
use crate::ui::effects::window::use_window_event;
use crate::ui::map::{sender_name, Progress, SpreadMap};
use crate::ui::{on_press, use_heading_focus, use_words, Shared, StoryRef, Words};

/// People built per slice of a big world: a few milliseconds each.
const BUILD_SLICE: u32 = 50_000;

/// Props of [`ExploreScreen`].
#[derive(Properties, PartialEq)]
pub struct ExploreScreenProps {
    /// The settings from the address (after `#explore?`).
    pub query: AttrValue,
    /// The player pressed Back to the game.
    pub onback: Callback<()>,
    /// The story whose town the spread is played in (its sender named on
    /// the map).
    pub story: StoryRef,
}

/// The sandbox.
#[component]
pub fn ExploreScreen(props: &ExploreScreenProps) -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    let (setup, faults) = use_setup(&props.query);
    let progress = use_state(|| None::<Progress>);
    let kept = use_state(|| None::<Rc<Vec<Snapshot>>>);
    let challenge = use_state(|| None::<Challenge>);
    let s = *setup;
    use_address(s);
    let (ready, built) = use_world(s);
    let onprogress = {
        let progress = progress.clone();
        Callback::from(move |p: Progress| progress.set(Some(p)))
    };
    let back = on_press(&props.onback);

    html! {
        <section class="screen wide explore">
            <h1 ref={heading} tabindex="-1">{ words.t("ui.explore.heading") }</h1>
            <p class="body">{ words.t("ui.explore.intro") }</p>
            { for faults.iter().map(|f| fault(&words, f)) }
            { settings_form(&words, &setup, &progress) }
            { tipping(&words, &s, progress.as_ref()) }
            if let Some(world) = ready {
                <SpreadMap key={s.to_query()} world={Shared(world)} params={s.params()} seed={u64::from(s.seed)}
                    choice={PlayerMove::React} {onprogress} table={false} sender={sender_name(&words, &props.story)} />
            } else {
                <p class="explore-building" role="status">
                    <label>
                        { words.t_n("ui.explore.building", u64::from(s.scale.size()), &[]) }
                        <progress max="100" value={built.to_string()} />
                    </label>
                </p>
            }
            { chart(&words, progress.as_ref(), kept.as_ref(), &kept) }
            { challenges(&words, &s, progress.as_ref(), &challenge) }
            <button type="button" class="primary" onclick={back}>{ words.t("ui.explore.back") }</button>
        </section>
    }
}

/// The setup read from the address (`query`), and the faults found in it.
/// An address changed by hand (or by a link) while Explore is open: the
/// settings follow it, and its faults are named.
#[hook]
fn use_setup(query: &AttrValue) -> (UseStateHandle<Setup>, UseStateHandle<Vec<Fault>>) {
    let read = use_memo((), |_| Setup::from_query(query));
    let setup = use_state(|| read.0);
    let faults = use_state(|| read.1.clone());
    {
        let (setup, faults) = (setup.clone(), faults.clone());
        use_window_event("hashchange", move |_: web_sys::Event| {
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            if let Door::Explore(query) = Door::parse(&hash) {
                let (read, found) = Setup::from_query(&query);
                setup.set(read);
                faults.set(found);
            }
        });
    }
    (setup, faults)
}

/// The address follows the settings `s`, without a new history entry each.
#[hook]
fn use_address(s: Setup) {
    use_effect_with(s, |s| {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let address = Door::Explore(s.to_query()).href();
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
    });
}

/// The world for the scale and seed of `s`: kept if it is the one asked
/// for, else made, a slice at a time for the big ones. Returns it once
/// made, and how much of it is built, in hundredths (the bar's value), not
/// a float: formatting floats would cost the bundle ten kilobytes.
///
/// One world at a time: the next is built in the arrays of the one shown
/// before (a region's is some 60 MB), once the map has let go of it, so
/// that a page that builds one region after another asks for no new
/// memory for them (memory the page has taken is never given back).
#[hook]
fn use_world(s: Setup) -> (Option<Rc<World>>, u32) {
    let world = use_mut_ref(|| None::<(Scale, u32, Rc<World>)>);
    // The world being built: its builder is made by the first slice of
    // work, after the map of the last world has gone.
    let building = use_mut_ref(|| None::<(Scale, u32, Option<WorldBuilder>)>);
    let redraw = use_force_update();
    let ready = world
        .borrow()
        .as_ref()
        .filter(|(scale, seed, _)| (*scale, *seed) == (s.scale, s.seed))
        .map(|w| w.2.clone());
    let built = if ready.is_some() {
        100
    } else {
        let mut building = building.borrow_mut();
        if building.as_ref().is_none_or(|(scale, seed, _)| (*scale, *seed) != (s.scale, s.seed)) {
            *building = Some((s.scale, s.seed, None));
        }
        building.as_ref().and_then(|b| b.2.as_ref()).map_or(0, |b| (b.progress() * 100.0) as u32)
    };
    let waiting = ready.is_none();
    use_effect(move || {
        let timer = waiting.then(|| {
            later(0, move || {
                let mut slot = building.borrow_mut();
                if let Some((scale, seed, builder)) = slot.as_mut() {
                    let (scale, seed) = (*scale, *seed);
                    let builder = builder.get_or_insert_with(|| {
                        let old = world.borrow_mut().take().and_then(|(_, _, old)| Rc::try_unwrap(old).ok());
                        match old {
                            Some(old) if old.scale() == scale => {
                                WorldBuilder::reusing(scale, Default::default(), u64::from(seed), old)
                            }
                            // Let go of first, then built anew.
                            other => {
                                drop(other);
                                WorldBuilder::new(scale, Default::default(), u64::from(seed))
                            }
                        }
                    });
                    if builder.work(BUILD_SLICE) {
                        let done = slot.take().and_then(|(_, _, b)| b.and_then(WorldBuilder::finish));
                        *world.borrow_mut() = done.map(|w| (scale, seed, Rc::new(w)));
                    }
                }
                drop(slot);
                redraw.force_update();
            })
        });
        move || drop(timer)
    });
    (ready, built)
}

/// The settings: the rates, public or not, the scale, and the seed, each
/// change a new run (`progress` back to none).
fn settings_form(
    words: &Words,
    setup: &UseStateHandle<Setup>,
    progress: &UseStateHandle<Option<Progress>>,
) -> Html {
    let s = **setup;
    let change = |f: fn(&mut Setup, &str) -> bool| {
        let (setup, progress) = (setup.clone(), progress.clone());
        Callback::from(move |value: String| {
            let mut next = *setup;
            if f(&mut next, &value) && next != *setup {
                progress.set(None);
                setup.set(next);
            }
        })
    };
    let on_new_seed = {
        let (setup, progress) = (setup.clone(), progress.clone());
        Callback::from(move |_: MouseEvent| {
            progress.set(None);
            setup.set(Setup { seed: setup.seed.wrapping_add(1), ..*setup });
        })
    };
    html! {
        <form class="explore-settings" aria-labelledby="settings-heading" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2 id="settings-heading">{ words.t("ui.explore.settings") }</h2>
            { slider(words, "forward", "ui.explore.forward", s.forward, 100, change(|s, v| s.set("forward", v))) }
            { slider(words, "contacts", "ui.explore.contacts", s.contacts, 5, change(|s, v| s.set("contacts", v))) }
            { slider(words, "delete", "ui.explore.delete", s.delete, 100, change(|s, v| s.set("delete", v))) }
            { slider(words, "report", "ui.explore.report", s.report, 100, change(|s, v| s.set("report", v))) }
            { public_box(words, s.public, change(|s, v| s.set("public", v))) }
            { scale_choice(words, s.scale, change(|s, v| s.set("scale", v))) }
            <p class="explore-seed">
                <span>{ words.t("ui.explore.seed") }{ ": " }<strong>{ s.seed }</strong></span>
                <button type="button" onclick={on_new_seed}>{ words.t("ui.explore.new_seed") }</button>
            </p>
        </form>
    }
}

/// A message naming a setting from the address that could not be used.
fn fault(words: &Words, f: &Fault) -> Html {
    let text = if f.key.is_empty() {
        words.t("ui.explore.too_long").to_string()
    } else {
        let one = words.t_with("ui.explore.fault", &[("key", &f.key), ("value", &f.value)]);
        match f.more {
            0 => one,
            more => format!("{one} {}", words.t_n("ui.explore.fault_more", u64::from(more), &[])),
        }
    };
    html! { <p class="notice-inline" role="alert">{ text }</p> }
}

/// A labelled slider from 0 (1 for contacts) to `max`, showing its value.
fn slider(
    words: &Words,
    id: &'static str,
    key: &str,
    value: u8,
    max: u8,
    onchange: Callback<String>,
) -> Html {
    let shown = if max == 100 {
        words.t_with("ui.explore.percent", &[("n", &value.to_string())])
    } else {
        value.to_string()
    };
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            onchange.emit(input.value());
        }
    });
    let min = if max == 100 { "0" } else { "1" };
    html! {
        <div class="explore-slider">
            <label for={id}>{ words.t(key) }</label>
            <input type="range" {id} {min} max={max.to_string()} step="1" value={value.to_string()}
                aria-valuetext={shown.clone()} {oninput} />
            <output for={id}>{ shown }</output>
        </div>
    }
}

fn public_box(words: &Words, checked: bool, onchange: Callback<String>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            onchange.emit(if input.checked() { "yes" } else { "no" }.into());
        }
    });
    html! {
        <div class="explore-check">
            <input type="checkbox" id="public" {checked} {onchange} />
            <label for="public">{ words.t("ui.explore.public") }</label>
        </div>
    }
}

fn scale_choice(words: &Words, scale: Scale, onchange: Callback<String>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            onchange.emit(select.value());
        }
    });
    let keys = [
        "ui.explore.scale_class",
        "ui.explore.scale_year",
        "ui.explore.scale_school",
        "ui.explore.scale_town",
        "ui.explore.scale_region",
    ];
    html! {
        <div class="explore-select">
            <label for="scale">{ words.t("ui.explore.scale") }</label>
            <select id="scale" {onchange}>
                { for Scale::ALL.into_iter().zip(keys).map(|(s, key)| html! {
                    <option value={s.name()} selected={s == scale}>{ words.t(key) }</option>
                }) }
            </select>
        </div>
    }
}

/// The tipping point: from the settings, and from the run so far.
fn tipping(words: &Words, setup: &Setup, progress: Option<&Progress>) -> Html {
    let number = |r: f64| two_places(r);
    let observed = progress
        .and_then(|p| observed_reach(&p.history.last()?.counts, 30))
        .map(|r| words.t_with("ui.explore.tipping_observed", &[("r", &number(r))]));
    html! {
        <section class="tipping" aria-labelledby="tipping-heading">
            <h2 id="tipping-heading">{ words.t("ui.explore.tipping_heading") }</h2>
            <p class="tipping-number">
                { words.t_with("ui.explore.tipping_expected", &[("r", &number(setup.expected_reach()))]) }
            </p>
            if let Some(observed) = observed { <p>{ observed }</p> }
            <p>{ words.t("ui.explore.tipping_explain") }</p>
        </section>
    }
}

/// A number with two decimal places ("0.16"), by integer arithmetic:
/// formatting floats would cost the bundle ten kilobytes.
fn two_places(r: f64) -> String {
    let hundredths = (r * 100.0).round().max(0.0) as u64;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}
