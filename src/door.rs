//! The doors of the game: every address (the `#…` part) it answers, as one
//! type. [`Door::parse`] reads any address, never failing (an address that
//! names no door is [`Door::NotFound`], which the shell names to the
//! player), and [`Door::href`] writes a door's address, so that every link
//! and every test agrees with the one list here.
//!
//! Pure: strings in, strings out; the shell goes through the door.

use crate::content::StoryInfo;
use crate::guides::PAGES;

/// The pack of the words every story's screens share (the phone, its chats,
/// what a choice did, the spread map, the ending, What if?): the title
/// needs none of them.
pub const PLAY: &str = "play";

/// The pack of the knowledge check's words around each story's items
/// (which are in the story's pack).
pub const CHECK: &str = "check";

/// The pack of Assembly's words.
const ASSEMBLY: &str = "assembly";

/// Where an address leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Door {
    /// The story (no address, or `#`).
    Story,
    /// The story played together at home: `#together`.
    Together,
    /// Explore, with its setup as the address writes it (after `?`; empty
    /// for the usual setup): `#explore?forward=8&…`.
    Explore(String),
    /// Assembly: the presenter's view (`#assembly`), or the audience's
    /// (`#assembly?view=audience`).
    Assembly {
        /// The audience's view, for the projector.
        audience: bool,
    },
    /// A text page, one of [`PAGES`]: `#teachers`, `#letter`, ….
    Page(&'static str),
    /// The knowledge check of the story chosen: `#quiz`.
    Quiz,
    /// Its paper version, with the answer key: `#quiz-paper`.
    Paper,
    /// The poster: `#poster`.
    Poster,
    /// An address that names no door (a mistyped link, an old bookmark).
    NotFound,
}

impl Door {
    /// The door an address (`location.hash`) leads to.
    pub fn parse(hash: &str) -> Door {
        let Some(name) = hash.strip_prefix('#').or(hash.is_empty().then_some("")) else {
            return Door::NotFound;
        };
        if let Some(rest) = name.strip_prefix("explore") {
            return match rest.strip_prefix('?') {
                Some(query) => Door::Explore(query.to_string()),
                None if rest.is_empty() => Door::Explore(String::new()),
                None => Door::NotFound,
            };
        }
        match name {
            "" => Door::Story,
            "together" => Door::Together,
            "assembly" => Door::Assembly { audience: false },
            "assembly?view=audience" => Door::Assembly { audience: true },
            "quiz" => Door::Quiz,
            "quiz-paper" => Door::Paper,
            "poster" => Door::Poster,
            page => PAGES.into_iter().find(|p| *p == page).map_or(Door::NotFound, Door::Page),
        }
    }

    /// The door's address, as a link or [`Door::parse`] reads it.
    pub fn href(&self) -> String {
        match self {
            Door::Story | Door::NotFound => "#".to_string(),
            Door::Together => "#together".to_string(),
            Door::Explore(query) if query.is_empty() => "#explore".to_string(),
            Door::Explore(query) => format!("#explore?{query}"),
            Door::Assembly { audience: false } => "#assembly".to_string(),
            Door::Assembly { audience: true } => "#assembly?view=audience".to_string(),
            Door::Page(page) => format!("#{page}"),
            Door::Quiz => "#quiz".to_string(),
            Door::Paper => "#quiz-paper".to_string(),
            Door::Poster => "#poster".to_string(),
        }
    }

    /// The packs of words (beyond the core, which the first screen has)
    /// that the door's screen needs, with `story` the story being played:
    /// a story's door needs its story, a guide's the guides, and the
    /// knowledge check the guides, its own words and the story's (its
    /// items are the story's).
    pub fn packs(&self, story: &StoryInfo) -> Vec<String> {
        let door = match self {
            Door::Page(_) | Door::Poster => return vec![String::from("guides")],
            Door::Quiz | Door::Paper => {
                return vec![String::from("guides"), String::from(CHECK), story.pack()]
            }
            // Explore's spread is the story's, and names its people; its
            // map's words are the story screens'.
            Door::Explore(_) => Some("explore"),
            // Assembly can ask the hall the knowledge check's statements.
            Door::Assembly { .. } => {
                return [ASSEMBLY, CHECK, PLAY].map(String::from).into_iter().chain([story.pack()]).collect()
            }
            Door::Story | Door::Together | Door::NotFound => None,
        };
        door.into_iter().chain([PLAY]).map(String::from).chain([story.pack()]).collect()
    }

    /// Whether the door's screen uses the doors' own styles (Explore's,
    /// Assembly's, the guides'), which the title's page does not carry.
    pub fn styled(&self) -> bool {
        matches!(
            self,
            Door::Explore(_)
                | Door::Assembly { .. }
                | Door::Page(_)
                | Door::Quiz
                | Door::Paper
                | Door::Poster
        )
    }
}
