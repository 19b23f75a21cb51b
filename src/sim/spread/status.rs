//! Where each person stands with the picture: the status code the run
//! keeps for each, one byte a person.

/// Where one person stands with the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Never saw it.
    Unseen,
    /// Saw it in a public place; no copy of their own unless they saved it.
    Seen,
    /// The message is on their phone.
    Holds,
    /// Deleted the message (a saved copy, if any, stays).
    Deleted,
    /// Reported it (and deleted the message; a saved copy stays).
    Reported,
}

/// The bit of a status code ([`Spread::status_codes`](super::Spread::status_codes)) that says the
/// person saved a copy (a screenshot): it survives deleting the message
/// and every block.
pub const SAVED_COPY: u8 = 0x80;

impl Status {
    /// The status in a status code: its low bits.
    pub fn from_code(code: u8) -> Status {
        match code & !SAVED_COPY {
            UNSEEN => Status::Unseen,
            SEEN => Status::Seen,
            HOLDS => Status::Holds,
            DELETED => Status::Deleted,
            _ => Status::Reported,
        }
    }
}

pub(super) const UNSEEN: u8 = 0;
pub(super) const SEEN: u8 = 1;
pub(super) const HOLDS: u8 = 2;
pub(super) const DELETED: u8 = 3;
pub(super) const REPORTED: u8 = 4;

/// Whether a status code means a copy is on the phone.
pub(super) fn has_copy(code: u8) -> bool {
    code & !SAVED_COPY == HOLDS || code & SAVED_COPY != 0
}
