#![cfg(not(target_arch = "wasm32"))]
//! The spread: the seeded generator (portable, in range, unbiased), the
//! class network (deterministic, symmetric, no self-contacts) and the
//! cascade (deterministic, counts that add up, provenance that holds, and
//! each of the player's seven acts changing only what it should). Properties are checked over a
//! few hundred seeds in plain loops.

use once_sent::sim::{
    play_out, Cascade, Network, Params, PlayerAct, Rng, Shape, Status, Tally, PLAYER, SENDER,
};

/// Every act, in the order of [`PlayerAct`].
const ACTS: [PlayerAct; 7] = [
    PlayerAct::ForwardFriend,
    PlayerAct::ForwardGroup,
    PlayerAct::Keep,
    PlayerAct::Delete,
    PlayerAct::ReplyStop,
    PlayerAct::TellAdult,
    PlayerAct::Report,
];
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
        assert_eq!(net.class_count(), shape.classes, "{shape:?}");
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
    run_in(Shape::TWO_CLASSES, SENDER, PLAYER, act, params, seed)
}

/// One run in a network of `shape`, the picture posted by `sender` and
/// the player being `player`.
fn run_in(
    shape: Shape,
    sender: u32,
    player: u32,
    act: PlayerAct,
    params: &Params,
    seed: u64,
) -> (Network, Cascade, Rng) {
    let net = Network::classes(shape, seed);
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(17));
    let mut cascade = Cascade::start(&net, sender, player);
    cascade.player_acts(&net, act, params, &mut rng);
    cascade.run_to_end(&net, params, &mut rng);
    (net, cascade, rng)
}

fn quiet() -> Params {
    Params { forward_rate: 0.0, ..Params::default() }
}

/// Whether the act sends the picture on.
fn shares(act: PlayerAct) -> bool {
    matches!(act, PlayerAct::ForwardFriend | PlayerAct::ForwardGroup)
}

/// How many of the player's contacts are outside the sender's class, where
/// nobody has it yet.
fn outside_contacts(net: &Network) -> u32 {
    net.contacts(PLAYER).iter().filter(|&&q| net.class_of(q) != net.class_of(SENDER)).count() as u32
}

#[test]
fn the_defaults_follow_the_research_and_help_only_helps() {
    // CONTENT.md: about 4-12% of receivers forward, never "everyone".
    let p = Params::default();
    assert!((0.04..=0.12).contains(&p.forward_rate), "forward_rate {}", p.forward_rate);
    // The model assumptions: speaking up, telling and reporting each make
    // things better than saying nothing, never worse, and never magic.
    assert!(0.0 < p.upstander_factor && p.upstander_factor < 1.0, "upstander_factor {}", p.upstander_factor);
    assert!(
        0.0 < p.app_report_factor && p.app_report_factor < 1.0,
        "app_report_factor {}",
        p.app_report_factor
    );
    assert!(
        p.delete_rate < p.delete_rate_after_report && p.delete_rate_after_report < 1.0,
        "delete_rate {} and after a report {}",
        p.delete_rate,
        p.delete_rate_after_report
    );
}

#[test]
fn same_seed_same_tally() {
    for seed in SEEDS {
        for act in ACTS {
            assert_eq!(play_out(act, &Params::default(), seed), play_out(act, &Params::default(), seed));
        }
    }
    let tallies: std::collections::BTreeSet<_> =
        (0..50).map(|s| format!("{:?}", play_out(PlayerAct::ForwardFriend, &Params::default(), s))).collect();
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
            match act {
                PlayerAct::ForwardFriend => {}
                PlayerAct::ForwardGroup => assert_eq!((t.seen, t.from_player), (60, 30), "{case}"),
                _ => assert_eq!(t.from_player, 0, "{case}"),
            }
        }
    }
}

#[test]
fn forwarding_to_a_friend_reaches_new_people_on_some_seeds() {
    let reached: Vec<u64> = SEEDS
        .filter(|&s| play_out(PlayerAct::ForwardFriend, &Params::default(), s).from_player > 0)
        .collect();
    assert!(!reached.is_empty(), "no seed in {SEEDS:?} lets the player's forward reach anyone");
}

