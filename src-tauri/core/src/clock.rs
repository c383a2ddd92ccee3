//! The one clock: what "today" and "now" are for every part of Bridgeplan.
//!
//! Nothing else reads the system date. The date can be fixed for a whole process with the
//! environment variable `BRIDGEPLAN_TODAY=YYYY-MM-DD` (the app, the command line and the
//! end-to-end tests use it), from code with [`set_today`] (the Rust tests), or for one thread
//! and one call with [`on_day`] (a test that lives through many days), or to the instant for
//! one thread with [`at_instant`] (a test of the timer). A fixed date keeps the
//! real time of day, so instants taken one after another still come in order.

use std::cell::Cell;
use std::sync::{OnceLock, RwLock};

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, TimeZone, Utc};

/// The environment variable that fixes "today" for a process.
pub const TODAY_VARIABLE: &str = "BRIDGEPLAN_TODAY";

/// The date tests run on when `BRIDGEPLAN_TODAY` is not set: a Tuesday, chosen because a
/// sprint that ends on a weekend is the case real dates used to break.
pub const DEFAULT_TEST_DAY: &str = "2026-12-01";

static FIXED: RwLock<Option<NaiveDate>> = RwLock::new(None);

thread_local! {
    static THIS_THREAD: Cell<Option<NaiveDate>> = const { Cell::new(None) };
    static INSTANT_THIS_THREAD: Cell<Option<DateTime<Utc>>> = const { Cell::new(None) };
}

/// Runs `f` with "now" fixed to `instant` on this thread only, and "today" to its local date:
/// a test of something that measures time (the timer) sets the instant, not only the day.
pub fn at_instant<T>(instant: DateTime<Utc>, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<DateTime<Utc>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            INSTANT_THIS_THREAD.with(|d| d.set(self.0));
        }
    }
    let _restore = Restore(INSTANT_THIS_THREAD.with(|d| d.replace(Some(instant))));
    f()
}

fn fixed_instant() -> Option<DateTime<Utc>> {
    INSTANT_THIS_THREAD.with(Cell::get)
}

/// Runs `f` with "today" fixed to `day` on this thread only (other threads keep theirs).
pub fn on_day<T>(day: NaiveDate, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<NaiveDate>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THIS_THREAD.with(|d| d.set(self.0));
        }
    }
    let _restore = Restore(THIS_THREAD.with(|d| d.replace(Some(day))));
    f()
}

/// Reads `BRIDGEPLAN_TODAY`: `Ok(None)` when unset, an error a user can act on when malformed.
pub fn from_env() -> Result<Option<NaiveDate>, String> {
    match std::env::var(TODAY_VARIABLE) {
        Err(_) => Ok(None),
        Ok(text) if text.trim().is_empty() => Ok(None),
        Ok(text) => parse_day(&text).map(Some),
    }
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{TODAY_VARIABLE} must be a date like 2026-12-01, not \"{text}\"."))
}

/// Fixes "today" for this process (`None` goes back to the system date and the variable).
pub fn set_today(day: Option<NaiveDate>) {
    *FIXED.write().unwrap_or_else(|e| e.into_inner()) = day;
}

/// Fixes the clock for a test run: to `BRIDGEPLAN_TODAY` when set, else to
/// [`DEFAULT_TEST_DAY`], so no test ever depends on the real date. Returns that day.
pub fn fix_for_tests() -> NaiveDate {
    let day = from_env()
        .ok()
        .flatten()
        .unwrap_or_else(|| parse_day(DEFAULT_TEST_DAY).expect("the default test day is a date"));
    set_today(Some(day));
    day
}

fn fixed() -> Option<NaiveDate> {
    if let Some(day) = THIS_THREAD.with(Cell::get) {
        return Some(day);
    }
    if let Some(day) = *FIXED.read().unwrap_or_else(|e| e.into_inner()) {
        return Some(day);
    }
    // The environment does not change while the process runs: read it once. A malformed
    // variable is reported where the process starts (main); here it is ignored.
    static FROM_ENV: OnceLock<Option<NaiveDate>> = OnceLock::new();
    *FROM_ENV.get_or_init(|| from_env().ok().flatten())
}

/// Today's date where the user is.
pub fn today() -> NaiveDate {
    if let Some(instant) = fixed_instant() {
        return instant.with_timezone(&Local).date_naive();
    }
    fixed().unwrap_or_else(|| Local::now().date_naive())
}

/// The current instant: on a fixed day, that day at the current local time of day.
pub fn now() -> DateTime<Utc> {
    if let Some(instant) = fixed_instant() {
        return instant;
    }
    let real = Local::now();
    match fixed() {
        None => real.with_timezone(&Utc),
        Some(day) => Local
            .from_local_datetime(&day.and_time(real.time()))
            .earliest()
            .map_or_else(|| real.with_timezone(&Utc), |t| t.with_timezone(&Utc)),
    }
}

/// [`now`] as RFC 3339 in UTC, to the second, as instants are stored.
pub fn now_rfc3339() -> String {
    now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_day_is_refused_with_the_variable_named() {
        let err = parse_day("02/12/2026").unwrap_err();
        assert!(err.contains(TODAY_VARIABLE), "{err}");
        assert_eq!(
            parse_day(" 2028-02-29 ").unwrap(),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
        assert!(parse_day("2027-02-29").is_err());
    }

    #[test]
    fn a_day_fixed_for_one_call_wins_and_is_undone_after() {
        let day = fix_for_tests();
        let leap = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        assert_eq!(on_day(leap, today), leap);
        assert_eq!(today(), day);
    }

    #[test]
    fn a_fixed_day_sets_both_today_and_now() {
        let day = fix_for_tests();
        assert_eq!(today(), day);
        assert_eq!(now().with_timezone(&Local).date_naive(), day);
    }
}
