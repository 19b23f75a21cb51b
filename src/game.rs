//! The game's state machine: a [`Game`] and a past-tense player [`Event`]
//! give the next `Game`. One reducer for the whole game.
//!
//! Pure: it never reads the clock, never touches storage and never draws.
//! The seed for the spread comes in with [`Event::PressedStart`], so the
//! shell decides where randomness comes from and a test (or a teacher) can
//! replay a run exactly.

use crate::sim::{self, PlayerMove, Tally, Worlds};
use crate::story::{ChoiceId, Effect, PersonId, SceneId, SceneKind, Story};

/// Where the player is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum At {
    /// The title screen with its content note.
    Title,
    /// Choosing who to be.
    Pick,
    /// A scene of the story.
    Scene(SceneId),
}

/// A choice the player made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Made {
    /// The scene the choice was made in.
    pub scene: SceneId,
    /// The choice.
    pub choice: ChoiceId,
}

/// A finished run, kept to compare with the next one after "What if?".
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The choices made in it.
    pub made: Vec<Made>,
    /// The ending it reached.
    pub ending: SceneId,
    /// What the spread did in it.
    pub outcome: Option<Tally>,
}

/// The whole state of one play-through.
#[derive(Clone, Debug, PartialEq)]
pub struct Game {
    /// Where the player is.
    pub at: At,
    /// The seed of this play-through's spread.
    pub seed: u64,
    /// Who the player chose to be.
    pub player: Option<PersonId>,
    /// The choices made so far, in order.
    pub made: Vec<Made>,
    /// What the spread did after the player's choice about the picture.
    pub outcome: Option<Tally>,
    /// The run before "What if?", to compare with this one.
    pub before: Option<Run>,
}

/// Something the player did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Pressed Start on the title screen; the shell supplies the seed.
    PressedStart {
        /// The seed for this play-through's spread.
        seed: u64,
    },
    /// Picked who to be.
    PickedPlayer(PersonId),
    /// Picked one of the current scene's choices.
    Chose(ChoiceId),
    /// Pressed Next in a scene without choices.
    PressedNext,
    /// At an ending, chose "What if?" on one of the choices made (its
    /// index in [`Game::made`]): back to that choice, to choose again.
    PressedWhatIf(usize),
    /// Pressed Start again: back to the title, everything forgotten.
    PressedStartAgain,
}

impl Default for Game {
    fn default() -> Self {
        Self::new()
    }
}

impl Game {
    /// A new game on the title screen.
    pub fn new() -> Self {
        Self { at: At::Title, seed: 0, player: None, made: Vec::new(), outcome: None, before: None }
    }

    /// The effect of the player's choice about the picture, once made.
    pub fn picture_effect(&self, story: &Story) -> Option<Effect> {
        picture_effect(story, &self.made)
    }

    /// The next state after `event`. An event that makes no sense where the
    /// player is (a stale click, say) leaves the game as it was. A choice
    /// about the picture plays the spread in the world `worlds` lends.
    pub fn apply(&self, story: &Story, worlds: &Worlds, event: Event) -> Game {
        match (&self.at, event) {
            (At::Title, Event::PressedStart { seed }) => Game {
                at: if story.players().is_empty() { At::Scene(story.start().clone()) } else { At::Pick },
                seed,
                ..Game::new()
            },
            (At::Pick, Event::PickedPlayer(who)) if story.players().contains(&who) => {
                Game { at: At::Scene(story.start().clone()), player: Some(who), ..self.clone() }
            }
            (At::Scene(id), Event::Chose(choice_id)) => {
                let Some(choice) = story.scene(id).choice(choice_id.as_str()) else {
                    return self.clone();
                };
                let mut next = self.clone();
                next.made.push(Made { scene: id.clone(), choice: choice.id.clone() });
                if let Some(effect) = choice.effect {
                    next.outcome = Some(spread(worlds, effect, self.seed));
                }
                next.at = At::Scene(choice.next.clone());
                next
            }
            (At::Scene(id), Event::PressedNext) => match story.scene(id).next_for(self.picture_effect(story))
            {
                Some(next) => Game { at: At::Scene(next.clone()), ..self.clone() },
                None => self.clone(),
            },
            (At::Scene(id), Event::PressedWhatIf(index))
                if story.scene(id).kind == SceneKind::Ending && index < self.made.len() =>
            {
                let before = Run { made: self.made.clone(), ending: id.clone(), outcome: self.outcome };
                let made = self.made[..index].to_vec();
                Game {
                    at: At::Scene(self.made[index].scene.clone()),
                    outcome: outcome_of(story, worlds, &made, self.seed),
                    made,
                    before: Some(before),
                    ..self.clone()
                }
            }
            (_, Event::PressedStartAgain) => Game::new(),
            _ => self.clone(),
        }
    }
}

