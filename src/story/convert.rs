//! From the raw shape to a [`Story`], trusting that the raw story has been
//! checked ([`super::load`]): the browser's path, since the build script
//! checks the shipped story before the game is built, so the bundle carries
//! no checking code. Names it cannot map become harmless defaults; the
//! checked path refuses them first.

use super::raw::{RawMessage, RawOrder, RawScene, RawStory};
use super::{
    Branch, Chapter, ChapterId, ChatRow, Choice, ChoiceId, Effect, Forwarded, Message, Notification, Order,
    Person, PersonId, Scene, SceneId, SceneKind, Sender, Story,
};

/// A scene kind by its name in the story file.
pub(super) fn kind_of(name: &str) -> Option<SceneKind> {
    Some(match name {
        "lock" => SceneKind::Lock,
        "chats" => SceneKind::Chats,
        "chat" => SceneKind::Chat,
        "narration" => SceneKind::Narration,
        "outcome" => SceneKind::Outcome,
        "ending" => SceneKind::Ending,
        _ => return None,
    })
}

/// A Forwarded label by its name in the story file.
pub(super) fn forwarded_of(name: &str) -> Option<Forwarded> {
    match name {
        "once" => Some(Forwarded::Once),
        "many" => Some(Forwarded::Many),
        _ => None,
    }
}

/// The sender of a message: "player", or a person.
pub(super) fn sender_of(name: &str) -> Sender {
    match name {
        "player" => Sender::Player,
        id => Sender::Person(PersonId(id.to_string())),
    }
}

/// Builds the story from its raw shape.
pub(super) fn convert(raw: &RawStory) -> Story {
    let order = |o: &RawOrder| Order {
        name: o.id.to_string(),
        minutes: o.minutes,
        assembly: o.assembly,
        chapters: o.chapters.iter().map(|c| (c.id.to_string(), c.minutes, c.prompt)).collect(),
    };
    // A story that names no order has the whole of itself, with no
    // question, for Assembly and for playing together alike.
    let whole = || Order {
        name: String::from("whole"),
        minutes: 0,
        assembly: false,
        chapters: raw.chapters.iter().map(|c| (c.id.to_string(), 0, false)).collect(),
    };
    let hall: Vec<&RawOrder> = raw.orders.iter().filter(|o| !o.together).collect();
    let mut orders: Vec<Order> = hall.iter().map(|o| order(o)).collect();
    if orders.is_empty() {
        orders.push(whole());
    }
    Story {
        start: SceneId(raw.start.to_string()),
        players: raw.players.iter().map(|p| PersonId(p.to_string())).collect(),
        people: raw.people.iter().map(|p| Person { id: PersonId(p.id.to_string()) }).collect(),
        chapters: raw.chapters.iter().map(|c| Chapter { id: ChapterId(c.id.to_string()) }).collect(),
        scenes: raw.scenes.iter().map(scene).collect(),
        default_order: hall.iter().position(|o| o.default).unwrap_or(0),
        together: raw.orders.iter().find(|o| o.together).map_or_else(whole, order),
        orders,
    }
}

fn scene(s: &RawScene) -> Scene {
    let text = |t: &Option<super::raw::Text>| t.as_ref().map(|t| t.to_string());
    Scene {
        id: SceneId(s.id.to_string()),
        kind: kind_of(&s.kind).unwrap_or(SceneKind::Narration),
        chapter: s.chapter.as_ref().map(|c| ChapterId(c.to_string())),
        pov: s.pov.as_ref().map(|p| PersonId(p.to_string())),
        time: text(&s.time),
        chat: text(&s.chat),
        messages: s.messages.iter().map(message).collect(),
        typing: s.typing.as_ref().map(|p| PersonId(p.to_string())),
        notifications: s
            .notifications
            .iter()
            .map(|n| Notification {
                id: n.id.to_string(),
                from: PersonId(n.from.to_string()),
                chat: text(&n.chat),
            })
            .collect(),
        chats: s
            .chats
            .iter()
            .map(|r| ChatRow {
                chat: r.chat.to_string(),
                from: PersonId(r.from.to_string()),
                time: r.time.to_string(),
                unread: r.unread,
            })
            .collect(),
        choices: s
            .choices
            .iter()
            .map(|c| Choice {
                id: ChoiceId(c.id.to_string()),
                effect: Effect::from_name(&c.effect),
                next: SceneId(c.next.to_string()),
            })
            .collect(),
        next: s.next.as_ref().map(|n| SceneId(n.to_string())),
        branches: s
            .branches
            .iter()
            .map(|b| Branch {
                when: b.when.iter().filter_map(|e| Effect::from_name(e)).collect(),
                next: SceneId(b.next.to_string()),
            })
            .collect(),
    }
}

fn message(m: &RawMessage) -> Message {
    Message {
        id: m.id.to_string(),
        from: sender_of(&m.from),
        photo: m.photo,
        forwarded: m.forwarded.as_deref().and_then(forwarded_of),
        time: m.time.as_ref().map(|t| t.to_string()),
        read: m.read,
    }
}
