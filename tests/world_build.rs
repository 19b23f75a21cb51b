#![cfg(not(target_arch = "wasm32"))]
//! Building the world in slices ([`WorldBuilder`]), so that the browser
//! never blocks for long while a region of a million people is built:
//! whatever the slices, the world is the one [`World::build_with`] builds
//! (which is the builder in one slice per phase), and the same to the bit
//! as before building was sliced (fingerprints taken from the one-go build
//! it replaced); each call does no more than it was asked; the progress
//! bar only moves forward, from 0 to 1; and a builder asked for its world
//! too early says so instead of panicking.

use once_sent::sim::world::{Scale, Ties, World, WorldBuilder, CLASS_SIZE};

/// Slice sizes: nothing (taken as one), one person, less than a class,
/// a class and either side of it, odd sizes, bigger than a town and than
/// a region, and no limit at all.
const SLICES: [u32; 13] = [0, 1, 7, 29, 30, 31, 59, 1_000, 4_321, 65_537, 1_000_003, 2_000_000, u32::MAX];

/// Tie densities far from the defaults: several sure ties per scale, and
/// fractions for the coins.
const ODD: Ties = Ties { in_class: 0.9, in_year: 7.3, in_school: 4.1, in_town: 2.2, in_region: 3.7 };

/// A build in slices of `people`, watched call by call.
struct Sliced {
    world: World,
    /// How many calls of `work` it took.
    calls: u32,
    /// The biggest step of the progress bar in one call.
    largest_step: f64,
}

/// Builds in slices of `people`, checking on every call that the bar
/// moves forward (every call does some work), that it reaches 1 exactly
/// when the world is done, and that a done builder stays done.
fn build_in_slices(scale: Scale, ties: Ties, seed: u64, people: u32) -> Sliced {
    let case = format!("{scale:?} seed {seed}, slices of {people}");
    let mut builder = WorldBuilder::new(scale, ties, seed);
    let mut progress = builder.progress();
    assert_eq!(progress, 0.0, "{case}: the bar starts empty");
    let (mut calls, mut largest_step) = (0, 0.0f64);
    loop {
        let done = builder.work(people);
        calls += 1;
        let now = builder.progress();
        assert!(now > progress, "{case}: call {calls} moved the bar from {progress} to {now}");
        assert_eq!(done, now == 1.0, "{case}: call {calls}: done {done} at {now}");
        largest_step = largest_step.max(now - progress);
        progress = now;
        if done {
            break;
        }
    }
    assert!(builder.work(people), "{case}: done, then not done");
    assert_eq!(builder.progress(), 1.0, "{case}: the bar moved after the end");
    let world = builder.finish().unwrap_or_else(|| panic!("{case}: done, but no world"));
    Sliced { world, calls, largest_step }
}

/// How many calls of `work(people)` a world of `scale` takes if each does
/// at most `people` people (at least one, and in the first phase whole
/// classes, at least one) and stops at the end of its phase: the classes,
/// then five more passes over everyone, then the public places in one.
fn calls_for(scale: Scale, people: u32) -> u32 {
    let (n, people) = (scale.size(), people.max(1));
    let classes = (people / CLASS_SIZE).max(1) * CLASS_SIZE;
    n.div_ceil(classes) + 5 * n.div_ceil(people) + 1
}

/// A fingerprint of everything a world holds (FNV-1a, 64 bits, over its
/// numbers in order): two worlds with the same fingerprint are, for any
/// purpose here, the same world.
fn fingerprint(world: &World) -> u64 {
    let mut hash = 0xCBF2_9CE4_8422_2325u64;
    let mut eat = |word: u32| {
        for byte in word.to_le_bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3);
        }
    };
    eat(world.people());
    for p in 0..world.people() {
        let row = world.contacts(p);
        eat(row.len() as u32);
        row.iter().for_each(|&q| eat(q));
    }
    for (i, place) in world.places().iter().enumerate() {
        eat(place.kind as u32);
        eat(Scale::ALL.iter().position(|&s| s == place.scope).expect("a scale") as u32);
        eat(place.community);
        let members = world.place_members(i);
        eat(members.len() as u32);
        members.iter().for_each(|&m| eat(m));
    }
    hash
}

