//! Running orders, as the story's data sets them: the chapters a room is
//! shown and the minutes each takes.

/// A running order: how long it lasts, and the chapters it shows, each
/// with its minutes and whether a question to talk about follows it.
/// Chapters it leaves out are passed over (their choices take the first
/// option), and a summary card of each stands in for it; the choice about
/// the picture and the endings are always shown. Written in the story's
/// data (`[[orders]]`), not in code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order {
    /// Its id, in keys and in the text sent between windows.
    pub name: String,
    /// Minutes in all.
    pub minutes: u32,
    /// An assembly, which only introduces the topic: the follow-up lesson
    /// comes after it (CEOP: this subject is not for an assembly alone).
    pub assembly: bool,
    /// (chapter id, its minutes, a question to talk about after it).
    pub chapters: Vec<(String, u32, bool)>,
}

impl Order {
    /// The key of its label in the catalogue (the story's words).
    pub fn key(&self) -> String {
        format!("order.{}.title", self.name)
    }

    /// Whether it shows the chapter `id`.
    pub fn shows(&self, id: &str) -> bool {
        self.chapters.iter().any(|(c, ..)| c == id)
    }

    /// Minutes planned for the chapter `id` (none if not shown).
    pub fn minutes_for(&self, id: &str) -> u32 {
        self.chapters.iter().find(|(c, ..)| c == id).map_or(0, |c| c.1)
    }

    /// Whether a question to talk about follows the chapter `id`.
    pub fn prompt_after(&self, id: &str) -> bool {
        self.chapters.iter().any(|(c, _, prompt)| c == id && *prompt)
    }
}
