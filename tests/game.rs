#![cfg(not(target_arch = "wasm32"))]
//! The game reducer, as scripted playthroughs of a fixture story: the
//! player picks who to be, each choice about the picture reaches the ending
//! of its group with the spread's tally and its provenance, choices that do
//! not touch the picture change nothing of it, stale events change nothing,
//! Start again forgets everything.

use once_sent::game::{spread, At, Event, Game, Made};
use once_sent::sim::{Tally, Worlds};
use once_sent::story::{ChoiceId, Effect, PersonId, SceneKind, Story};

include!("common/fixture.rs");

/// A story without players or chapters, where the choice about the picture
/// can be made twice, or not at all.
const PLAIN: &str = r#"
start = "first"
[[people]]
id = "pat"
[[scenes]]
id = "first"
kind = "chat"
chat = "group"
choices = [{ id = "wave", effect = "none", next = "second" }, { id = "send", effect = "forward_friend", next = "second" }]
[[scenes]]
id = "second"
kind = "chat"
chat = "group"
choices = [{ id = "shrug", effect = "none", next = "after" }, { id = "report", effect = "report", next = "after" }]
[[scenes]]
id = "after"
kind = "outcome"
branches = [{ when = ["report"], next = "reported" }]
next = "end"
[[scenes]]
id = "reported"
kind = "ending"
[[scenes]]
id = "end"
kind = "ending"
"#;

fn plain() -> Story {
    Story::from_toml(PLAIN).unwrap_or_else(|e| panic!("{e}"))
}

/// The id of `choice` in `scene` of `story` (ids are made only by the
/// loader).
fn choice_in(story: &Story, scene: &str, choice: &str) -> ChoiceId {
    let scene = story.find(scene).unwrap_or_else(|| panic!("no scene {scene}"));
    scene.choice(choice).unwrap_or_else(|| panic!("no choice {choice}")).id.clone()
}

fn choice(scene: &str, choice: &str) -> ChoiceId {
    choice_in(&fixture(), scene, choice)
}

/// The fixture's player with this id.
fn person(id: &str) -> PersonId {
    let story = fixture();
    story.people().iter().find(|p| p.id.as_str() == id).unwrap_or_else(|| panic!("no {id}")).id.clone()
}

/// Where the game is: "title", "pick" or the scene's id.
fn at(game: &Game) -> &str {
    match &game.at {
        At::Title => "title",
        At::Pick => "pick",
        At::Scene(id) => id.as_str(),
    }
}

/// Presses Next until the game asks for a pick or a choice, or the story
/// ends.
fn next_until_choice(story: &Story, worlds: &Worlds, mut game: Game) -> Game {
    for _ in 0..100 {
        let At::Scene(id) = &game.at else { return game };
        let scene = story.scene(id);
        if !scene.choices.is_empty() || scene.kind == SceneKind::Ending {
            return game;
        }
        game = game.apply(story, worlds, Event::PressedNext);
    }
    panic!("Next never reached a choice or an ending");
}

/// Starts `story` with `seed`, then takes each step of `script` in turn,
/// pressing Next in between: on the pick screen a step is who to be, in a
/// scene it is a choice. Plays on to the end.
fn play_in(story: &Story, worlds: &Worlds, script: &[&str], seed: u64) -> Game {
    let mut game = Game::new().apply(story, worlds, Event::PressedStart { seed });
    for name in script {
        game = next_until_choice(story, worlds, game);
        let event = match &game.at {
            At::Title => panic!("on the title before {name}"),
            At::Pick => {
                Event::PickedPlayer(story.player(name).unwrap_or_else(|| panic!("nobody {name}")).clone())
            }
            At::Scene(id) => {
                let scene = story.scene(id);
                Event::Chose(scene.choice(name).unwrap_or_else(|| panic!("{id} offers no {name}")).id.clone())
            }
        };
        game = game.apply(story, worlds, event);
    }
    next_until_choice(story, worlds, game)
}