/// The choices among `made` that "What if?" offers to make again, with
/// their places in `made`: those that changed what happened (a choice with
/// an effect, such as the one about the picture, or one whose options lead
/// to different scenes), not small talk.
pub fn choices_that_matter<'a>(
    story: &'a Story,
    made: &'a [Made],
) -> impl Iterator<Item = (usize, &'a Made)> {
    made.iter().enumerate().filter(|(_, m)| matters(story, m))
}

/// Whether a choice made changed what happened: it had an effect, or
/// another of its options leads elsewhere.
fn matters(story: &Story, made: &Made) -> bool {
    let choices = &story.scene(&made.scene).choices;
    effect_of(story, made).is_some() || choices.iter().any(|c| c.next != choices[0].next)
}

/// The last choice among `made` that changed what happened: the one a
/// comparison of two runs names (the choice about the picture, where the
/// story has one).
pub fn last_choice_that_matters<'a>(story: &Story, made: &'a [Made]) -> Option<&'a Made> {
    picture_choice(story, made).map(|(m, _)| m).or_else(|| made.iter().rev().find(|m| matters(story, m)))
}

/// The effect of a choice made, if it had one.
fn effect_of(story: &Story, made: &Made) -> Option<Effect> {
    story.scene(&made.scene).choice(made.choice.as_str())?.effect
}

/// The last choice about the picture among `made`, and its effect.
pub fn picture_choice<'a>(story: &Story, made: &'a [Made]) -> Option<(&'a Made, Effect)> {
    made.iter().rev().find_map(|m| Some((m, effect_of(story, m)?)))
}

/// The effect of the last choice about the picture among `made`.
pub fn picture_effect(story: &Story, made: &[Made]) -> Option<Effect> {
    picture_choice(story, made).map(|(_, effect)| effect)
}

/// What the spread did after the choices `made`: none before the choice
/// about the picture. The outcome is never stored, always derived (in the
/// world `worlds` lends).
pub fn outcome_of(story: &Story, worlds: &Worlds, made: &[Made], seed: u64) -> Option<Tally> {
    picture_effect(story, made).map(|effect| spread(worlds, effect, seed))
}

/// The spread that follows a choice about the picture, in the world
/// `worlds` lends.
pub fn spread(worlds: &Worlds, effect: Effect, seed: u64) -> Tally {
    sim::play_out(worlds, player_move(effect), seed)
}

/// The spread's move for a choice's effect about the picture.
pub fn player_move(effect: Effect) -> PlayerMove {
    match effect {
        Effect::ForwardFriend => PlayerMove::ForwardFriend,
        Effect::ForwardGroup => PlayerMove::ForwardGroup,
        Effect::React => PlayerMove::React,
        Effect::Screenshot => PlayerMove::Screenshot,
        Effect::Delete => PlayerMove::Delete,
        Effect::ReplyStop => PlayerMove::ReplyStop,
        Effect::TellAdult => PlayerMove::TellAdult,
        Effect::Report => PlayerMove::Report,
    }
}
