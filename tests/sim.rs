#![cfg(not(target_arch = "wasm32"))]
//! The spread: the seeded generator (portable, in range, unbiased), the
//! class network (deterministic, symmetric, no self-contacts) and the
//! cascade (deterministic, counts that add up, provenance that holds, and the
//! player's act changing only what it should). Properties are checked over a
//! few hundred seeds in plain loops.

use once_sent::sim::{
    play_out, Cascade, Network, Params, PlayerAct, Rng, Shape, Status, Tally, PLAYER, SENDER,
};

const ACTS: [PlayerAct; 3] = [PlayerAct::Forward, PlayerAct::Delete, PlayerAct::TellSomeone];
const SEEDS: std::ops::Range<u64> = 0..300;

// ---- Rng ----

#[test]
fn rng_is_splitmix64() {
    // Reference outputs of SplitMix64 (Vigna's splitmix64.c): the promise
    // that one seed gives one run, in every build and every year.
    #[rustfmt::skip]
    let cases: [(u64, [u64; 4]); 2] = [
        (0,       [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC]),
        (1234567, [0x599E_D017_FB08_FC85, 0x2C73_F084_5854_0FA5, 0x883E_BCE5_A3F2_7C77, 0x3FBE_F740_E917_7B3F]),
    ];
    for (seed, want) in cases {
        let mut rng = Rng::new(seed);
        let got: Vec<u64> = (0..4).map(|_| rng.next_u64()).collect();
        assert_eq!(got, want, "seed {seed}");
    }
}

#[test]
fn rng_same_seed_same_stream_and_different_seeds_differ() {
    for seed in SEEDS {
        let (mut a, mut b) = (Rng::new(seed), Rng::new(seed));
        for _ in 0..50 {
            assert_eq!(a.below(1000), b.below(1000));
            assert_eq!(a.next_u64(), b.next_u64());
        }
        let mut c = a.clone();
        assert_eq!(a.next_u64(), c.next_u64(), "a clone goes on identically");
    }
    let first: Vec<u64> = SEEDS.map(|s| Rng::new(s).next_u64()).collect();
    let distinct: std::collections::BTreeSet<_> = first.iter().collect();
    assert_eq!(distinct.len(), first.len(), "two seeds gave the same first number");
}

#[test]
fn below_stays_in_range() {
    let mut rng = Rng::new(7);
    for n in [1, 2, 3, 7, 10, 30, 60, 1000, 1 << 31, (1 << 31) + 1, 3 << 30, u32::MAX] {
        for _ in 0..2000 {
            let x = rng.below(n);
            assert!(x < n, "below({n}) gave {x}");
        }
    }
    assert!((0..100).all(|_| rng.below(1) == 0));
}

#[test]
#[should_panic(expected = "below(0)")]
fn below_zero_is_refused() {
    Rng::new(1).below(0);
}

#[test]
fn below_is_roughly_uniform() {
    let mut rng = Rng::new(2024);
    let mut counts = [0u32; 10];
    for _ in 0..100_000 {
        counts[rng.below(10) as usize] += 1;
    }
    // Expected 10,000 each, standard deviation about 95: a generous bound.
    for (i, &c) in counts.iter().enumerate() {
        assert!((9_000..=11_000).contains(&c), "bucket {i} got {c}: {counts:?}");
    }
}

#[test]
fn below_has_no_modulo_bias() {
    // For n = 3 * 2^30, `x % n` would put half of all draws below 2^30
    // instead of a third.
    let mut rng = Rng::new(99);
    let n = 3u32 << 30;
    let low = (0..30_000).filter(|_| rng.below(n) < 1 << 30).count();
    assert!((9_400..=10_600).contains(&low), "{low} of 30,000 fell in the lowest third");
}

#[test]
fn chance_and_next_f64() {
    let mut rng = Rng::new(5);
    for _ in 0..10_000 {
        let x = rng.next_f64();
        assert!((0.0..1.0).contains(&x), "next_f64 gave {x}");
    }
    assert!((0..1000).all(|_| !rng.chance(0.0)), "chance(0) came true");
    assert!((0..1000).all(|_| !rng.chance(-1.0)), "chance(-1) came true");
    assert!((0..1000).all(|_| rng.chance(1.0)), "chance(1) came false");
    let hits = (0..100_000).filter(|_| rng.chance(0.25)).count();
    assert!((23_000..=27_000).contains(&hits), "chance(0.25) came true {hits} times in 100,000");
}

// ---- Network ----

