//! Checking a story: from the raw, unchecked shape ([`super::raw`]) to a
//! [`Story`] whose every reference holds, naming the first fault in plain
//! words.

use std::collections::BTreeSet;
use std::fmt;

use super::raw::RawStory;
use super::{Choice, ChoiceId, Effect, Message, Person, PersonId, Scene, SceneId, SceneKind, Story};

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

pub(super) fn check(raw: &RawStory) -> Result<Story, StoryError> {
    let mut people = Vec::new();
    let mut person_ids = BTreeSet::new();
    for p in raw.people.iter() {
        check_id("the person", &p.id)?;
        if !person_ids.insert(p.id.as_ref()) {
            return fault(format!("the person \"{}\" is listed twice", p.id));
        }
        people.push(Person { id: PersonId(p.id.to_string()) });
    }

    let scene_ids: BTreeSet<&str> = raw.scenes.iter().map(|s| s.id.as_ref()).collect();
    if scene_ids.len() != raw.scenes.len() {
        let mut seen = BTreeSet::new();
        let twice = raw.scenes.iter().find(|s| !seen.insert(&s.id)).map_or("", |s| s.id.as_ref());
        return fault(format!("the scene \"{twice}\" is written twice"));
    }
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

    let mut scenes = Vec::new();
    for s in raw.scenes.iter() {
        check_id("the scene", &s.id)?;
        let kind = match s.kind.as_ref() {
            "chat" => SceneKind::Chat,
            "outcome" => SceneKind::Outcome,
            "ending" => SceneKind::Ending,
            other => return fault(format!("the scene \"{}\" has an unknown kind \"{other}\"", s.id)),
        };
        match (&s.chat, kind) {
            (None, SceneKind::Chat) => {
                return fault(format!("the chat scene \"{}\" does not say which chat it is in", s.id))
            }
            (Some(chat), SceneKind::Chat) => check_id("the chat", chat)?,
            (Some(_), _) => return fault(format!("the scene \"{}\" names a chat but is not a chat", s.id)),
            (None, _) => {}
        }
        let mut messages = Vec::new();
        let mut message_ids = BTreeSet::new();
        for m in s.messages.iter() {
            check_id("a message", &m.id)?;
            if !message_ids.insert(&m.id) {
                return fault(format!("the scene \"{}\" has two messages \"{}\"", s.id, m.id));
            }
            if !person_ids.contains(m.from.as_ref()) {
                return fault(format!(
                    "the message \"{}\" in \"{}\" is from \"{}\", who is not in the story",
                    m.id, s.id, m.from
                ));
            }
            messages.push(Message {
                id: m.id.to_string(),
                from: PersonId(m.from.to_string()),
                photo: m.photo,
            });
        }
        let mut choices = Vec::new();
        let mut choice_ids = BTreeSet::new();
        for c in s.choices.iter() {
            check_id("a choice", &c.id)?;
            if !choice_ids.insert(&c.id) {
                return fault(format!("the scene \"{}\" has two choices \"{}\"", s.id, c.id));
            }
            let effect = match c.effect.as_ref() {
                "forward" => Effect::Forward,
                "delete" => Effect::Delete,
                "tell_someone" => Effect::TellSomeone,
                other => {
                    return fault(format!(
                        "the choice \"{}\" in \"{}\" has an unknown effect \"{other}\"",
                        c.id, s.id
                    ))
                }
            };
            choices.push(Choice { id: ChoiceId(c.id.to_string()), effect, next: scene_ref(&s.id, &c.next)? });
        }
        let next = s.next.as_deref().map(|n| scene_ref(&s.id, n)).transpose()?;
        match (kind, choices.is_empty(), next.is_some()) {
            (SceneKind::Ending, true, false) => {}
            (SceneKind::Ending, _, _) => {
                return fault(format!("the ending \"{}\" must not go on to another scene", s.id))
            }
            (_, true, false) => {
                return fault(format!(
                    "the scene \"{}\" is a dead end: it has no choices and no next scene",
                    s.id
                ))
            }
            (_, false, true) => {
                return fault(format!("the scene \"{}\" has both choices and a next scene", s.id))
            }
            _ => {}
        }
        scenes.push(Scene {
            id: SceneId(s.id.to_string()),
            kind,
            chat: s.chat.as_ref().map(|c| c.to_string()),
            messages,
            choices,
            next,
        });
    }

    let story = Story { start: SceneId(raw.start.to_string()), people, scenes };
    check_reachable(&story)?;
    Ok(story)
}

/// Every scene can be reached from the start, and every scene leads on to
/// an ending (where help is shown).
fn check_reachable(story: &Story) -> Result<(), StoryError> {
    let mut reached = BTreeSet::new();
    let mut todo = vec![story.start.clone()];
    while let Some(id) = todo.pop() {
        if reached.insert(id.clone()) {
            let scene = story.scene(&id);
            todo.extend(scene.next.iter().cloned());
            todo.extend(scene.choices.iter().map(|c| c.next.clone()));
        }
    }
    if let Some(lost) = story.scenes.iter().find(|s| !reached.contains(&s.id)) {
        return fault(format!("the scene \"{}\" cannot be reached from the start", lost.id));
    }
    // Work back from the endings: a scene reaches an ending when any of the
    // scenes it leads to does.
    let mut ends: BTreeSet<&SceneId> =
        story.scenes.iter().filter(|s| s.kind == SceneKind::Ending).map(|s| &s.id).collect();
    loop {
        let before = ends.len();
        for s in &story.scenes {
            let leads = s.next.iter().chain(s.choices.iter().map(|c| &c.next));
            if leads.into_iter().any(|n| ends.contains(n)) {
                ends.insert(&s.id);
            }
        }
        if ends.len() == before {
            break;
        }
    }
    if let Some(stuck) = story.scenes.iter().find(|s| !ends.contains(&s.id)) {
        return fault(format!("the scene \"{}\" never leads to an ending", stuck.id));
    }
    Ok(())
}
