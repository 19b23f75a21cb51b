//! The saved game: what is kept in the browser between visits, and reading
//! it back. Versioned; anything unreadable (corrupt, truncated, huge, from
//! another version, naming scenes this story no longer has) is refused with
//! a reason, and the shell starts a fresh game with a short notice.
//!
//! The format is a few plain lines, easy to read when debugging and cheap to
//! parse without a parser library in the bundle:
//!
//! ```text
//! once-sent save 1
//! seed 8246131
//! player sam
//! scene what_happened
//! made class_chat forward
//! ```
//!
//! `scene -` means the title screen (a game saved while choosing who to be
//! resumes there too), and `player -` that nobody is chosen yet. After
//! "What if?", the run before follows: its choices as `was <scene>
//! <choice>` lines and its ending as `was-end <scene>`. Pure: turns a [`Game`] into text and
//! back. The shell does the storing.

use std::fmt;
use std::fmt::Write as _;

use crate::game::{outcome_of, At, Game, Made, Run};
use crate::sim::Worlds;
use crate::story::{SceneId, SceneKind, Story};

/// Where the saved game is kept, and the rest of the game's storage keys
/// (all named in `crate::keys`).
pub use crate::keys::{CARDS_KEY, KEY_PREFIX, SAVE_KEY};

/// The version this build writes and reads.
pub const VERSION: u32 = 1;

/// Saves larger than this are not ours and are not read.
const MAX_LEN: usize = 64 * 1024;

/// The first line's words before the version number.
const HEADER: &str = "once-sent save ";

/// Why a saved game could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Not a saved game of ours at all.
    Unreadable,
    /// A saved game of another version.
    Version(u32),
    /// A saved game that does not fit this story: it names a scene or choice
    /// the story lacks, or a path through it that no player could take.
    Stale,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Unreadable => f.write_str("the saved game is not readable"),
            SaveError::Version(v) => write!(f, "the saved game is from version {v}"),
            SaveError::Stale => f.write_str("the saved game does not fit the story as it is now"),
        }
    }
}

/// The text to store for `game`.
pub fn encode(game: &Game) -> String {
    let scene = match &game.at {
        At::Title | At::Pick => "-",
        At::Scene(id) => id.as_str(),
    };
    let player = game.player.as_ref().map_or("-", |p| p.as_str());
    let mut text = format!("{HEADER}{VERSION}\nseed {}\nplayer {player}\nscene {scene}\n", game.seed);
    let mut line =
        |words: std::fmt::Arguments| writeln!(text, "{words}").expect("writing to a String cannot fail");
    for m in &game.made {
        line(format_args!("made {} {}", m.scene, m.choice));
    }
    if let Some(run) = &game.before {
        for m in &run.made {
            line(format_args!("was {} {}", m.scene, m.choice));
        }
        line(format_args!("was-end {}", run.ending));
    }
    text
}

/// Reads a stored game back, checking it against `story`. The outcomes are
/// not stored: they are recomputed from the seed and the choices, in the
/// world `worlds` lends.
pub fn decode(text: &str, story: &Story, worlds: &Worlds) -> Result<Game, SaveError> {
    if text.len() > MAX_LEN {
        return Err(SaveError::Unreadable);
    }
    let mut lines = text.lines().peekable();
    let version = lines.next().and_then(|l| l.strip_prefix(HEADER)).ok_or(SaveError::Unreadable)?;
    let version: u32 = version.parse().map_err(|_| SaveError::Unreadable)?;
    if version != VERSION {
        return Err(SaveError::Version(version));
    }
    let field = |line: Option<&str>, name: &str| -> Result<String, SaveError> {
        let line = line.ok_or(SaveError::Unreadable)?;
        let value = line.strip_prefix(name).and_then(|l| l.strip_prefix(' '));
        value.filter(|v| !v.is_empty() && !v.contains(' ')).map(str::to_string).ok_or(SaveError::Unreadable)
    };
    let seed: u64 = field(lines.next(), "seed")?.parse().map_err(|_| SaveError::Unreadable)?;
    let player = match field(lines.next(), "player")?.as_str() {
        "-" => None,
        id => Some(story.player(id).ok_or(SaveError::Stale)?.clone()),
    };
    let at = match field(lines.next(), "scene")?.as_str() {
        "-" => At::Title,
        id => At::Scene(story.find(id).ok_or(SaveError::Stale)?.id.clone()),
    };
    let made = read_choices(&mut lines, "made ", story)?;
    let before = if lines.peek().is_some() {
        let was = read_choices(&mut lines, "was ", story)?;
        let ending = field(lines.next(), "was-end")?;
        let ending = story.find(&ending).filter(|s| s.kind == SceneKind::Ending).ok_or(SaveError::Stale)?;
        if lines.next().is_some() || !follows(story, &was, &ending.id) {
            return Err(SaveError::Unreadable);
        }
        let outcome = outcome_of(story, worlds, &was, seed);
        Some(Run { made: was, ending: ending.id.clone(), outcome })
    } else {
        None
    };
    let reachable = match &at {
        At::Title | At::Pick => made.is_empty() && player.is_none() && before.is_none(),
        // In a story with characters to choose from, play starts with one.
        At::Scene(id) => follows(story, &made, id) && (player.is_some() || story.players().is_empty()),
    };
    if !reachable {
        return Err(SaveError::Stale);
    }
    let outcome = outcome_of(story, worlds, &made, seed);
    Ok(Game { at, seed, player, made, outcome, before })
}

/// Reads the lines that start with `prefix` as choices (scene, choice).
fn read_choices<'a>(
    lines: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>,
    prefix: &str,
    story: &Story,
) -> Result<Vec<Made>, SaveError> {
    let mut made = Vec::new();
    while let Some(rest) = lines.peek().and_then(|l| l.strip_prefix(prefix)) {
        let (scene_id, choice_id) =
            rest.split_once(' ').filter(|(_, choice)| !choice.contains(' ')).ok_or(SaveError::Unreadable)?;
        let scene = story.find(scene_id).ok_or(SaveError::Stale)?;
        let choice = scene.choice(choice_id).ok_or(SaveError::Stale)?;
        made.push(Made { scene: scene.id.clone(), choice: choice.id.clone() });
        lines.next();
    }
    Ok(made)
}

/// Whether `made` is a path a player could take: from the start through
/// scenes that simply go on to each choice, then on to `to`. A save cut
/// short, or stitched together, is not.
fn follows(story: &Story, made: &[Made], to: &SceneId) -> bool {
    let mut here = story.start();
    let mut effect = None;
    for m in made {
        if !story.goes_on_to(here, &m.scene, effect) {
            return false;
        }
        let choice = story.scene(&m.scene).choice(m.choice.as_str()).expect("read from this story");
        effect = choice.effect.or(effect);
        here = &choice.next;
    }
    story.goes_on_to(here, to, effect)
}
