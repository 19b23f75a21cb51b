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

/// The fixture, loaded and checked.
#[allow(dead_code)]
fn fixture() -> once_sent::story::Story {
    once_sent::story::Story::from_toml(FIXTURE).unwrap_or_else(|e| panic!("{e}"))
}
