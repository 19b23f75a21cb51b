#![cfg(not(target_arch = "wasm32"))]
//! The big spread (issue 4): the world of nested communities (sizes,
//! community arithmetic, symmetric contacts without self-ties or repeats,
//! bigger worlds holding the smaller ones, public places) and the
//! time-aware cascade over it (counts that match the people, provenance,
//! determinism, the player's eight moves, blocks that never take a copy
//! off a phone, the clock). Properties are checked over many seeds, and
//! over parameters drawn at random from the sim's own seeded generator,
//! in plain loops: every case is fixed by its seed, so nothing here can
//! fail by chance, and a failure names the seed that shows it.

use once_sent::sim::rng::Rng;
use once_sent::sim::spread::{
    schedule, Counts, PlayerMove, Spread, SpreadParams, Status, DAY, HOUR, MONTH, SAVED_COPY, WEEK, YEAR,
};
use once_sent::sim::world::{PlaceKind, Scale, Ties, World};
use once_sent::sim::{PLAYER, SENDER};

const SEEDS: std::ops::Range<u64> = 0..60;
/// The scales small enough to build for every seed in a debug test run.
const SMALL: [Scale; 3] = [Scale::Class, Scale::Year, Scale::School];

// ---- World ----

#[test]
fn each_scale_holds_the_people_it_says() {
    #[rustfmt::skip]
    let want = [
        (Scale::Class, 30), (Scale::Year, 210), (Scale::School, 1_260),
        (Scale::Town, 50_400), (Scale::Region, 1_008_000),
    ];
    for (scale, people) in want {
        assert_eq!(scale.size(), people, "{scale:?}");
        if scale != Scale::Region {
            assert_eq!(World::build(scale, 1).people(), people, "{scale:?}");
        }
    }
    // Each scale is a whole number of the one inside it.
    for scale in Scale::ALL {
        if let Some(inner) = scale.inner() {
            assert_eq!(scale.size() % inner.size(), 0, "{scale:?}");
            assert_eq!(inner.outer(), Some(scale), "{scale:?}");
        }
    }
    let names: Vec<&str> = Scale::ALL.iter().map(|s| s.name()).collect();
    assert_eq!(names, ["class", "year", "school", "town", "region"]);
}

#[test]
fn the_region_is_a_million_people_in_contact_both_ways() {
    // One build of the biggest world: sizes, symmetry checked for a sample
    // of people spread over every town, and one run.
    let world = World::build(Scale::Region, 2026);
    assert_eq!(world.people(), 1_008_000);
    let mean = world.ties() as f64 * 2.0 / f64::from(world.people());
    let want = 0.3 * 29.0 + 3.0 + 1.5 + 0.6 + 0.2;
    assert!((mean - want).abs() < 0.3, "mean contacts {mean:.2}, want about {want:.1}");
    for p in (0..world.people()).step_by(997) {
        for &q in world.contacts(p) {
            assert!(world.contacts(q).binary_search(&p).is_ok(), "{p} lists {q} but not back");
        }
    }
    assert_eq!(world.places().len(), 8);
    // And a whole run on it.
    let spread = run(&world, SpreadParams::default(), PlayerMove::React, 5);
    assert_counts_hold(&spread, "region");
    // A status byte, a parent, a branch and a step for each person.
    assert!(spread.memory_bytes() >= 11 * u64::from(world.people()), "{}", spread.memory_bytes());
}

#[test]
fn communities_are_divisions_of_the_person_s_number() {
    let mut rng = Rng::new(3);
    for _ in 0..10_000 {
        let p = rng.below(Scale::Region.size());
        for scale in Scale::ALL {
            let id = scale.community_of(p);
            assert!(scale.members(id).contains(&p), "{p} is not in their own {scale:?}");
            assert_eq!(scale.members(id).len() as u32, scale.size());
            if let Some(outer) = scale.outer() {
                // A class lies inside one year group, and so on outwards.
                let members = scale.members(id);
                assert_eq!(outer.community_of(members.start), outer.community_of(members.end - 1));
                assert_eq!(outer.community_of(p), id / (outer.size() / scale.size()), "{p} {scale:?}");
            }
        }
    }
    // The player and the sender share class 0; a world is community 0 of
    // its scale, and members are cut to the world.
    assert_eq!((Scale::Class.community_of(PLAYER), Scale::Class.community_of(SENDER)), (0, 0));
    let year = World::build(Scale::Year, 1);
    assert_eq!(year.members(Scale::Class, 6), 180..210);
    assert_eq!(year.members(Scale::School, 0), 0..210);
    assert!(year.members(Scale::Class, 7).is_empty());
}

#[test]
fn contacts_are_symmetric_sorted_without_self_or_repeats() {
    let check = |world: &World, case: &str| {
        for a in 0..world.people() {
            let mine = world.contacts(a);
            assert!(mine.windows(2).all(|w| w[0] < w[1]), "{case}: {a}'s contacts unsorted or repeated");
            assert!(!mine.contains(&a), "{case}: {a} is their own contact");
            for &b in mine {
                assert!(b < world.people(), "{case}: {a} knows {b}, outside the world");
                assert!(world.contacts(b).binary_search(&a).is_ok(), "{case}: {a} lists {b} but not back");
            }
        }
    };
    for scale in SMALL {
        for seed in SEEDS {
            check(&World::build(scale, seed), &format!("{scale:?} seed {seed}"));
        }
    }
    for seed in 0..2 {
        check(&World::build(Scale::Town, seed), &format!("town seed {seed}"));
    }
}

