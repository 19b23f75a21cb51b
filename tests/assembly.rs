#![cfg(not(target_arch = "wasm32"))]
//! Assembly mode's core (src/assembly.rs), on the shipped story: the
//! content note first, a show of hands at every choice (the most hands
//! win, a number key picks outright), blanking, Back as far as it goes,
//! the hall's choices kept for the ending, and the text sent between the
//! two windows read back exactly, or refused. Every running order carries
//! the whole message (issue 14): the law, that a picture lasts, that it is
//! never the fault of the person in the picture, and where help is. Two
//! windows, either reloaded or reopened, come back in step on the hall of
//! the one that stayed open (issue 15).

use once_sent::assembly::{decode, encode, Answer, Card, Cue, Hall, MAX_HANDS};
use once_sent::game::At;
use once_sent::save::SaveError;
use once_sent::sim::Worlds;
use once_sent::story::{SceneKind, Story};

fn story() -> Story {
    Story::load().unwrap()
}

/// `hall` without the steps Back can go to, as the other window sees it.
fn sent(hall: &Hall) -> Hall {
    Hall { past: Vec::new(), ..hall.clone() }
}

/// Plays on by Next and, at each choice, picks `pick(options)`, until the
/// ending; checks every step survives the trip between windows.
fn play(story: &Story, worlds: &Worlds, mut hall: Hall, pick: impl Fn(&[Answer]) -> usize) -> Hall {
    for _ in 0..200 {
        assert_eq!(decode(&encode(&hall), story, worlds), Ok(sent(&hall)), "{}", encode(&hall));
        if hall.at_ending(story) {
            return hall;
        }
        let options = hall.options(story);
        hall = if options.is_empty() || hall.intro {
            hall.cue(story, worlds, Cue::Next)
        } else {
            hall.cue(story, worlds, Cue::Picked(pick(&options)))
        };
    }
    panic!("never reached an ending: {:?}", hall.game.at);
}

#[test]
fn the_content_note_comes_first_then_the_hall_chooses_who_to_be_by_hands() {
    let worlds = Worlds::default();
    let story = story();
    let hall = Hall::new(&story, &worlds, 7);
    assert!(hall.intro);
    assert_eq!(hall.game.at, At::Pick);
    // A number key does nothing on the content note.
    assert_eq!(hall.cue(&story, &worlds, Cue::Picked(0)), hall);
    let hall = hall.cue(&story, &worlds, Cue::Next);
    assert!(!hall.intro && hall.vote.is_none());
    assert_eq!(hall.options(&story).len(), story.players().len());
    let hall = hall.cue(&story, &worlds, Cue::Next);
    assert_eq!(hall.vote, Some(vec![0; 3]), "Next opens the vote");
    // No hands, no decision.
    assert_eq!(hall.cue(&story, &worlds, Cue::Next), hall);
    let mut counted = hall.clone();
    for (option, hands) in [(0, 5), (1, 12), (2, 3)] {
        counted = counted.cue(&story, &worlds, Cue::Counted { option, hands });
    }
    assert_eq!(counted.vote, Some(vec![5, 12, 3]));
    // Counting an option that does not exist changes nothing.
    assert_eq!(counted.cue(&story, &worlds, Cue::Counted { option: 3, hands: 9 }), counted);
    let chosen = counted.cue(&story, &worlds, Cue::Next);
    assert_eq!(chosen.game.player, Some(story.players()[1].clone()), "the most hands win");
    assert_eq!(chosen.choices.len(), 1);
    assert_eq!(chosen.choices[0].hands, [5, 12, 3]);
    assert_eq!(chosen.choices[0].scene, None);
    assert!(chosen.vote.is_none());
    // Equal hands: the first of them.
    let tied = hall.cue(&story, &worlds, Cue::Counted { option: 2, hands: 4 }).cue(
        &story,
        &worlds,
        Cue::Counted { option: 0, hands: 4 },
    );
    assert_eq!(tied.cue(&story, &worlds, Cue::Next).game.player, Some(story.players()[0].clone()));
    // Hands are capped.
    let many = hall.cue(&story, &worlds, Cue::Counted { option: 0, hands: u32::MAX });
    assert_eq!(many.vote.unwrap()[0], MAX_HANDS);
}

