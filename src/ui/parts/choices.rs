//! The choice sheet at the foot of a chat: the choices, or Next.

use yew::prelude::*;

use crate::i18n::Catalogue;
use crate::story::{ChoiceId, Scene};
use crate::ui::{on_press, on_press_with, Voice};

/// The choices of `scene` as big buttons (`onchoose`); a scene without
/// choices gets Next (`onnext`). A plain function, not a component: it
/// holds no state, and a component costs the bundle its own machinery.
pub fn choice_sheet(
    words: &Catalogue,
    voice: &Voice,
    scene: &Scene,
    onchoose: &Callback<ChoiceId>,
    onnext: &Callback<()>,
) -> Html {
    if scene.choices.is_empty() {
        let onclick = on_press(onnext);
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
                            onclick={on_press_with(onchoose, choice.id.clone())}>
                            { voice.say(&scene.choice_key(choice)) }
                        </button>
                    </li>
                }
            </ul>
        </section>
    }
}
