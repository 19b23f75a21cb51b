//! What a window says to the other on the channel ([`Said`]) and does with
//! what it hears ([`Window`]), so that a reload of either window brings the
//! two back in step on the hall of the one that stayed open.

use super::{decode, encode, Cue, Hall};
use crate::save::SaveError;
use crate::sim::Worlds;
use crate::story::Story;

/// Where a window keeps its hall, and the presenter when play began, so
/// that a reload resumes them (named in `crate::keys`).
pub use crate::keys::{CLOCK_KEY, HALL_KEY};

/// What a window says to the others on the channel.
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    /// "I have just opened: where is the hall?"
    Hello,
    /// The hall, in answer to a hello.
    Answer(Hall),
    /// The hall, after a cue in the window that says it.
    Changed(Hall),
}

/// How an answer starts; a change is the hall's text alone, as older
/// builds sent every hall.
const ANSWER: &str = "answer\n";

impl Said {
    /// As text, to post on the channel (the halls without their past).
    pub fn text(&self) -> String {
        match self {
            Said::Hello => "hello".to_string(),
            Said::Answer(hall) => format!("{ANSWER}{}", encode(hall)),
            Said::Changed(hall) => encode(hall),
        }
    }

    /// Reads what another window said, checking any hall against `story`
    /// (as [`decode`] does, in the world `worlds` lends).
    pub fn read(text: &str, story: &Story, worlds: &Worlds) -> Result<Said, SaveError> {
        match text.strip_prefix(ANSWER) {
            _ if text == "hello" => Ok(Said::Hello),
            Some(hall) => decode(hall, story, worlds).map(Said::Answer),
            None => decode(text, story, worlds).map(Said::Changed),
        }
    }
}

/// One window of Assembly and its part in keeping the two in step.
///
/// A window that opens (or is reloaded) is *joining*: it says hello and
/// takes the hall of the first answer, because the window that stayed open
/// has the truth; it says nothing of its own hall until it has a cue of its
/// own, so it can never overwrite the other's. It stops joining at the
/// first answer, at its own first cue (an answer after that is older than
/// the cue, and is not taken), or when no answer comes in time
/// ([`Window::alone`]). If both open at once, the presenter's hall wins: a
/// joining audience does not answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    /// What this window shows.
    pub hall: Hall,
    /// The audience's window (else the presenter's).
    pub audience: bool,
    /// Still waiting for a window that stayed open to answer.
    pub joining: bool,
}

impl Window {
    /// A window just opened with `hall` (what it kept from before a reload,
    /// or a new one): joining, and to say [`Said::Hello`] once its channel
    /// is open.
    pub fn open(hall: Hall, audience: bool) -> Window {
        Window { hall, audience, joining: true }
    }

    /// The window after a cue made in it, and what to tell the others:
    /// its new hall, if the cue changed it.
    pub fn cue(&self, story: &Story, worlds: &Worlds, cue: Cue) -> (Window, Option<Said>) {
        let hall = self.hall.cue(story, worlds, cue);
        let said = (hall != self.hall).then(|| Said::Changed(Hall { past: Vec::new(), ..hall.clone() }));
        (Window { hall, joining: false, ..*self }, said)
    }

    /// The window after hearing `said` from another, and what to say back.
    pub fn hear(&self, said: Said) -> (Window, Option<Said>) {
        match said {
            Said::Hello if self.joining && self.audience => (self.clone(), None),
            Said::Hello => (self.clone(), Some(Said::Answer(Hall { past: Vec::new(), ..self.hall.clone() }))),
            // Taken whole: what this window showed before was never the
            // hall's, so Back does not go to it.
            Said::Answer(hall) if self.joining => (Window { hall, joining: false, ..*self }, None),
            Said::Answer(_) => (self.clone(), None),
            Said::Changed(hall) => (Window { hall: self.hall.heard(hall), joining: false, ..*self }, None),
        }
    }

    /// No answer came in time: this window is alone, and keeps its hall.
    pub fn alone(&self) -> Window {
        Window { joining: false, ..self.clone() }
    }
}
