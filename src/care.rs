//! The levels of care a warning sign can need: a word of their own, below the signs that
//! name them and the sentences that say them.

/// The level of care a sign needs, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Call 112 now.
    Call112,
    /// Right away: the emergency department through the out-of-hours line, or the doctor at once.
    Now,
    /// The same day: one's own doctor, or the out-of-hours doctor.
    SameDay,
    /// Within a few days: book a time with one's own doctor.
    Days,
}
