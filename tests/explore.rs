#![cfg(not(target_arch = "wasm32"))]
//! Explore's core (src/explore.rs): the setup read from and written to the
//! address (every bad value named and replaced by its default), the
//! parameters it gives the spread, the tipping point, and the challenges
//! checked against real runs.

use once_sent::explore::{observed_reach, Challenge, Fault, Setup, KEYS, MAX_QUERY};
use once_sent::map::reach;
use once_sent::sim::spread::{Counts, PlayerMove, Spread, SpreadParams};
use once_sent::sim::{Scale, World};

fn fault(key: &str, value: &str) -> Fault {
    Fault { key: key.into(), value: value.into(), more: 0 }
}

#[test]
fn the_default_is_the_story_s_rates_in_a_school() {
    let setup = Setup::default();
    assert_eq!((setup.forward, setup.contacts, setup.delete, setup.report), (8, 2, 30, 2));
    assert!(setup.public);
    assert_eq!(setup.scale, Scale::School);
    let (p, d) = (setup.params(), SpreadParams::default());
    assert_eq!(p, d, "the default setup runs the story's parameters");
}

#[test]
fn an_address_reads_back_the_setup_it_was_written_from() {
    let setups = [
        Setup::default(),
        Setup {
            forward: 0,
            contacts: 1,
            delete: 100,
            report: 0,
            public: false,
            scale: Scale::Class,
            seed: 0,
        },
        Setup {
            forward: 100,
            contacts: 5,
            delete: 0,
            report: 100,
            public: true,
            scale: Scale::Region,
            seed: u32::MAX,
        },
        Setup {
            forward: 5,
            contacts: 3,
            delete: 45,
            report: 7,
            public: false,
            scale: Scale::Town,
            seed: 2026,
        },
    ];
    for setup in setups {
        let query = setup.to_query();
        for key in KEYS {
            assert!(query.contains(&format!("{key}=")), "{query} names {key}");
        }
        assert_eq!(Setup::from_query(&query), (setup, vec![]), "{query}");
    }
}

#[test]
fn settings_left_out_take_their_defaults() {
    let (setup, faults) = Setup::from_query("forward=20&scale=town");
    assert_eq!(faults, []);
    assert_eq!(setup, Setup { forward: 20, scale: Scale::Town, ..Setup::default() });
    assert_eq!(Setup::from_query(""), (Setup::default(), vec![]));
    assert_eq!(Setup::from_query("&&"), (Setup::default(), vec![]));
}

#[test]
fn every_bad_value_is_named_and_replaced_by_its_default() {
    let query =
        "forward=abc&contacts=0&delete=101&report=-1&public=maybe&scale=galaxy&seed=x&volume=11&forward";
    let (setup, faults) = Setup::from_query(query);
    assert_eq!(setup, Setup::default());
    assert_eq!(
        faults,
        [
            fault("forward", "abc"),
            fault("contacts", "0"),
            fault("delete", "101"),
            fault("report", "-1"),
            fault("public", "maybe"),
            fault("scale", "galaxy"),
            fault("seed", "x"),
            fault("volume", "11"),
        ]
        .map(|f| if f.key == "forward" { Fault { more: 1, ..f } } else { f })
    );
    // Good values around bad ones still count.
    let (setup, faults) = Setup::from_query("forward=30&contacts=9&seed=7");
    assert_eq!(setup, Setup { forward: 30, seed: 7, ..Setup::default() });
    assert_eq!(faults, [fault("contacts", "9")]);
    // A huge value is cut short in the message.
    let long = "9".repeat(500);
    let (_, faults) = Setup::from_query(&format!("seed={long}"));
    assert_eq!(faults, [fault("seed", &"9".repeat(40))]);
}

#[test]
fn each_kind_of_fault_is_named_once_and_a_huge_address_is_read_only_so_far() {
    // Issue 15: 100 KB of unknown names drew 50,000 alerts.
    let junk: String = (0..50_000).map(|i| format!("x{i}=1&")).collect();
    let (setup, faults) = Setup::from_query(&format!("forward=30&{junk}"));
    assert_eq!(setup.forward, 30, "what comes first is read");
    assert_eq!(faults.len(), 2, "{faults:?}");
    assert_eq!((faults[0].key.as_str(), faults[0].value.as_str()), ("x0", "1"));
    assert!(faults[0].more > 50, "every unknown name counted as one kind: {}", faults[0].more);
    assert_eq!(faults[1], fault("", ""), "the address was cut short");
    // Bad values for one setting are one kind; unknown names another.
    let (_, faults) = Setup::from_query("seed=a&seed=b&zoom=2&volume=3&seed=c");
    assert_eq!(faults, [Fault { more: 2, ..fault("seed", "a") }, Fault { more: 1, ..fault("zoom", "2") }]);
    // Never cut inside a letter.
    let (_, faults) = Setup::from_query(&"é".repeat(MAX_QUERY));
    assert_eq!(faults.last(), Some(&fault("", "")));
}