#[test]
fn blank_hides_the_screen_and_next_only_brings_it_back() {
    let worlds = Worlds::default();
    let story = story();
    let hall = Hall::new(&story, &worlds, 1).cue(&story, &worlds, Cue::Next);
    let blank = hall.cue(&story, &worlds, Cue::Blank);
    assert!(blank.blank);
    let back = blank.cue(&story, &worlds, Cue::Next);
    assert!(!back.blank);
    assert_eq!(back.game, hall.game, "Next on a blank screen only unblanks");
    assert!(!blank.cue(&story, &worlds, Cue::Blank).blank);
}

#[test]
fn back_goes_back_step_by_step_to_the_start() {
    let worlds = Worlds::default();
    let story = story();
    let start = Hall::new(&story, &worlds, 3);
    let mut halls = vec![start.clone()];
    let mut hall = start.clone();
    for cue in [Cue::Next, Cue::Picked(2), Cue::Next, Cue::Next, Cue::Blank, Cue::Next] {
        hall = hall.cue(&story, &worlds, cue);
        halls.push(hall.clone());
    }
    for earlier in halls.iter().rev().skip(1) {
        hall = hall.cue(&story, &worlds, Cue::Back);
        assert_eq!(sent(&hall), sent(earlier));
    }
    assert_eq!(hall.cue(&story, &worlds, Cue::Back), hall, "nothing before the start");
}

#[test]
fn a_hall_plays_to_an_ending_and_keeps_every_choice_it_made() {
    let worlds = Worlds::default();
    let story = story();
    // The hall picks the last option every time (for the picture: report).
    let hall = play(&story, &worlds, Hall::new(&story, &worlds, 11), |options| options.len() - 1);
    let At::Scene(end) = &hall.game.at else { panic!() };
    assert_eq!(story.scene(end).kind, SceneKind::Ending);
    assert_eq!(hall.choices.len(), hall.game.made.len() + 1, "every choice and who to be");
    for (c, m) in hall.choices[1..].iter().zip(&hall.game.made) {
        assert_eq!(c.scene.as_ref(), Some(&m.scene));
        assert_eq!(c.option, Answer::Choice(m.choice.clone()));
    }
    assert!(hall.game.outcome.is_some(), "the spread's numbers for the ending");
    // Next at an ending puts up where help is, and goes no further.
    let help = hall.cue(&story, &worlds, Cue::Next);
    assert_eq!(help.card(), Some(&Card::Help));
    assert_eq!(help.game, hall.game);
    assert_eq!(help.cue(&story, &worlds, Cue::Next), help);
}

#[test]
fn what_is_sent_between_windows_reads_back_or_is_refused() {
    let worlds = Worlds::default();
    let story = story();
    let hall = Hall::new(&story, &worlds, 5)
        .cue(&story, &worlds, Cue::Next)
        .cue(&story, &worlds, Cue::Next)
        .cue(&story, &worlds, Cue::Counted { option: 1, hands: 40 });
    let text = encode(&hall);
    assert_eq!(decode(&text, &story, &worlds), Ok(sent(&hall)));
    assert!(
        text.starts_with("once-sent hall 2\nintro 0\nblank 0\norder lesson_50\ncards\nvote 0 40 0\ngame\n"),
        "{text}"
    );
    let bad = [
        ("", SaveError::Unreadable),
        ("hello", SaveError::Unreadable),
        // An older build's hall, which had no cards.
        (&text.replace("hall 2", "hall 1"), SaveError::Unreadable),
        (&text.replace("intro 0", "intro 2"), SaveError::Unreadable),
        (&text.replace("order lesson_50", "order lesson_99"), SaveError::Unreadable),
        (&text.replace("cards\n", "cards prompt:nowhere\n"), SaveError::Stale),
        (&text.replace("cards\n", "cards summary:nowhere\n"), SaveError::Stale),
        (&text.replace("cards\n", "cards shout\n"), SaveError::Unreadable),
        (&text.replace("cards\n", "cards prompt\n"), SaveError::Unreadable),
        (&text.replace("cards\n", "cardshelp\n"), SaveError::Unreadable),
        (&text.replace("cards\n", &format!("cards{}\n", " help".repeat(65))), SaveError::Unreadable),
        (&text.replace("cards\n", ""), SaveError::Unreadable),
        (&text.replace("vote 0 40 0", "vote 0 40"), SaveError::Unreadable),
        (&text.replace("vote 0 40 0", "vote 0 40 99999"), SaveError::Unreadable),
        (&text.replace("vote 0 40 0", "vote 0 x 0"), SaveError::Unreadable),
        (&text.replace("vote 0 40 0\n", "shout\n"), SaveError::Unreadable),
        (&text.replace("\ngame\n", "\n"), SaveError::Unreadable),
        (&text.replace("seed 5", "seed five"), SaveError::Unreadable),
    ];
    for (text, want) in bad {
        assert_eq!(decode(text, &story, &worlds), Err(want), "{text:?}");
    }
    // A choice that names what the story lacks.
    let chosen = hall.cue(&story, &worlds, Cue::Next);
    let text = encode(&chosen);
    assert!(text.contains("chose - "), "{text}");
    let stale = text.replace("chose - ", "chose - nobody_");
    assert_eq!(decode(&stale, &story, &worlds), Err(SaveError::Stale));
    let stale = text.replace("chose - ", "chose no_such_scene ");
    assert_eq!(decode(&stale, &story, &worlds), Err(SaveError::Stale));
    // Huge or binary input is refused, never a panic.
    assert!(decode(&"x".repeat(1_000_000), &story, &worlds).is_err());
    assert!(decode("once-sent hall 2\nintro 0\nblank 0\n\u{0}\ngame\n", &story, &worlds).is_err());
}

