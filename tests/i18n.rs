#![cfg(not(target_arch = "wasm32"))]
//! The language catalogues: the shipped ones load, hold every key the story
//! and the shell need and no key nobody uses; and the lookup door (`t`,
//! `t_n`, `fill`, `placeholders`) behaves, including its fallbacks.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use once_sent::explore::Challenge;
use once_sent::guides;
use once_sent::i18n::{fill, placeholders, Catalogue, Lang, FALLBACK};
use once_sent::story::{Effect, Story};

fn en() -> Catalogue {
    Catalogue::load(Lang::EnGb).unwrap_or_else(|e| panic!("{e}"))
}

/// Every `.rs` file under `src/`, as (path, text).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push((path.display().to_string(), fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    walk(&root.join("src"), &mut out);
    // The title screen written into index.html at build time, for the
    // moments before the game has started.
    let first = root.join("scripts/first-screen.mjs");
    out.push((first.display().to_string(), fs::read_to_string(&first).unwrap()));
    out
}

// ---- the shipped catalogues ----

#[test]
fn every_shipped_catalogue_loads() {
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cat.lang(), lang);
        assert!(cat.keys().count() > 0, "{} is empty", lang.tag());
    }
    assert_eq!(Lang::ALL[0], FALLBACK, "the fallback comes first");
    assert_eq!(FALLBACK.tag(), "en-GB");
}

#[test]
fn every_story_key_is_in_every_catalogue() {
    let story = Story::load().unwrap();
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap();
        let missing: Vec<String> = story.keys().into_iter().filter(|k| !cat.has(k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
    }
}

#[test]
fn every_catalogue_key_is_used_by_the_story_or_the_source() {
    // `ui.` keys are used by the shell (src/ui), the rest by the story; a key
    // counts as used in the source when it appears there in double quotes.
    let mut story: BTreeSet<String> = Story::load().unwrap().keys().into_iter().collect();
    // Keys the shell makes from data, not written out in its source.
    story.extend(Effect::ALL.map(Effect::outcome_key));
    story.extend(Challenge::ALL.into_iter().flat_map(|c| Challenge::PARTS.map(|part| c.key(part))));
    // Each language's own name, which the build script compiles in for the
    // language switch (`Lang::own_name`).
    story.insert(String::from("ui.settings.language_name"));
    // What the title screen says of each story in the catalogue.
    for info in once_sent::content::STORIES {
        story.extend([info.title_key(), info.summary_key()]);
        story.extend(info.topics.iter().map(|t| format!("topic.{t}")));
    }
    let cat = en();
    story.extend(guides::keys(|k| cat.has(k)));
    // The knowledge check: the first story's items, and the words the
    // shell makes from the check's data.
    story.extend(once_sent::check::bank(once_sent::content::first_story().id).unwrap().keys());
    story.extend(once_sent::check::made_keys());
    let sources = sources();
    let cat = en();
    let unused: Vec<&str> = cat
        .keys()
        .filter(|k| !story.contains(*k))
        .filter(|k| {
            let quoted = format!("\"{k}\"");
            !sources.iter().any(|(_, text)| text.contains(&quoted))
        })
        .collect();
    assert!(unused.is_empty(), "keys nobody uses: {unused:?}");
}

#[test]
fn every_effect_has_its_outcome_sentence_in_every_catalogue() {
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap();
        for effect in Effect::ALL {
            assert!(cat.has(&effect.outcome_key()), "{} lacks {}", lang.tag(), effect.outcome_key());
        }
    }
}

#[test]
fn every_word_assembly_makes_from_data_is_in_every_catalogue() {
    let keys: Vec<String> =
        Story::load().unwrap().keys().into_iter().filter(|k| k.starts_with("assembly.")).collect();
    assert!(keys.len() >= 4 + 3, "{keys:?}");
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap();
        let missing: Vec<&String> = keys.iter().filter(|k| !cat.has(k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
    }
}

#[test]
fn every_challenge_has_its_words_in_every_catalogue() {
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap();
        for challenge in Challenge::ALL {
            for part in Challenge::PARTS {
                assert!(cat.has(&challenge.key(part)), "{} lacks {}", lang.tag(), challenge.key(part));
            }
        }
    }
}

