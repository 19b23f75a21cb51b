#![cfg(not(target_arch = "wasm32"))]
//! The facts the game states, checked in every language (issue 14): every
//! running order of every story, however short, carries that story's whole
//! message (as its `assets/stories/<id>/message.toml` declares it) and
//! where help is; no text overclaims what reporting or deleting does, or
//! states the law on keeping a picture without its defence; a screenshot is
//! a new copy; each study's figure is quoted with that study; and the help
//! that every ending shows reads easily.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use once_sent::assembly::{self, Card, Cue, Hall};
use once_sent::content::{story_pack, STORIES};
use once_sent::game::{At, Event, Game};
use once_sent::i18n::{Catalogue, Lang, BUNDLE};
use once_sent::sim::Worlds;
use once_sent::story::{Effect, SceneKind, Story};

fn story() -> Story {
    Story::load().unwrap()
}

/// The help panel that every ending (and the projector's last screen) shows.
const HELP_PANEL: [&str; 7] = [
    "ui.help.heading",
    "help.hope",
    "ui.help.intro",
    "ui.help.childline",
    "ui.help.childline_number",
    "ui.help.report_remove",
    "ui.help.adult",
];

/// What a run put on screen: the story's own words (scenes, what the
/// choice did, cards), and the help panels beside them.
#[derive(Default)]
struct Screens {
    story: Vec<String>,
    help: Vec<String>,
}

impl Screens {
    /// The keys of `game`'s scene, or of the card over it.
    fn add(&mut self, story: &Story, game: &Game, card: Option<&Card>) {
        match card {
            Some(Card::Prompt(c)) => self.story.push(c.prompt_key()),
            Some(Card::Summary(c)) => self.story.push(c.summary_key()),
            Some(Card::Help) => self.help.extend(HELP_PANEL.map(String::from)),
            // The knowledge check's statements: the message is carried
            // without them, whether the presenter asks for them or not.
            Some(Card::Check { .. } | Card::Change) => {}
            None => {
                let At::Scene(id) = &game.at else { return };
                let scene = story.scene(id);
                self.story.extend(scene.keys());
                match scene.kind {
                    SceneKind::Outcome => {
                        self.story.extend(game.picture_effect(story).map(Effect::outcome_key));
                    }
                    SceneKind::Ending => self.help.extend(HELP_PANEL.map(String::from)),
                    _ => {}
                }
            }
        }
    }
}

/// Whether the choices of a scene are a decision: one about the picture,
/// or one whose options lead to different scenes (not small talk).
fn decides(choices: &[once_sent::story::Choice]) -> bool {
    choices.iter().any(|c| c.effect.is_some() || c.next != choices[0].next)
}

/// At a choice, which option a run takes: at a decision, option `pick`
/// (its last, if it has fewer); a `pick` past [`picks`]'s count counts from
/// the other end, so that runs mix early and late options; at small talk,
/// the first.
fn option_at(story: &Story, game: &Game, pick: usize) -> usize {
    let At::Scene(id) = &game.at else { return 0 };
    let choices = &story.scene(id).choices;
    if !decides(choices) {
        return 0;
    }
    let last = choices.len() - 1;
    let most = picks(story);
    if pick < most {
        pick.min(last)
    } else {
        last - (pick - most).min(last)
    }
}

/// What Assembly's running order `order` shows, the hall choosing option
/// `pick` about the picture, to its very end.
fn in_assembly(story: &Story, worlds: &Worlds, order: usize, pick: usize) -> Screens {
    let mut hall =
        Hall::new(story, worlds, 3).cue(story, worlds, Cue::Ordered(order)).cue(story, worlds, Cue::Next);
    let mut screens = Screens::default();
    for _ in 0..300 {
        screens.add(story, &hall.game, hall.card());
        if hall.card() == Some(&Card::Help) {
            return screens;
        }
        let options = hall.options(story);
        hall = if options.is_empty() || hall.card().is_some() {
            hall.cue(story, worlds, Cue::Next)
        } else {
            hall.cue(story, worlds, Cue::Picked(option_at(story, &hall.game, pick)))
        };
    }
    panic!("order {order} never reached where help is");
}

