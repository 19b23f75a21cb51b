//! What the first part of the game shows at a door it does not have
//! (Explore, Assembly, the guides, the knowledge check, the poster): the
//! word that the door is coming while the rest of the game loads, and why,
//! with Try again, if it cannot be had. Once loaded, the rest of the game
//! takes the page over and this screen goes with the first part.

use yew::prelude::*;

use crate::ui::doors::pack::pack_screen;
use crate::ui::effects::rest;
use crate::ui::use_words;

/// The rest of the game, on its way: asked for once as the screen appears,
/// and again at each Try again.
#[component]
pub fn Rest() -> Html {
    let words = use_words();
    let problem = use_state(|| None::<String>);
    let attempt = use_state(|| 0u32);
    {
        let problem = problem.clone();
        use_effect_with(*attempt, move |_| {
            problem.set(None);
            rest::load(move |why| {
                web_sys::console::warn_1(&why.clone().into());
                problem.set(Some(why));
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    pack_screen(&words, (*problem).clone(), &retry)
}
