//! Making a catalogue: the core and the packs compiled into this build,
//! read from their text and checked, and packs merged into a catalogue.

use std::borrow::Cow;

#[cfg(not(target_arch = "wasm32"))]
use super::toml;
use super::{Catalogue, CatalogueError, Lang, Text, FALLBACK};

/// Every pack of every language compiled into this build, as (language
/// tag, pack, text): natively (the tests, the tools) and in the test-only
/// bundled build. The shipped game fetches them instead.
#[cfg(any(not(target_arch = "wasm32"), feature = "bundled"))]
pub const BUNDLE: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundle.rs"));

/// Every pack and how many keys it holds (a plural text counts once), the
/// same in every language: a pack that arrives with another number is cut
/// short or from another version of the game.
pub const PACKS: &[(&str, usize)] = include!(concat!(env!("OUT_DIR"), "/packs.rs"));

/// The key under which a story's pack carries its structure, after every word.
pub const STRUCTURE_KEY: &str = "~story";

impl Catalogue {
    /// The catalogue of `lang` compiled into this build, checked: in the
    /// browser, the fallback's core; natively (and in the test-only bundled
    /// build), the whole game's words: the core, every door's pack (the
    /// guides, Assembly, Explore) and the first story.
    pub fn load(lang: Lang) -> Result<Self, CatalogueError> {
        let core = Self::core(lang)?;
        #[cfg(any(not(target_arch = "wasm32"), feature = "bundled"))]
        {
            let tag = core.lang.folder();
            let mine = || BUNDLE.iter().filter(move |(t, _, _)| *t == tag);
            let doors = mine().filter(|(_, p, _)| *p != "core" && !p.starts_with("story-"));
            let story = mine().find(|(_, p, _)| p.starts_with("story-"));
            let mut all = core;
            for (_, pack, text) in doors.chain(story) {
                all = all.with_pack(pack, text)?;
            }
            Ok(all)
        }
        #[cfg(all(target_arch = "wasm32", not(feature = "bundled")))]
        Ok(core)
    }

    /// The core of `lang` compiled into this build (the fallback's, in the
    /// browser), checked, with no pack merged in.
    pub fn core(lang: Lang) -> Result<Self, CatalogueError> {
        let blob = lang.shipped().ok_or_else(|| CatalogueError {
            lang: lang.tag(),
            problem: String::from("it is not compiled in, but fetched when chosen"),
        })?;
        Self::from_blob(lang, blob)
    }

    /// This catalogue with the words of a pack (the guides, a story) merged
    /// in, checked: in order, and with as many keys as the build gave the
    /// pack, so that a file cut short or from another version is refused,
    /// not shown with gaps. A pack already merged in is not merged again.
    pub fn with_pack(&self, pack: &'static str, blob: &'static str) -> Result<Self, CatalogueError> {
        if self.has_pack(pack) {
            return Ok(self.clone());
        }
        let problem = |problem| CatalogueError { lang: self.lang.tag(), problem };
        let words = Self::checked(self.lang, Cow::Owned(entries_of(blob)))?;
        let want = PACKS.iter().find(|(p, _)| *p == pack).map(|(_, n)| *n);
        let got = words.keys().filter(|k| *k != STRUCTURE_KEY).count();
        if want != Some(got) {
            return Err(problem(format!(
                "the {pack} words hold {got} texts, not the {} expected",
                want.unwrap_or(0)
            )));
        }
        if let Some(key) = words.keys().find(|k| self.has(k)) {
            return Err(problem(format!("\"{key}\" of the {pack} words is already in the game's words")));
        }
        // Both are sorted and share no key: one pass merges them (and a
        // sort would cost the wasm several KB).
        let (mut mine, mut theirs) = (self.entries.iter().peekable(), words.entries.iter().peekable());
        let mut entries: Vec<(Text, Text)> = Vec::with_capacity(self.entries.len() + words.entries.len());
        loop {
            let next = match (mine.peek(), theirs.peek()) {
                (Some(a), Some(b)) if a.0 < b.0 => mine.next(),
                (_, Some(_)) => theirs.next(),
                (Some(_), None) => mine.next(),
                (None, None) => break,
            };
            entries.extend(next.filter(|(k, _)| k != STRUCTURE_KEY).cloned());
        }
        let mut packs = self.packs.clone();
        packs.push(pack);
        Ok(Self { lang: self.lang, entries: Cow::Owned(entries), packs })
    }