/// What playing together shows, choosing option `pick` about the picture.
fn together(story: &Story, worlds: &Worlds, pick: usize) -> Screens {
    let started = Game::new().apply(story, worlds, Event::PressedStart { seed: 3 });
    let who = Event::PickedPlayer(story.players()[0].clone());
    let (mut game, mut game_cards) = assembly::together(story, worlds, &started, who);
    let mut screens = Screens::default();
    for _ in 0..300 {
        if let Some(card) = game_cards.first().cloned() {
            screens.add(story, &game, Some(&card));
            game_cards.remove(0);
            continue;
        }
        screens.add(story, &game, None);
        let At::Scene(id) = &game.at else { panic!("{:?}", game.at) };
        let scene = story.scene(id);
        if scene.kind == SceneKind::Ending {
            return screens;
        }
        let event = match scene.choices.get(option_at(story, &game, pick)) {
            Some(choice) => Event::Chose(choice.id.clone()),
            None => Event::PressedNext,
        };
        let (next, cards) = assembly::together(story, worlds, &game, event);
        (game, game_cards) = (next, cards);
    }
    panic!("playing together never reached an ending");
}

/// The language folders under `assets/i18n/`, by name: each story's
/// `message.toml` gives every message words in each.
fn language_folders() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/i18n");
    let mut folders: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    folders.sort();
    folders
}

/// A story's whole message, as its `message.toml` declares it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageFile {
    messages: Vec<Message>,
}

/// One of the messages every run of a story must carry: its name, and for
/// each language folder, words that say it in lower case (any one of them
/// will do).
#[derive(serde::Deserialize)]
struct Message {
    name: String,
    #[serde(flatten)]
    phrases: BTreeMap<String, Vec<String>>,
}

/// The messages in the text of a `message.toml` (`file` names it in what
/// goes wrong), checked: at least one; each named once, with a phrase in
/// every one of `langs` and no other key; every phrase in lower case.
fn parse_messages(file: &str, text: &str, langs: &[String]) -> Result<Vec<Message>, String> {
    let parsed: MessageFile = toml::from_str(text).map_err(|e| format!("{file} cannot be read:\n{e}"))?;
    if parsed.messages.is_empty() {
        return Err(format!("{file} lists no [[messages]]"));
    }
    let mut names = BTreeSet::new();
    for m in &parsed.messages {
        if !names.insert(m.name.as_str()) {
            return Err(format!("{file}: the message \"{}\" is there twice", m.name));
        }
        if let Some(key) = m.phrases.keys().find(|k| !langs.contains(k)) {
            return Err(format!(
                "{file}: the message \"{}\" has \"{key}\", which is not a language folder under \
                 assets/i18n/ ({})",
                m.name,
                langs.join(", ")
            ));
        }
        for lang in langs {
            let phrases = m.phrases.get(lang).map_or(&[][..], Vec::as_slice);
            if phrases.is_empty() {
                return Err(format!("{file}: the message \"{}\" has no phrase for {lang}", m.name));
            }
            if let Some(p) = phrases.iter().find(|p| p.trim().is_empty() || **p != p.to_lowercase()) {
                return Err(format!(
                    "{file}: the {lang} phrase {p:?} of the message \"{}\" must be words in lower \
                     case (they are matched against the lower-cased words shown)",
                    m.name
                ));
            }
        }
    }
    Ok(parsed.messages)
}

/// The folder of story `id`: in `assets/stories/`, or, with the test-only
/// `fixture` feature, in the folder laid over `assets/` that holds it.
fn story_folder(id: &str) -> PathBuf {
    let mut roots = vec![PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets"))];
    if cfg!(feature = "fixture") {
        roots.extend(std::env::var_os("ONCE_SENT_FIXTURE").map(PathBuf::from));
    }
    let folders: Vec<PathBuf> = roots.iter().map(|r| r.join("stories").join(id)).collect();
    folders.iter().find(|f| f.join("story.toml").exists()).unwrap_or(&folders[0]).clone()
}

/// The whole message of story `id`, from its `message.toml`, checked.
fn messages(id: &str) -> Result<Vec<Message>, String> {
    let path = story_folder(id).join("message.toml");
    let file = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&path).display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{file} cannot be read ({e}): every story the catalogue lists declares its whole \
             message there"
        )
    })?;
    parse_messages(&file, &text, &language_folders())
}