#[test]
fn sharing_spreads_it_further_on_average() {
    let seen = |act| SEEDS.map(|s| u64::from(play_out(act, &Params::default(), s).seen)).sum::<u64>();
    let (group, friend) = (seen(PlayerAct::ForwardGroup), seen(PlayerAct::ForwardFriend));
    let (keep, delete) = (seen(PlayerAct::Keep), seen(PlayerAct::Delete));
    assert!(group > friend, "to a group reached {group}, to a friend {friend}, over {SEEDS:?}");
    assert!(friend > delete, "to a friend reached {friend}, delete {delete}, over {SEEDS:?}");
    assert_eq!(keep, delete, "keeping a copy sends nothing on");
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
            }
            let want = match act {
                // One friend, if the player has one who has not seen it.
                PlayerAct::ForwardFriend => outside_contacts(&net).min(1),
                PlayerAct::ForwardGroup => 30,
                _ => 0,
            };
            assert_eq!(reached.len() as u32, want, "{act:?} seed {seed}");
            if act == PlayerAct::ForwardFriend {
                assert!(
                    reached.iter().all(|p| net.contacts(PLAYER).contains(p)),
                    "seed {seed}: not a contact"
                );
            }
            let t = cascade.tally();
            assert_eq!(t.from_player as usize, reached.len(), "{act:?} seed {seed}");
            assert_eq!(t.seen as usize, 30 + reached.len(), "{act:?} seed {seed}");
        }
    }
}

#[test]
fn a_forward_to_a_friend_sends_one_copy_whatever_forward_contacts_says() {
    // Classes of two (the sender and the player) with no ties inside: every
    // contact the player has is someone who has not seen it yet.
    let shape = Shape { classes: 20, class_size: 2, tie_in_class: 0.0, ties_outside: 8 };
    for forward_contacts in [0, 1, 2, 3] {
        let params = Params { forward_contacts, ..quiet() };
        for seed in SEEDS {
            let (net, cascade, _) = run_in(shape, SENDER, PLAYER, PlayerAct::ForwardFriend, &params, seed);
            let want = u32::from(!net.contacts(PLAYER).is_empty());
            assert_eq!(cascade.tally().from_player, want, "seed {seed}, forward_contacts {forward_contacts}");
        }
    }
}

#[test]
fn everyone_else_forwards_to_at_most_forward_contacts_people() {
    for forward_contacts in [0, 1, 2, 3] {
        let params = Params { forward_rate: 1.0, forward_contacts, ..Params::default() };
        let mut most = 0;
        for seed in 0..100 {
            let (net, cascade, _) = run(PlayerAct::Delete, &params, seed);
            let mut sent = vec![0u32; net.people() as usize];
            for p in 0..net.people() {
                if let Some(from) = cascade.parent(p) {
                    sent[from as usize] += 1;
                }
            }
            for p in (0..net.people()).filter(|&p| p != SENDER) {
                let case = format!("seed {seed}, forward_contacts {forward_contacts}, person {p}");
                assert!(sent[p as usize] <= forward_contacts, "{case}: sent {}", sent[p as usize]);
                most = most.max(sent[p as usize]);
            }
            assert_eq!(sent[PLAYER as usize], 0, "seed {seed}: the player deleted it");
        }
        assert_eq!(most, forward_contacts, "nobody sent all {forward_contacts} copies");
    }
}

