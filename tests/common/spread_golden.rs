// The big spread's counts for a few worlds and seeds, (seen, holding,
// deleted, from_player, minutes at the end), shared by the native tests
// (tests/spread.rs) and the browser tests (tests/web.rs): one seed must give
// one run everywhere. If the model changes on purpose, regenerate these
// numbers and say so in the commit.
/// (seen, holding, deleted, from_player, minutes at the end).
#[allow(dead_code)]
type SpreadEnd = (u32, u32, u32, u32, u64);

#[allow(dead_code)]
fn spread_golden() -> Vec<(once_sent::sim::world::Scale, u64, once_sent::sim::spread::PlayerMove, SpreadEnd)> {
    use once_sent::sim::spread::PlayerMove;
    use once_sent::sim::world::Scale;
    vec![
        (Scale::School, 3, PlayerMove::React, (36, 29, 8, 0, 5256000)),
        (Scale::School, 3, PlayerMove::ForwardGroup, (74, 59, 16, 38, 5256000)),
        (Scale::School, 3, PlayerMove::TellAdult, (36, 16, 24, 0, 5256000)),
        (Scale::School, 42, PlayerMove::React, (114, 42, 11, 0, 4730400)),
        (Scale::School, 42, PlayerMove::ForwardGroup, (95, 64, 32, 57, 5256000)),
        (Scale::School, 42, PlayerMove::TellAdult, (36, 13, 27, 0, 4730400)),
        (Scale::Town, 7, PlayerMove::React, (41, 34, 5, 0, 4730400)),
        (Scale::Town, 7, PlayerMove::ForwardGroup, (88, 67, 19, 47, 5256000)),
        (Scale::Town, 7, PlayerMove::TellAdult, (32, 7, 24, 0, 4730400)),
    ]
}

/// Runs one golden case: the counts at the end, and the minutes.
#[allow(dead_code)]
fn spread_run(
    scale: once_sent::sim::world::Scale,
    seed: u64,
    choice: once_sent::sim::spread::PlayerMove,
) -> SpreadEnd {
    use once_sent::sim::spread::{Spread, SpreadParams};
    let world = once_sent::sim::world::World::build(scale, seed);
    let mut run = Spread::new(&world, SpreadParams::default(), seed);
    run.player_moves(choice);
    run.run_to_end();
    let c = run.counts();
    (c.seen, c.holding, c.deleted, c.from_player, run.minutes())
}
