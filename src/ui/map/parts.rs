//! The spread map's smaller parts: the counters, the class drawn with
//! names, the key to the marks, the table of numbers, and the words for a
//! moment in time. Plain functions of what they show, not components: they
//! keep no state, and each component costs the bundle a few kilobytes.

use yew::prelude::*;

use crate::map::Mark;
use crate::sim::spread::{Counts, Snapshot, DAY, HOUR, MONTH, WEEK, YEAR};
use crate::sim::SENDER;
use crate::ui::Words;

/// "After 3 days": the time `minutes` after the posting, in the largest
/// whole unit.
pub fn time_words(words: &Words, minutes: u64) -> String {
    let units: [(u64, &str); 6] = [
        (YEAR, "ui.map.after_years"),
        (MONTH, "ui.map.after_months"),
        (WEEK, "ui.map.after_weeks"),
        (DAY, "ui.map.after_days"),
        (HOUR, "ui.map.after_hours"),
        (1, "ui.map.after_minutes"),
    ];
    match units.into_iter().find(|&(unit, _)| minutes >= unit) {
        Some((unit, key)) => words.t_n(key, minutes / unit, &[]),
        None => words.t("ui.map.at_start").to_string(),
    }
}

/// The time and three numbers, large enough for the back of a hall.
pub fn counters(words: &Words, c: Counts, time: &str) -> Html {
    let counter = |n: u32, key: &str| {
        html! { <div class="counter"><strong>{ words.number(n) }</strong><span>{ words.t(key) }</span></div> }
    };
    html! {
        <div class="map-counters">
            <p class="map-time">{ time }</p>
            { counter(c.seen, "ui.map.seen") }
            { counter(c.holding, "ui.map.holding") }
            { counter(c.deleted, "ui.map.deleted") }
        </div>
    }
}

/// A mark's shape as an SVG path on a 10 by 10 box, for the class and the
/// key (the same shapes as the canvas draws).
fn shape(mark: Mark) -> Html {
    match mark {
        Mark::Unseen => html! { <rect x="3.5" y="3.5" width="3" height="3" /> },
        Mark::Seen => html! { <rect x="1.5" y="1.5" width="7" height="7" fill="none" stroke-width="2.2" /> },
        Mark::Copy => html! { <rect x="1" y="1" width="8" height="8" /> },
        Mark::Deleted => {
            html! { <path d="M1.5 1.5 8.5 8.5M8.5 1.5 1.5 8.5" fill="none" stroke-width="2.4" /> }
        }
        Mark::Reported => html! { <path d="M5 1V9M1 5H9" fill="none" stroke-width="2.6" /> },
    }
}

fn mark_class(mark: Mark) -> &'static str {
    match mark {
        Mark::Unseen => "mark unseen",
        Mark::Seen => "mark seen",
        Mark::Copy => "mark copy",
        Mark::Deleted => "mark deleted",
        Mark::Reported => "mark reported",
    }
}

/// The class, close up: each classmate's mark with their name, from
/// their status codes (`codes`) and whether they got it through the
/// player (`yours`), the one who posted it named `sender`. The table and
/// the live words say the same for screen readers, so this is hidden from
/// them.
pub fn class_view(words: &Words, codes: &[u8], yours: &[bool], sender: &str) -> Html {
    let names: Vec<&str> = words.t("ui.map.classmates").split(',').map(str::trim).collect();
    let person = |(p, &code): (usize, &u8)| {
        let name = match p as u32 {
            0 => words.t("ui.map.mark_you"),
            SENDER => sender,
            // The others in order, from the third place on.
            _ => names.get(p - 2).copied().unwrap_or(""),
        };
        let mark = Mark::of(code);
        let class = classes!(mark_class(mark), (p == 0 || yours[p]).then_some("yours"));
        html! {
            <li class={class}>
                <svg viewBox="0 0 10 10" aria-hidden="true">
                    if p == 0 {
                        <path d="M5 0.6 9.4 5 5 9.4 0.6 5Z" fill="none" stroke-width="0.9" />
                        <g transform="translate(2.75 2.75) scale(0.45)">{ shape(mark) }</g>
                    } else {
                        { shape(mark) }
                    }
                </svg>
                <span>{ name.to_string() }</span>
            </li>
        }
    };
    html! {
        <ul class="map-class" aria-hidden="true">
            { for codes.iter().enumerate().map(person) }
        </ul>
    }
}

