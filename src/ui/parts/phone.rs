//! The phone the player holds: a frame with a status bar, belonging to no
//! company. On a phone-sized screen the frame is the whole screen; on a
//! laptop or projector it is drawn as a handset in the middle.

use yew::prelude::*;

/// A made-up phone with a status bar: the clock (`time`, "HH:MM"), whose
/// phone it is where it is not the player's (`owner`, shown to everyone),
/// a class for the screen such as "lock", and what the screen shows.
/// A plain function, not a component: it holds no state, and a component
/// costs the bundle its own machinery.
pub fn phone_frame(
    time: Option<AttrValue>,
    owner: Option<AttrValue>,
    class: Option<&'static str>,
    children: Html,
) -> Html {
    html! {
        <div class={classes!("phone", owner.is_some().then_some("someone-else"))}>
            if let Some(owner) = owner {
                <p class="phone-owner">{ owner }</p>
            }
            <div class={classes!("phone-screen", class)}>
                <div class="status-bar" aria-hidden="true">
                    <span>{ time.unwrap_or_default() }</span>
                    <span class="status-icons">
                        <span class="signal"></span>
                        <span class="battery"></span>
                    </span>
                </div>
                { children }
            </div>
        </div>
    }
}
