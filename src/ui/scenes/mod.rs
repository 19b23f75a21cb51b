//! The story's screens, one per kind of scene (the lock screen, the list
//! of chats, a chat, narration, an outcome, an ending), with choosing who
//! to be and the title; and [`scene_screen`], the one place that matches
//! where a game is to its screen, shared by the story and Assembly.

pub mod chat;
pub mod chats;
pub mod ending;
pub mod lock;
pub mod narration;
pub mod outcome;
pub mod pick;
pub mod title;

use yew::prelude::*;

use self::chat::ChatScreen;
use self::chats::ChatListScreen;
use self::ending::EndingScreen;
use self::lock::LockScreen;
use self::narration::NarrationScreen;
use self::pick::PickScreen;
use crate::door::Door;
use crate::game::{At, Event, Game};
use crate::story::SceneKind;
use crate::ui::{go_to, StoryRef};

/// The screen for where `game` is (choosing who to be, or a scene), its
/// player's acts sent to `dispatch`. Shared by the story and Assembly.
pub fn scene_screen(story: &StoryRef, game: &Game, dispatch: &Callback<Event>) -> Html {
    let next = dispatch.reform(|()| Event::PressedNext);
    match &game.at {
        At::Title => html! {},
        At::Pick => html! {
            <PickScreen players={story.players().to_vec()} onpick={dispatch.reform(Event::PickedPlayer)} />
        },
        At::Scene(id) => {
            let (story, scene, key) = (story.clone(), id.clone(), id.to_string());
            match story.scene(id).kind {
                SceneKind::Lock => html! { <LockScreen {key} {story} {scene} onnext={next} /> },
                SceneKind::Chats => html! { <ChatListScreen {key} {story} {scene} onnext={next} /> },
                SceneKind::Chat => html! {
                    <ChatScreen {key} {story} {scene} onchoose={dispatch.reform(Event::Chose)} onnext={next} />
                },
                SceneKind::Narration => html! { <NarrationScreen {key} {story} {scene} onnext={next} /> },
                SceneKind::Outcome => html! {
                    <NarrationScreen {key} {story} {scene} outcome={game.clone()} onnext={next} />
                },
                SceneKind::Ending => html! {
                    <EndingScreen {key} {story} {scene} game={game.clone()}
                        onwhatif={dispatch.reform(Event::PressedWhatIf)}
                        onexplore={Callback::from(|()| go_to(&Door::Explore(String::new())))}
                        onstartagain={dispatch.reform(|()| Event::PressedStartAgain)} />
                },
            }
        }
    }
}
