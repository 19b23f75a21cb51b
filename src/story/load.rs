//! Checking a story: the raw, unchecked shape ([`super::raw`]) is checked
//! whole, naming the first fault in plain words, before it becomes a
//! [`Story`] whose every reference holds. The build script runs these checks
//! on the shipped story, so a broken story never reaches a player; the
//! browser build does not carry them.

use std::collections::BTreeSet;

use super::convert::{convert, forwarded_of, kind_of};
use super::raw::{RawMessage, RawScene, RawStory, Text};
use super::{Effect, SceneId, SceneKind, Story, StoryError};

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
fn check_time(scene: &str, time: &str) -> Result<(), StoryError> {
    let digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    let ok = match time.split_once(':') {
        Some((h, m)) if digits(h) && digits(m) => {
            matches!((h.parse::<u8>(), m.parse::<u8>()), (Ok(h), Ok(m)) if h < 24 && m < 60)
        }
        _ => false,
    };
    if ok {
        Ok(())
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
    let scenes: BTreeSet<&str> = raw.scenes.iter().map(|s| s.id.as_ref()).collect();
    let known = Known { people, chapters, scenes };
    if !known.scenes.contains(raw.start.as_ref()) {
        return fault(format!("the story starts at \"{}\", which does not exist", raw.start));
    }
    let mut players = BTreeSet::new();
    for p in raw.players.iter() {
        known.person("the list of players", p)?;
        if !players.insert(p.as_ref()) {
            return fault(format!("the player \"{p}\" is listed twice"));
        }
    }
    for s in raw.scenes.iter() {
        check_scene(s, &known)?;
    }
    check_orders(raw, &known)?;
    let story = convert(raw);
    check_reachable(&story)?;
    Ok(story)
}

/// The running orders: each names real chapters, once each, in story
/// order, has minutes left for its ending, and shows the choice about the
/// picture (the chapter whose scene has choices with effects); at most one
/// is for playing together and one the default.
fn check_orders(raw: &RawStory, known: &Known) -> Result<(), StoryError> {
    unique("the running order", "the story", raw.orders.iter().map(|o| &o.id))?;
    for (what, count) in [
        ("for playing together", raw.orders.iter().filter(|o| o.together).count()),
        ("the default", raw.orders.iter().filter(|o| o.default).count()),
    ] {
        if count > 1 {
            return fault(format!("{count} running orders are {what}: at most one can be"));
        }
    }
    let picture: Option<&str> = raw
        .scenes
        .iter()
        .find(|s| s.choices.iter().any(|c| c.effect != "none"))
        .and_then(|s| s.chapter.as_deref());
    let place = |id: &str| raw.chapters.iter().position(|c| c.id == id);
    for o in raw.orders.iter() {
        check_id("running order", &o.id)?;
        let mut last = None;
        for c in o.chapters.iter() {
            if !known.chapters.contains(c.id.as_ref()) {
                return fault(format!(
                    "the running order \"{}\" names the chapter \"{}\", which does not exist",
                    o.id, c.id
                ));
            }
            if c.minutes == 0 {
                return fault(format!(
                    "the running order \"{}\" gives the chapter \"{}\" no minutes",
                    o.id, c.id
                ));
            }
            if place(&c.id) <= last {
                return fault(format!(
                    "the running order \"{}\" names \"{}\" twice or out of story order",
                    o.id, c.id
                ));
            }
            last = place(&c.id);
        }
        let planned: u32 = o.chapters.iter().map(|c| c.minutes).sum();
        if planned >= o.minutes {
            return fault(format!(
                "the running order \"{}\" plans {planned} of {} minutes, leaving none for the ending",
                o.id, o.minutes
            ));
        }
        if let Some(picture) = picture.filter(|p| !o.chapters.iter().any(|c| c.id == *p)) {
            return fault(format!("the running order \"{}\" leaves out \"{picture}\", the chapter with the choice about the picture", o.id));
        }
    }
    Ok(())
}

/// The ids a story declares, for checking references to them.
struct Known<'a> {
    people: BTreeSet<&'a str>,
    chapters: BTreeSet<&'a str>,
    scenes: BTreeSet<&'a str>,
}