fn play(worlds: &Worlds, script: &[&str], seed: u64) -> Game {
    play_in(&fixture(), worlds, script, seed)
}

#[test]
fn every_choice_about_the_picture_ends_in_the_ending_of_its_group() {
    let worlds = Worlds::default();
    let story = fixture();
    for seed in [0, 1, 14, 2024, u64::MAX] {
        for player in ["sam", "priya", "alex"] {
            for (name, effect, ending) in FIXTURE_PICTURE {
                let case = format!("{player}, {name}, seed {seed}");
                let game = play(&worlds, &[player, name, "fine"], seed);
                assert_eq!(at(&game), ending, "{case}");
                assert_eq!(game.seed, seed, "{case}");
                assert_eq!(game.player, Some(person(player)), "{case}");
                assert_eq!(
                    game.made,
                    [
                        Made { scene: story.find("post").unwrap().id.clone(), choice: choice("post", name) },
                        Made {
                            scene: story.find("talk").unwrap().id.clone(),
                            choice: choice("talk", "fine")
                        },
                    ],
                    "{case}"
                );
                assert_eq!(game.picture_effect(&story), Some(effect), "{case}");
                assert_eq!(game.outcome, Some(spread(&worlds, effect, seed)), "{case}");
            }
        }
    }
}

#[test]
fn a_playthrough_visits_every_kind_of_scene() {
    let worlds = Worlds::default();
    let story = fixture();
    let mut game = Game::new();
    let mut path = vec![at(&game).to_string()];
    #[rustfmt::skip]
    let events = [
        Event::PressedStart { seed: 3 },
        Event::PickedPlayer(person("alex")),
        Event::PressedNext,
        Event::Chose(choice("post", "not_ok")),
        Event::PressedNext,
        Event::Chose(choice("talk", "not_fine")),
        Event::PressedNext,
    ];
    for event in events {
        game = game.apply(&story, &worlds, event);
        path.push(at(&game).to_string());
    }
    assert_eq!(path, ["title", "pick", "lock", "post", "card", "talk", "spread", "stood_up"]);
    let kinds: Vec<SceneKind> = path[2..].iter().map(|id| story.find(id).unwrap().kind).collect();
    use SceneKind::*;
    assert_eq!(kinds, [Lock, Chat, Narration, Chat, Outcome, Ending]);
}

#[test]
fn start_asks_who_to_be_only_when_the_story_offers_someone() {
    let worlds = Worlds::default();
    let started = Game::new().apply(&fixture(), &worlds, Event::PressedStart { seed: 8 });
    assert_eq!(started.at, At::Pick);
    assert_eq!((started.seed, started.player.as_ref()), (8, None));
    assert!(started.made.is_empty() && started.outcome.is_none());

    let plain = plain();
    let started = Game::new().apply(&plain, &worlds, Event::PressedStart { seed: 8 });
    assert_eq!(at(&started), "first", "no players: straight to the first scene");
    assert_eq!((started.seed, started.player.as_ref()), (8, None));
}

#[test]
fn only_someone_the_story_offers_can_be_picked() {
    let worlds = Worlds::default();
    let story = fixture();
    let pick = Game::new().apply(&story, &worlds, Event::PressedStart { seed: 21 });
    for player in story.players() {
        let picked = pick.apply(&story, &worlds, Event::PickedPlayer(player.clone()));
        assert_eq!(at(&picked), "lock", "{player}");
        assert_eq!(picked.player.as_ref(), Some(player));
        assert_eq!(picked.seed, 21, "{player}");
        assert!(picked.made.is_empty() && picked.outcome.is_none(), "{player}");
    }
    // Someone in the story the player cannot be, and someone from another.
    let pat = plain().people()[0].id.clone();
    for nobody in [person("jordan"), person("maya"), pat] {
        assert_eq!(pick.apply(&story, &worlds, Event::PickedPlayer(nobody.clone())), pick, "{nobody}");
    }
}