#[test]
fn cards_travel_between_windows() {
    let worlds = Worlds::default();
    let story = story();
    let mut hall = Hall::new(&story, &worlds, 5);
    hall.cards = vec![
        Card::Prompt(story.chapters()[0].id.clone()),
        Card::Summary(story.chapters()[3].id.clone()),
        Card::Help,
    ];
    let text = encode(&hall);
    assert!(text.contains("\ncards prompt:christmas summary:later help\n"), "{text}");
    assert_eq!(decode(&text, &story, &worlds), Ok(sent(&hall)));
}

// ---- Running orders ----

#[test]
fn every_running_order_fits_the_story_and_its_time() {
    let story = story();
    for order in story.orders().iter().chain([story.together()]) {
        assert!(order.shows("the_picture"), "{}: the choice about the picture", order.name);
        for (chapter, minutes, _) in &order.chapters {
            assert!(story.chapters().iter().any(|c| c.id.as_str() == chapter), "{}: {chapter}", order.name);
            assert!(*minutes > 0);
        }
        let planned: u32 = order.chapters.iter().map(|c| c.1).sum();
        assert!(
            planned < order.minutes,
            "{}: {planned} of {} minutes, none left for the ending",
            order.name,
            order.minutes
        );
    }
    let minutes: Vec<u32> = story.orders().iter().map(|o| o.minutes).collect();
    assert_eq!(minutes, [5, 15, 50]);
    assert_eq!(story.together().minutes, 20);
}

#[test]
fn a_running_order_that_breaks_the_rules_stops_the_story_loading() {
    // The orders are data now (issue 17): every rule the code kept is checked.
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/stories/once-sent/story.toml"))
            .unwrap();
    let lesson = "{ id = \"christmas\", minutes = 6, prompt = true },";
    for (change, fault) in [
        ((lesson, "{ id = \"nowhere\", minutes = 6 },"), "\"nowhere\", which does not exist"),
        ((lesson, "{ id = \"christmas\", minutes = 0 },"), "no minutes"),
        ((lesson, "{ id = \"later\", minutes = 6 },"), "twice or out of story order"),
        (
            ("id = \"lesson_50\"\nminutes = 50", "id = \"lesson_50\"\nminutes = 40"),
            "leaving none for the ending",
        ),
        (
            (
                "chapters = [{ id = \"the_picture\", minutes = 4 }]",
                "chapters = [{ id = \"christmas\", minutes = 4 }]",
            ),
            "leaves out \"the_picture\"",
        ),
        (("id = \"assembly_15\"", "id = \"assembly_5\""), "assembly_5"),
        (
            ("minutes = 50\ndefault = true", "minutes = 50\ndefault = true\ntogether = true"),
            "for playing together",
        ),
    ] {
        assert!(text.contains(change.0), "the story file changed: {:?}", change.0);
        let broken = text.replacen(change.0, change.1, 1);
        let err = Story::from_toml(&broken).expect_err(fault).to_string();
        assert!(err.contains(fault), "{err}");
    }
}

/// What a run shows, in order: each chapter as it is first shown, and each
/// card (`prompt:<chapter>`, `summary:<chapter>`, `help`).
struct Shown {
    chapters: Vec<String>,
    cards: Vec<String>,
}

