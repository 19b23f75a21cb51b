//! What the shell does to the browser beyond drawing: storage (local and
//! session), timers, fetching the packs and the doors' styles, the page's
//! settings, the window's events and full screen, the channel between
//! Assembly's windows, and loading the rest of the game.
//! Nothing here draws a screen; the doors, scenes and parts call on it.

pub mod channel;
pub mod fullscreen;
pub mod packs;
pub mod rest;
pub mod settings;
pub mod storage;
pub mod styles;
pub mod timer;
pub mod window;