#[test]
fn the_outcome_arrives_with_the_choice_about_the_picture_and_stays() {
    let worlds = Worlds::default();
    let story = fixture();
    let post = play(&worlds, &["sam"], 5);
    assert_eq!(at(&post), "post");
    assert_eq!((post.outcome, post.picture_effect(&story)), (None, None));
    let chosen = post.apply(&story, &worlds, Event::Chose(choice("post", "to_group")));
    assert_eq!(chosen.outcome, Some(spread(&worlds, Effect::ForwardGroup, 5)));
    assert_eq!(chosen.picture_effect(&story), Some(Effect::ForwardGroup));
    let card = chosen.apply(&story, &worlds, Event::PressedNext);
    assert_eq!(card.outcome, chosen.outcome, "Next keeps the outcome");
    let talk = card.apply(&story, &worlds, Event::PressedNext);
    for name in ["fine", "not_fine"] {
        let said = talk.apply(&story, &worlds, Event::Chose(choice("talk", name)));
        assert_eq!(at(&said), "spread");
        assert_eq!(said.outcome, chosen.outcome, "{name} does not touch the picture");
        assert_eq!(said.picture_effect(&story), Some(Effect::ForwardGroup), "{name}");
        assert_eq!(at(&said.apply(&story, &worlds, Event::PressedNext)), "shared", "{name}");
    }
}

#[test]
fn the_last_choice_about_the_picture_decides_and_none_changes_nothing() {
    let worlds = Worlds::default();
    let plain = plain();
    #[rustfmt::skip]
    let cases = [
        (["wave", "shrug"],  None,                        "end"),
        (["wave", "report"], Some(Effect::Report),        "reported"),
        (["send", "shrug"],  Some(Effect::ForwardFriend), "end"),
        (["send", "report"], Some(Effect::Report),        "reported"),
    ];
    for seed in [0, 9, u64::MAX] {
        for (script, effect, ending) in cases {
            let case = format!("{script:?}, seed {seed}");
            let game = play_in(&plain, &worlds, &script, seed);
            assert_eq!(at(&game), ending, "{case}");
            assert_eq!(game.player, None, "{case}");
            assert_eq!(game.made.len(), 2, "{case}");
            assert_eq!(game.picture_effect(&plain), effect, "{case}");
            assert_eq!(game.outcome, effect.map(|e| spread(&worlds, e, seed)), "{case}");
        }
    }
}

#[test]
fn only_sharing_puts_copies_down_to_the_player() {
    let worlds = Worlds::default();
    let from_player =
        |name: &str, seed| play(&worlds, &["priya", name, "fine"], seed).outcome.unwrap().from_player;
    let seeds = 0..200;
    assert!(
        seeds.clone().any(|s| from_player("to_friend", s) > 0),
        "no seed in 0..200 lets a forward to a friend reach anyone"
    );
    for seed in seeds {
        // The whole next class at once, and whoever they send it on to.
        assert!(from_player("to_group", seed) >= 30, "to_group, seed {seed}: the whole other class");
        for (name, effect, _) in FIXTURE_PICTURE.into_iter().filter(|(_, e, _)| !e.spreads()) {
            assert_eq!(from_player(name, seed), 0, "{name} ({effect:?}), seed {seed}");
        }
    }
}

#[test]
fn the_same_seed_replays_the_same_game() {
    let worlds = Worlds::default();
    for seed in 0..30 {
        for (name, _, _) in FIXTURE_PICTURE {
            assert_eq!(
                play(&worlds, &["sam", name, "fine"], seed),
                play(&worlds, &["sam", name, "fine"], seed),
                "{name}, {seed}"
            );
        }
    }
    let tallies: Vec<Tally> =
        (0..50).map(|s| play(&worlds, &["sam", "to_friend"], s).outcome.unwrap()).collect();
    assert!(tallies.windows(2).any(|w| w[0] != w[1]), "the seed changes nothing");
    let players: Vec<Option<Tally>> =
        ["sam", "priya", "alex"].iter().map(|p| play(&worlds, &[p, "react", "fine"], 4).outcome).collect();
    assert!(players.windows(2).all(|w| w[0] == w[1]), "who the player is changes the spread");
}