#[test]
fn same_seed_same_world_and_seeds_differ() {
    for scale in SMALL {
        for seed in SEEDS {
            assert_eq!(World::build(scale, seed), World::build(scale, seed), "{scale:?} seed {seed}");
        }
        let worlds: Vec<World> = (0..10).map(|s| World::build(scale, s)).collect();
        assert!(worlds.windows(2).all(|w| w[0] != w[1]), "{scale:?}: neighbouring seeds, same world");
    }
}

#[test]
fn a_bigger_world_holds_every_tie_and_place_of_the_smaller_one() {
    // True by construction: each class and each person draw from their own
    // streams, innermost scale first.
    for seed in 0..5 {
        let worlds: Vec<World> = Scale::ALL[..4].iter().map(|&s| World::build(s, seed)).collect();
        for pair in worlds.windows(2) {
            let (small, big) = (&pair[0], &pair[1]);
            let case = format!("seed {seed}, {:?} in {:?}", small.scale(), big.scale());
            for p in 0..small.people() {
                for q in small.contacts(p) {
                    assert!(big.contacts(p).binary_search(q).is_ok(), "{case}: lost the tie {p}-{q}");
                }
            }
            assert_eq!(big.places()[..small.places().len()], *small.places(), "{case}");
            for i in 0..small.places().len() {
                assert_eq!(big.place_members(i), small.place_members(i), "{case}: place {i}");
            }
        }
    }
}

/// Mean contacts per person by where the contact is: same class, same
/// year not class, same school not year, same town not school, elsewhere.
fn mean_contacts_by_scale(scale: Scale, seeds: std::ops::Range<u64>) -> [f64; 5] {
    let mut sums = [0u64; 5];
    let mut people = 0u64;
    for seed in seeds {
        let world = World::build(scale, seed);
        people += u64::from(world.people());
        for p in 0..world.people() {
            for &q in world.contacts(p) {
                let shared = Scale::ALL.iter().position(|s| s.community_of(p) == s.community_of(q)).unwrap();
                sums[shared] += 1;
            }
        }
    }
    sums.map(|s| s as f64 / people as f64)
}

#[test]
fn ties_thin_out_from_the_class_to_the_region() {
    let ties = Ties::default();
    let school = mean_contacts_by_scale(Scale::School, 0..20);
    let town = mean_contacts_by_scale(Scale::Town, 0..1);
    #[rustfmt::skip]
    let checks = [
        ("classmates",        school[0], ties.in_class * 29.0),
        ("rest of the year",  school[1], ties.in_year),
        ("rest of the school", school[2], ties.in_school),
        ("rest of the town",  town[3],   ties.in_town),
    ];
    for (name, got, want) in checks {
        assert!((got - want).abs() < 0.08 * want, "{name}: mean {got:.3}, want about {want}");
    }
    assert_eq!((school[3], school[4]), (0.0, 0.0), "a school alone has no town or region");
    assert!(school[0] > school[1] && school[1] > school[2] && town[2] > town[3], "{school:?} {town:?}");
}

#[test]
fn tie_densities_at_their_extremes() {
    let none = Ties { in_class: 0.0, in_year: 0.0, in_school: 0.0, in_town: 0.0, in_region: 0.0 };
    let world = World::build_with(Scale::School, &none, 5);
    assert!((0..world.people()).all(|p| world.contacts(p).is_empty()));
    assert_eq!(world.ties(), 0);

    let classmates_only = Ties { in_class: 1.0, ..none };
    let world = World::build_with(Scale::School, &classmates_only, 5);
    for p in 0..world.people() {
        let want: Vec<u32> = Scale::Class.members(Scale::Class.community_of(p)).filter(|&q| q != p).collect();
        assert_eq!(world.contacts(p), want, "person {p}");
    }

    // Ties asked for at one scale land at that scale only.
    let year_only = Ties { in_year: 4.0, ..none };
    let world = World::build_with(Scale::School, &year_only, 5);
    for p in 0..world.people() {
        for &q in world.contacts(p) {
            assert_eq!(Scale::Year.community_of(q), Scale::Year.community_of(p), "{p}-{q}");
            assert_ne!(Scale::Class.community_of(q), Scale::Class.community_of(p), "{p}-{q}");
        }
    }
    // A world of one class has nowhere outside the class to know.
    let world = World::build_with(Scale::Class, &Ties { in_year: 9.0, in_region: 9.0, ..none }, 5);
    assert_eq!(world.ties(), 0);
}

#[test]
fn public_places_are_a_handful_with_members_in_scope() {
    let want_places = [0, 1, 2, 5, 8];
    for (scale, want) in SMALL.iter().chain(&[Scale::Town]).zip(want_places) {
        for seed in 0..10 {
            let world = World::build(*scale, seed);
            let case = format!("{scale:?} seed {seed}");
            assert_eq!(world.places().len(), want, "{case}");
            for (i, place) in world.places().iter().enumerate() {
                let members = world.place_members(i);
                assert!(!members.is_empty(), "{case}: place {i} has nobody");
                assert!(members.windows(2).all(|w| w[0] < w[1]), "{case}: place {i} unsorted");
                assert!(members.iter().all(|&m| place.open_to(m) && m < world.people()), "{case}: {i}");
                assert!(place.scope <= *scale, "{case}: place {i} is wider than the world");
                let twins = world
                    .places()
                    .iter()
                    .filter(|o| (o.scope, o.community) == (place.scope, place.community));
                assert_eq!(twins.count(), 1, "{case}: two places share a community");
            }
            for p in 0..world.people() {
                let open: Vec<usize> = world.places_open_to(p).collect();
                let want: Vec<usize> =
                    (0..world.places().len()).filter(|&i| world.places()[i].open_to(p)).collect();
                assert_eq!(open, want, "{case}: person {p}");
            }
        }
    }
    // The year group chat is a group chat; the rest are sites.
    let town = World::build(Scale::Town, 1);
    assert_eq!(town.places()[0].kind, PlaceKind::GroupChat);
    assert!(town.places()[1..].iter().all(|p| p.kind == PlaceKind::Site));
}

