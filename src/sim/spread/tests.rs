//! The two private waiting-time draws, whose shape the spread's
//! timing rests on. Fixed seeds: nothing here can fail by chance.

use super::draws::{delay, exponential, exponential_below, MAX_DOUBLINGS};
use crate::sim::rng::Rng;

#[test]
fn exponential_has_mean_and_variance_one() {
    let mut rng = Rng::new(11);
    let draws: Vec<f64> = (0..200_000).map(|_| exponential(&mut rng)).collect();
    let mean = draws.iter().sum::<f64>() / draws.len() as f64;
    let var = draws.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / draws.len() as f64;
    assert!((mean - 1.0).abs() < 0.01, "mean {mean}");
    assert!((var - 1.0).abs() < 0.03, "variance {var}");
    // P(X > 1) = 1/e.
    let above = draws.iter().filter(|&&x| x > 1.0).count() as f64 / draws.len() as f64;
    assert!((above - (-1.0f64).exp()).abs() < 0.005, "P(X > 1) = {above}");
    assert!(draws.iter().all(|&x| x >= 0.0));
}

#[test]
fn a_wait_below_a_limit_is_the_wait_itself_or_none() {
    // The same stream gives the same wait, whether drawn whole or only as
    // far as it takes to know it is over the limit; and limits right at a
    // wait's own value are on the right side.
    for seed in 0..20_000u64 {
        let whole = exponential(&mut Rng::new(seed));
        for limit in
            [0.0, 0.05, 0.1, 0.5, 1.0, 1.7, 3.0, whole, f64::from_bits(whole.to_bits() + 1), f64::INFINITY]
        {
            let below = exponential_below(&mut Rng::new(seed), limit);
            assert_eq!(below, (whole < limit).then_some(whole), "seed {seed}, limit {limit}");
        }
    }
}

#[test]
fn delays_have_half_below_their_base_and_a_capped_tail() {
    let mut rng = Rng::new(12);
    let base = 20;
    let draws: Vec<u64> = (0..100_000).map(|_| delay(&mut rng, base)).collect();
    let below = draws.iter().filter(|&&d| d < base).count() as f64 / draws.len() as f64;
    // Half fall in the first span for sure; later spans add a little.
    assert!((0.5..0.75).contains(&below), "{below} below the base");
    assert!(draws.iter().all(|&d| d < base << MAX_DOUBLINGS));
    assert!(draws.iter().any(|&d| d >= base << (MAX_DOUBLINGS - 1)), "no long tail");
    assert_eq!(delay(&mut rng, 0), 0);
}
