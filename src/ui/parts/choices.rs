//! The choice sheet at the foot of a chat: the choices, or Next.

use yew::prelude::*;

use crate::story::{ChoiceId, SceneId};
use crate::ui::{on_press, on_press_with, use_voice, use_words, StoryRef};

/// Props of [`ChoiceSheet`].
#[derive(Properties, PartialEq)]
pub struct ChoiceSheetProps {
    /// The story the scene is in.
    pub story: StoryRef,
    /// The scene whose choices these are.
    pub scene: SceneId,
    /// The player picked a choice.
    pub onchoose: Callback<ChoiceId>,
    /// The player pressed Next (a scene without choices).
    pub onnext: Callback<()>,
}

/// The player's choices as big buttons; a scene without choices gets Next.
#[component]
pub fn ChoiceSheet(props: &ChoiceSheetProps) -> Html {
    let words = use_words();
    let voice = use_voice();
    let scene = props.story.scene(&props.scene);
    if scene.choices.is_empty() {
        let onclick = on_press(&props.onnext);
        return html! {
            <div class="choice-sheet next-only">
                <button type="button" class="primary" {onclick}>{ words.t("ui.next") }</button>
            </div>
        };
    }
    html! {
        <section class={classes!("choice-sheet", (scene.choices.len() > 4).then_some("many"))}
            aria-labelledby="choice-prompt">
            <h2 id="choice-prompt">{ words.t("ui.chat.choose") }</h2>
            <ul>
                for choice in scene.choices.iter() {
                    <li key={choice.id.to_string()}>
                        <button type="button" class="choice"
                            onclick={on_press_with(&props.onchoose, choice.id.clone())}>
                            { voice.say(&scene.choice_key(choice)) }
                        </button>
                    </li>
                }
            </ul>
        </section>
    }
}
