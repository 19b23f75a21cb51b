//! The spread: how copies of one picture move from phone to phone.
//!
//! Pure and deterministic: a seed fixes the network and every decision in
//! it, with a portable generator ([`rng::Rng`]), so the same seed gives the
//! same run natively and in the browser. The simulation counts steps; how
//! fast they play on screen is the shell's choice. Knows nothing of the
//! story, the words or the browser.

pub mod cascade;
pub mod network;
mod queue;
pub mod rng;
pub mod spread;
mod streams;
pub mod world;

pub use cascade::{Cascade, Params, PlayerAct, Status, Tally};
pub use network::{Network, Person, Shape};
pub use rng::Rng;

/// The player's place in the first chapter's network.
pub const PLAYER: Person = 0;
/// The classmate who posted the picture to the class group chat.
pub const SENDER: Person = 1;

/// Plays the first chapter's spread to its end: the picture lands in the
/// class group chat of a two-class network, the player acts, and everyone
/// else behaves by `params`.
pub fn play_out(act: PlayerAct, params: &Params, seed: u64) -> Tally {
    let net = Network::classes(Shape::TWO_CLASSES, seed);
    // One stream for the network and one for the decisions, so that a
    // change in how decisions are drawn never changes who knows whom.
    let mut rng = Rng::new(seed ^ 0x5EED_0F5E_C04D);
    let mut run = Cascade::start(&net, SENDER, PLAYER);
    run.player_acts(&net, act, params, &mut rng);
    run.run_to_end(&net, params, &mut rng);
    run.tally()
}
