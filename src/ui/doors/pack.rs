//! What shows in place of a door while its words are on their way or
//! cannot be had ([`PackScreen`]), and when the story cannot be read
//! ([`ErrorScreen`]).

use yew::prelude::*;

use crate::door::Door;
use crate::ui::{go_to, on_press, use_words};

/// Props of [`PackScreen`].
#[derive(Properties, PartialEq)]
pub struct PackScreenProps {
    /// Why the words could not be had; none while they are coming.
    pub problem: Option<String>,
    /// The player pressed Try again.
    pub onretry: Callback<()>,
}

/// While the words a screen needs are on their way: a line saying so, and
/// if they cannot be had, why in plain words, with Try again and the way
/// back to the start. The bar (Help, Quick exit) is above it all along.
#[component]
pub fn PackScreen(props: &PackScreenProps) -> Html {
    let words = use_words();
    let Some(problem) = &props.problem else {
        return html! {
            <section class="screen pack" aria-busy="true">
                <p class="pack-loading" role="status">{ words.t("ui.pack.loading") }</p>
            </section>
        };
    };
    let home = Callback::from(|()| go_to(&Door::Story));
    html! {
        <section class="screen pack" role="alert">
            <h1>{ words.t("ui.error.heading") }</h1>
            <p>{ words.t("ui.pack.failed") }</p>
            <p class="pack-problem">{ problem.clone() }</p>
            <p class="doors">
                <button type="button" class="primary" onclick={on_press(&props.onretry)}>{ words.t("ui.pack.retry") }</button>
                <button type="button" onclick={on_press(&home)}>{ words.t("ui.pack.back") }</button>
            </p>
        </section>
    }
}

/// Props of [`ErrorScreen`].
#[derive(Properties, PartialEq)]
pub struct ErrorScreenProps {
    /// What is wrong, in plain words.
    pub problem: String,
}

/// Shown when the story file is broken: what is wrong, and what to do.
#[component]
pub fn ErrorScreen(props: &ErrorScreenProps) -> Html {
    let words = use_words();
    html! {
        <section class="screen error" role="alert">
            <h1>{ words.t("ui.error.heading") }</h1>
            <p>{ words.t_with("ui.error.content", &[("problem", &props.problem)]) }</p>
        </section>
    }
}
