//! The knowledge check for the story chosen (`#quiz`): six statements to
//! sort true, false or not sure, what the pupil would do, where help is,
//! and how sure they feel; then each answer's why, the score in plain
//! words, and the goes before, after and a week later side by side. And
//! its paper version (`#quiz-paper`): both forms to tick by hand, and the
//! answer key, for a class with no devices.
//!
//! Owns only what the pages show and keeping the scores; the items, the
//! scoring and when each go is due are in `crate::check`.

use std::rc::Rc;

use yew::prelude::*;

use crate::check::{
    bank, sure_key, tally, Answers, Bank, Go, Judgement, Kind, Question, Record, Statement, When, Worth,
    SURE_MOST,
};
use crate::content::StoryInfo;
use crate::door::Door;
use crate::guides::{decode_before, QUIZ_KEY};
use crate::keys::CHECK_DRAFT_KEY;
use crate::ui::effects::storage::{self, today};
use crate::ui::{door_link, go_to, on_press, use_heading_focus, use_words, Words};

use super::guides::page_actions;

/// Props of [`QuizPage`] and [`PaperPage`].
#[derive(Properties, PartialEq)]
pub struct CheckProps {
    /// The story chosen.
    pub story: &'static StoryInfo,
}

/// The check on this device: the go it is for (the one due, unless the
/// pupil says otherwise), its items, and once checked, the verdicts, the
/// score and the summary of every go.
#[component]
pub fn QuizPage(props: &CheckProps) -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    let info = props.story;
    let day = today();
    let kept = use_state(storage::check_record);
    let record = kept.as_ref().ok().cloned().unwrap_or_default();
    // A go not yet checked in this window, as it was before a reload.
    let draft = || storage::session_read(CHECK_DRAFT_KEY).and_then(|t| Answers::decode(&t, info.id));
    let when = use_state(|| match draft() {
        Some((w, _)) if w != When::Later || record.later_open(info.id, day) => w,
        _ => record.next(info.id, day),
    });
    let answers = use_state(|| draft().map(|(_, a)| a).unwrap_or_default());
    {
        let (when, answers) = (*when, (*answers).clone());
        use_effect_with((when, answers), move |(when, answers)| {
            storage::session_write(CHECK_DRAFT_KEY, &answers.encode(info.id, *when));
        });
    }
    let checked = use_state(|| None::<bool>);
    let Some(bank) = bank(info.id) else { return html! {} };
    let form = when.form();
    let statements = bank.form(form);
    let on_check = {
        let (checked, kept, answers, when) = (checked.clone(), kept.clone(), answers.clone(), *when);
        let statements = statements.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let a = &*answers;
            let (form, t) = (when.form(), tally(&statements, &a.statements));
            let (act, help) = (a.worth(bank, form, Kind::Do), a.worth(bank, form, Kind::Help));
            let go = Go { when, day, tally: t, act, help, sure: a.sure };
            // Read again: another tab may have kept a go since this opened.
            let mut record = storage::check_record().unwrap_or_default();
            record.put(info.id, go);
            storage::session_remove(CHECK_DRAFT_KEY);
            checked.set(Some(storage::write(crate::check::CHECK_KEY, &record.encode())));
            kept.set(Ok(record));
        })
    };
    // Not the second click of a double click on "Check my answers", which
    // would land here and clear what was just checked.
    let on_again = {
        let (checked, answers) = (checked.clone(), answers.clone());
        on_press(&Callback::from(move |()| {
            answers.set(Answers::default());
            checked.set(None);
        }))
    };
    let done = checked.is_some();
    let title = words.t(&info.title_key()).to_string();
    html! {
        <article class="screen guide quiz">
            { page_actions(&words) }
            <h1 ref={heading} tabindex="-1">{ words.t("quiz.title") }</h1>
            <p class="quiz-story">{ words.t_with("quiz.story", &[("story", &title)]) }</p>
            <p class="body">{ words.t("quiz.intro") }</p>
            if kept.is_err() { <p class="notice-inline" role="status">{ words.t("quiz.reset") }</p> }
            <form onsubmit={on_check}>
                { when_choice(&words, &when, &record, info.id, day, done, &answers) }
                <h2>{ words.t("quiz.statements") }</h2>
                <p>{ words.t("quiz.scoring") }</p>
                { for statements.iter().enumerate().map(|(i, s)| statement(&words, &answers, done, i, s)) }
                { for [Kind::Do, Kind::Help].into_iter().filter_map(|k| bank.question(form, k)).map(|q| question(&words, &answers, done, q)) }
                { sure(&words, &answers, done) }
                <div role="status">
                    if let Some(kept) = *checked {
                        { result(&words, &record, info.id, *when, kept) }
                    }
                </div>
                if done {
                    <p class="doors">
                        <button type="button" onclick={on_again}>{ words.t("quiz.again") }</button>
                        <button type="button" class="primary" onclick={on_press(&Callback::from(|()| go_to(&Door::Story)))}>
                            { words.t(if *when == When::Before { "quiz.play" } else { "quiz.back_to_story" }) }
                        </button>
                    </p>
                } else {
                    <button type="submit" class="primary">{ words.t("quiz.check") }</button>
                }
            </form>
            { summary(&words, &record, info.id, &title) }
            { old_score(&words) }
            <ul class="no-print page-links">
                <li>{ door_link(Door::Paper, words.t("quiz.paper")) }</li>
            </ul>
            <p class="quiz-other">{ words.t("quiz.other_story") }</p>
        </article>
    }
}

