//! What the shell does to the browser beyond drawing: storage (local and
//! session), timers, fetching the packs and the doors' styles, the page's
//! settings, the window's events and full screen, and the channel between
//! Assembly's windows.
//! Nothing here draws a screen; the doors, scenes and parts call on it.

pub mod channel;
pub mod fullscreen;
pub mod packs;
pub mod settings;
pub mod storage;
pub mod styles;
pub mod timer;
pub mod window;
