#![cfg(not(target_arch = "wasm32"))]
//! The doors of the game (src/door.rs) as a table, the way routes are
//! tested: every door's address leads back to it, every address the game
//! writes or links to is a door, and every other address is "not found",
//! never a panic.

use once_sent::door::Door;
use once_sent::guides::PAGES;
use proptest::prelude::*;

/// Every door there is, with its address.
fn doors() -> Vec<(Door, &'static str)> {
    let mut all = vec![
        (Door::Story, "#"),
        (Door::Together, "#together"),
        (Door::Explore(String::new()), "#explore"),
        (Door::Explore("forward=8&scale=class".into()), "#explore?forward=8&scale=class"),
        (Door::Assembly { audience: false }, "#assembly"),
        (Door::Assembly { audience: true }, "#assembly?view=audience"),
        (Door::Quiz, "#quiz"),
        (Door::Paper, "#quiz-paper"),
        (Door::Poster, "#poster"),
    ];
    let pages = [
        ("teachers", "#teachers"),
        ("parents", "#parents"),
        ("letter", "#letter"),
        ("privacy", "#privacy"),
        ("accessibility", "#accessibility"),
    ];
    assert_eq!(pages.len(), PAGES.len(), "a page without its address in this table");
    all.extend(pages.map(|(page, href)| (Door::Page(PAGES.into_iter().find(|p| *p == page).unwrap()), href)));
    all
}

#[test]
fn every_door_has_its_address_and_leads_back_to_it() {
    for (door, href) in doors() {
        assert_eq!(door.href(), href, "{door:?}");
        assert_eq!(Door::parse(href), door, "{href}");
    }
    // The story's address as the browser reports it, with nothing after #.
    assert_eq!(Door::parse(""), Door::Story);
}

#[test]
fn an_address_that_names_no_door_is_not_found() {
    // Issue 15: these showed the title with no word of why.
    for bad in [
        "#assembly?view=anything",
        "#teachers?x=1",
        "#nowhere",
        "#Teachers",
        "#explorer",
        "#together?again",
        "teachers",
        "##",
        "#assembly?view=audience&x",
        "#quiz-",
        "#quiz?paper",
    ] {
        assert_eq!(Door::parse(bad), Door::NotFound, "{bad}");
    }
    // Not found leads to the story's start.
    assert_eq!(Door::parse(&Door::NotFound.href()), Door::Story);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn any_address_is_a_door_whose_address_leads_back(hash in ".{0,60}") {
        let door = Door::parse(&hash);
        if door != Door::NotFound {
            prop_assert_eq!(Door::parse(&door.href()), door);
        }
    }

    #[test]
    fn any_explore_setup_survives_its_address(query in "[^#]{0,80}") {
        let door = Door::Explore(query.clone());
        prop_assert_eq!(Door::parse(&door.href()), door);
    }
}

// ---- The names the game keeps things under (src/keys.rs) ----

/// Every `.rs` file under `src/`, as (path, text).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_storage_key_and_the_channel_are_named_in_one_place() {
    use once_sent::keys::{ALL, CHANNEL, KEY_PREFIX};
    for key in ALL {
        assert!(
            key.starts_with(KEY_PREFIX) && key.starts_with("once-sent.v1."),
            "{key}: namespaced and versioned"
        );
    }
    let mut unique = ALL.to_vec();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ALL.len(), "two uses of one key");
    assert!(!CHANNEL.starts_with(KEY_PREFIX), "the channel is not a storage key");
    // Nothing else names one.
    let elsewhere: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| !path.ends_with("src/keys.rs"))
        .filter(|(_, text)| text.contains("\"once-sent.") || text.contains(&format!("\"{CHANNEL}\"")))
        .map(|(path, _)| path)
        .collect();
    assert!(elsewhere.is_empty(), "a key named outside src/keys.rs: {elsewhere:?}");
}

#[test]
fn every_door_needs_a_pack_the_build_wrote_and_a_story_s_door_needs_its_story() {
    let story = once_sent::content::first_story();
    let written: Vec<&str> = once_sent::i18n::PACKS.iter().map(|(p, _)| *p).collect();
    for (door, address) in doors() {
        let packs = door.packs(story);
        assert!(!packs.is_empty(), "{address} needs the words of some pack");
        for pack in &packs {
            assert!(
                written.contains(&pack.as_str()),
                "{address} needs {pack}, which the build did not write"
            );
        }
        // The knowledge check's items are the story's words too.
        let plays = matches!(
            door,
            Door::Story
                | Door::Together
                | Door::Explore(_)
                | Door::Assembly { .. }
                | Door::Quiz
                | Door::Paper
        );
        assert_eq!(packs.contains(&story.pack()), plays, "{address}");
    }
    assert_eq!(Door::Page("teachers").packs(story), ["guides"]);
    assert_eq!(Door::Quiz.packs(story), ["guides", "check", "story-once-sent"]);
    assert_eq!(
        Door::Assembly { audience: true }.packs(story),
        ["assembly", "check", "play", "story-once-sent"]
    );
    assert_eq!(Door::Story.packs(story), ["play", "story-once-sent"]);
}

#[test]
fn each_story_keeps_its_own_hall_clock_and_channel_and_the_first_keeps_the_old_names() {
    use once_sent::keys::{channel, clock_key, hall_key, CHANNEL, CLOCK_KEY, HALL_KEY, KEY_PREFIX};
    let first = once_sent::content::first_story().id;
    assert_eq!(hall_key(first), HALL_KEY, "a hall kept before there were stories still resumes");
    assert_eq!(clock_key(first), CLOCK_KEY);
    assert_eq!(channel(first), CHANNEL, "windows of the last version still hear each other");
    let other = "another-story";
    let names = [hall_key(other), clock_key(other), channel(other)];
    for (name, old) in names.iter().zip([HALL_KEY, CLOCK_KEY, CHANNEL]) {
        assert_ne!(name, old, "another story's {old} is its own");
        assert!(name.contains(other), "{name}");
    }
    // Forget everything finds another story's hall and clock by the prefix.
    assert!(names[..2].iter().all(|k| k.starts_with(KEY_PREFIX)));
    assert!(!names[2].starts_with(KEY_PREFIX), "the channel is not a storage key");
}

#[test]
fn the_doors_own_styles_are_for_explore_assembly_and_the_guides_alone() {
    for (door, address) in doors() {
        let want = matches!(
            door,
            Door::Explore(_)
                | Door::Assembly { .. }
                | Door::Page(_)
                | Door::Quiz
                | Door::Paper
                | Door::Poster
        );
        assert_eq!(door.styled(), want, "{address}");
    }
    assert!(
        !Door::Story.styled() && !Door::Together.styled(),
        "the story's screens are styled by the first load"
    );
}
