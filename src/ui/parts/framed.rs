//! The frame of every door's screen: the bar above it (where it is, Help,
//! Settings, Quick exit, Start again), Help or Settings over the screen
//! when opened from the bar, and Escape's Quick exit all along.

use yew::prelude::*;

use super::help::HelpScreen;
use super::settings::SettingsScreen;
use super::topbar::{top_bar, Bar};
use crate::ui::effects::window::use_escape_to_exit;
use crate::ui::use_words;

/// Props of [`Framed`].
#[derive(Properties, PartialEq)]
pub struct FramedProps {
    /// The screen.
    pub children: Html,
    /// With the bar (Help, Quick exit); without it, only Escape's quick
    /// exit (the projector's view).
    #[prop_or(true)]
    pub bar: bool,
    /// Which chapter of the story this is, for the bar.
    #[prop_or_default]
    pub chapter: Option<String>,
    /// Start again, where there is a game to start again.
    #[prop_or_default]
    pub onstartagain: Option<Callback<()>>,
}

/// A screen of any door of the game (the story, Explore, Assembly, the
/// guides) with the bar above it: where it is, Help (a view over the
/// screen, not a place in the game) and Quick exit (also Escape).
#[component]
pub fn Framed(props: &FramedProps) -> Html {
    let words = use_words();
    let over = use_state(|| Over::Nothing);
    use_escape_to_exit();
    // Opening or closing Help or Settings starts at the top, with the bar
    // (Help, Quick exit) on screen: Settings is long, and a page left
    // scrolled to where its Done button was hides the bar.
    use_effect_with(*over, |_| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let toggle = |which: Over| {
        let over = over.clone();
        Callback::from(move |()| over.set(if *over == which { Over::Nothing } else { which }))
    };
    if !props.bar {
        return props.children.clone();
    }
    html! {
        <>
            { top_bar(&words, Bar {
                chapter: props.chapter.clone(),
                onhelp: toggle(Over::Help),
                onsettings: toggle(Over::Settings),
                onstartagain: props.onstartagain.clone(),
            }) }
            {
                match *over {
                    Over::Help => html! { <HelpScreen onclose={toggle(Over::Help)} /> },
                    Over::Settings => html! { <SettingsScreen onclose={toggle(Over::Settings)} /> },
                    Over::Nothing => props.children.clone(),
                }
            }
        </>
    }
}

/// What is open over the screen, from the bar.
#[derive(Clone, Copy, PartialEq)]
enum Over {
    Nothing,
    Help,
    Settings,
}
