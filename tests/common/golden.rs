// The spread's counts for a few seeds, (seen, holding, from_player), shared
// by the native tests (tests/sim.rs) and the browser tests (tests/web.rs):
// one seed must give one run everywhere. If the model changes on purpose,
// regenerate these numbers and say so in the commit.
#[allow(dead_code)]
fn sim_golden() -> Vec<(u64, once_sent::sim::PlayerAct, (u32, u32, u32))> {
    use once_sent::sim::PlayerAct;
    vec![
        (1, PlayerAct::Forward, (32, 22, 2)),
        (1, PlayerAct::Delete, (30, 20, 0)),
        (1, PlayerAct::TellSomeone, (30, 9, 0)),
        (7, PlayerAct::Forward, (34, 30, 2)),
        (7, PlayerAct::Delete, (32, 27, 0)),
        (7, PlayerAct::TellSomeone, (32, 15, 0)),
        (42, PlayerAct::Forward, (36, 27, 2)),
        (42, PlayerAct::Delete, (38, 29, 0)),
        (42, PlayerAct::TellSomeone, (38, 13, 0)),
        (2026, PlayerAct::Forward, (36, 22, 2)),
        (2026, PlayerAct::Delete, (35, 22, 0)),
        (2026, PlayerAct::TellSomeone, (35, 12, 0)),
        (9007199254740991, PlayerAct::Forward, (38, 30, 2)),
        (9007199254740991, PlayerAct::Delete, (34, 26, 0)),
        (9007199254740991, PlayerAct::TellSomeone, (34, 10, 0)),
    ]
}
