//! An ending: what the player's choice did, hope, and where help is. Every
//! ending shows the help panel (`parts::help`).

use yew::prelude::*;

use super::outcome::numbers;
use crate::check::When;
use crate::door::Door;
use crate::game::Game;
use crate::story::{SceneId, HELP_HOPE_KEY};
use crate::ui::app::chosen_story;
use crate::ui::effects::storage;
use crate::ui::parts::help::help_panel;
use crate::ui::parts::whatif::{compare, what_if};
use crate::ui::{door_link, on_press, use_heading_focus, use_voice, use_words, StoryRef};

/// Props of [`EndingScreen`].
#[derive(Properties, PartialEq)]
pub struct EndingScreenProps {
    /// The story being played.
    pub story: StoryRef,
    /// The ending scene to show.
    pub scene: SceneId,
    /// The game, whose outcome is summed up.
    pub game: Game,
    /// The player chose "What if?" on the choice with this index.
    pub onwhatif: Callback<usize>,
    /// The player pressed Start again.
    pub onstartagain: Callback<()>,
    /// The player chose to explore how a picture spreads.
    pub onexplore: Callback<()>,
}

/// The words of the ending's link to the knowledge check: a week after
/// the go after playing, the offer to take it again (a pupil who comes
/// back finds the story at its ending).
fn check_offer_key() -> &'static str {
    let story = chosen_story().id;
    match storage::check_record().map(|r| r.next(story, storage::today())) {
        Ok(When::Later) => "ui.check.later",
        _ => "ui.ending.check",
    }
}

/// The end of a play-through.
#[component]
pub fn EndingScreen(props: &EndingScreenProps) -> Html {
    let words = use_words();
    let voice = use_voice();
    let heading = use_heading_focus();
    let scene = props.story.scene(&props.scene);
    let onclick = on_press(&props.onstartagain);
    html! {
        <section class="screen ending">
            <h1 ref={heading} tabindex="-1">{ voice.say(&scene.title_key()) }</h1>
            <p class="body">{ voice.say(&scene.body_key()) }</p>
            // What the choice about the picture did, where there was one.
            if props.game.outcome.is_some() {
                <section class="summary" aria-labelledby="summary-heading">
                    <h2 id="summary-heading">{ words.t("ui.ending.summary") }</h2>
                    { numbers(&words, &props.story, &props.game) }
                </section>
            }
            { compare(&words, &voice, &props.story, &props.game) }
            <p class="hope">{ words.t(HELP_HOPE_KEY) }</p>
            { help_panel(&words, false) }
            { what_if(&words, &voice, &props.story, &props.game, &props.onwhatif) }
            <p class="doors">
                <button type="button" class="primary" {onclick}>{ words.t("ui.start_again") }</button>
                <button type="button" onclick={on_press(&props.onexplore)}>
                    { words.t("ui.explore.open_from_ending") }
                </button>
            </p>
            <p class="check-offer">{ door_link(Door::Quiz, words.t(check_offer_key())) }</p>
        </section>
    }
}
