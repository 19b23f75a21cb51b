#![cfg(not(target_arch = "wasm32"))]
//! The spread's promises as properties (issue 4), checked by proptest over
//! random seeds, parameters and player moves in a school of 1,260: copies
//! never outnumber people; deleting your copy never removes anyone else's;
//! with nobody forwarding or posting, the picture stops with the class
//! that got it; provenance adds up to everyone who saw it; and a seed
//! always gives the same run. A failure prints the case that shows it.

use std::sync::OnceLock;

use once_sent::sim::spread::{PlayerMove, Spread, SpreadParams, Status, DAY, MONTH, YEAR};
use once_sent::sim::world::{Scale, World};
use once_sent::sim::PLAYER;
use proptest::prelude::*;

/// One school, built once for every case.
fn school() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| World::build(Scale::School, 2026))
}

fn moves() -> impl Strategy<Value = PlayerMove> {
    (0..PlayerMove::ALL.len()).prop_map(|i| PlayerMove::ALL[i])
}

/// Any parameters, rates anywhere from 0 to 1 (posting below a fifth, so
/// a case stays quick), delays from none to days, horizons to 12 years.
fn params() -> impl Strategy<Value = SpreadParams> {
    let rates = (0.0..=1.0f64, 0u32..5, 0.0..=0.2f64, 0.0..=1.0f64, 0.0..=1.0f64, 0.0..=0.2f64, 0.0..=1.0f64);
    let times = (0..120u64, 0..600u64, 0..3 * DAY, 0.0..=1.0f64, 0.0..=1.0f64, 0..2 * MONTH);
    let rest = (0.0..=1.0f64, 0.0..=1.0f64, 0..3 * DAY, 0..12 * YEAR);
    (rates, times, rest).prop_map(
        |(
            (forward_rate, forward_contacts, post_rate, screenshot_rate, delete_rate, report_rate, view_rate),
            (
                reply_minutes,
                view_minutes,
                block_delay_minutes,
                blocked_send_failure,
                resurface_per_year,
                resurface_from_minutes,
            ),
            (upstander_factor, delete_when_asked, adult_minutes, horizon_minutes),
        )| SpreadParams {
            forward_rate,
            forward_contacts,
            post_rate,
            screenshot_rate,
            delete_rate,
            report_rate,
            view_rate,
            reply_minutes,
            view_minutes,
            block_delay_minutes,
            blocked_send_failure,
            resurface_per_year,
            resurface_from_minutes,
            upstander_factor,
            delete_when_asked,
            adult_minutes,
            horizon_minutes,
        },
    )
}

fn run(params: SpreadParams, choice: PlayerMove, seed: u64) -> Spread<&'static World> {
    let mut spread = Spread::new(school(), params, seed);
    assert!(spread.player_moves(choice));
    spread.run_to_end();
    spread
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn copies_never_outnumber_people(params in params(), choice in moves(), seed: u64) {
        let mut spread = Spread::new(school(), params, seed);
        spread.player_moves(choice);
        loop {
            let c = spread.counts();
            prop_assert!(c.holding <= c.seen && c.seen <= school().people(), "{:?}", c);
            prop_assert!(c.saved <= c.holding && c.deleted + c.reported <= c.seen, "{:?}", c);
            // Everyone but the player and the sender decides at most once.
            prop_assert!(c.acted <= c.seen.saturating_sub(2), "{:?}", c);
            if !spread.step() {
                break;
            }
        }
    }

    #[test]
    fn deleting_your_copy_removes_nobody_else_s(params in params(), seed: u64) {
        // Reacting keeps the message; deleting it is the only difference.
        let kept = run(params, PlayerMove::React, seed);
        let deleted = run(params, PlayerMove::Delete, seed);
        prop_assert!(kept.has_copy(PLAYER));
        prop_assert_eq!(deleted.status(PLAYER), Status::Deleted);
        for p in (0..school().people()).filter(|&p| p != PLAYER) {
            prop_assert_eq!(kept.status_codes()[p as usize], deleted.status_codes()[p as usize], "person {}", p);
        }
    }

    #[test]
    fn with_nobody_sending_it_on_it_stops_with_the_class(params in params(), choice in moves(), seed: u64) {
        let quiet = SpreadParams { forward_rate: 0.0, post_rate: 0.0, resurface_per_year: 0.0, ..params };
        let spread = run(quiet, choice, seed);
        // The class got it in the chat; only the player's own forward can
        // take it further (one friend, or the next class).
        let reach = match choice {
            PlayerMove::ForwardFriend => 31,
            PlayerMove::ForwardGroup => 60,
            _ => 30,
        };
        prop_assert!(spread.counts().seen <= reach, "{} saw it", spread.counts().seen);
        prop_assert!(spread.counts().seen >= 30);
    }

    #[test]
    fn provenance_adds_up_to_everyone_who_saw_it(params in params(), choice in moves(), seed: u64) {
        let spread = run(params, choice, seed);
        let c = spread.counts();
        prop_assert_eq!(spread.branches().iter().sum::<u32>(), c.seen);
        let through_player =
            (0..school().people()).filter(|&p| p != PLAYER && spread.branch(p) == Some(PLAYER)).count() as u32;
        prop_assert_eq!(through_player, c.from_player);
        // Everyone but the sender got it from someone who had seen it first.
        for p in 0..school().people() {
            if let Some(from) = spread.parent(p) {
                prop_assert!(spread.seen_step(from) <= spread.seen_step(p), "{} before {}", p, from);
            }
        }
    }

    #[test]
    fn a_seed_gives_the_same_run(params in params(), choice in moves(), seed: u64) {
        let (a, b) = (run(params, choice, seed), run(params, choice, seed));
        prop_assert_eq!(a.history(), b.history());
        prop_assert_eq!(a.status_codes(), b.status_codes());
    }
}
