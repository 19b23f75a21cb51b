#![cfg(not(target_arch = "wasm32"))]
//! The saved game: every point of a playthrough of a fixture story survives
//! encode and decode (a game saved while picking who to be resumes on the
//! title), and every kind of corrupt, foreign or stale save, or one of a
//! game no player could have played, is refused with the right reason,
//! never a panic.

use once_sent::game::{At, Event, Game};
use once_sent::save::{decode, encode, SaveError, SAVE_KEY, VERSION};
use once_sent::sim::Worlds;
use once_sent::story::{SceneKind, Story};

include!("common/fixture.rs");

/// A story without players: a choice about the picture, or none.
const PLAIN: &str = r#"
start = "chat"
[[people]]
id = "pat"
[[scenes]]
id = "chat"
kind = "chat"
chat = "group"
choices = [{ id = "bin", effect = "delete", next = "after" }, { id = "wave", effect = "none", next = "after" }]
[[scenes]]
id = "after"
kind = "outcome"
branches = [{ when = ["delete"], next = "binned" }]
next = "end"
[[scenes]]
id = "binned"
kind = "ending"
[[scenes]]
id = "end"
kind = "ending"
"#;

fn plain() -> Story {
    Story::from_toml(PLAIN).unwrap_or_else(|e| panic!("{e}"))
}

/// Every state of a playthrough as `player`, making the choice `picture`
/// about the picture and `talk` after it, with `seed`, in order: the title,
/// the pick, the lock screen, the post, the card, the talk, the spread, the
/// ending and the title after Start again.
fn every_point(
    story: &Story,
    worlds: &Worlds,
    player: &str,
    picture: &str,
    talk: &str,
    seed: u64,
) -> Vec<Game> {
    let choice = |scene: &str, name: &str| {
        let scene = story.find(scene).unwrap_or_else(|| panic!("no scene {scene}"));
        scene.choice(name).unwrap_or_else(|| panic!("no choice {name}")).id.clone()
    };
    let who = story.player(player).unwrap_or_else(|| panic!("nobody {player}")).clone();
    let mut points = vec![Game::new()];
    for event in [
        Event::PressedStart { seed },
        Event::PickedPlayer(who),
        Event::PressedNext,
        Event::Chose(choice("post", picture)),
        Event::PressedNext,
        Event::Chose(choice("talk", talk)),
        Event::PressedNext,
        Event::PressedStartAgain,
    ] {
        let next = points.last().unwrap().apply(story, worlds, event);
        points.push(next);
    }
    points
}

/// Every playthrough the tests walk: each choice about the picture with
/// seeds at the edges, each player in turn, each answer in the talk.
fn every_playthrough(story: &Story, worlds: &Worlds) -> Vec<(String, Vec<Game>)> {
    let players = ["sam", "priya", "alex"];
    let talks = ["fine", "not_fine"];
    let mut runs = Vec::new();
    for (i, seed) in [0, 1, 3, 14, 42, 1 << 53, u64::MAX].into_iter().enumerate() {
        for (j, (picture, _, _)) in FIXTURE_PICTURE.iter().enumerate() {
            let (player, talk) = (players[(i + j) % 3], talks[(i + j) % 2]);
            let name = format!("{player}, {picture}, {talk}, seed {seed}");
            runs.push((name, every_point(story, worlds, player, picture, talk, seed)));
        }
    }
    runs
}

/// The game a save of `game` resumes: one saved while picking who to be
/// resumes on the title.
fn resumed(game: &Game) -> Game {
    match game.at {
        At::Pick => Game { at: At::Title, ..game.clone() },
        _ => game.clone(),
    }
}

#[test]
fn every_point_of_a_playthrough_round_trips() {
    let worlds = Worlds::default();
    let story = fixture();
    for (run, points) in every_playthrough(&story, &worlds) {
        assert!(points.iter().any(|g| g.outcome.is_some()), "{run}: the script made no choice");
        assert!(points.iter().any(|g| g.at == At::Pick), "{run}: the script picked nobody");
        for game in points {
            let text = encode(&game);
            assert_eq!(decode(&text, &story, &worlds), Ok(resumed(&game)), "{run}: {text:?}");
        }
    }
}

