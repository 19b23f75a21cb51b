#![cfg(not(target_arch = "wasm32"))]
//! The story loader: the shipped story loads and keeps the content rules, and
//! every kind of broken story file is refused with a fault that names the
//! offending id, never a panic.

use once_sent::story::raw::RawStory;
use once_sent::story::{Effect, SceneKind, Story, StoryError};

/// Reads a story's raw shape from JSON, a compact notation for the table
/// below, and checks it as the game checks the compiled-in story.
fn parse(json: &str) -> Result<Story, StoryError> {
    let raw: RawStory = serde_json::from_str(json).map_err(|e| StoryError(e.to_string()))?;
    Story::from_raw(&raw)
}

/// A story document from its parts, so each table row shows only what
/// matters to it.
fn doc(start: &str, people: &[&str], scenes: &[&str]) -> String {
    let people: Vec<String> = people.iter().map(|p| format!(r#"{{"id":"{p}"}}"#)).collect();
    format!(r#"{{"start":"{start}","people":[{}],"scenes":[{}]}}"#, people.join(","), scenes.join(","))
}

const CHAT: &str = r#"{"id":"a","kind":"chat","chat":"group",
    "messages":[{"id":"hi","from":"pat"},{"id":"pic","from":"pat","photo":true}],
    "choices":[{"id":"send","effect":"forward","next":"b"},{"id":"bin","effect":"delete","next":"b"},
               {"id":"tell","effect":"tell_someone","next":"b"}]}"#;
const OUTCOME: &str = r#"{"id":"b","kind":"outcome","next":"end"}"#;
const ENDING: &str = r#"{"id":"end","kind":"ending"}"#;

fn good() -> String {
    doc("a", &["pat"], &[CHAT, OUTCOME, ENDING])
}

#[test]
fn the_shipped_story_loads() {
    let story = Story::load().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(story.start().as_str(), "class_chat");
    assert!(story.scenes().iter().any(|s| s.kind == SceneKind::Ending), "no ending");
}

#[test]
fn the_shipped_story_offers_forward_delete_and_tell_someone() {
    let story = Story::load().unwrap();
    let first = story.scene(story.start());
    let effects: Vec<Effect> = first.choices.iter().map(|c| c.effect).collect();
    for effect in [Effect::Forward, Effect::Delete, Effect::TellSomeone] {
        assert!(effects.contains(&effect), "the first scene does not offer {effect:?}");
    }
}

#[test]
fn every_ending_of_the_shipped_story_is_the_help_scene() {
    // CONTENT.md: every path ends where help is shown.
    let story = Story::load().unwrap();
    let endings: Vec<&str> =
        story.scenes().iter().filter(|s| s.kind == SceneKind::Ending).map(|s| s.id.as_str()).collect();
    assert_eq!(endings, ["help"]);
}

#[test]
fn the_photo_is_a_message_without_words() {
    let story = Story::load().unwrap();
    let chat = story.find("class_chat").expect("the class chat");
    let photos: Vec<&str> = chat.messages.iter().filter(|m| m.photo).map(|m| m.id.as_str()).collect();
    assert_eq!(photos, ["picture"]);
    assert!(!story.keys().contains(&"scene.class_chat.msg.picture".to_string()));
}

#[test]
fn find_knows_only_the_story_s_scenes() {
    let story = Story::load().unwrap();
    for scene in story.scenes() {
        assert_eq!(story.find(scene.id.as_str()), Some(scene));
        assert_eq!(story.scene(&scene.id), scene);
    }
    assert_eq!(story.find("nowhere"), None);
    assert_eq!(story.find(""), None);
}

#[test]
fn a_good_fixture_parses_with_its_keys() {
    let story = parse(&good()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(story.start().as_str(), "a");
    assert_eq!(story.people().len(), 1);
    let a = story.find("a").unwrap();
    assert_eq!(a.kind, SceneKind::Chat);
    assert_eq!(a.choice("send").map(|c| c.effect), Some(Effect::Forward));
    assert_eq!(a.choice("bin").map(|c| c.effect), Some(Effect::Delete));
    assert_eq!(a.choice("tell").map(|c| c.effect), Some(Effect::TellSomeone));
    assert_eq!(a.choice("nope"), None);
    assert_eq!(story.find("b").unwrap().next.as_ref().map(|n| n.as_str()), Some("end"));
    assert_eq!(
        story.keys(),
        [
            "person.pat.name",
            "scene.a.title",
            "chat.group.name",
            "scene.a.msg.hi",
            "scene.a.choice.send",
            "scene.a.choice.bin",
            "scene.a.choice.tell",
            "scene.b.title",
            "scene.end.title",
        ]
    );
}

#[test]
fn broken_stories_are_refused_naming_the_fault() {
    let dead_end = r#"{"id":"a","kind":"chat","chat":"group","messages":[]}"#;
    let loop_a = r#"{"id":"a","kind":"chat","chat":"g","choices":[
        {"id":"x","effect":"delete","next":"end"},{"id":"y","effect":"delete","next":"loop"}]}"#;
    let loop_1 = r#"{"id":"loop","kind":"outcome","next":"loop_two"}"#;
    let loop_2 = r#"{"id":"loop_two","kind":"outcome","next":"loop"}"#;
    #[rustfmt::skip]
    let cases: Vec<(&str, String, &[&str])> = vec![
        ("unknown next scene",
            doc("a", &[], &[r#"{"id":"a","kind":"outcome","next":"nowhere"}"#, ENDING]),
            &["\"a\"", "\"nowhere\"", "does not exist"]),
        ("unknown choice target",
            doc("a", &[], &[r#"{"id":"a","kind":"chat","chat":"g","choices":[{"id":"x","effect":"delete","next":"gone"}]}"#, ENDING]),
            &["\"a\"", "\"gone\"", "does not exist"]),
        ("unknown start",
            doc("nowhere", &["pat"], &[CHAT, OUTCOME, ENDING]),
            &["starts at \"nowhere\""]),
        ("duplicate scene",
            doc("a", &["pat"], &[CHAT, OUTCOME, ENDING, ENDING]),
            &["\"end\"", "twice"]),
        ("unreachable scene",
            doc("a", &["pat"], &[CHAT, OUTCOME, ENDING, r#"{"id":"island","kind":"ending"}"#]),
            &["\"island\"", "cannot be reached"]),
        ("dead end",
            doc("a", &[], &[dead_end, ENDING]),
            &["\"a\"", "dead end"]),
        ("scene that never leads to an ending",
            doc("a", &[], &[loop_a, loop_1, loop_2, ENDING]),
            &["\"loop\"", "never leads to an ending"]),
        ("unknown effect",
            doc("a", &[], &[r#"{"id":"a","kind":"chat","chat":"g","choices":[{"id":"boom","effect":"explode","next":"end"}]}"#, ENDING]),
            &["\"boom\"", "\"a\"", "\"explode\""]),
        ("unknown kind",
            doc("a", &[], &[r#"{"id":"a","kind":"poem","next":"end"}"#, ENDING]),
            &["\"a\"", "\"poem\""]),
        ("message from unknown person",
            doc("a", &["pat"], &[r#"{"id":"a","kind":"chat","chat":"g","messages":[{"id":"boo","from":"ghost"}],"next":"end"}"#, ENDING]),
            &["\"boo\"", "\"ghost\"", "not in the story"]),
        ("bad scene id",
            doc("Bad-Id", &[], &[r#"{"id":"Bad-Id","kind":"outcome","next":"end"}"#, ENDING]),
            &["\"Bad-Id\"", "lower-case"]),
        ("bad person id",
            doc("a", &["Pat"], &[CHAT, OUTCOME, ENDING]),
            &["\"Pat\"", "lower-case"]),
        ("bad message id",
            doc("a", &["pat"], &[r#"{"id":"a","kind":"chat","chat":"g","messages":[{"id":"hi there","from":"pat"}],"next":"end"}"#, ENDING]),
            &["\"hi there\"", "lower-case"]),
        ("bad choice id",
            doc("a", &[], &[r#"{"id":"a","kind":"chat","chat":"g","choices":[{"id":"Send.it","effect":"forward","next":"end"}]}"#, ENDING]),
            &["\"Send.it\"", "lower-case"]),
        ("empty id",
            doc("a", &[""], &[CHAT, OUTCOME, ENDING]),
            &["\"\"", "lower-case"]),
        ("non-ASCII id",
            doc("a", &["zoë"], &[CHAT, OUTCOME, ENDING]),
            &["\"zoë\"", "lower-case"]),
        ("ending with a next",
            doc("a", &[], &[r#"{"id":"a","kind":"outcome","next":"end"}"#, r#"{"id":"end","kind":"ending","next":"a"}"#]),
            &["\"end\"", "must not go on"]),
        ("ending with choices",
            doc("a", &[], &[r#"{"id":"a","kind":"outcome","next":"end"}"#,
                r#"{"id":"end","kind":"ending","choices":[{"id":"x","effect":"delete","next":"a"}]}"#]),
            &["\"end\"", "must not go on"]),
        ("both choices and next",
            doc("a", &[], &[r#"{"id":"a","kind":"chat","chat":"g","choices":[{"id":"x","effect":"delete","next":"end"}],"next":"end"}"#, ENDING]),
            &["\"a\"", "both choices and a next"]),
        ("chat scene without a chat",
            doc("a", &[], &[r#"{"id":"a","kind":"chat","next":"end"}"#, ENDING]),
            &["\"a\"", "which chat"]),
        ("person listed twice",
            doc("a", &["pat", "pat"], &[CHAT, OUTCOME, ENDING]),
            &["\"pat\"", "twice"]),
        ("two messages with one id",
            doc("a", &["pat"], &[r#"{"id":"a","kind":"chat","chat":"g","messages":[{"id":"hi","from":"pat"},{"id":"hi","from":"pat"}],"next":"end"}"#, ENDING]),
            &["\"a\"", "\"hi\"", "two messages"]),
        ("two choices with one id",
            doc("a", &[], &[r#"{"id":"a","kind":"chat","chat":"g","choices":[{"id":"x","effect":"delete","next":"end"},{"id":"x","effect":"forward","next":"end"}]}"#, ENDING]),
            &["\"a\"", "\"x\"", "two choices"]),
        ("unknown field",
            doc("a", &[], &[r#"{"id":"a","kind":"outcome","next":"end","colour":"red"}"#, ENDING]),
            &["colour"]),
        ("no scenes at all",
            doc("a", &[], &[]),
            &["starts at \"a\""]),
        ("not JSON",
            "start = \"a\"".to_string(),
            &["line 1"]),
        ("truncated JSON",
            good()[..good().len() / 2].to_string(),
            &["EOF"]),
    ];
    for (name, json, needles) in cases {
        let err: StoryError = match parse(&json) {
            Ok(_) => panic!("{name}: the broken story was accepted"),
            Err(e) => e,
        };
        for needle in needles {
            assert!(err.0.contains(needle), "{name}: {:?} does not mention {needle}", err.0);
        }
    }
}

#[test]
fn a_story_error_reads_as_a_sentence() {
    let err = parse(&doc("nowhere", &["pat"], &[CHAT, OUTCOME, ENDING])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The story file has a fault: the story starts at \"nowhere\", which does not exist"
    );
}

#[test]
fn garbage_never_panics() {
    let good = good();
    let mut inputs: Vec<String> =
        vec![String::new(), "null".into(), "[]".into(), "{}".into(), "\u{0}".into(), "[".repeat(10_000)];
    // Every prefix of a good story: each is refused, none panics.
    inputs.extend((0..good.len()).filter(|&i| good.is_char_boundary(i)).map(|i| good[..i].to_string()));
    for input in inputs {
        assert!(parse(&input).is_err(), "accepted {input:?}");
    }
}

// ---- the authored format ----

const GOOD_TOML: &str = r#"
# A comment, as authors write them.
start = "a"

[[people]]
id = "pat"

[[scenes]]
id = "a"
kind = "chat"
chat = "group"
messages = [{ id = "hi", from = "pat" }, { id = "pic", from = "pat", photo = true }]
choices = [{ id = "send", effect = "forward", next = "end" }]

[[scenes]]
id = "end"
kind = "ending"
"#;

#[test]
fn the_authored_toml_format_reads_into_the_same_story() {
    let story = Story::from_toml(GOOD_TOML).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(story.start().as_str(), "a");
    assert!(story.find("a").unwrap().messages[1].photo);
    assert_eq!(story.find("a").unwrap().choice("send").unwrap().next.as_str(), "end");
}

#[test]
fn a_toml_mistake_is_named_with_its_line() {
    let typo = GOOD_TOML.replace("kind = \"ending\"", "kind = ending");
    let err = Story::from_toml(&typo).unwrap_err();
    assert!(err.0.contains("line 17"), "{err}");
    let unknown = GOOD_TOML.replace("chat = \"group\"", "chat = \"group\"\ncolour = \"red\"");
    assert!(Story::from_toml(&unknown).unwrap_err().0.contains("colour"));
    let dangling = GOOD_TOML.replace("next = \"end\"", "next = \"nowhere\"");
    assert!(Story::from_toml(&dangling).unwrap_err().0.contains("\"nowhere\", which does not exist"));
}

#[test]
fn the_shipped_story_file_reads_the_same_at_run_time_as_compiled_in() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/story/story.toml")).unwrap();
    assert_eq!(Story::from_toml(&text).unwrap(), Story::load().unwrap());
}
