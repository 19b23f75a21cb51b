//! The game's mark, drawn: on the title screen and the poster.

use yew::prelude::*;

/// The game's mark: a closed shield, the same shape as the photo card.
pub fn shield() -> Html {
    html! {
        <svg viewBox="0 0 24 24" width="48" height="48" focusable="false" aria-hidden="true">
            <path d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5z" fill="currentColor" />
            <path d="M9 11V9a3 3 0 0 1 6 0v2h1v6H8v-6zm2 0h2V9a1 1 0 0 0-2 0z" fill="var(--shield-inner)" />
        </svg>
    }
}
