#![cfg(not(target_arch = "wasm32"))]
//! Everything the game reads from outside itself, fuzzed with proptest
//! (10,000 cases each): saved games, the text Assembly's windows send each
//! other, Explore's address, and the story file. None may panic; what is
//! accepted must read back as itself. Inputs are arbitrary text, and real
//! texts cut, spliced and scribbled on.

use once_sent::assembly::{self, Cue, Hall};
use once_sent::explore::Setup;
use once_sent::game::{Event, Game};
use once_sent::save;
use once_sent::sim::Worlds;
use once_sent::story::Story;
use proptest::prelude::*;

include!("common/fixture.rs");

fn shipped() -> &'static Story {
    static STORY: std::sync::OnceLock<Story> = std::sync::OnceLock::new();
    STORY.get_or_init(|| Story::load().unwrap())
}

/// The seed of every real game here.
const SEED: u64 = 2026;

/// A real save: a game of the shipped story played `steps` steps on.
fn real_save(worlds: &Worlds, steps: usize, seed: u64) -> String {
    let story = shipped();
    let mut game = Game::new().apply(story, worlds, Event::PressedStart { seed });
    game = game.apply(story, worlds, Event::PickedPlayer(story.players()[0].clone()));
    for _ in 0..steps {
        let event = match &game.at {
            once_sent::game::At::Scene(id) => match story.scene(id).choices.first() {
                Some(c) => Event::Chose(c.id.clone()),
                None => Event::PressedNext,
            },
            _ => break,
        };
        game = game.apply(story, worlds, event);
    }
    save::encode(&game)
}

/// An edit to a text: at a place (a share of its length), cut a run out,
/// put a character in, or double a run.
#[derive(Clone, Debug)]
enum Edit {
    Cut(f64, usize),
    Put(f64, char),
    Double(f64, usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (0.0..1.0f64, 1..40usize).prop_map(|(at, n)| Edit::Cut(at, n)),
        (0.0..1.0f64, any::<char>()).prop_map(|(at, c)| Edit::Put(at, c)),
        (0.0..1.0f64, 1..40usize).prop_map(|(at, n)| Edit::Double(at, n)),
    ];
    prop::collection::vec(edit, 1..6)
}

/// `text` with `edits` made, on character boundaries.
fn edited(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let at = |share: f64, len: usize| ((share * len as f64) as usize).min(len);
        match *edit {
            Edit::Cut(share, n) => {
                let i = at(share, chars.len());
                let end = (i + n).min(chars.len());
                chars.drain(i..end);
            }
            Edit::Put(share, c) => {
                let i = at(share, chars.len());
                chars.insert(i, c);
            }
            Edit::Double(share, n) => {
                let i = at(share, chars.len());
                let end = (i + n).min(chars.len());
                let run: Vec<char> = chars[i..end].to_vec();
                chars.splice(end..end, run);
            }
        }
    }
    chars.into_iter().collect()
}

/// Ten thousand cases a test.
fn cases() -> ProptestConfig {
    ProptestConfig { cases: 10_000, ..ProptestConfig::default() }
}

#[test]
fn any_text_as_a_save_is_refused_or_reads_back() {
    let worlds = Worlds::default();
    proptest!(cases(), |(text in ".{0,300}")| {
        if let Ok(game) = save::decode(&text, shipped(), &worlds) {
            prop_assert_eq!(save::decode(&save::encode(&game), shipped(), &worlds), Ok(game));
        }
    });
}

#[test]
fn a_real_save_scribbled_on_is_refused_or_reads_back() {
    // One seed: every save reads back through the same town, built once
    // and kept across the cases.
    let worlds = Worlds::default();
    proptest!(cases(), |(steps in 0..40usize, edits in edits())| {
        let text = edited(&real_save(&worlds, steps, SEED), &edits);
        if let Ok(game) = save::decode(&text, shipped(), &worlds) {
            prop_assert_eq!(save::decode(&save::encode(&game), shipped(), &worlds), Ok(game));
        }
    });
}

#[test]
fn what_assembly_windows_send_scribbled_on_is_refused_or_reads_back() {
    let (story, worlds) = (shipped(), Worlds::default());
    proptest!(cases(), |(cues in prop::collection::vec(0..6u8, 0..30), edits in edits())| {
        let mut hall = Hall::new(story, &worlds, SEED);
        for c in cues {
            let cue = match c { 0 | 1 => Cue::Next, 2 => Cue::Picked(0), 3 => Cue::Counted { option: 1, hands: 7 }, 4 => Cue::Blank, _ => Cue::Back };
            hall = hall.cue(story, &worlds, cue);
        }
        let text = edited(&assembly::encode(&hall), &edits);
        if let Ok(read) = assembly::decode(&text, story, &worlds) {
            prop_assert_eq!(assembly::decode(&assembly::encode(&read), story, &worlds), Ok(read));
        }
    });
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn any_explore_address_gives_a_setup_that_reads_back(query in ".{0,200}") {
        let (setup, faults) = Setup::from_query(&query);
        prop_assert!(faults.len() <= query.split('&').count());
        prop_assert_eq!(Setup::from_query(&setup.to_query()), (setup, vec![]));
    }

    #[test]
    fn a_story_file_scribbled_on_is_refused_in_words_or_loads(edits in edits()) {
        // The compact fixture, so that ten thousand cases stay quick; the
        // checks are the same as for the shipped story.
        let text = edited(FIXTURE, &edits);
        match Story::from_toml(&text) {
            Ok(story) => prop_assert!(!story.scenes().is_empty()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
