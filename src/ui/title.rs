//! The title screen: the game's name, the content note, and Start.

use yew::prelude::*;

use super::settings::{language_switch, use_prefs};
use super::{door_link, on_press, use_heading_focus, use_words};
use crate::door::Door;

/// Props of [`TitleScreen`].
#[derive(Properties, PartialEq)]
pub struct TitleScreenProps {
    /// The player pressed Start.
    pub onstart: Callback<()>,
    /// The player pressed Explore.
    pub onexplore: Callback<()>,
    /// The teacher pressed Assembly.
    pub onassembly: Callback<()>,
}

/// The first thing anyone sees: what the game is, and a content note
/// before play.
#[component]
pub fn TitleScreen(props: &TitleScreenProps) -> Html {
    let words = use_words();
    let prefs = use_prefs();
    let heading = use_heading_focus();
    let onclick = on_press(&props.onstart);
    html! {
        <section class="screen title">
            <p class="title-language">{ language_switch(&words, &prefs) }</p>
            <div class="title-mark" aria-hidden="true">{ shield() }</div>
            <h1 ref={heading} tabindex="-1">{ words.t("ui.title") }</h1>
            <p class="tagline">{ words.t("ui.tagline") }</p>
            <section class="content-note" aria-labelledby="content-note-heading">
                <h2 id="content-note-heading">{ words.t("ui.content_note.heading") }</h2>
                <p>{ words.t("ui.content_note.body") }</p>
                <p>{ words.t("ui.content_note.help") }</p>
            </section>
            <p class="doors">
                <button type="button" class="primary" {onclick}>{ words.t("ui.start") }</button>
                <button type="button" onclick={on_press(&props.onexplore)}>{ words.t("ui.explore.open") }</button>
                <button type="button" onclick={on_press(&props.onassembly)}>{ words.t("ui.assembly.open") }</button>
            </p>
            <nav class="guides" aria-label={words.t("guide.nav").to_string()}>
                { door_link(Door::Page("teachers"), words.t("guide.teachers_open")) }
                { door_link(Door::Page("parents"), words.t("guide.parents_open")) }
                { door_link(Door::Poster, words.t("poster.title")) }
                { door_link(Door::Page("privacy"), words.t("guide.privacy_open")) }
                { door_link(Door::Page("accessibility"), words.t("guide.accessibility_open")) }
            </nav>
        </section>
    }
}

/// The game's mark: a closed shield, the same shape as the photo card.
pub fn shield() -> Html {
    html! {
        <svg viewBox="0 0 24 24" width="48" height="48" focusable="false" aria-hidden="true">
            <path d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5z" fill="currentColor" />
            <path d="M9 11V9a3 3 0 0 1 6 0v2h1v6H8v-6zm2 0h2V9a1 1 0 0 0-2 0z" fill="var(--shield-inner)" />
        </svg>
    }
}
