//! The channel between the game's windows on one device (Assembly's
//! presenter and audience): a `BroadcastChannel`, with no server and no
//! network. Text goes out and comes in; what it says is the caller's.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};
use yew::prelude::*;

use super::timer::later;

/// This window's end of the channel: none until [`use_open_channel`]
/// opens it, and none in a browser without one.
#[derive(Clone)]
pub struct Channel(Rc<RefCell<Option<BroadcastChannel>>>);

impl Channel {
    /// Says `text` to the other windows, if the channel is open.
    pub fn post(&self, text: &str) {
        if let Some(channel) = self.0.borrow().as_ref() {
            let _ = channel.post_message(&text.into());
        }
    }
}

/// An end of the channel for the calling component, not yet open.
#[hook]
pub fn use_channel() -> Channel {
    Channel(use_mut_ref(|| None::<BroadcastChannel>))
}

/// Opens `channel` for as long as the calling component is on screen:
/// says `hello`, hands `heard` every text another window says, and calls
/// `alone` once `wait_ms` have passed (at once where the browser has no
/// channel).
#[hook]
pub fn use_open_channel<H, A>(
    channel: &Channel,
    name: String,
    hello: String,
    wait_ms: i32,
    heard: H,
    alone: A,
) where
    H: Fn(String) + 'static,
    A: FnOnce() + 'static,
{
    let slot = channel.0.clone();
    use_effect_with((), move |_| {
        let opened = BroadcastChannel::new(&name).ok();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(text) = e.data().as_string() else { return };
            heard(text);
        });
        *slot.borrow_mut() = opened.clone();
        let timer = match &opened {
            Some(c) => {
                c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                let _ = c.post_message(&hello.into());
                later(wait_ms, alone)
            }
            // No channel (an old browser): alone from the start.
            None => {
                alone();
                None
            }
        };
        move || {
            drop(timer);
            if let Some(c) = opened {
                c.set_onmessage(None);
                c.close();
            }
            drop(on_message);
        }
    });
}
