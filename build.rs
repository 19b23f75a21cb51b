//! Turns the authored content in `assets/` (TOML, with comments for
//! translators and long strings) into what the game reads without a
//! parser: no TOML or JSON parser is shipped in the wasm (serde and one
//! would cost about 30 KB compressed).
//!
//! - The catalogue of stories (`assets/stories/catalogue.toml`) becomes a
//!   Rust static: what the title screen needs to offer each story.
//! - Each language's words are split in *packs*: the core (every file at
//!   the top of `assets/i18n/<lang>/`: the title screen, the bar, the
//!   story's screens), one per other folder (`guides/`, `assembly/`,
//!   `explore/`: the words of those doors) and one per story
//!   (`stories/<id>.toml`, with the story's structure packed inside it).
//!   English's core is compiled in; every other pack is a file
//!   (`<profile>/packs/<lang>/<pack>.txt` in Cargo's target folder), which
//!   the post-build step (`scripts/precache.mjs`) ships beside the game and
//!   the game fetches when first needed.
//!
//! Every story is checked whole here (references, reachability, endings,
//! running orders), and every pack in every language must hold the same
//! keys as English's and every key its story needs, so a broken story or a
//! missing word never builds. A file that is not valid TOML fails the build
//! naming the file and the line.
//!
//! With the test-only `fixture` feature, the folder named by
//! `ONCE_SENT_FIXTURE` is laid over `assets/` (more stories, more words):
//! the test that a new story needs no Rust.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/story/mod.rs"]
mod story;
use story::raw;

#[allow(dead_code)]
#[path = "src/i18n/toml.rs"]
mod i18n_toml;

#[path = "src/check/raw.rs"]
mod check_raw;

/// The catalogue file's shape.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    stories: Vec<RawEntry>,
}

/// One story in the catalogue.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    year: u32,
    minutes: u32,
    topics: Vec<String>,
}

