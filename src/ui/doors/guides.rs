//! The pages around the game: the guides for teachers and parents, privacy
//! and accessibility (one component for all four, its words from the
//! catalogue), and the poster (the knowledge check is `check`). Each prints cleanly:
//! the stylesheet's print rules leave out the game's chrome.
//!
//! Owns only what the pages show and the print button; the shape of the
//! pages is in `crate::guides`.

use yew::prelude::*;

use crate::door::Door;
use crate::guides::sections;
use crate::ui::effects::storage;
use crate::ui::parts::shield::shield;
use crate::ui::parts::text::body;
use crate::ui::{door_link, go_to, on_press, use_heading_focus, use_words, Words};

/// Opens the browser's print dialogue.
fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The buttons at the top of every page: back to the game, and print.
pub(super) fn page_actions(words: &Words) -> Html {
    html! {
        <p class="doors no-print">
            <button type="button" onclick={on_press(&Callback::from(|()| go_to(&Door::Story)))}>{ words.t("guide.back") }</button>
            <button type="button" class="primary" onclick={Callback::from(|_: MouseEvent| print())}>{ words.t("guide.print") }</button>
        </p>
    }
}

/// Props of [`GuidePage`].
#[derive(Properties, PartialEq)]
pub struct GuidePageProps {
    /// The page's name: one of `crate::guides::PAGES`.
    pub page: &'static str,
}

/// A line printed for a school to fill in by hand (its name, a date): the
/// game itself never takes typed words.
fn write_in(words: &Words, key: &str) -> Html {
    html! {
        <p class="write-in"><span>{ words.t(key) }</span><span class="write-in-line" aria-hidden="true"></span></p>
    }
}

/// A guide: its title, introduction, contents and sections; the teachers'
/// guide ends with links to the knowledge check and its paper version
/// (with the answer key), and the letter for parents has lines for the
/// school to fill in by hand.
#[component]
pub fn GuidePage(props: &GuidePageProps) -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    let page = props.page;
    let found = sections(page, |k| words.has(k));
    let id = |s: &str| s.replace('.', "-");
    let letter = page == "letter";
    html! {
        <article class={classes!("screen", "guide", letter.then_some("letter"))}>
            { page_actions(&words) }
            <h1 ref={heading} tabindex="-1">{ words.t(&format!("guide.{page}.title")) }</h1>
            if letter {
                { write_in(&words, "guide.letter.school") }
                { write_in(&words, "guide.letter.date") }
            }
            <p class="body">{ words.t(&format!("guide.{page}.intro")) }</p>
            if !letter {
                <nav class="contents no-print" aria-labelledby="contents-heading">
                    <h2 id="contents-heading">{ words.t("guide.contents") }</h2>
                    <ul>
                        { for found.iter().map(|s| html! {
                            <li><a href={format!("#{page}")} onclick={jump(id(s))}>{ words.t(&format!("{s}.heading")) }</a></li>
                        }) }
                    </ul>
                </nav>
            }
            { for found.iter().map(|s| html! {
                <section id={id(s)} aria-labelledby={format!("{}-h", id(s))}>
                    <h2 id={format!("{}-h", id(s))}>{ words.t(&format!("{s}.heading")) }</h2>
                    { body(words.t(&format!("{s}.body"))) }
                </section>
            }) }
            if letter { { write_in(&words, "guide.letter.from") } }
            if page == "privacy" { <Forget /> }
            if page == "parents" {
                <p class="no-print">
                    <button type="button" class="primary" onclick={on_press(&Callback::from(|()| go_to(&Door::Together)))}>
                        { words.t("guide.play_together") }
                    </button>
                </p>
            }
            if page == "teachers" {
                <ul class="no-print page-links">
                    <li>{ door_link(Door::Quiz, words.t("guide.teachers.check_open")) }</li>
                    <li>{ door_link(Door::Paper, words.t("guide.teachers.paper_open")) }</li>
                    <li>{ door_link(Door::Page("letter"), words.t("guide.letter_open")) }</li>
                </ul>
            }
        </article>
    }
}

/// A link in the contents: scrolls to the section and moves focus there,
/// without changing the address (which names the page).
fn jump(id: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id))
        {
            el.scroll_into_view();
            let _ = el.set_attribute("tabindex", "-1");
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    })
}

/// The poster: the campaign's line, the game's message and where help is,
/// with a line at its foot where a school writes or stamps its name by
/// hand (nothing is typed: no name, a classmate's least of all, can be
/// printed on it), on A4 or A3.
#[component]
pub fn PosterPage() -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    let a3 = use_state(|| false);
    let size = |value: bool, key: &str| {
        let a3 = a3.clone();
        html! {
            <label class="option">
                <input type="radio" name="size" checked={*a3 == value} onchange={Callback::from(move |_: Event| a3.set(value))} />
                { words.t(key) }
            </label>
        }
    };
    html! {
        <article class={classes!("screen", "guide", "poster-page", a3.then_some("a3"))}>
            { page_actions(&words) }
            <h1 ref={heading} tabindex="-1" class="no-print">{ words.t("poster.title") }</h1>
            <p class="body no-print">{ words.t("poster.intro") }</p>
            <div class="poster-settings no-print">
                <fieldset>
                    <legend>{ words.t("poster.size") }</legend>
                    { size(false, "poster.a4") }
                    { size(true, "poster.a3") }
                </fieldset>
            </div>
            <section class="poster" aria-label={words.t("poster.title").to_string()}>
                <div class="poster-mark" aria-hidden="true">{ shield() }</div>
                <p class="poster-line">{ words.t("poster.line") }</p>
                <p class="poster-message">{ words.t("poster.message") }</p>
                <h2>{ words.t("poster.help_heading") }</h2>
                <ul>
                    <li><strong>{ words.t("poster.childline") }</strong></li>
                    <li>{ words.t("poster.report_remove") }</li>
                    <li>{ words.t("poster.adult") }</li>
                </ul>
                { write_in(&words, "poster.school") }
                <p class="poster-credit">{ words.t("poster.credit") }</p>
            </section>
        </article>
    }
}

/// "Forget everything": clears all the game keeps on this device, and
/// says so.
#[component]
fn Forget() -> Html {
    let words = use_words();
    let done = use_state(|| false);
    let onclick = {
        let done = done.clone();
        Callback::from(move |_: MouseEvent| done.set(storage::forget_all()))
    };
    html! {
        <section class="forget no-print" aria-labelledby="forget-heading">
            <h2 id="forget-heading">{ words.t("guide.forget_heading") }</h2>
            <p>{ words.t("guide.forget_body") }</p>
            <button type="button" class="primary" {onclick}>{ words.t("guide.forget") }</button>
            <p role="status">if *done { { words.t("guide.forgotten") } }</p>
        </section>
    }
}