#[test]
fn stale_events_change_nothing() {
    let worlds = Worlds::default();
    let story = fixture();
    let title = Game::new();
    let pick = title.apply(&story, &worlds, Event::PressedStart { seed: 9 });
    let lock = pick.apply(&story, &worlds, Event::PickedPlayer(person("sam")));
    let post = lock.apply(&story, &worlds, Event::PressedNext);
    let card = post.apply(&story, &worlds, Event::Chose(choice("post", "tell")));
    let talk = card.apply(&story, &worlds, Event::PressedNext);
    let spread = talk.apply(&story, &worlds, Event::Chose(choice("talk", "fine")));
    let ending = spread.apply(&story, &worlds, Event::PressedNext);
    let path = [&title, &pick, &lock, &post, &card, &talk, &spread, &ending].map(at);
    assert_eq!(path, ["title", "pick", "lock", "post", "card", "talk", "spread", "stood_up"]);

    // A choice id the fixture offers nowhere: made by another story.
    let send = choice_in(&plain(), "first", "send");

    #[rustfmt::skip]
    let cases = [
        ("Chose on the title",              &title,  Event::Chose(choice("post", "delete"))),
        ("Next on the title",               &title,  Event::PressedNext),
        ("a pick on the title",             &title,  Event::PickedPlayer(person("sam"))),
        ("Start while picking",             &pick,   Event::PressedStart { seed: 10 }),
        ("Next while picking",              &pick,   Event::PressedNext),
        ("Chose while picking",             &pick,   Event::Chose(choice("post", "delete"))),
        ("a pick of a non-player",          &pick,   Event::PickedPlayer(person("jordan"))),
        ("a second pick on the lock screen", &lock,  Event::PickedPlayer(person("priya"))),
        ("Start on the lock screen",        &lock,   Event::PressedStart { seed: 10 }),
        ("Chose on the lock screen",        &lock,   Event::Chose(choice("post", "delete"))),
        ("Next on a choice scene",          &post,   Event::PressedNext),
        ("an unknown choice",               &post,   Event::Chose(send.clone())),
        ("a choice from a later scene",     &post,   Event::Chose(choice("talk", "fine"))),
        ("a choice from a past scene",      &card,   Event::Chose(choice("post", "delete"))),
        ("a second pick on the card",       &card,   Event::PickedPlayer(person("alex"))),
        ("Next on the talk",                &talk,   Event::PressedNext),
        ("the picture again in the talk",   &talk,   Event::Chose(choice("post", "to_friend"))),
        ("Chose on the outcome",            &spread, Event::Chose(choice("talk", "fine"))),
        ("Start during the outcome",        &spread, Event::PressedStart { seed: 10 }),
        ("Chose at the ending",             &ending, Event::Chose(choice("post", "delete"))),
        ("Next at the ending",              &ending, Event::PressedNext),
        ("Start at the ending",             &ending, Event::PressedStart { seed: 10 }),
        ("a pick at the ending",            &ending, Event::PickedPlayer(person("sam"))),
    ];
    for (name, game, event) in cases {
        assert_eq!(&game.apply(&story, &worlds, event), game, "{name}");
    }
}

