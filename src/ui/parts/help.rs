//! Help, one step from every screen: what to do if you have been sent a
//! nude, if one of you has been shared, if someone threatens to share one,
//! or if someone asks you for one; where help is; and a line for worried
//! adults. Also the panel of where help is on its own, which every ending
//! and Assembly's last screen show.

use yew::prelude::*;

use super::text::body;
use crate::i18n::Catalogue;
use crate::story::HELP_FIRST_KEY;
use crate::ui::{on_press, use_heading_focus, use_words};

/// What to do, by what has happened: (heading, body) keys. A body is
/// paragraphs and lists, as a guide's is.
const TOPICS: [(&str, &str); 4] = [
    ("ui.help_page.sent_you.heading", "ui.help_page.sent_you.body"),
    ("ui.help_page.shared.heading", "ui.help_page.shared.body"),
    ("ui.help_page.threat.heading", "ui.help_page.threat.body"),
    ("ui.help_page.asked.heading", "ui.help_page.asked.body"),
];

/// Props of [`HelpScreen`].
#[derive(Properties, PartialEq)]
pub struct HelpScreenProps {
    /// The player closed Help, back to where they were.
    pub onclose: Callback<()>,
}

/// The help page, over whatever screen the player was on.
#[component]
pub fn HelpScreen(props: &HelpScreenProps) -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    let onclick = on_press(&props.onclose);
    html! {
        <section class="screen help-page" role="dialog" aria-modal="true" aria-labelledby="help-page-heading">
            <h1 id="help-page-heading" ref={heading} tabindex="-1">{ words.t("ui.help_page.heading") }</h1>
            for (heading, text) in TOPICS {
                <section key={heading} class="help-topic">
                    <h2>{ words.t(heading) }</h2>
                    { body(words.t(text)) }
                </section>
            }
            { help_panel(&words, false) }
            <p class="for-adults">{ words.t("ui.help_page.adults") }</p>
            <button type="button" class="primary" {onclick}>{ words.t("ui.help_page.close") }</button>
        </section>
    }
}

/// Where help is: the help that fits the story's harm first, where the
/// story being played has some ([`HELP_FIRST_KEY`] in its words: for blackmail,
/// don't pay and report to CEOP), then Childline, Report Remove and a
/// trusted adult. `top` where the panel is the whole screen (the
/// projector's last), so that its heading is the page's first. A plain
/// function, not a component: it holds no state, and a component costs the
/// bundle its own machinery.
pub fn help_panel(words: &Catalogue, top: bool) -> Html {
    let number = words.t("ui.help.childline_number");
    let tel = format!("tel:{}", number.replace(' ', ""));
    let heading = words.t("ui.help.heading");
    html! {
        <section class="help" aria-labelledby="help-heading">
            if top { <h1 id="help-heading">{ heading }</h1> } else { <h2 id="help-heading">{ heading }</h2> }
            if words.has(HELP_FIRST_KEY) {
                <div class="help-first">{ body(words.t(HELP_FIRST_KEY)) }</div>
            }
            <p>{ words.t("ui.help.intro") }</p>
            <div class="helpline">
                <p>{ words.t("ui.help.childline") }</p>
                <a class="phone-number" href={tel}>{ number }</a>
            </div>
            <p>{ words.t("ui.help.report_remove") }</p>
            <p>{ words.t("ui.help.adult") }</p>
        </section>
    }
}
