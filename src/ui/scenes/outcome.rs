//! What the player's choice did: numbers from the simulation, in words.

use yew::prelude::*;

use crate::game::{player_move, Game};
use crate::i18n::Catalogue;
use crate::sim::{SpreadParams, Worlds};
use crate::story::Story;
use crate::ui::map::{sender_name, SpreadMap};
use crate::ui::Shared;

/// How far the picture went in `game`, and how much of that came from the
/// player: the spread map, then the numbers, below an outcome scene's
/// words. The map shows the world the tally was played in, lent by the
/// page's `worlds`.
pub fn outcome(words: &Catalogue, worlds: &Worlds, story: &Story, game: &Game) -> Html {
    html! {
        <>
            if let Some(effect) = game.picture_effect(story) {
                <SpreadMap world={Shared(worlds.story(game.seed))} params={SpreadParams::default()}
                    seed={game.seed} choice={player_move(effect)} sender={sender_name(words, story)} />
            }
            { numbers(words, story, game) }
        </>
    }
}

/// What the player did with the picture in `game`, and the spread's
/// numbers: phones still holding a copy, and how many got it through the
/// player. A plain function, not a component: it holds no state, and a
/// component costs the bundle its own machinery.
pub fn numbers(words: &Catalogue, story: &Story, game: &Game) -> Html {
    let (Some(tally), Some(effect)) = (game.outcome, game.picture_effect(story)) else {
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