/// The key: every mark with what it means, the player's line and the
/// player.
pub fn legend(words: &Words) -> Html {
    let keys = [
        "ui.map.mark_unseen",
        "ui.map.mark_seen",
        "ui.map.mark_copy",
        "ui.map.mark_deleted",
        "ui.map.mark_reported",
    ];
    let item = |(mark, key): (Mark, &str)| {
        html! {
            <li class={mark_class(mark)}>
                <svg viewBox="0 0 10 10" aria-hidden="true">{ shape(mark) }</svg>{ words.t(key) }
            </li>
        }
    };
    html! {
        <div class="map-legend">
            <h3>{ words.t("ui.map.legend") }</h3>
            <ul>
                { for Mark::ALL.into_iter().zip(keys).map(item) }
                <li class="mark copy yours">
                    <svg viewBox="0 0 10 10" aria-hidden="true">{ shape(Mark::Copy) }</svg>
                    { words.t("ui.map.mark_yours") }
                </li>
                <li class="mark yours">
                    <svg viewBox="0 0 10 10" aria-hidden="true"><path d="M5 0.6 9.4 5 5 9.4 0.6 5Z" fill="none" stroke-width="1.2" /></svg>
                    { words.t("ui.map.mark_you") }
                </li>
            </ul>
        </div>
    }
}

/// The moments the map's words and tables stop at, in minutes: the
/// posting, an hour, a day, a week, a month, a year, ten years.
pub const MILESTONES: [u64; 7] = [0, HOUR, DAY, WEEK, MONTH, YEAR, 10 * YEAR];

/// The counts at `minutes` after the posting: the last snapshot not after
/// it (the last of all holds once nothing more can happen).
pub fn snapshot_at(history: &[Snapshot], minutes: u64) -> Option<&Snapshot> {
    history.iter().take_while(|s| s.minutes <= minutes).last()
}

/// The numbers as a table: one row per milestone up to `now` minutes, from
/// the counts after every step so far (`history`).
pub fn summary(words: &Words, history: &[Snapshot], now: u64) -> Html {
    let rows = MILESTONES.into_iter().filter(|&m| m <= now).filter_map(|m| {
        let s = snapshot_at(history, m)?;
        let c = s.counts;
        Some(html! {
            <tr>
                <th scope="row">{ time_words(words, m) }</th>
                <td>{ words.number(c.seen) }</td><td>{ words.number(c.holding) }</td>
                <td>{ words.number(c.deleted) }</td><td>{ words.number(c.from_player) }</td>
            </tr>
        })
    });
    html! {
        { table_in_details(
            words,
            "ui.map.table",
            "ui.map.table_caption",
            ["ui.map.table_when", "ui.map.table_seen", "ui.map.table_holding", "ui.map.table_deleted", "ui.map.table_yours"]
                .iter()
                .map(|k| words.t(k).to_string())
                .collect(),
            html! { { for rows } },
        ) }
    }
}

/// A table folded under a summary line (`summary`): its caption (also its
/// name as a region that scrolls sideways rather than squeeze on a narrow
/// screen, and that the keyboard can scroll), its column headings, rows.
pub fn table_in_details(
    words: &Words,
    summary: &str,
    caption: &str,
    columns: Vec<String>,
    rows: Html,
) -> Html {
    html! {
        <details class="map-table">
            <summary>{ words.t(summary) }</summary>
            <div class="table-scroll" role="region" tabindex="0" aria-label={words.t(caption).to_string()}>
                <table>
                    <caption>{ words.t(caption) }</caption>
                    <thead><tr>{ for columns.into_iter().map(|c| html! { <th scope="col">{ c }</th> }) }</tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
        </details>
    }
}
