//! A chat on the phone: the app bar, the thread of messages (with times,
//! Forwarded labels, read receipts and the photo card), who is typing, and
//! the choice sheet.

use yew::prelude::*;

use crate::i18n::Catalogue;
use crate::story::{chat_name_key, ChoiceId, Forwarded, Message, SceneId, Sender};
use crate::ui::parts::choices::choice_sheet;
use crate::ui::parts::phone::phone_frame;
use crate::ui::parts::shield::shield;
use crate::ui::{owner_name, use_heading_focus, use_voice, use_words, StoryRef};

/// Props of [`ChatScreen`].
#[derive(Properties, PartialEq)]
pub struct ChatScreenProps {
    /// The story the scene is in.
    pub story: StoryRef,
    /// The chat scene to show.
    pub scene: SceneId,
    /// The player picked a choice.
    pub onchoose: Callback<ChoiceId>,
    /// The player pressed Next (scenes without choices).
    pub onnext: Callback<()>,
}

/// A chat scene: messages, then the player's choices or Next.
#[component]
pub fn ChatScreen(props: &ChatScreenProps) -> Html {
    let words = use_words();
    let voice = use_voice();
    let heading = use_heading_focus();
    let thread = use_node_ref();
    {
        // Like any chat app, open at the newest message.
        let thread = thread.clone();
        use_effect_with((), move |_| {
            if let Some(el) = thread.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let scene = props.story.scene(&props.scene);
    let chat = scene.chat.as_deref().unwrap_or_default();
    let people: Vec<_> = props.story.people().iter().map(|p| p.id.clone()).collect();
    // Whose phone this is: their own messages are on the right.
    let mine = |m: &Message| match (&m.from, &scene.pov) {
        (Sender::Player, None) => true,
        (Sender::Person(p), Some(owner)) => p == owner,
        _ => false,
    };
    let name = |m: &Message| match &m.from {
        Sender::Player => voice.say("ui.chat.you"),
        Sender::Person(p) => words.t(&p.name_key()).to_string(),
    };
    let hue = |m: &Message| match &m.from {
        Sender::Person(p) => people.iter().position(|q| q == p).unwrap_or(0),
        Sender::Player => 0,
    };
    let screen = html! {
        <>
            <h1 class="sr-only" ref={heading} tabindex="-1">{ voice.say(&scene.title_key()) }</h1>
            <header class="app-bar">
                <span class="app-name">{ words.t("ui.app_name") }</span>
                <p class="chat-name">{ words.t(&chat_name_key(chat)) }</p>
            </header>
            // Focusable, so that keyboard users can scroll a long chat.
            <ol class="thread" ref={thread} tabindex="0" aria-label={words.t("ui.chat.messages").to_string()}>
                for message in scene.messages.iter() {
                    { bubble(&words, Bubble {
                        key: message.id.clone(),
                        text: (!message.photo).then(|| voice.say(&scene.message_key(message))),
                        sender: name(message), mine: mine(message), hue: hue(message),
                        photo: message.photo, forwarded: message.forwarded,
                        time: message.time.clone(), read: message.read,
                    }) }
                }
                if let Some(who) = &scene.typing {
                    <li class="typing" aria-live="polite">
                        <span class="dots" aria-hidden="true"><span></span><span></span><span></span></span>
                        { words.t_with("ui.chat.typing", &[("name", words.t(&who.name_key()))]) }
                    </li>
                }
            </ol>
            { choice_sheet(&words, &voice, scene, &props.onchoose, &props.onnext) }
        </>
    };
    phone_frame(scene.time.clone().map(AttrValue::from), owner_name(&words, scene), None, screen)
}

/// One message in the chat, as [`bubble`] draws it.
pub struct Bubble {
    /// The message's id, the key of its place in the thread.
    pub key: String,
    /// Who sent it.
    pub sender: String,
    /// Sent from this phone: shown on the right.
    pub mine: bool,
    /// The words; none for a photo.
    pub text: Option<String>,
    /// The message is the photo card.
    pub photo: bool,
    /// A Forwarded label.
    pub forwarded: Option<Forwarded>,
    /// When it was sent.
    pub time: Option<String>,
    /// Shows as read.
    pub read: bool,
    /// Which of the sender colours to use.
    pub hue: usize,
}

/// One message in the chat. Plain functions, not components, here and in
/// [`photo_card`]: they hold no state, and each component costs the bundle
/// its own machinery.
pub fn bubble(words: &Catalogue, b: Bubble) -> Html {
    let forwarded = b.forwarded.map(|f| match f {
        Forwarded::Once => words.t("ui.chat.forwarded_once"),
        Forwarded::Many => words.t("ui.chat.forwarded_many"),
    });
    let side = if b.mine { "mine" } else { "theirs" };
    html! {
        <li key={b.key} class={classes!("msg", side, format!("who-{}", b.hue % 6))}>
            if b.mine {
                <span class="sr-only">{ b.sender }</span>
            } else {
                <span class="sender">{ b.sender }</span>
            }
            if let Some(label) = forwarded {
                <span class="forwarded">{ "↪ " }{ label }</span>
            }
            if b.photo {
                { photo_card(words) }
            }
            if let Some(text) = b.text {
                <p>{ text }</p>
            }
            if b.time.is_some() || b.read {
                <span class="meta">
                    { b.time.unwrap_or_default() }
                    if b.read {
                        { " · " }{ words.t("ui.chat.read") }
                    }
                </span>
            }
        </li>
    }
}

/// The picture, only ever as a closed card: never opened, drawn, blurred
/// or described.
pub fn photo_card(words: &Catalogue) -> Html {
    html! {
        <div class="photo-card" role="img" aria-label={words.t("ui.photo.description").to_string()}>
            { shield() }
            <span aria-hidden="true">{ words.t("ui.photo.label") }</span>
        </div>
    }
}