/// The words of story `id` in `lang`, as a run of it shows them: the core,
/// every door's pack and that story's own.
fn words(lang: Lang, id: &str) -> Catalogue {
    let tag = lang.folder();
    let story = story_pack(id);
    let mut cat = Catalogue::core(lang).unwrap_or_else(|e| panic!("{e}"));
    for (_, pack, text) in BUNDLE
        .iter()
        .filter(|(t, p, _)| *t == tag && *p != "core" && (!p.starts_with("story-") || *p == story))
    {
        cat = cat.with_pack(pack, text).unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(cat.has_pack(&story), "{tag} has no words for the story \"{id}\"");
    cat
}

/// The words of `keys` in `cat`, together, in lower case.
fn text(cat: &Catalogue, keys: &[String]) -> String {
    keys.iter().map(|k| cat.t(k).to_lowercase()).collect::<Vec<_>>().join("\n")
}

/// Which of `messages` `screens` lacks in the language of `cat`, and
/// whether it lacks where help is.
fn lacking<'a>(cat: &Catalogue, messages: &'a [Message], screens: &Screens) -> Vec<&'a str> {
    let story = text(cat, &screens.story);
    let lang = cat.lang().folder();
    let mut missing: Vec<&str> = messages
        .iter()
        .filter(|m| {
            !m.phrases.get(lang).is_some_and(|words| words.iter().any(|w| story.contains(w.as_str())))
        })
        .map(|m| m.name.as_str())
        .collect();
    if !text(cat, &screens.help).contains("0800 1111") {
        missing.push("where help is");
    }
    missing
}

/// How many options a run can take at a decision: those of the decision
/// that offers the most (one, for a story with none). Runs take each
/// `pick` below twice this ([`option_at`]).
fn picks(story: &Story) -> usize {
    story.scenes().iter().filter(|s| decides(&s.choices)).map(|s| s.choices.len()).max().unwrap_or(1)
}

