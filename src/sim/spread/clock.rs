//! The run's clock: minutes from an hour to a year, the phases of its
//! steps, and where each step ends.

/// Minutes in an hour.
pub const HOUR: u64 = 60;
/// Minutes in a day.
pub const DAY: u64 = 24 * HOUR;
/// Minutes in a week.
pub const WEEK: u64 = 7 * DAY;
/// Minutes in a year of 365 days.
pub const YEAR: u64 = 365 * DAY;
/// Minutes in a month: a twelfth of a year (30.4 days).
pub const MONTH: u64 = YEAR / 12;

/// The clock's phases as (step length, the phase ends at), all in
/// minutes: five-minute steps for the first hour, then hours to the end
/// of the first day, days to a week, weeks to a month, months to a year.
/// After the last phase the steps are a year long.
pub const PHASES: [(u64, u64); 5] = [(5, HOUR), (HOUR, DAY), (DAY, WEEK), (WEEK, MONTH), (MONTH, YEAR)];

/// The end of every step, in minutes since the picture was posted, up to
/// `horizon` (see [`PHASES`]). A phase's last step is cut short where the
/// phase ends, so every phase boundary is a step boundary.
pub fn schedule(horizon: u64) -> Vec<u64> {
    let mut ends = Vec::new();
    let mut t = 0;
    for (length, until) in PHASES.into_iter().chain(std::iter::once((YEAR, u64::MAX))) {
        let until = until.min(horizon);
        while t < until {
            t = (t + length).min(until);
            ends.push(t);
        }
    }
    ends
}
