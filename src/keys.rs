//! Every name the game keeps anything under in the browser, in one place:
//! its storage keys (all under [`KEY_PREFIX`], namespaced and versioned, so
//! that "Forget everything" finds them all and a new format takes a new
//! name) and the name of the channel Assembly's two windows talk on.
//! Nothing else names one; the modules that read and write each say what
//! is kept there.
//!
//! Pure: names only.

/// Every key the game keeps in the browser starts with this.
pub const KEY_PREFIX: &str = "once-sent.";

/// The saved game (`localStorage`; `crate::save`).
pub const SAVE_KEY: &str = "once-sent.v1.save";

/// The cards still to show when playing together, beside the saved game
/// (`localStorage`; `crate::assembly::encode_cards`).
pub const CARDS_KEY: &str = "once-sent.v1.cards";

/// The player's settings (`localStorage`; `crate::settings`).
pub const SETTINGS_KEY: &str = "once-sent.v1.settings";

/// The knowledge check's score before playing (`localStorage`;
/// `crate::guides`).
pub const QUIZ_KEY: &str = "once-sent.v1.quiz";

/// An Assembly window's hall (`sessionStorage`, which lasts as long as
/// that window is open), so that a reload resumes it.
pub const HALL_KEY: &str = "once-sent.v1.hall";

/// When the presenter's play began, beside its hall (`sessionStorage`), so
/// that the time left survives a reload.
pub const CLOCK_KEY: &str = "once-sent.v1.hall-clock";

/// Every key above: the keys the game knows.
pub const ALL: [&str; 6] = [SAVE_KEY, CARDS_KEY, SETTINGS_KEY, QUIZ_KEY, HALL_KEY, CLOCK_KEY];

/// The `BroadcastChannel` Assembly's presenter and audience windows share.
pub const CHANNEL: &str = "once-sent-assembly";

/// The name of the audience's window, so that opening it again reuses it.
pub const AUDIENCE_WINDOW: &str = "once-sent-audience";