/// Plays `order` to its very end, where help is (the first option at every
/// choice), checking every step survives the trip between windows.
fn run_order(order: usize) -> Shown {
    let story = story();
    let worlds = Worlds::default();
    let mut hall = Hall::new(&story, &worlds, 4).cue(&story, &worlds, Cue::Ordered(order));
    assert_eq!(hall.order, story.orders()[order]);
    let mut shown = Shown { chapters: Vec::new(), cards: Vec::new() };
    for _ in 0..300 {
        assert_eq!(decode(&encode(&hall), &story, &worlds), Ok(sent(&hall)));
        match hall.card() {
            Some(card) => shown.cards.push(match card {
                Card::Prompt(c) => format!("prompt:{c}"),
                Card::Summary(c) => format!("summary:{c}"),
                Card::Help => "help".to_string(),
                Card::Check { .. } | Card::Change => unreachable!("the knowledge check is not asked for"),
            }),
            None => {
                if let Some(c) = hall.chapter(&story) {
                    if shown.chapters.last() != Some(&c.to_string()) {
                        shown.chapters.push(c.to_string());
                    }
                }
            }
        }
        if hall.card() == Some(&Card::Help) {
            assert_eq!(hall.cue(&story, &worlds, Cue::Next), hall, "where help is is the very end");
            assert!(hall.cue(&story, &worlds, Cue::Back).at_ending(&story), "Back goes back to the ending");
            return shown;
        }
        let options = hall.options(&story);
        hall = if options.is_empty() || hall.intro || hall.card().is_some() {
            hall.cue(&story, &worlds, Cue::Next)
        } else {
            hall.cue(&story, &worlds, Cue::Picked(0))
        };
    }
    panic!("order {order} never reached its end");
}

#[test]
fn a_running_order_shows_its_chapters_and_its_prompts_and_sums_up_the_rest() {
    // Five minutes: Christmas in short, the picture, Ellie's side and the
    // months and years in short, the ending, and where help is.
    let shown = run_order(0);
    assert_eq!(shown.chapters, ["the_picture", "later"], "the ending's chapter only for the ending");
    assert_eq!(shown.cards, ["summary:christmas", "summary:her_side", "summary:later", "help"]);
    // Fifteen: Christmas, the picture, Ellie's side; a prompt after the
    // picture; the months and years in short.
    let shown = run_order(1);
    assert_eq!(shown.chapters, ["christmas", "the_picture", "her_side", "later"]);
    assert_eq!(shown.cards, ["prompt:the_picture", "summary:later", "help"]);
    // The lesson: everything, a prompt after each chapter before the last.
    let shown = run_order(2);
    assert_eq!(shown.chapters, ["christmas", "the_picture", "her_side", "later"]);
    assert_eq!(shown.cards, ["prompt:christmas", "prompt:the_picture", "prompt:her_side", "help"]);
}

#[test]
fn the_order_is_chosen_before_play_only() {
    let worlds = Worlds::default();
    let story = story();
    let hall = Hall::new(&story, &worlds, 1);
    assert_eq!(hall.order.name, "lesson_50", "the whole lesson unless the teacher says otherwise");
    assert_eq!(hall.cue(&story, &worlds, Cue::Ordered(0)).order.name, "assembly_5");
    assert_eq!(hall.cue(&story, &worlds, Cue::Ordered(3)), hall, "no fourth order");
    let playing = hall.cue(&story, &worlds, Cue::Next);
    assert_eq!(playing.cue(&story, &worlds, Cue::Ordered(0)), playing, "not once play has begun");
}

// ---- Playing together at home ----

#[test]
fn playing_together_is_shorter_and_stops_to_talk_after_each_chapter() {
    let worlds = Worlds::default();
    use once_sent::assembly::together;
    use once_sent::game::{Event, Game};
    let story = story();
    let mut game = Game::new().apply(&story, &worlds, Event::PressedStart { seed: 9 });
    game = together(&story, &worlds, &game, Event::PickedPlayer(story.players()[0].clone())).0;
    let (mut chapters, mut prompts) = (Vec::<String>::new(), Vec::<String>::new());
    for _ in 0..200 {
        let At::Scene(id) = &game.at else { panic!("{:?}", game.at) };
        let scene = story.scene(id);
        if let Some(c) = &scene.chapter {
            if chapters.last() != Some(&c.to_string()) {
                chapters.push(c.to_string());
            }
        }
        if scene.kind == SceneKind::Ending {
            break;
        }
        let event = match scene.choices.first() {
            Some(choice) => Event::Chose(choice.id.clone()),
            None => Event::PressedNext,
        };
        let (next, cards) = together(&story, &worlds, &game, event);
        prompts.extend(cards.iter().map(|c| format!("{c:?}")));
        game = next;
    }
    assert_eq!(chapters, ["christmas", "the_picture", "her_side", "later"], "later only for the ending");
    let chapter = |i: usize| story.chapters()[i].id.clone();
    let want = [
        Card::Prompt(chapter(0)),
        Card::Prompt(chapter(1)),
        Card::Prompt(chapter(2)),
        Card::Summary(chapter(3)),
    ];
    assert_eq!(prompts, want.map(|c| format!("{c:?}")));
    let At::Scene(end) = &game.at else { panic!() };
    assert_eq!(story.scene(end).kind, SceneKind::Ending);
    // The full story visits more scenes than the shorter run.
    assert!(!game.made.is_empty());
}