/// The key under which a story's pack carries its packed structure (after
/// every word: `~` sorts last).
const STRUCTURE_KEY: &str = "~story";

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for watched in ["assets/i18n", "assets/stories", "src/story", "src/i18n/toml.rs", "src/check/raw.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    println!("cargo:rerun-if-env-changed=ONCE_SENT_FIXTURE");
    let mut roots = vec![PathBuf::from("assets")];
    if std::env::var_os("CARGO_FEATURE_FIXTURE").is_some() {
        let fixture = std::env::var("ONCE_SENT_FIXTURE")
            .expect("the fixture feature needs ONCE_SENT_FIXTURE, a folder laid out like assets/");
        println!("cargo:rerun-if-changed={fixture}");
        roots.push(PathBuf::from(fixture));
    }

    // The catalogue, every root's stories in turn.
    let mut entries: Vec<(RawEntry, PathBuf)> = Vec::new();
    for root in &roots {
        let path = root.join("stories/catalogue.toml");
        if root != &roots[0] && !path.exists() {
            continue;
        }
        let catalogue: RawCatalogue = read_toml(&path);
        entries.extend(catalogue.stories.into_iter().map(|e| (e, root.clone())));
    }
    assert!(!entries.is_empty(), "assets/stories/catalogue.toml lists no story");
    let mut seen = BTreeSet::new();
    for (entry, _) in &entries {
        let ok = !entry.id.is_empty()
            && entry.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        assert!(ok, "the story id \"{}\" must be lower-case letters, digits and -", entry.id);
        assert!(seen.insert(entry.id.clone()), "the catalogue lists \"{}\" twice", entry.id);
        assert!(!entry.topics.is_empty(), "the story \"{}\" names no topic", entry.id);
    }

    // Every story, checked, and packed, with its knowledge check.
    let mut stories = Vec::new();
    let mut banks = String::from("&[");
    for (entry, root) in &entries {
        let path = root.join("stories").join(&entry.id).join("story.toml");
        let raw: raw::RawStory = read_toml(&path);
        let checked = story::Story::from_raw(&raw)
            .unwrap_or_else(|e| panic!("{} cannot be used:\n{e}", path.display()));
        let packed = raw.pack();
        if packed.contains(['\u{1e}', '\u{1f}']) {
            panic!("{}: a value holds a control character", path.display());
        }
        assert_eq!(
            raw::RawStory::unpack(leak(&packed)).as_ref(),
            Some(&raw),
            "{}: packs whole",
            path.display()
        );
        // Its knowledge check, fair and whole.
        let path = root.join("stories").join(&entry.id).join("check.toml");
        let check: check_raw::RawCheck = read_toml(&path);
        let problems = check.problems();
        if !problems.is_empty() {
            panic!("{} cannot be used:\n{}", path.display(), problems.join("\n"));
        }
        write!(banks, "{},", check.code(&entry.id)).unwrap();
        stories.push((entry, root.clone(), checked, packed, check.keys()));
    }
    banks.push(']');
    fs::write(out.join("checks.rs"), banks).expect("write the knowledge check");

    // One folder per language, named by its tag, in every root.
    let mut langs: Vec<String> = fs::read_dir("assets/i18n")
        .expect("cannot read assets/i18n")
        .map(|e| e.expect("read a folder entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().expect("a folder name").to_string_lossy().to_string())
        .collect();
    langs.sort();
    // A build for the tests alone (a fixture's stories, a pseudo-language,
    // every pack compiled in) keeps its packs in its own OUT_DIR: the
    // post-build step ships the newest packs it finds in the profile's
    // folder, and must never find a test's.
    let for_tests = ["FIXTURE", "PSEUDO", "BUNDLED"]
        .iter()
        .any(|f| std::env::var_os(format!("CARGO_FEATURE_{f}")).is_some());
    let shipped = if for_tests { out.join("packs") } else { pack_folder(&out) };
    // The packs every language must have, with English's keys for each.
    let mut english: Vec<(String, BTreeSet<String>)> = Vec::new();
    let mut names = String::from("&[");
    let mut bundle = String::from("&[");
    for tag in &langs {
        let dirs: Vec<PathBuf> = roots.iter().map(|r| r.join("i18n").join(tag)).collect();
        let mut packs: Vec<(String, Vec<(String, String)>)> = Vec::new();
        packs.push((
            "core".into(),
            flatten(&dirs.iter().flat_map(|d| toml_files(d)).collect::<Vec<_>>(), tag),
        ));
        // Every other folder but stories/ is a pack of its own, named by it.
        for pack in pack_names(&dirs[0]) {
            let files: Vec<PathBuf> = dirs.iter().flat_map(|d| toml_files(&d.join(&pack))).collect();
            packs.push((pack, flatten(&files, tag)));
        }
        for (entry, root, checked, packed, check) in &stories {
            let path = root.join("i18n").join(tag).join("stories").join(format!("{}.toml", entry.id));
            let mut pairs = flatten(std::slice::from_ref(&path), tag);
            // Every word the story needs must be there, in every language.
            let needed = checked.keys().into_iter().chain(check.iter().cloned());
            let missing: Vec<String> = needed.filter(|k| !has(&pairs, k)).collect();
            if !missing.is_empty() {
                panic!("{} lacks what the story needs: {}", path.display(), missing.join(", "));
            }
            // And no word of the knowledge check that it does not ask.
            let extra: Vec<&str> = pairs
                .iter()
                .map(|(k, _)| k.as_str())
                .filter(|k| k.starts_with("check.") && !check.iter().any(|c| c == k))
                .collect();
            if !extra.is_empty() {
                panic!("{} has words its check.toml does not ask for: {}", path.display(), extra.join(", "));
            }
            pairs.push((STRUCTURE_KEY.into(), packed.clone()));
            packs.push((format!("story-{}", entry.id), pairs));
        }
        // What the title screen says of each story is in the core.
        let core = &packs[0].1;
        for (entry, ..) in &stories {
            let words = [format!("stories.{}.title", entry.id), format!("stories.{}.summary", entry.id)];
            for key in words.into_iter().chain(entry.topics.iter().map(|t| format!("topic.{t}"))) {
                assert!(has(core, &key), "assets/i18n/{tag}/catalogue.toml lacks {key}");
            }
        }
        // No key in two packs (where one would hide the other), and in
        // every language the same keys as in English.
        let mut everywhere: Vec<(&str, &str)> = Vec::new();
        for (pack, pairs) in &packs {
            let mut keys: BTreeSet<String> = base_keys(pairs);
            keys.remove(STRUCTURE_KEY);
            if !pack.starts_with("story-") {
                everywhere.extend(keys.iter().map(|k| (leak(k), leak(pack))));
            }
            match english.iter().find(|(p, _)| p == pack) {
                None => english.push((pack.clone(), keys)),
                Some((_, want)) if *want == keys => {}
                Some((_, want)) => {
                    let lacks: Vec<&String> = want.difference(&keys).collect();
                    let extra: Vec<&String> = keys.difference(want).collect();
                    panic!(
                        "the {pack} words in {tag} differ from English's: lacking {lacks:?}, extra {extra:?}"
                    );
                }
            }
        }
        for (pack, pairs) in packs.iter().filter(|(p, _)| p.starts_with("story-")) {
            for key in base_keys(pairs) {
                if let Some((_, other)) = everywhere.iter().find(|(k, _)| *k == key) {
                    panic!("\"{key}\" is in both the {pack} words and the {other} words of {tag}");
                }
            }
        }
        fs::create_dir_all(shipped.join(tag)).expect("make the folder of packs");
        for (pack, pairs) in &packs {
            let blob = blob(tag, pairs);
            let file = shipped.join(tag).join(format!("{pack}.txt"));
            fs::write(&file, &blob).expect("write a pack");
            if pack == "core" {
                fs::write(out.join(format!("i18n-{tag}.rs")), format!("{blob:?}"))
                    .expect("write a catalogue");
                let name = blob
                    .split('\u{1e}')
                    .find_map(|entry| entry.strip_prefix("ui.settings.language_name\u{1f}"))
                    .unwrap_or_else(|| panic!("assets/i18n/{tag} has no ui.settings.language_name"));
                write!(names, "({tag:?}, {name:?}),").unwrap();
            }
            write!(bundle, "({tag:?}, {pack:?}, include_str!({:?})),", file.display().to_string()).unwrap();
        }
    }
    names.push(']');
    bundle.push(']');
    fs::write(out.join("languages.rs"), names).expect("write the languages' names");
    // Every pack of every language, for native builds (the tests, the
    // tools) and the test-only bundled builds; the shipped game fetches them.
    fs::write(out.join("bundle.rs"), bundle).expect("write the bundle");

    // The catalogue, and how many keys each pack must hold (its arrival check).
    let mut code = String::from("&[");
    for (entry, ..) in &stories {
        let topics: Vec<String> = entry.topics.iter().map(|t| format!("{t:?}")).collect();
        write!(
            code,
            "StoryInfo {{ id: {:?}, year: {}, minutes: {}, topics: &[{}] }},",
            entry.id,
            entry.year,
            entry.minutes,
            topics.join(",")
        )
        .unwrap();
    }
    code.push(']');
    fs::write(out.join("stories.rs"), code).expect("write the catalogue");
    let mut counts = String::from("&[");
    for (pack, keys) in &english {
        write!(counts, "({pack:?}, {}),", keys.len()).unwrap();
    }
    counts.push(']');
    fs::write(out.join("packs.rs"), counts).expect("write the packs' sizes");
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_string().into_boxed_str())
}

fn has(pairs: &[(String, String)], key: &str) -> bool {
    let plural = format!("{key}#other");
    pairs.iter().any(|(k, _)| k == key || *k == plural)
}

/// Every key, a plural text once under its own key.
fn base_keys(pairs: &[(String, String)]) -> BTreeSet<String> {
    pairs.iter().map(|(k, _)| k.split_once('#').map_or(k.as_str(), |(base, _)| base).to_string()).collect()
}

/// The words of several files, flattened and sorted, or the build stops.
fn flatten(paths: &[PathBuf], tag: &str) -> Vec<(String, String)> {
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            let text =
                fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (path.display().to_string(), text)
        })
        .collect();
    i18n_toml::flatten_files(&files).unwrap_or_else(|e| panic!("the text of {tag} cannot be read:\n{e}"))
}

