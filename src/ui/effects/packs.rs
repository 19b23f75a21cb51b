//! Fetching the packs: the words the first screen does not need (another
//! language's core, the guides, each story with its structure), which the
//! build ships as files of their own and names in the page (`<meta
//! name="once-sent-pack" content="cy/core i18n-cy-core-….txt">`). A pack is
//! fetched once per visit (two asks while it is on its way share the one
//! fetch, and the page keeps it for the part of the game that takes over),
//! checked whole on arrival, and kept; a pack that cannot be had
//! gives a plain-words reason within [`PACK_TIMEOUT_MS`], never a wait for
//! ever. The service worker keeps every pack for offline play, and the
//! single-file edition carries each one inside its page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::timer::later;
use crate::i18n::{Catalogue, Lang, FALLBACK};
use crate::story::Story;
use crate::ui::{Shared, StoryRef, Words};

/// How long a pack may take before the game gives up on it and says so.
pub const PACK_TIMEOUT_MS: i32 = 6_000;

type Done = Box<dyn FnOnce(Result<&'static str, String>)>;

thread_local! {
    /// The packs had so far this visit, as (language's folder, pack, text).
    static HAD: RefCell<Vec<(&'static str, String, &'static str)>> = const { RefCell::new(Vec::new()) };
    /// The packs on their way, with everyone waiting for each.
    static COMING: RefCell<Vec<(&'static str, String, Vec<Done>)>> = const { RefCell::new(Vec::new()) };
    /// Every pack fetched, once for each try.
    static TRIES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The stories read from their packs, each once, so that every screen
    /// (and a change of language) shares the one story.
    static STORIES: RefCell<Vec<(String, StoryRef)>> = const { RefCell::new(Vec::new()) };
}

/// The text of `pack` in `lang`, given to `done` once: at once if it is
/// compiled in or was had before; else fetched. A pack that cannot be had
/// gives the reason instead.
pub fn text_of(lang: Lang, pack: &str, done: impl FnOnce(Result<&'static str, String>) + 'static) {
    text_of_boxed(lang, pack, Box::new(done));
}

/// [`text_of`] for any callback: one copy in the bundle, not one per caller
/// (and so for [`fetch_text`] and [`words_with`]).
fn text_of_boxed(lang: Lang, pack: &str, done: Done) {
    let folder = lang.folder();
    if let Some(text) = had(folder, pack) {
        return done(Ok(text));
    }
    let waiting = COMING.with_borrow_mut(|coming| {
        match coming.iter_mut().find(|(f, p, _)| *f == folder && p == pack) {
            Some((_, _, waiters)) => {
                waiters.push(done);
                None
            }
            None => {
                coming.push((folder, pack.to_string(), Vec::new()));
                Some(done)
            }
        }
    });
    let Some(done) = waiting else { return };
    let pack = pack.to_string();
    let name = pack.clone();
    fetch_text(
        &format!("{folder}/{pack}"),
        Box::new(move |result| {
            if let Ok(text) = result {
                HAD.with_borrow_mut(|had| had.push((folder, name.clone(), text)));
            }
            let waiters = COMING.with_borrow_mut(|coming| {
                let at = coming.iter().position(|(f, p, _)| *f == folder && *p == name);
                at.map(|i| coming.remove(i).2).unwrap_or_default()
            });
            done(result.clone());
            for waiter in waiters {
                waiter(result.clone());
            }
        }),
    );
}

/// A pack's text if it is compiled in or was had before.
fn had(folder: &str, pack: &str) -> Option<&'static str> {
    #[cfg(feature = "bundled")]
    if let Some((_, _, text)) = crate::i18n::BUNDLE.iter().find(|(f, p, _)| *f == folder && *p == pack) {
        return Some(text);
    }
    HAD.with_borrow(|had| had.iter().find(|(f, p, _)| *f == folder && p == pack).map(|(_, _, t)| *t))
}

/// Fetches the pack `pack` of `lang` in the background, so that it is
/// there before it is needed (the service worker keeps it too).
pub fn preload(lang: Lang, pack: &str) {
    text_of(lang, pack, |_| {});
}

/// The words of `lang` with `packs` merged in, given to `done` once every
/// pack is had; or the first reason one could not be. (A story's structure
/// is read from its pack when a screen first asks for it, [`story`]: the
/// first part of the game, which shows no story, has no reader for it.)
pub fn words_with(lang: Lang, packs: Vec<String>, done: impl FnOnce(Result<Words, String>) + 'static) {
    words_with_boxed(lang, packs, Box::new(done));
}

fn words_with_boxed(lang: Lang, packs: Vec<String>, done: Box<dyn FnOnce(Result<Words, String>)>) {
    // Every pack is asked for at once; the words are put together when the
    // last answers, in the order asked.
    let wanted = std::iter::once(String::from("core")).chain(packs).collect::<Vec<_>>();
    type Answers = Rc<RefCell<Vec<Option<Result<&'static str, String>>>>>;
    type Once = Rc<RefCell<Option<Box<dyn FnOnce(Result<Words, String>)>>>>;
    let answers: Answers = Rc::new(RefCell::new(vec![None; wanted.len()]));
    let done: Once = Rc::new(RefCell::new(Some(done)));
    let names = Rc::new(wanted.clone());
    for (i, pack) in wanted.iter().enumerate() {
        let (answers, done, names) = (answers.clone(), done.clone(), names.clone());
        let answer = move |result| {
            answers.borrow_mut()[i] = Some(result);
            if answers.borrow().iter().any(Option::is_none) {
                return;
            }
            let Some(done) = done.borrow_mut().take() else { return };
            let texts: Result<Vec<&'static str>, String> = answers.borrow_mut().drain(..).flatten().collect();
            done(texts.and_then(|texts| merge(lang, &names, &texts)));
        };
        if i == 0 && lang.folder() == FALLBACK.tag() {
            // The fallback's core is compiled in.
            answer(Ok(""));
        } else {
            text_of_boxed(lang, pack, Box::new(answer));
        }
    }
}

/// The core and packs of `lang`, checked and merged.
fn merge(lang: Lang, names: &[String], texts: &[&'static str]) -> Result<Words, String> {
    let mut words = match texts[0] {
        "" => Catalogue::core(lang),
        core => Catalogue::from_blob(lang, core),
    }
    .map_err(|e| e.to_string())?;
    for (name, text) in names.iter().zip(texts).skip(1) {
        let pack: &'static str = leak(name);
        words = words.with_pack(pack, text).map_err(|e| e.to_string())?;
    }
    Ok(Rc::new(words))
}

/// The story `id`, once its pack has been had in any language (its
/// structure is the same in each), read once; or why its pack cannot be
/// read (empty while no pack of it is had).
pub fn story(id: &str) -> Result<StoryRef, String> {
    if let Some(story) = kept(id) {
        return Ok(story);
    }
    let pack = crate::content::story_pack(id);
    match Lang::ALL.into_iter().find_map(|lang| had(lang.folder(), &pack)) {
        Some(text) => read_story(id, text),
        None => Err(String::new()),
    }
}

/// The story `id`, if it has been read.
fn kept(id: &str) -> Option<StoryRef> {
    STORIES.with_borrow(|s| s.iter().find(|(i, _)| i == id).map(|(_, story)| story.clone()))
}

/// Story `id` read from its pack's `text`, and kept; or why it cannot be.
fn read_story(id: &str, text: &'static str) -> Result<StoryRef, String> {
    let story = Shared(Rc::new(Story::from_pack(text).map_err(|e| e.to_string())?));
    keep_story(id, story.clone());
    Ok(story)
}

/// Keeps a story read elsewhere (the tests hand the App one).
pub fn keep_story(id: &str, story: StoryRef) {
    STORIES.with_borrow_mut(|s| {
        s.retain(|(i, _)| i != id);
        s.push((id.to_string(), story));
    });
}

/// Names are few and live for the visit.
fn leak(name: &str) -> &'static str {
    thread_local! {
        static NAMES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }
    NAMES.with_borrow_mut(|names| match names.iter().find(|n| **n == name) {
        Some(n) => n,
        None => {
            let n: &'static str = Box::leak(name.to_string().into_boxed_str());
            names.push(n);
            n
        }
    })
}

/// The address of a pack, as the page names it (`<meta
/// name="once-sent-pack" content="<folder>/<pack> <address>">`).
fn address_of(name: &str) -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=once-sent-pack][content^=\"{name} \"]"))
        .ok()??;
    meta.get_attribute("content")?.split_once(' ').map(|(_, url)| url.to_string())
}

