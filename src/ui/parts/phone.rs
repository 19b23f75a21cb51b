//! The phone the player holds: a frame with a status bar, belonging to no
//! company. On a phone-sized screen the frame is the whole screen; on a
//! laptop or projector it is drawn as a handset in the middle.

use yew::prelude::*;

/// Props of [`PhoneFrame`].
#[derive(Properties, PartialEq)]
pub struct PhoneFrameProps {
    /// The clock in the status bar, "HH:MM".
    #[prop_or_default]
    pub time: Option<AttrValue>,
    /// Whose phone it is, where it is not the player's: shown to everyone.
    #[prop_or_default]
    pub owner: Option<AttrValue>,
    /// A class for the screen, such as "lock".
    #[prop_or_default]
    pub class: Classes,
    /// What the phone's screen shows.
    pub children: Html,
}

/// A made-up phone with a status bar.
#[component]
pub fn PhoneFrame(props: &PhoneFrameProps) -> Html {
    html! {
        <div class={classes!("phone", props.owner.is_some().then_some("someone-else"))}>
            if let Some(owner) = &props.owner {
                <p class="phone-owner">{ owner.clone() }</p>
            }
            <div class={classes!("phone-screen", props.class.clone())}>
                <div class="status-bar" aria-hidden="true">
                    <span>{ props.time.clone().unwrap_or_default() }</span>
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
