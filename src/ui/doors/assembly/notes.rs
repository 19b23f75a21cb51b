//! The presenter's notes: what to say where the hall is, the checklist and
//! the running orders before the start, the time left, and the counting of
//! hands.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::stage::{answer_words, letters, scene_of, voice};
use crate::assembly::{Card, Cue, Hall};
use crate::check::Judgement;
use crate::game::At;
use crate::story::ChapterId;
use crate::ui::{on_press_with, use_words, StoryRef, Words};

/// The presenter's notes for where the hall is, and the counting of hands.
pub(super) fn notes(words: &Words, story: &StoryRef, hall: &Hall, cue: &Callback<Cue>) -> Html {
    let voice = voice(words, hall);
    let note = match hall.card() {
        _ if hall.intro => "ui.assembly.note_intro",
        Some(Card::Prompt(_)) => "ui.assembly.note_prompt",
        Some(Card::Summary(_)) => "ui.assembly.note_summary",
        Some(Card::Check { .. }) if hall.vote.is_some() => "ui.assembly.note_quiz_hands",
        Some(Card::Check { .. }) => "ui.assembly.note_quiz",
        Some(Card::Change) => "ui.assembly.note_quiz_change",
        Some(Card::Help) if hall.running_order().assembly => "ui.assembly.note_closing_assembly",
        Some(Card::Help) => "ui.assembly.note_closing_lesson",
        None => scene_note(story, hall),
    };
    let letters = letters(words);
    let counting = hall.vote.as_ref().map(|hands| {
        // What each count is of: true, false and not sure on a statement
        // of the knowledge check, else the options.
        let asking = hall.asking();
        let labels: Vec<String> = if asking {
            Judgement::ALL.iter().map(|j| words.t(j.key()).to_string()).collect()
        } else {
            hall.options(story).iter().map(|a| answer_words(words, &voice, story, scene_of(hall), a)).collect()
        };
        html! {
            <ol class="counts">
                { for labels.iter().enumerate().map(|(i, label)| {
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
                                { label.clone() }
                            </label>
                            <input type="number" {id} min="0" max="9999" inputmode="numeric" value={hands[i].to_string()} {oninput} />
                            if !asking {
                                <button type="button" onclick={on_press_with(cue, Cue::Picked(i))}>
                                    { words.t_with("ui.assembly.pick", &[("letter", &letter)]) }
                                </button>
                            }
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
                <p>
                    <button type="button" aria-pressed={hall.check.on.to_string()} onclick={on_press_with(cue, Cue::Checking)}>
                        { words.t("ui.assembly.quiz_toggle") }
                    </button>
                </p>
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
pub(super) fn time_left(words: &Words, hall: &Hall, started: Option<f64>) -> Html {
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
