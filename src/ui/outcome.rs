//! What the player's choice did: numbers from the simulation, in words.

use std::rc::Rc;

use yew::prelude::*;

use super::{use_heading_focus, use_words};
use crate::game::{At, Game};
use crate::story::{Effect, Story};

/// Props of [`OutcomeScreen`].
#[derive(Properties, PartialEq)]
pub struct OutcomeScreenProps {
    /// The story being played.
    pub story: Rc<Story>,
    /// The game, whose outcome is shown.
    pub game: Game,
    /// The player pressed Next.
    pub onnext: Callback<()>,
}

/// How far the picture went, and how much of that came from the player.
#[component]
pub fn OutcomeScreen(props: &OutcomeScreenProps) -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    let scene_title = match &props.game.at {
        At::Scene(id) => props.story.scene(id).title_key(),
        At::Title => String::new(),
    };
    let tally = props.game.outcome.unwrap_or_default();
    let effect = props
        .game
        .made
        .last()
        .and_then(|m| props.story.scene(&m.scene).choice(m.choice.as_str()).map(|c| c.effect));
    let effect_key = match effect {
        Some(Effect::Forward) => "ui.outcome.forward",
        Some(Effect::Delete) => "ui.outcome.delete",
        Some(Effect::TellSomeone) | None => "ui.outcome.tell_someone",
    };
    let from_you = if tally.from_player > 0 {
        words.t_n("ui.outcome.from_you", tally.from_player.into(), &[])
    } else {
        words.t("ui.outcome.none_from_you").to_string()
    };
    let onclick = props.onnext.reform(|_: MouseEvent| ());
    html! {
        <section class="screen outcome">
            <h1 ref={heading} tabindex="-1">{ words.t(&scene_title) }</h1>
            <p class="effect">{ words.t(effect_key) }</p>
            <p class="big-number">
                { with_number(words.plural_form("ui.outcome.holding", tally.holding.into()), tally.holding) }
            </p>
            <p class="from-you">{ from_you }</p>
            <p class="model-note">{ words.t_n("ui.outcome.model_note", tally.people.into(), &[]) }</p>
            <button type="button" class="primary" {onclick}>{ words.t("ui.next") }</button>
        </section>
    }
}

/// A sentence with its `{n}` set large, wherever the language puts it.
fn with_number(template: &str, n: u32) -> Html {
    let (before, after) = template.split_once("{n}").unwrap_or((template, ""));
    html! { <>{ before }<strong>{ n }</strong>{ after }</> }
}