/// One answer to choose: a radio button named `name`, labelled `text`.
/// One copy for every answer on the page (the bundle pays for each).
fn radio(name: &str, text: &str, checked: bool, disabled: bool, onchange: Callback<Event>) -> Html {
    html! {
        <label class="option">
            <input type="radio" name={name.to_string()} {checked} {disabled} {onchange} />
            { text.to_string() }
        </label>
    }
}

/// A change to the answers, as one type of callback for every answer.
fn answer(answers: &UseStateHandle<Answers>, change: impl Fn(&mut Answers) + 'static) -> Callback<Event> {
    let change: Rc<dyn Fn(&mut Answers)> = Rc::new(change);
    answer_boxed(answers, change)
}

fn answer_boxed(answers: &UseStateHandle<Answers>, change: Rc<dyn Fn(&mut Answers)>) -> Callback<Event> {
    let answers = answers.clone();
    Callback::from(move |_: Event| {
        let mut next = (*answers).clone();
        change(&mut next);
        answers.set(next);
    })
}

/// When this go is: before playing, after, or a week or more later (only
/// once that is open). Changing it starts the answers afresh: the form
/// changes with it.
fn when_choice(
    words: &Words,
    when: &UseStateHandle<When>,
    record: &Record,
    story: &str,
    day: u32,
    done: bool,
    answers: &UseStateHandle<Answers>,
) -> Html {
    let open = |w: When| w != When::Later || record.later_open(story, day) || record.go(story, w).is_some();
    html! {
        <fieldset class="question">
            <legend>{ words.t("quiz.when.legend") }</legend>
            { for When::ALL.into_iter().filter(|w| open(*w)).map(|w| {
                let (on, when) = (**when == w, when.clone());
                let onchange = answer(answers, move |a| {
                    when.set(w);
                    *a = Answers::default();
                });
                radio("when", words.t(&w.key()), on, done, onchange)
            }) }
        </fieldset>
    }
}