/// One string: key, unit separator, text, record separator, ... in key
/// order. Plain text compresses far better than a table of pointers.
fn blob(tag: &str, pairs: &[(String, String)]) -> String {
    let mut blob = String::new();
    for (key, text) in pairs {
        if key.contains(['\u{1e}', '\u{1f}']) || text.contains(['\u{1e}', '\u{1f}']) {
            panic!("{tag}: \"{key}\" holds a control character");
        }
        write!(blob, "{key}\u{1f}{text}\u{1e}").unwrap();
    }
    blob
}

/// Where the packs go: `<profile>/packs/` in Cargo's target folder
/// (OUT_DIR is `<profile>/build/<package>-<hash>/out`), where the post-build
/// step finds them.
fn pack_folder(out: &Path) -> PathBuf {
    let build = out
        .ancestors()
        .find(|p| p.file_name().is_some_and(|n| n == "build"))
        .expect("OUT_DIR is under build/");
    build.parent().expect("build/ is in a profile folder").join("packs")
}

/// The packs a language folder has beside its core: its folders, but
/// stories/ (one pack per story).
fn pack_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("read a folder entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().expect("a folder name").to_string_lossy().to_string())
        .filter(|name| name != "stories")
        .collect();
    names.sort();
    names
}

/// The TOML files directly in `dir` (none if there is no such folder).
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("read a folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{} cannot be read:\n{e}", path.display()))
}
