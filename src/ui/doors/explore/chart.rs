//! Explore's chart of reach over time (with a run kept to compare, and the
//! same numbers as a table) and its guided challenges.

use std::rc::Rc;

use yew::prelude::*;

use crate::explore::{Challenge, Setup};
use crate::sim::spread::{schedule, Snapshot, DAY, HOUR, MONTH, WEEK, YEAR};
use crate::ui::map::parts::{snapshot_at, table_in_details, time_words, MILESTONES};
use crate::ui::map::Progress;
use crate::ui::Words;

/// Chart size, in its own units.
const W: u64 = 600;
const H: u64 = 240;

/// Reach over time: have seen it and phones with a copy, with the kept
/// run's lines beside them, and the same numbers as a table.
pub(super) fn chart(
    words: &Words,
    progress: Option<&Progress>,
    kept: Option<&Rc<Vec<Snapshot>>>,
    keep: &UseStateHandle<Option<Rc<Vec<Snapshot>>>>,
) -> Html {
    let now = progress.map(|p| &p.history);
    let on_keep = {
        let (keep, now) = (keep.clone(), now.cloned());
        Callback::from(move |_: MouseEvent| keep.set(now.clone()))
    };
    let on_forget = {
        let keep = keep.clone();
        Callback::from(move |_: MouseEvent| keep.set(None))
    };
    html! {
        <section class="chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{ words.t("ui.explore.chart_heading") }</h2>
            { chart_picture(words, now, kept) }
            <ul class="chart-key">
                <li class="seen">{ words.t("ui.explore.line_seen") }</li>
                <li class="holding">{ words.t("ui.explore.line_holding") }</li>
                if kept.is_some() { <li class="kept">{ words.t("ui.explore.line_kept") }</li> }
            </ul>
            <p class="chart-actions">
                <button type="button" onclick={on_keep} disabled={now.is_none()}>{ words.t("ui.explore.keep") }</button>
                if kept.is_some() { <button type="button" onclick={on_forget}>{ words.t("ui.explore.forget") }</button> }
            </p>
            { chart_table(words, progress, kept) }
        </section>
    }
}

/// The chart's picture: the run `now` and the `kept` one as lines, over
/// ticks at an hour, a day, a week, a month and a year.
fn chart_picture(words: &Words, now: Option<&Rc<Vec<Snapshot>>>, kept: Option<&Rc<Vec<Snapshot>>>) -> Html {
    let ends = schedule(10 * YEAR);
    let steps = ends.len().max(1) as u64;
    // Where an hour, a day, a week, a month and a year fall: the steps are
    // minutes at first and years at the end, so time is not to scale.
    let ticks: Vec<(u64, &str)> = [
        (HOUR, "ui.explore.tick_hour"),
        (DAY, "ui.explore.tick_day"),
        (WEEK, "ui.explore.tick_week"),
        (MONTH, "ui.explore.tick_month"),
        (YEAR, "ui.explore.tick_year"),
    ]
    .into_iter()
    .filter_map(|(m, key)| Some(((ends.iter().position(|&e| e == m)? as u64 + 1) * W / steps, key)))
    .collect();
    let top = [now, kept]
        .into_iter()
        .flatten()
        .flat_map(|h| h.iter())
        .map(|s| s.counts.seen)
        .max()
        .unwrap_or(1)
        .max(1);
    let line = |history: &Rc<Vec<Snapshot>>, pick: fn(&Snapshot) -> u32| -> String {
        history
            .iter()
            .map(|s| {
                format!("{},{} ", u64::from(s.step) * W / steps, H - u64::from(pick(s)) * H / u64::from(top))
            })
            .collect()
    };
    let lines = |history: Option<&Rc<Vec<Snapshot>>>, class: &'static str| match history {
        Some(h) => html! {
            <g class={class}>
                <polyline class="seen" points={line(h, |s| s.counts.seen)} />
                <polyline class="holding" points={line(h, |s| s.counts.holding)} />
            </g>
        },
        None => html! {},
    };
    html! {
        <svg viewBox={format!("-4 -4 {} {}", W + 8, H + 32)} role="img" aria-label={words.t("ui.explore.chart_label").to_string()}>
            <path class="axes" d={format!("M0 0V{H}H{W}")} />
            { for ticks.iter().map(|(x, key)| html! {
                <g class="tick">
                    <path d={format!("M{x} {H}v-{H}")} />
                    <text x={x.to_string()} y={(H + 4).to_string()} dy="0.9em">{ words.t(key) }</text>
                </g>
            }) }
            { lines(kept, "kept") }
            { lines(now, "now") }
        </svg>
    }
}