/// Statement `i` (from 0) with true, false and not sure; once checked,
/// whether it was sorted right, and why.
fn statement(words: &Words, answers: &UseStateHandle<Answers>, done: bool, i: usize, s: &Statement) -> Html {
    let said = answers.statements.get(i).copied().flatten();
    let verdict = done.then(|| {
        let right = if s.truth { Judgement::True } else { Judgement::False };
        let (key, met) = match said {
            None | Some(Judgement::NotSure) => ("quiz.unsure", false),
            Some(j) if j == right => ("quiz.right", true),
            Some(_) => ("quiz.wrong", false),
        };
        let truth = if s.truth { "quiz.was.true" } else { "quiz.was.false" };
        html! {
            <p class={classes!("verdict", met.then_some("met"))}>
                <strong>{ words.t(key) }{ " " }{ words.t(truth) }</strong>{ " " }{ words.t(&s.key("why")) }
            </p>
        }
    });
    html! {
        <fieldset class="question statement">
            <legend>{ format!("{}. ", i + 1) }{ words.t(&s.key("text")) }</legend>
            <div class="judge">
                { for Judgement::ALL.into_iter().map(|j| {
                    let onchange = answer(answers, move |a| {
                        a.statements.resize(a.statements.len().max(i + 1), None);
                        a.statements[i] = Some(j);
                    });
                    radio(&format!("s{i}"), words.t(j.key()), said == Some(j), done, onchange)
                }) }
            </div>
            { verdict.unwrap_or_default() }
        </fieldset>
    }
}

/// A question with its options; once checked, what the one chosen is
/// worth by the game's advice, and why.
fn question(words: &Words, answers: &UseStateHandle<Answers>, done: bool, q: &'static Question) -> Html {
    let picked = answers.picked(q);
    let worth = answers.worth_of(q);
    let verdict = done.then(|| {
        let key = match (q.kind, worth) {
            (_, None) => "quiz.unsure",
            (Kind::Help, Some(Worth::Best)) => "quiz.right",
            (Kind::Help, Some(_)) => "quiz.wrong",
            (Kind::Do, Some(w)) => worth_key(w),
        };
        html! {
            <p class={classes!("verdict", (worth == Some(Worth::Best)).then_some("met"))}>
                <strong>{ words.t(key) }</strong>{ " " }{ words.t(&q.key("why")) }
            </p>
        }
    });
    html! {
        <fieldset class="question">
            <legend>{ words.t(&q.key("question")) }</legend>
            { for q.options.iter().enumerate().map(|(o, &(id, _))| {
                let kind = q.kind;
                let onchange = answer(answers, move |a| {
                    if kind == Kind::Do { a.act = Some(o) } else { a.help = Some(o) }
                });
                radio(q.id, words.t(&q.key(id)), picked == Some(o), done, onchange)
            }) }
            { verdict.unwrap_or_default() }
        </fieldset>
    }
}

/// The words for what a "do" answer is worth.
fn worth_key(w: Worth) -> &'static str {
    match w {
        Worth::Best => "quiz.worth.best",
        Worth::Good => "quiz.worth.good",
        Worth::Not => "quiz.worth.not",
    }
}

/// How sure the pupil is that they would know what to do: not scored, but
/// shown beside the rest, before and after.
fn sure(words: &Words, answers: &UseStateHandle<Answers>, done: bool) -> Html {
    html! {
        <fieldset class="question">
            <legend>{ words.t("quiz.sure.question") }</legend>
            { for (1..=SURE_MOST).map(|n| {
                radio("sure", words.t(&sure_key(n)), answers.sure == Some(n), done, answer(answers, move |a| a.sure = Some(n)))
            }) }
        </fieldset>
    }
}