#[test]
fn every_ui_key_quoted_in_the_source_is_in_the_catalogue() {
    let cat = en();
    let mut missing = Vec::new();
    for (path, text) in sources() {
        for literal in text.split('"').skip(1).step_by(2) {
            let is_key = literal.starts_with("ui.")
                && literal.len() > 3
                && literal
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.');
            if is_key && !cat.has(literal) {
                missing.push(format!("{path}: {literal}"));
            }
        }
    }
    assert!(missing.is_empty(), "keys the source uses that the catalogue lacks: {missing:?}");
}

#[test]
fn every_plural_form_keeps_the_placeholders_of_other() {
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap();
        for key in cat.keys() {
            if cat.is_plural(key) {
                let other = placeholders(cat.plural_form(key, u64::MAX));
                assert!(other.contains(&"n"), "{} {key}: the forms never say the number", lang.tag());
                for (form, text) in cat.forms(key) {
                    assert_eq!(placeholders(text), other, "{} {key}#{form}", lang.tag());
                }
            }
        }
    }
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    // The fallback is the reference: each other language has exactly its
    // keys, each plain where it is plain and plural where it is plural,
    // each with the same placeholders (every plural form of every one).
    let en = en();
    for lang in Lang::ALL.into_iter().filter(|l| *l != FALLBACK) {
        let cat = Catalogue::load(lang).unwrap();
        let missing: Vec<&str> = en.keys().filter(|k| !cat.has(k)).collect();
        let extra: Vec<&str> = cat.keys().filter(|k| !en.has(k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
        assert!(extra.is_empty(), "{} has keys English lacks: {extra:?}", lang.tag());
        for key in en.keys() {
            assert_eq!(
                cat.is_plural(key),
                en.is_plural(key),
                "{} {key}: plural in one language only",
                lang.tag()
            );
            let want = placeholders(en.plural_form(key, u64::MAX));
            for (form, text) in cat.forms(key) {
                assert_eq!(
                    placeholders(text),
                    want,
                    "{} {key}{form}: not the placeholders of English",
                    lang.tag()
                );
            }
        }
    }
}

#[test]
fn every_plural_has_every_form_its_language_uses() {
    // Numbers whose plural categories between them cover every category
    // each language's rules can give.
    let samples = [0, 1, 2, 3, 4, 6, 11, 100];
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap();
        for key in cat.keys().filter(|k| cat.is_plural(k)) {
            for n in samples {
                let category = lang.plural(n);
                assert!(
                    cat.forms(key).any(|(form, _)| form == category),
                    "{} {key} has no \"{category}\" form (for {n})",
                    lang.tag()
                );
            }
        }
    }
}

/// The fallback's words as the build script writes a language file.
fn blob_of(cat: &Catalogue) -> Vec<String> {
    let mut entries = Vec::new();
    for key in cat.keys() {
        for (form, text) in cat.forms(key) {
            let key = if form.is_empty() { key.to_string() } else { format!("{key}#{form}") };
            entries.push(format!("{key}\u{1f}{text}\u{1e}"));
        }
    }
    entries.sort();
    entries
}

fn leak(entries: &[String]) -> &'static str {
    Box::leak(entries.concat().into_boxed_str())
}

#[test]
fn a_language_file_is_read_only_when_whole_and_in_order() {
    // English's core, as the browser has it compiled in.
    let (_, _, core) =
        once_sent::i18n::BUNDLE.iter().find(|(t, p, _)| *t == "en-GB" && *p == "core").unwrap();
    let entries: Vec<String> = core.split_inclusive('\u{1e}').map(String::from).collect();
    let whole = Catalogue::from_blob(Lang::Cy, leak(&entries)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(whole.t("ui.start"), "Start");
    assert_eq!(whole.lang(), Lang::Cy);
    // One word short (a file from another version of the game): refused.
    let short = Catalogue::from_blob(Lang::Cy, leak(&entries[1..])).unwrap_err();
    assert!(short.problem.contains("1 of the game's words"), "{short}");
    // Out of order: refused.
    let mut swapped = entries.clone();
    swapped.swap(3, 4);
    assert!(Catalogue::from_blob(Lang::Cy, leak(&swapped)).is_err());
    // Not a language file at all.
    for junk in ["", "<!doctype html><title>404</title>", "\u{1e}\u{1e}"] {
        assert!(Catalogue::from_blob(Lang::Cy, junk).is_err(), "{junk:?}");
    }
    // The shipped Welsh core, as its file holds it, is whole.
    let cy = Catalogue::from_blob(Lang::Cy, pack("cy", "core")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cy.keys().count(), Catalogue::from_blob(Lang::EnGb, core).unwrap().keys().count());
}

/// A pack as the build wrote it.
fn pack(tag: &str, name: &str) -> &'static str {
    once_sent::i18n::BUNDLE
        .iter()
        .find(|(t, p, _)| *t == tag && *p == name)
        .unwrap_or_else(|| panic!("{tag} {name}"))
        .2
}

