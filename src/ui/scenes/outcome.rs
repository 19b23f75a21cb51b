//! What the player's choice did: numbers from the simulation, in words.

use yew::prelude::*;

use super::narration::NarrationScreen;
use crate::game::{player_move, Game};
use crate::sim::SpreadParams;
use crate::story::SceneId;
use crate::ui::map::{SpreadMap, WorldRef};
use crate::ui::{use_words, use_worlds, StoryRef};

/// Props of [`OutcomeScreen`].
#[derive(Properties, PartialEq)]
pub struct OutcomeScreenProps {
    /// The story being played.
    pub story: StoryRef,
    /// The outcome scene to show.
    pub scene: SceneId,
    /// The game, whose outcome is shown.
    pub game: Game,
    /// The player pressed Next.
    pub onnext: Callback<()>,
}

/// How far the picture went, and how much of that came from the player:
/// the scene's words, then the numbers. The map shows the world the
/// tally was played in, lent by the page's worlds.
#[component]
pub fn OutcomeScreen(props: &OutcomeScreenProps) -> Html {
    let worlds = use_worlds();
    html! {
        <NarrationScreen story={props.story.clone()} scene={props.scene.clone()} onnext={props.onnext.clone()} wide=true>
            if let Some(effect) = props.game.picture_effect(&props.story) {
                <SpreadMap world={WorldRef(worlds.story(props.game.seed))} params={SpreadParams::default()}
                    seed={props.game.seed} choice={player_move(effect)} />
            }
            <Numbers story={props.story.clone()} game={props.game.clone()} />
        </NarrationScreen>
    }
}

/// Props of [`Numbers`].
#[derive(Properties, PartialEq)]
pub struct NumbersProps {
    /// The story being played.
    pub story: StoryRef,
    /// The game whose outcome is shown.
    pub game: Game,
}

/// What the player did with the picture, and the spread's numbers: phones
/// still holding a copy, and how many got it through the player.
#[component]
pub fn Numbers(props: &NumbersProps) -> Html {
    let words = use_words();
    let (Some(tally), Some(effect)) = (props.game.outcome, props.game.picture_effect(&props.story)) else {
        return html! {};
    };
    let from_you = if tally.from_player > 0 {
        words.t_n("ui.outcome.from_you", tally.from_player.into(), &[])
    } else {
        words.t("ui.outcome.none_from_you").to_string()
    };
    html! {
        <div class="numbers">
            <p class="effect">{ words.t(&effect.outcome_key()) }</p>
            <p class="big-number">
                { with_number(words.plural_form("ui.outcome.holding", tally.holding.into()), &words.number(tally.holding)) }
            </p>
            <p class="from-you">{ from_you }</p>
            <p class="model-note">{ words.t_n("ui.outcome.model_note", tally.people.into(), &[]) }</p>
        </div>
    }
}

/// A sentence with its `{n}` set large, wherever the language puts it.
fn with_number(template: &str, n: &str) -> Html {
    let (before, after) = template.split_once("{n}").unwrap_or((template, ""));
    html! { <>{ before }<strong>{ n }</strong>{ after }</> }
}