#[test]
fn same_seed_same_network() {
    for seed in SEEDS {
        assert_eq!(Network::classes(Shape::TWO_CLASSES, seed), Network::classes(Shape::TWO_CLASSES, seed));
    }
    let nets: Vec<Network> = (0..20).map(|s| Network::classes(Shape::TWO_CLASSES, s)).collect();
    assert!(nets.windows(2).all(|w| w[0] != w[1]), "neighbouring seeds gave the same network");
}

#[test]
fn people_and_classes_have_the_shape_asked_for() {
    #[rustfmt::skip]
    let shapes = [
        Shape::TWO_CLASSES,
        Shape { classes: 1, class_size: 2,  tie_in_class: 0.5, ties_outside: 3 },
        Shape { classes: 3, class_size: 7,  tie_in_class: 0.3, ties_outside: 1 },
        Shape { classes: 10, class_size: 25, tie_in_class: 0.2, ties_outside: 4 },
    ];
    for shape in shapes {
        let net = Network::classes(shape, 11);
        assert_eq!(net.people(), shape.classes * shape.class_size, "{shape:?}");
        for class in 0..shape.classes {
            let members = net.class_members(class);
            assert_eq!(members, class * shape.class_size..(class + 1) * shape.class_size);
            assert!(members.clone().all(|p| net.class_of(p) == class));
        }
    }
}

#[test]
fn contacts_are_symmetric_without_self_or_repeats() {
    let shapes =
        [Shape::TWO_CLASSES, Shape { classes: 4, class_size: 12, tie_in_class: 0.5, ties_outside: 3 }];
    for shape in shapes {
        for seed in SEEDS {
            let net = Network::classes(shape, seed);
            for a in 0..net.people() {
                let mine = net.contacts(a);
                assert!(!mine.contains(&a), "seed {seed}: {a} is their own contact");
                let mut sorted = mine.to_vec();
                sorted.sort_unstable();
                sorted.dedup();
                assert_eq!(sorted.len(), mine.len(), "seed {seed}: {a} lists a contact twice");
                for &b in mine {
                    assert!(b < net.people(), "seed {seed}: {a} knows {b}, who is not in the network");
                    assert!(net.contacts(b).contains(&a), "seed {seed}: {a} lists {b} but not back");
                }
            }
        }
    }
}

#[test]
fn tie_chances_at_the_extremes() {
    // Everyone knows every classmate and nobody else.
    let full = Shape { classes: 3, class_size: 5, tie_in_class: 1.0, ties_outside: 0 };
    let net = Network::classes(full, 3);
    for p in 0..net.people() {
        let mut mine = net.contacts(p).to_vec();
        mine.sort_unstable();
        let classmates: Vec<u32> = net.class_members(net.class_of(p)).filter(|&q| q != p).collect();
        assert_eq!(mine, classmates, "person {p}");
    }
    // Nobody knows anybody; one class has no outside to know.
    #[rustfmt::skip]
    let empty = [
        Shape { classes: 3, class_size: 5, tie_in_class: 0.0, ties_outside: 0 },
        Shape { classes: 1, class_size: 9, tie_in_class: 0.0, ties_outside: 4 },
    ];
    for shape in empty {
        let net = Network::classes(shape, 3);
        assert!((0..net.people()).all(|p| net.contacts(p).is_empty()), "{shape:?}");
    }
}

#[test]
#[should_panic(expected = "a network needs people")]
fn a_network_without_classes_is_refused() {
    Network::classes(Shape { classes: 0, class_size: 30, tie_in_class: 0.3, ties_outside: 2 }, 1);
}

#[test]
#[should_panic(expected = "a network needs people")]
fn a_class_of_one_is_refused() {
    Network::classes(Shape { classes: 2, class_size: 1, tie_in_class: 0.3, ties_outside: 2 }, 1);
}

/// Mean contacts per person inside and outside their class, over `SEEDS`.
fn mean_degrees(shape: Shape) -> (f64, f64) {
    let (mut inside, mut outside) = (0u64, 0u64);
    for seed in SEEDS {
        let net = Network::classes(shape, seed);
        for p in 0..net.people() {
            for &q in net.contacts(p) {
                if net.class_of(q) == net.class_of(p) {
                    inside += 1;
                } else {
                    outside += 1;
                }
            }
        }
    }
    let n = (SEEDS.end - SEEDS.start) as f64 * f64::from(shape.classes * shape.class_size);
    (inside as f64 / n, outside as f64 / n)
}

#[test]
fn classmates_are_in_contact_at_the_tie_chance() {
    let (inside, _) = mean_degrees(Shape::TWO_CLASSES);
    let want = 0.3 * 29.0;
    assert!((inside - want).abs() < 0.5, "mean classmates {inside:.2}, want about {want}");
}

