//! The doors' screens, one module each: the story ([`play`]), Explore,
//! Assembly, the guides and pages around the game, and what shows while a
//! door's words are coming ([`pack`]), or while the rest of the game is
//! ([`rest`]: the first part of the game has the story's doors alone).
//! The root component (`ui::app`) picks one by the address; none of them
//! uses another.

pub mod assembly;
pub mod check;
pub mod explore;
pub mod guides;
pub mod pack;
pub mod play;
pub mod rest;
