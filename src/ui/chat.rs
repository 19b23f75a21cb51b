//! A chat on the phone: the app bar, the thread of messages, the photo card
//! and the choice sheet.

use std::rc::Rc;

use yew::prelude::*;

use super::phone::PhoneFrame;
use super::title::shield;
use super::{use_heading_focus, use_words};
use crate::story::{ChoiceId, SceneId, Story};

/// Props of [`ChatScreen`].
#[derive(Properties, PartialEq)]
pub struct ChatScreenProps {
    /// The story the scene is in.
    pub story: Rc<Story>,
    /// The chat scene to show.
    pub scene: SceneId,
    /// The player picked a choice.
    pub onchoose: Callback<ChoiceId>,
}

/// A chat scene: messages, then the player's choices.
#[component]
pub fn ChatScreen(props: &ChatScreenProps) -> Html {
    let words = use_words();
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
    let senders: Vec<_> = props.story.people().iter().map(|p| p.id.clone()).collect();
    // The chat is the simulated class: everyone in it got the picture.
    let members = crate::sim::Shape::TWO_CLASSES.class_size.to_string();
    html! {
        <PhoneFrame>
            <h1 class="sr-only" ref={heading} tabindex="-1">{ words.t(&scene.title_key()) }</h1>
            <header class="app-bar">
                <span class="app-name">{ words.t("ui.app_name") }</span>
                <div class="chat-title">
                    <span class="avatar group" aria-hidden="true"></span>
                    <div>
                        <p class="chat-name">{ words.t(&format!("chat.{chat}.name")) }</p>
                        <p class="chat-members">{ words.t_with("ui.chat.members", &[("count", &members)]) }</p>
                    </div>
                </div>
            </header>
            // Focusable, so that keyboard users can scroll a long chat.
            <ol class="thread" ref={thread} tabindex="0" aria-label={words.t("ui.chat.messages").to_string()}>
                for message in scene.messages.iter() {
                    <MessageBubble key={message.id.clone()}
                        text={(!message.photo).then(|| words.t(&scene.message_key(message)).to_string())}
                        sender={words.t(&format!("person.{}.name", message.from)).to_string()}
                        hue={senders.iter().position(|s| *s == message.from).unwrap_or(0)}
                        photo={message.photo} />
                }
            </ol>
            if !scene.choices.is_empty() {
                <section class="choice-sheet" aria-labelledby="choice-prompt">
                    <h2 id="choice-prompt">{ words.t("ui.chat.choose") }</h2>
                    <ul>
                        for choice in scene.choices.iter() {
                            <li key={choice.id.to_string()}>
                                <button type="button" class="choice"
                                    onclick={props.onchoose.reform({
                                        let id = choice.id.clone();
                                        move |_: MouseEvent| id.clone()
                                    })}>
                                    { words.t(&scene.choice_key(choice)) }
                                </button>
                            </li>
                        }
                    </ul>
                </section>
            }
        </PhoneFrame>
    }
}

/// Props of [`MessageBubble`].
#[derive(Properties, PartialEq)]
pub struct MessageBubbleProps {
    /// Who sent it.
    pub sender: AttrValue,
    /// The words; none for a photo.
    pub text: Option<String>,
    /// The message is the photo card.
    pub photo: bool,
    /// Which of the sender colours to use.
    pub hue: usize,
}

/// One message from someone else in the chat.
#[component]
pub fn MessageBubble(props: &MessageBubbleProps) -> Html {
    html! {
        <li class={classes!("msg", format!("who-{}", props.hue % 6))}>
            <span class="sender">{ props.sender.clone() }</span>
            if props.photo {
                <PhotoCard />
            }
            if let Some(text) = &props.text {
                <p>{ text }</p>
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