#[test]
fn the_cards_kept_when_playing_together_read_back_or_are_refused() {
    use once_sent::assembly::{decode_cards, encode_cards};
    let story = story();
    let cards =
        vec![Card::Prompt(story.chapters()[2].id.clone()), Card::Summary(story.chapters()[3].id.clone())];
    assert_eq!(encode_cards(&cards), "prompt:her_side summary:later");
    assert_eq!(decode_cards(&encode_cards(&cards), &story), Ok(cards));
    assert_eq!(decode_cards("", &story), Ok(vec![]));
    assert_eq!(decode_cards("prompt:nowhere", &story), Err(SaveError::Stale));
    assert_eq!(decode_cards("shout", &story), Err(SaveError::Unreadable));
    assert_eq!(decode_cards(&"help ".repeat(100), &story), Err(SaveError::Unreadable));
}

// ---- Two windows, reloaded (issue 15) ----

use std::collections::VecDeque;

use once_sent::assembly::{Said, Window, CLOCK_KEY, HALL_KEY};

/// Windows of one browser and the channel between them, as the browser
/// has it: what one window posts, every other open window hears, in the
/// order it was posted, as text.
struct Browser {
    story: Story,
    worlds: Worlds,
    windows: Vec<Option<Window>>,
    queue: VecDeque<(usize, String)>,
}

impl Browser {
    fn new() -> Self {
        Browser { story: story(), worlds: Worlds::default(), windows: Vec::new(), queue: VecDeque::new() }
    }

    /// Opens a window showing `hall` (kept from before a reload, or new).
    fn open(&mut self, hall: Hall, audience: bool) -> usize {
        self.windows.push(Some(Window::open(hall, audience)));
        let i = self.windows.len() - 1;
        self.queue.push_back((i, Said::Hello.text()));
        i
    }

    /// Closes window `i` (a reload closes it, then opens it again).
    fn close(&mut self, i: usize) {
        self.windows[i] = None;
    }

    fn window(&self, i: usize) -> &Window {
        self.windows[i].as_ref().expect("an open window")
    }

    /// What window `i` shows, as the other window would see it.
    fn shows(&self, i: usize) -> Hall {
        sent(&self.window(i).hall)
    }

    /// A cue in window `i`.
    fn cue(&mut self, i: usize, cue: Cue) {
        let (window, said) = self.window(i).cue(&self.story, &self.worlds, cue);
        self.windows[i] = Some(window);
        self.queue.extend(said.map(|s| (i, s.text())));
    }

    /// Delivers the first message waiting to every other open window;
    /// whatever they say back waits its turn.
    fn deliver_one(&mut self) {
        let Some((from, text)) = self.queue.pop_front() else { return };
        for to in 0..self.windows.len() {
            let Some(window) = self.windows[to].as_ref().filter(|_| to != from) else { continue };
            let said = Said::read(&text, &self.story, &self.worlds).expect("what a window says reads back");
            let (window, reply) = window.hear(said);
            self.windows[to] = Some(window);
            self.queue.extend(reply.map(|s| (to, s.text())));
        }
    }

    fn deliver(&mut self) {
        for _ in 0..100 {
            if self.queue.is_empty() {
                return;
            }
            self.deliver_one();
        }
        panic!("the windows never stop talking");
    }

    /// No answer came in time to any window still joining.
    fn time_passes(&mut self) {
        for w in self.windows.iter_mut().flatten() {
            *w = w.alone();
        }
    }
}