#[test]
fn every_point_of_a_game_without_players_round_trips() {
    let worlds = Worlds::default();
    let story = plain();
    for seed in [0, 5, u64::MAX] {
        for name in ["bin", "wave"] {
            let id = story.find("chat").unwrap().choice(name).unwrap().id.clone();
            let mut game = Game::new();
            for event in [Event::PressedStart { seed }, Event::Chose(id), Event::PressedNext] {
                game = game.apply(&story, &worlds, event);
                assert!(game.player.is_none());
                let text = encode(&game);
                assert!(text.contains("\nplayer -\n"), "{text:?}");
                assert_eq!(decode(&text, &story, &worlds), Ok(game.clone()), "{name}, seed {seed}: {text:?}");
            }
            assert!(matches!(&game.at, At::Scene(id) if story.scene(id).kind == SceneKind::Ending), "{name}");
        }
    }
}

#[test]
fn encode_writes_the_documented_lines() {
    let worlds = Worlds::default();
    let story = fixture();
    let run = every_point(&story, &worlds, "priya", "delete", "fine", 42);
    let at: Vec<String> = run.iter().map(|g| format!("{:?}", g.at)).collect();
    assert!(matches!(&run[7].at, At::Scene(id) if id.as_str() == "deleted"), "{at:?}");
    // Pinned on purpose: a change here breaks every save already stored.
    #[rustfmt::skip]
    let cases = [
        ("a new game on the title", Game::new(),
         "once-sent save 1\nseed 0\nplayer -\nscene -\n"),
        ("seed 42, on the lock screen", run[2].clone(),
         "once-sent save 1\nseed 42\nplayer priya\nscene lock\n"),
        ("seed 42, in the class chat", run[3].clone(),
         "once-sent save 1\nseed 42\nplayer priya\nscene post\n"),
        ("seed 42, after choosing delete", run[4].clone(),
         "once-sent save 1\nseed 42\nplayer priya\nscene card\nmade post delete\n"),
        ("seed 42, in the talk", run[5].clone(),
         "once-sent save 1\nseed 42\nplayer priya\nscene talk\nmade post delete\n"),
        ("seed 42, at the spread", run[6].clone(),
         "once-sent save 1\nseed 42\nplayer priya\nscene spread\nmade post delete\nmade talk fine\n"),
        ("seed 42, at the ending", run[7].clone(),
         "once-sent save 1\nseed 42\nplayer priya\nscene deleted\nmade post delete\nmade talk fine\n"),
    ];
    for (name, game, want) in cases {
        assert_eq!(encode(&game), want, "{name}");
        assert_eq!(decode(want, &story, &worlds), Ok(game), "{name}: the golden text reads back");
    }
}

#[test]
fn a_game_saved_while_picking_who_to_be_resumes_on_the_title() {
    let worlds = Worlds::default();
    let story = fixture();
    let pick = every_point(&story, &worlds, "sam", "react", "fine", 42)[1].clone();
    assert_eq!(pick.at, At::Pick);
    let text = encode(&pick);
    assert_eq!(text, "once-sent save 1\nseed 42\nplayer -\nscene -\n", "pick saves as the title");
    let back = decode(&text, &story, &worlds).unwrap();
    assert_eq!(back, Game { at: At::Title, seed: 42, ..Game::new() });
    // From there, Start goes on as from any title.
    let again = back.apply(&story, &worlds, Event::PressedStart { seed: 43 });
    assert_eq!((again.at, again.seed), (At::Pick, 43));
}

#[test]
fn the_key_and_the_header_name_the_version() {
    assert_eq!(VERSION, 1, "a new version needs new golden saves and a new key");
    assert!(SAVE_KEY.starts_with("once-sent."));
    assert!(SAVE_KEY.contains(&format!(".v{VERSION}.")), "the key {SAVE_KEY} names another version");
    assert!(encode(&Game::new()).starts_with(&format!("once-sent save {VERSION}\n")));
}

// The lines of a good save at the outcome, to spoil one by one.
const HEAD: &str = "once-sent save 1";
const SEED: &str = "seed 7";
const PLAYER: &str = "player priya";
const SCENE: &str = "scene spread";
const MADE: &str = "made post delete";
const TALK: &str = "made talk fine";

