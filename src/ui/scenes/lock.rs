//! The phone's lock screen: the time, the date, and notifications arriving.

use yew::prelude::*;

use crate::story::{chat_name_key, SceneId};
use crate::ui::parts::phone::phone_frame;
use crate::ui::{on_press, owner_name, use_heading_focus, use_voice, use_words, StoryRef};

/// Props of [`LockScreen`].
#[derive(Properties, PartialEq)]
pub struct LockScreenProps {
    /// The story the scene is in.
    pub story: StoryRef,
    /// The lock scene to show.
    pub scene: SceneId,
    /// The player unlocked the phone.
    pub onnext: Callback<()>,
}

/// A lock screen with its notifications, and a button to unlock.
#[component]
pub fn LockScreen(props: &LockScreenProps) -> Html {
    let words = use_words();
    let voice = use_voice();
    let heading = use_heading_focus();
    let scene = props.story.scene(&props.scene);
    let time = scene.time.clone().map(AttrValue::from);
    let onclick = on_press(&props.onnext);
    let screen = html! {
        <>
            <h1 class="sr-only" ref={heading} tabindex="-1">{ voice.say(&scene.title_key()) }</h1>
            <div class="lock-clock">
                <p class="lock-time">{ time.clone().unwrap_or_default() }</p>
                <p class="lock-date">{ voice.say(&scene.date_key()) }</p>
            </div>
            // Focusable, so that keyboard users can scroll a long list.
            <ul class="notifications" tabindex="0" aria-label={words.t("ui.lock.notifications").to_string()}>
                for note in scene.notifications.iter() {
                    <li key={note.id.clone()} class="notification">
                        <p class="note-head">
                            <span class="app-name">{ words.t("ui.app_name") }</span>
                            if let Some(chat) = &note.chat {
                                <span>{ " · " }{ words.t(&chat_name_key(chat)) }</span>
                            }
                        </p>
                        <p class="note-from">{ words.t(&note.from.name_key()) }</p>
                        <p>{ voice.say(&scene.note_key(note)) }</p>
                    </li>
                }
            </ul>
            <button type="button" class="primary unlock" {onclick}>{ words.t("ui.lock.open") }</button>
        </>
    };
    phone_frame(time, owner_name(&words, scene), Some("lock"), screen)
}
