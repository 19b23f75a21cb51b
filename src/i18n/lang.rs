//! The languages the game ships: their tags, how each writes numbers and
//! which way its text runs, its own name, and its plural rules.

#[cfg(feature = "pseudo")]
use super::FALLBACK;

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
    /// [`Catalogue::from_blob`](super::Catalogue::from_blob).
    pub(super) fn shipped(self) -> Option<&'static str> {
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
