//! The pieces that screens are made of, shared by the doors and the
//! scenes: the frame with its bar, Help and Settings, the phone, the sheet
//! of choices, "What if?", the words of a card between chapters, a body of
//! text, and the game's mark.

pub mod cards;
pub mod choices;
pub mod framed;
pub mod help;
pub mod phone;
pub mod settings;
pub mod shield;
pub mod text;
pub mod topbar;
pub mod whatif;