/// Worlds built before building was sliced, by their fingerprints:
/// (scale, seed, densities if not the defaults, fingerprint).
#[rustfmt::skip]
const BEFORE: [(Scale, u64, Option<Ties>, u64); 20] = [
    (Scale::Class, 0, None, 0x74A8_BAAA_D3F2_9F56),
    (Scale::Class, 1, None, 0xDB60_DC5F_B7BD_E897),
    (Scale::Class, 2026, None, 0xA15A_C51F_94A4_95C3),
    (Scale::Class, 5, Some(ODD), 0xFFB7_437B_D408_FD72),
    (Scale::Year, 0, None, 0x2755_4A28_2C96_7939),
    (Scale::Year, 1, None, 0x8C6D_7744_D50B_EDC2),
    (Scale::Year, 2026, None, 0xBB14_E05E_D46C_0864),
    (Scale::Year, 5, Some(ODD), 0x1170_94C8_C1DF_B881),
    (Scale::School, 0, None, 0x1C67_EFE2_14E6_2B4E),
    (Scale::School, 1, None, 0xF549_53AC_D343_6F89),
    (Scale::School, 2026, None, 0x0295_41B7_A8E6_0F66),
    (Scale::School, 5, Some(ODD), 0x689E_A72F_F950_1591),
    (Scale::Town, 0, None, 0x027C_6827_CCE8_18C8),
    (Scale::Town, 1, None, 0x0560_09BA_53B7_7191),
    (Scale::Town, 2026, None, 0x7A93_CE3A_E152_6248),
    (Scale::Town, 5, Some(ODD), 0xB2C3_399E_E0D0_112B),
    (Scale::Region, 0, None, 0x9A20_8536_D421_AC22),
    (Scale::Region, 1, None, 0x305D_05EF_5D36_DB8C),
    (Scale::Region, 2026, None, 0x92F7_7032_1DC5_1F3E),
    (Scale::Region, 5, Some(ODD), 0x81AF_E1D5_A641_A8FF),
];

#[test]
fn the_worlds_are_the_ones_built_before_slicing() {
    for (scale, seed, ties, want) in BEFORE {
        let world = World::build_with(scale, &ties.unwrap_or_default(), seed);
        assert_eq!(fingerprint(&world), want, "{scale:?} seed {seed}, {ties:?}");
    }
}

#[test]
fn slices_of_any_size_build_the_same_world() {
    for scale in [Scale::Class, Scale::Year, Scale::School] {
        for seed in 0..4 {
            for ties in [Ties::default(), ODD] {
                let whole = World::build_with(scale, &ties, seed);
                for people in SLICES {
                    let sliced = build_in_slices(scale, ties, seed, people);
                    // Not assert_eq!: a failure would print both worlds.
                    assert!(sliced.world == whole, "{scale:?} seed {seed} {ties:?}, slices of {people}");
                    assert_eq!(sliced.calls, calls_for(scale, people), "{scale:?}, slices of {people}");
                }
            }
        }
    }
    for (seed, ties) in [(11, Ties::default()), (12, ODD)] {
        let whole = World::build_with(Scale::Town, &ties, seed);
        for people in SLICES {
            let sliced = build_in_slices(Scale::Town, ties, seed, people);
            assert!(sliced.world == whole, "town seed {seed} {ties:?}, slices of {people}");
            assert_eq!(sliced.calls, calls_for(Scale::Town, people), "town, slices of {people}");
        }
    }
}

#[test]
fn the_region_is_built_in_bounded_slices() {
    // Slices of 50,000 people: no call does more than that in any phase,
    // so it takes at least the six passes' people over 50,000 calls, and
    // the bar never jumps by more than the slice's share of the people.
    let n = Scale::Region.size();
    let whole = World::build(Scale::Region, 2026);
    let sliced = build_in_slices(Scale::Region, Ties::default(), 2026, 50_000);
    assert!(sliced.world == whole, "region, slices of 50,000");
    assert!(sliced.calls >= 6 * n / 50_000, "{} calls", sliced.calls);
    assert_eq!(sliced.calls, calls_for(Scale::Region, 50_000));
    assert!(sliced.largest_step <= 50_000.0 / f64::from(n), "a step of {}", sliced.largest_step);
    assert_eq!(fingerprint(&sliced.world), 0x92F7_7032_1DC5_1F3E, "region seed 2026 in slices");
    // Other sizes, on other densities: odd ones, so that slices end in
    // the middle of classes, year groups, schools and towns.
    let whole = World::build_with(Scale::Region, &ODD, 5);
    for people in [7_777, 333_333] {
        let sliced = build_in_slices(Scale::Region, ODD, 5, people);
        assert!(sliced.world == whole, "region, other densities, slices of {people}");
        assert_eq!(sliced.calls, calls_for(Scale::Region, people), "region, slices of {people}");
    }
}

/// Builds in one go into the arrays of `old`.
fn reusing(scale: Scale, ties: Ties, seed: u64, old: World) -> World {
    let mut builder = WorldBuilder::reusing(scale, ties, seed, old);
    while !builder.work(u32::MAX) {}
    builder.finish().expect("done")
}

