// The spread's counts for a few seeds, (seen, holding, from_player), shared
// by the native tests (tests/sim.rs) and the browser tests (tests/web.rs):
// one seed must give one run everywhere. If the model changes on purpose,
// regenerate these numbers and say so in the commit. Last regenerated for
// the seven player acts (forward to a friend, forward to a group, keep,
// delete, reply to stop it, tell an adult, report); delete and tell an adult
// kept the numbers they had as Delete and TellSomeone.
#[allow(dead_code)]
fn sim_golden() -> Vec<(u64, once_sent::sim::PlayerAct, (u32, u32, u32))> {
    use once_sent::sim::PlayerAct;
    vec![
        (1, PlayerAct::ForwardFriend, (33, 24, 1)),
        (1, PlayerAct::ForwardGroup, (60, 47, 30)),
        (1, PlayerAct::Keep, (30, 21, 0)),
        (1, PlayerAct::Delete, (30, 20, 0)),
        (1, PlayerAct::ReplyStop, (30, 20, 0)),
        (1, PlayerAct::TellAdult, (30, 9, 0)),
        (1, PlayerAct::Report, (30, 20, 0)),
        (7, PlayerAct::ForwardFriend, (31, 26, 1)),
        (7, PlayerAct::ForwardGroup, (60, 45, 30)),
        (7, PlayerAct::Keep, (32, 28, 0)),
        (7, PlayerAct::Delete, (32, 27, 0)),
        (7, PlayerAct::ReplyStop, (32, 27, 0)),
        (7, PlayerAct::TellAdult, (32, 15, 0)),
        (7, PlayerAct::Report, (30, 26, 0)),
        (42, PlayerAct::ForwardFriend, (37, 29, 1)),
        (42, PlayerAct::ForwardGroup, (60, 42, 30)),
        (42, PlayerAct::Keep, (38, 30, 0)),
        (42, PlayerAct::Delete, (38, 29, 0)),
        (42, PlayerAct::ReplyStop, (34, 26, 0)),
        (42, PlayerAct::TellAdult, (38, 13, 0)),
        (42, PlayerAct::Report, (30, 22, 0)),
        (2026, PlayerAct::ForwardFriend, (37, 24, 1)),
        (2026, PlayerAct::ForwardGroup, (60, 39, 30)),
        (2026, PlayerAct::Keep, (35, 23, 0)),
        (2026, PlayerAct::Delete, (35, 22, 0)),
        (2026, PlayerAct::ReplyStop, (32, 18, 0)),
        (2026, PlayerAct::TellAdult, (35, 12, 0)),
        (2026, PlayerAct::Report, (32, 18, 0)),
        (9007199254740991, PlayerAct::ForwardFriend, (39, 30, 1)),
        (9007199254740991, PlayerAct::ForwardGroup, (60, 47, 30)),
        (9007199254740991, PlayerAct::Keep, (34, 27, 0)),
        (9007199254740991, PlayerAct::Delete, (34, 26, 0)),
        (9007199254740991, PlayerAct::ReplyStop, (34, 26, 0)),
        (9007199254740991, PlayerAct::TellAdult, (34, 10, 0)),
        (9007199254740991, PlayerAct::Report, (34, 28, 0)),
    ]
}

// A compact story in the authored format, shared by the native tests of the
// story, the game and the saved game (tests/story.rs, game.rs, save.rs), so
// that they test the core and not whatever the writers are changing in the
// shipped story. Two chapters, three players, a lock screen, the class chat
// with one choice per effect, a card on someone else's phone, a chat whose
// choices do not touch the picture, the spread, and one ending for each
// group of effects: shared, kept, deleted (the `next` nobody's branch
// takes), stood up.
#[allow(dead_code)]
const FIXTURE: &str = r#"
start = "lock"
players = ["sam", "priya", "alex"]

[[people]]
id = "sam"
[[people]]
id = "priya"
[[people]]
id = "alex"
[[people]]
id = "jordan"
[[people]]
id = "maya"

[[chapters]]
id = "the_picture"
[[chapters]]
id = "later"

[[scenes]]
id = "lock"
chapter = "the_picture"
kind = "lock"
time = "21:44"
notifications = [{ id = "look", from = "jordan", chat = "class" }, { id = "call", from = "maya" }]
next = "post"

[[scenes]]
id = "post"
chapter = "the_picture"
kind = "chat"
time = "21:46"
chat = "class"
messages = [
  { id = "hi", from = "jordan", time = "21:44" },
  { id = "pic", from = "jordan", photo = true, forwarded = "many", time = "21:45" },
  { id = "what", from = "player", read = true, time = "21:46" },
]
typing = "jordan"
choices = [
  { id = "to_friend", effect = "forward_friend", next = "card" },
  { id = "to_group", effect = "forward_group", next = "card" },
  { id = "react", effect = "react", next = "card" },
  { id = "screenshot", effect = "screenshot", next = "card" },
  { id = "delete", effect = "delete", next = "card" },
  { id = "not_ok", effect = "reply_stop", next = "card" },
  { id = "tell", effect = "tell_adult", next = "card" },
  { id = "report", effect = "report", next = "card" },
]

[[scenes]]
id = "card"
chapter = "later"
kind = "narration"
pov = "maya"
next = "talk"

[[scenes]]
id = "talk"
chapter = "later"
kind = "chat"
chat = "maya"
messages = [{ id = "you_ok", from = "maya" }]
choices = [
  { id = "fine", effect = "none", next = "spread" },
  { id = "not_fine", effect = "none", next = "spread" },
]

[[scenes]]
id = "spread"
chapter = "later"
kind = "outcome"
branches = [
  { when = ["forward_friend", "forward_group"], next = "shared" },
  { when = ["react", "screenshot"], next = "kept" },
  { when = ["reply_stop", "tell_adult", "report"], next = "stood_up" },
]
next = "deleted"

[[scenes]]
id = "shared"
chapter = "later"
kind = "ending"

[[scenes]]
id = "kept"
chapter = "later"
kind = "ending"

[[scenes]]
id = "deleted"
chapter = "later"
kind = "ending"

[[scenes]]
id = "stood_up"
chapter = "later"
kind = "ending"
"#;

// The fixture's choices about the picture: the choice, its effect, and the
// ending the spread's branches lead to.
#[allow(dead_code)]
#[rustfmt::skip]
const FIXTURE_PICTURE: [(&str, once_sent::story::Effect, &str); 8] = {
    use once_sent::story::Effect::*;
    [
        ("to_friend",  ForwardFriend, "shared"),
        ("to_group",   ForwardGroup,  "shared"),
        ("react",      React,         "kept"),
        ("screenshot", Screenshot,    "kept"),
        ("delete",     Delete,        "deleted"),
        ("not_ok",     ReplyStop,     "stood_up"),
        ("tell",       TellAdult,     "stood_up"),
        ("report",     Report,        "stood_up"),
    ]
};