#[test]
fn people_have_ties_outside_contacts_outside_their_class_on_average() {
    #[rustfmt::skip]
    let shapes = [
        Shape::TWO_CLASSES,
        Shape { classes: 10, class_size: 30, tie_in_class: 0.3, ties_outside: 3 },
    ];
    for shape in shapes {
        let (_, outside) = mean_degrees(shape);
        let want = f64::from(shape.ties_outside);
        assert!(
            (outside - want).abs() < 0.15 * want,
            "{shape:?}: mean outside contacts {outside:.2}, want {want}"
        );
    }
}

// ---- Cascade ----

/// One run of the first chapter's spread, keeping the cascade and the
/// generator for inspection.
fn run(act: PlayerAct, params: &Params, seed: u64) -> (Network, Cascade, Rng) {
    let net = Network::classes(Shape::TWO_CLASSES, seed);
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(17));
    let mut cascade = Cascade::start(&net, SENDER, PLAYER);
    cascade.player_acts(&net, act, params, &mut rng);
    cascade.run_to_end(&net, params, &mut rng);
    (net, cascade, rng)
}

fn quiet() -> Params {
    Params { forward_rate: 0.0, ..Params::default() }
}

#[test]
fn the_defaults_follow_the_research() {
    // CONTENT.md: about 4-12% of receivers forward, never "everyone".
    let p = Params::default();
    assert!((0.04..=0.12).contains(&p.forward_rate), "forward_rate {}", p.forward_rate);
}

#[test]
fn same_seed_same_tally() {
    for seed in SEEDS {
        for act in ACTS {
            assert_eq!(play_out(act, &Params::default(), seed), play_out(act, &Params::default(), seed));
        }
    }
    let tallies: std::collections::BTreeSet<_> =
        (0..50).map(|s| format!("{:?}", play_out(PlayerAct::Forward, &Params::default(), s))).collect();
    assert!(tallies.len() > 1, "the seed changes nothing");
}

#[test]
fn the_whole_class_gets_it_from_the_group_chat() {
    let net = Network::classes(Shape::TWO_CLASSES, 4);
    let cascade = Cascade::start(&net, SENDER, PLAYER);
    for p in 0..net.people() {
        let in_class = net.class_of(p) == net.class_of(SENDER);
        assert_eq!(cascade.status(p), if in_class { Status::Holds } else { Status::Unseen }, "person {p}");
        let want = if !in_class || p == SENDER { None } else { Some(SENDER) };
        assert_eq!(cascade.parent(p), want, "parent of {p}");
    }
    assert_eq!(
        cascade.tally(),
        Tally { people: 60, seen: 30, holding: 30, deleted: 0, from_player: 0, steps: 0 }
    );
    assert!(!cascade.reported());
}

#[test]
fn tallies_add_up() {
    let params = Params::default();
    for seed in SEEDS {
        for act in ACTS {
            let t = play_out(act, &params, seed);
            let case = format!("{act:?} seed {seed}: {t:?}");
            assert_eq!(t.people, 60, "{case}");
            assert!(t.seen <= t.people, "{case}");
            assert!(t.seen >= 30, "{case}: the whole class chat got it");
            assert_eq!(t.holding + t.deleted, t.seen, "{case}");
            assert!(t.from_player <= t.seen, "{case}");
            // Classmates had it from the chat already: the player's copies
            // reach only people outside it.
            assert!(t.from_player <= t.seen - 30, "{case}");
            assert!(t.steps <= params.max_steps, "{case}");
            if act != PlayerAct::Forward {
                assert_eq!(t.from_player, 0, "{case}");
            }
        }
    }
}

#[test]
fn forwarding_reaches_new_people_on_some_seeds() {
    let reached: Vec<u64> =
        SEEDS.filter(|&s| play_out(PlayerAct::Forward, &Params::default(), s).from_player > 0).collect();
    assert!(!reached.is_empty(), "no seed in {SEEDS:?} lets the player's forward reach anyone");
}

#[test]
fn forwarding_spreads_it_further_on_average() {
    let seen = |act| SEEDS.map(|s| u64::from(play_out(act, &Params::default(), s).seen)).sum::<u64>();
    let (forward, delete) = (seen(PlayerAct::Forward), seen(PlayerAct::Delete));
    assert!(forward > delete, "forward reached {forward}, delete {delete}, over {SEEDS:?}");
}

