#![cfg(not(target_arch = "wasm32"))]
//! The game reducer, as scripted playthroughs of the shipped story: each
//! choice reaches the ending where help is, with the spread's tally and its
//! provenance; stale events change nothing; Start again forgets everything.

use once_sent::game::{spread, At, Event, Game, Made};
use once_sent::sim::Tally;
use once_sent::story::{ChoiceId, Effect, SceneKind, Story};

fn story() -> Story {
    Story::load().unwrap_or_else(|e| panic!("{e}"))
}

/// The id of `choice` in `scene` of the shipped story (ids are made only by
/// the loader).
fn choice(scene: &str, choice: &str) -> ChoiceId {
    let story = story();
    let scene = story.find(scene).unwrap_or_else(|| panic!("no scene {scene}"));
    scene.choice(choice).unwrap_or_else(|| panic!("no choice {choice}")).id.clone()
}

fn scene_of(game: &Game) -> Option<&str> {
    match &game.at {
        At::Title => None,
        At::Scene(id) => Some(id.as_str()),
    }
}

/// Presses Next until the scene asks for a choice or the story ends.
fn next_until_choice(story: &Story, mut game: Game) -> Game {
    for _ in 0..100 {
        let At::Scene(id) = &game.at else { return game };
        let scene = story.scene(id);
        if !scene.choices.is_empty() || scene.kind == SceneKind::Ending {
            return game;
        }
        game = game.apply(story, Event::PressedNext);
    }
    panic!("Next never reached a choice or an ending");
}

/// Starts with `seed`, makes `choices` in turn (pressing Next in between)
/// and plays on to the end.
fn play(choices: &[&str], seed: u64) -> Game {
    let story = story();
    let mut game = Game::new().apply(&story, Event::PressedStart { seed });
    for name in choices {
        game = next_until_choice(&story, game);
        let scene = story.scene(match &game.at {
            At::Scene(id) => id,
            At::Title => panic!("on the title before choosing {name}"),
        });
        let id = scene.choice(name).unwrap_or_else(|| panic!("{} offers no {name}", scene.id)).id.clone();
        game = game.apply(&story, Event::Chose(id));
    }
    next_until_choice(&story, game)
}

#[test]
fn every_choice_ends_where_help_is() {
    #[rustfmt::skip]
    let cases = [
        ("forward", Effect::Forward),
        ("delete",  Effect::Delete),
        ("tell",    Effect::TellSomeone),
    ];
    for seed in [0, 1, 14, 2024, u64::MAX] {
        for (name, effect) in cases {
            let game = play(&[name], seed);
            assert_eq!(scene_of(&game), Some("help"), "{name}, seed {seed}");
            assert_eq!(game.seed, seed);
            assert_eq!(
                game.made,
                [Made { scene: story().start().clone(), choice: choice("class_chat", name) }],
                "{name}, seed {seed}"
            );
            assert_eq!(game.outcome, Some(spread(effect, seed)), "{name}, seed {seed}");
        }
    }
}

#[test]
fn a_playthrough_visits_chat_outcome_then_help() {
    let story = story();
    let mut game = Game::new();
    let mut path = vec![scene_of(&game).map(str::to_owned)];
    for event in
        [Event::PressedStart { seed: 3 }, Event::Chose(choice("class_chat", "delete")), Event::PressedNext]
    {
        game = game.apply(&story, event);
        path.push(scene_of(&game).map(str::to_owned));
    }
    let path: Vec<Option<&str>> = path.iter().map(Option::as_deref).collect();
    assert_eq!(path, [None, Some("class_chat"), Some("what_happened"), Some("help")]);
}

#[test]
fn the_outcome_arrives_with_the_choice() {
    let story = story();
    let started = Game::new().apply(&story, Event::PressedStart { seed: 5 });
    assert_eq!(started.outcome, None);
    assert!(started.made.is_empty());
    let chosen = started.apply(&story, Event::Chose(choice("class_chat", "forward")));
    assert_eq!(chosen.outcome, Some(spread(Effect::Forward, 5)));
    let on = chosen.apply(&story, Event::PressedNext);
    assert_eq!(on.outcome, chosen.outcome, "Next keeps the outcome");
}