#[test]
fn start_again_returns_to_the_title_from_anywhere() {
    let worlds = Worlds::default();
    let story = fixture();
    let title = Game::new();
    let pick = title.apply(&story, &worlds, Event::PressedStart { seed: 77 });
    let lock = pick.apply(&story, &worlds, Event::PickedPlayer(person("priya")));
    let post = lock.apply(&story, &worlds, Event::PressedNext);
    let card = post.apply(&story, &worlds, Event::Chose(choice("post", "to_friend")));
    let ending = play(&worlds, &["priya", "to_friend", "fine"], 77);
    #[rustfmt::skip]
    let points = [("title", &title), ("pick", &pick), ("lock", &lock), ("post", &post), ("card", &card), ("ending", &ending)];
    for (name, game) in points {
        let again = game.apply(&story, &worlds, Event::PressedStartAgain);
        assert_eq!(again, Game::new(), "from the {name}");
        assert_eq!(again.at, At::Title, "from the {name}");
        assert!(
            again.player.is_none() && again.made.is_empty() && again.outcome.is_none(),
            "from the {name}"
        );
    }
    // And a new run starts clean with its new seed, asking who to be again.
    let fresh = ending.apply(&story, &worlds, Event::PressedStartAgain).apply(
        &story,
        &worlds,
        Event::PressedStart { seed: 78 },
    );
    assert_eq!((fresh.seed, &fresh.at, &fresh.player), (78, &At::Pick, &None));
    assert!(fresh.made.is_empty() && fresh.outcome.is_none());
}

#[test]
fn a_new_game_is_the_default_game() {
    assert_eq!(Game::default(), Game::new());
    let game = Game::new();
    assert_eq!(
        (game.at, game.seed, game.player, game.made, game.outcome),
        (At::Title, 0, None, vec![], None)
    );
}

// ---- the shipped story ----

/// Plays the shipped story as `who`, answering every choice that is not
/// about the picture with its first option and the picture with `effect`.
fn play_shipped(worlds: &Worlds, who: &str, effect: Effect, seed: u64) -> (Game, Vec<String>) {
    let story = Story::load().unwrap_or_else(|e| panic!("{e}"));
    let mut game = Game::new().apply(&story, worlds, Event::PressedStart { seed });
    game = game.apply(&story, worlds, Event::PickedPlayer(story.player(who).expect("a player").clone()));
    let mut visited = Vec::new();
    for _ in 0..200 {
        let At::Scene(id) = &game.at else { panic!("left the story") };
        visited.push(id.to_string());
        let scene = story.scene(id);
        if scene.kind == SceneKind::Ending {
            return (game, visited);
        }
        let event = match scene.choices.iter().find(|c| c.effect == Some(effect)).or(scene.choices.first()) {
            Some(choice) => Event::Chose(choice.id.clone()),
            None => Event::PressedNext,
        };
        game = game.apply(&story, worlds, event);
    }
    panic!("{effect:?} never reached an ending: {visited:?}");
}

#[test]
fn every_ending_of_the_shipped_story_is_reached_by_its_choices() {
    let worlds = Worlds::default();
    #[rustfmt::skip]
    let table = [
        (Effect::ForwardFriend, "sam",   "ending_shared",  &["after_friend", "police_school", "police_record"][..]),
        (Effect::ForwardGroup,  "priya", "ending_shared",  &["after_group", "police_school"]),
        (Effect::React,         "alex",  "ending_kept",    &["after_react", "lesson", "lesson_record"]),
        (Effect::Screenshot,    "sam",   "ending_kept",    &["after_screenshot", "lesson"]),
        (Effect::Delete,        "priya", "ending_deleted", &["after_delete", "lesson"]),
        (Effect::ReplyStop,     "alex",  "ending_stood",   &["after_reply", "ellie_sees_reply", "lesson"]),
        (Effect::TellAdult,     "sam",   "ending_stood",   &["after_told", "ellie_sees_told", "lesson"]),
        (Effect::Report,        "priya", "ending_stood",   &["after_report", "ellie_sees_report", "lesson"]),
    ];
    let story = Story::load().unwrap();
    let mut endings = std::collections::BTreeSet::new();
    for (effect, who, ending, through) in table {
        for seed in [1, 42, 2026] {
            let (game, visited) = play_shipped(&worlds, who, effect, seed);
            assert_eq!(visited.last().map(String::as_str), Some(ending), "{effect:?}: {visited:?}");
            for scene in through {
                assert!(visited.iter().any(|v| v == scene), "{effect:?} skipped {scene}: {visited:?}");
            }
            // Every path sees Ellie's side, and the years after.
            for scene in ["ellie_lock", "ellie_help", "two_years", "what_stayed"] {
                assert!(visited.iter().any(|v| v == scene), "{effect:?} skipped {scene}");
            }
            assert_eq!(game.player.as_ref().map(|p| p.as_str()), Some(who));
            assert_eq!(game.picture_effect(&story), Some(effect));
            let tally = game.outcome.expect("the spread ran");
            assert_eq!(
                tally,
                spread(&worlds, effect, seed),
                "{effect:?}: the outcome is the spread of the choice"
            );
            if !effect.spreads() {
                assert_eq!(tally.from_player, 0, "{effect:?}: nothing came from the player");
            }
        }
        endings.insert(ending);
    }
    let all: std::collections::BTreeSet<&str> =
        story.scenes().iter().filter(|s| s.kind == SceneKind::Ending).map(|s| s.id.as_str()).collect();
    assert_eq!(endings, all, "the table covers every ending");
}

