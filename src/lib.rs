//! Once Sent: a browser game about what happens to a nude image once it is
//! shared, and where help is.
//!
//! A pure core ([`story`], [`sim`], [`game`], [`i18n`], [`save`]) that knows
//! nothing of the browser and is tested natively with
//! `cargo test --no-default-features`, and a thin shell (`ui`, behind the
//! `web` feature) that is the only place naming yew, web-sys or
//! wasm-bindgen. `story`, `sim` and `i18n` use none of each other.

pub mod assembly;
pub mod check;
pub mod content;
pub mod door;
pub mod explore;
pub mod game;
pub mod guides;
pub mod i18n;
pub mod keys;
pub mod map;
pub mod save;
pub mod settings;
pub mod sim;
pub mod story;

#[cfg(feature = "web")]
pub mod ui;