#[test]
fn a_group_forward_reaches_the_whole_next_class() {
    for seed in 0..100 {
        let (net, cascade, _) = run(PlayerAct::ForwardGroup, &Params::default(), seed);
        for p in net.class_members(1) {
            assert_ne!(cascade.status(p), Status::Unseen, "seed {seed}: {p}");
            assert_eq!(cascade.parent(p), Some(PLAYER), "seed {seed}: {p}");
        }
        assert_eq!(cascade.status(PLAYER), Status::Holds, "seed {seed}: the player's copy stays");
    }
    // Three classes, the picture posted in the last: the next class is the
    // first, and the one between hears of it only from someone else.
    let shape = Shape { classes: 3, class_size: 10, tie_in_class: 0.3, ties_outside: 4 };
    for seed in 0..100 {
        let (net, cascade, _) = run_in(shape, 21, 20, PlayerAct::ForwardGroup, &quiet(), seed);
        assert_eq!(net.class_count(), 3);
        for p in net.class_members(0) {
            assert_eq!(cascade.parent(p), Some(20), "seed {seed}: {p}");
        }
        for p in net.class_members(1) {
            assert_eq!(cascade.status(p), Status::Unseen, "seed {seed}: {p}");
        }
        assert_eq!(cascade.descendants_of(20), 10, "seed {seed}");
    }
}

#[test]
fn a_group_forward_in_a_school_of_one_class_reaches_nobody_new() {
    let shape = Shape { classes: 1, class_size: 30, tie_in_class: 0.3, ties_outside: 4 };
    for seed in 0..50 {
        let (_, cascade, _) = run_in(shape, SENDER, PLAYER, PlayerAct::ForwardGroup, &quiet(), seed);
        let t = cascade.tally();
        assert_eq!((t.people, t.seen, t.from_player), (30, 30, 0), "seed {seed}");
    }
}

/// Two runs of the same seed that must be the same run in who got a copy
/// from whom and in every number drawn (who still holds one may differ).
fn assert_same_run(a: &(Network, Cascade, Rng), b: &(Network, Cascade, Rng), case: &str) {
    let ((net, a, rng_a), (_, b, rng_b)) = (a, b);
    for p in 0..net.people() {
        assert_eq!(a.parent(p), b.parent(p), "{case}: parent of {p}");
        assert_eq!(a.status(p) == Status::Unseen, b.status(p) == Status::Unseen, "{case}: person {p}");
    }
    let (ta, tb) = (a.tally(), b.tally());
    assert_eq!((ta.seen, ta.from_player, ta.steps), (tb.seen, tb.from_player, tb.steps), "{case}");
    assert_eq!(rng_a, rng_b, "{case}: the generators drifted apart");
}

#[test]
fn keeping_a_copy_differs_from_deleting_it_only_by_that_copy() {
    for params in [Params::default(), Params { forward_rate: 0.5, ..Params::default() }] {
        for seed in SEEDS {
            let case = format!("seed {seed}, {params:?}");
            let (kept, deleted) =
                (run(PlayerAct::Keep, &params, seed), run(PlayerAct::Delete, &params, seed));
            assert_same_run(&kept, &deleted, &case);
            for p in (0..kept.0.people()).filter(|&p| p != PLAYER) {
                assert_eq!(kept.1.status(p), deleted.1.status(p), "{case}: person {p}");
            }
            assert_eq!(kept.1.status(PLAYER), Status::Holds, "{case}");
            assert_eq!(deleted.1.status(PLAYER), Status::Deleted, "{case}");
            let (k, d) = (kept.1.tally(), deleted.1.tally());
            assert_eq!((k.holding, k.deleted), (d.holding + 1, d.deleted - 1), "{case}");
        }
    }
}

#[test]
fn telling_an_adult_only_adds_deletions_to_what_deleting_does() {
    // Neither act draws a random number and each later decision draws the
    // same numbers, so the two runs are the same run, except that after a
    // report more people delete their copies.
    for params in [Params::default(), Params { forward_rate: 0.5, ..Params::default() }] {
        for seed in SEEDS {
            let deleted = run(PlayerAct::Delete, &params, seed);
            let told = run(PlayerAct::TellAdult, &params, seed);
            let case = format!("seed {seed}, {params:?}");
            assert_same_run(&deleted, &told, &case);
            let (d, t) = (deleted.1.tally(), told.1.tally());
            assert!(t.holding <= d.holding, "{case}: telling left more copies ({t:?} vs {d:?})");
            for p in 0..deleted.0.people() {
                if deleted.1.status(p) == Status::Deleted {
                    assert_eq!(told.1.status(p), Status::Deleted, "{case}: person {p}");
                }
            }
            assert!(!deleted.1.reported(), "{case}");
            assert!(told.1.reported(), "{case}");
        }
    }
}