#[test]
fn in_the_shipped_story_sharing_it_always_reaches_someone() {
    let worlds = Worlds::default();
    for seed in 0..200 {
        assert!(
            play_shipped(&worlds, "sam", Effect::ForwardFriend, seed).0.outcome.unwrap().from_player >= 1,
            "seed {seed}"
        );
        let group = play_shipped(&worlds, "sam", Effect::ForwardGroup, seed).0.outcome.unwrap();
        assert!(group.from_player >= 30, "seed {seed}: a whole class gets it at once, {group:?}");
    }
}

// ---- What if? ----

#[test]
fn what_if_goes_back_to_a_choice_and_the_next_ending_keeps_the_run_before() {
    let worlds = Worlds::default();
    let story = Story::load().unwrap();
    let (ending, _) = play_shipped(&worlds, "sam", Effect::ForwardFriend, 7);
    let picture = ending
        .made
        .iter()
        .position(|m| story.scene(&m.scene).choice(m.choice.as_str()).unwrap().effect.is_some())
        .expect("a choice about the picture");
    let again = ending.apply(&story, &worlds, Event::PressedWhatIf(picture));
    assert_eq!(again.at, At::Scene(ending.made[picture].scene.clone()), "back at the choice");
    assert_eq!(again.made, ending.made[..picture].to_vec(), "the choices after it are undone");
    assert_eq!(again.outcome, None, "the spread is undone with the choice");
    let before = again.before.clone().expect("the run before is kept");
    assert_eq!(before.made, ending.made);
    assert_eq!(before.outcome, ending.outcome);
    assert_eq!(ending.at, At::Scene(before.ending.clone()));
    assert_eq!((again.seed, &again.player), (ending.seed, &ending.player), "same seed, same player");

    // Choose differently and play on: the new ending has both runs.
    let tell =
        story.scene(&ending.made[picture].scene).choices.iter().find(|c| c.effect == Some(Effect::TellAdult));
    let mut game = again.apply(&story, &worlds, Event::Chose(tell.unwrap().id.clone()));
    while !matches!(&game.at, At::Scene(id) if story.scene(id).kind == SceneKind::Ending) {
        let At::Scene(id) = &game.at else { unreachable!() };
        let scene = story.scene(id);
        game = game.apply(
            &story,
            &worlds,
            scene.choices.first().map_or(Event::PressedNext, |c| Event::Chose(c.id.clone())),
        );
    }
    assert_eq!(game.at, At::Scene(story.find("ending_stood").unwrap().id.clone()));
    assert_eq!(game.outcome, Some(spread(&worlds, Effect::TellAdult, 7)));
    assert_eq!(game.before.as_ref().map(|r| r.ending.as_str()), Some("ending_shared"));
}