/// What this go showed, in plain words: the true and the false statements
/// spotted, the score, which way the answers lean if they lean far, and
/// the change since the go before playing; and whether it could be kept.
fn result(words: &Words, record: &Record, story: &str, when: When, kept: bool) -> Html {
    let Some(go) = record.go(story, when) else { return html! {} };
    let t = &go.tally;
    let n = |x: u8| x.to_string();
    let spotted = words.t_with(
        "quiz.spotted",
        &[
            ("trues", &n(t.trues_spotted)),
            ("all_trues", &n(t.trues)),
            ("falses", &n(t.falses_spotted)),
            ("all_falses", &n(t.falses)),
        ],
    );
    let before = record.go(story, When::Before).filter(|_| when != When::Before);
    let change = before.map(|b| {
        let (was, now) = (b.tally.score(), t.score());
        if b.tally.improved_by(t) {
            words.t_with("quiz.change.up", &[("n", &n(now - was))])
        } else if now == was {
            words.t("quiz.change.same").to_string()
        } else {
            words.t("quiz.change.down").to_string()
        }
    });
    html! {
        <section class="quiz-result" aria-labelledby="result-heading">
            <h2 id="result-heading">{ words.t("quiz.result") }</h2>
            <p class="score">{ spotted }</p>
            <p>{ words.t_with("quiz.score", &[("score", &n(t.score())), ("most", &n(t.most()))]) }</p>
            if let Some(lean) = t.lean() { <p>{ words.t(lean.key()) }</p> }
            if let Some(change) = change { <p>{ change }</p> }
            if !kept { <p>{ words.t("quiz.unsaved") }</p> }
        </section>
    }
}

