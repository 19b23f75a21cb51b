//! Checking a story: from the raw, unchecked shape ([`super::raw`]) to a
//! [`Story`] whose every reference holds, naming the first fault in plain
//! words.

use std::collections::BTreeSet;
use std::fmt;

use super::raw::{RawMessage, RawScene, RawStory, Text};
use super::{
    Branch, Chapter, ChapterId, ChatRow, Choice, ChoiceId, Effect, Forwarded, Message, Notification, Person,
    PersonId, Scene, SceneId, SceneKind, Sender, Story,
};

/// The first fault found in a story file, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryError(pub String);

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "The story file has a fault: {}", self.0)
    }
}

fn fault<T>(text: String) -> Result<T, StoryError> {
    Err(StoryError(text))
}

/// An id may hold lower-case letters, digits and underscores, so that the
/// keys made from it read cleanly.
fn check_id(what: &str, id: &str) -> Result<(), StoryError> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        return fault(format!("{what} id \"{id}\" must be lower-case letters, digits and _"));
    }
    // The catalogue reads a table of these names as plural forms.
    if ["zero", "one", "two", "few", "many", "other"].contains(&id) {
        return fault(format!("{what} id \"{id}\" is a word the text files keep for plurals"));
    }
    Ok(())
}

/// A clock time, "HH:MM" on the 24-hour clock.
fn check_time(scene: &str, time: &str) -> Result<String, StoryError> {
    let digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    let ok = match time.split_once(':') {
        Some((h, m)) if digits(h) && digits(m) => {
            matches!((h.parse::<u8>(), m.parse::<u8>()), (Ok(h), Ok(m)) if h < 24 && m < 60)
        }
        _ => false,
    };
    if ok {
        Ok(time.to_string())
    } else {
        fault(format!("the scene \"{scene}\" has the time \"{time}\", which is not HH:MM"))
    }
}

/// Ids that must be unique within their list.
fn unique<'a>(what: &str, place: &str, ids: impl Iterator<Item = &'a Text>) -> Result<(), StoryError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        check_id(what, id)?;
        if !seen.insert(id.as_ref()) {
            return fault(format!("{place} has two of {what} \"{id}\""));
        }
    }
    Ok(())
}

pub(super) fn check(raw: &RawStory) -> Result<Story, StoryError> {
    unique("the person", "the story", raw.people.iter().map(|p| &p.id))?;
    if raw.people.iter().any(|p| p.id == "player") {
        return fault("\"player\" is kept for the player's own messages and cannot be a person's id".into());
    }
    unique("the chapter", "the story", raw.chapters.iter().map(|c| &c.id))?;
    unique("the scene", "the story", raw.scenes.iter().map(|s| &s.id))?;
    let people: BTreeSet<&str> = raw.people.iter().map(|p| p.id.as_ref()).collect();
    let chapters: BTreeSet<&str> = raw.chapters.iter().map(|c| c.id.as_ref()).collect();
    let scene_ids: BTreeSet<&str> = raw.scenes.iter().map(|s| s.id.as_ref()).collect();

    let person = |place: &str, id: &str| -> Result<PersonId, StoryError> {
        if people.contains(id) {
            Ok(PersonId(id.to_string()))
        } else {
            fault(format!("{place} names \"{id}\", who is not in the story"))
        }
    };
    let scene_ref = |from: &str, to: &str| -> Result<SceneId, StoryError> {
        if scene_ids.contains(to) {
            Ok(SceneId(to.to_string()))
        } else {
            fault(format!("the scene \"{from}\" goes on to \"{to}\", which does not exist"))
        }
    };
    if !scene_ids.contains(raw.start.as_ref()) {
        return fault(format!("the story starts at \"{}\", which does not exist", raw.start));
    }
    let mut players = Vec::new();
    for p in raw.players.iter() {
        let id = person("the list of players", p)?;
        if players.contains(&id) {
            return fault(format!("the player \"{p}\" is listed twice"));
        }
        players.push(id);
    }

    let mut scenes = Vec::new();
    for s in raw.scenes.iter() {
        scenes.push(check_scene(s, &chapters, &person, &scene_ref)?);
    }
    let story = Story {
        start: SceneId(raw.start.to_string()),
        players,
        people: raw.people.iter().map(|p| Person { id: PersonId(p.id.to_string()) }).collect(),
        chapters: raw.chapters.iter().map(|c| Chapter { id: ChapterId(c.id.to_string()) }).collect(),
        scenes,
    };
    check_reachable(&story)?;
    Ok(story)
}

