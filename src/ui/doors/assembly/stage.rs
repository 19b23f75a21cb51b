//! What the hall sees on the projector: the content note, a blank screen,
//! a card between chapters, the show of hands, or the scene (and at the
//! ending, what the hall chose); and the words of a vote's options, which
//! the presenter's notes share.

use yew::prelude::*;

use crate::assembly::{Answer, Card, Hall};
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

/// What the hall sees: the content note, a blank screen, the show of
/// hands, or the scene (and at the ending, what the hall chose).
pub(super) fn audience_stage(words: &Words, story: &StoryRef, hall: &Hall) -> Html {
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
        let letters = letters(words);
        let options = hall.options(story);
        return html! {
            <section class="vote" aria-labelledby="vote-heading">
                <h1 id="vote-heading">{ words.t("ui.assembly.vote_heading") }</h1>
                <p>{ words.t("ui.assembly.vote_intro") }</p>
                <ol class="vote-options">
                    { for options.iter().enumerate().map(|(i, a)| html! {
                        <li>
                            <span class="letter" aria-hidden="true">{ letters.get(i).cloned().unwrap_or_default() }</span>
                            <span>{ answer_words(words, &voice, story, scene_of(hall), a) }</span>
                        </li>
                    }) }
                </ol>
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
