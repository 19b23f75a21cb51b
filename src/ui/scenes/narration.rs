//! A card between scenes: a time skip ("Three months later"), the change to
//! someone else's phone, or what happened next (with the spread's numbers
//! below the words).

use yew::prelude::*;

use super::outcome::outcome;
use crate::game::Game;
use crate::story::SceneId;
use crate::ui::{on_press, use_heading_focus, use_voice, use_words, use_worlds, StoryRef};

/// Props of [`NarrationScreen`].
#[derive(Properties, PartialEq)]
pub struct NarrationScreenProps {
    /// The story the scene is in.
    pub story: StoryRef,
    /// The narration scene to show.
    pub scene: SceneId,
    /// The player pressed Next.
    pub onnext: Callback<()>,
    /// For an outcome scene, the game whose outcome follows the words (the
    /// spread map and its numbers), on a wide card for the projector.
    #[prop_or_default]
    pub outcome: Option<Game>,
}

/// A card: a heading, a few lines, an outcome if there is one, and Next.
#[component]
pub fn NarrationScreen(props: &NarrationScreenProps) -> Html {
    let words = use_words();
    let worlds = use_worlds();
    let voice = use_voice();
    let heading = use_heading_focus();
    let scene = props.story.scene(&props.scene);
    let onclick = on_press(&props.onnext);
    html! {
        <section class={classes!("screen", "narration", props.outcome.is_some().then_some("wide"))}>
            <h1 ref={heading} tabindex="-1">{ voice.say(&scene.title_key()) }</h1>
            <p class="body">{ voice.say(&scene.body_key()) }</p>
            if let Some(game) = &props.outcome {
                { outcome(&words, &worlds, &props.story, game) }
            }
            <button type="button" class="primary" {onclick}>{ words.t("ui.next") }</button>
        </section>
    }
}