fn check_scene(
    s: &RawScene,
    chapters: &BTreeSet<&str>,
    person: &dyn Fn(&str, &str) -> Result<PersonId, StoryError>,
    scene_ref: &dyn Fn(&str, &str) -> Result<SceneId, StoryError>,
) -> Result<Scene, StoryError> {
    let id = s.id.as_ref();
    let place = format!("the scene \"{id}\"");
    let kind = match s.kind.as_ref() {
        "lock" => SceneKind::Lock,
        "chats" => SceneKind::Chats,
        "chat" => SceneKind::Chat,
        "narration" => SceneKind::Narration,
        "outcome" => SceneKind::Outcome,
        "ending" => SceneKind::Ending,
        other => return fault(format!("{place} has an unknown kind \"{other}\"")),
    };
    let chapter = match (&s.chapter, chapters.is_empty()) {
        (None, true) => None,
        (None, false) => return fault(format!("{place} does not say which chapter it is in")),
        (Some(c), _) if chapters.contains(c.as_ref()) => Some(ChapterId(c.to_string())),
        (Some(c), _) => return fault(format!("{place} is in the chapter \"{c}\", which does not exist")),
    };
    let is_chat = kind == SceneKind::Chat;
    match (&s.chat, is_chat) {
        (None, true) => return fault(format!("the chat scene \"{id}\" does not say which chat it is in")),
        (Some(chat), true) => check_id("the chat", chat)?,
        (Some(_), false) => return fault(format!("{place} names a chat but is not a chat")),
        (None, false) => {}
    }
    if !is_chat && (!s.messages.is_empty() || s.typing.is_some()) {
        return fault(format!("{place} has messages but is not a chat"));
    }
    if kind != SceneKind::Lock && !s.notifications.is_empty() {
        return fault(format!("{place} has notifications but is not a lock screen"));
    }
    if kind != SceneKind::Chats && !s.chats.is_empty() {
        return fault(format!("{place} has a list of chats but is not one"));
    }
    if kind == SceneKind::Chats && s.chats.is_empty() {
        return fault(format!("the list of chats \"{id}\" has no chats in it"));
    }
    unique("the chat", &place, s.chats.iter().map(|r| &r.chat))?;
    let mut chats = Vec::new();
    for r in s.chats.iter() {
        chats.push(ChatRow {
            chat: r.chat.to_string(),
            from: person(&format!("the chat \"{}\" in \"{id}\"", r.chat), &r.from)?,
            time: check_time(id, &r.time)?,
            unread: r.unread,
        });
    }

    unique("the message", &place, s.messages.iter().map(|m| &m.id))?;
    let messages = s.messages.iter().map(|m| check_message(id, m, person)).collect::<Result<Vec<_>, _>>()?;
    unique("the notification", &place, s.notifications.iter().map(|n| &n.id))?;
    let mut notifications = Vec::new();
    for n in s.notifications.iter() {
        if let Some(chat) = &n.chat {
            check_id("the chat", chat)?;
        }
        notifications.push(Notification {
            id: n.id.to_string(),
            from: person(&format!("the notification \"{}\" in \"{id}\"", n.id), &n.from)?,
            chat: n.chat.as_ref().map(|c| c.to_string()),
        });
    }

    unique("the choice", &place, s.choices.iter().map(|c| &c.id))?;
    let mut choices = Vec::new();
    for c in s.choices.iter() {
        let effect = match c.effect.as_ref() {
            "none" => None,
            name => match Effect::from_name(name) {
                Some(e) => Some(e),
                None => {
                    return fault(format!(
                        "the choice \"{}\" in \"{id}\" has an unknown effect \"{name}\"",
                        c.id
                    ))
                }
            },
        };
        choices.push(Choice { id: ChoiceId(c.id.to_string()), effect, next: scene_ref(id, &c.next)? });
    }
    let mut branches = Vec::new();
    for b in s.branches.iter() {
        if b.when.is_empty() {
            return fault(format!("{place} has a branch that no choice can take"));
        }
        let when = b.when.iter().map(|name| {
            Effect::from_name(name)
                .ok_or_else(|| StoryError(format!("{place} has a branch on an unknown effect \"{name}\"")))
        });
        branches.push(Branch { when: when.collect::<Result<_, _>>()?, next: scene_ref(id, &b.next)? });
    }
    let next = s.next.as_deref().map(|n| scene_ref(id, n)).transpose()?;
    match (kind, choices.is_empty(), next.is_some() || !branches.is_empty()) {
        (SceneKind::Ending, true, false) => {}
        (SceneKind::Ending, _, _) => {
            return fault(format!("the ending \"{id}\" must not go on to another scene"))
        }
        (_, true, false) => {
            return fault(format!("{place} is a dead end: it has no choices and no next scene"));
        }
        (_, false, true) => return fault(format!("{place} has both choices and a next scene")),
        _ => {}
    }
    if !branches.is_empty() && next.is_none() {
        return fault(format!("{place} has branches but no next scene for every other choice"));
    }
    Ok(Scene {
        id: SceneId(id.to_string()),
        kind,
        chapter,
        pov: s.pov.as_deref().map(|p| person(&place, p)).transpose()?,
        time: s.time.as_deref().map(|t| check_time(id, t)).transpose()?,
        chat: s.chat.as_ref().map(|c| c.to_string()),
        messages,
        typing: s.typing.as_deref().map(|p| person(&place, p)).transpose()?,
        notifications,
        chats,
        choices,
        next,
        branches,
    })
}