#[test]
fn memory_is_counted_from_the_arrays() {
    let world = World::build(Scale::School, 1);
    let words = u64::from(world.people()) + 1 + 2 * world.ties();
    assert!(world.memory_bytes() >= 4 * words, "{} < {}", world.memory_bytes(), 4 * words);
    assert_eq!(world.build_peak_bytes(), world.memory_bytes() + 4 * u64::from(world.people()));
}

// ---- Spread ----

/// One whole run.
fn run(world: &World, params: SpreadParams, choice: PlayerMove, seed: u64) -> Spread<&World> {
    let mut spread = Spread::new(world, params, seed);
    assert!(spread.player_moves(choice));
    spread.run_to_end();
    spread
}

/// The counts, counted again from everyone's status.
fn recount(spread: &Spread<&World>) -> Counts {
    let mut counts =
        Counts { posts: spread.counts().posts, acted: spread.counts().acted, ..Counts::default() };
    for p in 0..spread.world().people() {
        let status = spread.status(p);
        if status == Status::Unseen {
            assert!(!spread.has_copy(p) && spread.parent(p).is_none() && spread.branch(p).is_none(), "{p}");
            continue;
        }
        counts.seen += 1;
        counts.holding += u32::from(spread.has_copy(p));
        counts.saved += u32::from(spread.saved(p));
        counts.deleted += u32::from(status == Status::Deleted);
        counts.reported += u32::from(status == Status::Reported);
        counts.from_player += u32::from(spread.branch(p) == Some(PLAYER) && p != PLAYER);
    }
    counts
}

/// Everything the counts promise, checked against the people.
fn assert_counts_hold(spread: &Spread<&World>, case: &str) {
    let counts = spread.counts();
    assert_eq!(counts, recount(spread), "{case}");
    assert!(counts.holding <= counts.seen && counts.seen <= spread.world().people(), "{case}: {counts:?}");
    assert!(counts.deleted + counts.reported <= counts.seen, "{case}: {counts:?}");
    assert_eq!(spread.branches().iter().sum::<u32>(), counts.seen, "{case}: branches");
    assert_eq!(spread.branches()[PLAYER as usize], counts.from_player + 1, "{case}: the player's branch");
    for (p, &code) in spread.status_codes().iter().enumerate() {
        let p = p as u32;
        assert_eq!(Status::from_code(code), spread.status(p), "{case}: code of {p}");
        assert_eq!(code & SAVED_COPY != 0, spread.saved(p), "{case}: saved bit of {p}");
    }
}

/// Parameters drawn at random, rates anywhere in [0, 1] (public posting
/// kept below a fifth so that runs stay small enough to check by hand).
fn random_params(rng: &mut Rng) -> SpreadParams {
    SpreadParams {
        forward_rate: rng.next_f64(),
        forward_contacts: rng.below(5),
        post_rate: rng.next_f64() * 0.2,
        screenshot_rate: rng.next_f64(),
        delete_rate: rng.next_f64(),
        report_rate: rng.next_f64() * 0.2,
        view_rate: rng.next_f64(),
        reply_minutes: u64::from(rng.below(120)),
        view_minutes: u64::from(rng.below(600)),
        block_delay_minutes: u64::from(rng.below(3 * DAY as u32)),
        blocked_send_failure: rng.next_f64(),
        resurface_per_year: rng.next_f64(),
        resurface_from_minutes: u64::from(rng.below(2 * MONTH as u32)),
        upstander_factor: rng.next_f64(),
        delete_when_asked: rng.next_f64(),
        adult_minutes: u64::from(rng.below(3 * DAY as u32)),
        horizon_minutes: u64::from(rng.below(12 * YEAR as u32)),
    }
}

/// Params under which nobody but the player sends it anywhere.
fn quiet() -> SpreadParams {
    SpreadParams { forward_rate: 0.0, post_rate: 0.0, resurface_per_year: 0.0, ..SpreadParams::default() }
}

#[test]
fn the_defaults_follow_the_research() {
    let d = SpreadParams::default();
    // CONTENT.md: about 4-12% of receivers forward, never "everyone".
    assert!((0.04..=0.12).contains(&d.forward_rate), "forward_rate {}", d.forward_rate);
    // Posting in public and reporting are rare: rarer than forwarding.
    assert!(d.post_rate < d.forward_rate && d.report_rate < d.forward_rate, "{d:?}");
    for rate in [
        d.post_rate,
        d.screenshot_rate,
        d.delete_rate,
        d.report_rate,
        d.view_rate,
        d.blocked_send_failure,
        d.resurface_per_year,
        d.upstander_factor,
        d.delete_when_asked,
    ] {
        assert!((0.0..=1.0).contains(&rate), "{d:?}");
    }
    assert!(d.upstander_factor < 1.0 && d.delete_rate < d.delete_when_asked, "{d:?}");
    assert_eq!(d.horizon_minutes, 10 * YEAR);
}

