//! A chat on the phone: the app bar, the thread of messages (with times,
//! Forwarded labels, read receipts and the photo card), who is typing, and
//! the choice sheet.

use yew::prelude::*;

use crate::story::{chat_name_key, ChoiceId, Forwarded, Message, SceneId, Sender};
use crate::ui::parts::choices::ChoiceSheet;
use crate::ui::parts::phone::PhoneFrame;
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
    html! {
        <PhoneFrame time={scene.time.clone().map(AttrValue::from)} owner={owner_name(&words, scene)}>
            <h1 class="sr-only" ref={heading} tabindex="-1">{ voice.say(&scene.title_key()) }</h1>
            <header class="app-bar">
                <span class="app-name">{ words.t("ui.app_name") }</span>
                <p class="chat-name">{ words.t(&chat_name_key(chat)) }</p>
            </header>
            // Focusable, so that keyboard users can scroll a long chat.
            <ol class="thread" ref={thread} tabindex="0" aria-label={words.t("ui.chat.messages").to_string()}>
                for message in scene.messages.iter() {
                    <MessageBubble key={message.id.clone()}
                        text={(!message.photo).then(|| voice.say(&scene.message_key(message)))}
                        sender={name(message)} mine={mine(message)} hue={hue(message)}
                        photo={message.photo} forwarded={message.forwarded}
                        time={message.time.clone()} read={message.read} />
                }
                if let Some(who) = &scene.typing {
                    <li class="typing" aria-live="polite">
                        <span class="dots" aria-hidden="true"><span></span><span></span><span></span></span>
                        { words.t_with("ui.chat.typing", &[("name", words.t(&who.name_key()))]) }
                    </li>
                }
            </ol>
            <ChoiceSheet story={props.story.clone()} scene={props.scene.clone()}
                onchoose={props.onchoose.clone()} onnext={props.onnext.clone()} />
        </PhoneFrame>
    }
}

/// Props of [`MessageBubble`].
#[derive(Properties, PartialEq)]
pub struct MessageBubbleProps {
    /// Who sent it.
    pub sender: AttrValue,
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

/// One message in the chat.
#[component]
pub fn MessageBubble(props: &MessageBubbleProps) -> Html {
    let words = use_words();
    let forwarded = props.forwarded.map(|f| match f {
        Forwarded::Once => words.t("ui.chat.forwarded_once"),
        Forwarded::Many => words.t("ui.chat.forwarded_many"),
    });
    let side = if props.mine { "mine" } else { "theirs" };
    html! {
        <li class={classes!("msg", side, format!("who-{}", props.hue % 6))}>
            if props.mine {
                <span class="sr-only">{ props.sender.clone() }</span>
            } else {
                <span class="sender">{ props.sender.clone() }</span>
            }
            if let Some(label) = forwarded {
                <span class="forwarded">{ "↪ " }{ label }</span>
            }
            if props.photo {
                <PhotoCard />
            }
            if let Some(text) = &props.text {
                <p>{ text }</p>
            }
            if props.time.is_some() || props.read {
                <span class="meta">
                    { props.time.clone().unwrap_or_default() }
                    if props.read {
                        { " · " }{ words.t("ui.chat.read") }
                    }
                </span>
            }
        </li>
    }
}

/// The picture, only ever as a closed card: never opened, drawn, blurred
/// or described.
#[component]
pub fn PhotoCard() -> Html {
    let words = use_words();
    html! {
        <div class="photo-card" role="img" aria-label={words.t("ui.photo.description").to_string()}>
            { shield() }
            <span aria-hidden="true">{ words.t("ui.photo.label") }</span>
        </div>
    }
}