/// The chart's numbers by milestone, for the run so far and the kept one.
fn chart_table(words: &Words, progress: Option<&Progress>, kept: Option<&Rc<Vec<Snapshot>>>) -> Html {
    let now = progress.map(|p| &p.history);
    let cell = |h: Option<&Rc<Vec<Snapshot>>>, m: u64, pick: fn(&Snapshot) -> u32| {
        h.and_then(|h| snapshot_at(h, m)).map_or(String::new(), |s| words.number(pick(s)))
    };
    // Once the run is over its last counts hold to the end.
    let reached = match progress {
        Some(p) if p.over => u64::MAX,
        Some(p) => p.history.last().map_or(0, |s| s.minutes),
        None => 0,
    };
    let rows = MILESTONES.into_iter().filter(|&m| m <= reached || kept.is_some()).map(|m| {
        html! {
            <tr>
                <th scope="row">{ time_words(words, m) }</th>
                <td>{ cell(now.filter(|_| m <= reached), m, |s| s.counts.seen) }</td>
                <td>{ cell(now.filter(|_| m <= reached), m, |s| s.counts.holding) }</td>
                if kept.is_some() {
                    <td>{ cell(kept, m, |s| s.counts.seen) }</td>
                    <td>{ cell(kept, m, |s| s.counts.holding) }</td>
                }
            </tr>
        }
    });
    let mut keys = vec!["ui.map.table_when", "ui.map.table_seen", "ui.map.table_holding"];
    if kept.is_some() {
        keys.extend(["ui.explore.kept_seen", "ui.explore.kept_holding"]);
    }
    let columns = keys.iter().map(|k| words.t(k).to_string()).collect();
    table_in_details(
        words,
        "ui.explore.chart_table",
        "ui.explore.chart_heading",
        columns,
        html! { { for rows } },
    )
}

/// The challenges: each with its task and a button to take it on; the one
/// taken on says, once the run is over, whether it was met and what it
/// shows.
pub(super) fn challenges(
    words: &Words,
    setup: &Setup,
    progress: Option<&Progress>,
    taken: &UseStateHandle<Option<Challenge>>,
) -> Html {
    let card = |c: Challenge| {
        let key = |part: &str| c.key(part);
        let on_try = {
            let taken = taken.clone();
            Callback::from(move |_: MouseEvent| taken.set(Some(c)))
        };
        let mine = **taken == Some(c);
        let verdict = progress.filter(|p| mine && p.over).map(|p| {
            if c.met(setup, p.reach) {
                html! { <p class="verdict met"><strong>{ words.t("ui.explore.met") }</strong>{ " " }{ words.t(&key("lesson")) }</p> }
            } else {
                html! { <p class="verdict">{ words.t("ui.explore.not_yet") }</p> }
            }
        });
        html! {
            <li class={classes!("challenge", mine.then_some("taken"))}>
                <h3>{ words.t(&key("title")) }</h3>
                <p>{ words.t(&key("task")) }</p>
                if mine {
                    <p class="taken-label">{ words.t("ui.explore.trying") }</p>
                } else {
                    <button type="button" onclick={on_try}>{ words.t("ui.explore.try") }</button>
                }
                <div role="status">{ verdict.unwrap_or_default() }</div>
            </li>
        }
    };
    html! {
        <section class="challenges" aria-labelledby="challenges-heading">
            <h2 id="challenges-heading">{ words.t("ui.explore.challenges") }</h2>
            <ul>{ for Challenge::ALL.into_iter().map(card) }</ul>
        </section>
    }
}
