//! A card between scenes: a time skip ("Three months later"), the change to
//! someone else's phone, or what happened next (with the spread's numbers
//! below the words).

use yew::prelude::*;

use crate::story::SceneId;
use crate::ui::{on_press, use_heading_focus, use_voice, use_words, StoryRef};

/// Props of [`NarrationScreen`].
#[derive(Properties, PartialEq)]
pub struct NarrationScreenProps {
    /// The story the scene is in.
    pub story: StoryRef,
    /// The narration scene to show.
    pub scene: SceneId,
    /// The player pressed Next.
    pub onnext: Callback<()>,
    /// What follows the words, such as the spread's numbers.
    #[prop_or_default]
    pub children: Html,
    /// Whether the card is wide (for the spread map on a projector).
    #[prop_or_default]
    pub wide: bool,
}

/// A card: a heading, a few lines, anything that follows, and Next.
#[component]
pub fn NarrationScreen(props: &NarrationScreenProps) -> Html {
    let words = use_words();
    let voice = use_voice();
    let heading = use_heading_focus();
    let scene = props.story.scene(&props.scene);
    let onclick = on_press(&props.onnext);
    html! {
        <section class={classes!("screen", "narration", props.wide.then_some("wide"))}>
            <h1 ref={heading} tabindex="-1">{ voice.say(&scene.title_key()) }</h1>
            <p class="body">{ voice.say(&scene.body_key()) }</p>
            { props.children.clone() }
            <button type="button" class="primary" {onclick}>{ words.t("ui.next") }</button>
        </section>
    }
}
