//! The saved game: what is kept in the browser between visits, and reading
//! it back. Versioned; anything unreadable (corrupt, truncated, from another
//! version, naming scenes this story no longer has) is refused with a reason,
//! and the shell starts a fresh game with a short notice.
//!
//! Pure: turns a [`Game`] into text and back. The shell does the storing.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::game::{spread, At, Game, Made};
use crate::story::Story;

/// Where the saved game is kept: namespaced and versioned, and the only
/// storage key the game uses.
pub const SAVE_KEY: &str = "once-sent.v1.save";

/// The version this build writes and reads.
pub const VERSION: u32 = 1;

/// Saves larger than this are not ours and are not parsed.
const MAX_LEN: usize = 64 * 1024;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SaveFile {
    version: u32,
    scene: Option<String>,
    seed: u64,
    made: Vec<(String, String)>,
}

/// Why a saved game could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Not a saved game of ours at all.
    Unreadable,
    /// A saved game of another version.
    Version(u32),
    /// A saved game that names a scene or choice the story lacks.
    Stale,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Unreadable => f.write_str("the saved game is not readable"),
            SaveError::Version(v) => write!(f, "the saved game is from version {v}"),
            SaveError::Stale => f.write_str("the saved game names parts of the story that have changed"),
        }
    }
}

/// The text to store for `game`.
pub fn encode(game: &Game) -> String {
    let file = SaveFile {
        version: VERSION,
        scene: match &game.at {
            At::Title => None,
            At::Scene(id) => Some(id.to_string()),
        },
        seed: game.seed,
        made: game.made.iter().map(|m| (m.scene.to_string(), m.choice.to_string())).collect(),
    };
    serde_json::to_string(&file).expect("a save file always serialises")
}

/// Reads a stored game back, checking it against `story`. The outcome is
/// not stored: it is recomputed from the seed and the choices.
pub fn decode(text: &str, story: &Story) -> Result<Game, SaveError> {
    if text.len() > MAX_LEN {
        return Err(SaveError::Unreadable);
    }
    // The version first, read on its own, so that a save of another
    // version is named as such rather than as unreadable.
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let Versioned { version } = serde_json::from_str(text).map_err(|_| SaveError::Unreadable)?;
    if version != VERSION {
        return Err(SaveError::Version(version));
    }
    let file: SaveFile = serde_json::from_str(text).map_err(|_| SaveError::Unreadable)?;
    let at = match file.scene {
        None => At::Title,
        Some(id) => At::Scene(story.find(&id).ok_or(SaveError::Stale)?.id.clone()),
    };
    let mut made = Vec::new();
    let mut outcome = None;
    for (scene_id, choice_id) in &file.made {
        let scene = story.find(scene_id).ok_or(SaveError::Stale)?;
        let choice = scene.choice(choice_id).ok_or(SaveError::Stale)?;
        outcome = Some(spread(choice.effect, file.seed));
        made.push(Made { scene: scene.id.clone(), choice: choice.id.clone() });
    }
    Ok(Game { at, seed: file.seed, made, outcome })
}