#[test]
fn when_nobody_else_forwards_only_the_player_s_copies_leave_the_class() {
    let params = quiet();
    for seed in SEEDS {
        for act in ACTS {
            let (net, cascade, _) = run(act, &params, seed);
            let outside: Vec<u32> =
                (0..net.people()).filter(|&p| net.class_of(p) != net.class_of(SENDER)).collect();
            let reached: Vec<u32> =
                outside.iter().copied().filter(|&p| cascade.status(p) != Status::Unseen).collect();
            for &p in &reached {
                assert_eq!(cascade.parent(p), Some(PLAYER), "{act:?} seed {seed}: {p} got it from elsewhere");
                assert!(
                    net.contacts(PLAYER).contains(&p),
                    "{act:?} seed {seed}: {p} is not the player's contact"
                );
            }
            let t = cascade.tally();
            assert_eq!(t.from_player as usize, reached.len(), "{act:?} seed {seed}");
            assert_eq!(t.seen as usize, 30 + reached.len(), "{act:?} seed {seed}");
            assert!(t.from_player <= params.forward_contacts, "{act:?} seed {seed}");
            if act != PlayerAct::Forward {
                assert!(reached.is_empty(), "{act:?} seed {seed}: it left the class without a forward");
            }
        }
    }
}

#[test]
fn a_forward_sends_at_most_forward_contacts_copies() {
    // Classes of two (the sender and the player) with no ties inside: every
    // contact the player has is someone who has not seen it yet.
    let shape = Shape { classes: 20, class_size: 2, tie_in_class: 0.0, ties_outside: 8 };
    for forward_contacts in [0, 1, 2, 3] {
        let params = Params { forward_contacts, ..quiet() };
        let mut most = 0;
        for seed in SEEDS {
            let net = Network::classes(shape, seed);
            let mut rng = Rng::new(seed);
            let mut cascade = Cascade::start(&net, SENDER, PLAYER);
            cascade.player_acts(&net, PlayerAct::Forward, &params, &mut rng);
            cascade.run_to_end(&net, &params, &mut rng);
            let sent = cascade.tally().from_player;
            assert!(sent <= forward_contacts, "seed {seed}: {sent} copies for {forward_contacts} contacts");
            most = most.max(sent);
        }
        assert_eq!(most, forward_contacts, "no seed sent all {forward_contacts} copies");
    }
}

#[test]
fn telling_someone_only_adds_deletions_to_what_deleting_does() {
    // Neither act draws a random number and each later decision draws the
    // same numbers, so the two runs are the same run, except that after a
    // report more people delete their copies.
    for params in [Params::default(), Params { forward_rate: 0.5, ..Params::default() }] {
        for seed in SEEDS {
            let (net, deleted, rng_d) = run(PlayerAct::Delete, &params, seed);
            let (_, told, rng_t) = run(PlayerAct::TellSomeone, &params, seed);
            let case = format!("seed {seed}, {params:?}");
            let (d, t) = (deleted.tally(), told.tally());
            assert_eq!((d.seen, d.from_player, d.steps), (t.seen, t.from_player, t.steps), "{case}");
            assert!(t.holding <= d.holding, "{case}: telling left more copies ({t:?} vs {d:?})");
            for p in 0..net.people() {
                assert_eq!(deleted.parent(p), told.parent(p), "{case}: person {p}");
                if deleted.status(p) == Status::Deleted {
                    assert_eq!(told.status(p), Status::Deleted, "{case}: person {p}");
                }
            }
            assert_eq!(rng_d, rng_t, "{case}: the generators drifted apart");
            assert_eq!(deleted.status(PLAYER), Status::Deleted, "{case}");
            assert!(!deleted.reported(), "{case}");
            assert!(told.reported(), "{case}");
        }
    }
}

#[test]
fn with_the_same_delete_rate_after_a_report_telling_and_deleting_match() {
    let params = Params { delete_rate_after_report: Params::default().delete_rate, ..Params::default() };
    for seed in SEEDS {
        let (_, deleted, _) = run(PlayerAct::Delete, &params, seed);
        let (_, told, _) = run(PlayerAct::TellSomeone, &params, seed);
        assert_eq!(deleted.tally(), told.tally(), "seed {seed}");
    }
}

#[test]
fn on_average_telling_someone_leaves_fewer_copies_than_deleting() {
    let total = |act| SEEDS.map(|seed| run(act, &Params::default(), seed).1.tally().holding).sum::<u32>();
    let (told, deleted) = (total(PlayerAct::TellSomeone), total(PlayerAct::Delete));
    assert!(told < deleted, "told {told}, deleted {deleted}");
}