/// Where the page keeps every pack's text fetched this visit, by name, for
/// each part of the game: the whole game, taking over from the first
/// part, finds there what the first part fetched.
const PAGE_KEEPS: &str = "onceSentPacks";

/// The page's store of packs ([`PAGE_KEEPS`]), made if not there yet.
fn page_keeps(window: &web_sys::Window) -> Option<js_sys::Object> {
    let kept = js_sys::Reflect::get(window, &PAGE_KEEPS.into()).ok()?;
    if let Some(kept) = kept.dyn_ref::<js_sys::Object>() {
        return Some(kept.clone());
    }
    let kept = js_sys::Object::new();
    js_sys::Reflect::set(window, &PAGE_KEEPS.into(), &kept).ok()?;
    Some(kept)
}

/// Fetches the pack `name` as text, `done` called once: with its text, or
/// why not (the page names no such file, the fetch failed, the server
/// answered with an error, or nothing came within [`PACK_TIMEOUT_MS`]). A
/// pack the page already keeps is not fetched again.
fn fetch_text(name: &str, done: Done) {
    let (Some(window), Some(url)) = (web_sys::window(), address_of(name)) else {
        return done(Err(format!("this page names no file for {name}")));
    };
    let keeps = page_keeps(&window);
    let kept = keeps.as_ref().and_then(|k| js_sys::Reflect::get(k, &name.into()).ok());
    if let Some(text) = kept.and_then(|t| t.as_string()) {
        return done(Ok(Box::leak(text.into_boxed_str())));
    }
    // A second try asks afresh: a browser may hold a new request for an
    // address behind one still hanging (the service worker and a static
    // host read the address without its query).
    let tries = TRIES.with_borrow_mut(|tries| {
        let n = tries.iter().filter(|t| *t == name).count();
        tries.push(name.to_string());
        n
    });
    let url = if tries == 0 { url } else { format!("{url}?try={tries}") };
    type Once = Rc<RefCell<Option<Box<dyn FnOnce(Result<&'static str, String>)>>>>;
    let done: Once = Rc::new(RefCell::new(Some(done)));
    let give = |done: &Once, result: Result<&'static str, String>| {
        if let Some(f) = done.borrow_mut().take() {
            f(result);
        }
    };
    // Each callback is called at most once; they are few (one fetch per
    // pack per visit), so they are left to live rather than tracked.
    let fail = |done: &Once, url: &str| {
        let (done, url) = (done.clone(), url.to_string());
        Closure::once(move |e: JsValue| give(&done, Err(format!("{url} could not be fetched: {e:?}"))))
    };
    let on_text = {
        let (done, name) = (done.clone(), name.to_string());
        Closure::once(move |text: JsValue| match text.as_string() {
            // Kept for the rest of the visit, so the words may live as long.
            Some(words) => {
                if let Some(keeps) = keeps {
                    let _ = js_sys::Reflect::set(&keeps, &name.into(), &text);
                }
                give(&done, Ok(Box::leak(words.into_boxed_str())));
            }
            None => give(&done, Err(String::from("the file holds no text"))),
        })
    };
    let on_response = {
        let (done, url, fail) = (done.clone(), url.clone(), fail(&done, &url));
        Closure::once(move |response: JsValue| match response.dyn_into::<web_sys::Response>() {
            Ok(r) if r.ok() => match r.text() {
                Ok(text) => {
                    let _ = text.then2(&on_text, &fail);
                    on_text.forget();
                    fail.forget();
                }
                Err(e) => give(&done, Err(format!("{url} could not be read: {e:?}"))),
            },
            Ok(r) => give(&done, Err(format!("{url} answered {}", r.status()))),
            Err(_) => give(&done, Err(format!("{url} gave no response"))),
        })
    };
    let on_fail = fail(&done, &url);
    let _ = window.fetch_with_str(&url).then2(&on_response, &on_fail);
    on_response.forget();
    on_fail.forget();
    // A file that never answers (a hung network) gives up in the end, so
    // that the game says so rather than waiting for ever.
    let give_up = later(PACK_TIMEOUT_MS, move || {
        give(&done, Err(format!("{url} did not answer within {} seconds", PACK_TIMEOUT_MS / 1000)))
    });
    std::mem::forget(give_up);
}