#[test]
fn counts_match_the_people_at_every_step() {
    for scale in SMALL {
        for seed in 0..20 {
            let world = World::build(scale, seed);
            for choice in PlayerMove::ALL {
                let case = format!("{scale:?} seed {seed} {choice:?}");
                let mut spread = Spread::new(&world, SpreadParams::default(), seed);
                assert_counts_hold(&spread, &case);
                spread.player_moves(choice);
                assert_counts_hold(&spread, &case);
                while spread.step() {
                    assert_counts_hold(&spread, &format!("{case} step {}", spread.steps()));
                }
                assert_counts_hold(&spread, &case);
                let last = spread.history().last().unwrap();
                assert_eq!((last.counts, last.minutes), (spread.counts(), spread.minutes()), "{case}");
            }
        }
    }
}

#[test]
fn any_parameters_keep_the_counts_honest() {
    let mut draw = Rng::new(0x00CE_5E17);
    for case_no in 0..300 {
        let params = random_params(&mut draw);
        let scale = [Scale::Class, Scale::Year, Scale::School][draw.below(3) as usize];
        let choice = PlayerMove::ALL[draw.below(8) as usize];
        let seed = draw.next_u64();
        let world = World::build(scale, seed);
        let spread = run(&world, params, choice, seed);
        let case = format!("case {case_no}: {scale:?} {choice:?} seed {seed} {params:?}");
        assert_counts_hold(&spread, &case);
        assert!(spread.minutes() <= params.horizon_minutes, "{case}");
        assert!(spread.is_over() && !spread.clone().step(), "{case}");
    }
}

#[test]
fn same_seed_same_run() {
    for scale in SMALL {
        let world = World::build(scale, 9);
        let mut histories = std::collections::BTreeSet::new();
        for seed in SEEDS {
            for choice in [PlayerMove::React, PlayerMove::ForwardFriend, PlayerMove::TellAdult] {
                let (a, b) = (
                    run(&world, SpreadParams::default(), choice, seed),
                    run(&world, SpreadParams::default(), choice, seed),
                );
                let case = format!("{scale:?} seed {seed} {choice:?}");
                assert_eq!(a.history(), b.history(), "{case}");
                assert_eq!(a.status_codes(), b.status_codes(), "{case}");
                assert_eq!(a.blocked_at(), b.blocked_at(), "{case}");
                for p in 0..world.people() {
                    assert_eq!((a.parent(p), a.seen_step(p)), (b.parent(p), b.seen_step(p)), "{case}: {p}");
                }
                histories.insert(format!("{:?}", a.history()));
            }
        }
        assert!(histories.len() > SEEDS.count(), "{scale:?}: the seed changes too little");
    }
}

#[test]
fn a_restarted_run_is_a_new_run_in_the_same_arrays() {
    // What the map does to go back in time: the run starts again in its
    // own arrays (the same memory), from any point, with any parameters
    // and seed, and is the run a new one would be, to every person.
    let world = World::build(Scale::Town, 3);
    let mut spread = Spread::new(&world, SpreadParams::default(), 1);
    spread.player_moves(PlayerMove::ForwardFriend);
    let at = (spread.status_codes().as_ptr(), spread.branches().len());
    for (steps, params, seed, choice) in [
        (40, SpreadParams::default(), 1, PlayerMove::ForwardFriend),
        (
            3,
            SpreadParams { forward_rate: 1.0, report_rate: 0.0, ..SpreadParams::default() },
            8,
            PlayerMove::React,
        ),
        (u32::MAX, quiet(), 2, PlayerMove::TellAdult),
    ] {
        for _ in 0..steps.min(60) {
            spread.step();
        }
        spread.restart(params, seed);
        assert_eq!((spread.steps(), spread.minutes(), spread.history().len()), (0, 0, 1), "back at minute 0");
        assert!(spread.player_moves(choice), "the player moves again");
        spread.run_to_end();
        let new = run(&world, params, choice, seed);
        let case = format!("seed {seed} {choice:?}");
        assert_eq!(spread.history(), new.history(), "{case}");
        assert_eq!(spread.status_codes(), new.status_codes(), "{case}");
        assert_eq!(spread.branches(), new.branches(), "{case}");
        assert_eq!(spread.blocked_at(), new.blocked_at(), "{case}");
        for p in 0..world.people() {
            assert_eq!(
                (spread.parent(p), spread.seen_step(p)),
                (new.parent(p), new.seen_step(p)),
                "{case}: {p}"
            );
        }
        assert_eq!((spread.status_codes().as_ptr(), spread.branches().len()), at, "{case}: new arrays");
    }
}

#[test]
fn with_nobody_forwarding_or_posting_it_stops_with_the_first_holders() {
    let mut draw = Rng::new(17);
    for scale in [Scale::Class, Scale::Year, Scale::School, Scale::Town] {
        let seeds = if scale == Scale::Town { 0..3 } else { SEEDS };
        for seed in seeds {
            let world = World::build(scale, seed);
            // Whatever else the parameters say.
            let params = SpreadParams {
                forward_rate: 0.0,
                post_rate: 0.0,
                resurface_per_year: 0.0,
                ..random_params(&mut draw)
            };
            for choice in PlayerMove::ALL {
                let spread = run(&world, params, choice, seed);
                let case = format!("{scale:?} seed {seed} {choice:?}");
                let friend = world.contacts(PLAYER).iter().any(|&q| Scale::Class.community_of(q) != 0);
                let from_player = match choice {
                    PlayerMove::ForwardFriend => u32::from(friend),
                    PlayerMove::ForwardGroup if scale > Scale::Class => 30,
                    _ => 0,
                };
                let counts = spread.counts();
                assert_eq!((counts.seen, counts.from_player), (30 + from_player, from_player), "{case}");
                assert_eq!(counts.posts, 0, "{case}");
                for p in 0..world.people() {
                    if spread.status(p) != Status::Unseen && Scale::Class.community_of(p) != 0 {
                        assert_eq!(spread.parent(p), Some(PLAYER), "{case}: {p}");
                    }
                }
            }
        }
    }
}