/// A save of these lines, each ended by a newline.
fn save(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn the_spoiled_fixture_starts_out_good() {
    let worlds = Worlds::default();
    let story = fixture();
    let want = every_point(&story, &worlds, "priya", "delete", "fine", 7)[6].clone();
    let game = decode(&save(&[HEAD, SEED, PLAYER, SCENE, MADE, TALK]), &story, &worlds)
        .expect("the fixture is a good save");
    assert!(game.outcome.is_some(), "the outcome is recomputed from the choices");
    assert_eq!(game, want);
}

#[test]
fn corrupt_saves_are_refused_with_the_reason() {
    let worlds = Worlds::default();
    use SaveError::*;
    let old_json = r#"{"version":1,"scene":"spread","seed":7,"made":[["post","delete"]]}"#;
    #[rustfmt::skip]
    let cases: Vec<(&str, String, SaveError)> = vec![
        ("empty",                          String::new(),                                                          Unreadable),
        ("only a newline",                 "\n".into(),                                                            Unreadable),
        ("an old JSON save",               old_json.into(),                                                        Unreadable),
        ("JSON naming version 2",          r#"{"version":2}"#.into(),                                              Unreadable),
        ("a save from before the player line", save(&[HEAD, SEED, SCENE, MADE, TALK]),                             Unreadable),
        // The header.
        ("a wrong header",                 save(&["once-sent game 1", SEED, PLAYER, SCENE, MADE, TALK]),           Unreadable),
        ("a header of another case",       save(&["Once-Sent save 1", SEED, PLAYER, SCENE, MADE, TALK]),           Unreadable),
        ("a header without a version",     save(&["once-sent save", SEED, PLAYER, SCENE, MADE, TALK]),             Unreadable),
        ("a header with an empty version", save(&["once-sent save ", SEED, PLAYER, SCENE, MADE, TALK]),            Unreadable),
        ("a header with a word after it",  save(&["once-sent save 1 beta", SEED, PLAYER, SCENE, MADE, TALK]),      Unreadable),
        ("version 2",                      save(&["once-sent save 2", SEED, PLAYER, SCENE, MADE, TALK]),           Version(2)),
        ("version 0",                      save(&["once-sent save 0", SEED, PLAYER, SCENE, MADE, TALK]),           Version(0)),
        ("version 2 with nothing else",    "once-sent save 2".into(),                                              Version(2)),
        ("version 2 of another shape",     save(&["once-sent save 2", "everything else"]),                         Version(2)),
        ("the largest u32 version",        save(&["once-sent save 4294967295", SEED, PLAYER, SCENE]),              Version(u32::MAX)),
        ("a version not a number",         save(&["once-sent save one", SEED, PLAYER, SCENE, MADE, TALK]),         Unreadable),
        ("a version negative",             save(&["once-sent save -1", SEED, PLAYER, SCENE, MADE, TALK]),          Unreadable),
        ("a version beyond u32",           save(&["once-sent save 4294967296", SEED, PLAYER, SCENE, MADE, TALK]),  Unreadable),
        ("a version fractional",           save(&["once-sent save 1.0", SEED, PLAYER, SCENE, MADE, TALK]),         Unreadable),
        // The seed.
        ("the seed line missing",          save(&[HEAD, PLAYER, SCENE, MADE, TALK]),                               Unreadable),
        ("nothing after the header",       save(&[HEAD]),                                                          Unreadable),
        ("a seed not a number",            save(&[HEAD, "seed seven", PLAYER, SCENE, MADE, TALK]),                 Unreadable),
        ("a seed negative",                save(&[HEAD, "seed -7", PLAYER, SCENE, MADE, TALK]),                    Unreadable),
        ("a seed beyond u64",              save(&[HEAD, "seed 18446744073709551616", PLAYER, SCENE, MADE, TALK]),  Unreadable),
        ("a seed fractional",              save(&[HEAD, "seed 7.5", PLAYER, SCENE, MADE, TALK]),                   Unreadable),
        ("a seed line with two values",    save(&[HEAD, "seed 7 8", PLAYER, SCENE, MADE, TALK]),                   Unreadable),
        ("a seed line without a value",    save(&[HEAD, "seed", PLAYER, SCENE, MADE, TALK]),                       Unreadable),
        ("a seed line with an empty value", save(&[HEAD, "seed ", PLAYER, SCENE, MADE, TALK]),                     Unreadable),
        ("a seed after two spaces",        save(&[HEAD, "seed  7", PLAYER, SCENE, MADE, TALK]),                    Unreadable),
        ("a seed line of another name",    save(&[HEAD, "seeds 7", PLAYER, SCENE, MADE, TALK]),                    Unreadable),
        // The player.
        ("the player line missing",        save(&[HEAD, SEED, SCENE, MADE, TALK]),                                 Unreadable),
        ("nothing after the seed",         save(&[HEAD, SEED]),                                                    Unreadable),
        ("a player line without a value",  save(&[HEAD, SEED, "player", SCENE, MADE, TALK]),                       Unreadable),
        ("a player line with an empty value", save(&[HEAD, SEED, "player ", SCENE, MADE, TALK]),                   Unreadable),
        ("a player line with two values",  save(&[HEAD, SEED, "player priya sam", SCENE, MADE, TALK]),             Unreadable),
        ("a player line of another name",  save(&[HEAD, SEED, "players priya", SCENE, MADE, TALK]),                Unreadable),
        ("a player not in the story",      save(&[HEAD, SEED, "player ghost", SCENE, MADE, TALK]),                 Stale),
        ("a person the player cannot be",  save(&[HEAD, SEED, "player jordan", SCENE, MADE, TALK]),                Stale),
        ("a player id of another case",    save(&[HEAD, SEED, "player Priya", SCENE, MADE, TALK]),                 Stale),
        ("nobody, in a scene",             save(&[HEAD, SEED, "player -", SCENE, MADE, TALK]),                     Stale),
        ("nobody, on the lock screen",     save(&[HEAD, SEED, "player -", "scene lock"]),                          Stale),
        ("somebody, on the title",         save(&[HEAD, SEED, PLAYER, "scene -"]),                                 Stale),
        // The scene.
        ("the scene line missing",         save(&[HEAD, SEED, PLAYER, MADE, TALK]),                                Unreadable),
        ("nothing after the player",       save(&[HEAD, SEED, PLAYER]),                                            Unreadable),
        ("a scene line without a value",   save(&[HEAD, SEED, PLAYER, "scene", MADE, TALK]),                       Unreadable),
        ("a scene line with two values",   save(&[HEAD, SEED, PLAYER, "scene spread spread", MADE, TALK]),         Unreadable),
        ("a scene not in the story",       save(&[HEAD, SEED, PLAYER, "scene the_old_ending", MADE, TALK]),        Stale),
        ("a scene id of another case",     save(&[HEAD, SEED, PLAYER, "scene Spread", MADE, TALK]),                Stale),
        ("the pick as a scene",            save(&[HEAD, SEED, "player -", "scene pick"]),                          Stale),
        // The choices made.
        ("a made line with one word",      save(&[HEAD, SEED, PLAYER, SCENE, "made post", TALK]),                  Unreadable),
        ("a made line with three words",   save(&[HEAD, SEED, PLAYER, SCENE, "made post delete now", TALK]),       Unreadable),
        ("a made line with no words",      save(&[HEAD, SEED, PLAYER, SCENE, "made", TALK]),                       Unreadable),
        ("a made line with a tab",         save(&[HEAD, SEED, PLAYER, SCENE, "made post\tdelete", TALK]),          Unreadable),
        ("a choice not in the scene",      save(&[HEAD, SEED, PLAYER, SCENE, "made post shout", TALK]),            Stale),
        ("a choice in a scene without it", save(&[HEAD, SEED, PLAYER, SCENE, "made talk delete", TALK]),           Stale),
        ("a choice in a lost scene",       save(&[HEAD, SEED, PLAYER, SCENE, "made gone delete", TALK]),           Stale),
        ("a choice id of another case",    save(&[HEAD, SEED, PLAYER, SCENE, "made post Delete", TALK]),           Stale),
        ("a choice in a scene with none",  save(&[HEAD, SEED, PLAYER, SCENE, "made spread delete", TALK]),         Stale),
        // Other lines and their order.
        ("an unknown extra line",          save(&[HEAD, SEED, PLAYER, SCENE, MADE, TALK, "cheat on"]),             Unreadable),
        ("an empty line inside",           save(&[HEAD, SEED, PLAYER, SCENE, "", MADE, TALK]),                     Unreadable),
        ("two trailing newlines",          save(&[HEAD, SEED, PLAYER, SCENE, MADE, TALK, ""]),                     Unreadable),
        ("a blank line before the header", save(&["", HEAD, SEED, PLAYER, SCENE, MADE, TALK]),                     Unreadable),
        ("the header last",                save(&[SEED, PLAYER, SCENE, MADE, TALK, HEAD]),                         Unreadable),
        ("player before seed",             save(&[HEAD, PLAYER, SEED, SCENE, MADE, TALK]),                         Unreadable),
        ("scene before player",            save(&[HEAD, SEED, SCENE, PLAYER, MADE, TALK]),                         Unreadable),
        ("made before scene",              save(&[HEAD, SEED, PLAYER, MADE, SCENE, TALK]),                         Unreadable),
        ("a second seed line",             save(&[HEAD, SEED, PLAYER, SCENE, SEED, MADE, TALK]),                   Unreadable),
        ("a second player line",           save(&[HEAD, SEED, PLAYER, SCENE, PLAYER, MADE, TALK]),                 Unreadable),
        // Line endings other than `\n` and `\r\n` (those two are read, below).
        ("old Mac line endings",           [HEAD, SEED, PLAYER, SCENE, MADE, TALK].join("\r"),                     Unreadable),
        // Size.
        ("a 100 KB string",                "x".repeat(100 * 1024),                                                 Unreadable),
    ];
    let story = fixture();
    for (name, text, want) in cases {
        assert_eq!(decode(&text, &story, &worlds), Err(want), "{name}: {text:?}");
    }
}

#[test]
fn players_are_checked_against_the_story_that_reads_the_save() {
    let worlds = Worlds::default();
    use SaveError::*;
    let plain = plain();
    #[rustfmt::skip]
    let cases: Vec<(&str, String, Result<(), SaveError>)> = vec![
        ("nobody, in a story with nobody to be", save(&[HEAD, SEED, "player -", "scene after", "made chat bin"]), Ok(())),
        ("nobody, on the title",                 save(&[HEAD, SEED, "player -", "scene -"]),                      Ok(())),
        ("a person, where nobody can be picked", save(&[HEAD, SEED, "player pat", "scene after", "made chat bin"]), Err(Stale)),
        ("a player of another story",            save(&[HEAD, SEED, PLAYER, "scene after", "made chat bin"]),     Err(Stale)),
    ];
    for (name, text, want) in cases {
        assert_eq!(decode(&text, &plain, &worlds).map(|_| ()), want, "{name}: {text:?}");
    }
    // And a save of the fixture does not fit the plain story, nor the
    // other way round.
    let fixture = fixture();
    let theirs = encode(&every_point(&fixture, &worlds, "sam", "delete", "fine", 7)[6]);
    assert_eq!(decode(&theirs, &plain, &worlds), Err(Stale));
    let ours = save(&[HEAD, SEED, "player -", "scene after", "made chat bin"]);
    assert_eq!(decode(&ours, &fixture, &worlds), Err(Stale));
}

#[test]
fn line_endings_and_the_last_newline() {
    let worlds = Worlds::default();
    let story = fixture();
    let game = every_point(&story, &worlds, "priya", "delete", "fine", 7)[6].clone();
    let lines = [HEAD, SEED, PLAYER, SCENE, MADE, TALK];
    // `decode` splits with `str::lines`, which strips `\n` and `\r\n` alike
    // and needs no newline after the last line, so a save that went through
    // a Windows editor, or lost its last newline, still reads.
    #[rustfmt::skip]
    let cases = [
        ("newline after every line",    save(&lines)),
        ("no newline after the last",   lines.join("\n")),
        ("Windows line endings",        lines.map(|l| format!("{l}\r\n")).concat()),
        ("Windows, no last line end",   lines.join("\r\n")),
        ("both kinds mixed",            format!("{HEAD}\r\n{SEED}\n{PLAYER}\r\n{SCENE}\n{MADE}\r\n{TALK}\n")),
    ];
    for (name, text) in cases {
        assert_eq!(decode(&text, &story, &worlds), Ok(game.clone()), "{name}: {text:?}");
    }
    for (run, points) in every_playthrough(&story, &worlds) {
        for game in points {
            let crlf = encode(&game).replace('\n', "\r\n");
            assert_eq!(decode(&crlf, &story, &worlds), Ok(resumed(&game)), "{run}, CRLF: {crlf:?}");
            let bare = encode(&game).trim_end_matches('\n').to_string();
            assert_eq!(
                decode(&bare, &story, &worlds),
                Ok(resumed(&game)),
                "{run}, no last newline: {bare:?}"
            );
        }
    }
}

#[test]
fn only_the_size_limit_refuses_a_huge_save() {
    let worlds = Worlds::default();
    use SaveError::*;
    const LIMIT: usize = 64 * 1024;
    // A save whose own error is not Unreadable, padded to a length: under the
    // limit its own error shows, over it the size alone refuses it.
    let padded = |head: &str, len: usize| {
        let mut text = format!("{head}\n");
        text.push_str(&"x".repeat(len - text.len()));
        assert_eq!(text.len(), len);
        text
    };
    let stale = save(&[HEAD, SEED, PLAYER, "scene the_old_ending"]);
    #[rustfmt::skip]
    let cases = [
        ("version 2, 50 KB",             padded("once-sent save 2", 50 * 1024),   Version(2)),
        ("version 2, exactly the limit", padded("once-sent save 2", LIMIT),       Version(2)),
        ("version 2, a byte over",       padded("once-sent save 2", LIMIT + 1),   Unreadable),
        ("version 2, 100 KB",            padded("once-sent save 2", 100 * 1024),  Unreadable),
        ("stale, 50 KB",                 padded(stale.trim_end(), 50 * 1024),     Stale),
        ("stale, 100 KB",                padded(stale.trim_end(), 100 * 1024),    Unreadable),
    ];
    let story = fixture();
    for (name, text, want) in cases {
        assert_eq!(decode(&text, &story, &worlds), Err(want), "{name}");
    }
}

/// Every way to cut a save of every playthrough short: the run, the games
/// the points up to and including the saved one resume as, the whole save
/// and where it is cut.
fn every_prefix(story: &Story, worlds: &Worlds) -> Vec<(String, Vec<Game>, String, usize)> {
    let mut prefixes = Vec::new();
    for (run, points) in every_playthrough(story, worlds) {
        for (i, game) in points.iter().enumerate() {
            let text = encode(game);
            let earlier: Vec<Game> = points[..=i].iter().map(resumed).collect();
            for end in 0..text.len() {
                prefixes.push((run.clone(), earlier.clone(), text.clone(), end));
            }
        }
    }
    prefixes
}

#[test]
fn no_prefix_of_a_save_panics_or_reads_a_cut_line() {
    let worlds = Worlds::default();
    let story = fixture();
    let mut refused = 0;
    for (run, _, text, end) in every_prefix(&story, &worlds) {
        let prefix = &text[..end];
        // Ok or Err, but back without a panic.
        let Ok(game) = decode(prefix, &story, &worlds) else {
            refused += 1;
            continue;
        };
        let at_line_end = prefix.ends_with('\n') || text[end..].starts_with('\n');
        assert!(at_line_end, "{run}: prefix {prefix:?}, cut mid-line, read as {game:?}");
    }
    assert!(refused > 0, "no prefix was refused");
}

#[test]
fn no_prefix_of_a_save_is_read_as_another_game() {
    let worlds = Worlds::default();
    let story = fixture();
    for (run, earlier, text, end) in every_prefix(&story, &worlds) {
        let prefix = &text[..end];
        if let Ok(game) = decode(prefix, &story, &worlds) {
            assert!(
                earlier.contains(&game),
                "{run}: prefix {prefix:?} read as a game never played: {game:?}"
            );
        }
    }
}

#[test]
fn a_save_of_a_game_never_played_is_refused() {
    let worlds = Worlds::default();
    // The same gap as the cut save above. Which reason fits is not decided
    // yet, so only the refusal is asserted.
    #[rustfmt::skip]
    let cases = [
        ("past the choices, none made",       save(&[HEAD, SEED, PLAYER, SCENE])),
        ("at the ending, none made",          save(&[HEAD, SEED, PLAYER, "scene deleted"])),
        ("past the talk, its choice unmade",  save(&[HEAD, SEED, PLAYER, SCENE, MADE])),
        ("the talk, the picture untouched",   save(&[HEAD, SEED, PLAYER, SCENE, TALK])),
        ("the choices in the wrong order",    save(&[HEAD, SEED, PLAYER, SCENE, TALK, MADE])),
        ("on the title, a choice made",       save(&[HEAD, SEED, "player -", "scene -", MADE])),
        ("in the chat, a choice made",        save(&[HEAD, SEED, PLAYER, "scene post", MADE])),
        ("on the lock screen, a choice made", save(&[HEAD, SEED, PLAYER, "scene lock", MADE])),
        ("two choices in one chat",           save(&[HEAD, SEED, PLAYER, SCENE, MADE, "made post report", TALK])),
        ("the talk answered twice",           save(&[HEAD, SEED, PLAYER, SCENE, MADE, TALK, "made talk not_fine"])),
        // The branches follow the choice about the picture.
        ("an ending of another group",        save(&[HEAD, SEED, PLAYER, "scene kept", MADE, TALK])),
        ("the ending without the branch",     save(&[HEAD, SEED, PLAYER, "scene deleted", "made post report", TALK])),
        ("a shared ending, nothing shared",   save(&[HEAD, SEED, PLAYER, "scene shared", "made post react", TALK])),
    ];
    let story = fixture();
    for (name, text) in cases {
        let got = decode(&text, &story, &worlds);
        assert!(got.is_err(), "{name}: {text:?} read as {got:?}");
    }
    // And each group's own ending reads, with its choice.
    for (choice, _, ending) in FIXTURE_PICTURE {
        let made = format!("made post {choice}");
        let text = save(&[HEAD, SEED, PLAYER, &format!("scene {ending}"), &made, TALK]);
        assert!(decode(&text, &story, &worlds).is_ok(), "{choice} at {ending}: {text:?}");
    }
}

#[test]
fn save_errors_read_as_sentences() {
    #[rustfmt::skip]
    let cases = [
        (SaveError::Unreadable, "the saved game is not readable"),
        (SaveError::Version(2), "the saved game is from version 2"),
        (SaveError::Stale,      "the saved game does not fit the story as it is now"),
    ];
    for (err, want) in cases {
        assert_eq!(err.to_string(), want);
    }
}

#[test]
fn a_game_after_what_if_round_trips_with_the_run_before() {
    let worlds = Worlds::default();
    let story = once_sent::story::Story::load().unwrap();
    let mut game = Game::new().apply(&story, &worlds, Event::PressedStart { seed: 99 });
    game = game.apply(&story, &worlds, Event::PickedPlayer(story.players()[0].clone()));
    let mut seen = 0;
    // Play to an ending (first choice everywhere), go back to the first
    // choice, and check the save at every step on the way to the next ending.
    for round in 0..2 {
        while !matches!(&game.at, At::Scene(id) if story.scene(id).kind == SceneKind::Ending) {
            let At::Scene(id) = &game.at else { unreachable!() };
            let scene = story.scene(id);
            game = game.apply(
                &story,
                &worlds,
                scene.choices.last().map_or(Event::PressedNext, |c| Event::Chose(c.id.clone())),
            );
            assert_eq!(decode(&encode(&game), &story, &worlds), Ok(game.clone()), "round {round}");
            seen += 1;
        }
        if round == 0 {
            game = game.apply(&story, &worlds, Event::PressedWhatIf(0));
            assert!(game.before.is_some());
            let text = encode(&game);
            assert!(text.contains("\nwas ") && text.contains("\nwas-end "), "{text}");
            assert_eq!(decode(&text, &story, &worlds), Ok(game.clone()));
        }
    }
    assert!(seen > 20);
    // A run before that did not reach its ending is refused.
    let text = encode(&game);
    let cut = text.replace("was-end ending_", "was-end ellie_");
    assert!(decode(&cut, &story, &worlds).is_err());
}

#[test]
fn every_key_the_game_keeps_is_under_one_prefix() {
    use once_sent::save::KEY_PREFIX;
    for key in [SAVE_KEY, once_sent::guides::QUIZ_KEY] {
        assert!(key.starts_with(KEY_PREFIX), "{key}");
    }
}
