//! What a run is given: how people behave and how the platforms and the
//! clock work ([`SpreadParams`]), and the player's move ([`PlayerMove`]).

use super::clock::{DAY, MONTH, YEAR};

/// How people behave, and how the platforms and the clock work. The
/// defaults follow the research in CONTENT.md where there is any; every
/// other figure is a model assumption, chosen so that the picture usually
/// stays near the class and sometimes goes much further. With them, in a
/// region, when the player does nothing, half of all runs reach at most
/// about 110 people, nine in ten at most about 650, the widest several
/// thousand; telling an adult halves the typical reach (300 seeds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpreadParams {
    /// The share of people with a copy who forward it. Madigan et al. 2018
    /// (JAMA Pediatrics): 12.0% had forwarded a sext without consent;
    /// Molla-Esparza et al. 2020 (PLOS ONE): 7%, 4% in probability
    /// samples. Default 8%, inside the 4-12% range.
    pub forward_rate: f64,
    /// How many contacts a forwarder sends it to (only people who have not
    /// seen it). Model assumption, as in the first chapter's network.
    pub forward_contacts: u32,
    /// The share of people with a copy who post it in a public place (a
    /// big group chat or a site). Model assumption: rare, well below the
    /// forward rate.
    pub post_rate: f64,
    /// The share of people who see it who screenshot or save it, keeping a
    /// copy that survives deleting the message. Model assumption.
    pub screenshot_rate: f64,
    /// The share of people who hold the message and neither forward nor
    /// post it who then delete it. Model assumption, as in the first
    /// chapter.
    pub delete_rate: f64,
    /// The share of people who see it who report it (on the platform, or to
    /// a trusted adult who does). Model assumption: rare. A reporter also
    /// deletes the message.
    pub report_rate: f64,
    /// The share of a site's members, among those who have not seen the
    /// picture yet, who see a post there before it sinks out of sight.
    /// Model assumption.
    pub view_rate: f64,
    /// The base of the delay before someone acts on a copy they got, in
    /// minutes: the delay is uniform over a span of this for half of
    /// people, twice it for a quarter, four times for an eighth, and so on
    /// up to 1,024 times it. With 20 minutes, two in three act within 20
    /// minutes and a few take a week or two. Model assumption.
    pub reply_minutes: u64,
    /// The same for seeing a post on a site (members scroll past it over
    /// hours or days). Model assumption.
    pub view_minutes: u64,
    /// Minutes from the first report until platforms block the picture's
    /// hash (as Report Remove and Take It Down arrange). Model assumption:
    /// two days.
    pub block_delay_minutes: u64,
    /// Once blocked, the share of in-app sends (forwards, group chats)
    /// that fail. Model assumption: "mostly" (a copy saved outside the app
    /// still goes in other ways).
    pub blocked_send_failure: f64,
    /// How often, on average per year, someone who still has a copy shares
    /// it again (posts it, or forwards it where they cannot post). Model
    /// assumption.
    pub resurface_per_year: f64,
    /// Copies come back only from this long after the picture was posted:
    /// the first weeks are the spread itself. Model assumption: a month.
    pub resurface_from_minutes: u64,
    /// How much less often the player's classmates forward or post after
    /// the player said in the chat that it is not OK. Model assumption, as
    /// in the first chapter.
    pub upstander_factor: f64,
    /// The share of people in the player's school holding the message who
    /// delete it when the school asks everyone to (after the player told a
    /// trusted adult). Model assumption, as in the first chapter.
    pub delete_when_asked: f64,
    /// Minutes from the player telling a trusted adult until the school
    /// asks everyone to delete it and the adult reports it. Model
    /// assumption: the next day.
    pub adult_minutes: u64,
    /// How long the run covers, in minutes. Default ten years: long enough
    /// to show that a picture outlasts the relationship it was sent in.
    pub horizon_minutes: u64,
}

impl Default for SpreadParams {
    fn default() -> Self {
        Self {
            forward_rate: 0.08,
            forward_contacts: 2,
            post_rate: 0.005,
            screenshot_rate: 0.1,
            delete_rate: 0.3,
            report_rate: 0.02,
            view_rate: 0.15,
            reply_minutes: 20,
            view_minutes: 60,
            block_delay_minutes: 2 * DAY,
            blocked_send_failure: 0.9,
            resurface_per_year: 0.01,
            resurface_from_minutes: MONTH,
            upstander_factor: 0.5,
            delete_when_asked: 0.7,
            adult_minutes: DAY,
            horizon_minutes: 10 * YEAR,
        }
    }
}

/// What the player did with the copy on their phone: the eight choices of
/// the story, defined here so that the simulation need not know the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlayerMove {
    /// Sent it on to one friend (a contact who has not seen it).
    ForwardFriend,
    /// Sent it on to another group chat: the next class in the year
    /// group (nobody new in a world of one class).
    ForwardGroup,
    /// Reacted and said nothing: the message stays on their phone.
    React,
    /// Took a screenshot: a copy that survives deleting the message.
    Screenshot,
    /// Deleted the message.
    Delete,
    /// Said in the chat that it is not OK (classmates forward and post
    /// less) and deleted the message.
    ReplyStop,
    /// Told a trusted adult and deleted the message: the next day the
    /// school asks everyone to delete it and the adult reports it.
    TellAdult,
    /// Reported it in the app, which starts the platforms' clock, and
    /// deleted the message.
    Report,
}

impl PlayerMove {
    /// Every move, in the order of the story's effects.
    pub const ALL: [PlayerMove; 8] = [
        PlayerMove::ForwardFriend,
        PlayerMove::ForwardGroup,
        PlayerMove::React,
        PlayerMove::Screenshot,
        PlayerMove::Delete,
        PlayerMove::ReplyStop,
        PlayerMove::TellAdult,
        PlayerMove::Report,
    ];
}
