//! The phone's list of chats: the newest first, with previews, times and
//! unread counts. The top chat opens; the story goes on there.

use yew::prelude::*;

use crate::story::{chat_name_key, ChatRow, SceneId};
use crate::ui::parts::phone::phone_frame;
use crate::ui::{on_press, owner_name, use_heading_focus, use_voice, use_words, StoryRef};

/// Props of [`ChatListScreen`].
#[derive(Properties, PartialEq)]
pub struct ChatListScreenProps {
    /// The story the scene is in.
    pub story: StoryRef,
    /// The chat-list scene to show.
    pub scene: SceneId,
    /// The player opened the top chat.
    pub onnext: Callback<()>,
}

/// A list of chats; the first one is a button that opens it.
#[component]
pub fn ChatListScreen(props: &ChatListScreenProps) -> Html {
    let words = use_words();
    let voice = use_voice();
    let heading = use_heading_focus();
    let scene = props.story.scene(&props.scene);
    let row = |r: &ChatRow| {
        let from = words.t(&r.from.name_key()).to_string();
        let preview = voice.say(&scene.preview_key(r));
        let unread = (r.unread > 0).then(|| words.t_n("ui.chats.unread", r.unread.into(), &[]));
        let name = words.t(&chat_name_key(&r.chat)).to_string();
        let initial = name.chars().next().map(String::from).unwrap_or_default();
        html! {
            <>
                <span class="avatar" aria-hidden="true">{ initial }</span>
                <span class="row-text">
                    <span class="row-name">{ name }</span>
                    <span class="row-preview">{ format!("{from}: {preview}") }</span>
                </span>
                <span class="row-meta">
                    <span>{ r.time.clone() }</span>
                    if let Some(unread) = unread {
                        <span class="unread">
                            <span aria-hidden="true">{ r.unread }</span>
                            <span class="sr-only">{ unread }</span>
                        </span>
                    }
                </span>
            </>
        }
    };
    let onclick = on_press(&props.onnext);
    let screen = html! {
        <>
            <h1 class="sr-only" ref={heading} tabindex="-1">{ voice.say(&scene.title_key()) }</h1>
            <header class="app-bar">
                <span class="app-name">{ words.t("ui.app_name") }</span>
                <p class="chat-name">{ words.t("ui.chats.heading") }</p>
            </header>
            <ul class="chat-list">
                for (i, r) in scene.chats.iter().enumerate() {
                    <li key={r.chat.clone()}>
                        if i == 0 {
                            <button type="button" class="chat-row open-chat" onclick={onclick.clone()}>{ row(r) }</button>
                        } else {
                            <div class="chat-row">{ row(r) }</div>
                        }
                    </li>
                }
            </ul>
        </>
    };
    phone_frame(scene.time.clone().map(AttrValue::from), owner_name(&words, scene), None, screen)
}