/// A presenter and an audience in step at the show of hands for who to
/// be, hands counted: (the browser, the presenter, the audience).
fn at_the_vote() -> (Browser, usize, usize) {
    let mut b = Browser::new();
    let p = b.open(Hall::new(&b.story, &b.worlds, 3), false);
    b.deliver();
    b.time_passes();
    let a = b.open(Hall::new(&b.story, &b.worlds, 4), true);
    b.deliver();
    for cue in [Cue::Next, Cue::Next, Cue::Counted { option: 1, hands: 12 }] {
        b.cue(p, cue);
        b.deliver();
    }
    assert!(b.shows(a).vote.is_some());
    assert_eq!(b.shows(p), b.shows(a), "in step before any reload");
    (b, p, a)
}

#[test]
fn a_reopened_presenter_takes_the_audiences_hall_and_the_audience_keeps_it() {
    let (mut b, p, a) = at_the_vote();
    let before = b.window(a).clone();
    // Reopened: a new window keeps nothing, so it starts with a new hall.
    b.close(p);
    let p = b.open(Hall::new(&b.story, &b.worlds, 99), false);
    b.deliver();
    assert_eq!(b.window(a), &before, "the audience is untouched (it used to go back to the content note)");
    assert_eq!(b.shows(p), sent(&before.hall), "the presenter is back on the vote, hands and all");
    assert!(!b.window(p).joining);
    assert!(b.window(p).hall.past.is_empty(), "Back does not go to the new hall it was never showing");
    // Keys keep them together.
    b.cue(p, Cue::Next);
    b.deliver();
    assert_eq!(b.shows(p), b.shows(a));
    assert!(b.shows(a).vote.is_none(), "the vote closed: {:?}", b.shows(a).game.at);
    b.cue(p, Cue::Back);
    b.deliver();
    assert_eq!(b.shows(a), sent(&before.hall));
}

#[test]
fn a_reloaded_audience_comes_back_to_the_presenters_hall() {
    let (mut b, p, a) = at_the_vote();
    b.cue(p, Cue::Next);
    b.cue(p, Cue::Next);
    b.deliver();
    let presenter = b.window(p).clone();
    b.close(a);
    // Reloaded, it kept where it was; reopened, it kept nothing: either
    // way it comes to the presenter's hall, and the presenter stays.
    for kept in [b.shows(p), Hall::new(&b.story, &b.worlds, 8)] {
        let a = b.open(kept, true);
        b.deliver();
        assert_eq!(b.window(p), &presenter);
        assert_eq!(b.shows(a), sent(&presenter.hall));
        b.close(a);
    }
}

#[test]
fn windows_opened_at_once_both_take_the_presenters_hall() {
    let (mut b, p, a) = at_the_vote();
    let kept = (b.shows(p), Hall::new(&b.story, &b.worlds, 5));
    b.close(p);
    b.close(a);
    let p = b.open(kept.0.clone(), false);
    let a = b.open(kept.1, true);
    b.deliver();
    assert_eq!(b.shows(p), kept.0);
    assert_eq!(b.shows(a), kept.0, "a joining audience answers nobody; the presenter's hall wins");
}

#[test]
fn a_cue_made_before_the_answer_comes_is_kept_and_the_late_answer_is_not_taken() {
    let (mut b, p, a) = at_the_vote();
    b.close(p);
    let p = b.open(Hall::new(&b.story, &b.worlds, 99), false);
    // The teacher presses Next at once, before the audience has heard the hello.
    b.cue(p, Cue::Next);
    b.deliver();
    assert_eq!(b.shows(p), b.shows(a), "in step on the cue");
    assert!(!b.shows(p).intro);
}

#[test]
fn a_lone_window_works_at_once_and_answers_a_window_opened_later() {
    let mut b = Browser::new();
    let p = b.open(Hall::new(&b.story, &b.worlds, 3), false);
    b.deliver();
    // Its keys work while it waits for an answer that never comes.
    b.cue(p, Cue::Next);
    b.deliver();
    assert!(!b.shows(p).intro);
    b.time_passes();
    let kept = b.shows(p);
    assert_eq!(b.window(p).alone().hall, b.window(p).hall, "alone, it keeps its hall");
    let a = b.open(Hall::new(&b.story, &b.worlds, 4), true);
    b.deliver();
    assert_eq!(b.shows(a), kept);
    // Now the audience can drive too.
    b.cue(a, Cue::Next);
    b.deliver();
    assert_eq!(b.shows(p), b.shows(a));
    assert_ne!(b.shows(p), kept);
}

