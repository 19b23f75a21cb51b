//! "What if?": from an ending, go back to a choice that changed what
//! happened and choose again; the next ending then sets the two runs side
//! by side.

use yew::prelude::*;

use crate::game::{choices_that_matter, picture_choice, At, Game, Made};
use crate::sim::Tally;
use crate::story::{SceneId, Story};
use crate::ui::{on_press_with, use_voice, use_words, StoryRef, Voice};

/// Props of [`WhatIf`] and [`Compare`].
#[derive(Properties, PartialEq)]
pub struct WhatIfProps {
    /// The story being played.
    pub story: StoryRef,
    /// The game at its ending.
    pub game: Game,
    /// The player chose to go back to the choice with this index.
    #[prop_or_default]
    pub onwhatif: Callback<usize>,
}

/// The choices made that changed what happened, each a button that goes
/// back to choose again.
#[component]
pub fn WhatIf(props: &WhatIfProps) -> Html {
    let words = use_words();
    let voice = use_voice();
    html! {
        <section class="what-if" aria-labelledby="what-if-heading">
            <h2 id="what-if-heading">{ words.t("ui.whatif.heading") }</h2>
            <p>{ words.t("ui.whatif.intro") }</p>
            <ol>
                for (i, made) in choices_that_matter(&props.story, &props.game.made) {
                    <li key={i}>
                        <button type="button" class="again" onclick={on_press_with(&props.onwhatif, i)}>
                            <span class="again-choice">{ choice_label(&props.story, &voice, made) }</span>
                            <span class="again-where">{ voice.say(&props.story.scene(&made.scene).title_key()) }</span>
                        </button>
                    </li>
                }
            </ol>
        </section>
    }
}

/// The label of a choice made, as the player read it.
fn choice_label(story: &Story, voice: &Voice, made: &Made) -> String {
    let scene = story.scene(&made.scene);
    scene.choice(made.choice.as_str()).map(|c| voice.say(&scene.choice_key(c))).unwrap_or_default()
}

/// The run before "What if?" and this one, side by side, as a table.
#[component]
pub fn Compare(props: &WhatIfProps) -> Html {
    let words = use_words();
    let voice = use_voice();
    let Some(before) = &props.game.before else { return html! {} };
    let At::Scene(ending_now) = &props.game.at else { return html! {} };
    let story = &props.story;
    // The label of the last choice about the picture.
    let picture = |made: &[Made]| {
        picture_choice(story, made).map(|(m, _)| choice_label(story, &voice, m)).unwrap_or_default()
    };
    let count =
        |outcome: Option<Tally>, f: fn(Tally) -> u32| outcome.map_or(String::new(), |t| words.number(f(t)));
    let ending = |id: &SceneId| voice.say(&story.scene(id).title_key());
    let rows = [
        ("ui.compare.choice", picture(&before.made), picture(&props.game.made)),
        (
            "ui.compare.holding",
            count(before.outcome, |t| t.holding),
            count(props.game.outcome, |t| t.holding),
        ),
        (
            "ui.compare.from_you",
            count(before.outcome, |t| t.from_player),
            count(props.game.outcome, |t| t.from_player),
        ),
        ("ui.compare.ending", ending(&before.ending), ending(ending_now)),
    ];
    html! {
        <table class="compare">
            <caption>{ words.t("ui.compare.caption") }</caption>
            <thead>
                <tr>
                    <td></td>
                    <th scope="col">{ words.t("ui.compare.before") }</th>
                    <th scope="col">{ words.t("ui.compare.now") }</th>
                </tr>
            </thead>
            <tbody>
                for (key, was, now) in rows {
                    <tr key={key}>
                        <th scope="row">{ words.t(key) }</th>
                        <td>{ was }</td>
                        <td>{ now }</td>
                    </tr>
                }
            </tbody>
        </table>
    }
}
