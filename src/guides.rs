//! The pages around the game: guides for teachers and parents, a letter
//! for parents, privacy and accessibility, the knowledge check, the poster. Their words are all in
//! the catalogue (`assets/i18n/<lang>/guides.toml`); this module knows
//! their shape: which pages there are, how a page's numbered sections are
//! found, and how a section's body is read as paragraphs and lists. The
//! knowledge check is `crate::check`.
//!
//! Pure: it is handed a way to ask whether a key exists, never the
//! catalogue itself, and knows nothing of the browser.

/// The text pages, by the name in their keys and their address.
pub const PAGES: [&str; 5] = ["teachers", "parents", "letter", "privacy", "accessibility"];

/// The most sections a page can have.
const MAX_SECTIONS: usize = 40;

/// The keys of page `page`'s sections, in order: `guide.<page>.s1`, `s2`, …
/// for as long as the catalogue (asked through `has`) has a heading for
/// the next one.
pub fn sections(page: &str, has: impl Fn(&str) -> bool) -> Vec<String> {
    (1..=MAX_SECTIONS)
        .map(|n| format!("guide.{page}.s{n}"))
        .take_while(|s| has(&format!("{s}.heading")))
        .collect()
}

/// Every key the pages are made of, for the check that no word goes
/// unused: each page's title and introduction and its sections' headings
/// and bodies.
pub fn keys(has: impl Fn(&str) -> bool) -> Vec<String> {
    let mut keys = Vec::new();
    for page in PAGES {
        keys.push(format!("guide.{page}.title"));
        keys.push(format!("guide.{page}.intro"));
        for s in sections(page, &has) {
            keys.push(format!("{s}.heading"));
            keys.push(format!("{s}.body"));
        }
    }
    keys
}

/// A piece of a section's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    /// A paragraph.
    Paragraph(&'a str),
    /// A list, item by item.
    List(Vec<&'a str>),
}

/// A section's body as paragraphs and lists: a blank line starts a new
/// paragraph, and lines that start with "- " make a list.
pub fn blocks(body: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    for chunk in body.split("\n\n").map(str::trim).filter(|c| !c.is_empty()) {
        let mut text_lines = Vec::new();
        let mut items = Vec::new();
        for line in chunk.lines().map(str::trim) {
            match line.strip_prefix("- ") {
                Some(item) => {
                    if !text_lines.is_empty() {
                        out.push(Block::Paragraph(join(chunk, &text_lines)));
                        text_lines.clear();
                    }
                    items.push(item);
                }
                None => {
                    if !items.is_empty() {
                        out.push(Block::List(std::mem::take(&mut items)));
                    }
                    text_lines.push(line);
                }
            }
        }
        if !text_lines.is_empty() {
            out.push(Block::Paragraph(join(chunk, &text_lines)));
        }
        if !items.is_empty() {
            out.push(Block::List(items));
        }
    }
    out
}

/// The text from the first to the last of `lines`, which are slices of
/// `chunk` in order: one paragraph, line breaks and all (a browser shows
/// them as spaces).
fn join<'a>(chunk: &'a str, lines: &[&'a str]) -> &'a str {
    let start = lines[0].as_ptr() as usize - chunk.as_ptr() as usize;
    let last = lines[lines.len() - 1];
    let end = last.as_ptr() as usize - chunk.as_ptr() as usize + last.len();
    &chunk[start..end]
}

/// Where the knowledge check as it was before it had statements to judge
/// kept its score before playing: `before <n>` out of ten (named in
/// `crate::keys`). The check today shows it, and never compares it.
pub use crate::keys::QUIZ_KEY;

/// How many questions that check had.
const OLD_QUESTIONS: u32 = 10;

/// A score before playing from its kept text; anything else (corrupt,
/// from elsewhere, out of range) is none.
pub fn decode_before(text: &str) -> Option<u32> {
    text.strip_prefix("before ")?.parse().ok().filter(|&n| n <= OLD_QUESTIONS)
}
