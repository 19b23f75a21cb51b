//! Choosing who to be: a few fictional characters, picked, never typed.

use yew::prelude::*;

use crate::story::PersonId;
use crate::ui::{on_press_with, use_heading_focus, use_words};

/// Props of [`PickScreen`].
#[derive(Properties, PartialEq)]
pub struct PickScreenProps {
    /// The characters the player can be.
    pub players: Vec<PersonId>,
    /// The player picked one.
    pub onpick: Callback<PersonId>,
}

/// "Who are you?": one big button per character.
#[component]
pub fn PickScreen(props: &PickScreenProps) -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    html! {
        <section class="screen pick">
            <h1 ref={heading} tabindex="-1">{ words.t("ui.pick.heading") }</h1>
            <p>{ words.t("ui.pick.intro") }</p>
            <ul class="cards">
                for who in props.players.iter() {
                    <li key={who.to_string()}>
                        <button type="button" class="card"
                            onclick={on_press_with(&props.onpick, who.clone())}>
                            <span class={classes!("avatar", format!("face-{}", who))} aria-hidden="true"></span>
                            <span class="card-name">{ words.t(&who.name_key()) }</span>
                            <span class="card-about">{ words.t(&who.about_key()) }</span>
                        </button>
                    </li>
                }
            </ul>
        </section>
    }
}