#[test]
fn deleting_your_copy_never_removes_anyone_else_s() {
    // Keeping, screenshotting and deleting the player's copy are the same
    // run for everyone else: the same people see it, from the same people,
    // and keep or lose their own copies alike.
    let mut draw = Rng::new(23);
    for scale in SMALL {
        for seed in SEEDS {
            let world = World::build(scale, seed);
            let params = if seed % 2 == 0 { SpreadParams::default() } else { random_params(&mut draw) };
            let runs = [PlayerMove::React, PlayerMove::Screenshot, PlayerMove::Delete]
                .map(|choice| run(&world, params, choice, seed));
            let case = format!("{scale:?} seed {seed}");
            for other in &runs[1..] {
                for p in (0..world.people()).filter(|&p| p != PLAYER) {
                    assert_eq!(
                        other.status_codes()[p as usize],
                        runs[0].status_codes()[p as usize],
                        "{case}: {p}"
                    );
                    assert_eq!(other.parent(p), runs[0].parent(p), "{case}: parent of {p}");
                }
            }
            let [kept, shot, deleted] = runs.map(|r| r.counts());
            assert_eq!(deleted.holding + 1, kept.holding, "{case}");
            assert_eq!((kept.deleted + 1, kept.seen), (deleted.deleted, deleted.seen), "{case}");
            assert_eq!((shot.holding, shot.saved), (kept.holding, kept.saved + 1), "{case}");
        }
    }
}

/// Whether each person has a copy, and their status, at every step.
fn trace(world: &World, params: SpreadParams, choice: PlayerMove, seed: u64) -> Vec<Vec<u8>> {
    let mut spread = Spread::new(world, params, seed);
    spread.player_moves(choice);
    let mut codes = vec![spread.status_codes().to_vec()];
    while spread.step() {
        codes.push(spread.status_codes().to_vec());
    }
    codes.push(spread.status_codes().to_vec());
    codes
}

#[test]
fn a_block_never_takes_a_copy_off_a_phone() {
    // Between two steps a copy goes only with its owner's own deletion or
    // report (or when their school asks them to delete it), never with
    // the block; a saved copy never goes at all.
    let mut draw = Rng::new(29);
    for scale in SMALL {
        for seed in 0..15 {
            let world = World::build(scale, seed);
            let params = SpreadParams {
                report_rate: 0.1,
                block_delay_minutes: u64::from(draw.below(3 * HOUR as u32)),
                ..random_params(&mut draw)
            };
            for choice in PlayerMove::ALL {
                let codes = trace(&world, params, choice, seed);
                for (step, pair) in codes.windows(2).enumerate() {
                    for (p, (&before, &after)) in pair[0].iter().zip(&pair[1]).enumerate() {
                        let case = format!("{scale:?} seed {seed} {choice:?} step {step} person {p}");
                        let had = Status::from_code(before) == Status::Holds || before & SAVED_COPY != 0;
                        let has = Status::from_code(after) == Status::Holds || after & SAVED_COPY != 0;
                        if had && !has {
                            assert_eq!(before & SAVED_COPY, 0, "{case}: a saved copy went");
                            assert_eq!(Status::from_code(before), Status::Holds, "{case}");
                            let gone = Status::from_code(after);
                            assert!(matches!(gone, Status::Deleted | Status::Reported), "{case}: {gone:?}");
                        }
                        assert!(before & SAVED_COPY == 0 || after & SAVED_COPY != 0, "{case}: unsaved");
                    }
                }
            }
        }
    }
}

#[test]
fn a_report_never_reduces_the_number_holding_a_copy() {
    // Nobody deletes or reports of their own accord: the player's report
    // blocks the picture, and from then on the number of phones with a
    // copy can only stay or grow.
    for scale in SMALL {
        for seed in SEEDS {
            let world = World::build(scale, seed);
            let params = SpreadParams {
                delete_rate: 0.0,
                report_rate: 0.0,
                forward_rate: 0.3,
                post_rate: 0.05,
                ..SpreadParams::default()
            };
            let spread = run(&world, params, PlayerMove::Report, seed);
            let case = format!("{scale:?} seed {seed}");
            assert_eq!(spread.blocked_at(), Some(params.block_delay_minutes), "{case}");
            let at = params.block_delay_minutes;
            assert!(spread.history().iter().all(|s| s.blocked == (s.minutes >= at)), "{case}");
            let holding: Vec<u32> = spread.history().iter().map(|s| s.counts.holding).collect();
            assert!(holding.windows(2).all(|w| w[0] <= w[1]), "{case}: {holding:?}");
            assert_eq!(spread.status(PLAYER), Status::Reported, "{case}");
            assert_eq!(spread.counts().reported, 1, "{case}");
        }
    }
}

#[test]
fn once_blocked_with_every_send_failing_nothing_new_gets_through() {
    let mut draw = Rng::new(31);
    for scale in SMALL {
        for seed in 0..30 {
            let world = World::build(scale, seed);
            let params = SpreadParams {
                block_delay_minutes: 0,
                blocked_send_failure: 1.0,
                forward_rate: 1.0,
                post_rate: 1.0,
                ..random_params(&mut draw)
            };
            let spread = run(&world, params, PlayerMove::Report, seed);
            let case = format!("{scale:?} seed {seed}");
            assert_eq!(spread.counts().seen, 30, "{case}: {:?}", spread.counts());
            assert!(spread.history().iter().all(|s| s.blocked && s.counts.seen == 30), "{case}");
        }
    }
}

