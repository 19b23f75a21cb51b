#![cfg(not(target_arch = "wasm32"))]
//! The knowledge check (src/check): every story has a fair bank (two forms,
//! each balanced true and false, each with what-would-you-do and
//! where-is-help), every item has its words and its why in every language,
//! the score counts knowing and not doubting (a pupil who calls everything
//! false has not learned), and the record of goes kept on the device reads
//! back whole or is refused.

use std::collections::BTreeSet;

use once_sent::check::raw::{RawCheck, PER_FORM};
use once_sent::check::{
    bank, tally, Form, Go, Judgement, Kind, Lean, Record, Statement, Tally, When, Worth, BANKS, WEEK,
};
use once_sent::content::STORIES;
use once_sent::i18n::{Catalogue, Lang, BUNDLE};

use Judgement::{False as F, NotSure as N, True as T};

/// Story `id`'s words in `lang`: the core with the story's pack.
fn words(lang: Lang, id: &str) -> Catalogue {
    let pack = format!("story-{id}");
    let (_, name, text) = BUNDLE
        .iter()
        .find(|(tag, p, _)| *tag == lang.folder() && *p == pack)
        .unwrap_or_else(|| panic!("no {pack} in {}", lang.tag()));
    Catalogue::core(lang).unwrap().with_pack(name, text).unwrap()
}

/// Whether `words` hold `key`, with something in it.
fn said(words: &Catalogue, key: &str) -> bool {
    words.has(key) && !words.t(key).trim().is_empty()
}

#[test]
fn every_story_has_a_fair_bank_on_two_forms() {
    assert_eq!(BANKS.len(), STORIES.len());
    for info in STORIES {
        let bank = bank(info.id).unwrap_or_else(|| panic!("{} has no knowledge check", info.id));
        for form in [Form::A, Form::B] {
            let on = bank.form(form);
            assert_eq!(on.len(), PER_FORM, "{} {form:?}", info.id);
            assert_eq!(
                on.iter().filter(|s| s.truth).count() * 2,
                PER_FORM,
                "{} {form:?} is balanced",
                info.id
            );
            // Not all the true ones first: the order gives nothing away.
            let truths: Vec<bool> = on.iter().map(|s| s.truth).collect();
            assert!(truths.windows(2).any(|w| w[0] != w[1] && !w[0]), "{} {form:?}: {truths:?}", info.id);
            for kind in [Kind::Do, Kind::Help] {
                let q = bank.question(form, kind).unwrap_or_else(|| panic!("{} {form:?} {kind:?}", info.id));
                assert_eq!(q.options.iter().filter(|(_, w)| *w == Worth::Best).count(), 1, "{}", q.id);
            }
        }
        // The best answer is not always in the same place.
        let places: BTreeSet<usize> = bank
            .questions
            .iter()
            .map(|q| q.options.iter().position(|(_, w)| *w == Worth::Best).unwrap())
            .collect();
        assert!(places.len() > 1, "{}: the best option is always option {places:?}", info.id);
    }
}

#[test]
fn every_item_has_its_words_and_its_why_in_every_language() {
    for lang in Lang::ALL {
        for b in BANKS {
            let words = words(lang, b.story);
            let mut texts = BTreeSet::new();
            for s in b.statements {
                for part in ["text", "why"] {
                    assert!(said(&words, &s.key(part)), "{} {}", lang.tag(), s.key(part));
                }
                assert!(
                    texts.insert(words.t(&s.key("text")).to_string()),
                    "{} {}: said twice",
                    lang.tag(),
                    s.id
                );
            }
            for q in b.questions {
                let parts = ["question", "why"].into_iter().chain(q.options.iter().map(|(o, _)| *o));
                for part in parts {
                    assert!(said(&words, &q.key(part)), "{} {}", lang.tag(), q.key(part));
                }
            }
        }
    }
}

