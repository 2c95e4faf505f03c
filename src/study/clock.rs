//! Time for the scheduler, injected so that tests can live through months in milliseconds,
//! and the study day, which rolls over at a set hour rather than at midnight.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use std::sync::Mutex;

/// Where "now" comes from.
pub trait Clock: Send + Sync {
    /// The current moment in the user's local offset.
    fn now(&self) -> DateTime<FixedOffset>;
}

/// The computer's clock and time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        chrono::Local::now().fixed_offset()
    }
}

/// A clock that only moves when told to (for tests and simulations).
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<DateTime<FixedOffset>>,
}

impl ManualClock {
    /// A clock standing at `start`.
    pub fn new(start: DateTime<FixedOffset>) -> ManualClock {
        ManualClock {
            now: Mutex::new(start),
        }
    }

    /// A clock standing at the given local time in Almaty (UTC+5).
    pub fn almaty(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> ManualClock {
        let offset = FixedOffset::east_opt(5 * 3600).expect("UTC+5 is a valid offset");
        let start = offset
            .with_ymd_and_hms(year, month, day, hour, minute, 0)
            .single()
            .expect("a valid local time");
        ManualClock::new(start)
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        let mut now = self.now.lock().expect("the clock lock is never poisoned");
        *now += by;
    }

    /// Puts the clock at `moment`.
    pub fn set(&self, moment: DateTime<FixedOffset>) {
        *self.now.lock().expect("the clock lock is never poisoned") = moment;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<FixedOffset> {
        *self.now.lock().expect("the clock lock is never poisoned")
    }
}

/// The first day of the Unix epoch, from which study days are counted.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("1970-01-01 exists")
}

/// The study day `moment` belongs to, as days since 1970-01-01: the local date, except that
/// the hours before `day_starts_at` still belong to the day before.
pub fn study_day(moment: DateTime<FixedOffset>, day_starts_at: u8) -> i64 {
    let shifted = moment.naive_local() - Duration::hours(i64::from(day_starts_at));
    (shifted.date() - epoch()).num_days()
}

/// The calendar date of a study day.
pub fn date_of(day: i64) -> NaiveDate {
    epoch() + Duration::days(day)
}

/// The moment study day `day` begins, in the offset of `reference`.
pub fn day_start(
    day: i64,
    day_starts_at: u8,
    reference: DateTime<FixedOffset>,
) -> DateTime<FixedOffset> {
    let local = date_of(day)
        .and_hms_opt(u32::from(day_starts_at.min(23)), 0, 0)
        .expect("a valid hour");
    reference
        .offset()
        .from_local_datetime(&local)
        .single()
        .expect("a fixed offset maps every local time")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_rolls_over_at_the_set_hour() {
        let clock = ManualClock::almaty(2026, 3, 10, 3, 59);
        let before = study_day(clock.now(), 4);
        clock.advance(Duration::minutes(1));
        let after = study_day(clock.now(), 4);
        assert_eq!(after, before + 1);
        assert_eq!(
            date_of(after),
            NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
        );
        assert_eq!(day_start(after, 4, clock.now()), clock.now());
    }
}