impl Known<'_> {
    fn person(&self, place: &str, id: &str) -> Result<(), StoryError> {
        if self.people.contains(id) {
            Ok(())
        } else {
            fault(format!("{place} names \"{id}\", who is not in the story"))
        }
    }

    fn scene(&self, from: &str, to: &str) -> Result<(), StoryError> {
        if self.scenes.contains(to) {
            Ok(())
        } else {
            fault(format!("the scene \"{from}\" goes on to \"{to}\", which does not exist"))
        }
    }
}

fn check_scene(s: &RawScene, known: &Known) -> Result<(), StoryError> {
    let id = s.id.as_ref();
    let place = format!("the scene \"{id}\"");
    let Some(kind) = kind_of(&s.kind) else {
        return fault(format!("{place} has an unknown kind \"{}\"", s.kind));
    };
    match (&s.chapter, known.chapters.is_empty()) {
        (None, true) => {}
        (None, false) => return fault(format!("{place} does not say which chapter it is in")),
        (Some(c), _) if known.chapters.contains(c.as_ref()) => {}
        (Some(c), _) => return fault(format!("{place} is in the chapter \"{c}\", which does not exist")),
    }
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
    for r in s.chats.iter() {
        known.person(&format!("the chat \"{}\" in \"{id}\"", r.chat), &r.from)?;
        check_time(id, &r.time)?;
    }

    unique("the message", &place, s.messages.iter().map(|m| &m.id))?;
    for m in s.messages.iter() {
        check_message(id, m, known)?;
    }
    unique("the notification", &place, s.notifications.iter().map(|n| &n.id))?;
    for n in s.notifications.iter() {
        if let Some(chat) = &n.chat {
            check_id("the chat", chat)?;
        }
        known.person(&format!("the notification \"{}\" in \"{id}\"", n.id), &n.from)?;
    }

    unique("the choice", &place, s.choices.iter().map(|c| &c.id))?;
    for c in s.choices.iter() {
        if c.effect != "none" && Effect::from_name(&c.effect).is_none() {
            return fault(format!(
                "the choice \"{}\" in \"{id}\" has an unknown effect \"{}\"",
                c.id, c.effect
            ));
        }
        known.scene(id, &c.next)?;
    }
    for b in s.branches.iter() {
        if b.when.is_empty() {
            return fault(format!("{place} has a branch that no choice can take"));
        }
        if let Some(name) = b.when.iter().find(|name| Effect::from_name(name).is_none()) {
            return fault(format!("{place} has a branch on an unknown effect \"{name}\""));
        }
        known.scene(id, &b.next)?;
    }
    if let Some(next) = &s.next {
        known.scene(id, next)?;
    }
    let goes_on = s.next.is_some() || !s.branches.is_empty();
    match (kind, s.choices.is_empty(), goes_on) {
        (SceneKind::Ending, true, false) => {}
        (SceneKind::Ending, _, _) => {
            return fault(format!("the ending \"{id}\" must not go on to another scene"))
        }
        (_, true, false) => {
            return fault(format!("{place} is a dead end: it has no choices and no next scene"))
        }
        (_, false, true) => return fault(format!("{place} has both choices and a next scene")),
        _ => {}
    }
    if !s.branches.is_empty() && s.next.is_none() {
        return fault(format!("{place} has branches but no next scene for every other choice"));
    }
    if let Some(p) = &s.pov {
        known.person(&place, p)?;
    }
    if let Some(t) = &s.time {
        check_time(id, t)?;
    }
    if let Some(p) = &s.typing {
        known.person(&place, p)?;
    }
    Ok(())
}

fn check_message(scene: &str, m: &RawMessage, known: &Known) -> Result<(), StoryError> {
    let place = format!("the message \"{}\" in \"{scene}\"", m.id);
    if m.from != "player" {
        known.person(&place, &m.from)?;
    }
    if let Some(f) = m.forwarded.as_deref().filter(|f| forwarded_of(f).is_none()) {
        return fault(format!("{place} is forwarded \"{f}\", not \"once\" or \"many\""));
    }
    if let Some(t) = &m.time {
        check_time(scene, t)?;
    }
    Ok(())
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