#[test]
fn a_statement_reads_easily() {
    // Short enough to judge at a glance: about 20 words, its why about 30.
    for b in BANKS {
        let en = words(Lang::EnGb, b.story);
        for s in b.statements {
            let n = en.t(&s.key("text")).split_whitespace().count();
            assert!(n <= 24, "{}: {n} words", s.id);
            let n = en.t(&s.key("why")).split_whitespace().count();
            assert!(n <= 40, "{}'s why: {n} words", s.id);
        }
    }
}

/// Form a of the first story, answered by `answers`.
fn first_form() -> Vec<&'static Statement> {
    bank(STORIES[0].id).unwrap().form(Form::A)
}

/// What a pupil who knows it all says of `form`.
fn all_right(form: &[&Statement]) -> Vec<Option<Judgement>> {
    form.iter().map(|s| Some(if s.truth { T } else { F })).collect()
}

#[test]
fn the_score_counts_knowing_not_doubting() {
    let form = first_form();
    let half = (PER_FORM / 2) as u8;
    let most = PER_FORM as u8;
    let right = all_right(&form);
    let everything = |j| vec![Some(j); form.len()];
    // Who, what they said, the true and false statements they spotted,
    // their score, and which way they lean.
    type Case = (&'static str, Vec<Option<Judgement>>, u8, u8, u8, Option<Lean>);
    let cases: [Case; 6] = [
        ("knows it all", right.clone(), half, half, most, None),
        ("calls everything false", everything(F), 0, half, 0, Some(Lean::Doubting)),
        ("calls everything true", everything(T), half, 0, 0, Some(Lean::Trusting)),
        ("not sure of anything", everything(N), 0, 0, 0, None),
        ("answers nothing", vec![None; form.len()], 0, 0, 0, None),
        (
            "gets it all backwards",
            right.iter().map(|j| Some(if *j == Some(T) { F } else { T })).collect(),
            0,
            0,
            0,
            Some(Lean::Doubting),
        ),
    ];
    for (who, answers, trues, falses, score, lean) in cases {
        let t = tally(&form, &answers);
        assert_eq!((t.trues, t.falses), (half, half), "{who}");
        assert_eq!((t.trues_spotted, t.falses_spotted), (trues, falses), "{who}: spotted");
        assert_eq!(t.score(), score, "{who}: score");
        assert_eq!(t.most(), most);
        assert_eq!(t.lean(), lean, "{who}: lean");
    }
    // Not sure costs nothing; a wrong answer takes one away.
    let mut one_unsure = right.clone();
    let mut one_wrong = right.clone();
    one_unsure[0] = Some(N);
    one_wrong[0] = Some(if form[0].truth { F } else { T });
    assert_eq!(tally(&form, &one_unsure).score(), most - 1);
    assert_eq!(tally(&form, &one_wrong).score(), most - 2);
    // Answers cut short count as not sure.
    assert_eq!(tally(&form, &right[..2]).score(), 2);
}

#[test]
fn a_pupil_who_calls_everything_false_after_playing_has_not_learned() {
    let form = first_form();
    let before = tally(&form, &vec![Some(N); form.len()]);
    let doubting = tally(&form, &vec![Some(F); form.len()]);
    let trusting = tally(&form, &vec![Some(T); form.len()]);
    assert!(!before.improved_by(&doubting), "everything false is not learning");
    assert!(!before.improved_by(&trusting), "everything true is not learning");
    // More false statements spotted, yet no better: the true ones were lost.
    assert!(doubting.falses_spotted > before.falses_spotted);
    // Half known before, all after: learned.
    let mut half = all_right(&form);
    for j in half.iter_mut().skip(PER_FORM / 2) {
        *j = Some(N);
    }
    assert!(tally(&form, &half).improved_by(&tally(&form, &all_right(&form))));
    assert!(!tally(&form, &all_right(&form)).improved_by(&tally(&form, &half)));
}

fn go(when: When, day: u32, score: u8) -> Go {
    let t = Tally {
        trues: 3,
        trues_spotted: score.min(3),
        trues_missed: 0,
        falses: 3,
        falses_spotted: score.saturating_sub(3),
        falses_believed: 0,
    };
    Go { when, day, tally: t, act: Some(Worth::Good), help: None, sure: Some(2) }
}

#[test]
fn before_after_and_a_week_later() {
    let mut r = Record::default();
    let day = 20_000;
    assert_eq!(r.next("once-sent", day), When::Before);
    assert_eq!(r.offer("once-sent", day, false), Some(When::Before));
    assert_eq!(r.offer("once-sent", day, true), None, "not before, once play has begun");
    r.put("once-sent", go(When::Before, day, 2));
    assert_eq!(r.next("once-sent", day), When::After);
    assert_eq!(r.offer("once-sent", day, false), None);
    assert_eq!(r.next("asked", day), When::Before, "each story has its own");
    r.put("once-sent", go(When::After, day + 1, 5));
    for d in day + 1..day + 1 + WEEK {
        assert!(!r.later_open("once-sent", d), "day {d}");
        assert_eq!(r.next("once-sent", d), When::After);
    }
    let week = day + 1 + WEEK;
    assert!(r.later_open("once-sent", week));
    assert_eq!(r.next("once-sent", week), When::Later);
    assert_eq!(r.offer("once-sent", week, true), Some(When::Later));
    r.put("once-sent", go(When::Later, week, 4));
    assert_eq!(r.offer("once-sent", week + 30, true), None, "taken");
    // A retake replaces the go it retakes.
    r.put("once-sent", go(When::After, week, 6));
    assert_eq!(r.go("once-sent", When::After).unwrap().tally.score(), 6);
    assert_eq!(r.go("once-sent", When::Before).unwrap().tally.score(), 2);
    // Only after playing, not before: the week later still follows.
    let mut r = Record::default();
    r.put("asked", go(When::After, day, 3));
    assert_eq!(r.next("asked", day + WEEK), When::Later);
}

#[test]
fn the_record_reads_back_whole() {
    let mut r = Record::default();
    r.put("once-sent", go(When::Before, 20_000, 1));
    r.put("once-sent", Go { act: None, help: Some(Worth::Best), sure: None, ..go(When::After, 20_001, 6) });
    r.put("new-follower", go(When::Before, 20_003, 0));
    let text = r.encode();
    assert_eq!(Record::decode(&text), Ok(r.clone()));
    assert_eq!(Record::decode(&Record::default().encode()), Ok(Record::default()));
    // Scores only: nothing a pupil answered, no name, no text.
    assert!(text.lines().skip(1).all(|l| l.split(' ').count() == 8), "{text}");
}

#[test]
fn a_spoiled_record_is_refused_not_misread() {
    let good = "once-sent check 1\nonce-sent before 20000 2/1/3 3/0/3 best - 3";
    assert!(Record::decode(good).is_ok());
    for bad in [
        "",
        "before 9",
        "once-sent check 2\nonce-sent before 20000 2/1/3 3/0/3 best - 3",
        "once-sent check 1\nonce-sent soon 20000 2/1/3 3/0/3 best - 3",
        "once-sent check 1\nonce-sent before yesterday 2/1/3 3/0/3 best - 3",
        "once-sent check 1\nonce-sent before 20000 3/1/3 3/0/3 best - 3",
        "once-sent check 1\nonce-sent before 20000 2/1 3/0/3 best - 3",
        "once-sent check 1\nonce-sent before 20000 2/1/3 3/0/3 great - 3",
        "once-sent check 1\nonce-sent before 20000 2/1/3 3/0/3 best - 5",
        "once-sent check 1\nonce-sent before 20000 2/1/3 3/0/3 best -",
        "once-sent check 1\nonce-sent before 20000 2/1/3 3/0/3 best - 3 extra",
        "once-sent check 1\n before 20000 2/1/3 3/0/3 best - 3",
        "once-sent check 1\nonce-sent before 20000 -1/1/3 3/0/3 best - 3",
    ] {
        assert!(Record::decode(bad).is_err(), "{bad:?} was read");
    }
}

fn raw(text: &str) -> RawCheck {
    toml::from_str(text).unwrap()
}

/// A fair check in the file's own words, with `extra` added.
fn fair(extra: &str) -> String {
    let mut text = String::new();
    for form in ["a", "b"] {
        for (i, truth) in [true, false, true, false, false, true].into_iter().enumerate() {
            text.push_str(&format!(
                "[[statement]]\nid = \"{form}{i}\"\nform = \"{form}\"\ntruth = {truth}\n"
            ));
        }
        for kind in ["do", "help"] {
            text.push_str(&format!(
                "[[question]]\nid = \"{form}-{kind}\"\nform = \"{form}\"\nkind = \"{kind}\"\noptions = [{{ id = \"x\", worth = \"not\" }}, {{ id = \"y\", worth = \"best\" }}]\n"
            ));
        }
    }
    text + extra
}

#[test]
fn a_broken_check_file_is_named_not_built() {
    assert_eq!(raw(&fair("")).problems(), Vec::<String>::new());
    let cases = [
        ("[[statement]]\nid = \"a9\"\nform = \"a\"\ntruth = true\n", "form a has 7 statements"),
        ("[[statement]]\nid = \"a0\"\nform = \"b\"\ntruth = true\n", "\"a0\" is used twice"),
        ("[[statement]]\nid = \"Odd One\"\nform = \"c\"\ntruth = true\n", "lower-case"),
        ("[[question]]\nid = \"more\"\nform = \"a\"\nkind = \"do\"\noptions = [{ id = \"x\", worth = \"best\" }, { id = \"y\", worth = \"best\" }]\n", "exactly one of them \"best\""),
        ("[[question]]\nid = \"more\"\nform = \"b\"\nkind = \"help\"\noptions = [{ id = \"why\", worth = \"best\" }, { id = \"z\", worth = \"meh\" }]\n", "form b has 2 \"help\" questions"),
    ];
    for (extra, says) in cases {
        let problems = raw(&fair(extra)).problems().join("\n");
        assert!(problems.contains(says), "{extra:?} gave {problems:?}, not {says:?}");
    }
    let unbalanced = fair("").replacen("truth = false", "truth = true", 1);
    assert!(raw(&unbalanced).problems().join("\n").contains("half of them true"));
    // What the words must hold: every statement's text and why, every
    // question's question, options and why.
    let keys = raw(&fair("")).keys();
    assert_eq!(keys.len(), 12 * 2 + 4 * 4);
    assert!(keys.contains(&String::from("check.a0.why")) && keys.contains(&String::from("check.b-help.y")));
}

#[test]
fn the_game_asks_for_the_words_the_build_checked() {
    // The build checks the words of the file (raw); the game shows the
    // words of the bank compiled from it: the same keys.
    for b in BANKS {
        let path = format!("{}/assets/stories/{}/check.toml", env!("CARGO_MANIFEST_DIR"), b.story);
        let file: RawCheck = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(b.keys(), file.keys(), "{}", b.story);
    }
}

#[test]
fn answers_not_yet_checked_read_back_after_a_reload_or_not_at_all() {
    use once_sent::check::Answers;
    let answers = Answers {
        statements: vec![Some(T), None, Some(N), Some(F)],
        act: Some(2),
        help: None,
        sure: Some(3),
    };
    let text = answers.encode("asked", When::After);
    assert_eq!(Answers::decode(&text, "asked"), Some((When::After, answers)));
    assert_eq!(Answers::decode(&text, "once-sent"), None, "another story's");
    let none = Answers::default();
    assert_eq!(Answers::decode(&none.encode("asked", When::Before), "asked"), Some((When::Before, none)));
    for bad in [
        "",
        "asked after tfx- 2 - 3",
        "asked soon tf- 2 - 3",
        "asked after tf- 99 - 3",
        "asked after tf- 2 - 5",
        "asked after tf 2 - 3",
        "asked after tf- 2 -",
        "asked after tf- 2 - 3 more",
    ] {
        assert_eq!(Answers::decode(bad, "asked"), None, "{bad:?}");
    }
}
