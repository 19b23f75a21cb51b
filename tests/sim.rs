#![cfg(not(target_arch = "wasm32"))]
//! The seeded generator (portable, in range, unbiased) and the story's
//! spread: the numbers the story shows for each of the player's moves,
//! pinned by a golden table that the browser asserts too. The spread's
//! own rules are tested in tests/spread.rs.

use once_sent::sim::spread::PlayerMove;
use std::rc::Rc;

use once_sent::sim::{play_out, story_spread, Rng, Tally, World, Worlds, STORY_SCALE};

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

// ---- The story's spread ----

include!("common/story_golden.rs");

#[test]
fn a_seed_gives_the_same_story_spread_as_it_always_has() {
    // The same table is asserted in Chromium (tests/web.rs).
    let worlds = Worlds::default();
    for (seed, choice, want) in story_golden() {
        let got = play_out(&worlds, choice, seed);
        assert_eq!((got.seen, got.holding, got.from_player), want, "seed {seed} {choice:?}");
    }
}

#[test]
fn worlds_lend_the_last_world_built_again_and_build_anew_for_another_seed() {
    // The tally and the map ask for the same world one moment after the
    // other: the second is lent the first's, not a copy built again.
    let worlds = Worlds::default();
    let first = worlds.story(3);
    assert_eq!(*first, World::build(STORY_SCALE, 3), "the story's world for the seed");
    assert!(Rc::ptr_eq(&first, &worlds.story(3)), "the same seed lends the same world");
    let other = worlds.story(4);
    assert!(!Rc::ptr_eq(&first, &other), "another seed builds another world");
    assert_eq!(*other, World::build(STORY_SCALE, 4));
    assert!(Rc::ptr_eq(&other, &worlds.story(4)), "and lends that one from then on");
    // One world is kept: going back to the first seed builds it again,
    // the same world as before.
    let again = worlds.story(3);
    assert!(!Rc::ptr_eq(&first, &again) && *first == *again);
    // Worlds held apart share nothing.
    assert!(!Rc::ptr_eq(&again, &Worlds::default().story(3)));
}

#[test]
fn the_story_tally_is_the_end_of_the_map_s_run() {
    // The map plays the same spread a step (or part of a step) at a time;
    // its last counts must be the numbers the story quotes.
    let worlds = Worlds::default();
    for seed in [3, 99] {
        let world = worlds.story(seed);
        assert_eq!(world.people(), STORY_SCALE.size());
        for choice in PlayerMove::ALL {
            let mut spread = story_spread(&*world, choice, seed);
            let mut rng = Rng::new(seed);
            while spread.work(1 + rng.below(50)) != Some(false) {}
            assert_eq!(
                Tally::of(spread.counts(), world.people()),
                play_out(&worlds, choice, seed),
                "{seed} {choice:?}"
            );
        }
    }
}

#[test]
fn story_tallies_add_up_and_only_sharing_reaches_anyone_through_the_player() {
    let worlds = Worlds::default();
    for seed in 0..20 {
        for choice in PlayerMove::ALL {
            let t = play_out(&worlds, choice, seed);
            let case = format!("seed {seed} {choice:?}: {t:?}");
            assert_eq!(t.people, STORY_SCALE.size(), "{case}");
            assert!(t.holding <= t.seen && t.seen <= t.people, "{case}");
            assert!(t.deleted <= t.seen && t.from_player < t.seen, "{case}");
            // The whole class gets it from the group chat.
            assert!(t.seen >= 30, "{case}");
            match choice {
                PlayerMove::ForwardFriend => assert!(t.from_player >= 1, "{case}"),
                PlayerMove::ForwardGroup => assert!(t.from_player >= 30, "{case}"),
                _ => assert_eq!(t.from_player, 0, "{case}"),
            }
        }
    }
}