#[test]
fn every_copy_knows_where_it_came_from() {
    let mut draw = Rng::new(37);
    for scale in SMALL {
        for seed in 0..25 {
            let world = World::build(scale, seed);
            let params = if seed % 2 == 0 {
                SpreadParams { post_rate: 0.05, ..SpreadParams::default() }
            } else {
                random_params(&mut draw)
            };
            for choice in PlayerMove::ALL {
                let spread = run(&world, params, choice, seed);
                let case = format!("{scale:?} seed {seed} {choice:?}");
                let mut line = 0;
                for p in (0..world.people()).filter(|&p| spread.status(p) != Status::Unseen) {
                    let Some(from) = spread.parent(p) else {
                        assert_eq!(p, SENDER, "{case}: only the sender's copy has no parent");
                        continue;
                    };
                    assert_ne!(
                        spread.status(from),
                        Status::Unseen,
                        "{case}: {p} got it from {from}, who never had it"
                    );
                    assert!(spread.seen_step(from) <= spread.seen_step(p), "{case}: {p} before {from}");
                    let in_chat = Scale::Class.community_of(p) == 0;
                    let group = choice == PlayerMove::ForwardGroup
                        && from == PLAYER
                        && Scale::Class.community_of(p) == 1;
                    let contact = world.contacts(from).binary_search(&p).is_ok();
                    let place =
                        world.places_open_to(from).any(|i| world.place_members(i).binary_search(&p).is_ok());
                    if in_chat {
                        assert_eq!((from, spread.branch(p)), (SENDER, Some(p)), "{case}: {p} heads a branch");
                    } else {
                        assert!(group || contact || place, "{case}: {p} could not have got it from {from}");
                        assert_eq!(spread.branch(p), spread.branch(from), "{case}: branch of {p}");
                    }
                    // Provenance the long way round: up the parents.
                    let mut at = Some(p);
                    while let Some(q) = at {
                        if q == PLAYER && p != PLAYER {
                            line += 1;
                            break;
                        }
                        at = spread.parent(q);
                    }
                }
                assert_eq!(spread.counts().from_player, line, "{case}");
                let shares = matches!(choice, PlayerMove::ForwardFriend | PlayerMove::ForwardGroup);
                if !shares {
                    assert_eq!(line, 0, "{case}: the player sent nothing on");
                }
            }
        }
    }
}

#[test]
fn the_player_moves_once_first_and_never_again() {
    for scale in SMALL {
        let world = World::build(scale, 4);
        for choice in PlayerMove::ALL {
            let case = format!("{scale:?} {choice:?}");
            let mut spread =
                Spread::new(&world, SpreadParams { forward_rate: 0.5, ..SpreadParams::default() }, 4);
            assert_eq!(spread.status(PLAYER), Status::Holds, "{case}");
            assert!(spread.player_moves(choice), "{case}");
            assert!(!spread.player_moves(PlayerMove::ForwardGroup), "{case}: moved twice");
            let (status, saved) = (spread.status(PLAYER), spread.saved(PLAYER));
            #[rustfmt::skip]
            let want = match choice {
                PlayerMove::ForwardFriend | PlayerMove::ForwardGroup | PlayerMove::React => (Status::Holds, false),
                PlayerMove::Screenshot => (Status::Holds, true),
                PlayerMove::Delete | PlayerMove::ReplyStop | PlayerMove::TellAdult => (Status::Deleted, false),
                PlayerMove::Report => (Status::Reported, false),
            };
            assert_eq!((status, saved), want, "{case}");
            assert_eq!(spread.history().len(), 1, "{case}");
            assert_eq!(spread.history()[0].counts, spread.counts(), "{case}: step 0 shows the move");
            spread.run_to_end();
            // The game never decides for the player after their move.
            assert_eq!((spread.status(PLAYER), spread.saved(PLAYER)), want, "{case}");
            assert!(spread
                .history()
                .iter()
                .all(|s| s.counts.reported >= u32::from(choice == PlayerMove::Report)));
        }
        let mut started = Spread::new(&world, SpreadParams::default(), 4);
        started.step();
        assert!(!started.player_moves(PlayerMove::Delete), "{scale:?}: moved after the clock started");
        assert_eq!(started.status(PLAYER), Status::Holds);
    }
}

#[test]
fn a_group_forward_reaches_the_next_class_and_a_friend_is_a_contact() {
    for seed in SEEDS {
        let world = World::build(Scale::Year, seed);
        let spread = run(&world, quiet(), PlayerMove::ForwardGroup, seed);
        for p in Scale::Class.members(1) {
            assert_ne!(spread.status(p), Status::Unseen, "seed {seed}: {p}");
            assert_eq!(spread.parent(p), Some(PLAYER), "seed {seed}: {p}");
        }
        let spread = run(&world, quiet(), PlayerMove::ForwardFriend, seed);
        let friends: Vec<u32> =
            (30..world.people()).filter(|&p| spread.status(p) != Status::Unseen).collect();
        assert!(
            friends.len() <= 1 && friends.iter().all(|f| world.contacts(PLAYER).contains(f)),
            "seed {seed}"
        );
    }
    // In a world of one class there is no other group to send it to.
    let world = World::build(Scale::Class, 1);
    assert_eq!(run(&world, quiet(), PlayerMove::ForwardGroup, 1).counts().from_player, 0);
}

