//! One-off timers for the shell: a callback after a delay, cancelled when
//! its handle is dropped (so a component's effect cleans up after itself).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A timer that calls its callback once, cancelled when dropped.
pub struct Timer {
    id: i32,
    _f: Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}

/// Calls `f` once after `ms` milliseconds, in a task of its own; `None`
/// if the page has no window.
pub fn later(ms: i32, f: impl FnOnce() + 'static) -> Option<Timer> {
    later_boxed(ms, Box::new(f))
}

/// [`later`] for any callback: one copy in the bundle, not one per caller.
fn later_boxed(ms: i32, f: Box<dyn FnOnce()>) -> Option<Timer> {
    let mut f = Some(f);
    let f = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            f();
        }
    });
    let id = web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(f.as_ref().unchecked_ref(), ms)
        .ok()?;
    Some(Timer { id, _f: f })
}