#[test]
fn a_world_built_in_an_old_ones_arrays_is_the_world_itself() {
    // Any old world, of any scale and densities, bigger or smaller: the
    // arrays' contents and room change nothing.
    let olds = [(Scale::Class, 9, ODD), (Scale::School, 3, Ties::default()), (Scale::Town, 4, ODD)];
    for (scale, seed, ties) in
        [(Scale::Year, 1, Ties::default()), (Scale::School, 2, ODD), (Scale::Town, 7, Ties::default())]
    {
        let want = World::build_with(scale, &ties, seed);
        for (old_scale, old_seed, old_ties) in olds {
            let old = World::build_with(old_scale, &old_ties, old_seed);
            let built = reusing(scale, ties, seed, old);
            assert!(built == want, "{scale:?} seed {seed} in the arrays of {old_scale:?} seed {old_seed}");
        }
    }
    // In slices too: a builder that reuses is the same builder.
    let old = World::build(Scale::School, 5);
    let mut builder = WorldBuilder::reusing(Scale::School, Ties::default(), 6, old);
    while !builder.work(777) {}
    assert!(builder.finish() == Some(World::build(Scale::School, 6)));
}

#[test]
fn one_region_after_another_fits_in_the_first_ones_arrays() {
    // What Explore does at each "Try another run": the next region is
    // built in the last one's arrays. Its contacts fit in the room the
    // first one left (the pointer is where it was): the page asks for no
    // new memory for them, run after run.
    let first = World::build(Scale::Region, 1);
    let at = first.contacts(0).as_ptr();
    let mut world = first;
    for seed in 2..=6 {
        world = reusing(Scale::Region, Ties::default(), seed, world);
        assert_eq!(world.contacts(0).as_ptr(), at, "region seed {seed} moved its contacts");
    }
    assert_eq!(fingerprint(&world), fingerprint(&World::build(Scale::Region, 6)), "region seed 6, reused");
}

#[test]
fn an_unfinished_builder_gives_no_world() {
    assert!(WorldBuilder::new(Scale::Year, Ties::default(), 3).finish().is_none(), "before any work");
    // Stopped after every number of calls short of the end, in every
    // phase: no world, and no panic.
    let calls = calls_for(Scale::School, 400);
    for stop in 1..calls {
        let mut builder = WorldBuilder::new(Scale::School, Ties::default(), 3);
        for call in 1..=stop {
            assert!(!builder.work(400), "done after {call} calls of {calls}");
        }
        assert!(builder.finish().is_none(), "a world after {stop} calls of {calls}");
    }
    let mut builder = WorldBuilder::new(Scale::School, Ties::default(), 3);
    while !builder.work(400) {}
    assert!(builder.finish() == Some(World::build(Scale::School, 3)));
}

/// Times a region built in slices of 50,000, natively, for the record:
/// each phase in one slice, and the slowest call of `work(50_000)`.
/// Timing, so not run by default (`cargo test --release
/// --no-default-features --test world_build -- --ignored --nocapture`);
/// the bound is the browser's 50 ms for a whole task, far above what a
/// native slice takes.
#[test]
#[ignore = "timing: run on purpose, in release"]
fn a_region_slice_of_50_000_is_quick() {
    use std::time::{Duration, Instant};
    let mut builder = WorldBuilder::new(Scale::Region, Ties::default(), 2026);
    let mut phases = Vec::new();
    loop {
        let start = Instant::now();
        let done = builder.work(u32::MAX);
        phases.push(start.elapsed());
        if done {
            break;
        }
    }
    drop(builder);
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let total: Duration = phases.iter().sum();
    println!(
        "region, one slice per phase: {:?}, {}",
        phases.iter().map(|&d| ms(d)).collect::<Vec<_>>(),
        ms(total)
    );
    let mut builder = WorldBuilder::new(Scale::Region, Ties::default(), 2026);
    let (mut slowest, mut at, mut calls) = (Duration::ZERO, 0.0, 0);
    loop {
        let before = builder.progress();
        let start = Instant::now();
        let done = builder.work(50_000);
        let took = start.elapsed();
        calls += 1;
        if took > slowest {
            (slowest, at) = (took, before);
        }
        if done {
            break;
        }
    }
    println!(
        "region in slices of 50,000: {calls} calls, the slowest {} (from progress {at:.3})",
        ms(slowest)
    );
    assert!(slowest < Duration::from_millis(50), "a slice of 50,000 took {}", ms(slowest));
}
