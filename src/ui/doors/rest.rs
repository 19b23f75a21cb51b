//! What the first part of the game shows while the rest of the game loads
//! (for the story, Explore, Assembly, the guides, the knowledge check, the
//! poster): a word that it is coming, and why, with Try again, if it cannot
//! be had. Once loaded, the rest of the game takes the page over and this
//! goes with the first part.

use yew::prelude::*;

use crate::i18n::Catalogue;
use crate::ui::doors::pack::pack_screen;
use crate::ui::effects::rest;
use crate::ui::{on_press, use_words};

/// Props of [`Rest`].
#[derive(Properties, PartialEq)]
pub struct RestProps {
    /// Over the screen still showing (the title, Start pressed): a notice
    /// under the bar. Else a screen of its own.
    #[prop_or_default]
    pub over: bool,
}

/// The rest of the game, on its way: asked for once as this appears, and
/// again at each Try again.
#[component]
pub fn Rest(props: &RestProps) -> Html {
    let words = use_words();
    let problem = use_state(|| None::<String>);
    let attempt = use_state(|| 0u32);
    {
        let problem = problem.clone();
        use_effect_with(*attempt, move |_| {
            problem.set(None);
            rest::load(move |why| {
                web_sys::console::warn_1(&why.clone().into());
                problem.set(Some(why));
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    if props.over {
        coming(&words, (*problem).clone(), &retry)
    } else {
        pack_screen(&words, (*problem).clone(), &retry)
    }
}

/// Over the title, Start pressed: a word under the bar that the story is
/// coming, or why it cannot (`problem`), with Try again (`onretry`).
pub fn coming(words: &Catalogue, problem: Option<String>, onretry: &Callback<()>) -> Html {
    match problem {
        None => html! { <div class="notice" role="status"><p>{ words.t("ui.pack.loading") }</p></div> },
        Some(why) => html! {
            <div class="notice" role="status">
                <div>
                    <p>{ words.t("ui.pack.failed") }</p>
                    <p class="pack-problem">{ why }</p>
                </div>
                <button type="button" onclick={on_press(onretry)}>{ words.t("ui.pack.retry") }</button>
            </div>
        },
    }
}