fn check_message(
    scene: &str,
    m: &RawMessage,
    person: &dyn Fn(&str, &str) -> Result<PersonId, StoryError>,
) -> Result<Message, StoryError> {
    let place = format!("the message \"{}\" in \"{scene}\"", m.id);
    let from = match m.from.as_ref() {
        "player" => Sender::Player,
        other => Sender::Person(person(&place, other)?),
    };
    let forwarded = match m.forwarded.as_deref() {
        None => None,
        Some("once") => Some(Forwarded::Once),
        Some("many") => Some(Forwarded::Many),
        Some(other) => return fault(format!("{place} is forwarded \"{other}\", not \"once\" or \"many\"")),
    };
    Ok(Message {
        id: m.id.to_string(),
        from,
        photo: m.photo,
        forwarded,
        time: m.time.as_deref().map(|t| check_time(scene, t)).transpose()?,
        read: m.read,
    })
}

/// Every scene can be reached by some player, and wherever a player can
/// be, they can go on to an ending (where help is shown).
///
/// Where Next leads depends on what the player did with the picture, so
/// this walks the states a player can be in: a scene, and the effect of
/// their choice about the picture so far. A loop that only some players can
/// leave, or a branch on an effect that no choice offers, is caught here.
fn check_reachable(story: &Story) -> Result<(), StoryError> {
    type State = (usize, Option<Effect>);
    let index = |id: &SceneId| story.scenes.iter().position(|s| s.id == *id).expect("checked references");
    let successors = |(i, effect): State| -> Vec<State> {
        let scene = &story.scenes[i];
        if scene.choices.is_empty() {
            scene.next_for(effect).map(|n| (index(n), effect)).into_iter().collect()
        } else {
            scene.choices.iter().map(|c| (index(&c.next), c.effect.or(effect))).collect()
        }
    };
    let mut reached = BTreeSet::new();
    let mut todo = vec![(index(&story.start), None)];
    while let Some(state) = todo.pop() {
        if reached.insert(state) {
            todo.extend(successors(state));
        }
    }
    if let Some(lost) = story.scenes.iter().enumerate().find(|(i, _)| !reached.iter().any(|(j, _)| j == i)) {
        return fault(format!("the scene \"{}\" cannot be reached from the start", lost.1.id));
    }
    // Work back from the endings: a state reaches an ending when any state
    // it leads to does.
    let mut good: BTreeSet<State> =
        reached.iter().copied().filter(|(i, _)| story.scenes[*i].kind == SceneKind::Ending).collect();
    loop {
        let before = good.len();
        for &state in &reached {
            if !good.contains(&state) && successors(state).iter().any(|s| good.contains(s)) {
                good.insert(state);
            }
        }
        if good.len() == before {
            break;
        }
    }
    let stuck = story.scenes.iter().enumerate().find_map(|(i, scene)| {
        reached.iter().find(|(j, e)| *j == i && !good.contains(&(*j, *e))).map(|(_, e)| (scene, *e))
    });
    let Some((scene, effect)) = stuck else { return Ok(()) };
    let who = effect.map(|e| format!(" for a player who chose \"{}\"", e.name())).unwrap_or_default();
    // Name where it goes, to point at the loop.
    let onto = scene.next_for(effect).map(|n| format!(": it goes on to \"{n}\"")).unwrap_or_default();
    fault(format!("the scene \"{}\" never leads to an ending{who}{onto}", scene.id))
}
