//! A person's number: people are numbered community by community, class
//! first (see [`super::world`]).

/// A person's index in a [`super::world::World`].
pub type Person = u32;
