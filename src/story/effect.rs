//! What a choice does to the picture: the eight effects, by their names in
//! the story file and in i18n keys.

/// What a choice does to the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Effect {
    /// Forward it to one friend.
    ForwardFriend,
    /// Forward it to another group chat.
    ForwardGroup,
    /// React to it and say nothing.
    React,
    /// Screenshot it.
    Screenshot,
    /// Delete it.
    Delete,
    /// Reply in the chat to stop it.
    ReplyStop,
    /// Tell a trusted adult.
    TellAdult,
    /// Report it in the app.
    Report,
}

impl Effect {
    /// Every effect, in the order the story file's documentation lists them.
    pub const ALL: [Effect; 8] = [
        Effect::ForwardFriend,
        Effect::ForwardGroup,
        Effect::React,
        Effect::Screenshot,
        Effect::Delete,
        Effect::ReplyStop,
        Effect::TellAdult,
        Effect::Report,
    ];

    /// The effect's name in the story file and in i18n keys.
    pub fn name(self) -> &'static str {
        match self {
            Effect::ForwardFriend => "forward_friend",
            Effect::ForwardGroup => "forward_group",
            Effect::React => "react",
            Effect::Screenshot => "screenshot",
            Effect::Delete => "delete",
            Effect::ReplyStop => "reply_stop",
            Effect::TellAdult => "tell_adult",
            Effect::Report => "report",
        }
    }

    /// The effect with this name.
    pub fn from_name(name: &str) -> Option<Effect> {
        Effect::ALL.into_iter().find(|e| e.name() == name)
    }

    /// The i18n key of the sentence that says what this choice did.
    pub fn outcome_key(self) -> String {
        format!("ui.outcome.{}", self.name())
    }

    /// Whether the player sent the picture on.
    pub fn spreads(self) -> bool {
        matches!(self, Effect::ForwardFriend | Effect::ForwardGroup)
    }
}
