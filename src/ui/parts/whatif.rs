//! "What if?": from an ending, go back to a choice that changed what
//! happened and choose again; the next ending then sets the two runs side
//! by side.

use yew::prelude::*;

use crate::game::{choices_that_matter, last_choice_that_matters, At, Game, Made};
use crate::i18n::Catalogue;
use crate::sim::Tally;
use crate::story::{SceneId, Story};
use crate::ui::{on_press_with, Voice};

/// The choices made in `game` (at its ending) that changed what happened,
/// each a button that goes back to choose again (`onwhatif`, with the
/// choice's index). Plain functions, not components, here and in
/// [`compare`]: they hold no state, and a component costs the bundle its
/// own machinery.
pub fn what_if(
    words: &Catalogue,
    voice: &Voice,
    story: &Story,
    game: &Game,
    onwhatif: &Callback<usize>,
) -> Html {
    html! {
        <section class="what-if" aria-labelledby="what-if-heading">
            <h2 id="what-if-heading">{ words.t("ui.whatif.heading") }</h2>
            <p>{ words.t("ui.whatif.intro") }</p>
            <ol>
                for (i, made) in choices_that_matter(story, &game.made) {
                    <li key={i}>
                        <button type="button" class="again" onclick={on_press_with(onwhatif, i)}>
                            <span class="again-choice">{ choice_label(story, voice, made) }</span>
                            <span class="again-where">{ voice.say(&story.scene(&made.scene).title_key()) }</span>
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

/// The run before "What if?" and `game`'s, side by side, as a table.
pub fn compare(words: &Catalogue, voice: &Voice, story: &Story, game: &Game) -> Html {
    let Some(before) = &game.before else { return html! {} };
    let At::Scene(ending_now) = &game.at else { return html! {} };
    // The label of the choice about the picture, or of the last that
    // changed what happened.
    let picture = |made: &[Made]| {
        last_choice_that_matters(story, made).map(|m| choice_label(story, voice, m)).unwrap_or_default()
    };
    let count =
        |outcome: Option<Tally>, f: fn(Tally) -> u32| outcome.map_or(String::new(), |t| words.number(f(t)));
    let ending = |id: &SceneId| voice.say(&story.scene(id).title_key());
    // The picture's numbers where either run played a spread; a story
    // with no picture to pass on compares the choices and the endings.
    let spread = before.outcome.is_some() || game.outcome.is_some();
    let choice = if spread { "ui.compare.choice" } else { "ui.compare.last_choice" };
    let mut rows = vec![(choice, picture(&before.made), picture(&game.made))];
    if spread {
        rows.push((
            "ui.compare.holding",
            count(before.outcome, |t| t.holding),
            count(game.outcome, |t| t.holding),
        ));
        rows.push((
            "ui.compare.from_you",
            count(before.outcome, |t| t.from_player),
            count(game.outcome, |t| t.from_player),
        ));
    }
    rows.push(("ui.compare.ending", ending(&before.ending), ending(ending_now)));
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
