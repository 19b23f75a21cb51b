//! What shows in place of a door while its words are on their way or
//! cannot be had ([`pack_screen`]), and when the story cannot be read
//! ([`error_screen`]).

use yew::prelude::*;

use crate::door::Door;
use crate::i18n::Catalogue;
use crate::ui::{go_to, on_press};

/// While the words a screen needs are on their way: a line saying so, and
/// if they cannot be had (`problem`), why in plain words, with Try again
/// and the way back to the start. The bar (Help, Quick exit) is above it
/// all along. Plain functions, not components, here and in
/// [`error_screen`]: they hold no state, and a component costs the bundle
/// its own machinery.
pub fn pack_screen(words: &Catalogue, problem: Option<String>, onretry: &Callback<()>) -> Html {
    let Some(problem) = problem else {
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
            <p class="pack-problem">{ problem }</p>
            <p class="doors">
                <button type="button" class="primary" onclick={on_press(onretry)}>{ words.t("ui.pack.retry") }</button>
                <button type="button" onclick={on_press(&home)}>{ words.t("ui.pack.back") }</button>
            </p>
        </section>
    }
}

/// Shown when the story file is broken: what is wrong (`problem`, in plain
/// words), and what to do.
pub fn error_screen(words: &Catalogue, problem: &str) -> Html {
    html! {
        <section class="screen error" role="alert">
            <h1>{ words.t("ui.error.heading") }</h1>
            <p>{ words.t_with("ui.error.content", &[("problem", problem)]) }</p>
        </section>
    }
}
