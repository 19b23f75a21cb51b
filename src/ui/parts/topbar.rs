//! The bar above every screen: where the player is, Help, Settings, Quick
//! exit, and Start again. Quick exit (also the Escape key, anywhere: see
//! `effects::window`) leaves the game for a neutral page at once.

use yew::prelude::*;

use crate::i18n::Catalogue;
use crate::ui::effects::window::quick_exit;
use crate::ui::on_press;

/// What the bar shows and does.
pub struct Bar {
    /// Where the player is, such as "Chapter 2 of 4: The picture".
    pub chapter: Option<String>,
    /// The player opened Help.
    pub onhelp: Callback<()>,
    /// The player opened Settings.
    pub onsettings: Callback<()>,
    /// The player pressed Start again; none on the title screen.
    pub onstartagain: Option<Callback<()>>,
}

/// Game name or chapter, then Help, Quick exit and Start again. A plain
/// function, not a component: it holds no state, and a component costs the
/// bundle its own machinery.
pub fn top_bar(words: &Catalogue, bar: Bar) -> Html {
    let exit = {
        let url = words.t("ui.quick_exit.url").to_string();
        Callback::from(move |_: MouseEvent| quick_exit(&url))
    };
    html! {
        <header class="top-bar">
            <span class="top-title">{ words.t("ui.title") }</span>
            if let Some(chapter) = bar.chapter {
                <span class="top-chapter">{ chapter }</span>
            }
            <span class="top-actions">
                <button type="button" class="quiet" onclick={on_press(&bar.onhelp)}>
                    { words.t("ui.help_page.open") }
                </button>
                <button type="button" class="quiet icon" onclick={on_press(&bar.onsettings)}
                    aria-label={words.t("ui.settings.open").to_string()} title={words.t("ui.settings.open").to_string()}>
                    { sliders() }
                </button>
                if let Some(again) = &bar.onstartagain {
                    <button type="button" class="quiet" onclick={on_press(again)}>
                        { words.t("ui.start_again") }
                    </button>
                }
                <button type="button" class="quiet exit" onclick={exit}
                    title={words.t("ui.quick_exit.hint").to_string()}>
                    { words.t("ui.quick_exit.label") }
                </button>
            </span>
        </header>
    }
}

/// The Settings button's picture: three sliders.
fn sliders() -> Html {
    html! {
        <svg viewBox="0 0 24 24" width="22" height="22" focusable="false" aria-hidden="true">
            <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2" />
            <circle cx="8" cy="6" r="2.5" fill="currentColor" />
            <circle cx="16" cy="12" r="2.5" fill="currentColor" />
            <circle cx="10" cy="18" r="2.5" fill="currentColor" />
        </svg>
    }
}
