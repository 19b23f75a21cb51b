//! The phone the player holds: a frame with a status bar, belonging to no
//! company. On a phone-sized screen the frame is the whole screen; on a
//! laptop or projector it is drawn as a handset in the middle.

use yew::prelude::*;

use super::use_words;

/// Props of [`PhoneFrame`].
#[derive(Properties, PartialEq)]
pub struct PhoneFrameProps {
    /// What the phone's screen shows.
    pub children: Html,
}

/// A made-up phone with a status bar.
#[component]
pub fn PhoneFrame(props: &PhoneFrameProps) -> Html {
    let words = use_words();
    html! {
        <div class="phone">
            <div class="phone-screen">
                <div class="status-bar" aria-hidden="true">
                    <span>{ words.t("ui.phone_time") }</span>
                    <span class="status-icons">
                        <span class="signal"></span>
                        <span class="battery"></span>
                    </span>
                </div>
                { props.children.clone() }
            </div>
        </div>
    }
}
