//! An ending: what the player's choice did, hope, and where help is. Every
//! ending shows the help panel.

use yew::prelude::*;

use super::outcome::Numbers;
use super::whatif::{Compare, WhatIf};
use super::{on_press, use_heading_focus, use_voice, use_words, StoryRef};
use crate::game::Game;
use crate::story::SceneId;

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
            <section class="summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{ words.t("ui.ending.summary") }</h2>
                <Numbers story={props.story.clone()} game={props.game.clone()} />
            </section>
            <Compare story={props.story.clone()} game={props.game.clone()} />
            <p class="hope">{ words.t("ui.help.hope") }</p>
            <HelpPanel />
            <WhatIf story={props.story.clone()} game={props.game.clone()} onwhatif={props.onwhatif.clone()} />
            <p class="doors">
                <button type="button" class="primary" {onclick}>{ words.t("ui.start_again") }</button>
                <button type="button" onclick={on_press(&props.onexplore)}>
                    { words.t("ui.explore.open_from_ending") }
                </button>
            </p>
        </section>
    }
}

/// Props of [`HelpPanel`].
#[derive(Properties, PartialEq)]
pub struct HelpPanelProps {
    /// The panel is the whole screen (the projector's last), so its
    /// heading is the page's first.
    #[prop_or_default]
    pub top: bool,
}

/// Where help is: Childline first, then Report Remove and a trusted adult.
#[component]
pub fn HelpPanel(props: &HelpPanelProps) -> Html {
    let words = use_words();
    let number = words.t("ui.help.childline_number");
    let tel = format!("tel:{}", number.replace(' ', ""));
    let heading = words.t("ui.help.heading");
    html! {
        <section class="help" aria-labelledby="help-heading">
            if props.top { <h1 id="help-heading">{ heading }</h1> } else { <h2 id="help-heading">{ heading }</h2> }
            <p>{ words.t("ui.help.intro") }</p>
            <div class="helpline">
                <p>{ words.t("ui.help.childline") }</p>
                <a class="phone-number" href={tel}>{ number }</a>
            </div>
            <p>{ words.t("ui.help.report_remove") }</p>
            <p>{ words.t("ui.help.adult") }</p>
        </section>
    }
}