#[test]
fn forwarders_send_to_at_most_forward_contacts_people() {
    for forward_contacts in 0..4 {
        let params = SpreadParams {
            forward_rate: 1.0,
            post_rate: 0.0,
            resurface_per_year: 0.0,
            forward_contacts,
            ..SpreadParams::default()
        };
        let mut most = 0;
        for seed in 0..20 {
            let world = World::build(Scale::School, seed);
            let spread = run(&world, params, PlayerMove::Delete, seed);
            let mut sent = vec![0u32; world.people() as usize];
            for p in (0..world.people()).filter(|&p| Scale::Class.community_of(p) != 0) {
                if let Some(from) = spread.parent(p) {
                    sent[from as usize] += 1;
                }
            }
            most = most.max(*sent.iter().max().unwrap());
            assert!(sent.iter().all(|&s| s <= forward_contacts), "seed {seed}, {forward_contacts}");
        }
        assert_eq!(most, forward_contacts, "nobody sent all {forward_contacts}");
    }
}

#[test]
fn telling_an_adult_asks_the_school_and_starts_the_block() {
    for scale in SMALL {
        for seed in SEEDS {
            let world = World::build(scale, seed);
            let params = SpreadParams { delete_when_asked: 1.0, report_rate: 0.0, ..quiet() };
            let spread = run(&world, params, PlayerMove::TellAdult, seed);
            let case = format!("{scale:?} seed {seed}");
            assert_eq!(
                spread.blocked_at(),
                Some(params.adult_minutes + params.block_delay_minutes),
                "{case}"
            );
            // Everyone asked deleted the message; only saved copies are left.
            for p in 0..world.people() {
                assert!(!spread.has_copy(p) || spread.saved(p), "{case}: {p} kept the message");
            }
            // Without the adult, nobody is asked and nothing is blocked.
            let deleted = run(&world, params, PlayerMove::Delete, seed);
            assert_eq!(deleted.blocked_at(), None, "{case}");
            assert!(deleted.counts().holding >= spread.counts().holding, "{case}");
        }
    }
}

#[test]
fn saying_stop_with_full_effect_keeps_it_in_the_class() {
    let params = SpreadParams {
        forward_rate: 1.0,
        post_rate: 1.0,
        resurface_per_year: 0.0,
        upstander_factor: 0.0,
        ..SpreadParams::default()
    };
    let mut spread_without = 0;
    for seed in 0..30 {
        let world = World::build(Scale::School, seed);
        assert_eq!(run(&world, params, PlayerMove::ReplyStop, seed).counts().seen, 30, "seed {seed}");
        spread_without += u32::from(run(&world, params, PlayerMove::Delete, seed).counts().seen > 30);
    }
    assert!(spread_without > 0, "it stayed in the class even without the reply");
}

#[test]
fn the_clock_runs_from_minutes_to_years() {
    let ends = schedule(10 * YEAR);
    assert_eq!(&ends[..12], &(1..=12).map(|i| i * 5).collect::<Vec<u64>>()[..], "five-minute steps");
    assert!(ends.windows(2).all(|w| w[0] < w[1]));
    for boundary in [HOUR, DAY, WEEK, MONTH, YEAR, 10 * YEAR] {
        assert!(ends.contains(&boundary), "no step ends at {boundary}");
    }
    assert_eq!(ends.len(), 12 + 23 + 6 + 4 + 11 + 9);
    assert_eq!(*ends.last().unwrap(), 10 * YEAR);
    assert_eq!(schedule(90), [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 90]);
    assert!(schedule(0).is_empty());

    let world = World::build(Scale::School, 3);
    let mut spread = Spread::new(&world, SpreadParams::default(), 3);
    spread.player_moves(PlayerMove::React);
    spread.run_to_end();
    let minutes: Vec<u64> = spread.history().iter().map(|s| s.minutes).collect();
    assert_eq!(minutes[0], 0);
    assert_eq!(&minutes[1..], &spread.step_ends()[..minutes.len() - 1]);
    assert_eq!(spread.minutes(), *minutes.last().unwrap());
    let steps: Vec<u32> = spread.history().iter().map(|s| s.step).collect();
    assert_eq!(steps, (0..minutes.len() as u32).collect::<Vec<u32>>());
    // A finished run stays finished.
    let before = (spread.history().to_vec(), spread.status_codes().to_vec());
    assert!(!spread.step());
    assert_eq!((spread.history().to_vec(), spread.status_codes().to_vec()), before);

    // A run with no horizon never starts.
    let mut none = Spread::new(&world, SpreadParams { horizon_minutes: 0, ..SpreadParams::default() }, 3);
    assert!(none.is_over() && !none.step());
}

#[test]
fn a_run_ends_early_only_when_nothing_can_happen_any_more() {
    for seed in SEEDS {
        let world = World::build(Scale::School, seed);
        // Nothing can come back: the run ends once the last person acted.
        let quiet_run = run(&world, quiet(), PlayerMove::React, seed);
        assert!(quiet_run.minutes() < 10 * YEAR, "seed {seed}: ran to the horizon with nothing to do");
        // Copies can come back: the run goes on to the horizon.
        let params = SpreadParams { resurface_per_year: 0.5, ..quiet() };
        assert_eq!(run(&world, params, PlayerMove::React, seed).minutes(), 10 * YEAR, "seed {seed}");
    }
}

#[test]
fn kept_copies_come_back_long_after_on_some_seeds() {
    // Nobody reports, so nothing is ever blocked; copies resurface often.
    let params = SpreadParams { report_rate: 0.0, resurface_per_year: 0.5, ..SpreadParams::default() };
    let mut came_back = 0;
    for seed in 0..30 {
        let world = World::build(Scale::School, seed);
        let spread = run(&world, params, PlayerMove::React, seed);
        let after_a_month = spread.history().iter().find(|s| s.minutes >= 2 * MONTH).unwrap().counts.seen;
        came_back += u32::from(spread.counts().seen > after_a_month);
        // Only what was kept can come back: never seen after the horizon.
        assert!(spread.minutes() <= params.horizon_minutes);
    }
    assert!(came_back > 0, "no copy came back in 30 runs");
}

