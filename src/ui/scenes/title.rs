//! The title screen: the game's name, the content note, and Start; with
//! more than one story in the catalogue, each story to choose from.

use yew::prelude::*;

use crate::check::When;
use crate::content::{StoryInfo, STORIES};
use crate::door::Door;
use crate::i18n::Catalogue;
use crate::ui::effects::storage;
use crate::ui::parts::settings::{language_switch, use_prefs};
use crate::ui::parts::shield::shield;
use crate::ui::{door_link, go_to, on_press, use_heading_focus, use_words};

/// Props of [`TitleScreen`].
#[derive(Properties, PartialEq)]
pub struct TitleScreenProps {
    /// The player pressed Start.
    pub onstart: Callback<()>,
    /// The story this is (with more than one, the one Start plays).
    pub story: &'static StoryInfo,
    /// The player chose another story from the catalogue.
    #[prop_or_default]
    pub onchoose: Callback<&'static StoryInfo>,
}

/// The first thing anyone sees: what the game is, and a content note
/// before play.
#[component]
pub fn TitleScreen(props: &TitleScreenProps) -> Html {
    let words = use_words();
    let prefs = use_prefs();
    let heading = use_heading_focus();
    let onclick = on_press(&props.onstart);
    // Explore and Assembly open by their addresses.
    let go = |door: Door| on_press(&Callback::from(move |()| go_to(&door)));
    // Start plays the story chosen last (the catalogue's first, at first);
    // with more than one, each also has its own button below.
    let start = html! { <button type="button" class="primary" {onclick}>{ words.t("ui.start") }</button> };
    let chooser = (STORIES.len() > 1).then(|| {
        let choose = |info: &'static StoryInfo| {
            let (onstart, onchoose, current) = (props.onstart.clone(), props.onchoose.clone(), props.story);
            on_press(&Callback::from(move |()| {
                if info == current {
                    onstart.emit(());
                } else {
                    onchoose.emit(info);
                }
            }))
        };
        html! {
            <section class="stories" aria-labelledby="stories-heading">
                <h2 id="stories-heading">{ words.t("ui.stories.heading") }</h2>
                <ul>{ for STORIES.iter().map(|info| story_card(&words, info, info == props.story, choose(info))) }</ul>
            </section>
        }
    });
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
                { start }
                <button type="button" onclick={go(Door::Explore(String::new()))}>{ words.t("ui.explore.open") }</button>
                <button type="button" onclick={go(Door::Assembly { audience: false })}>{ words.t("ui.assembly.open") }</button>
            </p>
            { check_offer(&words, props.story) }
            // Start first, for a pupil coming back to the story they chose;
            // then every story, for a teacher choosing one.
            { for chooser }
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

/// The knowledge check, offered for the story chosen: before it is begun,
/// and a week after the go after playing.
fn check_offer(words: &Catalogue, story: &StoryInfo) -> Html {
    let record = storage::check_record().unwrap_or_default();
    let begun = storage::game_kept(story.id);
    match record.offer(story.id, storage::today(), begun) {
        Some(when) => {
            let key = if when == When::Later { "ui.check.later" } else { "ui.check.before" };
            html! { <p class="check-offer">{ door_link(Door::Quiz, words.t(key)) }</p> }
        }
        None => html! {},
    }
}

/// One story of the catalogue: what a teacher needs to choose it, whether
/// it is the one Start plays (`current`), and its button.
fn story_card(
    words: &Catalogue,
    info: &'static StoryInfo,
    current: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    let title = words.t(&info.title_key()).to_string();

    let year = words.t_with("ui.stories.year", &[("year", &info.year.to_string())]);
    html! {
        <li class={classes!("story-card", current.then_some("current"))}>
            <h3>{ title.clone() }</h3>
            if current {
                <p class="story-current">{ words.t("ui.stories.current") }</p>
            }
            <p>{ words.t(&info.summary_key()) }</p>
            <p class="story-facts">{ year }{ " · " }{ words.t_n("ui.stories.minutes", info.minutes.into(), &[]) }</p>
            <p class="story-topics"><span class="sr-only">{ words.t("ui.stories.topics") }{ ": " }</span>
                for (i, topic) in info.topics.iter().enumerate() {
                    { if i > 0 { " · " } else { "" } }{ words.t(&format!("topic.{topic}")) }
                }
            </p>
            <button type="button" class="primary" {onclick}>{ words.t_with("ui.stories.play", &[("story", &title)]) }</button>
        </li>
    }
}