#[test]
fn each_way_of_standing_up_is_a_delete_where_its_own_parameter_changes_nothing() {
    let d = Params::default();
    #[rustfmt::skip]
    let cases = [
        ("a reply with no effect on anyone", PlayerAct::ReplyStop, Params { upstander_factor: 1.0, ..d }),
        ("a report that blocks nothing",     PlayerAct::Report,    Params { app_report_factor: 1.0, ..d }),
        ("an adult nobody listens to",       PlayerAct::TellAdult, Params { delete_rate_after_report: d.delete_rate, ..d }),
        ("a reply where nobody forwards",    PlayerAct::ReplyStop, quiet()),
        ("a report where nobody forwards",   PlayerAct::Report,    quiet()),
    ];
    for (name, act, params) in cases {
        for seed in SEEDS {
            let (deleted, other) = (run(PlayerAct::Delete, &params, seed), run(act, &params, seed));
            let case = format!("{name}, seed {seed}");
            assert_same_run(&deleted, &other, &case);
            for p in 0..deleted.0.people() {
                assert_eq!(deleted.1.status(p), other.1.status(p), "{case}: person {p}");
            }
            assert_eq!(deleted.1.tally(), other.1.tally(), "{case}");
        }
    }
}

#[test]
fn a_reply_or_a_report_that_stops_all_forwarding_keeps_it_in_the_class() {
    // Everyone forwards, unless the player's act stops them all.
    for (act, params) in [
        (PlayerAct::ReplyStop, Params { forward_rate: 1.0, upstander_factor: 0.0, ..Params::default() }),
        (PlayerAct::Report, Params { forward_rate: 1.0, app_report_factor: 0.0, ..Params::default() }),
    ] {
        let mut spread_without = 0;
        for seed in 0..100 {
            let t = run(act, &params, seed).1.tally();
            assert_eq!((t.seen, t.from_player, t.steps), (30, 0, 1), "{act:?} seed {seed}: {t:?}");
            if run(PlayerAct::Delete, &params, seed).1.tally().seen > 30 {
                spread_without += 1;
            }
        }
        assert!(spread_without > 0, "{act:?}: it stayed in the class even without the act");
    }
}

#[test]
fn on_average_each_way_of_standing_up_does_better_than_deleting_alone() {
    let total = |act, count: fn(Tally) -> u32| {
        SEEDS.map(|seed| count(run(act, &Params::default(), seed).1.tally())).sum::<u32>()
    };
    let seen = |act| total(act, |t| t.seen);
    let holding = |act| total(act, |t| t.holding);
    let (deleted, replied, reported) =
        (seen(PlayerAct::Delete), seen(PlayerAct::ReplyStop), seen(PlayerAct::Report));
    assert!(replied < deleted, "seen after a reply {replied}, after deleting {deleted}");
    assert!(reported < replied, "seen after a report {reported}, after a reply {replied}");
    let (told, deleted) = (holding(PlayerAct::TellAdult), holding(PlayerAct::Delete));
    assert!(told < deleted, "copies after telling {told}, after deleting {deleted}");
}