#[test]
fn a_town_runs_to_the_end() {
    let town = World::build(Scale::Town, 5);
    for choice in PlayerMove::ALL {
        let spread = run(&town, SpreadParams::default(), choice, 5);
        assert_counts_hold(&spread, &format!("town {choice:?}"));
    }
}

#[test]
fn a_shared_world_gives_the_same_run_as_a_borrowed_one() {
    // A component can keep its world in an `Rc` and its run beside it.
    let world = World::build(Scale::School, 8);
    let borrowed = run(&world, SpreadParams::default(), PlayerMove::ForwardFriend, 8);
    let mut shared = Spread::new(std::rc::Rc::new(world.clone()), SpreadParams::default(), 8);
    shared.player_moves(PlayerMove::ForwardFriend);
    shared.run_to_end();
    assert_eq!(shared.history(), borrowed.history());
    assert_eq!(shared.status_codes(), borrowed.status_codes());
}

#[test]
fn a_seed_gives_the_same_big_spread_as_it_always_has() {
    // The same table is asserted in the browser by tests/web.rs.
    for (scale, seed, choice, want) in spread_golden() {
        assert_eq!(spread_run(scale, seed, choice), want, "{scale:?} seed {seed} {choice:?}");
    }
}

/// Everyone's status, parent and the step they saw it in, and the history,
/// as one number: two runs with the same fingerprint went the same way for
/// every person.
fn fingerprint(spread: &Spread<&World>) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut mix = |x: u64| hash = (hash ^ x).wrapping_mul(0x0100_0000_01b3);
    for p in 0..spread.world().people() {
        mix(u64::from(spread.status_codes()[p as usize]));
        mix(u64::from(spread.parent(p).unwrap_or(u32::MAX)));
        mix(u64::from(spread.seen_step(p).unwrap_or(u32::MAX)));
    }
    for snapshot in spread.history() {
        mix(u64::from(snapshot.counts.seen) << 32 | u64::from(snapshot.counts.holding));
        mix(snapshot.minutes);
    }
    hash
}

#[test]
fn heavy_spreads_go_as_they_always_have_for_every_person() {
    // Where everyone forwards, most forwarders find every contact has seen
    // it already, and many post it too: a forward that skips its draws
    // when they cannot matter must leave every such run as it was, down to
    // each person. (Fingerprints of the runs before that shortcut.)
    let town = World::build(Scale::Town, 11);
    let cases = [
        (
            SpreadParams { forward_rate: 1.0, report_rate: 0.0, ..SpreadParams::default() },
            PlayerMove::React,
            15020556407065459482,
        ),
        (
            SpreadParams { forward_rate: 1.0, post_rate: 0.3, report_rate: 0.0, ..SpreadParams::default() },
            PlayerMove::ForwardFriend,
            10138521514972155757,
        ),
        (
            SpreadParams {
                forward_rate: 0.9,
                post_rate: 0.5,
                resurface_per_year: 2.0,
                ..SpreadParams::default()
            },
            PlayerMove::React,
            12714115368122287925,
        ),
    ];
    let got: Vec<u64> = cases
        .iter()
        .enumerate()
        .map(|(seed, &(params, choice, _))| fingerprint(&run(&town, params, choice, seed as u64)))
        .collect();
    for (i, (&(_, _, want), got)) in cases.iter().zip(&got).enumerate() {
        assert_eq!(*got, want, "heavy case {i}");
    }
}

include!("common/spread_golden.rs");

// ---- Played in pieces ----

#[test]
fn a_run_played_in_pieces_is_the_same_run() {
    // The shell plays a busy step over several frames with `work`; cut
    // anywhere, the run must be the one `step` plays in one go.
    let world = World::build(Scale::School, 17);
    let mut rng = Rng::new(17);
    let mut cut_mid_step = 0;
    for seed in 0..24 {
        let params = if seed % 2 == 0 { SpreadParams::default() } else { random_params(&mut rng) };
        for choice in PlayerMove::ALL {
            let whole = run(&world, params, choice, seed);
            let mut pieces = Spread::new(&world, params, seed);
            assert!(pieces.player_moves(choice));
            loop {
                let budget = 1 + rng.below(40);
                match pieces.work(budget) {
                    None => {
                        assert!(pieces.mid_step(), "seed {seed} {choice:?}: unfinished but not mid-step");
                        cut_mid_step += 1;
                    }
                    Some(more) => {
                        assert!(!pieces.mid_step(), "seed {seed} {choice:?}");
                        assert_eq!(pieces.history().last().unwrap().step, pieces.steps());
                        if !more {
                            break;
                        }
                    }
                }
            }
            let case = format!("seed {seed} {choice:?}");
            assert_eq!(pieces.history(), whole.history(), "{case}");
            assert_eq!(pieces.status_codes(), whole.status_codes(), "{case}");
            for p in 0..world.people() {
                assert_eq!(pieces.parent(p), whole.parent(p), "{case}: parent of {p}");
                assert_eq!(pieces.seen_step(p), whole.seen_step(p), "{case}: step of {p}");
            }
            // Once over, more work changes nothing.
            assert_eq!(pieces.work(5), Some(false));
            assert_eq!(pieces.history().len(), whole.history().len());
        }
    }
    assert!(cut_mid_step > 100, "the budgets hardly ever cut a step ({cut_mid_step})");
}