/// Every go at this story's check kept on this device, side by side, and
/// when the one a week later opens.
fn summary(words: &Words, record: &Record, story: &str, title: &str) -> Html {
    let goes: Vec<Option<&Go>> = When::ALL.into_iter().map(|w| record.go(story, w)).collect();
    if goes.iter().all(Option::is_none) {
        return html! {};
    }
    let of =
        |a: u8, b: u8| words.t_with("quiz.summary.of", &[("n", &a.to_string()), ("all", &b.to_string())]);
    let row = |key: &str, cell: &dyn Fn(&Go) -> String| {
        html! {
            <tr>
                <th scope="row">{ words.t(key) }</th>
                { for goes.iter().map(|g| html! { <td>{ g.map_or_else(|| words.t("quiz.summary.not_yet").to_string(), cell) }</td> }) }
            </tr>
        }
    };
    let worth = |kind: Kind, w: Option<Worth>| words.t(&Worth::summary_key(kind, w)).to_string();
    let due = record.go(story, When::After).filter(|_| goes[2].is_none()).map(|after| {
        match u64::from((after.day + crate::check::WEEK).saturating_sub(today())) {
            0 => words.t("quiz.summary.due_today").to_string(),
            days => words.t_n("quiz.summary.due", days, &[]),
        }
    });
    let caption = words.t_with("quiz.summary.caption", &[("story", title)]);
    html! {
        <section class="quiz-summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ words.t("quiz.summary.heading") }</h2>
            // Scrolls sideways if it must (a narrow screen at 200% zoom), by
            // keys too.
            <div class="table-scroll" role="region" tabindex="0" aria-label={caption.clone()}>
                <table>
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <td></td>
                        { for When::ALL.into_iter().map(|w| html! { <th scope="col">{ words.t(&w.key()) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { row("quiz.summary.trues", &|g| of(g.tally.trues_spotted, g.tally.trues)) }
                        { row("quiz.summary.falses", &|g| of(g.tally.falses_spotted, g.tally.falses)) }
                        { row("quiz.summary.score", &|g| of(g.tally.score(), g.tally.most())) }
                        { row("quiz.summary.act", &|g| worth(Kind::Do, g.act)) }
                        { row("quiz.summary.help", &|g| worth(Kind::Help, g.help)) }
                        { row("quiz.summary.sure", &|g| g.sure.map_or_else(|| words.t("quiz.act.none").to_string(), |n| words.t(&sure_key(n)).to_string())) }
                    </tbody>
                </table>
            </div>
            if let Some(due) = due { <p>{ due }</p> }
        </section>
    }
}

/// The score kept by the check as it was before it had statements to
/// judge: shown, not compared (the questions were not the same).
fn old_score(words: &Words) -> Html {
    match storage::read(QUIZ_KEY).and_then(|t| decode_before(&t)) {
        Some(n) => html! { <p class="quiz-old">{ words.t_with("quiz.old", &[("n", &n.to_string())]) }</p> },
        None => html! {},
    }
}

/// The check on paper, for a class with no devices: both forms, with
/// boxes to tick by hand (nothing to type, no name), and the answer key
/// on its own page, for the teacher.
#[component]
pub fn PaperPage(props: &CheckProps) -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    let Some(bank) = bank(props.story.id) else { return html! {} };
    let title = words.t(&props.story.title_key()).to_string();
    html! {
        <article class="screen guide paper">
            { page_actions(&words) }
            <h1 ref={heading} tabindex="-1">{ words.t("quiz.paper_title") }</h1>
            <p class="quiz-story">{ words.t_with("quiz.story", &[("story", &title)]) }</p>
            <p class="body no-print">{ words.t("quiz.paper_intro") }</p>
            { paper_form(&words, bank, When::Before) }
            { paper_form(&words, bank, When::After) }
            <section class="paper-key" aria-labelledby="key-heading">
                <h2 id="key-heading">{ words.t("quiz.key") }</h2>
                { for [When::Before, When::After].into_iter().map(|w| answer_key(&words, bank, w)) }
            </section>
        </article>
    }
}

/// A box to tick by hand, before `label`.
fn tick(label: &str) -> Html {
    html! { <li><span class="tick" aria-hidden="true"></span>{ label.to_string() }</li> }
}

/// One form on paper: its statements and questions, each with boxes.
fn paper_form(words: &Words, bank: &Bank, when: When) -> Html {
    let form = when.form();
    html! {
        <section class="paper-form" aria-labelledby={format!("form-{}", when.name())}>
            <h2 id={format!("form-{}", when.name())}>{ words.t(&when.key()) }</h2>
            <p>{ words.t("quiz.scoring") }</p>
            <ol>
                { for bank.form(form).iter().map(|s| html! {
                    <li>
                        <p>{ words.t(&s.key("text")) }</p>
                        <ul class="ticks">{ for Judgement::ALL.into_iter().map(|j| tick(words.t(j.key()))) }</ul>
                    </li>
                }) }
                { for [Kind::Do, Kind::Help].into_iter().filter_map(|k| bank.question(form, k)).map(|q| html! {
                    <li>
                        <p>{ words.t(&q.key("question")) }</p>
                        <ul class="ticks">{ for q.options.iter().map(|(id, _)| tick(words.t(&q.key(id)))) }</ul>
                    </li>
                }) }
                <li>
                    <p>{ words.t("quiz.sure.question") }</p>
                    <ul class="ticks">{ for (1..=SURE_MOST).map(|n| tick(words.t(&sure_key(n)))) }</ul>
                </li>
            </ol>
        </section>
    }
}

/// The answers to one form, with each why.
fn answer_key(words: &Words, bank: &Bank, when: When) -> Html {
    let form = when.form();
    html! {
        <>
            <h3>{ words.t(&when.key()) }</h3>
            <ol>
                { for bank.form(form).iter().map(|s| html! {
                    <li>
                        <strong>{ words.t(if s.truth { "quiz.judge.true" } else { "quiz.judge.false" }) }</strong>
                        { ". " }{ words.t(&s.key("why")) }
                    </li>
                }) }
                { for [Kind::Do, Kind::Help].into_iter().filter_map(|k| bank.question(form, k)).map(|q| html! {
                    <li>
                        { for q.options.iter().filter(|(_, w)| *w != Worth::Not).map(|(id, w)| html! {
                            <><strong>{ words.t(&q.key(id)) }</strong>{ ": " }{ words.t(worth_key(*w)) }{ " " }</>
                        }) }
                        { words.t(&q.key("why")) }
                    </li>
                }) }
            </ol>
        </>
    }
}
