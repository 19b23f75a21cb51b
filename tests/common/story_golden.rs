// The story's spread for a few seeds, (seen, holding, from_player), shared
// by the native tests (tests/sim.rs) and the browser tests (tests/web.rs):
// one seed must give one run everywhere. If the model changes on purpose,
// regenerate these numbers and say so in the commit.
#[allow(dead_code)]
fn story_golden() -> Vec<(u64, once_sent::sim::spread::PlayerMove, (u32, u32, u32))> {
    use once_sent::sim::spread::PlayerMove;
    #[rustfmt::skip]
    let rows = vec![
        (1, PlayerMove::ForwardFriend, (185, 139, 1)),
        (1, PlayerMove::ForwardGroup, (91, 69, 48)),
        (1, PlayerMove::React, (185, 139, 0)),
        (1, PlayerMove::Screenshot, (185, 139, 0)),
        (1, PlayerMove::Delete, (185, 138, 0)),
        (1, PlayerMove::ReplyStop, (185, 138, 0)),
        (1, PlayerMove::TellAdult, (30, 11, 0)),
        (1, PlayerMove::Report, (44, 31, 0)),
        (7, PlayerMove::ForwardFriend, (42, 35, 1)),
        (7, PlayerMove::ForwardGroup, (88, 67, 47)),
        (7, PlayerMove::React, (41, 34, 0)),
        (7, PlayerMove::Screenshot, (41, 34, 0)),
        (7, PlayerMove::Delete, (41, 33, 0)),
        (7, PlayerMove::ReplyStop, (41, 33, 0)),
        (7, PlayerMove::TellAdult, (32, 7, 0)),
        (7, PlayerMove::Report, (41, 33, 0)),
        (42, PlayerMove::ForwardFriend, (424, 69, 3)),
        (42, PlayerMove::ForwardGroup, (93, 62, 55)),
        (42, PlayerMove::React, (421, 66, 0)),
        (42, PlayerMove::Screenshot, (421, 66, 0)),
        (42, PlayerMove::Delete, (421, 65, 0)),
        (42, PlayerMove::ReplyStop, (419, 63, 0)),
        (42, PlayerMove::TellAdult, (36, 13, 0)),
        (42, PlayerMove::Report, (36, 27, 0)),
        (2026, PlayerMove::ForwardFriend, (1027, 145, 1)),
        (2026, PlayerMove::ForwardGroup, (1058, 173, 34)),
        (2026, PlayerMove::React, (1026, 145, 0)),
        (2026, PlayerMove::Screenshot, (1026, 145, 0)),
        (2026, PlayerMove::Delete, (1026, 144, 0)),
        (2026, PlayerMove::ReplyStop, (1024, 146, 0)),
        (2026, PlayerMove::TellAdult, (36, 11, 0)),
        (2026, PlayerMove::Report, (54, 39, 0)),
        (9007199254740991, PlayerMove::ForwardFriend, (455, 97, 1)),
        (9007199254740991, PlayerMove::ForwardGroup, (480, 119, 34)),
        (9007199254740991, PlayerMove::React, (454, 97, 0)),
        (9007199254740991, PlayerMove::Screenshot, (454, 97, 0)),
        (9007199254740991, PlayerMove::Delete, (454, 96, 0)),
        (9007199254740991, PlayerMove::ReplyStop, (454, 96, 0)),
        (9007199254740991, PlayerMove::TellAdult, (442, 64, 0)),
        (9007199254740991, PlayerMove::Report, (454, 96, 0)),
    ];
    rows
}
