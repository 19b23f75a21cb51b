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

mod fill;
mod lang;
mod packs;
#[cfg(not(target_arch = "wasm32"))]
pub mod toml;

use std::borrow::Cow;
use std::fmt;

pub use fill::{fill, placeholders};
pub use lang::Lang;
#[cfg(any(not(target_arch = "wasm32"), feature = "bundled"))]
pub use packs::BUNDLE;
pub use packs::{PACKS, STRUCTURE_KEY};

/// The language every catalogue falls back to.
pub const FALLBACK: Lang = Lang::EnGb;

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

impl Catalogue {
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
