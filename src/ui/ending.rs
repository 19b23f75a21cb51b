//! An ending: hope, and where help is. Every ending shows this.

use yew::prelude::*;

use super::{use_heading_focus, use_words};

/// Props of [`EndingScreen`].
#[derive(Properties, PartialEq)]
pub struct EndingScreenProps {
    /// The i18n key of the ending's heading.
    pub title: AttrValue,
    /// The player pressed Start again.
    pub onstartagain: Callback<()>,
}

/// The end of a play-through: it was never her fault, things can get
/// better, and here is where help is.
#[component]
pub fn EndingScreen(props: &EndingScreenProps) -> Html {
    let words = use_words();
    let heading = use_heading_focus();
    let onclick = props.onstartagain.reform(|_: MouseEvent| ());
    html! {
        <section class="screen ending">
            <h1 ref={heading} tabindex="-1">{ words.t(&props.title) }</h1>
            <p class="hope">{ words.t("ui.help.hope") }</p>
            <HelpPanel />
            <button type="button" class="primary" {onclick}>{ words.t("ui.start_again") }</button>
        </section>
    }
}

/// Where help is: Childline first, then Report Remove and a trusted adult.
#[component]
pub fn HelpPanel() -> Html {
    let words = use_words();
    let number = words.t("ui.help.childline_number");
    let tel = format!("tel:{}", number.replace(' ', ""));
    html! {
        <section class="help" aria-labelledby="help-heading">
            <h2 id="help-heading">{ words.t("ui.help.heading") }</h2>
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
