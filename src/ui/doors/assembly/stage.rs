//! What the hall sees on the projector: the content note, a blank screen,
//! a card between chapters, the show of hands, the knowledge check's
//! statements and what the hall said of them, or the scene (and at the
//! ending, what the hall chose); and the words of a vote's options, which
//! the presenter's notes share.

use yew::prelude::*;

use crate::assembly::{Answer, Card, Hall, HALL_ITEMS};
use crate::check::{bank, Form, Judgement, Statement};
use crate::game::{At, Event as GameEvent};
use crate::story::SceneId;
use crate::ui::parts::cards::card_words;
use crate::ui::parts::help::help_panel;
use crate::ui::scenes::scene_screen;
use crate::ui::{StoryRef, Voice, Words};

/// The letters that name a vote's options, from the words.
pub(super) fn letters(words: &Words) -> Vec<String> {
    words.t("ui.assembly.letters").split_whitespace().map(str::to_string).collect()
}

/// What an option says: a character's name, or the words of a choice in
/// `scene`.
pub(super) fn answer_words(
    words: &Words,
    voice: &Voice,
    story: &StoryRef,
    scene: Option<&SceneId>,
    answer: &Answer,
) -> String {
    match (answer, scene) {
        (Answer::Player(who), _) => words.t(&who.name_key()).to_string(),
        (Answer::Choice(id), Some(scene)) => {
            let scene = story.scene(scene);
            scene.choice(id.as_str()).map(|c| voice.say(&scene.choice_key(c))).unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// A vote's options with their big letters, for a show of hands.
fn vote_options(words: &Words, labels: Vec<String>) -> Html {
    let letters = letters(words);
    html! {
        <ol class="vote-options">
            { for labels.into_iter().enumerate().map(|(i, label)| html! {
                <li>
                    <span class="letter" aria-hidden="true">{ letters.get(i).cloned().unwrap_or_default() }</span>
                    <span>{ label }</span>
                </li>
            }) }
        </ol>
    }
}

/// The scene the hall is at, if any.
pub(super) fn scene_of(hall: &Hall) -> Option<&SceneId> {
    match &hall.game.at {
        At::Scene(id) => Some(id),
        _ => None,
    }
}

/// The story's voice, for the hall's player.
pub(super) fn voice(words: &Words, hall: &Hall) -> Voice {
    let player = hall.game.player.as_ref().map(|p| words.t(&p.name_key()).to_string()).unwrap_or_default();
    Voice::new(words.clone(), AttrValue::from(player))
}

/// The statements of story `id`'s knowledge check a hall is asked: the
/// first of the form taken before playing.
pub(super) fn hall_statements(id: &str) -> Vec<&'static Statement> {
    bank(id).map(|b| b.form(Form::A).into_iter().take(HALL_ITEMS).collect()).unwrap_or_default()
}

/// A statement of the knowledge check for the hall to judge by hands.
fn hall_statement(words: &Words, id: &str, item: usize, vote: bool) -> Html {
    let Some(s) = hall_statements(id).get(item).copied() else { return html! {} };
    html! {
        <section class="vote hall-check" aria-labelledby="vote-heading">
            <h1 id="vote-heading">{ words.t("ui.assembly.quiz_heading") }</h1>
            <p class="prompt-text">{ words.t(&s.key("text")) }</p>
            if vote {
                <p>{ words.t("ui.assembly.quiz_intro") }</p>
                { vote_options(words, Judgement::ALL.iter().map(|j| words.t(j.key()).to_string()).collect()) }
            }
        </section>
    }
}

/// What the hall said of each statement before the story and after it,
/// with the answer and why.
fn hall_change(words: &Words, id: &str, hall: &Hall) -> Html {
    let counts = |key: &str, hands: [u32; 3]| {
        let [t, f, n] = hands.map(|h| h.to_string());
        words.t_with(key, &[("true", &t), ("false", &f), ("unsure", &n)])
    };
    html! {
        <section class="vote hall-change" aria-labelledby="change-heading">
            <h1 id="change-heading">{ words.t("ui.assembly.quiz_change") }</h1>
            <ol>
                { for hall_statements(id).iter().enumerate().map(|(i, s)| html! {
                    <li>
                        <p class="statement">{ words.t(&s.key("text")) }</p>
                        <p>{ counts("ui.assembly.quiz_before", hall.check.before[i]) }{ " " }{ counts("ui.assembly.quiz_after", hall.check.after[i]) }</p>
                        <p><strong>{ words.t(if s.truth { "quiz.was.true" } else { "quiz.was.false" }) }</strong>{ " " }{ words.t(&s.key("why")) }</p>
                    </li>
                }) }
            </ol>
        </section>
    }
}

/// What the hall sees: the content note, a blank screen, the show of
/// hands, a statement of the knowledge check and what the hall said, or
/// the scene (and at the ending, what the hall chose), for story `id`.
pub(super) fn audience_stage(words: &Words, id: &str, story: &StoryRef, hall: &Hall) -> Html {
    let voice = voice(words, hall);
    if hall.blank {
        return html! { <p class="sr-only">{ words.t("ui.assembly.blanked") }</p> };
    }
    if hall.intro {
        return html! {
            <section class="content-note big" aria-labelledby="hall-note-heading">
                <h1 id="hall-note-heading">{ words.t("ui.content_note.heading") }</h1>
                <p>{ words.t("ui.content_note.body") }</p>
                <p>{ words.t("ui.content_note.help") }</p>
            </section>
        };
    }
    if let Some(Card::Help) = hall.card() {
        return html! {
            <section class="closing">
                { help_panel(words, true) }
                <p class="closing-line">{ words.t("ui.assembly.closing") }</p>
            </section>
        };
    }
    if let Some(&Card::Check { item, .. }) = hall.card() {
        return hall_statement(words, id, item, hall.vote.is_some());
    }
    if let Some(Card::Change) = hall.card() {
        return hall_change(words, id, hall);
    }
    if let Some(card) = hall.card() {
        let (heading, text) = card_words(words, card);
        return html! {
            <section class="vote prompt" aria-labelledby="prompt-heading">
                <h1 id="prompt-heading">{ heading }</h1>
                <p class={classes!("prompt-text", matches!(card, Card::Summary(_)).then_some("summary-text"))}>{ text }</p>
            </section>
        };
    }
    if hall.vote.is_some() {
        let options = hall.options(story);
        let labels = options.iter().map(|a| answer_words(words, &voice, story, scene_of(hall), a)).collect();
        return html! {
            <section class="vote" aria-labelledby="vote-heading">
                <h1 id="vote-heading">{ words.t("ui.assembly.vote_heading") }</h1>
                <p>{ words.t("ui.assembly.vote_intro") }</p>
                { vote_options(words, labels) }
            </section>
        };
    }
    // The scene as the story shows it; its buttons do nothing here: the
    // teacher drives.
    let ignore = Callback::from(|_: GameEvent| ());
    html! {
        <ContextProvider<Voice> context={voice.clone()}>
            if hall.at_ending(story) { { hall_choices(words, &voice, story, hall) } }
            { scene_screen(story, &hall.game, &ignore) }
        </ContextProvider<Voice>>
    }
}

/// The hall's choices and their hands, for the ending.
fn hall_choices(words: &Words, voice: &Voice, story: &StoryRef, hall: &Hall) -> Html {
    let rows = hall.choices.iter().map(|c| {
        let option = answer_words(words, voice, story, c.scene.as_ref(), &c.option);
        let total = c.hands.iter().sum::<u32>();
        let winner = c.hands.iter().copied().max().unwrap_or(0).to_string();
        let line = if total == 0 {
            words.t_with("ui.assembly.hall_picked", &[("option", &option)])
        } else {
            words.t_with(
                "ui.assembly.hall_choice",
                &[("option", &option), ("hands", &winner), ("total", &total.to_string())],
            )
        };
        html! { <li>{ line }</li> }
    });
    html! {
        <section class="hall-choices screen" aria-labelledby="hall-heading">
            <h2 id="hall-heading">{ words.t("ui.assembly.hall_heading") }</h2>
            <ol>{ for rows }</ol>
        </section>
    }
}