#[test]
fn the_player_acts_once_and_never_again() {
    // Everyone else deletes at once; the sender never decides (they sent it).
    let params =
        Params { forward_rate: 0.0, delete_rate: 1.0, delete_rate_after_report: 1.0, ..Params::default() };
    #[rustfmt::skip]
    let cases = [
        (PlayerAct::Forward,     Status::Holds,   vec![PLAYER, SENDER]),
        (PlayerAct::Delete,      Status::Deleted, vec![SENDER]),
        (PlayerAct::TellSomeone, Status::Deleted, vec![SENDER]),
    ];
    for (act, player, holders) in cases {
        for seed in 0..50 {
            let (net, cascade, _) = run(act, &params, seed);
            assert_eq!(cascade.status(PLAYER), player, "{act:?} seed {seed}");
            let holding: Vec<u32> =
                (0..net.people()).filter(|&p| cascade.status(p) == Status::Holds).collect();
            assert_eq!(holding, holders, "{act:?} seed {seed}");
            assert_eq!(cascade.tally().steps, 1, "{act:?} seed {seed}: one round of deleting, then done");
        }
    }
}

#[test]
fn with_no_steps_nobody_else_decides() {
    let params = Params { max_steps: 0, forward_rate: 1.0, delete_rate: 1.0, ..Params::default() };
    for seed in 0..50 {
        let (_, cascade, _) = run(PlayerAct::Delete, &params, seed);
        assert_eq!(
            cascade.tally(),
            Tally { people: 60, seen: 30, holding: 29, deleted: 1, from_player: 0, steps: 0 },
            "seed {seed}"
        );
    }
}

#[test]
fn every_copy_knows_where_it_came_from() {
    for seed in SEEDS {
        for act in ACTS {
            let (net, cascade, _) = run(act, &Params { forward_rate: 0.3, ..Params::default() }, seed);
            for p in 0..net.people() {
                let case = format!("{act:?} seed {seed} person {p}");
                match (cascade.status(p), cascade.parent(p)) {
                    (Status::Unseen, parent) => assert_eq!(parent, None, "{case}"),
                    (_, None) => assert_eq!(p, SENDER, "{case}: only the sender's copy has no parent"),
                    (_, Some(from)) => {
                        assert_ne!(
                            cascade.status(from),
                            Status::Unseen,
                            "{case}: sent by {from}, who never had it"
                        );
                        if net.class_of(p) != net.class_of(SENDER) {
                            assert!(net.contacts(p).contains(&from), "{case}: {from} is not a contact");
                        }
                    }
                }
            }
            // Provenance counts the player's whole line of copies.
            let line = (0..net.people())
                .filter(|&p| {
                    let mut at = cascade.parent(p);
                    while let Some(q) = at {
                        if q == PLAYER {
                            return true;
                        }
                        at = cascade.parent(q);
                    }
                    false
                })
                .count();
            assert_eq!(cascade.descendants_of(PLAYER) as usize, line, "{act:?} seed {seed}");
        }
    }
}

#[test]
fn a_stopped_spread_stays_stopped() {
    let params = Params::default();
    let net = Network::classes(Shape::TWO_CLASSES, 8);
    let mut rng = Rng::new(8);
    let mut cascade = Cascade::start(&net, SENDER, PLAYER);
    cascade.player_acts(&net, PlayerAct::Forward, &params, &mut rng);
    cascade.run_to_end(&net, &params, &mut rng);
    let before = cascade.tally();
    assert!(before.steps >= 1, "the class chat decides at least once");
    assert!(!cascade.step(&net, &params, &mut rng));
    assert_eq!(cascade.tally(), before);
}

#[test]
fn a_player_who_never_got_it_cannot_act_on_it() {
    let net = Network::classes(Shape::TWO_CLASSES, 1);
    let outsider = 45; // in the other class from SENDER
    for act in ACTS {
        let mut rng = Rng::new(1);
        let mut cascade = Cascade::start(&net, SENDER, outsider);
        cascade.player_acts(&net, act, &Params::default(), &mut rng);
        assert_eq!(cascade.status(outsider), Status::Unseen, "{act:?}");
        let t = cascade.tally();
        assert_eq!(t.holding + t.deleted, t.seen, "{act:?}: {t:?}");
        assert_eq!(t.from_player, 0, "{act:?}: {t:?}");
    }
}

#[test]
fn a_seed_gives_the_same_spread_as_it_always_has() {
    // The same table is asserted in the browser by tests/web.rs.
    for (seed, act, want) in sim_golden() {
        let got = once_sent::sim::play_out(act, &Params::default(), seed);
        assert_eq!((got.seen, got.holding, got.from_player), want, "seed {seed} {act:?}");
    }
}

include!("common/golden.rs");