    /// Whether the words of `pack` are merged in.
    pub fn has_pack(&self, pack: &str) -> bool {
        self.packs.contains(&pack)
    }

    /// A catalogue from its text as the build script writes it (`key
    /// \u{1f} text \u{1e}`, sorted by key), checked: in order, and for a
    /// language other than the fallback, with every key of the fallback
    /// (so a file from another version of the game is refused, not shown
    /// with gaps).
    pub fn from_blob(lang: Lang, blob: &'static str) -> Result<Self, CatalogueError> {
        let catalogue = Self::checked(lang, Cow::Owned(entries_of(blob)))?;
        if let Some(fallback) = FALLBACK.shipped().filter(|_| lang != FALLBACK) {
            let missing = fallback
                .split_terminator('\u{1e}')
                .filter_map(|entry| entry.split_once('\u{1f}'))
                .map(|(key, _)| key.split_once('#').map_or(key, |(base, _)| base))
                .filter(|key| !catalogue.has(key))
                .count();
            if missing > 0 {
                return Err(CatalogueError {
                    lang: lang.tag(),
                    problem: format!("{missing} of the game's words are missing from it"),
                });
            }
        }
        Ok(catalogue)
    }

    /// A catalogue from (key, text) pairs in any order, checked: for tests,
    /// and for catalogues read at run time.
    pub fn from_pairs(lang: Lang, mut pairs: Vec<(String, String)>) -> Result<Self, CatalogueError> {
        pairs.sort();
        let entries = pairs.into_iter().map(|(k, v)| (Cow::Owned(k), Cow::Owned(v))).collect();
        Self::checked(lang, Cow::Owned(entries))
    }

    /// Reads and checks a catalogue written in the authored TOML format.
    /// Native builds only: the browser gets its catalogues compiled in.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_toml(lang: Lang, text: &str) -> Result<Self, CatalogueError> {
        Self::from_toml_files(lang, &[(String::from("(text)"), text.to_string())])
    }

    /// Reads and checks a catalogue from several TOML files, each given as
    /// (its name, its text), as a language folder holds them.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_toml_files(lang: Lang, files: &[(String, String)]) -> Result<Self, CatalogueError> {
        let pairs =
            toml::flatten_files(files).map_err(|problem| CatalogueError { lang: lang.tag(), problem })?;
        Self::from_pairs(lang, pairs)
    }

    fn checked(lang: Lang, entries: Cow<'static, [(Text, Text)]>) -> Result<Self, CatalogueError> {
        let problem = |problem| Err(CatalogueError { lang: lang.tag(), problem });
        for pair in entries.windows(2) {
            if pair[0].0 >= pair[1].0 {
                return problem(format!("\"{}\" is not in order or is there twice", pair[1].0));
            }
        }
        let catalogue = Self { lang, entries, packs: Vec::new() };
        for (key, _) in catalogue.entries.iter() {
            if let Some((base, _)) = key.split_once('#') {
                if catalogue.get(&format!("{base}#other")).is_none() {
                    return problem(format!("the plural forms of \"{base}\" have no \"other\" form"));
                }
            }
        }
        Ok(catalogue)
    }
}

/// The entries of a blob as the build script writes it.
fn entries_of(blob: &'static str) -> Vec<(Text, Text)> {
    blob.split_terminator('\u{1e}')
        .map(|entry| {
            let (key, text) = entry.split_once('\u{1f}').unwrap_or((entry, ""));
            (Cow::Borrowed(key), Cow::Borrowed(text))
        })
        .collect()
}