#[test]
fn who_answers_a_hello() {
    let worlds = Worlds::default();
    let story = story();
    let hall = Hall::new(&story, &worlds, 1);
    for (audience, joining, answers) in
        [(false, false, true), (false, true, true), (true, false, true), (true, true, false)]
    {
        let window = Window { hall: hall.clone(), audience, joining };
        let (after, said) = window.hear(Said::Hello);
        assert_eq!(after, window, "a hello changes nothing");
        assert_eq!(
            said,
            answers.then(|| Said::Answer(hall.clone())),
            "audience {audience}, joining {joining}"
        );
    }
    // An answer is taken only while joining.
    let other = hall.cue(&story, &worlds, Cue::Next);
    let joined = Window { hall: hall.clone(), audience: true, joining: false };
    assert_eq!(joined.hear(Said::Answer(other.clone())).0, joined);
    let joining = Window { joining: true, ..joined };
    assert_eq!(
        joining.hear(Said::Answer(other.clone())).0,
        Window { hall: other, audience: true, joining: false }
    );
}

#[test]
fn what_windows_say_reads_back_or_is_refused() {
    let worlds = Worlds::default();
    let story = story();
    let hall = Hall::new(&story, &worlds, 5).cue(&story, &worlds, Cue::Next).cue(&story, &worlds, Cue::Next);
    let hall = sent(&hall);
    for said in [Said::Hello, Said::Answer(hall.clone()), Said::Changed(hall.clone())] {
        assert_eq!(Said::read(&said.text(), &story, &worlds), Ok(said.clone()), "{}", said.text());
    }
    // An older build's window sends every hall as a plain change.
    assert_eq!(Said::read(&encode(&hall), &story, &worlds), Ok(Said::Changed(hall.clone())));
    for bad in ["", "hello\n", "answer\n", "answer\nhello", "answer hello", "goodbye"] {
        assert!(Said::read(bad, &story, &worlds).is_err(), "{bad:?}");
    }
    // What is sent never carries the past, however long.
    let long = Hall::new(&story, &worlds, 5).cue(&story, &worlds, Cue::Blank);
    let (_, said) = Window::open(long.clone(), false).cue(&story, &worlds, Cue::Blank);
    assert_eq!(said, Some(Said::Changed(sent(&long.cue(&story, &worlds, Cue::Blank)))));
}

#[test]
fn hearing_a_change_keeps_what_was_shown_for_back_and_no_more_than_back_can_go() {
    let worlds = Worlds::default();
    let story = story();
    let mut hall = Hall::new(&story, &worlds, 5);
    let mut other = hall.clone();
    for _ in 0..250 {
        other = sent(&other.cue(&story, &worlds, Cue::Blank));
        hall = hall.heard(other.clone());
    }
    assert_eq!(sent(&hall), other);
    assert_eq!(hall.past.len(), 200, "as far as Back goes after cues");
    assert_eq!(hall.cue(&story, &worlds, Cue::Back).blank, !other.blank);
    assert_eq!(hall.heard(other.clone()), hall, "the same hall again changes nothing");
}

#[test]
fn the_next_class_starts_again_from_where_help_is_and_back_undoes_it() {
    let worlds = Worlds::default();
    let story = story();
    let mut hall = Hall::new(&story, &worlds, 4).cue(&story, &worlds, Cue::Ordered(0));
    for _ in 0..300 {
        if hall.card() == Some(&Card::Help) {
            break;
        }
        assert_eq!(hall.cue(&story, &worlds, Cue::Restarted { seed: 6 }), hall, "only at the very end");
        let options = hall.options(&story);
        hall = if options.is_empty() || hall.intro || hall.card().is_some() {
            hall.cue(&story, &worlds, Cue::Next)
        } else {
            hall.cue(&story, &worlds, Cue::Picked(0))
        };
    }
    let again = hall.cue(&story, &worlds, Cue::Restarted { seed: 6 });
    let order = story.orders()[0].clone();
    assert_eq!(
        sent(&again),
        Hall { order, ..Hall::new(&story, &worlds, 6) },
        "the content note, the same order"
    );
    assert_eq!(sent(&again.cue(&story, &worlds, Cue::Back)), sent(&hall), "Back undoes it");
}

#[test]
fn the_kept_hall_has_the_games_versioned_keys() {
    for key in [HALL_KEY, CLOCK_KEY] {
        assert!(key.starts_with(once_sent::save::KEY_PREFIX), "{key}: Forget everything must find it");
        assert!(key.starts_with("once-sent.v1."), "{key}");
    }
}

