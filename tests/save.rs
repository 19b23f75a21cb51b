#![cfg(not(target_arch = "wasm32"))]
//! The saved game: every point of a playthrough survives encode and decode
//! unchanged, and every kind of corrupt, foreign or stale save is refused
//! with the right reason, never a panic.

use once_sent::game::{At, Event, Game};
use once_sent::save::{decode, encode, SaveError, SAVE_KEY, VERSION};
use once_sent::story::Story;
use serde_json::{json, Value};

fn story() -> Story {
    Story::load().unwrap_or_else(|e| panic!("{e}"))
}

/// Every state of a playthrough making `choice` with `seed`, in order,
/// including the title after Start again.
fn every_point(story: &Story, choice: &str, seed: u64) -> Vec<Game> {
    let start = story.scene(story.start());
    let id = start.choice(choice).unwrap_or_else(|| panic!("no choice {choice}")).id.clone();
    let mut points = vec![Game::new()];
    for event in
        [Event::PressedStart { seed }, Event::Chose(id), Event::PressedNext, Event::PressedStartAgain]
    {
        let next = points.last().unwrap().apply(story, event);
        points.push(next);
    }
    points
}

#[test]
fn every_point_of_a_playthrough_round_trips() {
    let story = story();
    for seed in [0, 1, 14, 1 << 53, u64::MAX] {
        for choice in ["forward", "delete", "tell"] {
            let points = every_point(&story, choice, seed);
            assert!(points.iter().any(|g| g.outcome.is_some()), "the script made no choice");
            for game in points {
                let text = encode(&game);
                assert_eq!(decode(&text, &story), Ok(game.clone()), "{choice}, seed {seed}: {text}");
            }
        }
    }
}

#[test]
fn a_save_names_its_version_and_stores_no_outcome() {
    let story = story();
    let game = every_point(&story, "forward", 42)[2].clone();
    assert!(matches!(&game.at, At::Scene(id) if id.as_str() == "what_happened"));
    let saved: Value = serde_json::from_str(&encode(&game)).unwrap();
    assert_eq!(
        saved,
        json!({"version": VERSION, "scene": "what_happened", "seed": 42, "made": [["class_chat", "forward"]]})
    );
    assert!(SAVE_KEY.starts_with("once-sent."));
    assert!(SAVE_KEY.contains(&format!(".v{VERSION}.")), "the key {SAVE_KEY} names another version");
}

/// A good save at the outcome, as JSON to spoil.
fn good() -> Value {
    json!({"version": 1, "scene": "what_happened", "seed": 7, "made": [["class_chat", "delete"]]})
}

fn with(key: &str, value: Value) -> String {
    let mut save = good();
    save[key] = value;
    save.to_string()
}

fn without(key: &str) -> String {
    let mut save = good();
    save.as_object_mut().unwrap().remove(key);
    save.to_string()
}

#[test]
fn the_spoiled_fixture_starts_out_good() {
    let game = decode(&good().to_string(), &story()).expect("the fixture is a good save");
    assert_eq!(game.seed, 7);
    assert_eq!(game.made.len(), 1);
    assert!(game.outcome.is_some(), "the outcome is recomputed from the choices");
}

#[test]
fn corrupt_saves_are_refused_with_the_reason() {
    use SaveError::*;
    let good_text = good().to_string();
    // Padding that JSON allows, past the size limit: only the size refuses it.
    let huge = format!("{good_text}{}", " ".repeat(100 * 1024));
    #[rustfmt::skip]
    let cases: Vec<(&str, String, SaveError)> = vec![
        ("empty",                     String::new(),                                  Unreadable),
        ("not JSON",                  "once-sent save, honest".into(),                Unreadable),
        ("truncated JSON",            good_text[..good_text.len() / 2].into(),        Unreadable),
        ("a JSON array",              format!("[{good_text}]"),                       Unreadable),
        ("JSON null",                 "null".into(),                                  Unreadable),
        ("an empty object",           "{}".into(),                                    Unreadable),
        ("version 2",                 with("version", json!(2)),                      Version(2)),
        ("version 0",                 with("version", json!(0)),                      Version(0)),
        ("a version of another shape", r#"{"version": 2, "everything": "else"}"#.into(), Version(2)),
        ("a version beyond u32",      with("version", json!(1u64 << 40)),             Version(u32::MAX)),
        ("version missing",           without("version"),                             Unreadable),
        ("version as text",           with("version", json!("1")),                    Unreadable),
        ("version negative",          with("version", json!(-1)),                     Unreadable),
        ("version fractional",        with("version", json!(1.5)),                    Unreadable),
        ("a scene not in the story",  with("scene", json!("the_old_ending")),         Stale),
        ("a scene id of another case", with("scene", json!("Class_Chat")),            Stale),
        ("a choice not in the scene", with("made", json!([["class_chat", "shout"]])), Stale),
        ("a choice in a scene without it", with("made", json!([["help", "delete"]])), Stale),
        ("a choice in a lost scene",  with("made", json!([["gone", "delete"]])),      Stale),
        ("an unknown extra field",    with("cheat", json!(true)),                     Unreadable),
        ("seed missing",              without("seed"),                                Unreadable),
        ("seed negative",             with("seed", json!(-7)),                        Unreadable),
        ("seed too large",            with("seed", json!(1e30)),                      Unreadable),
        ("made of the wrong shape",   with("made", json!([["class_chat"]])),          Unreadable),
        ("scene of the wrong type",   with("scene", json!(3)),                        Unreadable),
        ("a 100 KB string",           "x".repeat(100 * 1024),                         Unreadable),
        ("a good save padded to 100 KB", huge,                                        Unreadable),
        ("deep nesting",              "[".repeat(60_000),                             Unreadable),
    ];
    let story = story();
    for (name, text, want) in cases {
        assert_eq!(decode(&text, &story), Err(want), "{name}");
    }
}

#[test]
fn padding_under_the_size_limit_is_still_read() {
    // So the 100 KB case above is refused for its size, not its spaces.
    let padded = format!("{}{}", good(), " ".repeat(50 * 1024));
    assert!(decode(&padded, &story()).is_ok());
}

#[test]
fn no_prefix_of_a_save_panics_or_is_accepted() {
    let story = story();
    let text = encode(&every_point(&story, "tell", 3)[3]);
    for end in 0..text.len() {
        assert_eq!(decode(&text[..end], &story), Err(SaveError::Unreadable), "prefix {:?}", &text[..end]);
    }
    assert!(decode(&text, &story).is_ok());
}

#[test]
fn save_errors_read_as_sentences() {
    #[rustfmt::skip]
    let cases = [
        (SaveError::Unreadable, "the saved game is not readable"),
        (SaveError::Version(2), "the saved game is from version 2"),
        (SaveError::Stale,      "the saved game names parts of the story that have changed"),
    ];
    for (err, want) in cases {
        assert_eq!(err.to_string(), want);
    }
}