#[test]
fn a_pack_is_merged_in_only_when_whole_in_order_and_new() {
    let story = once_sent::content::first_story().pack();
    let story: &'static str = Box::leak(story.into_boxed_str());
    for lang in Lang::ALL {
        let core = Catalogue::from_blob(lang, pack(lang.tag(), "core")).unwrap();
        assert!(
            !core.has("guide.teachers.title") && !core.has("scene.the_post.title"),
            "the core holds only the core"
        );
        let guides = core.with_pack("guides", pack(lang.tag(), "guides")).unwrap_or_else(|e| panic!("{e}"));
        assert!(guides.has_pack("guides") && guides.has("guide.teachers.title") && guides.has("ui.start"));
        let mut all = guides.clone();
        for (door, _) in once_sent::i18n::PACKS
            .iter()
            .filter(|(p, _)| !["core", "guides"].contains(p) && !p.starts_with("story-"))
        {
            all = all.with_pack(door, pack(lang.tag(), door)).unwrap_or_else(|e| panic!("{e}"));
        }
        let all = all.with_pack(story, pack(lang.tag(), story)).unwrap_or_else(|e| panic!("{e}"));
        assert!(all.has("scene.the_post.title") && !all.has(once_sent::i18n::STRUCTURE_KEY));
        assert_eq!(blob_of(&all), blob_of(&Catalogue::load(lang).unwrap()), "{}", lang.tag());
        // Merged again: the same words, not refused.
        assert_eq!(all.with_pack("guides", pack(lang.tag(), "guides")).unwrap(), all);
        // Cut short, out of order, or under another pack's name: refused.
        let text = pack(lang.tag(), "guides");
        let cut =
            leak(&[text[..text.len() / 2].rsplit_once('\u{1e}').unwrap().0.to_string(), "\u{1e}".into()]);
        assert!(core.with_pack("guides", cut).unwrap_err().problem.contains("not the"), "{}", lang.tag());
        let mut swapped: Vec<String> = text.split_inclusive('\u{1e}').map(String::from).collect();
        swapped.swap(1, 2);
        assert!(core.with_pack("guides", leak(&swapped)).is_err());
        assert!(core.with_pack(story, text).is_err(), "the guides are not the story");
        // A pack whose words are already in the game's words: refused.
        assert!(core.with_pack("guides", pack(lang.tag(), "core")).is_err());
    }
}

#[test]
fn every_language_is_offered_by_its_own_name() {
    assert_eq!(Lang::EnGb.own_name(), "English");
    assert_eq!(Lang::Cy.own_name(), "Cymraeg");
    for lang in Lang::ALL {
        assert_eq!(lang.own_name(), Catalogue::load(lang).unwrap().t("ui.settings.language_name"));
    }
}

#[test]
fn welsh_plurals_follow_the_cldr_rules() {
    #[rustfmt::skip]
    let cases = [(0, "zero"), (1, "one"), (2, "two"), (3, "few"), (4, "other"), (5, "other"),
                 (6, "many"), (7, "other"), (10, "other"), (13, "other"), (100, "other")];
    for (n, want) in cases {
        assert_eq!(Lang::Cy.plural(n), want, "cy {n}");
    }
    assert_eq!(Lang::EnGb.plural(0), "other");
    assert_eq!(Lang::EnGb.plural(1), "one");
    assert_eq!(Lang::EnGb.plural(2), "other");
}

