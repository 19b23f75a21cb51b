//! The spread's queue of things that will happen, by the minute: a
//! calendar of one bucket per minute for the next few days, and a heap for
//! anything later.
//!
//! Owns only ordering; must not know what its items mean. Items come out
//! in order of their minute, and within a minute in the order they were
//! put in, exactly as a heap keyed on (minute, order of scheduling) would
//! give them, so the same seed gives the same run whatever the queue.
//! Why not just that heap: with a million people each waiting to act, a
//! heap pop walks twenty levels of a 24 MB array, each a cache miss, and
//! took half of a whole cascade; a bucket is read front to back.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Minutes the calendar covers ahead of now (2.8 days): nearly every
/// reply and view delay falls inside it. A power of two, so a minute's
/// bucket is a mask.
const WINDOW: u64 = 4096;

/// A queue of items due at given minutes.
#[derive(Clone, Debug)]
pub(crate) struct Queue<T> {
    /// `calendar[m % WINDOW]` holds the items due at minute `m`, for
    /// `now <= m < now + WINDOW`, in the order they were put in. A boxed
    /// slice, whose indexing the size-optimised build puts inline.
    calendar: Box<[Vec<T>]>,
    /// How many items of `calendar[now % WINDOW]` have been taken out.
    taken: usize,
    /// The minute being taken out now; nothing earlier remains.
    now: u64,
    /// Items in the calendar, not yet taken out.
    in_calendar: usize,
    /// One bit per bucket, set while it holds items: the next busy minute
    /// is found a word at a time, not a minute at a time.
    busy: [u64; (WINDOW / 64) as usize],
    /// Items due from `now + WINDOW` on, keyed by minute (high 32 bits)
    /// and order of scheduling (low 32): they move into the calendar as
    /// their minute comes into it, before anything is put straight into
    /// that minute's bucket, so order is kept.
    later: BinaryHeap<Reverse<(u64, Later<T>)>>,
    /// Order of scheduling, for `later`.
    seq: u32,
}

/// An item in the heap, compared by its key alone.
#[derive(Clone, Copy, Debug)]
struct Later<T>(T);

impl<T> PartialEq for Later<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl<T> Eq for Later<T> {}
impl<T> PartialOrd for Later<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Later<T> {
    fn cmp(&self, _: &Self) -> std::cmp::Ordering {
        std::cmp::Ordering::Equal
    }
}

impl<T: Copy> Queue<T> {
    /// An empty queue at minute 0.
    pub(crate) fn new() -> Self {
        Self {
            calendar: (0..WINDOW).map(|_| Vec::new()).collect(),
            taken: 0,
            now: 0,
            in_calendar: 0,
            busy: [0; (WINDOW / 64) as usize],
            later: BinaryHeap::new(),
            seq: 0,
        }
    }

    /// Whether nothing is waiting.
    pub(crate) fn is_empty(&self) -> bool {
        self.in_calendar == 0 && self.later.is_empty()
    }

    /// Puts `item` in for minute `minutes`, which must not be before the
    /// minute being taken out (nothing is scheduled in the past) nor past
    /// `u32::MAX`.
    pub(crate) fn push(&mut self, minutes: u64, item: T) {
        debug_assert!(minutes >= self.now, "scheduled in the past");
        if minutes < self.now + WINDOW {
            self.put(minutes, item);
        } else {
            self.later.push(Reverse((minutes << 32 | u64::from(self.seq), Later(item))));
            self.seq = self.seq.wrapping_add(1);
        }
    }

    /// Takes out the next item due at or before minute `end`, with its
    /// minute; `None` once nothing is due by then.
    pub(crate) fn pop_until(&mut self, end: u64) -> Option<(u64, T)> {
        loop {
            if self.now > end {
                return None;
            }
            let bucket = &mut self.calendar[(self.now % WINDOW) as usize];
            if self.taken < bucket.len() {
                let item = bucket[self.taken];
                self.taken += 1;
                self.in_calendar -= 1;
                return Some((self.now, item));
            }
            bucket.clear();
            let slot = self.now % WINDOW;
            self.busy[(slot / 64) as usize] &= !(1 << (slot % 64));
            self.taken = 0;
            // On to the next busy minute of the calendar; with the calendar
            // empty, to the next later item. Never past `end + 1`. Every
            // later item is due after every calendar minute, so none is
            // skipped.
            let next = if self.in_calendar > 0 {
                self.now + self.distance_to_busy(slot + 1)
            } else {
                self.later.peek().map_or(u64::MAX, |Reverse((key, _))| key >> 32)
            };
            self.now = next.min(end + 1).max(self.now + 1);
            while let Some(&Reverse((key, Later(item)))) = self.later.peek() {
                let minutes = key >> 32;
                if minutes >= self.now + WINDOW {
                    break;
                }
                self.later.pop();
                self.put(minutes, item);
            }
        }
    }

    /// (Inline: every event of a run comes through here.)
    #[inline(always)]
    fn put(&mut self, minutes: u64, item: T) {
        let slot = minutes % WINDOW;
        self.calendar[slot as usize].push(item);
        self.busy[(slot / 64) as usize] |= 1 << (slot % 64);
        self.in_calendar += 1;
    }

    /// How many minutes on from the one before `from` (a slot, wrapping
    /// round the calendar) the next busy bucket is. There must be one.
    fn distance_to_busy(&self, from: u64) -> u64 {
        let words = self.busy.len() as u64;
        for step in 0..=words {
            let bit = (from + step * 64) % WINDOW;
            // The word holding `bit`, without the bits before it on the
            // first look; a whole word after that.
            let word = self.busy[(bit / 64) as usize];
            let (first_bit, masked) =
                if step == 0 { (bit, word >> (bit % 64)) } else { (bit - bit % 64, word) };
            if masked != 0 {
                let slot = first_bit + u64::from(masked.trailing_zeros());
                return (slot + WINDOW - (from - 1) % WINDOW) % WINDOW;
            }
        }
        unreachable!("the calendar holds items but no bucket is busy")
    }

    /// Bytes held, by capacities.
    pub(crate) fn memory_bytes(&self) -> u64 {
        let buckets = self.calendar.iter().map(|b| b.capacity() * std::mem::size_of::<T>()).sum::<usize>();
        let headers = self.calendar.len() * std::mem::size_of::<Vec<T>>();
        let later = self.later.capacity() * std::mem::size_of::<Reverse<(u64, Later<T>)>>();
        (buckets + headers + later) as u64
    }
}