#[test]
fn the_setup_sets_the_spread_s_rates() {
    let setup = Setup { forward: 25, contacts: 4, delete: 60, report: 10, public: false, ..Setup::default() };
    let p = setup.params();
    assert_eq!((p.forward_rate, p.forward_contacts, p.delete_rate, p.report_rate), (0.25, 4, 0.6, 0.1));
    assert_eq!((p.post_rate, p.resurface_per_year), (0.0, 0.0), "nobody posts it anywhere");
    let d = SpreadParams::default();
    assert_eq!((p.screenshot_rate, p.horizon_minutes), (d.screenshot_rate, d.horizon_minutes));
}

#[test]
fn the_tipping_point_is_one_new_person_for_each_copy() {
    let at = |forward, contacts| Setup { forward, contacts, ..Setup::default() }.expected_reach();
    assert_eq!(at(50, 2), 1.0);
    assert_eq!(at(8, 2), 0.16);
    assert_eq!(at(100, 5), 5.0);
    assert_eq!(at(0, 3), 0.0);
    let counts = |seen, acted| Counts { seen, acted, ..Counts::default() };
    assert_eq!(observed_reach(&counts(30, 0), 30), None, "nobody has decided yet");
    assert_eq!(observed_reach(&counts(40, 20), 30), Some(0.5));
    assert_eq!(observed_reach(&counts(30, 28), 30), Some(0.0));
}

/// Runs `setup` to its end, as Explore does (the player keeps it and sends
/// it nowhere), and says how far it reached.
fn run(setup: &Setup) -> (Counts, Scale) {
    let world = World::build(setup.scale, u64::from(setup.seed));
    let mut spread = Spread::new(&world, setup.params(), u64::from(setup.seed));
    spread.player_moves(PlayerMove::React);
    spread.run_to_end();
    (spread.counts(), reach(spread.status_codes()))
}

#[test]
fn the_challenges_are_checked_by_real_runs() {
    // Nobody forwarding or posting keeps it in the class, every seed.
    for seed in 0..20 {
        let quiet = Setup { forward: 0, public: false, seed, ..Setup::default() };
        let (_, reached) = run(&quiet);
        assert!(Challenge::StopInClass.met(&quiet, reached), "seed {seed}");
    }
    // Everyone forwarding takes it out of the class.
    let loud = Setup { forward: 100, ..Setup::default() };
    let (counts, reached) = run(&loud);
    assert!(!Challenge::StopInClass.met(&loud, reached), "{counts:?}");
    assert!(counts.seen > 1_000, "{counts:?}");

    let few = Setup { forward: 5, ..Setup::default() };
    assert!(Challenge::OneInTwenty.met(&few, Scale::Year));
    assert!(!Challenge::OneInTwenty.met(&Setup::default(), Scale::Year));

    // Reporting alone: public, forwarding, half or more report. The run
    // shows why it cannot stop it: copies already saved stay.
    let reporting = Setup { forward: 30, report: 60, ..Setup::default() };
    assert!(Challenge::ReportingAlone.met(&reporting, Scale::School));
    assert!(!Challenge::ReportingAlone.met(&Setup { public: false, ..reporting }, Scale::School));
    let (counts, _) = run(&reporting);
    assert!(counts.holding > 0 && counts.reported > 0, "{counts:?}");

    assert!(
        Challenge::TippingPoint.met(&Setup { forward: 50, contacts: 2, ..Setup::default() }, Scale::School)
    );
    assert!(
        Challenge::TippingPoint.met(&Setup { forward: 25, contacts: 4, ..Setup::default() }, Scale::School)
    );
    assert!(!Challenge::TippingPoint.met(&Setup::default(), Scale::School));
}

#[test]
fn above_the_tipping_point_it_grows_and_below_it_dies_out() {
    // Averaged over seeds, in a town without public posts: well below one
    // it stays near the class; well above, it reaches thousands.
    let mean_seen = |forward, contacts| {
        (0..6)
            .map(|seed| {
                let setup =
                    Setup { forward, contacts, public: false, scale: Scale::Town, seed, ..Setup::default() };
                f64::from(run(&setup).0.seen)
            })
            .sum::<f64>()
            / 6.0
    };
    let (below, above) = (mean_seen(20, 2), mean_seen(80, 3));
    assert!(below < 100.0, "at 0.4 new people a copy: {below}");
    assert!(above > 5_000.0, "at 2.4 new people a copy: {above}");
}

#[test]
fn a_shared_address_gives_the_same_run() {
    let setup = Setup { forward: 30, scale: Scale::School, seed: 99, ..Setup::default() };
    let (again, _) = Setup::from_query(&setup.to_query());
    assert_eq!(run(&setup), run(&again));
}