#[test]
fn numbers_are_grouped_in_threes() {
    #[rustfmt::skip]
    let cases = [(0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (50_400, "50,400"),
                 (1_008_000, "1,008,000"), (u64::MAX, "18,446,744,073,709,551,615")];
    for lang in Lang::ALL {
        for (n, want) in cases {
            assert_eq!(lang.number(n), want, "{} {n}", lang.tag());
        }
    }
    let cat = en();
    assert_eq!(cat.t_n("ui.outcome.holding", 50_400, &[]), "50,400 phones still hold a copy of the picture.");
}

#[test]
fn a_device_language_tag_finds_its_language() {
    #[rustfmt::skip]
    let cases = [("cy", Some(Lang::Cy)), ("cy-GB", Some(Lang::Cy)), ("CY", Some(Lang::Cy)),
                 ("en", Some(Lang::EnGb)), ("en-US", Some(Lang::EnGb)), ("en_GB", Some(Lang::EnGb)),
                 ("fr-FR", None), ("", None), ("c", None), ("cym", None)];
    for (tag, want) in cases {
        assert_eq!(Lang::from_tag(tag), want, "{tag:?}");
    }
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        assert_eq!(lang.dir(), "ltr");
    }
}

#[test]
fn the_shipped_catalogue_fills_its_counted_texts() {
    let cat = en();
    assert_eq!(cat.t_n("ui.outcome.holding", 1, &[]), "1 phone still holds a copy of the picture.");
    assert_eq!(cat.t_n("ui.outcome.holding", 26, &[]), "26 phones still hold a copy of the picture.");
    assert_eq!(cat.t_with("ui.chat.typing", &[("name", "Kai")]), "Kai is typing…");
}

// ---- the lookup door, on small catalogues ----

