//! Turns the authored content in `assets/` (TOML, with comments for
//! translators and long strings) into Rust statics in `OUT_DIR`, which the
//! core includes: the browser then parses nothing at start-up, and no
//! parser is shipped in the wasm (serde and a JSON or TOML parser would
//! cost about 30 KB compressed).
//!
//! A file that is not valid TOML, or not in the story's shape, fails the
//! build here, naming the file and the line. Everything about *meaning* (a
//! scene that does not exist, a missing key) is checked by the core, so the
//! same checks run in the tests and in the browser.

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

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=assets/i18n");
    println!("cargo:rerun-if-changed=assets/story");
    println!("cargo:rerun-if-changed=src/story");
    println!("cargo:rerun-if-changed=src/i18n/toml.rs");

    let story: raw::RawStory = read_toml(Path::new("assets/story/story.toml"));
    // The whole story is checked here, so a broken one never builds, let
    // alone reaches a player; the browser then needs no checking code.
    let checked = story::Story::from_raw(&story)
        .unwrap_or_else(|e| panic!("assets/story/story.toml cannot be used:\n{e}"));
    let mut code = String::from("pub static STORY: RawStory = ");
    story.emit(&mut code);
    code.push_str(";\n");
    fs::write(out.join("story.rs"), code).expect("write story.rs");

    // One folder per language, named by its tag; any number of files in it.
    let mut langs: Vec<PathBuf> = fs::read_dir("assets/i18n")
        .expect("cannot read assets/i18n")
        .map(|e| e.expect("read a folder entry").path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    let shipped = language_files(&out);
    // Each language's own name, as its speakers write it, for the switch.
    let mut names = String::from("&[");
    for dir in langs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let files: Vec<(String, String)> = toml_files(&dir)
            .into_iter()
            .map(|path| {
                println!("cargo:rerun-if-changed={}", path.display());
                let text = fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                (path.display().to_string(), text)
            })
            .collect();
        let pairs = i18n_toml::flatten_files(&files)
            .unwrap_or_else(|e| panic!("the text of {} cannot be read:\n{e}", dir.display()));
        // Every word the story needs must be there, in every language.
        let missing: Vec<String> = checked
            .keys()
            .into_iter()
            .filter(|k| pairs.binary_search_by(|(key, _)| key.as_str().cmp(k)).is_err())
            .filter(|k| pairs.binary_search_by(|(key, _)| key.as_str().cmp(&format!("{k}#other"))).is_err())
            .collect();
        if !missing.is_empty() {
            panic!("the text of {} lacks what the story needs: {}", dir.display(), missing.join(", "));
        }
        // One string: key, unit separator, text, record separator, ... in key
        // order. Plain text compresses far better than a table of pointers.
        let mut blob = String::new();
        for (key, text) in pairs {
            if key.contains(['\u{1e}', '\u{1f}']) || text.contains(['\u{1e}', '\u{1f}']) {
                panic!("{}: \"{key}\" holds a control character", dir.display());
            }
            write!(blob, "{key}\u{1f}{text}\u{1e}").unwrap();
        }
        let code = format!("{blob:?}");
        let tag = dir.file_name().expect("a folder name").to_string_lossy().to_string();
        fs::write(out.join(format!("i18n-{tag}.rs")), code).expect("write a catalogue");
        // Every language but the first is also a file of its own, which the
        // build's post-build step (scripts/precache.mjs) ships beside the
        // game: the browser fetches it only when that language is chosen.
        fs::create_dir_all(&shipped).expect("make the folder of language files");
        fs::write(shipped.join(format!("{tag}.txt")), &blob).expect("write a language file");
        let name = blob
            .split('\u{1e}')
            .find_map(|entry| entry.strip_prefix("ui.settings.language_name\u{1f}"))
            .unwrap_or_else(|| panic!("{} has no ui.settings.language_name", dir.display()));
        write!(names, "({tag:?}, {name:?}),").unwrap();
    }
    names.push(']');
    fs::write(out.join("languages.rs"), names).expect("write the languages' names");
}

/// Where the language files go: `<profile>/i18n/` in Cargo's target folder
/// (OUT_DIR is `<profile>/build/<package>-<hash>/out`), where the post-build
/// step finds them.
fn language_files(out: &Path) -> PathBuf {
    let build = out
        .ancestors()
        .find(|p| p.file_name().is_some_and(|n| n == "build"))
        .expect("OUT_DIR is under build/");
    build.parent().expect("build/ is in a profile folder").join("i18n")
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
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

/// Writes a value as a Rust expression that builds it in a static.
trait Emit {
    fn emit(&self, out: &mut String);
}

impl Emit for raw::Text {
    fn emit(&self, out: &mut String) {
        write!(out, "Cow::Borrowed({:?})", self.as_ref()).unwrap();
    }
}

impl Emit for u32 {
    fn emit(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}

impl Emit for bool {
    fn emit(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            Some(v) => {
                out.push_str("Some(");
                v.emit(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl<T: Emit + Clone> Emit for raw::List<T> {
    fn emit(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for item in self.iter() {
            item.emit(out);
            out.push_str(",\n");
        }
        out.push_str("])");
    }
}

/// `emit_struct!(Type { field, ... })` emits a struct literal.
macro_rules! emit_struct {
    ($($t:ident { $($f:ident),* })*) => {$(
        impl Emit for raw::$t {
            fn emit(&self, out: &mut String) {
                out.push_str(concat!(stringify!($t), " {"));
                $(
                    out.push_str(concat!(stringify!($f), ": "));
                    self.$f.emit(out);
                    out.push_str(", ");
                )*
                out.push('}');
            }
        }
    )*};
}

emit_struct! {
    RawStory { start, players, people, chapters, scenes, orders }
    RawOrder { id, minutes, assembly, together, default, chapters }
    RawOrderChapter { id, minutes, prompt }
    RawPerson { id }
    RawChapter { id }
    RawScene { id, kind, chapter, pov, time, chat, messages, typing, notifications, chats, choices, next, branches }
    RawChatRow { chat, from, time, unread }
    RawMessage { id, from, photo, forwarded, time, read }
    RawNotification { id, from, chat }
    RawChoice { id, effect, next }
    RawBranch { when, next }
}
