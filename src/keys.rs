//! Every name the game keeps anything under in the browser, in one place:
//! its storage keys (all under [`KEY_PREFIX`], namespaced and versioned, so
//! that "Forget everything" finds them all and a new format takes a new
//! name) and the name of the channel Assembly's two windows talk on.
//! Nothing else names one; the modules that read and write each say what
//! is kept there.
//!
//! Pure: names only (a story's keys are made from its id).

/// Every key the game keeps in the browser starts with this.
pub const KEY_PREFIX: &str = "once-sent.";

/// The saved game of the first story (`localStorage`; `crate::save`).
/// Every other story's is [`save_key`].
pub const SAVE_KEY: &str = "once-sent.v1.save";

/// The story the player last chose (`localStorage`), so that the game opens
/// on it again.
pub const STORY_KEY: &str = "once-sent.v1.story";

/// The saved game of story `id`. The first story keeps the key it had
/// before there were others, so that a game saved then still loads.
pub fn save_key(id: &str) -> String {
    story_key(SAVE_KEY, id)
}

/// The cards still to show when playing story `id` together (see
/// [`CARDS_KEY`]).
pub fn cards_key(id: &str) -> String {
    story_key(CARDS_KEY, id)
}

fn story_key(key: &str, id: &str) -> String {
    if id == crate::content::first_story().id {
        key.to_string()
    } else {
        format!("{key}.{id}")
    }
}

/// Whether `key` is one story's saved game or cards.
pub fn is_story_key(key: &str) -> bool {
    crate::content::STORIES.iter().any(|s| key == save_key(s.id) || key == cards_key(s.id))
}

/// The cards still to show when playing together, beside the saved game
/// (`localStorage`; `crate::assembly::encode_cards`).
pub const CARDS_KEY: &str = "once-sent.v1.cards";

/// The player's settings (`localStorage`; `crate::settings`).
pub const SETTINGS_KEY: &str = "once-sent.v1.settings";

/// Every go at the knowledge check, for every story (`localStorage`;
/// `crate::check::Record`).
pub const CHECK_KEY: &str = "once-sent.v1.check";

/// A go at the knowledge check not yet checked (`sessionStorage`, which
/// lasts as long as that window is open; `crate::check::Answers`), so that
/// a reload loses no answer.
pub const CHECK_DRAFT_KEY: &str = "once-sent.v1.check-draft";

/// The score before playing of the knowledge check as it was before it had
/// statements to judge (`localStorage`; `crate::guides::decode_before`):
/// shown beside the new check, never compared with it.
pub const QUIZ_KEY: &str = "once-sent.v1.quiz";

/// An Assembly window's hall (`sessionStorage`, which lasts as long as
/// that window is open), so that a reload resumes it.
pub const HALL_KEY: &str = "once-sent.v1.hall";

/// When the presenter's play began, beside its hall (`sessionStorage`), so
/// that the time left survives a reload.
pub const CLOCK_KEY: &str = "once-sent.v1.hall-clock";

/// Story `id`'s Assembly hall in this window (see [`HALL_KEY`], which the
/// first story keeps), so that a window that changes story never resumes
/// another story's hall.
pub fn hall_key(id: &str) -> String {
    story_key(HALL_KEY, id)
}

/// When the presenter's play of story `id` began (see [`CLOCK_KEY`]).
pub fn clock_key(id: &str) -> String {
    story_key(CLOCK_KEY, id)
}

/// The channel Assembly's two windows share for story `id` (see
/// [`CHANNEL`], which the first story keeps): windows showing different
/// stories never hear each other.
pub fn channel(id: &str) -> String {
    story_key(CHANNEL, id)
}

/// Every key above: the keys the game knows (with each story's own saved
/// game and cards, [`is_story_key`]).
pub const ALL: [&str; 9] =
    [SAVE_KEY, CARDS_KEY, STORY_KEY, SETTINGS_KEY, CHECK_KEY, CHECK_DRAFT_KEY, QUIZ_KEY, HALL_KEY, CLOCK_KEY];

/// The `BroadcastChannel` Assembly's presenter and audience windows share.
pub const CHANNEL: &str = "once-sent-assembly";

/// The name of the audience's window, so that opening it again reuses it.
pub const AUDIENCE_WINDOW: &str = "once-sent-audience";
