//! Every word the player reads: the language catalogues and the one door to
//! them, [`Catalogue::t`] and [`Catalogue::t_n`].
//!
//! Catalogues are authored as TOML in `assets/i18n/<lang>/*.toml`; the build
//! script flattens them to sorted (key, text) pairs, so looking a word up is
//! a binary search and start-up parses nothing. English is compiled into the
//! game; in the browser every other language is a file of its own, fetched
//! when chosen and checked whole by [`Catalogue::from_blob`].
//! A key missing from a catalogue shows as the key itself, a readable gap,
//! never a panic (the tests keep every catalogue complete).
//! This module knows nothing of the story, the simulation or the browser.

use std::borrow::Cow;
use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
pub mod toml;

/// The language every catalogue falls back to.
pub const FALLBACK: Lang = Lang::EnGb;

/// A language the game ships.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (United Kingdom).
    EnGb,
    /// Welsh.
    Cy,
    /// A right-to-left pseudo-language for the tests alone: the English
    /// words, laid out right to left, to prove every screen mirrors.
    #[cfg(feature = "pseudo")]
    Rtl,
}

impl Lang {
    /// Every shipped language, fallback first.
    pub const ALL: [Lang; 2] = [Lang::EnGb, Lang::Cy];

    /// The BCP 47 tag, as used in `lang` attributes and file names.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::EnGb => "en-GB",
            Lang::Cy => "cy",
            #[cfg(feature = "pseudo")]
            Lang::Rtl => "en-XA",
        }
    }

    /// The tag of the folder its words come from (`assets/i18n/<tag>`), and
    /// of its packs: the pseudo-language reads English's.
    pub fn folder(self) -> &'static str {
        match self {
            #[cfg(feature = "pseudo")]
            Lang::Rtl => FALLBACK.tag(),
            _ => self.tag(),
        }
    }

    /// The language a tag names, matched on its first part, so that a
    /// device's "cy-GB" or "en-US" finds Welsh or English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().split('-').next().unwrap_or_default().eq_ignore_ascii_case(primary))
    }

    /// `n` written as this language writes numbers: grouped in threes
    /// with commas in English and in Welsh ("50,400").
    pub fn number(self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    /// Which way its text runs: `ltr` or `rtl`, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            #[cfg(feature = "pseudo")]
            Lang::Rtl => "rtl",
            _ => "ltr",
        }
    }

    /// The core of the catalogue as the build script compiled it: `key
    /// \u{1f} text \u{1e}` for every entry, sorted by key. In the browser
    /// only the fallback's is compiled in; every other language's core is a
    /// pack of its own, fetched when chosen and read with
    /// [`Catalogue::from_blob`].
    fn shipped(self) -> Option<&'static str> {
        match self {
            Lang::EnGb => Some(include!(concat!(env!("OUT_DIR"), "/i18n-en-GB.rs"))),
            #[cfg(any(not(target_arch = "wasm32"), feature = "bundled"))]
            Lang::Cy => Some(include!(concat!(env!("OUT_DIR"), "/i18n-cy.rs"))),
            #[cfg(all(target_arch = "wasm32", not(feature = "bundled")))]
            Lang::Cy => None,
            #[cfg(feature = "pseudo")]
            Lang::Rtl => Lang::EnGb.shipped(),
        }
    }

    /// The language's own name, as its speakers write it ("Cymraeg"): the
    /// switch offers a language by this name.
    pub fn own_name(self) -> &'static str {
        const NAMES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));
        let tag = self.folder();
        NAMES.iter().find(|(t, _)| *t == tag).map_or(tag, |(_, name)| name)
    }

    /// The plural category of `n` in this language (CLDR cardinal rules).
    pub fn plural(self, n: u64) -> &'static str {
        match self {
            Lang::Cy => match n {
                0 => "zero",
                1 => "one",
                2 => "two",
                3 => "few",
                6 => "many",
                _ => "other",
            },
            _ if n == 1 => "one",
            _ => "other",
        }
    }
}

/// Why a catalogue could not be read.
#[derive(Debug, PartialEq)]
pub struct CatalogueError {
    /// The language whose file is at fault.
    pub lang: &'static str,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "The text file for {} cannot be read: {}", self.lang, self.problem)
    }
}

type Text = Cow<'static, str>;

/// The words of one language, looked up by flat key. A plural text is
/// kept as one entry per form, `<key>#<category>` (`#other` always there).
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    lang: Lang,
    /// Sorted by key, no key twice.
    entries: Cow<'static, [(Text, Text)]>,
    /// The packs merged in, beside the core (see [`Catalogue::with_pack`]).
    packs: Vec<&'static str>,
}

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

    fn get(&self, key: &str) -> Option<&str> {
        let i = self.entries.binary_search_by(|(k, _)| k.as_ref().cmp(key)).ok()?;
        Some(&self.entries[i].1)
    }

    /// This catalogue's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every key, in order; a plural text once, under its own key.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        let mut last = "";
        self.entries.iter().map(|(k, _)| k.as_ref()).filter_map(move |k| {
            let key = k.split_once('#').map_or(k, |(base, _)| base);
            (key != last).then(|| {
                last = key;
                key
            })
        })
    }

    /// Whether this catalogue has a text, plain or plural, under `key`.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some() || self.is_plural(key)
    }

    /// Whether `key` has plural forms.
    pub fn is_plural(&self, key: &str) -> bool {
        self.get(&format!("{key}#other")).is_some()
    }

    /// Every text under `key`: the text itself, or each of its plural
    /// forms as (category, text).
    pub fn forms<'a>(&'a self, key: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.entries.iter().filter_map(move |(k, v)| {
            if k == key {
                Some(("", v.as_ref()))
            } else {
                let (base, category) = k.split_once('#')?;
                (base == key).then_some((category, v.as_ref()))
            }
        })
    }

    /// The text under `key`; the key itself where there is none, so that a
    /// gap shows on screen instead of breaking it.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.get(key).or_else(|| self.get(&format!("{key}#other"))).unwrap_or(key)
    }

    /// `n` written as this catalogue's language writes numbers.
    pub fn number(&self, n: impl Into<u64>) -> String {
        self.lang.number(n.into())
    }

    /// The text under `key` with `{name}` placeholders filled in.
    pub fn t_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// The plural form of `key` for `n`, unfilled: for a shell that sets
    /// the number apart from the words around it.
    pub fn plural_form<'a>(&'a self, key: &'a str, n: u64) -> &'a str {
        let form = |category: &str| self.get(&format!("{key}#{category}"));
        form(self.lang.plural(n)).or_else(|| form("other")).or_else(|| self.get(key)).unwrap_or(key)
    }

    /// The plural form of `key` for `n`, with `{n}` and any other
    /// placeholders filled in.
    pub fn t_n(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let n_text = self.lang.number(n);
        let mut all = vec![("n", n_text.as_str())];
        all.extend_from_slice(args);
        fill(self.plural_form(key, n), &all)
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

/// Replaces each `{name}` in `text` with its value; unknown names stay.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders in a text, sorted, for checking that every
/// language uses the same ones.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names.sort_unstable();
    names.dedup();
    names
}