#[test]
fn every_running_order_of_every_story_carries_its_whole_message_whatever_the_hall_chooses() {
    let worlds = Worlds::default();
    let mut faults = Vec::new();
    for info in STORIES {
        let story = Story::load_id(info.id).unwrap_or_else(|e| panic!("{}: {e}", info.id));
        let messages = match messages(info.id) {
            Ok(messages) => messages,
            Err(fault) => {
                faults.push(fault);
                continue;
            }
        };
        for lang in Lang::ALL {
            let cat = words(lang, info.id);
            for pick in 0..2 * picks(&story) {
                let runs = story
                    .orders()
                    .iter()
                    .enumerate()
                    .map(|(i, order)| (&order.name, in_assembly(&story, &worlds, i, pick)))
                    .chain([(&story.together().name, together(&story, &worlds, pick))]);
                for (order, screens) in runs {
                    let missing = lacking(&cat, &messages, &screens);
                    if !missing.is_empty() {
                        faults.push(format!(
                            "{} {} {order}, choice {pick}: lacks {missing:?}",
                            info.id,
                            lang.tag()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        faults.is_empty(),
        "runs lacking part of their story's message (story, language, running order, option \
         about the picture), or a story's message.toml refused:\n{}",
        faults.join("\n")
    );
}

#[test]
fn a_message_file_is_refused_without_every_language_or_with_another() {
    let langs = language_folders();
    assert!(langs.contains(&String::from("en-GB")) && langs.contains(&String::from("cy")), "{langs:?}");
    let file = "assets/stories/x/message.toml";
    let fault = |text: &str| parse_messages(file, text, &langs).err().unwrap_or_default();
    let fine = "[[messages]]\nname = \"a\"\nen-GB = [\"a\"]\ncy = [\"a\"]\n";
    assert_eq!(parse_messages(file, fine, &langs).unwrap().len(), 1);
    for (text, says) in [
        ("[[messages]]\nname = \"a\"\nen-GB = [\"a\"]\n", "no phrase for cy"),
        ("[[messages]]\nname = \"a\"\nen-GB = [\"a\"]\ncy = []\n", "no phrase for cy"),
        ("[[messages]]\nname = \"a\"\nen-GB = [\"a\"]\ncy = [\"a\"]\nfr = [\"a\"]\n", "\"fr\""),
        ("[[messages]]\nname = \"a\"\nen-GB = [\"A\"]\ncy = [\"a\"]\n", "lower case"),
        ("[[messages]]\nname = \"a\"\nen-GB = \"a\"\ncy = [\"a\"]\n", "cannot be read"),
        ("", "cannot be read"),
        (&format!("{fine}{fine}"), "twice"),
    ] {
        let fault = fault(text);
        assert!(fault.starts_with(file) && fault.contains(says), "{text:?}: {fault}");
    }
    let missing = messages("no-such-story").err().unwrap_or_default();
    assert!(missing.starts_with("assets/stories/no-such-story/message.toml"), "{missing}");
}

#[test]
fn a_run_without_its_summaries_would_lack_the_message() {
    let worlds = Worlds::default();
    // The check above can fail: the 5-minute assembly without its summary
    // cards says nothing of the law, nor of Ellie's side.
    let story = story();
    let messages = messages(once_sent::content::first_story().id).unwrap_or_else(|e| panic!("{e}"));
    let cat = Catalogue::load(Lang::EnGb).unwrap();
    let mut screens = in_assembly(&story, &worlds, 0, 0);
    screens.story.retain(|k| !k.ends_with(".summary"));
    let missing = lacking(&cat, &messages, &screens);
    assert!(missing.contains(&"the law") && missing.contains(&"not her fault"), "{missing:?}");
}

#[test]
fn every_chapter_of_every_story_has_a_short_summary() {
    for info in STORIES {
        let story = Story::load_id(info.id).unwrap();
        for lang in Lang::ALL {
            let cat = words(lang, info.id);
            let most = if lang == Lang::Cy { 70 } else { 60 };
            for chapter in story.chapters() {
                let n = cat.t(&chapter.id.summary_key()).split_whitespace().count();
                assert!((20..=most).contains(&n), "{} {} {}: {n} words", info.id, lang.tag(), chapter.id);
            }
        }
    }
}

// ---- Words that must not overclaim ----

/// Every text of a language, with its key.
fn texts(cat: &Catalogue) -> Vec<(String, String)> {
    cat.keys()
        .flat_map(|k| {
            let forms: Vec<(String, String)> = if cat.is_plural(k) {
                cat.forms(k).map(|(_, t)| (k.to_string(), t.to_string())).collect()
            } else {
                vec![(k.to_string(), cat.t(k).to_string())]
            };
            forms
        })
        .collect()
}

/// The sentences of a text (and the items of its lists), in lower case.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut sentence = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            sentence.push(c);
            if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|n| n.is_whitespace()) {
                out.push(sentence.trim().to_lowercase());
                sentence.clear();
            }
        }
        if !sentence.trim().is_empty() {
            out.push(sentence.trim().to_lowercase());
        }
    }
    out
}

/// Sentences that say `claim` (any of its words) without `but` (any of
/// its words), in any language, with any story's words, as "key:
/// sentence".
fn claims_without(claim: &[&str], but: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for lang in Lang::ALL {
        for info in STORIES {
            for (key, text) in texts(&words(lang, info.id)) {
                for s in sentences(&text) {
                    if claim.iter().any(|c| s.contains(c)) && !but.iter().any(|b| s.contains(b)) {
                        found.push(format!("{} {key}: {s}", lang.tag()));
                    }
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn nothing_promises_that_a_picture_will_be_taken_down() {
    // Reporting, Report Remove and hash-blocking can help; none guarantees
    // removal (CONTENT.md, "Facts the game must state carefully").
    let found = claims_without(
        &["taken down", "take it down,", "take a post down", "tynnu i lawr", "thynnu i lawr", "dynnu i lawr"],
        &["help", "can ", "gall", "helpu"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn nothing_says_a_phone_is_clear_or_a_post_removed_or_prison() {
    let found = claims_without(
        &[
            "phone is clear",
            "your copy is gone",
            "says removed",
            "stops it being sent on",
            "ffôn yn glir",
            "wedi'i dynnu",
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:#?}");
    // Prison only ever as what never to say (the teachers' guide).
    let found = claims_without(&["prison", "carchar"], &["never", "byth"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn keeping_a_picture_is_never_called_an_offence_without_its_defence() {
    // Possession is an offence (CJA 1988 s160) with a defence for a picture
    // sent without asking and not kept: say both, or neither.
    let found = claims_without(
        &["keeping one", "keeping, a", "and keeping", "or keeping", "cadw un", "a chadw", "neu gadw"],
        &["ask", "defence", "unless", "gofyn", "amddiffyniad", "oni bai"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_screenshot_is_a_new_copy_and_replying_deletes_nothing() {
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap();
        let screenshot = cat.t(&Effect::Screenshot.outcome_key()).to_lowercase();
        let (new_copy, delete) =
            if lang == Lang::Cy { ("copi newydd", "dileu") } else { ("new copy", "delet") };
        assert!(screenshot.contains(new_copy), "{}: {screenshot}", lang.tag());
        let reply = cat.t(&Effect::ReplyStop.outcome_key()).to_lowercase();
        assert!(!reply.contains(delete), "{}: replying deletes nothing: {reply}", lang.tag());
    }
}

#[test]
fn each_study_is_quoted_with_its_own_figure() {
    // Madigan 2018: 12 in 100 forwarded; Molla-Esparza 2020: 7, or 4 in
    // probability samples. A sentence naming one study gives its figures.
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap();
        for (key, text) in texts(&cat) {
            for part in text.split(';') {
                let part = part.to_lowercase();
                let (madigan, molla) = (part.contains("madigan"), part.contains("molla-esparza"));
                if madigan && !molla {
                    assert!(part.contains("12") && !part.contains(" 4 "), "{} {key}: {part}", lang.tag());
                }
                if molla && !madigan {
                    assert!(part.contains('7') && part.contains('4'), "{} {key}: {part}", lang.tag());
                }
            }
        }
    }
}

// ---- Reading level ----

/// Syllables in an English word, by its groups of vowels (a silent final
/// "e" aside): the usual estimate behind reading-grade formulas.
fn syllables(word: &str) -> usize {
    let w: String = word.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_lowercase();
    let mut groups = 0;
    let mut in_vowels = false;
    for c in w.chars() {
        let vowel = "aeiouy".contains(c);
        if vowel && !in_vowels {
            groups += 1;
        }
        in_vowels = vowel;
    }
    if w.ends_with('e') && !w.ends_with("le") && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// The Flesch-Kincaid grade of an English text: the school grade (US) that
/// reads it easily. Numbers are left out as words.
fn grade(text: &str) -> f64 {
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let sentences = sentences(text).len().max(1) as f64;
    let n = words.len().max(1) as f64;
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    0.39 * n / sentences + 11.8 * syllables as f64 / n - 15.59
}

#[test]
fn the_reading_grade_formula_tells_hard_from_easy() {
    let hard = "Report Remove, from Childline and the Internet Watch Foundation, can help get a nude image of you taken down if you are under 18.";
    assert!(grade(hard) > 9.0, "{}", grade(hard));
    assert!(grade("You can talk to us. It is free.") < 2.0);
    assert_eq!(syllables("image"), 2);
    assert_eq!(syllables("little"), 2);
    assert_eq!(syllables("Foundation"), 3);
}

#[test]
fn the_help_on_every_ending_reads_at_grade_six_or_below() {
    let cat = Catalogue::load(Lang::EnGb).unwrap();
    for key in HELP_PANEL.iter().chain(&["ui.content_note.body"]) {
        let g = grade(cat.t(key));
        assert!(g <= 6.0, "{key}: grade {g:.1}: {}", cat.t(key));
    }
}

#[test]
fn every_story_names_who_posts_the_picture_in_every_language() {
    // The map's class close up names the one who posted it beside the
    // player: the story's own character, never another story's.
    let mut mapped = 0;
    for info in STORIES {
        let story = Story::load_id(info.id).unwrap_or_else(|e| panic!("{}: {e}", info.id));
        // Only a story whose picture spreads shows the map.
        if !story.scenes().iter().flat_map(|s| &s.choices).any(|c| c.effect.is_some()) {
            continue;
        }
        mapped += 1;
        let sender = story.sender().unwrap_or_else(|| panic!("{}: nobody posts the picture", info.id));
        assert!(story.people().iter().any(|p| &p.id == sender), "{}: {sender} is not in the story", info.id);
        for lang in Lang::ALL {
            let cat = words(lang, info.id);
            assert!(cat.has(&sender.name_key()), "{} {}: no name for {sender}", info.id, lang.tag());
        }
    }
    assert!(mapped >= 2, "the first story and Not even real show the map");
    assert_eq!(Story::load_id("not-even-real").unwrap().sender().map(|p| p.as_str()), Some("liam"));
}
