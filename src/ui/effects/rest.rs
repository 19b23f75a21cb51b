//! Loading the rest of the game. The first load is the first part alone
//! (the title, `src/main.rs`); the whole game
//! (`src/whole.rs`) is a file of its own, which the page's start-up module
//! loads when asked (`window.onceSentRest()`, written in by
//! `scripts/precache.mjs`, which names its files) and which then takes
//! the page over from the first part ([`crate::ui::take_over`]).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::timer::later;

/// The page's way to load the rest of the game.
const LOADER: &str = "onceSentRest";

/// How long the rest of the game may take before the player is told it
/// has not come (it may still come, and then takes over): about 200 KB,
/// which a slow phone network brings in a few seconds.
pub const REST_TIMEOUT_MS: i32 = 30_000;

/// Asks the page for the rest of the game; `failed` hears why, in plain
/// words, if it cannot be had (offline on a first visit, a new version put
/// on the site since the page was opened, a network that does not answer
/// within [`REST_TIMEOUT_MS`]). On success nothing is heard: the rest of
/// the game has taken over, and this part has stopped.
pub fn load(failed: impl FnOnce(String) + 'static) {
    type Once = Rc<RefCell<Option<Box<dyn FnOnce(String)>>>>;
    let failed: Once = Rc::new(RefCell::new(Some(Box::new(failed))));
    let give = |failed: &Once, why: String| {
        if let Some(f) = failed.borrow_mut().take() {
            f(why);
        }
    };
    let loader = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str(LOADER)).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(loader) = loader else {
        return give(&failed, format!("this page has no way to load the rest of the game (window.{LOADER})"));
    };
    let promise = match loader.call0(&JsValue::NULL).map(|p| p.dyn_into::<js_sys::Promise>()) {
        Ok(Ok(promise)) => promise,
        Ok(Err(other)) => return give(&failed, format!("window.{LOADER}() gave {other:?}, not a promise")),
        Err(e) => return give(&failed, reason(&e)),
    };
    let on_fail = {
        let failed = failed.clone();
        Closure::once(move |e: JsValue| give(&failed, reason(&e)))
    };
    let on_done = {
        let failed = failed.clone();
        Closure::once(move |_: JsValue| drop(failed.borrow_mut().take()))
    };
    let _ = promise.then2(&on_done, &on_fail);
    // Each runs at most once, whenever the promise settles.
    on_done.forget();
    on_fail.forget();
    let give_up = later(REST_TIMEOUT_MS, move || {
        give(&failed, format!("the rest of the game did not come within {} seconds", REST_TIMEOUT_MS / 1000))
    });
    std::mem::forget(give_up);
}

/// An error from the page, as words.
fn reason(e: &JsValue) -> String {
    let message = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()));
    format!("the rest of the game could not be loaded: {}", message.unwrap_or_else(|| format!("{e:?}")))
}
