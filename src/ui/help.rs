//! Help, one step from every screen: what to do if you have been sent a
//! nude, if one of you has been shared, if someone threatens to share one,
//! or if someone asks you for one; where help is; and a line for worried
//! adults.

use yew::prelude::*;

use super::ending::HelpPanel;
use super::guides::body;
use super::{on_press, use_heading_focus, use_words};

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
            <HelpPanel />
            <p class="for-adults">{ words.t("ui.help_page.adults") }</p>
            <button type="button" class="primary" {onclick}>{ words.t("ui.help_page.close") }</button>
        </section>
    }
}