#[test]
fn the_player_acts_once_and_never_again() {
    // Everyone else deletes at once; the sender never decides (they sent it).
    let params =
        Params { forward_rate: 0.0, delete_rate: 1.0, delete_rate_after_report: 1.0, ..Params::default() };
    for act in ACTS {
        let (player, holders) = match act {
            PlayerAct::ForwardFriend | PlayerAct::ForwardGroup | PlayerAct::Keep => {
                (Status::Holds, vec![PLAYER, SENDER])
            }
            _ => (Status::Deleted, vec![SENDER]),
        };
        for seed in 0..50 {
            let (net, cascade, _) = run(act, &params, seed);
            assert_eq!(cascade.status(PLAYER), player, "{act:?} seed {seed}");
            let holding: Vec<u32> =
                (0..net.people()).filter(|&p| cascade.status(p) == Status::Holds).collect();
            assert_eq!(holding, holders, "{act:?} seed {seed}");
            assert_eq!(cascade.tally().steps, 1, "{act:?} seed {seed}: one round of deleting, then done");
            assert_eq!(cascade.reported(), act == PlayerAct::TellAdult, "{act:?} seed {seed}");
        }
    }
}

#[test]
fn with_no_steps_nobody_else_decides() {
    let params = Params { max_steps: 0, forward_rate: 1.0, delete_rate: 1.0, ..Params::default() };
    for seed in 0..50 {
        for act in ACTS {
            let (net, cascade, _) = run(act, &params, seed);
            let friend = outside_contacts(&net).min(1);
            #[rustfmt::skip]
            let (seen, holding, deleted, from_player) = match act {
                PlayerAct::ForwardFriend => (30 + friend, 30 + friend, 0, friend),
                PlayerAct::ForwardGroup  => (60, 60, 0, 30),
                PlayerAct::Keep          => (30, 30, 0, 0),
                _                        => (30, 29, 1, 0),
            };
            assert_eq!(
                cascade.tally(),
                Tally { people: 60, seen, holding, deleted, from_player, steps: 0 },
                "{act:?} seed {seed}"
            );
        }
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
                        // Outside the class chat, a copy came from a contact,
                        // or from the player's group forward.
                        let by_group = act == PlayerAct::ForwardGroup && from == PLAYER;
                        if net.class_of(p) != net.class_of(SENDER) && !by_group {
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
            if !shares(act) {
                assert_eq!(line, 0, "{act:?} seed {seed}");
            }
        }
    }
}

#[test]
fn a_stopped_spread_stays_stopped() {
    let params = Params::default();
    for act in ACTS {
        let net = Network::classes(Shape::TWO_CLASSES, 8);
        let mut rng = Rng::new(8);
        let mut cascade = Cascade::start(&net, SENDER, PLAYER);
        cascade.player_acts(&net, act, &params, &mut rng);
        cascade.run_to_end(&net, &params, &mut rng);
        let before = cascade.tally();
        assert!(before.steps >= 1, "{act:?}: the class chat decides at least once");
        assert!(!cascade.step(&net, &params, &mut rng), "{act:?}");
        assert_eq!(cascade.tally(), before, "{act:?}");
    }
}

#[test]
fn a_player_who_never_got_it_cannot_act_on_it() {
    let net = Network::classes(Shape::TWO_CLASSES, 1);
    let outsider = 45; // in the other class from SENDER
    let untouched = Cascade::start(&net, SENDER, outsider).tally();
    for act in ACTS {
        let mut rng = Rng::new(1);
        let mut cascade = Cascade::start(&net, SENDER, outsider);
        cascade.player_acts(&net, act, &Params::default(), &mut rng);
        assert_eq!(cascade.status(outsider), Status::Unseen, "{act:?}");
        assert_eq!(cascade.tally(), untouched, "{act:?}: nothing happened");
        assert_eq!(rng, Rng::new(1), "{act:?}: nothing was drawn");
        assert!(!cascade.reported(), "{act:?}");
    }
}

#[test]
fn a_seed_gives_the_same_spread_as_it_always_has() {
    // The same table is asserted in the browser by tests/web.rs.
    let table = sim_golden();
    for act in ACTS {
        assert!(table.iter().any(|&(_, a, _)| a == act), "the table has no {act:?}");
    }
    for (seed, act, want) in table {
        let got = once_sent::sim::play_out(act, &Params::default(), seed);
        assert_eq!((got.seen, got.holding, got.from_player), want, "seed {seed} {act:?}");
    }
}

include!("common/golden.rs");
