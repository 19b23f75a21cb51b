//! What the game shows of a run: the counts at one moment, and the
//! snapshot of them taken at the end of each step.

/// The counts the game shows, at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct Counts {
    /// People who have seen it, with or without a copy.
    pub seen: u32,
    /// Phones with a copy now (the message, or a saved copy).
    pub holding: u32,
    /// People who saved a copy (a screenshot).
    pub saved: u32,
    /// People who deleted the message.
    pub deleted: u32,
    /// People who reported it.
    pub reported: u32,
    /// People who saw it through the player, directly or further down the
    /// line.
    pub from_player: u32,
    /// Posts made in public places.
    pub posts: u32,
    /// People who have decided what to do with their copy (everyone but
    /// the player and the sender decides once).
    pub acted: u32,
}

/// The counts at the end of one step, for a chart or a scrubber.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Snapshot {
    /// Steps taken (0: the moment after the player's move).
    pub step: u32,
    /// Minutes since the picture was posted.
    pub minutes: u64,
    /// The counts.
    pub counts: Counts,
    /// Whether platforms had blocked the picture by then.
    pub blocked: bool,
}