#[test]
fn a_hall_asked_the_knowledge_check_judges_its_statements_before_and_after_and_sees_both() {
    use once_sent::assembly::HALL_ITEMS;
    let worlds = Worlds::default();
    let story = story();
    let fresh = Hall::new(&story, &worlds, 5);
    assert!(!fresh.check.on, "asked for, never assumed");
    let hall = fresh.cue(&story, &worlds, Cue::Checking);
    assert!(hall.check.on);
    assert!(!hall.cue(&story, &worlds, Cue::Checking).check.on, "and unasked");
    // Asked on the content note, the statements come straight after it.
    let mut hall = hall.cue(&story, &worlds, Cue::Next);
    assert_eq!(hall.cue(&story, &worlds, Cue::Checking), hall, "only on the content note");
    // The hall judges each by hands: Next asks, the counts go in, Next keeps them.
    let judge = |mut hall: Hall, after: bool, counts: [u32; 3]| {
        for item in 0..HALL_ITEMS {
            assert_eq!(hall.card(), Some(&Card::Check { after, item }));
            assert!(hall.vote.is_none());
            hall = hall.cue(&story, &worlds, Cue::Next);
            assert_eq!(hall.vote, Some(vec![0; 3]), "true, false, not sure");
            assert_eq!(
                hall.cue(&story, &worlds, Cue::Picked(0)),
                hall,
                "a number key picks no story choice here"
            );
            for (option, hands) in counts.iter().enumerate() {
                hall = hall.cue(&story, &worlds, Cue::Counted { option, hands: hands + item as u32 });
            }
            assert_eq!(decode(&encode(&hall), &story, &worlds), Ok(sent(&hall)), "{}", encode(&hall));
            hall = hall.cue(&story, &worlds, Cue::Next);
            let kept = if after { hall.check.after[item] } else { hall.check.before[item] };
            assert_eq!(kept, counts.map(|h| h + item as u32));
            assert_eq!(decode(&encode(&hall), &story, &worlds), Ok(sent(&hall)));
        }
        hall
    };
    hall = judge(hall, false, [12, 9, 8]);
    assert!(hall.cards.is_empty() && hall.game.at == At::Pick, "then the story, from the start");
    let before = hall.check.before;
    hall = play(&story, &worlds, hall, |_| 0);
    // After the ending: the same statements again, the change, then help.
    hall = hall.cue(&story, &worlds, Cue::Next);
    let ending = hall.past.last().unwrap().clone();
    hall = judge(hall, true, [25, 2, 2]);
    assert_eq!(hall.check.before, before, "the hands before are kept");
    assert_eq!(hall.card(), Some(&Card::Change));
    assert_eq!(decode(&encode(&hall), &story, &worlds), Ok(sent(&hall)));
    hall = hall.cue(&story, &worlds, Cue::Next);
    assert_eq!(hall.card(), Some(&Card::Help));
    // Back goes through it all again.
    let mut back = hall.clone();
    // Per statement: Next to ask, three counts, Next to keep them.
    for _ in 0..(1 + HALL_ITEMS * 5 + 1) {
        back = back.cue(&story, &worlds, Cue::Back);
    }
    assert_eq!(sent(&back), sent(&ending));
    // The next class: asked again, with no hands yet.
    let next = hall.cue(&story, &worlds, Cue::Restarted { seed: 9 });
    assert!(next.intro && next.check.on);
    assert_eq!(next.check.before, [[0; 3]; HALL_ITEMS]);
}

#[test]
fn a_hall_s_knowledge_check_that_does_not_fit_is_refused() {
    let worlds = Worlds::default();
    let story = story();
    let hall = Hall::new(&story, &worlds, 5).cue(&story, &worlds, Cue::Checking);
    let text = encode(&hall);
    assert!(text.contains("\ncheck 1 0 0"), "{text}");
    for bad in [
        text.replace("\ncheck 1", "\ncheck 2"),
        text.replace("\ncheck 1 0 0", "\ncheck 1 0"),
        text.replace("\ncheck 1 0", "\ncheck 1 99999"),
        text.replace("cards\n", "cards check:b7\n"),
        text.replace("cards\n", "cards check:x0\n"),
    ] {
        assert_eq!(decode(&bad, &story, &worlds), Err(SaveError::Unreadable), "{bad}");
    }
    // A hall from before the check was asked for has no check line.
    let plain = Hall::new(&story, &worlds, 5);
    assert!(!encode(&plain).contains("check"));
}