#[test]
fn only_a_forward_puts_copies_down_to_the_player() {
    let from_player = |name: &str, seed| play(&[name], seed).outcome.expect("an outcome").from_player;
    let seeds = 0..200;
    assert!(
        seeds.clone().any(|s| from_player("forward", s) > 0),
        "no seed in 0..200 lets a forward reach anyone"
    );
    for seed in seeds {
        assert_eq!(from_player("delete", seed), 0, "delete, seed {seed}");
        assert_eq!(from_player("tell", seed), 0, "tell, seed {seed}");
    }
}

#[test]
fn the_same_seed_replays_the_same_game() {
    for seed in 0..50 {
        for name in ["forward", "delete", "tell"] {
            assert_eq!(play(&[name], seed), play(&[name], seed), "{name}, seed {seed}");
        }
    }
    let tallies: Vec<Tally> = (0..50).map(|s| play(&["forward"], s).outcome.unwrap()).collect();
    assert!(tallies.windows(2).any(|w| w[0] != w[1]), "the seed changes nothing");
}

#[test]
fn stale_events_change_nothing() {
    let story = story();
    let title = Game::new();
    let chat = title.apply(&story, Event::PressedStart { seed: 9 });
    let outcome = chat.apply(&story, Event::Chose(choice("class_chat", "tell")));
    let ending = outcome.apply(&story, Event::PressedNext);
    assert_eq!(scene_of(&chat), Some("class_chat"));
    assert_eq!(scene_of(&outcome), Some("what_happened"));
    assert_eq!(scene_of(&ending), Some("help"));

    // A choice id the story does not offer anywhere: made by another story.
    let other = Story::from_toml(
        r#"
        start = "class_chat"
        people = []
        [[scenes]]
        id = "class_chat"
        kind = "chat"
        chat = "class"
        choices = [{ id = "shout", effect = "forward", next = "help" }]
        [[scenes]]
        id = "help"
        kind = "ending"
        "#,
    )
    .unwrap();
    let shout = other.scenes()[0].choice("shout").unwrap().id.clone();

    #[rustfmt::skip]
    let cases = [
        ("Chose on the title",           &title,   Event::Chose(choice("class_chat", "forward"))),
        ("Next on the title",            &title,   Event::PressedNext),
        ("Next on a choice scene",       &chat,    Event::PressedNext),
        ("an unknown choice",            &chat,    Event::Chose(shout.clone())),
        ("Start during the chat",        &chat,    Event::PressedStart { seed: 10 }),
        ("a choice from a past scene",   &outcome, Event::Chose(choice("class_chat", "forward"))),
        ("Start during the outcome",     &outcome, Event::PressedStart { seed: 10 }),
        ("Chose at the ending",          &ending,  Event::Chose(choice("class_chat", "delete"))),
        ("Next at the ending",           &ending,  Event::PressedNext),
        ("Start at the ending",          &ending,  Event::PressedStart { seed: 10 }),
    ];
    for (name, game, event) in cases {
        assert_eq!(&game.apply(&story, event), game, "{name}");
    }
}

#[test]
fn start_again_returns_to_the_title_from_anywhere() {
    let story = story();
    let title = Game::new();
    let chat = title.apply(&story, Event::PressedStart { seed: 77 });
    let outcome = chat.apply(&story, Event::Chose(choice("class_chat", "forward")));
    let ending = outcome.apply(&story, Event::PressedNext);
    for (name, game) in [("title", &title), ("chat", &chat), ("outcome", &outcome), ("ending", &ending)] {
        let again = game.apply(&story, Event::PressedStartAgain);
        assert_eq!(again, Game::new(), "from the {name}");
        assert_eq!(again.at, At::Title, "from the {name}");
        assert!(again.made.is_empty() && again.outcome.is_none(), "from the {name}");
    }
    // And a new run starts clean with its new seed.
    let fresh =
        ending.apply(&story, Event::PressedStartAgain).apply(&story, Event::PressedStart { seed: 78 });
    assert_eq!(fresh.seed, 78);
    assert_eq!(scene_of(&fresh), Some("class_chat"));
    assert!(fresh.made.is_empty() && fresh.outcome.is_none());
}

#[test]
fn a_new_game_is_the_default_game() {
    assert_eq!(Game::default(), Game::new());
    assert_eq!(Game::new().at, At::Title);
}