// As the build script writes it: plural forms under `<key>#<category>`.
const SMALL: [(&str, &str); 5] = [
    ("greet", "Hello {name}"),
    ("plain", "No placeholders"),
    ("copies#one", "{n} copy on {where}"),
    ("copies#other", "{n} copies on {where}"),
    ("only_other#other", "{n} things"),
];

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn small() -> Catalogue {
    Catalogue::from_pairs(Lang::EnGb, pairs(&SMALL)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn t_looks_up_texts_and_falls_back_to_the_key() {
    let cat = small();
    #[rustfmt::skip]
    let cases = [
        ("plain",      "No placeholders"),
        ("greet",      "Hello {name}"),
        ("copies",     "{n} copies on {where}"), // a plural read as text gives "other"
        ("missing",    "missing"),
        ("greet.name", "greet.name"),
        ("",           ""),
    ];
    for (key, want) in cases {
        assert_eq!(cat.t(key), want, "t({key:?})");
    }
}

#[test]
fn t_with_fills_placeholders() {
    let cat = small();
    assert_eq!(cat.t_with("greet", &[("name", "Ellie")]), "Hello Ellie");
    assert_eq!(cat.t_with("greet", &[]), "Hello {name}");
    assert_eq!(cat.t_with("missing.key", &[("name", "Ellie")]), "missing.key");
}

#[test]
fn t_n_picks_the_plural_form() {
    let cat = small();
    #[rustfmt::skip]
    let cases: [(&str, u64, &str); 8] = [
        ("copies",     0, "0 copies on phones"),
        ("copies",     1, "1 copy on phones"),
        ("copies",     2, "2 copies on phones"),
        ("copies",    21, "21 copies on phones"),
        ("only_other", 1, "1 things"),  // no "one": falls back to "other"
        ("plain",      1, "No placeholders"),
        ("greet",      3, "Hello {name}"),
        ("gone",       1, "gone"),
    ];
    for (key, n, want) in cases {
        assert_eq!(cat.t_n(key, n, &[("where", "phones")]), want, "t_n({key:?}, {n})");
    }
    assert_eq!(cat.t_n("copies", u64::MAX, &[("where", "x")]), "18,446,744,073,709,551,615 copies on x");
}

#[test]
fn en_gb_plural_categories() {
    #[rustfmt::skip]
    let cases = [(0, "other"), (1, "one"), (2, "other"), (11, "other"), (101, "other")];
    for (n, want) in cases {
        assert_eq!(Lang::EnGb.plural(n), want, "plural({n})");
    }
}

#[test]
fn a_plural_table_without_other_is_refused_naming_the_key() {
    let err =
        Catalogue::from_pairs(Lang::EnGb, pairs(&[("fine", "x"), ("copies#one", "{n} copy")])).unwrap_err();
    assert_eq!(err.lang, "en-GB");
    assert!(err.problem.contains("\"copies\""), "{}", err.problem);
    assert!(err.problem.contains("other"), "{}", err.problem);
    assert!(err.to_string().contains("en-GB"), "{err}");
}

#[test]
fn a_key_given_twice_is_refused_naming_it() {
    let err = Catalogue::from_pairs(Lang::EnGb, pairs(&[("a", "x"), ("b", "y"), ("a", "z")])).unwrap_err();
    assert!(err.problem.contains("\"a\""), "{}", err.problem);
}

#[test]
fn pairs_in_any_order_give_the_same_catalogue() {
    let mut reversed = SMALL;
    reversed.reverse();
    assert_eq!(Catalogue::from_pairs(Lang::EnGb, pairs(&reversed)).unwrap(), small());
}

#[test]
fn broken_catalogue_files_are_refused_naming_the_fault() {
    #[rustfmt::skip]
    let cases = [
        ("not TOML",               "title = ",                              "line 1"),
        ("a number value",         "[ui]\ncount = 3",                       "\"ui.count\""),
        ("a list value",           "names = [\"a\"]",                        "\"names\""),
        ("a plural form not text", "copies = { one = 1, other = \"{n}\" }", "\"copies.one\""),
    ];
    for (name, text, needle) in cases {
        let err = Catalogue::from_toml(Lang::EnGb, text).expect_err(name);
        assert!(err.problem.contains(needle), "{name}: {:?} does not mention {needle}", err.problem);
    }
}

#[test]
fn plural_forms_without_other_are_an_ordinary_table_that_the_key_checks_catch() {
    let cat = Catalogue::from_toml(Lang::EnGb, "copies = { one = \"{n} copy\" }").unwrap();
    assert!(!cat.has("copies") && cat.has("copies.one"));
}

#[test]
fn a_table_named_like_a_plural_form_among_other_keys_stays_a_table() {
    let cat =
        Catalogue::from_toml(Lang::EnGb, "[scene.a.choice]\nother = \"Something else\"\nstay = \"Stay\"")
            .unwrap();
    assert_eq!(cat.t("scene.a.choice.other"), "Something else");
    assert!(!cat.is_plural("scene.a.choice"));
}

#[test]
fn every_shipped_file_reads_the_same_at_run_time_as_compiled_in() {
    // The whole game's words: the core (the language's own folder), the
    // guides and the first story.
    let story = once_sent::content::first_story().id;
    for lang in Lang::ALL {
        let dir = format!("{}/assets/i18n/{}", env!("CARGO_MANIFEST_DIR"), lang.tag());
        let toml_in = |dir: &str| -> Vec<std::path::PathBuf> {
            std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        };
        let mut paths = toml_in(&dir);
        // Every door's folder (guides/, assembly/, explore/, play/,
        // check/) but stories/.
        for door in ["guides", "assembly", "explore", "play", "check"] {
            paths.extend(toml_in(&format!("{dir}/{door}")));
        }
        let folders =
            std::fs::read_dir(&dir).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
        assert_eq!(folders, 6, "{dir}: the doors' folders and stories/");
        paths.push(format!("{dir}/stories/{story}.toml").into());
        let files: Vec<(String, String)> =
            paths.iter().map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap())).collect();
        assert!(files.len() >= 4, "{dir} has too few text files");
        let read = Catalogue::from_toml_files(lang, &files).unwrap();
        assert_eq!(blob_of(&read), blob_of(&Catalogue::load(lang).unwrap()), "{}", lang.tag());
    }
}