#[test]
fn what_if_offers_the_choices_that_changed_what_happened_not_small_talk() {
    let worlds = Worlds::default();
    // Issue 14: "yep!! no more cracked screen" changes nothing; the choice
    // about the picture does.
    use once_sent::game::choices_that_matter;
    let story = Story::load().unwrap();
    let (ending, _) = play_shipped(&worlds, "priya", Effect::Report, 11);
    assert!(ending.made.len() > 1, "small talk was made too: {:?}", ending.made);
    let offered: Vec<(usize, &Made)> = choices_that_matter(&story, &ending.made).collect();
    assert_eq!(offered.len(), 1, "{offered:?}");
    let (i, made) = offered[0];
    assert_eq!(&ending.made[i], made, "offered with its place among the choices made");
    let effect = story.scene(&made.scene).choice(made.choice.as_str()).unwrap().effect;
    assert_eq!(effect, Some(Effect::Report));
}

#[test]
fn what_if_works_only_at_an_ending_and_on_a_choice_made() {
    let worlds = Worlds::default();
    let story = Story::load().unwrap();
    let (ending, _) = play_shipped(&worlds, "alex", Effect::Delete, 3);
    assert_eq!(
        ending.apply(&story, &worlds, Event::PressedWhatIf(ending.made.len())),
        ending,
        "no such choice"
    );
    let mid = ending.apply(&story, &worlds, Event::PressedWhatIf(0));
    assert_eq!(mid.apply(&story, &worlds, Event::PressedWhatIf(0)), mid, "not at an ending");
    assert_eq!(
        mid.apply(&story, &worlds, Event::PressedStartAgain),
        Game::new(),
        "start again forgets both runs"
    );
}

/// A story with no picture to pass on (issue 18): what the player says
/// leads somewhere different, and small talk does not.
const ASKED: &str = r#"
start = "hi"
[[people]]
id = "pat"
[[scenes]]
id = "hi"
kind = "chat"
chat = "pat"
choices = [{ id = "hey", effect = "none", next = "ask" }, { id = "yo", effect = "none", next = "ask" }]
[[scenes]]
id = "ask"
kind = "chat"
chat = "pat"
choices = [{ id = "no", effect = "none", next = "said_no" }, { id = "block", effect = "none", next = "blocked" }]
[[scenes]]
id = "said_no"
kind = "ending"
[[scenes]]
id = "blocked"
kind = "ending"
"#;

#[test]
fn what_if_offers_a_choice_that_leads_elsewhere_in_a_story_with_no_picture() {
    use once_sent::game::{choices_that_matter, last_choice_that_matters};
    let worlds = Worlds::default();
    let story = Story::from_toml(ASKED).unwrap_or_else(|e| panic!("{e}"));
    let mut game = Game::new().apply(&story, &worlds, Event::PressedStart { seed: 5 });
    for (scene, pick) in [("hi", "hey"), ("ask", "no")] {
        game = game.apply(&story, &worlds, Event::Chose(choice_in(&story, scene, pick)));
    }
    assert_eq!(game.at, At::Scene(story.find("said_no").unwrap().id.clone()));
    let offered: Vec<usize> = choices_that_matter(&story, &game.made).map(|(i, _)| i).collect();
    assert_eq!(offered, [1], "saying no or blocking matters; hey or yo does not");
    assert_eq!(last_choice_that_matters(&story, &game.made), Some(&game.made[1]));
    assert_eq!(game.outcome, None, "no spread without a picture");
    // Going back to it and blocking instead reaches the other ending, with
    // the first run kept to compare.
    let again = game.apply(&story, &worlds, Event::PressedWhatIf(1));
    let blocked = again.apply(&story, &worlds, Event::Chose(choice_in(&story, "ask", "block")));
    assert_eq!(blocked.at, At::Scene(story.find("blocked").unwrap().id.clone()));
    assert_eq!(blocked.before.as_ref().map(|b| b.ending.as_str()), Some("said_no"));
}