#[test]
fn a_key_in_two_files_of_one_language_is_refused_naming_both() {
    let files = [
        ("ui.toml".to_string(), "[ui]\nstart = \"Go\"".to_string()),
        ("more.toml".to_string(), "ui.start = \"Begin\"".to_string()),
    ];
    let err = Catalogue::from_toml_files(Lang::EnGb, &files).unwrap_err();
    assert!(
        err.problem.contains("\"ui.start\"")
            && err.problem.contains("ui.toml")
            && err.problem.contains("more.toml"),
        "{}",
        err.problem
    );
}

/// A text, the values to fill in, and the text wanted.
type FillCase<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

#[test]
fn fill_replaces_known_names_and_leaves_the_rest() {
    #[rustfmt::skip]
    let cases: [FillCase; 10] = [
        ("Hello {name}",        &[("name", "Ellie")],          "Hello Ellie"),
        ("{a}{b}{a}",           &[("a", "1"), ("b", "2")],     "121"),
        ("{n} of {total}",      &[("n", "3")],                 "3 of {total}"),
        ("no braces",           &[("x", "y")],                 "no braces"),
        ("open { never closed", &[],                           "open { never closed"),
        ("{unclosed",           &[("unclosed", "x")],          "{unclosed"),
        ("{}",                  &[],                           "{}"),
        ("{a}",                 &[("a", "{b}"), ("b", "no")],  "{b}"), // values are not filled again
        ("😭 {n} 👀",            &[("n", "2")],                 "😭 2 👀"),
        ("",                    &[("a", "b")],                 ""),
    ];
    for (text, args, want) in cases {
        assert_eq!(fill(text, args), want, "fill({text:?})");
    }
}

#[test]
fn placeholders_lists_names_sorted_once() {
    #[rustfmt::skip]
    let cases: [(&str, &[&str]); 6] = [
        ("Hello {name}",         &["name"]),
        ("{n} of {count}, {n}",  &["count", "n"]),
        ("nothing here",         &[]),
        ("{b}{a}",               &["a", "b"]),
        ("{open",                &[]),
        ("{one} and {two",       &["one"]),
    ];
    for (text, want) in cases {
        assert_eq!(placeholders(text), want, "placeholders({text:?})");
    }
}

#[test]
fn keys_lists_a_plural_text_once_under_its_own_key() {
    let cat = small();
    let keys: Vec<&str> = cat.keys().collect();
    assert_eq!(keys, ["copies", "greet", "only_other", "plain"]);
    assert!(cat.is_plural("copies") && !cat.is_plural("greet"));
    assert!(cat.has("copies") && cat.has("greet") && !cat.has("nope"));
    let forms: Vec<(&str, &str)> = cat.forms("copies").collect();
    assert_eq!(forms, [("one", "{n} copy on {where}"), ("other", "{n} copies on {where}")]);
}

/// The words a scene puts on screen at once: its messages and choices (or
/// notifications), or its body.
fn words_on_screen(cat: &Catalogue, scene: &once_sent::story::Scene) -> usize {
    let mut keys: Vec<String> =
        scene.messages.iter().filter(|m| !m.photo).map(|m| scene.message_key(m)).collect();
    keys.extend(scene.choices.iter().map(|c| scene.choice_key(c)));
    keys.extend(scene.notifications.iter().map(|n| scene.note_key(n)));
    if cat.has(&scene.body_key()) {
        keys.push(scene.body_key());
    }
    keys.iter().map(|k| cat.t(k).split_whitespace().count()).sum()
}

#[test]
fn no_scene_puts_more_than_about_sixty_words_on_screen() {
    // The reading level for 11-16 year olds: short messages, about 60 words
    // on screen at once. Welsh says the same in more, shorter words (its
    // particles and "yn", "y", "'n" are words of their own): about a sixth
    // more.
    let story = Story::load().unwrap();
    for lang in Lang::ALL {
        let most = if lang == Lang::Cy { 70 } else { 60 };
        let cat = Catalogue::load(lang).unwrap();
        let crowded: Vec<String> = story
            .scenes()
            .iter()
            .map(|s| (s.id.to_string(), words_on_screen(&cat, s)))
            .filter(|(_, n)| *n > most)
            .map(|(id, n)| format!("{id}: {n}"))
            .collect();
        assert!(crowded.is_empty(), "{}: too many words on screen: {crowded:?}", lang.tag());
    }
}
